/* civic-document-dialog.h — a formal document: its preview, issue, print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-case.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_DOCUMENT_DIALOG (civic_document_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CivicDocumentDialog, civic_document_dialog, CIVIC, DOCUMENT_DIALOG, AdwWindow)

CivicDocumentDialog *civic_document_dialog_new_issue (GtkWindow         *parent,
                                                      CivicSyncEngine   *engine,
                                                      CivicCase         *kase,
                                                      CivicDocumentKind  kind);
CivicDocumentDialog *civic_document_dialog_new_show  (GtkWindow         *parent,
                                                      CivicSyncEngine   *engine,
                                                      CivicCase         *kase,
                                                      const char        *document_id);
CivicDocumentDialog *civic_document_dialog_new_show_document (GtkWindow             *parent,
                                                      CivicSyncEngine         *engine,
                                                      CivicCase               *kase,
                                                      const CivicCaseDocument *document);
CivicDocumentDialog *civic_document_dialog_new_for_pdf (GtkWindow           *parent,
                                                        CivicSyncEngine     *engine,
                                                        const char          *title,
                                                        const char          *subtitle,
                                                        const char          *note,
                                                        GBytes              *pdf);
const char          *civic_document_dialog_get_case_id (CivicDocumentDialog *self);
guint                civic_document_dialog_get_n_pages (CivicDocumentDialog *self);
GBytes              *civic_document_dialog_get_pdf   (CivicDocumentDialog *self);
void                 civic_document_dialog_print     (CivicDocumentDialog *self);
gboolean             civic_document_dialog_print_to_file (CivicDocumentDialog *self,
                                                      const char          *path,
                                                      GError             **error);

G_END_DECLS
