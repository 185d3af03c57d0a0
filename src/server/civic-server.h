/* civic-server.h — the HTTP service: routes, workers, the scheduler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "civic-calendar.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* What a request may bring: its body, and its request line and headers
 * (the service's clients send well under 1 KiB of those). */
#define CIVIC_MAX_BODY_SIZE (1024 * 1024)
#define CIVIC_MAX_HEAD_SIZE (32 * 1024)
/* Uploads' bodies held at once, in all: three of the largest files */
#define CIVIC_MAX_UPLOADS_HELD (64 * 1024 * 1024)

typedef struct
{
  char     *data_dir;
  char     *listen;              /* "127.0.0.1:8080"; port 0 picks a free one */
  char     *tls_cert;
  char     *tls_key;
  char     *public_url;          /* where the public reaches the service (for documents' QR
                                  * codes); the address listened on when NULL */
  int       session_hours;
  int       scheduler_interval;  /* seconds */
  int       readers;
  int       request_timeout;     /* seconds from a request's first byte to its last */
  int       idle_timeout;        /* seconds a connection may wait for a request */
  int       max_connections;
  int       max_connections_per_address;
  /* Reads without a token per second from one address: 0 is the default
   * (20), a negative number no limit at all — only for benchmarks, whose
   * load comes from one address (bench/bench-public.sh) */
  int       public_read_rate;
  /* Writes without a token (a citizen's form, an Open311 request) per
   * second from one address, the same way: 0 the default (0.5, in bursts
   * of 20), negative no limit (bench/bench-open311.sh) */
  int       public_write_rate;
  /* Open311 requests per second under one API key, whatever the
   * address: 0 the default (10, in bursts of 100), negative no limit */
  int       open311_key_rate;
  /* The load balancers in front (addresses or networks): their
   * X-Forwarded-For names the client (civic-proxy.c) */
  char    **trusted_proxies;
  /* A read-only copy of the database (a PostgreSQL streaming standby)
   * for the feed and single records, when it has caught up far enough
   * for the request (civic-server.c: reader_for()) */
  char     *read_database;
  gboolean  quiet;
} CivicServerOptions;

#define CIVIC_TYPE_SERVER (civic_server_get_type ())
G_DECLARE_FINAL_TYPE (CivicServer, civic_server, CIVIC, SERVER, GObject)

CivicServer   *civic_server_new          (const CivicServerOptions  *options,
                                          GError                   **error);
gboolean       civic_server_start        (CivicServer               *self,
                                          GError                   **error);
void           civic_server_stop         (CivicServer               *self);
guint          civic_server_get_port     (CivicServer               *self);
CivicCalendar *civic_server_get_calendar (CivicServer               *self);

G_END_DECLS
