/* civic-scheduler.c — what happens by the passing of time alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-scheduler"

#include "config.h"

#include "civic-records.h"
#include "civic-scheduler.h"
#include "civic-supervision-records.h"

/* Each kind of record may have a daily job (CivicRecordStore.daily): the
 * case's deems untouched applications accepted and publishes clocks that
 * changed colour overnight (civic-case-jobs.c). The scheduler runs every
 * kind's at start-up, so nothing is missed while the service was down,
 * and then on a timer, in small batches that leave room for commands;
 * e-supervision's figures go first, reading again the records whose
 * colour changed (civic-supervision-records.c). */

/**
 * civic_scheduler_run_batch:
 * @more: (out): whether records are left to look at today
 *
 * Runs every kind's daily job on up to @batch_size of its records not yet
 * looked at today.
 */
gboolean
civic_scheduler_run_batch (CivicDb               *db,
                           CivicCalendar         *calendar,
                           GDateTime             *now,
                           guint                  batch_size,
                           CivicSchedulerReport  *report,
                           gboolean              *more,
                           GError               **error)
{
  const CivicRecordStore * const *stores = civic_records_stores ();

  /* E-supervision's figures first: the colours that changed this morning,
   * which a card's escalation goes by */
  if (!civic_supervision_daily (db, calendar, now, batch_size, report, more, error))
    return FALSE;

  for (guint i = 0; stores[i] != NULL; i++)
    {
      gboolean kind_more = FALSE;

      if (stores[i]->daily == NULL)
        continue;
      if (!stores[i]->daily (db, calendar, now, batch_size, report, &kind_more, error))
        return FALSE;
      *more = *more || kind_more;
    }

  return TRUE;
}

/**
 * civic_scheduler_run_all:
 *
 * Runs every daily job to the end of today's records, batch after batch:
 * what `serve` does at start-up before it listens.
 */
gboolean
civic_scheduler_run_all (CivicDb               *db,
                         CivicCalendar         *calendar,
                         GDateTime             *now,
                         CivicSchedulerReport  *report,
                         GError               **error)
{
  gboolean more = TRUE;

  while (more)
    if (!civic_scheduler_run_batch (db, calendar, now, 500, report, &more, error))
      return FALSE;

  return TRUE;
}
