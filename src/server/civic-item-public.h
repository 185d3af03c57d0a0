/* civic-item-public.h — the public guide (办事指南) of every item in effect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-item.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* A search of the guide, as the query string gives it */
typedef struct
{
  const char *q;
  const char *department;
  const char *type_code;
  guint       page;       /* from 1 */
  guint       per_page;
} CivicItemQuery;

gboolean    civic_item_public_write      (CivicDb               *db,
                                          CivicItem             *item,
                                          GError               **error);
gboolean    civic_item_public_query_parse (GHashTable           *query,
                                          CivicItemQuery        *out,
                                          GError               **error);
JsonNode   *civic_item_public_find       (CivicDb               *db,
                                          const CivicItemQuery  *query,
                                          GError               **error);
JsonNode   *civic_item_public_get        (CivicDb               *db,
                                          const char            *code,
                                          GError               **error);
GBytes     *civic_item_public_file       (CivicDb               *db,
                                          const char            *code,
                                          const char            *sha256,
                                          char                 **name,
                                          char                 **media_type,
                                          GError               **error);
JsonNode   *civic_item_public_departments (CivicDb              *db,
                                          GError               **error);

G_END_DECLS
