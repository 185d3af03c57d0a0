/* test-calendar.c — working days, holidays and make-up days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"
#include "civic-core-test.h"

static CivicCalendar *national;

static void
test_day_parse (void)
{
  CivicDay d;

  g_assert_true (civic_day_parse ("2024-02-29", &d));
  assert_day_eq (d, "2024-02-29");
  g_assert_false (civic_day_parse ("2025-02-29", &d));
  g_assert_false (civic_day_parse ("2025-13-01", &d));
  g_assert_false (civic_day_parse ("2025-1-01", &d));
  g_assert_false (civic_day_parse ("2025-01-01T00:00", &d));
  g_assert_false (civic_day_parse ("", &d));
  g_assert_false (civic_day_parse (NULL, &d));

  g_assert_cmpint (civic_day_weekday (day ("2025-09-26")), ==, G_DATE_FRIDAY);
  g_assert_cmpint (civic_day_weekday (day ("2026-02-14")), ==, G_DATE_SATURDAY);
  g_assert_cmpint (civic_day_weekday (day ("2026-02-23")), ==, G_DATE_MONDAY);
  g_assert_true (civic_day_is_weekend (day ("2025-09-28")));
}

static void
test_worked_examples (void)
{
  gboolean provisional = TRUE;

  /* law-and-rules.md §1.3: spans the National Day break, with 09-28 (Sun)
   * and 10-11 (Sat) counted as working days. */
  assert_day_eq (civic_calendar_add_working_days (national, day ("2025-09-26"), 20,
                                                  CIVIC_COUNT_DEFAULT, &provisional),
                 "2025-10-30");
  g_assert_false (provisional);

  assert_day_eq (civic_calendar_add_working_days (national, day ("2026-02-10"), 20,
                                                  CIVIC_COUNT_DEFAULT, NULL),
                 "2026-03-16");

  g_assert_true (civic_calendar_is_working_day (national, day ("2026-02-14")));
  g_assert_true (civic_calendar_is_working_day (national, day ("2026-10-10")));
  g_assert_false (civic_calendar_is_working_day (national, day ("2026-02-23")));
}

static void
test_count_start_day (void)
{
  /* Counting the acceptance day itself moves the deadline one working day
   * earlier. */
  assert_day_eq (civic_calendar_add_working_days (national, day ("2025-09-26"), 20,
                                                  CIVIC_COUNT_START_DAY, NULL),
                 "2025-10-29");
  /* A start on a holiday is not a working day, so it cannot count. */
  assert_day_eq (civic_calendar_add_working_days (national, day ("2025-10-03"), 1,
                                                  CIVIC_COUNT_START_DAY, NULL),
                 "2025-10-09");
  assert_day_eq (civic_calendar_add_working_days (national, day ("2025-10-03"), 0,
                                                  CIVIC_COUNT_DEFAULT, NULL),
                 "2025-10-03");
}

static const struct
{
  const char *start;
  const char *end;
  const char *name;
} holidays[] = {
  { "2025-01-01", "2025-01-01", "New Year’s Day" },
  { "2025-01-28", "2025-02-04", "Spring Festival" },
  { "2025-04-04", "2025-04-06", "Qingming Festival" },
  { "2025-05-01", "2025-05-05", "Labour Day" },
  { "2025-05-31", "2025-06-02", "Dragon Boat Festival" },
  { "2025-10-01", "2025-10-08", "National Day and Mid-Autumn Festival" },
  { "2026-01-01", "2026-01-03", "New Year’s Day" },
  { "2026-02-15", "2026-02-23", "Spring Festival" },
  { "2026-04-04", "2026-04-06", "Qingming Festival" },
  { "2026-05-01", "2026-05-05", "Labour Day" },
  { "2026-06-19", "2026-06-21", "Dragon Boat Festival" },
  { "2026-09-25", "2026-09-27", "Mid-Autumn Festival" },
  { "2026-10-01", "2026-10-07", "National Day" },
};

static const struct
{
  const char *day;
  const char *name;
} makeup_days[] = {
  { "2025-01-26", "Spring Festival" },
  { "2025-02-08", "Spring Festival" },
  { "2025-04-27", "Labour Day" },
  { "2025-09-28", "National Day and Mid-Autumn Festival" },
  { "2025-10-11", "National Day and Mid-Autumn Festival" },
  { "2026-01-04", "New Year’s Day" },
  { "2026-02-14", "Spring Festival" },
  { "2026-02-28", "Spring Festival" },
  { "2026-05-09", "Labour Day" },
  { "2026-09-20", "National Day" },
  { "2026-10-10", "National Day" },
};

static gboolean
is_listed_holiday (CivicDay d)
{
  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    if (d >= day (holidays[i].start) && d <= day (holidays[i].end))
      return TRUE;
  return FALSE;
}

static gboolean
is_listed_makeup (CivicDay d)
{
  for (guint i = 0; i < G_N_ELEMENTS (makeup_days); i++)
    if (d == day (makeup_days[i].day))
      return TRUE;
  return FALSE;
}

static void
test_every_holiday_and_makeup_day (void)
{
  guint working = 0;

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    for (CivicDay d = day (holidays[i].start); d <= day (holidays[i].end); d++)
      {
        g_autofree char *name = NULL;
        gboolean provisional = TRUE;

        g_assert_cmpint (civic_calendar_classify (national, d, &name, &provisional), ==,
                         CIVIC_DAY_KIND_HOLIDAY);
        g_assert_cmpstr (name, ==, holidays[i].name);
        g_assert_false (provisional);
        g_assert_false (civic_calendar_is_working_day (national, d));
      }

  for (guint i = 0; i < G_N_ELEMENTS (makeup_days); i++)
    {
      g_autofree char *name = NULL;
      CivicDay d = day (makeup_days[i].day);

      g_assert_true (civic_day_is_weekend (d));
      g_assert_cmpint (civic_calendar_classify (national, d, &name, NULL), ==,
                       CIVIC_DAY_KIND_MAKEUP_WORKDAY);
      g_assert_cmpstr (name, ==, makeup_days[i].name);
      g_assert_true (civic_calendar_is_working_day (national, d));
    }

  /* Every other day of both years follows the weekly rule. */
  for (CivicDay d = day ("2025-01-01"); d <= day ("2026-12-31"); d++)
    {
      gboolean expected;

      if (is_listed_holiday (d))
        expected = FALSE;
      else if (is_listed_makeup (d))
        expected = TRUE;
      else
        expected = !civic_day_is_weekend (d);

      g_assert_cmpint (civic_calendar_is_working_day (national, d), ==, expected);
      working += expected;
    }

  /* 2025: 261 weekdays, 18 of them off, 5 make-up days → 248 working
   * days; 2026: 261 weekdays, 19 off, 6 make-up days → 248. */
  g_assert_cmpuint (working, ==, 248 + 248);
  g_assert_cmpint (civic_calendar_working_days_between (national, day ("2024-12-31"),
                                                        day ("2025-12-31")), ==, 248);
  g_assert_cmpint (civic_calendar_working_days_between (national, day ("2025-12-31"),
                                                        day ("2026-12-31")), ==, 248);
}

static void
test_property_add_then_count_back (void)
{
  for (CivicDay start = day ("2025-01-01"); start <= day ("2026-12-31"); start++)
    for (int n = 1; n <= 60; n++)
      {
        CivicDay due = civic_calendar_add_working_days (national, start, n,
                                                        CIVIC_COUNT_DEFAULT, NULL);

        g_assert_true (civic_calendar_is_working_day (national, due));
        g_assert_cmpint (civic_calendar_working_days_between (national, start, due), ==, n);
        g_assert_cmpint (civic_calendar_working_days_between (national, due, start), ==, -n);
        /* Counting back from a working day undoes counting forward. */
        if (civic_calendar_is_working_day (national, start))
          g_assert_cmpuint (civic_calendar_add_working_days (
                              national,
                              civic_calendar_subtract_working_days (national, start, n, NULL),
                              n, CIVIC_COUNT_DEFAULT, NULL), ==, start);
        /* The day before the due date is still short by one. */
        g_assert_cmpint (civic_calendar_working_days_between (national, start, due - 1), ==,
                         n - 1);
      }
}

static void
test_next_working_day (void)
{
  assert_day_eq (civic_calendar_next_working_day (national, day ("2025-09-30")), "2025-10-09");
  assert_day_eq (civic_calendar_next_working_day (national, day ("2026-02-13")), "2026-02-14");
  assert_day_eq (civic_calendar_next_working_day (national, day ("2026-02-14")), "2026-02-24");
  assert_day_eq (civic_calendar_next_working_day (national, day ("2025-12-31")), "2026-01-04");
  assert_day_eq (civic_calendar_working_day_on_or_after (national, day ("2026-10-02")),
                 "2026-10-08");
  assert_day_eq (civic_calendar_working_day_on_or_after (national, day ("2026-10-08")),
                 "2026-10-08");
}

static void
test_subtract (void)
{
  gboolean provisional = TRUE;

  /* Seven working days before Tue 2026-10-13: 10-12, 10-10 (Sat, worked),
   * 10-09, 10-08, the National Day break, 09-30, 09-29, 09-28. */
  assert_day_eq (civic_calendar_subtract_working_days (national, day ("2026-10-13"), 7,
                                                       &provisional), "2026-09-28");
  g_assert_false (provisional);
  assert_day_eq (civic_calendar_subtract_working_days (national, day ("2026-10-13"), 0, NULL),
                 "2026-10-13");
  civic_calendar_subtract_working_days (national, day ("2027-01-06"), 3, &provisional);
  g_assert_true (provisional);
}

static void
test_provisional_year (void)
{
  gboolean provisional = FALSE;
  g_autofree char *name = NULL;

  g_assert_false (civic_calendar_has_notice (national, 2027));
  g_assert_cmpint (civic_calendar_classify (national, day ("2027-01-01"), &name, &provisional),
                   ==, CIVIC_DAY_KIND_HOLIDAY);
  g_assert_cmpstr (name, ==, "New Year’s Day");
  g_assert_true (provisional);

  /* 1–2 May 2027 fall on a weekend; which weekday makes up for them
   * (放假办法 Art. 6) only the notice can say. */
  g_assert_false (civic_calendar_is_working_day (national, day ("2027-05-01")));
  g_assert_true (civic_calendar_is_working_day (national, day ("2027-05-03")));
  g_assert_false (civic_calendar_is_working_day (national, day ("2027-10-01")));
  /* Lunar holidays cannot be known without the notice: 2027-02-08 is an
   * ordinary Monday by the rule alone. */
  g_assert_true (civic_calendar_is_working_day (national, day ("2027-02-08")));

  /* 2026-12-30 + 3: 12-31 (Thu), 2027-01-01 skipped, 01-04 (Mon), 01-05. */
  assert_day_eq (civic_calendar_add_working_days (national, day ("2026-12-30"), 3,
                                                  CIVIC_COUNT_DEFAULT, &provisional),
                 "2027-01-05");
  g_assert_true (provisional);
  civic_calendar_add_working_days (national, day ("2026-12-01"), 3, CIVIC_COUNT_DEFAULT,
                                   &provisional);
  g_assert_false (provisional);
}

static void
test_explain (void)
{
  g_autoptr(GPtrArray) notes = civic_calendar_explain (national, day ("2025-09-26"),
                                                       day ("2025-10-30"));
  const CivicCalendarNote *note;

  g_assert_cmpuint (notes->len, ==, 3);

  note = g_ptr_array_index (notes, 0);
  g_assert_cmpint (note->kind, ==, CIVIC_CALENDAR_NOTE_MAKEUP_WORKDAY);
  assert_day_eq (note->start, "2025-09-28");

  note = g_ptr_array_index (notes, 1);
  g_assert_cmpint (note->kind, ==, CIVIC_CALENDAR_NOTE_HOLIDAY);
  assert_day_eq (note->start, "2025-10-01");
  assert_day_eq (note->end, "2025-10-08");
  g_assert_cmpstr (note->name, ==, "National Day and Mid-Autumn Festival");

  note = g_ptr_array_index (notes, 2);
  g_assert_cmpint (note->kind, ==, CIVIC_CALENDAR_NOTE_MAKEUP_WORKDAY);
  assert_day_eq (note->start, "2025-10-11");

  g_clear_pointer (&notes, g_ptr_array_unref);

  /* A range starting inside a holiday names only the part inside it, and a
   * year without its notice is flagged once. */
  notes = civic_calendar_explain (national, day ("2026-10-04"), day ("2027-01-10"));
  g_assert_cmpuint (notes->len, ==, 4);
  note = g_ptr_array_index (notes, 0);
  assert_day_eq (note->start, "2026-10-05");
  assert_day_eq (note->end, "2026-10-07");
  note = g_ptr_array_index (notes, 1);
  assert_day_eq (note->start, "2026-10-10");
  note = g_ptr_array_index (notes, 2);
  g_assert_cmpint (note->kind, ==, CIVIC_CALENDAR_NOTE_PROVISIONAL_YEAR);
  g_assert_cmpint (note->year, ==, 2027);
  note = g_ptr_array_index (notes, 3);
  g_assert_cmpint (note->kind, ==, CIVIC_CALENDAR_NOTE_HOLIDAY);
  assert_day_eq (note->start, "2027-01-01");
}

static void
test_notices (void)
{
  g_autoptr(GArray) years = civic_calendar_get_years (national);

  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2025);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2026);
  g_assert_cmpstr (civic_calendar_get_notice_number (national, 2025), ==,
                   "国办发明电〔2024〕12号");
  g_assert_cmpstr (civic_calendar_get_notice_title (national, 2026), ==,
                   "国务院办公厅关于2026年部分节假日安排的通知");
  /* The 2026 notice's number was not captured; none is better than a
   * made-up one. */
  g_assert_null (civic_calendar_get_notice_number (national, 2026));
}

static const struct
{
  const char *name;
  const char *json;
  const char *message;
} malformed[] = {
  { "garbage", "{ this is not json", "Not valid JSON" },
  { "array", "[1, 2]", "must hold a JSON object" },
  { "no region", "{\"year\": 2030, \"notice\": {\"title\": \"t\"}, \"holidays\": []}",
    "region is missing" },
  { "no year", "{\"region\": \"CN\", \"notice\": {\"title\": \"t\"}, \"holidays\": []}",
    "year is missing" },
  { "string year", "{\"region\": \"CN\", \"year\": \"2030\", \"notice\": {\"title\": \"t\"}, "
    "\"holidays\": []}", "year is missing" },
  { "no notice", "{\"region\": \"CN\", \"year\": 2030, \"holidays\": []}",
    "notice the dates come from is missing" },
  { "no holidays", "{\"region\": \"CN\", \"year\": 2030, \"notice\": {\"title\": \"t\"}}",
    "list of holidays is missing" },
  { "reversed", "{\"region\": \"CN\", \"year\": 2030, \"notice\": {\"title\": \"t\"}, "
    "\"holidays\": [{\"festivals\": [\"qingming\"], \"start\": \"2030-04-06\", "
    "\"end\": \"2030-04-04\"}]}", "ends before it starts" },
  { "bad date", "{\"region\": \"CN\", \"year\": 2030, \"notice\": {\"title\": \"t\"}, "
    "\"holidays\": [{\"festivals\": [\"qingming\"], \"start\": \"2030-02-30\", "
    "\"end\": \"2030-04-04\"}]}", "not a date" },
  { "other year", "{\"region\": \"CN\", \"year\": 2030, \"notice\": {\"title\": \"t\"}, "
    "\"holidays\": [{\"festivals\": [\"qingming\"], \"start\": \"2031-04-04\", "
    "\"end\": \"2031-04-04\"}]}", "outside the year 2030" },
  { "unknown festival", "{\"region\": \"CN\", \"year\": 2030, \"notice\": {\"title\": \"t\"}, "
    "\"holidays\": [{\"festivals\": [\"christmas\"], \"start\": \"2030-12-25\", "
    "\"end\": \"2030-12-25\"}]}", "not one of the statutory festivals" },
  { "weekday make-up", "{\"region\": \"CN\", \"year\": 2030, \"notice\": {\"title\": \"t\"}, "
    "\"holidays\": [{\"festivals\": [\"labour-day\"], \"start\": \"2030-05-01\", "
    "\"end\": \"2030-05-05\", \"workdays\": [\"2030-04-29\"]}]}", "is not a Saturday or Sunday" },
  { "overlapping", "{\"region\": \"CN\", \"year\": 2030, \"notice\": {\"title\": \"t\"}, "
    "\"holidays\": [{\"festivals\": [\"labour-day\"], \"start\": \"2030-05-01\", "
    "\"end\": \"2030-05-05\"}, {\"festivals\": [\"dragon-boat\"], \"start\": \"2030-05-05\", "
    "\"end\": \"2030-05-06\"}]}", "listed twice" },
  { "too long", "{\"region\": \"CN\", \"year\": 2030, \"notice\": {\"title\": \"t\"}, "
    "\"holidays\": [{\"festivals\": [\"labour-day\"], \"start\": \"2030-05-01\", "
    "\"end\": \"2030-07-05\"}]}", "longer than 31 days" },
  { "duplicate year", "{\"region\": \"CN\", \"year\": 2025, \"notice\": {\"title\": \"t\"}, "
    "\"holidays\": []}", "already loaded" },
};

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(CivicCalendar) calendar = NULL;
      g_autoptr(GError) error = NULL;
      gboolean loaded;

      calendar = civic_calendar_new_default ("CN", &error);
      g_assert_no_error (error);

      g_test_message ("case: %s", malformed[i].name);
      loaded = civic_calendar_load_data (calendar, malformed[i].json, -1, "test.json", &error);
      g_assert_false (loaded);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, malformed[i].message));
      g_assert_true (g_str_has_prefix (error->message, "test.json: "));

      /* Nothing of the bad notice was taken in. */
      g_assert_false (civic_calendar_has_notice (calendar, 2030));
      g_assert_true (civic_calendar_is_working_day (calendar, day ("2030-04-04")));
      g_assert_true (civic_calendar_is_working_day (calendar, day ("2030-05-06")));
      assert_day_eq (civic_calendar_add_working_days (calendar, day ("2025-09-26"), 20,
                                                      CIVIC_COUNT_DEFAULT, NULL),
                     "2025-10-30");
    }
}

static void
test_missing_file (void)
{
  g_autoptr(CivicCalendar) calendar = civic_calendar_new ("CN");
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_calendar_load_file (calendar, "/nonexistent/CN-2031.json", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static const char *spill_notice =
  "{\"region\": \"CN\", \"year\": 2024, \"notice\": {\"title\": \"2024\"}, "
  "\"holidays\": [{\"festivals\": [\"new-year\"], \"start\": \"2023-12-30\", "
  "\"end\": \"2024-01-01\"}]}";

static void
test_notice_reaching_into_previous_year (void)
{
  g_autoptr(CivicCalendar) calendar = civic_calendar_new ("CN");
  g_autoptr(GError) error = NULL;
  gboolean provisional;

  g_assert_true (civic_calendar_load_data (calendar, spill_notice, -1, "2024", &error));
  g_assert_no_error (error);

  /* 2023-12-30 is a Saturday anyway; 2024-01-01 is the Monday off. */
  g_assert_cmpint (civic_calendar_classify (calendar, day ("2023-12-30"), NULL, &provisional),
                   ==, CIVIC_DAY_KIND_HOLIDAY);
  g_assert_false (provisional);
  g_assert_cmpint (civic_calendar_classify (calendar, day ("2023-12-29"), NULL, &provisional),
                   ==, CIVIC_DAY_KIND_WORKDAY);
  g_assert_true (provisional);
  g_assert_false (civic_calendar_is_working_day (calendar, day ("2024-01-01")));
}

static const char *overlay =
  "{\"region\": \"CN-43-31\", \"kind\": \"overlay\", \"year\": 2026,"
  " \"notice\": {\"title\": \"湘西土家族苗族自治州节假日（测试数据）\"},"
  " \"holidays\": [{\"name\": {\"zh_CN\": \"地方节日\", \"en\": \"Local festival\"},"
  "   \"start\": \"2026-05-20\", \"end\": \"2026-05-21\"}]}";

static void
test_regional_overlay (void)
{
  g_autoptr(CivicCalendar) county = civic_calendar_new_default ("CN-43-31", NULL);
  g_autoptr(CivicCalendar) province = civic_calendar_new_default ("CN-43", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_true (civic_calendar_load_data (county, overlay, -1, "overlay", &error));
  g_assert_no_error (error);
  g_assert_true (civic_calendar_load_data (province, overlay, -1, "overlay", &error));
  g_assert_no_error (error);

  /* The county keeps its own holiday; the rest of the province does not. */
  g_assert_cmpint (civic_calendar_classify (county, day ("2026-05-20"), &name, NULL), ==,
                   CIVIC_DAY_KIND_HOLIDAY);
  g_assert_cmpstr (name, ==, "Local festival");
  g_assert_true (civic_calendar_is_working_day (province, day ("2026-05-20")));

  /* 2026-05-18 + 5: 19, (20, 21 off), 22, 25, 26, 27 → 05-27 vs 05-25. */
  assert_day_eq (civic_calendar_add_working_days (county, day ("2026-05-18"), 5,
                                                  CIVIC_COUNT_DEFAULT, NULL), "2026-05-27");
  assert_day_eq (civic_calendar_add_working_days (province, day ("2026-05-18"), 5,
                                                  CIVIC_COUNT_DEFAULT, NULL), "2026-05-25");
}

static void
test_year_json_round_trip (void)
{
  g_autoptr(CivicCalendar) copy = civic_calendar_new ("CN");
  g_autoptr(GError) error = NULL;

  for (int year = 2025; year <= 2026; year++)
    {
      g_autoptr(JsonNode) node = civic_calendar_year_to_json (national, year);

      g_assert_nonnull (node);
      g_assert_true (civic_calendar_load_node (copy, node, "copy", &error));
      g_assert_no_error (error);
    }

  g_assert_null (civic_calendar_year_to_json (national, 2024));

  for (CivicDay d = day ("2025-01-01"); d <= day ("2026-12-31"); d++)
    g_assert_cmpint (civic_calendar_classify (copy, d, NULL, NULL), ==,
                     civic_calendar_classify (national, d, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  national = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);

  g_test_add_func ("/calendar/day/parse", test_day_parse);
  g_test_add_func ("/calendar/worked-examples", test_worked_examples);
  g_test_add_func ("/calendar/count-start-day", test_count_start_day);
  g_test_add_func ("/calendar/every-holiday-and-makeup-day", test_every_holiday_and_makeup_day);
  g_test_add_func ("/calendar/property/add-then-count-back", test_property_add_then_count_back);
  g_test_add_func ("/calendar/next-working-day", test_next_working_day);
  g_test_add_func ("/calendar/subtract", test_subtract);
  g_test_add_func ("/calendar/provisional-year", test_provisional_year);
  g_test_add_func ("/calendar/explain", test_explain);
  g_test_add_func ("/calendar/notices", test_notices);
  g_test_add_func ("/calendar/malformed", test_malformed);
  g_test_add_func ("/calendar/missing-file", test_missing_file);
  g_test_add_func ("/calendar/notice-reaching-into-previous-year",
                   test_notice_reaching_into_previous_year);
  g_test_add_func ("/calendar/regional-overlay", test_regional_overlay);
  g_test_add_func ("/calendar/year-json-round-trip", test_year_json_round_trip);

  result = g_test_run ();
  g_clear_object (&national);
  return result;
}
