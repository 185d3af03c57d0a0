/* civic-workflow.c — the legal transitions of a licensing case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-workflow"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-case-private.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* One function decides whether an action is legal and what it does, and
 * both programs call it: the service to apply a command for good, the
 * client to show its effect at once while the command waits in the
 * outbox. An action is checked in three steps — the state, the role, the
 * rules of law that need no arguments — then its arguments are read and
 * it is applied to a copy of the case. A refused action changes nothing. */

G_DEFINE_QUARK (civic-workflow-error-quark, civic_workflow_error)

#define STATE(s) (1u << CIVIC_CASE_STATE_##s)
#define OPEN_STATES (STATE (SUBMITTED) | STATE (PRE_REVIEW) | STATE (CORRECTION_REQUESTED) | \
                     STATE (NOT_ACCEPTED) | STATE (UNDER_REVIEW) | STATE (SUSPENDED) | \
                     STATE (HEARING) | STATE (APPROVED) | STATE (DENIED) | STATE (SERVED))
#define ALL_STATES (OPEN_STATES | STATE (CLOSED))
#define REVIEW_STATES (STATE (UNDER_REVIEW) | STATE (SUSPENDED) | STATE (HEARING))

#define MAX_TEXT_LENGTH 4000
#define MAX_LIST_LENGTH 100
#define MAX_ITEM_LENGTH 200

static const struct
{
  CivicAction  action;
  guint        states;
  CivicRole    roles;
} rules[CIVIC_N_ACTIONS] = {
  { CIVIC_ACTION_START_PRE_REVIEW, STATE (SUBMITTED), CIVIC_ROLE_CLERK },
  { CIVIC_ACTION_ACCEPT, STATE (SUBMITTED) | STATE (PRE_REVIEW), CIVIC_ROLE_CLERK },
  { CIVIC_ACTION_NOT_ACCEPT, STATE (SUBMITTED) | STATE (PRE_REVIEW) | STATE (CORRECTION_REQUESTED),
    CIVIC_ROLE_CLERK },
  { CIVIC_ACTION_REQUEST_CORRECTION, STATE (SUBMITTED) | STATE (PRE_REVIEW), CIVIC_ROLE_CLERK },
  { CIVIC_ACTION_CORRECTION_RECEIVED, STATE (CORRECTION_REQUESTED), CIVIC_ROLE_CLERK },
  { CIVIC_ACTION_DEEM_ACCEPT, STATE (SUBMITTED) | STATE (PRE_REVIEW), CIVIC_ROLE_SYSTEM },
  { CIVIC_ACTION_CLAIM, OPEN_STATES, CIVIC_ROLES_CASEWORK },
  { CIVIC_ACTION_RELEASE, OPEN_STATES, CIVIC_ROLES_CASEWORK },
  { CIVIC_ACTION_ASSIGN, OPEN_STATES, CIVIC_ROLE_APPROVER },
  { CIVIC_ACTION_TRANSFER, OPEN_STATES, CIVIC_ROLES_CASEWORK },
  { CIVIC_ACTION_RETURN, STATE (UNDER_REVIEW), CIVIC_ROLE_APPROVER },
  { CIVIC_ACTION_COMMENT, ALL_STATES, CIVIC_ROLES_CASEWORK },
  { CIVIC_ACTION_OPINION, STATE (UNDER_REVIEW), CIVIC_ROLE_EXAMINER | CIVIC_ROLE_APPROVER },
  { CIVIC_ACTION_VERIFY, STATE (UNDER_REVIEW), CIVIC_ROLE_EXAMINER },
  { CIVIC_ACTION_EXTEND, REVIEW_STATES, CIVIC_ROLE_APPROVER },
  { CIVIC_ACTION_STOP_CLOCK, STATE (UNDER_REVIEW), CIVIC_ROLE_EXAMINER | CIVIC_ROLE_APPROVER },
  { CIVIC_ACTION_RESUME_CLOCK, STATE (SUSPENDED), CIVIC_ROLE_EXAMINER | CIVIC_ROLE_APPROVER },
  { CIVIC_ACTION_INFORM_HEARING_RIGHT, STATE (UNDER_REVIEW), CIVIC_ROLE_EXAMINER },
  { CIVIC_ACTION_WAIVE_HEARING, STATE (UNDER_REVIEW), CIVIC_ROLE_EXAMINER },
  { CIVIC_ACTION_REQUEST_HEARING, STATE (UNDER_REVIEW),
    CIVIC_ROLE_EXAMINER | CIVIC_ROLE_HEARING_OFFICER },
  { CIVIC_ACTION_ORDER_HEARING, STATE (UNDER_REVIEW), CIVIC_ROLE_APPROVER },
  /* The hearing's own close (civic-hearing-kind.c), applied by the service */
  { CIVIC_ACTION_CONCLUDE_HEARING, STATE (HEARING), CIVIC_ROLE_SYSTEM },
  { CIVIC_ACTION_DECIDE, STATE (UNDER_REVIEW), CIVIC_ROLE_APPROVER },
  { CIVIC_ACTION_SERVE, STATE (APPROVED) | STATE (DENIED), CIVIC_ROLE_CLERK | CIVIC_ROLE_EXAMINER },
  { CIVIC_ACTION_CLOSE, OPEN_STATES, CIVIC_ROLE_CLERK | CIVIC_ROLE_APPROVER },
  { CIVIC_ACTION_SUBTASK_OPINION, REVIEW_STATES, CIVIC_ROLE_EXAMINER | CIVIC_ROLE_APPROVER },
  { CIVIC_ACTION_ISSUE_DOCUMENT, ALL_STATES, CIVIC_ROLES_CASEWORK },
};

G_STATIC_ASSERT (G_N_ELEMENTS (rules) == CIVIC_N_ACTIONS);

gboolean
civic_action_from_string (const char  *type,
                          CivicAction *action)
{
  int value;

  if (!civic_enum_from_nick (CIVIC_TYPE_ACTION, type, &value))
    return FALSE;

  *action = value;
  return TRUE;
}

const char *
civic_action_to_string (CivicAction action)
{
  return civic_enum_to_nick (CIVIC_TYPE_ACTION, action);
}

const char *
civic_action_get_label (CivicAction action)
{
  switch (action)
    {
    case CIVIC_ACTION_START_PRE_REVIEW: return _("Start Pre-review");
    case CIVIC_ACTION_ACCEPT: return _("Accept");
    case CIVIC_ACTION_NOT_ACCEPT: return _("Do Not Accept");
    case CIVIC_ACTION_REQUEST_CORRECTION: return _("Request Correction");
    case CIVIC_ACTION_CORRECTION_RECEIVED: return _("Correction Received");
    case CIVIC_ACTION_DEEM_ACCEPT: return _("Deem Accepted");
    case CIVIC_ACTION_CLAIM: return _("Claim");
    case CIVIC_ACTION_RELEASE: return _("Release");
    case CIVIC_ACTION_ASSIGN: return _("Assign");
    case CIVIC_ACTION_TRANSFER: return _("Transfer");
    case CIVIC_ACTION_RETURN: return _("Return for Review");
    case CIVIC_ACTION_COMMENT: return _("Comment");
    case CIVIC_ACTION_OPINION: return _("Record Opinion");
    case CIVIC_ACTION_VERIFY: return _("Record Verification");
    case CIVIC_ACTION_EXTEND: return _("Extend Time Limit");
    case CIVIC_ACTION_STOP_CLOCK: return _("Stop Clock");
    case CIVIC_ACTION_RESUME_CLOCK: return _("Resume Clock");
    case CIVIC_ACTION_INFORM_HEARING_RIGHT: return _("Inform of Hearing Right");
    case CIVIC_ACTION_WAIVE_HEARING: return _("Record Hearing Waiver");
    case CIVIC_ACTION_REQUEST_HEARING: return _("Record Hearing Request");
    case CIVIC_ACTION_ORDER_HEARING: return _("Order Hearing");
    case CIVIC_ACTION_CONCLUDE_HEARING: return _("Conclude Hearing");
    case CIVIC_ACTION_DECIDE: return _("Decide");
    case CIVIC_ACTION_SERVE: return _("Record Service");
    case CIVIC_ACTION_CLOSE: return _("Close Case");
    case CIVIC_ACTION_SUBTASK_OPINION: return _("Give Department Opinion");
    case CIVIC_ACTION_ISSUE_DOCUMENT: return _("Issue Document");
    default: g_return_val_if_reached ("");
    }
}

/**
 * civic_action_get_past_tense:
 * @type: an event type from a case timeline
 *
 * Returns: what happened, for the timeline ("Accepted the application").
 */
const char *
civic_action_get_past_tense (const char *type)
{
  CivicAction action;

  if (g_strcmp0 (type, "submit") == 0)
    return _("Application received");
  if (!civic_action_from_string (type, &action))
    return type;

  switch (action)
    {
    case CIVIC_ACTION_START_PRE_REVIEW: return _("Started pre-review");
    case CIVIC_ACTION_ACCEPT: return _("Accepted the application");
    case CIVIC_ACTION_NOT_ACCEPT: return _("Decided not to accept the application");
    case CIVIC_ACTION_REQUEST_CORRECTION: return _("Sent the one-time correction notice");
    case CIVIC_ACTION_CORRECTION_RECEIVED: return _("Received the corrected materials");
    case CIVIC_ACTION_DEEM_ACCEPT: return _("Application deemed accepted");
    case CIVIC_ACTION_CLAIM: return _("Claimed the case");
    case CIVIC_ACTION_RELEASE: return _("Released the case");
    case CIVIC_ACTION_ASSIGN: return _("Assigned the case");
    case CIVIC_ACTION_TRANSFER: return _("Transferred the case");
    case CIVIC_ACTION_RETURN: return _("Returned the case for review");
    case CIVIC_ACTION_COMMENT: return _("Commented");
    case CIVIC_ACTION_OPINION: return _("Recorded a review opinion");
    case CIVIC_ACTION_VERIFY: return _("Recorded a verification on site");
    case CIVIC_ACTION_EXTEND: return _("Extended the time limit");
    case CIVIC_ACTION_STOP_CLOCK: return _("Stopped the clock for a special procedure");
    case CIVIC_ACTION_RESUME_CLOCK: return _("Resumed the clock");
    case CIVIC_ACTION_INFORM_HEARING_RIGHT: return _("Informed the parties of their right to a hearing");
    case CIVIC_ACTION_WAIVE_HEARING: return _("Recorded that the parties waived a hearing");
    case CIVIC_ACTION_REQUEST_HEARING: return _("Recorded a request for a hearing");
    case CIVIC_ACTION_ORDER_HEARING: return _("Ordered a hearing");
    case CIVIC_ACTION_CONCLUDE_HEARING: return _("Concluded the hearing");
    case CIVIC_ACTION_DECIDE: return _("Decided");
    case CIVIC_ACTION_SERVE: return _("Served the decision");
    case CIVIC_ACTION_CLOSE: return _("Closed the case");
    case CIVIC_ACTION_SUBTASK_OPINION: return _("Gave the department’s opinion");
    case CIVIC_ACTION_ISSUE_DOCUMENT: return _("Issued a document");
    default: return type;
    }
}

/* A refusal in the workflow's domain: FALSE, for "return refuse (…)" */
#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

static CivicDay
today_of (const CivicWorkflowContext *context)
{
  return civic_time_day_of (context->now);
}

/**
 * civic_workflow_hearing_request_deadline:
 *
 * Returns: the last day on which a party may ask for a hearing (ALL
 * Art. 47), or %CIVIC_DAY_INVALID if the parties were not informed.
 */
CivicDay
civic_workflow_hearing_request_deadline (CivicCase                  *kase,
                                         const CivicWorkflowContext *context)
{
  g_return_val_if_fail (CIVIC_IS_CASE (kase), CIVIC_DAY_INVALID);
  g_return_val_if_fail (context != NULL, CIVIC_DAY_INVALID);

  if (kase->hearing.informed_on == CIVIC_DAY_INVALID)
    return CIVIC_DAY_INVALID;

  return civic_hearing_policy_last_request_day (context->hearing_policy, context->calendar,
                                               kase->hearing.informed_on, NULL);
}

static gboolean
is_assignee (CivicCase        *kase,
             const CivicActor *actor)
{
  return kase->assignee_id != NULL && g_strcmp0 (kase->assignee_id, actor->id) == 0;
}

static CivicRole
queue_role (CivicQueue queue)
{
  switch (queue)
    {
    case CIVIC_QUEUE_CLERK: return CIVIC_ROLE_CLERK;
    case CIVIC_QUEUE_EXAMINER: return CIVIC_ROLE_EXAMINER;
    case CIVIC_QUEUE_APPROVER: return CIVIC_ROLE_APPROVER;
    case CIVIC_QUEUE_HEARING: return CIVIC_ROLE_HEARING_OFFICER;
    case CIVIC_QUEUE_NONE:
    default:
      return CIVIC_ROLE_NONE;
    }
}

/**
 * civic_workflow_assignee_role:
 *
 * Returns: the role an official needs to be given the case now: the role
 * of its queue, or any casework role when it is in none.
 */
CivicRole
civic_workflow_assignee_role (CivicCase *kase)
{
  CivicRole role;

  g_return_val_if_fail (CIVIC_IS_CASE (kase), CIVIC_ROLE_NONE);

  role = queue_role (kase->queue);
  return role != CIVIC_ROLE_NONE ? role : CIVIC_ROLES_CASEWORK;
}

/**
 * civic_workflow_named_official:
 * @department_id: the department the record is of
 * @department_name: how a refusal names it
 *
 * An official another one names — to hand a case to, to host a hearing —
 * must be one the users directory knows, whose account is in use, of the
 * record's department, with @roles. What the record keeps of them (their
 * name) comes from the directory, never from the command.
 *
 * Returns: (transfer full) (nullable): the official, or %NULL and why
 */
CivicActor *
civic_workflow_named_official (const CivicWorkflowContext *context,
                               const char                 *id,
                               const char                 *department_id,
                               const char                 *department_name,
                               CivicRole                   roles,
                               GError                    **error)
{
  g_autoptr(CivicActor) official = NULL;
  gboolean disabled = FALSE;

  if (context->lookup_official == NULL)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
              _("The directory of officials is not available to check %s"), id);
      return NULL;
    }

  official = context->lookup_official (id, &disabled, context->lookup_data);
  if (official == NULL)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("There is no official “%s”"), id);
      return NULL;
    }
  if (disabled)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_RULE, _("The account of %s is disabled"),
              official->name);
      return NULL;
    }
  if (g_strcmp0 (official->department_id, department_id) != 0)
    {
      /* Translators: "李明 is not an official of 湖南省市场监督管理局" */
      refuse (error, CIVIC_WORKFLOW_ERROR_RULE, _("%s is not an official of %s"), official->name,
              department_name ? department_name : department_id);
      return NULL;
    }
  if (!civic_actor_has_role (official, roles))
    {
      g_autofree char *needed = civic_roles_to_string (roles);

      /* Translators: "李明 does not have the role needed here: Approver" */
      refuse (error, CIVIC_WORKFLOW_ERROR_RULE, _("%s does not have the role needed here: %s"),
              official->name, needed);
      return NULL;
    }
  return g_steal_pointer (&official);
}

static CivicActor *
named_official (CivicCase                  *kase,
                const char                 *id,
                CivicRole                   roles,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  return civic_workflow_named_official (context, id, kase->department_id, kase->department_name,
                                        roles, error);
}

static CivicSubtask *
find_subtask (CivicCase  *kase,
              const char *department_id)
{
  for (guint i = 0; i < kase->subtasks->len; i++)
    {
      CivicSubtask *subtask = g_ptr_array_index (kase->subtasks, i);

      if (g_strcmp0 (subtask->department_id, department_id) == 0)
        return subtask;
    }

  return NULL;
}

static char *
join_names (GPtrArray *records,
            gsize      name_offset)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    {
      const char *name = G_STRUCT_MEMBER (const char *, g_ptr_array_index (records, i),
                                          name_offset);

      if (i > 0)
        /* Translators: separates names in a list, "营业执照, 卫生许可证" */
        g_string_append (text, _(", "));
      g_string_append (text, name ? name : "?");
    }

  return g_string_free (text, FALSE);
}

static gboolean
correction_window_passed (CivicCase                  *kase,
                          const CivicWorkflowContext *context,
                          CivicDay                   *due)
{
  g_autoptr(CivicClockReading) reading = NULL;

  if (kase->correction_clock == NULL)
    return FALSE;

  reading = civic_clock_read (kase->correction_clock, context->calendar, today_of (context), NULL);
  *due = reading->due;
  return today_of (context) > reading->due;
}

/* Art. 32(4): one correction notice, within five working days of receipt */
static gboolean
may_request_correction (CivicCase                  *kase,
                        const CivicWorkflowContext *context,
                        GError                    **error)
{
  CivicDay due;

  if (kase->corrections->len == 0 && correction_window_passed (kase, context, &due))
    {
      g_autofree char *last = civic_day_format (due);
      g_autofree char *received = civic_day_format (kase->received_on);

      return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                     _("The five working days for a correction notice ended on %s: the "
                       "application counts as accepted from %s, the day it was received "
                       "(Administrative Licensing Law, Art. 32(4))"), last, received);
    }
  return TRUE;
}

/* Art. 32(4): no notice within the five working days */
static gboolean
may_deem_accept (CivicCase                  *kase,
                 const CivicWorkflowContext *context,
                 GError                    **error)
{
  CivicDay due;

  if (kase->corrections->len > 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("A correction notice was sent in time; the application is not deemed "
                     "accepted"));
  if (!correction_window_passed (kase, context, &due))
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("The five working days for a correction notice have not yet passed"));
  return TRUE;
}

/* A case in a queue of the actor's role, nobody's yet */
static gboolean
may_claim (CivicCase                  *kase,
           const CivicWorkflowContext *context,
           GError                    **error)
{
  const CivicActor *actor = context->actor;

  if (kase->queue == CIVIC_QUEUE_NONE)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The case is in no queue"));
  if (is_assignee (kase, actor))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The case is already yours"));
  if (kase->assignee_id != NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("%s is already working on the case"), kase->assignee_name);
  if (!civic_actor_has_role (actor, queue_role (kase->queue)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   /* Translators: "Only Examiners can claim cases in this queue" */
                   _("Only %s can claim cases in this queue"),
                   civic_queue_get_label (kase->queue));
  return TRUE;
}

/* Only the official working on a case lets it go */
static gboolean
may_release (CivicCase                  *kase,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  const CivicActor *actor = context->actor;

  if (!is_assignee (kase, actor))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("Only the official working on the case can release it"));
  return TRUE;
}

/* Its official, or an approver, hands a case on to another */
static gboolean
may_transfer (CivicCase                  *kase,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  const CivicActor *actor = context->actor;

  if (kase->assignee_id == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("Nobody is working on the case; assign it instead"));
  if (!is_assignee (kase, actor) && !civic_actor_has_role (actor, CIVIC_ROLE_APPROVER))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only the official working on the case or an approver can transfer it"));
  return TRUE;
}

/* Only a case waiting for a decision goes back for review */
static gboolean
may_return (CivicCase                  *kase,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  if (kase->queue != CIVIC_QUEUE_APPROVER)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("Only a case handed on for a decision can be returned"));
  return TRUE;
}

/* Art. 42: the time limit is extended once */
static gboolean
may_extend (CivicCase                  *kase,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  if (kase->statutory_clock == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The time limit has not started"));
  if (civic_clock_get_extensions_used (kase->statutory_clock) >=
      civic_clock_get_max_extensions (kase->statutory_clock))
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("The time limit has already been extended; the law allows it once"));
  return TRUE;
}

/* Art. 47: the parties are told of their right once */
static gboolean
may_inform_hearing_right (CivicCase                  *kase,
                          const CivicWorkflowContext *context,
                          GError                    **error)
{
  if (kase->hearing.informed_on != CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("The parties have already been informed of their right to a hearing"));
  return TRUE;
}

/* Art. 47: a waiver or a request, once, after the parties were told */
static gboolean
may_answer_hearing_right (CivicCase                  *kase,
                          const CivicWorkflowContext *context,
                          GError                    **error)
{
  if (kase->hearing.informed_on == CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("The parties have not been informed of their right to a hearing"));
  if (kase->hearing.waived_on != CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The parties waived the hearing"));
  if (kase->hearing.requested_on != CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("A hearing was already requested"));
  return TRUE;
}

/* A hearing is held once */
static gboolean
may_order_hearing (CivicCase                  *kase,
                   const CivicWorkflowContext *context,
                   GError                    **error)
{
  if (kase->hearing.concluded_on != CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("A hearing has already been held"));
  return TRUE;
}

/* A decision rests on an examiner's opinion, every co-department's, the
 * hearing the law requires, and the parties' time to ask for one */
static gboolean
may_decide (CivicCase                  *kase,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_autoptr(GPtrArray) pending = civic_case_dup_pending_subtasks (kase);
  CivicDay today = today_of (context);
  CivicDay deadline;

  if (kase->opinions->len == 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("No examiner has recorded a review opinion yet"));

  if (pending->len > 0)
    {
      g_autofree char *names = join_names (pending,
                                           G_STRUCT_OFFSET (CivicSubtask, department_name));

      return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                     civic_ngettext ("The lead department decides when every co-department "
                                     "has given its opinion; still waiting for one: %s",
                                     "The lead department decides when every co-department "
                                     "has given its opinion; still waiting for: %s",
                                     pending->len), names);
    }

  if (kase->hearing.required && kase->hearing.concluded_on == CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("The law requires a public hearing on this item before the decision "
                     "(Administrative Licensing Law, Art. 46)"));

  deadline = civic_workflow_hearing_request_deadline (kase, context);
  if (deadline != CIVIC_DAY_INVALID && kase->hearing.waived_on == CIVIC_DAY_INVALID &&
      kase->hearing.requested_on == CIVIC_DAY_INVALID && today <= deadline)
    {
      g_autofree char *last = civic_day_format (deadline);

      return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                     _("The parties may still request a hearing until %s (Administrative "
                       "Licensing Law, Art. 47)"), last);
    }
  return TRUE;
}

/* A case served or not accepted closes; before that only an approver
 * closes it, or a clerk one whose correction never came */
static gboolean
may_close (CivicCase                  *kase,
           const CivicWorkflowContext *context,
           GError                    **error)
{
  const CivicActor *actor = context->actor;

  if (kase->state == CIVIC_CASE_STATE_SERVED || kase->state == CIVIC_CASE_STATE_NOT_ACCEPTED)
    return TRUE;
  if (kase->state == CIVIC_CASE_STATE_CORRECTION_REQUESTED &&
      civic_actor_has_role (actor, CIVIC_ROLE_CLERK))
    return TRUE;
  if (!civic_actor_has_role (actor, CIVIC_ROLE_APPROVER))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only an approver can close a case before its decision is served"));
  return TRUE;
}

/* A co-department gives its opinion on a joint case once */
static gboolean
may_give_subtask_opinion (CivicCase                  *kase,
                          const CivicWorkflowContext *context,
                          GError                    **error)
{
  const CivicActor *actor = context->actor;
  CivicSubtask *subtask = find_subtask (kase, actor->department_id);

  if (kase->subtasks->len == 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("This is not a joint case"));
  if (subtask == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Your department has no part in this joint case"));
  if (subtask->done)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("Your department has already given its opinion"));
  return TRUE;
}

/* Some document the law ties to a step already taken waits to be
 * issued, and it is this official's to issue */
static gboolean
may_issue_document (CivicCase                  *kase,
                    const CivicWorkflowContext *context,
                    GError                    **error)
{
  for (guint i = 0; i < CIVIC_N_DOCUMENT_KINDS; i++)
    if (civic_actor_has_role (context->actor, civic_document_kind_get_roles (i)) &&
        civic_case_document_available (kase, i, NULL))
      return TRUE;
  return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                 _("No document waits to be issued on this case by you"));
}

/* The rules of law that need no arguments: the UI greys an action out with
 * this explanation before the official starts filling in a dialog. */
static gboolean
check_preconditions (CivicCase                  *kase,
                     CivicAction                 action,
                     const CivicWorkflowContext *context,
                     GError                    **error)
{
  switch (action)
    {
    case CIVIC_ACTION_REQUEST_CORRECTION: return may_request_correction (kase, context, error);
    case CIVIC_ACTION_DEEM_ACCEPT: return may_deem_accept (kase, context, error);
    case CIVIC_ACTION_CLAIM: return may_claim (kase, context, error);
    case CIVIC_ACTION_RELEASE: return may_release (kase, context, error);
    case CIVIC_ACTION_TRANSFER: return may_transfer (kase, context, error);
    case CIVIC_ACTION_RETURN: return may_return (kase, context, error);
    case CIVIC_ACTION_EXTEND: return may_extend (kase, context, error);
    case CIVIC_ACTION_INFORM_HEARING_RIGHT: return may_inform_hearing_right (kase, context, error);
    case CIVIC_ACTION_WAIVE_HEARING:
    case CIVIC_ACTION_REQUEST_HEARING: return may_answer_hearing_right (kase, context, error);
    case CIVIC_ACTION_ORDER_HEARING: return may_order_hearing (kase, context, error);
    case CIVIC_ACTION_DECIDE: return may_decide (kase, context, error);
    case CIVIC_ACTION_CLOSE: return may_close (kase, context, error);
    case CIVIC_ACTION_SUBTASK_OPINION: return may_give_subtask_opinion (kase, context, error);
    case CIVIC_ACTION_ISSUE_DOCUMENT: return may_issue_document (kase, context, error);

    case CIVIC_ACTION_START_PRE_REVIEW:
    case CIVIC_ACTION_ACCEPT:
    case CIVIC_ACTION_NOT_ACCEPT:
    case CIVIC_ACTION_CORRECTION_RECEIVED:
    case CIVIC_ACTION_ASSIGN:
    case CIVIC_ACTION_COMMENT:
    case CIVIC_ACTION_OPINION:
    case CIVIC_ACTION_VERIFY:
    case CIVIC_ACTION_STOP_CLOCK:
    case CIVIC_ACTION_RESUME_CLOCK:
    case CIVIC_ACTION_CONCLUDE_HEARING:
    case CIVIC_ACTION_SERVE:
    default:
      return TRUE;
    }
}

/**
 * civic_workflow_check:
 *
 * Returns: whether @context's actor may take @action on @kase now, before
 * any argument is given; if not, @error says why in words an official
 * understands.
 */
gboolean
civic_workflow_check (CivicCase                  *kase,
                      CivicAction                 action,
                      const CivicWorkflowContext *context,
                      GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_CASE (kase), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (context->calendar), FALSE);
  g_return_val_if_fail (context->now != NULL, FALSE);

  if ((guint) action >= CIVIC_N_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));

  if (!(rules[action].states & (1u << kase->state)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   /* Translators: "“Decide” is not possible while the case is “Hearing”" */
                   _("“%s” is not possible while the case is “%s”"),
                   civic_action_get_label (action), civic_case_state_get_label (kase->state));

  if (!civic_actor_has_role (context->actor, rules[action].roles))
    {
      g_autofree char *roles = civic_roles_to_string (rules[action].roles);

      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                     _("“%s” is for these roles: %s"), civic_action_get_label (action), roles);
    }

  /* One department leads a joint case (一件事一次办); the others give
   * their opinion on it and may comment, and every other step is the
   * lead's. Here, so that the client offers only what the service takes. */
  if (!civic_actor_has_role (context->actor, CIVIC_ROLE_SYSTEM) &&
      g_strcmp0 (context->actor->department_id, kase->department_id) != 0 &&
      action != CIVIC_ACTION_SUBTASK_OPINION && action != CIVIC_ACTION_COMMENT)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("%s leads this joint case; your department can only give its opinion or add "
                     "comments"), kase->department_name ? kase->department_name
                                                        : kase->department_id);

  return check_preconditions (kase, action, context, error);
}

/* Whether the case waits on @actor: taken by them, or in the queue of
 * their role with nobody on it. */
static gboolean
is_with (CivicCase        *kase,
         const CivicActor *actor)
{
  if (kase->assignee_id != NULL)
    return g_strcmp0 (kase->assignee_id, actor->id) == 0;
  switch (kase->queue)
    {
    case CIVIC_QUEUE_CLERK: return civic_actor_has_role (actor, CIVIC_ROLE_CLERK);
    case CIVIC_QUEUE_EXAMINER: return civic_actor_has_role (actor, CIVIC_ROLE_EXAMINER);
    case CIVIC_QUEUE_APPROVER: return civic_actor_has_role (actor, CIVIC_ROLE_APPROVER);
    case CIVIC_QUEUE_HEARING: return civic_actor_has_role (actor, CIVIC_ROLE_HEARING_OFFICER);
    case CIVIC_QUEUE_NONE:
    default:
      return FALSE;
    }
}

/**
 * civic_workflow_next_step:
 * @actions: (element-type CivicAction): what @actor may do on @kase now,
 *   from civic_workflow_list_actions()
 * @step: (out): the one that moves the case on
 *
 * The next step of the case for this official, the one a page suggests:
 * a decision, an acceptance, a service before anything else (whoever may
 * decide need not claim first); a claim before an opinion (a case taken
 * from the queue is worked on by whoever took it). An opinion is the next
 * step only while the case waits on @actor: once handed on, another
 * opinion may still be added, but nothing suggests it.
 *
 * Returns: whether any of @actions moves the case on (a comment does not)
 */
gboolean
civic_workflow_next_step (CivicCase        *kase,
                          const CivicActor *actor,
                          GArray           *actions,
                          CivicAction      *step)
{
  static const CivicAction order[] = {
    CIVIC_ACTION_DECIDE,
    CIVIC_ACTION_ACCEPT,
    CIVIC_ACTION_CORRECTION_RECEIVED,
    CIVIC_ACTION_SERVE,
    CIVIC_ACTION_CONCLUDE_HEARING,
    CIVIC_ACTION_SUBTASK_OPINION,
    CIVIC_ACTION_CLAIM,
    CIVIC_ACTION_OPINION,
  };

  g_return_val_if_fail (CIVIC_IS_CASE (kase), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (actions != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    for (guint j = 0; j < actions->len; j++)
      if (g_array_index (actions, CivicAction, j) == order[i] &&
          (order[i] != CIVIC_ACTION_OPINION || is_with (kase, actor)))
        {
          *step = order[i];
          return TRUE;
        }
  return FALSE;
}

/**
 * civic_workflow_list_actions:
 *
 * Returns: (transfer full) (element-type CivicAction): the actions
 * @context's actor may take on @kase now, and only those.
 */
GArray *
civic_workflow_list_actions (CivicCase                  *kase,
                             const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicAction));

  g_return_val_if_fail (CIVIC_IS_CASE (kase), actions);

  for (guint i = 0; i < CIVIC_N_ACTIONS; i++)
    {
      CivicAction action = i;

      if (action == CIVIC_ACTION_DEEM_ACCEPT)
        continue;
      if (civic_workflow_check (kase, action, context, NULL))
        g_array_append_val (actions, action);
    }

  return actions;
}

/* Argument readers: a JSON error becomes an argument error. */

static gboolean
argument_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == CIVIC_JSON_ERROR)
    (*error)->domain = CIVIC_WORKFLOW_ERROR, (*error)->code = CIVIC_WORKFLOW_ERROR_ARGUMENT;
  return FALSE;
}

/**
 * civic_workflow_arg_text:
 * @max_chars: the most characters it may have
 *
 * Reads a text argument of a command for any kind's rules: blank counts
 * as absent; missing when @required, or too long, is an argument error.
 */
gboolean
civic_workflow_arg_text (JsonObject  *args,
                         const char  *member,
                         gboolean     required,
                         glong        max_chars,
                         const char **out,
                         GError     **error)
{
  *out = NULL;
  if (!civic_json_get_text (args, member, required, out, error))
    return argument_error (error);
  if (*out != NULL && g_utf8_strlen (*out, -1) > max_chars)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” is longer than %d characters"), member, (int) max_chars);
  return TRUE;
}

/**
 * civic_workflow_arg_day:
 *
 * Reads a day, as 2026-12-31; absent (when not @required) leaves
 * %CIVIC_DAY_INVALID.
 */
gboolean
civic_workflow_arg_day (JsonObject  *args,
                        const char  *member,
                        gboolean     required,
                        CivicDay    *out,
                        GError     **error)
{
  *out = CIVIC_DAY_INVALID;
  if (!civic_json_get_day (args, member, required, out, NULL) ||
      (required && *out == CIVIC_DAY_INVALID))
    /* Translators: "“opens_on” is a day, as 2026-12-31" */
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” is a day, as 2026-12-31"),
                   member);
  return TRUE;
}

/**
 * civic_workflow_arg_enum:
 *
 * Reads a choice, by its nick; @out keeps its value when absent and not
 * @required.
 */
gboolean
civic_workflow_arg_enum (JsonObject  *args,
                         const char  *member,
                         gboolean     required,
                         GType        type,
                         int         *out,
                         GError     **error)
{
  if (!civic_json_get_enum (args, member, required, type, out, error))
    return argument_error (error);
  return TRUE;
}

/**
 * civic_workflow_arg_past_day:
 *
 * Reads a day something happened, as an official reports it: today when
 * absent and not @required; never in the future.
 */
gboolean
civic_workflow_arg_past_day (JsonObject                 *args,
                             const char                 *member,
                             gboolean                    required,
                             const CivicWorkflowContext *context,
                             CivicDay                   *out,
                             GError                    **error)
{
  CivicDay today = civic_time_day_of (context->now);

  if (!civic_json_get_day (args, member, required, out, error))
    return argument_error (error);
  if (*out == CIVIC_DAY_INVALID)
    *out = today;
  if (*out > today)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   /* Translators: "“received_on” cannot be in the future" */
                   _("“%s” cannot be in the future"), member);
  return TRUE;
}

static gboolean
get_text (JsonObject  *args,
          const char  *member,
          gboolean     required,
          const char **out,
          GError     **error)
{
  if (!civic_json_get_text (args, member, required, out, error))
    return argument_error (error);

  if (*out != NULL && g_utf8_strlen (*out, -1) > MAX_TEXT_LENGTH)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” is longer than %d characters"), member, MAX_TEXT_LENGTH);

  return TRUE;
}

static gboolean
get_enum (JsonObject  *args,
          const char  *member,
          gboolean     required,
          GType        type,
          int         *out,
          GError     **error)
{
  if (!civic_json_get_enum (args, member, required, type, out, error))
    return argument_error (error);
  return TRUE;
}

static gboolean
get_strv (JsonObject  *args,
          const char  *member,
          gboolean     required,
          GStrv       *out,
          GError     **error)
{
  if (!civic_json_get_strv (args, member, required, out, error))
    return argument_error (error);

  /* A list names materials, officials or parties: a few dozen short
   * items, not a megabyte the case would carry for ever. */
  if (*out != NULL && g_strv_length (*out) > MAX_LIST_LENGTH)
    {
      g_clear_pointer (out, g_strfreev);
      return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” lists more than %d items"),
                     member, MAX_LIST_LENGTH);
    }
  for (guint i = 0; *out != NULL && (*out)[i] != NULL; i++)
    if (g_utf8_strlen ((*out)[i], -1) > MAX_ITEM_LENGTH)
      {
        g_clear_pointer (out, g_strfreev);
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("An item of “%s” is longer than %d characters"), member,
                       MAX_ITEM_LENGTH);
      }
  return TRUE;
}

/* A date the official states (a hearing request that came by post, a
 * service by mail): not in the future, not before the application. */
static gboolean
get_past_day (JsonObject                 *args,
              const char                 *member,
              CivicCase                  *kase,
              const CivicWorkflowContext *context,
              CivicDay                   *out,
              GError                    **error)
{
  CivicDay today = today_of (context);

  if (!civic_json_get_day (args, member, FALSE, out, error))
    return argument_error (error);

  if (*out == CIVIC_DAY_INVALID)
    *out = today;

  if (*out > today)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” cannot be in the future"),
                   member);
  if (*out < kase->received_on)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” cannot be before the application was received"), member);

  return TRUE;
}

static gboolean
clock_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == CIVIC_CLOCK_ERROR)
    (*error)->domain = CIVIC_WORKFLOW_ERROR, (*error)->code = CIVIC_WORKFLOW_ERROR_RULE;
  return FALSE;
}

static void
set_assignee (CivicCase  *kase,
              const char *id,
              const char *name)
{
  g_free (kase->assignee_id);
  kase->assignee_id = g_strdup (id);
  g_free (kase->assignee_name);
  kase->assignee_name = g_strdup (id ? (name ? name : id) : NULL);
}

static void
hand_to_queue (CivicCase  *kase,
               CivicQueue  queue)
{
  kase->queue = queue;
  set_assignee (kase, NULL, NULL);
}

static CivicClock *
new_licensing_clock (CivicCase     *kase,
                     CivicClockKind kind,
                     CivicDay       start,
                     int            length)
{
  CivicClock *clock = civic_clock_new (kind, CIVIC_CLOCK_TRIGGER_ACCEPTED, start,
                                       kind == CIVIC_CLOCK_KIND_STATUTORY ? kase->statutory_unit
                                                                          : kase->promised_unit,
                                       length,
                                       kind == CIVIC_CLOCK_KIND_STATUTORY
                                       ? (kase->track == CIVIC_TRACK_JOINT ? "all-42-2" : "all-42-1")
                                       : "promised");

  /* Extensions apply to the statutory limit only: +10 working days with
   * the approval of the head of the authority, +15 on the joint track with
   * that of the head of the government at the same level (Art. 42). */
  if (kind == CIVIC_CLOCK_KIND_STATUTORY)
    civic_clock_set_extension_rule (clock, 1, kase->track == CIVIC_TRACK_JOINT ? 15 : 10);

  return clock;
}

static void
start_review (CivicCase *kase,
              CivicDay   accepted_on)
{
  kase->accepted_on = accepted_on;
  kase->state = CIVIC_CASE_STATE_UNDER_REVIEW;
  hand_to_queue (kase, CIVIC_QUEUE_EXAMINER);

  g_clear_object (&kase->statutory_clock);
  kase->statutory_clock = new_licensing_clock (kase, CIVIC_CLOCK_KIND_STATUTORY, accepted_on,
                                               kase->statutory_days);
  g_clear_object (&kase->promised_clock);
  if (kase->promised_days > 0)
    kase->promised_clock = new_licensing_clock (kase, CIVIC_CLOCK_KIND_PROMISED, accepted_on,
                                                kase->promised_days);
}

/* The decision clocks move together: a special procedure stops both the
 * statutory limit and the promised one. */
static gboolean
for_review_clocks (CivicCase   *kase,
                   gboolean   (*stop) (CivicCase *, CivicClock *, gpointer, GError **),
                   gpointer     data,
                   GError     **error)
{
  if (kase->statutory_clock != NULL && !stop (kase, kase->statutory_clock, data, error))
    return clock_error (error);
  if (kase->promised_clock != NULL && !stop (kase, kase->promised_clock, data, error))
    return clock_error (error);
  return TRUE;
}

typedef struct
{
  CivicDay         day;
  CivicStopReason  reason;
  const char      *note;
} ClockStep;

static gboolean
stop_one (CivicCase   *kase,
          CivicClock  *clock,
          gpointer     data,
          GError     **error)
{
  ClockStep *step = data;

  if (civic_clock_is_completed (clock))
    return TRUE;
  return civic_clock_stop (clock, step->day, step->reason, step->note, error);
}

static gboolean
resume_one (CivicCase   *kase,
            CivicClock  *clock,
            gpointer     data,
            GError     **error)
{
  ClockStep *step = data;

  if (!civic_clock_is_stopped (clock))
    return TRUE;
  return civic_clock_resume (clock, step->day, step->note, error);
}

static gboolean
complete_one (CivicCase   *kase,
              CivicClock  *clock,
              gpointer     data,
              GError     **error)
{
  ClockStep *step = data;

  if (civic_clock_is_completed (clock))
    return TRUE;
  if (civic_clock_is_stopped (clock) && !civic_clock_resume (clock, step->day, NULL, error))
    return FALSE;
  return civic_clock_complete (clock, step->day, error);
}

static void
complete_correction_clock (CivicCase *kase,
                           CivicDay   day)
{
  if (kase->correction_clock != NULL && !civic_clock_is_completed (kase->correction_clock))
    civic_clock_complete (kase->correction_clock, MAX (day, civic_clock_get_start (kase->correction_clock)),
                          NULL);
}

/* The actions */

static gboolean
apply_accept (CivicCase                  *kase,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GString                    *text,
              GError                    **error)
{
  g_auto(GStrv) received = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  if (!get_strv (args, "received", FALSE, &received, error))
    return FALSE;

  for (guint i = 0; received != NULL && received[i] != NULL; i++)
    {
      CivicMaterial *material = (CivicMaterial *) civic_case_find_material (kase, received[i]);

      if (material == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("The application has no material “%s”"), received[i]);
      material->received = TRUE;
    }

  /* Art. 32(5): accept when the materials are complete; otherwise the law
   * asks for the one-time correction notice. */
  missing = civic_case_dup_missing_materials (kase);
  if (missing->len > 0)
    {
      g_autofree char *names = join_names (missing, G_STRUCT_OFFSET (CivicMaterial, name));

      return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                     _("Required materials are missing: %s. Send a one-time correction notice "
                       "listing all of them instead (Administrative Licensing Law, Art. 32(4))"),
                     names);
    }

  complete_correction_clock (kase, today_of (context));
  start_review (kase, today_of (context));
  return TRUE;
}

static gboolean
apply_not_accept (CivicCase                  *kase,
                  JsonObject                 *args,
                  const CivicWorkflowContext *context,
                  GString                    *text,
                  GError                    **error)
{
  const char *reason, *legal_basis, *authority;
  int ground;

  if (!get_enum (args, "ground", TRUE, CIVIC_TYPE_NOT_ACCEPT_GROUND, &ground, error) ||
      !get_text (args, "reason", TRUE, &reason, error) ||
      !get_text (args, "legal_basis", TRUE, &legal_basis, error) ||
      !get_text (args, "competent_authority", ground == CIVIC_NOT_ACCEPT_NOT_COMPETENT,
                 &authority, error))
    return FALSE;

  g_clear_pointer (&kase->not_accepted, civic_not_accepted_free);
  kase->not_accepted = g_new0 (CivicNotAccepted, 1);
  kase->not_accepted->ground = ground;
  kase->not_accepted->on = today_of (context);
  kase->not_accepted->reason = g_strdup (reason);
  kase->not_accepted->legal_basis = g_strdup (legal_basis);
  kase->not_accepted->competent_authority = g_strdup (authority);

  complete_correction_clock (kase, today_of (context));
  kase->state = CIVIC_CASE_STATE_NOT_ACCEPTED;
  kase->queue = CIVIC_QUEUE_CLERK;
  g_string_append (text, reason);
  return TRUE;
}

static gboolean
in_strv (const char * const *strv,
         const char         *value)
{
  return strv != NULL && g_strv_contains (strv, value);
}

static gboolean
apply_request_correction (CivicCase                  *kase,
                          JsonObject                 *args,
                          const CivicWorkflowContext *context,
                          GString                    *text,
                          GError                    **error)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  const char *note, *override_reason;
  CivicCorrection *correction;

  if (!get_strv (args, "missing", TRUE, &items, error) ||
      !get_text (args, "note", FALSE, &note, error) ||
      !get_text (args, "override_reason", FALSE, &override_reason, error))
    return FALSE;

  if (items[0] == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A correction notice must list what is missing"));

  for (guint i = 0; items[i] != NULL; i++)
    {
      const CivicMaterial *material = civic_case_find_material (kase, items[i]);

      if (material == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("The application has no material “%s”"), items[i]);
      if (material->received)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("“%s” has been received; it cannot be asked for again"), material->name);
    }

  /* 一次性告知: the notice lists everything at once. */
  missing = civic_case_dup_missing_materials (kase);
  for (guint i = 0; i < missing->len; i++)
    {
      CivicMaterial *material = g_ptr_array_index (missing, i);

      if (!in_strv ((const char * const *) items, material->id))
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("The notice must list all missing materials at once; “%s” is missing "
                         "too (Administrative Licensing Law, Art. 32(4))"), material->name);
    }

  if (override_reason == NULL)
    {
      for (guint i = 0; i < kase->corrections->len; i++)
        {
          CivicCorrection *earlier = g_ptr_array_index (kase->corrections, i);

          if (earlier->round == kase->round)
            return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                           _("A correction notice was already sent in this round; the law asks "
                             "for all of it at once. Give a reason to send another"));
        }

      /* Later rounds may only ask again for what an earlier notice asked
       * for and the applicant did not supply properly. */
      for (guint i = 0; kase->corrections->len > 0 && items[i] != NULL; i++)
        {
          gboolean asked_before = FALSE;

          for (guint j = 0; j < kase->corrections->len; j++)
            asked_before |= in_strv ((const char * const *)
                                     ((CivicCorrection *) g_ptr_array_index (kase->corrections,
                                                                             j))->items,
                                     items[i]);
          if (!asked_before)
            return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                           _("“%s” was not in the earlier correction notice; asking for it now "
                             "needs a reason"), civic_case_find_material (kase, items[i])->name);
        }
    }

  correction = g_new0 (CivicCorrection, 1);
  correction->round = kase->round;
  correction->notified_on = today_of (context);
  correction->items = g_steal_pointer (&items);
  correction->note = g_strdup (note);
  correction->override_reason = g_strdup (override_reason);
  g_ptr_array_add (kase->corrections, correction);

  complete_correction_clock (kase, today_of (context));
  kase->state = CIVIC_CASE_STATE_CORRECTION_REQUESTED;
  kase->queue = CIVIC_QUEUE_CLERK;

  if (note != NULL)
    g_string_append (text, note);
  return TRUE;
}

static gboolean
apply_correction_received (CivicCase                  *kase,
                           JsonObject                 *args,
                           const CivicWorkflowContext *context,
                           GString                    *text,
                           GError                    **error)
{
  g_auto(GStrv) received = NULL;
  CivicCorrection *correction;
  CivicDay on;

  if (!get_strv (args, "received", TRUE, &received, error) ||
      !get_past_day (args, "received_on", kase, context, &on, error))
    return FALSE;

  for (guint i = 0; received[i] != NULL; i++)
    if (civic_case_find_material (kase, received[i]) == NULL)
      return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                     _("The application has no material “%s”"), received[i]);

  for (guint i = 0; received[i] != NULL; i++)
    ((CivicMaterial *) civic_case_find_material (kase, received[i]))->received = TRUE;

  correction = g_ptr_array_index (kase->corrections, kase->corrections->len - 1);
  correction->received_on = on;
  kase->round++;
  kase->state = CIVIC_CASE_STATE_PRE_REVIEW;
  kase->queue = CIVIC_QUEUE_CLERK;
  return TRUE;
}

static gboolean
apply_assign (CivicCase                  *kase,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GString                    *text,
              GError                    **error)
{
  g_autoptr(CivicActor) assignee = NULL;
  const char *id, *reason;

  if (!get_text (args, "assignee_id", TRUE, &id, error) ||
      !get_text (args, "reason", FALSE, &reason, error))
    return FALSE;

  assignee = named_official (kase, id, civic_workflow_assignee_role (kase), context, error);
  if (assignee == NULL)
    return FALSE;

  if (is_assignee (kase, assignee))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The case is already assigned to %s"),
                   assignee->name);

  set_assignee (kase, assignee->id, assignee->name);
  if (reason != NULL)
    g_string_append (text, reason);
  return TRUE;
}

static gboolean
apply_return (CivicCase                  *kase,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GString                    *text,
              GError                    **error)
{
  const char *reason;
  const CivicOpinion *last = NULL;

  if (!get_text (args, "reason", TRUE, &reason, error))
    return FALSE;

  for (guint i = 0; i < kase->opinions->len; i++)
    last = g_ptr_array_index (kase->opinions, i);

  /* Back to the examiner who handed it on. */
  kase->queue = CIVIC_QUEUE_EXAMINER;
  if (last != NULL)
    set_assignee (kase, last->by_id, last->by_name);
  else
    set_assignee (kase, NULL, NULL);

  g_string_append (text, reason);
  return TRUE;
}

static gboolean
apply_opinion (CivicCase                  *kase,
               JsonObject                 *args,
               const CivicWorkflowContext *context,
               GString                    *text,
               GError                    **error)
{
  const CivicActor *actor = context->actor;
  const char *opinion_text;
  gboolean submit = TRUE;
  CivicOpinion *opinion;
  int recommendation;

  if (!get_enum (args, "recommendation", TRUE, CIVIC_TYPE_RECOMMENDATION, &recommendation,
                 error) ||
      !get_text (args, "text", TRUE, &opinion_text, error))
    return FALSE;
  if (!civic_json_get_bool (args, "submit", FALSE, &submit, error))
    return argument_error (error);

  opinion = g_new0 (CivicOpinion, 1);
  opinion->by_id = g_strdup (actor->id);
  opinion->by_name = g_strdup (actor->name);
  opinion->at = g_date_time_to_utc (context->now);
  opinion->recommendation = recommendation;
  opinion->text = g_strdup (opinion_text);
  g_ptr_array_add (kase->opinions, opinion);

  /* 承办 → 批准: the examiner's opinion hands the case on. */
  if (submit && kase->queue == CIVIC_QUEUE_EXAMINER)
    hand_to_queue (kase, CIVIC_QUEUE_APPROVER);

  g_string_append (text, opinion_text);
  return TRUE;
}

static gboolean
apply_verify (CivicCase                  *kase,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GString                    *text,
              GError                    **error)
{
  g_auto(GStrv) verifiers = NULL;
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  CivicVerification *verification;
  const char *note;
  CivicDay on;

  if (!get_strv (args, "verifiers", TRUE, &verifiers, error) ||
      !get_text (args, "note", TRUE, &note, error) ||
      !get_past_day (args, "on", kase, context, &on, error))
    return FALSE;

  for (guint i = 0; verifiers[i] != NULL; i++)
    {
      g_autoptr(CivicActor) verifier = NULL;

      /* Art. 34 speaks of the organ's own staff. */
      verifier = named_official (kase, verifiers[i], CIVIC_ROLES_CASEWORK, context, error);
      if (verifier == NULL)
        return FALSE;
      g_hash_table_add (distinct, verifiers[i]);
    }

  /* Art. 34: "应当指派两名以上工作人员进行核查" */
  if (g_hash_table_size (distinct) < 2)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("A verification of the substance needs at least two officials "
                     "(Administrative Licensing Law, Art. 34)"));

  verification = g_new0 (CivicVerification, 1);
  verification->on = on;
  verification->verifiers = g_steal_pointer (&verifiers);
  verification->note = g_strdup (note);
  verification->recorded_by = g_strdup (context->actor->id);
  g_ptr_array_add (kase->verifications, verification);

  g_string_append (text, note);
  return TRUE;
}

static gboolean
apply_extend (CivicCase                  *kase,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GString                    *text,
              GError                    **error)
{
  const char *reason, *approved_by;
  gint64 days = 0;
  int max_days = civic_clock_get_max_extension_days (kase->statutory_clock);

  if (!get_text (args, "reason", TRUE, &reason, error) ||
      !get_text (args, "approved_by", kase->track == CIVIC_TRACK_JOINT, &approved_by, error))
    return FALSE;
  if (!civic_json_get_int (args, "days", FALSE, 1, max_days, &days, error))
    return argument_error (error);

  /* On the joint track the head of the people's government approves, who
   * is not an official of the hall; the approver records that approval. */
  if (approved_by == NULL)
    approved_by = context->actor->name;

  if (!civic_clock_extend (kase->statutory_clock, context->calendar, today_of (context),
                           days > 0 ? (int) days : max_days, approved_by, reason, error))
    return clock_error (error);

  g_string_append (text, reason);
  return TRUE;
}

static gboolean
apply_stop_clock (CivicCase                  *kase,
                  JsonObject                 *args,
                  const CivicWorkflowContext *context,
                  GString                    *text,
                  GError                    **error)
{
  CivicSuspension *suspension;
  const char *note;
  gint64 expected;
  ClockStep step;
  int reason;

  if (!get_enum (args, "reason", TRUE, CIVIC_TYPE_STOP_REASON, &reason, error) ||
      !get_text (args, "note", FALSE, &note, error))
    return FALSE;
  if (!civic_json_get_int (args, "expected_days", TRUE, 1, 3660, &expected, error))
    return argument_error (error);

  if (reason == CIVIC_STOP_REASON_HEARING)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A hearing stops the clock through the hearing actions"));
  if (reason == CIVIC_STOP_REASON_THIRD_PARTY_CONSULTATION)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Third-party consultation stops disclosure clocks, not licensing ones"));
  if (reason == CIVIC_STOP_REASON_AWAITING_CORRECTION)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Awaiting correction stops disclosure clocks, not licensing ones"));

  step = (ClockStep) { today_of (context), reason, note };
  if (!for_review_clocks (kase, stop_one, &step, error))
    return FALSE;

  suspension = g_new0 (CivicSuspension, 1);
  suspension->reason = reason;
  suspension->started_on = step.day;
  suspension->expected_days = (int) expected;
  suspension->note = g_strdup (note);
  g_ptr_array_add (kase->suspensions, suspension);

  kase->state = CIVIC_CASE_STATE_SUSPENDED;
  if (note != NULL)
    g_string_append (text, note);
  return TRUE;
}

static gboolean
apply_resume_clock (CivicCase                  *kase,
                    JsonObject                 *args,
                    const CivicWorkflowContext *context,
                    GString                    *text,
                    GError                    **error)
{
  CivicSuspension *suspension;
  const char *result;
  ClockStep step;

  if (!get_text (args, "result", TRUE, &result, error))
    return FALSE;

  step = (ClockStep) { today_of (context), 0, result };
  if (!for_review_clocks (kase, resume_one, &step, error))
    return FALSE;

  if (kase->suspensions->len > 0)
    {
      suspension = g_ptr_array_index (kase->suspensions, kase->suspensions->len - 1);
      suspension->ended_on = step.day;
      g_free (suspension->result);
      suspension->result = g_strdup (result);
    }

  kase->state = CIVIC_CASE_STATE_UNDER_REVIEW;
  g_string_append (text, result);
  return TRUE;
}

static gboolean
apply_inform_hearing_right (CivicCase                  *kase,
                            JsonObject                 *args,
                            const CivicWorkflowContext *context,
                            GString                    *text,
                            GError                    **error)
{
  g_auto(GStrv) parties = NULL;

  if (!get_strv (args, "parties", TRUE, &parties, error))
    return FALSE;
  if (parties[0] == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Name the applicant and the interested parties who were informed"));

  kase->hearing.informed_on = today_of (context);
  g_strfreev (kase->hearing.parties);
  kase->hearing.parties = g_steal_pointer (&parties);

  return TRUE;
}

static gboolean
apply_waive_hearing (CivicCase                  *kase,
                     JsonObject                 *args,
                     const CivicWorkflowContext *context,
                     GString                    *text,
                     GError                    **error)
{
  const char *note;

  if (!get_text (args, "note", FALSE, &note, error))
    return FALSE;

  kase->hearing.waived_on = today_of (context);
  if (note != NULL)
    g_string_append (text, note);
  return TRUE;
}

static gboolean
enter_hearing (CivicCase                  *kase,
               CivicDay                    from,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  /* ALL Art. 45: the time a hearing needs does not count. */
  ClockStep step = { from, CIVIC_STOP_REASON_HEARING, NULL };

  if (!for_review_clocks (kase, stop_one, &step, error))
    return FALSE;

  kase->hearing.started_on = from;
  kase->state = CIVIC_CASE_STATE_HEARING;
  hand_to_queue (kase, CIVIC_QUEUE_HEARING);
  return TRUE;
}

static gboolean
apply_request_hearing (CivicCase                  *kase,
                       JsonObject                 *args,
                       const CivicWorkflowContext *context,
                       GString                    *text,
                       GError                    **error)
{
  const char *requested_by;
  CivicDay on, deadline;

  if (!get_text (args, "requested_by", TRUE, &requested_by, error) ||
      !get_past_day (args, "requested_on", kase, context, &on, error))
    return FALSE;

  if (on < kase->hearing.informed_on)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The request cannot be dated before the parties were informed"));

  deadline = civic_workflow_hearing_request_deadline (kase, context);
  if (on > deadline)
    {
      g_autofree char *last = civic_day_format (deadline);

      return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                     _("The request came after %s, the last day to ask for a hearing "
                       "(Administrative Licensing Law, Art. 47)"), last);
    }

  if (!enter_hearing (kase, on, context, error))
    return FALSE;

  kase->hearing.requested_on = on;
  g_free (kase->hearing.requested_by);
  kase->hearing.requested_by = g_strdup (requested_by);
  return TRUE;
}

static gboolean
apply_order_hearing (CivicCase                  *kase,
                     JsonObject                 *args,
                     const CivicWorkflowContext *context,
                     GString                    *text,
                     GError                    **error)
{
  const char *reason;

  if (!get_text (args, "reason", TRUE, &reason, error))
    return FALSE;

  if (!enter_hearing (kase, today_of (context), context, error))
    return FALSE;

  kase->hearing.ex_officio = TRUE;
  g_free (kase->hearing.order_reason);
  kase->hearing.order_reason = g_strdup (reason);
  g_string_append (text, reason);
  return TRUE;
}

static gboolean
apply_conclude_hearing (CivicCase                  *kase,
                        JsonObject                 *args,
                        const CivicWorkflowContext *context,
                        GString                    *text,
                        GError                    **error)
{
  const char *hearing_id, *record_ref;
  int outcome;
  ClockStep step;

  if (!get_text (args, "hearing_id", TRUE, &hearing_id, error) ||
      !get_text (args, "record_ref", FALSE, &record_ref, error))
    return FALSE;
  if (!civic_json_get_enum (args, "outcome", TRUE, CIVIC_TYPE_HEARING_STATE, &outcome, error))
    return argument_error (error);

  if (kase->hearing.hearing_id != NULL && g_strcmp0 (kase->hearing.hearing_id, hearing_id) != 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The case waits for another hearing"));

  /* Art. 48(5): the decision rests on a record every participant
   * confirmed; a hearing withdrawn or cancelled has none, and the case
   * goes on without it */
  if (outcome == CIVIC_HEARING_STATE_RECORD_SIGNED && record_ref == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“record_ref” is missing"));
  if (outcome != CIVIC_HEARING_STATE_RECORD_SIGNED && outcome != CIVIC_HEARING_STATE_WITHDRAWN &&
      outcome != CIVIC_HEARING_STATE_CANCELLED)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("Every participant must sign or seal the hearing record first "
                     "(Administrative Licensing Law, Art. 48(5))"));

  step = (ClockStep) { today_of (context), 0, NULL };
  if (!for_review_clocks (kase, resume_one, &step, error))
    return FALSE;

  g_free (kase->hearing.hearing_id);
  kase->hearing.hearing_id = g_strdup (hearing_id);
  if (outcome == CIVIC_HEARING_STATE_RECORD_SIGNED)
    {
      kase->hearing.concluded_on = step.day;
      g_free (kase->hearing.record_ref);
      kase->hearing.record_ref = g_strdup (record_ref);
    }
  else
    g_string_append (text, civic_hearing_state_get_label (outcome));
  kase->state = CIVIC_CASE_STATE_UNDER_REVIEW;
  hand_to_queue (kase, CIVIC_QUEUE_APPROVER);
  return TRUE;
}

/**
 * civic_workflow_remedies_notice:
 *
 * Returns: (transfer full) (nullable): the remedies paragraph of a refusal
 * (ALL Art. 38 ¶2; Administrative Reconsideration Law Art. 20: 60 days;
 * Administrative Litigation Law Art. 46: 6 months), or %NULL for a case
 * not refused.
 */
char *
civic_workflow_remedies_notice (CivicCase *kase)
{
  g_return_val_if_fail (CIVIC_IS_CASE (kase), NULL);

  if (kase->decision == NULL || kase->decision->result != CIVIC_RECOMMENDATION_DENY)
    return NULL;

  return g_strdup_printf (_("If you do not accept this decision, you may apply to %s for "
                            "administrative reconsideration within 60 days of receiving it, or "
                            "bring an administrative lawsuit before %s within 6 months of "
                            "receiving it."),
                          kase->decision->reconsideration_body, kase->decision->court);
}

/* The document is the command's: its id is the command's id, so that a
 * command sent twice is one document. The service numbers it when it
 * stores the case (civic-documents.c); until then it is a draft. */
static gboolean
apply_issue_document (CivicCase                  *kase,
                      JsonObject                 *args,
                      const CivicWorkflowContext *context,
                      GString                    *text,
                      GError                    **error)
{
  g_autoptr(CivicCaseDocument) document = g_new0 (CivicCaseDocument, 1);
  int kind, language = CIVIC_DOCUMENT_LANGUAGE_ZH;

  if (!get_enum (args, "document", TRUE, CIVIC_TYPE_DOCUMENT_KIND, &kind, error) ||
      !get_enum (args, "language", FALSE, CIVIC_TYPE_DOCUMENT_LANGUAGE, &language, error))
    return FALSE;
  if (context->command_id == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("A document is issued by a command"));
  if (!civic_actor_has_role (context->actor, civic_document_kind_get_roles (kind)))
    {
      g_autofree char *roles = civic_roles_to_string (civic_document_kind_get_roles (kind));

      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("“%s” is issued by these roles: %s"),
                     civic_document_kind_get_label (kind), roles);
    }
  if (!civic_case_document_available (kase, kind, error))
    return FALSE;
  if (civic_case_find_document (kase, context->command_id) != NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("This command has already issued a document on the case"));

  document->id = g_strdup (context->command_id);
  document->kind = kind;
  document->language = language;
  document->round = _civic_case_document_round (kase, kind);
  document->issued_on = today_of (context);
  document->at = g_date_time_ref (context->now);
  document->by_id = g_strdup (context->actor->id);
  document->by_name = g_strdup (context->actor->name);
  g_ptr_array_add (kase->documents, g_steal_pointer (&document));
  return TRUE;
}

static gboolean
apply_decide (CivicCase                  *kase,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GString                    *text,
              GError                    **error)
{
  const char *reason, *legal_basis, *number, *body, *court;
  gboolean deny;
  CivicDecision *decision;
  ClockStep step;
  int result;

  if (!get_enum (args, "result", TRUE, CIVIC_TYPE_RECOMMENDATION, &result, error))
    return FALSE;

  /* Art. 38 ¶2: a refusal states its reasons and the applicant's right to
   * reconsideration or a lawsuit. */
  deny = result == CIVIC_RECOMMENDATION_DENY;
  if (!get_text (args, "reason", deny, &reason, error) ||
      !get_text (args, "legal_basis", deny, &legal_basis, error) ||
      !get_text (args, "reconsideration_body", deny, &body, error) ||
      !get_text (args, "court", deny, &court, error) ||
      !get_text (args, "number", FALSE, &number, error))
    return FALSE;

  step = (ClockStep) { today_of (context), 0, NULL };
  if (!for_review_clocks (kase, complete_one, &step, error))
    return FALSE;

  decision = g_new0 (CivicDecision, 1);
  decision->result = result;
  decision->on = step.day;
  decision->by_id = g_strdup (context->actor->id);
  decision->by_name = g_strdup (context->actor->name);
  decision->reason = g_strdup (reason);
  decision->legal_basis = g_strdup (legal_basis);
  decision->number = g_strdup (number);
  decision->reconsideration_body = g_strdup (body);
  decision->court = g_strdup (court);
  /* Art. 48: "应当根据听证笔录，作出行政许可决定" */
  decision->hearing_record = g_strdup (kase->hearing.record_ref);
  g_clear_pointer (&kase->decision, civic_decision_free);
  kase->decision = decision;

  if (deny)
    kase->state = CIVIC_CASE_STATE_DENIED;
  else
    {
      kase->state = CIVIC_CASE_STATE_APPROVED;
      /* Art. 44: the licence is issued within ten working days. */
      g_clear_object (&kase->delivery_clock);
      kase->delivery_clock = civic_clock_new (CIVIC_CLOCK_KIND_DELIVERY,
                                              CIVIC_CLOCK_TRIGGER_DECIDED, step.day,
                                              CIVIC_CLOCK_UNIT_WORKING_DAYS, 10,
                                              "all-44");
    }

  hand_to_queue (kase, CIVIC_QUEUE_CLERK);
  if (reason != NULL)
    g_string_append (text, reason);
  return TRUE;
}

static gboolean
apply_serve (CivicCase                  *kase,
             JsonObject                 *args,
             const CivicWorkflowContext *context,
             GString                    *text,
             GError                    **error)
{
  const char *certificate;
  CivicDay on;
  int method;

  if (!get_enum (args, "method", TRUE, CIVIC_TYPE_SERVICE_METHOD, &method, error) ||
      !get_text (args, "certificate_no", kase->state == CIVIC_CASE_STATE_APPROVED, &certificate,
                 error) ||
      !get_past_day (args, "served_on", kase, context, &on, error))
    return FALSE;

  if (on < kase->decision->on)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The decision cannot be served before it was made"));

  if (kase->delivery_clock != NULL && !civic_clock_complete (kase->delivery_clock, on, error))
    return clock_error (error);

  g_clear_pointer (&kase->service, civic_service_free);
  kase->service = g_new0 (CivicService, 1);
  kase->service->method = method;
  kase->service->on = on;
  kase->service->certificate_no = g_strdup (certificate);

  kase->state = CIVIC_CASE_STATE_SERVED;
  kase->queue = CIVIC_QUEUE_CLERK;
  return TRUE;
}

static gboolean
apply_close (CivicCase                  *kase,
             JsonObject                 *args,
             const CivicWorkflowContext *context,
             GString                    *text,
             GError                    **error)
{
  const char *reason;
  CivicClosureCode expected;
  ClockStep step;
  int code;
  gboolean has_code = json_object_has_member (args, "code");

  if (!get_enum (args, "code", FALSE, CIVIC_TYPE_CLOSURE_CODE, &code, error) ||
      !get_text (args, "reason", FALSE, &reason, error))
    return FALSE;

  switch (kase->state)
    {
    case CIVIC_CASE_STATE_SERVED:
      expected = kase->decision->result == CIVIC_RECOMMENDATION_APPROVE
                 ? CIVIC_CLOSURE_GRANTED : CIVIC_CLOSURE_DENIED;
      break;
    case CIVIC_CASE_STATE_NOT_ACCEPTED:
      expected = CIVIC_CLOSURE_NOT_ACCEPTED;
      break;
    case CIVIC_CASE_STATE_CORRECTION_REQUESTED:
      expected = CIVIC_CLOSURE_WITHDRAWN;
      break;
    default:
      expected = CIVIC_CLOSURE_VOIDED;
      break;
    }

  if (!has_code)
    code = expected;

  if (kase->state == CIVIC_CASE_STATE_SERVED || kase->state == CIVIC_CASE_STATE_NOT_ACCEPTED)
    {
      if (code != (int) expected)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("This case can only close as “%s”"),
                       civic_closure_code_get_label (expected));
    }
  else if (code == CIVIC_CLOSURE_GRANTED || code == CIVIC_CLOSURE_DENIED ||
           code == CIVIC_CLOSURE_NOT_ACCEPTED)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A case closes as “%s” only after that outcome is decided and served"),
                   civic_closure_code_get_label (code));
  else if (code != CIVIC_CLOSURE_WITHDRAWN &&
           !civic_actor_has_role (context->actor, CIVIC_ROLE_APPROVER))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only an approver can close a case as “%s”"),
                   civic_closure_code_get_label (code));

  /* A case that ends without a decided outcome says why (办结原因). */
  if (reason == NULL &&
      (code == CIVIC_CLOSURE_VOIDED || code == CIVIC_CLOSURE_DELETED ||
       code == CIVIC_CLOSURE_FORWARDED || code == CIVIC_CLOSURE_WITHDRAWN))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Closing a case as “%s” needs a reason"), civic_closure_code_get_label (code));

  step = (ClockStep) { today_of (context), 0, NULL };
  if (!for_review_clocks (kase, complete_one, &step, error))
    return FALSE;
  complete_correction_clock (kase, step.day);
  if (kase->delivery_clock != NULL && !civic_clock_is_completed (kase->delivery_clock))
    civic_clock_complete (kase->delivery_clock, step.day, NULL);

  g_clear_pointer (&kase->closure, civic_closure_free);
  kase->closure = g_new0 (CivicClosure, 1);
  kase->closure->code = code;
  kase->closure->on = step.day;
  kase->closure->reason = g_strdup (reason);

  kase->state = CIVIC_CASE_STATE_CLOSED;
  hand_to_queue (kase, CIVIC_QUEUE_NONE);
  if (reason != NULL)
    g_string_append (text, reason);
  return TRUE;
}

static gboolean
apply_subtask_opinion (CivicCase                  *kase,
                       JsonObject                 *args,
                       const CivicWorkflowContext *context,
                       GString                    *text,
                       GError                    **error)
{
  CivicSubtask *subtask = find_subtask (kase, context->actor->department_id);
  const char *opinion_text;
  int result;

  if (!get_enum (args, "result", TRUE, CIVIC_TYPE_RECOMMENDATION, &result, error) ||
      !get_text (args, "text", TRUE, &opinion_text, error))
    return FALSE;

  subtask->done = TRUE;
  subtask->result = result;
  subtask->text = g_strdup (opinion_text);
  subtask->by_id = g_strdup (context->actor->id);
  subtask->by_name = g_strdup (context->actor->name);
  subtask->at = g_date_time_to_utc (context->now);

  g_string_append (text, opinion_text);
  return TRUE;
}

static gboolean
apply_action (CivicCase                  *kase,
              CivicAction                 action,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GString                    *text,
              GError                    **error)
{
  const CivicActor *actor = context->actor;
  const char *note;

  switch (action)
    {
    case CIVIC_ACTION_START_PRE_REVIEW:
      kase->state = CIVIC_CASE_STATE_PRE_REVIEW;
      if (kase->assignee_id == NULL)
        set_assignee (kase, actor->id, actor->name);
      return TRUE;

    case CIVIC_ACTION_ACCEPT:
      return apply_accept (kase, args, context, text, error);

    case CIVIC_ACTION_NOT_ACCEPT:
      return apply_not_accept (kase, args, context, text, error);

    case CIVIC_ACTION_REQUEST_CORRECTION:
      return apply_request_correction (kase, args, context, text, error);

    case CIVIC_ACTION_CORRECTION_RECEIVED:
      return apply_correction_received (kase, args, context, text, error);

    case CIVIC_ACTION_DEEM_ACCEPT:
      /* Art. 32(4): "逾期不告知的，自收到申请材料之日起即为受理" */
      complete_correction_clock (kase, today_of (context));
      start_review (kase, kase->received_on);
      kase->deemed_accepted = TRUE;
      return TRUE;

    case CIVIC_ACTION_CLAIM:
      set_assignee (kase, actor->id, actor->name);
      return TRUE;

    case CIVIC_ACTION_RELEASE:
      set_assignee (kase, NULL, NULL);
      return TRUE;

    case CIVIC_ACTION_ASSIGN:
    case CIVIC_ACTION_TRANSFER:
      return apply_assign (kase, args, context, text, error);

    case CIVIC_ACTION_RETURN:
      return apply_return (kase, args, context, text, error);

    case CIVIC_ACTION_COMMENT:
      if (!get_text (args, "text", TRUE, &note, error))
        return FALSE;
      g_string_append (text, note);
      return TRUE;

    case CIVIC_ACTION_OPINION:
      return apply_opinion (kase, args, context, text, error);

    case CIVIC_ACTION_VERIFY:
      return apply_verify (kase, args, context, text, error);

    case CIVIC_ACTION_EXTEND:
      return apply_extend (kase, args, context, text, error);

    case CIVIC_ACTION_STOP_CLOCK:
      return apply_stop_clock (kase, args, context, text, error);

    case CIVIC_ACTION_RESUME_CLOCK:
      return apply_resume_clock (kase, args, context, text, error);

    case CIVIC_ACTION_INFORM_HEARING_RIGHT:
      return apply_inform_hearing_right (kase, args, context, text, error);

    case CIVIC_ACTION_WAIVE_HEARING:
      return apply_waive_hearing (kase, args, context, text, error);

    case CIVIC_ACTION_REQUEST_HEARING:
      return apply_request_hearing (kase, args, context, text, error);

    case CIVIC_ACTION_ORDER_HEARING:
      return apply_order_hearing (kase, args, context, text, error);

    case CIVIC_ACTION_CONCLUDE_HEARING:
      return apply_conclude_hearing (kase, args, context, text, error);

    case CIVIC_ACTION_DECIDE:
      return apply_decide (kase, args, context, text, error);

    case CIVIC_ACTION_SERVE:
      return apply_serve (kase, args, context, text, error);

    case CIVIC_ACTION_CLOSE:
      return apply_close (kase, args, context, text, error);

    case CIVIC_ACTION_SUBTASK_OPINION:
      return apply_subtask_opinion (kase, args, context, text, error);

    case CIVIC_ACTION_ISSUE_DOCUMENT:
      return apply_issue_document (kase, args, context, text, error);

    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/**
 * civic_workflow_apply_to:
 * @draft: the case to change in place
 *
 * Like civic_workflow_apply(), without the copy: on error @draft may be
 * half changed and must be thrown away. For bulk work on cases nobody else
 * holds (the demo generator), where the copy would double the cost.
 */
gboolean
civic_workflow_apply_to (CivicCase                  *draft,
                         CivicAction                 action,
                         JsonObject                 *args,
                         const CivicWorkflowContext *context,
                         GError                    **error)
{
  g_autoptr(JsonObject) empty = NULL;
  g_autoptr(JsonObject) kept = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (CIVIC_IS_CASE (draft), FALSE);

  if (!civic_workflow_check (draft, action, context, error))
    return FALSE;

  if (args == NULL)
    args = empty = json_object_new ();

  if (!apply_action (draft, action, args, context, text, error))
    return FALSE;

  /* The event keeps the official's own words, and the arguments the
   * action read, as given: data, not sentences, so every reader sees it
   * in their language. */
  kept = civic_arguments_keep (civic_action_get_arguments (action), args);
  civic_case_append_event (draft, civic_action_to_string (action), context->actor, context->now,
                           text->len > 0 ? text->str : NULL, kept, context->command_id);
  return TRUE;
}

/**
 * civic_workflow_apply:
 * @args: (nullable): the action's arguments, as on the wire
 *
 * Returns: (transfer full) (nullable): the case after the action, with the
 * action on its timeline; or %NULL and @error, and @kase unchanged. The
 * revision is the caller's to bump: only the service assigns it.
 */
CivicCase *
civic_workflow_apply (CivicCase                  *kase,
                      CivicAction                 action,
                      JsonObject                 *args,
                      const CivicWorkflowContext *context,
                      GError                    **error)
{
  g_autoptr(CivicCase) draft = NULL;

  g_return_val_if_fail (CIVIC_IS_CASE (kase), NULL);

  /* Checked before the copy, so a refusal costs no copy. */
  if (!civic_workflow_check (kase, action, context, error))
    return NULL;

  draft = civic_case_copy (kase);
  if (!civic_workflow_apply_to (draft, action, args, context, error))
    return NULL;

  return g_steal_pointer (&draft);
}
