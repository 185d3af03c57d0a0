/* civic-disclosure-records.c — disclosures as the service stores and publishes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-records"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "civic-i18n.h"
#include <sodium.h>

#include "civic-audit.h"
#include "civic-disclosure-attachments.h"
#include "civic-disclosure-columns.h"
#include "civic-core-enums.h"
#include "civic-disclosure-kind.h"
#include "civic-disclosure-public.h"
#include "civic-disclosure-records.h"
#include "civic-disclosure-reminders.h"
#include "civic-disclosure-report.h"
#include "civic-disclosure-request.h"
#include "civic-due-jobs.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-keyring.h"
#include "civic-policy.h"
#include "civic-server-db.h"
#include "civic-supervision-records.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A disclosure is kept as the feed publishes it in `entity`, the head
 * text included, scoped to the organ that writes it: only its own
 * disclosure staff read a draft. Every saved text is also kept, sealed,
 * in `disclosure_version`: an old version may hold what a redaction
 * removed. `disclosure_record` has the columns the service finds
 * disclosures by. All three are written in the command's transaction.
 *
 * What the rules alone cannot do is done here: the index number is given
 * at the approval that completes the review, once, from a count per organ
 * and year that never skips (docs/plans/disclosure.md, decision 4); the
 * exact text is linted again before it is published; redactions and
 * acknowledgements are audited by key and kind, never by value. */

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

static char *
format_utc (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = NULL;

  if (instant == NULL)
    return NULL;
  utc = g_date_time_to_utc (instant);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
format_day (CivicDay day)
{
  return day != CIVIC_DAY_INVALID ? civic_day_format (day) : NULL;
}

/**
 * civic_disclosure_records_load:
 *
 * Returns: (transfer full) (nullable): the disclosure, or %NULL without
 * error when there is none
 */
CivicDisclosure *
civic_disclosure_records_load (CivicDb      *db,
                               const char   *id,
                               GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT e.data FROM disclosure_record r "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_DISCLOSURE "' "
                               "  AND e.id = r.id "
                               "WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    node = civic_json_parse (civic_db_column_text (stmt, 0), -1, error);
  civic_db_reset (stmt);
  if (node == NULL)
    return NULL;

  return civic_disclosure_new_from_json (node, error);
}

/**
 * civic_disclosure_records_save:
 *
 * Returns: the feed's sequence number, or 0 on error
 */
gint64
civic_disclosure_records_save (CivicDb          *db,
                               CivicDisclosure  *disclosure,
                               CivicCalendar    *calendar,
                               CivicDay          today,
                               GError          **error)
{
  g_autofree char *feed = civic_disclosure_to_feed_json (disclosure);
  g_autofree char *publish_at = format_utc (civic_disclosure_get_publish_at (disclosure));
  g_autofree char *formed_on = format_day (civic_disclosure_get_formed_on (disclosure));
  g_autofree char *expire_on = format_day (civic_disclosure_get_expire_on (disclosure));
  const char *scope[] = { civic_disclosure_get_department_id (disclosure), NULL };
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db,
                           "INSERT INTO disclosure_record (id, department_id, state, "
                           "  index_number, formed_on, publish_at, expire_on, head_version, "
                           "  published_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                           "ON CONFLICT (id) DO UPDATE SET state = excluded.state, "
                           "  index_number = excluded.index_number, "
                           "  formed_on = excluded.formed_on, "
                           "  publish_at = excluded.publish_at, "
                           "  expire_on = excluded.expire_on, "
                           "  head_version = excluded.head_version, "
                           "  published_version = excluded.published_version", error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, civic_disclosure_get_id (disclosure));
  civic_db_bind_text (stmt, 2, civic_disclosure_get_department_id (disclosure));
  civic_db_bind_text (stmt, 3, civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_STATE,
                                                        civic_disclosure_get_state (disclosure)));
  civic_db_bind_text (stmt, 4, civic_disclosure_get_index_number (disclosure));
  civic_db_bind_text (stmt, 5, formed_on);
  civic_db_bind_text (stmt, 6, publish_at);
  civic_db_bind_text (stmt, 7, expire_on);
  civic_db_bind_int64 (stmt, 8, civic_disclosure_get_head_version (disclosure));
  civic_db_bind_int64 (stmt, 9, civic_disclosure_get_published_version (disclosure));
  if (!civic_db_run (db, stmt, error))
    return 0;

  if (!civic_supervision_track (db, &civic_disclosure_kind, G_OBJECT (disclosure), calendar, today, error))
    return 0;

  return civic_server_db_put_entity_text (db, CIVIC_ENTITY_DISCLOSURE,
                                          civic_disclosure_get_id (disclosure),
                                          civic_disclosure_get_rev (disclosure), feed, scope,
                                          error);
}

/**
 * civic_disclosure_records_load_policy:
 *
 * Returns: (transfer full): the organ's policy, from its "disclosure"
 * member, or the default one when it has none
 */
CivicDisclosurePolicy *
civic_disclosure_records_load_policy (CivicDb      *db,
                                      const char   *department_id,
                                      GError      **error)
{
  g_autoptr(JsonNode) department = NULL;
  JsonObject *member = NULL;
  g_autoptr(JsonNode) default_policy = NULL;

  if (department_id != NULL)
    department = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, department_id,
                                                  NULL);
  if (department != NULL && JSON_NODE_HOLDS_OBJECT (department))
    member = civic_json_lookup_object (json_node_get_object (department), "disclosure");
  if (member != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), member);
      CivicDisclosurePolicy *policy = civic_disclosure_policy_new_from_json (node, error);

      if (policy == NULL)
        g_prefix_error (error, _("The disclosure policy of %s: "), department_id);
      return policy;
    }

  default_policy = civic_disclosure_policy_to_json (civic_disclosure_policy_get_default ());
  return civic_disclosure_policy_new_from_json (default_policy, error);
}

/**
 * civic_disclosure_records_get_version:
 *
 * Returns: (transfer full) (nullable): the text of @version, unsealed, or
 * %NULL without error when there is none
 */
char *
civic_disclosure_records_get_version (CivicDb      *db,
                                      const char   *id,
                                      guint         version,
                                      GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *sealed = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT sealed FROM disclosure_version "
                               "WHERE disclosure_id = ? AND version = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_int64 (stmt, 2, version);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    sealed = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  if (sealed == NULL)
    return NULL;
  if (keyring == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not loaded"));
      return NULL;
    }
  return civic_keyring_unseal (keyring, sealed, error);
}

/* Every saved text, sealed; the feed has only the head */
static gboolean
keep_version (CivicDb          *db,
              CivicDisclosure  *disclosure,
              GError          **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  GPtrArray *versions = civic_disclosure_get_versions (disclosure);
  const CivicDisclosureVersion *version;
  const char *body = civic_disclosure_get_body (disclosure);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  g_autofree char *sealed = NULL;
  g_autofree char *at = NULL;
  CivicDbStmt *stmt;

  g_return_val_if_fail (versions->len > 0, FALSE);
  version = g_ptr_array_index (versions, versions->len - 1);

  if (keyring == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not loaded"));
      return FALSE;
    }
  sealed = civic_keyring_seal (keyring, body);
  at = format_utc (version->at);

  stmt = civic_db_prepare (db, "INSERT INTO disclosure_version (disclosure_id, version, "
                               "  author_id, created_at, command_id, sha256, sealed) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_disclosure_get_id (disclosure));
  civic_db_bind_int64 (stmt, 2, version->number);
  civic_db_bind_text (stmt, 3, version->author_id);
  civic_db_bind_text (stmt, 4, at);
  civic_db_bind_text (stmt, 5, version->command_id);
  civic_db_bind_text (stmt, 6, sha256);
  civic_db_bind_text (stmt, 7, sealed);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  /* What a redaction removed, by key and kind: the audit never holds the
   * value */
  for (guint i = 0; version->redacted != NULL && version->redacted[i] != NULL; i++)
    {
      g_autoptr(GString) detail = g_string_new ("{\"version\":");

      g_string_append_printf (detail, "%u,\"key\":", version->number);
      civic_json_append_string (detail, version->redacted[i]);
      g_string_append (detail, ",\"command\":");
      civic_json_append_string (detail, version->command_id);
      g_string_append_c (detail, '}');
      if (!civic_audit_append (db, version->at, version->author_id, "redact-finding",
                               civic_disclosure_get_id (disclosure), detail->str, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* A reviewer let a finding through: who, why, on which version; never
 * the value */
static gboolean
audit_acknowledgement (CivicDb          *db,
                       CivicDisclosure  *disclosure,
                       const char       *command_id,
                       GError          **error)
{
  GPtrArray *acknowledgements = civic_disclosure_get_acknowledgements (disclosure);
  const CivicDisclosureAcknowledgement *a;
  g_autoptr(GString) detail = g_string_new ("{\"command\":");

  if (acknowledgements->len == 0)
    return TRUE;
  a = g_ptr_array_index (acknowledgements, acknowledgements->len - 1);

  civic_json_append_string (detail, command_id);
  g_string_append_printf (detail, ",\"version\":%u,\"kind\":", a->version);
  civic_json_append_string (detail, civic_enum_to_nick (CIVIC_TYPE_PRIVACY_KIND, a->kind));
  g_string_append (detail, ",\"key\":");
  civic_json_append_string (detail, a->key);
  g_string_append (detail, ",\"ground\":");
  civic_json_append_string (detail, civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_GROUND, a->ground));
  g_string_append (detail, ",\"reason\":");
  civic_json_append_string (detail, a->reason);
  g_string_append_c (detail, '}');
  return civic_audit_append (db, a->at, a->by_id, "acknowledge-finding",
                             civic_disclosure_get_id (disclosure), detail->str, NULL, error);
}

/* 索引号, once per disclosure: a second round after a revision keeps it */
static gboolean
allocate_index_number (CivicDb          *db,
                       CivicDisclosure  *disclosure,
                       const char       *command_id,
                       GDateTime        *now,
                       GError          **error)
{
  g_autoptr(CivicDisclosurePolicy) policy = NULL;
  const char *department_id = civic_disclosure_get_department_id (disclosure);
  g_autofree char *kept = NULL;
  g_autofree char *number = NULL;
  g_autofree char *code = NULL;
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, civic_time_zone ());
  int year = g_date_time_get_year (local);
  gint64 last = 0;
  CivicDbStmt *stmt;
  gboolean row;

  if (civic_disclosure_get_index_number (disclosure) != NULL)
    return TRUE;

  stmt = civic_db_prepare (db, "SELECT index_number FROM disclosure_index_allocation "
                               "WHERE disclosure_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_disclosure_get_id (disclosure));
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  if (row)
    kept = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  if (kept != NULL)
    {
      civic_disclosure_set_index_number (disclosure, kept);
      return TRUE;
    }

  policy = civic_disclosure_records_load_policy (db, department_id, error);
  if (policy == NULL)
    return FALSE;
  code = policy->index_code != NULL ? g_strdup (policy->index_code)
                                    : g_ascii_strup (department_id, -1);

  stmt = civic_db_prepare (db, "INSERT INTO disclosure_index_sequence (department_id, year, last) "
                               "VALUES (?1, ?2, 1) "
                               "ON CONFLICT (department_id, year) "
                               "DO UPDATE SET last = disclosure_index_sequence.last + 1 "
                               "RETURNING last", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, department_id);
  civic_db_bind_int (stmt, 2, year);
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  if (row)
    last = civic_db_column_int64 (stmt, 0);
  civic_db_reset (stmt);
  if (last <= 0 || last > 99999)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("The organ has used every index number of %d"), year);

  number = civic_disclosure_format_index_number (code, year, (guint) last);
  stmt = civic_db_prepare (db, "INSERT INTO disclosure_index_allocation (command_id, "
                               "  disclosure_id, index_number) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, command_id);
  civic_db_bind_text (stmt, 2, civic_disclosure_get_id (disclosure));
  civic_db_bind_text (stmt, 3, number);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  civic_disclosure_set_index_number (disclosure, number);
  return TRUE;
}

/* The findings the rules checked were made when the text was saved, by
 * whichever client saved it; what is published is linted again here,
 * with the organ's policy as it is now */
static gboolean
lint_before_publishing (CivicDb          *db,
                        CivicDisclosure  *disclosure,
                        GError          **error)
{
  g_autoptr(CivicDisclosurePolicy) policy = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  policy = civic_disclosure_records_load_policy (db, civic_disclosure_get_department_id (disclosure),
                                                 error);
  if (policy == NULL)
    return FALSE;
  findings = civic_disclosure_lint (disclosure, civic_disclosure_get_body (disclosure), policy);
  civic_disclosure_set_findings (disclosure, findings);
  return civic_disclosure_attachments_relint (db, disclosure, policy, error) &&
         civic_disclosure_gate_check (disclosure, error);
}

/* A file joins the disclosure: its text, read at the upload, is linted as
 * the body is; or it stays unchecked */
static gboolean
attach_file (CivicDb          *db,
             CivicDisclosure  *disclosure,
             GError          **error)
{
  GPtrArray *attachments = civic_disclosure_get_attachments (disclosure);
  g_autoptr(CivicDisclosurePolicy) policy = NULL;
  const CivicDisclosureAttachment *attachment;

  g_return_val_if_fail (attachments->len > 0, FALSE);
  attachment = g_ptr_array_index (attachments, attachments->len - 1);
  policy = civic_disclosure_records_load_policy (db, civic_disclosure_get_department_id (disclosure),
                                                 error);
  return policy != NULL &&
         civic_disclosure_attachments_attach (db, disclosure, attachment->sha256, policy, error);
}

/* A name marked as personal is looked for in the files too */
static gboolean
relint_files (CivicDb          *db,
              CivicDisclosure  *disclosure,
              GError          **error)
{
  g_autoptr(CivicDisclosurePolicy) policy = NULL;

  if (civic_disclosure_get_attachments (disclosure)->len == 0)
    return TRUE;
  policy = civic_disclosure_records_load_policy (db, civic_disclosure_get_department_id (disclosure),
                                                 error);
  return policy != NULL && civic_disclosure_attachments_relint (db, disclosure, policy, error);
}

/* The minutes the service acts at: a scheduled publication, an expiry at
 * the start of its day. Each job's id is the id of the command that set
 * it, so a job set again is a new one. */
static gboolean
plan_jobs (CivicDb                *db,
           CivicDisclosure        *disclosure,
           CivicDisclosureAction   action,
           const char             *command_id,
           GError                **error)
{
  const char *id = civic_disclosure_get_id (disclosure);
  const CivicEntityKind *kind = &civic_disclosure_kind;
  const char *publish = kind->action_to_string (CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED);
  const char *expire = kind->action_to_string (CIVIC_DISCLOSURE_ACTION_EXPIRE);
  CivicDay expire_on = civic_disclosure_get_expire_on (disclosure);

  switch (action)
    {
    case CIVIC_DISCLOSURE_ACTION_SCHEDULE:
      {
        g_autofree char *job = g_strconcat (publish, ":", command_id, NULL);

        return civic_due_jobs_cancel (db, publish, id, error) &&
               civic_due_jobs_add (db, job, civic_disclosure_get_publish_at (disclosure), publish,
                                   id, error);
      }
    case CIVIC_DISCLOSURE_ACTION_UNSCHEDULE:
      return civic_due_jobs_cancel (db, publish, id, error);
    case CIVIC_DISCLOSURE_ACTION_PUBLISH:
    case CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED:
      if (!civic_due_jobs_cancel (db, NULL, id, error))
        return FALSE;
      if (expire_on != CIVIC_DAY_INVALID)
        {
          g_autofree char *job = g_strconcat (expire, ":", command_id, NULL);
          g_autoptr(GDateTime) at = NULL;
          int year, month, day;

          civic_day_to_ymd (expire_on, &year, &month, &day);
          at = g_date_time_new (civic_time_zone (), year, month, day, 0, 0, 0);
          return civic_due_jobs_add (db, job, at, expire, id, error);
        }
      return TRUE;
    case CIVIC_DISCLOSURE_ACTION_WITHDRAW:
      return civic_due_jobs_cancel (db, NULL, id, error);
    default:
      return TRUE;
    }
}

/* The year's statistics of the organ (OGI Art. 50): its normative
 * documents, its licensing decisions, its requests and their remedies, into
 * the report's draft */
static gboolean
generate_report (CivicDb          *db,
                 CivicDisclosure  *disclosure,
                 const char       *command_id,
                 GDateTime        *now,
                 GError          **error)
{
  const char *department_id = civic_disclosure_get_department_id (disclosure);
  int year = (int) civic_disclosure_get_report_year (disclosure);
  g_autofree char *organ = civic_disclosure_public_department_name (db, department_id);
  g_autoptr(CivicDisclosureReportData) data = civic_disclosure_report_data_new (year, organ);
  g_autoptr(CivicDisclosurePolicy) policy = NULL;
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  CivicDay year_start = civic_day_from_ymd (year, 1, 1);
  CivicDay year_end = civic_day_from_ymd (year, 12, 31);
  CivicDbStmt *stmt;
  gboolean row;

  /* Art. 20(1): its normative documents published, repealed or lapsed, in
   * force; a province's departments make no rules (规章), its government
   * does */
  stmt = civic_db_prepare (db, "SELECT e.data FROM disclosure_record r "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_DISCLOSURE "' "
                               "  AND e.id = r.id "
                               "WHERE r.department_id = ? AND r.published_version > 0", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, department_id);
  while (TRUE)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(CivicDisclosure) other = NULL;
      CivicDay published;

      if (!civic_db_step (db, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      node = civic_json_parse (civic_db_column_text (stmt, 0), -1, NULL);
      other = node ? civic_disclosure_new_from_json (node, NULL) : NULL;
      if (other == NULL || !civic_disclosure_get_normative (other) ||
          civic_disclosure_get_published_at (other) == NULL)
        continue;
      published = civic_time_day_of (civic_disclosure_get_published_at (other));
      if (published > year_end)
        continue;
      if (published >= year_start)
        data->normative[0]++;
      if (civic_disclosure_get_validity (other) == CIVIC_DISCLOSURE_VALIDITY_IN_FORCE)
        data->normative[2]++;
      else
        data->normative[1]++;
    }
  civic_db_reset (stmt);

  /* Art. 20(5): the licensing decisions of the year */
  stmt = civic_db_prepare (db, "SELECT count (*) FROM case_record r "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_CASE "' AND e.id = r.id "
                               "WHERE r.department_id = ?1 "
                               "  AND json_extract (e.data, '$.decision.on') BETWEEN ?2 AND ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, department_id);
  civic_db_bind_text (stmt, 2, first);
  civic_db_bind_text (stmt, 3, last);
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  data->licensing_decisions = row ? (guint) civic_db_column_int64 (stmt, 0) : 0;
  civic_db_reset (stmt);

  /* The requests, as the feed has them: who asked is not needed, only the
   * kind of applicant, which is not personal */
  stmt = civic_db_prepare (db, "SELECT e.data FROM disclosure_request_record r "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_DISCLOSURE_REQUEST "' "
                               "  AND e.id = r.id "
                               "WHERE r.department_id = ? AND r.received_on <= ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, department_id);
  civic_db_bind_text (stmt, 2, last);
  while (TRUE)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(CivicDisclosureRequest) request = NULL;

      if (!civic_db_step (db, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      node = civic_json_parse (civic_db_column_text (stmt, 0), -1, NULL);
      request = node ? civic_disclosure_request_new_from_json (node, NULL) : NULL;
      if (request != NULL)
        civic_disclosure_report_count (data, request, year_start, year_end);
    }
  civic_db_reset (stmt);

  civic_disclosure_report_total (data);
  if (!civic_disclosure_report_check (data, error))
    return FALSE;

  policy = civic_disclosure_records_load_policy (db, department_id, error);
  if (policy == NULL)
    return FALSE;
  /* The report is a Chinese document, in the format's words */
  title = g_strdup_printf ("%s%d年政府信息公开工作年度报告", organ, year);
  body = civic_disclosure_report_to_markdown (data);
  civic_disclosure_set_generated_text (disclosure, title, body, now, command_id, policy);
  return keep_version (db, disclosure, error);
}

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  return G_OBJECT (civic_disclosure_records_load (db, id, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  return civic_disclosure_records_save (db, CIVIC_DISCLOSURE (record), calendar, today, error);
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
  CivicDisclosure *disclosure = CIVIC_DISCLOSURE (record);

  switch ((CivicDisclosureAction) action)
    {
    case CIVIC_DISCLOSURE_ACTION_CREATE:
      return civic_disclosure_columns_check (db, disclosure, error);
    case CIVIC_DISCLOSURE_ACTION_SAVE:
      return civic_disclosure_columns_check (db, disclosure, error) &&
             keep_version (db, disclosure, error);
    case CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT:
      return generate_report (db, disclosure, command_id, now, error);
    case CIVIC_DISCLOSURE_ACTION_REVIEW:
      if (civic_disclosure_get_state (disclosure) != CIVIC_DISCLOSURE_STATE_APPROVED)
        return TRUE;
      return lint_before_publishing (db, disclosure, error) &&
             allocate_index_number (db, disclosure, command_id, now, error);
    case CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE:
      return audit_acknowledgement (db, disclosure, command_id, error);
    case CIVIC_DISCLOSURE_ACTION_ATTACH_FILE:
      return attach_file (db, disclosure, error);
    case CIVIC_DISCLOSURE_ACTION_MARK_NAME:
      return relint_files (db, disclosure, error);
    case CIVIC_DISCLOSURE_ACTION_SCHEDULE:
      return lint_before_publishing (db, disclosure, error) &&
             allocate_index_number (db, disclosure, command_id, now, error) &&
             plan_jobs (db, disclosure, action, command_id, error);
    case CIVIC_DISCLOSURE_ACTION_PUBLISH:
    case CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED:
      return lint_before_publishing (db, disclosure, error) &&
             allocate_index_number (db, disclosure, command_id, now, error) &&
             plan_jobs (db, disclosure, action, command_id, error) &&
             civic_disclosure_public_write (db, disclosure, now, error);
    case CIVIC_DISCLOSURE_ACTION_UNSCHEDULE:
      return plan_jobs (db, disclosure, action, command_id, error);
    case CIVIC_DISCLOSURE_ACTION_WITHDRAW:
      return plan_jobs (db, disclosure, action, command_id, error) &&
             civic_disclosure_public_write (db, disclosure, now, error);
    case CIVIC_DISCLOSURE_ACTION_EXPIRE:
    case CIVIC_DISCLOSURE_ACTION_SET_VALIDITY:
      return civic_disclosure_public_write (db, disclosure, now, error);
    default:
      return TRUE;
    }
}

/* Who sees a disclosure before it is published: its organ; the
 * supervisor reads it and changes nothing; to anyone else it is not
 * there */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  const char *scope[] = { civic_disclosure_get_department_id (CIVIC_DISCLOSURE (record)), NULL };

  if (civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM))
    return TRUE;
  if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("Supervisors can read every disclosure but change none"));
      return FALSE;
    }
  if (!civic_policy_can_see (actor, scope))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such disclosure"));
      return FALSE;
    }
  return TRUE;
}

const CivicRecordStore civic_disclosure_store = {
  .kind = &civic_disclosure_kind,
  .not_found = N_("There is no such disclosure"),
  .stale = N_("The disclosure changed (revision %" PRId64 ", you saw %" PRId64 "); look at it "
              "again before you act"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
  .daily = civic_disclosure_reminders_daily,
};
