/* civic-accounts.c — officials' accounts, passwords and sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-accounts"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include "civic-i18n.h"
#include <sodium.h>

#include "civic-account-rules.h"
#include "civic-accounts.h"
#include "civic-audit.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-policy.h"
#include "civic-rate-limit.h"
#include "civic-server-db.h"
#include "civic-time.h"

/* Passwords are stored as Argon2id strings (libsodium), tokens only as
 * their SHA-256. A failed sign-in never says whether the name or the
 * password was wrong.
 *
 * Guessing is slowed, not stopped by a lock: a lock on a name would let
 * anyone who knows an official's name keep them out of their work. Each
 * attempt is counted per (name, address) — whether or not the name
 * exists, so the count reveals nothing — and, past a few free ones, must
 * wait twice as long as the one before. An address that tries many names
 * is slowed the same way on its own count. The attempt is counted, in one
 * write transaction, before its password is checked, so parallel guesses
 * cannot all pass the check before any is recorded. Every outcome is in
 * the audit log; the password tried never is. */

G_DEFINE_QUARK (civic-accounts-error-quark, civic_accounts_error)

#define MIN_PASSWORD_LENGTH 8

void
civic_account_free (CivicAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->id);
  g_free (account->username);
  g_free (account->name);
  g_free (account->department_id);
  g_free (account->created_at);
  g_free (account->password_set_at);
  g_free (account->disabled_reason);
  g_free (account);
}

void
civic_session_free (CivicSession *session)
{
  if (session == NULL)
    return;

  if (session->token != NULL)
    sodium_memzero (session->token, strlen (session->token));
  g_free (session->token);
  g_clear_pointer (&session->expires_at, g_date_time_unref);
  civic_account_free (session->account);
  g_free (session);
}

CivicActor *
civic_account_to_actor (CivicAccount *account)
{
  g_return_val_if_fail (account != NULL, NULL);

  return civic_actor_new (account->id, account->name, account->department_id, account->roles);
}

/* The account as the users directory shows it: no user name, no
 * password; who may act for it, and when (civic-delegation.h) */
static JsonNode *
directory_json (CivicAccount *account,
                const char   *department_name,
                GPtrArray    *delegations,
                CivicDay      today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", account->id);
  civic_json_set_string (builder, "name", account->name);
  civic_json_set_string (builder, "department_id", account->department_id);
  civic_json_set_string (builder, "department_name", department_name);
  civic_roles_to_json (builder, "roles", account->roles);
  civic_json_set_bool (builder, "disabled", account->disabled);
  json_builder_set_member_name (builder, "delegates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < delegations->len; i++)
    if (!civic_delegation_is_over (g_ptr_array_index (delegations, i), today))
      civic_delegation_to_json (g_ptr_array_index (delegations, i), builder, TRUE);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_INVALID,
                   _("The cryptography library could not start"));
      return FALSE;
    }
  return TRUE;
}

gboolean
civic_accounts_check_password (const char  *password,
                               GError     **error)
{
  /* Valid first: g_utf8_strlen() reads past the end of a cut sequence */
  if (password != NULL && !g_utf8_validate (password, -1, NULL))
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_INVALID,
                   _("The password is not valid UTF-8"));
      return FALSE;
    }

  if (password == NULL || g_utf8_strlen (password, -1) < MIN_PASSWORD_LENGTH)
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_INVALID,
                   _("A password needs at least %d characters"), MIN_PASSWORD_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/**
 * civic_accounts_hash_password:
 *
 * Returns: (transfer full) (nullable): the Argon2id hash of @password, in
 * libsodium's self-describing form ("$argon2id$v=19$m=65536,t=2,p=1$…").
 */
char *
civic_accounts_hash_password (const char  *password,
                              GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  if (crypto_pwhash_str (hash, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_INVALID,
                   _("Not enough memory to hash the password"));
      return NULL;
    }

  return g_strdup (hash);
}

static CivicAccount *
account_from_row (CivicDbStmt *stmt)
{
  CivicAccount *account = g_new0 (CivicAccount, 1);

  account->id = g_strdup (civic_db_column_text (stmt, 0));
  account->username = g_strdup (civic_db_column_text (stmt, 1));
  account->name = g_strdup (civic_db_column_text (stmt, 2));
  account->department_id = g_strdup (civic_db_column_text (stmt, 3));
  account->roles = civic_db_column_int (stmt, 4);
  account->disabled = civic_db_column_int (stmt, 5);
  account->scope_seq = civic_db_column_int64 (stmt, 6);
  account->must_change_password = civic_db_column_int (stmt, 7);
  account->created_at = g_strdup (civic_db_column_text (stmt, 8));
  account->password_set_at = g_strdup (civic_db_column_text (stmt, 9));
  account->disabled_reason = g_strdup (civic_db_column_text (stmt, 10));
  return account;
}

#define ACCOUNT_COLUMNS "id, username, name, department_id, roles, disabled, scope_seq, " \
                        "must_change_password, created_at, password_set_at, disabled_reason"
#define N_ACCOUNT_COLUMNS 11

static CivicAccount *
find_account (CivicDb      *db,
              const char   *sql,
              const char   *key,
              char        **password_hash,
              GError      **error)
{
  CivicDbStmt *stmt;
  CivicAccount *account = NULL;
  gboolean row;

  stmt = civic_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  civic_db_bind_text (stmt, 1, key);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;

  if (row)
    {
      account = account_from_row (stmt);
      if (password_hash != NULL)
        *password_hash = g_strdup (civic_db_column_text (stmt, N_ACCOUNT_COLUMNS));
    }
  civic_db_reset (stmt);
  return account;
}

/**
 * civic_accounts_find:
 *
 * Returns: (transfer full) (nullable): the account, or %NULL without
 * error when there is none.
 */
CivicAccount *
civic_accounts_find (CivicDb      *db,
                     const char   *username,
                     GError      **error)
{
  return find_account (db, "SELECT " ACCOUNT_COLUMNS ", password_hash FROM account "
                           "WHERE username = ?", username, NULL, error);
}

CivicAccount *
civic_accounts_find_by_id (CivicDb      *db,
                           const char   *id,
                           GError      **error)
{
  return find_account (db, "SELECT " ACCOUNT_COLUMNS ", password_hash FROM account "
                           "WHERE id = ?", id, NULL, error);
}

/**
 * civic_accounts_lookup_official:
 * @user_data: the #CivicDb of the service
 *
 * The #CivicDirectoryLookup of the service: officials as their accounts
 * are now.
 */
CivicActor *
civic_accounts_lookup_official (const char *id,
                                gboolean   *disabled,
                                gpointer    user_data)
{
  g_autoptr(CivicAccount) account = civic_accounts_find_by_id (user_data, id, NULL);

  if (account == NULL)
    return NULL;
  *disabled = account->disabled;
  return civic_account_to_actor (account);
}

static char *
department_name (CivicDb     *db,
                 const char  *department_id)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  if (department_id == NULL)
    return NULL;

  node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, department_id, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  return g_strdup (json_object_get_string_member_with_default (object, "name", NULL));
}

static CivicDay
day_of_text (const char *instant)
{
  g_autoptr(GDateTime) time = instant != NULL ? g_date_time_new_from_iso8601 (instant, NULL) : NULL;

  return time != NULL ? civic_time_day_of (time) : CIVIC_DAY_INVALID;
}

static CivicDay
day_of_column (CivicDbStmt  *stmt,
               int           column)
{
  CivicDay day = CIVIC_DAY_INVALID;
  const char *text = civic_db_column_text (stmt, column);

  if (text != NULL)
    civic_day_parse (text, &day);
  return day;
}

static CivicDelegation *
delegation_from_row (CivicDbStmt *stmt)
{
  CivicDelegation *window = civic_delegation_new (civic_db_column_text (stmt, 0),
                                                  civic_db_column_text (stmt, 1),
                                                  civic_db_column_text (stmt, 2),
                                                  day_of_column (stmt, 3),
                                                  day_of_column (stmt, 4),
                                                  civic_db_column_int (stmt, 5));

  window->reason = g_strdup (civic_db_column_text (stmt, 6));
  window->granted_by_name = g_strdup (civic_db_column_text (stmt, 7));
  window->ended_on = day_of_column (stmt, 8);
  return window;
}

#define DELEGATION_COLUMNS "d.id, d.delegate_id, a.name, d.starts_on, d.ends_on, d.roles, " \
                           "d.reason, d.granted_by_name, d.ended_on"

/* The windows in which others act for @principal_id, oldest first; the
 * delegate's name as it is now */
static GPtrArray *
load_delegations (CivicDb      *db,
                  const char   *principal_id,
                  GError      **error)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_delegation_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT " DELEGATION_COLUMNS " FROM delegation d "
                               "JOIN account a ON a.id = d.delegate_id "
                               "WHERE d.principal_id = ? ORDER BY d.starts_on, d.id", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, principal_id);
  while (civic_db_step (db, stmt, &row, error) && row)
    g_ptr_array_add (windows, delegation_from_row (stmt));
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&windows);
}

static gboolean
store_delegations (CivicDb             *db,
                   CivicAccountRecord  *record,
                   GError             **error)
{
  GPtrArray *windows = civic_account_record_get_delegations (record);

  for (guint i = 0; i < windows->len; i++)
    {
      const CivicDelegation *window = g_ptr_array_index (windows, i);
      g_autofree char *starts_on = civic_day_format (window->starts_on);
      g_autofree char *ends_on = civic_day_format (window->ends_on);
      g_autofree char *ended_on = window->ended_on != CIVIC_DAY_INVALID
                                  ? civic_day_format (window->ended_on) : NULL;
      CivicDbStmt *stmt;

      /* A window is never taken back: it is added, then perhaps ended */
      stmt = civic_db_prepare (db, "INSERT INTO delegation (id, principal_id, delegate_id, "
                                   "  starts_on, ends_on, roles, reason, granted_by_name, "
                                   "  ended_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                                   "ON CONFLICT (id) DO UPDATE SET ended_on = ?9 "
                                   "WHERE delegation.principal_id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, window->id);
      civic_db_bind_text (stmt, 2, civic_account_record_get_id (record));
      civic_db_bind_text (stmt, 3, window->delegate_id);
      civic_db_bind_text (stmt, 4, starts_on);
      civic_db_bind_text (stmt, 5, ends_on);
      civic_db_bind_int (stmt, 6, window->roles);
      civic_db_bind_text (stmt, 7, window->reason ? window->reason : "");
      civic_db_bind_text (stmt, 8, window->granted_by_name);
      civic_db_bind_text (stmt, 9, ended_on);
      if (!civic_db_run (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * civic_accounts_find_delegation:
 * @today: the service's day
 * @in_force: (out): whether the window found is in force today
 *
 * The window in which @delegate_id acts for @principal_id today, or,
 * when none is, the one that ended last or begins first, to tell why not.
 *
 * Returns: (transfer full) (nullable): the window, or %NULL when there
 * never was one (or on @error)
 */
CivicDelegation *
civic_accounts_find_delegation (CivicDb      *db,
                                const char   *principal_id,
                                const char   *delegate_id,
                                CivicDay      today,
                                gboolean     *in_force,
                                GError      **error)
{
  g_autoptr(GPtrArray) windows = load_delegations (db, principal_id, error);
  const CivicDelegation *best = NULL;

  *in_force = FALSE;
  if (windows == NULL)
    return NULL;
  for (guint i = 0; i < windows->len; i++)
    {
      const CivicDelegation *window = g_ptr_array_index (windows, i);

      if (g_strcmp0 (window->delegate_id, delegate_id) != 0)
        continue;
      if (civic_delegation_in_force (window, today))
        {
          *in_force = TRUE;
          return civic_delegation_copy (window);
        }
      /* Why not: the nearest window to today, on either side */
      if (best == NULL ||
          ABS ((gint64) civic_delegation_last_day (window) - (gint64) today) <
          ABS ((gint64) civic_delegation_last_day (best) - (gint64) today))
        best = window;
    }
  return best != NULL ? civic_delegation_copy (best) : NULL;
}

static CivicAccountRecord *
to_record (CivicAccount *account,
           const char   *department,
           GPtrArray    *delegations)
{
  CivicAccountRecord *record = civic_account_record_new (account->id);

  civic_account_record_set_fields (record, account->username, account->name,
                                   account->department_id, department, account->roles,
                                   account->disabled, account->must_change_password,
                                   day_of_text (account->created_at),
                                   day_of_text (account->password_set_at));
  civic_account_record_set_disabled_reason (record, account->disabled_reason);
  for (guint i = 0; i < delegations->len; i++)
    civic_account_record_take_delegation (record,
                                          civic_delegation_copy (g_ptr_array_index (delegations,
                                                                                    i)));
  return record;
}

static gint64
entity_rev (CivicDb     *db,
            const char  *type,
            const char  *id)
{
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, type, id, NULL);

  return row ? row->rev : 0;
}

/* The account's two entries in the feed: in the users directory, which
 * every official receives (no user name, nothing of its password), and
 * as the account administrators run (civic-account-record.h), for the hall's
 * administrators and its department's, at @rev, or at the next
 * revision when 0. Returns the latter's sequence number, 0 on error. */
static gint64
publish_account (CivicDb       *db,
                 CivicAccount  *account,
                 gint64         rev,
                 GError       **error)
{
  g_autofree char *department = department_name (db, account->department_id);
  g_autofree char *department_audience = NULL;
  g_autoptr(GPtrArray) delegations = load_delegations (db, account->id, error);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicAccountRecord) record = NULL;
  g_autoptr(JsonNode) record_node = NULL;
  const char *scope[] = { CIVIC_SCOPE_ADMIN, NULL, NULL };

  if (delegations == NULL)
    return 0;
  node = directory_json (account, department, delegations, civic_time_day_of (now));
  record = to_record (account, department, delegations);

  if (rev <= 0)
    rev = MAX (entity_rev (db, CIVIC_ENTITY_USER, account->id),
               entity_rev (db, CIVIC_ENTITY_ACCOUNT, account->id)) + 1;
  if (account->department_id != NULL)
    scope[1] = department_audience = civic_policy_department_admin_audience (account->department_id);
  civic_account_record_set_rev (record, rev);
  record_node = civic_account_record_to_json (record);

  if (civic_server_db_put_entity (db, CIVIC_ENTITY_USER, account->id, rev, node, NULL, error) == 0)
    return 0;
  return civic_server_db_put_entity (db, CIVIC_ENTITY_ACCOUNT, account->id, rev, record_node,
                                     scope, error);
}

/**
 * civic_accounts_to_record:
 *
 * Returns: (transfer full): @account as administrators run it, at the
 * revision the feed has
 */
CivicAccountRecord *
civic_accounts_to_record (CivicDb       *db,
                          CivicAccount  *account,
                          GError       **error)
{
  g_autofree char *department = department_name (db, account->department_id);
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, CIVIC_ENTITY_ACCOUNT,
                                                              account->id, error);
  g_autoptr(GPtrArray) delegations = NULL;
  CivicAccountRecord *record;

  if (row == NULL && error != NULL && *error != NULL)
    return NULL;
  delegations = load_delegations (db, account->id, error);
  if (delegations == NULL)
    return NULL;
  record = to_record (account, department, delegations);
  civic_account_record_set_rev (record, row != NULL ? row->rev : 0);
  return record;
}

/**
 * civic_accounts_publish_all:
 *
 * Publishes, once, every account that has no entry for administrators
 * yet: those of a data folder from before accounts were commands.
 */
gboolean
civic_accounts_publish_all (CivicDb      *db,
                            GError      **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_account_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT " ACCOUNT_COLUMNS " FROM account a WHERE NOT EXISTS ("
                               "  SELECT 1 FROM entity e WHERE e.type = '"
                               CIVIC_ENTITY_ACCOUNT "' AND e.id = a.id)", error);
  if (stmt == NULL)
    return FALSE;
  while (civic_db_step (db, stmt, &row, error) && row)
    g_ptr_array_add (missing, account_from_row (stmt));
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (missing->len == 0)
    return TRUE;

  if (!civic_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < missing->len; i++)
    if (publish_account (db, g_ptr_array_index (missing, i), 0, error) == 0)
      {
        civic_db_rollback (db);
        return FALSE;
      }
  return civic_db_commit (db, error);
}

/**
 * civic_accounts_check_department:
 * @department_id: (nullable): the account's department
 *
 * Whether an official of @department_id may hold @roles, by the roles
 * the department keeps (`civicdesk-server department roles`): the same
 * for the command line and an administrator's command.
 *
 * Returns: whether they may; %FALSE with a `rule` when not, or another
 * error when the department cannot be read
 */
gboolean
civic_accounts_check_department (CivicDb      *db,
                                 const char   *department_id,
                                 CivicRole     roles,
                                 GError      **error)
{
  g_autoptr(JsonNode) department = NULL;
  g_autoptr(GError) local = NULL;

  if (department_id == NULL)
    return TRUE;
  department = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, department_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (department == NULL || !JSON_NODE_HOLDS_OBJECT (department))
    return TRUE;  /* whether it exists is checked apart, by who names it */
  return civic_account_rules_check_department (roles, json_node_get_object (department), error);
}

/**
 * civic_accounts_count_admins:
 *
 * Returns: how many enabled accounts hold the administrator's role, as
 * the caller's transaction sees them; 0 with @error on failure
 */
guint
civic_accounts_count_admins (CivicDb      *db,
                             GError      **error)
{
  CivicDbStmt *stmt;
  guint n = 0;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT count(*) FROM account WHERE disabled = 0 AND "
                               "  (roles & ?) <> 0", error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_int (stmt, 1, CIVIC_ROLE_ADMIN);
  if (!civic_db_step (db, stmt, &row, error))
    return 0;
  if (row)
    n = (guint) civic_db_column_int (stmt, 0);
  civic_db_reset (stmt);
  return n;
}

static gboolean
revoke_sessions (CivicDb      *db,
                 const char   *account_id,
                 const char   *except_token,
                 GError      **error)
{
  g_autofree char *except = except_token ? civic_accounts_token_hash (except_token) : NULL;
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "UPDATE session SET revoked = 1 WHERE account_id = ? "
                               "  AND token_hash IS DISTINCT FROM ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, account_id);
  civic_db_bind_text (stmt, 2, except);
  return civic_db_run (db, stmt, error);
}

/* A password reset says the account may be in other hands: its calendar
 * feed's address, which needs no password, stops working too */
static gboolean
revoke_calendar_feed (CivicDb      *db,
                      const char   *account_id,
                      GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, "DELETE FROM calendar_token WHERE account_id = ?",
                                        error);

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, account_id);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_accounts_store:
 * @record: the account as a command left it (civic-account-kind.c)
 *
 * Writes an account an administrator added or changed and publishes it
 * at @record's revision, inside the command's transaction: a new
 * password (a hash the administrator's client made) ends every session
 * of the account and its calendar feed, as disabling it ends its
 * sessions; a new department or new roles
 * make its clients sync again from the start.
 *
 * Returns: the feed's sequence number, 0 on error
 */
gint64
civic_accounts_store (CivicDb             *db,
                      CivicAccountRecord  *record,
                      GDateTime           *now,
                      GError             **error)
{
  const char *id = civic_account_record_get_id (record);
  const char *hash = civic_account_record_get_password_hash (record);
  g_autoptr(CivicAccount) before = civic_accounts_find_by_id (db, id, error);
  g_autoptr(CivicAccount) after = NULL;
  g_autofree char *at = civic_time_format (now);
  gboolean rescope;
  CivicDbStmt *stmt;
  gint64 seq;

  if (before == NULL && error != NULL && *error != NULL)
    return 0;

  if (before == NULL)
    stmt = civic_db_prepare (db, "INSERT INTO account (id, username, name, department_id, "
                                 "  roles, disabled, disabled_reason, must_change_password, "
                                 "  password_hash, password_set_at, created_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                             error);
  else
    stmt = civic_db_prepare (db, "UPDATE account SET name = ?3, department_id = ?4, "
                                 "  roles = ?5, disabled = ?6, disabled_reason = ?7, "
                                 "  must_change_password = ?8, "
                                 "  password_hash = coalesce (?9, password_hash), "
                                 "  password_set_at = CASE WHEN ?9 IS NULL "
                                 "    THEN password_set_at ELSE ?10 END "
                                 "WHERE id = ?1 AND ?2 IS NOT NULL", error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_text (stmt, 2, civic_account_record_get_username (record));
  civic_db_bind_text (stmt, 3, civic_account_record_get_name (record));
  civic_db_bind_text (stmt, 4, civic_account_record_get_department_id (record));
  civic_db_bind_int (stmt, 5, civic_account_record_get_roles (record));
  civic_db_bind_int (stmt, 6, civic_account_record_get_disabled (record));
  civic_db_bind_text (stmt, 7, civic_account_record_get_disabled_reason (record));
  civic_db_bind_int (stmt, 8, civic_account_record_get_must_change_password (record));
  civic_db_bind_text (stmt, 9, hash);
  civic_db_bind_text (stmt, 10, at);
  if (!civic_db_run (db, stmt, error) || !store_delegations (db, record, error))
    return 0;

  if (before != NULL && (hash != NULL || civic_account_record_get_disabled (record)) &&
      !revoke_sessions (db, id, NULL, error))
    return 0;
  if (before != NULL && hash != NULL && !revoke_calendar_feed (db, id, error))
    return 0;

  after = civic_accounts_find_by_id (db, id, error);
  if (after == NULL)
    return 0;
  seq = publish_account (db, after, civic_account_record_get_rev (record), error);
  if (seq == 0)
    return 0;

  /* What they may see changed: their clients start again from 0 */
  rescope = before != NULL && (before->roles != after->roles ||
                               g_strcmp0 (before->department_id, after->department_id) != 0);
  if (rescope)
    {
      stmt = civic_db_prepare (db, "UPDATE account SET scope_seq = ? WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      civic_db_bind_int64 (stmt, 1, seq);
      civic_db_bind_text (stmt, 2, id);
      if (!civic_db_run (db, stmt, error))
        return 0;
    }
  return seq;
}

/**
 * civic_accounts_add:
 * @id: (nullable): the account's id, or %NULL for a new random one
 * @password_hash: from civic_accounts_hash_password()
 *
 * Creates an account and its users-directory entry. Call inside a write
 * transaction.
 */
CivicAccount *
civic_accounts_add (CivicDb      *db,
                    const char   *id,
                    const char   *username,
                    const char   *name,
                    const char   *department_id,
                    CivicRole     roles,
                    const char   *password_hash,
                    GError      **error)
{
  g_autoptr(CivicAccount) account = NULL;
  g_autoptr(CivicAccount) existing = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *new_id = NULL;
  CivicDbStmt *stmt;

  g_return_val_if_fail (username != NULL && name != NULL && password_hash != NULL, NULL);

  if (!civic_account_username_is_valid (username))
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_INVALID,
                   _("“%s” is not a valid user name: use letters, digits, dots, dashes and "
                     "underscores"), username);
      return NULL;
    }

  existing = civic_accounts_find (db, username, error);
  if (existing != NULL)
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_EXISTS,
                   _("The user name “%s” is taken"), username);
      return NULL;
    }

  if (id == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      id = new_id = g_strconcat ("u-", uuid, NULL);
    }

  stmt = civic_db_prepare (db, "INSERT INTO account (id, username, name, department_id, roles, "
                               "  password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return NULL;

  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_text (stmt, 2, username);
  civic_db_bind_text (stmt, 3, name);
  civic_db_bind_text (stmt, 4, department_id);
  civic_db_bind_int (stmt, 5, roles);
  civic_db_bind_text (stmt, 6, password_hash);
  civic_db_bind_text (stmt, 7, created);
  if (!civic_db_run (db, stmt, error))
    return NULL;

  account = civic_accounts_find (db, username, error);
  if (account == NULL || publish_account (db, account, 1, error) == 0)
    return NULL;

  return g_steal_pointer (&account);
}

GPtrArray *
civic_accounts_list (CivicDb      *db,
                     GError      **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_account_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT " ACCOUNT_COLUMNS " FROM account "
                               "ORDER BY department_id, username", error);
  if (stmt == NULL)
    return NULL;

  while (civic_db_step (db, stmt, &row, error) && row)
    g_ptr_array_add (accounts, account_from_row (stmt));
  civic_db_reset (stmt);

  return g_steal_pointer (&accounts);
}

static gboolean
require_account (CivicAccount  *account,
                 const char    *username,
                 GError       **error)
{
  if (account == NULL && (error == NULL || *error == NULL))
    g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_NOT_FOUND,
                 _("There is no user “%s”"), username);
  return account != NULL;
}

/**
 * civic_accounts_set_password:
 *
 * Replaces the password and revokes every session of the account. Call
 * inside a write transaction.
 */
gboolean
civic_accounts_set_password (CivicDb      *db,
                             const char   *username,
                             const char   *password_hash,
                             GError      **error)
{
  g_autoptr(CivicAccount) account = civic_accounts_find (db, username, error);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *at = civic_time_format (now);
  g_autofree char *id = NULL;
  CivicDbStmt *stmt;

  if (!require_account (account, username, error))
    return FALSE;
  id = g_strdup (account->id);

  /* The operator's password is the official's own: nothing to choose */
  stmt = civic_db_prepare (db, "UPDATE account SET password_hash = ?, "
                               "  must_change_password = 0, password_set_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, password_hash);
  civic_db_bind_text (stmt, 2, at);
  civic_db_bind_text (stmt, 3, account->id);
  if (!civic_db_run (db, stmt, error) ||
      !revoke_sessions (db, account->id, NULL, error) ||
      !revoke_calendar_feed (db, account->id, error))
    return FALSE;

  g_clear_pointer (&account, civic_account_free);
  account = civic_accounts_find_by_id (db, id, error);
  return account != NULL && publish_account (db, account, 0, error) != 0;
}

gboolean
civic_accounts_set_disabled (CivicDb      *db,
                             const char   *username,
                             gboolean      disabled,
                             GError      **error)
{
  g_autoptr(CivicAccount) account = civic_accounts_find (db, username, error);
  CivicDbStmt *stmt;

  if (!require_account (account, username, error))
    return FALSE;

  /* The command line gives no reason: one given before no longer holds */
  stmt = civic_db_prepare (db, "UPDATE account SET disabled = ?, disabled_reason = NULL "
                               "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_int (stmt, 1, !!disabled);
  civic_db_bind_text (stmt, 2, account->id);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  if (disabled)
    {
      stmt = civic_db_prepare (db, "UPDATE session SET revoked = 1 WHERE account_id = ?",
                               error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, account->id);
      if (!civic_db_run (db, stmt, error))
        return FALSE;
    }

  account->disabled = !!disabled;
  return publish_account (db, account, 0, error) != 0;
}

/**
 * civic_accounts_set_scope:
 *
 * Moves an official to another department, or changes their roles. What
 * they may see changes with it, so their clients must sync again from the
 * start: the feed answers 410 to any cursor from before this change. Call
 * inside a write transaction.
 */
gboolean
civic_accounts_set_scope (CivicDb      *db,
                          const char   *username,
                          const char   *department_id,
                          CivicRole     roles,
                          GError      **error)
{
  g_autoptr(CivicAccount) account = civic_accounts_find (db, username, error);
  CivicDbStmt *stmt;
  gint64 seq;

  if (!require_account (account, username, error))
    return FALSE;

  g_free (account->department_id);
  account->department_id = g_strdup (department_id);
  account->roles = roles;

  seq = publish_account (db, account, 0, error);
  if (seq == 0)
    return FALSE;

  stmt = civic_db_prepare (db, "UPDATE account SET department_id = ?, roles = ?, "
                               "  scope_seq = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, department_id);
  civic_db_bind_int (stmt, 2, roles);
  civic_db_bind_int64 (stmt, 3, seq);
  civic_db_bind_text (stmt, 4, account->id);
  return civic_db_run (db, stmt, error);
}

char *
civic_accounts_token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/**
 * civic_accounts_new_token:
 *
 * Returns: (transfer full): 256 random bits, URL-safe: a session's token,
 * a calendar feed's
 */
char *
civic_accounts_new_token (void)
{
  guchar bytes[32];
  char encoded[sodium_base64_ENCODED_LEN (32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (encoded, sizeof encoded, bytes, sizeof bytes,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);
  return g_strdup (encoded);
}

/* Failures of a key within the window, and when the last one was. */
static gint64
count_attempts (CivicDb      *db,
                const char   *sql,
                const char   *name,
                const char   *address,
                gint64        since,
                gint64       *last,
                GError      **error)
{
  CivicDbStmt *stmt;
  gboolean row;
  gint64 count = -1;

  stmt = civic_db_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;

  civic_db_bind_text (stmt, 1, address);
  civic_db_bind_int64 (stmt, 2, since);
  civic_db_bind_text (stmt, 3, name);
  if (civic_db_step (db, stmt, &row, error))
    {
      count = row ? civic_db_column_int64 (stmt, 0) : 0;
      *last = row ? civic_db_column_int64 (stmt, 1) : 0;
    }
  civic_db_reset (stmt);
  return count;
}

/**
 * civic_accounts_sign_in_delay:
 * @failures: failed attempts within the window
 * @free_attempts: how many may come at once
 *
 * Returns: the seconds that must pass after the last failure before the
 * next attempt: none for the first @free_attempts, then 1, 2, 4 … up to
 * the window.
 */
gint64
civic_accounts_sign_in_delay (gint64 failures,
                              gint64 free_attempts)
{
  if (failures < free_attempts)
    return 0;
  if (failures - free_attempts >= 20)
    return CIVIC_LOGIN_WINDOW_SECONDS;
  return MIN ((gint64) 1 << (failures - free_attempts), CIVIC_LOGIN_WINDOW_SECONDS);
}

/* Inside the write transaction: may this attempt go ahead? If so it is
 * counted now, as a failure until its password proves right. Times are
 * milliseconds of the real clock, which a pinned legal clock
 * (CIVICDESK_NOW) does not stop. */
static gboolean
take_attempt (CivicDb      *db,
              const char   *name,
              const char   *address,
              gint64       *retry_after,
              gboolean     *throttled,
              GError      **error)
{
  gint64 now = g_get_real_time () / 1000;
  gint64 since = now - CIVIC_LOGIN_WINDOW_SECONDS * 1000;
  gint64 last = 0, failures, wait;
  CivicDbStmt *stmt;

  *throttled = FALSE;

  failures = count_attempts (db, "SELECT count (*), max (at) FROM sign_in_attempt "
                                 "WHERE address = ?1 AND at > ?2 AND name = ?3",
                             name, address, since, &last, error);
  if (failures < 0)
    return FALSE;
  wait = last + civic_accounts_sign_in_delay (failures, CIVIC_LOGIN_FREE_ATTEMPTS) * 1000 - now;

  if (wait <= 0)
    {
      failures = count_attempts (db, "SELECT count (*), max (at) FROM sign_in_attempt "
                                     "WHERE address = ?1 AND at > ?2 AND ?3 IS NOT NULL",
                                 name, address, since, &last, error);
      if (failures < 0)
        return FALSE;
      wait = last + civic_accounts_sign_in_delay (failures, CIVIC_LOGIN_FREE_ADDRESS_ATTEMPTS) * 1000
             - now;
    }

  if (wait > 0)
    {
      *throttled = TRUE;
      *retry_after = (wait + 999) / 1000;
      return TRUE;
    }

  stmt = civic_db_prepare (db, "INSERT INTO sign_in_attempt (name, address, at) "
                               "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, name);
  civic_db_bind_text (stmt, 2, address);
  civic_db_bind_int64 (stmt, 3, now);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  /* The table keeps the window only. */
  stmt = civic_db_prepare (db, "DELETE FROM sign_in_attempt WHERE at <= ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_int64 (stmt, 1, since);
  return civic_db_run (db, stmt, error);
}

static gboolean
wrong_credentials (GError **error)
{
  g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_WRONG_CREDENTIALS,
               _("The user name or the password is wrong"));
  return FALSE;
}

/* The audit entry of a sign-in that did not open a session: the name
 * tried (cut short: it is what was typed, not an identity), never the
 * password. */
static gboolean
audit_refusal (CivicDb      *db,
               GDateTime    *now,
               const char   *account_id,
               const char   *action,
               const char   *name,
               const char   *address,
               GError      **error)
{
  g_autoptr(GString) detail = g_string_new ("{\"username\":");

  /* Only what could be a user name: people type their password into the
   * name field, and the log keeps what it is given for good. */
  if (civic_account_username_is_valid (name))
    civic_json_append_string (detail, name);
  else
    g_string_append (detail, "null");
  g_string_append_c (detail, '}');
  return civic_audit_append (db, now, account_id, action, NULL, detail->str, address, error);
}

/* One short write transaction: an audit entry of a refusal. */
static gboolean
record_refusal (CivicDb      *db,
                GDateTime    *now,
                const char   *account_id,
                const char   *action,
                const char   *name,
                const char   *address,
                GError      **error)
{
  if (!civic_db_begin (db, error))
    return FALSE;
  if (!audit_refusal (db, now, account_id, action, name, address, error) ||
      !civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_password (const char *password_hash,
                const char *password)
{
  /* An unknown name spends the same time as a real check, so timing
   * reveals nothing. */
  static char dummy[crypto_pwhash_STRBYTES];
  static gsize dummy_made = 0;

  if (password_hash != NULL)
    return crypto_pwhash_str_verify (password_hash, password, strlen (password)) == 0;

  if (g_once_init_enter (&dummy_made))
    {
      if (crypto_pwhash_str (dummy, "civic-desk", 10, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        dummy[0] = '\0';
      g_once_init_leave (&dummy_made, 1);
    }
  if (dummy[0] != '\0' && crypto_pwhash_str_verify (dummy, password, strlen (password)) == 0)
    g_debug ("someone typed the dummy password");
  return FALSE;
}

/**
 * civic_accounts_sign_in:
 * @address: the client's address, for throttling and the audit log
 * @retry_after: (out): when throttled, the seconds until another attempt
 *   may be made
 *
 * Counts the attempt, checks the password (about 0.1 s of Argon2id,
 * outside any transaction), opens a session, and records the outcome,
 * whatever it is, in the audit log.
 *
 * Returns: (transfer full) (nullable): the session, its token in clear
 * for the client; the database keeps only its hash.
 */
CivicSession *
civic_accounts_sign_in (CivicDb      *db,
                        const char   *username,
                        const char   *password,
                        const char   *address,
                        GDateTime    *now,
                        int           session_hours,
                        gint64       *retry_after,
                        GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *client = NULL;
  g_autofree char *password_hash = NULL;
  g_autoptr(CivicAccount) account = NULL;
  g_autoptr(CivicSession) session = NULL;
  g_autofree char *token_hash = NULL;
  CivicDbStmt *stmt;
  gint64 now_s = g_date_time_to_unix (now);
  gboolean throttled;

  *retry_after = 0;
  if (!ensure_sodium (error))
    return NULL;

  if (username == NULL || password == NULL || !g_utf8_validate (username, -1, NULL))
    {
      wrong_credentials (error);
      return NULL;
    }

  name = g_utf8_casefold (username, -1);
  client = civic_rate_limit_address_key (address);

  if (!civic_db_begin (db, error))
    return NULL;
  if (!take_attempt (db, name, client, retry_after, &throttled, error) ||
      (throttled && !audit_refusal (db, now, NULL, "sign-in-throttled", username, address, error)) ||
      !civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      return NULL;
    }

  if (throttled)
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_THROTTLED,
                   civic_ngettext ("Too many failed sign-ins from this computer; try again in %"
                                   PRId64 " second",
                                   "Too many failed sign-ins from this computer; try again in %"
                                   PRId64 " seconds", *retry_after),
                   *retry_after);
      return NULL;
    }

  account = find_account (db, "SELECT " ACCOUNT_COLUMNS ", password_hash FROM account "
                              "WHERE username = ?", username, &password_hash, error);
  if (account == NULL && error != NULL && *error != NULL)
    return NULL;

  if (!check_password (account ? password_hash : NULL, password))
    {
      if (!record_refusal (db, now, account ? account->id : NULL, "sign-in-failed", username,
                           address, error))
        return NULL;
      wrong_credentials (error);
      return NULL;
    }

  if (account->disabled)
    {
      if (!record_refusal (db, now, account->id, "sign-in-disabled", username, address, error))
        return NULL;
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_DISABLED,
                   _("This account has been disabled; ask your administrator"));
      return NULL;
    }

  session = g_new0 (CivicSession, 1);
  session->token = civic_accounts_new_token ();
  session->expires_at = g_date_time_add_hours (now, session_hours);
  token_hash = civic_accounts_token_hash (session->token);

  if (!civic_db_begin (db, error))
    return NULL;

  stmt = civic_db_prepare (db, "INSERT INTO session (token_hash, account_id, created_at, "
                               "  expires_at, view_seq) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  civic_db_bind_text (stmt, 1, token_hash);
  civic_db_bind_text (stmt, 2, account->id);
  civic_db_bind_int64 (stmt, 3, now_s);
  civic_db_bind_int64 (stmt, 4, g_date_time_to_unix (session->expires_at));
  civic_db_bind_int64 (stmt, 5, account->scope_seq);
  if (!civic_db_run (db, stmt, error))
    goto fail;

  /* The right password clears this name's count from this address. */
  stmt = civic_db_prepare (db, "DELETE FROM sign_in_attempt WHERE name = ? AND address = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  civic_db_bind_text (stmt, 1, name);
  civic_db_bind_text (stmt, 2, client);
  if (!civic_db_run (db, stmt, error) ||
      !civic_audit_append (db, now, account->id, "sign-in", NULL, NULL, address, error) ||
      !civic_db_commit (db, error))
    goto fail;

  session->account = g_steal_pointer (&account);
  return g_steal_pointer (&session);

fail:
  civic_db_rollback (db);
  return NULL;
}

/**
 * civic_accounts_authenticate:
 *
 * Returns: (transfer full) (nullable): the account a live session's token
 * belongs to, or %NULL with %CIVIC_ACCOUNTS_ERROR_UNAUTHORIZED.
 */
CivicAccount *
civic_accounts_authenticate (CivicDb      *db,
                             const char   *token,
                             GDateTime    *now,
                             GError      **error)
{
  g_autofree char *token_hash = NULL;
  CivicAccount *account = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  if (token == NULL || *token == '\0')
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_UNAUTHORIZED,
                   _("Sign in first"));
      return NULL;
    }

  token_hash = civic_accounts_token_hash (token);
  stmt = civic_db_prepare (db, "SELECT a.id, a.username, a.name, a.department_id, a.roles, "
                               "  a.disabled, a.scope_seq, a.must_change_password, "
                               "  a.created_at, a.password_set_at, a.disabled_reason, s.view_seq, "
                               "  a.write_seq "
                               "FROM session s JOIN account a ON a.id = s.account_id "
                               "WHERE s.token_hash = ? AND s.revoked = 0 AND s.expires_at > ? "
                               "  AND a.disabled = 0", error);
  if (stmt == NULL)
    return NULL;

  civic_db_bind_text (stmt, 1, token_hash);
  civic_db_bind_int64 (stmt, 2, g_date_time_to_unix (now));
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;

  if (row)
    {
      account = account_from_row (stmt);
      account->view_seq = civic_db_column_int64 (stmt, N_ACCOUNT_COLUMNS);
      account->write_seq = civic_db_column_int64 (stmt, N_ACCOUNT_COLUMNS + 1);
    }
  civic_db_reset (stmt);

  if (account == NULL)
    g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_UNAUTHORIZED,
                 _("The session has expired or was ended; sign in again"));
  return account;
}

/**
 * civic_accounts_mark_write:
 *
 * Records, in the caller's write transaction, that the account's own
 * writes have got as far as the feed's sequence now: a read database
 * answers the account only once it has replayed that far
 * (civic-server.c: reader_for()). Every write an official makes outside a
 * command marks it too.
 */
gboolean
civic_accounts_mark_write (CivicDb     *db,
                           const char  *account_id,
                           GError     **error)
{
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "UPDATE account SET write_seq = "
                               "  (SELECT CAST (value AS BIGINT) FROM meta WHERE key = 'seq') "
                               "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, account_id);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_accounts_acknowledge_view:
 *
 * Records that the session's client started over from 0 under the view
 * that began at @scope_seq: its cursors are good again.
 */
gboolean
civic_accounts_acknowledge_view (CivicDb      *db,
                                 const char   *token,
                                 gint64        scope_seq,
                                 GError      **error)
{
  g_autofree char *token_hash = civic_accounts_token_hash (token);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "UPDATE session SET view_seq = ? WHERE token_hash = ?", error);
  if (stmt == NULL)
    return FALSE;

  civic_db_bind_int64 (stmt, 1, scope_seq);
  civic_db_bind_text (stmt, 2, token_hash);
  return civic_db_run (db, stmt, error);
}

gboolean
civic_accounts_revoke (CivicDb      *db,
                       const char   *token,
                       GError      **error)
{
  g_autofree char *token_hash = civic_accounts_token_hash (token);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "UPDATE session SET revoked = 1 WHERE token_hash = ?", error);
  if (stmt == NULL)
    return FALSE;

  civic_db_bind_text (stmt, 1, token_hash);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_accounts_change_password:
 * @account: the signed-in official, as authenticated
 * @token: their session's token, which stays open
 * @current: the password they signed in with
 * @password: the one they choose
 * @retry_after: (out): when throttled, the seconds until another attempt
 *
 * An official chooses their own password: after an administrator gave
 * them a temporary one, before anything else, or whenever they like. The
 * password they have is asked again, counted as sign-ins are, so a
 * session left open does not let a passer-by take the account. Every
 * other session of the account ends; the account is published again, no
 * longer waiting for a password; the audit log has the change, never a
 * password.
 */
gboolean
civic_accounts_change_password (CivicDb       *db,
                                CivicAccount  *account,
                                const char    *token,
                                const char    *current,
                                const char    *password,
                                const char    *address,
                                GDateTime     *now,
                                gint64        *retry_after,
                                GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *client = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *token_hash = NULL;
  g_autofree char *at = civic_time_format (now);
  g_autoptr(CivicAccount) found = NULL;
  g_autoptr(CivicAccount) after = NULL;
  CivicDbStmt *stmt;
  gboolean throttled;

  g_return_val_if_fail (account != NULL && token != NULL, FALSE);

  *retry_after = 0;
  if (!ensure_sodium (error))
    return FALSE;
  if (current == NULL || password == NULL || !g_utf8_validate (current, -1, NULL))
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_WRONG_PASSWORD,
                   _("The password you have now is wrong"));
      return FALSE;
    }
  if (!civic_accounts_check_password (password, error))
    return FALSE;
  if (g_str_equal (current, password))
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_INVALID,
                   _("Choose a password other than the one you have"));
      return FALSE;
    }

  name = g_utf8_casefold (account->username, -1);
  client = civic_rate_limit_address_key (address);
  if (!civic_db_begin (db, error))
    return FALSE;
  if (!take_attempt (db, name, client, retry_after, &throttled, error) ||
      !civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      return FALSE;
    }
  if (throttled)
    {
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_THROTTLED,
                   civic_ngettext ("Too many wrong passwords; try again in %" PRId64 " second",
                                   "Too many wrong passwords; try again in %" PRId64 " seconds",
                                   *retry_after),
                   *retry_after);
      return FALSE;
    }

  found = find_account (db, "SELECT " ACCOUNT_COLUMNS ", password_hash FROM account "
                            "WHERE id = ?", account->id, &stored, error);
  if (found == NULL)
    return FALSE;
  if (!check_password (stored, current))
    {
      if (!record_refusal (db, now, account->id, "password-change-failed", account->username,
                           address, error))
        return FALSE;
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_WRONG_PASSWORD,
                   _("The password you have now is wrong"));
      return FALSE;
    }

  hash = civic_accounts_hash_password (password, error);
  if (hash == NULL || !civic_db_begin (db, error))
    return FALSE;
  /* Only over the password checked, on an enabled account, from a session
   * still open: a reset or a disabling meanwhile wins */
  stmt = civic_db_prepare (db, "UPDATE account SET password_hash = ?1, "
                               "  must_change_password = 0, password_set_at = ?2 "
                               "WHERE id = ?3 AND password_hash = ?4 AND disabled = 0 "
                               "  AND EXISTS (SELECT 1 FROM session WHERE token_hash = ?5 "
                               "    AND account_id = ?3 AND revoked = 0)",
                           error);
  if (stmt == NULL)
    goto fail;
  civic_db_bind_text (stmt, 1, hash);
  civic_db_bind_text (stmt, 2, at);
  civic_db_bind_text (stmt, 3, account->id);
  civic_db_bind_text (stmt, 4, stored);
  civic_db_bind_text (stmt, 5, token_hash = civic_accounts_token_hash (token));
  if (!civic_db_run (db, stmt, error))
    goto fail;
  if (civic_db_changes (db) == 0)
    {
      civic_db_rollback (db);
      g_set_error (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_UNAUTHORIZED,
                   _("The account changed meanwhile; sign in again"));
      return FALSE;
    }
  /* The right password clears this name's count from this address */
  stmt = civic_db_prepare (db, "DELETE FROM sign_in_attempt WHERE name = ? AND address = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  civic_db_bind_text (stmt, 1, name);
  civic_db_bind_text (stmt, 2, client);
  if (!civic_db_run (db, stmt, error) ||
      !revoke_sessions (db, account->id, token, error) ||
      !(after = civic_accounts_find_by_id (db, account->id, error)) ||
      publish_account (db, after, 0, error) == 0 ||
      !civic_accounts_mark_write (db, account->id, error) ||
      !civic_audit_append (db, now, account->id, "change-password", account->id, NULL, address,
                           error) ||
      !civic_db_commit (db, error))
    goto fail;
  sodium_memzero (hash, strlen (hash));
  return TRUE;

fail:
  civic_db_rollback (db);
  return FALSE;
}
