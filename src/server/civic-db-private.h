/* civic-db-private.h — what the two backends of CivicDb share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-db.h"

G_BEGIN_DECLS

/* One PostgreSQL connection (civic-pg.c) and its statements */
typedef struct _CivicPg     CivicPg;
typedef struct _CivicPgStmt CivicPgStmt;

struct _CivicDbStmt
{
  gboolean       cached;    /* from civic_db_prepare(), kept until the connection goes */
  sqlite3_stmt  *lite;
  CivicPgStmt   *pg;
};

CivicDb      *civic_db_new_for_pg      (CivicPg       *pg);

CivicPg      *civic_pg_connect         (const char    *conninfo,
                                        GError       **error);
void          civic_pg_free            (CivicPg       *pg);
gboolean      civic_pg_exec            (CivicPg       *pg,
                                        const char    *sql,
                                        GError       **error);
CivicPgStmt  *civic_pg_prepare         (CivicPg       *pg,
                                        const char    *sql,
                                        gboolean       once,
                                        GError       **error);
void          civic_pg_stmt_free       (CivicPgStmt   *stmt);
void          civic_pg_stmt_reset      (CivicPgStmt   *stmt);
void          civic_pg_stmt_clear_bindings (CivicPgStmt *stmt);
void          civic_pg_bind            (CivicPgStmt   *stmt,
                                        int            index,
                                        char          *value,
                                        gsize          size,
                                        gboolean       binary);
gboolean      civic_pg_step            (CivicPg       *pg,
                                        CivicPgStmt   *stmt,
                                        gboolean      *row,
                                        GError       **error);
gboolean      civic_pg_run             (CivicPg       *pg,
                                        CivicPgStmt   *stmt,
                                        GError       **error);
const char   *civic_pg_column          (CivicPgStmt   *stmt,
                                        int            column,
                                        gsize         *size);
int           civic_pg_column_count    (CivicPgStmt   *stmt);
const char   *civic_pg_column_name     (CivicPgStmt   *stmt,
                                        int            column);
gboolean      civic_pg_column_is_bytea (CivicPgStmt   *stmt,
                                        int            column);
gint64        civic_pg_changes         (CivicPg       *pg);
gboolean      civic_pg_begin           (CivicPg       *pg,
                                        gboolean       read_only,
                                        GError       **error);
gboolean      civic_pg_commit          (CivicPg       *pg,
                                        GError       **error);
void          civic_pg_rollback        (CivicPg       *pg);
gboolean      civic_pg_in_transaction  (CivicPg       *pg);
gboolean      civic_pg_has_column      (CivicPg       *pg,
                                        const char    *table,
                                        const char    *column);

G_END_DECLS
