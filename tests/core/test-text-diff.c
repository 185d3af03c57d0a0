/* test-text-diff.c — two versions of a disclosure, line by line and character by character
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-core.h"

/* Helpers ----------------------------------------------------------------- */

/* The lines of a text as the history view promises them, written here
 * independently of the diff: split on "\n", a "\r" before it dropped, no
 * line after a final newline. */
static GStrv
split_lines (const char *text)
{
  g_auto(GStrv) pieces = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_strv_length (pieces);

  if (n > 0 && pieces[n - 1][0] == '\0')
    n--;
  for (guint i = 0; i < n; i++)
    {
      gsize length = strlen (pieces[i]);

      if (length > 0 && pieces[i][length - 1] == '\r')
        pieces[i][length - 1] = '\0';
      g_strv_builder_add (builder, pieces[i]);
    }
  return g_strv_builder_end (builder);
}

static gsize
lcs_length_lines (const char * const *a,
                  const char * const *b)
{
  guint n = g_strv_length ((GStrv) a);
  guint m = g_strv_length ((GStrv) b);
  g_autofree gsize *table = g_new0 (gsize, (n + 1) * (m + 1));

  for (guint i = 1; i <= n; i++)
    for (guint j = 1; j <= m; j++)
      table[i * (m + 1) + j] = g_str_equal (a[i - 1], b[j - 1])
                                 ? table[(i - 1) * (m + 1) + j - 1] + 1
                                 : MAX (table[(i - 1) * (m + 1) + j], table[i * (m + 1) + j - 1]);
  return table[n * (m + 1) + m];
}

static gsize
lcs_length_chars (const char *a,
                  const char *b)
{
  glong n;
  glong m;
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, &n);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, &m);
  g_autofree gsize *table = g_new0 (gsize, (n + 1) * (m + 1));

  for (glong i = 1; i <= n; i++)
    for (glong j = 1; j <= m; j++)
      table[i * (m + 1) + j] = x[i - 1] == y[j - 1]
                                 ? table[(i - 1) * (m + 1) + j - 1] + 1
                                 : MAX (table[(i - 1) * (m + 1) + j], table[i * (m + 1) + j - 1]);
  return table[n * (m + 1) + m];
}

/* The spans of a changed text lie on character boundaries, in order, apart
 * and never empty; returns the characters outside them. */
static char *
check_spans (const char *text,
             GArray     *spans)
{
  GString *kept = g_string_new (NULL);
  gsize length = strlen (text);
  gsize at = 0;

  g_assert_nonnull (spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const CivicTextDiffSpan *span = &g_array_index (spans, CivicTextDiffSpan, i);

      g_assert_cmpuint (span->length, >, 0);
      g_assert_cmpuint (span->start + span->length, <=, length);
      if (i > 0)
        g_assert_cmpuint (span->start, >, at);
      else
        g_assert_cmpuint (span->start, >=, at);
      /* a span that cut a character would not be valid UTF-8 by itself */
      g_assert_true (g_utf8_validate_len (text + span->start, span->length, NULL));
      g_string_append_len (kept, text + at, span->start - at);
      at = span->start + span->length;
    }
  g_string_append (kept, text + at);
  return g_string_free (kept, FALSE);
}

/* What every diff keeps: each side of the rows lists the lines of its
 * version once, in order; EQUAL rows are equal; a hunk begins with its
 * changes; the characters outside the changed spans of a pair are the
 * same on both sides; the counts count the rows. */
static void
check_diff (const CivicTextDiff *diff,
            const char          *old_text,
            const char          *new_text)
{
  g_auto(GStrv) old_lines = split_lines (old_text);
  g_auto(GStrv) new_lines = split_lines (new_text);
  CivicTextDiffOp previous = CIVIC_TEXT_DIFF_OP_EQUAL;
  guint next_old = 1;
  guint next_new = 1;
  guint counts[4] = { 0, };

  for (guint i = 0; i < diff->rows->len; i++)
    {
      const CivicTextDiffRow *row = g_ptr_array_index (diff->rows, i);

      if (row->op != CIVIC_TEXT_DIFF_OP_INSERT)
        {
          g_assert_cmpuint (row->old_line, ==, next_old);
          g_assert_cmpstr (row->old_text, ==, old_lines[next_old - 1]);
          next_old++;
        }
      else
        {
          g_assert_cmpuint (row->old_line, ==, 0);
          g_assert_null (row->old_text);
        }

      if (row->op != CIVIC_TEXT_DIFF_OP_DELETE)
        {
          g_assert_cmpuint (row->new_line, ==, next_new);
          g_assert_cmpstr (row->new_text, ==, new_lines[next_new - 1]);
          next_new++;
        }
      else
        {
          g_assert_cmpuint (row->new_line, ==, 0);
          g_assert_null (row->new_text);
        }

      switch (row->op)
        {
        case CIVIC_TEXT_DIFF_OP_EQUAL:
          g_assert_cmpstr (row->old_text, ==, row->new_text);
          break;
        case CIVIC_TEXT_DIFF_OP_DELETE:
          g_assert_cmpint (previous, !=, CIVIC_TEXT_DIFF_OP_INSERT);
          break;
        case CIVIC_TEXT_DIFF_OP_INSERT:
          g_assert_cmpint (previous, !=, CIVIC_TEXT_DIFF_OP_DELETE);
          break;
        case CIVIC_TEXT_DIFF_OP_CHANGE:
          {
            g_autofree char *old_kept = NULL;
            g_autofree char *new_kept = NULL;

            g_assert_true (previous == CIVIC_TEXT_DIFF_OP_EQUAL ||
                           previous == CIVIC_TEXT_DIFF_OP_CHANGE);
            old_kept = check_spans (row->old_text, row->old_spans);
            new_kept = check_spans (row->new_text, row->new_spans);
            g_assert_cmpstr (old_kept, ==, new_kept);
          }
          break;
        default:
          g_assert_not_reached ();
        }

      if (row->op != CIVIC_TEXT_DIFF_OP_CHANGE)
        {
          g_assert_null (row->old_spans);
          g_assert_null (row->new_spans);
        }
      counts[row->op]++;
      previous = row->op;
    }

  g_assert_cmpuint (next_old - 1, ==, g_strv_length (old_lines));
  g_assert_cmpuint (next_new - 1, ==, g_strv_length (new_lines));
  g_assert_cmpuint (diff->n_removed, ==, counts[CIVIC_TEXT_DIFF_OP_DELETE]);
  g_assert_cmpuint (diff->n_added, ==, counts[CIVIC_TEXT_DIFF_OP_INSERT]);
  g_assert_cmpuint (diff->n_changed, ==, counts[CIVIC_TEXT_DIFF_OP_CHANGE]);
}

static CivicTextDiff *
diff_of (const char *old_text,
         const char *new_text)
{
  g_autoptr(GError) error = NULL;
  CivicTextDiff *diff = civic_text_diff_new (old_text, -1, new_text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (diff);
  check_diff (diff, old_text, new_text);
  return diff;
}

static void
append_marked (GString    *out,
               const char *text,
               GArray     *spans)
{
  gsize at = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const CivicTextDiffSpan *span = &g_array_index (spans, CivicTextDiffSpan, i);

      g_string_append_len (out, text + at, span->start - at);
      g_string_append_c (out, '[');
      g_string_append_len (out, text + span->start, span->length);
      g_string_append_c (out, ']');
      at = span->start + span->length;
    }
  g_string_append (out, text + at);
}

/* A row a line: op, old and new line numbers ("." for none), the text;
 * a change shows both texts with its changed characters in brackets. */
static char *
render (const CivicTextDiff *diff)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < diff->rows->len; i++)
    {
      const CivicTextDiffRow *row = g_ptr_array_index (diff->rows, i);

      switch (row->op)
        {
        case CIVIC_TEXT_DIFF_OP_EQUAL:
          g_string_append_printf (out, "= %u %u %s\n", row->old_line, row->new_line, row->old_text);
          break;
        case CIVIC_TEXT_DIFF_OP_DELETE:
          g_string_append_printf (out, "- %u . %s\n", row->old_line, row->old_text);
          break;
        case CIVIC_TEXT_DIFF_OP_INSERT:
          g_string_append_printf (out, "+ . %u %s\n", row->new_line, row->new_text);
          break;
        case CIVIC_TEXT_DIFF_OP_CHANGE:
          g_string_append_printf (out, "~ %u %u ", row->old_line, row->new_line);
          append_marked (out, row->old_text, row->old_spans);
          g_string_append (out, " | ");
          append_marked (out, row->new_text, row->new_spans);
          g_string_append_c (out, '\n');
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_diff (const char *old_text,
             const char *new_text,
             const char *expected)
{
  g_autoptr(CivicTextDiff) diff = diff_of (old_text, new_text);
  g_autofree char *rows = render (diff);

  g_assert_cmpstr (rows, ==, expected);
  g_assert_false (diff->coarse);
}

static const CivicTextDiffRow *
row_at (const CivicTextDiff *diff,
        guint                index)
{
  g_assert_cmpuint (index, <, diff->rows->len);
  return g_ptr_array_index (diff->rows, index);
}

static void
assert_spans (GArray *spans,
              guint   n_spans,
              ...)
{
  va_list args;

  g_assert_nonnull (spans);
  g_assert_cmpuint (spans->len, ==, n_spans);
  va_start (args, n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      const CivicTextDiffSpan *span = &g_array_index (spans, CivicTextDiffSpan, i);
      gsize start = va_arg (args, gsize);
      gsize length = va_arg (args, gsize);

      g_assert_cmpuint (span->start, ==, start);
      g_assert_cmpuint (span->length, ==, length);
    }
  va_end (args);
}

static char *
repeat (const char *piece,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, piece);
  return g_string_free (out, FALSE);
}

/* Lines ------------------------------------------------------------------- */

static void
test_identical (void)
{
  g_autoptr(CivicTextDiff) diff = diff_of ("# 政府信息公开\n第一条\n第二条\n",
                                          "# 政府信息公开\n第一条\n第二条\n");
  g_autofree char *rows = render (diff);

  g_assert_cmpstr (rows, ==,
                   "= 1 1 # 政府信息公开\n"
                   "= 2 2 第一条\n"
                   "= 3 3 第二条\n");
  g_assert_cmpuint (diff->n_added, ==, 0);
  g_assert_cmpuint (diff->n_removed, ==, 0);
  g_assert_cmpuint (diff->n_changed, ==, 0);
  g_assert_false (diff->coarse);
}

static void
test_insert (void)
{
  g_autoptr(CivicTextDiff) diff = NULL;

  assert_diff ("b\nc\n", "a\nb\nc\n",
               "+ . 1 a\n"
               "= 1 2 b\n"
               "= 2 3 c\n");
  assert_diff ("a\nc\n", "a\nb\nc\n",
               "= 1 1 a\n"
               "+ . 2 b\n"
               "= 2 3 c\n");
  assert_diff ("a\nb\n", "a\nb\nc\n",
               "= 1 1 a\n"
               "= 2 2 b\n"
               "+ . 3 c\n");

  diff = diff_of ("a\nd\n", "a\nb\nc\nd\n");
  g_assert_cmpuint (diff->n_added, ==, 2);
  g_assert_cmpuint (diff->n_removed, ==, 0);
  g_assert_cmpuint (diff->n_changed, ==, 0);
}

static void
test_delete (void)
{
  assert_diff ("a\nb\nc\n", "b\nc\n",
               "- 1 . a\n"
               "= 2 1 b\n"
               "= 3 2 c\n");
  assert_diff ("a\nb\nc\n", "a\nc\n",
               "= 1 1 a\n"
               "- 2 . b\n"
               "= 3 2 c\n");
  assert_diff ("a\nb\nc\n", "a\nb\n",
               "= 1 1 a\n"
               "= 2 2 b\n"
               "- 3 . c\n");
}

/* The old lines that go and the new ones that come are paired in order;
 * the rest stay deletions or insertions. */
static void
test_change_pairs (void)
{
  g_autoptr(CivicTextDiff) diff = NULL;

  assert_diff ("标题\none\ntwo\n结尾\n", "标题\nONE\nTWO\nTHREE\n结尾\n",
               "= 1 1 标题\n"
               "~ 2 2 [one] | [ONE]\n"
               "~ 3 3 [two] | [TWO]\n"
               "+ . 4 THREE\n"
               "= 4 5 结尾\n");
  assert_diff ("a\nx1\nx2\nx3\nb\n", "a\ny1\nb\n",
               "= 1 1 a\n"
               "~ 2 2 [x]1 | [y]1\n"
               "- 3 . x2\n"
               "- 4 . x3\n"
               "= 5 3 b\n");

  /* two hunks: "3 lines changed, 1 added" */
  diff = diff_of ("a\nb\nc\nd\ne\nf\n", "a\nB\nc\nd\nE\nF\nG\n");
  g_assert_cmpuint (diff->n_changed, ==, 3);
  g_assert_cmpuint (diff->n_added, ==, 1);
  g_assert_cmpuint (diff->n_removed, ==, 0);
  g_clear_pointer (&diff, civic_text_diff_free);

  diff = diff_of ("a\nb\nc\n", "x\nb\n");
  g_assert_cmpuint (diff->n_changed, ==, 1);
  g_assert_cmpuint (diff->n_added, ==, 0);
  g_assert_cmpuint (diff->n_removed, ==, 1);
}

/* The masking of an ID number, as the redaction writes it: the view
 * underlines the 8 digits by byte, after ten characters of 3 bytes and
 * ten digits. */
static void
test_change_chinese (void)
{
  const char *before = "申请人张三，身份证号430103199003071230";
  const char *after = "申请人张三，身份证号4301031990********";
  g_autoptr(CivicTextDiff) diff = diff_of (before, after);
  g_autofree char *rows = render (diff);
  const CivicTextDiffRow *row = row_at (diff, 0);

  g_assert_cmpstr (rows, ==,
                   "~ 1 1 申请人张三，身份证号4301031990[03071230]"
                   " | 申请人张三，身份证号4301031990[********]\n");
  assert_spans (row->old_spans, 1, (gsize) 40, (gsize) 8);
  assert_spans (row->new_spans, 1, (gsize) 40, (gsize) 8);
  g_assert_cmpuint (diff->n_changed, ==, 1);

  g_clear_pointer (&diff, civic_text_diff_free);
  diff = diff_of ("申请人张三\n", "申请人李四\n");
  row = row_at (diff, 0);
  assert_spans (row->old_spans, 1, (gsize) 9, (gsize) 6);
  assert_spans (row->new_spans, 1, (gsize) 9, (gsize) 6);

  g_clear_pointer (&diff, civic_text_diff_free);
  diff = diff_of ("依据第三条第一款规定\n", "依据第四条第二款规定\n");
  row = row_at (diff, 0);
  assert_spans (row->old_spans, 2, (gsize) 9, (gsize) 3, (gsize) 18, (gsize) 3);
  assert_spans (row->new_spans, 2, (gsize) 9, (gsize) 3, (gsize) 18, (gsize) 3);

  /* Words added: nothing of the old line is marked */
  g_clear_pointer (&diff, civic_text_diff_free);
  diff = diff_of ("本机关依法公开。\n", "本机关依法主动公开。\n");
  row = row_at (diff, 0);
  g_assert_cmpint (row->op, ==, CIVIC_TEXT_DIFF_OP_CHANGE);
  assert_spans (row->old_spans, 0);
  assert_spans (row->new_spans, 1, (gsize) 15, (gsize) 6);

  /* A character is never cut: 中 (E4 B8 AD) and 丰 (E4 B8 B0) share two
   * bytes, not a character */
  g_clear_pointer (&diff, civic_text_diff_free);
  diff = diff_of ("中国\n", "丰国\n");
  row = row_at (diff, 0);
  assert_spans (row->old_spans, 1, (gsize) 0, (gsize) 3);
  assert_spans (row->new_spans, 1, (gsize) 0, (gsize) 3);
}

static void
test_crlf (void)
{
  g_autoptr(CivicTextDiff) diff = NULL;

  assert_diff ("标题\r\n正文\r\n", "标题\n正文\n",
               "= 1 1 标题\n"
               "= 2 2 正文\n");
  assert_diff ("a\r\nb\r\n", "a\r\nc\r\n",
               "= 1 1 a\n"
               "~ 2 2 [b] | [c]\n");
  /* only a "\r" at the end of a line is its ending */
  assert_diff ("a\rb\n", "ab\n",
               "~ 1 1 a[\r]b | ab\n");

  diff = diff_of ("a\r\nb", "a\nb\r\n");
  g_assert_cmpstr (row_at (diff, 0)->old_text, ==, "a");
  g_assert_cmpstr (row_at (diff, 1)->old_text, ==, "b");
  g_assert_cmpuint (diff->rows->len, ==, 2);
}

static void
test_final_newline (void)
{
  assert_diff ("a\nb", "a\nb\n",
               "= 1 1 a\n"
               "= 2 2 b\n");
  assert_diff ("a\nb", "a\nc",
               "= 1 1 a\n"
               "~ 2 2 [b] | [c]\n");
  assert_diff ("a", "",
               "- 1 . a\n");
  /* a final empty line is a line */
  assert_diff ("a\n", "a\n\n",
               "= 1 1 a\n"
               "+ . 2 \n");
}

static void
test_empty (void)
{
  g_autoptr(CivicTextDiff) diff = diff_of ("", "");

  g_assert_cmpuint (diff->rows->len, ==, 0);
  g_assert_cmpuint (diff->n_added + diff->n_removed + diff->n_changed, ==, 0);

  assert_diff ("", "第一条\n第二条\n",
               "+ . 1 第一条\n"
               "+ . 2 第二条\n");
  assert_diff ("第一条\n第二条", "",
               "- 1 . 第一条\n"
               "- 2 . 第二条\n");
  assert_diff ("\n", "",
               "- 1 . \n");
}

/* A length cuts the text, so a version can be diffed inside a buffer */
static void
test_lengths (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicTextDiff) diff = civic_text_diff_new ("a\nb\nXYZ", 4, "a\nc", -1, &error);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  rows = render (diff);
  g_assert_cmpstr (rows, ==,
                   "= 1 1 a\n"
                   "~ 2 2 [b] | [c]\n");
}

static void
test_invalid_utf8 (void)
{
  static const struct
  {
    const char *old_text;
    gssize      old_length;
    const char *new_text;
  } cases[] = {
    { "a\n\xff\n", -1, "a\n" },
    { "中", -1, "\xe4\xb8" },        /* a character cut short */
    { "ab\0cd", 5, "abcd" },         /* a NUL inside the length */
    { "a", -1, "\xc0\xaf" },         /* an overlong "/" */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CivicTextDiff) diff = civic_text_diff_new (cases[i].old_text, cases[i].old_length,
                                                           cases[i].new_text, -1, &error);

      g_assert_null (diff);
      g_assert_error (error, CIVIC_TEXT_DIFF_ERROR, CIVIC_TEXT_DIFF_ERROR_INVALID_UTF8);
    }
}

static void
test_row_copy (void)
{
  g_autoptr(CivicTextDiff) diff = diff_of ("申请人张三\n", "申请人李四\n");
  g_autoptr(CivicTextDiffRow) copy = civic_text_diff_row_copy (row_at (diff, 0));

  g_clear_pointer (&diff, civic_text_diff_free);
  g_assert_cmpint (copy->op, ==, CIVIC_TEXT_DIFF_OP_CHANGE);
  g_assert_cmpuint (copy->old_line, ==, 1);
  g_assert_cmpuint (copy->new_line, ==, 1);
  g_assert_cmpstr (copy->old_text, ==, "申请人张三");
  g_assert_cmpstr (copy->new_text, ==, "申请人李四");
  assert_spans (copy->old_spans, 1, (gsize) 9, (gsize) 6);
  assert_spans (copy->new_spans, 1, (gsize) 9, (gsize) 6);
}

/* The caps ---------------------------------------------------------------- */

/* @old_count lines only the old version has, then one both have, then
 * @new_count lines only the new one has: D = old_count + new_count. */
static void
build_around_common_line (guint     old_count,
                          guint     new_count,
                          char    **old_text,
                          char    **new_text)
{
  GString *old_version = g_string_new ("标题\n");
  GString *new_version = g_string_new ("标题\n");

  for (guint i = 0; i < old_count; i++)
    g_string_append_printf (old_version, "旧的第%u行\n", i);
  g_string_append (old_version, "共同的一行\n");
  g_string_append (new_version, "共同的一行\n");
  for (guint i = 0; i < new_count; i++)
    g_string_append_printf (new_version, "新的第%u行\n", i);
  g_string_append (old_version, "结尾\n");
  g_string_append (new_version, "结尾\n");

  *old_text = g_string_free (old_version, FALSE);
  *new_text = g_string_free (new_version, FALSE);
}

/* At the cap the diff is still exact: the common line is found */
static void
test_line_cap_reached (void)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(CivicTextDiff) diff = NULL;

  build_around_common_line (2500, 2500, &old_text, &new_text);
  diff = diff_of (old_text, new_text);

  g_assert_false (diff->coarse);
  g_assert_cmpuint (diff->rows->len, ==, 5003);
  g_assert_cmpuint (diff->n_removed, ==, 2500);
  g_assert_cmpuint (diff->n_added, ==, 2500);
  g_assert_cmpuint (diff->n_changed, ==, 0);
  g_assert_cmpint (row_at (diff, 2501)->op, ==, CIVIC_TEXT_DIFF_OP_EQUAL);
  g_assert_cmpstr (row_at (diff, 2501)->old_text, ==, "共同的一行");
  g_assert_cmpuint (row_at (diff, 2501)->old_line, ==, 2502);
  g_assert_cmpuint (row_at (diff, 2501)->new_line, ==, 2);
}

/* One edit more and the middle is replaced: every old line of it paired
 * in order with a new one, marked whole; the first and last lines stay
 * in common. */
static void
test_line_cap_exceeded (void)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(CivicTextDiff) diff = NULL;
  const CivicTextDiffRow *row;

  build_around_common_line (2501, 2500, &old_text, &new_text);
  diff = diff_of (old_text, new_text);

  g_assert_true (diff->coarse);
  g_assert_cmpuint (diff->rows->len, ==, 2504);
  g_assert_cmpuint (diff->n_changed, ==, 2501);
  g_assert_cmpuint (diff->n_removed, ==, 1);
  g_assert_cmpuint (diff->n_added, ==, 0);
  g_assert_cmpint (row_at (diff, 0)->op, ==, CIVIC_TEXT_DIFF_OP_EQUAL);
  g_assert_cmpint (row_at (diff, 2503)->op, ==, CIVIC_TEXT_DIFF_OP_EQUAL);

  row = row_at (diff, 1);
  g_assert_cmpstr (row->old_text, ==, "旧的第0行");
  g_assert_cmpstr (row->new_text, ==, "共同的一行");
  assert_spans (row->old_spans, 1, (gsize) 0, strlen ("旧的第0行"));
  assert_spans (row->new_spans, 1, (gsize) 0, strlen ("共同的一行"));

  row = row_at (diff, 2502);
  g_assert_cmpint (row->op, ==, CIVIC_TEXT_DIFF_OP_DELETE);
  g_assert_cmpstr (row->old_text, ==, "共同的一行");
}

/* A version pasted over the whole draft: 12 000 lines, none the same */
static void
test_line_cap_rewritten (void)
{
  GString *old_version = g_string_new ("# 年度报告\n");
  GString *new_version = g_string_new ("# 年度报告\n");
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(CivicTextDiff) diff = NULL;

  for (guint i = 0; i < 12000; i++)
    {
      g_string_append_printf (old_version, "旧稿第%u段。\n", i);
      g_string_append_printf (new_version, "新稿第%u段。\n", i);
    }
  g_string_append (old_version, "（完）");
  g_string_append (new_version, "（完）");
  old_text = g_string_free (old_version, FALSE);
  new_text = g_string_free (new_version, FALSE);

  diff = diff_of (old_text, new_text);

  g_assert_true (diff->coarse);
  g_assert_cmpuint (diff->rows->len, ==, 12002);
  g_assert_cmpuint (diff->n_changed, ==, 12000);
  g_assert_cmpuint (diff->n_added + diff->n_removed, ==, 0);
  for (guint i = 1; i <= 12000; i++)
    {
      const CivicTextDiffRow *row = row_at (diff, i);

      g_assert_cmpint (row->op, ==, CIVIC_TEXT_DIFF_OP_CHANGE);
      g_assert_cmpuint (row->old_line, ==, i + 1);
      g_assert_cmpuint (row->new_line, ==, i + 1);
      assert_spans (row->old_spans, 1, (gsize) 0, strlen (row->old_text));
      assert_spans (row->new_spans, 1, (gsize) 0, strlen (row->new_text));
    }
}

/* A paragraph of 20 001 characters with one changed: its common start and
 * end are skipped before the caps apply. */
static void
test_char_long_paragraph (void)
{
  g_autofree char *half = repeat ("公开", 5000);
  g_autofree char *old_text = g_strconcat (half, "甲", half, NULL);
  g_autofree char *new_text = g_strconcat (half, "乙", half, NULL);
  g_autoptr(CivicTextDiff) diff = diff_of (old_text, new_text);
  const CivicTextDiffRow *row = row_at (diff, 0);

  g_assert_cmpuint (diff->rows->len, ==, 1);
  assert_spans (row->old_spans, 1, (gsize) 30000, (gsize) 3);
  assert_spans (row->new_spans, 1, (gsize) 30000, (gsize) 3);
}

/* "<x" a…a ">" against "<" b…b "x>": 2 000 characters changed is exact,
 * 2 002 marks the whole middle. */
static void
test_char_edit_cap (void)
{
  for (guint n = 1000; n <= 1001; n++)
    {
      g_autofree char *as = repeat ("a", n);
      g_autofree char *bs = repeat ("b", n);
      g_autofree char *old_text = g_strconcat ("<x", as, ">", NULL);
      g_autofree char *new_text = g_strconcat ("<", bs, "x>", NULL);
      g_autoptr(CivicTextDiff) diff = diff_of (old_text, new_text);
      const CivicTextDiffRow *row = row_at (diff, 0);

      if (n == 1000)
        {
          assert_spans (row->old_spans, 1, (gsize) 2, (gsize) n);
          assert_spans (row->new_spans, 1, (gsize) 1, (gsize) n);
        }
      else
        {
          assert_spans (row->old_spans, 1, (gsize) 1, (gsize) n + 1);
          assert_spans (row->new_spans, 1, (gsize) 1, (gsize) n + 1);
        }
      g_assert_false (diff->coarse);
    }
}

/* "<x" a…a "y>" against "<z" a…a "w>": a middle of 10 000 characters is
 * compared, one of 10 002 is marked whole. */
static void
test_char_length_cap (void)
{
  for (guint n = 9998; n <= 10000; n += 2)
    {
      g_autofree char *as = repeat ("a", n);
      g_autofree char *old_text = g_strconcat ("<x", as, "y>", NULL);
      g_autofree char *new_text = g_strconcat ("<z", as, "w>", NULL);
      g_autoptr(CivicTextDiff) diff = diff_of (old_text, new_text);
      const CivicTextDiffRow *row = row_at (diff, 0);

      if (n == 9998)
        {
          assert_spans (row->old_spans, 2, (gsize) 1, (gsize) 1, (gsize) n + 2, (gsize) 1);
          assert_spans (row->new_spans, 2, (gsize) 1, (gsize) 1, (gsize) n + 2, (gsize) 1);
        }
      else
        {
          assert_spans (row->old_spans, 1, (gsize) 1, (gsize) n + 2);
          assert_spans (row->new_spans, 1, (gsize) 1, (gsize) n + 2);
        }
    }
}

/* Properties -------------------------------------------------------------- */

static char *
random_text (void)
{
  static const char *lines[] = { "a", "b", "c", "", "中文" };
  GString *text = g_string_new (NULL);
  int n_lines = g_test_rand_int_range (0, 12);
  const char *newline = g_test_rand_bit () ? "\n" : "\r\n";

  for (int i = 0; i < n_lines; i++)
    {
      if (i > 0)
        g_string_append (text, newline);
      g_string_append (text, lines[g_test_rand_int_range (0, G_N_ELEMENTS (lines))]);
    }
  if (n_lines > 0 && g_test_rand_bit ())
    g_string_append (text, newline);
  return g_string_free (text, FALSE);
}

/* Applying the rows to the old version gives the new one, and no diff
 * keeps more lines in common. */
static void
test_property_lines (void)
{
  for (guint trial = 0; trial < 3000; trial++)
    {
      g_autofree char *old_text = random_text ();
      g_autofree char *new_text = random_text ();
      g_auto(GStrv) old_lines = split_lines (old_text);
      g_auto(GStrv) new_lines = split_lines (new_text);
      g_autoptr(CivicTextDiff) diff = diff_of (old_text, new_text);
      g_autoptr(GStrvBuilder) applied = g_strv_builder_new ();
      g_auto(GStrv) result = NULL;
      g_autofree char *result_text = NULL;
      g_autofree char *expected_text = NULL;
      guint n_equal = 0;

      for (guint i = 0; i < diff->rows->len; i++)
        {
          const CivicTextDiffRow *row = g_ptr_array_index (diff->rows, i);

          switch (row->op)
            {
            case CIVIC_TEXT_DIFF_OP_EQUAL:
              g_strv_builder_add (applied, old_lines[row->old_line - 1]);
              n_equal++;
              break;
            case CIVIC_TEXT_DIFF_OP_DELETE:
              break;
            case CIVIC_TEXT_DIFF_OP_INSERT:
            case CIVIC_TEXT_DIFF_OP_CHANGE:
              g_strv_builder_add (applied, row->new_text);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      result = g_strv_builder_end (applied);
      result_text = g_strjoinv ("\n", result);
      expected_text = g_strjoinv ("\n", new_lines);
      g_assert_cmpstr (result_text, ==, expected_text);

      g_assert_cmpuint (n_equal, ==, lcs_length_lines ((const char * const *) old_lines,
                                                       (const char * const *) new_lines));
      g_assert_false (diff->coarse);
    }
}

static char *
random_line (void)
{
  static const char *chars[] = { "a", "b", "中", "文", "é" };
  GString *text = g_string_new ("<");
  int n_chars = g_test_rand_int_range (0, 14);

  for (int i = 0; i < n_chars; i++)
    g_string_append (text, chars[g_test_rand_int_range (0, G_N_ELEMENTS (chars))]);
  g_string_append_c (text, '>');
  return g_string_free (text, FALSE);
}

/* Inside a changed pair, the characters outside the spans are the same on
 * both sides (check_diff), and no pairing keeps more of them. */
static void
test_property_chars (void)
{
  for (guint trial = 0; trial < 3000; trial++)
    {
      g_autofree char *old_text = random_line ();
      g_autofree char *new_text = random_line ();
      g_autoptr(CivicTextDiff) diff = diff_of (old_text, new_text);
      const CivicTextDiffRow *row = row_at (diff, 0);
      g_autofree char *kept = NULL;

      g_assert_cmpuint (diff->rows->len, ==, 1);
      if (g_str_equal (old_text, new_text))
        {
          g_assert_cmpint (row->op, ==, CIVIC_TEXT_DIFF_OP_EQUAL);
          continue;
        }

      g_assert_cmpint (row->op, ==, CIVIC_TEXT_DIFF_OP_CHANGE);
      kept = check_spans (row->old_text, row->old_spans);
      g_assert_cmpuint (g_utf8_strlen (kept, -1), ==, lcs_length_chars (old_text, new_text));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-diff/identical", test_identical);
  g_test_add_func ("/text-diff/insert", test_insert);
  g_test_add_func ("/text-diff/delete", test_delete);
  g_test_add_func ("/text-diff/change/pairs", test_change_pairs);
  g_test_add_func ("/text-diff/change/chinese", test_change_chinese);
  g_test_add_func ("/text-diff/crlf", test_crlf);
  g_test_add_func ("/text-diff/final-newline", test_final_newline);
  g_test_add_func ("/text-diff/empty", test_empty);
  g_test_add_func ("/text-diff/lengths", test_lengths);
  g_test_add_func ("/text-diff/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/text-diff/row-copy", test_row_copy);
  g_test_add_func ("/text-diff/cap/lines-reached", test_line_cap_reached);
  g_test_add_func ("/text-diff/cap/lines-exceeded", test_line_cap_exceeded);
  g_test_add_func ("/text-diff/cap/lines-rewritten", test_line_cap_rewritten);
  g_test_add_func ("/text-diff/cap/long-paragraph", test_char_long_paragraph);
  g_test_add_func ("/text-diff/cap/char-edits", test_char_edit_cap);
  g_test_add_func ("/text-diff/cap/char-length", test_char_length_cap);
  g_test_add_func ("/text-diff/property/lines", test_property_lines);
  g_test_add_func ("/text-diff/property/chars", test_property_chars);

  return g_test_run ();
}
