/* civic-accounts.h — officials' accounts, passwords and sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-account-record.h"
#include "civic-actor.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_ACCOUNTS_ERROR (civic_accounts_error_quark ())

typedef enum
{
  CIVIC_ACCOUNTS_ERROR_WRONG_CREDENTIALS,
  CIVIC_ACCOUNTS_ERROR_DISABLED,
  CIVIC_ACCOUNTS_ERROR_THROTTLED,
  CIVIC_ACCOUNTS_ERROR_UNAUTHORIZED,
  CIVIC_ACCOUNTS_ERROR_EXISTS,
  CIVIC_ACCOUNTS_ERROR_NOT_FOUND,
  CIVIC_ACCOUNTS_ERROR_INVALID,
  CIVIC_ACCOUNTS_ERROR_WRONG_PASSWORD,
} CivicAccountsError;

typedef struct
{
  char      *id;
  char      *username;
  char      *name;
  char      *department_id;
  CivicRole  roles;
  gboolean   disabled;
  gint64     scope_seq;   /* the change seq from which this account sees what it sees */
  gint64     view_seq;    /* the scope a session's client has synced from 0 under */
  gint64     write_seq;   /* the change seq of its last command (with view_seq, only
                           * from civic_accounts_authenticate()) */
  gboolean   must_change_password;  /* signed in, they may do nothing else first */
  char      *created_at;
  char      *password_set_at;
  char      *disabled_reason;
} CivicAccount;

typedef struct
{
  char         *token;
  GDateTime    *expires_at;
  CivicAccount *account;
} CivicSession;

/* Throttling (civic-accounts.c): failed sign-ins within the window are
 * counted per (name, address) and per address; past the free ones, each
 * attempt waits twice as long after the last as the one before. */
#define CIVIC_LOGIN_WINDOW_SECONDS         (15 * 60)
#define CIVIC_LOGIN_FREE_ATTEMPTS          5
#define CIVIC_LOGIN_FREE_ADDRESS_ATTEMPTS  30

GQuark        civic_accounts_error_quark     (void);

void          civic_account_free             (CivicAccount  *account);
CivicActor   *civic_account_to_actor         (CivicAccount  *account);
void          civic_session_free             (CivicSession  *session);

char         *civic_accounts_hash_password   (const char    *password,
                                              GError       **error);
gboolean      civic_accounts_check_password  (const char    *password,
                                              GError       **error);

CivicAccount *civic_accounts_add             (CivicDb       *db,
                                              const char    *id,
                                              const char    *username,
                                              const char    *name,
                                              const char    *department_id,
                                              CivicRole      roles,
                                              const char    *password_hash,
                                              GError       **error);
CivicAccount *civic_accounts_find            (CivicDb       *db,
                                              const char    *username,
                                              GError       **error);
CivicAccount *civic_accounts_find_by_id      (CivicDb       *db,
                                              const char    *id,
                                              GError       **error);
CivicActor   *civic_accounts_lookup_official (const char    *id,
                                              gboolean      *disabled,
                                              gpointer       user_data);
CivicDelegation *civic_accounts_find_delegation (CivicDb     *db,
                                              const char    *principal_id,
                                              const char    *delegate_id,
                                              CivicDay       today,
                                              gboolean      *in_force,
                                              GError       **error);
CivicAccountRecord *civic_accounts_to_record (CivicDb       *db,
                                              CivicAccount  *account,
                                              GError       **error);
gint64        civic_accounts_store           (CivicDb       *db,
                                              CivicAccountRecord *record,
                                              GDateTime     *now,
                                              GError       **error);
gboolean      civic_accounts_publish_all     (CivicDb       *db,
                                              GError       **error);
gboolean      civic_accounts_check_department (CivicDb      *db,
                                               const char   *department_id,
                                               CivicRole     roles,
                                               GError      **error);
guint         civic_accounts_count_admins    (CivicDb       *db,
                                              GError       **error);
gboolean      civic_accounts_change_password (CivicDb       *db,
                                              CivicAccount  *account,
                                              const char    *token,
                                              const char    *current,
                                              const char    *password,
                                              const char    *address,
                                              GDateTime     *now,
                                              gint64        *retry_after,
                                              GError       **error);
GPtrArray    *civic_accounts_list            (CivicDb       *db,
                                              GError       **error);
gboolean      civic_accounts_set_password    (CivicDb       *db,
                                              const char    *username,
                                              const char    *password_hash,
                                              GError       **error);
gboolean      civic_accounts_set_scope       (CivicDb       *db,
                                              const char    *username,
                                              const char    *department_id,
                                              CivicRole      roles,
                                              GError       **error);
gboolean      civic_accounts_set_disabled    (CivicDb       *db,
                                              const char    *username,
                                              gboolean       disabled,
                                              GError       **error);

CivicSession *civic_accounts_sign_in         (CivicDb       *db,
                                              const char    *username,
                                              const char    *password,
                                              const char    *address,
                                              GDateTime     *now,
                                              int            session_hours,
                                              gint64        *retry_after,
                                              GError       **error);
CivicAccount *civic_accounts_authenticate    (CivicDb       *db,
                                              const char    *token,
                                              GDateTime     *now,
                                              GError       **error);
gboolean      civic_accounts_mark_write      (CivicDb      *db,
                                              const char   *account_id,
                                              GError      **error);
gboolean      civic_accounts_acknowledge_view (CivicDb      *db,
                                              const char    *token,
                                              gint64         scope_seq,
                                              GError       **error);
gboolean      civic_accounts_revoke          (CivicDb       *db,
                                              const char    *token,
                                              GError       **error);
char         *civic_accounts_token_hash      (const char    *token);
char         *civic_accounts_new_token       (void);
gint64        civic_accounts_sign_in_delay   (gint64         failures,
                                              gint64         free_attempts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicAccount, civic_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicSession, civic_session_free)

G_END_DECLS
