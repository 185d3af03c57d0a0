/* test-authz.c — every endpoint × role × own and other department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-test-service.h"

static CivicTestService *service;
static char *own_case, *other_case, *joint_case, *joint_co_department, *other_department;

typedef enum
{
  OWN,
  OTHER,
  JOINT,  /* a joint case, seen from a co-department */
} Whose;

typedef enum
{
  GET_CASE,
  REVEAL,
  COMMENT,
  CLAIM,
} Endpoint;

static const char *
case_of (Whose whose)
{
  switch (whose)
    {
    case OWN: return own_case;
    case OTHER: return other_case;
    case JOINT: return joint_case;
    default: g_assert_not_reached ();
    }
}

/* What each answer must be: an HTTP status for the GETs, the status of
 * the command's result ("applied", "rejected:forbidden", …) for
 * commands. */
typedef struct
{
  const char *username;
  Endpoint    endpoint;
  Whose       whose;
  const char *expected;
} Rule;

static char *
try (const char *token,
     Endpoint    endpoint,
     const char *case_id)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = civic_test_uuid ();
  JsonObject *result;
  guint status;

  switch (endpoint)
    {
    case GET_CASE:
      path = g_strconcat ("/api/v1/cases/", case_id, NULL);
      civic_test_request (service, "GET", path, token, NULL, &status);
      return g_strdup_printf ("%u", status);

    case REVEAL:
      path = g_strconcat ("/api/v1/cases/", case_id, "/reveal", NULL);
      g_clear_pointer (&answer, json_node_unref);
      answer = civic_test_request (service, "POST", path, token, NULL, &status);
      return g_strdup_printf ("%u", status);

    case COMMENT:
    case CLAIM:
      body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"%s\",\"target\":\"%s\","
                              "\"args\":{\"text\":\"权限测试\"}}]}", id,
                              endpoint == COMMENT ? "comment" : "claim", case_id);
      answer = civic_test_request (service, "POST", "/api/v1/commands", token, body, &status);
      g_assert_cmpuint (status, ==, 200);
      result = json_array_get_object_element (
        json_object_get_array_member (json_node_get_object (answer), "results"), 0);
      if (g_str_equal (json_object_get_string_member (result, "status"), "applied"))
        return g_strdup ("applied");
      return g_strdup_printf ("%s:%s", json_object_get_string_member (result, "status"),
                              json_object_get_string_member (
                                json_object_get_object_member (result, "reason"), "code"));

    default:
      g_assert_not_reached ();
    }
}

static void
find_cases (void)
{
  g_autoptr(GPtrArray) cases = civic_test_records (service, "case");

  for (guint i = 0; i < cases->len; i++)
    {
      JsonObject *kase = g_ptr_array_index (cases, i);
      const char *id = json_object_get_string_member (kase, "id");
      const char *department = civic_test_case_says (kase, "department_id");
      JsonArray *subtasks = json_object_get_array_member (kase, "subtasks");

      /* Open, unassigned cases waiting for examiners, so that a claim is
       * the official's to make. */
      if (g_strcmp0 (civic_test_case_says (kase, "state"), "under-review") != 0 ||
          civic_test_case_says (kase, "assignee_id") != NULL ||
          g_strcmp0 (civic_test_case_says (kase, "queue"), "examiner") != 0)
        continue;

      if (json_array_get_length (subtasks) > 0)
        {
          const char *co = json_object_get_string_member (json_array_get_object_element (subtasks, 0),
                                                          "department_id");

          if (joint_case == NULL)
            {
              joint_case = g_strdup (id);
              joint_co_department = g_strdup (co);
            }
          continue;
        }

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
  g_assert_nonnull (joint_case);
}

static void
test_matrix (void)
{
  static const Rule rules[] = {
    /* A clerk: reads and reveals own cases; claims only from the clerks'
     * queue; comments. Another department's cases do not exist. */
    { "clerk", GET_CASE, OWN, "200" },
    { "clerk", GET_CASE, OTHER, "404" },
    { "clerk", REVEAL, OWN, "200" },
    { "clerk", REVEAL, OTHER, "404" },
    { "clerk", COMMENT, OWN, "applied" },
    { "clerk", COMMENT, OTHER, "rejected:not-found" },
    { "clerk", CLAIM, OWN, "rejected:role" },

    { "examiner", GET_CASE, OWN, "200" },
    { "examiner", GET_CASE, OTHER, "404" },
    { "examiner", REVEAL, OWN, "200" },
    { "examiner", COMMENT, OWN, "applied" },
    { "examiner", COMMENT, OTHER, "rejected:not-found" },
    { "examiner", CLAIM, OTHER, "rejected:not-found" },
    { "examiner", CLAIM, OWN, "applied" },

    { "approver", GET_CASE, OWN, "200" },
    { "approver", GET_CASE, OTHER, "404" },
    { "approver", COMMENT, OWN, "applied" },
    { "approver", COMMENT, OTHER, "rejected:not-found" },

    /* The supervisor reads the whole province and changes nothing. */
    { "supervisor", GET_CASE, OWN, "200" },
    { "supervisor", GET_CASE, OTHER, "200" },
    { "supervisor", REVEAL, OWN, "403" },
    { "supervisor", REVEAL, OTHER, "403" },
    { "supervisor", COMMENT, OWN, "rejected:forbidden" },
    { "supervisor", COMMENT, OTHER, "rejected:forbidden" },

    /* The administrator manages people and the catalogue, not cases. */
    { "admin", GET_CASE, OWN, "404" },
    { "admin", REVEAL, OWN, "404" },
    { "admin", COMMENT, OWN, "rejected:not-found" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *token = civic_test_sign_in (service, rules[i].username);
      g_autofree char *actual = try (token, rules[i].endpoint, case_of (rules[i].whose));

      if (g_strcmp0 (actual, rules[i].expected) != 0)
        g_error ("rule %u: %s, endpoint %d on %s case: expected %s, got %s", i,
                 rules[i].username, rules[i].endpoint,
                 rules[i].whose == OWN ? "own" : rules[i].whose == OTHER ? "other" : "joint",
                 rules[i].expected, actual);
    }
}


/* A command's result as "applied" or "rejected:<code>" */
static char *
command_result (const char *token,
                const char *on_behalf_of,
                const char *type,
                const char *target,
                const char *args)
{
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result = civic_test_send_for (service, token, on_behalf_of, type, target, args,
                                            &holder);

  if (g_str_equal (json_object_get_string_member (result, "status"), "applied"))
    return g_strdup ("applied");
  return g_strdup_printf ("%s:%s", json_object_get_string_member (result, "status"),
                          civic_test_reason (result, "code"));
}

/* Administration, by role and department: the hall's administrators run
 * every account and template; a department's administrator their
 * department's accounts and own templates; supervisors read and change
 * nothing; others have no account to see. And a delegate: the examiner's
 * work is theirs only inside the window the examiner's administrator
 * granted, in the window's role, never beyond */
static void
test_admin_matrix (void)
{
  static const struct
  {
    const char *username;
    const char *type;
    const char *target;
    const char *args;
    const char *expected;
  } rules[] = {
    { "admin", "edit-account", "u-examiner2", "{\"name\": \"审查员二\"}", "applied" },
    { "admin", "edit-account", "u-zrzyt.examiner2", "{\"name\": \"审查员二\"}", "applied" },
    { "dept-admin", "edit-account", "u-examiner2", "{\"name\": \"审查员二号\"}", "applied" },
    { "dept-admin", "edit-account", "u-zrzyt.examiner2", "{\"name\": \"x\"}", "rejected:not-found" },
    { "supervisor", "edit-account", "u-examiner2", "{\"name\": \"x\"}", "rejected:forbidden" },
    { "examiner", "edit-account", "u-examiner2", "{\"name\": \"x\"}", "rejected:not-found" },
    { "clerk", "end-delegation", "u-examiner2", "{\"delegation\": \"x\"}", "rejected:not-found" },
    { "dept-admin", "add-delegation", "u-zrzyt.examiner2",
      "{\"delegate_id\": \"u-zrzyt.examiner\", \"roles\": [\"examiner\"], "
      "\"starts_on\": \"2026-03-20\", \"ends_on\": \"2026-03-27\", \"reason\": \"x\"}",
      "rejected:not-found" },
    { "admin", "edit-template", "document/acceptance-notice/en",
      "{\"title\": \"Notice of Acceptance\", \"mark\": \"A\", "
      "\"body\": \"To {{applicant.name}}: accepted.\"}", "applied" },
    { "dept-admin", "edit-template", "document/acceptance-notice/en",
      "{\"title\": \"x\", \"mark\": \"A\", \"body\": \"x\"}", "rejected:role" },
    { "dept-admin", "copy-template", "document/acceptance-notice/en/zrzyt",
      "{\"title\": \"x\", \"mark\": \"A\", \"body\": \"x\"}", "rejected:role" },
    { "examiner", "edit-template", "document/acceptance-notice/en",
      "{\"title\": \"x\", \"mark\": \"A\", \"body\": \"x\"}", "rejected:forbidden" },
    { "supervisor", "revert-template", "document/acceptance-notice/en", NULL,
      "rejected:forbidden" },
  };
  g_autofree char *admin = civic_test_sign_in (service, "dept-admin");
  g_autofree char *officer = civic_test_sign_in (service, "officer");
  g_autofree char *args = NULL, *comment = NULL;
  g_autofree char *before = NULL, *inside = NULL, *beyond = NULL, *stranger = NULL;
  g_autofree char *granted = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *token = civic_test_sign_in (service, rules[i].username);
      g_autofree char *actual = command_result (token, NULL, rules[i].type, rules[i].target,
                                                rules[i].args);

      if (g_strcmp0 (actual, rules[i].expected) != 0)
        g_error ("rule %u: %s, %s on %s: expected %s, got %s", i, rules[i].username,
                 rules[i].type, rules[i].target, rules[i].expected, actual);
    }

  /* Not before the examiner's administrator lets the officer act for
   * them, from today (Friday 03-20) to Friday 03-27 */
  comment = g_strdup ("{\"text\": \"委托测试\"}");
  before = command_result (officer, "u-examiner", "comment", own_case, comment);
  g_assert_cmpstr (before, ==, "rejected:delegation");
  args = g_strdup ("{\"delegate_id\": \"u-officer\", \"roles\": [\"examiner\"], "
                   "\"starts_on\": \"2026-03-20\", \"ends_on\": \"2026-03-27\", "
                   "\"reason\": \"外出培训\"}");
  granted = command_result (admin, NULL, "add-delegation", "u-examiner", args);
  g_assert_cmpstr (granted, ==, "applied");
  inside = command_result (officer, "u-examiner", "comment", own_case, comment);
  g_assert_cmpstr (inside, ==, "applied");
  /* Only in the examiner's department: another's case is not theirs */
  beyond = command_result (officer, "u-examiner", "comment", other_case, comment);
  g_assert_cmpstr (beyond, ==, "rejected:not-found");
  /* Nobody granted the officer the approver's work */
  stranger = command_result (officer, "u-approver", "comment", own_case, comment);
  g_assert_cmpstr (stranger, ==, "rejected:delegation");
}

static void
test_other_department_sees_its_own (void)
{
  g_autofree char *username = g_strconcat (other_department, ".examiner", NULL);
  g_autofree char *token = civic_test_sign_in (service, username);
  g_autofree char *own = try (token, GET_CASE, other_case);
  g_autofree char *foreign = try (token, GET_CASE, own_case);

  g_assert_cmpstr (own, ==, "200");
  g_assert_cmpstr (foreign, ==, "404");
}

static void
test_joint_case (void)
{
  g_autofree char *token = NULL;
  g_autofree char *read = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *claim = NULL;

  g_autofree char *username = g_strconcat (joint_co_department, ".examiner", NULL);

  /* A co-department reads the joint case, comments, gives its opinion;
   * running the case is the lead department's. */
  token = civic_test_sign_in (service, username);
  read = try (token, GET_CASE, joint_case);
  comment = try (token, COMMENT, joint_case);
  claim = try (token, CLAIM, joint_case);
  g_assert_cmpstr (read, ==, "200");
  g_assert_cmpstr (comment, ==, "applied");
  g_assert_cmpstr (claim, ==, "rejected:role");
}

static void
test_feed_scope (void)
{
  static const char *usernames[] = { "clerk", "examiner", "approver", "officer", "admin" };

  for (guint u = 0; u < G_N_ELEMENTS (usernames); u++)
    {
      g_autofree char *token = civic_test_sign_in (service, usernames[u]);
      g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              (GDestroyNotify) json_node_unref);
      g_autofree char *other = g_strconcat ("case/", other_case, NULL);
      g_autofree char *own = g_strconcat ("case/", own_case, NULL);
      gboolean is_admin = g_str_equal (usernames[u], "admin");

      civic_test_pull_all (service, token, 0, entities);
      g_assert_false (g_hash_table_contains (entities, other));
      g_assert_cmpint (g_hash_table_contains (entities, own), ==, !is_admin);
      /* Everyone gets the shared reference data. */
      g_assert_true (g_hash_table_contains (entities, "department/scjg"));
      g_assert_true (g_hash_table_contains (entities, "calendar/CN-2026"));
    }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (600, 11);
  find_cases ();

  g_test_add_func ("/authz/feed-scope", test_feed_scope);
  g_test_add_func ("/authz/matrix", test_matrix);
  g_test_add_func ("/authz/admin-matrix", test_admin_matrix);
  g_test_add_func ("/authz/other-department-sees-its-own", test_other_department_sees_its_own);
  g_test_add_func ("/authz/joint-case", test_joint_case);

  result = g_test_run ();

  civic_test_service_free (service);
  g_free (own_case);
  g_free (other_case);
  g_free (joint_case);
  g_free (joint_co_department);
  g_free (other_department);
  return result;
}
