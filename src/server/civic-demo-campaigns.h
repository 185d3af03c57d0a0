/* civic-demo-campaigns.h — the demo's idea campaigns, lived through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-demo-messages.h"

G_BEGIN_DECLS

gboolean civic_demo_campaigns_generate (const CivicDemoMessageInput  *input,
                                        guint                        *n_campaigns,
                                        GError                      **error);

G_END_DECLS
