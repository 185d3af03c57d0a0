/* civic-evaluation-kind.c — a rating as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-evaluation"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-evaluation-kind.h"
#include "civic-evaluation-private.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A rating comes in from the portal, the window's pad, the hotline or a
 * text message, for a case or a message of a department. A good one ends
 * there. A bad one (1 or 2) is the department's to rectify within the
 * region's limit, counted from the day it was given: its complaint
 * handler visits a citizen who gave their name (every one, 实名差评回访率
 * 100%) before the rectification is recorded. The department may appeal a
 * mistaken or malicious one, once; the hall's dispatcher excludes it from
 * the indicators or keeps it, and a kept one is rectified after all. */

#define STATE(s) (1u << CIVIC_EVALUATION_STATE_##s)

#define HANDLER CIVIC_ROLE_COMPLAINT_HANDLER
#define HALL (CIVIC_ROLE_DISPATCHER | CIVIC_ROLE_SYSTEM)

#define TEXT_MAX 4000

static const struct
{
  guint      states;
  CivicRole  roles;
} rules[CIVIC_N_EVALUATION_ACTIONS] = {
  [CIVIC_EVALUATION_ACTION_RATE] = { STATE (RATED), HANDLER | HALL },
  [CIVIC_EVALUATION_ACTION_RECORD_VISIT] = { STATE (RECTIFYING) | STATE (RECTIFIED), HANDLER },
  [CIVIC_EVALUATION_ACTION_RECTIFY] = { STATE (RECTIFYING), HANDLER },
  [CIVIC_EVALUATION_ACTION_APPEAL] = { STATE (RECTIFYING), HANDLER | CIVIC_ROLE_APPROVER },
  [CIVIC_EVALUATION_ACTION_DECIDE_APPEAL] = { STATE (APPEALED), CIVIC_ROLE_DISPATCHER },
};

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

const char *
civic_evaluation_action_get_label (CivicEvaluationAction action)
{
  switch (action)
    {
    case CIVIC_EVALUATION_ACTION_RATE: return _("Record a Rating");
    case CIVIC_EVALUATION_ACTION_RECORD_VISIT: return _("Record Return Visit");
    case CIVIC_EVALUATION_ACTION_RECTIFY: return _("Record Rectification");
    case CIVIC_EVALUATION_ACTION_APPEAL: return _("Appeal the Rating");
    case CIVIC_EVALUATION_ACTION_DECIDE_APPEAL: return _("Decide the Appeal");
    default: g_return_val_if_reached ("");
    }
}

static const char *
past_tense (CivicEvaluationAction action)
{
  switch (action)
    {
    case CIVIC_EVALUATION_ACTION_RATE: return _("Recorded a rating");
    case CIVIC_EVALUATION_ACTION_RECORD_VISIT: return _("Recorded a return visit");
    case CIVIC_EVALUATION_ACTION_RECTIFY: return _("Recorded the rectification");
    case CIVIC_EVALUATION_ACTION_APPEAL: return _("Appealed the rating");
    case CIVIC_EVALUATION_ACTION_DECIDE_APPEAL: return _("Decided the appeal");
    default: g_return_val_if_reached ("");
    }
}

static CivicDay
today_of (const CivicWorkflowContext *context)
{
  return civic_time_day_of (context->now);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static void
record_by (char                       **id,
           char                       **name,
           const CivicWorkflowContext  *context)
{
  set_string (id, context->actor->id);
  set_string (name, context->actor->name);
}

/* The rules that need no arguments */

static gboolean
check_preconditions (CivicEvaluation            *evaluation,
                     CivicEvaluationAction       action,
                     const CivicWorkflowContext *context,
                     GError                    **error)
{
  switch (action)
    {
    case CIVIC_EVALUATION_ACTION_RATE:
      if (evaluation->rev != 0 || evaluation->rated_on != CIVIC_DAY_INVALID)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("This rating is recorded already"));
      return TRUE;

    case CIVIC_EVALUATION_ACTION_RECORD_VISIT:
      if (evaluation->evaluator.anonymous)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("An anonymous rating has nobody to visit"));
      return TRUE;

    /* Every real-name bad rating is visited before it counts as rectified */
    case CIVIC_EVALUATION_ACTION_RECTIFY:
      if (!evaluation->evaluator.anonymous && evaluation->visits->len == 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("Visit the citizen who gave this rating before the rectification is "
                         "recorded"));
      return TRUE;

    case CIVIC_EVALUATION_ACTION_APPEAL:
      if (evaluation->appeal != NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("The department appealed this rating once; the hall kept it"));
      return TRUE;

    default:
      return TRUE;
    }
}

static gboolean
evaluation_check_action (CivicEvaluation            *evaluation,
                         CivicEvaluationAction       action,
                         const CivicWorkflowContext *context,
                         GError                    **error)
{
  const CivicActor *actor = context->actor;

  if ((guint) action >= CIVIC_N_EVALUATION_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
  if (!(rules[action].states & (1u << evaluation->state)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   /* Translators: "“Record Rectification” is not possible while the rating
                    * is “Rectified”" */
                   _("“%s” is not possible while the rating is “%s”"),
                   civic_evaluation_action_get_label (action),
                   civic_evaluation_state_get_label (evaluation->state));
  if (!civic_actor_has_role (actor, rules[action].roles))
    {
      g_autofree char *roles = civic_roles_to_string (rules[action].roles & ~CIVIC_ROLE_SYSTEM);

      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("“%s” is for these roles: %s"),
                     civic_evaluation_action_get_label (action), roles);
    }
  /* The hall acts on any department's; a department on its own */
  if (!civic_actor_has_role (actor, HALL) &&
      (actor->department_id == NULL ||
       g_strcmp0 (actor->department_id, evaluation->department_id) != 0))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only the department rated acts on a rating"));
  return check_preconditions (evaluation, action, context, error);
}

/* Applying */

static gboolean
get_text (JsonObject  *args,
          const char  *member,
          gboolean     required,
          const char **out,
          GError     **error)
{
  return civic_workflow_arg_text (args, member, required, TEXT_MAX, out, error);
}

/* A score, 1 to 5; 0 or absent when not given and not @required */
static gboolean
get_score (JsonObject  *args,
           const char  *member,
           gboolean     required,
           int         *out,
           GError     **error)
{
  gint64 value = 0;

  *out = 0;
  if (!civic_json_get_int (args, member, required, 0, CIVIC_RATING_MAX, &value, NULL) ||
      (required && value < CIVIC_RATING_MIN))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” is a score from 1 to 5"), member);
  *out = (int) value;
  return TRUE;
}

/* The member an indicator is given in: "guide_accuracy" */
static char *
indicator_member (CivicIndicator indicator)
{
  g_autofree char *member = g_strdup (civic_enum_to_nick (CIVIC_TYPE_INDICATOR, indicator));

  g_strdelimit (member, "-", '_');
  return g_steal_pointer (&member);
}

static gboolean
apply_rate (CivicEvaluation            *evaluation,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  const char *target_id, *department, *comment, *name, *phone;
  gboolean service = civic_actor_has_role (context->actor, CIVIC_ROLE_SYSTEM);
  int target = CIVIC_EVALUATION_TARGET_CASE, rating;
  int channel = service ? CIVIC_EVALUATION_CHANNEL_ONLINE : CIVIC_EVALUATION_CHANNEL_ON_SITE;
  gboolean anonymous = FALSE;
  CivicDay rated_on = CIVIC_DAY_INVALID;

  if (!civic_workflow_arg_enum (args, "target", TRUE, CIVIC_TYPE_EVALUATION_TARGET, &target,
                                error) ||
      !civic_workflow_arg_text (args, "target_id", TRUE, 64, &target_id, error) ||
      !civic_workflow_arg_text (args, "department_id", FALSE, 64, &department, error) ||
      !civic_workflow_arg_enum (args, "channel", FALSE, CIVIC_TYPE_EVALUATION_CHANNEL, &channel,
                                error) ||
      !get_score (args, "rating", TRUE, &rating, error) ||
      !get_text (args, "comment", FALSE, &comment, error) ||
      !civic_workflow_arg_text (args, "evaluator_name", FALSE, 100, &name, error) ||
      !civic_workflow_arg_text (args, "phone", FALSE, 40, &phone, error) ||
      !civic_workflow_arg_past_day (args, "rated_on", FALSE, context, &rated_on, error))
    return FALSE;
  /* Online is the citizen's own, through the public side: an official
   * records what the window's pad, the hotline or a text message gave */
  if (channel == CIVIC_EVALUATION_CHANNEL_ONLINE && !service)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A rating given online comes from the citizen through the portal or an "
                     "app"));
  if (json_object_has_member (args, "anonymous") &&
      !civic_json_get_bool (args, "anonymous", FALSE, &anonymous, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” must be true or false"),
                   "anonymous");
  /* An indicator the channel does not have is refused, not dropped */
  for (guint i = 0; i < CIVIC_N_INDICATORS; i++)
    {
      g_autofree char *member = indicator_member (i);
      int score;

      if (!get_score (args, member, FALSE, &score, error))
        return FALSE;
      if (score != 0 && !civic_indicator_is_for_channel (i, channel))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       /* Translators: "A rating given On Site has no “Ease of use of the
                        * platform”" */
                       _("A rating given %s has no “%s”"),
                       civic_evaluation_channel_get_label (channel),
                       civic_indicator_get_label (i));
      evaluation->indicators[i] = score;
    }
  if (rating <= CIVIC_RATING_BAD_MAX && comment == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A bad rating says what was wrong"));
  if (!anonymous && name == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A rating gives the citizen’s name, or is anonymous"));

  evaluation->target = target;
  set_string (&evaluation->target_id, target_id);
  if (civic_actor_has_role (context->actor, HALL))
    set_string (&evaluation->department_id, department);
  if (evaluation->department_id == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("A rating names the department rated"));
  evaluation->channel = channel;
  evaluation->rating = rating;
  set_string (&evaluation->comment, comment);
  evaluation->evaluator.anonymous = anonymous;
  set_string (&evaluation->evaluator.name, anonymous ? NULL : name);
  set_string (&evaluation->evaluator.phone, anonymous ? NULL : phone);
  g_clear_pointer (&evaluation->rated_at, g_date_time_unref);
  evaluation->rated_at = g_date_time_ref (context->now);
  evaluation->rated_on = rated_on;

  /* A bad one keeps the region's limit to rectify it, as it stands today */
  if (civic_evaluation_is_bad (evaluation))
    {
      const CivicMessageLimit *limit = context->message_clocks != NULL
        ? civic_message_clocks_get_limit (context->message_clocks, CIVIC_MESSAGE_KIND_COMPLAINT,
                                          CIVIC_MESSAGE_STEP_RECTIFICATION)
        : NULL;

      if (limit != NULL)
        {
          evaluation->has_limit = TRUE;
          g_free (evaluation->limit.source);
          evaluation->limit = *limit;
          evaluation->limit.source = g_strdup (limit->source);
        }
      evaluation->state = CIVIC_EVALUATION_STATE_RECTIFYING;
    }
  else
    evaluation->state = CIVIC_EVALUATION_STATE_RATED;
  return TRUE;
}

static gboolean
apply_visit (CivicEvaluation            *evaluation,
             JsonObject                 *args,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  CivicEvaluationVisit *visit;
  int channel = CIVIC_MESSAGE_VISIT_PHONE, satisfaction = CIVIC_MESSAGE_SATISFACTION_SATISFIED;
  CivicDay on = CIVIC_DAY_INVALID;
  const char *record;

  if (!civic_workflow_arg_past_day (args, "on", FALSE, context, &on, error) ||
      !civic_workflow_arg_enum (args, "channel", TRUE, CIVIC_TYPE_MESSAGE_VISIT_CHANNEL,
                                &channel, error) ||
      !civic_workflow_arg_enum (args, "satisfaction", TRUE, CIVIC_TYPE_MESSAGE_SATISFACTION,
                                &satisfaction, error) ||
      !get_text (args, "record", TRUE, &record, error))
    return FALSE;
  if (on < evaluation->rated_on)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A return visit comes after the rating"));
  visit = g_new0 (CivicEvaluationVisit, 1);
  visit->on = on;
  visit->channel = channel;
  visit->satisfaction = satisfaction;
  visit->record = g_strdup (record);
  record_by (&visit->by_id, &visit->by_name, context);
  g_ptr_array_add (evaluation->visits, visit);
  return TRUE;
}

static gboolean
apply_rectify (CivicEvaluation            *evaluation,
               JsonObject                 *args,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  const char *text;

  if (!get_text (args, "text", TRUE, &text, error))
    return FALSE;
  set_string (&evaluation->rectification, text);
  evaluation->rectified_on = today_of (context);
  record_by (&evaluation->rectified_by_id, &evaluation->rectified_by_name, context);
  evaluation->state = CIVIC_EVALUATION_STATE_RECTIFIED;
  return TRUE;
}

static gboolean
apply_appeal (CivicEvaluation            *evaluation,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  const char *reason;

  if (!get_text (args, "reason", TRUE, &reason, error))
    return FALSE;
  evaluation->appeal = g_new0 (CivicEvaluationAppeal, 1);
  evaluation->appeal->reason = g_strdup (reason);
  evaluation->appeal->on = today_of (context);
  evaluation->appeal->result = CIVIC_APPEAL_PENDING;
  evaluation->appeal->decided_on = CIVIC_DAY_INVALID;
  record_by (&evaluation->appeal->by_id, &evaluation->appeal->by_name, context);
  evaluation->state = CIVIC_EVALUATION_STATE_APPEALED;
  return TRUE;
}

static gboolean
apply_decide_appeal (CivicEvaluation            *evaluation,
                     JsonObject                 *args,
                     const CivicWorkflowContext *context,
                     GError                    **error)
{
  int decision = CIVIC_APPEAL_DECISION_KEEP;
  const char *text;

  if (!civic_workflow_arg_enum (args, "decision", TRUE, CIVIC_TYPE_APPEAL_DECISION, &decision,
                                error) ||
      !get_text (args, "text", TRUE, &text, error))
    return FALSE;
  evaluation->appeal->result = decision == CIVIC_APPEAL_DECISION_EXCLUDE ? CIVIC_APPEAL_EXCLUDED
                                                                         : CIVIC_APPEAL_KEPT;
  evaluation->appeal->decided_on = today_of (context);
  set_string (&evaluation->appeal->decision_text, text);
  record_by (&evaluation->appeal->decided_by_id, &evaluation->appeal->decided_by_name, context);
  evaluation->state = decision == CIVIC_APPEAL_DECISION_EXCLUDE
                      ? CIVIC_EVALUATION_STATE_EXCLUDED : CIVIC_EVALUATION_STATE_RECTIFYING;
  return TRUE;
}

static gboolean
apply_action (CivicEvaluation            *evaluation,
              CivicEvaluationAction       action,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  switch (action)
    {
    case CIVIC_EVALUATION_ACTION_RATE: return apply_rate (evaluation, args, context, error);
    case CIVIC_EVALUATION_ACTION_RECORD_VISIT: return apply_visit (evaluation, args, context, error);
    case CIVIC_EVALUATION_ACTION_RECTIFY: return apply_rectify (evaluation, args, context, error);
    case CIVIC_EVALUATION_ACTION_APPEAL: return apply_appeal (evaluation, args, context, error);
    case CIVIC_EVALUATION_ACTION_DECIDE_APPEAL:
      return apply_decide_appeal (evaluation, args, context, error);
    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The declarations */

static const char *
target_label (int value)
{
  return civic_evaluation_target_get_label (value);
}

static const char *
channel_label (int value)
{
  return civic_evaluation_channel_get_label (value);
}

static const char *
visit_channel_label (int value)
{
  return civic_message_visit_channel_get_label (value);
}

static const char *
satisfaction_label (int value)
{
  return civic_message_satisfaction_get_label (value);
}

static const char *
decision_label (int value)
{
  return civic_appeal_decision_get_label (value);
}

static GPtrArray *
departments (GObject                    *record,
             const CivicArgumentSources *sources)
{
  return civic_argument_departments (sources, NULL, NULL);
}

#define TEXT(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_TEXT, .required = (req), .title = (t) }
#define LINE(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_LINE, .required = (req), .title = (t) }
#define CHOICE(n, req, t, type, label, usual_nick) \
  { .name = (n), .kind = CIVIC_ARGUMENT_CHOICE, .required = (req), .title = (t), \
    .enum_type = (type), .enum_label = (label), .usual = (usual_nick) }
#define SCORE(n, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_NUMBER, .title = (t), .min = 0, .max = 5 }

static const CivicArgument rate[] = {
  CHOICE ("target", TRUE, N_("_Rates a"), civic_evaluation_target_get_type, target_label, "case"),
  LINE ("target_id", TRUE, N_("Case or _Message")),
  { .name = "department_id", .kind = CIVIC_ARGUMENT_OPTION, .title = N_("Department _Rated"),
    .description = N_("The hall’s only: an official rates for their own department"),
    .options = departments },
  CHOICE ("channel", FALSE, N_("Given _Through"), civic_evaluation_channel_get_type,
          channel_label, "on-site"),
  { .name = "rating", .kind = CIVIC_ARGUMENT_NUMBER, .required = TRUE, .title = N_("_Rating"),
    .description = N_("5 very satisfied … 1 very dissatisfied; 1 and 2 are bad ratings, "
                      "rectified within the region’s limit"),
    .min = 1, .max = 5, .usual_number = 5 },
  SCORE ("overall", N_("_Overall Satisfaction")),
  SCORE ("efficiency", N_("_Efficiency")),
  SCORE ("guide_accuracy", N_("Accuracy of the _Guide")),
  SCORE ("convenience", N_("_Convenience")),
  SCORE ("usability", N_("Ease of _Use")),
  SCORE ("service_level", N_("_Level of Service")),
  SCORE ("attitude", N_("_Attitude")),
  TEXT ("comment", FALSE, N_("What the Citizen _Said")),
  { .name = "anonymous", .kind = CIVIC_ARGUMENT_SWITCH, .title = N_("_Anonymous") },
  LINE ("evaluator_name", FALSE, N_("Citizen’s _Name")),
  LINE ("phone", FALSE, N_("_Phone")),
  { .name = "rated_on", .kind = CIVIC_ARGUMENT_DATE, .title = N_("Rated _On") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument visit[] = {
  { .name = "on", .kind = CIVIC_ARGUMENT_DATE, .title = N_("Visited _On") },
  CHOICE ("channel", TRUE, N_("_How"), civic_message_visit_channel_get_type,
          visit_channel_label, "phone"),
  CHOICE ("satisfaction", TRUE, N_("The Citizen Was"), civic_message_satisfaction_get_type,
          satisfaction_label, NULL),
  TEXT ("record", TRUE, N_("_Record of the Visit")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument rectify[] = {
  TEXT ("text", TRUE, N_("_What Was Put Right")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument appeal[] = {
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("_Grounds for the Appeal"),
    .description = N_("Why the rating is mistaken or malicious: the hall decides whether it "
                      "counts") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument decide_appeal[] = {
  CHOICE ("decision", TRUE, N_("_Decision"), civic_appeal_decision_get_type, decision_label,
          "keep"),
  TEXT ("text", TRUE, N_("_Grounds")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_EVALUATION_ACTIONS] = {
  [CIVIC_EVALUATION_ACTION_RATE] = rate,
  [CIVIC_EVALUATION_ACTION_RECORD_VISIT] = visit,
  [CIVIC_EVALUATION_ACTION_RECTIFY] = rectify,
  [CIVIC_EVALUATION_ACTION_APPEAL] = appeal,
  [CIVIC_EVALUATION_ACTION_DECIDE_APPEAL] = decide_appeal,
};

const CivicArgument *
civic_evaluation_action_get_arguments (CivicEvaluationAction action)
{
  g_return_val_if_fail ((guint) action < CIVIC_N_EVALUATION_ACTIONS, none);
  return declarations[action];
}

/* The kind */

CIVIC_DEFINE_KIND_ACTION_NICKS (CIVIC_TYPE_EVALUATION_ACTION)

static const char *
kind_action_label (guint action)
{
  return civic_evaluation_action_get_label (action);
}

static const char *
kind_past_tense (const char *name)
{
  guint action;

  if (name == NULL || !kind_action_from_string (name, &action))
    return NULL;
  return past_tense (action);
}

static const CivicArgument *
kind_arguments (guint action)
{
  return civic_evaluation_action_get_arguments (action);
}

static CivicActionWeight
kind_weight (guint action)
{
  switch ((CivicEvaluationAction) action)
    {
    case CIVIC_EVALUATION_ACTION_APPEAL:
    case CIVIC_EVALUATION_ACTION_DECIDE_APPEAL:
    case CIVIC_EVALUATION_ACTION_RECTIFY:
      return CIVIC_WEIGHT_DELIBERATE;
    default:
      return CIVIC_WEIGHT_ROUTINE;
    }
}

static gboolean
kind_safe_when_stale (guint action)
{
  return action == CIVIC_EVALUATION_ACTION_RECORD_VISIT;
}

static GObject *
kind_from_json (JsonNode  *node,
                GError   **error)
{
  return G_OBJECT (civic_evaluation_new_from_json (node, error));
}

static const char *
kind_get_id (GObject *record)
{
  return civic_evaluation_get_id (CIVIC_EVALUATION (record));
}

static gint64
kind_get_rev (GObject *record)
{
  return civic_evaluation_get_rev (CIVIC_EVALUATION (record));
}

static void
kind_set_rev (GObject *record,
              gint64   rev)
{
  civic_evaluation_set_rev (CIVIC_EVALUATION (record), rev);
}

static char *
kind_label (GObject *record)
{
  CivicEvaluation *evaluation = CIVIC_EVALUATION (record);

  if (evaluation->rating < CIVIC_RATING_MIN || evaluation->rating > CIVIC_RATING_MAX)
    return g_strdup (_("A new rating"));
  /* Translators: a rating named by its level and score: "Dissatisfied, 2 of 5" */
  return g_strdup_printf (_("%s, %d of 5"), civic_rating_get_label (evaluation->rating),
                          evaluation->rating);
}

static char *
kind_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u rating. Each is checked by the rules on its "
                                          "own.",
                                          "For %u ratings. Each is checked by the rules on its "
                                          "own.",
                                          n_records), n_records);
}

static char *
kind_describe (GObject *record)
{
  CivicEvaluation *evaluation = CIVIC_EVALUATION (record);

  /* Translators: "Being Rectified: Dissatisfied" */
  return g_strdup_printf (_("%s: %s"), civic_evaluation_state_get_label (evaluation->state),
                          evaluation->rating >= CIVIC_RATING_MIN
                          ? civic_rating_get_label (evaluation->rating) : "");
}

static char *
kind_to_feed_json (GObject       *record,
                   CivicCalendar *calendar,
                   CivicDay       today)
{
  return civic_evaluation_to_feed_json (CIVIC_EVALUATION (record), calendar, today);
}

/* A bad rating's rectification, which the department owes within the
 * region's limit; a good one, or one the hall excluded, owes nothing */
static gboolean
kind_supervise (GObject                *record,
                CivicCalendar          *calendar,
                CivicDay                today,
                CivicSupervisionSource *out)
{
  CivicEvaluation *evaluation = CIVIC_EVALUATION (record);
  g_autoptr(CivicClock) clock = civic_evaluation_dup_clock (evaluation);

  if (clock == NULL || !civic_evaluation_is_counted (evaluation))
    return FALSE;

  out->department_id = g_strdup (civic_evaluation_get_department_id (evaluation));
  out->subject = g_strdup (civic_enum_to_nick (CIVIC_TYPE_EVALUATION_TARGET,
                                               civic_evaluation_get_target (evaluation)));
  out->title = g_strdup_printf ("%d/5 %s", civic_evaluation_get_rating (evaluation),
                                civic_evaluation_get_target_id (evaluation));
  out->now = civic_clock_copy (clock);
  out->main = g_steal_pointer (&clock);
  out->deemed_on = CIVIC_DAY_INVALID;
  return TRUE;
}

static gboolean
kind_check (GObject                    *record,
            guint                       action,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_EVALUATION (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  return evaluation_check_action (CIVIC_EVALUATION (record), action, context, error);
}

static GArray *
kind_list_actions (GObject                    *record,
                   const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicEvaluationAction));

  for (guint i = 0; i < CIVIC_N_EVALUATION_ACTIONS; i++)
    {
      CivicEvaluationAction action = i;

      if (action != CIVIC_EVALUATION_ACTION_RATE && kind_check (record, action, context, NULL))
        g_array_append_val (actions, action);
    }
  return actions;
}

/* Every change is tried on a copy: a refused one leaves the record as it
 * was */
static GObject *
kind_apply (GObject                    *record,
            guint                       action,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_autoptr(CivicEvaluation) next = NULL;
  g_autoptr(JsonObject) empty = NULL;

  if (!kind_check (record, action, context, error))
    return NULL;
  if (args == NULL)
    args = empty = json_object_new ();
  next = civic_evaluation_copy (CIVIC_EVALUATION (record));
  if (!apply_action (next, action, args, context, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&next));
}

static gboolean
kind_creates (guint action)
{
  return action == CIVIC_EVALUATION_ACTION_RATE;
}

static GObject *
kind_create (const char                 *id,
             guint                       action,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  const CivicActor *actor = context->actor;
  gboolean hall = civic_actor_has_role (actor, HALL);

  if (action != CIVIC_EVALUATION_ACTION_RATE)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such rating"));
      return NULL;
    }
  if (id == NULL || *id == '\0' || strlen (id) > 64 || (!hall && actor->department_id == NULL))
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("A new rating needs an id and a department"));
      return NULL;
    }
  return G_OBJECT (civic_evaluation_new (id, hall ? NULL : actor->department_id));
}

const CivicEntityKind civic_evaluation_kind = {
  .type = CIVIC_ENTITY_EVALUATION,
  .collection = "evaluations",
  .record_type = civic_evaluation_get_type,
  .n_actions = CIVIC_N_EVALUATION_ACTIONS,
  .action_from_string = kind_action_from_string,
  .action_to_string = kind_action_to_string,
  .action_label = kind_action_label,
  .past_tense = kind_past_tense,
  .arguments = kind_arguments,
  .weight = kind_weight,
  .safe_when_stale = kind_safe_when_stale,
  .from_json = kind_from_json,
  .get_id = kind_get_id,
  .get_rev = kind_get_rev,
  .set_rev = kind_set_rev,
  .label = kind_label,
  .headline = kind_label,
  .headline_n = kind_headline_n,
  .describe = kind_describe,
  .now_title = N_("The rating now"),
  .open_label = N_("_Open Rating"),
  .not_cached = N_("The rating is not in the offline copy"),
  .to_feed_json = kind_to_feed_json,
  .supervise = kind_supervise,
  .check = kind_check,
  .list_actions = kind_list_actions,
  .apply = kind_apply,
  .creates = kind_creates,
  .create = kind_create,
};
