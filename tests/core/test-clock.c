/* test-clock.c — statutory clocks: due dates, stops, extensions, the trace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"
#include "civic-core-test.h"

#define ALL_ART_42 "《中华人民共和国行政许可法》第四十二条"

static CivicCalendar *calendar;

static CivicClock *
licensing_clock (const char *accepted,
                 int         length,
                 int         extension)
{
  CivicClock *clock = civic_clock_new (CIVIC_CLOCK_KIND_STATUTORY, CIVIC_CLOCK_TRIGGER_ACCEPTED,
                                       day (accepted), CIVIC_CLOCK_UNIT_WORKING_DAYS, length,
                                       ALL_ART_42);

  civic_clock_set_extension_rule (clock, 1, extension);
  return clock;
}

static CivicClockReading *
read_on (CivicClock *clock,
         const char *today)
{
  return civic_clock_read (clock, calendar, day (today), NULL);
}

static void
test_worked_example_trace (void)
{
  g_autoptr(CivicClock) clock = licensing_clock ("2025-09-26", 20, 10);
  g_autoptr(CivicClockReading) reading = read_on (clock, "2025-10-09");
  g_autofree char *trace = civic_clock_reading_dup_trace_text (reading);

  assert_day_eq (reading->due, "2025-10-30");
  g_assert_cmpstr (trace, ==,
                   "Accepted: 2025-09-26 (Friday), that day not counted\n"
                   "20 working days under " ALL_ART_42 "\n"
                   "2025-09-28 (Sunday): make-up working day for National Day and "
                   "Mid-Autumn Festival, counted\n"
                   "2025-10-01 – 10-08: National Day and Mid-Autumn Festival holiday, "
                   "not counted\n"
                   "2025-10-11 (Saturday): make-up working day for National Day and "
                   "Mid-Autumn Festival, counted\n"
                   "Due 2025-10-30 (Thursday)");
  g_assert_cmpint (((CivicTraceStep *) g_ptr_array_index (reading->trace, 3))->kind, ==,
                   CIVIC_TRACE_HOLIDAY);
  g_assert_cmpint (((CivicTraceStep *) g_ptr_array_index (reading->trace, 3))->days, ==, 8);
  g_assert_false (reading->provisional);
}

static void
test_status_colours (void)
{
  g_autoptr(CivicClock) clock = licensing_clock ("2025-09-26", 20, 10);
  CivicClockPolicy quarter = { 3, 25 };

  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2025-10-09");

    /* 09-28, 09-29, 09-30, 10-09 */
    g_assert_cmpint (reading->elapsed, ==, 4);
    g_assert_cmpint (reading->remaining, ==, 16);
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_GREEN);
  }
  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2025-10-24");

    g_assert_cmpint (reading->remaining, ==, 4);
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_GREEN);
  }
  {
    /* A quarter of 20 days is 5: yellow a day earlier. */
    g_autoptr(CivicClockReading) reading = civic_clock_read (clock, calendar, day ("2025-10-23"),
                                                             &quarter);

    g_assert_cmpint (reading->remaining, ==, 5);
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_YELLOW);
  }
  {
    /* Saturday after the 10-24 Friday: nothing elapses on a rest day. */
    g_autoptr(CivicClockReading) reading = read_on (clock, "2025-10-25");

    g_assert_cmpint (reading->remaining, ==, 4);
  }
  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2025-10-27");

    g_assert_cmpint (reading->elapsed, ==, 17);
    g_assert_cmpint (reading->remaining, ==, 3);
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_YELLOW);
  }
  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2025-10-30");

    g_assert_cmpint (reading->remaining, ==, 0);
    g_assert_cmpint (reading->overdue, ==, 0);
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_YELLOW);
  }
  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2025-11-03");

    g_assert_cmpint (reading->remaining, ==, 0);
    g_assert_cmpint (reading->overdue, ==, 2);
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_RED);
  }
  {
    /* Before the clock starts nothing has elapsed. */
    g_autoptr(CivicClockReading) reading = read_on (clock, "2025-09-01");

    g_assert_cmpint (reading->elapsed, ==, 0);
    g_assert_cmpint (reading->remaining, ==, 20);
  }
}

static void
test_stop_and_resume (void)
{
  g_autoptr(CivicClock) clock = licensing_clock ("2026-03-02", 20, 10);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2026-03-09");
    assert_day_eq (reading->due, "2026-03-30");
  }

  g_assert_true (civic_clock_stop (clock, day ("2026-03-10"), CIVIC_STOP_REASON_EXPERT_REVIEW,
                                   "组织专家评审，预计5个工作日", &error));
  g_assert_no_error (error);
  g_assert_true (civic_clock_is_stopped (clock));

  {
    /* Stopped since 03-10, read on 03-20: the eight working days
     * 03-11…03-20 do not count, so if it resumed today the due date would
     * be 04-10. */
    g_autoptr(CivicClockReading) reading = read_on (clock, "2026-03-20");
    g_autofree char *trace = civic_clock_reading_dup_trace_text (reading);

    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_PAUSED);
    assert_day_eq (reading->paused_since, "2026-03-10");
    g_assert_cmpint (reading->pause_reason, ==, CIVIC_STOP_REASON_EXPERT_REVIEW);
    g_assert_cmpint (reading->elapsed, ==, 6);
    g_assert_cmpint (reading->remaining, ==, 14);
    assert_day_eq (reading->due, "2026-04-10");
    g_assert_nonnull (strstr (trace, "Stopped since 2026-03-10 for expert review"));
    g_assert_true (g_str_has_suffix (trace, "Due 2026-04-10 (Friday) if resumed today"));
  }

  g_assert_true (civic_clock_resume (clock, day ("2026-03-17"), "评审结束", &error));
  g_assert_no_error (error);
  g_assert_false (civic_clock_is_stopped (clock));

  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2026-03-20");
    g_autofree char *trace = civic_clock_reading_dup_trace_text (reading);

    assert_day_eq (reading->due, "2026-04-07");
    g_assert_cmpint (reading->elapsed, ==, 9);
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_GREEN);
    g_assert_cmpstr (trace, ==,
                     "Accepted: 2026-03-02 (Monday), that day not counted\n"
                     "20 working days under " ALL_ART_42 "\n"
                     "2026-03-10 – 03-17: stopped for expert review, 5 working days not counted\n"
                     "2026-04-04 – 04-06: Qingming Festival holiday, not counted\n"
                     "Due 2026-04-07 (Tuesday)");
  }
}

static void
test_invalid_events (void)
{
  g_autoptr(CivicClock) clock = licensing_clock ("2026-03-02", 20, 10);
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_clock_resume (clock, day ("2026-03-03"), NULL, &error));
  g_assert_error (error, CIVIC_CLOCK_ERROR, CIVIC_CLOCK_ERROR_INVALID_EVENT);
  g_assert_cmpstr (error->message, ==, "The clock is not stopped");
  g_clear_error (&error);

  g_assert_false (civic_clock_stop (clock, day ("2026-03-01"), CIVIC_STOP_REASON_TESTING, NULL,
                                    &error));
  g_assert_cmpstr (error->message, ==,
                   "2026-03-01 is before 2026-03-02, the date of the clock’s latest event");
  g_clear_error (&error);

  g_assert_true (civic_clock_stop (clock, day ("2026-03-05"), CIVIC_STOP_REASON_TESTING, NULL,
                                   &error));
  g_assert_false (civic_clock_stop (clock, day ("2026-03-06"), CIVIC_STOP_REASON_TESTING, NULL,
                                    &error));
  g_assert_cmpstr (error->message, ==, "The clock is already stopped");
  g_clear_error (&error);

  g_assert_false (civic_clock_complete (clock, day ("2026-03-06"), &error));
  g_assert_cmpstr (error->message, ==, "The clock is stopped; resume it before completing");
  g_clear_error (&error);

  g_assert_false (civic_clock_restart (clock, day ("2026-03-06"), NULL, &error));
  g_assert_cmpstr (error->message, ==, "This time limit cannot be restarted");
  g_clear_error (&error);

  g_assert_true (civic_clock_resume (clock, day ("2026-03-09"), NULL, &error));
  g_assert_true (civic_clock_complete (clock, day ("2026-03-10"), &error));
  g_assert_no_error (error);

  g_assert_false (civic_clock_stop (clock, day ("2026-03-11"), CIVIC_STOP_REASON_TESTING, NULL,
                                    &error));
  g_assert_cmpstr (error->message, ==, "The clock has already been completed");
  g_assert_cmpuint (civic_clock_get_n_events (clock), ==, 3);
}

static void
test_extension (void)
{
  g_autoptr(CivicClock) clock = licensing_clock ("2025-09-26", 20, 10);
  g_autoptr(CivicClock) late = licensing_clock ("2025-09-26", 20, 10);
  g_autoptr(CivicClock) promised = civic_clock_new (CIVIC_CLOCK_KIND_PROMISED,
                                                    CIVIC_CLOCK_TRIGGER_ACCEPTED,
                                                    day ("2025-09-26"),
                                                    CIVIC_CLOCK_UNIT_WORKING_DAYS, 5, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_clock_extend (clock, calendar, day ("2025-10-28"), 11, "李明",
                                      "需要补充核查", &error));
  g_assert_cmpstr (error->message, ==,
                   "An extension must be of at least one day and at most 10 working days");
  g_clear_error (&error);

  g_assert_false (civic_clock_extend (clock, calendar, day ("2025-10-28"), 10, "", "需要补充核查",
                                      &error));
  g_assert_cmpstr (error->message, ==,
                   "Give the name of the head who approved the extension");
  g_clear_error (&error);

  g_assert_false (civic_clock_extend (clock, calendar, day ("2025-10-28"), 10, "李明", NULL,
                                      &error));
  g_assert_cmpstr (error->message, ==,
                   "An extension needs a reason, which the applicant is told");
  g_clear_error (&error);

  g_assert_true (civic_clock_extend (clock, calendar, day ("2025-10-30"), 10, "李明",
                                     "需要补充核查", &error));
  g_assert_no_error (error);
  g_assert_cmpint (civic_clock_get_extensions_used (clock), ==, 1);

  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2025-11-03");
    g_autofree char *trace = civic_clock_reading_dup_trace_text (reading);

    /* 30 working days: 10-31, 11-03…07, 11-10…13 */
    assert_day_eq (reading->due, "2025-11-13");
    g_assert_cmpint (reading->length, ==, 30);
    g_assert_true (reading->extended);
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_GREEN);
    g_assert_nonnull (strstr (trace, "Extended on 2025-10-30 by 10 working days, approved by "
                                     "李明: 需要补充核查\nDue 2025-11-13 (Thursday)"));
  }

  g_assert_false (civic_clock_extend (clock, calendar, day ("2025-11-04"), 5, "李明", "再次延期",
                                      &error));
  g_assert_cmpstr (error->message, ==,
                   "The time limit has already been extended; the law allows it once");
  g_clear_error (&error);

  /* Art. 42: only within the limit. */
  g_assert_false (civic_clock_extend (late, calendar, day ("2025-10-31"), 10, "李明",
                                      "需要补充核查", &error));
  g_assert_cmpstr (error->message, ==,
                   "The time limit ran out on 2025-10-30; it can only be extended before it "
                   "runs out");
  g_clear_error (&error);

  /* The promised limit is a working target, not the law's: no extension. */
  g_assert_false (civic_clock_extend (promised, calendar, day ("2025-09-29"), 1, "李明", "x",
                                      &error));
  g_assert_cmpstr (error->message, ==, "This time limit cannot be extended");
}

static void
test_joint_track (void)
{
  g_autoptr(CivicClock) clock = licensing_clock ("2026-02-10", 45, 15);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2026-04-20");
    assert_day_eq (reading->due, "2026-04-21");
  }

  g_assert_false (civic_clock_extend (clock, calendar, day ("2026-04-20"), 16, "省政府副省长",
                                      "跨部门联合审查", &error));
  g_clear_error (&error);
  g_assert_true (civic_clock_extend (clock, calendar, day ("2026-04-20"), 15, "省政府副省长",
                                     "跨部门联合审查", &error));
  g_assert_no_error (error);

  {
    /* 04-22…30 (7), Labour Day off, 05-06…08 (10), Sat 05-09 worked (11),
     * 05-11…14 (15). */
    g_autoptr(CivicClockReading) reading = read_on (clock, "2026-04-20");
    assert_day_eq (reading->due, "2026-05-14");
  }
}

static void
test_restart (void)
{
  g_autoptr(CivicClock) clock = civic_clock_new (CIVIC_CLOCK_KIND_DISCLOSURE_REPLY,
                                                 CIVIC_CLOCK_TRIGGER_RECEIVED, day ("2026-03-02"),
                                                 CIVIC_CLOCK_UNIT_WORKING_DAYS, 20,
                                                 "《政府信息公开条例》第三十三条");
  g_autoptr(GError) error = NULL;

  civic_clock_set_restartable (clock, TRUE);
  civic_clock_set_extension_rule (clock, 1, 20);

  g_assert_true (civic_clock_stop (clock, day ("2026-03-03"),
                                   CIVIC_STOP_REASON_THIRD_PARTY_CONSULTATION, NULL, &error));
  g_assert_true (civic_clock_restart (clock, day ("2026-03-05"), "corrected request received",
                                      &error));
  g_assert_no_error (error);

  /* The stop belongs to the old count: the new one runs. */
  g_assert_false (civic_clock_is_stopped (clock));

  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2026-03-05");
    const CivicTraceStep *first = g_ptr_array_index (reading->trace, 0);

    assert_day_eq (reading->due, "2026-04-02");
    g_assert_cmpint (first->kind, ==, CIVIC_TRACE_RESTART);
    g_assert_cmpstr (first->text, ==, "Restarted on 2026-03-05: corrected request received");
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_GREEN);
  }
}

/* While the applicant corrects the request, the reply clock waits; the
 * corrected request starts the 20 days again (OGI Art. 30), so the date
 * shown meanwhile is the one a correction arriving today would give. */
static void
test_awaiting_correction (void)
{
  g_autoptr(CivicClock) clock = civic_clock_new (CIVIC_CLOCK_KIND_DISCLOSURE_REPLY,
                                                 CIVIC_CLOCK_TRIGGER_RECEIVED, day ("2026-02-06"),
                                                 CIVIC_CLOCK_UNIT_WORKING_DAYS, 20, "ogi-33");
  g_autoptr(GError) error = NULL;

  civic_clock_set_restartable (clock, TRUE);
  g_assert_true (civic_clock_stop (clock, day ("2026-02-10"),
                                   CIVIC_STOP_REASON_AWAITING_CORRECTION, NULL, &error));
  g_assert_no_error (error);

  {
    /* 02-13, Sat 02-14 worked, the Spring Festival off, 02-24…27, Sat
     * 02-28 worked, 03-02…13, 03-16…18. */
    g_autoptr(CivicClockReading) reading = read_on (clock, "2026-02-12");
    const CivicTraceStep *first = g_ptr_array_index (reading->trace, 0);

    assert_day_eq (reading->due, "2026-03-18");
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_PAUSED);
    g_assert_cmpint (reading->pause_reason, ==, CIVIC_STOP_REASON_AWAITING_CORRECTION);
    assert_day_eq (reading->paused_since, "2026-02-10");
    g_assert_cmpint (reading->elapsed, ==, 0);
    g_assert_cmpint (reading->remaining, ==, 20);
    g_assert_cmpint (first->kind, ==, CIVIC_TRACE_STOPPED);
    g_assert_cmpstr (first->text, ==,
                     "Awaiting the corrected request since 2026-02-10: the time limit starts "
                     "again on the day it arrives, assumed to be 2026-02-12");
  }

  g_assert_true (civic_clock_restart (clock, day ("2026-02-27"), "corrected request received",
                                      &error));
  {
    g_autoptr(CivicClockReading) reading = read_on (clock, "2026-03-02");

    assert_day_eq (reading->due, "2026-03-26");
    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_GREEN);
  }
}

static void
test_calendar_days (void)
{
  g_autoptr(CivicClock) complaint = civic_clock_new (CIVIC_CLOCK_KIND_COMPLAINT,
                                                     CIVIC_CLOCK_TRIGGER_REGISTERED,
                                                     day ("2026-08-03"),
                                                     CIVIC_CLOCK_UNIT_CALENDAR_DAYS, 60,
                                                     "《信访工作条例》第三十四条");
  g_autoptr(CivicClock) plain = civic_clock_new (CIVIC_CLOCK_KIND_COMPLAINT,
                                                 CIVIC_CLOCK_TRIGGER_REGISTERED,
                                                 day ("2026-08-01"),
                                                 CIVIC_CLOCK_UNIT_CALENDAR_DAYS, 60, NULL);

  {
    /* 60 days from 08-03 is 10-02, inside the National Day holiday; the
     * period ends on the first working day after it. */
    g_autoptr(CivicClockReading) reading = read_on (complaint, "2026-09-01");
    g_autofree char *trace = civic_clock_reading_dup_trace_text (reading);

    assert_day_eq (reading->due, "2026-10-08");
    g_assert_cmpint (reading->elapsed, ==, 29);
    g_assert_cmpint (reading->remaining, ==, 31);
    g_assert_nonnull (strstr (trace, "60 days under 《信访工作条例》第三十四条\n"
                                     "2026-10-02 is a rest day: the period ends on the next "
                                     "working day, 2026-10-08\nDue 2026-10-08 (Thursday)"));
  }
  {
    g_autoptr(CivicClockReading) reading = read_on (complaint, "2026-10-08");

    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_YELLOW);
    g_assert_cmpint (reading->overdue, ==, 0);
  }
  {
    g_autoptr(CivicClockReading) reading = read_on (complaint, "2026-10-10");

    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_RED);
    g_assert_cmpint (reading->overdue, ==, 2);
  }
  {
    g_autoptr(CivicClockReading) reading = read_on (plain, "2026-08-02");

    assert_day_eq (reading->due, "2026-09-30");
  }
}

/* The day a clock's colour next changes, for every day of its life across
 * National Day 2025: the colour read that day differs from the day
 * before's, and no day between changes it (e-supervision reads a record
 * again on that morning only) */
static void
test_next_change (void)
{
  g_autoptr(CivicClock) clock = licensing_clock ("2025-09-20", 20, 10);
  CivicDay first = day ("2025-09-21"), last = day ("2025-11-20");

  for (CivicDay today = first; today <= last; today++)
    {
      g_autoptr(CivicClockReading) reading = civic_clock_read (clock, calendar, today, NULL);
      CivicDay next = civic_clock_next_change (clock, reading, calendar, today, NULL);

      if (reading->status == CIVIC_CLOCK_STATUS_RED)
        {
          g_assert_cmpuint (next, ==, CIVIC_DAY_INVALID);
          continue;
        }
      g_assert_cmpuint (next, >, today);
      for (CivicDay d = today + 1; d <= next; d++)
        {
          g_autoptr(CivicClockReading) later = civic_clock_read (clock, calendar, d, NULL);

          if (d < next)
            g_assert_cmpint (later->status, ==, reading->status);
          else
            g_assert_cmpint (later->status, !=, reading->status);
        }
    }
  /* Due Thursday 10-23: yellow on Monday 10-20, with three working days
   * left; red on Friday 10-24 */
  {
    g_autoptr(CivicClockReading) green = read_on (clock, "2025-10-09");
    g_autoptr(CivicClockReading) yellow = read_on (clock, "2025-10-20");

    assert_day_eq (green->due, "2025-10-23");
    g_assert_cmpint (green->status, ==, CIVIC_CLOCK_STATUS_GREEN);
    assert_day_eq (civic_clock_next_change (clock, green, calendar, day ("2025-10-09"), NULL),
                   "2025-10-20");
    g_assert_cmpint (yellow->status, ==, CIVIC_CLOCK_STATUS_YELLOW);
    assert_day_eq (civic_clock_next_change (clock, yellow, calendar, day ("2025-10-20"), NULL),
                   "2025-10-24");
  }
}

static void
test_completion (void)
{
  g_autoptr(CivicClock) on_time = licensing_clock ("2025-09-26", 20, 10);
  g_autoptr(CivicClock) late = licensing_clock ("2025-09-26", 20, 10);
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_clock_complete (on_time, day ("2025-10-20"), &error));
  g_assert_true (civic_clock_complete (late, day ("2025-11-03"), &error));
  g_assert_no_error (error);
  g_assert_true (civic_clock_is_completed (late));

  {
    g_autoptr(CivicClockReading) reading = read_on (on_time, "2026-01-01");
    g_autofree char *trace = civic_clock_reading_dup_trace_text (reading);

    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_DONE);
    g_assert_false (reading->late);
    assert_day_eq (reading->completed_on, "2025-10-20");
    /* 4 up to 10-09, then 10-10, 10-11, 10-13…17, 10-20 */
    g_assert_cmpint (reading->elapsed, ==, 12);
    g_assert_true (g_str_has_suffix (trace, "Completed on 2025-10-20, on time"));
  }
  {
    g_autoptr(CivicClockReading) reading = read_on (late, "2026-01-01");
    g_autofree char *trace = civic_clock_reading_dup_trace_text (reading);

    g_assert_cmpint (reading->status, ==, CIVIC_CLOCK_STATUS_DONE);
    g_assert_true (reading->late);
    g_assert_cmpint (reading->overdue, ==, 2);
    g_assert_true (g_str_has_suffix (trace, "Completed on 2025-11-03, 2 working days late"));
  }
}

static void
test_provisional (void)
{
  g_autoptr(CivicClock) clock = licensing_clock ("2026-12-15", 20, 10);
  g_autoptr(CivicClockReading) reading = read_on (clock, "2026-12-15");
  g_autofree char *trace = civic_clock_reading_dup_trace_text (reading);

  /* 12-16…18, 12-21…25, 12-28…31, 2027-01-01 off by the rule alone,
   * 01-04…08, 01-11…13 */
  assert_day_eq (reading->due, "2027-01-13");
  g_assert_true (reading->provisional);
  g_assert_nonnull (strstr (trace, "No holiday notice for 2027 is loaded"));
  g_assert_nonnull (strstr (trace, "2027-01-01: New Year’s Day holiday, not counted"));
}

static void
test_count_start_day (void)
{
  g_autoptr(CivicClock) clock = licensing_clock ("2025-09-26", 20, 10);
  g_autoptr(CivicClockReading) reading = NULL;

  civic_clock_set_count_start_day (clock, TRUE);
  reading = read_on (clock, "2025-09-26");
  assert_day_eq (reading->due, "2025-10-29");
  g_assert_cmpint (reading->elapsed, ==, 1);
  g_assert_cmpstr (((CivicTraceStep *) g_ptr_array_index (reading->trace, 0))->text, ==,
                   "Accepted: 2025-09-26 (Friday), counted as the first day");
}

static char *
clock_json (CivicClock *clock)
{
  g_autoptr(JsonNode) node = civic_clock_to_json (clock);

  return civic_json_to_string (node, FALSE);
}

static void
test_json_round_trip (void)
{
  g_autoptr(CivicClock) clock = licensing_clock ("2026-03-02", 20, 10);
  g_autoptr(CivicClock) copy = NULL;
  g_autoptr(CivicClock) dup = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  civic_clock_stop (clock, day ("2026-03-10"), CIVIC_STOP_REASON_EXPERT_REVIEW, "专家评审", NULL);
  civic_clock_resume (clock, day ("2026-03-17"), NULL, NULL);
  civic_clock_extend (clock, calendar, day ("2026-03-30"), 10, "user-approver", "补充材料核查",
                      &error);
  g_assert_no_error (error);

  first = clock_json (clock);
  node = civic_json_parse (first, -1, &error);
  g_assert_no_error (error);
  copy = civic_clock_new_from_json (node, &error);
  g_assert_no_error (error);
  second = clock_json (copy);
  g_assert_cmpstr (first, ==, second);

  dup = civic_clock_copy (clock);
  third = clock_json (dup);
  g_assert_cmpstr (first, ==, third);

  g_assert_nonnull (strstr (first, "\"kind\":\"statutory\""));
  g_assert_nonnull (strstr (first, "\"reason\":\"expert-review\""));
  g_assert_nonnull (strstr (first, "\"start\":\"2026-03-02\""));

  {
    g_autoptr(CivicClockReading) a = read_on (clock, "2026-04-01");
    g_autoptr(CivicClockReading) b = read_on (copy, "2026-04-01");

    g_assert_cmpuint (a->due, ==, b->due);
    assert_day_eq (a->due, "2026-04-21");
  }
}

static const struct
{
  const char *json;
  const char *message;
} malformed[] = {
  { "[]", "A clock must be an object" },
  { "{\"trigger\":\"accepted\",\"start\":\"2026-03-02\",\"unit\":\"working-days\",\"length\":20}",
    "“kind” is missing" },
  { "{\"kind\":\"weekly\",\"trigger\":\"accepted\",\"start\":\"2026-03-02\","
    "\"unit\":\"working-days\",\"length\":20}", "“weekly” is not a valid value for “kind”" },
  { "{\"kind\":\"statutory\",\"trigger\":\"accepted\",\"start\":\"2026-02-30\","
    "\"unit\":\"working-days\",\"length\":20}", "“start” must be a date written YYYY-MM-DD" },
  { "{\"kind\":\"statutory\",\"trigger\":\"accepted\",\"start\":\"2026-03-02\","
    "\"unit\":\"working-days\",\"length\":-1}", "“length” must lie between 0 and 3660" },
  { "{\"kind\":\"statutory\",\"trigger\":\"accepted\",\"start\":\"2026-03-02\","
    "\"unit\":\"working-days\",\"length\":\"20\"}", "“length” must be a whole number" },
  { "{\"kind\":\"statutory\",\"trigger\":\"accepted\",\"start\":\"2026-03-02\","
    "\"unit\":\"working-days\",\"length\":20,\"events\":[{\"type\":\"resume\","
    "\"day\":\"2026-03-03\"}]}", "Clock event 1: The clock is not stopped" },
  { "{\"kind\":\"statutory\",\"trigger\":\"accepted\",\"start\":\"2026-03-02\","
    "\"unit\":\"working-days\",\"length\":20,\"events\":[{\"type\":\"stop\","
    "\"day\":\"2026-03-05\",\"reason\":\"testing\"},{\"type\":\"resume\","
    "\"day\":\"2026-03-04\"}]}", "Clock event 2: 2026-03-04 is before 2026-03-05" },
  { "{\"kind\":\"statutory\",\"trigger\":\"accepted\",\"start\":\"2026-03-02\","
    "\"unit\":\"working-days\",\"length\":20,\"events\":[{\"type\":\"stop\","
    "\"day\":\"2026-03-05\"}]}", "“reason” is missing" },
  { "{\"kind\":\"statutory\",\"trigger\":\"accepted\",\"start\":\"2026-03-02\","
    "\"unit\":\"working-days\",\"length\":20,\"max_extensions\":1,\"max_extension_days\":10,"
    "\"events\":[{\"type\":\"extend\",\"day\":\"2026-03-05\",\"days\":11,\"approver\":\"a\"}]}",
    "Clock event 1: The extension exceeds what the clock allows" },
  { "{\"kind\":\"statutory\",\"trigger\":\"accepted\",\"start\":\"2026-03-02\","
    "\"unit\":\"working-days\",\"length\":20,\"max_extensions\":1,\"max_extension_days\":10,"
    "\"events\":[{\"type\":\"extend\",\"day\":\"2026-03-05\",\"days\":5,\"approver\":\" \"}]}",
    "“approver” must not be empty" },
  { "{\"kind\":\"statutory\",\"trigger\":\"accepted\",\"start\":\"2026-03-02\","
    "\"unit\":\"working-days\",\"length\":20,\"events\":[42]}",
    "Every clock event must be an object" },
};

static void
test_json_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(CivicClock) clock = NULL;
      g_autoptr(GError) error = NULL;

      node = civic_json_parse (malformed[i].json, -1, &error);
      g_assert_no_error (error);
      clock = civic_clock_new_from_json (node, &error);
      g_assert_null (clock);
      g_assert_nonnull (error);
      g_test_message ("%s → %s", malformed[i].json, error->message);
      g_assert_true (g_str_has_prefix (error->message, malformed[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);

  g_test_add_func ("/clock/worked-example-trace", test_worked_example_trace);
  g_test_add_func ("/clock/status-colours", test_status_colours);
  g_test_add_func ("/clock/stop-and-resume", test_stop_and_resume);
  g_test_add_func ("/clock/invalid-events", test_invalid_events);
  g_test_add_func ("/clock/extension", test_extension);
  g_test_add_func ("/clock/joint-track", test_joint_track);
  g_test_add_func ("/clock/restart", test_restart);
  g_test_add_func ("/clock/awaiting-correction", test_awaiting_correction);
  g_test_add_func ("/clock/calendar-days", test_calendar_days);
  g_test_add_func ("/clock/completion", test_completion);
  g_test_add_func ("/clock/next-change", test_next_change);
  g_test_add_func ("/clock/provisional", test_provisional);
  g_test_add_func ("/clock/count-start-day", test_count_start_day);
  g_test_add_func ("/clock/json/round-trip", test_json_round_trip);
  g_test_add_func ("/clock/json/malformed", test_json_malformed);

  result = g_test_run ();
  g_clear_object (&calendar);
  return result;
}
