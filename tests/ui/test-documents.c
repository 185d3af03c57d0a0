/* test-documents.c — the case page's documents: preview, issue, print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An examiner of the demo department informs the parties of their right
 * to a hearing; the page offers the notice, drawn here as a draft in
 * either language; issued, it waits as a draft until the service numbers
 * it; then it is the service's PDF, checked by its hash, that the page
 * shows and prints.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "civic-case-page.h"
#include "civic-document-dialog.h"
#include "civic-ui-test.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static void
count_issue (CivicDocumentDialog *dialog,
             guint                kind,
             guint                language,
             guint               *n)
{
  (*n)++;
}

/* The labels of the Documents group's Issue menu */
static GPtrArray *
issue_menu (GtkWidget *page)
{
  GtkWidget *group = civic_ui_test_find_titled (page, ADW_TYPE_PREFERENCES_GROUP, "Documents");
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *button;
  GMenuModel *menu;

  if (group == NULL)
    return labels;
  button = civic_ui_test_find_titled (group, GTK_TYPE_MENU_BUTTON, NULL);
  if (button == NULL)
    return labels;
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      char *label = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_ptr_array_add (labels, label);
    }
  return labels;
}

static void
wait_for_pages (CivicDocumentDialog *dialog)
{
  for (guint i = 0; i < 200 && civic_document_dialog_get_n_pages (dialog) == 0; i++)
    civic_ui_test_spin (25);
  g_assert_cmpuint (civic_document_dialog_get_n_pages (dialog), >=, 1);
}

static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_autoptr(PopplerPage) page = NULL;

  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  return poppler_page_get_text (page);
}

static void
test_documents_section (void)
{
  g_autofree char *id = civic_ui_test_find_case (CIVIC_INBOX_MINE, "under-review");
  CivicSyncEngine *engine = civic_ui_test_engine ();
  g_autoptr(JsonObject) inform = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *informed = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *draft_text = NULL;
  g_autofree char *english_text = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *printed_path = NULL;
  g_autofree char *sha256 = NULL;
  CivicDocumentDialog *dialog;
  GtkWidget *page = g_object_new (CIVIC_TYPE_CASE_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  JsonArray *parties = json_array_new ();
  CivicCase *kase;
  const CivicCaseDocument *document;
  guint n_issued = 0;

  gtk_window_set_child (GTK_WINDOW (window), page);
  civic_case_page_set_engine (CIVIC_CASE_PAGE (page), engine);
  civic_case_page_set_case_id (CIVIC_CASE_PAGE (page), id);
  gtk_window_present (GTK_WINDOW (window));

  /* Nothing yet that the examiner issues */
  before = issue_menu (page);
  g_assert_false (g_ptr_array_find_with_equal_func (before, "Notice of the Right to a Hearing…",
                                                    g_str_equal, NULL));

  json_array_add_string_element (parties, "张三丰");
  json_object_set_array_member (inform, "parties", parties);
  informed = civic_sync_engine_perform (engine, id, CIVIC_ACTION_INFORM_HEARING_RIGHT, inform,
                                        &error);
  g_assert_no_error (error);
  civic_case_page_reload (CIVIC_CASE_PAGE (page));
  after = issue_menu (page);
  g_assert_true (g_ptr_array_find_with_equal_func (after, "Notice of the Right to a Hearing…",
                                                   g_str_equal, NULL));

  /* The draft, drawn here from the synced template */
  dialog = civic_case_page_issue_document (CIVIC_CASE_PAGE (page),
                                           CIVIC_DOCUMENT_HEARING_RIGHT_NOTICE);
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "issue", G_CALLBACK (count_issue), &n_issued);
  wait_for_pages (dialog);
  draft_text = pdf_text (civic_document_dialog_get_pdf (dialog));
  g_assert_nonnull (strstr (draft_text, "行政许可听证权利告知书"));
  g_assert_nonnull (strstr (draft_text, "〔待编号〕"));
  g_assert_nonnull (strstr (draft_text, "草稿"));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (dialog), "_Issue"));

  /* In English */
  {
    GtkWidget *choice = civic_ui_test_find_titled (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, NULL);

    g_assert_nonnull (choice);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), 1);
    wait_for_pages (dialog);
    english_text = pdf_text (civic_document_dialog_get_pdf (dialog));
    g_assert_nonnull (strstr (english_text, "Notice of the Right to a Hearing"));
    g_assert_nonnull (strstr (english_text, "Draft: not numbered, not issued, of no effect."));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), 0);
    wait_for_pages (dialog);
  }

  /* Issued: the command waits to be sent; the page lists a draft */
  {
    GtkWidget *issue = civic_ui_test_find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Issue");

    g_assert_nonnull (issue);
    g_signal_emit_by_name (issue, "clicked");
  }
  g_assert_cmpuint (n_issued, ==, 1);
  civic_case_page_reload (CIVIC_CASE_PAGE (page));
  g_assert_true (civic_ui_test_has_text (page, "Draft, numbered when the service receives it"));

  /* The service numbers it */
  civic_ui_test_sync ();
  civic_case_page_reload (CIVIC_CASE_PAGE (page));
  kase = civic_case_page_get_case (CIVIC_CASE_PAGE (page));
  g_assert_cmpuint (civic_case_get_documents (kase)->len, ==, 1);
  document = g_ptr_array_index (civic_case_get_documents (kase), 0);
  g_assert_false (civic_case_document_is_draft (document));
  g_assert_true (g_str_has_prefix (document->number, "湘市监听告〔2026〕"));
  g_assert_true (civic_ui_test_has_text (page, "行政许可听证权利告知书"));

  /* Opened: the service's own PDF, as its hash says */
  dialog = civic_document_dialog_new_show (GTK_WINDOW (window), engine, kase, document->id);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_pages (dialog);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, civic_document_dialog_get_pdf (dialog));
  g_assert_cmpstr (sha256, ==, document->sha256);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (dialog), "_Print…"));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (dialog), "Save as P_DF…"));

  /* Printed as the printer gets it: the number and the code on A4 */
  printed_path = g_build_filename (g_get_tmp_dir (), "civic-printed-XXXXXX.pdf", NULL);
  g_close (g_mkstemp (printed_path), NULL);
  g_assert_true (civic_document_dialog_print_to_file (dialog, printed_path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GMappedFile) file = g_mapped_file_new (printed_path, FALSE, &error);
    g_autoptr(GBytes) bytes = NULL;

    g_assert_no_error (error);
    bytes = g_mapped_file_get_bytes (file);
    printed = pdf_text (bytes);
  }
  g_assert_nonnull (strstr (printed, document->number));
  g_assert_nonnull (strstr (printed, document->code));
  g_unlink (printed_path);

  gtk_window_destroy (GTK_WINDOW (dialog));
  civic_ui_test_destroy (window, page);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/documents/section", test_documents_section);

  return civic_ui_test_run ();
}
