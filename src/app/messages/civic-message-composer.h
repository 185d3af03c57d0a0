/* civic-message-composer.h — the reply to the citizen and the internal note, apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-message-kind.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_MESSAGE_COMPOSER (civic_message_composer_get_type ())
G_DECLARE_FINAL_TYPE (CivicMessageComposer, civic_message_composer, CIVIC, MESSAGE_COMPOSER,
                      GtkBox)

/* Which of its two writers shows */
typedef enum
{
  CIVIC_COMPOSER_REPLY,
  CIVIC_COMPOSER_NOTE,
} CivicComposerPart;

GtkWidget *civic_message_composer_new          (void);
void       civic_message_composer_set_message  (CivicMessageComposer *self,
                                                CivicMessage         *message,
                                                gboolean              may_reply,
                                                gboolean              may_note);
void       civic_message_composer_set_templates (CivicMessageComposer *self,
                                                JsonNode             *table);
guint      civic_message_composer_get_n_templates (CivicMessageComposer *self);
void       civic_message_composer_use_template (CivicMessageComposer *self,
                                                guint                 index);
void       civic_message_composer_show         (CivicMessageComposer *self,
                                                CivicComposerPart     part);
CivicComposerPart
           civic_message_composer_get_shown    (CivicMessageComposer *self);
GtkTextBuffer *civic_message_composer_get_buffer (CivicMessageComposer *self,
                                                CivicComposerPart     part);
GPtrArray *civic_message_composer_get_findings (CivicMessageComposer *self);
gboolean   civic_message_composer_can_send     (CivicMessageComposer *self,
                                                CivicComposerPart     part);
void       civic_message_composer_clear        (CivicMessageComposer *self,
                                                CivicComposerPart     part);

G_END_DECLS
