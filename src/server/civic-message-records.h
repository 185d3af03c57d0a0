/* civic-message-records.h — citizens' messages as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-message.h"
#include "civic-message-clocks.h"
#include "civic-records.h"
#include "civic-sqlite.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_message_store;

CivicMessage       *civic_message_records_load          (CivicSqlite    *db,
                                                         const char     *id,
                                                         GError        **error);
gint64              civic_message_records_save          (CivicSqlite    *db,
                                                         CivicMessage   *message,
                                                         CivicCalendar  *calendar,
                                                         CivicDay        today,
                                                         GError        **error);

CivicMessageClocks *civic_message_records_load_clocks   (CivicSqlite    *db,
                                                         GError        **error);
gboolean            civic_message_records_import_clocks (CivicSqlite    *db,
                                                         JsonNode       *table,
                                                         GError        **error);
gboolean            civic_message_records_ensure_clocks (CivicSqlite    *db,
                                                         GError        **error);
gboolean            civic_message_records_ensure_reply_templates (CivicSqlite *db,
                                                         GError        **error);

char               *civic_message_records_submit        (CivicSqlite    *db,
                                                         CivicCalendar  *calendar,
                                                         GDateTime      *now,
                                                         JsonNode       *body,
                                                         const char     *address,
                                                         guint          *status,
                                                         GError        **error);
char               *civic_message_records_submit_with_files (CivicSqlite *db,
                                                         CivicCalendar  *calendar,
                                                         GDateTime      *now,
                                                         JsonNode       *body,
                                                         GPtrArray      *files,
                                                         const char     *address,
                                                         guint          *status,
                                                         GError        **error);
char               *civic_message_records_status        (CivicSqlite    *db,
                                                         const char     *receipt,
                                                         GError        **error);

G_END_DECLS
