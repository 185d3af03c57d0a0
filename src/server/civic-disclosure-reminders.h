/* civic-disclosure-reminders.h — what the service reminds an organ of its disclosure duties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-calendar.h"
#include "civic-scheduler.h"
#include "civic-db.h"

G_BEGIN_DECLS

gboolean civic_disclosure_reminders_daily (CivicDb              *db,
                                           CivicCalendar        *calendar,
                                           GDateTime            *now,
                                           guint                 batch_size,
                                           CivicSchedulerReport *report,
                                           gboolean             *more,
                                           GError              **error);

G_END_DECLS
