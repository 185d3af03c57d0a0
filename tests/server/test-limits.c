/* test-limits.c — who counts as one client, and how often they may knock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-accounts.h"
#include "civic-proxy.h"
#include "civic-rate-limit.h"

static void
test_address_key (void)
{
  static const struct
  {
    const char *address;
    const char *key;
  } cases[] = {
    { "203.0.113.7", "203.0.113.7" },
    /* One network is given a whole /64: it is one client */
    { "2001:db8:1:2::1", "2001:0db8:0001:0002::/64" },
    { "2001:db8:1:2:ffff:eeee:dddd:cccc", "2001:0db8:0001:0002::/64" },
    { "2001:db8:1:3::1", "2001:0db8:0001:0003::/64" },
    /* An IPv4 address written as IPv6 is that address */
    { "::ffff:203.0.113.7", "203.0.113.7" },
    { "::1", "0000:0000:0000:0000::/64" },
    { "not an address", "not an address" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = civic_rate_limit_address_key (cases[i].address);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
  {
    g_autofree char *none = civic_rate_limit_address_key (NULL);

    g_assert_cmpstr (none, ==, "-");
  }
}

/* A burst, then the rate; another client is not held back; a full table
 * forgets the buckets that are full again first. */
static void
test_token_bucket (void)
{
  static const CivicRate rate = { "test", 0.5, 3 };
  g_autoptr(CivicRateLimit) limit = civic_rate_limit_new (16);
  gint64 now = 1000 * G_USEC_PER_SEC, retry = 0;

  for (guint i = 0; i < 3; i++)
    g_assert_true (civic_rate_limit_take (limit, &rate, "a", now, &retry));
  g_assert_false (civic_rate_limit_take (limit, &rate, "a", now, &retry));
  g_assert_cmpint (retry, ==, 3);
  g_assert_true (civic_rate_limit_take (limit, &rate, "b", now, &retry));

  /* two seconds later, one more */
  g_assert_true (civic_rate_limit_take (limit, &rate, "a", now + 2 * G_USEC_PER_SEC, &retry));
  g_assert_false (civic_rate_limit_take (limit, &rate, "a", now + 2 * G_USEC_PER_SEC, &retry));

  /* 16 busy clients fill the table; the 17th waits, until one is full again */
  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *client = g_strdup_printf ("c%u", i);

      g_assert_true (civic_rate_limit_take (limit, &rate, client, now, &retry));
    }
  g_assert_false (civic_rate_limit_take (limit, &rate, "late", now, &retry));
  g_assert_true (civic_rate_limit_take (limit, &rate, "late", now + 10 * G_USEC_PER_SEC, &retry));
}

/* Past five failures, each attempt waits twice as long as the one before */
static void
test_sign_in_delays (void)
{
  static const gint64 expected[] = { 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900,
                                     900 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (civic_accounts_sign_in_delay (i, 5), ==, expected[i]);
  g_assert_cmpint (civic_accounts_sign_in_delay (1000000, 5), ==, 900);
}

/* Who sent a request that came through a trusted balancer: the rightmost
 * hop its X-Forwarded-For names that no trusted balancer is, however
 * many hops a client wrote before; nobody else's header is believed */
static void
test_forwarded_for (void)
{
  static const char * const trusted[] = { "10.0.0.5", "10.1.0.0/16", "fd00::/8", NULL };
  static const struct
  {
    const char *peer;
    const char *forwarded_for;
    const char *client;
  } cases[] = {
    { "10.0.0.5", "203.0.113.7", "203.0.113.7" },
    { "10.0.0.5", NULL, "10.0.0.5" },
    { "198.51.100.1", "203.0.113.7", "198.51.100.1" },           /* not trusted */
    { "10.0.0.5", "1.2.3.4, 203.0.113.7", "203.0.113.7" },       /* a client's own entry */
    { "10.0.0.5", "203.0.113.8, 10.1.2.3", "203.0.113.8" },      /* two balancers */
    { "10.0.0.5", "not-an-address, 10.1.2.3", "10.1.2.3" },      /* vouched for no further */
    { "10.0.0.5", "2001:db8::7", "2001:db8::7" },
    { "::ffff:10.0.0.5", "203.0.113.9", "203.0.113.9" },         /* a service on [::] */
    { "10.0.0.5", "::ffff:203.0.113.10", "203.0.113.10" },
    { "fd00::1", "203.0.113.11", "203.0.113.11" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) masks = civic_proxy_masks_new (trusted, &error);
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GString) many = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *client = civic_proxy_client_address (masks, cases[i].peer,
                                                            cases[i].forwarded_for);

      g_assert_cmpstr (client, ==, cases[i].client);
    }

  /* A hundred hops first: still the one the balancer wrote */
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (many, "1.1.1.%u, ", i);
  g_string_append (many, "203.0.113.12");
  {
    g_autofree char *client = civic_proxy_client_address (masks, "10.0.0.5", many->str);

    g_assert_cmpstr (client, ==, "203.0.113.12");
  }

  /* Not an address nor a network: refused, and named */
  {
    const char * const wrong[] = { "10.0.0.0/99", NULL };

    bad = civic_proxy_masks_new (wrong, &error);
    g_assert_null (bad);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "10.0.0.0/99"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/address-key", test_address_key);
  g_test_add_func ("/limits/token-bucket", test_token_bucket);
  g_test_add_func ("/limits/sign-in-delays", test_sign_in_delays);
  g_test_add_func ("/limits/forwarded-for", test_forwarded_for);

  return g_test_run ();
}
