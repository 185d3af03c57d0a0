/* civic-accessible.h — names a screen reader can read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void                civic_accessible_init               (void);
char               *civic_accessible_strip_mnemonic     (const char *label);
char               *civic_accessible_plain_title        (const char *label);
void                civic_accessible_set_name           (GtkWidget  *widget,
                                                         const char *name);
void                civic_accessible_name_list_row      (GtkWidget  *row_child,
                                                         const char *name);
void                civic_accessible_name_choices       (GtkWidget  *chooser,
                                                         const char *name);
void                civic_accessible_name_password_row  (AdwPasswordEntryRow *row);
void                civic_accessible_name_group         (GtkWidget  *widget,
                                                         const char *name);
void                civic_accessible_name_window_parts  (GtkWindow  *window);
void                civic_accessible_name_expander_row  (AdwExpanderRow *row);

G_END_DECLS
