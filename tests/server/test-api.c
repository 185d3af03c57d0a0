/* test-api.c — every endpoint, good and bad input, on the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "civic-test-service.h"

static CivicTestService *service;

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static void
assert_error (JsonNode   *answer,
              const char *code,
              const char *message_start)
{
  JsonObject *object = object_of (answer);

  g_assert_cmpstr (json_object_get_string_member (object, "error"), ==, code);
  if (message_start != NULL &&
      !g_str_has_prefix (json_object_get_string_member (object, "message"), message_start))
    g_error ("expected “%s…”, got “%s”", message_start,
             json_object_get_string_member (object, "message"));
}

static gint64
current_seq (void)
{
  g_autoptr(JsonNode) health = NULL;
  guint status;

  health = civic_test_request (service, "GET", "/api/v1/health", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (object_of (health), "seq");
}

/* A case of the demo department, and one of another department, found
 * among the province's. */
static char *own_case, *other_case, *other_department;

static void
find_cases (void)
{
  g_autoptr(GPtrArray) cases = civic_test_records (service, "case");

  for (guint i = 0; i < cases->len; i++)
    {
      JsonObject *kase = g_ptr_array_index (cases, i);
      const char *id = json_object_get_string_member (kase, "id");
      const char *department = civic_test_case_says (kase, "department_id");

      if (json_object_get_boolean_member (json_object_get_object_member (kase, "summary"), "joint"))
        continue;

      if (own_case == NULL && g_str_equal (department, "scjg"))
        own_case = g_strdup (id);
      else if (other_case == NULL && !g_str_equal (department, "scjg") &&
               !g_str_equal (department, "zwfwj"))
        {
          other_case = g_strdup (id);
          other_department = g_strdup (department);
        }
    }

  g_assert_nonnull (own_case);
  g_assert_nonnull (other_case);
}

static void
test_health (void)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (service, "GET", "/api/v1/health", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "status"), ==, "ok");
  /* The version only for those signed in */
  g_assert_false (json_object_has_member (object_of (answer), "version"));
  {
    g_autofree char *token = civic_test_sign_in (service, "examiner");
    g_autoptr(JsonNode) signed_in = civic_test_request (service, "GET", "/api/v1/health", token,
                                                        NULL, &status);

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (object_of (signed_in), "version"), ==,
                     PACKAGE_VERSION);
  }
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "time"), ==,
                   "2026-03-20T02:00:00.000Z");
  g_assert_cmpint (json_object_get_int_member (object_of (answer), "seq"), >, 1000);
}

static void
test_sign_in (void)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) wrong = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  JsonObject *user;
  JsonArray *roles;
  guint status;

  answer = civic_test_request (service, "POST", "/api/v1/session", NULL,
                               "{\"username\":\"examiner\",\"password\":\"demo-password\"}",
                               &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (strlen (json_object_get_string_member (object_of (answer), "token")), ==, 43);
  /* Twelve hours from the pinned now */
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "expires_at"), ==,
                   "2026-03-20T14:00:00.000Z");
  user = json_object_get_object_member (object_of (answer), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "id"), ==, "u-examiner");
  g_assert_cmpstr (json_object_get_string_member (user, "department_id"), ==, "scjg");
  g_assert_cmpstr (json_object_get_string_member (user, "department_name"), ==,
                   "湖南省市场监督管理局");
  roles = json_object_get_array_member (user, "roles");
  g_assert_cmpuint (json_array_get_length (roles), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, "examiner");

  /* Neither answer says which part was wrong. */
  wrong = civic_test_request (service, "POST", "/api/v1/session", NULL,
                              "{\"username\":\"examiner2\",\"password\":\"nope\"}", &status);
  g_assert_cmpuint (status, ==, 401);
  assert_error (wrong, "wrong-credentials", "The user name or the password is wrong");
  unknown = civic_test_request (service, "POST", "/api/v1/session", NULL,
                                "{\"username\":\"nobody\",\"password\":\"nope\"}", &status);
  g_assert_cmpuint (status, ==, 401);
  g_assert_cmpstr (json_object_get_string_member (object_of (unknown), "message"), ==,
                   json_object_get_string_member (object_of (wrong), "message"));
}

static void
test_sign_out_and_me (void)
{
  g_autofree char *token = civic_test_sign_in (service, "approver");
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(JsonNode) again = NULL;
  guint status;

  me = civic_test_request (service, "GET", "/api/v1/me", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (me), "username"), ==, "approver");

  out = civic_test_request (service, "DELETE", "/api/v1/session", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  again = civic_test_request (service, "GET", "/api/v1/me", token, NULL, &status);
  g_assert_cmpuint (status, ==, 401);
  assert_error (again, "unauthorized", "The session has expired or was ended");
}

static void
test_disabled_account (void)
{
  g_autofree char *output = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "disable", "officer",
                                           NULL), ==, 0);
  answer = civic_test_request (service, "POST", "/api/v1/session", NULL,
                               "{\"username\":\"officer\",\"password\":\"demo-password\"}",
                               &status);
  g_assert_cmpuint (status, ==, 403);
  assert_error (answer, "account-disabled", "This account has been disabled");

  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "enable", "officer",
                                           NULL), ==, 0);
  g_free (civic_test_sign_in (service, "officer"));
}

static void
test_unauthorized (void)
{
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(JsonNode) bad = NULL;
  guint status;

  none = civic_test_request (service, "GET", "/api/v1/changes", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 401);
  assert_error (none, "unauthorized", "Sign in first");

  bad = civic_test_request (service, "GET", "/api/v1/changes", "not-a-token", NULL, &status);
  g_assert_cmpuint (status, ==, 401);
}

static void
test_changes (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autoptr(JsonNode) page = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint departments = 0, items = 0, cases = 0, users = 0, calendars = 0;
  gint64 end;
  guint status;

  end = civic_test_pull_all (service, token, 0, entities);
  g_assert_cmpint (end, ==, current_seq ());

  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_str_has_prefix (key, "department/"))
        departments++;
      else if (g_str_has_prefix (key, "item/"))
        {
          /* A department's catalogue, drafts and all, is its own */
          g_assert_cmpstr (json_object_get_string_member (json_node_get_object (value),
                                                          "department"), ==, "scjg");
          items++;
        }
      else if (g_str_has_prefix (key, "user/"))
        users++;
      else if (g_str_has_prefix (key, "calendar/"))
        calendars++;
      else if (g_str_has_prefix (key, "case/"))
        {
          JsonObject *data = json_node_get_object (value);
          JsonObject *applicant = json_object_get_object_member (data, "applicant");
          const char *department = civic_test_case_says (data, "department_id");
          JsonArray *subtasks = json_object_get_array_member (data, "subtasks");
          gboolean mine = g_str_equal (department, "scjg");

          for (guint i = 0; i < json_array_get_length (subtasks); i++)
            mine |= g_str_equal (json_object_get_string_member (
                                   json_array_get_object_element (subtasks, i), "department_id"),
                                 "scjg");
          g_assert_true (mine);

          /* Personal data never in the feed */
          g_assert_true (json_object_get_boolean_member (applicant, "masked"));
          if (g_str_equal (json_object_get_string_member (applicant, "kind"), "person"))
            g_assert_nonnull (strchr (json_object_get_string_member (applicant, "id_number"),
                                      '*'));
          g_assert_nonnull (strstr (json_object_get_string_member (applicant, "phone"), "****"));
          cases++;
        }
    }

  g_assert_cmpuint (departments, >=, 55);
  g_assert_cmpuint (items, >=, 20);
  g_assert_cmpuint (users, >=, 55 * 5);
  g_assert_cmpuint (calendars, ==, 2);
  g_assert_cmpuint (cases, >, 20);
  g_assert_true (g_hash_table_contains (entities, "template/phrases"));

  /* Paging: a small page says there is more, and where to go on. */
  page = civic_test_request (service, "GET", "/api/v1/changes?after=0&limit=10", token, NULL,
                             &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (page),
                                                                        "changes")), ==, 10);
  g_assert_true (json_object_get_boolean_member (object_of (page), "more"));
  g_assert_cmpint (json_object_get_int_member (object_of (page), "next"), ==,
                   json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (object_of (page), "changes"), 9), "seq"));

  /* Nothing new: one request, an empty page, the same cursor. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/changes?after=%" G_GINT64_FORMAT, end);
    g_autoptr(JsonNode) empty = civic_test_request (service, "GET", path, token, NULL, &status);

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (empty),
                                                                          "changes")), ==, 0);
    g_assert_false (json_object_get_boolean_member (object_of (empty), "more"));
    g_assert_cmpint (json_object_get_int_member (object_of (empty), "next"), ==, end);
  }

  {
    static const char *bad[] = {
      "/api/v1/changes?after=-1", "/api/v1/changes?after=abc", "/api/v1/changes?limit=0",
      "/api/v1/changes?limit=100000", "/api/v1/changes?after=1e3",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(JsonNode) answer = civic_test_request (service, "GET", bad[i], token, NULL,
                                                         &status);

        g_assert_cmpuint (status, ==, 400);
        assert_error (answer, "bad-request", NULL);
      }
  }
}

static void
test_get_entities (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autofree char *own = g_strconcat ("/api/v1/cases/", own_case, NULL);
  g_autofree char *other = g_strconcat ("/api/v1/cases/", other_case, NULL);
  g_autoptr(JsonNode) mine = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonNode) department = NULL;
  g_autoptr(JsonNode) nothing = NULL;
  guint status;

  mine = civic_test_request (service, "GET", own, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (mine), "type"), ==, "case");
  g_assert_cmpint (json_object_get_int_member (object_of (mine), "rev"), >=, 1);

  /* Another department's case does not exist, as far as this official
   * can tell. */
  theirs = civic_test_request (service, "GET", other, token, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  missing = civic_test_request (service, "GET", "/api/v1/cases/no-such-case", token, NULL,
                                &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpstr (json_object_get_string_member (object_of (theirs), "message"), ==,
                   json_object_get_string_member (object_of (missing), "message"));

  department = civic_test_request (service, "GET", "/api/v1/departments/scjg", token, NULL,
                                   &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     object_of (department), "data"), "name"), ==, "湖南省市场监督管理局");

  nothing = civic_test_request (service, "GET", "/api/v1/spaceships/1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
}

static void
test_reveal (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autofree char *supervisor = civic_test_sign_in (service, "supervisor");
  g_autofree char *path = g_strconcat ("/api/v1/cases/", own_case, "/reveal", NULL);
  g_autofree char *other = g_strconcat ("/api/v1/cases/", other_case, "/reveal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) hidden = NULL;
  guint status;

  civic_test_service_cli (service, NULL, &before, "audit", "verify", NULL);

  answer = civic_test_request (service, "POST", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_null (strchr (json_object_get_string_member (object_of (answer), "name"), '*'));
  g_assert_null (strchr (json_object_get_string_member (object_of (answer), "phone"), '*'));
  g_assert_cmpuint (strlen (json_object_get_string_member (object_of (answer), "phone")), ==, 11);

  /* The reveal is on the audit record: one entry more. */
  civic_test_service_cli (service, NULL, &after, "audit", "verify", NULL);
  g_assert_cmpint (g_ascii_strtoll (after + 4, NULL, 10), ==,
                   g_ascii_strtoll (before + 4, NULL, 10) + 1);

  refused = civic_test_request (service, "POST", path, supervisor, NULL, &status);
  g_assert_cmpuint (status, ==, 403);
  assert_error (refused, "forbidden", "Supervision does not need the applicant’s personal data");

  hidden = civic_test_request (service, "POST", other, token, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
}

static void
test_bad_input (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  gint64 seq = current_seq ();
  static const struct
  {
    const char *body;
    const char *message;
  } bodies[] = {
    { "{", "Not valid JSON" },
    { "[]", "Expected an object with a list of “commands”" },
    { "{\"commands\": {}}", "“commands” must be a list" },
    { "{\"commands\": []}", "A batch holds from 1 to 100 commands" },
    { "{\"commands\": [42]}", "command 1: a command must be an object" },
    { "{\"commands\": [{\"id\": \"7b1d1e5e-0000-4000-8000-000000000001\", \"type\": \"comment\"}]}",
      "command 1: “target” is missing" },
    { "{\"commands\": [{\"id\": \"7b1d1e5e-0000-4000-8000-000000000001\", \"type\": \"launch\","
      " \"target\": \"x\"}]}", "command 1: unknown command type “launch”" },
    { "{\"commands\": [{\"id\": \"short\", \"type\": \"comment\", \"target\": \"x\"}]}",
      "command 1: “short” is not a usable command id" },
    { "{\"commands\": [{\"id\": \"7b1d1e5e-0000-4000-8000-000000000001\", \"type\": \"comment\","
      " \"target\": \"x\", \"base_rev\": \"3\"}]}", "command 1: “base_rev” must be a whole number" },
    { "{\"commands\": [{\"id\": \"7b1d1e5e-0000-4000-8000-000000000001\", \"type\": \"comment\","
      " \"target\": \"x\", \"args\": []}]}", "command 1: “args” must be an object" },
    { "{\"commands\": [{\"id\": \"7b1d1e5e-0000-4000-8000-000000000001\", \"type\": \"comment\","
      " \"target\": \"x\"}, {\"id\": \"7b1d1e5e-0000-4000-8000-000000000001\", \"type\": "
      "\"comment\", \"target\": \"x\"}]}", "command 2: the id" },
    { "{\"commands\": [{\"id\": \"7b1d1e5e-0000-4000-8000-000000000001\", \"type\": \"comment\","
      " \"target\": \"\xff\"}]}", "The text is not valid UTF-8" },
  };
  guint status;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *shown = g_utf8_make_valid (bodies[i].body, -1);
      g_autoptr(JsonNode) answer = civic_test_request (service, "POST", "/api/v1/commands", token,
                                                       bodies[i].body, &status);

      g_test_message ("%s", shown);
      g_assert_cmpuint (status, ==, 400);
      assert_error (answer, "bad-request", bodies[i].message);
    }

  {
    /* 1.5 MB of JSON is refused before it is read. */
    GString *huge = g_string_new ("{\"commands\": [], \"padding\": \"");
    g_autoptr(JsonNode) answer = NULL;

    for (int i = 0; i < 1536 * 1024; i++)
      g_string_append_c (huge, 'x');
    g_string_append (huge, "\"}");
    answer = civic_test_request (service, "POST", "/api/v1/commands", token, huge->str, &status);
    g_assert_cmpuint (status, ==, 413);
    assert_error (answer, "too-large", NULL);
    g_string_free (huge, TRUE);
  }

  {
    g_autoptr(JsonNode) answer = civic_test_request (service, "GET", "/api/v1/commands", token,
                                                     NULL, &status);

    g_assert_cmpuint (status, ==, 405);
    assert_error (answer, "method-not-allowed", NULL);
  }

  /* A 405 says what the path takes; the front door leads to the
   * citizens' pages */
  {
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autofree char *commands = g_strconcat (service->base_url, "/api/v1/commands", NULL);
    g_autofree char *front = g_strconcat (service->base_url, "/", NULL);
    g_autoptr(SoupMessage) wrong = soup_message_new ("GET", commands);
    g_autoptr(SoupMessage) root = soup_message_new ("GET", front);
    g_autoptr(GBytes) ignored = soup_session_send_and_read (session, wrong, NULL, NULL);
    g_autoptr(GBytes) ignored_too = NULL;

    g_assert_cmpuint (soup_message_get_status (wrong), ==, 405);
    g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (wrong),
                                                   "Allow"), ==, "POST");
    soup_message_add_flags (root, SOUP_MESSAGE_NO_REDIRECT);
    ignored_too = soup_session_send_and_read (session, root, NULL, NULL);
    g_assert_cmpuint (soup_message_get_status (root), ==, 303);
    g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (root),
                                                   "Location"), ==, "/public/items");
  }

  {
    g_autoptr(JsonNode) answer = civic_test_request (service, "POST", "/api/v1/session", NULL,
                                                     "{\"username\": 7}", &status);

    g_assert_cmpuint (status, ==, 400);
    assert_error (answer, "bad-request", "“username” must be a string");
  }

  /* Nothing was written, and the service still answers. */
  g_assert_cmpint (current_seq (), ==, seq);
}

static void
test_public_application (void)
{
  g_autofree char *token = civic_test_sign_in (service, "clerk");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) status_answer = NULL;
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autofree char *path = NULL;
  const char *receipt;
  gint64 cursor;
  guint status;
  gboolean found = FALSE;
  GHashTableIter iter;
  gpointer value;

  cursor = civic_test_pull_all (service, token, 0, NULL);

  answer = civic_test_request (service, "POST", "/public/v1/applications", NULL,
                               "{\"item_code\": \"430000-SCJG-XK-0001\", \"materials\": [\"m1\"],"
                               " \"applicant\": {\"kind\": \"person\", \"name\": \"李小明\","
                               " \"id_number\": \"11010519491231002X\","
                               " \"phone\": \"13812345678\", \"address\": \"湖南省长沙市岳麓区麓山路1号\"}}",
                               &status);
  g_assert_cmpuint (status, ==, 201);
  receipt = json_object_get_string_member (object_of (answer), "receipt");
  g_assert_cmpuint (strlen (receipt), ==, 12);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object_of (answer), "number"),
                                   "20260320-SCJG-"));
  /* Received Fri 03-20: five working days end Fri 03-27. */
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "correction_deadline"), ==,
                   "2026-03-27");

  path = g_strconcat ("/public/v1/applications/", receipt, NULL);
  status_answer = civic_test_request (service, "GET", path, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (status_answer), "state"), ==,
                   "submitted");
  g_assert_false (json_object_has_member (object_of (status_answer), "applicant"));
  g_assert_false (json_object_has_member (object_of (status_answer), "events"));

  /* The clerks of the department see it arrive. */
  civic_test_pull_all (service, token, cursor, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JsonObject *data = json_node_get_object (value);

      if (json_object_has_member (data, "summary") &&
          g_strcmp0 (json_object_get_string_member (data, "number"),
                     json_object_get_string_member (object_of (answer), "number")) == 0)
        {
          found = TRUE;
          g_assert_cmpstr (civic_test_case_says (data, "applicant"), ==, "李**");
        }
    }
  g_assert_true (found);

  {
    g_autoptr(JsonNode) bad_id = NULL;
    g_autoptr(JsonNode) bad_item = NULL;
    g_autoptr(JsonNode) no_receipt = NULL;

    bad_id = civic_test_request (service, "POST", "/public/v1/applications", NULL,
                                 "{\"item_code\": \"430000-SCJG-XK-0001\", \"applicant\": {"
                                 "\"kind\": \"person\", \"name\": \"李小明\", \"id_number\": "
                                 "\"110105194912310021\", \"phone\": \"13812345678\"}}", &status);
    g_assert_cmpuint (status, ==, 422);
    assert_error (bad_id, "invalid", "“110105194912310021” is not a valid resident ID number");

    bad_item = civic_test_request (service, "POST", "/public/v1/applications", NULL,
                                   "{\"item_code\": \"NOPE\", \"applicant\": {"
                                   "\"kind\": \"person\", \"name\": \"李小明\", \"id_number\": "
                                   "\"11010519491231002X\", \"phone\": \"13812345678\"}}", &status);
    g_assert_cmpuint (status, ==, 422);
    assert_error (bad_item, "unknown-item", NULL);

    no_receipt = civic_test_request (service, "GET", "/public/v1/applications/ABCDEFGHJKMN", NULL,
                                     NULL, &status);
    g_assert_cmpuint (status, ==, 404);
  }
}

/* Moving an official to another department changes what they may see:
 * their cursor is no good any more. */
static void
test_view_changed (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner2");
  g_autofree char *output = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *other = g_strconcat ("case/", other_case, NULL);
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autoptr(JsonNode) gone = NULL;
  g_autofree char *moved = NULL;
  gint64 cursor;
  guint status;

  cursor = civic_test_pull_all (service, token, 0, NULL);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "set", "examiner2",
                                           "--department", other_department, NULL), ==, 0);

  /* The token cache keeps the old view for at most five seconds. */
  g_usleep (5200 * 1000);
  stale = g_strdup_printf ("/api/v1/changes?after=%" G_GINT64_FORMAT, cursor);
  gone = civic_test_request (service, "GET", stale, token, NULL, &status);
  g_assert_cmpuint (status, ==, 410);
  assert_error (gone, "resync", "Your access has changed");

  /* From the start, the other department's cases are there. */
  civic_test_pull_all (service, token, 0, entities);
  g_assert_true (g_hash_table_contains (entities, other));

  g_assert_cmpint (civic_test_service_cli (service, NULL, &moved, "user", "set", "examiner2",
                                           "--department", "scjg", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (300, 7);
  find_cases ();

  g_test_add_func ("/api/health", test_health);
  g_test_add_func ("/api/sign-in", test_sign_in);
  g_test_add_func ("/api/sign-out-and-me", test_sign_out_and_me);
  g_test_add_func ("/api/disabled-account", test_disabled_account);
  g_test_add_func ("/api/unauthorized", test_unauthorized);
  g_test_add_func ("/api/changes", test_changes);
  g_test_add_func ("/api/view-changed", test_view_changed);
  g_test_add_func ("/api/get-entities", test_get_entities);
  g_test_add_func ("/api/reveal", test_reveal);
  g_test_add_func ("/api/bad-input", test_bad_input);
  g_test_add_func ("/api/public-application", test_public_application);

  result = g_test_run ();

  civic_test_service_free (service);
  g_free (own_case);
  g_free (other_case);
  g_free (other_department);
  return result;
}
