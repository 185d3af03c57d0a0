/* civic-case-page.h — one case: its limits, materials, history, actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-document-dialog.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_CASE_PAGE (civic_case_page_get_type ())
G_DECLARE_FINAL_TYPE (CivicCasePage, civic_case_page, CIVIC, CASE_PAGE, AdwBin)

CivicSyncEngine *civic_case_page_get_engine      (CivicCasePage   *self);
void             civic_case_page_set_engine      (CivicCasePage   *self,
                                                  CivicSyncEngine *engine);
void             civic_case_page_set_case_id     (CivicCasePage   *self,
                                                  const char      *case_id);
const char      *civic_case_page_get_case_id     (CivicCasePage   *self);
CivicCase       *civic_case_page_get_case        (CivicCasePage   *self);
void             civic_case_page_reload          (CivicCasePage   *self);
void             civic_case_page_set_show_back   (CivicCasePage   *self,
                                                  gboolean         show);
void             civic_case_page_start_action    (CivicCasePage   *self,
                                                  CivicAction      action);
CivicDocumentDialog *civic_case_page_issue_document (CivicCasePage *self,
                                                  CivicDocumentKind kind);

G_END_DECLS
