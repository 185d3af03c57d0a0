/* fuzz-intake.c — a body of POST /public/v1/applications, on a real service database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-core.h"
#include "civic-fuzz.h"
#include "civic-fuzz-service.h"
#include "civic-intake.h"
#include "civic-server-db.h"

/* The public side takes applications from anyone. civic_intake_submit()
 * reads the body — the item, the materials, the channel, the applicant
 * and their ID and phone numbers, which must pass their check digits —
 * and files a case in its own write transaction; its reading is not a
 * function of its own, so it is fuzzed as the service runs it, on a
 * throwaway service database with the demo catalogue (363 items of 55
 * departments), made once. A filed application must be found by its
 * receipt, and leave no transaction open; then the database is put back
 * as it was, so every input meets the same service. */

static CivicFuzzService service;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  civic_fuzz_service_open (&service, "intake");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *status = NULL;
  const char *receipt = NULL;

  body = civic_json_parse ((const char *) data, size, NULL);
  if (body == NULL)
    return 0;

  text = civic_intake_submit (service.db, service.calendar, body, service.now, "203.0.113.7", &error);
  civic_fuzz_assert (!civic_db_in_transaction (service.db));
  if (text == NULL)
    {
      /* A 422 for the applicant; anything else is the service failing. */
      if (error->domain != CIVIC_INTAKE_ERROR)
        g_printerr ("Not an answer for the applicant: %s\n", error->message);
      civic_fuzz_assert (error->domain == CIVIC_INTAKE_ERROR);
      return 0;
    }

  answer = civic_json_parse_object (text, -1, NULL);
  civic_fuzz_assert (answer != NULL);
  civic_fuzz_assert (civic_json_get_string (answer, "receipt", TRUE, &receipt, NULL));
  status = civic_intake_status (service.db, service.calendar, receipt, service.now, &error);
  civic_fuzz_assert (status != NULL);

  civic_fuzz_service_reset (&service);
  return 0;
}
