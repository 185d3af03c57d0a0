/* civic-attachment-blobs.c — the bytes of every attached file, sealed, once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-attachment-blobs"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "civic-attachment.h"
#include "civic-attachment-blobs.h"
#include "civic-i18n.h"
#include "civic-keyring.h"
#include "civic-server-db.h"

/* attachment_blob holds a file's bytes by their sha256, whoever sent
 * them and for whatever record — a disclosure's draft, a citizen's
 * message — sealed with the service's key: a file may name people.
 * Which record may use which file is the record's own table's to say
 * (disclosure_upload, message_upload): knowing a hash is not enough. */

G_DEFINE_QUARK (civic-file-error-quark, civic_file_error)

/**
 * civic_attachment_blobs_has:
 *
 * Whether the bytes of @sha256 are kept already.
 */
gboolean
civic_attachment_blobs_has (CivicDb      *db,
                            const char   *sha256,
                            gboolean     *has,
                            GError      **error)
{
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT 1 FROM attachment_blob WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, sha256);
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  civic_db_reset (stmt);
  *has = row;
  return TRUE;
}

/**
 * civic_attachment_blobs_put:
 * @at: when, as the service writes instants
 *
 * Keeps @content as the bytes of @sha256, unless they are kept already.
 */
gboolean
civic_attachment_blobs_put (CivicDb      *db,
                            const char   *sha256,
                            GBytes       *content,
                            const char   *at,
                            GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *encoded = NULL;
  g_autofree char *sealed = NULL;
  CivicDbStmt *stmt;
  gsize length;
  const guint8 *data = g_bytes_get_data (content, &length);

  if (keyring == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not loaded"));
      return FALSE;
    }
  encoded = g_base64_encode (data, length);
  sealed = civic_keyring_seal (keyring, encoded);
  sodium_memzero (encoded, strlen (encoded));

  stmt = civic_db_prepare (db, "INSERT INTO attachment_blob (id, size, sealed, created_at) "
                               "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, sha256);
  civic_db_bind_int64 (stmt, 2, length);
  civic_db_bind_text (stmt, 3, sealed);
  civic_db_bind_text (stmt, 4, at);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_attachment_blobs_get:
 *
 * Returns: (transfer full): the bytes of @sha256, unsealed, or %NULL and
 * an error (%G_IO_ERROR_NOT_FOUND when they are not kept)
 */
GBytes *
civic_attachment_blobs_get (CivicDb      *db,
                            const char   *sha256,
                            GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *sealed = NULL;
  g_autofree char *encoded = NULL;
  CivicDbStmt *stmt;
  gboolean row;
  gsize length = 0;
  guchar *data;

  stmt = civic_db_prepare (db, "SELECT sealed FROM attachment_blob WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, sha256);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    sealed = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  if (sealed == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "attachment %s is not stored",
                   sha256);
      return NULL;
    }
  if (keyring == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not loaded"));
      return NULL;
    }
  encoded = civic_keyring_unseal (keyring, sealed, error);
  if (encoded == NULL)
    return NULL;
  data = g_base64_decode (encoded, &length);
  sodium_memzero (encoded, strlen (encoded));
  return g_bytes_new_take (data, length);
}

/**
 * civic_attachment_content_disposition:
 *
 * How a file is received: a PDF shown in the browser, anything
 * else downloaded, under its own name in UTF-8 (RFC 6266, RFC 5987's
 * filename*) and an ASCII one for the clients that know no other
 *
 * Returns: (transfer full): the header's value
 */
char *
civic_attachment_content_disposition (const char *name,
                                                  const char *media_type)
{
  g_autofree char *encoded = g_uri_escape_string (name, "!#$&+^`|", FALSE);
  g_autoptr(GString) ascii = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x80)
        {
          /* one underscore for each character, not for each byte */
          if ((c & 0xC0) != 0x80)
            g_string_append_c (ascii, '_');
        }
      else if (c < 0x20 || c == 0x7F || c == '"' || c == '\\' || c == '%' || c == ';')
        g_string_append_c (ascii, '_');
      else
        g_string_append_c (ascii, c);
    }
  return g_strdup_printf ("%s; filename=\"%s\"; filename*=UTF-8''%s",
                          g_strcmp0 (media_type, "application/pdf") == 0 ? "inline" : "attachment",
                          ascii->str, encoded);
}

static gboolean
refuse (GError     **error,
        int          code,
        const char  *message)
{
  g_set_error_literal (error, CIVIC_FILE_ERROR, code, message);
  return FALSE;
}

/**
 * civic_attachment_blobs_check:
 *
 * Whether a file of this name, type and size is taken with a record:
 * one of the types taken, of 1 byte to 20 MiB, under a safe name.
 */
gboolean
civic_attachment_blobs_check (const char  *name,
                              const char  *media_type,
                              gsize        size,
                              GError     **error)
{
  if (name == NULL || !civic_attachment_name_is_valid (name))
    return refuse (error, CIVIC_FILE_ERROR_INVALID,
                   _("A file’s name is at most 200 bytes, without “/”, “\\” or control "
                     "characters, and does not start with a dot"));
  if (!civic_attachment_media_type_is_attachable (media_type))
    return refuse (error, CIVIC_FILE_ERROR_MEDIA_TYPE,
                   _("Files of this type are not taken: PDF, text, Markdown, CSV, PNG, JPEG, OFD, "
                     "Word, Excel, OpenDocument or ZIP"));
  if (size == 0 || size > CIVIC_ATTACHMENT_MAX_SIZE)
    return refuse (error, CIVIC_FILE_ERROR_INVALID,
                     _("A file is of 1 byte to 20 MiB"));
  return TRUE;
}

