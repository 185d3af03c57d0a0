/* test-campaign.c — an idea campaign (金点子征集) and the ideas it takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A department's desk prepares a campaign like the seeds' (2021-07-15 to
 * 2021-09-30, five channels); its head publishes it; it takes ideas on
 * the days of its period through its channels only; the desk stops
 * taking them and the head publishes the results. An idea is scored by
 * each official once (a second score replaces the first), shortlisted
 * once scored, adopted only from the shortlist and declined only with its
 * reason; what it becomes is decided when the answer goes out; the
 * campaign and the idea go through their wire formats.
 */

#include "config.h"

#include <string.h>

#include "civic-campaign-kind.h"
#include "civic-core-test.h"
#include "civic-message-kind.h"

static CivicCalendar *calendar;
static CivicMessageClocks *clocks;
static CivicActor *hall, *handler, *head, *other, *dispatcher;

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
  return &context;
}

static GObject *
take (const CivicEntityKind *kind,
      GObject               *record,
      guint                  action,
      const CivicActor      *actor,
      const char            *when,
      const char            *args)
{
  g_autoptr(JsonObject) object = args != NULL ? civic_json_parse_object (args, -1, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  GObject *next = kind->apply (record, action, object, context_at (actor, when), &error);

  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_object_unref (record);
  return next;
}

static void
refused (const CivicEntityKind *kind,
         GObject               *record,
         guint                  action,
         const CivicActor      *actor,
         const char            *when,
         const char            *args,
         int                    code)
{
  g_autoptr(JsonObject) object = args != NULL ? civic_json_parse_object (args, -1, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  GObject *next = kind->apply (record, action, object, context_at (actor, when), &error);

  g_assert_null (next);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, code);
  g_test_message ("refused: %s", error->message);
}

#define SEEDS_CAMPAIGN \
  "{\"title\": \"“我为政务服务献一策”金点子征集\"," \
  " \"description\": \"征集优化营商环境的意见建议。您的个人信息和建议内容将严格保密。\"," \
  " \"topics\": [\"办事流程\", \"窗口服务\", \" 办事流程 \", \"网上办事\"]," \
  " \"channels\": [\"portal\", \"wechat\", \"app\", \"email\", \"letter\"]," \
  " \"opens_on\": \"2021-07-15\", \"closes_on\": \"2021-09-30\"}"

static CivicCampaign *
prepared (void)
{
  g_autoptr(GError) error = NULL;
  GObject *blank = civic_campaign_kind.create ("k-1", CIVIC_CAMPAIGN_ACTION_CREATE,
                                               context_at (handler, "2021-07-01T09:00:00+08:00"),
                                               &error);

  g_assert_no_error (error);
  return CIVIC_CAMPAIGN (take (&civic_campaign_kind, blank, CIVIC_CAMPAIGN_ACTION_CREATE, handler,
                               "2021-07-01T09:00:00+08:00", SEEDS_CAMPAIGN));
}

static void
test_campaign_lifecycle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicCampaign) read = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *feed = NULL;
  CivicCampaign *campaign = prepared ();
  const char * const *topics = civic_campaign_get_topics (campaign);

  g_assert_cmpint (civic_campaign_get_state (campaign), ==, CIVIC_CAMPAIGN_STATE_DRAFT);
  g_assert_cmpstr (civic_campaign_get_department_id (campaign), ==, "scjg");
  /* Each topic once, trimmed */
  g_assert_cmpuint (g_strv_length ((GStrv) topics), ==, 3);
  g_assert_cmpstr (topics[0], ==, "办事流程");
  g_assert_cmpstr (topics[2], ==, "网上办事");
  g_assert_true (civic_campaign_has_channel (campaign, CIVIC_MESSAGE_CHANNEL_LETTER));
  g_assert_false (civic_campaign_has_channel (campaign, CIVIC_MESSAGE_CHANNEL_HOTLINE));
  channels = civic_campaign_describe_channels (campaign);
  g_assert_cmpstr (channels, ==, "Online Service Hall, WeChat, Mobile App, E-mail, Letter");

  /* A draft takes no ideas */
  g_assert_false (civic_campaign_takes_ideas (campaign, CIVIC_MESSAGE_CHANNEL_PORTAL,
                                              day ("2021-07-20"), &error));
  g_assert_error (error, CIVIC_CAMPAIGN_ERROR, CIVIC_CAMPAIGN_ERROR_INVALID);
  g_clear_error (&error);

  /* Publishing is the head's, not the desk's, nor another department's */
  refused (&civic_campaign_kind, G_OBJECT (campaign), CIVIC_CAMPAIGN_ACTION_OPEN, handler,
           "2021-07-10T09:00:00+08:00", NULL, CIVIC_WORKFLOW_ERROR_ROLE);
  refused (&civic_campaign_kind, G_OBJECT (campaign), CIVIC_CAMPAIGN_ACTION_CLOSE, other,
           "2021-07-10T09:00:00+08:00", NULL, CIVIC_WORKFLOW_ERROR_STATE);
  campaign = CIVIC_CAMPAIGN (take (&civic_campaign_kind, G_OBJECT (campaign),
                                   CIVIC_CAMPAIGN_ACTION_OPEN, head, "2021-07-10T09:00:00+08:00",
                                   NULL));
  g_assert_cmpint (civic_campaign_get_state (campaign), ==, CIVIC_CAMPAIGN_STATE_OPEN);

  /* In its period, through its channels */
  g_assert_true (civic_campaign_takes_ideas (campaign, CIVIC_MESSAGE_CHANNEL_WECHAT,
                                             day ("2021-07-15"), NULL));
  g_assert_true (civic_campaign_takes_ideas (campaign, CIVIC_MESSAGE_CHANNEL_LETTER,
                                             day ("2021-09-30"), NULL));
  g_assert_false (civic_campaign_takes_ideas (campaign, CIVIC_MESSAGE_CHANNEL_PORTAL,
                                              day ("2021-07-14"), NULL));
  g_assert_false (civic_campaign_takes_ideas (campaign, CIVIC_MESSAGE_CHANNEL_PORTAL,
                                              day ("2021-10-01"), NULL));
  g_assert_false (civic_campaign_takes_ideas (campaign, CIVIC_MESSAGE_CHANNEL_HOTLINE,
                                              day ("2021-08-01"), &error));
  g_assert_nonnull (strstr (error->message, "Online Service Hall, WeChat"));
  g_clear_error (&error);

  feed = civic_campaign_to_feed_json (campaign, day ("2021-09-20"));
  g_assert_nonnull (strstr (feed, "\"taking_ideas\":true,\"days_left\":10}"));

  refused (&civic_campaign_kind, G_OBJECT (campaign), CIVIC_CAMPAIGN_ACTION_CONCLUDE, head,
           "2021-10-08T09:00:00+08:00", "{\"summary\": \"x\"}", CIVIC_WORKFLOW_ERROR_STATE);
  refused (&civic_campaign_kind, G_OBJECT (campaign), CIVIC_CAMPAIGN_ACTION_CLOSE, other,
           "2021-10-08T09:00:00+08:00", NULL, CIVIC_WORKFLOW_ERROR_ROLE);
  campaign = CIVIC_CAMPAIGN (take (&civic_campaign_kind, G_OBJECT (campaign),
                                   CIVIC_CAMPAIGN_ACTION_CLOSE, handler,
                                   "2021-10-08T09:00:00+08:00", NULL));
  /* A letter posted in the period is still one of its ideas */
  g_assert_true (civic_campaign_takes_ideas (campaign, CIVIC_MESSAGE_CHANNEL_LETTER,
                                             day ("2021-09-29"), NULL));
  refused (&civic_campaign_kind, G_OBJECT (campaign), CIVIC_CAMPAIGN_ACTION_CONCLUDE, head,
           "2021-10-20T09:00:00+08:00", NULL, CIVIC_WORKFLOW_ERROR_ARGUMENT);
  campaign = CIVIC_CAMPAIGN (take (&civic_campaign_kind, G_OBJECT (campaign),
                                   CIVIC_CAMPAIGN_ACTION_CONCLUDE, head,
                                   "2021-10-20T09:00:00+08:00",
                                   "{\"summary\": \"共收到金点子128条，采纳12条。\"}"));
  g_assert_cmpint (civic_campaign_get_state (campaign), ==, CIVIC_CAMPAIGN_STATE_CONCLUDED);
  g_assert_cmpint (civic_campaign_get_concluded_on (campaign), ==, day ("2021-10-20"));
  g_assert_false (civic_campaign_takes_ideas (campaign, CIVIC_MESSAGE_CHANNEL_LETTER,
                                              day ("2021-09-29"), NULL));

  /* Through the wire and back */
  node = civic_campaign_to_json (campaign);
  read = civic_campaign_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_campaign_get_summary (read), ==, "共收到金点子128条，采纳12条。");
  g_assert_true (civic_campaign_has_channel (read, CIVIC_MESSAGE_CHANNEL_APP));
  g_assert_cmpint (civic_campaign_get_closes_on (read), ==, day ("2021-09-30"));
  g_object_unref (campaign);
}

static void
test_campaign_refusals (void)
{
  g_autoptr(GError) error = NULL;
  GObject *blank = civic_campaign_kind.create ("k-2", CIVIC_CAMPAIGN_ACTION_CREATE,
                                               context_at (handler, "2021-07-01T09:00:00+08:00"),
                                               &error);
  CivicCampaign *campaign;

  g_assert_no_error (error);
  /* Backwards, in the past, without topics or channels, a channel unknown */
  refused (&civic_campaign_kind, blank, CIVIC_CAMPAIGN_ACTION_CREATE, handler,
           "2021-07-01T09:00:00+08:00",
           "{\"title\": \"t\", \"description\": \"d\", \"topics\": [\"a\"],"
           " \"channels\": [\"portal\"], \"opens_on\": \"2021-09-30\", \"closes_on\": \"2021-07-15\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (&civic_campaign_kind, blank, CIVIC_CAMPAIGN_ACTION_CREATE, handler,
           "2021-12-01T09:00:00+08:00", SEEDS_CAMPAIGN, CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (&civic_campaign_kind, blank, CIVIC_CAMPAIGN_ACTION_CREATE, handler,
           "2021-07-01T09:00:00+08:00",
           "{\"title\": \"t\", \"description\": \"d\", \"topics\": [\" \"],"
           " \"channels\": [\"portal\"], \"opens_on\": \"2021-07-15\", \"closes_on\": \"2021-09-30\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (&civic_campaign_kind, blank, CIVIC_CAMPAIGN_ACTION_CREATE, handler,
           "2021-07-01T09:00:00+08:00",
           "{\"title\": \"t\", \"description\": \"d\", \"topics\": [\"a\"],"
           " \"channels\": [\"fax\"], \"opens_on\": \"2021-07-15\", \"closes_on\": \"2021-09-30\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (&civic_campaign_kind, blank, CIVIC_CAMPAIGN_ACTION_CREATE, handler,
           "2021-07-01T09:00:00+08:00",
           "{\"title\": \"t\", \"description\": \"d\", \"topics\": [\"a\"],"
           " \"channels\": [], \"opens_on\": \"2021-07-15\", \"closes_on\": \"2021-09-30\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT);
  g_object_unref (blank);

  /* Published after its period ended: never */
  campaign = prepared ();
  refused (&civic_campaign_kind, G_OBJECT (campaign), CIVIC_CAMPAIGN_ACTION_OPEN, head,
           "2021-10-01T09:00:00+08:00", NULL, CIVIC_WORKFLOW_ERROR_RULE);
  g_object_unref (campaign);
}

/* An idea, registered for the campaign and signed for by the desk */
static CivicMessage *
idea (const char *id)
{
  g_autoptr(GError) error = NULL;
  GObject *blank = civic_message_kind.create (id, CIVIC_MESSAGE_ACTION_REGISTER,
                                              context_at (hall, "2021-08-02T10:00:00+08:00"),
                                              &error);
  GObject *message;

  g_assert_no_error (error);
  message = take (&civic_message_kind, blank, CIVIC_MESSAGE_ACTION_REGISTER, hall,
                  "2021-08-02T10:00:00+08:00",
                  "{\"kind\": \"idea\", \"channel\": \"wechat\", \"subject\": \"窗口延时服务\","
                  " \"body\": \"建议政务大厅午间不休息，方便上班族办事。\","
                  " \"citizen_name\": \"陈一\", \"phone\": \"13900001111\","
                  " \"department_id\": \"scjg\", \"campaign_id\": \"k-1\"}");
  return CIVIC_MESSAGE (take (&civic_message_kind, message, CIVIC_MESSAGE_ACTION_SIGN_FOR,
                              handler, "2021-08-02T11:00:00+08:00", NULL));
}

static void
test_idea_judged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicMessage) read = NULL;
  CivicMessage *message = idea ("m-idea-1");
  GPtrArray *replies;

  g_assert_cmpint (civic_message_get_idea_status (message), ==, CIVIC_IDEA_STATUS_RECEIVED);
  /* Answered by its decision alone, and kept by its campaign's department */
  refused (&civic_message_kind, G_OBJECT (message), CIVIC_MESSAGE_ACTION_REPLY, handler,
           "2021-10-09T09:00:00+08:00", "{\"text\": \"收到，谢谢。\"}", CIVIC_WORKFLOW_ERROR_RULE);
  refused (&civic_message_kind, G_OBJECT (message), CIVIC_MESSAGE_ACTION_TRANSFER, handler,
           "2021-10-09T09:00:00+08:00",
           "{\"department_id\": \"zjj\", \"reason\": \"not-our-remit\"}",
           CIVIC_WORKFLOW_ERROR_RULE);
  /* Scored before it is shortlisted; adopted only from the shortlist */
  refused (&civic_message_kind, G_OBJECT (message), CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA, handler,
           "2021-10-09T09:00:00+08:00", NULL, CIVIC_WORKFLOW_ERROR_RULE);
  refused (&civic_message_kind, G_OBJECT (message), CIVIC_MESSAGE_ACTION_SCORE_IDEA, handler,
           "2021-10-09T09:00:00+08:00", "{\"score\": 11}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  message = CIVIC_MESSAGE (take (&civic_message_kind, G_OBJECT (message),
                                 CIVIC_MESSAGE_ACTION_SCORE_IDEA, handler,
                                 "2021-10-09T09:00:00+08:00", "{\"score\": 6}"));
  message = CIVIC_MESSAGE (take (&civic_message_kind, G_OBJECT (message),
                                 CIVIC_MESSAGE_ACTION_SCORE_IDEA, head,
                                 "2021-10-09T10:00:00+08:00", "{\"score\": 9}"));
  /* A second score of the handler's replaces the first */
  message = CIVIC_MESSAGE (take (&civic_message_kind, G_OBJECT (message),
                                 CIVIC_MESSAGE_ACTION_SCORE_IDEA, handler,
                                 "2021-10-10T09:00:00+08:00", "{\"score\": 8}"));
  g_assert_cmpuint (civic_message_get_idea_scores (message)->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (civic_message_get_idea_mean (message), 8.5, 1e-9);
  refused (&civic_message_kind, G_OBJECT (message), CIVIC_MESSAGE_ACTION_ANSWER_IDEA, handler,
           "2021-10-10T09:00:00+08:00",
           "{\"decision\": \"adopt\", \"text\": \"您的建议已被采纳。\"}", CIVIC_WORKFLOW_ERROR_RULE);
  /* Another department's official scores nothing of it */
  refused (&civic_message_kind, G_OBJECT (message), CIVIC_MESSAGE_ACTION_SCORE_IDEA, other,
           "2021-10-10T09:00:00+08:00", "{\"score\": 1}", CIVIC_WORKFLOW_ERROR_ROLE);

  message = CIVIC_MESSAGE (take (&civic_message_kind, G_OBJECT (message),
                                 CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA, head,
                                 "2021-10-11T09:00:00+08:00", NULL));
  g_assert_cmpint (civic_message_get_idea_status (message), ==, CIVIC_IDEA_STATUS_SHORTLISTED);
  refused (&civic_message_kind, G_OBJECT (message), CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA, head,
           "2021-10-11T09:00:00+08:00", NULL, CIVIC_WORKFLOW_ERROR_STATE);
  message = CIVIC_MESSAGE (take (&civic_message_kind, G_OBJECT (message),
                                 CIVIC_MESSAGE_ACTION_ANSWER_IDEA, handler,
                                 "2021-10-12T09:00:00+08:00",
                                 "{\"decision\": \"adopt\", \"text\": \"您的建议已被采纳，政务大厅自"
                                 "11月起实行午间不间断服务。感谢您的参与。\"}"));
  /* Ideas are not reviewed in the province's table: it went out */
  g_assert_cmpint (civic_message_get_state (message), ==, CIVIC_MESSAGE_STATE_REPLIED);
  g_assert_cmpint (civic_message_get_idea_status (message), ==, CIVIC_IDEA_STATUS_ADOPTED);
  replies = civic_message_get_replies (message);
  g_assert_cmpuint (replies->len, ==, 1);
  g_assert_cmpint (((CivicMessageReply *) g_ptr_array_index (replies, 0))->decides, ==,
                   CIVIC_IDEA_STATUS_ADOPTED);
  refused (&civic_message_kind, G_OBJECT (message), CIVIC_MESSAGE_ACTION_SCORE_IDEA, head,
           "2021-10-12T10:00:00+08:00", "{\"score\": 1}", CIVIC_WORKFLOW_ERROR_STATE);

  node = civic_message_to_json (message);
  read = civic_message_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (civic_message_get_idea_status (read), ==, CIVIC_IDEA_STATUS_ADOPTED);
  g_assert_cmpuint (civic_message_get_idea_scores (read)->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (civic_message_get_idea_mean (read), 8.5, 1e-9);
  g_object_unref (message);
}

static void
test_idea_declined (void)
{
  CivicMessage *message = idea ("m-idea-2");

  /* A "no" without its reason never goes out */
  refused (&civic_message_kind, G_OBJECT (message), CIVIC_MESSAGE_ACTION_ANSWER_IDEA, handler,
           "2021-10-12T09:00:00+08:00", "{\"decision\": \"decline\", \"text\": \"不予采纳。\"}",
           CIVIC_WORKFLOW_ERROR_RULE);
  refused (&civic_message_kind, G_OBJECT (message), CIVIC_MESSAGE_ACTION_ANSWER_IDEA, handler,
           "2021-10-12T09:00:00+08:00", "{\"decision\": \"maybe\", \"text\": \"x\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT);
  message = CIVIC_MESSAGE (take (&civic_message_kind, G_OBJECT (message),
                                 CIVIC_MESSAGE_ACTION_ANSWER_IDEA, handler,
                                 "2021-10-12T09:00:00+08:00",
                                 "{\"decision\": \"decline\", \"text\": \"感谢您的建议。因为午间"
                                 "窗口已实行轮岗值守，该建议暂不采纳。\"}"));
  g_assert_cmpint (civic_message_get_idea_status (message), ==, CIVIC_IDEA_STATUS_DECLINED);
  g_object_unref (message);

  /* Only an idea is judged */
  {
    g_autoptr(GError) error = NULL;
    GObject *blank = civic_message_kind.create ("m-s", CIVIC_MESSAGE_ACTION_REGISTER,
                                                context_at (hall, "2021-08-02T10:00:00+08:00"),
                                                &error);
    GObject *suggestion = take (&civic_message_kind, blank, CIVIC_MESSAGE_ACTION_REGISTER, hall,
                                "2021-08-02T10:00:00+08:00",
                                "{\"kind\": \"suggestion\", \"channel\": \"portal\","
                                " \"subject\": \"s\", \"body\": \"b\", \"anonymous\": true,"
                                " \"department_id\": \"scjg\"}");

    refused (&civic_message_kind, suggestion, CIVIC_MESSAGE_ACTION_SCORE_IDEA, handler,
             "2021-08-03T10:00:00+08:00", "{\"score\": 5}", CIVIC_WORKFLOW_ERROR_RULE);
    g_object_unref (suggestion);
  }
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
  handler = civic_actor_new ("u-handler", "赵处理", "scjg", CIVIC_ROLE_COMPLAINT_HANDLER);
  head = civic_actor_new ("u-head", "周局长", "scjg", CIVIC_ROLE_APPROVER);
  other = civic_actor_new ("u-zjj", "吴城管", "zjj", CIVIC_ROLE_COMPLAINT_HANDLER);
  dispatcher = civic_actor_new ("u-dispatcher", "郑调度", "zwfwj", CIVIC_ROLE_DISPATCHER);

  g_test_add_func ("/campaign/lifecycle", test_campaign_lifecycle);
  g_test_add_func ("/campaign/refusals", test_campaign_refusals);
  g_test_add_func ("/campaign/idea-judged", test_idea_judged);
  g_test_add_func ("/campaign/idea-declined", test_idea_declined);

  result = g_test_run ();
  civic_actor_free (hall);
  civic_actor_free (handler);
  civic_actor_free (head);
  civic_actor_free (other);
  civic_actor_free (dispatcher);
  g_object_unref (clocks);
  g_object_unref (calendar);
  return result;
}
