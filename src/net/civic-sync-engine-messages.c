/* civic-sync-engine-messages.c — the sync engine's front door for citizens' messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sync-engine"

#include "config.h"

#include "civic-message-kind.h"
#include "civic-outbox.h"
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

/**
 * civic_sync_engine_attach_message_file:
 * @name: the file's name, as officials will see it
 * @media_type: an attachable type (civic_attachment_media_type_for())
 * @content: the file
 *
 * Adds a file to a message — a letter scanned at the window, a photo the
 * citizen brought — offline as online: the bytes wait in the outbox with
 * the attach-message-file command that carries them.
 *
 * Returns: (transfer full) (nullable): the command's id
 */
char *
civic_sync_engine_attach_message_file (CivicSyncEngine  *self,
                                       const char       *message_id,
                                       const char       *name,
                                       const char       *media_type,
                                       GBytes           *content,
                                       GError          **error)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);

  return civic_sync_engine_attach_file (self, &civic_message_kind, "messages", message_id,
                                        CIVIC_MESSAGE_ACTION_ATTACH_FILE, name, media_type,
                                        content, error);
}

/**
 * civic_sync_engine_message_file_is_waiting:
 *
 * Whether a file added to a message is still on this computer only,
 * waiting to go up with its command.
 */
gboolean
civic_sync_engine_message_file_is_waiting (CivicSyncEngine *self,
                                           const char      *message_id,
                                           const char      *sha256)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), FALSE);

  return civic_outbox_has_file (civic_sync_engine_get_outbox (self), message_id, sha256);
}
