/* civic-fuzz-service.c — a throwaway service database for the targets that fuzz the service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-calendar-records.h"
#include "civic-demo.h"
#include "civic-fuzz.h"
#include "civic-fuzz-service.h"
#include "civic-server-db.h"
#include "civic-time.h"

static void
copy_database (sqlite3 *from,
               sqlite3 *to)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");

  if (backup == NULL || sqlite3_backup_step (backup, -1) != SQLITE_DONE ||
      sqlite3_backup_finish (backup) != SQLITE_OK)
    g_error ("Cannot copy the service database: %s", sqlite3_errmsg (to));
}

/**
 * civic_fuzz_service_open:
 * @name: the target's, for its folder
 *
 * Makes the demo service's database, without cases, in a folder of its
 * own, and keeps a copy in memory to put it back from.
 */
void
civic_fuzz_service_open (CivicFuzzService *service,
                         const char       *name)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  CivicDemoOptions options = { 0 };

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);
  g_setenv (CIVIC_DEMO_DIR_ENV, SOURCE_DEMODIR, FALSE);

  dir = civic_fuzz_make_tmp_dir (name);
  options.data_dir = dir;
  options.cases = 0;
  options.seed = 1;
  options.password = "fuzz-password";
  if (!civic_demo_generate (&options, &error))
    g_error ("%s", error->message);

  service->db = civic_server_db_open (dir, &error);
  if (service->db == NULL)
    g_error ("%s", error->message);
  /* Each input commits; waiting for the disk each time would only slow
   * the search */
  if (!civic_db_exec (service->db, "PRAGMA synchronous = OFF", &error))
    g_error ("%s", error->message);

  service->calendar = civic_calendar_records_load (service->db, "CN-43", &error);
  if (service->calendar == NULL)
    g_error ("%s", error->message);
  service->now = civic_time_now ();

  if (sqlite3_open (":memory:", &service->pristine) != SQLITE_OK)
    g_error ("Cannot open an in-memory database");
  copy_database (civic_sqlite_get_handle (civic_db_get_sqlite (service->db)), service->pristine);
}

/* The database as it was made, whatever the input did */
void
civic_fuzz_service_reset (CivicFuzzService *service)
{
  copy_database (service->pristine, civic_sqlite_get_handle (civic_db_get_sqlite (service->db)));
}
