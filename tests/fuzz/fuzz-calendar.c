/* fuzz-calendar.c — a holiday notice, as `calendar import` and the feed bring it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-core.h"
#include "civic-fuzz.h"

/* A notice comes from an administrator's file (`civicdesk-server calendar
 * import`), from the service's database, and to the client through the
 * feed; every due date of the year is then counted over it. Once it
 * loads, the calendar must keep its documented promises for that year,
 * and what the service stores of it (civic_calendar_year_to_json()) must
 * load again, unchanged. */

static void
check_year (CivicCalendar *calendar,
            int            year)
{
  g_autoptr(CivicCalendar) reloaded = civic_calendar_new ("CN");
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(JsonNode) restored = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  CivicDay first = civic_day_from_ymd (year, 1, 1);
  CivicDay last = civic_day_from_ymd (year, 12, 31);
  static const int lengths[] = { 1, 5, 20, 60 };

  for (CivicDay day = first; day <= last; day++)
    {
      g_autofree char *name = NULL;
      gboolean provisional;
      CivicDayKind kind = civic_calendar_classify (calendar, day, &name, &provisional);

      civic_fuzz_assert (civic_calendar_is_working_day (calendar, day) ==
                         (kind == CIVIC_DAY_KIND_WORKDAY ||
                          kind == CIVIC_DAY_KIND_MAKEUP_WORKDAY));
    }

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      CivicDay due = civic_calendar_add_working_days (calendar, first, lengths[i],
                                                      CIVIC_COUNT_DEFAULT, NULL);

      /* civic_calendar_working_days_between(): "For every n ≥ 1,
       * between (d, add (d, n)) is n." */
      civic_fuzz_assert (civic_calendar_working_days_between (calendar, first, due) == lengths[i]);
      civic_calendar_add_working_days (calendar, first, lengths[i], CIVIC_COUNT_START_DAY, NULL);
      civic_calendar_subtract_working_days (calendar, last, lengths[i], NULL);
    }
  civic_calendar_next_working_day (calendar, last);
  civic_calendar_working_day_on_or_after (calendar, first);
  notes = civic_calendar_explain (calendar, first - 1, last);
  civic_calendar_get_notice_title (calendar, year);
  civic_calendar_get_notice_number (calendar, year);

  stored = civic_calendar_year_to_json (calendar, year);
  civic_fuzz_assert (stored != NULL);
  text = civic_json_to_string (stored, FALSE);
  if (!civic_calendar_load_data (reloaded, text, -1, "stored", &error) &&
      civic_fuzz_known_bug (text))
    return;
  if (error != NULL)
    g_printerr ("The notice is stored as %s, which does not load again: %s\n",
                text, error->message);
  civic_fuzz_assert (error == NULL);

  restored = civic_calendar_year_to_json (reloaded, year);
  civic_fuzz_assert (restored != NULL);
  text_again = civic_json_to_string (restored, FALSE);
  civic_fuzz_assert (g_str_equal (text, text_again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CivicCalendar) calendar = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  calendar = civic_calendar_new ("CN-43");
  if (!civic_calendar_load_data (calendar, (const char *) data, size, "fuzz", &error))
    {
      civic_fuzz_assert (error != NULL && error->domain == CIVIC_CALENDAR_ERROR);
      return 0;
    }

  years = civic_calendar_get_years (calendar);
  for (guint i = 0; i < years->len; i++)
    check_year (calendar, g_array_index (years, int, i));

  /* Loading a notice for a year that has one is refused, and changes
   * nothing. */
  if (years->len > 0)
    {
      civic_fuzz_assert (!civic_calendar_load_data (calendar, (const char *) data, size, "again",
                                                    &error));
      civic_fuzz_assert (error != NULL);
    }

  return 0;
}
