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
#include "civic-template-records.h"
#include "civic-warning-records.h"

/* One per kind of civic-entity.c; a new job of the hall adds its store
 * here, and nowhere else in this layer. */
static const CivicRecordStore * const stores[] = {
  &civic_case_store,
  &civic_hearing_store,
  &civic_disclosure_store,
  &civic_disclosure_request_store,
  &civic_message_store,
  &civic_evaluation_store,
  &civic_warning_store,
  &civic_campaign_store,
  &civic_item_store,
  &civic_account_store,
  &civic_room_store,
  &civic_calendar_store,
  &civic_open311_key_store,
  &civic_template_store,
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

/**
 * civic_records_adopt_without_rev:
 *
 * Writes again, once, the records of @store's kind stored before they
 * were commands, whose JSON has no revision (the command line's rooms
 * and holiday notices): a client's command on one would otherwise be
 * refused as made on an older revision. Runs its own transaction.
 */
gboolean
civic_records_adopt_without_rev (CivicDb                 *db,
                                 const CivicRecordStore  *store,
                                 GError                 **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id FROM entity WHERE type = ? AND deleted = 0 "
                               "AND json_type (data, '$.rev') IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, store->kind->type);
  while (civic_db_step (db, stmt, &row, error) && row)
    g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
  civic_db_reset (stmt);
  if ((error != NULL && *error != NULL) || ids->len == 0)
    return error == NULL || *error == NULL;

  if (!civic_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GObject) record = store->load (db, g_ptr_array_index (ids, i), error);

      if (record == NULL || store->save (db, record, NULL, CIVIC_DAY_INVALID, error) == 0)
        {
          civic_db_rollback (db);
          return FALSE;
        }
    }
  return civic_db_commit (db, error);
}

