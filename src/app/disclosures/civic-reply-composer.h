/* civic-reply-composer.h — drafting the reply to a request, its statutory sentence in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-disclosure-request-kind.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_REPLY_COMPOSER (civic_reply_composer_get_type ())
G_DECLARE_FINAL_TYPE (CivicReplyComposer, civic_reply_composer, CIVIC, REPLY_COMPOSER, AdwWindow)

CivicReplyComposer *civic_reply_composer_new          (GtkWindow                   *parent,
                                                       CivicSyncEngine             *engine,
                                                       CivicDisclosureRequest      *request);
void                civic_reply_composer_set_outcome  (CivicReplyComposer          *self,
                                                       CivicDisclosureReplyOutcome  outcome);
void                civic_reply_composer_set_ground   (CivicReplyComposer          *self,
                                                       CivicDisclosureReplyGround   ground);
void                civic_reply_composer_set_detail   (CivicReplyComposer          *self,
                                                       const char                  *detail);
const char         *civic_reply_composer_get_finding  (CivicReplyComposer          *self);
const char         *civic_reply_composer_get_basis    (CivicReplyComposer          *self);
const char         *civic_reply_composer_get_refusal  (CivicReplyComposer          *self);
void                civic_reply_composer_set_public_interest (CivicReplyComposer   *self,
                                                          const char           *reasons);
gboolean            civic_reply_composer_get_asks_public_interest (CivicReplyComposer *self);
gboolean            civic_reply_composer_get_valid    (CivicReplyComposer          *self);
JsonObject         *civic_reply_composer_dup_args     (CivicReplyComposer          *self);
char               *civic_reply_composer_apply        (CivicReplyComposer          *self,
                                                       GError                     **error);

G_END_DECLS
