/* civic-item-private.h — what the item's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-item.h"

G_BEGIN_DECLS

/* civic-item.c: the record and its wire format; civic-item-kind.c: the
 * commands on it. */

struct _CivicItem
{
  GObject            parent_instance;

  char              *code;
  gint64             rev;
  char              *department_id;
  CivicItemState     state;

  /* The version in effect (0 and no guide while new) */
  int                version;
  CivicDay           effective_on;
  GDateTime         *effective_at;
  JsonNode          *guide;

  CivicItemPending  *pending;   /* nullable */
  GArray            *history;   /* CivicItemHistory, oldest first */

  CivicDay           repealed_on;
  char              *repeal_basis;
};

CivicItemPending *civic_item_pending_new  (int                     version,
                                           JsonNode               *guide);
CivicItemPending *civic_item_pending_copy (const CivicItemPending *pending);
void              civic_item_pending_free (CivicItemPending       *pending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicItemPending, civic_item_pending_free)

G_END_DECLS
