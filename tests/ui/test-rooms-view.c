/* test-rooms-view.c — the Rooms section, on a copy synced from the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hall's administrator adds a room through its form, which the
 * service takes; the room's page shows its seats and equipment and offers
 * to close it; closed for three days it lists the closure and offers to
 * reopen it, and a closure over a hearing booked in the room comes back
 * from the service refused, into Conflicts.
 */

#include "config.h"

#include <string.h>

#include "civic-action-dialog.h"
#include "civic-json.h"
#include "civic-room-kind.h"
#include "civic-rooms-view.h"
#include "civic-ui-test.h"

#include "../civic-test-async.h"

/* In the language the client runs in, for screenshots in Chinese */
#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

static void
test_add_and_close (void)
{
  CivicRoomsView *view = g_object_new (CIVIC_TYPE_ROOMS_VIEW, NULL);
  CivicAdminView *admin_view = CIVIC_ADMIN_VIEW (view);
  GtkWidget *window = civic_ui_test_window (GTK_WIDGET (view), 900, 700);
  g_autoptr(CivicRoom) blank = civic_room_new ("room-ui-test");
  g_autoptr(JsonObject) typed = json_object_new ();
  g_autoptr(JsonObject) closing = json_object_new ();
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *command = NULL;
  g_autofree char *seats = NULL;
  g_autofree char *closure = NULL;
  g_autoptr(GObject) stored = NULL;
  JsonArray *equipment = json_array_new ();
  CivicActionDialog *dialog;

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  civic_ui_test_spin (50);
  /* The hall's rooms, from the feed */
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (civic_admin_view_get_list (admin_view)),
                                         "省政务服务中心听证室一"));

  /* Added through its form */
  dialog = civic_action_dialog_new (GTK_WINDOW (window), civic_ui_test_engine (),
                                    &civic_room_kind, G_OBJECT (blank), CIVIC_ROOM_ACTION_ADD, 1);
  json_object_set_string_member (typed, "name", "第二听证室");
  json_object_set_string_member (typed, "building", "省市场监管局");
  json_object_set_int_member (typed, "capacity", 16);
  json_object_set_string_member (typed, "department_id", CIVIC_ROOM_WHOLE_HALL);
  json_array_add_string_element (equipment, "recording");
  json_object_set_array_member (typed, "equipment", equipment);
  civic_action_dialog_run_async (dialog, NULL, civic_test_got_result, &result);
  civic_action_dialog_set_args (dialog, typed);
  civic_ui_test_spin (400);
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (GTK_WIDGET (dialog), "admin-add-room");
  g_assert_null (civic_action_dialog_get_refusal (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  args = civic_action_dialog_run_finish (dialog, civic_test_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (json_object_get_int_member (args, "capacity"), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (args, "department_id"), ==,
                   CIVIC_ROOM_WHOLE_HALL);
  civic_ui_test_spin (50);

  command = civic_sync_engine_perform_action (civic_ui_test_engine (), &civic_room_kind,
                                              "room-ui-test", CIVIC_ROOM_ACTION_ADD, args, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  civic_ui_test_sync ();
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_ui_test_engine ()), ==, 0);
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (civic_admin_view_get_list (admin_view)),
                                         "第二听证室"));

  /* Its page, with what the rules allow: closing, not yet reopening */
  civic_admin_view_open (admin_view, "room-ui-test");
  civic_ui_test_spin (50);
  seats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u seat", "%u seats", 16), 16);
  g_assert_true (civic_ui_test_has_text (civic_admin_view_get_page (admin_view), seats));
  g_assert_true (civic_ui_test_has_text (civic_admin_view_get_page (admin_view),
                                         T ("Audio recording")));
  g_assert_nonnull (civic_ui_test_find_titled (civic_admin_view_get_page (admin_view),
                                               GTK_TYPE_BUTTON, T ("Close Room")));
  g_assert_null (civic_ui_test_find_titled (civic_admin_view_get_page (admin_view),
                                            GTK_TYPE_BUTTON, T ("Reopen Room")));

  /* Closed for three days: listed, and it may be reopened */
  json_object_set_string_member (closing, "from", "2026-04-20");
  json_object_set_string_member (closing, "to", "2026-04-22");
  json_object_set_string_member (closing, "reason", "空调检修");
  g_clear_pointer (&command, g_free);
  command = civic_sync_engine_perform_action (civic_ui_test_engine (), &civic_room_kind,
                                              "room-ui-test", CIVIC_ROOM_ACTION_CLOSE, closing,
                                              &error);
  g_assert_no_error (error);
  civic_ui_test_sync ();
  civic_ui_test_spin (50);
  closure = g_strdup_printf (T ("%s – %s: %s"), "2026-04-20", "2026-04-22", "空调检修");
  g_assert_true (civic_ui_test_has_text (civic_admin_view_get_page (admin_view), closure));
  g_assert_nonnull (civic_ui_test_find_titled (civic_admin_view_get_page (admin_view),
                                               GTK_TYPE_BUTTON, T ("Reopen Room")));
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (window, "admin-room");

  /* The form of a closure, for the screenshots */
  stored = civic_cache_load_record (civic_ui_test_cache (), &civic_room_kind, "room-ui-test",
                                    NULL);
  g_assert_nonnull (stored);
  dialog = civic_action_dialog_new (GTK_WINDOW (window), civic_ui_test_engine (),
                                    &civic_room_kind, stored, CIVIC_ROOM_ACTION_CLOSE, 1);
  civic_action_dialog_run_async (dialog, NULL, civic_test_got_result, &result);
  civic_ui_test_spin (200);
  if (civic_ui_test_screenshots_wanted ())
    civic_ui_test_screenshot (GTK_WIDGET (dialog), "admin-close-room");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_clear_pointer (&args, json_object_unref);
  args = civic_action_dialog_run_finish (dialog, civic_test_await (&result), NULL);
  g_assert_null (args);
  g_clear_object (&result);
  civic_ui_test_spin (50);

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("admin");
  g_test_add_func ("/rooms-view/add-and-close", test_add_and_close);
  return civic_ui_test_run ();
}
