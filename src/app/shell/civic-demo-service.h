/* civic-demo-service.h — the bundled service with generated data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The password of every demo official. */
#define CIVIC_DEMO_PASSWORD "demo"

#define CIVIC_TYPE_DEMO_SERVICE (civic_demo_service_get_type ())
G_DECLARE_FINAL_TYPE (CivicDemoService, civic_demo_service, CIVIC, DEMO_SERVICE, GObject)

CivicDemoService *civic_demo_service_new          (const char          *data_dir);
const char       *civic_demo_service_get_url      (CivicDemoService    *self);
gboolean          civic_demo_service_is_running   (CivicDemoService    *self);
void              civic_demo_service_start_async  (CivicDemoService    *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          civic_demo_service_start_finish (CivicDemoService    *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void              civic_demo_service_stop         (CivicDemoService    *self);

G_END_DECLS
