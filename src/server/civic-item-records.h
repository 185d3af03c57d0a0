/* civic-item-records.h — the catalogue's items as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-item.h"
#include "civic-records.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* The version of an item a case is filed under */
typedef struct
{
  char     *code;
  int       version;
  char     *department_id;
  JsonNode *guide;   /* canonical */
} CivicItemFiled;

extern const CivicRecordStore civic_item_store;

CivicItem      *civic_item_records_load         (CivicDb         *db,
                                                 const char      *code,
                                                 GError         **error);
CivicItemFiled *civic_item_records_filed_at     (CivicDb         *db,
                                                 const char      *code,
                                                 GDateTime       *at,
                                                 GError         **error);
void            civic_item_filed_free           (CivicItemFiled  *filed);
gboolean        civic_item_records_adopt        (CivicDb         *db,
                                                 const char      *code,
                                                 const char      *department_id,
                                                 JsonNode        *guide,
                                                 GDateTime       *effective_at,
                                                 GError         **error);
gboolean        civic_item_records_adopt_legacy (CivicDb         *db,
                                                 GError         **error);
char           *civic_item_records_upload       (CivicDb           *db,
                                                 const CivicActor  *actor,
                                                 const char        *code,
                                                 const char        *name,
                                                 const char        *media_type,
                                                 GBytes            *content,
                                                 GDateTime         *now,
                                                 const char        *address,
                                                 GError           **error);
GBytes         *civic_item_records_read_file    (CivicDb           *db,
                                                 const CivicActor  *actor,
                                                 const char        *code,
                                                 const char        *sha256,
                                                 char             **name,
                                                 char             **media_type,
                                                 GError           **error);
JsonNode       *civic_item_guide_from_flat      (JsonObject      *flat,
                                                 JsonObject      *remedies,
                                                 GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicItemFiled, civic_item_filed_free)

G_END_DECLS
