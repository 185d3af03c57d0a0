/* civic-markdown-html.c — a disclosure's Markdown as HTML for the public pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service serves a published disclosure's body to anyone
 * (decision 12), under the CSP "default-src 'none'; style-src 'self'".
 * md_html() links wherever a link says and loads every image, so this
 * renders md4c's callbacks itself. Its HTML is md_html()'s, byte for byte
 * (the tests compare them), but for:
 *
 *  - a link to anything but http:, https:, mailto: or a relative URL on
 *    the service is its text, without the link: an organ's draft, or an
 *    account that wrote it, must not put script or a download on a
 *    government page (civic_markdown_link_is_safe());
 *  - an image is its description: the page loads nothing from elsewhere,
 *    which the CSP would refuse anyway, and a reader is not tracked;
 *  - headings move down by heading_offset, so that "#" is an h2 under the
 *    page's own h1, as WCAG 1.3.1 wants of their order;
 *  - a header cell is <th scope="col">, and a column's alignment is a
 *    class, "align-right", not align="right" (obsolete in HTML 5, and its
 *    style equivalent is refused by the CSP).
 *
 * Text and attribute values are escaped as md_html() does, and raw HTML is
 * text (MD_FLAG_NOHTML). An entity outside civic-markdown.c's table keeps
 * its "&" as text, where md_html() would decode it, and "&#xD800;" is
 * U+FFFD, where md_html() writes bytes that are not UTF-8. Quotes and
 * lists nest as deep as the text says: a browser flattens what is deeper
 * than it takes.
 */

#define G_LOG_DOMAIN "civic-markdown"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"
#include "civic-markdown-html.h"
#include "civic-markdown-private.h"

typedef struct
{
  MD_SIZE  input_size;
  GString *out;
  guint    heading_offset;
  /* Inside an image's description, which is written as plain text */
  guint    image_depth;
  /* For each open link, whether it was written as <a> */
  GArray  *links;
} Renderer;

static void
append_escaped (GString    *out,
                const char *text,
                gsize       size)
{
  for (gsize i = 0; i < size; i++)
    switch (text[i])
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      default:
        g_string_append_c (out, text[i]);
        break;
      }
}

/* As md_html() does: a few URL characters stay, "&" is escaped for the
 * attribute, and every other byte (a quote, a space, UTF-8) is
 * percent-encoded, so the href is ASCII and cannot end its attribute. */
static void
append_url_escaped (GString    *out,
                    const char *url)
{
  for (const char *p = url; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || strchr ("-_.+!*(),%#@?=;:/$", *p) != NULL)
        g_string_append_c (out, *p);
      else if (*p == '&')
        g_string_append (out, "&amp;");
      else
        g_string_append_printf (out, "%%%02X", (guchar) *p);
    }
}

static const char *
align_class (MD_ALIGN align)
{
  switch (align)
    {
    case MD_ALIGN_LEFT:
      return " class=\"align-left\"";
    case MD_ALIGN_CENTER:
      return " class=\"align-center\"";
    case MD_ALIGN_RIGHT:
      return " class=\"align-right\"";
    case MD_ALIGN_DEFAULT:
    default:
      return "";
    }
}

static guint
heading_level (Renderer          *self,
               MD_BLOCK_H_DETAIL *detail)
{
  return CLAMP (detail->level + self->heading_offset, 1, 6);
}

static int
on_enter_block (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Renderer *self = user_data;

  switch (type)
    {
    case MD_BLOCK_DOC:
    case MD_BLOCK_HTML:
      break;
    case MD_BLOCK_QUOTE:
      g_string_append (self->out, "<blockquote>\n");
      break;
    case MD_BLOCK_UL:
      g_string_append (self->out, "<ul>\n");
      break;
    case MD_BLOCK_OL:
      if (((MD_BLOCK_OL_DETAIL *) detail)->start == 1)
        g_string_append (self->out, "<ol>\n");
      else
        g_string_append_printf (self->out, "<ol start=\"%u\">\n",
                                ((MD_BLOCK_OL_DETAIL *) detail)->start);
      break;
    case MD_BLOCK_LI:
      g_string_append (self->out, "<li>");
      break;
    case MD_BLOCK_HR:
      g_string_append (self->out, "<hr>\n");
      break;
    case MD_BLOCK_H:
      g_string_append_printf (self->out, "<h%u>", heading_level (self, detail));
      break;
    case MD_BLOCK_CODE:
      {
        MD_BLOCK_CODE_DETAIL *code = detail;

        g_string_append (self->out, "<pre><code");
        if (code->lang.text != NULL)
          {
            g_autoptr(GString) language = g_string_new (NULL);

            if (!civic_markdown_append_attribute (language, &code->lang, self->input_size))
              return -1;
            g_string_append (self->out, " class=\"language-");
            append_escaped (self->out, language->str, language->len);
            g_string_append_c (self->out, '"');
          }
        g_string_append_c (self->out, '>');
      }
      break;
    case MD_BLOCK_P:
      g_string_append (self->out, "<p>");
      break;
    case MD_BLOCK_TABLE:
      g_string_append (self->out, "<table>\n");
      break;
    case MD_BLOCK_THEAD:
      g_string_append (self->out, "<thead>\n");
      break;
    case MD_BLOCK_TBODY:
      g_string_append (self->out, "<tbody>\n");
      break;
    case MD_BLOCK_TR:
      g_string_append (self->out, "<tr>\n");
      break;
    /* Markdown's only header row is the columns' */
    case MD_BLOCK_TH:
      g_string_append_printf (self->out, "<th scope=\"col\"%s>",
                              align_class (((MD_BLOCK_TD_DETAIL *) detail)->align));
      break;
    case MD_BLOCK_TD:
      g_string_append_printf (self->out, "<td%s>",
                              align_class (((MD_BLOCK_TD_DETAIL *) detail)->align));
      break;
    }

  return 0;
}

static int
on_leave_block (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Renderer *self = user_data;

  switch (type)
    {
    case MD_BLOCK_DOC:
    case MD_BLOCK_HTML:
    case MD_BLOCK_HR:
      break;
    case MD_BLOCK_QUOTE:
      g_string_append (self->out, "</blockquote>\n");
      break;
    case MD_BLOCK_UL:
      g_string_append (self->out, "</ul>\n");
      break;
    case MD_BLOCK_OL:
      g_string_append (self->out, "</ol>\n");
      break;
    case MD_BLOCK_LI:
      g_string_append (self->out, "</li>\n");
      break;
    case MD_BLOCK_H:
      g_string_append_printf (self->out, "</h%u>\n", heading_level (self, detail));
      break;
    case MD_BLOCK_CODE:
      g_string_append (self->out, "</code></pre>\n");
      break;
    case MD_BLOCK_P:
      g_string_append (self->out, "</p>\n");
      break;
    case MD_BLOCK_TABLE:
      g_string_append (self->out, "</table>\n");
      break;
    case MD_BLOCK_THEAD:
      g_string_append (self->out, "</thead>\n");
      break;
    case MD_BLOCK_TBODY:
      g_string_append (self->out, "</tbody>\n");
      break;
    case MD_BLOCK_TR:
      g_string_append (self->out, "</tr>\n");
      break;
    case MD_BLOCK_TH:
      g_string_append (self->out, "</th>\n");
      break;
    case MD_BLOCK_TD:
      g_string_append (self->out, "</td>\n");
      break;
    }

  return 0;
}

static gboolean
open_link (Renderer         *self,
           MD_SPAN_A_DETAIL *detail)
{
  g_autoptr(GString) href = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  gboolean written = FALSE;

  /* Entities are decoded first: "javascript&#58;" is javascript: to a
   * browser */
  if (!civic_markdown_append_attribute (href, &detail->href, self->input_size) ||
      !civic_markdown_append_attribute (title, &detail->title, self->input_size))
    return FALSE;

  if (civic_markdown_link_is_safe (href->str))
    {
      g_string_append (self->out, "<a href=\"");
      append_url_escaped (self->out, href->str);
      if (detail->title.text != NULL)
        {
          g_string_append (self->out, "\" title=\"");
          append_escaped (self->out, title->str, title->len);
        }
      g_string_append (self->out, "\">");
      written = TRUE;
    }
  g_array_append_val (self->links, written);
  return TRUE;
}

static int
on_enter_span (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Renderer *self = user_data;

  /* A description is text, as md_html() writes it into alt="" */
  if (self->image_depth > 0)
    {
      if (type == MD_SPAN_IMG)
        self->image_depth++;
      return 0;
    }

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (self->out, "<em>");
      break;
    case MD_SPAN_STRONG:
      g_string_append (self->out, "<strong>");
      break;
    case MD_SPAN_A:
      if (!open_link (self, detail))
        return -1;
      break;
    case MD_SPAN_IMG:
      self->image_depth++;
      break;
    case MD_SPAN_CODE:
      g_string_append (self->out, "<code>");
      break;
    case MD_SPAN_DEL:
      g_string_append (self->out, "<del>");
      break;
    /* Not with CIVIC_MARKDOWN_PARSER_FLAGS */
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    case MD_SPAN_U:
    default:
      break;
    }

  return 0;
}

static int
on_leave_span (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Renderer *self = user_data;

  if (self->image_depth > 0)
    {
      if (type == MD_SPAN_IMG)
        self->image_depth--;
      return 0;
    }

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (self->out, "</em>");
      break;
    case MD_SPAN_STRONG:
      g_string_append (self->out, "</strong>");
      break;
    case MD_SPAN_A:
      if (self->links->len > 0)
        {
          if (g_array_index (self->links, gboolean, self->links->len - 1))
            g_string_append (self->out, "</a>");
          g_array_set_size (self->links, self->links->len - 1);
        }
      break;
    case MD_SPAN_CODE:
      g_string_append (self->out, "</code>");
      break;
    case MD_SPAN_DEL:
      g_string_append (self->out, "</del>");
      break;
    case MD_SPAN_IMG:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    case MD_SPAN_U:
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
  Renderer *self = user_data;

  if (civic_markdown_size_is_bogus (size, self->input_size))
    return -1;

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      civic_markdown_append_replacement (self->out);
      break;
    case MD_TEXT_BR:
      g_string_append (self->out, self->image_depth == 0 ? "<br>\n" : " ");
      break;
    /* A browser does not join Chinese lines (Firefox does), but this is
     * md_html()'s output; civic-markdown.c's plain text joins them. */
    case MD_TEXT_SOFTBR:
      g_string_append (self->out, self->image_depth == 0 ? "\n" : " ");
      break;
    case MD_TEXT_ENTITY:
      {
        g_autoptr(GString) decoded = g_string_new (NULL);

        civic_markdown_append_entity (decoded, text, size);
        append_escaped (self->out, decoded->str, decoded->len);
      }
      break;
    /* md_html() writes MD_TEXT_HTML as it is; it cannot come with
     * MD_FLAG_NOHTML, and would be text if it did */
    case MD_TEXT_HTML:
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
    default:
      append_escaped (self->out, text, size);
      break;
    }

  return 0;
}

/**
 * civic_markdown_to_html:
 * @text: Markdown, as civic_markdown_parse() reads it
 * @length: in bytes, or -1 if @text is nul-terminated
 * @heading_offset: how many levels headings move down: 1 makes "#" an
 *   h2; none goes below h6
 *
 * Returns: (transfer full) (nullable): an HTML fragment, safe to serve in
 *   a page's body, or %NULL and %CIVIC_MARKDOWN_ERROR as
 *   civic_markdown_parse() gives
 */
char *
civic_markdown_to_html (const char  *text,
                        gssize       length,
                        guint        heading_offset,
                        GError     **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) links = NULL;
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = CIVIC_MARKDOWN_PARSER_FLAGS,
    .enter_block = on_enter_block,
    .leave_block = on_leave_block,
    .enter_span = on_enter_span,
    .leave_span = on_leave_span,
    .text = on_text,
  };
  Renderer renderer = { 0 };
  g_autofree char *input = NULL;
  MD_SIZE size;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  input = civic_markdown_prepare_input (text, length, &size, error);
  if (input == NULL)
    return NULL;

  out = g_string_sized_new (size + size / 4);
  links = g_array_new (FALSE, FALSE, sizeof (gboolean));
  renderer.input_size = size;
  renderer.out = out;
  renderer.heading_offset = MIN (heading_offset, 5);
  renderer.links = links;

  if (md_parse (input, size, &parser, &renderer) != 0)
    {
      g_set_error_literal (error, CIVIC_MARKDOWN_ERROR, CIVIC_MARKDOWN_ERROR_FAILED,
                           _("The text could not be read as Markdown"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
