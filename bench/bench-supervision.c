/* bench-supervision.c — what keeping e-supervision's figures costs a command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a service's data folder (the reference data: bench/run.sh), for up
 * to 20 000 cases: the time to save a case as a command saves it
 * (civic_case_records_save: the feed's JSON, the sealed personal data,
 * the scope, and the figures), beside the time the figures alone take
 * when nothing of them changed (a comment: one read of the row) and when
 * they all change (the row, its counts and its weeks written again), in
 * microseconds a case. The reference is the save itself, in the same run
 * on the same cases. Prints BENCH lines.
 *
 *   bench-supervision DATA_DIR [CASES]
 */

#include "config.h"

#include <locale.h>

#include "civic-calendar-records.h"
#include "civic-case-kind.h"
#include "civic-case-records.h"
#include "civic-server-db.h"
#include "civic-supervision-records.h"
#include "civic-time.h"

static GPtrArray *
case_ids (CivicDb *db,
          guint    limit)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id FROM case_record ORDER BY id LIMIT ?", &error);
  g_assert_no_error (error);
  civic_db_bind_int (stmt, 1, limit);
  while (civic_db_step (db, stmt, &row, &error) && row)
    g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
  civic_db_reset (stmt);
  g_assert_no_error (error);
  return ids;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(CivicCalendar) calendar = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  CivicDay today = civic_time_today ();
  guint limit = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 20000;
  gint64 start, save_us, same_us, changed_us;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("Usage: %s DATA_DIR [CASES]\n", argv[0]);
      return 2;
    }
  db = civic_server_db_open (argv[1], &error);
  g_assert_no_error (error);
  calendar = civic_calendar_records_load (db, "CN-43", &error);
  g_assert_no_error (error);
  ids = case_ids (db, limit);
  for (guint i = 0; i < ids->len; i++)
    {
      CivicCase *kase = civic_case_records_load (db, g_ptr_array_index (ids, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (cases, kase);
    }

  /* The save a command makes, figures included, rolled back */
  g_assert_true (civic_db_begin (db, &error));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < cases->len; i++)
    g_assert_cmpint (civic_case_records_save (db, g_ptr_array_index (cases, i), calendar, today,
                                              NULL, &error), >, 0);
  save_us = g_get_monotonic_time () - start;
  civic_db_rollback (db);

  /* The figures when nothing of them changed: a comment */
  g_assert_true (civic_db_begin (db, &error));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < cases->len; i++)
    g_assert_true (civic_supervision_track (db, &civic_case_kind, g_ptr_array_index (cases, i),
                                            calendar, today, &error));
  same_us = g_get_monotonic_time () - start;
  civic_db_rollback (db);

  /* …and when all of them change: every row gone first, so that each is
   * written again with its counts and its weeks */
  g_assert_true (civic_db_begin (db, &error));
  g_assert_true (civic_db_exec (db, "DELETE FROM supervised WHERE type = 'case'", &error));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < cases->len; i++)
    g_assert_true (civic_supervision_track (db, &civic_case_kind, g_ptr_array_index (cases, i),
                                            calendar, today, &error));
  changed_us = g_get_monotonic_time () - start;
  civic_db_rollback (db);
  g_assert_no_error (error);

  g_print ("BENCH supervision_case_save %.1f us\n", (double) save_us / cases->len);
  g_print ("BENCH supervision_track_unchanged %.1f us\n", (double) same_us / cases->len);
  g_print ("BENCH supervision_track_changed %.1f us\n", (double) changed_us / cases->len);
  g_print ("BENCH supervision_track_changed_share_of_save %.1f %%\n",
           100.0 * changed_us / save_us);
  return 0;
}
