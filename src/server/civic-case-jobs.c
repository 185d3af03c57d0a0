/* civic-case-jobs.c — what happens to a case by the passing of time alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-scheduler"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-case-jobs.h"
#include "civic-case-records.h"
#include "civic-commands.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* Once a day every open case is looked at again:
 *
 * - an application left five working days without a correction notice
 *   counts as accepted from the day it was received (ALL Art. 32(4)): the
 *   service applies "deem-accept" as a command of its own, audited like
 *   any other, with an id made from the case so that two servers, or a
 *   restart in the middle, apply it once;
 * - a clock whose colour changed overnight is published again, so that
 *   every client's inbox turns yellow and red on the right morning. */

static GPtrArray *
cases_to_check (CivicDb      *db,
                const char   *today,
                guint         limit,
                GError      **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id FROM case_record "
                               "WHERE state != 'closed' AND checked_on < ? LIMIT ?", error);
  if (stmt == NULL)
    return NULL;

  civic_db_bind_text (stmt, 1, today);
  civic_db_bind_int (stmt, 2, limit);
  while (civic_db_step (db, stmt, &row, error) && row)
    g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
  civic_db_reset (stmt);

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
deem_accept (CivicDb               *db,
             CivicCalendar         *calendar,
             GDateTime             *now,
             const char            *case_id,
             CivicSchedulerReport  *report)
{
  g_autoptr(CivicActor) system = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                  CIVIC_ROLE_SYSTEM);
  g_autofree char *id = g_strconcat ("deem-accept-", case_id, NULL);
  g_autoptr(CivicCommand) command = NULL;
  g_autofree char *response = NULL;
  CivicCommandEnv env = { db, calendar, now, NULL };

  command = civic_command_new (id, civic_action_to_string (CIVIC_ACTION_DEEM_ACCEPT), case_id,
                               NULL);

  response = civic_commands_execute_one (&env, system, command);
  if (g_str_has_prefix (response, "{\"id\":") && strstr (response, "\"status\":\"applied\""))
    {
      report->applied++;
      return TRUE;
    }

  return FALSE;
}

static gboolean
due_for_deemed_acceptance (CivicCase     *kase,
                           CivicCalendar *calendar,
                           GDateTime     *now)
{
  g_autoptr(CivicActor) system = civic_actor_new ("system", NULL, NULL, CIVIC_ROLE_SYSTEM);
  CivicWorkflowContext context;

  civic_workflow_context_init (&context, calendar, now, system);
  return civic_workflow_check (kase, CIVIC_ACTION_DEEM_ACCEPT, &context, NULL);
}

/**
 * civic_case_jobs_daily:
 * @more: (out): whether cases are left to check today
 *
 * Checks up to @batch_size open cases not yet checked today: the case's
 * daily job (CivicRecordStore.daily).
 */
gboolean
civic_case_jobs_daily (CivicDb               *db,
                       CivicCalendar         *calendar,
                       GDateTime             *now,
                       guint                  batch_size,
                       CivicSchedulerReport  *report,
                       gboolean              *more,
                       GError               **error)
{
  CivicDay today = civic_time_day_of (now);
  g_autofree char *today_text = civic_day_format (today);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) deem = g_ptr_array_new_with_free_func (g_free);

  ids = cases_to_check (db, today_text, batch_size, error);
  if (ids == NULL)
    return FALSE;
  *more = ids->len == batch_size;

  if (!civic_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(CivicCase) kase = civic_case_records_load (db, id, error);
      g_autofree char *stored = NULL;
      g_autoptr(JsonNode) summary = NULL;
      const char *status;
      CivicDbStmt *stmt;

      if (kase == NULL)
        goto fail;

      report->checked++;

      if (due_for_deemed_acceptance (kase, calendar, now))
        {
          /* Applied after this transaction, as a command of its own; the
           * case counts as checked either way, so a refusal cannot bring
           * it back into every batch. */
          g_ptr_array_add (deem, g_strdup (id));
        }
      else
        {
          summary = civic_case_summarize (kase, calendar, today, NULL);
          status = json_object_get_string_member (json_node_get_object (summary), "status");
          stored = civic_case_records_stored_status (db, id);

          if (g_strcmp0 (stored, status) != 0)
            {
              if (civic_case_records_save (db, kase, calendar, today, NULL, error) == 0)
                goto fail;
              report->republished++;
              continue;
            }
        }

      stmt = civic_db_prepare (db, "UPDATE case_record SET checked_on = ? WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      civic_db_bind_text (stmt, 1, today_text);
      civic_db_bind_text (stmt, 2, id);
      if (!civic_db_run (db, stmt, error))
        goto fail;
    }

  if (!civic_db_commit (db, error))
    goto fail;

  for (guint i = 0; i < deem->len; i++)
    deem_accept (db, calendar, now, g_ptr_array_index (deem, i), report);

  return TRUE;

fail:
  civic_db_rollback (db);
  return FALSE;
}

