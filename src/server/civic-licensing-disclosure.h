/* civic-licensing-disclosure.h — a licence granted, drafted for publication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-calendar.h"
#include "civic-case.h"
#include "civic-db.h"

G_BEGIN_DECLS

gboolean civic_licensing_disclosure_draft (CivicDb        *db,
                                           CivicCalendar  *calendar,
                                           GDateTime      *now,
                                           CivicCase      *kase,
                                           GError        **error);

G_END_DECLS
