/* test-accounts-view.c — the Accounts section, on a copy synced from the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hall's administrator adds an account: the form shows a temporary
 * password once and sends only its hash; the service takes it, the
 * official signs in with that password and must choose their own; the
 * account's page says so. Disabling the last administrator is taken
 * offline, as the client cannot count them, and comes back from the
 * service refused, into Conflicts, with the reason.
 */

#include "config.h"

#include <string.h>

#include "civic-account-kind.h"
#include "civic-account-rules.h"
#include "civic-accounts-view.h"
#include "civic-action-dialog.h"
#include "civic-json.h"
#include "civic-ui-test.h"

#include "../civic-test-async.h"

/* In the language the client runs in, for screenshots in Chinese */
#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

static GtkLabel *
find_password (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_object_get_data (G_OBJECT (child), "hash") != NULL)
        return GTK_LABEL (child);
      if ((found = find_password (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_add_account (void)
{
  CivicAccountsView *view = g_object_new (CIVIC_TYPE_ACCOUNTS_VIEW, NULL);
  GtkWidget *window = civic_ui_test_window (GTK_WIDGET (view), 900, 700);
  g_autoptr(CivicAccountRecord) blank = civic_account_record_new ("u-ui-test");
  g_autoptr(JsonObject) typed = json_object_new ();
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *command = NULL;
  g_autofree char *password = NULL;
  g_autofree char *body = NULL;
  CivicActionDialog *dialog;
  JsonArray *roles = json_array_new ();
  GtkLabel *label;
  guint status;

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  civic_ui_test_spin (50);
  /* The accounts the administrator runs, from the feed */
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (civic_admin_view_get_list (CIVIC_ADMIN_VIEW (view))),
                                         "examiner2"));

  /* The form makes the password and its hash */
  dialog = civic_action_dialog_new (GTK_WINDOW (window), civic_ui_test_engine (),
                                    &civic_account_kind, G_OBJECT (blank),
                                    CIVIC_ACCOUNT_ACTION_ADD, 1);
  json_object_set_string_member (typed, "username", "ui.tester");
  json_object_set_string_member (typed, "name", "测试员");
  json_object_set_string_member (typed, "department_id", "scjg");
  json_array_add_string_element (roles, "clerk");
  json_object_set_array_member (typed, "roles", roles);
  civic_action_dialog_run_async (dialog, NULL, civic_test_got_result, &result);
  civic_action_dialog_set_args (dialog, typed);
  /* The rules look at the form once typing pauses */
  civic_ui_test_spin (400);
  label = find_password (GTK_WIDGET (dialog));
  g_assert_nonnull (label);
  password = g_strdup (gtk_label_get_text (label));
  g_assert_cmpuint (strlen (password), ==, 12);
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (GTK_WIDGET (dialog), "admin-add-account");
  args = civic_action_dialog_dup_args (dialog);
  g_assert_null (civic_action_dialog_get_refusal (dialog));
  g_assert_true (civic_account_check_password_hash (
    json_object_get_string_member (args, "password_hash"), NULL));
  g_assert_null (strstr (json_object_get_string_member (args, "password_hash"), password));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  g_clear_pointer (&args, json_object_unref);
  args = civic_action_dialog_run_finish (dialog, civic_test_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  civic_ui_test_spin (50);

  command = civic_sync_engine_perform_action (civic_ui_test_engine (), &civic_account_kind,
                                              "u-ui-test", CIVIC_ACCOUNT_ACTION_ADD, args, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  civic_ui_test_sync ();
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_ui_test_engine ()), ==, 0);

  /* The official signs in with what the form showed, and must choose */
  body = g_strdup_printf ("{\"username\": \"ui.tester\", \"password\": \"%s\"}", password);
  answer = civic_test_request (civic_ui_test_service (), "POST", "/api/v1/session", NULL, body,
                               &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_object_get_boolean_member (
    json_object_get_object_member (json_node_get_object (answer), "user"),
    "must_change_password"));

  civic_admin_view_open (CIVIC_ADMIN_VIEW (view), "u-ui-test");
  civic_ui_test_spin (50);
  g_assert_true (civic_ui_test_has_text (civic_admin_view_get_page (CIVIC_ADMIN_VIEW (view)), "ui.tester"));
  g_assert_true (civic_ui_test_has_text (civic_admin_view_get_page (CIVIC_ADMIN_VIEW (view)),
                                         T ("Temporary: the official chooses their own at "
                                            "the next sign-in")));
  g_assert_nonnull (civic_ui_test_find_titled (civic_admin_view_get_page (CIVIC_ADMIN_VIEW (view)),
                                               GTK_TYPE_BUTTON, T ("Disable Account")));
  g_assert_nonnull (civic_ui_test_find_titled (civic_admin_view_get_page (CIVIC_ADMIN_VIEW (view)),
                                               GTK_TYPE_BUTTON, T ("Reset Password")));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (window, "admin-account");

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}


/* 委托: the form offers the account's colleagues and the roles it may hand
 * on; the window taken shows on the account's page, with End Delegation */
static void
test_add_delegation (void)
{
  CivicAccountsView *view = g_object_new (CIVIC_TYPE_ACCOUNTS_VIEW, NULL);
  GtkWidget *window = civic_ui_test_window (GTK_WIDGET (view), 900, 760);
  g_autoptr(GPtrArray) accounts = civic_cache_load_records (civic_ui_test_cache (),
                                                            &civic_account_kind, NULL);
  g_autoptr(JsonObject) typed = json_object_new ();
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  CivicAccountRecord *examiner = NULL, *clerk = NULL;
  CivicActionDialog *dialog;
  JsonArray *roles = json_array_new ();
  GtkWidget *page;

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      CivicAccountRecord *account = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (civic_account_record_get_username (account), "examiner") == 0)
        examiner = account;
      else if (g_strcmp0 (civic_account_record_get_username (account), "clerk") == 0)
        clerk = account;
    }
  g_assert_nonnull (examiner);
  g_assert_nonnull (clerk);

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  civic_ui_test_spin (50);
  dialog = civic_action_dialog_new (GTK_WINDOW (window), civic_ui_test_engine (),
                                    &civic_account_kind, G_OBJECT (examiner),
                                    CIVIC_ACCOUNT_ACTION_ADD_DELEGATION, 1);
  /* A colleague of the department is offered, by name */
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (dialog),
                                         civic_account_record_get_name (clerk)));
  json_object_set_string_member (typed, "delegate_id", civic_account_record_get_id (clerk));
  json_array_add_string_element (roles, "examiner");
  json_object_set_array_member (typed, "roles", roles);
  json_object_set_string_member (typed, "starts_on", "2026-03-23");
  json_object_set_string_member (typed, "ends_on", "2026-03-27");
  json_object_set_string_member (typed, "reason", "年休假");
  civic_action_dialog_run_async (dialog, NULL, civic_test_got_result, &result);
  civic_action_dialog_set_args (dialog, typed);
  civic_ui_test_spin (400);
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (GTK_WIDGET (dialog), "admin-add-delegation");
  g_assert_null (civic_action_dialog_get_refusal (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  args = civic_action_dialog_run_finish (dialog, civic_test_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  command = civic_sync_engine_perform_action (civic_ui_test_engine (), &civic_account_kind,
                                              civic_account_record_get_id (examiner),
                                              CIVIC_ACCOUNT_ACTION_ADD_DELEGATION, args, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  civic_ui_test_sync ();
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_ui_test_engine ()), ==, 0);

  civic_admin_view_open (CIVIC_ADMIN_VIEW (view), civic_account_record_get_id (examiner));
  civic_ui_test_spin (50);
  page = civic_admin_view_get_page (CIVIC_ADMIN_VIEW (view));
  g_assert_true (civic_ui_test_has_text (page, T ("Delegations")));
  g_assert_true (civic_ui_test_has_text (page, "2026-03-23"));
  g_assert_true (civic_ui_test_has_text (page, "年休假"));
  g_assert_nonnull (civic_ui_test_find_titled (page, GTK_TYPE_BUTTON, T ("End Delegation")));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (window, "admin-account-delegation");

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* The last administrator disables themselves: the client cannot count the
 * administrators, so it is taken; the service refuses it into Conflicts */
static void
test_last_admin_refused (void)
{
  const CivicActor *me = civic_cache_get_me (civic_ui_test_cache ());
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  guint conflicts = civic_sync_engine_get_conflicts (civic_ui_test_engine ());

  json_object_set_string_member (args, "reason", "调离");
  command = civic_sync_engine_perform_action (civic_ui_test_engine (), &civic_account_kind,
                                              me->id, CIVIC_ACCOUNT_ACTION_DISABLE, args, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  civic_ui_test_sync ();
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_ui_test_engine ()), ==, conflicts + 1);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("admin");
  g_test_add_func ("/accounts-view/add-account", test_add_account);
  g_test_add_func ("/accounts-view/add-delegation", test_add_delegation);
  g_test_add_func ("/accounts-view/last-admin-refused", test_last_admin_refused);
  return civic_ui_test_run ();
}
