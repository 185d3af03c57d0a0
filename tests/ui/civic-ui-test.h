/* civic-ui-test.h — what every widget test shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-account.h"
#include "civic-case-index.h"
#include "civic-test-service.h"

G_BEGIN_DECLS

/* How long a test waits for work in the background before it calls it a
 * hang: long, so that a loaded machine under the sanitizers is not one */
#define CIVIC_UI_TEST_HANG_USEC (60 * G_USEC_PER_SEC)

/* Every widget is fed by a cache synced from the real service, as in the
 * client: an examiner of the demo department, or the demo user named by
 * civic_ui_test_sign_in_as() before anything signs in (`editor`, the
 * organ's disclosure editor). The service starts on the first call that
 * needs it, and stops in civic_ui_test_run(). */

void              civic_ui_test_init        (int              *argc,
                                             char           ***argv);
int               civic_ui_test_run         (void);

void              civic_ui_test_sign_in_as  (const char       *username);
CivicAccount     *civic_ui_test_account     (void);
CivicTestService *civic_ui_test_service     (void);
CivicSyncEngine  *civic_ui_test_engine      (void);
CivicCache       *civic_ui_test_cache       (void);
CivicCalendar    *civic_ui_test_calendar    (void);
void              civic_ui_test_sync        (void);
void              civic_ui_test_spin        (guint             ms);
char             *civic_ui_test_find_case   (CivicInboxQueue   queue,
                                             const char       *state);
CivicCase        *civic_ui_test_case_under_review (void);

/* Looking into a widget tree */
GtkLabel         *civic_ui_test_find_label  (GtkWidget        *root,
                                             const char       *text);
GtkWidget        *civic_ui_test_find_titled (GtkWidget        *root,
                                             GType             type,
                                             const char       *title);
gboolean          civic_ui_test_has_text    (GtkWidget        *root,
                                             const char       *text);

/* Screenshots of widgets no screen of the client shows yet; with
 * CIVICDESK_SCREENSHOTS_DIR set the tests run in the environment's
 * language */
GtkWidget        *civic_ui_test_window      (GtkWidget        *child,
                                             int               width,
                                             int               height);
gboolean          civic_ui_test_screenshots_wanted (void);
void              civic_ui_test_screenshot  (GtkWidget        *widget,
                                             const char       *name);

/* Destroys @window and checks that it, and @widget in it (nullable), are
 * freed: nothing the test did kept them alive. */
void              civic_ui_test_destroy     (GtkWidget        *window,
                                             GtkWidget        *widget);

G_END_DECLS
