/* civic-disclosure-attachments.c — the files of disclosures, kept by their sha256
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-attachments"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-attachment-blobs.h"
#include "civic-attachment-text.h"
#include "civic-audit.h"
#include "civic-core-enums.h"
#include "civic-disclosure-attachments.h"
#include "civic-disclosure-gate.h"
#include "civic-disclosure-records.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-keyring.h"
#include "civic-server-db.h"
#include "civic-workflow.h"

/* A file is uploaded first (POST /api/v1/disclosures/{id}/attachments)
 * and then attached by a command, so that the command stays a small JSON
 * text that is replayed, queued offline and audited like any other.
 *
 *   attachment_blob    the bytes, once per sha256 whoever uploads them,
 *                      sealed: a file not yet published may name people
 *   attachment_text    what the child read of them, per type, sealed
 *   disclosure_upload  which disclosure a file was uploaded to: only
 *                      those are attached, so knowing a hash is not
 *                      enough to attach another organ's file
 *   public_attachment, public_attachment_blob
 *                      a published disclosure's files, in clear, written
 *                      only by publication, withdrawal and expiry
 *                      (decision 12): no public route reads the others
 *
 * The text is read once per file and type, at the upload, outside any
 * transaction; the lint runs at the attachment, and again before the
 * disclosure is approved, scheduled or published, with the disclosure's
 * names and its organ's guide as they are then. */

void
civic_public_attachment_free (CivicPublicAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->name);
  g_free (attachment->media_type);
  g_free (attachment->sha256);
  g_clear_pointer (&attachment->content, g_bytes_unref);
  g_free (attachment);
}

static char *
format_utc (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (instant);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
text_id (const char *sha256,
         const char *media_type)
{
  return g_strconcat (sha256, "/", media_type, NULL);
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, CIVIC_FILE_ERROR, code, message);
  return FALSE;
}

/* Whether the blob, and its text for @media_type, are stored already */
static gboolean
stored (CivicDb      *db,
        const char   *sha256,
        const char   *media_type,
        gboolean     *blob,
        gboolean     *text,
        GError      **error)
{
  g_autofree char *id = text_id (sha256, media_type);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT (SELECT count (*) FROM attachment_blob WHERE id = ?1), "
                               "  (SELECT count (*) FROM attachment_text WHERE id = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, sha256);
  civic_db_bind_text (stmt, 2, id);
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  *blob = row && civic_db_column_int (stmt, 0) > 0;
  *text = row && civic_db_column_int (stmt, 1) > 0;
  civic_db_reset (stmt);
  return TRUE;
}

/* The disclosure an upload is for: the actor's organ's, a draft */
static gboolean
check_uploader (CivicDb           *db,
                const CivicActor  *actor,
                const char        *disclosure_id,
                GError           **error)
{
  g_autoptr(CivicDisclosure) disclosure = NULL;
  g_autoptr(GError) local = NULL;

  if (!civic_actor_has_role (actor, CIVIC_ROLES_DISCLOSURE))
    return fail (error, CIVIC_FILE_ERROR_FORBIDDEN,
                 _("Files are attached by the organ’s disclosure staff"));
  disclosure = civic_disclosure_records_load (db, disclosure_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* Another organ's draft and none at all answer alike */
  if (disclosure == NULL ||
      g_strcmp0 (civic_disclosure_get_department_id (disclosure), actor->department_id) != 0)
    return fail (error, CIVIC_FILE_ERROR_NOT_FOUND,
                 _("There is no such disclosure"));
  if (civic_disclosure_get_state (disclosure) != CIVIC_DISCLOSURE_STATE_DRAFT)
    return fail (error, CIVIC_FILE_ERROR_STATE,
                 _("Files are attached to a draft; revise the disclosure first"));
  return TRUE;
}

/**
 * civic_disclosure_attachments_upload:
 *
 * Keeps @content for @disclosure_id: its bytes by their sha256, once;
 * its text, read in a child process unless it was read before; the
 * upload, audited. Waits for the child: call it from a worker thread,
 * outside a transaction.
 *
 * Returns: (transfer full): the answer, `{sha256, name, media_type, size,
 * checked, pages | reason}`, or %NULL and an error of
 * %CIVIC_FILE_ERROR (refused) or another (internal)
 */
char *
civic_disclosure_attachments_upload (CivicDb           *db,
                                     const CivicActor  *actor,
                                     const char        *disclosure_id,
                                     const char        *name,
                                     const char        *media_type,
                                     GBytes            *content,
                                     GDateTime         *now,
                                     const char        *address,
                                     GError           **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *sha256 = NULL;
  g_autofree char *id = NULL;
  g_autofree char *at = format_utc (now);
  g_autoptr(GError) unread = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) answer = NULL;
  g_autoptr(GString) detail = NULL;
  gboolean have_blob = FALSE, have_text = FALSE, checked = FALSE;
  gsize length;
  const guint8 *data = g_bytes_get_data (content, &length);
  CivicDbStmt *stmt;
  gboolean row;

  if (name == NULL || !civic_attachment_name_is_valid (name))
    {
      fail (error, CIVIC_FILE_ERROR_INVALID,
            _("Give the file’s name with ?name=: at most 200 bytes, without “/”, “\\” or "
              "control characters, not starting with a dot"));
      return NULL;
    }
  if (!civic_attachment_media_type_is_attachable (media_type))
    {
      fail (error, CIVIC_FILE_ERROR_MEDIA_TYPE,
            _("Files of this type are not attached: PDF, text, Markdown, CSV, PNG, JPEG, OFD, "
              "Word, Excel, OpenDocument or ZIP"));
      return NULL;
    }
  if (length == 0 || length > CIVIC_ATTACHMENT_MAX_SIZE)
    {
      fail (error, CIVIC_FILE_ERROR_INVALID,
            _("A file is sent as the request’s body, of 1 byte to 20 MiB"));
      return NULL;
    }
  if (keyring == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not loaded"));
      return NULL;
    }
  if (!check_uploader (db, actor, disclosure_id, error))
    return NULL;

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
  id = text_id (sha256, media_type);
  if (!stored (db, sha256, media_type, &have_blob, &have_text, error))
    return NULL;

  /* Read before the transaction: the child takes seconds, and the
   * database is not held meanwhile */
  if (!have_text)
    {
      pages = civic_attachment_text_read (content, media_type, &unread);
      if (pages == NULL)
        g_message ("%s (%s) left unchecked: %s", sha256, media_type, unread->message);
    }

  if (!civic_db_begin (db, error))
    return NULL;

  if (!have_blob && !civic_attachment_blobs_put (db, sha256, content, at, error))
    goto fail;
  if (!have_text)
    {
      g_autofree char *json = pages != NULL
                              ? civic_attachment_text_pages_to_json ((const char * const *) pages)
                              : g_strdup ("");
      g_autofree char *sealed = civic_keyring_seal (keyring, json);

      stmt = civic_db_prepare (db, "INSERT INTO attachment_text (id, checked, reason, sealed) "
                                   "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        goto fail;
      civic_db_bind_text (stmt, 1, id);
      civic_db_bind_int (stmt, 2, pages != NULL);
      civic_db_bind_text (stmt, 3, unread != NULL ? unread->message : NULL);
      civic_db_bind_text (stmt, 4, sealed);
      if (!civic_db_run (db, stmt, error))
        goto fail;
    }

  stmt = civic_db_prepare (db, "INSERT INTO disclosure_upload (disclosure_id, sha256, "
                               "  media_type, size, uploaded_by, uploaded_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                               "ON CONFLICT (disclosure_id, sha256) DO UPDATE SET "
                               "  media_type = excluded.media_type", error);
  if (stmt == NULL)
    goto fail;
  civic_db_bind_text (stmt, 1, disclosure_id);
  civic_db_bind_text (stmt, 2, sha256);
  civic_db_bind_text (stmt, 3, media_type);
  civic_db_bind_int64 (stmt, 4, length);
  civic_db_bind_text (stmt, 5, actor->id);
  civic_db_bind_text (stmt, 6, at);
  if (!civic_db_run (db, stmt, error))
    goto fail;

  /* What the text reader made of it, as stored (now or before) */
  stmt = civic_db_prepare (db, "SELECT checked, reason FROM attachment_text WHERE id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  civic_db_bind_text (stmt, 1, id);
  if (!civic_db_step (db, stmt, &row, error))
    goto fail;
  answer = g_string_new ("{\"sha256\":");
  civic_json_append_string (answer, sha256);
  g_string_append (answer, ",\"name\":");
  civic_json_append_string (answer, name);
  g_string_append (answer, ",\"media_type\":");
  civic_json_append_string (answer, media_type);
  g_string_append_printf (answer, ",\"size\":%" G_GSIZE_FORMAT, length);
  checked = row && civic_db_column_int (stmt, 0) != 0;
  g_string_append_printf (answer, ",\"checked\":%s", checked ? "true" : "false");
  if (pages != NULL)
    g_string_append_printf (answer, ",\"pages\":%u", g_strv_length (pages));
  if (!checked && row && civic_db_column_text (stmt, 1) != NULL)
    {
      g_string_append (answer, ",\"reason\":");
      civic_json_append_string (answer, civic_db_column_text (stmt, 1));
    }
  g_string_append_c (answer, '}');
  civic_db_reset (stmt);

  /* The name is the uploader's words for the file and may name a person:
   * the audit keeps the hash, the type and the size */
  detail = g_string_new ("{\"sha256\":");
  civic_json_append_string (detail, sha256);
  g_string_append (detail, ",\"media_type\":");
  civic_json_append_string (detail, media_type);
  g_string_append_printf (detail, ",\"size\":%" G_GSIZE_FORMAT ",\"checked\":%s}", length,
                          checked ? "true" : "false");
  if (!civic_audit_append (db, now, actor->id, "upload-disclosure-file", disclosure_id,
                           detail->str, address, error) ||
      !civic_db_commit (db, error))
    goto fail;

  return g_string_free (g_steal_pointer (&answer), FALSE);

fail:
  civic_db_rollback (db);
  return NULL;
}

/* The pages read of a file of @media_type, unsealed; %NULL without error
 * when it has none to read */
static GStrv
load_pages (CivicDb      *db,
            const char   *sha256,
            const char   *media_type,
            GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *id = text_id (sha256, media_type);
  g_autofree char *sealed = NULL;
  g_autofree char *json = NULL;
  CivicDbStmt *stmt;
  gboolean row, checked = FALSE;

  stmt = civic_db_prepare (db, "SELECT checked, sealed FROM attachment_text WHERE id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    {
      checked = civic_db_column_int (stmt, 0) != 0;
      sealed = g_strdup (civic_db_column_text (stmt, 1));
    }
  civic_db_reset (stmt);
  if (!checked || sealed == NULL)
    return NULL;

  json = civic_keyring_unseal (keyring, sealed, error);
  if (json == NULL)
    return NULL;
  return civic_attachment_text_pages_from_json (json, strlen (json), error);
}

/**
 * civic_disclosure_attachments_attach:
 *
 * The service's half of attach-disclosure-file, in the command's
 * transaction: the file must have been uploaded to this disclosure; its
 * type and size are the upload's, whatever the client said; its text is
 * linted, or it stays unchecked.
 */
gboolean
civic_disclosure_attachments_attach (CivicDb                     *db,
                                     CivicDisclosure             *disclosure,
                                     const char                  *sha256,
                                     const CivicDisclosurePolicy *policy,
                                     GError                     **error)
{
  GPtrArray *attachments = civic_disclosure_get_attachments (disclosure);
  CivicDisclosureAttachment *attachment = NULL;
  g_autofree char *media_type = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GError) local = NULL;
  gint64 size = 0;
  CivicDbStmt *stmt;
  gboolean row;

  for (guint i = 0; i < attachments->len && attachment == NULL; i++)
    if (g_strcmp0 (((CivicDisclosureAttachment *) g_ptr_array_index (attachments, i))->sha256,
                   sha256) == 0)
      attachment = g_ptr_array_index (attachments, i);
  g_return_val_if_fail (attachment != NULL, FALSE);

  stmt = civic_db_prepare (db, "SELECT media_type, size FROM disclosure_upload "
                               "WHERE disclosure_id = ? AND sha256 = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_disclosure_get_id (disclosure));
  civic_db_bind_text (stmt, 2, sha256);
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  if (row)
    {
      media_type = g_strdup (civic_db_column_text (stmt, 0));
      size = civic_db_column_int64 (stmt, 1);
    }
  civic_db_reset (stmt);
  if (media_type == NULL)
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE,
                           _("No file with this sha256 was uploaded to this disclosure; upload "
                             "it first"));
      return FALSE;
    }

  g_free (attachment->media_type);
  attachment->media_type = g_steal_pointer (&media_type);
  attachment->size = size;

  pages = load_pages (db, sha256, attachment->media_type, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  civic_disclosure_check_attachment (disclosure, sha256, (const char * const *) pages, policy);
  return TRUE;
}

/**
 * civic_disclosure_attachments_relint:
 *
 * Lints every attachment's text again, with the disclosure's names and
 * the organ's guide as they are now: before the gate is asked
 */
gboolean
civic_disclosure_attachments_relint (CivicDb                     *db,
                                     CivicDisclosure             *disclosure,
                                     const CivicDisclosurePolicy *policy,
                                     GError                     **error)
{
  GPtrArray *attachments = civic_disclosure_get_attachments (disclosure);

  for (guint i = 0; i < attachments->len; i++)
    {
      const CivicDisclosureAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autofree char *sha256 = g_strdup (attachment->sha256);
      g_autoptr(GError) local = NULL;
      g_auto(GStrv) pages = load_pages (db, attachment->sha256, attachment->media_type, &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      civic_disclosure_check_attachment (disclosure, sha256, (const char * const *) pages,
                                         policy);
    }
  return TRUE;
}

/**
 * civic_disclosure_attachments_publish:
 * @shown: whether the public sees the disclosure's files (published or
 *   expired), or not (withdrawn)
 *
 * Makes the public tables hold the published version's files, in the
 * caller's transaction; a file no published disclosure holds any more
 * leaves them.
 */
gboolean
civic_disclosure_attachments_publish (CivicDb          *db,
                                      CivicDisclosure  *disclosure,
                                      gboolean          shown,
                                      GError          **error)
{
  GPtrArray *attachments = civic_disclosure_get_attachments (disclosure);
  const char *id = civic_disclosure_get_id (disclosure);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "DELETE FROM public_attachment WHERE disclosure_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  for (guint i = 0; shown && i < attachments->len; i++)
    {
      const CivicDisclosureAttachment *attachment = g_ptr_array_index (attachments, i);
      gboolean row;

      stmt = civic_db_prepare (db, "INSERT INTO public_attachment (disclosure_id, n, name, "
                                   "  media_type, size, sha256) VALUES (?, ?, ?, ?, ?, ?)",
                               error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, id);
      civic_db_bind_int (stmt, 2, i + 1);
      civic_db_bind_text (stmt, 3, attachment->name);
      civic_db_bind_text (stmt, 4, attachment->media_type);
      civic_db_bind_int64 (stmt, 5, attachment->size);
      civic_db_bind_text (stmt, 6, attachment->sha256);
      if (!civic_db_run (db, stmt, error))
        return FALSE;

      stmt = civic_db_prepare (db, "SELECT 1 FROM public_attachment_blob WHERE sha256 = ?",
                               error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, attachment->sha256);
      if (!civic_db_step (db, stmt, &row, error))
        return FALSE;
      civic_db_reset (stmt);
      if (!row)
        {
          g_autoptr(GBytes) content = civic_attachment_blobs_get (db, attachment->sha256, error);
          gsize length;
          const guint8 *data;

          if (content == NULL)
            return FALSE;
          data = g_bytes_get_data (content, &length);
          stmt = civic_db_prepare (db, "INSERT INTO public_attachment_blob (sha256, content) "
                                       "VALUES (?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          civic_db_bind_text (stmt, 1, attachment->sha256);
          civic_db_bind_blob (stmt, 2, data, length);
          if (!civic_db_run (db, stmt, error))
            return FALSE;
        }
    }

  /* A withdrawn file is not kept where the public side reads */
  return civic_db_exec (db, "DELETE FROM public_attachment_blob WHERE sha256 NOT IN "
                            "(SELECT sha256 FROM public_attachment)", error);
}

/**
 * civic_disclosure_attachments_get_public:
 * @n: from 1, in the order of the published disclosure's files
 *
 * Returns: (transfer full) (nullable): the file, or %NULL without error
 * when there is none for the public
 */
CivicPublicAttachment *
civic_disclosure_attachments_get_public (CivicDb      *db,
                                         const char   *disclosure_id,
                                         guint         n,
                                         GError      **error)
{
  CivicPublicAttachment *attachment = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT a.name, a.media_type, a.sha256, b.content "
                               "FROM public_attachment a "
                               "JOIN public_disclosure d ON d.id = a.disclosure_id "
                               "  AND d.state != 'withdrawn' "
                               "JOIN public_attachment_blob b ON b.sha256 = a.sha256 "
                               "WHERE a.disclosure_id = ? AND a.n = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, disclosure_id);
  civic_db_bind_int (stmt, 2, n);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    {
      attachment = g_new0 (CivicPublicAttachment, 1);
      attachment->name = g_strdup (civic_db_column_text (stmt, 0));
      attachment->media_type = g_strdup (civic_db_column_text (stmt, 1));
      attachment->sha256 = g_strdup (civic_db_column_text (stmt, 2));
      attachment->content = g_bytes_new (civic_db_column_blob (stmt, 3),
                                         civic_db_column_bytes (stmt, 3));
    }
  civic_db_reset (stmt);
  return attachment;
}
