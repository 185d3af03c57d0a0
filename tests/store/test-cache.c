/* test-cache.c — the client's offline cache, by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "civic-cache.h"
#include "civic-case-index.h"
#include "civic-core.h"
#include "civic-sqlite.h"

/* The cache without the service or the sync engine: pages of the change
 * feed made here from real cases (the form the service sends: the masked
 * case with its summary), applied, read back through the inbox's queues,
 * filters and search, with the official's own versions on top. */

#define TODAY "2026-03-20T10:00:00+08:00"

typedef struct
{
  char          *dir;
  CivicActor    *me;            /* a clerk of the market department */
  CivicActor    *colleague;     /* another clerk there */
  CivicCalendar *calendar;
  CivicCache    *cache;
} Fixture;

static CivicCase *
new_case (Fixture    *fixture,
          const char *id,
          const char *number,
          const char *item_name,
          const char *received)
{
  g_autoptr(GDateTime) at = civic_time_parse (received);
  CivicApplicant applicant = {
    CIVIC_APPLICANT_PERSON, (char *) "张三丰", (char *) "11010519491231002X",
    (char *) "13812345678", (char *) "湖南省长沙市岳麓区麓山南路1号", NULL, FALSE
  };
  CivicCase *kase = civic_case_new (id, number, at);

  civic_case_set_item (kase, "430000-FOOD-001", item_name, CIVIC_ITEM_KIND_LICENSING,
                       20, 10, CIVIC_TRACK_ORDINARY, FALSE, "《中华人民共和国食品安全法》第三十五条");
  civic_case_set_department (kase, "dept-market", "湖南省市场监督管理局");
  civic_case_set_channel (kase, CIVIC_CHANNEL_ONLINE);
  civic_case_set_applicant (kase, &applicant);
  civic_case_add_material (kase, "m1", "申请书", TRUE, TRUE);
  civic_case_start (kase, fixture->calendar);
  civic_case_set_rev (kase, 1);
  return kase;
}

/* @kase after @actor claimed it */
static CivicCase *
claimed (Fixture    *fixture,
         CivicCase  *kase,
         CivicActor *actor)
{
  g_autoptr(GDateTime) now = civic_time_parse (TODAY);
  g_autoptr(GError) error = NULL;
  CivicWorkflowContext context;
  CivicCase *next;

  civic_workflow_context_init (&context, fixture->calendar, now, actor);
  context.command_id = "claim-1";
  next = civic_workflow_apply (kase, CIVIC_ACTION_CLAIM, NULL, &context, &error);
  g_assert_no_error (error);
  civic_case_set_rev (next, civic_case_get_rev (kase) + 1);
  return next;
}

/* A case as the feed carries it: masked, with its summary for today */
static char *
feed_data (Fixture   *fixture,
           CivicCase *kase)
{
  g_autoptr(JsonNode) node = civic_case_to_masked_json (kase);
  g_autoptr(GDateTime) now = civic_time_parse (TODAY);
  JsonNode *summary = civic_case_summarize (kase, fixture->calendar, civic_time_day_of (now), NULL);

  json_object_set_member (json_node_get_object (node), "summary", summary);
  return civic_json_to_string (node, FALSE);
}

/* A page of the change feed, of changes in their JSON form (change ()) */
static GBytes *
page (gint64       next,
      gboolean     more,
      const char  *first,
      ...)
{
  g_autoptr(GString) out = g_string_new ("{\"changes\":[");
  va_list args;

  va_start (args, first);
  for (const char *change = first; change != NULL; change = va_arg (args, const char *))
    {
      if (change != first)
        g_string_append_c (out, ',');
      g_string_append (out, change);
    }
  va_end (args);
  g_string_append_printf (out, "],\"next\":%" G_GINT64_FORMAT ",\"more\":%s,\"head\":%"
                          G_GINT64_FORMAT "}", next, more ? "true" : "false", next);
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static char *
change (const char *type,
        const char *id,
        gint64      rev,
        gint64      seq,
        const char *data)
{
  return g_strdup_printf ("{\"type\":\"%s\",\"id\":\"%s\",\"rev\":%" G_GINT64_FORMAT
                          ",\"seq\":%" G_GINT64_FORMAT ",\"data\":%s}", type, id, rev, seq, data);
}

static char *
case_change (Fixture   *fixture,
             CivicCase *kase,
             gint64     seq)
{
  g_autofree char *data = feed_data (fixture, kase);

  return change (CIVIC_ENTITY_CASE, civic_case_get_id (kase), civic_case_get_rev (kase), seq,
                 data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("civicdesk-test-cache-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->me = civic_actor_new ("u-clerk", "李娜", "dept-market", CIVIC_ROLE_CLERK);
  fixture->colleague = civic_actor_new ("u-clerk2", "王芳", "dept-market", CIVIC_ROLE_CLERK);
  fixture->calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);
  fixture->cache = civic_cache_open (fixture->dir, fixture->me, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->cache);
  g_clear_object (&fixture->calendar);
  civic_actor_free (fixture->me);
  civic_actor_free (fixture->colleague);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static CivicCase *
load_server (Fixture     *fixture,
             const char  *id,
             GError     **error)
{
  return CIVIC_CASE (civic_cache_load_server_record (fixture->cache, &civic_case_kind, id, error));
}

static gboolean
set_local (Fixture     *fixture,
           const char  *id,
           CivicCase   *kase,
           GError     **error)
{
  return civic_cache_set_local (fixture->cache, &civic_case_kind, id, (GObject *) kase,
                                fixture->calendar, error);
}

static guint
count (Fixture         *fixture,
       CivicInboxQueue  queue,
       const char      *text)
{
  CivicInboxFilter filter = { queue, NULL, NULL, NULL, NULL, -1, text, CIVIC_INBOX_SORT_DUE };
  g_autoptr(GError) error = NULL;
  guint n = civic_cache_count_cases (fixture->cache, &filter, &error);

  g_assert_no_error (error);
  return n;
}

/* Three cases: one I claimed, one nobody has, one a colleague claimed */
static void
apply_three (Fixture *fixture)
{
  g_autoptr(CivicCase) a = new_case (fixture, "case-a", "20260302-SCJG-000001", "食品经营许可",
                                     "2026-03-02T09:00:00+08:00");
  g_autoptr(CivicCase) b = new_case (fixture, "case-b", "20260305-SCJG-000002", "药品零售许可",
                                     "2026-03-05T09:00:00+08:00");
  g_autoptr(CivicCase) c = new_case (fixture, "case-c", "20260310-SCJG-000003", "食品生产许可",
                                     "2026-03-10T09:00:00+08:00");
  g_autoptr(CivicCase) mine = claimed (fixture, a, fixture->me);
  g_autoptr(CivicCase) theirs = claimed (fixture, c, fixture->colleague);
  g_autofree char *ca = case_change (fixture, mine, 1);
  g_autofree char *cb = case_change (fixture, b, 2);
  g_autofree char *cc = case_change (fixture, theirs, 3);
  g_autofree char *dept = change (CIVIC_ENTITY_DEPARTMENT, "dept-market", 1, 4,
                                  "{\"id\":\"dept-market\",\"name\":\"湖南省市场监督管理局\"}");
  g_autoptr(GBytes) bytes = page (4, FALSE, ca, cb, cc, dept, NULL);
  g_autoptr(GError) error = NULL;
  gint64 next = 0;
  gboolean more = TRUE;
  guint n_changes = 0;

  g_assert_true (civic_cache_apply_page (fixture->cache, bytes, &next, &more, NULL, &n_changes,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (next, ==, 4);
  g_assert_false (more);
  g_assert_cmpuint (n_changes, ==, 4);
}

static void
test_open_new (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, CIVIC_CACHE_FILE, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (civic_cache_get_dir (fixture->cache), ==, fixture->dir);
  g_assert_null (civic_cache_get_damaged_path (fixture->cache));
  g_assert_cmpint (civic_cache_get_cursor (fixture->cache), ==, 0);
  g_assert_cmpstr (civic_cache_get_me (fixture->cache)->id, ==, "u-clerk");
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, NULL), ==, 0);

  /* A case it has not got is not there — not a damaged record */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (civic_cache_load_case (fixture->cache, "case-none", &error));
    g_assert_error (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, "The case is not in the offline copy");
  }
}

/* A cache that cannot be read is moved aside and a new one made; the
 * outbox beside it, the official's unsent work, is not touched. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, CIVIC_CACHE_FILE, NULL);
  g_autofree char *outbox = g_build_filename (fixture->dir, CIVIC_OUTBOX_FILE, NULL);
  g_autofree char *kept = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GError) error = NULL;
  const char *garbage = "This is not an SQLite database, whatever its name says.";

  apply_three (fixture);
  g_assert_finalize_object (g_steal_pointer (&fixture->cache));

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  g_assert_true (g_file_set_contents (outbox, "unsent work", -1, NULL));

  fixture->cache = civic_cache_open (fixture->dir, fixture->me, &error);
  g_assert_no_error (error);
  g_assert_nonnull (civic_cache_get_damaged_path (fixture->cache));
  g_assert_true (g_str_has_prefix (civic_cache_get_damaged_path (fixture->cache), path));
  g_assert_true (g_file_get_contents (civic_cache_get_damaged_path (fixture->cache), &moved,
                                      NULL, NULL));
  g_assert_cmpstr (moved, ==, garbage);
  g_assert_true (g_file_get_contents (outbox, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "unsent work");

  /* A new, empty cache: the next sync fetches everything again */
  g_assert_cmpint (civic_cache_get_cursor (fixture->cache), ==, 0);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, NULL), ==, 0);
  apply_three (fixture);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, NULL), ==, 3);
}

/* A page goes in whole: the cases in the inbox's queues, the cursor moved,
 * any other entity stored as sent. */
static void
test_apply_page (Fixture       *fixture,
                 gconstpointer  data)
{
  CivicInboxFilter all = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, NULL,
                           CIVIC_INBOX_SORT_RECEIVED };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) department = NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  CivicInboxRow *row;

  apply_three (fixture);
  g_assert_cmpint (civic_cache_get_cursor (fixture->cache), ==, 4);

  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, NULL), ==, 3);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_MINE, NULL), ==, 1);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_DEPARTMENT, NULL), ==, 1);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_WATCHING, NULL), ==, 0);

  /* Newest first, nothing parsed to show them */
  rows = civic_cache_list_cases (fixture->cache, &all, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->id, ==, "case-c");
  g_assert_cmpstr (row->assignee_id, ==, "u-clerk2");
  g_assert_cmpstr (row->assignee_name, ==, "王芳");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->id, ==, "case-a");
  g_assert_cmpstr (row->number, ==, "20260302-SCJG-000001");
  g_assert_cmpstr (row->item_name, ==, "食品经营许可");
  g_assert_cmpstr (row->assignee_id, ==, "u-clerk");
  g_assert_cmpstr (row->department_name, ==, "湖南省市场监督管理局");
  g_assert_cmpstr (row->channel, ==, "online");
  /* The applicant as the feed sends it: masked */
  g_assert_cmpstr (row->applicant, !=, "张三丰");
  g_assert_true (g_str_has_prefix (row->applicant, "张"));
  g_assert_cmpint (row->received_on, ==, civic_day_from_ymd (2026, 3, 2));
  g_assert_false (row->pending);
  g_assert_false (row->joint);

  /* Paged */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = civic_cache_list_cases (fixture->cache, &all, 2, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);

  kase = civic_cache_load_case (fixture->cache, "case-b", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_case_get_number (kase), ==, "20260305-SCJG-000002");
  g_assert_cmpint (civic_case_get_rev (kase), ==, 1);

  department = civic_cache_load_entity (fixture->cache, CIVIC_ENTITY_DEPARTMENT, "dept-market",
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (department), "name"), ==,
                   "湖南省市场监督管理局");
}

/* What cannot be read is refused whole: nothing of it is stored and the
 * cursor stays where it was. */
static void
test_bad_page (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CivicCase) d = new_case (fixture, "case-d", "20260311-SCJG-000004", "酒类经营许可",
                                     "2026-03-11T09:00:00+08:00");
  g_autofree char *good = case_change (fixture, d, 5);
  const char *broken = "{\"type\":\"case\",\"id\":\"case-e\",\"rev\":1}";
  g_autoptr(GBytes) mixed = page (6, FALSE, good, broken, NULL);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("{\"changes\":[", 12);
  g_autoptr(GError) error = NULL;
  gint64 next = 0;
  gboolean more = FALSE;

  apply_three (fixture);

  g_assert_false (civic_cache_apply_page (fixture->cache, mixed, &next, &more, NULL, NULL,
                                          &error));
  g_assert_error (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_BAD_PAGE);
  g_clear_error (&error);
  g_assert_false (civic_cache_apply_page (fixture->cache, garbage, &next, &more, NULL, NULL,
                                          &error));
  g_assert_error (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_BAD_PAGE);
  g_clear_error (&error);

  g_assert_cmpint (civic_cache_get_cursor (fixture->cache), ==, 4);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, NULL), ==, 3);
  g_assert_null (civic_cache_load_case (fixture->cache, "case-d", NULL));
}

/* The official's own version shows in place of the service's, marked
 * pending, until the service's answer makes it the service's again; a
 * newer service version meanwhile is kept, and the case named for the
 * engine to put the commands back on top. */
static void
test_local_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CivicCase) server = NULL;
  g_autoptr(CivicCase) local = NULL;
  g_autoptr(CivicCase) loaded = NULL;
  g_autoptr(CivicCase) newer = NULL;
  g_autoptr(GPtrArray) pending =
    g_ptr_array_new_with_free_func ((GDestroyNotify) civic_record_key_free);
  g_autofree char *changed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) local_keys = NULL;
  CivicRecordKey *key;
  gint64 next;
  gboolean more;

  apply_three (fixture);
  server = load_server (fixture, "case-b", &error);
  g_assert_no_error (error);

  /* I claim the case nobody had, offline */
  local = claimed (fixture, server, fixture->me);
  g_assert_true (set_local (fixture, "case-b", local, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_MINE, NULL), ==, 2);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_DEPARTMENT, NULL), ==, 0);
  loaded = civic_cache_load_case (fixture->cache, "case-b", &error);
  g_assert_cmpstr (civic_case_get_assignee_id (loaded), ==, "u-clerk");
  g_clear_object (&loaded);
  loaded = load_server (fixture, "case-b", &error);
  g_assert_null (civic_case_get_assignee_id (loaded));
  g_clear_object (&loaded);
  local_keys = civic_cache_dup_local (fixture->cache);
  g_assert_cmpuint (local_keys->len, ==, 1);
  key = g_ptr_array_index (local_keys, 0);
  g_assert_cmpstr (key->type, ==, CIVIC_ENTITY_CASE);
  g_assert_cmpstr (key->id, ==, "case-b");

  /* The service's newer version comes, a colleague's claim: stored, the
   * local version still shown, the case named */
  newer = claimed (fixture, server, fixture->colleague);
  changed = case_change (fixture, newer, 5);
  bytes = page (5, FALSE, changed, NULL);
  g_assert_true (civic_cache_apply_page (fixture->cache, bytes, &next, &more, pending, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  key = g_ptr_array_index (pending, 0);
  g_assert_cmpstr (key->type, ==, CIVIC_ENTITY_CASE);
  g_assert_cmpstr (key->id, ==, "case-b");
  loaded = civic_cache_load_case (fixture->cache, "case-b", NULL);
  g_assert_cmpstr (civic_case_get_assignee_id (loaded), ==, "u-clerk");
  g_clear_object (&loaded);
  loaded = load_server (fixture, "case-b", NULL);
  g_assert_cmpstr (civic_case_get_assignee_id (loaded), ==, "u-clerk2");
  g_clear_object (&loaded);

  /* No commands left: the service's version again */
  g_assert_true (set_local (fixture, "case-b", NULL, &error));
  g_assert_no_error (error);
  loaded = civic_cache_load_case (fixture->cache, "case-b", NULL);
  g_assert_cmpstr (civic_case_get_assignee_id (loaded), ==, "u-clerk2");
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_MINE, NULL), ==, 1);
  g_clear_pointer (&local_keys, g_ptr_array_unref);
  local_keys = civic_cache_dup_local (fixture->cache);
  g_assert_cmpuint (local_keys->len, ==, 0);
}

/* A cache of the first version kept the official's own versions of
 * cases in local_case: opened by this one, they are still shown, pending,
 * as records of the case's kind. */
static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, CIVIC_CACHE_FILE, NULL);
  g_autoptr(CivicCase) server = NULL;
  g_autoptr(CivicCase) local = NULL;
  g_autoptr(CivicCase) loaded = NULL;
  g_autoptr(CivicSqlite) db = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;

  apply_three (fixture);
  server = load_server (fixture, "case-b", NULL);
  local = claimed (fixture, server, fixture->me);
  g_assert_true (set_local (fixture, "case-b", local, &error));
  g_assert_finalize_object (g_steal_pointer (&fixture->cache));

  /* The first version's schema, as it was */
  db = civic_sqlite_open (path, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (civic_sqlite_exec (db,
                                    "CREATE TABLE local_case (id TEXT PRIMARY KEY, "
                                    "                         data TEXT NOT NULL) WITHOUT ROWID;"
                                    "INSERT INTO local_case SELECT id, data FROM local_entity;"
                                    "DROP TABLE local_entity;"
                                    "DROP TABLE case_chars;"
                                    "PRAGMA user_version = 1;", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  fixture->cache = civic_cache_open (fixture->dir, fixture->me, &error);
  g_assert_no_error (error);
  g_assert_null (civic_cache_get_damaged_path (fixture->cache));
  keys = civic_cache_dup_local (fixture->cache);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpstr (((CivicRecordKey *) g_ptr_array_index (keys, 0))->type, ==, CIVIC_ENTITY_CASE);
  g_assert_cmpstr (((CivicRecordKey *) g_ptr_array_index (keys, 0))->id, ==, "case-b");
  loaded = civic_cache_load_case (fixture->cache, "case-b", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_case_get_assignee_id (loaded), ==, "u-clerk");
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_MINE, NULL), ==, 2);
  /* The characters' index is made from the inbox's rows */
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "许可"), ==, 3);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "品"), ==, 3);
}

/* Chinese has no spaces: three characters anywhere in a name find it */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  apply_three (fixture);

  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "食品经营"), ==, 1);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "许可"), ==, 3);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "品生产"), ==, 1);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "SCJG-000002"), ==, 1);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "烟草"), ==, 0);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_MINE, "食品"), ==, 1);
  /* What a search box gets typed into it is text, never SQL */
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "\" OR 1=1 --"), ==, 0);
}

/* The ids of a page of the inbox, joined with commas */
static char *
listed (Fixture            *fixture,
        const char         *text,
        CivicInboxSort      sort,
        guint               offset,
        guint               limit)
{
  CivicInboxFilter filter = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, text, sort };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = civic_cache_list_cases (fixture->cache, &filter, offset, limit,
                                                      &error);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (ids, "%s%s", i ? "," : "",
                            ((CivicInboxRow *) g_ptr_array_index (rows, i))->id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* One or two characters are found from the characters' index, and find
 * exactly what LIKE '%…%' over the number, the applicant and the item
 * finds: every one- and two-character piece of the three cases, letters
 * in either case, the masking stars and the dashes; and after a case
 * changes, its new words, not its old ones. */
static void
test_search_short (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *extra[] = { "sc", "Jg", "-0", "**", "*", "-", "6-", "0", "烟", "%", "_", "\"", NULL };
  g_autofree char *path = g_build_filename (fixture->dir, CIVIC_CACHE_FILE, NULL);
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CivicSqlite) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean row;

  apply_three (fixture);
  db = civic_sqlite_open (path, NULL, 0, &error);
  g_assert_no_error (error);

  stmt = civic_sqlite_prepare (db, "SELECT number, applicant, item_name FROM case_index", &error);
  while (civic_sqlite_step (db, stmt, &row, &error) && row)
    for (int column = 0; column < 3; column++)
      {
        const char *text = civic_sqlite_column_text (stmt, column);

        for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
          {
            const char *second = g_utf8_next_char (p);

            g_ptr_array_add (queries, g_strndup (p, second - p));
            if (*second != '\0')
              g_ptr_array_add (queries, g_strndup (p, g_utf8_next_char (second) - p));
          }
      }
  sqlite3_reset (stmt);
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (queries, g_strdup (extra[i]));

  stmt = civic_sqlite_prepare (db, "SELECT count (*) FROM case_index WHERE "
                                   "  instr (lower (number), lower (?1)) OR "
                                   "  instr (lower (applicant), lower (?1)) OR "
                                   "  instr (lower (item_name), lower (?1))", &error);
  for (guint i = 0; i < queries->len; i++)
    {
      const char *query = g_ptr_array_index (queries, i);
      guint expected = 0;

      civic_sqlite_bind_text (stmt, 1, query);
      if (civic_sqlite_step (db, stmt, &row, &error) && row)
        expected = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      g_test_message ("%s: %u", query, expected);
      g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, query), ==, expected);
    }
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "食"), ==, 2);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "sc"), ==, 3);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, "烟"), ==, 0);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_MINE, "食品"), ==, 1);

  /* A page of them, in the inbox's order */
  {
    g_autofree char *ids = listed (fixture, "食", CIVIC_INBOX_SORT_DUE, 0, 50);

    g_assert_cmpstr (ids, ==, "case-a,case-c");
  }
}

/* A page of a search is read from the words' matches when they are few
 * for the page, and by walking the list in its order when they are many
 * (words_are_rare()): both give the same rows in the same order. "SCJG"
 * is in all three numbers: a page of one is filled by the walk, a page
 * of fifty from the matches. */
static void
test_search_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  static const CivicInboxSort sorts[] = {
    CIVIC_INBOX_SORT_DUE, CIVIC_INBOX_SORT_RECEIVED, CIVIC_INBOX_SORT_UPDATED,
  };

  apply_three (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autofree char *whole = listed (fixture, "SCJG", sorts[i], 0, 50);
      g_autofree char *first = listed (fixture, "SCJG", sorts[i], 0, 1);
      g_autofree char *second = listed (fixture, "SCJG", sorts[i], 1, 1);
      g_autofree char *third = listed (fixture, "SCJG", sorts[i], 2, 1);
      g_autofree char *pages = g_strjoin (",", first, second, third, NULL);

      g_assert_cmpstr (pages, ==, whole);
      g_assert_cmpuint (strlen (whole), ==, strlen ("case-a,case-b,case-c"));
    }

  {
    g_autofree char *received = listed (fixture, "SCJG", CIVIC_INBOX_SORT_RECEIVED, 0, 50);
    g_autofree char *rare = listed (fixture, "药品零售", CIVIC_INBOX_SORT_DUE, 0, 50);

    /* Newest first */
    g_assert_cmpstr (received, ==, "case-c,case-b,case-a");
    g_assert_cmpstr (rare, ==, "case-b");
  }
}

static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  apply_three (fixture);
  g_assert_false (civic_cache_is_watched (fixture->cache, "case-c"));
  g_assert_true (civic_cache_set_watched (fixture->cache, "case-c", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (civic_cache_is_watched (fixture->cache, "case-c"));
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_WATCHING, NULL), ==, 1);
  g_assert_true (civic_cache_set_watched (fixture->cache, "case-c", FALSE, &error));
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_WATCHING, NULL), ==, 0);
}

/* A reset forgets what the service sent, never the official's own
 * versions: they are made again from the outbox. */
static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CivicCase) server = NULL;
  g_autoptr(CivicCase) local = NULL;
  g_autoptr(GError) error = NULL;

  apply_three (fixture);
  server = load_server (fixture, "case-b", NULL);
  local = claimed (fixture, server, fixture->me);
  g_assert_true (set_local (fixture, "case-b", local, &error));

  g_assert_true (civic_cache_reset (fixture->cache, &error));
  g_assert_no_error (error);
  g_assert_cmpint (civic_cache_get_cursor (fixture->cache), ==, 0);
  g_assert_null (civic_cache_load_case (fixture->cache, "case-a", NULL));
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_ALL, NULL), ==, 1);
  g_assert_cmpuint (count (fixture, CIVIC_INBOX_MINE, NULL), ==, 1);
}

/* A disclosure as the feed or the outbox keeps it, with its title */
static CivicDisclosure *
new_disclosure (const char *id,
                const char *title)
{
  g_autoptr(CivicDisclosure) blank = civic_disclosure_new (id, "dept-market", "u-editor", "周敏");
  g_autoptr(JsonNode) node = civic_disclosure_to_json (blank);
  g_autoptr(GError) error = NULL;
  CivicDisclosure *disclosure;

  json_object_set_string_member (json_node_get_object (node), "title", title);
  disclosure = civic_disclosure_new_from_json (node, &error);
  g_assert_no_error (error);
  return disclosure;
}

static const char *
title_at (GPtrArray *records,
          guint      i)
{
  return civic_disclosure_get_title (CIVIC_DISCLOSURE (g_ptr_array_index (records, i)));
}

/* A draft written offline lives only in local_entity until the service
 * takes its create-disclosure: the Disclosures section must list it all
 * the same, beside the service's with the official's own versions on
 * top (docs/plans/disclosure.md, decision 2). */
static void
test_records_born_offline (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CivicDisclosure) published = new_disclosure ("d-1", "2026年一季度食品抽检结果");
  g_autoptr(CivicDisclosure) edited = new_disclosure ("d-1", "2026年一季度食品安全抽检结果");
  g_autoptr(CivicDisclosure) born = new_disclosure ("d-2", "关于调整药品零售许可办理时限的通知");
  g_autoptr(JsonNode) node = civic_disclosure_to_json (published);
  g_autofree char *json = civic_json_to_string (node, FALSE);
  g_autofree char *changed = change (CIVIC_ENTITY_DISCLOSURE, "d-1", 1, 1, json);
  g_autoptr(GBytes) bytes = page (1, FALSE, changed, NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gint64 next;
  gboolean more;

  g_assert_true (civic_cache_apply_page (fixture->cache, bytes, &next, &more, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (civic_cache_set_local (fixture->cache, &civic_disclosure_kind, "d-2",
                                        G_OBJECT (born), fixture->calendar, &error));
  g_assert_no_error (error);

  records = civic_cache_load_records (fixture->cache, &civic_disclosure_kind, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (title_at (records, 0), ==, "2026年一季度食品抽检结果");
  g_assert_cmpstr (title_at (records, 1), ==, "关于调整药品零售许可办理时限的通知");
  g_clear_pointer (&records, g_ptr_array_unref);

  /* The service's record edited offline: listed once, as edited */
  g_assert_true (civic_cache_set_local (fixture->cache, &civic_disclosure_kind, "d-1",
                                        G_OBJECT (edited), fixture->calendar, &error));
  records = civic_cache_load_records (fixture->cache, &civic_disclosure_kind, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (title_at (records, 0), ==, "2026年一季度食品安全抽检结果");
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Other kinds' offline records are not disclosures */
  records = civic_cache_load_records (fixture->cache, &civic_hearing_kind, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 0);
}

/* A view's set reads again only what changed: a record the feed brought
 * at another sequence, one the official acted on, one new */
static void
store_disclosure (Fixture    *fixture,
                  const char *id,
                  const char *title,
                  gint64      seq)
{
  g_autoptr(CivicDisclosure) disclosure = new_disclosure (id, title);
  g_autoptr(JsonNode) node = civic_disclosure_to_json (disclosure);
  g_autofree char *json = civic_json_to_string (node, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_cache_store_entity (fixture->cache, CIVIC_ENTITY_DISCLOSURE, id, seq, seq,
                                           json, &error));
  g_assert_no_error (error);
}

static void
test_refresh_records (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CivicRecordSet) set = civic_record_set_new ();
  g_autoptr(CivicDisclosure) edited = new_disclosure ("d-2", "二号（本机修改）");
  g_autoptr(GError) error = NULL;
  GPtrArray *records;
  GObject *first;
  guint n_read = 99;

  store_disclosure (fixture, "d-1", "一号", 1);
  store_disclosure (fixture, "d-2", "二号", 2);
  store_disclosure (fixture, "d-3", "三号", 3);
  g_assert_true (civic_cache_refresh_records (fixture->cache, &civic_disclosure_kind, set,
                                              &n_read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, 3);
  records = civic_record_set_get_records (set);
  g_assert_cmpuint (records->len, ==, 3);
  first = g_ptr_array_index (records, 0);

  /* Nothing changed: nothing read, the same objects */
  g_assert_true (civic_cache_refresh_records (fixture->cache, &civic_disclosure_kind, set,
                                              &n_read, &error));
  g_assert_cmpuint (n_read, ==, 0);
  g_assert_true (g_ptr_array_index (civic_record_set_get_records (set), 0) == first);

  /* The feed brought one again; the official edited another */
  store_disclosure (fixture, "d-3", "三号（新）", 4);
  g_assert_true (civic_cache_set_local (fixture->cache, &civic_disclosure_kind, "d-2",
                                        G_OBJECT (edited), fixture->calendar, &error));
  g_assert_true (civic_cache_refresh_records (fixture->cache, &civic_disclosure_kind, set,
                                              &n_read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, 2);
  records = civic_record_set_get_records (set);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_true (g_ptr_array_index (records, 0) == first);
  g_assert_cmpstr (title_at (records, 1), ==, "二号（本机修改）");
  g_assert_cmpstr (title_at (records, 2), ==, "三号（新）");

  /* The official's own version is always read again: it changes in place */
  g_assert_true (civic_cache_refresh_records (fixture->cache, &civic_disclosure_kind, set,
                                              &n_read, &error));
  g_assert_cmpuint (n_read, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cache/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open-new", test_open_new);
  ADD ("refresh-records", test_refresh_records);
  ADD ("damaged", test_damaged);
  ADD ("apply-page", test_apply_page);
  ADD ("bad-page", test_bad_page);
  ADD ("local-version", test_local_version);
  ADD ("migrate", test_migrate);
  ADD ("search", test_search);
  ADD ("search-pages", test_search_pages);
  ADD ("search-short", test_search_short);
  ADD ("watch", test_watch);
  ADD ("reset", test_reset);
  ADD ("records-born-offline", test_records_born_offline);

  return g_test_run ();
}
