/* test-message-clocks.c — a region's time limits on citizens' messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The province's table (data/message-clocks/HN.json) read and checked;
 * each kind's limits counted across the 2026 holidays and their make-up
 * working days, by hand on data/calendars/CN-2026.json; one extension as
 * long as the limit and no more; a table with a fault refused whole,
 * naming where.
 */

#include "config.h"

#include "civic-core-test.h"

static CivicCalendar *calendar;
static CivicMessageClocks *clocks;

static CivicDay
due_of (CivicClock *clock,
        const char *today)
{
  g_autoptr(CivicClockReading) reading = civic_clock_read (clock, calendar, day (today), NULL);

  return reading->due;
}

static void
assert_due (CivicMessageKind  kind,
            CivicMessageStep  step,
            const char       *from,
            const char       *expected)
{
  g_autoptr(CivicClock) clock = civic_message_clocks_start (clocks, kind, step, day (from));

  assert_day_eq (due_of (clock, from), expected);
}

static void
test_table (void)
{
  const CivicMessageLimit *limit;

  g_assert_cmpstr (civic_message_clocks_get_region (clocks), ==, "HN");
  g_assert_cmpstr (civic_message_clocks_get_name (clocks), ==, "湖南省");

  limit = civic_message_clocks_get_limit (clocks, CIVIC_MESSAGE_KIND_COMPLAINT,
                                          CIVIC_MESSAGE_STEP_REPLY);
  g_assert_nonnull (limit);
  g_assert_cmpint (limit->limit, ==, 13);
  g_assert_cmpint (limit->unit, ==, CIVIC_CLOCK_UNIT_WORKING_DAYS);
  g_assert_cmpint (limit->from, ==, CIVIC_MESSAGE_CLOCK_FROM_RECEIVED);
  g_assert_nonnull (strstr (limit->source, "13个工作日"));

  limit = civic_message_clocks_get_limit (clocks, CIVIC_MESSAGE_KIND_HELP, CIVIC_MESSAGE_STEP_REPLY);
  g_assert_cmpint (limit->limit, ==, 3);

  /* the limits every message shares, the same for each kind */
  limit = civic_message_clocks_get_limit (clocks, CIVIC_MESSAGE_KIND_IDEA,
                                          CIVIC_MESSAGE_STEP_SEND_BACK);
  g_assert_cmpint (limit->limit, ==, 5);
  g_assert_cmpint (limit->from, ==, CIVIC_MESSAGE_CLOCK_FROM_TRANSFERRED);
  g_assert_nonnull (strstr (limit->source, "第二十三条"));
  g_assert_true (civic_message_clocks_get_limit (clocks, CIVIC_MESSAGE_KIND_CONSULTATION,
                                                 CIVIC_MESSAGE_STEP_RECTIFICATION)->limit == 5);

  /* reviewed replies, anonymity and extensions per kind */
  g_assert_true (civic_message_clocks_get_review (clocks, CIVIC_MESSAGE_KIND_COMPLAINT));
  g_assert_true (civic_message_clocks_get_review (clocks, CIVIC_MESSAGE_KIND_REPORT));
  g_assert_false (civic_message_clocks_get_review (clocks, CIVIC_MESSAGE_KIND_CONSULTATION));
  g_assert_true (civic_message_clocks_get_anonymous (clocks, CIVIC_MESSAGE_KIND_REPORT));
  g_assert_false (civic_message_clocks_get_anonymous (clocks, CIVIC_MESSAGE_KIND_COMPLAINT));
  g_assert_cmpint (civic_message_clocks_get_extension (clocks, CIVIC_MESSAGE_KIND_COMPLAINT)->limit,
                   ==, 13);
  g_assert_null (civic_message_clocks_get_extension (clocks, CIVIC_MESSAGE_KIND_IDEA));
}

/* Counted by hand on CN-2026.json; the day of the event is not counted */
static void
test_across_holidays (void)
{
  /* A complaint on the eve of National Day (1–7 Oct, Sat 10 Oct worked):
   * Oct 8, 9, 10, 12–16, 19–23 are the 13 working days */
  assert_due (CIVIC_MESSAGE_KIND_COMPLAINT, CIVIC_MESSAGE_STEP_REPLY, "2026-09-30", "2026-10-23");
  /* A question the Friday before the Spring Festival: Sat 14 Feb is
   * worked, 15–23 Feb are not */
  assert_due (CIVIC_MESSAGE_KIND_CONSULTATION, CIVIC_MESSAGE_STEP_SIGN_FOR, "2026-02-13",
              "2026-02-14");
  assert_due (CIVIC_MESSAGE_KIND_CONSULTATION, CIVIC_MESSAGE_STEP_REPLY, "2026-02-13",
              "2026-02-25");
  /* An objection to a transfer across Qingming (4–6 Apr) */
  assert_due (CIVIC_MESSAGE_KIND_SUGGESTION, CIVIC_MESSAGE_STEP_SEND_BACK, "2026-04-02",
              "2026-04-10");
  /* A bad rating before Labour Day (1–5 May, Sat 9 May worked) */
  assert_due (CIVIC_MESSAGE_KIND_HELP, CIVIC_MESSAGE_STEP_RECTIFICATION, "2026-04-30",
              "2026-05-11");
  /* The citizen's five working days to rate a reply */
  assert_due (CIVIC_MESSAGE_KIND_REPORT, CIVIC_MESSAGE_STEP_EVALUATION, "2026-06-18", "2026-06-26");
}

/* The clock says what it is and why, in the region's words */
static void
test_clock_explained (void)
{
  g_autoptr(CivicClock) clock = civic_message_clocks_start (clocks, CIVIC_MESSAGE_KIND_COMPLAINT,
                                                            CIVIC_MESSAGE_STEP_REPLY,
                                                            day ("2026-09-30"));
  g_autoptr(CivicClockReading) reading = civic_clock_read (clock, calendar, day ("2026-10-20"), NULL);
  g_autofree char *trace = civic_clock_reading_dup_trace_text (reading);

  g_assert_cmpint (civic_clock_get_kind (clock), ==, CIVIC_CLOCK_KIND_MESSAGE_REPLY);
  g_assert_cmpint (civic_clock_get_trigger (clock), ==, CIVIC_CLOCK_TRIGGER_RECEIVED);
  g_assert_nonnull (strstr (civic_clock_get_legal_basis (clock), "12345"));
  g_assert_cmpint (reading->remaining, ==, 3);
  g_assert_nonnull (strstr (trace, "2026-10-23"));
}

/* One extension, as long as the limit at most, approved */
static void
test_extension (void)
{
  g_autoptr(CivicClock) clock = civic_message_clocks_start (clocks, CIVIC_MESSAGE_KIND_COMPLAINT,
                                                            CIVIC_MESSAGE_STEP_REPLY,
                                                            day ("2026-09-30"));
  g_autoptr(CivicClock) idea = civic_message_clocks_start (clocks, CIVIC_MESSAGE_KIND_IDEA,
                                                           CIVIC_MESSAGE_STEP_REPLY,
                                                           day ("2026-09-30"));
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_clock_extend (clock, calendar, day ("2026-10-20"), 14, "u-head", "复杂",
                                      &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (civic_clock_extend (clock, calendar, day ("2026-10-20"), 13, "u-head", "复杂",
                                     &error));
  g_assert_no_error (error);
  /* Oct 23 + 13 working days: 26–30 Oct, 2–6 Nov, 9–11 Nov */
  assert_day_eq (due_of (clock, "2026-10-20"), "2026-11-11");
  g_assert_false (civic_clock_extend (clock, calendar, day ("2026-10-21"), 1, "u-head", "再延",
                                      &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* the region allows none for an idea */
  g_assert_false (civic_clock_extend (idea, calendar, day ("2026-10-20"), 1, "u-head", "延",
                                      &error));
  g_assert_nonnull (error);
}

/* Written back, it reads the same */
static void
test_round_trip (void)
{
  g_autoptr(JsonNode) node = civic_message_clocks_to_json (clocks);
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicMessageClocks) again = civic_message_clocks_new_from_json (node, &error);
  g_autoptr(JsonNode) node_again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  g_assert_no_error (error);
  node_again = civic_message_clocks_to_json (again);
  text = civic_json_to_string (node, FALSE);
  text_again = civic_json_to_string (node_again, FALSE);
  g_assert_cmpstr (text, ==, text_again);
}

/* The province's table with one thing changed at @path (dots between
 * members), as JSON text */
static CivicMessageClocks *
changed (const char  *path,
         const char  *json,
         GError     **error)
{
  g_autoptr(JsonNode) node = civic_message_clocks_to_json (clocks);
  g_auto(GStrv) members = g_strsplit (path, ".", -1);
  JsonObject *object = json_node_get_object (node);
  guint last = g_strv_length (members) - 1;

  for (guint i = 0; i < last; i++)
    object = json_object_get_object_member (object, members[i]);
  if (json == NULL)
    json_object_remove_member (object, members[last]);
  else
    json_object_set_member (object, members[last], json_from_string (json, NULL));
  return civic_message_clocks_new_from_json (node, error);
}

static void
test_faults_refused (void)
{
  const struct { const char *path, *json, *says; } faults[] = {
    { "kinds.complaint", NULL, "kinds" },
    { "kinds.gossip", "{}", "gossip" },
    { "kinds.complaint.reply.limit", "0", "kinds.complaint.reply" },
    { "kinds.complaint.reply.limit", "400", "kinds.complaint.reply" },
    { "kinds.complaint.reply.unit", "\"fortnights\"", "kinds.complaint.reply" },
    { "kinds.complaint.reply.source", NULL, "kinds.complaint.reply" },
    { "kinds.complaint.reply.source", "\"\"", "kinds.complaint.reply" },
    { "kinds.help.reply.from", "\"rated\"", "kinds.help.reply" },
    { "kinds.help.review", NULL, "kinds.help" },
    { "kinds.help.extension.limit", "-3", "kinds.help.extension" },
    { "rectification", NULL, "rectification" },
    { "send_back.from", "\"received\"", "send_back" },
    { "region", NULL, "region" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CivicMessageClocks) table = changed (faults[i].path, faults[i].json, &error);

      g_assert_null (table);
      g_assert_error (error, CIVIC_MESSAGE_CLOCKS_ERROR, CIVIC_MESSAGE_CLOCKS_ERROR_INVALID);
      if (strstr (error->message, faults[i].says) == NULL)
        g_error ("%s: “%s” does not say “%s”", faults[i].path, error->message, faults[i].says);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) array = json_from_string ("[]", NULL);

    g_assert_null (civic_message_clocks_new_from_json (array, &error));
    g_assert_error (error, CIVIC_MESSAGE_CLOCKS_ERROR, CIVIC_MESSAGE_CLOCKS_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);
  path = g_build_filename (g_getenv ("CIVICDESK_MESSAGE_CLOCKS_DIR"), "HN.json", NULL);
  clocks = civic_message_clocks_new_from_file (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/message-clocks/table", test_table);
  g_test_add_func ("/message-clocks/across-holidays", test_across_holidays);
  g_test_add_func ("/message-clocks/clock-explained", test_clock_explained);
  g_test_add_func ("/message-clocks/extension", test_extension);
  g_test_add_func ("/message-clocks/round-trip", test_round_trip);
  g_test_add_func ("/message-clocks/faults-refused", test_faults_refused);

  result = g_test_run ();
  g_object_unref (clocks);
  g_object_unref (calendar);
  return result;
}
