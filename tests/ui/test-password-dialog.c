/* test-password-dialog.c — an official chooses their own password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choose stays insensitive until the two fields agree and hold eight
 * characters, and the hint says what is missing; what was chosen is read
 * once and the fields are emptied.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "civic-password-dialog.h"
#include "civic-ui-test.h"

/* In the language the client runs in, for screenshots in Chinese */
#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

static void
test_choose (void)
{
  GtkWidget *parent = civic_ui_test_window (gtk_label_new (""), 600, 400);
  AdwMessageDialog *dialog = civic_password_dialog_new (GTK_WINDOW (parent));
  GtkEditable *first, *second;
  g_autofree char *chosen = NULL;
  g_autofree char *least = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At least %d character",
                                                         "At least %d characters", 8), 8);

  gtk_window_present (GTK_WINDOW (dialog));
  first = GTK_EDITABLE (civic_ui_test_find_titled (GTK_WIDGET (dialog),
                                                   ADW_TYPE_PASSWORD_ENTRY_ROW,
                                                   T ("_New Password")));
  second = GTK_EDITABLE (civic_ui_test_find_titled (GTK_WIDGET (dialog),
                                                    ADW_TYPE_PASSWORD_ENTRY_ROW, T ("_Again")));
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "choose"));

  gtk_editable_set_text (first, "short");
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (dialog), least));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "choose"));

  gtk_editable_set_text (first, "审查员的新密码-2026");
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (dialog), T ("Type it again below")));
  gtk_editable_set_text (second, "审查员的新密码-2025");
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (dialog), T ("The two are not the same")));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "choose"));

  gtk_editable_set_text (second, "审查员的新密码-2026");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "choose"));
  civic_ui_test_spin (100);
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (GTK_WIDGET (dialog), "password-dialog");

  chosen = civic_password_dialog_dup_chosen (dialog);
  g_assert_cmpstr (chosen, ==, "审查员的新密码-2026");
  g_assert_cmpstr (gtk_editable_get_text (first), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (second), ==, "");
  g_assert_null (civic_password_dialog_dup_chosen (dialog));

  adw_message_dialog_response (dialog, "cancel");
  civic_ui_test_spin (50);
  civic_ui_test_destroy (parent, NULL);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  g_test_add_func ("/password-dialog/choose", test_choose);
  return civic_ui_test_run ();
}
