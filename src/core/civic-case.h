/* civic-case.h — a licensing case (办件), as the law and the hall see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "civic-actor.h"
#include "civic-clock.h"
#include "civic-document.h"

G_BEGIN_DECLS

/* The canonical states (law-and-rules.md §2.6, §6.4). */
typedef enum
{
  CIVIC_CASE_STATE_SUBMITTED,             /* 申请 */
  CIVIC_CASE_STATE_PRE_REVIEW,            /* 预审 */
  CIVIC_CASE_STATE_CORRECTION_REQUESTED,  /* 补正 */
  CIVIC_CASE_STATE_NOT_ACCEPTED,          /* 不予受理 */
  CIVIC_CASE_STATE_UNDER_REVIEW,          /* 受理 → 审查 */
  CIVIC_CASE_STATE_SUSPENDED,             /* 特别程序 (Art. 45) */
  CIVIC_CASE_STATE_HEARING,               /* 听证 (Arts. 46–48) */
  CIVIC_CASE_STATE_APPROVED,              /* 准予许可 */
  CIVIC_CASE_STATE_DENIED,                /* 不予许可 */
  CIVIC_CASE_STATE_SERVED,                /* 送达 */
  CIVIC_CASE_STATE_CLOSED,                /* 办结 */
} CivicCaseState;

/* Whose queue holds the case: the role that acts next. */
typedef enum
{
  CIVIC_QUEUE_NONE,
  CIVIC_QUEUE_CLERK,
  CIVIC_QUEUE_EXAMINER,
  CIVIC_QUEUE_APPROVER,
  CIVIC_QUEUE_HEARING,
} CivicQueue;

/* Closure result codes (办结结果), mapped to each province's exchange codes
 * at the border; these are ours. */
typedef enum
{
  CIVIC_CLOSURE_GRANTED,       /* 出证办结 */
  CIVIC_CLOSURE_DENIED,        /* 不予许可 */
  CIVIC_CLOSURE_VOIDED,        /* 作废办结 */
  CIVIC_CLOSURE_DELETED,       /* 删除办结: entered in error */
  CIVIC_CLOSURE_FORWARDED,     /* 转报办结 */
  CIVIC_CLOSURE_WITHDRAWN,     /* 退件: correction never completed, or withdrawn */
  CIVIC_CLOSURE_NOT_ACCEPTED,  /* 不予受理 */
} CivicClosureCode;

typedef enum
{
  CIVIC_CHANNEL_ONLINE,        /* 网上办事大厅 */
  CIVIC_CHANNEL_WINDOW,        /* 窗口 */
  CIVIC_CHANNEL_MAIL,
  CIVIC_CHANNEL_MOBILE_APP,
  CIVIC_CHANNEL_WECHAT,
  CIVIC_CHANNEL_SELF_SERVICE,
} CivicChannel;

typedef enum
{
  CIVIC_TRACK_ORDINARY,        /* 20 + 10 working days (ALL Art. 42 ¶1) */
  CIVIC_TRACK_JOINT,           /* 45 + 15 working days (ALL Art. 42 ¶2) */
} CivicTrack;

typedef enum
{
  CIVIC_ITEM_KIND_LICENSING,        /* 行政许可 */
  CIVIC_ITEM_KIND_PUBLIC_SERVICE,   /* 公共服务 */
} CivicItemKind;

typedef enum
{
  CIVIC_APPLICANT_PERSON,
  CIVIC_APPLICANT_ORGANISATION,
} CivicApplicantKind;

typedef enum
{
  CIVIC_RECOMMENDATION_APPROVE,
  CIVIC_RECOMMENDATION_DENY,
} CivicRecommendation;

typedef enum
{
  CIVIC_NOT_ACCEPT_NO_LICENCE_NEEDED,  /* Art. 32(1) */
  CIVIC_NOT_ACCEPT_NOT_COMPETENT,      /* Art. 32(2) */
  CIVIC_NOT_ACCEPT_OTHER,
} CivicNotAcceptGround;

typedef enum
{
  CIVIC_SERVICE_IN_PERSON,
  CIVIC_SERVICE_POST,
  CIVIC_SERVICE_ELECTRONIC,
  CIVIC_SERVICE_ANNOUNCEMENT,
} CivicServiceMethod;

typedef struct
{
  CivicApplicantKind  kind;
  char               *name;        /* a person, or an organisation */
  char               *id_number;   /* resident ID, or the credit code */
  char               *phone;
  char               *address;
  char               *contact;     /* an organisation's contact person */
  gboolean            masked;      /* personal data hidden, as in the feed */
} CivicApplicant;

typedef struct
{
  char     *id;
  char     *name;
  gboolean  required;
  gboolean  received;
} CivicMaterial;

/* One correction notice (补正告知书): the complete list at once. */
typedef struct
{
  int       round;
  CivicDay  notified_on;
  GStrv     items;            /* material ids */
  char     *note;
  char     *override_reason;  /* why a second notice was allowed */
  CivicDay  received_on;
} CivicCorrection;

typedef struct
{
  char                *by_id;
  char                *by_name;
  GDateTime           *at;
  CivicRecommendation  recommendation;
  char                *text;
} CivicOpinion;

typedef struct
{
  CivicDay   on;
  GStrv      verifiers;   /* at least two (ALL Art. 34) */
  char      *note;
  char      *recorded_by;
} CivicVerification;

typedef struct
{
  CivicStopReason  reason;
  CivicDay         started_on;
  int              expected_days;   /* the written notice of time needed */
  char            *note;
  CivicDay         ended_on;
  char            *result;
} CivicSuspension;

/* A co-department's part of a joint case (一件事一次办). */
typedef struct
{
  char                *department_id;
  char                *department_name;
  gboolean             done;
  CivicRecommendation  result;
  char                *text;
  char                *by_id;
  char                *by_name;
  GDateTime           *at;
} CivicSubtask;

typedef struct
{
  gboolean   required;        /* the item requires one (Art. 46) */
  CivicDay   informed_on;     /* parties told of the right (Art. 47) */
  GStrv      parties;
  CivicDay   waived_on;
  CivicDay   requested_on;
  char      *requested_by;
  gboolean   ex_officio;
  char      *order_reason;
  CivicDay   started_on;
  CivicDay   concluded_on;
  char      *hearing_id;
  char      *record_ref;
} CivicCaseHearing;

typedef struct
{
  CivicNotAcceptGround  ground;
  CivicDay              on;
  char                 *reason;
  char                 *legal_basis;
  char                 *competent_authority;
} CivicNotAccepted;

typedef struct
{
  CivicRecommendation  result;
  CivicDay             on;
  char                *by_id;
  char                *by_name;
  char                *reason;
  char                *legal_basis;
  char                *number;
  char                *reconsideration_body;
  char                *court;
  char                *hearing_record;
} CivicDecision;

typedef struct
{
  CivicServiceMethod  method;
  CivicDay            on;
  char               *certificate_no;
} CivicService;

typedef struct
{
  CivicClosureCode  code;
  CivicDay          on;
  char             *reason;
} CivicClosure;

/* A formal document issued on the case (civic-document.h). The client's
 * own version of a document it asked for has no number yet: a draft
 * until the service numbers, renders and stores it. */
typedef struct
{
  char                  *id;        /* the id of the command that issued it */
  CivicDocumentKind      kind;
  CivicDocumentLanguage  language;
  int                    round;     /* a correction notice's round; else 0 */
  CivicDay               issued_on;
  GDateTime             *at;
  char                  *by_id;
  char                  *by_name;
  char                  *title;     /* as printed: "补正材料通知书" */
  /* The service's: NULL while a draft */
  char                  *number;    /* 湘市监补〔2026〕3号 */
  char                  *code;      /* the verification code */
  char                  *sha256;    /* of the PDF, in hex */
  gint64                 size;      /* of the PDF, in bytes */
  /* Whom it is addressed to, of a record's several: a hearing notice's
   * party (nullable) */
  char                  *subject;
} CivicCaseDocument;

/* One line of the case timeline. */
typedef struct
{
  char       *type;          /* the action's nick, "accept", "comment", … */
  char       *actor_id;
  char       *actor_name;
  GDateTime  *at;
  char       *text;          /* what the official wrote, if anything */
  JsonObject *args;          /* the action's arguments as given, or NULL */
  char       *command_id;
} CivicCaseEvent;

void                civic_case_document_free      (CivicCaseDocument   *document);
CivicCaseDocument  *civic_case_document_copy      (const CivicCaseDocument *document);
void                civic_case_document_write     (JsonBuilder         *builder,
                                                   const CivicCaseDocument *document);
CivicCaseDocument  *civic_case_document_read      (JsonObject          *object,
                                                   GError             **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicCaseDocument, civic_case_document_free)

JsonNode           *civic_applicant_to_json       (const CivicApplicant *applicant);
gboolean            civic_applicant_read          (JsonObject          *object,
                                                   CivicApplicant      *applicant,
                                                   GError             **error);
void                civic_applicant_clear         (CivicApplicant      *applicant);

#define CIVIC_TYPE_CASE (civic_case_get_type ())
G_DECLARE_FINAL_TYPE (CivicCase, civic_case, CIVIC, CASE, GObject)

/* Personal data (civic-case-personal.c) */
gboolean            civic_case_is_personal_argument (const char      *member);
JsonObject         *civic_case_mask_arguments     (JsonObject          *args);
GStrv               civic_case_dup_masked_parties (CivicCase           *self);
JsonNode           *civic_case_dup_personal       (CivicCase           *self);
gboolean            civic_case_restore_personal   (CivicCase           *self,
                                                   JsonNode            *personal,
                                                   GError             **error);

/* Creation */
CivicCase          *civic_case_new                (const char          *id,
                                                   const char          *number,
                                                   GDateTime           *received_at);
void                civic_case_set_item           (CivicCase           *self,
                                                   const char          *code,
                                                   const char          *name,
                                                   CivicItemKind        kind,
                                                   int                  statutory_days,
                                                   int                  promised_days,
                                                   CivicTrack           track,
                                                   gboolean             hearing_required,
                                                   const char          *legal_basis);
void                civic_case_set_item_terms     (CivicCase           *self,
                                                   int                  version,
                                                   CivicClockUnit       statutory_unit,
                                                   CivicClockUnit       promised_unit);
void                civic_case_set_item_remedies  (CivicCase           *self,
                                                   const char          *reconsideration_body,
                                                   const char          *court);
void                civic_case_set_department     (CivicCase           *self,
                                                   const char          *id,
                                                   const char          *name);
void                civic_case_set_channel        (CivicCase           *self,
                                                   CivicChannel         channel);
void                civic_case_set_applicant      (CivicCase           *self,
                                                   const CivicApplicant *applicant);
void                civic_case_add_material       (CivicCase           *self,
                                                   const char          *id,
                                                   const char          *name,
                                                   gboolean             required,
                                                   gboolean             received);
void                civic_case_add_subtask        (CivicCase           *self,
                                                   const char          *department_id,
                                                   const char          *department_name);
void                civic_case_start              (CivicCase           *self,
                                                   CivicCalendar       *calendar);

CivicCase          *civic_case_copy               (CivicCase           *self);
CivicCase          *civic_case_copy_masked        (CivicCase           *self);

/* Identity */
const char         *civic_case_get_id             (CivicCase           *self);
const char         *civic_case_get_number         (CivicCase           *self);
gint64              civic_case_get_rev            (CivicCase           *self);
void                civic_case_set_rev            (CivicCase           *self,
                                                   gint64               rev);

/* Item and department */
const char         *civic_case_get_item_code      (CivicCase           *self);
const char         *civic_case_get_item_name      (CivicCase           *self);
CivicItemKind       civic_case_get_item_kind      (CivicCase           *self);
const char         *civic_case_get_item_legal_basis (CivicCase         *self);
const char         *civic_case_get_item_reconsideration_body (CivicCase *self);
const char         *civic_case_get_item_court     (CivicCase           *self);
CivicTrack          civic_case_get_track          (CivicCase           *self);
int                 civic_case_get_statutory_days (CivicCase           *self);
int                 civic_case_get_item_version   (CivicCase           *self);
CivicClockUnit      civic_case_get_statutory_unit (CivicCase           *self);
int                 civic_case_get_promised_days  (CivicCase           *self);
const char         *civic_case_get_department_id  (CivicCase           *self);
const char         *civic_case_get_department_name (CivicCase          *self);
CivicChannel        civic_case_get_channel        (CivicCase           *self);
const CivicApplicant *civic_case_get_applicant    (CivicCase           *self);

/* Where it stands */
CivicCaseState      civic_case_get_state          (CivicCase           *self);
CivicQueue          civic_case_get_queue          (CivicCase           *self);
const char         *civic_case_get_assignee_id    (CivicCase           *self);
const char         *civic_case_get_assignee_name  (CivicCase           *self);
GDateTime          *civic_case_get_received_at    (CivicCase           *self);
CivicDay            civic_case_get_received_on    (CivicCase           *self);
CivicDay            civic_case_get_accepted_on    (CivicCase           *self);
gboolean            civic_case_get_deemed_accepted (CivicCase          *self);
int                 civic_case_get_round          (CivicCase           *self);

/* Clocks (nullable: a clock exists from the event that starts it) */
CivicClock         *civic_case_get_correction_clock (CivicCase         *self);
CivicClock         *civic_case_get_statutory_clock (CivicCase          *self);
CivicClock         *civic_case_get_promised_clock (CivicCase           *self);
CivicClock         *civic_case_get_delivery_clock (CivicCase           *self);
CivicClock         *civic_case_get_governing_clock (CivicCase          *self);

/* Records */
GPtrArray          *civic_case_get_materials      (CivicCase           *self);
GPtrArray          *civic_case_get_corrections    (CivicCase           *self);
GPtrArray          *civic_case_get_opinions       (CivicCase           *self);
GPtrArray          *civic_case_get_verifications  (CivicCase           *self);
GPtrArray          *civic_case_get_suspensions    (CivicCase           *self);
GPtrArray          *civic_case_get_subtasks       (CivicCase           *self);
GPtrArray          *civic_case_get_events         (CivicCase           *self);
const CivicCaseHearing *civic_case_get_hearing    (CivicCase           *self);
const CivicNotAccepted *civic_case_get_not_accepted (CivicCase         *self);
const CivicDecision *civic_case_get_decision      (CivicCase           *self);
const CivicService *civic_case_get_service        (CivicCase           *self);
const CivicClosure *civic_case_get_closure        (CivicCase           *self);
GPtrArray          *civic_case_get_documents      (CivicCase           *self);
const CivicCaseDocument *civic_case_find_document (CivicCase           *self,
                                                   const char          *id);
gboolean            civic_case_document_available (CivicCase           *self,
                                                   CivicDocumentKind    kind,
                                                   GError             **error);
GHashTable         *civic_case_document_values    (CivicCase           *self,
                                                   const CivicCaseDocument *document,
                                                   JsonObject          *department,
                                                   CivicCalendar       *calendar,
                                                   GError             **error);
gboolean            civic_case_document_is_draft  (const CivicCaseDocument *document);
gboolean            civic_case_document_for_action (CivicCase          *self,
                                                   guint                action,
                                                   CivicDocumentKind   *kind);
gboolean            civic_case_set_document_issued (CivicCase          *self,
                                                   const char          *id,
                                                   const char          *title,
                                                   const char          *number,
                                                   const char          *code,
                                                   const char          *sha256,
                                                   gint64               size);

gboolean            civic_case_is_joint           (CivicCase           *self);
gboolean            civic_case_is_open            (CivicCase           *self);
const CivicMaterial *civic_case_find_material     (CivicCase           *self,
                                                   const char          *id);
GPtrArray          *civic_case_dup_missing_materials (CivicCase        *self);
GPtrArray          *civic_case_dup_pending_subtasks (CivicCase         *self);
GStrv               civic_case_dup_examiner_ids   (CivicCase           *self);
void                civic_case_set_hearing_id     (CivicCase           *self,
                                                   const char          *hearing_id);
gboolean            civic_case_may_reveal         (CivicCase          *self,
                                                   const CivicActor   *actor);
gboolean            civic_case_involves_department (CivicCase          *self,
                                                   const char          *department_id);

/* Wire format */
JsonNode           *civic_case_to_json            (CivicCase           *self);
JsonNode           *civic_case_to_masked_json     (CivicCase           *self);
char               *civic_case_to_feed_json       (CivicCase           *self,
                                                   CivicCalendar       *calendar,
                                                   CivicDay             today);
const char         *civic_case_status_nick        (CivicCase           *self,
                                                   const CivicClockReading *reading);
JsonNode           *civic_case_summarize          (CivicCase           *self,
                                                   CivicCalendar       *calendar,
                                                   CivicDay             today,
                                                   const CivicClockPolicy *policy);
CivicCase          *civic_case_new_from_json      (JsonNode            *node,
                                                   GError             **error);

/* Labels */
const char         *civic_case_state_get_label    (CivicCaseState       state);
const char         *civic_closure_code_get_label  (CivicClosureCode     code);
const char         *civic_channel_get_label       (CivicChannel         channel);
const char         *civic_queue_get_label         (CivicQueue           queue);
const char         *civic_recommendation_get_label (CivicRecommendation recommendation);
const char         *civic_service_method_get_label (CivicServiceMethod  method);
const char         *civic_not_accept_ground_get_label (CivicNotAcceptGround ground);


G_END_DECLS
