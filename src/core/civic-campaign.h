/* civic-campaign.h — a solicitation of citizens' ideas (金点子征集)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-day.h"
#include "civic-message.h"

G_BEGIN_DECLS

/* A department asks the public for ideas on some topics, for a period,
 * through the channels it names, with a promise that the proposers and
 * what they wrote are kept confidential. The ideas are messages of the
 * kind idea that name the campaign (docs/plans/messages.md, decisions 1
 * and 10); the campaign is what was asked, when, and through which
 * doors, and, at the end, what came of it. */

typedef enum
{
  CIVIC_CAMPAIGN_STATE_DRAFT,      /*< nick=draft >*/      /* 筹备中 */
  CIVIC_CAMPAIGN_STATE_OPEN,       /*< nick=open >*/       /* 征集中 */
  CIVIC_CAMPAIGN_STATE_CLOSED,     /*< nick=closed >*/     /* 征集结束，评选中 */
  CIVIC_CAMPAIGN_STATE_CONCLUDED,  /*< nick=concluded >*/  /* 已公布结果 */
} CivicCampaignState;

#define CIVIC_N_CAMPAIGN_STATES (CIVIC_CAMPAIGN_STATE_CONCLUDED + 1)

#define CIVIC_CAMPAIGN_TOPICS_MAX 20

#define CIVIC_TYPE_CAMPAIGN (civic_campaign_get_type ())
G_DECLARE_FINAL_TYPE (CivicCampaign, civic_campaign, CIVIC, CAMPAIGN, GObject)

#define CIVIC_CAMPAIGN_ERROR (civic_campaign_error_quark ())

typedef enum
{
  CIVIC_CAMPAIGN_ERROR_INVALID,
} CivicCampaignError;

GQuark              civic_campaign_error_quark         (void);

const char         *civic_campaign_state_get_label     (CivicCampaignState  state);

CivicCampaign      *civic_campaign_new                 (const char         *id,
                                                        const char         *department_id);
CivicCampaign      *civic_campaign_copy                (CivicCampaign      *self);
CivicCampaign      *civic_campaign_new_from_json       (JsonNode           *node,
                                                        GError            **error);
JsonNode           *civic_campaign_to_json             (CivicCampaign      *self);
char               *civic_campaign_to_feed_json        (CivicCampaign      *self,
                                                        CivicDay            today);

const char         *civic_campaign_get_id              (CivicCampaign      *self);
gint64              civic_campaign_get_rev             (CivicCampaign      *self);
void                civic_campaign_set_rev             (CivicCampaign      *self,
                                                        gint64              rev);
CivicCampaignState  civic_campaign_get_state           (CivicCampaign      *self);
const char         *civic_campaign_get_department_id   (CivicCampaign      *self);
const char         *civic_campaign_get_title           (CivicCampaign      *self);
const char         *civic_campaign_get_description     (CivicCampaign      *self);
const char * const *civic_campaign_get_topics          (CivicCampaign      *self);
gboolean            civic_campaign_has_channel         (CivicCampaign      *self,
                                                        CivicMessageChannel channel);
CivicDay            civic_campaign_get_opens_on        (CivicCampaign      *self);
CivicDay            civic_campaign_get_closes_on       (CivicCampaign      *self);
const char         *civic_campaign_get_summary         (CivicCampaign      *self);
CivicDay            civic_campaign_get_concluded_on    (CivicCampaign      *self);
gboolean            civic_campaign_takes_ideas         (CivicCampaign      *self,
                                                        CivicMessageChannel channel,
                                                        CivicDay            day,
                                                        GError            **error);
char               *civic_campaign_describe_channels   (CivicCampaign      *self);
gboolean            civic_campaign_channels_from_nicks (const char * const *nicks,
                                                        guint              *channels);

G_END_DECLS
