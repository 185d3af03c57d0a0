/* civic-toast.h — what a view says briefly, and how it reaches the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A view declares an "add-toast" signal (the libadwaita demo's pattern)
 * and the window's template connects it to its toast overlay: the view
 * never knows the window. */
AdwToast *civic_toast_new        (const char *text);
guint     civic_toast_add_signal (GType       view_type);
void      civic_toast_emit       (gpointer    view,
                                  guint       signal_id,
                                  const char *text);

G_END_DECLS
