/* civic-supervision-report.h — a period's e-supervision figures as a printable report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-day.h"
#include "civic-document.h"

G_BEGIN_DECLS

CivicDocumentText *civic_supervision_report_text (const char            *organ,
                                                  const char            *department_name,
                                                  CivicDay               from,
                                                  CivicDay               to,
                                                  CivicDay               today,
                                                  CivicDocumentLanguage  language,
                                                  JsonObject            *overview,
                                                  JsonObject            *by_type,
                                                  JsonObject            *by_item);

G_END_DECLS
