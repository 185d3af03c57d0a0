/* test-reply-lint.c — what a reply to a citizen must say before it goes out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A "no" without its reason, a "no" to a complaint without the way to a
 * review, a template's blank left in, a note's sentence carried over, an
 * empty reply; and the replies that say all they must, which pass.
 */

#include "config.h"

#include <string.h>

#include "civic-core-test.h"

/* The kinds found, as nicks joined by spaces; "" for none */
static char *
kinds_of (const char         *text,
          CivicMessageKind    kind,
          const char * const *notes)
{
  g_autoptr(GPtrArray) findings = civic_reply_lint_check (text, kind, notes);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      CivicReplyFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpuint (finding->start, <=, finding->end);
      g_assert_cmpuint (finding->end, <=, strlen (text));
      {
        g_autofree char *said = civic_reply_finding_describe (finding, text);

        g_assert_true (*said != '\0');
        /* A blank left is named as written */
        if (finding->kind == CIVIC_REPLY_FINDING_BLANK_LEFT)
          {
            g_autofree char *blank = g_strndup (text + finding->start,
                                                finding->end - finding->start);

            g_assert_nonnull (strstr (said, blank));
          }
      }
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, civic_enum_to_nick (CIVIC_TYPE_REPLY_FINDING_KIND, finding->kind));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_kinds (const char       *text,
              CivicMessageKind  kind,
              const char       *expected)
{
  g_autofree char *found = kinds_of (text, kind, NULL);

  if (g_strcmp0 (found, expected) != 0)
    g_error ("“%s”: found “%s”, not “%s”", text, found, expected);
}

static void
test_refusals (void)
{
  /* a bare "no" */
  assert_kinds ("您反映的事项不属于本机关职责范围。", CIVIC_MESSAGE_KIND_CONSULTATION, "no-reason");
  assert_kinds ("We cannot accept this request.", CIVIC_MESSAGE_KIND_HELP, "no-reason");
  /* with its reason */
  assert_kinds ("根据《湖南省城市市容和环境卫生管理条例》第十二条，该事项由区城管局负责，"
                "不属于本机关职责范围，请向岳麓区城市管理和综合执法局反映。",
                CIVIC_MESSAGE_KIND_CONSULTATION, "");
  assert_kinds ("经查，该店铺已于2026年3月取得食品经营许可证，您反映的无证经营问题不属实，"
                "对您的诉求不予支持。",
                CIVIC_MESSAGE_KIND_SUGGESTION, "");
  /* a complaint refused needs the way to a review too */
  assert_kinds ("经查，该店铺已于2026年3月取得食品经营许可证，对您的投诉不予支持。",
                CIVIC_MESSAGE_KIND_COMPLAINT, "no-remedy");
  assert_kinds ("经查，该店铺已于2026年3月取得食品经营许可证，对您的投诉不予支持。"
                "如对本答复不服，可自收到之日起30日内向湖南省市场监督管理局申请复查。",
                CIVIC_MESSAGE_KIND_COMPLAINT, "");
  assert_kinds ("对您的举报不予受理。", CIVIC_MESSAGE_KIND_REPORT, "no-reason no-remedy");
  /* a "yes" needs neither */
  assert_kinds ("您反映的问题已转岳麓区市场监管局处理，已责令商户整改，感谢您的监督。",
                CIVIC_MESSAGE_KIND_COMPLAINT, "");
}

/* The refusal's sentence is where the finding points */
static void
test_span (void)
{
  const char *text = "感谢您的来信。您反映的事项不属于本机关职责范围。祝您生活愉快。";
  g_autoptr(GPtrArray) findings = civic_reply_lint_check (text, CIVIC_MESSAGE_KIND_SUGGESTION,
                                                          NULL);
  CivicReplyFinding *finding;
  g_autofree char *span = NULL;

  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_true (finding->blocking);
  span = g_strndup (text + finding->start, finding->end - finding->start);
  g_assert_cmpstr (span, ==, "您反映的事项不属于本机关职责范围。");
  g_assert_true (civic_reply_lint_has_blocking (findings));
}

static void
test_blanks (void)
{
  const char *text = "{{citizen_name}}您好：您于××××年××月反映的问题已办结。【请填写办理结果】";
  g_autoptr(GPtrArray) findings = civic_reply_lint_check (text, CIVIC_MESSAGE_KIND_HELP, NULL);
  const char *expected[] = { "{{citizen_name}}", "××××", "××", "【请填写办理结果】" };
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < findings->len; i++)
    {
      CivicReplyFinding *finding = g_ptr_array_index (findings, i);

      g_autofree char *said = civic_reply_finding_describe (finding, text);

      g_assert_cmpint (finding->kind, ==, CIVIC_REPLY_FINDING_BLANK_LEFT);
      g_assert_true (finding->blocking);
      g_ptr_array_add (spans, g_strndup (text + finding->start, finding->end - finding->start));
      /* Each says which blank it is */
      g_assert_nonnull (strstr (said, g_ptr_array_index (spans, spans->len - 1)));
    }
  g_assert_cmpuint (spans->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (spans, expected[i], g_str_equal, NULL));
  assert_kinds ("您好：您反映的问题已办结。", CIVIC_MESSAGE_KIND_HELP, "");
}

/* A note's sentence in a reply is shown, and does not block */
static void
test_from_note (void)
{
  const char *notes[] = {
    "商户老板系区人大代表亲属，处理时注意方式方法。已电话联系执法队。",
    "短句不算。",
    NULL,
  };
  const char *text = "您反映的问题已办结。商户老板系区人大代表亲属，处理时注意方式方法。";
  g_autoptr(GPtrArray) findings = civic_reply_lint_check (text, CIVIC_MESSAGE_KIND_COMPLAINT,
                                                          notes);
  CivicReplyFinding *finding;
  g_autofree char *span = NULL;

  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpint (finding->kind, ==, CIVIC_REPLY_FINDING_FROM_NOTE);
  g_assert_false (finding->blocking);
  g_assert_false (civic_reply_lint_has_blocking (findings));
  span = g_strndup (text + finding->start, finding->end - finding->start);
  g_assert_cmpstr (span, ==, "商户老板系区人大代表亲属，处理时注意方式方法");

  /* the short one is too common to say anything */
  {
    g_autofree char *found = kinds_of ("短句不算。其余已办结。", CIVIC_MESSAGE_KIND_HELP, notes);

    g_assert_cmpstr (found, ==, "");
  }
}

static void
test_empty (void)
{
  assert_kinds ("", CIVIC_MESSAGE_KIND_CONSULTATION, "empty");
  assert_kinds (" \n\t ", CIVIC_MESSAGE_KIND_CONSULTATION, "empty");
  {
    g_autoptr(GPtrArray) findings = civic_reply_lint_check (NULL, CIVIC_MESSAGE_KIND_IDEA, NULL);

    g_assert_cmpuint (findings->len, ==, 1);
    g_assert_true (civic_reply_lint_has_blocking (findings));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reply-lint/refusals", test_refusals);
  g_test_add_func ("/reply-lint/span", test_span);
  g_test_add_func ("/reply-lint/blanks", test_blanks);
  g_test_add_func ("/reply-lint/from-note", test_from_note);
  g_test_add_func ("/reply-lint/empty", test_empty);
  return g_test_run ();
}
