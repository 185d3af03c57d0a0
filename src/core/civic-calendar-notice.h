/* civic-calendar-notice.h — the State Council's holiday notice, read from its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-calendar.h"

G_BEGIN_DECLS

/* A day whose kind a new notice changes */
typedef struct
{
  CivicDay      day;
  CivicDayKind  before;
  CivicDayKind  after;
} CivicCalendarChange;

JsonNode *civic_calendar_notice_parse (const char     *text,
                                       int             year,
                                       const char     *number,
                                       const char     *issued,
                                       GError        **error);
GArray   *civic_calendar_diff         (CivicCalendar  *before,
                                       CivicCalendar  *after,
                                       int             year);

G_END_DECLS
