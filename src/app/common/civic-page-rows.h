/* civic-page-rows.h — the groups and rows a record's page is made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-day.h"

G_BEGIN_DECLS

GtkWidget *civic_page_group_new (GtkWidget  *content,
                                 const char *title);
GtkWidget *civic_page_row_new   (GtkWidget  *group,
                                 const char *title,
                                 const char *subtitle);
GtkWidget *civic_page_line_new  (GtkWidget  *group,
                                 const char *text,
                                 const char *subtitle);
char      *civic_page_format_day (CivicDay   day);

G_END_DECLS
