/* civic-disclosure-request-records.h — requests for information as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure-request.h"
#include "civic-documents.h"
#include "civic-records.h"
#include "civic-db.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_disclosure_request_store;

CivicDisclosureRequest *civic_disclosure_request_records_load   (CivicDb                 *db,
                                                                 const char              *id,
                                                                 GError                 **error);
gint64                  civic_disclosure_request_records_save   (CivicDb                 *db,
                                                                 CivicDisclosureRequest  *request,
                                                                 CivicCalendar           *calendar,
                                                                 CivicDay                 today,
                                                                 GError                 **error);
char                   *civic_disclosure_request_records_submit (CivicDb                 *db,
                                                                 CivicCalendar           *calendar,
                                                                 GDateTime               *now,
                                                                 JsonNode                *body,
                                                                 const char              *address,
                                                                 guint                   *status,
                                                                 GError                 **error);
char                   *civic_disclosure_request_records_status (CivicDb                 *db,
                                                                 CivicCalendar           *calendar,
                                                                 const char              *receipt,
                                                                 CivicDay                 today,
                                                                 GError                 **error);

char                   *civic_disclosure_request_records_reply_id (CivicDb               *db,
                                                                   const char            *receipt,
                                                                   GError               **error);
CivicIssuedDocument    *civic_disclosure_request_records_applicant_document (CivicDb      *db,
                                                                   const char            *receipt,
                                                                   const char            *code,
                                                                   GError               **error);

G_END_DECLS
