/* civic-case-records.c — cases as the service stores and publishes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-case-records"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-case-records.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-policy.h"
#include "civic-server-db.h"

/* A case is kept as the feed publishes it, in `entity`: personal data
 * masked, with the summary the inbox sorts and colours by. The applicant's
 * unmasked data is kept apart in `case_record` with the case's own
 * columns, read only by commands and the audited reveal. Both are written
 * in the same transaction. */

static CivicCase *
load_where (CivicSqlite  *db,
            const char   *sql,
            const char   *key,
            GError      **error)
{
  g_autoptr(JsonNode) applicant_node = NULL;
  g_autoptr(JsonNode) case_node = NULL;
  g_autoptr(CivicCase) kase = NULL;
  CivicApplicant applicant;
  sqlite3_stmt *stmt;
  gboolean row;

  stmt = civic_sqlite_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  civic_sqlite_bind_text (stmt, 1, key);
  if (!civic_sqlite_step (db, stmt, &row, error))
    return NULL;

  if (row)
    {
      applicant_node = civic_json_parse (civic_sqlite_column_text (stmt, 0), -1, error);
      case_node = applicant_node ? civic_json_parse (civic_sqlite_column_text (stmt, 1), -1, error)
                                 : NULL;
    }
  sqlite3_reset (stmt);

  if (case_node == NULL || !JSON_NODE_HOLDS_OBJECT (applicant_node))
    return NULL;

  kase = civic_case_new_from_json (case_node, error);
  if (kase == NULL || !civic_applicant_read (json_node_get_object (applicant_node), &applicant,
                                             error))
    return NULL;

  civic_case_set_applicant (kase, &applicant);
  civic_applicant_clear (&applicant);
  return g_steal_pointer (&kase);
}

/**
 * civic_case_records_load:
 *
 * Returns: (transfer full) (nullable): the whole case, or %NULL without
 * error when there is none.
 */
CivicCase *
civic_case_records_load (CivicSqlite  *db,
                         const char   *id,
                         GError      **error)
{
  return load_where (db, "SELECT r.applicant, e.data FROM case_record r "
                         "JOIN entity e ON e.type = 'case' AND e.id = r.id WHERE r.id = ?",
                     id, error);
}

CivicCase *
civic_case_records_load_by_receipt (CivicSqlite  *db,
                                    const char   *receipt,
                                    GError      **error)
{
  return load_where (db, "SELECT r.applicant, e.data FROM case_record r "
                         "JOIN entity e ON e.type = 'case' AND e.id = r.id WHERE r.receipt = ?",
                     receipt, error);
}

/**
 * civic_case_records_feed_json:
 *
 * Returns: (transfer full): the case as the feed sends it: masked, with
 * its summary for @today as the member "summary".
 */
char *
civic_case_records_feed_json (CivicCase     *kase,
                              CivicCalendar *calendar,
                              CivicDay       today)
{
  g_autoptr(JsonNode) node = civic_case_to_masked_json (kase);
  g_autoptr(JsonNode) summary = civic_case_summarize (kase, calendar, today, NULL);
  g_autofree char *body = civic_json_to_string (node, FALSE);
  g_autofree char *summary_text = civic_json_to_string (summary, FALSE);
  gsize length = strlen (body);

  /* The case's own JSON is an object; the summary joins it as its last
   * member without a second round through a builder. */
  g_assert (length >= 2 && body[length - 1] == '}');
  body[length - 1] = '\0';
  return g_strconcat (body, ",\"summary\":", summary_text, "}", NULL);
}

char *
civic_case_records_stored_status (CivicSqlite *db,
                                  const char  *id)
{
  sqlite3_stmt *stmt;
  gboolean row;
  char *status = NULL;

  stmt = civic_sqlite_prepare (db, "SELECT status FROM case_record WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;

  civic_sqlite_bind_text (stmt, 1, id);
  if (civic_sqlite_step (db, stmt, &row, NULL) && row)
    status = g_strdup (civic_sqlite_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return status;
}

static char *
summary_status (CivicCase     *kase,
                CivicCalendar *calendar,
                CivicDay       today)
{
  CivicClock *clock = civic_case_get_governing_clock (kase);
  g_autoptr(CivicClockReading) reading = NULL;

  if (clock == NULL)
    return g_strdup (civic_case_is_open (kase) ? "none" : "done");

  reading = civic_clock_read (clock, calendar, today, NULL);
  return g_strdup (civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, reading->status));
}

/**
 * civic_case_records_save:
 * @receipt: (nullable): the public receipt code, for a new application
 *
 * Writes the case and publishes it to the feed with the next sequence
 * number. Call inside a write transaction.
 *
 * Returns: the sequence number, or 0 on error.
 */
gint64
civic_case_records_save (CivicSqlite    *db,
                         CivicCase      *kase,
                         CivicCalendar  *calendar,
                         CivicDay        today,
                         const char     *receipt,
                         GError        **error)
{
  g_autoptr(JsonNode) node = civic_applicant_to_json (civic_case_get_applicant (kase));
  g_autofree char *applicant = civic_json_to_string (node, FALSE);
  g_autofree char *feed = civic_case_records_feed_json (kase, calendar, today);
  g_autofree char *status = summary_status (kase, calendar, today);
  g_autofree char *checked_on = civic_day_format (today);
  g_auto(GStrv) scope = civic_policy_case_scope (kase);
  sqlite3_stmt *stmt;

  stmt = civic_sqlite_prepare (db,
                               "INSERT INTO case_record (id, number, receipt, department_id, "
                               "  state, status, checked_on, applicant) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                               "ON CONFLICT (id) DO UPDATE SET state = excluded.state, "
                               "  status = excluded.status, checked_on = excluded.checked_on, "
                               "  applicant = excluded.applicant",
                               error);
  if (stmt == NULL)
    return 0;

  civic_sqlite_bind_text (stmt, 1, civic_case_get_id (kase));
  civic_sqlite_bind_text (stmt, 2, civic_case_get_number (kase));
  civic_sqlite_bind_text (stmt, 3, receipt);
  civic_sqlite_bind_text (stmt, 4, civic_case_get_department_id (kase));
  civic_sqlite_bind_text (stmt, 5, civic_enum_to_nick (CIVIC_TYPE_CASE_STATE,
                                                        civic_case_get_state (kase)));
  civic_sqlite_bind_text (stmt, 6, status);
  civic_sqlite_bind_text (stmt, 7, checked_on);
  civic_sqlite_bind_text (stmt, 8, applicant);
  if (!civic_sqlite_run (db, stmt, error))
    return 0;

  return civic_server_db_put_entity_text (db, "case", civic_case_get_id (kase),
                                          civic_case_get_rev (kase), feed,
                                          (const char * const *) scope, error);
}
