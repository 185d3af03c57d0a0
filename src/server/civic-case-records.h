/* civic-case-records.h — cases as the service stores and publishes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-case.h"
#include "civic-records.h"
#include "civic-db.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_case_store;

CivicCase *civic_case_records_load         (CivicDb                *db,
                                            const char             *id,
                                            GError                **error);
CivicCase *civic_case_records_load_by_number (CivicDb              *db,
                                            const char             *number,
                                            GError                **error);
CivicCase *civic_case_records_load_by_receipt (CivicDb             *db,
                                            const char             *receipt,
                                            GError                **error);
gint64     civic_case_records_save         (CivicDb                *db,
                                            CivicCase              *kase,
                                            CivicCalendar          *calendar,
                                            CivicDay                today,
                                            const char             *receipt,
                                            GError                **error);
char      *civic_case_records_stored_status (CivicDb               *db,
                                            const char             *id);
gboolean   civic_case_records_store_sealed (CivicDb                *db,
                                            const char             *id,
                                            const char             *sealed,
                                            GError                **error);
gboolean   civic_case_records_seal_legacy  (CivicDb                *db,
                                            guint                  *n_sealed,
                                            GError                **error);
gboolean   civic_case_records_reseal       (CivicDb                *db,
                                            guint                   batch,
                                            guint                  *done,
                                            GError                **error);
gint64     civic_case_records_count_sealed (CivicDb                *db,
                                            guint                   key_id,
                                            GError                **error);

G_END_DECLS
