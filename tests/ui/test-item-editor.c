/* test-item-editor.c — the Catalogue section, an item's page and its editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed in as the demo department's catalogue editor, on a real service.
 * The section lists the department's items, never another's; an item
 * opens on its page with Revise. Revised, its draft opens in the editor:
 * 25 days in the promised limit puts the law's refusal under its row, and
 * saved so the page greys Submit with that reason. A material added, 10
 * days promised and saved again: the page lists "Material added" and
 * Submit is offered; sent, the service has version 2 in review, with the
 * blank form attached to the first material on the way.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-catalogue-view.h"
#include "civic-item-editor.h"
#include "civic-item-page.h"
#include "civic-json.h"
#include "civic-ui-test.h"

#define CODE "430000-SCJG-XK-0003"

static GtkWidget *
new_view (GtkWidget **window)
{
  GtkWidget *view = g_object_new (CIVIC_TYPE_CATALOGUE_VIEW, NULL);

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  *window = civic_ui_test_window (view, 1100, 900);
  return view;
}

static GtkButton *
button_labelled (GtkWidget  *root,
                 const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found;

      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) != NULL &&
          g_str_equal (gtk_button_get_label (GTK_BUTTON (child)), label))
        return GTK_BUTTON (child);
      found = button_labelled (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
sync_then_true (void)
{
  civic_ui_test_sync ();
  civic_ui_test_spin (100);
  return TRUE;
}

/* What the rules say of 25 days promised over 20, in the language the
 * test runs in */
static char *
too_long (void)
{
  return g_strdup_printf (_("The promised limit (%d %s) is longer than the statutory one (%d)"),
                          25, _("working days"), 20);
}

static void
test_catalogue (void)
{
  g_autofree char *refusal = too_long ();
  g_autofree char *added = g_strdup_printf (_("Material added: %s (%s)"), "食品安全自查制度",
                                            _("required"));
  GtkWidget *window = NULL;
  GtkWidget *view = new_view (&window);
  GtkListBox *list = civic_catalogue_view_get_list (CIVIC_CATALOGUE_VIEW (view));
  CivicItemPage *page = civic_catalogue_view_get_page (CIVIC_CATALOGUE_VIEW (view));
  CivicItemEditor *editor;
  GtkButton *submit, *revise;
  GPtrArray *findings;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  sync_then_true ();
  /* All lists the department's items, and no other's */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (civic_ui_test_find_titled (view,
                                                                              GTK_TYPE_TOGGLE_BUTTON,
                                                                              _("A_ll"))),
                                TRUE);
  civic_ui_test_spin (20);
  for (guint i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, i)));

      g_assert_true (g_str_has_prefix (subtitle, "430000-SCJG-"));
      n++;
    }
  g_assert_cmpuint (n, >=, 20);
  n = 0;
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (window, "catalogue");

  civic_catalogue_view_open (CIVIC_CATALOGUE_VIEW (view), CODE);
  civic_ui_test_spin (50);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), "食品经营许可证变更"));
  revise = button_labelled (GTK_WIDGET (page), civic_item_action_get_label (CIVIC_ITEM_ACTION_REVISE));
  g_assert_nonnull (revise);
  civic_item_page_start_action (page, CIVIC_ITEM_ACTION_REVISE);
  civic_ui_test_spin (50);
  g_assert_nonnull (civic_item_get_pending (civic_item_page_get_item (page)));

  /* 25 days promised: refused under its row, saved all the same */
  editor = CIVIC_ITEM_EDITOR (civic_item_page_edit (page));
  g_assert_nonnull (editor);
  {
    GtkWidget *row = civic_item_editor_get_limit_row (editor, "promised");
    GtkWidget *spin = civic_ui_test_find_titled (row, GTK_TYPE_SPIN_BUTTON, NULL);

    g_assert_nonnull (spin);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 25);
    civic_ui_test_spin (20);
    findings = civic_item_editor_get_findings (editor);
    for (guint i = 0; i < findings->len; i++)
      n += ((CivicItemFinding *) g_ptr_array_index (findings, i))->refusal;
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, refusal);
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    if (civic_ui_test_screenshots_wanted ())
      civic_ui_test_screenshot (GTK_WIDGET (editor), "item-editor");
    g_assert_true (civic_item_editor_save (editor, &error));
    g_assert_no_error (error);
    gtk_window_destroy (GTK_WINDOW (editor));
  }
  civic_item_page_reload (page);
  civic_ui_test_spin (20);
  submit = button_labelled (GTK_WIDGET (page),
                            civic_item_action_get_label (CIVIC_ITEM_ACTION_SUBMIT));
  g_assert_nonnull (submit);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (submit)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (submit)), ==, refusal);

  /* A material added and 10 days: the change listed, Submit offered */
  editor = CIVIC_ITEM_EDITOR (civic_item_page_edit (page));
  {
    GtkWidget *row = civic_item_editor_get_limit_row (editor, "promised");
    GtkWidget *spin = GTK_WIDGET (civic_ui_test_find_titled (row, GTK_TYPE_SPIN_BUTTON, NULL));
    guint before = civic_item_editor_get_n_materials (editor);

    g_autoptr(GBytes) blank = g_bytes_new_static ("申请书\n申请人：\n", strlen ("申请书\n申请人：\n"));

    /* A blank form for the first material: it goes up with its command,
     * and the next save keeps it */
    g_assert_true (civic_item_editor_attach (editor, "m1", CIVIC_ITEM_FILE_BLANK_FORM,
                                             "变更申请书.txt", "text/plain", blank, &error));
    g_assert_no_error (error);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 10);
    civic_item_editor_add_material (editor, "食品安全自查制度", TRUE);
    g_assert_cmpuint (civic_item_editor_get_n_materials (editor), ==, before + 1);
    civic_ui_test_spin (20);
    g_assert_cmpuint (civic_item_editor_get_findings (editor)->len, ==, 0);
    g_assert_true (civic_item_editor_save (editor, &error));
    g_assert_no_error (error);
    gtk_window_destroy (GTK_WINDOW (editor));
  }
  civic_item_page_reload (page);
  civic_ui_test_spin (20);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (page), added));
  submit = button_labelled (GTK_WIDGET (page),
                            civic_item_action_get_label (CIVIC_ITEM_ACTION_SUBMIT));
  g_assert_nonnull (submit);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (submit)));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (window, "item-page");
  /* (its form asks for a note, which may be left out) */
  {
    g_autoptr(JsonObject) args = json_object_new ();
    g_autofree char *command = NULL;

    json_object_set_string_member (args, "note", "增加自查制度材料");
    command = civic_sync_engine_perform_action (civic_ui_test_engine (), &civic_item_kind, CODE,
                                                CIVIC_ITEM_ACTION_SUBMIT, args, &error);
    g_assert_no_error (error);
    g_assert_nonnull (command);
  }

  /* Sent: the service has version 2 in review */
  sync_then_true ();
  {
    g_autofree char *token = civic_test_sign_in (civic_ui_test_service (), "catalogue-editor");
    guint status;
    g_autoptr(JsonNode) item = civic_test_request (civic_ui_test_service (), "GET",
                                                   "/api/v1/items/" CODE, token, NULL, &status);
    JsonObject *pending;

    g_assert_cmpuint (status, ==, 200);
    pending = json_object_has_member (json_node_get_object (item), "data")
              ? json_object_get_object_member (json_object_get_object_member (json_node_get_object (item), "data"), "pending")
              : json_object_get_object_member (json_node_get_object (item), "pending");
    g_assert_nonnull (pending);
    g_assert_cmpstr (json_object_get_string_member (pending, "state"), ==, "in-review");
    g_assert_cmpint (json_object_get_int_member (pending, "version"), ==, 2);
    {
      g_autofree char *guide = civic_json_to_string (json_object_get_member (pending, "guide"),
                                                     FALSE);

      g_assert_nonnull (strstr (guide, "\"blank_form\":{\"sha256\":"));
      g_assert_nonnull (strstr (guide, "变更申请书.txt"));
    }
  }

  /* In Progress lists it, for the reviewer */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (civic_ui_test_find_titled (view,
                                                                              GTK_TYPE_TOGGLE_BUTTON,
                                                                              _("_In Progress"))),
                                TRUE);
  civic_ui_test_spin (20);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (list), "食品经营许可证变更"));
  civic_ui_test_destroy (window, view);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("catalogue-editor");

  g_test_add_func ("/item-editor/catalogue", test_catalogue);

  return civic_ui_test_run ();
}
