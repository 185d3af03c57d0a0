/* civic-markdown.h — a disclosure's Markdown as blocks of styled text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CIVIC_MARKDOWN_ERROR (civic_markdown_error_quark ())

typedef enum
{
  CIVIC_MARKDOWN_ERROR_TOO_LARGE,     /* over CIVIC_MARKDOWN_MAX_SIZE */
  CIVIC_MARKDOWN_ERROR_INVALID_TEXT,  /* not UTF-8, or a NUL byte in it */
  CIVIC_MARKDOWN_ERROR_FAILED,        /* md4c gave up: out of memory */
} CivicMarkdownError;

/* A 50-page policy document is about 150 KiB of UTF-8 Chinese. */
#define CIVIC_MARKDOWN_MAX_SIZE  (512 * 1024)
/* Quotes and list items nested deeper than this are shown at this depth. */
#define CIVIC_MARKDOWN_MAX_DEPTH 32

typedef enum
{
  CIVIC_MARKDOWN_BLOCK_PARAGRAPH,
  CIVIC_MARKDOWN_BLOCK_HEADING,
  /* The first line of a list item, drawn after its marker; the item's
   * further paragraphs are PARAGRAPH blocks at the same list_depth. An
   * item that starts with another block (a nested list, a heading) or is
   * empty has an empty LIST_ITEM block, so its marker is still drawn. */
  CIVIC_MARKDOWN_BLOCK_LIST_ITEM,
  CIVIC_MARKDOWN_BLOCK_CODE,
  CIVIC_MARKDOWN_BLOCK_THEMATIC_BREAK,
  CIVIC_MARKDOWN_BLOCK_TABLE,
} CivicMarkdownBlockKind;

typedef enum
{
  CIVIC_MARKDOWN_LIST_NONE,
  CIVIC_MARKDOWN_LIST_BULLET,
  CIVIC_MARKDOWN_LIST_ORDERED,
} CivicMarkdownListKind;

typedef enum
{
  CIVIC_MARKDOWN_STYLE_NONE          = 0,
  CIVIC_MARKDOWN_STYLE_STRONG        = 1 << 0,
  CIVIC_MARKDOWN_STYLE_EMPHASIS      = 1 << 1,
  CIVIC_MARKDOWN_STYLE_CODE          = 1 << 2,
  CIVIC_MARKDOWN_STYLE_STRIKETHROUGH = 1 << 3,
  CIVIC_MARKDOWN_STYLE_LINK          = 1 << 4,
} CivicMarkdownStyle;

typedef enum
{
  CIVIC_MARKDOWN_ALIGN_DEFAULT,
  CIVIC_MARKDOWN_ALIGN_LEFT,
  CIVIC_MARKDOWN_ALIGN_CENTER,
  CIVIC_MARKDOWN_ALIGN_RIGHT,
} CivicMarkdownAlign;

/* Text with one set of styles: one GtkTextTag per style bit. A hard line
 * break is a "\n" inside the text. An image is its description, as text. */
typedef struct
{
  char               *text;
  CivicMarkdownStyle  style;
  /* A link's destination with its entities decoded, as written: check it
   * with civic_markdown_link_is_safe() before opening it; %NULL outside
   * a link. */
  char               *href;
} CivicMarkdownRun;

/* Rows × cells, each cell a GPtrArray of CivicMarkdownRun; every row has
 * n_columns cells. The first n_header_rows rows are the header (Markdown
 * has exactly one). */
typedef struct
{
  guint               n_columns;
  guint               n_header_rows;
  CivicMarkdownAlign *alignments;   /* n_columns of them */
  GPtrArray          *rows;         /* (element-type GPtrArray<GPtrArray<CivicMarkdownRun>>) */
} CivicMarkdownTable;

typedef struct
{
  CivicMarkdownBlockKind  kind;
  guint                   heading_level;  /* 1–6 for a HEADING, else 0 */
  /* How many block quotes and how many list items enclose the block (a
   * LIST_ITEM counts its own), each at most CIVIC_MARKDOWN_MAX_DEPTH: the
   * indentation a preview gives it. */
  guint                   quote_depth;
  guint                   list_depth;
  /* The marker of a LIST_ITEM: "•" or item_number; NONE for others */
  CivicMarkdownListKind   list_kind;
  guint                   item_number;
  char                   *language;       /* of a CODE block, if its fence names one */
  /* (element-type CivicMarkdownRun): a PARAGRAPH's, HEADING's,
   * LIST_ITEM's or CODE block's text; empty for the others. A CODE
   * block's text has no final newline. */
  GPtrArray              *runs;
  CivicMarkdownTable     *table;          /* of a TABLE, else %NULL */
} CivicMarkdownBlock;

GQuark      civic_markdown_error_quark          (void);

void        civic_markdown_run_free             (CivicMarkdownRun          *run);
void        civic_markdown_table_free           (CivicMarkdownTable        *table);
void        civic_markdown_block_free           (CivicMarkdownBlock        *block);

GPtrArray  *civic_markdown_parse                (const char                *text,
                                                 gssize                     length,
                                                 GError                   **error);
GPtrArray  *civic_markdown_table_get_cell       (const CivicMarkdownTable  *table,
                                                 guint                      row,
                                                 guint                      column);
char       *civic_markdown_runs_to_text         (GPtrArray                 *runs);
char       *civic_markdown_blocks_to_plain_text (GPtrArray                 *blocks);
char       *civic_markdown_to_plain_text        (const char                *text,
                                                 gssize                     length,
                                                 GError                   **error);
gboolean    civic_markdown_link_is_safe         (const char                *href);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicMarkdownRun, civic_markdown_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicMarkdownTable, civic_markdown_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicMarkdownBlock, civic_markdown_block_free)

G_END_DECLS
