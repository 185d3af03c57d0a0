/* civic-document-rows.c — the documents issued for a record, to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-document-dialog.h"
#include "civic-document-rows.h"
#include "civic-page-rows.h"

/* The notices, letters and replies the service issued for a request for
 * information or a citizen's message, each to open, print or save as the
 * service keeps it. A row's button holds a copy of its document and the
 * engine, so it opens what was shown whatever the page shows since. */

static void
document_activated (GtkButton *button,
                    gpointer   user_data)
{
  const CivicCaseDocument *document = g_object_get_data (G_OBJECT (button), "document");
  CivicSyncEngine *engine = g_object_get_data (G_OBJECT (button), "engine");
  CivicDocumentDialog *dialog;

  if (engine == NULL || document == NULL)
    return;
  dialog = civic_document_dialog_new_show_document (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), engine, NULL, document);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * civic_document_rows_add:
 * @content: the page's column, which gets a "Documents" group
 * @documents: (element-type CivicCaseDocument): those issued; none adds
 *   no group
 */
void
civic_document_rows_add (GtkWidget       *content,
                         CivicSyncEngine *engine,
                         GPtrArray       *documents)
{
  GtkWidget *group;

  if (documents->len == 0)
    return;
  group = civic_page_group_new (content, _("Documents"));
  for (guint i = 0; i < documents->len; i++)
    {
      const CivicCaseDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *day = civic_page_format_day (document->issued_on);
      /* Translators: a document's number and the day it was issued */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), document->number, day);
      const char *title = document->title ? document->title
                                          : civic_document_kind_get_label (document->kind);
      g_autofree char *name = g_strdup_printf (_("Open “%s”"), title);
      GtkWidget *row = civic_page_row_new (group, title, subtitle);
      GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open, print or save it as the service keeps it"));
      civic_accessible_set_name (open, name);
      g_object_set_data_full (G_OBJECT (open), "document", civic_case_document_copy (document),
                              (GDestroyNotify) civic_case_document_free);
      g_object_set_data_full (G_OBJECT (open), "engine", g_object_ref (engine), g_object_unref);
      g_signal_connect (open, "clicked", G_CALLBACK (document_activated), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
    }
}
