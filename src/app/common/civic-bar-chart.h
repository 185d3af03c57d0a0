/* civic-bar-chart.h — a few figures as horizontal bars, with their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a bar's colour says */
typedef enum
{
  CIVIC_BAR_NEUTRAL,
  CIVIC_BAR_GOOD,
  CIVIC_BAR_WARNING,
  CIVIC_BAR_BAD,
} CivicBarTone;

#define CIVIC_TYPE_BAR_CHART (civic_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (CivicBarChart, civic_bar_chart, CIVIC, BAR_CHART, GtkWidget)

GtkWidget  *civic_bar_chart_new      (void);
void        civic_bar_chart_set_title (CivicBarChart *self,
                                      const char    *title);
void        civic_bar_chart_clear    (CivicBarChart *self);
void        civic_bar_chart_add      (CivicBarChart *self,
                                      const char    *label,
                                      double         value,
                                      const char    *value_text,
                                      CivicBarTone   tone);
void        civic_bar_chart_set_maximum (CivicBarChart *self,
                                        double         maximum);
guint       civic_bar_chart_get_n_bars (CivicBarChart *self);
const char *civic_bar_chart_get_text (CivicBarChart *self);

G_END_DECLS
