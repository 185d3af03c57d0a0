/* civic-message-pages.h — citizens' messages on the public side, as HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-calendar.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* What a message's page says first, after a form was sent */
typedef enum
{
  CIVIC_MESSAGE_PAGE_NEWS_NONE,
  CIVIC_MESSAGE_PAGE_NEWS_SENT,    /* the message: keep its receipt */
  CIVIC_MESSAGE_PAGE_NEWS_RATED,   /* the rating: thanks */
} CivicMessagePageNews;

char *civic_message_pages_form    (CivicDb       *db,
                                   GHashTable    *values,
                                   const char    *problem,
                                   GError       **error);
char *civic_message_pages_submit  (CivicDb       *db,
                                   CivicCalendar *calendar,
                                   GDateTime     *now,
                                   GHashTable    *form,
                                   GPtrArray     *files,
                                   const char    *address,
                                   guint         *status,
                                   char         **receipt,
                                   GError       **error);
char *civic_message_pages_status  (CivicDb       *db,
                                   const char    *receipt,
                                   CivicMessagePageNews news,
                                   GError       **error);
char *civic_message_pages_rate    (CivicDb       *db,
                                   CivicCalendar *calendar,
                                   GDateTime     *now,
                                   const char    *receipt,
                                   GHashTable    *form,
                                   const char    *address,
                                   guint         *status,
                                   GError       **error);
char *civic_message_pages_ratings (CivicDb       *db,
                                   GError       **error);
JsonNode *civic_message_pages_form_to_json (GHashTable *form);
void      civic_message_pages_file_field   (GString    *out);

G_END_DECLS
