/* civic-campaign-board.h — a department's idea campaigns, and their ideas as a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-campaign.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_CAMPAIGN_BOARD (civic_campaign_board_get_type ())
G_DECLARE_FINAL_TYPE (CivicCampaignBoard, civic_campaign_board, CIVIC, CAMPAIGN_BOARD, GtkWidget)

GtkWidget     *civic_campaign_board_new           (void);
void           civic_campaign_board_set_engine    (CivicCampaignBoard *self,
                                                   CivicSyncEngine    *engine);
void           civic_campaign_board_reload        (CivicCampaignBoard *self,
                                                   GPtrArray          *messages);
void           civic_campaign_board_show_campaign (CivicCampaignBoard *self,
                                                   const char         *campaign_id);
void           civic_campaign_board_new_campaign  (CivicCampaignBoard *self);
CivicCampaign *civic_campaign_board_get_campaign  (CivicCampaignBoard *self);
GtkListBox    *civic_campaign_board_get_column    (CivicCampaignBoard *self,
                                                   CivicIdeaStatus     status);

G_END_DECLS
