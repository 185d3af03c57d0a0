/* civic-warning-records.c — supervision warnings as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-warning-records"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-commands.h"
#include "civic-entity.h"
#include "civic-policy.h"
#include "civic-server-db.h"
#include "civic-supervision-records.h"
#include "civic-time.h"
#include "civic-warning-kind.h"
#include "civic-warning-records.h"
#include "civic-workflow.h"

/* A card is kept as the feed publishes it, scoped to the department it
 * warns and to the hall's supervisors: every official of the department
 * receives it, as its head must answer it, and it reaches nobody else.
 * The service checks what only it can (the department exists, the record
 * a card is on is that department's) and, once a day, escalates a card
 * whose round ran out unanswered, as a command of its own. */

CivicWarning *
civic_warning_records_load (CivicDb      *db,
                            const char   *id,
                            GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_WARNING, id, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (node == NULL)
    return NULL;
  return civic_warning_new_from_json (node, error);
}

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  return G_OBJECT (civic_warning_records_load (db, id, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  CivicWarning *warning = CIVIC_WARNING (record);
  g_autofree char *feed = civic_warning_to_feed_json (warning, calendar, today);
  const char *scope[] = { civic_warning_get_department_id (warning), CIVIC_SCOPE_SUPERVISION,
                          NULL };

  if (!civic_supervision_track (db, &civic_warning_kind, record, calendar, today, error))
    return 0;
  return civic_server_db_put_entity_text (db, CIVIC_ENTITY_WARNING, civic_warning_get_id (warning),
                                          civic_warning_get_rev (warning), feed, scope, error);
}

/* Supervisors and the service act on any card; the department warned on
 * its own (the kind's rules say which of its officials); to anyone else
 * there is no such card */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  const char *department = civic_warning_get_department_id (CIVIC_WARNING (record));

  /* …and a card not issued yet is nobody's: the rules say who issues */
  if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR | CIVIC_ROLE_SYSTEM) ||
      civic_warning_get_state (CIVIC_WARNING (record)) == CIVIC_WARNING_STATE_NEW)
    return TRUE;
  if (department == NULL || g_strcmp0 (actor->department_id, department) != 0)
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such card"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT, message);
  return FALSE;
}

/* A card is issued to a department there is, on a record of that
 * department's that supervision watches */
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
  CivicWarning *warning = CIVIC_WARNING (record);
  const char *type = civic_warning_get_target_type (warning);
  g_autoptr(CivicEntityRow) department = NULL;
  g_autoptr(GError) local = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  if (action != CIVIC_WARNING_ACTION_ISSUE)
    return TRUE;

  department = civic_server_db_get_entity (db, CIVIC_ENTITY_DEPARTMENT,
                                           civic_warning_get_department_id (warning), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (department == NULL || department->deleted)
    return refuse (error, _("There is no such department"));

  if (type == NULL)
    return TRUE;
  stmt = civic_db_prepare (db, "SELECT department_id FROM supervised WHERE type = ? AND id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, civic_warning_get_target_id (warning));
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  row = row && g_strcmp0 (civic_db_column_text (stmt, 0),
                          civic_warning_get_department_id (warning)) == 0;
  civic_db_reset (stmt);
  if (!row)
    return refuse (error, _("The card’s record is not one of that department’s that supervision "
                            "watches"));
  return TRUE;
}

/* Once a day: every card whose round ran out unanswered is escalated, by
 * a command whose id names the card and its round, so that two servers,
 * or a restart in the middle, escalate it once */
static gboolean
store_daily (CivicDb               *db,
             CivicCalendar         *calendar,
             GDateTime             *now,
             guint                  batch_size,
             CivicSchedulerReport  *report,
             gboolean              *more,
             GError               **error)
{
  g_autoptr(CivicActor) system = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                  CIVIC_ROLE_SYSTEM);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  CivicCommandEnv env = { db, calendar, now, NULL, NULL };
  CivicWorkflowContext context;
  CivicDbStmt *stmt;
  gboolean row;

  *more = FALSE;
  civic_workflow_context_init (&context, calendar, now, system);

  /* The cards red now: few, and the supervision table knows them */
  if (!civic_db_begin_read (db, error))
    return FALSE;
  stmt = civic_db_prepare (db, "SELECT id FROM supervised WHERE status = 'red' AND type = '"
                               CIVIC_ENTITY_WARNING "'", error);
  if (stmt == NULL)
    {
      civic_db_rollback (db);
      return FALSE;
    }
  while (civic_db_step (db, stmt, &row, error) && row)
    g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    {
      civic_db_rollback (db);
      return FALSE;
    }
  civic_db_rollback (db);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CivicWarning) warning = civic_warning_records_load (db, g_ptr_array_index (ids, i),
                                                                    error);
      g_autoptr(CivicCommand) command = NULL;
      g_autofree char *command_id = NULL;
      g_autofree char *response = NULL;

      if (warning == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          continue;
        }
      report->checked++;
      if (!civic_warning_kind.check (G_OBJECT (warning), CIVIC_WARNING_ACTION_ESCALATE, &context,
                                     NULL))
        continue;

      command_id = g_strdup_printf ("escalate-warning-%s-%u", civic_warning_get_id (warning),
                                    civic_warning_get_round (warning));
      command = civic_command_new (command_id,
                                   civic_warning_kind.action_to_string (CIVIC_WARNING_ACTION_ESCALATE),
                                   civic_warning_get_id (warning), NULL);
      response = civic_commands_execute_one (&env, system, command);
      if (strstr (response, "\"status\":\"applied\"") != NULL)
        report->applied++;
    }
  return TRUE;
}

const CivicRecordStore civic_warning_store = {
  .kind = &civic_warning_kind,
  .not_found = N_("There is no such card"),
  .stale = N_("The card changed (revision %" PRId64 ", you saw %" PRId64 "); look at it again "
              "before you act"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
  .daily = store_daily,
};
