/* civic-supervision.c — what e-supervision (电子监察) watches of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-supervision.h"

/* A province's supervisors see every clock of the hall at a glance, and
 * its figures by week: how many were opened and done, how many late,
 * how many working days they took. The service keeps those counts as
 * commands apply (civic-supervision-records.c), from what this file reads
 * of each record, so that a record's figures can be taken out again
 * exactly as they went in when it changes: everything here follows from
 * the record and the day it is read on. */

void
civic_supervision_source_clear (CivicSupervisionSource *source)
{
  g_clear_pointer (&source->department_id, g_free);
  g_clear_pointer (&source->subject, g_free);
  g_clear_pointer (&source->title, g_free);
  g_clear_object (&source->now);
  g_clear_object (&source->main);
  source->deemed_on = CIVIC_DAY_INVALID;
}

void
civic_supervised_clear (CivicSupervised *supervised)
{
  g_clear_pointer (&supervised->department_id, g_free);
  g_clear_pointer (&supervised->subject, g_free);
  g_clear_pointer (&supervised->title, g_free);
  memset (supervised, 0, sizeof *supervised);
}

/**
 * civic_supervised_read:
 * @out: (out caller-allocates): cleared first
 *
 * Reads @source's clocks on @today.
 *
 * Returns: %FALSE when the source names no department, which nothing
 * then counts
 */
gboolean
civic_supervised_read (const CivicSupervisionSource *source,
                       CivicCalendar                *calendar,
                       CivicDay                      today,
                       CivicSupervised              *out)
{
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (source->department_id == NULL || *source->department_id == '\0')
    return FALSE;

  out->department_id = g_strdup (source->department_id);
  out->subject = g_strdup (source->subject ? source->subject : "");
  out->title = g_strdup (source->title ? source->title : "");
  out->deemed_on = source->deemed_on;

  if (source->now != NULL)
    {
      g_autoptr(CivicClockReading) reading = civic_clock_read (source->now, calendar, today, NULL);

      if (reading->status != CIVIC_CLOCK_STATUS_DONE)
        {
          out->running = TRUE;
          out->status = reading->status;
          out->due = reading->due;
          out->next_change = civic_clock_next_change (source->now, reading, calendar, today, NULL);
        }
    }

  if (source->main != NULL)
    {
      g_autoptr(CivicClockReading) reading = civic_clock_read (source->main, calendar, today, NULL);
      CivicDay next;

      out->opened_on = civic_clock_get_start (source->main);
      out->extended = reading->extended;
      if (reading->status == CIVIC_CLOCK_STATUS_DONE)
        {
          out->done_on = reading->completed_on;
          out->days = reading->elapsed;
          out->late = reading->late;
          if (reading->late)
            out->overdue_on = reading->due + 1;
        }
      else if (reading->status == CIVIC_CLOCK_STATUS_RED)
        out->overdue_on = reading->due + 1;

      /* The main clock going red changes the figures too */
      next = civic_clock_next_change (source->main, reading, calendar, today, NULL);
      if (next != CIVIC_DAY_INVALID &&
          (out->next_change == CIVIC_DAY_INVALID || next < out->next_change))
        out->next_change = next;
    }

  return TRUE;
}

/**
 * civic_supervised_status_nick:
 *
 * Returns: "green", "yellow", "red" or "paused" while a clock runs;
 * "none" when none does
 */
const char *
civic_supervised_status_nick (const CivicSupervised *supervised)
{
  if (!supervised->running)
    return "none";
  return civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, supervised->status);
}

gboolean
civic_supervised_status_from_nick (const char      *nick,
                                   CivicSupervised *supervised)
{
  int status;

  if (g_strcmp0 (nick, "none") == 0)
    {
      supervised->running = FALSE;
      supervised->status = CIVIC_CLOCK_STATUS_DONE;
      return TRUE;
    }
  if (!civic_enum_from_nick (CIVIC_TYPE_CLOCK_STATUS, nick, &status) ||
      status == CIVIC_CLOCK_STATUS_DONE)
    return FALSE;
  supervised->running = TRUE;
  supervised->status = status;
  return TRUE;
}

/**
 * civic_supervised_tally:
 * @func: (scope call): called once for each figure the record adds to
 *
 * What the record adds to the figures of its department, subject and
 * weeks. The service takes out what the record added before and adds
 * what it adds now (civic-supervision-records.c); summed over every
 * record, it is what a count from scratch gives.
 */
void
civic_supervised_tally (const CivicSupervised     *s,
                        CivicSupervisionTallyFunc  func,
                        gpointer                   user_data)
{
  g_return_if_fail (s != NULL && func != NULL);

  if (s->opened_on != CIVIC_DAY_INVALID)
    {
      CivicDay week = civic_day_week_start (s->opened_on);

      func (CIVIC_SUPERVISION_METRIC_OPENED, week, 1, user_data);
      if (s->extended)
        func (CIVIC_SUPERVISION_METRIC_EXTENDED, week, 1, user_data);
    }
  if (s->done_on != CIVIC_DAY_INVALID)
    {
      CivicDay week = civic_day_week_start (s->done_on);

      func (CIVIC_SUPERVISION_METRIC_DONE, week, 1, user_data);
      if (s->late)
        func (CIVIC_SUPERVISION_METRIC_LATE, week, 1, user_data);
      if (s->days > 0)
        func (CIVIC_SUPERVISION_METRIC_DAYS, week, s->days, user_data);
    }
  if (s->overdue_on != CIVIC_DAY_INVALID)
    func (CIVIC_SUPERVISION_METRIC_OVERDUE, civic_day_week_start (s->overdue_on), 1, user_data);
  if (s->deemed_on != CIVIC_DAY_INVALID)
    func (CIVIC_SUPERVISION_METRIC_DEEMED, civic_day_week_start (s->deemed_on), 1, user_data);
}

static const char * const metric_nicks[CIVIC_N_SUPERVISION_METRICS] = {
  [CIVIC_SUPERVISION_METRIC_OPENED] = "opened",
  [CIVIC_SUPERVISION_METRIC_DONE] = "done",
  [CIVIC_SUPERVISION_METRIC_LATE] = "late",
  [CIVIC_SUPERVISION_METRIC_DAYS] = "days",
  [CIVIC_SUPERVISION_METRIC_OVERDUE] = "overdue",
  [CIVIC_SUPERVISION_METRIC_DEEMED] = "deemed",
  [CIVIC_SUPERVISION_METRIC_EXTENDED] = "extended",
};

/**
 * civic_supervision_kind_name:
 * @type: a watched kind's entity type (civic-entity.h)
 * @many: the name of a heading ("Licensing cases"), or of one record in a
 *   row ("Licensing case")
 *
 * The one way the hall's lists, exports and reports name what
 * supervision watches.
 *
 * Returns: translated; @type itself for a kind it does not watch
 */
const char *
civic_supervision_kind_name (const char *type,
                             gboolean    many)
{
  static const struct { const char *type, *one, *many; } names[] = {
    { CIVIC_ENTITY_CASE, N_("Licensing case"), N_("Licensing cases") },
    { CIVIC_ENTITY_HEARING, N_("Hearing to hold"), N_("Hearings to hold") },
    { CIVIC_ENTITY_DISCLOSURE, N_("Disclosure to publish"), N_("Disclosures to publish") },
    { CIVIC_ENTITY_DISCLOSURE_REQUEST, N_("Request for information"),
      N_("Requests for information") },
    { CIVIC_ENTITY_MESSAGE, N_("Citizen’s message"), N_("Messages from citizens") },
    { CIVIC_ENTITY_EVALUATION, N_("Rectification of a bad rating"),
      N_("Rectifications of bad ratings") },
    { CIVIC_ENTITY_WARNING, N_("Supervision card"), N_("Supervision cards") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (type, names[i].type) == 0)
      return _(many ? names[i].many : names[i].one);
  return type;
}

const char *
civic_supervision_metric_to_nick (CivicSupervisionMetric metric)
{
  g_return_val_if_fail (metric < CIVIC_N_SUPERVISION_METRICS, NULL);
  return metric_nicks[metric];
}

gboolean
civic_supervision_metric_from_nick (const char             *nick,
                                    CivicSupervisionMetric *metric)
{
  for (guint i = 0; i < CIVIC_N_SUPERVISION_METRICS; i++)
    if (g_strcmp0 (nick, metric_nicks[i]) == 0)
      {
        *metric = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * civic_day_week_start:
 *
 * Returns: the Monday of @day's week (ISO 8601), which the figures of a
 * period are kept by
 */
CivicDay
civic_day_week_start (CivicDay day)
{
  g_return_val_if_fail (day != CIVIC_DAY_INVALID, CIVIC_DAY_INVALID);
  return day - (civic_day_weekday (day) - G_DATE_MONDAY);
}
