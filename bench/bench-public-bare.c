/* bench-public-bare.c — the public directory's answers, and nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference of bench/bench-public.sh: a SoupServer that answers each
 * path it is given (with its query) with the bytes captured from
 * civicdesk-server for it, from memory. No routing table, rate limit,
 * worker pool, database or rendering: what libsoup alone costs for the
 * same answers, measured with the same wrk settings.
 *
 *   bench-public-bare PORT-FILE PATH BODY-FILE CONTENT-TYPE [PATH BODY-FILE CONTENT-TYPE]…
 *   bench-public-bare PORT-FILE @MANIFEST
 *
 * A manifest has one answer a line, "PATH BODY-FILE CONTENT-TYPE", for
 * more of them than a command line holds (bench/bench-server.sh).
 */

#include "config.h"

#include <libsoup/soup.h>

typedef struct
{
  GBytes *body;
  char   *content_type;
} Answer;

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  g_bytes_unref (answer->body);
  g_free (answer->content_type);
  g_free (answer);
}

static void
add_answer (GHashTable *answers,
            const char *path,
            const char *body_file,
            const char *content_type)
{
  g_autoptr(GError) error = NULL;
  Answer *answer = g_new0 (Answer, 1);
  char *contents;
  gsize length;

  if (!g_file_get_contents (body_file, &contents, &length, &error))
    g_error ("%s", error->message);
  answer->body = g_bytes_new_take (contents, length);
  answer->content_type = g_strdup (content_type);
  g_hash_table_insert (answers, g_strdup (path), answer);
}

static void
read_manifest (GHashTable *answers,
               const char *manifest)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (manifest, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 3);

      if (g_strv_length (fields) == 3)
        add_answer (answers, fields[0], fields[1], fields[2]);
    }
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  GHashTable *answers = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *raw_query = g_uri_get_query (uri);
  g_autofree char *key = raw_query ? g_strconcat (path, "?", raw_query, NULL) : g_strdup (path);
  Answer *answer = g_hash_table_lookup (answers, key);

  if (answer == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, answer->content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (answer->body, NULL),
                                    g_bytes_get_size (answer->body));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         answer_free);
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *port = NULL;

  if (argc == 3 && argv[2][0] == '@')
    read_manifest (answers, argv[2] + 1);
  else if (argc >= 5 && (argc - 2) % 3 == 0)
    for (int i = 2; i < argc; i += 3)
      add_answer (answers, argv[i], argv[i + 1], argv[i + 2]);
  else
    {
      g_printerr ("usage: %s PORT-FILE PATH BODY-FILE CONTENT-TYPE… | @MANIFEST\n", argv[0]);
      return 2;
    }

  server = soup_server_new ("server-header", "bench-public-bare", NULL);
  soup_server_add_handler (server, NULL, handle, answers, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (server);
  port = g_strdup_printf ("%d\n", g_uri_get_port (uris->data));
  if (!g_file_set_contents (argv[1], port, -1, &error))
    g_error ("%s", error->message);

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
