/* fuzz-disclosure.c — a disclosure and a request for information, as they are read from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-core.h"
#include "civic-disclosure-gate.h"
#include "civic-disclosure-request.h"
#include "civic-fuzz.h"

/* The feed carries disclosures and requests as JSON, and the client reads
 * them back into records (civic_disclosure_new_from_json(),
 * civic_disclosure_request_new_from_json()). What either accepts must go
 * through what the client does with it — the gate's findings, the Art. 26
 * clock, a request's clocks and summary — and write out as JSON that
 * reads back to the same text. */

static CivicCalendar *calendar;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  calendar = civic_fuzz_load_calendar ();
  return 0;
}

static void
disclosure_round_trip (JsonNode *node)
{
  g_autoptr(CivicDisclosure) disclosure = NULL;
  g_autoptr(CivicDisclosure) again = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(JsonNode) reread = NULL;
  g_autoptr(JsonNode) written_again = NULL;
  g_autoptr(GPtrArray) blocking = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  disclosure = civic_disclosure_new_from_json (node, &error);
  if (disclosure == NULL)
    {
      civic_fuzz_assert (error != NULL);
      return;
    }

  blocking = civic_disclosure_gate_blocking (disclosure);
  civic_fuzz_assert (blocking != NULL);
  (void) civic_disclosure_get_due_on (disclosure, calendar);
  (void) civic_disclosure_gate_check (disclosure, NULL);

  written = civic_disclosure_to_json (disclosure);
  text = civic_json_to_string (written, FALSE);
  reread = civic_json_parse (text, -1, &error);
  if (reread != NULL)
    again = civic_disclosure_new_from_json (reread, &error);
  if (again == NULL)
    g_printerr ("The disclosure is written as %s, which does not read back: %s\n", text,
                error->message);
  civic_fuzz_assert (again != NULL);
  written_again = civic_disclosure_to_json (again);
  text_again = civic_json_to_string (written_again, FALSE);
  civic_fuzz_assert (g_str_equal (text, text_again));
}

static void
request_round_trip (JsonNode *node)
{
  g_autoptr(CivicDisclosureRequest) request = NULL;
  g_autoptr(CivicDisclosureRequest) again = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(JsonNode) reread = NULL;
  g_autoptr(JsonNode) written_again = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autofree char *feed = NULL;

  request = civic_disclosure_request_new_from_json (node, &error);
  if (request == NULL)
    {
      civic_fuzz_assert (error != NULL);
      return;
    }

  summary = civic_disclosure_request_summarize (request, calendar, civic_day_from_ymd (2026, 3, 20),
                                                civic_clock_policy_get_default ());
  civic_fuzz_assert (summary != NULL);
  feed = civic_disclosure_request_to_feed_json (request, calendar, civic_day_from_ymd (2026, 3, 20));
  civic_fuzz_assert (feed != NULL);

  written = civic_disclosure_request_to_json (request);
  text = civic_json_to_string (written, FALSE);
  reread = civic_json_parse (text, -1, &error);
  if (reread != NULL)
    again = civic_disclosure_request_new_from_json (reread, &error);
  if (again == NULL)
    g_printerr ("The request is written as %s, which does not read back: %s\n", text,
                error->message);
  civic_fuzz_assert (again != NULL);
  written_again = civic_disclosure_request_to_json (again);
  text_again = civic_json_to_string (written_again, FALSE);
  civic_fuzz_assert (g_str_equal (text, text_again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = civic_json_parse ((const char *) data, size, NULL);

  if (node == NULL)
    return 0;
  disclosure_round_trip (node);
  request_round_trip (node);
  return 0;
}
