/* civic-records.h — how the service keeps each kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-actor.h"
#include "civic-entity.h"
#include "civic-scheduler.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* The service's half of a kind (civic-entity.h): how its records are read
 * and written in the database, and who may act on them at all. The
 * command path (civic-commands.c) does the rest the same for every kind:
 * the ledger, the stale-revision check, the kind's rules, the audit. A
 * kind's records file fills one in (civic-case-records.c); civic-records.c
 * lists them. */
typedef struct
{
  const CivicEntityKind *kind;

  /* Shown when a record is not there, or not to be confirmed (N_()) */
  const char *not_found;
  /* Shown when a command was made on an older revision: the revision now,
   * then the one the official saw (N_(), two int64 conversions) */
  const char *stale;

  /* The whole record, personal data unsealed; %NULL without error when
   * there is none */
  GObject  *(*load)        (CivicDb           *db,
                            const char        *id,
                            GError           **error);
  /* Writes it and publishes it to the feed, inside the caller's
   * transaction; the feed's sequence number, or 0 on error */
  gint64    (*save)        (CivicDb           *db,
                            GObject           *record,
                            CivicCalendar     *calendar,
                            CivicDay           today,
                            GError           **error);
  /* What only the service adds to a record @action changed, before it
   * is saved, in the same transaction (nullable): a document's number,
   * rendering and storage; a hearing the case asked for; a clash with
   * the hearings stored. An error of CIVIC_DOCUMENT_ERROR,
   * CIVIC_TEMPLATE_ERROR or CIVIC_WORKFLOW_ERROR refuses the command;
   * any other is internal */
  gboolean  (*finish)      (CivicDb           *db,
                            GObject           *record,
                            guint              action,
                            const char        *command_id,
                            CivicCalendar     *calendar,
                            GDateTime         *now,
                            const char        *public_url,
                            GError           **error);
  /* Where the actor sits: may they act on this record at all (the kind's
   * rules then say whether this action, now) */
  gboolean  (*check_actor) (const CivicActor  *actor,
                            GObject           *record,
                            guint              action,
                            GError           **error);
  /* What happens by the passing of time alone, once a day (nullable): up
   * to @batch_size records not yet looked at today; @more when some are
   * left (civic-scheduler.c) */
  gboolean  (*daily)       (CivicDb              *db,
                            CivicCalendar        *calendar,
                            GDateTime            *now,
                            guint                 batch_size,
                            CivicSchedulerReport *report,
                            gboolean             *more,
                            GError              **error);
} CivicRecordStore;

const CivicRecordStore         *civic_records_lookup (const char *type);
const CivicRecordStore * const *civic_records_stores (void);
gboolean                        civic_records_adopt_without_rev (CivicDb                *db,
                                                                 const CivicRecordStore *store,
                                                                 GError                **error);

G_END_DECLS
