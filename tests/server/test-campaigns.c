/* test-campaigns.c — an idea campaign (金点子征集) through the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The department's desk prepares a campaign; the public side knows
 * nothing of it until the head publishes it, and then takes ideas for it
 * only through its channels, for its department. The desk scores,
 * shortlists, adopts one idea and declines another; the public reads the
 * campaign with the idea adopted and its answer — never who proposed it,
 * their phone, or an internal note — and, once concluded, what came of
 * it. Another department neither sees the campaign nor registers ideas
 * for it; a supervisor reads and changes nothing.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-json.h"
#include "civic-test-service.h"

static CivicTestService *service;
static char *handler, *head, *other_handler, *supervisor;

#define object_of civic_test_object_of
#define applied(...) civic_test_applied (service, __VA_ARGS__)
#define rejected(...) civic_test_rejected (service, __VA_ARGS__)

#define NOTE_MARKER "内部备注-勿外传-7Q3X"

static JsonNode *
get (const char *path,
     guint       expected)
{
  guint status;
  JsonNode *answer = civic_test_request (service, "GET", path, NULL, NULL, &status);

  g_assert_cmpuint (status, ==, expected);
  return answer;
}

static char *
page (const char *path,
      guint       expected)
{
  guint status;
  g_autoptr(GBytes) bytes = civic_test_fetch (service, path, NULL, &status, NULL, NULL);

  g_assert_cmpuint (status, ==, expected);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* An idea sent from the portal: its receipt */
static char *
send_idea (const char *campaign,
           const char *subject,
           guint       expected)
{
  g_autofree char *body = g_strdup_printf ("{\"kind\": \"idea\", \"campaign\": \"%s\","
                                           " \"subject\": \"%s\", \"body\": \"建议大厅增设"
                                           "午间窗口，方便上班族。联系电话13900001111。\","
                                           " \"name\": \"陈一鸣\", \"phone\": \"13900001111\"}",
                                           campaign, subject);
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (service, "POST", "/public/v1/messages", NULL, body, &status);
  g_assert_cmpuint (status, ==, expected);
  if (expected != 201)
    {
      g_test_message ("refused: %s",
                      json_object_get_string_member (object_of (answer), "message"));
      return NULL;
    }
  return g_strdup (json_object_get_string_member (object_of (answer), "receipt"));
}

/* The id of the message with @receipt in @token's feed */
static char *
message_with (const char *token,
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
      {
        g_assert_cmpstr (json_object_get_string_member (object_of (value), "department_id"), ==,
                         "scjg");
        return g_strdup ((const char *) key + strlen ("message/"));
      }
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

static void
test_campaign (void)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *key = g_strconcat ("campaign/", id, NULL);
  g_autofree char *path = g_strconcat ("/public/v1/campaigns/", id, NULL);
  /* The service's today is CIVIC_TEST_NOW: 2026-03-20 */
  const char *opens = "2026-03-20", *closes = "2026-04-30";
  g_autofree char *args = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *declined_receipt = NULL;
  g_autofree char *idea = NULL;
  g_autofree char *declined = NULL;
  g_autofree char *text = NULL;
  g_autofree char *letter = civic_test_uuid ();
  g_autofree char *stray = civic_test_uuid ();
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *data, *campaign, *adopted;
  JsonArray *list;
  gboolean listed = FALSE;

  args = g_strdup_printf ("{\"title\": \"“我为政务服务献一策”金点子征集\","
                          " \"description\": \"您的个人信息和建议内容将严格保密。\","
                          " \"topics\": [\"办事流程\", \"窗口服务\"],"
                          " \"channels\": [\"portal\", \"wechat\", \"app\", \"email\", \"letter\"],"
                          " \"opens_on\": \"%s\", \"closes_on\": \"%s\"}", opens, closes);
  data = applied (handler, "create-campaign", id, args, &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (data, "department_id"), ==, "scjg");

  /* A draft is the department's alone */
  g_clear_pointer (&answer, json_node_unref);
  answer = get (path, 404);
  g_assert_null (send_idea (id, "草稿期的点子", 400));
  g_assert_false (feed_has (other_handler, key));

  rejected (handler, "open-campaign", id, NULL, "role");
  rejected (supervisor, "open-campaign", id, NULL, "forbidden");
  g_clear_pointer (&holder, json_node_unref);
  data = applied (head, "open-campaign", id, NULL, &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "open");

  /* The public list and the campaign */
  g_clear_pointer (&answer, json_node_unref);
  answer = get ("/public/v1/campaigns", 200);
  list = json_object_get_array_member (object_of (answer), "campaigns");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);

      if (g_str_equal (json_object_get_string_member (item, "id"), id))
        {
          listed = TRUE;
          g_assert_true (json_object_get_boolean_member (item, "taking_ideas"));
          g_assert_false (json_object_has_member (item, "adopted"));
        }
    }
  g_assert_true (listed);

  /* Its page, with the form; an idea sent from it, and one sent without
   * its subject, which comes back with what was written */
  {
    g_autofree char *page_path = g_strconcat ("/public/campaigns/", id, NULL);
    g_autofree char *html = page (page_path, 200);
    g_autofree char *index = page ("/public/campaigns", 200);
    g_autofree char *sent = NULL;
    g_autofree char *back = NULL;
    guint status;

    g_assert_nonnull (strstr (html, "Send an Idea"));
    g_assert_nonnull (strstr (html, "办事流程, 窗口服务"));
    g_assert_nonnull (strstr (index, "金点子征集"));
    g_assert_nonnull (strstr (index, "href=\"/public/campaigns/"));
    sent = civic_test_post_form (service, page_path, &status, "subject", "网上预约提醒",
                                 "body", "预约成功后短信提醒所需材料。", "anonymous", "yes", NULL);
    g_assert_cmpuint (status, ==, 200);
    g_assert_nonnull (strstr (sent, "网上预约提醒"));
    back = civic_test_post_form (service, page_path, &status, "body", "只有正文<b>", NULL);
    g_assert_cmpuint (status, ==, 400);
    g_assert_nonnull (strstr (back, "Your idea was not sent."));
    g_assert_nonnull (strstr (back, "只有正文&lt;b&gt;"));
    g_free (page ("/public/campaigns/no-such-campaign", 404));
  }

  /* Ideas in, for the campaign's department; not through a channel it
   * did not name, nor registered by another department */
  receipt = send_idea (id, "午间不打烊", 201);
  declined_receipt = send_idea (id, "取消所有纸质材料", 201);
  g_assert_null (send_idea ("no-such-campaign", "x", 400));
  idea = message_with (handler, receipt);
  declined = message_with (handler, declined_receipt);
  g_assert_nonnull (idea);
  g_assert_nonnull (declined);
  g_free (args);
  args = g_strdup_printf ("{\"kind\": \"idea\", \"channel\": \"hotline-12345\","
                          " \"subject\": \"s\", \"body\": \"b\", \"anonymous\": true,"
                          " \"campaign_id\": \"%s\"}", id);
  rejected (handler, "register-message", stray, args, "argument");
  g_free (args);
  args = g_strdup_printf ("{\"kind\": \"idea\", \"channel\": \"letter\","
                          " \"subject\": \"来信：延长周末服务\", \"body\": \"周六上午开放。\","
                          " \"anonymous\": true, \"campaign_id\": \"%s\"}", id);
  rejected (other_handler, "register-message", stray, args, "argument");
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "register-message", letter, args, &holder);

  /* Judged: scored, shortlisted, adopted; the other declined */
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "sign-for-message", idea, NULL, &holder);
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "note-message", idea, "{\"text\": \"" NOTE_MARKER "\"}", &holder);
  rejected (handler, "shortlist-idea", idea, NULL, "rule");
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "score-idea", idea, "{\"score\": 7}", &holder);
  g_clear_pointer (&holder, json_node_unref);
  data = applied (head, "score-idea", idea, "{\"score\": 9}", &holder);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (data, "idea"), "scores")), ==, 2);
  g_clear_pointer (&holder, json_node_unref);
  applied (head, "shortlist-idea", idea, NULL, &holder);
  /* An idea is answered by its decision, and stays with its campaign */
  rejected (handler, "reply-message", idea, "{\"text\": \"收到，谢谢。\"}", "rule");
  rejected (handler, "transfer-message", idea,
            "{\"department_id\": \"zrzyt\", \"reason\": \"not-our-remit\"}", "rule");
  /* Judged once it stopped taking ideas */
  rejected (handler, "answer-idea", idea,
            "{\"decision\": \"adopt\", \"text\": \"您的建议已被采纳。感谢您的参与。\"}", "argument");

  /* It stops taking ideas: then they are judged */
  rejected (head, "conclude-campaign", id, "{\"summary\": \"x\"}", "state");
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "close-campaign", id, NULL, &holder);
  g_assert_null (send_idea (id, "截止后的点子", 400));
  {
    g_autofree char *page_path = g_strconcat ("/public/campaigns/", id, NULL);
    g_autofree char *html = page (page_path, 200);
    g_autofree char *late = NULL;
    guint status;

    g_assert_null (strstr (html, "Send an Idea"));
    late = civic_test_post_form (service, page_path, &status, "subject", "晚到的点子",
                                 "body", "x", "anonymous", "yes", NULL);
    g_assert_cmpuint (status, ==, 400);
    g_assert_nonnull (strstr (late, "Your idea was not sent."));
  }
  g_clear_pointer (&holder, json_node_unref);
  data = applied (handler, "answer-idea", idea,
                  "{\"decision\": \"adopt\", \"text\": \"您的建议已被采纳，大厅自下月起午间"
                  "不间断服务。感谢您的参与。\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "idea"),
                                                  "status"), ==, "adopted");
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "replied");
  rejected (handler, "reopen-message", idea, "{\"reason\": \"x\"}", "rule");
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "sign-for-message", declined, NULL, &holder);
  rejected (handler, "answer-idea", declined, "{\"decision\": \"adopt\", \"text\": \"采纳。\"}",
            "rule");
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "answer-idea", declined,
           "{\"decision\": \"decline\", \"text\": \"感谢您的建议。因为部分事项依法须提交纸质"
           "原件，该建议暂不采纳。\"}", &holder);

  /* What the public reads: the idea and its answer, never the proposer
   * nor a note */
  g_clear_pointer (&answer, json_node_unref);
  answer = get (path, 200);
  campaign = object_of (answer);
  text = civic_json_to_string (answer, FALSE);
  g_assert_cmpint (json_object_get_int_member (campaign, "ideas_received"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (campaign, "ideas_adopted"), ==, 1);
  list = json_object_get_array_member (campaign, "adopted");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  adopted = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (adopted, "subject"), ==, "午间不打烊");
  g_assert_nonnull (strstr (json_object_get_string_member (adopted, "answer"), "已被采纳"));
  g_assert_null (strstr (text, "陈一鸣"));
  g_assert_null (strstr (text, "13900001111"));
  g_assert_null (strstr (text, NOTE_MARKER));
  g_assert_null (strstr (text, "取消所有纸质材料"));
  {
    g_autofree char *page_path = g_strconcat ("/public/campaigns/", id, NULL);
    g_autofree char *html = page (page_path, 200);

    g_assert_nonnull (strstr (html, "已被采纳"));
    g_assert_nonnull (strstr (html, "Ideas Adopted"));
    g_assert_null (strstr (html, "陈一鸣"));
    g_assert_null (strstr (html, "13900001111"));
    g_assert_null (strstr (html, NOTE_MARKER));
  }

  /* Concluded with what came of it */
  g_clear_pointer (&holder, json_node_unref);
  applied (head, "conclude-campaign", id,
           "{\"summary\": \"共收到金点子3条，采纳1条，已落实。\"}", &holder);
  g_clear_pointer (&answer, json_node_unref);
  answer = get (path, 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "state"), ==, "concluded");
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "summary"), ==,
                   "共收到金点子3条，采纳1条，已落实。");
  g_assert_false (feed_has (other_handler, key));
}

static void
test_malformed (void)
{
  g_autofree char *id = civic_test_uuid ();
  g_autoptr(JsonNode) answer = NULL;

  rejected (handler, "create-campaign", id,
            "{\"title\": \"t\", \"description\": \"d\", \"topics\": \"not a list\","
            " \"channels\": [\"portal\"], \"opens_on\": \"2030-01-01\","
            " \"closes_on\": \"2030-02-01\"}", "argument");
  rejected (handler, "create-campaign", id,
            "{\"title\": \"t\", \"description\": \"d\", \"topics\": [\"a\"],"
            " \"channels\": [\"portal\"], \"opens_on\": \"2030-13-01\","
            " \"closes_on\": \"2030-02-01\"}", "argument");
  answer = get ("/public/v1/campaigns/no-such-campaign", 404);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (10, 0);
  handler = civic_test_sign_in (service, "handler");
  head = civic_test_sign_in (service, "approver");
  other_handler = civic_test_sign_in (service, "zrzyt.handler");
  supervisor = civic_test_sign_in (service, "supervisor");

  g_test_add_func ("/campaigns/lifecycle", test_campaign);
  g_test_add_func ("/campaigns/malformed", test_malformed);

  status = g_test_run ();

  g_free (handler);
  g_free (head);
  g_free (other_handler);
  g_free (supervisor);
  civic_test_service_free (service);
  return status;
}
