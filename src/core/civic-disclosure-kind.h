/* civic-disclosure-kind.h — a disclosure as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure.h"
#include "civic-disclosure-gate.h"
#include "civic-disclosure-policy.h"
#include "civic-entity.h"

G_BEGIN_DECLS

/* What the organ's disclosure staff do to a disclosure, as commands
 * (docs/plans/disclosure.md, decision 3) */
typedef enum
{
  CIVIC_DISCLOSURE_ACTION_CREATE,             /*< nick=create-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_SAVE,               /*< nick=save-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_MARK_NAME,          /*< nick=mark-personal-name >*/
  CIVIC_DISCLOSURE_ACTION_COMMENT,            /*< nick=comment-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_SUBMIT,             /*< nick=submit-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_REVIEW,             /*< nick=review-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE,        /*< nick=acknowledge-disclosure-finding >*/
  CIVIC_DISCLOSURE_ACTION_SCHEDULE,           /*< nick=schedule-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_UNSCHEDULE,         /*< nick=unschedule-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_PUBLISH,            /*< nick=publish-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED,  /*< nick=publish-scheduled-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_REVISE,             /*< nick=revise-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_WITHDRAW,           /*< nick=withdraw-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_SET_VALIDITY,       /*< nick=set-disclosure-validity >*/
  CIVIC_DISCLOSURE_ACTION_EXPIRE,             /*< nick=expire-disclosure >*/
  CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT,    /*< nick=generate-disclosure-annual-report >*/
  CIVIC_DISCLOSURE_ACTION_ATTACH_FILE,        /*< nick=attach-disclosure-file >*/
  CIVIC_DISCLOSURE_ACTION_REMOVE_FILE,        /*< nick=remove-disclosure-file >*/
  /* The service's: a licence granted, drafted for publication (ALL Art. 40) */
  CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING,    /*< nick=draft-licensing-disclosure >*/
} CivicDisclosureAction;

#define CIVIC_N_DISCLOSURE_ACTIONS (CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING + 1)

extern const CivicEntityKind civic_disclosure_kind;

const char          *civic_disclosure_action_get_label     (CivicDisclosureAction action);
const CivicArgument *civic_disclosure_action_get_arguments (CivicDisclosureAction action);

/* The service's: the text it generated for a draft (an annual report),
 * saved as its first version by the draft's author */
void                 civic_disclosure_set_generated_text   (CivicDisclosure             *disclosure,
                                                            const char                  *title,
                                                            const char                  *body,
                                                            GDateTime                   *at,
                                                            const char                  *command_id,
                                                            const CivicDisclosurePolicy *policy);

G_END_DECLS
