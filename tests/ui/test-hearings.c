/* test-hearings.c — the Hearings section: the week grid, its keys, a drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the demo department's hearings, synced from the real service, with
 * the time pinned to Friday 2026-03-20 10:00: the week lays each hearing
 * out in its day's column at its time, overlapping ones side by side, a
 * named cell per half-hour; the arrow keys walk the cells and Enter asks
 * for a hearing there; a hearing dragged marks the times it may not take
 * — the past, and the days the notice of Art. 48(1) can no longer reach —
 * and says why, and dropped on a free time opens its scheduling form
 * filled in.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "civic-action-dialog.h"
#include "civic-hearing-grid.h"
#include "civic-hearings-view.h"
#include "civic-time.h"
#include "civic-ui-test.h"

#include "../civic-test-async.h"

static CivicDay
day_of (const char *text)
{
  CivicDay day = CIVIC_DAY_INVALID;

  g_assert_true (civic_day_parse (text, &day));
  return day;
}

static GtkWidget *
new_view (GtkWidget **window)
{
  GtkWidget *view = g_object_new (CIVIC_TYPE_HEARINGS_VIEW, NULL);

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (*window), view);
  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  gtk_window_present (GTK_WINDOW (*window));
  civic_ui_test_spin (200);
  return view;
}

static guint
count_cells (GtkWidget *grid)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_GRID_CELL;
  return n;
}

/* The week: each hearing in its column, at its time */
static void
test_week_layout (void)
{
  GtkWidget *window;
  GtkWidget *view = new_view (&window);
  CivicHearingGrid *grid = civic_hearings_view_get_grid (CIVIC_HEARINGS_VIEW (view));
  g_autoptr(GPtrArray) hearings = civic_sync_engine_list_hearings (civic_ui_test_engine (), NULL);
  CivicDay monday = day_of ("2026-03-16");
  GPtrArray *events;
  guint expected = 0;
  int width;

  civic_hearings_view_show (CIVIC_HEARINGS_VIEW (view), CIVIC_HEARING_GRID_WEEK, day_of ("2026-03-19"));
  civic_ui_test_spin (100);
  g_assert_cmpuint (civic_hearing_grid_get_first_day (grid), ==, monday);
  g_assert_cmpuint (count_cells (GTK_WIDGET (grid)), ==, 7 * 20);

  for (guint i = 0; i < hearings->len; i++)
    {
      CivicHearing *hearing = g_ptr_array_index (hearings, i);
      CivicDay day = civic_hearing_get_hearing_day (hearing);
      CivicHearingState state = civic_hearing_get_state (hearing);

      expected += day >= monday && day < monday + 7 && state != CIVIC_HEARING_STATE_CANCELLED &&
                  state != CIVIC_HEARING_STATE_WITHDRAWN;
    }
  events = civic_hearing_grid_get_events (grid);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (events->len, ==, expected);

  width = gtk_widget_get_width (GTK_WIDGET (grid));
  for (guint i = 0; i < events->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (events, i);
      const char *id = g_object_get_data (G_OBJECT (button), "hearing-id");
      CivicHearing *hearing = NULL;
      graphene_rect_t bounds;
      g_autoptr(GDateTime) start = NULL;
      double column_width = (width - 56) / 7.0;
      int column;

      for (guint j = 0; j < hearings->len && hearing == NULL; j++)
        if (g_str_equal (civic_hearing_get_id (g_ptr_array_index (hearings, j)), id))
          hearing = g_ptr_array_index (hearings, j);
      g_assert_nonnull (hearing);
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (grid), &bounds));

      /* In its day's column, from its time on (08:00 at the top, 26 px a
       * half-hour, under a 44 px header) */
      column = civic_hearing_get_hearing_day (hearing) - monday;
      g_assert_cmpfloat (bounds.origin.x, >=, 56 + column * column_width);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 56 + (column + 1) * column_width + 1);
      start = g_date_time_to_timezone (civic_hearing_get_starts_at (hearing), civic_time_zone ());
      g_assert_cmpfloat (fabs (bounds.origin.y - (44 + ((g_date_time_get_hour (start) * 60 +
                                                         g_date_time_get_minute (start)) - 480) *
                                                        26.0 / 30 + 1)), <, 1.5);
    }

  civic_ui_test_destroy (window, view);
}

static void
send_key (CivicHearingGrid *grid,
          guint             keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (grid));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);
  g_assert_true (handled);
}

static void
slot_activated (CivicHearingGrid *grid,
                guint             day,
                int               minute,
                const char       *room_id,
                int              *out)
{
  out[0] = day;
  out[1] = minute;
}

/* The keyboard walks the cells; Enter asks for a hearing in one */
static void
test_keyboard (void)
{
  GtkWidget *window;
  GtkWidget *view = new_view (&window);
  CivicHearingGrid *grid = civic_hearings_view_get_grid (CIVIC_HEARINGS_VIEW (view));
  int activated[2] = { 0, 0 };
  CivicDay day;
  int minute;

  civic_hearings_view_show (CIVIC_HEARINGS_VIEW (view), CIVIC_HEARING_GRID_WEEK, day_of ("2026-03-31"));
  civic_ui_test_spin (100);
  g_assert_true (civic_hearing_grid_focus_slot (grid, day_of ("2026-03-31"), 9 * 60, NULL));

  send_key (grid, GDK_KEY_Down);
  g_assert_true (civic_hearing_grid_get_focus_slot (grid, &day, &minute, NULL));
  g_assert_cmpuint (day, ==, day_of ("2026-03-31"));
  g_assert_cmpint (minute, ==, 9 * 60 + 30);
  send_key (grid, GDK_KEY_Right);
  g_assert_true (civic_hearing_grid_get_focus_slot (grid, &day, &minute, NULL));
  g_assert_cmpuint (day, ==, day_of ("2026-04-01"));
  send_key (grid, GDK_KEY_Home);
  g_assert_true (civic_hearing_grid_get_focus_slot (grid, &day, &minute, NULL));
  g_assert_cmpuint (day, ==, day_of ("2026-03-30"));

  g_signal_connect (grid, "slot-activated", G_CALLBACK (slot_activated), activated);
  send_key (grid, GDK_KEY_Return);
  g_assert_cmpint (activated[0], ==, (int) day_of ("2026-03-30"));
  g_assert_cmpint (activated[1], ==, 9 * 60 + 30);

  /* Day by rooms: a column per room */
  civic_hearings_view_show (CIVIC_HEARINGS_VIEW (view), CIVIC_HEARING_GRID_DAY, day_of ("2026-03-31"));
  civic_ui_test_spin (50);
  g_assert_cmpuint (count_cells (GTK_WIDGET (grid)) % 20, ==, 0);
  g_assert_cmpuint (count_cells (GTK_WIDGET (grid)), >=, 20 * 5);

  civic_ui_test_destroy (window, view);
}

static GtkWidget *
find_action_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (CIVIC_IS_ACTION_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* A hearing dragged: the times it may not take are marked, with the
 * reason; dropped on a free time, its form opens filled in */
static void
test_drag (void)
{
  GtkWidget *window;
  GtkWidget *view = new_view (&window);
  CivicHearingGrid *grid = civic_hearings_view_get_grid (CIVIC_HEARINGS_VIEW (view));
  g_autoptr(GPtrArray) hearings = civic_sync_engine_list_hearings (civic_ui_test_engine (), NULL);
  g_autofree char *late = NULL;
  g_autofree char *past = NULL;
  g_autoptr(JsonObject) args = NULL;
  const char *id = NULL;
  GtkWidget *dialog;
  int free_minute = -1;

  /* A hearing asked for on a case of the examiner's, as the service makes it */
  {
    g_autofree char *case_id = civic_ui_test_find_case (CIVIC_INBOX_MINE, "under-review");
    g_autoptr(JsonObject) inform = json_object_new ();
    g_autoptr(JsonObject) request = json_object_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *informed = NULL;
    g_autofree char *requested = NULL;
    JsonArray *parties = json_array_new ();

    json_array_add_string_element (parties, "利害关系人甲");
    json_object_set_array_member (inform, "parties", parties);
    informed = civic_sync_engine_perform (civic_ui_test_engine (), case_id,
                                          CIVIC_ACTION_INFORM_HEARING_RIGHT, inform, &error);
    g_assert_no_error (error);
    json_object_set_string_member (request, "requested_by", "利害关系人甲");
    requested = civic_sync_engine_perform (civic_ui_test_engine (), case_id,
                                           CIVIC_ACTION_REQUEST_HEARING, request, &error);
    g_assert_no_error (error);
    civic_ui_test_sync ();
    civic_ui_test_spin (100);
    g_clear_pointer (&hearings, g_ptr_array_unref);
    hearings = civic_sync_engine_list_hearings (civic_ui_test_engine (), NULL);
    for (guint i = 0; i < hearings->len && id == NULL; i++)
      if (g_strcmp0 (civic_hearing_get_id (g_ptr_array_index (hearings, i)), requested) == 0)
        id = civic_hearing_get_id (g_ptr_array_index (hearings, i));
    g_assert_nonnull (id);
    g_assert_cmpint (civic_hearing_get_state (g_ptr_array_index (hearings, 0)), >=, 0);
  }

  /* The past; then a Monday the notice of 7 working days can no longer
   * reach; from Tuesday on, free */
  past = civic_hearings_view_verdict (CIVIC_HEARINGS_VIEW (view), id, day_of ("2026-03-20"), 9 * 60,
                                      NULL);
  g_assert_cmpstr (past, ==, "This time has passed");
  late = civic_hearings_view_verdict (CIVIC_HEARINGS_VIEW (view), id, day_of ("2026-03-30"), 14 * 60,
                                      NULL);
  g_assert_nonnull (late);
  g_assert_nonnull (strstr (late, "the earliest day the hearing can now be held is 2026-03-31"));
  for (int minute = 9 * 60; minute < 17 * 60 && free_minute < 0; minute += 30)
    {
      g_autofree char *verdict = civic_hearings_view_verdict (CIVIC_HEARINGS_VIEW (view), id,
                                                              day_of ("2026-04-01"), minute, NULL);
      if (verdict == NULL)
        free_minute = minute;
    }
  g_assert_cmpint (free_minute, >=, 0);

  civic_hearings_view_show (CIVIC_HEARINGS_VIEW (view), CIVIC_HEARING_GRID_WEEK, day_of ("2026-03-30"));
  civic_ui_test_spin (50);
  g_signal_emit_by_name (grid, "drag-started", id);
  /* Monday whole, the weekend whole; not Wednesday's free time */
  g_assert_cmpuint (civic_hearing_grid_get_n_marked (grid), >=, 20 + 2 * 20);
  g_assert_cmpuint (civic_hearing_grid_get_n_marked (grid), <, 7 * 20);
  g_signal_emit_by_name (grid, "drag-ended");
  g_assert_cmpuint (civic_hearing_grid_get_n_marked (grid), ==, 0);

  g_signal_emit_by_name (grid, "hearing-dropped", id, (guint) day_of ("2026-04-01"), free_minute,
                         NULL);
  civic_ui_test_spin (100);
  dialog = find_action_dialog ();
  g_assert_nonnull (dialog);
  args = civic_action_dialog_dup_args (CIVIC_ACTION_DIALOG (dialog));
  g_assert_cmpstr (json_object_get_string_member (args, "day"), ==, "2026-04-01");
  {
    g_autofree char *starts = g_strdup_printf ("%02d:%02d", free_minute / 60, free_minute % 60);

    g_assert_cmpstr (json_object_get_string_member (args, "starts"), ==, starts);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  civic_ui_test_spin (50);

  civic_ui_test_destroy (window, view);
}

/* The link a calendar subscribes to: the service's, with a token of the
 * official's own; revoked, none */
static void
test_calendar_link (void)
{
  CivicApiClient *client = civic_sync_engine_get_client (civic_ui_test_engine ());
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) revoked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *none = NULL;
  g_autofree char *prefix = g_strconcat (civic_api_client_get_base_url (client),
                                         "/api/v1/calendar.ics?token=", NULL);

  civic_api_client_calendar_link_async (client, FALSE, NULL, civic_test_got_result, &result);
  url = civic_api_client_calendar_link_finish (client, civic_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, prefix));
  g_assert_cmpuint (strlen (url), >, strlen (prefix) + 32);

  /* One hearing's invitation, as the page saves it */
  {
    g_autoptr(GPtrArray) hearings = civic_sync_engine_list_hearings (civic_ui_test_engine (), NULL);
    g_autoptr(GAsyncResult) fetched = NULL;
    g_autoptr(GBytes) ics = NULL;
    g_autofree char *text = NULL;
    g_autofree char *uid = NULL;
    CivicHearing *notified = NULL;

    for (guint i = 0; i < hearings->len && notified == NULL; i++)
      if (civic_hearing_get_state (g_ptr_array_index (hearings, i)) == CIVIC_HEARING_STATE_NOTIFIED)
        notified = g_ptr_array_index (hearings, i);
    g_assert_nonnull (notified);
    civic_api_client_hearing_ics_async (client, civic_hearing_get_id (notified), NULL,
                                        civic_test_got_result, &fetched);
    ics = civic_api_client_hearing_ics_finish (client, civic_test_await (&fetched), &error);
    g_assert_no_error (error);
    text = g_strndup (g_bytes_get_data (ics, NULL), g_bytes_get_size (ics));
    uid = g_strdup_printf ("UID:%s@hearings.civicdesk", civic_hearing_get_id (notified));
    g_assert_nonnull (strstr (text, uid));
    g_assert_nonnull (strstr (text, "METHOD:REQUEST"));
  }

  civic_api_client_calendar_link_async (client, TRUE, NULL, civic_test_got_result, &revoked);
  none = civic_api_client_calendar_link_finish (client, civic_test_await (&revoked), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (none, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/hearings/week-layout", test_week_layout);
  g_test_add_func ("/hearings/keyboard", test_keyboard);
  g_test_add_func ("/hearings/drag", test_drag);
  g_test_add_func ("/hearings/calendar-link", test_calendar_link);

  return civic_ui_test_run ();
}
