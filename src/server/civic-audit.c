/* civic-audit.c — the append-only, hash-chained audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-audit"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include "civic-i18n.h"

#include "civic-audit.h"
#include "civic-server-db.h"
#include "civic-time.h"

/* Every command, every reveal of personal data, every sign-in is one row.
 * Each row carries the SHA-256 of its canonical form, which includes the
 * previous row's hash: changing or removing a row breaks the chain from
 * there on, and `civicdesk-server audit verify` names the first broken
 * row. The head of the chain is also kept in `meta`, so cutting rows off
 * the end shows too. Triggers refuse UPDATE and DELETE on the table; an
 * attacker with the file can drop them, which is what verify is for. */

G_DEFINE_QUARK (civic-audit-error-quark, civic_audit_error)

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

static void
add_field (GString    *canonical,
           const char *value)
{
  /* Length-prefixed, so no choice of separators can make two different
   * rows read alike. */
  if (value == NULL)
    g_string_append (canonical, "-;");
  else
    g_string_append_printf (canonical, "%zu:%s;", strlen (value), value);
}

static char *
entry_hash (gint64      seq,
            const char *at,
            const char *actor,
            const char *action,
            const char *target,
            const char *detail,
            const char *address,
            const char *prev_hash)
{
  g_autoptr(GString) canonical = g_string_new (NULL);

  g_string_append_printf (canonical, "%" G_GINT64_FORMAT ";", seq);
  add_field (canonical, at);
  add_field (canonical, actor);
  add_field (canonical, action);
  add_field (canonical, target);
  add_field (canonical, detail);
  add_field (canonical, address);
  add_field (canonical, prev_hash);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical->str, canonical->len);
}

/**
 * civic_audit_append:
 *
 * Appends an entry. Call inside the write transaction of the change it
 * records, so that the two stand or fall together.
 */
gboolean
civic_audit_append (CivicSqlite  *db,
                    GDateTime    *at,
                    const char   *actor,
                    const char   *action,
                    const char   *target,
                    const char   *detail,
                    const char   *address,
                    GError      **error)
{
  g_autofree char *when = civic_time_format (at);
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *head = NULL;
  sqlite3_stmt *stmt;
  gboolean row;
  gint64 seq = 1;

  g_return_val_if_fail (civic_sqlite_in_transaction (db), FALSE);

  stmt = civic_sqlite_prepare (db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL || !civic_sqlite_step (db, stmt, &row, error))
    return FALSE;
  if (row)
    {
      seq = sqlite3_column_int64 (stmt, 0) + 1;
      prev_hash = g_strdup (civic_sqlite_column_text (stmt, 1));
    }
  else
    prev_hash = g_strdup (GENESIS);
  sqlite3_reset (stmt);

  hash = entry_hash (seq, when, actor, action, target, detail, address, prev_hash);

  stmt = civic_sqlite_prepare (db, "INSERT INTO audit (seq, at, actor, action, target, detail, "
                                   "  address, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  civic_sqlite_bind_text (stmt, 2, when);
  civic_sqlite_bind_text (stmt, 3, actor);
  civic_sqlite_bind_text (stmt, 4, action);
  civic_sqlite_bind_text (stmt, 5, target);
  civic_sqlite_bind_text (stmt, 6, detail);
  civic_sqlite_bind_text (stmt, 7, address);
  civic_sqlite_bind_text (stmt, 8, prev_hash);
  civic_sqlite_bind_text (stmt, 9, hash);
  if (!civic_sqlite_run (db, stmt, error))
    return FALSE;

  head = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", seq, hash);
  return civic_server_db_set_meta (db, "audit_head", head, error);
}

static gboolean
broken (GError **error,
        gint64  *broken_seq,
        gint64   seq,
        const char *format,
        ...) G_GNUC_PRINTF (4, 5);

static gboolean
broken (GError     **error,
        gint64      *broken_seq,
        gint64       seq,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  *broken_seq = seq;
  g_set_error_literal (error, CIVIC_AUDIT_ERROR, CIVIC_AUDIT_ERROR_BROKEN, message);
  return FALSE;
}

/**
 * civic_audit_verify:
 * @n_entries: (out): how many entries were checked
 * @broken_seq: (out): the first entry found altered or missing, or 0
 *
 * Walks the whole chain.
 */
gboolean
civic_audit_verify (CivicSqlite  *db,
                    gint64       *n_entries,
                    gint64       *broken_seq,
                    GError      **error)
{
  g_autofree char *prev_hash = g_strdup (GENESIS);
  g_autofree char *head = NULL;
  g_autofree char *expected_head = NULL;
  sqlite3_stmt *stmt;
  gboolean row;
  gint64 expected_seq = 1;

  *n_entries = 0;
  *broken_seq = 0;

  stmt = civic_sqlite_prepare (db, "SELECT seq, at, actor, action, target, detail, address, "
                                   "  prev_hash, hash FROM audit ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;

  while (civic_sqlite_step (db, stmt, &row, error) && row)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *stored_prev = civic_sqlite_column_text (stmt, 7);
      const char *stored_hash = civic_sqlite_column_text (stmt, 8);
      g_autofree char *hash = NULL;

      if (seq != expected_seq)
        {
          sqlite3_reset (stmt);
          return broken (error, broken_seq, expected_seq,
                         _("Entry %" PRId64 " is missing"), expected_seq);
        }

      if (g_strcmp0 (stored_prev, prev_hash) != 0)
        {
          sqlite3_reset (stmt);
          return broken (error, broken_seq, seq,
                         _("Entry %" PRId64 " does not follow the entry before it"),
                         seq);
        }

      hash = entry_hash (seq,
                         civic_sqlite_column_text (stmt, 1), civic_sqlite_column_text (stmt, 2),
                         civic_sqlite_column_text (stmt, 3), civic_sqlite_column_text (stmt, 4),
                         civic_sqlite_column_text (stmt, 5), civic_sqlite_column_text (stmt, 6),
                         stored_prev);
      if (g_strcmp0 (hash, stored_hash) != 0)
        {
          sqlite3_reset (stmt);
          return broken (error, broken_seq, seq,
                         _("Entry %" PRId64 " was altered"), seq);
        }

      g_free (prev_hash);
      prev_hash = g_steal_pointer (&hash);
      expected_seq++;
      (*n_entries)++;
    }
  sqlite3_reset (stmt);

  if (error != NULL && *error != NULL)
    return FALSE;

  head = civic_server_db_get_meta (db, "audit_head");
  expected_head = *n_entries > 0
                  ? g_strdup_printf ("%" G_GINT64_FORMAT ":%s", *n_entries, prev_hash)
                  : NULL;
  if (g_strcmp0 (head, expected_head) != 0)
    return broken (error, broken_seq, *n_entries + 1,
                   _("Entries after %" PRId64 " were removed"), *n_entries);

  return TRUE;
}
