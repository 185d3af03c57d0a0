/* fuzz-case.c — a case record, as the client loads it from the feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-core.h"
#include "civic-fuzz.h"

/* The client keeps each case as the service sent it and makes a CivicCase
 * of it to show it (civic-cache.c, civic_cache_load_case()); the service
 * reads its own stored cases the same way. civic_case_new_from_json()
 * reads the clocks (civic_clock_new_from_json()), the applicant, every
 * record and the timeline. A case it accepts must then serve the case
 * page: its clocks read, its actions listed, its summary made; and it
 * must write out as JSON that reads back to the same text, as the
 * service's storage and the client's outbox rely on. */

static CivicCalendar *calendar;
static CivicActor *everyone;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  calendar = civic_fuzz_load_calendar ();

  /* Every role of casework, in the department of the seeds. */
  everyone = civic_actor_new ("u-fuzz", "测试", "scjg", CIVIC_ROLES_CASEWORK | CIVIC_ROLE_SYSTEM);
  return 0;
}

static void
read_clock (CivicClock *clock,
            CivicDay    today)
{
  g_autoptr(CivicClockReading) reading = NULL;
  g_autofree char *trace = NULL;

  if (clock == NULL)
    return;

  reading = civic_clock_read (clock, calendar, today, civic_clock_policy_get_default ());
  civic_fuzz_assert (reading != NULL);
  trace = civic_clock_reading_dup_trace_text (reading);
  civic_fuzz_assert (trace != NULL && g_utf8_validate (trace, -1, NULL));
}

static char *
write_case (CivicCase *kase)
{
  g_autoptr(JsonNode) node = civic_case_to_json (kase);

  return civic_json_to_string (node, FALSE);
}

/* What the service publishes: the client must read it. */
static void
check_masked (CivicCase *kase)
{
  g_autoptr(JsonNode) node = civic_case_to_masked_json (kase);
  g_autofree char *text = civic_json_to_string (node, FALSE);
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(CivicCase) masked = NULL;
  g_autoptr(GError) error = NULL;

  read = civic_json_parse (text, -1, &error);
  if (read != NULL)
    masked = civic_case_new_from_json (read, &error);
  if (masked == NULL && civic_fuzz_known_bug (text))
    return;
  if (masked == NULL)
    g_printerr ("The case is published as %s, which does not read back: %s\n", text,
                error->message);
  civic_fuzz_assert (masked != NULL);
}

static void
check_round_trip (CivicCase *kase)
{
  g_autofree char *text = write_case (kase);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicCase) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text_again = NULL;

  node = civic_json_parse (text, -1, &error);
  if (node != NULL)
    again = civic_case_new_from_json (node, &error);
  if (again == NULL && civic_fuzz_known_bug (text))
    return;
  if (again == NULL)
    g_printerr ("The case is written as %s, which does not read back: %s\n", text,
                error->message);
  civic_fuzz_assert (again != NULL);

  text_again = write_case (again);
  civic_fuzz_assert (g_str_equal (text, text_again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_auto(GStrv) examiners = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *remedies = NULL;
  CivicWorkflowContext context;
  CivicDay today = civic_time_day_of (now);

  node = civic_json_parse ((const char *) data, size, NULL);
  if (node == NULL)
    return 0;

  kase = civic_case_new_from_json (node, &error);
  if (kase == NULL)
    {
      civic_fuzz_assert (error != NULL);
      return 0;
    }

  read_clock (civic_case_get_correction_clock (kase), today);
  read_clock (civic_case_get_statutory_clock (kase), today);
  read_clock (civic_case_get_promised_clock (kase), today);
  read_clock (civic_case_get_delivery_clock (kase), today);
  read_clock (civic_case_get_governing_clock (kase), today);

  civic_workflow_context_init (&context, calendar, now, everyone);
  actions = civic_workflow_list_actions (kase, &context);
  civic_workflow_hearing_request_deadline (kase, &context);
  remedies = civic_workflow_remedies_notice (kase);

  missing = civic_case_dup_missing_materials (kase);
  pending = civic_case_dup_pending_subtasks (kase);
  examiners = civic_case_dup_examiner_ids (kase);
  civic_case_involves_department (kase, "scjg");
  civic_case_is_open (kase);

  summary = civic_case_summarize (kase, calendar, today, civic_clock_policy_get_default ());
  civic_fuzz_assert (summary != NULL);

  check_masked (kase);
  check_round_trip (kase);
  return 0;
}
