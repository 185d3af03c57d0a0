/* civic-disclosure-columns.h — an organ's catalogue of columns (栏目, 专栏)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-disclosure.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_DISCLOSURE_COLUMN_MAX_NAME 100

JsonObject *civic_disclosure_columns_load   (CivicDb          *db,
                                             const char       *id,
                                             gint64           *rev,
                                             GError          **error);
gboolean    civic_disclosure_columns_put    (CivicDb          *db,
                                             JsonObject       *column,
                                             gint64            rev,
                                             GError          **error);
gboolean    civic_disclosure_columns_check  (CivicDb          *db,
                                             CivicDisclosure  *disclosure,
                                             GError          **error);
gboolean    civic_disclosure_columns_adopt_names (CivicDb     *db,
                                             GError          **error);

G_END_DECLS
