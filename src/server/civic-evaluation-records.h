/* civic-evaluation-records.h — citizens' ratings as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-evaluation.h"
#include "civic-records.h"
#include "civic-db.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_evaluation_store;

/* A department's public indicators */
typedef struct
{
  gint64 levels[CIVIC_RATING_MAX + 1];  /* by rating, 1 to 5 */
  gint64 total;
  gint64 good;                          /* 4 and 5 */
  gint64 bad;                           /* 1 and 2 */
  gint64 rectified;                     /* bad ones rectified */
} CivicRatingIndicators;

CivicEvaluation *civic_evaluation_records_load   (CivicDb        *db,
                                                  const char     *id,
                                                  GError        **error);
gint64           civic_evaluation_records_save   (CivicDb        *db,
                                                  CivicEvaluation *evaluation,
                                                  CivicCalendar  *calendar,
                                                  CivicDay        today,
                                                  GError        **error);
char            *civic_evaluation_records_submit (CivicDb        *db,
                                                  CivicCalendar  *calendar,
                                                  GDateTime      *now,
                                                  JsonNode       *body,
                                                  const char     *address,
                                                  guint          *status,
                                                  GError        **error);
char            *civic_evaluation_records_ratings (CivicDb       *db,
                                                  const char     *department,
                                                  GError        **error);

gboolean         civic_evaluation_records_indicators (CivicDb     *db,
                                                     GPtrArray  **departments,
                                                     GArray     **indicators,
                                                     GError     **error);
gboolean         civic_evaluation_records_rated   (CivicDb        *db,
                                                  const char     *message_id,
                                                  gboolean       *rated,
                                                  GError        **error);

G_END_DECLS
