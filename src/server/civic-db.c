/* civic-db.c — one connection to the service's database, whichever it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-db"

#include "config.h"

#include <string.h>

#include "civic-db-private.h"

/* The service's records go through this one interface, to an SQLite file
 * (a county's data folder, the default) or to PostgreSQL (a province).
 * Each call switches on the statement's backend: a branch, not a table of
 * functions, so SQLite's path costs what CivicSqlite cost alone. */

struct _CivicDb
{
  GObject         parent_instance;

  CivicDbBackend  backend;
  CivicSqlite    *lite;
  CivicPg        *pg;
  GHashTable     *statements;   /* SQL text → CivicDbStmt */
};

G_DEFINE_FINAL_TYPE (CivicDb, civic_db, G_TYPE_OBJECT)

static void
free_statement (gpointer data)
{
  CivicDbStmt *stmt = data;

  if (stmt->lite != NULL)
    sqlite3_finalize (stmt->lite);
  if (stmt->pg != NULL)
    civic_pg_stmt_free (stmt->pg);
  g_free (stmt);
}

static void
civic_db_finalize (GObject *object)
{
  CivicDb *self = (CivicDb *)object;

  /* Statements before the connection they were prepared on */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_object (&self->lite);
  g_clear_pointer (&self->pg, civic_pg_free);

  G_OBJECT_CLASS (civic_db_parent_class)->finalize (object);
}

static void
civic_db_class_init (CivicDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_db_finalize;
}

static void
civic_db_init (CivicDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_statement);
}

/**
 * civic_db_new_for_sqlite:
 * @lite: (transfer none): an open, migrated connection
 */
CivicDb *
civic_db_new_for_sqlite (CivicSqlite *lite)
{
  CivicDb *self;

  g_return_val_if_fail (CIVIC_IS_SQLITE (lite), NULL);

  self = g_object_new (CIVIC_TYPE_DB, NULL);
  self->backend = CIVIC_DB_SQLITE;
  self->lite = g_object_ref (lite);
  return self;
}

/**
 * civic_db_new_for_pg:
 * @pg: (transfer full): an open connection
 */
CivicDb *
civic_db_new_for_pg (CivicPg *pg)
{
  CivicDb *self;

  g_return_val_if_fail (pg != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_DB, NULL);
  self->backend = CIVIC_DB_POSTGRESQL;
  self->pg = pg;
  return self;
}

CivicDbBackend
civic_db_get_backend (CivicDb *self)
{
  g_return_val_if_fail (CIVIC_IS_DB (self), CIVIC_DB_SQLITE);
  return self->backend;
}

/**
 * civic_db_get_sqlite:
 *
 * Returns: (transfer none) (nullable): the SQLite connection underneath,
 * for what only SQLite has (its online backup); %NULL on PostgreSQL.
 */
CivicSqlite *
civic_db_get_sqlite (CivicDb *self)
{
  g_return_val_if_fail (CIVIC_IS_DB (self), NULL);
  return self->lite;
}

gboolean
civic_db_exec (CivicDb     *self,
               const char  *sql,
               GError     **error)
{
  g_return_val_if_fail (CIVIC_IS_DB (self), FALSE);

  if (self->lite != NULL)
    return civic_sqlite_exec (self->lite, sql, error);
  return civic_pg_exec (self->pg, sql, error);
}

static CivicDbStmt *
prepare (CivicDb     *self,
         const char  *sql,
         gboolean     cached,
         GError     **error)
{
  CivicDbStmt *stmt = g_new0 (CivicDbStmt, 1);

  stmt->cached = cached;
  if (self->lite != NULL)
    {
      int rc = sqlite3_prepare_v3 (civic_sqlite_get_handle (self->lite), sql, -1,
                                   cached ? SQLITE_PREPARE_PERSISTENT : 0, &stmt->lite, NULL);

      if (rc != SQLITE_OK)
        {
          civic_sqlite_set_error (self->lite, rc, error);
          g_free (stmt);
          return NULL;
        }
    }
  else
    {
      stmt->pg = civic_pg_prepare (self->pg, sql, !cached, error);
      if (stmt->pg == NULL)
        {
          g_free (stmt);
          return NULL;
        }
    }

  return stmt;
}

/**
 * civic_db_prepare:
 *
 * Returns: (transfer none) (nullable): the statement for @sql, prepared
 * once per connection and reset for reuse. Bind values with
 * civic_db_bind_*() (never format user data into @sql).
 */
CivicDbStmt *
civic_db_prepare (CivicDb     *self,
                  const char  *sql,
                  GError     **error)
{
  CivicDbStmt *stmt;

  g_return_val_if_fail (CIVIC_IS_DB (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      civic_db_reset (stmt);
      if (stmt->lite != NULL)
        sqlite3_clear_bindings (stmt->lite);
      else
        civic_pg_stmt_clear_bindings (stmt->pg);
      return stmt;
    }

  stmt = prepare (self, sql, TRUE, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * civic_db_prepare_once:
 *
 * Like civic_db_prepare(), for SQL put together for one request (a search
 * with its filters): not kept. Free it with civic_db_stmt_free().
 *
 * Returns: (transfer full) (nullable):
 */
CivicDbStmt *
civic_db_prepare_once (CivicDb     *self,
                       const char  *sql,
                       GError     **error)
{
  g_return_val_if_fail (CIVIC_IS_DB (self), NULL);
  return prepare (self, sql, FALSE, error);
}

/**
 * civic_db_stmt_free:
 *
 * Frees a statement from civic_db_prepare_once(); one from
 * civic_db_prepare() belongs to its connection and is only reset.
 */
void
civic_db_stmt_free (CivicDbStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (stmt->cached)
    civic_db_reset (stmt);
  else
    free_statement (stmt);
}

/**
 * civic_db_step:
 * @row: (out): whether a row is available
 *
 * Returns: %FALSE on error.
 */
gboolean
civic_db_step (CivicDb      *self,
               CivicDbStmt  *stmt,
               gboolean     *row,
               GError      **error)
{
  if (stmt->lite != NULL)
    return civic_sqlite_step (self->lite, stmt->lite, row, error);
  return civic_pg_step (self->pg, stmt->pg, row, error);
}

/**
 * civic_db_run:
 *
 * Runs a statement that returns no rows (or whose rows are not wanted)
 * to the end, and resets it.
 */
gboolean
civic_db_run (CivicDb      *self,
              CivicDbStmt  *stmt,
              GError      **error)
{
  gboolean ok;

  if (stmt->lite != NULL)
    return civic_sqlite_run (self->lite, stmt->lite, error);

  ok = civic_pg_run (self->pg, stmt->pg, error);
  civic_pg_stmt_reset (stmt->pg);
  return ok;
}

void
civic_db_reset (CivicDbStmt *stmt)
{
  if (stmt->lite != NULL)
    sqlite3_reset (stmt->lite);
  else
    civic_pg_stmt_reset (stmt->pg);
}

/**
 * civic_db_changes:
 *
 * Returns: how many rows the last INSERT, UPDATE or DELETE run on this
 * connection changed.
 */
gint64
civic_db_changes (CivicDb *self)
{
  g_return_val_if_fail (CIVIC_IS_DB (self), 0);

  if (self->lite != NULL)
    return sqlite3_changes64 (civic_sqlite_get_handle (self->lite));
  return civic_pg_changes (self->pg);
}

gboolean
civic_db_begin (CivicDb  *self,
                GError  **error)
{
  if (self->lite != NULL)
    return civic_sqlite_begin (self->lite, error);
  return civic_pg_begin (self->pg, FALSE, error);
}

/**
 * civic_db_begin_read:
 *
 * Begins a transaction that only reads: every statement in it sees the
 * same committed state.
 */
gboolean
civic_db_begin_read (CivicDb  *self,
                     GError  **error)
{
  if (self->lite != NULL)
    return civic_sqlite_begin_read (self->lite, error);
  return civic_pg_begin (self->pg, TRUE, error);
}

gboolean
civic_db_commit (CivicDb  *self,
                 GError  **error)
{
  if (self->lite != NULL)
    return civic_sqlite_commit (self->lite, error);
  return civic_pg_commit (self->pg, error);
}

void
civic_db_rollback (CivicDb *self)
{
  g_return_if_fail (CIVIC_IS_DB (self));

  if (self->lite != NULL)
    civic_sqlite_rollback (self->lite);
  else
    civic_pg_rollback (self->pg);
}

gboolean
civic_db_in_transaction (CivicDb *self)
{
  g_return_val_if_fail (CIVIC_IS_DB (self), FALSE);

  if (self->lite != NULL)
    return civic_sqlite_in_transaction (self->lite);
  return civic_pg_in_transaction (self->pg);
}

/**
 * civic_db_has_column:
 *
 * Returns: whether @table has a column @column (what a migration left, or
 * an upgrade still has to do).
 */
gboolean
civic_db_has_column (CivicDb    *self,
                     const char *table,
                     const char *column)
{
  g_return_val_if_fail (CIVIC_IS_DB (self), FALSE);

  if (self->lite != NULL)
    return civic_sqlite_has_column (self->lite, table, column);
  return civic_pg_has_column (self->pg, table, column);
}

void
civic_db_bind_text (CivicDbStmt *stmt,
                    int          index,
                    const char  *text)
{
  if (stmt->lite != NULL)
    civic_sqlite_bind_text (stmt->lite, index, text);
  else
    civic_pg_bind (stmt->pg, index, text != NULL ? g_strdup (text) : NULL, 0, FALSE);
}

void
civic_db_bind_int (CivicDbStmt *stmt,
                   int          index,
                   int          value)
{
  if (stmt->lite != NULL)
    sqlite3_bind_int (stmt->lite, index, value);
  else
    civic_pg_bind (stmt->pg, index, g_strdup_printf ("%d", value), 0, FALSE);
}

void
civic_db_bind_int64 (CivicDbStmt *stmt,
                     int          index,
                     gint64       value)
{
  if (stmt->lite != NULL)
    sqlite3_bind_int64 (stmt->lite, index, value);
  else
    civic_pg_bind (stmt->pg, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, FALSE);
}

void
civic_db_bind_double (CivicDbStmt *stmt,
                      int          index,
                      double       value)
{
  if (stmt->lite != NULL)
    {
      sqlite3_bind_double (stmt->lite, index, value);
    }
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      civic_pg_bind (stmt->pg, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)),
                     0, FALSE);
    }
}

void
civic_db_bind_null (CivicDbStmt *stmt,
                    int          index)
{
  if (stmt->lite != NULL)
    sqlite3_bind_null (stmt->lite, index);
  else
    civic_pg_bind (stmt->pg, index, NULL, 0, FALSE);
}

/**
 * civic_db_bind_blob:
 * @data: (array length=size): kept by the caller until the statement has
 *   run or been reset
 */
void
civic_db_bind_blob (CivicDbStmt   *stmt,
                    int            index,
                    gconstpointer  data,
                    gsize          size)
{
  char *copy;

  if (stmt->lite != NULL)
    {
      sqlite3_bind_blob64 (stmt->lite, index, data, size, SQLITE_STATIC);
      return;
    }

  /* An empty blob is empty, not NULL */
  copy = g_malloc (size + 1);
  if (size > 0)
    memcpy (copy, data, size);
  civic_pg_bind (stmt->pg, index, copy, size, TRUE);
}

const char *
civic_db_column_text (CivicDbStmt *stmt,
                      int          column)
{
  if (stmt->lite != NULL)
    return (const char *) sqlite3_column_text (stmt->lite, column);
  return civic_pg_column (stmt->pg, column, NULL);
}

int
civic_db_column_int (CivicDbStmt *stmt,
                     int          column)
{
  if (stmt->lite != NULL)
    return sqlite3_column_int (stmt->lite, column);
  return (int) civic_db_column_int64 (stmt, column);
}

gint64
civic_db_column_int64 (CivicDbStmt *stmt,
                       int          column)
{
  const char *text;

  if (stmt->lite != NULL)
    return sqlite3_column_int64 (stmt->lite, column);

  text = civic_pg_column (stmt->pg, column, NULL);
  if (text == NULL)
    return 0;
  /* PostgreSQL writes booleans as t and f */
  if (text[0] == 't' || text[0] == 'f')
    return text[0] == 't';
  return g_ascii_strtoll (text, NULL, 10);
}

double
civic_db_column_double (CivicDbStmt *stmt,
                        int          column)
{
  const char *text;

  if (stmt->lite != NULL)
    return sqlite3_column_double (stmt->lite, column);

  text = civic_pg_column (stmt->pg, column, NULL);
  return text != NULL ? g_ascii_strtod (text, NULL) : 0.0;
}

gboolean
civic_db_column_is_null (CivicDbStmt *stmt,
                         int          column)
{
  if (stmt->lite != NULL)
    return sqlite3_column_type (stmt->lite, column) == SQLITE_NULL;
  return civic_pg_column (stmt->pg, column, NULL) == NULL;
}

gconstpointer
civic_db_column_blob (CivicDbStmt *stmt,
                      int          column)
{
  if (stmt->lite != NULL)
    return sqlite3_column_blob (stmt->lite, column);
  return civic_pg_column (stmt->pg, column, NULL);
}

gsize
civic_db_column_bytes (CivicDbStmt *stmt,
                       int          column)
{
  gsize size = 0;

  if (stmt->lite != NULL)
    return (gsize) sqlite3_column_bytes (stmt->lite, column);
  civic_pg_column (stmt->pg, column, &size);
  return size;
}

/* What a statement's columns are: for copying a table whole
 * (civicdesk-server migrate), which knows none of them in advance */

int
civic_db_column_count (CivicDbStmt *stmt)
{
  if (stmt->lite != NULL)
    return sqlite3_column_count (stmt->lite);
  return civic_pg_column_count (stmt->pg);
}

const char *
civic_db_column_name (CivicDbStmt *stmt,
                      int          column)
{
  if (stmt->lite != NULL)
    return sqlite3_column_name (stmt->lite, column);
  return civic_pg_column_name (stmt->pg, column);
}

/**
 * civic_db_column_is_blob:
 *
 * Returns: whether the current row's value is bytes rather than text or a
 * number: SQLite's BLOB, PostgreSQL's bytea
 */
gboolean
civic_db_column_is_blob (CivicDbStmt *stmt,
                         int          column)
{
  if (stmt->lite != NULL)
    return sqlite3_column_type (stmt->lite, column) == SQLITE_BLOB;
  return civic_pg_column_is_bytea (stmt->pg, column);
}
