/* test-sync-indicator.c — the sync state in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-sync-indicator.h"

#include "civic-ui-test.h"

static void
test_sync_summary (void)
{
  CivicSyncEngine *engine = civic_ui_test_engine ();
  g_autofree char *synced = civic_sync_indicator_dup_summary (engine);

  g_assert_true (g_str_has_prefix (synced, "Synced "));
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/sync-indicator/summary", test_sync_summary);

  return civic_ui_test_run ();
}
