/* test-application.c — the application: its errors explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-application.h"

#include "civic-ui-test.h"

static void
test_explain_errors (void)
{
  static const CivicApiError codes[] = {
    CIVIC_API_ERROR_UNREACHABLE, CIVIC_API_ERROR_TLS, CIVIC_API_ERROR_WRONG_CREDENTIALS,
    CIVIC_API_ERROR_THROTTLED, CIVIC_API_ERROR_ACCOUNT_DISABLED,
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Each its own explanation. */
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (CIVIC_API_ERROR, codes[i], "details");
      char *text = civic_application_explain_error (error);

      g_assert_cmpuint (strlen (text), >, 20);
      g_assert_false (g_hash_table_contains (seen, text));
      g_hash_table_add (seen, text);
    }
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/application/explain-errors", test_explain_errors);

  return civic_ui_test_run ();
}
