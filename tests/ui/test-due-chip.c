/* test-due-chip.c — a limit in words, and how it was reckoned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-due-chip.h"
#include "civic-time.h"

#include "civic-ui-test.h"

static void
test_due_chip_words (void)
{
  CivicCalendar *cal = civic_ui_test_calendar ();
  CivicDay today = civic_day_from_ymd (2026, 9, 30);   /* the Wednesday before National Day */
  g_autofree char *today_text = NULL;
  g_autofree char *three = NULL;
  g_autofree char *holiday = NULL;
  g_autofree char *late = NULL;
  g_autofree char *paused = NULL;
  GtkWidget *chip = civic_due_chip_new ();

  g_object_ref_sink (chip);
  today_text = civic_due_chip_describe ("yellow", today, cal, today);
  g_assert_cmpstr (today_text, ==, "Due today");

  /* 2026-10-01…07 is the National Day holiday: the next working days are
   * 10-08 (Thu) and 10-09 (Fri); 10-10 (Sat) is a make-up working day. */
  three = civic_due_chip_describe ("yellow", civic_day_from_ymd (2026, 10, 10), cal, today);
  g_assert_cmpstr (three, ==, "3 working days left");
  holiday = civic_due_chip_describe ("green", civic_day_from_ymd (2026, 10, 8), cal, today);
  g_assert_cmpstr (holiday, ==, "1 working day left");

  late = civic_due_chip_describe ("red", civic_day_from_ymd (2026, 9, 28), cal, today);
  g_assert_cmpstr (late, ==, "2 working days overdue");
  paused = civic_due_chip_describe ("paused", civic_day_from_ymd (2026, 9, 28), cal, today);
  g_assert_cmpstr (paused, ==, "Paused");
  /* A case waiting on the official is never "Done" */
  {
    g_autofree char *waiting = civic_due_chip_describe ("waiting", civic_day_from_ymd (2026, 9, 28),
                                                        cal, today);

    g_assert_cmpstr (waiting, ==, "Waiting for you");
  }

  civic_due_chip_set_status (CIVIC_DUE_CHIP (chip), "red", civic_day_from_ymd (2026, 9, 28), cal,
                             today);
  g_assert_cmpstr (civic_due_chip_get_text (CIVIC_DUE_CHIP (chip)), ==, "2 working days overdue");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (chip), "red"));
  civic_due_chip_set_status (CIVIC_DUE_CHIP (chip), "green", civic_day_from_ymd (2026, 10, 8), cal,
                             today);
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_first_child (chip), "red"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (chip), "green"));
  g_assert_finalize_object (chip);
}

static void
test_due_chip_explains (void)
{
  g_autofree char *id = civic_ui_test_find_case (CIVIC_INBOX_MINE, "under-review");
  g_autoptr(CivicCase) kase = civic_cache_load_case (civic_ui_test_cache (), id, NULL);
  CivicClock *clock = civic_case_get_statutory_clock (kase);
  GtkWidget *chip = civic_due_chip_new_explained ();
  g_autoptr(CivicClockReading) reading = NULL;
  GtkWidget *button, *popover;
  gboolean found_due = FALSE;

  g_object_ref_sink (chip);
  g_assert_nonnull (clock);
  civic_due_chip_set_clock (CIVIC_DUE_CHIP (chip), clock, civic_ui_test_calendar (), civic_time_today ());
  reading = civic_clock_read (clock, civic_ui_test_calendar (), civic_time_today (), NULL);

  button = gtk_widget_get_first_child (chip);
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  g_assert_true (civic_due_chip_get_activatable (CIVIC_DUE_CHIP (chip)) == button);

  /* Readable: as wide as its sentences (not one word a line), nothing in
   * it selected when it opens, no tooltip over it */
  {
    int natural = 0;

    gtk_widget_measure (gtk_popover_get_child (GTK_POPOVER (popover)), GTK_ORIENTATION_HORIZONTAL,
                        -1, NULL, &natural, NULL, NULL);
    g_assert_cmpint (natural, >=, 300);
    g_assert_null (gtk_widget_get_tooltip_text (button));
  }

  /* The popover holds the explanation's steps, the due date's among them. */
  for (GtkWidget *w = popover; w != NULL;)
    {
      if (GTK_IS_LABEL (w))
        {
          g_autofree char *due = civic_day_format (reading->due);

          g_assert_false (gtk_label_get_selectable (GTK_LABEL (w)));

          found_due |= strstr (gtk_label_get_label (GTK_LABEL (w)), due) != NULL;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != popover)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == popover) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_true (found_due);
  g_assert_finalize_object (chip);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/due-chip/words", test_due_chip_words);
  g_test_add_func ("/ui/due-chip/explains", test_due_chip_explains);

  return civic_ui_test_run ();
}
