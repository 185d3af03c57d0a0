/* civic-warning-kind.h — a supervision warning as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-entity.h"
#include "civic-warning.h"

G_BEGIN_DECLS

/* What supervisors and the department warned do with a card */
typedef enum
{
  CIVIC_WARNING_ACTION_ISSUE,     /*< nick=issue-warning >*/
  CIVIC_WARNING_ACTION_REPLY,     /*< nick=reply-warning >*/
  CIVIC_WARNING_ACTION_RETURN,    /*< nick=return-warning >*/
  CIVIC_WARNING_ACTION_CLOSE,     /*< nick=close-warning >*/
  CIVIC_WARNING_ACTION_WITHDRAW,  /*< nick=withdraw-warning >*/
  CIVIC_WARNING_ACTION_ESCALATE,  /*< nick=escalate-warning >*/
} CivicWarningAction;

#define CIVIC_N_WARNING_ACTIONS (CIVIC_WARNING_ACTION_ESCALATE + 1)

extern const CivicEntityKind civic_warning_kind;

const char          *civic_warning_action_get_label     (CivicWarningAction action);
const CivicArgument *civic_warning_action_get_arguments (CivicWarningAction action);

G_END_DECLS
