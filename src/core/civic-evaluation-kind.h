/* civic-evaluation-kind.h — a rating as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-entity.h"
#include "civic-evaluation.h"

G_BEGIN_DECLS

/* What the citizen, the department and the hall do with a rating
 * (docs/plans/messages.md, decision 8) */
typedef enum
{
  CIVIC_EVALUATION_ACTION_RATE,           /*< nick=rate-service >*/
  CIVIC_EVALUATION_ACTION_RECORD_VISIT,   /*< nick=record-evaluation-visit >*/
  CIVIC_EVALUATION_ACTION_RECTIFY,        /*< nick=rectify-evaluation >*/
  CIVIC_EVALUATION_ACTION_APPEAL,         /*< nick=appeal-evaluation >*/
  CIVIC_EVALUATION_ACTION_DECIDE_APPEAL,  /*< nick=decide-evaluation-appeal >*/
} CivicEvaluationAction;

#define CIVIC_N_EVALUATION_ACTIONS (CIVIC_EVALUATION_ACTION_DECIDE_APPEAL + 1)

extern const CivicEntityKind civic_evaluation_kind;

const char          *civic_evaluation_action_get_label     (CivicEvaluationAction action);
const CivicArgument *civic_evaluation_action_get_arguments (CivicEvaluationAction action);

G_END_DECLS
