/* test-form.c — a form built from what an action declares it asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-action-dialog.h"
#include "civic-case-kind.h"
#include "civic-form.h"
#include "civic-test-memo.h"

#include "civic-ui-test.h"

static CivicForm *
form_new (CivicCase   *kase,
          CivicAction  action,
          guint        n_cases)
{
  CivicForm *form = civic_form_new (civic_ui_test_engine (), &civic_case_kind, G_OBJECT (kase),
                                    action, n_cases);

  g_object_ref_sink (form);
  return form;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

static void
test_form_opinion (void)
{
  g_autoptr(CivicCase) kase = civic_ui_test_case_under_review ();
  CivicForm *form = form_new (kase, CIVIC_ACTION_OPINION, 1);
  g_autoptr(JsonObject) args = NULL;
  GtkWidget *text_view;
  guint n_valid = 0;

  /* Empty, the rules refuse it, and say why in the form's words. */
  g_assert_false (civic_form_is_empty (form));
  g_assert_false (civic_form_get_valid (form));
  g_assert_cmpstr (civic_form_get_refusal (form), ==, "Fill in “Opinion”");
  g_signal_connect (form, "notify::valid", G_CALLBACK (count_notify), &n_valid);

  /* What it still needs is said at once, beside the button, and the
   * field is marked: never a greyed-out button without a reason. */
  {
    g_autofree char *missing = civic_form_dup_missing (form);

    g_assert_cmpstr (missing, ==, "Opinion");
    g_assert_nonnull (civic_ui_test_find_label (GTK_WIDGET (form), "Still needed: Opinion"));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (civic_ui_test_find_label (GTK_WIDGET (form),
                                                                                 "Still needed: Opinion"))));
    g_assert_nonnull (civic_ui_test_find_label (GTK_WIDGET (form), "Required"));
  }

  /* The common phrases read as sentences: their popover is as wide as
   * they are, not a few characters a line. */
  {
    GtkWidget *button = civic_ui_test_find_titled (GTK_WIDGET (form), GTK_TYPE_MENU_BUTTON, NULL);
    GtkPopover *popover;
    int natural = 0;

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Common Phrases");
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    gtk_widget_measure (gtk_popover_get_child (popover), GTK_ORIENTATION_HORIZONTAL, -1, NULL,
                        &natural, NULL, NULL);
    g_assert_cmpint (natural, >=, 250);
  }

  text_view = civic_ui_test_find_titled (GTK_WIDGET (form), GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "经审查，申请材料齐全，符合法定条件，建议准予许可。", -1);
  civic_ui_test_spin (300);

  g_assert_true (civic_form_get_valid (form));
  g_assert_cmpuint (n_valid, ==, 1);
  g_assert_null (civic_form_get_refusal (form));
  args = civic_form_dup_args (form);
  /* The usual answers the declaration gives, and what was typed */
  g_assert_cmpstr (json_object_get_string_member (args, "recommendation"), ==, "approve");
  g_assert_true (json_object_get_boolean_member (args, "submit"));
  g_assert_cmpstr (json_object_get_string_member (args, "text"), ==,
                   "经审查，申请材料齐全，符合法定条件，建议准予许可。");
  g_assert_cmpuint (json_object_get_size (args), ==, 3);

  g_assert_finalize_object (form);
}

/* A choice without a usual answer is the official's; a denial's remedies
 * are asked only for a denial; no single number for a batch; a form
 * filled from earlier arguments gives them back. */
static void
test_form_decide (void)
{
  g_autoptr(CivicCase) kase = civic_ui_test_case_under_review ();
  CivicForm *form = form_new (kase, CIVIC_ACTION_DECIDE, 1);
  CivicForm *again, *batch;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(JsonObject) denied = NULL;
  g_autoptr(JsonObject) given_back = NULL;
  GtkWidget *result, *number, *court;

  args = civic_form_dup_args (form);
  g_assert_false (json_object_has_member (args, "result"));
  g_assert_false (civic_form_get_valid (form));
  g_clear_pointer (&args, json_object_unref);

  result = civic_ui_test_find_titled (GTK_WIDGET (form), ADW_TYPE_COMBO_ROW, "_Decision");
  g_assert_nonnull (result);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (result)), ==, 0);
  court = civic_ui_test_find_titled (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW, "C_ourt");
  g_assert_nonnull (court);
  g_assert_false (gtk_widget_get_visible (court));
  /* A refusal starts from what the catalogue says of the item: its law
   * and who hears an appeal against its authority */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (court)), ==, "长沙铁路运输法院");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     civic_ui_test_find_titled (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW,
                                                "Re_consideration Body"))), ==, "湖南省人民政府");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     civic_ui_test_find_titled (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW,
                                                "_Legal Basis"))), ==,
                   civic_case_get_item_legal_basis (kase));

  /* Approve: the remedies stay hidden and out of the arguments. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (result), 1);
  number = civic_ui_test_find_titled (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW, "Decision _Number");
  g_assert_nonnull (number);
  gtk_editable_set_text (GTK_EDITABLE (number), "湘市监许〔2026〕17号");
  gtk_editable_set_text (GTK_EDITABLE (court), "长沙市岳麓区人民法院");
  civic_ui_test_spin (300);
  args = civic_form_dup_args (form);
  g_assert_cmpstr (json_object_get_string_member (args, "result"), ==, "approve");
  g_assert_cmpstr (json_object_get_string_member (args, "number"), ==, "湘市监许〔2026〕17号");
  g_assert_false (json_object_has_member (args, "court"));
  g_assert_false (gtk_widget_get_visible (court));

  /* Deny: they show, and go with the arguments. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (result), 2);
  civic_ui_test_spin (300);
  g_assert_true (gtk_widget_get_visible (court));
  denied = civic_form_dup_args (form);
  g_assert_cmpstr (json_object_get_string_member (denied, "result"), ==, "deny");
  g_assert_cmpstr (json_object_get_string_member (denied, "court"), ==, "长沙市岳麓区人民法院");
  g_assert_false (civic_form_get_valid (form));
  {
    g_autofree char *missing = civic_form_dup_missing (form);

    /* The remedies came from the catalogue; the reasons are the
     * official's */
    g_assert_cmpstr (missing, ==, "Reasons for the Refusal");
  }

  again = form_new (kase, CIVIC_ACTION_DECIDE, 1);
  civic_form_set_args (again, args);
  given_back = civic_form_dup_args (again);
  g_assert_cmpstr (json_object_get_string_member (given_back, "number"), ==,
                   "湘市监许〔2026〕17号");
  g_assert_cmpstr (json_object_get_string_member (given_back, "result"), ==, "approve");

  batch = form_new (kase, CIVIC_ACTION_DECIDE, 3);
  g_assert_null (civic_ui_test_find_titled (GTK_WIDGET (batch), ADW_TYPE_ENTRY_ROW,
                                            "Decision _Number"));
  /* Each case of a batch may be another authority's: nothing filled in */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     civic_ui_test_find_titled (GTK_WIDGET (batch), ADW_TYPE_ENTRY_ROW,
                                                "C_ourt"))), ==, "");

  g_assert_finalize_object (form);
  g_assert_finalize_object (again);
  g_assert_finalize_object (batch);
}

/* Officials are offered from the directory: the department's, in use. */
static void
test_form_verifiers (void)
{
  g_autoptr(CivicCase) kase = civic_ui_test_case_under_review ();
  CivicForm *form = form_new (kase, CIVIC_ACTION_VERIFY, 1);
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(JsonObject) with_two = NULL;
  GtkWidget *text_view;
  JsonArray *verifiers;

  {
    g_autofree char *missing = civic_form_dup_missing (form);

    g_assert_cmpstr (missing, ==, "Findings");
  }
  text_view = civic_ui_test_find_titled (GTK_WIDGET (form), GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "现场核查经营场所，与申请材料一致", -1);
  civic_ui_test_spin (300);
  g_assert_null (civic_form_dup_missing (form));

  /* The examiner alone, checked at first, is one verifier: Art. 34 wants
   * two, and says so in the official's words — once nothing required is
   * missing. */
  args = civic_form_dup_args (form);
  verifiers = json_object_get_array_member (args, "verifiers");
  g_assert_cmpuint (json_array_get_length (verifiers), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (verifiers, 0), ==, "u-examiner");
  g_assert_false (civic_form_get_valid (form));
  g_assert_nonnull (civic_form_get_refusal (form));
  g_assert_null (strstr (civic_form_get_refusal (form), "“verifiers”"));

  /* A second colleague ticked: allowed. */
  with_two = civic_form_dup_args (form);
  verifiers = json_array_new ();
  json_array_add_string_element (verifiers, "u-examiner");
  json_array_add_string_element (verifiers, "u-examiner2");
  json_object_set_array_member (with_two, "verifiers", verifiers);
  civic_form_set_args (form, with_two);
  civic_ui_test_spin (300);
  g_assert_true (civic_form_get_valid (form));
  g_assert_null (civic_form_dup_missing (form));
  g_clear_pointer (&args, json_object_unref);
  args = civic_form_dup_args (form);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (args, "verifiers")), ==, 2);

  /* The date is typed, or picked from a calendar beside it */
  {
    GtkWidget *calendar = civic_ui_test_find_titled (GTK_WIDGET (form), GTK_TYPE_CALENDAR, NULL);
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 18, 0, 0, 0);
    g_autoptr(JsonObject) picked = NULL;

    g_assert_nonnull (calendar);
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    civic_ui_test_spin (300);
    picked = civic_form_dup_args (form);
    g_assert_cmpstr (json_object_get_string_member (picked, "on"), ==, "2026-03-18");

    /* A month back with the calendar's arrow: the field follows (GtkCalendar
     * says no day was selected) */
    g_signal_emit_by_name (civic_ui_test_find_titled (calendar, GTK_TYPE_BUTTON, NULL), "clicked");
    g_clear_pointer (&picked, json_object_unref);
    picked = civic_form_dup_args (form);
    g_assert_cmpstr (json_object_get_string_member (picked, "on"), ==, "2026-02-18");
  }

  g_assert_finalize_object (form);
}

/* Every action of the case builds its form from its declaration: a row
 * for each argument asked, nothing for an action taken at once. */
static void
test_form_every_action (void)
{
  g_autoptr(CivicCase) kase = civic_ui_test_case_under_review ();

  for (guint action = 0; action < civic_case_kind.n_actions; action++)
    {
      const CivicArgument *arguments = civic_case_kind.arguments (action);
      CivicForm *form = form_new (kase, action, 1);
      g_autoptr(JsonObject) args = civic_form_dup_args (form);
      g_autoptr(GList) members = json_object_get_members (args);
      guint asked = 0;

      g_test_message ("%s", civic_action_to_string (action));
      for (guint i = 0; arguments[i].name != NULL; i++)
        if (civic_argument_is_asked (&arguments[i], G_OBJECT (kase), 1))
          {
            asked++;
            g_assert_true (civic_ui_test_has_text (GTK_WIDGET (form), arguments[i].title));
          }
      g_assert_cmpint (civic_form_is_empty (form), ==, asked == 0);
      /* What the form sends is declared */
      for (GList *m = members; m != NULL; m = m->next)
        g_assert_nonnull (civic_arguments_find (arguments, m->data));
      g_assert_finalize_object (form);
    }
}

/* A kind that is not a case gets its form, its checks and its dialog from
 * its declarations alone (tests/civic-test-memo.c). */
static void
test_form_other_kind (void)
{
  g_autofree char *data = civic_test_memo_feed_data ("memo-1", 1, "值班安排", "初稿");
  g_autoptr(GObject) memo = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) error = NULL;
  CivicActionDialog *dialog;
  CivicForm *form;
  GtkWidget *text_view;

  civic_entity_kind_register (&civic_test_memo_kind);
  g_assert_true (civic_cache_store_entity (civic_ui_test_cache (), "memo", "memo-1", 1, 1, data,
                                           &error));
  g_assert_no_error (error);
  memo = civic_cache_load_record (civic_ui_test_cache (), &civic_test_memo_kind, "memo-1", &error);
  g_assert_no_error (error);

  form = civic_form_new (civic_ui_test_engine (), &civic_test_memo_kind, memo,
                         CIVIC_TEST_MEMO_EDIT, 1);
  g_object_ref_sink (form);
  g_assert_false (civic_form_get_valid (form));
  g_assert_cmpstr (civic_form_get_refusal (form), ==, "Fill in “Text”");
  g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW, "_Reason"));

  text_view = civic_ui_test_find_titled (GTK_WIDGET (form), GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "修改稿", -1);
  civic_ui_test_spin (300);
  g_assert_true (civic_form_get_valid (form));
  args = civic_form_dup_args (form);
  g_assert_cmpstr (json_object_get_string_member (args, "text"), ==, "修改稿");
  g_assert_finalize_object (form);

  /* Its dialog: the kind's words and weight */
  dialog = civic_action_dialog_new (NULL, civic_ui_test_engine (), &civic_test_memo_kind, memo,
                                    CIVIC_TEST_MEMO_CLOSE, 1);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Close Memo");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "Memo “值班安排”");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_false (civic_action_takes_arguments (&civic_test_memo_kind, CIVIC_TEST_MEMO_CLOSE));
  civic_ui_test_destroy (GTK_WIDGET (dialog), NULL);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/form/opinion", test_form_opinion);
  g_test_add_func ("/ui/form/decide", test_form_decide);
  g_test_add_func ("/ui/form/verifiers", test_form_verifiers);
  g_test_add_func ("/ui/form/every-action", test_form_every_action);
  g_test_add_func ("/ui/form/other-kind", test_form_other_kind);

  return civic_ui_test_run ();
}
