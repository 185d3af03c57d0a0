/* civic-demo-disclosures.h — the demo's proactive disclosures, lived through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-actor.h"
#include "civic-calendar.h"
#include "civic-disclosure.h"
#include "civic-disclosure-request.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* An organ's disclosure office, as the demo made its accounts */
typedef struct
{
  CivicActor *editor;
  CivicActor *reviewers[2];
  CivicActor *head;
} CivicDemoDisclosureStaff;

typedef struct
{
  CivicDb       *db;
  CivicCalendar *calendar;
  GDateTime     *now;
  JsonArray     *departments;  /* departments.json */
  JsonArray     *items;        /* items.json: an organ's licences name its licensing notices */
  JsonObject    *people;       /* people.json: names, companies, places */
  JsonObject    *templates;    /* disclosures.json */
  GHashTable    *staff;        /* department id → CivicDemoDisclosureStaff */
  guint64        seed;
  guint          count;
} CivicDemoDisclosureInput;

gboolean civic_demo_disclosures_generate (const CivicDemoDisclosureInput  *input,
                                          guint                            counts[CIVIC_N_DISCLOSURE_STATES],
                                          GError                         **error);

gboolean civic_demo_disclosure_requests_generate (const CivicDemoDisclosureInput  *input,
                                                  guint                            count,
                                                  guint                            counts[CIVIC_N_DISCLOSURE_REQUEST_STATES],
                                                  GError                         **error);

G_END_DECLS
