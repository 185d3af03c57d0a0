/* test-json.c — the strict wire-format readers and the one clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"

static JsonObject *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonObject *object = civic_json_parse_object (text, -1, &error);

  g_assert_no_error (error);
  return object;
}

static void
test_parse_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  node = civic_json_parse ("{\"a\": ", -1, &error);
  g_assert_null (node);
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
  g_clear_error (&error);

  node = civic_json_parse ("\"\xff\xfe\"", -1, &error);
  g_assert_null (node);
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "The text is not valid UTF-8");
  g_clear_error (&error);

  node = civic_json_parse ("", -1, &error);
  g_assert_null (node);
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
  g_clear_error (&error);

  object = civic_json_parse_object ("[1]", -1, &error);
  g_assert_null (object);
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE);
}

/* A text of @levels nested openings of @open, closed or not. */
static char *
nested (const char *open,
        const char *close,
        guint       levels)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    g_string_append (text, open);
  g_string_append (text, "1");
  for (guint i = 0; close != NULL && i < levels; i++)
    g_string_append (text, close);
  return g_string_free (text, FALSE);
}

static void
test_bounds (void)
{
  static const char *nul_texts[] = {
    "{\"password\": \"demo\\u0000garbage\"}",
    "[\"\\u0000\"]",
    "{\"a\\u0000b\": 1}",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *deepest = nested ("[", "]", CIVIC_JSON_MAX_DEPTH);
  g_autofree char *too_deep = nested ("[", "]", CIVIC_JSON_MAX_DEPTH + 1);
  g_autofree char *attack = nested ("{\"a\":", NULL, 75000);
  g_autofree char *brackets = nested ("[", NULL, 75000);
  g_autoptr(CivicCalendar) calendar = NULL;

  /* 64 levels parse; 65 do not, closed or not, whatever the brackets */
  node = civic_json_parse (deepest, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_clear_pointer (&node, json_node_unref);

  node = civic_json_parse (too_deep, -1, &error);
  g_assert_null (node);
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "The JSON text nests deeper than 64 levels");
  g_clear_error (&error);

  /* The bodies that used to overflow a worker's stack: 150 KB */
  g_assert_cmpuint (strlen (brackets), ==, 75001);
  node = civic_json_parse (brackets, -1, &error);
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_LIMIT);
  g_clear_error (&error);
  node = civic_json_parse (attack, -1, &error);
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_LIMIT);
  g_clear_error (&error);

  /* What json-glib takes besides strict JSON — comments, single quotes —
   * is refused before it: a quote inside them would hide what follows
   * from the count (a security review found "/\"/" before 100 000 "[") */
  {
    const char *prefixes[] = { "/\"/", "['\"',", "[/*\"*/", "// \"\n" };

    for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
      {
        g_autofree char *text = g_strconcat (prefixes[i], brackets, NULL);
        g_autofree char *nul = g_strconcat (prefixes[i],
                                            "{\"username\":\"x\",\"password\":\"a\\u0000b\"}", NULL);

        node = civic_json_parse (text, -1, &error);
        g_assert_null (node);
        g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
        g_clear_error (&error);
        node = civic_json_parse (nul, -1, &error);
        g_assert_null (node);
        g_assert_nonnull (error);
        g_clear_error (&error);
      }
    /* Escapes JSON does not have, which json-glib decodes into bytes that
     * are not text or into a NUL (found by fuzzing) */
    {
      const char *bad[] = { "[\"\\377\"]", "[\"demo\\0x\"]", "[\"\\ud83cx\"]",
                            "[\"\\ua个\"]", "[\"\\udc00\"]", "[\"\\x41\"]", "[\"a\tb\"]" };

      for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
        {
          node = civic_json_parse (bad[k], -1, &error);
          g_assert_null (node);
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
      node = civic_json_parse ("[\"\\ud83c\\udf4e \\u4e2d\\n\\/\"]", -1, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_array_get_string_element (json_node_get_array (node), 0), ==,
                       "🍎 中\n/");
      g_clear_pointer (&node, json_node_unref);
    }
    node = civic_json_parse ("{'a': 1}", -1, &error);
    g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
    g_clear_error (&error);
    node = civic_json_parse (" [1.5e-3, -2, true, false, null] ", -1, &error);
    g_assert_no_error (error);
    g_clear_pointer (&node, json_node_unref);
  }

  /* Brackets inside strings are text, not depth */
  {
    g_autofree char *inner = nested ("[", NULL, 500);
    g_autofree char *text = g_strdup_printf ("{\"note\": \"%s\\\"{{\"}", inner);

    node = civic_json_parse (text, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (json_object_get_string_member (json_node_get_object (node),
                                                             "note")), ==, 504);
    g_clear_pointer (&node, json_node_unref);
  }

  /* NUL, escaped or raw, anywhere: a string cut at it would read as
   * something else. An escaped backslash before "u0000" is not one. */
  for (guint i = 0; i < G_N_ELEMENTS (nul_texts); i++)
    {
      node = civic_json_parse (nul_texts[i], -1, &error);
      g_assert_null (node);
      g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_LIMIT);
      g_assert_cmpstr (error->message, ==, "Text may not contain the NUL character");
      g_clear_error (&error);
    }
  node = civic_json_parse ("[\"a\0b\"]", 7, &error);
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_LIMIT);
  g_clear_error (&error);
  node = civic_json_parse ("[\"\\\\u0000\"]", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (node), 0), ==,
                   "\\u0000");
  g_clear_pointer (&node, json_node_unref);

  /* Size: refused before a byte is parsed */
  g_assert_false (civic_json_check_bounds ("", CIVIC_JSON_MAX_SIZE + 1, &error));
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_LIMIT);
  g_clear_error (&error);

  /* Calendar files go the same way */
  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);
  g_assert_false (civic_calendar_load_data (calendar, brackets, -1, "deep.json", &error));
  g_assert_error (error, CIVIC_CALENDAR_ERROR, CIVIC_CALENDAR_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "deep.json: The JSON text nests deeper than 64 levels");
}

static void
test_readers (void)
{
  g_autoptr(JsonObject) object = parse ("{\"name\": \"许可\", \"blank\": \"  \u3000\", "
                                        "\"n\": 7, \"f\": 1.5, \"b\": true, "
                                        "\"day\": \"2026-03-02\", "
                                        "\"at\": \"2026-03-02T09:30:00+08:00\", "
                                        "\"list\": [\"a\", \"b\"], \"mixed\": [\"a\", 1], "
                                        "\"nothing\": null, \"unit\": \"calendar-days\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_auto(GStrv) list = NULL;
  g_auto(GStrv) mixed = NULL;
  const char *text;
  gint64 n;
  gboolean b = FALSE;
  CivicDay d;
  int unit;

  g_assert_true (civic_json_get_string (object, "name", TRUE, &text, &error));
  g_assert_cmpstr (text, ==, "许可");

  g_assert_false (civic_json_get_text (object, "blank", TRUE, &text, &error));
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "“blank” must not be empty");
  g_clear_error (&error);
  g_assert_true (civic_json_get_text (object, "blank", FALSE, &text, &error));
  g_assert_null (text);

  g_assert_false (civic_json_get_string (object, "missing", TRUE, &text, &error));
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_false (civic_json_get_string (object, "nothing", TRUE, &text, &error));
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_true (civic_json_get_string (object, "missing", FALSE, &text, &error));
  g_assert_null (text);

  g_assert_true (civic_json_get_int (object, "n", TRUE, 0, 10, &n, &error));
  g_assert_cmpint (n, ==, 7);
  g_assert_false (civic_json_get_int (object, "n", TRUE, 8, 10, &n, &error));
  g_assert_cmpstr (error->message, ==, "“n” must lie between 8 and 10");
  g_clear_error (&error);
  g_assert_false (civic_json_get_int (object, "f", TRUE, 0, 10, &n, &error));
  g_assert_cmpstr (error->message, ==, "“f” must be a whole number");
  g_clear_error (&error);
  g_assert_false (civic_json_get_int (object, "name", TRUE, 0, 10, &n, &error));
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE);
  g_clear_error (&error);

  g_assert_true (civic_json_get_bool (object, "b", TRUE, &b, &error));
  g_assert_true (b);
  g_assert_false (civic_json_get_bool (object, "n", TRUE, &b, &error));
  g_clear_error (&error);

  g_assert_true (civic_json_get_day (object, "day", TRUE, &d, &error));
  g_assert_cmpint (civic_day_weekday (d), ==, G_DATE_MONDAY);
  g_assert_false (civic_json_get_day (object, "at", TRUE, &d, &error));
  g_assert_cmpstr (error->message, ==, "“at” must be a date written YYYY-MM-DD");
  g_clear_error (&error);

  g_assert_true (civic_json_get_instant (object, "at", TRUE, &at, &error));
  g_assert_cmpint (g_date_time_get_hour (at), ==, 1);
  g_assert_cmpint (g_date_time_get_utc_offset (at), ==, 0);
  g_assert_false (civic_json_get_instant (object, "day", TRUE, &at, &error));
  g_clear_error (&error);

  g_assert_true (civic_json_get_enum (object, "unit", TRUE, CIVIC_TYPE_CLOCK_UNIT, &unit,
                                      &error));
  g_assert_cmpint (unit, ==, CIVIC_CLOCK_UNIT_CALENDAR_DAYS);
  g_assert_false (civic_json_get_enum (object, "name", TRUE, CIVIC_TYPE_CLOCK_UNIT, &unit,
                                       &error));
  g_assert_cmpstr (error->message, ==, "“许可” is not a valid value for “name”");
  g_clear_error (&error);

  g_assert_true (civic_json_get_strv (object, "list", TRUE, &list, &error));
  g_assert_cmpuint (g_strv_length (list), ==, 2);
  g_assert_false (civic_json_get_strv (object, "mixed", TRUE, &mixed, &error));
  g_assert_cmpstr (error->message, ==, "“mixed” must be a list of strings");
}

static void
test_time_pin_and_format (void)
{
  g_autoptr(GDateTime) pinned = civic_time_parse ("2026-03-02T09:30:00+08:00");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) late = civic_time_parse ("2026-03-02T23:30:00+08:00");
  g_autoptr(GDateTime) plain = civic_time_parse ("2026-03-02");
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;

  g_assert_nonnull (pinned);
  civic_time_pin (pinned);
  g_assert_true (civic_time_is_pinned ());

  now = civic_time_now ();
  text = civic_time_format (now);
  g_assert_cmpstr (text, ==, "2026-03-02T01:30:00.000Z");
  today = civic_day_format (civic_time_today ());
  g_assert_cmpstr (today, ==, "2026-03-02");

  /* 23:30 in Changsha is still the 2nd there, though 15:30 UTC. */
  g_assert_cmpint (civic_time_day_of (late), ==, civic_time_today ());

  /* A bare date means the offices' opening time. */
  g_clear_pointer (&text, g_free);
  text = civic_time_format (plain);
  g_assert_cmpstr (text, ==, "2026-03-02T01:00:00.000Z");

  g_assert_null (civic_time_parse ("2026-W10-1"));
  g_assert_null (civic_time_parse ("yesterday"));
  g_assert_null (civic_time_parse ("2026-03-02T09:30"));

  civic_time_pin (NULL);
  g_assert_false (civic_time_is_pinned ());
}

static CivicJsonSpan
span_of (const char *text)
{
  return (CivicJsonSpan) { text, strlen (text) };
}

static void
test_scan (void)
{
  static const char *page =
    "{\"changes\":[{\"seq\":17,\"type\":\"case\",\"id\":\"a\\\"b\",\"deleted\":false,"
    "\"data\":{\"x\":[1,{\"y\":\"}]\"}],\"summary\":{\"due\":\"2026-03-18\"}}} , "
    "{\"seq\":-3,\"data\":null}],\"next\":17,\"more\":true}";
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (CivicJsonSpan));
  g_autoptr(GError) error = NULL;
  CivicJsonSpan value, data, summary, due;
  gint64 n;
  gboolean b;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unicode = NULL;

  g_assert_true (civic_json_span_check (span_of (page), &error));
  g_assert_true (civic_json_span_member (span_of (page), "changes", &value, &error));
  g_assert_true (civic_json_span_elements (value, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);

  g_assert_true (civic_json_span_member (g_array_index (changes, CivicJsonSpan, 0), "seq", &value,
                                         NULL));
  g_assert_true (civic_json_span_get_int (value, &n));
  g_assert_cmpint (n, ==, 17);
  g_assert_true (civic_json_span_member (g_array_index (changes, CivicJsonSpan, 0), "id", &value,
                                         NULL));
  id = civic_json_span_dup_string (value);
  g_assert_cmpstr (id, ==, "a\"b");
  g_assert_true (civic_json_span_member (g_array_index (changes, CivicJsonSpan, 0), "deleted",
                                         &value, NULL));
  g_assert_true (civic_json_span_get_bool (value, &b));
  g_assert_false (b);

  /* The data comes back as the text it was, braces in strings and all. */
  g_assert_true (civic_json_span_member (g_array_index (changes, CivicJsonSpan, 0), "data", &data,
                                         NULL));
  text = g_strndup (data.start, data.length);
  g_assert_cmpstr (text, ==, "{\"x\":[1,{\"y\":\"}]\"}],\"summary\":{\"due\":\"2026-03-18\"}}");
  g_assert_true (civic_json_span_member (data, "summary", &summary, NULL));
  g_assert_true (civic_json_span_member (summary, "due", &due, NULL));
  g_assert_cmpuint (due.length, ==, 12);
  g_assert_false (civic_json_span_member (data, "missing", &value, &error));
  g_assert_no_error (error);

  g_assert_true (civic_json_span_member (g_array_index (changes, CivicJsonSpan, 1), "data", &value,
                                         NULL));
  g_assert_true (civic_json_span_is_null (value));

  unicode = civic_json_span_dup_string (span_of ("\"\\u98df\\u54c1 \\ud83d\\ude00\\n\""));
  g_assert_cmpstr (unicode, ==, "食品 😀\n");
  g_assert_null (civic_json_span_dup_string (span_of ("\"bad \\x\"")));
  g_assert_false (civic_json_span_get_int (span_of ("1.5"), &n));

  {
    static const char *broken[] = {
      "{\"a\":", "{\"a\" 1}", "[1,,2]", "{\"a\":1,}", "[\"unterminated", "]", "{\"a\":1}}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
      {
        g_autoptr(GError) broken_error = NULL;

        g_test_message ("%s", broken[i]);
        g_assert_false (civic_json_span_check (span_of (broken[i]), &broken_error));
        g_assert_error (broken_error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
      }
  }
}

static void
test_scan_members (void)
{
  static const char * const names[] = { "next", "changes", "more", "absent", NULL };
  static const char *page = " {\"next\":42 ,\"more\":false,  \"changes\":[{\"a\":\"x\"}],"
                            "\"next\":7} ";
  CivicJsonSpan values[4];
  g_autoptr(GError) error = NULL;
  gint64 n;
  gboolean b = TRUE;

  g_assert_true (civic_json_span_members (span_of (page), names, values, &error));
  g_assert_no_error (error);
  /* The first of a member given twice. */
  g_assert_true (civic_json_span_get_int (values[0], &n));
  g_assert_cmpint (n, ==, 42);
  g_assert_cmpuint (values[1].length, ==, strlen ("[{\"a\":\"x\"}]"));
  g_assert_true (civic_json_span_get_bool (values[2], &b));
  g_assert_false (b);
  g_assert_null (values[3].start);

  g_assert_true (civic_json_span_members (span_of ("{}"), names, values, &error));
  g_assert_null (values[0].start);

  /* Exactly one object: nothing after it, nothing broken in it. */
  g_assert_false (civic_json_span_members (span_of ("{\"next\":1} x"), names, values, &error));
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
  g_clear_error (&error);
  g_assert_false (civic_json_span_members (span_of ("[1]"), names, values, &error));
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
  g_clear_error (&error);
  g_assert_false (civic_json_span_members (span_of ("{\"next\":\"a\nb\"}"), names, values,
                                           &error));
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
}

/* An index of a page gives the spans the scanner gives, read from the
 * index, and takes exactly the texts the scanner takes. */
static void
test_scan_index (void)
{
  static const char *page =
    " {\"changes\":[{\"seq\":17,\"type\":\"case\",\"i\\u0064\":\"a\\\"b\",\"deleted\":false,"
    "\"data\":{\"x\":[1,{\"y\":\"}]\"}],\"summary\":{\"due\":\"2026-03-18\"}}} , "
    "{\"seq\":-3,\"data\":null}, [], {}],\"next\":17,\"more\":true} \n";
  static const char * const names[] = { "seq", "id", "data", "absent", NULL };
  static const char *broken[] = {
    "", " ", "{\"a\":", "{\"a\" 1}", "[1,,2]", "{\"a\":1,}", "[\"unterminated", "]",
    "{\"a\":1}}", "{\"a\":1} x", "{\"a\":\"b\nc\"}", "{1:2}",
  };
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (CivicJsonSpan));
  g_autoptr(GArray) plain_changes = g_array_new (FALSE, FALSE, sizeof (CivicJsonSpan));
  g_autoptr(CivicJsonIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  CivicJsonSpan root, value, plain, values[4], plain_values[4], summary, due;
  g_autofree char *id = NULL;
  gint64 n;

  index = civic_json_index_new (span_of (page), &error);
  g_assert_no_error (error);
  root = civic_json_index_get_root (index);
  g_assert_nonnull (root.token);
  g_assert_true (root.start == page + 1);
  g_assert_cmpuint (root.length, ==, strlen (page) - 3);
  g_assert_true (civic_json_span_check (root, NULL));

  g_assert_true (civic_json_span_member (root, "changes", &value, &error));
  g_assert_nonnull (value.token);
  g_assert_true (civic_json_span_member (span_of (page), "changes", &plain, &error));
  g_assert_true (value.start == plain.start && value.length == plain.length);
  g_assert_true (civic_json_span_elements (value, changes, &error));
  g_assert_true (civic_json_span_elements (plain, plain_changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpuint (plain_changes->len, ==, 4);

  for (guint i = 0; i < changes->len; i++)
    {
      CivicJsonSpan change = g_array_index (changes, CivicJsonSpan, i);
      CivicJsonSpan plain_change = g_array_index (plain_changes, CivicJsonSpan, i);

      g_assert_true (change.start == plain_change.start);
      g_assert_cmpuint (change.length, ==, plain_change.length);
      if (i == 2)
        {
          /* An array is not an object, indexed or not */
          g_assert_false (civic_json_span_members (change, names, values, &error));
          g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
          g_clear_error (&error);
          continue;
        }
      g_assert_true (civic_json_span_members (change, names, values, NULL));
      g_assert_true (civic_json_span_members (plain_change, names, plain_values, NULL));
      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        {
          g_assert_true (values[j].start == plain_values[j].start);
          g_assert_cmpuint (values[j].length, ==, plain_values[j].length);
          g_assert_true ((values[j].token != NULL) == (values[j].start != NULL));
        }
    }

  /* An escaped name is still its name; the value is the text it was */
  civic_json_span_members (g_array_index (changes, CivicJsonSpan, 0), names, values, NULL);
  g_assert_true (civic_json_span_get_int (values[0], &n));
  g_assert_cmpint (n, ==, 17);
  id = civic_json_span_dup_string (values[1]);
  g_assert_cmpstr (id, ==, "a\"b");
  g_assert_true (civic_json_span_member (values[2], "summary", &summary, NULL));
  g_assert_true (civic_json_span_member (summary, "due", &due, NULL));
  g_assert_cmpuint (due.length, ==, 12);
  g_assert_false (civic_json_span_member (values[2], "missing", &value, &error));
  g_assert_no_error (error);
  g_assert_null (values[3].start);

  /* A member not found is a span of nothing: no value, no object, no
   * list, and no undefined arithmetic on its NULL start */
  {
    CivicJsonSpan nothing = { NULL, };
    g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (CivicJsonSpan));
    g_autoptr(GError) nothing_error = NULL;

    g_assert_false (civic_json_span_members (nothing, names, values, &nothing_error));
    g_assert_error (nothing_error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
    g_assert_null (values[0].start);
    g_assert_false (civic_json_span_elements (nothing, none, NULL));
    g_assert_false (civic_json_span_check (nothing, NULL));
    g_assert_null (civic_json_span_dup_string (nothing));
    g_assert_false (civic_json_span_get_int (nothing, &n));
    g_assert_null (civic_json_index_new (nothing, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) broken_error = NULL;
      g_autoptr(CivicJsonIndex) broken_index = civic_json_index_new (span_of (broken[i]),
                                                                     &broken_error);

      g_test_message ("%s", broken[i]);
      g_assert_null (broken_index);
      g_assert_error (broken_error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX);
      g_assert_false (civic_json_span_check (span_of (broken[i]), NULL));
    }
}

/* Strings are skipped eight bytes at a time: every position of a quote,
 * a backslash or a control character relative to those eight bytes gives
 * the same answer as json-glib. */
static void
test_scan_strings (void)
{
  static const char *specials[] = {
    "\\\"", "\\\\", "\\n", "\\u00e9", "食", "\"", "\n", "\\", "\x7f", "\xe2\x80\x9c",
  };

  for (guint special = 0; special < G_N_ELEMENTS (specials); special++)
    for (guint before = 0; before < 20; before++)
      for (guint after = 0; after < 12; after++)
        {
          g_autoptr(GString) text = g_string_new ("{\"k\":\"");
          g_autoptr(JsonParser) parser = json_parser_new ();
          CivicJsonSpan value;
          gboolean scanned, parsed;

          for (guint i = 0; i < before; i++)
            g_string_append_c (text, 'a' + i % 26);
          g_string_append (text, specials[special]);
          for (guint i = 0; i < after; i++)
            g_string_append_c (text, 'z' - i % 26);
          g_string_append (text, "\",\"end\":1}");

          scanned = civic_json_span_member (span_of (text->str), "end", &value, NULL);
          parsed = json_parser_load_from_data (parser, text->str, -1, NULL);
          /* json-glib lets a raw control character through; JSON does
           * not (RFC 8259, 7). */
          if (g_str_equal (specials[special], "\n"))
            parsed = FALSE;
          g_assert_cmpint (scanned, ==, parsed);
          if (scanned)
            g_assert_cmpint (value.length, ==, 1);
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/parse-errors", test_parse_errors);
  g_test_add_func ("/json/bounds", test_bounds);
  g_test_add_func ("/json/scan-index", test_scan_index);
  g_test_add_func ("/json/readers", test_readers);
  g_test_add_func ("/json/scan", test_scan);
  g_test_add_func ("/json/scan-members", test_scan_members);
  g_test_add_func ("/json/scan-strings", test_scan_strings);
  g_test_add_func ("/time/pin-and-format", test_time_pin_and_format);

  return g_test_run ();
}
