/* civic-api-client.c — the service's API over one SoupSession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-api-client"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"
#include <libsoup/soup.h>

#include "civic-api-client.h"
#include "civic-json.h"

/* Async only, on the thread that made the client. Every request that is
 * safe to repeat — reads, and commands, which the service recognises by
 * their ids — is retried a few times after a passing failure (no answer,
 * a timeout, a 5xx), with exponential back-off and jitter; anything else
 * comes back at once as a typed error with a sentence for the official. */

G_DEFINE_QUARK (civic-api-error-quark, civic_api_error)

#define DEFAULT_RETRIES 2
#define FIRST_BACKOFF_MS 400

struct _CivicApiClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *host;
  char        *token;
  char        *accept_language;
  guint        retries;
  guint        n_requests;
};

G_DEFINE_FINAL_TYPE (CivicApiClient, civic_api_client, G_TYPE_OBJECT)

/* What the client reads of one answer, at most. A feed page of the
 * largest size the service sends is a few megabytes; a service (or
 * something posing as one) that sends more is refused, not believed. */
#define MAX_RESPONSE_SIZE CIVIC_JSON_MAX_SIZE
#define READ_CHUNK (64 * 1024)

typedef struct
{
  char        *method;
  char        *path;
  GBytes      *body;
  char        *content_type;  /* the body's; JSON unless said */
  char        *token;
  gboolean     repeatable;
  guint        attempt;

  /* The answer being read */
  SoupMessage *msg;
  GInputStream *stream;
  GByteArray  *received;
} Call;

static void
call_clear_answer (Call *call)
{
  /* An answer not read to its end (refused, failed) takes its connection
   * with it: closed, not kept for the next request with the rest of the
   * answer still coming. */
  if (call->stream != NULL && !g_input_stream_is_closed (call->stream))
    g_input_stream_close (call->stream, NULL, NULL);
  g_clear_object (&call->msg);
  g_clear_object (&call->stream);
  g_clear_pointer (&call->received, g_byte_array_unref);
}

static void
call_free (Call *call)
{
  g_free (call->method);
  g_free (call->path);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_free (call->content_type);
  g_free (call->token);
  call_clear_answer (call);
  g_free (call);
}

gboolean
civic_api_error_is_transient (const GError *error)
{
  return error != NULL && error->domain == CIVIC_API_ERROR &&
         (error->code == CIVIC_API_ERROR_UNREACHABLE || error->code == CIVIC_API_ERROR_TIMEOUT ||
          error->code == CIVIC_API_ERROR_SERVER);
}

static void
civic_api_client_finalize (GObject *object)
{
  CivicApiClient *self = (CivicApiClient *)object;

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->host);
  g_free (self->token);
  g_free (self->accept_language);

  G_OBJECT_CLASS (civic_api_client_parent_class)->finalize (object);
}

static void
civic_api_client_class_init (CivicApiClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_api_client_finalize;
}

static void
civic_api_client_init (CivicApiClient *self)
{
  self->retries = DEFAULT_RETRIES;
}

/* "zh-CN, en;q=0.5": the service answers refusals in the official's
 * language where it can. */
static char *
accept_language (void)
{
  const char * const *names = g_get_language_names ();
  g_autoptr(GString) header = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL && header->len < 64; i++)
    {
      g_autofree char *tag = NULL;

      if (strchr (names[i], '.') != NULL || strchr (names[i], '@') != NULL ||
          g_str_equal (names[i], "C"))
        continue;

      tag = g_strdelimit (g_strdup (names[i]), "_", '-');
      if (header->len > 0)
        g_string_append (header, ", ");
      g_string_append (header, tag);
    }

  return header->len > 0 ? g_string_free (g_steal_pointer (&header), FALSE) : g_strdup ("en");
}

/**
 * civic_api_client_new:
 * @base_url: the service, "https://civicdesk.example.gov.cn" or
 *   "http://127.0.0.1:8080"
 */
CivicApiClient *
civic_api_client_new (const char  *base_url,
                      GError     **error)
{
  g_autoptr(CivicApiClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);

  trimmed = g_strstrip (g_strdup (base_url));
  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';

  uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_set_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_INVALID,
                   _("“%s” is not the address of a service; it looks like "
                     "https://civicdesk.example.gov.cn"), base_url);
      return NULL;
    }

  self = g_object_new (CIVIC_TYPE_API_CLIENT, NULL);
  self->base_url = g_steal_pointer (&trimmed);
  /* As the official typed it, port and all: "cannot be reached" must
   * name the service they asked for, not a neighbour on another port */
  if (g_uri_get_port (uri) > 0)
    self->host = g_strdup_printf (strchr (g_uri_get_host (uri), ':') != NULL ? "[%s]:%d" : "%s:%d",
                                  g_uri_get_host (uri), g_uri_get_port (uri));
  else
    self->host = g_strdup (g_uri_get_host (uri));
  self->accept_language = accept_language ();
  self->session = soup_session_new_with_options ("timeout", 30, "idle-timeout", 60,
                                                 "user-agent", "civicdesk/" PACKAGE_VERSION " ",
                                                 NULL);
  return g_steal_pointer (&self);
}

const char *
civic_api_client_get_base_url (CivicApiClient *self)
{
  g_return_val_if_fail (CIVIC_IS_API_CLIENT (self), NULL);
  return self->base_url;
}

/**
 * civic_api_client_set_ca_file:
 * @path: a PEM file with the certificate authority of a self-hosted
 *   service, trusted instead of the system's
 */
gboolean
civic_api_client_set_ca_file (CivicApiClient  *self,
                              const char      *path,
                              GError         **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (CIVIC_IS_API_CLIENT (self), FALSE);

  /* GTlsFileDatabase wants an absolute path. */
  absolute = g_canonicalize_filename (path, NULL);
  database = g_tls_file_database_new (absolute, error);
  if (database == NULL)
    return FALSE;

  g_object_set (self->session, "tls-database", database, NULL);
  return TRUE;
}

const char *
civic_api_client_get_token (CivicApiClient *self)
{
  g_return_val_if_fail (CIVIC_IS_API_CLIENT (self), NULL);
  return self->token;
}

void
civic_api_client_set_token (CivicApiClient *self,
                            const char     *token)
{
  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  g_free (self->token);
  self->token = g_strdup (token);
}

void
civic_api_client_set_retries (CivicApiClient *self,
                              guint           retries)
{
  g_return_if_fail (CIVIC_IS_API_CLIENT (self));
  self->retries = retries;
}

/**
 * civic_api_client_get_n_requests:
 *
 * Returns: how many HTTP requests the client made, retries included.
 */
guint
civic_api_client_get_n_requests (CivicApiClient *self)
{
  g_return_val_if_fail (CIVIC_IS_API_CLIENT (self), 0);
  return self->n_requests;
}

static GError *
transport_error (CivicApiClient *self,
                 const GError   *error)
{
  if (error->domain == G_TLS_ERROR)
    return g_error_new (CIVIC_API_ERROR, CIVIC_API_ERROR_TLS,
                        _("The certificate of the service at %s is not trusted (%s). Ask your "
                          "administrator for the certificate of your province’s service."),
                        self->host, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (CIVIC_API_ERROR, CIVIC_API_ERROR_TIMEOUT,
                        _("The service at %s did not answer in time"), self->host);

  return g_error_new (CIVIC_API_ERROR, CIVIC_API_ERROR_UNREACHABLE,
                      _("The service at %s cannot be reached (%s)"), self->host, error->message);
}

static GError *
status_error (CivicApiClient *self,
              guint           status,
              GBytes         *body)
{
  g_autoptr(JsonObject) object = NULL;
  const char *code = NULL, *message = NULL;
  CivicApiError api_code;

  if (body != NULL && g_bytes_get_size (body) > 0)
    object = civic_json_parse_object (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
  if (object != NULL)
    {
      code = civic_json_lookup_string (object, "error", NULL);
      message = civic_json_lookup_string (object, "message", NULL);
    }

  switch (status)
    {
    case 401:
      api_code = g_strcmp0 (code, "wrong-credentials") == 0 ? CIVIC_API_ERROR_WRONG_CREDENTIALS
                                                              : CIVIC_API_ERROR_UNAUTHORIZED;
      break;
    case 403:
      /* A session that must choose a password first is, to whatever else
       * asks, one that must sign in again */
      api_code = g_strcmp0 (code, "account-disabled") == 0 ? CIVIC_API_ERROR_ACCOUNT_DISABLED
                 : g_strcmp0 (code, "password-change-required") == 0 ? CIVIC_API_ERROR_UNAUTHORIZED
                 : g_strcmp0 (code, "wrong-password") == 0 ? CIVIC_API_ERROR_WRONG_CREDENTIALS
                 : CIVIC_API_ERROR_FORBIDDEN;
      break;
    case 404:
      api_code = CIVIC_API_ERROR_NOT_FOUND;
      break;
    case 410:
      api_code = CIVIC_API_ERROR_RESYNC;
      break;
    case 429:
      api_code = CIVIC_API_ERROR_THROTTLED;
      break;
    case 400:
    case 405:
    case 411:
    case 413:
    case 422:
      api_code = CIVIC_API_ERROR_INVALID;
      break;
    default:
      api_code = status >= 500 ? CIVIC_API_ERROR_SERVER : CIVIC_API_ERROR_BAD_RESPONSE;
      break;
    }

  if (message != NULL)
    return g_error_new_literal (CIVIC_API_ERROR, api_code, message);

  return g_error_new (CIVIC_API_ERROR, api_code,
                      _("The service at %s answered with an error (HTTP %u)"), self->host, status);
}

static void send_call (GTask *task);

static gboolean
retry_cb (gpointer data)
{
  send_call (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
answered (GTask  *task,
          GBytes *body,
          GError *error)
{
  CivicApiClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) api_error = NULL;
  guint status;

  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          call_clear_answer (call);
          g_task_return_error (task, g_error_copy (error));
          return;
        }
      api_error = error->domain == CIVIC_API_ERROR ? g_error_copy (error)
                                                   : transport_error (self, error);
    }
  else
    {
      status = soup_message_get_status (call->msg);
      if (status >= 200 && status < 300)
        {
          call_clear_answer (call);
          g_task_return_pointer (task, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);
          return;
        }
      api_error = status_error (self, status, body);
    }
  call_clear_answer (call);

  if (call->repeatable && civic_api_error_is_transient (api_error) && call->attempt < self->retries)
    {
      /* Full jitter: a province's desks do not all come back at once. */
      guint delay = g_random_int_range (FIRST_BACKOFF_MS / 2, (FIRST_BACKOFF_MS << call->attempt) + 1);

      call->attempt++;
      g_debug ("%s %s: %s; again in %u ms", call->method, call->path, api_error->message, delay);
      g_timeout_add (delay, retry_cb, g_object_ref (task));
      return;
    }

  g_task_return_error (task, g_steal_pointer (&api_error));
}

static GError *
too_large (CivicApiClient *self)
{
  return g_error_new (CIVIC_API_ERROR, CIVIC_API_ERROR_BAD_RESPONSE,
                      _("The service at %s sent an answer larger than %d MiB"), self->host,
                      MAX_RESPONSE_SIZE >> 20);
}

static void read_more (GTask *task);

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicApiClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      answered (task, NULL, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&call->received));

      answered (task, body, NULL);
      return;
    }

  if (call->received->len + g_bytes_get_size (chunk) > MAX_RESPONSE_SIZE)
    {
      error = too_large (self);
      answered (task, NULL, error);
      return;
    }

  g_byte_array_append (call->received, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_more (g_steal_pointer (&task));
}

static void
read_more (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (call->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, task);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicApiClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  call->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (call->stream == NULL)
    {
      answered (task, NULL, error);
      return;
    }

  /* Refused before a byte of it is read, when the service says so. */
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (call->msg));
  if (length > MAX_RESPONSE_SIZE)
    {
      error = too_large (self);
      answered (task, NULL, error);
      return;
    }

  call->received = g_byte_array_sized_new (MIN (MAX (length, 0), READ_CHUNK));
  read_more (g_steal_pointer (&task));
}

static void
send_call (GTask *task)
{
  CivicApiClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autofree char *uri = g_strconcat (self->base_url, call->path, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  SoupMessageHeaders *headers;

  if (g_task_return_error_if_cancelled (task))
    return;

  msg = soup_message_new (call->method, uri);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "Accept-Language", self->accept_language);
  if (call->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", call->token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (msg, call->content_type ?: "application/json",
                                              call->body);

  /* A POST of commands is safe to repeat (the service knows their ids),
   * so it may reuse a kept-alive connection. */
  if (call->repeatable)
    soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);

  self->n_requests++;
  call->msg = g_object_ref (msg);
  soup_session_send_async (self->session, msg, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), sent_cb, g_object_ref (task));
}

static void
call_async (CivicApiClient      *self,
            const char          *method,
            const char          *path,
            const char          *body,
            gboolean             repeatable,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  g_task_set_source_tag (task, source_tag);
  call->method = g_strdup (method);
  call->path = g_strdup (path);
  call->body = body ? g_bytes_new (body, strlen (body)) : NULL;
  call->token = g_strdup (self->token);
  call->repeatable = repeatable;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  send_call (task);
}

/* @format with a record's id in it, escaped for the path */
static char *
record_path (const char *format,
             const char *id)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strdup_printf (format, escaped);
}

static JsonNode *
finish_json (CivicApiClient  *self,
             GAsyncResult    *result,
             GError         **error)
{
  g_autoptr(GBytes) body = g_task_propagate_pointer (G_TASK (result), error);
  g_autoptr(GError) parse_error = NULL;
  JsonNode *node;

  if (body == NULL)
    return NULL;

  node = civic_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &parse_error);
  if (node == NULL)
    g_set_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_BAD_RESPONSE,
                 _("The service at %s answered something that is not JSON"), self->host);
  return node;
}

static JsonObject *
finish_object (CivicApiClient  *self,
               GAsyncResult    *result,
               GError         **error)
{
  g_autoptr(JsonNode) node = finish_json (self, result, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_BAD_RESPONSE,
                   _("The service at %s answered something unexpected"), self->host);
      return NULL;
    }
  return json_object_ref (json_node_get_object (node));
}

void
civic_api_client_sign_in_async (CivicApiClient      *self,
                                const char          *username,
                                const char          *password,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "username", username);
  civic_json_set_string (builder, "password", password);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  body = civic_json_to_string (node, FALSE);

  call_async (self, "POST", "/api/v1/session", body, FALSE, civic_api_client_sign_in_async,
              cancellable, callback, user_data);
  memset (body, 0, strlen (body));
}

/**
 * civic_api_client_sign_in_finish:
 *
 * Returns: (transfer full) (nullable): the answer: the token (which the
 * client now uses), when it expires, and the official's user record.
 */
JsonObject *
civic_api_client_sign_in_finish (CivicApiClient  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_autoptr(JsonNode) node = finish_json (self, result, error);
  JsonObject *object;
  const char *token;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !civic_json_get_text (object = json_node_get_object (node), "token", TRUE, &token, NULL) ||
      !json_object_has_member (object, "user"))
    {
      g_set_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_BAD_RESPONSE,
                   _("The service at %s answered the sign-in with something unexpected"),
                   self->host);
      return NULL;
    }

  civic_api_client_set_token (self, token);
  return json_object_ref (object);
}

/**
 * civic_api_client_change_password_async:
 * @current: the password the official signed in with
 * @password: the one they choose
 *
 * The official chooses their own password (POST /api/v1/me/password):
 * online only, never through the outbox. This session stays open.
 */
void
civic_api_client_change_password_async (CivicApiClient      *self,
                                        const char          *current,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "current_password", current);
  civic_json_set_string (builder, "new_password", password);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  body = civic_json_to_string (node, FALSE);

  call_async (self, "POST", "/api/v1/me/password", body, FALSE,
              civic_api_client_change_password_async, cancellable, callback, user_data);
  memset (body, 0, strlen (body));
}

gboolean
civic_api_client_change_password_finish (CivicApiClient  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_autoptr(GBytes) body = g_task_propagate_pointer (G_TASK (result), error);

  return body != NULL;
}

void
civic_api_client_sign_out_async (CivicApiClient      *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  call_async (self, "DELETE", "/api/v1/session", NULL, FALSE, civic_api_client_sign_out_async,
              cancellable, callback, user_data);
  civic_api_client_set_token (self, NULL);
}

gboolean
civic_api_client_sign_out_finish (CivicApiClient  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_autoptr(GBytes) body = g_task_propagate_pointer (G_TASK (result), error);

  return body != NULL;
}

void
civic_api_client_health_async (CivicApiClient      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  call_async (self, "GET", "/api/v1/health", NULL, FALSE, civic_api_client_health_async,
              cancellable, callback, user_data);
}

/**
 * civic_api_client_health_finish:
 *
 * Returns: the head of the service's change sequence, or -1 with @error:
 * the check that the service is really there, not only the network.
 */
gint64
civic_api_client_health_finish (CivicApiClient  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_autoptr(JsonObject) answer = finish_object (self, result, error);

  if (answer == NULL)
    return -1;
  return civic_json_lookup_int (answer, "seq", 0);
}

void
civic_api_client_changes_async (CivicApiClient      *self,
                                gint64               after,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  path = g_strdup_printf ("/api/v1/changes?after=%" G_GINT64_FORMAT "&limit=%u", after, limit);
  call_async (self, "GET", path, NULL, TRUE, civic_api_client_changes_async, cancellable,
              callback, user_data);
}

/**
 * civic_api_client_changes_finish:
 *
 * Returns: (transfer full) (nullable): the page as the service sent it.
 */
GBytes *
civic_api_client_changes_finish (CivicApiClient  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
civic_api_client_commands_async (CivicApiClient      *self,
                                 const char          *body,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  call_async (self, "POST", "/api/v1/commands", body, TRUE, civic_api_client_commands_async,
              cancellable, callback, user_data);
}

/**
 * civic_api_client_commands_finish:
 *
 * Returns: (transfer full) (nullable): the service's answer,
 * {"results": [...]}.
 */
JsonNode *
civic_api_client_commands_finish (CivicApiClient  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  return finish_json (self, result, error);
}

void
civic_api_client_reveal_async (CivicApiClient      *self,
                               const char          *case_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  path = record_path ("/api/v1/cases/%s/reveal", case_id);
  call_async (self, "POST", path, NULL, FALSE, civic_api_client_reveal_async, cancellable,
              callback, user_data);
}

/**
 * civic_api_client_upload_async:
 * @path: where the service takes the file, relative to its address
 * @media_type: the file's type, sent as its Content-Type
 *
 * Sends a file as a request's body. An upload is kept by its sha256, so
 * sending it again changes nothing and a passing failure is retried.
 */
void
civic_api_client_upload_async (CivicApiClient      *self,
                               const char          *path,
                               const char          *media_type,
                               GBytes              *content,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));
  g_return_if_fail (path != NULL && media_type != NULL && content != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  call = g_new0 (Call, 1);
  g_task_set_source_tag (task, civic_api_client_upload_async);
  call->method = g_strdup ("POST");
  call->path = g_strdup (path);
  call->body = g_bytes_ref (content);
  call->content_type = g_strdup (media_type);
  call->token = g_strdup (self->token);
  call->repeatable = TRUE;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  send_call (task);
}

/**
 * civic_api_client_upload_finish:
 *
 * Returns: (transfer full) (nullable): what the service says of the file
 */
JsonObject *
civic_api_client_upload_finish (CivicApiClient  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return civic_api_client_reveal_finish (self, result, error);
}

/**
 * civic_api_client_reveal_finish:
 *
 * Returns: (transfer full) (nullable): the applicant's personal data, for
 * the official to read, never to keep: the caller shows it and drops it.
 */
JsonObject *
civic_api_client_reveal_finish (CivicApiClient  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return finish_object (self, result, error);
}

/* A file downloaded as it was stored, if it begins as its kind does: else
 * %NULL, with @unlike set for the caller to say what it expected */
static GBytes *
finish_download (GAsyncResult  *result,
                 const char    *magic,
                 gboolean      *unlike,
                 GError       **error)
{
  g_autoptr(GBytes) body = g_task_propagate_pointer (G_TASK (result), error);
  gsize length = strlen (magic);

  if (body == NULL)
    return NULL;
  if (g_bytes_get_size (body) < length || memcmp (g_bytes_get_data (body, NULL), magic, length) != 0)
    {
      *unlike = TRUE;
      return NULL;
    }
  return g_steal_pointer (&body);
}

/**
 * civic_api_client_document_pdf_async:
 * @document_id: an issued document's id (the id of the command that
 *   issued it)
 *
 * Fetches the PDF the service issued, exactly as it stored it: the copy
 * to print, save or open. The service records the download.
 */
void
civic_api_client_document_pdf_async (CivicApiClient      *self,
                                     const char          *document_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  path = record_path ("/api/v1/documents/%s/pdf", document_id);
  call_async (self, "GET", path, NULL, TRUE, civic_api_client_document_pdf_async, cancellable,
              callback, user_data);
}

/**
 * civic_api_client_document_pdf_finish:
 *
 * Returns: (transfer full) (nullable): the PDF, or %NULL with @error (one
 * that does not look like a PDF is a bad response)
 */
GBytes *
civic_api_client_document_pdf_finish (CivicApiClient  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  gboolean unlike = FALSE;
  g_autoptr(GBytes) body = finish_download (result, "%PDF-", &unlike, error);

  if (unlike)
    g_set_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_BAD_RESPONSE,
                 _("The service at %s sent something that is not a PDF"), self->host);
  return g_steal_pointer (&body);
}

/**
 * civic_api_client_calendar_preview_async:
 * @text: a holiday notice's text as the State Council published it
 *
 * Asks what importing the notice would change: the days, and the due
 * dates of open cases it moves (POST /api/v1/calendars/preview). Reads
 * only; an administrator's.
 */
void
civic_api_client_calendar_preview_async (CivicApiClient      *self,
                                         const char          *text,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));
  g_return_if_fail (text != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = civic_json_to_string (root, FALSE);
  call_async (self, "POST", "/api/v1/calendars/preview", body, TRUE,
              civic_api_client_calendar_preview_async, cancellable, callback, user_data);
}

/**
 * civic_api_client_calendar_preview_finish:
 *
 * Returns: (transfer full) (nullable): the preview, `{year, changes,
 * moved}` as docs/api.md has it
 */
JsonObject *
civic_api_client_calendar_preview_finish (CivicApiClient  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return finish_object (self, result, error);
}

/**
 * civic_api_client_calendar_link_async:
 * @revoke: take the link away instead of making a new one
 *
 * Makes the official a new address for their calendar of hearings (the
 * old one stops working), or revokes it.
 */
void
civic_api_client_calendar_link_async (CivicApiClient      *self,
                                      gboolean             revoke,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  call_async (self, revoke ? "DELETE" : "POST", "/api/v1/calendar-token", NULL, FALSE,
              civic_api_client_calendar_link_async, cancellable, callback, user_data);
}

/**
 * civic_api_client_calendar_link_finish:
 *
 * Returns: (transfer full) (nullable): the calendar's address, for
 * GNOME Calendar or Evolution to subscribe to; "" once revoked
 */
char *
civic_api_client_calendar_link_finish (CivicApiClient  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_autoptr(JsonObject) answer = finish_object (self, result, error);
  const char *path;

  if (answer == NULL)
    return NULL;
  path = json_object_get_string_member_with_default (answer, "path", NULL);
  if (path == NULL)
    return g_strdup ("");
  return g_strconcat (self->base_url, path, NULL);
}

/**
 * civic_api_client_hearing_ics_async:
 *
 * Fetches a hearing as an iCalendar invitation (RFC 5545), to send with
 * its notice or add to a calendar.
 */
void
civic_api_client_hearing_ics_async (CivicApiClient      *self,
                                    const char          *hearing_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  path = record_path ("/api/v1/hearings/%s/ics", hearing_id);
  call_async (self, "GET", path, NULL, TRUE, civic_api_client_hearing_ics_async, cancellable,
              callback, user_data);
}

GBytes *
civic_api_client_hearing_ics_finish (CivicApiClient  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  gboolean unlike = FALSE;
  g_autoptr(GBytes) body = finish_download (result, "BEGIN:VCALENDAR", &unlike, error);

  if (unlike)
    g_set_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_BAD_RESPONSE,
                 _("The service at %s sent something that is not a calendar"), self->host);
  return g_steal_pointer (&body);
}

/**
 * civic_api_client_message_file_async:
 *
 * Fetches one of a message's files, as the citizen sent it. The service
 * records the opening.
 */
void
civic_api_client_message_file_async (CivicApiClient      *self,
                                     const char          *message_id,
                                     const char          *sha256,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *escaped_id = NULL;
  g_autofree char *escaped_sha = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));

  escaped_id = g_uri_escape_string (message_id, NULL, FALSE);
  escaped_sha = g_uri_escape_string (sha256, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/messages/%s/attachments/%s", escaped_id, escaped_sha);
  call_async (self, "GET", path, NULL, TRUE, civic_api_client_message_file_async, cancellable,
              callback, user_data);
}

/**
 * civic_api_client_message_file_finish:
 * @sha256: the file's, as the message names it
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with @error
 * (bytes that are not the file named are a bad response)
 */
GBytes *
civic_api_client_message_file_finish (CivicApiClient  *self,
                                      GAsyncResult    *result,
                                      const char      *sha256,
                                      GError         **error)
{
  g_autoptr(GBytes) body = g_task_propagate_pointer (G_TASK (result), error);
  g_autofree char *received = NULL;

  if (body == NULL)
    return NULL;
  received = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  if (g_strcmp0 (received, sha256) != 0)
    {
      g_set_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_BAD_RESPONSE,
                   _("The service at %s sent another file than the one asked for"), self->host);
      return NULL;
    }
  return g_steal_pointer (&body);
}

/* "/api/v1/supervision/{what}[/{format}][?{query}]"; @what and @format
 * are the caller's words, never the official's */
static char *
supervision_path (const char *what,
                  const char *format,
                  const char *query)
{
  return g_strdup_printf ("/api/v1/supervision/%s%s%s%s%s", what, format ? "/" : "",
                          format ? format : "", query && *query ? "?" : "",
                          query && *query ? query : "");
}

/**
 * civic_api_client_supervision_async:
 * @what: "overview", "trend", "rates" or "items"
 * @query: (nullable): the parameters, escaped (docs/api.md)
 *
 * Reads e-supervision's figures: a supervisor's of every department, a
 * department head's of their own.
 */
void
civic_api_client_supervision_async (CivicApiClient      *self,
                                    const char          *what,
                                    const char          *query,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));
  g_return_if_fail (what != NULL);

  path = supervision_path (what, NULL, query);
  call_async (self, "GET", path, NULL, TRUE, civic_api_client_supervision_async, cancellable,
              callback, user_data);
}

/**
 * civic_api_client_supervision_finish:
 *
 * Returns: (transfer full) (nullable): the answer, as docs/api.md has it
 */
JsonObject *
civic_api_client_supervision_finish (CivicApiClient  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return finish_object (self, result, error);
}

/**
 * civic_api_client_supervision_export_async:
 * @format: "csv" or "xlsx"
 *
 * The same as a file, masked; the service records the export.
 */
void
civic_api_client_supervision_export_async (CivicApiClient      *self,
                                           const char          *what,
                                           const char          *format,
                                           const char          *query,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));
  g_return_if_fail (what != NULL && format != NULL);

  path = supervision_path (what, format, query);
  call_async (self, "GET", path, NULL, TRUE, civic_api_client_supervision_export_async,
              cancellable, callback, user_data);
}

/**
 * civic_api_client_supervision_export_finish:
 *
 * Returns: (transfer full) (nullable): the file
 */
GBytes *
civic_api_client_supervision_export_finish (CivicApiClient  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * civic_api_client_entity_async:
 * @collection: the feed's collection of its kind: "cases"
 *
 * Reads one record as the feed carries it, for an official who may see
 * it but whose copy does not hold it (a supervisor's, from a list).
 */
void
civic_api_client_entity_async (CivicApiClient      *self,
                               const char          *collection,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (CIVIC_IS_API_CLIENT (self));
  g_return_if_fail (collection != NULL && id != NULL);

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/%s/%s", collection, escaped);
  call_async (self, "GET", path, NULL, TRUE, civic_api_client_entity_async, cancellable, callback,
              user_data);
}

/**
 * civic_api_client_entity_finish:
 *
 * Returns: (transfer full) (nullable): `{type, id, rev, seq, data}`
 */
JsonObject *
civic_api_client_entity_finish (CivicApiClient  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return finish_object (self, result, error);
}
