/* civic-evaluation-private.h — what the evaluation's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-evaluation.h"

G_BEGIN_DECLS

/* civic-evaluation.c: the record, its wire format, its evaluator sealed,
 * its clock; civic-evaluation-kind.c: the commands on it. */

#define CIVIC_INDICATOR_NONE 0

struct _CivicEvaluation
{
  GObject                 parent_instance;

  char                   *id;
  gint64                  rev;
  CivicEvaluationState    state;
  CivicEvaluationTarget   target;
  char                   *target_id;
  char                   *department_id;
  CivicEvaluationChannel  channel;
  int                     rating;
  int                     indicators[CIVIC_N_INDICATORS];  /* 0: not rated */
  char                   *comment;
  CivicEvaluator          evaluator;
  GDateTime              *rated_at;
  CivicDay                rated_on;

  /* A bad one: the region's limit to rectify it, as it stood when rated */
  gboolean                has_limit;
  CivicMessageLimit       limit;
  char                   *rectification;
  CivicDay                rectified_on;
  char                   *rectified_by_id;
  char                   *rectified_by_name;
  GPtrArray              *visits;   /* CivicEvaluationVisit */
  CivicEvaluationAppeal  *appeal;   /* (nullable) */
};

void civic_evaluation_visit_free  (CivicEvaluationVisit  *visit);
void civic_evaluation_appeal_free (CivicEvaluationAppeal *appeal);

G_END_DECLS
