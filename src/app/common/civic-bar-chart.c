/* civic-bar-chart.c — a few figures as horizontal bars, with their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-bar-chart.h"

/* Each figure on its own line: its label, a bar as long as its share of
 * the largest, and its value in words. The colours come from the theme
 * (success, warning, error, accent), so the chart follows the dark style
 * and high contrast; and what it shows is said once more as text, the
 * accessible name of an image, so a screen reader reads the figures
 * rather than a picture of them. */

#define ROW_SPACING 8
#define COLUMN_SPACING 12
#define BAR_HEIGHT 12
#define BAR_MIN_WIDTH 120

typedef struct
{
  char         *label;
  double        value;
  char         *value_text;
  CivicBarTone  tone;
} Bar;

struct _CivicBarChart
{
  GtkWidget  parent_instance;

  char      *title;
  GArray    *bars;  /* Bar */
  char      *text;
  double     maximum;  /* the full bar's value; the largest bar's when 0 */
};

G_DEFINE_FINAL_TYPE (CivicBarChart, civic_bar_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->value_text);
}

/* The text alternative: "Ratings: Very satisfied 12; Satisfied 3; …" */
static void
update_text (CivicBarChart *self)
{
  g_autoptr(GString) text = g_string_new (self->title);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      if (text->len > 0)
        g_string_append (text, i == 0 ? _(": ") : _("; "));
      /* Translators: one figure of a chart, read out: "Very satisfied 12" */
      g_string_append_printf (text, _("%s %s"), bar->label, bar->value_text);
    }
  g_free (self->text);
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text, -1);
}

static int
text_width (CivicBarChart *self,
            const char    *text,
            int           *height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, h;

  pango_layout_get_pixel_size (layout, &width, &h);
  if (height != NULL)
    *height = MAX (*height, h);
  return width;
}

/* The widths of the label and value columns, and a line's height */
static void
measure_columns (CivicBarChart *self,
                 int           *label_width,
                 int           *value_width,
                 int           *line_height)
{
  *label_width = *value_width = 0;
  *line_height = BAR_HEIGHT;
  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      *label_width = MAX (*label_width, text_width (self, bar->label, line_height));
      *value_width = MAX (*value_width, text_width (self, bar->value_text, line_height));
    }
}

static void
civic_bar_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CivicBarChart *self = CIVIC_BAR_CHART (widget);
  int label_width, value_width, line_height;

  measure_columns (self, &label_width, &value_width, &line_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = label_width + value_width + 2 * COLUMN_SPACING + BAR_MIN_WIDTH;
      *natural = *minimum + 2 * BAR_MIN_WIDTH;
    }
  else
    {
      guint n = self->bars->len;

      *minimum = *natural = n > 0 ? (int) n * line_height + (int) (n - 1) * ROW_SPACING : 0;
    }
}

static GdkRGBA
tone_color (CivicBarChart *self,
            CivicBarTone   tone)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  const char *names[] = { "accent_bg_color", "success_color", "warning_color", "error_color" };
  GdkRGBA color = { 0.2, 0.5, 0.9, 1.0 };

  gtk_style_context_lookup_color (context, names[tone], &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static void
civic_bar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CivicBarChart *self = CIVIC_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int label_width, value_width, line_height, track;
  double largest = 0;
  GdkRGBA fg, faint;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  faint = fg;
  faint.alpha *= 0.1f;

  measure_columns (self, &label_width, &value_width, &line_height);
  track = MAX (0, width - label_width - value_width - 2 * COLUMN_SPACING);
  for (guint i = 0; i < self->bars->len; i++)
    largest = MAX (largest, g_array_index (self->bars, Bar, i).value);
  if (self->maximum > 0)
    largest = MAX (largest, self->maximum);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      int y = (int) i * (line_height + ROW_SPACING);
      int bar_y = y + (line_height - BAR_HEIGHT) / 2;
      int length = largest > 0 ? (int) (track * bar->value / largest + 0.5) : 0;
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
      int track_x = rtl ? value_width + COLUMN_SPACING : label_width + COLUMN_SPACING;
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (widget, bar->label);
      g_autoptr(PangoLayout) value = gtk_widget_create_pango_layout (widget, bar->value_text);
      GdkRGBA color = tone_color (self, bar->tone);
      int text_height, text_width_px;

      gtk_snapshot_append_color (snapshot, &faint,
                                 &GRAPHENE_RECT_INIT (track_x, bar_y, track, BAR_HEIGHT));
      if (bar->value > 0)
        length = MAX (length, 2);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (rtl ? track_x + track - length : track_x,
                                                      bar_y, length, BAR_HEIGHT));

      pango_layout_get_pixel_size (label, &text_width_px, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (rtl ? width - text_width_px : 0,
                                                    y + (line_height - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, label, &fg);
      gtk_snapshot_restore (snapshot);

      pango_layout_get_pixel_size (value, &text_width_px, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (rtl ? 0 : width - text_width_px,
                                                    y + (line_height - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, value, &fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
civic_bar_chart_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (civic_bar_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

GtkWidget *
civic_bar_chart_new (void)
{
  return g_object_new (CIVIC_TYPE_BAR_CHART, NULL);
}

/**
 * civic_bar_chart_set_title:
 *
 * What the chart shows, the start of its text alternative.
 */
void
civic_bar_chart_set_title (CivicBarChart *self,
                           const char    *title)
{
  g_return_if_fail (CIVIC_IS_BAR_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_text (self);
}

void
civic_bar_chart_clear (CivicBarChart *self)
{
  g_return_if_fail (CIVIC_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  update_text (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * civic_bar_chart_add:
 * @value: how long the bar is, against the largest; not negative
 * @value_text: the value as the official reads it: "12", "92%"
 */
void
civic_bar_chart_add (CivicBarChart *self,
                     const char    *label,
                     double         value,
                     const char    *value_text,
                     CivicBarTone   tone)
{
  Bar bar = { g_strdup (label), MAX (value, 0), g_strdup (value_text), tone };

  g_return_if_fail (CIVIC_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL && value_text != NULL);

  g_array_append_val (self->bars, bar);
  update_text (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * civic_bar_chart_set_maximum:
 * @maximum: the value of a full bar, as 100 for shares in per cent; 0 for
 *   the largest bar's
 */
void
civic_bar_chart_set_maximum (CivicBarChart *self,
                             double         maximum)
{
  g_return_if_fail (CIVIC_IS_BAR_CHART (self));

  self->maximum = MAX (maximum, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
civic_bar_chart_get_n_bars (CivicBarChart *self)
{
  g_return_val_if_fail (CIVIC_IS_BAR_CHART (self), 0);
  return self->bars->len;
}

/**
 * civic_bar_chart_get_text:
 *
 * Returns: what the chart shows, in words: its accessible name
 */
const char *
civic_bar_chart_get_text (CivicBarChart *self)
{
  g_return_val_if_fail (CIVIC_IS_BAR_CHART (self), NULL);
  return self->text;
}

static void
civic_bar_chart_finalize (GObject *object)
{
  CivicBarChart *self = CIVIC_BAR_CHART (object);

  g_free (self->title);
  g_free (self->text);
  g_array_unref (self->bars);
  G_OBJECT_CLASS (civic_bar_chart_parent_class)->finalize (object);
}

static void
civic_bar_chart_class_init (CivicBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = civic_bar_chart_finalize;
  widget_class->measure = civic_bar_chart_measure;
  widget_class->snapshot = civic_bar_chart_snapshot;
  widget_class->css_changed = civic_bar_chart_css_changed;
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
civic_bar_chart_init (CivicBarChart *self)
{
  self->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->title = g_strdup ("");
  self->text = g_strdup ("");
}
