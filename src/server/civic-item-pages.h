/* civic-item-pages.h — the public guide as HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-item-public.h"
#include "civic-db.h"

G_BEGIN_DECLS

char *civic_item_pages_search (CivicDb               *db,
                               const CivicItemQuery  *query,
                               GError               **error);
char *civic_item_pages_guide  (CivicDb               *db,
                               const char            *code,
                               GError               **error);

G_END_DECLS
