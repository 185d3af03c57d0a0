/* civic-day.c — a local calendar date, as the law counts them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-day"

#include "config.h"

#include "civic-i18n.h"

#include "civic-day.h"

/**
 * civic_day_from_ymd:
 *
 * Returns: the day, or %CIVIC_DAY_INVALID when the triple is not a date
 * (2025-02-29, month 13, …).
 */
CivicDay
civic_day_from_ymd (int year,
                    int month,
                    int day)
{
  GDate date;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return CIVIC_DAY_INVALID;
  if (!g_date_valid_dmy (day, month, year))
    return CIVIC_DAY_INVALID;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

void
civic_day_to_ymd (CivicDay  day,
                  int      *year,
                  int      *month,
                  int      *mday)
{
  GDate date;

  g_return_if_fail (day != CIVIC_DAY_INVALID);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (year != NULL)
    *year = g_date_get_year (&date);
  if (month != NULL)
    *month = g_date_get_month (&date);
  if (mday != NULL)
    *mday = g_date_get_day (&date);
}

int
civic_day_get_year (CivicDay day)
{
  int year = 0;

  civic_day_to_ymd (day, &year, NULL, NULL);
  return year;
}

GDateWeekday
civic_day_weekday (CivicDay day)
{
  /* Julian day 1 (0001-01-01) was a Monday in the proleptic Gregorian
   * calendar GDate uses. */
  g_return_val_if_fail (day != CIVIC_DAY_INVALID, G_DATE_BAD_WEEKDAY);

  return (GDateWeekday) ((day - 1) % 7 + 1);
}

gboolean
civic_day_is_weekend (CivicDay day)
{
  GDateWeekday wd = civic_day_weekday (day);

  return wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY;
}

static gboolean
parse_digits (const char *text,
              int         n,
              int        *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

/**
 * civic_day_parse:
 * @text: a date written YYYY-MM-DD, exactly
 *
 * Returns: %TRUE and the day in @out_day if @text is a real date.
 */
gboolean
civic_day_parse (const char *text,
                 CivicDay   *out_day)
{
  int y, m, d;
  CivicDay day;

  if (text == NULL)
    return FALSE;

  if (!parse_digits (text, 4, &y) || text[4] != '-' ||
      !parse_digits (text + 5, 2, &m) || text[7] != '-' ||
      !parse_digits (text + 8, 2, &d) || text[10] != '\0')
    return FALSE;

  day = civic_day_from_ymd (y, m, d);
  if (day == CIVIC_DAY_INVALID)
    return FALSE;

  if (out_day != NULL)
    *out_day = day;
  return TRUE;
}

/**
 * civic_day_format:
 *
 * Returns: (transfer full): the day as YYYY-MM-DD, the form used on the
 * wire, in data files and in legal notices alike.
 */
char *
civic_day_format (CivicDay day)
{
  int y, m, d;

  g_return_val_if_fail (day != CIVIC_DAY_INVALID, g_strdup ("—"));

  civic_day_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/**
 * civic_day_format_short:
 *
 * Returns: (transfer full): the day as MM-DD, for the second end of a range
 * within one year ("2025-10-01…10-08").
 */
char *
civic_day_format_short (CivicDay day)
{
  int m, d;

  g_return_val_if_fail (day != CIVIC_DAY_INVALID, g_strdup ("—"));

  civic_day_to_ymd (day, NULL, &m, &d);
  return g_strdup_printf ("%02d-%02d", m, d);
}

const char *
civic_day_weekday_name (CivicDay day)
{
  switch (civic_day_weekday (day))
    {
    case G_DATE_MONDAY: return _("Monday");
    case G_DATE_TUESDAY: return _("Tuesday");
    case G_DATE_WEDNESDAY: return _("Wednesday");
    case G_DATE_THURSDAY: return _("Thursday");
    case G_DATE_FRIDAY: return _("Friday");
    case G_DATE_SATURDAY: return _("Saturday");
    case G_DATE_SUNDAY: return _("Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:
      g_return_val_if_reached ("");
    }
}
