/* civic-feed.h — the change feed, filtered to what an official may see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-accounts.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_FEED_ERROR (civic_feed_error_quark ())

typedef enum
{
  CIVIC_FEED_ERROR_RESYNC,   /* the official's view changed: start again from 0 */
} CivicFeedError;

#define CIVIC_FEED_DEFAULT_LIMIT 500
#define CIVIC_FEED_MAX_LIMIT     5000

GQuark   civic_feed_error_quark (void);

GBytes  *civic_feed_changes     (CivicDb       *db,
                                 CivicAccount  *account,
                                 gint64         after,
                                 int            limit,
                                 GError       **error);
void     civic_json_append_string (GString     *out,
                                 const char    *value);

G_END_DECLS
