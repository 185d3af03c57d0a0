/* civic-attachments-pane.h — the files published with a disclosure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-disclosure.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_ATTACHMENTS_PANE (civic_attachments_pane_get_type ())
G_DECLARE_FINAL_TYPE (CivicAttachmentsPane, civic_attachments_pane, CIVIC, ATTACHMENTS_PANE, AdwBin)

GtkWidget *civic_attachments_pane_new          (void);
void       civic_attachments_pane_set_engine   (CivicAttachmentsPane *self,
                                                CivicSyncEngine      *engine);
void       civic_attachments_pane_show         (CivicAttachmentsPane *self,
                                                CivicDisclosure      *disclosure,
                                                gboolean              editable,
                                                gboolean              reviewer);
void       civic_attachments_pane_attach_files (CivicAttachmentsPane *self,
                                                GListModel           *files,
                                                const char           *replacing);
void       civic_attachments_pane_remove       (CivicAttachmentsPane *self,
                                                const char           *sha256);
guint      civic_attachments_pane_get_n_busy   (CivicAttachmentsPane *self);

G_END_DECLS
