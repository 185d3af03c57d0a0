/* civic-document-render.c — a formal document, laid out and rendered to PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout follows GB/T 9704-2012 (党政机关公文格式) where a notice of
 * a licensing authority has the same parts:
 *
 *   - the page: A4, the text area 156 × 225 mm at 37 mm from the top and
 *     28 mm from the binding edge (§5.2); 22 lines of 28 characters of 3号
 *     (16 pt) 仿宋 (§5.2.2), so characters sit on a grid: 225 mm / 22 a
 *     line, 156 mm / 28 a character;
 *   - the head (版头, §7.2): the organ's mark in red, the document number
 *     (发文字号, "湘市监补〔2026〕3号") centred below it, and the red
 *     separator 4 mm under the number across the text area;
 *   - the title in 2号 (22 pt) 小标宋, centred, two lines under the
 *     separator (§7.3.1); the addressee flush left one line below it
 *     (§7.3.2); paragraphs indented two characters (§7.3.3);
 *   - the organ's name as signature centred over the date, the date
 *     four characters from the right (§7.3.5.1), the seal pressing both;
 *     a note (附注) in brackets under the date, indented two characters;
 *   - the page number, 4号 (14 pt), "— 1 —", 7 mm under the text area,
 *     right on odd pages and left on even ones (§7.5).
 *
 * The faces are the closest free ones Debian ships: Noto Serif CJK for
 * 宋体 and 仿宋, Noto Sans CJK for 黑体, AR PL UKai for 楷体. Pango breaks
 * the lines, Chinese and mixed text alike, and Cairo writes the PDF with
 * the faces embedded, so the document prints the same everywhere.
 *
 * Below the text of the last page comes what no standard of 2012 has: the
 * verification code and a QR code holding the address where anyone can
 * check the document was issued (civic-documents.c in the service). A
 * draft has neither, and a watermark says it is one.
 */

#define G_LOG_DOMAIN "civic-render"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <string.h>

#include "civic-document-render.h"
#include "civic-i18n.h"

#define MM(x) ((x) * 72.0 / 25.4)

#define PAGE_WIDTH     MM (CIVIC_PAGE_WIDTH_MM)
#define PAGE_HEIGHT    MM (CIVIC_PAGE_HEIGHT_MM)
#define TEXT_LEFT      MM (CIVIC_MARGIN_LEFT_MM)
#define TEXT_TOP       MM (CIVIC_MARGIN_TOP_MM)
#define TEXT_WIDTH     MM (CIVIC_TEXT_WIDTH_MM)
#define TEXT_HEIGHT    MM (CIVIC_TEXT_HEIGHT_MM)
#define TEXT_BOTTOM    (TEXT_TOP + TEXT_HEIGHT)

/* Chinese: 3号 on the standard's grid. English: a smaller size, so a
 * line holds about as many words as a Chinese one holds characters. */
#define BODY_SIZE_ZH   16.0
#define BODY_SIZE_EN   12.5
#define TITLE_SIZE     22.0
#define MARK_SIZE      26.0
#define FOLIO_SIZE     14.0
#define SMALL_SIZE     10.5   /* 五号 */

#define QR_SIDE        MM (20.0)
#define CODE_SIZE      9.0    /* 小五号 */
#define VERIFICATION_WIDTH MM (100.0)

/* What the layout pass puts where; the paint pass draws them page by
 * page. Laying out first lets the signature take the last lines of the
 * text with it to a new page (§7.3.5.1: no page with the seal alone). */
typedef enum
{
  PLACED_LINE,
  PLACED_RULE,
  PLACED_QR,
} PlacedKind;

typedef struct
{
  PlacedKind     kind;
  guint          page;
  double         x;
  double         y;        /* a line's baseline; a rule's or a QR code's top */
  double         top;      /* a line's: the top of its line of the grid */
  double         width;    /* a rule's length, a QR code's side */
  double         rgba[4];
  PangoLayout   *layout;   /* LINE: the layout, and which of its lines */
  int            line;
  char          *qr;       /* QR: what it holds */
} Placed;

typedef struct
{
  const CivicDocumentText *text;
  gboolean         english;
  cairo_t         *cr;
  PangoContext    *context;
  double           size;       /* the body's */
  double           pitch;      /* a line of the grid */
  double           em;         /* a character of the grid */
  double           y;          /* the top of the next line */
  guint            page;
  /* Where the text across the whole width ends on the last page, and
   * where the signature and date begin: the verification sits left of
   * them, below the text */
  double           full_end;
  double           signature_x;
  gboolean         no_page_break;   /* the verification stays where it is put */
  double           rgba[4];         /* what is placed next is in this colour */
  GArray          *placed;          /* Placed */
  guint            body_start;      /* the first placed line of the text's last block */
} Render;

static void
placed_clear (Placed *placed)
{
  g_clear_object (&placed->layout);
  g_clear_pointer (&placed->qr, g_free);
}

static void
set_colour (Render *render,
            double  r,
            double  g,
            double  b)
{
  render->rgba[0] = r;
  render->rgba[1] = g;
  render->rgba[2] = b;
  render->rgba[3] = 1.0;
}

static Placed *
place (Render     *render,
       PlacedKind  kind,
       double      x,
       double      y)
{
  Placed placed = { kind, render->page, x, y };

  memcpy (placed.rgba, render->rgba, sizeof placed.rgba);
  g_array_append_val (render->placed, placed);
  return &g_array_index (render->placed, Placed, render->placed->len - 1);
}

/* Fonts */

static const char *
face_package (const char *family)
{
  return g_str_equal (family, CIVIC_FACE_KAI) ? "fonts-arphic-ukai" : "fonts-noto-cjk";
}

static gboolean
check_face (PangoFontMap *map,
            const char   *family,
            GError      **error)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (map, &families, &n);
  for (int i = 0; i < n && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0;
  g_free (families);

  if (!found)
    g_set_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_FONT,
                 _("The font “%s” that documents are set in is not installed (Debian package %s)"),
                 family, face_package (family));
  return found;
}

static gboolean
check_faces (const CivicDocumentText *text,
             GError                 **error)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  gboolean sans = text->number == NULL, kai = FALSE;   /* a draft's watermark */

  for (guint i = 0; text != NULL && i < text->blocks->len; i++)
    {
      CivicDocumentBlock *block = g_ptr_array_index (text->blocks, i);

      sans |= block->style == CIVIC_BLOCK_HEADING;
      kai |= block->style == CIVIC_BLOCK_KAI;
    }

  return check_face (map, CIVIC_FACE_SERIF, error) &&
         (!sans || check_face (map, CIVIC_FACE_SANS, error)) &&
         (!kai || check_face (map, CIVIC_FACE_KAI, error));
}

/**
 * civic_document_check_fonts:
 *
 * Returns: whether every face a document may be set in is installed; if
 * not, @error names the missing one and its package
 */
gboolean
civic_document_check_fonts (GError **error)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();

  return check_face (map, CIVIC_FACE_SERIF, error) && check_face (map, CIVIC_FACE_SANS, error) &&
         check_face (map, CIVIC_FACE_KAI, error);
}

/* Text */

/* A case number, a date in figures, a credit code: a run of Latin letters,
 * figures and hyphens is not broken across lines, where a reader would
 * take the hyphen for a hyphenation (a run longer than a third of a line,
 * an address, may be) */
static void
keep_identifiers_whole (PangoAttrList *attrs,
                        const char    *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;

      while (g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '/')
        p++;
      if (p - start > 1 && p - start <= 24)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          attr->start_index = start - text;
          attr->end_index = p - text;
          pango_attr_list_insert (attrs, attr);
        }
      if (p == start)
        p = g_utf8_next_char (p);
    }
}

static PangoLayout *
make_layout (Render     *render,
             const char *text,
             const char *family,
             double      size,
             PangoWeight weight,
             double      width,
             gboolean    on_grid)
{
  PangoLayout *layout = pango_layout_new (render->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Chinese breaks between any two characters; English between words,
   * never with a hyphen Pango would add: an added hyphen has no letter
   * behind it, and a reader copying the text out of the PDF (or checking
   * a code in it) would get a wrong one */
  pango_layout_set_wrap (layout, render->english ? PANGO_WRAP_WORD : PANGO_WRAP_WORD_CHAR);
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));

  /* 28 characters to a line of 156 mm: each a little narrower than its
   * 16 pt, as the standard's grid has them */
  if (on_grid && !render->english)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (
                              (int) ((render->em - size) * PANGO_SCALE)));
  keep_identifiers_whole (attrs, text);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
set_red (Render *render)
{
  /* The red of a 红头: pure, as printed in spot red */
  set_colour (render, 0.90, 0.0, 0.0);
}

static void
draw_folio (Render *render,
            guint   page)
{
  g_autofree char *folio = g_strdup_printf ("— %u —", page);
  g_autoptr(PangoLayout) layout = make_layout (render, folio, CIVIC_FACE_SERIF, FOLIO_SIZE,
                                               PANGO_WEIGHT_NORMAL, TEXT_WIDTH, FALSE);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  cairo_set_source_rgb (render->cr, 0, 0, 0);
  /* Odd pages on the right, one character in; even ones on the left */
  cairo_move_to (render->cr,
                 page % 2 == 1 ? TEXT_LEFT + TEXT_WIDTH - FOLIO_SIZE - width
                                       : TEXT_LEFT + FOLIO_SIZE,
                 TEXT_BOTTOM + MM (7.0));
  pango_cairo_show_layout (render->cr, layout);
}

static void
draw_watermark (Render *render)
{
  g_autoptr(PangoLayout) layout = make_layout (render, render->english ? "DRAFT" : "草稿",
                                               CIVIC_FACE_SANS, 120.0, PANGO_WEIGHT_BOLD,
                                               PAGE_WIDTH * 2, FALSE);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_save (render->cr);
  cairo_translate (render->cr, PAGE_WIDTH / 2, PAGE_HEIGHT / 2);
  cairo_rotate (render->cr, -G_PI / 5);
  cairo_move_to (render->cr, -width / 2.0, -height / 2.0);
  cairo_set_source_rgba (render->cr, 0.5, 0.5, 0.5, 0.18);
  pango_cairo_show_layout (render->cr, layout);
  cairo_restore (render->cr);
}

static void
start_page (Render *render)
{
  render->page++;
  render->y = TEXT_TOP;
}

/* Sets each line of @layout on the next line of the grid (or on lines of
 * @pitch), at @x, turning the page when the text area is full. */
static void
show_lines (Render      *render,
            PangoLayout *layout,
            double       x,
            double       pitch)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int index = 0;

  do
    {
      PangoRectangle logical;
      double baseline;
      Placed *placed;

      if (render->y + pitch > TEXT_BOTTOM + 0.5 && !render->no_page_break)
        start_page (render);

      /* In the layout's own coordinates: with its alignment and indent */
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = (pango_layout_iter_get_baseline (iter) - logical.y) / (double) PANGO_SCALE;
      /* The line's box centred on its line of the grid */
      placed = place (render, PLACED_LINE, x + logical.x / (double) PANGO_SCALE,
                      render->y + (pitch - logical.height / (double) PANGO_SCALE) / 2.0 +
                      baseline);
      placed->top = render->y;
      placed->layout = g_object_ref (layout);
      placed->line = index++;
      render->y += pitch;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
skip_lines (Render *render,
            double  n)
{
  render->y += n * render->pitch;
}

static void
draw_head (Render *render)
{
  const CivicDocumentText *text = render->text;
  g_autoptr(PangoLayout) mark = make_layout (render, text->organ, CIVIC_FACE_SERIF, MARK_SIZE,
                                             PANGO_WEIGHT_BOLD, TEXT_WIDTH, FALSE);
  g_autoptr(PangoLayout) number = NULL;
  g_autoptr(PangoLayout) title = NULL;

  pango_layout_set_alignment (mark, PANGO_ALIGN_CENTER);
  set_red (render);
  show_lines (render, mark, TEXT_LEFT, MARK_SIZE * 1.4);

  skip_lines (render, 0.5);
  number = make_layout (render,
                        text->number ? text->number
                                     : render->english ? "[number pending]" : "〔待编号〕",
                        CIVIC_FACE_SERIF, render->size, PANGO_WEIGHT_NORMAL, TEXT_WIDTH, FALSE);
  pango_layout_set_alignment (number, PANGO_ALIGN_CENTER);
  set_colour (render, 0, 0, 0);
  show_lines (render, number, TEXT_LEFT, render->pitch);

  /* The separator, 4 mm under the number, as wide as the text */
  set_red (render);
  place (render, PLACED_RULE, TEXT_LEFT, render->y + MM (4.0) - render->pitch * 0.2)->width =
    TEXT_WIDTH;

  skip_lines (render, 1.0);
  title = make_layout (render, text->title, CIVIC_FACE_SERIF, TITLE_SIZE, PANGO_WEIGHT_BOLD,
                       TEXT_WIDTH - 2 * render->em, FALSE);
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  set_colour (render, 0, 0, 0);
  show_lines (render, title, TEXT_LEFT + render->em, TITLE_SIZE * 1.6);
  skip_lines (render, 1.0);
}

static void
draw_block (Render                   *render,
            const CivicDocumentBlock *block)
{
  const char *family = CIVIC_FACE_SERIF;
  double indent = 2 * render->em;
  g_autoptr(PangoLayout) layout = NULL;
  const char *words = block->text;

  switch (block->style)
    {
    case CIVIC_BLOCK_ADDRESSEE:
    case CIVIC_BLOCK_FIELD:
      indent = 0;
      break;
    case CIVIC_BLOCK_HEADING:
      family = CIVIC_FACE_SANS;
      break;
    case CIVIC_BLOCK_KAI:
      family = CIVIC_FACE_KAI;
      break;
    case CIVIC_BLOCK_NOTE:
    case CIVIC_BLOCK_PARAGRAPH:
    default:
      break;
    }

  layout = make_layout (render, words, family, render->size, PANGO_WEIGHT_NORMAL, TEXT_WIDTH,
                        TRUE);
  pango_layout_set_indent (layout, (int) (indent * PANGO_SCALE));
  /* Chinese fills the grid to the right edge; English is set ragged
   * right, as English letters are, rather than stretched between words */
  pango_layout_set_justify (layout, !render->english && (block->style == CIVIC_BLOCK_PARAGRAPH ||
                                                         block->style == CIVIC_BLOCK_KAI));
  set_colour (render, 0, 0, 0);
  render->body_start = render->placed->len;
  show_lines (render, layout, TEXT_LEFT, render->pitch);
}

/* No room for the signature and the seal under the text: the last two
 * lines of the text go over to the next page with them, so that the seal
 * never stands on a page of its own */
static void
keep_with_signature (Render *render)
{
  guint first = render->placed->len >= 2 ? render->placed->len - 2 : 0;
  guint page = render->page;

  first = MAX (first, render->body_start);
  start_page (render);
  for (guint i = first; i < render->placed->len; i++)
    {
      Placed *placed = &g_array_index (render->placed, Placed, i);

      if (placed->kind != PLACED_LINE || placed->page != page)
        continue;
      placed->page = render->page;
      placed->y += render->y - placed->top;
      placed->top = render->y;
      render->y += render->pitch;
    }
}

/* The signature centred over the date, the date four characters from the
 * right; the seal presses both, its top within a line of the text, so
 * two lines are left for it. The three stay on one page. */
static void
draw_signature (Render *render)
{
  const CivicDocumentText *text = render->text;
  g_autoptr(PangoLayout) date = make_layout (render, text->date, CIVIC_FACE_SERIF, render->size,
                                             PANGO_WEIGHT_NORMAL, TEXT_WIDTH, FALSE);
  g_autoptr(PangoLayout) signature = NULL;
  int date_width, signature_width;
  double date_x, centre, signature_x;

  if (render->y + 4 * render->pitch > TEXT_BOTTOM)
    keep_with_signature (render);
  render->full_end = render->y;
  skip_lines (render, 2.0);

  pango_layout_get_pixel_size (date, &date_width, NULL);
  date_x = TEXT_LEFT + TEXT_WIDTH - 4 * render->em - date_width;
  centre = date_x + date_width / 2.0;

  signature = make_layout (render, text->signature, CIVIC_FACE_SERIF, render->size,
                           PANGO_WEIGHT_NORMAL, TEXT_WIDTH, FALSE);
  pango_layout_get_pixel_size (signature, &signature_width, NULL);
  /* Centred over the date, unless that would run past the text's right
   * edge (an English organ's name is long) */
  signature_x = MAX (TEXT_LEFT, MIN (centre - signature_width / 2.0,
                                     TEXT_LEFT + TEXT_WIDTH - signature_width));
  render->signature_x = MIN (date_x, signature_x);
  set_colour (render, 0, 0, 0);
  show_lines (render, signature, signature_x, render->pitch);
  show_lines (render, date, date_x, render->pitch);
}

/* The code and the QR code at the foot of the last page's text area,
 * left of the signature and the date; where the text across the width
 * comes down that far, in the bottom margin, on the side the page number
 * leaves free */
static void
draw_verification (Render *render)
{
  const CivicDocumentText *text = render->text;
  g_autofree char *words = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double top = TEXT_BOTTOM - QR_SIDE;
  double left = TEXT_LEFT;
  double right, text_x;

  /* Too little room left of a long signature: below it instead */
  if (render->signature_x - MM (3.0) - (TEXT_LEFT + QR_SIDE + MM (3.0)) < MM (45.0))
    {
      render->full_end = MAX (render->full_end, render->y);
      render->signature_x = TEXT_LEFT + TEXT_WIDTH;
    }
  right = render->signature_x - MM (3.0);

  if (render->full_end > top)
    {
      top = TEXT_BOTTOM + MM (2.0);
      if (render->page % 2 == 0)
        left = TEXT_LEFT + TEXT_WIDTH - VERIFICATION_WIDTH;
      right = left + VERIFICATION_WIDTH;
    }

  if (text->code == NULL)
    words = g_strdup (render->english ? "Draft: not numbered, not issued, of no effect."
                                      : "草稿：未经编号签发，不具效力。");
  else if (render->english)
    words = g_strdup_printf ("Verification code %s\nCheck it by the QR code or at\n%s",
                             text->code, text->verify_url ? text->verify_url : "");
  else
    words = g_strdup_printf ("验证码：%s\n扫码或凭验证码核验：\n%s", text->code,
                             text->verify_url ? text->verify_url : "");

  text_x = left;
  if (text->code != NULL && text->verify_url != NULL)
    {
      Placed *placed;

      set_colour (render, 0, 0, 0);
      placed = place (render, PLACED_QR, left, top);
      placed->width = QR_SIDE;
      placed->qr = g_strdup (text->verify_url);
      text_x = left + QR_SIDE + MM (3.0);
    }

  layout = make_layout (render, words, CIVIC_FACE_SERIF, CODE_SIZE, PANGO_WEIGHT_NORMAL,
                        right - text_x, FALSE);
  render->y = top + MM (1.0);
  render->no_page_break = TRUE;
  set_colour (render, 0.2, 0.2, 0.2);
  show_lines (render, layout, text_x, CODE_SIZE * 1.4);
  render->no_page_break = FALSE;
}

static void
paint_qr (cairo_t      *cr,
          const Placed *placed)
{
  QRcode *qr = QRcode_encodeString (placed->qr, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module;

  if (qr == NULL)
    return;
  /* A module of quiet zone around it, as the code needs */
  module = placed->width / (qr->width + 2);
  for (int y = 0; y < qr->width; y++)
    for (int x = 0; x < qr->width; x++)
      if (qr->data[y * qr->width + x] & 1)
        cairo_rectangle (cr, placed->x + (x + 1) * module, placed->y + (y + 1) * module, module,
                         module);
  cairo_fill (cr);
  QRcode_free (qr);
}

/* Page by page: the watermark of a draft under everything, what was
 * placed on the page, its number */
static void
paint (Render *render)
{
  for (guint page = 1; page <= render->page; page++)
    {
      if (render->text->number == NULL)
        draw_watermark (render);

      for (guint i = 0; i < render->placed->len; i++)
        {
          Placed *placed = &g_array_index (render->placed, Placed, i);

          if (placed->page != page)
            continue;
          cairo_set_source_rgba (render->cr, placed->rgba[0], placed->rgba[1], placed->rgba[2],
                                 placed->rgba[3]);
          switch (placed->kind)
            {
            case PLACED_LINE:
              cairo_move_to (render->cr, placed->x, placed->y);
              pango_cairo_show_layout_line (render->cr,
                                            pango_layout_get_line_readonly (placed->layout,
                                                                            placed->line));
              break;
            case PLACED_RULE:
              cairo_set_line_width (render->cr, 1.0);
              cairo_move_to (render->cr, placed->x, placed->y);
              cairo_rel_line_to (render->cr, placed->width, 0);
              cairo_stroke (render->cr);
              break;
            case PLACED_QR:
            default:
              paint_qr (render->cr, placed);
              break;
            }
        }

      draw_folio (render, page);
      cairo_show_page (render->cr);
    }
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * civic_document_render_pdf:
 * @text: a filled document (civic_document_template_fill()); without a
 *   number it is a draft, and says so on every page
 * @n_pages: (out) (optional): how many pages it has
 *
 * Returns: (transfer full) (nullable): the PDF, or %NULL with @error (a
 * face not installed names its package)
 */
GBytes *
civic_document_render_pdf (const CivicDocumentText *text,
                           guint                   *n_pages,
                           GError                 **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Render render = { 0 };

  g_return_val_if_fail (text != NULL && text->organ != NULL && text->title != NULL, NULL);

  if (!check_faces (text, error))
    return NULL;

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, text->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, text->organ);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Civic Desk");
  if (text->number != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, text->number);

  render.text = text;
  render.placed = g_array_new (FALSE, TRUE, sizeof (Placed));
  g_array_set_clear_func (render.placed, (GDestroyNotify) placed_clear);
  render.english = text->language == CIVIC_DOCUMENT_LANGUAGE_EN;
  render.cr = cairo_create (surface);
  render.context = pango_cairo_create_context (render.cr);
  pango_context_set_language (render.context,
                              pango_language_from_string (render.english ? "en" : "zh-cn"));
  /* Glyph positions as the font has them, not rounded to device pixels:
   * the PDF has no pixels */
  pango_context_set_round_glyph_positions (render.context, FALSE);
  render.size = render.english ? BODY_SIZE_EN : BODY_SIZE_ZH;
  render.pitch = render.english ? TEXT_HEIGHT / 30 : TEXT_HEIGHT / CIVIC_LINES_PER_PAGE;
  render.em = render.english ? BODY_SIZE_EN : TEXT_WIDTH / CIVIC_CHARS_PER_LINE;

  start_page (&render);
  draw_head (&render);
  for (guint i = 0; i < text->blocks->len; i++)
    {
      CivicDocumentBlock *block = g_ptr_array_index (text->blocks, i);

      if (block->style == CIVIC_BLOCK_NOTE)
        continue;
      draw_block (&render, block);
    }
  draw_signature (&render);
  for (guint i = 0; i < text->blocks->len; i++)
    {
      CivicDocumentBlock *block = g_ptr_array_index (text->blocks, i);

      /* 附注: under the date, after a blank line */
      if (block->style == CIVIC_BLOCK_NOTE)
        {
          skip_lines (&render, 1.0);
          draw_block (&render, block);
          render.full_end = render.y;
        }
    }
  draw_verification (&render);
  paint (&render);

  g_array_unref (render.placed);
  g_object_unref (render.context);
  cairo_destroy (render.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_TEMPLATE,
                   _("The document could not be rendered: %s"), cairo_status_to_string (status));
      return NULL;
    }

  if (n_pages != NULL)
    *n_pages = render.page;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
