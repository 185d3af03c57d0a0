/* civic-migrate.h — a service's records moved between SQLite and PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CIVIC_MIGRATE_ERROR (civic_migrate_error_quark ())

typedef enum
{
  CIVIC_MIGRATE_ERROR_MISMATCH,   /* a table arrived with another count of rows */
  CIVIC_MIGRATE_ERROR_MOVED,      /* the service wrote while its records were copied */
} CivicMigrateError;

typedef struct
{
  guint   n_tables;
  gint64  n_rows;
  gint64  n_audit;    /* entries of the chain, verified at the target */
  gint64  seq;        /* the feed's sequence the copy is of */
  double  seconds;
} CivicMigrateReport;

GQuark    civic_migrate_error_quark (void);
gboolean  civic_migrate             (const char          *data_dir,
                                     const char          *uri,
                                     gboolean             to_postgresql,
                                     CivicMigrateReport  *report,
                                     GError             **error);

G_END_DECLS
