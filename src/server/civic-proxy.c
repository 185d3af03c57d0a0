/* civic-proxy.c — requests through a trusted load balancer: who sent them
 *
 * Behind HAProxy every connection comes from the balancer's address, so
 * the limits per address (connections, sign-in attempts, the public
 * pages' rate) and the audit log's addresses would all see one client.
 * The balancer says who its client was in X-Forwarded-For; anybody can
 * send that header too, so it is believed only from a peer the operator
 * named with --trusted-proxy, and only as far as the trusted hops go:
 * the address is the rightmost one in the header that is not itself a
 * trusted proxy. Whatever a client wrote to the left of that is ignored,
 * however long. An IPv4 address the socket gives as IPv6 (::ffff:a.b.c.d,
 * on a service listening on [::]) is that IPv4 address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-i18n.h"
#include "civic-proxy.h"

/* Trusted hops examined from the right: more balancers than anyone puts
 * in front of a service */
#define MAX_TRUSTED_HOPS 16

/**
 * civic_proxy_masks_new:
 * @specs: (nullable): addresses or networks, "10.0.0.5" or "10.0.0.0/24"
 *
 * Returns: (transfer full): the #GInetAddressMask of each, or %NULL with
 * @error set for the first one that is neither
 */
GPtrArray *
civic_proxy_masks_new (const char * const  *specs,
                       GError             **error)
{
  g_autoptr(GPtrArray) masks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      GInetAddressMask *mask = g_inet_address_mask_new_from_string (specs[i], NULL);

      if (mask == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not an address or a network (10.0.0.5, 10.0.0.0/24)"),
                       specs[i]);
          return NULL;
        }
      g_ptr_array_add (masks, mask);
    }
  return g_steal_pointer (&masks);
}

/* @text as an address, an IPv4-mapped IPv6 one as IPv4; %NULL if it is
 * none */
static GInetAddress *
parse_address (const char *text)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (text);
  const guint8 *bytes;

  if (address == NULL || g_inet_address_get_family (address) != G_SOCKET_FAMILY_IPV6)
    return g_steal_pointer (&address);
  bytes = g_inet_address_to_bytes (address);
  if (memcmp (bytes, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) != 0)
    return g_steal_pointer (&address);
  return g_inet_address_new_from_bytes (bytes + 12, G_SOCKET_FAMILY_IPV4);
}

static gboolean
matches (GPtrArray    *masks,
         GInetAddress *address)
{
  for (guint i = 0; masks != NULL && i < masks->len; i++)
    if (g_inet_address_mask_matches (g_ptr_array_index (masks, i), address))
      return TRUE;
  return FALSE;
}

gboolean
civic_proxy_is_trusted (GPtrArray  *masks,
                        const char *address)
{
  g_autoptr(GInetAddress) inet = NULL;

  if (masks == NULL || masks->len == 0 || address == NULL)
    return FALSE;
  inet = parse_address (address);
  return inet != NULL && matches (masks, inet);
}

/**
 * civic_proxy_client_address:
 * @masks: (nullable): the trusted proxies
 * @peer: the address the connection came from
 * @forwarded_for: (nullable): the request's X-Forwarded-For
 *
 * Returns: (transfer full): the address the request is counted and
 * audited under: @peer, unless @peer is a trusted proxy that says whom it
 * forwards for
 */
char *
civic_proxy_client_address (GPtrArray  *masks,
                            const char *peer,
                            const char *forwarded_for)
{
  g_auto(GStrv) hops = NULL;
  g_autofree char *client = NULL;
  guint n_hops;

  if (forwarded_for == NULL || !civic_proxy_is_trusted (masks, peer))
    return g_strdup (peer);

  /* Several header lines arrive joined with commas (RFC 9110 §5.3). Split
   * whole: the hops that count are at the right, however many a client
   * wrote before them. */
  hops = g_strsplit (forwarded_for, ",", -1);
  n_hops = g_strv_length (hops);
  for (guint i = 0; i < MIN (n_hops, MAX_TRUSTED_HOPS + 1); i++)
    {
      g_autoptr(GInetAddress) inet = parse_address (g_strstrip (hops[n_hops - 1 - i]));

      /* A hop that is not an address was written by somebody no trusted
       * proxy vouches for: stop at the last one that was */
      if (inet == NULL)
        break;
      g_free (client);
      client = g_inet_address_to_string (inet);
      if (!matches (masks, inet))
        break;
    }
  return client != NULL ? g_steal_pointer (&client) : g_strdup (peer);
}
