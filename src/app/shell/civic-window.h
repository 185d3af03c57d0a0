/* civic-window.h — the main window: sidebar of queues, inbox, conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-application.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_WINDOW (civic_window_get_type ())
G_DECLARE_FINAL_TYPE (CivicWindow, civic_window, CIVIC, WINDOW, AdwApplicationWindow)

CivicWindow *civic_window_new         (CivicApplication *application);
void         civic_window_open_case   (CivicWindow      *self,
                                       const char       *case_id);
void         civic_window_open_record (CivicWindow      *self,
                                       const char       *type,
                                       const char       *id);
void         civic_window_show_error  (CivicWindow      *self,
                                       const GError     *error);

G_END_DECLS
