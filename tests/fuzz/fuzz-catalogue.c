/* fuzz-catalogue.c — a province's implementation list for `catalogue import`, on a real service database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-catalogue-io.h"
#include "civic-core.h"
#include "civic-fuzz.h"
#include "civic-fuzz-service.h"

/* `civicdesk-server catalogue import` reads a file a province exported
 * from another system (docs/catalogue.md): the whole list is checked
 * before anything is written, and refused whole, each bad item named.
 * Fuzzed as the command line runs it, on a throwaway service database
 * with the demo departments and catalogue, made once: a dry run writes
 * nothing; a list it takes imports what the dry run counted, leaves no transaction open and exports again; a list it
 * refuses says why in CIVIC_ITEM_ERROR and changes nothing. Then the
 * database is put back as it was, so every input meets the same
 * service. */

static CivicFuzzService service;

static gint64
count_versions (void)
{
  CivicDbStmt *stmt = civic_db_prepare (service.db, "SELECT count(*) FROM item_version", NULL);
  gboolean row = FALSE;
  gint64 n = -1;

  if (stmt != NULL && civic_db_step (service.db, stmt, &row, NULL) && row)
    n = civic_db_column_int64 (stmt, 0);
  if (stmt != NULL)
    civic_db_reset (stmt);
  return n;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  civic_fuzz_service_open (&service, "catalogue");
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
  if (!civic_catalogue_import (service.db, service.calendar, service.now, document, "fuzz", NULL,
                               NULL, CIVIC_DAY_INVALID, TRUE, &dry, &error))
    {
      if (error->domain != CIVIC_ITEM_ERROR)
        g_printerr ("Not a refusal of the list: %s\n", error->message);
      civic_fuzz_assert (error->domain == CIVIC_ITEM_ERROR);
      civic_fuzz_assert (!civic_db_in_transaction (service.db));
      civic_fuzz_assert (count_versions () == before);
      return 0;
    }
  civic_fuzz_assert (!civic_db_in_transaction (service.db));
  civic_fuzz_assert (count_versions () == before);

  civic_fuzz_assert (civic_catalogue_import (service.db, service.calendar, service.now, document,
                                             "fuzz", NULL, NULL, CIVIC_DAY_INVALID, FALSE, &taken,
                                             &error));
  civic_fuzz_assert (!civic_db_in_transaction (service.db));
  civic_fuzz_assert (taken.new_items == dry.new_items && taken.changed == dry.changed &&
                     taken.unchanged == dry.unchanged);
  civic_fuzz_assert (count_versions () >= before + (gint64) taken.changed);
  exported = civic_catalogue_export (service.db, NULL, NULL, &error);
  civic_fuzz_assert (exported != NULL);

  civic_fuzz_service_reset (&service);
  return 0;
}
