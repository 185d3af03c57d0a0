/* civic-sync-engine-cases.c — the sync engine's front door for cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sync-engine"

#include "config.h"

#include "civic-case-kind.h"
#include "civic-sync-engine.h"

/* What the case page, the inbox and the action dialog call, in the case's
 * own types: each is the engine's action on a record of any kind
 * (civic-sync-engine.c), for the case's kind. The hall's other jobs add a
 * file like this one for theirs. */

/**
 * civic_sync_engine_check:
 *
 * Whether the official may take @action on the case now, as the rules
 * say: the user interface offers it, or greys it out with the reason.
 */
gboolean
civic_sync_engine_check (CivicSyncEngine  *self,
                         const char       *case_id,
                         CivicAction       action,
                         GError          **error)
{
  return civic_sync_engine_check_action (self, &civic_case_kind, case_id, action, error);
}

/**
 * civic_sync_engine_list_actions:
 *
 * Returns: (transfer full) (element-type CivicAction): the actions the
 * signed-in official may take on @kase now, by the rules.
 */
GArray *
civic_sync_engine_list_actions (CivicSyncEngine *self,
                                CivicCase       *kase)
{
  G_STATIC_ASSERT (sizeof (CivicAction) == sizeof (guint));

  g_return_val_if_fail (CIVIC_IS_CASE (kase), NULL);

  return civic_sync_engine_list_record_actions (self, &civic_case_kind, G_OBJECT (kase));
}

/**
 * civic_sync_engine_try:
 * @args: (nullable): the action's arguments as the official has them so far
 *
 * Returns: (transfer full) (nullable): the case as it would be after the
 * action, or %NULL and the rules' reason in @error.
 */
CivicCase *
civic_sync_engine_try (CivicSyncEngine  *self,
                       const char       *case_id,
                       CivicAction       action,
                       JsonObject       *args,
                       GError          **error)
{
  GObject *next = civic_sync_engine_try_action (self, &civic_case_kind, case_id, action, args,
                                                error);

  return next != NULL ? CIVIC_CASE (next) : NULL;
}

/**
 * civic_sync_engine_perform:
 * @args: (nullable): the action's arguments
 *
 * Takes an official's action on a case (civic_sync_engine_perform_action()).
 *
 * Returns: (transfer full) (nullable): the command's id
 */
char *
civic_sync_engine_perform (CivicSyncEngine  *self,
                           const char       *case_id,
                           CivicAction       action,
                           JsonObject       *args,
                           GError          **error)
{
  return civic_sync_engine_perform_action (self, &civic_case_kind, case_id, action, args, error);
}
