/* civic-message-page.h — one citizen's message: what they wrote, its thread, its clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-message-composer.h"
#include "civic-message-kind.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_MESSAGE_PAGE (civic_message_page_get_type ())
G_DECLARE_FINAL_TYPE (CivicMessagePage, civic_message_page, CIVIC, MESSAGE_PAGE, GtkBox)

GtkWidget            *civic_message_page_new            (void);
void                  civic_message_page_set_engine     (CivicMessagePage   *self,
                                                         CivicSyncEngine    *engine);
void                  civic_message_page_show_message   (CivicMessagePage   *self,
                                                         const char         *message_id);
const char           *civic_message_page_get_message_id (CivicMessagePage   *self);
CivicMessage         *civic_message_page_get_message    (CivicMessagePage   *self);
void                  civic_message_page_reload         (CivicMessagePage   *self);
void                  civic_message_page_start_action   (CivicMessagePage   *self,
                                                         CivicMessageAction  action);
CivicMessageComposer *civic_message_page_get_composer   (CivicMessagePage   *self);
gboolean              civic_message_page_send           (CivicMessagePage   *self,
                                                         CivicComposerPart   part,
                                                         const char         *text,
                                                         GError            **error);

G_END_DECLS
