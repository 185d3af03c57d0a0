/* civic-account.h — one official on one service: session, cache, sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "civic-actor.h"
#include "civic-delegation.h"
#include "civic-api-client.h"
#include "civic-cache.h"
#include "civic-outbox.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_ACCOUNT_ERROR (civic_account_error_quark ())

typedef enum
{
  CIVIC_ACCOUNT_ERROR_NEVER_SIGNED_IN,  /* nothing kept here: sign in online first */
  CIVIC_ACCOUNT_ERROR_OTHER_USER,       /* the service says the name is someone else's */
  CIVIC_ACCOUNT_ERROR_PASSWORD_CHANGE_REQUIRED,  /* an administrator set the password */
  CIVIC_ACCOUNT_ERROR_NOT_DELEGATE,     /* no window in force lets them act for that official */
} CivicAccountError;

/* An official one may act for today, and the window that lets one */
typedef struct
{
  CivicActor      *principal;
  CivicDelegation *window;
} CivicActingFor;

void civic_acting_for_free (CivicActingFor *acting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicActingFor, civic_acting_for_free)

#define CIVIC_TYPE_ACCOUNT (civic_account_get_type ())
G_DECLARE_FINAL_TYPE (CivicAccount, civic_account, CIVIC, ACCOUNT, GObject)

GQuark            civic_account_error_quark      (void);

CivicAccount     *civic_account_new              (const char          *service_url,
                                                  const char          *username,
                                                  const char          *ca_file,
                                                  GError             **error);
void              civic_account_set_keep_session (CivicAccount        *self,
                                                  gboolean             keep);
const char       *civic_account_get_service_url  (CivicAccount        *self);
const char       *civic_account_get_username     (CivicAccount        *self);
const CivicActor *civic_account_get_actor        (CivicAccount        *self);
const char       *civic_account_get_department_name (CivicAccount     *self);
gboolean          civic_account_is_ready         (CivicAccount        *self);
gboolean          civic_account_is_signed_in     (CivicAccount        *self);
const char       *civic_account_get_dir          (CivicAccount        *self);

CivicApiClient   *civic_account_get_client       (CivicAccount        *self);
CivicCache       *civic_account_get_cache        (CivicAccount        *self);
CivicOutbox      *civic_account_get_outbox       (CivicAccount        *self);
CivicSyncEngine  *civic_account_get_engine       (CivicAccount        *self);

void              civic_account_sign_in_async    (CivicAccount        *self,
                                                  const char          *password,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean          civic_account_sign_in_finish   (CivicAccount        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void              civic_account_choose_password_async (CivicAccount   *self,
                                                  const char          *current,
                                                  const char          *password,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean          civic_account_choose_password_finish (CivicAccount  *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void              civic_account_abandon_password_session (CivicAccount *self);
void              civic_account_restore_async    (CivicAccount        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean          civic_account_restore_finish   (CivicAccount        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void              civic_account_sign_out_async   (CivicAccount        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean          civic_account_sign_out_finish  (CivicAccount        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

GPtrArray        *civic_account_list_principals  (CivicAccount        *self);
gboolean          civic_account_act_for          (CivicAccount        *self,
                                                  const char          *principal_id,
                                                  GError             **error);
const CivicActor *civic_account_get_acting_for   (CivicAccount        *self,
                                                  const CivicDelegation **window);

G_END_DECLS
