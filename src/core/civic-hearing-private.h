/* civic-hearing-private.h — what the hearing's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-hearing.h"

G_BEGIN_DECLS

/* civic-hearing.c: the record and its procedure; civic-hearing-policy.c:
 * the periods; civic-hearing-conflicts.c: the sweep; civic-hearing-json.c:
 * the wire format. */

struct _CivicHearing
{
  GObject            parent_instance;

  char              *id;
  char              *case_id;   /* the first of @cases */
  CivicHearingKind   kind;
  CivicHearingState  state;
  gint64             rev;

  /* What it is about, as the public may read it, and whose it is */
  char              *department_id;
  char              *matter;
  GPtrArray         *cases;     /* CivicHearingCase */
  char              *joining;   /* a case asked to join, by number, until the service adds it */

  /* What set the procedure going (Arts. 46, 47) */
  CivicDay           informed_on;
  CivicDay           requested_on;
  CivicDay           announced_on;

  /* Time, place and who presides (Art. 48(1)–(3)) */
  GDateTime         *starts_at;
  GDateTime         *ends_at;
  char              *room_id;
  char              *host_id;
  char              *host_name;
  char              *clerk_id;
  char              *clerk_name;
  CivicHearingPublicity publicity;
  gboolean           is_public;
  char              *non_public_reason;
  char              *video_link;
  CivicDay           notice_sent_on;

  GPtrArray         *participants;  /* CivicHearingParticipant */
  GPtrArray         *recusals;      /* CivicHearingRecusal */
  GPtrArray         *postponements; /* CivicHearingPostponement */

  /* The record (Art. 48(5)) */
  char              *record_summary;
  CivicDay           record_signed_on;
  char              *decision_ref;  /* the decision that rests on the record */
  GPtrArray         *documents;     /* CivicCaseDocument: its notices, announcement, record */

  CivicDay           cancelled_on;
  char              *cancel_reason;
};

/* civic-hearing-policy.c */
gboolean _civic_hearing_policy_is_valid     (const CivicHearingPolicy *policy);
CivicDay _civic_hearing_period_end          (CivicCalendar            *calendar,
                                             CivicDay                  start,
                                             const CivicHearingPeriod *period,
                                             gboolean                 *provisional);
CivicDay _civic_hearing_period_start_before (CivicCalendar            *calendar,
                                             CivicDay                  day,
                                             const CivicHearingPeriod *period,
                                             gboolean                 *provisional);
CivicDay _civic_hearing_period_after_notice (CivicCalendar            *calendar,
                                             CivicDay                  day,
                                             const CivicHearingPeriod *period,
                                             gboolean                 *provisional);

/* civic-hearing.c */
CivicHearingCase *_civic_hearing_case_new (const char         *id,
                                           const char         *number,
                                           const char * const *examiner_ids);
void              _civic_hearing_case_free (CivicHearingCase  *hearing_case);
CivicHearingPostponement *_civic_hearing_postponement_new (GDateTime  *from,
                                                           const char *reason,
                                                           CivicDay    on);
CivicHearingParticipant *_civic_hearing_lookup_participant (CivicHearing *self,
                                                            const char   *id,
                                                            guint        *index);

G_END_DECLS
