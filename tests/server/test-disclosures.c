/* test-disclosures.c — disclosures through the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A disclosure is born of an editor's command under the id the client
 * gave it, once; only its organ sees and changes it before it is
 * published, the supervisor reads it; the privacy gate refuses the final
 * approval while an ID number, a mobile or a bank card is in the text;
 * an acknowledgement and a redaction are audited without the value; the
 * index number is given once, from a count per organ and year, and a
 * replayed command gives the same one.
 */

#include "config.h"

#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "civic-test-service.h"

static CivicTestService *service;
static char *editor, *reviewer, *reviewer2, *head, *other_editor, *other_reviewer, *supervisor;

static JsonNode *
civic_json_parse_for_test (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static char *
quote (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

/* Sends one command; the answer's result */
static JsonObject *
send (const char  *token,
      const char  *id,
      const char  *type,
      const char  *target,
      const char  *args,
      JsonNode   **holder)
{
  g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"%s\","
                                           "\"target\":\"%s\",\"args\":%s}]}",
                                           id, type, target, args ? args : "{}");
  guint status;

  *holder = civic_test_request (service, "POST", "/api/v1/commands", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_array_get_object_element (json_object_get_array_member (object_of (*holder),
                                                                      "results"), 0);
}

static const char *
reason_says (JsonObject *result,
             const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (result, "reason"), member);
}

static JsonObject *
applied_as (const char  *token,
            const char  *id,
            const char  *type,
            const char  *target,
            const char  *args,
            JsonNode   **holder)
{
  JsonObject *result = send (token, id, type, target, args, holder);

  if (!g_str_equal (json_object_get_string_member (result, "status"), "applied"))
    g_error ("%s was refused: %s", type, reason_says (result, "message"));
  return json_object_get_object_member (json_object_get_object_member (result, "entity"), "data");
}

static JsonObject *
applied (const char  *token,
         const char  *type,
         const char  *target,
         const char  *args,
         JsonNode   **holder)
{
  g_autofree char *id = civic_test_uuid ();

  return applied_as (token, id, type, target, args, holder);
}

static void
rejected (const char *token,
          const char *type,
          const char *target,
          const char *args,
          const char *code,
          const char *fragment)
{
  g_autofree char *id = civic_test_uuid ();
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result = send (token, id, type, target, args, &holder);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_cmpstr (reason_says (result, "code"), ==, code);
  if (strstr (reason_says (result, "message"), fragment) == NULL)
    g_error ("“%s” does not say “%s”", reason_says (result, "message"), fragment);
}

static char *
create (const char *token,
        const char *title)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *quoted = quote (title);
  g_autofree char *args = g_strdup_printf ("{\"title\": %s, \"category\": \"licensing\","
                                           " \"formed_on\": \"2026-03-16\"}", quoted);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *data = applied_as (token, id, "create-disclosure", id, args, &holder);

  g_assert_cmpstr (json_object_get_string_member (data, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "draft");
  return g_steal_pointer (&id);
}

static char *
save_args (const char *body,
           gint64      base,
           const char *redacted)
{
  g_autofree char *quoted = quote (body);

  if (redacted != NULL)
    return g_strdup_printf ("{\"body\": %s, \"base_version\": %" G_GINT64_FORMAT
                            ", \"redacted\": [\"%s\"]}", quoted, base, redacted);
  return g_strdup_printf ("{\"body\": %s, \"base_version\": %" G_GINT64_FORMAT "}", quoted, base);
}

/* Saved, submitted and approved at both levels of the organ's review */
static JsonObject *
publishable (const char  *title,
             JsonNode   **holder)
{
  g_autofree char *id = create (editor, title);
  g_autofree char *save = save_args ("## 办理结果\n\n准予行政许可。\n", 0, NULL);
  g_autoptr(JsonNode) step = NULL;

  applied (editor, "save-disclosure", id, save, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "submit-disclosure", id, NULL, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
  return applied (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", holder);
}

static void
test_created_once (void)
{
  g_autofree char *id = civic_test_uuid ();
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *again_text = NULL;
  const char *args = "{\"title\": \"2026年第一季度行政许可办理情况\", \"category\": \"licensing\","
                     " \"formed_on\": \"2026-03-16\", \"columns\": [\"scjg-licensing\"]}";
  JsonObject *data = applied_as (editor, id, "create-disclosure", id, args, &first);

  g_assert_cmpstr (json_object_get_string_member (data, "department_id"), ==, "scjg");
  g_assert_cmpstr (json_object_get_string_member (data, "author_id"), ==, "u-editor");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_array_get_object_element (json_object_get_array_member (
                       object_of (first), "results"), 0), "entity"), "rev"), ==, 1);

  /* the same command again is answered from the ledger */
  send (editor, id, "create-disclosure", id, args, &again);
  first_text = json_to_string (first, FALSE);
  again_text = json_to_string (again, FALSE);
  g_assert_cmpstr (first_text, ==, again_text);

  /* another command creating the same id is refused; so is a reviewer's */
  rejected (editor, "create-disclosure", id, args, "state", "exists already");
  {
    g_autofree char *new_id = civic_test_uuid ();

    rejected (reviewer, "create-disclosure", new_id, args, "role", "is for these roles");
  }
  /* another organ cannot reach it, by creating or otherwise */
  rejected (other_editor, "create-disclosure", id, args, "not-found", "no such disclosure");
  rejected (other_editor, "comment-disclosure", id, "{\"text\": \"x\"}", "not-found",
            "no such disclosure");
  rejected (supervisor, "comment-disclosure", id, "{\"text\": \"x\"}", "forbidden",
            "change none");

  /* a malformed one changes nothing */
  {
    g_autofree char *bad = civic_test_uuid ();

    rejected (editor, "create-disclosure", bad, "{\"title\": \"x\", \"category\": \"gossip\","
              " \"formed_on\": \"2026-03-16\"}", "argument", "category");
    rejected (editor, "create-disclosure", bad, "{\"title\": \"x\", \"category\": \"licensing\","
              " \"formed_on\": \"2026-04-01\"}", "argument", "future");
    rejected (editor, "comment-disclosure", bad, "{\"text\": \"x\"}", "not-found",
              "no such disclosure");
    /* only the organ's own columns, by id */
    rejected (editor, "create-disclosure", bad, "{\"title\": \"x\", \"category\": \"licensing\","
              " \"formed_on\": \"2026-03-16\", \"columns\": [\"行政许可\"]}", "argument",
              "not one of the organ");
    rejected (editor, "create-disclosure", bad, "{\"title\": \"x\", \"category\": \"licensing\","
              " \"formed_on\": \"2026-03-16\", \"columns\": [\"bgt-plans\"]}", "argument",
              "not one of the organ");
    rejected (editor, "save-disclosure", id, "{\"body\": \"x\", \"base_version\": 0, \"columns\": [\"bgt-plans\"]}",
              "argument", "not one of the organ");
  }
}

static void
test_gate (void)
{
  static const struct
  {
    const char *body;
    const char *kind;
  } leaks[] = {
    { "申请人张三，身份证号430104196804220016。", "Resident ID number" },
    { "联系电话：13812345678", "Mobile number" },
    { "补助发放至账户6222 0212 3456 7894。", "Bank card number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (leaks); i++)
    {
      g_autofree char *id = create (editor, "补助发放名单");
      g_autofree char *save = save_args (leaks[i].body, 0, NULL);
      g_autoptr(JsonNode) step = NULL;
      JsonObject *data;

      data = applied (editor, "save-disclosure", id, save, &step);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "findings")), ==,
                        1);
      g_clear_pointer (&step, json_node_unref);
      applied (editor, "submit-disclosure", id, NULL, &step);
      g_clear_pointer (&step, json_node_unref);
      applied (reviewer, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
      rejected (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", "rule",
                leaks[i].kind);
    }

  /* acknowledged by a reviewer, with a ground: audited without the value */
  {
    g_autofree char *id = create (editor, "举报电话公告");
    g_autofree char *save = save_args ("举报人同意公开其电话13812345678。", 0, NULL);
    g_autofree char *ack = NULL;
    g_autofree char *audit = NULL;
    g_autoptr(JsonNode) step = NULL;
    g_autofree char *key = NULL;
    JsonObject *data;

    data = applied (editor, "save-disclosure", id, save, &step);
    key = g_strdup (json_object_get_string_member (json_array_get_object_element (
                      json_object_get_array_member (data, "findings"), 0), "key"));
    ack = g_strdup_printf ("{\"key\": \"%s\", \"ground\": \"consent\","
                           " \"reason\": \"举报人书面同意\"}", key);
    rejected (editor, "acknowledge-disclosure-finding", id, ack, "role", "is for these roles");
    g_clear_pointer (&step, json_node_unref);
    applied (reviewer, "acknowledge-disclosure-finding", id, ack, &step);
    audit = civic_test_audit_of (service, "acknowledge-finding", id);
    g_assert_nonnull (strstr (audit, "u-reviewer "));
    g_assert_nonnull (strstr (audit, "\"kind\":\"mobile\""));
    g_assert_nonnull (strstr (audit, "\"ground\":\"consent\""));
    g_assert_nonnull (strstr (audit, key));
    g_assert_null (strstr (audit, "13812345678"));

    g_clear_pointer (&step, json_node_unref);
    applied (editor, "submit-disclosure", id, NULL, &step);
    g_clear_pointer (&step, json_node_unref);
    applied (reviewer, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
    g_clear_pointer (&step, json_node_unref);
    data = applied (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
    g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "approved");
  }

  /* redacted: the save names the key, the audit keeps it, the old text
   * is sealed */
  {
    g_autofree char *id = create (editor, "补助发放名单（更正）");
    g_autofree char *leaky = save_args ("王五，身份证号430104196804220016。", 0, NULL);
    g_autofree char *redacted = NULL;
    g_autofree char *audit = NULL;
    g_autofree char *key = NULL;
    g_autoptr(JsonNode) step = NULL;
    JsonObject *data;

    data = applied (editor, "save-disclosure", id, leaky, &step);
    key = g_strdup (json_object_get_string_member (json_array_get_object_element (
                      json_object_get_array_member (data, "findings"), 0), "key"));
    redacted = save_args ("王五，身份证号******************。", 1, key);
    g_clear_pointer (&step, json_node_unref);
    data = applied (editor, "save-disclosure", id, redacted, &step);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "findings")), ==,
                      0);
    audit = civic_test_audit_of (service, "redact-finding", id);
    g_assert_nonnull (strstr (audit, key));
    g_assert_null (strstr (audit, "430104196804220016"));
  }
}

static void
test_index_numbers (void)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) step = NULL;
  JsonObject *first = publishable ("第一条", &a);
  JsonObject *second = publishable ("第二条", &b);
  const char *first_number = json_object_get_string_member (first, "index_number");
  const char *second_number = json_object_get_string_member (second, "index_number");
  g_autofree char *first_copy = g_strdup (first_number);
  int n1 = 0, n2 = 0;

  /* the organ's code, the year, a count that never skips */
  g_assert_true (g_str_has_prefix (first_number, "11430000MB1739452T/2026-"));
  g_assert_true (g_str_has_prefix (second_number, "11430000MB1739452T/2026-"));
  n1 = atoi (first_number + strlen ("11430000MB1739452T/2026-"));
  n2 = atoi (second_number + strlen ("11430000MB1739452T/2026-"));
  g_assert_cmpint (n2, ==, n1 + 1);

  /* published, revised, approved again: the same number */
  {
    const char *id = json_object_get_string_member (first, "id");
    g_autofree char *revised = save_args ("## 办理结果\n\n准予行政许可，有效期五年。\n", 1, NULL);
    JsonObject *data;

    applied (head, "publish-disclosure", id, NULL, &step);
    g_clear_pointer (&step, json_node_unref);
    applied (editor, "revise-disclosure", id, "{\"reason\": \"补充有效期\"}", &step);
    g_clear_pointer (&step, json_node_unref);
    applied (editor, "save-disclosure", id, revised, &step);
    g_clear_pointer (&step, json_node_unref);
    applied (editor, "submit-disclosure", id, NULL, &step);
    g_clear_pointer (&step, json_node_unref);
    applied (reviewer, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
    g_clear_pointer (&step, json_node_unref);
    data = applied (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
    g_assert_cmpstr (json_object_get_string_member (data, "index_number"), ==, first_copy);
    g_assert_cmpint (json_object_get_int_member (data, "published_version"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (data, "head_version"), ==, 2);
  }

  /* another organ counts on its own, with one level of review */
  {
    g_autofree char *id = create (other_editor, "2026年自然资源统计");
    g_autofree char *save = save_args ("全省耕地面积保持稳定。\n", 0, NULL);
    JsonObject *data;

    g_clear_pointer (&step, json_node_unref);
    applied (other_editor, "save-disclosure", id, save, &step);
    g_clear_pointer (&step, json_node_unref);
    applied (other_editor, "submit-disclosure", id, NULL, &step);
    g_clear_pointer (&step, json_node_unref);
    data = applied (other_reviewer, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
    g_assert_cmpstr (json_object_get_string_member (data, "index_number"), ==,
                     "11430000MB17628135/2026-00001");
  }
}

static void
test_versions_sealed (void)
{
  g_autofree char *id = create (editor, "封存测试");
  g_autofree char *save = save_args ("身份证号430104196804220016", 0, NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                        "身份证号430104196804220016", -1);
  g_autoptr(JsonNode) step = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  applied (editor, "save-disclosure", id, save, &step);
  rows = civic_test_sql (service->data_dir, "SELECT version, sha256, sealed "
                                            "FROM disclosure_version WHERE disclosure_id = ?",
                         id, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (civic_test_sql_value (rows, 0, 0), ==, "1");
  g_assert_cmpstr (civic_test_sql_value (rows, 0, 1), ==, sha);
  g_assert_null (strstr (civic_test_sql_value (rows, 0, 2), "430104"));
}

static void
test_feed_scope (void)
{
  g_autofree char *id = create (editor, "范围测试");
  g_autofree char *key = g_strconcat ("disclosure/", id, NULL);
  g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) json_node_unref);
  g_autoptr(GHashTable) other = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) json_node_unref);
  g_autoptr(GHashTable) watching = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);

  civic_test_pull_all (service, reviewer, 0, own);
  civic_test_pull_all (service, other_editor, 0, other);
  civic_test_pull_all (service, supervisor, 0, watching);
  g_assert_true (g_hash_table_contains (own, key));
  g_assert_false (g_hash_table_contains (other, key));
  /* A supervisor opens it, and their feed does not carry the province */
  g_assert_false (g_hash_table_contains (watching, key));
  {
    g_autoptr(JsonObject) opened = civic_test_open_record (service, supervisor, "disclosures",
                                                           id);

    g_assert_cmpstr (json_object_get_string_member (opened, "title"), ==, "范围测试");
  }
}

/* Markers planted where the public must never look: a draft's title and
 * text, an internal comment, a reviewer's comment, an acknowledgement's
 * reason, a withdrawal's internal reason; and the staff's ids */
static const char * const secrets[] = {
  "DRAFTTITLEMARK", "DRAFTBODYMARK", "COMMENTMARK", "REVIEWMARK", "ACKREASONMARK",
  "WITHDRAWREASONMARK", "DRAFTFILEMARK", "REVISIONFILEMARK", "REVISIONNAMEMARK", "u-editor",
  "u-reviewer", "u-head", "author_", "reviews", NULL
};

/* Uploaded and attached by the editor, as a text file */
static void
attach_text (const char *id,
             const char *name,
             const char *content)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/disclosures/%s/attachments?name=%s", id,
                                           escaped);
  g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
  g_autoptr(JsonNode) uploaded = NULL;
  g_autoptr(JsonNode) step = NULL;
  g_autofree char *quoted = quote (name);
  g_autofree char *args = NULL;
  guint status;

  uploaded = civic_test_upload (service, path, editor, "text/plain", bytes, &status);
  g_assert_cmpuint (status, ==, 201);
  args = g_strdup_printf ("{\"sha256\": \"%s\", \"name\": %s}",
                          json_object_get_string_member (object_of (uploaded), "sha256"), quoted);
  applied (editor, "attach-disclosure-file", id, args, &step);
}

static char *
fetch_text (const char *path,
            guint       expected_status,
            char      **content_type)
{
  g_autoptr(GBytes) bytes = NULL;
  guint status;
  gsize size;
  const char *data;
  char *text;

  bytes = civic_test_fetch (service, path, NULL, &status, content_type, NULL);
  if (status != expected_status)
    g_error ("GET %s: %u, not %u", path, status, expected_status);
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  for (guint i = 0; secrets[i] != NULL; i++)
    if (strstr (text, secrets[i]) != NULL)
      g_error ("GET %s shows “%s”:\n%s", path, secrets[i], text);
  return text;
}

static JsonObject *
fetch_json (const char  *path,
            JsonNode   **holder)
{
  g_autofree char *text = fetch_text (path, 200, NULL);

  *holder = civic_json_parse_for_test (text);
  return object_of (*holder);
}

/* A published disclosure with its columns and keywords; a draft; one
 * published and withdrawn; the directory, a single one, the feeds and
 * their ETag: what was published is there, nothing else is */
static void
test_public_side (void)
{
  g_autoptr(JsonNode) step = NULL;
  g_autofree char *published = create (editor, "2026年第一季度市场主体登记许可办理情况");
  g_autofree char *draft = create (editor, "DRAFTTITLEMARK");
  g_autofree char *withdrawn = create (editor, "已撤回的通知");
  g_autofree char *body = save_args ("## 办理情况\n\n本季度共办理**市场主体登记**许可1,203件。\n", 0,
                                     NULL);
  g_autofree char *draft_body = save_args ("DRAFTBODYMARK", 0, NULL);
  g_autofree char *other_body = save_args ("本通知内容。\n", 0, NULL);
  g_autofree char *path = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *list, *single;
  JsonArray *items;

  applied (editor, "save-disclosure", published,
           "{\"body\": \"x\", \"base_version\": 0, \"summary\": \"许可办理数量与结果\","
           " \"columns\": [\"scjg-licensing\", \"scjg-dual-publicity\"], \"keywords\": [\"登记\", \"许可\"]}", &step);
  g_clear_pointer (&step, json_node_unref);
  {
    g_autofree char *again = save_args ("## 办理情况\n\n本季度共办理**市场主体登记**许可1,203件。\n", 1,
                                        NULL);
    applied (editor, "save-disclosure", published, again, &step);
  }
  attach_text (published, "公示名单.txt", "企业名称：长沙某某科技有限公司\n");
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "comment-disclosure", published, "{\"text\": \"COMMENTMARK\"}", &step);
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "submit-disclosure", published, NULL, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer, "review-disclosure", published,
           "{\"decision\": \"return\", \"comment\": \"REVIEWMARK\"}", &step);
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "submit-disclosure", published, NULL, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer, "review-disclosure", published, "{\"decision\": \"approve\"}", &step);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer2, "review-disclosure", published, "{\"decision\": \"approve\"}", &step);
  g_clear_pointer (&step, json_node_unref);
  applied (head, "publish-disclosure", published, NULL, &step);

  g_clear_pointer (&step, json_node_unref);
  applied (editor, "save-disclosure", draft, draft_body, &step);
  attach_text (draft, "草稿附件.txt", "DRAFTFILEMARK\n");

  g_clear_pointer (&step, json_node_unref);
  applied (editor, "save-disclosure", withdrawn, other_body, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "submit-disclosure", withdrawn, NULL, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer, "review-disclosure", withdrawn, "{\"decision\": \"approve\"}", &step);
  g_clear_pointer (&step, json_node_unref);
  applied (head, "review-disclosure", withdrawn, "{\"decision\": \"approve\"}", &step);
  g_clear_pointer (&step, json_node_unref);
  applied (head, "publish-disclosure", withdrawn, NULL, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (head, "withdraw-disclosure", withdrawn,
           "{\"public_notice\": \"因政策调整，本通知已撤回。\", \"reason\": \"WITHDRAWREASONMARK\"}",
           &step);

  /* The directory: what stands, newest first */
  list = fetch_json ("/public/v1/disclosures?organ=scjg", &holder);
  items = json_object_get_array_member (list, "items");
  g_assert_cmpint (json_object_get_int_member (list, "total"), >=, 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);

        g_assert_cmpstr (json_object_get_string_member (item, "id"), !=, draft);
        g_assert_cmpstr (json_object_get_string_member (item, "id"), !=, withdrawn);
        if (g_str_equal (json_object_get_string_member (item, "id"), published))
          {
            found = TRUE;
            g_assert_cmpstr (json_object_get_string_member (item, "organ_name"), ==,
                             "湖南省市场监督管理局");
            g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "index_number"),
                                             "11430000MB1739452T/2026-"));
          }
      }
    g_assert_true (found);
  }
  g_clear_pointer (&holder, json_node_unref);

  /* Found by its words (trigram), by a two-character word, by category
   * and column, and not by what is not in it */
  {
    static const char * const finding[] = {
      "/public/v1/disclosures?q=%E5%B8%82%E5%9C%BA%E4%B8%BB%E4%BD%93%E7%99%BB%E8%AE%B0",
      "/public/v1/disclosures?q=%E7%99%BB%E8%AE%B0",
      "/public/v1/disclosures?category=licensing&organ=scjg",
      "/public/v1/disclosures?column=scjg-dual-publicity",
      "/public/v1/disclosures?from=2026-03-20&to=2026-03-20",
    };
    static const char * const missing[] = {
      "/public/v1/disclosures?q=DRAFTBODY",
      "/public/v1/disclosures?q=%E6%9C%AC%E9%80%9A%E7%9F%A5",
      "/public/v1/disclosures?category=budgets",
      "/public/v1/disclosures?from=2026-03-21",
      "/public/v1/disclosures?organ=zrzyt&q=%E7%99%BB%E8%AE%B0",
    };

    for (guint i = 0; i < G_N_ELEMENTS (finding); i++)
      {
        g_autoptr(JsonNode) node = NULL;
        g_autofree char *found_text = NULL;

        list = fetch_json (finding[i], &node);
        found_text = json_to_string (node, FALSE);
        if (strstr (found_text, published) == NULL)
          g_error ("%s does not find it: %s", finding[i], found_text);
      }
    for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
      {
        g_autoptr(JsonNode) node = NULL;
        g_autofree char *found_text = NULL;

        list = fetch_json (missing[i], &node);
        found_text = json_to_string (node, FALSE);
        if (strstr (found_text, published) != NULL)
          g_error ("%s finds it: %s", missing[i], found_text);
      }
  }

  /* Paged */
  {
    g_autoptr(JsonNode) node = NULL;

    list = fetch_json ("/public/v1/disclosures?per_page=1&page=1", &node);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "items")), ==, 1);
    g_assert_cmpint (json_object_get_int_member (list, "per_page"), ==, 1);
  }

  /* One: the published text; the withdrawn one, its notice only; the
   * draft, nothing */
  path = g_strconcat ("/public/v1/disclosures/", published, NULL);
  single = fetch_json (path, &holder);
  g_assert_cmpstr (json_object_get_string_member (single, "state"), ==, "published");
  g_assert_nonnull (strstr (json_object_get_string_member (single, "body"), "1,203件"));
  {
    JsonArray *columns = json_object_get_array_member (single, "columns");

    /* by name, as the public reads them */
    g_assert_cmpuint (json_array_get_length (columns), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (columns, 0), "id"),
                     ==, "scjg-dual-publicity");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (columns, 0), "name"),
                     ==, "双公示");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (columns, 1), "name"),
                     ==, "行政许可");
  }
  g_clear_pointer (&holder, json_node_unref);
  g_free (path);
  path = g_strconcat ("/public/v1/disclosures/", withdrawn, NULL);
  single = fetch_json (path, &holder);
  g_assert_cmpstr (json_object_get_string_member (single, "state"), ==, "withdrawn");
  g_assert_cmpstr (json_object_get_string_member (single, "public_notice"), ==,
                   "因政策调整，本通知已撤回。");
  g_assert_false (json_object_has_member (single, "body"));
  g_clear_pointer (&holder, json_node_unref);
  g_free (path);
  path = g_strconcat ("/public/v1/disclosures/", draft, NULL);
  g_free (fetch_text (path, 404, NULL));

  /* The organ's feed and a column's: Atom, a withdrawal as a tombstone */
  {
    g_autofree char *type = NULL;
    g_autofree char *feed = fetch_text ("/public/v1/feeds/scjg.atom", 200, &type);
    g_autofree char *column = fetch_text ("/public/v1/feeds/scjg/scjg-dual-publicity.atom", 200,
                                          NULL);
    g_autofree char *entry = g_strconcat ("urn:civicdesk:disclosure:", published, NULL);
    g_autofree char *tombstone = g_strconcat ("ref=\"urn:civicdesk:disclosure:", withdrawn, NULL);

    g_assert_cmpstr (type, ==, "application/atom+xml");
    g_assert_nonnull (strstr (feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    g_assert_nonnull (strstr (feed, entry));
    g_assert_nonnull (strstr (feed, tombstone));
    g_assert_nonnull (strstr (feed, "因政策调整，本通知已撤回。"));
    g_assert_nonnull (strstr (column, entry));
    g_assert_nonnull (strstr (column, "<title>湖南省市场监督管理局 — 双公示</title>"));
    g_assert_null (strstr (column, tombstone));
    g_free (fetch_text ("/public/v1/feeds/nowhere.atom", 404, NULL));
    g_free (fetch_text ("/public/v1/feeds/scjg/双公示.atom", 404, NULL));
    g_free (fetch_text ("/public/v1/feeds/bgt/scjg-licensing.atom", 404, NULL));
  }

  /* Asked again with its ETag: unchanged until something is published */
  {
    g_autoptr(GBytes) first = civic_test_fetch (service, "/public/v1/feeds/scjg.atom", NULL,
                                                &(guint) { 0 }, NULL, &etag);
    g_autoptr(GBytes) again = NULL;
    g_autofree char *etag_after = NULL;
    guint status;

    g_assert_nonnull (etag);
    again = civic_test_fetch (service, "/public/v1/feeds/scjg.atom", etag, &status, NULL, NULL);
    g_assert_cmpuint (status, ==, 304);
    g_assert_cmpuint (g_bytes_get_size (again), ==, 0);

    g_clear_pointer (&step, json_node_unref);
    applied (editor, "revise-disclosure", published, "{\"reason\": \"补充数据\"}", &step);
    g_clear_pointer (&again, g_bytes_unref);
    again = civic_test_fetch (service, "/public/v1/feeds/scjg.atom", etag, &status, NULL,
                              &etag_after);
    /* a revision in progress changes nothing the public sees */
    g_assert_cmpuint (status, ==, 304);
  }

  /* The pages, the same way: no script, the page's language, every
   * published thing linked, nothing else shown */
  {
    g_autofree char *type = NULL;
    g_autofree char *directory = fetch_text ("/public/disclosures?organ=scjg", 200, &type);
    g_autofree char *page_path = g_strconcat ("/public/disclosures/", published, NULL);
    g_autofree char *page = fetch_text (page_path, 200, NULL);
    g_autofree char *gone_path = g_strconcat ("/public/disclosures/", withdrawn, NULL);
    g_autofree char *gone = fetch_text (gone_path, 200, NULL);
    g_autofree char *column = fetch_text ("/public/columns/scjg/scjg-dual-publicity", 200, NULL);
    g_autofree char *child = fetch_text ("/public/columns/scjg/scjg-licensing", 200, NULL);
    g_autofree char *draft_path = g_strconcat ("/public/disclosures/", draft, NULL);
    g_autofree char *link = g_strconcat ("href=\"/public/disclosures/", published, "\"", NULL);

    g_assert_cmpstr (type, ==, "text/html");
    g_assert_nonnull (strstr (directory, "<html lang=\"en\">"));
    g_assert_nonnull (strstr (directory, link));
    g_assert_null (strstr (directory, "<script"));
    g_assert_nonnull (strstr (directory, "<label for=\"q\">"));
    g_assert_nonnull (strstr (page, "<strong>市场主体登记</strong>"));
    g_assert_nonnull (strstr (page, "<h3>办理情况</h3>"));
    g_assert_nonnull (strstr (page, "11430000MB1739452T/2026-"));
    g_assert_nonnull (strstr (gone, "因政策调整，本通知已撤回。"));
    g_assert_null (strstr (gone, "本通知内容"));
    g_assert_nonnull (strstr (column, link));
    /* the catalogue: the organ's columns from its directory, a column's
     * columns from it, and the way back up */
    g_assert_nonnull (strstr (directory, "<a href=\"/public/columns/scjg/scjg-dual-publicity\">双公示</a>"));
    g_assert_null (strstr (directory, "<a href=\"/public/columns/scjg/scjg-licensing\">"));
    g_assert_nonnull (strstr (column, "<a href=\"/public/columns/scjg/scjg-licensing\">行政许可</a>"));
    g_assert_nonnull (strstr (child, "<ol class=\"trail\">\n<li><a href=\"/public/columns/scjg/scjg-dual-publicity\">"));
    g_assert_nonnull (strstr (child, link));
    g_assert_nonnull (strstr (page, "<a href=\"/public/columns/scjg/scjg-licensing\">行政许可</a>"));
    g_free (fetch_text (draft_path, 404, NULL));
    g_free (fetch_text ("/public/columns/nowhere/x", 404, NULL));
    g_free (fetch_text ("/public/columns/bgt/scjg-licensing", 404, NULL));
    g_free (fetch_text ("/public/disclosures?page=0", 400, NULL));
    g_free (fetch_text ("/public/style.css", 200, NULL));
  }

  /* Files: the published version's is served; a draft's, and one
   * attached to the revision in progress, are nowhere */
  {
    g_autofree char *file = g_strconcat ("/public/v1/disclosures/", published, "/attachments/1",
                                         NULL);
    g_autofree char *second = g_strconcat ("/public/v1/disclosures/", published,
                                           "/attachments/2", NULL);
    g_autofree char *draft_file = g_strconcat ("/public/v1/disclosures/", draft, "/attachments/1",
                                               NULL);
    g_autofree char *entry = g_strconcat ("/public/v1/disclosures/", published, NULL);
    g_autofree char *page_path = g_strconcat ("/public/disclosures/", published, NULL);
    g_autofree char *served = NULL;
    g_autofree char *page = NULL;
    g_autoptr(JsonNode) node = NULL;
    JsonObject *one;

    attach_text (published, "REVISIONNAMEMARK.txt", "REVISIONFILEMARK\n");
    served = fetch_text (file, 200, NULL);
    g_assert_nonnull (strstr (served, "长沙某某科技有限公司"));
    g_free (fetch_text (second, 404, NULL));
    g_free (fetch_text (draft_file, 404, NULL));
    one = fetch_json (entry, &node);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (one, "attachments")), ==,
                      1);
    page = fetch_text (page_path, 200, NULL);
    g_assert_nonnull (strstr (page, "公示名单.txt"));
  }

  /* Bad questions are refused, and change nothing */
  g_free (fetch_text ("/public/v1/disclosures?category=gossip", 400, NULL));
  g_free (fetch_text ("/public/v1/disclosures?page=0", 400, NULL));
  g_free (fetch_text ("/public/v1/disclosures?page=201", 400, NULL));
  g_free (fetch_text ("/public/v1/disclosures?per_page=51", 400, NULL));
  g_free (fetch_text ("/public/v1/disclosures?from=2026-02-30", 400, NULL));
  g_free (fetch_text ("/public/v1/disclosures?q=%22%29%20OR%20%2A", 200, NULL));
  text = fetch_text ("/public/v1/disclosures?q=" 
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 400, NULL);
}

/* A citizen asks the organ for information online: a receipt and the day
 * the reply is due (20 working days, Art. 33); where it stands, by the
 * receipt, never who asked; the organ works it and replies */
static void
test_request_from_the_public (void)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) status_node = NULL;
  g_autoptr(JsonNode) step = NULL;
  g_autoptr(GHashTable) feed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) json_node_unref);
  g_autofree char *receipt = NULL;
  g_autofree char *path = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *id = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint status;
  JsonObject *object;
  const char *body =
    "{\"organ\": \"scjg\", \"applicant_kind\": \"natural-person\","
    " \"applicant_name\": \"赵小红\", \"id_type\": \"resident-id\","
    " \"id_number\": \"430104196804220016\", \"phone\": \"13912345678\","
    " \"address\": \"长沙市开福区芙蓉中路一段8号2栋1203室\","
    " \"description\": \"2025年本机关作出的食品经营许可决定数量\","
    " \"delivery_form\": \"electronic\", \"delivery_channel\": \"email\","
    " \"email\": \"zhaoxh@163.com\"}";

  answer = civic_test_request (service, "POST", "/public/v1/disclosure-requests", NULL, body,
                               &status);
  g_assert_cmpuint (status, ==, 201);
  object = object_of (answer);
  receipt = g_strdup (json_object_get_string_member (object, "receipt"));
  g_assert_cmpuint (strlen (receipt), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (object, "received_on"), ==, "2026-03-20");
  /* 20 working days from Fri 03-20 (Qingming: 04-04…06) */
  g_assert_cmpstr (json_object_get_string_member (object, "due_on"), ==, "2026-04-20");

  path = g_strconcat ("/public/v1/disclosure-requests/", receipt, NULL);
  status_text = fetch_text (path, 200, NULL);
  g_assert_nonnull (strstr (status_text, "\"state\":\"received\""));
  g_assert_nonnull (strstr (status_text, "湖南省市场监督管理局"));
  g_assert_null (strstr (status_text, "赵"));
  g_assert_null (strstr (status_text, "430104"));
  g_assert_null (strstr (status_text, "1391234"));
  g_assert_null (strstr (status_text, "zhaoxh"));
  g_free (fetch_text ("/public/v1/disclosure-requests/NOSUCHRECEIPT", 404, NULL));

  /* Bad requests change nothing */
  {
    static const char * const bad[] = {
      ("{\"organ\": \"scjg\", \"applicant_kind\": \"natural-person\", \"applicant_name\": \"赵小红\","
       " \"id_number\": \"430104196804220017\", \"description\": \"x\","
       " \"delivery_form\": \"paper\", \"delivery_channel\": \"post\"}"),
      ("{\"organ\": \"scjg\", \"applicant_kind\": \"natural-person\", \"applicant_name\": \"赵小红\","
       " \"description\": \"x\", \"delivery_form\": \"paper\", \"delivery_channel\": \"post\","
       " \"state\": \"replied\"}"),
      ("{\"organ\": \"scjg\", \"applicant_kind\": \"natural-person\","
       " \"description\": \"x\", \"delivery_form\": \"paper\", \"delivery_channel\": \"post\"}"),
      "[]",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(JsonNode) refused = civic_test_request (service, "POST",
                                                          "/public/v1/disclosure-requests", NULL,
                                                          bad[i], &status);
        g_assert_cmpuint (status, ==, 400);
      }
    {
      g_autoptr(JsonNode) refused = civic_test_request (service, "POST",
                                                        "/public/v1/disclosure-requests", NULL,
                                                        "{\"organ\": \"nowhere\"}", &status);
      g_assert_cmpuint (status, ==, 404);
    }
  }

  /* The organ sees it, masked; another organ does not */
  civic_test_pull_all (service, editor, 0, feed);
  g_hash_table_iter_init (&iter, feed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "disclosure-request/"))
      {
        g_autofree char *text = json_to_string (value, FALSE);

        if (strstr (text, receipt) != NULL)
          {
            id = g_strdup ((const char *) key + strlen ("disclosure-request/"));
            g_assert_null (strstr (text, "430104196804220016"));
            g_assert_null (strstr (text, "13912345678"));
          }
      }
  g_assert_nonnull (id);
  {
    g_autoptr(GHashTable) other = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) json_node_unref);
    g_autofree char *other_key = g_strconcat ("disclosure-request/", id, NULL);

    civic_test_pull_all (service, other_editor, 0, other);
    g_assert_false (g_hash_table_contains (other, other_key));
  }

  /* Extended by the head only; replied: the public sees the outcome */
  rejected (editor, "extend-disclosure-request", id, "{\"days\": 10, \"reason\": \"需调取档案\"}",
            "role", "is for these roles");
  applied (head, "extend-disclosure-request", id, "{\"days\": 10, \"reason\": \"需调取档案\"}",
           &step);
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "draft-disclosure-reply", id,
           "{\"outcome\": \"disclose\", \"ground\": \"none\", \"note\": \"附统计表\"}", &step);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer, "issue-disclosure-reply", id, "{\"replied_on\": \"2026-03-20\"}", &step);
  g_free (status_text);
  status_text = fetch_text (path, 200, NULL);
  g_assert_nonnull (strstr (status_text, "\"state\":\"replied\""));
  g_assert_nonnull (strstr (status_text, "\"outcome\":\"disclose\""));
  g_assert_nonnull (strstr (status_text, "\"reply_code\":"));
  g_assert_null (strstr (status_text, "附统计表"));

  /* The reply, a numbered formal document, to whoever holds the receipt */
  {
    g_autofree char *reply_path = g_strconcat (path, "/reply", NULL);
    g_autofree char *type = NULL;
    g_autoptr(GBytes) pdf = civic_test_fetch (service, reply_path, NULL, &status, &type, NULL);
    PopplerDocument *document;
    PopplerPage *page;
    g_autofree char *words = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (type, ==, "application/pdf");
    document = poppler_document_new_from_bytes (pdf, NULL, &error);
    g_assert_no_error (error);
    page = poppler_document_get_page (document, 0);
    words = poppler_page_get_text (page);
    g_object_unref (page);
    g_object_unref (document);
    g_assert_nonnull (strstr (words, "政府信息公开申请答复书"));
    g_assert_nonnull (strstr (words, receipt));
    g_assert_nonnull (strstr (words, "赵小红"));
    g_assert_nonnull (strstr (words, "湖南省人民政府"));
    /* the law's words in the document's language, whoever issued it */
    g_assert_nonnull (strstr (words, "本机关决定予以公开"));
    g_assert_nonnull (strstr (words, "第三十六条"));
    g_free (fetch_text ("/public/v1/disclosure-requests/NOSUCHRECEIPT/reply", 404, NULL));
  }
}

/* A document's verification code, from the database */
static char *
code_of (const char *document_id)
{
  g_autoptr(GPtrArray) rows = civic_test_sql (service->data_dir,
                                              "SELECT code FROM document WHERE id = ?",
                                              document_id, NULL);

  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdup (civic_test_sql_value (rows, 0, 0));
}

/* A document of a request as the organ's staff download it: its text,
 * squeezed of white space (a line breaks anywhere in Chinese), or NULL
 * with the status when it is refused */
static char *
request_document_text (const char *token,
                       const char *document_id,
                       guint      *status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/documents/%s/pdf", document_id);
  g_autofree char *type = NULL;
  g_autoptr(GBytes) pdf = civic_test_download (service, path, token, status, &type);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  GString *text = g_string_new (NULL);

  if (*status != 200)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  g_assert_cmpstr (type, ==, "application/pdf");
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *words = poppler_page_get_text (page);

      g_object_unref (page);
      for (const char *p = words; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (text, g_utf8_get_char (p));
    }
  g_object_unref (document);
  return g_string_free (text, FALSE);
}

/* The written steps before a reply, each a numbered document the service
 * issues in the command: the one correction notice with its last day
 * (Art. 30), the letter to a third party with its 15 working days
 * (Art. 32) and the extension notice with the new last day (Art. 33);
 * each listed on its step, downloaded by the organ's staff only, on the
 * record */
static void
test_request_documents (void)
{
  g_autofree char *id = civic_test_uuid ();
  g_autoptr(JsonNode) step = NULL;
  g_autofree char *correction_id = NULL;
  g_autofree char *letter_id = NULL;
  g_autofree char *extension_id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *receipt = NULL;
  JsonObject *data;
  guint status;
  const char *registration =
    "{\"channel\": \"in-person\", \"received_on\": \"2026-03-20\","
    " \"applicant_kind\": \"natural-person\", \"applicant_name\": \"钱多多\","
    " \"id_type\": \"resident-id\", \"id_number\": \"430104196804220016\","
    " \"phone\": \"13912345678\", \"description\": \"某公司的食品经营许可申请材料\","
    " \"delivery_form\": \"paper\", \"delivery_channel\": \"post\"}";

  data = applied_as (editor, id, "register-disclosure-request", id, registration, &step);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (data, "correction")));
  receipt = g_strdup (json_object_get_string_member (data, "receipt"));

  /* Asked once, on the day received, with ten working days: until Fri
   * 04-03 */
  g_clear_pointer (&step, json_node_unref);
  data = applied (editor, "request-disclosure-correction", id,
                  "{\"items\": \"请写明所需许可决定的作出年份和许可证编号。\", \"period\": 10}",
                  &step);
  correction_id = g_strdup (json_object_get_string_member (json_object_get_object_member (
                              data, "correction"), "document_id"));
  g_assert_nonnull (correction_id);
  text = request_document_text (editor, correction_id, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (text, "政府信息公开申请补正告知书"));
  g_assert_nonnull (strstr (text, "湘市监公开补〔2026〕"));
  g_assert_nonnull (strstr (text, "钱多多："));
  g_assert_nonnull (strstr (text, "请写明所需许可决定的作出年份和许可证编号。"));
  g_assert_nonnull (strstr (text, "10个工作日内，即2026年4月3日前（含当日）"));
  g_assert_nonnull (strstr (text, "第三十条"));

  g_clear_pointer (&step, json_node_unref);
  applied (editor, "receive-disclosure-correction", id, "{\"received_on\": \"2026-03-20\"}",
           &step);

  /* A third party served Fri 03-20 has 15 working days, Qingming
   * (04-04…06) skipped: until Mon 04-13. The letter does not say who
   * asked. */
  g_clear_pointer (&step, json_node_unref);
  data = applied (editor, "start-disclosure-consultation", id,
                  "{\"party\": \"长沙市岳麓区湘味餐饮有限公司\", \"consultee\": \"third-party\","
                  " \"basis\": \"申请材料含有该公司的工艺配方，可能涉及商业秘密\","
                  " \"served_on\": \"2026-03-20\"}", &step);
  letter_id = g_strdup (json_object_get_string_member (json_array_get_object_element (
                          json_object_get_array_member (data, "consultations"), 0),
                          "document_id"));
  g_assert_nonnull (letter_id);
  g_free (text);
  text = request_document_text (editor, letter_id, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (text, "政府信息公开征求第三方意见函"));
  g_assert_nonnull (strstr (text, "长沙市岳麓区湘味餐饮有限公司："));
  g_assert_nonnull (strstr (text, "第三十二条"));
  g_assert_nonnull (strstr (text, "15个工作日内，即2026年4月13日前（含当日）"));
  g_assert_null (strstr (text, "钱多多"));
  g_assert_null (strstr (text, "13912345678"));

  /* The third party consents on 03-20; the head extends by ten working
   * days, the applicant told of the new last day, the record's own */
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "record-consultation-answer", id,
           "{\"consultation\": 1, \"answer\": \"consent\", \"answered_on\": \"2026-03-20\"}",
           &step);
  g_clear_pointer (&step, json_node_unref);
  data = applied (head, "extend-disclosure-request", id,
                  "{\"days\": 10, \"reason\": \"需调取历年档案逐件核对\"}", &step);
  extension_id = g_strdup (json_object_get_string_member (json_object_get_object_member (
                             data, "extension"), "document_id"));
  g_assert_nonnull (extension_id);
  g_free (text);
  text = request_document_text (reviewer, extension_id, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (text, "政府信息公开申请延期答复告知书"));
  g_assert_nonnull (strstr (text, "因需调取历年档案逐件核对"));
  g_assert_nonnull (strstr (text, "第三十三条第二款"));
  g_assert_nonnull (strstr (text, "延长10个工作日"));
  /* 20 working days from the corrected request (Fri 03-20) end Mon
   * 04-20; ten more, over Labour Day (05-01…05), end Thu 05-07 */
  g_assert_cmpstr (json_object_get_string_member (data, "due_on"), ==, "2026-05-07");
  g_assert_nonnull (strstr (text, "将于2026年5月7日前（含当日）作出答复"));

  /* A co-producing organ is consulted by a letter of its own: its
   * silence is consent (Art. 34) */
  g_clear_pointer (&step, json_node_unref);
  data = applied (editor, "start-disclosure-consultation", id,
                  "{\"party\": \"湖南省卫生健康委员会\", \"consultee\": \"co-producer\","
                  " \"basis\": \"该许可统计由两机关联合发布\", \"served_on\": \"2026-03-20\"}",
                  &step);
  {
    g_autofree char *co_producer_id =
      g_strdup (json_object_get_string_member (json_array_get_object_element (
                  json_object_get_array_member (data, "consultations"), 1), "document_id"));

    g_free (text);
    text = request_document_text (editor, co_producer_id, &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_nonnull (strstr (text, "政府信息公开征求意见函"));
    g_assert_nonnull (strstr (text, "湘市监公开商〔2026〕"));
    g_assert_nonnull (strstr (text, "第三十四条"));
    g_assert_nonnull (strstr (text, "逾期未提出意见的，视为同意公开"));
    g_assert_null (strstr (text, "钱多多"));
  }

  /* Only the organ's disclosure staff read them; each download audited */
  g_free (request_document_text (supervisor, correction_id, &status));
  g_assert_cmpuint (status, ==, 403);
  g_free (request_document_text (other_editor, correction_id, &status));
  g_assert_cmpuint (status, ==, 404);
  audit = civic_test_audit_of (service, "download-document", correction_id);
  g_assert_nonnull (strstr (audit, "u-editor "));
  g_assert_null (strstr (audit, "u-supervisor"));
  g_free (audit);
  audit = civic_test_audit_of (service, "issue-document", extension_id);
  g_assert_nonnull (strstr (audit, "u-head "));

  /* The applicant, by receipt: the two notices addressed to them, not the
   * letters to the parties consulted */
  {
    g_autofree char *status_path = g_strconcat ("/public/v1/disclosure-requests/", receipt, NULL);
    g_autoptr(JsonNode) answer = civic_test_request (service, "GET", status_path, NULL, NULL,
                                                     &status);
    JsonArray *documents;
    g_autofree char *type = NULL;
    g_autofree char *letter_path = NULL;
    g_autoptr(GBytes) pdf = NULL;
    g_autoptr(GBytes) refused = NULL;

    g_assert_cmpuint (status, ==, 200);
    documents = json_object_get_array_member (object_of (answer), "documents");
    g_assert_cmpuint (json_array_get_length (documents), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0),
                                                    "kind"), ==, "disclosure-correction-notice");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 1),
                                                    "kind"), ==, "disclosure-extension-notice");
    pdf = civic_test_fetch (service, json_object_get_string_member (
                              json_array_get_object_element (documents, 1), "href"),
                            NULL, &status, &type, NULL);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (type, ==, "application/pdf");

    /* the third party's letter is not the applicant's to download */
    {
      g_autofree char *letter_code = NULL;

      letter_code = code_of (letter_id);
      letter_path = g_strdup_printf ("/public/v1/disclosure-requests/%s/documents/%s", receipt,
                                     letter_code);
      refused = civic_test_fetch (service, letter_path, NULL, &status, NULL, NULL);
      g_assert_cmpuint (status, ==, 404);
    }
  }
}

/* A service made before the request's notices existed has every other
 * template: it gets theirs when it starts, and an organ's own template
 * of another kind stays as the administrator left it */
static void
test_new_kinds_get_templates (void)
{
  g_autofree char *id = civic_test_uuid ();
  g_autoptr(JsonNode) step = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autofree char *text = NULL;
  JsonObject *data;
  guint status;
  const char *registration =
    "{\"channel\": \"in-person\", \"received_on\": \"2026-03-20\","
    " \"applicant_kind\": \"commercial-enterprise\", \"applicant_name\": \"孙经理\","
    " \"organisation\": \"长沙市芙蓉区好味食品有限公司\", \"phone\": \"13912345678\","
    " \"description\": \"本机关2025年食品抽检不合格名单\","
    " \"delivery_form\": \"electronic\", \"delivery_channel\": \"email\","
    " \"email\": \"sun@example.com\"}";

  civic_test_service_stop (service);
  removed = civic_test_sql (service->data_dir,
                            "DELETE FROM entity WHERE type = 'document-template' AND "
                            "id LIKE 'document/disclosure-correction-notice/%' RETURNING id",
                            NULL);
  g_assert_cmpuint (removed->len, ==, 2);
  civic_test_service_start (service);

  applied_as (editor, id, "register-disclosure-request", id, registration, &step);
  g_clear_pointer (&step, json_node_unref);
  data = applied (editor, "request-disclosure-correction", id,
                  "{\"items\": \"请写明抽检批次。\", \"period\": 5}", &step);
  text = request_document_text (editor, json_object_get_string_member (
                                  json_object_get_object_member (data, "correction"),
                                  "document_id"), &status);
  g_assert_cmpuint (status, ==, 200);
  /* An organisation is addressed by its name */
  g_assert_nonnull (strstr (text, "长沙市芙蓉区好味食品有限公司："));
  g_assert_nonnull (strstr (text, "请写明抽检批次。"));
}

/* The organ's report for last year: a draft with the year's tables,
 * balanced, titled with the organ; not for a year still running */
static void
test_annual_report (void)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *early = civic_test_uuid ();
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *data;
  const char *body;

  rejected (editor, "generate-disclosure-annual-report", early, "{\"year\": 2026}", "argument",
            "2025 or earlier");
  data = applied_as (editor, id, "generate-disclosure-annual-report", id, "{\"year\": 2025}",
                     &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "title"), ==,
                   "湖南省市场监督管理局2025年政府信息公开工作年度报告");
  g_assert_cmpstr (json_object_get_string_member (data, "category"), ==, "annual-report");
  g_assert_cmpint (json_object_get_int_member (data, "head_version"), ==, 1);
  body = json_object_get_string_member (data, "body");
  g_assert_nonnull (strstr (body, "## 三、收到和处理政府信息公开申请情况"));
  g_assert_nonnull (strstr (body, "| 行政许可 |"));
  g_assert_nonnull (strstr (body, "第一项加第二项之和，等于第三项加第四项之和。"));
}

/* An administrator sets an organ's review from the command line; a
 * policy the service could not read is refused before it is written */
static void
test_policy_from_the_command_line (void)
{
  g_autofree char *output = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *refused_output = NULL;

  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "department", "disclosure", "tjj",
                                           "--review-levels", "2", "--reviewer", "1:u-tjj.reviewer",
                                           "--reviewer", "2:u-tjj.head", "--index-code",
                                           "11430000MB1762813X", NULL), ==, 0);
  g_assert_nonnull (strstr (output, "\"review_levels\" : 2"));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &refused_output, "department",
                                           "disclosure", "tjj", "--review-levels", "5", NULL),
                   !=, 0);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &shown, "department", "show", "tjj",
                                           NULL), ==, 0);
  g_assert_nonnull (strstr (shown, "u-tjj.head"));
  g_assert_null (strstr (shown, "\"review_levels\" : 5"));
}

/* Columns from the command line: checked, in the officials' feed, on the
 * public pages with their counterparts one level up, every page that
 * names one changed with it */
static void
test_columns_from_the_command_line (void)
{
  g_autofree char *output = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *page = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) again = NULL;
  guint status;

  /* an administered organ's column names its department's */
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "column", "add", "yjj-rules",
                                           "--department", "yjj", "--name", "药品监管规范性文件",
                                           "--counterpart", "scjg-normative", NULL), ==, 0);
  g_assert_nonnull (strstr (output, "yjj-rules"));
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "column", "add", "scjg-guides",
                                           "--department", "scjg", "--name", "办事指南",
                                           "--position", "0",
                                           "--counterpart-url", "https://www.samr.gov.cn/zw/",
                                           "--counterpart-name", "国家市场监督管理总局 · 政务公开",
                                           NULL), ==, 0);

  /* refused, and nothing written: a taken name, an unknown organ, a loop,
   * another organ's parent, a counterpart of the same organ, a bad address */
  {
    const char *bad[][8] = {
      { "add", "scjg-twice", "--department", "scjg", "--name", "行政许可", NULL },
      { "add", "nowhere-x", "--department", "nowhere", "--name", "x", NULL },
      { "set", "scjg-dual-publicity", "--parent", "scjg-licensing", NULL },
      { "add", "scjg-under", "--department", "scjg", "--name", "下级", "--parent", "yjj-rules" },
      { "add", "scjg-self", "--department", "scjg", "--name", "自身", "--counterpart", "scjg-plans" },
      { "add", "scjg-ftp", "--department", "scjg", "--name", "文件", "--counterpart-url", "ftp://x" },
      { "add", "zyyj-up", "--department", "zyyj", "--name", "上级", "--counterpart", "scjg-plans" },
      { "add", "Bad_Id", "--department", "scjg", "--name", "坏", NULL },
      { "set", "scjg-guides", "--department", "bgt", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_clear_pointer (&refused, g_free);
        g_assert_cmpint (civic_test_service_cli (service, NULL, &refused, "column", bad[i][0],
                                                 bad[i][1], bad[i][2], bad[i][3], bad[i][4],
                                                 bad[i][5], bad[i][6], bad[i][7], NULL), !=, 0);
      }
  }
  g_assert_cmpint (civic_test_service_cli (service, NULL, &listed, "column", "list",
                                           "--department", "scjg", NULL), ==, 0);
  g_assert_nonnull (strstr (listed, "scjg-guides"));
  g_assert_nonnull (strstr (listed, "scjg-licensing"));
  /* in the organ's order: first where it was put, the demo's catalogue after */
  g_assert_true (strstr (listed, "scjg-guides") < strstr (listed, "scjg-normative"));
  g_assert_true (strstr (listed, "scjg-normative") < strstr (listed, "scjg-dual-publicity"));
  g_assert_null (strstr (listed, "yjj-rules"));
  g_assert_null (strstr (listed, "scjg-twice"));
  g_assert_null (strstr (listed, "scjg-under"));
  g_assert_null (strstr (listed, "(under scjg-licensing)\n"));
  g_clear_pointer (&listed, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &listed, "column", "list",
                                           "--department", "zyyj", NULL), ==, 0);
  g_assert_null (strstr (listed, "zyyj-up"));

  /* every official reads the catalogue, as a room */
  node = civic_test_request (service, "GET", "/api/v1/disclosure-columns/yjj-rules", editor, NULL,
                             &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     object_of (node), "data"), "counterpart"), ==, "scjg-normative");

  /* the public page links one level up, here or elsewhere */
  page = fetch_text ("/public/columns/yjj/yjj-rules", 200, NULL);
  g_assert_nonnull (strstr (page, "<a href=\"/public/columns/scjg/scjg-normative\">"
                                  "湖南省市场监督管理局 · 规范性文件</a>"));
  g_free (page);
  page = fetch_text ("/public/columns/scjg/scjg-guides", 200, NULL);
  g_assert_nonnull (strstr (page, "<a rel=\"external\" href=\"https://www.samr.gov.cn/zw/\">"
                                  "国家市场监督管理总局 · 政务公开</a>"));

  /* renamed: its pages change with it, whatever a cache kept */
  g_clear_pointer (&again, g_bytes_unref);
  again = civic_test_fetch (service, "/public/columns/scjg/scjg-guides", NULL, &status, NULL, &etag);
  g_assert_nonnull (etag);
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "column", "set", "scjg-guides",
                                           "--name", "办事指南和服务", "--counterpart-url", "-",
                                           NULL), ==, 0);
  g_clear_pointer (&again, g_bytes_unref);
  again = civic_test_fetch (service, "/public/columns/scjg/scjg-guides", etag, &status, NULL, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                                  "办事指南和服务"));
  g_assert_null (g_strstr_len (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                               "samr.gov.cn"));
}

/* A service from before columns were an organ's catalogue kept names:
 * started again, each name becomes the organ's column of that name, or a
 * new one, and the disclosure and the public side name it by id */
static void
test_columns_adopted_from_names (void)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) step = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *approved = publishable ("按名称归栏的旧信息", &holder);
  g_autofree char *id = g_strdup (json_object_get_string_member (approved, "id"));
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *page = NULL;
  JsonArray *columns;
  guint status;

  applied (head, "publish-disclosure", id, NULL, &step);
  civic_test_service_stop (service);
  sql = g_strdup_printf ("UPDATE entity SET data = %s "
                         "WHERE type = 'disclosure' AND id = '%s';"
                         "DELETE FROM public_disclosure_column WHERE disclosure_id = '%s';"
                         "INSERT INTO public_disclosure_column VALUES ('%s', 'scjg', '行政许可'),"
                         "  ('%s', 'scjg', '征收补偿');"
                         "DELETE FROM meta WHERE key = 'columns_by_id';",
                         civic_test_postgresql ()
                         ? "CAST (jsonb_set (CAST (data AS jsonb), '{columns}', "
                           "  jsonb_build_array ('行政许可', '征收补偿')) AS text)"
                         : "json_set (data, '$.columns', json_array ('行政许可', '征收补偿'))",
                         id, id, id, id);
  g_ptr_array_unref (civic_test_sql (service->data_dir, sql, NULL));
  civic_test_service_start (service);

  /* the organ's 行政许可 is scjg-licensing; 征收补偿 is new */
  path = g_strconcat ("/api/v1/disclosures/", id, NULL);
  node = civic_test_request (service, "GET", path, editor, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  columns = json_object_get_array_member (json_object_get_object_member (object_of (node), "data"),
                                          "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (columns, 0), ==, "scjg-licensing");
  g_assert_cmpstr (json_array_get_string_element (columns, 1), ==, "scjg-1");
  g_assert_cmpint (civic_test_service_cli (service, NULL, &listed, "column", "list",
                                           "--department", "scjg", NULL), ==, 0);
  g_assert_nonnull (strstr (listed, "scjg-1 "));
  g_assert_nonnull (strstr (listed, "征收补偿"));

  /* the public reads both by id, under their names */
  page = fetch_text ("/public/columns/scjg/scjg-1", 200, NULL);
  g_assert_nonnull (strstr (page, "征收补偿"));
  g_assert_nonnull (strstr (page, id));
  g_free (page);
  g_free (path);
  path = g_strconcat ("/public/disclosures/", id, NULL);
  page = fetch_text (path, 200, NULL);
  g_assert_nonnull (strstr (page, "<a href=\"/public/columns/scjg/scjg-licensing\">行政许可</a>"));
  g_assert_nonnull (strstr (page, "<a href=\"/public/columns/scjg/scjg-1\">征收补偿</a>"));

  /* and a text-only save of it goes through */
  {
    g_autoptr(JsonNode) revised = NULL;

    applied (editor, "revise-disclosure", id, "{\"reason\": \"补充\"}", &revised);
  }
}

/* The disclosure as the service has it now */
static char *
state_of (const char *token,
          const char *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/disclosures/", id, NULL);
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = civic_test_request (service, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (object_of (node), "data"), "state"));
}

static void
restart_at (const char *now,
            gboolean    running)
{
  civic_test_service_stop (service);
  g_setenv ("CIVICDESK_NOW", now, TRUE);
  if (running)
    g_setenv ("CIVICDESK_NOW_RUNNING", "1", TRUE);
  else
    g_unsetenv ("CIVICDESK_NOW_RUNNING");
  civic_test_service_start (service);
}

/* Scheduled for 10:05, the service down from 10:00 to 10:09: published as
 * it starts again, before it listens, and audited as four minutes late */
static void
test_scheduled_across_restart (void)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) step = NULL;
  JsonObject *approved = publishable ("定时发布", &holder);
  g_autofree char *id = g_strdup (json_object_get_string_member (approved, "id"));
  g_autofree char *state = NULL;
  g_autofree char *audit = NULL;

  applied (reviewer2, "schedule-disclosure", id,
           "{\"publish_on\": \"2026-03-20\", \"publish_at\": \"10:05\"}", &step);
  restart_at ("2026-03-20T10:09:00+08:00", FALSE);

  state = state_of (editor, id);
  g_assert_cmpstr (state, ==, "published");
  audit = civic_test_audit_of (service, "late-job", id);
  g_assert_nonnull (strstr (audit, "\"late_seconds\":240"));
  g_free (audit);
  audit = civic_test_audit_of (service, "publish-scheduled-disclosure", id);
  g_assert_nonnull (strstr (audit, "system "));

  restart_at (CIVIC_TEST_NOW, FALSE);
}

/* A clock running from 10:29:58, a publication at 10:30: the service
 * wakes for it by itself */
static void
test_scheduled_at_the_minute (void)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) step = NULL;
  g_autofree char *id = NULL;
  g_autofree char *state = NULL;
  g_autofree char *audit = NULL;
  gint64 started;
  JsonObject *approved;

  restart_at ("2026-03-20T10:29:58+08:00", TRUE);
  approved = publishable ("整点发布", &holder);
  id = g_strdup (json_object_get_string_member (approved, "id"));
  applied (reviewer2, "schedule-disclosure", id,
           "{\"publish_on\": \"2026-03-20\", \"publish_at\": \"10:30\"}", &step);

  started = g_get_monotonic_time ();
  do
    {
      g_free (state);
      state = state_of (editor, id);
      if (g_str_equal (state, "published"))
        break;
      g_usleep (50 * 1000);
    }
  while (g_get_monotonic_time () - started < 15 * G_TIME_SPAN_SECOND);
  g_assert_cmpstr (state, ==, "published");
  /* on time: not audited as late */
  audit = civic_test_audit_of (service, "late-job", id);
  g_assert_cmpstr (audit, ==, "");

  restart_at (CIVIC_TEST_NOW, FALSE);
}

/* Scheduled with an on-duty mobile the guide lets through; the guide then
 * drops it: at its minute the gate holds the publication, which goes back
 * to approved, on the record */
static void
test_scheduled_held_by_the_gate (void)
{
  g_autofree char *id = create (editor, "值班安排");
  g_autofree char *body = save_args ("春节期间值班手机：13912345678\n", 0, NULL);
  g_autofree char *output = NULL;
  g_autofree char *state = NULL;
  g_autofree char *audit = NULL;
  g_autoptr(JsonNode) step = NULL;

  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "department", "disclosure",
                                           "scjg", "--allow", "0731-88888000", "--allow", "12315",
                                           "--allow", "13912345678", NULL), ==, 0);
  applied (editor, "save-disclosure", id, body, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "submit-disclosure", id, NULL, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer2, "schedule-disclosure", id,
           "{\"publish_on\": \"2026-03-20\", \"publish_at\": \"10:30\"}", &step);

  g_free (output);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "department", "disclosure",
                                           "scjg", "--allow", "0731-88888000", "--allow", "12315",
                                           NULL), ==, 0);
  restart_at ("2026-03-20T10:31:00+08:00", FALSE);

  state = state_of (editor, id);
  g_assert_cmpstr (state, ==, "approved");
  audit = civic_test_audit_of (service, "held-job", id);
  g_assert_nonnull (strstr (audit, "privacy-gate"));

  g_free (output);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "department", "disclosure",
                                           "scjg", "--allow", "0731-88888000", "--allow", "12315",
                                           "--allow", "xxgk@scjg.hunan.gov.cn", NULL), ==, 0);
  restart_at (CIVIC_TEST_NOW, FALSE);
}

/* GET an old version; its answer, or NULL with the status */
static JsonNode *
version_of (const char *token,
            const char *id,
            guint       version,
            const char *query,
            guint      *status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/disclosures/%s/versions/%u%s%s", id, version,
                                           query ? "?" : "", query ? query : "");

  return civic_test_request (service, "GET", path, token, NULL, status);
}

/* An old version holds what a later save redacted: the organ's staff read
 * it with the ID number masked; a reviewer reveals it with a reason, on
 * the record without the number; an editor, a supervisor, another organ
 * and a version never saved are refused */
static void
test_version_masked_and_revealed (void)
{
  g_autofree char *id = create (editor, "补助发放名单（2026年第一批）");
  g_autofree char *leaky = save_args ("申请人王五，身份证号430104196804220016，补助1200元。\n", 0,
                                      NULL);
  g_autofree char *redacted = NULL;
  g_autofree char *key = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *reason = g_uri_escape_string ("核对补助对象身份", NULL, FALSE);
  g_autofree char *reveal = g_strconcat ("reveal=1&reason=", reason, NULL);
  g_autoptr(JsonNode) step = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *data;
  const char *body;
  guint status;

  data = applied (editor, "save-disclosure", id, leaky, &step);
  key = g_strdup (json_object_get_string_member (json_array_get_object_element (
                    json_object_get_array_member (data, "findings"), 0), "key"));
  redacted = save_args ("申请人王五，补助1200元。\n", 1, key);
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "save-disclosure", id, redacted, &step);

  /* Masked, for the organ's editor */
  answer = version_of (editor, id, 1, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  data = object_of (answer);
  body = json_object_get_string_member (data, "body");
  g_assert_null (strstr (body, "430104196804220016"));
  g_assert_nonnull (strstr (body, "身份证号"));
  g_assert_nonnull (strstr (body, "补助1200元"));
  g_assert_cmpint (json_object_get_int_member (data, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "head_version"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (data, "masked"), ==, 1);
  g_assert_false (json_object_get_boolean_member (data, "revealed"));
  g_assert_cmpstr (json_object_get_string_member (data, "author_id"), ==, "u-editor");
  audit = civic_test_audit_of (service, "reveal-disclosure-version", id);
  g_assert_cmpstr (audit, ==, "");

  /* Revealed, for a reviewer with a reason, on the record */
  g_clear_pointer (&answer, json_node_unref);
  answer = version_of (reviewer, id, 1, reveal, &status);
  g_assert_cmpuint (status, ==, 200);
  data = object_of (answer);
  g_assert_nonnull (strstr (json_object_get_string_member (data, "body"),
                            "身份证号430104196804220016"));
  g_assert_true (json_object_get_boolean_member (data, "revealed"));
  g_free (audit);
  audit = civic_test_audit_of (service, "reveal-disclosure-version", id);
  g_assert_nonnull (strstr (audit, "u-reviewer {\"version\":1,\"reason\":\"核对补助对象身份\"}"));
  g_assert_null (strstr (audit, "430104196804220016"));

  /* Refused */
  g_clear_pointer (&answer, json_node_unref);
  answer = version_of (reviewer, id, 1, "reveal=1", &status);
  g_assert_cmpuint (status, ==, 400);
  g_clear_pointer (&answer, json_node_unref);
  answer = version_of (editor, id, 1, reveal, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&answer, json_node_unref);
  answer = version_of (supervisor, id, 1, NULL, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&answer, json_node_unref);
  answer = version_of (other_editor, id, 1, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&answer, json_node_unref);
  answer = version_of (editor, id, 3, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&answer, json_node_unref);
  answer = version_of (reviewer, id, 3, reveal, &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&answer, json_node_unref);
  answer = version_of (editor, "no-such-disclosure", 1, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_free (audit);
  audit = civic_test_audit_of (service, "reveal-disclosure-version", id);
  g_assert_nonnull (strstr (audit, "u-reviewer "));
  g_assert_null (strstr (audit, "u-editor"));
}

/* The organ's record as its officials read it */
static JsonObject *
department_of (const char  *token,
               const char  *id,
               JsonNode   **holder)
{
  g_autofree char *path = g_strconcat ("/api/v1/departments/", id, NULL);
  guint status;

  *holder = civic_test_request (service, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_object_member (object_of (*holder), "data");
}

/* Art. 49: a department publishes last year's annual report by 31
 * January. On Tue 2027-01-05 an organ without its 2026 report finds the
 * reminder on its record, put by the service and audited; once its editor
 * has generated the report the reminder is gone, while another organ
 * without one keeps it; in March there is none */
static void
test_annual_report_reminder (void)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *audit = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) step = NULL;
  g_autofree char *january_editor = NULL;
  g_autofree char *january_other = NULL;
  JsonObject *department, *reminder;

  /* Sessions of March 2026 have long expired by January */
  restart_at ("2027-01-05T09:00:00+08:00", FALSE);
  january_editor = civic_test_sign_in (service, "editor");

  department = department_of (january_editor, "scjg", &holder);
  g_assert_true (json_object_has_member (department, "annual_report_reminder"));
  reminder = json_object_get_object_member (department, "annual_report_reminder");
  g_assert_cmpint (json_object_get_int_member (reminder, "year"), ==, 2026);
  g_assert_cmpstr (json_object_get_string_member (reminder, "due_on"), ==, "2027-01-31");
  g_assert_cmpstr (json_object_get_string_member (reminder, "since"), ==, "2027-01-05");
  audit = civic_test_audit_of (service, "remind-annual-report", "scjg");
  g_assert_nonnull (strstr (audit, "system {\"year\":2026,\"due_on\":\"2027-01-31\"}"));

  /* The editor generates the report; the service, starting again the
   * same morning, takes the reminder away */
  applied_as (january_editor, id, "generate-disclosure-annual-report", id, "{\"year\": 2026}", &step);
  restart_at ("2027-01-05T09:10:00+08:00", FALSE);
  g_clear_pointer (&holder, json_node_unref);
  department = department_of (january_editor, "scjg", &holder);
  g_assert_false (json_object_has_member (department, "annual_report_reminder"));
  g_free (audit);
  audit = civic_test_audit_of (service, "end-annual-report-reminder", "scjg");
  g_assert_nonnull (strstr (audit, "\"reason\":\"report-generated\""));

  /* Another organ has not generated its own */
  january_other = civic_test_sign_in (service, "zrzyt.editor");
  g_clear_pointer (&holder, json_node_unref);
  department = department_of (january_other, "zrzyt", &holder);
  g_assert_true (json_object_has_member (department, "annual_report_reminder"));

  /* Past 31 January the reminder ends with the period */
  restart_at (CIVIC_TEST_NOW, FALSE);
  g_clear_pointer (&holder, json_node_unref);
  department = department_of (other_editor, "zrzyt", &holder);
  g_assert_false (json_object_has_member (department, "annual_report_reminder"));
  g_free (audit);
  audit = civic_test_audit_of (service, "end-annual-report-reminder", "zrzyt");
  g_assert_nonnull (strstr (audit, "\"reason\":\"deadline-passed\""));
}

/* What kind of organ @department is, changed in the stopped service's
 * store: the demo has no people's government */
static void
set_kind (const char *department,
          const char *kind)
{
  g_autoptr(GPtrArray) changed = NULL;

  civic_test_service_stop (service);
  changed = civic_test_sql (service->data_dir,
                            civic_test_postgresql ()
                            ? "UPDATE entity SET data = CAST (jsonb_set (CAST (data AS jsonb), "
                              "  '{kind}', to_jsonb (CAST (? AS text))) AS text) "
                              "WHERE type = 'department' AND id = ? RETURNING id"
                            : "UPDATE entity SET data = json_set (data, '$.kind', ?) "
                              "WHERE type = 'department' AND id = ? RETURNING id",
                            kind, department, NULL);
  g_assert_cmpuint (changed->len, ==, 1);
}

/* A people's government publishes its report by 31 March (Art. 49): on
 * 3 February one without its 2026 report is still reminded, the last
 * day 2027-03-31, while a department's reminder ended with January; on
 * 1 April its own ends too */
static void
test_government_report_reminder (void)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *token = NULL;
  JsonObject *department, *reminder;

  set_kind ("zrzyt", "government");
  restart_at ("2027-02-03T09:00:00+08:00", FALSE);
  token = civic_test_sign_in (service, "zrzyt.editor");
  department = department_of (token, "zrzyt", &holder);
  g_assert_true (json_object_has_member (department, "annual_report_reminder"));
  reminder = json_object_get_object_member (department, "annual_report_reminder");
  g_assert_cmpint (json_object_get_int_member (reminder, "year"), ==, 2026);
  g_assert_cmpstr (json_object_get_string_member (reminder, "due_on"), ==, "2027-03-31");
  g_clear_pointer (&holder, json_node_unref);
  department = department_of (token, "scjg", &holder);
  g_assert_false (json_object_has_member (department, "annual_report_reminder"));

  restart_at ("2027-04-01T09:00:00+08:00", FALSE);
  g_clear_pointer (&holder, json_node_unref);
  g_free (token);
  /* a new session: February's has ended */
  token = civic_test_sign_in (service, "zrzyt.editor");
  department = department_of (token, "zrzyt", &holder);
  g_assert_false (json_object_has_member (department, "annual_report_reminder"));
  audit = civic_test_audit_of (service, "remind-annual-report", "zrzyt");
  g_assert_nonnull (strstr (audit, "system {\"year\":2026,\"due_on\":\"2027-03-31\"}"));

  set_kind ("zrzyt", "component");
  restart_at (CIVIC_TEST_NOW, FALSE);
}

/* A third party objects; the organ may still disclose, saying why
 * withholding would seriously harm the public interest, and tells the
 * third party in writing (Art. 32): the reply is refused without the
 * reasons, and issued with them together with a numbered notice to the
 * third party that names the information and the reasons and never who
 * asked */
static void
test_request_disclosed_over_objection (void)
{
  g_autofree char *id = civic_test_uuid ();
  g_autoptr(JsonNode) step = NULL;
  g_autofree char *notice_id = NULL;
  g_autofree char *text = NULL;
  JsonObject *data, *consultation;
  guint status;
  static const char registration[] =
    "{\"channel\": \"in-person\", \"received_on\": \"2026-03-20\","
    " \"applicant_kind\": \"natural-person\", \"applicant_name\": \"钱多多\","
    " \"id_type\": \"resident-id\", \"id_number\": \"430104199001010019\","
    " \"phone\": \"13912345678\", \"description\": \"2026年第一季度食品抽检不合格企业的检验报告\","
    " \"delivery_form\": \"paper\", \"delivery_channel\": \"collect\"}";

  applied_as (editor, id, "register-disclosure-request", id, registration, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "start-disclosure-consultation", id,
           "{\"party\": \"长沙市天心区鲜达食品有限公司\", \"consultee\": \"third-party\","
           " \"basis\": \"检验报告载有该公司的产品配方\", \"served_on\": \"2026-03-20\"}", &step);
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "record-consultation-answer", id,
           "{\"consultation\": 1, \"answer\": \"objection\", \"answered_on\": \"2026-03-20\"}",
           &step);

  rejected (editor, "draft-disclosure-reply", id, "{\"outcome\": \"disclose\"}", "rule",
            "public interest");
  rejected (editor, "draft-disclosure-reply", id,
            "{\"outcome\": \"cannot-provide\", \"ground\": \"not-held\","
            " \"public_interest\": \"涉及食品安全\"}", "argument", "discloses");

  g_clear_pointer (&step, json_node_unref);
  applied (editor, "draft-disclosure-reply", id,
           "{\"outcome\": \"disclose\", \"public_interest\": \"不合格产品已流入市场，关系公众食品安全\"}",
           &step);
  g_clear_pointer (&step, json_node_unref);
  data = applied (head, "issue-disclosure-reply", id, "{\"replied_on\": \"2026-03-20\"}", &step);
  g_assert_nonnull (json_object_get_string_member (data, "reply_document_id"));
  consultation = json_array_get_object_element (json_object_get_array_member (data,
                                                                              "consultations"), 0);
  notice_id = g_strdup (json_object_get_string_member (consultation, "notice_document_id"));
  g_assert_nonnull (notice_id);
  /* Both filed with the request, numbered, with the hash they are checked by */
  {
    JsonArray *documents = json_object_get_array_member (data, "documents");
    JsonObject *notice;

    g_assert_cmpuint (json_array_get_length (documents), ==, 3);  /* the letter, the reply, the notice */
    notice = json_array_get_object_element (documents, 2);
    g_assert_cmpstr (json_object_get_string_member (notice, "id"), ==, notice_id);
    g_assert_cmpstr (json_object_get_string_member (notice, "kind"), ==,
                     "disclosure-third-party-notice");
    g_assert_nonnull (strstr (json_object_get_string_member (notice, "number"), "公开告〔2026〕"));
    g_assert_cmpuint (strlen (json_object_get_string_member (notice, "sha256")), ==, 64);
  }

  text = request_document_text (reviewer, notice_id, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (text, "政府信息公开决定告知书"));
  g_assert_nonnull (strstr (text, "湘市监公开告〔2026〕"));
  g_assert_nonnull (strstr (text, "长沙市天心区鲜达食品有限公司："));
  g_assert_nonnull (strstr (text, "2026年第一季度食品抽检不合格企业的检验报告"));
  g_assert_nonnull (strstr (text, "关系公众食品安全"));
  g_assert_nonnull (strstr (text, "第三十二条"));
  g_assert_nonnull (strstr (text, "湖南省人民政府"));
  g_assert_null (strstr (text, "钱多多"));
  g_assert_null (strstr (text, "13912345678"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (10, 7);
  editor = civic_test_sign_in (service, "editor");
  reviewer = civic_test_sign_in (service, "reviewer");
  reviewer2 = civic_test_sign_in (service, "reviewer2");
  head = civic_test_sign_in (service, "head");
  other_editor = civic_test_sign_in (service, "zrzyt.editor");
  other_reviewer = civic_test_sign_in (service, "zrzyt.reviewer");
  supervisor = civic_test_sign_in (service, "supervisor");

  g_test_add_func ("/disclosures/created-once", test_created_once);
  g_test_add_func ("/disclosures/gate", test_gate);
  g_test_add_func ("/disclosures/index-numbers", test_index_numbers);
  g_test_add_func ("/disclosures/versions-sealed", test_versions_sealed);
  g_test_add_func ("/disclosures/version-masked-and-revealed", test_version_masked_and_revealed);
  g_test_add_func ("/disclosures/feed-scope", test_feed_scope);
  g_test_add_func ("/disclosures/public-side", test_public_side);
  g_test_add_func ("/disclosures/request-from-the-public", test_request_from_the_public);
  g_test_add_func ("/disclosures/request-documents", test_request_documents);
  g_test_add_func ("/disclosures/request-disclosed-over-objection",
                   test_request_disclosed_over_objection);
  g_test_add_func ("/disclosures/new-kinds-get-templates", test_new_kinds_get_templates);
  g_test_add_func ("/disclosures/annual-report", test_annual_report);
  g_test_add_func ("/disclosures/policy-from-the-command-line", test_policy_from_the_command_line);
  g_test_add_func ("/disclosures/columns-from-the-command-line",
                   test_columns_from_the_command_line);
  g_test_add_func ("/disclosures/columns-adopted-from-names", test_columns_adopted_from_names);
  g_test_add_func ("/disclosures/scheduled-across-restart", test_scheduled_across_restart);
  g_test_add_func ("/disclosures/scheduled-at-the-minute", test_scheduled_at_the_minute);
  g_test_add_func ("/disclosures/scheduled-held-by-the-gate", test_scheduled_held_by_the_gate);
  g_test_add_func ("/disclosures/annual-report-reminder", test_annual_report_reminder);
  g_test_add_func ("/disclosures/government-report-reminder", test_government_report_reminder);

  status = g_test_run ();

  g_free (editor);
  g_free (reviewer);
  g_free (reviewer2);
  g_free (head);
  g_free (other_editor);
  g_free (other_reviewer);
  g_free (supervisor);
  civic_test_service_free (service);
  return status;
}
