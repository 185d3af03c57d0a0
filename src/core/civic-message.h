/* civic-message.h — a citizen's message to the hall (互动交流)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-calendar.h"
#include "civic-case.h"
#include "civic-clock.h"
#include "civic-day.h"

G_BEGIN_DECLS

/* What a citizen writes to the hall: a question, a complaint, a
 * suggestion, a report of wrongdoing, a plea for help, an idea for a
 * campaign (docs/plans/messages.md, decision 2). Each comes in through a
 * channel and runs on clocks a region sets (civic-message-clocks.h). */

typedef enum
{
  CIVIC_MESSAGE_KIND_CONSULTATION,  /*< nick=consultation >*/  /* 咨询 */
  CIVIC_MESSAGE_KIND_COMPLAINT,     /*< nick=complaint >*/     /* 投诉 */
  CIVIC_MESSAGE_KIND_SUGGESTION,    /*< nick=suggestion >*/    /* 建议 */
  CIVIC_MESSAGE_KIND_REPORT,        /*< nick=report >*/        /* 举报 */
  CIVIC_MESSAGE_KIND_HELP,          /*< nick=help >*/          /* 求助 */
  CIVIC_MESSAGE_KIND_IDEA,          /*< nick=idea >*/          /* 金点子 */
} CivicMessageKind;

#define CIVIC_N_MESSAGE_KINDS (CIVIC_MESSAGE_KIND_IDEA + 1)

typedef enum
{
  CIVIC_MESSAGE_CHANNEL_PORTAL,    /*< nick=portal >*/
  CIVIC_MESSAGE_CHANNEL_WECHAT,    /*< nick=wechat >*/
  CIVIC_MESSAGE_CHANNEL_APP,       /*< nick=app >*/
  CIVIC_MESSAGE_CHANNEL_ON_SITE,   /*< nick=on-site >*/
  CIVIC_MESSAGE_CHANNEL_EMAIL,     /*< nick=email >*/
  CIVIC_MESSAGE_CHANNEL_LETTER,    /*< nick=letter >*/
  CIVIC_MESSAGE_CHANNEL_HOTLINE,   /*< nick=hotline-12345 >*/
  CIVIC_MESSAGE_CHANNEL_OPEN311,   /*< nick=open311 >*/
} CivicMessageChannel;

#define CIVIC_N_MESSAGE_CHANNELS (CIVIC_MESSAGE_CHANNEL_OPEN311 + 1)

/* The steps a region puts a time limit on */
typedef enum
{
  CIVIC_MESSAGE_STEP_SIGN_FOR,       /*< nick=sign-for >*/        /* 签收 */
  CIVIC_MESSAGE_STEP_REPLY,          /*< nick=reply >*/           /* 答复 */
  CIVIC_MESSAGE_STEP_SEND_BACK,      /*< nick=send-back >*/       /* 退单: objecting to a misrouted one */
  CIVIC_MESSAGE_STEP_RECTIFICATION,  /*< nick=rectification >*/   /* 差评整改 */
  CIVIC_MESSAGE_STEP_EVALUATION,     /*< nick=evaluation >*/      /* the citizen's time to rate */
} CivicMessageStep;

#define CIVIC_N_MESSAGE_STEPS (CIVIC_MESSAGE_STEP_EVALUATION + 1)

/* Where a message stands. A reopened one is worked on again as one in
 * progress; a merged one lives on in the message it was merged into, one
 * routed to a case in that case. */
typedef enum
{
  CIVIC_MESSAGE_STATE_NEW,              /*< nick=new >*/              /* 待签收 */
  CIVIC_MESSAGE_STATE_SIGNED_FOR,       /*< nick=signed-for >*/       /* 已签收 */
  CIVIC_MESSAGE_STATE_IN_PROGRESS,      /*< nick=in-progress >*/      /* 办理中 */
  CIVIC_MESSAGE_STATE_SENT_BACK,        /*< nick=sent-back >*/        /* 退单待裁定 */
  CIVIC_MESSAGE_STATE_REPLY_IN_REVIEW,  /*< nick=reply-in-review >*/  /* 答复审核中 */
  CIVIC_MESSAGE_STATE_REPLIED,          /*< nick=replied >*/          /* 已答复 */
  CIVIC_MESSAGE_STATE_CLOSED,           /*< nick=closed >*/           /* 已办结 */
  CIVIC_MESSAGE_STATE_REOPENED,         /*< nick=reopened >*/         /* 重新办理 */
  CIVIC_MESSAGE_STATE_MERGED,           /*< nick=merged >*/           /* 已合并 */
  CIVIC_MESSAGE_STATE_ROUTED_TO_CASE,   /*< nick=routed-to-case >*/   /* 转入案件 */
} CivicMessageState;

#define CIVIC_N_MESSAGE_STATES (CIVIC_MESSAGE_STATE_ROUTED_TO_CASE + 1)

/* Why a department hands a message to another (转办), or sends one
 * back to the hall (退单) */
typedef enum
{
  CIVIC_MESSAGE_ROUTING_NOT_OUR_REMIT,   /*< nick=not-our-remit >*/    /* 不属于本单位职责 */
  CIVIC_MESSAGE_ROUTING_OTHER_LEVEL,     /*< nick=other-level >*/      /* 属于其他层级 */
  CIVIC_MESSAGE_ROUTING_JOINT,           /*< nick=joint-handling >*/   /* 需牵头单位统筹 */
  CIVIC_MESSAGE_ROUTING_OTHER_CHANNEL,   /*< nick=other-procedure >*/  /* 应通过诉讼、复议等途径 */
  CIVIC_MESSAGE_ROUTING_OTHER,           /*< nick=other >*/
} CivicMessageRouting;

/* The hall's decision on a department's objection */
typedef enum
{
  CIVIC_MESSAGE_DISPUTE_PENDING,  /*< nick=pending >*/
  CIVIC_MESSAGE_DISPUTE_KEPT,     /*< nick=kept >*/     /* the department keeps it */
  CIVIC_MESSAGE_DISPUTE_ROUTED,   /*< nick=routed >*/   /* sent on to the right one */
} CivicMessageDispute;

typedef enum
{
  CIVIC_MESSAGE_REVIEW_DECISION_APPROVE,  /*< nick=approve >*/
  CIVIC_MESSAGE_REVIEW_DECISION_RETURN,   /*< nick=return >*/
} CivicMessageReviewDecision;

typedef enum
{
  CIVIC_MESSAGE_DISPUTE_DECISION_KEEP,   /*< nick=keep >*/
  CIVIC_MESSAGE_DISPUTE_DECISION_ROUTE,  /*< nick=route >*/
} CivicMessageDisputeDecision;

/* A reply's way to the citizen */
typedef enum
{
  CIVIC_MESSAGE_REPLY_IN_REVIEW,  /*< nick=in-review >*/
  CIVIC_MESSAGE_REPLY_RETURNED,   /*< nick=returned >*/  /* the reviewer sent it back */
  CIVIC_MESSAGE_REPLY_SENT,       /*< nick=sent >*/
} CivicMessageReplyStatus;

/* How a message ended, as the closing official records it */
typedef enum
{
  CIVIC_MESSAGE_OUTCOME_RESOLVED,      /*< nick=resolved >*/       /* 已解决 */
  CIVIC_MESSAGE_OUTCOME_EXPLAINED,     /*< nick=explained >*/      /* 已解释说明 */
  CIVIC_MESSAGE_OUTCOME_UNRESOLVED,    /*< nick=unresolved >*/     /* 未解决 */
  CIVIC_MESSAGE_OUTCOME_NOT_ACCEPTED,  /*< nick=not-accepted >*/   /* 不予受理 */
} CivicMessageOutcome;

/* How a return visit (回访) reached the citizen, and what they said */
typedef enum
{
  CIVIC_MESSAGE_VISIT_PHONE,      /*< nick=phone >*/
  CIVIC_MESSAGE_VISIT_SMS,        /*< nick=sms >*/
  CIVIC_MESSAGE_VISIT_IN_PERSON,  /*< nick=in-person >*/
  CIVIC_MESSAGE_VISIT_ONLINE,     /*< nick=online >*/
} CivicMessageVisitChannel;

typedef enum
{
  CIVIC_MESSAGE_SATISFACTION_SATISFIED,    /*< nick=satisfied >*/
  CIVIC_MESSAGE_SATISFACTION_BASICALLY,    /*< nick=basically-satisfied >*/
  CIVIC_MESSAGE_SATISFACTION_UNSATISFIED,  /*< nick=unsatisfied >*/
  CIVIC_MESSAGE_SATISFACTION_UNREACHED,    /*< nick=unreached >*/
} CivicMessageSatisfaction;

/* Where an idea (金点子) stands in its campaign: the board's columns */
typedef enum
{
  CIVIC_IDEA_STATUS_RECEIVED,     /*< nick=received >*/
  CIVIC_IDEA_STATUS_SHORTLISTED,  /*< nick=shortlisted >*/
  CIVIC_IDEA_STATUS_ADOPTED,      /*< nick=adopted >*/
  CIVIC_IDEA_STATUS_DECLINED,     /*< nick=declined >*/
} CivicIdeaStatus;

#define CIVIC_N_IDEA_STATUSES (CIVIC_IDEA_STATUS_DECLINED + 1)

/* What the answer to an idea decides */
typedef enum
{
  CIVIC_IDEA_DECISION_ADOPT,    /*< nick=adopt >*/
  CIVIC_IDEA_DECISION_DECLINE,  /*< nick=decline >*/
} CivicIdeaDecision;

#define CIVIC_IDEA_SCORE_MIN 1
#define CIVIC_IDEA_SCORE_MAX 10

/* One official's score of an idea: the latest they gave */
typedef struct
{
  int        score;
  CivicDay   on;
  char      *by_id;
  char      *by_name;
} CivicIdeaScore;

/* Who wrote: personal data, sealed by the service and masked in the
 * feed, but for @anonymous */
typedef struct
{
  gboolean  anonymous;
  char     *name;
  char     *id_number;
  char     *phone;
  char     *email;
  char     *address;
  gboolean  masked;
} CivicMessageCitizen;

/* Where the matter is, when the citizen says (a pothole's corner): not
 * the citizen's own address */
typedef struct
{
  char     *address;
  gboolean  has_position;
  double    lat;
  double    lon;
} CivicMessageLocation;

/* A file that came with the message — the citizen's photo, a scanned
 * letter, a mail's attachment — kept by the service under its sha256,
 * with the message's personal data: officials open it, the public never
 * does. Its type and size are what the service received. */
typedef struct
{
  char      *sha256;
  char      *name;
  char      *media_type;
  gint64     size;
  CivicDay   added_on;
  char      *added_by_id;    /* (nullable): the official who added it; none when it came in */
  char      *added_by_name;
} CivicMessageAttachment;

#define CIVIC_MESSAGE_MAX_ATTACHMENTS 20

/* A public reply: what the citizen, and the public side, read. Never an
 * internal note: the two are different types, kept in different members,
 * tables and commands (docs/plans/messages.md, decision 4). */
typedef struct
{
  guint                    number;
  char                    *text;
  CivicMessageReplyStatus  status;
  char                    *by_id;
  char                    *by_name;
  GDateTime               *at;
  CivicDay                 sent_on;        /* invalid until it went out */
  char                    *reviewed_by_id; /* (nullable) */
  char                    *reviewed_by_name;
  /* An idea's answer: ADOPTED or DECLINED, which the idea becomes when
   * the answer goes out; RECEIVED for any other reply */
  CivicIdeaStatus          decides;
} CivicMessageReply;

/* An internal note: officials only */
typedef struct
{
  guint       number;
  char       *text;
  char       *by_id;
  char       *by_name;
  GDateTime  *at;
} CivicMessageNote;

/* A hand-over to another department, or an objection to the hall */
typedef struct
{
  CivicMessageRouting   reason;
  char                 *text;
  char                 *from_department_id;
  char                 *to_department_id;   /* (nullable): a send-back's, until decided */
  CivicDay              on;
  char                 *by_id;
  char                 *by_name;
  gboolean              send_back;          /* an objection (退单), not a transfer */
  CivicMessageDispute   dispute;            /* a send-back's */
  char                 *decided_by_id;
  char                 *decided_by_name;
  CivicDay              decided_on;
  char                 *decision_text;
} CivicMessageRoute;

typedef struct
{
  CivicDay   on;
  int        days;
  char      *reason;        /* told to the citizen */
  char      *approved_by_id;
  char      *approved_by_name;
} CivicMessageExtension;

typedef struct
{
  CivicDay                  on;
  CivicMessageVisitChannel  channel;
  CivicMessageSatisfaction  satisfaction;
  char                     *record;
  char                     *by_id;
  char                     *by_name;
} CivicMessageVisit;

typedef struct
{
  CivicDay   on;
  char      *reason;
  char      *by_id;
  char      *by_name;
  guint      after_reply;   /* the replies written before it: the reply that
                             * answers the reopening comes after them */
} CivicMessageReopening;

/* What a region's table says of the message's kind (civic-message-clocks.h) */
typedef struct _CivicMessageTerms CivicMessageTerms;

/* What a message's summary says of its clocks on one day */
typedef struct
{
  CivicMessageStep   step;      /* sign-for, reply or send-back: the one running */
  CivicClockReading *reading;   /* (nullable): none when the message waits on no clock */
} CivicMessageClockReading;

#define CIVIC_TYPE_MESSAGE (civic_message_get_type ())
G_DECLARE_FINAL_TYPE (CivicMessage, civic_message, CIVIC, MESSAGE, GObject)

#define CIVIC_MESSAGE_ERROR (civic_message_error_quark ())

typedef enum
{
  CIVIC_MESSAGE_ERROR_INVALID,
} CivicMessageError;

#define CIVIC_MESSAGE_SUBJECT_MAX  200
#define CIVIC_MESSAGE_BODY_MAX     20000
#define CIVIC_MESSAGE_REPLY_MAX    20000

GQuark      civic_message_error_quark         (void);

const char *civic_message_kind_get_label      (CivicMessageKind         kind);
const char *civic_message_channel_get_label   (CivicMessageChannel      channel);
const char *civic_message_step_get_label      (CivicMessageStep         step);
const char *civic_message_state_get_label     (CivicMessageState        state);
const char *civic_message_routing_get_label   (CivicMessageRouting      routing);
const char *civic_message_outcome_get_label   (CivicMessageOutcome      outcome);
const char *civic_message_visit_channel_get_label (CivicMessageVisitChannel channel);
const char *civic_message_satisfaction_get_label  (CivicMessageSatisfaction satisfaction);
const char *civic_message_review_decision_get_label  (CivicMessageReviewDecision  decision);
const char *civic_message_dispute_decision_get_label (CivicMessageDisputeDecision decision);
const char *civic_idea_status_get_label       (CivicIdeaStatus          status);
const char *civic_idea_decision_get_label     (CivicIdeaDecision        decision);

CivicMessage *civic_message_new               (const char        *id,
                                               const char        *department_id);
CivicMessage *civic_message_copy              (CivicMessage      *self);
CivicMessage *civic_message_new_from_json     (JsonNode          *node,
                                               GError           **error);
JsonNode     *civic_message_to_json           (CivicMessage      *self);

const char   *civic_message_get_id            (CivicMessage      *self);
gint64        civic_message_get_rev           (CivicMessage      *self);
void          civic_message_set_rev           (CivicMessage      *self,
                                               gint64             rev);
const char   *civic_message_get_receipt       (CivicMessage      *self);
void          civic_message_set_receipt       (CivicMessage      *self,
                                               const char        *receipt);
CivicMessageKind    civic_message_get_kind    (CivicMessage      *self);
CivicMessageChannel civic_message_get_channel (CivicMessage      *self);
CivicMessageState   civic_message_get_state   (CivicMessage      *self);
const char   *civic_message_get_subject       (CivicMessage      *self);
const char   *civic_message_get_body          (CivicMessage      *self);
const CivicMessageCitizen  *civic_message_get_citizen  (CivicMessage *self);
const CivicMessageLocation *civic_message_get_location (CivicMessage *self);
const char   *civic_message_get_department_id (CivicMessage      *self);
const char   *civic_message_get_assignee_id   (CivicMessage      *self);
const char   *civic_message_get_assignee_name (CivicMessage      *self);
const char   *civic_message_get_accused_department_id (CivicMessage *self);
const char   *civic_message_get_accused_person_id     (CivicMessage *self);
const char   *civic_message_get_campaign_id   (CivicMessage      *self);
const char   *civic_message_get_service_code  (CivicMessage      *self);
const char   *civic_message_get_case_id       (CivicMessage      *self);
const char   *civic_message_get_merged_into   (CivicMessage      *self);
const char * const *civic_message_get_links   (CivicMessage      *self);
GPtrArray    *civic_message_get_attachments   (CivicMessage      *self);
const CivicMessageAttachment *civic_message_find_attachment (CivicMessage *self,
                                                             const char   *sha256);
const char   *civic_message_get_media_url     (CivicMessage      *self);
GPtrArray    *civic_message_get_documents     (CivicMessage      *self);
const CivicCaseDocument *civic_message_find_reply_document (CivicMessage *self,
                                                            guint         reply_number);
void          civic_message_add_document      (CivicMessage      *self,
                                               const CivicCaseDocument *document);
GHashTable   *civic_message_document_values   (CivicMessage      *self,
                                               const CivicCaseDocument *document,
                                               JsonObject        *department,
                                               GError           **error);
CivicIdeaStatus civic_message_get_idea_status (CivicMessage      *self);
GPtrArray    *civic_message_get_idea_scores   (CivicMessage      *self);
double        civic_message_get_idea_mean     (CivicMessage      *self);
GDateTime    *civic_message_get_received_at   (CivicMessage      *self);
CivicDay      civic_message_get_received_on   (CivicMessage      *self);
CivicDay      civic_message_get_arrived_on    (CivicMessage      *self);
CivicDay      civic_message_get_signed_for_on (CivicMessage      *self);
CivicDay      civic_message_get_replied_on    (CivicMessage      *self);
CivicDay      civic_message_get_closed_on     (CivicMessage      *self);
CivicMessageOutcome civic_message_get_outcome (CivicMessage      *self);
const CivicMessageTerms *civic_message_get_terms (CivicMessage   *self);
const CivicMessageExtension *civic_message_get_extension (CivicMessage *self);

/* The public replies, and the internal notes: two arrays of two types */
GPtrArray    *civic_message_get_replies       (CivicMessage      *self);
GPtrArray    *civic_message_get_notes         (CivicMessage      *self);
const CivicMessageReply *civic_message_get_last_sent_reply (CivicMessage *self);
const CivicMessageReply *civic_message_get_pending_reply   (CivicMessage *self);
GPtrArray    *civic_message_get_routes        (CivicMessage      *self);
GPtrArray    *civic_message_get_visits        (CivicMessage      *self);
GPtrArray    *civic_message_get_reopenings    (CivicMessage      *self);

gboolean      civic_message_is_open           (CivicMessage      *self);
gboolean      civic_message_is_hidden_from    (CivicMessage      *self,
                                               const char        *department_id,
                                               const char        *person_id);

/* The clocks, rebuilt from what happened to the message
 * (civic-message-clocks.h gave its terms) */
CivicClock   *civic_message_dup_clock         (CivicMessage      *self,
                                               CivicCalendar     *calendar,
                                               CivicMessageStep   step);
CivicClock   *civic_message_dup_running_clock (CivicMessage      *self,
                                               CivicCalendar     *calendar,
                                               CivicMessageStep  *step);
gboolean      civic_message_read_clock        (CivicMessage      *self,
                                               CivicCalendar     *calendar,
                                               CivicDay           today,
                                               CivicMessageClockReading *out);
void          civic_message_clock_reading_clear (CivicMessageClockReading *reading);
char         *civic_message_fill_template     (CivicMessage      *self,
                                               const char        *text);
CivicDay      civic_message_get_reply_due     (CivicMessage      *self,
                                               CivicCalendar     *calendar,
                                               CivicDay           today);
JsonNode     *civic_message_summarize         (CivicMessage      *self,
                                               CivicCalendar     *calendar,
                                               CivicDay           today);

/* Personal data (civic-message-personal.c) */
gboolean      civic_message_is_personal_argument (const char     *member);
CivicMessage *civic_message_copy_masked       (CivicMessage      *self);
char         *civic_message_to_feed_json      (CivicMessage      *self,
                                               CivicCalendar     *calendar,
                                               CivicDay           today);
JsonNode     *civic_message_dup_personal      (CivicMessage      *self);
gboolean      civic_message_restore_personal  (CivicMessage      *self,
                                               JsonNode          *personal,
                                               GError           **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CivicMessageClockReading, civic_message_clock_reading_clear)

G_END_DECLS
