/* test-catalogue.c — a department's catalogue through the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalogue editor revises an item in effect: a required material
 * added, the promised limit shortened; the guide in effect stays up while
 * the change is reviewed. Its author never approves it; a reviewer does,
 * with effect the next day. A case filed today keeps version 1's
 * materials and limits; one filed at 00:01 the next day is filed under
 * version 2, by the moment the version took effect, whether or not the
 * service was up at midnight to run its job. A limit above the law's is
 * saved as a draft but never submitted; another department and a
 * supervisor change nothing.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-item-guide.h"
#include "civic-json.h"
#include "civic-test-service.h"

static CivicTestService *service;
static char *editor, *reviewer, *both, *other_editor, *supervisor;

#define object_of civic_test_object_of
#define applied(token, type, target, args) take (token, type, target, args)
#define rejected(...) civic_test_rejected (service, __VA_ARGS__)

#define CODE "430000-SCJG-XK-0001"

static void
take (const char *token,
      const char *type,
      const char *target,
      const char *args)
{
  g_autoptr(JsonNode) holder = NULL;

  civic_test_applied (service, token, type, target, args, &holder);
}

static JsonObject *
item_in_feed (const char  *token,
              JsonNode   **holder)
{
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  JsonNode *node;

  civic_test_pull_all (service, token, 0, entities);
  node = g_hash_table_lookup (entities, "item/" CODE);
  if (node == NULL)
    return NULL;
  *holder = json_node_ref (node);
  return json_node_get_object (*holder);
}

/* Files an application for the item: the case's number */
static char *
apply_for (void)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (service, "POST", "/public/v1/applications", NULL,
                               "{\"item_code\": \"" CODE "\", \"materials\": [\"m1\"],"
                               " \"applicant\": {\"kind\": \"person\", \"name\": \"李小明\","
                               " \"id_number\": \"11010519491231002X\","
                               " \"phone\": \"13812345678\"}}", &status);
  g_assert_cmpuint (status, ==, 201);
  return g_strdup (json_object_get_string_member (object_of (answer), "number"));
}

static JsonObject *
case_numbered (const char  *number,
               GPtrArray  **holder)
{
  g_autofree char *token = civic_test_sign_in (service, "clerk");

  *holder = civic_test_pull_cases (service, token);
  for (guint i = 0; i < (*holder)->len; i++)
    {
      JsonObject *kase = g_ptr_array_index (*holder, i);

      if (g_strcmp0 (json_object_get_string_member (kase, "number"), number) == 0)
        return kase;
    }
  g_assert_not_reached ();
}

static gboolean
has_material (JsonObject *kase,
              const char *id)
{
  JsonArray *materials = json_object_get_array_member (kase, "materials");

  for (guint i = 0; i < json_array_get_length (materials); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (materials, i),
                                                  "id"), id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_version_takes_effect (void)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) later = NULL;
  g_autoptr(GPtrArray) cases_today = NULL;
  g_autoptr(GPtrArray) cases_tomorrow = NULL;
  g_autofree char *guide_text = NULL;
  g_autofree char *save = NULL;
  g_autofree char *today_number = NULL;
  g_autofree char *tomorrow_number = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GString) over = NULL;
  JsonObject *item, *guide, *kase, *pending;

  item = item_in_feed (editor, &holder);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "effective");
  g_assert_cmpint (json_object_get_int_member (item, "version"), ==, 1);
  /* Another department's catalogue is not in this one's feed */
  {
    g_autoptr(JsonNode) none = NULL;

    g_assert_null (item_in_feed (other_editor, &none));
  }

  applied (editor, "revise-item", CODE, NULL);
  /* The guide as the editor edits it: a required material, a shorter promise */
  guide = json_object_get_object_member (item, "guide");
  guide_text = civic_json_to_string (json_object_get_member (item, "guide"), FALSE);
  edited = g_string_new (guide_text);
  g_assert_nonnull (strstr (guide_text, "\"materials\":["));
  g_string_replace (edited, "\"materials\":[",
                    "\"materials\":[{\"id\":\"m9\",\"name\":\"食品安全管理制度文本\","
                    "\"required\":true,\"standard\":\"加盖公章\"},", 1);
  g_assert_true (json_object_has_member (guide, "promised"));
  over = g_string_new (edited->str);
  g_string_replace (over, "\"promised\":{\"days\":", "\"promised\":{\"days\":2", 1);
  save = g_strdup_printf ("{\"guide\": %s}", over->str);

  /* A promise longer than the law's limit is saved, never submitted */
  applied (editor, "save-item", CODE, save);
  rejected (editor, "submit-item", CODE, NULL, "rule");
  g_free (save);
  save = g_strdup_printf ("{\"guide\": %s}", edited->str);
  /* Whoever saved any of it wrote it */
  applied (both, "save-item", CODE, save);
  applied (editor, "submit-item", CODE, "{\"note\": \"新增材料\"}");

  rejected (both, "review-item", CODE, "{\"decision\": \"approve\", "
            "\"effective_on\": \"2026-03-21\"}", "role");
  rejected (other_editor, "review-item", CODE, "{\"decision\": \"approve\", "
            "\"effective_on\": \"2026-03-21\"}", "not-found");
  rejected (supervisor, "review-item", CODE, "{\"decision\": \"approve\", "
            "\"effective_on\": \"2026-03-21\"}", "forbidden");
  rejected (reviewer, "review-item", CODE, "{\"decision\": \"approve\", "
            "\"effective_on\": \"2026-03-19\"}", "argument");
  applied (reviewer, "review-item", CODE, "{\"decision\": \"approve\", "
           "\"effective_on\": \"2026-03-21\", \"comment\": \"同意\"}");

  /* Until then the guide in effect is version 1's */
  item = item_in_feed (editor, &after);
  g_assert_cmpint (json_object_get_int_member (item, "version"), ==, 1);
  pending = json_object_get_object_member (item, "pending");
  g_assert_cmpstr (json_object_get_string_member (pending, "state"), ==, "scheduled");
  g_assert_cmpint (json_object_get_int_member (pending, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (pending, "effective_at"), ==,
                   "2026-03-20T16:00:00.000Z");

  /* Filed today: version 1, without the new material */
  today_number = apply_for ();
  kase = case_numbered (today_number, &cases_today);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (kase, "item"),
                                               "version"), ==, 1);
  g_assert_false (has_material (kase, "m9"));

  /* 00:01 the next day: version 2, with it */
  civic_test_service_stop (service);
  g_setenv ("CIVICDESK_NOW", "2026-03-21T00:01:00+08:00", TRUE);
  civic_test_service_start (service);
  tomorrow_number = apply_for ();
  kase = case_numbered (tomorrow_number, &cases_tomorrow);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (kase, "item"),
                                               "version"), ==, 2);
  g_assert_true (has_material (kase, "m9"));
  /* The case filed before keeps what it was filed under */
  kase = case_numbered (today_number, &cases_today);
  g_assert_false (has_material (kase, "m9"));

  /* And the record says so: version 2 in effect since the 21st (the
   * session of the night before is over) */
  g_free (editor);
  editor = civic_test_sign_in (service, "catalogue-editor");
  item = item_in_feed (editor, &later);
  g_assert_cmpint (json_object_get_int_member (item, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (item, "effective_on"), ==, "2026-03-21");
  g_assert_true (json_object_get_null_member (item, "pending") ||
                 !json_object_has_member (item, "pending"));

  civic_test_service_stop (service);
  g_setenv ("CIVICDESK_NOW", CIVIC_TEST_NOW, TRUE);
  civic_test_service_start (service);
  g_free (editor);
  editor = civic_test_sign_in (service, "catalogue-editor");
}

/* A new item: made, filled in, and refused where the guide is wrong */
static void
test_new_item (void)
{
  g_autoptr(JsonNode) holder = NULL;

  rejected (editor, "create-item", "bad code!", "{\"name\": \"x\", \"type_code\": \"01\"}",
            "argument");
  rejected (editor, "create-item", "430000-SCJG-XK-9001", "{\"name\": \"x\", "
            "\"type_code\": \"31\"}", "argument");
  applied (editor, "create-item", "430000-SCJG-XK-9001", "{\"name\": \"食品小作坊登记\", "
           "\"type_code\": \"01\"}");
  rejected (editor, "create-item", "430000-SCJG-XK-9001", "{\"name\": \"x\", "
            "\"type_code\": \"01\"}", "state");
  rejected (editor, "save-item", "430000-SCJG-XK-9001", "{\"guide\": {\"name\": \"x\", "
            "\"type_code\": \"01\", \"statutory\": {\"days\": 20, "
            "\"unit\": \"working-days\"}, \"task_name\": \"x\"}}", "argument");
  /* Not applied for until it takes effect */
  {
    guint status;
    g_autoptr(JsonNode) answer = civic_test_request (service, "POST", "/public/v1/applications",
                                                     NULL,
                                                     "{\"item_code\": \"430000-SCJG-XK-9001\","
                                                     " \"applicant\": {\"kind\": \"person\","
                                                     " \"name\": \"李小明\", \"id_number\":"
                                                     " \"11010519491231002X\", \"phone\":"
                                                     " \"13812345678\"}}", &status);

    g_assert_cmpuint (status, ==, 422);
  }
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM item_version "
                                                   "WHERE code = '430000-SCJG-XK-9001'"), ==, 0);
  (void) holder;
}

/* A blank form for a material of the new item's draft: uploaded, attached,
 * read back; refused to others */
static void
test_files (void)
{
  static const char code[] = "430000-SCJG-XK-9001";
  g_autoptr(GBytes) content = g_bytes_new_static ("申请书\n申请人：____\n", strlen ("申请书\n申请人：____\n"));
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) refused_answer = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autofree char *attach = NULL;
  g_autofree char *path = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autofree char *clerk = civic_test_sign_in (service, "clerk");
  guint status;
  const char *sha256;

  applied (editor, "save-item", code, "{\"guide\": {\"name\": \"食品小作坊登记\", "
           "\"type_code\": \"01\", \"statutory\": {\"days\": 20, "
           "\"unit\": \"working-days\"}, \"materials\": [{\"id\": \"m1\", "
           "\"name\": \"登记申请书\", \"required\": true}]}}");

  refused_answer = civic_test_upload (service, "/api/v1/items/430000-SCJG-XK-9001/attachments?name="
                                      "%E7%94%B3%E8%AF%B7%E4%B9%A6.txt", clerk, "text/plain",
                                      content, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&refused_answer, json_node_unref);
  refused_answer = civic_test_upload (service, "/api/v1/items/430000-SCJG-XK-9001/attachments?name="
                                      "x.txt", other_editor, "text/plain", content, &status);
  g_assert_cmpuint (status, ==, 404);
  answer = civic_test_upload (service, "/api/v1/items/430000-SCJG-XK-9001/attachments?name="
                              "%E7%94%B3%E8%AF%B7%E4%B9%A6.txt", editor, "text/plain", content,
                              &status);
  g_assert_cmpuint (status, ==, 201);
  sha256 = json_object_get_string_member (object_of (answer), "sha256");
  g_assert_cmpuint (strlen (sha256), ==, 64);

  /* A file not uploaded for the item is refused */
  rejected (editor, "attach-item-file", code, "{\"material\": \"m1\", \"role\": \"sample\", "
            "\"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\", "
            "\"name\": \"x.txt\", \"media_type\": \"text/plain\", \"size\": 3}", "argument");
  attach = g_strdup_printf ("{\"material\": \"m1\", \"role\": \"blank-form\", "
                            "\"sha256\": \"%s\", \"name\": \"申请书.txt\", "
                            "\"media_type\": \"text/plain\", \"size\": %" G_GSIZE_FORMAT "}",
                            sha256, g_bytes_get_size (content));
  applied (editor, "attach-item-file", code, attach);
  {
    g_autoptr(JsonNode) item_holder = NULL;
    JsonObject *item = NULL;
    g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) json_node_unref);
    g_autofree char *text = NULL;

    civic_test_pull_all (service, editor, 0, entities);
    item = object_of (g_hash_table_lookup (entities, "item/430000-SCJG-XK-9001"));
    text = civic_json_to_string (json_object_get_member (item, "pending"), FALSE);
    g_assert_nonnull (strstr (text, "\"blank_form\":{\"sha256\":\""));
    (void) item_holder;
  }

  /* Its type and size are the upload's, whatever a command says; its name
   * one of its type's */
  {
    g_autofree char *forged = g_strdup_printf ("{\"material\": \"m1\", \"role\": \"sample\", "
                                               "\"sha256\": \"%s\", \"name\": \"样例.html\", "
                                               "\"media_type\": \"text/html\", \"size\": 1}",
                                               sha256);
    g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) json_node_unref);
    JsonObject *pending, *material, *sample;

    applied (editor, "attach-item-file", code, forged);
    civic_test_pull_all (service, editor, 0, entities);
    pending = json_object_get_object_member (object_of (g_hash_table_lookup (entities,
                                                                             "item/430000-SCJG-XK-9001")),
                                             "pending");
    material = json_array_get_object_element (json_object_get_array_member (
      json_object_get_object_member (pending, "guide"), "materials"), 0);
    sample = json_object_get_object_member (material, "sample");
    g_assert_cmpstr (json_object_get_string_member (sample, "media_type"), ==, "text/plain");
    g_assert_cmpstr (json_object_get_string_member (sample, "name"), ==, "样例.html.txt");
    g_assert_cmpint (json_object_get_int_member (sample, "size"), ==, g_bytes_get_size (content));
  }

  path = g_strdup_printf ("/api/v1/items/%s/attachments/%s", code, sha256);
  back = civic_test_download (service, path, editor, &status, &content_type);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (g_bytes_equal (back, content));
  g_clear_pointer (&back, g_bytes_unref);
  back = civic_test_download (service, path, other_editor, &status, NULL);
  g_assert_cmpuint (status, ==, 404);
  (void) holder;
}

static char *
cli (int          expected,
     const char  *first,
     ...) G_GNUC_NULL_TERMINATED;

/* Runs civicdesk-server with up to eight arguments: its output */
static char *
cli (int          expected,
     const char  *first,
     ...)
{
  const char *args[9] = { NULL };
  char *output = NULL;
  va_list list;
  guint n = 0;

  va_start (list, first);
  for (const char *arg = first; arg != NULL && n < 8; arg = va_arg (list, const char *))
    args[n++] = arg;
  va_end (list);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, args[0], args[1], args[2],
                                           args[3], args[4], args[5], args[6], args[7], NULL),
                   ==, expected);
  g_test_message ("%s", output);
  return output;
}

/* A province's list of 56 items of all eleven types: refused whole with
 * a bad item, then loaded; loaded again, nothing changes; exported, each
 * guide is the bytes it was imported as */
static void
test_import_export (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CIVICDESK_TEST_DATA"), "catalogue",
                                              "sample", "catalogue.json", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("civic-catalogue-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (tmp, "bad.json", NULL);
  g_autofree char *exported = g_build_filename (tmp, "export.json", NULL);
  g_autofree char *files = g_build_filename (tmp, "files", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *output = NULL;
  g_autoptr(JsonNode) input = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(GString) broken = NULL;
  g_autoptr(GHashTable) guides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *items;
  gint64 before = civic_test_count_rows (service, "SELECT count(*) FROM item_record");
  guint compared = 0;

  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  input = civic_json_parse (contents, -1, NULL);
  items = json_object_get_array_member (object_of (input), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 56);

  /* One limit over the law and one unknown department: nothing loaded,
   * both named */
  broken = g_string_new (contents);
  g_assert_true (g_string_replace (broken, "\"statutory\": {\n          \"days\": 20,",
                                   "\"statutory\": {\n          \"days\": 21,", 1) == 1);
  g_assert_true (g_string_replace (broken, "\"department\": \"jtt\"",
                                   "\"department\": \"nowhere\"", 1) == 1);
  g_assert_true (g_file_set_contents (bad, broken->str, -1, NULL));
  output = cli (1, "catalogue", "import", bad, NULL);
  g_assert_nonnull (strstr (output, "nothing changed. 2 items are wrong"));
  g_assert_nonnull (strstr (output, "no such department"));
  g_assert_nonnull (strstr (output, "(21 working days)"));
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM item_record"), ==, before);
  g_free (output);

  output = cli (0, "catalogue", "import", "--dry-run", sample, NULL);
  g_assert_nonnull (strstr (output, "56 new items, 0 changed, 0 unchanged"));
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM item_record"), ==, before);
  g_free (output);
  output = cli (0, "catalogue", "import", sample, NULL);
  g_assert_nonnull (strstr (output, "56 new items, 0 changed, 0 unchanged"));
  g_free (output);
  /* Again: a replay, nothing new */
  output = cli (0, "catalogue", "import", sample, NULL);
  g_assert_nonnull (strstr (output, "0 new items, 0 changed, 56 unchanged"));
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM item_record"), ==,
                   before + 56);
  /* The blank form came with its item */
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM item_upload WHERE "
                                                   "uploaded_by = 'import'"), ==, 1);

  /* In effect once the service has run its jobs */
  civic_test_service_stop (service);
  civic_test_service_start (service);
  g_free (editor);
  editor = civic_test_sign_in (service, "catalogue-editor");

  output = cli (0, "catalogue", "export", "--department", "scjg", "--files", files, "--output",
                exported, NULL);
  {
    g_autofree char *text = NULL;
    JsonArray *out_items;

    g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
    back = civic_json_parse (text, -1, NULL);
    g_assert_nonnull (back);
    g_assert_cmpstr (json_object_get_string_member (object_of (back), "format"), ==,
                     "civicdesk-catalogue");
    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);
        g_autoptr(JsonNode) canonical = NULL;

        canonical = civic_item_guide_canonicalize (json_object_get_member (item, "guide"),
                                                   NULL);
        g_hash_table_insert (guides, g_strdup (json_object_get_string_member (item, "code")),
                             civic_json_to_string (canonical, FALSE));
      }
    out_items = json_object_get_array_member (object_of (back), "items");
    for (guint i = 0; i < json_array_get_length (out_items); i++)
      {
        JsonObject *item = json_array_get_object_element (out_items, i);
        const char *expected = g_hash_table_lookup (guides,
                                                    json_object_get_string_member (item, "code"));
        g_autofree char *guide = civic_json_to_string (json_object_get_member (item, "guide"),
                                                       FALSE);

        g_assert_cmpstr (json_object_get_string_member (item, "department"), ==, "scjg");
        if (expected == NULL)
          continue;
        g_assert_cmpstr (guide, ==, expected);
        compared++;
      }
  }
  g_assert_cmpuint (compared, >=, 10);

  /* A special law's limit in calendar days: the case counts in them */
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *guide = json_object_get_object_member (item, "guide");

      if (g_str_equal (json_object_get_string_member (guide, "name"), "特种设备生产单位许可"))
        {
          g_autofree char *body = NULL;
          g_autoptr(JsonNode) answer = NULL;
          g_autoptr(GPtrArray) cases = NULL;
          JsonObject *kase;
          guint status;

          body = g_strdup_printf ("{\"item_code\": \"%s\", \"applicant\": {\"kind\": "
                                  "\"organisation\", \"name\": \"湘江锅炉有限公司\", "
                                  "\"id_number\": \"91430100MA4L16JQ9D\", \"contact\": "
                                  "\"王工\", \"phone\": \"13812345678\"}}",
                                  json_object_get_string_member (item, "code"));
          answer = civic_test_request (service, "POST", "/public/v1/applications", NULL, body,
                                       &status);
          g_assert_cmpuint (status, ==, 201);
          kase = case_numbered (json_object_get_string_member (object_of (answer), "number"),
                                &cases);
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (kase,
                                                                                          "item"),
                                                          "statutory_unit"), ==, "calendar-days");
          g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (kase, "item"),
                                                       "statutory_days"), ==, 30);
          compared = 0;
        }
    }
  g_assert_cmpuint (compared, ==, 0);
  g_assert_true (g_file_test (files, G_FILE_TEST_IS_DIR));
  {
    g_autoptr(GDir) dir = g_dir_open (files, 0, NULL);

    g_assert_nonnull (g_dir_read_name (dir));
  }
  civic_test_remove_tree (tmp);
}

static char *
public_text (const char *path,
             guint       expected)
{
  guint status;
  g_autoptr(GBytes) bytes = civic_test_fetch (service, path, NULL, &status, NULL, NULL);

  g_assert_cmpuint (status, ==, expected);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

#define MARKER_NAME "草稿名称-7QX"
#define MARKER_NOTE "内部说明-勿外传-3KD"
#define MARKER_COMMENT "审核意见-勿外传-9TZ"

/* The public guide: what is in effect, searchable; never a draft, a note,
 * a review comment or a version to come */
static void
test_public_guide (void)
{
  g_autofree char *list = NULL;
  g_autofree char *short_list = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *one = NULL;
  g_autofree char *page = NULL;
  g_autofree char *search_page = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *draft_page = NULL;
  g_autofree char *save = NULL;
  g_autofree char *guide_text = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GString) edited = NULL;
  const char *paths[] = { "/public/v1/items?q=" "%E9%A3%9F%E5%93%81" "&per_page=50",
                          "/public/v1/items/" CODE, "/public/items/" CODE,
                          "/public/items?q=%E9%A3%9F%E5%93%81", "/public/items",
                          "/public/v1/items?department=scjg&per_page=50" };
  JsonObject *item, *answer;

  /* A change drafted, noted, returned with a comment, submitted again and
   * approved for a day to come: none of it public */
  item = item_in_feed (editor, &holder);
  applied (editor, "revise-item", CODE, NULL);
  guide_text = civic_json_to_string (json_object_get_member (item, "guide"), FALSE);
  edited = g_string_new (guide_text);
  g_assert_true (g_string_replace (edited, "\"name\":\"", "\"name\":\"" MARKER_NAME, 1) == 1);
  save = g_strdup_printf ("{\"guide\": %s}", edited->str);
  applied (editor, "save-item", CODE, save);
  applied (editor, "submit-item", CODE, "{\"note\": \"" MARKER_NOTE "\"}");
  applied (reviewer, "review-item", CODE, "{\"decision\": \"return\", \"comment\": \""
           MARKER_COMMENT "\"}");
  applied (editor, "submit-item", CODE, NULL);
  applied (reviewer, "review-item", CODE, "{\"decision\": \"approve\", "
           "\"effective_on\": \"2026-06-01\"}");

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *body = public_text (paths[i], 200);

      g_assert_null (strstr (body, MARKER_NAME));
      g_assert_null (strstr (body, MARKER_NOTE));
      g_assert_null (strstr (body, MARKER_COMMENT));
      g_assert_null (strstr (body, "catalogue-editor"));
    }

  /* The search: words (a trigram and a two-character one), a department,
   * a type */
  list = public_text ("/public/v1/items?q=%E7%89%B9%E6%AE%8A%E9%A3%9F%E5%93%81", 200);
  parsed = civic_json_parse (list, -1, NULL);
  answer = object_of (parsed);
  g_assert_cmpint (json_object_get_int_member (answer, "total"), >=, 1);
  g_assert_nonnull (strstr (list, CODE));
  short_list = public_text ("/public/v1/items?q=%E8%AE%B8%E5%8F%AF&department=scjg", 200);
  g_assert_nonnull (strstr (short_list, "\"department\":\"scjg\""));
  g_assert_null (strstr (short_list, "\"department\":\"zrzyt\""));
  typed = public_text ("/public/v1/items?type=20&per_page=50", 200);
  g_assert_null (strstr (typed, "\"type_code\":\"01\""));
  g_free (public_text ("/public/v1/items?type=99", 400));
  g_free (public_text ("/public/v1/items?per_page=51", 400));

  /* One guide: what a citizen needs before applying */
  one = public_text ("/public/v1/items/" CODE, 200);
  g_assert_nonnull (strstr (one, "食品安全管理制度文本"));
  g_assert_nonnull (strstr (one, "\"version\":2"));
  page = public_text ("/public/items/" CODE, 200);
  g_assert_nonnull (strstr (page, "食品安全管理制度文本"));
  g_assert_nonnull (strstr (page, "What to Bring"));
  g_assert_nonnull (strstr (page, "How Long It Takes"));
  search_page = public_text ("/public/items?q=%E9%A3%9F%E5%93%81", 200);
  g_assert_nonnull (strstr (search_page, "/public/items/" CODE));

  /* An item never in effect is nowhere */
  draft = public_text ("/public/v1/items/430000-SCJG-XK-9001", 404);
  draft_page = public_text ("/public/items/430000-SCJG-XK-9001", 404);
  g_assert_null (strstr (draft_page, "食品小作坊登记"));
}

/* A repeal: gone from the search, its guide says when and why */
static void
test_public_repeal (void)
{
  g_autofree char *page = NULL;
  g_autofree char *list = NULL;
  g_autofree char *code = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  GHashTableIter iter;
  gpointer key, value;

  /* Another item of the department, in effect, with nothing pending */
  civic_test_pull_all (service, editor, 0, entities);
  g_hash_table_iter_init (&iter, entities);
  while (code == NULL && g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "item/430000-SCJG-GG-") &&
        json_object_get_null_member (object_of (value), "pending"))
      code = g_strdup ((const char *) key + strlen ("item/"));
  g_assert_nonnull (code);

  applied (reviewer, "repeal-item", code, "{\"effective_on\": \"2026-03-20\", "
           "\"basis\": \"湘政发〔2026〕9号\"}");
  /* Today: in effect at once, once the service runs its job */
  civic_test_service_stop (service);
  civic_test_service_start (service);
  g_free (editor);
  editor = civic_test_sign_in (service, "catalogue-editor");
  {
    g_autofree char *path = g_strconcat ("/public/items/", code, NULL);
    g_autofree char *search = g_strdup_printf ("/public/v1/items?department=scjg&type=20&"
                                               "per_page=50");

    page = public_text (path, 200);
    g_assert_nonnull (strstr (page, "This matter was repealed on 2026-03-20: 湘政发〔2026〕9号"));
    list = public_text (search, 200);
    g_assert_null (strstr (list, code));
  }

  /* Imported again: the item comes back, from the new version's moment */
  {
    g_autofree char *guide_path = g_strconcat ("/public/v1/items/", code, NULL);
    g_autofree char *guide_text = public_text (guide_path, 200);
    g_autoptr(JsonNode) guide = civic_json_parse (guide_text, -1, NULL);
    g_autofree char *inner = civic_json_to_string (json_object_get_member (object_of (guide),
                                                                           "guide"), FALSE);
    g_autofree char *file = g_build_filename (service->data_dir, "revive.json", NULL);
    g_autofree char *doc = g_strdup_printf ("{\"format\": \"civicdesk-catalogue\", "
                                            "\"format_version\": 1, \"items\": [{\"code\": "
                                            "\"%s\", \"department\": \"scjg\", \"guide\": %s}]}",
                                            code, inner);
    g_autofree char *output = NULL;
    g_autofree char *page_after = NULL;
    g_autofree char *body = g_strdup_printf ("{\"item_code\": \"%s\", \"applicant\": "
                                             "{\"kind\": \"person\", \"name\": \"李小明\", "
                                             "\"id_number\": \"11010519491231002X\", "
                                             "\"phone\": \"13812345678\"}}", code);
    g_autoptr(JsonNode) answer = NULL;
    g_autofree char *path = g_strconcat ("/public/items/", code, NULL);
    guint status;

    g_assert_true (g_file_set_contents (file, doc, -1, NULL));
    g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "catalogue", "import", file,
                                             NULL), ==, 0);
    civic_test_service_stop (service);
    civic_test_service_start (service);
    g_free (editor);
    editor = civic_test_sign_in (service, "catalogue-editor");
    answer = civic_test_request (service, "POST", "/public/v1/applications", NULL, body, &status);
    g_assert_cmpuint (status, ==, 201);
    page_after = public_text (path, 200);
    g_assert_null (strstr (page_after, "This matter was repealed"));
  }
  (void) holder;
}

/* An import that would be refused midway is refused whole, before it
 * writes anything */
static void
test_import_refused_whole (void)
{
  g_autofree char *file = g_build_filename (service->data_dir, "in-review.json", NULL);
  g_autofree char *output = NULL;
  gint64 versions = civic_test_count_rows (service, "SELECT count(*) FROM item_version");
  /* 430000-SCJG-XK-0005 has a change in review (the demo's); a new item
   * comes first in the file */
  static const char doc[] =
    "{\"format\": \"civicdesk-catalogue\", \"format_version\": 1, \"items\": ["
    "{\"code\": \"430000-SCJG-XK-0777\", \"department\": \"scjg\", \"guide\": "
    "{\"name\": \"新事项\", \"type_code\": \"01\", \"statutory\": {\"days\": 20, "
    "\"unit\": \"working-days\"}}},"
    "{\"code\": \"430000-SCJG-XK-0005\", \"department\": \"scjg\", \"guide\": "
    "{\"name\": \"企业设立登记\", \"type_code\": \"01\", \"statutory\": {\"days\": 20, "
    "\"unit\": \"working-days\"}}}]}";

  g_assert_true (g_file_set_contents (file, doc, -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "catalogue", "import", file,
                                           NULL), ==, 1);
  g_assert_nonnull (strstr (output, "430000-SCJG-XK-0005: a change is drafted or in review"));
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM item_version"), ==,
                   versions);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM item_record WHERE "
                                                   "code = '430000-SCJG-XK-0777'"), ==, 0);
}

/* A case for @code, accepted, examined and decided: its id */
static char *
decided_case (const char *code,
              const char *applicant,
              const char *result_args)
{
  g_autofree char *clerk = civic_test_sign_in (service, "clerk");
  g_autofree char *examiner = civic_test_sign_in (service, "examiner");
  g_autofree char *approver = civic_test_sign_in (service, "approver");
  g_autofree char *guide_path = g_strconcat ("/public/v1/items/", code, NULL);
  guint status;
  g_autoptr(JsonNode) guide = civic_test_request (service, "GET", guide_path, NULL, NULL,
                                                  &status);
  g_autoptr(GString) materials = g_string_new ("[");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *body = NULL;
  JsonArray *list = json_object_get_array_member (json_object_get_object_member (object_of (guide),
                                                                                  "guide"),
                                                  "materials");
  JsonObject *kase;
  char *id;

  for (guint i = 0; i < json_array_get_length (list); i++)
    g_string_append_printf (materials, "%s\"%s\"", i > 0 ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (list, i),
                                                           "id"));
  g_string_append_c (materials, ']');
  body = g_strdup_printf ("{\"item_code\": \"%s\", \"materials\": %s, \"applicant\": %s}",
                          code, materials->str, applicant);
  answer = civic_test_request (service, "POST", "/public/v1/applications", NULL, body, &status);
  g_assert_cmpuint (status, ==, 201);
  kase = case_numbered (json_object_get_string_member (object_of (answer), "number"), &cases);
  id = g_strdup (json_object_get_string_member (kase, "id"));
  applied (clerk, "accept", id, NULL);
  applied (examiner, "claim", id, NULL);
  applied (examiner, "opinion", id, "{\"recommendation\": \"approve\", \"text\": \"符合条件\"}");
  applied (approver, "decide", id, result_args);
  return id;
}

static JsonObject *
licence_disclosure (GHashTable *entities,
                    const char *number)
{
  GHashTableIter iter;
  gpointer key, value;
  JsonObject *found = NULL;

  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "disclosure/") &&
        strstr (json_object_get_string_member_with_default (object_of (value), "title", ""),
                number) != NULL)
      {
        g_assert_null (found);
        found = object_of (value);
      }
  return found;
}

/* A licence granted is drafted for publication (ALL Art. 40), once; a
 * person's name held by the gate; a denial drafts nothing */
static void
test_licence_published (void)
{
  g_autofree char *organisation = decided_case ("430000-SCJG-XK-0002",
                                                "{\"kind\": \"organisation\", \"name\": "
                                                "\"湘江食品有限公司\", \"id_number\": "
                                                "\"91430100MA4L16JQ9D\", \"contact\": \"王工\", "
                                                "\"phone\": \"13812345678\", \"address\": "
                                                "\"长沙市岳麓区麓山南路1号\"}",
                                                "{\"result\": \"approve\", \"number\": "
                                                "\"湘市监许〔2026〕771号\"}");
  g_autofree char *person = decided_case ("430000-SCJG-XK-0008",
                                          "{\"kind\": \"person\", \"name\": \"欧阳明月\", "
                                          "\"id_number\": \"11010519491231002X\", "
                                          "\"phone\": \"13812345678\"}",
                                          "{\"result\": \"approve\", \"number\": "
                                          "\"湘市监许〔2026〕772号\"}");
  g_autofree char *denied = decided_case ("430000-SCJG-XK-0002",
                                          "{\"kind\": \"person\", \"name\": \"李小明\", "
                                          "\"id_number\": \"11010519491231002X\", "
                                          "\"phone\": \"13812345678\"}",
                                          "{\"result\": \"deny\", \"number\": "
                                          "\"湘市监不许〔2026〕773号\", \"legal_basis\": "
                                          "\"《行政许可法》第三十八条第二款\", "
                                          "\"reconsideration_body\": \"湖南省人民政府\", "
                                          "\"court\": \"长沙铁路运输法院\", \"reason\": "
                                          "\"场所不符合要求\"}");
  g_autofree char *editor_token = civic_test_sign_in (service, "editor");
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autofree char *body_text = NULL;
  JsonObject *draft;
  JsonArray *names;

  civic_test_pull_all (service, editor_token, 0, entities);
  draft = licence_disclosure (entities, "湘市监许〔2026〕771号");
  g_assert_nonnull (draft);
  g_assert_cmpstr (json_object_get_string_member (draft, "category"), ==, "licensing");
  g_assert_cmpstr (json_object_get_string_member (draft, "state"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (draft, "formed_on"), ==, "2026-03-20");
  body_text = g_strdup (json_object_get_string_member (draft, "body"));
  g_assert_nonnull (strstr (body_text, "湘江食品有限公司"));
  g_assert_nonnull (strstr (body_text, "91430100MA4L16JQ9D"));
  g_assert_null (strstr (body_text, "13812345678"));
  g_assert_null (strstr (body_text, "麓山南路"));

  /* A person's name is marked personal: the gate holds it */
  draft = licence_disclosure (entities, "湘市监许〔2026〕772号");
  g_assert_nonnull (draft);
  names = json_object_get_array_member (draft, "personal_names");
  g_assert_cmpuint (json_array_get_length (names), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "欧阳明月");
  g_assert_null (strstr (json_object_get_string_member (draft, "body"), "11010519491231002X"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (draft, "findings")), >=,
                    1);

  /* A denial drafts nothing */
  g_assert_null (licence_disclosure (entities, "773号"));
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM entity WHERE "
                                                   "type = 'disclosure' AND data LIKE "
                                                   "'%湘市监许〔2026〕771号%'"), ==, 1);
  (void) organisation;
  (void) person;
  (void) denied;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (10, 0);
  editor = civic_test_sign_in (service, "catalogue-editor");
  reviewer = civic_test_sign_in (service, "catalogue-reviewer");
  other_editor = civic_test_sign_in (service, "zrzyt.catalogue-editor");
  supervisor = civic_test_sign_in (service, "supervisor");
  g_setenv ("CIVIC_TEST_PASSWORD", "demo-password", TRUE);
  g_assert_cmpint (civic_test_service_cli (service, NULL, NULL, "user", "add", "dual",
                                           "--name", "双岗", "--department", "scjg", "--roles",
                                           "catalogue-editor,catalogue-reviewer",
                                           "--password-env", "CIVIC_TEST_PASSWORD", NULL), ==, 0);
  both = civic_test_sign_in (service, "dual");

  g_test_add_func ("/catalogue/version-takes-effect", test_version_takes_effect);
  g_test_add_func ("/catalogue/new-item", test_new_item);
  g_test_add_func ("/catalogue/files", test_files);
  g_test_add_func ("/catalogue/import-export", test_import_export);
  g_test_add_func ("/catalogue/public-guide", test_public_guide);
  g_test_add_func ("/catalogue/public-repeal", test_public_repeal);
  g_test_add_func ("/catalogue/licence-published", test_licence_published);
  g_test_add_func ("/catalogue/import-refused-whole", test_import_refused_whole);

  status = g_test_run ();

  g_free (editor);
  g_free (reviewer);
  g_free (both);
  g_free (other_editor);
  g_free (supervisor);
  civic_test_service_free (service);
  return status;
}
