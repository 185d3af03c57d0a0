/* civic-campaign-records.c — idea campaigns as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-campaign-records"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-campaign-kind.h"
#include "civic-campaign-records.h"
#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-policy.h"
#include "civic-server-db.h"
#include "civic-workflow.h"

/* A campaign is kept as the feed publishes it, scoped to its department
 * and the hall's dispatchers, with `campaign_record` saying what the
 * public side lists: every campaign published, never a draft. Its ideas
 * are messages (`message_record.campaign_id`); the ideas adopted, as the
 * public reads them, are in `public_campaign_idea`, which a message's save
 * writes from the idea's text and its answer, the proposer's details
 * masked — never who proposed it. */

CivicCampaign *
civic_campaign_records_load (CivicDb      *db,
                             const char   *id,
                             GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_CAMPAIGN, id,
                                                              &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (node == NULL)
    return NULL;
  return civic_campaign_new_from_json (node, error);
}

static char *
format_day (CivicDay day)
{
  return day != CIVIC_DAY_INVALID ? civic_day_format (day) : NULL;
}

static gint64
campaign_save (CivicDb        *db,
               CivicCampaign  *campaign,
               CivicDay        today,
               GError        **error)
{
  g_autofree char *feed = civic_campaign_to_feed_json (campaign, today);
  g_autofree char *opens_on = format_day (civic_campaign_get_opens_on (campaign));
  g_autofree char *closes_on = format_day (civic_campaign_get_closes_on (campaign));
  const char *scope[] = { civic_campaign_get_department_id (campaign), CIVIC_SCOPE_DISPATCH,
                          NULL };
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO campaign_record (id, department_id, state, "
                               "  opens_on, closes_on) VALUES (?1, ?2, ?3, ?4, ?5) "
                               "ON CONFLICT (id) DO UPDATE SET state = excluded.state, "
                               "  opens_on = excluded.opens_on, closes_on = excluded.closes_on",
                           error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, civic_campaign_get_id (campaign));
  civic_db_bind_text (stmt, 2, civic_campaign_get_department_id (campaign));
  civic_db_bind_text (stmt, 3, civic_enum_to_nick (CIVIC_TYPE_CAMPAIGN_STATE,
                                                        civic_campaign_get_state (campaign)));
  civic_db_bind_text (stmt, 4, opens_on);
  civic_db_bind_text (stmt, 5, closes_on);
  if (!civic_db_run (db, stmt, error))
    return 0;
  return civic_server_db_put_entity_text (db, CIVIC_ENTITY_CAMPAIGN,
                                          civic_campaign_get_id (campaign),
                                          civic_campaign_get_rev (campaign), feed, scope, error);
}

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  return G_OBJECT (civic_campaign_records_load (db, id, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  return campaign_save (db, CIVIC_CAMPAIGN (record), today, error);
}

/* Who acts on a campaign: its department and the hall; the supervisor
 * reads it and changes nothing */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  const char *department = civic_campaign_get_department_id (CIVIC_CAMPAIGN (record));

  if (civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM | CIVIC_ROLE_DISPATCHER))
    return TRUE;
  if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("Supervisors can read every campaign but change none"));
      return FALSE;
    }
  if (department == NULL || g_strcmp0 (actor->department_id, department) != 0)
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such campaign"));
      return FALSE;
    }
  return TRUE;
}

const CivicRecordStore civic_campaign_store = {
  .kind = &civic_campaign_kind,
  .not_found = N_("There is no such campaign"),
  .stale = N_("The campaign changed (revision %" PRId64 ", you saw %" PRId64 "); look at it "
              "again before you act"),
  .load = store_load,
  .save = store_save,
  .check_actor = store_check_actor,
};

/* Its ideas */

static gboolean
refuse_idea (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT, message);
  return FALSE;
}

/**
 * civic_campaign_records_check_idea:
 *
 * What only the service checks of an idea registered: its campaign is one
 * it keeps, published, of the department the idea is for, and took ideas
 * through the idea's channel on the day it came in.
 */
gboolean
civic_campaign_records_check_idea (CivicDb       *db,
                                   CivicMessage  *message,
                                   GError       **error)
{
  g_autoptr(CivicCampaign) campaign = NULL;
  g_autoptr(GError) local = NULL;
  const char *id = civic_message_get_campaign_id (message);

  if (id == NULL)
    return TRUE;
  campaign = civic_campaign_records_load (db, id, &local);
  if (local != NULL && !g_error_matches (local, CIVIC_CAMPAIGN_ERROR, CIVIC_CAMPAIGN_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (campaign == NULL || civic_campaign_get_state (campaign) == CIVIC_CAMPAIGN_STATE_DRAFT)
    {
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("There is no campaign “%s”"), id);
      return FALSE;
    }
  if (g_strcmp0 (civic_message_get_department_id (message),
                 civic_campaign_get_department_id (campaign)) != 0)
    return refuse_idea (error, _("An idea goes to the department that runs its campaign"));
  if (!civic_campaign_takes_ideas (campaign, civic_message_get_channel (message),
                                   civic_message_get_received_on (message), &local))
    return refuse_idea (error, local->message);
  return TRUE;
}

/**
 * civic_campaign_records_check_answer:
 *
 * An idea is adopted or declined once its campaign stopped taking ideas
 * and before it published its results: judged beside the others, and
 * what the public read of the results stays what it was.
 */
gboolean
civic_campaign_records_check_answer (CivicDb       *db,
                                     CivicMessage  *message,
                                     GError       **error)
{
  g_autoptr(CivicCampaign) campaign = NULL;
  g_autoptr(GError) local = NULL;
  const char *id = civic_message_get_campaign_id (message);

  if (id == NULL)
    return TRUE;
  campaign = civic_campaign_records_load (db, id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (campaign == NULL || civic_campaign_get_state (campaign) != CIVIC_CAMPAIGN_STATE_CLOSED)
    return refuse_idea (error, _("Ideas are adopted or declined once the campaign stops taking "
                                 "them, before its results are published"));
  return TRUE;
}

/**
 * civic_campaign_records_department:
 *
 * Returns: (transfer full) (nullable): the department that runs a
 * published campaign, %NULL without error for none
 */
char *
civic_campaign_records_department (CivicDb      *db,
                                   const char   *id,
                                   GError      **error)
{
  CivicDbStmt *stmt;
  char *department = NULL;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT department_id FROM campaign_record "
                               "WHERE id = ? AND state <> 'draft'", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  if (civic_db_step (db, stmt, &row, error) && row)
    department = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  return department;
}

/* The public side */

static gboolean
count_ideas (CivicDb      *db,
             const char   *id,
             gint64       *received,
             gint64       *adopted,
             GError      **error)
{
  CivicDbStmt *stmt;
  gboolean row;

  *received = *adopted = 0;
  stmt = civic_db_prepare (db, "SELECT count(*), "
                               "  (SELECT count(*) FROM public_campaign_idea "
                               "   WHERE campaign_id = ?1) "
                               "FROM message_record WHERE campaign_id = ?1 "
                               "  AND state NOT IN ('merged')", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  if (row)
    {
      *received = civic_db_column_int64 (stmt, 0);
      *adopted = civic_db_column_int64 (stmt, 1);
    }
  civic_db_reset (stmt);
  return TRUE;
}

static gboolean
add_adopted (CivicDb      *db,
             JsonBuilder  *builder,
             const char   *id,
             GError      **error)
{
  CivicDbStmt *stmt;
  gboolean row, ok;

  stmt = civic_db_prepare (db, "SELECT subject, text, answer, answered_on "
                               "FROM public_campaign_idea WHERE campaign_id = ? "
                               "ORDER BY answered_on, message_id", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  json_builder_set_member_name (builder, "adopted");
  json_builder_begin_array (builder);
  while ((ok = civic_db_step (db, stmt, &row, error)) && row)
    {
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "subject", civic_db_column_text (stmt, 0));
      civic_json_set_string (builder, "text", civic_db_column_text (stmt, 1));
      civic_json_set_string (builder, "answer", civic_db_column_text (stmt, 2));
      civic_json_set_string (builder, "answered_on", civic_db_column_text (stmt, 3));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  civic_db_reset (stmt);
  return ok;
}

/* A campaign as the public reads it: what was asked, when, through
 * which channels, how many ideas came in, what came of it */
static JsonNode *
public_node (CivicDb        *db,
             CivicCampaign  *campaign,
             CivicDay        today,
             gboolean        with_ideas,
             GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *id = civic_campaign_get_id (campaign);
  CivicCampaignState state = civic_campaign_get_state (campaign);
  gboolean taking = state == CIVIC_CAMPAIGN_STATE_OPEN &&
                    today >= civic_campaign_get_opens_on (campaign) &&
                    today <= civic_campaign_get_closes_on (campaign);
  gint64 received, adopted;

  if (!count_ideas (db, id, &received, &adopted, error))
    return NULL;
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", id);
  civic_json_set_string (builder, "department", civic_campaign_get_department_id (campaign));
  civic_json_set_string (builder, "title", civic_campaign_get_title (campaign));
  civic_json_set_string (builder, "description", civic_campaign_get_description (campaign));
  civic_json_set_strv (builder, "topics", civic_campaign_get_topics (campaign));
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < CIVIC_N_MESSAGE_CHANNELS; i++)
    if (civic_campaign_has_channel (campaign, i))
      json_builder_add_string_value (builder, civic_enum_to_nick (CIVIC_TYPE_MESSAGE_CHANNEL, i));
  json_builder_end_array (builder);
  civic_json_set_day (builder, "opens_on", civic_campaign_get_opens_on (campaign));
  civic_json_set_day (builder, "closes_on", civic_campaign_get_closes_on (campaign));
  civic_json_set_enum (builder, "state", CIVIC_TYPE_CAMPAIGN_STATE, state);
  civic_json_set_bool (builder, "taking_ideas", taking);
  civic_json_set_int (builder, "ideas_received", received);
  civic_json_set_int (builder, "ideas_adopted", adopted);
  civic_json_set_string (builder, "summary", civic_campaign_get_summary (campaign));
  civic_json_set_day (builder, "concluded_on", civic_campaign_get_concluded_on (campaign));
  if (with_ideas && !add_adopted (db, builder, id, error))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_campaign_records_dup_public:
 *
 * Returns: (transfer full) (nullable): a published campaign with the
 * ideas adopted (subject, text, answer, answered_on), as the public reads
 * it; %NULL without error for one not published
 */
JsonNode *
civic_campaign_records_dup_public (CivicDb      *db,
                                   const char   *id,
                                   CivicDay      today,
                                   GError      **error)
{
  g_autoptr(CivicCampaign) campaign = NULL;
  g_autofree char *department = civic_campaign_records_department (db, id, error);

  if (department == NULL)
    return NULL;
  campaign = civic_campaign_records_load (db, id, error);
  if (campaign == NULL)
    return NULL;
  return public_node (db, campaign, today, TRUE, error);
}

/**
 * civic_campaign_records_dup_all_public:
 *
 * Returns: (transfer full) (element-type JsonNode) (nullable): every
 * published campaign, the latest first, without their ideas
 */
GPtrArray *
civic_campaign_records_dup_all_public (CivicDb      *db,
                                       CivicDay      today,
                                       GError      **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  CivicDbStmt *stmt;
  gboolean row, ok;

  stmt = civic_db_prepare (db, "SELECT id FROM campaign_record WHERE state <> 'draft' "
                               "ORDER BY opens_on DESC, id", error);
  if (stmt == NULL)
    return NULL;
  while ((ok = civic_db_step (db, stmt, &row, error)) && row)
    g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
  civic_db_reset (stmt);
  if (!ok)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CivicCampaign) campaign = civic_campaign_records_load (db, g_ptr_array_index (ids,
                                                                                             i),
                                                                       error);
      JsonNode *node;

      if (campaign == NULL)
        return NULL;
      node = public_node (db, campaign, today, FALSE, error);
      if (node == NULL)
        return NULL;
      g_ptr_array_add (all, node);
    }
  return g_steal_pointer (&all);
}

/**
 * civic_campaign_records_list_public:
 *
 * Returns: (transfer full) (nullable): {"campaigns": [...]}, every
 * published campaign
 */
char *
civic_campaign_records_list_public (CivicDb      *db,
                                    CivicDay      today,
                                    GError      **error)
{
  g_autoptr(GPtrArray) all = civic_campaign_records_dup_all_public (db, today, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  if (all == NULL)
    return NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "campaigns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < all->len; i++)
    json_builder_add_value (builder, json_node_ref (g_ptr_array_index (all, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return civic_json_to_string (node, FALSE);
}

/**
 * civic_campaign_records_public:
 *
 * Returns: (transfer full) (nullable): a published campaign with its
 * ideas adopted; %NULL without error for none
 */
char *
civic_campaign_records_public (CivicDb      *db,
                               const char   *id,
                               CivicDay      today,
                               GError      **error)
{
  g_autoptr(JsonNode) node = civic_campaign_records_dup_public (db, id, today, error);

  return node != NULL ? civic_json_to_string (node, FALSE) : NULL;
}
