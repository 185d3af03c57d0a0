/* civic-messages-view.h — the Messages section: citizens' consultations, complaints, suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-campaign-board.h"
#include "civic-message-page.h"
#include "civic-section.h"

G_BEGIN_DECLS

/* The queues of the section's switch */
typedef enum
{
  CIVIC_MESSAGE_LIST_TO_SIGN,   /* new, for the department, or the hall's to route */
  CIVIC_MESSAGE_LIST_MINE,      /* open, the official's own */
  CIVIC_MESSAGE_LIST_REVIEW,    /* replies waiting for review; objections for the hall */
  CIVIC_MESSAGE_LIST_OPEN,      /* every open one the official sees */
  CIVIC_MESSAGE_LIST_ANSWERED,  /* replied, closed, merged or routed to a case */
} CivicMessageList;

#define CIVIC_TYPE_MESSAGES_VIEW (civic_messages_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicMessagesView, civic_messages_view, CIVIC, MESSAGES_VIEW, CivicSection)

gboolean          civic_messages_view_shown_to       (const CivicActor  *actor);
void              civic_messages_view_show_list      (CivicMessagesView *self,
                                                      CivicMessageList   list);
void              civic_messages_view_set_search     (CivicMessagesView *self,
                                                      const char        *text);
void              civic_messages_view_open_message   (CivicMessagesView *self,
                                                      const char        *message_id);
guint             civic_messages_view_get_n_to_do    (CivicMessagesView *self);
GListModel       *civic_messages_view_get_shown      (CivicMessagesView *self);
CivicMessagePage *civic_messages_view_get_page       (CivicMessagesView *self);
void              civic_messages_view_register       (CivicMessagesView *self);
void              civic_messages_view_show_campaigns (CivicMessagesView *self);
CivicCampaignBoard *civic_messages_view_get_board    (CivicMessagesView *self);

G_END_DECLS
