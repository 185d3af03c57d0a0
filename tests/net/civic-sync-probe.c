/* civic-sync-probe.c — the client without its window, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "civic-account.h"
#include "civic-case-index.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-net-enums.h"
#include "civic-time.h"

/* Runs the same CivicAccount, cache, outbox and sync engine as the GTK
 * client, in a process the tests can kill -9 and the benchmarks can time:
 *
 *   civic-sync-probe URL USER sync PASSWORD      sign in (offline: skip) and sync once
 *   civic-sync-probe URL USER perform CASE ACTION ARGS   act, offline; prints the command id
 *   civic-sync-probe URL USER status             the state of the offline copy
 *   civic-sync-probe URL USER search TEXT [N]    N searches; prints the timings
 *
 * Every command prints one JSON object on stdout. The account's folder is
 * under $XDG_DATA_HOME, as in the client. */

static GMainLoop *loop;
static gboolean done_ok;
static GError *done_error;

static void
print_status (CivicAccount *account,
              const char   *extra)
{
  CivicSyncEngine *engine = civic_account_get_engine (account);
  CivicCache *cache = civic_account_get_cache (account);
  CivicInboxFilter all = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("{\"cursor\":%" G_GINT64_FORMAT ",\"cases\":%u,\"pending\":%u,\"conflicts\":%u,"
           "\"state\":\"%s\",\"requests\":%u,\"damaged\":%s,\"max_rss_kb\":%ld%s%s}\n",
           civic_cache_get_cursor (cache),
           civic_cache_count_cases (cache, &all, NULL),
           civic_sync_engine_get_pending (engine),
           civic_sync_engine_get_conflicts (engine),
           civic_enum_to_nick (CIVIC_TYPE_SYNC_STATE, civic_sync_engine_get_state (engine)),
           civic_api_client_get_n_requests (civic_account_get_client (account)),
           civic_cache_get_damaged_path (cache) ? "true" : "false",
           usage.ru_maxrss,
           extra ? "," : "", extra ? extra : "");
}

static void
finished_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean (*finish) (gpointer, GAsyncResult *, GError **) = user_data;

  done_ok = finish (source, result, &done_error);
  g_main_loop_quit (loop);
}

static gboolean
wait_for (gboolean ok)
{
  g_main_loop_run (loop);
  return done_ok;
}

static int
fail (const char   *what,
      const GError *error)
{
  g_autofree char *message = NULL;
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), error->message);

  message = civic_json_to_string (node, FALSE);
  g_print ("{\"error\":\"%s\",\"domain\":\"%s\",\"code\":%d,\"message\":%s}\n", what,
           g_quark_to_string (error->domain), error->code, message);
  return 2;
}

static int
do_sync (CivicAccount *account,
         const char   *password)
{
  g_autofree char *extra = NULL;
  gint64 started;

  civic_account_sign_in_async (account, password, NULL, finished_cb,
                               (gpointer) civic_account_sign_in_finish);
  if (!wait_for (TRUE))
    {
      /* Offline with a copy: show it, as the client does. */
      if (!civic_account_is_ready (account) ||
          !g_error_matches (done_error, CIVIC_API_ERROR, CIVIC_API_ERROR_UNREACHABLE))
        return fail ("sign-in", done_error);
      g_clear_error (&done_error);
    }

  started = g_get_monotonic_time ();
  civic_sync_engine_sync_async (civic_account_get_engine (account), NULL, finished_cb,
                                (gpointer) civic_sync_engine_sync_finish);
  if (!wait_for (TRUE))
    {
      g_autofree char *error_extra = NULL;
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), done_error->message);
      g_autofree char *message = civic_json_to_string (node, FALSE);

      error_extra = g_strdup_printf ("\"error\":%s", message);
      print_status (account, error_extra);
      return 1;
    }

  extra = g_strdup_printf ("\"seconds\":%.3f", (g_get_monotonic_time () - started) / 1e6);
  print_status (account, extra);
  return 0;
}

static int
do_perform (CivicAccount *account,
            const char   *case_id,
            const char   *action_nick,
            const char   *args_text)
{
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  CivicAction action;

  if (!civic_action_from_string (action_nick, &action))
    {
      g_printerr ("Unknown action %s\n", action_nick);
      return 2;
    }
  args = civic_json_parse_object (args_text, -1, &error);
  if (args == NULL)
    return fail ("args", error);

  id = civic_sync_engine_perform (civic_account_get_engine (account), case_id, action, args,
                                  &error);
  if (id == NULL)
    return fail ("perform", error);

  g_print ("{\"id\":\"%s\"}\n", id);
  return 0;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
do_search (CivicAccount *account,
           const char   *text,
           guint         n)
{
  CivicCache *cache = civic_account_get_cache (account);
  CivicInboxFilter filter = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, text,
                              CIVIC_INBOX_SORT_DUE };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      gint64 start = g_get_monotonic_time (), elapsed;

      /* What the inbox does for a search: the count, and the first page. */
      count = civic_cache_count_cases (cache, &filter, &error);
      rows = error ? NULL : civic_cache_list_cases (cache, &filter, 0, 50, &error);
      if (rows == NULL)
        return fail ("search", error);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (times, elapsed);
    }

  g_array_sort (times, compare_gint64);
  g_print ("{\"matches\":%u,\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"max_ms\":%.3f}\n", count,
           g_array_index (times, gint64, n / 2) / 1000.0,
           g_array_index (times, gint64, MIN (n - 1, (n * 95) / 100)) / 1000.0,
           g_array_index (times, gint64, n - 1) / 1000.0);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CivicAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;

  setlocale (LC_ALL, "");

  if (argc < 4)
    {
      g_printerr ("Usage: %s URL USER sync PASSWORD | perform CASE ACTION ARGS | status | "
                  "search TEXT [N]\n", argv[0]);
      return 2;
    }

  loop = g_main_loop_new (NULL, FALSE);
  account = civic_account_new (argv[1], argv[2], g_getenv ("CIVICDESK_CA_FILE"), &error);
  if (account == NULL)
    return fail ("open", error);

  command = argv[3];
  if (g_str_equal (command, "sync") && argc == 5)
    return do_sync (account, argv[4]);

  if (!civic_account_is_ready (account))
    {
      g_set_error (&error, CIVIC_ACCOUNT_ERROR, CIVIC_ACCOUNT_ERROR_NEVER_SIGNED_IN,
                   "never signed in");
      return fail ("open", error);
    }

  if (g_str_equal (command, "perform") && argc == 7)
    return do_perform (account, argv[4], argv[5], argv[6]);
  if (g_str_equal (command, "status") && argc == 4)
    {
      print_status (account, NULL);
      return 0;
    }
  if (g_str_equal (command, "search") && (argc == 5 || argc == 6))
    return do_search (account, argv[4], argc == 6 ? (guint) atoi (argv[5]) : 1);

  g_printerr ("Unknown command %s\n", command);
  return 2;
}
