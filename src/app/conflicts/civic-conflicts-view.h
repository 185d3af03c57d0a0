/* civic-conflicts-view.h — actions the service refused, to resolve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-outbox.h"
#include "civic-section.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_CONFLICTS_VIEW (civic_conflicts_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicConflictsView, civic_conflicts_view, CIVIC, CONFLICTS_VIEW, CivicSection)

/* What a kind's section shows of one of its refused commands besides its
 * reason: a stale save's text against the one saved since. @record is
 * the record as the service had it when it refused. */
typedef GtkWidget *(*CivicConflictDetailFunc) (const CivicConflict *conflict,
                                               GObject             *record);

void civic_conflicts_view_add_detail (const char              *command_type,
                                      CivicConflictDetailFunc  func);

G_END_DECLS
