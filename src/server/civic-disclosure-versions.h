/* civic-disclosure-versions.h — an old version of a disclosure, masked or revealed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-actor.h"
#include "civic-db.h"

G_BEGIN_DECLS

char *civic_disclosure_versions_read (CivicDb           *db,
                                      const CivicActor  *actor,
                                      const char        *id,
                                      const char        *version,
                                      gboolean           reveal,
                                      const char        *reason,
                                      const char        *address,
                                      GDateTime         *now,
                                      guint             *status,
                                      GError           **error);

G_END_DECLS
