/* civic-inbox-view.h — the workflow inbox: queues, search, filters, a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-cache.h"
#include "civic-case-index.h"
#include "civic-section.h"
#include "civic-sync-engine.h"
#include "civic-workflow.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_INBOX_VIEW (civic_inbox_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicInboxView, civic_inbox_view, CIVIC, INBOX_VIEW, CivicSection)

void            civic_inbox_view_set_queue      (CivicInboxView  *self,
                                                 CivicInboxQueue  queue);
CivicInboxQueue civic_inbox_view_get_queue      (CivicInboxView  *self);
void            civic_inbox_view_bind_settings  (CivicInboxView  *self,
                                                 GSettings       *settings);
void            civic_inbox_view_focus_search   (CivicInboxView  *self);
gboolean        civic_inbox_view_is_reading     (CivicInboxView  *self);
void            civic_inbox_view_open_case      (CivicInboxView  *self,
                                                 const char      *case_id);
void            civic_inbox_view_start_action   (CivicInboxView  *self,
                                                 CivicAction      action);
void            civic_inbox_view_refresh        (CivicInboxView  *self);
GListModel     *civic_inbox_view_get_model      (CivicInboxView  *self);

const char     *civic_inbox_queue_get_label     (CivicInboxQueue  queue);

G_END_DECLS
