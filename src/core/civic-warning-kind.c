/* civic-warning-kind.c — a supervision warning as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-warning"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-warning-kind.h"
#include "civic-warning-private.h"
#include "civic-workflow.h"

/* A supervisor issues a card to a department, on one of its records or
 * on the department as a whole; the department's head (负责人, or the
 * head of its disclosure office) replies with the measures taken, within
 * the working days the card gives; the supervisor closes it, or returns
 * it for more with new days, or withdraws one issued in error. When a
 * round's days run out unanswered the service escalates the card
 * (escalate-warning, as it deems an application accepted): a yellow card
 * turns red with three more working days; a red one is reported to the
 * hall's leadership, and stays red until it is answered. */

#define STATE(s) (1u << CIVIC_WARNING_STATE_##s)

#define SUPERVISOR CIVIC_ROLE_SUPERVISOR
#define HEAD (CIVIC_ROLE_APPROVER | CIVIC_ROLE_DISCLOSURE_HEAD)

#define TITLE_MAX 300

static const struct
{
  guint      states;
  CivicRole  roles;
} rules[CIVIC_N_WARNING_ACTIONS] = {
  [CIVIC_WARNING_ACTION_ISSUE] = { STATE (NEW), SUPERVISOR },
  [CIVIC_WARNING_ACTION_REPLY] = { STATE (OPEN), HEAD },
  [CIVIC_WARNING_ACTION_RETURN] = { STATE (REPLIED), SUPERVISOR },
  [CIVIC_WARNING_ACTION_CLOSE] = { STATE (REPLIED), SUPERVISOR },
  [CIVIC_WARNING_ACTION_WITHDRAW] = { STATE (OPEN) | STATE (REPLIED), SUPERVISOR },
  [CIVIC_WARNING_ACTION_ESCALATE] = { STATE (OPEN), CIVIC_ROLE_SYSTEM },
};

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

const char *
civic_warning_action_get_label (CivicWarningAction action)
{
  switch (action)
    {
    case CIVIC_WARNING_ACTION_ISSUE: return _("Issue a Card");
    case CIVIC_WARNING_ACTION_REPLY: return _("Reply with Measures Taken");
    case CIVIC_WARNING_ACTION_RETURN: return _("Return for More");
    case CIVIC_WARNING_ACTION_CLOSE: return _("Close the Card");
    case CIVIC_WARNING_ACTION_WITHDRAW: return _("Withdraw the Card");
    case CIVIC_WARNING_ACTION_ESCALATE: return _("Escalate");
    default: g_return_val_if_reached ("");
    }
}

static const char *
past_tense (CivicWarningAction action)
{
  switch (action)
    {
    case CIVIC_WARNING_ACTION_ISSUE: return _("Issued the card");
    case CIVIC_WARNING_ACTION_REPLY: return _("Replied to the card");
    case CIVIC_WARNING_ACTION_RETURN: return _("Returned the reply for more");
    case CIVIC_WARNING_ACTION_CLOSE: return _("Closed the card");
    case CIVIC_WARNING_ACTION_WITHDRAW: return _("Withdrew the card");
    case CIVIC_WARNING_ACTION_ESCALATE: return _("Escalated the card");
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

/* The rules that need no arguments */

static gboolean
check_preconditions (CivicWarning               *warning,
                     CivicWarningAction          action,
                     const CivicWorkflowContext *context,
                     GError                    **error)
{
  const CivicActor *actor = context->actor;

  switch (action)
    {
    /* The department warned answers for itself */
    case CIVIC_WARNING_ACTION_REPLY:
      if (g_strcmp0 (actor->department_id, warning->department_id) != 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                       _("Only the head of the department warned replies to the card"));
      return TRUE;

    /* Once a round's days ran out, and once a round */
    case CIVIC_WARNING_ACTION_ESCALATE:
      {
        g_autoptr(CivicClock) clock = civic_warning_dup_clock (warning);
        g_autoptr(CivicClockReading) reading = NULL;

        if (clock == NULL || context->calendar == NULL)
          return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, _("The card has no time to reply"));
        reading = civic_clock_read (clock, context->calendar, today_of (context), NULL);
        if (reading->status != CIVIC_CLOCK_STATUS_RED)
          return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                         _("The card’s time to reply has not run out"));
        if (civic_warning_is_escalated (warning))
          return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                         _("The card was reported to the hall’s leadership already"));
        return TRUE;
      }

    default:
      return TRUE;
    }
}

static gboolean
warning_check_action (CivicWarning               *warning,
                      CivicWarningAction          action,
                      const CivicWorkflowContext *context,
                      GError                    **error)
{
  const CivicActor *actor = context->actor;

  if ((guint) action >= CIVIC_N_WARNING_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
  if (!(rules[action].states & (1u << warning->state)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   /* Translators: "“Close the Card” is not possible while the card is
                    * “Awaiting Reply”" */
                   _("“%s” is not possible while the card is “%s”"),
                   civic_warning_action_get_label (action),
                   civic_warning_state_get_label (warning->state));
  if (!civic_actor_has_role (actor, rules[action].roles))
    {
      g_autofree char *roles = civic_roles_to_string (rules[action].roles);

      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("“%s” is for these roles: %s"),
                     civic_warning_action_get_label (action), roles);
    }
  return check_preconditions (warning, action, context, error);
}

/* Applying */

static gboolean
get_reply_within (JsonObject  *args,
                  int          usual,
                  int         *out,
                  GError     **error)
{
  gint64 days = usual;

  if (!civic_json_get_int (args, "reply_within", FALSE, 1, CIVIC_WARNING_REPLY_DAYS_MAX, &days,
                           NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A card gives 1 to %d working days to reply"), CIVIC_WARNING_REPLY_DAYS_MAX);
  *out = days;
  return TRUE;
}

static gboolean
apply_issue (CivicWarning               *warning,
             JsonObject                 *args,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  const char *department, *text, *target_type = NULL, *target_id = NULL, *target_title = NULL;
  int level, reply_within;

  if (!civic_workflow_arg_enum (args, "level", TRUE, CIVIC_TYPE_WARNING_LEVEL, &level, error) ||
      !civic_workflow_arg_text (args, "department_id", TRUE, 64, &department, error) ||
      !civic_workflow_arg_text (args, "text", TRUE, CIVIC_WARNING_TEXT_MAX, &text, error) ||
      !civic_workflow_arg_text (args, "target_type", FALSE, 64, &target_type, error) ||
      !civic_workflow_arg_text (args, "target_id", FALSE, 64, &target_id, error) ||
      !civic_workflow_arg_text (args, "target_title", FALSE, TITLE_MAX, &target_title, error) ||
      !get_reply_within (args, 5, &reply_within, error))
    return FALSE;
  if ((target_type == NULL) != (target_id == NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A card on a record names both its kind and its id"));

  warning->level = level;
  set_string (&warning->department_id, department);
  set_string (&warning->text, text);
  set_string (&warning->target_type, target_type);
  set_string (&warning->target_id, target_id);
  set_string (&warning->target_title, target_id != NULL ? target_title : NULL);
  warning->state = CIVIC_WARNING_STATE_OPEN;
  _civic_warning_add_event (warning, CIVIC_WARNING_EVENT_ISSUED, today_of (context),
                            context->actor->id, context->actor->name, NULL, reply_within);
  return TRUE;
}

static gboolean
apply_with_text (CivicWarning               *warning,
                 CivicWarningEventType       type,
                 const char                 *member,
                 gboolean                    required,
                 CivicWarningState           state,
                 JsonObject                 *args,
                 const CivicWorkflowContext *context,
                 GError                    **error)
{
  const char *text = NULL;
  int reply_within = 0;

  if (!civic_workflow_arg_text (args, member, required, CIVIC_WARNING_TEXT_MAX, &text, error))
    return FALSE;
  if (type == CIVIC_WARNING_EVENT_RETURNED && !get_reply_within (args, 5, &reply_within, error))
    return FALSE;
  warning->state = state;
  _civic_warning_add_event (warning, type, today_of (context), context->actor->id,
                            context->actor->name, text, reply_within);
  return TRUE;
}

/* A yellow card turns red with three more days; a red one is reported */
static gboolean
apply_escalate (CivicWarning               *warning,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  int reply_within = 0;

  if (warning->level == CIVIC_WARNING_LEVEL_YELLOW)
    {
      warning->level = CIVIC_WARNING_LEVEL_RED;
      reply_within = CIVIC_WARNING_ESCALATED_DAYS;
    }
  _civic_warning_add_event (warning, CIVIC_WARNING_EVENT_ESCALATED, today_of (context),
                            context->actor->id, context->actor->name, NULL, reply_within);
  return TRUE;
}

static gboolean
apply_action (CivicWarning               *warning,
              CivicWarningAction          action,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  switch (action)
    {
    case CIVIC_WARNING_ACTION_ISSUE:
      return apply_issue (warning, args, context, error);
    case CIVIC_WARNING_ACTION_REPLY:
      return apply_with_text (warning, CIVIC_WARNING_EVENT_REPLIED, "measures", TRUE,
                              CIVIC_WARNING_STATE_REPLIED, args, context, error);
    case CIVIC_WARNING_ACTION_RETURN:
      return apply_with_text (warning, CIVIC_WARNING_EVENT_RETURNED, "reason", TRUE,
                              CIVIC_WARNING_STATE_OPEN, args, context, error);
    case CIVIC_WARNING_ACTION_CLOSE:
      return apply_with_text (warning, CIVIC_WARNING_EVENT_CLOSED, "assessment", FALSE,
                              CIVIC_WARNING_STATE_CLOSED, args, context, error);
    case CIVIC_WARNING_ACTION_WITHDRAW:
      return apply_with_text (warning, CIVIC_WARNING_EVENT_WITHDRAWN, "reason", TRUE,
                              CIVIC_WARNING_STATE_WITHDRAWN, args, context, error);
    case CIVIC_WARNING_ACTION_ESCALATE:
      return apply_escalate (warning, context, error);
    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The declarations */

static GPtrArray *
departments (GObject                    *record,
             const CivicArgumentSources *sources)
{
  return civic_argument_departments (sources, NULL, NULL);
}

/* Set from the record a card is issued on, never typed */
static gboolean
never_asked (GObject *record,
             guint    n_records)
{
  return FALSE;
}

static const CivicArgument issue[] = {
  { .name = "level", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Card"),
    .enum_type = civic_warning_level_get_type,
    .enum_label = (const char *(*) (int)) civic_warning_level_get_label, .usual = "yellow" },
  { .name = "department_id", .kind = CIVIC_ARGUMENT_OPTION, .required = TRUE,
    .title = N_("_Department Warned"), .options = departments },
  { .name = "target_type", .kind = CIVIC_ARGUMENT_LINE, .title = N_("Kind of Record"),
    .asked = never_asked },
  { .name = "target_id", .kind = CIVIC_ARGUMENT_LINE, .title = N_("Record"),
    .asked = never_asked },
  { .name = "target_title", .kind = CIVIC_ARGUMENT_LINE, .title = N_("Record’s Name"),
    .asked = never_asked },
  { .name = "text", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("What Must Be _Put Right"),
    .description = N_("What the department let run out, and what it must do about it") },
  { .name = "reply_within", .kind = CIVIC_ARGUMENT_NUMBER, .title = N_("_Working Days to Reply"),
    .min = 1, .max = CIVIC_WARNING_REPLY_DAYS_MAX, .usual_number = 5 },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument reply[] = {
  { .name = "measures", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("_Measures Taken"),
    .description = N_("What the department did, who answers for it, and how it keeps it from "
                      "happening again") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument return_for_more[] = {
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("What Is _Still Missing") },
  { .name = "reply_within", .kind = CIVIC_ARGUMENT_NUMBER, .title = N_("_Working Days to Reply"),
    .min = 1, .max = CIVIC_WARNING_REPLY_DAYS_MAX, .usual_number = 5 },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument close_card[] = {
  { .name = "assessment", .kind = CIVIC_ARGUMENT_TEXT, .title = N_("_Assessment") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument withdraw[] = {
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Reason") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_WARNING_ACTIONS] = {
  [CIVIC_WARNING_ACTION_ISSUE] = issue,
  [CIVIC_WARNING_ACTION_REPLY] = reply,
  [CIVIC_WARNING_ACTION_RETURN] = return_for_more,
  [CIVIC_WARNING_ACTION_CLOSE] = close_card,
  [CIVIC_WARNING_ACTION_WITHDRAW] = withdraw,
  [CIVIC_WARNING_ACTION_ESCALATE] = none,
};

const CivicArgument *
civic_warning_action_get_arguments (CivicWarningAction action)
{
  g_return_val_if_fail ((guint) action < CIVIC_N_WARNING_ACTIONS, none);
  return declarations[action];
}

/* The kind */

CIVIC_DEFINE_KIND_ACTION_NICKS (CIVIC_TYPE_WARNING_ACTION)

static const char *
kind_action_label (guint action)
{
  return civic_warning_action_get_label (action);
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
  return civic_warning_action_get_arguments (action);
}

static CivicActionWeight
kind_weight (guint action)
{
  switch ((CivicWarningAction) action)
    {
    case CIVIC_WARNING_ACTION_WITHDRAW:
      return CIVIC_WEIGHT_DESTRUCTIVE;
    case CIVIC_WARNING_ACTION_ISSUE:
    case CIVIC_WARNING_ACTION_REPLY:
    case CIVIC_WARNING_ACTION_RETURN:
    case CIVIC_WARNING_ACTION_CLOSE:
      return CIVIC_WEIGHT_DELIBERATE;
    default:
      return CIVIC_WEIGHT_ROUTINE;
    }
}

static gboolean
kind_safe_when_stale (guint action)
{
  return FALSE;
}

static GObject *
kind_from_json (JsonNode  *node,
                GError   **error)
{
  return G_OBJECT (civic_warning_new_from_json (node, error));
}

static const char *
kind_get_id (GObject *record)
{
  return civic_warning_get_id (CIVIC_WARNING (record));
}

static gint64
kind_get_rev (GObject *record)
{
  return civic_warning_get_rev (CIVIC_WARNING (record));
}

static void
kind_set_rev (GObject *record,
              gint64   rev)
{
  civic_warning_set_rev (CIVIC_WARNING (record), rev);
}

static char *
kind_label (GObject *record)
{
  CivicWarning *warning = CIVIC_WARNING (record);

  if (warning->state == CIVIC_WARNING_STATE_NEW)
    return g_strdup (_("A new card"));
  if (warning->target_title != NULL)
    /* Translators: a card and what it is on: "Red Card on 20260301-SCJG-000004 食品经营许可" */
    return g_strdup_printf (_("%s on %s"), civic_warning_level_get_label (warning->level),
                            warning->target_title);
  return g_strdup (civic_warning_level_get_label (warning->level));
}

static char *
kind_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u card. Each is checked by the rules on its own.",
                                          "For %u cards. Each is checked by the rules on its "
                                          "own.",
                                          n_records), n_records);
}

static char *
kind_describe (GObject *record)
{
  CivicWarning *warning = CIVIC_WARNING (record);

  if (civic_warning_is_escalated (warning) && warning->state == CIVIC_WARNING_STATE_OPEN)
    /* Translators: a card's state when its time ran out on a red card */
    return g_strdup_printf (_("%s, reported to the hall’s leadership"),
                            civic_warning_state_get_label (warning->state));
  return g_strdup (civic_warning_state_get_label (warning->state));
}

static char *
kind_to_feed_json (GObject       *record,
                   CivicCalendar *calendar,
                   CivicDay       today)
{
  return civic_warning_to_feed_json (CIVIC_WARNING (record), calendar, today);
}

static gboolean
kind_check (GObject                    *record,
            guint                       action,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_WARNING (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  return warning_check_action (CIVIC_WARNING (record), action, context, error);
}

static GArray *
kind_list_actions (GObject                    *record,
                   const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicWarningAction));

  for (guint i = 0; i < CIVIC_N_WARNING_ACTIONS; i++)
    {
      CivicWarningAction action = i;

      if (action != CIVIC_WARNING_ACTION_ISSUE && action != CIVIC_WARNING_ACTION_ESCALATE &&
          kind_check (record, action, context, NULL))
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
  g_autoptr(CivicWarning) next = NULL;
  g_autoptr(JsonObject) empty = NULL;

  if (!kind_check (record, action, context, error))
    return NULL;
  if (args == NULL)
    args = empty = json_object_new ();
  next = civic_warning_copy (CIVIC_WARNING (record));
  if (!apply_action (next, action, args, context, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&next));
}

static gboolean
kind_creates (guint action)
{
  return action == CIVIC_WARNING_ACTION_ISSUE;
}

static GObject *
kind_create (const char                 *id,
             guint                       action,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  if (action != CIVIC_WARNING_ACTION_ISSUE)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such card"));
      return NULL;
    }
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("A new card needs an id"));
      return NULL;
    }
  return G_OBJECT (civic_warning_new (id));
}

/* A card is watched like any clock: the round running, in the department
 * warned; its figures count the first round, answered in time or not */
static gboolean
kind_supervise (GObject                *record,
                CivicCalendar          *calendar,
                CivicDay                today,
                CivicSupervisionSource *out)
{
  CivicWarning *warning = CIVIC_WARNING (record);

  if (warning->state == CIVIC_WARNING_STATE_NEW || warning->state == CIVIC_WARNING_STATE_WITHDRAWN)
    return FALSE;

  out->department_id = g_strdup (warning->department_id);
  out->subject = g_strdup (civic_enum_to_nick (CIVIC_TYPE_WARNING_LEVEL, warning->level));
  out->title = g_strdup (warning->target_title != NULL ? warning->target_title : warning->text);
  if (g_utf8_strlen (out->title, -1) > 80)
    {
      char *cut = g_utf8_substring (out->title, 0, 79);

      g_free (out->title);
      out->title = g_strconcat (cut, "…", NULL);
      g_free (cut);
    }
  if (warning->state == CIVIC_WARNING_STATE_OPEN)
    out->now = civic_warning_dup_clock (warning);
  out->main = civic_warning_dup_first_clock (warning);
  out->deemed_on = CIVIC_DAY_INVALID;
  return TRUE;
}

const CivicEntityKind civic_warning_kind = {
  .type = CIVIC_ENTITY_WARNING,
  .collection = "warnings",
  .record_type = civic_warning_get_type,
  .n_actions = CIVIC_N_WARNING_ACTIONS,
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
  .now_title = N_("The card now"),
  .open_label = N_("_Open Card"),
  .not_cached = N_("The card is not in the offline copy"),
  .to_feed_json = kind_to_feed_json,
  .check = kind_check,
  .list_actions = kind_list_actions,
  .apply = kind_apply,
  .creates = kind_creates,
  .create = kind_create,
  .supervise = kind_supervise,
};
