/* civic-room-records.h — the rooms hearings are held in, as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-records.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_room_store;

gint64   civic_room_records_put          (CivicDb      *db,
                                          JsonNode     *room,
                                          gint64        rev,
                                          GError      **error);
gboolean civic_room_records_check_closing (CivicDb     *db,
                                          const char   *room_id,
                                          GDateTime    *from,
                                          GDateTime    *to,
                                          GError      **error);

G_END_DECLS
