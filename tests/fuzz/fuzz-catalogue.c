/* fuzz-catalogue.c — a province's implementation list for `catalogue import`, on a real service database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "civic-calendar-records.h"
#include "civic-catalogue-io.h"
#include "civic-core.h"
#include "civic-demo.h"
#include "civic-fuzz.h"
#include "civic-server-db.h"

/* `civicdesk-server catalogue import` reads a file a province exported
 * from another system (docs/catalogue.md): the whole list is checked
 * before anything is written, and refused whole, each bad item named.
 * Fuzzed as the command line runs it, on a throwaway service database
 * with the demo departments and catalogue, made once: a dry run writes
 * nothing; a list it takes imports what the dry run counted, leaves no transaction open and exports again; a list it
 * refuses says why in CIVIC_ITEM_ERROR and changes nothing. Then the
 * database is put back as it was, so every input meets the same
 * service. */

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

static gint64
count_versions (void)
{
  sqlite3_stmt *stmt = civic_sqlite_prepare (db, "SELECT count(*) FROM item_version", NULL);
  gboolean row = FALSE;
  gint64 n = -1;

  if (stmt != NULL && civic_sqlite_step (db, stmt, &row, NULL) && row)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
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

  dir = civic_fuzz_make_tmp_dir ("catalogue");
  options.data_dir = dir;
  options.cases = 0;
  options.seed = 1;
  options.password = "fuzz-password";
  if (!civic_demo_generate (&options, &error))
    g_error ("%s", error->message);

  db = civic_server_db_open (dir, &error);
  if (db == NULL)
    g_error ("%s", error->message);
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
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(JsonNode) exported = NULL;
  g_autoptr(GError) error = NULL;
  CivicCatalogueImport dry = { 0 }, taken = { 0 };
  gint64 before;

  document = civic_json_parse ((const char *) data, size, NULL);
  if (document == NULL)
    return 0;

  before = count_versions ();
  if (!civic_catalogue_import (db, calendar, now, document, "fuzz", NULL, NULL, CIVIC_DAY_INVALID,
                               TRUE, &dry, &error))
    {
      if (error->domain != CIVIC_ITEM_ERROR)
        g_printerr ("Not a refusal of the list: %s\n", error->message);
      civic_fuzz_assert (error->domain == CIVIC_ITEM_ERROR);
      civic_fuzz_assert (!civic_sqlite_in_transaction (db));
      civic_fuzz_assert (count_versions () == before);
      return 0;
    }
  civic_fuzz_assert (!civic_sqlite_in_transaction (db));
  civic_fuzz_assert (count_versions () == before);

  civic_fuzz_assert (civic_catalogue_import (db, calendar, now, document, "fuzz", NULL, NULL,
                                             CIVIC_DAY_INVALID, FALSE, &taken, &error));
  civic_fuzz_assert (!civic_sqlite_in_transaction (db));
  civic_fuzz_assert (taken.new_items == dry.new_items && taken.changed == dry.changed &&
                     taken.unchanged == dry.unchanged);
  civic_fuzz_assert (count_versions () >= before + (gint64) taken.changed);
  exported = civic_catalogue_export (db, NULL, NULL, &error);
  civic_fuzz_assert (exported != NULL);

  copy_database (pristine, civic_sqlite_get_handle (db));
  return 0;
}
