/* civic-db.h — one connection to the service's database, whichever it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-sqlite.h"

G_BEGIN_DECLS

/* The storage's errors share one domain and its codes, whichever the
 * backend: a unique key that is taken is CIVIC_SQLITE_ERROR_CONSTRAINT on
 * PostgreSQL too. */
#define CIVIC_DB_ERROR CIVIC_SQLITE_ERROR

typedef enum
{
  CIVIC_DB_SQLITE,
  CIVIC_DB_POSTGRESQL,
} CivicDbBackend;

/* A prepared statement. The shape is SQLite's (bind by index from 1, step
 * row by row, read columns from 0), so the service's SQL stays at its call
 * sites and reads the same on both backends. */
typedef struct _CivicDbStmt CivicDbStmt;

#define CIVIC_TYPE_DB (civic_db_get_type ())
G_DECLARE_FINAL_TYPE (CivicDb, civic_db, CIVIC, DB, GObject)

CivicDb        *civic_db_new_for_sqlite   (CivicSqlite   *lite);
CivicDbBackend  civic_db_get_backend      (CivicDb       *self);
CivicSqlite    *civic_db_get_sqlite       (CivicDb       *self);

gboolean        civic_db_exec             (CivicDb       *self,
                                           const char    *sql,
                                           GError       **error);
CivicDbStmt    *civic_db_prepare          (CivicDb       *self,
                                           const char    *sql,
                                           GError       **error);
CivicDbStmt    *civic_db_prepare_once     (CivicDb       *self,
                                           const char    *sql,
                                           GError       **error);
void            civic_db_stmt_free        (CivicDbStmt   *stmt);
gboolean        civic_db_step             (CivicDb       *self,
                                           CivicDbStmt   *stmt,
                                           gboolean      *row,
                                           GError       **error);
gboolean        civic_db_run              (CivicDb       *self,
                                           CivicDbStmt   *stmt,
                                           GError       **error);
void            civic_db_reset            (CivicDbStmt   *stmt);
gint64          civic_db_changes          (CivicDb       *self);

gboolean        civic_db_begin            (CivicDb       *self,
                                           GError       **error);
gboolean        civic_db_begin_read       (CivicDb       *self,
                                           GError       **error);
gboolean        civic_db_commit           (CivicDb       *self,
                                           GError       **error);
void            civic_db_rollback         (CivicDb       *self);
gboolean        civic_db_in_transaction   (CivicDb       *self);
gboolean        civic_db_has_column       (CivicDb       *self,
                                           const char    *table,
                                           const char    *column);

void            civic_db_bind_text        (CivicDbStmt   *stmt,
                                           int            index,
                                           const char    *text);
void            civic_db_bind_int         (CivicDbStmt   *stmt,
                                           int            index,
                                           int            value);
void            civic_db_bind_int64       (CivicDbStmt   *stmt,
                                           int            index,
                                           gint64         value);
void            civic_db_bind_double      (CivicDbStmt   *stmt,
                                           int            index,
                                           double         value);
void            civic_db_bind_null        (CivicDbStmt   *stmt,
                                           int            index);
void            civic_db_bind_blob        (CivicDbStmt   *stmt,
                                           int            index,
                                           gconstpointer  data,
                                           gsize          size);

const char     *civic_db_column_text      (CivicDbStmt   *stmt,
                                           int            column);
int             civic_db_column_int       (CivicDbStmt   *stmt,
                                           int            column);
gint64          civic_db_column_int64     (CivicDbStmt   *stmt,
                                           int            column);
double          civic_db_column_double    (CivicDbStmt   *stmt,
                                           int            column);
gboolean        civic_db_column_is_null   (CivicDbStmt   *stmt,
                                           int            column);
int             civic_db_column_count     (CivicDbStmt   *stmt);
const char     *civic_db_column_name      (CivicDbStmt   *stmt,
                                           int            column);
gboolean        civic_db_column_is_blob   (CivicDbStmt   *stmt,
                                           int            column);
gconstpointer   civic_db_column_blob      (CivicDbStmt   *stmt,
                                           int            column);
gsize           civic_db_column_bytes     (CivicDbStmt   *stmt,
                                           int            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicDbStmt, civic_db_stmt_free)

G_END_DECLS
