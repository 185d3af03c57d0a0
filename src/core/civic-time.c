/* civic-time.c — the one clock both programs ask for "now"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-time"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-time.h"

static GMutex     pin_lock;
static GDateTime *pinned;
/* With CIVICDESK_NOW_RUNNING=1 the pinned clock runs on from when it was
 * read, at the real clock's pace: a service started "at 09:59:58" sees
 * 10:00 two seconds later (tests of what happens at a minute) */
static gint64     running_since = -1;
static gboolean   env_read;

/* Legal dates are local dates of the region. Mainland China has kept
 * UTC+8 without daylight saving since 1991, so a fixed offset gives the
 * same answer as the tz database for every date we handle, and works in a
 * sandbox that ships no tzdata. */
GTimeZone *
civic_time_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_offset (8 * 60 * 60));

  return zone;
}

/**
 * civic_time_parse:
 * @text: an RFC 3339 instant, or a plain YYYY-MM-DD local date
 *
 * Returns: (transfer full) (nullable): the instant in UTC, or %NULL when
 * @text is neither. A plain date means 09:00 local time, when the offices
 * open.
 */
GDateTime *
civic_time_parse (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  CivicDay day;

  if (text == NULL)
    return NULL;

  if (civic_day_parse (text, &day))
    {
      int y, m, d;

      civic_day_to_ymd (day, &y, &m, &d);
      parsed = g_date_time_new (civic_time_zone (), y, m, d, 9, 0, 0);
    }
  else
    {
      /* g_date_time_new_from_iso8601() also accepts week dates and ordinal
       * dates; the wire format is RFC 3339 only, which always has a 'T'
       * and an explicit offset. */
      if (strlen (text) < 20 || text[10] != 'T')
        return NULL;
      parsed = g_date_time_new_from_iso8601 (text, NULL);
    }

  if (parsed == NULL)
    return NULL;

  return g_date_time_to_utc (parsed);
}

/**
 * civic_time_format:
 *
 * Returns: (transfer full): @instant in UTC as RFC 3339 with millisecond
 * precision, e.g. "2026-03-02T01:30:00.000Z".
 */
char *
civic_time_format (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (instant != NULL, NULL);

  utc = g_date_time_to_utc (instant);
  /* RFC 3339 wants four digits of year; "%Y" writes 401 for 0401, which
   * civic_time_parse() rightly refuses (found by fuzzing). */
  base = g_date_time_format (utc, "-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%04d%s.%03dZ", g_date_time_get_year (utc), base,
                          g_date_time_get_microsecond (utc) / 1000);
}

/**
 * civic_time_format_local:
 * @instant: (nullable)
 *
 * Returns: (transfer full): @instant as an official reads it, in the
 * region's time: "2026-03-20 10:00"; "" for none
 */
char *
civic_time_format_local (GDateTime *instant)
{
  g_autoptr(GDateTime) local = NULL;

  if (instant == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (instant, civic_time_zone ());
  /* Translators: a date and time, as strftime() takes it */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

static void
read_env_locked (void)
{
  const char *value;

  if (env_read)
    return;
  env_read = TRUE;

  value = g_getenv (CIVIC_NOW_ENV);
  if (value == NULL || *value == '\0')
    return;

  pinned = civic_time_parse (value);
  if (pinned == NULL)
    g_warning ("Ignoring %s=%s: not an RFC 3339 instant or a YYYY-MM-DD date",
               CIVIC_NOW_ENV, value);
  else if (g_strcmp0 (g_getenv (CIVIC_NOW_RUNNING_ENV), "1") == 0)
    running_since = g_get_monotonic_time ();
}

/**
 * civic_time_pin:
 * @instant: (nullable): the instant "now" is from here on, or %NULL for the
 *   real clock
 *
 * Pins the clock, for tests. A pinned clock does not move.
 */
void
civic_time_pin (GDateTime *instant)
{
  g_mutex_lock (&pin_lock);
  env_read = TRUE;
  running_since = -1;
  g_clear_pointer (&pinned, g_date_time_unref);
  if (instant != NULL)
    pinned = g_date_time_to_utc (instant);
  g_mutex_unlock (&pin_lock);
}

gboolean
civic_time_is_pinned (void)
{
  gboolean result;

  g_mutex_lock (&pin_lock);
  read_env_locked ();
  result = pinned != NULL;
  g_mutex_unlock (&pin_lock);

  return result;
}

/**
 * civic_time_now:
 *
 * Returns: (transfer full): the current instant in UTC, or the pinned one.
 */
GDateTime *
civic_time_now (void)
{
  GDateTime *result;

  g_mutex_lock (&pin_lock);
  read_env_locked ();
  if (pinned == NULL)
    result = g_date_time_new_now_utc ();
  else if (running_since >= 0)
    result = g_date_time_add (pinned, g_get_monotonic_time () - running_since);
  else
    result = g_date_time_ref (pinned);
  g_mutex_unlock (&pin_lock);

  return result;
}

/**
 * civic_time_day_of:
 *
 * Returns: the local date of the region on which @instant falls.
 */
CivicDay
civic_time_day_of (GDateTime *instant)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (instant != NULL, CIVIC_DAY_INVALID);

  local = g_date_time_to_timezone (instant, civic_time_zone ());
  return civic_day_from_ymd (g_date_time_get_year (local),
                             g_date_time_get_month (local),
                             g_date_time_get_day_of_month (local));
}

CivicDay
civic_time_today (void)
{
  g_autoptr(GDateTime) now = civic_time_now ();

  return civic_time_day_of (now);
}
