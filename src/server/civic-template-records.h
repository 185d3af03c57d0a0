/* civic-template-records.h — formal documents' templates as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-document.h"
#include "civic-records.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_template_store;

gint64                 civic_template_records_put   (CivicDb                     *db,
                                                     const CivicDocumentTemplate *tmpl,
                                                     GError                     **error);
CivicDocumentTemplate *civic_template_records_find  (CivicDb                     *db,
                                                     const char                  *id,
                                                     GError                     **error);
gboolean               civic_template_records_adopt_legacy (CivicDb              *db,
                                                     GError                     **error);

G_END_DECLS
