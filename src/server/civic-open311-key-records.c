/* civic-open311-key-records.c — Open311 clients' keys as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-open311-key-records"

#include "config.h"

#include <inttypes.h>

#include "civic-i18n.h"

#include "civic-open311-key.h"
#include "civic-open311-key-records.h"
#include "civic-policy.h"
#include "civic-server-db.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A key is a row of `open311_key`, which Open311 requests are checked
 * against (civic-open311.c) by its SHA-256; the commands of
 * civic-open311-key.c add and revoke one like any record, so that each
 * change is in the ledger, the audit log and an outbox. The entity the
 * hall's administrators' clients receive names the key, never holds it
 * or its hash. */

static CivicDay
day_of (const char *instant)
{
  g_autoptr(GDateTime) time = instant != NULL ? civic_time_parse (instant) : NULL;

  return time != NULL ? civic_time_day_of (time) : CIVIC_DAY_INVALID;
}

static CivicOpen311Key *
load_row (CivicDb      *db,
          const char   *id,
          GError      **error)
{
  g_autoptr(CivicEntityRow) entity = NULL;
  CivicOpen311Key *key = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT name, created_at, revoked_at, revoked_reason "
                               "FROM open311_key WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  if (civic_db_step (db, stmt, &row, error) && row)
    {
      key = civic_open311_key_new (id);
      civic_open311_key_set_fields (key, civic_db_column_text (stmt, 0),
                                    day_of (civic_db_column_text (stmt, 1)),
                                    day_of (civic_db_column_text (stmt, 2)),
                                    civic_db_column_text (stmt, 3));
    }
  civic_db_reset (stmt);
  if (key == NULL)
    return NULL;

  entity = civic_server_db_get_entity (db, CIVIC_ENTITY_OPEN311_KEY, id, error);
  if (entity == NULL && error != NULL && *error != NULL)
    {
      g_object_unref (key);
      return NULL;
    }
  civic_open311_key_set_rev (key, entity != NULL ? entity->rev : 0);
  return key;
}

static gint64
put (CivicDb          *db,
     CivicOpen311Key  *key,
     GError          **error)
{
  g_autoptr(JsonNode) node = civic_open311_key_to_json (key);
  const char *scope[] = { CIVIC_SCOPE_ADMIN, NULL };

  return civic_server_db_put_entity (db, CIVIC_ENTITY_OPEN311_KEY, civic_open311_key_get_id (key),
                                     civic_open311_key_get_rev (key), node, scope, error);
}

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  return G_OBJECT (load_row (db, id, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  CivicOpen311Key *key = CIVIC_OPEN311_KEY (record);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *moment = civic_time_format (now);
  CivicDbStmt *stmt;

  if (civic_open311_key_get_key_hash (key) != NULL)
    {
      stmt = civic_db_prepare (db, "INSERT INTO open311_key (id, name, hash, created_at) "
                                   "VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return 0;
      civic_db_bind_text (stmt, 1, civic_open311_key_get_id (key));
      civic_db_bind_text (stmt, 2, civic_open311_key_get_name (key));
      civic_db_bind_text (stmt, 3, civic_open311_key_get_key_hash (key));
      civic_db_bind_text (stmt, 4, moment);
    }
  else
    {
      stmt = civic_db_prepare (db, "UPDATE open311_key SET revoked_at = coalesce (revoked_at, ?), "
                                   "  revoked_reason = ? WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      civic_db_bind_text (stmt, 1, civic_open311_key_get_revoked (key) ? moment : NULL);
      civic_db_bind_text (stmt, 2, civic_open311_key_get_revoked_reason (key));
      civic_db_bind_text (stmt, 3, civic_open311_key_get_id (key));
    }
  if (!civic_db_run (db, stmt, error))
    return 0;
  return put (db, key, error);
}

/* A key already in use is not added twice, whoever made it */
static gboolean
store_finish (CivicDb        *db,
              GObject        *record,
              guint           action,
              const char     *command_id,
              CivicCalendar  *calendar,
              GDateTime      *now,
              const char     *public_url,
              GError        **error)
{
  CivicOpen311Key *key = CIVIC_OPEN311_KEY (record);
  CivicDbStmt *stmt;
  gboolean taken = FALSE;

  if (civic_open311_key_get_key_hash (key) == NULL)
    return TRUE;
  stmt = civic_db_prepare (db, "SELECT 1 FROM open311_key WHERE hash = ? OR id = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_open311_key_get_key_hash (key));
  civic_db_bind_text (stmt, 2, civic_open311_key_get_id (key));
  if (!civic_db_step (db, stmt, &taken, error))
    return FALSE;
  civic_db_reset (stmt);
  if (taken)
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE,
                           _("This key is in use already: make another"));
      return FALSE;
    }
  return TRUE;
}

/* To anyone but the hall's administrators there is no key at all */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  if (civic_actor_has_role (actor, CIVIC_ROLE_ADMIN))
    return TRUE;
  g_set_error_literal (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                       _("There is no such key"));
  return FALSE;
}

const CivicRecordStore civic_open311_key_store = {
  .kind = &civic_open311_key_kind,
  .not_found = N_("There is no such key"),
  /* Translators: the key's revision now, then the one the official saw */
  .stale = N_("The key changed (revision %" PRId64 ", you saw %" PRId64 "); look at it again"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
};

/**
 * civic_open311_key_records_publish:
 *
 * Publishes the key @id as its table has it now, to the hall's
 * administrators' feed, after the command line changed it. Call inside a
 * write transaction.
 */
gboolean
civic_open311_key_records_publish (CivicDb      *db,
                                   const char   *id,
                                   GError      **error)
{
  g_autoptr(CivicOpen311Key) key = load_row (db, id, error);

  if (key == NULL)
    return error == NULL || *error == NULL;
  civic_open311_key_set_rev (key, civic_open311_key_get_rev (key) + 1);
  return put (db, key, error) != 0;
}

/**
 * civic_open311_key_records_publish_all:
 *
 * Publishes, once, the keys made before keys were commands.
 */
gboolean
civic_open311_key_records_publish_all (CivicDb      *db,
                                       GError      **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT k.id FROM open311_key k WHERE NOT EXISTS "
                               "(SELECT 1 FROM entity e WHERE e.type = '"
                               CIVIC_ENTITY_OPEN311_KEY "' AND e.id = k.id)", error);
  if (stmt == NULL)
    return FALSE;
  while (civic_db_step (db, stmt, &row, error) && row)
    g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
  civic_db_reset (stmt);
  if ((error != NULL && *error != NULL) || ids->len == 0)
    return error == NULL || *error == NULL;

  if (!civic_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!civic_open311_key_records_publish (db, g_ptr_array_index (ids, i), error))
      {
        civic_db_rollback (db);
        return FALSE;
      }
  return civic_db_commit (db, error);
}
