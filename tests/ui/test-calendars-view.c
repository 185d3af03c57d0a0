/* test-calendars-view.c — the Calendars section, on a copy synced from the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hall's administrator imports next year's holiday notice as the
 * State Council published it, through its form: the service takes it,
 * and its page lists the holidays with the weekend days worked instead.
 * A notice mistyped — a day with the wrong weekday — is refused by the
 * form before it is sent, naming the day.
 */

#include "config.h"

#include <string.h>

#include "civic-action-dialog.h"
#include "civic-calendars-view.h"
#include "civic-holiday-notice.h"
#include "civic-json.h"
#include "civic-ui-test.h"

#include "../civic-test-async.h"

/* In the language the client runs in, for screenshots in Chinese */
#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

static const char notice_2027[] =
  "国务院办公厅关于2027年部分节假日安排的通知\n"
  "一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n"
  "二、春节：2月6日（农历腊月三十、周六）至13日（农历正月初七、周六）放假调休，共8天。"
  "2月14日（周日）上班。\n";

static void
test_import_notice (void)
{
  CivicCalendarsView *view = g_object_new (CIVIC_TYPE_CALENDARS_VIEW, NULL);
  CivicAdminView *admin_view = CIVIC_ADMIN_VIEW (view);
  GtkWidget *window = civic_ui_test_window (GTK_WIDGET (view), 900, 700);
  g_autoptr(CivicHolidayNotice) blank = civic_holiday_notice_new ("CN-2027");
  g_autoptr(JsonObject) typed = json_object_new ();
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *command = NULL;
  g_autofree char *period = NULL;
  CivicActionDialog *dialog;

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  civic_ui_test_spin (50);
  /* The notices in force, from the feed */
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (civic_admin_view_get_list (admin_view)),
                                         "国务院办公厅关于2026年部分节假日安排的通知"));

  /* Mistyped: 1月1日 of 2027 is a Friday */
  dialog = civic_action_dialog_new (GTK_WINDOW (window), civic_ui_test_engine (),
                                    &civic_holiday_notice_kind, G_OBJECT (blank),
                                    CIVIC_HOLIDAY_NOTICE_ACTION_IMPORT, 1);
  json_object_set_string_member (typed, "text", "国务院办公厅关于2027年部分节假日安排的通知\n"
                                                "一、元旦：1月1日（周四）放假1天。\n");
  civic_action_dialog_run_async (dialog, NULL, civic_test_got_result, &result);
  civic_action_dialog_set_args (dialog, typed);
  civic_ui_test_spin (400);
  g_assert_nonnull (civic_action_dialog_get_refusal (dialog));
  g_assert_nonnull (strstr (civic_action_dialog_get_refusal (dialog), "1月1日"));

  /* As published */
  json_object_set_string_member (typed, "text", notice_2027);
  json_object_set_string_member (typed, "number", "国办发明电〔2026〕12号");
  civic_action_dialog_set_args (dialog, typed);
  civic_ui_test_spin (400);
  g_assert_null (civic_action_dialog_get_refusal (dialog));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (GTK_WIDGET (dialog), "admin-import-notice");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  args = civic_action_dialog_run_finish (dialog, civic_test_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  civic_ui_test_spin (50);

  command = civic_sync_engine_perform_action (civic_ui_test_engine (), &civic_holiday_notice_kind,
                                              "CN-2027", CIVIC_HOLIDAY_NOTICE_ACTION_IMPORT, args,
                                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  civic_ui_test_sync ();
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_ui_test_engine ()), ==, 0);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (civic_admin_view_get_list (admin_view)),
                                         "国务院办公厅关于2027年部分节假日安排的通知"));

  /* Its page: the holidays with the days worked instead */
  civic_admin_view_open (admin_view, "CN-2027");
  civic_ui_test_spin (50);
  period = g_strdup_printf (T ("%s – %s"), "2027-01-01", "2027-01-03");
  g_assert_true (civic_ui_test_has_text (civic_admin_view_get_page (admin_view), period));
  g_assert_true (civic_ui_test_has_text (civic_admin_view_get_page (admin_view), "2027-02-14"));
  g_assert_true (civic_ui_test_has_text (civic_admin_view_get_page (admin_view),
                                         "国办发明电〔2026〕12号"));
  g_assert_nonnull (civic_ui_test_find_titled (civic_admin_view_get_page (admin_view),
                                               GTK_TYPE_BUTTON, T ("Import Notice")));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (window, "admin-calendar");

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

static GtkWindow *
toplevel_titled (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return window;
    }
  return NULL;
}

/* Import Notice from the section: the form, then what the notice changes
 * — the days, read here, and the due dates, from the service — and only
 * then the command */
static void
test_preview_before_import (void)
{
  CivicCalendarsView *view = g_object_new (CIVIC_TYPE_CALENDARS_VIEW, NULL);
  CivicAdminView *admin_view = CIVIC_ADMIN_VIEW (view);
  GtkWidget *window = civic_ui_test_window (GTK_WIDGET (view), 900, 700);
  g_autoptr(JsonObject) typed = json_object_new ();
  g_autofree char *form_heading = g_strdup (T ("Import Notice"));
  g_autofree char *heading = g_strdup_printf (T ("Import the Holidays of %d?"), 2028);
  g_autofree char *day = NULL;
  GtkWindow *form, *question;

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  civic_ui_test_spin (50);
  /* The year after the newest notice, 2027 */
  gtk_widget_activate_action (GTK_WIDGET (view), "admin.add", NULL);
  civic_ui_test_spin (200);
  form = toplevel_titled (form_heading);
  g_assert_nonnull (form);
  json_object_set_string_member (typed, "text", "国务院办公厅关于2028年部分节假日安排的通知\n"
                                                "一、元旦：1月1日（周六）至3日（周一）放假，共3天。\n");
  civic_action_dialog_set_args (CIVIC_ACTION_DIALOG (form), typed);
  civic_ui_test_spin (400);
  g_assert_null (civic_action_dialog_get_refusal (CIVIC_ACTION_DIALOG (form)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (form), "apply");
  civic_ui_test_spin (200);

  question = toplevel_titled (heading);
  g_assert_nonnull (question);
  /* 2028-01-03, a Monday, is a holiday now */
  day = g_strdup_printf (T ("%s (%s): %s → %s"), "2028-01-03",
                         g_dgettext (GETTEXT_PACKAGE, "Monday"), T ("a working day"),
                         T ("a holiday"));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (question), day));
  /* The service's answer arrives */
  for (guint i = 0; i < 50 && !civic_ui_test_has_text (GTK_WIDGET (question),
                                                      T ("No due date of an open case, request or message moves."));
       i++)
    civic_ui_test_spin (100);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (question),
                                         T ("No due date of an open case, request or message moves.")));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (GTK_WIDGET (question), "admin-notice-preview");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "import");
  civic_ui_test_spin (100);
  civic_ui_test_sync ();
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_ui_test_engine ()), ==, 0);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (civic_admin_view_get_list (admin_view)),
                                         "国务院办公厅关于2028年部分节假日安排的通知"));

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("admin");
  g_test_add_func ("/calendars-view/import-notice", test_import_notice);
  g_test_add_func ("/calendars-view/preview-before-import", test_preview_before_import);
  return civic_ui_test_run ();
}
