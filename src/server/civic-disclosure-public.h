/* civic-disclosure-public.h — the disclosures the public reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure.h"
#include "civic-db.h"

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

/* A column as the public sees it; its counterpart one level up is a
 * column here (`counterpart_department_id` and `counterpart_id`) or a page
 * elsewhere (`counterpart_url`), named `counterpart_name` either way */
typedef struct
{
  char *id;
  char *department_id;
  char *name;
  char *parent_id;
  char *counterpart_id;
  char *counterpart_department_id;
  char *counterpart_url;
  char *counterpart_name;
} CivicPublicColumn;

void        civic_public_entry_free             (CivicPublicEntry        *entry);
void        civic_public_column_free            (CivicPublicColumn       *column);

gboolean    civic_disclosure_public_write       (CivicDb                 *db,
                                                 CivicDisclosure         *disclosure,
                                                 GDateTime               *now,
                                                 GError                 **error);
gint64      civic_public_seq         (CivicDb *db);
gboolean    civic_public_seq_bump    (CivicDb                 *db,
                                      GError                 **error);
gboolean    civic_public_query_parse            (GHashTable              *query,
                                                 CivicPublicQuery        *out,
                                                 GError                 **error);
GPtrArray  *civic_disclosure_public_find        (CivicDb                 *db,
                                                 const CivicPublicQuery  *query,
                                                 guint                   *total,
                                                 GError                 **error);
char       *civic_disclosure_public_list_json   (CivicDb                 *db,
                                                 const CivicPublicQuery  *query,
                                                 GError                 **error);
JsonNode   *civic_disclosure_public_get         (CivicDb                 *db,
                                                 const char              *id,
                                                 GError                 **error);
char       *civic_disclosure_public_atom        (CivicDb                 *db,
                                                 const char              *organ,
                                                 const char              *column,
                                                 const char              *base_url,
                                                 GError                 **error);
char       *civic_disclosure_public_department_name (CivicDb             *db,
                                                 const char              *department_id);
gboolean    civic_disclosure_public_write_column (CivicDb                *db,
                                                 JsonObject              *column,
                                                 GError                 **error);
CivicPublicColumn *civic_disclosure_public_column (CivicDb               *db,
                                                 const char              *id,
                                                 GError                 **error);
GPtrArray  *civic_disclosure_public_columns     (CivicDb                 *db,
                                                 const char              *department_id,
                                                 const char              *parent_id,
                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicPublicEntry, civic_public_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicPublicColumn, civic_public_column_free)

G_END_DECLS
