/* civic-message-row.c — one message in the Messages section's queues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message-row"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "civic-accessible.h"
#include "civic-due-chip.h"
#include "civic-message-row.h"

/* A queue holds every message the official sees: ten thousand at a busy
 * hall. The list view makes a row only for those on screen, and a row is
 * built in code, as the inbox's is; what the row says, it says from the
 * item, which read the message's clock once when the queue was filled. */

struct _CivicMessageItem
{
  GObject       parent_instance;

  CivicMessage *message;
  CivicDay      due;
  const char   *status;   /* a CivicClockStatus nick, or NULL */
  gboolean      pending;
};

G_DEFINE_FINAL_TYPE (CivicMessageItem, civic_message_item, G_TYPE_OBJECT)

static void
civic_message_item_finalize (GObject *object)
{
  g_clear_object (&CIVIC_MESSAGE_ITEM (object)->message);
  G_OBJECT_CLASS (civic_message_item_parent_class)->finalize (object);
}

static void
civic_message_item_class_init (CivicMessageItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_message_item_finalize;
}

static void
civic_message_item_init (CivicMessageItem *self)
{
  self->due = CIVIC_DAY_INVALID;
}

/**
 * civic_message_item_new:
 * @status: (nullable): the running clock's status nick, static
 * @pending: whether commands on it wait to be sent
 */
CivicMessageItem *
civic_message_item_new (CivicMessage *message,
                        CivicDay      due,
                        const char   *status,
                        gboolean      pending)
{
  CivicMessageItem *self = g_object_new (CIVIC_TYPE_MESSAGE_ITEM, NULL);

  self->message = g_object_ref (message);
  self->due = due;
  self->status = status;
  self->pending = pending;
  return self;
}

CivicMessage *
civic_message_item_get_message (CivicMessageItem *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_ITEM (self), NULL);
  return self->message;
}

CivicDay
civic_message_item_get_due (CivicMessageItem *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_ITEM (self), CIVIC_DAY_INVALID);
  return self->due;
}

static char *
subtitle_of (CivicMessage *message)
{
  const CivicMessageCitizen *citizen = civic_message_get_citizen (message);
  const char *receipt = civic_message_get_receipt (message);
  const char *who = citizen->anonymous || citizen->name == NULL ? _("Anonymous") : citizen->name;

  /* Translators: a message's row under its subject: "7KQ3M9XWT2HD · Complaint · 李** · In Progress" */
  return g_strdup_printf (_("%s · %s · %s · %s"),
                          receipt != NULL ? receipt : _("Not numbered yet"),
                          civic_message_kind_get_label (civic_message_get_kind (message)), who,
                          civic_message_state_get_label (civic_message_get_state (message)));
}

/**
 * civic_message_item_describe:
 *
 * Returns: (transfer full): the message as a screen reader says its row:
 * its subject, receipt, kind, citizen and state, the time left, and
 * whether it waits to be sent
 */
char *
civic_message_item_describe (CivicMessageItem *self,
                             CivicCalendar    *calendar,
                             CivicDay          today)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *due = NULL;
  const char *subject;

  g_return_val_if_fail (CIVIC_IS_MESSAGE_ITEM (self), NULL);

  subject = civic_message_get_subject (self->message);
  subtitle = subtitle_of (self->message);
  if (self->due != CIVIC_DAY_INVALID)
    due = civic_due_chip_describe (self->status, self->due, calendar, today);
  /* Translators: a message as a screen reader says it: its subject, its
   * receipt, kind, citizen and state, the time left, and whether it waits
   * to be sent */
  return g_strdup_printf (_("%s, %s%s%s%s"), subject != NULL ? subject : "", subtitle,
                          due != NULL ? ", " : "", due != NULL ? due : "",
                          self->pending ? _(", waiting to be sent") : "");
}

/* The row */

struct _CivicMessageRow
{
  AdwBin        parent_instance;

  GtkLabel     *title;
  GtkLabel     *subtitle;
  GtkImage     *pending_icon;
  CivicDueChip *chip;
};

G_DEFINE_FINAL_TYPE (CivicMessageRow, civic_message_row, ADW_TYPE_BIN)

void
civic_message_row_bind (CivicMessageRow  *self,
                        CivicMessageItem *item,
                        CivicCalendar    *calendar,
                        CivicDay          today)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  const char *subject;

  g_return_if_fail (CIVIC_IS_MESSAGE_ROW (self));
  g_return_if_fail (CIVIC_IS_MESSAGE_ITEM (item));

  subject = civic_message_get_subject (item->message);
  subtitle = subtitle_of (item->message);
  gtk_label_set_label (self->title, subject != NULL ? subject : "");
  gtk_label_set_label (self->subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_icon), item->pending);
  gtk_widget_set_visible (GTK_WIDGET (self->chip), item->due != CIVIC_DAY_INVALID);
  if (item->due != CIVIC_DAY_INVALID)
    civic_due_chip_set_status (self->chip, item->status, item->due, calendar, today);
  name = civic_message_item_describe (item, calendar, today);
  civic_accessible_name_list_row (GTK_WIDGET (self), name);
}

static void
civic_message_row_class_init (CivicMessageRowClass *klass)
{
}

static void
civic_message_row_init (CivicMessageRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title");
  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->subtitle));

  self->pending_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("document-send-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->pending_icon), "pending-mark");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pending_icon), _("Waiting to be sent"));
  self->chip = CIVIC_DUE_CHIP (civic_due_chip_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->chip), GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pending_icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chip));
  gtk_box_append (GTK_BOX (box), arrow);
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
civic_message_row_new (void)
{
  return g_object_new (CIVIC_TYPE_MESSAGE_ROW, NULL);
}
