/* test-credentials.c — the session token in the Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-account.h"
#include "civic-credentials.h"
#include "civic-test-service.h"

#include "../civic-test-async.h"

/* Needs a Secret Service: build-aux/run-tests.sh starts an unlocked
 * gnome-keyring in the tests' D-Bus session. */

static gboolean
store (const char  *url,
       const char  *user,
       const char  *token,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  civic_credentials_store_async (url, user, token, NULL, civic_test_got_result, &result);
  return civic_credentials_store_finish (civic_test_await (&result), error);
}

static char *
lookup (const char *url,
        const char *user)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  civic_credentials_lookup_async (url, user, NULL, civic_test_got_result, &result);
  token = civic_credentials_lookup_finish (civic_test_await (&result), &error);
  g_assert_no_error (error);
  return token;
}

static void
clear (const char *url,
       const char *user)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  civic_credentials_clear_async (url, user, NULL, civic_test_got_result, &result);
  g_assert_true (civic_credentials_clear_finish (civic_test_await (&result), &error));
  g_assert_no_error (error);
}

static gboolean
have_keyring (void)
{
  g_autoptr(GError) error = NULL;

  if (store ("http://keyring.invalid", "probe", "probe", &error))
    {
      clear ("http://keyring.invalid", "probe");
      return TRUE;
    }

  /* CI always has one: a missing keyring there is a failure. */
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_error ("No Secret Service in CI: %s", error->message);
  g_test_skip_printf ("No Secret Service: %s", error->message);
  return FALSE;
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other = NULL;
  g_autofree char *gone = NULL;

  if (!have_keyring ())
    return;

  g_assert_true (store ("https://hall.example.gov.cn", "examiner", "token-1", &error));
  g_assert_no_error (error);
  first = lookup ("https://hall.example.gov.cn", "examiner");
  g_assert_cmpstr (first, ==, "token-1");

  /* A new sign-in replaces the old token. */
  g_assert_true (store ("https://hall.example.gov.cn", "examiner", "token-2", &error));
  second = lookup ("https://hall.example.gov.cn", "examiner");
  g_assert_cmpstr (second, ==, "token-2");

  /* Another official, or the same one on another service, has none. */
  other = lookup ("https://hall.example.gov.cn", "examiner2");
  g_assert_null (other);
  g_clear_pointer (&other, g_free);
  other = lookup ("https://other.example.gov.cn", "examiner");
  g_assert_null (other);

  clear ("https://hall.example.gov.cn", "examiner");
  gone = lookup ("https://hall.example.gov.cn", "examiner");
  g_assert_null (gone);
}

static void
test_account_restore (void)
{
  g_autoptr(CivicTestService) service = NULL;
  g_autoptr(CivicAccount) account = NULL;
  g_autoptr(CivicAccount) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *after = NULL;
  g_autofree char *me = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  if (!have_keyring ())
    return;

  service = civic_test_service_new_demo (20, 5);

  /* Signed in: the token goes to the keyring. */
  account = civic_account_new (service->base_url, "clerk", NULL, &error);
  g_assert_no_error (error);
  civic_account_sign_in_async (account, "demo-password", NULL, civic_test_got_result, &result);
  g_assert_true (civic_account_sign_in_finish (account, civic_test_await (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  for (int i = 0; i < 200 && kept == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      kept = lookup (civic_account_get_service_url (account), "clerk");
    }
  g_assert_cmpstr (kept, ==, civic_api_client_get_token (civic_account_get_client (account)));

  /* The client starts again: no password asked, and the service takes it. */
  again = civic_account_new (service->base_url, "clerk", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (civic_account_is_signed_in (again));
  civic_account_restore_async (again, NULL, civic_test_got_result, &result);
  g_assert_true (civic_account_restore_finish (again, civic_test_await (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (civic_account_is_signed_in (again));

  civic_sync_engine_sync_async (civic_account_get_engine (again), NULL, civic_test_got_result, &result);
  g_assert_true (civic_sync_engine_sync_finish (civic_account_get_engine (again),
                                                civic_test_await (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Signing out ends the session on the service and forgets the token. */
  civic_account_sign_out_async (again, NULL, civic_test_got_result, &result);
  g_assert_true (civic_account_sign_out_finish (again, civic_test_await (&result), &error));
  g_assert_no_error (error);
  after = lookup (civic_account_get_service_url (again), "clerk");
  g_assert_null (after);

  me = g_strdup (kept);
  g_usleep (5200 * 1000);  /* the service caches a session for five seconds */
  answer = civic_test_request (service, "GET", "/api/v1/me", me, NULL, &status);
  g_assert_cmpuint (status, ==, 401);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("civicdesk-credentials-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credentials/round-trip", test_round_trip);
  g_test_add_func ("/credentials/account-restore", test_account_restore);

  return g_test_run ();
}
