/* fuzz-hearing.c — a licensing hearing record, as it is read from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-core.h"
#include "civic-fuzz.h"

/* A hearing (ALL Arts. 46–48: its parties, room, host, recusals, notice
 * and signed record) is stored and sent as JSON and read back with
 * civic_hearing_new_from_json(). What it accepts must then go through the
 * rules the hearing page runs — validation, key dates, conflicts — and
 * write out as JSON that reads back to the same text. */

static CivicCalendar *calendar;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  calendar = civic_fuzz_load_calendar ();
  return 0;
}

static char *
write_hearing (CivicHearing *hearing)
{
  g_autoptr(JsonNode) node = civic_hearing_to_json (hearing);

  return civic_json_to_string (node, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const examiner_ids[] = { "u-examiner", "u-examiner2", NULL };
  const CivicHearingPolicy *policy = civic_hearing_policy_get_default ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) written_node = NULL;
  g_autoptr(CivicHearing) hearing = NULL;
  g_autoptr(CivicHearing) copy = NULL;
  g_autoptr(CivicHearing) again = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) hearings = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  CivicHearingDates dates;
  CivicDay stop_day, resume_day;
  CivicDay today = civic_time_today ();

  node = civic_json_parse ((const char *) data, size, NULL);
  if (node == NULL)
    return 0;

  hearing = civic_hearing_new_from_json (node, &error);
  if (hearing == NULL)
    {
      civic_fuzz_assert (error != NULL);
      return 0;
    }

  findings = civic_hearing_validate (hearing, examiner_ids, calendar, policy, today);
  civic_fuzz_assert (findings != NULL);
  civic_hearing_get_key_dates (hearing, calendar, policy, &dates);
  civic_hearing_get_clock_stop_span (hearing, &stop_day, &resume_day);

  /* A hearing beside its own copy books the same room and people. */
  copy = civic_hearing_copy (hearing);
  hearings = g_ptr_array_new ();
  g_ptr_array_add (hearings, hearing);
  g_ptr_array_add (hearings, copy);
  conflicts = civic_hearing_find_conflicts (hearings);
  civic_fuzz_assert (conflicts != NULL);

  text = write_hearing (hearing);
  written_node = civic_json_parse (text, -1, &error);
  if (written_node != NULL)
    again = civic_hearing_new_from_json (written_node, &error);
  if (again == NULL && civic_fuzz_known_bug (text))
    return 0;
  if (again == NULL)
    g_printerr ("The hearing is written as %s, which does not read back: %s\n", text,
                error->message);
  civic_fuzz_assert (again != NULL);
  text_again = write_hearing (again);
  civic_fuzz_assert (g_str_equal (text, text_again));

  return 0;
}
