/* civic-item-editor.h — the draft of a service item's guide, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-item.h"
#include "civic-item-guide.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_ITEM_EDITOR (civic_item_editor_get_type ())
G_DECLARE_FINAL_TYPE (CivicItemEditor, civic_item_editor, CIVIC, ITEM_EDITOR, AdwWindow)

CivicItemEditor *civic_item_editor_new          (GtkWindow       *parent,
                                                 CivicSyncEngine *engine,
                                                 CivicItem       *item);
JsonNode        *civic_item_editor_dup_guide    (CivicItemEditor *self,
                                                 GError         **error);
GPtrArray       *civic_item_editor_get_findings (CivicItemEditor *self);
gboolean         civic_item_editor_save         (CivicItemEditor *self,
                                                 GError         **error);
GtkWidget       *civic_item_editor_get_limit_row (CivicItemEditor *self,
                                                 const char      *which);
void             civic_item_editor_add_material (CivicItemEditor *self,
                                                 const char      *name,
                                                 gboolean         required);
guint            civic_item_editor_get_n_materials (CivicItemEditor *self);
gboolean         civic_item_editor_attach       (CivicItemEditor   *self,
                                                 const char        *material_id,
                                                 CivicItemFileRole  role,
                                                 const char        *name,
                                                 const char        *media_type,
                                                 GBytes            *content,
                                                 GError           **error);

G_END_DECLS
