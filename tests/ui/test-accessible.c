/* test-accessible.c — the names a screen reader reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-accessible.h"

#include "civic-ui-test.h"

static void
test_strip_mnemonic (void)
{
  const struct { const char *label, *read; } cases[] = {
    { "_Cancel", "Cancel" }, { "C_laim", "Claim" }, { "Save __As", "Save _As" },
    { "Decide…", "Decide…" }, { "保存(_S)", "保存(S)" }, { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *read = civic_accessible_strip_mnemonic (cases[i].label);

      g_assert_cmpstr (read, ==, cases[i].read);
    }
}

static void
show (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  civic_ui_test_spin (50);
}

/* GTK 4.8 reads "_Cancel Cancel"; the button says its label once, also
 * after the label changes, and also on a page of a stack not shown. */
static void
test_mnemonic_read_once (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *shown = gtk_button_new_with_mnemonic ("_Cancel");
  GtkWidget *hidden = gtk_button_new_with_mnemonic ("_Sign In");
  GtkWidget *later;

  civic_accessible_init ();
  gtk_stack_add_named (GTK_STACK (stack), shown, "shown");
  gtk_stack_add_named (GTK_STACK (stack), hidden, "hidden");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  show (window);

  gtk_test_accessible_assert_property (shown, GTK_ACCESSIBLE_PROPERTY_LABEL, "Cancel");
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (shown),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_false (gtk_widget_get_mapped (hidden));
  gtk_test_accessible_assert_property (hidden, GTK_ACCESSIBLE_PROPERTY_LABEL, "Sign In");

  gtk_button_set_label (GTK_BUTTON (shown), "C_laim");
  gtk_test_accessible_assert_property (shown, GTK_ACCESSIBLE_PROPERTY_LABEL, "Claim");
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (shown),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  /* Added to a window already shown */
  later = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (later), "_Other Actions");
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (later), TRUE);
  gtk_stack_add_named (GTK_STACK (stack), later, "later");
  gtk_stack_set_visible_child (GTK_STACK (stack), later);
  civic_ui_test_spin (50);
  gtk_test_accessible_assert_property (later, GTK_ACCESSIBLE_PROPERTY_LABEL, "Other Actions");

  civic_ui_test_destroy (window, NULL);
}

/* A drop-down's button says what it chooses and what is chosen; its
 * rows say their choice. */
static void
test_choices_named (void)
{
  const char *sorts[] = { "Due date", "Last change", NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (sorts);
  GtkWidget *button = gtk_widget_get_first_child (drop_down);

  civic_accessible_name_choices (drop_down, "Sort by");
  gtk_window_set_child (GTK_WINDOW (window), drop_down);
  show (window);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Sort by: Due date");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 1);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Sort by: Last change");

  civic_ui_test_destroy (window, drop_down);
}

/* A row of a list view is named by what its child says. */
static void
test_list_row_named (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *child = gtk_label_new ("20260224-SCJG-000016");

  g_object_ref_sink (row);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  civic_accessible_name_list_row (child, "20260224-SCJG-000016, Under review");
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "20260224-SCJG-000016, Under review");
  g_object_unref (row);
}

/* libadwaita 1.2's eye in a password row says what pressing it does. */
static void
test_password_reveal_named (void)
{
  GtkWidget *row = adw_password_entry_row_new ();
  GtkWidget *reveal = NULL;

  g_object_ref_sink (row);
  civic_accessible_name_password_row (ADW_PASSWORD_ENTRY_ROW (row));
  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL; )
    {
      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)),
                                          "view-reveal-symbolic") == 0)
        {
          reveal = w;
          break;
        }
      /* depth first */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != row)
            w = gtk_widget_get_parent (w);
          w = w != NULL && w != row ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (reveal);
  gtk_test_accessible_assert_property (reveal, GTK_ACCESSIBLE_PROPERTY_LABEL, "Show Password");
  gtk_button_set_icon_name (GTK_BUTTON (reveal), "view-conceal-symbolic");
  gtk_test_accessible_assert_property (reveal, GTK_ACCESSIBLE_PROPERTY_LABEL, "Hide Password");
  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/accessible/strip-mnemonic", test_strip_mnemonic);
  g_test_add_func ("/ui/accessible/mnemonic-read-once", test_mnemonic_read_once);
  g_test_add_func ("/ui/accessible/choices-named", test_choices_named);
  g_test_add_func ("/ui/accessible/list-row-named", test_list_row_named);
  g_test_add_func ("/ui/accessible/password-reveal-named", test_password_reveal_named);

  return civic_ui_test_run ();
}
