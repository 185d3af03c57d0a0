/* civic-case-row.h — one case in the inbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-calendar.h"
#include "civic-case-item.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_CASE_ROW (civic_case_row_get_type ())
G_DECLARE_FINAL_TYPE (CivicCaseRow, civic_case_row, CIVIC, CASE_ROW, AdwBin)

GtkWidget     *civic_case_row_new    (void);
void           civic_case_row_bind   (CivicCaseRow  *self,
                                      CivicCaseItem *item,
                                      CivicCalendar *calendar,
                                      const char    *me);
void           civic_case_row_unbind (CivicCaseRow  *self);
CivicCaseItem *civic_case_row_get_item (CivicCaseRow *self);

G_END_DECLS
