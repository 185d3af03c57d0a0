/* civic-application.h — the application: settings, the account, the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-account.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_APPLICATION (civic_application_get_type ())
G_DECLARE_FINAL_TYPE (CivicApplication, civic_application, CIVIC, APPLICATION, AdwApplication)

/* The demo officials a demo can be tried as. */
extern const char * const civic_demo_roles[];
const char       *civic_demo_role_get_label           (const char          *name);

CivicApplication *civic_application_new               (void);
GSettings        *civic_application_get_settings      (CivicApplication    *self);
CivicAccount     *civic_application_get_account       (CivicApplication    *self);
gboolean          civic_application_is_demo           (CivicApplication    *self);
gboolean          civic_application_is_demo_stopped   (CivicApplication    *self);
const char       *civic_application_get_demo_role     (CivicApplication    *self);

void              civic_application_connect_async     (CivicApplication    *self,
                                                       const char          *service_url,
                                                       const char          *username,
                                                       const char          *password,
                                                       const char          *ca_file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          civic_application_connect_finish    (CivicApplication    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void              civic_application_choose_password_async (CivicApplication *self,
                                                       const char          *current,
                                                       const char          *password,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          civic_application_choose_password_finish (CivicApplication *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void              civic_application_abandon_password_choice (CivicApplication *self);
void              civic_application_try_demo_async    (CivicApplication    *self,
                                                       const char          *role,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          civic_application_try_demo_finish   (CivicApplication    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void              civic_application_sign_out_async    (CivicApplication    *self,
                                                       gboolean             discard_work,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          civic_application_sign_out_finish   (CivicApplication    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

char             *civic_application_explain_error     (const GError        *error);

G_END_DECLS
