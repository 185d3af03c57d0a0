/* test-scale-out.c — two service processes on one PostgreSQL database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <libsoup/soup.h>

#include "civic-test-service.h"

/* A province runs several civicdesk-server processes behind a load
 * balancer, on one database: any of them may answer any request. These
 * tests start two and check what must hold across them: the feed misses
 * no change however the writers of both interleave, a command retried at
 * the other process is applied once, a session opened at one is good at
 * the other, one process runs the clocks and another takes over when it
 * dies, and the audit chain is one chain. */

static CivicTestService *first;
static CivicTestService *second;
static GPtrArray *open_cases;

static guint
count_events (CivicTestService *service,
              const char       *token,
              const char       *case_id)
{
  g_autoptr(JsonObject) kase = civic_test_open_record (service, token, "cases", case_id);

  return json_array_get_length (json_object_get_array_member (kase, "events"));
}

typedef struct
{
  CivicTestService *service;
  const char       *token;
  guint             first;
  guint             count;
  guint             applied;
} Writer;

static gpointer
write_comments (gpointer data)
{
  Writer *writer = data;

  for (guint i = 0; i < writer->count; i++)
    {
      g_autofree char *id = civic_test_uuid ();
      g_autofree char *text = g_strdup_printf ("批注 %u-%u", writer->first, i);
      const char *target = g_ptr_array_index (open_cases, (writer->first + i) % open_cases->len);
      g_autofree char *body = civic_test_comment_body (id, target, text);
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;

      answer = civic_test_request (writer->service, "POST", "/api/v1/commands", writer->token,
                                   body, &status);
      g_assert_cmpuint (status, ==, 200);
      writer->applied++;
    }
  return NULL;
}

/* Writers in both processes, a reader of the first following the feed
 * in small pages while they commit: every change is read once, in order,
 * and the reader ends where a fresh client starts. A sequence taken by
 * one process and committed after a larger one of the other would be
 * skipped by the reader: the write lock (civic-pg.c) orders them. */
static void
test_feed_across_processes (void)
{
  g_autofree char *token = civic_test_sign_in (first, "examiner");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) json_node_unref);
  g_autoptr(GHashTable) fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) json_node_unref);
  g_autoptr(GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);
  Writer writers[4];
  GThread *threads[4];
  gint64 cursor;
  guint commented = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < open_cases->len; i++)
    g_hash_table_insert (before, g_ptr_array_index (open_cases, i),
                         GUINT_TO_POINTER (count_events (first, token,
                                                         g_ptr_array_index (open_cases, i))));
  cursor = civic_test_pull_all (first, token, 0, seen);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      /* A session opened at the first process is good at the second */
      writers[i] = (Writer) { i % 2 ? second : first, token, i * 40, 40, 0 };
      threads[i] = g_thread_new ("writer", write_comments, &writers[i]);
    }

  for (int round = 0; round < 60; round++)
    {
      cursor = civic_test_pull_page (first, token, cursor, 5, seen, NULL);
      g_usleep (5 * 1000);
    }

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (writers[i].applied, ==, writers[i].count);
      commented += writers[i].count;
    }

  civic_test_pull_all (first, token, cursor, seen);
  civic_test_pull_all (second, token, 0, fresh);
  g_assert_cmpuint (g_hash_table_size (seen), ==, g_hash_table_size (fresh));
  g_hash_table_iter_init (&iter, fresh);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonNode *followed = g_hash_table_lookup (seen, key);

      g_assert_nonnull (followed);
      g_assert_true (json_node_equal (followed, value));
    }

  /* Each comment is on its case once: nothing lost, nothing doubled */
  {
    guint added = 0;

    for (guint i = 0; i < open_cases->len; i++)
      {
        const char *id = g_ptr_array_index (open_cases, i);

        added += count_events (second, token, id) -
                 GPOINTER_TO_UINT (g_hash_table_lookup (before, id));
      }
    g_assert_cmpuint (added, ==, commented);
  }
}

/* A command whose answer was lost is sent again, and the load balancer
 * gives it to the other process: the stored answer, applied once */
static void
test_retry_at_the_other_process (void)
{
  g_autofree char *token = civic_test_sign_in (second, "examiner");
  g_autofree char *id = civic_test_uuid ();
  const char *target = g_ptr_array_index (open_cases, 0);
  g_autofree char *body = civic_test_comment_body (id, target, "重发的批注");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) again = NULL;
  guint events = count_events (first, token, target);
  guint status;

  answer = civic_test_request (first, "POST", "/api/v1/commands", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  again = civic_test_request (second, "POST", "/api/v1/commands", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_node_equal (answer, again));
  g_assert_cmpuint (count_events (second, token, target), ==, events + 1);
}

/* Signed out at one process: refused at the other */
static void
test_sign_out_everywhere (void)
{
  g_autofree char *token = civic_test_sign_in (first, "approver");
  g_autoptr(JsonNode) gone = NULL;
  g_autoptr(JsonNode) refused = NULL;
  guint status;

  gone = civic_test_request (second, "DELETE", "/api/v1/session", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  refused = civic_test_request (first, "GET", "/api/v1/me", token, NULL, &status);
  g_assert_cmpuint (status, ==, 401);
}

/* Waits up to ten seconds for @service to show @events on the case */
static gboolean
shows_events (CivicTestService *service,
              const char       *token,
              const char       *case_id,
              guint             events)
{
  for (int i = 0; i < 200; i++)
    {
      if (count_events (service, token, case_id) == events)
        return TRUE;
      g_usleep (50 * 1000);
    }
  return FALSE;
}

/* A third process reads the feed and single records from a streaming
 * standby (--read-database). While the standby's replay is paused, an
 * official still reads their own write at once (the database answers
 * them), while one who wrote nothing is answered from the standby as it
 * stood: the proof that it reads there. A session opened or ended meanwhile
 * counts at once. Replay resumed, the standby catches up; gone, the
 * database answers, and a process starts without it. */
static void
test_read_database (void)
{
  g_autofree char *standby = civic_test_start_standby ();
  g_autofree char *uri = civic_test_standby_uri (standby, first->data_dir);
  const char *args[] = { "--read-database", uri, NULL };
  g_autoptr(CivicTestService) reader = civic_test_service_new_sibling (first);
  g_autofree char *writer = NULL;
  g_autofree char *onlooker = NULL;
  g_autofree char *later = NULL;
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  const char *target = g_ptr_array_index (open_cases, 3);
  guint events, status;

  civic_test_service_stop (reader);
  civic_test_service_start_with (reader, args);
  writer = civic_test_sign_in (reader, "examiner");
  onlooker = civic_test_sign_in (reader, "supervisor");

  /* Caught up, it answers as the database does */
  events = count_events (first, onlooker, target);
  g_assert_true (shows_events (reader, onlooker, target, events));

  g_free (civic_test_standby_exec (standby, "SELECT pg_wal_replay_pause ()"));
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *state = civic_test_standby_exec (standby,
                                                        "SELECT pg_get_wal_replay_pause_state ()");

      if (g_strcmp0 (state, "paused") == 0)
        break;
      g_usleep (50 * 1000);
    }

  body = civic_test_comment_body (id, target, "只读副本之后的批注");
  answer = civic_test_request (reader, "POST", "/api/v1/commands", writer, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (civic_test_object_of (answer), "results"), 0),
                     "status"), ==, "applied");

  /* The writer reads their write, in the record and in the feed */
  g_assert_cmpuint (count_events (reader, writer, target), ==, events + 1);
  civic_test_pull_all (reader, writer, 0, entities);
  {
    g_autofree char *key = g_strconcat ("case/", target, NULL);
    JsonNode *kase = g_hash_table_lookup (entities, key);

    g_assert_nonnull (kase);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_node_get_object (kase), "events")), ==, events + 1);
  }

  /* The onlooker reads the standby, which has not replayed it */
  g_assert_cmpuint (count_events (reader, onlooker, target), ==, events);
  g_assert_cmpuint (count_events (first, onlooker, target), ==, events + 1);

  /* A session the standby has not seen is good; one ended is refused */
  later = civic_test_sign_in (reader, "approver");
  g_assert_cmpuint (count_events (reader, later, target), ==, events);
  g_clear_pointer (&answer, json_node_unref);
  answer = civic_test_request (reader, "DELETE", "/api/v1/session", later, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  {
    g_autofree char *path = g_strconcat ("/api/v1/cases/", target, NULL);

    refused = civic_test_request (reader, "GET", path, later, NULL, &status);
    g_assert_cmpuint (status, ==, 401);
  }

  g_free (civic_test_standby_exec (standby, "SELECT pg_wal_replay_resume ()"));
  g_assert_true (shows_events (reader, onlooker, target, events + 1));

  /* The standby gone, the database answers */
  reader->warnings_expected = TRUE;
  civic_test_stop_standby (standby);
  g_assert_cmpuint (count_events (reader, onlooker, target), ==, events + 1);
  g_hash_table_remove_all (entities);
  civic_test_pull_all (reader, writer, 0, entities);
  g_assert_cmpuint (g_hash_table_size (entities), >, 0);

  /* Nor does a standby that is down keep a process from starting */
  civic_test_service_stop (reader);
  civic_test_service_start_with (reader, args);
  g_assert_cmpuint (count_events (reader, onlooker, target), ==, events + 1);
}

static gboolean
runs_clocks (CivicTestService *service)
{
  g_autoptr(JsonNode) health = NULL;
  guint status;

  health = civic_test_request (service, "GET", "/api/v1/health", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_boolean_member (json_node_get_object (health), "clocks");
}

/* One process runs the clocks; when it dies, the other takes over within
 * seconds, and the first, back, stands by */
static void
test_one_runs_the_clocks (void)
{
  CivicTestService *leader, *standby;
  gint64 deadline;

  g_assert_cmpint (runs_clocks (first) + runs_clocks (second), ==, 1);
  leader = runs_clocks (first) ? first : second;
  standby = leader == first ? second : first;

  civic_test_service_kill (leader);
  deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (!runs_clocks (standby))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (200 * 1000);
    }

  civic_test_service_start (leader);
  g_assert_false (runs_clocks (leader));
  g_assert_true (runs_clocks (standby));
}

/* Both processes appended to one audit chain, in one order */
static void
test_one_audit_chain (void)
{
  g_autofree char *first_says = NULL;
  g_autofree char *second_says = NULL;

  g_assert_cmpint (civic_test_service_cli (first, NULL, &first_says, "audit", "verify", NULL),
                   ==, 0);
  g_assert_true (g_str_has_prefix (first_says, "OK: "));
  g_assert_cmpint (civic_test_service_cli (second, NULL, &second_says, "audit", "verify", NULL),
                   ==, 0);
  g_assert_cmpstr (first_says, ==, second_says);
}

/* The balancer goes with the test, however the test ends */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Through HAProxy (deploy/haproxy.cfg), as a province's clients reach
 * the service */
static GSubprocess *
start_balancer (guint *port)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_address = g_strdup_printf ("127.0.0.1:%u", first->port);
  g_autofree char *second_address = g_strdup_printf ("127.0.0.1:%u", second->port);
  g_autofree char *url = NULL;
  GSubprocess *process = NULL;

  for (guint attempt = 0; attempt < 20 && process == NULL; attempt++)
    {
      g_autofree char *bind = NULL;
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      *port = 20000 + g_random_int_range (0, 30000);
      bind = g_strdup_printf ("127.0.0.1:%u", *port);
      g_clear_object (&launcher);
      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                            G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
      g_subprocess_launcher_setenv (launcher, "CIVIC_LB_BIND", bind, TRUE);
      g_subprocess_launcher_setenv (launcher, "CIVIC_SERVICE_1", first_address, TRUE);
      g_subprocess_launcher_setenv (launcher, "CIVIC_SERVICE_2", second_address, TRUE);
      process = g_subprocess_launcher_spawn (launcher, &error, "haproxy", "-db", "-f",
                                             g_getenv ("CIVICDESK_HAPROXY_CFG"), NULL);
      g_assert_no_error (error);

      /* Up once it answers a health check through a service */
      g_free (url);
      url = g_strdup_printf ("http://127.0.0.1:%u", *port);
      for (;;)
        {
          g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 2, NULL);
          g_autofree char *health = g_strconcat (url, "/api/v1/health", NULL);
          g_autoptr(SoupMessage) msg = soup_message_new ("GET", health);
          g_autoptr(GBytes) answer = soup_session_send_and_read (session, msg, NULL, NULL);

          if (answer != NULL && soup_message_get_status (msg) == 200)
            break;
          if (g_subprocess_get_identifier (process) == NULL ||
              g_get_monotonic_time () > deadline)
            {
              g_subprocess_force_exit (process);
              g_clear_object (&process);
              break;
            }
          g_usleep (100 * 1000);
        }
    }
  g_assert_nonnull (process);
  return process;
}

typedef struct
{
  char        *url;        /* the balancer's */
  const char  *token;
  guint        client;
  gint        *stop;       /* set once the faults are over */
  guint        count;      /* how many it sent */
  guint        retried;
} Client;

/* An official's client: each command sent until it is answered, again
 * and again, with the same id, whatever fails in between */
static gpointer
send_through_faults (gpointer data)
{
  Client *client = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 20, NULL);
  g_autofree char *uri = g_strconcat (client->url, "/api/v1/commands", NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", client->token, NULL);

  /* On through every fault, and a few more after */
  for (guint i = 0, after = 0; after < 5; i++)
    {
      g_autofree char *id = civic_test_uuid ();
      g_autofree char *text = g_strdup_printf ("故障 %u-%u", client->client, i);
      const char *target = g_ptr_array_index (open_cases,
                                              (client->client * 7 + i) % open_cases->len);
      g_autofree char *body = civic_test_comment_body (id, target, text);
      gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

      for (;;)
        {
          g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
          g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
          g_autoptr(GBytes) response = NULL;
          guint status;

          soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                        authorization);
          soup_message_set_request_body_from_bytes (msg, "application/json", request);
          response = soup_session_send_and_read (session, msg, NULL, NULL);
          status = soup_message_get_status (msg);
          /* As Civic Desk's outbox does: "internal" is sent again later,
           * anything but "applied" is a defect here */
          if (response != NULL && status == 200)
            {
              g_autoptr(JsonParser) parser = json_parser_new ();
              JsonObject *result;
              const char *outcome;
              JsonObject *reason;

              /* The body as it came: a GBytes is not a C string */
              if (!json_parser_load_from_data (parser, g_bytes_get_data (response, NULL),
                                               g_bytes_get_size (response), NULL))
                g_error ("%s: a 200 that is not JSON: %.*s", text,
                         (int) g_bytes_get_size (response),
                         (const char *) g_bytes_get_data (response, NULL));
              result = json_array_get_object_element (
                json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "results"), 0);
              outcome = json_object_get_string_member (result, "status");

              if (g_str_equal (outcome, "applied"))
                break;
              reason = json_object_has_member (result, "reason")
                       ? json_object_get_object_member (result, "reason") : NULL;
              if (!g_str_equal (outcome, "error") || reason == NULL ||
                  g_strcmp0 (json_object_get_string_member_with_default (reason, "code", NULL),
                             "internal") != 0)
                g_error ("%s was not applied: %s", text,
                         (const char *) g_bytes_get_data (response, NULL));
            }
          /* Refused for what it is, not for what failed: a defect */
          if (status >= 400 && status < 500 && status != 408 && status != 429)
            g_error ("%s was refused: %u", text, status);
          if (g_get_monotonic_time () > deadline)
            g_error ("%s went unanswered for 90 s: the last answer was %u %.*s", text, status,
                     response ? (int) g_bytes_get_size (response) : 0,
                     response ? (const char *) g_bytes_get_data (response, NULL) : "");
          client->retried++;
          g_usleep (100 * 1000);
        }
      client->count = i + 1;
      if (g_atomic_int_get (client->stop))
        after++;
      g_usleep (20 * 1000);
    }
  return NULL;
}

/* Under a steady load of commands from several clients through the load
 * balancer: one process killed (kill -9) and started again, then the
 * other, then PostgreSQL restarted. Every client sends again what it did
 * not hear answered; in the end every command is applied exactly once,
 * the feed reads whole, and the audit chain verifies. The long version is
 * bench/bench-faults.sh: CIVICDESK_FAULT_ROUNDS rounds of the faults
 * (one here), CIVICDESK_FAULT_PAUSE_MS apart (400 here). */
static void
test_faults (void)
{
  g_autofree char *token = civic_test_sign_in (first, "examiner");
  g_autoptr(GSubprocess) balancer = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autofree char *verified = NULL;
  Client clients[3];
  GThread *threads[3];
  guint port, retried = 0, sent = 0;
  gint stop = FALSE;
  const char *rounds_text = g_getenv ("CIVICDESK_FAULT_ROUNDS");
  const char *pause_text = g_getenv ("CIVICDESK_FAULT_PAUSE_MS");
  guint rounds = rounds_text != NULL ? (guint) g_ascii_strtoull (rounds_text, NULL, 10) : 1;
  gulong pause = (pause_text != NULL ? g_ascii_strtoull (pause_text, NULL, 10) : 400) * 1000;

  first->warnings_expected = second->warnings_expected = TRUE;
  balancer = start_balancer (&port);
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      clients[i] = (Client) { g_strdup_printf ("http://127.0.0.1:%u", port), token, i, &stop,
                              0, 0 };
      threads[i] = g_thread_new ("client", send_through_faults, &clients[i]);
    }

  for (guint round = 0; round < MAX (rounds, 1); round++)
    {
      g_usleep (pause);
      civic_test_service_kill (first);
      g_usleep (pause);
      civic_test_service_start (first);
      g_usleep (pause);
      civic_test_service_kill (second);
      g_usleep (pause);
      civic_test_service_start (second);
      g_usleep (pause);
      civic_test_restart_postgresql ();
    }
  g_usleep (pause);
  g_atomic_int_set (&stop, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_thread_join (threads[i]);
      retried += clients[i].retried;
      g_free (clients[i].url);
    }
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    sent += clients[i].count;
  g_test_message ("commands: %u, %u, %u; sent again after a fault: %u", clients[0].count,
                  clients[1].count, clients[2].count, retried);
  /* For bench/bench-faults.sh */
  g_test_message ("BENCH faults_rounds %u rounds", MAX (rounds, 1));
  g_test_message ("BENCH faults_commands %u commands", sent);
  g_test_message ("BENCH faults_sent_again %u commands", retried);
  g_subprocess_send_signal (balancer, SIGTERM);
  g_subprocess_wait (balancer, NULL, NULL);

  /* 0 lost, 0 doubled */
  for (guint i = 0; i < open_cases->len; i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/cases/", (char *) open_cases->pdata[i], NULL);
      g_autoptr(JsonNode) answer = NULL;
      JsonArray *events;
      guint status;

      answer = civic_test_request (first, "GET", path, token, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      events = json_object_get_array_member (
        json_object_get_object_member (json_node_get_object (answer), "data"), "events");
      for (guint e = 0; e < json_array_get_length (events); e++)
        {
          JsonObject *event = json_array_get_object_element (events, e);
          const char *text = json_object_has_member (event, "text")
                             ? json_object_get_string_member (event, "text") : NULL;

          if (text != NULL && g_str_has_prefix (text, "故障 "))
            g_hash_table_insert (texts, g_strdup (text),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                   g_hash_table_lookup (texts, text)) + 1));
        }
    }
  for (guint c = 0; c < G_N_ELEMENTS (clients); c++)
    for (guint i = 0; i < clients[c].count; i++)
      {
        g_autofree char *text = g_strdup_printf ("故障 %u-%u", c, i);
        guint times = GPOINTER_TO_UINT (g_hash_table_lookup (texts, text));

        if (times != 1)
          g_error ("%s is on its case %u times", text, times);
      }
  g_assert_cmpuint (g_hash_table_size (texts), ==, sent);
  g_test_message ("BENCH faults_lost 0 commands");
  g_test_message ("BENCH faults_doubled 0 commands");

  /* The feed reads whole from either process, the chain verifies */
  civic_test_pull_all (second, token, 0, entities);
  g_assert_cmpint (civic_test_service_cli (first, NULL, &verified, "audit", "verify", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (verified, "OK: "));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  if (!civic_test_postgresql ())
    {
      g_test_skip ("several processes share a PostgreSQL database: the server-pg run");
      return g_test_run ();
    }

  first = civic_test_service_new_demo (200, 41);
  second = civic_test_service_new_sibling (first);
  open_cases = civic_test_department_cases (first, "scjg", 20);

  g_test_add_func ("/scale-out/feed-across-processes", test_feed_across_processes);
  g_test_add_func ("/scale-out/retry-at-the-other-process", test_retry_at_the_other_process);
  g_test_add_func ("/scale-out/sign-out-everywhere", test_sign_out_everywhere);
  g_test_add_func ("/scale-out/one-runs-the-clocks", test_one_runs_the_clocks);
  g_test_add_func ("/scale-out/read-database", test_read_database);
  g_test_add_func ("/scale-out/faults", test_faults);
  g_test_add_func ("/scale-out/one-audit-chain", test_one_audit_chain);
  result = g_test_run ();

  civic_test_service_free (second);
  civic_test_service_free (first);
  g_ptr_array_unref (open_cases);
  return result;
}
