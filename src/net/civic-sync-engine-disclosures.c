/* civic-sync-engine-disclosures.c — the sync engine's front door for disclosures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sync-engine"

#include "config.h"

#include "civic-i18n.h"

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

/**
 * civic_sync_engine_attach_disclosure_file:
 * @name: the file's name, as the public will download it
 * @media_type: an attachable type (civic_attachment_media_type_for())
 * @content: the file
 * @replacing: (nullable): the sha256 of a file of the disclosure this one
 *   replaces: removed first, in the same step
 *
 * Attaches a file to a draft, offline as online: the bytes wait in the
 * outbox with the attach-disclosure-file command that carries them, and
 * go up just before it (civic-sync-engine.c). Until the service has read
 * the file's text, the offline copy counts it unchecked. On an error
 * nothing changes: a replaced file stays attached.
 *
 * Returns: (transfer full) (nullable): the attaching command's id
 */
char *
civic_sync_engine_attach_disclosure_file (CivicSyncEngine  *self,
                                          const char       *disclosure_id,
                                          const char       *name,
                                          const char       *media_type,
                                          GBytes           *content,
                                          const char       *replacing,
                                          GError          **error)
{
  g_autofree char *removal = NULL;
  char *command;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (disclosure_id != NULL && name != NULL && content != NULL, NULL);

  if (replacing != NULL)
    {
      g_autoptr(JsonObject) remove = json_object_new ();

      json_object_set_string_member (remove, "sha256", replacing);
      removal = civic_sync_engine_perform_disclosure (self, disclosure_id,
                                                      CIVIC_DISCLOSURE_ACTION_REMOVE_FILE, remove,
                                                      error);
      if (removal == NULL)
        return NULL;
    }

  command = civic_sync_engine_attach_file (self, &civic_disclosure_kind, "disclosures",
                                           disclosure_id, CIVIC_DISCLOSURE_ACTION_ATTACH_FILE,
                                           name, media_type, content, error);
  if (command == NULL && removal != NULL)
    civic_sync_engine_withdraw (self, removal, NULL);
  return command;
}

/**
 * civic_sync_engine_disclosure_file_is_waiting:
 *
 * Whether an attached file is still on this computer only, waiting to go
 * up with its command.
 */
gboolean
civic_sync_engine_disclosure_file_is_waiting (CivicSyncEngine *self,
                                              const char      *disclosure_id,
                                              const char      *sha256)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), FALSE);

  return civic_outbox_has_file (civic_sync_engine_get_outbox (self), disclosure_id, sha256);
}
