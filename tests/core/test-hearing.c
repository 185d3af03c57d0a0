/* test-hearing.c — hearings under ALL Arts. 46–48, over the 2026 calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "civic-core.h"
#include "civic-core-test.h"

/* The case: 张伟 applies, 李娜 is an interested party, 李强 and 赵敏 examined
 * the application, 王强 hosts, 刘洋 stands in, 陈静 keeps the record. */
static const char * const examiners[] = { "u-li", "u-zhao", NULL };

static CivicCalendar *calendar;

static const CivicHearingPolicy calendar_day_policy = {
  { 5, CIVIC_CLOCK_UNIT_CALENDAR_DAYS },
  { 20, CIVIC_CLOCK_UNIT_CALENDAR_DAYS },
  { 7, CIVIC_CLOCK_UNIT_CALENDAR_DAYS },
};

static GDateTime *
instant (const char *text)
{
  GDateTime *result = civic_time_parse (text);

  g_assert_nonnull (result);
  return result;
}

#define assert_day(got, expected) \
  G_STMT_START { \
    CivicDay got_ = (got); \
    g_autofree char *text_ = got_ ? civic_day_format (got_) : g_strdup ("(none)"); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END

static const CivicHearingFinding *
find_rule (GPtrArray        *findings,
           CivicHearingRule  rule)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const CivicHearingFinding *finding = g_ptr_array_index (findings, i);

      if (finding->rule == rule)
        return finding;
    }

  return NULL;
}

static guint
count_rule (GPtrArray        *findings,
            CivicHearingRule  rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (((CivicHearingFinding *) g_ptr_array_index (findings, i))->rule == rule)
      n++;

  return n;
}

static void
assert_finding (GPtrArray            *findings,
                CivicHearingRule      rule,
                CivicHearingSeverity  severity,
                const char           *fragment)
{
  const CivicHearingFinding *finding = find_rule (findings, rule);

  if (finding == NULL)
    g_error ("expected finding %s (%s)", civic_enum_to_nick (CIVIC_TYPE_HEARING_RULE, rule),
             fragment);
  g_assert_cmpint (finding->severity, ==, severity);
  if (fragment != NULL && strstr (finding->message, fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, finding->message);
}

static void
assert_message (GError     *error,
                const char *fragment)
{
  g_assert_nonnull (error);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, error->message);
}

static char *
to_string (CivicHearing *hearing)
{
  g_autoptr(JsonNode) node = civic_hearing_to_json (hearing);

  return civic_json_to_string (node, FALSE);
}

/* 张伟 was told of his right on Thu 2026-03-05 and asked on Tue 03-10. */
static CivicHearing *
new_zhang_hearing (void)
{
  CivicHearing *hearing = civic_hearing_new_on_request ("H-2026-007", "C-2026-0042",
                                                        day ("2026-03-05"), day ("2026-03-10"));
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_hearing_add_participant (hearing, "p-zhang", "张伟",
                                                CIVIC_HEARING_ROLE_APPLICANT, &error));
  g_assert_true (civic_hearing_add_participant (hearing, "p-li", "李娜",
                                                CIVIC_HEARING_ROLE_INTERESTED_PARTY, &error));
  g_assert_true (civic_hearing_add_participant (hearing, "u-zhao", "赵敏",
                                                CIVIC_HEARING_ROLE_EXAMINER, &error));
  g_assert_no_error (error);
  return hearing;
}

static void
schedule_at (CivicHearing *hearing,
             const char   *room_id,
             const char   *host_id,
             const char   *host_name,
             const char   *starts,
             const char   *ends,
             const char   *today)
{
  g_autoptr(GDateTime) starts_at = instant (starts);
  g_autoptr(GDateTime) ends_at = instant (ends);
  CivicHearingSlot slot = { room_id, host_id, host_name, starts_at, ends_at };
  g_autoptr(GError) error = NULL;

  civic_hearing_schedule (hearing, &slot, examiners, calendar, NULL, day (today), &error);
  g_assert_no_error (error);
}

/* Fri 2026-03-20, 09:00–11:00 in room 301, hosted by 王强: the notice is
 * due by Wed 03-11. */
static CivicHearing *
new_scheduled_zhang_hearing (void)
{
  CivicHearing *hearing = new_zhang_hearing ();

  schedule_at (hearing, "R-301", "u-wang", "王强",
               "2026-03-20T09:00:00+08:00", "2026-03-20T11:00:00+08:00", "2026-03-10");
  return hearing;
}

static void
sign_all (CivicHearing *hearing,
          const char   *when)
{
  for (guint i = 0; i < civic_hearing_get_n_participants (hearing); i++)
    {
      const CivicHearingParticipant *participant = civic_hearing_get_participant (hearing, i);
      g_autoptr(GError) error = NULL;

      if (participant->signed_on != CIVIC_DAY_INVALID)
        continue;
      civic_hearing_sign_record (hearing, participant->id, day (when), FALSE, &error);
      g_assert_no_error (error);
    }
}

/* Policy and key dates */

static void
test_policy_default (void)
{
  const CivicHearingPolicy *policy = civic_hearing_policy_get_default ();

  g_assert_cmpint (policy->request_window.length, ==, 5);
  g_assert_cmpint (policy->request_window.unit, ==, CIVIC_CLOCK_UNIT_WORKING_DAYS);
  g_assert_cmpint (policy->organise_within.length, ==, 20);
  g_assert_cmpint (policy->organise_within.unit, ==, CIVIC_CLOCK_UNIT_WORKING_DAYS);
  g_assert_cmpint (policy->notice.length, ==, 7);
  g_assert_cmpint (policy->notice.unit, ==, CIVIC_CLOCK_UNIT_WORKING_DAYS);
}

/* Told on Wed 2026-09-30: 10-01…10-07 is the National Day holiday, then
 * Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 worked in exchange (3),
 * Mon 10-12 (4), Tue 10-13 (5). */
static void
test_dates_request_window_national_day (void)
{
  g_autoptr(CivicHearing) in_time = NULL;
  g_autoptr(CivicHearing) late = NULL;
  g_autoptr(GPtrArray) in_time_findings = NULL;
  g_autoptr(GPtrArray) late_findings = NULL;
  gboolean provisional = TRUE;

  assert_day (civic_hearing_policy_last_request_day (NULL, calendar, day ("2026-09-30"),
                                                     &provisional),
              "2026-10-13");
  g_assert_false (provisional);

  in_time = civic_hearing_new_on_request ("H-1", "C-1", day ("2026-09-30"), day ("2026-10-13"));
  in_time_findings = civic_hearing_validate (in_time, examiners, calendar, NULL, CIVIC_DAY_INVALID);
  g_assert_null (find_rule (in_time_findings, CIVIC_HEARING_RULE_REQUEST_LATE));

  late = civic_hearing_new_on_request ("H-2", "C-1", day ("2026-09-30"), day ("2026-10-14"));
  late_findings = civic_hearing_validate (late, examiners, calendar, NULL, CIVIC_DAY_INVALID);
  /* Only a warning: the authority may still hear the parties. */
  assert_finding (late_findings, CIVIC_HEARING_RULE_REQUEST_LATE, CIVIC_HEARING_SEVERITY_WARNING,
                  "The hearing was requested on 2026-10-14, after 2026-10-13, the last day of "
                  "the 5 working days that Art. 47 of the Administrative Licensing Law allows "
                  "from being informed of the right on 2026-09-30");
  g_assert_cmpuint (late_findings->len, ==, 1);
}

/* Counted in calendar days, 2026-09-30 + 5 is Mon 10-05, inside the
 * holiday: the period runs to the next working day, Thu 10-08 (Civil
 * Procedure Law Art. 85). */
static void
test_dates_request_window_calendar_days (void)
{
  g_autoptr(CivicHearing) hearing = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  assert_day (civic_hearing_policy_last_request_day (&calendar_day_policy, calendar,
                                                     day ("2026-09-30"), NULL),
              "2026-10-08");
  /* Mon 03-02 + 5 is Sat 03-07, so Mon 03-09. */
  assert_day (civic_hearing_policy_last_request_day (&calendar_day_policy, calendar,
                                                     day ("2026-03-02"), NULL),
              "2026-03-09");

  /* A request on 10-12 is late in calendar days, in time in working days. */
  hearing = civic_hearing_new_on_request ("H-1", "C-1", day ("2026-09-30"), day ("2026-10-12"));
  findings = civic_hearing_validate (hearing, NULL, calendar, &calendar_day_policy,
                                     CIVIC_DAY_INVALID);
  assert_finding (findings, CIVIC_HEARING_RULE_REQUEST_LATE, CIVIC_HEARING_SEVERITY_WARNING,
                  "after 2026-10-08, the last day of the 5 days");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = civic_hearing_validate (hearing, NULL, calendar, NULL, CIVIC_DAY_INVALID);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_dates_organise_within (void)
{
  /* From Tue 10-13: 14…16 (3), 19…23 (8), 26…30 (13), 11-02…06 (18),
   * 11-09 (19), 11-10 (20). */
  assert_day (civic_hearing_policy_latest_hearing_day (NULL, calendar, day ("2026-10-13"), NULL),
              "2026-11-10");
  /* From Tue 03-10 across Qingming (04-04…04-06): 04-08. */
  assert_day (civic_hearing_policy_latest_hearing_day (NULL, calendar, day ("2026-03-10"), NULL),
              "2026-04-08");
  assert_day (civic_hearing_policy_latest_hearing_day (&calendar_day_policy, calendar,
                                                       day ("2026-03-10"), NULL),
              "2026-03-30");
}

static void
test_dates_latest_notice (void)
{
  gboolean provisional = TRUE;

  /* Tue 10-13 back: 10-12 (1), Sat 10-10 worked (2), 10-09 (3), 10-08 (4),
   * the holiday, 09-30 (5), 09-29 (6), 09-28 (7). */
  assert_day (civic_hearing_policy_latest_notice_day (NULL, calendar, day ("2026-10-13"),
                                                      &provisional),
              "2026-09-28");
  g_assert_false (provisional);
  /* Tue 09-29 back over Mid-Autumn (09-25…27) and Sun 09-20, worked. */
  assert_day (civic_hearing_policy_latest_notice_day (NULL, calendar, day ("2026-09-29"), NULL),
              "2026-09-18");
  assert_day (civic_hearing_policy_latest_notice_day (NULL, calendar, day ("2026-03-16"), NULL),
              "2026-03-05");
  /* In calendar days nothing rolls: a notice may go out on Tue 10-06. */
  assert_day (civic_hearing_policy_latest_notice_day (&calendar_day_policy, calendar,
                                                      day ("2026-10-13"), NULL),
              "2026-10-06");

  assert_day (civic_hearing_policy_earliest_hearing_day (NULL, calendar, day ("2026-09-28"), NULL),
              "2026-10-13");
  assert_day (civic_hearing_policy_earliest_hearing_day (NULL, calendar, day ("2026-10-06"), NULL),
              "2026-10-15");

  /* Counting back mirrors counting forward on every working day of 2026. */
  for (CivicDay d = day ("2026-01-20"); d <= day ("2026-12-31"); d++)
    if (civic_calendar_is_working_day (calendar, d))
      {
        CivicDay latest = civic_hearing_policy_latest_notice_day (NULL, calendar, d, NULL);

        g_assert_cmpuint (civic_hearing_policy_earliest_hearing_day (NULL, calendar, latest, NULL),
                          ==, d);
        g_assert_cmpint (civic_calendar_working_days_between (calendar, latest, d), ==, 7);
      }

  /* 2027's notice is not published: the answer is provisional. */
  civic_hearing_policy_latest_notice_day (NULL, calendar, day ("2027-03-15"), &provisional);
  g_assert_true (provisional);
}

static void
test_dates_key_dates (void)
{
  g_autoptr(CivicHearing) hearing = new_zhang_hearing ();
  g_autoptr(CivicHearing) ex_officio = civic_hearing_new_ex_officio ("H-9", "C-9");
  CivicHearingDates dates;

  civic_hearing_get_key_dates (hearing, calendar, NULL, &dates);
  assert_day (dates.last_request_day, "2026-03-12");
  assert_day (dates.latest_hearing_day, "2026-04-08");
  g_assert_cmpuint (dates.hearing_day, ==, CIVIC_DAY_INVALID);
  g_assert_cmpuint (dates.latest_notice_day, ==, CIVIC_DAY_INVALID);
  g_assert_false (dates.provisional);

  schedule_at (hearing, "R-301", "u-wang", "王强",
               "2026-03-20T09:00:00+08:00", "2026-03-20T11:00:00+08:00", "2026-03-10");
  civic_hearing_get_key_dates (hearing, calendar, NULL, &dates);
  assert_day (dates.hearing_day, "2026-03-20");
  assert_day (dates.latest_notice_day, "2026-03-11");

  civic_hearing_get_key_dates (ex_officio, calendar, NULL, &dates);
  g_assert_cmpuint (dates.last_request_day, ==, CIVIC_DAY_INVALID);
  g_assert_cmpuint (dates.latest_hearing_day, ==, CIVIC_DAY_INVALID);
}

/* The whole procedure */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_lifecycle_on_request (void)
{
  g_autoptr(CivicHearing) hearing = new_zhang_hearing ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  CivicDay stop, resume;
  guint notified = 0;

  g_signal_connect (hearing, "notify::state", G_CALLBACK (count_notify), &notified);
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_PENDING);
  g_assert_true (civic_hearing_get_is_public (hearing));

  /* Pending: the clock already stands still since the request. */
  g_assert_true (civic_hearing_get_clock_stop_span (hearing, &stop, &resume));
  assert_day (stop, "2026-03-10");
  g_assert_cmpuint (resume, ==, CIVIC_DAY_INVALID);

  schedule_at (hearing, "R-301", "u-wang", "王强",
               "2026-03-20T09:00:00+08:00", "2026-03-20T11:00:00+08:00", "2026-03-10");
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_SCHEDULED);
  g_assert_cmpstr (civic_hearing_get_room_id (hearing), ==, "R-301");
  g_assert_cmpstr (civic_hearing_get_host_name (hearing), ==, "王强");
  assert_day (civic_hearing_get_hearing_day (hearing), "2026-03-20");
  g_assert_true (civic_hearing_set_clerk (hearing, "u-chen", "陈静", &error));

  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-10"));
  assert_finding (findings, CIVIC_HEARING_RULE_NOTICE_MISSING, CIVIC_HEARING_SEVERITY_WARNING,
                  "Send the notice of the time and place to the applicant and the interested "
                  "parties by 2026-03-11, 7 working days before the hearing");
  g_assert_cmpuint (findings->len, ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);

  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));
  assert_day (civic_hearing_get_notice_sent_on (hearing), "2026-03-11");
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_NOTIFIED);
  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-12"));
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                          &error));
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_HELD);

  g_assert_true (civic_hearing_set_record_summary (hearing, "张伟陈述了噪声影响；赵敏出示了检测报告。",
                                                   &error));
  g_assert_true (civic_hearing_sign_record (hearing, "p-zhang", day ("2026-03-20"), FALSE, &error));
  g_assert_true (civic_hearing_sign_record (hearing, "p-li", day ("2026-03-20"), TRUE, &error));
  g_assert_true (civic_hearing_sign_record (hearing, "u-zhao", day ("2026-03-20"), FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (civic_hearing_find_participant (hearing, "p-li")->sealed);
  g_assert_false (civic_hearing_find_participant (hearing, "p-zhang")->sealed);

  g_assert_true (civic_hearing_conclude (hearing, day ("2026-03-20"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_RECORD_SIGNED);
  assert_day (civic_hearing_get_record_signed_on (hearing), "2026-03-20");
  /* scheduled, notified, held, record signed */
  g_assert_cmpuint (notified, ==, 4);

  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-23"));
  g_assert_cmpuint (findings->len, ==, 0);

  g_assert_true (civic_hearing_get_clock_stop_span (hearing, &stop, &resume));
  assert_day (stop, "2026-03-10");
  assert_day (resume, "2026-03-20");
}

static void
test_lifecycle_ex_officio (void)
{
  g_autoptr(CivicHearing) hearing = civic_hearing_new_ex_officio ("H-2026-011", "C-2026-0077");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  CivicDay stop, resume;

  g_assert_cmpint (civic_hearing_get_kind (hearing), ==, CIVIC_HEARING_KIND_EX_OFFICIO);
  g_assert_cmpuint (civic_hearing_get_requested_on (hearing), ==, CIVIC_DAY_INVALID);
  /* Not announced: nothing stops the clock yet. */
  g_assert_false (civic_hearing_get_clock_stop_span (hearing, &stop, &resume));
  g_assert_cmpuint (stop, ==, CIVIC_DAY_INVALID);

  g_assert_true (civic_hearing_add_participant (hearing, "p-corp", "江城化工有限公司",
                                                CIVIC_HEARING_ROLE_APPLICANT, &error));
  schedule_at (hearing, "R-101", "u-wang", "王强",
               "2026-03-20T09:00:00+08:00", "2026-03-20T12:00:00+08:00", "2026-03-09");
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-10"), calendar, NULL, &error));

  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-10"));
  assert_finding (findings, CIVIC_HEARING_RULE_NOT_ANNOUNCED, CIVIC_HEARING_SEVERITY_WARNING,
                  "Art. 46 of the Administrative Licensing Law requires it to be announced to "
                  "the public before the hearing on 2026-03-20");
  g_assert_cmpuint (findings->len, ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* On the day it is too late: holding it is refused. */
  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-20"));
  assert_finding (findings, CIVIC_HEARING_RULE_NOT_ANNOUNCED, CIVIC_HEARING_SEVERITY_ERROR, NULL);
  g_assert_false (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                           &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  assert_message (error, "Art. 46");
  g_clear_error (&error);

  /* An announcement on the day of the hearing is not "before" it. */
  g_assert_false (civic_hearing_record_announcement (hearing, day ("2026-03-20"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  assert_message (error, "The announcement must come before the hearing on 2026-03-20");
  g_clear_error (&error);
  g_assert_cmpuint (civic_hearing_get_announced_on (hearing), ==, CIVIC_DAY_INVALID);

  g_assert_true (civic_hearing_record_announcement (hearing, day ("2026-03-11"), &error));
  g_assert_true (civic_hearing_get_clock_stop_span (hearing, &stop, &resume));
  assert_day (stop, "2026-03-11");
  g_assert_cmpuint (resume, ==, CIVIC_DAY_INVALID);

  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                          &error));
  g_assert_true (civic_hearing_set_record_summary (hearing, "公众代表发表了意见。", &error));
  sign_all (hearing, "2026-03-23");
  g_assert_true (civic_hearing_conclude (hearing, day ("2026-03-23"), &error));
  g_assert_no_error (error);
  g_assert_true (civic_hearing_get_clock_stop_span (hearing, &stop, &resume));
  assert_day (resume, "2026-03-23");

  /* Moved before its announcement (from a file): an error. */
  {
    g_autoptr(CivicHearing) moved = civic_hearing_new_ex_officio ("H-2026-012", "C-2026-0077");

    schedule_at (moved, "R-101", "u-wang", "王强",
                 "2026-03-20T09:00:00+08:00", "2026-03-20T12:00:00+08:00", "2026-03-09");
    g_assert_true (civic_hearing_record_announcement (moved, day ("2026-03-12"), &error));
    schedule_at (moved, "R-101", "u-wang", "王强",
                 "2026-03-12T09:00:00+08:00", "2026-03-12T12:00:00+08:00", "2026-03-02");
    g_clear_pointer (&findings, g_ptr_array_unref);
    findings = civic_hearing_validate (moved, examiners, calendar, NULL, CIVIC_DAY_INVALID);
    assert_finding (findings, CIVIC_HEARING_RULE_NOT_ANNOUNCED, CIVIC_HEARING_SEVERITY_ERROR,
                    "The announcement of 2026-03-12 does not come before the hearing on "
                    "2026-03-12");
  }
}

/* Scheduling */

static void
test_schedule_host_is_examiner (void)
{
  g_autoptr(CivicHearing) hearing = new_zhang_hearing ();
  g_autoptr(GDateTime) starts_at = instant ("2026-03-20T09:00:00+08:00");
  g_autoptr(GDateTime) ends_at = instant ("2026-03-20T11:00:00+08:00");
  CivicHearingSlot slot = { "R-301", "u-li", "李强", starts_at, ends_at };
  const char * const more_examiners[] = { "u-li", "u-zhao", "u-wang", NULL };
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = to_string (hearing);
  g_autofree char *after = NULL;

  findings = civic_hearing_check_schedule (hearing, &slot, examiners, calendar, NULL,
                                           day ("2026-03-10"));
  assert_finding (findings, CIVIC_HEARING_RULE_HOST_IS_EXAMINER, CIVIC_HEARING_SEVERITY_ERROR,
                  "The host 李强 examined this case; Art. 48(3) of the Administrative Licensing "
                  "Law requires someone else");

  g_assert_false (civic_hearing_schedule (hearing, &slot, examiners, calendar, NULL,
                                          day ("2026-03-10"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  g_assert_cmpstr (error->message, ==,
                   "The host 李强 examined this case; Art. 48(3) of the Administrative "
                   "Licensing Law requires someone else");
  g_clear_error (&error);

  /* Refused means untouched. */
  after = to_string (hearing);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_PENDING);

  schedule_at (hearing, "R-301", "u-wang", "王强",
               "2026-03-20T09:00:00+08:00", "2026-03-20T11:00:00+08:00", "2026-03-10");
  g_assert_false (civic_hearing_replace_host (hearing, "u-zhao", "赵敏", examiners, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  assert_message (error, "The host 赵敏 examined this case");
  g_clear_error (&error);
  g_assert_cmpstr (civic_hearing_get_host_id (hearing), ==, "u-wang");

  /* 王强 joins the examiners after being designated: the hearing cannot go
   * ahead with him. */
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = civic_hearing_validate (hearing, more_examiners, calendar, NULL, day ("2026-03-12"));
  assert_finding (findings, CIVIC_HEARING_RULE_HOST_IS_EXAMINER, CIVIC_HEARING_SEVERITY_ERROR,
                  "The host 王强 examined this case");
  g_assert_false (civic_hearing_mark_held (hearing, more_examiners, calendar, NULL,
                                           day ("2026-03-20"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  g_clear_error (&error);
  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL,
                                          day ("2026-03-20"), &error));
}

/* Scheduled on Tue 03-10, a hearing on Mon 03-16 needed its notice by
 * 03-05: too late. Thu 03-19 is the first day that still works. */
static void
test_schedule_too_soon (void)
{
  g_autoptr(CivicHearing) hearing = new_zhang_hearing ();
  g_autoptr(GDateTime) starts_at = instant ("2026-03-16T09:00:00+08:00");
  g_autoptr(GDateTime) ends_at = instant ("2026-03-16T11:00:00+08:00");
  CivicHearingSlot slot = { "R-301", "u-wang", "王强", starts_at, ends_at };
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_hearing_schedule (hearing, &slot, examiners, calendar, NULL,
                                          day ("2026-03-10"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  g_assert_cmpstr (error->message, ==,
                   "The notice for the hearing on 2026-03-16 had to be sent by 2026-03-05, "
                   "7 working days before it (Art. 48(1) of the Administrative Licensing Law); "
                   "the earliest day the hearing can now be held is 2026-03-19");
  g_clear_error (&error);
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_PENDING);
  g_assert_null (civic_hearing_get_starts_at (hearing));

  schedule_at (hearing, "R-301", "u-wang", "王强",
               "2026-03-19T09:00:00+08:00", "2026-03-19T11:00:00+08:00", "2026-03-10");
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-10"), calendar, NULL, &error));
  g_assert_no_error (error);
}

static void
test_schedule_end_before_start (void)
{
  g_autoptr(CivicHearing) hearing = new_zhang_hearing ();
  g_autoptr(GDateTime) starts_at = instant ("2026-03-20T09:00:00+08:00");
  g_autoptr(GDateTime) earlier = instant ("2026-03-20T08:00:00+08:00");
  CivicHearingSlot same = { "R-301", "u-wang", "王强", starts_at, starts_at };
  CivicHearingSlot reversed = { "R-301", "u-wang", "王强", starts_at, earlier };
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  findings = civic_hearing_check_schedule (hearing, &reversed, examiners, calendar, NULL,
                                           day ("2026-03-10"));
  assert_finding (findings, CIVIC_HEARING_RULE_END_BEFORE_START, CIVIC_HEARING_SEVERITY_ERROR,
                  "The hearing must end after it starts (2026-03-20 09:00 – 2026-03-20 08:00)");

  g_assert_false (civic_hearing_schedule (hearing, &same, examiners, calendar, NULL,
                                          day ("2026-03-10"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (civic_hearing_schedule (hearing, &reversed, examiners, calendar, NULL,
                                          day ("2026-03-10"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_PENDING);
}

/* Requested Tue 03-10, the hearing was due by Wed 04-08. Holding it on
 * Thu 04-09 breaks Art. 47, but better late than never: it is scheduled
 * and held, and the finding stays. */
static void
test_schedule_organise_late (void)
{
  g_autoptr(CivicHearing) hearing = new_zhang_hearing ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  schedule_at (hearing, "R-301", "u-wang", "王强",
               "2026-04-09T09:00:00+08:00", "2026-04-09T11:00:00+08:00", "2026-03-10");
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-25"), calendar, NULL, &error));

  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-26"));
  assert_finding (findings, CIVIC_HEARING_RULE_ORGANISE_LATE, CIVIC_HEARING_SEVERITY_ERROR,
                  "The hearing on 2026-04-09 is after 2026-04-08: Art. 47 of the Administrative "
                  "Licensing Law requires it to be held within 20 working days of the request "
                  "of 2026-03-10");
  g_assert_cmpuint (findings->len, ==, 1);

  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-04-09"),
                                          &error));
  g_assert_no_error (error);

  /* On 04-08 itself it is in time. */
  {
    g_autoptr(CivicHearing) in_time = new_zhang_hearing ();
    g_autoptr(GPtrArray) in_time_findings = NULL;

    schedule_at (in_time, "R-301", "u-wang", "王强",
                 "2026-04-08T09:00:00+08:00", "2026-04-08T11:00:00+08:00", "2026-03-10");
    in_time_findings = civic_hearing_validate (in_time, examiners, calendar, NULL,
                                               CIVIC_DAY_INVALID);
    g_assert_null (find_rule (in_time_findings, CIVIC_HEARING_RULE_ORGANISE_LATE));
  }
}

static void
test_schedule_moving_withdraws_notice (void)
{
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));

  /* A longer hearing, same start and room: the notice still holds. */
  schedule_at (hearing, "R-301", "u-wang", "王强",
               "2026-03-20T09:00:00+08:00", "2026-03-20T17:00:00+08:00", "2026-03-11");
  assert_day (civic_hearing_get_notice_sent_on (hearing), "2026-03-11");

  /* Another host, same time and room: the notice still holds. */
  g_assert_true (civic_hearing_replace_host (hearing, "u-liu", "刘洋", examiners, &error));
  assert_day (civic_hearing_get_notice_sent_on (hearing), "2026-03-11");

  /* Another room: a new notice. */
  schedule_at (hearing, "R-302", "u-liu", "刘洋",
               "2026-03-20T09:00:00+08:00", "2026-03-20T17:00:00+08:00", "2026-03-11");
  g_assert_cmpuint (civic_hearing_get_notice_sent_on (hearing), ==, CIVIC_DAY_INVALID);

  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));
  /* Another time: a new notice. */
  schedule_at (hearing, "R-302", "u-liu", "刘洋",
               "2026-03-27T09:00:00+08:00", "2026-03-27T17:00:00+08:00", "2026-03-12");
  g_assert_cmpuint (civic_hearing_get_notice_sent_on (hearing), ==, CIVIC_DAY_INVALID);
  g_assert_no_error (error);
}

static void
test_schedule_invalid (void)
{
  g_autoptr(CivicHearing) hearing = new_zhang_hearing ();
  g_autoptr(GDateTime) starts_at = instant ("2026-03-20T09:00:00+08:00");
  g_autoptr(GDateTime) ends_at = instant ("2026-03-20T11:00:00+08:00");
  CivicHearingSlot no_room = { " ", "u-wang", "王强", starts_at, ends_at };
  CivicHearingSlot no_host = { "R-301", "u-wang", NULL, starts_at, ends_at };
  CivicHearingSlot no_time = { "R-301", "u-wang", "王强", starts_at, NULL };
  CivicHearingSlot good = { "R-301", "u-wang", "王强", starts_at, ends_at };
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_hearing_schedule (hearing, &no_room, examiners, calendar, NULL,
                                          day ("2026-03-10"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose the room of the hearing");
  g_clear_error (&error);

  g_assert_false (civic_hearing_schedule (hearing, &no_host, examiners, calendar, NULL,
                                          day ("2026-03-10"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Designate the host of the hearing");
  g_clear_error (&error);

  g_assert_false (civic_hearing_schedule (hearing, &no_time, examiners, calendar, NULL,
                                          day ("2026-03-10"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing to replace before there is a host, nothing to notify before
   * there is a time. */
  g_assert_false (civic_hearing_replace_host (hearing, "u-liu", "刘洋", examiners, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL,
                                               &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                           &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_assert_cmpstr (error->message, ==, "The hearing has not been scheduled");
  g_clear_error (&error);

  /* Held: the time, the place and the host are history. */
  g_assert_true (civic_hearing_schedule (hearing, &good, examiners, calendar, NULL,
                                         day ("2026-03-10"), &error));
  g_assert_false (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-19"),
                                           &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_assert_cmpstr (error->message, ==,
                   "The hearing is set for 2026-03-20; it cannot have been held before then");
  g_clear_error (&error);
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));
  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                          &error));
  g_assert_false (civic_hearing_schedule (hearing, &good, examiners, calendar, NULL,
                                          day ("2026-03-20"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_assert_cmpstr (error->message, ==, "The hearing has already been held");
  g_clear_error (&error);
  g_assert_false (civic_hearing_set_clerk (hearing, "u-chen", "陈静", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_set_public (hearing, FALSE, "商业秘密", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                           &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
}

/* Notice, Art. 48(1) */

static void
test_notice_late (void)
{
  g_autoptr(CivicHearing) hearing = civic_hearing_new_on_request ("H-2026-090", "C-2026-0090",
                                                                  day ("2026-09-22"),
                                                                  day ("2026-09-24"));
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_hearing_add_participant (hearing, "p-zhang", "张伟",
                                                CIVIC_HEARING_ROLE_APPLICANT, &error));
  /* Tue 10-13, just after National Day; notice due by Mon 09-28. */
  schedule_at (hearing, "R-301", "u-wang", "王强",
               "2026-10-13T09:00:00+08:00", "2026-10-13T11:00:00+08:00", "2026-09-24");

  g_assert_false (civic_hearing_record_notice (hearing, day ("2026-10-06"), calendar, NULL,
                                               &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  g_assert_cmpstr (error->message, ==,
                   "A notice sent on 2026-10-06 is too late for the hearing on 2026-10-13: "
                   "Art. 48(1) of the Administrative Licensing Law requires it 7 working days "
                   "before, by 2026-09-28. Move the hearing to 2026-10-15 or later");
  g_clear_error (&error);
  g_assert_cmpuint (civic_hearing_get_notice_sent_on (hearing), ==, CIVIC_DAY_INVALID);

  /* Still open on 09-28, overdue on 09-29. */
  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-09-28"));
  assert_finding (findings, CIVIC_HEARING_RULE_NOTICE_MISSING, CIVIC_HEARING_SEVERITY_WARNING,
                  "by 2026-09-28, 7 working days before the hearing");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-09-29"));
  assert_finding (findings, CIVIC_HEARING_RULE_NOTICE_MISSING, CIVIC_HEARING_SEVERITY_ERROR,
                  "the earliest day the hearing can now be held is 2026-10-14");
  g_assert_false (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-10-13"),
                                           &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  g_clear_error (&error);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Counted in calendar days, 10-06 is in time; read in working days, the
   * same notice is late. */
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-10-06"), calendar,
                                              &calendar_day_policy, &error));
  findings = civic_hearing_validate (hearing, examiners, calendar, &calendar_day_policy,
                                     day ("2026-10-07"));
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-10-07"));
  assert_finding (findings, CIVIC_HEARING_RULE_NOTICE_LATE, CIVIC_HEARING_SEVERITY_ERROR,
                  "The notice sent on 2026-10-06 is late: Art. 48(1) of the Administrative "
                  "Licensing Law requires it by 2026-09-28, 7 working days before the hearing "
                  "on 2026-10-13");
  g_assert_false (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-10-13"),
                                           &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  assert_message (error, "The notice sent on 2026-10-06 is late");
  g_clear_error (&error);
  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, &calendar_day_policy,
                                          day ("2026-10-13"), &error));
}

/* Art. 48(2) */

static void
test_public (void)
{
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_hearing_set_public (hearing, FALSE, "  ", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  assert_message (error, "Art. 48(2)");
  g_clear_error (&error);
  g_assert_true (civic_hearing_get_is_public (hearing));

  g_assert_true (civic_hearing_set_public (hearing, FALSE, "涉及申请人的商业秘密", &error));
  g_assert_false (civic_hearing_get_is_public (hearing));
  g_assert_cmpstr (civic_hearing_get_non_public_reason (hearing), ==, "涉及申请人的商业秘密");
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));
  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-12"));
  g_assert_cmpuint (findings->len, ==, 0);

  g_assert_true (civic_hearing_set_public (hearing, TRUE, NULL, &error));
  g_assert_null (civic_hearing_get_non_public_reason (hearing));

  /* A closed hearing without a reason can only come from a file. */
  {
    g_autoptr(CivicHearing) from_file = NULL;
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(GPtrArray) file_findings = NULL;

    node = json_from_string ("{\"id\":\"H-1\",\"case_id\":\"C-1\",\"kind\":\"ex-officio\","
                             "\"state\":\"scheduled\",\"announced_on\":\"2026-03-09\","
                             "\"starts_at\":\"2026-03-20T01:00:00.000Z\","
                             "\"ends_at\":\"2026-03-20T03:00:00.000Z\",\"room_id\":\"R-301\","
                             "\"host_id\":\"u-wang\",\"host_name\":\"王强\",\"is_public\":false,"
                             "\"notice_sent_on\":\"2026-03-10\","
                             "\"participants\":[],\"recusals\":[]}", &error);
    g_assert_no_error (error);
    from_file = civic_hearing_new_from_json (node, &error);
    g_assert_no_error (error);
    file_findings = civic_hearing_validate (from_file, examiners, calendar, NULL,
                                            day ("2026-03-12"));
    assert_finding (file_findings, CIVIC_HEARING_RULE_NOT_PUBLIC_WITHOUT_REASON,
                    CIVIC_HEARING_SEVERITY_ERROR,
                    "The hearing is not public and no reason is recorded; Art. 48(2) of the "
                    "Administrative Licensing Law requires hearings to be held in public");
    g_assert_cmpuint (file_findings->len, ==, 1);
    g_assert_false (civic_hearing_mark_held (from_file, examiners, calendar, NULL,
                                             day ("2026-03-20"), &error));
    g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
    assert_message (error, "Art. 48(2)");
  }
}

/* Recusal, Art. 48(3) */

static void
test_recusal_flow (void)
{
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  const CivicHearingRecusal *recusal;

  g_assert_true (civic_hearing_add_participant (hearing, "p-sun", "孙磊",
                                                CIVIC_HEARING_ROLE_WITNESS, &error));
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));

  /* A witness has no standing; an unknown person even less. */
  g_assert_false (civic_hearing_request_recusal (hearing, "p-sun", "他是申请人的邻居",
                                                 day ("2026-03-12"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  assert_message (error, "Only the applicant, an interested party or their agent");
  g_clear_error (&error);
  g_assert_false (civic_hearing_request_recusal (hearing, "p-nobody", "理由",
                                                 day ("2026-03-12"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (civic_hearing_request_recusal (hearing, "p-zhang", "", day ("2026-03-12"),
                                                 &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (civic_hearing_get_n_recusals (hearing), ==, 0);

  g_assert_true (civic_hearing_request_recusal (hearing, "p-li", "主持人王强是申请人的表兄",
                                                day ("2026-03-12"), &error));
  g_assert_no_error (error);
  recusal = civic_hearing_get_recusal (hearing, 0);
  g_assert_cmpstr (recusal->by_id, ==, "p-li");
  g_assert_cmpstr (recusal->against_id, ==, "u-wang");
  g_assert_cmpstr (recusal->against_name, ==, "王强");
  g_assert_cmpint (recusal->decision, ==, CIVIC_HEARING_RECUSAL_PENDING);

  g_assert_false (civic_hearing_request_recusal (hearing, "p-li", "再次申请",
                                                 day ("2026-03-13"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);

  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-13"));
  assert_finding (findings, CIVIC_HEARING_RULE_RECUSAL_PENDING, CIVIC_HEARING_SEVERITY_ERROR,
                  "李娜 asked on 2026-03-12 for the recusal of the host 王强; the request must be "
                  "decided before the hearing (Art. 48(3) of the Administrative Licensing Law)");
  g_assert_cmpuint (findings->len, ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A pending request blocks the hearing. */
  g_assert_false (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                           &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  assert_message (error, "must be decided before the hearing");
  g_clear_error (&error);
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_NOTIFIED);

  /* 王强 cannot decide on himself; nor can anyone before the request. */
  g_assert_false (civic_hearing_decide_recusal (hearing, 0, CIVIC_HEARING_RECUSAL_REFUSED,
                                                "u-wang", day ("2026-03-13"), NULL, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  g_assert_cmpstr (error->message, ==, "王强 cannot decide on the request for their own recusal");
  g_clear_error (&error);
  g_assert_false (civic_hearing_decide_recusal (hearing, 0, CIVIC_HEARING_RECUSAL_GRANTED,
                                                "u-head", day ("2026-03-11"), NULL, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (civic_hearing_decide_recusal (hearing, 0, CIVIC_HEARING_RECUSAL_PENDING,
                                                "u-head", day ("2026-03-13"), NULL, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (civic_hearing_decide_recusal (hearing, 1, CIVIC_HEARING_RECUSAL_GRANTED,
                                                "u-head", day ("2026-03-13"), NULL, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (civic_hearing_get_recusal (hearing, 0)->decision, ==,
                   CIVIC_HEARING_RECUSAL_PENDING);

  g_assert_true (civic_hearing_decide_recusal (hearing, 0, CIVIC_HEARING_RECUSAL_GRANTED,
                                               "u-head", day ("2026-03-13"), "亲属关系属实",
                                               &error));
  recusal = civic_hearing_get_recusal (hearing, 0);
  g_assert_cmpint (recusal->decision, ==, CIVIC_HEARING_RECUSAL_GRANTED);
  assert_day (recusal->decided_on, "2026-03-13");
  g_assert_cmpstr (recusal->decided_by, ==, "u-head");
  g_assert_cmpstr (recusal->note, ==, "亲属关系属实");

  g_assert_false (civic_hearing_decide_recusal (hearing, 0, CIVIC_HEARING_RECUSAL_REFUSED,
                                                "u-head", day ("2026-03-14"), NULL, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  assert_message (error, "already decided on 2026-03-13");
  g_clear_error (&error);

  /* Granted: 王强 may not host any more. */
  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-13"));
  assert_finding (findings, CIVIC_HEARING_RULE_HOST_RECUSED, CIVIC_HEARING_SEVERITY_ERROR,
                  "The recusal of the host 王强 was granted on 2026-03-13; Art. 48(3) of the "
                  "Administrative Licensing Law requires another host");
  g_assert_cmpuint (findings->len, ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_assert_false (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                           &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  assert_message (error, "requires another host");
  g_clear_error (&error);

  /* Nor come back through the scheduling dialog. */
  {
    g_autoptr(GDateTime) starts_at = instant ("2026-03-20T09:00:00+08:00");
    g_autoptr(GDateTime) ends_at = instant ("2026-03-20T11:00:00+08:00");
    CivicHearingSlot slot = { "R-301", "u-wang", "王强", starts_at, ends_at };

    g_assert_false (civic_hearing_schedule (hearing, &slot, examiners, calendar, NULL,
                                            day ("2026-03-13"), &error));
    g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
    g_clear_error (&error);
  }
  g_assert_false (civic_hearing_replace_host (hearing, "u-zhao", "赵敏", examiners, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  g_clear_error (&error);

  g_assert_true (civic_hearing_replace_host (hearing, "u-liu", "刘洋", examiners, &error));
  g_assert_cmpstr (civic_hearing_get_host_name (hearing), ==, "刘洋");
  g_assert_false (civic_hearing_replace_host (hearing, "u-wang", "王强", examiners, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  g_clear_error (&error);

  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-13"));
  g_assert_cmpuint (findings->len, ==, 0);
  /* The notice named a time and a place, not a host: it still holds. */
  assert_day (civic_hearing_get_notice_sent_on (hearing), "2026-03-11");
  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                          &error));
  g_assert_no_error (error);

  /* After the hearing there is no host left to recuse. */
  g_assert_false (civic_hearing_request_recusal (hearing, "p-zhang", "理由", day ("2026-03-20"),
                                                 &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
}

static void
test_recusal_refused (void)
{
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_hearing_add_participant (hearing, "p-agent", "周律师",
                                                CIVIC_HEARING_ROLE_AGENT, &error));
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));
  g_assert_true (civic_hearing_request_recusal (hearing, "p-agent", "主持人曾在申请人公司任职",
                                                day ("2026-03-16"), &error));
  g_assert_true (civic_hearing_decide_recusal (hearing, 0, CIVIC_HEARING_RECUSAL_REFUSED,
                                               "u-head", day ("2026-03-17"), "  ", &error));
  g_assert_null (civic_hearing_get_recusal (hearing, 0)->note);

  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-17"));
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                          &error));
  g_assert_cmpstr (civic_hearing_get_host_id (hearing), ==, "u-wang");
  g_assert_no_error (error);
}

/* The host signs the record too; the seat passes to the new host. */
static void
test_recusal_host_seat (void)
{
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_hearing_add_participant (hearing, "u-wang", "王强",
                                                CIVIC_HEARING_ROLE_HOST, &error));
  g_assert_true (civic_hearing_request_recusal (hearing, "p-zhang", "利害关系",
                                                day ("2026-03-12"), &error));
  g_assert_true (civic_hearing_decide_recusal (hearing, 0, CIVIC_HEARING_RECUSAL_GRANTED,
                                               "u-head", day ("2026-03-13"), NULL, &error));
  g_assert_true (civic_hearing_replace_host (hearing, "u-liu", "刘洋", examiners, &error));
  g_assert_no_error (error);

  g_assert_null (civic_hearing_find_participant (hearing, "u-wang"));
  g_assert_cmpstr (civic_hearing_find_participant (hearing, "u-liu")->name, ==, "刘洋");
  g_assert_cmpint (civic_hearing_find_participant (hearing, "u-liu")->role, ==,
                   CIVIC_HEARING_ROLE_HOST);
  g_assert_cmpuint (civic_hearing_get_n_participants (hearing), ==, 4);
}

/* The record, Art. 48(5) */

static void
test_record_signing (void)
{
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_hearing_set_record_summary (hearing, "笔录", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_sign_record (hearing, "p-zhang", day ("2026-03-20"), FALSE,
                                             &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_conclude (hearing, day ("2026-03-20"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);

  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));
  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                          &error));

  /* Signatures confirm a text: there must be one. */
  g_assert_false (civic_hearing_sign_record (hearing, "p-zhang", day ("2026-03-20"), FALSE,
                                             &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_set_record_summary (hearing, "\t", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (civic_hearing_set_record_summary (hearing, "初稿", &error));
  g_assert_true (civic_hearing_set_record_summary (hearing, "定稿：各方陈述及质证意见。", &error));

  /* A witness heard on the day joins the record. */
  g_assert_true (civic_hearing_add_participant (hearing, "p-sun", "孙磊",
                                                CIVIC_HEARING_ROLE_WITNESS, &error));

  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-20"));
  g_assert_cmpuint (count_rule (findings, CIVIC_HEARING_RULE_RECORD_UNSIGNED), ==, 4);
  assert_finding (findings, CIVIC_HEARING_RULE_RECORD_UNSIGNED, CIVIC_HEARING_SEVERITY_WARNING,
                  "张伟 has not signed or sealed the record; Art. 48(5) of the Administrative "
                  "Licensing Law requires every participant to confirm it");
  g_clear_pointer (&findings, g_ptr_array_unref);

  g_assert_false (civic_hearing_sign_record (hearing, "p-zhang", day ("2026-03-19"), FALSE,
                                             &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The record cannot be signed before the hearing on 2026-03-20");
  g_clear_error (&error);
  g_assert_false (civic_hearing_sign_record (hearing, "p-nobody", day ("2026-03-20"), FALSE,
                                             &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (civic_hearing_sign_record (hearing, "p-zhang", day ("2026-03-20"), FALSE, &error));
  g_assert_false (civic_hearing_sign_record (hearing, "p-zhang", day ("2026-03-21"), FALSE,
                                             &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_assert_cmpstr (error->message, ==, "张伟 already signed the record on 2026-03-20");
  g_clear_error (&error);

  /* 张伟 signed this text; it cannot change under his signature. */
  g_assert_false (civic_hearing_set_record_summary (hearing, "改稿", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  assert_message (error, "张伟 has already signed the record");
  g_clear_error (&error);
  g_assert_cmpstr (civic_hearing_get_record_summary (hearing), ==, "定稿：各方陈述及质证意见。");

  /* …nor can he be struck off it. */
  g_assert_false (civic_hearing_remove_participant (hearing, "p-zhang", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);

  g_assert_false (civic_hearing_conclude (hearing, day ("2026-03-20"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  g_assert_cmpstr (error->message, ==,
                   "The record is not yet signed or sealed by 李娜, 赵敏, 孙磊 (Art. 48(5) of "
                   "the Administrative Licensing Law)");
  g_clear_error (&error);
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_HELD);

  g_assert_true (civic_hearing_sign_record (hearing, "p-li", day ("2026-03-23"), TRUE, &error));
  sign_all (hearing, "2026-03-20");
  g_assert_false (civic_hearing_conclude (hearing, day ("2026-03-20"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The record was last signed on 2026-03-23; it cannot be complete before then");
  g_clear_error (&error);
  g_assert_true (civic_hearing_conclude (hearing, day ("2026-03-23"), &error));
  g_assert_no_error (error);

  /* Complete: nothing joins, nothing changes, nothing is cancelled. */
  g_assert_false (civic_hearing_add_participant (hearing, "p-late", "迟到者",
                                                 CIVIC_HEARING_ROLE_WITNESS, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_set_record_summary (hearing, "改稿", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_conclude (hearing, day ("2026-03-24"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_cancel (hearing, day ("2026-03-24"), "撤回", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);

  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-24"));
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_record_no_participants (void)
{
  g_autoptr(CivicHearing) hearing = civic_hearing_new_ex_officio ("H-3", "C-3");
  g_autoptr(GError) error = NULL;

  schedule_at (hearing, "R-101", "u-wang", "王强",
               "2026-03-20T09:00:00+08:00", "2026-03-20T11:00:00+08:00", "2026-03-09");
  g_assert_true (civic_hearing_record_announcement (hearing, day ("2026-03-09"), &error));
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-09"), calendar, NULL, &error));
  g_assert_true (civic_hearing_mark_held (hearing, NULL, calendar, NULL, day ("2026-03-20"),
                                          &error));
  g_assert_true (civic_hearing_set_record_summary (hearing, "无人到场。", &error));
  g_assert_false (civic_hearing_conclude (hearing, day ("2026-03-20"), &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_RULE);
  assert_message (error, "no participants to confirm it");
}

/* A record marked signed with a signature missing can only come from a
 * file; it is an error, not a duty still open. */
static void
test_record_unsigned_from_file (void)
{
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autoptr(CivicHearing) tampered = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *zhang;

  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));
  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                          &error));
  g_assert_true (civic_hearing_set_record_summary (hearing, "笔录", &error));
  sign_all (hearing, "2026-03-20");
  g_assert_true (civic_hearing_conclude (hearing, day ("2026-03-20"), &error));

  {
    g_autofree char *text = to_string (hearing);

    node = json_from_string (text, &error);
    g_assert_no_error (error);
  }
  zhang = json_array_get_object_element (json_object_get_array_member (json_node_get_object (node),
                                                                       "participants"), 0);
  json_object_set_null_member (zhang, "signed_on");
  tampered = civic_hearing_new_from_json (node, &error);
  g_assert_no_error (error);

  findings = civic_hearing_validate (tampered, examiners, calendar, NULL, CIVIC_DAY_INVALID);
  assert_finding (findings, CIVIC_HEARING_RULE_RECORD_UNSIGNED, CIVIC_HEARING_SEVERITY_ERROR,
                  "张伟 has not signed or sealed the record");
  g_assert_cmpuint (findings->len, ==, 1);
}

/* Participants and cancellation */

static void
test_participants (void)
{
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_hearing_add_participant (hearing, "p-zhang", "张伟",
                                                 CIVIC_HEARING_ROLE_AGENT, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "张伟 already takes part in this hearing");
  g_clear_error (&error);
  g_assert_false (civic_hearing_add_participant (hearing, "p-x", " ", CIVIC_HEARING_ROLE_WITNESS,
                                                 &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (civic_hearing_get_n_participants (hearing), ==, 3);

  g_assert_true (civic_hearing_add_participant (hearing, "p-sun", "孙磊",
                                                CIVIC_HEARING_ROLE_WITNESS, &error));
  g_assert_true (civic_hearing_remove_participant (hearing, "p-sun", &error));
  g_assert_null (civic_hearing_find_participant (hearing, "p-sun"));
  g_assert_false (civic_hearing_remove_participant (hearing, "p-sun", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Whoever asked for a recusal stays on file with the request. */
  g_assert_true (civic_hearing_request_recusal (hearing, "p-li", "理由", day ("2026-03-12"),
                                                &error));
  g_assert_false (civic_hearing_remove_participant (hearing, "p-li", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_assert_cmpstr (error->message, ==, "李娜 asked for a recusal and cannot be removed");
  g_clear_error (&error);

  g_assert_cmpstr (civic_hearing_role_get_label (CIVIC_HEARING_ROLE_INTERESTED_PARTY), ==,
                   "Interested party");
}

static void
test_cancel (void)
{
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  CivicDay stop, resume;

  g_assert_false (civic_hearing_cancel (hearing, day ("2026-03-13"), NULL, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (civic_hearing_cancel (hearing, day ("2026-03-09"), "申请人撤回听证申请",
                                        &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_INVALID);
  assert_message (error, "before 2026-03-10");
  g_clear_error (&error);
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_SCHEDULED);

  g_assert_true (civic_hearing_cancel (hearing, day ("2026-03-13"), "申请人撤回听证申请", &error));
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_CANCELLED);
  assert_day (civic_hearing_get_cancelled_on (hearing), "2026-03-13");
  g_assert_cmpstr (civic_hearing_get_cancel_reason (hearing), ==, "申请人撤回听证申请");

  /* The case clock runs again from the cancellation. */
  g_assert_true (civic_hearing_get_clock_stop_span (hearing, &stop, &resume));
  assert_day (stop, "2026-03-10");
  assert_day (resume, "2026-03-13");

  /* Nothing is left to check, and nothing can change. */
  findings = civic_hearing_validate (hearing, examiners, calendar, NULL, day ("2026-03-20"));
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_false (civic_hearing_cancel (hearing, day ("2026-03-14"), "再次取消", &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL,
                                               &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
  g_assert_cmpstr (error->message, ==, "The hearing has been cancelled");
  g_clear_error (&error);
  g_assert_false (civic_hearing_add_participant (hearing, "p-x", "某人",
                                                 CIVIC_HEARING_ROLE_WITNESS, &error));
  g_assert_error (error, CIVIC_HEARING_ERROR, CIVIC_HEARING_ERROR_STATE);
}

/* The case clock, ALL Art. 45 */

/* Accepted Mon 2026-03-02, 20 working days: without a hearing due Mon
 * 03-30. A hearing requested Tue 03-10 stops the clock after that day
 * (03-03…03-10 is 6 days counted); the record signed Fri 03-20 resumes it
 * from Mon 03-23: 03-23…27 (11), 03-30…04-03 (16), Qingming 04-04…06,
 * 04-07 (17) … Fri 04-10 (20). */
static void
test_clock_stop_span (void)
{
  g_autoptr(CivicClock) clock = civic_clock_new (CIVIC_CLOCK_KIND_STATUTORY,
                                                 CIVIC_CLOCK_TRIGGER_ACCEPTED,
                                                 day ("2026-03-02"),
                                                 CIVIC_CLOCK_UNIT_WORKING_DAYS, 20,
                                                 "《行政许可法》第四十二条");
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autoptr(CivicClockReading) before = NULL;
  g_autoptr(CivicClockReading) paused = NULL;
  g_autoptr(CivicClockReading) after = NULL;
  g_autoptr(GError) error = NULL;
  CivicDay stop, resume;

  before = civic_clock_read (clock, calendar, day ("2026-03-09"), NULL);
  assert_day (before->due, "2026-03-30");

  g_assert_true (civic_hearing_get_clock_stop_span (hearing, &stop, &resume));
  g_assert_cmpuint (resume, ==, CIVIC_DAY_INVALID);
  g_assert_true (civic_clock_stop (clock, stop, CIVIC_STOP_REASON_HEARING, "听证", &error));
  g_assert_no_error (error);

  paused = civic_clock_read (clock, calendar, day ("2026-03-18"), NULL);
  g_assert_cmpint (paused->status, ==, CIVIC_CLOCK_STATUS_PAUSED);
  assert_day (paused->paused_since, "2026-03-10");
  g_assert_cmpint (paused->elapsed, ==, 6);

  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));
  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                          &error));
  g_assert_true (civic_hearing_set_record_summary (hearing, "笔录", &error));
  sign_all (hearing, "2026-03-20");
  g_assert_true (civic_hearing_conclude (hearing, day ("2026-03-20"), &error));

  g_assert_true (civic_hearing_get_clock_stop_span (hearing, &stop, &resume));
  assert_day (stop, "2026-03-10");
  assert_day (resume, "2026-03-20");
  g_assert_true (civic_clock_resume (clock, resume, "听证笔录已签字", &error));
  g_assert_no_error (error);

  after = civic_clock_read (clock, calendar, day ("2026-03-23"), NULL);
  assert_day (after->due, "2026-04-10");
  g_assert_cmpint (after->elapsed, ==, 7);
  g_assert_cmpint (after->remaining, ==, 13);
}

/* Conflicts */

static CivicHearing *
booked (const char *id,
        const char *room_id,
        const char *host_id,
        const char *starts,
        const char *ends,
        const char *applicant_id)
{
  CivicHearing *hearing = civic_hearing_new_on_request (id, "C-1", day ("2026-05-11"),
                                                        day ("2026-05-12"));
  g_autoptr(GError) error = NULL;

  if (applicant_id != NULL)
    g_assert_true (civic_hearing_add_participant (hearing, applicant_id, applicant_id,
                                                  CIVIC_HEARING_ROLE_APPLICANT, &error));
  schedule_at (hearing, room_id, host_id, host_id, starts, ends, "2026-05-12");
  return hearing;
}

static void
assert_conflict (GPtrArray                *conflicts,
                 guint                     index,
                 const char               *a,
                 const char               *b,
                 CivicHearingConflictKind  kind,
                 const char               *resource_id)
{
  const CivicHearingConflict *conflict;

  g_assert_cmpuint (index, <, conflicts->len);
  conflict = g_ptr_array_index (conflicts, index);
  g_assert_cmpstr (civic_hearing_get_id (conflict->a), ==, a);
  g_assert_cmpstr (civic_hearing_get_id (conflict->b), ==, b);
  g_assert_cmpint (conflict->kind, ==, kind);
  g_assert_cmpstr (conflict->resource_id, ==, resource_id);
}

static void
test_conflicts_room_host_participant (void)
{
  g_autoptr(GPtrArray) hearings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) conflicts = NULL;

  /* Listed out of order on purpose. */
  g_ptr_array_add (hearings, booked ("H-B", "R-301", "u-liu", "2026-06-01T10:30:00+08:00",
                                     "2026-06-01T12:00:00+08:00", "p-2"));
  g_ptr_array_add (hearings, booked ("H-A", "R-301", "u-wang", "2026-06-01T09:00:00+08:00",
                                     "2026-06-01T11:00:00+08:00", "p-1"));
  g_ptr_array_add (hearings, booked ("H-C", "R-302", "u-wang", "2026-06-01T10:00:00+08:00",
                                     "2026-06-01T10:45:00+08:00", "p-3"));
  g_ptr_array_add (hearings, booked ("H-D", "R-303", "u-zhou", "2026-06-01T10:50:00+08:00",
                                     "2026-06-01T11:30:00+08:00", "p-1"));
  /* 刘洋 hosts H-B and is heard as a witness in H-E at the same time. */
  g_ptr_array_add (hearings, booked ("H-E", "R-304", "u-sun", "2026-06-01T11:30:00+08:00",
                                     "2026-06-01T12:30:00+08:00", "p-5"));
  g_assert_true (civic_hearing_add_participant (g_ptr_array_index (hearings, 4), "u-liu", "刘洋",
                                                CIVIC_HEARING_ROLE_WITNESS, NULL));

  /* H-D ends at 11:30 as H-E starts: no clash there. */
  conflicts = civic_hearing_find_conflicts (hearings);
  g_assert_cmpuint (conflicts->len, ==, 4);
  assert_conflict (conflicts, 0, "H-A", "H-C", CIVIC_HEARING_CONFLICT_HOST, "u-wang");
  assert_conflict (conflicts, 1, "H-A", "H-B", CIVIC_HEARING_CONFLICT_ROOM, "R-301");
  assert_conflict (conflicts, 2, "H-A", "H-D", CIVIC_HEARING_CONFLICT_PARTICIPANT, "p-1");
  assert_conflict (conflicts, 3, "H-B", "H-E", CIVIC_HEARING_CONFLICT_PARTICIPANT, "u-liu");
}

static void
test_conflicts_back_to_back (void)
{
  g_autoptr(GPtrArray) hearings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) conflicts = NULL;

  /* Same room, host and applicant, one after the other. */
  g_ptr_array_add (hearings, booked ("H-1", "R-301", "u-wang", "2026-06-01T09:00:00+08:00",
                                     "2026-06-01T10:00:00+08:00", "p-1"));
  g_ptr_array_add (hearings, booked ("H-2", "R-301", "u-wang", "2026-06-01T10:00:00+08:00",
                                     "2026-06-01T11:00:00+08:00", "p-1"));
  g_ptr_array_add (hearings, booked ("H-3", "R-301", "u-wang", "2026-06-01T11:00:00+08:00",
                                     "2026-06-01T12:00:00+08:00", "p-1"));
  conflicts = civic_hearing_find_conflicts (hearings);
  g_assert_cmpuint (conflicts->len, ==, 0);

  /* One minute of overlap is a conflict in all three. */
  g_ptr_array_add (hearings, booked ("H-4", "R-301", "u-wang", "2026-06-01T11:59:00+08:00",
                                     "2026-06-01T13:00:00+08:00", "p-1"));
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = civic_hearing_find_conflicts (hearings);
  g_assert_cmpuint (conflicts->len, ==, 3);
  assert_conflict (conflicts, 0, "H-3", "H-4", CIVIC_HEARING_CONFLICT_ROOM, "R-301");
  assert_conflict (conflicts, 1, "H-3", "H-4", CIVIC_HEARING_CONFLICT_HOST, "u-wang");
  assert_conflict (conflicts, 2, "H-3", "H-4", CIVIC_HEARING_CONFLICT_PARTICIPANT, "p-1");
}

static void
test_conflicts_cancelled_ignored (void)
{
  g_autoptr(GPtrArray) hearings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) conflicts = NULL;
  CivicHearing *cancelled;

  g_ptr_array_add (hearings, booked ("H-1", "R-301", "u-wang", "2026-06-01T09:00:00+08:00",
                                     "2026-06-01T11:00:00+08:00", "p-1"));
  cancelled = booked ("H-2", "R-301", "u-wang", "2026-06-01T10:00:00+08:00",
                      "2026-06-01T12:00:00+08:00", "p-1");
  g_ptr_array_add (hearings, cancelled);
  /* Pending, no time yet: holds nothing. */
  g_ptr_array_add (hearings, civic_hearing_new_on_request ("H-3", "C-1", day ("2026-05-11"),
                                                           day ("2026-05-12")));

  conflicts = civic_hearing_find_conflicts (hearings);
  g_assert_cmpuint (conflicts->len, ==, 3);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  g_assert_true (civic_hearing_cancel (cancelled, day ("2026-05-20"), "申请人撤回", NULL));
  conflicts = civic_hearing_find_conflicts (hearings);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = civic_hearing_find_conflicts_with (cancelled, NULL, hearings);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

/* The scheduling dialog: a proposed slot against the booked hearings,
 * the hearing's own booking aside. */
static void
test_conflicts_candidate (void)
{
  g_autoptr(GPtrArray) hearings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CivicHearing) candidate = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GDateTime) starts_at = instant ("2026-06-01T10:00:00+08:00");
  g_autoptr(GDateTime) ends_at = instant ("2026-06-01T11:00:00+08:00");
  g_autoptr(GDateTime) later_start = instant ("2026-06-01T11:00:00+08:00");
  g_autoptr(GDateTime) later_end = instant ("2026-06-01T12:00:00+08:00");
  CivicHearingSlot clash = { "R-301", "u-wang", "王强", starts_at, ends_at };
  CivicHearingSlot free_slot = { "R-301", "u-wang", "王强", later_start, later_end };
  CivicHearingSlot unfinished = { NULL, NULL, NULL, starts_at, NULL };

  g_ptr_array_add (hearings, booked ("H-1", "R-301", "u-wang", "2026-06-01T09:00:00+08:00",
                                     "2026-06-01T11:00:00+08:00", "p-1"));
  g_ptr_array_add (hearings, booked ("H-2", "R-302", "u-liu", "2026-06-01T10:30:00+08:00",
                                     "2026-06-01T11:30:00+08:00", "p-2"));
  /* The hearing being moved: its old booking clashes with nothing. */
  g_ptr_array_add (hearings, booked ("H-9", "R-309", "u-sun", "2026-06-01T10:00:00+08:00",
                                     "2026-06-01T11:00:00+08:00", "p-2"));

  candidate = civic_hearing_copy (g_ptr_array_index (hearings, 2));
  conflicts = civic_hearing_find_conflicts_with (candidate, NULL, hearings);
  g_assert_cmpuint (conflicts->len, ==, 1);
  assert_conflict (conflicts, 0, "H-9", "H-2", CIVIC_HEARING_CONFLICT_PARTICIPANT, "p-2");
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  conflicts = civic_hearing_find_conflicts_with (candidate, &clash, hearings);
  g_assert_cmpuint (conflicts->len, ==, 3);
  assert_conflict (conflicts, 0, "H-9", "H-1", CIVIC_HEARING_CONFLICT_ROOM, "R-301");
  assert_conflict (conflicts, 1, "H-9", "H-1", CIVIC_HEARING_CONFLICT_HOST, "u-wang");
  assert_conflict (conflicts, 2, "H-9", "H-2", CIVIC_HEARING_CONFLICT_PARTICIPANT, "p-2");
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* 11:00, when H-1 ends: only 李娜's other hearing still runs. */
  conflicts = civic_hearing_find_conflicts_with (candidate, &free_slot, hearings);
  g_assert_cmpuint (conflicts->len, ==, 1);
  assert_conflict (conflicts, 0, "H-9", "H-2", CIVIC_HEARING_CONFLICT_PARTICIPANT, "p-2");
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* A half-filled dialog has nothing to clash with yet. */
  conflicts = civic_hearing_find_conflicts_with (candidate, &unfinished, hearings);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* A hearing not yet hosted, dragged onto a time its would-be host has
   * taken: the clash names the host as the other hearing knows them */
  {
    g_autoptr(CivicHearing) unhosted = civic_hearing_new_on_request ("H-8", "C-8", day ("2026-05-11"),
                                                                     day ("2026-05-12"));
    CivicHearing *sun = civic_hearing_new_on_request ("H-5", "C-5", day ("2026-05-11"),
                                                       day ("2026-05-12"));
    CivicHearingSlot hosted_by_sun = { "R-310", "u-zhou", "周敏", starts_at, ends_at };
    g_autofree char *said = NULL;

    schedule_at (sun, "R-305", "u-zhou", "周敏", "2026-06-01T10:00:00+08:00",
                 "2026-06-01T11:00:00+08:00", "2026-05-12");
    g_ptr_array_add (hearings, sun);
    conflicts = civic_hearing_find_conflicts_with (unhosted, &hosted_by_sun, hearings);
    g_assert_cmpuint (conflicts->len, ==, 1);
    assert_conflict (conflicts, 0, "H-8", "H-5", CIVIC_HEARING_CONFLICT_HOST, "u-zhou");
    said = civic_hearing_conflict_describe (g_ptr_array_index (conflicts, 0));
    g_assert_true (g_str_has_prefix (said, "周敏 hosts the Hearing on "));
  }
}

/* A thousand hearings: ten rooms, each with its own host, booked hour
 * after hour for a hundred hours, each with its own applicant; three
 * clashes planted, one cancelled hearing that would clash. */
static void
test_conflicts_thousand (void)
{
  g_autoptr(GPtrArray) hearings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GDateTime) base = instant ("2026-06-01T00:00:00+08:00");
  g_autoptr(GTimer) timer = NULL;
  double elapsed;

  for (int i = 0; i < 1000; i++)
    {
      g_autoptr(CivicHearing) hearing = NULL;
      g_autoptr(GDateTime) starts_at = g_date_time_add_hours (base, i / 10);
      g_autoptr(GDateTime) ends_at = NULL;
      g_autofree char *id = g_strdup_printf ("H-%04d", i);
      g_autofree char *room_id = g_strdup_printf ("R-%02d", i % 10);
      g_autofree char *host_id = g_strdup_printf ("u-host-%02d", i % 10);
      g_autofree char *applicant_id = g_strdup_printf ("p-%04d", i == 703 ? 700 : i);
      CivicHearingSlot slot = { room_id, host_id, host_id, starts_at, NULL };

      if (i == 500)
        ends_at = g_date_time_add_minutes (starts_at, 90);
      else if (i == 900)
        ends_at = g_date_time_add_hours (starts_at, 3);
      else
        ends_at = g_date_time_add_hours (starts_at, 1);
      slot.ends_at = ends_at;

      hearing = civic_hearing_new_on_request (id, "C-1", day ("2026-05-11"), day ("2026-05-12"));
      g_assert_true (civic_hearing_add_participant (hearing, applicant_id, applicant_id,
                                                    CIVIC_HEARING_ROLE_APPLICANT, NULL));
      g_assert_true (civic_hearing_schedule (hearing, &slot, NULL, calendar, NULL,
                                             day ("2026-05-12"), NULL));
      if (i == 900)
        g_assert_true (civic_hearing_cancel (hearing, day ("2026-05-13"), "改期", NULL));
      g_ptr_array_add (hearings, g_steal_pointer (&hearing));
    }

  timer = g_timer_new ();
  conflicts = civic_hearing_find_conflicts (hearings);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("1000 hearings checked in %.3f ms", elapsed * 1000);

  g_assert_cmpuint (conflicts->len, ==, 3);
  assert_conflict (conflicts, 0, "H-0500", "H-0510", CIVIC_HEARING_CONFLICT_ROOM, "R-00");
  assert_conflict (conflicts, 1, "H-0500", "H-0510", CIVIC_HEARING_CONFLICT_HOST, "u-host-00");
  assert_conflict (conflicts, 2, "H-0700", "H-0703", CIVIC_HEARING_CONFLICT_PARTICIPANT, "p-0700");
  /* Generous, to hold under valgrind too; a pairwise scan is not the point
   * here but the agreement below is. */
  g_assert_cmpfloat (elapsed, <, 1.0);
}

static gint64
usec_of (GDateTime *instant_)
{
  return g_date_time_to_unix (instant_) * G_USEC_PER_SEC + g_date_time_get_microsecond (instant_);
}

static void
add_people (GPtrArray    *people,
            CivicHearing *hearing)
{
  g_ptr_array_add (people, g_strdup_printf ("H:%s", civic_hearing_get_host_id (hearing)));
  for (guint i = 0; i < civic_hearing_get_n_participants (hearing); i++)
    g_ptr_array_add (people, g_strdup_printf ("P:%s",
                                              civic_hearing_get_participant (hearing, i)->id));
}

static char *
conflict_key (const char               *a,
              const char               *b,
              CivicHearingConflictKind  kind,
              const char               *resource)
{
  gboolean ordered = g_strcmp0 (a, b) < 0;

  return g_strdup_printf ("%s|%s|%d|%s", ordered ? a : b, ordered ? b : a, kind, resource);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The sweep finds exactly what comparing every pair finds. */
static void
test_conflicts_match_pairwise (void)
{
  g_autoptr(GPtrArray) hearings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) base = instant ("2026-06-01T08:00:00+08:00");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);

  for (int i = 0; i < 300; i++)
    {
      g_autoptr(CivicHearing) hearing = NULL;
      int quarter = g_rand_int_range (rand, 0, 600);
      g_autoptr(GDateTime) starts_at = g_date_time_add_minutes (base, 15 * quarter);
      g_autoptr(GDateTime) ends_at = g_date_time_add_minutes (starts_at,
                                                              15 * g_rand_int_range (rand, 1, 12));
      g_autofree char *id = g_strdup_printf ("H-%03d", i);
      g_autofree char *room_id = g_strdup_printf ("R-%d", g_rand_int_range (rand, 0, 6));
      g_autofree char *host_id = g_strdup_printf ("u-%d", g_rand_int_range (rand, 0, 8));
      CivicHearingSlot slot = { room_id, host_id, host_id, starts_at, ends_at };

      hearing = civic_hearing_new_on_request (id, "C-1", day ("2026-05-11"), day ("2026-05-12"));
      for (int j = 0; j < 3; j++)
        {
          /* Hosts of other hearings appear among the people heard. */
          g_autofree char *person = g_rand_boolean (rand)
                                    ? g_strdup_printf ("p-%d", g_rand_int_range (rand, 0, 40))
                                    : g_strdup_printf ("u-%d", g_rand_int_range (rand, 0, 8));

          if (g_strcmp0 (person, host_id) != 0)
            civic_hearing_add_participant (hearing, person, person,
                                           CIVIC_HEARING_ROLE_WITNESS, NULL);
        }
      g_assert_true (civic_hearing_schedule (hearing, &slot, NULL, calendar, NULL,
                                             day ("2026-05-12"), NULL));
      if (g_rand_int_range (rand, 0, 10) == 0)
        g_assert_true (civic_hearing_cancel (hearing, day ("2026-05-13"), "改期", NULL));
      g_ptr_array_add (hearings, g_steal_pointer (&hearing));
    }

  for (guint i = 0; i < hearings->len; i++)
    for (guint j = i + 1; j < hearings->len; j++)
      {
        CivicHearing *a = g_ptr_array_index (hearings, i);
        CivicHearing *b = g_ptr_array_index (hearings, j);
        g_autoptr(GPtrArray) people_a = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) people_b = g_ptr_array_new_with_free_func (g_free);

        if (civic_hearing_get_state (a) == CIVIC_HEARING_STATE_CANCELLED ||
            civic_hearing_get_state (b) == CIVIC_HEARING_STATE_CANCELLED)
          continue;
        if (!(usec_of (civic_hearing_get_starts_at (a)) < usec_of (civic_hearing_get_ends_at (b)) &&
              usec_of (civic_hearing_get_starts_at (b)) < usec_of (civic_hearing_get_ends_at (a))))
          continue;

        if (g_strcmp0 (civic_hearing_get_room_id (a), civic_hearing_get_room_id (b)) == 0)
          g_ptr_array_add (expected, conflict_key (civic_hearing_get_id (a),
                                                   civic_hearing_get_id (b),
                                                   CIVIC_HEARING_CONFLICT_ROOM,
                                                   civic_hearing_get_room_id (a)));
        add_people (people_a, a);
        add_people (people_b, b);
        for (guint k = 0; k < people_a->len; k++)
          for (guint l = 0; l < people_b->len; l++)
            {
              const char *pa = g_ptr_array_index (people_a, k);
              const char *pb = g_ptr_array_index (people_b, l);

              if (strcmp (pa + 2, pb + 2) == 0)
                g_ptr_array_add (expected,
                                 conflict_key (civic_hearing_get_id (a), civic_hearing_get_id (b),
                                               pa[0] == 'H' && pb[0] == 'H'
                                               ? CIVIC_HEARING_CONFLICT_HOST
                                               : CIVIC_HEARING_CONFLICT_PARTICIPANT,
                                               pa + 2));
            }
      }

  conflicts = civic_hearing_find_conflicts (hearings);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const CivicHearingConflict *conflict = g_ptr_array_index (conflicts, i);

      /* The earlier hearing comes first. */
      g_assert_cmpint (g_date_time_compare (civic_hearing_get_starts_at (conflict->a),
                                            civic_hearing_get_starts_at (conflict->b)), <=, 0);
      g_ptr_array_add (found, conflict_key (civic_hearing_get_id (conflict->a),
                                            civic_hearing_get_id (conflict->b),
                                            conflict->kind, conflict->resource_id));
    }

  g_ptr_array_sort (expected, compare_strings);
  g_ptr_array_sort (found, compare_strings);
  g_test_message ("%u conflicts among 300 hearings", expected->len);
  g_assert_cmpuint (expected->len, >, 50);
  g_assert_cmpuint (found->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (found, i), ==, g_ptr_array_index (expected, i));
}

/* Wire format */

static CivicHearing *
new_complete_hearing (void)
{
  CivicHearing *hearing = new_scheduled_zhang_hearing ();
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_hearing_set_clerk (hearing, "u-chen", "陈静", &error));
  g_assert_true (civic_hearing_add_participant (hearing, "u-wang", "王强",
                                                CIVIC_HEARING_ROLE_HOST, &error));
  g_assert_true (civic_hearing_set_public (hearing, FALSE, "涉及个人隐私", &error));
  g_assert_true (civic_hearing_record_announcement (hearing, day ("2026-03-11"), &error));
  g_assert_true (civic_hearing_record_notice (hearing, day ("2026-03-11"), calendar, NULL, &error));
  g_assert_true (civic_hearing_request_recusal (hearing, "p-zhang", "主持人与利害关系人有亲属关系",
                                                day ("2026-03-12"), &error));
  g_assert_true (civic_hearing_decide_recusal (hearing, 0, CIVIC_HEARING_RECUSAL_GRANTED,
                                               "u-head", day ("2026-03-13"), "属实", &error));
  g_assert_true (civic_hearing_replace_host (hearing, "u-liu", "刘洋", examiners, &error));
  g_assert_true (civic_hearing_request_recusal (hearing, "p-li", "主持人曾为申请人提供咨询",
                                                day ("2026-03-16"), &error));
  g_assert_true (civic_hearing_decide_recusal (hearing, 1, CIVIC_HEARING_RECUSAL_REFUSED,
                                               "u-head", day ("2026-03-17"), NULL, &error));
  g_assert_true (civic_hearing_mark_held (hearing, examiners, calendar, NULL, day ("2026-03-20"),
                                          &error));
  g_assert_true (civic_hearing_set_record_summary (hearing, "“双方”陈述\n并质证。\\", &error));
  g_assert_true (civic_hearing_sign_record (hearing, "p-li", day ("2026-03-20"), TRUE, &error));
  sign_all (hearing, "2026-03-23");
  g_assert_true (civic_hearing_conclude (hearing, day ("2026-03-23"), &error));
  g_assert_no_error (error);
  return hearing;
}

static void
assert_round_trip (CivicHearing *hearing)
{
  g_autofree char *first = to_string (hearing);
  g_autofree char *second = NULL;
  g_autoptr(CivicHearing) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = civic_json_parse (first, -1, &error);
  g_assert_no_error (error);
  copy = civic_hearing_new_from_json (node, &error);
  g_assert_no_error (error);
  second = to_string (copy);
  g_assert_cmpstr (second, ==, first);

  /* civic_hearing_copy() misses nothing either. */
  {
    g_autoptr(CivicHearing) dup = civic_hearing_copy (hearing);
    g_autofree char *third = to_string (dup);

    g_assert_cmpstr (third, ==, first);
  }
}

static void
test_json_round_trip (void)
{
  g_autoptr(CivicHearing) complete = new_complete_hearing ();
  g_autoptr(CivicHearing) pending = civic_hearing_new_ex_officio ("H-2026-100", "C-2026-0100");
  g_autoptr(CivicHearing) cancelled = new_scheduled_zhang_hearing ();
  g_autoptr(CivicHearing) held = new_scheduled_zhang_hearing ();
  g_autoptr(GError) error = NULL;

  assert_round_trip (complete);
  assert_round_trip (pending);

  g_assert_true (civic_hearing_cancel (cancelled, day ("2026-03-13"), "申请人撤回", &error));
  assert_round_trip (cancelled);

  g_assert_true (civic_hearing_record_notice (held, day ("2026-03-11"), calendar, NULL, &error));
  g_assert_true (civic_hearing_request_recusal (held, "p-li", "理由", day ("2026-03-12"), &error));
  g_assert_true (civic_hearing_decide_recusal (held, 0, CIVIC_HEARING_RECUSAL_REFUSED, "u-head",
                                               day ("2026-03-12"), NULL, &error));
  g_assert_true (civic_hearing_mark_held (held, examiners, calendar, NULL, day ("2026-03-20"),
                                          &error));
  g_assert_no_error (error);
  assert_round_trip (held);

  {
    g_autoptr(CivicHearing) pending_recusal = new_scheduled_zhang_hearing ();

    g_assert_true (civic_hearing_request_recusal (pending_recusal, "p-li", "理由",
                                                  day ("2026-03-12"), &error));
    assert_round_trip (pending_recusal);
  }
}

/* The wire format, member by member. */
static void
test_json_shape (void)
{
  g_autoptr(CivicHearing) hearing = new_zhang_hearing ();
  g_autofree char *text = NULL;

  schedule_at (hearing, "R-301", "u-wang", "王强",
               "2026-03-20T09:00:00+08:00", "2026-03-20T11:00:00+08:00", "2026-03-10");
  civic_hearing_remove_participant (hearing, "u-zhao", NULL);
  civic_hearing_remove_participant (hearing, "p-li", NULL);
  text = to_string (hearing);
  g_assert_cmpstr (text, ==,
                   "{\"id\":\"H-2026-007\",\"case_id\":\"C-2026-0042\",\"kind\":\"on-request\","
                   "\"state\":\"scheduled\",\"rev\":0,\"department_id\":null,\"matter\":null,"
                   "\"cases\":[{\"id\":\"C-2026-0042\",\"number\":null,\"examiner_ids\":[]}],"
                   "\"informed_on\":\"2026-03-05\","
                   "\"requested_on\":\"2026-03-10\",\"announced_on\":null,"
                   "\"starts_at\":\"2026-03-20T01:00:00.000Z\","
                   "\"ends_at\":\"2026-03-20T03:00:00.000Z\",\"room_id\":\"R-301\","
                   "\"host_id\":\"u-wang\",\"host_name\":\"王强\",\"clerk_id\":null,"
                   "\"clerk_name\":null,\"is_public\":true,\"publicity\":\"public\","
                   "\"non_public_reason\":null,\"video_link\":null,"
                   "\"notice_sent_on\":null,\"participants\":[{\"id\":\"p-zhang\","
                   "\"name\":\"张伟\",\"role\":\"applicant\",\"signed_on\":null,"
                   "\"sealed\":false,\"contact\":null,\"represents\":null,\"notified_on\":null,"
                   "\"notified_by\":\"none\",\"refused_on\":null,\"refusal_note\":null}],"
                   "\"recusals\":[],\"postponements\":[],\"record_summary\":null,"
                   "\"record_signed_on\":null,\"decision_ref\":null,\"documents\":[],\"cancelled_on\":null,"
                   "\"cancel_reason\":null}");
}

typedef struct
{
  const char      *member;  /* a top-level member, or "participants.0.role" */
  const char      *json;    /* its new value; NULL removes it */
  CivicJsonError   code;
  const char      *message;
} Malformation;

static void
set_path (JsonObject *object,
          const char *path,
          const char *json)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", 3);

  if (parts[1] != NULL)
    {
      JsonArray *array = json_object_get_array_member (object, parts[0]);

      object = json_array_get_object_element (array, atoi (parts[1]));
      path = parts[2];
    }

  if (json == NULL)
    json_object_remove_member (object, path);
  else
    {
      g_autoptr(GError) error = NULL;
      JsonNode *value = json_from_string (json, &error);

      g_assert_no_error (error);
      json_object_set_member (object, path, value);
    }
}

static void
test_json_malformed (void)
{
  static const Malformation cases[] = {
    { "id", NULL, CIVIC_JSON_ERROR_MISSING, "“id” is missing" },
    { "id", "42", CIVIC_JSON_ERROR_TYPE, "“id” must be a string" },
    { "case_id", "\"  \"", CIVIC_JSON_ERROR_VALUE, "“case_id” must not be empty" },
    { "kind", "\"surprise\"", CIVIC_JSON_ERROR_VALUE,
      "“surprise” is not a valid value for “kind”" },
    { "state", "\"adjourned\"", CIVIC_JSON_ERROR_VALUE,
      "“adjourned” is not a valid value for “state”" },
    { "requested_on", "\"2026-02-30\"", CIVIC_JSON_ERROR_TYPE,
      "“requested_on” must be a date written YYYY-MM-DD" },
    { "informed_on", NULL, CIVIC_JSON_ERROR_MISSING, "“informed_on” is missing" },
    { "starts_at", "\"2026-03-20\"", CIVIC_JSON_ERROR_TYPE,
      "“starts_at” must be an RFC 3339 time" },
    { "ends_at", "\"2026-03-20T00:30:00.000Z\"", CIVIC_JSON_ERROR_VALUE,
      "“ends_at” must come after “starts_at”" },
    { "ends_at", "\"2026-03-20T01:00:00.000Z\"", CIVIC_JSON_ERROR_VALUE,
      "“ends_at” must come after “starts_at”" },
    { "room_id", NULL, CIVIC_JSON_ERROR_MISSING, "“room_id” is missing" },
    { "is_public", "\"yes\"", CIVIC_JSON_ERROR_TYPE, "“is_public” must be true or false" },
    { "non_public_reason", "\"商业秘密\"", CIVIC_JSON_ERROR_VALUE,
      "“non_public_reason” does not fit a hearing of this kind or stage" },
    { "notice_sent_on", "\"2026-3-11\"", CIVIC_JSON_ERROR_TYPE,
      "“notice_sent_on” must be a date written YYYY-MM-DD" },
    { "record_signed_on", "\"2026-03-20\"", CIVIC_JSON_ERROR_VALUE,
      "“record_signed_on” does not fit a hearing of this kind or stage" },
    { "state", "\"record-signed\"", CIVIC_JSON_ERROR_MISSING, "“record_summary” is missing" },
    { "state", "\"cancelled\"", CIVIC_JSON_ERROR_MISSING, "“cancelled_on” is missing" },
    { "state", "\"pending\"", CIVIC_JSON_ERROR_VALUE,
      "A pending hearing has no time, place or host yet" },
    { "participants", "{}", CIVIC_JSON_ERROR_TYPE, "“participants” must be a list" },
    { "participants", NULL, CIVIC_JSON_ERROR_MISSING, "“participants” is missing" },
    { "participants", "[\"张伟\"]", CIVIC_JSON_ERROR_TYPE, "Participant 1: It must be an object" },
    { "participants.1.role", "\"judge\"", CIVIC_JSON_ERROR_VALUE,
      "Participant 2: “judge” is not a valid value for “role”" },
    { "participants.1.id", "\"p-zhang\"", CIVIC_JSON_ERROR_VALUE,
      "Participant 2: Another participant has the ID “p-zhang”" },
    { "participants.0.sealed", "true", CIVIC_JSON_ERROR_VALUE,
      "Participant 1: “sealed” needs “signed_on”" },
    { "participants.2.signed_on", "\"2026-03-20\"", CIVIC_JSON_ERROR_VALUE,
      "Participant 3: “signed_on” does not fit a hearing that was not held" },
    { "recusals.0.by", "\"p-nobody\"", CIVIC_JSON_ERROR_VALUE,
      "Recusal request 1: “by” names no participant of the hearing" },
    { "recusals.0.decision", "\"granted\"", CIVIC_JSON_ERROR_MISSING,
      "Recusal request 1: “decided_on” is missing" },
    { "recusals.0.decided_on", "\"2026-03-12\"", CIVIC_JSON_ERROR_VALUE,
      "Recusal request 1: A pending request has no decision yet" },
  };
  g_autoptr(CivicHearing) hearing = new_scheduled_zhang_hearing ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_hearing_request_recusal (hearing, "p-li", "理由", day ("2026-03-12"),
                                                &error));
  text = to_string (hearing);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (text, &error);
      g_autoptr(CivicHearing) read = NULL;

      g_assert_no_error (error);
      set_path (json_node_get_object (node), cases[i].member, cases[i].json);
      read = civic_hearing_new_from_json (node, &error);
      g_assert_null (read);
      if (!g_error_matches (error, CIVIC_JSON_ERROR, cases[i].code) ||
          strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u (%s): got “%s”", i, cases[i].member,
                 error ? error->message : "no error");
      g_clear_error (&error);
    }

  /* An ex officio hearing has no request. */
  {
    g_autoptr(CivicHearing) ex_officio = civic_hearing_new_ex_officio ("H-1", "C-1");
    g_autofree char *ex_text = to_string (ex_officio);
    g_autoptr(JsonNode) node = json_from_string (ex_text, &error);
    g_autoptr(CivicHearing) read = NULL;

    set_path (json_node_get_object (node), "requested_on", "\"2026-03-10\"");
    read = civic_hearing_new_from_json (node, &error);
    g_assert_null (read);
    g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE);
    assert_message (error, "“requested_on” does not fit");
    g_clear_error (&error);
  }

  /* Not an object at all. */
  {
    g_autoptr(JsonNode) node = json_from_string ("[1, 2]", &error);
    g_autoptr(CivicHearing) read = civic_hearing_new_from_json (node, &error);

    g_assert_null (read);
    g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE);
    g_assert_cmpstr (error->message, ==, "A hearing must be an object");
  }
}

/* Names for the UI and the wire */

static void
test_labels_and_nicks (void)
{
  g_autoptr(CivicHearing) hearing = new_zhang_hearing ();
  g_autofree char *id = NULL;
  CivicHearingKind kind;
  CivicHearingState state;

  g_assert_cmpstr (civic_enum_to_nick (CIVIC_TYPE_HEARING_KIND, CIVIC_HEARING_KIND_EX_OFFICIO),
                   ==, "ex-officio");
  g_assert_cmpstr (civic_enum_to_nick (CIVIC_TYPE_HEARING_STATE,
                                       CIVIC_HEARING_STATE_RECORD_SIGNED), ==, "record-signed");
  g_assert_cmpstr (civic_enum_to_nick (CIVIC_TYPE_HEARING_ROLE,
                                       CIVIC_HEARING_ROLE_INTERESTED_PARTY),
                   ==, "interested-party");
  g_assert_cmpstr (civic_enum_to_nick (CIVIC_TYPE_HEARING_RECUSAL_DECISION,
                                       CIVIC_HEARING_RECUSAL_GRANTED), ==, "granted");
  g_assert_cmpstr (civic_enum_to_nick (CIVIC_TYPE_HEARING_CONFLICT_KIND,
                                       CIVIC_HEARING_CONFLICT_PARTICIPANT), ==, "participant");

  g_assert_cmpstr (civic_hearing_kind_get_label (CIVIC_HEARING_KIND_ON_REQUEST), ==,
                   "Hearing on request (Art. 47)");
  g_assert_cmpstr (civic_hearing_state_get_label (CIVIC_HEARING_STATE_RECORD_SIGNED), ==,
                   "Record signed");
  g_assert_cmpstr (civic_hearing_recusal_decision_get_label (CIVIC_HEARING_RECUSAL_REFUSED), ==,
                   "Refused");
  g_assert_cmpstr (civic_hearing_conflict_kind_get_label (CIVIC_HEARING_CONFLICT_HOST), ==,
                   "Same host");

  g_object_get (hearing, "id", &id, "kind", &kind, "state", &state, NULL);
  g_assert_cmpstr (id, ==, "H-2026-007");
  g_assert_cmpint (kind, ==, CIVIC_HEARING_KIND_ON_REQUEST);
  g_assert_cmpint (state, ==, CIVIC_HEARING_STATE_PENDING);
  g_assert_cmpstr (civic_hearing_get_case_id (hearing), ==, "C-2026-0042");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);

  g_test_add_func ("/hearing/policy/default", test_policy_default);
  g_test_add_func ("/hearing/dates/request-window-national-day",
                   test_dates_request_window_national_day);
  g_test_add_func ("/hearing/dates/request-window-calendar-days",
                   test_dates_request_window_calendar_days);
  g_test_add_func ("/hearing/dates/organise-within", test_dates_organise_within);
  g_test_add_func ("/hearing/dates/latest-notice", test_dates_latest_notice);
  g_test_add_func ("/hearing/dates/key-dates", test_dates_key_dates);
  g_test_add_func ("/hearing/lifecycle/on-request", test_lifecycle_on_request);
  g_test_add_func ("/hearing/lifecycle/ex-officio", test_lifecycle_ex_officio);
  g_test_add_func ("/hearing/schedule/host-is-examiner", test_schedule_host_is_examiner);
  g_test_add_func ("/hearing/schedule/too-soon", test_schedule_too_soon);
  g_test_add_func ("/hearing/schedule/end-before-start", test_schedule_end_before_start);
  g_test_add_func ("/hearing/schedule/organise-late", test_schedule_organise_late);
  g_test_add_func ("/hearing/schedule/moving-withdraws-notice",
                   test_schedule_moving_withdraws_notice);
  g_test_add_func ("/hearing/schedule/invalid", test_schedule_invalid);
  g_test_add_func ("/hearing/notice/late", test_notice_late);
  g_test_add_func ("/hearing/public", test_public);
  g_test_add_func ("/hearing/recusal/flow", test_recusal_flow);
  g_test_add_func ("/hearing/recusal/refused", test_recusal_refused);
  g_test_add_func ("/hearing/recusal/host-seat", test_recusal_host_seat);
  g_test_add_func ("/hearing/record/signing", test_record_signing);
  g_test_add_func ("/hearing/record/no-participants", test_record_no_participants);
  g_test_add_func ("/hearing/record/unsigned-from-file", test_record_unsigned_from_file);
  g_test_add_func ("/hearing/participants", test_participants);
  g_test_add_func ("/hearing/cancel", test_cancel);
  g_test_add_func ("/hearing/clock/stop-span", test_clock_stop_span);
  g_test_add_func ("/hearing/conflicts/room-host-participant",
                   test_conflicts_room_host_participant);
  g_test_add_func ("/hearing/conflicts/back-to-back", test_conflicts_back_to_back);
  g_test_add_func ("/hearing/conflicts/cancelled-ignored", test_conflicts_cancelled_ignored);
  g_test_add_func ("/hearing/conflicts/candidate", test_conflicts_candidate);
  g_test_add_func ("/hearing/conflicts/thousand", test_conflicts_thousand);
  g_test_add_func ("/hearing/conflicts/match-pairwise", test_conflicts_match_pairwise);
  g_test_add_func ("/hearing/json/round-trip", test_json_round_trip);
  g_test_add_func ("/hearing/json/shape", test_json_shape);
  g_test_add_func ("/hearing/json/malformed", test_json_malformed);
  g_test_add_func ("/hearing/labels-and-nicks", test_labels_and_nicks);

  status = g_test_run ();
  g_clear_object (&calendar);
  return status;
}
