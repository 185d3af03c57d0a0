/* civic-test-async.h — waiting for an async call, as a window's main loop would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Pass as the callback with &result (a GAsyncResult * set to NULL) as its
 * data; civic_test_await (&result) then runs the main context until the
 * call has finished and returns the result, which @slot owns. */
static inline void
civic_test_got_result (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static inline GAsyncResult *
civic_test_await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

G_END_DECLS
