/* civic-account.c — one official on one service: session, cache, sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-account"

#include "config.h"

#include "civic-i18n.h"
#include <glib/gstdio.h>
#include <string.h>

#include "civic-account.h"
#include "civic-credentials.h"
#include "civic-json.h"
#include "civic-sqlite.h"
#include "civic-time.h"

/* An account is an official on a service, and the folder where the client
 * keeps their offline copy (cache.db), the work not yet sent (outbox.db)
 * and who they are (account.json: the user record the service sent at the
 * last sign-in — a name, a department and roles, nothing secret). With
 * that file the client opens offline, without the service; the token that
 * lets it sync is in the Secret Service (civic-credentials.c). */

#define ACCOUNT_FILE "account.json"

struct _CivicAccount
{
  GObject          parent_instance;

  char            *service_url;
  char            *username;
  char            *dir;
  CivicActor      *actor;
  char            *department_name;

  gboolean         keep_session;
  char            *ca_file;

  CivicApiClient  *client;
  /* A session opened with a password an administrator set, kept apart
   * from the client the sync engine uses: it may only choose a password */
  CivicApiClient  *password_client;
  CivicCache      *cache;
  CivicOutbox     *outbox;
  CivicSyncEngine *engine;

  /* While the official acts for another (委托): whom, and in which window */
  CivicActor      *principal;
  CivicDelegation *window;
};

G_DEFINE_FINAL_TYPE (CivicAccount, civic_account, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-account-error-quark, civic_account_error)

static void
civic_account_dispose (GObject *object)
{
  CivicAccount *self = (CivicAccount *)object;

  if (self->engine != NULL)
    civic_sync_engine_stop (self->engine);
  g_clear_object (&self->engine);
  g_clear_object (&self->outbox);
  g_clear_object (&self->cache);
  g_clear_object (&self->client);
  g_clear_object (&self->password_client);

  G_OBJECT_CLASS (civic_account_parent_class)->dispose (object);
}

static void
civic_account_finalize (GObject *object)
{
  CivicAccount *self = (CivicAccount *)object;

  g_clear_pointer (&self->actor, civic_actor_free);
  g_clear_pointer (&self->principal, civic_actor_free);
  g_clear_pointer (&self->window, civic_delegation_free);
  g_free (self->department_name);
  g_free (self->service_url);
  g_free (self->username);
  g_free (self->ca_file);
  g_free (self->dir);

  G_OBJECT_CLASS (civic_account_parent_class)->finalize (object);
}

static void
civic_account_class_init (CivicAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_account_dispose;
  object_class->finalize = civic_account_finalize;
}

static void
civic_account_init (CivicAccount *self)
{
  self->keep_session = TRUE;
}

/**
 * civic_account_set_keep_session:
 *
 * Whether a sign-in keeps the token in the keyring for the next start;
 * not for a demo's throwaway accounts.
 */
void
civic_account_set_keep_session (CivicAccount *self,
                                gboolean      keep)
{
  g_return_if_fail (CIVIC_IS_ACCOUNT (self));
  self->keep_session = keep;
}

/* The user record of POST /api/v1/session. */
static CivicActor *
actor_from_user (JsonObject  *user,
                 char       **department_name,
                 GError     **error)
{
  const char *id, *name, *department_id, *department = NULL;
  g_auto(GStrv) role_names = NULL;
  CivicRole roles;

  if (!civic_json_get_text (user, "id", TRUE, &id, error) ||
      !civic_json_get_string (user, "name", TRUE, &name, error) ||
      !civic_json_get_text (user, "department_id", TRUE, &department_id, error) ||
      !civic_json_get_string (user, "department_name", FALSE, &department, error) ||
      !civic_json_get_strv (user, "roles", TRUE, &role_names, error) ||
      !civic_roles_from_strv ((const char * const *) role_names, &roles, error))
    return NULL;

  g_free (*department_name);
  *department_name = g_strdup (department ? department : "");
  return civic_actor_new (id, name, department_id, roles);
}

/* Whoever signs in acts as themselves first */
static void
act_as_self (CivicAccount *self)
{
  g_clear_pointer (&self->principal, civic_actor_free);
  g_clear_pointer (&self->window, civic_delegation_free);
  civic_cache_set_me (self->cache, self->actor);
  civic_outbox_set_acting_for (self->outbox, NULL);
}

static gboolean
open_store (CivicAccount  *self,
            GError       **error)
{
  g_autofree char *outbox_path = g_build_filename (self->dir, CIVIC_OUTBOX_FILE, NULL);

  self->cache = civic_cache_open (self->dir, self->actor, error);
  if (self->cache == NULL)
    return FALSE;

  self->outbox = civic_outbox_open (outbox_path, error);
  if (self->outbox == NULL)
    {
      g_clear_object (&self->cache);
      return FALSE;
    }

  self->engine = civic_sync_engine_new (self->client, self->cache, self->outbox);
  return TRUE;
}

static gboolean
load_account_file (CivicAccount  *self,
                   GError       **error)
{
  g_autofree char *path = g_build_filename (self->dir, ACCOUNT_FILE, NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *user;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  root = civic_json_parse_object (text, length, &local_error);
  if (root == NULL ||
      !civic_json_get_object (root, "user", TRUE, &user, &local_error) ||
      (self->actor = actor_from_user (user, &self->department_name, &local_error)) == NULL)
    {
      /* Only who the official is: the next sign-in writes it again. */
      g_warning ("%s cannot be read (%s); it is written again at the next sign-in",
                 path, local_error->message);
      return TRUE;
    }

  return TRUE;
}

static gboolean
save_account_file (CivicAccount  *self,
                   JsonObject    *user,
                   GError       **error)
{
  g_autofree char *path = g_build_filename (self->dir, ACCOUNT_FILE, NULL);
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_object_set_object_member (root, "user", json_object_ref (user));
  json_node_set_object (node, root);
  text = civic_json_to_string (node, TRUE);

  if (!civic_sqlite_make_folder (self->dir, error))
    return FALSE;

  return g_file_set_contents_full (path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/**
 * civic_account_new:
 * @ca_file: (nullable): a PEM file of the certificate authority that signs
 *   the service's certificate, for a service with a private one
 *
 * The official @username on @service_url. If they signed in here before,
 * their offline copy opens at once, network or not (civic_account_is_ready());
 * syncing needs a token, from civic_account_restore_async() or
 * civic_account_sign_in_async().
 */
CivicAccount *
civic_account_new (const char  *service_url,
                   const char  *username,
                   const char  *ca_file,
                   GError     **error)
{
  g_autoptr(CivicAccount) self = NULL;

  g_return_val_if_fail (service_url != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_ACCOUNT, NULL);
  self->client = civic_api_client_new (service_url, error);
  if (self->client == NULL)
    return NULL;
  self->ca_file = g_strdup (ca_file);
  if (ca_file != NULL && *ca_file != '\0' &&
      !civic_api_client_set_ca_file (self->client, ca_file, error))
    return NULL;

  /* The client's spelling of the address, so "host:8080/" and
   * "host:8080" share one folder. */
  self->service_url = g_strdup (civic_api_client_get_base_url (self->client));
  self->username = g_strdup (username);
  self->dir = civic_cache_dir_for (self->service_url, username);

  if (!load_account_file (self, error))
    return NULL;
  if (self->actor != NULL && !open_store (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
civic_account_get_service_url (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), NULL);
  return self->service_url;
}

const char *
civic_account_get_username (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), NULL);
  return self->username;
}

/**
 * civic_account_get_actor:
 *
 * Returns: (nullable): who the official is, as the service said at the
 * last sign-in; %NULL before the first.
 */
const CivicActor *
civic_account_get_actor (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), NULL);
  return self->actor;
}

const char *
civic_account_get_department_name (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), NULL);
  return self->department_name;
}

/**
 * civic_account_is_ready:
 *
 * Whether the offline copy is open: the cache, the outbox and the sync
 * engine exist.
 */
gboolean
civic_account_is_ready (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), FALSE);
  return self->engine != NULL;
}

gboolean
civic_account_is_signed_in (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), FALSE);
  return civic_api_client_get_token (self->client) != NULL;
}

const char *
civic_account_get_dir (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), NULL);
  return self->dir;
}

CivicApiClient *
civic_account_get_client (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), NULL);
  return self->client;
}

CivicCache *
civic_account_get_cache (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), NULL);
  return self->cache;
}

CivicOutbox *
civic_account_get_outbox (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), NULL);
  return self->outbox;
}

CivicSyncEngine *
civic_account_get_engine (CivicAccount *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), NULL);
  return self->engine;
}

/* Sign in */

static void
token_stored_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!civic_credentials_store_finish (result, &error))
    g_message ("The session is not kept in the keyring (%s): the next start asks for the "
               "password again", error->message);
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicAccount *self = g_task_get_source_object (task);
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(CivicActor) actor = NULL;
  g_autofree char *department_name = NULL;
  GError *error = NULL;
  JsonObject *user;

  answer = civic_api_client_sign_in_finish (self->client, result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!civic_json_get_object (answer, "user", TRUE, &user, &error) ||
      (actor = actor_from_user (user, &department_name, &error)) == NULL)
    {
      civic_api_client_set_token (self->client, NULL);
      g_prefix_error (&error, _("The service answered the sign-in with something unexpected: "));
      g_task_return_error (task, error);
      return;
    }

  /* An administrator set the password: the session may only choose a new
   * one (civic_account_choose_password_async()), so nothing is opened or
   * kept yet */
  if (json_object_get_boolean_member_with_default (user, "must_change_password", FALSE))
    {
      g_clear_object (&self->password_client);
      self->password_client = civic_api_client_new (self->service_url, NULL);
      if (self->password_client != NULL && self->ca_file != NULL && *self->ca_file != '\0')
        civic_api_client_set_ca_file (self->password_client, self->ca_file, NULL);
      if (self->password_client != NULL)
        civic_api_client_set_token (self->password_client,
                                    civic_api_client_get_token (self->client));
      civic_api_client_set_token (self->client, NULL);
      g_task_return_new_error (task, CIVIC_ACCOUNT_ERROR,
                               CIVIC_ACCOUNT_ERROR_PASSWORD_CHANGE_REQUIRED,
                               _("Choose your own password: the one you have was set by an "
                                 "administrator"));
      return;
    }

  /* The name now belongs to someone else (an administrator gave it to a
   * new official): the copy here is not theirs to see. */
  if (self->actor != NULL && g_strcmp0 (self->actor->id, actor->id) != 0)
    {
      if (civic_outbox_count (self->outbox) > 0 || civic_outbox_count_conflicts (self->outbox) > 0)
        {
          civic_api_client_set_token (self->client, NULL);
          g_task_return_new_error (task, CIVIC_ACCOUNT_ERROR, CIVIC_ACCOUNT_ERROR_OTHER_USER,
                                   _("The account %s now belongs to another official, and work "
                                     "of its former holder has not been sent yet. Ask the "
                                     "administrator."), self->username);
          return;
        }
      if (!civic_cache_reset (self->cache, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (!save_account_file (self, user, &error))
    {
      civic_api_client_set_token (self->client, NULL);
      g_task_return_error (task, error);
      return;
    }

  g_clear_pointer (&self->actor, civic_actor_free);
  self->actor = g_steal_pointer (&actor);
  g_free (self->department_name);
  self->department_name = g_steal_pointer (&department_name);

  if (self->cache != NULL)
    act_as_self (self);
  else if (!open_store (self, &error))
    {
      civic_api_client_set_token (self->client, NULL);
      g_task_return_error (task, error);
      return;
    }

  if (self->keep_session)
    civic_credentials_store_async (self->service_url, self->username,
                                   civic_api_client_get_token (self->client),
                                   NULL, token_stored_cb, NULL);
  g_task_return_boolean (task, TRUE);
}

/**
 * civic_account_sign_in_async:
 *
 * Signs in with the password; on success the offline copy is open (made
 * on the first sign-in) and the token is kept in the keyring.
 */
void
civic_account_sign_in_async (CivicAccount        *self,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CIVIC_IS_ACCOUNT (self));
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_account_sign_in_async);
  civic_api_client_sign_in_async (self->client, self->username, password, cancellable,
                                  signed_in_cb, task);
}

gboolean
civic_account_sign_in_finish (CivicAccount  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Choosing a password */

typedef struct
{
  char *password;
} Choice;

static void
choice_free (Choice *choice)
{
  if (choice->password != NULL)
    memset (choice->password, 0, strlen (choice->password));
  g_free (choice->password);
  g_free (choice);
}

static void
chosen_signed_in_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!civic_account_sign_in_finish (CIVIC_ACCOUNT (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
password_changed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicAccount *self = g_task_get_source_object (task);
  Choice *choice = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!civic_api_client_change_password_finish (CIVIC_API_CLIENT (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* That session has done its one thing: it ends, and the official signs
   * in with the password they chose */
  civic_account_abandon_password_session (self);
  civic_account_sign_in_async (self, choice->password, cancellable, chosen_signed_in_cb,
                               g_steal_pointer (&task));
}

/**
 * civic_account_abandon_password_session:
 *
 * Ends the session a sign-in with a password an administrator set opened
 * (the official did not choose one): the service forgets it, and nothing
 * of it is kept here.
 */
void
civic_account_abandon_password_session (CivicAccount *self)
{
  g_return_if_fail (CIVIC_IS_ACCOUNT (self));

  if (self->password_client == NULL)
    return;
  civic_api_client_sign_out_async (self->password_client, NULL, NULL, NULL);
  g_clear_object (&self->password_client);
}

/**
 * civic_account_choose_password_async:
 * @current: the password the official signed in with, which an
 *   administrator set
 * @password: the one they choose
 *
 * After a sign-in refused with %CIVIC_ACCOUNT_ERROR_PASSWORD_CHANGE_REQUIRED:
 * changes the password on the service, online only, then signs in with
 * the new one as civic_account_sign_in_async() does.
 */
void
civic_account_choose_password_async (CivicAccount        *self,
                                     const char          *current,
                                     const char          *password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  Choice *choice;

  g_return_if_fail (CIVIC_IS_ACCOUNT (self));
  g_return_if_fail (current != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_account_choose_password_async);
  if (self->password_client == NULL)
    {
      g_task_return_new_error (task, CIVIC_ACCOUNT_ERROR, CIVIC_ACCOUNT_ERROR_NEVER_SIGNED_IN,
                               _("Sign in again first"));
      g_object_unref (task);
      return;
    }
  choice = g_new0 (Choice, 1);
  choice->password = g_strdup (password);
  g_task_set_task_data (task, choice, (GDestroyNotify) choice_free);
  civic_api_client_change_password_async (self->password_client, current, password, cancellable,
                                          password_changed_cb, task);
}

gboolean
civic_account_choose_password_finish (CivicAccount  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Restore */

static void
token_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicAccount *self = g_task_get_source_object (task);
  g_autofree char *token = NULL;
  GError *error = NULL;

  token = civic_credentials_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (token != NULL)
    civic_api_client_set_token (self->client, token);
  g_task_return_boolean (task, token != NULL);
}

/**
 * civic_account_restore_async:
 *
 * Takes the token kept at the last sign-in from the keyring. The result
 * is %FALSE, without an error, when none is kept: ask for the password.
 * Whether the service still takes the token shows at the first sync.
 */
void
civic_account_restore_async (CivicAccount        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CIVIC_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_account_restore_async);

  if (self->actor == NULL)
    {
      g_task_return_new_error (task, CIVIC_ACCOUNT_ERROR, CIVIC_ACCOUNT_ERROR_NEVER_SIGNED_IN,
                               _("%s has not signed in to %s on this computer yet"),
                               self->username, self->service_url);
      g_object_unref (task);
      return;
    }

  civic_credentials_lookup_async (self->service_url, self->username, cancellable,
                                  token_found_cb, task);
}

gboolean
civic_account_restore_finish (CivicAccount  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sign out */

static void
token_cleared_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (civic_credentials_clear_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
signed_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  /* Offline, the token cannot be revoked; it expires on its own. */
  if (!civic_api_client_sign_out_finish (CIVIC_API_CLIENT (source), result, &error))
    g_message ("The session was not ended on the service: %s", error->message);

  cancellable = g_task_get_cancellable (task);
  civic_credentials_clear_async (self->service_url, self->username, cancellable,
                                 token_cleared_cb, g_steal_pointer (&task));
}

/**
 * civic_account_sign_out_async:
 *
 * Ends the session on the service and forgets the token. Syncing stops;
 * the offline copy and the work not yet sent stay for the next sign-in.
 */
void
civic_account_sign_out_async (CivicAccount        *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CIVIC_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_account_sign_out_async);

  if (self->engine != NULL)
    civic_sync_engine_stop (self->engine);

  if (civic_api_client_get_token (self->client) != NULL)
    civic_api_client_sign_out_async (self->client, cancellable, signed_out_cb, task);
  else
    civic_credentials_clear_async (self->service_url, self->username, cancellable,
                                   token_cleared_cb, task);
}

gboolean
civic_account_sign_out_finish (CivicAccount  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Acting for another official (委托, civic-delegation.h) */

void
civic_acting_for_free (CivicActingFor *acting)
{
  if (acting == NULL)
    return;

  civic_actor_free (acting->principal);
  civic_delegation_free (acting->window);
  g_free (acting);
}

/**
 * civic_account_list_principals:
 *
 * The officials this one may act for today, by the windows the users
 * directory of the offline copy lists, counted on this computer's clock
 * (the service counts again on its own when each command arrives).
 *
 * Returns: (transfer full) (element-type CivicActingFor): in the
 * directory's order
 */
GPtrArray *
civic_account_list_principals (CivicAccount *self)
{
  GPtrArray *principals = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_acting_for_free);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  CivicDay today = civic_time_day_of (now);

  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), principals);

  if (self->cache == NULL || self->actor == NULL)
    return principals;
  /* Read after every sync: only the few entries that name this official
   * as a delegate are parsed (JSON text without spaces, as the feed
   * writes it) */
  {
    g_autofree char *needle = g_strdup_printf ("\"delegate_id\":\"%s\"", self->actor->id);

    users = civic_cache_load_entities_mentioning (self->cache, CIVIC_ENTITY_USER, needle, NULL);
  }
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      JsonNode *node = g_ptr_array_index (users, i);
      g_autoptr(GPtrArray) windows = NULL;
      gboolean disabled = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      windows = civic_delegations_from_directory (json_node_get_object (node));
      for (guint w = 0; w < windows->len; w++)
        {
          CivicDelegation *window = g_ptr_array_index (windows, w);
          g_autoptr(CivicActor) principal = NULL;
          CivicActingFor *acting;

          if (g_strcmp0 (window->delegate_id, self->actor->id) != 0 ||
              !civic_delegation_in_force (window, today))
            continue;
          principal = civic_actor_new_from_directory (json_node_get_object (node), &disabled);
          if (principal == NULL || disabled)
            break;
          acting = g_new0 (CivicActingFor, 1);
          acting->principal = g_steal_pointer (&principal);
          acting->window = civic_delegation_copy (window);
          g_ptr_array_add (principals, acting);
          break;
        }
    }
  return principals;
}

/**
 * civic_account_act_for:
 * @principal_id: (nullable): whom to act for, or %NULL to act as oneself
 *
 * From now on the official's actions are @principal_id's to the rules —
 * their tasks, their roles in the window — and each command taken
 * carries it to the service. The views show it once they read the cache
 * again ("cases-changed").
 *
 * Returns: whether it could: %FALSE with @error when no window in force
 * names this official
 */
gboolean
civic_account_act_for (CivicAccount  *self,
                       const char    *principal_id,
                       GError       **error)
{
  g_autoptr(GPtrArray) principals = NULL;

  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (self->cache != NULL, FALSE);

  if (principal_id == NULL)
    {
      act_as_self (self);
      return TRUE;
    }

  principals = civic_account_list_principals (self);
  for (guint i = 0; i < principals->len; i++)
    {
      CivicActingFor *acting = g_ptr_array_index (principals, i);
      g_autoptr(CivicActor) me = NULL;

      if (g_strcmp0 (acting->principal->id, principal_id) != 0)
        continue;
      me = civic_actor_new_acting_for (self->actor, acting->principal, acting->window->roles);
      g_clear_pointer (&self->principal, civic_actor_free);
      g_clear_pointer (&self->window, civic_delegation_free);
      self->principal = g_steal_pointer (&acting->principal);
      self->window = g_steal_pointer (&acting->window);
      civic_cache_set_me (self->cache, me);
      civic_outbox_set_acting_for (self->outbox, self->principal->id);
      return TRUE;
    }

  g_set_error (error, CIVIC_ACCOUNT_ERROR, CIVIC_ACCOUNT_ERROR_NOT_DELEGATE,
               _("You do not act for this official today"));
  return FALSE;
}

/**
 * civic_account_get_acting_for:
 * @window: (out) (optional) (transfer none): the window acted in
 *
 * Returns: (nullable) (transfer none): whom the official acts for now,
 * %NULL when as themselves
 */
const CivicActor *
civic_account_get_acting_for (CivicAccount           *self,
                              const CivicDelegation **window)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT (self), NULL);

  if (window != NULL)
    *window = self->window;
  return self->principal;
}
