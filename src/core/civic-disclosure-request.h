/* civic-disclosure-request.h — a request for government information (依申请公开)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-calendar.h"
#include "civic-case.h"
#include "civic-clock.h"
#include "civic-day.h"
#include "civic-disclosure-request-clock.h"
#include "civic-disclosure-request-reply.h"

G_BEGIN_DECLS

/* Regulations on Government Information Disclosure (OGI, 2019),
 * Arts. 27–45: a citizen, legal person or other organisation asks an
 * organ for government information (Art. 27), in writing (Art. 29); the
 * organ may ask once for a correction (Art. 30), consults third parties
 * and co-producers (Arts. 32, 34), replies within 20 working days, which
 * the head of its disclosure office may extend by 20 (Art. 33), and counts
 * the request in its annual report (Art. 50). */

typedef enum
{
  CIVIC_DISCLOSURE_REQUEST_STATE_RECEIVED,              /*< nick=received >*/
  CIVIC_DISCLOSURE_REQUEST_STATE_CORRECTION_REQUESTED,  /*< nick=correction-requested >*/
  CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS,           /*< nick=in-progress >*/
  CIVIC_DISCLOSURE_REQUEST_STATE_CONSULTING,            /*< nick=consulting >*/
  CIVIC_DISCLOSURE_REQUEST_STATE_REPLIED,               /*< nick=replied >*/
  CIVIC_DISCLOSURE_REQUEST_STATE_ABANDONED,             /*< nick=abandoned >*/
  CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN,             /*< nick=withdrawn >*/
} CivicDisclosureRequestState;

#define CIVIC_N_DISCLOSURE_REQUEST_STATES (CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN + 1)

/* How the request came in, which sets the day it counts as received
 * (Art. 31) */
typedef enum
{
  CIVIC_DISCLOSURE_REQUEST_CHANNEL_IN_PERSON,        /*< nick=in-person >*/
  CIVIC_DISCLOSURE_REQUEST_CHANNEL_POST,             /*< nick=post >*/
  CIVIC_DISCLOSURE_REQUEST_CHANNEL_ORDINARY_LETTER,  /*< nick=ordinary-letter >*/
  CIVIC_DISCLOSURE_REQUEST_CHANNEL_ONLINE,           /*< nick=online >*/
  CIVIC_DISCLOSURE_REQUEST_CHANNEL_FAX,              /*< nick=fax >*/
} CivicDisclosureRequestChannel;

/* Who asks, as the columns of the annual report's table of requests in
 * the 2021 format (国办公开办函〔2021〕30号) count them: not personal */
typedef enum
{
  CIVIC_DISCLOSURE_APPLICANT_NATURAL_PERSON,         /*< nick=natural-person >*/
  CIVIC_DISCLOSURE_APPLICANT_COMMERCIAL_ENTERPRISE,  /*< nick=commercial-enterprise >*/
  CIVIC_DISCLOSURE_APPLICANT_RESEARCH_INSTITUTION,   /*< nick=research-institution >*/
  CIVIC_DISCLOSURE_APPLICANT_SOCIAL_WELFARE,         /*< nick=social-welfare-organisation >*/
  CIVIC_DISCLOSURE_APPLICANT_LEGAL_SERVICE,          /*< nick=legal-service-institution >*/
  CIVIC_DISCLOSURE_APPLICANT_OTHER_ORGANISATION,     /*< nick=other-organisation >*/
} CivicDisclosureApplicantKind;

/* The identity document an applicant shows (Art. 29(1)) */
typedef enum
{
  CIVIC_DISCLOSURE_ID_RESIDENT_ID,          /*< nick=resident-id >*/
  CIVIC_DISCLOSURE_ID_PASSPORT,             /*< nick=passport >*/
  CIVIC_DISCLOSURE_ID_HK_MACAO_PERMIT,      /*< nick=hk-macao-permit >*/
  CIVIC_DISCLOSURE_ID_TAIWAN_PERMIT,        /*< nick=taiwan-permit >*/
  CIVIC_DISCLOSURE_ID_FOREIGN_RESIDENCE,    /*< nick=foreign-permanent-residence >*/
  CIVIC_DISCLOSURE_ID_OTHER,                /*< nick=other >*/
} CivicDisclosureIdType;

/* The form the applicant wants the information in (Art. 29(3)) */
typedef enum
{
  CIVIC_DISCLOSURE_DELIVERY_PAPER,       /*< nick=paper >*/
  CIVIC_DISCLOSURE_DELIVERY_ELECTRONIC,  /*< nick=electronic >*/
  CIVIC_DISCLOSURE_DELIVERY_INSPECT,     /*< nick=inspect >*/
  CIVIC_DISCLOSURE_DELIVERY_COPY,        /*< nick=copy >*/
} CivicDisclosureDeliveryForm;

/* And how it reaches them (Art. 29(3): 获取信息的方式、途径) */
typedef enum
{
  CIVIC_DISCLOSURE_DELIVERY_BY_COLLECTION,  /*< nick=collect >*/
  CIVIC_DISCLOSURE_DELIVERY_BY_POST,        /*< nick=post >*/
  CIVIC_DISCLOSURE_DELIVERY_BY_EMAIL,       /*< nick=email >*/
  CIVIC_DISCLOSURE_DELIVERY_BY_ONLINE,      /*< nick=online >*/
  CIVIC_DISCLOSURE_DELIVERY_BY_FAX,         /*< nick=fax >*/
} CivicDisclosureDeliveryChannel;

/* What a consultee said (Arts. 32, 34); none when the 15 days passed in
 * silence: a co-producer then consents, a third party leaves the
 * decision to the organ */
typedef enum
{
  CIVIC_DISCLOSURE_ANSWER_NONE,       /*< nick=none >*/
  CIVIC_DISCLOSURE_ANSWER_CONSENT,    /*< nick=consent >*/
  CIVIC_DISCLOSURE_ANSWER_OBJECTION,  /*< nick=objection >*/
} CivicDisclosureAnswer;

/* What the applicant did against the reply (Art. 51), as the annual
 * report counts it */
typedef enum
{
  CIVIC_DISCLOSURE_REMEDY_RECONSIDERATION,  /*< nick=reconsideration >*/
  CIVIC_DISCLOSURE_REMEDY_LAWSUIT,          /*< nick=lawsuit >*/
} CivicDisclosureRemedyKind;

typedef enum
{
  CIVIC_DISCLOSURE_REMEDY_PENDING,    /*< nick=pending >*/
  CIVIC_DISCLOSURE_REMEDY_UPHELD,     /*< nick=upheld >*/
  CIVIC_DISCLOSURE_REMEDY_CORRECTED,  /*< nick=corrected >*/
  CIVIC_DISCLOSURE_REMEDY_OTHER,      /*< nick=other >*/
} CivicDisclosureRemedyResult;

/* Who asked: personal data but for @kind, @id_type, and an organisation's
 * name and credit code, which are public registration data. @name is the
 * person who applies: the applicant, or an organisation's contact. */
typedef struct
{
  CivicDisclosureApplicantKind  kind;
  char                         *name;
  CivicDisclosureIdType         id_type;
  char                         *id_number;
  char                         *phone;
  char                         *address;
  char                         *email;
  char                         *organisation;  /* (nullable) */
  char                         *credit_code;   /* (nullable) */
  gboolean                      masked;        /* personal data hidden, as in the feed */
} CivicDisclosureApplicant;

/* The one notice asking the applicant to correct the request (Art. 30) */
typedef struct
{
  char      *items;        /* everything to correct, in one notice */
  guint      period;       /* working days the applicant is given */
  CivicDay   notice_on;
  CivicDay   due_on;       /* the last day of that period */
  CivicDay   corrected_on; /* invalid until the corrected request arrives */
  char      *by_id;
  char      *by_name;
  char      *document_id;  /* (nullable): the notice the service issued */
} CivicDisclosureCorrection;

/* A written consultation (Arts. 32, 34); @number counts from 1 */
typedef struct
{
  guint                     number;
  CivicDisclosureConsultee  consultee;
  char                     *party;        /* the organ or the third party consulted */
  char                     *basis;        /* why: what the information touches */
  CivicDay                  served_on;
  gboolean                  closed;       /* its answer, or its silence, recorded */
  CivicDisclosureAnswer     answer;
  CivicDay                  answered_on;  /* invalid for silence */
  char                     *note;
  char                     *by_id;
  char                     *by_name;
  char                     *document_id;  /* (nullable): the letter the service issued */
  char                     *notice_document_id; /* (nullable): the notice that its objection
                                                 * was overridden (Art. 32), with the reply */
} CivicDisclosureConsultation;

/* The one extension the head of the disclosure office grants (Art. 33 ¶2) */
typedef struct
{
  CivicDay   on;
  int        days;
  char      *reason;
  char      *approved_by_id;
  char      *approved_by_name;
  char      *document_id;  /* (nullable): the notice the service issued */
} CivicDisclosureExtension;

/* The reply an editor drafts and a reviewer or the head issues */
typedef struct
{
  CivicDisclosureReplyOutcome  outcome;
  CivicDisclosureReplyGround   ground;
  char                        *detail;   /* (nullable): the words of the official's own */
  char                        *note;     /* (nullable): internal */
  char                        *public_interest;  /* (nullable): why it is disclosed over a
                                                  * third party's objection (Art. 32) */
  char                        *drafted_by_id;
  char                        *drafted_by_name;
  GDateTime                   *drafted_at;
} CivicDisclosureReply;

/* A reconsideration or a lawsuit against the reply; @number counts from 1 */
typedef struct
{
  guint                        number;
  CivicDisclosureRemedyKind    kind;
  CivicDisclosureRemedyResult  result;
  CivicDay                     filed_on;
  CivicDay                     decided_on;   /* invalid while pending */
  char                        *body;         /* (nullable): the reconsideration organ or the court */
  char                        *note;         /* (nullable) */
} CivicDisclosureRemedy;

typedef struct
{
  char       *author_id;
  char       *author_name;
  char       *text;
  GDateTime  *at;
} CivicDisclosureRequestComment;

#define CIVIC_TYPE_DISCLOSURE_REQUEST (civic_disclosure_request_get_type ())
G_DECLARE_FINAL_TYPE (CivicDisclosureRequest, civic_disclosure_request, CIVIC, DISCLOSURE_REQUEST,
                      GObject)

#define CIVIC_DISCLOSURE_REQUEST_ERROR (civic_disclosure_request_error_quark ())

typedef enum
{
  CIVIC_DISCLOSURE_REQUEST_ERROR_INVALID,
} CivicDisclosureRequestError;

GQuark       civic_disclosure_request_error_quark           (void);

const char  *civic_disclosure_request_state_get_label       (CivicDisclosureRequestState     state);
const char  *civic_disclosure_request_channel_get_label     (CivicDisclosureRequestChannel   channel);
const char  *civic_disclosure_applicant_kind_get_label      (CivicDisclosureApplicantKind    kind);
const char  *civic_disclosure_id_type_get_label             (CivicDisclosureIdType           id_type);
const char  *civic_disclosure_delivery_form_get_label       (CivicDisclosureDeliveryForm     form);
const char  *civic_disclosure_delivery_channel_get_label    (CivicDisclosureDeliveryChannel  channel);
const char  *civic_disclosure_consultee_get_label           (CivicDisclosureConsultee        consultee);
const char  *civic_disclosure_answer_get_label              (CivicDisclosureAnswer           answer);
const char  *civic_disclosure_remedy_kind_get_label         (CivicDisclosureRemedyKind       kind);
const char  *civic_disclosure_remedy_result_get_label       (CivicDisclosureRemedyResult     result);

CivicDisclosureRequest *
             civic_disclosure_request_new                   (const char              *id,
                                                             const char              *department_id);
CivicDisclosureRequest *
             civic_disclosure_request_copy                  (CivicDisclosureRequest  *self);
CivicDisclosureRequest *
             civic_disclosure_request_new_from_json         (JsonNode                *node,
                                                             GError                 **error);
JsonNode    *civic_disclosure_request_to_json               (CivicDisclosureRequest  *self);

const char  *civic_disclosure_request_get_id                (CivicDisclosureRequest  *self);
gint64       civic_disclosure_request_get_rev               (CivicDisclosureRequest  *self);
void         civic_disclosure_request_set_rev               (CivicDisclosureRequest  *self,
                                                             gint64                   rev);
const char  *civic_disclosure_request_get_department_id     (CivicDisclosureRequest  *self);
const char  *civic_disclosure_request_get_receipt           (CivicDisclosureRequest  *self);
void         civic_disclosure_request_set_receipt           (CivicDisclosureRequest  *self,
                                                             const char              *receipt);
CivicDisclosureRequestState
             civic_disclosure_request_get_state             (CivicDisclosureRequest  *self);
CivicDisclosureRequestChannel
             civic_disclosure_request_get_channel           (CivicDisclosureRequest  *self);
CivicDay     civic_disclosure_request_get_received_on       (CivicDisclosureRequest  *self);
CivicDay     civic_disclosure_request_get_due_on            (CivicDisclosureRequest  *self);
const CivicDisclosureApplicant *
             civic_disclosure_request_get_applicant         (CivicDisclosureRequest  *self);
const char  *civic_disclosure_request_get_description       (CivicDisclosureRequest  *self);
const char  *civic_disclosure_request_get_document_number   (CivicDisclosureRequest  *self);
const char  *civic_disclosure_request_get_title             (CivicDisclosureRequest  *self);
CivicDisclosureDeliveryForm
             civic_disclosure_request_get_delivery_form     (CivicDisclosureRequest  *self);
CivicDisclosureDeliveryChannel
             civic_disclosure_request_get_delivery_channel  (CivicDisclosureRequest  *self);
const CivicDisclosureCorrection *
             civic_disclosure_request_get_correction        (CivicDisclosureRequest  *self);
GPtrArray   *civic_disclosure_request_get_consultations     (CivicDisclosureRequest  *self);
const CivicDisclosureExtension *
             civic_disclosure_request_get_extension         (CivicDisclosureRequest  *self);
const CivicDisclosureReply *
             civic_disclosure_request_get_reply             (CivicDisclosureRequest  *self);
CivicDay     civic_disclosure_request_get_replied_on        (CivicDisclosureRequest  *self);
const char  *civic_disclosure_request_get_replied_by_id     (CivicDisclosureRequest  *self);
const char  *civic_disclosure_request_get_replied_by_name   (CivicDisclosureRequest  *self);
CivicDay     civic_disclosure_request_get_closed_on         (CivicDisclosureRequest  *self);
const char  *civic_disclosure_request_get_reply_document_id (CivicDisclosureRequest  *self);
void         civic_disclosure_request_set_reply_document_id (CivicDisclosureRequest  *self,
                                                             const char              *document_id);
GPtrArray   *civic_disclosure_request_get_remedies          (CivicDisclosureRequest  *self);
GPtrArray   *civic_disclosure_request_get_comments          (CivicDisclosureRequest  *self);

gboolean     civic_disclosure_request_is_open               (CivicDisclosureRequest  *self);
guint        civic_disclosure_request_count_open_consultations (CivicDisclosureRequest *self);
gboolean     civic_disclosure_remedy_is_after_reconsideration (CivicDisclosureRequest *self,
                                                             const CivicDisclosureRemedy *remedy);

/* The clocks, rebuilt from what happened to the request */
CivicDisclosureRequestClock *
             civic_disclosure_request_dup_clock             (CivicDisclosureRequest  *self,
                                                             CivicCalendar           *calendar,
                                                             GError                 **error);
JsonNode    *civic_disclosure_request_summarize             (CivicDisclosureRequest  *self,
                                                             CivicCalendar           *calendar,
                                                             CivicDay                 today,
                                                             const CivicClockPolicy  *policy);

/* Personal data (civic-disclosure-request-personal.c) */
gboolean     civic_disclosure_request_is_personal_argument  (const char              *member);
CivicDisclosureRequest *
             civic_disclosure_request_copy_masked           (CivicDisclosureRequest  *self);
char        *civic_disclosure_request_to_feed_json          (CivicDisclosureRequest  *self,
                                                             CivicCalendar           *calendar,
                                                             CivicDay                 today);
JsonNode    *civic_disclosure_request_dup_personal          (CivicDisclosureRequest  *self);
gboolean     civic_disclosure_request_restore_personal      (CivicDisclosureRequest  *self,
                                                             JsonNode                *personal,
                                                             GError                 **error);

/* The reply and the notices as formal documents
 * (civic-disclosure-request-documents.c) */
gboolean     civic_disclosure_request_document_for_action   (CivicDisclosureRequest  *request,
                                                             guint                    action,
                                                             CivicDocumentKind       *kind,
                                                             guint                   *consultation);
gboolean     civic_disclosure_request_has_objection         (CivicDisclosureRequest  *request);
GPtrArray   *civic_disclosure_request_get_documents         (CivicDisclosureRequest  *self);
void         civic_disclosure_request_add_document          (CivicDisclosureRequest  *self,
                                                             const CivicCaseDocument *document);
GArray      *civic_disclosure_request_list_overridden       (CivicDisclosureRequest  *request);
void         civic_disclosure_request_set_document_id       (CivicDisclosureRequest  *request,
                                                             CivicDocumentKind        kind,
                                                             guint                    consultation,
                                                             const char              *document_id);
GHashTable  *civic_disclosure_request_document_values       (CivicDisclosureRequest  *request,
                                                             const CivicCaseDocument *document,
                                                             JsonObject              *department,
                                                             CivicCalendar           *calendar,
                                                             GError                 **error);

G_END_DECLS
