/* test-disclosure-request-clock.c — the time limits of a disclosure request, OGI Arts. 30–34
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The days are those of the plan for issue 14 (docs/plans/disclosure.md,
 * decision 9), counted by hand on data/calendars/CN-2026.json.
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"
#include "civic-core-test.h"

static CivicCalendar *calendar;

static CivicDisclosureRequestClock *
request_received (const char *received_on)
{
  return civic_disclosure_request_clock_new (calendar, day (received_on));
}

static CivicDisclosureRequestReading *
read_on (CivicDisclosureRequestClock *request,
         const char                  *today)
{
  return civic_disclosure_request_clock_read (request, day (today), NULL);
}

static CivicDisclosureConsultationReading *
consultation (CivicDisclosureRequestReading *reading,
              guint                          index)
{
  g_assert_cmpuint (index, <, reading->consultations->len);
  return g_ptr_array_index (reading->consultations, index);
}

static void
assert_trace_has (CivicClockReading *reading,
                  const char        *line)
{
  g_autofree char *trace = civic_clock_reading_dup_trace_text (reading);

  if (strstr (trace, line) == NULL)
    g_error ("“%s” is not in the explanation:\n%s", line, trace);
}

static void
test_reply_and_extension (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-09-21");
  g_autoptr(GError) error = NULL;

  {
    /* 09-22…24, the Mid-Autumn Festival off, 09-28…30, National Day off,
     * 10-08…09, Sat 10-10 worked, 10-12…16, 10-19…23, 10-26. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-10-20");
    g_autofree char *trace = civic_clock_reading_dup_trace_text (reading->reply);

    assert_day_eq (reading->reply->due, "2026-10-26");
    g_assert_cmpstr (trace, ==,
                     "Received: 2026-09-21 (Monday), that day not counted\n"
                     "20 working days under Regulations on Government Information "
                     "Disclosure, Art. 33\n"
                     "2026-09-25 – 09-27: Mid-Autumn Festival holiday, not counted\n"
                     "2026-10-01 – 10-07: National Day holiday, not counted\n"
                     "2026-10-10 (Saturday): make-up working day for National Day, counted\n"
                     "Due 2026-10-26 (Monday)");
    g_assert_cmpint (civic_clock_get_kind (reading->reply_clock), ==,
                     CIVIC_CLOCK_KIND_DISCLOSURE_REPLY);
    g_assert_cmpint (reading->reply->elapsed, ==, 16);
    g_assert_cmpint (reading->reply->remaining, ==, 4);
    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_GREEN);
    assert_day_eq (reading->correction_notice_due, "2026-10-08");
    g_assert_null (reading->correction_notice);
    g_assert_cmpuint (reading->consultations->len, ==, 0);
  }

  g_assert_true (civic_disclosure_request_clock_extend (request, day ("2026-10-20"), 20, "周敏",
                                                        TRUE, "需调取档案馆存档材料", &error));
  g_assert_no_error (error);
  g_assert_cmpint (civic_disclosure_request_clock_get_extension_days (request), ==, 20);

  {
    /* 10-27…30, then four full weeks to Mon 11-23. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-10-20");

    assert_day_eq (reading->reply->due, "2026-11-23");
    g_assert_true (reading->reply->extended);
    g_assert_cmpint (reading->reply->length, ==, 40);
    g_assert_cmpint (reading->reply->remaining, ==, 24);
    assert_trace_has (reading->reply, "Extended on 2026-10-20 by 20 working days, approved by "
                                      "周敏: 需调取档案馆存档材料\nDue 2026-11-23 (Monday)");
  }

  g_assert_true (civic_disclosure_request_clock_reply (request, day ("2026-11-20"), &error));
  g_assert_no_error (error);

  {
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-12-01");

    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_DONE);
    g_assert_false (reading->reply->late);
    assert_day_eq (reading->reply->completed_on, "2026-11-20");
  }
}

static void
test_status (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-09-21");

  {
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-10-22");

    g_assert_cmpint (reading->reply->remaining, ==, 2);
    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_YELLOW);
  }
  {
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-10-28");

    g_assert_cmpint (reading->reply->overdue, ==, 2);
    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_RED);
  }
}

static void
test_correction (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-02-06");
  g_autoptr(GError) error = NULL;

  {
    /* 02-09…13, Sat 02-14 worked, the Spring Festival off to 02-23,
     * 02-24. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-02-09");

    assert_day_eq (reading->correction_notice_due, "2026-02-24");
    g_assert_nonnull (reading->correction_notice);
    g_assert_cmpint (reading->correction_notice->status, ==, CIVIC_CLOCK_STATUS_GREEN);
    assert_day_eq (reading->reply->due, "2026-03-12");
  }

  g_assert_false (civic_disclosure_request_clock_receive_correction (request, day ("2026-02-12"),
                                                                     &error));
  g_assert_error (error, CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR,
                  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "No correction notice was sent for this request");
  g_clear_error (&error);

  g_assert_true (civic_disclosure_request_clock_send_correction_notice (request,
                                                                        day ("2026-02-10"),
                                                                        &error));
  g_assert_no_error (error);

  {
    /* The wait restarts the 20 days: the date shown is the one a
     * correction arriving today would give. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-02-12");

    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_PAUSED);
    g_assert_cmpint (reading->reply->pause_reason, ==, CIVIC_STOP_REASON_AWAITING_CORRECTION);
    assert_day_eq (reading->reply->due, "2026-03-18");
    g_assert_cmpint (reading->correction_notice->status, ==, CIVIC_CLOCK_STATUS_DONE);
    g_assert_false (reading->correction_notice->late);
  }

  /* 一次性告知: one notice lists everything to correct. */
  g_assert_false (civic_disclosure_request_clock_send_correction_notice (request,
                                                                         day ("2026-02-13"),
                                                                         &error));
  g_assert_error (error, CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR,
                  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_RULE);
  g_assert_cmpstr (error->message, ==,
                   "A correction notice was already sent on 2026-02-10; the applicant is told "
                   "everything to correct in one notice (Art. 30)");
  g_clear_error (&error);

  /* Consulting on, or extending, a request not yet corrected */
  g_assert_false (civic_disclosure_request_clock_start_consultation (
                    request, CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY, day ("2026-02-13"), NULL,
                    &error));
  g_assert_cmpstr (error->message, ==, "The request is awaiting the applicant’s correction");
  g_clear_error (&error);
  g_assert_false (civic_disclosure_request_clock_extend (request, day ("2026-02-13"), 10, "周敏",
                                                         TRUE, "x", &error));
  g_assert_cmpstr (error->message, ==, "The request is awaiting the applicant’s correction");
  g_clear_error (&error);

  g_assert_true (civic_disclosure_request_clock_receive_correction (request, day ("2026-02-27"),
                                                                    &error));
  g_assert_no_error (error);

  {
    /* Sat 02-28 worked, 03-02…06, 03-09…13, 03-16…20, 03-23…26. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-03-02");
    const CivicTraceStep *first = g_ptr_array_index (reading->reply->trace, 0);

    assert_day_eq (reading->reply->due, "2026-03-26");
    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_GREEN);
    g_assert_cmpint (first->kind, ==, CIVIC_TRACE_RESTART);
    g_assert_cmpstr (first->text, ==, "Restarted on 2026-02-27: corrected request received");
    assert_trace_has (reading->reply, "2026-02-28 (Saturday): make-up working day for Spring "
                                      "Festival, counted\n");
  }

  g_assert_false (civic_disclosure_request_clock_receive_correction (request, day ("2026-03-02"),
                                                                     &error));
  g_assert_cmpstr (error->message, ==, "The corrected request was already received on 2026-02-27");
  g_clear_error (&error);

  /* Consultations on the corrected request, not before it */
  g_assert_false (civic_disclosure_request_clock_start_consultation (
                    request, CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY, day ("2026-02-26"), NULL,
                    &error));
  g_assert_error (error, CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR,
                  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_correction_notice_late (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-02-06");
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_disclosure_request_clock_send_correction_notice (request,
                                                                         day ("2026-02-25"),
                                                                         &error));
  g_assert_error (error, CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR,
                  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_RULE);
  g_assert_cmpstr (error->message, ==,
                   "The correction notice had to be sent by 2026-02-24, within 7 working days of "
                   "receipt (Art. 30)");
  g_clear_error (&error);

  {
    /* The window closed without a notice: nothing left to show. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-02-25");

    g_assert_null (reading->correction_notice);
    assert_day_eq (reading->correction_notice_due, "2026-02-24");
  }

  /* On the last day it still goes. */
  g_assert_true (civic_disclosure_request_clock_send_correction_notice (request,
                                                                        day ("2026-02-24"),
                                                                        &error));
  g_assert_no_error (error);
}

static void
test_abandoned (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-02-06");
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_disclosure_request_clock_send_correction_notice (request,
                                                                        day ("2026-02-10"),
                                                                        &error));
  /* No correction came: the request is closed (Art. 30, 视为放弃申请). */
  g_assert_true (civic_disclosure_request_clock_reply (request, day ("2026-03-20"), &error));
  g_assert_no_error (error);

  {
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-03-23");

    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_DONE);
    g_assert_false (reading->reply->late);
  }

  g_assert_false (civic_disclosure_request_clock_receive_correction (request, day ("2026-03-23"),
                                                                     &error));
  g_assert_cmpstr (error->message, ==,
                   "The request was replied to on 2026-03-20; nothing more can happen to its "
                   "time limits");
}

static void
test_consultation (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-04-28");
  g_autoptr(GError) error = NULL;
  guint index = G_MAXUINT;

  {
    /* 04-29…30, Labour Day off, 05-06…08, Sat 05-09 worked, 05-11…15,
     * 05-18…22, 05-25…28. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-04-29");

    assert_day_eq (reading->reply->due, "2026-05-28");
  }

  g_assert_true (civic_disclosure_request_clock_start_consultation (
                   request, CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY, day ("2026-05-06"), &index,
                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, 0);

  {
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-05-12");
    CivicDisclosureConsultationReading *letter = consultation (reading, 0);

    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_PAUSED);
    g_assert_cmpint (reading->reply->pause_reason, ==,
                     CIVIC_STOP_REASON_THIRD_PARTY_CONSULTATION);
    assert_day_eq (reading->reply->paused_since, "2026-05-06");
    /* 05-07…08, Sat 05-09 worked, 05-11…15, 05-18…22, 05-25…26 */
    assert_day_eq (letter->due, "2026-05-26");
    assert_day_eq (letter->ended_on, "none");
    g_assert_false (letter->lapsed);
    g_assert_cmpint (letter->reading->status, ==, CIVIC_CLOCK_STATUS_GREEN);
    assert_trace_has (letter->reading, "15 working days under Regulations on Government "
                                       "Information Disclosure, Art. 32");
    g_assert_null (reading->correction_notice);
  }

  g_assert_true (civic_disclosure_request_clock_answer_consultation (request, index,
                                                                     day ("2026-05-20"), &error));
  g_assert_no_error (error);

  {
    /* 05-07…20 do not count, 11 working days with Sat 05-09: 05-28 + 11
     * is 05-29, 06-01…05, 06-08…12. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-05-21");
    CivicDisclosureConsultationReading *letter = consultation (reading, 0);

    assert_day_eq (reading->reply->due, "2026-06-12");
    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_GREEN);
    assert_trace_has (reading->reply, "2026-05-06 – 05-20: stopped for third-party "
                                      "consultation, 11 working days not counted\n");
    assert_day_eq (letter->ended_on, "2026-05-20");
    g_assert_cmpint (letter->reading->status, ==, CIVIC_CLOCK_STATUS_DONE);
    g_assert_false (letter->reading->late);
  }

  g_assert_false (civic_disclosure_request_clock_answer_consultation (request, index,
                                                                      day ("2026-05-21"),
                                                                      &error));
  g_assert_cmpstr (error->message, ==, "The consultation was already answered on 2026-05-20");
  g_clear_error (&error);
  g_assert_false (civic_disclosure_request_clock_answer_consultation (request, 1,
                                                                      day ("2026-05-21"),
                                                                      &error));
  g_assert_cmpstr (error->message, ==, "There is no such consultation");
}

/* Art. 34: an organ consulted that does not answer in 15 working days
 * consents; the consultation ends on its last day by itself. */
static void
test_consultation_unanswered (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-04-28");
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_disclosure_request_clock_start_consultation (
                   request, CIVIC_DISCLOSURE_CONSULTEE_CO_PRODUCER, day ("2026-05-06"), NULL,
                   &error));
  g_assert_no_error (error);

  {
    /* Its last day: an answer may still come. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-05-26");

    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_PAUSED);
    assert_day_eq (consultation (reading, 0)->ended_on, "none");
  }
  {
    /* 05-07…26 do not count (15 working days): 04-29, 04-30 and 05-06
     * counted, then 05-27…29, 06-01…05, 06-08…12, 06-15…18. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-05-27");
    CivicDisclosureConsultationReading *organ = consultation (reading, 0);
    const CivicTraceStep *last = g_ptr_array_index (organ->reading->trace,
                                                    organ->reading->trace->len - 1);

    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_GREEN);
    assert_day_eq (reading->reply->due, "2026-06-18");
    assert_trace_has (reading->reply, "2026-05-06 – 05-26: stopped for third-party "
                                      "consultation, 15 working days not counted\n");
    assert_day_eq (organ->ended_on, "2026-05-26");
    g_assert_true (organ->lapsed);
    g_assert_cmpint (organ->reading->status, ==, CIVIC_CLOCK_STATUS_DONE);
    assert_trace_has (organ->reading, "Regulations on Government Information Disclosure, "
                                      "Art. 34");
    g_assert_cmpstr (last->text, ==,
                     "No answer by 2026-05-26, its last day: the organ consulted is deemed to "
                     "consent to disclosure (Art. 34)");
  }

  /* An answer after the last day is recorded, late, and holds nothing. */
  g_assert_true (civic_disclosure_request_clock_answer_consultation (request, 0,
                                                                     day ("2026-05-28"), &error));
  {
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-05-28");
    CivicDisclosureConsultationReading *organ = consultation (reading, 0);

    assert_day_eq (reading->reply->due, "2026-06-18");
    assert_day_eq (organ->ended_on, "2026-05-26");
    g_assert_true (organ->lapsed);
    g_assert_true (organ->reading->late);
  }
}

/* A third party's silence leaves the decision to the organ (Art. 32). */
static void
test_third_party_silent (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-04-28");
  g_autoptr(CivicDisclosureRequestReading) reading = NULL;
  const CivicTraceStep *last;

  g_assert_true (civic_disclosure_request_clock_start_consultation (
                   request, CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY, day ("2026-05-06"), NULL,
                   NULL));
  reading = read_on (request, "2026-06-01");
  last = g_ptr_array_index (consultation (reading, 0)->reading->trace,
                            consultation (reading, 0)->reading->trace->len - 1);
  g_assert_cmpstr (last->text, ==,
                   "No answer by 2026-05-26, its last day: the consultation has ended, and this "
                   "organ decides whether to disclose (Art. 32)");
}

/* The first open consultation stops the reply clock, the last answer
 * resumes it; one served after the others ended stops it again. */
static void
test_consultations_overlap (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-04-28");
  g_autoptr(GError) error = NULL;
  guint first, second, third;

  g_assert_true (civic_disclosure_request_clock_start_consultation (
                   request, CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY, day ("2026-05-06"), &first,
                   &error));
  g_assert_true (civic_disclosure_request_clock_start_consultation (
                   request, CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY, day ("2026-05-13"), &second,
                   &error));
  g_assert_true (civic_disclosure_request_clock_answer_consultation (request, first,
                                                                     day ("2026-05-20"), &error));
  g_assert_no_error (error);

  {
    /* The second is still open: the clock stays stopped. */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-05-21");

    g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_PAUSED);
    assert_day_eq (reading->reply->paused_since, "2026-05-06");
  }

  g_assert_true (civic_disclosure_request_clock_answer_consultation (request, second,
                                                                     day ("2026-05-22"), &error));
  g_assert_true (civic_disclosure_request_clock_start_consultation (
                   request, CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY, day ("2026-06-01"), &third,
                   &error));
  g_assert_true (civic_disclosure_request_clock_answer_consultation (request, third,
                                                                     day ("2026-06-03"), &error));
  g_assert_no_error (error);

  {
    /* 05-07…22 (13 working days) and 06-02…03 (2) do not count: 3 days
     * by 05-06, 05-25…29 (8), 06-01 (9), 06-04…05 (11), 06-08…12 (16),
     * 06-15…18 (20). */
    g_autoptr(CivicDisclosureRequestReading) reading = read_on (request, "2026-06-04");

    assert_trace_has (reading->reply, "2026-05-06 – 05-22: stopped for third-party "
                                      "consultation, 13 working days not counted\n"
                                      "2026-06-01 – 06-03: stopped for third-party "
                                      "consultation, 2 working days not counted\n");
    assert_day_eq (reading->reply->due, "2026-06-18");
  }
}

static void
test_extension_rules (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-09-21");
  g_autoptr(CivicDisclosureRequestClock) late = request_received ("2026-09-21");
  g_autoptr(GError) error = NULL;

  /* Art. 33 ¶2: the head of the disclosure office, nobody else */
  g_assert_false (civic_disclosure_request_clock_extend (request, day ("2026-10-20"), 10, "李明",
                                                         FALSE, "需调取档案", &error));
  g_assert_error (error, CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR,
                  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_NOT_HEAD);
  g_assert_cmpstr (error->message, ==,
                   "Only the head of the disclosure office can extend the time limit to reply "
                   "(Art. 33)");
  g_clear_error (&error);

  g_assert_false (civic_disclosure_request_clock_extend (request, day ("2026-10-20"), 21, "周敏",
                                                         TRUE, "需调取档案", &error));
  g_assert_error (error, CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR,
                  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "An extension is of 1 to 20 working days (Art. 33)");
  g_clear_error (&error);

  g_assert_false (civic_disclosure_request_clock_extend (request, day ("2026-10-20"), 0, "周敏",
                                                         TRUE, "需调取档案", &error));
  g_clear_error (&error);

  g_assert_false (civic_disclosure_request_clock_extend (request, day ("2026-10-20"), 10, "周敏",
                                                         TRUE, "", &error));
  g_assert_cmpstr (error->message, ==, "An extension needs a reason, which the applicant is told");
  g_clear_error (&error);

  g_assert_true (civic_disclosure_request_clock_extend (request, day ("2026-10-20"), 10, "周敏",
                                                        TRUE, "需调取档案", &error));
  g_assert_no_error (error);

  g_assert_false (civic_disclosure_request_clock_extend (request, day ("2026-10-21"), 10, "周敏",
                                                         TRUE, "仍需调取档案", &error));
  g_assert_error (error, CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR,
                  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_RULE);
  g_assert_cmpstr (error->message, ==,
                   "The time limit to reply was already extended on 2026-10-20; it can be "
                   "extended once");
  g_clear_error (&error);

  /* Only before the 20 days run out (due Mon 10-26) */
  g_assert_false (civic_disclosure_request_clock_extend (late, day ("2026-10-27"), 10, "周敏",
                                                         TRUE, "需调取档案", &error));
  g_assert_cmpstr (error->message, ==,
                   "The time limit ran out on 2026-10-26; it can only be extended before it "
                   "runs out");
  g_clear_error (&error);
  g_assert_true (civic_disclosure_request_clock_extend (late, day ("2026-10-26"), 1, "周敏",
                                                        TRUE, "需调取档案", &error));
  g_assert_no_error (error);
}

static void
test_order (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-04-28");
  g_autoptr(CivicDisclosureRequestClock) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint index;

  g_assert_false (civic_disclosure_request_clock_start_consultation (
                    request, CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY, day ("2026-04-27"), NULL,
                    &error));
  g_assert_cmpstr (error->message, ==,
                   "2026-04-27 is before the request was received, on 2026-04-28");
  g_clear_error (&error);

  g_assert_true (civic_disclosure_request_clock_start_consultation (
                   request, CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY, day ("2026-05-06"), &index,
                   &error));
  g_assert_false (civic_disclosure_request_clock_answer_consultation (request, index,
                                                                      day ("2026-05-05"),
                                                                      &error));
  g_assert_cmpstr (error->message, ==,
                   "2026-05-05 is before the consultation was served, on 2026-05-06");
  g_clear_error (&error);

  /* The notice comes first, or not at all. */
  g_assert_false (civic_disclosure_request_clock_send_correction_notice (request,
                                                                         day ("2026-05-06"),
                                                                         &error));
  g_assert_cmpstr (error->message, ==,
                   "A correction notice comes before any consultation or extension");
  g_clear_error (&error);

  g_assert_true (civic_disclosure_request_clock_answer_consultation (request, index,
                                                                     day ("2026-05-20"), &error));
  g_assert_false (civic_disclosure_request_clock_reply (request, day ("2026-05-19"), &error));
  g_assert_cmpstr (error->message, ==,
                   "2026-05-19 is before 2026-05-20, the date of the request’s latest event");
  g_clear_error (&error);

  /* A refused change leaves the request as it was; a copy is apart. */
  copy = civic_disclosure_request_clock_copy (request);
  g_assert_true (civic_disclosure_request_clock_reply (copy, day ("2026-05-21"), &error));
  assert_day_eq (civic_disclosure_request_clock_get_replied_on (copy), "2026-05-21");
  assert_day_eq (civic_disclosure_request_clock_get_replied_on (request), "none");
  g_assert_cmpuint (civic_disclosure_request_clock_get_n_consultations (copy), ==, 1);
}

/* A reply given while a consultation runs ends it. */
static void
test_reply_during_consultation (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-04-28");
  g_autoptr(CivicDisclosureRequestReading) reading = NULL;
  g_autoptr(GError) error = NULL;
  CivicDisclosureConsultationReading *letter;
  const CivicTraceStep *last;

  g_assert_true (civic_disclosure_request_clock_start_consultation (
                   request, CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY, day ("2026-05-06"), NULL,
                   &error));
  g_assert_true (civic_disclosure_request_clock_reply (request, day ("2026-05-15"), &error));
  g_assert_no_error (error);

  reading = read_on (request, "2026-06-01");
  letter = consultation (reading, 0);
  last = g_ptr_array_index (letter->reading->trace, letter->reading->trace->len - 1);
  g_assert_cmpint (reading->reply->status, ==, CIVIC_CLOCK_STATUS_DONE);
  assert_day_eq (letter->ended_on, "2026-05-15");
  g_assert_false (letter->lapsed);
  g_assert_cmpstr (last->text, ==, "Ended unanswered on 2026-05-15, when the request was replied to");
}

/* Stored and read back: the same days, and the rules not applied again,
 * so that a notice sent on time under the holiday notice of its day stays
 * on time under any other. */
static void
test_storage (void)
{
  g_autoptr(CivicDisclosureRequestClock) request = request_received ("2026-02-06");
  g_autoptr(CivicDisclosureRequestClock) restored = NULL;
  g_autoptr(CivicDisclosureRequestClock) weekends_only = NULL;
  g_autoptr(CivicCalendar) plain = civic_calendar_new ("CN");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(GError) error = NULL;
  guint index = 0;

  g_assert_true (civic_disclosure_request_clock_send_correction_notice (request,
                                                                        day ("2026-02-24"),
                                                                        &error));
  g_assert_true (civic_disclosure_request_clock_receive_correction (request, day ("2026-02-27"),
                                                                    &error));
  g_assert_true (civic_disclosure_request_clock_start_consultation (
                   request, CIVIC_DISCLOSURE_CONSULTEE_CO_PRODUCER, day ("2026-03-02"), &index,
                   &error));
  g_assert_true (civic_disclosure_request_clock_answer_consultation (request, index,
                                                                     day ("2026-03-04"), &error));
  g_assert_true (civic_disclosure_request_clock_extend (request, day ("2026-03-05"), 10, "周敏",
                                                        TRUE, "需调取档案", &error));
  g_assert_no_error (error);

  node = civic_disclosure_request_clock_to_json (request);
  restored = civic_disclosure_request_clock_new_from_json (calendar, node, &error);
  g_assert_no_error (error);
  again = civic_disclosure_request_clock_to_json (restored);
  g_assert_true (json_node_equal (node, again));
  {
    g_autoptr(CivicDisclosureRequestReading) before = read_on (request, "2026-03-10");
    g_autoptr(CivicDisclosureRequestReading) after = read_on (restored, "2026-03-10");

    assert_day_eq (after->reply->due, "2026-04-14");
    g_assert_cmpint (before->reply->due, ==, after->reply->due);
    g_assert_cmpint (civic_disclosure_request_clock_get_extension_days (restored), ==, 10);
  }

  /* Without the 2026 notice the notice of 02-24 would be late; it was not */
  weekends_only = civic_disclosure_request_clock_new_from_json (plain, node, &error);
  g_assert_no_error (error);
  assert_day_eq (civic_disclosure_request_clock_get_correction_notice_on (weekends_only),
                 "2026-02-24");

  bad = civic_json_parse ("{\"received_on\": \"2026-02-06\", \"consultations\": [{\"consultee\":"
                          " \"third-party\", \"served_on\": \"2026-03-02\", \"answered_on\":"
                          " \"2026-03-01\"}]}", -1, NULL);
  g_assert_null (civic_disclosure_request_clock_new_from_json (calendar, bad, &error));
  g_assert_error (error, CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR,
                  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_INVALID);
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

  g_test_add_func ("/disclosure-request-clock/reply-and-extension", test_reply_and_extension);
  g_test_add_func ("/disclosure-request-clock/status", test_status);
  g_test_add_func ("/disclosure-request-clock/correction", test_correction);
  g_test_add_func ("/disclosure-request-clock/correction-notice-late",
                   test_correction_notice_late);
  g_test_add_func ("/disclosure-request-clock/abandoned", test_abandoned);
  g_test_add_func ("/disclosure-request-clock/consultation", test_consultation);
  g_test_add_func ("/disclosure-request-clock/consultation-unanswered",
                   test_consultation_unanswered);
  g_test_add_func ("/disclosure-request-clock/third-party-silent", test_third_party_silent);
  g_test_add_func ("/disclosure-request-clock/consultations-overlap",
                   test_consultations_overlap);
  g_test_add_func ("/disclosure-request-clock/extension-rules", test_extension_rules);
  g_test_add_func ("/disclosure-request-clock/order", test_order);
  g_test_add_func ("/disclosure-request-clock/reply-during-consultation",
                   test_reply_during_consultation);
  g_test_add_func ("/disclosure-request-clock/storage", test_storage);

  result = g_test_run ();
  g_clear_object (&calendar);
  return result;
}
