/* civic-audit.h — the append-only audit log: a keyed chain, signed checkpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-keyring.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_AUDIT_ERROR (civic_audit_error_quark ())

typedef enum
{
  CIVIC_AUDIT_ERROR_BROKEN,       /* an entry altered, missing or added */
  CIVIC_AUDIT_ERROR_CHECKPOINT,   /* the chain does not pass through a checkpoint */
  CIVIC_AUDIT_ERROR_INVALID,      /* a checkpoint file that is not one */
} CivicAuditError;

GQuark    civic_audit_error_quark        (void);

gboolean  civic_audit_append             (CivicDb       *db,
                                          GDateTime     *at,
                                          const char    *actor,
                                          const char    *action,
                                          const char    *target,
                                          const char    *detail,
                                          const char    *address,
                                          GError       **error);
gboolean  civic_audit_verify             (CivicDb       *db,
                                          gint64        *n_entries,
                                          gint64        *broken_seq,
                                          GError       **error);
gboolean  civic_audit_rekey              (CivicDb       *db,
                                          CivicKeyring  *keyring,
                                          GError       **error);

gboolean  civic_audit_checkpoint         (CivicDb       *db,
                                          GDateTime     *now,
                                          gint64        *seq,
                                          GError       **error);
char     *civic_audit_checkpoints_json   (CivicDb       *db,
                                          gint64         after,
                                          int            limit,
                                          GError       **error);
gboolean  civic_audit_verify_checkpoints (CivicDb       *db,
                                          JsonNode      *published,
                                          guint         *n_checked,
                                          gint64        *broken_seq,
                                          gboolean      *other_key,
                                          GError       **error);

G_END_DECLS
