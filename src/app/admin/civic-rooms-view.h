/* civic-rooms-view.h — the Rooms section: where hearings are held, and when not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-admin-view.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_ROOMS_VIEW (civic_rooms_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicRoomsView, civic_rooms_view, CIVIC, ROOMS_VIEW, CivicAdminView)

gboolean civic_rooms_view_shown_to (const CivicActor *actor);

G_END_DECLS
