/* civic-calendars-view.h — the Calendars section: the holiday notices every clock counts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-admin-view.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_CALENDARS_VIEW (civic_calendars_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicCalendarsView, civic_calendars_view, CIVIC, CALENDARS_VIEW, CivicAdminView)

gboolean civic_calendars_view_shown_to (const CivicActor *actor);

G_END_DECLS
