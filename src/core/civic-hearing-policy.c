/* civic-hearing-policy.c — the periods of ALL Arts. 47–48, counted on the calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-hearing"

#include "config.h"

#include "civic-hearing-private.h"

/* A year and a day is far beyond any period the law sets, and keeps a
 * mistyped policy from scanning the calendar for decades. */
#define MAX_PERIOD 366

static const CivicHearingPolicy default_policy = {
  { 5, CIVIC_CLOCK_UNIT_WORKING_DAYS },
  { 20, CIVIC_CLOCK_UNIT_WORKING_DAYS },
  { 7, CIVIC_CLOCK_UNIT_WORKING_DAYS },
};

/* Policy and periods */

const CivicHearingPolicy *
civic_hearing_policy_get_default (void)
{
  return &default_policy;
}

static gboolean
period_is_valid (const CivicHearingPeriod *period)
{
  return period->length >= 0 && period->length <= MAX_PERIOD &&
         (period->unit == CIVIC_CLOCK_UNIT_WORKING_DAYS ||
          period->unit == CIVIC_CLOCK_UNIT_CALENDAR_DAYS);
}

gboolean
_civic_hearing_policy_is_valid (const CivicHearingPolicy *policy)
{
  return period_is_valid (&policy->request_window) &&
         period_is_valid (&policy->organise_within) &&
         period_is_valid (&policy->notice);
}

/* The last day of @period after @start: the day a right runs out or a
 * duty falls due. */
CivicDay
_civic_hearing_period_end (CivicCalendar            *calendar,
                           CivicDay                  start,
                           const CivicHearingPeriod *period,
                           gboolean                 *provisional)
{
  gboolean day_provisional = FALSE;
  CivicDay end;

  g_assert (start != CIVIC_DAY_INVALID);

  if (period->unit == CIVIC_CLOCK_UNIT_WORKING_DAYS)
    end = civic_calendar_add_working_days (calendar, start, period->length,
                                           CIVIC_COUNT_DEFAULT, &day_provisional);
  else
    {
      civic_calendar_classify (calendar, start + period->length, NULL, &day_provisional);
      end = civic_calendar_working_day_on_or_after (calendar, start + period->length);
    }

  if (provisional != NULL)
    *provisional |= day_provisional;
  return end;
}

/* The latest day a notice can go out and still come @period before the
 * hearing on @day: counting back the way the period's end counts forward,
 * the hearing day not counted, so that for a working day H the end of the
 * period from its start before H is H again. Nothing rolls over: a notice
 * may go out on a rest day, and moving the day earlier would take time
 * from the authority that the law gives it. */
CivicDay
_civic_hearing_period_start_before (CivicCalendar            *calendar,
                                    CivicDay                  day,
                                    const CivicHearingPeriod *period,
                                    gboolean                 *provisional)
{
  gboolean any_provisional = FALSE;

  g_assert (day > (CivicDay) MAX_PERIOD * 3);

  if (period->unit == CIVIC_CLOCK_UNIT_CALENDAR_DAYS)
    {
      day -= period->length;
      civic_calendar_classify (calendar, day, NULL, &any_provisional);
    }
  else
    day = civic_calendar_subtract_working_days (calendar, day, period->length, &any_provisional);

  if (provisional != NULL)
    *provisional |= any_provisional;
  return day;
}

/* The earliest hearing day a notice sent on @day allows. */
CivicDay
_civic_hearing_period_after_notice (CivicCalendar            *calendar,
                                    CivicDay                  day,
                                    const CivicHearingPeriod *period,
                                    gboolean                 *provisional)
{
  gboolean day_provisional = FALSE;
  CivicDay first;

  if (period->unit == CIVIC_CLOCK_UNIT_WORKING_DAYS)
    first = civic_calendar_add_working_days (calendar, day, period->length,
                                             CIVIC_COUNT_DEFAULT, &day_provisional);
  else
    {
      first = day + period->length;
      civic_calendar_classify (calendar, first, NULL, &day_provisional);
    }

  if (provisional != NULL)
    *provisional |= day_provisional;
  return first;
}

/**
 * civic_hearing_policy_last_request_day:
 * @policy: (nullable): the policy, or %NULL for the default
 * @informed_on: the day the parties were told of their right (Art. 47)
 * @provisional: (out) (optional): set when the answer rests on a year
 *   whose holiday notice is not loaded
 *
 * Returns: the last day on which a request for a hearing is in time.
 */
CivicDay
civic_hearing_policy_last_request_day (const CivicHearingPolicy *policy,
                                       CivicCalendar            *calendar,
                                       CivicDay                  informed_on,
                                       gboolean                 *provisional)
{
  if (policy == NULL)
    policy = &default_policy;

  g_return_val_if_fail (_civic_hearing_policy_is_valid (policy), CIVIC_DAY_INVALID);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), CIVIC_DAY_INVALID);
  g_return_val_if_fail (informed_on != CIVIC_DAY_INVALID, CIVIC_DAY_INVALID);

  if (provisional != NULL)
    *provisional = FALSE;
  return _civic_hearing_period_end (calendar, informed_on, &policy->request_window, provisional);
}

/**
 * civic_hearing_policy_latest_hearing_day:
 * @requested_on: the day the request for a hearing was received
 *
 * Returns: the last day on which the hearing can be held (Art. 47).
 */
CivicDay
civic_hearing_policy_latest_hearing_day (const CivicHearingPolicy *policy,
                                         CivicCalendar            *calendar,
                                         CivicDay                  requested_on,
                                         gboolean                 *provisional)
{
  if (policy == NULL)
    policy = &default_policy;

  g_return_val_if_fail (_civic_hearing_policy_is_valid (policy), CIVIC_DAY_INVALID);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), CIVIC_DAY_INVALID);
  g_return_val_if_fail (requested_on != CIVIC_DAY_INVALID, CIVIC_DAY_INVALID);

  if (provisional != NULL)
    *provisional = FALSE;
  return _civic_hearing_period_end (calendar, requested_on, &policy->organise_within, provisional);
}

/**
 * civic_hearing_policy_latest_notice_day:
 * @hearing_day: the local day the hearing starts
 *
 * Returns: the last day on which the notice of time and place can be sent
 * (Art. 48(1)).
 */
CivicDay
civic_hearing_policy_latest_notice_day (const CivicHearingPolicy *policy,
                                        CivicCalendar            *calendar,
                                        CivicDay                  hearing_day,
                                        gboolean                 *provisional)
{
  if (policy == NULL)
    policy = &default_policy;

  g_return_val_if_fail (_civic_hearing_policy_is_valid (policy), CIVIC_DAY_INVALID);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), CIVIC_DAY_INVALID);
  g_return_val_if_fail (hearing_day > (CivicDay) MAX_PERIOD * 3, CIVIC_DAY_INVALID);

  if (provisional != NULL)
    *provisional = FALSE;
  return _civic_hearing_period_start_before (calendar, hearing_day, &policy->notice, provisional);
}

/**
 * civic_hearing_policy_earliest_hearing_day:
 * @notice_day: the day the notice goes out
 *
 * Returns: the first day a hearing can be held after a notice sent on
 * @notice_day: what the scheduling dialog offers.
 */
CivicDay
civic_hearing_policy_earliest_hearing_day (const CivicHearingPolicy *policy,
                                           CivicCalendar            *calendar,
                                           CivicDay                  notice_day,
                                           gboolean                 *provisional)
{
  if (policy == NULL)
    policy = &default_policy;

  g_return_val_if_fail (_civic_hearing_policy_is_valid (policy), CIVIC_DAY_INVALID);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), CIVIC_DAY_INVALID);
  g_return_val_if_fail (notice_day != CIVIC_DAY_INVALID, CIVIC_DAY_INVALID);

  if (provisional != NULL)
    *provisional = FALSE;
  return _civic_hearing_period_after_notice (calendar, notice_day, &policy->notice, provisional);
}
