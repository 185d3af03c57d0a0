/* civic-disclosure-request-private.h — what the disclosure request's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure-request.h"

G_BEGIN_DECLS

/* civic-disclosure-request.c: the record, its clocks and its summary;
 * civic-disclosure-request-json.c: its wire format;
 * civic-disclosure-request-personal.c: the applicant, masked and sealed;
 * civic-disclosure-request-kind.c: the commands on it. */

struct _CivicDisclosureRequest
{
  GObject                          parent_instance;

  char                            *id;
  gint64                           rev;
  char                            *department_id;
  char                            *receipt;          /* (nullable): given by the service */
  CivicDisclosureRequestState      state;

  /* The request as written (Art. 29) */
  CivicDisclosureRequestChannel    channel;
  CivicDay                         received_on;      /* as Art. 31 sets it */
  CivicDisclosureApplicant         applicant;
  char                            *description;
  char                            *document_number;  /* (nullable): a hint */
  char                            *title;            /* (nullable): a hint */
  CivicDisclosureDeliveryForm      delivery_form;
  CivicDisclosureDeliveryChannel   delivery_channel;
  char                            *registered_by_id;
  char                            *registered_by_name;
  GDateTime                       *registered_at;

  /* What happened to it, which its clocks are rebuilt from */
  CivicDisclosureCorrection       *correction;      /* (nullable) */
  GPtrArray                       *consultations;   /* CivicDisclosureConsultation */
  CivicDisclosureExtension        *extension;       /* (nullable) */
  CivicDay                         due_on;          /* the reply's, as of the latest command */

  /* The answer */
  CivicDisclosureReply            *reply;           /* (nullable): drafted */
  CivicDay                         replied_on;      /* issued, or closed as abandoned */
  char                            *replied_by_id;
  char                            *replied_by_name;
  char                            *reply_document_id;  /* (nullable): the service's */
  CivicDay                         closed_on;       /* withdrawn or abandoned */
  char                            *closing_note;

  GPtrArray                       *remedies;        /* CivicDisclosureRemedy */
  GPtrArray                       *comments;        /* CivicDisclosureRequestComment */
  GPtrArray                       *documents;       /* CivicCaseDocument: as the service issued them */
};

void civic_disclosure_applicant_clear      (CivicDisclosureApplicant      *applicant);
void civic_disclosure_applicant_copy       (CivicDisclosureApplicant      *to,
                                            const CivicDisclosureApplicant *from);
void civic_disclosure_applicant_mask       (CivicDisclosureApplicant      *applicant);

void civic_disclosure_correction_free      (CivicDisclosureCorrection     *correction);
void civic_disclosure_consultation_free    (CivicDisclosureConsultation   *consultation);
void civic_disclosure_extension_free       (CivicDisclosureExtension      *extension);
void civic_disclosure_reply_free           (CivicDisclosureReply          *reply);
void civic_disclosure_remedy_free          (CivicDisclosureRemedy         *remedy);
void civic_disclosure_request_comment_free (CivicDisclosureRequestComment *comment);

CivicDisclosureConsultation *civic_disclosure_request_find_consultation (CivicDisclosureRequest *self,
                                                                        guint                   number);

G_END_DECLS
