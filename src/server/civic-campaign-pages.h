/* civic-campaign-pages.h — idea campaigns on the public side, as HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-calendar.h"
#include "civic-day.h"
#include "civic-db.h"

G_BEGIN_DECLS

char *civic_campaign_pages_list     (CivicDb       *db,
                                     CivicDay       today,
                                     GError       **error);
char *civic_campaign_pages_campaign (CivicDb       *db,
                                     const char    *id,
                                     CivicDay       today,
                                     GError       **error);
char *civic_campaign_pages_submit   (CivicDb       *db,
                                     CivicCalendar *calendar,
                                     GDateTime     *now,
                                     const char    *id,
                                     GHashTable    *form,
                                     GPtrArray     *files,
                                     const char    *address,
                                     guint         *status,
                                     char         **receipt,
                                     GError       **error);

G_END_DECLS
