/* civic-week-chart.h — figures week by week as columns, with their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-bar-chart.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_WEEK_CHART (civic_week_chart_get_type ())
G_DECLARE_FINAL_TYPE (CivicWeekChart, civic_week_chart, CIVIC, WEEK_CHART, GtkWidget)

GtkWidget  *civic_week_chart_new          (void);
void        civic_week_chart_set_title    (CivicWeekChart     *self,
                                           const char         *title);
void        civic_week_chart_set_weeks    (CivicWeekChart     *self,
                                           const char * const *weeks);
void        civic_week_chart_add_series   (CivicWeekChart     *self,
                                           const char         *label,
                                           CivicBarTone        tone,
                                           const double       *values,
                                           guint               n_values);
guint       civic_week_chart_get_n_series (CivicWeekChart     *self);
const char *civic_week_chart_get_text     (CivicWeekChart     *self);

G_END_DECLS
