/* civic-proxy.c — requests through a trusted load balancer: who sent them
 *
 * Behind HAProxy every connection comes from the balancer's address, so
 * the limits per address (connections, sign-in attempts, the public
 * pages' rate) and the audit log's addresses would all see one client.
 * The balancer says who its client was in X-Forwarded-For; anybody can
 * send that header too, so it is believed only from a peer the operator
 * named with --trusted-proxy, and only as far as the trusted hops go:
 * the address is the rightmost one in the header that is not itself a
 * trusted proxy. Whatever a client wrote to the left of that is ignored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-i18n.h"
#include "civic-proxy.h"

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
  inet = g_inet_address_new_from_string (address);
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

  if (forwarded_for == NULL || !civic_proxy_is_trusted (masks, peer))
    return g_strdup (peer);

  /* Several header lines arrive joined with commas (RFC 9110 §5.3) */
  hops = g_strsplit (forwarded_for, ",", 64);
  for (int i = (int) g_strv_length (hops) - 1; i >= 0; i--)
    {
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (g_strstrip (hops[i]));

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
