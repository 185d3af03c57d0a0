/* bench-documents.c — documents rendered per second; "Issue" to preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two figures, each beside a reference run in the same process:
 *
 *   - documents per second: a correction notice filled from a case and
 *     laid out after GB/T 9704 (src/render), against the same paragraphs
 *     set with bare Pango into a PDF, one layout after another (what any
 *     renderer must at least do);
 *   - "Issue" to preview: the draft drawn (fill, lay out, PDF) and its
 *     first page rasterised by poppler at the dialog's size, against the
 *     rasterising alone (what showing any PDF costs).
 *
 * Prints BENCH lines for bench/run.sh.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "civic-core.h"
#include "civic-document-render.h"

#define ROUNDS 60

static CivicCalendar *calendar;

static CivicCase *
correction_case (void)
{
  g_autoptr(GDateTime) received = civic_time_parse ("2026-03-02T10:00:00+08:00");
  g_autoptr(GDateTime) now = civic_time_parse ("2026-03-03T10:00:00+08:00");
  g_autoptr(CivicActor) clerk = civic_actor_new ("u-clerk", "王芳", "scjg", CIVIC_ROLE_CLERK);
  g_autoptr(JsonObject) args = civic_json_parse_object (
    "{\"missing\": [\"m2\", \"m3\"], \"note\": \"营业执照复印件须加盖公章。\"}", -1, NULL);
  CivicApplicant applicant = {
    CIVIC_APPLICANT_ORGANISATION, (char *) "长沙市岳麓区湘味餐饮有限公司",
    (char *) "91430104MA4L0XXX2K", (char *) "13812345678",
    (char *) "湖南省长沙市岳麓区麓山南路1号", (char *) "张三丰", FALSE
  };
  CivicCase *kase = civic_case_new ("case-1", "20260302-SCJG-000123", received);
  CivicWorkflowContext context;
  CivicCase *next;

  civic_case_set_item (kase, "430000-SCJG-XK-0001", "食品经营许可", CIVIC_ITEM_KIND_LICENSING,
                       20, 10, CIVIC_TRACK_ORDINARY, FALSE,
                       "《中华人民共和国食品安全法》第三十五条");
  civic_case_set_department (kase, "scjg", "湖南省市场监督管理局");
  civic_case_set_applicant (kase, &applicant);
  civic_case_add_material (kase, "m1", "食品经营许可申请书", TRUE, TRUE);
  civic_case_add_material (kase, "m2", "营业执照复印件", TRUE, FALSE);
  civic_case_add_material (kase, "m3", "与食品经营相适应的主要设备设施布局、操作流程等文件",
                           TRUE, FALSE);
  civic_case_start (kase, calendar);

  civic_workflow_context_init (&context, calendar, now, clerk);
  context.command_id = "cmd";
  next = civic_workflow_apply (kase, CIVIC_ACTION_REQUEST_CORRECTION, args, &context, NULL);
  g_assert (next != NULL);
  g_object_unref (kase);
  return next;
}

static CivicDocumentTemplate *
load_template (CivicDocumentKind kind)
{
  g_autofree char *path = g_build_filename (g_getenv ("CIVICDESK_TEMPLATE_DIR"),
                                            "documents-zh.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, NULL))
    g_error ("no templates at %s", path);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      CivicDocumentTemplate *template =
        civic_document_template_new_from_json (json_array_get_element (array, i), NULL);

      if (template != NULL && template->kind == kind)
        return template;
      civic_document_template_free (template);
    }
  g_error ("no template");
}

static CivicDocumentText *
fill (CivicCase                   *kase,
      const CivicDocumentTemplate *template,
      JsonObject                  *department,
      gboolean                     numbered)
{
  CivicCaseDocument document = { 0 };
  g_autoptr(GHashTable) values = NULL;
  CivicDocumentText *text;

  document.kind = template->kind;
  document.issued_on = civic_day_from_ymd (2026, 3, 3);
  document.number = numbered ? (char *) "湘市监补〔2026〕3号" : NULL;
  values = civic_case_document_values (kase, &document, department, calendar, NULL);
  text = civic_document_template_fill (template, values, NULL);
  if (numbered)
    {
      text->number = g_strdup (document.number);
      text->code = g_strdup ("7KQ2-M9XD-4TFA");
      text->verify_url = g_strdup ("https://zwfw.hunan.gov.cn/public/v1/documents/7KQ2-M9XD-4TFA");
    }
  return text;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The same words set one paragraph after another with Pango, nothing
 * more: no grid, no head, no page breaks kept with the signature */
static void
bare_pango (const CivicDocumentText *text)
{
  gsize written = 0;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, &written, 595.3, 841.9);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (
    CIVIC_FACE_SERIF " 16");
  double y = 105;

  for (guint i = 0; i <= text->blocks->len; i++)
    {
      const char *words = i == 0 ? text->title
                                 : ((CivicDocumentBlock *) g_ptr_array_index (text->blocks,
                                                                              i - 1))->text;
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      int height;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, 442 * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (layout, words, -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      if (y + height > 742)
        {
          cairo_show_page (cr);
          y = 105;
        }
      cairo_move_to (cr, 79, y);
      pango_cairo_show_layout (cr, layout);
      y += height;
    }
  cairo_show_page (cr);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

/* The first page, as the dialog shows it: 640 logical pixels wide, twice
 * for a HiDPI screen */
static void
raster_first_page (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, factor;

  g_assert (document != NULL);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  factor = 1280.0 / width;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, (int) (height * factor));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, factor, factor);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (document);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(CivicDocumentTemplate) template = NULL;
  g_autoptr(JsonObject) department = json_object_new ();
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GBytes) sample = NULL;
  double ours, bare, preview[ROUNDS], raster[ROUNDS];

  calendar = civic_calendar_new_default ("CN", NULL);
  g_assert (calendar != NULL);
  json_object_set_string_member (department, "name", "湖南省市场监督管理局");
  json_object_set_string_member (department, "short", "省市场监管局");
  kase = correction_case ();
  template = load_template (CIVIC_DOCUMENT_CORRECTION_NOTICE);

  /* Warm: the font map and the faces loaded once, as in a running service */
  {
    g_autoptr(CivicDocumentText) text = fill (kase, template, department, TRUE);

    sample = civic_document_render_pdf (text, NULL, NULL);
    bare_pango (text);
  }

  g_timer_start (timer);
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(CivicDocumentText) text = fill (kase, template, department, TRUE);
      g_autoptr(GBytes) pdf = civic_document_render_pdf (text, NULL, NULL);

      g_assert (pdf != NULL);
    }
  ours = g_timer_elapsed (timer, NULL) / ROUNDS;

  g_timer_start (timer);
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(CivicDocumentText) text = fill (kase, template, department, TRUE);

      bare_pango (text);
    }
  bare = g_timer_elapsed (timer, NULL) / ROUNDS;

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(CivicDocumentText) text = NULL;
      g_autoptr(GBytes) pdf = NULL;

      g_timer_start (timer);
      text = fill (kase, template, department, FALSE);
      pdf = civic_document_render_pdf (text, NULL, NULL);
      raster_first_page (pdf);
      preview[i] = g_timer_elapsed (timer, NULL);

      g_timer_start (timer);
      raster_first_page (sample);
      raster[i] = g_timer_elapsed (timer, NULL);
    }

  g_print ("BENCH documents_rendered_per_s %.0f docs/s\n", 1.0 / ours);
  g_print ("BENCH documents_render_vs_bare_pango %.2f x\n", ours / bare);
  g_print ("BENCH issue_to_preview_median %.1f ms\n", 1000.0 * median (preview, ROUNDS));
  g_print ("BENCH issue_to_preview_vs_raster_only %.2f x\n",
           median (preview, ROUNDS) / median (raster, ROUNDS));

  g_object_unref (calendar);
  return 0;
}
