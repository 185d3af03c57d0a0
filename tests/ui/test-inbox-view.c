/* test-inbox-view.c — the queues: filled a screenful first, toasts through a signal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-inbox-view.h"
#include "civic-section.h"

#include "civic-ui-test.h"

/* The inbox shows a screenful first, then the whole list within a few
 * frames (GtkListView 4.8 would otherwise make 200 rows before the first
 * case appears). */
static void
test_inbox_view_fills (void)
{
  CivicCache *cache = civic_ui_test_cache ();
  CivicInboxFilter all = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (CIVIC_TYPE_INBOX_VIEW, NULL);
  GListModel *model;
  guint expected = civic_cache_count_cases (cache, &all, NULL);

  g_assert_cmpuint (expected, >, 200);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  civic_inbox_view_set_queue (CIVIC_INBOX_VIEW (view), CIVIC_INBOX_ALL);
  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  model = civic_inbox_view_get_model (CIVIC_INBOX_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, expected);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && g_list_model_get_n_items (model) < expected; i++)
    civic_ui_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);

  civic_ui_test_destroy (window, view);
}

/* A view says what happened through its "add-toast" signal, which the
 * window's template connects to its overlay: the view never reaches into
 * the window. An action with no case in front of the official is one. */
static void
toast_cb (GtkWidget  *view,
          AdwToast   *toast,
          char      **title)
{
  g_free (*title);
  *title = g_strdup (adw_toast_get_title (toast));
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 6);
}

static void
test_inbox_view_toasts (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (CIVIC_TYPE_INBOX_VIEW, NULL);
  g_autofree char *title = NULL;

  gtk_window_set_child (GTK_WINDOW (window), view);
  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  g_signal_connect (view, "add-toast", G_CALLBACK (toast_cb), &title);
  civic_inbox_view_start_action (CIVIC_INBOX_VIEW (view), CIVIC_ACTION_CLAIM);
  g_assert_cmpstr (title, ==, "Choose a case first");

  civic_ui_test_destroy (window, view);
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

/* A filter that is on is said in words under the search, with the way to
 * clear it, not only by a highlighted icon. */
static void
test_inbox_view_filter_line (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (CIVIC_TYPE_INBOX_VIEW, NULL);
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();
  GtkRevealer *line = NULL;
  GtkWidget *clear;
  const char *state;

  gtk_window_set_child (GTK_WINDOW (window), view);
  civic_inbox_view_set_queue (CIVIC_INBOX_VIEW (view), CIVIC_INBOX_ALL);
  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  gtk_window_present (GTK_WINDOW (window));
  civic_ui_test_spin (100);

  collect (view, GTK_TYPE_REVEALER, revealers);
  for (guint i = 0; i < revealers->len; i++)
    if (civic_ui_test_has_text (g_ptr_array_index (revealers, i), "C_lear Filters"))
      line = g_ptr_array_index (revealers, i);
  g_assert_nonnull (line);
  g_assert_false (gtk_revealer_get_reveal_child (line));

  /* Sort by, State, … in the popover's order */
  collect (view, GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_cmpuint (drop_downs->len, ==, 6);
  gtk_drop_down_set_selected (g_ptr_array_index (drop_downs, 1), 1);
  state = gtk_string_object_get_string (
    gtk_drop_down_get_selected_item (g_ptr_array_index (drop_downs, 1)));
  g_assert_true (gtk_revealer_get_reveal_child (line));
  {
    g_autofree char *said = g_strdup_printf ("Filtered by State: %s", state);

    g_assert_true (civic_ui_test_has_text (GTK_WIDGET (line), said));
  }

  clear = civic_ui_test_find_titled (GTK_WIDGET (line), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (clear);
  g_signal_emit_by_name (clear, "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (line));
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drop_downs, 1)), ==, 0);

  civic_ui_test_destroy (window, view);
}

/* A case chosen in the list side by side, then the window narrowed: the
 * case stays in view, not the list. */
static void
test_inbox_view_narrowed_keeps_case (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (CIVIC_TYPE_INBOX_VIEW, NULL);
  GListModel *model;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  civic_inbox_view_set_queue (CIVIC_INBOX_VIEW (view), CIVIC_INBOX_ALL);
  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  gtk_window_present (GTK_WINDOW (window));
  model = civic_inbox_view_get_model (CIVIC_INBOX_VIEW (view));
  for (guint i = 0; i < 100 && g_list_model_get_n_items (model) == 0; i++)
    civic_ui_test_spin (50);
  g_assert_false (civic_inbox_view_is_reading (CIVIC_INBOX_VIEW (view)));

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  civic_ui_test_spin (100);
  g_assert_true (civic_inbox_view_is_reading (CIVIC_INBOX_VIEW (view)));

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  /* One column: narrower than the list and the case side by side */
  for (guint i = 0; i < 40 && gtk_widget_get_width (view) >= 720; i++)
    civic_ui_test_spin (50);
  g_assert_cmpint (gtk_widget_get_width (view), <, 720);
  g_assert_true (civic_inbox_view_is_reading (CIVIC_INBOX_VIEW (view)));

  civic_ui_test_destroy (window, view);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/inbox-view/toasts", test_inbox_view_toasts);
  g_test_add_func ("/ui/inbox-view/fills", test_inbox_view_fills);
  g_test_add_func ("/ui/inbox-view/filter-line", test_inbox_view_filter_line);
  g_test_add_func ("/ui/inbox-view/narrowed-keeps-case", test_inbox_view_narrowed_keeps_case);

  return civic_ui_test_run ();
}
