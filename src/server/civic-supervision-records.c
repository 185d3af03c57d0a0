/* civic-supervision-records.c — the figures of e-supervision, kept as records change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-supervision"

#include "config.h"

#include "civic-records.h"
#include "civic-server-db.h"
#include "civic-supervision-records.h"
#include "civic-time.h"

/* A supervisor's overview must answer at once with a province's millions
 * of records, so it never counts them. Three tables are kept as records
 * are saved, in the save's own transaction:
 *
 * - `supervised`: one row per watched record, what core read of it
 *   (civic-supervision.c): its department, the colour of the clock that
 *   runs now, its main clock's days;
 * - `supervision_count`: how many records of a department and kind have
 *   each colour now, for the overview;
 * - `supervision_tally`: the figures of each week, by department, kind
 *   and subject (a case's service item), for trends and rates.
 *
 * When a record changes, what its old row added to the counts and tallies
 * is taken out and what it adds now put in, so that the tables always
 * equal a count from scratch (tests/server/test-supervision.c checks it
 * after random commands). Colours also change with the days alone: a row
 * keeps the day its colour next changes, and the daily job reads those
 * records again on that morning. A service that had records before the
 * tables existed reads them all once, in the same batches. */

#define META_BACKFILL "supervision_backfill"

static void
bind_day (CivicDbStmt *stmt,
          int          index,
          CivicDay     day)
{
  g_autofree char *text = day != CIVIC_DAY_INVALID ? civic_day_format (day) : NULL;

  civic_db_bind_text (stmt, index, text);
}

static CivicDay
column_day (CivicDbStmt *stmt,
            int          index)
{
  CivicDay day = CIVIC_DAY_INVALID;

  if (!civic_db_column_is_null (stmt, index))
    civic_day_parse (civic_db_column_text (stmt, index), &day);
  return day;
}

/* The row a record left last time: 1, 0 when there is none, -1 on error */
static int
load_row (CivicDb          *db,
          const char       *type,
          const char       *id,
          CivicSupervised  *out,
          GError          **error)
{
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT department_id, subject, title, status, due, next_change, "
                               "  opened_on, done_on, overdue_on, deemed_on, days, late, extended "
                               "FROM supervised WHERE type = ? AND id = ?", error);
  if (stmt == NULL)
    return -1;
  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, id);
  if (!civic_db_step (db, stmt, &row, error))
    return -1;
  if (row)
    {
      out->department_id = g_strdup (civic_db_column_text (stmt, 0));
      out->subject = g_strdup (civic_db_column_text (stmt, 1));
      out->title = g_strdup (civic_db_column_text (stmt, 2));
      civic_supervised_status_from_nick (civic_db_column_text (stmt, 3), out);
      out->due = column_day (stmt, 4);
      out->next_change = column_day (stmt, 5);
      out->opened_on = column_day (stmt, 6);
      out->done_on = column_day (stmt, 7);
      out->overdue_on = column_day (stmt, 8);
      out->deemed_on = column_day (stmt, 9);
      out->days = civic_db_column_int (stmt, 10);
      out->late = civic_db_column_int (stmt, 11) != 0;
      out->extended = civic_db_column_int (stmt, 12) != 0;
    }
  civic_db_reset (stmt);
  return row ? 1 : 0;
}

static gboolean
same_row (const CivicSupervised *a,
          const CivicSupervised *b)
{
  return g_strcmp0 (a->department_id, b->department_id) == 0 &&
         g_strcmp0 (a->subject, b->subject) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (civic_supervised_status_nick (a), civic_supervised_status_nick (b)) == 0 &&
         a->due == b->due && a->next_change == b->next_change &&
         a->opened_on == b->opened_on && a->done_on == b->done_on &&
         a->overdue_on == b->overdue_on && a->deemed_on == b->deemed_on &&
         a->days == b->days && a->late == b->late && a->extended == b->extended;
}

typedef struct
{
  const CivicSupervised *record;
  int                    sign;
  GHashTable            *deltas;  /* "department\tsubject\tmetric\tweek" → int */
} Tally;

static void
tally_cb (CivicSupervisionMetric  metric,
          CivicDay                week,
          int                     n,
          gpointer                user_data)
{
  Tally *tally = user_data;
  g_autofree char *week_text = civic_day_format (week);
  char *key = g_strdup_printf ("%s\t%s\t%s\t%s", tally->record->department_id,
                               tally->record->subject,
                               civic_supervision_metric_to_nick (metric), week_text);
  int before = GPOINTER_TO_INT (g_hash_table_lookup (tally->deltas, key));

  g_hash_table_replace (tally->deltas, key, GINT_TO_POINTER (before + tally->sign * n));
}

static gboolean
apply_tally (CivicDb     *db,
             const char  *type,
             GHashTable  *deltas,
             GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, deltas);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = NULL;
      CivicDbStmt *stmt;

      if (GPOINTER_TO_INT (value) == 0)
        continue;
      parts = g_strsplit (key, "\t", 4);
      stmt = civic_db_prepare (db, "INSERT INTO supervision_tally "
                                   "  (department_id, type, subject, metric, week, n) "
                                   "VALUES (?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT (department_id, type, metric, week, subject) "
                                   "DO UPDATE SET n = supervision_tally.n + excluded.n", error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, parts[0]);
      civic_db_bind_text (stmt, 2, type);
      civic_db_bind_text (stmt, 3, parts[1]);
      civic_db_bind_text (stmt, 4, parts[2]);
      civic_db_bind_text (stmt, 5, parts[3]);
      civic_db_bind_int (stmt, 6, GPOINTER_TO_INT (value));
      if (!civic_db_run (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_count (CivicDb                *db,
           const char             *type,
           const CivicSupervised  *record,
           int                     n,
           GError                **error)
{
  CivicDbStmt *stmt;

  if (!record->running)
    return TRUE;
  stmt = civic_db_prepare (db, "INSERT INTO supervision_count (department_id, type, status, n) "
                               "VALUES (?, ?, ?, ?) "
                               "ON CONFLICT (department_id, type, status) "
                               "DO UPDATE SET n = supervision_count.n + excluded.n", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, record->department_id);
  civic_db_bind_text (stmt, 2, type);
  civic_db_bind_text (stmt, 3, civic_supervised_status_nick (record));
  civic_db_bind_int (stmt, 4, n);
  return civic_db_run (db, stmt, error);
}

static gboolean
store_row (CivicDb                *db,
           const char             *type,
           const char             *id,
           const CivicSupervised  *record,
           GError                **error)
{
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO supervised (type, id, department_id, subject, title, "
                               "  status, due, next_change, opened_on, done_on, overdue_on, "
                               "  deemed_on, days, late, extended) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT (type, id) DO UPDATE SET "
                               "  department_id = excluded.department_id, "
                               "  subject = excluded.subject, title = excluded.title, "
                               "  status = excluded.status, due = excluded.due, "
                               "  next_change = excluded.next_change, "
                               "  opened_on = excluded.opened_on, done_on = excluded.done_on, "
                               "  overdue_on = excluded.overdue_on, deemed_on = excluded.deemed_on, "
                               "  days = excluded.days, late = excluded.late, "
                               "  extended = excluded.extended", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, id);
  civic_db_bind_text (stmt, 3, record->department_id);
  civic_db_bind_text (stmt, 4, record->subject);
  civic_db_bind_text (stmt, 5, record->title);
  civic_db_bind_text (stmt, 6, civic_supervised_status_nick (record));
  bind_day (stmt, 7, record->running ? record->due : CIVIC_DAY_INVALID);
  bind_day (stmt, 8, record->next_change);
  bind_day (stmt, 9, record->opened_on);
  bind_day (stmt, 10, record->done_on);
  bind_day (stmt, 11, record->overdue_on);
  bind_day (stmt, 12, record->deemed_on);
  civic_db_bind_int (stmt, 13, record->days);
  civic_db_bind_int (stmt, 14, record->late);
  civic_db_bind_int (stmt, 15, record->extended);
  return civic_db_run (db, stmt, error);
}

static gboolean
delete_row (CivicDb     *db,
            const char  *type,
            const char  *id,
            GError     **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, "DELETE FROM supervised WHERE type = ? AND id = ?",
                                        error);

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, id);
  return civic_db_run (db, stmt, error);
}

/* What @record (nullable: gone) reads as now, in place of what it read
 * as before */
static gboolean
track (CivicDb                *db,
       const CivicEntityKind  *kind,
       const char             *id,
       GObject                *record,
       CivicCalendar          *calendar,
       CivicDay                today,
       GError                **error)
{
  g_auto(CivicSupervisionSource) source = { 0, };
  g_auto(CivicSupervised) now = { 0, };
  g_auto(CivicSupervised) before = { 0, };
  g_autoptr(GHashTable) deltas = NULL;
  gboolean watched = FALSE;
  int had;

  if (record != NULL && kind->supervise (record, calendar, today, &source))
    watched = civic_supervised_read (&source, calendar, today, &now);

  had = load_row (db, kind->type, id, &before, error);
  if (had < 0)
    return FALSE;
  if (!had && !watched)
    return TRUE;
  if (had && watched && same_row (&before, &now))
    return TRUE;

  deltas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (had)
    {
      Tally tally = { &before, -1, deltas };

      civic_supervised_tally (&before, tally_cb, &tally);
      if (!add_count (db, kind->type, &before, -1, error))
        return FALSE;
    }
  if (watched)
    {
      Tally tally = { &now, 1, deltas };

      civic_supervised_tally (&now, tally_cb, &tally);
      if (!add_count (db, kind->type, &now, 1, error))
        return FALSE;
    }

  if (!apply_tally (db, kind->type, deltas, error))
    return FALSE;
  return watched ? store_row (db, kind->type, id, &now, error)
                 : delete_row (db, kind->type, id, error);
}

/**
 * civic_supervision_track:
 *
 * Brings the figures up to date with @record as it is about to be saved,
 * inside the caller's transaction: every kind's store calls it from its
 * `save` (a kind that watches nothing of its records has no `supervise`,
 * and this does nothing).
 */
gboolean
civic_supervision_track (CivicDb                *db,
                         const CivicEntityKind  *kind,
                         GObject                *record,
                         CivicCalendar          *calendar,
                         CivicDay                today,
                         GError                **error)
{
  g_return_val_if_fail (kind != NULL && G_IS_OBJECT (record), FALSE);

  if (kind->supervise == NULL || calendar == NULL)
    return TRUE;
  return track (db, kind, kind->get_id (record), record, calendar, today, error);
}

/* Reads one record of the kind again: on the day its colour changes, or
 * once for a service whose records came before the figures */
static gboolean
retrack (CivicDb        *db,
         const char     *type,
         const char     *id,
         CivicCalendar  *calendar,
         CivicDay        today,
         GError        **error)
{
  const CivicRecordStore *store = civic_records_lookup (type);
  g_autoptr(GObject) record = NULL;

  if (store == NULL || store->kind->supervise == NULL)
    return TRUE;
  record = store->load (db, id, error);
  if (record == NULL && error != NULL && *error != NULL)
    return FALSE;
  return track (db, store->kind, id, record, calendar, today, error);
}

typedef struct
{
  char   *type;
  char   *id;
  gint64  seq;
} Pending;

static void
pending_free (Pending *pending)
{
  g_free (pending->type);
  g_free (pending->id);
  g_free (pending);
}

/* Every record of a watched kind after @after in the feed */
static GPtrArray *
records_after (CivicDb  *db,
               gint64    after,
               guint     limit,
               GError  **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  g_autoptr(GString) sql = g_string_new ("SELECT type, id, seq FROM entity WHERE seq > ? "
                                         "AND deleted = 0 AND type IN (");
  const CivicEntityKind * const *kinds = civic_entity_kinds ();
  CivicDbStmt *stmt;
  gboolean row, first = TRUE;

  for (guint i = 0; kinds[i] != NULL; i++)
    if (kinds[i]->supervise != NULL)
      {
        g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", kinds[i]->type);
        first = FALSE;
      }
  g_string_append (sql, ") ORDER BY seq LIMIT ?");

  stmt = civic_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_int64 (stmt, 1, after);
  civic_db_bind_int (stmt, 2, limit);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      Pending *p = g_new0 (Pending, 1);

      p->type = g_strdup (civic_db_column_text (stmt, 0));
      p->id = g_strdup (civic_db_column_text (stmt, 1));
      p->seq = civic_db_column_int64 (stmt, 2);
      g_ptr_array_add (pending, p);
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&pending);
}

/* Records whose colour changes by @today */
static GPtrArray *
records_changing (CivicDb      *db,
                  CivicDay      today,
                  guint         limit,
                  GError      **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT type, id FROM supervised "
                               "WHERE next_change <= ? ORDER BY next_change LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  bind_day (stmt, 1, today);
  civic_db_bind_int (stmt, 2, limit);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      Pending *p = g_new0 (Pending, 1);

      p->type = g_strdup (civic_db_column_text (stmt, 0));
      p->id = g_strdup (civic_db_column_text (stmt, 1));
      g_ptr_array_add (pending, p);
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&pending);
}

/**
 * civic_supervision_daily:
 * @more: (out): whether records are left for another batch
 *
 * Up to @batch_size records: first, once, the records a service kept
 * before the figures did; then those whose colour changes by today.
 * Part of the scheduler's daily jobs (civic-scheduler.c).
 */
gboolean
civic_supervision_daily (CivicDb               *db,
                         CivicCalendar         *calendar,
                         GDateTime             *now,
                         guint                  batch_size,
                         CivicSchedulerReport  *report,
                         gboolean              *more,
                         GError               **error)
{
  CivicDay today = civic_time_day_of (now);
  g_autofree char *backfill = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  gint64 after = -1;

  *more = FALSE;
  if (!civic_db_begin (db, error))
    return FALSE;

  backfill = civic_server_db_get_meta (db, META_BACKFILL);
  if (g_strcmp0 (backfill, "done") != 0)
    {
      after = backfill != NULL ? g_ascii_strtoll (backfill, NULL, 10) : 0;
      pending = records_after (db, after, batch_size, error);
    }
  else
    pending = records_changing (db, today, batch_size, error);
  if (pending == NULL)
    goto fail;

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);

      if (!retrack (db, p->type, p->id, calendar, today, error))
        goto fail;
      report->checked++;
    }

  if (after >= 0)
    {
      g_autofree char *cursor = NULL;

      if (pending->len < batch_size)
        cursor = g_strdup ("done");
      else
        cursor = g_strdup_printf ("%" G_GINT64_FORMAT,
                                  ((Pending *) g_ptr_array_index (pending, pending->len - 1))->seq);
      if (!civic_server_db_set_meta (db, META_BACKFILL, cursor, error))
        goto fail;
      *more = TRUE;
    }
  else
    *more = pending->len == batch_size;

  return civic_db_commit (db, error);

fail:
  civic_db_rollback (db);
  return FALSE;
}

/**
 * civic_supervision_recount_from:
 *
 * Has the daily job read again every record whose clocks count a day
 * from @day on: a holiday notice for that year was stored, and what a
 * working day is may have changed.
 */
gboolean
civic_supervision_recount_from (CivicDb   *db,
                                CivicDay   day,
                                GError   **error)
{
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "UPDATE supervised SET next_change = '0001-01-01' "
                               "WHERE done_on IS NULL OR done_on >= ? OR due >= ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_day (stmt, 1, day);
  bind_day (stmt, 2, day);
  return civic_db_run (db, stmt, error);
}
