/* civic-warning-records.h — supervision warnings as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-records.h"
#include "civic-warning.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_warning_store;

CivicWarning *civic_warning_records_load (CivicDb      *db,
                                          const char   *id,
                                          GError      **error);

G_END_DECLS
