/* civic-catalogue-view.h — the Catalogue section: a department's service items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-item-page.h"
#include "civic-section.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_CATALOGUE_VIEW (civic_catalogue_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicCatalogueView, civic_catalogue_view, CIVIC, CATALOGUE_VIEW, CivicSection)

gboolean       civic_catalogue_view_shown_to  (const CivicActor   *actor);
void           civic_catalogue_view_open      (CivicCatalogueView *self,
                                               const char         *code);
guint          civic_catalogue_view_get_n_to_do (CivicCatalogueView *self);
GtkListBox    *civic_catalogue_view_get_list  (CivicCatalogueView *self);
CivicItemPage *civic_catalogue_view_get_page  (CivicCatalogueView *self);

G_END_DECLS
