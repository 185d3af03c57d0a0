/* test-keys-view.c — the API Keys section, on a copy synced from the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hall's administrator gives an Open311 client its key: the form
 * shows the key once and sends only its SHA-256; the service takes it;
 * the key's page offers to revoke it, and revoked it says so.
 */

#include "config.h"

#include <string.h>

#include "civic-action-dialog.h"
#include "civic-json.h"
#include "civic-keys-view.h"
#include "civic-open311-key.h"
#include "civic-ui-test.h"

#include "../civic-test-async.h"

/* In the language the client runs in, for screenshots in Chinese */
#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

static GtkLabel *
find_secret (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_object_get_data (G_OBJECT (child), "hash") != NULL)
        return GTK_LABEL (child);
      if ((found = find_secret (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_add_and_revoke (void)
{
  CivicKeysView *view = g_object_new (CIVIC_TYPE_KEYS_VIEW, NULL);
  CivicAdminView *admin_view = CIVIC_ADMIN_VIEW (view);
  GtkWidget *window = civic_ui_test_window (GTK_WIDGET (view), 900, 700);
  g_autoptr(CivicOpen311Key) blank = civic_open311_key_new ("k-0ddba11");
  g_autoptr(JsonObject) typed = json_object_new ();
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(JsonObject) revoke = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *command = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  CivicActionDialog *dialog;
  GtkLabel *label;

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  civic_ui_test_spin (50);

  dialog = civic_action_dialog_new (GTK_WINDOW (window), civic_ui_test_engine (),
                                    &civic_open311_key_kind, G_OBJECT (blank),
                                    CIVIC_OPEN311_KEY_ACTION_ADD, 1);
  json_object_set_string_member (typed, "name", "岳麓区政务App");
  civic_action_dialog_run_async (dialog, NULL, civic_test_got_result, &result);
  civic_action_dialog_set_args (dialog, typed);
  civic_ui_test_spin (400);
  /* The key, shown once, and only its hash in the arguments */
  label = find_secret (GTK_WIDGET (dialog));
  g_assert_nonnull (label);
  key = g_strdup (gtk_label_get_text (label));
  g_assert_cmpuint (strlen (key), ==, 48);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (GTK_WIDGET (dialog), "admin-add-key");
  g_assert_null (civic_action_dialog_get_refusal (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  args = civic_action_dialog_run_finish (dialog, civic_test_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (json_object_get_string_member (args, "key_hash"), ==, hash);
  {
    g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
    g_autofree char *sent = NULL;

    json_node_set_object (node, args);
    sent = json_to_string (node, FALSE);
    g_assert_null (strstr (sent, key));
  }
  civic_ui_test_spin (50);

  command = civic_sync_engine_perform_action (civic_ui_test_engine (), &civic_open311_key_kind,
                                              "k-0ddba11", CIVIC_OPEN311_KEY_ACTION_ADD, args,
                                              &error);
  g_assert_no_error (error);
  civic_ui_test_sync ();
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_ui_test_engine ()), ==, 0);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (civic_admin_view_get_list (admin_view)),
                                         "岳麓区政务App"));

  civic_admin_view_open (admin_view, "k-0ddba11");
  civic_ui_test_spin (50);
  g_assert_nonnull (civic_ui_test_find_titled (civic_admin_view_get_page (admin_view),
                                               GTK_TYPE_BUTTON, T ("Revoke Key")));

  json_object_set_string_member (revoke, "reason", "合同到期");
  g_clear_pointer (&command, g_free);
  command = civic_sync_engine_perform_action (civic_ui_test_engine (), &civic_open311_key_kind,
                                              "k-0ddba11", CIVIC_OPEN311_KEY_ACTION_REVOKE, revoke,
                                              &error);
  g_assert_no_error (error);
  civic_ui_test_sync ();
  civic_ui_test_spin (50);
  g_assert_true (civic_ui_test_has_text (civic_admin_view_get_page (admin_view),
                                         T ("Revoked: its requests are refused")));
  g_assert_true (civic_ui_test_has_text (civic_admin_view_get_page (admin_view), "合同到期"));
  g_assert_null (civic_ui_test_find_titled (civic_admin_view_get_page (admin_view),
                                            GTK_TYPE_BUTTON, T ("Revoke Key")));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (window, "admin-key");

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("admin");
  g_test_add_func ("/keys-view/add-and-revoke", test_add_and_revoke);
  return civic_ui_test_run ();
}
