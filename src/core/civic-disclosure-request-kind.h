/* civic-disclosure-request-kind.h — a disclosure request as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure-request.h"
#include "civic-entity.h"

G_BEGIN_DECLS

/* What the organ's disclosure staff do to a request, as commands
 * (docs/plans/disclosure.md, decisions 9 and 10) */
typedef enum
{
  CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER,            /*< nick=register-disclosure-request >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION,  /*< nick=request-disclosure-correction >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_RECEIVE_CORRECTION,  /*< nick=receive-disclosure-correction >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_CLOSE_ABANDONED,     /*< nick=close-disclosure-request-abandoned >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_START_CONSULTATION,  /*< nick=start-disclosure-consultation >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER,       /*< nick=record-consultation-answer >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND,              /*< nick=extend-disclosure-request >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY,         /*< nick=draft-disclosure-reply >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY,         /*< nick=issue-disclosure-reply >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_WITHDRAW,            /*< nick=withdraw-disclosure-request >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_COMMENT,             /*< nick=comment-disclosure-request >*/
  CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_REMEDY,       /*< nick=record-disclosure-remedy >*/
} CivicDisclosureRequestAction;

#define CIVIC_N_DISCLOSURE_REQUEST_ACTIONS (CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_REMEDY + 1)

/* Not yet in civic-entity.c's list: the service has no store for it. A
 * program that needs it registers it (civic_entity_kind_register()). */
extern const CivicEntityKind civic_disclosure_request_kind;

const char          *civic_disclosure_request_action_get_label     (CivicDisclosureRequestAction action);
const CivicArgument *civic_disclosure_request_action_get_arguments (CivicDisclosureRequestAction action);

G_END_DECLS
