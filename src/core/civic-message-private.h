/* civic-message-private.h — what the message's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-message.h"
#include "civic-message-clocks.h"

G_BEGIN_DECLS

/* civic-message.c: the record, its clocks and its summary;
 * civic-message-json.c: its wire format;
 * civic-message-personal.c: the citizen, masked and sealed;
 * civic-message-kind.c: the commands on it. */

struct _CivicMessage
{
  GObject               parent_instance;

  char                 *id;
  gint64                rev;
  char                 *receipt;           /* (nullable): given by the service */
  CivicMessageState     state;

  /* The message as written */
  CivicMessageKind      kind;
  CivicMessageChannel   channel;
  char                 *subject;
  char                 *body;
  CivicMessageCitizen   citizen;
  CivicMessageLocation  location;
  char                 *campaign_id;       /* (nullable): an idea's */
  char                 *service_code;      /* (nullable): an Open311 service's */
  char                 *media_url;         /* (nullable): an Open311 request's photo, not fetched */
  GPtrArray            *attachments;       /* CivicMessageAttachment */
  char                 *accused_department_id;  /* (nullable): a report's (Art. 30) */
  char                 *accused_person_id;      /* (nullable) */
  GDateTime            *received_at;
  CivicDay              received_on;
  char                 *registered_by_id;
  char                 *registered_by_name;

  /* Who has it */
  char                 *department_id;     /* (nullable): the hall's dispatch until routed */
  char                 *assignee_id;
  char                 *assignee_name;

  /* The region's limits, as they stood when it came in (nullable until
   * the service records it) */
  CivicMessageTerms    *terms;

  /* What happened to it, which its clocks are rebuilt from */
  CivicDay              arrived_on;        /* in the department that has it now */
  CivicDay              signed_for_on;     /* there; invalid until signed for */
  CivicDay              replied_on;        /* the latest reply sent */
  CivicDay              closed_on;
  CivicMessageOutcome   outcome;
  char                 *closing_note;
  CivicMessageExtension *extension;        /* (nullable) */
  GPtrArray            *routes;            /* CivicMessageRoute */
  GPtrArray            *reopenings;        /* CivicMessageReopening */
  GPtrArray            *visits;            /* CivicMessageVisit */

  /* The two kinds of text, never in one array */
  GPtrArray            *replies;           /* CivicMessageReply: public */
  GPtrArray            *notes;             /* CivicMessageNote: internal */

  /* Where it lives on */
  char                 *merged_into;       /* (nullable) */
  char                 *case_id;           /* (nullable) */
  GStrv                 links;             /* "case/ID", "disclosure/ID", "message/ID" */

  /* The written replies issued, each for its reply (round = its number) */
  GPtrArray            *documents;         /* CivicCaseDocument */

  /* An idea's place in its campaign */
  CivicIdeaStatus       idea_status;
  GPtrArray            *idea_scores;       /* CivicIdeaScore */
};

void civic_message_citizen_clear  (CivicMessageCitizen       *citizen);
void civic_message_citizen_copy   (CivicMessageCitizen       *to,
                                   const CivicMessageCitizen *from);
void civic_message_citizen_mask   (CivicMessageCitizen       *citizen);

void civic_message_attachment_free (CivicMessageAttachment   *attachment);
void civic_message_reply_free     (CivicMessageReply         *reply);
void civic_message_note_free      (CivicMessageNote          *note);
void civic_message_route_free     (CivicMessageRoute         *route);
void civic_message_extension_free (CivicMessageExtension     *extension);
void civic_message_visit_free     (CivicMessageVisit         *visit);
void civic_message_reopening_free (CivicMessageReopening     *reopening);
void civic_idea_score_free        (CivicIdeaScore            *score);

CivicMessageRoute *civic_message_get_pending_send_back (CivicMessage *self);

G_END_DECLS
