/* test-widgets.c — the client's widgets on a real offline copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "civic-account.h"
#include "civic-action-dialog.h"
#include "civic-application.h"
#include "civic-case-index.h"
#include "civic-case-item.h"
#include "civic-case-list.h"
#include "civic-case-page.h"
#include "civic-case-row.h"
#include "civic-demo-service.h"
#include "civic-due-chip.h"
#include "civic-inbox-view.h"
#include "civic-json.h"
#include "civic-sync-indicator.h"
#include "civic-test-service.h"
#include "civic-time.h"

#include "../civic-test-async.h"

/* Every widget here is fed by a cache synced from the real service, as
 * in the client: an examiner of the demo department. */

static CivicTestService *service;
static CivicAccount *account;

static void
sync_now (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CivicSyncEngine *engine = civic_account_get_engine (account);

  civic_sync_engine_sync_async (engine, NULL, civic_test_got_result, &result);
  g_assert_true (civic_sync_engine_sync_finish (engine, civic_test_await (&result), &error));
  g_assert_no_error (error);
}

static CivicAccount *
sign_in (const char *username)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CivicAccount *signed_in = civic_account_new (service->base_url, username, NULL, &error);

  g_assert_no_error (error);
  civic_account_set_keep_session (signed_in, FALSE);
  civic_account_sign_in_async (signed_in, "demo-password", NULL, civic_test_got_result, &result);
  g_assert_true (civic_account_sign_in_finish (signed_in, civic_test_await (&result), &error));
  g_assert_no_error (error);
  return signed_in;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

static CivicCalendar *
calendar (void)
{
  return civic_sync_engine_get_calendar (civic_account_get_engine (account));
}

/* The first case of a queue that passes @check. */
static char *
find_case (CivicInboxQueue   queue,
           const char       *state)
{
  CivicInboxFilter filter = { queue, state, NULL, NULL, NULL, 0, NULL, CIVIC_INBOX_SORT_DUE };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = civic_cache_list_cases (civic_account_get_cache (account), &filter, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdup (((CivicInboxRow *) g_ptr_array_index (rows, 0))->id);
}

/* The list model */

static void
test_case_list_pages (void)
{
  CivicCache *cache = civic_account_get_cache (account);
  g_autoptr(CivicCaseList) list = civic_case_list_new (cache);
  CivicInboxFilter all = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  CivicInboxFilter mine = { CIVIC_INBOX_MINE, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  guint n, fetches;
  CivicDay previous = 0;

  civic_case_list_set_filter (list, &all);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, civic_cache_count_cases (cache, &all, NULL));
  g_assert_cmpuint (n, >, 200);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CIVIC_TYPE_CASE_ITEM);

  /* A page is read once, for all its rows; past the end, nothing. */
  fetches = civic_case_list_get_n_fetches (list);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(CivicCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      const CivicInboxRow *row = civic_case_item_get_row (item);

      /* In due order, cases without a running limit last. */
      if (row->due != CIVIC_DAY_INVALID)
        {
          g_assert_cmpuint (row->due, >=, previous);
          previous = row->due;
        }
    }
  g_assert_cmpuint (civic_case_list_get_n_fetches (list), ==, fetches + 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  /* Another queue: fewer cases, every one of them the examiner's. */
  civic_case_list_set_filter (list, &mine);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, n);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CivicCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (civic_case_item_get_row (item)->assignee_id, ==, "u-examiner");
    }
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *n_changes)
{
  (*n_changes)++;
}

static void
count_signal (CivicCaseItem *item,
              guint         *n)
{
  (*n)++;
}

static void
test_case_list_refresh_in_place (void)
{
  CivicCache *cache = civic_account_get_cache (account);
  CivicSyncEngine *engine = civic_account_get_engine (account);
  g_autoptr(CivicCaseList) list = civic_case_list_new (cache);
  CivicInboxFilter mine = { CIVIC_INBOX_MINE, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  g_autoptr(CivicCaseItem) first = NULL;
  g_autoptr(CivicCaseItem) again = NULL;
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint changed = 0, items_changed = 0;

  civic_case_list_set_filter (list, &mine);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_signal_connect (first, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &items_changed);
  g_assert_false (civic_case_item_get_row (first)->pending);

  /* The official comments on the first case: it stays where it is, the
   * same item, now marked pending. */
  json_object_set_string_member (args, "text", "已电话联系申请人");
  id = civic_sync_engine_perform (engine, civic_case_item_get_id (first), CIVIC_ACTION_COMMENT,
                                  args, &error);
  g_assert_no_error (error);
  civic_case_list_refresh (list);

  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (items_changed, ==, 0);
  g_assert_true (civic_case_item_get_row (first)->pending);

  sync_now ();
  civic_case_list_refresh (list);
  g_assert_false (civic_case_item_get_row (first)->pending);
}

/* Chips */

static void
test_due_chip_words (void)
{
  CivicCalendar *cal = calendar ();
  CivicDay today = civic_day_from_ymd (2026, 9, 30);   /* the Wednesday before National Day */
  g_autofree char *today_text = NULL;
  g_autofree char *three = NULL;
  g_autofree char *holiday = NULL;
  g_autofree char *late = NULL;
  g_autofree char *paused = NULL;
  GtkWidget *chip = civic_due_chip_new ();

  g_object_ref_sink (chip);
  today_text = civic_due_chip_describe ("yellow", today, cal, today);
  g_assert_cmpstr (today_text, ==, "Due today");

  /* 2026-10-01…07 is the National Day holiday: the next working days are
   * 10-08 (Thu) and 10-09 (Fri); 10-10 (Sat) is a make-up working day. */
  three = civic_due_chip_describe ("yellow", civic_day_from_ymd (2026, 10, 10), cal, today);
  g_assert_cmpstr (three, ==, "3 working days left");
  holiday = civic_due_chip_describe ("green", civic_day_from_ymd (2026, 10, 8), cal, today);
  g_assert_cmpstr (holiday, ==, "1 working day left");

  late = civic_due_chip_describe ("red", civic_day_from_ymd (2026, 9, 28), cal, today);
  g_assert_cmpstr (late, ==, "2 working days overdue");
  paused = civic_due_chip_describe ("paused", civic_day_from_ymd (2026, 9, 28), cal, today);
  g_assert_cmpstr (paused, ==, "Paused");

  civic_due_chip_set_status (CIVIC_DUE_CHIP (chip), "red", civic_day_from_ymd (2026, 9, 28), cal,
                             today);
  g_assert_cmpstr (civic_due_chip_get_text (CIVIC_DUE_CHIP (chip)), ==, "2 working days overdue");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (chip), "red"));
  civic_due_chip_set_status (CIVIC_DUE_CHIP (chip), "green", civic_day_from_ymd (2026, 10, 8), cal,
                             today);
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_first_child (chip), "red"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (chip), "green"));
  g_object_unref (chip);
}

static void
test_due_chip_explains (void)
{
  g_autofree char *id = find_case (CIVIC_INBOX_MINE, "under-review");
  g_autoptr(CivicCase) kase = civic_cache_load_case (civic_account_get_cache (account), id, NULL);
  CivicClock *clock = civic_case_get_statutory_clock (kase);
  GtkWidget *chip = civic_due_chip_new_explained ();
  g_autoptr(CivicClockReading) reading = NULL;
  GtkWidget *button, *popover;
  gboolean found_due = FALSE;

  g_object_ref_sink (chip);
  g_assert_nonnull (clock);
  civic_due_chip_set_clock (CIVIC_DUE_CHIP (chip), clock, calendar (), civic_time_today ());
  reading = civic_clock_read (clock, calendar (), civic_time_today (), NULL);

  button = gtk_widget_get_first_child (chip);
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);

  /* The popover holds the explanation's steps, the due date's among them. */
  for (GtkWidget *w = popover; w != NULL;)
    {
      if (GTK_IS_LABEL (w))
        {
          g_autofree char *due = civic_day_format (reading->due);

          found_due |= strstr (gtk_label_get_label (GTK_LABEL (w)), due) != NULL;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != popover)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == popover) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_true (found_due);
  g_object_unref (chip);
}

/* Rows */

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      if ((found = find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_case_row_shows (void)
{
  CivicInboxFilter mine = { CIVIC_INBOX_MINE, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  g_autoptr(GPtrArray) rows = civic_cache_list_cases (civic_account_get_cache (account), &mine, 0,
                                                      1, NULL);
  CivicInboxRow *row = g_ptr_array_index (rows, 0);
  g_autoptr(CivicCaseItem) item = civic_case_item_new (civic_inbox_row_copy (row));
  GtkWidget *widget = civic_case_row_new ();
  g_autofree char *words = civic_due_chip_describe (row->status, row->due, calendar (),
                                                    civic_time_today ());

  g_object_ref_sink (widget);
  civic_case_row_bind (CIVIC_CASE_ROW (widget), item, calendar (), "u-examiner");

  g_assert_nonnull (find_label (widget, row->number));
  g_assert_nonnull (find_label (widget, row->item_name));
  g_assert_nonnull (find_label (widget, words));
  /* "with me" is not said of the official's own cases */
  g_assert_null (find_label (widget, row->assignee_name));

  civic_case_row_unbind (CIVIC_CASE_ROW (widget));
  g_assert_null (civic_case_row_get_item (CIVIC_CASE_ROW (widget)));
  g_object_unref (widget);
}

/* The action dialog */

static GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (title == NULL ||
           (ADW_IS_PREFERENCES_ROW (child) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)))
        return child;
      if ((found = find_titled (child, type, title)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_action_dialog_opinion (void)
{
  g_autofree char *id = find_case (CIVIC_INBOX_MINE, "under-review");
  g_autoptr(CivicCase) kase = civic_cache_load_case (civic_account_get_cache (account), id, NULL);
  CivicActionDialog *dialog;
  GtkWidget *text_view;
  g_autoptr(JsonObject) args = NULL;

  dialog = civic_action_dialog_new (NULL, civic_account_get_engine (account), kase,
                                    CIVIC_ACTION_OPINION, 1);
  g_object_ref_sink (dialog);

  /* Empty, the rules refuse it: the button waits. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_nonnull (civic_action_dialog_get_refusal (dialog));

  text_view = find_titled (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)),
                           GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "经审查，申请材料齐全，符合法定条件，建议准予许可。", -1);
  spin (300);

  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_null (civic_action_dialog_get_refusal (dialog));
  args = civic_action_dialog_dup_args (dialog);
  g_assert_cmpstr (json_object_get_string_member (args, "recommendation"), ==, "approve");
  g_assert_true (json_object_get_boolean_member (args, "submit"));
  g_assert_cmpstr (json_object_get_string_member (args, "text"), ==,
                   "经审查，申请材料齐全，符合法定条件，建议准予许可。");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A decision: no Enter to decide, no single number for a batch; and a
 * form given back after a refusal has what the official typed. */
static void
test_action_dialog_decide (void)
{
  g_autofree char *id = find_case (CIVIC_INBOX_MINE, "under-review");
  g_autoptr(CivicCase) kase = civic_cache_load_case (civic_account_get_cache (account), id, NULL);
  CivicActionDialog *one, *batch, *again;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(JsonObject) given_back = NULL;
  GtkWidget *number, *result;

  one = civic_action_dialog_new (NULL, civic_account_get_engine (account), kase,
                                 CIVIC_ACTION_DECIDE, 1);
  g_object_ref_sink (one);
  g_assert_true (civic_action_dialog_get_case (one) == kase);
  g_assert_null (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (one)));
  /* Nothing decided for the official: they choose. */
  {
    g_autoptr(JsonObject) untouched = civic_action_dialog_dup_args (one);

    g_assert_false (json_object_has_member (untouched, "result"));
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (one), "apply"));
    g_assert_nonnull (civic_action_dialog_get_refusal (one));
  }
  result = find_titled (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (one)),
                        ADW_TYPE_COMBO_ROW, "_Decision");
  g_assert_nonnull (result);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (result)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (result), 1);

  number = find_titled (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (one)),
                        ADW_TYPE_ENTRY_ROW, "Decision _Number");
  g_assert_nonnull (number);
  gtk_editable_set_text (GTK_EDITABLE (number), "湘市监许〔2026〕17号");
  spin (300);
  args = civic_action_dialog_dup_args (one);
  g_assert_cmpstr (json_object_get_string_member (args, "result"), ==, "approve");
  g_assert_cmpstr (json_object_get_string_member (args, "number"), ==, "湘市监许〔2026〕17号");

  again = civic_action_dialog_new (NULL, civic_account_get_engine (account), kase,
                                   CIVIC_ACTION_DECIDE, 1);
  g_object_ref_sink (again);
  civic_action_dialog_set_args (again, args);
  given_back = civic_action_dialog_dup_args (again);
  g_assert_cmpstr (json_object_get_string_member (given_back, "number"), ==,
                   "湘市监许〔2026〕17号");
  g_assert_cmpstr (json_object_get_string_member (given_back, "result"), ==,
                   json_object_get_string_member (args, "result"));

  batch = civic_action_dialog_new (NULL, civic_account_get_engine (account), kase,
                                   CIVIC_ACTION_DECIDE, 3);
  g_object_ref_sink (batch);
  g_assert_null (find_titled (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (batch)),
                              ADW_TYPE_ENTRY_ROW, "Decision _Number"));

  /* An everyday step keeps Enter. */
  {
    CivicActionDialog *comment = civic_action_dialog_new (NULL, civic_account_get_engine (account),
                                                          kase, CIVIC_ACTION_COMMENT, 1);

    g_object_ref_sink (comment);
    g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (comment)), ==,
                     "apply");
    gtk_window_destroy (GTK_WINDOW (comment));
    g_object_unref (comment);
  }

  for (CivicActionDialog **d = (CivicActionDialog *[]) { one, again, batch, NULL }; *d; d++)
    {
      gtk_window_destroy (GTK_WINDOW (*d));
      g_object_unref (*d);
    }
}

static void
test_action_dialog_verifiers (void)
{
  g_autofree char *id = find_case (CIVIC_INBOX_MINE, "under-review");
  g_autoptr(CivicCase) kase = civic_cache_load_case (civic_account_get_cache (account), id, NULL);
  CivicActionDialog *dialog;
  GtkWidget *extra, *text_view;
  g_autoptr(JsonObject) args = NULL;

  dialog = civic_action_dialog_new (NULL, civic_account_get_engine (account), kase,
                                    CIVIC_ACTION_VERIFY, 1);
  g_object_ref_sink (dialog);
  extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  text_view = find_titled (extra, GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "现场核查经营场所，与申请材料一致", -1);
  spin (300);

  /* The examiner alone is one verifier: Art. 34 wants two, and says so
   * in the official's words. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_nonnull (civic_action_dialog_get_refusal (dialog));
  g_assert_null (strstr (civic_action_dialog_get_refusal (dialog), "“verifiers”"));

  /* A second colleague ticked: allowed. */
  {
    g_autoptr(JsonObject) with_two = civic_action_dialog_dup_args (dialog);
    JsonArray *verifiers = json_array_new ();

    json_array_add_string_element (verifiers, "u-examiner");
    json_array_add_string_element (verifiers, "u-examiner2");
    json_object_set_array_member (with_two, "verifiers", verifiers);
    civic_action_dialog_set_args (dialog, with_two);
  }
  spin (300);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  args = civic_action_dialog_dup_args (dialog);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (args, "verifiers")), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* The case page */

static gboolean
has_text (GtkWidget  *root,
          const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) != NULL &&
          strstr (gtk_button_get_label (GTK_BUTTON (child)), text) != NULL)
        return TRUE;
      if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_label (GTK_MENU_BUTTON (child)) != NULL &&
          strstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (child)), text) != NULL)
        return TRUE;
      if (ADW_IS_PREFERENCES_ROW (child) &&
          strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), text) != NULL)
        return TRUE;
      if (has_text (child, text))
        return TRUE;
    }
  return FALSE;
}

/* The labels of the actions the page offers: its buttons, and its menu. */
static void
collect_actions (GtkWidget *root,
                 GPtrArray *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, "case-actions"))
        for (GtkWidget *w = gtk_widget_get_first_child (child); w != NULL;
             w = gtk_widget_get_next_sibling (w))
          {
            if (GTK_IS_MENU_BUTTON (w))
              {
                GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (w));

                for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
                  {
                    char *label = NULL;

                    g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
                    g_ptr_array_add (labels, label);
                  }
              }
            else if (GTK_IS_BUTTON (w))
              g_ptr_array_add (labels, g_strdup (gtk_button_get_label (GTK_BUTTON (w))));
          }
      collect_actions (child, labels);
    }
}

static gboolean
offers (GtkWidget   *page,
        CivicAction  action)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  collect_actions (page, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (labels, i), civic_action_get_label (action)))
      return TRUE;
  return FALSE;
}

static guint
n_offered (GtkWidget *page)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  collect_actions (page, labels);
  return labels->len;
}

static void
test_case_page_sections (void)
{
  g_autofree char *id = find_case (CIVIC_INBOX_MINE, "under-review");
  CivicSyncEngine *engine = civic_account_get_engine (account);
  g_autoptr(CivicCase) kase = civic_cache_load_case (civic_account_get_cache (account), id, NULL);
  g_autoptr(GArray) actions = civic_sync_engine_list_actions (engine, kase);
  GtkWidget *page = g_object_new (CIVIC_TYPE_CASE_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), page);
  civic_case_page_set_engine (CIVIC_CASE_PAGE (page), engine);
  civic_case_page_set_case_id (CIVIC_CASE_PAGE (page), id);

  g_assert_true (civic_case_page_get_case (CIVIC_CASE_PAGE (page)) != NULL);
  g_assert_true (has_text (page, civic_case_get_number (kase)));
  g_assert_true (has_text (page, "Time Limits"));
  g_assert_true (has_text (page, "Statutory"));
  g_assert_true (has_text (page, "History"));
  g_assert_true (has_text (page, civic_case_get_item_name (kase)));

  /* A sync that did not touch the case leaves the page as it is: the
   * same widgets, so an open menu and the focus stay. */
  {
    GtkLabel *before = find_label (page, "Time Limits");

    civic_case_page_reload (CIVIC_CASE_PAGE (page));
    g_assert_true (find_label (page, "Time Limits") == before);
  }

  /* Exactly the actions the rules allow: an examiner records an opinion,
   * and is never offered to decide. */
  g_assert_cmpuint (actions->len, >, 0);
  g_assert_cmpuint (n_offered (page), ==, actions->len);
  g_assert_true (offers (page, CIVIC_ACTION_OPINION));
  g_assert_true (offers (page, CIVIC_ACTION_COMMENT));
  g_assert_false (offers (page, CIVIC_ACTION_DECIDE));
  g_assert_false (offers (page, CIVIC_ACTION_ACCEPT));

  /* An action that asks nothing is taken at once, kept for sending. */
  civic_case_page_start_action (CIVIC_CASE_PAGE (page), CIVIC_ACTION_RELEASE);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 1);
  civic_case_page_reload (CIVIC_CASE_PAGE (page));
  g_assert_true (has_text (page, "Waiting to be sent"));
  g_assert_cmpstr (civic_case_page_get_case_id (CIVIC_CASE_PAGE (page)), ==, id);
  sync_now ();
  civic_case_page_reload (CIVIC_CASE_PAGE (page));
  g_assert_false (has_text (page, "Waiting to be sent"));
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);

  /* No case: the empty state. */
  civic_case_page_set_case_id (CIVIC_CASE_PAGE (page), NULL);
  g_assert_null (civic_case_page_get_case (CIVIC_CASE_PAGE (page)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The demo service */

static void
demo_started_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError **error = user_data;

  if (!civic_demo_service_start_finish (CIVIC_DEMO_SERVICE (source), result, error) &&
      *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "started");
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* Cancelled while it makes its data, it leaves nothing half made; the next
 * start makes the data anew and serves it. */
static void
test_demo_service_cancel_then_start (void)
{
  g_autofree char *dir = g_dir_make_tmp ("civicdesk-demo-XXXXXX", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "demo", NULL);
  g_autofree char *database = g_build_filename (data_dir, "civicdesk.db", NULL);
  g_autofree char *ready = g_build_filename (data_dir, "demo-ready", NULL);
  g_autoptr(CivicDemoService) demo = civic_demo_service_new (data_dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) started = NULL;

  g_setenv ("CIVICDESK_DEMO_CASES", "3000", TRUE);
  civic_demo_service_start_async (demo, cancellable, demo_started_cb, &error);
  g_timeout_add (300, cancel_cb, cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (civic_demo_service_is_running (demo));
  g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (ready, G_FILE_TEST_EXISTS));

  g_setenv ("CIVICDESK_DEMO_CASES", "200", TRUE);
  civic_demo_service_start_async (demo, NULL, demo_started_cb, &started);
  while (started == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (started, G_IO_ERROR, G_IO_ERROR_EXISTS);  /* i.e. started */
  g_assert_true (civic_demo_service_is_running (demo));
  g_assert_true (g_file_test (ready, G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_prefix (civic_demo_service_get_url (demo), "http://127.0.0.1:"));

  civic_demo_service_stop (demo);
  g_unsetenv ("CIVICDESK_DEMO_CASES");
  civic_test_remove_tree (dir);
}

/* The inbox shows a screenful first, then the whole list within a few
 * frames (GtkListView 4.8 would otherwise make 200 rows before the first
 * case appears). */
static void
test_inbox_view_fills (void)
{
  CivicCache *cache = civic_account_get_cache (account);
  CivicInboxFilter all = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (CIVIC_TYPE_INBOX_VIEW, NULL);
  GListModel *model;
  guint expected = civic_cache_count_cases (cache, &all, NULL);

  g_assert_cmpuint (expected, >, 200);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  civic_inbox_view_set_queue (CIVIC_INBOX_VIEW (view), CIVIC_INBOX_ALL);
  civic_section_set_engine (CIVIC_SECTION (view), civic_account_get_engine (account));
  model = civic_inbox_view_get_model (CIVIC_INBOX_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, expected);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && g_list_model_get_n_items (model) < expected; i++)
    spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A view says what happened through its "add-toast" signal, which the
 * window's template connects to its overlay: the view never reaches into
 * the window. An action with no case in front of the official is one. */
static void
toast_cb (GtkWidget  *view,
          AdwToast   *toast,
          char      **title)
{
  g_free (*title);
  *title = g_strdup (adw_toast_get_title (toast));
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 4);
}

static void
test_inbox_view_toasts (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (CIVIC_TYPE_INBOX_VIEW, NULL);
  g_autofree char *title = NULL;

  gtk_window_set_child (GTK_WINDOW (window), view);
  civic_section_set_engine (CIVIC_SECTION (view), civic_account_get_engine (account));
  g_signal_connect (view, "add-toast", G_CALLBACK (toast_cb), &title);
  civic_inbox_view_start_action (CIVIC_INBOX_VIEW (view), CIVIC_ACTION_CLAIM);
  g_assert_cmpstr (title, ==, "Choose a case first");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sync state and the errors, in words */

static void
test_sync_summary (void)
{
  CivicSyncEngine *engine = civic_account_get_engine (account);
  g_autofree char *synced = civic_sync_indicator_dup_summary (engine);

  g_assert_true (g_str_has_prefix (synced, "Synced "));
}

static void
test_explain_errors (void)
{
  static const CivicApiError codes[] = {
    CIVIC_API_ERROR_UNREACHABLE, CIVIC_API_ERROR_TLS, CIVIC_API_ERROR_WRONG_CREDENTIALS,
    CIVIC_API_ERROR_THROTTLED, CIVIC_API_ERROR_ACCOUNT_DISABLED,
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Each its own explanation. */
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (CIVIC_API_ERROR, codes[i], "details");
      char *text = civic_application_explain_error (error);

      g_assert_cmpuint (strlen (text), >, 20);
      g_assert_false (g_hash_table_contains (seen, text));
      g_hash_table_add (seen, text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("civicdesk-ui-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  service = civic_test_service_new_demo (400, 17);
  account = sign_in ("examiner");
  sync_now ();

  g_test_add_func ("/ui/case-list/pages", test_case_list_pages);
  g_test_add_func ("/ui/case-list/refresh-in-place", test_case_list_refresh_in_place);
  g_test_add_func ("/ui/due-chip/words", test_due_chip_words);
  g_test_add_func ("/ui/due-chip/explains", test_due_chip_explains);
  g_test_add_func ("/ui/case-row/shows", test_case_row_shows);
  g_test_add_func ("/ui/inbox-view/toasts", test_inbox_view_toasts);
  g_test_add_func ("/ui/action-dialog/opinion", test_action_dialog_opinion);
  g_test_add_func ("/ui/action-dialog/verifiers", test_action_dialog_verifiers);
  g_test_add_func ("/ui/action-dialog/decide", test_action_dialog_decide);
  g_test_add_func ("/ui/case-page/sections", test_case_page_sections);
  g_test_add_func ("/ui/inbox-view/fills", test_inbox_view_fills);
  g_test_add_func ("/ui/sync-indicator/summary", test_sync_summary);
  g_test_add_func ("/ui/application/explain-errors", test_explain_errors);
  g_test_add_func ("/ui/demo-service/cancel-then-start", test_demo_service_cancel_then_start);

  status = g_test_run ();
  g_clear_object (&account);
  civic_test_service_free (service);
  return status;
}
