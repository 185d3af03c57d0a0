/* test-admin.c — officials' accounts run from the client, through the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An administrator adds an account with a temporary password their client
 * hashed: the official signs in, may do nothing but choose their own, and
 * then works. A department's administrator runs their department's
 * accounts only, never their own, never the hall's roles. The hall always
 * keeps an enabled administrator. Disabling an account or resetting its
 * password ends its sessions; new roles make its clients sync again. Only
 * administrators (and supervisors, who read) see accounts, in the feed or
 * in a refusal; no password or hash is in the feed, the ledger or the
 * audit log.
 */

#include "config.h"

#include <locale.h>
#include <sodium.h>
#include <string.h>

#include "civic-json.h"
#include "civic-test-service.h"

static CivicTestService *service;
static char *admin, *department_admin, *clerk, *supervisor;

#define object_of civic_test_object_of
#define rejected(...) civic_test_rejected (service, __VA_ARGS__)

static void
applied (const char *token,
         const char *type,
         const char *target,
         const char *args)
{
  g_autoptr(JsonNode) holder = NULL;

  civic_test_applied (service, token, type, target, args, &holder);
}

/* Refused with @code, the reason saying @fragment */
static void
rejected_saying (const char *token,
                 const char *type,
                 const char *target,
                 const char *args,
                 const char *code,
                 const char *fragment)
{
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result = civic_test_send (service, token, type, target, args, &holder);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_cmpstr (civic_test_reason (result, "code"), ==, code);
  if (strstr (civic_test_reason (result, "message"), fragment) == NULL)
    g_error ("“%s” does not say “%s”", civic_test_reason (result, "message"), fragment);
}

/* What an administrator's client sends for a new password */
static char *
hash_of (const char         *password,
         unsigned long long  passes,
         size_t              memory)
{
  char hash[crypto_pwhash_STRBYTES];

  g_assert_cmpint (crypto_pwhash_str (hash, password, strlen (password), passes, memory), ==, 0);
  return g_strdup (hash);
}

static char *
sign_in_with (const char *username,
              const char *password,
              guint      *status,
              gboolean   *must_change)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, password);
  g_autoptr(JsonNode) answer = civic_test_request (service, "POST", "/api/v1/session", NULL,
                                                   body, status);
  JsonObject *object;

  if (*status != 200)
    return NULL;
  object = object_of (answer);
  if (must_change != NULL)
    *must_change = json_object_get_boolean_member (json_object_get_object_member (object, "user"),
                                                   "must_change_password");
  return g_strdup (json_object_get_string_member (object, "token"));
}

static guint
status_of (const char *method,
           const char *path,
           const char *token,
           const char *body,
           char      **code)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (service, method, path, token, body, &status);
  if (code != NULL)
    *code = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer)
            ? g_strdup (civic_json_lookup_string (json_node_get_object (answer), "error", NULL))
            : NULL;
  return status;
}

/* The accounts @token's feed brings, by id */
static GHashTable *
accounts_seen (const char *token)
{
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  GHashTable *accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) json_node_unref);
  GHashTableIter iter;
  gpointer key, value;

  civic_test_pull_all (service, token, 0, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "account/"))
      g_hash_table_insert (accounts, g_strdup ((const char *) key + strlen ("account/")),
                           json_node_ref (value));
  return accounts;
}

static void
test_temporary_password (void)
{
  g_autofree char *hash = hash_of ("Temporary-7Kq2", crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_MEMLIMIT_INTERACTIVE);
  g_autofree char *args = g_strdup_printf ("{\"username\": \"wang.fang\", \"name\": \"王芳\", "
                                           "\"department_id\": \"scjg\", "
                                           "\"roles\": [\"clerk\", \"examiner\"], "
                                           "\"password_hash\": \"%s\"}", hash);
  g_autofree char *token = NULL, *second = NULL, *code = NULL;
  g_autoptr(GHashTable) accounts = NULL;
  JsonObject *account;
  gboolean must_change = FALSE;
  guint status;

  applied (admin, "add-account", "u-wang-fang", args);

  /* The administrator's feed has the account, waiting for a password */
  accounts = accounts_seen (admin);
  g_assert_nonnull (g_hash_table_lookup (accounts, "u-wang-fang"));
  account = json_node_get_object (g_hash_table_lookup (accounts, "u-wang-fang"));
  g_assert_cmpstr (json_object_get_string_member (account, "username"), ==, "wang.fang");
  g_assert_true (json_object_get_boolean_member (account, "must_change_password"));
  g_assert_false (json_object_get_boolean_member (account, "disabled"));
  g_assert_cmpstr (json_object_get_string_member (account, "department_name"), !=, NULL);
  g_assert_false (json_object_has_member (account, "password_hash"));

  /* The official signs in with the temporary password and may only
   * choose their own */
  token = sign_in_with ("wang.fang", "Temporary-7Kq2", &status, &must_change);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (must_change);
  second = sign_in_with ("wang.fang", "Temporary-7Kq2", &status, NULL);
  g_assert_cmpuint (status_of ("GET", "/api/v1/changes?after=0", token, NULL, &code), ==, 403);
  g_assert_cmpstr (code, ==, "password-change-required");
  g_clear_pointer (&code, g_free);
  g_assert_cmpuint (status_of ("GET", "/api/v1/me", token, NULL, NULL), ==, 200);

  /* A wrong current password, a short new one, the same one: refused */
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/password", token,
                               "{\"current_password\": \"guess-1234\", "
                               "\"new_password\": \"王芳的新密码2026!\"}", &code), ==, 403);
  g_assert_cmpstr (code, ==, "wrong-password");
  g_clear_pointer (&code, g_free);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/password", token,
                               "{\"current_password\": \"Temporary-7Kq2\", "
                               "\"new_password\": \"short\"}", &code), ==, 422);
  g_clear_pointer (&code, g_free);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/password", token,
                               "{\"current_password\": \"Temporary-7Kq2\", "
                               "\"new_password\": \"Temporary-7Kq2\"}", NULL), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/password", token,
                               "{\"current_password\": \"Temporary-7Kq2\"}", NULL), ==, 400);

  g_assert_cmpuint (status_of ("POST", "/api/v1/me/password", token,
                               "{\"current_password\": \"Temporary-7Kq2\", "
                               "\"new_password\": \"王芳的新密码2026!\"}", NULL), ==, 200);
  /* This session goes on; the other one ended; the old password is gone */
  g_assert_cmpuint (status_of ("GET", "/api/v1/changes?after=0", token, NULL, NULL), ==, 200);
  g_assert_cmpuint (status_of ("GET", "/api/v1/me", second, NULL, NULL), ==, 401);
  g_free (sign_in_with ("wang.fang", "Temporary-7Kq2", &status, NULL));
  g_assert_cmpuint (status, ==, 401);
  g_free (sign_in_with ("wang.fang", "王芳的新密码2026!", &status, &must_change));
  g_assert_cmpuint (status, ==, 200);
  g_assert_false (must_change);

  g_hash_table_unref (g_steal_pointer (&accounts));
  accounts = accounts_seen (admin);
  account = json_node_get_object (g_hash_table_lookup (accounts, "u-wang-fang"));
  g_assert_false (json_object_get_boolean_member (account, "must_change_password"));

  /* No password and no hash anywhere but the account's row */
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM command "
                                                   "WHERE response LIKE '%argon2%'"), ==, 0);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM entity "
                                                   "WHERE data LIKE '%argon2%'"), ==, 0);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM audit "
                                                   "WHERE detail LIKE '%argon2%' "
                                                   "  OR detail LIKE '%Temporary%'"), ==, 0);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM audit "
                                                   "WHERE action = 'add-account' "
                                                   "  AND target = 'u-wang-fang'"), ==, 1);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM audit "
                                                   "WHERE action = 'change-password' "
                                                   "  AND target = 'u-wang-fang'"), ==, 1);

  /* The user name is taken, whatever its case */
  g_free (args);
  args = g_strdup_printf ("{\"username\": \"Wang.Fang\", \"name\": \"王芳\", "
                          "\"department_id\": \"scjg\", \"roles\": [\"clerk\"], "
                          "\"password_hash\": \"%s\"}", hash);
  rejected (admin, "add-account", "u-wang-fang-2", args, "rule");
}

static void
test_weak_hash (void)
{
  g_autofree char *weak = hash_of ("Temporary-7Kq2", 1, 8192 * 1024);
  g_autofree char *args = g_strdup_printf ("{\"username\": \"li.lei\", \"name\": \"李雷\", "
                                           "\"department_id\": \"scjg\", \"roles\": [\"clerk\"], "
                                           "\"password_hash\": \"%s\"}", weak);

  /* Cheaper to break than the service's own, or not a hash at all */
  rejected (admin, "add-account", "u-li-lei", args, "argument");
  /* Or costlier than a sign-in may pay each time */
  g_free (weak);
  weak = hash_of ("Temporary-7Kq2", 11, crypto_pwhash_MEMLIMIT_INTERACTIVE);
  g_free (args);
  args = g_strdup_printf ("{\"username\": \"li.lei\", \"name\": \"李雷\", "
                          "\"department_id\": \"scjg\", \"roles\": [\"clerk\"], "
                          "\"password_hash\": \"%s\"}", weak);
  rejected (admin, "add-account", "u-li-lei", args, "argument");
  rejected (admin, "add-account", "u-li-lei",
            "{\"username\": \"li.lei\", \"name\": \"李雷\", \"department_id\": \"scjg\", "
            "\"roles\": [\"clerk\"], \"password_hash\": \"Temporary-7Kq2\"}", "argument");
  /* No role, the service's own role, a department that is not there */
  g_free (weak);
  weak = hash_of ("Temporary-7Kq2", crypto_pwhash_OPSLIMIT_INTERACTIVE,
                  crypto_pwhash_MEMLIMIT_INTERACTIVE);
  g_free (args);
  args = g_strdup_printf ("{\"username\": \"li.lei\", \"name\": \"李雷\", "
                          "\"department_id\": \"scjg\", \"roles\": [], \"password_hash\": \"%s\"}",
                          weak);
  rejected (admin, "add-account", "u-li-lei", args, "argument");
  g_free (args);
  args = g_strdup_printf ("{\"username\": \"li.lei\", \"name\": \"李雷\", "
                          "\"department_id\": \"scjg\", \"roles\": [\"system\"], "
                          "\"password_hash\": \"%s\"}", weak);
  rejected (admin, "add-account", "u-li-lei", args, "argument");
  g_free (args);
  args = g_strdup_printf ("{\"username\": \"li.lei\", \"name\": \"李雷\", "
                          "\"department_id\": \"nowhere\", \"roles\": [\"clerk\"], "
                          "\"password_hash\": \"%s\"}", weak);
  rejected (admin, "add-account", "u-li-lei", args, "argument");
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count(*) FROM account "
                                                   "WHERE username = 'li.lei'"), ==, 0);
}

static void
test_department_admin (void)
{
  g_autofree char *hash = hash_of ("Temporary-9Xw4", crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_MEMLIMIT_INTERACTIVE);
  g_autofree char *args = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(JsonNode) me = NULL;
  const char *own_id;
  guint status;

  args = g_strdup_printf ("{\"username\": \"zhao.lei\", \"name\": \"赵磊\", "
                          "\"department_id\": \"scjg\", \"roles\": [\"clerk\"], "
                          "\"password_hash\": \"%s\"}", hash);
  applied (department_admin, "add-account", "u-zhao-lei", args);

  /* Never the hall's roles; never another department */
  g_free (args);
  args = g_strdup_printf ("{\"username\": \"qian.li\", \"name\": \"钱丽\", "
                          "\"department_id\": \"scjg\", \"roles\": [\"supervisor\"], "
                          "\"password_hash\": \"%s\"}", hash);
  rejected (department_admin, "add-account", "u-qian-li", args, "role");
  g_free (args);
  args = g_strdup_printf ("{\"username\": \"qian.li\", \"name\": \"钱丽\", "
                          "\"department_id\": \"zrzyt\", \"roles\": [\"clerk\"], "
                          "\"password_hash\": \"%s\"}", hash);
  rejected (department_admin, "add-account", "u-qian-li", args, "role");
  rejected (department_admin, "edit-account", "u-zhao-lei", "{\"department_id\": \"zrzyt\"}",
            "role");
  rejected (department_admin, "edit-account", "u-zhao-lei", "{\"roles\": [\"admin\"]}", "role");
  applied (department_admin, "edit-account", "u-zhao-lei",
           "{\"roles\": [\"clerk\", \"examiner\"], \"name\": \"赵磊\"}");

  /* Another department's account is not there for them; their own is
   * not theirs to change */
  me = civic_test_request (service, "GET", "/api/v1/me", department_admin, NULL, &status);
  own_id = json_object_get_string_member (object_of (me), "id");
  rejected (department_admin, "disable-account", own_id, "{\"reason\": \"test\"}", "role");
  {
    g_autoptr(JsonNode) other = civic_test_request (service, "GET", "/api/v1/me", clerk, NULL,
                                                    &status);
    const char *clerk_id = json_object_get_string_member (object_of (other), "id");
    g_autofree char *zrzyt_clerk = NULL;

    g_assert_nonnull (clerk_id);
    zrzyt_clerk = g_strdup_printf ("SELECT count(*) FROM account WHERE username = "
                                   "'zrzyt.clerk'");
    g_assert_cmpint (civic_test_count_rows (service, zrzyt_clerk), ==, 1);
  }

  /* What each sees: the department administrator their department's
   * accounts; a clerk none; the hall's administrator all */
  seen = accounts_seen (department_admin);
  g_assert_nonnull (g_hash_table_lookup (seen, "u-zhao-lei"));
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_assert_cmpstr (civic_json_lookup_string (json_node_get_object (value), "department_id",
                                                 NULL), ==, "scjg");
  }
  g_hash_table_unref (g_steal_pointer (&seen));
  seen = accounts_seen (clerk);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 0);
  g_hash_table_unref (g_steal_pointer (&seen));
  seen = accounts_seen (admin);
  g_assert_cmpint (g_hash_table_size (seen), ==,
                   civic_test_count_rows (service, "SELECT count(*) FROM account"));

  /* A clerk runs no account at all, and its refusal shows none: to them
   * there is no account; a supervisor reads it and changes nothing */
  rejected (clerk, "disable-account", "u-zhao-lei", "{\"reason\": \"test\"}", "not-found");
  {
    g_autoptr(JsonNode) holder = NULL;
    JsonObject *result = civic_test_send (service, clerk, "edit-account", "u-zhao-lei",
                                          "{\"name\": \"x\"}", &holder);

    g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
    g_assert_false (json_object_has_member (result, "entity"));
  }
  rejected (supervisor, "disable-account", "u-zhao-lei", "{\"reason\": \"test\"}", "forbidden");
}

#define id_of(username) civic_test_id_of (service, (username))

static void
test_last_admin (void)
{
  g_autofree char *admin_id = id_of ("admin");
  g_autofree char *clerk_id = id_of ("clerk");
  g_autofree char *hash = hash_of ("Temporary-3Pz8", crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_MEMLIMIT_INTERACTIVE);
  g_autofree char *args = NULL;
  g_autofree char *second = NULL, *clerk_session = NULL, *feed = NULL;
  g_autoptr(GBytes) calendar = NULL;
  guint status;

  /* The only administrator is neither disabled nor loses the role */
  rejected (admin, "disable-account", admin_id, "{\"reason\": \"leaving\"}", "rule");
  rejected (admin, "edit-account", admin_id, "{\"roles\": [\"supervisor\"]}", "rule");

  /* With a second one, the first may go; their sessions end */
  args = g_strdup_printf ("{\"username\": \"admin2\", \"name\": \"孙强\", "
                          "\"roles\": [\"admin\"], \"password_hash\": \"%s\"}", hash);
  applied (admin, "add-account", "u-admin2", args);
  second = sign_in_with ("admin2", "Temporary-3Pz8", &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/password", second,
                               "{\"current_password\": \"Temporary-3Pz8\", "
                               "\"new_password\": \"孙强的密码-2026\"}", NULL), ==, 200);
  applied (second, "disable-account", admin_id, "{\"reason\": \"moved to another post\"}");
  g_assert_cmpuint (status_of ("GET", "/api/v1/me", admin, NULL, NULL), ==, 401);
  rejected (second, "disable-account", "u-admin2", "{\"reason\": \"test\"}", "rule");
  rejected (second, "disable-account", admin_id, "{\"reason\": \"again\"}", "state");
  applied (second, "enable-account", admin_id, NULL);
  g_free (admin);
  admin = civic_test_sign_in (service, "admin");

  /* New roles: the clerk's client must sync again from the start */
  clerk_session = civic_test_sign_in (service, "clerk");
  civic_test_pull_all (service, clerk_session, 0, NULL);
  applied (admin, "edit-account", clerk_id, "{\"roles\": [\"clerk\", \"examiner\"]}");
  g_assert_cmpuint (status_of ("GET", "/api/v1/changes?after=1", clerk_session, NULL, NULL), ==,
                    410);

  /* A reset password ends the sessions and the calendar feed, and is
   * temporary again */
  {
    g_autoptr(JsonNode) link = civic_test_request (service, "POST", "/api/v1/calendar-token",
                                                   clerk_session, NULL, &status);

    g_assert_cmpuint (status, ==, 200);
    feed = g_strdup (json_object_get_string_member (object_of (link), "path"));
  }
  g_bytes_unref (civic_test_fetch (service, feed, NULL, &status, NULL, NULL));
  g_assert_cmpuint (status, ==, 200);
  g_free (args);
  args = g_strdup_printf ("{\"password_hash\": \"%s\"}", hash);
  applied (admin, "reset-password", clerk_id, args);
  g_assert_cmpuint (status_of ("GET", "/api/v1/me", clerk_session, NULL, NULL), ==, 401);
  g_clear_pointer (&calendar, g_bytes_unref);
  calendar = civic_test_fetch (service, feed, NULL, &status, NULL, NULL);
  g_assert_cmpuint (status, ==, 404);
  g_free (clerk_session);
  clerk_session = sign_in_with ("clerk", "Temporary-3Pz8", &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (status_of ("GET", "/api/v1/changes?after=0", clerk_session, NULL, NULL), ==,
                    403);
}

/* A department keeps the roles of the work it does: no account of it gets
 * another, from the client or the command line, until an operator says
 * it may hold any role again */
static void
test_department_roles (void)
{
  g_autofree char *hash = hash_of ("Temporary-5Rt1", crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_MEMLIMIT_INTERACTIVE);
  g_autofree char *officer = g_strdup_printf ("{\"username\": \"fgw.host\", \"name\": \"赵听\", "
                                              "\"department_id\": \"fgw\", "
                                              "\"roles\": [\"hearing-officer\"], "
                                              "\"password_hash\": \"%s\"}", hash);
  g_autofree char *clerk_args = g_strdup_printf ("{\"username\": \"fgw.window\", \"name\": \"钱窗\", "
                                                 "\"department_id\": \"fgw\", "
                                                 "\"roles\": [\"clerk\"], "
                                                 "\"password_hash\": \"%s\"}", hash);
  g_autofree char *output = NULL;

  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "department", "roles", "fgw",
                                           "--role", "clerk", "--role", "examiner", "--role",
                                           "approver", NULL), ==, 0);
  /* Its hearing officer keeps the role, and the operator is told */
  g_assert_nonnull (strstr (output, "fgw.officer"));

  rejected_saying (admin, "add-account", "u-fgw-host", officer, "rule", "has no role of");
  applied (admin, "add-account", "u-fgw-window", clerk_args);
  rejected_saying (admin, "edit-account", "u-fgw-window", "{\"roles\": [\"clerk\", \"hearing-officer\"]}",
            "rule", "has no role of");
  /* Moving an official into it is the same */
  rejected_saying (admin, "edit-account", "u-officer", "{\"department_id\": \"fgw\"}", "rule",
            "has no role of");
  g_setenv ("CIVIC_TEST_PASSWORD", "demo-password", TRUE);
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "add", "fgw.host2",
                                           "--name", "孙听", "--department", "fgw", "--roles",
                                           "hearing-officer", "--password-env",
                                           "CIVIC_TEST_PASSWORD", NULL), !=, 0);

  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "department", "roles", "fgw",
                                           "--any-role", NULL), ==, 0);
  applied (admin, "add-account", "u-fgw-host", officer);
}

/* A year's holiday notice, imported by an administrator as published:
 * the service counts with it at once; a correction replaces it; another
 * year's text under this year, or anyone else, is refused */
static void
test_holiday_notice (void)
{
  static const char text_2027[] =
    "国务院办公厅关于2027年部分节假日安排的通知\n"
    "一、元旦：1月1日（周五）放假1天。\n";
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) args = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autofree char *body = NULL;
  g_autofree char *examiner = civic_test_sign_in (service, "examiner");
  JsonObject *notice;
  JsonNode *stored;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text_2027);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, "国办发明电〔2026〕12号");
  json_builder_end_object (builder);
  args = json_builder_get_root (builder);
  body = json_to_string (args, FALSE);

  rejected (examiner, "import-holiday-notice", "CN-2027", body, "forbidden");
  rejected_saying (admin, "import-holiday-notice", "CN-2028", body, "argument",
                   "another year than 2028");
  rejected (admin, "import-holiday-notice", "2027", body, "argument");

  notice = civic_test_applied (service, admin, "import-holiday-notice", "CN-2027", body, &holder);
  g_assert_cmpstr (json_object_get_string_member (notice, "id"), ==, "CN-2027");
  g_assert_cmpint (json_object_get_int_member (notice, "year"), ==, 2027);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (notice, "holidays")), ==,
                   1);

  /* Every official's client receives it, with its revision */
  civic_test_pull_all (service, examiner, 0, entities);
  stored = g_hash_table_lookup (entities, "calendar/CN-2027");
  g_assert_nonnull (stored);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (stored), "rev"), ==, 1);
  /* The shipped ones were written with theirs */
  stored = g_hash_table_lookup (entities, "calendar/CN-2026");
  g_assert_nonnull (stored);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (stored), "rev"), >=, 1);

  /* A corrected notice replaces the year's */
  g_clear_pointer (&holder, json_node_unref);
  g_free (body);
  body = g_strdup_printf ("{\"text\": \"%s\"}", "国务院办公厅关于2027年部分节假日安排的通知\\n"
                          "一、元旦：1月1日（周五）至3日（周日）放假，共3天。\\n");
  notice = civic_test_applied (service, admin, "import-holiday-notice", "CN-2027", body, &holder);
  g_assert_cmpint (json_object_get_int_member (notice, "rev"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (notice, "holidays"), 0), "end"),
    ==, "2027-01-03");
}


/* A case filed through the public door for 430000-SCJG-XK-0001 and
 * accepted: its id */
static char *
accepted_case (const char *clerk_token)
{
  static const char code[] = "430000-SCJG-XK-0001";
  g_autoptr(JsonNode) guide = NULL, answer = NULL;
  g_autoptr(GString) materials = g_string_new ("[");
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *body = NULL;
  const char *number;
  JsonArray *list;
  guint status;

  guide = civic_test_request (service, "GET", "/public/v1/items/430000-SCJG-XK-0001", NULL, NULL,
                              &status);
  g_assert_cmpuint (status, ==, 200);
  list = json_object_get_array_member (json_object_get_object_member (object_of (guide), "guide"),
                                       "materials");
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_string_append_printf (materials, "%s\"%s\"", i > 0 ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (list, i),
                                                           "id"));
  g_string_append_c (materials, ']');
  body = g_strdup_printf ("{\"item_code\": \"%s\", \"materials\": %s, \"applicant\": "
                          "{\"kind\": \"organisation\", \"name\": \"湘江食品有限公司\", "
                          "\"id_number\": \"91430100MA4L16JQ9D\", \"contact\": \"王工\", "
                          "\"phone\": \"13812345678\", \"address\": "
                          "\"长沙市岳麓区麓山南路1号\"}}", code, materials->str);
  answer = civic_test_request (service, "POST", "/public/v1/applications", NULL, body, &status);
  g_assert_cmpuint (status, ==, 201);
  number = json_object_get_string_member (object_of (answer), "number");
  cases = civic_test_pull_cases (service, clerk_token);
  for (guint i = 0; i < cases->len; i++)
    {
      JsonObject *kase = g_ptr_array_index (cases, i);

      if (g_strcmp0 (json_object_get_string_member (kase, "number"), number) == 0)
        {
          char *id = g_strdup (json_object_get_string_member (kase, "id"));

          applied (clerk_token, "accept", id, NULL);
          return id;
        }
    }
  g_assert_not_reached ();
}

static void
restart_at (const char *now)
{
  civic_test_service_stop (service);
  g_setenv ("CIVICDESK_NOW", now, TRUE);
  civic_test_service_start (service);
}

/* 委托: an administrator lets the clerk act for the examiner in the
 * examiner's role, Monday to Friday of the week after. Inside the window
 * the clerk's commands for the examiner are the examiner's to the rules
 * and name both in the record; the ledger and the audit log keep who sent
 * them and for whom. Before the window, after it, and once it is ended,
 * they are refused at the service's time, telling why and nothing of the
 * record. */
static void
test_delegation (void)
{
  g_autofree char *examiner_id = id_of ("examiner");
  g_autofree char *clerk_id = id_of ("clerk");
  g_autofree char *approver_id = id_of ("approver");
  g_autofree char *args = NULL, *window_id = NULL, *case_id = NULL, *audit = NULL;
  g_autofree char *clerk_token = NULL, *admin_token = NULL, *examiner_token = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) entities = NULL;
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result, *account, *window, *entry;
  JsonArray *windows;

  /* Who, in what, when: refused with the reason */
  rejected_saying (clerk, "add-delegation", examiner_id,
                   "{\"delegate_id\": \"x\"}", "not-found", "");
#define WINDOW(delegate, roles, first, last) \
  g_strdup_printf ("{\"delegate_id\": \"%s\", \"roles\": %s, \"starts_on\": \"%s\", " \
                   "\"ends_on\": \"%s\", \"reason\": \"年休假\"}", delegate, roles, first, last)
  g_free (args);
  args = WINDOW (examiner_id, "[\"examiner\"]", "2026-03-23", "2026-03-27");
  rejected_saying (admin, "add-delegation", examiner_id, args, "argument", "themselves");
  g_free (args);
  args = WINDOW (clerk_id, "[\"approver\"]", "2026-03-23", "2026-03-27");
  rejected_saying (admin, "add-delegation", examiner_id, args, "rule", "cannot hand on");
  g_free (args);
  args = WINDOW (clerk_id, "[\"examiner\"]", "2026-03-19", "2026-03-27");
  rejected_saying (admin, "add-delegation", examiner_id, args, "rule", "today or later");
  g_free (args);
  args = WINDOW (clerk_id, "[\"examiner\"]", "2026-03-23", "2027-03-27");
  rejected_saying (admin, "add-delegation", examiner_id, args, "rule", "366 days");
  {
    g_autoptr(GHashTable) users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) json_node_unref);
    GHashTableIter iter;
    gpointer key, value;
    const char *other = NULL;

    civic_test_pull_all (service, clerk, 0, users);
    g_hash_table_iter_init (&iter, users);
    while (other == NULL && g_hash_table_iter_next (&iter, &key, &value))
      if (g_str_has_prefix (key, "user/") &&
          g_strcmp0 (civic_json_lookup_string (json_node_get_object (value), "department_id",
                                               NULL), "zrzyt") == 0)
        other = (const char *) key + strlen ("user/");
    g_assert_nonnull (other);
    g_free (args);
    args = WINDOW (other, "[\"examiner\"]", "2026-03-23", "2026-03-27");
    rejected_saying (admin, "add-delegation", examiner_id, args, "rule", "another department");
  }

  g_free (args);
  args = WINDOW (clerk_id, "[\"examiner\"]", "2026-03-23", "2026-03-27");
  result = civic_test_send (service, department_admin, "add-delegation", examiner_id, args,
                            &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  window_id = g_strdup (json_object_get_string_member (result, "id"));
  g_clear_pointer (&holder, json_node_unref);
  g_free (args);
  args = WINDOW (clerk_id, "[\"examiner\"]", "2026-03-26", "2026-04-03");
  rejected_saying (admin, "add-delegation", examiner_id, args, "clash", "2026-03-23");
#undef WINDOW

  /* Administrators see the window whole; every official sees who acts
   * for whom and when, never why */
  seen = accounts_seen (admin);
  account = json_node_get_object (g_hash_table_lookup (seen, examiner_id));
  windows = json_object_get_array_member (account, "delegations");
  g_assert_cmpuint (json_array_get_length (windows), ==, 1);
  window = json_array_get_object_element (windows, 0);
  g_assert_cmpstr (json_object_get_string_member (window, "id"), ==, window_id);
  g_assert_cmpstr (json_object_get_string_member (window, "delegate_id"), ==, clerk_id);
  g_assert_cmpstr (json_object_get_string_member (window, "starts_on"), ==, "2026-03-23");
  g_assert_cmpstr (json_object_get_string_member (window, "ends_on"), ==, "2026-03-27");
  g_assert_cmpstr (json_object_get_string_member (window, "reason"), ==, "年休假");
  entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) json_node_unref);
  civic_test_pull_all (service, clerk, 0, entities);
  {
    g_autofree char *key = g_strconcat ("user/", examiner_id, NULL);

    entry = json_node_get_object (g_hash_table_lookup (entities, key));
  }
  windows = json_object_get_array_member (entry, "delegates");
  g_assert_cmpuint (json_array_get_length (windows), ==, 1);
  window = json_array_get_object_element (windows, 0);
  g_assert_cmpstr (json_object_get_string_member (window, "delegate_id"), ==, clerk_id);
  g_assert_false (json_object_has_member (window, "reason"));

  /* Before the window: refused, saying from when, showing nothing */
  case_id = accepted_case (clerk);
  result = civic_test_send_for (service, clerk, examiner_id, "claim", case_id, NULL, &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_cmpstr (civic_test_reason (result, "code"), ==, "delegation");
  g_assert_nonnull (strstr (civic_test_reason (result, "message"), "from 2026-03-23"));
  g_assert_false (json_object_has_member (result, "entity"));
  g_clear_pointer (&holder, json_node_unref);

  /* Inside it: the examiner's work, named for both */
  restart_at ("2026-03-24T10:00:00+08:00");
  clerk_token = civic_test_sign_in (service, "clerk");
  admin_token = civic_test_sign_in (service, "admin");
  examiner_token = civic_test_sign_in (service, "examiner");
  rejected (clerk_token, "claim", case_id, NULL, "role");
  result = civic_test_send_for (service, clerk_token, examiner_id, "claim", case_id, NULL, &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  g_assert_cmpstr (civic_json_lookup_string (json_object_get_object_member (
                     json_object_get_object_member (result, "entity"), "data"), "assignee_id",
                     NULL), ==, examiner_id);
  g_clear_pointer (&holder, json_node_unref);
  result = civic_test_send_for (service, clerk_token, examiner_id, "opinion", case_id,
                     "{\"recommendation\": \"approve\", \"text\": \"符合条件\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  {
    g_autofree char *text = civic_json_to_string (json_object_get_member (
                                                    json_object_get_object_member (result,
                                                                                   "entity"),
                                                    "data"), FALSE);

    g_assert_nonnull (strstr (text, "（代"));
  }
  g_clear_pointer (&holder, json_node_unref);
  /* In the examiner's role only: a window gives no more than it names */
  result = civic_test_send_for (service, clerk_token, examiner_id, "accept", case_id, NULL, &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_clear_pointer (&holder, json_node_unref);

  audit = civic_test_audit_of (service, "opinion", case_id);
  g_assert_true (g_str_has_prefix (audit, clerk_id));
  g_assert_nonnull (strstr (audit, examiner_id));
  g_assert_nonnull (strstr (audit, "\"on_behalf_of\""));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM command WHERE account_id = '%s' "
                                            "AND on_behalf_of = '%s'", clerk_id, examiner_id);

    g_assert_cmpint (civic_test_count_rows (service, sql), ==, 4);
  }

  /* Ended at once: refused from now on */
  g_free (args);
  args = g_strdup_printf ("{\"delegation\": \"%s\"}", window_id);
  applied (admin_token, "end-delegation", examiner_id, args);
  rejected_saying (admin_token, "end-delegation", examiner_id, args, "state", "");
  result = civic_test_send_for (service, clerk_token, examiner_id, "comment", case_id, "{\"text\": \"补充\"}",
                     &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_nonnull (strstr (civic_test_reason (result, "message"), "ended on 2026-03-23"));
  g_clear_pointer (&holder, json_node_unref);

  /* A command queued inside a window and sent after it is refused */
  g_free (args);
  args = g_strdup_printf ("{\"delegate_id\": \"%s\", \"roles\": [\"examiner\"], "
                          "\"starts_on\": \"2026-03-24\", \"ends_on\": \"2026-03-25\", "
                          "\"reason\": \"出差\"}", clerk_id);
  applied (admin_token, "add-delegation", examiner_id, args);
  restart_at ("2026-03-26T09:00:00+08:00");
  g_free (clerk_token);
  clerk_token = civic_test_sign_in (service, "clerk");
  result = civic_test_send_for (service, clerk_token, examiner_id, "comment", case_id, "{\"text\": \"补充\"}",
                     &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_cmpstr (civic_test_reason (result, "code"), ==, "delegation");
  g_assert_nonnull (strstr (civic_test_reason (result, "message"), "ended on 2026-03-25"));
  g_clear_pointer (&holder, json_node_unref);
  /* Nobody acts for an official who names them in no window */
  result = civic_test_send_for (service, clerk_token, approver_id, "comment", case_id, "{\"text\": \"x\"}",
                     &holder);
  g_assert_cmpstr (civic_test_reason (result, "code"), ==, "delegation");
  g_clear_pointer (&holder, json_node_unref);

  restart_at (CIVIC_TEST_NOW);
  /* The tokens of the tests after are the first ones: sessions outlive a
   * restart */
  (void) examiner_token;
}


/* The template @token's feed has under @id: its JSON object, or %NULL
 * when the feed says it is gone (or never had it) */
static JsonObject *
template_in_feed (const char *token,
                  const char *id,
                  GHashTable *entities)
{
  g_autofree char *key = g_strconcat ("document-template/", id, NULL);
  JsonNode *node;

  g_hash_table_remove_all (entities);
  civic_test_pull_all (service, token, 0, entities);
  node = g_hash_table_lookup (entities, key);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Templates of formal documents: the hall's administrators edit the
 * hall's, checked as an import is; a department's administrator copies it
 * for their department, edits and reverts their own and nobody else's;
 * the documents the service issues follow; templates a service kept
 * before were moved to their own type once. */
static void
test_templates (void)
{
  static const char hall[] = "document/acceptance-notice/zh";
  static const char own[] = "document/acceptance-notice/zh/scjg";
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autofree char *args = NULL, *listed = NULL;
  /* Any official reads them; the clerk's password was reset before */
  g_autofree char *reader = civic_test_sign_in (service, "examiner");
  JsonObject *tmpl;
  JsonArray *blocks;
  gint64 rev;

  tmpl = template_in_feed (reader, hall, entities);
  g_assert_nonnull (tmpl);
  g_assert_cmpstr (json_object_get_string_member (tmpl, "id"), ==, hall);
  rev = json_object_get_int_member (tmpl, "rev");
  g_assert_cmpint (rev, >=, 1);

#define TEMPLATE(title, body) \
  g_strdup_printf ("{\"title\": \"%s\", \"mark\": \"受\", \"body\": \"%s\"}", title, body)
  args = TEMPLATE ("受理通知书", "[addressee] {{applicant.name}}：\\n你单位申请的{{item.name}}"
                   "（申请编号{{case.number}}），本机关决定受理。\\n[note] 本通知书一式两份。");
  /* Not theirs to change: a clerk, and a department's administrator on
   * the hall's */
  rejected_saying (reader, "edit-template", hall, args, "forbidden", "administrators");
  rejected_saying (department_admin, "edit-template", hall, args, "role", "Copy for My Department");
  /* Checked as an import is */
  {
    g_autofree char *unknown = TEMPLATE ("受理通知书", "{{applicant.name}}：{{no.such}}");
    g_autofree char *personal = TEMPLATE ("{{applicant.name}}受理通知书", "{{applicant.name}}：");
    g_autofree char *style = TEMPLATE ("受理通知书", "[title] 标题");

    rejected_saying (admin, "edit-template", hall, unknown, "argument", "no.such");
    rejected_saying (admin, "edit-template", hall, personal, "argument", "applicant.name");
    rejected_saying (admin, "edit-template", hall, style, "argument", "Line 1");
  }
  applied (admin, "edit-template", hall, args);
  tmpl = template_in_feed (reader, hall, entities);
  g_assert_cmpint (json_object_get_int_member (tmpl, "rev"), ==, rev + 1);
  blocks = json_object_get_array_member (tmpl, "blocks");
  g_assert_cmpuint (json_array_get_length (blocks), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 0),
                                                  "style"), ==, "addressee");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 2),
                                                  "style"), ==, "note");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 2),
                                                  "text"), ==, "本通知书一式两份。");

  /* The department's own: made once, theirs only */
  g_free (args);
  args = TEMPLATE ("受理通知书", "[addressee] {{applicant.name}}：\\n市场监管局专用文本，"
                   "{{item.name}}（{{case.number}}）予以受理。");
  rejected_saying (department_admin, "copy-template", "document/acceptance-notice/zh/zrzyt", args,
                   "role", "their department");
  rejected_saying (department_admin, "copy-template", hall, args, "argument", "under its id");
  applied (department_admin, "copy-template", own, args);
  rejected_saying (department_admin, "copy-template", own, args, "state", "edit it");
  tmpl = template_in_feed (reader, own, entities);
  g_assert_nonnull (tmpl);
  g_assert_cmpstr (json_object_get_string_member (tmpl, "department_id"), ==, "scjg");
  g_assert_cmpint (civic_test_service_cli (service, NULL, &listed, "template", "list", NULL), ==,
                   0);
  g_assert_nonnull (strstr (listed, "document/acceptance-notice/zh/scjg 1"));
  g_clear_pointer (&listed, g_free);
  rejected_saying (department_admin, "revert-template", hall, NULL, "state", "every department");

  /* Reverted: gone from every client, the hall's applies again */
  applied (department_admin, "revert-template", own, NULL);
  g_assert_null (template_in_feed (reader, own, entities));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &listed, "template", "list", NULL), ==,
                   0);
  g_assert_null (strstr (listed, "/zh/scjg"));
  /* and may be made again */
  applied (department_admin, "copy-template", own, args);
  tmpl = template_in_feed (reader, own, entities);
  g_assert_nonnull (tmpl);
  g_assert_cmpint (json_object_get_int_member (tmpl, "rev"), ==, 3);
#undef TEMPLATE

  /* A service that kept templates as `template` entities moves them */
  civic_test_service_stop (service);
  g_ptr_array_unref (civic_test_sql (service->data_dir,
    "UPDATE meta SET value = CAST (value AS BIGINT) + 1 WHERE key = 'seq';"
    "INSERT INTO entity (type, id, rev, seq, data, updated_at) "
    "SELECT 'template', 'document/acceptance-notice/en/scjg', 4, CAST (value AS BIGINT), "
    "  '{\"kind\": \"acceptance-notice\", \"language\": \"en\", \"department_id\": \"scjg\", "
    "    \"title\": \"Notice of Acceptance\", \"mark\": \"A\", "
    "    \"blocks\": [{\"text\": \"To {{applicant.name}}: accepted.\"}]}', "
    "  '2026-03-20T10:00:00+08:00' FROM meta WHERE key = 'seq';", NULL));
  civic_test_service_start (service);
  tmpl = template_in_feed (admin, "document/acceptance-notice/en/scjg", entities);
  g_assert_nonnull (tmpl);
  g_assert_cmpint (json_object_get_int_member (tmpl, "rev"), ==, 4);
  {
    JsonNode *old = g_hash_table_lookup (entities, "template/document/acceptance-notice/en/scjg");

    g_assert_true (old == NULL || JSON_NODE_HOLDS_NULL (old));
  }
  /* and the department's administrator runs it like any */
  applied (department_admin, "revert-template", "document/acceptance-notice/en/scjg", NULL);
}

static void
test_command_line_agrees (void)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *output = NULL;

  /* An account the operator adds is run like any other */
  g_setenv ("CIVIC_TEST_PASSWORD", "demo-password", TRUE);
  g_assert_cmpint (civic_test_service_cli (service, NULL, NULL, "user", "add", "zhou.min",
                                           "--name", "周敏", "--department", "scjg", "--roles",
                                           "clerk", "--password-env", "CIVIC_TEST_PASSWORD",
                                           NULL), ==, 0);
  seen = accounts_seen (admin);
  {
    GHashTableIter iter;
    gpointer value;
    gboolean found = FALSE;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      found |= g_strcmp0 (civic_json_lookup_string (json_node_get_object (value), "username",
                                                    NULL), "zhou.min") == 0;
    g_assert_true (found);
  }
  (void) output;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  service = civic_test_service_new_demo (10, 0);
  admin = civic_test_sign_in (service, "admin");
  department_admin = civic_test_sign_in (service, "dept-admin");
  clerk = civic_test_sign_in (service, "clerk");
  supervisor = civic_test_sign_in (service, "supervisor");

  g_test_add_func ("/admin/temporary-password", test_temporary_password);
  g_test_add_func ("/admin/weak-hash", test_weak_hash);
  g_test_add_func ("/admin/department-admin", test_department_admin);
  /* Before the clerk's password is reset */
  g_test_add_func ("/admin/delegation", test_delegation);
  g_test_add_func ("/admin/last-admin", test_last_admin);
  g_test_add_func ("/admin/department-roles", test_department_roles);
  g_test_add_func ("/admin/holiday-notice", test_holiday_notice);
  g_test_add_func ("/admin/templates", test_templates);
  g_test_add_func ("/admin/command-line-agrees", test_command_line_agrees);

  status = g_test_run ();

  g_free (admin);
  g_free (department_admin);
  g_free (clerk);
  g_free (supervisor);
  civic_test_service_free (service);
  return status;
}
