/* civic-evaluation-page.h — one citizen's rating: what they gave, and what the department owes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-evaluation-kind.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_EVALUATION_PAGE (civic_evaluation_page_get_type ())
G_DECLARE_FINAL_TYPE (CivicEvaluationPage, civic_evaluation_page, CIVIC, EVALUATION_PAGE, GtkBox)

GtkWidget       *civic_evaluation_page_new          (void);
void             civic_evaluation_page_set_engine   (CivicEvaluationPage  *self,
                                                     CivicSyncEngine      *engine);
void             civic_evaluation_page_show         (CivicEvaluationPage  *self,
                                                     const char           *evaluation_id);
CivicEvaluation *civic_evaluation_page_get_evaluation (CivicEvaluationPage *self);
void             civic_evaluation_page_reload       (CivicEvaluationPage  *self);
void             civic_evaluation_page_start_action (CivicEvaluationPage  *self,
                                                     CivicEvaluationAction action);

char            *civic_evaluation_describe_target   (CivicSyncEngine      *engine,
                                                     CivicEvaluation      *evaluation);
char            *civic_evaluation_format_stars      (int                   rating);

G_END_DECLS
