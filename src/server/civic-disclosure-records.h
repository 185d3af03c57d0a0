/* civic-disclosure-records.h — disclosures as the service stores and publishes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure.h"
#include "civic-disclosure-policy.h"
#include "civic-records.h"
#include "civic-db.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_disclosure_store;

CivicDisclosure       *civic_disclosure_records_load        (CivicDb         *db,
                                                             const char      *id,
                                                             GError         **error);
gint64                 civic_disclosure_records_save        (CivicDb         *db,
                                                             CivicDisclosure *disclosure,
                                                             CivicCalendar   *calendar,
                                                             CivicDay         today,
                                                             GError         **error);
CivicDisclosurePolicy *civic_disclosure_records_load_policy (CivicDb         *db,
                                                             const char      *department_id,
                                                             GError         **error);
char                  *civic_disclosure_records_get_version (CivicDb         *db,
                                                             const char      *id,
                                                             guint            version,
                                                             GError         **error);

G_END_DECLS
