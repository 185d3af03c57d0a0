/* civic-room-kind.h — a hearing room as a kind of record administrators act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-entity.h"
#include "civic-room.h"

G_BEGIN_DECLS

/* What the hall's administrators, and each department's for its own
 * rooms, do with a room (docs/plans/catalogue.md, decision 10) */
typedef enum
{
  CIVIC_ROOM_ACTION_ADD,     /*< nick=add-room >*/
  CIVIC_ROOM_ACTION_EDIT,    /*< nick=edit-room >*/
  CIVIC_ROOM_ACTION_CLOSE,   /*< nick=close-room >*/
  CIVIC_ROOM_ACTION_REOPEN,  /*< nick=reopen-room >*/
} CivicRoomAction;

#define CIVIC_N_ROOM_ACTIONS (CIVIC_ROOM_ACTION_REOPEN + 1)

/* The department argument's value for a room of the whole hall */
#define CIVIC_ROOM_WHOLE_HALL "-"

extern const CivicEntityKind civic_room_kind;

const char          *civic_room_action_get_label     (CivicRoomAction action);
const CivicArgument *civic_room_action_get_arguments (CivicRoomAction action);

G_END_DECLS
