/* civic-hearing-calendar.h — hearings as iCalendar (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-hearing.h"
#include "civic-db.h"

G_BEGIN_DECLS

char     *civic_hearing_calendar_event        (CivicDb       *db,
                                               CivicHearing  *hearing,
                                               GDateTime     *now,
                                               GError       **error);
char     *civic_hearing_calendar_feed         (CivicDb       *db,
                                               const char    *account_id,
                                               GDateTime     *now,
                                               GError       **error);
char     *civic_hearing_calendar_new_token    (CivicDb       *db,
                                               const char    *account_id,
                                               GDateTime     *now,
                                               GError       **error);
gboolean  civic_hearing_calendar_revoke       (CivicDb       *db,
                                               const char    *account_id,
                                               GError       **error);
char     *civic_hearing_calendar_account_for  (CivicDb       *db,
                                               const char    *token,
                                               GError       **error);

G_END_DECLS
