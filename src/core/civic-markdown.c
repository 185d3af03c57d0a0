/* civic-markdown.c — a disclosure's Markdown as blocks of styled text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An organ writes a disclosure's body in Markdown (decision 14). The
 * client's preview inserts it into a GtkTextView, a tag per style and a
 * GtkGrid per table; the lint and the full-text search read it as plain
 * text. Both come from this one model, built from md4c's callbacks, so
 * what the preview shows is what was checked and what is found.
 *
 * The model is flat: a list of blocks, each with the depth of the quotes
 * and list items around it, rather than a tree. A text view has no tree
 * to put it in, and a document nested ten thousand quotes deep (md4c
 * takes it) is then only a number, capped at CIVIC_MARKDOWN_MAX_DEPTH,
 * with nothing here that recurses over it.
 */

#define G_LOG_DOMAIN "civic-markdown"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"
#include "civic-markdown-private.h"

G_DEFINE_QUARK (civic-markdown-error-quark, civic_markdown_error)

/* The named entities decoded; md4c hands over any "&name;" and leaves the
 * table to us. Those HTML has beyond these stay as written, in the plain
 * text and on the public page alike (civic-markdown-html.c escapes their
 * "&"), so both show the same. Tab, NewLine and colon are here so that a
 * link written "javascript&colon;" is read as what a browser would make
 * of it, and refused. */
static const struct
{
  const char *name;
  gunichar    codepoint;
} entities[] = {
  { "amp", 0x26 }, { "lt", 0x3C }, { "gt", 0x3E }, { "quot", 0x22 }, { "apos", 0x27 },
  { "nbsp", 0xA0 }, { "Tab", 0x09 }, { "NewLine", 0x0A }, { "colon", 0x3A },
  { "copy", 0xA9 }, { "reg", 0xAE }, { "trade", 0x2122 }, { "hellip", 0x2026 },
  { "mdash", 0x2014 }, { "ndash", 0x2013 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
  { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "laquo", 0xAB }, { "raquo", 0xBB },
  { "middot", 0xB7 }, { "bull", 0x2022 }, { "deg", 0xB0 }, { "plusmn", 0xB1 },
  { "times", 0xD7 }, { "divide", 0xF7 }, { "minus", 0x2212 }, { "le", 0x2264 },
  { "ge", 0x2265 }, { "ne", 0x2260 }, { "permil", 0x2030 }, { "sect", 0xA7 },
  { "para", 0xB6 }, { "yen", 0xA5 }, { "euro", 0x20AC }, { "cent", 0xA2 },
  { "pound", 0xA3 }, { "micro", 0xB5 }, { "sup2", 0xB2 }, { "sup3", 0xB3 },
  { "frac12", 0xBD }, { "frac14", 0xBC }, { "frac34", 0xBE }, { "prime", 0x2032 },
  { "Prime", 0x2033 }, { "larr", 0x2190 }, { "uarr", 0x2191 }, { "rarr", 0x2192 },
  { "darr", 0x2193 }, { "check", 0x2713 }, { "cross", 0x2717 }, { "shy", 0xAD },
  { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 },
  { "ZeroWidthSpace", 0x200B }, { "zwnj", 0x200C }, { "zwj", 0x200D },
};

void
civic_markdown_append_replacement (GString *out)
{
  g_string_append_unichar (out, 0xFFFD);
}

/* CommonMark: a numeric reference to 0, to a surrogate or beyond Unicode
 * is U+FFFD. (md_html() writes a surrogate as three bytes that are not
 * UTF-8.) */
static void
append_numeric_entity (GString    *out,
                       const char *digits,
                       gsize       size,
                       guint       base)
{
  gunichar codepoint = 0;

  for (gsize i = 0; i < size; i++)
    {
      int value = base == 16 ? g_ascii_xdigit_value (digits[i]) : g_ascii_digit_value (digits[i]);

      if (value < 0)
        break;
      /* md4c reads at most seven digits; stop before anything overflows */
      codepoint = MIN (codepoint * base + value, 0x110000);
    }

  if (codepoint == 0 || codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF))
    civic_markdown_append_replacement (out);
  else
    g_string_append_unichar (out, codepoint);
}

/* @entity is md4c's MD_TEXT_ENTITY: "&name;", "&#123;" or "&#x1F;" */
void
civic_markdown_append_entity (GString    *out,
                              const char *entity,
                              gsize       size)
{
  g_assert (out != NULL);

  if (size >= 4 && entity[0] == '&' && entity[1] == '#' && entity[size - 1] == ';')
    {
      if (entity[2] == 'x' || entity[2] == 'X')
        append_numeric_entity (out, entity + 3, size - 4, 16);
      else
        append_numeric_entity (out, entity + 2, size - 3, 10);
      return;
    }

  if (size >= 3 && entity[0] == '&' && entity[size - 1] == ';')
    for (gsize i = 0; i < G_N_ELEMENTS (entities); i++)
      if (strlen (entities[i].name) == size - 2 &&
          memcmp (entities[i].name, entity + 1, size - 2) == 0)
        {
          g_string_append_unichar (out, entities[i].codepoint);
          return;
        }

  g_string_append_len (out, entity, size);
}

/* A link's destination or title, a code fence's language: text with
 * entities in it, as md4c splits it. %FALSE if md4c's sizes are bogus. */
gboolean
civic_markdown_append_attribute (GString            *out,
                                 const MD_ATTRIBUTE *attribute,
                                 MD_SIZE             input_size)
{
  g_assert (out != NULL);

  if (attribute->text == NULL)
    return TRUE;
  if (civic_markdown_size_is_bogus (attribute->size, input_size))
    return FALSE;

  for (guint i = 0; attribute->substr_offsets[i] < attribute->size; i++)
    {
      MD_OFFSET start = attribute->substr_offsets[i];
      MD_OFFSET end = attribute->substr_offsets[i + 1];
      const char *text = attribute->text + start;

      if (end < start || end > attribute->size)
        return FALSE;

      switch (attribute->substr_types[i])
        {
        case MD_TEXT_NULLCHAR:
          civic_markdown_append_replacement (out);
          break;
        case MD_TEXT_ENTITY:
          civic_markdown_append_entity (out, text, end - start);
          break;
        default:
          g_string_append_len (out, text, end - start);
          break;
        }
    }
  return TRUE;
}

/* Bounded before it is parsed (HACKING.md): md4c takes any size, and the
 * public page renders what an organ saved. A byte-order mark, which some
 * editors on Windows write, is not text: without this, "# 标题" after one
 * would not be a heading.
 *
 * md4c 0.4.8 (Debian 12's) reads the byte after its input in a few
 * places (md4c#167 and #168, fixed in 0.5.0): "[a](//\"" at the very end
 * takes a ")" found there as the link's end, and the sizes it then gives
 * run past the text. The copy it parses ends with a line break, which is
 * what 0.5.0 takes the end for, and NULs. */
#define INPUT_PADDING 8

char *
civic_markdown_prepare_input (const char  *text,
                              gssize       length,
                              MD_SIZE     *size,
                              GError     **error)
{
  gsize bytes;
  char *copy;

  g_assert (text != NULL && size != NULL);

  bytes = length < 0 ? strlen (text) : (gsize) length;
  if (bytes > CIVIC_MARKDOWN_MAX_SIZE)
    {
      g_set_error (error, CIVIC_MARKDOWN_ERROR, CIVIC_MARKDOWN_ERROR_TOO_LARGE,
                   /* Translators: %u is a number of KiB */
                   _("The text is longer than %u KiB and cannot be shown"),
                   (guint) (CIVIC_MARKDOWN_MAX_SIZE / 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (text, bytes, NULL))
    {
      g_set_error_literal (error, CIVIC_MARKDOWN_ERROR, CIVIC_MARKDOWN_ERROR_INVALID_TEXT,
                           _("The text is not valid UTF-8"));
      return NULL;
    }
  if (bytes >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      bytes -= 3;
    }

  copy = g_malloc0 (bytes + INPUT_PADDING);
  memcpy (copy, text, bytes);
  copy[bytes] = '\n';
  *size = (MD_SIZE) bytes;
  return copy;
}

/* What no callback of a sound parse gives: more text than there is (an
 * e-mail autolink's href adds "mailto:"). Refused, rather than copied
 * from wherever md4c points. */
gboolean
civic_markdown_size_is_bogus (gsize   size,
                              MD_SIZE input_size)
{
  return size > (gsize) input_size + strlen ("mailto:");
}

void
civic_markdown_run_free (CivicMarkdownRun *run)
{
  if (run == NULL)
    return;
  g_free (run->text);
  g_free (run->href);
  g_free (run);
}

void
civic_markdown_table_free (CivicMarkdownTable *table)
{
  if (table == NULL)
    return;
  g_free (table->alignments);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

void
civic_markdown_block_free (CivicMarkdownBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->language);
  g_clear_pointer (&block->runs, g_ptr_array_unref);
  g_clear_pointer (&block->table, civic_markdown_table_free);
  g_free (block);
}

static GPtrArray *
runs_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) civic_markdown_run_free);
}

typedef struct
{
  CivicMarkdownListKind kind;
  guint                 next_number;
} List;

typedef struct
{
  MD_SIZE               input_size;
  GPtrArray            *blocks;

  /* Where text goes: the open text block or table cell, or neither
   * (between blocks, where a tight list item's text opens one). */
  CivicMarkdownBlock   *block;
  CivicMarkdownTable   *table;
  GPtrArray            *cell;

  /* The containers around, uncapped; capped in the blocks */
  guint                 quote_depth;
  guint                 item_depth;
  GArray               *lists;          /* of List, innermost last */
  /* A list item entered whose marker no block carries yet */
  gboolean              item_pending;
  CivicMarkdownListKind item_kind;
  guint                 item_number;

  /* The spans around */
  guint                 strong;
  guint                 emphasis;
  guint                 code;
  guint                 strikethrough;
  GPtrArray            *links;          /* their hrefs, innermost last */

  /* The run being written, and where it goes */
  GPtrArray            *run_target;
  GString              *run_text;
  CivicMarkdownStyle    run_style;
  char                 *run_href;

  /* A soft line break not yet written, with the styles it was in: it
   * depends on the character after it. */
  gunichar              last_char;
  gboolean              soft_break;
  CivicMarkdownStyle    soft_break_style;
  char                 *soft_break_href;
} Builder;

static void
flush_run (Builder *self)
{
  CivicMarkdownRun *run;

  if (self->run_text->len == 0)
    return;

  run = g_new0 (CivicMarkdownRun, 1);
  run->text = g_strndup (self->run_text->str, self->run_text->len);
  run->style = self->run_style;
  run->href = g_strdup (self->run_href);
  g_ptr_array_add (self->run_target, run);
  g_string_truncate (self->run_text, 0);
}

static void
end_target (Builder *self)
{
  flush_run (self);
  self->run_target = NULL;
  self->last_char = 0;
  self->soft_break = FALSE;
  g_clear_pointer (&self->soft_break_href, g_free);
}

static CivicMarkdownBlock *
add_block (Builder                *self,
           CivicMarkdownBlockKind  kind)
{
  CivicMarkdownBlock *block = g_new0 (CivicMarkdownBlock, 1);

  block->kind = kind;
  block->quote_depth = MIN (self->quote_depth, CIVIC_MARKDOWN_MAX_DEPTH);
  block->list_depth = MIN (self->item_depth, CIVIC_MARKDOWN_MAX_DEPTH);
  block->runs = runs_new ();
  g_ptr_array_add (self->blocks, block);
  return block;
}

static CivicMarkdownBlock *
add_list_item (Builder *self)
{
  CivicMarkdownBlock *block = add_block (self, CIVIC_MARKDOWN_BLOCK_LIST_ITEM);

  block->list_kind = self->item_kind;
  block->item_number = self->item_number;
  self->item_pending = FALSE;
  return block;
}

/* An item that starts with something other than text still shows its
 * marker, on a line of its own. */
static void
settle_item (Builder *self)
{
  if (self->item_pending)
    add_list_item (self);
}

static void
close_block (Builder *self)
{
  CivicMarkdownBlock *block = self->block;

  if (block == NULL)
    return;
  end_target (self);
  self->block = NULL;

  /* md4c ends each line of a code block with "\n": the last one is the
   * block's end, not a line of it. */
  if (block->kind == CIVIC_MARKDOWN_BLOCK_CODE && block->runs->len > 0)
    {
      CivicMarkdownRun *last = g_ptr_array_index (block->runs, block->runs->len - 1);
      gsize length = strlen (last->text);

      if (length > 0 && last->text[length - 1] == '\n')
        last->text[length - 1] = '\0';
      if (last->text[0] == '\0')
        g_ptr_array_remove_index (block->runs, block->runs->len - 1);
    }
}

static void
open_block (Builder                *self,
            CivicMarkdownBlockKind  kind)
{
  close_block (self);
  if (kind == CIVIC_MARKDOWN_BLOCK_PARAGRAPH && self->item_pending)
    self->block = add_list_item (self);
  else
    {
      settle_item (self);
      self->block = add_block (self, kind);
    }
}

/* Text outside any block is a tight list item's: md4c gives those no
 * paragraph. */
static GPtrArray *
current_runs (Builder *self)
{
  if (self->cell != NULL)
    return self->cell;
  if (self->block == NULL)
    open_block (self, CIVIC_MARKDOWN_BLOCK_PARAGRAPH);
  return self->block->runs;
}

static CivicMarkdownStyle
current_style (Builder *self)
{
  CivicMarkdownStyle style = CIVIC_MARKDOWN_STYLE_NONE;

  if (self->strong > 0)
    style |= CIVIC_MARKDOWN_STYLE_STRONG;
  if (self->emphasis > 0)
    style |= CIVIC_MARKDOWN_STYLE_EMPHASIS;
  if (self->code > 0 || (self->block != NULL && self->block->kind == CIVIC_MARKDOWN_BLOCK_CODE))
    style |= CIVIC_MARKDOWN_STYLE_CODE;
  if (self->strikethrough > 0)
    style |= CIVIC_MARKDOWN_STYLE_STRIKETHROUGH;
  if (self->links->len > 0)
    style |= CIVIC_MARKDOWN_STYLE_LINK;
  return style;
}

static const char *
current_href (Builder *self)
{
  return self->links->len > 0 ? g_ptr_array_index (self->links, self->links->len - 1) : NULL;
}

static void
append_styled (Builder            *self,
               CivicMarkdownStyle  style,
               const char         *href,
               const char         *text,
               gsize               length)
{
  GPtrArray *target = current_runs (self);

  if (length == 0)
    return;
  if (target != self->run_target || style != self->run_style ||
      g_strcmp0 (href, self->run_href) != 0)
    {
      flush_run (self);
      self->run_target = target;
      self->run_style = style;
      g_free (self->run_href);
      self->run_href = g_strdup (href);
    }
  g_string_append_len (self->run_text, text, length);
}

/* CSS Text 3 (§4.1.2, segment break transformation) removes a line break
 * between two East Asian wide, full-width or half-width characters, none
 * Hangul, and one next to a zero-width space. CommonMark makes every soft
 * line break a space, but Chinese is written without spaces: "依法\n公开"
 * is "依法公开", and a space there would split the word for the search
 * and show as a gap in the preview. Korean is written with spaces. */
static gboolean
is_east_asian_wide (gunichar c)
{
  if (!g_unichar_iswide (c) && !(c >= 0xFF61 && c <= 0xFFDC) && !(c >= 0xFFE8 && c <= 0xFFEE))
    return FALSE;
  return g_unichar_get_script (c) != G_UNICODE_SCRIPT_HANGUL;
}

static gboolean
soft_break_joins (gunichar before,
                  gunichar after)
{
  if (before == 0x200B || after == 0x200B)
    return TRUE;
  return is_east_asian_wide (before) && is_east_asian_wide (after);
}

static void
append_text (Builder    *self,
             const char *text,
             gsize       length)
{
  const char *last;

  if (length == 0)
    return;

  if (self->soft_break)
    {
      if (!soft_break_joins (self->last_char, g_utf8_get_char (text)))
        append_styled (self, self->soft_break_style, self->soft_break_href, " ", 1);
      self->soft_break = FALSE;
      g_clear_pointer (&self->soft_break_href, g_free);
    }

  append_styled (self, current_style (self), current_href (self), text, length);
  last = g_utf8_find_prev_char (text, text + length);
  self->last_char = last != NULL ? g_utf8_get_char (last) : 0;
}

static int
on_enter_block (MD_BLOCKTYPE  type,
                void          *detail,
                void          *user_data)
{
  Builder *self = user_data;

  switch (type)
    {
    case MD_BLOCK_DOC:
      break;

    case MD_BLOCK_QUOTE:
      close_block (self);
      settle_item (self);
      self->quote_depth++;
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      {
        List list = { CIVIC_MARKDOWN_LIST_BULLET, 0 };

        if (type == MD_BLOCK_OL)
          {
            list.kind = CIVIC_MARKDOWN_LIST_ORDERED;
            list.next_number = ((MD_BLOCK_OL_DETAIL *) detail)->start;
          }
        close_block (self);
        settle_item (self);
        g_array_append_val (self->lists, list);
      }
      break;

    case MD_BLOCK_LI:
      {
        List *list = self->lists->len > 0
          ? &g_array_index (self->lists, List, self->lists->len - 1) : NULL;

        close_block (self);
        settle_item (self);
        self->item_depth++;
        self->item_pending = TRUE;
        self->item_kind = list != NULL ? list->kind : CIVIC_MARKDOWN_LIST_BULLET;
        self->item_number = 0;
        if (list != NULL && list->kind == CIVIC_MARKDOWN_LIST_ORDERED)
          self->item_number = list->next_number++;
      }
      break;

    case MD_BLOCK_HR:
      close_block (self);
      settle_item (self);
      add_block (self, CIVIC_MARKDOWN_BLOCK_THEMATIC_BREAK);
      break;

    case MD_BLOCK_H:
      open_block (self, CIVIC_MARKDOWN_BLOCK_HEADING);
      self->block->heading_level = CLAMP (((MD_BLOCK_H_DETAIL *) detail)->level, 1, 6);
      break;

    case MD_BLOCK_CODE:
      {
        g_autoptr(GString) language = g_string_new (NULL);

        open_block (self, CIVIC_MARKDOWN_BLOCK_CODE);
        if (!civic_markdown_append_attribute (language, &((MD_BLOCK_CODE_DETAIL *) detail)->lang,
                                              self->input_size))
          return -1;
        if (language->len > 0)
          self->block->language = g_string_free (g_steal_pointer (&language), FALSE);
      }
      break;

    /* Not with MD_FLAG_NOHTML; were it to come, its text is a paragraph */
    case MD_BLOCK_HTML:
    case MD_BLOCK_P:
      open_block (self, CIVIC_MARKDOWN_BLOCK_PARAGRAPH);
      break;

    case MD_BLOCK_TABLE:
      {
        MD_BLOCK_TABLE_DETAIL *table_detail = detail;
        CivicMarkdownBlock *block;

        close_block (self);
        settle_item (self);
        block = add_block (self, CIVIC_MARKDOWN_BLOCK_TABLE);
        block->table = g_new0 (CivicMarkdownTable, 1);
        block->table->n_columns = table_detail->col_count;
        block->table->n_header_rows = table_detail->head_row_count;
        block->table->alignments = g_new0 (CivicMarkdownAlign, MAX (table_detail->col_count, 1));
        block->table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
        self->table = block->table;
      }
      break;

    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
      break;

    case MD_BLOCK_TR:
      if (self->table != NULL)
        g_ptr_array_add (self->table->rows,
                         g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref));
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (self->table != NULL && self->table->rows->len > 0)
        {
          GPtrArray *row = g_ptr_array_index (self->table->rows, self->table->rows->len - 1);
          guint column = row->len;

          if (column < self->table->n_columns)
            {
              MD_ALIGN align = ((MD_BLOCK_TD_DETAIL *) detail)->align;

              self->table->alignments[column] = align == MD_ALIGN_LEFT ? CIVIC_MARKDOWN_ALIGN_LEFT
                : align == MD_ALIGN_CENTER ? CIVIC_MARKDOWN_ALIGN_CENTER
                : align == MD_ALIGN_RIGHT ? CIVIC_MARKDOWN_ALIGN_RIGHT
                : CIVIC_MARKDOWN_ALIGN_DEFAULT;
            }
          self->cell = runs_new ();
          g_ptr_array_add (row, self->cell);
        }
      break;
    }

  return 0;
}

static int
on_leave_block (MD_BLOCKTYPE  type,
                void          *detail,
                void          *user_data)
{
  Builder *self = user_data;

  switch (type)
    {
    case MD_BLOCK_QUOTE:
      close_block (self);
      self->quote_depth--;
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      close_block (self);
      if (self->lists->len > 0)
        g_array_set_size (self->lists, self->lists->len - 1);
      break;

    case MD_BLOCK_LI:
      close_block (self);
      settle_item (self);
      self->item_depth--;
      break;

    case MD_BLOCK_H:
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML:
    case MD_BLOCK_P:
      close_block (self);
      break;

    case MD_BLOCK_TABLE:
      self->table = NULL;
      break;

    case MD_BLOCK_TR:
      /* md4c gives every row n_columns cells; the GtkGrid counts on it */
      if (self->table != NULL && self->table->rows->len > 0)
        {
          GPtrArray *row = g_ptr_array_index (self->table->rows, self->table->rows->len - 1);

          while (row->len < self->table->n_columns)
            g_ptr_array_add (row, runs_new ());
          g_ptr_array_set_size (row, self->table->n_columns);
        }
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (self->cell != NULL)
        {
          end_target (self);
          self->cell = NULL;
        }
      break;

    case MD_BLOCK_DOC:
    case MD_BLOCK_HR:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
      break;
    }

  return 0;
}

static int
on_enter_span (MD_SPANTYPE  type,
               void         *detail,
               void         *user_data)
{
  Builder *self = user_data;

  switch (type)
    {
    case MD_SPAN_EM:
      self->emphasis++;
      break;
    case MD_SPAN_STRONG:
      self->strong++;
      break;
    case MD_SPAN_CODE:
      self->code++;
      break;
    case MD_SPAN_DEL:
      self->strikethrough++;
      break;
    case MD_SPAN_A:
      {
        g_autoptr(GString) href = g_string_new (NULL);

        if (!civic_markdown_append_attribute (href, &((MD_SPAN_A_DETAIL *) detail)->href,
                                              self->input_size))
          return -1;
        g_ptr_array_add (self->links, g_string_free (g_steal_pointer (&href), FALSE));
      }
      break;
    /* An image is shown as its description: the preview loads nothing
     * from outside, as the public page does not. */
    case MD_SPAN_IMG:
    default:
      break;
    }

  return 0;
}

static int
on_leave_span (MD_SPANTYPE  type,
               void         *detail,
               void         *user_data)
{
  Builder *self = user_data;

  switch (type)
    {
    case MD_SPAN_EM:
      self->emphasis--;
      break;
    case MD_SPAN_STRONG:
      self->strong--;
      break;
    case MD_SPAN_CODE:
      self->code--;
      break;
    case MD_SPAN_DEL:
      self->strikethrough--;
      break;
    case MD_SPAN_A:
      if (self->links->len > 0)
        g_ptr_array_remove_index (self->links, self->links->len - 1);
      break;
    case MD_SPAN_IMG:
    default:
      break;
    }

  return 0;
}

static int
on_text (MD_TEXTTYPE  type,
         const char  *text,
         MD_SIZE      size,
         void        *user_data)
{
  Builder *self = user_data;

  if (civic_markdown_size_is_bogus (size, self->input_size))
    return -1;

  switch (type)
    {
    case MD_TEXT_SOFTBR:
      /* Two in a row cannot come; were they to, one space is enough */
      if (!self->soft_break)
        {
          current_runs (self);
          self->soft_break = TRUE;
          self->soft_break_style = current_style (self);
          self->soft_break_href = g_strdup (current_href (self));
        }
      break;

    case MD_TEXT_BR:
      append_text (self, "\n", 1);
      break;

    case MD_TEXT_NULLCHAR:
      append_text (self, "\xEF\xBF\xBD", 3);
      break;

    case MD_TEXT_ENTITY:
      {
        g_autoptr(GString) decoded = g_string_new (NULL);

        civic_markdown_append_entity (decoded, text, size);
        append_text (self, decoded->str, decoded->len);
      }
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      append_text (self, text, size);
      break;
    }

  return 0;
}

/**
 * civic_markdown_parse:
 * @text: Markdown (CommonMark with tables and ~~strikethrough~~; raw
 *   HTML is text)
 * @length: its length in bytes, or -1 if it is nul-terminated
 *
 * Returns: (transfer container) (element-type CivicMarkdownBlock): the
 *   blocks, in reading order; %NULL and %CIVIC_MARKDOWN_ERROR if @text is
 *   over %CIVIC_MARKDOWN_MAX_SIZE or not UTF-8
 */
GPtrArray *
civic_markdown_parse (const char  *text,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GArray) lists = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GString) run_text = NULL;
  g_autofree char *input = NULL;
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = CIVIC_MARKDOWN_PARSER_FLAGS,
    .enter_block = on_enter_block,
    .leave_block = on_leave_block,
    .enter_span = on_enter_span,
    .leave_span = on_leave_span,
    .text = on_text,
  };
  Builder builder = { 0 };
  MD_SIZE size;
  int result;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  input = civic_markdown_prepare_input (text, length, &size, error);
  if (input == NULL)
    return NULL;

  blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_markdown_block_free);
  lists = g_array_new (FALSE, FALSE, sizeof (List));
  links = g_ptr_array_new_with_free_func (g_free);
  run_text = g_string_new (NULL);

  builder.input_size = size;
  builder.blocks = blocks;
  builder.lists = lists;
  builder.links = links;
  builder.run_text = run_text;

  result = md_parse (input, size, &parser, &builder);
  close_block (&builder);
  g_free (builder.run_href);
  g_free (builder.soft_break_href);

  if (result != 0)
    {
      g_set_error_literal (error, CIVIC_MARKDOWN_ERROR, CIVIC_MARKDOWN_ERROR_FAILED,
                           _("The text could not be read as Markdown"));
      return NULL;
    }
  return g_steal_pointer (&blocks);
}

/**
 * civic_markdown_table_get_cell:
 *
 * Returns: (transfer none) (element-type CivicMarkdownRun): the runs of
 *   the cell at @row (0 is the header), @column
 */
GPtrArray *
civic_markdown_table_get_cell (const CivicMarkdownTable *table,
                               guint                     row,
                               guint                     column)
{
  GPtrArray *cells;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  cells = g_ptr_array_index (table->rows, row);
  return g_ptr_array_index (cells, column);
}

/**
 * civic_markdown_runs_to_text:
 * @runs: (element-type CivicMarkdownRun)
 *
 * Returns: (transfer full): the runs' text, without styles: a table
 *   cell's label, a heading's accessible name
 */
char *
civic_markdown_runs_to_text (GPtrArray *runs)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (runs != NULL, NULL);

  for (guint i = 0; i < runs->len; i++)
    g_string_append (out, ((CivicMarkdownRun *) g_ptr_array_index (runs, i))->text);
  return g_string_free (out, FALSE);
}

/* A tab or a line break inside a cell would read as the next cell or row */
static void
append_table (GString            *out,
              CivicMarkdownTable *table)
{
  for (guint row = 0; row < table->rows->len; row++)
    {
      if (row > 0)
        g_string_append_c (out, '\n');
      for (guint column = 0; column < table->n_columns; column++)
        {
          g_autofree char *cell =
            civic_markdown_runs_to_text (civic_markdown_table_get_cell (table, row, column));

          if (column > 0)
            g_string_append_c (out, '\t');
          g_strdelimit (cell, "\t\n", ' ');
          g_string_append (out, cell);
        }
    }
}

/**
 * civic_markdown_blocks_to_plain_text:
 * @blocks: (element-type CivicMarkdownBlock): from civic_markdown_parse()
 *
 * The text the privacy lint checks and the full-text search indexes: each
 * block's text on its own line(s), without list markers; a table's cells
 * separated by tabs and its rows by line breaks; a thematic break and an
 * empty list item are nothing.
 *
 * Returns: (transfer full): UTF-8 text
 */
char *
civic_markdown_blocks_to_plain_text (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;

  g_return_val_if_fail (blocks != NULL, NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      CivicMarkdownBlock *block = g_ptr_array_index (blocks, i);
      gsize before = out->len;

      if (!first)
        g_string_append_c (out, '\n');

      if (block->table != NULL)
        append_table (out, block->table);
      else
        for (guint j = 0; j < block->runs->len; j++)
          g_string_append (out, ((CivicMarkdownRun *) g_ptr_array_index (block->runs, j))->text);

      if (out->len == before + (first ? 0 : 1))
        g_string_truncate (out, before);
      else
        first = FALSE;
    }

  return g_string_free (out, FALSE);
}

/**
 * civic_markdown_to_plain_text:
 * @length: in bytes, or -1 if @text is nul-terminated
 *
 * Returns: (transfer full) (nullable): civic_markdown_blocks_to_plain_text()
 *   of @text, or %NULL and why in @error
 */
char *
civic_markdown_to_plain_text (const char  *text,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(GPtrArray) blocks = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  blocks = civic_markdown_parse (text, length, error);
  if (blocks == NULL)
    return NULL;
  return civic_markdown_blocks_to_plain_text (blocks);
}

/**
 * civic_markdown_link_is_safe:
 * @href: a link's destination, its entities decoded
 *
 * Whether a public page may link to @href and the preview may open it:
 * http:, https: and mailto: links, and relative ones that stay on the
 * service. Not javascript:, data:, vbscript: or file:, nor any other
 * scheme, nor "//host/…", which leaves the service for another host.
 *
 * Returns: %TRUE if @href is one of those
 */
gboolean
civic_markdown_link_is_safe (const char *href)
{
  static const char * const schemes[] = { "http", "https", "mailto", NULL };
  g_autoptr(GString) bare = g_string_new (NULL);
  gsize scheme_end;

  g_return_val_if_fail (href != NULL, FALSE);

  /* Browsers drop tabs and line breaks anywhere in a URL, and controls and
   * spaces at its ends, so "java\tscript:" and " javascript:" run script;
   * they read the scheme in any case. Every space and control is dropped
   * before the scheme is read: "java script:" would be a harmless relative
   * link in a browser, but nobody writes one, and being wrong the other
   * way round is a script on a public page. */
  for (const char *p = href; *p != '\0'; p++)
    if ((guchar) *p > 0x20 && *p != 0x7F)
      g_string_append_c (bare, g_ascii_tolower (*p));

  scheme_end = strcspn (bare->str, ":/?#");
  if (bare->str[scheme_end] == ':')
    {
      bare->str[scheme_end] = '\0';
      return g_strv_contains (schemes, bare->str);
    }

  /* "//host" and, to a browser, "\\host" and "/\host" name another host */
  return !((bare->str[0] == '/' || bare->str[0] == '\\') &&
           (bare->str[1] == '/' || bare->str[1] == '\\'));
}
