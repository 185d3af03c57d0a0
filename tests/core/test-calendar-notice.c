/* test-calendar-notice.c — the State Council's holiday notice, read from its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 2025 and 2026 notices, as published (law-and-rules.md §5), read
 * into exactly the calendars shipped in data/calendars/; a weekday
 * mistyped is refused naming the day; and a new notice's diff against
 * the calendar in force lists the days whose kind it changes.
 */

#include "config.h"

#include <string.h>

#include "civic-core-test.h"

static const char notice_2025[] =
  "国务院办公厅关于2025年部分节假日安排的通知\n"
  "国办发明电〔2024〕12号\n"
  "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
  "经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。\n"
  "一、元旦：1月1日（周三）放假1天，不调休。\n"
  "二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。\n"
  "三、清明节：4月4日（周五）至6日（周日）放假，共3天。\n"
  "四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。\n"
  "五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。\n"
  "六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。\n"
  "节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。\n";

static const char notice_2026[] =
  "国务院办公厅关于2026年部分节假日安排的通知\n"
  "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\n"
  "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。\n"
  "三、清明节：4月4日（周六）至6日（周一）放假，共3天。\n"
  "四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。\n"
  "五、端午节：6月19日（周五）至21日（周日）放假，共3天。\n"
  "六、中秋节：9月25日（周五）至27日（周日）放假，共3天。\n"
  "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。\n"
  "鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。\n";

static void
assert_shipped (const char *text,
                int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parsed = civic_calendar_notice_parse (text, 0, NULL, NULL, &error);
  g_autofree char *path = g_strdup_printf ("%s/CN-%d.json", g_getenv ("CIVICDESK_CALENDAR_DIR"),
                                           year);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) shipped = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (parsed);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (parsed), "year"), ==, year);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  shipped = civic_json_parse (contents, -1, NULL);
  ours = civic_json_to_string (json_object_get_member (json_node_get_object (parsed), "holidays"),
                               FALSE);
  theirs = civic_json_to_string (json_object_get_member (json_node_get_object (shipped),
                                                         "holidays"), FALSE);
  g_assert_cmpstr (ours, ==, theirs);
}

static void
test_shipped (void)
{
  assert_shipped (notice_2025, 2025);
  assert_shipped (notice_2026, 2026);
}

static void
test_mistyped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (notice_2026);
  g_autoptr(JsonNode) parsed = NULL;

  /* 5月9日 is a Saturday */
  g_string_replace (text, "5月9日（周六）", "5月9日（周日）", 1);
  parsed = civic_json_parse ("{}", -1, NULL);
  g_clear_pointer (&parsed, json_node_unref);
  parsed = civic_calendar_notice_parse (text->str, 0, NULL, NULL, &error);
  g_assert_null (parsed);
  g_assert_error (error, CIVIC_CALENDAR_ERROR, CIVIC_CALENDAR_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "5月9日"));

  g_clear_error (&error);
  parsed = civic_calendar_notice_parse ("关于2026年部分节假日安排的通知\n放假安排另行通知。", 0,
                                        NULL, NULL, &error);
  g_assert_null (parsed);
  g_assert_error (error, CIVIC_CALENDAR_ERROR, CIVIC_CALENDAR_ERROR_INVALID);
}

/* A notice that moves National Day's make-up day: two days change */
static void
test_diff (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (notice_2026);
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(CivicCalendar) before = civic_calendar_new_default ("CN", &error);
  g_autoptr(CivicCalendar) after = civic_calendar_new ("CN");
  g_autoptr(GArray) changes = NULL;
  CivicCalendarChange *first, *second;

  g_assert_no_error (error);
  g_string_replace (text, "9月20日（周日）、10月10日（周六）上班", "9月26日（周六）、10月10日（周六）上班", 1);
  g_string_replace (text, "六、中秋节：9月25日（周五）至27日（周日）放假，共3天。\n", "", 1);
  parsed = civic_calendar_notice_parse (text->str, 2026, "国办发明电〔2025〕9号", "2025-11-04",
                                        &error);
  g_assert_no_error (error);
  g_assert_true (civic_calendar_load_node (after, parsed, "test", &error));
  g_assert_no_error (error);
  changes = civic_calendar_diff (before, after, 2026);
  g_assert_cmpuint (changes->len, >=, 2);
  first = &g_array_index (changes, CivicCalendarChange, 0);
  assert_day_eq (first->day, "2026-09-20");
  g_assert_cmpint (first->before, ==, CIVIC_DAY_KIND_MAKEUP_WORKDAY);
  g_assert_cmpint (first->after, ==, CIVIC_DAY_KIND_WEEKEND);
  second = &g_array_index (changes, CivicCalendarChange, 1);
  assert_day_eq (second->day, "2026-09-25");
  g_assert_cmpint (second->before, ==, CIVIC_DAY_KIND_HOLIDAY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar-notice/shipped", test_shipped);
  g_test_add_func ("/calendar-notice/mistyped", test_mistyped);
  g_test_add_func ("/calendar-notice/diff", test_diff);
  return g_test_run ();
}
