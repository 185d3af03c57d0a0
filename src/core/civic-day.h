/* civic-day.h — a local calendar date, as the law counts them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date is its Julian day number as GDate counts it (0001-01-01 is 1), so
 * that date arithmetic is integer arithmetic. 0 is "no date". */
typedef guint32 CivicDay;

#define CIVIC_DAY_INVALID ((CivicDay) 0)

CivicDay      civic_day_from_ymd   (int           year,
                                    int           month,
                                    int           day);
void          civic_day_to_ymd     (CivicDay      day,
                                    int          *year,
                                    int          *month,
                                    int          *mday);
int           civic_day_get_year   (CivicDay      day);
GDateWeekday  civic_day_weekday    (CivicDay      day);
gboolean      civic_day_is_weekend (CivicDay      day);
gboolean      civic_day_parse      (const char   *text,
                                    CivicDay     *out_day);
char         *civic_day_format     (CivicDay      day);
char         *civic_day_format_short (CivicDay    day);
const char   *civic_day_weekday_name (CivicDay    day);

G_END_DECLS
