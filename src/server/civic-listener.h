/* civic-listener.h — accepting connections: limits, TLS, the request guard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "civic-http-guard.h"

G_BEGIN_DECLS

typedef struct
{
  CivicHttpLimits http;
  guint           max_connections;              /* open at once, in all */
  guint           max_connections_per_address;  /* open at once, from one address */
  GPtrArray      *trusted_proxies;   /* GInetAddressMask: balancers, not held to the limit
                                      * per address (the caller's, kept while listening) */
  guint           handshake_seconds;            /* for a TLS handshake */
  guint           stall_seconds;                /* a write that makes no progress */
} CivicListenerLimits;

#define CIVIC_TYPE_LISTENER (civic_listener_get_type ())
G_DECLARE_FINAL_TYPE (CivicListener, civic_listener, CIVIC, LISTENER, GObject)

CivicListener *civic_listener_new            (SoupServer                 *soup,
                                              GTlsCertificate            *certificate,
                                              const CivicListenerLimits  *limits,
                                              CivicHttpRefusalFunc        refusal,
                                              gpointer                    refusal_data);
gboolean       civic_listener_listen         (CivicListener              *self,
                                              GSocketAddress             *address,
                                              GError                    **error);
void           civic_listener_stop           (CivicListener              *self);
guint          civic_listener_get_port       (CivicListener              *self);
guint          civic_listener_get_n_connections (CivicListener           *self);

G_END_DECLS
