/* test-fault-cache.c — the client's cache and outbox through power cuts, a
 * full disk and I/O errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-fault-cache"

#include "config.h"

#include <string.h>

#include "civic-accounts.h"
#include "civic-api-client.h"
#include "civic-cache.h"
#include "civic-case-kind.h"
#include "civic-case-index.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-outbox.h"
#include "civic-server-db.h"
#include "civic-sqlite.h"
#include "civic-sync-engine.h"

#include "civic-fault-fixture.h"
#include "civic-fault-vfs.h"

/* The two writes of the client that must survive anything:
 *
 * - an official's action: civic_sync_engine_perform() keeps the command
 *   in outbox.db, then shows its effect in cache.db (the case's local
 *   version). Once it returned the command's id, the command must be in
 *   the outbox after any power cut; if it failed, it must not be. The
 *   local version follows the outbox: a new engine makes it again from
 *   the outbox, so after a restart the action is there whole (command
 *   and local version) or not at all.
 * - a page of the change feed: civic_cache_apply_page() stores the
 *   changes and moves the cursor in one transaction. The cursor must
 *   never point past changes the cache does not have: the next sync
 *   starts from it and would never fetch them.
 *
 * The pages come from a small service made in process (civic_feed_changes,
 * what GET /api/v1/changes sends); no network is involved: the engine is
 * never started. */

/* A page of the change feed, as the service sent it. */
typedef struct
{
  GBytes    *bytes;
  gint64     next;
  gboolean   more;
  GPtrArray *keys;          /* "type/id" of each change */
  GPtrArray *case_numbers;  /* of the cases among them */
  guint      n_cases;
} Page;

typedef struct
{
  char            *dir;
  char            *name;
  CivicCache      *cache;
  CivicOutbox     *outbox;
  CivicApiClient  *client;
  CivicSyncEngine *engine;
} Trial;

typedef enum
{
  EXPECT_DONE,
  EXPECT_NOT_DONE,
  EXPECT_EITHER,
} Expect;

/* The operations under test, and what they do without faults. */
typedef struct
{
  const char *name;
  const char *baseline;    /* which of the baselines the trials start from */
  gboolean  (*run)       (Trial *trial);
  void      (*check)     (Trial *trial,
                          gboolean done,
                          Expect expect);
  void      (*recover)   (Trial *trial);  /* nullable: what the client does next */
  guint       calls[CIVIC_FAULT_N_METHODS];
} Operation;

#define COMMENT_TEXT "现场核查照片已收到"

static CivicActor *me;          /* the examiner of the demo department */
static Page first;              /* the feed but its last changes */
static Page second;             /* those last changes */
static char *half_baseline;     /* a cache with the first page, an empty outbox */
static char *full_baseline;     /* a cache with both pages, an empty outbox */
static char *target;            /* an open case the examiner may comment on */
static gint64 target_rev;
static guint target_events;

/* The client */

static void
client_open (Trial *trial)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outbox_path = g_build_filename (trial->dir, CIVIC_OUTBOX_FILE, NULL);

  trial->cache = civic_cache_open (trial->dir, me, &error);
  g_assert_no_error (error);
  /* A cache is only moved aside when it cannot be read. */
  g_assert_null (civic_cache_get_damaged_path (trial->cache));

  trial->outbox = civic_outbox_open (outbox_path, &error);
  g_assert_no_error (error);
  trial->client = civic_api_client_new ("http://127.0.0.1:9", &error);
  g_assert_no_error (error);

  /* Makes every case's local version again from the outbox, as at every
   * start of the client. */
  trial->engine = civic_sync_engine_new (trial->client, trial->cache, trial->outbox);
}

static void
client_close (Trial *trial)
{
  g_clear_object (&trial->engine);
  g_clear_object (&trial->client);
  g_clear_object (&trial->outbox);
  g_clear_object (&trial->cache);
}

static void
assert_intact (const char *dir,
               const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(CivicSqlite) db = civic_sqlite_open (path, NULL, 0, &error);
  sqlite3_stmt *stmt;
  gboolean row = FALSE;

  g_assert_no_error (error);
  stmt = civic_sqlite_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  civic_sqlite_step (db, stmt, &row, &error);
  g_assert_no_error (error);
  g_assert_true (row);
  g_assert_cmpstr (civic_sqlite_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);
}

static guint
count_cases (Trial *trial)
{
  g_autoptr(GError) error = NULL;
  CivicInboxFilter filter = { .queue = CIVIC_INBOX_ALL, .joint = -1 };
  guint n = civic_cache_count_cases (trial->cache, &filter, &error);

  g_assert_no_error (error);
  return n;
}

static CivicInboxRow *
find_inbox_row (Trial      *trial,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  CivicInboxFilter filter = { .queue = CIVIC_INBOX_ALL, .joint = -1 };
  g_autoptr(GPtrArray) rows = civic_cache_list_cases (trial->cache, &filter, 0, 10000, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      CivicInboxRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->id, id))
        return civic_inbox_row_copy (row);
    }
  return NULL;
}

static void
fail_trial (const Trial *trial,
            const char  *what)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", trial->name, what);

  g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
}

/* A page of the change feed */

static void
page_read (Page         *page,
           CivicDb          *db,
           CivicAccount *account,
           gint64        after,
           int           limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *changes;

  page->bytes = civic_feed_changes (db, account, after, limit, &error);
  g_assert_no_error (error);
  node = civic_json_parse (g_bytes_get_data (page->bytes, NULL), g_bytes_get_size (page->bytes),
                           &error);
  g_assert_no_error (error);

  object = json_node_get_object (node);
  page->next = json_object_get_int_member (object, "next");
  page->more = json_object_get_boolean_member (object, "more");
  page->keys = g_ptr_array_new_with_free_func (g_free);
  page->case_numbers = g_ptr_array_new_with_free_func (g_free);
  changes = json_object_get_array_member (object, "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      const char *type = json_object_get_string_member (change, "type");

      g_ptr_array_add (page->keys, g_strdup_printf ("%s/%s", type,
                                                    json_object_get_string_member (change, "id")));
      if (g_str_equal (type, "case"))
        {
          JsonObject *data = json_object_get_object_member (change, "data");

          g_ptr_array_add (page->case_numbers,
                           g_strdup (json_object_get_string_member (data, "number")));
          page->n_cases++;
        }
    }
}

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->bytes, g_bytes_unref);
  g_clear_pointer (&page->keys, g_ptr_array_unref);
  g_clear_pointer (&page->case_numbers, g_ptr_array_unref);
}

static gboolean
cache_has (Trial      *trial,
           const char *key)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (key, "/", 2);
  g_autoptr(JsonNode) node = civic_cache_load_entity (trial->cache, parts[0], parts[1], &error);

  g_assert_no_error (error);
  return node != NULL;
}

/* Whether the inbox's search finds the case with this number. */
static gboolean
search_finds (Trial      *trial,
              const char *number)
{
  g_autoptr(GError) error = NULL;
  CivicInboxFilter filter = { .queue = CIVIC_INBOX_ALL, .joint = -1, .text = number };
  guint n = civic_cache_count_cases (trial->cache, &filter, &error);

  g_assert_no_error (error);
  return n > 0;
}

/* Storing the second page */

static gboolean
run_apply_page (Trial *trial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending_ids =
    g_ptr_array_new_with_free_func ((GDestroyNotify) civic_record_key_free);
  gint64 next = 0;
  gboolean more = TRUE;
  guint n_changes = 0;

  if (!civic_cache_apply_page (trial->cache, second.bytes, &next, &more, pending_ids, &n_changes,
                               &error))
    {
      g_assert_nonnull (error);
      return FALSE;
    }

  g_assert_cmpint (next, ==, second.next);
  g_assert_false (more);
  g_assert_cmpuint (n_changes, ==, second.keys->len);
  return TRUE;
}

static void
check_apply_page (Trial    *trial,
                  gboolean  done,
                  Expect    expect)
{
  gint64 cursor = civic_cache_get_cursor (trial->cache);
  gboolean stored = cursor == second.next;

  if (cursor != first.next && cursor != second.next)
    fail_trial (trial, "the cursor is neither before nor after the page");
  if (expect == EXPECT_DONE && !stored)
    fail_trial (trial, "the page was stored, and is lost");
  if (expect == EXPECT_NOT_DONE && stored)
    fail_trial (trial, "the page failed, and its cursor is there");
  if (expect == EXPECT_EITHER && stored && !done)
    civic_fault_fixture_came_back ();

  /* The cursor says what the cache has: all of the page, or none. */
  for (guint i = 0; i < second.keys->len; i++)
    if (cache_has (trial, g_ptr_array_index (second.keys, i)) != stored)
      fail_trial (trial, stored ? "the cursor points past a change the cache does not have"
                                : "a change of the page is there without its cursor");
  for (guint i = 0; i < first.keys->len; i++)
    g_assert_true (cache_has (trial, g_ptr_array_index (first.keys, i)));
  g_assert_cmpuint (count_cases (trial), ==, first.n_cases + (stored ? second.n_cases : 0));

  /* The search index is written last in the page's transaction. */
  for (guint i = 0; i < second.case_numbers->len; i++)
    if (search_finds (trial, g_ptr_array_index (second.case_numbers, i)) != stored)
      fail_trial (trial, stored ? "a case of the page is stored, and search does not find it"
                                : "search finds a case of a page that is not stored");
  g_assert_true (search_finds (trial, g_ptr_array_index (first.case_numbers, 0)));
}

/* The next sync asks from the cursor and ends where the page does. */
static void
recover_apply_page (Trial *trial)
{
  if (civic_cache_get_cursor (trial->cache) == first.next)
    g_assert_true (run_apply_page (trial));
  g_assert_cmpint (civic_cache_get_cursor (trial->cache), ==, second.next);
  g_assert_cmpuint (count_cases (trial), ==, first.n_cases + second.n_cases);
}

/* An official's action */

static char *performed_id;  /* the id perform() returned in this trial */

static gboolean
run_perform (Trial *trial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) args = json_object_new ();

  json_object_set_string_member (args, "text", COMMENT_TEXT);
  g_clear_pointer (&performed_id, g_free);
  performed_id = civic_sync_engine_perform (trial->engine, target, CIVIC_ACTION_COMMENT, args,
                                            &error);
  /* An id means the action is kept (and no error); none, that it is not */
  if (performed_id == NULL)
    {
      g_assert_nonnull (error);
      return FALSE;
    }

  g_assert_no_error (error);
  return TRUE;
}

static void
check_perform (Trial    *trial,
               gboolean  done,
               Expect    expect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commands = civic_outbox_list (trial->outbox, NULL, &error);
  g_autoptr(GPtrArray) local = civic_cache_dup_local (trial->cache);
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(CivicInboxRow) row = NULL;
  gboolean kept;
  GPtrArray *events;

  g_assert_no_error (error);
  g_assert_cmpuint (commands->len, <=, 1);
  kept = commands->len == 1;

  if (expect == EXPECT_DONE && !kept)
    fail_trial (trial, "the action was kept, and is lost");
  if (expect == EXPECT_NOT_DONE && kept)
    fail_trial (trial, "the action failed, and its command is in the outbox");
  if (expect == EXPECT_EITHER && kept && !done)
    civic_fault_fixture_came_back ();

  kase = civic_cache_load_case (trial->cache, target, &error);
  g_assert_no_error (error);
  events = civic_case_get_events (kase);
  row = find_inbox_row (trial, target);
  g_assert_nonnull (row);

  if (kept)
    {
      CivicOutboxCommand *command = g_ptr_array_index (commands, 0);
      CivicCaseEvent *last = g_ptr_array_index (events, events->len - 1);

      if (done)
        g_assert_cmpstr (command->id, ==, performed_id);
      g_assert_cmpstr (command->type, ==, "comment");
      g_assert_cmpstr (command->target, ==, target);
      /* A read error of the base revision fails the action: a command is
       * never kept without the revision its official saw. */
      g_assert_true (command->has_base_rev);
      g_assert_cmpint (command->base_rev, ==, target_rev);
      g_assert_nonnull (strstr (command->args, COMMENT_TEXT));

      /* Its local version: the service's case with the comment on top. */
      g_assert_cmpuint (local->len, ==, 1);
      g_assert_cmpstr (((CivicRecordKey *) g_ptr_array_index (local, 0))->type, ==,
                       CIVIC_ENTITY_CASE);
      g_assert_cmpstr (((CivicRecordKey *) g_ptr_array_index (local, 0))->id, ==, target);
      g_assert_cmpuint (events->len, ==, target_events + 1);
      g_assert_cmpstr (last->type, ==, "comment");
      g_assert_cmpstr (last->command_id, ==, command->id);
      g_assert_cmpstr (last->text, ==, COMMENT_TEXT);
      g_assert_true (row->pending);
    }
  else
    {
      g_assert_cmpuint (local->len, ==, 0);
      g_assert_cmpuint (events->len, ==, target_events);
      g_assert_false (row->pending);
    }
  g_assert_cmpint (civic_case_get_rev (kase), ==, target_rev);
}

static Operation apply_page_operation = {
  .name = "apply-page", .run = run_apply_page, .check = check_apply_page,
  .recover = recover_apply_page,
};
static Operation perform_operation = {
  .name = "perform", .run = run_perform, .check = check_perform,
};

/* Trials */

static void
trial_start (Trial           *trial,
             const Operation *operation,
             const char      *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
trial_start (Trial           *trial,
             const Operation *operation,
             const char      *format,
             ...)
{
  va_list args;

  va_start (args, format);
  trial->name = g_strdup_vprintf (format, args);
  va_end (args);
  if (g_test_verbose ())
    g_test_message ("%s", trial->name);

  trial->dir = civic_fault_fixture_make_dir ("cache");
  civic_fault_fixture_copy_dir (operation->baseline, trial->dir);
  civic_fault_vfs_settle ();
  client_open (trial);
  civic_fault_vfs_reset_counts ();
}

/* The client is gone (its process died, or the power went) and starts
 * again. */
static void
trial_restart (Trial *trial)
{
  client_open (trial);
  assert_intact (trial->dir, CIVIC_CACHE_FILE);
  assert_intact (trial->dir, CIVIC_OUTBOX_FILE);
}

static void
trial_finish (Trial *trial)
{
  client_close (trial);
  civic_fault_vfs_settle ();
  civic_fault_fixture_remove_dir (trial->dir);
  g_clear_pointer (&trial->dir, g_free);
  g_clear_pointer (&trial->name, g_free);
  g_clear_pointer (&performed_id, g_free);
}

static const guint *
operation_learn (gpointer subject)
{
  Operation *operation = subject;
  Trial trial = { 0 };

  if (operation->calls[CIVIC_FAULT_SYNC] > 0)
    return operation->calls;

  trial_start (&trial, operation, "%s without faults", operation->name);
  g_assert_true (operation->run (&trial));
  for (guint i = 0; i < CIVIC_FAULT_N_METHODS; i++)
    operation->calls[i] = civic_fault_vfs_count (i);
  operation->check (&trial, TRUE, EXPECT_DONE);

  g_test_message ("%s: %u sync points, %u writes, %u reads, %u truncations", operation->name,
                  operation->calls[CIVIC_FAULT_SYNC], operation->calls[CIVIC_FAULT_WRITE],
                  operation->calls[CIVIC_FAULT_READ], operation->calls[CIVIC_FAULT_TRUNCATE]);
  if (operation->calls[CIVIC_FAULT_SYNC] == 0)
    fail_trial (&trial, "it returns before anything it wrote was synced");

  trial_finish (&trial);
  return operation->calls;
}

static void
power_cut_trial (gpointer  subject,
                 guint     k,
                 gboolean  torn,
                 guint32   seed)
{
  Operation *operation = subject;
  Trial trial = { 0 };
  guint n = operation->calls[CIVIC_FAULT_SYNC];
  gboolean done;

  if (k <= n)
    trial_start (&trial, operation, "%s, %spower cut at sync point %u of %u (seed %u)",
                 operation->name, torn ? "torn " : "", k, n, seed);
  else
    trial_start (&trial, operation, "%s, %spower cut after it returned, past its %u sync "
                 "points (seed %u)", operation->name, torn ? "torn " : "", n, seed);

  if (k <= n)
    civic_fault_vfs_cut_at_sync (k);
  done = operation->run (&trial);

  civic_fault_vfs_cut_now ();
  client_close (&trial);
  if (torn)
    civic_fault_vfs_power_cut_torn (seed);
  else
    civic_fault_vfs_power_cut ();
  trial_restart (&trial);

  operation->check (&trial, done, done ? EXPECT_DONE : torn ? EXPECT_EITHER : EXPECT_NOT_DONE);
  if (operation->recover != NULL)
    operation->recover (&trial);
  trial_finish (&trial);
}

static void
fault_trial (gpointer          subject,
             CivicFaultMethod  method,
             guint             n,
             int               rc,
             gboolean          sticky)
{
  Operation *operation = subject;
  Trial trial = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean done;

  trial_start (&trial, operation, "%s, %s %s at %s %u of %u", operation->name,
               sqlite3_errstr (rc), sticky ? "from" : "once", civic_fault_method_to_string (method),
               n, operation->calls[method]);

  if (sticky)
    civic_fault_vfs_fail_from (method, n, rc);
  else
    civic_fault_vfs_fail_once (method, n, rc);
  done = operation->run (&trial);
  civic_fault_vfs_clear_faults ();

  /* A kept action whose local version could not be written shows once
   * the engine makes the local versions again (at its next start, or
   * when the service answers): the outbox is the record. */
  civic_sync_engine_rebase_all (trial.engine, &error);
  g_assert_no_error (error);
  operation->check (&trial, done, done ? EXPECT_DONE : EXPECT_NOT_DONE);

  civic_fault_vfs_cut_now ();
  client_close (&trial);
  civic_fault_vfs_crash ();
  trial_restart (&trial);
  operation->check (&trial, done, done ? EXPECT_DONE : EXPECT_EITHER);
  if (operation->recover != NULL)
    operation->recover (&trial);

  trial_finish (&trial);
}

/* The baselines: a small service's feed, split in two pages */

static void
make_cache (const char *dir,
            const Page *page)
{
  Trial trial = { .dir = (char *) dir };
  g_autoptr(GPtrArray) pending_ids =
    g_ptr_array_new_with_free_func ((GDestroyNotify) civic_record_key_free);
  g_autoptr(GError) error = NULL;
  gint64 next;
  gboolean more;

  client_open (&trial);
  civic_cache_apply_page (trial.cache, page->bytes, &next, &more, pending_ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, ==, page->next);
  g_assert_cmpint (more, ==, page->more);
  client_close (&trial);
}

/* An open case of the examiner's department that they may comment on. */
static void
choose_target (void)
{
  Trial trial = { .dir = full_baseline };
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  client_open (&trial);
  for (guint i = 0; target == NULL && i < first.keys->len + second.keys->len; i++)
    {
      const char *key = i < first.keys->len ? g_ptr_array_index (first.keys, i)
                                            : g_ptr_array_index (second.keys, i - first.keys->len);

      if (g_str_has_prefix (key, "case/") &&
          civic_sync_engine_check (trial.engine, key + 5, CIVIC_ACTION_COMMENT, NULL))
        target = g_strdup (key + 5);
    }
  g_assert_nonnull (target);

  kase = CIVIC_CASE (civic_cache_load_server_record (trial.cache, &civic_case_kind, target,
                                                     &error));
  g_assert_no_error (error);
  target_rev = civic_case_get_rev (kase);
  target_events = civic_case_get_events (kase)->len;
  client_close (&trial);
}

static void
make_baselines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(CivicAccount) account = NULL;
  g_autofree char *service = civic_fault_fixture_make_dir ("service");
  Page all = { 0 };
  guint n_tail = 0;
  guint n_tail_cases = 0;

  civic_fault_fixture_make_service (service);
  db = civic_server_db_open (service, &error);
  g_assert_no_error (error);
  account = civic_accounts_find (db, "examiner", &error);
  g_assert_no_error (error);
  me = civic_account_to_actor (account);

  /* The second page holds the last half of the cases: the first page
   * makes a cache with cases in it, the second adds more. */
  page_read (&all, db, account, 0, CIVIC_FEED_MAX_LIMIT);
  g_assert_false (all.more);
  g_assert_cmpuint (all.n_cases, >=, 2);
  while (n_tail_cases < all.n_cases / 2)
    {
      const char *key = g_ptr_array_index (all.keys, all.keys->len - 1 - n_tail++);

      if (g_str_has_prefix (key, "case/"))
        n_tail_cases++;
    }
  page_read (&first, db, account, 0, all.keys->len - n_tail);
  page_read (&second, db, account, first.next, CIVIC_FEED_MAX_LIMIT);
  g_assert_true (first.more);
  g_assert_false (second.more);
  g_assert_cmpuint (second.keys->len, ==, n_tail);
  g_assert_cmpuint (second.n_cases, ==, n_tail_cases);
  g_assert_cmpuint (first.n_cases + second.n_cases, ==, all.n_cases);
  g_test_message ("the examiner's feed: %u changes, %u of them cases; the second page: the "
                  "last %u, %u of them cases", all.keys->len, all.n_cases, second.keys->len,
                  second.n_cases);
  page_clear (&all);

  g_clear_object (&db);
  civic_fault_fixture_remove_dir (service);

  half_baseline = civic_fault_fixture_make_dir ("half");
  make_cache (half_baseline, &first);
  full_baseline = civic_fault_fixture_make_dir ("full");
  civic_fault_fixture_copy_dir (half_baseline, full_baseline);
  make_cache (full_baseline, &second);
  choose_target ();

  apply_page_operation.baseline = half_baseline;
  perform_operation.baseline = full_baseline;
  civic_fault_vfs_settle ();
}

int
main (int    argc,
      char **argv)
{
  static const CivicFaultTrials trials = { operation_learn, power_cut_trial, fault_trial };
  Operation *operations[] = { &apply_page_operation, &perform_operation };
  int status;

  civic_fault_fixture_init (&argc, &argv);
  make_baselines ();

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    civic_fault_fixture_add_tests ("/fault/cache", operations[i]->name, &trials, operations[i]);

  status = g_test_run ();

  page_clear (&first);
  page_clear (&second);
  civic_fault_fixture_remove_dir (half_baseline);
  civic_fault_fixture_remove_dir (full_baseline);
  g_free (half_baseline);
  g_free (full_baseline);
  g_free (target);
  civic_actor_free (me);
  return status;
}
