/* civic-message-row.h — one message in the Messages section's queues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "civic-calendar.h"
#include "civic-message.h"

G_BEGIN_DECLS

/* A message as a queue lists it: read once, its running clock with it */
#define CIVIC_TYPE_MESSAGE_ITEM (civic_message_item_get_type ())
G_DECLARE_FINAL_TYPE (CivicMessageItem, civic_message_item, CIVIC, MESSAGE_ITEM, GObject)

CivicMessageItem *civic_message_item_new         (CivicMessage     *message,
                                                  CivicDay          due,
                                                  const char       *status,
                                                  gboolean          pending);
CivicMessage     *civic_message_item_get_message (CivicMessageItem *self);
CivicDay          civic_message_item_get_due     (CivicMessageItem *self);
char             *civic_message_item_describe    (CivicMessageItem *self,
                                                  CivicCalendar    *calendar,
                                                  CivicDay          today);

#define CIVIC_TYPE_MESSAGE_ROW (civic_message_row_get_type ())
G_DECLARE_FINAL_TYPE (CivicMessageRow, civic_message_row, CIVIC, MESSAGE_ROW, GtkWidget)

GtkWidget        *civic_message_row_new          (void);
void              civic_message_row_bind         (CivicMessageRow  *self,
                                                  CivicMessageItem *item,
                                                  CivicCalendar    *calendar,
                                                  CivicDay          today);

G_END_DECLS
