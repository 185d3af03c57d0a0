/* civic-message-files.c — the files citizens send with their messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message-files"

#include "config.h"

#include "civic-i18n.h"

#include "civic-attachment.h"
#include "civic-attachment-blobs.h"
#include "civic-audit.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-message-files.h"
#include "civic-message-records.h"
#include "civic-server-db.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A message's files are the citizen's words in another form — a photo of
 * the pothole, a scanned letter, a mail's attachment — and as personal:
 * their bytes are sealed in attachment_blob with every other file, and
 * message_upload says which message each was received for, with the
 * type and size the service saw. A command names a file by its sha256;
 * the service takes it only for a file received for that message, so
 * knowing a hash is not enough to attach another's photo.
 *
 * The public side never serves one: officials open them
 * (GET /api/v1/messages/{id}/attachments/{sha256}), each opening
 * audited, and only those who see the message — never the department
 * or the official a report accuses. */

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, CIVIC_FILE_ERROR, code, message);
  return FALSE;
}

static char *
format_utc (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (instant);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * civic_message_files_name_types:
 * @files: (element-type CivicFormFile): what a citizen sent
 *
 * Gives each file the type it is taken as: a browser or a mail program
 * may call a JPEG "image/jpg", or anything "application/octet-stream";
 * then the name says. A type that is none of those taken stays, to be
 * refused with its name.
 */
void
civic_message_files_name_types (GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    {
      CivicFormFile *file = g_ptr_array_index (files, i);
      const char *type = civic_attachment_media_type_for (file->media_type, file->name);

      if (type == NULL)
        type = civic_attachment_media_type_of_name (file->name);
      if (type != NULL && g_strcmp0 (type, file->media_type) != 0)
        {
          g_free (file->media_type);
          file->media_type = g_strdup (type);
        }
      /* Kept under a name its type's: "照片" a JPEG becomes "照片.jpg", and
       * "x.html" sent as a PNG "x.html.png" */
      if (civic_attachment_media_type_is_attachable (file->media_type))
        {
          char *named = civic_attachment_name_for_type (file->name, file->media_type);

          g_free (file->name);
          file->name = named;
        }
    }
}

/**
 * civic_message_files_check_all:
 * @files: (element-type CivicFormFile): what a citizen sent
 *
 * Whether the public side or the mailbox takes these files with one
 * message: each a file a message takes, at most five, 10 MiB in all.
 */
gboolean
civic_message_files_check_all (GPtrArray  *files,
                               GError    **error)
{
  gsize total = 0;

  if (files->len > CIVIC_MESSAGE_PUBLIC_MAX_FILES)
    return fail (error, CIVIC_FILE_ERROR_INVALID,
                 _("A message comes with at most 5 files"));
  for (guint i = 0; i < files->len; i++)
    {
      CivicFormFile *file = g_ptr_array_index (files, i);

      if (!civic_attachment_blobs_check (file->name, file->media_type,
                                      g_bytes_get_size (file->content), error))
        return FALSE;
      total += g_bytes_get_size (file->content);
    }
  if (total > CIVIC_MESSAGE_PUBLIC_MAX_FILES_SIZE)
    return fail (error, CIVIC_FILE_ERROR_INVALID,
                 _("A message’s files come to at most 10 MiB in all"));
  return TRUE;
}

/* The bytes, once, and that they were received for @message_id: in the
 * caller's transaction */
static gboolean
keep (CivicDb      *db,
      const char   *message_id,
      const char   *sha256,
      const char   *media_type,
      GBytes       *content,
      const char   *uploaded_by,
      const char   *at,
      GError      **error)
{
  CivicDbStmt *stmt;

  if (!civic_attachment_blobs_put (db, sha256, content, at, error))
    return FALSE;
  stmt = civic_db_prepare (db, "INSERT INTO message_upload (message_id, sha256, media_type, "
                               "  size, uploaded_by, uploaded_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                               "ON CONFLICT (message_id, sha256) DO UPDATE SET "
                               "  media_type = excluded.media_type", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, message_id);
  civic_db_bind_text (stmt, 2, sha256);
  civic_db_bind_text (stmt, 3, media_type);
  civic_db_bind_int64 (stmt, 4, g_bytes_get_size (content));
  civic_db_bind_text (stmt, 5, uploaded_by);
  civic_db_bind_text (stmt, 6, at);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_message_files_keep_all:
 * @message_id: the message about to be registered with them
 * @files: (element-type CivicFormFile): checked by
 *   civic_message_files_check_all()
 * @uploaded_by: the channel's account ("public", "mail")
 *
 * Keeps what a citizen sent before the message is registered, in its
 * own transaction: a message refused leaves them unattached, and a hash
 * known is not enough to attach them to another.
 *
 * Returns: (transfer full): register-message's "attachments", `[{sha256,
 * name}]`, or %NULL and an error
 */
JsonNode *
civic_message_files_keep_all (CivicDb      *db,
                              const char   *message_id,
                              GPtrArray    *files,
                              const char   *uploaded_by,
                              GDateTime    *now,
                              GError      **error)
{
  g_autofree char *at = format_utc (now);
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  if (!civic_db_begin (db, error))
    return NULL;
  for (guint i = 0; i < files->len; i++)
    {
      CivicFormFile *file = g_ptr_array_index (files, i);
      g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, file->content);
      JsonObject *item;
      gboolean seen = FALSE;

      /* The same photo twice is one file */
      for (guint j = 0; j < json_array_get_length (array) && !seen; j++)
        seen = g_str_equal (json_object_get_string_member (json_array_get_object_element (array,
                                                                                          j),
                                                           "sha256"),
                            sha256);
      if (seen)
        continue;
      if (!keep (db, message_id, sha256, file->media_type, file->content, uploaded_by, at, error))
        {
          civic_db_rollback (db);
          return NULL;
        }
      item = json_object_new ();
      json_object_set_string_member (item, "sha256", sha256);
      json_object_set_string_member (item, "name", file->name);
      json_array_add_object_element (array, item);
    }
  if (!civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      return NULL;
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  return node;
}

/**
 * civic_message_files_forget:
 *
 * Forgets what was received for a message that was then refused: its
 * uploads, and the bytes no other record holds.
 */
gboolean
civic_message_files_forget (CivicDb      *db,
                            const char   *message_id,
                            GError      **error)
{
  CivicDbStmt *stmt;

  if (!civic_db_begin (db, error))
    return FALSE;
  stmt = civic_db_prepare (db, "DELETE FROM attachment_blob WHERE id IN "
                               "  (SELECT sha256 FROM message_upload WHERE message_id = ?1) "
                               "AND id NOT IN (SELECT sha256 FROM message_upload "
                               "  WHERE message_id <> ?1) "
                               "AND id NOT IN (SELECT sha256 FROM disclosure_upload)", error);
  if (stmt == NULL)
    goto fail;
  civic_db_bind_text (stmt, 1, message_id);
  if (!civic_db_run (db, stmt, error))
    goto fail;
  stmt = civic_db_prepare (db, "DELETE FROM message_upload WHERE message_id = ?", error);
  if (stmt == NULL)
    goto fail;
  civic_db_bind_text (stmt, 1, message_id);
  if (!civic_db_run (db, stmt, error) || !civic_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  civic_db_rollback (db);
  return FALSE;
}

/* The message an official adds a file to, or opens one of: one they see */
static CivicMessage *
load_seen (CivicDb           *db,
           const CivicActor  *actor,
           const char        *message_id,
           GError           **error)
{
  g_autoptr(CivicMessage) message = NULL;
  gboolean sees = FALSE;

  if (!civic_server_db_actor_sees (db, actor, CIVIC_ENTITY_MESSAGE, message_id, &sees, error))
    return NULL;
  if (sees)
    {
      g_autoptr(GError) local = NULL;

      message = civic_message_records_load (db, message_id, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  if (message == NULL)
    fail (error, CIVIC_FILE_ERROR_NOT_FOUND, _("There is no such message"));
  return g_steal_pointer (&message);
}

/**
 * civic_message_files_check_opener:
 *
 * Whether @actor may open what a message holds of its citizen whole —
 * its files, its written replies: the department that has it (its
 * message staff and head) and the hall's dispatchers. Others who see
 * the message masked, a supervisor or a department it passed through,
 * are refused (%CIVIC_FILE_ERROR_FORBIDDEN); those who do not
 * see it are told it is not there.
 */
gboolean
civic_message_files_check_opener (CivicDb           *db,
                                  const CivicActor  *actor,
                                  const char        *message_id,
                                  GError           **error)
{
  g_autoptr(CivicMessage) message = load_seen (db, actor, message_id, error);

  if (message == NULL)
    return FALSE;
  if (civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER))
    return TRUE;
  if (civic_actor_has_role (actor, CIVIC_ROLES_MESSAGES | CIVIC_ROLE_APPROVER) &&
      actor->department_id != NULL &&
      g_strcmp0 (actor->department_id, civic_message_get_department_id (message)) == 0)
    return TRUE;
  return fail (error, CIVIC_FILE_ERROR_FORBIDDEN,
               _("Only the department that has the message, and the hall, open what its "
                 "citizen sent or was sent"));
}

/**
 * civic_message_files_upload:
 *
 * Keeps @content for @message_id as an official sent it — a letter
 * scanned, a file the citizen handed in later — which
 * attach-message-file then adds to the message.
 *
 * Returns: (transfer full): the answer, `{sha256, name, media_type,
 * size}`, or %NULL and an error of %CIVIC_FILE_ERROR (refused)
 * or another (internal)
 */
char *
civic_message_files_upload (CivicDb           *db,
                            const CivicActor  *actor,
                            const char        *message_id,
                            const char        *name,
                            const char        *media_type,
                            GBytes            *content,
                            GDateTime         *now,
                            const char        *address,
                            GError           **error)
{
  g_autoptr(CivicMessage) message = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *at = format_utc (now);
  g_autoptr(GString) answer = NULL;
  g_autoptr(GString) detail = NULL;
  gsize size = g_bytes_get_size (content);

  if (!civic_actor_has_role (actor, CIVIC_ROLE_COMPLAINT_HANDLER | CIVIC_ROLE_DISPATCHER))
    {
      fail (error, CIVIC_FILE_ERROR_FORBIDDEN,
            _("Files are added by the department’s complaint handlers and the hall’s "
              "dispatchers"));
      return NULL;
    }
  if (!civic_attachment_blobs_check (name, media_type, size, error))
    return NULL;
  message = load_seen (db, actor, message_id, error);
  if (message == NULL)
    return NULL;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  detail = g_string_new ("{\"sha256\":");
  civic_json_append_string (detail, sha256);
  g_string_append (detail, ",\"media_type\":");
  civic_json_append_string (detail, media_type);
  g_string_append_printf (detail, ",\"size\":%" G_GSIZE_FORMAT "}", size);
  if (!civic_db_begin (db, error))
    return NULL;
  /* The name is the official's words for the file: the audit keeps the
   * hash, the type and the size */
  if (!keep (db, message_id, sha256, media_type, content, actor->id, at, error) ||
      !civic_audit_append (db, now, actor->id, "upload-message-file", message_id, detail->str,
                           address, error) ||
      !civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      return NULL;
    }

  answer = g_string_new ("{\"sha256\":");
  civic_json_append_string (answer, sha256);
  g_string_append (answer, ",\"name\":");
  civic_json_append_string (answer, name);
  g_string_append (answer, ",\"media_type\":");
  civic_json_append_string (answer, media_type);
  g_string_append_printf (answer, ",\"size\":%" G_GSIZE_FORMAT "}", size);
  return g_string_free (g_steal_pointer (&answer), FALSE);
}

/**
 * civic_message_files_take:
 *
 * The service's half of register-message and attach-message-file, in
 * the command's transaction: each file the message names must have been
 * received for it; its type and size are what was received, whatever a
 * command said.
 */
gboolean
civic_message_files_take (CivicDb       *db,
                          CivicMessage  *message,
                          GError       **error)
{
  GPtrArray *attachments = civic_message_get_attachments (message);
  CivicDbStmt *stmt;

  for (guint i = 0; i < attachments->len; i++)
    {
      CivicMessageAttachment *attachment = g_ptr_array_index (attachments, i);
      gboolean row;

      stmt = civic_db_prepare (db, "SELECT media_type, size FROM message_upload "
                                   "WHERE message_id = ? AND sha256 = ?", error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, civic_message_get_id (message));
      civic_db_bind_text (stmt, 2, attachment->sha256);
      if (!civic_db_step (db, stmt, &row, error))
        return FALSE;
      if (row)
        {
          char *named;

          g_free (attachment->media_type);
          attachment->media_type = g_strdup (civic_db_column_text (stmt, 0));
          attachment->size = civic_db_column_int64 (stmt, 1);
          named = civic_attachment_name_for_type (attachment->name, attachment->media_type);
          g_free (attachment->name);
          attachment->name = named;
        }
      civic_db_reset (stmt);
      if (!row)
        {
          g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE,
                               _("No file with this sha256 was received for this message; "
                                 "upload it first"));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * civic_message_files_read:
 * @name: (out): the file's name, as the message gives it
 * @media_type: (out): its type, as received
 *
 * The bytes of one of a message's files, for an official who sees the
 * message; the opening is audited, as a reveal of the citizen's data is.
 *
 * Returns: (transfer full): the bytes, or %NULL and an error
 */
GBytes *
civic_message_files_read (CivicDb           *db,
                          const CivicActor  *actor,
                          const char        *message_id,
                          const char        *sha256,
                          GDateTime         *now,
                          const char        *address,
                          char             **name,
                          char             **media_type,
                          GError           **error)
{
  g_autoptr(CivicMessage) message = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GString) detail = NULL;
  const CivicMessageAttachment *attachment;

  if (!civic_message_files_check_opener (db, actor, message_id, error))
    return NULL;
  message = load_seen (db, actor, message_id, error);
  if (message == NULL)
    return NULL;
  attachment = civic_message_find_attachment (message, sha256);
  if (attachment == NULL)
    {
      fail (error, CIVIC_FILE_ERROR_NOT_FOUND, _("The message has no such file"));
      return NULL;
    }
  content = civic_attachment_blobs_get (db, sha256, error);
  if (content == NULL)
    return NULL;

  detail = g_string_new ("{\"sha256\":");
  civic_json_append_string (detail, sha256);
  g_string_append_c (detail, '}');
  if (!civic_db_begin (db, error))
    return NULL;
  if (!civic_audit_append (db, now, actor->id, "read-message-file", message_id, detail->str,
                           address, error) ||
      !civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      return NULL;
    }
  *name = g_strdup (attachment->name);
  *media_type = g_strdup (attachment->media_type);
  return g_steal_pointer (&content);
}
