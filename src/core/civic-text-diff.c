/* civic-text-diff.c — what changed between two versions of a text, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-text-diff"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-text-diff.h"

/* The history of a disclosure shows two versions of its Markdown side by
 * side, and a stale save shows the one it would overwrite
 * (docs/plans/disclosure.md, decision 5 and "History").
 *
 * Lines are compared with Eugene Myers' O(ND) algorithm ("An O(ND)
 * Difference Algorithm and Its Variations", Algorithmica 1, 1986) in its
 * linear-space form (section 4b): search from both ends at once for the
 * middle snake of a shortest edit script, then solve the two halves the
 * same way. The greedy form is shorter but keeps a V array per D to trace
 * its path back: at the cap of 5 000 edits that is 12.5 million endpoints,
 * 100 MB, where this form needs two arrays of N + M + 3. Both take
 * O((N + M) D) time, and the outermost search learns D before any other
 * work is done, so a diff over the cap costs no more than reaching it.
 * As in GNU diff, the common first and last elements of every block are
 * skipped before it is searched: most saves change a few lines of a long
 * draft, and those then cost O(N + M).
 *
 * The cap keeps a history page quick when a version was rewritten or
 * pasted over: the block between the common first and last lines is then
 * shown as replaced. Its lines are paired in order, not by likeness, so a
 * character diff of a pair would mark chance resemblances; its lines are
 * marked changed whole. (Measured, debugoptimized build: 100 000 lines
 * with 5 000 edits take 70 ms; 12 000 lines against 12 000 others, found
 * over the cap, 15 ms.)
 *
 * Inside a changed pair of lines the characters are compared the same
 * way — Unicode characters, not bytes, so a Chinese character is one
 * unit — and the changes are reported as byte ranges, the unit of Pango
 * attributes. A Chinese paragraph is one line of the Markdown, often of
 * thousands of characters; its common start and end are skipped before
 * the caps apply, so one changed character of a long paragraph is still
 * found exactly. Over the caps — a middle of 10 000 characters, or 2 000
 * characters changed — the whole middle is marked; at the caps a pair
 * takes under 10 ms, and a history page may have a few hundred pairs. */

G_DEFINE_QUARK (civic-text-diff-error-quark, civic_text_diff_error)

G_DEFINE_BOXED_TYPE (CivicTextDiffRow, civic_text_diff_row,
                     civic_text_diff_row_copy, civic_text_diff_row_free)

/* Myers ------------------------------------------------------------------- */

/* Two sequences of symbols (the number of a line among the distinct lines
 * of both versions, or a character), and for each element whether it is
 * outside the longest common subsequence found. */
typedef struct
{
  const guint32 *a;
  const guint32 *b;
  guint8        *a_changed;
  guint8        *b_changed;

  /* The furthest x reached on each diagonal k = x − y, searching from the
   * top left and from the bottom right; k runs from −(M + 1) to N + 1. */
  gssize        *forward;
  gssize        *backward;
} Myers;

static void
mark_changed (guint8 *changed,
              gssize  from,
              gssize  to)
{
  if (to > from)
    memset (changed + from, 1, (gsize) (to - from));
}

/* Finds a point of a shortest path from (xoff, yoff) to (xlim, ylim)
 * through the edit graph, about as many edits from either end, or returns
 * FALSE when that path has more than @max_edits edits. The block must
 * neither start nor end with a common element: then the point is neither
 * of its corners, and both halves are smaller than the block. */
static gboolean
find_middle_snake (Myers  *self,
                   gssize  xoff,
                   gssize  xlim,
                   gssize  yoff,
                   gssize  ylim,
                   gsize   max_edits,
                   gssize *x_mid,
                   gssize *y_mid)
{
  const guint32 *a = self->a;
  const guint32 *b = self->b;
  gssize *fd = self->forward;
  gssize *bd = self->backward;
  const gssize dmin = xoff - ylim;
  const gssize dmax = xlim - yoff;
  const gssize fmid = xoff - yoff;
  const gssize bmid = xlim - ylim;
  const gboolean odd = ((fmid - bmid) & 1) != 0;
  gssize fmin = fmid;
  gssize fmax = fmid;
  gssize bmin = bmid;
  gssize bmax = bmid;

  fd[fmid] = xoff;
  bd[bmid] = xlim;

  for (gsize c = 1;; c++)
    {
      /* The searches first meet on a shortest path: the forward one in
       * its c-th step when D is odd, D = 2c − 1; the backward one when
       * D is even, D = 2c. */
      if ((odd ? 2 * c - 1 : 2 * c) > max_edits)
        return FALSE;

      /* One more edit on each diagonal from the top left; the diagonals
       * beside the range get a sentinel that no path prefers */
      if (fmin > dmin)
        fd[--fmin - 1] = -1;
      else
        fmin++;
      if (fmax < dmax)
        fd[++fmax + 1] = -1;
      else
        fmax--;

      for (gssize k = fmax; k >= fmin; k -= 2)
        {
          gssize x = fd[k - 1] < fd[k + 1] ? fd[k + 1] : fd[k - 1] + 1;
          gssize y = x - k;

          while (x < xlim && y < ylim && a[x] == b[y])
            {
              x++;
              y++;
            }
          fd[k] = x;

          if (odd && bmin <= k && k <= bmax && bd[k] <= x)
            {
              *x_mid = x;
              *y_mid = y;
              return TRUE;
            }
        }

      /* … and from the bottom right */
      if (bmin > dmin)
        bd[--bmin - 1] = G_MAXSSIZE;
      else
        bmin++;
      if (bmax < dmax)
        bd[++bmax + 1] = G_MAXSSIZE;
      else
        bmax--;

      for (gssize k = bmax; k >= bmin; k -= 2)
        {
          gssize x = bd[k - 1] < bd[k + 1] ? bd[k - 1] : bd[k + 1] - 1;
          gssize y = x - k;

          while (x > xoff && y > yoff && a[x - 1] == b[y - 1])
            {
              x--;
              y--;
            }
          bd[k] = x;

          if (!odd && fmin <= k && k <= fmax && x <= fd[k])
            {
              *x_mid = x;
              *y_mid = y;
              return TRUE;
            }
        }
    }
}

/* Each half of a shortest path has at most half its edits, so the
 * recursion is only log2 D deep. */
static void
compare (Myers  *self,
         gssize  xoff,
         gssize  xlim,
         gssize  yoff,
         gssize  ylim)
{
  gssize x_mid;
  gssize y_mid;

  while (xoff < xlim && yoff < ylim && self->a[xoff] == self->b[yoff])
    {
      xoff++;
      yoff++;
    }
  while (xoff < xlim && yoff < ylim && self->a[xlim - 1] == self->b[ylim - 1])
    {
      xlim--;
      ylim--;
    }

  if (xoff == xlim)
    {
      mark_changed (self->b_changed, yoff, ylim);
      return;
    }
  if (yoff == ylim)
    {
      mark_changed (self->a_changed, xoff, xlim);
      return;
    }

  if (!find_middle_snake (self, xoff, xlim, yoff, ylim, G_MAXSIZE, &x_mid, &y_mid))
    g_assert_not_reached ();
  compare (self, xoff, x_mid, yoff, y_mid);
  compare (self, x_mid, xlim, y_mid, ylim);
}

/* Marks in @a_changed and @b_changed (arrays of @n and @m flags, all 0)
 * the elements outside a longest common subsequence of @a and @b. When
 * the block between their common start and end is longer than
 * @max_length or takes more than @max_edits edits, marks the whole block
 * and returns FALSE. */
static gboolean
diff_sequences (const guint32 *a,
                gsize          n,
                const guint32 *b,
                gsize          m,
                gsize          max_edits,
                gsize          max_length,
                guint8        *a_changed,
                guint8        *b_changed)
{
  g_autofree gssize *forward = NULL;
  g_autofree gssize *backward = NULL;
  gsize prefix = 0;
  gsize suffix = 0;
  gssize x_mid;
  gssize y_mid;
  Myers self;

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         a[n - 1 - suffix] == b[m - 1 - suffix])
    suffix++;

  a += prefix;
  b += prefix;
  a_changed += prefix;
  b_changed += prefix;
  n -= prefix + suffix;
  m -= prefix + suffix;

  if (n == 0 || m == 0)
    {
      mark_changed (a_changed, 0, (gssize) n);
      mark_changed (b_changed, 0, (gssize) m);
      return TRUE;
    }

  if (n > max_length || m > max_length)
    goto replaced;

  forward = g_new (gssize, n + m + 3);
  backward = g_new (gssize, n + m + 3);
  self = (Myers) {
    .a = a,
    .b = b,
    .a_changed = a_changed,
    .b_changed = b_changed,
    .forward = forward + m + 1,
    .backward = backward + m + 1,
  };

  if (!find_middle_snake (&self, 0, (gssize) n, 0, (gssize) m, max_edits, &x_mid, &y_mid))
    goto replaced;

  compare (&self, 0, x_mid, 0, y_mid);
  compare (&self, x_mid, (gssize) n, y_mid, (gssize) m);
  return TRUE;

replaced:
  mark_changed (a_changed, 0, (gssize) n);
  mark_changed (b_changed, 0, (gssize) m);
  return FALSE;
}

/* Characters --------------------------------------------------------------- */

/* The characters of @text, and the byte offset of each and of the end */
static gsize
decode (const char  *text,
        guint32    **chars,
        gsize      **offsets)
{
  gsize n = (gsize) g_utf8_strlen (text, -1);
  const char *p = text;

  *chars = g_new (guint32, n + 1);
  *offsets = g_new (gsize, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      (*offsets)[i] = (gsize) (p - text);
      (*chars)[i] = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
    }
  (*offsets)[n] = (gsize) (p - text);
  return n;
}

static GArray *
spans_of_changes (const guint8 *changed,
                  const gsize  *offsets,
                  gsize         n)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (CivicTextDiffSpan));
  gsize i = 0;

  while (i < n)
    {
      CivicTextDiffSpan span;
      gsize end = i;

      if (!changed[i])
        {
          i++;
          continue;
        }

      while (end < n && changed[end])
        end++;
      span.start = offsets[i];
      span.length = offsets[end] - offsets[i];
      g_array_append_val (spans, span);
      i = end;
    }

  return spans;
}

static GArray *
whole_line_spans (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (CivicTextDiffSpan));
  CivicTextDiffSpan span = { 0, strlen (text) };

  if (span.length > 0)
    g_array_append_val (spans, span);
  return spans;
}

static void
diff_characters (CivicTextDiffRow *row)
{
  g_autofree guint32 *a = NULL;
  g_autofree guint32 *b = NULL;
  g_autofree gsize *a_offsets = NULL;
  g_autofree gsize *b_offsets = NULL;
  g_autofree guint8 *a_changed = NULL;
  g_autofree guint8 *b_changed = NULL;
  gsize n = decode (row->old_text, &a, &a_offsets);
  gsize m = decode (row->new_text, &b, &b_offsets);

  a_changed = g_new0 (guint8, n + 1);
  b_changed = g_new0 (guint8, m + 1);
  diff_sequences (a, n, b, m, CIVIC_TEXT_DIFF_MAX_CHAR_EDITS, CIVIC_TEXT_DIFF_MAX_LINE_CHARS,
                  a_changed, b_changed);

  row->old_spans = spans_of_changes (a_changed, a_offsets, n);
  row->new_spans = spans_of_changes (b_changed, b_offsets, m);
}

/* Lines -------------------------------------------------------------------- */

/* A "\r" before the "\n" is part of the line ending, so a version pasted
 * or uploaded from Windows does not differ in every line; a final "\r"
 * is one cut from its "\n". The last line needs no newline, so adding or
 * removing the final newline is no difference either. */
static GPtrArray *
split_lines (const char *text,
             gsize       length)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *end = text + length;
  const char *start = text;

  while (start < end)
    {
      const char *newline = memchr (start, '\n', (gsize) (end - start));
      const char *stop = newline != NULL ? newline : end;

      if (stop > start && stop[-1] == '\r')
        stop--;
      g_ptr_array_add (lines, g_strndup (start, (gsize) (stop - start)));
      start = newline != NULL ? newline + 1 : end;
    }

  return lines;
}

/* Lines are compared by number, one for each distinct text */
static guint32 *
number_lines (GPtrArray  *lines,
              GHashTable *numbers)
{
  guint32 *symbols = g_new (guint32, lines->len + 1);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *text = g_ptr_array_index (lines, i);
      gpointer number;

      if (!g_hash_table_lookup_extended (numbers, text, NULL, &number))
        {
          number = GUINT_TO_POINTER (g_hash_table_size (numbers));
          g_hash_table_insert (numbers, (gpointer) text, number);
        }
      symbols[i] = GPOINTER_TO_UINT (number);
    }

  return symbols;
}

/* Rows --------------------------------------------------------------------- */

CivicTextDiffRow *
civic_text_diff_row_copy (const CivicTextDiffRow *row)
{
  CivicTextDiffRow *copy;

  g_return_val_if_fail (row != NULL, NULL);

  copy = g_new0 (CivicTextDiffRow, 1);
  copy->op = row->op;
  copy->old_line = row->old_line;
  copy->new_line = row->new_line;
  copy->old_text = g_strdup (row->old_text);
  copy->new_text = g_strdup (row->new_text);
  copy->old_spans = row->old_spans != NULL ? g_array_copy (row->old_spans) : NULL;
  copy->new_spans = row->new_spans != NULL ? g_array_copy (row->new_spans) : NULL;
  return copy;
}

void
civic_text_diff_row_free (CivicTextDiffRow *row)
{
  if (row == NULL)
    return;

  g_free (row->old_text);
  g_free (row->new_text);
  g_clear_pointer (&row->old_spans, g_array_unref);
  g_clear_pointer (&row->new_spans, g_array_unref);
  g_free (row);
}

/* The rows take the lines' texts: each line is in exactly one row */
static char *
take_line (GPtrArray *lines,
           guint      index)
{
  return g_steal_pointer (&lines->pdata[index]);
}

static CivicTextDiffRow *
add_row (CivicTextDiff   *diff,
         CivicTextDiffOp  op,
         GPtrArray       *old_lines,
         guint            old_index,
         GPtrArray       *new_lines,
         guint            new_index)
{
  CivicTextDiffRow *row = g_new0 (CivicTextDiffRow, 1);

  row->op = op;
  if (op != CIVIC_TEXT_DIFF_OP_INSERT)
    {
      row->old_line = old_index + 1;
      row->old_text = take_line (old_lines, old_index);
    }
  if (op != CIVIC_TEXT_DIFF_OP_DELETE)
    {
      row->new_line = new_index + 1;
      row->new_text = take_line (new_lines, new_index);
    }

  switch (op)
    {
    case CIVIC_TEXT_DIFF_OP_EQUAL:
      break;
    case CIVIC_TEXT_DIFF_OP_DELETE:
      diff->n_removed++;
      break;
    case CIVIC_TEXT_DIFF_OP_INSERT:
      diff->n_added++;
      break;
    case CIVIC_TEXT_DIFF_OP_CHANGE:
      diff->n_changed++;
      break;
    default:
      g_assert_not_reached ();
    }

  g_ptr_array_add (diff->rows, row);
  return row;
}

/* Between two common lines, the old lines that go and the new lines that
 * come are paired in order into changes; the rest of the longer run are
 * deletions or insertions. */
static void
align_rows (CivicTextDiff *diff,
            GPtrArray     *old_lines,
            const guint8  *old_changed,
            GPtrArray     *new_lines,
            const guint8  *new_changed)
{
  guint i = 0;
  guint j = 0;

  while (i < old_lines->len || j < new_lines->len)
    {
      guint deleted_end = i;
      guint inserted_end = j;

      if (i < old_lines->len && j < new_lines->len && !old_changed[i] && !new_changed[j])
        {
          add_row (diff, CIVIC_TEXT_DIFF_OP_EQUAL, old_lines, i++, new_lines, j++);
          continue;
        }

      while (deleted_end < old_lines->len && old_changed[deleted_end])
        deleted_end++;
      while (inserted_end < new_lines->len && new_changed[inserted_end])
        inserted_end++;
      g_assert (deleted_end > i || inserted_end > j);

      for (; i < deleted_end && j < inserted_end; i++, j++)
        {
          CivicTextDiffRow *row = add_row (diff, CIVIC_TEXT_DIFF_OP_CHANGE,
                                           old_lines, i, new_lines, j);

          if (diff->coarse)
            {
              row->old_spans = whole_line_spans (row->old_text);
              row->new_spans = whole_line_spans (row->new_text);
            }
          else
            {
              diff_characters (row);
            }
        }
      for (; i < deleted_end; i++)
        add_row (diff, CIVIC_TEXT_DIFF_OP_DELETE, old_lines, i, new_lines, 0);
      for (; j < inserted_end; j++)
        add_row (diff, CIVIC_TEXT_DIFF_OP_INSERT, old_lines, 0, new_lines, j);
    }
}

/* The diff ----------------------------------------------------------------- */

/**
 * civic_text_diff_new:
 * @old_text: the earlier version, UTF-8
 * @old_length: its length in bytes, or -1 if it ends with a NUL
 * @new_text: the later version, UTF-8
 * @new_length: its length in bytes, or -1
 * @error: set to %CIVIC_TEXT_DIFF_ERROR_INVALID_UTF8 when a version is
 *   not UTF-8 or holds a NUL in its @length
 *
 * Compares the versions line by line, and the characters of each pair of
 * changed lines. Lines end at "\n" or "\r\n"; a last line needs no
 * newline, and an empty text has no lines.
 *
 * Returns: (transfer full) (nullable): the rows of a side-by-side view
 * with the fewest lines deleted and inserted (or, beyond
 * %CIVIC_TEXT_DIFF_MAX_LINE_EDITS, the middle replaced), or %NULL with
 * @error set
 */
CivicTextDiff *
civic_text_diff_new (const char  *old_text,
                     gssize       old_length,
                     const char  *new_text,
                     gssize       new_length,
                     GError     **error)
{
  g_autoptr(GPtrArray) old_lines = NULL;
  g_autoptr(GPtrArray) new_lines = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autofree guint32 *old_symbols = NULL;
  g_autofree guint32 *new_symbols = NULL;
  g_autofree guint8 *old_changed = NULL;
  g_autofree guint8 *new_changed = NULL;
  CivicTextDiff *diff;
  gboolean exact;

  g_return_val_if_fail (old_text != NULL, NULL);
  g_return_val_if_fail (new_text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (old_length < 0)
    old_length = (gssize) strlen (old_text);
  if (new_length < 0)
    new_length = (gssize) strlen (new_text);

  /* A cache or a peer could hand over a damaged body; the history then
   * says so instead of showing half a character. */
  if (!g_utf8_validate_len (old_text, (gsize) old_length, NULL) ||
      !g_utf8_validate_len (new_text, (gsize) new_length, NULL))
    {
      g_set_error_literal (error, CIVIC_TEXT_DIFF_ERROR, CIVIC_TEXT_DIFF_ERROR_INVALID_UTF8,
                           _("The text is not valid UTF-8"));
      return NULL;
    }

  old_lines = split_lines (old_text, (gsize) old_length);
  new_lines = split_lines (new_text, (gsize) new_length);

  /* The numbers' keys are the lines' texts, until the rows take them */
  numbers = g_hash_table_new (g_str_hash, g_str_equal);
  old_symbols = number_lines (old_lines, numbers);
  new_symbols = number_lines (new_lines, numbers);
  g_clear_pointer (&numbers, g_hash_table_unref);

  old_changed = g_new0 (guint8, old_lines->len + 1);
  new_changed = g_new0 (guint8, new_lines->len + 1);
  exact = diff_sequences (old_symbols, old_lines->len, new_symbols, new_lines->len,
                          CIVIC_TEXT_DIFF_MAX_LINE_EDITS, G_MAXSIZE,
                          old_changed, new_changed);

  diff = g_new0 (CivicTextDiff, 1);
  diff->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_text_diff_row_free);
  diff->coarse = !exact;
  align_rows (diff, old_lines, old_changed, new_lines, new_changed);
  return diff;
}

void
civic_text_diff_free (CivicTextDiff *diff)
{
  if (diff == NULL)
    return;

  g_clear_pointer (&diff->rows, g_ptr_array_unref);
  g_free (diff);
}
