/* civic-item-page.h — one service item: its guide in effect, the change pending
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-item-kind.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_ITEM_PAGE (civic_item_page_get_type ())
G_DECLARE_FINAL_TYPE (CivicItemPage, civic_item_page, CIVIC, ITEM_PAGE, GtkBox)

GtkWidget *civic_item_page_new          (void);
void       civic_item_page_set_engine   (CivicItemPage   *self,
                                         CivicSyncEngine *engine);
void       civic_item_page_show         (CivicItemPage   *self,
                                         const char      *code);
void       civic_item_page_reload       (CivicItemPage   *self);
CivicItem *civic_item_page_get_item     (CivicItemPage   *self);
void       civic_item_page_start_action (CivicItemPage   *self,
                                         CivicItemAction  action);
GtkWidget *civic_item_page_edit         (CivicItemPage   *self);

G_END_DECLS
