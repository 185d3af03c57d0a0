/* civic-supervision-records.h — the figures of e-supervision, kept as records change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-db.h"
#include "civic-entity.h"
#include "civic-scheduler.h"

G_BEGIN_DECLS

gboolean civic_supervision_track (CivicDb                *db,
                                  const CivicEntityKind  *kind,
                                  GObject                *record,
                                  CivicCalendar          *calendar,
                                  CivicDay                today,
                                  GError                **error);
gboolean civic_supervision_daily (CivicDb                *db,
                                  CivicCalendar          *calendar,
                                  GDateTime              *now,
                                  guint                   batch_size,
                                  CivicSchedulerReport   *report,
                                  gboolean               *more,
                                  GError                **error);

gboolean civic_supervision_recount_from (CivicDb             *db,
                                         CivicDay             day,
                                         GError             **error);

G_END_DECLS
