/* civic-audit.c — the append-only audit log: a keyed chain, signed checkpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-audit"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include "civic-i18n.h"
#include <sodium.h>

#include "civic-audit.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-server-db.h"
#include "civic-time.h"

/* Every command, every reveal of personal data, every sign-in and failed
 * sign-in is one row. Each row carries an HMAC-SHA-256 of its canonical
 * form, which includes the previous row's: changing, removing or adding a
 * row breaks the chain from there on, and `civicdesk-server audit verify`
 * names the first broken row. The HMAC's key is kept outside the database
 * (civic-keyring.c), so someone who can write the file cannot compute the
 * chain again over what they changed. (An unkeyed SHA-256 chain, as the
 * first version had, could be recomputed: 4 rewrites of 4 passed.)
 *
 * Someone who has the key as well — the machine's root — could still
 * rewrite and recompute. Against them, the head of the chain is signed
 * from time to time with an Ed25519 key into a checkpoint the service
 * publishes (GET /public/v1/audit/checkpoints). Anyone who kept an older
 * checkpoint holds proof of what entry N was: verifying the chain against
 * it shows any later rewrite, because no key can make the rewritten
 * chain pass through the head it signed.
 *
 * Triggers refuse UPDATE and DELETE on the table; an attacker with the
 * file can drop them, which is what verify is for. */

G_DEFINE_QUARK (civic-audit-error-quark, civic_audit_error)

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"
#define CHECKPOINT_FORMAT "civicdesk-audit-checkpoint v1\nseq: %" G_GINT64_FORMAT "\nhead: %s\nat: %s\n"
/* The same, as published for whoever checks a signature by other means */
#define CHECKPOINT_FORMAT_TEXT "civicdesk-audit-checkpoint v1\nseq: <seq>\nhead: <head>\nat: <at>\n"

static void
add_field (GString    *canonical,
           const char *value)
{
  /* Length-prefixed, so no choice of separators can make two different
   * rows read alike. */
  if (value == NULL)
    g_string_append (canonical, "-;");
  else
    g_string_append_printf (canonical, "%zu:%s;", strlen (value), value);
}

typedef struct
{
  gint64      seq;
  const char *at;
  const char *actor;
  const char *action;
  const char *target;
  const char *detail;
  const char *address;
  const char *prev_hash;
} Entry;

static GString *
canonical_form (const Entry *entry)
{
  GString *canonical = g_string_new (NULL);

  g_string_append_printf (canonical, "%" G_GINT64_FORMAT ";", entry->seq);
  add_field (canonical, entry->at);
  add_field (canonical, entry->actor);
  add_field (canonical, entry->action);
  add_field (canonical, entry->target);
  add_field (canonical, entry->detail);
  add_field (canonical, entry->address);
  add_field (canonical, entry->prev_hash);
  return canonical;
}

static char *
entry_mac (const guint8 *key,
           const Entry  *entry)
{
  g_autoptr(GString) canonical = canonical_form (entry);
  guint8 mac[crypto_auth_hmacsha256_BYTES];
  char hex[sizeof mac * 2 + 1];

  crypto_auth_hmacsha256 (mac, (const guint8 *) canonical->str, canonical->len, key);
  return g_strdup (sodium_bin2hex (hex, sizeof hex, mac, sizeof mac));
}

/* The first version's chain, read once when it is keyed */
static char *
legacy_hash (const Entry *entry)
{
  g_autoptr(GString) canonical = canonical_form (entry);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical->str, canonical->len);
}

static const guint8 *
audit_key (CivicDb      *db,
           GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);

  if (keyring == NULL)
    {
      g_set_error (error, CIVIC_AUDIT_ERROR, CIVIC_AUDIT_ERROR_BROKEN,
                   _("The audit log’s key is not loaded"));
      return NULL;
    }
  return civic_keyring_get_audit_key (keyring);
}

/* The head ("seq:hash") is kept in meta with an HMAC of its own: without
 * the key, nobody can cut the log back and name an earlier entry its end
 * (the entry's own hash is in the table for all to read). */
static char *
head_mac (const guint8 *key,
          const char   *head)
{
  g_autofree char *message = g_strconcat ("civicdesk-audit-head\n", head, NULL);
  guint8 mac[crypto_auth_hmacsha256_BYTES];
  char hex[sizeof mac * 2 + 1];

  crypto_auth_hmacsha256 (mac, (const guint8 *) message, strlen (message), key);
  return g_strdup (sodium_bin2hex (hex, sizeof hex, mac, sizeof mac));
}

static gboolean
set_head (CivicDb       *db,
          const guint8  *key,
          gint64         seq,
          const char    *hash,
          GError       **error)
{
  g_autofree char *head = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", seq, hash);
  g_autofree char *mac = head_mac (key, head);

  return civic_server_db_set_meta (db, "audit_head", head, error) &&
         civic_server_db_set_meta (db, "audit_head_mac", mac, error);
}

/**
 * civic_audit_append:
 *
 * Appends an entry. Call inside the write transaction of the change it
 * records, so that the two stand or fall together.
 */
gboolean
civic_audit_append (CivicDb      *db,
                    GDateTime    *at,
                    const char   *actor,
                    const char   *action,
                    const char   *target,
                    const char   *detail,
                    const char   *address,
                    GError      **error)
{
  g_autofree char *when = civic_time_format (at);
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  const guint8 *key;
  CivicDbStmt *stmt;
  gboolean row;
  Entry entry = { 1, when, actor, action, target, detail, address, NULL };

  g_return_val_if_fail (civic_db_in_transaction (db), FALSE);

  key = audit_key (db, error);
  if (key == NULL)
    return FALSE;

  stmt = civic_db_prepare (db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
    return FALSE;
  if (row)
    {
      entry.seq = civic_db_column_int64 (stmt, 0) + 1;
      prev_hash = g_strdup (civic_db_column_text (stmt, 1));
    }
  else
    prev_hash = g_strdup (GENESIS);
  civic_db_reset (stmt);

  entry.prev_hash = prev_hash;
  hash = entry_mac (key, &entry);

  stmt = civic_db_prepare (db, "INSERT INTO audit (seq, at, actor, action, target, detail, "
                               "  address, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_int64 (stmt, 1, entry.seq);
  civic_db_bind_text (stmt, 2, when);
  civic_db_bind_text (stmt, 3, actor);
  civic_db_bind_text (stmt, 4, action);
  civic_db_bind_text (stmt, 5, target);
  civic_db_bind_text (stmt, 6, detail);
  civic_db_bind_text (stmt, 7, address);
  civic_db_bind_text (stmt, 8, prev_hash);
  civic_db_bind_text (stmt, 9, hash);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  return set_head (db, key, entry.seq, hash, error);
}

static gboolean
broken (GError     **error,
        gint64      *broken_seq,
        gint64       seq,
        const char  *format,
        ...) G_GNUC_PRINTF (4, 5);

static gboolean
broken (GError     **error,
        gint64      *broken_seq,
        gint64       seq,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  *broken_seq = seq;
  g_propagate_error (error, g_error_new_valist (CIVIC_AUDIT_ERROR, CIVIC_AUDIT_ERROR_BROKEN,
                                                format, args));
  va_end (args);
  return FALSE;
}

/* Called for each entry of the chain, in order, with its hash. */
typedef gboolean (*EntryFunc) (gint64      seq,
                               const char *hash,
                               gpointer    user_data,
                               GError    **error);

/* Walks the whole chain, checking each entry's hash with @hash_func
 * (keyed, or the legacy one), the links between them, and the head kept
 * in meta. */
static gboolean
walk_chain (CivicDb       *db,
            const guint8  *key,
            EntryFunc      func,
            gpointer       user_data,
            gint64        *n_entries,
            gint64        *broken_seq,
            GError       **error)
{
  g_autofree char *prev_hash = g_strdup (GENESIS);
  g_autofree char *head = NULL;
  g_autofree char *expected_head = NULL;
  CivicDbStmt *stmt;
  gboolean row;
  gint64 expected_seq = 1;

  *n_entries = 0;
  *broken_seq = 0;

  stmt = civic_db_prepare (db, "SELECT seq, at, actor, action, target, detail, address, "
                               "  prev_hash, hash FROM audit ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;

  while (civic_db_step (db, stmt, &row, error) && row)
    {
      const char *stored_prev = civic_db_column_text (stmt, 7);
      const char *stored_hash = civic_db_column_text (stmt, 8);
      g_autofree char *hash = NULL;
      Entry entry = {
        civic_db_column_int64 (stmt, 0),
        civic_db_column_text (stmt, 1), civic_db_column_text (stmt, 2),
        civic_db_column_text (stmt, 3), civic_db_column_text (stmt, 4),
        civic_db_column_text (stmt, 5), civic_db_column_text (stmt, 6),
        stored_prev
      };

      if (entry.seq != expected_seq)
        {
          civic_db_reset (stmt);
          return broken (error, broken_seq, expected_seq, _("Entry %" PRId64 " is missing"),
                         expected_seq);
        }

      if (g_strcmp0 (stored_prev, prev_hash) != 0)
        {
          civic_db_reset (stmt);
          return broken (error, broken_seq, entry.seq,
                         _("Entry %" PRId64 " does not follow the entry before it"), entry.seq);
        }

      hash = key != NULL ? entry_mac (key, &entry) : legacy_hash (&entry);
      if (g_strcmp0 (hash, stored_hash) != 0)
        {
          civic_db_reset (stmt);
          return broken (error, broken_seq, entry.seq, _("Entry %" PRId64 " was altered"),
                         entry.seq);
        }

      if (func != NULL && !func (entry.seq, hash, user_data, error))
        {
          civic_db_reset (stmt);
          *broken_seq = entry.seq;
          return FALSE;
        }

      g_free (prev_hash);
      prev_hash = g_steal_pointer (&hash);
      expected_seq++;
      (*n_entries)++;
    }
  civic_db_reset (stmt);

  if (error != NULL && *error != NULL)
    return FALSE;

  head = civic_server_db_get_meta (db, "audit_head");
  expected_head = *n_entries > 0
                  ? g_strdup_printf ("%" G_GINT64_FORMAT ":%s", *n_entries, prev_hash)
                  : NULL;
  if (g_strcmp0 (head, expected_head) != 0)
    return broken (error, broken_seq, *n_entries + 1,
                   _("Entries after %" PRId64 " were removed"), *n_entries);

  if (key != NULL && head != NULL)
    {
      g_autofree char *stored_mac = civic_server_db_get_meta (db, "audit_head_mac");
      g_autofree char *mac = head_mac (key, head);

      if (stored_mac == NULL || sodium_memcmp (stored_mac, mac, strlen (mac)) != 0 ||
          strlen (stored_mac) != strlen (mac))
        return broken (error, broken_seq, *n_entries + 1,
                       _("Entries after %" PRId64 " were removed"), *n_entries);
    }

  return TRUE;
}

#define N_FIELDS 7

/* An entry's columns; some are NULL, so not a GStrv */
static void
fields_free (gpointer data)
{
  char **fields = data;

  for (int i = 0; i < N_FIELDS; i++)
    g_free (fields[i]);
  g_free (fields);
}

/**
 * civic_audit_rekey:
 *
 * Keys a chain the first version made with plain SHA-256: checks it as
 * it was, then computes every entry's hash again with @keyring's key, in
 * the caller's write transaction. A chain already broken is not keyed:
 * that would launder the break.
 */
gboolean
civic_audit_rekey (CivicDb       *db,
                   CivicKeyring  *keyring,
                   GError       **error)
{
  const guint8 *key = civic_keyring_get_audit_key (keyring);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (fields_free);
  g_autofree char *prev_hash = g_strdup (GENESIS);
  gint64 n = 0, broken_seq = 0;
  CivicDbStmt *stmt;
  gboolean row;

  g_return_val_if_fail (civic_db_in_transaction (db), FALSE);

  if (!walk_chain (db, NULL, NULL, NULL, &n, &broken_seq, error))
    {
      g_prefix_error (error, _("The audit log cannot be keyed: "));
      return FALSE;
    }
  if (n == 0)
    return TRUE;

  stmt = civic_db_prepare (db, "SELECT seq, at, actor, action, target, detail, address "
                               "FROM audit ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      char **fields = g_new0 (char *, N_FIELDS);

      for (int i = 0; i < N_FIELDS; i++)
        fields[i] = g_strdup (civic_db_column_text (stmt, i));
      g_ptr_array_add (entries, fields);
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;

  /* The triggers refuse any UPDATE; this one step of the upgrade drops
   * and restores them inside its own transaction. */
  if (!civic_db_exec (db, "DROP TRIGGER audit_no_update", error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      char **fields = g_ptr_array_index (entries, i);
      Entry entry = { g_ascii_strtoll (fields[0], NULL, 10), fields[1], fields[2], fields[3],
                      fields[4], fields[5], fields[6], prev_hash };
      g_autofree char *hash = entry_mac (key, &entry);

      stmt = civic_db_prepare (db, "UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?",
                               error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, prev_hash);
      civic_db_bind_text (stmt, 2, hash);
      civic_db_bind_int64 (stmt, 3, entry.seq);
      if (!civic_db_run (db, stmt, error))
        return FALSE;

      g_free (prev_hash);
      prev_hash = g_steal_pointer (&hash);
    }

  if (!set_head (db, key, n, prev_hash, error))
    return FALSE;

  return civic_db_exec (db, "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
                            "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END",
                        error);
}

/* Checkpoints */

static char *
signature_base64 (const guint8 signature[CIVIC_KEYRING_SIGNATURE_BYTES])
{
  char text[sodium_base64_ENCODED_LEN (CIVIC_KEYRING_SIGNATURE_BYTES,
                                       sodium_base64_VARIANT_ORIGINAL)];

  sodium_bin2base64 (text, sizeof text, signature, CIVIC_KEYRING_SIGNATURE_BYTES,
                     sodium_base64_VARIANT_ORIGINAL);
  return g_strdup (text);
}

/* The last entry: (seq, hash), after its own HMAC and the head's have
 * been checked, so that no checkpoint signs what the key did not make. */
static gboolean
checked_head (CivicDb       *db,
              const guint8  *key,
              gint64        *seq,
              char         **hash,
              GError       **error)
{
  g_autofree char *head = NULL;
  g_autofree char *stored_mac = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *mac = NULL;
  CivicDbStmt *stmt;
  gboolean row, ok = FALSE;

  *seq = 0;
  *hash = NULL;
  stmt = civic_db_prepare (db, "SELECT seq, at, actor, action, target, detail, address, "
                               "  prev_hash, hash FROM audit ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      civic_db_reset (stmt);
      return TRUE;
    }

  {
    Entry entry = {
      civic_db_column_int64 (stmt, 0),
      civic_db_column_text (stmt, 1), civic_db_column_text (stmt, 2),
      civic_db_column_text (stmt, 3), civic_db_column_text (stmt, 4),
      civic_db_column_text (stmt, 5), civic_db_column_text (stmt, 6),
      civic_db_column_text (stmt, 7)
    };
    g_autofree char *computed = entry_mac (key, &entry);

    ok = g_strcmp0 (computed, civic_db_column_text (stmt, 8)) == 0;
    *seq = entry.seq;
    *hash = g_steal_pointer (&computed);
  }
  civic_db_reset (stmt);

  head = civic_server_db_get_meta (db, "audit_head");
  stored_mac = civic_server_db_get_meta (db, "audit_head_mac");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", *seq, *hash);
  mac = head_mac (key, expected);
  if (!ok || g_strcmp0 (head, expected) != 0 || g_strcmp0 (stored_mac, mac) != 0)
    {
      g_clear_pointer (hash, g_free);
      g_set_error (error, CIVIC_AUDIT_ERROR, CIVIC_AUDIT_ERROR_BROKEN,
                   _("The end of the audit log was altered (entry %" PRId64 "); run "
                     "“civicdesk-server audit verify”. No checkpoint was signed."), *seq);
      return FALSE;
    }
  return TRUE;
}

/**
 * civic_audit_checkpoint:
 * @seq: (out) (optional): the entry the checkpoint signs, or 0 when the
 *   log is empty
 *
 * Signs the head of the chain as it is now into a checkpoint, unless the
 * last one already signs it, and keeps the newest one in the keys folder
 * too: a log cut back, or wiped, in the database alone shows against it.
 * Its own write transaction.
 */
gboolean
civic_audit_checkpoint (CivicDb      *db,
                        GDateTime    *now,
                        gint64       *seq,
                        GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *at = civic_time_format (now);
  g_autofree char *hash = NULL;
  g_autofree char *message = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *signed_head = NULL;
  g_autofree char *signed_at = NULL;
  guint8 raw[CIVIC_KEYRING_SIGNATURE_BYTES];
  CivicDbStmt *stmt;
  gboolean row;
  gint64 head_seq;

  if (seq != NULL)
    *seq = 0;
  if (keyring == NULL)
    return audit_key (db, error) != NULL;

  if (!civic_db_begin (db, error))
    return FALSE;

  if (!checked_head (db, civic_keyring_get_audit_key (keyring), &head_seq, &hash, error))
    goto fail;
  if (head_seq == 0)
    return civic_db_commit (db, error);

  stmt = civic_db_prepare (db, "SELECT head, at, signature FROM audit_checkpoint "
                               "WHERE seq = ?", error);
  if (stmt == NULL)
    goto fail;
  civic_db_bind_int64 (stmt, 1, head_seq);
  if (!civic_db_step (db, stmt, &row, error))
    goto fail;
  if (row)
    {
      signed_head = g_strdup (civic_db_column_text (stmt, 0));
      signed_at = g_strdup (civic_db_column_text (stmt, 1));
      signature = g_strdup (civic_db_column_text (stmt, 2));
    }
  civic_db_reset (stmt);

  if (signed_head != NULL && !g_str_equal (signed_head, hash))
    {
      g_set_error (error, CIVIC_AUDIT_ERROR, CIVIC_AUDIT_ERROR_CHECKPOINT,
                   _("A checkpoint of entry %" PRId64 " signs another entry; run "
                     "“civicdesk-server audit verify”"), head_seq);
      goto fail;
    }

  if (signed_head == NULL)
    {
      message = g_strdup_printf (CHECKPOINT_FORMAT, head_seq, hash, at);
      civic_keyring_sign (keyring, message, raw);
      signature = signature_base64 (raw);
      signed_at = g_strdup (at);

      stmt = civic_db_prepare (db, "INSERT INTO audit_checkpoint (seq, head, at, signature) "
                                   "VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      civic_db_bind_int64 (stmt, 1, head_seq);
      civic_db_bind_text (stmt, 2, hash);
      civic_db_bind_text (stmt, 3, at);
      civic_db_bind_text (stmt, 4, signature);
      if (!civic_db_run (db, stmt, error))
        goto fail;
    }

  if (!civic_db_commit (db, error))
    goto fail;

  if (!civic_keyring_keep_checkpoint (keyring, head_seq, hash, signed_at, signature, error))
    return FALSE;

  if (seq != NULL)
    *seq = head_seq;
  return TRUE;

fail:
  civic_db_rollback (db);
  return FALSE;
}

/**
 * civic_audit_checkpoints_json:
 * @after: only checkpoints of later entries
 *
 * Returns: (transfer full) (nullable): what the service publishes and an
 * auditor keeps: {"public_key", "format", "checkpoints": [{"seq", "head",
 * "at", "signature"}…]}, oldest first.
 */
char *
civic_audit_checkpoints_json (CivicDb      *db,
                              gint64        after,
                              int           limit,
                              GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autoptr(GString) out = g_string_new ("{\"public_key\":");
  g_autofree char *public_key = NULL;
  CivicDbStmt *stmt;
  gboolean row;
  guint n = 0;

  if (keyring == NULL)
    return audit_key (db, error) != NULL ? g_strdup ("{}") : NULL;

  public_key = civic_keyring_dup_public_key_base64 (keyring);
  civic_json_append_string (out, public_key);
  g_string_append (out, ",\"algorithm\":\"ed25519\",\"format\":");
  civic_json_append_string (out, CHECKPOINT_FORMAT_TEXT);
  g_string_append (out, ",\"checkpoints\":[");

  stmt = civic_db_prepare (db, "SELECT seq, head, at, signature FROM audit_checkpoint "
                               "WHERE seq > ? ORDER BY seq LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_int64 (stmt, 1, after);
  civic_db_bind_int (stmt, 2, limit);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      g_string_append_printf (out, "%s{\"seq\":%" G_GINT64_FORMAT ",\"head\":", n++ ? "," : "",
                              (gint64) civic_db_column_int64 (stmt, 0));
      civic_json_append_string (out, civic_db_column_text (stmt, 1));
      g_string_append (out, ",\"at\":");
      civic_json_append_string (out, civic_db_column_text (stmt, 2));
      g_string_append (out, ",\"signature\":");
      civic_json_append_string (out, civic_db_column_text (stmt, 3));
      g_string_append_c (out, '}');
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;

  g_string_append (out, "]}");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  GHashTable *heads;   /* seq → the head a checkpoint signed */
  guint       passed;
} CheckpointWalk;

static gboolean
check_against (gint64      seq,
               const char *hash,
               gpointer    user_data,
               GError    **error)
{
  CheckpointWalk *walk = user_data;
  const char *signed_head = g_hash_table_lookup (walk->heads, &seq);

  if (signed_head == NULL)
    return TRUE;

  if (g_strcmp0 (signed_head, hash) != 0)
    {
      g_set_error (error, CIVIC_AUDIT_ERROR, CIVIC_AUDIT_ERROR_CHECKPOINT,
                   _("The log was rewritten: entry %" PRId64 " is not the one the checkpoint "
                     "of that entry signed"), seq);
      return FALSE;
    }
  walk->passed++;
  g_hash_table_remove (walk->heads, &seq);
  return TRUE;
}

static gboolean
invalid_file (GError     **error,
              const char  *what)
{
  g_set_error (error, CIVIC_AUDIT_ERROR, CIVIC_AUDIT_ERROR_INVALID,
               _("Not a checkpoint file of the audit log: %s"), what);
  return FALSE;
}

/* Checks one checkpoint's signature and notes the head it signed. */
static gboolean
add_checkpoint (GHashTable    *heads,
                const guint8  *public_key,
                gint64         seq,
                const char    *head,
                const char    *at,
                const char    *signature_text,
                gint64        *broken_seq,
                GError       **error)
{
  g_autofree char *message = g_strdup_printf (CHECKPOINT_FORMAT, seq, head, at);
  guint8 signature[CIVIC_KEYRING_SIGNATURE_BYTES];
  gsize length = 0;

  if (sodium_base642bin (signature, sizeof signature, signature_text, strlen (signature_text),
                         NULL, &length, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      length != sizeof signature ||
      crypto_sign_verify_detached (signature, (const guint8 *) message, strlen (message),
                                   public_key) != 0)
    {
      *broken_seq = seq;
      g_set_error (error, CIVIC_AUDIT_ERROR, CIVIC_AUDIT_ERROR_CHECKPOINT,
                   _("The checkpoint of entry %" PRId64 " does not bear a valid signature of its "
                     "key"), seq);
      return FALSE;
    }

  g_hash_table_insert (heads, g_memdup2 (&seq, sizeof seq), g_strdup (head));
  return TRUE;
}

/* Walks the chain with the audit key; it must pass through every head in
 * @heads. */
static gboolean
walk_through (CivicDb       *db,
              const guint8  *key,
              GHashTable    *heads,
              gint64        *n_entries,
              guint         *n_checked,
              gint64        *broken_seq,
              GError       **error)
{
  CheckpointWalk walk = { heads, 0 };
  GHashTableIter iter;
  gint64 *first = NULL;
  gpointer seq;

  if (!walk_chain (db, key, check_against, &walk, n_entries, broken_seq, error))
    return FALSE;

  if (n_checked != NULL)
    *n_checked = walk.passed;
  if (g_hash_table_size (heads) == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, heads);
  while (g_hash_table_iter_next (&iter, &seq, NULL))
    if (first == NULL || *(gint64 *) seq < *first)
      first = seq;
  *broken_seq = *first;
  g_set_error (error, CIVIC_AUDIT_ERROR, CIVIC_AUDIT_ERROR_CHECKPOINT,
               _("The log ends at entry %" PRId64 ", but a checkpoint signed entry %" PRId64
                 ": entries were removed"), *n_entries, *first);
  return FALSE;
}

static GHashTable *
new_heads (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * civic_audit_verify:
 * @n_entries: (out): how many entries were checked
 * @broken_seq: (out): the first entry found altered, missing or added, or 0
 *
 * Walks the whole chain with the audit key, and through the head of
 * every checkpoint the database still has (whose signatures nobody
 * without the signing key can make).
 */
gboolean
civic_audit_verify (CivicDb      *db,
                    gint64       *n_entries,
                    gint64       *broken_seq,
                    GError      **error)
{
  g_autoptr(GHashTable) heads = new_heads ();
  const guint8 *key = audit_key (db, error);
  const guint8 *public_key;
  CivicDbStmt *stmt;
  gboolean row;

  *n_entries = 0;
  *broken_seq = 0;
  if (key == NULL)
    return FALSE;
  public_key = civic_keyring_get_public_key (civic_server_db_get_keyring (db));

  /* The newest checkpoint, kept with the keys, out of the database's reach */
  {
    g_autofree char *head = NULL;
    g_autofree char *at = NULL;
    g_autofree char *signature = NULL;
    gint64 kept_seq = 0;

    if (civic_keyring_get_kept_checkpoint (civic_server_db_get_keyring (db), &kept_seq, &head, &at,
                                           &signature) &&
        !add_checkpoint (heads, public_key, kept_seq, head, at, signature, broken_seq, error))
      return FALSE;
  }

  stmt = civic_db_prepare (db, "SELECT seq, head, at, signature FROM audit_checkpoint", error);
  if (stmt == NULL)
    return FALSE;
  while (civic_db_step (db, stmt, &row, error) && row)
    if (!add_checkpoint (heads, public_key, civic_db_column_int64 (stmt, 0),
                         civic_db_column_text (stmt, 1), civic_db_column_text (stmt, 2),
                         civic_db_column_text (stmt, 3), broken_seq, error))
      {
        civic_db_reset (stmt);
        return FALSE;
      }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;

  return walk_through (db, key, heads, n_entries, NULL, broken_seq, error);
}

/**
 * civic_audit_verify_checkpoints:
 * @published: what civic_audit_checkpoints_json() gave out earlier (or a
 *   single checkpoint object with "public_key" beside it)
 * @n_checked: (out): how many checkpoints the chain was checked against
 * @other_key: (out) (optional): whether they were signed with a key that
 *   is not the service's now
 *
 * Checks every checkpoint's signature with the public key it came with,
 * then walks the chain with the audit key: it must pass through the head
 * of every checkpoint. Fails on a signature that does not hold (the file
 * was altered), on a checkpoint beyond the chain's end (entries removed),
 * and on an entry whose hash is not the signed head (the log was
 * rewritten, even by someone with the audit key).
 */
gboolean
civic_audit_verify_checkpoints (CivicDb      *db,
                                JsonNode     *published,
                                guint        *n_checked,
                                gint64       *broken_seq,
                                gboolean     *other_key,
                                GError      **error)
{
  g_autoptr(GHashTable) heads = new_heads ();
  const guint8 *key = audit_key (db, error);
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  g_autoptr(JsonArray) single = NULL;
  const char *public_text;
  JsonArray *checkpoints;
  JsonObject *object;
  gint64 n_entries = 0;
  gsize length = 0;

  *n_checked = 0;
  *broken_seq = 0;
  if (key == NULL)
    return FALSE;

  if (published == NULL || !JSON_NODE_HOLDS_OBJECT (published))
    return invalid_file (error, _("expected an object"));
  object = json_node_get_object (published);
  public_text = json_object_get_string_member_with_default (object, "public_key", NULL);
  if (public_text == NULL ||
      sodium_base642bin (public_key, sizeof public_key, public_text, strlen (public_text), NULL,
                         &length, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      length != sizeof public_key)
    return invalid_file (error, _("no public key"));

  /* Checked with the key they came with; that it is not the service's
   * own says the keys were changed since, which the caller tells. */
  if (other_key != NULL)
    *other_key = sodium_memcmp (public_key,
                                civic_keyring_get_public_key (civic_server_db_get_keyring (db)),
                                sizeof public_key) != 0;

  if (json_object_has_member (object, "checkpoints") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "checkpoints")))
    checkpoints = json_object_get_array_member (object, "checkpoints");
  else if (json_object_has_member (object, "checkpoints"))
    return invalid_file (error, _("no checkpoints"));
  else
    {
      single = json_array_new ();
      json_array_add_object_element (single, json_object_ref (object));
      checkpoints = single;
    }
  if (checkpoints == NULL || json_array_get_length (checkpoints) == 0)
    return invalid_file (error, _("no checkpoints"));

  for (guint i = 0; i < json_array_get_length (checkpoints); i++)
    {
      JsonNode *element = json_array_get_element (checkpoints, i);
      JsonObject *checkpoint = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element)
                                                               : NULL;
      const char *head, *at, *signature;
      gint64 seq;

      if (checkpoint == NULL ||
          !civic_json_get_int (checkpoint, "seq", TRUE, 1, G_MAXINT64, &seq, NULL) ||
          !civic_json_get_string (checkpoint, "head", TRUE, &head, NULL) ||
          !civic_json_get_string (checkpoint, "at", TRUE, &at, NULL) ||
          !civic_json_get_string (checkpoint, "signature", TRUE, &signature, NULL))
        return invalid_file (error, _("a checkpoint lacks its seq, head, at or signature"));

      if (!add_checkpoint (heads, public_key, seq, head, at, signature, broken_seq, error))
        return FALSE;
    }

  return walk_through (db, key, heads, &n_entries, n_checked, broken_seq, error);
}
