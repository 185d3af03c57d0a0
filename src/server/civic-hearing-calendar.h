/* civic-hearing-calendar.h — hearings as iCalendar (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-hearing.h"
#include "civic-sqlite.h"

G_BEGIN_DECLS

char     *civic_hearing_calendar_event        (CivicSqlite   *db,
                                               CivicHearing  *hearing,
                                               GDateTime     *now,
                                               GError       **error);
char     *civic_hearing_calendar_feed         (CivicSqlite   *db,
                                               const char    *account_id,
                                               GDateTime     *now,
                                               GError       **error);
char     *civic_hearing_calendar_new_token    (CivicSqlite   *db,
                                               const char    *account_id,
                                               GDateTime     *now,
                                               GError       **error);
gboolean  civic_hearing_calendar_revoke       (CivicSqlite   *db,
                                               const char    *account_id,
                                               GError       **error);
char     *civic_hearing_calendar_account_for  (CivicSqlite   *db,
                                               const char    *token,
                                               GError       **error);

G_END_DECLS
