/* civic-rate-limit.c — how often one address may knock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-rate-limit"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "civic-rate-limit.h"

/* A token bucket per (what, address): it fills at the rate, up to the
 * burst, and each request takes a token. The anonymous doors (a citizen's
 * application, a sign-in, the public reads) go through one; without it
 * one address filed 741 applications a second. The table is bounded:
 * full buckets are forgotten first (a full bucket is what a new one
 * would be), and when it is full of busy ones a new address waits. It is
 * used from the main thread only. Behind a load balancer each service
 * process keeps its own table, so an address gets the rate once per
 * process. */

typedef struct
{
  double tokens;
  gint64 updated;   /* monotonic µs */
  double burst;
  double per_second;
} Bucket;

struct _CivicRateLimit
{
  GHashTable *buckets;   /* "name address" → Bucket */
  guint       max_keys;
};

CivicRateLimit *
civic_rate_limit_new (guint max_keys)
{
  CivicRateLimit *self = g_new0 (CivicRateLimit, 1);

  self->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->max_keys = MAX (max_keys, 16);
  return self;
}

void
civic_rate_limit_free (CivicRateLimit *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->buckets);
  g_free (self);
}

static double
refill (Bucket *bucket,
        gint64  now)
{
  double elapsed = (now - bucket->updated) / (double) G_USEC_PER_SEC;

  return MIN (bucket->burst, bucket->tokens + MAX (elapsed, 0) * bucket->per_second);
}

static void
forget_full (CivicRateLimit *self,
             gint64          now)
{
  GHashTableIter iter;
  Bucket *bucket;

  g_hash_table_iter_init (&iter, self->buckets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &bucket))
    if (refill (bucket, now) >= bucket->burst)
      g_hash_table_iter_remove (&iter);
}

/**
 * civic_rate_limit_take:
 * @now: g_get_monotonic_time()
 * @retry_after: (out): when refused, the whole seconds until a token
 *
 * Returns: whether the request may go ahead.
 */
gboolean
civic_rate_limit_take (CivicRateLimit  *self,
                       const CivicRate *rate,
                       const char      *address,
                       gint64           now,
                       gint64          *retry_after)
{
  g_autofree char *key = g_strconcat (rate->name, " ", address ? address : "-", NULL);
  Bucket *bucket = g_hash_table_lookup (self->buckets, key);

  g_return_val_if_fail (rate->per_second > 0 && rate->burst >= 1, FALSE);

  *retry_after = 0;
  if (bucket == NULL)
    {
      if (g_hash_table_size (self->buckets) >= self->max_keys)
        forget_full (self, now);
      if (g_hash_table_size (self->buckets) >= self->max_keys)
        {
          *retry_after = (gint64) (1 / rate->per_second) + 1;
          return FALSE;
        }

      bucket = g_new0 (Bucket, 1);
      bucket->tokens = rate->burst;
      bucket->updated = now;
      g_hash_table_insert (self->buckets, g_steal_pointer (&key), bucket);
    }

  bucket->burst = rate->burst;
  bucket->per_second = rate->per_second;
  bucket->tokens = refill (bucket, now);
  bucket->updated = now;

  if (bucket->tokens < 1)
    {
      *retry_after = (gint64) ((1 - bucket->tokens) / rate->per_second) + 1;
      return FALSE;
    }

  bucket->tokens -= 1;
  return TRUE;
}

/**
 * civic_rate_limit_address_key:
 * @address: (nullable): a client's address, as text
 *
 * Returns: (transfer full): what counts as one client for the limits: an
 * IPv4 address; an IPv6 address's /64, since one network is given a
 * whole /64 to pick from (counted one by one, a single attacker would be
 * 2^64 clients).
 */
char *
civic_rate_limit_address_key (const char *address)
{
  g_autoptr(GInetAddress) parsed = NULL;
  const guint8 *bytes;

  if (address == NULL)
    return g_strdup ("-");

  parsed = g_inet_address_new_from_string (address);
  if (parsed == NULL || g_inet_address_get_family (parsed) != G_SOCKET_FAMILY_IPV6)
    return g_strdup (address);

  bytes = g_inet_address_to_bytes (parsed);
  /* An IPv4 address written as IPv6 (::ffff:a.b.c.d) is that IPv4 address */
  if (memcmp (bytes, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0)
    return g_strdup_printf ("%u.%u.%u.%u", bytes[12], bytes[13], bytes[14], bytes[15]);

  return g_strdup_printf ("%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", bytes[0], bytes[1],
                          bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]);
}
