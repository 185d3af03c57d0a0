/* test-document-render.c — every document kind, filled and laid out to PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The templates of data/templates are filled from cases taken through the
 * workflow, rendered, and read back with poppler: the page is A4, the text
 * stays in the standard's text area, a line of Chinese holds no more than
 * 28 characters, and the parts come in the order the standard sets them.
 */

#include "config.h"

#include <libintl.h>

#include <math.h>
#include <poppler.h>
#include <string.h>

#include "civic-core.h"
#include "civic-document-render.h"
#include "civic-message-kind.h"

/* poppler-glib 22.12 declares no cleanups of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define MM(x) ((x) * 72.0 / 25.4)

static CivicCalendar *calendar;
static CivicActor *clerk, *examiner, *approver;
static JsonObject *department;

/* Templates */

static GPtrArray *
load_templates (const char *language)
{
  g_autofree char *name = g_strdup_printf ("documents-%s.json", language);
  g_autofree char *path = g_build_filename (g_getenv ("CIVICDESK_TEMPLATE_DIR"), name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *templates = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_document_template_free);
  JsonArray *array;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      CivicDocumentTemplate *template =
        civic_document_template_new_from_json (json_array_get_element (array, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (templates, template);
    }
  return templates;
}

static const CivicDocumentTemplate *
find_template (GPtrArray         *templates,
               CivicDocumentKind  kind)
{
  for (guint i = 0; i < templates->len; i++)
    if (((CivicDocumentTemplate *) g_ptr_array_index (templates, i))->kind == kind)
      return g_ptr_array_index (templates, i);
  g_assert_not_reached ();
}

/* Cases */

static CivicCase *
new_case (void)
{
  g_autoptr(GDateTime) received = civic_time_parse ("2026-03-02T10:00:00+08:00");
  CivicApplicant applicant = {
    CIVIC_APPLICANT_ORGANISATION, (char *) "长沙市岳麓区湘味餐饮有限公司",
    (char *) "91430104MA4L0XXX2K", (char *) "13812345678",
    (char *) "湖南省长沙市岳麓区麓山南路1号", (char *) "张三丰", FALSE
  };
  CivicCase *kase = civic_case_new ("case-1", "20260302-SCJG-000123", received);

  civic_case_set_item (kase, "430000-SCJG-XK-0001", "食品经营许可", CIVIC_ITEM_KIND_LICENSING,
                       20, 10, CIVIC_TRACK_ORDINARY, FALSE,
                       "《中华人民共和国食品安全法》第三十五条");
  civic_case_set_item_remedies (kase, "湖南省人民政府", "长沙铁路运输法院");
  civic_case_set_department (kase, "scjg", "湖南省市场监督管理局");
  civic_case_set_channel (kase, CIVIC_CHANNEL_ONLINE);
  civic_case_set_applicant (kase, &applicant);
  civic_case_add_material (kase, "m1", "食品经营许可申请书", TRUE, TRUE);
  civic_case_add_material (kase, "m2", "营业执照复印件", TRUE, FALSE);
  civic_case_add_material (kase, "m3", "与食品经营相适应的主要设备设施布局、操作流程等文件",
                           TRUE, FALSE);
  civic_case_start (kase, calendar);
  return kase;
}

static void
step (CivicCase   **kase,
      CivicActor   *actor,
      const char   *date,
      CivicAction   action,
      const char   *args)
{
  g_autofree char *instant = g_strdup_printf ("%sT10:00:00+08:00", date);
  g_autoptr(GDateTime) now = civic_time_parse (instant);
  g_autoptr(JsonObject) object = args ? civic_json_parse_object (args, -1, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  CivicWorkflowContext context;
  CivicCase *next;

  static guint n_commands;
  g_autofree char *command_id = g_strdup_printf ("cmd-%u", ++n_commands);

  civic_workflow_context_init (&context, calendar, now, actor);
  context.command_id = command_id;
  next = civic_workflow_apply (*kase, action, object, &context, &error);
  g_assert_no_error (error);
  g_object_unref (*kase);
  *kase = next;
}

/* Every step of a refusal: corrected, accepted, stopped for an expert
 * review, extended, the parties told of their right to a hearing, the
 * licence refused */
static CivicCase *
refused_case (void)
{
  CivicCase *kase = new_case ();

  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION,
        "{\"missing\": [\"m2\", \"m3\"], \"note\": \"营业执照复印件须加盖公章。\"}");
  step (&kase, clerk, "2026-03-06", CIVIC_ACTION_CORRECTION_RECEIVED,
        "{\"received\": [\"m2\", \"m3\"]}");
  step (&kase, clerk, "2026-03-06", CIVIC_ACTION_ACCEPT, NULL);
  step (&kase, examiner, "2026-03-09", CIVIC_ACTION_STOP_CLOCK,
        "{\"reason\": \"expert-review\", \"expected_days\": 15, "
        "\"note\": \"组织食品安全专家对经营场所布局进行评审。\"}");
  step (&kase, examiner, "2026-03-20", CIVIC_ACTION_RESUME_CLOCK,
        "{\"result\": \"专家评审意见已收到\"}");
  step (&kase, approver, "2026-03-23", CIVIC_ACTION_EXTEND,
        "{\"reason\": \"需要对申请人提交的设备设施进行现场核查\", \"days\": 10}");
  step (&kase, examiner, "2026-03-24", CIVIC_ACTION_INFORM_HEARING_RIGHT,
        "{\"parties\": [\"长沙市岳麓区湘味餐饮有限公司\", \"李四\"]}");
  step (&kase, examiner, "2026-03-25", CIVIC_ACTION_WAIVE_HEARING, NULL);
  step (&kase, examiner, "2026-03-26", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"deny\", \"text\": \"经营场所不符合要求\"}");
  step (&kase, approver, "2026-04-03", CIVIC_ACTION_DECIDE,
        "{\"result\": \"deny\", \"reason\": \"申请人的经营场所与有毒、有害场所的距离不符合"
        "《食品经营许可审查通则》的要求。\", \"legal_basis\": \"《中华人民共和国食品安全法》"
        "第三十五条\", \"reconsideration_body\": \"湖南省人民政府\", "
        "\"court\": \"长沙铁路运输法院\"}");
  /* The decision issued, as the service numbers it: the proof of
   * service lists it */
  step (&kase, approver, "2026-04-03", CIVIC_ACTION_ISSUE_DOCUMENT,
        "{\"document\": \"refusal-decision\"}");
  g_assert_true (civic_case_set_document_issued (
    kase, ((CivicCaseDocument *) g_ptr_array_index (civic_case_get_documents (kase), 0))->id,
    "不予行政许可决定书", "湘市监不许〔2026〕4号", "AAAA-BBBB-CCCC", "00", 1000));
  return kase;
}

static CivicCase *
granted_case (void)
{
  CivicCase *kase = new_case ();

  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION,
        "{\"missing\": [\"m2\", \"m3\"]}");
  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_CORRECTION_RECEIVED,
        "{\"received\": [\"m2\", \"m3\"]}");
  step (&kase, clerk, "2026-03-04", CIVIC_ACTION_ACCEPT, NULL);
  step (&kase, examiner, "2026-03-05", CIVIC_ACTION_OPINION,
        "{\"recommendation\": \"approve\", \"text\": \"符合条件\"}");
  step (&kase, approver, "2026-03-06", CIVIC_ACTION_DECIDE, "{\"result\": \"approve\"}");
  return kase;
}

static CivicCase *
not_accepted_case (void)
{
  CivicCase *kase = new_case ();

  step (&kase, clerk, "2026-03-03", CIVIC_ACTION_NOT_ACCEPT,
        "{\"ground\": \"no-licence-needed\", \"reason\": \"申请事项依法不需要取得行政许可\", "
        "\"legal_basis\": \"《中华人民共和国行政许可法》第三十二条第一款第（一）项\"}");
  return kase;
}

/* A document as the service issues it: numbered, with its code */
static CivicDocumentText *
fill (CivicCase             *kase,
      CivicDocumentKind      kind,
      CivicDocumentLanguage  language,
      gboolean               issued,
      GError               **error)
{
  g_autoptr(GPtrArray) templates = load_templates (civic_document_language_to_string (language));
  g_autoptr(GHashTable) values = NULL;
  CivicCaseDocument document = { 0 };
  CivicDocumentText *text;

  document.id = (char *) "doc";
  document.kind = kind;
  document.language = language;
  document.issued_on = civic_day_from_ymd (2026, 4, 7);
  document.number = issued ? (char *) "湘市监许〔2026〕17号" : NULL;

  values = civic_case_document_values (kase, &document, department, calendar, error);
  if (values == NULL)
    return NULL;
  text = civic_document_template_fill (find_template (templates, kind), values, error);
  if (text != NULL && issued)
    {
      text->number = g_strdup (document.number);
      text->code = g_strdup ("7KQ2-M9XD-4TFA");
      text->verify_url = g_strdup ("https://zwfw.hunan.gov.cn/public/v1/documents/7KQ2-M9XD-4TFA");
    }
  return text;
}

/* A hearing of the case 20260302-SCJG-000123, held and its record
 * signed: what its notice, announcement and record are filled from */
static CivicHearing *
held_hearing (void)
{
  const char * const examiners[] = { "u-examiner", NULL };
  CivicHearing *hearing = civic_hearing_new_for_case ("h-1", FALSE, "case-1", "20260302-SCJG-000123",
                                                      "scjg", "食品经营许可",
                                                      civic_day_from_ymd (2026, 3, 2),
                                                      civic_day_from_ymd (2026, 3, 5), examiners);
  g_autoptr(GDateTime) starts = civic_time_parse ("2026-03-20T09:00:00+08:00");
  g_autoptr(GDateTime) ends = civic_time_parse ("2026-03-20T11:00:00+08:00");
  CivicHearingSlot slot = { "r-1", "u-host", "王强", starts, ends };
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_hearing_add_participant (hearing, "p-1", "长沙市岳麓区湘味餐饮有限公司",
                                                CIVIC_HEARING_ROLE_APPLICANT, &error));
  g_assert_true (civic_hearing_add_participant (hearing, "p-2", "李娜",
                                                CIVIC_HEARING_ROLE_INTERESTED_PARTY, &error));
  g_assert_true (civic_hearing_schedule (hearing, &slot, examiners, calendar, NULL,
                                         civic_day_from_ymd (2026, 3, 9), &error));
  g_assert_true (civic_hearing_set_clerk (hearing, "u-clerk", "陈静", &error));
  g_assert_true (civic_hearing_notify (hearing, civic_day_from_ymd (2026, 3, 9),
                                       CIVIC_HEARING_NOTICE_POST, calendar, NULL, &error));
  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL,
                                          civic_day_from_ymd (2026, 3, 20), &error));
  g_assert_true (civic_hearing_set_record_summary (hearing, "审查人员陈述了审查意见；利害关系人李娜陈述了噪声影响。",
                                                   &error));
  g_assert_true (civic_hearing_sign_record (hearing, "p-1", civic_day_from_ymd (2026, 3, 20), TRUE,
                                            &error));
  g_assert_true (civic_hearing_refuse_to_sign (hearing, "p-2", civic_day_from_ymd (2026, 3, 20),
                                               "拒绝签字，称记录不全", &error));
  g_assert_no_error (error);
  return hearing;
}

static CivicDocumentText *
fill_hearing (CivicDocumentKind      kind,
              CivicDocumentLanguage  language,
              GError               **error)
{
  g_autoptr(CivicHearing) hearing = held_hearing ();
  g_autoptr(GPtrArray) templates = load_templates (civic_document_language_to_string (language));
  g_autoptr(JsonNode) room = json_from_string ("{\"id\": \"r-1\", \"name\": \"听证室一\","
                                               " \"building\": \"省政务服务中心\"}", NULL);
  g_autoptr(GHashTable) values = NULL;
  CivicCaseDocument document = { 0 };
  CivicDocumentText *text;

  document.id = (char *) "doc";
  document.kind = kind;
  document.language = language;
  document.issued_on = civic_day_from_ymd (2026, 4, 7);
  document.number = (char *) "湘市监许〔2026〕17号";
  document.subject = kind == CIVIC_DOCUMENT_HEARING_NOTICE ? (char *) "p-1" : NULL;

  values = civic_hearing_document_values (hearing, &document, department,
                                          json_node_get_object (room), error);
  if (values == NULL)
    return NULL;
  text = civic_document_template_fill (find_template (templates, kind), values, error);
  if (text != NULL)
    {
      text->number = g_strdup (document.number);
      text->code = g_strdup ("7KQ2-M9XD-4TFA");
      text->verify_url = g_strdup ("https://zwfw.hunan.gov.cn/public/v1/documents/7KQ2-M9XD-4TFA");
    }
  return text;
}

/* A request for information, taken to the step of @kind: the document's
 * words */
static CivicDocumentText *
fill_disclosure_request (CivicDocumentKind      kind,
                         CivicDocumentLanguage  language,
                         GError               **error)
{
  g_autoptr(CivicActor) editor = civic_actor_new ("u-editor", "林编辑", "scjg",
                                                  CIVIC_ROLE_DISCLOSURE_EDITOR);
  g_autoptr(CivicActor) reviewer = civic_actor_new ("u-reviewer", "马审核", "scjg",
                                                    CIVIC_ROLE_DISCLOSURE_REVIEWER);
  g_autoptr(CivicActor) head = civic_actor_new ("u-head", "罗主任", "scjg",
                                                CIVIC_ROLE_DISCLOSURE_HEAD);
  static const char register_args[] =
    "{\"channel\": \"post\", \"received_on\": \"2026-03-02\","
    " \"applicant_kind\": \"natural-person\", \"applicant_name\": \"赵小红\","
    " \"id_type\": \"resident-id\", \"id_number\": \"430104196804220016\","
    " \"address\": \"长沙市开福区芙蓉中路一段8号\","
    " \"description\": \"2025年本机关作出的食品经营许可决定数量\","
    " \"delivery_form\": \"paper\", \"delivery_channel\": \"post\"}";
  static const struct
  {
    CivicDocumentKind  kind;
    const char        *type;
    const char        *args;
    const char        *on;   /* the day of the step */
  } steps[] = {
    { CIVIC_DOCUMENT_DISCLOSURE_REPLY, "draft-disclosure-reply",
      "{\"outcome\": \"disclose\", \"ground\": \"none\"}", "2026-03-09" },
    { CIVIC_DOCUMENT_DISCLOSURE_REPLY, "issue-disclosure-reply",
      "{\"replied_on\": \"2026-03-09\"}", "2026-03-09" },
    { CIVIC_DOCUMENT_DISCLOSURE_CORRECTION_NOTICE, "request-disclosure-correction",
      "{\"items\": \"请写明所需信息的名称或者文号，以及所涉年份。\", \"period\": 10}",
      "2026-03-03" },
    { CIVIC_DOCUMENT_DISCLOSURE_EXTENSION_NOTICE, "extend-disclosure-request",
      "{\"days\": 10, \"reason\": \"需调取历年档案逐件核对\"}", "2026-03-09" },
    { CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER, "start-disclosure-consultation",
      "{\"party\": \"长沙市岳麓区湘味餐饮有限公司\", \"consultee\": \"third-party\","
      " \"basis\": \"所申请的许可材料含有该公司的工艺配方，可能涉及商业秘密\","
      " \"served_on\": \"2026-03-09\"}", "2026-03-09" },
    { CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER, "start-disclosure-consultation",
      "{\"party\": \"湖南省卫生健康委员会\", \"consultee\": \"co-producer\","
      " \"basis\": \"该统计表由两机关联合发布\", \"served_on\": \"2026-03-09\"}", "2026-03-09" },
    /* A third party objects; the organ discloses all the same (Art. 32) */
    { CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE, "start-disclosure-consultation",
      "{\"party\": \"长沙市岳麓区湘味餐饮有限公司\", \"consultee\": \"third-party\","
      " \"basis\": \"所申请的许可材料含有该公司的工艺配方\", \"served_on\": \"2026-03-09\"}",
      "2026-03-09" },
    { CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE, "record-consultation-answer",
      "{\"consultation\": \"1\", \"answer\": \"objection\", \"answered_on\": \"2026-03-16\"}",
      "2026-03-16" },
    { CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE, "draft-disclosure-reply",
      "{\"outcome\": \"disclose\", \"ground\": \"none\","
      " \"public_interest\": \"该批次食品抽检不合格，涉及公众食品安全\"}", "2026-03-17" },
    { CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE, "issue-disclosure-reply",
      "{\"replied_on\": \"2026-03-17\"}", "2026-03-17" },
  };
  g_autoptr(GObject) request = NULL;
  g_autoptr(GPtrArray) templates = load_templates (civic_document_language_to_string (language));
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(JsonObject) with_remedies = json_object_new ();
  JsonObject *remedies = json_object_new ();
  CivicCaseDocument document = { 0 };
  CivicDocumentText *text;

  for (guint i = 0; i <= G_N_ELEMENTS (steps); i++)
    {
      const char *type = i == 0 ? "register-disclosure-request" : steps[i - 1].type;
      const char *on = i == 0 ? "2026-03-02" : steps[i - 1].on;
      g_autofree char *at = g_strconcat (on, "T10:00:00+08:00", NULL);
      g_autoptr(GDateTime) now = civic_time_parse (at);
      g_autoptr(JsonObject) args = NULL;
      CivicActor *actor = editor;
      CivicWorkflowContext context;
      GObject *next;
      guint action;

      if (i > 0 && steps[i - 1].kind != kind)
        continue;
      args = civic_json_parse_object (i == 0 ? register_args : steps[i - 1].args, -1, NULL);
      g_assert_true (civic_entity_kind_for_command (type, &action) ==
                     &civic_disclosure_request_kind);
      if (g_str_equal (type, "issue-disclosure-reply"))
        actor = reviewer;
      else if (g_str_equal (type, "extend-disclosure-request"))
        actor = head;
      civic_workflow_context_init (&context, calendar, now, actor);
      context.command_id = "cmd-step";
      if (request == NULL)
        request = civic_disclosure_request_kind.create ("req-1", action, &context, error);
      next = request ? civic_disclosure_request_kind.apply (request, action, args, &context, error)
                     : NULL;
      if (next == NULL)
        return NULL;
      g_set_object (&request, next);
      g_object_unref (next);
    }
  /* The number every document of this test carries, as the receipt */
  civic_disclosure_request_set_receipt (CIVIC_DISCLOSURE_REQUEST (request), "20260302-SCJG-000123");

  json_object_set_string_member (with_remedies, "name", "湖南省市场监督管理局");
  json_object_set_string_member (with_remedies, "name_en", "Hunan Administration");
  json_object_set_string_member (remedies, "reconsideration_body", "湖南省人民政府");
  json_object_set_string_member (remedies, "court", "长沙铁路运输法院");
  json_object_set_object_member (with_remedies, "remedies", remedies);

  document.id = (char *) "doc";
  document.kind = kind;
  document.language = language;
  document.round = kind == CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER ||
                   kind == CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER ||
                   kind == CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE ? 1 : 0;
  document.issued_on = civic_day_from_ymd (2026, 4, 7);
  document.number = (char *) "湘市监许〔2026〕17号";
  values = civic_disclosure_request_document_values (CIVIC_DISCLOSURE_REQUEST (request), &document,
                                                     with_remedies, calendar, error);
  if (values == NULL)
    return NULL;
  text = civic_document_template_fill (find_template (templates, kind), values, error);
  if (text != NULL)
    {
      text->number = g_strdup (document.number);
      text->code = g_strdup ("7KQ2-M9XD-4TFA");
      text->verify_url = g_strdup ("https://zwfw.hunan.gov.cn/public/v1/documents/7KQ2-M9XD-4TFA");
    }
  return text;
}

/* A complaint by letter, signed for and answered: its written reply */
static CivicDocumentText *
fill_message (CivicDocumentKind      kind,
              CivicDocumentLanguage  language,
              GError               **error)
{
  g_autoptr(CivicActor) handler = civic_actor_new ("u-handler", "冯玉", "scjg",
                                                   CIVIC_ROLE_COMPLAINT_HANDLER);
  static const struct
  {
    const char *type;
    const char *args;
  } steps[] = {
    { "register-message",
      "{\"kind\": \"suggestion\", \"channel\": \"letter\", \"subject\": \"延长周六办公时间\","
      " \"body\": \"建议周六也开放窗口。\", \"citizen_name\": \"孙七\","
      " \"address\": \"岳麓区麓山路1号\", \"received_on\": \"2026-03-02\"}" },
    { "sign-for-message", "{}" },
    { "reply-message", "{\"text\": \"感谢您的建议，我局将于4月起试行周六上午办公。\"}" },
  };
  g_autoptr(GPtrArray) templates = load_templates (civic_document_language_to_string (language));
  g_autoptr(GObject) message = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(JsonObject) organ = json_object_new ();
  CivicCaseDocument document = { 0 };
  CivicDocumentText *text;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GDateTime) now = civic_time_parse ("2026-03-03T10:00:00+08:00");
      g_autoptr(JsonObject) args = civic_json_parse_object (steps[i].args, -1, NULL);
      CivicWorkflowContext context;
      GObject *next;
      guint action;

      g_assert_true (civic_entity_kind_for_command (steps[i].type, &action) ==
                     &civic_message_kind);
      civic_workflow_context_init (&context, calendar, now, handler);
      if (message == NULL)
        message = civic_message_kind.create ("m-1", action, &context, error);
      next = message ? civic_message_kind.apply (message, action, args, &context, error) : NULL;
      if (next == NULL)
        return NULL;
      g_set_object (&message, next);
      g_object_unref (next);
    }
  /* The number every document of this test carries, as the receipt */
  civic_message_set_receipt (CIVIC_MESSAGE (message), "20260302-SCJG-000123");

  json_object_set_string_member (organ, "name", "湖南省市场监督管理局");
  json_object_set_string_member (organ, "name_en", "Hunan Administration");
  document.id = (char *) "doc";
  document.kind = kind;
  document.language = language;
  document.round = 1;
  document.issued_on = civic_day_from_ymd (2026, 4, 7);
  document.number = (char *) "湘市监许〔2026〕17号";
  values = civic_message_document_values (CIVIC_MESSAGE (message), &document, organ, error);
  if (values == NULL)
    return NULL;
  text = civic_document_template_fill (find_template (templates, kind), values, error);
  if (text != NULL)
    {
      text->number = g_strdup (document.number);
      text->code = g_strdup ("7KQ2-M9XD-4TFA");
      text->verify_url = g_strdup ("https://zwfw.hunan.gov.cn/public/v1/documents/7KQ2-M9XD-4TFA");
    }
  return text;
}

static PopplerDocument *
open_pdf (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static char *
all_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *words = poppler_page_get_text (page);

      g_string_append (text, words);
    }
  return g_string_free (text, FALSE);
}

/* Without white space: a line break falls anywhere in Chinese */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
assert_in_order (const char         *text,
                 const char * const *parts)
{
  g_autofree char *squeezed = squeeze (text);
  const char *at = squeezed;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = squeeze (parts[i]);
      const char *found = strstr (at, part);

      if (found == NULL)
        g_error ("“%s” is not where it belongs in:\n%s", parts[i], text);
      at = found + strlen (part);
    }
}

/* Every glyph in the text area, but the page number 7 mm under it; and no
 * line of body text longer than the standard's 28 characters */
static void
assert_geometry (PopplerDocument *document,
                 gboolean         chinese)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autoptr(GHashTable) lines = g_hash_table_new (g_direct_hash, g_direct_equal);
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      double width, height;
      const char *c = text;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat (fabs (width - MM (210.0)), <, 0.5);
      g_assert_cmpfloat (fabs (height - MM (297.0)), <, 0.5);

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint r = 0; r < n_rects && *c != '\0'; r++, c = g_utf8_next_char (c))
        {
          PopplerRectangle *rect = &rects[r];
          gunichar ch = g_utf8_get_char (c);

          if (g_unichar_isspace (ch))
            continue;
          g_assert_cmpfloat (rect->x1, >=, MM (28.0) - 1.0);
          g_assert_cmpfloat (rect->x2, <=, MM (28.0 + 156.0) + 1.0);
          g_assert_cmpfloat (rect->y1, >=, MM (37.0) - 1.0);
          if (rect->y2 > MM (37.0 + 225.0) + 1.0 && rect->y2 - rect->y1 > 14.0)
            /* Only the page number below the text area, 7 mm under it
             * (and the small print of the verification code, when the
             * text leaves it no room above) */
            g_assert_true (g_unichar_isdigit (ch) || ch == 0x2014);

          /* Body text: 16 pt glyphs, counted per line */
          if (chinese && g_unichar_iswide (ch) && fabs (rect->x2 - rect->x1 - MM (156.0) / 28) < 1.0)
            {
              gpointer key = GINT_TO_POINTER ((int) (rect->y1 / 4.0));
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (lines, key)) + 1;

              g_hash_table_insert (lines, key, GUINT_TO_POINTER (n));
              g_assert_cmpuint (n, <=, 28);
            }
        }
      g_free (rects);
    }
}

static void
write_png_source (GBytes     *pdf,
                  const char *name)
{
  const char *dir = g_getenv ("CIVICDESK_DOCUMENT_OUT");
  g_autofree char *path = NULL;

  /* build-aux/take-screenshots.sh keeps each kind's PDF for pdftoppm */
  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                      NULL));
}

/* Tests */

static void
test_templates_complete (void)
{
  const char *languages[] = { "zh", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GPtrArray) templates = load_templates (languages[l]);
      guint seen[CIVIC_N_DOCUMENT_KINDS] = { 0 };

      g_assert_cmpuint (templates->len, ==, CIVIC_N_DOCUMENT_KINDS);
      for (guint i = 0; i < templates->len; i++)
        seen[((CivicDocumentTemplate *) g_ptr_array_index (templates, i))->kind]++;
      for (guint k = 0; k < CIVIC_N_DOCUMENT_KINDS; k++)
        g_assert_cmpuint (seen[k], ==, 1);
    }
}

static void
test_template_refused (void)
{
  static const struct
  {
    const char *json;
    GQuark      domain;
    int         code;
    const char *names;
  } bad[] = {
    { "{\"kind\": \"correction-notice\", \"language\": \"zh\", \"title\": \"补正\", \"mark\": \"补\","
      " \"blocks\": [{\"text\": \"{{applicant.nmae}}：\"}]}",
      0, CIVIC_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER, "applicant.nmae" },
    { "{\"kind\": \"acceptance-notice\", \"language\": \"zh\", \"title\": \"受理\", \"mark\": \"受\","
      " \"blocks\": [{\"text\": \"{{correction.materials}}\"}]}",
      0, CIVIC_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER, "correction.materials" },
    { "{\"kind\": \"acceptance-notice\", \"language\": \"zh\", \"title\": \"受理\", \"mark\": \"受\","
      " \"blocks\": [{\"text\": \"{{applicant.name\"}]}",
      0, CIVIC_TEMPLATE_ERROR_MALFORMED, NULL },
    { "{\"kind\": \"permit\", \"language\": \"zh\", \"title\": \"许可证\", \"mark\": \"许\","
      " \"blocks\": [{\"text\": \"x\"}]}",
      1, CIVIC_DOCUMENT_ERROR_TEMPLATE, "permit" },
    { "{\"kind\": \"acceptance-notice\", \"language\": \"fr\", \"title\": \"受理\", \"mark\": \"受\","
      " \"blocks\": [{\"text\": \"x\"}]}",
      1, CIVIC_DOCUMENT_ERROR_TEMPLATE, "fr" },
    { "{\"kind\": \"acceptance-notice\", \"language\": \"zh\", \"title\": \"受理\", \"mark\": \"受\","
      " \"blocks\": [{\"style\": \"red\", \"text\": \"x\"}]}",
      1, CIVIC_DOCUMENT_ERROR_TEMPLATE, "Block 1" },
    { "{\"kind\": \"acceptance-notice\", \"language\": \"zh\", \"title\": \"受理\", \"mark\": \"受\","
      " \"blocks\": []}",
      1, CIVIC_DOCUMENT_ERROR_TEMPLATE, NULL },
    { "[]", 1, CIVIC_DOCUMENT_ERROR_TEMPLATE, NULL },
    /* A title is shown where personal data is not */
    { "{\"kind\": \"acceptance-notice\", \"language\": \"zh\", \"title\": \"{{applicant.name}}受理\","
      " \"mark\": \"受\", \"blocks\": [{\"text\": \"x\"}]}",
      1, CIVIC_DOCUMENT_ERROR_TEMPLATE, "applicant.name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i].json, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CivicDocumentTemplate) template = civic_document_template_new_from_json (node, &error);
      GQuark domain = bad[i].domain ? CIVIC_DOCUMENT_ERROR : CIVIC_TEMPLATE_ERROR;

      g_assert_null (template);
      g_assert_error (error, domain, bad[i].code);
      if (bad[i].names != NULL)
        g_assert_nonnull (strstr (error->message, bad[i].names));
    }
}

/* Each kind, from the case that calls for it, in both languages */
static void
test_every_kind (void)
{
  g_autoptr(CivicCase) refused = refused_case ();
  g_autoptr(CivicCase) granted = granted_case ();
  g_autoptr(CivicCase) not_accepted = not_accepted_case ();
  static const char * const languages[] = { "zh", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint k = 0; k < CIVIC_N_DOCUMENT_KINDS; k++)
      {
        CivicDocumentLanguage language = l;
        CivicCase *kase = k == CIVIC_DOCUMENT_GRANT_DECISION ? granted
                          : k == CIVIC_DOCUMENT_NOT_ACCEPTED_DECISION ? not_accepted : refused;
        g_autoptr(GError) error = NULL;
        g_autoptr(CivicDocumentText) text = civic_document_kind_is_hearing (k)
                                            ? fill_hearing (k, language, &error)
                                            : civic_document_kind_is_disclosure_request (k)
                                            ? fill_disclosure_request (k, language, &error)
                                            : civic_document_kind_is_message (k)
                                            ? fill_message (k, language, &error)
                                            : fill (kase, k, language, TRUE, &error);
        g_autoptr(GBytes) pdf = NULL;
        g_autoptr(PopplerDocument) document = NULL;
        g_autofree char *words = NULL;
        g_autofree char *name = NULL;
        const char *organ = l == 0 ? "湖南省市场监督管理局" : "Hunan Administration";
        const char *date = l == 0 ? "2026年4月7日" : "7 April 2026";
        const char *order[] = { organ, "湘市监许〔2026〕17号", NULL, date, NULL };
        guint n_pages = 0;

        g_test_message ("%s, %s", civic_document_kind_to_string (k), languages[l]);
        g_assert_no_error (error);
        pdf = civic_document_render_pdf (text, &n_pages, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (n_pages, >=, 1);
        g_assert_cmpuint (n_pages, <=, 2);

        name = g_strdup_printf ("document-%s-%s.pdf", civic_document_kind_to_string (k),
                                languages[l]);
        write_png_source (pdf, name);

        document = open_pdf (pdf);
        g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int) n_pages);
        words = all_text (document);
        order[2] = text->title;
        assert_in_order (words, order);
        g_assert_nonnull (strstr (words, "20260302-SCJG-000123"));
        /* Beside the signature: poppler reads the two columns either way */
        g_assert_nonnull (strstr (words, "7KQ2-M9XD-4TFA"));
        g_assert_null (strstr (words, "{{"));
        assert_geometry (document, l == 0);

      }
}

/* The words of the case, where the template puts them */
static void
test_correction_notice_words (void)
{
  g_autoptr(CivicCase) kase = refused_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDocumentText) text = fill (kase, CIVIC_DOCUMENT_CORRECTION_NOTICE,
                                            CIVIC_DOCUMENT_LANGUAGE_ZH, TRUE, &error);
  g_autoptr(GBytes) pdf = civic_document_render_pdf (text, NULL, &error);
  g_autoptr(PopplerDocument) document = open_pdf (pdf);
  g_autofree char *words = all_text (document);
  const char *order[] = {
    "补正材料通知书", "长沙市岳麓区湘味餐饮有限公司：", "2026年3月2日", "食品经营许可",
    "1.营业执照复印件", "2.与食品经营相适应的主要设备设施布局", "营业执照复印件须加盖公章",
    "湖南省市场监督管理局", "2026年4月7日", NULL
  };

  g_assert_no_error (error);
  assert_in_order (words, order);
  /* The note's own full stop is the template's: not doubled */
  g_assert_null (strstr (words, "。。"));
}

/* The notices on the way to a reply say what the law makes them say,
 * with the days counted: a correction by its last day (Art. 30), the
 * extended time's new last day (Art. 33), the 15 working days a party
 * consulted has (Arts. 32, 34) — and a letter to a party consulted never
 * names the applicant */
static void
test_disclosure_request_notices_words (void)
{
  static const struct
  {
    CivicDocumentKind  kind;
    const char        *order[12];
  } expected[] = {
    { CIVIC_DOCUMENT_DISCLOSURE_CORRECTION_NOTICE,
      { "政府信息公开申请补正告知书", "赵小红：", "2026年3月2日", "第三十条",
        "请写明所需信息的名称或者文号", "10个工作日内，即2026年3月17日前（含当日）",
        "视为放弃申请", NULL } },
    /* 20 working days from Mon 03-02 end Mon 03-30; ten more skip
     * Qingming (04-04…06) and end Tue 04-14 */
    { CIVIC_DOCUMENT_DISCLOSURE_EXTENSION_NOTICE,
      { "政府信息公开申请延期答复告知书", "赵小红：", "因需调取历年档案逐件核对",
        "第三十三条第二款", "政府信息公开工作机构负责人同意", "延长10个工作日",
        "于2026年4月14日前（含当日）作出答复", NULL } },
    /* Served Mon 03-09: the 15th working day after is Mon 03-30 */
    { CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER,
      { "政府信息公开征求第三方意见函", "长沙市岳麓区湘味餐饮有限公司：",
        "可能涉及商业秘密", "第三十二条", "15个工作日内，即2026年3月30日前（含当日）",
        "不予公开", "本函送达日期：2026年3月9日", NULL } },
    { CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER,
      { "政府信息公开征求意见函", "湖南省卫生健康委员会：", "共同制作", "第三十四条",
        "即2026年3月30日前（含当日）", "视为同意公开", NULL } },
    { CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE,
      { "政府信息公开决定告知书", "长沙市岳麓区湘味餐饮有限公司：", "2026年3月9日",
        "不同意公开", "对公共利益造成重大影响", "涉及公众食品安全", "第三十二条",
        "决定予以公开", "湖南省人民政府", "长沙铁路运输法院", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CivicDocumentText) text = fill_disclosure_request (expected[i].kind,
                                                                   CIVIC_DOCUMENT_LANGUAGE_ZH,
                                                                   &error);
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PopplerDocument) document = NULL;
      g_autofree char *words = NULL;
      g_autofree char *squeezed = NULL;

      g_assert_no_error (error);
      pdf = civic_document_render_pdf (text, NULL, &error);
      g_assert_no_error (error);
      document = open_pdf (pdf);
      words = all_text (document);
      assert_in_order (words, expected[i].order);
      squeezed = squeeze (words);
      g_assert_nonnull (strstr (squeezed, "2025年本机关作出的食品经营许可决定数量"));
      if (expected[i].kind == CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER ||
          expected[i].kind == CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER ||
          expected[i].kind == CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE)
        g_assert_null (strstr (squeezed, "赵小红"));
    }

  /* In English, the same days */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CivicDocumentText) text =
      fill_disclosure_request (CIVIC_DOCUMENT_DISCLOSURE_EXTENSION_NOTICE,
                               CIVIC_DOCUMENT_LANGUAGE_EN, &error);
    g_autoptr(GString) joined = g_string_new (NULL);

    g_assert_no_error (error);
    for (guint i = 0; i < text->blocks->len; i++)
      g_string_append (joined, ((CivicDocumentBlock *) g_ptr_array_index (text->blocks, i))->text);
    g_assert_nonnull (strstr (joined->str, "extended by 10 working days"));
    g_assert_nonnull (strstr (joined->str, "by 14 April 2026 at the latest"));
  }
}

static void
test_refusal_words (void)
{
  g_autoptr(CivicCase) kase = refused_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDocumentText) zh = fill (kase, CIVIC_DOCUMENT_REFUSAL_DECISION,
                                          CIVIC_DOCUMENT_LANGUAGE_ZH, TRUE, &error);
  g_autoptr(CivicDocumentText) en = fill (kase, CIVIC_DOCUMENT_REFUSAL_DECISION,
                                          CIVIC_DOCUMENT_LANGUAGE_EN, TRUE, &error);
  g_autoptr(GString) joined = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < zh->blocks->len; i++)
    g_string_append (joined, ((CivicDocumentBlock *) g_ptr_array_index (zh->blocks, i))->text);
  g_assert_nonnull (strstr (joined->str, "经审查，申请人的经营场所与有毒、有害场所的距离不符合"
                                         "《食品经营许可审查通则》的要求。"));
  g_assert_nonnull (strstr (joined->str, "六十日内向湖南省人民政府申请行政复议"));
  g_assert_nonnull (strstr (joined->str, "六个月内依法向长沙铁路运输法院提起行政诉讼"));

  g_string_truncate (joined, 0);
  for (guint i = 0; i < en->blocks->len; i++)
    g_string_append (joined, ((CivicDocumentBlock *) g_ptr_array_index (en->blocks, i))->text);
  g_assert_nonnull (strstr (joined->str, "within 60 days of receiving it"));
  g_assert_cmpstr (en->date, ==, "7 April 2026");
}

/* A case without the step's words: an error naming what is missing, and
 * nothing to render */
static void
test_missing_value (void)
{
  g_autoptr(CivicCase) kase = granted_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDocumentText) text = fill (kase, CIVIC_DOCUMENT_REFUSAL_DECISION,
                                            CIVIC_DOCUMENT_LANGUAGE_ZH, TRUE, &error);

  g_assert_null (text);
  g_assert_error (error, CIVIC_TEMPLATE_ERROR, CIVIC_TEMPLATE_ERROR_MISSING_VALUE);
  /* A grant has no reasons: the refusal cannot be filled from it */
  g_assert_nonnull (strstr (error->message, "“decision.reason”"));
}

static void
test_draft (void)
{
  g_autoptr(CivicCase) kase = granted_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDocumentText) text = fill (kase, CIVIC_DOCUMENT_GRANT_DECISION,
                                            CIVIC_DOCUMENT_LANGUAGE_ZH, FALSE, &error);
  g_autoptr(GBytes) pdf = civic_document_render_pdf (text, NULL, &error);
  g_autoptr(PopplerDocument) document = open_pdf (pdf);
  g_autofree char *words = all_text (document);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (words, "〔待编号〕"));
  g_assert_nonnull (strstr (words, "未经编号签发，不具效力"));
  /* The watermark, besides the footer's words (poppler reads its turned
   * characters apart) */
  g_assert_nonnull (strstr (strstr (words, "稿") + strlen ("稿"), "稿"));
  g_assert_null (strstr (words, "验证码"));
}

/* Without the faces, no document: the error names the font and its
 * package. Fontconfig reads its configuration once, so in a child. */
static void
test_missing_font (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("civic-fonts-XXXXXX", NULL);
      g_autofree char *conf = g_build_filename (dir, "fonts.conf", NULL);
      g_autoptr(CivicCase) kase = granted_case ();
      g_autoptr(CivicDocumentText) text = NULL;
      g_autoptr(GBytes) pdf = NULL;

      g_assert_true (g_file_set_contents (conf, "<?xml version=\"1.0\"?>\n<fontconfig>"
                                          "<cachedir>/nonexistent</cachedir></fontconfig>\n",
                                          -1, NULL));
      g_setenv ("FONTCONFIG_FILE", conf, TRUE);
      text = fill (kase, CIVIC_DOCUMENT_GRANT_DECISION, CIVIC_DOCUMENT_LANGUAGE_ZH, TRUE, &error);
      g_assert_no_error (error);
      pdf = civic_document_render_pdf (text, NULL, &error);
      g_assert_null (pdf);
      g_assert_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_FONT);
      g_print ("%s\n", error->message);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*Noto Serif CJK SC*fonts-noto-cjk*");
}

static void
test_fonts_installed (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_document_check_fonts (&error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A reply states the law in its own language: the catalog is needed */
  if (g_getenv ("CIVICDESK_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CIVICDESK_LOCALEDIR"));

  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);
  clerk = civic_actor_new ("u-clerk", "王芳", "scjg", CIVIC_ROLE_CLERK);
  examiner = civic_actor_new ("u-examiner", "李明", "scjg", CIVIC_ROLE_EXAMINER);
  approver = civic_actor_new ("u-approver", "陈静", "scjg", CIVIC_ROLE_APPROVER);
  department = json_object_new ();
  json_object_set_string_member (department, "name", "湖南省市场监督管理局");
  json_object_set_string_member (department, "name_en",
                                 "Hunan Administration for Market Regulation");
  json_object_set_string_member (department, "short", "省市场监管局");

  g_test_add_func ("/render/templates-complete", test_templates_complete);
  g_test_add_func ("/render/template-refused", test_template_refused);
  g_test_add_func ("/render/fonts-installed", test_fonts_installed);
  g_test_add_func ("/render/every-kind", test_every_kind);
  g_test_add_func ("/render/correction-notice-words", test_correction_notice_words);
  g_test_add_func ("/render/disclosure-request-notices-words",
                   test_disclosure_request_notices_words);
  g_test_add_func ("/render/refusal-words", test_refusal_words);
  g_test_add_func ("/render/missing-value", test_missing_value);
  g_test_add_func ("/render/draft", test_draft);
  g_test_add_func ("/render/missing-font", test_missing_font);

  status = g_test_run ();

  json_object_unref (department);
  civic_actor_free (clerk);
  civic_actor_free (examiner);
  civic_actor_free (approver);
  g_object_unref (calendar);
  return status;
}
