/* civic-supervision-view.h — the Supervision section: every clock at a glance, the cards, the figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-bar-chart.h"
#include "civic-section.h"
#include "civic-week-chart.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_SUPERVISION_VIEW (civic_supervision_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicSupervisionView, civic_supervision_view, CIVIC, SUPERVISION_VIEW,
                      CivicSection)

gboolean        civic_supervision_view_shown_to        (const CivicActor     *actor);
void            civic_supervision_view_refresh         (CivicSupervisionView *self);
void            civic_supervision_view_open_department (CivicSupervisionView *self,
                                                        const char           *department_id,
                                                        const char           *status);
void            civic_supervision_view_open_card       (CivicSupervisionView *self,
                                                        const char           *warning_id);
void            civic_supervision_view_issue           (CivicSupervisionView *self,
                                                        const char           *department_id,
                                                        const char           *target_type,
                                                        const char           *target_id,
                                                        const char           *target_title);
guint           civic_supervision_view_get_n_to_do     (CivicSupervisionView *self);
gboolean        civic_supervision_view_is_fetching     (CivicSupervisionView *self);
CivicWeekChart *civic_supervision_view_get_overdue_chart (CivicSupervisionView *self);
CivicBarChart  *civic_supervision_view_get_on_time_chart (CivicSupervisionView *self);
GtkListBox     *civic_supervision_view_get_departments (CivicSupervisionView *self);
GtkListBox     *civic_supervision_view_get_cards       (CivicSupervisionView *self);

G_END_DECLS
