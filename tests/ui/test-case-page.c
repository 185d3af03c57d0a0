/* test-case-page.c — one case: its limits, its history and the actions the rules allow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-case-page.h"
#include "civic-due-chip.h"

#include "civic-ui-test.h"

/* The labels of the actions the page offers: its buttons, and its menu. */
static void
collect_actions (GtkWidget *root,
                 GPtrArray *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, "case-actions"))
        for (GtkWidget *w = gtk_widget_get_first_child (child); w != NULL;
             w = gtk_widget_get_next_sibling (w))
          {
            if (GTK_IS_MENU_BUTTON (w))
              {
                GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (w));

                for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
                  {
                    char *label = NULL;

                    g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
                    g_ptr_array_add (labels, label);
                  }
              }
            else if (GTK_IS_BUTTON (w))
              g_ptr_array_add (labels, g_strdup (gtk_button_get_label (GTK_BUTTON (w))));
          }
      collect_actions (child, labels);
    }
}

static gboolean
offers (GtkWidget   *page,
        CivicAction  action)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  collect_actions (page, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (labels, i), civic_action_get_label (action)))
      return TRUE;
  return FALSE;
}

static guint
n_offered (GtkWidget *page)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  collect_actions (page, labels);
  return labels->len;
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_with_class (child, css_class)) != NULL)
        return found;
    }
  return NULL;
}

static void
keep_toast (GtkWidget  *page,
            AdwToast   *toast,
            AdwToast  **kept)
{
  g_set_object (kept, toast);
}

static void
test_case_page_sections (void)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *id = civic_ui_test_find_case (CIVIC_INBOX_MINE, "under-review");
  CivicSyncEngine *engine = civic_ui_test_engine ();
  g_autoptr(CivicCase) kase = civic_cache_load_case (civic_ui_test_cache (), id, NULL);
  g_autoptr(GArray) actions = civic_sync_engine_list_actions (engine, kase);
  GtkWidget *page = g_object_new (CIVIC_TYPE_CASE_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), page);
  civic_case_page_set_engine (CIVIC_CASE_PAGE (page), engine);
  civic_case_page_set_case_id (CIVIC_CASE_PAGE (page), id);

  g_assert_true (civic_case_page_get_case (CIVIC_CASE_PAGE (page)) != NULL);
  g_assert_true (civic_ui_test_has_text (page, civic_case_get_number (kase)));
  g_assert_true (civic_ui_test_has_text (page, "Time Limits"));
  /* Rows that are only read take no Tab stop; Reveal, for the
   * department's examiner, is there */
  {
    GtkWidget *row = find_with_class (page, "property");

    g_assert_nonnull (row);
    g_assert_false (gtk_widget_get_focusable (row));
    g_assert_true (civic_ui_test_has_text (page, "_Reveal…"));
  }
  /* A limit's whole row opens how it was counted */
  {
    GtkWidget *chip = civic_ui_test_find_titled (page, CIVIC_TYPE_DUE_CHIP, NULL);
    GtkWidget *row = gtk_widget_get_ancestor (chip, ADW_TYPE_ACTION_ROW);

    g_assert_nonnull (row);
    g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) ==
                   civic_due_chip_get_activatable (CIVIC_DUE_CHIP (chip)));
  }
  /* Above the fold: the state, the actions, the time limits; the
   * application's details after them */
  {
    GtkWidget *limits = civic_ui_test_find_titled (page, ADW_TYPE_PREFERENCES_GROUP, "Time Limits");
    GtkWidget *application = civic_ui_test_find_titled (page, ADW_TYPE_PREFERENCES_GROUP,
                                                        "Application");
    GtkWidget *actions_row = find_with_class (page, "case-actions");
    GtkWidget *parent = gtk_widget_get_parent (limits);
    int actions_at = -1, limits_at = -1, application_at = -1, i = 0;

    g_assert_true (gtk_widget_get_parent (application) == parent);
    g_assert_true (gtk_widget_get_parent (actions_row) == parent);
    for (GtkWidget *w = gtk_widget_get_first_child (parent); w != NULL;
         w = gtk_widget_get_next_sibling (w), i++)
      {
        if (w == actions_row)
          actions_at = i;
        else if (w == limits)
          limits_at = i;
        else if (w == application)
          application_at = i;
      }
    g_assert_cmpint (actions_at, <, limits_at);
    g_assert_cmpint (limits_at, <, application_at);
  }
  g_assert_true (civic_ui_test_has_text (page, "Statutory"));
  g_assert_true (civic_ui_test_has_text (page, "History"));
  g_assert_true (civic_ui_test_has_text (page, civic_case_get_item_name (kase)));

  /* A sync that did not touch the case leaves the page as it is: the
   * same widgets, so an open menu and the focus stay. */
  {
    GtkLabel *before = civic_ui_test_find_label (page, "Time Limits");

    civic_case_page_reload (CIVIC_CASE_PAGE (page));
    g_assert_true (civic_ui_test_find_label (page, "Time Limits") == before);
  }

  /* Exactly the actions the rules allow: an examiner records an opinion,
   * and is never offered to decide. */
  g_assert_cmpuint (actions->len, >, 0);
  {
    guint n_documents = 0;

    /* Documents are issued from their own section, by kind */
    for (guint i = 0; i < actions->len; i++)
      n_documents += g_array_index (actions, CivicAction, i) == CIVIC_ACTION_ISSUE_DOCUMENT;
    g_assert_cmpuint (n_offered (page), ==, actions->len - n_documents);
  }
  g_assert_true (offers (page, CIVIC_ACTION_OPINION));
  /* One suggested step, the next one, first */
  {
    GtkWidget *row = find_with_class (page, "case-actions");
    guint n_suggested = 0;

    g_assert_nonnull (row);
    for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      n_suggested += gtk_widget_has_css_class (w, "suggested-action");
    g_assert_cmpuint (n_suggested, ==, 1);
    g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (row), "suggested-action"));
  }
  g_assert_true (offers (page, CIVIC_ACTION_COMMENT));
  g_assert_false (offers (page, CIVIC_ACTION_DECIDE));
  g_assert_false (offers (page, CIVIC_ACTION_ACCEPT));

  /* An action that asks nothing is taken at once, kept for sending; its
   * toast says "sending", then, once the service has it, "done". */
  g_signal_connect (page, "add-toast", G_CALLBACK (keep_toast), &toast);
  civic_case_page_start_action (CIVIC_CASE_PAGE (page), CIVIC_ACTION_RELEASE);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 1);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Release — sending to the service");
  civic_case_page_reload (CIVIC_CASE_PAGE (page));
  g_assert_true (civic_ui_test_has_text (page, "Waiting to be sent"));
  g_assert_cmpstr (civic_case_page_get_case_id (CIVIC_CASE_PAGE (page)), ==, id);
  civic_ui_test_sync ();
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Release — done");
  civic_case_page_reload (CIVIC_CASE_PAGE (page));
  g_assert_false (civic_ui_test_has_text (page, "Waiting to be sent"));
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);

  /* A case paused for a hearing says so: who asked, or why it was
   * ordered, and since when */
  {
    g_autoptr(JsonObject) inform = json_object_new ();
    g_autoptr(JsonObject) request = json_object_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *informed = NULL;
    g_autofree char *requested = NULL;
    JsonArray *parties = json_array_new ();

    json_array_add_string_element (parties, "张三丰");
    json_object_set_array_member (inform, "parties", parties);
    json_object_set_string_member (request, "requested_by", "张三丰");
    informed = civic_sync_engine_perform (engine, id, CIVIC_ACTION_INFORM_HEARING_RIGHT, inform,
                                          &error);
    g_assert_no_error (error);
    requested = civic_sync_engine_perform (engine, id, CIVIC_ACTION_REQUEST_HEARING, request,
                                           &error);
    g_assert_no_error (error);
    civic_case_page_reload (CIVIC_CASE_PAGE (page));
    g_assert_true (civic_ui_test_has_text (page, "Hearing"));
    g_assert_true (civic_ui_test_has_text (page, "Parties informed of the right"));
    /* Who asked, masked as the offline copy keeps a person's name */
    g_assert_true (civic_ui_test_has_text (page, "张**, on "));
    g_assert_true (civic_ui_test_has_text (page, "Clocks stopped for it"));
  }

  /* No case: the empty state. */
  civic_case_page_set_case_id (CIVIC_CASE_PAGE (page), NULL);
  g_assert_null (civic_case_page_get_case (CIVIC_CASE_PAGE (page)));

  civic_ui_test_destroy (window, page);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/case-page/sections", test_case_page_sections);

  return civic_ui_test_run ();
}
