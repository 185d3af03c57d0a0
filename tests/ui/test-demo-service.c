/* test-demo-service.c — the demo service: started, cancelled, started again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-demo-service.h"

#include "civic-ui-test.h"

static void
demo_started_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError **error = user_data;

  if (!civic_demo_service_start_finish (CIVIC_DEMO_SERVICE (source), result, error) &&
      *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "started");
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* Cancelled while it makes its data, it leaves nothing half made; the next
 * start makes the data anew and serves it. */
static void
test_demo_service_cancel_then_start (void)
{
  g_autofree char *dir = g_dir_make_tmp ("civicdesk-demo-XXXXXX", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "demo", NULL);
  g_autofree char *database = g_build_filename (data_dir, "civicdesk.db", NULL);
  g_autofree char *ready = g_build_filename (data_dir, "demo-ready", NULL);
  g_autoptr(CivicDemoService) demo = civic_demo_service_new (data_dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) started = NULL;

  g_setenv ("CIVICDESK_DEMO_CASES", "3000", TRUE);
  civic_demo_service_start_async (demo, cancellable, demo_started_cb, &error);
  g_timeout_add (300, cancel_cb, cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (civic_demo_service_is_running (demo));
  g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (ready, G_FILE_TEST_EXISTS));

  g_setenv ("CIVICDESK_DEMO_CASES", "200", TRUE);
  g_setenv ("CIVICDESK_DEMO_REQUESTS", "10", TRUE);
  g_setenv ("CIVICDESK_DEMO_MESSAGES", "100", TRUE);
  civic_demo_service_start_async (demo, NULL, demo_started_cb, &started);
  while (started == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (started, G_IO_ERROR, G_IO_ERROR_EXISTS);  /* i.e. started */
  g_assert_true (civic_demo_service_is_running (demo));
  g_assert_true (g_file_test (ready, G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_prefix (civic_demo_service_get_url (demo), "http://127.0.0.1:"));

  civic_demo_service_stop (demo);
  g_unsetenv ("CIVICDESK_DEMO_CASES");
  g_unsetenv ("CIVICDESK_DEMO_REQUESTS");
  g_unsetenv ("CIVICDESK_DEMO_MESSAGES");
  civic_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/demo-service/cancel-then-start", test_demo_service_cancel_then_start);

  return civic_ui_test_run ();
}
