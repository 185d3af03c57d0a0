/* test-template.c — a document's text, filled from a record all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-document.h"
#include "civic-template.h"
#include "civic-template-record.h"

static const char * const known[] = {
  "applicant.name", "case.number", "item.name", "remedies.reconsideration_body",
  "remedies.court", "decision.reason", NULL
};

static GHashTable *
values_new (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (values, "applicant.name", "长沙顺达信息技术有限责任公司");
  g_hash_table_insert (values, "case.number", "20260212-SCJG-000001");
  g_hash_table_insert (values, "item.name", "食品经营许可");
  g_hash_table_insert (values, "remedies.reconsideration_body", "湖南省人民政府");
  g_hash_table_insert (values, "remedies.court", "长沙铁路运输法院");
  return values;
}

static const char refusal[] =
  "{{applicant.name}}：\n"
  "你（单位）申请的{{item.name}}（受理编号：{{case.number}}），经审查，不符合法定条件。"
  "如不服本决定，可以在收到本决定书之日起六十日内向{{remedies.reconsideration_body}}申请行政复议，"
  "或者在六个月内向{{remedies.court}}提起行政诉讼。";

static void
test_fill (void)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = civic_template_fill (refusal, known, values, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "长沙顺达信息技术有限责任公司：\n"
                   "你（单位）申请的食品经营许可（受理编号：20260212-SCJG-000001），经审查，"
                   "不符合法定条件。如不服本决定，可以在收到本决定书之日起六十日内向湖南省人民政府"
                   "申请行政复议，或者在六个月内向长沙铁路运输法院提起行政诉讼。");
}

/* A name marked "?" may be left empty; the rest may not */
static void
test_optional (void)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = civic_template_fill ("{{item.name}}{{decision.reason?}}。", known,
                                               values, &error);
  g_auto(GStrv) names = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "食品经营许可。");

  g_hash_table_insert (values, "decision.reason", "理由");
  g_clear_pointer (&text, g_free);
  text = civic_template_fill ("{{decision.reason?}}", known, values, &error);
  g_assert_cmpstr (text, ==, "理由");

  g_clear_pointer (&text, g_free);
  text = civic_template_fill ("{{applicant.nmae?}}", known, values, &error);
  g_assert_null (text);
  g_assert_error (error, CIVIC_TEMPLATE_ERROR, CIVIC_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER);
  g_assert_nonnull (strstr (error->message, "“applicant.nmae”"));
  g_clear_error (&error);

  text = civic_template_fill ("{{?}} {{a??}}", known, values, &error);
  g_assert_error (error, CIVIC_TEMPLATE_ERROR, CIVIC_TEMPLATE_ERROR_MALFORMED);
  g_clear_error (&error);

  names = civic_template_list_placeholders ("{{a?}} {{a}}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "a");
}

static void
test_list (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = civic_template_list_placeholders ("{{a}} {{b.c}} {{a}}", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "a");
  g_assert_cmpstr (names[1], ==, "b.c");
}

/* Each refusal names what is wrong; nothing half-filled comes out */
static void
test_refusals (void)
{
  g_autoptr(GHashTable) values = values_new ();
  const struct { const char *text; int code; const char *named; } bad[] = {
    { "不予许可的理由：{{decision.reason}}。", CIVIC_TEMPLATE_ERROR_MISSING_VALUE,
      "decision.reason" },
    { "申请人：{{applicant.nmae}}", CIVIC_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
      "applicant.nmae" },
    { "申请人：{{applicant.name", CIVIC_TEMPLATE_ERROR_MALFORMED, "{{applicant.name" },
    { "申请人：{{ applicant.name }}", CIVIC_TEMPLATE_ERROR_MALFORMED, "{{ applicant" },
    { "{{}}", CIVIC_TEMPLATE_ERROR_MALFORMED, "{{}}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = civic_template_fill (bad[i].text, known, values, &error);

      g_assert_null (text);
      g_assert_error (error, CIVIC_TEMPLATE_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].named));
    }

  /* An empty value is no value */
  g_hash_table_insert (values, "decision.reason", "");
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = civic_template_fill ("{{decision.reason}}", known, values, &error);

    g_assert_null (text);
    g_assert_error (error, CIVIC_TEMPLATE_ERROR, CIVIC_TEMPLATE_ERROR_MISSING_VALUE);
  }
}

/* Text without placeholders, and braces that are not a placeholder's */
static void
test_plain (void)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = civic_template_fill ("特此通知。{单} }}", known, values, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "特此通知。{单} }}");
}

/* A template's body as the form edits it, and back: a paragraph whose
 * words open with a bracket is marked as one, or it would read back as
 * a style that does not exist (found by fuzz-document-template) */
static void
test_body_source (void)
{
  g_autoptr(CivicDocumentTemplate) tmpl = g_new0 (CivicDocumentTemplate, 1);
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  static const struct { CivicBlockStyle style; const char *text; } given[] = {
    { CIVIC_BLOCK_ADDRESSEE, "{{hearing.parties}}：" },
    { CIVIC_BLOCK_PARAGRAPH, "[hearing.parties}}：" },
    { CIVIC_BLOCK_PARAGRAPH, "本听证的费用由行政机关承担。" },
    { CIVIC_BLOCK_NOTE, "[附] 说明" },
  };

  tmpl->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_document_block_free);
  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      CivicDocumentBlock *block = g_new0 (CivicDocumentBlock, 1);

      block->style = given[i].style;
      block->text = g_strdup (given[i].text);
      g_ptr_array_add (tmpl->blocks, block);
    }

  source = civic_template_body_to_source (tmpl);
  g_assert_cmpstr (source, ==, "[addressee] {{hearing.parties}}：\n"
                               "[paragraph] [hearing.parties}}：\n"
                               "本听证的费用由行政机关承担。\n"
                               "[note] [附] 说明");
  blocks = civic_template_body_from_source (source, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blocks->len, ==, G_N_ELEMENTS (given));
  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      CivicDocumentBlock *block = g_ptr_array_index (blocks, i);

      g_assert_cmpint (block->style, ==, given[i].style);
      g_assert_cmpstr (block->text, ==, given[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/fill", test_fill);
  g_test_add_func ("/template/list", test_list);
  g_test_add_func ("/template/optional", test_optional);
  g_test_add_func ("/template/refusals", test_refusals);
  g_test_add_func ("/template/plain", test_plain);
  g_test_add_func ("/template/body-source", test_body_source);

  return g_test_run ();
}
