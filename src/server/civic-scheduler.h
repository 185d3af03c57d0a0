/* civic-scheduler.h — what happens by the passing of time alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-calendar.h"
#include "civic-sqlite.h"

G_BEGIN_DECLS

typedef struct
{
  guint checked;
  guint deemed_accepted;
  guint recoloured;
} CivicSchedulerReport;

gboolean civic_scheduler_run_batch (CivicSqlite          *db,
                                    CivicCalendar        *calendar,
                                    GDateTime            *now,
                                    guint                 batch_size,
                                    CivicSchedulerReport *report,
                                    gboolean             *more,
                                    GError              **error);
gboolean civic_scheduler_run_all   (CivicSqlite          *db,
                                    CivicCalendar        *calendar,
                                    GDateTime            *now,
                                    CivicSchedulerReport *report,
                                    GError              **error);

G_END_DECLS
