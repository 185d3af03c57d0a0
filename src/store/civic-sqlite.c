/* civic-sqlite.c — one SQLite connection, its migrations and statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sqlite"

#include "config.h"

#include <string.h>

#include <errno.h>

#include "civic-i18n.h"

#include "civic-fts-chars.h"
#include "civic-sqlite.h"

/* Shared by the client's cache and the service: one connection per object,
 * used by one thread at a time; prepared statements are cached per
 * connection; writes go through BEGIN IMMEDIATE so that a transaction that
 * reads and then writes never fails with SQLITE_BUSY half-way (the ECache
 * pattern of evolution-data-server). */

struct _CivicSqlite
{
  GObject        parent_instance;

  char          *path;
  sqlite3       *handle;
  GHashTable    *statements;   /* SQL text → sqlite3_stmt */
  GCancellable  *cancellable;

  /* Between civic_sqlite_begin*() and the commit or rollback */
  gboolean       in_transaction;
  int            last_error;     /* what the last failed statement returned */
};

G_DEFINE_FINAL_TYPE (CivicSqlite, civic_sqlite, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-sqlite-error-quark, civic_sqlite_error)

static void
civic_sqlite_finalize (GObject *object)
{
  CivicSqlite *self = (CivicSqlite *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_clear_object (&self->cancellable);
  g_free (self->path);

  G_OBJECT_CLASS (civic_sqlite_parent_class)->finalize (object);
}

static void
civic_sqlite_class_init (CivicSqliteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_sqlite_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* The statements are found by their text, and the longest are a
 * kilobyte, looked up for every case a sync writes: the hash reads the
 * length and the two ends, where statements differ (g_str_equal() then
 * compares the whole text, much faster than hashing it). */
static guint
sql_hash (gconstpointer key)
{
  const char *sql = key;
  gsize length = strlen (sql);
  guint hash = (guint) length;
  gsize head = MIN (length, 48);

  for (gsize i = 0; i < head; i++)
    hash = hash * 33 + (guchar) sql[i];
  for (gsize i = length > 96 ? length - 48 : head; i < length; i++)
    hash = hash * 33 + (guchar) sql[i];
  return hash;
}

static void
civic_sqlite_init (CivicSqlite *self)
{
  self->statements = g_hash_table_new_full (sql_hash, g_str_equal, g_free, finalize_statement);
}

gboolean
civic_sqlite_set_error (CivicSqlite  *self,
                        int           rc,
                        GError      **error)
{
  CivicSqliteError code;
  const char *message;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = CIVIC_SQLITE_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = CIVIC_SQLITE_ERROR_CONSTRAINT;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = CIVIC_SQLITE_ERROR_CORRUPT;
      break;
    case SQLITE_INTERRUPT:
      code = CIVIC_SQLITE_ERROR_CANCELLED;
      break;
    default:
      code = CIVIC_SQLITE_ERROR_FAILED;
      break;
    }

  if (self != NULL)
    self->last_error = rc;
  message = self != NULL && self->handle != NULL ? sqlite3_errmsg (self->handle)
                                                 : sqlite3_errstr (rc);
  g_set_error (error, CIVIC_SQLITE_ERROR, code, "%s", message);
  return FALSE;
}

/* After SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM or SQLITE_BUSY, SQLite
 * may roll the whole transaction back by itself. A caller that carried on
 * (one that reads with a NULL error, say) would then write the rest of
 * the transaction one statement at a time, in autocommit mode, each
 * durable on its own, and learn of it only when COMMIT finds nothing to
 * commit: a page of the feed without its search index, a case without its
 * audit entry. So once the transaction is gone, every statement fails
 * until the caller rolls back. */
static gboolean
check_transaction (CivicSqlite  *self,
                   GError      **error)
{
  if (!self->in_transaction || !sqlite3_get_autocommit (self->handle))
    return TRUE;

  g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_FAILED,
               _("The transaction was rolled back after an error (%s)"),
               sqlite3_errstr (self->last_error));
  return FALSE;
}

static int
progress_cb (void *data)
{
  CivicSqlite *self = data;

  /* Non-zero interrupts the running statement with SQLITE_INTERRUPT. */
  return self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable);
}

static gboolean
migrate (CivicSqlite                 *self,
         const CivicSqliteMigration  *migrations,
         guint                        n_migrations,
         GError                     **error)
{
  int version = civic_sqlite_get_version (self);

  if (version > (int) n_migrations)
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Civic Desk (schema %d; this version "
                     "knows %u)"), self->path, version, n_migrations);
      return FALSE;
    }

  for (guint i = version; i < n_migrations; i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!civic_sqlite_begin (self, error))
        return FALSE;
      if (!civic_sqlite_exec (self, migrations[i].sql, error) ||
          !civic_sqlite_exec (self, bump, error) ||
          !civic_sqlite_commit (self, error))
        {
          civic_sqlite_rollback (self);
          g_prefix_error (error, "migration %u: ", i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * civic_sqlite_make_folder:
 *
 * Makes the folder a program keeps its databases in, and its parents,
 * readable by the user only: they hold an official's work.
 */
gboolean
civic_sqlite_make_folder (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * civic_sqlite_open:
 * @path: the database file, created if missing
 *
 * Opens the file in WAL mode with foreign keys on and brings its schema up
 * to date. A file that is not a database, or a damaged one, fails with
 * %CIVIC_SQLITE_ERROR_CORRUPT.
 */
CivicSqlite *
civic_sqlite_open (const char                  *path,
                   const CivicSqliteMigration  *migrations,
                   guint                        n_migrations,
                   GError                     **error)
{
  g_autoptr(CivicSqlite) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_SQLITE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      civic_sqlite_set_error (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, 10000);
  sqlite3_progress_handler (self->handle, 1000, progress_cb, self);

  /* journal_mode is the first statement to read the file: a file that is
   * not a database fails here.
   *
   * synchronous = FULL: in WAL mode, NORMAL does not sync the -wal at
   * commit, only at checkpoints, so a power cut can take back a command
   * the service already answered "applied" (and hand its feed number to
   * another change), or an action the outbox said it kept. FULL syncs
   * the -wal once per commit: about 0.2 ms here. tests/fault cuts the
   * power at every sync point to hold this. */
  if (!civic_sqlite_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !civic_sqlite_exec (self, "PRAGMA synchronous = FULL", error) ||
      !civic_sqlite_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !civic_sqlite_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  /* Before the migrations, which may make a table that uses it */
  if (!civic_fts_chars_register (self->handle))
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_FAILED,
                   _("SQLite was built without full-text search"));
      return NULL;
    }

  if (migrations != NULL && !migrate (self, migrations, n_migrations, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
civic_sqlite_get_path (CivicSqlite *self)
{
  g_return_val_if_fail (CIVIC_IS_SQLITE (self), NULL);
  return self->path;
}

sqlite3 *
civic_sqlite_get_handle (CivicSqlite *self)
{
  g_return_val_if_fail (CIVIC_IS_SQLITE (self), NULL);
  return self->handle;
}

int
civic_sqlite_get_version (CivicSqlite *self)
{
  sqlite3_stmt *stmt;
  int version = 0;

  g_return_val_if_fail (CIVIC_IS_SQLITE (self), 0);

  if (sqlite3_prepare_v2 (self->handle, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

gboolean
civic_sqlite_exec (CivicSqlite  *self,
                   const char   *sql,
                   GError      **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (CIVIC_IS_SQLITE (self), FALSE);

  if (!check_transaction (self, error))
    return FALSE;

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);
  sqlite3_free (message);
  if (rc != SQLITE_OK)
    return civic_sqlite_set_error (self, rc, error);

  return TRUE;
}

/**
 * civic_sqlite_prepare:
 *
 * Returns: (transfer none) (nullable): the statement for @sql, prepared
 * once per connection and reset for reuse. Bind values with sqlite3_bind_*
 * (never format user data into @sql).
 */
sqlite3_stmt *
civic_sqlite_prepare (CivicSqlite  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CIVIC_IS_SQLITE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      civic_sqlite_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * civic_sqlite_step:
 * @row: (out): whether a row is available
 *
 * Returns: %FALSE on error.
 */
gboolean
civic_sqlite_step (CivicSqlite   *self,
                   sqlite3_stmt  *stmt,
                   gboolean      *row,
                   GError       **error)
{
  int rc;

  *row = FALSE;
  if (!check_transaction (self, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  *row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  sqlite3_reset (stmt);
  return civic_sqlite_set_error (self, rc, error);
}

/**
 * civic_sqlite_run:
 *
 * Steps a statement that returns no rows (or whose rows are not wanted)
 * to the end, and resets it.
 */
gboolean
civic_sqlite_run (CivicSqlite   *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc;

  if (!check_transaction (self, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return civic_sqlite_set_error (self, rc, error);

  return TRUE;
}

gboolean
civic_sqlite_begin (CivicSqlite  *self,
                    GError      **error)
{
  if (!civic_sqlite_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
civic_sqlite_begin_read (CivicSqlite  *self,
                         GError      **error)
{
  if (!civic_sqlite_exec (self, "BEGIN DEFERRED", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
civic_sqlite_commit (CivicSqlite  *self,
                     GError      **error)
{
  gboolean ok = civic_sqlite_exec (self, "COMMIT", error);

  self->in_transaction = FALSE;
  return ok;
}

void
civic_sqlite_rollback (CivicSqlite *self)
{
  g_return_if_fail (CIVIC_IS_SQLITE (self));

  self->in_transaction = FALSE;
  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
civic_sqlite_in_transaction (CivicSqlite *self)
{
  g_return_val_if_fail (CIVIC_IS_SQLITE (self), FALSE);
  return !sqlite3_get_autocommit (self->handle);
}

/**
 * civic_sqlite_has_column:
 *
 * Returns: whether @table has a column @column (what a migration left, or
 * an upgrade still has to do).
 */
gboolean
civic_sqlite_has_column (CivicSqlite *self,
                         const char  *table,
                         const char  *column)
{
  sqlite3_stmt *stmt;
  gboolean row, found = FALSE;

  g_return_val_if_fail (CIVIC_IS_SQLITE (self), FALSE);

  stmt = civic_sqlite_prepare (self, "SELECT 1 FROM pragma_table_info (?) WHERE name = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  civic_sqlite_bind_text (stmt, 1, table);
  civic_sqlite_bind_text (stmt, 2, column);
  found = civic_sqlite_step (self, stmt, &row, NULL) && row;
  sqlite3_reset (stmt);
  return found;
}

/**
 * civic_sqlite_set_cancellable:
 *
 * Long statements on this connection stop with
 * %CIVIC_SQLITE_ERROR_CANCELLED once @cancellable is cancelled.
 */
void
civic_sqlite_set_cancellable (CivicSqlite  *self,
                              GCancellable *cancellable)
{
  g_return_if_fail (CIVIC_IS_SQLITE (self));
  g_set_object (&self->cancellable, cancellable);
}

gboolean
civic_sqlite_check_integrity (CivicSqlite  *self,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean row;
  const char *answer;

  g_return_val_if_fail (CIVIC_IS_SQLITE (self), FALSE);

  stmt = civic_sqlite_prepare (self, "PRAGMA quick_check", error);
  if (stmt == NULL || !civic_sqlite_step (self, stmt, &row, error))
    return FALSE;

  answer = row ? (const char *) sqlite3_column_text (stmt, 0) : NULL;
  if (g_strcmp0 (answer, "ok") != 0)
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_CORRUPT,
                   _("The database %s is damaged: %s"), self->path, answer ? answer : "?");
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * civic_sqlite_backup_to:
 *
 * Writes a consistent copy of the database to @path while it stays in
 * use: readers and the writer carry on during the copy.
 */
gboolean
civic_sqlite_backup_to (CivicSqlite  *self,
                        const char   *path,
                        GError      **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (CIVIC_IS_SQLITE (self), FALSE);

  rc = sqlite3_open_v2 (path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_FAILED, "%s: %s", path,
                   sqlite3_errstr (rc));
      sqlite3_close_v2 (target);
      return FALSE;
    }

  backup = sqlite3_backup_init (target, "main", self->handle, "main");
  if (backup == NULL)
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_FAILED, "%s: %s", path,
                   sqlite3_errmsg (target));
      sqlite3_close_v2 (target);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, 1024);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (10 * 1000);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_FAILED, "%s: %s", path,
                   sqlite3_errstr (rc));
      sqlite3_close_v2 (target);
      return FALSE;
    }

  rc = sqlite3_close_v2 (target);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_FAILED, "%s: %s", path,
                   sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

void
civic_sqlite_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
civic_sqlite_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}
