/* bench-sync-naive.c — the initial sync done the obvious way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference of bench/bench-sync.sh: signs in as the client does,
 * reads the same change feed from the same service page after page, each
 * page parsed whole with json-glib, and writes every change to an entity
 * table and every case's search text (its number, applicant, item and
 * officials' notes) to an FTS5 trigram table, one transaction per page,
 * with the client's durability (WAL, synchronous = FULL). No outbox,
 * no per-kind index, no reading ahead: what the same bytes cost when
 * nothing is clever.
 *
 *   bench-sync-naive URL USER PASSWORD DATABASE
 *
 * Prints one JSON object: {"cases": N, "changes": N, "bytes": N, "seconds": S}.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#define PAGE_SIZE 1000

static void
check (sqlite3 *db,
       int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("sqlite: %s", sqlite3_errmsg (db));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static GBytes *
send (SoupSession *session,
      SoupMessage *msg)
{
  g_autoptr(GError) error = NULL;
  GBytes *body = soup_session_send_and_read (session, msg, NULL, &error);

  if (body == NULL)
    g_error ("%s", error->message);
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    g_error ("HTTP %u", soup_message_get_status (msg));
  return body;
}

static char *
sign_in (SoupSession *session,
         const char  *base,
         const char  *user,
         const char  *password)
{
  g_autofree char *url = g_strconcat (base, "/api/v1/session", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) request_body = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, user);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  text = json_to_string (request, FALSE);
  request_body = g_bytes_new (text, strlen (text));
  soup_message_set_request_body_from_bytes (msg, "application/json", request_body);
  body = send (session, msg);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                   &error))
    g_error ("%s", error->message);
  return g_strdup (member_string (json_node_get_object (json_parser_get_root (parser)), "token"));
}

/* The case's search text, as the client indexes it: the officials'
 * notes are the texts of its events. */
static void
index_case (sqlite3_stmt *fts,
            gint64        rowid,
            JsonObject   *kase)
{
  JsonNode *events = json_object_get_member (kase, "events");
  g_autoptr(GString) notes = g_string_new (NULL);

  if (events != NULL && JSON_NODE_HOLDS_ARRAY (events))
    {
      JsonArray *array = json_node_get_array (events);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *text = member_string (json_array_get_object_element (array, i), "text");

          if (text != NULL)
            g_string_append_printf (notes, "%s%s", notes->len ? "\n" : "", text);
        }
    }

  sqlite3_bind_int64 (fts, 1, rowid);
  sqlite3_bind_text (fts, 2, member_string (kase, "number"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (fts, 3, member_string (member_object (kase, "applicant"), "name"), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (fts, 4, member_string (member_object (kase, "item"), "name"), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (fts, 5, notes->str, -1, SQLITE_TRANSIENT);
  sqlite3_step (fts);
  sqlite3_reset (fts);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *token = NULL;
  g_autofree char *authorization = NULL;
  sqlite3 *db;
  sqlite3_stmt *put, *fts;
  gint64 after = 0, started, cases = 0, changes = 0, bytes = 0;
  gboolean more = TRUE;

  if (argc != 5)
    {
      g_printerr ("usage: %s URL USER PASSWORD DATABASE\n", argv[0]);
      return 2;
    }

  check (NULL, sqlite3_open (argv[4], &db));
  check (db, sqlite3_exec (db,
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = FULL;"
                           "CREATE TABLE entity (type TEXT, id TEXT, rev INTEGER, seq INTEGER,"
                           "  data TEXT, PRIMARY KEY (type, id));"
                           "CREATE VIRTUAL TABLE search USING fts5 (number, applicant, item_name,"
                           "  notes, tokenize = 'trigram');",
                           NULL, NULL, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO entity VALUES (?, ?, ?, ?, ?) "
                                     "RETURNING rowid", -1, &put, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO search "
                                     "  (rowid, number, applicant, item_name, notes) "
                                     "VALUES (?, ?, ?, ?, ?)", -1, &fts, NULL));

  session = soup_session_new ();
  started = g_get_monotonic_time ();
  token = sign_in (session, argv[1], argv[2], argv[3]);
  authorization = g_strconcat ("Bearer ", token, NULL);

  while (more)
    {
      g_autofree char *url = g_strdup_printf ("%s/api/v1/changes?after=%" G_GINT64_FORMAT
                                              "&limit=%d", argv[1], after, PAGE_SIZE);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *page;
      JsonArray *list;

      soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization",
                                   authorization);
      body = send (session, msg);
      bytes += g_bytes_get_size (body);
      if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                       g_bytes_get_size (body), &error))
        g_error ("%s", error->message);
      page = json_node_get_object (json_parser_get_root (parser));
      list = json_object_get_array_member (page, "changes");

      check (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL));
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *change = json_array_get_object_element (list, i);
          JsonNode *data = json_object_get_member (change, "data");
          g_autofree char *text = json_to_string (data, FALSE);
          const char *type = member_string (change, "type");
          gint64 rowid;

          sqlite3_bind_text (put, 1, type, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (put, 2, member_string (change, "id"), -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (put, 3, json_object_get_int_member (change, "rev"));
          sqlite3_bind_int64 (put, 4, json_object_get_int_member (change, "seq"));
          sqlite3_bind_text (put, 5, text, -1, SQLITE_TRANSIENT);
          check (db, sqlite3_step (put));
          rowid = sqlite3_column_int64 (put, 0);
          sqlite3_reset (put);

          if (g_strcmp0 (type, "case") == 0 && JSON_NODE_HOLDS_OBJECT (data))
            {
              index_case (fts, rowid, json_node_get_object (data));
              cases++;
            }
          changes++;
        }
      check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL));

      after = json_object_get_int_member (page, "next");
      more = json_object_get_boolean_member (page, "more");
    }

  g_print ("{\"cases\":%" G_GINT64_FORMAT ",\"changes\":%" G_GINT64_FORMAT ",\"bytes\":%"
           G_GINT64_FORMAT ",\"seconds\":%.3f}\n",
           cases, changes, bytes, (g_get_monotonic_time () - started) / 1e6);

  sqlite3_finalize (put);
  sqlite3_finalize (fts);
  sqlite3_close (db);
  return 0;
}
