/* civic-document-draft.h — a document drawn on this computer, before the
 * service numbers it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-cache.h"
#include "civic-case.h"

G_BEGIN_DECLS

GBytes *civic_document_draft_render (CivicCache             *cache,
                                     CivicCalendar          *calendar,
                                     CivicCase              *kase,
                                     CivicDocumentKind       kind,
                                     CivicDocumentLanguage   language,
                                     char                  **title,
                                     GError                **error);

G_END_DECLS
