/* civic-case-row.c — one case in the inbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-case-row"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-case-index.h"
#include "civic-case-row.h"
#include "civic-case.h"
#include "civic-core-enums.h"
#include "civic-due-chip.h"
#include "civic-json.h"
#include "civic-time.h"

struct _CivicCaseRow
{
  AdwBin         parent_instance;

  /* Built in code, not from a template: a row is made for every visible
   * case, and a builder parse each time is the slowest part of that. */
  GtkLabel      *number_label;
  GtkLabel      *state_label;
  GtkImage      *pending_icon;
  GtkImage      *joint_icon;
  GtkLabel      *item_label;
  GtkLabel      *detail_label;
  CivicDueChip  *chip;

  CivicCaseItem *item;
  CivicCalendar *calendar;
  char          *me;
};

G_DEFINE_FINAL_TYPE (CivicCaseRow, civic_case_row, ADW_TYPE_BIN)

static const char *
state_label (const char *nick)
{
  int state;

  if (nick == NULL || !civic_enum_from_nick (CIVIC_TYPE_CASE_STATE, nick, &state))
    return nick ? nick : "";
  return civic_case_state_get_label (state);
}

static void
update (CivicCaseRow *self)
{
  const CivicInboxRow *row = civic_case_item_get_row (self->item);
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->number_label, row->number);
  gtk_label_set_label (self->state_label, state_label (row->state));
  gtk_label_set_label (self->item_label, row->item_name);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_icon), row->pending);
  gtk_widget_set_visible (GTK_WIDGET (self->joint_icon), row->joint);

  /* "with me" says nothing. */
  if (row->assignee_name != NULL && g_strcmp0 (row->assignee_id, self->me) != 0)
    /* Translators: the applicant (masked), then who works on the case */
    detail = g_strdup_printf (_("%s · with %s"), row->applicant ? row->applicant : "",
                              row->assignee_name);
  else
    detail = g_strdup (row->applicant ? row->applicant : "");
  gtk_label_set_label (self->detail_label, detail);

  civic_due_chip_set_status (self->chip, row->status, row->due, self->calendar,
                             civic_time_today ());

  /* Read as one line by a screen reader. */
  /* Translators: a case as a screen reader says it: number, service
   * item, state, time left, and ", waiting to be sent" or nothing */
  accessible = g_strdup_printf (_("%s, %s, %s, %s%s"), row->number, row->item_name,
                                state_label (row->state), civic_due_chip_get_text (self->chip),
                                row->pending ? _(", waiting to be sent") : "");
  civic_accessible_name_list_row (GTK_WIDGET (self), accessible);
}

/**
 * civic_case_row_bind:
 * @me: (nullable): the signed-in official's id
 */
void
civic_case_row_bind (CivicCaseRow  *self,
                     CivicCaseItem *item,
                     CivicCalendar *calendar,
                     const char    *me)
{
  g_return_if_fail (CIVIC_IS_CASE_ROW (self));
  g_return_if_fail (CIVIC_IS_CASE_ITEM (item));

  civic_case_row_unbind (self);
  self->item = g_object_ref (item);
  g_set_object (&self->calendar, calendar);
  if (g_strcmp0 (self->me, me) != 0)
    {
      g_free (self->me);
      self->me = g_strdup (me);
    }
  g_signal_connect_object (item, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

void
civic_case_row_unbind (CivicCaseRow *self)
{
  g_return_if_fail (CIVIC_IS_CASE_ROW (self));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
}

CivicCaseItem *
civic_case_row_get_item (CivicCaseRow *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE_ROW (self), NULL);
  return self->item;
}

static void
civic_case_row_dispose (GObject *object)
{
  CivicCaseRow *self = (CivicCaseRow *)object;

  civic_case_row_unbind (self);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->me, g_free);

  G_OBJECT_CLASS (civic_case_row_parent_class)->dispose (object);
}

static void
civic_case_row_class_init (CivicCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_case_row_dispose;
}

static GtkWidget *
label_new (const char *css_class,
           ...) G_GNUC_NULL_TERMINATED;

static GtkWidget *
label_new (const char *css_class,
           ...)
{
  GtkWidget *label = gtk_label_new (NULL);
  va_list classes;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  va_start (classes, css_class);
  for (const char *c = css_class; c != NULL; c = va_arg (classes, const char *))
    gtk_widget_add_css_class (label, c);
  va_end (classes);
  return label;
}

static GtkWidget *
icon_new (const char *icon_name,
          const char *tooltip,
          const char *css_class)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (icon, tooltip);
  gtk_widget_add_css_class (icon, css_class);
  gtk_widget_set_visible (icon, FALSE);
  return icon;
}

/* Built in code, not from a template: a list view makes a row for every
 * line on the screen, and parsing a template each time shows at start. */
static void
civic_case_row_init (CivicCaseRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *third = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  /* The number and the time left on the first line; the item and who
   * applied below, the width of the list: a narrow list cuts no name
   * short for the sake of the chip. */
  self->number_label = GTK_LABEL (label_new ("caption-heading", "numeric", NULL));
  self->pending_icon = GTK_IMAGE (icon_new ("document-send-symbolic",
                                            _("Waiting to be sent to the service"),
                                            "pending-mark"));
  self->joint_icon = GTK_IMAGE (icon_new ("system-users-symbolic",
                                          _("Joint case of several departments"), "dim-label"));
  self->chip = CIVIC_DUE_CHIP (civic_due_chip_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->chip), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self->chip), GTK_ALIGN_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chip), TRUE);
  gtk_box_append (GTK_BOX (first), GTK_WIDGET (self->number_label));
  gtk_box_append (GTK_BOX (first), GTK_WIDGET (self->pending_icon));
  gtk_box_append (GTK_BOX (first), GTK_WIDGET (self->joint_icon));
  gtk_box_append (GTK_BOX (first), GTK_WIDGET (self->chip));

  self->item_label = GTK_LABEL (label_new (NULL, NULL));
  gtk_label_set_ellipsize (self->item_label, PANGO_ELLIPSIZE_END);

  self->state_label = GTK_LABEL (label_new ("caption", "state-pill", NULL));
  self->detail_label = GTK_LABEL (label_new ("caption", "dim-label", NULL));
  gtk_label_set_ellipsize (self->detail_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->detail_label), TRUE);
  gtk_box_append (GTK_BOX (third), GTK_WIDGET (self->state_label));
  gtk_box_append (GTK_BOX (third), GTK_WIDGET (self->detail_label));

  gtk_box_append (GTK_BOX (text), first);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->item_label));
  gtk_box_append (GTK_BOX (text), third);
  gtk_widget_set_margin_top (text, 8);
  gtk_widget_set_margin_bottom (text, 8);
  gtk_widget_set_margin_start (text, 12);
  gtk_widget_set_margin_end (text, 12);
  adw_bin_set_child (ADW_BIN (self), text);
}

GtkWidget *
civic_case_row_new (void)
{
  return g_object_new (CIVIC_TYPE_CASE_ROW, NULL);
}
