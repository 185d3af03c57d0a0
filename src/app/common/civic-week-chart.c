/* civic-week-chart.c — figures week by week as columns, with their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-week-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-week-chart.h"

/* A few series of weekly figures (went overdue; bad ratings, rectified,
 * late) side by side in each week's column, a baseline, the largest
 * value on the left and the first and last weeks under it, and a legend
 * of the series in their colours. The colours are the theme's, so the
 * chart follows the dark style and high contrast; and everything it
 * shows is said again as its accessible name, week by week, so a screen
 * reader reads the figures and not a picture of them. */

#define CHART_HEIGHT 120
#define AXIS_GAP 6
#define LEGEND_GAP 12
#define SWATCH 10
#define COLUMN_GAP 3
#define MIN_COLUMN 4

typedef struct
{
  char         *label;
  CivicBarTone  tone;
  GArray       *values;  /* double, one per week */
} Series;

struct _CivicWeekChart
{
  GtkWidget  parent_instance;

  char      *title;
  GPtrArray *weeks;   /* char *, as the official reads the week */
  GPtrArray *series;  /* Series */
  char      *text;
};

G_DEFINE_FINAL_TYPE (CivicWeekChart, civic_week_chart, GTK_TYPE_WIDGET)

static void
series_free (Series *series)
{
  g_free (series->label);
  g_array_unref (series->values);
  g_free (series);
}

static char *
format_value (double value)
{
  return value == (gint64) value ? g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value)
                                 : g_strdup_printf ("%.1f", value);
}

/* "Went overdue by week: week of 2026-01-05, Cases 3, Messages 1; …" */
static void
update_text (CivicWeekChart *self)
{
  g_autoptr(GString) text = g_string_new (self->title);

  for (guint w = 0; w < self->weeks->len; w++)
    {
      g_string_append (text, w == 0 ? _(": ") : _("; "));
      g_string_append (text, g_ptr_array_index (self->weeks, w));
      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          g_autofree char *value = format_value (g_array_index (series->values, double, w));

          /* Translators: one figure of a week in a chart, read out: ", Cases 3" */
          g_string_append_printf (text, _(", %s %s"), series->label, value);
        }
    }
  g_free (self->text);
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text, -1);
}

static int
layout_height (GtkWidget  *widget,
               const char *text,
               int        *width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  return h;
}

static double
largest (CivicWeekChart *self)
{
  double max = 0;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint w = 0; w < series->values->len; w++)
        max = MAX (max, g_array_index (series->values, double, w));
    }
  return max;
}

static void
civic_week_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CivicWeekChart *self = CIVIC_WEEK_CHART (widget);
  int line = layout_height (widget, "0", NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint columns = self->weeks->len * MAX (self->series->len, 1);

      *minimum = 240;
      *natural = MAX (*minimum, (int) columns * (MIN_COLUMN + COLUMN_GAP) * 3);
    }
  else
    *minimum = *natural = CHART_HEIGHT + AXIS_GAP + line + LEGEND_GAP + line;
}

static GdkRGBA
tone_color (GtkWidget    *widget,
            CivicBarTone  tone)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const char *names[] = { "accent_bg_color", "success_color", "warning_color", "error_color" };
  GdkRGBA color = { 0.2, 0.5, 0.9, 1.0 };

  gtk_style_context_lookup_color (context, names[tone], &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static void
draw_text (GtkSnapshot   *snapshot,
           GtkWidget     *widget,
           const char    *text,
           int            x,
           int            y,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
civic_week_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CivicWeekChart *self = CIVIC_WEEK_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int line = layout_height (widget, "0", NULL);
  double max = largest (self);
  g_autofree char *max_text = format_value (max);
  int axis_width, plot_x, plot_width, slot, x, last_width;
  guint n_series = MAX (self->series->len, 1);
  GdkRGBA fg, faint;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  faint = fg;
  faint.alpha *= 0.15f;

  if (self->weeks->len == 0)
    return;

  /* The scale: the largest value beside the top, 0 at the baseline; and
   * when every figure is 0, that said in words over the empty plot */
  layout_height (widget, max_text, &axis_width);
  if (max > 0)
    draw_text (snapshot, widget, max_text, 0, 0, &fg);
  draw_text (snapshot, widget, "0", 0, CHART_HEIGHT - line, &fg);
  plot_x = axis_width + AXIS_GAP;
  plot_width = MAX (1, width - plot_x);
  if (max == 0)
    {
      const char *none = _("Nothing in these weeks");
      int none_width;
      GdkRGBA dim = fg;

      dim.alpha *= 0.55f;
      layout_height (widget, none, &none_width);
      draw_text (snapshot, widget, none, plot_x + (plot_width - none_width) / 2,
                 (CHART_HEIGHT - line) / 2, &dim);
    }
  slot = plot_width / (int) self->weeks->len;

  gtk_snapshot_append_color (snapshot, &faint,
                             &GRAPHENE_RECT_INIT (plot_x, CHART_HEIGHT - 1, plot_width, 1));
  gtk_snapshot_append_color (snapshot, &faint, &GRAPHENE_RECT_INIT (plot_x, 0, plot_width, 1));

  for (guint w = 0; w < self->weeks->len; w++)
    {
      int column = MAX (1, (slot - COLUMN_GAP * 2) / (int) n_series);

      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          double value = g_array_index (series->values, double, w);
          int height = max > 0 ? (int) ((CHART_HEIGHT - 2) * value / max + 0.5) : 0;
          GdkRGBA color = tone_color (widget, series->tone);

          if (value > 0)
            height = MAX (height, 2);
          x = plot_x + (int) w * slot + COLUMN_GAP + (int) s * column;
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (x, CHART_HEIGHT - 1 - height,
                                                          MAX (1, column - 1), height));
        }
    }

  /* The first and last weeks under the baseline */
  draw_text (snapshot, widget, g_ptr_array_index (self->weeks, 0), plot_x,
             CHART_HEIGHT + AXIS_GAP, &fg);
  if (self->weeks->len > 1)
    {
      const char *last = g_ptr_array_index (self->weeks, self->weeks->len - 1);

      layout_height (widget, last, &last_width);
      draw_text (snapshot, widget, last, width - last_width, CHART_HEIGHT + AXIS_GAP, &fg);
    }

  /* The legend */
  x = plot_x;
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      GdkRGBA color = tone_color (widget, series->tone);
      int y = CHART_HEIGHT + AXIS_GAP + line + LEGEND_GAP;
      int label_width;

      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (x, y + (line - SWATCH) / 2, SWATCH, SWATCH));
      layout_height (widget, series->label, &label_width);
      draw_text (snapshot, widget, series->label, x + SWATCH + 4, y, &fg);
      x += SWATCH + 4 + label_width + LEGEND_GAP;
    }
}

static void
civic_week_chart_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (civic_week_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

GtkWidget *
civic_week_chart_new (void)
{
  return g_object_new (CIVIC_TYPE_WEEK_CHART, NULL);
}

/**
 * civic_week_chart_set_title:
 *
 * What the chart shows, the start of its text alternative.
 */
void
civic_week_chart_set_title (CivicWeekChart *self,
                            const char     *title)
{
  g_return_if_fail (CIVIC_IS_WEEK_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_text (self);
}

/**
 * civic_week_chart_set_weeks:
 * @weeks: (array zero-terminated=1): each week as the official reads it
 *
 * The weeks, in order; the series are cleared.
 */
void
civic_week_chart_set_weeks (CivicWeekChart     *self,
                            const char * const *weeks)
{
  g_return_if_fail (CIVIC_IS_WEEK_CHART (self));

  g_ptr_array_set_size (self->weeks, 0);
  g_ptr_array_set_size (self->series, 0);
  for (guint i = 0; weeks != NULL && weeks[i] != NULL; i++)
    g_ptr_array_add (self->weeks, g_strdup (weeks[i]));
  update_text (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * civic_week_chart_add_series:
 * @values: (array length=n_values): one per week; missing ones are 0
 */
void
civic_week_chart_add_series (CivicWeekChart *self,
                             const char     *label,
                             CivicBarTone    tone,
                             const double   *values,
                             guint           n_values)
{
  Series *series;

  g_return_if_fail (CIVIC_IS_WEEK_CHART (self));
  g_return_if_fail (label != NULL);

  series = g_new0 (Series, 1);
  series->label = g_strdup (label);
  series->tone = tone;
  series->values = g_array_sized_new (FALSE, TRUE, sizeof (double), self->weeks->len);
  g_array_set_size (series->values, self->weeks->len);
  for (guint i = 0; i < MIN (n_values, self->weeks->len); i++)
    g_array_index (series->values, double, i) = MAX (values[i], 0);
  g_ptr_array_add (self->series, series);
  update_text (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
civic_week_chart_get_n_series (CivicWeekChart *self)
{
  g_return_val_if_fail (CIVIC_IS_WEEK_CHART (self), 0);
  return self->series->len;
}

/**
 * civic_week_chart_get_text:
 *
 * Returns: what the chart shows, in words: its accessible name
 */
const char *
civic_week_chart_get_text (CivicWeekChart *self)
{
  g_return_val_if_fail (CIVIC_IS_WEEK_CHART (self), NULL);
  return self->text;
}

static void
civic_week_chart_finalize (GObject *object)
{
  CivicWeekChart *self = CIVIC_WEEK_CHART (object);

  g_free (self->title);
  g_free (self->text);
  g_ptr_array_unref (self->weeks);
  g_ptr_array_unref (self->series);
  G_OBJECT_CLASS (civic_week_chart_parent_class)->finalize (object);
}

static void
civic_week_chart_class_init (CivicWeekChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = civic_week_chart_finalize;
  widget_class->measure = civic_week_chart_measure;
  widget_class->snapshot = civic_week_chart_snapshot;
  widget_class->css_changed = civic_week_chart_css_changed;
  gtk_widget_class_set_css_name (widget_class, "weekchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
civic_week_chart_init (CivicWeekChart *self)
{
  self->weeks = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  self->title = g_strdup ("");
  self->text = g_strdup ("");
}
