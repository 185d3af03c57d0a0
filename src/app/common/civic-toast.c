/* civic-toast.c — what a view says briefly, and how it reaches the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-toast"

#include "config.h"

#include "civic-toast.h"

/**
 * civic_toast_new:
 * @text: what to say, as plain text
 *
 * Returns: (transfer full): a toast that says it for a few seconds
 */
AdwToast *
civic_toast_new (const char *text)
{
  /* A toast's title is markup: a name with “&” must not blank it. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  /* Six seconds: time to read it and reach its Undo on a busy machine
   * (libadwaita's own is five) */
  adw_toast_set_timeout (toast, 6);
  return toast;
}

/**
 * civic_toast_add_signal:
 * @view_type: the view's type, in its class_init
 *
 * Declares the view's "add-toast" signal: (AdwToast *toast), the toast
 * owned by the emitter; a handler that keeps it takes a reference.
 *
 * Returns: the signal's id
 */
guint
civic_toast_add_signal (GType view_type)
{
  return g_signal_new ("add-toast", view_type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                       G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

/**
 * civic_toast_emit:
 * @view: a view with an "add-toast" signal
 * @text: what to say, as plain text
 *
 * Says briefly what happened, at the bottom of the window.
 */
void
civic_toast_emit (gpointer    view,
                  guint       signal_id,
                  const char *text)
{
  g_autoptr(AdwToast) toast = civic_toast_new (text);

  g_signal_emit (view, signal_id, 0, toast);
}
