/* test-request-page.c — requests for information in the Disclosures section, and their page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed in as the demo organ's disclosure editor, on a real service,
 * the time pinned to Friday 2026-03-20. Three requests are registered at
 * the counter: one received Mon 03-16 by a natural person, one received
 * Mon 03-02 by a law firm whose third party was consulted from 03-10 to
 * 03-17, one received Wed 03-18. To Do lists them by the day their reply
 * is due (Art. 33), each with its days left; the page of the consulted one
 * explains its day step by step, the stop included; the reply composer
 * shows the statutory sentence of the outcome chosen as it is chosen; a
 * correction asked for on the page reaches the service; a withdrawn one is
 * closed and counts no days; the head issues the drafted reply from the
 * same page; a request registered through the section's form is born in
 * the outbox and numbered by the service.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-action-dialog.h"
#include "civic-disclosures-view.h"
#include "civic-due-chip.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-ui-test.h"

#include "../civic-test-async.h"

static CivicDay
day_of (const char *text)
{
  CivicDay day = CIVIC_DAY_INVALID;

  g_assert_true (civic_day_parse (text, &day));
  return day;
}

static char *
register_request (const char *received_on,
                  const char *applicant,
                  const char *description)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) args = json_object_new ();

  json_object_set_string_member (args, "channel", "in-person");
  json_object_set_string_member (args, "received_on", received_on);
  json_object_set_string_member (args, "applicant_name", applicant);
  if (g_str_has_suffix (applicant, "律师事务所"))
    {
      json_object_set_string_member (args, "applicant_kind", "legal-service-institution");
      json_object_set_string_member (args, "organisation", applicant);
      json_object_set_string_member (args, "address", "长沙市岳麓区金星中路383号");
    }
  else
    {
      json_object_set_string_member (args, "applicant_kind", "natural-person");
      json_object_set_string_member (args, "id_type", "resident-id");
      json_object_set_string_member (args, "id_number", "11010519491231002X");
      json_object_set_string_member (args, "phone", "13812345678");
    }
  json_object_set_string_member (args, "description", description);
  json_object_set_string_member (args, "delivery_form", "paper");
  json_object_set_string_member (args, "delivery_channel", "collect");
  command = civic_sync_engine_perform_disclosure_request (civic_ui_test_engine (), id,
                                                          CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER,
                                                          args, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&id);
}

static void
perform (const char                   *id,
         CivicDisclosureRequestAction  action,
         const char                   *json)
{
  g_autoptr(JsonObject) args = civic_json_parse_object (json, -1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = civic_sync_engine_perform_disclosure_request (civic_ui_test_engine (),
                                                                           id, action, args,
                                                                           &error);

  g_assert_no_error (error);
}

/* The request as the service has it now */
static JsonObject *
served (const char *id)
{
  CivicTestService *service = civic_ui_test_service ();
  g_autofree char *token = civic_test_sign_in (service, "editor");

  return civic_test_open_record (service, token, "disclosure-requests", id);
}

static GtkWidget *
find_visible (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static char *
days_left (int days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                       "%d working days left", days), days);
}

static char *near_id, *consulted_id, *late_id;

static void
make_requests (void)
{
  near_id = register_request ("2026-03-16", "张三丰",
                              "2025年度城区道路扩建工程的环境影响评价批复文件\n含附件");
  consulted_id = register_request ("2026-03-02", "湖南某某律师事务所",
                                   "某某化工有限公司2025年排污许可证及其执行报告");
  perform (consulted_id, CIVIC_DISCLOSURE_REQUEST_ACTION_START_CONSULTATION,
           "{\"party\": \"某某化工有限公司\", \"consultee\": \"third-party\","
           " \"basis\": \"执行报告载有该公司生产工艺，可能涉及商业秘密\","
           " \"served_on\": \"2026-03-10\"}");
  perform (consulted_id, CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER,
           "{\"consultation\": \"1\", \"answer\": \"objection\", \"answered_on\": \"2026-03-17\","
           " \"note\": \"书面回复不同意公开生产工艺部分\"}");
  late_id = register_request ("2026-03-18", "李四", "本街道2025年老旧小区改造项目的资金拨付明细");
  civic_ui_test_sync ();
  civic_ui_test_spin (50);
}

static GtkWidget *
new_view (GtkWidget **window)
{
  GtkWidget *view = g_object_new (CIVIC_TYPE_DISCLOSURES_VIEW, NULL);

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  *window = civic_ui_test_window (view, 1100, 800);
  return view;
}

/* To Do, by the day the reply is due; each with its receipt, the first
 * line of what it asks, who asks as the annual report counts them, and
 * its days left */
static void
test_lists (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  GtkListBox *list = civic_disclosures_view_get_list (view);
  g_autoptr(CivicDisclosureRequest) near = NULL;
  g_autoptr(CivicDisclosureRequest) consulted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *near_left = NULL;
  g_autofree char *consulted_left = NULL;
  GtkListBoxRow *row;

  near = civic_sync_engine_load_disclosure_request (civic_ui_test_engine (), near_id, &error);
  g_assert_no_error (error);
  consulted = civic_sync_engine_load_disclosure_request (civic_ui_test_engine (), consulted_id,
                                                         &error);
  g_assert_no_error (error);
  g_assert_nonnull (civic_disclosure_request_get_receipt (near));

  civic_disclosures_view_show_requests (view, CIVIC_REQUEST_LIST_TO_DO);
  g_assert_true (civic_disclosures_view_get_showing_requests (view));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 2));
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));

  /* Received Mon 03-02, due 20 working days later, Mon 03-30 — put off
   * by the consultation, which stopped the clock from Tue 03-10 until the
   * answer on Tue 03-17: five working days, so Tue 04-07 (Qingming, Mon
   * 04-06, is a holiday); 11 working days from Fri 03-20 */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, consulted_id);
  g_assert_cmpuint (civic_disclosure_request_get_due_on (consulted), ==, day_of ("2026-04-07"));
  consulted_left = days_left (11);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row), consulted_left));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   civic_disclosure_request_get_receipt (consulted));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row),
                                         civic_disclosure_applicant_kind_get_label (
                                           CIVIC_DISCLOSURE_APPLICANT_LEGAL_SERVICE)));

  /* Received Mon 03-16: due Tue 04-14, 16 working days from today; its
   * first line only, its applicant by kind and never by name */
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, near_id);
  g_assert_cmpuint (civic_disclosure_request_get_due_on (near), ==, day_of ("2026-04-14"));
  near_left = days_left (16);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row), near_left));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   civic_disclosure_request_get_receipt (near));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row), "2025年度城区道路扩建工程的环境影响评价批复文件"));
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (row), "含附件"));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row),
                                         civic_disclosure_applicant_kind_get_label (
                                           CIVIC_DISCLOSURE_APPLICANT_NATURAL_PERSON)));
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (row), "张"));

  row = gtk_list_box_get_row_at_index (list, 2);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, late_id);

  /* The search keeps the requests with the words, or the receipt */
  civic_disclosures_view_set_search (view, "排污许可");
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, consulted_id);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  civic_disclosures_view_set_search (view, civic_disclosure_request_get_receipt (near));
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, near_id);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  civic_disclosures_view_set_search (view, "");

  /* Nothing replied to or closed yet; the disclosures are still there */
  civic_disclosures_view_show_requests (view, CIVIC_REQUEST_LIST_REPLIED);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  civic_disclosures_view_show_requests (view, CIVIC_REQUEST_LIST_CLOSED);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  civic_disclosures_view_show_list (view, CIVIC_DISCLOSURE_LIST_DRAFTS);
  g_assert_false (civic_disclosures_view_get_showing_requests (view));

  /* Ctrl+2 and Ctrl+1 switch the halves, each back on the list it showed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "disclosures.show", "s",
                                             "requests"));
  g_assert_true (civic_disclosures_view_get_showing_requests (view));
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "disclosures.show", "s",
                                             "disclosures"));
  g_assert_false (civic_disclosures_view_get_showing_requests (view));

  /* Three requests wait for the editor */
  g_assert_cmpuint (civic_disclosures_view_get_n_to_do (view), >=, 3);

  if (civic_ui_test_screenshots_wanted ())
    {
      civic_disclosures_view_show_requests (view, CIVIC_REQUEST_LIST_TO_DO);
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "requests");
    }
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* The page: the facts, the applicant masked, the consultation with its
 * answer, and the reply's day explained as the core clock counts it */
static void
test_page (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicRequestPage *page = civic_disclosures_view_get_request_page (view);
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(CivicDisclosureRequestReading) reading = NULL;
  g_autoptr(GError) error = NULL;
  CivicDisclosureRequest *request;
  GtkWidget *trace;
  GtkWidget *row;
  g_autofree char *left = days_left (11);
  g_autofree char *answer = NULL;
  g_autofree char *draft = NULL;
  gboolean stop_shown = FALSE;
  guint n_lines = 0;

  civic_disclosures_view_show_requests (view, CIVIC_REQUEST_LIST_TO_DO);
  civic_disclosures_view_open_request (view, consulted_id);
  request = civic_request_page_get_request (page);
  g_assert_nonnull (request);

  /* Due Tue 04-07, with the explanation a click away */
  row = civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                   _("Reply Due (Art. 33)"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "2026-04-07");
  g_assert_true (civic_ui_test_has_text (row, left));

  /* Every line of the core clock's explanation, in order: the day
   * received, the stop for the consultation, the day due */
  clock = civic_disclosure_request_dup_clock (request, civic_ui_test_calendar (), &error);
  g_assert_no_error (error);
  reading = civic_disclosure_request_clock_read (clock, civic_time_today (), NULL);
  trace = civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP,
                                     _("How the Day Is Counted"));
  g_assert_nonnull (trace);
  for (guint i = 0; i < reading->reply->trace->len; i++)
    {
      const CivicTraceStep *step = g_ptr_array_index (reading->reply->trace, i);

      g_test_message ("trace: %s", step->text);
      g_assert_nonnull (civic_ui_test_find_titled (trace, ADW_TYPE_ACTION_ROW, step->text));
      n_lines++;
      if (step->kind == CIVIC_TRACE_STOPPED)
        {
          g_assert_cmpuint (step->start, ==, day_of ("2026-03-10"));
          g_assert_cmpuint (step->end, ==, day_of ("2026-03-17"));
          g_assert_cmpint (step->days, ==, 5);
          stop_shown = TRUE;
        }
    }
  g_assert_true (stop_shown);
  g_assert_cmpuint (n_lines, >=, 3);

  /* The request, who asks (a firm: its name is not personal), and the
   * consultation with its answer */
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "某某化工有限公司2025年排污许可证及其执行报告"));
  g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                               "1. 某某化工有限公司"));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "湖南某某律师事务所"));
  answer = g_strdup_printf (_("%s, received %s"),
                            civic_disclosure_answer_get_label (CIVIC_DISCLOSURE_ANSWER_OBJECTION),
                            "2026-03-17");
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), answer));
  g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP,
                                               _("History")));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page),
                                         civic_command_past_tense ("start-disclosure-consultation")));

  /* What the editor may do now: draft the reply; nothing of the head's */
  draft = g_strconcat (civic_disclosure_request_action_get_label (
                         CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY), "…", NULL);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), draft));
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (page),
                                          civic_disclosure_request_action_get_label (
                                            CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND)));

  if (civic_ui_test_screenshots_wanted ())
    {
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "request-page");
    }

  /* A natural person's page has their name masked, as the feed gives it */
  civic_disclosures_view_open_request (view, near_id);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "张**"));
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (page), "张三丰"));
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (page), "13812345678"));

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* The composer: each outcome's statutory sentence as it is chosen, the
 * official's words in their place, and the draft sent to the service */
static void
test_reply_composer (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicRequestPage *page = civic_disclosures_view_get_request_page (view);
  CivicReplyComposer *composer;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *reply;
  const char *already_public = _("After a search, the government information you applied for "
                                 "has already been made public by this organ on its own "
                                 "initiative. You can obtain it as follows: %s.");
  g_autofree char *placeholder = NULL;
  g_autofree char *expected = NULL;

  civic_disclosures_view_open_request (view, near_id);
  composer = civic_request_page_compose_reply (page);
  g_assert_nonnull (composer);
  g_object_add_weak_pointer (G_OBJECT (composer), (gpointer *) &composer);
  civic_ui_test_spin (100);
  g_assert_null (civic_reply_composer_get_finding (composer));
  g_assert_false (civic_reply_composer_get_valid (composer));

  /* Disclose (Art. 36(2)) */
  civic_reply_composer_set_outcome (composer, CIVIC_DISCLOSURE_REPLY_DISCLOSE);
  g_assert_cmpstr (civic_reply_composer_get_finding (composer), ==,
                   _("After examination, the government information you applied for can be "
                     "disclosed, and this organ discloses it to you."));
  g_assert_cmpstr (civic_reply_composer_get_basis (composer), ==,
                   _("Regulations on Government Information Disclosure, Art. 36(2)"));
  g_assert_true (civic_reply_composer_get_valid (composer));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (composer),
                                         civic_reply_composer_get_finding (composer)));

  /* Withhold needs its ground; a state secret carries no words of the
   * official's own */
  civic_reply_composer_set_outcome (composer, CIVIC_DISCLOSURE_REPLY_WITHHOLD);
  g_assert_null (civic_reply_composer_get_finding (composer));
  g_assert_false (civic_reply_composer_get_valid (composer));
  civic_reply_composer_set_ground (composer, CIVIC_DISCLOSURE_GROUND_STATE_SECRET);
  g_assert_cmpstr (civic_reply_composer_get_basis (composer), ==,
                   _("Regulations on Government Information Disclosure, Arts. 14 and 36(3)"));
  g_assert_cmpstr (civic_reply_composer_get_finding (composer), ==,
                   _("After examination, the government information you applied for has been "
                     "classified as a state secret according to law, and this organ will not "
                     "disclose it."));
  g_assert_true (civic_reply_composer_get_valid (composer));

  /* Already public (Art. 36(1)): where it is goes into the sentence; until
   * it is written, the sentence says what is to go there */
  civic_reply_composer_set_outcome (composer, CIVIC_DISCLOSURE_REPLY_ALREADY_PUBLIC);
  placeholder = g_strdup_printf (C_("reply placeholder", "[%s]"),
                                 _("Where it was published and how to obtain it"));
  expected = g_strdup_printf (already_public, placeholder);
  g_assert_cmpstr (civic_reply_composer_get_finding (composer), ==, expected);
  g_assert_false (civic_reply_composer_get_valid (composer));
  g_assert_cmpstr (civic_reply_composer_get_refusal (composer), ==,
                   _("Say where the information was published and how to obtain it (Art. 36(1))"));
  civic_reply_composer_set_detail (composer, "在本机关门户网站“政府信息公开”专栏查阅。");
  g_free (expected);
  /* The official's full stop gives way to the sentence's own */
  expected = g_strdup_printf (already_public, "在本机关门户网站“政府信息公开”专栏查阅");
  g_assert_cmpstr (civic_reply_composer_get_finding (composer), ==, expected);
  g_assert_true (civic_reply_composer_get_valid (composer));

  if (civic_ui_test_screenshots_wanted ())
    {
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (GTK_WIDGET (composer), "reply-composer");
    }

  command = civic_reply_composer_apply (composer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  civic_ui_test_spin (100);
  g_assert_null (composer);

  /* The page shows the draft at once, the service has it after a sync */
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "在本机关门户网站“政府信息公开”专栏查阅"));
  civic_ui_test_sync ();
  data = served (near_id);
  reply = json_object_get_object_member (data, "reply");
  g_assert_nonnull (reply);
  g_assert_cmpstr (json_object_get_string_member (reply, "outcome"), ==, "already-public");
  g_assert_cmpstr (json_object_get_string_member (reply, "detail"), ==,
                   "在本机关门户网站“政府信息公开”专栏查阅。");
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "in-progress");

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* A third party objected: the composer asks why withholding would
 * seriously harm the public interest before it lets a disclosure go, and
 * the reasons reach the service with the draft (Art. 32) */
static void
test_over_objection (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicRequestPage *page = civic_disclosures_view_get_request_page (view);
  CivicReplyComposer *composer;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *reply;

  civic_disclosures_view_open_request (view, consulted_id);
  composer = civic_request_page_compose_reply (page);
  g_assert_nonnull (composer);
  g_object_add_weak_pointer (G_OBJECT (composer), (gpointer *) &composer);
  civic_reply_composer_set_outcome (composer, CIVIC_DISCLOSURE_REPLY_WITHHOLD);
  g_assert_false (civic_reply_composer_get_asks_public_interest (composer));
  civic_reply_composer_set_outcome (composer, CIVIC_DISCLOSURE_REPLY_DISCLOSE);
  g_assert_true (civic_reply_composer_get_asks_public_interest (composer));
  g_assert_false (civic_reply_composer_get_valid (composer));
  g_assert_cmpstr (civic_reply_composer_get_refusal (composer), ==,
                   _("A third party consulted objected: to disclose all the same, say why "
                     "withholding it would seriously harm the public interest (Art. 32), and "
                     "the third party is told"));

  civic_reply_composer_set_public_interest (composer, "该企业排污超标，关系周边居民健康");
  g_assert_true (civic_reply_composer_get_valid (composer));
  command = civic_reply_composer_apply (composer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  civic_ui_test_spin (100);
  g_assert_null (composer);

  civic_ui_test_sync ();
  data = served (consulted_id);
  reply = json_object_get_object_member (data, "reply");
  g_assert_cmpstr (json_object_get_string_member (reply, "outcome"), ==, "disclose");
  g_assert_cmpstr (json_object_get_string_member (reply, "public_interest"), ==,
                   "该企业排污超标，关系周边居民健康");

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* An action of the page through its form: a correction asked for
 * (Art. 30) stops the clock here at once, and at the service after a
 * sync */
static void
test_action_reaches_service (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicRequestPage *page = civic_disclosures_view_get_request_page (view);
  g_autoptr(JsonObject) args = civic_json_parse_object (
    "{\"items\": \"请写明所需资金拨付明细的年度和项目名称\", \"period\": 10}", -1, NULL);
  g_autoptr(JsonObject) data = NULL;
  GtkWidget *dialog;

  civic_disclosures_view_open_request (view, late_id);
  civic_request_page_start_action (page, CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION);
  civic_ui_test_spin (100);
  dialog = find_visible (CIVIC_TYPE_ACTION_DIALOG);
  g_assert_nonnull (dialog);
  civic_action_dialog_set_args (CIVIC_ACTION_DIALOG (dialog), args);
  civic_ui_test_spin (300);
  g_assert_null (civic_action_dialog_get_refusal (CIVIC_ACTION_DIALOG (dialog)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_close (GTK_WINDOW (dialog));
  civic_ui_test_spin (200);

  /* In the offline copy at once: awaiting the correction, the clock
   * stopped */
  g_assert_cmpint (civic_disclosure_request_get_state (civic_request_page_get_request (page)), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_CORRECTION_REQUESTED);
  g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP,
                                               _("Correction (Art. 30)")));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "请写明所需资金拨付明细的年度和项目名称"));

  civic_ui_test_sync ();
  data = served (late_id);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "correction-requested");
  g_assert_cmpuint (civic_sync_engine_get_pending (civic_ui_test_engine ()), ==, 0);

  /* Still To Do, waiting for the applicant */
  civic_disclosures_view_show_requests (view, CIVIC_REQUEST_LIST_TO_DO);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (civic_disclosures_view_get_list (view)),
                                         C_("disclosure request", "Awaiting correction")));

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* Withdrawn by the applicant (the editor records it): Closed lists it,
 * and its page owes no reply, so it counts no days */
static void
test_withdrawn (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicRequestPage *page = civic_disclosures_view_get_request_page (view);
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *describe = NULL;
  GtkListBoxRow *row;
  GtkWidget *due;

  perform (late_id, CIVIC_DISCLOSURE_REQUEST_ACTION_WITHDRAW,
           "{\"note\": \"申请人于2026-03-20到窗口书面撤回申请\"}");
  civic_ui_test_spin (50);
  civic_disclosures_view_show_requests (view, CIVIC_REQUEST_LIST_CLOSED);
  row = gtk_list_box_get_row_at_index (civic_disclosures_view_get_list (view), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, late_id);
  g_assert_null (civic_ui_test_find_titled (GTK_WIDGET (row), CIVIC_TYPE_DUE_CHIP, NULL));

  civic_disclosures_view_open_request (view, late_id);
  describe = civic_disclosure_request_kind.describe (G_OBJECT (civic_request_page_get_request (page)));
  due = civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, _("Reply Due (Art. 33)"));
  g_assert_nonnull (due);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (due)), ==, describe);
  g_assert_null (civic_ui_test_find_titled (GTK_WIDGET (page), CIVIC_TYPE_DUE_CHIP, NULL));
  g_assert_null (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP,
                                            _("How the Day Is Counted")));

  civic_ui_test_sync ();
  data = served (late_id);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "withdrawn");
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* Signed in and synced as another official of the organ */
static CivicAccount *
colleague (const char *username)
{
  g_autoptr(GAsyncResult) signed_in = NULL;
  g_autoptr(GAsyncResult) synced = NULL;
  g_autoptr(GError) error = NULL;
  CivicAccount *account = civic_account_new (civic_ui_test_service ()->base_url, username, NULL,
                                             &error);
  CivicSyncEngine *engine;

  g_assert_no_error (error);
  civic_account_set_keep_session (account, FALSE);
  civic_account_sign_in_async (account, "demo-password", NULL, civic_test_got_result, &signed_in);
  g_assert_true (civic_account_sign_in_finish (account, civic_test_await (&signed_in), &error));
  g_assert_no_error (error);
  engine = civic_account_get_engine (account);
  civic_sync_engine_sync_async (engine, NULL, civic_test_got_result, &synced);
  g_assert_true (civic_sync_engine_sync_finish (engine, civic_test_await (&synced), &error));
  g_assert_no_error (error);
  return account;
}

/* The head of the disclosure office sees what is theirs: the drafted
 * reply to issue as the next step, and not the editor's drafting; the
 * reply issued there reaches the service, and the editor finds the
 * request among those replied to */
static void
test_issued_by_the_head (void)
{
  g_autoptr(CivicAccount) head = colleague ("head");
  g_autoptr(GAsyncResult) synced = NULL;
  g_autoptr(JsonObject) args = civic_json_parse_object ("{\"replied_on\": \"2026-03-20\"}", -1,
                                                        NULL);
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GError) error = NULL;
  CivicSyncEngine *engine = civic_account_get_engine (head);
  GtkWidget *page = civic_request_page_new ();
  GtkWidget *window = civic_ui_test_window (page, 900, 800);
  GtkWidget *editor_window;
  CivicDisclosuresView *view;
  g_autofree char *issue = g_strconcat (civic_disclosure_request_action_get_label (
                                          CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY), "…", NULL);
  g_autofree char *draft = g_strconcat (civic_disclosure_request_action_get_label (
                                          CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY), "…", NULL);
  GtkWidget *dialog;
  GtkListBoxRow *row;

  civic_request_page_set_engine (CIVIC_REQUEST_PAGE (page), engine);
  civic_request_page_show_request (CIVIC_REQUEST_PAGE (page), near_id);
  g_assert_nonnull (civic_ui_test_find_titled (page, GTK_TYPE_BUTTON, issue));
  g_assert_false (civic_ui_test_has_text (page, draft));

  civic_request_page_start_action (CIVIC_REQUEST_PAGE (page),
                                   CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY);
  civic_ui_test_spin (100);
  dialog = find_visible (CIVIC_TYPE_ACTION_DIALOG);
  g_assert_nonnull (dialog);
  civic_action_dialog_set_args (CIVIC_ACTION_DIALOG (dialog), args);
  civic_ui_test_spin (300);
  g_assert_null (civic_action_dialog_get_refusal (CIVIC_ACTION_DIALOG (dialog)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_close (GTK_WINDOW (dialog));
  civic_ui_test_spin (200);

  civic_sync_engine_sync_async (engine, NULL, civic_test_got_result, &synced);
  g_assert_true (civic_sync_engine_sync_finish (engine, civic_test_await (&synced), &error));
  g_assert_no_error (error);
  data = served (near_id);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "replied");
  /* The reply the service issued is on the page, numbered, to open */
  civic_request_page_reload (CIVIC_REQUEST_PAGE (page));
  g_assert_nonnull (civic_ui_test_find_titled (page, ADW_TYPE_PREFERENCES_GROUP, _("Documents")));
  g_assert_true (civic_ui_test_has_text (page, "政府信息公开申请答复书"));
  g_assert_true (civic_ui_test_has_text (page, "〔2026〕"));
  civic_ui_test_destroy (window, page);

  /* The editor's lists after their next sync */
  civic_ui_test_sync ();
  view = CIVIC_DISCLOSURES_VIEW (new_view (&editor_window));
  civic_disclosures_view_show_requests (view, CIVIC_REQUEST_LIST_REPLIED);
  row = gtk_list_box_get_row_at_index (civic_disclosures_view_get_list (view), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, near_id);
  g_assert_null (gtk_list_box_get_row_at_index (civic_disclosures_view_get_list (view), 1));
  civic_disclosures_view_show_requests (view, CIVIC_REQUEST_LIST_TO_DO);
  g_assert_null (gtk_list_box_get_row_at_index (civic_disclosures_view_get_list (view), 2));
  civic_ui_test_destroy (editor_window, GTK_WIDGET (view));
}

/* Register Request: a request handed in at the counter, through its
 * form; born in the offline copy and opened at once */
static void
test_register (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicRequestPage *page = civic_disclosures_view_get_request_page (view);
  g_autoptr(JsonObject) args = civic_json_parse_object (
    "{\"channel\": \"post\", \"received_on\": \"2026-03-19\","
    " \"applicant_kind\": \"natural-person\", \"applicant_name\": \"王五\","
    " \"id_type\": \"resident-id\", \"id_number\": \"11010519491231002X\","
    " \"address\": \"长沙市天心区书院路9号\","
    " \"description\": \"2026年第一季度本区食品安全监督抽检结果\","
    " \"delivery_form\": \"electronic\", \"delivery_channel\": \"email\"}", -1, NULL);
  CivicDisclosureRequest *request;
  g_autofree char *id = NULL;
  GtkWidget *dialog;

  civic_disclosures_view_show_requests (view, CIVIC_REQUEST_LIST_TO_DO);
  civic_disclosures_view_register_request (view);
  civic_ui_test_spin (100);
  dialog = find_visible (CIVIC_TYPE_ACTION_DIALOG);
  g_assert_nonnull (dialog);
  civic_action_dialog_set_args (CIVIC_ACTION_DIALOG (dialog), args);
  civic_ui_test_spin (300);
  g_assert_null (civic_action_dialog_get_refusal (CIVIC_ACTION_DIALOG (dialog)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_close (GTK_WINDOW (dialog));
  civic_ui_test_spin (200);

  /* Received Thu 03-19 by post: due 20 working days later, Fri 04-17 */
  request = civic_request_page_get_request (page);
  g_assert_nonnull (request);
  g_assert_cmpstr (civic_disclosure_request_get_description (request), ==,
                   "2026年第一季度本区食品安全监督抽检结果");
  g_assert_cmpuint (civic_disclosure_request_get_due_on (request), ==, day_of ("2026-04-17"));
  g_assert_null (civic_disclosure_request_get_receipt (request));
  g_assert_cmpuint (civic_sync_engine_get_pending (civic_ui_test_engine ()), ==, 1);

  /* The page follows the sync: the service's number, nothing pending */
  id = g_strdup (civic_disclosure_request_get_id (request));
  civic_ui_test_sync ();
  civic_ui_test_spin (50);
  request = civic_request_page_get_request (page);
  g_assert_cmpstr (civic_disclosure_request_get_id (request), ==, id);
  g_assert_nonnull (civic_disclosure_request_get_receipt (request));
  g_assert_cmpuint (civic_sync_engine_get_pending (civic_ui_test_engine ()), ==, 0);

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("editor");

  g_test_add_func ("/request-page/setup", make_requests);
  g_test_add_func ("/request-page/lists", test_lists);
  g_test_add_func ("/request-page/page", test_page);
  g_test_add_func ("/request-page/reply-composer", test_reply_composer);
  g_test_add_func ("/request-page/over-objection", test_over_objection);
  g_test_add_func ("/request-page/action-reaches-service", test_action_reaches_service);
  g_test_add_func ("/request-page/withdrawn", test_withdrawn);
  g_test_add_func ("/request-page/issued-by-the-head", test_issued_by_the_head);
  g_test_add_func ("/request-page/register", test_register);

  status = civic_ui_test_run ();
  g_free (near_id);
  g_free (consulted_id);
  g_free (late_id);
  return status;
}
