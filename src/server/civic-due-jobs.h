/* civic-due-jobs.h — what the service does at a given minute
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-calendar.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* A job that runs later than this is audited as late, with its delay */
#define CIVIC_DUE_JOB_LATE_SECONDS 60

gboolean   civic_due_jobs_add    (CivicDb        *db,
                                  const char     *id,
                                  GDateTime      *due_at,
                                  const char     *type,
                                  const char     *target,
                                  GError        **error);
gboolean   civic_due_jobs_cancel (CivicDb        *db,
                                  const char     *type,
                                  const char     *target,
                                  GError        **error);
gboolean   civic_due_jobs_complete (CivicDb      *db,
                                    const char   *id,
                                    GDateTime    *at,
                                    const char   *result,
                                    GError      **error);
GDateTime *civic_due_jobs_next   (CivicDb        *db,
                                  GError        **error);
gboolean   civic_due_jobs_run    (CivicDb        *db,
                                  CivicCalendar  *calendar,
                                  GDateTime      *now,
                                  const char     *public_url,
                                  guint           batch_size,
                                  guint          *n_run,
                                  gboolean       *more,
                                  GError        **error);

G_END_DECLS
