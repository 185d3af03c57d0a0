/* bench-publish.c — from publication to the organ's Atom feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against a demo service it starts itself (bench/bench-publish.sh makes
 * the data), with the demo department's disclosure staff:
 *
 *   - a disclosure published by hand: from the `publish-disclosure`
 *     answer until GET /public/v1/feeds/scjg.atom, polled every 20 ms with
 *     If-None-Match, has its entry;
 *   - a disclosure scheduled for the next minute: the service started
 *     with its clock pinned a few seconds before the minute and running
 *     (CIVICDESK_NOW_RUNNING=1), from that minute until the feed has it;
 *
 * each beside the reference, a `comment-disclosure` round trip followed
 * by a GET of the disclosure, on the same connection. Prints BENCH lines.
 *
 *   bench-publish SERVER DATA-DIR PASSWORD [PUBLISHES [SCHEDULED]]
 */

#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#define FEED         "/public/v1/feeds/scjg.atom"
#define POLL_MS      20
/* The scheduled minute comes this long after the service starts */
#define LEAD_SECONDS 3

static const char *server_path;
static const char *data_dir;
static const char *password;
static char *work_dir;
static GSubprocess *service;
static SoupSession *session;
static char *base;
static char *editor, *reviewer, *reviewer2, *head;
static char *feed_etag;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The service */

static void
service_stop (void)
{
  if (service == NULL)
    return;
  g_subprocess_send_signal (service, SIGTERM);
  g_subprocess_wait (service, NULL, NULL);
  g_clear_object (&service);
}

/* @now: where its clock starts; @running: whether it then runs */
static void
service_start (const char *now,
               gboolean    running)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autofree char *port_file = g_build_filename (work_dir, "port", NULL);
  g_autofree char *port = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  service_stop ();
  g_unlink (port_file);
  g_subprocess_launcher_setenv (launcher, "CIVICDESK_NOW", now, TRUE);
  if (running)
    g_subprocess_launcher_setenv (launcher, "CIVICDESK_NOW_RUNNING", "1", TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "CIVICDESK_NOW_RUNNING");
  /* The feed is polled far faster than a citizen reads */
  service = g_subprocess_launcher_spawn (launcher, &error, server_path, "serve",
                                         "--data-dir", data_dir, "--listen", "127.0.0.1:0",
                                         "--port-file", port_file, "--quiet",
                                         "--public-read-rate=0", NULL);
  g_assert_no_error (error);
  while (!g_file_get_contents (port_file, &port, NULL, NULL) || port[0] == '\0')
    {
      g_clear_pointer (&port, g_free);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (5000);
    }
  g_free (base);
  base = g_strdup_printf ("http://127.0.0.1:%d", atoi (port));
}

/* HTTP */

static GBytes *
request (const char  *method,
         const char  *path,
         const char  *token,
         const char  *body,
         const char  *if_none_match,
         guint       *status,
         char       **etag)
{
  g_autofree char *uri = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  GBytes *answer;

  if (token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
    }
  if (if_none_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-None-Match",
                                  if_none_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag"));
  return answer;
}

static JsonNode *
request_json (const char *method,
              const char *path,
              const char *token,
              const char *body)
{
  guint status;
  g_autoptr(GBytes) answer = request (method, path, token, body, NULL, &status, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (status != 200 && status != 201)
    g_error ("%s %s: %u %.*s", method, path, status, (int) g_bytes_get_size (answer),
             (const char *) g_bytes_get_data (answer, NULL));
  node = json_from_string (g_bytes_get_data (answer, NULL), &error);
  g_assert_no_error (error);
  return node;
}

static char *
sign_in (const char *username)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, password);
  g_autoptr(JsonNode) node = request_json ("POST", "/api/v1/session", NULL, body);

  return g_strdup (json_object_get_string_member (json_node_get_object (node), "token"));
}

static void
command (const char *token,
         const char *type,
         const char *target,
         const char *args)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"%s\","
                                           "\"target\":\"%s\",\"args\":%s}]}",
                                           id, type, target, args ? args : "{}");
  g_autoptr(JsonNode) node = request_json ("POST", "/api/v1/commands", token, body);
  JsonObject *result = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (node), "results"), 0);

  if (!g_str_equal (json_object_get_string_member (result, "status"), "applied"))
    g_error ("%s was refused: %s", type,
             json_object_get_string_member (json_object_get_object_member (result, "reason"),
                                            "message"));
}

/* The disclosure */

static char *
approved_disclosure (guint n)
{
  char *id = g_uuid_string_random ();
  g_autofree char *create = g_strdup_printf ("{\"title\":\"食品经营许可办理结果公示（第%u期）\","
                                             "\"category\":\"licensing\","
                                             "\"formed_on\":\"2026-11-16\"}", n);

  command (editor, "create-disclosure", id, create);
  command (editor, "save-disclosure", id,
           "{\"body\":\"## 办理结果\\n\\n准予行政许可。\\n\",\"base_version\":0}");
  command (editor, "submit-disclosure", id, NULL);
  command (reviewer, "review-disclosure", id, "{\"decision\":\"approve\"}");
  command (reviewer2, "review-disclosure", id, "{\"decision\":\"approve\"}");
  return id;
}

static void
remember_feed_etag (void)
{
  guint status;
  g_autoptr(GBytes) answer = NULL;

  g_clear_pointer (&feed_etag, g_free);
  answer = request ("GET", FEED, NULL, NULL, NULL, &status, &feed_etag);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (feed_etag);
}

/* Polls the feed every POLL_MS until it has @id's entry; when it had it */
static double
until_in_feed (const char *id,
               double      give_up)
{
  g_autofree char *urn = g_strconcat ("urn:civicdesk:disclosure:", id, NULL);

  for (;;)
    {
      double asked = now_ms ();
      guint status;
      char *etag = NULL;
      g_autoptr(GBytes) answer = request ("GET", FEED, NULL, NULL, feed_etag, &status, &etag);

      if (status == 200)
        {
          g_free (feed_etag);
          feed_etag = etag;
          if (g_strstr_len (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), urn))
            return now_ms ();
        }
      else
        {
          g_assert_cmpuint (status, ==, 304);
          g_free (etag);
        }
      if (now_ms () > give_up)
        g_error ("%s never reached the feed", id);
      g_usleep ((gulong) (MAX (0.0, asked + POLL_MS - now_ms ()) * 1000));
    }
}

/* The reference: a comment's round trip and a GET of the disclosure */
static double
comment_and_get (const char *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/disclosures/", id, NULL);
  double start = now_ms ();
  g_autoptr(JsonNode) node = NULL;

  command (editor, "comment-disclosure", id, "{\"text\":\"基准测试批注\"}");
  node = request_json ("GET", path, editor, NULL);
  return now_ms () - start;
}

/* The service's "now" at @at_ms on our clock, from its health answer */
static GDateTime *
service_now (double *at_ms)
{
  double sent = now_ms ();
  g_autoptr(JsonNode) node = request_json ("GET", "/api/v1/health", NULL, NULL);
  double received = now_ms ();
  const char *time = json_object_get_string_member (json_node_get_object (node), "time");

  *at_ms = (sent + received) / 2;
  return g_date_time_new_from_iso8601 (time, NULL);
}

/* Figures */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
max_of (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len - 1);
}

static void
report (const char *name,
        GArray     *values,
        GArray     *reference)
{
  double median = median_of (values);

  g_print ("BENCH %s_median %.1f ms\n", name, median);
  g_print ("BENCH %s_max %.1f ms\n", name, max_of (values));
  g_print ("BENCH %s_ratio %.2f x\n", name, median / median_of (reference));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) published = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) answered = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scheduled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint publishes, n_scheduled;

  if (argc < 4)
    {
      g_printerr ("usage: %s SERVER DATA-DIR PASSWORD [PUBLISHES [SCHEDULED]]\n", argv[0]);
      return 2;
    }
  server_path = argv[1];
  data_dir = argv[2];
  password = argv[3];
  publishes = argc > 4 ? (guint) atoi (argv[4]) : 20;
  n_scheduled = argc > 5 ? (guint) atoi (argv[5]) : 8;
  work_dir = g_dir_make_tmp ("civicdesk-bench-publish-XXXXXX", &error);
  g_assert_no_error (error);
  session = soup_session_new ();

  service_start ("2026-11-20T10:00:00+08:00", FALSE);
  editor = sign_in ("editor");
  reviewer = sign_in ("reviewer");
  reviewer2 = sign_in ("reviewer2");
  head = sign_in ("head");

  /* Published by hand, each beside the reference on another disclosure */
  for (guint i = 0; i < publishes; i++)
    {
      g_autofree char *id = approved_disclosure (i + 1);
      g_autofree char *other = approved_disclosure (1000 + i);
      double start, answer, seen;

      remember_feed_etag ();
      start = now_ms ();
      command (head, "publish-disclosure", id, NULL);
      answer = now_ms ();
      seen = until_in_feed (id, answer + 10000);
      g_array_append_vals (answered, &(double) { answer - start }, 1);
      g_array_append_vals (published, &(double) { seen - answer }, 1);
      g_array_append_vals (reference, &(double) { comment_and_get (other) }, 1);
    }

  /* Scheduled: approved now, each scheduled by a service started just
   * before its own minute (11:00, 11:01, …) */
  for (guint i = 0; i < n_scheduled; i++)
    g_ptr_array_add (waiting, approved_disclosure (2000 + i));
  for (guint i = 0; i < n_scheduled; i++)
    {
      const char *id = g_ptr_array_index (waiting, i);
      g_autoptr(GDateTime) minute = g_date_time_new_from_iso8601 ("2026-11-20T11:00:00+08:00",
                                                                  NULL);
      g_autoptr(GDateTime) due = g_date_time_add_minutes (minute, i);
      g_autoptr(GDateTime) before = g_date_time_add_seconds (due, -LEAD_SECONDS);
      g_autofree char *start_at = g_date_time_format_iso8601 (before);
      g_autofree char *at = g_date_time_format (due, "%H:%M");
      g_autofree char *args = g_strdup_printf ("{\"publish_on\":\"2026-11-20\",\"publish_at\":\"%s\"}",
                                               at);
      g_autoptr(GDateTime) service_time = NULL;
      double service_at, due_ms, seen;

      service_start (start_at, TRUE);
      command (reviewer2, "schedule-disclosure", id, args);
      remember_feed_etag ();
      service_time = service_now (&service_at);
      due_ms = service_at + g_date_time_difference (due, service_time) / 1000.0;
      seen = until_in_feed (id, due_ms + 30000);
      g_array_append_vals (scheduled, &(double) { seen - due_ms }, 1);
      g_array_append_vals (reference, &(double) { comment_and_get (id) }, 1);
    }
  service_stop ();

  g_print ("BENCH publish_answer_median %.1f ms\n", median_of (answered));
  report ("publish_to_feed", published, reference);
  if (n_scheduled > 0)
    report ("scheduled_to_feed", scheduled, reference);
  g_print ("BENCH publish_reference_comment_get %.1f ms\n", median_of (reference));

  g_rmdir (work_dir);
  return 0;
}
