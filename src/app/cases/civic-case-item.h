/* civic-case-item.h — one row of the inbox, for list models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "civic-cache.h"
#include "civic-case-index.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_CASE_ITEM (civic_case_item_get_type ())
G_DECLARE_FINAL_TYPE (CivicCaseItem, civic_case_item, CIVIC, CASE_ITEM, GObject)

CivicCaseItem      *civic_case_item_new     (CivicInboxRow  *row);
const CivicInboxRow *civic_case_item_get_row (CivicCaseItem *self);
const char         *civic_case_item_get_id  (CivicCaseItem *self);
void                civic_case_item_update  (CivicCaseItem *self,
                                             CivicInboxRow  *row);

G_END_DECLS
