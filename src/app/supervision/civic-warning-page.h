/* civic-warning-page.h — one supervision card: what it asks, its time, and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-sync-engine.h"
#include "civic-warning-kind.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_WARNING_PAGE (civic_warning_page_get_type ())
G_DECLARE_FINAL_TYPE (CivicWarningPage, civic_warning_page, CIVIC, WARNING_PAGE, GtkBox)

GtkWidget    *civic_warning_page_new          (void);
void          civic_warning_page_set_engine   (CivicWarningPage   *self,
                                               CivicSyncEngine    *engine);
void          civic_warning_page_show         (CivicWarningPage   *self,
                                               const char         *warning_id);
void          civic_warning_page_reload       (CivicWarningPage   *self);
CivicWarning *civic_warning_page_get_warning  (CivicWarningPage   *self);
void          civic_warning_page_start_action (CivicWarningPage   *self,
                                               CivicWarningAction  action);
char         *civic_warning_describe_department (CivicSyncEngine  *engine,
                                               const char         *department_id);

G_END_DECLS
