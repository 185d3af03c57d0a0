/* test-evaluation.c — a citizen's rating (好差评) and what a bad one calls for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under the province's table (data/message-clocks/HN.json: 5 working days
 * to rectify) and the 2026 calendar: a good rating ends where it is given;
 * a bad one is the department's to rectify, counted from the day given
 * across Labour Day, after a return visit when the citizen gave their
 * name; an indicator the channel does not have is refused; an appeal is
 * the department's once, and the hall's dispatcher excludes the rating or
 * keeps it; a rating goes through its wire format and keeps its
 * evaluator sealed.
 */

#include "config.h"

#include <string.h>

#include "civic-core-test.h"
#include "civic-evaluation-kind.h"

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

static CivicEvaluation *
take (CivicEvaluation       *evaluation,
      CivicEvaluationAction  action,
      const CivicActor      *actor,
      const char            *when,
      const char            *args)
{
  g_autoptr(JsonObject) object = args != NULL ? civic_json_parse_object (args, -1, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  GObject *next = civic_evaluation_kind.apply (G_OBJECT (evaluation), action, object,
                                               context_at (actor, when), &error);

  g_assert_no_error (error);
  g_object_unref (evaluation);
  return CIVIC_EVALUATION (next);
}

static void
refused (CivicEvaluation       *evaluation,
         CivicEvaluationAction  action,
         const CivicActor      *actor,
         const char            *when,
         const char            *args,
         int                    code)
{
  g_autoptr(JsonObject) object = args != NULL ? civic_json_parse_object (args, -1, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  GObject *next = civic_evaluation_kind.apply (G_OBJECT (evaluation), action, object,
                                               context_at (actor, when), &error);

  g_assert_null (next);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, code);
  g_test_message ("refused: %s", error->message);
}

static CivicEvaluation *
rated (const char *args)
{
  g_autoptr(GError) error = NULL;
  GObject *blank = civic_evaluation_kind.create ("e-1", CIVIC_EVALUATION_ACTION_RATE,
                                                 context_at (hall, "2026-04-30T16:00:00+08:00"),
                                                 &error);

  g_assert_no_error (error);
  return take (CIVIC_EVALUATION (blank), CIVIC_EVALUATION_ACTION_RATE, hall,
               "2026-04-30T16:00:00+08:00", args);
}

static const char *
summary_says (CivicEvaluation *evaluation,
              const char      *today,
              const char      *member)
{
  static char *value;
  g_autoptr(JsonNode) summary = civic_evaluation_summarize (evaluation, calendar, day (today));

  g_clear_pointer (&value, g_free);
  value = g_strdup (json_object_get_string_member (json_node_get_object (summary), member));
  return value;
}

static void
test_good_rating (void)
{
  CivicEvaluation *evaluation = rated ("{\"target\": \"case\", \"target_id\": \"c-1\","
                                       " \"department_id\": \"scjg\", \"channel\": \"on-site\","
                                       " \"rating\": 5, \"overall\": 5, \"attitude\": 5,"
                                       " \"evaluator_name\": \"王五\", \"phone\": \"13812345678\"}");

  g_assert_cmpint (civic_evaluation_get_state (evaluation), ==, CIVIC_EVALUATION_STATE_RATED);
  g_assert_false (civic_evaluation_is_bad (evaluation));
  g_assert_true (civic_evaluation_is_counted (evaluation));
  g_assert_cmpint (civic_evaluation_get_indicator (evaluation, CIVIC_INDICATOR_ATTITUDE), ==, 5);
  g_assert_null (civic_evaluation_dup_clock (evaluation));
  g_assert_cmpstr (summary_says (evaluation, "2026-05-11", "status"), ==, "none");
  /* Nothing to do with a good one */
  refused (evaluation, CIVIC_EVALUATION_ACTION_RECTIFY, handler, "2026-05-06T10:00:00+08:00",
           "{\"text\": \"x\"}", CIVIC_WORKFLOW_ERROR_STATE);
  g_object_unref (evaluation);
}

static void
test_bad_rating_rectified (void)
{
  CivicEvaluation *evaluation;
  g_autoptr(GError) error = NULL;
  GObject *blank;

  /* What the channel does not have, and a bad one without its reason */
  blank = civic_evaluation_kind.create ("e-2", CIVIC_EVALUATION_ACTION_RATE,
                                        context_at (hall, "2026-04-30T16:00:00+08:00"), &error);
  g_assert_no_error (error);
  refused (CIVIC_EVALUATION (blank), CIVIC_EVALUATION_ACTION_RATE, hall,
           "2026-04-30T16:00:00+08:00",
           "{\"target\": \"message\", \"target_id\": \"m-1\", \"department_id\": \"scjg\","
           " \"channel\": \"on-site\", \"rating\": 2, \"usability\": 1, \"comment\": \"慢\","
           " \"evaluator_name\": \"李四\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (CIVIC_EVALUATION (blank), CIVIC_EVALUATION_ACTION_RATE, hall,
           "2026-04-30T16:00:00+08:00",
           "{\"target\": \"message\", \"target_id\": \"m-1\", \"department_id\": \"scjg\","
           " \"rating\": 1, \"evaluator_name\": \"李四\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  refused (CIVIC_EVALUATION (blank), CIVIC_EVALUATION_ACTION_RATE, hall,
           "2026-04-30T16:00:00+08:00",
           "{\"target\": \"message\", \"target_id\": \"m-1\", \"department_id\": \"scjg\","
           " \"rating\": 6, \"evaluator_name\": \"李四\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT);
  g_object_unref (blank);

  evaluation = rated ("{\"target\": \"message\", \"target_id\": \"m-1\", \"department_id\": \"scjg\","
                      " \"channel\": \"online\", \"rating\": 2, \"overall\": 2, \"efficiency\": 1,"
                      " \"comment\": \"答复敷衍，问题没有解决\", \"evaluator_name\": \"李四\","
                      " \"phone\": \"13812345678\"}");
  g_assert_true (civic_evaluation_is_bad (evaluation));
  g_assert_cmpint (civic_evaluation_get_state (evaluation), ==, CIVIC_EVALUATION_STATE_RECTIFYING);
  /* Given Thu 04-30; Labour Day 05-01 – 05-05, Sat 05-09 worked: 05-06,
   * 07, 08, 09, 11 */
  g_assert_cmpstr (summary_says (evaluation, "2026-05-06", "due"), ==, "2026-05-11");
  g_assert_cmpstr (summary_says (evaluation, "2026-05-12", "status"), ==, "red");

  /* Another department's handler does not act on it; a named citizen is
   * visited before the rectification is recorded */
  refused (evaluation, CIVIC_EVALUATION_ACTION_RECTIFY, other, "2026-05-06T10:00:00+08:00",
           "{\"text\": \"x\"}", CIVIC_WORKFLOW_ERROR_ROLE);
  refused (evaluation, CIVIC_EVALUATION_ACTION_RECTIFY, handler, "2026-05-06T10:00:00+08:00",
           "{\"text\": \"已重新答复\"}", CIVIC_WORKFLOW_ERROR_RULE);
  evaluation = take (evaluation, CIVIC_EVALUATION_ACTION_RECORD_VISIT, handler,
                     "2026-05-06T10:00:00+08:00",
                     "{\"channel\": \"phone\", \"satisfaction\": \"basically-satisfied\","
                     " \"record\": \"电话回访，已重新说明处理情况\"}");
  evaluation = take (evaluation, CIVIC_EVALUATION_ACTION_RECTIFY, handler,
                     "2026-05-07T10:00:00+08:00",
                     "{\"text\": \"约谈承办人，重新核查并答复，群众基本满意\"}");
  g_assert_cmpint (civic_evaluation_get_state (evaluation), ==, CIVIC_EVALUATION_STATE_RECTIFIED);
  assert_day_eq (civic_evaluation_get_rectified_on (evaluation), "2026-05-07");
  g_assert_cmpstr (summary_says (evaluation, "2026-05-20", "status"), ==, "done");
  g_object_unref (evaluation);
}

static void
test_appeal (void)
{
  CivicEvaluation *evaluation = rated ("{\"target\": \"case\", \"target_id\": \"c-9\","
                                       " \"department_id\": \"scjg\", \"channel\": \"on-site\","
                                       " \"rating\": 1, \"comment\": \"乱评\", \"anonymous\": true}");
  CivicEvaluation *second;

  g_assert_null (civic_evaluation_get_evaluator (evaluation)->name);
  /* Anonymous: nobody to visit, and none needed */
  refused (evaluation, CIVIC_EVALUATION_ACTION_RECORD_VISIT, handler,
           "2026-05-06T10:00:00+08:00",
           "{\"channel\": \"phone\", \"satisfaction\": \"satisfied\", \"record\": \"r\"}",
           CIVIC_WORKFLOW_ERROR_RULE);
  evaluation = take (evaluation, CIVIC_EVALUATION_ACTION_APPEAL, head,
                     "2026-05-06T10:00:00+08:00",
                     "{\"reason\": \"评价人当日未到窗口办理业务，系误评\"}");
  g_assert_cmpint (civic_evaluation_get_state (evaluation), ==, CIVIC_EVALUATION_STATE_APPEALED);
  refused (evaluation, CIVIC_EVALUATION_ACTION_DECIDE_APPEAL, head, "2026-05-07T10:00:00+08:00",
           "{\"decision\": \"exclude\", \"text\": \"x\"}", CIVIC_WORKFLOW_ERROR_ROLE);

  second = civic_evaluation_copy (evaluation);
  evaluation = take (evaluation, CIVIC_EVALUATION_ACTION_DECIDE_APPEAL, dispatcher,
                     "2026-05-07T10:00:00+08:00",
                     "{\"decision\": \"exclude\", \"text\": \"经查窗口记录，评价人当日无办件\"}");
  g_assert_cmpint (civic_evaluation_get_state (evaluation), ==, CIVIC_EVALUATION_STATE_EXCLUDED);
  g_assert_false (civic_evaluation_is_counted (evaluation));
  g_assert_cmpstr (summary_says (evaluation, "2026-05-20", "status"), ==, "none");

  /* Kept: rectified after all, and not appealed again */
  second = take (second, CIVIC_EVALUATION_ACTION_DECIDE_APPEAL, dispatcher,
                 "2026-05-07T10:00:00+08:00",
                 "{\"decision\": \"keep\", \"text\": \"评价有事实依据\"}");
  g_assert_cmpint (civic_evaluation_get_state (second), ==, CIVIC_EVALUATION_STATE_RECTIFYING);
  refused (second, CIVIC_EVALUATION_ACTION_APPEAL, head, "2026-05-08T10:00:00+08:00",
           "{\"reason\": \"再次申诉\"}", CIVIC_WORKFLOW_ERROR_RULE);
  second = take (second, CIVIC_EVALUATION_ACTION_RECTIFY, handler, "2026-05-08T10:00:00+08:00",
                 "{\"text\": \"已整改窗口服务流程\"}");
  g_assert_cmpint (civic_evaluation_get_state (second), ==, CIVIC_EVALUATION_STATE_RECTIFIED);
  g_object_unref (second);
  g_object_unref (evaluation);
}

static void
test_wire (void)
{
  CivicEvaluation *evaluation = rated ("{\"target\": \"message\", \"target_id\": \"m-1\","
                                       " \"department_id\": \"scjg\", \"channel\": \"online\","
                                       " \"rating\": 2, \"overall\": 2, \"comment\": \"不满意\","
                                       " \"evaluator_name\": \"李小明\", \"phone\": \"13812345678\"}");
  g_autoptr(JsonNode) node = civic_evaluation_to_json (evaluation);
  g_autoptr(CivicEvaluation) read = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) personal = NULL;
  g_autoptr(JsonNode) feed_node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = civic_json_to_string (node, FALSE);
  g_autofree char *after = NULL;
  g_autofree char *feed = NULL;

  read = civic_evaluation_new_from_json (node, &error);
  g_assert_no_error (error);
  again = civic_evaluation_to_json (read);
  after = civic_json_to_string (again, FALSE);
  g_assert_cmpstr (before, ==, after);

  feed = civic_evaluation_to_feed_json (evaluation, calendar, day ("2026-05-06"));
  g_assert_null (strstr (feed, "李小明"));
  g_assert_null (strstr (feed, "13812345678"));
  g_assert_nonnull (strstr (feed, "\"summary\":{"));
  feed_node = json_from_string (feed, NULL);
  g_clear_object (&read);
  read = civic_evaluation_new_from_json (feed_node, &error);
  g_assert_no_error (error);
  personal = civic_evaluation_dup_personal (evaluation);
  g_assert_true (civic_evaluation_restore_personal (read, personal, &error));
  g_assert_cmpstr (civic_evaluation_get_evaluator (read)->name, ==, "李小明");
  g_assert_true (civic_evaluation_is_personal_argument ("evaluator_name"));

  /* A good rating said to be under rectification is not one */
  {
    g_autoptr(JsonNode) bad = json_from_string (
      "{\"id\": \"e\", \"department_id\": \"scjg\", \"state\": \"rectifying\","
      " \"target\": \"case\", \"target_id\": \"c\", \"channel\": \"online\", \"rating\": 4,"
      " \"evaluator\": {}, \"rated_on\": \"2026-05-06\"}", NULL);
    g_autoptr(CivicEvaluation) none = civic_evaluation_new_from_json (bad, &error);

    g_assert_null (none);
    g_assert_error (error, CIVIC_EVALUATION_ERROR, CIVIC_EVALUATION_ERROR_INVALID);
  }
  g_object_unref (evaluation);
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

  g_test_add_func ("/evaluation/good-rating", test_good_rating);
  g_test_add_func ("/evaluation/bad-rating-rectified", test_bad_rating_rectified);
  g_test_add_func ("/evaluation/appeal", test_appeal);
  g_test_add_func ("/evaluation/wire", test_wire);

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
