/* civic-case-jobs.h — what happens to a case by the passing of time alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-scheduler.h"

G_BEGIN_DECLS

gboolean civic_case_jobs_daily (CivicDb              *db,
                                CivicCalendar        *calendar,
                                GDateTime            *now,
                                guint                 batch_size,
                                CivicSchedulerReport *report,
                                gboolean             *more,
                                GError              **error);

G_END_DECLS
