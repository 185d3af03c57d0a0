/* civic-sqlite.h — one SQLite connection, its migrations and statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CIVIC_SQLITE_ERROR (civic_sqlite_error_quark ())

typedef enum
{
  CIVIC_SQLITE_ERROR_FAILED,
  CIVIC_SQLITE_ERROR_BUSY,
  CIVIC_SQLITE_ERROR_CONSTRAINT,
  CIVIC_SQLITE_ERROR_CORRUPT,     /* not a database, or a damaged one */
  CIVIC_SQLITE_ERROR_TOO_NEW,     /* written by a newer version of the program */
  CIVIC_SQLITE_ERROR_CANCELLED,
} CivicSqliteError;

/* Migration n brings the schema from version n to n + 1; the version is
 * PRAGMA user_version. Migrations are never edited once released. */
typedef struct
{
  const char *sql;
} CivicSqliteMigration;

#define CIVIC_TYPE_SQLITE (civic_sqlite_get_type ())
G_DECLARE_FINAL_TYPE (CivicSqlite, civic_sqlite, CIVIC, SQLITE, GObject)

GQuark        civic_sqlite_error_quark   (void);

gboolean      civic_sqlite_make_folder   (const char                  *path,
                                          GError                     **error);
CivicSqlite  *civic_sqlite_open          (const char                  *path,
                                          const CivicSqliteMigration  *migrations,
                                          guint                        n_migrations,
                                          GError                     **error);
const char   *civic_sqlite_get_path      (CivicSqlite                 *self);
sqlite3      *civic_sqlite_get_handle    (CivicSqlite                 *self);
int           civic_sqlite_get_version   (CivicSqlite                 *self);

gboolean      civic_sqlite_exec          (CivicSqlite                 *self,
                                          const char                  *sql,
                                          GError                     **error);
sqlite3_stmt *civic_sqlite_prepare       (CivicSqlite                 *self,
                                          const char                  *sql,
                                          GError                     **error);
gboolean      civic_sqlite_step          (CivicSqlite                 *self,
                                          sqlite3_stmt                *stmt,
                                          gboolean                    *row,
                                          GError                     **error);
gboolean      civic_sqlite_run           (CivicSqlite                 *self,
                                          sqlite3_stmt                *stmt,
                                          GError                     **error);

gboolean      civic_sqlite_begin         (CivicSqlite                 *self,
                                          GError                     **error);
gboolean      civic_sqlite_begin_read    (CivicSqlite                 *self,
                                          GError                     **error);
gboolean      civic_sqlite_commit        (CivicSqlite                 *self,
                                          GError                     **error);
void          civic_sqlite_rollback      (CivicSqlite                 *self);
gboolean      civic_sqlite_in_transaction (CivicSqlite                *self);
gboolean      civic_sqlite_has_column    (CivicSqlite                 *self,
                                          const char                  *table,
                                          const char                  *column);

void          civic_sqlite_set_cancellable (CivicSqlite               *self,
                                          GCancellable                *cancellable);
gboolean      civic_sqlite_check_integrity (CivicSqlite               *self,
                                          GError                     **error);
gboolean      civic_sqlite_backup_to     (CivicSqlite                 *self,
                                          const char                  *path,
                                          GError                     **error);

void          civic_sqlite_bind_text     (sqlite3_stmt                *stmt,
                                          int                          index,
                                          const char                  *text);
const char   *civic_sqlite_column_text   (sqlite3_stmt                *stmt,
                                          int                          column);
gboolean      civic_sqlite_set_error     (CivicSqlite                 *self,
                                          int                          rc,
                                          GError                     **error);

G_END_DECLS
