/* civic-supervision-report.h — a period's e-supervision figures as a printable report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-day.h"
#include "civic-db.h"
#include "civic-document.h"
#include "civic-supervision-queries.h"

G_BEGIN_DECLS

GBytes *civic_supervision_report_pdf (CivicDb                     *db,
                                      const CivicSupervisionQuery *query,
                                      const CivicActor            *actor,
                                      CivicDay                     today,
                                      CivicDocumentLanguage        language,
                                      guint                       *n_pages,
                                      GError                     **error);

G_END_DECLS
