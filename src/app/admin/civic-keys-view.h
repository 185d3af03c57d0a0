/* civic-keys-view.h — the API Keys section: the Open311 clients that file citizens' messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-admin-view.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_KEYS_VIEW (civic_keys_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicKeysView, civic_keys_view, CIVIC, KEYS_VIEW, CivicAdminView)

gboolean civic_keys_view_shown_to (const CivicActor *actor);

G_END_DECLS
