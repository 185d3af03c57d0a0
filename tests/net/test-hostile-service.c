/* test-hostile-service.c — the client against a service that sends too much
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "civic-api-client.h"

/* Not a mock of our service: something at its address that answers with
 * more than any answer of ours can be — an endless body, or a length no
 * page has. The client reads at most 64 MiB of an answer, refuses one
 * that says it is longer before reading it, and its memory stays flat. */

typedef struct
{
  gboolean announce;    /* a Content-Length of 100 MiB, else none and no end */
  guint64  sent;
} Hostile;

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  Hostile *hostile = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *block = g_malloc0 (1024 * 1024);
  const char *head = hostile->announce
                     ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                       "Content-Length: 104857600\r\n\r\n"
                     : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                       "Connection: close\r\n\r\n";
  char request[4096];

  /* A blocking answer in the service thread: the client runs in another */
  g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), request,
                       sizeof request, NULL, NULL);
  if (!g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL))
    return TRUE;
  memset (block, '[', 1024 * 1024);
  for (guint i = 0; i < 100; i++)
    {
      gsize written = 0;

      if (!g_output_stream_write_all (out, block, 1024 * 1024, &written, NULL, NULL))
        break;
      hostile->sent += written;
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static gpointer
serve (gpointer data)
{
  GMainContext *context = data;
  GMainLoop *loop = g_main_loop_new (context, FALSE);

  g_main_context_push_thread_default (context);
  g_main_loop_run (loop);
  g_main_context_pop_thread_default (context);
  g_main_loop_unref (loop);
  return NULL;
}

static void
health_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  civic_api_client_health_finish (CIVIC_API_CLIENT (source), result, error);
}

static glong
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return strtol (line + 6, NULL, 10);
}

static void
check (gboolean announce)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSocketService) service = NULL;
  g_autoptr(CivicApiClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Hostile hostile = { announce, 0 };
  GThread *thread;
  guint16 port;
  glong before;

  g_main_context_push_thread_default (context);
  service = g_threaded_socket_service_new (1);
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (incoming_cb), &hostile);
  g_main_context_pop_thread_default (context);
  thread = g_thread_new ("hostile", serve, context);
  (void) thread;

  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = civic_api_client_new (url, NULL);
  before = rss_kib ();
  civic_api_client_health_async (client, NULL, health_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("%s: %s; %" G_GUINT64_FORMAT " MiB sent; RSS %ld → %ld KiB",
                  announce ? "announced" : "endless", error->message, hostile.sent >> 20,
                  before, rss_kib ());
  g_assert_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "larger than 64 MiB"));
  /* What it kept is at most the bound and a block: not the 100 MiB */
  g_assert_cmpint (rss_kib () - before, <, 80 * 1024);
  if (announce)
    g_assert_cmpuint (hostile.sent, <, 64ull * 1024 * 1024);
  g_socket_service_stop (service);
}

static void
test_announced (void)
{
  check (TRUE);
}

static void
test_endless (void)
{
  check (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-service/announced-too-long", test_announced);
  g_test_add_func ("/hostile-service/endless", test_endless);

  return g_test_run ();
}
