/* civic-calendar.h — working days by the national rule and the annual notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "civic-day.h"

G_BEGIN_DECLS

#define CIVIC_CALENDAR_ERROR (civic_calendar_error_quark ())

typedef enum
{
  CIVIC_CALENDAR_ERROR_PARSE,
  CIVIC_CALENDAR_ERROR_INVALID,
  CIVIC_CALENDAR_ERROR_DUPLICATE,
} CivicCalendarError;

typedef enum
{
  CIVIC_DAY_KIND_WORKDAY,
  CIVIC_DAY_KIND_WEEKEND,
  CIVIC_DAY_KIND_HOLIDAY,
  CIVIC_DAY_KIND_MAKEUP_WORKDAY,
} CivicDayKind;

typedef enum /*< flags >*/
{
  CIVIC_COUNT_DEFAULT = 0,
  /* Count the day of the triggering event as day one. The default follows
   * Civil Code Art. 201 and Civil Procedure Law Art. 85: the starting day
   * is not counted. */
  CIVIC_COUNT_START_DAY = 1 << 0,
} CivicCountFlags;

typedef enum
{
  CIVIC_CALENDAR_NOTE_HOLIDAY,
  CIVIC_CALENDAR_NOTE_MAKEUP_WORKDAY,
  CIVIC_CALENDAR_NOTE_PROVISIONAL_YEAR,
} CivicCalendarNoteKind;

/* One remarkable stretch of a date range: a holiday that was skipped, a
 * weekend day that was worked, or a year computed without its notice. */
typedef struct
{
  CivicCalendarNoteKind  kind;
  CivicDay               start;
  CivicDay               end;
  int                    year;
  char                  *name;
} CivicCalendarNote;

void civic_calendar_note_free (CivicCalendarNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicCalendarNote, civic_calendar_note_free)

#define CIVIC_CALENDAR_DIR_ENV "CIVICDESK_CALENDAR_DIR"

#define CIVIC_TYPE_CALENDAR (civic_calendar_get_type ())
G_DECLARE_FINAL_TYPE (CivicCalendar, civic_calendar, CIVIC, CALENDAR, GObject)

GQuark         civic_calendar_error_quark        (void);

CivicCalendar *civic_calendar_new                (const char          *region);
CivicCalendar *civic_calendar_new_default        (const char          *region,
                                                  GError             **error);
const char    *civic_calendar_get_region         (CivicCalendar       *self);

gboolean       civic_calendar_load_data          (CivicCalendar       *self,
                                                  const char          *data,
                                                  gssize               length,
                                                  const char          *origin,
                                                  GError             **error);
gboolean       civic_calendar_load_node          (CivicCalendar       *self,
                                                  JsonNode            *node,
                                                  const char          *origin,
                                                  GError             **error);
gboolean       civic_calendar_load_file          (CivicCalendar       *self,
                                                  const char          *path,
                                                  GError             **error);
gboolean       civic_calendar_load_dir           (CivicCalendar       *self,
                                                  const char          *path,
                                                  GError             **error);

gboolean       civic_calendar_has_notice         (CivicCalendar       *self,
                                                  int                  year);
GArray        *civic_calendar_get_years          (CivicCalendar       *self);
const char    *civic_calendar_get_notice_title   (CivicCalendar       *self,
                                                  int                  year);
const char    *civic_calendar_get_notice_number  (CivicCalendar       *self,
                                                  int                  year);
JsonNode      *civic_calendar_year_to_json       (CivicCalendar       *self,
                                                  int                  year);

CivicDayKind   civic_calendar_classify           (CivicCalendar       *self,
                                                  CivicDay             day,
                                                  char               **name,
                                                  gboolean            *provisional);
gboolean       civic_calendar_is_working_day     (CivicCalendar       *self,
                                                  CivicDay             day);
CivicDay       civic_calendar_add_working_days   (CivicCalendar       *self,
                                                  CivicDay             start,
                                                  int                  n,
                                                  CivicCountFlags      flags,
                                                  gboolean            *provisional);
CivicDay       civic_calendar_subtract_working_days (CivicCalendar    *self,
                                                  CivicDay             end,
                                                  int                  n,
                                                  gboolean            *provisional);
int            civic_calendar_working_days_between (CivicCalendar     *self,
                                                  CivicDay             from,
                                                  CivicDay             to);
CivicDay       civic_calendar_next_working_day   (CivicCalendar       *self,
                                                  CivicDay             day);
CivicDay       civic_calendar_working_day_on_or_after (CivicCalendar  *self,
                                                  CivicDay             day);
GPtrArray     *civic_calendar_explain            (CivicCalendar       *self,
                                                  CivicDay             from,
                                                  CivicDay             to);

const char    *civic_festival_get_name           (const char          *key);
gboolean       civic_festival_is_known           (const char          *key);

G_END_DECLS
