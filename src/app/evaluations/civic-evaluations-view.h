/* civic-evaluations-view.h — the Ratings section: citizens' ratings (好差评) and their rectification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-bar-chart.h"
#include "civic-evaluation-page.h"
#include "civic-section.h"

G_BEGIN_DECLS

/* The queues of the section's switch */
typedef enum
{
  CIVIC_EVALUATION_LIST_TO_RECTIFY,  /* bad ratings the department owes a rectification */
  CIVIC_EVALUATION_LIST_APPEALED,    /* appeals the hall decides */
  CIVIC_EVALUATION_LIST_ALL,         /* every rating the official sees, the latest first */
} CivicEvaluationList;

#define CIVIC_TYPE_EVALUATIONS_VIEW (civic_evaluations_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicEvaluationsView, civic_evaluations_view, CIVIC, EVALUATIONS_VIEW,
                      CivicSection)

gboolean             civic_evaluations_view_shown_to   (const CivicActor     *actor);
void                 civic_evaluations_view_show_list  (CivicEvaluationsView *self,
                                                        CivicEvaluationList   list);
void                 civic_evaluations_view_open       (CivicEvaluationsView *self,
                                                        const char           *evaluation_id);
void                 civic_evaluations_view_record     (CivicEvaluationsView *self);
guint                civic_evaluations_view_get_n_to_do (CivicEvaluationsView *self);
GtkListBox          *civic_evaluations_view_get_list   (CivicEvaluationsView *self);
CivicBarChart       *civic_evaluations_view_get_chart  (CivicEvaluationsView *self);
CivicBarChart       *civic_evaluations_view_get_trend_chart (CivicEvaluationsView *self);
CivicEvaluationPage *civic_evaluations_view_get_page   (CivicEvaluationsView *self);

G_END_DECLS
