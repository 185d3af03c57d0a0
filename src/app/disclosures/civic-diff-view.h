/* civic-diff-view.h — two versions of a text side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "civic-text-diff.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_DIFF_VIEW (civic_diff_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicDiffView, civic_diff_view, CIVIC, DIFF_VIEW, GtkWidget)

GtkWidget              *civic_diff_view_new         (void);
void                    civic_diff_view_set_texts   (CivicDiffView *self,
                                                     const char    *old_title,
                                                     const char    *old_text,
                                                     const char    *new_title,
                                                     const char    *new_text);
const char             *civic_diff_view_get_summary (CivicDiffView *self);
GListModel             *civic_diff_view_get_rows    (CivicDiffView *self);
const CivicTextDiffRow *civic_diff_view_get_row     (CivicDiffView *self,
                                                     guint          position);
char                   *civic_diff_view_describe    (const CivicTextDiff *diff);

G_END_DECLS
