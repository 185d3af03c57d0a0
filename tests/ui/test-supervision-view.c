/* test-supervision-view.c — the Supervision section: the overview, a department's list, a card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed in as the hall's supervisor, on a real service, the time pinned
 * to Friday 2026-03-20. The overview reads the figures from the service:
 * the departments with red or yellow records, the most red first, each
 * row saying its counts; five charts, each an image whose accessible name
 * says its figures. A department's row opens its red and yellow records,
 * each with its clock. A card issued to the department is in the list of
 * cards at once, offline, with its five working days, and its page offers
 * the supervisor what the rules allow: withdrawing it, not replying.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-document-dialog.h"
#include "civic-json.h"
#include "civic-supervision.h"
#include "civic-supervision-view.h"
#include "civic-time.h"
#include "civic-ui-test.h"
#include "civic-warning-kind.h"

static GtkWidget *
new_view (GtkWidget **window)
{
  GtkWidget *view = g_object_new (CIVIC_TYPE_SUPERVISION_VIEW, NULL);

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  *window = civic_ui_test_window (view, 1100, 1000);
  return view;
}

static void
wait_for_figures (CivicSupervisionView *view)
{
  gint64 end = g_get_monotonic_time () + CIVIC_UI_TEST_HANG_USEC;

  civic_ui_test_spin (50);
  while (civic_supervision_view_is_fetching (view))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  civic_ui_test_spin (50);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
test_overview (void)
{
  GtkWidget *window;
  CivicSupervisionView *view = CIVIC_SUPERVISION_VIEW (new_view (&window));
  GtkListBox *departments = civic_supervision_view_get_departments (view);
  CivicWeekChart *overdue = civic_supervision_view_get_overdue_chart (view);
  CivicBarChart *on_time = civic_supervision_view_get_on_time_chart (view);
  GtkListBoxRow *first, *second;
  GtkAccessibleRole role;
  const char *text;

  wait_for_figures (view);

  /* The departments with something red or yellow, the most red first */
  g_assert_cmpuint (n_rows (departments), >, 0);
  first = gtk_list_box_get_row_at_index (departments, 0);
  second = gtk_list_box_get_row_at_index (departments, 1);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (first)), ==, "scjg");
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (first),
                                         civic_supervision_kind_name (CIVIC_ENTITY_CASE, TRUE)));
  if (second != NULL)
    g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (second)), !=, "scjg");

  /* Twelve weeks of the hall, said as text */
  text = civic_week_chart_get_text (overdue);
  g_assert_true (g_str_has_prefix (text, _("Went overdue and completed late, by week")));
  g_assert_cmpuint (civic_week_chart_get_n_series (overdue), ==, 2);
  g_assert_nonnull (strstr (text, _("Went overdue")));
  g_object_get (overdue, "accessible-role", &role, NULL);
  g_assert_cmpint (role, ==, GTK_ACCESSIBLE_ROLE_IMG);
  /* The departments least on time first, in per cent */
  g_assert_cmpuint (civic_bar_chart_get_n_bars (on_time), >, 0);
  g_assert_nonnull (strstr (civic_bar_chart_get_text (on_time), "%"));

  if (civic_ui_test_screenshots_wanted ())
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (overdue),
                                                     GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "supervision");
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "supervision-charts");
      gtk_adjustment_set_value (adjustment, 0);
    }

  /* A department's red and yellow records, each with its clock */
  civic_supervision_view_open_department (view, "scjg", NULL);
  {
    /* Translators' words as the row has them: "Licensing case · 湖南省…" */
    g_autofree char *kind = g_strdup_printf (_("%s · %s"),
                                              civic_supervision_kind_name (CIVIC_ENTITY_CASE, FALSE),
                                              "湖南省市场监督管理局");
    gint64 end = g_get_monotonic_time () + CIVIC_UI_TEST_HANG_USEC;

    while (!civic_ui_test_has_text (window, kind) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (civic_ui_test_has_text (window, kind));
  }
  if (civic_ui_test_screenshots_wanted ())
    {
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "supervision-list");
    }

  /* The department's report, made by the service, in a document window
   * that prints it */
  gtk_widget_activate_action (GTK_WIDGET (view), "supervision.export", "(ss)", "report", "pdf");
  {
    gint64 end = g_get_monotonic_time () + CIVIC_UI_TEST_HANG_USEC;
    CivicDocumentDialog *dialog = NULL;

    while (dialog == NULL && g_get_monotonic_time () < end)
      {
        g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

        for (GList *l = toplevels; l != NULL; l = l->next)
          if (CIVIC_IS_DOCUMENT_DIALOG (l->data))
            dialog = l->data;
        g_main_context_iteration (NULL, dialog == NULL);
      }
    g_assert_nonnull (dialog);
    g_assert_cmpuint (civic_document_dialog_get_n_pages (dialog), >=, 1);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (civic_document_dialog_get_pdf (dialog),
                                                       NULL), "%PDF-"));
    if (civic_ui_test_screenshots_wanted ())
      {
        civic_ui_test_spin (500);
        civic_ui_test_screenshot (GTK_WIDGET (dialog), "supervision-report-window");
      }
    gtk_window_destroy (GTK_WINDOW (dialog));
    civic_ui_test_spin (50);
  }

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* A card to the department, issued offline first: listed at once with
 * its days, and the supervisor's page offers withdrawing it */
static void
test_card (void)
{
  GtkWidget *window;
  CivicSupervisionView *view = CIVIC_SUPERVISION_VIEW (new_view (&window));
  CivicSyncEngine *engine = civic_ui_test_engine ();
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *command = NULL;
  g_autofree char *withdraw = NULL;
  g_autofree char *reply = NULL;
  GtkListBox *cards = civic_supervision_view_get_cards (view);

  wait_for_figures (view);
  json_object_set_string_member (args, "level", "red");
  json_object_set_string_member (args, "department_id", "scjg");
  json_object_set_string_member (args, "text", "本周三件许可案件超过承诺时限，请说明原因并限期办结。");
  json_object_set_int_member (args, "reply_within", 5);
  command = civic_sync_engine_perform_action (engine, &civic_warning_kind, id,
                                              CIVIC_WARNING_ACTION_ISSUE, args, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  civic_ui_test_spin (100);

  g_assert_cmpuint (n_rows (cards), ==, 1);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (cards), _("Red Card")));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (cards), "湖南省市场监督管理局"));

  civic_supervision_view_open_card (view, id);
  withdraw = g_strdup_printf ("%s…", civic_warning_action_get_label (CIVIC_WARNING_ACTION_WITHDRAW));
  reply = g_strdup_printf ("%s…", civic_warning_action_get_label (CIVIC_WARNING_ACTION_REPLY));
  g_assert_nonnull (civic_ui_test_find_label (window, withdraw));
  g_assert_null (civic_ui_test_find_label (window, reply));
  g_assert_true (civic_ui_test_has_text (window, "本周三件许可案件超过承诺时限，请说明原因并限期办结。"));
  /* Five working days from Friday 03-20: Friday 03-27 */
  g_assert_true (civic_ui_test_has_text (window, "2026-03-27"));

  /* Sent, the service has it as the supervisor wrote it */
  civic_ui_test_sync ();
  {
    g_autofree char *token = civic_test_sign_in (civic_ui_test_service (), "approver");
    g_autofree char *path = g_strconcat ("/api/v1/warnings/", id, NULL);
    g_autoptr(JsonNode) answer = NULL;
    guint status;

    answer = civic_test_request (civic_ui_test_service (), "GET", path, token, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (json_node_get_object (answer), "data"),
                       "level"), ==, "red");
  }
  if (civic_ui_test_screenshots_wanted ())
    {
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "supervision-card");
    }
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("supervisor");

  g_test_add_func ("/supervision-view/overview", test_overview);
  g_test_add_func ("/supervision-view/card", test_card);

  return civic_ui_test_run ();
}
