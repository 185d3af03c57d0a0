/* test-evaluations.c — citizens' ratings (好差评) through the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A citizen rates an answered complaint by its receipt, once: a bad
 * rating is the department's to rectify within the region's five working
 * days, with the evaluator masked in its feed and unseen by another
 * department. The real-name one is visited before the rectification is
 * recorded; the public indicators count it, never say who gave it or
 * what they said, and leave out a rating the hall excluded on appeal.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-json.h"
#include "civic-test-service.h"

static CivicTestService *service;
static char *handler, *reviewer, *head, *other_handler, *dispatcher, *supervisor;

#define object_of civic_test_object_of
#define applied(...) civic_test_applied (service, __VA_ARGS__)
#define rejected(...) civic_test_rejected (service, __VA_ARGS__)

/* A complaint to scjg taken on the hotline, answered unless @answer is
 * FALSE: its id, its receipt in @receipt */
static char *
complaint (gboolean   answer,
           char     **receipt)
{
  g_autofree char *id = civic_test_uuid ();
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *data;

  data = applied (dispatcher, "register-message", id,
                  "{\"kind\": \"complaint\", \"channel\": \"hotline-12345\","
                  " \"subject\": \"窗口排队过长\", \"body\": \"上午在市场监管窗口等了两个小时。\","
                  " \"citizen_name\": \"王小红\", \"phone\": \"13912345678\","
                  " \"department_id\": \"scjg\"}", &holder);
  *receipt = g_strdup (json_object_get_string_member (data, "receipt"));
  if (!answer)
    return g_steal_pointer (&id);
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "sign-for-message", id, NULL, &holder);
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "reply-message", id,
           "{\"text\": \"您反映的排队问题已收悉，我局已增开两个窗口，感谢您的监督。\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);
  data = applied (reviewer, "review-message-reply", id, "{\"decision\": \"approve\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "replied");
  return g_steal_pointer (&id);
}

static JsonNode *
rate (const char *body,
      guint       expected)
{
  guint status;
  JsonNode *answer = civic_test_request (service, "POST", "/public/v1/evaluations", NULL, body,
                                         &status);

  g_assert_cmpuint (status, ==, expected);
  return answer;
}

static JsonNode *
ratings (const char *department,
         guint       expected)
{
  g_autofree char *path = g_strconcat ("/public/v1/ratings/", department, NULL);
  guint status;
  JsonNode *answer = civic_test_request (service, "GET", path, NULL, NULL, &status);

  g_assert_cmpuint (status, ==, expected);
  return answer;
}

/* The rating of @target_id as @token's feed has it: its id in @id */
static JsonObject *
rating_of (const char  *token,
           const char  *target_id,
           GHashTable  *entities,
           char       **id)
{
  GHashTableIter iter;
  gpointer key, value;

  civic_test_pull_all (service, token, 0, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "evaluation/") &&
        g_strcmp0 (json_object_get_string_member_with_default (object_of (value), "target_id",
                                                               NULL), target_id) == 0)
      {
        if (id != NULL)
          *id = g_strdup ((const char *) key + strlen ("evaluation/"));
        return object_of (value);
      }
  return NULL;
}

static GHashTable *
entities_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) json_node_unref);
}

static void
test_bad_rating_rectified (void)
{
  g_autofree char *receipt = NULL;
  g_autofree char *waiting_receipt = NULL;
  g_autofree char *message = complaint (TRUE, &receipt);
  g_autofree char *waiting = complaint (FALSE, &waiting_receipt);
  g_autofree char *id = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GHashTable) mine = entities_new ();
  g_autoptr(GHashTable) theirs = entities_new ();
  g_autoptr(GHashTable) supervised = entities_new ();
  JsonObject *object, *evaluator, *summary, *data;

  g_assert_nonnull (waiting);
  /* Refused, and nothing recorded: not answered yet, a bad one without a
   * word, a member that is not a rating's, a receipt nobody has */
  body = g_strdup_printf ("{\"receipt\": \"%s\", \"rating\": 5, \"name\": \"王小红\"}",
                          waiting_receipt);
  g_clear_pointer (&answer, json_node_unref);
  answer = rate (body, 400);
  g_assert_nonnull (strstr (json_object_get_string_member (object_of (answer), "message"),
                            "answered"));
  g_free (body);
  body = g_strdup_printf ("{\"receipt\": \"%s\", \"rating\": 2, \"name\": \"王小红\"}", receipt);
  g_clear_pointer (&answer, json_node_unref);
  answer = rate (body, 400);
  g_free (body);
  body = g_strdup_printf ("{\"receipt\": \"%s\", \"rating\": 4, \"anonymous\": true,"
                          " \"department\": \"zrzyt\"}", receipt);
  g_clear_pointer (&answer, json_node_unref);
  answer = rate (body, 400);
  g_clear_pointer (&answer, json_node_unref);
  answer = rate ("{\"receipt\": \"NOSUCHRECEIPT\", \"rating\": 4, \"anonymous\": true}", 404);
  g_clear_pointer (&answer, json_node_unref);
  answer = rate ("[1, 2]", 400);
  g_assert_null (rating_of (handler, message, mine, NULL));

  /* A bad one: five working days from Friday 20 March */
  g_free (body);
  body = g_strdup_printf ("{\"receipt\": \"%s\", \"rating\": 2, \"overall\": 2,"
                          " \"efficiency\": 1, \"comment\": \"RATINGMARK 回复敷衍\","
                          " \"name\": \"王小红\", \"phone\": \"13912345678\"}", receipt);
  g_clear_pointer (&answer, json_node_unref);
  answer = rate (body, 201);
  object = object_of (answer);
  g_assert_cmpint (json_object_get_int_member (object, "rating"), ==, 2);
  g_assert_true (json_object_get_boolean_member (object, "bad"));
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "rectifying");
  g_assert_cmpstr (json_object_get_string_member (object, "due_on"), ==, "2026-03-27");

  /* Once per matter */
  g_clear_pointer (&answer, json_node_unref);
  answer = rate (body, 409);

  /* The department rated sees it masked; another does not; the
   * supervisor reads it and changes nothing */
  object = rating_of (handler, message, mine, &id);
  g_assert_nonnull (object);
  g_assert_cmpstr (json_object_get_string_member (object, "department_id"), ==, "scjg");
  g_assert_cmpstr (json_object_get_string_member (object, "channel"), ==, "online");
  evaluator = json_object_get_object_member (object, "evaluator");
  g_assert_cmpstr (json_object_get_string_member (evaluator, "name"), ==, "王**");
  g_assert_cmpstr (json_object_get_string_member (evaluator, "phone"), ==, "139****5678");
  summary = json_object_get_object_member (object, "summary");
  g_assert_cmpstr (json_object_get_string_member (summary, "due"), ==, "2026-03-27");
  g_assert_null (rating_of (other_handler, message, theirs, NULL));
  /* ...and the supervisor opens it, which their feed does not carry */
  g_assert_null (rating_of (supervisor, message, supervised, NULL));
  {
    g_autoptr(JsonObject) opened = civic_test_open_record (service, supervisor, "evaluations",
                                                           id);

    g_assert_cmpstr (json_object_get_string_member (opened, "state"), ==, "rectifying");
  }
  rejected (supervisor, "rectify-evaluation", id, "{\"text\": \"已整改\"}", "forbidden");
  rejected (other_handler, "rectify-evaluation", id, "{\"text\": \"已整改\"}", "not-found");

  /* Visited before it is rectified */
  rejected (handler, "rectify-evaluation", id, "{\"text\": \"增开窗口\"}", "rule");
  applied (handler, "record-evaluation-visit", id,
           "{\"channel\": \"phone\", \"satisfaction\": \"basically-satisfied\","
           " \"record\": \"电话回访，群众认可增开窗口的做法。\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);
  data = applied (handler, "rectify-evaluation", id,
                  "{\"text\": \"增开两个窗口，高峰时段安排人员引导。\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "rectified");
  g_clear_pointer (&holder, json_node_unref);
  rejected (handler, "appeal-evaluation", id, "{\"reason\": \"恶意差评\"}", "state");

  /* Counted, and nobody named */
  g_clear_pointer (&answer, json_node_unref);
  answer = ratings ("scjg", 200);
  object = object_of (answer);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "bad"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "rectified"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "by_level"),
                                               "2"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (object, "rectified_share"), ==, 1.0);
  {
    g_autofree char *text = civic_json_to_string (answer, FALSE);

    g_assert_null (strstr (text, "王"));
    g_assert_null (strstr (text, "RATINGMARK"));
  }
  g_clear_pointer (&answer, json_node_unref);
  answer = ratings ("no-such-department", 404);
}

/* The hotline's rating of another answer, appealed: excluded by the hall,
 * it is not counted */
static void
test_appeal_excludes (void)
{
  g_autofree char *receipt = NULL;
  g_autofree char *message = complaint (TRUE, &receipt);
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *args = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) before = ratings ("scjg", 200);
  g_autoptr(JsonNode) after = NULL;
  JsonObject *data;

  /* The window's own indicators are not the hotline's */
  args = g_strdup_printf ("{\"target\": \"message\", \"target_id\": \"%s\","
                          " \"department_id\": \"scjg\", \"channel\": \"hotline-12345\","
                          " \"rating\": 1, \"attitude\": 1, \"comment\": \"态度差\","
                          " \"anonymous\": true}", message);
  rejected (dispatcher, "rate-service", id, args, "argument");
  g_free (args);
  args = g_strdup_printf ("{\"target\": \"message\", \"target_id\": \"%s\","
                          " \"department_id\": \"scjg\", \"channel\": \"hotline-12345\","
                          " \"rating\": 1, \"comment\": \"同一人连续打了二十个差评\","
                          " \"anonymous\": true}", message);
  data = applied (dispatcher, "rate-service", id, args, &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "rectifying");
  g_clear_pointer (&holder, json_node_unref);

  /* One rating of a matter through a channel; online is the citizen's */
  {
    g_autofree char *again = civic_test_uuid ();
    g_autofree char *online = NULL;

    rejected (dispatcher, "rate-service", again, args, "rule");
    online = g_strdup_printf ("{\"target\": \"message\", \"target_id\": \"%s\","
                              " \"channel\": \"online\", \"rating\": 5,"
                              " \"anonymous\": true}", message);
    rejected (handler, "rate-service", again, online, "argument");
  }

  /* Anonymous: nobody to visit */
  rejected (handler, "record-evaluation-visit", id,
            "{\"channel\": \"phone\", \"satisfaction\": \"satisfied\", \"record\": \"x\"}",
            "rule");
  rejected (handler, "decide-evaluation-appeal", id,
            "{\"decision\": \"exclude\", \"text\": \"x\"}", "state");
  applied (head, "appeal-evaluation", id,
           "{\"reason\": \"同一号码一小时内对本局二十件事项均打1分，系恶意差评。\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);
  rejected (handler, "decide-evaluation-appeal", id,
            "{\"decision\": \"exclude\", \"text\": \"x\"}", "role");
  data = applied (dispatcher, "decide-evaluation-appeal", id,
                  "{\"decision\": \"exclude\", \"text\": \"经核查系恶意评价，不计入。\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "excluded");

  after = ratings ("scjg", 200);
  g_assert_cmpint (json_object_get_int_member (object_of (after), "total"), ==,
                   json_object_get_int_member (object_of (before), "total"));
  g_assert_cmpint (json_object_get_int_member (object_of (after), "bad"), ==,
                   json_object_get_int_member (object_of (before), "bad"));
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
  reviewer = civic_test_sign_in (service, "reply-reviewer");
  head = civic_test_sign_in (service, "approver");
  other_handler = civic_test_sign_in (service, "zrzyt.handler");
  dispatcher = civic_test_sign_in (service, "dispatcher");
  supervisor = civic_test_sign_in (service, "supervisor");

  g_test_add_func ("/evaluations/bad-rating-rectified", test_bad_rating_rectified);
  g_test_add_func ("/evaluations/appeal-excludes", test_appeal_excludes);

  status = g_test_run ();

  g_free (handler);
  g_free (reviewer);
  g_free (head);
  g_free (other_handler);
  g_free (dispatcher);
  g_free (supervisor);
  civic_test_service_free (service);
  return status;
}
