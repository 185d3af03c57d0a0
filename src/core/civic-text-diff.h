/* civic-text-diff.h — what changed between two versions of a text, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CIVIC_TEXT_DIFF_ERROR (civic_text_diff_error_quark ())

typedef enum
{
  CIVIC_TEXT_DIFF_ERROR_INVALID_UTF8,  /* a version is not UTF-8, or holds a NUL */
} CivicTextDiffError;

/* Beyond these the diff is coarser, never wrong (civic-text-diff.c says
 * why these numbers) */
#define CIVIC_TEXT_DIFF_MAX_LINE_EDITS 5000   /* lines deleted + inserted */
#define CIVIC_TEXT_DIFF_MAX_CHAR_EDITS 2000   /* characters deleted + inserted in a line */
#define CIVIC_TEXT_DIFF_MAX_LINE_CHARS 10000  /* characters of a line's changed middle */

typedef enum
{
  CIVIC_TEXT_DIFF_OP_EQUAL,   /* the same line in both versions */
  CIVIC_TEXT_DIFF_OP_DELETE,  /* a line only the old version has */
  CIVIC_TEXT_DIFF_OP_INSERT,  /* a line only the new version has */
  CIVIC_TEXT_DIFF_OP_CHANGE,  /* an old line and the new line in its place */
} CivicTextDiffOp;

/* Characters that changed, as a byte range of the row's text, the unit
 * of Pango attributes; it starts and ends on character boundaries and is
 * never empty. */
typedef struct
{
  gsize start;
  gsize length;
} CivicTextDiffSpan;

/* Lines are numbered from 1; 0 is "no line on this side". Texts are
 * without their line ending. */
typedef struct
{
  CivicTextDiffOp  op;
  guint            old_line;   /* 0 in an INSERT row */
  guint            new_line;   /* 0 in a DELETE row */
  char            *old_text;   /* NULL in an INSERT row */
  char            *new_text;   /* NULL in a DELETE row; in an EQUAL row, old_text again */

  /* Of CivicTextDiffSpan, in order, apart: the characters of each text
   * the other has not. NULL unless the row is a CHANGE. */
  GArray          *old_spans;
  GArray          *new_spans;
} CivicTextDiffRow;

typedef struct
{
  GPtrArray *rows;       /* of CivicTextDiffRow, in the order of both versions */

  /* for "3 lines changed, 2 added": the rows of each op */
  guint      n_added;
  guint      n_removed;
  guint      n_changed;

  /* More than CIVIC_TEXT_DIFF_MAX_LINE_EDITS lines differ: the block
   * between the common first and last lines is shown as replaced, its
   * lines paired in order and marked changed whole. */
  gboolean   coarse;
} CivicTextDiff;

#define CIVIC_TYPE_TEXT_DIFF_ROW (civic_text_diff_row_get_type ())

GQuark            civic_text_diff_error_quark  (void);

GType             civic_text_diff_row_get_type (void) G_GNUC_CONST;
CivicTextDiffRow *civic_text_diff_row_copy     (const CivicTextDiffRow *row);
void              civic_text_diff_row_free     (CivicTextDiffRow       *row);

CivicTextDiff    *civic_text_diff_new          (const char             *old_text,
                                                gssize                  old_length,
                                                const char             *new_text,
                                                gssize                  new_length,
                                                GError                **error);
void              civic_text_diff_free         (CivicTextDiff          *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicTextDiffRow, civic_text_diff_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicTextDiff, civic_text_diff_free)

G_END_DECLS
