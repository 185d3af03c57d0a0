/* civic-calendar-records.h — holiday notices kept by the service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-calendar.h"
#include "civic-records.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* A due date of an open record that a new notice moves: a case's, a
 * request for information's, a citizen's message's */
typedef struct
{
  char       *number;   /* the case's number, or the request's or message's receipt */
  const char *clock;    /* "correction", or the nick of the CivicClockKind: "statutory",
                         * "promised", "delivery", "disclosure-reply", "message-reply"… */
  CivicDay    from;
  CivicDay    to;
} CivicMovedDue;

void           civic_moved_due_free                   (CivicMovedDue *due);
char          *civic_moved_due_describe               (const CivicMovedDue *due);

gint64         civic_calendar_records_generation      (CivicDb      *db,
                                                       GError      **error);
CivicCalendar *civic_calendar_records_load            (CivicDb      *db,
                                                       const char   *region,
                                                       GError      **error);
CivicCalendar *civic_calendar_records_load_with       (CivicDb      *db,
                                                       const char   *region,
                                                       JsonNode     *notice,
                                                       GError      **error);
gboolean       civic_calendar_records_import          (CivicDb      *db,
                                                       JsonNode     *notice,
                                                       const char   *origin,
                                                       GError      **error);
gboolean       civic_calendar_records_import_defaults (CivicDb      *db,
                                                       GError      **error);
GPtrArray     *civic_calendar_records_moved_dues      (CivicDb        *db,
                                                       CivicCalendar  *before,
                                                       CivicCalendar  *after,
                                                       CivicDay        today,
                                                       GError        **error);

JsonNode      *civic_calendar_records_read_notice     (JsonObject   *request,
                                                       GError      **error);
char          *civic_calendar_records_preview         (CivicDb        *db,
                                                       CivicCalendar  *in_force,
                                                       JsonNode       *notice,
                                                       CivicDay        today,
                                                       GError        **error);

extern const CivicRecordStore civic_calendar_store;


G_END_DECLS
