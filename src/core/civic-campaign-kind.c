/* civic-campaign-kind.c — an idea campaign as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-campaign"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-campaign-kind.h"
#include "civic-campaign-private.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A department's complaint desk prepares a campaign: what it asks, the
 * topics, the period and the channels. Its head publishes it (open), and
 * from then on ideas come in as messages that name it, on the days of its
 * period and through its channels only. At the end of the period the
 * desk closes it and judges the ideas (each an idea message: scored,
 * shortlisted, adopted or declined with an answer to its proposer); the
 * head concludes it with what came of it, which the public side shows
 * beside the ideas adopted — never who proposed them. */

#define STATE(s) (1u << CIVIC_CAMPAIGN_STATE_##s)

#define HANDLER CIVIC_ROLE_COMPLAINT_HANDLER
#define HEAD (CIVIC_ROLE_APPROVER | CIVIC_ROLE_DISPATCHER)
#define HALL (CIVIC_ROLE_DISPATCHER | CIVIC_ROLE_SYSTEM)

#define TITLE_MAX 200
#define TEXT_MAX 4000
#define TOPIC_MAX 100

static const struct
{
  guint      states;
  CivicRole  roles;
} rules[CIVIC_N_CAMPAIGN_ACTIONS] = {
  [CIVIC_CAMPAIGN_ACTION_CREATE] = { STATE (DRAFT), HANDLER | HEAD },
  [CIVIC_CAMPAIGN_ACTION_OPEN] = { STATE (DRAFT), HEAD },
  [CIVIC_CAMPAIGN_ACTION_CLOSE] = { STATE (OPEN), HANDLER | HEAD },
  [CIVIC_CAMPAIGN_ACTION_CONCLUDE] = { STATE (CLOSED), HEAD },
};

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

const char *
civic_campaign_action_get_label (CivicCampaignAction action)
{
  switch (action)
    {
    case CIVIC_CAMPAIGN_ACTION_CREATE: return _("New Campaign");
    case CIVIC_CAMPAIGN_ACTION_OPEN: return _("Publish and Take Ideas");
    case CIVIC_CAMPAIGN_ACTION_CLOSE: return _("Stop Taking Ideas");
    case CIVIC_CAMPAIGN_ACTION_CONCLUDE: return _("Publish the Results");
    default: g_return_val_if_reached ("");
    }
}

static const char *
past_tense (CivicCampaignAction action)
{
  switch (action)
    {
    case CIVIC_CAMPAIGN_ACTION_CREATE: return _("Prepared the campaign");
    case CIVIC_CAMPAIGN_ACTION_OPEN: return _("Published the campaign");
    case CIVIC_CAMPAIGN_ACTION_CLOSE: return _("Stopped taking ideas");
    case CIVIC_CAMPAIGN_ACTION_CONCLUDE: return _("Published the results");
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
check_preconditions (CivicCampaign              *campaign,
                     CivicCampaignAction         action,
                     const CivicWorkflowContext *context,
                     GError                    **error)
{
  switch (action)
    {
    case CIVIC_CAMPAIGN_ACTION_CREATE:
      if (campaign->rev != 0 || campaign->title != NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("This campaign exists already"));
      return TRUE;

    /* Published for a period still to come, or running */
    case CIVIC_CAMPAIGN_ACTION_OPEN:
      if (campaign->closes_on < today_of (context))
        {
          g_autofree char *day = civic_day_format (campaign->closes_on);

          return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                         _("The campaign’s period ended on %s; prepare a new one"), day);
        }
      return TRUE;

    default:
      return TRUE;
    }
}

static gboolean
campaign_check_action (CivicCampaign              *campaign,
                       CivicCampaignAction         action,
                       const CivicWorkflowContext *context,
                       GError                    **error)
{
  const CivicActor *actor = context->actor;

  if ((guint) action >= CIVIC_N_CAMPAIGN_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
  if (!(rules[action].states & (1u << campaign->state)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   /* Translators: "“Publish the Results” is not possible while the campaign
                    * is “Taking Ideas”" */
                   _("“%s” is not possible while the campaign is “%s”"),
                   civic_campaign_action_get_label (action),
                   civic_campaign_state_get_label (campaign->state));
  if (!civic_actor_has_role (actor, rules[action].roles))
    {
      g_autofree char *roles = civic_roles_to_string (rules[action].roles & ~CIVIC_ROLE_SYSTEM);

      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("“%s” is for these roles: %s"),
                     civic_campaign_action_get_label (action), roles);
    }
  /* The hall acts on any department's; a department on its own */
  if (!civic_actor_has_role (actor, HALL) &&
      (actor->department_id == NULL ||
       g_strcmp0 (actor->department_id, campaign->department_id) != 0))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only the department that runs a campaign acts on it"));
  return check_preconditions (campaign, action, context, error);
}

/* Applying */

static gboolean
get_text (JsonObject  *args,
          const char  *member,
          gboolean     required,
          glong        max,
          const char **out,
          GError     **error)
{
  return civic_workflow_arg_text (args, member, required, max, out, error);
}

static gboolean
get_day (JsonObject  *args,
         const char  *member,
         CivicDay    *out,
         GError     **error)
{
  return civic_workflow_arg_day (args, member, TRUE, out, error);
}

/* The topics, one to twenty, each named once */
static gboolean
get_topics (JsonObject  *args,
            GStrv       *out,
            GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) given = NULL;

  if (!civic_json_get_strv (args, "topics", TRUE, &given, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A campaign names the topics it asks ideas on"));
  for (guint i = 0; given[i] != NULL; i++)
    {
      g_autofree char *topic = g_strstrip (g_strdup (given[i]));

      if (*topic == '\0')
        continue;
      if (!g_utf8_validate (topic, -1, NULL) || g_utf8_strlen (topic, -1) > TOPIC_MAX)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("A topic is at most %d characters"), TOPIC_MAX);
      if (g_hash_table_add (seen, g_strdup (topic)))
        g_strv_builder_add (builder, topic);
    }
  if (g_hash_table_size (seen) == 0 || g_hash_table_size (seen) > CIVIC_CAMPAIGN_TOPICS_MAX)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A campaign asks ideas on 1 to %d topics"), CIVIC_CAMPAIGN_TOPICS_MAX);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
get_channels (JsonObject  *args,
              guint       *out,
              GError     **error)
{
  g_auto(GStrv) given = NULL;

  if (!civic_json_get_strv (args, "channels", TRUE, &given, NULL) ||
      !civic_campaign_channels_from_nicks ((const char * const *) given, out))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“channels” lists the channels ideas come in through"));
  if (*out == 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A campaign takes ideas through one channel at least"));
  return TRUE;
}

static gboolean
apply_create (CivicCampaign              *campaign,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  g_auto(GStrv) topics = NULL;
  const char *title, *description;
  CivicDay opens_on, closes_on;
  guint channels;

  if (!get_text (args, "title", TRUE, TITLE_MAX, &title, error) ||
      !get_text (args, "description", TRUE, TEXT_MAX, &description, error) ||
      !get_topics (args, &topics, error) ||
      !get_channels (args, &channels, error) ||
      !get_day (args, "opens_on", &opens_on, error) ||
      !get_day (args, "closes_on", &closes_on, error))
    return FALSE;
  if (closes_on < opens_on)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A campaign closes after it opens"));
  if (closes_on < today_of (context))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("That period is over: a new campaign closes today or later"));

  set_string (&campaign->title, title);
  set_string (&campaign->description, description);
  g_strfreev (campaign->topics);
  campaign->topics = g_steal_pointer (&topics);
  campaign->channels = channels;
  campaign->opens_on = opens_on;
  campaign->closes_on = closes_on;
  set_string (&campaign->created_by_id, context->actor->id);
  set_string (&campaign->created_by_name, context->actor->name);
  campaign->state = CIVIC_CAMPAIGN_STATE_DRAFT;
  return TRUE;
}

static gboolean
apply_conclude (CivicCampaign              *campaign,
                JsonObject                 *args,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  const char *summary;

  if (!get_text (args, "summary", TRUE, TEXT_MAX, &summary, error))
    return FALSE;
  set_string (&campaign->summary, summary);
  campaign->concluded_on = today_of (context);
  set_string (&campaign->concluded_by_id, context->actor->id);
  set_string (&campaign->concluded_by_name, context->actor->name);
  campaign->state = CIVIC_CAMPAIGN_STATE_CONCLUDED;
  return TRUE;
}

static gboolean
apply_action (CivicCampaign              *campaign,
              CivicCampaignAction         action,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  switch (action)
    {
    case CIVIC_CAMPAIGN_ACTION_CREATE: return apply_create (campaign, args, context, error);
    case CIVIC_CAMPAIGN_ACTION_OPEN:
      campaign->opened_on = today_of (context);
      campaign->state = CIVIC_CAMPAIGN_STATE_OPEN;
      return TRUE;
    case CIVIC_CAMPAIGN_ACTION_CLOSE:
      campaign->closed_on = today_of (context);
      campaign->state = CIVIC_CAMPAIGN_STATE_CLOSED;
      return TRUE;
    case CIVIC_CAMPAIGN_ACTION_CONCLUDE: return apply_conclude (campaign, args, context, error);
    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The declarations */

/* The channels a campaign may take ideas through, the seeds' five
 * checked at first */
static GPtrArray *
channel_options (GObject                    *record,
                 const CivicArgumentSources *sources)
{
  static const CivicMessageChannel usual[] = {
    CIVIC_MESSAGE_CHANNEL_PORTAL, CIVIC_MESSAGE_CHANNEL_WECHAT, CIVIC_MESSAGE_CHANNEL_APP,
    CIVIC_MESSAGE_CHANNEL_EMAIL, CIVIC_MESSAGE_CHANNEL_LETTER,
  };
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);

  for (guint i = 0; i < CIVIC_N_MESSAGE_CHANNELS; i++)
    {
      gboolean active = FALSE;

      for (guint u = 0; u < G_N_ELEMENTS (usual); u++)
        active |= usual[u] == i;
      g_ptr_array_add (options,
                       civic_argument_option_new (civic_enum_to_nick (CIVIC_TYPE_MESSAGE_CHANNEL,
                                                                      i),
                                                  civic_message_channel_get_label (i), NULL,
                                                  active));
    }
  return options;
}

static const CivicArgument create[] = {
  { .name = "title", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, .title = N_("_Title") },
  { .name = "description", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("What Is _Asked"),
    .description = N_("Shown to the public: what the department asks, and its promise to keep "
                      "proposers and their ideas confidential") },
  { .name = "topics", .kind = CIVIC_ARGUMENT_NAMES, .required = TRUE,
    .title = N_("_Topics, Separated by Commas") },
  { .name = "channels", .kind = CIVIC_ARGUMENT_CHECKLIST, .required = TRUE,
    .title = N_("Ideas Come In Through"), .options = channel_options },
  { .name = "opens_on", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE, .title = N_("_Opens On") },
  { .name = "closes_on", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE,
    .title = N_("_Closes On") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument conclude[] = {
  { .name = "summary", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("What Came of It"),
    .description = N_("Shown to the public beside the ideas adopted: how many came in, what "
                      "the department will do") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_CAMPAIGN_ACTIONS] = {
  [CIVIC_CAMPAIGN_ACTION_CREATE] = create,
  [CIVIC_CAMPAIGN_ACTION_OPEN] = none,
  [CIVIC_CAMPAIGN_ACTION_CLOSE] = none,
  [CIVIC_CAMPAIGN_ACTION_CONCLUDE] = conclude,
};

const CivicArgument *
civic_campaign_action_get_arguments (CivicCampaignAction action)
{
  g_return_val_if_fail ((guint) action < CIVIC_N_CAMPAIGN_ACTIONS, none);
  return declarations[action];
}

/* The kind */

CIVIC_DEFINE_KIND_ACTION_NICKS (CIVIC_TYPE_CAMPAIGN_ACTION)

static const char *
kind_action_label (guint action)
{
  return civic_campaign_action_get_label (action);
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
  return civic_campaign_action_get_arguments (action);
}

static CivicActionWeight
kind_weight (guint action)
{
  switch ((CivicCampaignAction) action)
    {
    case CIVIC_CAMPAIGN_ACTION_CLOSE:
      return CIVIC_WEIGHT_DESTRUCTIVE;
    case CIVIC_CAMPAIGN_ACTION_OPEN:
    case CIVIC_CAMPAIGN_ACTION_CONCLUDE:
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
  return G_OBJECT (civic_campaign_new_from_json (node, error));
}

static const char *
kind_get_id (GObject *record)
{
  return civic_campaign_get_id (CIVIC_CAMPAIGN (record));
}

static gint64
kind_get_rev (GObject *record)
{
  return civic_campaign_get_rev (CIVIC_CAMPAIGN (record));
}

static void
kind_set_rev (GObject *record,
              gint64   rev)
{
  civic_campaign_set_rev (CIVIC_CAMPAIGN (record), rev);
}

static char *
kind_label (GObject *record)
{
  CivicCampaign *campaign = CIVIC_CAMPAIGN (record);

  return g_strdup (campaign->title != NULL ? campaign->title : _("A new campaign"));
}

static char *
kind_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u campaign. Each is checked by the rules on its "
                                          "own.",
                                          "For %u campaigns. Each is checked by the rules on "
                                          "its own.",
                                          n_records), n_records);
}

static char *
kind_describe (GObject *record)
{
  CivicCampaign *campaign = CIVIC_CAMPAIGN (record);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (campaign->opens_on == CIVIC_DAY_INVALID)
    return g_strdup (civic_campaign_state_get_label (campaign->state));
  from = civic_day_format (campaign->opens_on);
  to = civic_day_format (campaign->closes_on);
  /* Translators: "Taking Ideas, 2021-07-15 to 2021-09-30" */
  return g_strdup_printf (_("%s, %s to %s"), civic_campaign_state_get_label (campaign->state),
                          from, to);
}

static char *
kind_to_feed_json (GObject       *record,
                   CivicCalendar *calendar,
                   CivicDay       today)
{
  return civic_campaign_to_feed_json (CIVIC_CAMPAIGN (record), today);
}

static gboolean
kind_check (GObject                    *record,
            guint                       action,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_CAMPAIGN (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  return campaign_check_action (CIVIC_CAMPAIGN (record), action, context, error);
}

static GArray *
kind_list_actions (GObject                    *record,
                   const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicCampaignAction));

  for (guint i = 0; i < CIVIC_N_CAMPAIGN_ACTIONS; i++)
    {
      CivicCampaignAction action = i;

      if (action != CIVIC_CAMPAIGN_ACTION_CREATE && kind_check (record, action, context, NULL))
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
  g_autoptr(CivicCampaign) next = NULL;
  g_autoptr(JsonObject) empty = NULL;

  if (!kind_check (record, action, context, error))
    return NULL;
  if (args == NULL)
    args = empty = json_object_new ();
  next = civic_campaign_copy (CIVIC_CAMPAIGN (record));
  if (!apply_action (next, action, args, context, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&next));
}

static gboolean
kind_creates (guint action)
{
  return action == CIVIC_CAMPAIGN_ACTION_CREATE;
}

/* A campaign is its department's: the official's own */
static GObject *
kind_create (const char                 *id,
             guint                       action,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  const CivicActor *actor = context->actor;

  if (action != CIVIC_CAMPAIGN_ACTION_CREATE)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such campaign"));
      return NULL;
    }
  if (id == NULL || *id == '\0' || strlen (id) > 64 || actor->department_id == NULL)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("A new campaign needs an id and the official’s department"));
      return NULL;
    }
  return G_OBJECT (civic_campaign_new (id, actor->department_id));
}

const CivicEntityKind civic_campaign_kind = {
  .type = CIVIC_ENTITY_CAMPAIGN,
  .collection = "campaigns",
  .record_type = civic_campaign_get_type,
  .n_actions = CIVIC_N_CAMPAIGN_ACTIONS,
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
  .now_title = N_("The campaign now"),
  .open_label = N_("_Open Campaign"),
  .not_cached = N_("The campaign is not in the offline copy"),
  .to_feed_json = kind_to_feed_json,
  .check = kind_check,
  .list_actions = kind_list_actions,
  .apply = kind_apply,
  .creates = kind_creates,
  .create = kind_create,
};
