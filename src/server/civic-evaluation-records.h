/* civic-evaluation-records.h — citizens' ratings as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-evaluation.h"
#include "civic-records.h"
#include "civic-sqlite.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_evaluation_store;

CivicEvaluation *civic_evaluation_records_load   (CivicSqlite    *db,
                                                  const char     *id,
                                                  GError        **error);
gint64           civic_evaluation_records_save   (CivicSqlite    *db,
                                                  CivicEvaluation *evaluation,
                                                  CivicCalendar  *calendar,
                                                  CivicDay        today,
                                                  GError        **error);
char            *civic_evaluation_records_submit (CivicSqlite    *db,
                                                  CivicCalendar  *calendar,
                                                  GDateTime      *now,
                                                  JsonNode       *body,
                                                  const char     *address,
                                                  guint          *status,
                                                  GError        **error);
char            *civic_evaluation_records_ratings (CivicSqlite   *db,
                                                  const char     *department,
                                                  GError        **error);

G_END_DECLS
