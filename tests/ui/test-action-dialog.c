/* test-action-dialog.c — the dialog around an action's form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-action-dialog.h"
#include "civic-case-kind.h"

#include "civic-ui-test.h"

#include "../civic-test-async.h"

static CivicActionDialog *
dialog_new (CivicCase   *kase,
            CivicAction  action,
            guint        n_cases)
{
  return civic_action_dialog_new (NULL, civic_ui_test_engine (), &civic_case_kind, G_OBJECT (kase),
                                  action, n_cases);
}

static void
fill_text (CivicActionDialog *dialog,
           const char        *text)
{
  GtkWidget *view = civic_ui_test_find_titled (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)),
                                               GTK_TYPE_TEXT_VIEW, NULL);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  civic_ui_test_spin (300);
}

/* The button takes the action only when the rules do; "apply" hands the
 * arguments back to whoever ran the dialog. */
static void
test_action_dialog_run (void)
{
  g_autoptr(CivicCase) kase = civic_ui_test_case_under_review ();
  CivicActionDialog *dialog = dialog_new (kase, CIVIC_ACTION_OPINION, 1);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Record Opinion");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   civic_case_get_number (kase)));
  g_assert_true (civic_action_dialog_get_record (dialog) == G_OBJECT (kase));
  g_assert_cmpuint (civic_action_dialog_get_action (dialog), ==, CIVIC_ACTION_OPINION);

  civic_action_dialog_run_async (dialog, NULL, civic_test_got_result, &result);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_nonnull (civic_action_dialog_get_refusal (dialog));

  fill_text (dialog, "经审查，申请材料齐全，符合法定条件，建议准予许可。");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_null (civic_action_dialog_get_refusal (dialog));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  args = civic_action_dialog_run_finish (dialog, civic_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (args, "recommendation"), ==, "approve");
  g_assert_cmpstr (json_object_get_string_member (args, "text"), ==,
                   "经审查，申请材料齐全，符合法定条件，建议准予许可。");

  /* The result holds its dialog */
  g_clear_object (&result);
  civic_ui_test_destroy (GTK_WIDGET (dialog), NULL);
}

/* Ctrl+Enter takes the action from a multi-line field — only when the
 * rules do. */
static void
test_action_dialog_ctrl_enter (void)
{
  g_autoptr(CivicCase) kase = civic_ui_test_case_under_review ();
  CivicActionDialog *dialog = dialog_new (kase, CIVIC_ACTION_COMMENT, 1);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) error = NULL;

  civic_action_dialog_run_async (dialog, NULL, civic_test_got_result, &result);
  /* Empty: refused, still open */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "action-dialog.apply", NULL));
  civic_ui_test_spin (50);
  g_assert_null (result);

  fill_text (dialog, "已电话联系申请人");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "action-dialog.apply", NULL));
  args = civic_action_dialog_run_finish (dialog, civic_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (args, "text"), ==, "已电话联系申请人");
  g_clear_object (&result);
  civic_ui_test_spin (50);
}

/* Cancel, Escape or the caller's cancellable: no arguments, "cancelled". */
static void
test_action_dialog_cancel (void)
{
  g_autoptr(CivicCase) kase = civic_ui_test_case_under_review ();
  CivicActionDialog *dialog = dialog_new (kase, CIVIC_ACTION_COMMENT, 1);
  CivicActionDialog *other = dialog_new (kase, CIVIC_ACTION_COMMENT, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) other_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) other_error = NULL;

  civic_action_dialog_run_async (dialog, NULL, civic_test_got_result, &result);
  fill_text (dialog, "已电话联系申请人");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_null (civic_action_dialog_run_finish (dialog, civic_test_await (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  civic_action_dialog_run_async (other, cancellable, civic_test_got_result, &other_result);
  g_cancellable_cancel (cancellable);
  g_assert_null (civic_action_dialog_run_finish (other, civic_test_await (&other_result),
                                                 &other_error));
  g_assert_error (other_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (other)));
  /* Closed, it is gone once its result is */
  g_object_add_weak_pointer (G_OBJECT (other), (gpointer *) &other);
  g_clear_object (&other_result);
  civic_ui_test_spin (50);
  g_assert_null (other);

  g_clear_object (&result);
  civic_ui_test_destroy (GTK_WIDGET (dialog), NULL);
}

/* Destroyed while it runs, without an answer: the caller hears
 * "cancelled", and nothing keeps the dialog. */
static void
test_action_dialog_destroyed (void)
{
  g_autoptr(CivicCase) kase = civic_ui_test_case_under_review ();
  CivicActionDialog *dialog = dialog_new (kase, CIVIC_ACTION_COMMENT, 1);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GObject) source = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *done;

  civic_action_dialog_run_async (dialog, NULL, civic_test_got_result, &result);
  civic_ui_test_spin (100);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  done = civic_test_await (&result);
  source = g_async_result_get_source_object (done);
  g_assert_null (civic_action_dialog_run_finish (CIVIC_ACTION_DIALOG (source), done, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&source);
  g_clear_object (&result);
  civic_ui_test_spin (50);
  g_assert_null (dialog);
}

/* A decision: no Enter to decide, the button drawn as suggested; a
 * refusal drawn as destructive; an everyday step keeps Enter. A batch
 * says how many cases it is for. */
static void
test_action_dialog_weights (void)
{
  g_autoptr(CivicCase) kase = civic_ui_test_case_under_review ();
  CivicActionDialog *decide = dialog_new (kase, CIVIC_ACTION_DECIDE, 1);
  CivicActionDialog *comment = dialog_new (kase, CIVIC_ACTION_COMMENT, 1);
  CivicActionDialog *batch = dialog_new (kase, CIVIC_ACTION_DECIDE, 3);
  CivicActionDialog *refuse = dialog_new (kase, CIVIC_ACTION_NOT_ACCEPT, 1);

  g_assert_null (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (decide)));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (decide), "apply"),
                   ==, ADW_RESPONSE_SUGGESTED);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (comment)), ==,
                   "apply");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (refuse), "apply"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_null (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (refuse)));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (batch)), ==,
                   "For 3 cases. Each is checked by the rules on its own.");

  for (CivicActionDialog **d = (CivicActionDialog *[]) { decide, comment, batch, refuse, NULL }; *d; d++)
    civic_ui_test_destroy (GTK_WIDGET (*d), NULL);
}

/* Refused after "apply", the official gets the form back as they left it,
 * for the same refused command, with the refusal on top. */
static void
test_action_dialog_give_back (void)
{
  g_autoptr(CivicCase) kase = civic_ui_test_case_under_review ();
  CivicActionDialog *dialog = dialog_new (kase, CIVIC_ACTION_COMMENT, 1);
  CivicActionDialog *again;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(JsonObject) given_back = NULL;
  g_autoptr(GError) refusal = g_error_new_literal (CIVIC_WORKFLOW_ERROR,
                                                   CIVIC_WORKFLOW_ERROR_RULE, "测试拒绝");
  g_autoptr(GListModel) toplevels = NULL;
  guint n_before;

  civic_action_dialog_set_command_id (dialog, "cmd-1");
  fill_text (dialog, "已电话联系申请人");
  args = civic_action_dialog_dup_args (dialog);

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  n_before = g_list_model_get_n_items (toplevels);
  again = civic_action_dialog_give_back (dialog, args, refusal);
  g_assert_true (again != dialog);
  g_assert_cmpstr (civic_action_dialog_get_command_id (again), ==, "cmd-1");
  given_back = civic_action_dialog_dup_args (again);
  g_assert_cmpstr (json_object_get_string_member (given_back, "text"), ==, "已电话联系申请人");
  /* The form, and the refusal's message over it */
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_before + 2);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && !CIVIC_IS_ACTION_DIALOG (window))
        {
          g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), ==,
                           "测试拒绝");
          g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (again));
        }
    }

  civic_ui_test_destroy (GTK_WIDGET (dialog), NULL);
  g_object_add_weak_pointer (G_OBJECT (again), (gpointer *) &again);
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  civic_ui_test_spin (50);
  g_assert_null (again);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/action-dialog/run", test_action_dialog_run);
  g_test_add_func ("/ui/action-dialog/cancel", test_action_dialog_cancel);
  g_test_add_func ("/ui/action-dialog/ctrl-enter", test_action_dialog_ctrl_enter);
  g_test_add_func ("/ui/action-dialog/destroyed", test_action_dialog_destroyed);
  g_test_add_func ("/ui/action-dialog/weights", test_action_dialog_weights);
  g_test_add_func ("/ui/action-dialog/give-back", test_action_dialog_give_back);

  return civic_ui_test_run ();
}
