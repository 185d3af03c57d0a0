/* civic-hearing-records.h — hearings as the service stores and publishes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-case.h"
#include "civic-hearing.h"
#include "civic-records.h"
#include "civic-db.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_hearing_store;

CivicHearing *civic_hearing_records_load        (CivicDb        *db,
                                                 const char     *id,
                                                 GError        **error);
gint64        civic_hearing_records_save        (CivicDb        *db,
                                                 CivicHearing   *hearing,
                                                 CivicCalendar  *calendar,
                                                 CivicDay        today,
                                                 GError        **error);
CivicHearing *civic_hearing_records_new_for_case (CivicCase    *kase,
                                                 const char     *id,
                                                 GError        **error);
gboolean      civic_hearing_records_open_for_case (CivicDb      *db,
                                                 CivicCase      *kase,
                                                 const char     *command_id,
                                                 CivicCalendar  *calendar,
                                                 CivicDay        today,
                                                 GError        **error);
gboolean      civic_hearing_records_note_decision (CivicDb      *db,
                                                 CivicCase      *kase,
                                                 CivicCalendar  *calendar,
                                                 CivicDay        today,
                                                 GError        **error);
char         *civic_hearing_records_public_json (CivicDb        *db,
                                                 CivicDay        from,
                                                 guint           days,
                                                 GError        **error);
GPtrArray    *civic_hearing_records_booked      (CivicDb        *db,
                                                 GDateTime      *from,
                                                 GDateTime      *to,
                                                 GError        **error);

G_END_DECLS
