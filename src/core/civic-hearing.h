/* civic-hearing.h — a licensing hearing (听证) and its procedure, ALL Arts. 46–48
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "civic-calendar.h"
#include "civic-clock.h"

G_BEGIN_DECLS

#define CIVIC_HEARING_ERROR (civic_hearing_error_quark ())

typedef enum
{
  CIVIC_HEARING_ERROR_INVALID,    /* a value is missing or malformed */
  CIVIC_HEARING_ERROR_STATE,      /* not possible at this stage of the hearing */
  CIVIC_HEARING_ERROR_RULE,       /* would break ALL Arts. 46–48 */
  CIVIC_HEARING_ERROR_NOT_FOUND,  /* no such participant or recusal request */
} CivicHearingError;

/* Why the hearing is held. */
typedef enum
{
  CIVIC_HEARING_KIND_EX_OFFICIO,  /* Art. 46: required by law, or of public interest */
  CIVIC_HEARING_KIND_ON_REQUEST,  /* Art. 47: requested by the applicant or an interested party */
} CivicHearingKind;

/* The stages, in the order of the procedure: the ones before HELD may
 * still move; CANCELLED and WITHDRAWN end it without a record. */
typedef enum
{
  CIVIC_HEARING_STATE_PENDING,        /* requested (Art. 47) or decided (Art. 46), no time yet */
  CIVIC_HEARING_STATE_SCHEDULED,      /* time, place and host set */
  CIVIC_HEARING_STATE_NOTIFIED,       /* the notice of Art. 48(1) went out */
  CIVIC_HEARING_STATE_POSTPONED,      /* put off, waiting for a new time */
  CIVIC_HEARING_STATE_HELD,
  CIVIC_HEARING_STATE_RECORD_SIGNED,  /* every participant signed, sealed or refused in the record */
  CIVIC_HEARING_STATE_CANCELLED,      /* by the authority: the application withdrawn, … */
  CIVIC_HEARING_STATE_WITHDRAWN,      /* the request for it withdrawn (Art. 47) */
} CivicHearingState;

/* How a party was given the notice of Art. 48(1). */
typedef enum
{
  CIVIC_HEARING_NOTICE_NONE,
  CIVIC_HEARING_NOTICE_IN_PERSON,     /* 直接送达 */
  CIVIC_HEARING_NOTICE_POST,          /* 邮寄送达 */
  CIVIC_HEARING_NOTICE_ELECTRONIC,    /* 电子送达, with the party's consent */
  CIVIC_HEARING_NOTICE_ANNOUNCEMENT,  /* 公告送达, when no other way reaches them */
} CivicHearingNoticeMethod;

/* Whether the hearing is public, and if not on what ground (Art. 48(2):
 * public unless it touches a state secret, a trade secret or personal
 * privacy). */
typedef enum
{
  CIVIC_HEARING_PUBLIC,
  CIVIC_HEARING_CLOSED_STATE_SECRET,
  CIVIC_HEARING_CLOSED_TRADE_SECRET,
  CIVIC_HEARING_CLOSED_PRIVACY,
  CIVIC_HEARING_CLOSED_OTHER,         /* another reason, written out */
} CivicHearingPublicity;

typedef enum
{
  CIVIC_HEARING_ROLE_APPLICANT,
  CIVIC_HEARING_ROLE_INTERESTED_PARTY,
  CIVIC_HEARING_ROLE_EXAMINER,  /* presents the evidence and reasons of the review, Art. 48(4) */
  CIVIC_HEARING_ROLE_HOST,
  CIVIC_HEARING_ROLE_CLERK,
  CIVIC_HEARING_ROLE_WITNESS,
  CIVIC_HEARING_ROLE_AGENT,     /* acts for the applicant or an interested party */
} CivicHearingRole;

typedef enum
{
  CIVIC_HEARING_RECUSAL_PENDING,
  CIVIC_HEARING_RECUSAL_GRANTED,
  CIVIC_HEARING_RECUSAL_REFUSED,
} CivicHearingRecusalDecision;

/* The rules civic_hearing_validate() checks, in the order of the
 * procedure. */
typedef enum
{
  CIVIC_HEARING_RULE_REQUEST_LATE,               /* Art. 47 */
  CIVIC_HEARING_RULE_ORGANISE_LATE,              /* Art. 47 */
  CIVIC_HEARING_RULE_END_BEFORE_START,
  CIVIC_HEARING_RULE_NOT_ANNOUNCED,              /* Art. 46 */
  CIVIC_HEARING_RULE_NOTICE_MISSING,             /* Art. 48(1) */
  CIVIC_HEARING_RULE_NOTICE_LATE,                /* Art. 48(1) */
  CIVIC_HEARING_RULE_NOT_PUBLIC_WITHOUT_REASON,  /* Art. 48(2) */
  CIVIC_HEARING_RULE_HOST_IS_EXAMINER,           /* Art. 48(3) */
  CIVIC_HEARING_RULE_HOST_RECUSED,               /* Art. 48(3) */
  CIVIC_HEARING_RULE_RECUSAL_PENDING,            /* Art. 48(3) */
  CIVIC_HEARING_RULE_RECORD_UNSIGNED,            /* Art. 48(5) */
} CivicHearingRule;

typedef enum
{
  CIVIC_HEARING_SEVERITY_WARNING,  /* a duty still open, or a fact to weigh */
  CIVIC_HEARING_SEVERITY_ERROR,    /* the procedure is unlawful until this is fixed */
} CivicHearingSeverity;

typedef enum
{
  CIVIC_HEARING_CONFLICT_ROOM,
  CIVIC_HEARING_CONFLICT_HOST,         /* the same person hosts both */
  CIVIC_HEARING_CONFLICT_PARTICIPANT,  /* the same person in both, in any other capacity */
} CivicHearingConflictKind;

/* A period of the procedure whose unit the law leaves open (see the
 * reference, §1.1): the applicant's 5 days and the 7 days' notice. */
typedef struct
{
  int             length;
  CivicClockUnit  unit;
} CivicHearingPeriod;

typedef struct
{
  CivicHearingPeriod  request_window;   /* Art. 47: from being informed of the right */
  CivicHearingPeriod  organise_within;  /* Art. 47: from the request to the hearing */
  CivicHearingPeriod  notice;           /* Art. 48(1): notice before the hearing */
} CivicHearingPolicy;

typedef struct
{
  char              *id;
  char              *name;
  CivicHearingRole   role;
  CivicDay           signed_on;  /* the record, Art. 48(5); invalid until then */
  gboolean           sealed;     /* sealed (盖章) rather than signed (签字) */
  /* A party: how to reach them, and whom an agent acts for (personal data) */
  char              *contact;
  char              *represents;  /* an agent: the participant they act for */
  /* The notice of Art. 48(1) */
  CivicDay                  notified_on;
  CivicHearingNoticeMethod  notified_by;
  /* Refused to sign; the host notes it in the record (注明) */
  CivicDay           refused_on;
  char              *refusal_note;
} CivicHearingParticipant;

/* A case the hearing serves, and who examined it: none of them may host
 * (Art. 48(3)). */
typedef struct
{
  char   *id;
  char   *number;
  GStrv   examiner_ids;
} CivicHearingCase;

/* A hearing put off: the time it had, why, and when. */
typedef struct
{
  GDateTime  *from;    /* (nullable): the time it had, if any */
  char       *reason;
  CivicDay    on;
} CivicHearingPostponement;

typedef struct
{
  char                         *by_id;         /* a participant */
  char                         *against_id;    /* the host at the time */
  char                         *against_name;
  char                         *reason;
  CivicDay                      filed_on;
  CivicHearingRecusalDecision   decision;
  CivicDay                      decided_on;
  char                         *decided_by;
  char                         *note;
} CivicHearingRecusal;

/* A time and a place proposed for the hearing, and who presides. */
typedef struct
{
  const char  *room_id;
  const char  *host_id;
  const char  *host_name;
  GDateTime   *starts_at;
  GDateTime   *ends_at;
} CivicHearingSlot;

/* The days the UI shows; invalid where they do not apply yet. */
typedef struct
{
  CivicDay  last_request_day;    /* Art. 47: informed + request window */
  CivicDay  latest_hearing_day;  /* Art. 47: requested + organise period */
  CivicDay  hearing_day;
  CivicDay  latest_notice_day;   /* Art. 48(1): hearing day − notice period */
  gboolean  provisional;         /* rests on a year without its holiday notice */
} CivicHearingDates;

typedef struct
{
  CivicHearingRule      rule;
  CivicHearingSeverity  severity;
  char                 *message;
} CivicHearingFinding;

#define CIVIC_TYPE_HEARING (civic_hearing_get_type ())
G_DECLARE_FINAL_TYPE (CivicHearing, civic_hearing, CIVIC, HEARING, GObject)

typedef struct
{
  CivicHearing              *a;  /* the one that starts first, or the candidate */
  CivicHearing              *b;
  CivicHearingConflictKind   kind;
  char                      *resource_id;
} CivicHearingConflict;

void civic_hearing_finding_free  (CivicHearingFinding  *finding);
void civic_hearing_conflict_free (CivicHearingConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicHearingFinding, civic_hearing_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicHearingConflict, civic_hearing_conflict_free)

GQuark                  civic_hearing_error_quark         (void);

const CivicHearingPolicy *civic_hearing_policy_get_default (void);
CivicDay                civic_hearing_policy_last_request_day (const CivicHearingPolicy *policy,
                                                           CivicCalendar            *calendar,
                                                           CivicDay                  informed_on,
                                                           gboolean                 *provisional);
CivicDay                civic_hearing_policy_latest_hearing_day (const CivicHearingPolicy *policy,
                                                           CivicCalendar            *calendar,
                                                           CivicDay                  requested_on,
                                                           gboolean                 *provisional);
CivicDay                civic_hearing_policy_latest_notice_day (const CivicHearingPolicy *policy,
                                                           CivicCalendar            *calendar,
                                                           CivicDay                  hearing_day,
                                                           gboolean                 *provisional);
CivicDay                civic_hearing_policy_earliest_hearing_day (const CivicHearingPolicy *policy,
                                                           CivicCalendar            *calendar,
                                                           CivicDay                  notice_day,
                                                           gboolean                 *provisional);

CivicHearing           *civic_hearing_new_ex_officio      (const char           *id,
                                                           const char           *case_id);
CivicHearing           *civic_hearing_new_on_request      (const char           *id,
                                                           const char           *case_id,
                                                           CivicDay              informed_on,
                                                           CivicDay              requested_on);
CivicHearing           *civic_hearing_copy                (CivicHearing         *self);

const char             *civic_hearing_get_id              (CivicHearing         *self);
const char             *civic_hearing_get_case_id         (CivicHearing         *self);
CivicHearingKind        civic_hearing_get_kind            (CivicHearing         *self);
CivicHearingState       civic_hearing_get_state           (CivicHearing         *self);
CivicDay                civic_hearing_get_informed_on     (CivicHearing         *self);
CivicDay                civic_hearing_get_requested_on    (CivicHearing         *self);
CivicDay                civic_hearing_get_announced_on    (CivicHearing         *self);
GDateTime              *civic_hearing_get_starts_at       (CivicHearing         *self);
GDateTime              *civic_hearing_get_ends_at         (CivicHearing         *self);
CivicDay                civic_hearing_get_hearing_day     (CivicHearing         *self);
const char             *civic_hearing_get_room_id         (CivicHearing         *self);
const char             *civic_hearing_get_host_id         (CivicHearing         *self);
const char             *civic_hearing_get_host_name       (CivicHearing         *self);
const char             *civic_hearing_get_clerk_id        (CivicHearing         *self);
const char             *civic_hearing_get_clerk_name      (CivicHearing         *self);
gboolean                civic_hearing_get_is_public       (CivicHearing         *self);
const char             *civic_hearing_get_non_public_reason (CivicHearing       *self);
CivicDay                civic_hearing_get_notice_sent_on  (CivicHearing         *self);
const char             *civic_hearing_get_record_summary  (CivicHearing         *self);
CivicDay                civic_hearing_get_record_signed_on (CivicHearing        *self);
CivicDay                civic_hearing_get_cancelled_on    (CivicHearing         *self);
const char             *civic_hearing_get_cancel_reason   (CivicHearing         *self);

/* The record as the hall keeps it (civic-hearing-kind.c) */
gint64                  civic_hearing_get_rev             (CivicHearing         *self);
void                    civic_hearing_set_rev             (CivicHearing         *self,
                                                           gint64                rev);
const char             *civic_hearing_get_department_id   (CivicHearing         *self);
const char             *civic_hearing_get_matter          (CivicHearing         *self);
void                    civic_hearing_set_matter          (CivicHearing         *self,
                                                           const char           *department_id,
                                                           const char           *matter);
CivicHearingPublicity   civic_hearing_get_publicity       (CivicHearing         *self);
const char             *civic_hearing_get_video_link      (CivicHearing         *self);
const char             *civic_hearing_get_decision_ref    (CivicHearing         *self);
void                    civic_hearing_set_decision_ref    (CivicHearing         *self,
                                                           const char           *ref);
guint                   civic_hearing_get_n_cases         (CivicHearing         *self);
const char             *civic_hearing_get_joining         (CivicHearing         *self);
void                    civic_hearing_set_joining         (CivicHearing         *self,
                                                           const char           *number);
const CivicHearingCase *civic_hearing_get_case            (CivicHearing         *self,
                                                           guint                 index);
gboolean                civic_hearing_add_case            (CivicHearing         *self,
                                                           const char           *case_id,
                                                           const char           *number,
                                                           const char * const   *examiner_ids,
                                                           GError              **error);
GStrv                   civic_hearing_dup_examiner_ids    (CivicHearing         *self);
guint                   civic_hearing_get_n_postponements (CivicHearing         *self);
const CivicHearingPostponement *civic_hearing_get_postponement (CivicHearing    *self,
                                                           guint                 index);
gboolean                civic_hearing_is_over             (CivicHearing         *self);

guint                   civic_hearing_get_n_participants  (CivicHearing         *self);
const CivicHearingParticipant *civic_hearing_get_participant (CivicHearing      *self,
                                                           guint                 index);
const CivicHearingParticipant *civic_hearing_find_participant (CivicHearing     *self,
                                                           const char           *id);
guint                   civic_hearing_get_n_recusals      (CivicHearing         *self);
const CivicHearingRecusal *civic_hearing_get_recusal      (CivicHearing         *self,
                                                           guint                 index);

/* Changes: each one applies completely or leaves the hearing untouched. */
gboolean                civic_hearing_add_participant     (CivicHearing         *self,
                                                           const char           *id,
                                                           const char           *name,
                                                           CivicHearingRole      role,
                                                           GError              **error);
gboolean                civic_hearing_remove_participant  (CivicHearing         *self,
                                                           const char           *id,
                                                           GError              **error);
gboolean                civic_hearing_record_announcement (CivicHearing         *self,
                                                           CivicDay              day,
                                                           GError              **error);
gboolean                civic_hearing_set_public          (CivicHearing         *self,
                                                           gboolean              is_public,
                                                           const char           *reason,
                                                           GError              **error);
gboolean                civic_hearing_set_clerk           (CivicHearing         *self,
                                                           const char           *clerk_id,
                                                           const char           *clerk_name,
                                                           GError              **error);
gboolean                civic_hearing_set_publicity       (CivicHearing         *self,
                                                           CivicHearingPublicity publicity,
                                                           const char           *reason,
                                                           GError              **error);
gboolean                civic_hearing_set_video_link      (CivicHearing         *self,
                                                           const char           *link,
                                                           GError              **error);
gboolean                civic_hearing_set_party_contact   (CivicHearing         *self,
                                                           const char           *id,
                                                           const char           *contact,
                                                           const char           *represents,
                                                           GError              **error);
GPtrArray              *civic_hearing_check_schedule      (CivicHearing         *self,
                                                           const CivicHearingSlot *slot,
                                                           const char * const   *examiner_ids,
                                                           CivicCalendar        *calendar,
                                                           const CivicHearingPolicy *policy,
                                                           CivicDay              today);
gboolean                civic_hearing_schedule            (CivicHearing         *self,
                                                           const CivicHearingSlot *slot,
                                                           const char * const   *examiner_ids,
                                                           CivicCalendar        *calendar,
                                                           const CivicHearingPolicy *policy,
                                                           CivicDay              today,
                                                           GError              **error);
gboolean                civic_hearing_replace_host        (CivicHearing         *self,
                                                           const char           *host_id,
                                                           const char           *host_name,
                                                           const char * const   *examiner_ids,
                                                           GError              **error);
gboolean                civic_hearing_record_notice       (CivicHearing         *self,
                                                           CivicDay              day,
                                                           CivicCalendar        *calendar,
                                                           const CivicHearingPolicy *policy,
                                                           GError              **error);
gboolean                civic_hearing_notify              (CivicHearing         *self,
                                                           CivicDay              day,
                                                           CivicHearingNoticeMethod method,
                                                           CivicCalendar        *calendar,
                                                           const CivicHearingPolicy *policy,
                                                           GError              **error);
gboolean                civic_hearing_postpone            (CivicHearing         *self,
                                                           CivicDay              day,
                                                           const char           *reason,
                                                           GError              **error);
gboolean                civic_hearing_withdraw            (CivicHearing         *self,
                                                           const char           *by_id,
                                                           CivicDay              day,
                                                           const char           *reason,
                                                           GError              **error);
gboolean                civic_hearing_refuse_to_sign      (CivicHearing         *self,
                                                           const char           *participant_id,
                                                           CivicDay              day,
                                                           const char           *note,
                                                           GError              **error);
gboolean                civic_hearing_request_recusal     (CivicHearing         *self,
                                                           const char           *by_id,
                                                           const char           *reason,
                                                           CivicDay              day,
                                                           GError              **error);
gboolean                civic_hearing_decide_recusal      (CivicHearing         *self,
                                                           guint                 index,
                                                           CivicHearingRecusalDecision decision,
                                                           const char           *decided_by,
                                                           CivicDay              day,
                                                           const char           *note,
                                                           GError              **error);
gboolean                civic_hearing_mark_held           (CivicHearing         *self,
                                                           const char * const   *examiner_ids,
                                                           CivicCalendar        *calendar,
                                                           const CivicHearingPolicy *policy,
                                                           CivicDay              today,
                                                           GError              **error);
gboolean                civic_hearing_set_record_summary  (CivicHearing         *self,
                                                           const char           *summary,
                                                           GError              **error);
gboolean                civic_hearing_sign_record         (CivicHearing         *self,
                                                           const char           *participant_id,
                                                           CivicDay              day,
                                                           gboolean              sealed,
                                                           GError              **error);
gboolean                civic_hearing_conclude            (CivicHearing         *self,
                                                           CivicDay              day,
                                                           GError              **error);
gboolean                civic_hearing_cancel              (CivicHearing         *self,
                                                           CivicDay              day,
                                                           const char           *reason,
                                                           GError              **error);

/* Rules */
GPtrArray              *civic_hearing_validate            (CivicHearing         *self,
                                                           const char * const   *examiner_ids,
                                                           CivicCalendar        *calendar,
                                                           const CivicHearingPolicy *policy,
                                                           CivicDay              today);
void                    civic_hearing_get_key_dates       (CivicHearing         *self,
                                                           CivicCalendar        *calendar,
                                                           const CivicHearingPolicy *policy,
                                                           CivicHearingDates    *dates);
gboolean                civic_hearing_get_clock_stop_span (CivicHearing         *self,
                                                           CivicDay             *stop_day,
                                                           CivicDay             *resume_day);

gboolean                civic_hearing_finding_blocks_schedule (const CivicHearingFinding *finding);

/* Conflicts */
GPtrArray              *civic_hearing_find_conflicts      (GPtrArray            *hearings);
char                   *civic_hearing_conflict_describe   (const CivicHearingConflict *conflict);
GPtrArray              *civic_hearing_find_conflicts_with (CivicHearing         *candidate,
                                                           const CivicHearingSlot *slot,
                                                           GPtrArray            *hearings);

/* Wire format */
JsonNode               *civic_hearing_to_json             (CivicHearing         *self);
CivicHearing           *civic_hearing_new_from_json       (JsonNode             *node,
                                                           GError              **error);

const char             *civic_hearing_kind_get_label      (CivicHearingKind      kind);
const char             *civic_hearing_state_get_label     (CivicHearingState     state);
const char             *civic_hearing_role_get_label      (CivicHearingRole      role);
const char             *civic_hearing_recusal_decision_get_label
                                                          (CivicHearingRecusalDecision decision);
const char             *civic_hearing_conflict_kind_get_label (CivicHearingConflictKind kind);
const char             *civic_hearing_notice_method_get_label (CivicHearingNoticeMethod method);
const char             *civic_hearing_publicity_get_label (CivicHearingPublicity publicity);

G_END_DECLS
