/* civic-campaign-private.h — what the campaign's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-campaign.h"

G_BEGIN_DECLS

/* civic-campaign.c: the record and its wire format; civic-campaign-kind.c:
 * the commands on it. */

struct _CivicCampaign
{
  GObject             parent_instance;

  char               *id;
  gint64              rev;
  CivicCampaignState  state;
  char               *department_id;
  char               *title;
  char               *description;
  GStrv               topics;
  guint               channels;   /* 1 << CivicMessageChannel */
  CivicDay            opens_on;
  CivicDay            closes_on;
  char               *created_by_id;
  char               *created_by_name;
  CivicDay            opened_on;
  CivicDay            closed_on;
  char               *summary;    /* public: what came of it */
  CivicDay            concluded_on;
  char               *concluded_by_id;
  char               *concluded_by_name;
};

G_END_DECLS
