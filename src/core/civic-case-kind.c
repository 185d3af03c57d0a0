/* civic-case-kind.c — the licensing case as a kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-case-kind"

#include "config.h"

#include "civic-i18n.h"

#include "civic-case-kind.h"
#include "civic-workflow.h"

/* The case's answers to what every layer asks of a kind: its actions are
 * the workflow's (civic-workflow.c), its record the case (civic-case.c).
 * A new kind copies this file. */

static gboolean
case_action_from_string (const char *name,
                         guint      *action)
{
  CivicAction value;

  if (!civic_action_from_string (name, &value))
    return FALSE;
  *action = value;
  return TRUE;
}

static const char *
case_action_to_string (guint action)
{
  return civic_action_to_string (action);
}

static const char *
case_action_label (guint action)
{
  return civic_action_get_label (action);
}

static const char *
case_past_tense (const char *name)
{
  CivicAction action;

  /* "submit" is the applicant's, through the public intake */
  if (g_strcmp0 (name, "submit") != 0 && !civic_action_from_string (name, &action))
    return NULL;
  return civic_action_get_past_tense (name);
}

static const CivicArgument *
case_arguments (guint action)
{
  return civic_action_get_arguments (action);
}

static CivicActionWeight
case_weight (guint action)
{
  switch ((CivicAction) action)
    {
    case CIVIC_ACTION_NOT_ACCEPT:
    case CIVIC_ACTION_CLOSE:
    case CIVIC_ACTION_RETURN:
      return CIVIC_WEIGHT_DESTRUCTIVE;
    case CIVIC_ACTION_DECIDE:
    case CIVIC_ACTION_ASSIGN:
    case CIVIC_ACTION_TRANSFER:
      return CIVIC_WEIGHT_DELIBERATE;
    default:
      return CIVIC_WEIGHT_ROUTINE;
    }
}

/* A comment, a claim or a sub-task's opinion still make sense on a case
 * that changed since the official looked; a decision on a case that moved
 * on does not. */
static gboolean
case_safe_when_stale (guint action)
{
  switch ((CivicAction) action)
    {
    case CIVIC_ACTION_COMMENT:
    case CIVIC_ACTION_CLAIM:
    case CIVIC_ACTION_RELEASE:
    case CIVIC_ACTION_SUBTASK_OPINION:
    case CIVIC_ACTION_VERIFY:
      return TRUE;
    default:
      return FALSE;
    }
}

static GObject *
case_from_json (JsonNode  *node,
                GError   **error)
{
  return G_OBJECT (civic_case_new_from_json (node, error));
}

static const char *
case_get_id (GObject *record)
{
  return civic_case_get_id (CIVIC_CASE (record));
}

static gint64
case_get_rev (GObject *record)
{
  return civic_case_get_rev (CIVIC_CASE (record));
}

static void
case_set_rev (GObject *record,
              gint64   rev)
{
  civic_case_set_rev (CIVIC_CASE (record), rev);
}

static char *
case_label (GObject *record)
{
  return g_strdup (civic_case_get_number (CIVIC_CASE (record)));
}

static char *
case_headline (GObject *record)
{
  CivicCase *kase = CIVIC_CASE (record);

  /* Translators: the case number, then the service item */
  return g_strdup_printf (_("%s — %s"), civic_case_get_number (kase),
                          civic_case_get_item_name (kase));
}

static char *
case_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u case. Each is checked by the rules on its own.",
                                          "For %u cases. Each is checked by the rules on its own.",
                                          n_records), n_records);
}

static char *
case_describe (GObject *record)
{
  CivicCase *kase = CIVIC_CASE (record);
  const char *state = civic_case_state_get_label (civic_case_get_state (kase));
  const char *assignee = civic_case_get_assignee_name (kase);

  /* Translators: a case state, and who works on it */
  return assignee != NULL ? g_strdup_printf (_("%s, with %s"), state, assignee)
                          : g_strdup (state);
}

static char *
case_to_feed_json (GObject       *record,
                   CivicCalendar *calendar,
                   CivicDay       today)
{
  return civic_case_to_feed_json (CIVIC_CASE (record), calendar, today);
}

static gboolean
case_check (GObject                    *record,
            guint                       action,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  return civic_workflow_check (CIVIC_CASE (record), action, context, error);
}

static GArray *
case_list_actions (GObject                    *record,
                   const CivicWorkflowContext *context)
{
  return civic_workflow_list_actions (CIVIC_CASE (record), context);
}

static GObject *
case_apply (GObject                    *record,
            guint                       action,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  return G_OBJECT (civic_workflow_apply (CIVIC_CASE (record), action, args, context, error));
}

/* The clock the inbox colours a case by, and its promised limit (or the
 * statutory one) for the period's figures: the working target the hall
 * answers for */
static gboolean
case_supervise (GObject                *record,
                CivicCalendar          *calendar,
                CivicDay                today,
                CivicSupervisionSource *out)
{
  CivicCase *kase = CIVIC_CASE (record);
  CivicClock *now = civic_case_get_governing_clock (kase);
  CivicClock *main = civic_case_get_promised_clock (kase);

  if (main == NULL)
    main = civic_case_get_statutory_clock (kase);

  out->department_id = g_strdup (civic_case_get_department_id (kase));
  out->subject = g_strdup (civic_case_get_item_code (kase));
  out->title = g_strdup_printf ("%s %s", civic_case_get_number (kase),
                                civic_case_get_item_name (kase));
  out->now = now ? civic_clock_copy (now) : NULL;
  out->main = main ? civic_clock_copy (main) : NULL;
  out->deemed_on = civic_case_get_deemed_accepted (kase) ? civic_case_get_accepted_on (kase)
                                                         : CIVIC_DAY_INVALID;
  return TRUE;
}

const CivicEntityKind civic_case_kind = {
  .type = CIVIC_ENTITY_CASE,
  .collection = "cases",
  .record_type = civic_case_get_type,
  .n_actions = CIVIC_N_ACTIONS,
  .action_from_string = case_action_from_string,
  .action_to_string = case_action_to_string,
  .action_label = case_action_label,
  .past_tense = case_past_tense,
  .arguments = case_arguments,
  .weight = case_weight,
  .safe_when_stale = case_safe_when_stale,
  .from_json = case_from_json,
  .get_id = case_get_id,
  .get_rev = case_get_rev,
  .set_rev = case_set_rev,
  .label = case_label,
  .headline = case_headline,
  .headline_n = case_headline_n,
  .describe = case_describe,
  .now_title = N_("The case now"),
  .open_label = N_("_Open Case"),
  .not_cached = N_("The case is not in the offline copy"),
  .to_feed_json = case_to_feed_json,
  .check = case_check,
  .list_actions = case_list_actions,
  .apply = case_apply,
  .supervise = case_supervise,
};
