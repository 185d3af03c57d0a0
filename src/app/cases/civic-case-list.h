/* civic-case-list.h — the inbox as a GListModel, paged from the cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "civic-cache.h"
#include "civic-case-index.h"
#include "civic-case-item.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_CASE_LIST (civic_case_list_get_type ())
G_DECLARE_FINAL_TYPE (CivicCaseList, civic_case_list, CIVIC, CASE_LIST, GObject)

CivicCaseList          *civic_case_list_new        (CivicCache             *cache);
CivicCache             *civic_case_list_get_cache  (CivicCaseList          *self);
const CivicInboxFilter *civic_case_list_get_filter (CivicCaseList          *self);
void                    civic_case_list_set_filter (CivicCaseList          *self,
                                                    const CivicInboxFilter *filter);
void                    civic_case_list_refresh    (CivicCaseList          *self);
guint                   civic_case_list_get_n_fetches (CivicCaseList       *self);

G_END_DECLS
