/* test-kind.c — a kind of record that is not a case, through the client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "civic-cache.h"
#include "civic-outbox.h"
#include "civic-sync-engine.h"
#include "civic-test-memo.h"
#include "civic-test-service.h"

/* A new job of the hall plugs into the client through its kind alone: the
 * memo (tests/civic-test-memo.c), registered here and nowhere in the
 * client's code, is read from the offline copy, checked and acted on by
 * the sync engine, kept in the outbox, shown in its local version, and
 * made again on top of the service's next version — the case's path,
 * without a line of the case's code. */

static void
test_memo_through_the_client (void)
{
  g_autofree char *dir = g_dir_make_tmp ("civicdesk-kind-XXXXXX", NULL);
  g_autofree char *outbox_path = g_build_filename (dir, "outbox.db", NULL);
  g_autofree char *first = civic_test_memo_feed_data ("memo-1", 1, "值班安排", "初稿");
  g_autofree char *second = civic_test_memo_feed_data ("memo-1", 2, "值班安排（修订）",
                                                            "初稿");
  g_autoptr(CivicActor) me = civic_actor_new ("u-me", "李明", "dept-market", CIVIC_ROLE_EXAMINER);
  g_autoptr(CivicCache) cache = NULL;
  g_autoptr(CivicOutbox) outbox = NULL;
  g_autoptr(CivicApiClient) client = NULL;
  g_autoptr(CivicSyncEngine) engine = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) tried = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autoptr(GPtrArray) commands = NULL;
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command_id = NULL;
  const CivicEntityKind *kind;
  guint action = G_MAXUINT;

  /* Registered, the kind answers for its type and its commands. */
  g_assert_null (civic_entity_kind_for_command ("memo-edit", NULL));
  civic_entity_kind_register (&civic_test_memo_kind);
  g_assert_true (civic_entity_kind_lookup ("memo") == &civic_test_memo_kind);
  kind = civic_entity_kind_for_command ("memo-edit", &action);
  g_assert_true (kind == &civic_test_memo_kind);
  g_assert_cmpuint (action, ==, CIVIC_TEST_MEMO_EDIT);
  g_assert_cmpstr (civic_command_label ("memo-close"), ==, "Close Memo");

  cache = civic_cache_open (dir, me, &error);
  g_assert_no_error (error);
  outbox = civic_outbox_open (outbox_path, &error);
  g_assert_no_error (error);
  client = civic_api_client_new ("http://127.0.0.1:9", &error);
  g_assert_no_error (error);
  g_assert_true (civic_cache_store_entity (cache, "memo", "memo-1", 1, 1, first, &error));
  g_assert_no_error (error);
  engine = civic_sync_engine_new (client, cache, outbox);

  /* What the offline copy has, and what the rules allow */
  record = civic_cache_load_record (cache, kind, "memo-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_test_memo_get_text (CIVIC_TEST_MEMO (record)), ==, "初稿");
  actions = civic_sync_engine_list_record_actions (engine, kind, record);
  g_assert_cmpuint (actions->len, ==, 2);
  g_assert_null (civic_cache_load_record (cache, kind, "memo-2", &error));
  g_assert_error (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The memo is not in the offline copy");
  g_clear_error (&error);

  /* Tried without its text, the rules refuse it and change nothing. */
  tried = civic_sync_engine_try_action (engine, kind, "memo-1", CIVIC_TEST_MEMO_EDIT, args, &error);
  g_assert_null (tried);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (civic_outbox_count (outbox), ==, 0);

  /* Taken offline: kept in the outbox, its effect shown at once. */
  json_object_set_string_member (args, "text", "修改稿");
  command_id = civic_sync_engine_perform_action (engine, kind, "memo-1", CIVIC_TEST_MEMO_EDIT,
                                                 args, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command_id);
  commands = civic_outbox_list (outbox, "memo-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (commands->len, ==, 1);
  g_assert_cmpstr (((CivicOutboxCommand *) g_ptr_array_index (commands, 0))->type, ==, "memo-edit");
  g_assert_cmpstr (((CivicOutboxCommand *) g_ptr_array_index (commands, 0))->id, ==, command_id);
  g_assert_cmpint (((CivicOutboxCommand *) g_ptr_array_index (commands, 0))->base_rev, ==, 1);
  g_clear_object (&record);
  record = civic_cache_load_record (cache, kind, "memo-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_test_memo_get_text (CIVIC_TEST_MEMO (record)), ==, "修改稿");

  /* A colleague's change arrives from the service: the official's edit is
   * made again on top of it, so both show. */
  g_assert_true (civic_cache_store_entity (cache, "memo", "memo-1", 2, 2, second, &error));
  g_assert_true (civic_sync_engine_rebase_all (engine, &error));
  g_assert_no_error (error);
  g_clear_object (&record);
  record = civic_cache_load_record (cache, kind, "memo-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_test_memo_get_title (CIVIC_TEST_MEMO (record)), ==, "值班安排（修订）");
  g_assert_cmpstr (civic_test_memo_get_text (CIVIC_TEST_MEMO (record)), ==, "修改稿");

  /* Closed, it is refused everything after. */
  g_clear_pointer (&command_id, g_free);
  command_id = civic_sync_engine_perform_action (engine, kind, "memo-1", CIVIC_TEST_MEMO_CLOSE,
                                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_false (civic_sync_engine_check_action (engine, kind, "memo-1", CIVIC_TEST_MEMO_EDIT,
                                                  &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE);
  g_assert_cmpuint (civic_outbox_count (outbox), ==, 2);

  g_clear_object (&engine);
  g_clear_object (&cache);
  g_clear_object (&outbox);
  civic_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kind/memo-through-the-client", test_memo_through_the_client);

  return g_test_run ();
}
