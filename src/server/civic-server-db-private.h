/* civic-server-db-private.h — the service's database, on the backend's side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-server-db.h"

G_BEGIN_DECLS

/* What the public search of disclosures looks in, on PostgreSQL: the
 * columns SQLite's fts5 table indexes, as the one expression the trigram
 * index is built on (a query must spell it the same to use the index) */
#define CIVIC_PG_DISCLOSURE_TEXT \
  "(title || ' ' || keywords || ' ' || body_text || ' ' || coalesce (index_number, '') || ' ' " \
  "|| coalesce (document_number, ''))"

CivicDb  *civic_server_db_open_records        (const char  *data_dir,
                                              const char  *uri,
                                              GError     **error);
CivicDb  *civic_server_db_open_at            (const char  *data_dir,
                                              const char  *uri,
                                              GError     **error);
CivicDb  *civic_server_db_open_pg            (const char  *uri,
                                              GError     **error);
CivicDb  *civic_server_db_open_pg_standby    (const char  *uri,
                                              GError     **error);
gboolean  civic_server_db_pg_holds_service   (const char  *uri,
                                              gboolean    *holds,
                                              GError     **error);
guint     civic_server_db_pg_schema_version  (void);

G_END_DECLS
