/* civic-audit.h — the append-only, hash-chained audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-sqlite.h"

G_BEGIN_DECLS

#define CIVIC_AUDIT_ERROR (civic_audit_error_quark ())

typedef enum
{
  CIVIC_AUDIT_ERROR_BROKEN,
} CivicAuditError;

GQuark   civic_audit_error_quark (void);

gboolean civic_audit_append      (CivicSqlite  *db,
                                  GDateTime    *at,
                                  const char   *actor,
                                  const char   *action,
                                  const char   *target,
                                  const char   *detail,
                                  const char   *address,
                                  GError      **error);
gboolean civic_audit_verify      (CivicSqlite  *db,
                                  gint64       *n_entries,
                                  gint64       *broken_seq,
                                  GError      **error);

G_END_DECLS
