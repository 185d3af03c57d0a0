/* civic-disclosure-private.h — what the disclosure's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure.h"

G_BEGIN_DECLS

/* civic-disclosure.c: the record and its wire format;
 * civic-disclosure-kind.c: the commands on it; civic-disclosure-policy.c:
 * an organ's review levels, index code and guide; civic-disclosure-gate.c:
 * the privacy gate. */

struct _CivicDisclosure
{
  GObject                  parent_instance;

  char                    *id;
  gint64                   rev;
  char                    *department_id;
  CivicDisclosureState     state;
  guint                    round;          /* reviews so far, from 1 at the first submission */
  guint                    review_level;   /* levels approved in this round */

  /* The catalogue (Art. 12) */
  char                    *title;
  char                    *summary;
  CivicDisclosureCategory  category;
  GStrv                    columns;
  CivicDay                 formed_on;
  gboolean                 normative;
  char                    *issuing_organ;
  char                    *document_number;
  CivicDisclosureValidity  validity;
  char                    *repealed_by;
  GStrv                    keywords;
  char                    *interpretation_of;

  char                    *author_id;
  char                    *author_name;
  guint                    report_year;   /* an annual report's year (Art. 50), or 0 */

  /* The text */
  char                    *body;
  guint                    head_version;
  guint                    published_version;
  GPtrArray               *versions;         /* CivicDisclosureVersion */
  GStrv                    personal_names;   /* marked by an editor: the lint blocks them */
  GPtrArray               *findings;         /* CivicDisclosureFinding, of the head */
  GPtrArray               *acknowledgements; /* CivicDisclosureAcknowledgement */
  GPtrArray               *reviews;          /* CivicDisclosureReview */
  GPtrArray               *comments;         /* CivicDisclosureComment */
  GPtrArray               *attachments;      /* CivicDisclosureAttachment */

  /* Publication */
  char                    *index_number;
  GDateTime               *publish_at;
  GDateTime               *published_at;
  CivicDay                 expire_on;
  GDateTime               *withdrawn_at;
  char                    *public_notice;
  char                    *withdraw_reason;
};

void civic_disclosure_version_free         (CivicDisclosureVersion         *version);
void civic_disclosure_review_free          (CivicDisclosureReview          *review);
void civic_disclosure_finding_free         (CivicDisclosureFinding         *finding);
void civic_disclosure_acknowledgement_free (CivicDisclosureAcknowledgement *acknowledgement);
void civic_disclosure_comment_free         (CivicDisclosureComment         *comment);
void civic_disclosure_attachment_free      (CivicDisclosureAttachment      *attachment);

G_END_DECLS
