/* test-disclosure.c — a disclosure from draft to publication, through its commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-core.h"
#include "civic-core-test.h"
#include "civic-disclosure-gate.h"
#include "civic-disclosure-policy.h"

/* The land office of the natural resources department (zrzy): 林编辑
 * writes, 马审核 and 高审核 review at the first and second level, 周主任
 * heads the disclosure office; 钱编辑 is an editor of another organ. */

static CivicCalendar *calendar;
static CivicActor *lin, *ma, *gao, *zhou, *qian, *service;
static CivicDisclosurePolicy *two_levels;

static const char *leaky_body =
  "# 关于麓山南路片区征收补偿安置情况的公示\n"
  "\n"
  "被征收人刘建华，联系电话13812345678，身份证号430104196804220016。\n"
  "\n"
  "监督电话：0731-88888000\n";

static const char *clean_body =
  "# 关于麓山南路片区征收补偿安置情况的公示\n"
  "\n"
  "被征收人刘某，联系电话138****5678，身份证号430104********0016。\n"
  "\n"
  "监督电话：0731-88888000\n";

static CivicDisclosure *
act_full (CivicDisclosure             *disclosure,
          CivicActor                  *actor,
          const char                  *now,
          const char                  *command_id,
          const char                  *type,
          const char                  *json,
          const CivicDisclosurePolicy *policy,
          GError                     **error)
{
  g_autoptr(GDateTime) at = civic_time_parse (now);
  g_autoptr(JsonNode) args = json ? civic_json_parse (json, -1, NULL) : NULL;
  CivicWorkflowContext context;
  guint action;
  GObject *next;

  g_assert_true (civic_disclosure_kind.action_from_string (type, &action));
  civic_workflow_context_init (&context, calendar, at, actor);
  context.command_id = command_id;
  context.disclosure_policy = policy;

  if (disclosure == NULL)
    {
      g_autoptr(GObject) blank = NULL;

      g_assert_true (civic_disclosure_kind.creates (action));
      blank = civic_disclosure_kind.create (command_id, action, &context, error);
      if (blank == NULL)
        return NULL;
      next = civic_disclosure_kind.apply (blank, action, args ? json_node_get_object (args) : NULL,
                                          &context, error);
    }
  else
    next = civic_disclosure_kind.apply (G_OBJECT (disclosure), action,
                                        args ? json_node_get_object (args) : NULL, &context, error);
  if (next != NULL)
    civic_disclosure_set_rev (CIVIC_DISCLOSURE (next),
                              (disclosure ? civic_disclosure_get_rev (disclosure) : 0) + 1);
  return next ? CIVIC_DISCLOSURE (next) : NULL;
}

static void
act (CivicDisclosure **disclosure,
     CivicActor       *actor,
     const char       *now,
     const char       *type,
     const char       *json)
{
  g_autoptr(GError) error = NULL;
  CivicDisclosure *next = act_full (*disclosure, actor, now, "cmd", type, json, two_levels, &error);

  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_clear_object (disclosure);
  *disclosure = next;
}

static void
refused (CivicDisclosure    *disclosure,
         CivicActor         *actor,
         const char         *now,
         const char         *type,
         const char         *json,
         CivicWorkflowError  code,
         const char         *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = civic_disclosure_to_json (disclosure);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(CivicDisclosure) next = act_full (disclosure, actor, now, "cmd-refused", type, json,
                                              two_levels, &error);

  g_assert_null (next);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, (int) code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  after = civic_disclosure_to_json (disclosure);
  g_assert_true (json_node_equal (before, after));
}

static char *
save_args (const char *body,
           guint       base,
           const char *redacted)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_set_member_name (builder, "base_version");
  json_builder_add_int_value (builder, base);
  if (redacted != NULL)
    {
      json_builder_set_member_name (builder, "redacted");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, redacted);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return civic_json_to_string (node, FALSE);
}

static CivicDisclosure *
new_draft (void)
{
  CivicDisclosure *disclosure = NULL;

  act (&disclosure, lin, "2026-03-02T09:00:00+08:00", "create-disclosure",
       "{\"title\": \"关于麓山南路片区征收补偿安置情况的公示\", \"category\": \"major-projects\","
       " \"formed_on\": \"2026-02-10\", \"columns\": [\"征收补偿\"], \"keywords\": [\"征收\"]}");
  return disclosure;
}

static JsonNode *
column (const char *id,
        const char *department,
        const char *name,
        const char *parent,
        int         position)
{
  g_autofree char *text = g_strdup_printf ("{\"id\": \"%s\", \"department\": \"%s\", "
                                           "\"name\": \"%s\", \"parent\": %s%s%s, "
                                           "\"position\": %d}",
                                           id, department, name, parent ? "\"" : "",
                                           parent ? parent : "null", parent ? "\"" : "", position);

  return json_from_string (text, NULL);
}

/* The columns a form offers: the organ's, nested as the catalogue nests
 * them and in the organ's order at each level, by name where it is the same; one the record names that the feed
 * has not brought stays checked under its id */
static void
test_column_options (void)
{
  g_autoptr(CivicDisclosure) disclosure = new_draft ();
  g_autoptr(GPtrArray) sources_columns = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  const CivicArgument *argument = civic_arguments_find (
    civic_disclosure_action_get_arguments (CIVIC_DISCLOSURE_ACTION_CREATE), "columns");
  CivicArgumentSources sources = { 0 };
  const char *order[] = { "zrzy-plans", "zrzy-dual", "zrzy-penalties", "zrzy-licensing",
                          "征收补偿" };
  CivicArgumentOption *option;

  g_assert_cmpint (argument->kind, ==, CIVIC_ARGUMENT_CHECKLIST);
  /* the organ's order first (规划计划 before 双公示); then by name, in code
   * point order as the public pages: 处 < 许 */
  g_ptr_array_add (sources_columns, column ("zrzy-licensing", "zrzy", "行政许可", "zrzy-dual", 3));
  g_ptr_array_add (sources_columns, column ("zrzy-plans", "zrzy", "规划计划", NULL, 0));
  g_ptr_array_add (sources_columns, column ("zrzy-penalties", "zrzy", "行政处罚", "zrzy-dual", 3));
  g_ptr_array_add (sources_columns, column ("zrzy-dual", "zrzy", "双公示", NULL, 1));
  g_ptr_array_add (sources_columns, column ("scjg-plans", "scjg", "规划计划", NULL, 0));
  sources.columns = sources_columns;
  sources.department = "scjg";

  options = argument->options (G_OBJECT (disclosure), &sources);
  g_assert_cmpuint (options->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < options->len; i++)
    g_assert_cmpstr (((CivicArgumentOption *) g_ptr_array_index (options, i))->value, ==, order[i]);
  option = g_ptr_array_index (options, 3);
  g_assert_cmpstr (option->label, ==, "行政许可");
  g_assert_cmpstr (option->detail, ==, "Under 双公示");
  g_assert_false (option->active);
  option = g_ptr_array_index (options, 4);
  g_assert_cmpstr (option->label, ==, "征收补偿");
  g_assert_true (option->active);

  /* a new one: the official's organ's */
  fresh = argument->options (NULL, &sources);
  g_assert_cmpuint (fresh->len, ==, 1);
  g_assert_cmpstr (((CivicArgumentOption *) g_ptr_array_index (fresh, 0))->value, ==, "scjg-plans");
}

static void
test_create (void)
{
  g_autoptr(CivicDisclosure) disclosure = new_draft ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDisclosure) other = NULL;

  g_assert_cmpstr (civic_disclosure_get_id (disclosure), ==, "cmd");
  g_assert_cmpstr (civic_disclosure_get_department_id (disclosure), ==, "zrzy");
  g_assert_cmpstr (civic_disclosure_get_author_id (disclosure), ==, "u-lin");
  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_DRAFT);
  g_assert_cmpint (civic_disclosure_get_category (disclosure), ==,
                   CIVIC_DISCLOSURE_CATEGORY_MAJOR_PROJECTS);
  g_assert_cmpstr (civic_disclosure_get_columns (disclosure)[0], ==, "征收补偿");
  g_assert_cmpuint (civic_disclosure_get_head_version (disclosure), ==, 0);

  /* Art. 26: formed Tue 2026-02-10, published by Mon 2026-03-16 (the
   * Spring Festival holiday 02-15…23 skipped, Sat 02-14 and 02-28 worked) */
  assert_day_eq (civic_disclosure_get_due_on (disclosure, calendar), "2026-03-16");

  /* Only an editor creates, and not twice */
  other = act_full (NULL, ma, "2026-03-02T09:00:00+08:00", "cmd-2", "create-disclosure",
                    "{\"title\": \"x\", \"category\": \"statistics\", \"formed_on\": \"2026-03-01\"}",
                    two_levels, &error);
  g_assert_null (other);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ROLE);
  refused (disclosure, lin, "2026-03-02T09:00:00+08:00", "create-disclosure",
           "{\"title\": \"x\", \"category\": \"statistics\", \"formed_on\": \"2026-03-01\"}",
           CIVIC_WORKFLOW_ERROR_STATE, "exists already");
  g_clear_error (&error);
  other = act_full (NULL, lin, "2026-03-02T09:00:00+08:00", "cmd-3", "create-disclosure",
                    "{\"title\": \"x\", \"category\": \"statistics\", \"formed_on\": \"2026-03-09\"}",
                    two_levels, &error);
  g_assert_null (other);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT);
}

static void
test_save_and_gate (void)
{
  g_autoptr(CivicDisclosure) disclosure = new_draft ();
  g_autofree char *leaky = save_args (leaky_body, 0, NULL);
  g_autofree char *stale = save_args (clean_body, 0, NULL);
  g_autoptr(GPtrArray) blocking = NULL;
  g_autofree char *id_key = NULL;
  GPtrArray *findings;

  refused (disclosure, lin, "2026-03-02T10:00:00+08:00", "submit-disclosure", NULL,
           CIVIC_WORKFLOW_ERROR_STATE, "Save the text");

  act (&disclosure, lin, "2026-03-02T10:00:00+08:00", "save-disclosure", leaky);
  g_assert_cmpuint (civic_disclosure_get_head_version (disclosure), ==, 1);
  g_assert_cmpuint (civic_disclosure_get_versions (disclosure)->len, ==, 1);

  /* the findings of the body, without their values: a mobile and an ID,
   * on line 3; the switchboard is in the organ's guide */
  findings = civic_disclosure_get_findings (disclosure);
  g_assert_cmpuint (findings->len, ==, 2);
  blocking = civic_disclosure_gate_blocking (disclosure);
  g_assert_cmpuint (blocking->len, ==, 2);
  g_assert_cmpuint (((CivicDisclosureFinding *) g_ptr_array_index (blocking, 0))->line, ==, 3);
  /* the findings belong to this version of the record, which the next
   * command replaces */
  id_key = g_strdup (((CivicDisclosureFinding *) g_ptr_array_index (blocking, 1))->key);
  {
    g_autoptr(JsonNode) node = civic_disclosure_to_json (disclosure);
    g_autofree char *text = civic_json_to_string (node, FALSE);
    const char *findings_json = strstr (text, "\"findings\"");

    /* the body holds the number; the findings never do */
    g_assert_nonnull (findings_json);
    g_assert_null (strstr (findings_json, "13812345678"));
  }

  /* a save on an older version is a conflict */
  refused (disclosure, lin, "2026-03-02T10:05:00+08:00", "save-disclosure", stale,
           CIVIC_WORKFLOW_ERROR_STATE, "version 1 has been saved since");

  act (&disclosure, lin, "2026-03-02T10:10:00+08:00", "submit-disclosure", NULL);
  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_IN_REVIEW);
  /* the first level approves; the last refuses while the gate is shut */
  act (&disclosure, ma, "2026-03-03T09:00:00+08:00", "review-disclosure",
       "{\"decision\": \"approve\"}");
  refused (disclosure, gao, "2026-03-03T10:00:00+08:00", "review-disclosure",
           "{\"decision\": \"approve\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "2 findings block publishing: Mobile number (line 3), Resident ID number (line 3)");
  act (&disclosure, gao, "2026-03-03T10:00:00+08:00", "review-disclosure",
       "{\"decision\": \"return\", \"comment\": \"请删去个人信息\"}");
  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_DRAFT);
  g_assert_cmpuint (civic_disclosure_get_review_level (disclosure), ==, 0);

  /* a redaction is an edit that names what it removed */
  {
    g_autofree char *wrong = save_args (leaky_body, 1, id_key);
    g_autofree char *redacted = save_args (clean_body, 1, id_key);

    refused (disclosure, lin, "2026-03-03T11:00:00+08:00", "save-disclosure", wrong,
             CIVIC_WORKFLOW_ERROR_RULE, "still in the text");
    act (&disclosure, lin, "2026-03-03T11:00:00+08:00", "save-disclosure", redacted);
  }
  g_clear_pointer (&blocking, g_ptr_array_unref);
  blocking = civic_disclosure_gate_blocking (disclosure);
  g_assert_cmpuint (blocking->len, ==, 0);
}

static CivicDisclosure *
approved (void)
{
  CivicDisclosure *disclosure = new_draft ();
  g_autofree char *clean = save_args (clean_body, 0, NULL);

  act (&disclosure, lin, "2026-03-02T10:00:00+08:00", "save-disclosure", clean);
  act (&disclosure, lin, "2026-03-02T10:10:00+08:00", "submit-disclosure", NULL);
  act (&disclosure, ma, "2026-03-03T09:00:00+08:00", "review-disclosure",
       "{\"decision\": \"approve\"}");
  act (&disclosure, gao, "2026-03-03T10:00:00+08:00", "review-disclosure",
       "{\"decision\": \"approve\"}");
  return disclosure;
}

static void
test_review_levels (void)
{
  g_autoptr(CivicDisclosure) disclosure = new_draft ();
  g_autofree char *clean = save_args (clean_body, 0, NULL);

  act (&disclosure, lin, "2026-03-02T10:00:00+08:00", "save-disclosure", clean);
  act (&disclosure, lin, "2026-03-02T10:10:00+08:00", "submit-disclosure", NULL);

  /* the author never reviews; the second level waits for the first */
  refused (disclosure, lin, "2026-03-03T09:00:00+08:00", "review-disclosure",
           "{\"decision\": \"approve\"}", CIVIC_WORKFLOW_ERROR_ROLE, "is for these roles");
  refused (disclosure, gao, "2026-03-03T09:00:00+08:00", "review-disclosure",
           "{\"decision\": \"approve\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "It is at review level 1 of 2; you do not review at that level");
  refused (disclosure, qian, "2026-03-03T09:00:00+08:00", "comment-disclosure",
           "{\"text\": \"x\"}", CIVIC_WORKFLOW_ERROR_ROLE, "Only the organ");
  act (&disclosure, ma, "2026-03-03T09:00:00+08:00", "review-disclosure",
       "{\"decision\": \"approve\"}");
  g_assert_cmpuint (civic_disclosure_get_review_level (disclosure), ==, 1);
  /* who approved at the first level does not approve at the second, even
   * as the head */
  refused (disclosure, ma, "2026-03-03T09:30:00+08:00", "review-disclosure",
           "{\"decision\": \"approve\"}", CIVIC_WORKFLOW_ERROR_ROLE, "earlier level");
  refused (disclosure, gao, "2026-03-03T10:00:00+08:00", "review-disclosure",
           "{\"decision\": \"return\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "comment");
  act (&disclosure, gao, "2026-03-03T10:00:00+08:00", "review-disclosure",
       "{\"decision\": \"approve\"}");
  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_APPROVED);
  g_assert_cmpuint (civic_disclosure_get_reviews (disclosure)->len, ==, 2);

  /* the default policy: one level, any reviewer */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CivicDisclosure) one = NULL;
    g_autoptr(CivicDisclosure) submitted = new_draft ();
    g_autoptr(CivicDisclosure) saved = NULL;
    g_autoptr(CivicDisclosure) in_review = NULL;

    saved = act_full (submitted, lin, "2026-03-02T10:00:00+08:00", "s", "save-disclosure", clean,
                      NULL, &error);
    g_assert_no_error (error);
    in_review = act_full (saved, lin, "2026-03-02T10:00:00+08:00", "t", "submit-disclosure", NULL,
                          NULL, &error);
    g_assert_no_error (error);
    one = act_full (in_review, gao, "2026-03-03T10:00:00+08:00", "r", "review-disclosure",
                    "{\"decision\": \"approve\"}", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (civic_disclosure_get_state (one), ==, CIVIC_DISCLOSURE_STATE_APPROVED);
  }
}

static void
test_acknowledge (void)
{
  g_autoptr(CivicDisclosure) disclosure = new_draft ();
  g_autofree char *leaky = save_args (leaky_body, 0, NULL);
  g_autoptr(GPtrArray) blocking = NULL;
  const CivicDisclosureAcknowledgement *acknowledgement;
  g_autofree char *mobile_ack = NULL;
  g_autofree char *id_ack = NULL;

  act (&disclosure, lin, "2026-03-02T10:00:00+08:00", "save-disclosure", leaky);
  blocking = civic_disclosure_gate_blocking (disclosure);
  mobile_ack = g_strdup_printf ("{\"key\": \"%s\", \"ground\": \"consent\","
                                " \"reason\": \"本人书面同意公开联系电话\"}",
                                ((CivicDisclosureFinding *) g_ptr_array_index (blocking, 0))->key);
  id_ack = g_strdup_printf ("{\"key\": \"%s\", \"ground\": \"office-contact\", \"reason\": \"x\"}",
                            ((CivicDisclosureFinding *) g_ptr_array_index (blocking, 1))->key);

  /* editors do not wave findings through; an ID number is nobody's office */
  refused (disclosure, lin, "2026-03-02T11:00:00+08:00", "acknowledge-disclosure-finding",
           mobile_ack, CIVIC_WORKFLOW_ERROR_ROLE, "is for these roles");
  refused (disclosure, gao, "2026-03-02T11:00:00+08:00", "acknowledge-disclosure-finding",
           id_ack, CIVIC_WORKFLOW_ERROR_RULE, "office’s contact");
  refused (disclosure, gao, "2026-03-02T11:00:00+08:00", "acknowledge-disclosure-finding",
           "{\"key\": \"0000\", \"ground\": \"consent\", \"reason\": \"x\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "no such finding");

  act (&disclosure, gao, "2026-03-02T11:00:00+08:00", "acknowledge-disclosure-finding",
       mobile_ack);
  acknowledgement = g_ptr_array_index (civic_disclosure_get_acknowledgements (disclosure), 0);
  g_assert_cmpint (acknowledgement->kind, ==, CIVIC_PRIVACY_KIND_MOBILE);
  g_assert_cmpint (acknowledgement->ground, ==, CIVIC_DISCLOSURE_GROUND_CONSENT);
  g_assert_cmpstr (acknowledgement->by_id, ==, "u-gao");
  g_assert_cmpuint (acknowledgement->version, ==, 1);
  g_clear_pointer (&blocking, g_ptr_array_unref);
  blocking = civic_disclosure_gate_blocking (disclosure);
  g_assert_cmpuint (blocking->len, ==, 1);
  g_assert_cmpint (((CivicDisclosureFinding *) g_ptr_array_index (blocking, 0))->kind, ==,
                   CIVIC_PRIVACY_KIND_RESIDENT_ID);

  /* the key survives re-spacing: the same number written another way is
   * still acknowledged */
  {
    g_autofree char *respaced = NULL;
    g_autofree char *body = g_strdup (leaky_body);
    GString *text = g_string_new (body);

    g_string_replace (text, "13812345678", "138 1234 5678", 1);
    respaced = save_args (text->str, 1, NULL);
    g_string_free (text, TRUE);
    act (&disclosure, lin, "2026-03-02T12:00:00+08:00", "save-disclosure", respaced);
    g_clear_pointer (&blocking, g_ptr_array_unref);
    blocking = civic_disclosure_gate_blocking (disclosure);
    g_assert_cmpuint (blocking->len, ==, 1);
  }
}

/* A file is unchecked until its text is read; an ID number on its second
 * page holds the disclosure, named by file and page; a personal name
 * marked later is found in it too; removed, it holds nothing */
static void
test_attachments (void)
{
  static const char sha[] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  static const char * const pages[] = {
    "征收补偿安置情况统计表\n共 48 户\n",
    "附表二\n被征收人刘建华\n身份证号430104196804220016\n",
    NULL
  };
  g_autoptr(CivicDisclosure) disclosure = new_draft ();
  g_autofree char *clean = save_args (clean_body, 0, NULL);
  g_autofree char *attach = g_strdup_printf ("{\"sha256\": \"%s\", \"name\": \"安置名单.pdf\","
                                             " \"media_type\": \"application/pdf\","
                                             " \"size\": 48213}", sha);
  g_autofree char *remove = g_strdup_printf ("{\"sha256\": \"%s\"}", sha);
  g_autoptr(GError) error = NULL;
  const CivicDisclosureAttachment *attachment;
  const CivicDisclosureFinding *finding;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicDisclosure) copy = NULL;

  act (&disclosure, lin, "2026-03-02T10:00:00+08:00", "save-disclosure", clean);
  g_assert_true (civic_disclosure_gate_check (disclosure, NULL));

  refused (disclosure, lin, "2026-03-02T10:10:00+08:00", "attach-disclosure-file",
           "{\"sha256\": \"abc\", \"name\": \"a.pdf\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "sha256");
  refused (disclosure, lin, "2026-03-02T10:10:00+08:00", "attach-disclosure-file",
           "{\"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
           " \"name\": \"../etc/passwd\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "not a file name");
  refused (disclosure, gao, "2026-03-02T10:10:00+08:00", "attach-disclosure-file", attach,
           CIVIC_WORKFLOW_ERROR_ROLE, "is for these roles");

  /* attached: unchecked until the text is read */
  act (&disclosure, lin, "2026-03-02T10:10:00+08:00", "attach-disclosure-file", attach);
  attachment = civic_disclosure_find_attachment (disclosure, sha);
  g_assert_nonnull (attachment);
  g_assert_false (attachment->checked);
  g_assert_cmpint (attachment->size, ==, 48213);
  finding = g_ptr_array_index (attachment->findings, 0);
  g_assert_cmpint (finding->kind, ==, CIVIC_PRIVACY_KIND_UNCHECKED_ATTACHMENT);
  g_assert_false (civic_disclosure_gate_check (disclosure, &error));
  g_assert_nonnull (strstr (error->message, "Unchecked attachment (“安置名单.pdf”)"));
  g_clear_error (&error);
  refused (disclosure, lin, "2026-03-02T10:11:00+08:00", "attach-disclosure-file", attach,
           CIVIC_WORKFLOW_ERROR_STATE, "attached already");

  /* read: the ID number on page 2, on line 3 of that page */
  g_assert_true (civic_disclosure_check_attachment (disclosure, sha, pages, two_levels));
  g_assert_true (attachment->checked);
  g_assert_cmpuint (attachment->findings->len, ==, 1);
  finding = g_ptr_array_index (attachment->findings, 0);
  g_assert_cmpint (finding->kind, ==, CIVIC_PRIVACY_KIND_RESIDENT_ID);
  g_assert_cmpuint (finding->page, ==, 2);
  g_assert_cmpuint (finding->line, ==, 3);
  g_assert_false (civic_disclosure_gate_check (disclosure, &error));
  g_assert_nonnull (strstr (error->message, "Resident ID number (“安置名单.pdf”, page 2)"));
  g_clear_error (&error);
  g_assert_true (civic_disclosure_find_finding (disclosure, finding->key) == finding);

  /* a name marked as personal is a finding in the file too, once the
   * service lints it again */
  act (&disclosure, lin, "2026-03-02T10:20:00+08:00", "mark-personal-name",
       "{\"name\": \"刘建华\"}");
  attachment = civic_disclosure_find_attachment (disclosure, sha);
  civic_disclosure_check_attachment (disclosure, sha, pages, two_levels);
  g_assert_cmpuint (attachment->findings->len, ==, 2);

  /* the wire keeps the file and its findings by page */
  node = civic_disclosure_to_json (disclosure);
  copy = civic_disclosure_new_from_json (node, &error);
  g_assert_no_error (error);
  attachment = civic_disclosure_find_attachment (copy, sha);
  g_assert_cmpstr (attachment->name, ==, "安置名单.pdf");
  g_assert_true (attachment->checked);
  g_assert_cmpuint (((CivicDisclosureFinding *) g_ptr_array_index (attachment->findings, 1))->page,
                    ==, 2);

  /* replaced, not redacted: removed, nothing holds it */
  act (&disclosure, lin, "2026-03-02T10:30:00+08:00", "remove-disclosure-file", remove);
  g_assert_null (civic_disclosure_find_attachment (disclosure, sha));
  g_assert_true (civic_disclosure_gate_check (disclosure, NULL));
  refused (disclosure, lin, "2026-03-02T10:31:00+08:00", "remove-disclosure-file", remove,
           CIVIC_WORKFLOW_ERROR_STATE, "No such file");
}

static void
test_schedule_and_publish (void)
{
  g_autoptr(CivicDisclosure) disclosure = approved ();
  g_autoptr(CivicDisclosure) copy = NULL;
  g_autoptr(GDateTime) expected = civic_time_parse ("2026-03-04T10:00:00+08:00");

  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_APPROVED);
  /* the first level does not publish; a minute past is not a schedule */
  refused (disclosure, ma, "2026-03-03T11:00:00+08:00", "schedule-disclosure",
           "{\"publish_on\": \"2026-03-04\", \"publish_at\": \"10:00\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "last level");
  refused (disclosure, gao, "2026-03-03T11:00:00+08:00", "schedule-disclosure",
           "{\"publish_on\": \"2026-03-03\", \"publish_at\": \"10:00\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "Publish Now");
  refused (disclosure, gao, "2026-03-03T11:00:00+08:00", "schedule-disclosure",
           "{\"publish_on\": \"2026-03-04\", \"publish_at\": \"10h\"}",
           CIVIC_WORKFLOW_ERROR_ARGUMENT, "time of day");
  act (&disclosure, gao, "2026-03-03T11:00:00+08:00", "schedule-disclosure",
       "{\"publish_on\": \"2026-03-04\", \"publish_at\": \"10:00\", \"expire_on\": \"2026-12-31\"}");
  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_SCHEDULED);
  g_assert_true (g_date_time_equal (civic_disclosure_get_publish_at (disclosure), expected));

  /* the service publishes it at its minute, not before */
  refused (disclosure, service, "2026-03-04T09:59:00+08:00", "publish-scheduled-disclosure", NULL,
           CIVIC_WORKFLOW_ERROR_STATE, "has not come yet");
  refused (disclosure, gao, "2026-03-04T10:00:00+08:00", "publish-scheduled-disclosure", NULL,
           CIVIC_WORKFLOW_ERROR_ROLE, "is for these roles");
  act (&disclosure, service, "2026-03-04T10:00:30+08:00", "publish-scheduled-disclosure", NULL);
  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_PUBLISHED);
  g_assert_cmpuint (civic_disclosure_get_published_version (disclosure), ==, 1);
  g_assert_null (civic_disclosure_get_publish_at (disclosure));

  /* a revision is a working copy: the published version stays */
  act (&disclosure, lin, "2026-03-05T09:00:00+08:00", "revise-disclosure",
       "{\"reason\": \"补充安置房源信息\"}");
  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_DRAFT);
  g_assert_cmpuint (civic_disclosure_get_published_version (disclosure), ==, 1);

  /* withdrawn by the head only, with a public notice */
  refused (disclosure, gao, "2026-03-05T10:00:00+08:00", "withdraw-disclosure",
           "{\"public_notice\": \"本信息已撤回\", \"reason\": \"x\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "is for these roles");
  act (&disclosure, zhou, "2026-03-05T10:00:00+08:00", "withdraw-disclosure",
       "{\"public_notice\": \"因安置方案调整，本信息已于2026年3月5日撤回。\","
       " \"reason\": \"安置方案调整\"}");
  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_WITHDRAWN);
  g_assert_cmpstr (civic_disclosure_get_public_notice (disclosure), ==,
                   "因安置方案调整，本信息已于2026年3月5日撤回。");
  g_assert_nonnull (civic_disclosure_get_withdrawn_at (disclosure));

  /* everything reads back */
  {
    g_autoptr(JsonNode) node = civic_disclosure_to_json (disclosure);
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) again = NULL;

    copy = civic_disclosure_new_from_json (node, &error);
    g_assert_no_error (error);
    again = civic_disclosure_to_json (copy);
    g_assert_true (json_node_equal (node, again));
  }
}

static void
test_publish_now_and_expire (void)
{
  g_autoptr(CivicDisclosure) disclosure = approved ();

  refused (disclosure, zhou, "2026-03-03T11:00:00+08:00", "publish-disclosure",
           "{\"expire_on\": \"2026-03-03\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "must expire after");
  act (&disclosure, zhou, "2026-03-03T11:00:00+08:00", "publish-disclosure",
       "{\"expire_on\": \"2026-06-30\"}");
  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_PUBLISHED);
  refused (disclosure, service, "2026-06-29T23:59:00+08:00", "expire-disclosure", NULL,
           CIVIC_WORKFLOW_ERROR_STATE, "not due to expire");
  act (&disclosure, service, "2026-06-30T00:00:00+08:00", "expire-disclosure", NULL);
  g_assert_cmpint (civic_disclosure_get_state (disclosure), ==, CIVIC_DISCLOSURE_STATE_EXPIRED);
}

static void
test_validity (void)
{
  g_autoptr(CivicDisclosure) disclosure = NULL;
  g_autofree char *clean = save_args (clean_body, 0, NULL);

  act (&disclosure, lin, "2026-03-02T09:00:00+08:00", "create-disclosure",
       "{\"title\": \"湖南省国有土地上房屋征收补偿办法\", \"category\": \"normative-documents\","
       " \"formed_on\": \"2026-02-10\", \"normative\": true,"
       " \"document_number\": \"湘政发〔2026〕3号\", \"issuing_organ\": \"湖南省人民政府\"}");
  g_assert_cmpint (civic_disclosure_get_validity (disclosure), ==,
                   CIVIC_DISCLOSURE_VALIDITY_IN_FORCE);
  act (&disclosure, lin, "2026-03-02T10:00:00+08:00", "save-disclosure", clean);
  act (&disclosure, lin, "2026-03-02T10:10:00+08:00", "submit-disclosure", NULL);
  act (&disclosure, ma, "2026-03-03T09:00:00+08:00", "review-disclosure",
       "{\"decision\": \"approve\"}");
  act (&disclosure, zhou, "2026-03-03T10:00:00+08:00", "review-disclosure",
       "{\"decision\": \"approve\"}");
  act (&disclosure, zhou, "2026-03-03T11:00:00+08:00", "publish-disclosure", NULL);

  refused (disclosure, zhou, "2026-09-01T09:00:00+08:00", "set-disclosure-validity",
           "{\"validity\": \"repealed\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "which document");
  act (&disclosure, zhou, "2026-09-01T09:00:00+08:00", "set-disclosure-validity",
       "{\"validity\": \"repealed\", \"repealed_by\": \"湘政发〔2026〕21号\"}");
  g_assert_cmpint (civic_disclosure_get_validity (disclosure), ==,
                   CIVIC_DISCLOSURE_VALIDITY_REPEALED);
  g_assert_cmpstr (civic_disclosure_get_repealed_by (disclosure), ==, "湘政发〔2026〕21号");
}

static void
test_index_numbers (void)
{
  g_autofree char *number = civic_disclosure_format_index_number ("11430000MB1234567X", 2026, 42);
  g_autofree char *code = NULL;
  int year = 0;
  guint sequence = 0;

  g_assert_cmpstr (number, ==, "11430000MB1234567X/2026-00042");
  g_assert_true (civic_disclosure_parse_index_number (number, &code, &year, &sequence));
  g_assert_cmpstr (code, ==, "11430000MB1234567X");
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpuint (sequence, ==, 42);

  g_assert_false (civic_disclosure_parse_index_number ("11430000MB1234567X/2026-42", NULL, NULL,
                                                       NULL));
  g_assert_false (civic_disclosure_parse_index_number ("/2026-00042", NULL, NULL, NULL));
  g_assert_false (civic_disclosure_parse_index_number ("X/2026-00042x", NULL, NULL, NULL));
  g_assert_false (civic_disclosure_parse_index_number ("X/2026-00000", NULL, NULL, NULL));
}

static void
test_policy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = civic_json_parse ("{\"review_levels\": 3, \"reviewers\": [[], [\"u-gao\"]],"
                                               " \"index_code\": \"11430000MB1234567X\","
                                               " \"redaction\": \"partial\","
                                               " \"allowed_numbers\": [\"0731-88888000\"]}", -1, NULL);
  g_autoptr(CivicDisclosurePolicy) policy = civic_disclosure_policy_new_from_json (node, &error);
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(CivicDisclosurePolicy) again = NULL;
  static const char *bad[] = {
    "{\"review_levels\": 4}",
    "{\"review_levels\": 0}",
    "{\"review_levels\": 1, \"reviewers\": [[\"a\"], [\"b\"]]}",
    "{\"index_code\": \"11/43\"}",
    "{\"redaction\": \"some\"}",
    "[]",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (policy->review_levels, ==, 3);
  g_assert_true (civic_disclosure_policy_reviews_at (policy, 1, ma));
  g_assert_false (civic_disclosure_policy_reviews_at (policy, 2, ma));
  g_assert_true (civic_disclosure_policy_reviews_at (policy, 2, gao));
  g_assert_true (civic_disclosure_policy_reviews_at (policy, 3, zhou));
  g_assert_false (civic_disclosure_policy_reviews_at (policy, 1, lin));
  g_assert_false (civic_disclosure_policy_reviews_at (policy, 4, gao));
  g_assert_cmpint (policy->redaction, ==, CIVIC_PRIVACY_REDACTION_PARTIAL);

  written = civic_disclosure_policy_to_json (policy);
  again = civic_disclosure_policy_new_from_json (written, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->index_code, ==, "11430000MB1234567X");
  g_assert_cmpstr (again->reviewers[1][0], ==, "u-gao");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) bad_node = civic_json_parse (bad[i], -1, NULL);
      g_autoptr(CivicDisclosurePolicy) refused_policy = NULL;

      g_clear_error (&error);
      refused_policy = civic_disclosure_policy_new_from_json (bad_node, &error);
      if (refused_policy != NULL)
        g_error ("policy %s was taken", bad[i]);
      g_assert_nonnull (error);
    }
}

static void
test_malformed_json (void)
{
  static const char *bad[] = {
    "{}",
    "{\"id\": \"d\", \"department_id\": \"zrzy\"}",
    "{\"id\": \"d\", \"department_id\": \"zrzy\", \"state\": \"gone\"}",
    "{\"id\": \"d\", \"department_id\": \"zrzy\", \"state\": \"draft\", \"review_level\": 9}",
    "{\"id\": \"d\", \"department_id\": \"zrzy\", \"state\": \"draft\", \"published_version\": 2}",
    "{\"id\": \"d\", \"department_id\": \"zrzy\", \"state\": \"draft\", \"findings\": [1]}",
    ("{\"id\": \"d\", \"department_id\": \"zrzy\", \"state\": \"draft\","
     " \"findings\": [{\"key\": \"k\", \"kind\": \"x\", \"severity\": \"block\"}]}"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = civic_json_parse (bad[i], -1, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CivicDisclosure) disclosure = civic_disclosure_new_from_json (node, &error);

      if (disclosure != NULL)
        g_error ("%s was read", bad[i]);
      g_assert_nonnull (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonNode) policy = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);
  lin = civic_actor_new ("u-lin", "林编辑", "zrzy", CIVIC_ROLE_DISCLOSURE_EDITOR);
  ma = civic_actor_new ("u-ma", "马审核", "zrzy", CIVIC_ROLE_DISCLOSURE_REVIEWER);
  gao = civic_actor_new ("u-gao", "高审核", "zrzy", CIVIC_ROLE_DISCLOSURE_REVIEWER);
  zhou = civic_actor_new ("u-zhou", "周主任", "zrzy",
                          CIVIC_ROLE_DISCLOSURE_HEAD | CIVIC_ROLE_DISCLOSURE_REVIEWER);
  qian = civic_actor_new ("u-qian", "钱编辑", "scjg", CIVIC_ROLES_DISCLOSURE);
  service = civic_actor_new ("system", NULL, NULL, CIVIC_ROLE_SYSTEM);
  policy = civic_json_parse ("{\"review_levels\": 2, \"reviewers\": [[\"u-ma\", \"u-zhou\"],"
                             " [\"u-gao\", \"u-zhou\"]], \"allowed_numbers\": [\"0731-88888000\"]}",
                             -1, NULL);
  two_levels = civic_disclosure_policy_new_from_json (policy, NULL);

  g_test_add_func ("/disclosure/create", test_create);
  g_test_add_func ("/disclosure/column-options", test_column_options);
  g_test_add_func ("/disclosure/save-and-gate", test_save_and_gate);
  g_test_add_func ("/disclosure/review-levels", test_review_levels);
  g_test_add_func ("/disclosure/acknowledge", test_acknowledge);
  g_test_add_func ("/disclosure/attachments", test_attachments);
  g_test_add_func ("/disclosure/schedule-and-publish", test_schedule_and_publish);
  g_test_add_func ("/disclosure/publish-now-and-expire", test_publish_now_and_expire);
  g_test_add_func ("/disclosure/validity", test_validity);
  g_test_add_func ("/disclosure/index-numbers", test_index_numbers);
  g_test_add_func ("/disclosure/policy", test_policy);
  g_test_add_func ("/disclosure/malformed-json", test_malformed_json);

  status = g_test_run ();
  civic_disclosure_policy_free (two_levels);
  return status;
}
