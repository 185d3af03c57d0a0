/* fuzz-intake.c — a body of POST /public/v1/applications, on a real service database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "civic-calendar-records.h"
#include "civic-core.h"
#include "civic-demo.h"
#include "civic-fuzz.h"
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

static CivicSqlite *db;
static sqlite3 *pristine;
static CivicCalendar *calendar;
static GDateTime *now;

static void
copy_database (sqlite3 *from,
               sqlite3 *to)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");

  if (backup == NULL || sqlite3_backup_step (backup, -1) != SQLITE_DONE ||
      sqlite3_backup_finish (backup) != SQLITE_OK)
    g_error ("Cannot copy the service database: %s", sqlite3_errmsg (to));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  CivicDemoOptions options = { 0 };

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);
  g_setenv (CIVIC_DEMO_DIR_ENV, SOURCE_DEMODIR, FALSE);

  dir = civic_fuzz_make_tmp_dir ("intake");
  options.data_dir = dir;
  options.cases = 0;
  options.seed = 1;
  options.password = "fuzz-password";
  if (!civic_demo_generate (&options, &error))
    g_error ("%s", error->message);

  db = civic_server_db_open (dir, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  /* Each accepted application commits; waiting for the disk each time
   * would only slow the search. */
  if (!civic_sqlite_exec (db, "PRAGMA synchronous = OFF", &error))
    g_error ("%s", error->message);

  calendar = civic_calendar_records_load (db, "CN-43", &error);
  if (calendar == NULL)
    g_error ("%s", error->message);
  now = civic_time_now ();

  if (sqlite3_open (":memory:", &pristine) != SQLITE_OK)
    g_error ("Cannot open an in-memory database");
  copy_database (civic_sqlite_get_handle (db), pristine);
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

  text = civic_intake_submit (db, calendar, body, now, "203.0.113.7", &error);
  civic_fuzz_assert (!civic_sqlite_in_transaction (db));
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
  status = civic_intake_status (db, calendar, receipt, now, &error);
  civic_fuzz_assert (status != NULL);

  copy_database (pristine, civic_sqlite_get_handle (db));
  return 0;
}
