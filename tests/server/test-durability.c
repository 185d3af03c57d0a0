/* test-durability.c — the feed under load, kill -9, a tampered audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "civic-test-service.h"

static CivicTestService *service;
static GPtrArray *open_cases;

typedef struct
{
  const char *token;
  guint       first;
  guint       count;
  GPtrArray  *answers;   /* the answers received, as text */
  GPtrArray  *bodies;    /* every command sent */
  gboolean    tolerate_failure;
} Writer;

static gpointer
write_comments (gpointer data)
{
  Writer *writer = data;
  g_autoptr(SoupSession) session = NULL;

  for (guint i = 0; i < writer->count; i++)
    {
      g_autofree char *id = civic_test_uuid ();
      const char *target = g_ptr_array_index (open_cases, (writer->first + i) % open_cases->len);
      g_autofree char *text = g_strdup_printf ("批注 %u-%u", writer->first, i);
      char *body = civic_test_comment_body (id, target, text);
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;

      g_ptr_array_add (writer->bodies, body);
      if (writer->tolerate_failure)
        {
          /* Once the service is killed, requests fail; stop there. */
          g_autofree char *uri = g_strconcat (service->base_url, "/api/v1/commands", NULL);
          g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
          g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
          g_autoptr(GBytes) response = NULL;
          g_autofree char *authorization = g_strconcat ("Bearer ", writer->token, NULL);

          if (session == NULL)
            session = soup_session_new_with_options ("timeout", 5, NULL);
          soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                        authorization);
          soup_message_set_request_body_from_bytes (msg, "application/json", request);
          response = soup_session_send_and_read (session, msg, NULL, NULL);
          if (response == NULL || soup_message_get_status (msg) != 200)
            break;
          g_ptr_array_add (writer->answers, g_strndup (g_bytes_get_data (response, NULL),
                                                       g_bytes_get_size (response)));
          continue;
        }

      answer = civic_test_request (service, "POST", "/api/v1/commands", writer->token, body,
                                   &status);
      g_assert_cmpuint (status, ==, 200);
      g_ptr_array_add (writer->answers, g_strdup ("applied"));
    }

  return NULL;
}

/* Readers follow the feed while writers write: every change is seen, in
 * order, and the last state of every case is the one read. */
static void
test_feed_under_concurrent_writes (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) json_node_unref);
  g_autoptr(GHashTable) fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) json_node_unref);
  Writer writers[4];
  GThread *threads[4];
  gint64 cursor;
  GHashTableIter iter;
  gpointer key, value;

  cursor = civic_test_pull_all (service, token, 0, seen);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      writers[i] = (Writer) { token, i * 50, 50, g_ptr_array_new_with_free_func (g_free),
                              g_ptr_array_new_with_free_func (g_free), FALSE };
      threads[i] = g_thread_new ("writer", write_comments, &writers[i]);
    }

  /* Follow with small pages while they write. */
  for (int round = 0; round < 40; round++)
    {
      cursor = civic_test_pull_page (service, token, cursor, 7, seen, NULL);
      g_usleep (5 * 1000);
    }

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (writers[i].answers->len, ==, 50);
      g_ptr_array_unref (writers[i].answers);
      g_ptr_array_unref (writers[i].bodies);
    }

  civic_test_pull_all (service, token, cursor, seen);

  /* What the follower ended with is what a fresh client gets. */
  civic_test_pull_all (service, token, 0, fresh);
  g_assert_cmpuint (g_hash_table_size (seen), ==, g_hash_table_size (fresh));
  g_hash_table_iter_init (&iter, fresh);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonNode *followed = g_hash_table_lookup (seen, key);

      g_assert_nonnull (followed);
      g_assert_true (json_node_equal (followed, value));
    }
}

static guint
count_events (const char *token,
              const char *case_id)
{
  g_autofree char *path = g_strconcat ("/api/v1/cases/", case_id, NULL);
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (service, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_array_get_length (json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (answer), "data"), "events"));
}

/* kill -9 in the middle of a burst: after a restart the database is whole,
 * every command answered before the kill is there exactly once, and
 * sending every command of the burst again applies each once. */
static void
test_kill_during_burst (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autofree char *output = NULL;
  g_autofree char *new_token = NULL;
  Writer writer = { token, 1000, 2000, g_ptr_array_new_with_free_func (g_free),
                    g_ptr_array_new_with_free_func (g_free), TRUE };
  g_autoptr(GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);
  GThread *thread;
  guint sent, answered;

  for (guint i = 0; i < open_cases->len; i++)
    g_hash_table_insert (before, g_ptr_array_index (open_cases, i),
                         GUINT_TO_POINTER (count_events (token, g_ptr_array_index (open_cases, i))));

  thread = g_thread_new ("burst", write_comments, &writer);
  g_usleep (400 * 1000);
  civic_test_service_kill (service);
  g_thread_join (thread);

  sent = writer.bodies->len;
  answered = writer.answers->len;
  g_test_message ("killed after %u answers, %u sent", answered, sent);
  g_assert_cmpuint (answered, >, 0);
  g_assert_cmpuint (answered, <, 2000);

  civic_test_service_start (service);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "audit", "verify", NULL), ==, 0);

  /* Sessions survive a restart. */
  new_token = g_strdup (token);

  for (guint i = 0; i < sent; i++)
    {
      g_autoptr(JsonNode) answer = NULL;
      guint status;
      const char *result_status;

      answer = civic_test_request (service, "POST", "/api/v1/commands", new_token,
                                   g_ptr_array_index (writer.bodies, i), &status);
      g_assert_cmpuint (status, ==, 200);
      result_status = json_object_get_string_member (
        json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer),
                                                                     "results"), 0), "status");
      g_assert_cmpstr (result_status, ==, "applied");

      /* An answer given before the kill comes back word for word. */
      if (i < answered)
        {
          g_autoptr(JsonGenerator) generator = json_generator_new ();
          g_autoptr(JsonNode) stored = json_from_string (g_ptr_array_index (writer.answers, i), NULL);
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;

          json_generator_set_root (generator, stored);
          a = json_generator_to_data (generator, NULL);
          json_generator_set_root (generator, answer);
          b = json_generator_to_data (generator, NULL);
          g_assert_cmpstr (a, ==, b);
        }
    }

  /* Each command of the burst is on its case exactly once. */
  for (guint i = 0; i < open_cases->len; i++)
    {
      const char *id = g_ptr_array_index (open_cases, i);
      guint expected = GPOINTER_TO_UINT (g_hash_table_lookup (before, id));

      for (guint j = 0; j < sent; j++)
        if ((writer.first + j) % open_cases->len == i)
          expected++;

      g_assert_cmpuint (count_events (new_token, id), ==, expected);
    }

  g_ptr_array_unref (writer.answers);
  g_ptr_array_unref (writer.bodies);
}

static void
tamper (const char *sql)
{
  g_ptr_array_unref (civic_test_sql (service->data_dir, sql, NULL));
}

static void
test_tampered_audit (void)
{
  g_autofree char *clean = NULL;
  g_autofree char *altered = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *cut = NULL;

  civic_test_service_stop (service);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &clean, "audit", "verify", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (clean, "OK: "));

  /* The triggers refuse a change … */
  {
    g_autofree char *refused = civic_test_sql_fails (service->data_dir,
                                                     "UPDATE audit SET actor = 'u-nobody' "
                                                     "WHERE seq = 3");

    g_assert_nonnull (refused);
    g_assert_nonnull (strstr (refused, "the audit log is append-only"));
  }

  /* … so an attacker drops them first; verify still finds out. */
  tamper (civic_test_postgresql () ? "DROP TRIGGER audit_no_update ON audit;"
                                     "DROP TRIGGER audit_no_delete ON audit"
                                   : "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete");
  tamper ("UPDATE audit SET actor = 'u-nobody' WHERE seq = 3");
  g_assert_cmpint (civic_test_service_cli (service, NULL, &altered, "audit", "verify", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (altered, "BROKEN at entry 3: Entry 3 was altered"));

  tamper ("DELETE FROM audit WHERE seq = 3");
  g_assert_cmpint (civic_test_service_cli (service, NULL, &removed, "audit", "verify", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (removed, "BROKEN at entry 3: Entry 3 is missing"));

  tamper ("DELETE FROM audit WHERE seq >= 3");
  g_assert_cmpint (civic_test_service_cli (service, NULL, &cut, "audit", "verify", NULL), ==, 1);
  g_assert_nonnull (strstr (cut, "Entries after 2 were removed"));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (300, 31);
  open_cases = civic_test_department_cases (service, "scjg", 20);

  g_test_add_func ("/durability/feed-under-concurrent-writes", test_feed_under_concurrent_writes);
  g_test_add_func ("/durability/kill-during-burst", test_kill_during_burst);
  g_test_add_func ("/durability/tampered-audit", test_tampered_audit);

  result = g_test_run ();

  civic_test_service_free (service);
  g_ptr_array_unref (open_cases);
  return result;
}
