/* civic-time.h — the one clock both programs ask for "now"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "civic-day.h"

G_BEGIN_DECLS

/* Environment variable that pins "now" for tests and demos, as an RFC 3339
 * instant ("2026-03-02T09:30:00+08:00") or a local date ("2026-03-02", read
 * as 09:00 in the region). */
#define CIVIC_NOW_ENV "CIVICDESK_NOW"
#define CIVIC_NOW_RUNNING_ENV "CIVICDESK_NOW_RUNNING"

GTimeZone *civic_time_zone          (void);
GDateTime *civic_time_now           (void);
CivicDay   civic_time_today         (void);
CivicDay   civic_time_day_of        (GDateTime  *instant);
void       civic_time_pin           (GDateTime  *instant);
gboolean   civic_time_is_pinned     (void);
GDateTime *civic_time_parse         (const char *text);
char      *civic_time_format        (GDateTime  *instant);
char      *civic_time_format_local  (GDateTime  *instant);

G_END_DECLS
