/* test-messages.c — citizens' messages through the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A complaint sent on the public side gets a receipt and its due day;
 * the department that has it sees it with the citizen masked, another
 * does not, the hall's dispatcher and the supervisor do; it is signed
 * for, noted, replied to, returned and approved, and the public status
 * shows the reply with the citizen's name masked and never a note. A
 * sweep plants a marker in an internal note of a message in every state
 * and finds it in no public answer. A report is kept from the department
 * and from the official it accuses — feed, entity and every command —
 * and cannot be handed to them. A transfer keeps the department it left
 * in the message's scope. The region's table is in the feed.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-message.h"
#include "civic-test-service.h"

static CivicTestService *service;
static char *handler, *reviewer, *head, *other_handler, *dispatcher, *supervisor, *clerk;

#define object_of civic_test_object_of
#define quote civic_test_quote
#define applied(...) civic_test_applied (service, __VA_ARGS__)
#define rejected(...) civic_test_rejected (service, __VA_ARGS__)

static char *
fetch_text (const char *path,
            guint       expected)
{
  g_autoptr(GBytes) bytes = NULL;
  guint status;
  gsize size;
  const char *data;

  bytes = civic_test_fetch (service, path, NULL, &status, NULL, NULL);
  g_assert_cmpuint (status, ==, expected);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

/* Sent on the public side: its receipt */
static char *
submit (const char *body,
        guint       expected,
        char      **due_on)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (service, "POST", "/public/v1/messages", NULL, body, &status);
  g_assert_cmpuint (status, ==, expected);
  if (expected != 201)
    return NULL;
  if (due_on != NULL)
    *due_on = g_strdup (json_object_get_string_member (object_of (answer), "due_on"));
  return g_strdup (json_object_get_string_member (object_of (answer), "receipt"));
}

/* The id of the message with @receipt, as @token's feed has it */
static char *
id_of (const char *token,
       const char *receipt)
{
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  GHashTableIter iter;
  gpointer key, value;

  civic_test_pull_all (service, token, 0, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "message/") &&
        g_strcmp0 (json_object_get_string_member_with_default (object_of (value), "receipt",
                                                               NULL), receipt) == 0)
      return g_strdup ((const char *) key + strlen ("message/"));
  return NULL;
}

static gboolean
feed_has (const char *token,
          const char *key)
{
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);

  civic_test_pull_all (service, token, 0, entities);
  return g_hash_table_contains (entities, key);
}

#define COMPLAINT \
  "{\"kind\": \"complaint\", \"subject\": \"餐馆无证经营\"," \
  " \"body\": \"岳麓区某巷口餐馆没有营业执照，油烟扰民。\", \"name\": \"李小明\"," \
  " \"phone\": \"13812345678\", \"location\": \"岳麓区麓山路12号\", \"department\": \"scjg\"}"

/* A complaint the hall's dispatch took on the hotline for @department,
 * under an Open311 service's code so that Open311 lists it too:
 * its id, and its receipt in @receipt (the public side's own form is
 * rate-limited per address, and its tests use it) */
static char *
register_complaint (const char  *department,
                    char       **receipt)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *args = g_strdup_printf (
    "{\"kind\": \"complaint\", \"channel\": \"hotline-12345\", \"subject\": \"餐馆无证经营\","
    " \"body\": \"岳麓区某巷口餐馆没有营业执照，油烟扰民。\", \"citizen_name\": \"李小明\","
    " \"phone\": \"13812345678\", \"department_id\": \"%s\","
    " \"service_code\": \"scjg-food-safety\"}", department);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *data = applied (dispatcher, "register-message", id, args, &holder);

  if (receipt != NULL)
    *receipt = g_strdup (json_object_get_string_member (data, "receipt"));
  return g_steal_pointer (&id);
}

static void
test_from_the_public_to_reply (void)
{
  g_autofree char *due = NULL;
  g_autofree char *receipt = submit (COMPLAINT, 201, &due);
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  g_autofree char *status = NULL;
  g_autofree char *reply = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *data, *citizen, *replies;

  /* 13 working days from Fri 20 March: Qingming is Sat 4 – Mon 6 April */
  g_assert_cmpuint (strlen (receipt), ==, 12);
  g_assert_cmpstr (due, ==, "2026-04-09");

  /* Who sees it */
  id = id_of (handler, receipt);
  g_assert_nonnull (id);
  key = g_strconcat ("message/", id, NULL);
  g_assert_false (feed_has (other_handler, key));
  g_assert_true (feed_has (dispatcher, key));
  /* A supervisor reads it when they open it, and their feed does not
   * carry the province's messages */
  g_assert_false (feed_has (supervisor, key));
  {
    guint code;
    g_autofree char *entity_path = g_strconcat ("/api/v1/messages/", id, NULL);
    g_autoptr(JsonNode) entity = civic_test_request (service, "GET", entity_path, handler, NULL,
                                                     &code);

    g_assert_cmpuint (code, ==, 200);
    data = json_object_get_object_member (object_of (entity), "data");
    citizen = json_object_get_object_member (data, "citizen");
    g_assert_cmpstr (json_object_get_string_member (citizen, "name"), ==, "李**");
    g_assert_cmpstr (json_object_get_string_member (citizen, "phone"), ==, "138****5678");
    g_assert_cmpstr (json_object_get_string_member (data, "channel"), ==, "portal");
    g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (data, "summary"), "step"), ==,
                     "sign-for");
    g_clear_pointer (&entity, json_node_unref);
    entity = civic_test_request (service, "GET", entity_path, other_handler, NULL, &code);
    g_assert_cmpuint (code, ==, 404);
    g_clear_pointer (&entity, json_node_unref);
    entity = civic_test_request (service, "GET", entity_path, supervisor, NULL, &code);
    g_assert_cmpuint (code, ==, 200);
    citizen = json_object_get_object_member (json_object_get_object_member (object_of (entity),
                                                                            "data"), "citizen");
    g_assert_cmpstr (json_object_get_string_member (citizen, "phone"), ==, "138****5678");
  }

  /* Its public status: no name, no phone */
  path = g_strconcat ("/public/v1/messages/", receipt, NULL);
  status = fetch_text (path, 200);
  g_assert_null (strstr (status, "李小明"));
  g_assert_null (strstr (status, "13812345678"));
  g_assert_nonnull (strstr (status, "\"state\":\"received\""));
  g_assert_nonnull (strstr (status, "\"due_on\":\"2026-04-09\""));
  g_free (fetch_text ("/public/v1/messages/NOSUCHRECEIPT", 404));

  rejected (other_handler, "sign-for-message", id, NULL, "not-found");
  rejected (supervisor, "sign-for-message", id, NULL, "forbidden");
  applied (handler, "sign-for-message", id, NULL, &holder);
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "note-message", id, "{\"text\": \"NOTEMARK 店主系区人大代表亲属\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);

  reply = quote ("李小明您好：经查，该餐馆已于2026年3月取得食品经营许可证，对您的投诉不予支持。"
                 "如对本答复不服，可自收到之日起30日内向湖南省市场监督管理局申请复查。");
  {
    g_autofree char *args = g_strdup_printf ("{\"text\": %s}", reply);

    data = applied (handler, "reply-message", id, args, &holder);
    g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "reply-in-review");
    g_clear_pointer (&holder, json_node_unref);
    rejected (handler, "review-message-reply", id, "{\"decision\": \"approve\"}", "role");
    applied (reviewer, "review-message-reply", id,
             "{\"decision\": \"return\", \"note\": \"REVIEWMARK 写明许可证编号\"}", &holder);
    g_clear_pointer (&holder, json_node_unref);
    /* Nothing went out yet */
    g_free (status);
    status = fetch_text (path, 200);
    g_assert_nonnull (strstr (status, "\"replies\":[]"));
    applied (handler, "reply-message", id, args, &holder);
    g_clear_pointer (&holder, json_node_unref);
  }
  data = applied (reviewer, "review-message-reply", id, "{\"decision\": \"approve\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "replied");

  g_free (status);
  {
    guint code;

    answer = civic_test_request (service, "GET", path, NULL, NULL, &code);
    g_assert_cmpuint (code, ==, 200);
  }
  replies = json_array_get_object_element (json_object_get_array_member (object_of (answer),
                                                                         "replies"), 0);
  g_assert_nonnull (replies);
  g_assert_nonnull (strstr (json_object_get_string_member (replies, "text"), "您好：经查"));
  g_assert_null (strstr (json_object_get_string_member (replies, "text"), "李小明"));
  g_assert_cmpstr (json_object_get_string_member (replies, "sent_on"), ==, "2026-03-20");
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "state"), ==, "replied");
  status = fetch_text (path, 200);
  g_assert_null (strstr (status, "NOTEMARK"));
  g_assert_null (strstr (status, "REVIEWMARK"));
}

/* The public form refuses what is not a message's, a channel it is not,
 * and a complaint without a way to reach its author */
static void
test_public_form_refusals (void)
{
  submit ("{\"kind\": \"complaint\", \"subject\": \"s\", \"body\": \"b\", \"name\": \"王五\","
          " \"phone\": \"13812345678\", \"state\": \"closed\"}", 400, NULL);
  submit ("{\"kind\": \"complaint\", \"subject\": \"s\", \"body\": \"b\", \"name\": \"王五\","
          " \"phone\": \"13812345678\", \"channel\": \"hotline-12345\"}", 400, NULL);
  submit ("{\"kind\": \"complaint\", \"subject\": \"s\", \"body\": \"b\", \"anonymous\": true}",
          400, NULL);
  submit ("{\"kind\": \"complaint\", \"subject\": \"s\", \"body\": \"b\", \"name\": \"王五\","
          " \"phone\": \"13812345678\", \"department\": \"nosuch\"}", 400, NULL);
  submit ("[1, 2]", 400, NULL);
}

/* A note's words in a message of every state, and in none of the answers
 * the public can ask for */
static void
test_notes_never_public (void)
{
  static const char * const states[] = {
    "new", "signed-for", "in-progress", "reply-in-review", "replied", "closed", "reopened",
    "sent-back", "merged",
  };
  g_autoptr(GPtrArray) receipts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *into = NULL;
  g_autoptr(GString) everything = g_string_new (NULL);
  const char *public_paths[] = {
    "/public/v1/disclosures", "/public/v1/hearings", "/public/disclosures",
    "/public/v1/feeds/scjg.atom", "/open311/v2/requests.json", "/open311/v2/requests.xml",
    "/public/v1/campaigns", "/public/campaigns",
  };

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      g_autofree char *receipt = NULL;
      g_autofree char *id = register_complaint ("scjg", &receipt);
      g_autofree char *note = g_strdup_printf ("{\"text\": \"LEAKMARK-%u 内部意见\"}", s);
      g_autoptr(JsonNode) holder = NULL;
      const char *state = states[s];

      applied (handler, "note-message", id, note, &holder);
      g_clear_pointer (&holder, json_node_unref);
      if (g_str_equal (state, "sent-back"))
        {
          applied (dispatcher, "transfer-message", id,
                   "{\"department_id\": \"zrzyt\", \"reason\": \"not-our-remit\"}", &holder);
          g_clear_pointer (&holder, json_node_unref);
          applied (other_handler, "send-back-message", id,
                   "{\"reason\": \"not-our-remit\", \"text\": \"LEAKMARK-back 非本单位\"}",
                   &holder);
        }
      else if (g_str_equal (state, "merged"))
        {
          g_autofree char *args = g_strdup_printf ("{\"into\": \"%s\","
                                                   " \"text\": \"LEAKMARK-merge 同一事项\"}",
                                                   into);

          applied (handler, "merge-message", id, args, &holder);
        }
      else if (!g_str_equal (state, "new"))
        {
          applied (handler, "sign-for-message", id, NULL, &holder);
          g_clear_pointer (&holder, json_node_unref);
          if (!g_str_equal (state, "signed-for"))
            {
              applied (handler, "assign-message", id, "{\"assignee\": \"u-handler\"}", &holder);
              g_clear_pointer (&holder, json_node_unref);
            }
          if (!g_str_equal (state, "signed-for") && !g_str_equal (state, "in-progress"))
            {
              applied (handler, "reply-message", id,
                       "{\"text\": \"您反映的问题已责令商户整改，感谢您的监督。\"}", &holder);
              g_clear_pointer (&holder, json_node_unref);
            }
          if (!g_str_equal (state, "signed-for") && !g_str_equal (state, "in-progress") &&
              !g_str_equal (state, "reply-in-review"))
            {
              applied (reviewer, "review-message-reply", id,
                       "{\"decision\": \"approve\", \"note\": \"LEAKMARK-review 可\"}", &holder);
              g_clear_pointer (&holder, json_node_unref);
            }
          if (g_str_equal (state, "closed") || g_str_equal (state, "reopened"))
            {
              applied (handler, "close-message", id,
                       "{\"outcome\": \"resolved\", \"note\": \"LEAKMARK-close\"}", &holder);
              g_clear_pointer (&holder, json_node_unref);
            }
          if (g_str_equal (state, "reopened"))
            applied (handler, "reopen-message", id, "{\"reason\": \"LEAKMARK-reopen 回访不满意\"}",
                     &holder);
        }
      if (into == NULL && !g_str_equal (state, "merged"))
        into = g_strdup (id);
      g_ptr_array_add (receipts, g_steal_pointer (&receipt));
    }

  for (guint i = 0; i < receipts->len; i++)
    {
      g_autofree char *path = g_strconcat ("/public/v1/messages/",
                                           (char *) g_ptr_array_index (receipts, i), NULL);
      g_autofree char *page = g_strconcat ("/public/messages/",
                                           (char *) g_ptr_array_index (receipts, i), NULL);
      g_autofree char *text = fetch_text (path, 200);
      g_autofree char *html = fetch_text (page, 200);

      g_string_append (everything, text);
      g_string_append (everything, html);
    }
  for (guint i = 0; i < G_N_ELEMENTS (public_paths); i++)
    {
      guint code;
      g_autoptr(GBytes) bytes = civic_test_fetch (service, public_paths[i], NULL, &code, NULL,
                                                  NULL);

      g_assert_cmpuint (code, ==, 200);
      g_string_append_len (everything, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  g_assert_nonnull (strstr (everything->str, "感谢您的监督"));
  g_assert_null (strstr (everything->str, "LEAKMARK"));
}

/* 信访工作条例 Art. 30: the department and the official a report
 * accuses never see it, nor act on it, nor get it */
static void
test_report_kept_from_the_accused (void)
{
  static const char * const commands[] = {
    "sign-for-message", "assign-message", "transfer-message", "send-back-message",
    "decide-message-send-back", "merge-message", "route-message-to-case", "note-message",
    "reply-message", "review-message-reply", "extend-message", "close-message",
    "record-return-visit", "reopen-message",
  };
  const char *accused[] = { other_handler, clerk };
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *key = g_strconcat ("message/", id, NULL);
  g_autofree char *entity_path = g_strconcat ("/api/v1/messages/", id, NULL);
  g_autoptr(JsonNode) holder = NULL;

  applied (dispatcher, "register-message", id,
           "{\"kind\": \"report\", \"channel\": \"hotline-12345\", \"subject\": \"窗口人员索要好处费\","
           " \"body\": \"办理营业执照时被要求另付费用。\", \"anonymous\": true,"
           " \"department_id\": \"scjg\", \"accused_department_id\": \"zrzyt\","
           " \"accused_person_id\": \"u-clerk\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);

  g_assert_true (feed_has (handler, key));
  g_assert_true (feed_has (dispatcher, key));
  for (guint a = 0; a < G_N_ELEMENTS (accused); a++)
    {
      guint code;
      g_autoptr(JsonNode) entity = NULL;

      g_assert_false (feed_has (accused[a], key));
      entity = civic_test_request (service, "GET", entity_path, accused[a], NULL, &code);
      g_assert_cmpuint (code, ==, 404);
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        rejected (accused[a], commands[c], id, "{}", "not-found");
    }

  /* Nor handed to them */
  applied (handler, "sign-for-message", id, NULL, &holder);
  g_clear_pointer (&holder, json_node_unref);
  rejected (handler, "transfer-message", id,
            "{\"department_id\": \"zrzyt\", \"reason\": \"not-our-remit\"}", "rule");
  rejected (dispatcher, "transfer-message", id,
            "{\"department_id\": \"zrzyt\", \"reason\": \"not-our-remit\"}", "rule");
  g_assert_false (feed_has (clerk, key));
}

/* A report accusing the hall's own department: its dispatchers and its
 * supervisors do not see it either, whatever their role; an official it
 * names is one the directory knows */
static void
test_report_accusing_the_hall (void)
{
  g_autofree char *due = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  g_autofree char *entity_path = NULL;
  g_autofree char *typed = civic_test_uuid ();
  g_autoptr(JsonNode) entity = NULL;
  guint code;

  /* Sent to dispatch with no department: refused, dispatch may be accused */
  submit ("{\"kind\": \"report\", \"subject\": \"派单员收受好处\", \"body\": \"……\","
          " \"anonymous\": true, \"accused_department\": \"zwfwj\"}", 400, NULL);
  receipt = submit ("{\"kind\": \"report\", \"subject\": \"派单员收受好处\", \"body\": \"……\","
                    " \"anonymous\": true, \"accused_department\": \"zwfwj\","
                    " \"department\": \"scjg\"}", 201, &due);
  id = id_of (handler, receipt);
  g_assert_nonnull (id);
  key = g_strconcat ("message/", id, NULL);
  g_assert_false (feed_has (dispatcher, key));
  g_assert_false (feed_has (supervisor, key));
  entity_path = g_strconcat ("/api/v1/messages/", id, NULL);
  entity = civic_test_request (service, "GET", entity_path, dispatcher, NULL, &code);
  g_assert_cmpuint (code, ==, 404);
  g_clear_pointer (&entity, json_node_unref);
  entity = civic_test_request (service, "GET", entity_path, supervisor, NULL, &code);
  g_assert_cmpuint (code, ==, 404);
  rejected (dispatcher, "note-message", id, "{\"text\": \"x\"}", "not-found");

  /* An accused official typed, not chosen: refused */
  {
    g_autofree char *args = g_strdup_printf (
      "{\"kind\": \"report\", \"channel\": \"letter\", \"subject\": \"s\", \"body\": \"b\","
      " \"anonymous\": true, \"department_id\": \"scjg\", \"accused_department_id\": \"zrzyt\","
      " \"accused_person_id\": \"张科长\"}");

    rejected (dispatcher, "register-message", typed, args, "argument");
  }
}

/* Merging and routing stay within the department: another's message, or
 * case, is refused as if it did not exist */
static void
test_merge_within_the_department (void)
{
  g_autofree char *our_id = register_complaint ("scjg", NULL);
  g_autofree char *their_id = register_complaint ("zrzyt", NULL);
  g_autofree char *args = g_strdup_printf ("{\"into\": \"%s\"}", their_id);
  g_autofree char *nowhere = g_strdup_printf ("{\"into\": \"%s\"}", "no-such-message");

  rejected (handler, "merge-message", our_id, args, "argument");
  rejected (handler, "merge-message", our_id, nowhere, "argument");
}

/* A transfer: the department it left still sees where it went */
static void
test_transfer_scope (void)
{
  g_autofree char *id = register_complaint ("scjg", NULL);
  g_autofree char *key = g_strconcat ("message/", id, NULL);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *data;

  rejected (handler, "transfer-message", id,
            "{\"department_id\": \"nosuch\", \"reason\": \"not-our-remit\"}", "argument");
  data = applied (handler, "transfer-message", id,
                  "{\"department_id\": \"zrzyt\", \"reason\": \"not-our-remit\","
                  " \"text\": \"属自然资源事项\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "department_id"), ==, "zrzyt");
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "new");
  g_assert_true (feed_has (other_handler, key));
  g_assert_true (feed_has (handler, key));
  rejected (handler, "sign-for-message", id, NULL, "not-found");
  g_clear_pointer (&holder, json_node_unref);
  applied (other_handler, "sign-for-message", id, NULL, &holder);
}

static void
test_table_in_the_feed (void)
{
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  JsonNode *table;

  civic_test_pull_all (service, clerk, 0, entities);
  table = g_hash_table_lookup (entities, "message-clocks/HN");
  g_assert_nonnull (table);
  g_assert_cmpstr (json_object_get_string_member (object_of (table), "name"), ==, "湖南省");
}

/* A region's own table, imported while the service runs: new messages
 * follow it, those already in keep theirs; another region's is refused,
 * and so is a table with a fault */
static void
test_table_imported (void)
{
  g_autofree char *before = submit (COMPLAINT, 201, NULL);
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *output = NULL;
  g_autofree char *file = g_build_filename (service->data_dir, "..", "HN-local.json", NULL);
  g_autofree char *other = g_build_filename (service->data_dir, "..", "GD.json", NULL);
  g_autofree char *broken = g_build_filename (service->data_dir, "..", "HN-broken.json", NULL);
  g_autofree char *due = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GString) local = NULL;

  path = g_build_filename (g_getenv ("CIVICDESK_MESSAGE_CLOCKS_DIR"), "HN.json", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* The province shortens a complaint's reply to 10 working days */
  local = g_string_new (contents);
  g_assert_cmpint (g_string_replace (local, "\"limit\": 13,", "\"limit\": 10,", 1), ==, 1);
  g_assert_true (g_file_set_contents (file, local->str, -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "message-clocks", "import",
                                           file, NULL), ==, 0);

  after = submit (COMPLAINT, 201, &due);
  /* Mar 23–27, Mar 30 – Apr 3 */
  g_assert_cmpstr (due, ==, "2026-04-03");
  path = (g_free (path), g_strconcat ("/public/v1/messages/", before, NULL));
  status = fetch_text (path, 200);
  g_assert_nonnull (strstr (status, "\"due_on\":\"2026-04-09\""));

  g_string_replace (local, "\"region\": \"HN\"", "\"region\": \"GD\"", 1);
  g_assert_true (g_file_set_contents (other, local->str, -1, NULL));
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "message-clocks", "import",
                                           other, NULL), !=, 0);
  g_assert_nonnull (strstr (output, "not of GD"));

  g_assert_true (g_file_set_contents (broken, "{\"region\": \"HN\", \"name\": \"x\"}", -1,
                                      NULL));
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "message-clocks", "import",
                                           broken, NULL), !=, 0);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &shown, "message-clocks", "show",
                                           NULL), ==, 0);
  g_assert_nonnull (strstr (shown, "\"limit\" : 10"));

  /* Put back as shipped, for the tests after */
  g_clear_pointer (&output, g_free);
  path = (g_free (path), g_build_filename (g_getenv ("CIVICDESK_MESSAGE_CLOCKS_DIR"), "HN.json",
                                           NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "message-clocks", "import",
                                           path, NULL), ==, 0);
}

/* The demo's messages: every one lawful as its rules made it, the demo
 * department's queue with one at every early step, reports never kept
 * by the department they accuse */
static void
test_demo_messages (void)
{
  static const char * const args[] = { "--disclosures", "0", "--requests", "0", "--messages",
                                       "300", NULL };
  g_autoptr(CivicTestService) demo = civic_test_service_new_demo_with (10, 7, args);
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autoptr(GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) idea_statuses = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0, own = 0, ratings = 0, bad = 0, ideas = 0, campaigns = 0;

  civic_test_read_all (demo, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonObject *message;
      const char *state, *department, *accused;
      JsonArray *replies;
      gboolean sent = FALSE;

      /* Ratings of answered messages: of one, its evaluator masked; a bad
       * one says what was wrong */
      if (g_str_has_prefix (key, "evaluation/"))
        {
          JsonObject *rating = object_of (value);
          g_autofree char *rated = g_strconcat ("message/",
                                                json_object_get_string_member (rating,
                                                                               "target_id"),
                                                NULL);
          JsonNode *target = g_hash_table_lookup (entities, rated);
          const char *target_state;

          g_assert_nonnull (target);
          target_state = json_object_get_string_member (object_of (target), "state");
          g_assert_true (g_str_equal (target_state, "replied") ||
                         g_str_equal (target_state, "closed") ||
                         g_str_equal (target_state, "reopened"));
          g_assert_cmpstr (json_object_get_string_member (rating, "department_id"), ==,
                           json_object_get_string_member (object_of (target), "department_id"));
          g_assert_true (json_object_get_boolean_member (
                           json_object_get_object_member (rating, "evaluator"), "masked"));
          if (json_object_get_int_member (rating, "rating") <= 2)
            {
              bad++;
              g_assert_nonnull (json_object_get_string_member (rating, "comment"));
            }
          ratings++;
          continue;
        }
      if (g_str_has_prefix (key, "campaign/"))
        {
          campaigns++;
          continue;
        }
      if (!g_str_has_prefix (key, "message/"))
        continue;
      message = object_of (value);
      state = json_object_get_string_member (message, "state");
      /* The campaigns' ideas, at every step of their judging */
      if (g_str_equal (json_object_get_string_member (message, "kind"), "idea"))
        {
          JsonObject *idea = json_object_get_object_member (message, "idea");

          g_assert_cmpstr (json_object_get_string_member (message, "department_id"), ==, "scjg");
          g_hash_table_add (idea_statuses,
                            (gpointer) json_object_get_string_member (idea, "status"));
          ideas++;
          continue;
        }
      department = json_object_get_string_member_with_default (message, "department_id", NULL);
      accused = json_object_get_string_member_with_default (message, "accused_department_id",
                                                            NULL);
      replies = json_object_get_array_member (message, "replies");
      for (guint i = 0; i < json_array_get_length (replies); i++)
        sent |= g_strcmp0 (json_object_get_string_member (json_array_get_object_element (replies,
                                                                                         i),
                                                          "status"), "sent") == 0;
      n++;
      own += g_strcmp0 (department, "scjg") == 0;
      g_hash_table_add (states, (gpointer) state);
      g_assert_nonnull (json_object_get_object_member (message, "terms"));
      g_assert_cmpuint (strlen (json_object_get_string_member (message, "receipt")), ==, 12);
      if (g_str_equal (state, "replied") || g_str_equal (state, "closed") ||
          g_str_equal (state, "reopened"))
        g_assert_true (sent);
      if (g_str_equal (state, "closed"))
        g_assert_false (json_node_is_null (json_object_get_member (message, "closed_on")));
      if (accused != NULL)
        g_assert_cmpstr (accused, !=, department);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (message, "citizen")));
      g_assert_true (json_object_get_boolean_member (json_object_get_object_member (message,
                                                                                    "citizen"),
                                                     "masked"));
    }
  /* Two in five answered, and every reopened one */
  g_assert_cmpuint (ratings, >=, 40);
  g_assert_cmpuint (bad, >=, 5);
  g_assert_cmpuint (n, <=, 300);
  g_assert_cmpuint (n, >=, 290);
  g_assert_cmpuint (own, >=, 100);
  g_assert_cmpuint (campaigns, ==, 2);
  g_assert_cmpuint (ideas, >=, 30);
  for (guint i = 0; i < CIVIC_N_IDEA_STATUSES; i++)
    if (!g_hash_table_contains (idea_statuses, civic_enum_to_nick (CIVIC_TYPE_IDEA_STATUS, i)))
      g_error ("the demo has no idea %s", civic_enum_to_nick (CIVIC_TYPE_IDEA_STATUS, i));
  for (guint i = 0; i < 6; i++)
    {
      static const char * const wanted[] = { "new", "signed-for", "reply-in-review", "replied",
                                             "closed", "reopened" };

      if (!g_hash_table_contains (states, wanted[i]))
        g_error ("the demo has no message %s", wanted[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (10, 7);
  handler = civic_test_sign_in (service, "handler");
  reviewer = civic_test_sign_in (service, "reply-reviewer");
  head = civic_test_sign_in (service, "approver");
  other_handler = civic_test_sign_in (service, "zrzyt.handler");
  dispatcher = civic_test_sign_in (service, "dispatcher");
  supervisor = civic_test_sign_in (service, "supervisor");
  clerk = civic_test_sign_in (service, "clerk");

  g_test_add_func ("/messages/from-the-public-to-reply", test_from_the_public_to_reply);
  g_test_add_func ("/messages/public-form-refusals", test_public_form_refusals);
  g_test_add_func ("/messages/notes-never-public", test_notes_never_public);
  g_test_add_func ("/messages/report-kept-from-the-accused", test_report_kept_from_the_accused);
  g_test_add_func ("/messages/transfer-scope", test_transfer_scope);
  g_test_add_func ("/messages/report-accusing-the-hall", test_report_accusing_the_hall);
  g_test_add_func ("/messages/merge-within-the-department", test_merge_within_the_department);
  g_test_add_func ("/messages/table-in-the-feed", test_table_in_the_feed);
  g_test_add_func ("/messages/table-imported", test_table_imported);
  g_test_add_func ("/messages/demo", test_demo_messages);

  status = g_test_run ();

  g_free (handler);
  g_free (reviewer);
  g_free (head);
  g_free (other_handler);
  g_free (dispatcher);
  g_free (supervisor);
  g_free (clerk);
  civic_test_service_free (service);
  return status;
}
