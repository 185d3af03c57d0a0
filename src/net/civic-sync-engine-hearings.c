/* civic-sync-engine-hearings.c — the sync engine's front door for hearings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sync-engine"

#include "config.h"

#include "civic-hearing-kind.h"
#include "civic-sync-engine.h"

/* What the Hearings section calls, in the hearing's own types: the
 * engine's actions on a record of any kind, for the hearing's kind
 * (civic-sync-engine.c). */

/**
 * civic_sync_engine_list_hearings:
 *
 * Returns: (transfer full) (element-type CivicHearing): the department's
 * hearings as the official sees them: their own version of one while
 * their commands on it wait to be sent. A department holds a few hundred
 * a year; they are read whole.
 */
GPtrArray *
civic_sync_engine_list_hearings (CivicSyncEngine  *self,
                                 GError          **error)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);

  return civic_cache_load_records (civic_sync_engine_get_cache (self), &civic_hearing_kind, error);
}

CivicHearing *
civic_sync_engine_load_hearing (CivicSyncEngine  *self,
                                const char       *hearing_id,
                                GError          **error)
{
  GObject *record = civic_cache_load_record (civic_sync_engine_get_cache (self),
                                             &civic_hearing_kind, hearing_id, error);

  return record != NULL ? CIVIC_HEARING (record) : NULL;
}

/**
 * civic_sync_engine_perform_hearing:
 * @args: (nullable): the action's arguments
 *
 * Takes an official's action on a hearing (civic_sync_engine_perform_action()):
 * at once in the offline copy, tentatively until the service takes it; a
 * clash the service finds comes back as a conflict.
 *
 * Returns: (transfer full) (nullable): the command's id
 */
char *
civic_sync_engine_perform_hearing (CivicSyncEngine     *self,
                                   const char          *hearing_id,
                                   CivicHearingAction   action,
                                   JsonObject          *args,
                                   GError             **error)
{
  return civic_sync_engine_perform_action (self, &civic_hearing_kind, hearing_id, action, args,
                                           error);
}
