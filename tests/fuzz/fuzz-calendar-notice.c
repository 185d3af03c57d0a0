/* fuzz-calendar-notice.c — the State Council's holiday notice, from its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-calendar-notice.h"
#include "civic-fuzz.h"

/* An administrator pastes the notice's text (civic_calendar_notice_parse).
 * A notice read is one the calendar takes; one refused says why, in
 * CIVIC_CALENDAR_ERROR. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicCalendar) calendar = NULL;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  node = civic_calendar_notice_parse (text, 2026, NULL, NULL, &error);
  if (node == NULL)
    {
      civic_fuzz_assert (error != NULL && error->domain == CIVIC_CALENDAR_ERROR);
      return 0;
    }
  calendar = civic_calendar_new ("CN");
  civic_fuzz_assert (civic_calendar_load_node (calendar, node, "fuzz", NULL));
  return 0;
}
