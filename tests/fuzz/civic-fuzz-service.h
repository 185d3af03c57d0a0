/* civic-fuzz-service.h — a throwaway service database for the targets that fuzz the service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "civic-calendar.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* The demo's departments, accounts and catalogue, without cases, made
 * once; put back as they were after each input, so that every input
 * meets the same service */
typedef struct
{
  CivicDb       *db;
  CivicCalendar *calendar;
  GDateTime     *now;
  sqlite3       *pristine;
} CivicFuzzService;

void civic_fuzz_service_open  (CivicFuzzService *service,
                               const char       *name);
void civic_fuzz_service_reset (CivicFuzzService *service);

G_END_DECLS
