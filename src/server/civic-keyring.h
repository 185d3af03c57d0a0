/* civic-keyring.h — the service's secrets, kept outside its database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CIVIC_KEYRING_ERROR (civic_keyring_error_quark ())

typedef enum
{
  CIVIC_KEYRING_ERROR_MISSING,     /* no keys where they should be */
  CIVIC_KEYRING_ERROR_EXPOSED,     /* readable by other users of the machine */
  CIVIC_KEYRING_ERROR_DAMAGED,     /* a key file that is not a key */
  CIVIC_KEYRING_ERROR_UNKNOWN_KEY, /* sealed with a key this keyring lacks */
  CIVIC_KEYRING_ERROR_TAMPERED,    /* does not open: altered, or not ours */
} CivicKeyringError;

#define CIVIC_KEYRING_AUDIT_KEY_BYTES 32
#define CIVIC_KEYRING_PUBLIC_KEY_BYTES 32
#define CIVIC_KEYRING_SIGNATURE_BYTES 64

#define CIVIC_TYPE_KEYRING (civic_keyring_get_type ())
G_DECLARE_FINAL_TYPE (CivicKeyring, civic_keyring, CIVIC, KEYRING, GObject)

GQuark         civic_keyring_error_quark        (void);

char          *civic_keyring_default_dir        (const char    *data_dir);
CivicKeyring  *civic_keyring_open               (const char    *dir,
                                                 gboolean       create,
                                                 GError       **error);
const char    *civic_keyring_get_dir            (CivicKeyring  *self);
char          *civic_keyring_dup_fingerprint    (CivicKeyring  *self);

const guint8  *civic_keyring_get_audit_key      (CivicKeyring  *self);
const guint8  *civic_keyring_get_public_key     (CivicKeyring  *self);
char          *civic_keyring_dup_public_key_base64 (CivicKeyring *self);
void           civic_keyring_sign               (CivicKeyring  *self,
                                                 const char    *message,
                                                 guint8         signature[CIVIC_KEYRING_SIGNATURE_BYTES]);

char          *civic_keyring_seal               (CivicKeyring  *self,
                                                 const char    *plaintext);
char          *civic_keyring_unseal             (CivicKeyring  *self,
                                                 const char    *sealed,
                                                 GError       **error);
guint          civic_keyring_get_current_id     (CivicKeyring  *self);
gboolean       civic_keyring_is_current         (CivicKeyring  *self,
                                                 const char    *sealed);
GArray        *civic_keyring_list_ids           (CivicKeyring  *self);
gboolean       civic_keyring_add_personal_key   (CivicKeyring  *self,
                                                 guint         *new_id,
                                                 GError       **error);
gboolean       civic_keyring_remove_personal_key (CivicKeyring *self,
                                                 guint          id,
                                                 GError       **error);

gboolean       civic_keyring_keep_checkpoint    (CivicKeyring  *self,
                                                 gint64         seq,
                                                 const char    *head,
                                                 const char    *at,
                                                 const char    *signature,
                                                 GError       **error);
gboolean       civic_keyring_get_kept_checkpoint (CivicKeyring *self,
                                                 gint64        *seq,
                                                 char         **head,
                                                 char         **at,
                                                 char         **signature);

int            civic_keyring_lock               (CivicKeyring  *self,
                                                 GError       **error);
void           civic_keyring_unlock             (int            fd);

G_END_DECLS
