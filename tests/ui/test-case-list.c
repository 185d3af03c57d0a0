/* test-case-list.c — the inbox's list model, a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-case-item.h"
#include "civic-case-list.h"

#include "civic-ui-test.h"

static void
test_case_list_pages (void)
{
  CivicCache *cache = civic_ui_test_cache ();
  CivicCaseList *list = civic_case_list_new (cache);
  CivicInboxFilter all = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  CivicInboxFilter mine = { CIVIC_INBOX_MINE, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  guint n, fetches;
  CivicDay previous = 0;

  civic_case_list_set_filter (list, &all);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, civic_cache_count_cases (cache, &all, NULL));
  g_assert_cmpuint (n, >, 200);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CIVIC_TYPE_CASE_ITEM);

  /* A page is read once, for all its rows; past the end, nothing. */
  fetches = civic_case_list_get_n_fetches (list);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(CivicCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      const CivicInboxRow *row = civic_case_item_get_row (item);

      /* In due order, cases without a running limit last. */
      if (row->due != CIVIC_DAY_INVALID)
        {
          g_assert_cmpuint (row->due, >=, previous);
          previous = row->due;
        }
    }
  g_assert_cmpuint (civic_case_list_get_n_fetches (list), ==, fetches + 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  /* Another queue: fewer cases, every one of them the examiner's. */
  civic_case_list_set_filter (list, &mine);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, n);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CivicCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (civic_case_item_get_row (item)->assignee_id, ==, "u-examiner");
    }
  g_assert_finalize_object (list);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *n_changes)
{
  (*n_changes)++;
}

static void
count_signal (CivicCaseItem *item,
              guint         *n)
{
  (*n)++;
}

static void
test_case_list_refresh_in_place (void)
{
  CivicCache *cache = civic_ui_test_cache ();
  CivicSyncEngine *engine = civic_ui_test_engine ();
  CivicCaseList *list = civic_case_list_new (cache);
  CivicInboxFilter mine = { CIVIC_INBOX_MINE, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  g_autoptr(CivicCaseItem) first = NULL;
  g_autoptr(CivicCaseItem) again = NULL;
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint changed = 0, items_changed = 0;

  civic_case_list_set_filter (list, &mine);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_signal_connect (first, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &items_changed);
  g_assert_false (civic_case_item_get_row (first)->pending);

  /* The official comments on the first case: it stays where it is, the
   * same item, now marked pending. */
  json_object_set_string_member (args, "text", "已电话联系申请人");
  id = civic_sync_engine_perform (engine, civic_case_item_get_id (first), CIVIC_ACTION_COMMENT,
                                  args, &error);
  g_assert_no_error (error);
  civic_case_list_refresh (list);

  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (items_changed, ==, 0);
  g_assert_true (civic_case_item_get_row (first)->pending);

  civic_ui_test_sync ();
  civic_case_list_refresh (list);
  g_assert_false (civic_case_item_get_row (first)->pending);
  g_assert_finalize_object (list);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/case-list/pages", test_case_list_pages);
  g_test_add_func ("/ui/case-list/refresh-in-place", test_case_list_refresh_in_place);

  return civic_ui_test_run ();
}
