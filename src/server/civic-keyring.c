/* civic-keyring.c — the service's secrets, kept outside its database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-keyring"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "civic-i18n.h"
#include <glib/gstdio.h>
#include <sodium.h>

#include "civic-keyring.h"

/* Someone who can write the database file must not be able to rewrite
 * the audit log undetected, nor read the personal data in it; so the keys
 * that guard both live in a folder of their own, readable by the
 * service's user only, that the administrator keeps (and backs up) apart
 * from the data — by default `keys/` beside the database, or wherever
 * CIVICDESK_KEYS_DIR says:
 *
 *   audit.key           HMAC-SHA-256 key of the audit chain
 *   signing.key         Ed25519 secret key of the audit checkpoints
 *   personal-N.key      secretbox (XSalsa20-Poly1305) keys of personal data
 *   personal.current    which N seals new data; older keys only open
 *   audit.checkpoint    the newest signed checkpoint of the audit log,
 *                       out of reach of who can only write the database
 *
 * Each key file holds one line of base64. A sealed text reads
 * "v1:N:<base64 of nonce and ciphertext>": the key it needs is named, so
 * a rotation re-seals row by row while the service runs. */

G_DEFINE_QUARK (civic-keyring-error-quark, civic_keyring_error)

#define SEAL_PREFIX "v1:"

struct _CivicKeyring
{
  GObject      parent_instance;

  char        *dir;
  guint8      *audit_key;    /* sodium_malloc'd */
  guint8      *signing_key;  /* sodium_malloc'd; its last 32 bytes are the public key */
  GHashTable  *personal;     /* id → sodium_malloc'd key */
  guint        current;
};

G_DEFINE_FINAL_TYPE (CivicKeyring, civic_keyring, G_TYPE_OBJECT)

static void
civic_keyring_finalize (GObject *object)
{
  CivicKeyring *self = (CivicKeyring *)object;

  g_free (self->dir);
  g_clear_pointer (&self->audit_key, sodium_free);
  g_clear_pointer (&self->signing_key, sodium_free);
  g_clear_pointer (&self->personal, g_hash_table_unref);

  G_OBJECT_CLASS (civic_keyring_parent_class)->finalize (object);
}

static void
civic_keyring_class_init (CivicKeyringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_keyring_finalize;
}

static void
civic_keyring_init (CivicKeyring *self)
{
  self->personal = g_hash_table_new_full (NULL, NULL, NULL, sodium_free);
}

/**
 * civic_keyring_default_dir:
 *
 * Returns: (transfer full): CIVICDESK_KEYS_DIR, or `keys` in @data_dir.
 */
char *
civic_keyring_default_dir (const char *data_dir)
{
  const char *dir = g_getenv ("CIVICDESK_KEYS_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_build_filename (data_dir, "keys", NULL);
}

static gboolean
check_private (const char  *path,
               GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("%s is missing: %s"), path, g_strerror (errno));
      return FALSE;
    }
  if ((st.st_mode & 077) != 0)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_EXPOSED,
                   _("%s can be read by other users; make it readable by the service’s user "
                     "only (chmod %s %s)"), path, S_ISDIR (st.st_mode) ? "700" : "600", path);
      return FALSE;
    }
  return TRUE;
}

/* A key file is made once and never replaced: two rotations at once, or
 * a rotation tried again, must not write a new key over one that already
 * seals data. So it is created exclusively, written, and synced with its
 * folder; EEXIST tells the caller to pick another name. */
static gboolean
write_key (const char    *path,
           const guint8  *key,
           gsize          length,
           GError       **error)
{
  gsize encoded_length = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_ORIGINAL);
  g_autofree char *text = g_malloc (encoded_length + 1);
  g_autofree char *folder = g_path_get_dirname (path);
  gsize written = 0;
  int fd, dir_fd, saved;

  sodium_bin2base64 (text, encoded_length, key, length, sodium_base64_VARIANT_ORIGINAL);
  strcat (text, "\n");

  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    goto failed;
  while (written < strlen (text))
    {
      gssize n = write (fd, text + written, strlen (text) - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      written += n;
    }
  if (written < strlen (text) || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      g_unlink (path);
      errno = saved ? saved : EIO;
      goto failed;
    }
  close (fd);
  sodium_memzero (text, encoded_length + 1);

  dir_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;

failed:
  saved = errno;
  sodium_memzero (text, encoded_length + 1);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               _("Cannot write the key %s: %s"), path, g_strerror (saved));
  return FALSE;
}

/* Reads a key of exactly @length bytes into secure memory. */
static guint8 *
read_key (const char  *path,
          gsize        length,
          GError     **error)
{
  g_autofree char *text = NULL;
  gsize text_length = 0, decoded = 0;
  guint8 *key;

  if (!check_private (path, error) || !g_file_get_contents (path, &text, &text_length, error))
    return NULL;

  key = sodium_malloc (length);
  if (sodium_base642bin (key, length, text, text_length, " \t\r\n", &decoded, NULL,
                         sodium_base64_VARIANT_ORIGINAL) != 0 || decoded != length)
    {
      sodium_free (key);
      sodium_memzero (text, text_length);
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_DAMAGED,
                   _("%s does not hold a key"), path);
      return NULL;
    }
  sodium_memzero (text, text_length);
  return key;
}

static guint8 *
read_or_make_key (const char  *dir,
                  const char  *name,
                  gsize        length,
                  gboolean     create,
                  void       (*make) (guint8 *key),
                  GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  guint8 *key;

  if (create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) local_error = NULL;

      key = sodium_malloc (length);
      make (key);
      if (write_key (path, key, length, &local_error))
        return key;
      sodium_free (key);
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_EXIST))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* made by another process meanwhile: that one it is */
    }

  return read_key (path, length, error);
}

static void
make_secret (guint8 *key)
{
  randombytes_buf (key, 32);
}

static void
make_signing_key (guint8 *key)
{
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];

  crypto_sign_keypair (public_key, key);
}

static char *
personal_name (guint id)
{
  return g_strdup_printf ("personal-%u.key", id);
}

static gboolean
write_current (CivicKeyring  *self,
               guint          id,
               GError       **error)
{
  g_autofree char *path = g_build_filename (self->dir, "personal.current", NULL);
  g_autofree char *text = g_strdup_printf ("%u\n", id);

  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;
  self->current = id;
  return TRUE;
}

static gboolean
load_personal (CivicKeyring  *self,
               gboolean       create,
               GError       **error)
{
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, error);
  g_autofree char *current_path = g_build_filename (self->dir, "personal.current", NULL);
  g_autofree char *current = NULL;
  const char *name;
  guint64 id;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *digits = NULL;
      g_autofree char *path = NULL;
      guint8 *key;

      if (!g_str_has_prefix (name, "personal-") || !g_str_has_suffix (name, ".key"))
        continue;
      digits = g_strndup (name + 9, strlen (name) - 13);
      /* One name per number: "personal-01.key" is not key 1 */
      if (digits[0] == '0' || !g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT, &id, NULL))
        continue;
      path = g_build_filename (self->dir, name, NULL);
      key = read_key (path, crypto_secretbox_KEYBYTES, error);
      if (key == NULL)
        return FALSE;
      g_hash_table_insert (self->personal, GUINT_TO_POINTER ((guint) id), key);
    }

  if (g_hash_table_size (self->personal) == 0 && create)
    return civic_keyring_add_personal_key (self, NULL, error);

  if (!check_private (current_path, error) ||
      !g_file_get_contents (current_path, &current, NULL, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (g_strstrip (current), 10, 1, G_MAXUINT, &id, NULL) ||
      !g_hash_table_contains (self->personal, GUINT_TO_POINTER ((guint) id)))
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_DAMAGED,
                   _("%s names no key of %s"), current_path, self->dir);
      return FALSE;
    }
  self->current = id;
  return TRUE;
}

/**
 * civic_keyring_open:
 * @create: make the folder and any key it lacks (a new service)
 *
 * Refuses a folder or a key file that other users of the machine can
 * read.
 */
CivicKeyring *
civic_keyring_open (const char  *dir,
                    gboolean     create,
                    GError     **error)
{
  g_autoptr(CivicKeyring) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_DAMAGED,
                   _("The cryptography library could not start"));
      return NULL;
    }

  if (create && g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (errno));
      return NULL;
    }
  if (!check_private (dir, &local_error))
    {
      if (g_error_matches (local_error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING))
        g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                     _("The service’s keys are not in %s; restore them from their backup "
                       "(without them the audit log cannot be checked and personal data "
                       "cannot be read)"), dir);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = g_object_new (CIVIC_TYPE_KEYRING, NULL);
  self->dir = g_strdup (dir);
  self->audit_key = read_or_make_key (dir, "audit.key", CIVIC_KEYRING_AUDIT_KEY_BYTES, create,
                                      make_secret, error);
  if (self->audit_key == NULL)
    return NULL;
  self->signing_key = read_or_make_key (dir, "signing.key", crypto_sign_SECRETKEYBYTES, create,
                                        make_signing_key, error);
  if (self->signing_key == NULL || !load_personal (self, create, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * civic_keyring_dup_fingerprint:
 *
 * Returns: (transfer full): a short name of this keyring, which the
 * database keeps so that a service never starts with another's keys.
 */
char *
civic_keyring_dup_fingerprint (CivicKeyring *self)
{
  crypto_generichash_state state;
  guint8 hash[16];
  char text[sizeof hash * 2 + 1];

  g_return_val_if_fail (CIVIC_IS_KEYRING (self), NULL);

  crypto_generichash_init (&state, NULL, 0, sizeof hash);
  crypto_generichash_update (&state, self->audit_key, CIVIC_KEYRING_AUDIT_KEY_BYTES);
  crypto_generichash_update (&state, civic_keyring_get_public_key (self),
                             crypto_sign_PUBLICKEYBYTES);
  crypto_generichash_final (&state, hash, sizeof hash);
  return g_strdup (sodium_bin2hex (text, sizeof text, hash, sizeof hash));
}

const char *
civic_keyring_get_dir (CivicKeyring *self)
{
  g_return_val_if_fail (CIVIC_IS_KEYRING (self), NULL);
  return self->dir;
}

const guint8 *
civic_keyring_get_audit_key (CivicKeyring *self)
{
  g_return_val_if_fail (CIVIC_IS_KEYRING (self), NULL);
  return self->audit_key;
}

const guint8 *
civic_keyring_get_public_key (CivicKeyring *self)
{
  g_return_val_if_fail (CIVIC_IS_KEYRING (self), NULL);

  /* libsodium keeps the public key in the second half of the secret one */
  return self->signing_key + crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES;
}

char *
civic_keyring_dup_public_key_base64 (CivicKeyring *self)
{
  char text[sodium_base64_ENCODED_LEN (crypto_sign_PUBLICKEYBYTES,
                                       sodium_base64_VARIANT_ORIGINAL)];

  g_return_val_if_fail (CIVIC_IS_KEYRING (self), NULL);

  sodium_bin2base64 (text, sizeof text, civic_keyring_get_public_key (self),
                     crypto_sign_PUBLICKEYBYTES, sodium_base64_VARIANT_ORIGINAL);
  return g_strdup (text);
}

/**
 * civic_keyring_sign:
 *
 * An Ed25519 signature of @message (its bytes up to the NUL).
 */
void
civic_keyring_sign (CivicKeyring *self,
                    const char   *message,
                    guint8        signature[CIVIC_KEYRING_SIGNATURE_BYTES])
{
  g_return_if_fail (CIVIC_IS_KEYRING (self));

  crypto_sign_detached (signature, NULL, (const guint8 *) message, strlen (message),
                        self->signing_key);
}

/**
 * civic_keyring_seal:
 *
 * Returns: (transfer full): @plaintext encrypted and authenticated with
 * the current personal-data key, as text that names the key.
 */
char *
civic_keyring_seal (CivicKeyring *self,
                    const char   *plaintext)
{
  const guint8 *key;
  gsize length, sealed_length;
  g_autofree guint8 *sealed = NULL;
  g_autofree char *encoded = NULL;
  gsize encoded_length;

  g_return_val_if_fail (CIVIC_IS_KEYRING (self), NULL);
  g_return_val_if_fail (plaintext != NULL, NULL);

  key = g_hash_table_lookup (self->personal, GUINT_TO_POINTER (self->current));
  length = strlen (plaintext);
  sealed_length = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + length;
  sealed = g_malloc (sealed_length);
  randombytes_buf (sealed, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy (sealed + crypto_secretbox_NONCEBYTES, (const guint8 *) plaintext, length,
                         sealed, key);

  encoded_length = sodium_base64_ENCODED_LEN (sealed_length, sodium_base64_VARIANT_ORIGINAL);
  encoded = g_malloc (encoded_length);
  sodium_bin2base64 (encoded, encoded_length, sealed, sealed_length,
                     sodium_base64_VARIANT_ORIGINAL);
  return g_strdup_printf (SEAL_PREFIX "%u:%s", self->current, encoded);
}

static gboolean
parse_sealed (const char  *sealed,
              guint       *id,
              const char **payload)
{
  const char *colon;
  g_autofree char *digits = NULL;
  guint64 value;

  if (!g_str_has_prefix (sealed, SEAL_PREFIX))
    return FALSE;
  colon = strchr (sealed + strlen (SEAL_PREFIX), ':');
  if (colon == NULL)
    return FALSE;
  digits = g_strndup (sealed + strlen (SEAL_PREFIX), colon - sealed - strlen (SEAL_PREFIX));
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT, &value, NULL))
    return FALSE;
  *id = value;
  *payload = colon + 1;
  return TRUE;
}

/**
 * civic_keyring_unseal:
 *
 * Returns: (transfer full) (nullable): what civic_keyring_seal() sealed,
 * or %NULL when it cannot be opened: a key this keyring lacks, or text
 * that was altered.
 */
char *
civic_keyring_unseal (CivicKeyring  *self,
                      const char    *sealed,
                      GError       **error)
{
  g_autofree guint8 *bytes = NULL;
  const char *payload;
  const guint8 *key;
  gsize length = 0;
  char *plaintext;
  guint id;

  g_return_val_if_fail (CIVIC_IS_KEYRING (self), NULL);
  g_return_val_if_fail (sealed != NULL, NULL);

  if (!parse_sealed (sealed, &id, &payload))
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_TAMPERED,
                   _("The sealed data is not in the service’s form"));
      return NULL;
    }

  key = g_hash_table_lookup (self->personal, GUINT_TO_POINTER (id));
  if (key == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_UNKNOWN_KEY,
                   _("The data was sealed with personal-data key %u, which is not in %s"), id,
                   self->dir);
      return NULL;
    }

  bytes = g_malloc (strlen (payload) + 1);
  if (sodium_base642bin (bytes, strlen (payload) + 1, payload, strlen (payload), NULL, &length,
                         NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_TAMPERED,
                   _("The sealed data is damaged"));
      return NULL;
    }

  plaintext = g_malloc (length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES + 1);
  if (crypto_secretbox_open_easy ((guint8 *) plaintext, bytes + crypto_secretbox_NONCEBYTES,
                                  length - crypto_secretbox_NONCEBYTES, bytes, key) != 0)
    {
      g_free (plaintext);
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_TAMPERED,
                   _("The sealed data was altered, or sealed by another service"));
      return NULL;
    }
  plaintext[length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES] = '\0';
  return plaintext;
}

guint
civic_keyring_get_current_id (CivicKeyring *self)
{
  g_return_val_if_fail (CIVIC_IS_KEYRING (self), 0);
  return self->current;
}

gboolean
civic_keyring_is_current (CivicKeyring *self,
                          const char   *sealed)
{
  const char *payload;
  guint id;

  g_return_val_if_fail (CIVIC_IS_KEYRING (self), FALSE);
  return sealed != NULL && parse_sealed (sealed, &id, &payload) && id == self->current;
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/**
 * civic_keyring_list_ids:
 *
 * Returns: (transfer full) (element-type guint): the personal-data keys,
 * oldest first.
 */
GArray *
civic_keyring_list_ids (CivicKeyring *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CIVIC_IS_KEYRING (self), ids);

  g_hash_table_iter_init (&iter, self->personal);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint id = GPOINTER_TO_UINT (key);

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  return ids;
}

/**
 * civic_keyring_add_personal_key:
 * @new_id: (out) (optional): the new key's number
 *
 * Makes a new personal-data key and seals new data with it from now on;
 * the older keys still open what they sealed.
 */
gboolean
civic_keyring_add_personal_key (CivicKeyring  *self,
                                guint         *new_id,
                                GError       **error)
{
  g_autoptr(GArray) ids = civic_keyring_list_ids (self);
  guint id = ids->len > 0 ? g_array_index (ids, guint, ids->len - 1) + 1 : 1;
  guint8 *key = sodium_malloc (crypto_secretbox_KEYBYTES);

  crypto_secretbox_keygen (key);
  for (;; id++)
    {
      g_autofree char *name = personal_name (id);
      g_autofree char *path = g_build_filename (self->dir, name, NULL);
      g_autoptr(GError) local_error = NULL;

      if (write_key (path, key, crypto_secretbox_KEYBYTES, &local_error))
        break;
      /* Another process made this one meanwhile: the next number */
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_EXIST) || id > 100000)
        {
          sodium_free (key);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  g_hash_table_insert (self->personal, GUINT_TO_POINTER (id), key);
  if (!write_current (self, id, error))
    return FALSE;

  if (new_id != NULL)
    *new_id = id;
  return TRUE;
}

/**
 * civic_keyring_remove_personal_key:
 *
 * Deletes a key that no longer seals anything. The caller checks that no
 * data still needs it; the current key cannot be removed.
 */
gboolean
civic_keyring_remove_personal_key (CivicKeyring  *self,
                                   guint          id,
                                   GError       **error)
{
  g_autofree char *name = personal_name (id);
  g_autofree char *path = g_build_filename (self->dir, name, NULL);

  if (id == self->current || !g_hash_table_contains (self->personal, GUINT_TO_POINTER (id)))
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_UNKNOWN_KEY,
                   id == self->current ? _("Key %u seals new data and cannot be removed")
                                       : _("There is no personal-data key %u"), id);
      return FALSE;
    }

  if (g_unlink (path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("Cannot remove %s: %s"), path, g_strerror (errno));
      return FALSE;
    }
  g_hash_table_remove (self->personal, GUINT_TO_POINTER (id));
  return TRUE;
}

/**
 * civic_keyring_keep_checkpoint:
 *
 * Keeps @seq's signed checkpoint beside the keys, unless the one kept
 * there is newer.
 */
gboolean
civic_keyring_keep_checkpoint (CivicKeyring  *self,
                               gint64         seq,
                               const char    *head,
                               const char    *at,
                               const char    *signature,
                               GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kept_head = NULL;
  g_autofree char *kept_at = NULL;
  g_autofree char *kept_signature = NULL;
  gint64 kept = 0;

  g_return_val_if_fail (CIVIC_IS_KEYRING (self), FALSE);

  if (civic_keyring_get_kept_checkpoint (self, &kept, &kept_head, &kept_at, &kept_signature) &&
      kept >= seq)
    return TRUE;

  path = g_build_filename (self->dir, "audit.checkpoint", NULL);
  text = g_strdup_printf ("%" G_GINT64_FORMAT " %s %s %s\n", seq, head, at, signature);
  return g_file_set_contents_full (path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/**
 * civic_keyring_get_kept_checkpoint:
 *
 * Returns: whether a checkpoint is kept beside the keys.
 */
gboolean
civic_keyring_get_kept_checkpoint (CivicKeyring  *self,
                                   gint64        *seq,
                                   char         **head,
                                   char         **at,
                                   char         **signature)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  g_return_val_if_fail (CIVIC_IS_KEYRING (self), FALSE);

  path = g_build_filename (self->dir, "audit.checkpoint", NULL);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;

  fields = g_strsplit (g_strstrip (text), " ", 5);
  if (g_strv_length (fields) != 4 ||
      !g_ascii_string_to_signed (fields[0], 10, 1, G_MAXINT64, seq, NULL))
    {
      /* Not ours to use, nor to throw away: verify says so */
      *seq = G_MAXINT64;
      *head = g_strdup ("");
      *at = g_strdup ("");
      *signature = g_strdup ("");
      return TRUE;
    }

  *head = g_strdup (fields[1]);
  *at = g_strdup (fields[2]);
  *signature = g_strdup (fields[3]);
  return TRUE;
}

/**
 * civic_keyring_lock:
 *
 * Holds the keys folder against another process changing its keys (a
 * rotation, a retirement) until civic_keyring_unlock().
 *
 * Returns: a descriptor to give to civic_keyring_unlock(), or -1.
 */
int
civic_keyring_lock (CivicKeyring  *self,
                    GError       **error)
{
  g_autofree char *path = NULL;
  int fd;

  g_return_val_if_fail (CIVIC_IS_KEYRING (self), -1);

  path = g_build_filename (self->dir, ".lock", NULL);
  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   saved == EWOULDBLOCK ? _("Another command is changing the keys in %s; try "
                                            "again when it is done")
                                        : _("Cannot lock the keys in %s"), self->dir);
      return -1;
    }
  return fd;
}

void
civic_keyring_unlock (int fd)
{
  if (fd >= 0)
    close (fd);
}
