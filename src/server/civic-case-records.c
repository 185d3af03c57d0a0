/* civic-case-records.c — cases as the service stores and publishes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-case-records"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "civic-i18n.h"
#include <sodium.h>

#include "civic-calendar-records.h"
#include "civic-case-jobs.h"
#include "civic-case-kind.h"
#include "civic-case-records.h"
#include "civic-documents.h"
#include "civic-hearing-records.h"
#include "civic-licensing-disclosure.h"
#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-keyring.h"
#include "civic-policy.h"
#include "civic-server-db.h"
#include "civic-supervision-records.h"
#include "civic-time.h"

/* A case is kept as the feed publishes it, in `entity`: personal data
 * masked, with the summary the inbox sorts and colours by. Its personal
 * data, unmasked (civic-case-personal.c), is kept apart in
 * `case_personal`, sealed with the service's current personal-data key
 * (civic-keyring.c), so the database file alone does not give it away;
 * `case_record` has the case's own columns. Only commands and the
 * audited reveal unseal it. All three are written in one transaction. */

static gboolean
restore_personal (CivicDb      *db,
                  CivicCase    *kase,
                  const char   *sealed,
                  GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) personal = NULL;

  if (keyring == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not loaded"));
      return FALSE;
    }

  text = civic_keyring_unseal (keyring, sealed, error);
  if (text == NULL)
    {
      g_prefix_error (error, _("The personal data of case %s cannot be read: "),
                      civic_case_get_id (kase));
      return FALSE;
    }

  personal = civic_json_parse (text, -1, error);
  sodium_memzero (text, strlen (text));
  return personal != NULL && civic_case_restore_personal (kase, personal, error);
}

static CivicCase *
load_where (CivicDb      *db,
            const char   *sql,
            const char   *key,
            GError      **error)
{
  g_autoptr(JsonNode) case_node = NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autofree char *sealed = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  civic_db_bind_text (stmt, 1, key);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;

  if (row)
    {
      sealed = g_strdup (civic_db_column_text (stmt, 0));
      case_node = civic_json_parse (civic_db_column_text (stmt, 1), -1, error);
    }
  civic_db_reset (stmt);

  if (case_node == NULL)
    return NULL;

  kase = civic_case_new_from_json (case_node, error);
  if (kase == NULL || !restore_personal (db, kase, sealed, error))
    return NULL;

  return g_steal_pointer (&kase);
}

/**
 * civic_case_records_load:
 *
 * Returns: (transfer full) (nullable): the whole case, its personal data
 * unsealed, or %NULL without error when there is none.
 */
CivicCase *
civic_case_records_load (CivicDb      *db,
                         const char   *id,
                         GError      **error)
{
  return load_where (db, "SELECT p.sealed, e.data FROM case_record r "
                         "JOIN case_personal p ON p.id = r.id "
                         "JOIN entity e ON e.type = '" CIVIC_ENTITY_CASE "' AND e.id = r.id "
                         "WHERE r.id = ?",
                     id, error);
}

CivicCase *
civic_case_records_load_by_receipt (CivicDb      *db,
                                    const char   *receipt,
                                    GError      **error)
{
  return load_where (db, "SELECT p.sealed, e.data FROM case_record r "
                         "JOIN case_personal p ON p.id = r.id "
                         "JOIN entity e ON e.type = '" CIVIC_ENTITY_CASE "' AND e.id = r.id "
                         "WHERE r.receipt = ?",
                     receipt, error);
}

CivicCase *
civic_case_records_load_by_number (CivicDb      *db,
                                   const char   *number,
                                   GError      **error)
{
  return load_where (db, "SELECT p.sealed, e.data FROM case_record r "
                         "JOIN case_personal p ON p.id = r.id "
                         "JOIN entity e ON e.type = '" CIVIC_ENTITY_CASE "' AND e.id = r.id "
                         "WHERE r.number = ?",
                     number, error);
}

char *
civic_case_records_stored_status (CivicDb     *db,
                                  const char  *id)
{
  CivicDbStmt *stmt;
  gboolean row;
  char *status = NULL;

  stmt = civic_db_prepare (db, "SELECT status FROM case_record WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;

  civic_db_bind_text (stmt, 1, id);
  if (civic_db_step (db, stmt, &row, NULL) && row)
    status = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  return status;
}

static char *
summary_status (CivicCase     *kase,
                CivicCalendar *calendar,
                CivicDay       today)
{
  CivicClock *clock = civic_case_get_governing_clock (kase);
  g_autoptr(CivicClockReading) reading = NULL;

  if (clock != NULL)
    reading = civic_clock_read (clock, calendar, today, NULL);
  return g_strdup (civic_case_status_nick (kase, reading));
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
civic_case_records_save (CivicDb        *db,
                         CivicCase      *kase,
                         CivicCalendar  *calendar,
                         CivicDay        today,
                         const char     *receipt,
                         GError        **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autoptr(JsonNode) personal = civic_case_dup_personal (kase);
  g_autofree char *personal_text = civic_json_to_string (personal, FALSE);
  g_autofree char *sealed = NULL;
  g_autofree char *feed = civic_case_to_feed_json (kase, calendar, today);
  g_autofree char *status = summary_status (kase, calendar, today);
  g_autofree char *checked_on = civic_day_format (today);
  g_auto(GStrv) scope = civic_policy_case_scope (kase);
  CivicDbStmt *stmt;

  if (keyring == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not loaded"));
      return 0;
    }
  sealed = civic_keyring_seal (keyring, personal_text);
  sodium_memzero (personal_text, strlen (personal_text));

  stmt = civic_db_prepare (db,
                           "INSERT INTO case_record (id, number, receipt, department_id, "
                           "  state, status, checked_on) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                           "ON CONFLICT (id) DO UPDATE SET state = excluded.state, "
                           "  status = excluded.status, checked_on = excluded.checked_on",
                           error);
  if (stmt == NULL)
    return 0;

  civic_db_bind_text (stmt, 1, civic_case_get_id (kase));
  civic_db_bind_text (stmt, 2, civic_case_get_number (kase));
  civic_db_bind_text (stmt, 3, receipt);
  civic_db_bind_text (stmt, 4, civic_case_get_department_id (kase));
  civic_db_bind_text (stmt, 5, civic_enum_to_nick (CIVIC_TYPE_CASE_STATE,
                                                        civic_case_get_state (kase)));
  civic_db_bind_text (stmt, 6, status);
  civic_db_bind_text (stmt, 7, checked_on);
  if (!civic_db_run (db, stmt, error))
    return 0;

  if (!civic_case_records_store_sealed (db, civic_case_get_id (kase), sealed, error))
    return 0;

  if (!civic_supervision_track (db, &civic_case_kind, G_OBJECT (kase), calendar, today, error))
    return 0;

  return civic_server_db_put_entity_text (db, CIVIC_ENTITY_CASE, civic_case_get_id (kase),
                                          civic_case_get_rev (kase), feed,
                                          (const char * const *) scope, error);
}

/**
 * civic_case_records_store_sealed:
 *
 * Keeps a case's sealed personal data. Call inside a write transaction.
 */
gboolean
civic_case_records_store_sealed (CivicDb      *db,
                                 const char   *id,
                                 const char   *sealed,
                                 GError      **error)
{
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO case_personal (id, sealed) VALUES (?, ?) "
                               "ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_text (stmt, 2, sealed);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_case_records_seal_legacy:
 * @n_sealed: (out): how many cases it sealed
 *
 * A service of the first version kept the applicant unmasked in
 * `case_record` and the hearing's parties unmasked in the feed: seals
 * each case's personal data, publishes it masked again, and drops the
 * column. Inside the caller's write transaction.
 */
gboolean
civic_case_records_seal_legacy (CivicDb      *db,
                                guint        *n_sealed,
                                GError      **error)
{
  g_autoptr(CivicCalendar) calendar = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) applicants = g_ptr_array_new_with_free_func (g_free);
  CivicDbStmt *stmt;
  gboolean row;

  *n_sealed = 0;
  if (!civic_db_has_column (db, "case_record", "applicant"))
    return TRUE;

  /* The applicants first: the column must go before a case can be
   * written in the new form. */
  stmt = civic_db_prepare (db, "SELECT id, applicant FROM case_record ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
      g_ptr_array_add (applicants, g_strdup (civic_db_column_text (stmt, 1)));
    }
  civic_db_reset (stmt);
  if ((error != NULL && *error != NULL) ||
      !civic_db_exec (db, "ALTER TABLE case_record DROP COLUMN applicant", error))
    return FALSE;

  if (ids->len > 0)
    {
      calendar = civic_calendar_records_load (db, "CN-43", error);
      if (calendar == NULL)
        return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonNode) applicant_node = civic_json_parse (g_ptr_array_index (applicants, i), -1,
                                                             error);
      g_autoptr(JsonNode) case_node = NULL;
      g_autoptr(CivicCase) kase = NULL;
      CivicApplicant applicant;

      case_node = applicant_node ? civic_server_db_get_entity_json (db, CIVIC_ENTITY_CASE,
                                                                    g_ptr_array_index (ids, i),
                                                                    error)
                                 : NULL;
      if (case_node == NULL || !JSON_NODE_HOLDS_OBJECT (applicant_node))
        return FALSE;

      kase = civic_case_new_from_json (case_node, error);
      if (kase == NULL ||
          !civic_applicant_read (json_node_get_object (applicant_node), &applicant, error))
        return FALSE;
      civic_case_set_applicant (kase, &applicant);
      civic_applicant_clear (&applicant);

      if (civic_case_records_save (db, kase, calendar, civic_time_day_of (now), NULL, error) == 0)
        return FALSE;
    }

  if (ids->len > 0)
    g_message ("sealed the personal data of %u cases", ids->len);
  *n_sealed = ids->len;
  return TRUE;
}

/* Every table of rows sealed with a personal-data key: an applicant's
 * data, the documents that name them, a hearing's parties, the files of
 * disclosures not yet published and their text */
static const char * const sealed_tables[] = { "case_personal", "document_pdf", "hearing_personal",
                                              "attachment_blob", "attachment_text" };

/* A sealed attachment is up to 36 MiB of text (a 20 MiB file in base64,
 * sealed and encoded again): a batch holds a few, not hundreds */
#define ATTACHMENTS_PER_BATCH 4

/**
 * civic_case_records_reseal:
 * @done: (out): how many were sealed again in this batch
 *
 * Seals again, with the current key, up to @batch rows sealed with an
 * older one (a case's personal data, a document's PDF): a key rotation, a
 * batch per transaction, while the service runs.
 */
gboolean
civic_case_records_reseal (CivicDb      *db,
                           guint         batch,
                           guint        *done,
                           GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *current = g_strdup_printf ("v1:%u:%%", civic_keyring_get_current_id (keyring));
  guint n = 0;

  *done = 0;
  if (!civic_db_begin (db, error))
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (sealed_tables) && n < batch; t++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT id, sealed FROM %s WHERE sealed NOT LIKE ? "
                                                 "LIMIT ?", sealed_tables[t]);
      g_autofree char *update = g_strdup_printf ("UPDATE %s SET sealed = ? WHERE id = ?",
                                                 sealed_tables[t]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      CivicDbStmt *stmt;
      gboolean row;

      stmt = civic_db_prepare (db, select, error);
      if (stmt == NULL)
        goto fail;
      civic_db_bind_text (stmt, 1, current);
      civic_db_bind_int (stmt, 2, g_str_equal (sealed_tables[t], "attachment_blob")
                                  ? MIN (batch - n, ATTACHMENTS_PER_BATCH) : batch - n);
      while (civic_db_step (db, stmt, &row, error) && row)
        {
          GStrv pair = g_new0 (char *, 3);

          pair[0] = g_strdup (civic_db_column_text (stmt, 0));
          pair[1] = g_strdup (civic_db_column_text (stmt, 1));
          g_ptr_array_add (rows, pair);
        }
      civic_db_reset (stmt);
      if (error != NULL && *error != NULL)
        goto fail;

      for (guint i = 0; i < rows->len; i++)
        {
          GStrv pair = g_ptr_array_index (rows, i);
          g_autofree char *plain = civic_keyring_unseal (keyring, pair[1], error);
          g_autofree char *sealed = NULL;

          if (plain == NULL)
            goto fail;
          sealed = civic_keyring_seal (keyring, plain);
          sodium_memzero (plain, strlen (plain));
          stmt = civic_db_prepare (db, update, error);
          if (stmt == NULL)
            goto fail;
          civic_db_bind_text (stmt, 1, sealed);
          civic_db_bind_text (stmt, 2, pair[0]);
          if (!civic_db_run (db, stmt, error))
            goto fail;
        }
      n += rows->len;
    }

  if (!civic_db_commit (db, error))
    goto fail;
  *done = n;
  return TRUE;

fail:
  civic_db_rollback (db);
  return FALSE;
}

/**
 * civic_case_records_count_sealed:
 * @key_id: a personal-data key
 *
 * Returns: how many rows (cases, documents) still need @key_id, or -1 on
 * error.
 */
gint64
civic_case_records_count_sealed (CivicDb      *db,
                                 guint         key_id,
                                 GError      **error)
{
  g_autofree char *prefix = g_strdup_printf ("v1:%u:%%", key_id);
  gint64 count = 0;

  for (guint t = 0; t < G_N_ELEMENTS (sealed_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE sealed LIKE ?",
                                              sealed_tables[t]);
      CivicDbStmt *stmt = civic_db_prepare (db, sql, error);
      gboolean row;

      if (stmt == NULL)
        return -1;
      civic_db_bind_text (stmt, 1, prefix);
      if (!civic_db_step (db, stmt, &row, error))
        return -1;
      if (row)
        count += civic_db_column_int64 (stmt, 0);
      civic_db_reset (stmt);
    }
  return count;
}

/* The case's store, for the command path */

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  return G_OBJECT (civic_case_records_load (db, id, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  return civic_case_records_save (db, CIVIC_CASE (record), calendar, today, NULL, error);
}

static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  return civic_policy_check_case_action (actor, CIVIC_CASE (record), action, error);
}

/* A hearing asked for is made; the hearing a decision rests on learns its
 * number; a document issued by the command is numbered, rendered and
 * stored */
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
  CivicCase *kase = CIVIC_CASE (record);

  switch ((CivicAction) action)
    {
    case CIVIC_ACTION_REQUEST_HEARING:
    case CIVIC_ACTION_ORDER_HEARING:
      if (!civic_hearing_records_open_for_case (db, kase, command_id, calendar,
                                                civic_time_day_of (now), error))
        return FALSE;
      break;
    case CIVIC_ACTION_DECIDE:
      if (!civic_hearing_records_note_decision (db, kase, calendar, civic_time_day_of (now),
                                                error) ||
          !civic_licensing_disclosure_draft (db, calendar, now, kase, error))
        return FALSE;
      break;
    default:
      break;
    }
  return civic_documents_issue_drafts (db, calendar, now, public_url, kase, error);
}

const CivicRecordStore civic_case_store = {
  .kind = &civic_case_kind,
  .not_found = N_("There is no such case"),
  .stale = N_("The case changed (revision %" PRId64 ", you saw %" PRId64 "); look at it again "
              "before you act"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
  .daily = civic_case_jobs_daily,
};
