/* civic-credentials.c — the session token, kept by the Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-credentials"

#include "config.h"

#include "civic-i18n.h"
#include <libsecret/secret.h>

#include "civic-credentials.h"

/* The token that lets the client sync without asking for the password
 * again lives in the desktop's keyring (GNOME Keyring, KWallet), locked
 * with the official's login; inside the Flatpak sandbox libsecret keeps it
 * in an encrypted file whose key the Secret portal hands out. Never in a
 * plain file: a copied home folder must not be a signed-in session.
 *
 * Without any Secret Service the calls fail, and the client keeps the
 * token in memory only: the official signs in again next time. */

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Token", SECRET_SCHEMA_NONE,
    {
      { "service", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    /* The keyring's prompt dismissed (or its display gone): libsecret
     * says no more than FALSE */
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The keyring was not unlocked"));
}

/**
 * civic_credentials_store_async:
 *
 * Keeps @token for @username on @service_url, replacing the one kept
 * before.
 */
void
civic_credentials_store_async (const char          *service_url,
                               const char          *username,
                               const char          *token,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  /* Translators: the label of the token in Passwords and Keys; %s are
   * the user name and the service's address */
  g_autofree char *label = g_strdup_printf (_("Civic Desk session of %s on %s"),
                                            username, service_url);

  g_task_set_source_tag (task, civic_credentials_store_async);
  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, stored_cb, task,
                         "service", service_url,
                         "username", username,
                         NULL);
}

gboolean
civic_credentials_store_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, g_free);
}

void
civic_credentials_lookup_async (const char          *service_url,
                                const char          *username,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, civic_credentials_lookup_async);
  secret_password_lookup (token_schema (), cancellable, looked_up_cb, task,
                          "service", service_url,
                          "username", username,
                          NULL);
}

/**
 * civic_credentials_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the token, or %NULL without an
 * error when none is kept.
 */
char *
civic_credentials_lookup_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * civic_credentials_clear_async:
 *
 * Forgets the token: on signing out, and when the service no longer
 * takes it.
 */
void
civic_credentials_clear_async (const char          *service_url,
                               const char          *username,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, civic_credentials_clear_async);
  secret_password_clear (token_schema (), cancellable, cleared_cb, task,
                         "service", service_url,
                         "username", username,
                         NULL);
}

gboolean
civic_credentials_clear_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
