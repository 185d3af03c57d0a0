/* civic-credentials.h — the session token, kept by the Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      civic_credentials_store_async  (const char          *service_url,
                                          const char          *username,
                                          const char          *token,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean  civic_credentials_store_finish (GAsyncResult        *result,
                                          GError             **error);
void      civic_credentials_lookup_async (const char          *service_url,
                                          const char          *username,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char     *civic_credentials_lookup_finish (GAsyncResult       *result,
                                          GError             **error);
void      civic_credentials_clear_async  (const char          *service_url,
                                          const char          *username,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean  civic_credentials_clear_finish (GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
