/* civic-scheduler.h — what happens by the passing of time alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-calendar.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* What the daily jobs did */
typedef struct
{
  guint checked;      /* records looked at */
  guint applied;      /* commands the service applied by the passing of time */
  guint republished;  /* records published again: a clock changed colour */
} CivicSchedulerReport;

gboolean civic_scheduler_run_batch (CivicDb              *db,
                                    CivicCalendar        *calendar,
                                    GDateTime            *now,
                                    guint                 batch_size,
                                    CivicSchedulerReport *report,
                                    gboolean             *more,
                                    GError              **error);
gboolean civic_scheduler_run_all   (CivicDb              *db,
                                    CivicCalendar        *calendar,
                                    GDateTime            *now,
                                    CivicSchedulerReport *report,
                                    GError              **error);

G_END_DECLS
