/* bench-disclosure-editor.c — the privacy lint while a disclosure is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 50-page disclosure (about 75 000 characters, 200 planted findings:
 * resident ID numbers, mobiles, bank cards, fixed lines, e-mail
 * addresses, spread through its paragraphs) in a GtkSourceView on
 * screen. Two figures, each beside a reference run in the same process:
 *
 *   - 500 keystrokes (a character typed, or one in five a backspace, at
 *     places spread over the text) with a CivicLintHighlighter on the
 *     buffer: per keystroke, from the insert to the end of the
 *     highlighter's idle, which is when the underline is applied, as p50,
 *     p99 and maximum, against the 16.7 ms of a frame and against the
 *     same keystrokes in the same view without the highlighter;
 *   - the whole text scanned when the highlighter is attached (on its
 *     worker thread, then the tags applied), against the lint scanning
 *     the same text on its own.
 *
 * The view draws a frame between keystrokes, untimed, as it would while
 * someone types. Run under a display (bench/run.sh uses Xvfb); prints
 * BENCH lines.
 */

#include "config.h"

#include <gtksourceview/gtksource.h>

#include "civic-id-numbers.h"
#include "civic-lint-highlighter.h"

#define N_PAGES       50
#define N_FINDINGS    200
#define N_KEYSTROKES  500
#define FRAME_MS      (1000.0 / 60)

/* The document */

static const char * const clauses[] = {
  "经审查，申请人提交的材料齐全、符合法定形式",
  "本机关依照《中华人民共和国行政许可法》的规定作出准予许可的决定",
  "有关单位应当自收到本决定之日起按照要求落实整改措施",
  "检查中发现部分经营场所的卫生条件未达到规定标准",
  "执法人员依法出示了执法证件并告知了当事人享有的权利",
  "当事人对上述事实无异议，并在现场笔录上签字确认",
  "本次抽查共涉及食品、药品、特种设备和工业产品等类别",
  "对抽查不合格的产品，已责令生产者停止销售并召回",
  "相关情况已通报属地市场监督管理部门依法处理",
  "欢迎社会各界对本机关的工作进行监督并提出意见建议",
};

/* GB 11643-1999: the check character of the first 17 digits */
static char
resident_id_check (const char *digits)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (digits[i] - '0') * weights[i];
  return "10X98765432"[sum % 11];
}

/* The Luhn check digit for @digits (without it) */
static char
luhn_check (const char *digits,
            int         n)
{
  int sum = 0;

  for (int i = n - 1, double_it = TRUE; i >= 0; i--, double_it = !double_it)
    {
      int d = digits[i] - '0';

      if (double_it)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
  return (char) ('0' + (10 - sum % 10) % 10);
}

static void
append_finding (GString *text,
                guint    i)
{
  char number[24];

  switch (i % 5)
    {
    case 0:
      g_snprintf (number, sizeof number, "430103%04u%02u%02u%03u", 1960 + i % 40, 1 + i % 12,
                  1 + i % 28, 100 + i % 900);
      number[17] = resident_id_check (number);
      number[18] = '\0';
      g_assert_true (civic_id_is_resident_id_valid (number));
      g_string_append_printf (text, "当事人身份证号码%s", number);
      break;
    case 1:
      g_string_append_printf (text, "联系电话13%u%08u", 5 + i % 5, 10000000 + i * 3917 % 89999999);
      break;
    case 2:
      g_snprintf (number, sizeof number, "622202%09u", 100000000 + i * 7919 % 899999999);
      number[15] = luhn_check (number, 15);
      number[16] = '\0';
      g_assert_true (civic_id_is_luhn_valid (number, 16));
      g_string_append_printf (text, "退款账户银行卡号%s", number);
      break;
    case 3:
      g_string_append_printf (text, "投诉人住宅电话0731-8%07u", 1000000 + i * 4391 % 8999999);
      break;
    default:
      g_string_append_printf (text, "申请人电子邮箱zhang%u@163.com", i);
      break;
    }
}

/* Pages of a heading and paragraphs, a finding in four paragraphs of
 * five; about 1 500 characters a page */
static char *
make_document (void)
{
  GString *text = g_string_new (NULL);
  guint paragraph = 0, planted = 0;

  for (guint page = 0; page < N_PAGES; page++)
    {
      g_string_append_printf (text, "## 第%u部分\n\n", page + 1);
      for (guint p = 0; p < 5; p++, paragraph++)
        {
          for (guint c = 0; c < 11; c++)
            {
              g_string_append (text, clauses[(paragraph * 3 + c) % G_N_ELEMENTS (clauses)]);
              g_string_append (text, c % 3 == 2 ? "。" : "，");
              if (c == 4 && paragraph % 5 != 4 && planted < N_FINDINGS)
                {
                  append_finding (text, planted++);
                  g_string_append (text, "。");
                }
            }
          g_string_append (text, "\n\n");
        }
    }
  g_assert_cmpuint (planted, ==, N_FINDINGS);
  return g_string_free (text, FALSE);
}

/* The frames */

static gboolean painted;

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  painted = TRUE;
}

static void
paint (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);

  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  /* The view's layout, validated in idles after the frame */
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The keystrokes */

static gboolean
reached_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
count_scan (CivicLintHighlighter *highlighter,
            guint                 start,
            guint                 end,
            guint64              *scanned)
{
  scanned[0]++;
  scanned[1] += end - start;
}

/* @highlighter: NULL for the reference. Milliseconds from the edit to the
 * end of what it set off at G_PRIORITY_HIGH_IDLE (the highlighter's scan
 * and underline, ahead of GDK's redraw). */
static double
keystroke (GtkWidget            *window,
           GtkTextBuffer        *buffer,
           CivicLintHighlighter *highlighter,
           guint                 i)
{
  /* Spread over the text by a step prime to its length */
  int length = gtk_text_buffer_get_char_count (buffer);
  int offset = 1 + (int) (((guint64) i * 15485863u) % (guint64) (length - 2));
  static const char * const typed[] = { "的", "1", "号", "8", "，", "a", "机", "0" };
  gboolean reached = FALSE;
  GtkTextIter at;
  gint64 start;

  gtk_text_buffer_get_iter_at_offset (buffer, &at, offset);
  gtk_text_buffer_place_cursor (buffer, &at);

  start = g_get_monotonic_time ();
  if (i % 5 == 4)
    gtk_text_buffer_backspace (buffer, &at, TRUE, TRUE);
  else
    gtk_text_buffer_insert_interactive_at_cursor (buffer, typed[i % G_N_ELEMENTS (typed)], -1,
                                                  TRUE);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE + 1, reached_cb, &reached, NULL);
  while (!reached || (highlighter != NULL && civic_lint_highlighter_is_busy (highlighter)))
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
type_all (GtkWidget            *window,
          GtkTextBuffer        *buffer,
          CivicLintHighlighter *highlighter,
          double               *times)
{
  for (guint i = 0; i < N_KEYSTROKES; i++)
    {
      times[i] = keystroke (window, buffer, highlighter, i);
      paint (window);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* @fraction of the sorted @times */
static double
quantile (double *times,
          double  fraction)
{
  qsort (times, N_KEYSTROKES, sizeof (double), compare_doubles);
  return times[MIN (N_KEYSTROKES - 1, (guint) (fraction * N_KEYSTROKES))];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *document = make_document ();
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) alone = NULL;
  g_autoptr(CivicLintHighlighter) highlighter = NULL;
  static double with_lint[N_KEYSTROKES], without[N_KEYSTROKES];
  guint64 scanned[2] = { 0, 0 };
  GtkSourceBuffer *buffer;
  GtkWidget *window, *scrolled, *view;
  gint64 start;
  double whole_scan, lint_alone;
  guint n_found;

  gtk_init ();
  gtk_source_init ();

  buffer = gtk_source_buffer_new (NULL);
  view = gtk_source_view_new_with_buffer (buffer);
  gtk_source_view_set_show_line_numbers (GTK_SOURCE_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_frame_clock (window) == NULL || !gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  /* The reference: the same keystrokes, no highlighter */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), document, -1);
  paint (window);
  type_all (window, GTK_TEXT_BUFFER (buffer), NULL, without);

  /* The same text again, and the highlighter attached to it */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), document, -1);
  paint (window);
  start = g_get_monotonic_time ();
  highlighter = civic_lint_highlighter_new (GTK_TEXT_BUFFER (buffer));
  while (civic_lint_highlighter_is_busy (highlighter))
    g_main_context_iteration (NULL, TRUE);
  whole_scan = (g_get_monotonic_time () - start) / 1000.0;
  n_found = g_list_model_get_n_items (civic_lint_highlighter_get_findings (highlighter));
  paint (window);

  start = g_get_monotonic_time ();
  alone = civic_privacy_lint_scan (lint, document, -1);
  lint_alone = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (alone->len, ==, n_found);

  g_signal_connect (highlighter, "scanned", G_CALLBACK (count_scan), scanned);
  type_all (window, GTK_TEXT_BUFFER (buffer), highlighter, with_lint);
  g_assert_cmpuint (scanned[0], ==, N_KEYSTROKES);

  g_print ("BENCH lint_document_characters %d chars\n", (int) g_utf8_strlen (document, -1));
  g_print ("BENCH lint_document_findings %u findings\n", n_found);
  g_print ("BENCH lint_whole_document_scan %.1f ms\n", whole_scan);
  g_print ("BENCH lint_whole_document_scan_reference %.1f ms\n", lint_alone);
  g_print ("BENCH lint_whole_document_scan_ratio %.2f x\n", whole_scan / lint_alone);
  g_print ("BENCH lint_keystroke_scanned_mean %" G_GUINT64_FORMAT " chars\n",
           scanned[1] / N_KEYSTROKES);
  g_print ("BENCH lint_keystroke_p50 %.2f ms\n", quantile (with_lint, 0.50));
  g_print ("BENCH lint_keystroke_p99 %.2f ms\n", quantile (with_lint, 0.99));
  g_print ("BENCH lint_keystroke_max %.2f ms\n", quantile (with_lint, 1.0));
  g_print ("BENCH lint_keystroke_p99_of_frame %.2f x\n", quantile (with_lint, 0.99) / FRAME_MS);
  g_print ("BENCH lint_keystroke_reference_p50 %.3f ms\n", quantile (without, 0.50));
  g_print ("BENCH lint_keystroke_reference_p99 %.3f ms\n", quantile (without, 0.99));
  g_print ("BENCH lint_keystroke_p50_ratio %.1f x\n",
           quantile (with_lint, 0.50) / quantile (without, 0.50));
  g_print ("BENCH lint_keystroke_p99_ratio %.1f x\n",
           quantile (with_lint, 0.99) / quantile (without, 0.99));

  g_clear_object (&highlighter);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (buffer);
  return 0;
}
