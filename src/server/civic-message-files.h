/* civic-message-files.h — the files citizens send with their messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-actor.h"
#include "civic-attachment-blobs.h"
#include "civic-message.h"
#include "civic-query.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* What a citizen may send with one message through the public side or
 * the mailbox: a few photos or scans, not an archive */
#define CIVIC_MESSAGE_PUBLIC_MAX_FILES 5
#define CIVIC_MESSAGE_PUBLIC_MAX_FILES_SIZE (10 * 1024 * 1024)
/* The request that carries them: the files in base64, and the text */
#define CIVIC_MESSAGE_PUBLIC_MAX_BODY (CIVIC_MESSAGE_PUBLIC_MAX_FILES_SIZE / 3 * 4 + 1024 * 1024)

void      civic_message_files_name_types  (GPtrArray         *files);
gboolean  civic_message_files_check_all   (GPtrArray         *files,
                                           GError           **error);
JsonNode *civic_message_files_keep_all    (CivicDb           *db,
                                           const char        *message_id,
                                           GPtrArray         *files,
                                           const char        *uploaded_by,
                                           GDateTime         *now,
                                           GError           **error);
gboolean  civic_message_files_check_opener (CivicDb          *db,
                                           const CivicActor  *actor,
                                           const char        *message_id,
                                           GError           **error);
gboolean  civic_message_files_forget      (CivicDb           *db,
                                           const char        *message_id,
                                           GError           **error);
char     *civic_message_files_upload      (CivicDb           *db,
                                           const CivicActor  *actor,
                                           const char        *message_id,
                                           const char        *name,
                                           const char        *media_type,
                                           GBytes            *content,
                                           GDateTime         *now,
                                           const char        *address,
                                           GError           **error);
gboolean  civic_message_files_take        (CivicDb           *db,
                                           CivicMessage      *message,
                                           GError           **error);
GBytes   *civic_message_files_read        (CivicDb           *db,
                                           const CivicActor  *actor,
                                           const char        *message_id,
                                           const char        *sha256,
                                           GDateTime         *now,
                                           const char        *address,
                                           char             **name,
                                           char             **media_type,
                                           GError           **error);

G_END_DECLS
