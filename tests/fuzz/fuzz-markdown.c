/* fuzz-markdown.c — a disclosure's Markdown, in the preview, the lint and the public page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"
#include "civic-fuzz.h"

/* An organ's editor writes the Markdown; the service renders it for
 * anyone to read (decision 12 of docs/plans/disclosure.md). Beyond not
 * crashing, on any input:
 *
 *  - text that is not UTF-8, or over the size bound, is refused with a
 *    reason, by the model and the page alike;
 *  - the model keeps civic-markdown.h's promises: every run has text,
 *    a link and only a link has an href, depths are capped, every table
 *    row has its columns' cells;
 *  - the plain text is UTF-8, whichever way it is asked for;
 *  - the page is UTF-8 and holds only the tags and attributes the
 *    renderer writes: no <script>, no <img>, no on…= handler, and no
 *    href a browser would run (javascript:, data:, …) or that leaves the
 *    service ("//host"). Since text never has a bare "<", every "<" the
 *    page has starts one of its own tags. */

static const char * const tags[] = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "hr", "br", "pre",
  "code", "em", "strong", "del", "a", "table", "thead", "tbody", "tr", "th", "td", NULL
};

static const char * const attributes[] = { "href", "title", "start", "scope", "class", NULL };

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);
  return 0;
}

static void
check_runs (GPtrArray *runs)
{
  civic_fuzz_assert (runs != NULL);
  for (guint i = 0; i < runs->len; i++)
    {
      CivicMarkdownRun *run = g_ptr_array_index (runs, i);

      civic_fuzz_assert (run->text != NULL && run->text[0] != '\0');
      civic_fuzz_assert (g_utf8_validate (run->text, -1, NULL));
      civic_fuzz_assert ((run->href != NULL) == ((run->style & CIVIC_MARKDOWN_STYLE_LINK) != 0));
      civic_fuzz_assert (run->href == NULL || g_utf8_validate (run->href, -1, NULL));
    }
}

static void
check_blocks (GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      CivicMarkdownBlock *block = g_ptr_array_index (blocks, i);

      civic_fuzz_assert (block->kind <= CIVIC_MARKDOWN_BLOCK_TABLE);
      civic_fuzz_assert ((block->kind == CIVIC_MARKDOWN_BLOCK_HEADING) ==
                         (block->heading_level >= 1 && block->heading_level <= 6));
      civic_fuzz_assert (block->quote_depth <= CIVIC_MARKDOWN_MAX_DEPTH);
      civic_fuzz_assert (block->list_depth <= CIVIC_MARKDOWN_MAX_DEPTH);
      civic_fuzz_assert ((block->kind == CIVIC_MARKDOWN_BLOCK_LIST_ITEM) ==
                         (block->list_kind != CIVIC_MARKDOWN_LIST_NONE));
      civic_fuzz_assert (block->kind != CIVIC_MARKDOWN_BLOCK_LIST_ITEM || block->list_depth >= 1);
      civic_fuzz_assert (block->language == NULL ||
                         (block->kind == CIVIC_MARKDOWN_BLOCK_CODE &&
                          g_utf8_validate (block->language, -1, NULL)));
      check_runs (block->runs);
      civic_fuzz_assert ((block->kind == CIVIC_MARKDOWN_BLOCK_TABLE) == (block->table != NULL));

      if (block->table != NULL)
        {
          CivicMarkdownTable *table = block->table;

          civic_fuzz_assert (block->runs->len == 0);
          civic_fuzz_assert (table->n_columns >= 1);
          civic_fuzz_assert (table->rows->len >= table->n_header_rows);
          for (guint row = 0; row < table->rows->len; row++)
            {
              civic_fuzz_assert (((GPtrArray *) g_ptr_array_index (table->rows, row))->len ==
                                 table->n_columns);
              for (guint column = 0; column < table->n_columns; column++)
                check_runs (civic_markdown_table_get_cell (table, row, column));
            }
          for (guint column = 0; column < table->n_columns; column++)
            civic_fuzz_assert (table->alignments[column] <= CIVIC_MARKDOWN_ALIGN_RIGHT);
        }
    }
}

/* An href as the browser reads it: the attribute's "&amp;" is "&", and
 * the renderer percent-encodes every space, control and non-ASCII byte. */
static void
check_href (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, "&amp;", -1);
  g_autofree char *href = g_strjoinv ("&", parts);
  g_autofree char *lower = g_ascii_strdown (href, -1);
  gsize scheme_end;

  for (const char *p = href; *p != '\0'; p++)
    civic_fuzz_assert ((guchar) *p > 0x20 && (guchar) *p < 0x7F && *p != '"' && *p != '\'' &&
                       *p != '<' && *p != '>' && *p != '\\');

  civic_fuzz_assert (!g_str_has_prefix (lower, "javascript:"));
  civic_fuzz_assert (!g_str_has_prefix (lower, "vbscript:"));
  civic_fuzz_assert (!g_str_has_prefix (lower, "data:"));
  civic_fuzz_assert (!g_str_has_prefix (lower, "file:"));
  civic_fuzz_assert (!g_str_has_prefix (lower, "//"));

  /* A scheme as the URL standard reads one; "h%09ttps:" is none, but a
   * relative path */
  scheme_end = strspn (lower, "abcdefghijklmnopqrstuvwxyz0123456789+-.");
  if (g_ascii_isalpha (lower[0]) && lower[scheme_end] == ':')
    {
      lower[scheme_end] = '\0';
      civic_fuzz_assert (g_str_equal (lower, "http") || g_str_equal (lower, "https") ||
                         g_str_equal (lower, "mailto"));
    }
}

/* @tag is what is between "<" and ">" */
static void
check_tag (const char *tag)
{
  const char *p = tag;
  g_autofree char *name = NULL;
  gsize length;

  if (*p == '/')
    p++;
  length = strspn (p, "abcdefghijklmnopqrstuvwxyz0123456789");
  name = g_strndup (p, length);
  if (!g_strv_contains (tags, name))
    g_printerr ("The page has a tag <%s>\n", tag);
  civic_fuzz_assert (g_strv_contains (tags, name));
  p += length;

  if (tag[0] == '/')
    {
      civic_fuzz_assert (*p == '\0');
      return;
    }

  while (*p != '\0')
    {
      g_autofree char *attribute = NULL;
      g_autofree char *value = NULL;
      const char *close;

      civic_fuzz_assert (*p == ' ');
      p++;
      length = strspn (p, "abcdefghijklmnopqrstuvwxyz");
      attribute = g_strndup (p, length);
      civic_fuzz_assert (!g_str_has_prefix (attribute, "on"));
      civic_fuzz_assert (g_strv_contains (attributes, attribute));
      p += length;
      civic_fuzz_assert (p[0] == '=' && p[1] == '"');
      p += 2;
      close = strchr (p, '"');
      civic_fuzz_assert (close != NULL);
      value = g_strndup (p, close - p);
      if (g_str_equal (attribute, "href"))
        {
          civic_fuzz_assert (g_str_equal (name, "a"));
          check_href (value);
        }
      p = close + 1;
    }
}

static void
check_html (const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);
  const char *p = html;

  civic_fuzz_assert (g_utf8_validate (html, -1, NULL));
  civic_fuzz_assert (strstr (lower, "<script") == NULL);
  civic_fuzz_assert (strstr (lower, "<img") == NULL);
  civic_fuzz_assert (strstr (lower, "<iframe") == NULL);

  while ((p = strchr (p, '<')) != NULL)
    {
      const char *end = strchr (p, '>');
      g_autofree char *tag = NULL;

      civic_fuzz_assert (end != NULL);
      tag = g_strndup (p + 1, end - p - 1);
      check_tag (tag);
      p = end + 1;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) html_error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *plain_again = NULL;
  g_autofree char *html = NULL;
  g_autofree char *html_shifted = NULL;
  gboolean readable = size <= CIVIC_MARKDOWN_MAX_SIZE && g_utf8_validate_len (text, size, NULL);

  blocks = civic_markdown_parse (text, size, &error);
  html = civic_markdown_to_html (text, size, 0, &html_error);

  if (!readable)
    {
      CivicMarkdownError code = size > CIVIC_MARKDOWN_MAX_SIZE
        ? CIVIC_MARKDOWN_ERROR_TOO_LARGE : CIVIC_MARKDOWN_ERROR_INVALID_TEXT;

      civic_fuzz_assert (blocks == NULL && g_error_matches (error, CIVIC_MARKDOWN_ERROR, code));
      civic_fuzz_assert (html == NULL && g_error_matches (html_error, CIVIC_MARKDOWN_ERROR, code));
      return 0;
    }

  civic_fuzz_assert (blocks != NULL && error == NULL);
  civic_fuzz_assert (html != NULL && html_error == NULL);
  check_blocks (blocks);

  plain = civic_markdown_blocks_to_plain_text (blocks);
  civic_fuzz_assert (g_utf8_validate (plain, -1, NULL));
  plain_again = civic_markdown_to_plain_text (text, size, NULL);
  civic_fuzz_assert (g_strcmp0 (plain, plain_again) == 0);

  check_html (html);
  /* As the public page renders it, under its h1 */
  html_shifted = civic_markdown_to_html (text, size, 1, NULL);
  civic_fuzz_assert (html_shifted != NULL);
  civic_fuzz_assert (strstr (html_shifted, "<h1>") == NULL);
  check_html (html_shifted);
  return 0;
}
