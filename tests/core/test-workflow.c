/* test-workflow.c — the licensing case, transition by transition
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"
#include "civic-core-test.h"

static CivicCalendar *calendar;

static CivicActor *clerk, *examiner, *examiner2, *approver, *officer, *supervisor, *admin,
                  *service, *health_examiner;

/* The users directory of these tests: every actor above, and a disabled
 * examiner. */
static CivicActor *
lookup_official (const char *id,
                 gboolean   *disabled,
                 gpointer    user_data)
{
  CivicActor *everyone[] = { clerk, examiner, examiner2, approver, officer, supervisor, admin,
                             health_examiner };

  *disabled = g_str_equal (id, "u-retired");
  if (*disabled)
    return civic_actor_new ("u-retired", "钱退", "dept-market", CIVIC_ROLE_EXAMINER);

  for (guint i = 0; i < G_N_ELEMENTS (everyone); i++)
    if (g_str_equal (everyone[i]->id, id))
      return civic_actor_copy (everyone[i]);
  return NULL;
}

static void
context_init (CivicWorkflowContext *context,
              GDateTime            *now,
              CivicActor           *actor)
{
  civic_workflow_context_init (context, calendar, now, actor);
  context->lookup_official = lookup_official;
}

static CivicCase *
new_case (gboolean with_missing_material)
{
  g_autoptr(GDateTime) received = civic_time_parse ("2026-03-02T10:00:00+08:00");
  CivicApplicant applicant = {
    CIVIC_APPLICANT_PERSON, (char *) "张三丰", (char *) "11010519491231002X",
    (char *) "13812345678", (char *) "湖南省长沙市岳麓区麓山南路1号", NULL, FALSE
  };
  CivicCase *kase = civic_case_new ("case-1", "湘市监许〔2026〕0001号", received);

  civic_case_set_item (kase, "430000-FOOD-001", "食品经营许可", CIVIC_ITEM_KIND_LICENSING,
                       20, 10, CIVIC_TRACK_ORDINARY, FALSE, "《中华人民共和国食品安全法》第三十五条");
  civic_case_set_department (kase, "dept-market", "湖南省市场监督管理局");
  civic_case_set_channel (kase, CIVIC_CHANNEL_ONLINE);
  civic_case_set_applicant (kase, &applicant);
  civic_case_add_material (kase, "m1", "食品经营许可申请书", TRUE, TRUE);
  civic_case_add_material (kase, "m2", "营业执照复印件", TRUE, !with_missing_material);
  civic_case_add_material (kase, "m3", "食品安全管理制度文本", TRUE, TRUE);
  civic_case_add_material (kase, "m4", "其他说明材料", FALSE, FALSE);
  civic_case_start (kase, calendar);
  return kase;
}

static CivicCase *
act (CivicCase   *kase,
     CivicActor  *actor,
     const char  *date,
     CivicAction  action,
     const char  *args,
     GError     **error)
{
  g_autofree char *instant = g_strdup_printf ("%sT10:00:00+08:00", date);
  g_autoptr(GDateTime) now = civic_time_parse (instant);
  g_autoptr(JsonObject) object = NULL;
  CivicWorkflowContext context;

  if (args != NULL)
    {
      object = civic_json_parse_object (args, -1, error);
      g_assert_nonnull (object);
    }

  context_init (&context, now, actor);
  context.command_id = "cmd";
  return civic_workflow_apply (kase, action, object, &context, error);
}

/* Applies and replaces *kase, asserting success. */
static void
step (CivicCase   **kase,
      CivicActor   *actor,
      const char   *date,
      CivicAction   action,
      const char   *args)
{
  g_autoptr(GError) error = NULL;
  CivicCase *next = act (*kase, actor, date, action, args, &error);

  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_object_unref (*kase);
  *kase = next;
}

/* Asserts a refusal, its kind and the start of its message, and that the
 * case is left exactly as it was. */
static void
refused (CivicCase          *kase,
         CivicActor         *actor,
         const char         *date,
         CivicAction         action,
         const char         *args,
         CivicWorkflowError  code,
         const char         *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = civic_case_to_json (kase);
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *before_text = civic_json_to_string (before, FALSE);
  g_autofree char *after_text = NULL;
  CivicCase *next = act (kase, actor, date, action, args, &error);

  g_assert_null (next);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, message))
    g_error ("expected “%s…”, got “%s”", message, error->message);

  after = civic_case_to_json (kase);
  after_text = civic_json_to_string (after, FALSE);
  g_assert_cmpstr (before_text, ==, after_text);
}

static CivicClockReading *
read_clock (CivicClock *clock,
            const char *date)
{
  g_assert_nonnull (clock);
  return civic_clock_read (clock, calendar, day (date), NULL);
}

static const char *
last_event_type (CivicCase *kase)
{
  GPtrArray *events = civic_case_get_events (kase);

  return ((CivicCaseEvent *) g_ptr_array_index (events, events->len - 1))->type;
}

static void
test_lifecycle_approve (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);
  GPtrArray *events;

  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_SUBMITTED);
  g_assert_cmpint (civic_case_get_queue (kase), ==, CIVIC_QUEUE_CLERK);

  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_START_PRE_REVIEW, NULL);
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_PRE_REVIEW);
  g_assert_cmpstr (civic_case_get_assignee_id (kase), ==, "u-clerk");

  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_UNDER_REVIEW);
  g_assert_cmpint (civic_case_get_queue (kase), ==, CIVIC_QUEUE_EXAMINER);
  g_assert_null (civic_case_get_assignee_id (kase));
  assert_day_eq (civic_case_get_accepted_on (kase), "2026-03-04");
  g_assert_false (civic_case_get_deemed_accepted (kase));
  g_assert_true (civic_clock_is_completed (civic_case_get_correction_clock (kase)));

  {
    g_autoptr(CivicClockReading) statutory = read_clock (civic_case_get_statutory_clock (kase),
                                                         "2026-03-04");
    g_autoptr(CivicClockReading) promised = read_clock (civic_case_get_promised_clock (kase),
                                                        "2026-03-04");

    assert_day_eq (statutory->due, "2026-04-01");
    assert_day_eq (promised->due, "2026-03-18");
    g_assert_true (civic_case_get_governing_clock (kase) == civic_case_get_promised_clock (kase));
  }

  step (&kase, examiner, "2026-03-05", CIVIC_ACTION_CLAIM, NULL);
  g_assert_cmpstr (civic_case_get_assignee_name (kase), ==, "李明");

  step (&kase, examiner, "2026-03-06", CIVIC_ACTION_VERIFY,
        "{\"verifiers\": [\"u-examiner\", \"u-examiner2\"], \"note\": \"现场核查经营场所，符合要求\"}");
  step (&kase, examiner, "2026-03-10", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"approve\", \"text\": \"材料齐全，符合法定条件，拟准予许可\"}");
  g_assert_cmpint (civic_case_get_queue (kase), ==, CIVIC_QUEUE_APPROVER);
  g_assert_null (civic_case_get_assignee_id (kase));

  step (&kase, approver, "2026-03-18", CIVIC_ACTION_DECIDE,
        "{\"result\": \"approve\", \"number\": \"JY14301000012345\"}");
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_APPROVED);
  g_assert_cmpint (civic_case_get_queue (kase), ==, CIVIC_QUEUE_CLERK);
  g_assert_cmpstr (civic_case_get_decision (kase)->by_name, ==, "陈静");
  g_assert_null (civic_workflow_remedies_notice (kase));

  {
    g_autoptr(CivicClockReading) promised = read_clock (civic_case_get_promised_clock (kase),
                                                        "2026-03-20");
    g_autoptr(CivicClockReading) delivery = read_clock (civic_case_get_delivery_clock (kase),
                                                        "2026-03-18");

    /* Decided on the promised due date: done, on time. */
    g_assert_cmpint (promised->status, ==, CIVIC_CLOCK_STATUS_DONE);
    g_assert_false (promised->late);
    assert_day_eq (delivery->due, "2026-04-01");
  }

  refused (kase, clerk, "2026-03-20", CIVIC_ACTION_SERVE, "{\"method\": \"post\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“certificate_no” is missing");
  refused (kase, clerk, "2026-03-20", CIVIC_ACTION_SERVE,
           "{\"method\": \"post\", \"certificate_no\": \"JY1\", \"served_on\": \"2026-03-21\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“served_on” cannot be in the future");
  step (&kase, clerk, "2026-03-20", CIVIC_ACTION_SERVE,
        "{\"method\": \"electronic\", \"certificate_no\": \"JY14301000012345\"}");
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_SERVED);
  g_assert_true (civic_clock_is_completed (civic_case_get_delivery_clock (kase)));

  refused (kase, clerk, "2026-03-20", CIVIC_ACTION_CLOSE, "{\"code\": \"voided\", \"reason\": \"x\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "This case can only close as “Licence granted”");
  /* So its form does not ask for the result the state decides */
  g_assert_false (civic_argument_is_asked (civic_arguments_find (civic_action_get_arguments (CIVIC_ACTION_CLOSE),
                                                                 "code"), G_OBJECT (kase), 1));
  step (&kase, clerk, "2026-03-20", CIVIC_ACTION_CLOSE, NULL);
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_CLOSED);
  g_assert_cmpint (civic_case_get_closure (kase)->code, ==, CIVIC_CLOSURE_GRANTED);
  g_assert_cmpint (civic_case_get_queue (kase), ==, CIVIC_QUEUE_NONE);
  g_assert_false (civic_case_is_open (kase));

  events = civic_case_get_events (kase);
  g_assert_cmpuint (events->len, ==, 9);
  g_assert_cmpstr (((CivicCaseEvent *) g_ptr_array_index (events, 0))->type, ==, "submit");
  g_assert_null (((CivicCaseEvent *) g_ptr_array_index (events, 0))->actor_id);
  g_assert_null (((CivicCaseEvent *) g_ptr_array_index (events, 0))->text);
  g_assert_cmpstr (json_object_get_string_member (((CivicCaseEvent *) g_ptr_array_index (events,
                                                                                       0))->args,
                                                  "channel"), ==, "online");
  g_assert_cmpstr (((CivicCaseEvent *) g_ptr_array_index (events, 2))->type, ==, "accept");
  /* The official's words, and the arguments as given, not a sentence in
   * one language. */
  g_assert_cmpstr (((CivicCaseEvent *) g_ptr_array_index (events, 5))->text, ==,
                   "材料齐全，符合法定条件，拟准予许可");
  g_assert_cmpstr (json_object_get_string_member (((CivicCaseEvent *) g_ptr_array_index (events,
                                                                                       5))->args,
                                                  "recommendation"), ==, "approve");
  g_assert_cmpstr (((CivicCaseEvent *) g_ptr_array_index (events, 5))->actor_name, ==, "李明");
  g_assert_cmpstr (((CivicCaseEvent *) g_ptr_array_index (events, 5))->command_id, ==, "cmd");
  g_assert_cmpstr (last_event_type (kase), ==, "close");

  /* A closed case takes comments, and nothing else. */
  step (&kase, examiner, "2026-03-23", CIVIC_ACTION_COMMENT, "{\"text\": \"已归档\"}");
  refused (kase, approver, "2026-03-23", CIVIC_ACTION_DECIDE, "{\"result\": \"approve\"}",
           CIVIC_WORKFLOW_ERROR_STATE, "“Decide” is not possible while the case is “Closed”");
}

static void
test_correction_notice (void)
{
  g_autoptr(CivicCase) kase = new_case (TRUE);
  const CivicCorrection *correction;

  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_ACCEPT, NULL, CIVIC_WORKFLOW_ERROR_RULE,
           "Required materials are missing: 营业执照复印件. Send a one-time correction notice");

  /* Accepting with the material handed in at the window works. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CivicCase) accepted = act (kase, clerk, "2026-03-03", CIVIC_ACTION_ACCEPT,
                                         "{\"received\": [\"m2\"]}", &error);

    g_assert_no_error (error);
    g_assert_cmpint (civic_case_get_state (accepted), ==, CIVIC_CASE_STATE_UNDER_REVIEW);
    g_assert_true (civic_case_find_material (accepted, "m2")->received);
    /* The original is untouched. */
    g_assert_false (civic_case_find_material (kase, "m2")->received);
  }

  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION, "{\"missing\": []}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "A correction notice must list what is missing");
  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION, "{\"missing\": [\"m1\"]}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“食品经营许可申请书” has been received");
  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION, "{\"missing\": [\"m9\"]}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "The application has no material “m9”");
  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION, "{\"missing\": [\"m4\"]}",
           CIVIC_WORKFLOW_ERROR_RULE,
           "The notice must list all missing materials at once; “营业执照复印件” is missing too");

  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION,
        "{\"missing\": [\"m2\", \"m4\"], \"note\": \"营业执照复印件需加盖公章\"}");
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_CORRECTION_REQUESTED);
  correction = g_ptr_array_index (civic_case_get_corrections (kase), 0);
  g_assert_cmpint (correction->round, ==, 1);
  assert_day_eq (correction->notified_on, "2026-03-03");
  g_assert_cmpstr (correction->items[1], ==, "m4");
  g_assert_cmpstr (((CivicCaseEvent *) g_ptr_array_index (civic_case_get_events (kase), 1))->text,
                   ==, "营业执照复印件需加盖公章");
  /* The duty to notify was met in time: no deemed acceptance. */
  g_assert_true (civic_clock_is_completed (civic_case_get_correction_clock (kase)));
  refused (kase, service, "2026-03-20", CIVIC_ACTION_DEEM_ACCEPT, NULL, CIVIC_WORKFLOW_ERROR_STATE,
           "“Deem Accepted” is not possible while the case is “Awaiting correction”");

  step (&kase, clerk, "2026-03-09", CIVIC_ACTION_CORRECTION_RECEIVED,
        "{\"received\": [\"m4\"], \"received_on\": \"2026-03-06\"}");
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_PRE_REVIEW);
  g_assert_cmpint (civic_case_get_round (kase), ==, 2);
  correction = g_ptr_array_index (civic_case_get_corrections (kase), 0);
  assert_day_eq (correction->received_on, "2026-03-06");

  /* Supplied: the case waits on the clerk to accept it — the lists must
   * not call it "done" (its correction clock is) */
  {
    g_autoptr(JsonNode) summary = civic_case_summarize (kase, calendar, day ("2026-03-09"), NULL);

    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (summary), "status"), ==,
                     "waiting");
  }

  /* Round two: only what the first notice asked for may be asked again,
   * and still only once. */
  step (&kase, clerk, "2026-03-09", CIVIC_ACTION_REQUEST_CORRECTION, "{\"missing\": [\"m2\"]}");
  step (&kase, clerk, "2026-03-10", CIVIC_ACTION_CORRECTION_RECEIVED, "{\"received\": [\"m2\"]}");
  g_assert_cmpint (civic_case_get_round (kase), ==, 3);

  {
    /* Pretend m1 turned out unusable: it was never in a notice. */
    g_autoptr(JsonNode) node = civic_case_to_json (kase);
    g_autofree char *text = civic_json_to_string (node, FALSE);
    g_autofree char *changed = NULL;
    g_autoptr(JsonNode) changed_node = NULL;
    g_autoptr(CivicCase) reopened = NULL;
    g_autoptr(GError) error = NULL;
    GString *edit = g_string_new (text);

    g_string_replace (edit, "\"id\":\"m1\",\"name\":\"食品经营许可申请书\",\"required\":true,"
                      "\"received\":true", "\"id\":\"m1\",\"name\":\"食品经营许可申请书\","
                      "\"required\":true,\"received\":false", 1);
    changed = g_string_free (edit, FALSE);
    changed_node = civic_json_parse (changed, -1, &error);
    reopened = civic_case_new_from_json (changed_node, &error);
    g_assert_no_error (error);

    refused (reopened, clerk, "2026-03-10", CIVIC_ACTION_REQUEST_CORRECTION,
             "{\"missing\": [\"m1\"]}", CIVIC_WORKFLOW_ERROR_RULE,
             "“食品经营许可申请书” was not in the earlier correction notice; asking for it now "
             "needs a reason");
    step (&reopened, clerk, "2026-03-10", CIVIC_ACTION_REQUEST_CORRECTION,
          "{\"missing\": [\"m1\"], \"override_reason\": \"原申请书签章页缺失，系首次审查遗漏\"}");
    g_assert_cmpstr (((CivicCorrection *) g_ptr_array_index (civic_case_get_corrections (reopened),
                                                              2))->override_reason,
                     ==, "原申请书签章页缺失，系首次审查遗漏");
  }

  step (&kase, clerk, "2026-03-11", CIVIC_ACTION_ACCEPT, NULL);
  assert_day_eq (civic_case_get_accepted_on (kase), "2026-03-11");
}

static void
test_second_notice_in_round (void)
{
  g_autoptr(CivicCase) kase = new_case (TRUE);

  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION, "{\"missing\": [\"m2\"]}");
  /* A second notice before the applicant answered: the state forbids it
   * outright; the override is for later rounds. */
  refused (kase, clerk, "2026-03-04", CIVIC_ACTION_REQUEST_CORRECTION, "{\"missing\": [\"m2\"]}",
           CIVIC_WORKFLOW_ERROR_STATE, "“Request Correction” is not possible while the case is "
           "“Awaiting correction”");

  {
    /* The same round after a correction-received that somebody undid is
     * modelled by the round counter: build it by hand. */
    g_autoptr(JsonNode) node = civic_case_to_json (kase);
    g_autofree char *text = civic_json_to_string (node, FALSE);
    GString *edit = g_string_new (text);
    g_autofree char *changed = NULL;
    g_autoptr(JsonNode) changed_node = NULL;
    g_autoptr(CivicCase) same_round = NULL;
    g_autoptr(GError) error = NULL;

    g_string_replace (edit, "\"state\":\"correction-requested\"", "\"state\":\"pre-review\"", 1);
    changed = g_string_free (edit, FALSE);
    changed_node = civic_json_parse (changed, -1, &error);
    same_round = civic_case_new_from_json (changed_node, &error);
    g_assert_no_error (error);

    refused (same_round, clerk, "2026-03-04", CIVIC_ACTION_REQUEST_CORRECTION,
             "{\"missing\": [\"m2\"]}", CIVIC_WORKFLOW_ERROR_RULE,
             "A correction notice was already sent in this round");
    step (&same_round, clerk, "2026-03-04", CIVIC_ACTION_REQUEST_CORRECTION,
          "{\"missing\": [\"m2\"], \"override_reason\": \"申请人来电要求重新出具告知书\"}");
  }
}

static void
test_deemed_acceptance (void)
{
  g_autoptr(CivicCase) kase = new_case (TRUE);

  /* Received Mon 2026-03-02; five working days end on Mon 03-09. */
  refused (kase, service, "2026-03-09", CIVIC_ACTION_DEEM_ACCEPT, NULL, CIVIC_WORKFLOW_ERROR_RULE,
           "The five working days for a correction notice have not yet passed");
  refused (kase, clerk, "2026-03-10", CIVIC_ACTION_DEEM_ACCEPT, NULL, CIVIC_WORKFLOW_ERROR_ROLE,
           "“Deem Accepted” is for these roles: The service");
  refused (kase, clerk, "2026-03-10", CIVIC_ACTION_REQUEST_CORRECTION, "{\"missing\": [\"m2\"]}",
           CIVIC_WORKFLOW_ERROR_RULE,
           "The five working days for a correction notice ended on 2026-03-09: the application "
           "counts as accepted from 2026-03-02");

  step (&kase, service, "2026-03-10", CIVIC_ACTION_DEEM_ACCEPT, NULL);
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_UNDER_REVIEW);
  g_assert_true (civic_case_get_deemed_accepted (kase));
  assert_day_eq (civic_case_get_accepted_on (kase), "2026-03-02");

  {
    g_autoptr(CivicClockReading) statutory = read_clock (civic_case_get_statutory_clock (kase),
                                                         "2026-03-10");
    g_autoptr(CivicClockReading) promised = read_clock (civic_case_get_promised_clock (kase),
                                                        "2026-03-10");

    assert_day_eq (statutory->due, "2026-03-30");
    assert_day_eq (promised->due, "2026-03-16");
    /* The time ran from receipt: six of ten working days are gone. */
    g_assert_cmpint (promised->remaining, ==, 4);
    g_assert_cmpint (promised->status, ==, CIVIC_CLOCK_STATUS_GREEN);
  }
}

static void
test_not_accepted (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);

  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_NOT_ACCEPT,
           "{\"ground\": \"not-competent\", \"reason\": \"属于省交通运输厅职权\", "
           "\"legal_basis\": \"《行政许可法》第三十二条第一款第（二）项\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“competent_authority” is missing");
  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_NOT_ACCEPT,
           "{\"ground\": \"not-competent\", \"reason\": \"  \", \"legal_basis\": \"x\", "
           "\"competent_authority\": \"y\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“reason” must not be empty");
  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_NOT_ACCEPT,
           "{\"ground\": \"bored\", \"reason\": \"x\", \"legal_basis\": \"x\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“bored” is not a valid value for “ground”");

  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_NOT_ACCEPT,
        "{\"ground\": \"not-competent\", \"reason\": \"道路运输经营许可属于交通运输部门职权\", "
        "\"legal_basis\": \"《行政许可法》第三十二条第一款第（二）项\", "
        "\"competent_authority\": \"湖南省交通运输厅\"}");
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_NOT_ACCEPTED);
  g_assert_cmpstr (civic_case_get_not_accepted (kase)->competent_authority, ==,
                   "湖南省交通运输厅");
  g_assert_null (civic_case_get_governing_clock (kase));

  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_CLOSE, NULL);
  g_assert_cmpint (civic_case_get_closure (kase)->code, ==, CIVIC_CLOSURE_NOT_ACCEPTED);
}

static void
test_verification_needs_two (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);

  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  refused (kase, examiner, "2026-03-05", CIVIC_ACTION_VERIFY,
           "{\"verifiers\": [\"u-examiner\", \"u-examiner\"], \"note\": \"现场核查\"}",
           CIVIC_WORKFLOW_ERROR_RULE, "A verification of the substance needs at least two "
           "officials (Administrative Licensing Law, Art. 34)");
  refused (kase, examiner, "2026-03-05", CIVIC_ACTION_VERIFY,
           "{\"verifiers\": [\"u-examiner\", \"u-examiner2\"]}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“note” is missing");
  refused (kase, examiner, "2026-03-05", CIVIC_ACTION_VERIFY,
           "{\"verifiers\": \"u-examiner\", \"note\": \"现场核查\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“verifiers” must be a list of strings");
  step (&kase, examiner, "2026-03-05", CIVIC_ACTION_VERIFY,
        "{\"verifiers\": [\"u-examiner\", \"u-examiner2\"], \"note\": \"现场核查\", "
        "\"on\": \"2026-03-04\"}");

  {
    const CivicVerification *verification = g_ptr_array_index (civic_case_get_verifications (kase),
                                                               0);
    g_auto(GStrv) examiners = civic_case_dup_examiner_ids (kase);

    assert_day_eq (verification->on, "2026-03-04");
    g_assert_cmpuint (g_strv_length (examiners), ==, 2);
    g_assert_true (g_strv_contains ((const char * const *) examiners, "u-examiner2"));
  }
}

/* A special law's limit in calendar days (特种设备安全法 Art. 59: 三十日):
 * both clocks count days, holidays included, and only the statutory one
 * takes the extension */
static void
test_calendar_days (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);

  civic_case_set_item (kase, "430000-SCJG-XK-0010", "特种设备生产单位许可",
                       CIVIC_ITEM_KIND_LICENSING, 30, 20, CIVIC_TRACK_ORDINARY, FALSE,
                       "《中华人民共和国特种设备安全法》第五十九条");
  civic_case_set_item_terms (kase, 2, CIVIC_CLOCK_UNIT_CALENDAR_DAYS,
                             CIVIC_CLOCK_UNIT_CALENDAR_DAYS);
  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  {
    g_autoptr(CivicClockReading) statutory = read_clock (civic_case_get_statutory_clock (kase),
                                                         "2026-03-05");
    g_autoptr(CivicClockReading) promised = read_clock (civic_case_get_promised_clock (kase),
                                                        "2026-03-05");

    /* 03-04 + 30 days, weekends counted */
    assert_day_eq (statutory->due, "2026-04-03");
    assert_day_eq (promised->due, "2026-03-24");
  }
  step (&kase, approver, "2026-03-30", CIVIC_ACTION_EXTEND, "{\"reason\": \"需型式试验\"}");
  {
    g_autoptr(CivicClockReading) statutory = read_clock (civic_case_get_statutory_clock (kase),
                                                         "2026-03-30");
    g_autoptr(CivicClockReading) promised = read_clock (civic_case_get_promised_clock (kase),
                                                        "2026-03-30");

    g_assert_true (statutory->extended);
    assert_day_eq (statutory->due, "2026-04-13");
    assert_day_eq (promised->due, "2026-03-24");
  }
  g_assert_cmpint (civic_case_get_item_version (kase), ==, 2);
  g_assert_cmpint (civic_case_get_statutory_unit (kase), ==, CIVIC_CLOCK_UNIT_CALENDAR_DAYS);
  /* And it goes through the wire format */
  {
    g_autoptr(JsonNode) json = civic_case_to_json (kase);
    g_autoptr(CivicCase) again = civic_case_new_from_json (json, NULL);

    g_assert_cmpint (civic_case_get_statutory_unit (again), ==, CIVIC_CLOCK_UNIT_CALENDAR_DAYS);
    g_assert_cmpint (civic_case_get_item_version (again), ==, 2);
  }
}

static void
test_extension (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);

  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  refused (kase, examiner, "2026-03-30", CIVIC_ACTION_EXTEND, "{\"reason\": \"需专家论证\"}",
           CIVIC_WORKFLOW_ERROR_ROLE, "“Extend Time Limit” is for these roles: Approver");
  refused (kase, approver, "2026-03-30", CIVIC_ACTION_EXTEND, "{\"reason\": \"需专家论证\", "
           "\"days\": 11}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "“days” must lie between 1 and 10");
  refused (kase, approver, "2026-04-02", CIVIC_ACTION_EXTEND, "{\"reason\": \"需专家论证\"}",
           CIVIC_WORKFLOW_ERROR_RULE, "The time limit ran out on 2026-04-01");

  step (&kase, approver, "2026-03-30", CIVIC_ACTION_EXTEND, "{\"reason\": \"需专家论证\"}");

  {
    g_autoptr(CivicClockReading) statutory = read_clock (civic_case_get_statutory_clock (kase),
                                                         "2026-03-30");
    g_autoptr(CivicClockReading) promised = read_clock (civic_case_get_promised_clock (kase),
                                                        "2026-03-30");

    /* 04-01 + 10: 04-02, 04-03, Qingming off, 04-07…10, 04-13…16 */
    assert_day_eq (statutory->due, "2026-04-16");
    g_assert_true (statutory->extended);
    /* The working target does not move with the legal ceiling. */
    assert_day_eq (promised->due, "2026-03-18");
    g_assert_cmpint (promised->status, ==, CIVIC_CLOCK_STATUS_RED);
  }

  refused (kase, approver, "2026-04-01", CIVIC_ACTION_EXTEND, "{\"reason\": \"再延期\"}",
           CIVIC_WORKFLOW_ERROR_RULE,
           "The time limit has already been extended; the law allows it once");
}

static void
test_special_procedure (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);

  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  refused (kase, examiner, "2026-03-10", CIVIC_ACTION_STOP_CLOCK,
           "{\"reason\": \"expert-review\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "“expected_days” is missing");
  refused (kase, examiner, "2026-03-10", CIVIC_ACTION_STOP_CLOCK,
           "{\"reason\": \"hearing\", \"expected_days\": 10}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "A hearing stops the clock through the hearing actions");
  refused (kase, examiner, "2026-03-10", CIVIC_ACTION_STOP_CLOCK,
           "{\"reason\": \"third-party-consultation\", \"expected_days\": 10}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "Third-party consultation stops disclosure clocks");
  refused (kase, examiner, "2026-03-10", CIVIC_ACTION_STOP_CLOCK,
           "{\"reason\": \"awaiting-correction\", \"expected_days\": 10}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "Awaiting correction stops disclosure clocks");

  step (&kase, examiner, "2026-03-10", CIVIC_ACTION_STOP_CLOCK,
        "{\"reason\": \"testing\", \"expected_days\": 5, \"note\": \"送省食品检验研究院检验\"}");
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_SUSPENDED);
  g_assert_true (civic_clock_is_stopped (civic_case_get_statutory_clock (kase)));
  g_assert_true (civic_clock_is_stopped (civic_case_get_promised_clock (kase)));
  refused (kase, approver, "2026-03-12", CIVIC_ACTION_DECIDE, "{\"result\": \"approve\"}",
           CIVIC_WORKFLOW_ERROR_STATE,
           "“Decide” is not possible while the case is “Special procedure”");

  refused (kase, examiner, "2026-03-17", CIVIC_ACTION_RESUME_CLOCK, NULL,
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“result” is missing");
  step (&kase, examiner, "2026-03-17", CIVIC_ACTION_RESUME_CLOCK,
        "{\"result\": \"检验合格，报告编号HNFI-2026-0312\"}");
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_UNDER_REVIEW);

  {
    g_autoptr(CivicClockReading) statutory = read_clock (civic_case_get_statutory_clock (kase),
                                                         "2026-03-17");
    const CivicSuspension *suspension = g_ptr_array_index (civic_case_get_suspensions (kase), 0);

    /* 03-11…17 (5 working days) not counted: 04-01 → 04-09 over Qingming */
    assert_day_eq (statutory->due, "2026-04-09");
    g_assert_cmpint (suspension->expected_days, ==, 5);
    assert_day_eq (suspension->ended_on, "2026-03-17");
  }
}

static void
test_hearing_on_request (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);

  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  step (&kase, examiner, "2026-03-09", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"approve\", \"text\": \"拟准予\", \"submit\": false}");
  g_assert_cmpint (civic_case_get_queue (kase), ==, CIVIC_QUEUE_EXAMINER);

  refused (kase, examiner, "2026-03-10", CIVIC_ACTION_REQUEST_HEARING,
           "{\"requested_by\": \"李四\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "The parties have not been informed of their right to a hearing");
  refused (kase, examiner, "2026-03-10", CIVIC_ACTION_INFORM_HEARING_RIGHT, "{\"parties\": []}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "Name the applicant and the interested parties");
  step (&kase, examiner, "2026-03-10", CIVIC_ACTION_INFORM_HEARING_RIGHT,
        "{\"parties\": [\"张三丰\", \"李四（相邻经营户）\"]}");

  {
    CivicWorkflowContext context;
    g_autoptr(GDateTime) now = civic_time_parse ("2026-03-10T10:00:00+08:00");

    context_init (&context, now, approver);
    assert_day_eq (civic_workflow_hearing_request_deadline (kase, &context), "2026-03-17");
  }

  refused (kase, approver, "2026-03-17", CIVIC_ACTION_DECIDE, "{\"result\": \"approve\"}",
           CIVIC_WORKFLOW_ERROR_RULE,
           "The parties may still request a hearing until 2026-03-17");
  refused (kase, examiner, "2026-03-18", CIVIC_ACTION_REQUEST_HEARING,
           "{\"requested_by\": \"李四\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "The request came after 2026-03-17, the last day to ask for a hearing");
  refused (kase, examiner, "2026-03-18", CIVIC_ACTION_REQUEST_HEARING,
           "{\"requested_by\": \"李四\", \"requested_on\": \"2026-03-09\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "The request cannot be dated before the parties were informed");

  /* A letter dated in time, logged two days later. */
  step (&kase, examiner, "2026-03-18", CIVIC_ACTION_REQUEST_HEARING,
        "{\"requested_by\": \"李四\", \"requested_on\": \"2026-03-16\"}");
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_HEARING);
  g_assert_cmpint (civic_case_get_queue (kase), ==, CIVIC_QUEUE_HEARING);
  g_assert_true (civic_clock_is_stopped (civic_case_get_statutory_clock (kase)));

  /* Only the hearing's close gives the case back its clocks: the
   * service's step, on a record every participant confirmed */
  refused (kase, service, "2026-03-27", CIVIC_ACTION_CONCLUDE_HEARING,
           "{\"hearing_id\": \"h-1\", \"outcome\": \"held\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "Every participant must sign or seal the hearing record first");
  refused (kase, service, "2026-03-27", CIVIC_ACTION_CONCLUDE_HEARING,
           "{\"hearing_id\": \"h-1\", \"outcome\": \"record-signed\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“record_ref” is missing");
  refused (kase, officer, "2026-03-27", CIVIC_ACTION_CONCLUDE_HEARING,
           "{\"hearing_id\": \"h-1\", \"record_ref\": \"听证笔录〔2026〕7号\", "
           "\"outcome\": \"record-signed\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "“Conclude Hearing” is for these roles:");
  step (&kase, service, "2026-03-27", CIVIC_ACTION_CONCLUDE_HEARING,
        "{\"hearing_id\": \"h-1\", \"record_ref\": \"听证笔录〔2026〕7号\", "
        "\"outcome\": \"record-signed\"}");
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_UNDER_REVIEW);
  g_assert_cmpint (civic_case_get_queue (kase), ==, CIVIC_QUEUE_APPROVER);

  {
    g_autoptr(CivicClockReading) statutory = read_clock (civic_case_get_statutory_clock (kase),
                                                         "2026-03-27");

    /* 03-17…27: nine working days of hearing not counted. */
    assert_day_eq (statutory->due, "2026-04-15");
  }

  step (&kase, approver, "2026-03-30", CIVIC_ACTION_DECIDE,
        "{\"result\": \"deny\", \"reason\": \"经听证，经营场所与居民区距离不符合要求\", "
        "\"legal_basis\": \"《食品经营许可管理办法》第十一条\", "
        "\"reconsideration_body\": \"湖南省人民政府\", \"court\": \"长沙铁路运输法院\"}");
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_DENIED);
  g_assert_cmpstr (civic_case_get_decision (kase)->hearing_record, ==, "听证笔录〔2026〕7号");
  g_assert_null (civic_case_get_delivery_clock (kase));

  {
    g_autofree char *remedies = civic_workflow_remedies_notice (kase);

    g_assert_cmpstr (remedies, ==,
                     "If you do not accept this decision, you may apply to 湖南省人民政府 for "
                     "administrative reconsideration within 60 days of receiving it, or bring an "
                     "administrative lawsuit before 长沙铁路运输法院 within 6 months of receiving "
                     "it.");
  }

  step (&kase, clerk, "2026-03-31", CIVIC_ACTION_SERVE, "{\"method\": \"post\"}");
  step (&kase, clerk, "2026-03-31", CIVIC_ACTION_CLOSE, NULL);
  g_assert_cmpint (civic_case_get_closure (kase)->code, ==, CIVIC_CLOSURE_DENIED);
}

static void
test_hearing_waived_and_required (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);

  civic_case_set_item (kase, "430000-MINE-002", "采矿权新立审批", CIVIC_ITEM_KIND_LICENSING, 20, 20,
                       CIVIC_TRACK_ORDINARY, TRUE, "《矿产资源法》第十六条");
  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  step (&kase, examiner, "2026-03-05", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"approve\", \"text\": \"拟准予\"}");

  refused (kase, approver, "2026-03-06", CIVIC_ACTION_DECIDE, "{\"result\": \"approve\"}",
           CIVIC_WORKFLOW_ERROR_RULE,
           "The law requires a public hearing on this item before the decision");

  refused (kase, approver, "2026-03-06", CIVIC_ACTION_ORDER_HEARING, "{}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“reason” is missing");
  step (&kase, approver, "2026-03-06", CIVIC_ACTION_ORDER_HEARING,
        "{\"reason\": \"涉及重大公共利益，依法向社会公告并举行听证\"}");
  g_assert_true (civic_case_get_hearing (kase)->ex_officio);
  step (&kase, service, "2026-03-20", CIVIC_ACTION_CONCLUDE_HEARING,
        "{\"hearing_id\": \"h-2\", \"record_ref\": \"听证笔录〔2026〕9号\", "
        "\"outcome\": \"record-signed\"}");
  step (&kase, approver, "2026-03-20", CIVIC_ACTION_DECIDE, "{\"result\": \"approve\"}");
  refused (kase, approver, "2026-03-20", CIVIC_ACTION_ORDER_HEARING, "{\"reason\": \"x\"}",
           CIVIC_WORKFLOW_ERROR_STATE, "“Order Hearing” is not possible while the case is "
           "“Approved”");

  {
    g_autoptr(CivicCase) waived = new_case (FALSE);

    step (&waived, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
    step (&waived, examiner, "2026-03-05", CIVIC_ACTION_OPINION,
          "{\"recommendation\": \"approve\", \"text\": \"拟准予\"}");
    step (&waived, examiner, "2026-03-05", CIVIC_ACTION_INFORM_HEARING_RIGHT,
          "{\"parties\": [\"张三丰\"]}");
    refused (waived, examiner, "2026-03-05", CIVIC_ACTION_INFORM_HEARING_RIGHT,
             "{\"parties\": [\"张三丰\"]}", CIVIC_WORKFLOW_ERROR_STATE,
             "The parties have already been informed");
    step (&waived, examiner, "2026-03-06", CIVIC_ACTION_WAIVE_HEARING,
          "{\"note\": \"申请人书面放弃听证\"}");
    step (&waived, approver, "2026-03-06", CIVIC_ACTION_DECIDE, "{\"result\": \"approve\"}");
  }
}

static void
test_joint_case (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);
  g_autoptr(GPtrArray) pending = NULL;

  civic_case_set_item (kase, "430000-JOINT-001", "开办餐馆（一件事）", CIVIC_ITEM_KIND_LICENSING,
                       45, 30, CIVIC_TRACK_JOINT, FALSE, "《行政许可法》第二十六条");
  civic_case_add_subtask (kase, "dept-health", "湖南省卫生健康委员会");
  civic_case_add_subtask (kase, "dept-fire", "湖南省消防救援总队");
  g_assert_true (civic_case_is_joint (kase));
  g_assert_true (civic_case_involves_department (kase, "dept-fire"));
  g_assert_false (civic_case_involves_department (kase, "dept-transport"));

  step (&kase, clerk, "2026-02-10", CIVIC_ACTION_ACCEPT, NULL);

  {
    g_autoptr(CivicClockReading) statutory = read_clock (civic_case_get_statutory_clock (kase),
                                                         "2026-02-10");

    assert_day_eq (statutory->due, "2026-04-21");
  }

  step (&kase, examiner, "2026-02-12", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"approve\", \"text\": \"牵头部门审查通过\"}");
  refused (kase, approver, "2026-03-02", CIVIC_ACTION_DECIDE, "{\"result\": \"approve\"}",
           CIVIC_WORKFLOW_ERROR_RULE,
           "The lead department decides when every co-department has given its opinion; still "
           "waiting for: 湖南省卫生健康委员会, 湖南省消防救援总队");

  refused (kase, examiner, "2026-03-02", CIVIC_ACTION_SUBTASK_OPINION,
           "{\"result\": \"approve\", \"text\": \"同意\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "Your department has no part in this joint case");
  step (&kase, health_examiner, "2026-03-02", CIVIC_ACTION_SUBTASK_OPINION,
        "{\"result\": \"approve\", \"text\": \"卫生条件符合要求\"}");
  refused (kase, health_examiner, "2026-03-03", CIVIC_ACTION_SUBTASK_OPINION,
           "{\"result\": \"approve\", \"text\": \"同意\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "Your department has already given its opinion");

  /* Every other step is the lead's; a co-department may still comment */
  refused (kase, health_examiner, "2026-03-03", CIVIC_ACTION_STOP_CLOCK,
           "{\"reason\": \"inspection\", \"expected_days\": 5}", CIVIC_WORKFLOW_ERROR_ROLE,
           "湖南省市场监督管理局 leads this joint case");
  refused (kase, health_examiner, "2026-03-03", CIVIC_ACTION_OPINION,
           "{\"recommendation\": \"approve\", \"text\": \"同意\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "湖南省市场监督管理局 leads this joint case");
  {
    g_autoptr(GDateTime) now = civic_time_parse ("2026-03-03T10:00:00+08:00");
    g_autoptr(GArray) offered = NULL;
    CivicWorkflowContext context;

    context_init (&context, now, health_examiner);
    offered = civic_workflow_list_actions (kase, &context);
    for (guint i = 0; i < offered->len; i++)
      g_assert_true (g_array_index (offered, CivicAction, i) == CIVIC_ACTION_COMMENT ||
                     g_array_index (offered, CivicAction, i) == CIVIC_ACTION_SUBTASK_OPINION);
  }
  step (&kase, health_examiner, "2026-03-03", CIVIC_ACTION_COMMENT, "{\"text\": \"请注意卫生\"}");

  pending = civic_case_dup_pending_subtasks (kase);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (((CivicSubtask *) g_ptr_array_index (pending, 0))->department_name, ==,
                   "湖南省消防救援总队");

  /* The joint track's extension needs the government head's approval. */
  refused (kase, approver, "2026-04-20", CIVIC_ACTION_EXTEND, "{\"reason\": \"消防验收排期\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“approved_by” is missing");
  step (&kase, approver, "2026-04-20", CIVIC_ACTION_EXTEND,
        "{\"reason\": \"消防验收排期\", \"approved_by\": \"省人民政府副省长 王某\"}");

  {
    g_autoptr(CivicClockReading) statutory = read_clock (civic_case_get_statutory_clock (kase),
                                                         "2026-04-20");

    assert_day_eq (statutory->due, "2026-05-14");
  }
}

static void
test_queue_actions (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);

  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  refused (kase, clerk, "2026-03-04", CIVIC_ACTION_CLAIM, NULL, CIVIC_WORKFLOW_ERROR_ROLE,
           "Only Examiners can claim cases in this queue");
  refused (kase, examiner, "2026-03-04", CIVIC_ACTION_RELEASE, NULL, CIVIC_WORKFLOW_ERROR_STATE,
           "Only the official working on the case can release it");
  step (&kase, examiner, "2026-03-04", CIVIC_ACTION_CLAIM, NULL);
  refused (kase, examiner, "2026-03-04", CIVIC_ACTION_CLAIM, NULL, CIVIC_WORKFLOW_ERROR_STATE,
           "The case is already yours");
  refused (kase, examiner2, "2026-03-04", CIVIC_ACTION_CLAIM, NULL, CIVIC_WORKFLOW_ERROR_STATE,
           "李明 is already working on the case");
  refused (kase, examiner2, "2026-03-04", CIVIC_ACTION_TRANSFER,
           "{\"assignee_id\": \"u-examiner2\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "Only the official working on the case or an approver can transfer it");
  step (&kase, examiner, "2026-03-04", CIVIC_ACTION_TRANSFER,
        "{\"assignee_id\": \"u-examiner2\", \"assignee_name\": \"赵强\", \"reason\": \"出差\"}");
  g_assert_cmpstr (civic_case_get_assignee_name (kase), ==, "赵强");
  g_assert_cmpstr (last_event_type (kase), ==, "transfer");
  step (&kase, examiner2, "2026-03-05", CIVIC_ACTION_RELEASE, NULL);
  g_assert_null (civic_case_get_assignee_id (kase));
  step (&kase, approver, "2026-03-05", CIVIC_ACTION_ASSIGN,
        "{\"assignee_id\": \"u-examiner\", \"assignee_name\": \"李明\"}");
  refused (kase, approver, "2026-03-05", CIVIC_ACTION_ASSIGN,
           "{\"assignee_id\": \"u-examiner\", \"assignee_name\": \"李明\"}",
           CIVIC_WORKFLOW_ERROR_STATE, "The case is already assigned to 李明");

  refused (kase, approver, "2026-03-05", CIVIC_ACTION_RETURN, "{\"reason\": \"x\"}",
           CIVIC_WORKFLOW_ERROR_STATE, "Only a case handed on for a decision can be returned");
  step (&kase, examiner, "2026-03-06", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"deny\", \"text\": \"场所不符合要求\"}");
  refused (kase, approver, "2026-03-06", CIVIC_ACTION_RETURN, NULL, CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "“reason” is missing");
  step (&kase, approver, "2026-03-06", CIVIC_ACTION_RETURN, "{\"reason\": \"请补充现场照片\"}");
  g_assert_cmpint (civic_case_get_queue (kase), ==, CIVIC_QUEUE_EXAMINER);
  g_assert_cmpstr (civic_case_get_assignee_id (kase), ==, "u-examiner");
}

/* An official named in a command is one the directory knows, whose
 * account is in use, of the case's department, in the role the step
 * needs; the name the case shows is the directory's, whatever the command
 * said. */
static void
test_named_officials (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);

  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  refused (kase, approver, "2026-03-04", CIVIC_ACTION_ASSIGN, "{\"assignee_id\": \"u-ghost\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "There is no official “u-ghost”");
  refused (kase, approver, "2026-03-04", CIVIC_ACTION_ASSIGN,
           "{\"assignee_id\": \"u-retired\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "The account of 钱退 is disabled");
  refused (kase, approver, "2026-03-04", CIVIC_ACTION_ASSIGN, "{\"assignee_id\": \"u-health\"}",
           CIVIC_WORKFLOW_ERROR_RULE, "何芳 is not an official of 湖南省市场监督管理局");
  refused (kase, approver, "2026-03-04", CIVIC_ACTION_ASSIGN,
           "{\"assignee_id\": \"u-supervisor\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "孙悦 is not an official of 湖南省市场监督管理局");
  /* In the examiners' queue, an examiner: not the window clerk */
  refused (kase, approver, "2026-03-04", CIVIC_ACTION_ASSIGN, "{\"assignee_id\": \"u-clerk\"}",
           CIVIC_WORKFLOW_ERROR_RULE, "王芳 does not have the role needed here: Examiner");
  g_assert_cmpint (civic_workflow_assignee_role (kase), ==, CIVIC_ROLE_EXAMINER);

  step (&kase, approver, "2026-03-04", CIVIC_ACTION_ASSIGN,
        "{\"assignee_id\": \"u-examiner2\", \"assignee_name\": \"<b>Boss</b>\"}");
  g_assert_cmpstr (civic_case_get_assignee_id (kase), ==, "u-examiner2");
  g_assert_cmpstr (civic_case_get_assignee_name (kase), ==, "赵强");

  refused (kase, examiner2, "2026-03-05", CIVIC_ACTION_VERIFY,
           "{\"verifiers\": [\"u-examiner\", \"u-nobody\"], \"note\": \"现场核查\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "There is no official “u-nobody”");
  refused (kase, examiner2, "2026-03-05", CIVIC_ACTION_VERIFY,
           "{\"verifiers\": [\"u-examiner\", \"u-supervisor\"], \"note\": \"现场核查\"}",
           CIVIC_WORKFLOW_ERROR_RULE, "孙悦 is not an official of");
  refused (kase, examiner2, "2026-03-05", CIVIC_ACTION_VERIFY,
           "{\"verifiers\": [\"u-examiner\", \"u-retired\"], \"note\": \"现场核查\"}",
           CIVIC_WORKFLOW_ERROR_RULE, "The account of 钱退 is disabled");
  step (&kase, examiner2, "2026-03-05", CIVIC_ACTION_VERIFY,
        "{\"verifiers\": [\"u-examiner\", \"u-examiner2\"], \"note\": \"现场核查\"}");

  /* Lists are bounded: a hundred items of at most 200 characters */
  {
    g_autoptr(GString) many = g_string_new ("{\"parties\": [");
    g_autofree char *long_name = g_strnfill (201, 'x');
    g_autofree char *too_long = g_strdup_printf ("{\"parties\": [\"%s\"]}", long_name);

    for (guint i = 0; i < 101; i++)
      g_string_append_printf (many, "%s\"甲%u\"", i ? "," : "", i);
    g_string_append (many, "]}");
    refused (kase, examiner2, "2026-03-05", CIVIC_ACTION_INFORM_HEARING_RIGHT, many->str,
             CIVIC_WORKFLOW_ERROR_ARGUMENT, "“parties” lists more than 100 items");
    refused (kase, examiner2, "2026-03-05", CIVIC_ACTION_INFORM_HEARING_RIGHT, too_long,
             CIVIC_WORKFLOW_ERROR_ARGUMENT, "An item of “parties” is longer than 200 characters");
  }

  /* Without a directory, nobody can be named */
  {
    g_autoptr(GDateTime) now = civic_time_parse ("2026-03-05T10:00:00+08:00");
    g_autoptr(JsonObject) args = civic_json_parse_object ("{\"assignee_id\": \"u-examiner\"}",
                                                          -1, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(CivicCase) next = NULL;
    CivicWorkflowContext context;

    civic_workflow_context_init (&context, calendar, now, approver);
    next = civic_workflow_apply (kase, CIVIC_ACTION_TRANSFER, args, &context, &error);
    g_assert_null (next);
    g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE);
  }
}

static void
test_close_early (void)
{
  g_autoptr(CivicCase) kase = new_case (TRUE);

  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION, "{\"missing\": [\"m2\"]}");
  refused (kase, clerk, "2026-04-20", CIVIC_ACTION_CLOSE, NULL, CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "Closing a case as “Withdrawn or correction not completed” needs a reason");
  refused (kase, clerk, "2026-04-20", CIVIC_ACTION_CLOSE,
           "{\"code\": \"voided\", \"reason\": \"重复申报\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "Only an approver can close a case as “Voided”");
  refused (kase, clerk, "2026-04-20", CIVIC_ACTION_CLOSE,
           "{\"code\": \"granted\", \"reason\": \"x\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "A case closes as “Licence granted” only after that outcome is decided and served");
  step (&kase, clerk, "2026-04-20", CIVIC_ACTION_CLOSE,
        "{\"reason\": \"申请人逾期未补正\"}");
  g_assert_cmpint (civic_case_get_closure (kase)->code, ==, CIVIC_CLOSURE_WITHDRAWN);

  {
    g_autoptr(CivicCase) other = new_case (FALSE);

    step (&other, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
    step (&other, examiner, "2026-03-05", CIVIC_ACTION_STOP_CLOCK,
          "{\"reason\": \"appraisal\", \"expected_days\": 10}");
    refused (other, clerk, "2026-03-06", CIVIC_ACTION_CLOSE,
             "{\"code\": \"voided\", \"reason\": \"x\"}", CIVIC_WORKFLOW_ERROR_ROLE,
             "Only an approver can close a case before its decision is served");
    step (&other, approver, "2026-03-06", CIVIC_ACTION_CLOSE,
          "{\"code\": \"forwarded\", \"reason\": \"转报国家市场监督管理总局\"}");
    /* Closing ends every clock, resuming a stopped one first. */
    g_assert_true (civic_clock_is_completed (civic_case_get_statutory_clock (other)));
    g_assert_true (civic_clock_is_completed (civic_case_get_promised_clock (other)));
  }
}

static char *
action_list (CivicCase  *kase,
             CivicActor *actor,
             const char *date)
{
  g_autofree char *instant = g_strdup_printf ("%sT10:00:00+08:00", date);
  g_autoptr(GDateTime) now = civic_time_parse (instant);
  g_autoptr(GArray) actions = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  CivicWorkflowContext context;

  context_init (&context, now, actor);
  actions = civic_workflow_list_actions (kase, &context);
  for (guint i = 0; i < actions->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, civic_action_to_string (g_array_index (actions, CivicAction, i)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_actions (CivicCase  *kase,
                CivicActor *actor,
                const char *date,
                const char *expected)
{
  g_autofree char *actual = action_list (kase, actor, date);

  if (g_strcmp0 (actual, expected) != 0)
    g_error ("%s in %s: expected “%s”, got “%s”", actor->name,
             civic_case_state_get_label (civic_case_get_state (kase)), expected, actual);
}

/* What each role may do, state by state: the matrix an auditor reads. */
/* The one step a page suggests to @actor now ("" for none) */
static void
assert_next (CivicCase  *kase,
             CivicActor *actor,
             const char *date,
             const char *expected)
{
  g_autofree char *instant = g_strdup_printf ("%sT10:00:00+08:00", date);
  g_autoptr(GDateTime) now = civic_time_parse (instant);
  g_autoptr(GArray) actions = NULL;
  CivicWorkflowContext context;
  CivicAction next;

  context_init (&context, now, actor);
  actions = civic_workflow_list_actions (kase, &context);
  if (civic_workflow_next_step (kase, actor, actions, &next))
    g_assert_cmpstr (civic_action_to_string (next), ==, expected);
  else
    g_assert_cmpstr ("", ==, expected);
}

static void
test_role_matrix (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);

  assert_actions (kase, clerk, "2026-03-03",
                  "start-pre-review accept not-accept request-correction claim comment");
  assert_next (kase, clerk, "2026-03-03", "accept");
  assert_next (kase, examiner, "2026-03-03", "");
  assert_actions (kase, examiner, "2026-03-03", "comment");
  assert_actions (kase, approver, "2026-03-03", "assign comment close");
  assert_actions (kase, officer, "2026-03-03", "comment");
  assert_actions (kase, supervisor, "2026-03-03", "");
  assert_actions (kase, admin, "2026-03-03", "");
  /* Personal data in the clear: its department's caseworkers only */
  g_assert_true (civic_case_may_reveal (kase, clerk));
  g_assert_true (civic_case_may_reveal (kase, examiner));
  g_assert_false (civic_case_may_reveal (kase, supervisor));
  g_assert_false (civic_case_may_reveal (kase, admin));
  g_assert_false (civic_case_may_reveal (kase, health_examiner));

  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  /* The acceptance notice is the clerk's to issue now */
  assert_actions (kase, clerk, "2026-03-04", "comment issue-document");
  assert_actions (kase, examiner, "2026-03-04",
                  "claim comment opinion verify stop-clock inform-hearing-right");
  assert_next (kase, examiner, "2026-03-04", "claim");
  assert_actions (kase, approver, "2026-03-04",
                  "assign comment opinion extend stop-clock order-hearing close");
  assert_actions (kase, officer, "2026-03-04", "comment");
  assert_actions (kase, supervisor, "2026-03-04", "");
  assert_actions (kase, service, "2026-03-04", "");

  step (&kase, examiner, "2026-03-05", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"approve\", \"text\": \"拟准予\"}");
  /* Handed on: another opinion may be added, but it is no next step */
  {
    g_autofree char *examiner_may = action_list (kase, examiner, "2026-03-05");

    g_assert_nonnull (strstr (examiner_may, "opinion"));
  }
  assert_next (kase, examiner, "2026-03-05", "");
  assert_actions (kase, approver, "2026-03-05",
                  "claim assign return comment opinion extend stop-clock order-hearing decide "
                  "close");
  /* One suggestion, not Claim, Record Opinion and Decide all at once */
  assert_next (kase, approver, "2026-03-05", "decide");

  step (&kase, approver, "2026-03-05", CIVIC_ACTION_DECIDE, "{\"result\": \"approve\"}");
  assert_actions (kase, clerk, "2026-03-05", "claim comment serve issue-document");
  assert_next (kase, clerk, "2026-03-05", "serve");
  assert_actions (kase, examiner, "2026-03-05", "comment serve issue-document");
  assert_actions (kase, approver, "2026-03-05", "assign comment close issue-document");

  step (&kase, clerk, "2026-03-06", CIVIC_ACTION_SERVE,
        "{\"method\": \"in-person\", \"certificate_no\": \"JY1\"}");
  assert_actions (kase, clerk, "2026-03-06", "claim comment close issue-document");
  step (&kase, clerk, "2026-03-06", CIVIC_ACTION_CLOSE, NULL);
  /* A closed case's documents may still be issued for the file */
  assert_actions (kase, clerk, "2026-03-06", "comment issue-document");
  assert_actions (kase, approver, "2026-03-06", "comment issue-document");
  assert_actions (kase, supervisor, "2026-03-06", "");
}

/* A document the law ties to a step is issued once the step is taken,
 * once per occasion, by the role the kind names; the case holds it as a
 * draft until the service numbers it, and fills its template with the
 * case's own words. */
static void
test_documents (void)
{
  g_autoptr(CivicCase) kase = new_case (TRUE);
  g_autoptr(CivicCase) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) department = json_object_new ();
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) english = NULL;
  g_autoptr(GError) error = NULL;
  const CivicCaseDocument *document;
  CivicCaseDocument in_english;

  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_ISSUE_DOCUMENT,
           "{\"document\": \"correction-notice\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "No document waits to be issued");

  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION,
        "{\"missing\": [\"m2\"], \"note\": \"复印件须加盖公章\"}");
  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_ISSUE_DOCUMENT,
           "{\"document\": \"acceptance-notice\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "Acceptance Notice: The case has not been accepted");
  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_ISSUE_DOCUMENT,
           "{\"document\": \"correction-notice\", \"language\": \"fr\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "");
  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_ISSUE_DOCUMENT,
        "{\"document\": \"correction-notice\"}");

  g_assert_cmpuint (civic_case_get_documents (kase)->len, ==, 1);
  document = civic_case_find_document (kase, "cmd");
  g_assert_nonnull (document);
  g_assert_cmpint (document->kind, ==, CIVIC_DOCUMENT_CORRECTION_NOTICE);
  g_assert_cmpint (document->language, ==, CIVIC_DOCUMENT_LANGUAGE_ZH);
  g_assert_cmpint (document->round, ==, 1);
  assert_day_eq (document->issued_on, "2026-03-03");
  g_assert_cmpstr (document->by_name, ==, "王芳");
  g_assert_true (civic_case_document_is_draft (document));

  /* Once per round */
  refused (kase, clerk, "2026-03-03", CIVIC_ACTION_ISSUE_DOCUMENT,
           "{\"document\": \"correction-notice\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "Correction Notice has already been issued (a draft waiting for its number)");

  /* The words of the draft */
  json_object_set_string_member (department, "name", "湖南省市场监督管理局");
  json_object_set_string_member (department, "name_en", "Hunan Administration for Market Regulation");
  json_object_set_string_member (department, "short", "省市场监管局");
  values = civic_case_document_values (kase, document, department, calendar, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "applicant.name"), ==, "张三丰");
  g_assert_cmpstr (g_hash_table_lookup (values, "department.name"), ==, "湖南省市场监督管理局");
  g_assert_cmpstr (g_hash_table_lookup (values, "received_on"), ==, "2026年3月2日");
  g_assert_cmpstr (g_hash_table_lookup (values, "issued_on"), ==, "2026年3月3日");
  g_assert_cmpstr (g_hash_table_lookup (values, "correction.materials"), ==, "1.营业执照复印件");
  g_assert_cmpstr (g_hash_table_lookup (values, "correction.note"), ==, "复印件须加盖公章");
  g_assert_cmpstr (g_hash_table_lookup (values, "document.number"), ==, "〔待编号〕");
  g_assert_false (g_hash_table_contains (values, "accepted_on"));

  in_english = *document;
  in_english.language = CIVIC_DOCUMENT_LANGUAGE_EN;
  english = civic_case_document_values (kase, &in_english, department, calendar, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (english, "department.name"), ==,
                   "Hunan Administration for Market Regulation");
  g_assert_cmpstr (g_hash_table_lookup (english, "received_on"), ==, "2 March 2026");

  /* Kept through the record's JSON */
  node = civic_case_to_json (kase);
  copy = civic_case_new_from_json (node, &error);
  g_assert_no_error (error);
  document = civic_case_find_document (copy, "cmd");
  g_assert_nonnull (document);
  g_assert_cmpint (document->kind, ==, CIVIC_DOCUMENT_CORRECTION_NOTICE);
  g_assert_cmpint (document->round, ==, 1);
  g_assert_null (document->number);

  /* Another's kind: the clerk's acceptance notice is not the examiner's */
  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_CORRECTION_RECEIVED, "{\"received\": [\"m2\"]}");
  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  step (&kase, examiner, "2026-03-05", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"approve\", \"text\": \"拟准予\"}");
  step (&kase, approver, "2026-03-05", CIVIC_ACTION_DECIDE, "{\"result\": \"approve\"}");
  refused (kase, examiner, "2026-03-05", CIVIC_ACTION_ISSUE_DOCUMENT,
           "{\"document\": \"acceptance-notice\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "“Acceptance Notice” is issued by these roles");
  refused (kase, examiner, "2026-03-05", CIVIC_ACTION_ISSUE_DOCUMENT,
           "{\"document\": \"refusal-decision\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "Decision to Refuse the Licence: The licence has not been refused");
  refused (kase, examiner, "2026-03-05", CIVIC_ACTION_ISSUE_DOCUMENT,
           "{\"document\": \"grant-decision\"}", CIVIC_WORKFLOW_ERROR_STATE,
           /* these tests give every command the id "cmd" */
           "This command has already issued a document");
}

static void
test_json_round_trip (void)
{
  g_autoptr(CivicCase) kase = new_case (TRUE);
  g_autoptr(CivicCase) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  civic_case_add_subtask (kase, "dept-health", "湖南省卫生健康委员会");
  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION,
        "{\"missing\": [\"m2\"], \"note\": \"需加盖公章\"}");
  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_CORRECTION_RECEIVED, "{\"received\": [\"m2\"]}");
  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  step (&kase, examiner, "2026-03-05", CIVIC_ACTION_VERIFY,
        "{\"verifiers\": [\"u-examiner\", \"u-examiner2\"], \"note\": \"现场核查\"}");
  step (&kase, examiner, "2026-03-05", CIVIC_ACTION_STOP_CLOCK,
        "{\"reason\": \"expert-review\", \"expected_days\": 3}");
  step (&kase, examiner, "2026-03-09", CIVIC_ACTION_RESUME_CLOCK, "{\"result\": \"专家同意\"}");
  step (&kase, health_examiner, "2026-03-09", CIVIC_ACTION_SUBTASK_OPINION,
        "{\"result\": \"approve\", \"text\": \"同意\"}");
  step (&kase, examiner, "2026-03-10", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"approve\", \"text\": \"拟准予\"}");
  step (&kase, approver, "2026-03-10", CIVIC_ACTION_EXTEND, "{\"reason\": \"复核\", "
        "\"approved_by\": \"副省长\"}");
  step (&kase, approver, "2026-03-11", CIVIC_ACTION_DECIDE,
        "{\"result\": \"deny\", \"reason\": \"不符合条件\", \"legal_basis\": \"第十一条\", "
        "\"reconsideration_body\": \"湖南省人民政府\", \"court\": \"长沙铁路运输法院\"}");
  civic_case_set_rev (kase, 12);
  civic_case_set_item_remedies (kase, "湖南省人民政府", "长沙铁路运输法院");

  node = civic_case_to_json (kase);
  first = civic_json_to_string (node, FALSE);
  copy = civic_case_new_from_json (node, &error);
  g_assert_no_error (error);
  again = civic_case_to_json (copy);
  second = civic_json_to_string (again, FALSE);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpint (civic_case_get_rev (copy), ==, 12);
  g_assert_cmpstr (civic_case_get_item_court (copy), ==, "长沙铁路运输法院");
  g_assert_cmpstr (civic_case_get_item_reconsideration_body (copy), ==, "湖南省人民政府");
  g_assert_nonnull (strstr (first, "\"state\":\"denied\""));
  g_assert_nonnull (strstr (first, "\"received_at\":\"2026-03-02T02:00:00.000Z\""));
}

static void
test_masking (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);
  g_autoptr(CivicCase) masked = civic_case_copy_masked (kase);
  const CivicApplicant *applicant = civic_case_get_applicant (masked);
  g_autofree char *name = civic_privacy_mask_name ("欧阳娜娜");
  g_autofree char *one = civic_privacy_mask_name ("王");
  g_autofree char *latin = civic_privacy_mask_name ("John Smith");
  g_autofree char *email = civic_privacy_mask_email ("zhangsan1985@163.com");
  g_autofree char *qq = civic_privacy_mask_email ("845612378@qq.com");
  g_autofree char *no_domain = civic_privacy_mask_email ("张三的邮箱");

  g_assert_true (applicant->masked);
  g_assert_cmpstr (applicant->name, ==, "张**");
  g_assert_cmpstr (applicant->id_number, ==, "110105********002X");
  g_assert_cmpstr (applicant->phone, ==, "138****5678");
  g_assert_cmpstr (applicant->address, ==, "湖南省长沙市****");
  g_assert_cmpstr (name, ==, "欧**");
  g_assert_cmpstr (one, ==, "*");
  g_assert_cmpstr (latin, ==, "J**");
  g_assert_cmpstr (email, ==, "z***@163.com");
  g_assert_cmpstr (qq, ==, "8***@qq.com");
  g_assert_cmpstr (no_domain, ==, "张***");
  /* The original keeps the data; masking a masked copy changes nothing. */
  g_assert_cmpstr (civic_case_get_applicant (kase)->name, ==, "张三丰");

  {
    CivicApplicant company = {
      CIVIC_APPLICANT_ORGANISATION, (char *) "长沙市岳麓区好味道餐饮有限公司",
      (char *) "91430104MA4L12345X", (char *) "0731-88881234", (char *) "湖南省长沙市岳麓区桐梓坡路",
      (char *) "刘德华", FALSE
    };
    g_autoptr(CivicCase) masked_company = NULL;

    civic_case_set_applicant (kase, &company);
    masked_company = civic_case_copy_masked (kase);
    applicant = civic_case_get_applicant (masked_company);
    g_assert_cmpstr (applicant->name, ==, "长沙市岳麓区好味道餐饮有限公司");
    g_assert_cmpstr (applicant->id_number, ==, "91430104MA4L12345X");
    g_assert_cmpstr (applicant->contact, ==, "刘**");
  }
}

static const struct
{
  const char *from;
  const char *to;
  const char *message;
} corruptions[] = {
  { "\"state\":\"submitted\"", "\"state\":\"flying\"", "“flying” is not a valid value for “state”" },
  { "\"id\":\"case-1\",", "", "“id” is missing" },
  { "\"statutory_days\":20", "\"statutory_days\":0", "item: “statutory_days” must lie between" },
  { "\"received_at\":\"2026-03-02T02:00:00.000Z\"", "\"received_at\":\"2026-03-02\"",
    "“received_at” must be an RFC 3339 time" },
  { "{\"id\":\"m2\"", "{\"id\":\"m1\"", "materials[1]: the material “m1” is listed twice" },
  { "\"length\":5", "\"length\":\"5\"", "clocks.correction: “length” must be a whole number" },
  { "\"materials\":[", "\"materials\":[7,", "materials[0] must be an object" },
};

static void
test_json_malformed (void)
{
  g_autoptr(CivicCase) kase = new_case (FALSE);
  g_autoptr(JsonNode) node = civic_case_to_json (kase);
  g_autofree char *text = civic_json_to_string (node, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (corruptions); i++)
    {
      GString *edit = g_string_new (text);
      g_autofree char *changed = NULL;
      g_autoptr(JsonNode) changed_node = NULL;
      g_autoptr(CivicCase) parsed = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (g_string_replace (edit, corruptions[i].from, corruptions[i].to, 1), ==, 1);
      changed = g_string_free (edit, FALSE);
      changed_node = civic_json_parse (changed, -1, &error);
      g_assert_no_error (error);
      parsed = civic_case_new_from_json (changed_node, &error);
      g_assert_null (parsed);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, corruptions[i].message))
        g_error ("expected “%s…”, got “%s”", corruptions[i].message, error->message);
    }
}

static void
test_unknown_action (void)
{
  CivicAction action;

  g_assert_true (civic_action_from_string ("request-correction", &action));
  g_assert_cmpint (action, ==, CIVIC_ACTION_REQUEST_CORRECTION);
  g_assert_cmpstr (civic_action_to_string (CIVIC_ACTION_INFORM_HEARING_RIGHT), ==,
                   "inform-hearing-right");
  g_assert_false (civic_action_from_string ("approve-everything", &action));
  g_assert_false (civic_action_from_string (NULL, &action));
  g_assert_cmpstr (civic_action_get_past_tense ("accept"), ==, "Accepted the application");
  g_assert_cmpstr (civic_action_get_past_tense ("submit"), ==, "Application received");
}

/* The arguments the declarations (civic-case-arguments.c) call required
 * are those the rules refuse the action without: from arguments the rules
 * take, each required one dropped in turn is refused by its name; each
 * other one dropped is still taken. */
static void
test_required_declared (void)
{
  g_autoptr(CivicCase) submitted = new_case (TRUE);
  g_autoptr(CivicCase) review = new_case (FALSE);
  g_autoptr(CivicCase) opined = NULL;
  enum { SUBMITTED, REVIEW, OPINED };
  struct {
    int          stage;
    CivicActor  *actor;
    CivicAction  action;
    const char  *args;
  } given[] = {
    { SUBMITTED, clerk, CIVIC_ACTION_NOT_ACCEPT,
      "{\"ground\": \"not-competent\", \"reason\": \"不属于本机关职权范围\", "
      "\"legal_basis\": \"《行政许可法》第三十二条\", \"competent_authority\": \"长沙市市场监督管理局\"}" },
    { SUBMITTED, clerk, CIVIC_ACTION_REQUEST_CORRECTION,
      "{\"missing\": [\"m2\"], \"note\": \"请补正营业执照复印件\"}" },
    { REVIEW, examiner, CIVIC_ACTION_COMMENT, "{\"text\": \"已电话联系申请人\"}" },
    { REVIEW, examiner, CIVIC_ACTION_OPINION,
      "{\"recommendation\": \"approve\", \"text\": \"材料齐全，拟准予许可\", \"submit\": false}" },
    { REVIEW, examiner, CIVIC_ACTION_VERIFY,
      "{\"verifiers\": [\"u-examiner\", \"u-examiner2\"], \"note\": \"现场核查\"}" },
    { REVIEW, approver, CIVIC_ACTION_EXTEND, "{\"reason\": \"需组织专家论证\", \"days\": 5}" },
    { REVIEW, examiner, CIVIC_ACTION_STOP_CLOCK,
      "{\"reason\": \"inspection\", \"expected_days\": 10, \"note\": \"委托检验\"}" },
    { REVIEW, examiner, CIVIC_ACTION_INFORM_HEARING_RIGHT, "{\"parties\": [\"张三丰\"]}" },
    { REVIEW, approver, CIVIC_ACTION_ORDER_HEARING, "{\"reason\": \"涉及重大公共利益\"}" },
    { OPINED, approver, CIVIC_ACTION_DECIDE,
      "{\"result\": \"deny\", \"reason\": \"经营场所不符合要求\", \"legal_basis\": \"《食品安全法》第三十五条\", "
      "\"reconsideration_body\": \"湖南省人民政府\", \"court\": \"长沙市岳麓区人民法院\", \"number\": \"湘食许〔2026〕1号\"}" },
    { OPINED, approver, CIVIC_ACTION_RETURN, "{\"reason\": \"核查记录不全\"}" },
  };
  guint n_checked = 0;

  step (&review, clerk, "2026-03-03", CIVIC_ACTION_START_PRE_REVIEW, NULL);
  step (&review, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  step (&review, examiner, "2026-03-05", CIVIC_ACTION_CLAIM, NULL);
  opined = g_object_ref (review);
  step (&opined, examiner, "2026-03-06", CIVIC_ACTION_VERIFY,
        "{\"verifiers\": [\"u-examiner\", \"u-examiner2\"], \"note\": \"现场核查\"}");
  step (&opined, examiner, "2026-03-06", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"deny\", \"text\": \"经营场所不符合要求\"}");

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      const CivicArgument *arguments = civic_action_get_arguments (given[i].action);
      CivicCase *kase = given[i].stage == SUBMITTED ? submitted
                        : given[i].stage == REVIEW ? review : opined;
      g_autoptr(JsonObject) all = civic_json_parse_object (given[i].args, -1, NULL);
      g_autoptr(CivicCase) taken = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", civic_action_to_string (given[i].action));
      taken = act (kase, given[i].actor, "2026-03-06", given[i].action, given[i].args, &error);
      g_assert_no_error (error);

      for (guint a = 0; arguments[a].name != NULL; a++)
        {
          const CivicArgument *argument = &arguments[a];
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
          g_autoptr(JsonObject) fewer = json_object_new ();
          g_autoptr(CivicCase) next = NULL;
          g_autoptr(GError) refusal = NULL;
          g_autofree char *text = NULL;
          g_autofree char *quoted = g_strdup_printf ("“%s”", argument->name);
          gboolean required = argument->required &&
                              civic_argument_is_asked (argument, G_OBJECT (kase), 1) &&
                              (argument->shown_when.name == NULL ||
                               g_strcmp0 (json_object_get_string_member_with_default (
                                            all, argument->shown_when.name, NULL),
                                          argument->shown_when.value) == 0);
          g_autoptr(GList) members = json_object_get_members (all);

          if (!json_object_has_member (all, argument->name))
            {
              /* A fixture gives every required argument */
              g_assert_false (required);
              continue;
            }
          for (GList *m = members; m != NULL; m = m->next)
            if (!g_str_equal (m->data, argument->name))
              json_object_set_member (fewer, m->data,
                                      json_node_copy (json_object_get_member (all, m->data)));
          json_node_take_object (node, g_steal_pointer (&fewer));
          text = civic_json_to_string (node, FALSE);

          next = act (kase, given[i].actor, "2026-03-06", given[i].action, text, &refusal);
          if (required)
            {
              g_assert_null (next);
              g_assert_error (refusal, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT);
              if (strstr (refusal->message, quoted) == NULL)
                g_error ("%s without %s: “%s”", civic_action_to_string (given[i].action),
                         argument->name, refusal->message);
            }
          else
            {
              if (refusal != NULL)
                g_error ("%s without %s, which is not required: “%s”",
                         civic_action_to_string (given[i].action), argument->name,
                         refusal->message);
              g_assert_nonnull (next);
            }
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >=, 25);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);

  clerk = civic_actor_new ("u-clerk", "王芳", "dept-market", CIVIC_ROLE_CLERK);
  examiner = civic_actor_new ("u-examiner", "李明", "dept-market", CIVIC_ROLE_EXAMINER);
  examiner2 = civic_actor_new ("u-examiner2", "赵强", "dept-market", CIVIC_ROLE_EXAMINER);
  approver = civic_actor_new ("u-approver", "陈静", "dept-market", CIVIC_ROLE_APPROVER);
  officer = civic_actor_new ("u-officer", "周杰", "dept-market", CIVIC_ROLE_HEARING_OFFICER);
  supervisor = civic_actor_new ("u-supervisor", "孙悦", "dept-supervision", CIVIC_ROLE_SUPERVISOR);
  admin = civic_actor_new ("u-admin", "管理员", "dept-office", CIVIC_ROLE_ADMIN);
  service = civic_actor_new ("system", "Civic Desk", NULL, CIVIC_ROLE_SYSTEM);
  health_examiner = civic_actor_new ("u-health", "何芳", "dept-health", CIVIC_ROLE_EXAMINER);

  g_test_add_func ("/workflow/lifecycle-approve", test_lifecycle_approve);
  g_test_add_func ("/workflow/calendar-days", test_calendar_days);
  g_test_add_func ("/workflow/correction-notice", test_correction_notice);
  g_test_add_func ("/workflow/second-notice-in-round", test_second_notice_in_round);
  g_test_add_func ("/workflow/deemed-acceptance", test_deemed_acceptance);
  g_test_add_func ("/workflow/not-accepted", test_not_accepted);
  g_test_add_func ("/workflow/verification-needs-two", test_verification_needs_two);
  g_test_add_func ("/workflow/extension", test_extension);
  g_test_add_func ("/workflow/special-procedure", test_special_procedure);
  g_test_add_func ("/workflow/hearing-on-request", test_hearing_on_request);
  g_test_add_func ("/workflow/hearing-waived-and-required", test_hearing_waived_and_required);
  g_test_add_func ("/workflow/joint-case", test_joint_case);
  g_test_add_func ("/workflow/queue-actions", test_queue_actions);
  g_test_add_func ("/workflow/named-officials", test_named_officials);
  g_test_add_func ("/workflow/close-early", test_close_early);
  g_test_add_func ("/workflow/role-matrix", test_role_matrix);
  g_test_add_func ("/workflow/json-round-trip", test_json_round_trip);
  g_test_add_func ("/workflow/documents", test_documents);
  g_test_add_func ("/workflow/masking", test_masking);
  g_test_add_func ("/workflow/json-malformed", test_json_malformed);
  g_test_add_func ("/workflow/unknown-action", test_unknown_action);
  g_test_add_func ("/workflow/required-declared", test_required_declared);

  result = g_test_run ();

  g_clear_object (&calendar);
  civic_actor_free (clerk);
  civic_actor_free (examiner);
  civic_actor_free (examiner2);
  civic_actor_free (approver);
  civic_actor_free (officer);
  civic_actor_free (supervisor);
  civic_actor_free (admin);
  civic_actor_free (service);
  civic_actor_free (health_examiner);
  return result;
}
