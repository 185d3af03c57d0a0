/* civic-leader.h — which of the service's processes runs the clocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CivicLeader CivicLeader;

CivicLeader *civic_leader_new        (const char   *data_dir,
                                      GError      **error);
gboolean     civic_leader_is_leader  (CivicLeader  *self);
void         civic_leader_free       (CivicLeader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicLeader, civic_leader_free)

G_END_DECLS
