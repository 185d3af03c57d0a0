/* civic-open311-key-records.h — Open311 clients' keys as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-records.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_open311_key_store;

gboolean civic_open311_key_records_publish     (CivicDb      *db,
                                                const char   *id,
                                                GError      **error);
gboolean civic_open311_key_records_publish_all (CivicDb      *db,
                                                GError      **error);

G_END_DECLS
