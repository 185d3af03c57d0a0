/* civic-password-dialog.c — an official chooses their own password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-password-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "civic-password-dialog.h"

/* Asked right after a sign-in with a password an administrator set
 * (add-account, reset-password): the official types the password they
 * choose twice; Choose is offered once the two agree and are long enough,
 * and the dialog says which of the two is not so. What they chose is
 * read with civic_password_dialog_dup_chosen() in the "choose" response,
 * and sent at once, never queued. */

typedef struct
{
  GtkEditable *first;
  GtkEditable *second;
  GtkLabel    *hint;
} Fields;

static void
changed_cb (AdwMessageDialog *dialog)
{
  Fields *fields = g_object_get_data (G_OBJECT (dialog), "fields");
  const char *first = gtk_editable_get_text (fields->first);
  const char *second = gtk_editable_get_text (fields->second);
  glong length = g_utf8_strlen (first, -1);
  gboolean ok = length >= CIVIC_PASSWORD_MIN_CHARS && g_str_equal (first, second);

  if (*first == '\0')
    gtk_label_set_label (fields->hint, "");
  else if (length < CIVIC_PASSWORD_MIN_CHARS)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "At least %d character",
                                                            "At least %d characters",
                                                            CIVIC_PASSWORD_MIN_CHARS),
                                               CIVIC_PASSWORD_MIN_CHARS);

      gtk_label_set_label (fields->hint, text);
    }
  else if (!g_str_equal (first, second))
    gtk_label_set_label (fields->hint, *second == '\0' ? _("Type it again below")
                                                       : _("The two are not the same"));
  else
    gtk_label_set_label (fields->hint, "");
  adw_message_dialog_set_response_enabled (dialog, "choose", ok);
}

static GtkEditable *
password_row (GtkWidget  *list,
              const char *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_EDITABLE (row);
}

static void
activated_cb (AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "choose"))
    adw_message_dialog_response (dialog, "choose");
}

/**
 * civic_password_dialog_new:
 *
 * Returns: (transfer floating): the dialog, with the responses "cancel"
 * and "choose"
 */
AdwMessageDialog *
civic_password_dialog_new (GtkWindow *parent)
{
  AdwMessageDialog *dialog;
  GtkWidget *box, *list;
  Fields *fields = g_new0 (Fields, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Choose Your Password"),
                                                       _("An administrator set the password you "
                                                         "signed in with. Choose one only you "
                                                         "know before you go on.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  fields->first = password_row (list, _("_New Password"));
  fields->second = password_row (list, _("_Again"));
  gtk_box_append (GTK_BOX (box), list);
  fields->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (fields->hint), "dim-label");
  gtk_label_set_wrap (fields->hint, TRUE);
  gtk_label_set_xalign (fields->hint, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fields->hint), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What the new password still needs"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fields->hint));
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data_full (G_OBJECT (dialog), "fields", fields, g_free);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "choose",
                                    _("_Choose Password"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "choose", FALSE);
  g_signal_connect_swapped (fields->first, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect_swapped (fields->second, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect_swapped (fields->second, "entry-activated", G_CALLBACK (activated_cb), dialog);
  return dialog;
}

/**
 * civic_password_dialog_dup_chosen:
 *
 * Returns: (transfer full) (nullable): the password chosen, when the two
 * fields agree and it is long enough; the fields are emptied
 */
char *
civic_password_dialog_dup_chosen (AdwMessageDialog *dialog)
{
  Fields *fields = g_object_get_data (G_OBJECT (dialog), "fields");
  char *chosen = NULL;

  g_return_val_if_fail (fields != NULL, NULL);

  if (g_utf8_strlen (gtk_editable_get_text (fields->first), -1) >= CIVIC_PASSWORD_MIN_CHARS &&
      g_str_equal (gtk_editable_get_text (fields->first), gtk_editable_get_text (fields->second)))
    chosen = g_strdup (gtk_editable_get_text (fields->first));
  gtk_editable_set_text (fields->first, "");
  gtk_editable_set_text (fields->second, "");
  return chosen;
}
