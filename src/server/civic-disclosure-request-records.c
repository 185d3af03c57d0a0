/* civic-disclosure-request-records.c — requests for information as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-request-records"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-actor.h"
#include "civic-commands.h"
#include "civic-core-enums.h"
#include "civic-disclosure-public.h"
#include "civic-disclosure-request-kind.h"
#include "civic-disclosure-request-records.h"
#include "civic-documents.h"
#include "civic-entity.h"
#include "civic-intake.h"
#include "civic-json.h"
#include "civic-policy.h"
#include "civic-privacy-lint.h"
#include "civic-server-db.h"
#include "civic-supervision-records.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A request for information (OGI Arts. 27–45) is kept like a hearing: as
 * the feed publishes it in `entity`, the applicant masked, scoped to the
 * organ asked; the applicant sealed in `disclosure_request_personal`; in
 * `disclosure_request_record` the receipt the public follows it by. The
 * receipt is the service's, given when the request is registered, by
 * staff from a letter or by the public form. The public sees its state,
 * its due day and the outcome, by receipt, never who asked. */

static char *
format_day (CivicDay day)
{
  return day != CIVIC_DAY_INVALID ? civic_day_format (day) : NULL;
}

CivicDisclosureRequest *
civic_disclosure_request_records_load (CivicDb      *db,
                                       const char   *id,
                                       GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) personal = NULL;
  g_autoptr(CivicDisclosureRequest) request = NULL;
  g_autofree char *sealed = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT p.sealed, e.data FROM disclosure_request_record r "
                               "JOIN disclosure_request_personal p ON p.id = r.id "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_DISCLOSURE_REQUEST "' "
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

  request = civic_disclosure_request_new_from_json (node, error);
  if (request == NULL || !(personal = civic_server_db_unseal_json (db, sealed, error)) ||
      !civic_disclosure_request_restore_personal (request, personal, error))
    return NULL;
  return g_steal_pointer (&request);
}

gint64
civic_disclosure_request_records_save (CivicDb                 *db,
                                       CivicDisclosureRequest  *request,
                                       CivicCalendar           *calendar,
                                       CivicDay                 today,
                                       GError                 **error)
{
  g_autoptr(JsonNode) personal = civic_disclosure_request_dup_personal (request);
  g_autofree char *feed = civic_disclosure_request_to_feed_json (request, calendar, today);
  g_autofree char *received_on = format_day (civic_disclosure_request_get_received_on (request));
  g_autofree char *due_on = format_day (civic_disclosure_request_get_due_on (request));
  g_autofree char *sealed = NULL;
  const char *scope[] = { civic_disclosure_request_get_department_id (request), NULL };
  CivicDbStmt *stmt;

  sealed = civic_server_db_seal_json (db, personal, error);
  if (sealed == NULL)
    return 0;

  stmt = civic_db_prepare (db, "INSERT INTO disclosure_request_record (id, department_id, "
                               "  receipt, state, received_on, due_on) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                               "ON CONFLICT (id) DO UPDATE SET state = excluded.state, "
                               "  received_on = excluded.received_on, due_on = excluded.due_on",
                           error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, civic_disclosure_request_get_id (request));
  civic_db_bind_text (stmt, 2, civic_disclosure_request_get_department_id (request));
  civic_db_bind_text (stmt, 3, civic_disclosure_request_get_receipt (request));
  civic_db_bind_text (stmt, 4, civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_REQUEST_STATE,
                                                        civic_disclosure_request_get_state (request)));
  civic_db_bind_text (stmt, 5, received_on);
  civic_db_bind_text (stmt, 6, due_on);
  if (!civic_db_run (db, stmt, error))
    return 0;

  stmt = civic_db_prepare (db, "INSERT INTO disclosure_request_personal (id, sealed) "
                               "VALUES (?, ?) ON CONFLICT (id) DO UPDATE "
                               "SET sealed = excluded.sealed", error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, civic_disclosure_request_get_id (request));
  civic_db_bind_text (stmt, 2, sealed);
  if (!civic_db_run (db, stmt, error))
    return 0;

  if (!civic_supervision_track (db, &civic_disclosure_request_kind, G_OBJECT (request), calendar, today, error))
    return 0;

  return civic_server_db_put_entity_text (db, CIVIC_ENTITY_DISCLOSURE_REQUEST,
                                          civic_disclosure_request_get_id (request),
                                          civic_disclosure_request_get_rev (request), feed, scope,
                                          error);
}

/* The service's own receipt, given once, when the request is registered */
static gboolean
give_receipt (CivicDb                 *db,
              CivicDisclosureRequest  *request,
              GError                 **error)
{
  g_autofree char *receipt = NULL;

  if (civic_disclosure_request_get_receipt (request) != NULL)
    return TRUE;
  receipt = civic_intake_unique_receipt (db, "SELECT 1 FROM disclosure_request_record "
                                             "WHERE receipt = ?", error);
  if (receipt == NULL)
    return FALSE;
  civic_disclosure_request_set_receipt (request, receipt);
  return TRUE;
}

/* The public form: bounded by the HTTP layer, checked here as intake checks
 * an application (a resident ID must pass its check digit), then
 * registered by the service itself, online, today (Art. 31: the day both
 * sides confirm) */
char *
civic_disclosure_request_records_submit (CivicDb        *db,
                                         CivicCalendar  *calendar,
                                         GDateTime      *now,
                                         JsonNode       *body,
                                         const char     *address,
                                         guint          *status,
                                         GError        **error)
{
  static const char * const allowed[] = {
    "organ", "applicant_kind", "applicant_name", "organisation", "credit_code", "id_type",
    "id_number", "phone", "address", "email", "description", "title", "document_number",
    "delivery_form", "delivery_channel", NULL
  };
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(JsonNode) organ_node = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *today = civic_day_format (civic_time_day_of (now));
  g_autofree char *refusal = NULL;
  CivicCommandEnv env = { db, calendar, now, address, NULL };
  JsonObject *object, *summary;
  const char *organ = NULL, *id_number = NULL, *id_type = NULL;
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
    if (!g_strv_contains (allowed, l->data))
      {
        g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                     _("“%s” is not part of a request"), (const char *) l->data);
        g_list_free (members);
        return NULL;
      }
  g_list_free (members);

  if (!civic_json_get_text (object, "organ", TRUE, &organ, error) ||
      !civic_json_get_string (object, "id_number", FALSE, &id_number, error) ||
      !civic_json_get_string (object, "id_type", FALSE, &id_type, error))
    return NULL;
  organ_node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, organ, NULL);
  if (organ_node == NULL)
    {
      *status = 404;
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("There is no organ “%s”"), organ);
      return NULL;
    }

  /* A resident ID as the applicant gives it must be one */
  if (id_number != NULL && (id_type == NULL || g_str_equal (id_type, "resident-id")))
    {
      g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
      g_autoptr(GPtrArray) findings = civic_privacy_lint_scan (lint, id_number, -1);
      const CivicPrivacyFinding *finding = findings != NULL && findings->len == 1
                                           ? g_ptr_array_index (findings, 0) : NULL;

      if (finding == NULL || finding->kind != CIVIC_PRIVACY_KIND_RESIDENT_ID || finding->probable ||
          finding->char_start != 0 || finding->byte_end != strlen (id_number))
        {
          g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("“%s” is not a valid resident ID number"), id_number);
          return NULL;
        }
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "organ"))
      json_object_set_member (args, l->data,
                              json_node_copy (json_object_get_member (object, l->data)));
  g_list_free (members);
  json_object_set_string_member (args, "department_id", organ);
  json_object_set_string_member (args, "channel", "online");
  json_object_set_string_member (args, "received_on", today);

  data = civic_commands_run_as_service (&env, id, civic_disclosure_request_kind.action_to_string (
                                                  CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER),
                                        id, args, &refusal, error);
  if (data == NULL)
    {
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
                           summary != NULL ? json_object_get_string_member_with_default (summary, "due", NULL)
                                           : NULL);
    json_builder_end_object (builder);
    node = json_builder_get_root (builder);
    return civic_json_to_string (node, FALSE);
  }
}

/**
 * civic_disclosure_request_records_reply_id:
 *
 * Returns: (transfer full) (nullable): the id of the reply document of
 * the request with @receipt, or %NULL without error when there is none
 */
char *
civic_disclosure_request_records_reply_id (CivicDb      *db,
                                           const char   *receipt,
                                           GError      **error)
{
  g_autoptr(CivicDisclosureRequest) request = NULL;
  g_autofree char *id = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id FROM disclosure_request_record WHERE receipt = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, receipt);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    id = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  if (id == NULL)
    return NULL;
  request = civic_disclosure_request_records_load (db, id, error);
  if (request == NULL)
    return NULL;
  return g_strdup (civic_disclosure_request_get_reply_document_id (request));
}

/* The documents addressed to the applicant, oldest first: the correction
 * notice, the extension notice, the reply. The consultation letters go
 * to the parties consulted, not to the applicant. */
static GPtrArray *
applicant_document_ids (CivicDisclosureRequest *request)
{
  GPtrArray *ids = g_ptr_array_new ();
  const CivicDisclosureCorrection *correction = civic_disclosure_request_get_correction (request);
  const CivicDisclosureExtension *extension = civic_disclosure_request_get_extension (request);

  if (correction != NULL && correction->document_id != NULL)
    g_ptr_array_add (ids, correction->document_id);
  if (extension != NULL && extension->document_id != NULL)
    g_ptr_array_add (ids, extension->document_id);
  if (civic_disclosure_request_get_reply_document_id (request) != NULL)
    g_ptr_array_add (ids, (char *) civic_disclosure_request_get_reply_document_id (request));
  return ids;
}

static CivicDisclosureRequest *
load_by_receipt (CivicDb      *db,
                 const char   *receipt,
                 GError      **error)
{
  g_autofree char *id = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id FROM disclosure_request_record WHERE receipt = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, receipt);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    id = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  if (id == NULL)
    return NULL;
  return civic_disclosure_request_records_load (db, id, error);
}

/**
 * civic_disclosure_request_records_applicant_document:
 * @code: a document's verification code, as printed
 *
 * Returns: (transfer full) (nullable): the document with @code, its PDF
 * unsealed, when it is one addressed to the applicant of the request with
 * @receipt; %NULL without error otherwise
 */
CivicIssuedDocument *
civic_disclosure_request_records_applicant_document (CivicDb      *db,
                                                     const char   *receipt,
                                                     const char   *code,
                                                     GError      **error)
{
  g_autoptr(CivicDisclosureRequest) request = load_by_receipt (db, receipt, error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *typed = civic_document_code_normalize (code);

  if (request == NULL || !civic_document_code_is_valid (typed))
    return NULL;
  ids = applicant_document_ids (request);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(CivicIssuedDocument) document =
        civic_documents_load (db, g_ptr_array_index (ids, i), NULL, FALSE, &local);

      if (document == NULL && !g_error_matches (local, CIVIC_DOCUMENTS_ERROR,
                                                CIVIC_DOCUMENTS_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (document != NULL && g_str_equal (document->code, typed))
        return civic_documents_load (db, document->id, NULL, TRUE, error);
    }
  return NULL;
}

/* Where a request stands, for whoever holds its receipt: no identity */
char *
civic_disclosure_request_records_status (CivicDb        *db,
                                         CivicCalendar  *calendar,
                                         const char     *receipt,
                                         CivicDay        today,
                                         GError        **error)
{
  g_autoptr(CivicDisclosureRequest) request = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *id = NULL;
  g_autofree char *organ_name = NULL;
  JsonObject *s;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id FROM disclosure_request_record WHERE receipt = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, receipt);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    id = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  if (id == NULL)
    return NULL;

  request = civic_disclosure_request_records_load (db, id, error);
  if (request == NULL)
    return NULL;
  summary = civic_disclosure_request_summarize (request, calendar, today,
                                                civic_clock_policy_get_default ());
  s = json_node_get_object (summary);
  organ_name = civic_disclosure_public_department_name (db,
                                                        civic_disclosure_request_get_department_id (request));

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "receipt", receipt);
  civic_json_set_string (builder, "organ", organ_name);
  civic_json_set_string (builder, "state", json_object_get_string_member (s, "state"));
  civic_json_set_string (builder, "received_on",
                         json_object_get_string_member_with_default (s, "received_on", NULL));
  civic_json_set_string (builder, "due_on", json_object_get_string_member_with_default (s, "due", NULL));
  civic_json_set_bool (builder, "extended", json_object_get_boolean_member_with_default (s, "extended", FALSE));
  civic_json_set_string (builder, "paused_since",
                         json_object_get_string_member_with_default (s, "paused_since", NULL));
  civic_json_set_string (builder, "correction_due",
                         json_object_get_string_member_with_default (s, "correction_due", NULL));
  civic_json_set_string (builder, "replied_on",
                         json_object_get_string_member_with_default (s, "replied_on", NULL));
  civic_json_set_string (builder, "outcome",
                         json_object_get_string_member_with_default (s, "outcome", NULL));
  /* The reply's verification code: the applicant downloads it with the
   * receipt (GET …/{receipt}/reply), anyone checks it with the code */
  if (civic_disclosure_request_get_reply_document_id (request) != NULL)
    {
      g_autoptr(CivicIssuedDocument) document =
        civic_documents_load (db, civic_disclosure_request_get_reply_document_id (request), NULL,
                              FALSE, NULL);

      civic_json_set_string (builder, "reply_code", document != NULL ? document->code : NULL);
      civic_json_set_string (builder, "reply_number", document != NULL ? document->number : NULL);
    }
  /* Every document addressed to the applicant, to download by receipt:
   * the correction notice says what to send and by when (Art. 30), the
   * extension notice the new last day (Art. 33) */
  {
    g_autoptr(GPtrArray) ids = applicant_document_ids (request);

    json_builder_set_member_name (builder, "documents");
    json_builder_begin_array (builder);
    for (guint i = 0; i < ids->len; i++)
      {
        g_autoptr(CivicIssuedDocument) document =
          civic_documents_load (db, g_ptr_array_index (ids, i), NULL, FALSE, NULL);
        g_autofree char *href = NULL;

        if (document == NULL)
          continue;
        href = g_strdup_printf ("/public/v1/disclosure-requests/%s/documents/%s", receipt,
                                document->code);
        json_builder_begin_object (builder);
        civic_json_set_string (builder, "kind", document->kind);
        civic_json_set_string (builder, "title", document->title);
        civic_json_set_string (builder, "number", document->number);
        civic_json_set_string (builder, "issued_on", document->issued_on);
        civic_json_set_string (builder, "code", document->code);
        civic_json_set_string (builder, "sha256", document->sha256);
        civic_json_set_string (builder, "href", href);
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
  }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return civic_json_to_string (node, FALSE);
}

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  return G_OBJECT (civic_disclosure_request_records_load (db, id, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  return civic_disclosure_request_records_save (db, CIVIC_DISCLOSURE_REQUEST (record), calendar,
                                                today, error);
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
  if (action == CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER)
    return give_receipt (db, CIVIC_DISCLOSURE_REQUEST (record), error);
  /* The written steps: the correction notice, the extension notice, a
   * consultation letter, the reply */
  return civic_documents_issue_disclosure_request_document (db, calendar, now, public_url,
                                                            CIVIC_DISCLOSURE_REQUEST (record),
                                                            action, command_id, error);
}

/* Who sees a request: the organ asked; the supervisor reads it and
 * changes nothing; to anyone else it is not there */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  const char *department = civic_disclosure_request_get_department_id (CIVIC_DISCLOSURE_REQUEST (record));
  const char *scope[] = { department, NULL };

  if (civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM))
    return TRUE;
  if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("Supervisors can read every request but change none"));
      return FALSE;
    }
  /* a blank one being registered belongs to the registering organ */
  if (department == NULL)
    return TRUE;
  if (!civic_policy_can_see (actor, scope))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such disclosure request"));
      return FALSE;
    }
  return TRUE;
}

const CivicRecordStore civic_disclosure_request_store = {
  .kind = &civic_disclosure_request_kind,
  .not_found = N_("There is no such disclosure request"),
  .stale = N_("The request changed (revision %" PRId64 ", you saw %" PRId64 "); look at it "
              "again before you act"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
};
