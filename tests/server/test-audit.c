/* test-audit.c — rewriting the audit log, with and without its keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sodium.h>

#include "civic-test-service.h"

/* The attacker here can write the database file. The first version's
 * unkeyed SHA-256 chain let them alter, remove or add entries, compute
 * the chain again and pass `audit verify` (4 rewrites of 4). Now the
 * chain is keyed: without the key every rewrite shows. With the key
 * (root on the machine) they can compute a chain that verifies — but not
 * one that passes through a checkpoint someone kept from before. */

static CivicTestService *service;
static char *kept_checkpoints;   /* as published before the attacks */
static gint64 kept_seq;          /* the last entry they sign */

/* The canonical form of civic-audit.c */
static void
add_field (GString    *canonical,
           const char *value)
{
  if (value == NULL)
    g_string_append (canonical, "-;");
  else
    g_string_append_printf (canonical, "%zu:%s;", strlen (value), value);
}

static char *
rehash (GPtrArray    *rows,
        guint         row,
        gint64        seq,
        const char   *prev_hash,
        const guint8 *key)
{
  g_autoptr(GString) canonical = g_string_new (NULL);

  g_string_append_printf (canonical, "%" G_GINT64_FORMAT ";", seq);
  for (int i = 1; i <= 6; i++)
    add_field (canonical, civic_test_sql_value (rows, row, i));
  add_field (canonical, prev_hash);

  if (key == NULL)
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical->str, canonical->len);

  {
    guint8 mac[crypto_auth_hmacsha256_BYTES];
    char hex[sizeof mac * 2 + 1];

    crypto_auth_hmacsha256 (mac, (const guint8 *) canonical->str, canonical->len, key);
    return g_strdup (sodium_bin2hex (hex, sizeof hex, mac, sizeof mac));
  }
}

/* What an attacker does after their change: compute the chain again
 * from the first entry, with @key or with plain SHA-256, and put the new
 * head where the service keeps it. */
static void
recompute_chain (const char   *dir,
                 const guint8 *key)
{
  g_autofree char *prev = g_strdup ("0000000000000000000000000000000000000000000000000000000000000000");
  g_autoptr(GPtrArray) rows = civic_test_sql (dir, "SELECT seq, at, actor, action, target, "
                                                   "  detail, address FROM audit ORDER BY seq",
                                              NULL);
  gint64 seq = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const char *seq_text = civic_test_sql_value (rows, i, 0);
      char *hash;

      seq = g_ascii_strtoll (seq_text, NULL, 10);
      hash = rehash (rows, i, seq, prev, key);
      g_ptr_array_unref (civic_test_sql (dir, "UPDATE audit SET prev_hash = ?, hash = ? "
                                              "WHERE seq = ?", prev, hash, seq_text, NULL));
      g_free (prev);
      prev = hash;
    }

  {
    g_autofree char *head = g_strdup_printf ("%lld:%s", (long long) seq, prev);

    g_ptr_array_unref (civic_test_sql (dir, "UPDATE meta SET value = ? WHERE key = 'audit_head'",
                                       head, NULL));

    /* With the key, the head's own HMAC too */
    if (key != NULL)
      {
        g_autofree char *message = g_strconcat ("civicdesk-audit-head\n", head, NULL);
        guint8 mac[crypto_auth_hmacsha256_BYTES];
        char hex[sizeof mac * 2 + 1];

        crypto_auth_hmacsha256 (mac, (const guint8 *) message, strlen (message), key);
        g_ptr_array_unref (civic_test_sql (dir, "UPDATE meta SET value = ? "
                                                "WHERE key = 'audit_head_mac'",
                                           sodium_bin2hex (hex, sizeof hex, mac, sizeof mac),
                                           NULL));
      }
  }
}

/* Runs @sql on the copy in @dir, which the test may change at will */
static void
tamper (const char *dir,
        const char *sql)
{
  g_ptr_array_unref (civic_test_sql (dir, sql, NULL));
}

/* The audit log's append-only guard, as each database spells it */
static void
drop_guard (const char *dir,
            gboolean    update_only)
{
  if (civic_test_postgresql ())
    tamper (dir, update_only ? "DROP TRIGGER audit_no_update ON audit"
                             : "DROP TRIGGER audit_no_update ON audit;"
                               "DROP TRIGGER audit_no_delete ON audit");
  else
    tamper (dir, update_only ? "DROP TRIGGER audit_no_update"
                             : "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete");
}

static guint8 *
stolen_audit_key (void)
{
  g_autofree char *path = g_build_filename (service->data_dir, "keys", "audit.key", NULL);
  g_autofree char *text = NULL;
  guint8 *key = g_malloc (32);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpint (sodium_base642bin (key, 32, text, strlen (text), "\n", &length, NULL,
                                      sodium_base64_VARIANT_ORIGINAL), ==, 0);
  g_assert_cmpuint (length, ==, 32);
  return key;
}

typedef enum
{
  ATTACK_ALTER,       /* change who did entry 3 */
  ATTACK_REMOVE,      /* take entry 3 out and number the rest again */
  ATTACK_ADD,         /* slip in an entry at the end */
  ATTACK_CUT,         /* cut the log back to before the kept checkpoint */
  ATTACK_WIPE,        /* remove every entry, every checkpoint, the head */
  ATTACK_TRUNCATE,    /* cut off the last entries, name the one before the end */
} Attack;

/* A copy of the service's database, attacked; returns `audit verify`'s
 * output and exit status, and with @checkpoints the same against them. */
static int
attack (Attack        kind,
        const guint8 *key,
        gboolean      drop_checkpoints,
        const char   *checkpoints,
        char        **output)
{
  g_autofree char *dir = g_dir_make_tmp ("civicdesk-attacked-XXXXXX", NULL);
  g_autofree char *original_keys = g_build_filename (service->data_dir, "keys", NULL);
  g_autofree char *keys = g_build_filename (dir, "keys", NULL);
  g_autofree char *file = g_build_filename (dir, "kept.json", NULL);
  CivicTestService target = { .data_dir = dir };
  int status;

  civic_test_copy_database (service->data_dir, dir);
  civic_test_copy_folder (original_keys, keys);

  drop_guard (dir, FALSE);
  switch (kind)
    {
    case ATTACK_ALTER:
      tamper (dir, "UPDATE audit SET actor = 'u-nobody' WHERE seq = 3");
      break;
    case ATTACK_REMOVE:
      /* Numbered again in two steps: a key is unique at every row */
      tamper (dir, "DELETE FROM audit WHERE seq = 3;"
                   "UPDATE audit SET seq = 1 - seq WHERE seq > 3;"
                   "UPDATE audit SET seq = -seq WHERE seq < 0");
      break;
    case ATTACK_ADD:
      tamper (dir, "INSERT INTO audit (seq, at, actor, action, target, detail, address, "
                   "  prev_hash, hash) "
                   "SELECT max (seq) + 1, '2026-03-20T02:00:00.000Z', 'u-approver', 'reveal', "
                   "  'case-x', NULL, '127.0.0.1', '', '' FROM audit");
      break;
    case ATTACK_CUT:
      {
        g_autofree char *sql = g_strdup_printf ("DELETE FROM audit WHERE seq >= %lld",
                                                (long long) kept_seq);

        tamper (dir, sql);
      }
      break;
    case ATTACK_WIPE:
      tamper (dir, "DELETE FROM audit; DELETE FROM audit_checkpoint;"
                   "DELETE FROM meta WHERE key LIKE 'audit_head%'");
      break;
    case ATTACK_TRUNCATE:
      /* Entry 7's hash is in the table for anyone to read */
      tamper (dir, "DELETE FROM audit WHERE seq > 7;"
                   "DELETE FROM audit_checkpoint WHERE seq > 7;"
                   "UPDATE meta SET value = (SELECT '7:' || hash FROM audit "
                   "  WHERE seq = 7) WHERE key = 'audit_head'");
      break;
    default:
      g_assert_not_reached ();
    }
  if (kind != ATTACK_WIPE && kind != ATTACK_TRUNCATE)
    recompute_chain (dir, key);
  if (drop_checkpoints)
    {
      g_autofree char *kept = g_build_filename (keys, "audit.checkpoint", NULL);

      tamper (dir, "DELETE FROM audit_checkpoint");
      /* Only who has the keys can remove the one kept beside them */
      if (key != NULL)
        g_assert_cmpint (g_unlink (kept), ==, 0);
    }

  g_setenv ("CIVICDESK_KEYS_DIR", keys, TRUE);
  if (checkpoints != NULL)
    {
      g_assert_true (g_file_set_contents (file, checkpoints, -1, NULL));
      status = civic_test_service_cli (&target, NULL, output, "audit", "verify", "--checkpoint",
                                       file, NULL);
    }
  else
    status = civic_test_service_cli (&target, NULL, output, "audit", "verify", NULL);
  g_unsetenv ("CIVICDESK_KEYS_DIR");

  civic_test_remove_tree (dir);
  return status;
}

/* Defect 11: four rewrites by someone with the file but not the key */
static void
test_rewrites_without_the_key (void)
{
  static const struct
  {
    Attack      kind;
    const char *message;
  } attacks[] = {
    { ATTACK_ALTER, "BROKEN at entry 1: Entry 1 was altered" },
    { ATTACK_REMOVE, "BROKEN at entry 1: Entry 1 was altered" },
    { ATTACK_ADD, "BROKEN at entry 1: Entry 1 was altered" },
    { ATTACK_CUT, "BROKEN at entry 1: Entry 1 was altered" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_autofree char *output = NULL;

      /* Recomputed with plain SHA-256, as the old chain allowed */
      g_assert_cmpint (attack (attacks[i].kind, NULL, TRUE, NULL, &output), ==, 1);
      g_test_message ("attack %u: %s", i, output);
      g_assert_true (g_str_has_prefix (output, attacks[i].message));
    }

  /* Nothing recomputed: the log cut short, its head naming an entry that
   * is there; or wiped, checkpoints and head too. The head's own HMAC,
   * and the checkpoint kept with the keys, show both. (Found in review.) */
  {
    g_autofree char *cut = NULL;
    g_autofree char *wiped = NULL;

    g_assert_cmpint (attack (ATTACK_TRUNCATE, NULL, FALSE, NULL, &cut), ==, 1);
    g_test_message ("truncated: %s", cut);
    g_assert_nonnull (strstr (cut, "Entries after 7 were removed"));
    g_assert_cmpint (attack (ATTACK_WIPE, NULL, FALSE, NULL, &wiped), ==, 1);
    g_test_message ("wiped: %s", wiped);
    g_assert_nonnull (strstr (wiped, "The log ends at entry 0, but a checkpoint signed entry"));
  }
}

/* The record of the keys removed from the database, and a plain SHA-256
 * chain forged in its place: the service would have taken it for a first
 * version's and keyed the forgery (found in review). With keys present,
 * it refuses instead, and changes nothing. */
static void
test_no_downgrade_to_the_first_version (void)
{
  g_autofree char *dir = g_dir_make_tmp ("civicdesk-downgrade-XXXXXX", NULL);
  g_autofree char *original_keys = g_build_filename (service->data_dir, "keys", NULL);
  g_autofree char *keys = g_build_filename (dir, "keys", NULL);
  g_autofree char *output = NULL;
  CivicTestService target = { .data_dir = dir };

  civic_test_copy_database (service->data_dir, dir);
  civic_test_copy_folder (original_keys, keys);

  drop_guard (dir, TRUE);
  tamper (dir, "UPDATE audit SET actor = 'u-nobody' WHERE seq = 3;"
               "DELETE FROM audit_checkpoint;"
               "DELETE FROM meta WHERE key IN ('keyring', 'audit_head_mac')");
  recompute_chain (dir, NULL);

  g_setenv ("CIVICDESK_KEYS_DIR", keys, TRUE);
  g_assert_cmpint (civic_test_service_cli (&target, NULL, &output, "audit", "verify", NULL), ==, 1);
  g_unsetenv ("CIVICDESK_KEYS_DIR");
  g_test_message ("%s", output);
  g_assert_nonnull (strstr (output, "does not record the keys"));

  /* … and nothing was changed: the keyring is still not recorded */
  {
    CivicTestService copy = { .data_dir = dir };

    g_assert_cmpint (civic_test_count_rows (&copy, "SELECT count (*) FROM meta "
                                                   "WHERE key = 'keyring'"), ==, 0);
  }
  civic_test_remove_tree (dir);
}

/* … and by root, who has the key: the chain verifies, but not against a
 * checkpoint kept from before — nor against the service's own
 * checkpoints, unless those are deleted too. */
static void
test_rewrites_with_the_key (void)
{
  g_autofree guint8 *key = stolen_audit_key ();
  static const Attack kinds[] = { ATTACK_ALTER, ATTACK_REMOVE, ATTACK_ADD, ATTACK_CUT,
                                  ATTACK_WIPE };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *plain = NULL;
      g_autofree char *kept = NULL;
      g_autofree char *own = NULL;

      /* The service's own checkpoints catch what they cover */
      if (kinds[i] != ATTACK_ADD)
        {
          g_assert_cmpint (attack (kinds[i], key, FALSE, NULL, &own), ==, 1);
          g_test_message ("with the key, checkpoints kept in the database: %s", own);
          g_assert_nonnull (strstr (own, "BROKEN at entry "));
        }

      /* Deleted as well, the log verifies on its own … */
      g_assert_cmpint (attack (kinds[i], key, TRUE, NULL, &plain), ==, 0);
      g_assert_true (g_str_has_prefix (plain, "OK: "));

      /* … but not against what an auditor kept */
      g_assert_cmpint (attack (kinds[i], key, TRUE, kept_checkpoints, &kept),
                       ==, kinds[i] == ATTACK_ADD ? 0 : 1);
      g_test_message ("with the key, against the kept checkpoints: %s", kept);
      if (kinds[i] == ATTACK_CUT || kinds[i] == ATTACK_WIPE)
        g_assert_nonnull (strstr (kept, "entries were removed"));
      else if (kinds[i] != ATTACK_ADD)
        g_assert_nonnull (strstr (kept, "The log was rewritten: entry "));
    }
}

/* A kept checkpoint whose file was altered is refused, not believed */
static void
test_forged_checkpoint (void)
{
  g_autofree char *forged = g_strdup (kept_checkpoints);
  g_autofree char *output = NULL;
  char *head = strstr (forged, "\"head\":\"");
  g_autofree char *dir = g_dir_make_tmp ("civicdesk-forged-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "kept.json", NULL);

  g_assert_nonnull (head);
  head += 8;
  *head = *head == 'a' ? 'b' : 'a';
  g_assert_true (g_file_set_contents (file, forged, -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "audit", "verify",
                                           "--checkpoint", file, NULL), ==, 1);
  g_assert_nonnull (strstr (output, "does not bear a valid signature"));

  g_clear_pointer (&output, g_free);
  g_assert_true (g_file_set_contents (file, kept_checkpoints, -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "audit", "verify",
                                           "--checkpoint", file, NULL), ==, 0);
  g_assert_nonnull (strstr (output, "OK: the log passes through "));
  civic_test_remove_tree (dir);
}


/* A service the first version made (tests/data/upgrade/service-0.1.db.gz:
 * 12 demo cases, 6 audit entries, a hearing's parties in the feed in
 * clear, the applicant in clear in its own column) gets keys the first
 * time it is opened: its chain keyed after it was checked, its personal
 * data sealed and masked, and the file written anew without the clear
 * text. */
static void
test_upgrade_from_first_version (void)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("CIVICDESK_TEST_DATA"), "upgrade",
                                               "service-0.1.db.gz", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (fixture);
  g_autoptr(GFileInputStream) compressed = g_file_read (source, NULL, NULL);
  g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) plain = g_converter_input_stream_new (G_INPUT_STREAM (compressed),
                                                                G_CONVERTER (gunzip));
  g_autoptr(CivicTestService) old = g_new0 (CivicTestService, 1);
  g_autofree char *db_path = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *verified = NULL;
  g_autofree char *listed = NULL;
  static const char *in_clear[] = { "郭宁晗", "林骐桂", "13947718082", "王浩荷" };

  /* The first version kept an SQLite file; a province moves its data to
   * PostgreSQL after (civicdesk-server migrate) */
  if (civic_test_postgresql ())
    {
      g_test_skip ("the first version’s SQLite file: tested in the SQLite run");
      return;
    }

  g_assert_nonnull (compressed);
  old->data_dir = g_dir_make_tmp ("civicdesk-upgrade-XXXXXX", NULL);
  db_path = g_build_filename (old->data_dir, "civicdesk.db", NULL);
  target = g_file_new_for_path (db_path);
  out = g_file_create (target, G_FILE_CREATE_PRIVATE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_splice (G_OUTPUT_STREAM (out), plain, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL,
                          &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (in_clear); i++)
    g_assert_true (civic_test_file_holds (db_path, in_clear[i]));

  g_assert_cmpint (civic_test_service_cli (old, NULL, &verified, "audit", "verify", NULL), ==, 0);
  g_assert_nonnull (strstr (verified, "OK: 6 entries, chain unbroken"));
  g_assert_cmpint (civic_test_service_cli (old, NULL, &listed, "keys", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (listed, "Personal-data key 1 (current): seals 12 cases"));
  for (guint i = 0; i < G_N_ELEMENTS (in_clear); i++)
    if (civic_test_file_holds (db_path, in_clear[i]))
      g_error ("the upgraded database still holds “%s” in clear", in_clear[i]);

  /* Its supervisors' clients sync again from the start once: their feed
   * no longer carries the province (schema 27) */
  {
    g_autoptr(GPtrArray) rows = civic_test_sql (old->data_dir,
                                                "SELECT count (*), sum (scope_seq > 0), "
                                                "  (SELECT count (*) FROM account "
                                                "   WHERE (roles & 128) = 0 AND scope_seq > 0) "
                                                "FROM account WHERE (roles & 128) != 0", NULL);

    g_assert_cmpint (atoi (civic_test_sql_value (rows, 0, 0)), >, 0);
    g_assert_cmpstr (civic_test_sql_value (rows, 0, 1), ==, civic_test_sql_value (rows, 0, 0));
    g_assert_cmpstr (civic_test_sql_value (rows, 0, 2), ==, "0");
  }

  /* The service reads it, and shows the parties masked */
  civic_test_service_start (old);
  {
    g_autofree char *token = civic_test_sign_in (old, "examiner");
    g_autoptr(JsonNode) kase = NULL;
    g_autoptr(JsonNode) person = NULL;
    JsonObject *hearing;
    guint status;

    kase = civic_test_request (old, "GET", "/api/v1/cases/f88608a7-57b3-4d99-a729-e0f0518c86f9",
                               token, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    hearing = json_object_get_object_member (json_object_get_object_member (
                                               json_node_get_object (kase), "data"), "hearing");
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (hearing,
                                                                                  "parties"), 0),
                     ==, "郭**");
    g_assert_cmpstr (json_object_get_string_member (hearing, "requested_by"), ==, "林**");

    person = civic_test_request (old, "POST",
                                 "/api/v1/cases/f256b97c-daba-491c-a99e-bf498f0fce27/reveal", token,
                                 NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (person), "contact"), ==,
                     "王浩荷");
  }
}

static void
keep_checkpoints (void)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonArray *checkpoints;
  guint status;

  /* Anyone may fetch them, without signing in */
  answer = civic_test_request (service, "GET", "/public/v1/audit/checkpoints", NULL, NULL,
                               &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "algorithm"), ==,
                   "ed25519");
  checkpoints = json_object_get_array_member (json_node_get_object (answer), "checkpoints");
  g_assert_cmpuint (json_array_get_length (checkpoints), >=, 1);
  kept_seq = json_object_get_int_member (json_array_get_object_element (
                                           checkpoints, json_array_get_length (checkpoints) - 1),
                                         "seq");
  g_assert_cmpint (kept_seq, >=, 3);
  json_generator_set_root (generator, answer);
  kept_checkpoints = json_generator_to_data (generator, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  service = civic_test_service_new_demo (20, 19);

  /* Some history: sign-ins, then a checkpoint of it (every start makes
   * one), kept by an auditor; then more history. */
  for (guint i = 0; i < 4; i++)
    g_free (civic_test_sign_in (service, "examiner"));
  civic_test_service_stop (service);
  civic_test_service_start (service);
  keep_checkpoints ();
  for (guint i = 0; i < 3; i++)
    g_free (civic_test_sign_in (service, "clerk"));
  civic_test_service_stop (service);

  g_test_add_func ("/audit/rewrites-without-the-key", test_rewrites_without_the_key);
  g_test_add_func ("/audit/rewrites-with-the-key", test_rewrites_with_the_key);
  g_test_add_func ("/audit/forged-checkpoint", test_forged_checkpoint);
  g_test_add_func ("/audit/no-downgrade-to-the-first-version",
                   test_no_downgrade_to_the_first_version);
  g_test_add_func ("/audit/upgrade-from-first-version", test_upgrade_from_first_version);

  result = g_test_run ();
  civic_test_service_free (service);
  g_free (kept_checkpoints);
  return result;
}
