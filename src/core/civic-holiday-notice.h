/* civic-holiday-notice.h — one year's holiday notice, as administrators import it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-entity.h"

G_BEGIN_DECLS

/* The State Council's notice of one year's holidays and make-up working
 * days (国务院办公厅关于YYYY年部分节假日安排的通知), as the calendar reads
 * it (the files of data/calendars), under the id "<region>-<year>". Every clock
 * of the hall counts working days with these. */

#define CIVIC_TYPE_HOLIDAY_NOTICE (civic_holiday_notice_get_type ())
G_DECLARE_FINAL_TYPE (CivicHolidayNotice, civic_holiday_notice, CIVIC, HOLIDAY_NOTICE, GObject)

typedef enum
{
  CIVIC_HOLIDAY_NOTICE_ACTION_IMPORT,  /*< nick=import-holiday-notice >*/
} CivicHolidayNoticeAction;

#define CIVIC_N_HOLIDAY_NOTICE_ACTIONS (CIVIC_HOLIDAY_NOTICE_ACTION_IMPORT + 1)

extern const CivicEntityKind civic_holiday_notice_kind;

CivicHolidayNotice *civic_holiday_notice_new           (const char         *id);
CivicHolidayNotice *civic_holiday_notice_new_from_json (JsonNode           *node,
                                                        GError            **error);
JsonNode   *civic_holiday_notice_to_json      (CivicHolidayNotice *self);

const char *civic_holiday_notice_get_id       (CivicHolidayNotice *self);
gint64      civic_holiday_notice_get_rev      (CivicHolidayNotice *self);
int         civic_holiday_notice_get_year     (CivicHolidayNotice *self);
const char *civic_holiday_notice_get_title    (CivicHolidayNotice *self);
const char *civic_holiday_notice_get_number   (CivicHolidayNotice *self);
/* (nullable): the notice as the calendar reads it */
JsonObject *civic_holiday_notice_get_notice   (CivicHolidayNotice *self);
char       *civic_holiday_notice_id_for_year  (int                 year);

G_END_DECLS
