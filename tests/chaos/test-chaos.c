/* test-chaos.c — kill -9 the service and the clients under load
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "civic-cache.h"
#include "civic-json.h"
#include "civic-test-service.h"

/* Issue 9: the service and the officials' clients are killed with -9 at
 * random moments while four officials of the demo department work —
 * comments and workflow moves, recorded offline and sent later, or sent
 * at once. Every kill is followed by a restart; the work goes on. At the
 * end, everything restarted and synced, the service must hold every
 * action a client recorded exactly once (or its refusal, kept in that
 * client's conflicts), nothing twice, nothing pending, and a feed that
 * reads from 0 in strictly increasing order and agrees with every GET and
 * with every client's offline copy, which followed it through the kills.
 *
 * The schedule comes from one seed, printed first: `test-chaos
 * --chaos-seed=N --cycles=M` replays the same kills in the same order
 * (the moments within a few milliseconds: the processes run freely).
 * bench/chaos.sh runs the long version. */

#define PASSWORD "demo-password"
#define N_CLIENTS 4
#define DEMO_CASES 300
#define DEFAULT_CYCLES 8

/* Milliseconds: between kills, and how long the victim stays down */
#define MIN_GAP 300
#define MAX_GAP 1500
#define MAX_SERVICE_DOWN 1200
#define MAX_CLIENT_DOWN 300

static const char * const usernames[N_CLIENTS] = { "clerk", "examiner", "examiner2", "approver" };

typedef struct
{
  const char  *username;
  char        *actor_id;
  guint        index;
  guint        runs;
  guint        kills;
  guint        kills_in_sync;
  GSubprocess *process;
  char        *log_path;
  char        *output_path;

  /* From its log, at the end */
  guint        intents;
  guint        refused_locally;
  guint        orphans;
} Client;

typedef struct
{
  gint64    seq;
  gint64    rev;
  JsonNode *data;
} Entity;

/* The test's own reader of the feed, following it through the kills as
 * a client does: what it saw once must never go back or go away. */
typedef struct
{
  char       *token;
  gint64      cursor;
  GHashTable *entities;   /* "type/id" → Entity */
  guint       pages;
} Follower;

typedef struct
{
  guint32           seed;
  guint             cycles;
  GRand            *rand;
  char             *work_dir;
  CivicTestService *service;
  Client            clients[N_CLIENTS];
  Follower          follower;
  GHashTable       *baseline;   /* command ids on the timelines before the load */
  guint             service_kills;
  guint             service_kills_in_sync;
  guint             client_kills;
  guint             client_kills_in_sync;
  guint             outage_client_kills;
} Chaos;

static guint32 option_seed;
static guint option_cycles = DEFAULT_CYCLES;

static void
entity_free (Entity *entity)
{
  g_clear_pointer (&entity->data, json_node_unref);
  g_free (entity);
}

static GHashTable *
entities_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entity_free);
}

/* Waiting, with the main context running: client exits are seen there. */

static void
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static guint
random_between (Chaos *chaos,
                guint  low,
                guint  high)
{
  return (guint) g_rand_int_range (chaos->rand, (gint32) low, (gint32) high + 1);
}

/* The feed */

/* The follower is an official of the department the clients work in who
 * takes no part (a hearing officer): their feed carries every case the
 * clients touch, and every official's change besides */
static const char *
follower_token (Chaos *chaos)
{
  if (chaos->follower.token == NULL)
    chaos->follower.token = civic_test_sign_in (chaos->service, "officer");
  return chaos->follower.token;
}

/* Reads the feed after @after to its end into @entities, checking what it
 * promises: sequence numbers strictly increasing across pages, a change
 * never older than what was seen of the entity before, each entity once
 * in a page — and once in the whole read when nothing writes meanwhile
 * (@still); otherwise a change after a page is read comes again later,
 * newer. Returns the cursor at the end. */
static gint64
read_feed (CivicTestService *service,
           const char       *token,
           gint64            after,
           gboolean          still,
           GHashTable       *entities,
           guint            *pages)
{
  g_autoptr(GHashTable) this_read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean more = TRUE;
  gint64 last = after;

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/changes?after=%" G_GINT64_FORMAT
                                               "&limit=500", after);
      g_autoptr(JsonNode) page = NULL;
      JsonObject *object;
      JsonArray *changes;
      guint status;

      page = civic_test_request (service, "GET", path, token, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      object = json_node_get_object (page);
      changes = json_object_get_array_member (object, "changes");
      if (!still)
        g_hash_table_remove_all (this_read);

      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          g_autofree char *key = g_strdup_printf ("%s/%s",
                                                  json_object_get_string_member (change, "type"),
                                                  json_object_get_string_member (change, "id"));
          gint64 seq = json_object_get_int_member (change, "seq");
          gint64 rev = json_object_get_int_member (change, "rev");
          Entity *seen = g_hash_table_lookup (entities, key);
          Entity *entity;

          g_assert_cmpint (seq, >, last);
          last = seq;
          if (seen != NULL)
            {
              g_assert_cmpint (seq, >, seen->seq);
              g_assert_cmpint (rev, >=, seen->rev);
            }
          if (!g_hash_table_add (this_read, g_strdup (key)))
            g_error ("%s twice in one %s of the feed after %" G_GINT64_FORMAT, key,
                     still ? "read" : "page", after);

          entity = g_new0 (Entity, 1);
          entity->seq = seq;
          entity->rev = rev;
          entity->data = json_node_ref (json_object_get_member (change, "data"));
          g_hash_table_replace (entities, g_steal_pointer (&key), entity);
        }

      g_assert_cmpint (json_object_get_int_member (object, "next"), >=, last);
      after = json_object_get_int_member (object, "next");
      more = json_object_get_boolean_member (object, "more");
      if (pages != NULL)
        (*pages)++;
    }

  return after;
}

static gint64
service_head (Chaos *chaos)
{
  g_autoptr(JsonNode) health = NULL;
  guint status;

  health = civic_test_request (chaos->service, "GET", "/api/v1/health", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (json_node_get_object (health), "seq");
}

static void
follow (Chaos *chaos)
{
  chaos->follower.cursor = read_feed (chaos->service, follower_token (chaos),
                                      chaos->follower.cursor, FALSE, chaos->follower.entities,
                                      &chaos->follower.pages);
}

/* The clients */

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
print_output (Client *client)
{
  g_autofree char *output = NULL;
  gsize length = 0;

  if (g_file_get_contents (client->output_path, &output, &length, NULL))
    g_test_message ("%s's output (last part):\n%s", client->username,
                    output + (length > 4000 ? length - 4000 : 0));
}

static void
client_exited_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Client *client = user_data;

  /* A process the test killed or stopped is no longer the client's. */
  if (G_SUBPROCESS (source) != client->process)
    return;

  print_output (client);
  g_error ("%s's client ended by itself (%s %d) in run %u",
           client->username,
           g_subprocess_get_if_signaled (client->process) ? "signal" : "status",
           g_subprocess_get_if_signaled (client->process)
             ? g_subprocess_get_term_sig (client->process)
             : g_subprocess_get_exit_status (client->process),
           client->runs);
}

static GSubprocessLauncher *
client_launcher (Client *client)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  int fd = open (client->output_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  /* Every run's output in one file, kept for a failure's report; the
   * test's own stdout is TAP. */
  g_subprocess_launcher_take_stderr_fd (launcher, fcntl (fd, F_DUPFD_CLOEXEC, 3));
  g_subprocess_launcher_take_stdout_fd (launcher, fd);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return launcher;
}

static void
client_start (Chaos  *chaos,
              Client *client)
{
  g_autoptr(GSubprocessLauncher) launcher = client_launcher (client);
  g_autoptr(GError) error = NULL;
  g_autofree char *seed = g_strdup_printf ("%u", chaos->seed + 7919 * (client->index + 1) +
                                                 104729 * client->runs);
  g_autofree char *run = g_strdup_printf ("%u", client->runs);
  const char *argv[] = {
    g_getenv ("CIVICDESK_CHAOS_CLIENT"), chaos->service->base_url, client->username, PASSWORD,
    "soak", client->log_path, seed, run, NULL
  };

  g_assert_null (client->process);
  client->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  client->runs++;
  g_subprocess_wait_async (client->process, NULL, client_exited_cb, client);
}

/* Whether the client was in a sync when it (or the service) died: its
 * log's last whole line is "S". */
static gboolean
in_sync (Client *client)
{
  g_autofree char *tail = g_malloc0 (257);
  char *end;
  FILE *log = fopen (client->log_path, "r");
  gsize n;

  if (log == NULL)
    return FALSE;
  fseek (log, 0, SEEK_END);
  fseek (log, MAX (ftell (log) - 256, 0), SEEK_SET);
  n = fread (tail, 1, 256, log);
  fclose (log);

  end = g_strrstr_len (tail, (gssize) n, "\n");
  return end != NULL && end >= tail + 1 && end[-1] == 'S' && (end == tail + 1 || end[-2] == '\n');
}

static void
client_kill (Chaos  *chaos,
             Client *client)
{
  g_autoptr(GSubprocess) process = g_steal_pointer (&client->process);
  gboolean syncing;

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  if (!g_subprocess_get_if_signaled (process) || g_subprocess_get_term_sig (process) != SIGKILL)
    {
      print_output (client);
      g_error ("%s's client had ended before it was killed", client->username);
    }
  syncing = in_sync (client);
  client->kills++;
  client->kills_in_sync += syncing;
  chaos->client_kills++;
  chaos->client_kills_in_sync += syncing;
}

/* The end of the working day: SIGTERM, and it finishes its step. */
static void
client_stop (Client *client)
{
  g_autoptr(GSubprocess) process = g_steal_pointer (&client->process);
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      print_output (client);
      g_error ("%s's client did not stop cleanly", client->username);
    }
}

/* Syncs until nothing is pending; returns what it printed. */
static JsonObject *
client_drain (Chaos  *chaos,
              Client *client)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = {
    g_getenv ("CIVICDESK_CHAOS_CLIENT"), chaos->service->base_url, client->username, PASSWORD,
    "drain", NULL
  };
  JsonObject *result;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  result = civic_json_parse_object (out, -1, &error);
  g_assert_no_error (error);
  return result;
}

/* The service */

static void
service_restart (Chaos *chaos)
{
  gint64 head;

  civic_test_service_start (chaos->service);

  /* Nothing committed is gone: the follower read it before the kill. */
  head = service_head (chaos);
  g_assert_cmpint (head, >=, chaos->follower.cursor);
}

/* The load and the kills */

static void
one_cycle (Chaos *chaos,
           guint  cycle)
{
  gboolean service;

  run_for (random_between (chaos, MIN_GAP, MAX_GAP));
  follow (chaos);

  /* A short run kills one of each kind first. */
  if (cycle < 2)
    service = cycle == 1;
  else
    service = g_rand_int_range (chaos->rand, 0, 3) == 0;

  if (service)
    {
      gboolean syncing = FALSE;

      civic_test_service_kill (chaos->service);
      chaos->service_kills++;
      for (guint i = 0; i < N_CLIENTS; i++)
        syncing |= in_sync (&chaos->clients[i]);
      chaos->service_kills_in_sync += syncing;

      /* Sometimes an official's computer dies too while the service is
       * away: it comes back offline, on its outbox and cache alone. */
      if (g_rand_int_range (chaos->rand, 0, 10) < 3)
        {
          Client *client = &chaos->clients[g_rand_int_range (chaos->rand, 0, N_CLIENTS)];

          run_for (random_between (chaos, 0, MAX_SERVICE_DOWN / 2));
          client_kill (chaos, client);
          chaos->outage_client_kills++;
          client_start (chaos, client);
        }

      run_for (random_between (chaos, 0, MAX_SERVICE_DOWN));
      service_restart (chaos);
      follow (chaos);
    }
  else
    {
      Client *client = &chaos->clients[g_rand_int_range (chaos->rand, 0, N_CLIENTS)];

      client_kill (chaos, client);
      run_for (random_between (chaos, 0, MAX_CLIENT_DOWN));
      client_start (chaos, client);
    }
}

/* What the clients recorded */

typedef struct
{
  char   *id;
  char   *nonce;
  char   *type;
  char   *target;
  char   *command;   /* exactly as the client sends it */
  Client *client;
} Recorded;

static void
recorded_free (Recorded *recorded)
{
  g_free (recorded->id);
  g_free (recorded->nonce);
  g_free (recorded->type);
  g_free (recorded->target);
  g_free (recorded->command);
  g_free (recorded);
}

/* The log: "I NONCE" before an action, "R ID NONCE COMMAND" once the
 * outbox has it, "N NONCE" when the rules refused it, "S" and "D" around
 * a sync. A kill can cut the last line short; it has no newline then. */
static void
read_log (Client    *client,
          GPtrArray *recorded)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_true (g_file_get_contents (client->log_path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  n = g_strv_length (lines);

  for (guint i = 0; i + 1 < n; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 4);

      if (g_str_equal (parts[0], "S") || g_str_equal (parts[0], "D"))
        continue;
      else if (g_str_equal (parts[0], "I"))
        client->intents++;
      else if (g_str_equal (parts[0], "N"))
        client->refused_locally++;
      else if (g_str_equal (parts[0], "R") && g_strv_length (parts) == 4)
        {
          Recorded *entry = g_new0 (Recorded, 1);
          g_autoptr(JsonObject) command = civic_json_parse_object (parts[3], -1, &error);

          g_assert_no_error (error);
          entry->id = g_strdup (parts[1]);
          entry->nonce = g_strdup (parts[2]);
          entry->type = g_strdup (json_object_get_string_member (command, "type"));
          entry->target = g_strdup (json_object_get_string_member (command, "target"));
          entry->command = g_strdup (parts[3]);
          entry->client = client;
          g_ptr_array_add (recorded, entry);
        }
      else
        g_error ("%s: a line that is not the client's: %s", client->log_path, lines[i]);
    }
}

/* The service's timelines: how often each command id and each of the
 * clients' texts appears, and who acted. */
typedef struct
{
  GHashTable *by_command;   /* command id → count */
  GHashTable *by_text;      /* "chaos/…" text → count */
  GHashTable *actor;        /* command id → actor id */
  GHashTable *target;       /* command id → case id */
} Timelines;

static void
timelines_clear (Timelines *timelines)
{
  g_clear_pointer (&timelines->by_command, g_hash_table_unref);
  g_clear_pointer (&timelines->by_text, g_hash_table_unref);
  g_clear_pointer (&timelines->actor, g_hash_table_unref);
  g_clear_pointer (&timelines->target, g_hash_table_unref);
}

static void
count (GHashTable *table,
       const char *key)
{
  g_hash_table_replace (table, g_strdup (key),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) + 1));
}

static guint
count_of (GHashTable *table,
          const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
}

static void
read_timelines (GHashTable *entities,
                Timelines  *timelines)
{
  GHashTableIter iter;
  gpointer key, value;

  timelines->by_command = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  timelines->by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  timelines->actor = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  timelines->target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonObject *data;
      JsonArray *events;

      if (!g_str_has_prefix (key, "case/"))
        continue;
      data = json_node_get_object (((Entity *) value)->data);
      events = json_object_get_array_member (data, "events");

      for (guint i = 0; i < json_array_get_length (events); i++)
        {
          JsonObject *event = json_array_get_object_element (events, i);
          const char *command_id = json_object_get_string_member_with_default (event, "command_id",
                                                                              NULL);
          const char *text = json_object_get_string_member_with_default (event, "text", NULL);
          const char *actor = json_object_get_string_member_with_default (event, "actor_id", NULL);

          if (command_id != NULL)
            {
              count (timelines->by_command, command_id);
              g_hash_table_replace (timelines->actor, g_strdup (command_id), g_strdup (actor));
              g_hash_table_replace (timelines->target, g_strdup (command_id),
                                    g_strdup ((const char *) key + strlen ("case/")));
            }
          if (text != NULL && g_str_has_prefix (text, "chaos/"))
            count (timelines->by_text, text);
        }
    }
}

/* Checks at the end */

static Client *
client_of_actor (Chaos      *chaos,
                 const char *actor_id)
{
  for (guint i = 0; i < N_CLIENTS; i++)
    if (g_strcmp0 (chaos->clients[i].actor_id, actor_id) == 0)
      return &chaos->clients[i];
  return NULL;
}

/* The ledger: each recorded command sent again, exactly as the client
 * sent it, gets the stored answer and changes nothing. */
static void
check_ledger (Chaos      *chaos,
              GPtrArray  *recorded,
              GHashTable *expected)
{
  gint64 head = service_head (chaos);
  guint checked = 0;

  for (guint c = 0; c < N_CLIENTS; c++)
    {
      Client *client = &chaos->clients[c];
      g_autofree char *token = civic_test_sign_in (chaos->service, client->username);
      g_autoptr(GPtrArray) batch = g_ptr_array_new ();

      for (guint i = 0; i <= recorded->len; i++)
        {
          Recorded *entry = i < recorded->len ? g_ptr_array_index (recorded, i) : NULL;

          if (entry != NULL && entry->client == client)
            g_ptr_array_add (batch, entry);

          if (batch->len == 100 || (i == recorded->len && batch->len > 0))
            {
              g_autoptr(GString) body = g_string_new ("{\"commands\":[");
              g_autoptr(JsonNode) answer = NULL;
              JsonArray *results;
              guint status;

              for (guint j = 0; j < batch->len; j++)
                {
                  if (j > 0)
                    g_string_append_c (body, ',');
                  g_string_append (body, ((Recorded *) g_ptr_array_index (batch, j))->command);
                }
              g_string_append (body, "]}");

              answer = civic_test_request (chaos->service, "POST", "/api/v1/commands", token,
                                           body->str, &status);
              g_assert_cmpuint (status, ==, 200);
              results = json_object_get_array_member (json_node_get_object (answer), "results");
              g_assert_cmpuint (json_array_get_length (results), ==, batch->len);

              for (guint j = 0; j < batch->len; j++)
                {
                  Recorded *sent = g_ptr_array_index (batch, j);
                  JsonObject *result = json_array_get_object_element (results, j);

                  g_assert_cmpstr (json_object_get_string_member (result, "id"), ==, sent->id);
                  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==,
                                   g_hash_table_lookup (expected, sent->id));
                  checked++;
                }
              g_ptr_array_set_size (batch, 0);
            }
        }
    }

  g_assert_cmpuint (checked, ==, recorded->len);
  g_assert_cmpint (service_head (chaos), ==, head);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return value;
}

/* A client's offline copy followed the feed through every kill: it holds
 * exactly what a read from 0 gives now, at the same revisions, and its
 * inbox says what its cases say. */
static void
check_offline_copy (Chaos  *chaos,
                    Client *client,
                    gint64  head)
{
  g_autofree char *dir = civic_cache_dir_for (chaos->service->base_url, client->username);
  g_autofree char *path = g_build_filename (dir, CIVIC_CACHE_FILE, NULL);
  g_autofree char *token = civic_test_sign_in (chaos->service, client->username);
  g_autoptr(GHashTable) visible = entities_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (read_feed (chaos->service, token, 0, TRUE, visible, NULL), ==, head);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'cursor'"),
                   ==, head);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM local_entity"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM entity e JOIN case_index i USING (id) "
                                  "WHERE e.type = 'case' AND (i.pending != 0 "
                                  "  OR i.state IS NOT json_extract (e.data, '$.state') "
                                  "  OR i.queue IS NOT json_extract (e.data, '$.queue') "
                                  "  OR i.assignee_id IS NOT json_extract (e.data, '$.assignee_id') "
                                  "  OR i.status IS NOT json_extract (e.data, '$.summary.status'))"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM entity WHERE type = 'case'"), ==,
                   query_int (db, "SELECT count (*) FROM case_index"));

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, id, rev, seq FROM entity", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%s/%s", sqlite3_column_text (stmt, 0),
                                              sqlite3_column_text (stmt, 1));
      Entity *entity = g_hash_table_lookup (visible, key);

      if (entity == NULL)
        g_error ("%s's offline copy holds %s, which the feed does not give it", client->username,
                 key);
      if (entity->rev != sqlite3_column_int64 (stmt, 2) ||
          entity->seq != sqlite3_column_int64 (stmt, 3))
        g_error ("%s's offline copy holds %s at rev %" G_GINT64_FORMAT " (seq %" G_GINT64_FORMAT
                 "); the service has rev %" G_GINT64_FORMAT " (seq %" G_GINT64_FORMAT ")",
                 client->username, key, (gint64) sqlite3_column_int64 (stmt, 2),
                 (gint64) sqlite3_column_int64 (stmt, 3), entity->rev, entity->seq);
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (n, ==, g_hash_table_size (visible));
}

static void
check_touched (Chaos      *chaos,
               GHashTable *everything,
               GHashTable *touched)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *path = g_strconcat ("/api/v1/cases/", key, NULL);
      g_autofree char *feed_key = g_strconcat ("case/", key, NULL);
      g_autoptr(JsonNode) node = NULL;
      Entity *fed = g_hash_table_lookup (everything, feed_key);
      JsonObject *got;
      guint status;

      node = civic_test_request (chaos->service, "GET", path, follower_token (chaos), NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      got = json_node_get_object (node);

      g_assert_nonnull (fed);
      g_assert_cmpint (json_object_get_int_member (got, "rev"), ==, fed->rev);
      g_assert_cmpint (json_object_get_int_member (got, "seq"), ==, fed->seq);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                          json_object_get_object_member (got, "data"), "events")), ==,
                        json_array_get_length (json_object_get_array_member (
                          json_node_get_object (fed->data), "events")));
    }
}

/* The run, step by step */

typedef struct
{
  GPtrArray  *recorded;      /* Recorded, from every client's log */
  GHashTable *recorded_ids;
  GHashTable *conflicts;     /* command id → the service's reason code */
  GHashTable *expected;      /* command id → "applied" or "rejected" */
  GHashTable *touched;       /* case ids the recorded actions targeted */
  GHashTable *everything;    /* the feed read from 0 at the end */
  Timelines   before;
  Timelines   after;
  gint64      head;
  guint       applied;
  guint       rejected;
  guint       lost;
  guint       doubled;
  guint       unlogged;
  guint       service_events;
} Tally;

static void
chaos_start (Chaos *chaos,
             Tally *tally)
{
  g_autoptr(GError) error = NULL;

  chaos->seed = option_seed != 0 ? option_seed : (guint32) g_random_int_range (1, G_MAXINT32);
  chaos->cycles = option_cycles;
  chaos->rand = g_rand_new_with_seed (chaos->seed);
  g_test_message ("chaos seed %u, %u cycles (replay: test-chaos --chaos-seed=%u --cycles=%u, "
                  "or bench/chaos.sh %u %u)", chaos->seed, chaos->cycles, chaos->seed,
                  chaos->cycles, chaos->cycles, chaos->seed);

  chaos->work_dir = g_dir_make_tmp ("civicdesk-chaos-XXXXXX", &error);
  g_assert_no_error (error);
  chaos->service = civic_test_service_new_demo (DEMO_CASES, chaos->seed);
  chaos->follower.entities = entities_new ();

  /* What the timelines held before anyone worked. */
  follow (chaos);
  read_timelines (chaos->follower.entities, &tally->before);
  chaos->baseline = tally->before.by_command;

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      Client *client = &chaos->clients[i];

      client->username = usernames[i];
      client->actor_id = g_strconcat ("u-", usernames[i], NULL);
      client->index = i;
      client->log_path = g_strdup_printf ("%s/%s.log", chaos->work_dir, usernames[i]);
      client->output_path = g_strdup_printf ("%s/%s.out", chaos->work_dir, usernames[i]);
      client_start (chaos, client);
    }
}

/* Everything restarted: the officials go home, and each client sends
 * what it has left. Twice round, so every client also pulls what the
 * others sent last. */
static void
wind_down (Chaos *chaos,
           Tally *tally)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autoptr(GList) names = NULL;

  for (guint i = 0; i < N_CLIENTS; i++)
    client_stop (&chaos->clients[i]);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < N_CLIENTS; i++)
      {
        g_autoptr(JsonObject) drained = client_drain (chaos, &chaos->clients[i]);
        JsonArray *list = json_object_get_array_member (drained, "conflicts");

        g_test_message ("%s drained: pending %" G_GINT64_FORMAT ", %u conflicts, sync error %s",
                        chaos->clients[i].username,
                        json_object_get_int_member (drained, "pending"),
                        json_array_get_length (list),
                        json_object_get_string_member_with_default (drained, "sync_error", "none"));
        g_assert_cmpint (json_object_get_int_member (drained, "pending"), ==, 0);
        g_assert_true (json_object_get_null_member (drained, "sync_error"));

        for (guint j = 0; round == 1 && j < json_array_get_length (list); j++)
          {
            JsonObject *conflict = json_array_get_object_element (list, j);
            const char *code = json_object_get_string_member (conflict, "code");

            /* A comment is always allowed; a refusal for anything but the
             * case's state, the official's place or a rule is a fault. */
            g_assert_cmpstr (json_object_get_string_member (conflict, "type"), !=, "comment");
            if (!g_strv_contains ((const char * const[]) { "stale", "state", "role", "rule", NULL },
                                  code))
              g_error ("%s has a conflict %s refused with “%s”", chaos->clients[i].username,
                       json_object_get_string_member (conflict, "id"), code);
            g_hash_table_replace (tally->conflicts,
                                  g_strdup (json_object_get_string_member (conflict, "id")),
                                  g_strdup (code));
            count (by_code, code);
          }
      }

  names = g_list_sort (g_hash_table_get_keys (by_code), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (codes, " %s %u", (char *) l->data, count_of (by_code, l->data));
  g_test_message ("refused by the service:%s", codes->len > 0 ? codes->str : " none");
}

/* The feed read from 0 by someone who sees everything: in order, each
 * entity once, ending at the head; and the follower, who read it bit by
 * bit through every kill, holds the same. */
static void
check_feed (Chaos *chaos,
            Tally *tally)
{
  GHashTableIter iter;
  gpointer key, value;

  tally->head = service_head (chaos);
  g_assert_cmpint (read_feed (chaos->service, follower_token (chaos), 0, TRUE, tally->everything,
                              NULL), ==, tally->head);

  follow (chaos);
  g_assert_cmpint (chaos->follower.cursor, ==, tally->head);
  g_assert_cmpuint (g_hash_table_size (chaos->follower.entities), ==,
                    g_hash_table_size (tally->everything));
  g_hash_table_iter_init (&iter, tally->everything);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entity *followed = g_hash_table_lookup (chaos->follower.entities, key);

      if (followed == NULL || followed->rev != ((Entity *) value)->rev ||
          followed->seq != ((Entity *) value)->seq)
        g_error ("The follower missed a change of %s", (char *) key);
    }
}

/* Every recorded action applied exactly once, or refused and kept in its
 * client's conflicts. */
static void
account_for_recorded (Chaos *chaos,
                      Tally *tally)
{
  for (guint i = 0; i < N_CLIENTS; i++)
    read_log (&chaos->clients[i], tally->recorded);
  read_timelines (tally->everything, &tally->after);

  for (guint i = 0; i < tally->recorded->len; i++)
    {
      Recorded *entry = g_ptr_array_index (tally->recorded, i);
      guint n = count_of (tally->after.by_command, entry->id);
      gboolean refused = g_hash_table_contains (tally->conflicts, entry->id);

      g_assert_true (g_hash_table_add (tally->recorded_ids, entry->id));
      g_hash_table_add (tally->touched, entry->target);
      if (n == 1 && !refused)
        {
          tally->applied++;
          g_hash_table_insert (tally->expected, entry->id, "applied");
          g_assert_cmpstr (g_hash_table_lookup (tally->after.target, entry->id), ==,
                           entry->target);
          g_assert_cmpstr (g_hash_table_lookup (tally->after.actor, entry->id), ==,
                           entry->client->actor_id);
        }
      else if (n == 0 && refused)
        {
          tally->rejected++;
          g_hash_table_insert (tally->expected, entry->id, "rejected");
        }
      else if (n == 0)
        {
          tally->lost++;
          g_test_message ("LOST: %s's %s %s (%s) on %s", entry->client->username, entry->type,
                          entry->id, entry->nonce, entry->target);
        }
      else
        {
          tally->doubled++;
          g_test_message ("DOUBLED: %s's %s %s (%s) on %s: %u times%s", entry->client->username,
                          entry->type, entry->id, entry->nonce, entry->target, n,
                          refused ? ", and refused" : "");
        }
    }
}

/* Applied, and no log names it: the client was killed between its outbox
 * taking the action and the log line. Never more than the actions it
 * began and did not finish, at most one per kill; and each once. */
static void
account_for_unlogged (Chaos *chaos,
                      Tally *tally)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, tally->after.by_command);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Client *client;

      if (g_hash_table_contains (chaos->baseline, key) ||
          g_hash_table_contains (tally->recorded_ids, key))
        continue;
      client = client_of_actor (chaos, g_hash_table_lookup (tally->after.actor, key));
      if (client == NULL)
        {
          tally->service_events++;
          continue;
        }
      client->orphans++;
      tally->unlogged++;
      if (GPOINTER_TO_UINT (value) > 1)
        {
          tally->doubled++;
          g_test_message ("DOUBLED: %s's unlogged command %s: %u times", client->username,
                          (char *) key, GPOINTER_TO_UINT (value));
        }
    }

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      Client *client = &chaos->clients[i];
      guint logged = 0, unfinished;

      for (guint j = 0; j < tally->recorded->len; j++)
        logged += ((Recorded *) g_ptr_array_index (tally->recorded, j))->client == client;
      unfinished = client->intents - client->refused_locally - logged;
      g_test_message ("%s: %u runs, %u kills (%u in a sync), %u actions begun, %u recorded, "
                      "%u refused by the rules at once, %u applied without a log line",
                      client->username, client->runs, client->kills, client->kills_in_sync,
                      client->intents, logged, client->refused_locally, client->orphans);
      g_assert_cmpuint (client->orphans, <=, unfinished);
      g_assert_cmpuint (unfinished, <=, client->kills);
    }

  /* A conflict that no log names is such an action's, refused. */
  g_hash_table_iter_init (&iter, tally->conflicts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (tally->recorded_ids, key))
      g_test_message ("conflict %s is an unlogged action's", (char *) key);
}

/* The officials' own words, each once on the timelines. */
static void
account_for_texts (Tally *tally)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, tally->after.by_text);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > 1)
      {
        tally->doubled++;
        g_test_message ("DOUBLED: the text %s appears %u times", (char *) key,
                        GPOINTER_TO_UINT (value));
      }
}

static void
report (Chaos  *chaos,
        Tally  *tally,
        gint64  load_time)
{
  g_autoptr(GHashTable) by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) kinds = g_string_new (NULL);
  g_autoptr(GList) types = NULL;

  for (guint i = 0; i < tally->recorded->len; i++)
    count (by_type, ((Recorded *) g_ptr_array_index (tally->recorded, i))->type);
  types = g_list_sort (g_hash_table_get_keys (by_type), (GCompareFunc) g_strcmp0);
  for (GList *l = types; l != NULL; l = l->next)
    g_string_append_printf (kinds, " %s %u", (char *) l->data, count_of (by_type, l->data));
  g_test_message ("recorded:%s", kinds->str);
  g_test_message ("the follower read the feed in %u pages", chaos->follower.pages);

  g_test_message ("BENCH chaos_cycles %u cycles", chaos->cycles);
  g_test_message ("BENCH chaos_service_kills %u kills", chaos->service_kills);
  g_test_message ("BENCH chaos_service_kills_in_sync %u kills", chaos->service_kills_in_sync);
  g_test_message ("BENCH chaos_client_kills %u kills", chaos->client_kills);
  g_test_message ("BENCH chaos_client_kills_in_sync %u kills", chaos->client_kills_in_sync);
  g_test_message ("BENCH chaos_client_kills_offline %u kills", chaos->outage_client_kills);
  g_test_message ("BENCH chaos_recorded %u actions", tally->recorded->len);
  g_test_message ("BENCH chaos_applied %u actions", tally->applied);
  g_test_message ("BENCH chaos_refused %u actions", tally->rejected);
  g_test_message ("BENCH chaos_applied_unlogged %u actions", tally->unlogged);
  g_test_message ("BENCH chaos_lost %u actions", tally->lost);
  g_test_message ("BENCH chaos_doubled %u actions", tally->doubled);
  g_test_message ("BENCH chaos_service_events %u events", tally->service_events);
  g_test_message ("BENCH chaos_feed_head %" G_GINT64_FORMAT " seq", tally->head);
  g_test_message ("BENCH chaos_feed_entities %u entities", g_hash_table_size (tally->everything));
  g_test_message ("BENCH chaos_touched_cases %u cases", g_hash_table_size (tally->touched));
  g_test_message ("BENCH chaos_load_time %.1f s", load_time / 1e6);
}

static void
tally_clear (Tally *tally)
{
  g_clear_pointer (&tally->recorded, g_ptr_array_unref);
  g_clear_pointer (&tally->recorded_ids, g_hash_table_unref);
  g_clear_pointer (&tally->conflicts, g_hash_table_unref);
  g_clear_pointer (&tally->expected, g_hash_table_unref);
  g_clear_pointer (&tally->touched, g_hash_table_unref);
  g_clear_pointer (&tally->everything, g_hash_table_unref);
  timelines_clear (&tally->before);
  timelines_clear (&tally->after);
}

static void
chaos_clear (Chaos *chaos)
{
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_free (chaos->clients[i].actor_id);
      g_free (chaos->clients[i].log_path);
      g_free (chaos->clients[i].output_path);
    }
  g_hash_table_unref (chaos->follower.entities);
  g_free (chaos->follower.token);
  civic_test_service_free (chaos->service);
  civic_test_remove_tree (chaos->work_dir);
  g_free (chaos->work_dir);
  g_rand_free (chaos->rand);
}

static void
test_chaos (void)
{
  Chaos chaos = { 0 };
  Tally tally = {
    .recorded = g_ptr_array_new_with_free_func ((GDestroyNotify) recorded_free),
    .recorded_ids = g_hash_table_new (g_str_hash, g_str_equal),
    .conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .expected = g_hash_table_new (g_str_hash, g_str_equal),
    .touched = g_hash_table_new (g_str_hash, g_str_equal),
    .everything = entities_new (),
  };
  g_autofree char *audit = NULL;
  gint64 started = g_get_monotonic_time (), load_started;

  chaos_start (&chaos, &tally);

  load_started = g_get_monotonic_time ();
  for (guint cycle = 0; cycle < chaos.cycles; cycle++)
    one_cycle (&chaos, cycle);
  run_for (random_between (&chaos, MIN_GAP, MAX_GAP));

  wind_down (&chaos, &tally);
  check_feed (&chaos, &tally);
  account_for_recorded (&chaos, &tally);
  account_for_unlogged (&chaos, &tally);
  account_for_texts (&tally);
  report (&chaos, &tally, g_get_monotonic_time () - load_started);

  g_assert_cmpuint (tally.lost, ==, 0);
  g_assert_cmpuint (tally.doubled, ==, 0);
  g_assert_cmpuint (tally.applied + tally.rejected, ==, tally.recorded->len);
  /* A load worth the name, and both kinds of kill. */
  g_assert_cmpuint (tally.recorded->len, >=, 10 * chaos.cycles);
  g_assert_cmpuint (chaos.service_kills, >=, chaos.cycles > 1 ? 1 : 0);
  g_assert_cmpuint (chaos.client_kills, >=, 1);

  /* The ledger agrees, and answering again changes nothing. */
  check_ledger (&chaos, tally.recorded, tally.expected);

  /* Every touched case: the feed's version is the one a GET gives. */
  check_touched (&chaos, tally.everything, tally.touched);

  /* Every client's copy, followed through the kills, is the feed now. */
  for (guint i = 0; i < N_CLIENTS; i++)
    check_offline_copy (&chaos, &chaos.clients[i], tally.head);

  /* The audit chain survived every kill of the service. */
  civic_test_service_stop (chaos.service);
  g_assert_cmpint (civic_test_service_cli (chaos.service, NULL, &audit, "audit", "verify", NULL),
                   ==, 0);

  g_test_message ("BENCH chaos_time %.1f s", (g_get_monotonic_time () - started) / 1e6);

  tally_clear (&tally);
  chaos_clear (&chaos);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("civicdesk-chaos-home-XXXXXX", NULL);
  int status;

  /* Before anything asks GLib for it: the clients' accounts live here. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  /* No keyring: every start of a client signs in with the password. */
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  g_test_init (&argc, &argv, NULL);

  /* GTest takes its own --seed; ours is --chaos-seed. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--chaos-seed="))
        option_seed = (guint32) g_ascii_strtoull (argv[i] + strlen ("--chaos-seed="), NULL, 10);
      else if (g_str_has_prefix (argv[i], "--cycles="))
        option_cycles = (guint) g_ascii_strtoull (argv[i] + strlen ("--cycles="), NULL, 10);
      else
        g_error ("Unknown argument %s; use --cycles=N and --chaos-seed=N", argv[i]);
    }

  g_test_add_func ("/chaos/kill-9", test_chaos);

  status = g_test_run ();
  civic_test_remove_tree (home);
  return status;
}
