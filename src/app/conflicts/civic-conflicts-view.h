/* civic-conflicts-view.h — actions the service refused, to resolve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-section.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_CONFLICTS_VIEW (civic_conflicts_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicConflictsView, civic_conflicts_view, CIVIC, CONFLICTS_VIEW, CivicSection)

G_END_DECLS
