/* civic-evaluation-records.c — citizens' ratings as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-evaluation-records"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-commands.h"
#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-evaluation-kind.h"
#include "civic-evaluation-records.h"
#include "civic-json.h"
#include "civic-policy.h"
#include "civic-server-db.h"
#include "civic-supervision-records.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A rating is kept like a message: as the feed publishes it, the
 * evaluator masked, scoped to the department rated and the hall's
 * dispatchers; the evaluator sealed in `evaluation_personal`; in
 * `evaluation_record` what the public indicators are counted from —
 * never who rated, never what they said. A citizen rates the matter they
 * hold the receipt of, once. */

CivicEvaluation *
civic_evaluation_records_load (CivicDb      *db,
                               const char   *id,
                               GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) personal = NULL;
  g_autoptr(CivicEvaluation) evaluation = NULL;
  g_autofree char *sealed = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT p.sealed, e.data FROM evaluation_record r "
                               "JOIN evaluation_personal p ON p.id = r.id "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_EVALUATION "' "
                               "  AND e.id = r.id "
                               "WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    {
      sealed = g_strdup (civic_db_column_text (stmt, 0));
      node = civic_json_parse (civic_db_column_text (stmt, 1), -1, error);
    }
  civic_db_reset (stmt);
  if (node == NULL)
    return NULL;

  evaluation = civic_evaluation_new_from_json (node, error);
  if (evaluation == NULL || !(personal = civic_server_db_unseal_json (db, sealed, error)) ||
      !civic_evaluation_restore_personal (evaluation, personal, error))
    return NULL;
  return g_steal_pointer (&evaluation);
}

gint64
civic_evaluation_records_save (CivicDb         *db,
                               CivicEvaluation *evaluation,
                               CivicCalendar   *calendar,
                               CivicDay         today,
                               GError         **error)
{
  g_autoptr(JsonNode) personal = civic_evaluation_dup_personal (evaluation);
  g_autofree char *feed = civic_evaluation_to_feed_json (evaluation, calendar, today);
  g_autofree char *rated_on = civic_day_format (civic_evaluation_get_rated_on (evaluation));
  g_autofree char *sealed = NULL;
  const char *id = civic_evaluation_get_id (evaluation);
  const char *scope[] = { civic_evaluation_get_department_id (evaluation), CIVIC_SCOPE_DISPATCH,
                          NULL };
  CivicDbStmt *stmt;

  sealed = civic_server_db_seal_json (db, personal, error);
  if (sealed == NULL)
    return 0;

  stmt = civic_db_prepare (db, "INSERT INTO evaluation_record (id, department_id, target, "
                               "  target_id, channel, rating, state, rated_on, counted) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                               "ON CONFLICT (id) DO UPDATE SET state = excluded.state, "
                               "  counted = excluded.counted",
                           error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_text (stmt, 2, civic_evaluation_get_department_id (evaluation));
  civic_db_bind_text (stmt, 3, civic_enum_to_nick (CIVIC_TYPE_EVALUATION_TARGET,
                                                        civic_evaluation_get_target (evaluation)));
  civic_db_bind_text (stmt, 4, civic_evaluation_get_target_id (evaluation));
  civic_db_bind_text (stmt, 5, civic_enum_to_nick (CIVIC_TYPE_EVALUATION_CHANNEL,
                                                        civic_evaluation_get_channel (evaluation)));
  civic_db_bind_int (stmt, 6, civic_evaluation_get_rating (evaluation));
  civic_db_bind_text (stmt, 7, civic_enum_to_nick (CIVIC_TYPE_EVALUATION_STATE,
                                                        civic_evaluation_get_state (evaluation)));
  civic_db_bind_text (stmt, 8, rated_on);
  civic_db_bind_int (stmt, 9, civic_evaluation_is_counted (evaluation));
  if (!civic_db_run (db, stmt, error))
    return 0;

  stmt = civic_db_prepare (db, "INSERT INTO evaluation_personal (id, sealed) VALUES (?, ?) "
                               "ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed",
                           error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_text (stmt, 2, sealed);
  if (!civic_db_run (db, stmt, error))
    return 0;

  if (!civic_supervision_track (db, &civic_evaluation_kind, G_OBJECT (evaluation), calendar, today, error))
    return 0;

  return civic_server_db_put_entity_text (db, CIVIC_ENTITY_EVALUATION, id,
                                          civic_evaluation_get_rev (evaluation), feed, scope,
                                          error);
}

/* The rated record is one the service keeps, of the department rated; a
 * message is rated once it was answered */
static gboolean
check_target (CivicDb          *db,
              CivicEvaluation  *evaluation,
              GError          **error)
{
  gboolean message = civic_evaluation_get_target (evaluation) == CIVIC_EVALUATION_TARGET_MESSAGE;
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, message ? CIVIC_ENTITY_MESSAGE
                                                                          : CIVIC_ENTITY_CASE,
                                                              civic_evaluation_get_target_id (
                                                                evaluation), &local);
  JsonObject *object;
  const char *state;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (object == NULL ||
      g_strcmp0 (civic_json_lookup_string (object, "department_id", NULL),
                 civic_evaluation_get_department_id (evaluation)) != 0)
    {
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The department rated has no such %s"),
                   civic_evaluation_target_get_label (civic_evaluation_get_target (evaluation)));
      return FALSE;
    }
  state = civic_json_lookup_string (object, "state", "");
  if (message && !g_str_equal (state, "replied") && !g_str_equal (state, "closed") &&
      !g_str_equal (state, "reopened"))
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE,
                           _("A message is rated once it has been answered"));
      return FALSE;
    }
  return TRUE;
}

/* One rating of a matter through each channel (一事一评): whether
 * @target_id was rated through @channel already */
static gboolean
rated_already (CivicDb      *db,
               const char   *target,
               const char   *target_id,
               const char   *channel,
               gboolean     *rated,
               GError      **error)
{
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "SELECT 1 FROM evaluation_record "
                               "WHERE target = ? AND target_id = ? AND channel = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, target);
  civic_db_bind_text (stmt, 2, target_id);
  civic_db_bind_text (stmt, 3, channel);
  if (!civic_db_step (db, stmt, rated, error))
    return FALSE;
  civic_db_reset (stmt);
  return TRUE;
}

static gboolean
store_finish (CivicDb        *db,
              GObject        *record,
              guint           action,
              const char     *command_id,
              CivicCalendar  *calendar,
              GDateTime      *now,
              const char     *public_url,
              GError        **error)
{
  CivicEvaluation *evaluation = CIVIC_EVALUATION (record);
  gboolean rated = FALSE;

  if (action != CIVIC_EVALUATION_ACTION_RATE)
    return TRUE;
  if (!check_target (db, evaluation, error))
    return FALSE;
  /* Checked in the command's transaction, so two at once are one */
  if (!rated_already (db, civic_enum_to_nick (CIVIC_TYPE_EVALUATION_TARGET,
                                              civic_evaluation_get_target (evaluation)),
                      civic_evaluation_get_target_id (evaluation),
                      civic_enum_to_nick (CIVIC_TYPE_EVALUATION_CHANNEL,
                                          civic_evaluation_get_channel (evaluation)),
                      &rated, error))
    return FALSE;
  if (rated)
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE,
                           _("This matter has been rated already"));
      return FALSE;
    }
  return TRUE;
}

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  return G_OBJECT (civic_evaluation_records_load (db, id, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  return civic_evaluation_records_save (db, CIVIC_EVALUATION (record), calendar, today, error);
}

/* Who acts on a rating: the department rated and the hall; the
 * supervisor reads it and changes nothing */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  const char *department = civic_evaluation_get_department_id (CIVIC_EVALUATION (record));

  if (civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM))
    return TRUE;
  if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("Supervisors can read every rating but change none"));
      return FALSE;
    }
  if (civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER))
    return TRUE;
  if (civic_evaluation_get_rev (CIVIC_EVALUATION (record)) == 0 &&
      civic_evaluation_get_rated_on (CIVIC_EVALUATION (record)) == CIVIC_DAY_INVALID)
    return TRUE;
  if (department == NULL || g_strcmp0 (actor->department_id, department) != 0)
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such rating"));
      return FALSE;
    }
  return TRUE;
}

const CivicRecordStore civic_evaluation_store = {
  .kind = &civic_evaluation_kind,
  .not_found = N_("There is no such rating"),
  .stale = N_("The rating changed (revision %" PRId64 ", you saw %" PRId64 "); look at it "
              "again before you act"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
};

/* The public side */

/* What a receipt names: a message's or an application's, with its
 * department */
static gboolean
find_by_receipt (CivicDb       *db,
                 const char    *receipt,
                 const char   **target,
                 char         **id,
                 char         **department,
                 GError       **error)
{
  static const struct
  {
    const char *target;
    const char *sql;
  } tables[] = {
    { "message", "SELECT id, department_id FROM message_record WHERE receipt = ?" },
    { "case", "SELECT id, department_id FROM case_record WHERE receipt = ?" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      CivicDbStmt *stmt = civic_db_prepare (db, tables[i].sql, error);
      gboolean row;

      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, receipt);
      if (!civic_db_step (db, stmt, &row, error))
        return FALSE;
      if (row)
        {
          *target = tables[i].target;
          *id = g_strdup (civic_db_column_text (stmt, 0));
          *department = g_strdup (civic_db_column_text (stmt, 1));
        }
      civic_db_reset (stmt);
      if (row)
        return TRUE;
    }
  return TRUE;
}

/**
 * civic_evaluation_records_submit:
 * @status: (out): the HTTP status to answer with
 *
 * A citizen's rating of the matter they hold the receipt of, from the
 * portal or an app: once per matter (一事一评), rated by the service
 * itself, today.
 *
 * Returns: (transfer full) (nullable): {rating, bad, state, due_on}
 */
char *
civic_evaluation_records_submit (CivicDb        *db,
                                 CivicCalendar  *calendar,
                                 GDateTime      *now,
                                 JsonNode       *body,
                                 const char     *address,
                                 guint          *status,
                                 GError        **error)
{
  static const char * const passed[] = {
    "rating", "overall", "efficiency", "guide_accuracy", "convenience", "usability", "comment",
    "anonymous", NULL
  };
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *command_id = g_uuid_string_random ();
  g_autofree char *id = NULL;
  g_autofree char *department = NULL;
  g_autofree char *today = civic_day_format (civic_time_day_of (now));
  CivicCommandEnv env = { db, calendar, now, address, NULL };
  JsonObject *object, *summary;
  const char *receipt = NULL, *target = NULL, *name = NULL, *phone = NULL;
  GList *members;
  gboolean rated;

  *status = 400;
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                           _("Expected a JSON object"));
      return NULL;
    }
  object = json_node_get_object (body);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (g_strv_contains (passed, l->data))
      json_object_set_member (args, l->data,
                              json_node_copy (json_object_get_member (object, l->data)));
    else if (!g_str_equal (l->data, "receipt") && !g_str_equal (l->data, "name") &&
             !g_str_equal (l->data, "phone"))
      {
        g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                     _("“%s” is not part of a rating"), (const char *) l->data);
        g_list_free (members);
        return NULL;
      }
  g_list_free (members);

  if (!civic_json_get_text (object, "receipt", TRUE, &receipt, error) ||
      !civic_json_get_string (object, "name", FALSE, &name, error) ||
      !civic_json_get_string (object, "phone", FALSE, &phone, error))
    return NULL;
  *status = 500;
  if (!find_by_receipt (db, receipt, &target, &id, &department, error))
    return NULL;
  *status = 400;
  if (id == NULL)
    {
      *status = 404;
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                           _("Nothing has this receipt"));
      return NULL;
    }

  /* Once per matter: answered at once here; the command checks again in
   * its transaction */
  *status = 500;
  if (!rated_already (db, target, id, "online", &rated, error))
    return NULL;
  if (rated)
    {
      *status = 409;
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE,
                           _("This matter has been rated already"));
      return NULL;
    }
  *status = 400;

  json_object_set_string_member (args, "target", target);
  json_object_set_string_member (args, "target_id", id);
  json_object_set_string_member (args, "department_id", department);
  json_object_set_string_member (args, "channel", "online");
  json_object_set_string_member (args, "rated_on", today);
  if (name != NULL)
    json_object_set_string_member (args, "evaluator_name", name);
  if (phone != NULL)
    json_object_set_string_member (args, "phone", phone);

  data = civic_commands_run_as_service (&env, command_id, civic_evaluation_kind.action_to_string (
                                                          CIVIC_EVALUATION_ACTION_RATE),
                                        command_id, args, &refusal, error);
  if (data == NULL)
    {
      *status = refusal != NULL ? 400 : 500;
      if (refusal != NULL)
        g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT, refusal);
      return NULL;
    }
  summary = civic_json_lookup_object (data, "summary");
  *status = 201;
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) node = NULL;

    json_builder_begin_object (builder);
    civic_json_set_int (builder, "rating", json_object_get_int_member (data, "rating"));
    civic_json_set_bool (builder, "bad", summary != NULL &&
                                         json_object_get_boolean_member_with_default (summary,
                                                                                      "bad",
                                                                                      FALSE));
    civic_json_set_string (builder, "state", json_object_get_string_member (data, "state"));
    civic_json_set_string (builder, "due_on", summary != NULL
                           ? json_object_get_string_member_with_default (summary, "due", NULL)
                           : NULL);
    json_builder_end_object (builder);
    node = json_builder_get_root (builder);
    return civic_json_to_string (node, FALSE);
  }
}

/* A department's public indicators (国办发〔2019〕51号: results and
 * rectification made public), from the ratings counted: those the hall
 * excluded on appeal are not */
static gboolean
count_ratings (CivicDb                *db,
               const char             *department,
               CivicRatingIndicators  *out,
               GError                **error)
{
  CivicDbStmt *stmt;
  gboolean row;

  memset (out, 0, sizeof *out);
  stmt = civic_db_prepare (db, "SELECT rating, state, count(*) FROM evaluation_record "
                               "WHERE department_id = ? AND counted = 1 "
                               "GROUP BY rating, state", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, department);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      int rating = civic_db_column_int (stmt, 0);
      const char *state = civic_db_column_text (stmt, 1);
      gint64 n = civic_db_column_int64 (stmt, 2);

      if (rating < CIVIC_RATING_MIN || rating > CIVIC_RATING_MAX)
        continue;
      out->levels[rating] += n;
      out->total += n;
      out->good += rating >= 4 ? n : 0;
      out->bad += rating <= CIVIC_RATING_BAD_MAX ? n : 0;
      out->rectified += rating <= CIVIC_RATING_BAD_MAX && g_strcmp0 (state, "rectified") == 0
                        ? n : 0;
    }
  civic_db_reset (stmt);
  return error == NULL || *error == NULL;
}

/**
 * civic_evaluation_records_indicators:
 * @departments: (out) (transfer full) (element-type utf8): the departments
 *   rated, by id
 * @indicators: (out) (transfer full) (element-type CivicRatingIndicators):
 *   theirs, in the same order
 *
 * The public indicators of every department rated.
 */
gboolean
civic_evaluation_records_indicators (CivicDb      *db,
                                     GPtrArray   **departments,
                                     GArray      **indicators,
                                     GError      **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (CivicRatingIndicators));
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT DISTINCT department_id FROM evaluation_record "
                               "WHERE counted = 1 ORDER BY department_id", error);
  if (stmt == NULL)
    return FALSE;
  while (civic_db_step (db, stmt, &row, error) && row)
    g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;
  g_array_set_size (all, ids->len);
  for (guint i = 0; i < ids->len; i++)
    if (!count_ratings (db, g_ptr_array_index (ids, i),
                        &g_array_index (all, CivicRatingIndicators, i), error))
      return FALSE;
  *departments = g_steal_pointer (&ids);
  *indicators = g_steal_pointer (&all);
  return TRUE;
}

/**
 * civic_evaluation_records_rated:
 * @rated: (out): whether the citizen rated the message online already
 */
gboolean
civic_evaluation_records_rated (CivicDb      *db,
                                const char   *message_id,
                                gboolean     *rated,
                                GError      **error)
{
  return rated_already (db, "message", message_id, "online", rated, error);
}

/**
 * civic_evaluation_records_ratings:
 * @department: the department whose indicators are asked for
 *
 * The public indicators of a department (国办发〔2019〕51号: results and
 * rectification made public): ratings by level, the share good
 * (satisfied or better) and bad, and the share of bad ones rectified;
 * those the hall excluded on appeal are not counted.
 *
 * Returns: (transfer full) (nullable): the indicators, or %NULL without
 * error for a department the service does not know
 */
char *
civic_evaluation_records_ratings (CivicDb      *db,
                                  const char   *department,
                                  GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) known = NULL;
  g_autoptr(GError) local = NULL;
  CivicRatingIndicators counts;

  known = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, department, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (known == NULL)
    return NULL;
  if (!count_ratings (db, department, &counts, error))
    return NULL;

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "department", department);
  civic_json_set_int (builder, "total", counts.total);
  json_builder_set_member_name (builder, "by_level");
  json_builder_begin_object (builder);
  for (int level = CIVIC_RATING_MAX; level >= CIVIC_RATING_MIN; level--)
    {
      g_autofree char *key = g_strdup_printf ("%d", level);

      civic_json_set_int (builder, key, counts.levels[level]);
    }
  json_builder_end_object (builder);
  civic_json_set_int (builder, "good", counts.good);
  civic_json_set_int (builder, "bad", counts.bad);
  civic_json_set_int (builder, "rectified", counts.rectified);
  json_builder_set_member_name (builder, "good_share");
  json_builder_add_double_value (builder, counts.total > 0
                                          ? (double) counts.good / (double) counts.total : 0.0);
  json_builder_set_member_name (builder, "rectified_share");
  json_builder_add_double_value (builder, counts.bad > 0
                                          ? (double) counts.rectified / (double) counts.bad
                                          : 0.0);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return civic_json_to_string (node, FALSE);
}
