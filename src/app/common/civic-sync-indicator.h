/* civic-sync-indicator.h — the sync state in the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_SYNC_INDICATOR (civic_sync_indicator_get_type ())
G_DECLARE_FINAL_TYPE (CivicSyncIndicator, civic_sync_indicator, CIVIC, SYNC_INDICATOR, AdwBin)

CivicSyncEngine *civic_sync_indicator_get_engine (CivicSyncIndicator *self);
void             civic_sync_indicator_set_engine (CivicSyncIndicator *self,
                                                  CivicSyncEngine    *engine);
char            *civic_sync_indicator_dup_summary (CivicSyncEngine   *engine);

G_END_DECLS
