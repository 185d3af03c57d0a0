/* civic-hearing-page.h — one hearing: its dates under the law, its people, its record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-hearing-kind.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_HEARING_PAGE (civic_hearing_page_get_type ())
G_DECLARE_FINAL_TYPE (CivicHearingPage, civic_hearing_page, CIVIC, HEARING_PAGE, GtkBox)

GtkWidget    *civic_hearing_page_new          (void);
void          civic_hearing_page_set_engine   (CivicHearingPage   *self,
                                               CivicSyncEngine    *engine);
void          civic_hearing_page_show_hearing (CivicHearingPage   *self,
                                               const char         *hearing_id);
const char   *civic_hearing_page_get_hearing_id (CivicHearingPage *self);
void          civic_hearing_page_reload       (CivicHearingPage   *self);
void          civic_hearing_page_start_action (CivicHearingPage   *self,
                                               CivicHearingAction  action,
                                               JsonObject         *args);
char         *civic_hearing_page_dup_draft    (CivicHearingPage   *self);

char         *civic_hearing_draft_path        (const char         *hearing_id);

G_END_DECLS
