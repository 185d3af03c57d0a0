/* bench-hearings.c — the week of a busy department, and the check of a move
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A department with 30 rooms and 1 000 hearings over a year, a busy week
 * of them in the middle. Three figures, each beside a reference run in
 * the same process:
 *
 *   - the week grid drawn the first time (the widget made, given the
 *     hearings, and its first frame painted), against the same buttons,
 *     labels and cells as plain widgets in a GtkFixed at the same places:
 *     what any grid of that many widgets costs GTK;
 *   - a move redrawn (one hearing to another time: the grid given the
 *     hearings again, its next frame), against the GtkFixed rebuilt;
 *   - the check of a move against a year of bookings (the law's findings
 *     for the slot and the clashes with every other hearing), against a
 *     bare loop over the same start and end times comparing them.
 *
 * Run under a display (bench/run.sh uses Xvfb); prints BENCH lines.
 */

#include "config.h"

#include <adwaita.h>

#include "civic-core.h"
#include "civic-hearing-grid.h"

#define N_HEARINGS 1000
#define N_ROOMS 30
#define ROUNDS 15

static CivicCalendar *calendar;
static GPtrArray *rooms;
static GPtrArray *hearings;
static CivicDay week;

static GDateTime *
at (CivicDay day,
    int      minute)
{
  int y, m, d;

  civic_day_to_ymd (day, &y, &m, &d);
  return g_date_time_new (civic_time_zone (), y, m, d, minute / 60, minute % 60, 0);
}

static CivicHearing *
make_hearing (guint    i,
              CivicDay day,
              int      minute,
              guint    room)
{
  g_autofree char *id = g_strdup_printf ("h-%04u", i);
  g_autofree char *case_id = g_strdup_printf ("c-%04u", i);
  g_autofree char *number = g_strdup_printf ("2026%04u-SCJG-%06u", i % 1231, i);
  g_autofree char *room_id = g_strdup_printf ("r-%02u", room);
  g_autofree char *host = g_strdup_printf ("u-host-%u", i % 12);
  g_autofree char *party = g_strdup_printf ("p-%04u", i);
  g_autoptr(GDateTime) starts = at (day, minute);
  g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, 120);
  const char * const examiners[] = { "u-examiner", NULL };
  CivicHearing *hearing = civic_hearing_new_for_case (id, FALSE, case_id, number, "scjg",
                                                      "食品经营许可", day - 37, day - 35, examiners);
  CivicHearingSlot slot = { room_id, host, "主持人", starts, ends };

  civic_hearing_add_participant (hearing, party, "张**", CIVIC_HEARING_ROLE_APPLICANT, NULL);
  /* As the service keeps it: scheduled where the demo's booking put it */
  if (!civic_hearing_schedule (hearing, &slot, examiners, calendar, NULL, day - 30, NULL))
    g_error ("hearing %u cannot be scheduled", i);
  return hearing;
}

static void
make_data (void)
{
  CivicDay first = civic_day_from_ymd (2026, 1, 5);
  guint made = 0;

  rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  for (guint r = 0; r < N_ROOMS; r++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\": \"r-%02u\", \"name\": \"听证室%u\","
                                               " \"building\": \"省政务服务中心\", \"capacity\": 40,"
                                               " \"department\": null}", r, r + 1);

      g_ptr_array_add (rooms, civic_json_parse (json, -1, NULL));
    }

  /* The busy week: 30 rooms, mornings and afternoons, Monday to Friday,
   * about two hearings in three slots (200) */
  week = civic_day_from_ymd (2026, 6, 15);
  hearings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint d = 0; d < 5; d++)
    for (guint r = 0; r < N_ROOMS; r++)
      for (guint half = 0; half < 2; half++)
        if ((d + r + half) % 3 != 0 && made < 200)
          g_ptr_array_add (hearings, make_hearing (made++, week + d, half ? 14 * 60 + 30 : 9 * 60, r));

  /* The rest of the year around it */
  for (guint i = 0; made < N_HEARINGS; i++)
    {
      CivicDay day = civic_calendar_next_working_day (calendar, first + (i * 7) % 330);

      if (day >= week && day < week + 7)
        continue;
      g_ptr_array_add (hearings, make_hearing (made++, day, (i % 2) ? 14 * 60 + 30 : 9 * 60,
                                               i % N_ROOMS));
    }
}

/* The frames */

static gboolean painted;

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  painted = TRUE;
}

static double
until_painted (GtkWidget *window,
               gint64     since)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);

  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  return (g_get_monotonic_time () - since) / 1000.0;
}

static GtkWidget *
window_new (void)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_frame_clock (window) == NULL || !gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  until_painted (window, g_get_monotonic_time ());
  return window;
}

/* The reference: the same widgets, placed by a GtkFixed */
static GtkWidget *
fixed_week (void)
{
  GtkWidget *fixed = gtk_fixed_new ();
  double column = (1280 - 56) / 7.0;

  for (guint c = 0; c < 7; c++)
    {
      GtkWidget *header = gtk_label_new ("星期一\n6/15");

      gtk_fixed_put (GTK_FIXED (fixed), header, 56 + c * column, 0);
    }
  for (guint h = 0; h < 10; h++)
    gtk_fixed_put (GTK_FIXED (fixed), gtk_label_new ("08:00"), 0, 44 + h * 52);
  for (guint r = 0; r < 20; r++)
    for (guint c = 0; c < 7; c++)
      {
        GtkWidget *cell = gtk_label_new (NULL);

        gtk_widget_set_size_request (cell, (int) column, 26);
        gtk_widget_set_focusable (cell, TRUE);
        gtk_fixed_put (GTK_FIXED (fixed), cell, 56 + c * column, 44 + r * 26);
      }
  for (guint i = 0; i < hearings->len; i++)
    {
      CivicHearing *hearing = g_ptr_array_index (hearings, i);
      CivicDay day = civic_hearing_get_hearing_day (hearing);
      GtkWidget *button;

      if (day < week || day >= week + 7)
        continue;
      button = gtk_button_new_with_label ("09:00–11:00 食品经营许可\n听证室1");
      gtk_widget_set_size_request (button, 8, 100);
      gtk_fixed_put (GTK_FIXED (fixed), button, 56 + (day - week) * column, 44 + 26 * 2);
    }
  return fixed;
}

static double
median (double *values,
        guint   n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double t = values[j];

        values[j] = values[j - 1];
        values[j - 1] = t;
      }
  return values[n / 2];
}

static void
bench_week (void)
{
  double grid_first[ROUNDS], fixed_first[ROUNDS], grid_move[ROUNDS], fixed_move[ROUNDS];
  guint events = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      GtkWidget *window = window_new ();
      GtkWidget *grid;
      gint64 start = g_get_monotonic_time ();
      CivicHearing *moved = g_ptr_array_index (hearings, round);
      g_autoptr(GDateTime) starts = at (civic_hearing_get_hearing_day (moved), 10 * 60);
      g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, 120);
      const char * const examiners[] = { "u-examiner", NULL };
      CivicHearingSlot slot = { civic_hearing_get_room_id (moved), civic_hearing_get_host_id (moved),
                                civic_hearing_get_host_name (moved), starts, ends };

      grid = civic_hearing_grid_new ();
      civic_hearing_grid_set_calendar (CIVIC_HEARING_GRID (grid), calendar);
      civic_hearing_grid_set_rooms (CIVIC_HEARING_GRID (grid), rooms);
      civic_hearing_grid_set_day (CIVIC_HEARING_GRID (grid), week);
      civic_hearing_grid_set_hearings (CIVIC_HEARING_GRID (grid), hearings);
      gtk_window_set_child (GTK_WINDOW (window), grid);
      grid_first[round] = until_painted (window, start);
      events = civic_hearing_grid_get_events (CIVIC_HEARING_GRID (grid))->len;

      /* A move: the hearing at another time, the grid told again */
      start = g_get_monotonic_time ();
      civic_hearing_schedule (moved, &slot, examiners, calendar, NULL,
                              civic_hearing_get_hearing_day (moved) - 30, NULL);
      civic_hearing_grid_set_hearings (CIVIC_HEARING_GRID (grid), hearings);
      grid_move[round] = until_painted (window, start);

      start = g_get_monotonic_time ();
      gtk_window_set_child (GTK_WINDOW (window), fixed_week ());
      fixed_first[round] = until_painted (window, start);
      start = g_get_monotonic_time ();
      gtk_window_set_child (GTK_WINDOW (window), fixed_week ());
      fixed_move[round] = until_painted (window, start);

      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }

  g_print ("BENCH hearings_week_events %u hearings\n", events);
  g_print ("BENCH hearings_week_first_draw %.1f ms\n", median (grid_first, ROUNDS));
  g_print ("BENCH hearings_week_first_draw_reference %.1f ms\n", median (fixed_first, ROUNDS));
  g_print ("BENCH hearings_week_first_draw_ratio %.2f x\n",
           median (grid_first, ROUNDS) / median (fixed_first, ROUNDS));
  g_print ("BENCH hearings_week_move_redraw %.1f ms\n", median (grid_move, ROUNDS));
  g_print ("BENCH hearings_week_move_redraw_ratio %.2f x\n",
           median (grid_move, ROUNDS) / median (fixed_move, ROUNDS));
}

/* The check of a move over a year of bookings */
static void
bench_check (void)
{
  const char * const examiners[] = { "u-examiner", NULL };
  CivicHearing *candidate = g_ptr_array_index (hearings, 7);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint checks = 0, overlaps = 0;
  gint64 start, spent, reference;

  start = g_get_monotonic_time ();
  for (guint round = 0; round < 200; round++)
    {
      CivicDay day = week + round % 5;
      g_autoptr(GDateTime) from = at (day, 9 * 60 + (round % 16) * 30);
      g_autoptr(GDateTime) to = g_date_time_add_minutes (from, 120);
      CivicHearingSlot slot = { "r-03", "u-host-3", "主持人", from, to };
      g_autoptr(GPtrArray) findings = civic_hearing_check_schedule (candidate, &slot, examiners,
                                                                    calendar, NULL, week - 30);
      g_autoptr(GPtrArray) clashes = civic_hearing_find_conflicts_with (candidate, &slot, hearings);

      checks++;
    }
  spent = g_get_monotonic_time () - start;

  for (guint i = 0; i < hearings->len; i++)
    {
      gint64 s = g_date_time_to_unix (civic_hearing_get_starts_at (g_ptr_array_index (hearings, i)));
      gint64 e = g_date_time_to_unix (civic_hearing_get_ends_at (g_ptr_array_index (hearings, i)));

      g_array_append_val (starts, s);
      g_array_append_val (ends, e);
    }
  start = g_get_monotonic_time ();
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GDateTime) from = at (week + round % 5, 9 * 60 + (round % 16) * 30);
      gint64 s = g_date_time_to_unix (from), e = s + 7200;

      for (guint i = 0; i < starts->len; i++)
        overlaps += g_array_index (starts, gint64, i) < e && s < g_array_index (ends, gint64, i);
    }
  reference = MAX (1, g_get_monotonic_time () - start);

  g_print ("BENCH hearings_move_check %.3f ms\n", spent / 1000.0 / checks);
  g_print ("BENCH hearings_move_check_reference %.4f ms\n", reference / 1000.0 / 200);
  g_print ("BENCH hearings_move_check_ratio %.0f x\n", (double) spent / reference);
  g_assert_cmpuint (overlaps, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_setenv ("CIVICDESK_NOW", "2026-06-01T10:00:00+08:00", TRUE);
  adw_init ();
  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);
  make_data ();

  bench_check ();
  bench_week ();

  g_ptr_array_unref (hearings);
  g_ptr_array_unref (rooms);
  g_object_unref (calendar);
  return 0;
}
