/* civic-workflow.h — the legal transitions of a licensing case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-actor.h"
#include "civic-argument.h"
#include "civic-calendar.h"
#include "civic-case.h"
#include "civic-entity.h"
#include "civic-hearing.h"

G_BEGIN_DECLS

#define CIVIC_WORKFLOW_ERROR (civic_workflow_error_quark ())

typedef enum
{
  CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION,
  CIVIC_WORKFLOW_ERROR_STATE,      /* not possible in the case's state */
  CIVIC_WORKFLOW_ERROR_ROLE,       /* not this official's to do */
  CIVIC_WORKFLOW_ERROR_ARGUMENT,   /* a required argument is missing or wrong */
  CIVIC_WORKFLOW_ERROR_RULE,       /* refused by a rule of law */
  CIVIC_WORKFLOW_ERROR_CLASH,      /* the time is taken: a room, a person (the service finds it) */
} CivicWorkflowError;

/* Every action on a case. The nick ("request-correction") is the command
 * type on the wire. */
typedef enum
{
  CIVIC_ACTION_START_PRE_REVIEW,
  CIVIC_ACTION_ACCEPT,
  CIVIC_ACTION_NOT_ACCEPT,
  CIVIC_ACTION_REQUEST_CORRECTION,
  CIVIC_ACTION_CORRECTION_RECEIVED,
  CIVIC_ACTION_DEEM_ACCEPT,
  CIVIC_ACTION_CLAIM,
  CIVIC_ACTION_RELEASE,
  CIVIC_ACTION_ASSIGN,
  CIVIC_ACTION_TRANSFER,
  CIVIC_ACTION_RETURN,
  CIVIC_ACTION_COMMENT,
  CIVIC_ACTION_OPINION,
  CIVIC_ACTION_VERIFY,
  CIVIC_ACTION_EXTEND,
  CIVIC_ACTION_STOP_CLOCK,
  CIVIC_ACTION_RESUME_CLOCK,
  CIVIC_ACTION_INFORM_HEARING_RIGHT,
  CIVIC_ACTION_WAIVE_HEARING,
  CIVIC_ACTION_REQUEST_HEARING,
  CIVIC_ACTION_ORDER_HEARING,
  CIVIC_ACTION_CONCLUDE_HEARING,
  CIVIC_ACTION_DECIDE,
  CIVIC_ACTION_SERVE,
  CIVIC_ACTION_CLOSE,
  CIVIC_ACTION_SUBTASK_OPINION,
  CIVIC_ACTION_ISSUE_DOCUMENT,
} CivicAction;

#define CIVIC_N_ACTIONS (CIVIC_ACTION_ISSUE_DOCUMENT + 1)


GQuark       civic_workflow_error_quark       (void);

gboolean     civic_action_from_string         (const char                 *type,
                                               CivicAction                *action);
const char  *civic_action_to_string           (CivicAction                 action);
const char  *civic_action_get_label           (CivicAction                 action);
const CivicArgument *civic_action_get_arguments (CivicAction               action);
const char  *civic_action_get_past_tense      (const char                 *type);

gboolean     civic_workflow_check             (CivicCase                  *kase,
                                               CivicAction                 action,
                                               const CivicWorkflowContext *context,
                                               GError                    **error);
gboolean     civic_workflow_next_step         (CivicCase                  *kase,
                                               const CivicActor           *actor,
                                               GArray                     *actions,
                                               CivicAction                *step);
GArray      *civic_workflow_list_actions      (CivicCase                  *kase,
                                               const CivicWorkflowContext *context);
gboolean     civic_workflow_apply_to          (CivicCase                  *draft,
                                               CivicAction                 action,
                                               JsonObject                 *args,
                                               const CivicWorkflowContext *context,
                                               GError                    **error);
CivicCase   *civic_workflow_apply             (CivicCase                  *kase,
                                               CivicAction                 action,
                                               JsonObject                 *args,
                                               const CivicWorkflowContext *context,
                                               GError                    **error);

CivicRole    civic_workflow_assignee_role     (CivicCase                  *kase);
CivicActor  *civic_workflow_named_official    (const CivicWorkflowContext *context,
                                               const char                 *id,
                                               const char                 *department_id,
                                               const char                 *department_name,
                                               CivicRole                   roles,
                                               GError                    **error);
gboolean     civic_workflow_arg_text          (JsonObject                 *args,
                                               const char                 *member,
                                               gboolean                    required,
                                               glong                       max_chars,
                                               const char                **out,
                                               GError                    **error);
gboolean     civic_workflow_arg_day           (JsonObject                 *args,
                                               const char                 *member,
                                               gboolean                    required,
                                               CivicDay                   *out,
                                               GError                    **error);
gboolean     civic_workflow_arg_enum          (JsonObject                 *args,
                                               const char                 *member,
                                               gboolean                    required,
                                               GType                       type,
                                               int                        *out,
                                               GError                    **error);
gboolean     civic_workflow_arg_past_day      (JsonObject                 *args,
                                               const char                 *member,
                                               gboolean                    required,
                                               const CivicWorkflowContext *context,
                                               CivicDay                   *out,
                                               GError                    **error);
CivicDay     civic_workflow_hearing_request_deadline (CivicCase           *kase,
                                               const CivicWorkflowContext *context);
char        *civic_workflow_remedies_notice   (CivicCase                  *kase);

G_END_DECLS
