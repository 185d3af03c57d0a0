/* civic-campaign-records.h — idea campaigns as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-campaign.h"
#include "civic-message.h"
#include "civic-records.h"
#include "civic-db.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_campaign_store;

CivicCampaign *civic_campaign_records_load        (CivicDb       *db,
                                                   const char    *id,
                                                   GError       **error);
gboolean       civic_campaign_records_check_idea  (CivicDb       *db,
                                                   CivicMessage  *message,
                                                   GError       **error);
gboolean       civic_campaign_records_check_answer (CivicDb      *db,
                                                   CivicMessage  *message,
                                                   GError       **error);
char          *civic_campaign_records_department  (CivicDb       *db,
                                                   const char    *id,
                                                   GError       **error);
char          *civic_campaign_records_list_public (CivicDb       *db,
                                                   CivicDay       today,
                                                   GError       **error);
char          *civic_campaign_records_public      (CivicDb       *db,
                                                   const char    *id,
                                                   CivicDay       today,
                                                   GError       **error);
JsonNode      *civic_campaign_records_dup_public  (CivicDb       *db,
                                                   const char    *id,
                                                   CivicDay       today,
                                                   GError       **error);
GPtrArray     *civic_campaign_records_dup_all_public (CivicDb     *db,
                                                   CivicDay       today,
                                                   GError       **error);

G_END_DECLS
