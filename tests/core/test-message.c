/* test-message.c — a citizen's message and the commands on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A complaint from the portal to its closing, under the province's
 * table (data/message-clocks/HN.json) and the 2026 calendar: signed for,
 * a reply the lint refuses, one the handler's own reviewer may not pass,
 * one returned and one approved, the return visit, a reopening and its
 * new clock. A report never reaches the department or the official it
 * accuses; a transfer and an objection to the hall; the one extension;
 * anonymity where the region allows it; the record through its wire
 * format with the citizen masked and put back; a record that breaks its
 * own rules refused when read.
 */

#include "config.h"

#include <string.h>

#include "civic-core-test.h"
#include "civic-message-kind.h"

static CivicCalendar *calendar;
static CivicMessageClocks *clocks;

#define SCJG "scjg"
#define ZJJ "zjj"

static CivicActor *hall;
static CivicActor *handler;
static CivicActor *colleague;
static CivicActor *reviewer;
static CivicActor *head;
static CivicActor *other_handler;
static CivicActor *dispatcher;

static CivicActor *
lookup (const char *id,
        gboolean   *disabled,
        gpointer    user_data)
{
  const CivicActor *all[] = { handler, colleague, reviewer, head, other_handler, dispatcher };

  *disabled = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_strcmp0 (all[i]->id, id) == 0)
      return civic_actor_copy (all[i]);
  return NULL;
}

static CivicWorkflowContext *
context_at (const CivicActor *actor,
            const char       *when)
{
  static CivicWorkflowContext context;
  static GDateTime *now;

  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_new_from_iso8601 (when, NULL);
  g_assert_nonnull (now);
  civic_workflow_context_init (&context, calendar, now, actor);
  context.message_clocks = clocks;
  context.lookup_official = lookup;
  return &context;
}

static JsonObject *
args_of (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

/* Applies a command, which must be taken: the message after it */
static CivicMessage *
take (CivicMessage     *message,
      CivicMessageAction action,
      const CivicActor *actor,
      const char       *when,
      const char       *args)
{
  g_autoptr(JsonObject) object = args != NULL ? args_of (args) : NULL;
  g_autoptr(GError) error = NULL;
  GObject *next;

  next = civic_message_kind.apply (G_OBJECT (message), action, object, context_at (actor, when),
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_object_unref (message);
  return CIVIC_MESSAGE (next);
}

/* Applies a command that must be refused, with @code, leaving the message */
static void
refused (CivicMessage       *message,
         CivicMessageAction  action,
         const CivicActor   *actor,
         const char         *when,
         const char         *args,
         int                 code)
{
  g_autoptr(JsonObject) object = args != NULL ? args_of (args) : NULL;
  g_autoptr(GError) error = NULL;
  GObject *next;
  gint64 rev = civic_message_get_rev (message);
  CivicMessageState state = civic_message_get_state (message);

  next = civic_message_kind.apply (G_OBJECT (message), action, object, context_at (actor, when),
                                   &error);
  g_assert_null (next);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpint (civic_message_get_rev (message), ==, rev);
  g_assert_cmpint (civic_message_get_state (message), ==, state);
}

#define COMPLAINT_ARGS \
  "{\"kind\": \"complaint\", \"channel\": \"portal\", \"subject\": \"餐馆无证经营\"," \
  " \"body\": \"岳麓区某巷口的餐馆没有营业执照，油烟扰民。\"," \
  " \"citizen_name\": \"李小明\", \"phone\": \"13812345678\", \"id_number\": \"11010519491231002X\"," \
  " \"location\": \"岳麓区麓山路12号\", \"lat\": 28.18, \"long\": 112.94," \
  " \"department_id\": \"" SCJG "\", \"received_on\": \"2026-09-30\"}"

static CivicMessage *
new_complaint (void)
{
  g_autoptr(GError) error = NULL;
  GObject *blank;

  g_assert_true (civic_message_kind.creates (CIVIC_MESSAGE_ACTION_REGISTER));
  blank = civic_message_kind.create ("m-1", CIVIC_MESSAGE_ACTION_REGISTER,
                                     context_at (hall, "2026-09-30T20:00:00+08:00"), &error);
  g_assert_no_error (error);
  return take (CIVIC_MESSAGE (blank), CIVIC_MESSAGE_ACTION_REGISTER, hall,
               "2026-09-30T20:00:00+08:00", COMPLAINT_ARGS);
}

static char *
summary_member (CivicMessage *message,
                const char   *today,
                const char   *member)
{
  g_autoptr(JsonNode) summary = civic_message_summarize (message, calendar, day (today));
  JsonNode *value = json_object_get_member (json_node_get_object (summary), member);

  if (JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("null");
  if (json_node_get_value_type (value) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  return g_strdup (json_node_get_string (value));
}

#define assert_summary(message, today, member, expected) \
  G_STMT_START { \
    g_autofree char *value_ = summary_member ((message), (today), (member)); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END

static void
test_complaint_to_close (void)
{
  CivicMessage *message = new_complaint ();
  const CivicMessageReply *reply;
  const CivicMessageNote *note;
  const char *refusal = "经查，该餐馆已于2026年3月取得食品经营许可证，对您的投诉不予支持。";
  g_autofree char *full = g_strconcat (refusal, "如对本答复不服，可自收到之日起30日内向湖南省"
                                       "市场监督管理局申请复查。", NULL);
  g_autofree char *reply_args = NULL;

  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_NEW);
  g_assert_cmpstr (civic_message_get_department_id (message), ==, SCJG);
  g_assert_nonnull (civic_message_get_terms (message));
  g_assert_true (civic_message_get_terms (message)->review);
  g_assert_cmpint (civic_message_get_terms (message)->reply.limit, ==, 13);
  g_assert_true (civic_message_get_location (message)->has_position);

  /* Received on the eve of National Day: sign for by Oct 8, reply by Oct 23 */
  assert_summary (message, "2026-10-08", "step", "sign-for");
  assert_summary (message, "2026-10-08", "due", "2026-10-08");
  assert_summary (message, "2026-10-09", "status", "red");
  assert_summary (message, "2026-10-08", "citizen", "李**");

  /* Another department's handler is not the one to sign */
  refused (message, CIVIC_MESSAGE_ACTION_SIGN_FOR, other_handler, "2026-10-08T09:00:00+08:00",
           NULL, CIVIC_WORKFLOW_ERROR_ROLE);
  message = take (message, CIVIC_MESSAGE_ACTION_SIGN_FOR, handler, "2026-10-08T09:00:00+08:00",
                  NULL);
  g_assert_cmpstr (civic_message_get_assignee_id (message), ==, "u-handler");
  assert_day_eq (civic_message_get_signed_for_on (message), "2026-10-08");
  assert_summary (message, "2026-10-08", "step", "reply");
  assert_summary (message, "2026-10-08", "due", "2026-10-23");
  assert_summary (message, "2026-10-08", "remaining", "12");

  message = take (message, CIVIC_MESSAGE_ACTION_NOTE, handler, "2026-10-09T10:00:00+08:00",
                  "{\"text\": \"店主系区人大代表亲属，处理时注意方式方法。\"}");

  /* A "no" to a complaint without the way to a review never goes out;
   * nor does a note's sentence copied into a reply */
  reply_args = g_strdup_printf ("{\"text\": \"%s\"}", refusal);
  refused (message, CIVIC_MESSAGE_ACTION_REPLY, handler, "2026-10-12T10:00:00+08:00", reply_args,
           CIVIC_WORKFLOW_ERROR_RULE);
  refused (message, CIVIC_MESSAGE_ACTION_REPLY, handler, "2026-10-12T10:00:00+08:00",
           "{\"text\": \"   \"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  g_free (reply_args);
  reply_args = g_strdup_printf ("{\"text\": \"%s\"}", full);
  message = take (message, CIVIC_MESSAGE_ACTION_REPLY, handler, "2026-10-12T10:00:00+08:00",
                  reply_args);
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_REPLY_IN_REVIEW);
  g_assert_null (civic_message_get_last_sent_reply (message));
  g_assert_nonnull (civic_message_get_pending_reply (message));

  /* Four eyes: the author does not review; a reviewer returns it with a
   * note that stays internal */
  refused (message, CIVIC_MESSAGE_ACTION_REVIEW_REPLY, handler, "2026-10-12T11:00:00+08:00",
           "{\"decision\": \"approve\"}", CIVIC_WORKFLOW_ERROR_ROLE);
  refused (message, CIVIC_MESSAGE_ACTION_REVIEW_REPLY, reviewer, "2026-10-12T11:00:00+08:00",
           "{\"decision\": \"return\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  message = take (message, CIVIC_MESSAGE_ACTION_REVIEW_REPLY, reviewer,
                  "2026-10-12T11:00:00+08:00",
                  "{\"decision\": \"return\", \"note\": \"写明许可证编号。\"}");
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_IN_PROGRESS);
  g_assert_cmpuint (civic_message_get_notes (message)->len, ==, 2);
  note = g_ptr_array_index (civic_message_get_notes (message), 1);
  g_assert_cmpstr (note->text, ==, "写明许可证编号。");
  reply = g_ptr_array_index (civic_message_get_replies (message), 0);
  g_assert_cmpint (reply->status, ==, CIVIC_MESSAGE_REPLY_RETURNED);
  g_assert_cmpstr (reply->reviewed_by_id, ==, "u-reviewer");

  message = take (message, CIVIC_MESSAGE_ACTION_REPLY, handler, "2026-10-13T10:00:00+08:00",
                  reply_args);
  message = take (message, CIVIC_MESSAGE_ACTION_REVIEW_REPLY, reviewer,
                  "2026-10-13T15:00:00+08:00", "{\"decision\": \"approve\"}");
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_REPLIED);
  reply = civic_message_get_last_sent_reply (message);
  g_assert_nonnull (reply);
  g_assert_cmpuint (reply->number, ==, 2);
  g_assert_cmpstr (reply->text, ==, full);
  assert_day_eq (reply->sent_on, "2026-10-13");
  assert_day_eq (civic_message_get_replied_on (message), "2026-10-13");
  assert_summary (message, "2026-10-20", "status", "done");
  g_assert_false (civic_message_is_open (message));

  /* Closed, visited; reopened, its reply's clock runs again from that day */
  refused (message, CIVIC_MESSAGE_ACTION_RETURN_VISIT, handler, "2026-10-14T10:00:00+08:00",
           "{\"on\": \"2026-10-12\", \"channel\": \"phone\", \"satisfaction\": \"satisfied\","
           " \"record\": \"电话回访\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  message = take (message, CIVIC_MESSAGE_ACTION_CLOSE, handler, "2026-10-14T10:00:00+08:00",
                  "{\"outcome\": \"explained\"}");
  message = take (message, CIVIC_MESSAGE_ACTION_RETURN_VISIT, handler,
                  "2026-10-15T10:00:00+08:00",
                  "{\"channel\": \"phone\", \"satisfaction\": \"unsatisfied\","
                  " \"record\": \"市民认为油烟问题未解决。\"}");
  g_assert_cmpuint (civic_message_get_visits (message)->len, ==, 1);
  message = take (message, CIVIC_MESSAGE_ACTION_REOPEN, handler, "2026-10-16T10:00:00+08:00",
                  "{\"reason\": \"回访不满意：油烟扰民未处理。\"}");
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_REOPENED);
  assert_day_eq (civic_message_get_closed_on (message), "none");
  /* Oct 19–23, 26–30, Nov 2–4 */
  assert_summary (message, "2026-10-16", "due", "2026-11-04");
  assert_summary (message, "2026-10-16", "status", "green");

  g_object_unref (message);
}

/* 信访工作条例 Art. 30: the accused never see a report, nor get it */
static void
test_report_hidden (void)
{
  g_autoptr(CivicMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  CivicWorkflowContext *context;
  GObject *blank;

  context = context_at (hall, "2026-06-01T10:00:00+08:00");
  blank = civic_message_kind.create ("m-report", CIVIC_MESSAGE_ACTION_REGISTER, context, &error);
  g_assert_no_error (error);
  /* Not to the department it accuses */
  refused (CIVIC_MESSAGE (blank), CIVIC_MESSAGE_ACTION_REGISTER, hall,
           "2026-06-01T10:00:00+08:00",
           "{\"kind\": \"report\", \"subject\": \"窗口人员索要好处费\", \"body\": \"……\","
           " \"anonymous\": true, \"department_id\": \"" ZJJ "\","
           " \"accused_department_id\": \"" ZJJ "\"}", CIVIC_WORKFLOW_ERROR_RULE);
  message = take (CIVIC_MESSAGE (blank), CIVIC_MESSAGE_ACTION_REGISTER, hall,
                  "2026-06-01T10:00:00+08:00",
                  "{\"kind\": \"report\", \"subject\": \"窗口人员索要好处费\", \"body\": \"……\","
                  " \"anonymous\": true, \"department_id\": \"" SCJG "\","
                  " \"accused_department_id\": \"" ZJJ "\", \"accused_person_id\": \"u-colleague\"}");
  g_assert_true (civic_message_get_citizen (message)->anonymous);
  g_assert_null (civic_message_get_citizen (message)->name);

  g_assert_true (civic_message_is_hidden_from (message, ZJJ, NULL));
  g_assert_true (civic_message_is_hidden_from (message, SCJG, "u-colleague"));
  g_assert_false (civic_message_is_hidden_from (message, SCJG, "u-handler"));

  /* Every action, as the accused department's handler and as the accused
   * official: "no such message" before any other rule speaks */
  for (guint a = 0; a < CIVIC_N_MESSAGE_ACTIONS; a++)
    {
      g_autoptr(GError) hidden = NULL;

      g_assert_false (civic_message_kind.check (G_OBJECT (message), a,
                                                context_at (other_handler,
                                                            "2026-06-01T11:00:00+08:00"),
                                                &hidden));
      g_assert_error (hidden, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ROLE);
      g_assert_cmpstr (hidden->message, ==, "There is no such message");
      g_clear_error (&hidden);
      g_assert_false (civic_message_kind.check (G_OBJECT (message), a,
                                                context_at (colleague,
                                                            "2026-06-01T11:00:00+08:00"),
                                                &hidden));
      g_assert_cmpstr (hidden->message, ==, "There is no such message");
    }

  message = take (g_steal_pointer (&message), CIVIC_MESSAGE_ACTION_SIGN_FOR, handler,
                  "2026-06-01T11:00:00+08:00", NULL);
  /* Not handed to the accused department, nor to the accused official */
  refused (message, CIVIC_MESSAGE_ACTION_TRANSFER, handler, "2026-06-01T12:00:00+08:00",
           "{\"department_id\": \"" ZJJ "\", \"reason\": \"not-our-remit\"}",
           CIVIC_WORKFLOW_ERROR_RULE);
  refused (message, CIVIC_MESSAGE_ACTION_ASSIGN, handler, "2026-06-01T12:00:00+08:00",
           "{\"assignee\": \"u-colleague\"}", CIVIC_WORKFLOW_ERROR_RULE);
  /* Anonymous: nobody to visit */
  g_assert_true (civic_message_get_terms (message)->anonymous);
}

/* 转办 and 退单: a transfer restarts the signing; an objection within five
 * working days goes to the hall, whose dispatcher decides */
static void
test_transfer_and_send_back (void)
{
  CivicMessage *message = new_complaint ();
  const CivicMessageRoute *route;

  refused (message, CIVIC_MESSAGE_ACTION_TRANSFER, handler, "2026-10-08T09:00:00+08:00",
           "{\"department_id\": \"" SCJG "\", \"reason\": \"not-our-remit\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (message, CIVIC_MESSAGE_ACTION_TRANSFER, handler, "2026-10-08T09:00:00+08:00",
           "{\"department_id\": \"" ZJJ "\", \"reason\": \"other\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT);
  message = take (message, CIVIC_MESSAGE_ACTION_TRANSFER, handler, "2026-10-08T09:00:00+08:00",
                  "{\"department_id\": \"" ZJJ "\", \"reason\": \"not-our-remit\","
                  " \"text\": \"占道经营属城管职责\"}");
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_NEW);
  g_assert_cmpstr (civic_message_get_department_id (message), ==, ZJJ);
  g_assert_null (civic_message_get_assignee_id (message));
  assert_day_eq (civic_message_get_arrived_on (message), "2026-10-08");
  route = g_ptr_array_index (civic_message_get_routes (message), 0);
  g_assert_cmpstr (route->from_department_id, ==, SCJG);
  g_assert_cmpstr (route->to_department_id, ==, ZJJ);
  /* Signing runs from the day it came; the reply, still from receipt
   * (the table says so) */
  assert_summary (message, "2026-10-08", "step", "sign-for");
  assert_summary (message, "2026-10-08", "due", "2026-10-09");

  /* Past five working days (Oct 9, Sat 10 worked, 12–14), the objection
   * is refused */
  refused (message, CIVIC_MESSAGE_ACTION_SEND_BACK, other_handler, "2026-10-15T09:00:00+08:00",
           "{\"reason\": \"not-our-remit\", \"text\": \"非本单位职责\"}",
           CIVIC_WORKFLOW_ERROR_RULE);
  message = take (message, CIVIC_MESSAGE_ACTION_SEND_BACK, other_handler,
                  "2026-10-14T09:00:00+08:00",
                  "{\"reason\": \"other-procedure\", \"text\": \"属食品安全投诉，应由市场监管处理\"}");
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_SENT_BACK);
  /* The citizen's time does not stop for the hall's routing */
  assert_summary (message, "2026-10-14", "step", "reply");
  assert_summary (message, "2026-10-14", "due", "2026-10-23");
  refused (message, CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK, handler, "2026-10-15T10:00:00+08:00",
           "{\"decision\": \"keep\", \"text\": \"x\"}", CIVIC_WORKFLOW_ERROR_ROLE);
  message = take (message, CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK, dispatcher,
                  "2026-10-15T10:00:00+08:00",
                  "{\"decision\": \"route\", \"department_id\": \"" SCJG "\","
                  " \"text\": \"食品经营许可事项属市场监管局\"}");
  g_assert_cmpstr (civic_message_get_department_id (message), ==, SCJG);
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_NEW);
  route = g_ptr_array_index (civic_message_get_routes (message), 1);
  g_assert_true (route->send_back);
  g_assert_cmpint (route->dispute, ==, CIVIC_MESSAGE_DISPUTE_ROUTED);
  g_assert_cmpstr (route->decided_by_id, ==, "u-dispatcher");
  g_object_unref (message);
}

static void
test_extension (void)
{
  CivicMessage *message = new_complaint ();

  message = take (message, CIVIC_MESSAGE_ACTION_SIGN_FOR, handler, "2026-10-08T09:00:00+08:00",
                  NULL);
  refused (message, CIVIC_MESSAGE_ACTION_EXTEND, handler, "2026-10-20T09:00:00+08:00",
           "{\"days\": 5, \"reason\": \"需现场核查\"}", CIVIC_WORKFLOW_ERROR_ROLE);
  refused (message, CIVIC_MESSAGE_ACTION_EXTEND, head, "2026-10-20T09:00:00+08:00",
           "{\"days\": 14, \"reason\": \"需现场核查\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (message, CIVIC_MESSAGE_ACTION_EXTEND, head, "2026-10-26T09:00:00+08:00",
           "{\"days\": 5, \"reason\": \"需现场核查\"}", CIVIC_WORKFLOW_ERROR_RULE);
  message = take (message, CIVIC_MESSAGE_ACTION_EXTEND, head, "2026-10-20T09:00:00+08:00",
                  "{\"days\": 5, \"reason\": \"需现场核查\"}");
  /* Oct 23 + five working days */
  assert_summary (message, "2026-10-20", "due", "2026-10-30");
  refused (message, CIVIC_MESSAGE_ACTION_EXTEND, head, "2026-10-21T09:00:00+08:00",
           "{\"days\": 1, \"reason\": \"再延\"}", CIVIC_WORKFLOW_ERROR_RULE);
  g_object_unref (message);
}

/* Reopened on the day of its reply, a message's reply is due again, and
 * done only by a reply sent after the reopening */
static void
test_reopened_same_day (void)
{
  CivicMessage *message = new_complaint ();
  g_autofree char *reply = g_strdup_printf ("{\"text\": \"%s\"}",
                                            "您反映的问题已责令商户整改，感谢您的监督。");

  message = take (message, CIVIC_MESSAGE_ACTION_SIGN_FOR, handler, "2026-10-08T09:00:00+08:00",
                  NULL);
  message = take (message, CIVIC_MESSAGE_ACTION_REPLY, handler, "2026-10-13T09:00:00+08:00",
                  reply);
  message = take (message, CIVIC_MESSAGE_ACTION_REVIEW_REPLY, reviewer,
                  "2026-10-13T10:00:00+08:00", "{\"decision\": \"approve\"}");
  message = take (message, CIVIC_MESSAGE_ACTION_REOPEN, handler, "2026-10-13T16:00:00+08:00",
                  "{\"reason\": \"市民来电：商户仍在经营\"}");
  assert_summary (message, "2026-10-20", "status", "green");
  assert_summary (message, "2026-12-20", "status", "red");
  message = take (message, CIVIC_MESSAGE_ACTION_REPLY, handler, "2026-10-20T09:00:00+08:00",
                  reply);
  message = take (message, CIVIC_MESSAGE_ACTION_REVIEW_REPLY, reviewer,
                  "2026-10-20T10:00:00+08:00", "{\"decision\": \"approve\"}");
  assert_summary (message, "2026-12-20", "status", "done");
  g_object_unref (message);
}

/* Reports go to a department they do not accuse, whoever takes them in */
static void
test_report_routing (void)
{
  g_autoptr(GError) error = NULL;
  GObject *blank;

  /* A handler of the accused department does not take one in for it */
  blank = civic_message_kind.create ("m-own", CIVIC_MESSAGE_ACTION_REGISTER,
                                     context_at (handler, "2026-06-01T10:00:00+08:00"), &error);
  g_assert_no_error (error);
  refused (CIVIC_MESSAGE (blank), CIVIC_MESSAGE_ACTION_REGISTER, handler,
           "2026-06-01T10:00:00+08:00",
           "{\"kind\": \"report\", \"subject\": \"s\", \"body\": \"b\", \"anonymous\": true,"
           " \"accused_department_id\": \"" SCJG "\"}", CIVIC_WORKFLOW_ERROR_RULE);
  g_object_unref (blank);
  /* The hall names where one goes: never its own dispatch */
  blank = civic_message_kind.create ("m-hall", CIVIC_MESSAGE_ACTION_REGISTER,
                                     context_at (hall, "2026-06-01T10:00:00+08:00"), &error);
  g_assert_no_error (error);
  refused (CIVIC_MESSAGE (blank), CIVIC_MESSAGE_ACTION_REGISTER, hall,
           "2026-06-01T10:00:00+08:00",
           "{\"kind\": \"report\", \"subject\": \"s\", \"body\": \"b\", \"anonymous\": true,"
           " \"accused_department_id\": \"" ZJJ "\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  g_object_unref (blank);
}

/* The hall's decision on an objection stands: no second one */
static void
test_one_objection (void)
{
  CivicMessage *message = new_complaint ();

  message = take (message, CIVIC_MESSAGE_ACTION_SEND_BACK, handler, "2026-10-08T09:00:00+08:00",
                  "{\"reason\": \"not-our-remit\", \"text\": \"非本单位职责\"}");
  message = take (message, CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK, dispatcher,
                  "2026-10-08T11:00:00+08:00",
                  "{\"decision\": \"keep\", \"text\": \"属市场监管职责\"}");
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_NEW);
  refused (message, CIVIC_MESSAGE_ACTION_SEND_BACK, handler, "2026-10-09T09:00:00+08:00",
           "{\"reason\": \"not-our-remit\", \"text\": \"再次申请退回\"}",
           CIVIC_WORKFLOW_ERROR_RULE);
  g_object_unref (message);
}

static void
test_anonymity (void)
{
  g_autoptr(GError) error = NULL;
  GObject *blank;
  CivicMessage *message;

  blank = civic_message_kind.create ("m-anon", CIVIC_MESSAGE_ACTION_REGISTER,
                                     context_at (handler, "2026-06-01T10:00:00+08:00"), &error);
  g_assert_no_error (error);
  /* A complaint needs a name in this region; nameless and unreachable
   * is refused whatever the kind */
  refused (CIVIC_MESSAGE (blank), CIVIC_MESSAGE_ACTION_REGISTER, handler,
           "2026-06-01T10:00:00+08:00",
           "{\"kind\": \"complaint\", \"subject\": \"s\", \"body\": \"b\", \"anonymous\": true}",
           CIVIC_WORKFLOW_ERROR_RULE);
  refused (CIVIC_MESSAGE (blank), CIVIC_MESSAGE_ACTION_REGISTER, handler,
           "2026-06-01T10:00:00+08:00",
           "{\"kind\": \"suggestion\", \"subject\": \"s\", \"body\": \"b\","
           " \"citizen_name\": \"王五\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (CIVIC_MESSAGE (blank), CIVIC_MESSAGE_ACTION_REGISTER, handler,
           "2026-06-01T10:00:00+08:00",
           "{\"kind\": \"idea\", \"subject\": \"s\", \"body\": \"b\", \"anonymous\": true}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (CIVIC_MESSAGE (blank), CIVIC_MESSAGE_ACTION_REGISTER, handler,
           "2026-06-01T10:00:00+08:00",
           "{\"kind\": \"suggestion\", \"subject\": \"s\", \"body\": \"b\", \"anonymous\": true,"
           " \"received_on\": \"2026-06-02\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);

  /* A suggestion may be anonymous; an official registers it for their
   * own department, whatever the arguments say */
  message = take (CIVIC_MESSAGE (blank), CIVIC_MESSAGE_ACTION_REGISTER, handler,
                  "2026-06-01T10:00:00+08:00",
                  "{\"kind\": \"suggestion\", \"channel\": \"letter\", \"subject\": \"增设夜间窗口\","
                  " \"body\": \"建议周三增设夜间办理窗口。\", \"anonymous\": true,"
                  " \"citizen_name\": \"不该留下\", \"department_id\": \"" ZJJ "\"}");
  g_assert_cmpstr (civic_message_get_department_id (message), ==, SCJG);
  g_assert_null (civic_message_get_citizen (message)->name);
  assert_summary (message, "2026-06-01", "citizen", "Anonymous");
  message = take (message, CIVIC_MESSAGE_ACTION_SIGN_FOR, handler, "2026-06-01T11:00:00+08:00",
                  NULL);
  /* Not reviewed: sent at once */
  message = take (message, CIVIC_MESSAGE_ACTION_REPLY, handler, "2026-06-02T11:00:00+08:00",
                  "{\"text\": \"感谢您的建议，我局将于7月起试行周三夜间窗口。\"}");
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_REPLIED);
  refused (message, CIVIC_MESSAGE_ACTION_RETURN_VISIT, handler, "2026-06-03T11:00:00+08:00",
           "{\"channel\": \"phone\", \"satisfaction\": \"satisfied\", \"record\": \"r\"}",
           CIVIC_WORKFLOW_ERROR_RULE);
  g_object_unref (message);
}

/* Through the wire and back; masked for the feed; the sealed part put
 * back only into its own message */
static void
test_wire (void)
{
  CivicMessage *message = new_complaint ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) personal = NULL;
  g_autoptr(CivicMessage) read = NULL;
  g_autoptr(CivicMessage) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) feed_node = NULL;

  message = take (message, CIVIC_MESSAGE_ACTION_SIGN_FOR, handler, "2026-10-08T09:00:00+08:00",
                  NULL);
  message = take (message, CIVIC_MESSAGE_ACTION_NOTE, handler, "2026-10-08T10:00:00+08:00",
                  "{\"text\": \"内部：先电话核实\"}");
  node = civic_message_to_json (message);
  read = civic_message_new_from_json (node, &error);
  g_assert_no_error (error);
  before = civic_json_to_string (node, FALSE);
  {
    g_autoptr(JsonNode) again = civic_message_to_json (read);

    after = civic_json_to_string (again, FALSE);
  }
  g_assert_cmpstr (before, ==, after);

  feed = civic_message_to_feed_json (message, calendar, day ("2026-10-08"));
  g_assert_null (strstr (feed, "李小明"));
  g_assert_null (strstr (feed, "13812345678"));
  g_assert_nonnull (strstr (feed, "138****5678"));
  g_assert_nonnull (strstr (feed, "\"summary\":{"));
  feed_node = json_from_string (feed, NULL);
  g_clear_object (&read);
  read = civic_message_new_from_json (feed_node, &error);
  g_assert_no_error (error);
  g_assert_true (civic_message_get_citizen (read)->masked);

  personal = civic_message_dup_personal (message);
  g_assert_true (civic_message_restore_personal (read, personal, &error));
  g_assert_cmpstr (civic_message_get_citizen (read)->name, ==, "李小明");
  g_assert_cmpstr (civic_message_get_citizen (read)->id_number, ==, "11010519491231002X");
  other = civic_message_new ("m-other", SCJG);
  g_assert_false (civic_message_restore_personal (other, personal, &error));
  g_assert_nonnull (error);

  g_assert_true (civic_message_is_personal_argument ("citizen_name"));
  g_assert_true (civic_message_is_personal_argument ("phone"));
  g_assert_false (civic_message_is_personal_argument ("location"));
  g_object_unref (message);
}

/* A file by its hash and name, added by an official while the message is
 * worked on, once, and kept through the wire format; a photo's address
 * is the web's */
static void
test_files (void)
{
  static const char sha[] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  CivicMessage *message = new_complaint ();
  g_autofree char *args = g_strdup_printf ("{\"sha256\": \"%s\", \"name\": \"来信.pdf\"}", sha);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicMessage) read = NULL;
  g_autoptr(GError) error = NULL;
  const CivicMessageAttachment *file;

  refused (message, CIVIC_MESSAGE_ACTION_ATTACH_FILE, handler, "2026-10-08T09:00:00+08:00",
           "{\"sha256\": \"ABC\", \"name\": \"a.pdf\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (message, CIVIC_MESSAGE_ACTION_ATTACH_FILE, handler, "2026-10-08T09:00:00+08:00",
           "{\"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
           " \"name\": \"../a.pdf\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (message, CIVIC_MESSAGE_ACTION_ATTACH_FILE, reviewer, "2026-10-08T09:00:00+08:00",
           args, CIVIC_WORKFLOW_ERROR_ROLE);
  message = take (message, CIVIC_MESSAGE_ACTION_ATTACH_FILE, handler,
                  "2026-10-08T09:00:00+08:00", args);
  refused (message, CIVIC_MESSAGE_ACTION_ATTACH_FILE, handler, "2026-10-08T09:30:00+08:00",
           args, CIVIC_WORKFLOW_ERROR_RULE);
  file = civic_message_find_attachment (message, sha);
  g_assert_nonnull (file);
  g_assert_cmpstr (file->name, ==, "来信.pdf");
  g_assert_cmpstr (file->added_by_id, ==, "u-handler");
  g_assert_cmpint (file->added_on, ==, day ("2026-10-08"));

  node = civic_message_to_json (message);
  read = civic_message_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (civic_message_get_attachments (read)->len, ==, 1);
  g_assert_cmpstr (civic_message_find_attachment (read, sha)->added_by_name, ==,
                   file->added_by_name);
  g_object_unref (message);

  /* Register: an Open311 photo by its address, never another scheme */
  {
    g_autoptr(GObject) blank = civic_message_kind.create ("m-2", CIVIC_MESSAGE_ACTION_REGISTER,
                                                          context_at (hall,
                                                                      "2026-09-30T20:00:00+08:00"),
                                                          &error);
    g_autoptr(JsonObject) bad = args_of ("{\"kind\": \"consultation\", \"subject\": \"s\","
                                         " \"body\": \"b\", \"anonymous\": true,"
                                         " \"media_url\": \"file:///etc/passwd\"}");
    GObject *next = civic_message_kind.apply (blank, CIVIC_MESSAGE_ACTION_REGISTER, bad,
                                              context_at (hall, "2026-09-30T20:00:00+08:00"),
                                              &error);

    g_assert_null (next);
    g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT);
  }
}

static void
assert_refused_json (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicMessage) message = NULL;

  g_assert_nonnull (node);
  message = civic_message_new_from_json (node, &error);
  g_assert_null (message);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
}

#define BASE "\"id\": \"m\", \"kind\": \"complaint\", \"channel\": \"portal\", \"subject\": \"s\"," \
             " \"body\": \"b\", \"citizen\": {}, \"received_on\": \"2026-01-05\""

static void
test_invalid_records (void)
{
  /* a sent reply without its day; merged into nothing; in review with
   * nothing to review; a position off the globe */
  assert_refused_json ("{" BASE ", \"state\": \"replied\", \"replies\": [{\"number\": 1,"
                       " \"text\": \"t\", \"status\": \"sent\"}]}");
  assert_refused_json ("{" BASE ", \"state\": \"merged\"}");
  assert_refused_json ("{" BASE ", \"state\": \"reply-in-review\"}");
  assert_refused_json ("{" BASE ", \"state\": \"new\", \"location\": {\"lat\": 91, \"long\": 0}}");
  assert_refused_json ("{" BASE ", \"state\": \"new\", \"notes\": [{\"number\": 2, \"text\": \"t\"}]}");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);
  path = g_build_filename (g_getenv ("CIVICDESK_MESSAGE_CLOCKS_DIR"), "HN.json", NULL);
  clocks = civic_message_clocks_new_from_file (path, &error);
  g_assert_no_error (error);

  hall = civic_actor_new ("system", "网上办事大厅", NULL, CIVIC_ROLE_SYSTEM);
  handler = civic_actor_new ("u-handler", "赵处理", SCJG, CIVIC_ROLE_COMPLAINT_HANDLER);
  colleague = civic_actor_new ("u-colleague", "钱同事", SCJG, CIVIC_ROLE_COMPLAINT_HANDLER);
  reviewer = civic_actor_new ("u-reviewer", "孙审核", SCJG, CIVIC_ROLE_MESSAGE_REVIEWER);
  head = civic_actor_new ("u-head", "周局长", SCJG, CIVIC_ROLE_APPROVER);
  other_handler = civic_actor_new ("u-zjj", "吴城管", ZJJ, CIVIC_ROLE_COMPLAINT_HANDLER);
  dispatcher = civic_actor_new ("u-dispatcher", "郑调度", "hall", CIVIC_ROLE_DISPATCHER);

  g_test_add_func ("/message/complaint-to-close", test_complaint_to_close);
  g_test_add_func ("/message/report-hidden", test_report_hidden);
  g_test_add_func ("/message/transfer-and-send-back", test_transfer_and_send_back);
  g_test_add_func ("/message/extension", test_extension);
  g_test_add_func ("/message/anonymity", test_anonymity);
  g_test_add_func ("/message/reopened-same-day", test_reopened_same_day);
  g_test_add_func ("/message/report-routing", test_report_routing);
  g_test_add_func ("/message/one-objection", test_one_objection);
  g_test_add_func ("/message/wire", test_wire);
  g_test_add_func ("/message/files", test_files);
  g_test_add_func ("/message/invalid-records", test_invalid_records);

  result = g_test_run ();
  civic_actor_free (hall);
  civic_actor_free (handler);
  civic_actor_free (colleague);
  civic_actor_free (reviewer);
  civic_actor_free (head);
  civic_actor_free (other_handler);
  civic_actor_free (dispatcher);
  g_object_unref (clocks);
  g_object_unref (calendar);
  return result;
}
