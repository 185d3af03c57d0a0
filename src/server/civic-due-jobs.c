/* civic-due-jobs.c — what the service does at a given minute
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-due-jobs"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-actor.h"
#include "civic-audit.h"
#include "civic-commands.h"
#include "civic-due-jobs.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-time.h"

/* WordPress misses a scheduled post when nobody visits at that minute
 * (publishpress-planner#417); here a job is a row, `serve` runs every job
 * that came due while it was down before it listens, then wakes at the
 * next one (civic-server.c). A job runs as the service's own command,
 * whose id is the job's, so that a job run again after a crash is
 * answered from the ledger rather than applied twice; a job that finds
 * its record moved on (unscheduled, withdrawn) is refused like any
 * command and done with. */

static char *
format_utc (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (instant);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * civic_due_jobs_add:
 * @id: unique: the id of the command that set it, with its type
 * @type: the command to run, such as "publish-scheduled-disclosure"
 *
 * Inside the caller's transaction
 */
gboolean
civic_due_jobs_add (CivicDb      *db,
                    const char   *id,
                    GDateTime    *due_at,
                    const char   *type,
                    const char   *target,
                    GError      **error)
{
  g_autofree char *at = format_utc (due_at);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO due_job (id, due_at, type, target) "
                               "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_text (stmt, 2, at);
  civic_db_bind_text (stmt, 3, type);
  civic_db_bind_text (stmt, 4, target);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_due_jobs_cancel:
 * @type: (nullable): only jobs of this type, or every one
 *
 * Forgets the jobs of @target still to run
 */
gboolean
civic_due_jobs_cancel (CivicDb      *db,
                       const char   *type,
                       const char   *target,
                       GError      **error)
{
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "DELETE FROM due_job WHERE target = ?1 AND done_at IS NULL "
                               "AND (?2 IS NULL OR type = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, target);
  civic_db_bind_text (stmt, 2, type);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_due_jobs_next:
 *
 * Returns: (transfer full) (nullable): when the next job is due, or %NULL
 * without error when none is waiting
 */
GDateTime *
civic_due_jobs_next (CivicDb      *db,
                     GError      **error)
{
  g_autofree char *text = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT min(due_at) FROM due_job WHERE done_at IS NULL",
                           error);
  if (stmt == NULL)
    return NULL;
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    text = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  return text != NULL ? civic_time_parse (text) : NULL;
}

typedef struct
{
  char *id;
  char *due_at;
  char *type;
  char *target;
} Job;

static void
job_free (Job *job)
{
  g_free (job->id);
  g_free (job->due_at);
  g_free (job->type);
  g_free (job->target);
  g_free (job);
}

static GPtrArray *
due_jobs (CivicDb      *db,
          GDateTime    *now,
          guint         limit,
          GError      **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autofree char *until = format_utc (now);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id, due_at, type, target FROM due_job "
                               "WHERE done_at IS NULL AND due_at <= ? "
                               "ORDER BY due_at, id LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, until);
  civic_db_bind_int (stmt, 2, (int) limit);
  while (TRUE)
    {
      Job *job;

      if (!civic_db_step (db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      job = g_new0 (Job, 1);
      job->id = g_strdup (civic_db_column_text (stmt, 0));
      job->due_at = g_strdup (civic_db_column_text (stmt, 1));
      job->type = g_strdup (civic_db_column_text (stmt, 2));
      job->target = g_strdup (civic_db_column_text (stmt, 3));
      g_ptr_array_add (jobs, job);
    }
  civic_db_reset (stmt);
  return g_steal_pointer (&jobs);
}

/* What the job's command came to: "applied", "rejected" or "error", and
 * why a refusal was one */
static char *
status_of (const char  *response,
           char       **code)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object, *reason;

  if (!json_parser_load_from_data (parser, response, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup ("error");
  object = json_node_get_object (json_parser_get_root (parser));
  reason = json_object_has_member (object, "reason") &&
           JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "reason"))
           ? json_object_get_object_member (object, "reason") : NULL;
  if (code != NULL && reason != NULL)
    *code = g_strdup (json_object_get_string_member_with_default (reason, "code", NULL));
  return g_strdup (json_object_get_string_member_with_default (object, "status", "error"));
}

/* A scheduled publication the privacy gate holds (a finding the organ's
 * guide no longer lets through, say) goes back to approved, on the
 * record, for a reviewer to look at again: it is not left scheduled for a
 * minute that has passed */
static gboolean
hold (CivicCommandEnv  *env,
      CivicActor       *service,
      Job              *job,
      GError          **error)
{
  static const char held_type[] = "unschedule-disclosure";
  g_autofree char *id = g_strconcat ("due-job-held:", job->id, NULL);
  g_autoptr(CivicCommand) command = NULL;
  g_autofree char *response = NULL;
  g_autoptr(GString) detail = g_string_new ("{\"job\":");

  if (civic_entity_kind_for_command (held_type, NULL) == NULL)
    return TRUE;
  command = civic_command_new (id, held_type, job->target, NULL);
  response = civic_commands_execute_one (env, service, command);
  civic_json_append_string (detail, job->id);
  g_string_append (detail, ",\"reason\":\"privacy-gate\"}");
  return civic_db_begin (env->db, error) &&
         civic_audit_append (env->db, env->now, "system", "held-job", job->target, detail->str,
                             NULL, error) &&
         civic_db_commit (env->db, error);
}

static gboolean
mark_done (CivicDb      *db,
           Job          *job,
           GDateTime    *now,
           const char   *result,
           GError      **error)
{
  g_autofree char *at = format_utc (now);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "UPDATE due_job SET done_at = ?, result = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, at);
  civic_db_bind_text (stmt, 2, result);
  civic_db_bind_text (stmt, 3, job->id);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_due_jobs_complete:
 * @id: the job's id, as civic_due_jobs_add() was given it
 * @result: what its command came to: "applied" or "rejected"
 *
 * Records a job done whose command the caller applied itself, inside the
 * caller's transaction: the demo lives through an expiry rather than
 * leaving the service to find it months late. Returns %TRUE when there
 * was no such job to record.
 */
gboolean
civic_due_jobs_complete (CivicDb      *db,
                         const char   *id,
                         GDateTime    *at,
                         const char   *result,
                         GError      **error)
{
  Job job = { (char *) id, NULL, NULL, NULL };

  g_return_val_if_fail (id != NULL && at != NULL && result != NULL, FALSE);

  return mark_done (db, &job, at, result, error);
}

/* Late because the service was down, or busy: on the record, with how
 * late */
static gboolean
audit_late (CivicDb      *db,
            Job          *job,
            GDateTime    *now,
            GError      **error)
{
  g_autoptr(GDateTime) due = civic_time_parse (job->due_at);
  g_autoptr(GString) detail = g_string_new ("{\"job\":");
  GTimeSpan late = due != NULL ? g_date_time_difference (now, due) / G_TIME_SPAN_SECOND : 0;

  if (late <= CIVIC_DUE_JOB_LATE_SECONDS)
    return TRUE;
  civic_json_append_string (detail, job->id);
  g_string_append (detail, ",\"due_at\":");
  civic_json_append_string (detail, job->due_at);
  g_string_append_printf (detail, ",\"late_seconds\":%" G_GINT64_FORMAT "}", late);
  return civic_audit_append (db, now, "system", "late-job", job->target, detail->str, NULL,
                             error);
}

/**
 * civic_due_jobs_run:
 * @batch_size: at most this many jobs
 * @n_run: (out) (optional): how many ran
 * @more: (out) (optional): whether more are due
 *
 * Runs the jobs due by @now, oldest first, each as the service's command
 * in a transaction of its own (civic_commands_execute_one()).
 */
gboolean
civic_due_jobs_run (CivicDb        *db,
                    CivicCalendar  *calendar,
                    GDateTime      *now,
                    const char     *public_url,
                    guint           batch_size,
                    guint          *n_run,
                    gboolean       *more,
                    GError        **error)
{
  g_autoptr(CivicActor) service = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                   CIVIC_ROLE_SYSTEM);
  g_autoptr(GPtrArray) jobs = due_jobs (db, now, batch_size + 1, error);
  CivicCommandEnv env = { db, calendar, now, NULL, public_url };
  guint ran = 0;

  if (jobs == NULL)
    return FALSE;

  for (guint i = 0; i < jobs->len && i < batch_size; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);
      g_autofree char *command_id = g_strconcat ("due-job:", job->id, NULL);
      g_autoptr(CivicCommand) command = NULL;
      g_autofree char *response = NULL;
      g_autofree char *status = NULL;
      g_autofree char *code = NULL;

      if (civic_entity_kind_for_command (job->type, NULL) != NULL)
        command = civic_command_new (command_id, job->type, job->target, NULL);
      if (command == NULL)
        {
          g_warning ("due job %s: “%s” is no command", job->id, job->type);
          status = g_strdup ("error");
        }
      else
        {
          response = civic_commands_execute_one (&env, service, command);
          status = status_of (response, &code);
        }

      /* An internal error leaves the job to run again; anything else, the
       * command applied or refused, is its end */
      if (g_str_equal (status, "error") && command != NULL)
        {
          g_warning ("due job %s: %s", job->id, response);
          continue;
        }
      if (g_str_equal (status, "rejected") && g_strcmp0 (code, "rule") == 0 &&
          g_str_equal (job->type, "publish-scheduled-disclosure") &&
          !hold (&env, service, job, error))
        {
          civic_db_rollback (db);
          return FALSE;
        }
      if (!civic_db_begin (db, error) ||
          !mark_done (db, job, now, status, error) ||
          !audit_late (db, job, now, error) ||
          !civic_db_commit (db, error))
        {
          civic_db_rollback (db);
          return FALSE;
        }
      ran++;
    }

  if (n_run != NULL)
    *n_run = ran;
  if (more != NULL)
    *more = jobs->len > batch_size;
  return TRUE;
}
