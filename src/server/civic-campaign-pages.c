/* civic-campaign-pages.c — idea campaigns on the public side, as HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-campaign-pages"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-campaign-pages.h"
#include "civic-campaign-records.h"
#include "civic-core-enums.h"
#include "civic-disclosure-public.h"
#include "civic-json.h"
#include "civic-message-pages.h"
#include "civic-message-records.h"
#include "civic-public-pages.h"
#include "civic-time.h"

/* The campaigns the hall's departments ran or run (金点子征集): what each
 * asks, its period and channels, a form to send an idea while it takes
 * them, and the ideas it adopted with their answers — read from the
 * table only an adopted idea's answer is written to, without who
 * proposed it. Plain HTML, like the messages' pages. */

#define text civic_public_page_text
#define field civic_public_page_field

static const char *
value_of (GHashTable *values,
          const char *name)
{
  return values != NULL ? g_hash_table_lookup (values, name) : NULL;
}

static const char *
state_label (JsonObject *campaign)
{
  int state = 0;

  if (json_object_get_boolean_member_with_default (campaign, "taking_ideas", FALSE))
    return _("Taking ideas");
  civic_enum_from_nick (CIVIC_TYPE_CAMPAIGN_STATE,
                        json_object_get_string_member_with_default (campaign, "state", ""),
                        &state);
  switch (state)
    {
    case CIVIC_CAMPAIGN_STATE_OPEN: return _("Not taking ideas now");
    case CIVIC_CAMPAIGN_STATE_CLOSED: return _("Ideas being judged");
    default: return _("Results published");
    }
}

static char *
describe_channels (JsonObject *campaign)
{
  JsonArray *channels = json_object_get_array_member (campaign, "channels");
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; channels != NULL && i < json_array_get_length (channels); i++)
    {
      int channel;

      if (!civic_enum_from_nick (CIVIC_TYPE_MESSAGE_CHANNEL,
                                 json_array_get_string_element (channels, i), &channel))
        continue;
      if (out->len > 0)
        g_string_append (out, _(", "));
      g_string_append (out, civic_message_channel_get_label (channel));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
describe_topics (JsonObject *campaign)
{
  JsonArray *topics = json_object_get_array_member (campaign, "topics");
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; topics != NULL && i < json_array_get_length (topics); i++)
    {
      if (out->len > 0)
        g_string_append (out, _(", "));
      g_string_append (out, json_array_get_string_element (topics, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
facts (CivicDb     *db,
       GString     *out,
       JsonObject  *campaign)
{
  g_autofree char *channels = describe_channels (campaign);
  g_autofree char *topics = describe_topics (campaign);
  g_autofree char *department = civic_disclosure_public_department_name (
    db, json_object_get_string_member (campaign, "department"));
  g_autofree char *period = g_strdup_printf (
    /* Translators: a campaign's period: "2021-07-15 to 2021-09-30" */
    C_("period", "%s to %s"), json_object_get_string_member (campaign, "opens_on"),
    json_object_get_string_member (campaign, "closes_on"));
  g_autofree char *counts = g_strdup_printf (
    /* Translators: "128 received, 12 adopted" */
    _("%" PRId64 " received, %" PRId64 " adopted"),
    json_object_get_int_member (campaign, "ideas_received"),
    json_object_get_int_member (campaign, "ideas_adopted"));
  const struct { const char *term; const char *value; } rows[] = {
    { _("Where it stands"), state_label (campaign) },
    { _("Department"), department != NULL ? department
                                         : json_object_get_string_member (campaign, "department") },
    { _("Period"), period },
    { _("Topics"), topics },
    { _("Ideas come in through"), channels },
    { _("Ideas"), counts },
  };

  g_string_append (out, "<dl class=\"catalogue\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_string_append (out, "<dt>");
      text (out, rows[i].term);
      g_string_append (out, "</dt><dd>");
      text (out, rows[i].value);
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n");
}

/* Paragraphs, as the official wrote them */
static void
paragraphs (GString    *out,
            const char *value)
{
  g_auto(GStrv) lines = g_strsplit (value != NULL ? value : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      {
        g_string_append (out, "<p>");
        text (out, lines[i]);
        g_string_append (out, "</p>\n");
      }
}

/**
 * civic_campaign_pages_list:
 *
 * Returns: (transfer full) (nullable): every campaign published, the
 * latest first
 */
char *
civic_campaign_pages_list (CivicDb      *db,
                           CivicDay      today,
                           GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) campaigns = civic_campaign_records_dup_all_public (db, today, error);

  if (campaigns == NULL)
    return NULL;
  civic_public_page_start (out, CIVIC_PUBLIC_SITE_MESSAGES, _("Idea Campaigns"));
  g_string_append (out, "<h1>");
  text (out, _("Idea Campaigns"));
  g_string_append (out, "</h1>\n<p>");
  text (out, _("Departments ask the public for ideas on a subject for a while. Each idea is "
               "answered; those adopted are published with the answer, never with who "
               "proposed them."));
  g_string_append (out, "</p>\n");
  if (campaigns->len == 0)
    {
      g_string_append (out, "<p>");
      text (out, _("No campaign yet"));
      g_string_append (out, "</p>\n");
    }
  else
    {
      g_string_append (out, "<ol class=\"results\">\n");
      for (guint i = 0; i < campaigns->len; i++)
        {
          JsonObject *campaign = json_node_get_object (g_ptr_array_index (campaigns, i));
          g_autofree char *period = g_strdup_printf (
            C_("period", "%s to %s"), json_object_get_string_member (campaign, "opens_on"),
            json_object_get_string_member (campaign, "closes_on"));
          g_autofree char *escaped = g_uri_escape_string (
            json_object_get_string_member (campaign, "id"), NULL, FALSE);

          g_string_append (out, "<li><h2><a href=\"/public/campaigns/");
          text (out, escaped);
          g_string_append (out, "\">");
          text (out, json_object_get_string_member (campaign, "title"));
          g_string_append (out, "</a></h2><p>");
          text (out, state_label (campaign));
          g_string_append (out, " · ");
          text (out, period);
          g_string_append (out, "</p></li>\n");
        }
      g_string_append (out, "</ol>\n");
    }
  civic_public_page_end (out, CIVIC_PUBLIC_SITE_MESSAGES);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
refusal (GString    *out,
         const char *problem)
{
  g_string_append (out, "<div class=\"notice\" role=\"alert\"><p><strong>");
  text (out, _("Your idea was not sent."));
  g_string_append (out, "</strong> ");
  text (out, problem);
  g_string_append (out, "</p></div>\n");
}

static void
idea_form (GString    *out,
           const char *id,
           GHashTable *values,
           const char *problem)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  g_string_append (out, "<h2 id=\"send\">");
  text (out, _("Send an Idea"));
  g_string_append (out, "</h2>\n");
  if (problem != NULL)
    refusal (out, problem);

  g_string_append (out, "<form class=\"letter\" method=\"post\" action=\"/public/campaigns/");
  text (out, escaped);
  g_string_append (out, "\" enctype=\"multipart/form-data\">\n");
  field (out, "subject", _("Your Idea in a Few Words"), "text", value_of (values, "subject"),
         NULL, NULL, TRUE);
  g_string_append (out, "<div><label for=\"body\">");
  text (out, _("Your Idea"));
  g_string_append (out, "</label><textarea id=\"body\" name=\"body\" required>");
  text (out, value_of (values, "body"));
  g_string_append (out, "</textarea></div>\n");
  civic_message_pages_file_field (out);
  field (out, "name", _("Your Name"), "text", value_of (values, "name"), "name", NULL, FALSE);
  field (out, "phone", _("Phone"), "tel", value_of (values, "phone"), "tel", NULL, FALSE);
  field (out, "email", _("E-mail"), "email", value_of (values, "email"), "email",
         _("So that the department can answer you; never published"), FALSE);
  g_string_append (out, "<div class=\"check\"><input id=\"anonymous\" name=\"anonymous\" "
                        "type=\"checkbox\" value=\"yes\"");
  if (value_of (values, "anonymous") != NULL)
    g_string_append (out, " checked");
  g_string_append (out, "><label for=\"anonymous\">");
  text (out, _("Send it without my name (nobody can answer you)"));
  g_string_append (out, "</label></div>\n<button type=\"submit\">");
  text (out, _("Send the Idea"));
  g_string_append (out, "</button>\n</form>\n");
}

static char *
campaign_page (CivicDb      *db,
               const char   *id,
               CivicDay      today,
               GHashTable   *values,
               const char   *problem,
               GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) node = civic_campaign_records_dup_public (db, id, today, &local);
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *campaign;
  JsonArray *adopted;
  const char *summary;

  if (node == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  campaign = json_node_get_object (node);
  civic_public_page_start (out, CIVIC_PUBLIC_SITE_MESSAGES,
                           json_object_get_string_member (campaign, "title"));
  g_string_append (out, "<h1>");
  text (out, json_object_get_string_member (campaign, "title"));
  g_string_append (out, "</h1>\n");
  paragraphs (out, json_object_get_string_member (campaign, "description"));
  facts (db, out, campaign);

  summary = json_object_get_string_member_with_default (campaign, "summary", NULL);
  if (summary != NULL)
    {
      g_string_append (out, "<h2>");
      text (out, _("What Came of It"));
      g_string_append (out, "</h2>\n");
      paragraphs (out, summary);
    }
  if (json_object_get_boolean_member_with_default (campaign, "taking_ideas", FALSE))
    idea_form (out, id, values, problem);
  else if (problem != NULL)
    refusal (out, problem);

  adopted = json_object_get_array_member (campaign, "adopted");
  g_string_append (out, "<h2>");
  text (out, _("Ideas Adopted"));
  g_string_append (out, "</h2>\n");
  if (adopted == NULL || json_array_get_length (adopted) == 0)
    {
      g_string_append (out, "<p>");
      text (out, _("None yet"));
      g_string_append (out, "</p>\n");
    }
  else
    {
      g_string_append (out, "<ul class=\"ideas\">\n");
      for (guint i = 0; i < json_array_get_length (adopted); i++)
        {
          JsonObject *idea = json_array_get_object_element (adopted, i);
          g_autofree char *answered = g_strdup_printf (
            /* Translators: "The department answered on 2021-10-12:" */
            _("The department answered on %s:"),
            json_object_get_string_member (idea, "answered_on"));

          g_string_append (out, "<li><h3>");
          text (out, json_object_get_string_member (idea, "subject"));
          g_string_append (out, "</h3>\n");
          paragraphs (out, json_object_get_string_member (idea, "text"));
          g_string_append (out, "<p><strong>");
          text (out, answered);
          g_string_append (out, "</strong></p>\n<blockquote>");
          paragraphs (out, json_object_get_string_member (idea, "answer"));
          g_string_append (out, "</blockquote></li>\n");
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "<p><a href=\"/public/campaigns\">");
  text (out, _("All idea campaigns"));
  g_string_append (out, "</a></p>\n");
  civic_public_page_end (out, CIVIC_PUBLIC_SITE_MESSAGES);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_campaign_pages_campaign:
 *
 * Returns: (transfer full) (nullable): a published campaign's page, with
 * the form to send an idea while it takes them; %NULL without error for
 * a campaign not published
 */
char *
civic_campaign_pages_campaign (CivicDb      *db,
                               const char   *id,
                               CivicDay      today,
                               GError      **error)
{
  return campaign_page (db, id, today, NULL, NULL, error);
}

/**
 * civic_campaign_pages_submit:
 * @form: the form as sent
 * @status: (out): the HTTP status
 * @receipt: (out) (transfer full): the idea's receipt, once sent
 *
 * Sends the form's idea as the JSON door does, from the portal.
 *
 * Returns: (transfer full) (nullable): the campaign's page again with the
 * mistake said; %NULL once sent (@receipt), for a campaign not published
 * (@status 404) or when the service failed (@error)
 */
char *
civic_campaign_pages_submit (CivicDb        *db,
                             CivicCalendar  *calendar,
                             GDateTime      *now,
                             const char     *id,
                             GHashTable     *form,
                             GPtrArray      *files,
                             const char     *address,
                             guint          *status,
                             char          **receipt,
                             GError        **error)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *sent = NULL;
  JsonObject *object;
  char *page;

  *receipt = NULL;
  body = civic_message_pages_form_to_json (form);
  object = json_node_get_object (body);
  json_object_set_string_member (object, "kind", "idea");
  json_object_set_string_member (object, "campaign", id);
  json_object_remove_member (object, "department");
  json_object_remove_member (object, "location");
  sent = civic_message_records_submit_with_files (db, calendar, now, body, files, address, status,
                                                  &refusal);
  if (sent == NULL)
    {
      if (*status >= 500)
        {
          g_propagate_error (error, g_steal_pointer (&refusal));
          return NULL;
        }
      page = campaign_page (db, id, civic_time_day_of (now), form,
                            refusal != NULL ? refusal->message : NULL, error);
      if (page == NULL && error != NULL && *error == NULL)
        *status = 404;
      return page;
    }
  answer = civic_json_parse (sent, -1, error);
  if (answer == NULL)
    return NULL;
  *receipt = g_strdup (json_object_get_string_member (json_node_get_object (answer), "receipt"));
  return NULL;
}
