/* civic-demo-messages.h — the demo's citizens' messages, lived through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-actor.h"
#include "civic-calendar.h"
#include "civic-message.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* A department's message staff, as the demo made their accounts */
typedef struct
{
  CivicActor *handler;
  CivicActor *reviewer;
  CivicActor *head;
} CivicDemoMessageStaff;

typedef struct
{
  CivicDb       *db;
  CivicCalendar *calendar;
  GDateTime     *now;
  JsonArray     *departments;  /* departments.json */
  JsonArray     *items;        /* items.json: what a citizen asks about */
  JsonObject    *people;       /* people.json: names and addresses */
  JsonObject    *texts;        /* messages.json */
  GHashTable    *staff;        /* department id → CivicDemoMessageStaff */
  CivicActor    *dispatcher;   /* the hall's */
  guint64        seed;
  guint          count;
} CivicDemoMessageInput;

gboolean civic_demo_messages_generate (const CivicDemoMessageInput  *input,
                                       guint                         counts[CIVIC_N_MESSAGE_STATES],
                                       guint                        *n_ratings,
                                       GError                      **error);

G_END_DECLS
