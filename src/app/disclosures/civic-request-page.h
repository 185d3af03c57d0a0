/* civic-request-page.h — one request for information: its clock, its consultations, its reply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-disclosure-request-kind.h"
#include "civic-reply-composer.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_REQUEST_PAGE (civic_request_page_get_type ())
G_DECLARE_FINAL_TYPE (CivicRequestPage, civic_request_page, CIVIC, REQUEST_PAGE, GtkBox)

GtkWidget              *civic_request_page_new            (void);
void                    civic_request_page_set_engine     (CivicRequestPage             *self,
                                                           CivicSyncEngine              *engine);
void                    civic_request_page_show_request   (CivicRequestPage             *self,
                                                           const char                   *request_id);
const char             *civic_request_page_get_request_id (CivicRequestPage             *self);
CivicDisclosureRequest *civic_request_page_get_request    (CivicRequestPage             *self);
void                    civic_request_page_reload         (CivicRequestPage             *self);
void                    civic_request_page_start_action   (CivicRequestPage             *self,
                                                           CivicDisclosureRequestAction  action);
CivicReplyComposer     *civic_request_page_compose_reply  (CivicRequestPage             *self);

G_END_DECLS
