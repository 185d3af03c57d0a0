/* test-account-rules.c — what may be done to an official's account, and by whom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The last enabled administrator is neither disabled nor demoted; an
 * official works in a department unless the hall's administrator or
 * supervisor; a department administrator runs their own department's
 * accounts, never their own, and grants none of the hall's roles. A
 * password comes only as a hash as costly as the service's own. The
 * account kind applies the same rules to its commands.
 */

#include "config.h"

#include <string.h>

#include "civic-core-test.h"

static CivicActor *dept_admin;

static void
refused (const CivicAccountFacts *before,
         const CivicAccountFacts *after,
         guint                    n_admins,
         const CivicActor        *by,
         int                      code,
         const char              *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_account_rules_check (before, after, n_admins, by, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
allowed (const CivicAccountFacts *before,
         const CivicAccountFacts *after,
         guint                    n_admins,
         const CivicActor        *by)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_account_rules_check (before, after, n_admins, by, &error));
  g_assert_no_error (error);
}

static void
test_last_admin (void)
{
  CivicAccountFacts admin = { "u-admin", NULL, CIVIC_ROLE_ADMIN, FALSE };
  CivicAccountFacts disabled = admin, demoted = admin;

  disabled.disabled = TRUE;
  demoted.roles = CIVIC_ROLE_SUPERVISOR;
  refused (&admin, &disabled, 1, NULL, CIVIC_WORKFLOW_ERROR_RULE, "last administrator");
  refused (&admin, &demoted, 1, NULL, CIVIC_WORKFLOW_ERROR_RULE, "last administrator");
  allowed (&admin, &disabled, 2, NULL);
  allowed (&admin, &demoted, 2, NULL);
}

static void
test_shape (void)
{
  CivicAccountFacts system = { "u-x", "scjg", CIVIC_ROLE_SYSTEM, FALSE };
  CivicAccountFacts none = { "u-x", "scjg", CIVIC_ROLE_NONE, FALSE };
  CivicAccountFacts homeless = { "u-x", NULL, CIVIC_ROLE_CLERK, FALSE };
  CivicAccountFacts supervisor = { "u-x", NULL, CIVIC_ROLE_SUPERVISOR, FALSE };

  refused (NULL, &system, 1, NULL, CIVIC_WORKFLOW_ERROR_ARGUMENT, "never the service");
  refused (NULL, &none, 1, NULL, CIVIC_WORKFLOW_ERROR_ARGUMENT, "one role or more");
  refused (NULL, &homeless, 1, NULL, CIVIC_WORKFLOW_ERROR_ARGUMENT, "works in a department");
  allowed (NULL, &supervisor, 1, NULL);
}

static void
test_department_admin (void)
{
  CivicAccountFacts clerk = { "u-clerk", "scjg", CIVIC_ROLE_CLERK, FALSE };
  CivicAccountFacts examiner = { "u-clerk", "scjg", CIVIC_ROLE_CLERK | CIVIC_ROLE_EXAMINER, FALSE };
  CivicAccountFacts elsewhere = { "u-other", "zrzyt", CIVIC_ROLE_CLERK, FALSE };
  CivicAccountFacts moved = { "u-clerk", "zrzyt", CIVIC_ROLE_CLERK, FALSE };
  CivicAccountFacts promoted = { "u-clerk", "scjg", CIVIC_ROLE_CLERK | CIVIC_ROLE_SUPERVISOR,
                                 FALSE };
  CivicAccountFacts me = { "u-dept-admin", "scjg", CIVIC_ROLE_DEPARTMENT_ADMIN, FALSE };
  CivicAccountFacts me_more = { "u-dept-admin", "scjg",
                                CIVIC_ROLE_DEPARTMENT_ADMIN | CIVIC_ROLE_APPROVER, FALSE };
  g_autoptr(CivicActor) clerk_actor = civic_actor_new ("u-clerk", "窗口", "scjg",
                                                       CIVIC_ROLE_CLERK);

  allowed (&clerk, &examiner, 1, dept_admin);
  allowed (NULL, &clerk, 1, dept_admin);
  refused (&elsewhere, &elsewhere, 1, dept_admin, CIVIC_WORKFLOW_ERROR_ROLE,
           "their own department’s");
  refused (&clerk, &moved, 1, dept_admin, CIVIC_WORKFLOW_ERROR_ROLE, "their own department’s");
  refused (&clerk, &promoted, 1, dept_admin, CIVIC_WORKFLOW_ERROR_ROLE, "the hall’s to grant");
  refused (&me, &me_more, 1, dept_admin, CIVIC_WORKFLOW_ERROR_ROLE, "their own account");
  refused (&clerk, &examiner, 1, clerk_actor, CIVIC_WORKFLOW_ERROR_ROLE, "administrators");
}

#define SALT "c29tZXNhbHRzb21lc2FsdA"                       /* 22 characters: 16 bytes */
#define HASH "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"   /* 43 characters: 32 bytes */

static void
test_password_hash (void)
{
  const char *good[] = {
    "$argon2id$v=19$m=65536,t=2,p=1$" SALT "$" HASH,
    "$argon2id$v=19$m=262144,t=4,p=1$" SALT "$" HASH,
  };
  const char *bad[] = {
    "$argon2id$v=19$m=32768,t=2,p=1$" SALT "$" HASH,   /* less memory */
    "$argon2id$v=19$m=65536,t=1,p=1$" SALT "$" HASH,   /* one pass */
    "$argon2id$v=19$m=65536,t=2,p=2$" SALT "$" HASH,   /* lanes libsodium does not verify */
    "$argon2id$v=19$m=4194304,t=2,p=1$" SALT "$" HASH, /* 4 GiB at every sign-in */
    "$argon2id$v=19$m=65536,t=11,p=1$" SALT "$" HASH,  /* eleven passes */
    "$argon2i$v=19$m=65536,t=2,p=1$" SALT "$" HASH,    /* not Argon2id */
    "$argon2id$v=16$m=65536,t=2,p=1$" SALT "$" HASH,
    "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$" HASH,     /* a short salt */
    "$argon2id$v=19$m=65536,t=2,p=1$" SALT "$aGFzaA",  /* a short hash */
    "$argon2id$v=19$m=65536,t=2,p=1$" SALT "$" HASH "$",
    "$argon2id$v=19$m=,t=2,p=1$" SALT "$" HASH,
    "$argon2id$v=19$m=99999999999999999999,t=2,p=1$" SALT "$" HASH,
    "Temporary-7Kq2",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (civic_account_check_password_hash (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (civic_account_check_password_hash (bad[i], &error));
      g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT);
    }
  g_assert_false (civic_account_check_password_hash (NULL, NULL));

  g_assert_true (civic_account_username_is_valid ("wang.fang_2-b"));
  g_assert_false (civic_account_username_is_valid ("王芳"));
  g_assert_false (civic_account_username_is_valid ("wang fang"));
  g_assert_false (civic_account_username_is_valid (""));
}

static GObject *
take (GObject          *record,
      const char       *type,
      const char       *args,
      const CivicActor *actor,
      GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-12-04T10:00:00+08:00", NULL);
  g_autoptr(JsonObject) object = civic_json_parse_object (args, -1, NULL);
  CivicWorkflowContext context;
  guint action;

  g_assert_true (civic_entity_kind_for_command (type, &action) == &civic_account_kind);
  civic_workflow_context_init (&context, NULL, now, actor);
  return civic_account_kind.apply (record, action, object, &context, error);
}

static void
test_kind (void)
{
  g_autoptr(CivicActor) admin = civic_actor_new ("u-admin", "管理员", NULL, CIVIC_ROLE_ADMIN);
  g_autoptr(CivicActor) clerk_actor = civic_actor_new ("u-clerk", "张三", "scjg", CIVIC_ROLE_CLERK);
  g_autoptr(GObject) blank = G_OBJECT (civic_account_record_new ("u-wang"));
  g_autoptr(GObject) added = NULL, edited = NULL, disabled = NULL, enabled = NULL;
  g_autoptr(GObject) again = NULL, back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  CivicAccountRecord *account;

  added = take (blank, "add-account",
                "{\"username\": \"wang.fang\", \"name\": \"王芳\", \"department_id\": \"scjg\", "
                "\"roles\": [\"clerk\"], \"password_hash\": \"$argon2id$v=19$m=65536,t=2,p=1$"
                SALT "$" HASH "\"}", dept_admin, &error);
  g_assert_no_error (error);
  account = CIVIC_ACCOUNT_RECORD (added);
  g_assert_cmpstr (civic_account_record_get_username (account), ==, "wang.fang");
  g_assert_cmpint (civic_account_record_get_roles (account), ==, CIVIC_ROLE_CLERK);
  g_assert_true (civic_account_record_get_must_change_password (account));
  g_assert_nonnull (civic_account_record_get_password_hash (account));
  g_assert_cmpint (civic_account_record_get_created_on (account), ==,
                   civic_day_from_ymd (2026, 12, 4));

  /* The feed never carries the hash, and reads back the same */
  json = civic_account_kind.to_feed_json (added, NULL, CIVIC_DAY_INVALID);
  g_assert_null (strstr (json, "argon2"));
  node = civic_json_parse (json, -1, NULL);
  back = civic_account_kind.from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_account_record_get_name (CIVIC_ACCOUNT_RECORD (back)), ==, "王芳");
  g_assert_cmpint (civic_account_record_get_roles (CIVIC_ACCOUNT_RECORD (back)), ==,
                   CIVIC_ROLE_CLERK);
  g_assert_true (civic_account_record_get_must_change_password (CIVIC_ACCOUNT_RECORD (back)));
  g_assert_null (civic_account_record_get_password_hash (CIVIC_ACCOUNT_RECORD (back)));

  /* A second add on the same account, an action on a blank one */
  g_assert_null (take (added, "add-account", "{}", admin, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE);
  g_clear_error (&error);
  g_assert_null (take (blank, "enable-account", "{}", admin, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE);
  g_clear_error (&error);

  /* Edit keeps what is not named; a department administrator grants no
   * hall role; a clerk runs nothing */
  edited = take (added, "edit-account", "{\"roles\": [\"clerk\", \"examiner\"]}", dept_admin,
                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_account_record_get_name (CIVIC_ACCOUNT_RECORD (edited)), ==, "王芳");
  g_assert_cmpint (civic_account_record_get_roles (CIVIC_ACCOUNT_RECORD (edited)), ==,
                   CIVIC_ROLE_CLERK | CIVIC_ROLE_EXAMINER);
  g_assert_null (civic_account_record_get_password_hash (CIVIC_ACCOUNT_RECORD (edited)));
  g_assert_null (take (edited, "edit-account", "{\"roles\": [\"dispatcher\"]}", dept_admin,
                       &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ROLE);
  g_clear_error (&error);
  g_assert_null (take (edited, "edit-account", "{\"roles\": [\"nobody\"]}", admin, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (take (edited, "disable-account", "{\"reason\": \"调离\"}", clerk_actor, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ROLE);
  g_clear_error (&error);

  /* Disabled with a reason, then enabled; a password is not reset on a
   * disabled account */
  g_assert_null (take (edited, "disable-account", "{}", admin, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT);
  g_clear_error (&error);
  disabled = take (edited, "disable-account", "{\"reason\": \"调离\"}", admin, &error);
  g_assert_no_error (error);
  g_assert_true (civic_account_record_get_disabled (CIVIC_ACCOUNT_RECORD (disabled)));
  g_assert_cmpstr (civic_account_record_get_disabled_reason (CIVIC_ACCOUNT_RECORD (disabled)), ==,
                   "调离");
  g_assert_null (take (disabled, "reset-password", "{}", admin, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE);
  g_clear_error (&error);
  enabled = take (disabled, "enable-account", "{}", admin, &error);
  g_assert_no_error (error);
  g_assert_false (civic_account_record_get_disabled (CIVIC_ACCOUNT_RECORD (enabled)));
  g_assert_null (civic_account_record_get_disabled_reason (CIVIC_ACCOUNT_RECORD (enabled)));
  again = take (enabled, "reset-password", "{\"password_hash\": \"$argon2id$v=19$m=65536,t=3,p=1$"
                SALT "$" HASH "\"}", admin, &error);
  g_assert_no_error (error);
  g_assert_true (civic_account_record_get_must_change_password (CIVIC_ACCOUNT_RECORD (again)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dept_admin = civic_actor_new ("u-dept-admin", "部门管理员", "scjg", CIVIC_ROLE_DEPARTMENT_ADMIN);

  g_test_add_func ("/account-rules/last-admin", test_last_admin);
  g_test_add_func ("/account-rules/shape", test_shape);
  g_test_add_func ("/account-rules/department-admin", test_department_admin);
  g_test_add_func ("/account-rules/password-hash", test_password_hash);
  g_test_add_func ("/account-rules/kind", test_kind);
  return g_test_run ();
}
