/* civic-listener.c — accepting connections: limits, TLS, the request guard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-listener"

#include "config.h"

#include <string.h>

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "civic-listener.h"
#include "civic-proxy.h"
#include "civic-rate-limit.h"

/* The service accepts its own connections rather than letting SoupServer
 * listen, because everything that bounds a connection has to happen
 * before libsoup sees it: how many one address may hold open, the TLS
 * handshake and the protocol it settled on (TLS 1.2 or 1.3 only), and the
 * request guard (civic-http-guard.c) between the socket and libsoup. A
 * connection ready for HTTP goes to soup_server_accept_iostream(). */

typedef struct
{
  CivicListener     *listener;
  char              *address;
  GSocketConnection *connection;
  GTlsConnection    *tls;
  CivicHttpGuard    *guard;
  GCancellable      *handshake;
  guint              handshake_timeout;
} Connection;

struct _CivicListener
{
  GObject              parent_instance;

  SoupServer          *soup;
  GTlsCertificate     *certificate;
  CivicListenerLimits  limits;
  CivicHttpRefusalFunc refusal;
  gpointer             refusal_data;

  GSocketService      *service;
  guint                port;
  GHashTable          *connections;   /* Connection* (owned) */
  GHashTable          *per_address;   /* address → number of connections */
  guint                watchdog;
};

G_DEFINE_FINAL_TYPE (CivicListener, civic_listener, G_TYPE_OBJECT)

static void
connection_free (Connection *conn)
{
  CivicListener *self = conn->listener;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, conn->address));

  if (count > 1)
    g_hash_table_insert (self->per_address, g_strdup (conn->address), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (self->per_address, conn->address);

  if (conn->guard != NULL)
    g_signal_handlers_disconnect_by_data (conn->guard, conn);
  g_clear_handle_id (&conn->handshake_timeout, g_source_remove);
  if (conn->handshake != NULL)
    g_cancellable_cancel (conn->handshake);
  g_clear_object (&conn->handshake);
  g_clear_object (&conn->guard);
  g_clear_object (&conn->tls);
  g_clear_object (&conn->connection);
  g_free (conn->address);
  g_free (conn);
}

static void
forget (Connection *conn)
{
  g_hash_table_remove (conn->listener->connections, conn);
}

static void
drop (Connection *conn)
{
  GIOStream *stream = conn->tls ? G_IO_STREAM (conn->tls) : G_IO_STREAM (conn->connection);

  g_io_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  forget (conn);
}

static void
guard_finished_cb (CivicHttpGuard *guard,
                   Connection     *conn)
{
  forget (conn);
}

static void
start_http (Connection *conn,
            GIOStream  *base)
{
  CivicListener *self = conn->listener;
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (conn->connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (conn->connection,
                                                                             NULL);
  g_autoptr(GError) error = NULL;

  if (local == NULL || remote == NULL)
    {
      drop (conn);
      return;
    }

  conn->guard = civic_http_guard_new (base, g_socket_connection_get_socket (conn->connection),
                                      &self->limits.http, self->refusal, self->refusal_data);
  g_signal_connect (conn->guard, "finished", G_CALLBACK (guard_finished_cb), conn);

  if (!soup_server_accept_iostream (self->soup, G_IO_STREAM (conn->guard), local, remote, &error))
    {
      g_debug ("%s: %s", conn->address, error->message);
      drop (conn);
    }
}

static gboolean
handshake_timeout_cb (gpointer data)
{
  Connection *conn = data;

  conn->handshake_timeout = 0;
  g_cancellable_cancel (conn->handshake);
  return G_SOURCE_REMOVE;
}

static Connection *
find_handshake (CivicListener *self,
                GObject       *tls)
{
  GHashTableIter iter;
  Connection *conn;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, (gpointer *) &conn, NULL))
    if ((GObject *) conn->tls == tls)
      return conn;
  return NULL;
}

static void
handshake_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CivicListener) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_tls_connection_handshake_finish (G_TLS_CONNECTION (source), result, &error);
  Connection *conn = find_handshake (self, source);
  GTlsProtocolVersion version;

  /* Gone with the listener. */
  if (conn == NULL)
    return;

  g_clear_handle_id (&conn->handshake_timeout, g_source_remove);
  g_clear_object (&conn->handshake);

  if (!ok)
    {
      g_debug ("%s: TLS handshake failed: %s", conn->address, error->message);
      drop (conn);
      return;
    }

  /* Also set as the TLS library's priority (main.c); checked here too,
   * so that no other configuration can let an old protocol through. */
  version = g_tls_connection_get_protocol_version (G_TLS_CONNECTION (source));
  if (version != G_TLS_PROTOCOL_VERSION_TLS_1_2 && version != G_TLS_PROTOCOL_VERSION_TLS_1_3)
    {
      g_message ("refused %s: it negotiated an old TLS version (%d)", conn->address, version);
      drop (conn);
      return;
    }

  start_http (conn, G_IO_STREAM (conn->tls));
}

/* Over the limits: a short answer, if the socket takes it at once, and
 * the door closed. Nothing is kept for such a connection. */
static void
turn_away (GSocketConnection *connection)
{
  static const char body[] = "{\"error\":\"busy\",\"message\":\"Too many connections; "
                             "try again soon\"}";
  g_autofree char *answer = g_strdup_printf ("HTTP/1.1 503 Service Unavailable\r\n"
                                             "Content-Type: application/json; charset=utf-8\r\n"
                                             "Content-Length: %zu\r\n"
                                             "Retry-After: 10\r\n"
                                             "Connection: close\r\n"
                                             "\r\n%s", sizeof body - 1, body);
  GSocket *socket = g_socket_connection_get_socket (connection);

  g_socket_set_blocking (socket, FALSE);
  g_socket_send (socket, answer, strlen (answer), NULL, NULL);
  g_socket_close (socket, NULL);
}

/* The client as the limits count it (an IPv6 /64 is one) */
static char *
remote_address (GSocketConnection *connection)
{
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autofree char *text = NULL;

  if (!G_IS_INET_SOCKET_ADDRESS (remote))
    return g_strdup ("-");
  text = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
  return civic_rate_limit_address_key (text);
}

static gboolean
trusted_peer (CivicListener     *self,
              GSocketConnection *connection)
{
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autofree char *text = NULL;

  if (!G_IS_INET_SOCKET_ADDRESS (remote))
    return FALSE;
  text = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
  return civic_proxy_is_trusted (self->limits.trusted_proxies, text);
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           user_data)
{
  CivicListener *self = user_data;
  g_autofree char *address = remote_address (connection);
  guint from_address = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, address));
  g_autoptr(GError) error = NULL;
  Connection *conn;

  /* A load balancer is many clients at one address; it keeps its own
   * count of them (deploy/haproxy.cfg) */
  if (g_hash_table_size (self->connections) >= self->limits.max_connections ||
      (from_address >= self->limits.max_connections_per_address &&
       !trusted_peer (self, connection)))
    {
      g_message ("turned away a connection from %s: %u open from there, %u in all", address,
                 from_address, g_hash_table_size (self->connections));
      turn_away (connection);
      return TRUE;
    }

  /* A peer that stops reading our answers, or stops in the middle of a
   * handshake, is given up after this long without progress. */
  g_socket_set_timeout (g_socket_connection_get_socket (connection), self->limits.stall_seconds);
  /* SoupServer's own listener sets this, and soup_server_accept_iostream()
   * does not: without it an answer written as head then body waits for
   * the client's delayed ACK of the head, 40 ms on a kept-alive
   * connection (bench/bench-publish.sh measured it) */
  if (g_socket_get_family (g_socket_connection_get_socket (connection)) != G_SOCKET_FAMILY_UNIX)
    g_socket_set_option (g_socket_connection_get_socket (connection), IPPROTO_TCP, TCP_NODELAY,
                         TRUE, NULL);

  conn = g_new0 (Connection, 1);
  conn->listener = self;
  conn->address = g_steal_pointer (&address);
  conn->connection = g_object_ref (connection);
  g_hash_table_add (self->connections, conn);
  g_hash_table_insert (self->per_address, g_strdup (conn->address),
                       GUINT_TO_POINTER (from_address + 1));

  if (self->certificate == NULL)
    {
      start_http (conn, G_IO_STREAM (connection));
      return TRUE;
    }

  conn->tls = G_TLS_CONNECTION (g_tls_server_connection_new (G_IO_STREAM (connection),
                                                             self->certificate, &error));
  if (conn->tls == NULL)
    {
      g_warning ("TLS: %s", error->message);
      drop (conn);
      return TRUE;
    }

  /* A client that drops the connection without a TLS goodbye (a killed
   * program, many browsers) is gone, not in error. */
  g_tls_connection_set_require_close_notify (conn->tls, FALSE);
  conn->handshake = g_cancellable_new ();
  conn->handshake_timeout = g_timeout_add_seconds (self->limits.handshake_seconds,
                                                   handshake_timeout_cb, conn);
  g_tls_connection_handshake_async (conn->tls, G_PRIORITY_DEFAULT, conn->handshake, handshake_cb,
                                    g_object_ref (self));
  return TRUE;
}

static gboolean
watchdog_cb (gpointer data)
{
  CivicListener *self = data;
  g_autoptr(GPtrArray) guards = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  Connection *conn;

  /* A refusal may end a connection while the table is walked. */
  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, (gpointer *) &conn, NULL))
    if (conn->guard != NULL)
      g_ptr_array_add (guards, g_object_ref (conn->guard));

  for (guint i = 0; i < guards->len; i++)
    civic_http_guard_check_deadline (g_ptr_array_index (guards, i), now);

  return G_SOURCE_CONTINUE;
}

static void
civic_listener_dispose (GObject *object)
{
  CivicListener *self = (CivicListener *)object;

  civic_listener_stop (self);

  G_OBJECT_CLASS (civic_listener_parent_class)->dispose (object);
}

static void
civic_listener_finalize (GObject *object)
{
  CivicListener *self = (CivicListener *)object;

  g_clear_pointer (&self->connections, g_hash_table_unref);
  g_clear_pointer (&self->per_address, g_hash_table_unref);
  g_clear_object (&self->certificate);
  g_clear_object (&self->soup);

  G_OBJECT_CLASS (civic_listener_parent_class)->finalize (object);
}

static void
civic_listener_class_init (CivicListenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_listener_dispose;
  object_class->finalize = civic_listener_finalize;
}

static void
civic_listener_init (CivicListener *self)
{
  self->connections = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) connection_free, NULL);
  self->per_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * civic_listener_new:
 * @certificate: (nullable): to speak TLS
 */
CivicListener *
civic_listener_new (SoupServer                *soup,
                    GTlsCertificate           *certificate,
                    const CivicListenerLimits *limits,
                    CivicHttpRefusalFunc       refusal,
                    gpointer                   refusal_data)
{
  CivicListener *self;

  g_return_val_if_fail (SOUP_IS_SERVER (soup), NULL);
  g_return_val_if_fail (limits != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_LISTENER, NULL);
  self->soup = g_object_ref (soup);
  self->certificate = certificate ? g_object_ref (certificate) : NULL;
  self->limits = *limits;
  self->refusal = refusal;
  self->refusal_data = refusal_data;
  return self;
}

/* SoupServer keeps a connection alive after a request only while it has
 * a listener of its own (soup-server.c request_finished: "&&
 * priv->listeners"); connections handed to it with accept_iostream would
 * all be closed after one request. So it is given one that nothing can
 * reach: a Unix socket whose name is removed as soon as it listens. */
static gboolean
give_soup_a_listener (SoupServer  *soup,
                      GError     **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  folder = g_dir_make_tmp ("civicdesk-XXXXXX", error);
  if (folder == NULL)
    return FALSE;
  path = g_build_filename (folder, "unreachable", NULL);

  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT,
                         error);
  address = g_unix_socket_address_new (path);
  ok = socket != NULL && g_socket_bind (socket, address, FALSE, error) &&
       g_socket_listen (socket, error);
  g_unlink (path);
  g_rmdir (folder);

  return ok && soup_server_listen_socket (soup, socket, 0, error);
}

gboolean
civic_listener_listen (CivicListener   *self,
                       GSocketAddress  *address,
                       GError         **error)
{
  g_autoptr(GSocketAddress) effective = NULL;

  g_return_val_if_fail (CIVIC_IS_LISTENER (self), FALSE);
  g_return_val_if_fail (self->service == NULL, FALSE);

  if (!give_soup_a_listener (self->soup, error))
    return FALSE;

  self->service = g_socket_service_new ();
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                      &effective, error))
    {
      g_clear_object (&self->service);
      return FALSE;
    }

  if (G_IS_INET_SOCKET_ADDRESS (effective))
    self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));

  g_signal_connect (self->service, "incoming", G_CALLBACK (incoming_cb), self);
  g_socket_service_start (self->service);
  self->watchdog = g_timeout_add_seconds (1, watchdog_cb, self);
  return TRUE;
}

/**
 * civic_listener_stop:
 *
 * Stops accepting, and closes every connection that libsoup does not
 * hold (handshakes, refusals being sent).
 */
void
civic_listener_stop (CivicListener *self)
{
  g_return_if_fail (CIVIC_IS_LISTENER (self));

  g_clear_handle_id (&self->watchdog, g_source_remove);
  if (self->service != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->service, self);
      g_socket_service_stop (self->service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->service));
      g_clear_object (&self->service);
    }

  g_hash_table_remove_all (self->connections);
}

guint
civic_listener_get_port (CivicListener *self)
{
  g_return_val_if_fail (CIVIC_IS_LISTENER (self), 0);
  return self->port;
}

guint
civic_listener_get_n_connections (CivicListener *self)
{
  g_return_val_if_fail (CIVIC_IS_LISTENER (self), 0);
  return g_hash_table_size (self->connections);
}
