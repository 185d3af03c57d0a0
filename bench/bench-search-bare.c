/* bench-search-bare.c — the inbox's search, straight in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference of the search in bench/bench-sync.sh: on the cache the
 * client synced, the same work the inbox does for a search (how many
 * cases match, and the first 50 in the order of their deadlines, with the
 * columns a row shows) written as the one obvious query on the same
 * tables: FTS5's trigram MATCH for three characters or more, LIKE for
 * fewer. No filter assembled, no prepared statement cache, no rows
 * turned into structures.
 *
 *   bench-search-bare CACHE.DB TEXT N
 *
 * Prints one JSON object, as civic-sync-probe's search does:
 * {"matches": N, "p50_ms": …, "p95_ms": …, "max_ms": …}.
 */

#include "config.h"

#include <glib.h>
#include <sqlite3.h>

#define COLUMNS "i.id, i.number, i.applicant, i.item_code, i.item_name, i.department_name, " \
                "i.state, i.queue, i.assignee_id, i.assignee_name, i.channel, i.status, " \
                "i.due, i.statutory_due, i.received_on, i.updated_at, i.joint, i.pending, " \
                "i.watched"

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pattern = NULL;
  sqlite3_stmt *count, *rows;
  sqlite3 *db;
  gboolean trigrams;
  int matches = 0;
  guint n;

  if (argc != 4)
    {
      g_printerr ("usage: %s CACHE.DB TEXT N\n", argv[0]);
      return 2;
    }
  n = MAX (1, atoi (argv[3]));

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  trigrams = g_utf8_strlen (argv[2], -1) >= 3;
  if (trigrams)
    {
      pattern = g_strdup_printf ("\"%s\"", argv[2]);
      count = prepare (db, "SELECT count (*) FROM case_fts WHERE case_fts MATCH ?1");
      rows = prepare (db, "SELECT " COLUMNS " FROM case_fts f JOIN case_index i "
                          "  ON i.rowid = f.rowid "
                          "WHERE case_fts MATCH ?1 ORDER BY i.due_key, i.id LIMIT 50");
    }
  else
    {
      pattern = g_strdup_printf ("%%%s%%", argv[2]);
      count = prepare (db, "SELECT count (*) FROM case_index "
                           "WHERE number LIKE ?1 OR applicant LIKE ?1 OR item_name LIKE ?1");
      rows = prepare (db, "SELECT " COLUMNS " FROM case_index i "
                          "WHERE number LIKE ?1 OR applicant LIKE ?1 OR item_name LIKE ?1 "
                          "ORDER BY due_key, id LIMIT 50");
    }
  sqlite3_bind_text (count, 1, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_text (rows, 1, pattern, -1, SQLITE_STATIC);

  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time (), elapsed;
      gsize read = 0;

      if (sqlite3_step (count) == SQLITE_ROW)
        matches = sqlite3_column_int (count, 0);
      sqlite3_reset (count);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          read += sqlite3_column_bytes (rows, c);
      sqlite3_reset (rows);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (times, elapsed);
      g_assert (read > 0 || matches == 0);
    }

  g_array_sort (times, compare_gint64);
  g_print ("{\"matches\":%d,\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"max_ms\":%.3f}\n", matches,
           g_array_index (times, gint64, n / 2) / 1000.0,
           g_array_index (times, gint64, MIN (n - 1, (n * 95) / 100)) / 1000.0,
           g_array_index (times, gint64, n - 1) / 1000.0);

  sqlite3_finalize (count);
  sqlite3_finalize (rows);
  sqlite3_close (db);
  return 0;
}
