/* civic-disclosure-public.h — the disclosures the public reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure.h"
#include "civic-sqlite.h"

G_BEGIN_DECLS

#define CIVIC_PUBLIC_MAX_PER_PAGE 50
#define CIVIC_PUBLIC_MAX_PAGE     200

/* A directory's question: every member optional */
typedef struct
{
  const char *organ;
  const char *category;
  const char *column;
  CivicDay    from;
  CivicDay    to;
  const char *validity;
  const char *q;
  gboolean    withdrawn;   /* the withdrawal notices instead of what stands */
  guint       page;        /* from 1 */
  guint       per_page;
} CivicPublicQuery;

/* One line of a directory */
typedef struct
{
  char *id;
  char *department_id;
  char *department_name;
  char *index_number;
  char *title;
  char *summary;
  char *category;
  char *published_at;
  char *document_number;
  char *validity;
  char *state;
} CivicPublicEntry;

void        civic_public_entry_free             (CivicPublicEntry        *entry);

gboolean    civic_disclosure_public_write       (CivicSqlite             *db,
                                                 CivicDisclosure         *disclosure,
                                                 GDateTime               *now,
                                                 GError                 **error);
gint64      civic_disclosure_public_seq         (CivicSqlite             *db);
gboolean    civic_public_query_parse            (GHashTable              *query,
                                                 CivicPublicQuery        *out,
                                                 GError                 **error);
GPtrArray  *civic_disclosure_public_find        (CivicSqlite             *db,
                                                 const CivicPublicQuery  *query,
                                                 guint                   *total,
                                                 GError                 **error);
char       *civic_disclosure_public_list_json   (CivicSqlite             *db,
                                                 const CivicPublicQuery  *query,
                                                 GError                 **error);
JsonNode   *civic_disclosure_public_get         (CivicSqlite             *db,
                                                 const char              *id,
                                                 GError                 **error);
char       *civic_disclosure_public_atom        (CivicSqlite             *db,
                                                 const char              *organ,
                                                 const char              *column,
                                                 const char              *base_url,
                                                 GError                 **error);
char       *civic_disclosure_public_department_name (CivicSqlite         *db,
                                                 const char              *department_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicPublicEntry, civic_public_entry_free)

G_END_DECLS
