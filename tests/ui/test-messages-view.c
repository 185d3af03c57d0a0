/* test-messages-view.c — the Messages section, a message's page and its composer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed in as the demo department's complaint handler, on a real
 * service, the time pinned to Friday 2026-03-20. Three messages come in
 * on the public side: a complaint and a consultation for the department,
 * and one for another department. To Sign For lists the department's
 * two, the citizen masked, each with its day to sign for; the search
 * finds one by its words. On the page: the message signed for from its
 * suggested button; the time to reply counted under the region's table
 * and explained line by line; a note added in the composer's note part
 * shows in its own tinted card, and the reply part's buffer never holds
 * it; a "no" to a complaint without the way to a review cannot be sent,
 * one with it goes to review, in the offline copy at once and on the
 * service after a sync.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-campaign-kind.h"
#include "civic-message-row.h"
#include "civic-messages-view.h"
#include "civic-json.h"
#include "civic-reply-lint.h"
#include "civic-time.h"
#include "civic-ui-test.h"

static char *complaint_receipt, *consultation_receipt, *elsewhere_receipt;

static char *
submit (const char *body)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (civic_ui_test_service (), "POST", "/public/v1/messages", NULL,
                               body, &status);
  g_assert_cmpuint (status, ==, 201);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "receipt"));
}

static void
make_messages (void)
{
  /* Signing in makes the service */
  civic_ui_test_engine ();
  complaint_receipt = submit ("{\"kind\": \"complaint\", \"subject\": \"餐馆无证经营\","
                              " \"body\": \"岳麓区某巷口的餐馆没有营业执照，油烟扰民。\","
                              " \"name\": \"李小明\", \"phone\": \"13812345678\","
                              " \"location\": \"岳麓区麓山路12号\", \"department\": \"scjg\"}");
  /* The consultation comes with a photo of the licence (a PNG's
   * signature: "iVBORw0KGgo=") */
  consultation_receipt = submit ("{\"kind\": \"consultation\", \"subject\": \"个体户注销要带什么\","
                                 " \"body\": \"请问个体工商户注销需要哪些材料？\","
                                 " \"name\": \"王芳\", \"email\": \"wangfang@example.com\","
                                 " \"department\": \"scjg\", \"attachments\": [{\"name\":"
                                 " \"营业执照.png\", \"media_type\": \"image/png\","
                                 " \"content\": \"iVBORw0KGgo=\"}]}");
  elsewhere_receipt = submit ("{\"kind\": \"suggestion\", \"subject\": \"增设公交站\","
                              " \"body\": \"建议在学校门口增设公交站。\", \"anonymous\": true,"
                              " \"department\": \"zrzyt\"}");
  civic_ui_test_sync ();
  civic_ui_test_spin (50);
}

static GtkWidget *
new_view (GtkWidget **window)
{
  GtkWidget *view = g_object_new (CIVIC_TYPE_MESSAGES_VIEW, NULL);

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  *window = civic_ui_test_window (view, 1100, 900);
  return view;
}

/* A card of the campaign board with @text */
static GtkListBoxRow *
card_with_text (GtkListBox *list,
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

/* The queue's message with @receipt: what its row says, as a screen
 * reader reads it, in @said */
static CivicMessageItem *
item_with_receipt (GListModel  *shown,
                   const char  *receipt,
                   char       **said)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CivicMessageItem) item = g_list_model_get_item (shown, i);

      if (g_strcmp0 (civic_message_get_receipt (civic_message_item_get_message (item)),
                     receipt) == 0)
        {
          if (said != NULL)
            *said = civic_message_item_describe (item, civic_ui_test_calendar (),
                                                 civic_time_today ());
          return item;
        }
    }
  return NULL;
}

static void
test_lists (void)
{
  GtkWidget *window;
  CivicMessagesView *view = CIVIC_MESSAGES_VIEW (new_view (&window));
  GListModel *shown = civic_messages_view_get_shown (view);
  g_autofree char *left = NULL;
  g_autofree char *said = NULL;

  civic_messages_view_show_list (view, CIVIC_MESSAGE_LIST_TO_SIGN);
  /* The department's two; not the other department's */
  g_assert_nonnull (item_with_receipt (shown, complaint_receipt, NULL));
  g_assert_nonnull (item_with_receipt (shown, consultation_receipt, NULL));
  g_assert_null (item_with_receipt (shown, elsewhere_receipt, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  /* The subject, the kind, the citizen masked, never whole; the day to
   * sign for: Mon 03-23, one working day */
  item_with_receipt (shown, complaint_receipt, &said);
  left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                       "%d working days left", 1), 1);
  g_assert_true (g_str_has_prefix (said, "餐馆无证经营"));
  g_assert_nonnull (strstr (said, "李**"));
  g_assert_null (strstr (said, "李小明"));
  g_assert_nonnull (strstr (said, civic_message_kind_get_label (CIVIC_MESSAGE_KIND_COMPLAINT)));
  g_assert_nonnull (strstr (said, left));

  /* The search keeps the messages with the words, or the receipt */
  civic_messages_view_set_search (view, "注销");
  g_assert_nonnull (item_with_receipt (shown, consultation_receipt, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  civic_messages_view_set_search (view, complaint_receipt);
  g_assert_nonnull (item_with_receipt (shown, complaint_receipt, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  civic_messages_view_set_search (view, "");

  /* Nothing is the handler's own yet, nor answered; both wait for them */
  civic_messages_view_show_list (view, CIVIC_MESSAGE_LIST_MINE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  civic_messages_view_show_list (view, CIVIC_MESSAGE_LIST_ANSWERED);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpuint (civic_messages_view_get_n_to_do (view), ==, 2);

  if (civic_ui_test_screenshots_wanted ())
    {
      civic_messages_view_show_list (view, CIVIC_MESSAGE_LIST_TO_SIGN);
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "messages");
    }
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_page_and_composer (void)
{
  GtkWidget *window;
  CivicMessagesView *view = CIVIC_MESSAGES_VIEW (new_view (&window));
  CivicMessagePage *page = civic_messages_view_get_page (view);
  CivicMessageComposer *composer = civic_message_page_get_composer (page);
  GListModel *shown = civic_messages_view_get_shown (view);
  GtkTextBuffer *reply, *note;
  CivicMessage *message;
  CivicMessageItem *item;
  GtkWidget *row;
  g_autoptr(GError) error = NULL;
  g_autofree char *in_reply = NULL;
  g_autofree char *note_heading = NULL;
  const char *refusal = "经查，该餐馆已于2026年3月取得食品经营许可证，对您的投诉不予支持。";
  g_autofree char *whole = g_strconcat (refusal, "如对本答复不服，可自收到之日起30日内向湖南省"
                                        "市场监督管理局申请复查。", NULL);
  GPtrArray *findings;

  civic_messages_view_show_list (view, CIVIC_MESSAGE_LIST_TO_SIGN);
  item = item_with_receipt (shown, complaint_receipt, NULL);
  civic_messages_view_open_message (view, civic_message_get_id (civic_message_item_get_message (item)));
  message = civic_message_page_get_message (page);
  g_assert_nonnull (message);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "岳麓区某巷口的餐馆没有营业执照，油烟扰民。"));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "138****5678"));
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (page), "13812345678"));
  g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                               _("Sign For By")));
  /* Not signed for: nothing to reply yet, a note may be added */
  g_assert_false (civic_message_composer_can_send (composer, CIVIC_COMPOSER_REPLY));

  civic_message_page_start_action (page, CIVIC_MESSAGE_ACTION_SIGN_FOR);
  civic_ui_test_spin (50);
  message = civic_message_page_get_message (page);
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_SIGNED_FOR);

  /* The reply's day under the region's table, explained: 13 working days
   * from Fri 03-20, Qingming (Sat 04-04 – Mon 04-06) left out */
  row = civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, _("Reply By"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "2026-04-09");
  g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP,
                                               _("How the Day Is Counted")));

  /* Two parts, two buffers: a note written in one never shows in the other */
  reply = civic_message_composer_get_buffer (composer, CIVIC_COMPOSER_REPLY);
  note = civic_message_composer_get_buffer (composer, CIVIC_COMPOSER_NOTE);
  g_assert_true (reply != note);
  civic_message_composer_show (composer, CIVIC_COMPOSER_NOTE);
  gtk_text_buffer_set_text (note, "店主系区人大代表亲属，处理时注意方式方法。", -1);
  civic_message_composer_show (composer, CIVIC_COMPOSER_REPLY);
  in_reply = buffer_text (reply);
  g_assert_cmpstr (in_reply, ==, "");
  g_assert_true (civic_message_composer_can_send (composer, CIVIC_COMPOSER_NOTE));
  g_assert_true (civic_message_page_send (page, CIVIC_COMPOSER_NOTE,
                                          "店主系区人大代表亲属，处理时注意方式方法。", &error));
  g_assert_no_error (error);
  civic_ui_test_spin (50);
  message = civic_message_page_get_message (page);
  g_assert_cmpuint (civic_message_get_notes (message)->len, ==, 1);
  g_assert_cmpuint (civic_message_get_replies (message)->len, ==, 0);
  g_free (in_reply);
  in_reply = buffer_text (note);
  g_assert_cmpstr (in_reply, ==, "");
  note_heading = g_strdup (_("Internal note — not shown to the citizen"));
  {
    GtkLabel *label = civic_ui_test_find_label (GTK_WIDGET (page), note_heading);
    GtkWidget *card;

    g_assert_nonnull (label);
    card = gtk_widget_get_parent (GTK_WIDGET (label));
    g_assert_true (gtk_widget_has_css_class (card, "internal-note"));
  }

  /* A template starts the reply, the message's receipt and subject in
   * it; its blanks keep it from going until they are written */
  g_assert_cmpuint (civic_message_composer_get_n_templates (composer), >=, 2);
  civic_message_composer_use_template (composer, 1);
  {
    g_autofree char *started = buffer_text (reply);
    GPtrArray *blanks = civic_message_composer_get_findings (composer);

    g_assert_nonnull (strstr (started, civic_message_get_receipt (message)));
    g_assert_nonnull (strstr (started, "“餐馆无证经营”"));
    g_assert_null (strstr (started, "{{"));
    g_assert_nonnull (strstr (started, "【请填写"));
    g_assert_nonnull (blanks);
    g_assert_cmpint (((CivicReplyFinding *) g_ptr_array_index (blanks, 0))->kind, ==,
                     CIVIC_REPLY_FINDING_BLANK_LEFT);
    g_assert_false (civic_message_composer_can_send (composer, CIVIC_COMPOSER_REPLY));
  }

  /* A "no" to a complaint without its remedy cannot go; with it, it can */
  gtk_text_buffer_set_text (reply, refusal, -1);
  findings = civic_message_composer_get_findings (composer);
  g_assert_nonnull (findings);
  g_assert_cmpuint (findings->len, >=, 1);
  g_assert_cmpint (((CivicReplyFinding *) g_ptr_array_index (findings, 0))->kind, ==,
                   CIVIC_REPLY_FINDING_NO_REMEDY);
  g_assert_false (civic_message_composer_can_send (composer, CIVIC_COMPOSER_REPLY));
  if (civic_ui_test_screenshots_wanted ())
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (page)));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

      civic_ui_test_spin (300);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "message-composer");
    }
  gtk_text_buffer_set_text (reply, whole, -1);
  g_assert_true (civic_message_composer_can_send (composer, CIVIC_COMPOSER_REPLY));

  if (civic_ui_test_screenshots_wanted ())
    {
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "message-page");
    }

  g_assert_true (civic_message_page_send (page, CIVIC_COMPOSER_REPLY, whole, &error));
  g_assert_no_error (error);
  civic_ui_test_spin (50);
  message = civic_message_page_get_message (page);
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_REPLY_IN_REVIEW);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), whole));

  /* The service has it after a sync (which shows the page again) */
  {
    g_autofree char *path = g_strconcat ("/api/v1/messages/", civic_message_get_id (message),
                                         NULL);
    CivicTestService *service = civic_ui_test_service ();
    g_autofree char *token = civic_test_sign_in (service, "handler");
    g_autoptr(JsonNode) node = NULL;
    JsonObject *data;
    guint status;

    civic_ui_test_sync ();
    node = civic_test_request (service, "GET", path, token, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    data = json_object_get_object_member (json_node_get_object (node), "data");
    g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "reply-in-review");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "notes")), ==, 1);
  }
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* The button under @root whose tooltip is @tooltip (its accessible name too) */
static GtkWidget *
button_with_tooltip (GtkWidget  *root,
                     const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;
  static const char png[] = "\x89PNG\r\n\x1a\n";
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                         (const guchar *) png, 8);

  *out = civic_api_client_message_file_finish (CIVIC_API_CLIENT (source), result, sha256,
                                               &error);
  g_assert_no_error (error);
}

/* The consultation's photo is listed with its type and size, to open;
 * a scanned letter added here waits on this computer, then the service
 * has it, its type and size the upload's, added by the handler */
static void
test_files (void)
{
  GtkWidget *window;
  CivicMessagesView *view = CIVIC_MESSAGES_VIEW (new_view (&window));
  CivicMessagePage *page = civic_messages_view_get_page (view);
  GListModel *shown = civic_messages_view_get_shown (view);
  CivicSyncEngine *engine = civic_ui_test_engine ();
  g_autoptr(GBytes) letter = g_bytes_new_static ("%PDF-1.4\n%scan\n", 15);
  g_autoptr(GBytes) fetched = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *open_name = NULL;
  g_autofree char *id = NULL;
  CivicMessageItem *item;
  CivicMessage *message;
  GtkWidget *row, *button;
  const CivicMessageAttachment *photo;

  civic_messages_view_show_list (view, CIVIC_MESSAGE_LIST_TO_SIGN);
  item = item_with_receipt (shown, consultation_receipt, NULL);
  g_assert_nonnull (item);
  id = g_strdup (civic_message_get_id (civic_message_item_get_message (item)));
  civic_messages_view_open_message (view, id);
  message = civic_message_page_get_message (page);
  g_assert_cmpuint (civic_message_get_attachments (message)->len, ==, 1);
  photo = g_ptr_array_index (civic_message_get_attachments (message), 0);
  g_assert_cmpstr (photo->media_type, ==, "image/png");
  g_assert_cmpint (photo->size, ==, 8);

  g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP,
                                               _("Files")));
  row = civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "营业执照.png");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            _("came with the message")));
  open_name = g_strdup_printf (_("Open “%s”"), "营业执照.png");
  button = button_with_tooltip (row, open_name);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* What Open fetches: the citizen's bytes, checked by their hash */
  civic_api_client_message_file_async (civic_sync_engine_get_client (engine), id, photo->sha256,
                                       NULL, fetched_cb, &fetched);
  while (fetched == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_bytes_get_size (fetched), ==, 8);

  /* A letter scanned at the window: on this computer until the sync */
  command = civic_sync_engine_attach_message_file (engine, id, "来信.pdf", "application/pdf",
                                                   letter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  civic_ui_test_spin (50);
  row = civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "来信.pdf");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            _("on this computer until the next sync")));
  if (civic_ui_test_screenshots_wanted ())
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (page)));
      GtkWidget *group = civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP,
                                                    _("What the Citizen Wrote"));
      graphene_point_t top;

      civic_ui_test_spin (300);
      g_assert_true (gtk_widget_compute_point (group, GTK_WIDGET (scrolled),
                                               &GRAPHENE_POINT_INIT (0, 0), &top));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), top.y - 12);
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "message-files");
    }

  civic_ui_test_sync ();
  civic_ui_test_spin (50);
  message = civic_message_page_get_message (page);
  g_assert_cmpuint (civic_message_get_attachments (message)->len, ==, 2);
  {
    const CivicMessageAttachment *scan = g_ptr_array_index (civic_message_get_attachments (message),
                                                            1);

    g_assert_cmpstr (scan->name, ==, "来信.pdf");
    g_assert_cmpstr (scan->media_type, ==, "application/pdf");
    g_assert_cmpint (scan->size, ==, 15);
    g_assert_cmpstr (scan->added_by_id, ==, "u-handler");
  }
  row = civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "来信.pdf");
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                         _("on this computer until the next sync")));

  /* A letter answered: its written reply is among the page's documents */
  {
    CivicTestService *service = civic_ui_test_service ();
    g_autofree char *dispatcher = civic_test_sign_in (service, "dispatcher");
    g_autofree char *handler = civic_test_sign_in (service, "handler");
    g_autofree char *letter_id = g_uuid_string_random ();
    g_autoptr(JsonNode) holder = NULL;
    const CivicCaseDocument *document;

    civic_test_applied (service, dispatcher, "register-message", letter_id,
                        "{\"kind\": \"suggestion\", \"channel\": \"letter\","
                        " \"subject\": \"延长周六办公时间\", \"body\": \"建议周六也开放窗口。\","
                        " \"citizen_name\": \"孙七\", \"address\": \"岳麓区1号\","
                        " \"department_id\": \"scjg\"}", &holder);
    g_clear_pointer (&holder, json_node_unref);
    civic_test_applied (service, handler, "sign-for-message", letter_id, NULL, &holder);
    g_clear_pointer (&holder, json_node_unref);
    civic_test_applied (service, handler, "reply-message", letter_id,
                        "{\"text\": \"感谢您的建议，我局将于4月起试行周六上午办公。\"}", &holder);
    civic_ui_test_sync ();
    civic_messages_view_open_message (view, letter_id);
    message = civic_message_page_get_message (page);
    g_assert_cmpuint (civic_message_get_documents (message)->len, ==, 1);
    document = civic_message_find_reply_document (message, 1);
    g_assert_nonnull (document);
    g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP,
                                                 _("Documents")));
    g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                                 document->title));
  }
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* The department's campaign: prepared here, offline first; published by
 * the head on the service; two ideas from the portal; one scored and
 * shortlisted here. The board has the campaign, its ideas in their
 * columns with the mean score, and a card opens the idea, whose page
 * says where it stands in its campaign and suggests answering it. */
static void
test_campaign_board (void)
{
  GtkWidget *window;
  CivicMessagesView *view = CIVIC_MESSAGES_VIEW (new_view (&window));
  CivicCampaignBoard *board = civic_messages_view_get_board (view);
  CivicMessagePage *page = civic_messages_view_get_page (view);
  CivicSyncEngine *engine = civic_ui_test_engine ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *head = civic_test_sign_in (civic_ui_test_service (), "approver");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *body = NULL;
  g_autofree char *command = NULL;
  g_autofree char *mean = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *received, *shortlisted;
  GtkListBoxRow *card;
  char *idea_id;

  /* Before any: the board says what a campaign is */
  civic_messages_view_show_campaigns (view);
  g_assert_null (civic_campaign_board_get_campaign (board));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (board), _("No Campaigns")));

  args = civic_json_parse_object ("{\"title\": \"“我为政务服务献一策”金点子征集\","
                                  " \"description\": \"您的个人信息和建议内容将严格保密。\","
                                  " \"topics\": [\"办事流程\", \"窗口服务\"],"
                                  " \"channels\": [\"portal\", \"wechat\", \"app\", \"email\","
                                  " \"letter\"], \"opens_on\": \"2026-03-20\","
                                  " \"closes_on\": \"2026-04-30\"}", -1, NULL);
  command = civic_sync_engine_perform_action (engine, &civic_campaign_kind, id,
                                              CIVIC_CAMPAIGN_ACTION_CREATE, args, &error);
  g_assert_no_error (error);
  civic_ui_test_sync ();
  civic_test_applied (civic_ui_test_service (), head, "open-campaign", id, NULL, &holder);
  body = g_strdup_printf ("{\"kind\": \"idea\", \"campaign\": \"%s\", \"subject\": \"午间不打烊\","
                          " \"body\": \"建议大厅午间轮岗。\", \"anonymous\": true}", id);
  first = submit (body);
  g_free (body);
  body = g_strdup_printf ("{\"kind\": \"idea\", \"campaign\": \"%s\", \"subject\": \"证照到期提醒\","
                          " \"body\": \"到期前短信提醒。\", \"name\": \"陈一鸣\","
                          " \"phone\": \"13900001111\"}", id);
  second = submit (body);
  civic_ui_test_sync ();
  civic_ui_test_spin (50);

  g_assert_nonnull (civic_campaign_board_get_campaign (board));
  g_assert_cmpstr (civic_campaign_get_id (civic_campaign_board_get_campaign (board)), ==, id);
  {
    g_autofree char *topics = g_strconcat ("办事流程", _(", "), "窗口服务", NULL);

    g_assert_true (civic_ui_test_has_text (GTK_WIDGET (board), topics));
  }
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (board),
                                         civic_campaign_state_get_label (
                                           CIVIC_CAMPAIGN_STATE_OPEN)));
  received = civic_campaign_board_get_column (board, CIVIC_IDEA_STATUS_RECEIVED);
  shortlisted = civic_campaign_board_get_column (board, CIVIC_IDEA_STATUS_SHORTLISTED);
  g_assert_nonnull (card_with_text (received, _("Not scored yet")));
  g_assert_nonnull (gtk_list_box_get_row_at_index (received, 1));
  g_assert_null (gtk_list_box_get_row_at_index (shortlisted, 0));

  /* Scored and shortlisted here: it moves to its column, with its mean */
  card = gtk_list_box_get_row_at_index (received, 0);
  for (guint i = 0; (card = gtk_list_box_get_row_at_index (received, i)) != NULL; i++)
    if (civic_ui_test_has_text (GTK_WIDGET (card), "证照到期提醒"))
      break;
  g_assert_nonnull (card);
  idea_id = g_strdup (gtk_widget_get_name (GTK_WIDGET (card)));
  {
    g_autoptr(JsonObject) score = civic_json_parse_object ("{\"score\": 8}", -1, NULL);
    g_autofree char *c1 = civic_sync_engine_perform_message (engine, idea_id,
                                                             CIVIC_MESSAGE_ACTION_SIGN_FOR, NULL,
                                                             &error);
    g_autofree char *c2 = NULL;
    g_autofree char *c3 = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (c1);
    c2 = civic_sync_engine_perform_message (engine, idea_id, CIVIC_MESSAGE_ACTION_SCORE_IDEA,
                                            score, &error);
    g_assert_no_error (error);
    c3 = civic_sync_engine_perform_message (engine, idea_id, CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA,
                                            NULL, &error);
    g_assert_no_error (error);
  }
  civic_ui_test_sync ();
  civic_ui_test_spin (50);
  mean = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mean %.1f of 10, %u score",
                                       "Mean %.1f of 10, %u scores", 1), 8.0, 1);
  card = gtk_list_box_get_row_at_index (shortlisted, 0);
  g_assert_nonnull (card);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (card), "证照到期提醒"));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (card), mean));
  g_assert_null (gtk_list_box_get_row_at_index (received, 1));
  /* The proposer is on no card */
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (board), "陈一鸣"));

  if (civic_ui_test_screenshots_wanted ())
    {
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "campaigns");
    }

  /* The card opens the idea; its page says where it stands, and the
   * next step is its answer */
  g_signal_emit_by_name (shortlisted, "row-activated", card);
  g_assert_cmpstr (civic_message_page_get_message_id (page), ==, idea_id);
  g_assert_nonnull (civic_ui_test_find_titled (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP,
                                               _("In Its Campaign")));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), mean));
  {
    g_autofree char *suggested = g_strdup_printf ("%s…", civic_message_action_get_label (
                                                    CIVIC_MESSAGE_ACTION_ANSWER_IDEA));

    g_assert_nonnull (civic_ui_test_find_label (GTK_WIDGET (page), suggested));
  }
  if (civic_ui_test_screenshots_wanted ())
    {
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "idea-page");
    }
  g_free (idea_id);
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("handler");

  g_test_add_func ("/messages-view/setup", make_messages);
  g_test_add_func ("/messages-view/lists", test_lists);
  g_test_add_func ("/messages-view/page-and-composer", test_page_and_composer);
  g_test_add_func ("/messages-view/files", test_files);
  g_test_add_func ("/messages-view/campaign-board", test_campaign_board);

  status = civic_ui_test_run ();
  g_free (complaint_receipt);
  g_free (consultation_receipt);
  g_free (elsewhere_receipt);
  return status;
}
