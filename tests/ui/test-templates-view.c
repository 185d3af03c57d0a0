/* test-templates-view.c — the Templates section, on a copy synced from the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A department's administrator finds the hall's acceptance notice, copies
 * it for their department from its page (the form starts from the
 * hall's words, and the copy is sent under the department's id), sees
 * their own with its blocks, and reverts it.
 */

#include "config.h"

#include <string.h>

#include "civic-action-dialog.h"
#include "civic-json.h"
#include "civic-template-record.h"
#include "civic-templates-view.h"
#include "civic-ui-test.h"

/* In the language the client runs in, for screenshots in Chinese */
#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

#define HALL "document/acceptance-notice/zh"
#define OWN "document/acceptance-notice/zh/scjg"

static CivicActionDialog *
open_form (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CIVIC_IS_ACTION_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CIVIC_ACTION_DIALOG (window);
    }
  return NULL;
}

static gboolean
cached (const char *id)
{
  g_autoptr(JsonNode) node = civic_cache_load_entity (civic_ui_test_cache (),
                                                      CIVIC_ENTITY_DOCUMENT_TEMPLATE, id, NULL);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node);
}

static void
test_copy_and_revert (void)
{
  CivicTemplatesView *view = g_object_new (CIVIC_TYPE_TEMPLATES_VIEW, NULL);
  CivicAdminView *admin_view = CIVIC_ADMIN_VIEW (view);
  GtkWidget *window = civic_ui_test_window (GTK_WIDGET (view), 900, 760);
  g_autoptr(JsonObject) args = NULL;
  g_autofree char *body = NULL;
  CivicActionDialog *dialog;
  GtkWidget *page;

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  civic_ui_test_spin (50);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (civic_admin_view_get_list (admin_view)),
                                         T ("Acceptance Notice")));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (window, "admin-templates");

  /* The hall's: not theirs to edit, theirs to copy */
  civic_admin_view_open (admin_view, HALL);
  civic_ui_test_spin (50);
  page = civic_admin_view_get_page (admin_view);
  g_assert_true (civic_ui_test_has_text (page, "{{applicant.name}}"));
  g_assert_null (civic_ui_test_find_titled (page, GTK_TYPE_BUTTON, T ("Edit Template")));
  g_assert_nonnull (civic_ui_test_find_titled (page, GTK_TYPE_BUTTON,
                                               T ("Copy for My Department")));

  civic_admin_view_start_action (admin_view, CIVIC_TEMPLATE_ACTION_COPY);
  civic_ui_test_spin (200);
  dialog = open_form ();
  g_assert_nonnull (dialog);
  /* It starts from the hall's words */
  args = civic_action_dialog_dup_args (dialog);
  g_assert_cmpstr (json_object_get_string_member (args, "mark"), ==, "受");
  g_assert_nonnull (strstr (json_object_get_string_member (args, "body"), "{{applicant.name}}"));
  body = g_strconcat (json_object_get_string_member (args, "body"),
                      "\n[note] 市场监管局窗口咨询电话：0731-88888888", NULL);
  json_object_set_string_member (args, "body", body);
  civic_action_dialog_set_args (dialog, args);
  civic_ui_test_spin (400);
  g_assert_null (civic_action_dialog_get_refusal (dialog));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (GTK_WIDGET (dialog), "admin-copy-template");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  civic_ui_test_spin (200);

  /* Sent under the department's id, and taken */
  civic_ui_test_sync ();
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_ui_test_engine ()), ==, 0);
  g_assert_true (cached (OWN));
  g_assert_true (cached (HALL));
  civic_admin_view_open (admin_view, OWN);
  civic_ui_test_spin (50);
  page = civic_admin_view_get_page (admin_view);
  g_assert_true (civic_ui_test_has_text (page, "0731-88888888"));
  g_assert_true (civic_ui_test_has_text (page, T ("Note")));
  g_assert_nonnull (civic_ui_test_find_titled (page, GTK_TYPE_BUTTON, T ("Edit Template")));
  g_assert_nonnull (civic_ui_test_find_titled (page, GTK_TYPE_BUTTON, T ("Revert to the Hall’s")));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (window, "admin-template");

  /* Reverted: gone, the hall's applies */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *command = civic_sync_engine_perform_action (civic_ui_test_engine (),
                                                                 &civic_template_kind, OWN,
                                                                 CIVIC_TEMPLATE_ACTION_REVERT,
                                                                 NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (command);
  }
  civic_ui_test_sync ();
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_ui_test_engine ()), ==, 0);
  g_assert_false (cached (OWN));
  g_assert_true (cached (HALL));

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("dept-admin");
  g_test_add_func ("/templates-view/copy-and-revert", test_copy_and_revert);
  return civic_ui_test_run ();
}
