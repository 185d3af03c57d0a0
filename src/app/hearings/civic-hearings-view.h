/* civic-hearings-view.h — the Hearings section: what to schedule, the week, the hearing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-hearing-grid.h"
#include "civic-section.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_HEARINGS_VIEW (civic_hearings_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicHearingsView, civic_hearings_view, CIVIC, HEARINGS_VIEW, CivicSection)

void              civic_hearings_view_open_hearing     (CivicHearingsView    *self,
                                                        const char           *hearing_id);
void              civic_hearings_view_show             (CivicHearingsView    *self,
                                                        CivicHearingGridMode  mode,
                                                        CivicDay              day);
guint             civic_hearings_view_get_n_to_schedule (CivicHearingsView   *self);
CivicHearingGrid *civic_hearings_view_get_grid         (CivicHearingsView    *self);
char             *civic_hearings_view_verdict          (CivicHearingsView    *self,
                                                        const char           *hearing_id,
                                                        CivicDay              day,
                                                        int                   minute,
                                                        const char           *room_id);

G_END_DECLS
