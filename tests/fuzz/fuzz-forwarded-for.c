/* fuzz-forwarded-for.c — X-Forwarded-For, as a request through a trusted balancer brings it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-fuzz.h"
#include "civic-proxy.h"

/* The service believes the header only from a peer named with
 * --trusted-proxy (civic-proxy.c). Whatever a client writes into it, the
 * address found is the peer's or one that parses, never a trusted
 * balancer's unless the peer's own, and it is found in bounded time
 * however many hops there are. The input is the header's value. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const trusted[] = { "10.0.0.5", "10.1.0.0/16", "fd00::/8", NULL };
  static GPtrArray *masks;
  g_autofree char *header = NULL;
  g_autofree char *client = NULL;
  g_autoptr(GInetAddress) parsed = NULL;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);
  if (masks == NULL)
    masks = civic_proxy_masks_new (trusted, NULL);

  /* A header cannot carry a raw NUL; libsoup would have refused it */
  if (memchr (data, '\0', size) != NULL)
    return 0;
  header = g_strndup ((const char *) data, size);

  client = civic_proxy_client_address (masks, "10.0.0.5", header);
  civic_fuzz_assert (client != NULL);
  parsed = g_inet_address_new_from_string (client);
  civic_fuzz_assert (parsed != NULL);

  /* From a peer nobody trusts, the header means nothing */
  {
    g_autofree char *untrusted = civic_proxy_client_address (masks, "198.51.100.1", header);

    civic_fuzz_assert (g_strcmp0 (untrusted, "198.51.100.1") == 0);
  }
  return 0;
}
