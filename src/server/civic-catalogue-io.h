/* civic-catalogue-io.h — a catalogue in and out, as a province's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-calendar.h"
#include "civic-day.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_CATALOGUE_FORMAT "civicdesk-catalogue"
#define CIVIC_CATALOGUE_FORMAT_VERSION 1

typedef struct
{
  guint new_items;   /* items the service did not keep */
  guint changed;     /* a new version scheduled */
  guint unchanged;   /* the guide in effect, or already scheduled */
  guint files;       /* files stored */
} CivicCatalogueImport;

JsonNode *civic_catalogue_export (CivicDb               *db,
                                  const char            *department,
                                  const char            *files_dir,
                                  GError               **error);
gboolean  civic_catalogue_import (CivicDb               *db,
                                  CivicCalendar         *calendar,
                                  GDateTime             *now,
                                  JsonNode              *document,
                                  const char            *digest,
                                  const char            *files_dir,
                                  const char            *department,
                                  CivicDay               effective_on,
                                  gboolean               dry_run,
                                  CivicCatalogueImport  *result,
                                  GError               **error);

G_END_DECLS
