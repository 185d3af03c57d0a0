/* civic-records.c — the stores of every kind, looked up by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-records"

#include "config.h"

#include <string.h>

#include "civic-account-records.h"
#include "civic-calendar-records.h"
#include "civic-campaign-records.h"
#include "civic-case-records.h"
#include "civic-disclosure-records.h"
#include "civic-disclosure-request-records.h"
#include "civic-evaluation-records.h"
#include "civic-hearing-records.h"
#include "civic-item-records.h"
#include "civic-message-records.h"
#include "civic-open311-key-records.h"
#include "civic-records.h"
#include "civic-room-records.h"

/* One per kind of civic-entity.c; a new job of the hall adds its store
 * here, and nowhere else in this layer. */
static const CivicRecordStore * const stores[] = {
  &civic_case_store,
  &civic_hearing_store,
  &civic_disclosure_store,
  &civic_disclosure_request_store,
  &civic_message_store,
  &civic_evaluation_store,
  &civic_campaign_store,
  &civic_item_store,
  &civic_account_store,
  &civic_room_store,
  &civic_calendar_store,
  &civic_open311_key_store,
  NULL
};

/**
 * civic_records_stores:
 *
 * Returns: (array zero-terminated=1) (transfer none): every kind's store
 */
const CivicRecordStore * const *
civic_records_stores (void)
{
  return stores;
}

/**
 * civic_records_lookup:
 * @type: an entity type, such as %CIVIC_ENTITY_CASE
 *
 * Returns: (nullable): how the service keeps records of @type
 */
const CivicRecordStore *
civic_records_lookup (const char *type)
{
  g_return_val_if_fail (type != NULL, NULL);

  for (guint i = 0; stores[i] != NULL; i++)
    if (strcmp (stores[i]->kind->type, type) == 0)
      return stores[i];
  return NULL;
}
