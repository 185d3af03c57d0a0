/* civic-message-records.c — citizens' messages as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message-records"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-actor.h"
#include "civic-campaign-records.h"
#include "civic-commands.h"
#include "civic-core-enums.h"
#include "civic-disclosure-public.h"
#include "civic-documents.h"
#include "civic-entity.h"
#include "civic-intake.h"
#include "civic-message-files.h"
#include "civic-json.h"
#include "civic-message-kind.h"
#include "civic-message-records.h"
#include "civic-open311.h"
#include "civic-policy.h"
#include "civic-privacy-lint.h"
#include "civic-server-db.h"
#include "civic-supervision-records.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A message is kept like a request for information: as the feed
 * publishes it in `entity`, the citizen masked; the citizen sealed in
 * `message_personal`; in `message_record` the receipt the citizen follows
 * it by and what the lists and the public status read. Its scope is the
 * department that has it and every department it passed through (so that
 * one that handed it on sees where it went), and the hall's dispatchers;
 * a report is kept by name from the official it accuses, and never
 * scoped to the department it accuses (the rules refuse to send it
 * there).
 *
 * The public side reads `public_message_reply`, which this file writes
 * from the replies that went out, the citizen's own details masked: an
 * internal note has no way there. */

static char *
format_day (CivicDay day)
{
  return day != CIVIC_DAY_INVALID ? civic_day_format (day) : NULL;
}

CivicMessage *
civic_message_records_load (CivicDb      *db,
                            const char   *id,
                            GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) personal = NULL;
  g_autoptr(CivicMessage) message = NULL;
  g_autofree char *sealed = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT p.sealed, e.data FROM message_record r "
                               "JOIN message_personal p ON p.id = r.id "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_MESSAGE "' "
                               "  AND e.id = r.id "
                               "WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    {
      sealed = g_strdup (civic_db_column_text (stmt, 0));
      node = civic_json_parse (civic_db_column_text (stmt, 1), -1, error);
    }
  civic_db_reset (stmt);
  if (node == NULL)
    return NULL;

  message = civic_message_new_from_json (node, error);
  if (message == NULL || !(personal = civic_server_db_unseal_json (db, sealed, error)) ||
      !civic_message_restore_personal (message, personal, error))
    return NULL;
  return g_steal_pointer (&message);
}

/* Who may see it: where it is, where it has been, and the hall */
static GStrv
scope_of (CivicMessage *message)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *routes = civic_message_get_routes (message);
  const char *department = civic_message_get_department_id (message);

  g_strv_builder_add (builder, CIVIC_SCOPE_DISPATCH);
  if (department != NULL && !civic_message_is_hidden_from (message, department, NULL) &&
      g_hash_table_add (seen, (gpointer) department))
    g_strv_builder_add (builder, department);
  for (guint i = 0; i < routes->len; i++)
    {
      const CivicMessageRoute *route = g_ptr_array_index (routes, i);
      const char *ends[] = { route->from_department_id, route->to_department_id };

      for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
        if (ends[e] != NULL && !civic_message_is_hidden_from (message, ends[e], NULL) &&
            g_hash_table_add (seen, (gpointer) ends[e]))
          g_strv_builder_add (builder, ends[e]);
    }
  return g_strv_builder_end (builder);
}

/* A reply as the public side shows it: the citizen's name and anything
 * else the lint finds personal, masked */
static char *
public_text (CivicMessage *message,
             const char   *text,
             GError      **error)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) findings = NULL;
  const CivicMessageCitizen *citizen = civic_message_get_citizen (message);
  const char *names[] = { citizen->name, NULL };

  if (citizen->name != NULL)
    civic_privacy_lint_set_names (lint, names);
  findings = civic_privacy_lint_scan (lint, text, -1);
  return civic_privacy_redact (text, -1, findings, CIVIC_PRIVACY_SEVERITY_INFO, error);
}

/* The replies that went out, as the public side reads them */
static gboolean
save_public_replies (CivicDb       *db,
                     CivicMessage  *message,
                     char         **last,
                     GError       **error)
{
  GPtrArray *replies = civic_message_get_replies (message);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "DELETE FROM public_message_reply WHERE message_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_message_get_id (message));
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < replies->len; i++)
    {
      const CivicMessageReply *reply = g_ptr_array_index (replies, i);
      g_autofree char *text = NULL;
      g_autofree char *sent_on = NULL;

      if (reply->status != CIVIC_MESSAGE_REPLY_SENT)
        continue;
      text = public_text (message, reply->text, error);
      if (text == NULL)
        return FALSE;
      sent_on = civic_day_format (reply->sent_on);
      stmt = civic_db_prepare (db, "INSERT INTO public_message_reply "
                                   "  (message_id, number, text, sent_on) VALUES (?, ?, ?, ?)",
                               error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, civic_message_get_id (message));
      civic_db_bind_int (stmt, 2, reply->number);
      civic_db_bind_text (stmt, 3, text);
      civic_db_bind_text (stmt, 4, sent_on);
      if (!civic_db_run (db, stmt, error))
        return FALSE;
      g_free (*last);
      *last = g_steal_pointer (&text);
    }
  return TRUE;
}

/* An idea adopted, as its campaign's public page lists it: what it said
 * and the answer that went out, the proposer's details masked, never
 * who proposed it */
static gboolean
save_public_idea (CivicDb       *db,
                  CivicMessage  *message,
                  GError       **error)
{
  const CivicMessageReply *answer = NULL;
  GPtrArray *replies = civic_message_get_replies (message);
  g_autofree char *subject = NULL;
  g_autofree char *text = NULL;
  g_autofree char *answer_text = NULL;
  g_autofree char *answered_on = NULL;
  CivicDbStmt *stmt;

  if (civic_message_get_campaign_id (message) == NULL)
    return TRUE;
  stmt = civic_db_prepare (db, "DELETE FROM public_campaign_idea WHERE message_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_message_get_id (message));
  if (!civic_db_run (db, stmt, error))
    return FALSE;
  /* The answer that adopted it, never a later word to the proposer */
  for (guint i = replies->len; i > 0 && answer == NULL; i--)
    {
      const CivicMessageReply *reply = g_ptr_array_index (replies, i - 1);

      if (reply->status == CIVIC_MESSAGE_REPLY_SENT && reply->decides == CIVIC_IDEA_STATUS_ADOPTED)
        answer = reply;
    }
  if (civic_message_get_idea_status (message) != CIVIC_IDEA_STATUS_ADOPTED || answer == NULL)
    return TRUE;

  if (!(subject = public_text (message, civic_message_get_subject (message), error)) ||
      !(text = public_text (message, civic_message_get_body (message), error)) ||
      !(answer_text = public_text (message, answer->text, error)))
    return FALSE;
  answered_on = civic_day_format (answer->sent_on);
  stmt = civic_db_prepare (db, "INSERT INTO public_campaign_idea (message_id, campaign_id, "
                               "  subject, text, answer, answered_on) "
                               "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_message_get_id (message));
  civic_db_bind_text (stmt, 2, civic_message_get_campaign_id (message));
  civic_db_bind_text (stmt, 3, subject);
  civic_db_bind_text (stmt, 4, text);
  civic_db_bind_text (stmt, 5, answer_text);
  civic_db_bind_text (stmt, 6, answered_on);
  return civic_db_run (db, stmt, error);
}

gint64
civic_message_records_save (CivicDb        *db,
                            CivicMessage   *message,
                            CivicCalendar  *calendar,
                            CivicDay        today,
                            GError        **error)
{
  g_autoptr(JsonNode) personal = civic_message_dup_personal (message);
  g_autofree char *feed = civic_message_to_feed_json (message, calendar, today);
  g_autofree char *received_on = format_day (civic_message_get_received_on (message));
  g_autofree char *due_on = NULL;
  g_autofree char *sealed = NULL;
  g_autofree char *last_reply = NULL;
  g_auto(GStrv) scope = scope_of (message);
  const char *id = civic_message_get_id (message);
  CivicDbStmt *stmt;
  gint64 seq;

  sealed = civic_server_db_seal_json (db, personal, error);
  if (sealed == NULL)
    return 0;
  due_on = format_day (civic_message_get_reply_due (message, calendar, today));

  stmt = civic_db_prepare (db, "INSERT INTO message_record (id, department_id, receipt, kind, "
                               "  state, received_on, due_on, campaign_id) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                               "ON CONFLICT (id) DO UPDATE SET "
                               "  department_id = excluded.department_id, "
                               "  state = excluded.state, due_on = excluded.due_on",
                           error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_text (stmt, 2, civic_message_get_department_id (message));
  civic_db_bind_text (stmt, 3, civic_message_get_receipt (message));
  civic_db_bind_text (stmt, 4, civic_enum_to_nick (CIVIC_TYPE_MESSAGE_KIND,
                                                        civic_message_get_kind (message)));
  civic_db_bind_text (stmt, 5, civic_enum_to_nick (CIVIC_TYPE_MESSAGE_STATE,
                                                        civic_message_get_state (message)));
  civic_db_bind_text (stmt, 6, received_on);
  civic_db_bind_text (stmt, 7, due_on);
  civic_db_bind_text (stmt, 8, civic_message_get_campaign_id (message));
  if (!civic_db_run (db, stmt, error))
    return 0;

  stmt = civic_db_prepare (db, "INSERT INTO message_personal (id, sealed) VALUES (?, ?) "
                               "ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed",
                           error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_text (stmt, 2, sealed);
  if (!civic_db_run (db, stmt, error))
    return 0;

  if (!save_public_replies (db, message, &last_reply, error) ||
      !save_public_idea (db, message, error) ||
      !civic_open311_put_request (db, message, due_on, last_reply, error))
    return 0;

  if (!civic_supervision_track (db, &civic_message_kind, G_OBJECT (message), calendar, today, error))
    return 0;

  seq = civic_server_db_put_entity_text (db, CIVIC_ENTITY_MESSAGE, id,
                                         civic_message_get_rev (message), feed,
                                         (const char * const *) scope, error);
  if (seq == 0 ||
      !civic_server_db_set_exclusions (db, CIVIC_ENTITY_MESSAGE, id,
                                       civic_message_get_accused_department_id (message),
                                       civic_message_get_accused_person_id (message), error))
    return 0;
  return seq;
}

/* What only the service checks: the department, the message or the case
 * a command names is one it keeps */
static gboolean
entity_exists (CivicDb      *db,
               const char   *type,
               const char   *id,
               const char   *refusal,
               GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, type, id, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (row == NULL || row->deleted)
    {
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT, refusal, id);
      return FALSE;
    }
  return TRUE;
}

/* A record of @department, named by a command: one of another department,
 * or one kept from it, is refused as if it did not exist */
static gboolean
same_department (CivicDb      *db,
                 const char   *type,
                 const char   *id,
                 const char   *department,
                 const char   *refusal,
                 GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, type, id, &local);
  gboolean excluded = FALSE;

  if (local != NULL && !g_error_matches (local, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (node != NULL && !civic_server_db_is_excluded (db, type, id, NULL, department, &excluded,
                                                    error))
    return FALSE;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || excluded ||
      g_strcmp0 (civic_json_lookup_string (json_node_get_object (node), "department_id", NULL),
                 department) != 0)
    {
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT, refusal, id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
give_receipt (CivicDb       *db,
              CivicMessage  *message,
              GError       **error)
{
  g_autofree char *receipt = NULL;

  if (civic_message_get_receipt (message) != NULL)
    return TRUE;
  receipt = civic_intake_unique_receipt (db, "SELECT 1 FROM message_record WHERE receipt = ?",
                                         error);
  if (receipt == NULL)
    return FALSE;
  civic_message_set_receipt (message, receipt);
  return TRUE;
}

static gboolean
issue_written_reply (CivicDb       *db,
                     CivicMessage  *message,
                     const char    *command_id,
                     GDateTime     *now,
                     const char    *public_url,
                     GError       **error)
{
  const CivicMessageReply *reply = civic_message_get_last_sent_reply (message);

  if (reply == NULL || reply->sent_on != civic_time_day_of (now))
    return TRUE;
  return civic_documents_issue_message_reply (db, now, public_url, message, reply, command_id,
                                              error);
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
  CivicMessage *message = CIVIC_MESSAGE (record);
  const char *department = civic_message_get_department_id (message);
  /* Translators: a department's id a command names */
  const char *no_department = _("There is no department “%s”");

  switch ((CivicMessageAction) action)
    {
    case CIVIC_MESSAGE_ACTION_REGISTER:
      if (department != NULL &&
          !entity_exists (db, CIVIC_ENTITY_DEPARTMENT, department, no_department, error))
        return FALSE;
      if (civic_message_get_accused_department_id (message) != NULL &&
          !entity_exists (db, CIVIC_ENTITY_DEPARTMENT,
                          civic_message_get_accused_department_id (message), no_department,
                          error))
        return FALSE;
      /* An official the report names is one the directory knows: a name
       * typed would keep the report from nobody */
      if (civic_message_get_accused_person_id (message) != NULL &&
          !entity_exists (db, CIVIC_ENTITY_USER, civic_message_get_accused_person_id (message),
                          _("There is no official “%s”"), error))
        return FALSE;
      if (!civic_campaign_records_check_idea (db, message, error) ||
          !civic_message_files_take (db, message, error))
        return FALSE;
      return give_receipt (db, message, error);

    case CIVIC_MESSAGE_ACTION_ATTACH_FILE:
      return civic_message_files_take (db, message, error);

    case CIVIC_MESSAGE_ACTION_TRANSFER:
    case CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK:
      return department == NULL ||
             entity_exists (db, CIVIC_ENTITY_DEPARTMENT, department, no_department, error);

    /* The other record is the department's own: nobody merges into, or
     * routes to, what they may not see — nor learns that it exists */
    case CIVIC_MESSAGE_ACTION_MERGE:
      return same_department (db, CIVIC_ENTITY_MESSAGE, civic_message_get_merged_into (message),
                              department, _("There is no message “%s” to merge into"), error);

    case CIVIC_MESSAGE_ACTION_ROUTE_TO_CASE:
      return same_department (db, CIVIC_ENTITY_CASE, civic_message_get_case_id (message),
                              department, _("There is no case “%s”"), error);

    case CIVIC_MESSAGE_ACTION_ANSWER_IDEA:
      if (!civic_campaign_records_check_answer (db, message, error))
        return FALSE;
      return issue_written_reply (db, message, command_id, now, public_url, error);

    /* A reply that went out by this command, to a letter or a mail, is
     * answered in writing too */
    case CIVIC_MESSAGE_ACTION_REPLY:
    case CIVIC_MESSAGE_ACTION_REVIEW_REPLY:
      return issue_written_reply (db, message, command_id, now, public_url, error);

    default:
      return TRUE;
    }
}

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  return G_OBJECT (civic_message_records_load (db, id, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  return civic_message_records_save (db, CIVIC_MESSAGE (record), calendar, today, error);
}

/* Who acts on a message: the department that has it and the hall; the
 * supervisor reads it and changes nothing; to anyone else — and to the
 * department or official a report accuses — it is not there */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  CivicMessage *message = CIVIC_MESSAGE (record);
  const char *department = civic_message_get_department_id (message);

  if (civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM))
    return TRUE;
  if (civic_message_is_hidden_from (message, actor->department_id, actor->id))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such message"));
      return FALSE;
    }
  if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("Supervisors can read every message but change none"));
      return FALSE;
    }
  if (civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER))
    return TRUE;
  /* a blank one being registered belongs to the registering department */
  if (civic_message_get_rev (message) == 0 && civic_message_get_received_on (message) ==
                                              CIVIC_DAY_INVALID)
    return TRUE;
  if (department == NULL || g_strcmp0 (actor->department_id, department) != 0)
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such message"));
      return FALSE;
    }
  return TRUE;
}

const CivicRecordStore civic_message_store = {
  .kind = &civic_message_kind,
  .not_found = N_("There is no such message"),
  .stale = N_("The message changed (revision %" PRId64 ", you saw %" PRId64 "); look at it "
              "again before you act"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
};

/* The region's table of time limits */

/**
 * civic_message_records_load_clocks:
 *
 * Returns: (transfer full) (nullable): the region's table the service
 * keeps, or %NULL (without error) when it keeps none
 */
CivicMessageClocks *
civic_message_records_load_clocks (CivicDb      *db,
                                   GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT data FROM entity WHERE type = '"
                               CIVIC_ENTITY_MESSAGE_CLOCKS "' AND deleted = 0 LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    node = civic_json_parse (civic_db_column_text (stmt, 0), -1, error);
  civic_db_reset (stmt);
  if (node == NULL)
    return NULL;
  return civic_message_clocks_new_from_json (node, error);
}

/**
 * civic_message_records_import_clocks:
 *
 * Keeps @table as the region's time limits: checked whole, published to
 * every official (a client counts an offline message's clocks by it).
 * A service follows one region's table; another region's is refused.
 * Call inside a write transaction.
 */
gboolean
civic_message_records_import_clocks (CivicDb      *db,
                                     JsonNode     *table,
                                     GError      **error)
{
  g_autoptr(CivicMessageClocks) clocks = civic_message_clocks_new_from_json (table, error);
  g_autoptr(CivicMessageClocks) current = NULL;
  g_autoptr(CivicEntityRow) existing = NULL;
  g_autoptr(JsonNode) normal = NULL;
  g_autoptr(GError) local = NULL;
  const char *region;

  if (clocks == NULL)
    return FALSE;
  region = civic_message_clocks_get_region (clocks);
  current = civic_message_records_load_clocks (db, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (current != NULL && g_strcmp0 (civic_message_clocks_get_region (current), region) != 0)
    {
      g_set_error (error, CIVIC_MESSAGE_CLOCKS_ERROR, CIVIC_MESSAGE_CLOCKS_ERROR_INVALID,
                   /* Translators: "This service follows the table of HN, not of GD" */
                   _("This service follows the table of %s, not of %s"),
                   civic_message_clocks_get_region (current), region);
      return FALSE;
    }
  existing = civic_server_db_get_entity (db, CIVIC_ENTITY_MESSAGE_CLOCKS, region, error);
  if (existing == NULL && error != NULL && *error != NULL)
    return FALSE;
  normal = civic_message_clocks_to_json (clocks);
  return civic_server_db_put_entity (db, CIVIC_ENTITY_MESSAGE_CLOCKS, region,
                                     existing != NULL ? existing->rev + 1 : 1, normal, NULL,
                                     error) != 0;
}

/**
 * civic_message_records_ensure_clocks:
 *
 * Imports the table shipped with the program (its first file, by name)
 * when the service keeps none yet. Runs its own transaction.
 */
gboolean
civic_message_records_ensure_clocks (CivicDb      *db,
                                     GError      **error)
{
  g_autoptr(CivicMessageClocks) current = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *first = NULL;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  const char *path = g_getenv ("CIVICDESK_MESSAGE_CLOCKS_DIR");
  const char *name;

  current = civic_message_records_load_clocks (db, &local);
  if (current != NULL || local != NULL)
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return local == NULL;
    }

  if (path == NULL || *path == '\0')
    path = g_file_test (MESSAGECLOCKSDIR, G_FILE_TEST_IS_DIR) ? MESSAGECLOCKSDIR
                                                               : SOURCE_MESSAGECLOCKSDIR;
  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".json") && (first == NULL || strcmp (name, first) < 0))
      {
        g_free (first);
        first = g_strdup (name);
      }
  if (first == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("No table of time limits for citizens’ messages in %s"), path);
      return FALSE;
    }
  file = g_build_filename (path, first, NULL);
  if (!g_file_get_contents (file, &contents, NULL, error) ||
      !(node = civic_json_parse (contents, -1, error)))
    return FALSE;
  if (!civic_db_begin (db, error))
    return FALSE;
  if (!civic_message_records_import_clocks (db, node, error))
    {
      g_prefix_error (error, "%s: ", file);
      civic_db_rollback (db);
      return FALSE;
    }
  return civic_db_commit (db, error);
}

/* The replies officials start from */

/* A table of reply templates: {kinds: {kind: [{title, text}]}}, every
 * kind one of the message's, every template with its title and text */
static gboolean
check_reply_templates (JsonNode  *node,
                       GError   **error)
{
  JsonObject *kinds = NULL;
  g_autoptr(GList) members = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !civic_json_get_object (json_node_get_object (node), "kinds", TRUE, &kinds, error))
    goto invalid;
  members = json_object_get_members (kinds);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *list = json_object_get_member (kinds, l->data);
      int kind;

      if (!civic_enum_from_nick (CIVIC_TYPE_MESSAGE_KIND, l->data, &kind) ||
          !JSON_NODE_HOLDS_ARRAY (list))
        goto invalid;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
        {
          JsonObject *template = civic_json_array_lookup_object (json_node_get_array (list), i);
          const char *title = NULL, *text = NULL;

          if (template == NULL ||
              !civic_json_get_text (template, "title", TRUE, &title, NULL) ||
              !civic_json_get_text (template, "text", TRUE, &text, NULL) ||
              g_utf8_strlen (text, -1) > CIVIC_MESSAGE_REPLY_MAX)
            goto invalid;
        }
    }
  return TRUE;

invalid:
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, CIVIC_MESSAGE_CLOCKS_ERROR, CIVIC_MESSAGE_CLOCKS_ERROR_INVALID,
                         _("The reply templates are not a table of kinds, each a list of a "
                           "title and a text"));
  return FALSE;
}

/**
 * civic_message_records_ensure_reply_templates:
 *
 * Keeps the reply templates shipped with the program as the template
 * entity every official's feed carries, when the service keeps none yet.
 * Runs its own transaction.
 */
gboolean
civic_message_records_ensure_reply_templates (CivicDb      *db,
                                              GError      **error)
{
  g_autoptr(CivicEntityRow) row = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;

  row = civic_server_db_get_entity (db, CIVIC_ENTITY_TEMPLATE, CIVIC_TEMPLATE_MESSAGE_REPLIES,
                                    &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (row != NULL)
    return TRUE;

  dir = civic_templates_bundled_dir ();
  file = g_build_filename (dir, "message-replies-zh.json", NULL);
  if (!g_file_get_contents (file, &contents, NULL, error) ||
      !(node = civic_json_parse (contents, -1, error)) ||
      !check_reply_templates (node, error))
    {
      g_prefix_error (error, "%s: ", file);
      return FALSE;
    }
  if (!civic_db_begin (db, error))
    return FALSE;
  if (civic_server_db_put_entity (db, CIVIC_ENTITY_TEMPLATE, CIVIC_TEMPLATE_MESSAGE_REPLIES, 1,
                                  node, NULL, error) == 0)
    {
      civic_db_rollback (db);
      return FALSE;
    }
  return civic_db_commit (db, error);
}

/* The public side */

/**
 * civic_message_records_submit:
 * @address: the sender's address, for the audit log
 * @status: (out): the HTTP status to answer with
 *
 * A message from the portal or an app: bounded by the HTTP layer,
 * registered by the service itself, received today.
 *
 * Returns: (transfer full) (nullable): {receipt, received_on, due_on}
 */
char *
civic_message_records_submit (CivicDb        *db,
                              CivicCalendar  *calendar,
                              GDateTime      *now,
                              JsonNode       *body,
                              const char     *address,
                              guint          *status,
                              GError        **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                               civic_form_file_free);
  JsonArray *array = NULL;

  *status = 400;
  if (body != NULL && JSON_NODE_HOLDS_OBJECT (body) &&
      !civic_json_get_array (json_node_get_object (body), "attachments", FALSE, &array, NULL))
    {
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” must be a list of files"), "attachments");
      return NULL;
    }
  /* Each file as {name, media_type, content: its bytes in base64},
   * counted and measured before a byte is decoded */
  if (array != NULL && json_array_get_length (array) > CIVIC_MESSAGE_PUBLIC_MAX_FILES)
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                           _("A message comes with at most 5 files"));
      return NULL;
    }
  {
    gsize encoded = 0;

    for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
      {
        JsonNode *node = json_array_get_element (array, i);
        JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
        JsonNode *content = item != NULL ? json_object_get_member (item, "content") : NULL;

        if (content != NULL && JSON_NODE_HOLDS_VALUE (content) &&
            json_node_get_value_type (content) == G_TYPE_STRING)
          encoded += strlen (json_node_get_string (content));
      }
    if (encoded / 4 * 3 > CIVIC_MESSAGE_PUBLIC_MAX_FILES_SIZE + 3 * CIVIC_MESSAGE_PUBLIC_MAX_FILES)
      {
        g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                             _("A message’s files come to at most 10 MiB in all"));
        return NULL;
      }
  }
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = NULL, *media_type = NULL, *content = NULL;
      g_autoptr(GBytes) bytes = NULL;
      guchar *data;
      gsize length = 0;

      if (item == NULL ||
          !civic_json_get_string (item, "name", TRUE, &name, NULL) ||
          !civic_json_get_string (item, "media_type", TRUE, &media_type, NULL) ||
          !civic_json_get_string (item, "content", TRUE, &content, NULL) ||
          strspn (content, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n")
          != strlen (content))
        {
          g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                               _("A file is {name, media_type, content}, its content in "
                                 "base64"));
          return NULL;
        }
      data = g_base64_decode (content, &length);
      bytes = g_bytes_new_take (data, length);
      g_ptr_array_add (files, civic_form_file_new (name, media_type, bytes));
    }
  return civic_message_records_submit_with_files (db, calendar, now, body, files, address, status,
                                                  error);
}

/**
 * civic_message_records_submit_with_files:
 * @files: (element-type CivicFormFile): what the citizen sent with it
 *
 * civic_message_records_submit(), with the files a form sent beside the
 * message's fields rather than in them.
 */
char *
civic_message_records_submit_with_files (CivicDb        *db,
                                         CivicCalendar  *calendar,
                                         GDateTime      *now,
                                         JsonNode       *body,
                                         GPtrArray      *files,
                                         const char     *address,
                                         guint          *status,
                                         GError        **error)
{
  /* The public form's names, and the command's they become */
  static const struct
  {
    const char *form;
    const char *arg;
  } fields[] = {
    { "kind", "kind" }, { "channel", "channel" }, { "subject", "subject" }, { "body", "body" },
    { "anonymous", "anonymous" }, { "name", "citizen_name" }, { "phone", "phone" },
    { "email", "email" }, { "address", "address" }, { "id_number", "id_number" },
    { "location", "location" }, { "lat", "lat" }, { "long", "long" },
    { "department", "department_id" }, { "accused_department", "accused_department_id" },
    { "campaign", "campaign_id" },
  };
  static const char * const public_channels[] = { "portal", "wechat", "app", NULL };
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *today = civic_day_format (civic_time_day_of (now));
  g_autofree char *refusal = NULL;
  CivicCommandEnv env = { db, calendar, now, address, NULL };
  JsonObject *object, *summary;
  const char *channel = NULL;
  GList *members;

  *status = 400;
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                           _("Expected a JSON object"));
      return NULL;
    }
  object = json_node_get_object (body);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *arg = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (fields) && arg == NULL; i++)
        if (g_str_equal (fields[i].form, l->data))
          arg = fields[i].arg;
      if (g_str_equal (l->data, "attachments"))
        continue;
      if (arg == NULL)
        {
          g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("“%s” is not part of a message"), (const char *) l->data);
          g_list_free (members);
          return NULL;
        }
      json_object_set_member (args, arg, json_node_copy (json_object_get_member (object,
                                                                                 l->data)));
    }
  g_list_free (members);

  if (!civic_json_get_string (object, "channel", FALSE, &channel, error))
    return NULL;
  if (channel != NULL && !g_strv_contains (public_channels, channel))
    {
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A message sent here comes through the portal, WeChat or the app"));
      return NULL;
    }
  if (channel == NULL)
    json_object_set_string_member (args, "channel", "portal");
  /* A report that does not say whom it accuses goes to the hall's
   * dispatch: the department it was sent to may be the one it is about
   * (信访工作条例 Art. 30) */
  if (g_strcmp0 (json_object_get_string_member_with_default (args, "kind", NULL), "report") == 0 &&
      !json_object_has_member (args, "accused_department_id"))
    json_object_remove_member (args, "department_id");
  /* An idea goes to the department that runs its campaign */
  if (json_object_has_member (args, "campaign_id") &&
      !json_object_has_member (args, "department_id") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (args, "campaign_id")))
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *department =
        civic_campaign_records_department (db, json_object_get_string_member (args,
                                                                              "campaign_id"),
                                           &local);

      if (local != NULL)
        {
          *status = 500;
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (department != NULL)
        json_object_set_string_member (args, "department_id", department);
    }
  json_object_set_string_member (args, "received_on", today);

  /* The files first, received for this message alone; forgotten again
   * when the message is refused */
  if (files != NULL && files->len > 0)
    {
      JsonNode *attachments;

      civic_message_files_name_types (files);
      if (!civic_message_files_check_all (files, error))
        {
          if (g_error_matches (*error, CIVIC_FILE_ERROR,
                               CIVIC_FILE_ERROR_MEDIA_TYPE))
            *status = 415;
          return NULL;
        }
      attachments = civic_message_files_keep_all (db, id, files, "public", now, error);
      if (attachments == NULL)
        {
          *status = 500;
          return NULL;
        }
      json_object_set_member (args, "attachments", attachments);
    }

  data = civic_commands_run_as_service (&env, id, civic_message_kind.action_to_string (
                                                  CIVIC_MESSAGE_ACTION_REGISTER),
                                        id, args, &refusal, error);
  if (data == NULL)
    {
      g_autoptr(GError) local = NULL;

      if (files != NULL && files->len > 0 && !civic_message_files_forget (db, id, &local))
        g_warning ("The files of refused message %s were kept: %s", id, local->message);
      *status = refusal != NULL ? 400 : 500;
      if (refusal != NULL)
        g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT, refusal);
      return NULL;
    }
  summary = civic_json_lookup_object (data, "summary");
  *status = 201;
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) node = NULL;

    json_builder_begin_object (builder);
    civic_json_set_string (builder, "receipt",
                           json_object_get_string_member_with_default (data, "receipt", NULL));
    civic_json_set_string (builder, "received_on", today);
    civic_json_set_string (builder, "due_on",
                           summary != NULL ? json_object_get_string_member_with_default (summary,
                                                                                         "reply_due",
                                                                                         NULL)
                                           : NULL);
    json_builder_end_object (builder);
    node = json_builder_get_root (builder);
    return civic_json_to_string (node, FALSE);
  }
}

/* What the public status calls the states: a citizen does not see the
 * hall's internal steps */
static const char *
public_state (const char *state)
{
  static const struct { const char *state, *shown; } map[] = {
    { "new", "received" }, { "signed-for", "in-progress" }, { "in-progress", "in-progress" },
    { "sent-back", "in-progress" }, { "reply-in-review", "in-progress" },
    { "reopened", "in-progress" }, { "replied", "replied" }, { "closed", "closed" },
    { "merged", "merged" }, { "routed-to-case", "closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].state, state) == 0)
      return map[i].shown;
  return "in-progress";
}

/**
 * civic_message_records_status:
 *
 * Where a message stands, for whoever holds its receipt: its kind, the
 * department that has it, its state as the public sees it, its days and
 * the replies that went out — never who wrote it, never a note.
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL without
 * error when no message has @receipt
 */
char *
civic_message_records_status (CivicDb      *db,
                              const char   *receipt,
                              GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *id = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *state = NULL;
  g_autofree char *department = NULL;
  g_autofree char *received_on = NULL;
  g_autofree char *due_on = NULL;
  g_autofree char *subject = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT r.id, r.kind, r.state, r.department_id, "
                               "  r.received_on, r.due_on, json_extract (e.data, '$.subject') "
                               "FROM message_record r "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_MESSAGE "' "
                               "  AND e.id = r.id "
                               "WHERE r.receipt = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, receipt);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    {
      id = g_strdup (civic_db_column_text (stmt, 0));
      kind = g_strdup (civic_db_column_text (stmt, 1));
      state = g_strdup (civic_db_column_text (stmt, 2));
      department = g_strdup (civic_db_column_text (stmt, 3));
      received_on = g_strdup (civic_db_column_text (stmt, 4));
      due_on = g_strdup (civic_db_column_text (stmt, 5));
      subject = g_strdup (civic_db_column_text (stmt, 6));
    }
  civic_db_reset (stmt);
  if (id == NULL)
    return NULL;
  /* What the citizen called it, anything personal in it masked */
  if (subject != NULL)
    {
      g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
      g_autoptr(GPtrArray) findings = civic_privacy_lint_scan (lint, subject, -1);
      char *masked = civic_privacy_redact (subject, -1, findings, CIVIC_PRIVACY_SEVERITY_INFO,
                                           error);

      if (masked == NULL)
        return NULL;
      g_free (subject);
      subject = masked;
    }

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "receipt", receipt);
  civic_json_set_string (builder, "kind", kind);
  civic_json_set_string (builder, "subject", subject);
  {
    g_autofree char *name = department != NULL
                            ? civic_disclosure_public_department_name (db, department) : NULL;

    civic_json_set_string (builder, "department", name);
  }
  civic_json_set_string (builder, "state", public_state (state));
  civic_json_set_string (builder, "received_on", received_on);
  civic_json_set_string (builder, "due_on", g_strcmp0 (public_state (state), "in-progress") == 0 ||
                                            g_strcmp0 (state, "new") == 0 ? due_on : NULL);

  stmt = civic_db_prepare (db, "SELECT number, text, sent_on FROM public_message_reply "
                               "WHERE message_id = ? ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  json_builder_set_member_name (builder, "replies");
  json_builder_begin_array (builder);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      json_builder_begin_object (builder);
      civic_json_set_int (builder, "number", civic_db_column_int (stmt, 0));
      civic_json_set_string (builder, "text", civic_db_column_text (stmt, 1));
      civic_json_set_string (builder, "sent_on", civic_db_column_text (stmt, 2));
      json_builder_end_object (builder);
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return civic_json_to_string (node, FALSE);
}
