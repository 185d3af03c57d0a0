/* civic-message-records.h — citizens' messages as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-message.h"
#include "civic-message-clocks.h"
#include "civic-records.h"
#include "civic-db.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_message_store;

CivicMessage       *civic_message_records_load          (CivicDb        *db,
                                                         const char     *id,
                                                         GError        **error);
gint64              civic_message_records_save          (CivicDb        *db,
                                                         CivicMessage   *message,
                                                         CivicCalendar  *calendar,
                                                         CivicDay        today,
                                                         GError        **error);

CivicMessageClocks *civic_message_records_load_clocks   (CivicDb        *db,
                                                         GError        **error);
gboolean            civic_message_records_import_clocks (CivicDb        *db,
                                                         JsonNode       *table,
                                                         GError        **error);
gboolean            civic_message_records_ensure_clocks (CivicDb        *db,
                                                         GError        **error);
gboolean            civic_message_records_ensure_reply_templates (CivicDb     *db,
                                                         GError        **error);

char               *civic_message_records_submit        (CivicDb        *db,
                                                         CivicCalendar  *calendar,
                                                         GDateTime      *now,
                                                         JsonNode       *body,
                                                         const char     *address,
                                                         guint          *status,
                                                         GError        **error);
char               *civic_message_records_submit_with_files (CivicDb     *db,
                                                         CivicCalendar  *calendar,
                                                         GDateTime      *now,
                                                         JsonNode       *body,
                                                         GPtrArray      *files,
                                                         const char     *address,
                                                         guint          *status,
                                                         GError        **error);
char               *civic_message_records_status        (CivicDb        *db,
                                                         const char     *receipt,
                                                         GError        **error);

G_END_DECLS
