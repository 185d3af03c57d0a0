/* civic-disclosure.h — a piece of government information published proactively (主动公开)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-attachment.h"
#include "civic-calendar.h"
#include "civic-day.h"
#include "civic-privacy-lint.h"

G_BEGIN_DECLS

/* How deep an organ's catalogue of columns goes: a column and the
 * columns above it (civic-disclosure-columns.c refuses deeper) */
#define CIVIC_DISCLOSURE_COLUMN_MAX_LEVELS 8

/* Regulations on Government Information Disclosure (OGI, 2019),
 * Arts. 19–26: what an organ publishes unasked, reviewed before it is
 * published (Art. 17), within 20 working days of being formed or changed
 * (Art. 26), catalogued by an index number (Art. 12). */

typedef enum
{
  CIVIC_DISCLOSURE_STATE_DRAFT,      /*< nick=draft >*/
  CIVIC_DISCLOSURE_STATE_IN_REVIEW,  /*< nick=in-review >*/
  CIVIC_DISCLOSURE_STATE_APPROVED,   /*< nick=approved >*/
  CIVIC_DISCLOSURE_STATE_SCHEDULED,  /*< nick=scheduled >*/
  CIVIC_DISCLOSURE_STATE_PUBLISHED,  /*< nick=published >*/
  CIVIC_DISCLOSURE_STATE_WITHDRAWN,  /*< nick=withdrawn >*/
  CIVIC_DISCLOSURE_STATE_EXPIRED,    /*< nick=expired >*/
} CivicDisclosureState;

#define CIVIC_N_DISCLOSURE_STATES (CIVIC_DISCLOSURE_STATE_EXPIRED + 1)

/* Art. 20's fifteen items, and Art. 21's for city, county and township
 * governments, as the catalogue's categories */
typedef enum
{
  CIVIC_DISCLOSURE_CATEGORY_NORMATIVE,        /*< nick=normative-documents >*/
  CIVIC_DISCLOSURE_CATEGORY_ORGANISATION,     /*< nick=organisation >*/
  CIVIC_DISCLOSURE_CATEGORY_PLANS,            /*< nick=plans >*/
  CIVIC_DISCLOSURE_CATEGORY_STATISTICS,       /*< nick=statistics >*/
  CIVIC_DISCLOSURE_CATEGORY_LICENSING,        /*< nick=licensing >*/
  CIVIC_DISCLOSURE_CATEGORY_PENALTIES,        /*< nick=penalties >*/
  CIVIC_DISCLOSURE_CATEGORY_BUDGETS,          /*< nick=budgets >*/
  CIVIC_DISCLOSURE_CATEGORY_FEES,             /*< nick=fees >*/
  CIVIC_DISCLOSURE_CATEGORY_PROCUREMENT,      /*< nick=procurement >*/
  CIVIC_DISCLOSURE_CATEGORY_MAJOR_PROJECTS,   /*< nick=major-projects >*/
  CIVIC_DISCLOSURE_CATEGORY_WELFARE,          /*< nick=welfare >*/
  CIVIC_DISCLOSURE_CATEGORY_EMERGENCIES,      /*< nick=emergencies >*/
  CIVIC_DISCLOSURE_CATEGORY_OVERSIGHT,        /*< nick=oversight >*/
  CIVIC_DISCLOSURE_CATEGORY_RECRUITMENT,      /*< nick=recruitment >*/
  CIVIC_DISCLOSURE_CATEGORY_OTHER_REQUIRED,   /*< nick=other-required >*/
  CIVIC_DISCLOSURE_CATEGORY_LOCAL,            /*< nick=local >*/
  CIVIC_DISCLOSURE_CATEGORY_ANNUAL_REPORT,    /*< nick=annual-report >*/
} CivicDisclosureCategory;

#define CIVIC_N_DISCLOSURE_CATEGORIES (CIVIC_DISCLOSURE_CATEGORY_ANNUAL_REPORT + 1)

/* A normative document's force (有效 / 失效 / 废止) */
typedef enum
{
  CIVIC_DISCLOSURE_VALIDITY_NONE,      /*< nick=none >*/
  CIVIC_DISCLOSURE_VALIDITY_IN_FORCE,  /*< nick=in-force >*/
  CIVIC_DISCLOSURE_VALIDITY_LAPSED,    /*< nick=lapsed >*/
  CIVIC_DISCLOSURE_VALIDITY_REPEALED,  /*< nick=repealed >*/
} CivicDisclosureValidity;

/* Why a reviewer lets a finding of the lint be published (OGI Art. 15;
 * PIPL Arts. 13, 25) */
typedef enum
{
  CIVIC_DISCLOSURE_GROUND_CONSENT,          /*< nick=consent >*/
  CIVIC_DISCLOSURE_GROUND_PUBLIC_INTEREST,  /*< nick=public-interest >*/
  CIVIC_DISCLOSURE_GROUND_REQUIRED_BY_LAW,  /*< nick=required-by-law >*/
  CIVIC_DISCLOSURE_GROUND_OFFICE_CONTACT,   /*< nick=office-contact >*/
  CIVIC_DISCLOSURE_GROUND_NOT_PERSONAL,     /*< nick=not-personal >*/
} CivicDisclosureGround;

typedef enum
{
  CIVIC_DISCLOSURE_REVIEW_APPROVE,  /*< nick=approve >*/
  CIVIC_DISCLOSURE_REVIEW_RETURN,   /*< nick=return >*/
} CivicDisclosureDecision;

/* One saved text: the body is kept only for the head (the service seals
 * the others) */
typedef struct
{
  guint       number;
  char       *author_id;
  char       *author_name;
  GDateTime  *at;
  char       *command_id;
  char       *note;        /* (nullable) */
  GStrv       redacted;    /* the keys of the findings this save removed */
} CivicDisclosureVersion;

/* One reviewer's decision at one level of one round (三审). Its comment
 * is internal: never on the public side. */
typedef struct
{
  guint                    round;
  guint                    level;
  char                    *reviewer_id;
  char                    *reviewer_name;
  CivicDisclosureDecision  decision;
  char                    *comment;
  GDateTime               *at;
} CivicDisclosureReview;

/* What the gate knows of a finding of the head text: never its value */
typedef struct
{
  char                  *key;       /* civic_disclosure_finding_key() */
  CivicPrivacyKind       kind;
  CivicPrivacySeverity   severity;
  guint                  line;      /* from 1, in the body or in the attachment's page */
  guint                  page;      /* an attachment's page, from 1; 0 in the body */
} CivicDisclosureFinding;

/* A file published with the disclosure (docs/plans/disclosure.md,
 * decision 8). The service keeps its bytes by their sha256, sealed until
 * the disclosure is published, and reads its text in a child process;
 * what the lint found there is kept here, by page, never the value. A
 * file whose text could not be read carries one finding,
 * CIVIC_PRIVACY_KIND_UNCHECKED_ATTACHMENT, that blocks until a reviewer
 * acknowledges it. */
typedef struct
{
  char       *name;
  char       *sha256;      /* 64 hex digits */
  char       *media_type;
  gint64      size;
  gboolean    checked;     /* its text was read and linted */
  GPtrArray  *findings;    /* CivicDisclosureFinding */
  char       *by_id;
  char       *by_name;
  GDateTime  *at;
} CivicDisclosureAttachment;

/* At most this many files, each of at most this many bytes */
#define CIVIC_DISCLOSURE_MAX_ATTACHMENTS 50

/* A reviewer's decision to publish a finding after all */
typedef struct
{
  char                  *key;
  CivicPrivacyKind       kind;
  CivicDisclosureGround  ground;
  char                  *reason;
  char                  *by_id;
  char                  *by_name;
  guint                  version;
  GDateTime             *at;
} CivicDisclosureAcknowledgement;

typedef struct
{
  char       *author_id;
  char       *author_name;
  char       *text;
  GDateTime  *at;
} CivicDisclosureComment;

#define CIVIC_TYPE_DISCLOSURE (civic_disclosure_get_type ())
G_DECLARE_FINAL_TYPE (CivicDisclosure, civic_disclosure, CIVIC, DISCLOSURE, GObject)

#define CIVIC_DISCLOSURE_ERROR (civic_disclosure_error_quark ())

typedef enum
{
  CIVIC_DISCLOSURE_ERROR_INVALID,
} CivicDisclosureError;

/* A body is Markdown of at most this many bytes (about 170 pages of
 * Chinese text) */
#define CIVIC_DISCLOSURE_MAX_BODY (512 * 1024)

GQuark               civic_disclosure_error_quark        (void);

const char          *civic_disclosure_state_get_label    (CivicDisclosureState     state);
const char          *civic_disclosure_category_get_label (CivicDisclosureCategory  category);
const char          *civic_disclosure_validity_get_label (CivicDisclosureValidity  validity);
const char          *civic_disclosure_ground_get_label   (CivicDisclosureGround    ground);

CivicDisclosure     *civic_disclosure_new                (const char              *id,
                                                          const char              *department_id,
                                                          const char              *author_id,
                                                          const char              *author_name);
CivicDisclosure     *civic_disclosure_copy               (CivicDisclosure         *self);
CivicDisclosure     *civic_disclosure_new_from_json      (JsonNode                *node,
                                                          GError                 **error);
JsonNode            *civic_disclosure_to_json            (CivicDisclosure         *self);

const char          *civic_disclosure_get_id             (CivicDisclosure         *self);
gint64               civic_disclosure_get_rev            (CivicDisclosure         *self);
void                 civic_disclosure_set_rev            (CivicDisclosure         *self,
                                                          gint64                   rev);
const char          *civic_disclosure_get_department_id  (CivicDisclosure         *self);
CivicDisclosureState civic_disclosure_get_state          (CivicDisclosure         *self);
guint                civic_disclosure_get_round          (CivicDisclosure         *self);
guint                civic_disclosure_get_review_level   (CivicDisclosure         *self);
const char          *civic_disclosure_get_title          (CivicDisclosure         *self);
const char          *civic_disclosure_get_summary        (CivicDisclosure         *self);
CivicDisclosureCategory civic_disclosure_get_category    (CivicDisclosure         *self);
const char * const  *civic_disclosure_get_columns        (CivicDisclosure         *self);
CivicDay             civic_disclosure_get_formed_on      (CivicDisclosure         *self);
gboolean             civic_disclosure_get_normative      (CivicDisclosure         *self);
const char          *civic_disclosure_get_issuing_organ  (CivicDisclosure         *self);
const char          *civic_disclosure_get_document_number (CivicDisclosure        *self);
CivicDisclosureValidity civic_disclosure_get_validity    (CivicDisclosure         *self);
const char          *civic_disclosure_get_repealed_by    (CivicDisclosure         *self);
const char * const  *civic_disclosure_get_keywords       (CivicDisclosure         *self);
const char          *civic_disclosure_get_interpretation_of (CivicDisclosure      *self);
const char          *civic_disclosure_get_author_id      (CivicDisclosure         *self);
const char          *civic_disclosure_get_author_name    (CivicDisclosure         *self);
guint                civic_disclosure_get_report_year    (CivicDisclosure         *self);
const char          *civic_disclosure_get_body           (CivicDisclosure         *self);
guint                civic_disclosure_get_head_version   (CivicDisclosure         *self);
guint                civic_disclosure_get_published_version (CivicDisclosure      *self);
const char          *civic_disclosure_get_index_number   (CivicDisclosure         *self);
void                 civic_disclosure_set_index_number   (CivicDisclosure         *self,
                                                          const char              *index_number);
GDateTime           *civic_disclosure_get_publish_at     (CivicDisclosure         *self);
GDateTime           *civic_disclosure_get_published_at   (CivicDisclosure         *self);
CivicDay             civic_disclosure_get_expire_on      (CivicDisclosure         *self);
GDateTime           *civic_disclosure_get_withdrawn_at   (CivicDisclosure         *self);
const char          *civic_disclosure_get_public_notice  (CivicDisclosure         *self);
const char * const  *civic_disclosure_get_personal_names (CivicDisclosure         *self);

GPtrArray           *civic_disclosure_get_versions       (CivicDisclosure         *self);
GPtrArray           *civic_disclosure_get_reviews        (CivicDisclosure         *self);
GPtrArray           *civic_disclosure_get_findings       (CivicDisclosure         *self);
GPtrArray           *civic_disclosure_get_acknowledgements (CivicDisclosure       *self);
GPtrArray           *civic_disclosure_get_comments       (CivicDisclosure         *self);
GPtrArray           *civic_disclosure_get_attachments    (CivicDisclosure         *self);
const CivicDisclosureAttachment *civic_disclosure_find_attachment (CivicDisclosure *self,
                                                          const char              *sha256);

/* The Art. 26 clock: the last day to publish, 20 working days after the
 * day the information was formed or changed */
CivicDay             civic_disclosure_get_due_on         (CivicDisclosure         *self,
                                                          CivicCalendar           *calendar);

/* What the reader sees of another's draft: the same, without the bodies
 * of versions (which it never carries) and with internal comments kept,
 * since only the organ's own staff read the feed of its disclosures */
char                *civic_disclosure_to_feed_json       (CivicDisclosure         *self);

G_END_DECLS
