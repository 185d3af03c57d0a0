/* bench-messages.c — the Messages section's queues and search over the offline copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens, offline, the account bench-messages.sh synced (the hall's
 * dispatcher, who sees every message), and measures what an official
 * waits for: the messages read from the cache, each queue shown and
 * drawn, and a search; beside two references in the same run: the same
 * rows read by SQLite and parsed by json-glib and nothing else (the
 * floor of reading them), and a GtkListView of as many plain strings
 * spliced in and drawn (the floor of showing them). Prints BENCH lines.
 *
 *   bench-messages SERVICE_URL USERNAME
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <sqlite3.h>

#include "civic-account.h"
#include "civic-messages-view.h"
#include "civic-time.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Until everything queued is drawn */
static void
settle (void)
{
  for (int i = 0; i < 3; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_of (double *values,
           guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  return values[n / 2];
}

/* The reference of reading: every message's row by SQLite, parsed */
static double
read_floor (const char *cache_path,
            guint      *n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double start = now_ms ();

  *n = 0;
  if (sqlite3_open_v2 (cache_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT data FROM entity WHERE type = 'message'", -1, &stmt,
                          NULL) != SQLITE_OK)
    g_error ("cannot read %s", cache_path);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (!json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 0),
                                       sqlite3_column_bytes (stmt, 0), NULL))
        g_error ("a row is not JSON");
      (*n)++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return now_ms () - start;
}

static void
string_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
string_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicAccount) account = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autofree char *cache_path = NULL;
  CivicSyncEngine *engine;
  GtkWidget *window, *view;
  double reads[5], floors[5], queues[CIVIC_MESSAGE_LIST_ANSWERED + 1][5], searches[5], lists[5];
  double refreshes[5];
  guint n = 0, n_floor = 0, n_refreshed = 0;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s SERVICE_URL USERNAME\n", argv[0]);
      return 2;
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  account = civic_account_new (argv[1], argv[2], NULL, &error);
  if (account == NULL)
    g_error ("%s", error->message);
  engine = civic_account_get_engine (account);
  cache_path = g_build_filename (civic_account_get_dir (account), CIVIC_CACHE_FILE, NULL);

  /* Reading: the section's, and the floor */
  for (guint r = 0; r < G_N_ELEMENTS (reads); r++)
    {
      double start = now_ms ();

      g_clear_pointer (&messages, g_ptr_array_unref);
      messages = civic_sync_engine_list_messages (engine, &error);
      if (messages == NULL)
        g_error ("%s", error->message);
      reads[r] = now_ms () - start;
      floors[r] = read_floor (cache_path, &n_floor);
    }
  n = messages->len;

  /* Reading again after a change: the section keeps what it read and
   * reads what changed — here one message with a note taken on it */
  {
    g_autoptr(CivicRecordSet) set = civic_record_set_new ();
    g_autoptr(JsonObject) args = json_object_new ();
    g_autofree char *command = NULL;
    CivicCache *cache = civic_sync_engine_get_cache (engine);

    if (!civic_cache_refresh_records (cache, &civic_message_kind, set, NULL, &error))
      g_error ("%s", error->message);
    json_object_set_string_member (args, "text", "bench: a note taken on one message");
    command = civic_sync_engine_perform_message (engine,
                                                 civic_message_get_id (g_ptr_array_index (messages,
                                                                                          n / 2)),
                                                 CIVIC_MESSAGE_ACTION_NOTE, args, &error);
    if (command == NULL)
      g_error ("%s", error->message);
    for (guint r = 0; r < G_N_ELEMENTS (refreshes); r++)
      {
        double start = now_ms ();

        if (!civic_cache_refresh_records (cache, &civic_message_kind, set, &n_refreshed, &error))
          g_error ("%s", error->message);
        refreshes[r] = now_ms () - start;
      }
    civic_sync_engine_withdraw (engine, command, NULL);
  }

  /* Each queue shown and drawn, and a search */
  view = g_object_new (CIVIC_TYPE_MESSAGES_VIEW, NULL);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  civic_section_set_engine (CIVIC_SECTION (view), engine);
  settle ();
  for (guint r = 0; r < 5; r++)
    {
      for (guint q = 0; q <= CIVIC_MESSAGE_LIST_ANSWERED; q++)
        {
          double start = now_ms ();

          civic_messages_view_show_list (CIVIC_MESSAGES_VIEW (view), q);
          settle ();
          queues[q][r] = now_ms () - start;
        }
      {
        double start = now_ms ();

        civic_messages_view_set_search (CIVIC_MESSAGES_VIEW (view), "窗口");
        settle ();
        searches[r] = now_ms () - start;
        civic_messages_view_set_search (CIVIC_MESSAGES_VIEW (view), "");
        settle ();
      }
    }

  /* The floor of showing: as many strings in a list view, drawn */
  {
    g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    GtkWidget *scrolled = gtk_scrolled_window_new ();
    GtkWidget *list;

    g_signal_connect (factory, "setup", G_CALLBACK (string_setup), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (string_bind), NULL);
    list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                G_LIST_MODEL (g_object_ref (strings)))), factory);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
    gtk_window_set_child (GTK_WINDOW (window), scrolled);
    settle ();
    for (guint r = 0; r < G_N_ELEMENTS (lists); r++)
      {
        g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
        double start = now_ms ();

        for (guint i = 0; i < messages->len; i++)
          g_ptr_array_add (texts, g_strdup (civic_message_get_subject (
                                              g_ptr_array_index (messages, i))));
        g_ptr_array_add (texts, NULL);
        gtk_string_list_splice (strings, 0, g_list_model_get_n_items (G_LIST_MODEL (strings)),
                                (const char * const *) texts->pdata);
        settle ();
        lists[r] = now_ms () - start;
      }
  }

  printf ("BENCH messages_cached %u messages\n", n);
  printf ("BENCH messages_read %.0f ms\n", median_of (reads, 5));
  printf ("BENCH messages_read_floor %.0f ms\n", median_of (floors, 5));
  printf ("BENCH messages_read_vs_floor %.2f x\n", median_of (reads, 5) / median_of (floors, 5));
  printf ("BENCH messages_reread_one_changed %.0f ms\n", median_of (refreshes, 5));
  printf ("BENCH messages_reread_one_changed_parsed %u messages\n", n_refreshed);
  printf ("BENCH messages_reread_vs_read %.3f x\n", median_of (refreshes, 5) / median_of (reads, 5));
  for (guint q = 0; q <= CIVIC_MESSAGE_LIST_ANSWERED; q++)
    {
      static const char * const names[] = { "to_sign", "mine", "review", "open", "answered" };

      printf ("BENCH messages_queue_%s %.0f ms\n", names[q], median_of (queues[q], 5));
    }
  printf ("BENCH messages_search %.0f ms\n", median_of (searches, 5));
  printf ("BENCH messages_list_floor %.0f ms\n", median_of (lists, 5));
  printf ("BENCH messages_queue_open_vs_floor %.2f x\n",
          median_of (queues[CIVIC_MESSAGE_LIST_OPEN], 5) / median_of (lists, 5));
  printf ("BENCH messages_search_vs_floor %.2f x\n", median_of (searches, 5) /
                                                      median_of (lists, 5));
  printf ("BENCH messages_read_floor_rows %u rows\n", n_floor);
  return 0;
}
