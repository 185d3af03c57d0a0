/* civic-cache-private.h — what the cache's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-cache.h"
#include "civic-json-scan.h"
#include "civic-sqlite.h"

G_BEGIN_DECLS

struct _CivicCache
{
  GObject      parent_instance;

  char        *dir;
  char        *damaged_path;
  CivicActor  *me;

  GMutex       lock;     /* the writer, for the sync engine's threads */
  CivicSqlite *writer;
  CivicSqlite *reader;   /* the main thread's */
};

/* civic-case-index.c: the inbox's index, written inside the cache's
 * write transactions */
gboolean _civic_case_index_make     (CivicSqlite    *db,
                                     GError        **error);
gboolean _civic_case_index_drop     (CivicSqlite    *db,
                                     GError        **error);
gboolean _civic_case_index_is_empty (CivicSqlite    *db);
gboolean _civic_case_index_put      (CivicSqlite    *db,
                                     const char     *id,
                                     CivicJsonSpan   data,
                                     const char     *me,
                                     gboolean        pending,
                                     GError        **error);
gboolean _civic_case_index_forget   (CivicSqlite    *db,
                                     const char     *id,
                                     GError        **error);
gboolean _civic_case_index_flush    (CivicSqlite    *db,
                                     GError        **error);

G_END_DECLS
