/* test-lint-highlighter.c — personal data underlined while it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtksourceview/gtksource.h>

#include "civic-lint-highlighter.h"

#include "civic-ui-test.h"

/* A valid resident ID (GB 11643-1999's own example), and two mobiles */
#define RESIDENT_ID "11010519491231002X"
#define MOBILE_1    "13800138000"
#define MOBILE_2    "13912345678"

static void
wait_until_scanned (CivicLintHighlighter *highlighter)
{
  gint64 end = g_get_monotonic_time () + CIVIC_UI_TEST_HANG_USEC;

  while (civic_lint_highlighter_is_busy (highlighter))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static gboolean
has_tag_at (GtkTextBuffer *buffer,
            const char    *tag_name,
            int            offset)
{
  GtkTextIter iter;
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* The characters @tag_name covers, as [start, end) pairs */
static GArray *
tagged_spans (GtkTextBuffer *buffer,
              const char    *tag_name)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (int));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (gtk_text_iter_has_tag (&iter, tag))
    {
      int zero = 0;

      g_array_append_val (spans, zero);
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      int offset = gtk_text_iter_get_offset (&iter);

      g_array_append_val (spans, offset);
    }
  return spans;
}

static void
type_at (GtkTextBuffer *buffer,
         int            offset,
         const char    *text)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static guint
n_findings (CivicLintHighlighter *highlighter)
{
  return g_list_model_get_n_items (civic_lint_highlighter_get_findings (highlighter));
}

static CivicLintFinding *
finding_at (CivicLintHighlighter *highlighter,
            guint                 position)
{
  g_autoptr(CivicLintFinding) finding =
    g_list_model_get_item (civic_lint_highlighter_get_findings (highlighter), position);

  g_assert_nonnull (finding);
  /* The model keeps it */
  return finding;
}

static int
finding_start (CivicLintFinding *finding)
{
  GtkTextIter start, end;

  g_assert_true (civic_lint_finding_get_bounds (finding, &start, &end));
  return gtk_text_iter_get_offset (&start);
}

/* The last character of an ID typed: underlined in the same frame */
static void
test_lint_highlighter_typing (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(CivicLintHighlighter) highlighter = NULL;
  GListModel *findings;
  g_autofree char *redacted = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GArray) spans = NULL;
  CivicLintFinding *finding;

  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  highlighter = civic_lint_highlighter_new (buffer);
  findings = civic_lint_highlighter_get_findings (highlighter);

  type_at (buffer, 0, "身份证号11010519491231002");
  wait_until_scanned (highlighter);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, 0);

  /* The 18th character: one turn of the main loop, before GDK draws */
  type_at (buffer, 21, "X");
  g_main_context_iteration (NULL, FALSE);
  g_assert_false (civic_lint_highlighter_is_busy (highlighter));
  g_assert_false (has_tag_at (buffer, "lint-block", 3));
  g_assert_true (has_tag_at (buffer, "lint-block", 4));
  g_assert_true (has_tag_at (buffer, "lint-block", 4 + 17));
  g_assert_false (has_tag_at (buffer, "lint-block", 4 + 18));
  spans = tagged_spans (buffer, "lint-block");
  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpint (g_array_index (spans, int, 0), ==, 4);
  g_assert_cmpint (g_array_index (spans, int, 1), ==, 22);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, 1);
  finding = finding_at (highlighter, 0);
  g_assert_cmpint (civic_lint_finding_get_kind (finding), ==, CIVIC_PRIVACY_KIND_RESIDENT_ID);
  g_assert_cmpint (civic_lint_finding_get_severity (finding), ==, CIVIC_PRIVACY_SEVERITY_BLOCK);
  g_assert_cmpstr (civic_lint_finding_get_text (finding), ==, RESIDENT_ID);
  g_assert_nonnull (strstr (civic_lint_finding_get_message (finding), "PIPL Art. 25"));
  g_assert_null (civic_lint_finding_get_key (finding));

  /* Redacted: the mask in its place, nothing left to underline */
  g_assert_true (civic_lint_highlighter_redact (highlighter, finding));
  redacted = buffer_text (buffer);
  g_assert_cmpstr (redacted, ==, "身份证号******************");
  wait_until_scanned (highlighter);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, 0);
  g_assert_false (has_tag_at (buffer, "lint-block", 4));

  /* One undo takes the whole redaction back, and the underline with it */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  restored = buffer_text (buffer);
  g_assert_cmpstr (restored, ==, "身份证号" RESIDENT_ID);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (has_tag_at (buffer, "lint-block", 4));
  g_assert_true (has_tag_at (buffer, "lint-block", 21));
  g_assert_false (has_tag_at (buffer, "lint-block", 3));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, 1);

  /* A character typed inside the number breaks it */
  type_at (buffer, 10, "0");
  g_main_context_iteration (NULL, FALSE);
  g_assert_false (has_tag_at (buffer, "lint-block", 4));
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, 0);

  g_clear_object (&buffer);
  g_assert_finalize_object (g_steal_pointer (&highlighter));
}

static void
record_scan (CivicLintHighlighter *highlighter,
             guint                 start,
             guint                 end,
             GArray               *scans)
{
  g_array_append_val (scans, start);
  g_array_append_val (scans, end);
}

static GString *
filler (guint n_chars)
{
  static const char clause[] = "本机关依据《政府信息公开条例》第二十条主动公开本信息。";
  GString *text = g_string_new (NULL);
  glong clause_chars = g_utf8_strlen (clause, -1);

  for (guint i = 0; i + clause_chars <= n_chars; i += clause_chars)
    g_string_append (text, clause);
  return text;
}

/* Typing at one end of a document does not rescan the other */
static void
test_lint_highlighter_paragraphs (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(CivicLintHighlighter) highlighter = NULL;
  g_autoptr(GArray) scans = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = g_string_new ("联系电话" MOBILE_1 "。\n\n");
  g_autoptr(GString) middle = filler (300);
  guint first_end = g_utf8_strlen (text->str, -1);
  guint last_start, end;

  for (int i = 0; i < 20; i++)
    g_string_append_printf (text, "%s\n\n", middle->str);
  last_start = g_utf8_strlen (text->str, -1);
  g_string_append (text, "最后一段。");

  gtk_text_buffer_set_text (buffer, text->str, -1);
  highlighter = civic_lint_highlighter_new (buffer);
  wait_until_scanned (highlighter);
  g_assert_cmpuint (n_findings (highlighter), ==, 1);

  g_signal_connect (highlighter, "scanned", G_CALLBACK (record_scan), scans);
  end = gtk_text_buffer_get_char_count (buffer);
  type_at (buffer, end, "电话" MOBILE_2);
  g_main_context_iteration (NULL, FALSE);

  /* One scan, of the last paragraph only */
  g_assert_cmpuint (scans->len, ==, 2);
  g_assert_cmpuint (g_array_index (scans, guint, 0), ==, last_start);
  g_assert_cmpuint (g_array_index (scans, guint, 1), ==, gtk_text_buffer_get_char_count (buffer));
  g_assert_cmpuint (g_array_index (scans, guint, 0), >, first_end);
  /* The first paragraph's finding is the same object, still underlined */
  g_assert_cmpuint (n_findings (highlighter), ==, 2);
  g_assert_cmpint (finding_start (finding_at (highlighter, 0)), ==, 4);
  g_assert_true (has_tag_at (buffer, "lint-block", 4));
  g_assert_cmpint (finding_start (finding_at (highlighter, 1)), ==, end + 2);
  g_assert_true (has_tag_at (buffer, "lint-block", end + 2));

  /* A blank line typed between two paragraphs: both halves are read */
  g_array_set_size (scans, 0);
  type_at (buffer, 2, "\n\n");
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (scans->len, ==, 2);
  g_assert_cmpuint (g_array_index (scans, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (scans, guint, 1), ==,
                    g_utf8_strlen ("联系\n\n电话" MOBILE_1 "。", -1));
  g_assert_cmpint (finding_start (finding_at (highlighter, 0)), ==, 6);

  g_clear_object (&buffer);
  g_assert_finalize_object (g_steal_pointer (&highlighter));
}

/* A paragraph of 30 000 characters is rescanned near the edit, from and
 * to the end of a clause */
static void
test_lint_highlighter_long_paragraph (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(CivicLintHighlighter) highlighter = NULL;
  g_autoptr(GArray) scans = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = filler (30000);
  g_autofree char *scanned = NULL;
  GtkTextIter start, end;
  guint middle = 15000 - 15000 % 27;   /* the filler's clauses are 27 characters */
  guint from, to;

  gtk_text_buffer_set_text (buffer, text->str, -1);
  highlighter = civic_lint_highlighter_new (buffer);
  wait_until_scanned (highlighter);
  g_signal_connect (highlighter, "scanned", G_CALLBACK (record_scan), scans);

  type_at (buffer, middle, "手机" MOBILE_1 "。");
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (scans->len, ==, 2);
  from = g_array_index (scans, guint, 0);
  to = g_array_index (scans, guint, 1);
  g_assert_cmpuint (from, >=, middle - CIVIC_LINT_HIGHLIGHTER_WINDOW);
  g_assert_cmpuint (to, <=, middle + 14 + CIVIC_LINT_HIGHLIGHTER_WINDOW);
  g_assert_cmpuint (to - from, >, CIVIC_LINT_HIGHLIGHTER_WINDOW);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
  scanned = gtk_text_iter_get_slice (&start, &end);
  g_assert_true (g_str_has_prefix (scanned, "本机关"));
  g_assert_true (g_str_has_suffix (scanned, "。"));
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, 1);
  g_assert_true (has_tag_at (buffer, "lint-block", middle + 2));

  g_clear_object (&buffer);
  g_assert_finalize_object (g_steal_pointer (&highlighter));
}

/* A document opened whole is scanned on a worker thread, and a scan of a
 * text that changed meanwhile is not applied to it */
static void
test_lint_highlighter_whole_text (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(CivicLintHighlighter) highlighter = civic_lint_highlighter_new (buffer);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) planted = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GString) paragraph = filler (2520);
  GListModel *findings = civic_lint_highlighter_get_findings (highlighter);
  guint n;

  for (int i = 0; i < 30; i++)
    {
      int at = (int) g_utf8_strlen (text->str, -1) + 4;

      g_array_append_val (planted, at);
      g_string_append_printf (text, "联系电话%s。%s\n\n", i % 2 ? MOBILE_1 : MOBILE_2, paragraph->str);
    }
  g_assert_cmpint (g_utf8_strlen (text->str, -1), >=, 75000);

  gtk_text_buffer_set_text (buffer, text->str, -1);
  g_assert_true (civic_lint_highlighter_is_busy (highlighter));
  wait_until_scanned (highlighter);
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, ==, planted->len);
  for (guint i = 0; i < n; i++)
    {
      CivicLintFinding *finding = finding_at (highlighter, i);

      g_assert_cmpint (finding_start (finding), ==, g_array_index (planted, int, i));
      g_assert_cmpint (civic_lint_finding_get_kind (finding), ==, CIVIC_PRIVACY_KIND_MOBILE);
      g_assert_true (has_tag_at (buffer, "lint-block",
                                 g_array_index (planted, int, i)));
    }
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, planted->len);

  /* Replaced, then typed into before the worker is done: the findings
   * are of the text as it is */
  gtk_text_buffer_set_text (buffer, text->str, -1);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (civic_lint_highlighter_is_busy (highlighter));
  type_at (buffer, 0, "甲");
  wait_until_scanned (highlighter);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, planted->len);
  g_assert_cmpint (finding_start (finding_at (highlighter, 0)), ==, 5);
  g_assert_true (has_tag_at (buffer, "lint-block", 5));
  g_assert_false (has_tag_at (buffer, "lint-block", 4));

  g_clear_object (&buffer);
  g_assert_finalize_object (g_steal_pointer (&highlighter));
}

/* F8 goes to the next finding, Shift+F8 to the previous, round the end */
static void
test_lint_highlighter_next (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(CivicLintHighlighter) highlighter = NULL;
  /* at 4, 22 and 45 */
  const char *text = "联系电话" MOBILE_1 "。\n\n身份证号" RESIDENT_ID "。\n\n电话" MOBILE_2 "。";
  const int forward[] = { 4, 22, 45, 4 };
  const int backward[] = { 45, 22, 4, 45 };
  GtkTextIter iter;

  gtk_text_buffer_set_text (buffer, text, -1);
  highlighter = civic_lint_highlighter_new (buffer);
  wait_until_scanned (highlighter);
  g_assert_cmpuint (n_findings (highlighter), ==, 3);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  for (guint i = 0; i < G_N_ELEMENTS (forward); i++)
    {
      CivicLintFinding *finding = civic_lint_highlighter_next_finding (highlighter, &iter, FALSE);

      g_assert_nonnull (finding);
      g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, forward[i]);
      g_assert_cmpint (finding_start (finding), ==, forward[i]);
    }
  gtk_text_buffer_get_start_iter (buffer, &iter);
  for (guint i = 0; i < G_N_ELEMENTS (backward); i++)
    {
      g_assert_nonnull (civic_lint_highlighter_next_finding (highlighter, &iter, TRUE));
      g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, backward[i]);
    }
  /* From inside a finding, Shift+F8 goes to its start */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 30);
  civic_lint_highlighter_next_finding (highlighter, &iter, TRUE);
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 22);

  g_clear_object (&buffer);
  g_assert_finalize_object (g_steal_pointer (&highlighter));
}

/* Redact All of This Kind: every mobile, and one undo for all */
static void
test_lint_highlighter_redact_all (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(CivicLintHighlighter) highlighter = NULL;
  const char *text = "电话" MOBILE_1 "，身份证号" RESIDENT_ID "，电话" MOBILE_2 "。";
  g_autofree char *redacted = NULL;
  g_autofree char *restored = NULL;

  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  gtk_text_buffer_set_text (buffer, text, -1);
  highlighter = civic_lint_highlighter_new (buffer);
  civic_lint_highlighter_set_redaction (highlighter, CIVIC_PRIVACY_REDACTION_PARTIAL);
  civic_lint_highlighter_set_disclosure_id (highlighter, "disclosure-1");
  wait_until_scanned (highlighter);
  g_assert_cmpuint (n_findings (highlighter), ==, 3);
  /* A key for the reviewer's acknowledgement, telling nothing of the number */
  g_assert_cmpuint (strlen (civic_lint_finding_get_key (finding_at (highlighter, 0))), ==, 64);
  g_assert_cmpstr (civic_lint_finding_get_redaction (finding_at (highlighter, 0)), ==,
                   "138****8000");

  g_assert_cmpuint (civic_lint_highlighter_redact_all_of_kind (highlighter,
                                                               CIVIC_PRIVACY_KIND_MOBILE), ==, 2);
  redacted = buffer_text (buffer);
  g_assert_cmpstr (redacted, ==, "电话138****8000，身份证号" RESIDENT_ID "，电话139****5678。");
  wait_until_scanned (highlighter);
  g_assert_cmpuint (n_findings (highlighter), ==, 1);

  gtk_text_buffer_undo (buffer);
  restored = buffer_text (buffer);
  g_assert_cmpstr (restored, ==, text);
  wait_until_scanned (highlighter);
  g_assert_cmpuint (n_findings (highlighter), ==, 3);

  g_clear_object (&buffer);
  g_assert_finalize_object (g_steal_pointer (&highlighter));
}

/* The disclosure's lint: its people's names are findings, the organ's
 * published numbers are not */
static void
test_lint_highlighter_configure (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(CivicLintHighlighter) highlighter = NULL;
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  const char * const names[] = { "张三", NULL };
  const char * const office[] = { "0731-88888888", NULL };

  gtk_text_buffer_set_text (buffer, "申请人张三，电话" MOBILE_1 "；本机关电话0731-88888888。", -1);
  highlighter = civic_lint_highlighter_new (buffer);
  wait_until_scanned (highlighter);
  g_assert_cmpuint (n_findings (highlighter), ==, 2);

  civic_privacy_lint_set_names (lint, names);
  civic_privacy_lint_set_allowed_numbers (lint, office);
  civic_privacy_lint_set_redaction (lint, CIVIC_PRIVACY_REDACTION_PARTIAL);
  civic_lint_highlighter_configure (highlighter, lint);
  g_assert_cmpint (civic_lint_highlighter_get_redaction (highlighter), ==,
                   CIVIC_PRIVACY_REDACTION_PARTIAL);
  wait_until_scanned (highlighter);
  g_assert_cmpuint (n_findings (highlighter), ==, 2);
  g_assert_cmpint (civic_lint_finding_get_kind (finding_at (highlighter, 0)), ==,
                   CIVIC_PRIVACY_KIND_PERSON_NAME);
  g_assert_cmpstr (civic_lint_finding_get_redaction (finding_at (highlighter, 0)), ==, "张**");
  g_assert_cmpint (civic_lint_finding_get_kind (finding_at (highlighter, 1)), ==,
                   CIVIC_PRIVACY_KIND_MOBILE);

  /* Typed later, a name is found as it is typed */
  type_at (buffer, gtk_text_buffer_get_char_count (buffer), "张三");
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_findings (highlighter), ==, 3);

  g_clear_object (&buffer);
  g_assert_finalize_object (g_steal_pointer (&highlighter));
}

/* In the editor's GtkSourceBuffer the underline is drawn over the
 * Markdown highlighting, whose tags come later */
static void
test_lint_highlighter_source_buffer (void)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *markdown = gtk_source_language_manager_get_language (languages, "markdown");
  g_autoptr(GtkSourceBuffer) buffer = gtk_source_buffer_new_with_language (markdown);
  g_autoptr(CivicLintHighlighter) highlighter =
    civic_lint_highlighter_new (GTK_TEXT_BUFFER (buffer));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer));
  GtkTextIter start, end;
  int size;

  g_assert_nonnull (markdown);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), "# 公告\n\n**电话** `" MOBILE_1 "`\n", -1);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  gtk_source_buffer_ensure_highlight (buffer, &start, &end);
  wait_until_scanned (highlighter);

  size = gtk_text_tag_table_get_size (table);
  g_assert_cmpint (size, >, 3);
  g_assert_cmpint (gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "lint-block")), ==,
                   size - 1);
  g_assert_cmpint (gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "lint-warn")), ==,
                   size - 2);
  g_assert_cmpint (gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "lint-info")), ==,
                   size - 3);
  g_assert_true (has_tag_at (GTK_TEXT_BUFFER (buffer), "lint-block", 14));

  /* Freed, it leaves no underline behind */
  g_assert_finalize_object (g_steal_pointer (&highlighter));
  g_assert_null (gtk_text_tag_table_lookup (table, "lint-block"));
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  gtk_source_init ();

  g_test_add_func ("/ui/lint-highlighter/typing", test_lint_highlighter_typing);
  g_test_add_func ("/ui/lint-highlighter/paragraphs", test_lint_highlighter_paragraphs);
  g_test_add_func ("/ui/lint-highlighter/long-paragraph", test_lint_highlighter_long_paragraph);
  g_test_add_func ("/ui/lint-highlighter/whole-text", test_lint_highlighter_whole_text);
  g_test_add_func ("/ui/lint-highlighter/next", test_lint_highlighter_next);
  g_test_add_func ("/ui/lint-highlighter/redact-all", test_lint_highlighter_redact_all);
  g_test_add_func ("/ui/lint-highlighter/configure", test_lint_highlighter_configure);
  g_test_add_func ("/ui/lint-highlighter/source-buffer", test_lint_highlighter_source_buffer);

  return civic_ui_test_run ();
}
