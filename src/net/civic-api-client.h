/* civic-api-client.h — the service's API over one SoupSession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CIVIC_API_ERROR (civic_api_error_quark ())

typedef enum
{
  CIVIC_API_ERROR_UNREACHABLE,        /* no answer: network, address, service down */
  CIVIC_API_ERROR_TIMEOUT,
  CIVIC_API_ERROR_TLS,                /* the certificate is not trusted */
  CIVIC_API_ERROR_WRONG_CREDENTIALS,
  CIVIC_API_ERROR_THROTTLED,
  CIVIC_API_ERROR_ACCOUNT_DISABLED,
  CIVIC_API_ERROR_UNAUTHORIZED,       /* the session ended: sign in again */
  CIVIC_API_ERROR_FORBIDDEN,
  CIVIC_API_ERROR_NOT_FOUND,
  CIVIC_API_ERROR_RESYNC,             /* 410: sync again from the start */
  CIVIC_API_ERROR_INVALID,            /* the service refused the request as malformed */
  CIVIC_API_ERROR_SERVER,             /* 5xx */
  CIVIC_API_ERROR_BAD_RESPONSE,       /* not what the API answers */
} CivicApiError;

#define CIVIC_TYPE_API_CLIENT (civic_api_client_get_type ())
G_DECLARE_FINAL_TYPE (CivicApiClient, civic_api_client, CIVIC, API_CLIENT, GObject)

GQuark          civic_api_error_quark          (void);
gboolean        civic_api_error_is_transient   (const GError        *error);

CivicApiClient *civic_api_client_new           (const char          *base_url,
                                                GError             **error);
const char     *civic_api_client_get_base_url  (CivicApiClient      *self);
gboolean        civic_api_client_set_ca_file   (CivicApiClient      *self,
                                                const char          *path,
                                                GError             **error);
const char     *civic_api_client_get_token     (CivicApiClient      *self);
void            civic_api_client_set_token     (CivicApiClient      *self,
                                                const char          *token);
void            civic_api_client_set_retries   (CivicApiClient      *self,
                                                guint                retries);
guint           civic_api_client_get_n_requests (CivicApiClient     *self);

void            civic_api_client_sign_in_async (CivicApiClient      *self,
                                                const char          *username,
                                                const char          *password,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
JsonObject     *civic_api_client_sign_in_finish (CivicApiClient     *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_change_password_async (CivicApiClient *self,
                                                const char          *current,
                                                const char          *password,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean        civic_api_client_change_password_finish (CivicApiClient *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_sign_out_async (CivicApiClient     *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean        civic_api_client_sign_out_finish (CivicApiClient    *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_health_async  (CivicApiClient      *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gint64          civic_api_client_health_finish (CivicApiClient      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_changes_async (CivicApiClient      *self,
                                                gint64               after,
                                                guint                limit,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GBytes         *civic_api_client_changes_finish (CivicApiClient     *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_commands_async (CivicApiClient     *self,
                                                const char          *body,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
JsonNode       *civic_api_client_commands_finish (CivicApiClient    *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_reveal_async  (CivicApiClient      *self,
                                                const char          *case_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
JsonObject     *civic_api_client_reveal_finish (CivicApiClient      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_upload_async  (CivicApiClient      *self,
                                                const char          *path,
                                                const char          *media_type,
                                                GBytes              *content,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
JsonObject     *civic_api_client_upload_finish (CivicApiClient      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_document_pdf_async (CivicApiClient *self,
                                                const char          *document_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GBytes         *civic_api_client_document_pdf_finish (CivicApiClient *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_hearing_ics_async (CivicApiClient  *self,
                                                const char          *hearing_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GBytes         *civic_api_client_hearing_ics_finish (CivicApiClient *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_message_file_async (CivicApiClient  *self,
                                                     const char      *message_id,
                                                     const char      *sha256,
                                                     GCancellable    *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer         user_data);
GBytes         *civic_api_client_message_file_finish (CivicApiClient *self,
                                                     GAsyncResult    *result,
                                                     const char      *sha256,
                                                     GError         **error);
void            civic_api_client_calendar_preview_async (CivicApiClient  *self,
                                                         const char      *text,
                                                         GCancellable    *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer         user_data);
JsonObject     *civic_api_client_calendar_preview_finish (CivicApiClient *self,
                                                          GAsyncResult   *result,
                                                          GError        **error);
void            civic_api_client_calendar_link_async (CivicApiClient *self,
                                                gboolean             revoke,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
char           *civic_api_client_calendar_link_finish (CivicApiClient *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            civic_api_client_supervision_async (CivicApiClient     *self,
                                                    const char         *what,
                                                    const char         *query,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
JsonObject     *civic_api_client_supervision_finish (CivicApiClient    *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);
void            civic_api_client_supervision_export_async (CivicApiClient     *self,
                                                           const char         *what,
                                                           const char         *format,
                                                           const char         *query,
                                                           GCancellable       *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
GBytes         *civic_api_client_supervision_export_finish (CivicApiClient    *self,
                                                            GAsyncResult      *result,
                                                            GError           **error);
void            civic_api_client_entity_async  (CivicApiClient      *self,
                                                const char          *collection,
                                                const char          *id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
JsonObject     *civic_api_client_entity_finish (CivicApiClient      *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
