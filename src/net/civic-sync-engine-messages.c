/* civic-sync-engine-messages.c — the sync engine's front door for citizens' messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sync-engine"

#include "config.h"

#include "civic-message-kind.h"
#include "civic-sync-engine.h"

/* What the Messages section calls, in the message's own types: the
 * engine's actions on a record of any kind (civic-sync-engine.c), for the
 * message's kind. The feed carries each message with its citizen masked,
 * so the offline copy never holds a citizen's name or numbers whole. */

/**
 * civic_sync_engine_list_messages:
 *
 * Returns: (transfer full) (element-type CivicMessage): the messages the
 * official sees — their department's, those it handed on, and for the
 * hall's dispatch every one — those registered offline included
 */
GPtrArray *
civic_sync_engine_list_messages (CivicSyncEngine  *self,
                                 GError          **error)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);

  return civic_cache_load_records (civic_sync_engine_get_cache (self), &civic_message_kind,
                                   error);
}

/**
 * civic_sync_engine_load_message:
 *
 * Returns: (transfer full) (nullable): the message as the official sees
 * it, their own version while commands wait to be sent
 */
CivicMessage *
civic_sync_engine_load_message (CivicSyncEngine  *self,
                                const char       *message_id,
                                GError          **error)
{
  GObject *record;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (message_id != NULL, NULL);

  record = civic_cache_load_record (civic_sync_engine_get_cache (self), &civic_message_kind,
                                    message_id, error);
  return record != NULL ? CIVIC_MESSAGE (record) : NULL;
}

/**
 * civic_sync_engine_perform_message:
 * @args: (nullable): the action's arguments
 *
 * Takes an official's action on a message: at once in the offline copy,
 * tentatively until the service takes it. register-message on a new id
 * makes the message there, so that one taken on the phone while the
 * network is down is born in the outbox.
 *
 * Returns: (transfer full) (nullable): the command's id
 */
char *
civic_sync_engine_perform_message (CivicSyncEngine     *self,
                                   const char          *message_id,
                                   CivicMessageAction   action,
                                   JsonObject          *args,
                                   GError             **error)
{
  return civic_sync_engine_perform_action (self, &civic_message_kind, message_id, action, args,
                                           error);
}
