/* civic-document-dialog.c — a formal document: its preview, issue, print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window for a document, in one of three moments:
 *
 *   - before it is issued: the draft drawn here from the template and the
 *     case, in the language chosen, and "Issue", which sends the command
 *     (the service numbers it); the step that calls for it offers this
 *     at the end of its own dialog;
 *   - issued on this computer, not numbered yet (offline): the draft, and
 *     why it cannot be printed yet;
 *   - issued: the PDF the service stored, fetched and checked against its
 *     hash, to print (GtkPrintOperation), save, or open in the system's
 *     viewer (through the portal in the Flatpak).
 *
 * The pages are drawn by poppler, as the printer will get them.
 */

#define G_LOG_DOMAIN "civic-document"

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include "civic-accessible.h"
#include "civic-document-dialog.h"
#include "civic-document-draft.h"
#include "civic-i18n.h"

/* Pages as wide as this on screen, in logical pixels */
#define PAGE_WIDTH 640

typedef enum
{
  MODE_ISSUE,
  MODE_DRAFT,
  MODE_ISSUED,
} Mode;

struct _CivicDocumentDialog
{
  AdwWindow           parent_instance;

  CivicSyncEngine    *engine;
  CivicCase          *kase;
  Mode                mode;
  CivicDocumentKind   kind;
  CivicDocumentLanguage language;
  char               *document_id;
  char               *number;
  char               *sha256;
  char               *title;

  GBytes             *pdf;
  PopplerDocument    *poppler;
  GCancellable       *cancellable;

  AdwWindowTitle     *window_title;
  AdwToastOverlay    *toasts;
  GtkStack           *stack;
  AdwStatusPage      *error_page;
  GtkBox             *pages;
  GtkLabel           *note;
  GtkDropDown        *language_choice;
  GtkWidget          *issue_button;
  GtkWidget          *later_button;
  GtkWidget          *print_button;
  GtkWidget          *save_button;
  GtkWidget          *open_button;
};

enum
{
  ISSUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CivicDocumentDialog, civic_document_dialog, ADW_TYPE_WINDOW)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static void
toast (CivicDocumentDialog *self,
       const char          *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
show_error (CivicDocumentDialog *self,
            const char          *title,
            const char          *description)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The window's name is the document's, for the window list and for a
 * screen reader */
static void
set_title (CivicDocumentDialog *self)
{
  adw_window_title_set_title (self->window_title, self->title);
  gtk_window_set_title (GTK_WINDOW (self), self->title);
}

static void
update_buttons (CivicDocumentDialog *self)
{
  gboolean has_pdf = self->poppler != NULL;

  gtk_widget_set_visible (self->issue_button, self->mode == MODE_ISSUE);
  gtk_widget_set_visible (self->later_button, self->mode == MODE_ISSUE);
  gtk_widget_set_sensitive (self->issue_button, has_pdf);
  gtk_widget_set_visible (GTK_WIDGET (self->language_choice), self->mode == MODE_ISSUE);
  gtk_widget_set_visible (self->print_button, self->mode == MODE_ISSUED);
  gtk_widget_set_visible (self->save_button, self->mode == MODE_ISSUED);
  gtk_widget_set_visible (self->open_button, self->mode == MODE_ISSUED);
  gtk_widget_set_sensitive (self->print_button, has_pdf);
  gtk_widget_set_sensitive (self->save_button, has_pdf);
  gtk_widget_set_sensitive (self->open_button, has_pdf);
}

/* Each page drawn by poppler into a texture, white on the window's grey */
static GdkTexture *
page_texture (PopplerPage *page,
              int          scale)
{
  double width, height;
  int pixel_width, pixel_height, stride;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  double factor;

  poppler_page_get_size (page, &width, &height);
  factor = (double) PAGE_WIDTH * scale / width;
  pixel_width = (int) (width * factor);
  pixel_height = (int) (height * factor);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, factor, factor);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * pixel_height);
  texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes, stride);
  cairo_surface_destroy (surface);
  return texture;
}

static void
clear_pages (CivicDocumentDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages))) != NULL)
    gtk_box_remove (self->pages, child);
}

static gboolean
show_pdf (CivicDocumentDialog *self,
          GBytes              *pdf,
          GError             **error)
{
  g_autoptr(PopplerDocument) poppler = poppler_document_new_from_bytes (pdf, NULL, error);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int n;

  if (poppler == NULL)
    return FALSE;

  clear_pages (self);
  n = poppler_document_get_n_pages (poppler);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (poppler, i);
      g_autoptr(GdkTexture) texture = page_texture (page, MAX (scale, 1));
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      g_autofree char *alternative = g_strdup_printf (_("Page %d of %d"), i + 1, n);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), alternative);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, PAGE_WIDTH, (int) (PAGE_WIDTH * height / width));
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "document-page");
      gtk_box_append (self->pages, picture);
    }

  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = g_bytes_ref (pdf);
  g_set_object (&self->poppler, poppler);
  gtk_stack_set_visible_child_name (self->stack, "pages");
  update_buttons (self);
  return TRUE;
}

/* The draft, drawn here */
static void
render_draft (CivicDocumentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *title = NULL;

  g_clear_object (&self->poppler);
  pdf = civic_document_draft_render (civic_sync_engine_get_cache (self->engine),
                                     civic_sync_engine_get_calendar (self->engine), self->kase,
                                     self->kind, self->language, &title, &error);
  if (pdf == NULL || !show_pdf (self, pdf, &error))
    {
      show_error (self, _("The Draft Cannot Be Drawn"), error->message);
      update_buttons (self);
      return;
    }
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  set_title (self);
}

static void
language_changed (CivicDocumentDialog *self)
{
  self->language = gtk_drop_down_get_selected (self->language_choice) == 1
                   ? CIVIC_DOCUMENT_LANGUAGE_EN : CIVIC_DOCUMENT_LANGUAGE_ZH;
  render_draft (self);
}

static void
issue_clicked (CivicDocumentDialog *self)
{
  g_signal_emit (self, signals[ISSUE], 0, (guint) self->kind, (guint) self->language);
  gtk_window_close (GTK_WINDOW (self));
}

/* The issued PDF, from the service, as its hash says it is */
static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CivicDocumentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = civic_api_client_document_pdf_finish (CIVIC_API_CLIENT (source), result,
                                                                &error);
  g_autofree char *sha256 = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pdf == NULL)
    {
      show_error (self, _("The Document Cannot Be Fetched"), error->message);
      return;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  if (g_strcmp0 (sha256, self->sha256) != 0)
    {
      show_error (self, _("The Document Does Not Match"),
                  _("The PDF the service sent is not the one it issued (its SHA-256 differs). "
                    "Nothing was printed or saved; tell the service’s administrator."));
      return;
    }
  if (!show_pdf (self, pdf, &error))
    show_error (self, _("The Document Cannot Be Shown"), error->message);
}

static void
fetch_issued (CivicDocumentDialog *self)
{
  if (civic_sync_engine_get_state (self->engine) == CIVIC_SYNC_STATE_OFFLINE)
    {
      show_error (self, _("The Document Is on the Service"),
                  _("Issued documents are printed from the copy the service keeps. Connect to "
                    "the service to print, save or open it."));
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "loading");
  civic_api_client_document_pdf_async (civic_sync_engine_get_client (self->engine),
                                       self->document_id, self->cancellable, fetched_cb,
                                       g_object_ref (self));
}

/* A file's name: the number, or the title; a separator or a leading
 * dot in what an administrator typed cannot take it elsewhere */
static char *
file_name (CivicDocumentDialog *self)
{
  g_autofree char *base = g_strdup (self->number ? self->number : self->title);

  g_strdelimit (base, "/\\:", '_');
  if (base[0] == '.' || base[0] == '\0')
    {
      char *prefixed = g_strconcat ("_", base, NULL);

      g_free (base);
      base = prefixed;
    }
  return g_strconcat (base, ".pdf", NULL);
}

/* Printing: each page of the PDF, at the size it was made, on A4 */

static void
begin_print (GtkPrintOperation   *operation,
             GtkPrintContext     *context,
             CivicDocumentDialog *self)
{
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (self->poppler));
}

static void
draw_page (GtkPrintOperation   *operation,
           GtkPrintContext     *context,
           int                  page_nr,
           CivicDocumentDialog *self)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (self->poppler, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  poppler_page_render_for_printing (page, cr);
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            CivicDocumentDialog     *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (self, error ? error->message : _("The document could not be printed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    toast (self, _("Sent to the printer"));
  g_object_unref (operation);
}

static GtkPrintOperation *
print_operation_new (CivicDocumentDialog *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The PDF has the standard's margins in it: the whole sheet, in points */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, self->number ? self->number : self->title);
  /* The dialog, and the PDF it holds, live as long as the printing does:
   * the window may close before the portal's dialog does */
  g_object_set_data_full (G_OBJECT (operation), "civic-document-dialog", g_object_ref (self),
                          g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), self);
  return operation;
}

/**
 * civic_document_dialog_print:
 *
 * Prints the document shown (issued: the service's copy), through the
 * print dialog.
 */
void
civic_document_dialog_print (CivicDocumentDialog *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CIVIC_IS_DOCUMENT_DIALOG (self));

  if (self->poppler == NULL || self->mode != MODE_ISSUED)
    return;

  operation = print_operation_new (self);
  /* Printed to a file, it is named by its number, among the documents */
  {
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
    const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autofree char *name = file_name (self);
    g_autofree char *path = g_build_filename (dir ? dir : g_get_home_dir (), name, NULL);
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

    if (uri != NULL)
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
    gtk_print_operation_set_print_settings (operation, settings);
  }
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done), self);

  /* "done" comes in every case, an error too, and lets the operation go */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

/**
 * civic_document_dialog_print_to_file:
 *
 * Prints the document as the printer would get it, into a PDF at @path,
 * without the dialog: what a test checks of printing.
 */
gboolean
civic_document_dialog_print_to_file (CivicDocumentDialog  *self,
                                     const char           *path,
                                     GError              **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (CIVIC_IS_DOCUMENT_DIALOG (self), FALSE);
  g_return_val_if_fail (self->poppler != NULL, FALSE);

  operation = print_operation_new (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self),
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Saving */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(CivicDocumentDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The document was not saved: %s"), error->message);

      toast (self, text);
      return;
    }
  toast (self, _("Saved"));
}

static void
save_response (GtkNativeDialog     *chooser,
               int                  response,
               CivicDocumentDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->pdf != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_file_replace_contents_bytes_async (file, self->pdf, NULL, FALSE,
                                           G_FILE_CREATE_REPLACE_DESTINATION, self->cancellable,
                                           saved_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_clicked (CivicDocumentDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = file_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save the Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Opening in the system's viewer: a private file in the runtime folder
 * (gone at log out), which the portal hands to the viewer */
static void
open_clicked (CivicDocumentDialog *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_runtime_dir (), "civicdesk", "documents",
                                           NULL);
  g_autofree char *name = file_name (self);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, g_bytes_get_data (self->pdf, NULL),
                                 g_bytes_get_size (self->pdf), G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The document cannot be opened: %s"),
                                               error ? error->message : g_strerror (errno));

      toast (self, text);
      return;
    }
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* Building */

static gboolean
print_shortcut (GtkWidget *widget,
                GVariant  *arguments,
                gpointer   user_data)
{
  civic_document_dialog_print (CIVIC_DOCUMENT_DIALOG (widget));
  return TRUE;
}

static GtkWidget *
button_new (const char *label,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
build (CivicDocumentDialog *self)
{
  GtkWidget *box, *header, *scrolled, *spinner, *action_bar, *pages_box;
  GtkStringList *languages;
  GtkEventController *shortcuts;

  gtk_window_set_default_size (GTK_WINDOW (self), 760, 900);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  gtk_box_append (GTK_BOX (box), header);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  self->stack = GTK_STACK (gtk_stack_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));

  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fetching the document"), -1);
  gtk_stack_add_named (self->stack, spinner, "loading");

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "x-office-document-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (pages_box, 18);
  gtk_widget_set_margin_bottom (pages_box, 18);
  self->pages = GTK_BOX (pages_box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), pages_box);
  gtk_widget_add_css_class (scrolled, "document-pages");
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pages"), -1);
  gtk_stack_add_named (self->stack, scrolled, "pages");

  self->note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->note, TRUE);
  gtk_label_set_xalign (self->note, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->note), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->note), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->note), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->note), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->note), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->note));

  action_bar = gtk_action_bar_new ();
  languages = gtk_string_list_new (NULL);
  gtk_string_list_append (languages, _("Chinese"));
  gtk_string_list_append (languages, _("English"));
  self->language_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (languages), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->language_choice),
                               _("The language the document is written in"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_choice),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Language"), -1);
  civic_accessible_name_choices (GTK_WIDGET (self->language_choice), _("Language"));
  g_signal_connect_swapped (self->language_choice, "notify::selected",
                            G_CALLBACK (language_changed), self);
  gtk_action_bar_pack_start (GTK_ACTION_BAR (action_bar), GTK_WIDGET (self->language_choice));

  self->issue_button = button_new (_("_Issue"), _("Send it to the service, which numbers, "
                                                  "stores and lists it on the case"));
  gtk_widget_add_css_class (self->issue_button, "suggested-action");
  g_signal_connect_swapped (self->issue_button, "clicked", G_CALLBACK (issue_clicked), self);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (action_bar), self->issue_button);

  self->later_button = button_new (_("_Not Now"), _("Close without issuing; the Documents "
                                                    "section of the case offers it again"));
  g_signal_connect_swapped (self->later_button, "clicked", G_CALLBACK (gtk_window_close), self);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (action_bar), self->later_button);

  self->print_button = button_new (_("_Print…"), _("Print the issued document"));
  gtk_widget_add_css_class (self->print_button, "suggested-action");
  g_signal_connect_swapped (self->print_button, "clicked",
                            G_CALLBACK (civic_document_dialog_print), self);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (action_bar), self->print_button);

  self->open_button = button_new (_("_Open"), _("Open it in the system’s PDF viewer"));
  g_signal_connect_swapped (self->open_button, "clicked", G_CALLBACK (open_clicked), self);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (action_bar), self->open_button);

  self->save_button = button_new (_("Save as P_DF…"), _("Save the issued PDF, as the service "
                                                        "keeps it"));
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked), self);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (action_bar), self->save_button);
  gtk_box_append (GTK_BOX (box), action_bar);

  adw_window_set_content (ADW_WINDOW (self), box);

  /* Escape closes it; Ctrl+P prints */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                      gtk_named_action_new ("window.close")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                      gtk_callback_action_new (print_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

static void
civic_document_dialog_dispose (GObject *object)
{
  CivicDocumentDialog *self = CIVIC_DOCUMENT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->engine);
  g_clear_object (&self->kase);
  g_clear_object (&self->poppler);
  g_clear_pointer (&self->pdf, g_bytes_unref);

  G_OBJECT_CLASS (civic_document_dialog_parent_class)->dispose (object);
}

static void
civic_document_dialog_finalize (GObject *object)
{
  CivicDocumentDialog *self = CIVIC_DOCUMENT_DIALOG (object);

  g_free (self->document_id);
  g_free (self->number);
  g_free (self->sha256);
  g_free (self->title);

  G_OBJECT_CLASS (civic_document_dialog_parent_class)->finalize (object);
}

/* Closed: what it waits for is not wanted any more (a fetch holds a
 * reference, so dispose would come too late) */
static gboolean
close_request (GtkWindow *window)
{
  g_cancellable_cancel (CIVIC_DOCUMENT_DIALOG (window)->cancellable);
  return GTK_WINDOW_CLASS (civic_document_dialog_parent_class)->close_request (window);
}

static void
civic_document_dialog_class_init (CivicDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_document_dialog_dispose;
  object_class->finalize = civic_document_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = close_request;

  /**
   * CivicDocumentDialog::issue:
   * @kind: the CivicDocumentKind
   * @language: the CivicDocumentLanguage chosen
   *
   * The official chose to issue the document previewed.
   */
  signals[ISSUE] = g_signal_new ("issue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
civic_document_dialog_init (CivicDocumentDialog *self)
{
  self->cancellable = g_cancellable_new ();
  build (self);
}

static CivicDocumentDialog *
dialog_new (GtkWindow       *parent,
            CivicSyncEngine *engine,
            CivicCase       *kase)
{
  CivicDocumentDialog *self = g_object_new (CIVIC_TYPE_DOCUMENT_DIALOG,
                                            "transient-for", parent, NULL);

  self->engine = g_object_ref (engine);
  self->kase = kase != NULL ? g_object_ref (kase) : NULL;
  return self;
}

/**
 * civic_document_dialog_new_issue:
 *
 * The draft of @kind for @kase, to issue: "issue" tells the language
 * chosen.
 */
CivicDocumentDialog *
civic_document_dialog_new_issue (GtkWindow         *parent,
                                 CivicSyncEngine   *engine,
                                 CivicCase         *kase,
                                 CivicDocumentKind  kind)
{
  CivicDocumentDialog *self = dialog_new (parent, engine, kase);
  g_autofree char *subtitle = NULL;

  self->mode = MODE_ISSUE;
  self->kind = kind;
  self->language = CIVIC_DOCUMENT_LANGUAGE_ZH;
  self->title = g_strdup (civic_document_kind_get_label (kind));
  set_title (self);
  /* Translators: the window's subtitle; %s is the case number */
  subtitle = g_strdup_printf (_("Draft for %s"), civic_case_get_number (kase));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_label_set_label (self->note, _("Check the draft. Issuing it sends it to the service, which "
                                     "gives it its number and verification code and keeps it; "
                                     "then it can be printed. The applicant’s name shows here as "
                                     "the offline copy keeps it."));
  render_draft (self);
  update_buttons (self);
  return self;
}

/**
 * civic_document_dialog_new_show:
 *
 * A document of @kase: issued, to print, save or open; or waiting on this
 * computer for its number.
 */
CivicDocumentDialog *
civic_document_dialog_new_show (GtkWindow       *parent,
                                CivicSyncEngine *engine,
                                CivicCase       *kase,
                                const char      *document_id)
{
  const CivicCaseDocument *document = civic_case_find_document (kase, document_id);

  g_return_val_if_fail (document != NULL, dialog_new (parent, engine, kase));

  return civic_document_dialog_new_show_document (parent, engine, kase, document);
}

/**
 * civic_document_dialog_new_show_document:
 * @kase: (nullable): the case the document is filed with; %NULL for an
 *   issued document filed with another record (a request's reply)
 * @document: a document of @kase, or of a hearing of it; a hearing's only
 *   once issued (its draft is drawn from the hearing, not the case)
 *
 * Shows a document: the service's PDF once issued, else the draft drawn
 * here.
 */
CivicDocumentDialog *
civic_document_dialog_new_show_document (GtkWindow               *parent,
                                         CivicSyncEngine         *engine,
                                         CivicCase               *kase,
                                         const CivicCaseDocument *document)
{
  CivicDocumentDialog *self;

  g_return_val_if_fail (kase != NULL || !civic_case_document_is_draft (document), NULL);

  self = dialog_new (parent, engine, kase);
  self->document_id = g_strdup (document->id);
  self->kind = document->kind;
  self->language = document->language;
  self->title = g_strdup (document->title ? document->title
                                          : civic_document_kind_get_label (document->kind));
  set_title (self);

  if (civic_case_document_is_draft (document))
    {
      self->mode = MODE_DRAFT;
      adw_window_title_set_subtitle (self->window_title, _("Draft, not numbered yet"));
      gtk_label_set_label (self->note, _("Issued on this computer: the service gives it its "
                                         "number when it receives the command. It can be "
                                         "printed then."));
      render_draft (self);
    }
  else
    {
      g_autofree char *day = civic_day_format (document->issued_on);
      /* Translators: a document's number and the day it was issued */
      g_autofree char *note = g_strdup_printf (_("Issued %s by %s · verification code %s"), day,
                                               document->by_name ? document->by_name
                                                                 : document->by_id,
                                               document->code);

      self->mode = MODE_ISSUED;
      self->number = g_strdup (document->number);
      self->sha256 = g_strdup (document->sha256);
      adw_window_title_set_subtitle (self->window_title, document->number);
      gtk_label_set_label (self->note, note);
      fetch_issued (self);
    }
  update_buttons (self);
  return self;
}

/**
 * civic_document_dialog_new_for_pdf:
 * @title: what it is: "E-Supervision Report"
 * @subtitle: (nullable): for whom, or of what
 * @note: (nullable): where it comes from
 *
 * A PDF the service made for the official (a period's report), to read,
 * print, save or open, like an issued document.
 */
CivicDocumentDialog *
civic_document_dialog_new_for_pdf (GtkWindow       *parent,
                                   CivicSyncEngine *engine,
                                   const char      *title,
                                   const char      *subtitle,
                                   const char      *note,
                                   GBytes          *pdf)
{
  CivicDocumentDialog *self = dialog_new (parent, engine, NULL);
  g_autoptr(GError) error = NULL;

  self->mode = MODE_ISSUED;
  self->title = g_strdup (title);
  set_title (self);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_label_set_label (self->note, note ? note : "");
  if (!show_pdf (self, pdf, &error))
    show_error (self, _("The Document Cannot Be Shown"), error->message);
  update_buttons (self);
  return self;
}

/**
 * civic_document_dialog_get_case_id:
 *
 * Returns: the id of the case the document is for
 */
const char *
civic_document_dialog_get_case_id (CivicDocumentDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_DOCUMENT_DIALOG (self), NULL);
  return self->kase != NULL ? civic_case_get_id (self->kase) : NULL;
}

guint
civic_document_dialog_get_n_pages (CivicDocumentDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_DOCUMENT_DIALOG (self), 0);
  return self->poppler ? poppler_document_get_n_pages (self->poppler) : 0;
}

/**
 * civic_document_dialog_get_pdf:
 *
 * Returns: (transfer none) (nullable): the PDF shown
 */
GBytes *
civic_document_dialog_get_pdf (CivicDocumentDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_DOCUMENT_DIALOG (self), NULL);
  return self->pdf;
}
