/* test-account-rules.c — what may be done to an official's account, and by whom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The last enabled administrator is neither disabled nor demoted; an
 * official works in a department unless the hall's administrator or
 * supervisor; a department administrator runs their own department's
 * accounts, never their own, and grants none of the hall's roles.
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dept_admin = civic_actor_new ("u-dept-admin", "部门管理员", "scjg", CIVIC_ROLE_DEPARTMENT_ADMIN);

  g_test_add_func ("/account-rules/last-admin", test_last_admin);
  g_test_add_func ("/account-rules/shape", test_shape);
  g_test_add_func ("/account-rules/department-admin", test_department_admin);
  return g_test_run ();
}
