/* test-case-row.c — a case in the inbox's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-case-item.h"
#include "civic-case-row.h"
#include "civic-due-chip.h"
#include "civic-time.h"

#include "civic-ui-test.h"

static void
test_case_row_shows (void)
{
  CivicInboxFilter mine = { CIVIC_INBOX_MINE, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  g_autoptr(GPtrArray) rows = civic_cache_list_cases (civic_ui_test_cache (), &mine, 0,
                                                      1, NULL);
  CivicInboxRow *row = g_ptr_array_index (rows, 0);
  g_autoptr(CivicCaseItem) item = civic_case_item_new (civic_inbox_row_copy (row));
  GtkWidget *widget = civic_case_row_new ();
  g_autofree char *words = civic_due_chip_describe (row->status, row->due, civic_ui_test_calendar (),
                                                    civic_time_today ());

  g_object_ref_sink (widget);
  civic_case_row_bind (CIVIC_CASE_ROW (widget), item, civic_ui_test_calendar (), "u-examiner");

  g_assert_nonnull (civic_ui_test_find_label (widget, row->number));
  g_assert_nonnull (civic_ui_test_find_label (widget, row->item_name));
  g_assert_nonnull (civic_ui_test_find_label (widget, words));
  /* "with me" is not said of the official's own cases */
  g_assert_null (civic_ui_test_find_label (widget, row->assignee_name));

  civic_case_row_unbind (CIVIC_CASE_ROW (widget));
  g_assert_null (civic_case_row_get_item (CIVIC_CASE_ROW (widget)));
  g_assert_finalize_object (widget);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/case-row/shows", test_case_row_shows);

  return civic_ui_test_run ();
}
