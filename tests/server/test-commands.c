/* test-commands.c — idempotency, stale revisions, a race to decide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-test-service.h"

static CivicTestService *service;

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  return json_node_get_object (node);
}

/* Cases of the demo department, by what can be done with them. */
static GPtrArray *awaiting_decision;  /* under review, in the approvers' queue */
static GPtrArray *open_cases;

static void
find_cases (void)
{
  g_autofree char *token = civic_test_sign_in (service, "approver");
  g_autoptr(GPtrArray) cases = civic_test_pull_cases (service, token);

  awaiting_decision = g_ptr_array_new_with_free_func (g_free);
  open_cases = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < cases->len; i++)
    {
      JsonObject *kase = g_ptr_array_index (cases, i);
      const char *id = json_object_get_string_member (kase, "id");
      const char *state = civic_test_case_says (kase, "state");

      if (g_strcmp0 (civic_test_case_says (kase, "department_id"), "scjg") != 0 ||
          json_object_get_boolean_member (json_object_get_object_member (kase, "summary"), "joint"))
        continue;

      if (!g_str_equal (state, "closed"))
        g_ptr_array_add (open_cases, g_strdup (id));
      if (g_str_equal (state, "under-review") &&
          g_strcmp0 (civic_test_case_says (kase, "queue"), "approver") == 0)
        g_ptr_array_add (awaiting_decision, g_strdup (id));
    }

  g_assert_cmpuint (awaiting_decision->len, >=, 3);
  g_assert_cmpuint (open_cases->len, >=, 10);
}

static char *
post_text (const char *token,
           const char *body)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  guint status;

  answer = civic_test_request (service, "POST", "/api/v1/commands", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  json_generator_set_root (generator, answer);
  return json_generator_to_data (generator, NULL);
}

static JsonObject *
first_result (JsonNode *answer)
{
  return json_array_get_object_element (json_object_get_array_member (object_of (answer),
                                                                      "results"), 0);
}

static JsonObject *
get_case (const char *token,
          const char *id,
          JsonNode  **holder)
{
  g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
  guint status;

  *holder = civic_test_request (service, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return object_of (*holder);
}

static void
test_same_command_twice (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autofree char *id = civic_test_uuid ();
  const char *target = g_ptr_array_index (open_cases, 0);
  g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"comment\","
                                           "\"target\":\"%s\",\"args\":{\"text\":\"请补充现场照片\"}}]}",
                                           id, target);
  g_autoptr(JsonNode) before_holder = NULL;
  g_autoptr(JsonNode) after_holder = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  JsonObject *before, *after;
  gint64 events_before;

  before = get_case (token, target, &before_holder);
  events_before = json_array_get_length (json_object_get_array_member (
    json_object_get_object_member (before, "data"), "events"));

  first = post_text (token, body);
  g_assert_nonnull (strstr (first, "\"status\":\"applied\""));

  /* The response was lost; the client sends the same command again. */
  second = post_text (token, body);
  g_assert_cmpstr (first, ==, second);

  after = get_case (token, target, &after_holder);
  g_assert_cmpint (json_object_get_int_member (after, "rev"), ==,
                   json_object_get_int_member (before, "rev") + 1);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_object_get_object_member (after, "data"), "events")), ==,
                   events_before + 1);
}

/* Defect 3: the ledger was global. A colleague of another department, or
 * the supervisor, who replayed someone's command got the stored answer
 * with the whole case, and the supervisor was told "applied". */
static void
test_ledger_is_per_account (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autofree char *supervisor = civic_test_sign_in (service, "supervisor");
  g_autofree char *stranger = civic_test_sign_in (service, "wjw.examiner");
  g_autofree char *colleague = civic_test_sign_in (service, "examiner2");
  g_autofree char *id = civic_test_uuid ();
  const char *target = g_ptr_array_index (open_cases, 2);
  g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"comment\","
                                           "\"target\":\"%s\",\"args\":{\"text\":\"核对\"}}]}",
                                           id, target);
  g_autofree char *first = post_text (token, body);
  const char *others[] = { supervisor, stranger, colleague };

  g_assert_nonnull (strstr (first, "\"status\":\"applied\""));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *replayed = post_text (others[i], body);

      g_assert_nonnull (strstr (replayed, "\"status\":\"error\""));
      g_assert_nonnull (strstr (replayed, "\"code\":\"id-taken\""));
      g_assert_null (strstr (replayed, "applied"));
      g_assert_null (strstr (replayed, "\"entity\""));
      g_assert_null (strstr (replayed, target));
    }

  /* Its own sender still gets the stored answer */
  {
    g_autofree char *again = post_text (token, body);

    g_assert_cmpstr (again, ==, first);
  }
}

/* Defect 4: assign and transfer took any id and display name; verify took
 * made-up verifiers. */
static void
test_named_officials_checked (void)
{
  g_autofree char *approver = civic_test_sign_in (service, "approver");
  g_autofree char *examiner = civic_test_sign_in (service, "examiner");
  const char *target = NULL;
  static const struct
  {
    const char *args;
    const char *message;
  } assignees[] = {
    { "{\"assignee_id\":\"u-nobody\"}", "There is no official “u-nobody”" },
    { "{\"assignee_id\":\"u-wjw.examiner\"}", "is not an official of" },
    { "{\"assignee_id\":\"u-supervisor\"}", "is not an official of" },
    { "{\"assignee_id\":\"u-officer\"}", "does not have the role needed here" },
  };
  g_autoptr(JsonNode) holder = NULL;
  g_autofree char *output = NULL;

  /* A case in the examiners' queue */
  for (guint i = 0; i < open_cases->len && target == NULL; i++)
    {
      JsonObject *kase = get_case (approver, g_ptr_array_index (open_cases, i), &holder);
      JsonObject *data = json_object_get_object_member (kase, "data");

      if (g_strcmp0 (json_object_get_string_member (data, "state"), "under-review") == 0 &&
          g_strcmp0 (json_object_get_string_member (data, "queue"), "examiner") == 0)
        target = g_ptr_array_index (open_cases, i);
      g_clear_pointer (&holder, json_node_unref);
    }
  g_assert_nonnull (target);

  for (guint i = 0; i < G_N_ELEMENTS (assignees); i++)
    {
      g_autofree char *id = civic_test_uuid ();
      g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"assign\","
                                               "\"target\":\"%s\",\"args\":%s}]}", id, target,
                                               assignees[i].args);
      g_autoptr(JsonNode) answer = NULL;
      JsonObject *result;
      guint status;

      answer = civic_test_request (service, "POST", "/api/v1/commands", approver, body, &status);
      g_assert_cmpuint (status, ==, 200);
      result = first_result (answer);
      g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
      g_assert_nonnull (strstr (json_object_get_string_member (
                                  json_object_get_object_member (result, "reason"), "message"),
                                assignees[i].message));
    }

  /* A disabled account is not given work */
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "disable", "examiner2",
                                           NULL), ==, 0);
  {
    g_autofree char *id = civic_test_uuid ();
    g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"assign\","
                                             "\"target\":\"%s\",\"args\":{\"assignee_id\":"
                                             "\"u-examiner2\"}}]}", id, target);
    g_autofree char *answer = post_text (approver, body);

    g_assert_nonnull (strstr (answer, "\"status\":\"rejected\""));
    g_assert_nonnull (strstr (answer, "is disabled"));
  }
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "enable", "examiner2",
                                           NULL), ==, 0);

  /* The name the case shows is the directory's, not the command's */
  {
    g_autofree char *id = civic_test_uuid ();
    g_autofree char *body = NULL;
    g_autofree char *answer = NULL;
    g_autofree char *user_path = NULL;
    g_autoptr(JsonNode) user = NULL;
    const char *current, *assignee;
    JsonObject *kase;
    guint status;

    kase = json_object_get_object_member (get_case (approver, target, &holder), "data");
    current = json_object_get_string_member_with_default (kase, "assignee_id", NULL);
    assignee = g_strcmp0 (current, "u-examiner") == 0 ? "u-examiner2" : "u-examiner";
    body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"assign\","
                            "\"target\":\"%s\",\"args\":{\"assignee_id\":\"%s\","
                            "\"assignee_name\":\"<b>Director</b>\"}}]}", id, target, assignee);
    g_clear_pointer (&holder, json_node_unref);
    answer = post_text (approver, body);
    if (strstr (answer, "\"status\":\"applied\"") == NULL)
      g_error ("%s", answer);
    g_assert_null (strstr (answer, "Director"));

    user_path = g_strconcat ("/api/v1/users/", assignee, NULL);
    user = civic_test_request (service, "GET", user_path, approver, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    kase = json_object_get_object_member (get_case (approver, target, &holder), "data");
    g_assert_cmpstr (json_object_get_string_member (kase, "assignee_id"), ==, assignee);
    g_assert_cmpstr (json_object_get_string_member (kase, "assignee_name"), ==,
                     json_object_get_string_member (json_object_get_object_member (
                                                      object_of (user), "data"), "name"));
    g_clear_pointer (&holder, json_node_unref);
  }

  /* Verifiers are the department's officials, two of them */
  {
    g_autofree char *id = civic_test_uuid ();
    g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"verify\","
                                             "\"target\":\"%s\",\"args\":{\"verifiers\":"
                                             "[\"u-examiner\",\"u-made-up\"],\"note\":\"现场\"}}]}",
                                             id, target);
    g_autofree char *answer = post_text (examiner, body);

    g_assert_nonnull (strstr (answer, "\"status\":\"rejected\""));
    g_assert_nonnull (strstr (answer, "There is no official"));
  }
}

static void
test_same_id_other_body (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autofree char *id = civic_test_uuid ();
  const char *target = g_ptr_array_index (open_cases, 1);
  g_autofree char *one = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"comment\","
                                          "\"target\":\"%s\",\"args\":{\"text\":\"一\"}}]}", id,
                                          target);
  g_autofree char *two = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"comment\","
                                          "\"target\":\"%s\",\"args\":{\"text\":\"二\"}}]}", id,
                                          target);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *first = post_text (token, one);
  JsonObject *result;
  guint status;

  g_assert_nonnull (strstr (first, "\"status\":\"applied\""));
  answer = civic_test_request (service, "POST", "/api/v1/commands", token, two, &status);
  result = first_result (answer);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "reason"),
                                                  "code"), ==, "id-reused");

  /* The same command based anew (a client's queued command, once the one
   * before it made a new revision) is the same command: its stored
   * answer, nothing applied again. */
  {
    g_autofree char *rebased = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"comment\","
                                                "\"target\":\"%s\",\"base_rev\":1,"
                                                "\"args\":{\"text\":\"一\"}}]}", id, target);
    g_autofree char *again = post_text (token, rebased);

    g_assert_cmpstr (again, ==, first);
  }
}

static void
test_rejection_is_kept (void)
{
  g_autofree char *token = civic_test_sign_in (service, "clerk");
  g_autofree char *id = civic_test_uuid ();
  const char *target = g_ptr_array_index (awaiting_decision, 0);
  g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"decide\","
                                           "\"target\":\"%s\",\"args\":{\"result\":\"approve\"}}]}",
                                           id, target);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *again = NULL;
  g_autofree char *first = NULL;
  JsonObject *result, *reason;
  guint status;

  answer = civic_test_request (service, "POST", "/api/v1/commands", token, body, &status);
  result = first_result (answer);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  reason = json_object_get_object_member (result, "reason");
  g_assert_cmpstr (json_object_get_string_member (reason, "code"), ==, "role");
  g_assert_cmpstr (json_object_get_string_member (reason, "message"), ==,
                   "“Decide” is for these roles: Approver");
  /* With the case as it is now, for the conflict view. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "entity"),
                                                  "id"), ==, target);

  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_generator_set_root (generator, answer);
    first = json_generator_to_data (generator, NULL);
  }
  again = post_text (token, body);
  g_assert_cmpstr (first, ==, again);
}

static const char *
refusal_in (const char *language,
            const char *token,
            const char *target,
            JsonNode  **holder)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"decide\","
                                           "\"target\":\"%s\",\"args\":{\"result\":\"approve\"}}]}",
                                           id, target);
  JsonObject *result;
  guint status;

  *holder = civic_test_request_in_language (service, language, "POST", "/api/v1/commands", token,
                                            body, &status);
  g_assert_cmpuint (status, ==, 200);
  result = first_result (*holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  return json_object_get_string_member (json_object_get_object_member (result, "reason"),
                                        "message");
}

/* The reason is read by the official: in their client's language, whatever
 * the service's own. */
static void
test_rejection_in_readers_language (void)
{
  g_autofree char *token = civic_test_sign_in (service, "clerk");
  const char *target = g_ptr_array_index (awaiting_decision, 0);
  g_autoptr(JsonNode) chinese = NULL;
  g_autoptr(JsonNode) english = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  locale_t zh = newlocale (LC_MESSAGES_MASK, "zh_CN.UTF-8", (locale_t) 0);

  if (zh == (locale_t) 0)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  freelocale (zh);

  g_assert_cmpstr (refusal_in ("zh-CN, zh, en", token, target, &chinese), ==,
                   "“作出决定”仅限以下角色执行：审批负责人");
  g_assert_cmpstr (refusal_in ("en-GB, en", token, target, &english), ==,
                   "“Decide” is for these roles: Approver");
  /* A language the service has no catalog for: English. */
  g_assert_cmpstr (refusal_in ("fr-FR", token, target, &unknown), ==,
                   "“Decide” is for these roles: Approver");
}

static void
test_stale_revision (void)
{
  g_autofree char *token = civic_test_sign_in (service, "approver");
  const char *target = g_ptr_array_index (awaiting_decision, 1);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *current = get_case (token, target, &holder);
  gint64 rev = json_object_get_int_member (current, "rev");
  g_autofree char *comment_id = civic_test_uuid ();
  g_autofree char *decide_id = civic_test_uuid ();
  g_autofree char *comment = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"comment\","
                                              "\"target\":\"%s\",\"base_rev\":%" G_GINT64_FORMAT ","
                                              "\"args\":{\"text\":\"已阅\"}}]}",
                                              comment_id, target, rev - 1);
  g_autofree char *decide = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"decide\","
                                             "\"target\":\"%s\",\"base_rev\":%" G_GINT64_FORMAT ","
                                             "\"args\":{\"result\":\"approve\"}}]}",
                                             decide_id, target, rev);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *result;
  guint status;

  /* A comment on a case that moved on is fine… */
  answer = civic_test_request (service, "POST", "/api/v1/commands", token, comment, &status);
  g_assert_cmpstr (json_object_get_string_member (first_result (answer), "status"), ==,
                   "applied");
  g_clear_pointer (&answer, json_node_unref);

  /* …a decision on it is not: the comment made the official's view stale. */
  answer = civic_test_request (service, "POST", "/api/v1/commands", token, decide, &status);
  result = first_result (answer);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "reason"),
                                                  "code"), ==, "stale");
}

typedef struct
{
  const char *token;
  const char *target;
  char       *answer;
  GMutex     *start;
} Racer;

static gpointer
race (gpointer data)
{
  Racer *racer = data;
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"decide\","
                                           "\"target\":\"%s\",\"args\":{\"result\":\"approve\"}}]}",
                                           id, racer->target);

  /* Both go at once. */
  g_mutex_lock (racer->start);
  g_mutex_unlock (racer->start);
  racer->answer = post_text (racer->token, body);
  return NULL;
}

static void
test_race_to_decide (void)
{
  g_autofree char *output = NULL;
  g_autofree char *first = civic_test_sign_in (service, "approver");
  g_autofree char *second = NULL;
  const char *target = g_ptr_array_index (awaiting_decision, 2);
  GMutex start;
  Racer racers[2];
  GThread *threads[2];
  guint applied = 0, rejected = 0;

  g_setenv ("CIVIC_TEST_PASSWORD", "demo-password", TRUE);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "add", "approver2",
                                           "--name", "刘洋", "--department", "scjg", "--roles",
                                           "approver", "--password-env", "CIVIC_TEST_PASSWORD",
                                           NULL), ==, 0);
  second = civic_test_sign_in (service, "approver2");

  g_mutex_init (&start);
  g_mutex_lock (&start);
  racers[0] = (Racer) { first, target, NULL, &start };
  racers[1] = (Racer) { second, target, NULL, &start };
  threads[0] = g_thread_new ("racer-1", race, &racers[0]);
  threads[1] = g_thread_new ("racer-2", race, &racers[1]);
  g_usleep (50 * 1000);
  g_mutex_unlock (&start);
  g_thread_join (threads[0]);
  g_thread_join (threads[1]);
  g_mutex_clear (&start);

  for (guint i = 0; i < 2; i++)
    {
      if (strstr (racers[i].answer, "\"status\":\"applied\""))
        applied++;
      else if (strstr (racers[i].answer, "\"status\":\"rejected\""))
        {
          rejected++;
          /* The loser is told plainly: the case is decided already. */
          g_assert_nonnull (strstr (racers[i].answer,
                                    "“Decide” is not possible while the case is “Approved”"));
        }
      g_free (racers[i].answer);
    }

  g_assert_cmpuint (applied, ==, 1);
  g_assert_cmpuint (rejected, ==, 1);
}

static void
test_batch_in_order (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autofree char *a = civic_test_uuid ();
  g_autofree char *b = civic_test_uuid ();
  const char *target = g_ptr_array_index (open_cases, 2);
  g_autofree char *body = g_strdup_printf ("{\"commands\":["
                                           "{\"id\":\"%s\",\"type\":\"comment\",\"target\":\"%s\","
                                           "\"args\":{\"text\":\"第一条\"}},"
                                           "{\"id\":\"%s\",\"type\":\"comment\",\"target\":\"%s\","
                                           "\"args\":{}}]}", a, target, b, target);
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *results;
  guint status;

  answer = civic_test_request (service, "POST", "/api/v1/commands", token, body, &status);
  results = json_object_get_array_member (object_of (answer), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0), "id"),
                   ==, a);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0),
                                                  "status"), ==, "applied");
  /* The second is refused on its own; the first stays applied. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1),
                                                  "status"), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (results, 1), "reason"), "message"), ==,
                   "“text” is missing");
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (400, 23);
  find_cases ();

  g_test_add_func ("/commands/same-command-twice", test_same_command_twice);
  g_test_add_func ("/commands/same-id-other-body", test_same_id_other_body);
  g_test_add_func ("/commands/ledger-is-per-account", test_ledger_is_per_account);
  g_test_add_func ("/commands/named-officials-checked", test_named_officials_checked);
  g_test_add_func ("/commands/rejection-is-kept", test_rejection_is_kept);
  g_test_add_func ("/commands/rejection-in-readers-language", test_rejection_in_readers_language);
  g_test_add_func ("/commands/stale-revision", test_stale_revision);
  g_test_add_func ("/commands/race-to-decide", test_race_to_decide);
  g_test_add_func ("/commands/batch-in-order", test_batch_in_order);

  result = g_test_run ();

  civic_test_service_free (service);
  g_ptr_array_unref (awaiting_decision);
  g_ptr_array_unref (open_cases);
  return result;
}
