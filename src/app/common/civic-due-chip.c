/* civic-due-chip.c — a deadline as a coloured chip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-due-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-core-enums.h"
#include "civic-due-chip.h"
#include "civic-json.h"

/* Green, yellow (three working days or fewer), red (overdue), paused, done:
 * the colour the service computed, the working days counted here on the
 * official calendar, so "2 working days left" is right on the day it is
 * read. With a clock, the chip is a button whose popover explains the date
 * step by step, holidays and make-up working days included. */

struct _CivicDueChip
{
  AdwBin      parent_instance;

  GtkWidget  *label_widget;
  GtkWidget  *button;
  GtkWidget  *trace_box;
  char       *status;
  char       *text;
};

G_DEFINE_FINAL_TYPE (CivicDueChip, civic_due_chip, ADW_TYPE_BIN)

static const char *status_classes[] = { "green", "yellow", "red", "paused", "waiting", "done",
                                        "none" };

/**
 * civic_due_chip_describe:
 * @status: a clock colour: green, yellow, red, paused, waiting (on the
 *   official: no limit runs, the next step is theirs), done or none
 *
 * Returns: (transfer full): the chip's words: "3 working days left",
 * "Due today", "2 working days overdue", "Paused".
 */
char *
civic_due_chip_describe (const char    *status,
                         CivicDay       due,
                         CivicCalendar *calendar,
                         CivicDay       today)
{
  int days;

  if (g_strcmp0 (status, "paused") == 0)
    return g_strdup (_("Paused"));
  if (g_strcmp0 (status, "waiting") == 0)
    return g_strdup (_("Waiting for you"));
  if (g_strcmp0 (status, "done") == 0)
    return g_strdup (_("Done"));
  if (due == CIVIC_DAY_INVALID || g_strcmp0 (status, "none") == 0)
    return g_strdup (_("No time limit running"));

  if (calendar == NULL)
    {
      g_autofree char *date = civic_day_format_short (due);

      /* Translators: %s is a date */
      return g_strdup_printf (_("Due %s"), date);
    }

  if (due >= today)
    {
      days = civic_calendar_working_days_between (calendar, today, due);
      if (days <= 0)
        return g_strdup (_("Due today"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                           "%d working days left", days), days);
    }

  days = civic_calendar_working_days_between (calendar, due, today);
  if (days <= 0)
    days = 1;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day overdue",
                                       "%d working days overdue", days), days);
}

static void
set_look (CivicDueChip *self,
          const char   *status,
          const char   *text,
          const char   *date,
          const char   *description)
{
  GtkWidget *chip = self->button != NULL ? self->button : self->label_widget;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (chip, status_classes[i]);
  if (status != NULL)
    gtk_widget_add_css_class (chip, status);

  g_free (self->status);
  self->status = g_strdup (status);
  g_free (self->text);
  self->text = g_strdup (text);

  gtk_label_set_label (GTK_LABEL (self->label_widget), text);
  /* A chip that opens its explanation has no tooltip to cover it */
  gtk_widget_set_tooltip_text (chip, self->button == NULL ? description : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  if (self->button != NULL)
    {
      /* What it says, and what pressing it does */
      g_autofree char *name = date != NULL
        /* Translators: a due-date chip as a screen reader says it: the time
         * left, then the date: "5 working days left, due 11 December 2026,
         * show how it was counted" */
        ? g_strdup_printf (_("%s, due %s, show how it was counted"), text, date)
        /* Translators: a due-date chip without a date, as a screen reader
         * says it: "Paused, show how it was counted" */
        : g_strdup_printf (_("%s, show how it was counted"), text);

      civic_accessible_set_name (self->button, name);
    }
}

/**
 * civic_due_chip_set_status:
 *
 * Shows a row's deadline from the inbox index: no explanation, just the
 * colour and the days.
 */
void
civic_due_chip_set_status (CivicDueChip  *self,
                           const char    *status,
                           CivicDay       due,
                           CivicCalendar *calendar,
                           CivicDay       today)
{
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (CIVIC_IS_DUE_CHIP (self));

  text = civic_due_chip_describe (status, due, calendar, today);
  if (due != CIVIC_DAY_INVALID)
    {
      date = civic_day_format (due);
      /* Translators: %s is a date */
      description = g_strdup_printf (_("Due %s"), date);
    }
  set_look (self, status, text, date, description);
}

static GtkWidget *
trace_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Read as sentences, 300–400 px wide (GNOME Calendar's event popover);
   * not selectable, so that nothing is selected when it opens */
  gtk_label_set_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/**
 * civic_due_chip_set_clock:
 *
 * Shows a clock of the case page, with its explanation a click away.
 */
void
civic_due_chip_set_clock (CivicDueChip  *self,
                          CivicClock    *clock,
                          CivicCalendar *calendar,
                          CivicDay       today)
{
  g_autoptr(CivicClockReading) reading = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  const char *status;

  g_return_if_fail (CIVIC_IS_DUE_CHIP (self));
  g_return_if_fail (CIVIC_IS_CLOCK (clock));
  g_return_if_fail (self->trace_box != NULL);

  reading = civic_clock_read (clock, calendar, today, civic_clock_policy_get_default ());
  status = civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, reading->status);
  text = civic_due_chip_describe (status, reading->due, calendar, today);
  date = civic_day_format (reading->due);
  description = reading->provisional
                /* Translators: %s is a date */
                ? g_strdup_printf (_("Due %s (provisional: the holiday notice for that year is "
                                     "not out yet)"), date)
                : g_strdup_printf (_("Due %s"), date);

  while ((child = gtk_widget_get_first_child (self->trace_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->trace_box), child);

  gtk_box_append (GTK_BOX (self->trace_box),
                  trace_label (civic_clock_kind_get_label (civic_clock_get_kind (clock)),
                               "heading"));
  gtk_box_append (GTK_BOX (self->trace_box), trace_label (description, NULL));
  for (guint i = 0; reading->trace != NULL && i < reading->trace->len; i++)
    {
      CivicTraceStep *step = g_ptr_array_index (reading->trace, i);

      gtk_box_append (GTK_BOX (self->trace_box),
                      trace_label (step->text, step->kind == CIVIC_TRACE_DUE ? "heading" : NULL));
    }
  gtk_box_append (GTK_BOX (self->trace_box),
                  trace_label (civic_legal_basis_get_label (civic_clock_get_legal_basis (clock)),
                               "dim-label"));

  set_look (self, status, text, reading->due != CIVIC_DAY_INVALID ? date : NULL, description);
}

/**
 * civic_due_chip_get_activatable:
 *
 * Returns: (transfer none) (nullable): what opens the explanation, for a
 *   row to open it from anywhere on it; %NULL for a plain chip
 */
GtkWidget *
civic_due_chip_get_activatable (CivicDueChip *self)
{
  g_return_val_if_fail (CIVIC_IS_DUE_CHIP (self), NULL);
  return self->button;
}

const char *
civic_due_chip_get_text (CivicDueChip *self)
{
  g_return_val_if_fail (CIVIC_IS_DUE_CHIP (self), NULL);
  return self->text;
}

const char *
civic_due_chip_get_status (CivicDueChip *self)
{
  g_return_val_if_fail (CIVIC_IS_DUE_CHIP (self), NULL);
  return self->status;
}

static void
civic_due_chip_finalize (GObject *object)
{
  CivicDueChip *self = (CivicDueChip *)object;

  g_free (self->status);
  g_free (self->text);

  G_OBJECT_CLASS (civic_due_chip_parent_class)->finalize (object);
}

static void
civic_due_chip_class_init (CivicDueChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = civic_due_chip_finalize;
  gtk_widget_class_set_css_name (widget_class, "duechip");
}

static void
civic_due_chip_init (CivicDueChip *self)
{
  self->label_widget = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->label_widget, "due-chip");
  gtk_widget_set_valign (self->label_widget, GTK_ALIGN_CENTER);
  adw_bin_set_child (ADW_BIN (self), self->label_widget);
}

/**
 * civic_due_chip_new:
 *
 * A chip for an inbox row. civic_due_chip_new_explained() makes one that
 * opens the explanation.
 */
GtkWidget *
civic_due_chip_new (void)
{
  return g_object_new (CIVIC_TYPE_DUE_CHIP, NULL);
}

/**
 * civic_due_chip_new_explained:
 *
 * A chip for the case page: a button whose popover explains the date;
 * give it a clock with civic_due_chip_set_clock().
 */
GtkWidget *
civic_due_chip_new_explained (void)
{
  CivicDueChip *self = g_object_new (CIVIC_TYPE_DUE_CHIP, NULL);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_object_ref (self->label_widget);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_remove_css_class (self->label_widget, "due-chip");

  self->trace_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->trace_box, 6);
  gtk_widget_set_margin_bottom (self->trace_box, 6);
  gtk_widget_set_margin_start (self->trace_box, 6);
  gtk_widget_set_margin_end (self->trace_box, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->trace_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), self->label_widget);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_add_css_class (self->button, "due-chip");
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  adw_bin_set_child (ADW_BIN (self), self->button);
  g_object_unref (self->label_widget);

  return GTK_WIDGET (self);
}
