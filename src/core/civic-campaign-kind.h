/* civic-campaign-kind.h — an idea campaign as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-campaign.h"
#include "civic-entity.h"

G_BEGIN_DECLS

/* What a department does with its campaign (docs/plans/messages.md,
 * decision 10) */
typedef enum
{
  CIVIC_CAMPAIGN_ACTION_CREATE,    /*< nick=create-campaign >*/
  CIVIC_CAMPAIGN_ACTION_OPEN,      /*< nick=open-campaign >*/
  CIVIC_CAMPAIGN_ACTION_CLOSE,     /*< nick=close-campaign >*/
  CIVIC_CAMPAIGN_ACTION_CONCLUDE,  /*< nick=conclude-campaign >*/
} CivicCampaignAction;

#define CIVIC_N_CAMPAIGN_ACTIONS (CIVIC_CAMPAIGN_ACTION_CONCLUDE + 1)

extern const CivicEntityKind civic_campaign_kind;

const char          *civic_campaign_action_get_label     (CivicCampaignAction action);
const CivicArgument *civic_campaign_action_get_arguments (CivicCampaignAction action);

G_END_DECLS
