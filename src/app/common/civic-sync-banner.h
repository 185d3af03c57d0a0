/* civic-sync-banner.h — offline, or signed out: what happens to the work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_SYNC_BANNER (civic_sync_banner_get_type ())
G_DECLARE_FINAL_TYPE (CivicSyncBanner, civic_sync_banner, CIVIC, SYNC_BANNER, AdwBin)

GtkWidget       *civic_sync_banner_new        (void);
CivicSyncEngine *civic_sync_banner_get_engine (CivicSyncBanner *self);
void             civic_sync_banner_set_engine (CivicSyncBanner *self,
                                               CivicSyncEngine *engine);

G_END_DECLS
