/* civic-room.h — a room hearings are held in, as administrators run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-day.h"

G_BEGIN_DECLS

/* A room of the hall (the whole hall's, or one department's): its name,
 * building, seats and equipment, and the periods it is closed. Scheduling
 * a hearing reads the same JSON (civic_hearing_check_room()). */

typedef enum
{
  CIVIC_ROOM_EQUIPMENT_NONE      = 0,
  CIVIC_ROOM_EQUIPMENT_RECORDING = 1 << 0,  /*< nick=recording >*/
  CIVIC_ROOM_EQUIPMENT_VIDEO     = 1 << 1,  /*< nick=video >*/
} CivicRoomEquipment;

/* One period a room is closed: from the first moment to the one after
 * the last */
typedef struct
{
  GDateTime *from;
  GDateTime *to;
  char      *reason;
} CivicRoomClosure;

#define CIVIC_ROOM_CAPACITY_MAX 10000

#define CIVIC_TYPE_ROOM (civic_room_get_type ())
G_DECLARE_FINAL_TYPE (CivicRoom, civic_room, CIVIC, ROOM, GObject)

CivicRoom  *civic_room_new                (const char     *id);
CivicRoom  *civic_room_copy               (CivicRoom      *self);
CivicRoom  *civic_room_new_from_json      (JsonNode       *node,
                                           GError        **error);
JsonNode   *civic_room_to_json            (CivicRoom      *self);

const char *civic_room_get_id             (CivicRoom      *self);
gint64      civic_room_get_rev            (CivicRoom      *self);
void        civic_room_set_rev            (CivicRoom      *self,
                                           gint64          rev);
const char *civic_room_get_name           (CivicRoom      *self);
const char *civic_room_get_building       (CivicRoom      *self);
guint       civic_room_get_capacity       (CivicRoom      *self);
/* %NULL: the whole hall's */
const char *civic_room_get_department_id  (CivicRoom      *self);
CivicRoomEquipment civic_room_get_equipment (CivicRoom    *self);
char       *civic_room_describe_equipment (CivicRoomEquipment equipment);

guint       civic_room_get_n_closures     (CivicRoom      *self);
const CivicRoomClosure *civic_room_get_closure (CivicRoom *self,
                                           guint           index);
const CivicRoomClosure *civic_room_closure_at  (CivicRoom *self,
                                           GDateTime      *from,
                                           GDateTime      *to);
char       *civic_room_closure_describe   (const CivicRoomClosure *closure);

/* What the room's commands change */
void        civic_room_set_fields         (CivicRoom      *self,
                                           const char     *name,
                                           const char     *building,
                                           guint           capacity,
                                           const char     *department_id,
                                           CivicRoomEquipment equipment);
void        civic_room_add_closure        (CivicRoom      *self,
                                           GDateTime      *from,
                                           GDateTime      *to,
                                           const char     *reason);
gboolean    civic_room_remove_closure     (CivicRoom      *self,
                                           GDateTime      *from);

G_END_DECLS
