/* civic-proxy.h — requests through a trusted load balancer: who sent them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GPtrArray *civic_proxy_masks_new      (const char * const  *specs,
                                       GError             **error);
gboolean   civic_proxy_is_trusted     (GPtrArray           *masks,
                                       const char          *address);
char      *civic_proxy_client_address (GPtrArray           *masks,
                                       const char          *peer,
                                       const char          *forwarded_for);

G_END_DECLS
