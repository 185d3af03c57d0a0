/* civic-campaign.c — a solicitation of citizens' ideas (金点子征集)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-campaign"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-campaign-private.h"
#include "civic-core-enums.h"
#include "civic-json.h"

/* The record of one campaign: what was asked (title, description,
 * topics), of whom and how (its period and channels), by which
 * department, and what came of it. It holds nobody's personal data: the
 * ideas are messages, each with its proposer sealed as any citizen's. */

G_DEFINE_TYPE (CivicCampaign, civic_campaign, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-campaign-error-quark, civic_campaign_error)

const char *
civic_campaign_state_get_label (CivicCampaignState state)
{
  switch (state)
    {
    case CIVIC_CAMPAIGN_STATE_DRAFT: return _("Being Prepared");
    case CIVIC_CAMPAIGN_STATE_OPEN: return _("Taking Ideas");
    case CIVIC_CAMPAIGN_STATE_CLOSED: return _("Ideas Being Judged");
    case CIVIC_CAMPAIGN_STATE_CONCLUDED: return _("Results Published");
    default: g_return_val_if_reached ("");
    }
}

static void
civic_campaign_finalize (GObject *object)
{
  CivicCampaign *self = CIVIC_CAMPAIGN (object);

  g_free (self->id);
  g_free (self->department_id);
  g_free (self->title);
  g_free (self->description);
  g_strfreev (self->topics);
  g_free (self->created_by_id);
  g_free (self->created_by_name);
  g_free (self->summary);
  g_free (self->concluded_by_id);
  g_free (self->concluded_by_name);
  G_OBJECT_CLASS (civic_campaign_parent_class)->finalize (object);
}

static void
civic_campaign_class_init (CivicCampaignClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_campaign_finalize;
}

static void
civic_campaign_init (CivicCampaign *self)
{
  self->opens_on = CIVIC_DAY_INVALID;
  self->closes_on = CIVIC_DAY_INVALID;
  self->opened_on = CIVIC_DAY_INVALID;
  self->closed_on = CIVIC_DAY_INVALID;
  self->concluded_on = CIVIC_DAY_INVALID;
}

/**
 * civic_campaign_new:
 * @department_id: (nullable): the department that asks
 *
 * Returns: (transfer full): a blank campaign, which create-campaign fills in
 */
CivicCampaign *
civic_campaign_new (const char *id,
                    const char *department_id)
{
  CivicCampaign *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_CAMPAIGN, NULL);
  self->id = g_strdup (id);
  self->department_id = g_strdup (department_id);
  return self;
}

CivicCampaign *
civic_campaign_copy (CivicCampaign *self)
{
  CivicCampaign *copy;

  g_return_val_if_fail (CIVIC_IS_CAMPAIGN (self), NULL);

  copy = civic_campaign_new (self->id, self->department_id);
  copy->rev = self->rev;
  copy->state = self->state;
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->topics = g_strdupv (self->topics);
  copy->channels = self->channels;
  copy->opens_on = self->opens_on;
  copy->closes_on = self->closes_on;
  copy->created_by_id = g_strdup (self->created_by_id);
  copy->created_by_name = g_strdup (self->created_by_name);
  copy->opened_on = self->opened_on;
  copy->closed_on = self->closed_on;
  copy->summary = g_strdup (self->summary);
  copy->concluded_on = self->concluded_on;
  copy->concluded_by_id = g_strdup (self->concluded_by_id);
  copy->concluded_by_name = g_strdup (self->concluded_by_name);
  return copy;
}

#define RETURN_IF_NOT_CAMPAIGN(val) g_return_val_if_fail (CIVIC_IS_CAMPAIGN (self), (val))

const char *civic_campaign_get_id (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (NULL); return self->id; }
gint64 civic_campaign_get_rev (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (0); return self->rev; }

void
civic_campaign_set_rev (CivicCampaign *self,
                        gint64         rev)
{
  g_return_if_fail (CIVIC_IS_CAMPAIGN (self));
  self->rev = rev;
}

CivicCampaignState civic_campaign_get_state (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (0); return self->state; }
const char *civic_campaign_get_department_id (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (NULL); return self->department_id; }
const char *civic_campaign_get_title (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (NULL); return self->title; }
const char *civic_campaign_get_description (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (NULL); return self->description; }
const char * const *civic_campaign_get_topics (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (NULL); return (const char * const *) self->topics; }
CivicDay civic_campaign_get_opens_on (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (CIVIC_DAY_INVALID); return self->opens_on; }
CivicDay civic_campaign_get_closes_on (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (CIVIC_DAY_INVALID); return self->closes_on; }
const char *civic_campaign_get_summary (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (NULL); return self->summary; }
CivicDay civic_campaign_get_concluded_on (CivicCampaign *self) { RETURN_IF_NOT_CAMPAIGN (CIVIC_DAY_INVALID); return self->concluded_on; }

gboolean
civic_campaign_has_channel (CivicCampaign       *self,
                            CivicMessageChannel  channel)
{
  RETURN_IF_NOT_CAMPAIGN (FALSE);
  return (guint) channel < CIVIC_N_MESSAGE_CHANNELS && (self->channels & (1u << channel)) != 0;
}

/**
 * civic_campaign_takes_ideas:
 * @day: the day the idea came in
 *
 * Returns: whether an idea that came in through @channel on @day belongs
 * to the campaign: it takes ideas (or it came in before the campaign
 * closed), the day is in its period and the channel one it named; %FALSE
 * with the reason in @error
 */
gboolean
civic_campaign_takes_ideas (CivicCampaign        *self,
                            CivicMessageChannel   channel,
                            CivicDay              day,
                            GError              **error)
{
  RETURN_IF_NOT_CAMPAIGN (FALSE);

  /* What came in before it closed (a letter posted in its period) is
   * registered after */
  if (self->state != CIVIC_CAMPAIGN_STATE_OPEN &&
      (self->state != CIVIC_CAMPAIGN_STATE_CLOSED || day >= self->closed_on))
    {
      g_set_error (error, CIVIC_CAMPAIGN_ERROR, CIVIC_CAMPAIGN_ERROR_INVALID,
                   _("The campaign “%s” is not taking ideas"), self->title);
      return FALSE;
    }
  if (day < self->opens_on || day > self->closes_on)
    {
      g_autofree char *from = civic_day_format (self->opens_on);
      g_autofree char *to = civic_day_format (self->closes_on);

      g_set_error (error, CIVIC_CAMPAIGN_ERROR, CIVIC_CAMPAIGN_ERROR_INVALID,
                   /* Translators: "The campaign takes ideas from 2021-07-15 to 2021-09-30" */
                   _("The campaign takes ideas from %s to %s"), from, to);
      return FALSE;
    }
  if (!civic_campaign_has_channel (self, channel))
    {
      g_autofree char *channels = civic_campaign_describe_channels (self);

      g_set_error (error, CIVIC_CAMPAIGN_ERROR, CIVIC_CAMPAIGN_ERROR_INVALID,
                   /* Translators: "The campaign takes ideas through: Portal, WeChat" */
                   _("The campaign takes ideas through: %s"), channels);
      return FALSE;
    }
  return TRUE;
}

/**
 * civic_campaign_describe_channels:
 *
 * Returns: (transfer full): the channels it takes ideas through, as a
 * reader says them: "Portal, WeChat, E-mail"
 */
char *
civic_campaign_describe_channels (CivicCampaign *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  RETURN_IF_NOT_CAMPAIGN (NULL);

  for (guint i = 0; i < CIVIC_N_MESSAGE_CHANNELS; i++)
    if (self->channels & (1u << i))
      {
        if (out->len > 0)
          /* Translators: between the channels a campaign names */
          g_string_append (out, _(", "));
        g_string_append (out, civic_message_channel_get_label (i));
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The wire format */

static void
set_channels (JsonBuilder *builder,
              guint        channels)
{
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < CIVIC_N_MESSAGE_CHANNELS; i++)
    if (channels & (1u << i))
      json_builder_add_string_value (builder, civic_enum_to_nick (CIVIC_TYPE_MESSAGE_CHANNEL, i));
  json_builder_end_array (builder);
}

JsonNode *
civic_campaign_to_json (CivicCampaign *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  RETURN_IF_NOT_CAMPAIGN (NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_int (builder, "rev", self->rev);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_CAMPAIGN_STATE, self->state);
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_string (builder, "title", self->title);
  civic_json_set_string (builder, "description", self->description);
  civic_json_set_strv (builder, "topics", (const char * const *) self->topics);
  set_channels (builder, self->channels);
  civic_json_set_day (builder, "opens_on", self->opens_on);
  civic_json_set_day (builder, "closes_on", self->closes_on);
  civic_json_set_string (builder, "created_by_id", self->created_by_id);
  civic_json_set_string (builder, "created_by_name", self->created_by_name);
  civic_json_set_day (builder, "opened_on", self->opened_on);
  civic_json_set_day (builder, "closed_on", self->closed_on);
  civic_json_set_string (builder, "summary", self->summary);
  civic_json_set_day (builder, "concluded_on", self->concluded_on);
  civic_json_set_string (builder, "concluded_by_id", self->concluded_by_id);
  civic_json_set_string (builder, "concluded_by_name", self->concluded_by_name);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_campaign_to_feed_json:
 *
 * Returns: (transfer full): the campaign as the feed sends it, with
 * "summary_today": whether it takes ideas @today and the days left
 */
char *
civic_campaign_to_feed_json (CivicCampaign *self,
                             CivicDay       today)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *body = NULL;
  gboolean taking;
  gsize length;

  RETURN_IF_NOT_CAMPAIGN (NULL);

  node = civic_campaign_to_json (self);
  body = civic_json_to_string (node, FALSE);
  taking = self->state == CIVIC_CAMPAIGN_STATE_OPEN && today >= self->opens_on &&
           today <= self->closes_on;
  length = strlen (body);
  g_assert (length >= 2 && body[length - 1] == '}');
  body[length - 1] = '\0';
  return g_strdup_printf ("%s,\"taking_ideas\":%s,\"days_left\":%d}", body,
                          taking ? "true" : "false",
                          taking ? (int) (self->closes_on - today) : 0);
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, CIVIC_CAMPAIGN_ERROR, CIVIC_CAMPAIGN_ERROR_INVALID,
                 _("The campaign is not valid: %s"), what);
  return FALSE;
}

static gboolean
dup_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            char       **out,
            GError     **error)
{
  const char *value = NULL;

  if (!civic_json_get_string (object, member, required, &value, error))
    return FALSE;
  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

/**
 * civic_campaign_channels_from_nicks:
 *
 * Reads channels by their nicks into a set; %FALSE at an unknown one.
 */
gboolean
civic_campaign_channels_from_nicks (const char * const *nicks,
                                    guint              *channels)
{
  *channels = 0;
  for (guint i = 0; nicks != NULL && nicks[i] != NULL; i++)
    {
      int channel;

      if (!civic_enum_from_nick (CIVIC_TYPE_MESSAGE_CHANNEL, nicks[i], &channel))
        return FALSE;
      *channels |= 1u << channel;
    }
  return TRUE;
}

CivicCampaign *
civic_campaign_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(CivicCampaign) self = NULL;
  g_auto(GStrv) channels = NULL;
  JsonObject *object;
  const char *id = NULL, *department = NULL;
  int state = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "not an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", TRUE, &id, error) ||
      !civic_json_get_string (object, "department_id", TRUE, &department, error))
    return NULL;
  self = civic_campaign_new (id, department);
  if (!civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &self->rev, error) ||
      !civic_json_get_enum (object, "state", TRUE, CIVIC_TYPE_CAMPAIGN_STATE, &state, error) ||
      !dup_string (object, "title", TRUE, &self->title, error) ||
      !dup_string (object, "description", FALSE, &self->description, error) ||
      !civic_json_get_strv (object, "topics", FALSE, &self->topics, error) ||
      !civic_json_get_strv (object, "channels", FALSE, &channels, error) ||
      !civic_json_get_day (object, "opens_on", TRUE, &self->opens_on, error) ||
      !civic_json_get_day (object, "closes_on", TRUE, &self->closes_on, error) ||
      !dup_string (object, "created_by_id", FALSE, &self->created_by_id, error) ||
      !dup_string (object, "created_by_name", FALSE, &self->created_by_name, error) ||
      !civic_json_get_day (object, "opened_on", FALSE, &self->opened_on, error) ||
      !civic_json_get_day (object, "closed_on", FALSE, &self->closed_on, error) ||
      !dup_string (object, "summary", FALSE, &self->summary, error) ||
      !civic_json_get_day (object, "concluded_on", FALSE, &self->concluded_on, error) ||
      !dup_string (object, "concluded_by_id", FALSE, &self->concluded_by_id, error) ||
      !dup_string (object, "concluded_by_name", FALSE, &self->concluded_by_name, error))
    return NULL;
  self->state = state;
  if (!civic_campaign_channels_from_nicks ((const char * const *) channels, &self->channels))
    {
      invalid (error, "channels");
      return NULL;
    }
  /* What the commands keep together stays together */
  if (self->closes_on < self->opens_on)
    {
      invalid (error, "closes_on");
      return NULL;
    }
  if ((self->state == CIVIC_CAMPAIGN_STATE_CONCLUDED) != (self->summary != NULL))
    {
      invalid (error, "summary");
      return NULL;
    }
  return g_steal_pointer (&self);
}
