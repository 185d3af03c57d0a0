/* test-disclosure-request.c — a request for government information, through its commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The days are those of the plan for issue 14 (docs/plans/disclosure.md,
 * decision 9), counted by hand on data/calendars/CN-2026.json.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-core.h"
#include "civic-core-test.h"
#include "civic-disclosure-report.h"

/* The natural resources department (zrzy): 林编辑 registers and drafts,
 * 马审核 reviews, 周主任 heads the disclosure office; 钱编辑 is an editor of
 * another organ; the service registers what comes from the public side.
 * 张三丰 asks. */

static CivicCalendar *calendar;
static CivicActor *lin, *ma, *zhou, *qian, *service;

static const char *applicant_args =
  "\"applicant_kind\": \"natural-person\", \"applicant_name\": \"张三丰\","
  " \"id_type\": \"resident-id\", \"id_number\": \"11010519491231002x\","
  " \"phone\": \"13812345678\", \"address\": \"湖南省长沙市岳麓区麓山南路1号\","
  " \"email\": \"zhangsanfeng1949@163.com\"";

static CivicDisclosureRequest *
act_full (CivicDisclosureRequest  *request,
          CivicActor              *actor,
          const char              *now,
          const char              *type,
          const char              *json,
          GError                 **error)
{
  const CivicEntityKind *kind = &civic_disclosure_request_kind;
  g_autoptr(GDateTime) at = civic_time_parse (now);
  g_autoptr(JsonNode) args = json ? civic_json_parse (json, -1, NULL) : NULL;
  CivicWorkflowContext context;
  guint action;
  GObject *next;

  g_assert_nonnull (at);
  g_assert_true (json == NULL || args != NULL);
  g_assert_true (kind->action_from_string (type, &action));
  civic_workflow_context_init (&context, calendar, at, actor);
  context.command_id = "cmd";

  if (request == NULL)
    {
      g_autoptr(GObject) blank = NULL;

      g_assert_true (kind->creates (action));
      blank = kind->create ("req-1", action, &context, error);
      if (blank == NULL)
        return NULL;
      next = kind->apply (blank, action, args ? json_node_get_object (args) : NULL, &context,
                          error);
    }
  else
    next = kind->apply (G_OBJECT (request), action, args ? json_node_get_object (args) : NULL,
                        &context, error);
  if (next != NULL)
    kind->set_rev (next, (request ? civic_disclosure_request_get_rev (request) : 0) + 1);
  return next ? CIVIC_DISCLOSURE_REQUEST (next) : NULL;
}

static void
act (CivicDisclosureRequest **request,
     CivicActor              *actor,
     const char              *now,
     const char              *type,
     const char              *json)
{
  g_autoptr(GError) error = NULL;
  CivicDisclosureRequest *next = act_full (*request, actor, now, type, json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_clear_object (request);
  *request = next;
}

/* Refused with @code and a message that says @fragment, the request left
 * as it was */
static void
refused (CivicDisclosureRequest *request,
         CivicActor             *actor,
         const char             *now,
         const char             *type,
         const char             *json,
         CivicWorkflowError      code,
         const char             *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = request ? civic_disclosure_request_to_json (request) : NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(CivicDisclosureRequest) next = act_full (request, actor, now, type, json, &error);

  g_assert_null (next);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, (int) code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  if (request != NULL)
    {
      after = civic_disclosure_request_to_json (request);
      g_assert_true (json_node_equal (before, after));
    }
}

static char *
register_args (const char *channel,
               const char *received_on)
{
  return g_strdup_printf ("{\"channel\": \"%s\", \"received_on\": \"%s\", %s,"
                          " \"description\": \"2025年麓山南路片区征收补偿方案及其批复文件\","
                          " \"document_number\": \"长政函〔2025〕12号\","
                          " \"delivery_form\": \"electronic\", \"delivery_channel\": \"email\"}",
                          channel, received_on, applicant_args);
}

static CivicDisclosureRequest *
registered (const char *received_on)
{
  CivicDisclosureRequest *request = NULL;
  g_autofree char *args = register_args ("in-person", received_on);
  g_autofree char *now = g_strdup_printf ("%sT10:00:00+08:00", received_on);

  act (&request, lin, now, "register-disclosure-request", args);
  return request;
}

static CivicDisclosureRequestReading *
read_on (CivicDisclosureRequest *request,
         const char             *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDisclosureRequestClock) clock =
    civic_disclosure_request_dup_clock (request, calendar, &error);

  g_assert_no_error (error);
  return civic_disclosure_request_clock_read (clock, day (today), NULL);
}

static char *
describe (CivicDisclosureRequest *request)
{
  return civic_disclosure_request_kind.describe (G_OBJECT (request));
}

static void
assert_describes (CivicDisclosureRequest *request,
                  const char             *expected)
{
  g_autofree char *text = describe (request);

  g_assert_cmpstr (text, ==, expected);
}

static JsonObject *
summary_on (CivicDisclosureRequest *request,
            const char             *today)
{
  g_autoptr(JsonNode) node = civic_disclosure_request_summarize (request, calendar, day (today),
                                                                 NULL);

  return json_object_ref (json_node_get_object (node));
}

/* Registration: what Art. 29 asks of a request, the day Art. 31 counts
 * it from */
static void
test_register (void)
{
  g_autoptr(CivicDisclosureRequest) request = registered ("2026-09-21");
  const CivicDisclosureApplicant *applicant = civic_disclosure_request_get_applicant (request);
  g_autofree char *label = civic_disclosure_request_kind.label (G_OBJECT (request));
  g_autofree char *other = NULL;

  g_assert_cmpstr (civic_disclosure_request_get_id (request), ==, "req-1");
  g_assert_cmpstr (civic_disclosure_request_get_department_id (request), ==, "zrzy");
  g_assert_cmpint (civic_disclosure_request_get_state (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_RECEIVED);
  g_assert_cmpint (civic_disclosure_request_get_channel (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_CHANNEL_IN_PERSON);
  assert_day_eq (civic_disclosure_request_get_received_on (request), "2026-09-21");
  g_assert_cmpint (applicant->kind, ==, CIVIC_DISCLOSURE_APPLICANT_NATURAL_PERSON);
  g_assert_cmpstr (applicant->name, ==, "张三丰");
  /* The check character is kept upper case, as GB 11643 writes it */
  g_assert_cmpstr (applicant->id_number, ==, "11010519491231002X");
  g_assert_false (applicant->masked);
  g_assert_cmpint (civic_disclosure_request_get_delivery_form (request), ==,
                   CIVIC_DISCLOSURE_DELIVERY_ELECTRONIC);
  g_assert_cmpint (civic_disclosure_request_get_delivery_channel (request), ==,
                   CIVIC_DISCLOSURE_DELIVERY_BY_EMAIL);
  g_assert_cmpstr (civic_disclosure_request_get_document_number (request), ==, "长政函〔2025〕12号");
  g_assert_null (civic_disclosure_request_get_receipt (request));

  /* Received Mon 2026-09-21: the Mid-Autumn Festival and National Day
   * holidays skipped, Sat 10-10 worked: due Mon 2026-10-26 */
  assert_day_eq (civic_disclosure_request_get_due_on (request), "2026-10-26");
  assert_describes (request, "Received, reply due 2026-10-26");
  /* Without a receipt, the first words of what is asked for */
  g_assert_cmpstr (label, ==, "2025年麓山南路片区征收补偿方案及其批…");
  civic_disclosure_request_set_receipt (request, "YSQ-7K3M9");
  g_clear_pointer (&label, g_free);
  label = civic_disclosure_request_kind.label (G_OBJECT (request));
  g_assert_cmpstr (label, ==, "YSQ-7K3M9");

  /* Not twice; by an editor; of the actor's own organ */
  other = register_args ("in-person", "2026-09-21");
  refused (request, lin, "2026-09-21T11:00:00+08:00", "register-disclosure-request", other,
           CIVIC_WORKFLOW_ERROR_STATE, "registered already");
  refused (NULL, ma, "2026-09-21T11:00:00+08:00", "register-disclosure-request", other,
           CIVIC_WORKFLOW_ERROR_ROLE, "is for these roles: Disclosure editor");
  refused (request, qian, "2026-09-22T09:00:00+08:00", "comment-disclosure-request",
           "{\"text\": \"看一下\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "Only the organ that received a request acts on it");
  /* Art. 31: the day it was received, never one still to come */
  refused (NULL, lin, "2026-09-20T11:00:00+08:00", "register-disclosure-request", other,
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "“received_on” cannot be in the future");
}

/* What Art. 29(1) asks of the applicant */
static void
test_register_applicant (void)
{
  g_autoptr(CivicDisclosureRequest) company = NULL;
  const char *now = "2026-03-02T10:00:00+08:00";
  const char *rest = "\"channel\": \"post\", \"received_on\": \"2026-03-02\","
                     " \"description\": \"某项目环评批复\", \"delivery_form\": \"paper\","
                     " \"delivery_channel\": \"post\"";
  g_autofree char *no_id = g_strdup_printf ("{%s, \"applicant_kind\": \"natural-person\","
                                            " \"applicant_name\": \"张三丰\","
                                            " \"phone\": \"13812345678\"}", rest);
  g_autofree char *bad_id = g_strdup_printf ("{%s, \"applicant_kind\": \"natural-person\","
                                             " \"applicant_name\": \"张三丰\","
                                             " \"id_number\": \"110105194912310021\","
                                             " \"phone\": \"13812345678\"}", rest);
  g_autofree char *no_contact = g_strdup_printf ("{%s, \"applicant_kind\": \"natural-person\","
                                                 " \"applicant_name\": \"张三丰\","
                                                 " \"id_number\": \"11010519491231002X\"}", rest);
  g_autofree char *no_organisation =
    g_strdup_printf ("{%s, \"applicant_kind\": \"legal-service-institution\","
                     " \"applicant_name\": \"李律师\", \"phone\": \"0731-88881234\"}", rest);
  g_autofree char *organisation =
    g_strdup_printf ("{%s, \"applicant_kind\": \"legal-service-institution\","
                     " \"applicant_name\": \"李律师\", \"organisation\": \"湖南某某律师事务所\","
                     " \"credit_code\": \"31430000MD0123456X\", \"phone\": \"0731-88881234\"}",
                     rest);
  g_autofree char *elsewhere = register_args ("online", "2026-03-02");

  refused (NULL, lin, now, "register-disclosure-request", no_id, CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "identity document");
  refused (NULL, lin, now, "register-disclosure-request", bad_id, CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "The resident identity card number is not valid");
  refused (NULL, lin, now, "register-disclosure-request", no_contact,
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "at least one way to reach the applicant");
  refused (NULL, lin, now, "register-disclosure-request", no_organisation,
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "name of the organisation");

  act (&company, lin, now, "register-disclosure-request", organisation);
  g_assert_cmpint (civic_disclosure_request_get_applicant (company)->kind, ==,
                   CIVIC_DISCLOSURE_APPLICANT_LEGAL_SERVICE);
  g_assert_cmpstr (civic_disclosure_request_get_applicant (company)->organisation, ==,
                   "湖南某某律师事务所");
  g_clear_object (&company);

  /* The service registers a request from the public side for the organ
   * the applicant chose; an official only for their own */
  refused (NULL, service, now, "register-disclosure-request", elsewhere,
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "Say which organ is asked");
  {
    g_autofree char *for_zrzy = g_strdup_printf ("{\"department_id\": \"zrzy\", %s",
                                                 elsewhere + 1);
    g_autofree char *for_scjg = g_strdup_printf ("{\"department_id\": \"scjg\", %s",
                                                 elsewhere + 1);

    act (&company, service, now, "register-disclosure-request", for_zrzy);
    g_assert_cmpstr (civic_disclosure_request_get_department_id (company), ==, "zrzy");
    g_assert_cmpint (civic_disclosure_request_get_channel (company), ==,
                     CIVIC_DISCLOSURE_REQUEST_CHANNEL_ONLINE);
    refused (NULL, lin, now, "register-disclosure-request", for_scjg, CIVIC_WORKFLOW_ERROR_ROLE,
             "Only the organ that received a request acts on it");
  }
}

/* Art. 33 ¶2: received Mon 2026-09-21, due Mon 2026-10-26; the head, and
 * only the head, extends it by 20 to Mon 2026-11-23, once */
static void
test_extension (void)
{
  g_autoptr(CivicDisclosureRequest) request = registered ("2026-09-21");

  refused (request, lin, "2026-10-20T09:00:00+08:00", "extend-disclosure-request",
           "{\"days\": 20, \"reason\": \"需调取档案馆存档材料\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "“Extend Time to Reply” is for these roles: Head of the disclosure office");
  refused (request, ma, "2026-10-20T09:00:00+08:00", "extend-disclosure-request",
           "{\"days\": 20, \"reason\": \"需调取档案馆存档材料\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "Head of the disclosure office");
  refused (request, zhou, "2026-10-20T09:00:00+08:00", "extend-disclosure-request",
           "{\"days\": 21, \"reason\": \"需调取档案馆存档材料\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "An extension is of 1 to 20 working days (Art. 33)");
  refused (request, zhou, "2026-10-20T09:00:00+08:00", "extend-disclosure-request",
           "{\"days\": 20}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "“reason” is missing");
  /* Only before the time runs out */
  refused (request, zhou, "2026-10-27T09:00:00+08:00", "extend-disclosure-request",
           "{\"days\": 20, \"reason\": \"需调取档案馆存档材料\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "The time limit ran out on 2026-10-26");

  act (&request, zhou, "2026-10-20T09:00:00+08:00", "extend-disclosure-request",
       "{\"days\": 20, \"reason\": \"需调取档案馆存档材料\"}");
  assert_day_eq (civic_disclosure_request_get_due_on (request), "2026-11-23");
  g_assert_cmpint (civic_disclosure_request_get_extension (request)->days, ==, 20);
  g_assert_cmpstr (civic_disclosure_request_get_extension (request)->approved_by_name, ==,
                   "周主任");
  {
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-10-20");
    g_autofree char *trace = civic_clock_reading_dup_trace_text (reading->reply);

    assert_day_eq (reading->reply->due, "2026-11-23");
    g_assert_nonnull (strstr (trace, "Extended on 2026-10-20 by 20 working days, approved by "
                                     "周主任: 需调取档案馆存档材料"));
  }
  refused (request, zhou, "2026-10-21T09:00:00+08:00", "extend-disclosure-request",
           "{\"days\": 5, \"reason\": \"再延\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "already extended on 2026-10-20; it can be extended once");

  /* The editor drafts, a reviewer issues: the clock is done, in time */
  act (&request, lin, "2026-11-18T09:00:00+08:00", "draft-disclosure-reply",
       "{\"outcome\": \"disclose\", \"detail\": \"请于收到本告知书后到本机关政务公开窗口领取。\"}");
  act (&request, ma, "2026-11-20T09:00:00+08:00", "issue-disclosure-reply",
       "{\"replied_on\": \"2026-11-20\"}");
  g_assert_cmpint (civic_disclosure_request_get_state (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_REPLIED);
  assert_day_eq (civic_disclosure_request_get_replied_on (request), "2026-11-20");
  assert_describes (request, "Replied on 2026-11-20: Disclose");
  {
    g_autoptr(JsonObject) summary = summary_on (request, "2026-12-01");

    g_assert_cmpstr (json_object_get_string_member (summary, "status"), ==, "done");
    g_assert_cmpstr (json_object_get_string_member (summary, "due"), ==, "2026-11-23");
    g_assert_false (json_object_get_boolean_member (summary, "late"));
    g_assert_true (json_object_get_boolean_member (summary, "extended"));
    g_assert_cmpstr (json_object_get_string_member (summary, "outcome"), ==, "disclose");
  }
  refused (request, lin, "2026-11-21T09:00:00+08:00", "withdraw-disclosure-request",
           "{\"note\": \"申请人来电撤回\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "“Record Withdrawal” is not possible while the request is “Replied”");
}

/* Art. 30: received Fri 2026-02-06, the one notice is due Tue 02-24;
 * corrected Fri 02-27, the reply is due Thu 2026-03-26 */
static void
test_correction (void)
{
  g_autoptr(CivicDisclosureRequest) request = registered ("2026-02-06");
  const char *items = "{\"items\": \"请写明所需信息的名称或文号，以及所涉地块的位置。\", \"period\": 10}";

  {
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-02-09");

    assert_day_eq (reading->correction_notice_due, "2026-02-24");
  }
  refused (request, lin, "2026-02-25T09:00:00+08:00", "request-disclosure-correction", items,
           CIVIC_WORKFLOW_ERROR_RULE,
           "The correction notice had to be sent by 2026-02-24, within 7 working days of "
           "receipt (Art. 30)");
  refused (request, ma, "2026-02-10T09:00:00+08:00", "request-disclosure-correction", items,
           CIVIC_WORKFLOW_ERROR_ROLE, "Disclosure editor");
  refused (request, lin, "2026-02-10T09:00:00+08:00", "request-disclosure-correction",
           "{\"period\": 10}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "“items” is missing");

  act (&request, lin, "2026-02-10T09:00:00+08:00", "request-disclosure-correction", items);
  g_assert_cmpint (civic_disclosure_request_get_state (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_CORRECTION_REQUESTED);
  /* 10 working days for the applicant: 02-11…13, Sat 02-14 worked, the
   * Spring Festival off, 02-24…27, Sat 02-28 worked, 03-02 */
  assert_day_eq (civic_disclosure_request_get_correction (request)->due_on, "2026-03-02");
  assert_describes (request, "Awaiting correction, until 2026-03-02; the time to reply is stopped");
  {
    g_autoptr(JsonObject) summary = summary_on (request, "2026-02-12");

    g_assert_cmpstr (json_object_get_string_member (summary, "status"), ==, "paused");
    g_assert_cmpstr (json_object_get_string_member (summary, "paused_since"), ==, "2026-02-10");
    g_assert_cmpstr (json_object_get_string_member (summary, "correction_due"), ==, "2026-03-02");
  }

  /* 一次性告知: one notice lists everything */
  refused (request, lin, "2026-02-12T09:00:00+08:00", "request-disclosure-correction", items,
           CIVIC_WORKFLOW_ERROR_RULE,
           "A correction notice was already sent on 2026-02-10; the applicant is told everything "
           "to correct in one notice (Art. 30)");
  refused (request, lin, "2026-02-12T09:00:00+08:00", "start-disclosure-consultation",
           "{\"party\": \"长沙市岳麓区人民政府\", \"consultee\": \"co-producer\","
           " \"basis\": \"共同制作\", \"served_on\": \"2026-02-12\"}",
           CIVIC_WORKFLOW_ERROR_STATE, "while the request is “Awaiting correction”");
  refused (request, lin, "2026-02-27T09:00:00+08:00", "receive-disclosure-correction",
           "{\"received_on\": \"2026-02-09\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "2026-02-09 is before the correction notice was sent, on 2026-02-10");

  act (&request, lin, "2026-02-27T15:00:00+08:00", "receive-disclosure-correction",
       "{\"received_on\": \"2026-02-27\"}");
  g_assert_cmpint (civic_disclosure_request_get_state (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS);
  assert_day_eq (civic_disclosure_request_get_correction (request)->corrected_on, "2026-02-27");
  /* Restarted in full: Sat 02-28 worked, 03-02…06, 03-09…13, 03-16…20,
   * 03-23…26 */
  assert_day_eq (civic_disclosure_request_get_due_on (request), "2026-03-26");
  assert_describes (request, "In progress, reply due 2026-03-26");
  {
    g_autoptr(JsonObject) summary = summary_on (request, "2026-03-24");

    g_assert_cmpstr (json_object_get_string_member (summary, "status"), ==, "yellow");
    g_assert_cmpint (json_object_get_int_member (summary, "remaining"), ==, 2);
    g_assert_null (json_object_get_string_member (summary, "correction_due"));
  }

  /* Still one notice, after the correction too */
  refused (request, lin, "2026-03-02T09:00:00+08:00", "request-disclosure-correction", items,
           CIVIC_WORKFLOW_ERROR_RULE, "A correction notice was already sent on 2026-02-10");

  /* Still unclear after correction (Art. 30), a ground only a corrected
   * request has */
  act (&request, lin, "2026-03-10T09:00:00+08:00", "draft-disclosure-reply",
       "{\"outcome\": \"cannot-provide\", \"ground\": \"unclear-after-correction\"}");
  act (&request, zhou, "2026-03-11T09:00:00+08:00", "issue-disclosure-reply",
       "{\"replied_on\": \"2026-03-11\"}");
  g_assert_cmpint (civic_disclosure_request_reply_get_report_row (
                     civic_disclosure_request_get_reply (request)->outcome,
                     civic_disclosure_request_get_reply (request)->ground), ==,
                   CIVIC_DISCLOSURE_ROW_UNCLEAR_AFTER_CORRECTION);
}

/* Art. 30: not corrected in time, without good reason, it is deemed
 * abandoned; an official confirms that, since "good reason" is judged */
static void
test_abandoned (void)
{
  g_autoptr(CivicDisclosureRequest) request = registered ("2026-02-06");

  act (&request, lin, "2026-02-10T09:00:00+08:00", "request-disclosure-correction",
       "{\"items\": \"请写明所需信息的名称或文号。\", \"period\": 10}");
  refused (request, lin, "2026-03-02T17:00:00+08:00", "close-disclosure-request-abandoned",
           "{\"note\": \"逾期未补正\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "The applicant has until 2026-03-02 to correct the request; only then is it deemed "
           "abandoned (Art. 30)");
  refused (request, ma, "2026-03-03T09:00:00+08:00", "close-disclosure-request-abandoned",
           "{\"note\": \"逾期未补正\"}", CIVIC_WORKFLOW_ERROR_ROLE, "Disclosure editor");

  act (&request, zhou, "2026-03-03T09:00:00+08:00", "close-disclosure-request-abandoned",
       "{\"note\": \"逾期未补正，亦未说明理由\"}");
  g_assert_cmpint (civic_disclosure_request_get_state (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_ABANDONED);
  assert_day_eq (civic_disclosure_request_get_closed_on (request), "2026-03-03");
  assert_describes (request, "Deemed abandoned on 2026-03-03");
  /* The annual report counts it in (六) */
  g_assert_cmpint (civic_disclosure_request_get_reply (request)->outcome, ==,
                   CIVIC_DISCLOSURE_REPLY_OTHER);
  g_assert_cmpint (civic_disclosure_request_get_reply (request)->ground, ==,
                   CIVIC_DISCLOSURE_GROUND_ABANDONED);
  {
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-03-10");

    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_DONE);
    assert_day_eq (reading->reply->completed_on, "2026-03-03");
  }
  refused (request, lin, "2026-03-04T09:00:00+08:00", "receive-disclosure-correction",
           "{\"received_on\": \"2026-03-04\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "while the request is “Deemed abandoned”");

  /* The applicant asks for a reconsideration, then sues (Art. 51): the
   * annual report counts the lawsuit as brought after reconsideration */
  refused (request, lin, "2026-03-20T09:00:00+08:00", "record-disclosure-remedy",
           "{\"kind\": \"reconsideration\", \"filed_on\": \"2026-03-02\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "filed after the reply");
  act (&request, lin, "2026-03-20T09:00:00+08:00", "record-disclosure-remedy",
       "{\"kind\": \"reconsideration\", \"filed_on\": \"2026-03-18\", \"body\": \"长沙市人民政府\"}");
  refused (request, lin, "2026-04-10T09:00:00+08:00", "record-disclosure-remedy",
           "{\"remedy\": \"1\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "Give its result");
  act (&request, zhou, "2026-04-10T09:00:00+08:00", "record-disclosure-remedy",
       "{\"remedy\": \"1\", \"result\": \"upheld\", \"decided_on\": \"2026-04-09\"}");
  refused (request, lin, "2026-04-11T09:00:00+08:00", "record-disclosure-remedy",
           "{\"remedy\": 1, \"result\": \"corrected\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "Its result is recorded already");
  act (&request, lin, "2026-04-20T09:00:00+08:00", "record-disclosure-remedy",
       "{\"kind\": \"lawsuit\", \"filed_on\": \"2026-04-20\", \"body\": \"长沙铁路运输法院\"}");
  {
    GPtrArray *remedies = civic_disclosure_request_get_remedies (request);
    const CivicDisclosureRemedy *reconsideration = g_ptr_array_index (remedies, 0);
    const CivicDisclosureRemedy *lawsuit = g_ptr_array_index (remedies, 1);

    g_assert_cmpuint (remedies->len, ==, 2);
    g_assert_cmpint (reconsideration->result, ==, CIVIC_DISCLOSURE_REMEDY_UPHELD);
    assert_day_eq (reconsideration->decided_on, "2026-04-09");
    g_assert_cmpint (lawsuit->result, ==, CIVIC_DISCLOSURE_REMEDY_PENDING);
    g_assert_false (civic_disclosure_remedy_is_after_reconsideration (request, reconsideration));
    g_assert_true (civic_disclosure_remedy_is_after_reconsideration (request, lawsuit));
  }
}

/* Arts. 32–34: received Tue 04-28, the reply is due 05-28; a letter
 * served Wed 05-06 and answered Wed 05-20 stops it for 11 working days
 * (Sat 05-09 is a make-up day), so the reply is due Fri 2026-06-12 */
static void
test_consultation (void)
{
  g_autoptr(CivicDisclosureRequest) request = registered ("2026-04-28");
  const char *letter = "{\"party\": \"长沙某某置业有限公司\", \"consultee\": \"third-party\","
                       " \"basis\": \"申请公开的补偿协议涉及该公司商业秘密\","
                       " \"served_on\": \"2026-05-06\"}";

  assert_day_eq (civic_disclosure_request_get_due_on (request), "2026-05-28");
  refused (request, lin, "2026-05-06T09:00:00+08:00", "start-disclosure-consultation",
           "{\"party\": \"长沙某某置业有限公司\", \"consultee\": \"third-party\","
           " \"served_on\": \"2026-05-06\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "“basis” is missing");
  act (&request, lin, "2026-05-06T16:00:00+08:00", "start-disclosure-consultation", letter);
  g_assert_cmpint (civic_disclosure_request_get_state (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_CONSULTING);
  assert_describes (request, "Consulting; the time to reply is stopped");
  {
    g_autoptr(JsonObject) summary = summary_on (request, "2026-05-12");

    g_assert_cmpstr (json_object_get_string_member (summary, "status"), ==, "paused");
    g_assert_cmpstr (json_object_get_string_member (summary, "paused_since"), ==, "2026-05-06");
  }

  /* The reply waits for the answer */
  refused (request, lin, "2026-05-12T09:00:00+08:00", "draft-disclosure-reply",
           "{\"outcome\": \"disclose\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "“Draft Reply” is not possible while the request is “Consulting”");
  /* Silence counts only once the 15 days are over: 05-07…08, Sat 05-09,
   * 05-11…15, 05-18…22, 05-25…26 */
  refused (request, lin, "2026-05-26T09:00:00+08:00", "record-consultation-answer",
           "{\"consultation\": \"1\", \"answer\": \"none\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "The party consulted has until 2026-05-26 to answer (Arts. 32 and 34)");
  refused (request, lin, "2026-05-20T09:00:00+08:00", "record-consultation-answer",
           "{\"consultation\": \"2\", \"answer\": \"objection\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "There is no such consultation: 2");

  act (&request, lin, "2026-05-20T16:00:00+08:00", "record-consultation-answer",
       "{\"consultation\": \"1\", \"answer\": \"objection\", \"answered_on\": \"2026-05-20\","
       " \"note\": \"该公司书面反对公开，理由为涉及商业秘密\"}");
  g_assert_cmpint (civic_disclosure_request_get_state (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS);
  assert_day_eq (civic_disclosure_request_get_due_on (request), "2026-06-12");
  {
    const CivicDisclosureConsultation *consultation =
      g_ptr_array_index (civic_disclosure_request_get_consultations (request), 0);

    g_assert_cmpuint (consultation->number, ==, 1);
    g_assert_true (consultation->closed);
    g_assert_cmpint (consultation->answer, ==, CIVIC_DISCLOSURE_ANSWER_OBJECTION);
    assert_day_eq (consultation->answered_on, "2026-05-20");
    g_assert_cmpstr (consultation->party, ==, "长沙某某置业有限公司");
  }
  refused (request, lin, "2026-05-21T09:00:00+08:00", "record-consultation-answer",
           "{\"consultation\": \"1\", \"answer\": \"consent\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "while the request is “In progress”");

  /* A co-producer's silence is consent (Art. 34): served Mon 05-25, its
   * 15 working days end Mon 06-15 (the Dragon Boat Festival, 06-19, falls
   * after) */
  act (&request, lin, "2026-05-25T09:00:00+08:00", "start-disclosure-consultation",
       "{\"party\": \"长沙市岳麓区人民政府\", \"consultee\": \"co-producer\","
       " \"basis\": \"补偿方案由区政府共同制作\", \"served_on\": \"2026-05-25\"}");
  refused (request, lin, "2026-06-15T09:00:00+08:00", "record-consultation-answer",
           "{\"consultation\": \"2\", \"answer\": \"none\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "has until 2026-06-15");
  act (&request, lin, "2026-06-16T09:00:00+08:00", "record-consultation-answer",
       "{\"consultation\": \"2\", \"answer\": \"none\"}");
  g_assert_cmpint (civic_disclosure_request_get_state (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS);
  {
    const CivicDisclosureConsultation *consultation =
      g_ptr_array_index (civic_disclosure_request_get_consultations (request), 1);
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-06-16");
    CivicDisclosureConsultationReading *silence = g_ptr_array_index (reading->consultations, 1);
    g_autofree char *trace = civic_clock_reading_dup_trace_text (reading->reply);

    g_assert_cmpint (consultation->answer, ==, CIVIC_DISCLOSURE_ANSWER_NONE);
    assert_day_eq (consultation->answered_on, "none");
    g_assert_true (silence->lapsed);
    assert_day_eq (silence->ended_on, "2026-06-15");

    /* The first letter took 05-06…20 out; 05-21, 05-22 and 05-25
     * counted; the second took 05-25…06-15 out; then 06-16…18, the Dragon
     * Boat Festival off, 06-22…26, 06-29…07-03 and 07-06 */
    g_assert_nonnull (strstr (trace, "2026-05-25 – 06-15: stopped for third-party consultation, "
                                     "15 working days not counted\n"));
    assert_day_eq (reading->reply->due, "2026-07-06");
    assert_day_eq (civic_disclosure_request_get_due_on (request), "2026-07-06");
  }

  /* Withheld to protect the third party that objected (Arts. 15, 32) */
  refused (request, lin, "2026-06-17T09:00:00+08:00", "draft-disclosure-reply",
           "{\"outcome\": \"withhold\", \"ground\": \"third-party\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "Note the written consultation of the third party and its answer (Art. 32)");
  act (&request, lin, "2026-06-17T09:00:00+08:00", "draft-disclosure-reply",
       "{\"outcome\": \"withhold\", \"ground\": \"third-party\","
       " \"detail\": \"本机关于2026年5月6日书面征求其意见，该公司于5月20日书面反对公开\"}");
  act (&request, zhou, "2026-06-18T09:00:00+08:00", "issue-disclosure-reply",
       "{\"replied_on\": \"2026-06-18\"}");
  g_assert_cmpint (civic_disclosure_request_reply_get_report_row (
                     civic_disclosure_request_get_reply (request)->outcome,
                     civic_disclosure_request_get_reply (request)->ground), ==,
                   CIVIC_DISCLOSURE_ROW_WITHHELD_THIRD_PARTY);
}

/* Every other refusal: the role, the state, the reply's pair */
static void
test_refusals (void)
{
  g_autoptr(CivicDisclosureRequest) request = registered ("2026-09-21");
  const char *now = "2026-09-24T09:00:00+08:00";

  refused (request, ma, now, "draft-disclosure-reply", "{\"outcome\": \"disclose\"}",
           CIVIC_WORKFLOW_ERROR_ROLE, "“Draft Reply” is for these roles: Disclosure editor");
  refused (request, lin, now, "issue-disclosure-reply", "{\"replied_on\": \"2026-09-24\"}",
           CIVIC_WORKFLOW_ERROR_ROLE, "Disclosure reviewer");
  refused (request, ma, now, "issue-disclosure-reply", "{\"replied_on\": \"2026-09-24\"}",
           CIVIC_WORKFLOW_ERROR_STATE, "Draft the reply before it is issued");
  refused (request, lin, now, "receive-disclosure-correction", "{\"received_on\": \"2026-09-24\"}",
           CIVIC_WORKFLOW_ERROR_STATE, "while the request is “Received”");
  refused (request, lin, now, "record-consultation-answer",
           "{\"consultation\": \"1\", \"answer\": \"consent\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "while the request is “Received”");
  refused (request, lin, now, "record-disclosure-remedy",
           "{\"kind\": \"lawsuit\", \"filed_on\": \"2026-09-24\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "while the request is “Received”");
  refused (request, service, now, "comment-disclosure-request", "{\"text\": \"x\"}",
           CIVIC_WORKFLOW_ERROR_ROLE, "is for these roles");

  /* An outcome and a ground that do not go together */
  refused (request, lin, now, "draft-disclosure-reply", "{\"outcome\": \"withhold\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "A reply “Withhold” needs its ground: state secret");
  refused (request, lin, now, "draft-disclosure-reply",
           "{\"outcome\": \"disclose\", \"ground\": \"state-secret\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "A reply “Disclose” gives no ground");
  refused (request, lin, now, "draft-disclosure-reply",
           "{\"outcome\": \"cannot-provide\", \"ground\": \"repeated\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "“repeated application” is not a ground of a reply “Cannot provide”");
  refused (request, lin, now, "draft-disclosure-reply",
           "{\"outcome\": \"cannot-provide\", \"ground\": \"unclear-after-correction\"}",
           CIVIC_WORKFLOW_ERROR_RULE, "Only a request corrected after a notice");
  refused (request, lin, now, "draft-disclosure-reply",
           "{\"outcome\": \"other\", \"ground\": \"abandoned\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "“Close as Abandoned”");
  refused (request, lin, now, "draft-disclosure-reply", "{\"outcome\": \"sometimes\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "outcome");

  /* Issued on a day before the latest event is not a reply */
  act (&request, lin, now, "draft-disclosure-reply",
       "{\"outcome\": \"cannot-provide\", \"ground\": \"not-held\"}");
  g_assert_cmpint (civic_disclosure_request_get_state (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS);
  refused (request, ma, now, "issue-disclosure-reply", "{\"replied_on\": \"2026-09-20\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "is before the request was received");
  refused (request, ma, now, "issue-disclosure-reply", "{\"replied_on\": \"2026-09-25\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "cannot be in the future");

  /* Comments: any of the organ's disclosure staff, in any state */
  act (&request, zhou, now, "comment-disclosure-request", "{\"text\": \"请核对档案号\"}");
  act (&request, ma, now, "comment-disclosure-request", "{\"text\": \"已核对\"}");
  g_assert_cmpuint (civic_disclosure_request_get_comments (request)->len, ==, 2);

  /* What an official may do now, as the client offers it */
  {
    g_autoptr(GDateTime) at = civic_time_parse (now);
    g_autoptr(GArray) editor = NULL;
    g_autoptr(GArray) head = NULL;
    CivicWorkflowContext context;

    civic_workflow_context_init (&context, calendar, at, lin);
    editor = civic_disclosure_request_kind.list_actions (G_OBJECT (request), &context);
    civic_workflow_context_init (&context, calendar, at, zhou);
    head = civic_disclosure_request_kind.list_actions (G_OBJECT (request), &context);

    /* request-correction (still within 7 days), consult, draft, withdraw,
     * comment */
    g_assert_cmpuint (editor->len, ==, 5);
    g_assert_cmpint (g_array_index (editor, guint, 0), ==,
                     CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION);
    /* extend, issue, comment */
    g_assert_cmpuint (head->len, ==, 3);
    g_assert_cmpint (g_array_index (head, guint, 0), ==, CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND);
  }

  /* The applicant withdraws: the clock no longer shows */
  act (&request, lin, "2026-09-28T09:00:00+08:00", "withdraw-disclosure-request",
       "{\"note\": \"申请人书面撤回申请\"}");
  g_assert_cmpint (civic_disclosure_request_get_state (request), ==,
                   CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN);
  assert_describes (request, "Withdrawn on 2026-09-28");
  {
    g_autoptr(JsonObject) summary = summary_on (request, "2026-10-30");

    g_assert_cmpstr (json_object_get_string_member (summary, "status"), ==, "done");
    g_assert_null (json_object_get_string_member (summary, "due"));
    g_assert_cmpint (json_object_get_int_member (summary, "overdue"), ==, 0);
  }
  act (&request, lin, "2026-09-29T09:00:00+08:00", "comment-disclosure-request",
       "{\"text\": \"已归档\"}");
}

/* A request with every part, for the wire format */
static CivicDisclosureRequest *
full_request (void)
{
  CivicDisclosureRequest *request = registered ("2026-02-06");

  civic_disclosure_request_set_receipt (request, "YSQ-7K3M9");
  act (&request, lin, "2026-02-10T09:00:00+08:00", "request-disclosure-correction",
       "{\"items\": \"请写明所需信息的名称或文号。\", \"period\": 10}");
  act (&request, lin, "2026-02-27T09:00:00+08:00", "receive-disclosure-correction",
       "{\"received_on\": \"2026-02-27\"}");
  act (&request, lin, "2026-03-02T09:00:00+08:00", "start-disclosure-consultation",
       "{\"party\": \"长沙某某置业有限公司\", \"consultee\": \"third-party\","
       " \"basis\": \"涉及商业秘密\", \"served_on\": \"2026-03-02\"}");
  act (&request, zhou, "2026-03-03T09:00:00+08:00", "extend-disclosure-request",
       "{\"days\": 10, \"reason\": \"需征求第三方意见\"}");
  act (&request, lin, "2026-03-04T09:00:00+08:00", "record-consultation-answer",
       "{\"consultation\": \"1\", \"answer\": \"consent\", \"answered_on\": \"2026-03-04\"}");
  act (&request, lin, "2026-03-05T09:00:00+08:00", "draft-disclosure-reply",
       "{\"outcome\": \"partial\", \"detail\": \"其中涉及个人隐私的部分不予公开\","
       " \"note\": \"已与法规科沟通\"}");
  act (&request, ma, "2026-03-06T09:00:00+08:00", "issue-disclosure-reply",
       "{\"replied_on\": \"2026-03-06\"}");
  act (&request, lin, "2026-03-20T09:00:00+08:00", "record-disclosure-remedy",
       "{\"kind\": \"reconsideration\", \"filed_on\": \"2026-03-18\"}");
  act (&request, zhou, "2026-03-20T10:00:00+08:00", "comment-disclosure-request",
       "{\"text\": \"复议答复由法规科起草\"}");
  civic_disclosure_request_set_reply_document_id (request, "cmd-issue.disclosure-reply");
  return request;
}

static void
test_json (void)
{
  g_autoptr(CivicDisclosureRequest) request = full_request ();
  g_autoptr(JsonNode) node = civic_disclosure_request_to_json (request);
  g_autoptr(CivicDisclosureRequest) back = NULL;
  g_autoptr(CivicDisclosureRequest) copy = civic_disclosure_request_copy (request);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) copied = civic_disclosure_request_to_json (copy);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = civic_json_to_string (node, FALSE);

  /* 20 days from the corrected request, less 03-03 and 03-04 consulting,
   * extended by 10, past the Qingming Festival */
  assert_day_eq (civic_disclosure_request_get_due_on (request), "2026-04-14");
  g_assert_nonnull (strstr (text, "\"state\":\"replied\""));
  g_assert_nonnull (strstr (text, "\"outcome\":\"partial\""));
  g_assert_nonnull (strstr (text, "\"consultee\":\"third-party\""));

  back = CIVIC_DISCLOSURE_REQUEST (civic_disclosure_request_kind.from_json (node, &error));
  g_assert_no_error (error);
  again = civic_disclosure_request_to_json (back);
  g_assert_true (json_node_equal (node, again));
  g_assert_true (json_node_equal (node, copied));
  g_assert_cmpint (civic_disclosure_request_kind.get_rev (G_OBJECT (back)), ==, 10);
  g_assert_cmpstr (civic_disclosure_request_get_reply_document_id (back), ==,
                   "cmd-issue.disclosure-reply");

  /* The clocks come back from the record alone */
  {
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (back, "2026-03-10");

    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_DONE);
    assert_day_eq (reading->reply->completed_on, "2026-03-06");
    g_assert_true (reading->reply->extended);
  }

  /* What the commands keep together, the reader checks */
  {
    static const char * const bad[] = {
      "[]",
      "{\"id\": \"r\", \"department_id\": \"zrzy\", \"state\": \"received\"}",
      "{\"id\": \"r\", \"department_id\": \"zrzy\", \"state\": \"replied\", \"channel\": \"fax\","
      " \"received_on\": \"2026-03-02\", \"description\": \"x\","
      " \"applicant\": {\"kind\": \"natural-person\"}}",
      "{\"id\": \"r\", \"department_id\": \"zrzy\", \"state\": \"in-progress\", \"channel\": \"fax\","
      " \"received_on\": \"2026-03-02\", \"description\": \"x\","
      " \"applicant\": {\"kind\": \"natural-person\"},"
      " \"reply\": {\"outcome\": \"withhold\", \"ground\": \"none\"}}",
      "{\"id\": \"r\", \"department_id\": \"zrzy\", \"state\": \"consulting\", \"channel\": \"fax\","
      " \"received_on\": \"2026-03-02\", \"description\": \"x\","
      " \"applicant\": {\"kind\": \"natural-person\"}, \"consultations\": [{\"number\": 2,"
      " \"consultee\": \"third-party\", \"party\": \"x\", \"served_on\": \"2026-03-03\"}]}",
      "{\"id\": \"r\", \"department_id\": \"zrzy\", \"state\": \"in-progress\", \"channel\": \"fax\","
      " \"received_on\": \"2026-03-02\", \"description\": \"x\","
      " \"applicant\": {\"kind\": \"natural-person\"}, \"consultations\": [{\"number\": 1,"
      " \"consultee\": \"third-party\", \"party\": \"x\", \"served_on\": \"2026-03-03\","
      " \"closed\": false, \"answer\": \"consent\", \"answered_on\": \"2026-03-04\"}]}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(JsonNode) parsed = civic_json_parse (bad[i], -1, NULL);
        g_autoptr(CivicDisclosureRequest) refused_request = NULL;

        g_assert_nonnull (parsed);
        refused_request = civic_disclosure_request_new_from_json (parsed, &error);
        g_assert_null (refused_request);
        g_assert_nonnull (error);
        g_test_message ("%s", error->message);
        g_clear_error (&error);
      }
  }
}

/* PIPL Art. 28: the feed never carries the applicant in full */
static void
test_feed_masks_applicant (void)
{
  g_autoptr(CivicDisclosureRequest) request = full_request ();
  g_autofree char *feed =
    civic_disclosure_request_kind.to_feed_json (G_OBJECT (request), calendar, day ("2026-03-10"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = civic_json_parse_object (feed, -1, &error);
  JsonObject *applicant, *summary;

  g_assert_no_error (error);
  g_assert_null (strstr (feed, "张三丰"));
  g_assert_null (strstr (feed, "三丰"));
  g_assert_null (strstr (feed, "11010519491231002X"));
  g_assert_null (strstr (feed, "19491231"));
  g_assert_null (strstr (feed, "13812345678"));
  g_assert_null (strstr (feed, "zhangsanfeng1949"));
  g_assert_null (strstr (feed, "麓山南路1号"));

  applicant = json_object_get_object_member (object, "applicant");
  g_assert_cmpstr (json_object_get_string_member (applicant, "name"), ==, "张**");
  g_assert_cmpstr (json_object_get_string_member (applicant, "id_number"), ==,
                   "110105********002X");
  g_assert_cmpstr (json_object_get_string_member (applicant, "phone"), ==, "138****5678");
  g_assert_cmpstr (json_object_get_string_member (applicant, "email"), ==, "z***@163.com");
  g_assert_cmpstr (json_object_get_string_member (applicant, "address"), ==, "湖南省长沙市****");
  g_assert_true (json_object_get_boolean_member (applicant, "masked"));
  /* The report's column is not personal */
  g_assert_cmpstr (json_object_get_string_member (applicant, "kind"), ==, "natural-person");

  summary = json_object_get_object_member (object, "summary");
  g_assert_cmpstr (json_object_get_string_member (summary, "receipt"), ==, "YSQ-7K3M9");
  g_assert_cmpstr (json_object_get_string_member (summary, "applicant"), ==, "张**");
  g_assert_cmpstr (json_object_get_string_member (summary, "state"), ==, "replied");
  g_assert_cmpstr (json_object_get_string_member (summary, "status"), ==, "done");

  /* An open request's summary sorts by its clock as of the day */
  {
    g_autoptr(CivicDisclosureRequest) open = registered ("2026-09-21");
    g_autofree char *open_feed = civic_disclosure_request_to_feed_json (open, calendar,
                                                                        day ("2026-10-28"));
    g_autoptr(JsonObject) open_object = civic_json_parse_object (open_feed, -1, &error);
    JsonObject *open_summary = json_object_get_object_member (open_object, "summary");

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (open_summary, "due"), ==, "2026-10-26");
    g_assert_cmpstr (json_object_get_string_member (open_summary, "status"), ==, "red");
    g_assert_cmpint (json_object_get_int_member (open_summary, "overdue"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (open_summary, "remaining"), ==, 0);
  }

  /* What the ledger must mask of the registering command */
  g_assert_true (civic_disclosure_request_is_personal_argument ("applicant_name"));
  g_assert_true (civic_disclosure_request_is_personal_argument ("id_number"));
  g_assert_true (civic_disclosure_request_is_personal_argument ("email"));
  g_assert_false (civic_disclosure_request_is_personal_argument ("applicant_kind"));
  g_assert_false (civic_disclosure_request_is_personal_argument ("description"));
}

/* The service seals the applicant apart and puts it back */
static void
test_personal_round_trip (void)
{
  g_autoptr(CivicDisclosureRequest) request = full_request ();
  g_autoptr(JsonNode) whole = civic_disclosure_request_to_json (request);
  g_autoptr(JsonNode) personal = civic_disclosure_request_dup_personal (request);
  g_autofree char *feed = civic_disclosure_request_to_feed_json (request, calendar,
                                                                 day ("2026-03-10"));
  g_autoptr(JsonNode) feed_node = civic_json_parse (feed, -1, NULL);
  g_autoptr(CivicDisclosureRequest) masked = NULL;
  g_autoptr(JsonNode) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *personal_text = civic_json_to_string (personal, FALSE);

  g_assert_nonnull (strstr (personal_text, "\"of\":\"disclosure-request/req-1\""));
  g_assert_nonnull (strstr (personal_text, "11010519491231002X"));
  g_assert_null (strstr (personal_text, "长政函"));

  masked = civic_disclosure_request_new_from_json (feed_node, &error);
  g_assert_no_error (error);
  g_assert_true (civic_disclosure_request_get_applicant (masked)->masked);
  g_assert_true (civic_disclosure_request_restore_personal (masked, personal, &error));
  g_assert_no_error (error);
  restored = civic_disclosure_request_to_json (masked);
  g_assert_true (json_node_equal (whole, restored));

  /* Sealed data of one request does not open another */
  {
    g_autoptr(JsonNode) elsewhere = civic_json_parse (feed, -1, NULL);
    g_autoptr(CivicDisclosureRequest) stranger = NULL;
    g_autoptr(JsonNode) before = NULL;
    g_autoptr(JsonNode) after = NULL;

    json_object_set_string_member (json_node_get_object (elsewhere), "id", "req-2");
    stranger = civic_disclosure_request_new_from_json (elsewhere, &error);
    g_assert_no_error (error);
    before = civic_disclosure_request_to_json (stranger);
    g_assert_false (civic_disclosure_request_restore_personal (stranger, personal, &error));
    g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE);
    g_assert_nonnull (strstr (error->message, "it belongs to another record"));
    after = civic_disclosure_request_to_json (stranger);
    g_assert_true (json_node_equal (before, after));
  }
}

/* A year's requests into the annual report's tables (OGI Art. 50): one
 * carried over from 2024 and disclosed in January, one received and found
 * not held, one still open at the year's end; the check holds */
static void
test_annual_report (void)
{
  g_autoptr(CivicDisclosureReportData) data = civic_disclosure_report_data_new (2025, "湖南省自然资源厅");
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  CivicDisclosureRequest *requests[3] = { NULL };
  CivicDay start = day ("2025-01-01"), end = day ("2025-12-31");

  requests[0] = registered ("2024-12-20");
  act (&requests[0], lin, "2025-01-08T09:00:00+08:00", "draft-disclosure-reply",
       "{\"outcome\": \"disclose\", \"ground\": \"none\"}");
  act (&requests[0], ma, "2025-01-10T09:00:00+08:00", "issue-disclosure-reply",
       "{\"replied_on\": \"2025-01-10\"}");
  requests[1] = registered ("2025-03-03");
  act (&requests[1], lin, "2025-03-20T09:00:00+08:00", "draft-disclosure-reply",
       "{\"outcome\": \"cannot-provide\", \"ground\": \"not-held\"}");
  act (&requests[1], ma, "2025-03-21T09:00:00+08:00", "issue-disclosure-reply",
       "{\"replied_on\": \"2025-03-21\"}");
  requests[2] = registered ("2025-12-22");

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    civic_disclosure_report_count (data, requests[i], start, end);
  civic_disclosure_report_total (data);

  g_assert_cmpuint (data->carried_over[CIVIC_REPORT_TOTAL], ==, 1);
  g_assert_cmpuint (data->received[0], ==, 2);
  g_assert_cmpuint (data->results[CIVIC_DISCLOSURE_ROW_DISCLOSED][0], ==, 1);
  g_assert_cmpuint (data->results[CIVIC_DISCLOSURE_ROW_NOT_HELD][CIVIC_REPORT_TOTAL], ==, 1);
  g_assert_cmpuint (data->carried_forward[CIVIC_REPORT_TOTAL], ==, 1);
  g_assert_true (civic_disclosure_report_check (data, &error));
  g_assert_no_error (error);

  markdown = civic_disclosure_report_to_markdown (data);
  g_assert_nonnull (strstr (markdown, "# 湖南省自然资源厅2025年政府信息公开工作年度报告"));
  g_assert_nonnull (strstr (markdown, "| 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |"));
  g_assert_nonnull (strstr (markdown, "| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"));
  g_assert_nonnull (strstr (markdown, "| 三、本年度办理结果 （七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |"));
  g_assert_nonnull (strstr (markdown, "| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"));

  /* A table that does not add up is said to */
  data->carried_forward[0]++;
  g_assert_false (civic_disclosure_report_check (data, &error));
  g_assert_error (error, CIVIC_DISCLOSURE_REPORT_ERROR, CIVIC_DISCLOSURE_REPORT_ERROR_UNBALANCED);

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    g_object_unref (requests[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);
  lin = civic_actor_new ("u-lin", "林编辑", "zrzy", CIVIC_ROLE_DISCLOSURE_EDITOR);
  ma = civic_actor_new ("u-ma", "马审核", "zrzy", CIVIC_ROLE_DISCLOSURE_REVIEWER);
  zhou = civic_actor_new ("u-zhou", "周主任", "zrzy",
                          CIVIC_ROLE_DISCLOSURE_HEAD | CIVIC_ROLE_DISCLOSURE_REVIEWER);
  qian = civic_actor_new ("u-qian", "钱编辑", "scjg", CIVIC_ROLES_DISCLOSURE);
  service = civic_actor_new ("system", NULL, NULL, CIVIC_ROLE_SYSTEM);

  g_test_add_func ("/disclosure-request/register", test_register);
  g_test_add_func ("/disclosure-request/register-applicant", test_register_applicant);
  g_test_add_func ("/disclosure-request/extension", test_extension);
  g_test_add_func ("/disclosure-request/correction", test_correction);
  g_test_add_func ("/disclosure-request/abandoned", test_abandoned);
  g_test_add_func ("/disclosure-request/consultation", test_consultation);
  g_test_add_func ("/disclosure-request/refusals", test_refusals);
  g_test_add_func ("/disclosure-request/json", test_json);
  g_test_add_func ("/disclosure-request/feed-masks-applicant", test_feed_masks_applicant);
  g_test_add_func ("/disclosure-request/personal-round-trip", test_personal_round_trip);
  g_test_add_func ("/disclosure-request/annual-report", test_annual_report);

  status = g_test_run ();
  g_clear_object (&calendar);
  civic_actor_free (lin);
  civic_actor_free (ma);
  civic_actor_free (zhou);
  civic_actor_free (qian);
  civic_actor_free (service);
  return status;
}
