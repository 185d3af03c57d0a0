/* civic-calendar-records.h — holiday notices kept by the service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-calendar.h"
#include "civic-sqlite.h"

G_BEGIN_DECLS

CivicCalendar *civic_calendar_records_load            (CivicSqlite  *db,
                                                       const char   *region,
                                                       GError      **error);
CivicCalendar *civic_calendar_records_load_with       (CivicSqlite  *db,
                                                       const char   *region,
                                                       JsonNode     *notice,
                                                       GError      **error);
gboolean       civic_calendar_records_import          (CivicSqlite  *db,
                                                       JsonNode     *notice,
                                                       const char   *origin,
                                                       GError      **error);
gboolean       civic_calendar_records_import_defaults (CivicSqlite  *db,
                                                       GError      **error);
GPtrArray     *civic_calendar_records_moved_dues      (CivicSqlite    *db,
                                                       CivicCalendar  *before,
                                                       CivicCalendar  *after,
                                                       CivicDay        today,
                                                       GError        **error);

G_END_DECLS
