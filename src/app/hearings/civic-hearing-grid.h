/* civic-hearing-grid.h — hearings on a week of days, or a day of rooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "civic-calendar.h"
#include "civic-hearing.h"

G_BEGIN_DECLS

typedef enum
{
  CIVIC_HEARING_GRID_WEEK,  /* the days of a week across, every room */
  CIVIC_HEARING_GRID_DAY,   /* the rooms across, one day */
} CivicHearingGridMode;

/* Why a hearing may not go at @day, @minute (from midnight) in @room_id
 * (%NULL in the week: any room), or %NULL when it may */
typedef char *(*CivicHearingGridVerdict) (CivicDay    day,
                                          int         minute,
                                          const char *room_id,
                                          gpointer    user_data);

#define CIVIC_HEARING_GRID_FIRST_MINUTE (8 * 60)
#define CIVIC_HEARING_GRID_LAST_MINUTE  (18 * 60)
#define CIVIC_HEARING_GRID_STEP         30

#define CIVIC_TYPE_HEARING_GRID (civic_hearing_grid_get_type ())
G_DECLARE_FINAL_TYPE (CivicHearingGrid, civic_hearing_grid, CIVIC, HEARING_GRID, GtkWidget)

GtkWidget            *civic_hearing_grid_new          (void);
void                  civic_hearing_grid_set_mode     (CivicHearingGrid        *self,
                                                       CivicHearingGridMode     mode);
CivicHearingGridMode  civic_hearing_grid_get_mode     (CivicHearingGrid        *self);
void                  civic_hearing_grid_set_day      (CivicHearingGrid        *self,
                                                       CivicDay                 day);
CivicDay              civic_hearing_grid_get_day      (CivicHearingGrid        *self);
CivicDay              civic_hearing_grid_get_first_day (CivicHearingGrid       *self);
void                  civic_hearing_grid_set_calendar (CivicHearingGrid        *self,
                                                       CivicCalendar           *calendar);
void                  civic_hearing_grid_set_rooms    (CivicHearingGrid        *self,
                                                       GPtrArray               *rooms);
void                  civic_hearing_grid_set_hearings (CivicHearingGrid        *self,
                                                       GPtrArray               *hearings);
void                  civic_hearing_grid_mark         (CivicHearingGrid        *self,
                                                       CivicHearingGridVerdict  verdict,
                                                       gpointer                 user_data);
guint                 civic_hearing_grid_get_n_marked (CivicHearingGrid        *self);
const char           *civic_hearing_grid_room_name    (CivicHearingGrid        *self,
                                                       const char              *room_id);
gboolean              civic_hearing_grid_get_focus_slot (CivicHearingGrid      *self,
                                                       CivicDay                *day,
                                                       int                     *minute,
                                                       const char             **room_id);
GPtrArray            *civic_hearing_grid_get_events   (CivicHearingGrid        *self);
gboolean              civic_hearing_grid_focus_slot   (CivicHearingGrid        *self,
                                                       CivicDay                 day,
                                                       int                      minute,
                                                       const char              *room_id);

G_END_DECLS
