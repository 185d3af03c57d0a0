/* civic-calendar-notice.c — the State Council's holiday notice, read from its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-calendar"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-calendar-notice.h"
#include "civic-json.h"

/* Each November the State Council's General Office publishes the next
 * year's holidays (国务院办公厅关于YYYY年部分节假日安排的通知), one
 * paragraph a holiday:
 *
 *   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，
 *   共9天。2月14日（周六）、2月28日（周六）上班。
 *
 * An administrator pastes that text; this reads it into the calendar's
 * JSON (data/calendars/), each holiday with its festivals, first and last
 * day and the weekend days worked instead. Every day the text gives with
 * its weekday is checked against the calendar — a notice mistyped on the
 * way is refused, naming the day — and the result is loaded by the
 * calendar's own reader, whose checks it must pass too. The text is
 * never trusted to be more than text. */

#define MAX_NOTICE 64 * 1024

static const struct
{
  const char *name;
  const char *key;
} festival_names[] = {
  { "元旦", "new-year" },
  { "春节", "spring-festival" },
  { "清明节", "qingming" },
  { "清明", "qingming" },
  { "劳动节", "labour-day" },
  { "端午节", "dragon-boat" },
  { "中秋节", "mid-autumn" },
  { "国庆节", "national-day" },
};

static const char * const weekday_names[] = {
  NULL, "周一", "周二", "周三", "周四", "周五", "周六", "周日"
};

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CIVIC_CALENDAR_ERROR, CIVIC_CALENDAR_ERROR_INVALID,
               _("The notice could not be read: %s"), message);
  return FALSE;
}

/* The day of "2月15日（农历腊月二十八、周日）", its weekday checked when the
 * parenthesis names one */
static gboolean
read_day (GMatchInfo  *match,
          int          year,
          int          month_group,
          int          day_group,
          int          note_group,
          int          default_month,
          CivicDay    *out,
          GError     **error)
{
  g_autofree char *month_text = g_match_info_fetch (match, month_group);
  g_autofree char *day_text = g_match_info_fetch (match, day_group);
  g_autofree char *note = note_group > 0 ? g_match_info_fetch (match, note_group) : NULL;
  int month = month_text != NULL && *month_text != '\0' ? atoi (month_text) : default_month;
  int mday = atoi (day_text);
  CivicDay day;

  if (month < 1 || month > 12 || mday < 1 || mday > 31 ||
      !g_date_valid_dmy (mday, month, year))
    return invalid (error, _("%d月%d日 is no day of %d"), month, mday, year);
  day = civic_day_from_ymd (year, month, mday);
  if (note != NULL)
    for (guint w = 1; w < G_N_ELEMENTS (weekday_names); w++)
      if (strstr (note, weekday_names[w]) != NULL && civic_day_weekday (day) != (GDateWeekday) w)
        return invalid (error, _("%d月%d日 is not a %s"), month, mday, weekday_names[w]);
  *out = day;
  return TRUE;
}

static void
add_day (JsonArray *array,
         CivicDay   day)
{
  g_autofree char *text = civic_day_format (day);

  json_array_add_string_element (array, text);
}

/* One paragraph: "二、春节：…放假调休，共9天。…上班。" */
static gboolean
read_paragraph (const char  *line,
                int          year,
                JsonArray   *holidays,
                GError     **error)
{
  static GRegex *range, *day_re;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree char *names = NULL;
  g_autofree char *start_month_text = NULL;
  g_autofree char *end_day_text = NULL;
  const char *colon = strstr (line, "：");
  const char *body, *rest, *worked;
  JsonObject *holiday;
  JsonArray *festivals, *workdays;
  CivicDay start, end;
  int start_month, match_end = 0;

  if (g_once_init_enter (&range))
    {
      day_re = g_regex_new ("(?:(\\d{1,2})月)?(\\d{1,2})日(?:（([^）]*)）)?", G_REGEX_OPTIMIZE, 0,
                            NULL);
      g_once_init_leave (&range,
                         g_regex_new ("(\\d{1,2})月(\\d{1,2})日(?:（([^）]*)）)?"
                                      "(?:至(?:(\\d{1,2})月)?(\\d{1,2})日(?:（([^）]*)）)?)?"
                                      "放假", G_REGEX_OPTIMIZE, 0, NULL));
    }
  if (colon == NULL)
    return TRUE;
  names = g_strndup (line, colon - line);
  /* The festivals in the order the paragraph names them: 国庆节、中秋节 */
  for (const char *at = names; *at != '\0'; at = g_utf8_next_char (at))
    for (guint i = 0; i < G_N_ELEMENTS (festival_names); i++)
      if (g_str_has_prefix (at, festival_names[i].name) &&
          !g_ptr_array_find_with_equal_func (keys, festival_names[i].key, g_str_equal, NULL))
        g_ptr_array_add (keys, (gpointer) festival_names[i].key);
  if (keys->len == 0)
    return TRUE;   /* not a holiday's paragraph: the preamble, the closing words */

  body = colon + strlen ("：");
  if (!g_regex_match (range, body, 0, &match))
    return invalid (error, _("“%s” gives no days off"), names);
  if (!read_day (match, year, 1, 2, 3, 0, &start, error))
    return FALSE;
  start_month_text = g_match_info_fetch (match, 1);
  start_month = atoi (start_month_text);
  end_day_text = g_match_info_fetch (match, 5);
  end = start;
  if (end_day_text != NULL && *end_day_text != '\0' &&
      !read_day (match, year, 4, 5, 6, start_month, &end, error))
    return FALSE;
  if (end < start || end - start > 30)
    return invalid (error, _("the days off of “%s” run backwards or too long"), names);
  g_match_info_fetch_pos (match, 0, NULL, &match_end);

  /* The weekend days worked instead: the days the sentence that ends in
   * 上班 names */
  workdays = json_array_new ();
  rest = body + match_end;
  worked = strstr (rest, "上班");
  if (worked != NULL)
    {
      g_autofree char *sentence = g_strndup (rest, worked - rest);
      const char *last_stop = g_strrstr (sentence, "。");
      g_autoptr(GMatchInfo) days = NULL;

      g_regex_match (day_re, last_stop != NULL ? last_stop : sentence, 0, &days);
      while (g_match_info_matches (days))
        {
          CivicDay day;

          if (!read_day (days, year, 1, 2, 3, start_month, &day, error))
            {
              json_array_unref (workdays);
              return FALSE;
            }
          add_day (workdays, day);
          g_match_info_next (days, NULL);
        }
    }

  holiday = json_object_new ();
  festivals = json_array_new ();
  for (guint i = 0; i < keys->len; i++)
    json_array_add_string_element (festivals, g_ptr_array_index (keys, i));
  json_object_set_array_member (holiday, "festivals", festivals);
  {
    g_autofree char *first = civic_day_format (start);
    g_autofree char *last = civic_day_format (end);

    json_object_set_string_member (holiday, "start", first);
    json_object_set_string_member (holiday, "end", last);
  }
  json_object_set_array_member (holiday, "workdays", workdays);
  json_array_add_object_element (holidays, holiday);
  return TRUE;
}

/**
 * civic_calendar_notice_parse:
 * @text: the notice as published, or its paragraphs
 * @year: the year it arranges; 0 to read it from the title
 * @number: (nullable): its document number (国办发明电〔2024〕12号)
 * @issued: (nullable): the day it was issued, as 2024-11-12
 *
 * Returns: (transfer full) (nullable): the year's calendar as
 * `data/calendars/CN-YYYY.json` holds it, checked by the calendar's
 * reader; %NULL with %CIVIC_CALENDAR_ERROR_INVALID naming what is wrong
 */
JsonNode *
civic_calendar_notice_parse (const char  *text,
                             int          year,
                             const char  *number,
                             const char  *issued,
                             GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(CivicCalendar) check = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *title = NULL;
  JsonArray *holidays = json_array_new ();
  JsonNode *node;

  if (text == NULL || strlen (text) > MAX_NOTICE || !g_utf8_validate (text, -1, NULL))
    {
      json_array_unref (holidays);
      invalid (error, _("give the notice’s text, in UTF-8, at most 64 KiB"));
      return NULL;
    }
  if (year <= 0)
    {
      const char *about = strstr (text, "关于");

      if (about != NULL)
        year = atoi (about + strlen ("关于"));
      if (year < 2000 || year > 2200)
        {
          json_array_unref (holidays);
          invalid (error, _("name the year the notice arranges"));
          return NULL;
        }
    }
  lines = g_strsplit_set (text, "\n\r", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!read_paragraph (g_strstrip (lines[i]), year, holidays, error))
      {
        json_array_unref (holidays);
        return NULL;
      }
  if (json_array_get_length (holidays) == 0)
    {
      json_array_unref (holidays);
      invalid (error, _("it names no holiday"));
      return NULL;
    }

  title = g_strdup_printf ("国务院办公厅关于%d年部分节假日安排的通知", year);
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "region", "CN");
  civic_json_set_int (builder, "year", year);
  json_builder_set_member_name (builder, "notice");
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "number", number != NULL ? number : "");
  civic_json_set_string (builder, "title", title);
  if (issued != NULL)
    civic_json_set_string (builder, "issued", issued);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "holidays");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), holidays));
  json_array_unref (holidays);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  /* What the calendar itself would refuse, refused here */
  check = civic_calendar_new ("CN");
  if (!civic_calendar_load_node (check, node, title, error))
    {
      json_node_unref (node);
      return NULL;
    }
  return node;
}

/**
 * civic_calendar_diff:
 *
 * Returns: (transfer full) (element-type CivicCalendarChange): the days of
 * @year whose kind @after makes different from @before: a holiday added
 * or moved, a weekend worked
 */
GArray *
civic_calendar_diff (CivicCalendar *before,
                     CivicCalendar *after,
                     int            year)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (CivicCalendarChange));
  CivicDay first = civic_day_from_ymd (year, 1, 1);
  CivicDay last = civic_day_from_ymd (year, 12, 31);

  for (CivicDay day = first; day <= last; day++)
    {
      CivicCalendarChange change = {
        day,
        civic_calendar_classify (before, day, NULL, NULL),
        civic_calendar_classify (after, day, NULL, NULL),
      };

      if (change.before != change.after)
        g_array_append_val (changes, change);
    }
  return changes;
}
