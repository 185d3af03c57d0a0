/* test-disclosures-view.c — the Disclosures section's lists, switch and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed in as the demo organ's disclosure editor, the time pinned to
 * Friday 2026-03-20: three drafts formed on different days, one of them
 * submitted. Drafts lists the two others, the one whose Art. 26 day is
 * nearest first, each with its day; To Review the submitted one (an
 * editor follows every review); the other lists are empty; the search
 * keeps the titles that have the words; the section counts the drafts
 * waiting for their editor.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-action-dialog.h"
#include "civic-disclosures-view.h"
#include "civic-form.h"
#include "civic-ui-test.h"

static GtkWidget *
new_view (GtkWidget **window)
{
  GtkWidget *view = g_object_new (CIVIC_TYPE_DISCLOSURES_VIEW, NULL);

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  *window = civic_ui_test_window (view, 1100, 700);
  return view;
}

static char *
create_draft (CivicDisclosuresView *view,
              const char           *title,
              const char           *formed_on,
              const char           *body)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(JsonObject) save = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  char *id;

  json_object_set_string_member (args, "title", title);
  json_object_set_string_member (args, "category", "penalties");
  json_object_set_string_member (args, "formed_on", formed_on);
  id = civic_disclosures_view_create (view, args, &error);
  g_assert_no_error (error);
  json_object_set_string_member (save, "body", body);
  json_object_set_int_member (save, "base_version", 0);
  command = civic_sync_engine_perform_disclosure (civic_ui_test_engine (), id,
                                                  CIVIC_DISCLOSURE_ACTION_SAVE, save, &error);
  g_assert_no_error (error);
  return id;
}

/* The titles the list shows, in order */
static GPtrArray *
titles (CivicDisclosuresView *view)
{
  GtkListBox *list = civic_disclosures_view_get_list (view);
  GPtrArray *shown = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    g_ptr_array_add (shown, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return shown;
}

static void
keep_toast (GtkWidget  *view,
            AdwToast   *toast,
            AdwToast  **heard)
{
  *heard = toast;
}

static void
test_lists (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  g_autofree char *penalties = create_draft (view, "2026年3月行政处罚决定公示", "2026-03-02",
                                             "本月作出行政处罚决定12件。");
  g_autofree char *fees = create_draft (view, "2026年行政事业性收费目录", "2026-03-16",
                                        "收费项目共8项。");
  g_autofree char *guide = create_draft (view, "政府信息公开指南（2026年修订）", "2026-03-10",
                                         "本机关政府信息公开工作机构为办公室。");
  g_autoptr(JsonObject) none = json_object_new ();
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *left = NULL;
  GtkListBoxRow *row;

  command = civic_sync_engine_perform_disclosure (civic_ui_test_engine (), guide,
                                                  CIVIC_DISCLOSURE_ACTION_SUBMIT, none, &error);
  g_assert_no_error (error);
  civic_ui_test_spin (50);

  /* Drafts: formed 2026-03-02, due 20 working days later (2026-03-30),
   * before the one formed on the 16th */
  civic_disclosures_view_show_list (view, CIVIC_DISCLOSURE_LIST_DRAFTS);
  shown = titles (view);
  g_assert_cmpuint (shown->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (shown, 0), ==, "2026年3月行政处罚决定公示");
  g_assert_cmpstr (g_ptr_array_index (shown, 1), ==, "2026年行政事业性收费目录");
  row = gtk_list_box_get_row_at_index (civic_disclosures_view_get_list (view), 0);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, penalties);
  /* In the language of a screenshot too */
  left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                       "%d working days left", 6), 6);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row), left));
  g_assert_cmpuint (civic_disclosures_view_get_n_to_do (view), ==, 2);
  g_clear_pointer (&shown, g_ptr_array_unref);

  /* To Review: the submitted one */
  civic_disclosures_view_show_list (view, CIVIC_DISCLOSURE_LIST_TO_REVIEW);
  shown = titles (view);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (shown, 0), ==, "政府信息公开指南（2026年修订）");
  g_clear_pointer (&shown, g_ptr_array_unref);

  for (CivicDisclosureList list = CIVIC_DISCLOSURE_LIST_SCHEDULED;
       list <= CIVIC_DISCLOSURE_LIST_ENDED; list++)
    {
      civic_disclosures_view_show_list (view, list);
      g_assert_null (gtk_list_box_get_row_at_index (civic_disclosures_view_get_list (view), 0));
    }

  /* The search keeps the titles with the words, in the list shown */
  civic_disclosures_view_show_list (view, CIVIC_DISCLOSURE_LIST_DRAFTS);
  civic_disclosures_view_set_search (view, "收费");
  shown = titles (view);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (shown, 0), ==, "2026年行政事业性收费目录");
  g_clear_pointer (&shown, g_ptr_array_unref);
  civic_disclosures_view_set_search (view, "");
  shown = titles (view);
  g_assert_cmpuint (shown->len, ==, 2);

  /* A row opens its disclosure; the submitted one is read, not written */
  civic_disclosures_view_open_disclosure (view, guide);
  g_assert_false (civic_disclosure_editor_get_editable (civic_disclosures_view_get_editor (view)));
  civic_disclosures_view_open_disclosure (view, fees);
  g_assert_true (civic_disclosure_editor_get_editable (civic_disclosures_view_get_editor (view)));

  /* The editor, made when the first disclosure opened, says what
   * happened through the view, as the rest of the section does */
  {
    g_autoptr(AdwToast) told = adw_toast_new ("Saved");
    AdwToast *heard = NULL;
    gulong handler = g_signal_connect (view, "add-toast", G_CALLBACK (keep_toast), &heard);

    g_signal_emit_by_name (civic_disclosures_view_get_editor (view), "add-toast", told);
    g_assert_true (heard == told);
    g_signal_handler_disconnect (view, handler);
  }

  if (civic_ui_test_screenshots_wanted ())
    {
      civic_disclosures_view_show_list (view, CIVIC_DISCLOSURE_LIST_DRAFTS);
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "disclosures");
    }
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* The service's reminder of last year's annual report (OGI Art. 49), on
 * the organ's department in the offline copy: the list says when it is
 * due, and New Annual Report asks for that year and drafts it, which the
 * service fills from the year's records */
static void
test_annual_report (void)
{
  CivicCache *cache = civic_ui_test_cache ();
  const CivicActor *me = civic_cache_get_me (cache);
  g_autoptr(JsonNode) department = civic_cache_load_entity (cache, CIVIC_ENTITY_DEPARTMENT,
                                                            me->department_id, NULL);
  g_autoptr(JsonObject) reminder = json_object_new ();
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GObject) served = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  CivicActionDialog *dialog = NULL;
  CivicDisclosureEditor *editor;
  CivicDisclosuresView *view;
  GtkWidget *window;
  const char *id;

  g_assert_nonnull (department);
  json_object_set_int_member (reminder, "year", 2025);
  json_object_set_string_member (reminder, "due_on", "2026-01-31");
  json_object_set_string_member (reminder, "since", "2026-01-01");
  json_object_set_string_member (reminder, "article", "OGI Art. 49");
  json_object_set_object_member (json_node_get_object (department), "annual_report_reminder",
                                 json_object_ref (reminder));
  data = json_to_string (department, FALSE);
  /* As a change of the feed newer than any: the cache keeps the newest */
  g_assert_true (civic_cache_store_entity (cache, CIVIC_ENTITY_DEPARTMENT, me->department_id, 9999,
                                           G_MAXINT32, data, &error));
  g_assert_no_error (error);

  view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  g_assert_true (civic_ui_test_has_text (window, "2026-01-31"));
  g_assert_true (civic_ui_test_has_text (window, "2025"));
  if (civic_ui_test_screenshots_wanted ())
    {
      civic_disclosures_view_show_list (view, CIVIC_DISCLOSURE_LIST_PUBLISHED);
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (window, "disclosures-report");
    }

  civic_disclosures_view_new_report (view, 0);
  civic_ui_test_spin (100);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (CIVIC_IS_ACTION_DIALOG (candidate))
        dialog = CIVIC_ACTION_DIALOG (candidate);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpuint (civic_action_dialog_get_action (dialog), ==,
                    CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT);
  args = civic_action_dialog_dup_args (dialog);
  g_assert_cmpint (json_object_get_int_member (args, "year"), ==, 2025);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  civic_ui_test_spin (200);

  /* The draft is open at once; the service fills its tables */
  editor = civic_disclosures_view_get_editor (view);
  id = civic_disclosure_editor_get_disclosure_id (editor);
  g_assert_nonnull (id);
  g_assert_cmpint (civic_disclosure_get_category (civic_disclosure_editor_get_disclosure (editor)),
                   ==, CIVIC_DISCLOSURE_CATEGORY_ANNUAL_REPORT);
  civic_ui_test_sync ();
  civic_ui_test_spin (100);
  served = civic_cache_load_server_record (cache, &civic_disclosure_kind, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (served);
  g_assert_nonnull (strstr (civic_disclosure_get_body (CIVIC_DISCLOSURE (served)), "2025"));
  g_assert_cmpuint (civic_disclosure_get_head_version (CIVIC_DISCLOSURE (served)), >=, 1);
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* A new disclosure's form offers the organ's columns, folded into one
 * row that names what is checked */
static void
test_new_draft_columns (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  CivicActionDialog *dialog = NULL;
  CivicDisclosuresView *view;
  g_autoptr(JsonObject) args = NULL;
  GtkWidget *window;
  GtkWidget *columns;
  GtkWidget *licensing;
  JsonArray *chosen;

  view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  civic_disclosures_view_new_disclosure (view);
  civic_ui_test_spin (100);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (CIVIC_IS_ACTION_DIALOG (candidate))
        dialog = CIVIC_ACTION_DIALOG (candidate);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpuint (civic_action_dialog_get_action (dialog), ==, CIVIC_DISCLOSURE_ACTION_CREATE);

  columns = civic_ui_test_find_titled (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW,
                                       _("Co_lumns"));
  g_assert_nonnull (columns);
  g_assert_cmpuint (civic_form_checklist_row_get_checks (columns)->len, >=, 10);
  licensing = civic_ui_test_find_titled (columns, ADW_TYPE_ACTION_ROW, "行政许可");
  g_assert_nonnull (licensing);
  adw_action_row_activate (ADW_ACTION_ROW (licensing));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (columns)), ==, "行政许可");
  civic_ui_test_spin (200);
  args = civic_action_dialog_dup_args (dialog);
  chosen = json_object_get_array_member (args, "columns");
  g_assert_cmpuint (json_array_get_length (chosen), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (chosen, 0), ==, "scjg-licensing");

  if (civic_ui_test_screenshots_wanted ())
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (columns), TRUE);
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (GTK_WIDGET (dialog), "disclosure-new-draft");
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("editor");

  g_test_add_func ("/disclosures-view/lists", test_lists);
  g_test_add_func ("/disclosures-view/annual-report", test_annual_report);
  g_test_add_func ("/disclosures-view/new-draft-columns", test_new_draft_columns);

  return civic_ui_test_run ();
}
