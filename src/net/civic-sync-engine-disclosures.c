/* civic-sync-engine-disclosures.c — the sync engine's front door for disclosures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sync-engine"

#include "config.h"

#include "civic-disclosure-kind.h"
#include "civic-json.h"
#include "civic-sync-engine.h"

/* What the Disclosures section calls, in the disclosure's own types: the
 * engine's actions on a record of any kind, for the disclosure's kind
 * (civic-sync-engine.c), and the organ's policy its editor lints with. */

/**
 * civic_sync_engine_list_disclosures:
 *
 * Returns: (transfer full) (element-type CivicDisclosure): the organ's
 * disclosures as the official sees them, drafts written offline
 * included. An organ publishes a few hundred a year; they are read whole.
 */
GPtrArray *
civic_sync_engine_list_disclosures (CivicSyncEngine  *self,
                                    GError          **error)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);

  return civic_cache_load_records (civic_sync_engine_get_cache (self), &civic_disclosure_kind,
                                   error);
}

CivicDisclosure *
civic_sync_engine_load_disclosure (CivicSyncEngine  *self,
                                   const char       *disclosure_id,
                                   GError          **error)
{
  GObject *record;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);

  record = civic_cache_load_record (civic_sync_engine_get_cache (self), &civic_disclosure_kind,
                                    disclosure_id, error);
  return record != NULL ? CIVIC_DISCLOSURE (record) : NULL;
}

/**
 * civic_sync_engine_perform_disclosure:
 * @args: (nullable): the action's arguments
 *
 * Takes an official's action on a disclosure: at once in the offline
 * copy, tentatively until the service takes it. create-disclosure on a
 * new id makes the draft there, so that a draft written offline is born
 * in the outbox.
 *
 * Returns: (transfer full) (nullable): the command's id
 */
char *
civic_sync_engine_perform_disclosure (CivicSyncEngine        *self,
                                      const char             *disclosure_id,
                                      CivicDisclosureAction   action,
                                      JsonObject             *args,
                                      GError                **error)
{
  return civic_sync_engine_perform_action (self, &civic_disclosure_kind, disclosure_id, action,
                                           args, error);
}

/**
 * civic_sync_engine_load_disclosure_policy:
 *
 * Returns: (transfer full): the official's organ's disclosure policy,
 * from its department in the offline copy; the default while there is
 * none (not synced yet), so that the lint never waits for the network
 */
CivicDisclosurePolicy *
civic_sync_engine_load_disclosure_policy (CivicSyncEngine *self)
{
  CivicCache *cache;
  const CivicActor *me;
  g_autoptr(JsonNode) department = NULL;
  g_autoptr(JsonNode) fallback = NULL;
  JsonObject *member = NULL;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);

  cache = civic_sync_engine_get_cache (self);
  me = civic_cache_get_me (cache);
  if (me != NULL && me->department_id != NULL)
    department = civic_cache_load_entity (cache, CIVIC_ENTITY_DEPARTMENT, me->department_id, NULL);
  if (department != NULL && JSON_NODE_HOLDS_OBJECT (department))
    member = civic_json_lookup_object (json_node_get_object (department), "disclosure");
  if (member != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), member);
      CivicDisclosurePolicy *policy = civic_disclosure_policy_new_from_json (node, NULL);

      if (policy != NULL)
        return policy;
    }
  fallback = civic_disclosure_policy_to_json (civic_disclosure_policy_get_default ());
  return civic_disclosure_policy_new_from_json (fallback, NULL);
}
