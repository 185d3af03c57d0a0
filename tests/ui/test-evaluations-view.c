/* test-evaluations-view.c — the Ratings section and a rating's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed in as the demo department's complaint handler, on a real
 * service, the time pinned to Friday 2026-03-20. Citizens rate three
 * answered messages on the public side: one of the department's badly,
 * one well, and one of another department. To Rectify lists the bad one
 * with its five working days, the citizen masked; All lists the
 * department's two and never the other's. The indicators count them and
 * the chart says its figures as text. On the page the return visit is the
 * suggested step, the rectification is refused before it, and after it
 * the rating is rectified, in the offline copy at once and on the service
 * after a sync. A rating given at the window is recorded offline first.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-evaluations-view.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-ui-test.h"

static char *bad_receipt, *good_receipt, *elsewhere_receipt;
static char *good_message;

/* A message answered by @department's handler: its receipt; its id in
 * @id */
static char *
answered (const char  *department,
          const char  *handler_name,
          const char  *kind,
          char       **id)
{
  CivicTestService *service = civic_ui_test_service ();
  g_autofree char *dispatcher = civic_test_sign_in (service, "dispatcher");
  g_autofree char *handler = civic_test_sign_in (service, handler_name);
  g_autofree char *reviewer = civic_test_sign_in (service, "reply-reviewer");
  g_autofree char *message = civic_test_uuid ();
  g_autofree char *args = g_strdup_printf (
    "{\"kind\": \"%s\", \"channel\": \"hotline-12345\", \"subject\": \"窗口排队过长\","
    " \"body\": \"上午在窗口等了两个小时。\", \"citizen_name\": \"王小红\","
    " \"phone\": \"13912345678\", \"department_id\": \"%s\"}", kind, department);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *data;
  char *receipt;

  data = civic_test_applied (service, dispatcher, "register-message", message, args, &holder);
  receipt = g_strdup (json_object_get_string_member (data, "receipt"));
  g_clear_pointer (&holder, json_node_unref);
  civic_test_applied (service, handler, "sign-for-message", message, NULL, &holder);
  g_clear_pointer (&holder, json_node_unref);
  data = civic_test_applied (service, handler, "reply-message", message,
                             "{\"text\": \"已增开窗口，感谢您的监督。\"}", &holder);
  if (g_str_equal (json_object_get_string_member (data, "state"), "reply-in-review"))
    {
      g_clear_pointer (&holder, json_node_unref);
      civic_test_applied (service, reviewer, "review-message-reply", message,
                          "{\"decision\": \"approve\"}", &holder);
    }
  if (id != NULL)
    *id = g_steal_pointer (&message);
  return receipt;
}

static void
rate (const char *receipt,
      const char *rest)
{
  g_autofree char *body = g_strdup_printf ("{\"receipt\": \"%s\", %s}", receipt, rest);
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (civic_ui_test_service (), "POST", "/public/v1/evaluations", NULL,
                               body, &status);
  g_assert_cmpuint (status, ==, 201);
}

static void
make_ratings (void)
{
  /* Signing in makes the service */
  civic_ui_test_engine ();
  bad_receipt = answered ("scjg", "handler", "complaint", NULL);
  good_receipt = answered ("scjg", "handler", "complaint", &good_message);
  elsewhere_receipt = answered ("zrzyt", "zrzyt.handler", "consultation", NULL);
  rate (bad_receipt, "\"rating\": 2, \"efficiency\": 1, \"comment\": \"排队两小时没人管\","
                     " \"name\": \"王小红\", \"phone\": \"13912345678\"");
  rate (good_receipt, "\"rating\": 5, \"anonymous\": true");
  rate (elsewhere_receipt, "\"rating\": 1, \"comment\": \"答非所问\", \"anonymous\": true");
  civic_ui_test_sync ();
  civic_ui_test_spin (50);
}

static GtkWidget *
new_view (GtkWidget **window)
{
  GtkWidget *view = g_object_new (CIVIC_TYPE_EVALUATIONS_VIEW, NULL);

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  *window = civic_ui_test_window (view, 1100, 900);
  return view;
}

static GtkListBoxRow *
row_with (GtkListBox *list,
          const char *text)
{
  for (guint i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (civic_ui_test_has_text (GTK_WIDGET (row), text))
        return row;
    }
  return NULL;
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
test_lists_and_indicators (void)
{
  GtkWidget *window;
  CivicEvaluationsView *view = CIVIC_EVALUATIONS_VIEW (new_view (&window));
  GtkListBox *list = civic_evaluations_view_get_list (view);
  CivicBarChart *chart = civic_evaluations_view_get_chart (view);
  GtkListBoxRow *row;
  g_autofree char *left = NULL;
  g_autofree char *title = NULL;
  g_autofree char *dissatisfied = NULL;
  g_autofree char *very = NULL;
  g_autofree char *none = NULL;
  const char *text;

  civic_evaluations_view_show_list (view, CIVIC_EVALUATION_LIST_TO_RECTIFY);
  g_assert_cmpuint (n_rows (list), ==, 1);
  row = row_with (list, bad_receipt);
  g_assert_nonnull (row);
  title = g_strdup_printf ("★★☆☆☆ %s", civic_rating_get_label (2));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row), "王**"));
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (row), "王小红"));
  /* Five working days from Fri 03-20: Fri 03-27 */
  left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                       "%d working days left", 5), 5);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row), left));
  g_assert_cmpuint (civic_evaluations_view_get_n_to_do (view), ==, 1);

  civic_evaluations_view_show_list (view, CIVIC_EVALUATION_LIST_APPEALED);
  g_assert_cmpuint (n_rows (list), ==, 0);
  civic_evaluations_view_show_list (view, CIVIC_EVALUATION_LIST_ALL);
  g_assert_cmpuint (n_rows (list), ==, 2);
  g_assert_nonnull (row_with (list, good_receipt));
  g_assert_null (row_with (list, elsewhere_receipt));

  /* The department's two: one very satisfied, one dissatisfied */
  g_assert_cmpuint (civic_bar_chart_get_n_bars (chart), ==, 5);
  text = civic_bar_chart_get_text (chart);
  very = g_strdup_printf (_("%s %s"), civic_rating_get_label (5), "1");
  dissatisfied = g_strdup_printf (_("%s %s"), civic_rating_get_label (2), "1");
  none = g_strdup_printf (_("%s %s"), civic_rating_get_label (1), "0");
  g_assert_true (g_str_has_prefix (text, _("Ratings by level")));
  g_assert_nonnull (strstr (text, very));
  g_assert_nonnull (strstr (text, dissatisfied));
  g_assert_nonnull (strstr (text, none));
  /* Over time: this month's two, one of them satisfied */
  {
    CivicBarChart *trend = civic_evaluations_view_get_trend_chart (view);
    g_autofree char *share = g_strdup_printf (_("%.0f%% of %u"), 50.0, 2u);
    g_autofree char *march = g_strdup_printf (_("%s %s"), "2026-03", share);
    g_autofree char *october = g_strdup_printf (_("%s %s"), "2025-10", _("no ratings"));

    g_assert_cmpuint (civic_bar_chart_get_n_bars (trend), ==, 6);
    g_assert_nonnull (strstr (civic_bar_chart_get_text (trend), march));
    g_assert_nonnull (strstr (civic_bar_chart_get_text (trend), october));
  }
  {
    GtkAccessibleRole role;

    g_object_get (chart, "accessible-role", &role, NULL);
    g_assert_cmpint (role, ==, GTK_ACCESSIBLE_ROLE_IMG);
  }

  if (civic_ui_test_screenshots_wanted ())
    {
      civic_evaluations_view_show_list (view, CIVIC_EVALUATION_LIST_ALL);
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "ratings");
    }
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

static void
test_page_rectified (void)
{
  GtkWidget *window;
  CivicEvaluationsView *view = CIVIC_EVALUATIONS_VIEW (new_view (&window));
  CivicEvaluationPage *page = civic_evaluations_view_get_page (view);
  GtkListBox *list = civic_evaluations_view_get_list (view);
  CivicSyncEngine *engine = civic_ui_test_engine ();
  g_autoptr(JsonObject) visit = json_object_new ();
  g_autoptr(JsonObject) rectify = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *id = NULL;
  CivicEvaluation *evaluation;
  GtkWidget *row, *button;

  civic_evaluations_view_show_list (view, CIVIC_EVALUATION_LIST_TO_RECTIFY);
  row = GTK_WIDGET (row_with (list, bad_receipt));
  id = g_strdup (gtk_widget_get_name (row));
  civic_evaluations_view_open (view, id);
  evaluation = civic_evaluation_page_get_evaluation (page);
  g_assert_nonnull (evaluation);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "排队两小时没人管"));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "139****5678"));
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (page), "13912345678"));
  row = civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, _("Rectify By"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "2026-03-27");
  g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                               civic_indicator_get_label (CIVIC_INDICATOR_EFFICIENCY)));

  /* The visit first: it is the suggested step, and the rectification is
   * refused before it */
  {
    g_autofree char *label = g_strdup_printf ("%s…", civic_evaluation_action_get_label (
                                                CIVIC_EVALUATION_ACTION_RECORD_VISIT));
    GtkLabel *found = civic_ui_test_find_label (GTK_WIDGET (page), label);

    g_assert_nonnull (found);
    button = gtk_widget_get_ancestor (GTK_WIDGET (found), GTK_TYPE_BUTTON);
    g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  }
  if (civic_ui_test_screenshots_wanted ())
    {
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "rating-page");
    }
  json_object_set_string_member (rectify, "text", "增开两个窗口，高峰时段安排人员引导。");
  command = civic_sync_engine_perform_action (engine, &civic_evaluation_kind, id,
                                              CIVIC_EVALUATION_ACTION_RECTIFY, rectify, &error);
  g_assert_null (command);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE);
  g_clear_error (&error);

  json_object_set_string_member (visit, "channel", "phone");
  json_object_set_string_member (visit, "satisfaction", "basically-satisfied");
  json_object_set_string_member (visit, "record", "电话回访，群众认可增开窗口。");
  command = civic_sync_engine_perform_action (engine, &civic_evaluation_kind, id,
                                              CIVIC_EVALUATION_ACTION_RECORD_VISIT, visit, &error);
  g_assert_no_error (error);
  g_clear_pointer (&command, g_free);
  command = civic_sync_engine_perform_action (engine, &civic_evaluation_kind, id,
                                              CIVIC_EVALUATION_ACTION_RECTIFY, rectify, &error);
  g_assert_no_error (error);
  civic_ui_test_spin (50);
  civic_evaluation_page_reload (page);
  evaluation = civic_evaluation_page_get_evaluation (page);
  g_assert_cmpint (civic_evaluation_get_state (evaluation), ==, CIVIC_EVALUATION_STATE_RECTIFIED);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "电话回访，群众认可增开窗口。"));

  /* The service has it after a sync */
  {
    g_autofree char *path = g_strconcat ("/api/v1/evaluations/", id, NULL);
    CivicTestService *service = civic_ui_test_service ();
    g_autofree char *token = civic_test_sign_in (service, "handler");
    g_autoptr(JsonNode) node = NULL;
    JsonObject *data;
    guint status;

    civic_ui_test_sync ();
    node = civic_test_request (service, "GET", path, token, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    data = json_object_get_object_member (json_node_get_object (node), "data");
    g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "rectified");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "visits")), ==,
                      1);
  }
  civic_ui_test_spin (50);
  g_assert_cmpuint (civic_evaluations_view_get_n_to_do (view), ==, 0);
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* A rating given at the window's pad: in the offline copy at once,
 * waiting to be sent; the service takes it */
static void
test_record_at_the_window (void)
{
  GtkWidget *window;
  CivicEvaluationsView *view = CIVIC_EVALUATIONS_VIEW (new_view (&window));
  GtkListBox *list = civic_evaluations_view_get_list (view);
  CivicSyncEngine *engine = civic_ui_test_engine ();
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *command = NULL;
  GtkListBoxRow *row;

  json_object_set_string_member (args, "target", "message");
  json_object_set_string_member (args, "target_id", good_message);
  json_object_set_string_member (args, "channel", "on-site");
  json_object_set_int_member (args, "rating", 4);
  json_object_set_int_member (args, "attitude", 5);
  json_object_set_boolean_member (args, "anonymous", TRUE);
  command = civic_sync_engine_perform_action (engine, &civic_evaluation_kind, id,
                                              CIVIC_EVALUATION_ACTION_RATE, args, &error);
  g_assert_no_error (error);
  civic_ui_test_spin (50);
  civic_evaluations_view_show_list (view, CIVIC_EVALUATION_LIST_ALL);
  g_assert_cmpuint (n_rows (list), ==, 3);
  row = NULL;
  for (guint i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i))),
                   id) == 0)
      row = gtk_list_box_get_row_at_index (list, i);
  g_assert_nonnull (row);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row),
                                         civic_evaluation_channel_get_label (
                                           CIVIC_EVALUATION_CHANNEL_ON_SITE)));

  civic_ui_test_sync ();
  {
    g_autofree char *path = g_strconcat ("/api/v1/evaluations/", id, NULL);
    CivicTestService *service = civic_ui_test_service ();
    g_autofree char *token = civic_test_sign_in (service, "handler");
    g_autoptr(JsonNode) node = NULL;
    JsonObject *data;
    guint status;

    node = civic_test_request (service, "GET", path, token, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    data = json_object_get_object_member (json_node_get_object (node), "data");
    g_assert_cmpint (json_object_get_int_member (data, "rating"), ==, 4);
    g_assert_cmpstr (json_object_get_string_member (data, "department_id"), ==, "scjg");
  }
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("handler");

  g_test_add_func ("/evaluations-view/setup", make_ratings);
  g_test_add_func ("/evaluations-view/lists-and-indicators", test_lists_and_indicators);
  g_test_add_func ("/evaluations-view/page-rectified", test_page_rectified);
  g_test_add_func ("/evaluations-view/record-at-the-window", test_record_at_the_window);

  status = civic_ui_test_run ();
  g_free (bad_receipt);
  g_free (good_receipt);
  g_free (elsewhere_receipt);
  g_free (good_message);
  return status;
}
