/* civic-room-records.c — the rooms hearings are held in, as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-room-records"

#include "config.h"

#include <inttypes.h>

#include "civic-i18n.h"

#include "civic-hearing-kind.h"
#include "civic-hearing-records.h"
#include "civic-json.h"
#include "civic-policy.h"
#include "civic-room-kind.h"
#include "civic-room-records.h"
#include "civic-server-db.h"
#include "civic-workflow.h"

/* A room is an entity of the feed, read by every official who schedules
 * a hearing (civic_hearing_check_room()); the commands of
 * civic-room-kind.c change it like any record, so that each change is in
 * the ledger, the audit log and an outbox. What only the service can
 * tell is checked here, in the command's transaction: whether the
 * department exists, and whether a hearing is booked in the room when it
 * is to be closed. */

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, CIVIC_ENTITY_ROOM, id, error);
  g_autoptr(JsonNode) node = NULL;
  CivicRoom *room;

  if (row == NULL || row->deleted)
    return NULL;
  node = civic_json_parse (row->data, -1, error);
  if (node == NULL)
    return NULL;
  room = civic_room_new_from_json (node, error);
  /* The revision is the row's: rooms the command line wrote before rooms
   * were commands carry none in their JSON */
  if (room != NULL)
    civic_room_set_rev (room, row->rev);
  return room != NULL ? G_OBJECT (room) : NULL;
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  CivicRoom *room = CIVIC_ROOM (record);
  g_autoptr(JsonNode) node = civic_room_to_json (room);

  return civic_server_db_put_entity (db, CIVIC_ENTITY_ROOM, civic_room_get_id (room),
                                     civic_room_get_rev (room), node, NULL, error);
}

static gboolean
refuse_with (GError     **error,
             int          code,
             const char  *format,
             const char  *value)
{
  g_set_error (error, CIVIC_WORKFLOW_ERROR, code, format, value);
  return FALSE;
}

/* A hearing booked in @room during its newest closure, if any: closing
 * is refused naming it, so that nobody finds the door shut */
static gboolean
check_no_hearing (CivicDb      *db,
                  CivicRoom    *room,
                  GError      **error)
{
  const CivicRoomClosure *closure = NULL;
  g_autoptr(CivicRoom) before = NULL;

  /* The closure this command added: the one the stored room lacks */
  before = CIVIC_ROOM (store_load (db, civic_room_get_id (room), error));
  if (before == NULL && error != NULL && *error != NULL)
    return FALSE;
  for (guint i = 0; i < civic_room_get_n_closures (room) && closure == NULL; i++)
    {
      const CivicRoomClosure *candidate = civic_room_get_closure (room, i);
      gboolean known = FALSE;

      for (guint j = 0; before != NULL && j < civic_room_get_n_closures (before); j++)
        known |= g_date_time_equal (civic_room_get_closure (before, j)->from, candidate->from);
      if (!known)
        closure = candidate;
    }
  if (closure == NULL)
    return TRUE;

  return civic_room_records_check_closing (db, civic_room_get_id (room), closure->from,
                                           closure->to, error);
}

/**
 * civic_room_records_check_closing:
 *
 * Whether @room_id may be closed from @from to @to: refused with
 * %CIVIC_WORKFLOW_ERROR_CLASH, naming the hearing, while one is booked in
 * it then — for a command and the command line alike
 */
gboolean
civic_room_records_check_closing (CivicDb      *db,
                                  const char   *room_id,
                                  GDateTime    *from,
                                  GDateTime    *to,
                                  GError      **error)
{
  g_autoptr(GPtrArray) booked = civic_hearing_records_booked (db, from, to, error);

  if (booked == NULL)
    return FALSE;
  for (guint i = 0; i < booked->len; i++)
    {
      CivicHearing *hearing = g_ptr_array_index (booked, i);
      g_autofree char *label = NULL;

      if (g_strcmp0 (civic_hearing_get_room_id (hearing), room_id) != 0)
        continue;
      label = civic_hearing_kind.label (G_OBJECT (hearing));
      /* Translators: closing a room refused: "The 听证 … is booked in the room then: …" */
      return refuse_with (error, CIVIC_WORKFLOW_ERROR_CLASH,
                          _("%s is booked in the room then: move it to another room or time "
                            "first"), label);
    }
  return TRUE;
}

/* The hearings booked in @room from @now on still fit it as edited: its
 * department's, with a seat for everyone (civic_hearing_check_room()) */
static gboolean
check_bookings_still_fit (CivicDb      *db,
                          CivicRoom    *room,
                          GDateTime    *now,
                          GError      **error)
{
  g_autoptr(GPtrArray) booked = civic_hearing_records_booked (db, now, NULL, error);
  g_autoptr(JsonNode) node = NULL;

  if (booked == NULL)
    return FALSE;
  node = civic_room_to_json (room);
  for (guint i = 0; i < booked->len; i++)
    {
      CivicHearing *hearing = g_ptr_array_index (booked, i);
      g_autofree char *reason = NULL;
      g_autofree char *label = NULL;

      if (g_strcmp0 (civic_hearing_get_room_id (hearing), civic_room_get_id (room)) != 0)
        continue;
      reason = civic_hearing_check_room (hearing, json_node_get_object (node),
                                         civic_hearing_get_starts_at (hearing),
                                         civic_hearing_get_ends_at (hearing));
      if (reason == NULL)
        continue;
      label = civic_hearing_kind.label (G_OBJECT (hearing));
      /* Translators: an edit of a room refused: "听证… is booked in the room: 听证室一 seats 2 and …" */
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_CLASH,
                   _("%s is booked in the room: %s"), label, reason);
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_finish (CivicDb        *db,
              GObject        *record,
              guint           action,
              const char     *command_id,
              CivicCalendar  *calendar,
              GDateTime      *now,
              const char     *public_url,
              GError        **error)
{
  CivicRoom *room = CIVIC_ROOM (record);
  const char *department = civic_room_get_department_id (room);

  if (action == CIVIC_ROOM_ACTION_CLOSE)
    return check_no_hearing (db, room, error);
  if (action == CIVIC_ROOM_ACTION_EDIT && !check_bookings_still_fit (db, room, now, error))
    return FALSE;

  if (department != NULL && (action == CIVIC_ROOM_ACTION_ADD || action == CIVIC_ROOM_ACTION_EDIT))
    {
      g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, CIVIC_ENTITY_DEPARTMENT,
                                                                  department, error);

      if (row == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (row == NULL)
        return refuse_with (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                            _("There is no department “%s”"), department);
    }
  return TRUE;
}

/* Every official reads the rooms, to book them; the kind's rules say who
 * changes which (an administrator any, a department's their own) */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  if (civic_actor_has_role (actor, CIVIC_ROLE_ADMIN | CIVIC_ROLE_DEPARTMENT_ADMIN))
    return TRUE;
  g_set_error_literal (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                       _("Rooms are run by the hall’s administrators and each department’s"));
  return FALSE;
}

const CivicRecordStore civic_room_store = {
  .kind = &civic_room_kind,
  .not_found = N_("There is no such room"),
  /* Translators: the room's revision now, then the one the official saw */
  .stale = N_("The room changed (revision %" PRId64 ", you saw %" PRId64 "); look at it again"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
};

/**
 * civic_room_records_put:
 * @room: a room's JSON, as the command line and the demo make it
 *
 * Writes @room at @rev, outside the commands (the command line, the
 * demo), in the caller's transaction: read and written as the room kind
 * has it, with its revision, so that an administrator's client can act on
 * it.
 *
 * Returns: the feed's sequence number, or 0 on error
 */
gint64
civic_room_records_put (CivicDb      *db,
                        JsonNode     *room,
                        gint64        rev,
                        GError      **error)
{
  g_autoptr(CivicRoom) record = civic_room_new_from_json (room, error);

  if (record == NULL)
    return 0;
  civic_room_set_rev (record, rev);
  return store_save (db, G_OBJECT (record), NULL, CIVIC_DAY_INVALID, error);
}

