/* civic-message-kind.h — a citizen's message as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-entity.h"
#include "civic-message.h"

G_BEGIN_DECLS

/* What the hall and its departments do to a message, as commands
 * (docs/plans/messages.md, decision 7) */
typedef enum
{
  CIVIC_MESSAGE_ACTION_REGISTER,          /*< nick=register-message >*/
  CIVIC_MESSAGE_ACTION_SIGN_FOR,          /*< nick=sign-for-message >*/
  CIVIC_MESSAGE_ACTION_ASSIGN,            /*< nick=assign-message >*/
  CIVIC_MESSAGE_ACTION_TRANSFER,          /*< nick=transfer-message >*/
  CIVIC_MESSAGE_ACTION_SEND_BACK,         /*< nick=send-back-message >*/
  CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK,  /*< nick=decide-message-send-back >*/
  CIVIC_MESSAGE_ACTION_MERGE,             /*< nick=merge-message >*/
  CIVIC_MESSAGE_ACTION_ROUTE_TO_CASE,     /*< nick=route-message-to-case >*/
  CIVIC_MESSAGE_ACTION_NOTE,              /*< nick=note-message >*/
  CIVIC_MESSAGE_ACTION_REPLY,             /*< nick=reply-message >*/
  CIVIC_MESSAGE_ACTION_REVIEW_REPLY,      /*< nick=review-message-reply >*/
  CIVIC_MESSAGE_ACTION_EXTEND,            /*< nick=extend-message >*/
  CIVIC_MESSAGE_ACTION_CLOSE,             /*< nick=close-message >*/
  CIVIC_MESSAGE_ACTION_RETURN_VISIT,      /*< nick=record-return-visit >*/
  CIVIC_MESSAGE_ACTION_REOPEN,            /*< nick=reopen-message >*/
  /* An idea in its campaign (docs/plans/messages.md, decision 10) */
  CIVIC_MESSAGE_ACTION_SCORE_IDEA,        /*< nick=score-idea >*/
  CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA,    /*< nick=shortlist-idea >*/
  CIVIC_MESSAGE_ACTION_ANSWER_IDEA,       /*< nick=answer-idea >*/
  /* A file the citizen handed in later, or a letter scanned */
  CIVIC_MESSAGE_ACTION_ATTACH_FILE,       /*< nick=attach-message-file >*/
} CivicMessageAction;

#define CIVIC_N_MESSAGE_ACTIONS (CIVIC_MESSAGE_ACTION_ATTACH_FILE + 1)

extern const CivicEntityKind civic_message_kind;

const char          *civic_message_action_get_label     (CivicMessageAction action);
const CivicArgument *civic_message_action_get_arguments (CivicMessageAction action);

G_END_DECLS
