/* civic-rate-limit.h — how often one address may knock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;       /* what is limited, part of the key */
  double      per_second; /* the sustained rate */
  double      burst;      /* how many at once after a quiet spell */
} CivicRate;

typedef struct _CivicRateLimit CivicRateLimit;

CivicRateLimit *civic_rate_limit_new   (guint             max_keys);
void            civic_rate_limit_free  (CivicRateLimit   *self);
gboolean        civic_rate_limit_take  (CivicRateLimit   *self,
                                        const CivicRate  *rate,
                                        const char       *address,
                                        gint64            now,
                                        gint64           *retry_after);

char           *civic_rate_limit_address_key (const char *address);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicRateLimit, civic_rate_limit_free)

G_END_DECLS
