/* civic-migrate.c — a service's records moved between SQLite and PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-migrate"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gstdio.h>

#include "civic-i18n.h"

#include "civic-audit.h"
#include "civic-migrate.h"
#include "civic-server-db-private.h"

/* A county that grows into a province moves its records from the data
 * folder's SQLite file to PostgreSQL, and a test moves them back. Both
 * schemas are the same version's (each side is opened, and so migrated,
 * first); every table is copied row by row as it stood at one moment (a
 * read transaction on the source), in one transaction on the target,
 * which must hold nothing yet. Then each table's rows are counted on
 * both sides, the target's audit chain is verified with the service's
 * keys, and only then does the data folder's civicdesk.conf name the new
 * place. The full-text tables of SQLite are not copied: its triggers
 * fill them as the rows arrive, and PostgreSQL indexes the rows
 * themselves. */

G_DEFINE_QUARK (civic-migrate-error-quark, civic_migrate_error)

/* Rows per INSERT: fewer round trips to PostgreSQL, and within both
 * databases' limits on parameters */
#define MAX_PARAMETERS 900

typedef struct
{
  char   *text;
  gsize   size;
  gboolean blob;
} Value;

static void
value_clear (Value *value)
{
  g_clear_pointer (&value->text, g_free);
}

/* The tables the two schemas share: PostgreSQL's list, which has no
 * full-text shadow tables */
static GPtrArray *
list_tables (CivicDb  *pg,
             GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  CivicDbStmt *stmt;
  gboolean row, ok;

  stmt = civic_db_prepare (pg, "SELECT table_name FROM information_schema.tables "
                               "WHERE table_schema = current_schema () "
                               "  AND table_type = 'BASE TABLE' ORDER BY table_name", error);
  if (stmt == NULL)
    return NULL;
  while ((ok = civic_db_step (pg, stmt, &row, error)) && row)
    g_ptr_array_add (tables, g_strdup (civic_db_column_text (stmt, 0)));
  civic_db_reset (stmt);
  if (!ok)
    return NULL;

  /* Accounts before what refers to them (sessions, delegations) */
  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (g_ptr_array_index (tables, i), "account"))
      {
        gpointer account = g_ptr_array_steal_index (tables, i);

        g_ptr_array_insert (tables, 0, account);
        break;
      }
  return g_steal_pointer (&tables);
}

/* The rows of @table that move: all of them, but meta's "schema", which
 * is each database's own version (PostgreSQL's migrations count from it) */
static char *
rows_of (const char *table)
{
  return g_strdup_printf ("FROM %s%s", table,
                          g_str_equal (table, "meta") ? " WHERE key <> 'schema'" : "");
}

static gint64
count_rows (CivicDb     *db,
            const char  *table,
            GError     **error)
{
  g_autofree char *rows = rows_of (table);
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) %s", rows);
  g_autoptr(CivicDbStmt) stmt = civic_db_prepare_once (db, sql, error);
  gboolean row;

  if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
    return -1;
  return row ? civic_db_column_int64 (stmt, 0) : 0;
}

/* Whether @db holds nothing but what its schema starts with */
static gboolean
is_empty (CivicDb    *db,
          GPtrArray  *tables,
          gboolean   *empty,
          GError    **error)
{
  *empty = TRUE;
  for (guint i = 0; i < tables->len && *empty; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s%s", table,
                                              g_str_equal (table, "meta")
                                              ? " WHERE key NOT IN ('seq', 'schema')" : "");
      g_autoptr(CivicDbStmt) stmt = civic_db_prepare_once (db, sql, error);
      gboolean row;

      if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
        return FALSE;
      *empty = !row || civic_db_column_int64 (stmt, 0) == 0;
    }
  return TRUE;
}

static gboolean
insert_rows (CivicDb     *target,
             const char  *table,
             GPtrArray   *columns,
             Value       *values,
             guint        n_rows,
             GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  CivicDbStmt *stmt;
  guint n_columns = columns->len;

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", (char *) columns->pdata[c]);
  g_string_append (sql, ") VALUES ");
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (guint c = 0; c < n_columns; c++)
        g_string_append (sql, c > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }

  /* Kept: every full batch of a table has the same text */
  stmt = civic_db_prepare (target, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_rows * n_columns; i++)
    {
      if (values[i].text == NULL)
        civic_db_bind_null (stmt, (int) i + 1);
      else if (values[i].blob)
        civic_db_bind_blob (stmt, (int) i + 1, values[i].text, values[i].size);
      else
        civic_db_bind_text (stmt, (int) i + 1, values[i].text);
    }
  return civic_db_run (target, stmt, error);
}

static gboolean
copy_table (CivicDb     *source,
            CivicDb     *target,
            const char  *table,
            gint64      *n_copied,
            GError     **error)
{
  g_autofree char *rows = rows_of (table);
  g_autofree char *sql = g_strdup_printf ("SELECT * %s", rows);
  g_autoptr(CivicDbStmt) stmt = civic_db_prepare_once (source, sql, error);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree Value *values = NULL;
  guint batch = 0, n_rows = 0, n_columns = 0;
  gboolean row, ok;

  *n_copied = 0;
  if (stmt == NULL)
    return FALSE;

  while ((ok = civic_db_step (source, stmt, &row, error)) && row)
    {
      if (values == NULL)
        {
          n_columns = (guint) civic_db_column_count (stmt);
          for (guint c = 0; c < n_columns; c++)
            g_ptr_array_add (columns, g_strdup (civic_db_column_name (stmt, (int) c)));
          batch = MAX (1, MAX_PARAMETERS / MAX (n_columns, 1));
          values = g_new0 (Value, (gsize) batch * n_columns);
        }

      for (guint c = 0; c < n_columns; c++)
        {
          Value *value = &values[n_rows * n_columns + c];

          if (civic_db_column_is_null (stmt, (int) c))
            continue;
          value->blob = civic_db_column_is_blob (stmt, (int) c);
          value->size = civic_db_column_bytes (stmt, (int) c);
          if (value->blob)
            {
              /* An empty blob stays empty, not NULL */
              value->text = g_malloc (value->size + 1);
              if (value->size > 0)
                memcpy (value->text, civic_db_column_blob (stmt, (int) c), value->size);
            }
          else
            value->text = g_strdup (civic_db_column_text (stmt, (int) c));
        }

      if (++n_rows == batch)
        {
          ok = insert_rows (target, table, columns, values, n_rows, error);
          for (guint i = 0; i < n_rows * n_columns; i++)
            value_clear (&values[i]);
          *n_copied += n_rows;
          n_rows = 0;
          if (!ok)
            return FALSE;
        }
    }
  if (!ok)
    return FALSE;

  if (n_rows > 0)
    {
      ok = insert_rows (target, table, columns, values, n_rows, error);
      for (guint i = 0; i < n_rows * n_columns; i++)
        value_clear (&values[i]);
      *n_copied += n_rows;
    }
  return ok;
}

/* The data folder's civicdesk.conf, naming @uri, or no database (the
 * folder's SQLite file) when %NULL; its other groups and keys stay */
static gboolean
write_location (const char  *data_dir,
                const char  *uri,
                GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, CIVIC_SERVER_CONF_FILE, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, &local) &&
      !g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", path);
      return FALSE;
    }
  if (uri != NULL)
    g_key_file_set_string (file, "database", "uri", uri);
  else
    g_key_file_remove_key (file, "database", "uri", NULL);
  return g_key_file_save_to_file (file, path, error);
}

/**
 * civic_migrate:
 * @data_dir: the service's data folder: its keys, and its SQLite file
 * @uri: the PostgreSQL database
 * @to_postgresql: the direction: from the folder's file to @uri, or back
 * @report: (out): what was copied and checked
 *
 * Moves the service's records; see the top of this file. The source is
 * not changed. On success the data folder names the target.
 */
gboolean
civic_migrate (const char          *data_dir,
               const char          *uri,
               gboolean             to_postgresql,
               CivicMigrateReport  *report,
               GError             **error)
{
  g_autofree char *path = civic_server_db_path (data_dir);
  g_autoptr(CivicDb) lite = NULL;
  g_autoptr(CivicDb) pg = NULL;
  g_autoptr(CivicDb) verified = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GTimer) timer = g_timer_new ();
  CivicDb *source, *target;
  gint64 seq_at_start, seq_now, n_broken = 0;
  gboolean empty, holds;
  gboolean written = FALSE;   /* from here, a failure takes back what the target got */

  memset (report, 0, sizeof *report);

  /* The source must hold a service; the target must not */
  if (to_postgresql && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("%s holds no service to move"), data_dir);
      return FALSE;
    }
  if (!to_postgresql)
    {
      if (!civic_server_db_pg_holds_service (uri, &holds, error))
        return FALSE;
      if (!holds)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       _("The database holds no service to move"));
          return FALSE;
        }
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("%s exists: move it away first, the records go into a new file"), path);
          return FALSE;
        }
    }

  if (!civic_sqlite_make_folder (data_dir, error))
    return FALSE;
  lite = civic_server_db_open_records (data_dir, NULL, error);
  if (lite == NULL)
    return FALSE;
  pg = civic_server_db_open_records (data_dir, uri, error);
  if (pg == NULL)
    goto fail_file;
  source = to_postgresql ? lite : pg;
  target = to_postgresql ? pg : lite;
  /* A new file has the first version's column of applicants in clear,
   * which a service with keys drops when it first opens (first_keys()) */
  if (!to_postgresql && civic_db_has_column (lite, "case_record", "applicant") &&
      !civic_db_exec (lite, "ALTER TABLE case_record DROP COLUMN applicant", error))
    goto fail_file;

  tables = list_tables (pg, error);
  if (tables == NULL || !is_empty (target, tables, &empty, error))
    goto fail_file;
  if (!empty)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("The database to move into already holds records; Civic Desk moves a "
                     "service only into an empty one. Nothing was written."));
      goto fail_file;
    }

  /* One moment of the source, whatever the running service does */
  if (!civic_db_begin_read (source, error))
    goto fail_file;
  seq_at_start = civic_server_db_current_seq (source, error);
  if (seq_at_start < 0 || !civic_db_begin (target, error))
    {
      civic_db_rollback (source);
      goto fail_file;
    }
  written = TRUE;
  /* The target's own first rows give way to the source's */
  if (!civic_db_exec (target, "DELETE FROM meta WHERE key <> 'schema'", error))
    goto fail;

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gint64 counted = count_rows (source, table, error);
      gint64 copied;

      if (counted < 0 || !copy_table (source, target, table, &copied, error))
        {
          g_prefix_error (error, "%s: ", table);
          goto fail;
        }
      g_array_append_val (counts, counted);
      report->n_tables++;
      report->n_rows += copied;
    }
  if (!civic_db_commit (target, error))
    goto fail;
  civic_db_rollback (source);

  /* Rows copied in bulk have no statistics yet, and their pages are not
   * known to be all visible: without this, PostgreSQL plans the feed's
   * queries blind (a hash of every scoped row for each page) until
   * autovacuum comes round, and reads the table for every index-only
   * scan. SQLite's planner needs neither. */
  if (to_postgresql && !civic_db_exec (target, "VACUUM (ANALYZE)", error))
    goto fail_file;

  /* Counted again where they arrived */
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gint64 arrived = count_rows (target, table, error);

      if (arrived < 0)
        goto fail_file;
      if (arrived != g_array_index (counts, gint64, i))
        {
          g_set_error (error, CIVIC_MIGRATE_ERROR, CIVIC_MIGRATE_ERROR_MISMATCH,
                       _("%s: %" PRId64 " rows at the source, %" PRId64
                         " copied"), table, g_array_index (counts, gint64, i), arrived);
          goto fail_file;
        }
    }

  /* The running service went on writing: the copy is of the moment it
   * began, and the service must stop before the move */
  seq_now = civic_server_db_current_seq (source, error);
  if (seq_now < 0)
    goto fail_file;
  if (seq_now != seq_at_start)
    {
      g_set_error (error, CIVIC_MIGRATE_ERROR, CIVIC_MIGRATE_ERROR_MOVED,
                   _("The service changed %" PRId64 " records while they were copied: "
                     "stop it, empty the target and move them again"), seq_now - seq_at_start);
      goto fail_file;
    }
  report->seq = seq_at_start;

  /* The chain, checked where it arrived, with the service's keys */
  g_clear_object (&lite);
  g_clear_object (&pg);
  verified = civic_server_db_open_at (data_dir, to_postgresql ? uri : NULL, error);
  if (verified == NULL ||
      !civic_audit_verify (verified, &report->n_audit, &n_broken, error))
    goto fail_file;

  if (!write_location (data_dir, to_postgresql ? uri : NULL, error))
    return FALSE;
  report->seconds = g_timer_elapsed (timer, NULL);
  return TRUE;

fail:
  civic_db_rollback (target);
  civic_db_rollback (source);
fail_file:
  /* What was written is taken back: a database emptied again, a file
   * made for the records removed */
  if (to_postgresql && written)
    {
      g_autoptr(CivicDb) again = pg != NULL ? g_object_ref (pg)
                                            : civic_server_db_open_records (data_dir, uri, NULL);
      g_autoptr(GString) sql = g_string_new ("TRUNCATE ");

      for (guint i = 0; i < tables->len; i++)
        g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", (char *) tables->pdata[i]);
      civic_db_rollback (again);
      if (again != NULL && !civic_db_exec (again, sql->str, NULL))
        g_warning ("The records copied to PostgreSQL could not be removed again");
    }
  /* (the file did not exist before: see the top) */
  if (!to_postgresql)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_clear_object (&lite);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  return FALSE;
}
