/* civic-hearing-kind.h — the hearing (听证) as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-case.h"
#include "civic-entity.h"
#include "civic-hearing.h"

G_BEGIN_DECLS

/* What officials do to a hearing, as commands. The names on the wire are
 * unique across kinds (a case has its own "close"), hence the nicks. */
typedef enum
{
  CIVIC_HEARING_ACTION_ADD_PARTY,        /*< nick=add-hearing-party >*/
  CIVIC_HEARING_ACTION_SCHEDULE,         /*< nick=schedule-hearing >*/
  CIVIC_HEARING_ACTION_NOTIFY,           /*< nick=notify-hearing >*/
  CIVIC_HEARING_ACTION_POSTPONE,         /*< nick=postpone-hearing >*/
  CIVIC_HEARING_ACTION_REQUEST_RECUSAL,  /*< nick=request-recusal >*/
  CIVIC_HEARING_ACTION_DECIDE_RECUSAL,   /*< nick=decide-recusal >*/
  CIVIC_HEARING_ACTION_WITHDRAW,         /*< nick=withdraw-hearing-request >*/
  CIVIC_HEARING_ACTION_CANCEL,           /*< nick=cancel-hearing >*/
  CIVIC_HEARING_ACTION_HOLD,             /*< nick=hold-hearing >*/
  CIVIC_HEARING_ACTION_WRITE_RECORD,     /*< nick=write-hearing-record >*/
  CIVIC_HEARING_ACTION_SIGN_RECORD,      /*< nick=sign-hearing-record >*/
  CIVIC_HEARING_ACTION_CLOSE,            /*< nick=close-hearing >*/
  CIVIC_HEARING_ACTION_JOIN,             /*< nick=join-hearing >*/
} CivicHearingAction;

#define CIVIC_N_HEARING_ACTIONS (CIVIC_HEARING_ACTION_JOIN + 1)

/* How a participant confirmed the record, or did not (Art. 48(5)). */
typedef enum
{
  CIVIC_HEARING_SIGNATURE_SIGNED,   /* 签字 */
  CIVIC_HEARING_SIGNATURE_SEALED,   /* 盖章 */
  CIVIC_HEARING_SIGNATURE_REFUSED,  /* 拒绝签字, noted by the host */
} CivicHearingSignature;

/* What an official is told of a hearing, unasked */
typedef enum
{
  CIVIC_HEARING_REMINDER_NONE,
  CIVIC_HEARING_REMINDER_TOMORROW,  /* theirs, on the next working day */
  CIVIC_HEARING_REMINDER_NEAR,      /* to schedule, 3 working days or less before Art. 47's last day */
  CIVIC_HEARING_REMINDER_LATE,      /* to schedule, past it */
} CivicHearingReminder;

extern const CivicEntityKind civic_hearing_kind;

const char          *civic_hearing_action_get_label     (CivicHearingAction  action);
const CivicArgument *civic_hearing_action_get_arguments (CivicHearingAction  action);

CivicHearing        *civic_hearing_new_for_case         (const char         *id,
                                                         gboolean            ex_officio,
                                                         const char         *case_id,
                                                         const char         *number,
                                                         const char         *department_id,
                                                         const char         *matter,
                                                         CivicDay            informed_on,
                                                         CivicDay            requested_on,
                                                         const char * const *examiner_ids);

CivicHearingReminder civic_hearing_get_reminder         (CivicHearing       *hearing,
                                                         const CivicActor   *official,
                                                         CivicCalendar      *calendar,
                                                         CivicDay            today);
char                *civic_hearing_to_feed_json         (CivicHearing       *hearing);
JsonNode            *civic_hearing_dup_personal         (CivicHearing       *hearing);
gboolean             civic_hearing_restore_personal     (CivicHearing       *hearing,
                                                         JsonNode           *personal,
                                                         GError            **error);
char                *civic_hearing_describe_slot        (CivicHearing       *hearing);

/* Its documents (civic-document.h): a notice to each party, the
 * announcement, the record */
GPtrArray           *civic_hearing_get_documents        (CivicHearing       *hearing);
gboolean             civic_hearing_set_document_issued  (CivicHearing       *hearing,
                                                         const char         *id,
                                                         const char         *title,
                                                         const char         *number,
                                                         const char         *code,
                                                         const char         *sha256,
                                                         gint64              size);
GHashTable          *civic_hearing_document_values      (CivicHearing       *hearing,
                                                         const CivicCaseDocument *document,
                                                         JsonObject         *department,
                                                         JsonObject         *room,
                                                         GError            **error);
char                *civic_hearing_check_room           (CivicHearing       *hearing,
                                                         JsonObject         *room,
                                                         GDateTime          *starts,
                                                         GDateTime          *ends);

G_END_DECLS
