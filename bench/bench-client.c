/* bench-client.c — start, memory and scrolling of the client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "civic-application.h"
#include "civic-case-row.h"

/* Runs the real client (or, for comparison, a bare libadwaita window, as
 * the same kind of process) and prints BENCH lines:
 *
 *   bench-client bare     time from process creation to the first frame
 *   bench-client client   time from process creation to the first inbox
 *                         rows drawn, the frame times while the inbox
 *                         scrolls through, and the memory it takes: at
 *                         first rows, after the inbox's scroll, and after
 *                         every other section has been shown and its
 *                         lists scrolled through as well
 *
 * The client opens the account its settings name, offline, as it does at
 * every start; bench/bench-client.sh prepares it with 100 000 cases. */

#define SCROLL_FRAMES 300
/* Frames each other section is shown for, a page further each */
#define SECTION_FRAMES 40

static GtkWidget *case_list;
static GtkStack *sections;
static guint section_index;
static guint section_frames;
static GArray *frame_times;
static gint64 last_paint;
static guint n_scrolled;

/* Milliseconds since the kernel made this process, exec and linking
 * included: the same start for the client and the bare window. */
static double
since_start_ms (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  struct timespec now;
  const char *after;
  double start;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return -1;
  /* The command name may hold spaces: fields count from after it. */
  after = strrchr (stat, ')');
  fields = g_strsplit (after + 2, " ", -1);
  start = g_ascii_strtod (fields[19], NULL) / sysconf (_SC_CLK_TCK);
  clock_gettime (CLOCK_BOOTTIME, &now);
  return (now.tv_sec + now.tv_nsec / 1e9 - start) * 1000;
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *))
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child))
        return child;
      if ((found = find_widget (child, match)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_drawn_row (GtkWidget *widget)
{
  return CIVIC_IS_CASE_ROW (widget) && gtk_widget_get_mapped (widget) &&
         civic_case_row_get_item (CIVIC_CASE_ROW (widget)) != NULL;
}

static gboolean
is_case_list (GtkWidget *widget)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "case-list");
}

static gboolean
is_section_stack (GtkWidget *widget)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "messages");
}

/* A page further down every list in @root, and the last frame to the
 * end */
static void
scroll_lists (GtkWidget *root,
              gboolean   to_end)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SCROLLED_WINDOW (child) && gtk_widget_get_mapped (child))
        {
          GtkAdjustment *adjustment =
            gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));

          gtk_adjustment_set_value (adjustment,
                                    to_end ? gtk_adjustment_get_upper (adjustment)
                                           : gtk_adjustment_get_value (adjustment) +
                                             gtk_adjustment_get_page_size (adjustment));
        }
      scroll_lists (child, to_end);
    }
}

/* Each section in turn, as if the official clicked through the sidebar,
 * its lists scrolled through; then the memory of it all. */
static gboolean
sections_tick (GtkWidget     *window,
               GdkFrameClock *clock,
               gpointer       data)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (sections));
  g_autoptr(GObject) page = NULL;
  GtkWidget *child;

  if (section_index >= g_list_model_get_n_items (pages))
    {
      printf ("BENCH client_rss_after_sections %ld MiB\n", rss_kib () / 1024);
      fflush (stdout);
      g_application_quit (G_APPLICATION (data));
      return G_SOURCE_REMOVE;
    }

  page = g_list_model_get_item (pages, section_index);
  child = gtk_stack_page_get_child (GTK_STACK_PAGE (page));
  if (section_frames == 0)
    gtk_stack_set_visible_child (sections, child);
  else
    scroll_lists (child, section_frames == SECTION_FRAMES - 1);

  if (++section_frames == SECTION_FRAMES)
    {
      section_frames = 0;
      section_index++;
    }
  return G_SOURCE_CONTINUE;
}

static void
report_scrolling (GtkApplication *app)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (case_list));

  g_array_sort (frame_times, compare_doubles);
  printf ("BENCH client_scroll_frame_p50 %.1f ms\n",
          g_array_index (frame_times, double, frame_times->len / 2));
  printf ("BENCH client_scroll_frame_p95 %.1f ms\n",
          g_array_index (frame_times, double, frame_times->len * 95 / 100));
  printf ("BENCH client_scroll_frame_max %.1f ms\n",
          g_array_index (frame_times, double, frame_times->len - 1));
  printf ("BENCH client_rss_after_scrolling %ld MiB\n", rss_kib () / 1024);
  fflush (stdout);

  sections = GTK_STACK (find_widget (window, is_section_stack));
  gtk_widget_add_tick_callback (window, sections_tick, app, NULL);
}

/* Each frame a page further down, as fast as the frames come. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (case_list));
  gint64 now = g_get_monotonic_time ();

  if (last_paint != 0)
    {
      double ms = (now - last_paint) / 1000.0;

      g_array_append_val (frame_times, ms);
    }
  last_paint = now;

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                        gtk_adjustment_get_page_size (adjustment));

  if (++n_scrolled > SCROLL_FRAMES)
    {
      report_scrolling (data);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
first_rows_tick (GtkWidget     *window,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  if (find_widget (window, is_drawn_row) == NULL)
    return G_SOURCE_CONTINUE;

  /* Drawn in the frame the tick belongs to. */
  printf ("BENCH client_first_rows %.0f ms\n", since_start_ms ());
  printf ("BENCH client_rss_first_rows %ld MiB\n", rss_kib () / 1024);
  fflush (stdout);

  if (g_getenv ("BENCH_CLIENT_START_ONLY"))
    {
      g_application_quit (G_APPLICATION (data));
      return G_SOURCE_REMOVE;
    }

  case_list = find_widget (window, is_case_list);
  frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_add_tick_callback (case_list, scroll_tick, data, NULL);
  return G_SOURCE_REMOVE;
}

static void
client_window_added (GtkApplication *app,
                     GtkWindow      *window)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (window), first_rows_tick, app, NULL);
}

static gboolean
bare_first_frame (GtkWidget     *window,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  if (!gtk_widget_get_mapped (window))
    return G_SOURCE_CONTINUE;

  printf ("BENCH bare_window_first_frame %.0f ms\n", since_start_ms ());
  printf ("BENCH bare_window_rss %ld MiB\n", rss_kib () / 1024);
  fflush (stdout);
  g_application_quit (G_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

static void
bare_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Civic Desk");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_widget_add_tick_callback (window, bare_first_frame, app, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  if (argc != 2 || (!g_str_equal (argv[1], "bare") && !g_str_equal (argv[1], "client")))
    {
      fprintf (stderr, "Usage: %s bare|client\n", argv[0]);
      return 2;
    }

  setlocale (LC_ALL, "");

  if (g_str_equal (argv[1], "bare"))
    {
      app = GTK_APPLICATION (adw_application_new ("io.github.civicdesk.BenchBareWindow",
                                                  G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate), NULL);
      return g_application_run (G_APPLICATION (app), 1, argv);
    }

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  textdomain (GETTEXT_PACKAGE);
  app = GTK_APPLICATION (civic_application_new ());
  g_signal_connect (app, "window-added", G_CALLBACK (client_window_added), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
