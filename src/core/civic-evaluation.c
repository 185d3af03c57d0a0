/* civic-evaluation.c — a citizen's rating of a service (政务服务"好差评")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-evaluation"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-evaluation-private.h"
#include "civic-json.h"
#include "civic-privacy-mask.h"

/* The record of one rating: what it rates (a case or a message) and the
 * department rated, the channel, the rating and its indicators, what the
 * citizen said, and who they are (sealed by the service, masked in the
 * feed, as a message's citizen). A bad one keeps the region's limit to
 * rectify it from the day it was given, and what happened after: the
 * return visits, the rectification, the appeal and the hall's decision. */

G_DEFINE_TYPE (CivicEvaluation, civic_evaluation, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-evaluation-error-quark, civic_evaluation_error)

const char *
civic_evaluation_state_get_label (CivicEvaluationState state)
{
  switch (state)
    {
    case CIVIC_EVALUATION_STATE_RATED: return _("Rated");
    case CIVIC_EVALUATION_STATE_RECTIFYING: return _("Being Rectified");
    case CIVIC_EVALUATION_STATE_RECTIFIED: return _("Rectified");
    case CIVIC_EVALUATION_STATE_APPEALED: return _("Appealed");
    case CIVIC_EVALUATION_STATE_EXCLUDED: return _("Excluded on Appeal");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_evaluation_channel_get_label (CivicEvaluationChannel channel)
{
  switch (channel)
    {
    case CIVIC_EVALUATION_CHANNEL_ONLINE: return _("Online");
    case CIVIC_EVALUATION_CHANNEL_ON_SITE: return _("On Site");
    case CIVIC_EVALUATION_CHANNEL_HOTLINE: return _("12345 Hotline");
    case CIVIC_EVALUATION_CHANNEL_SMS: return _("Text Message");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_evaluation_target_get_label (CivicEvaluationTarget target)
{
  switch (target)
    {
    case CIVIC_EVALUATION_TARGET_CASE: return _("Licensing case");
    case CIVIC_EVALUATION_TARGET_MESSAGE: return _("Message");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_indicator_get_label (CivicIndicator indicator)
{
  switch (indicator)
    {
    case CIVIC_INDICATOR_OVERALL: return _("Overall satisfaction");
    case CIVIC_INDICATOR_EFFICIENCY: return _("Efficiency");
    case CIVIC_INDICATOR_GUIDE_ACCURACY: return _("Accuracy of the service guide");
    case CIVIC_INDICATOR_CONVENIENCE: return _("Convenience");
    case CIVIC_INDICATOR_USABILITY: return _("Ease of use of the platform");
    case CIVIC_INDICATOR_SERVICE_LEVEL: return _("Level of service");
    case CIVIC_INDICATOR_ATTITUDE: return _("Attitude");
    default: g_return_val_if_reached ("");
    }
}

/**
 * civic_rating_get_label:
 * @rating: 1 to 5
 *
 * Returns: the level as the rating pad says it: "Very satisfied" (5)
 */
const char *
civic_rating_get_label (int rating)
{
  switch (rating)
    {
    case 5: return _("Very satisfied");
    case 4: return _("Satisfied");
    case 3: return _("Basically satisfied");
    case 2: return _("Dissatisfied");
    case 1: return _("Very dissatisfied");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_appeal_decision_get_label (CivicAppealDecision decision)
{
  switch (decision)
    {
    case CIVIC_APPEAL_DECISION_EXCLUDE: return _("Exclude: mistaken or malicious");
    case CIVIC_APPEAL_DECISION_KEEP: return _("Keep the rating");
    default: g_return_val_if_reached ("");
    }
}

/**
 * civic_indicator_is_for_channel:
 *
 * Returns: whether a rating given through @channel has @indicator: the
 * online indicators online, the on-site ones at the window; every channel
 * has the overall one
 */
gboolean
civic_indicator_is_for_channel (CivicIndicator         indicator,
                                CivicEvaluationChannel channel)
{
  gboolean on_site = channel == CIVIC_EVALUATION_CHANNEL_ON_SITE;

  switch (indicator)
    {
    case CIVIC_INDICATOR_OVERALL:
    case CIVIC_INDICATOR_EFFICIENCY:
      return TRUE;
    case CIVIC_INDICATOR_GUIDE_ACCURACY:
    case CIVIC_INDICATOR_CONVENIENCE:
    case CIVIC_INDICATOR_USABILITY:
      return !on_site;
    case CIVIC_INDICATOR_SERVICE_LEVEL:
    case CIVIC_INDICATOR_ATTITUDE:
      return on_site;
    default:
      return FALSE;
    }
}

/* The parts */

void
civic_evaluation_visit_free (CivicEvaluationVisit *visit)
{
  g_free (visit->record);
  g_free (visit->by_id);
  g_free (visit->by_name);
  g_free (visit);
}

static CivicEvaluationVisit *
visit_copy (const CivicEvaluationVisit *from)
{
  CivicEvaluationVisit *to = g_memdup2 (from, sizeof *from);

  to->record = g_strdup (from->record);
  to->by_id = g_strdup (from->by_id);
  to->by_name = g_strdup (from->by_name);
  return to;
}

void
civic_evaluation_appeal_free (CivicEvaluationAppeal *appeal)
{
  if (appeal == NULL)
    return;
  g_free (appeal->reason);
  g_free (appeal->by_id);
  g_free (appeal->by_name);
  g_free (appeal->decided_by_id);
  g_free (appeal->decided_by_name);
  g_free (appeal->decision_text);
  g_free (appeal);
}

static CivicEvaluationAppeal *
appeal_copy (const CivicEvaluationAppeal *from)
{
  CivicEvaluationAppeal *to;

  if (from == NULL)
    return NULL;
  to = g_memdup2 (from, sizeof *from);
  to->reason = g_strdup (from->reason);
  to->by_id = g_strdup (from->by_id);
  to->by_name = g_strdup (from->by_name);
  to->decided_by_id = g_strdup (from->decided_by_id);
  to->decided_by_name = g_strdup (from->decided_by_name);
  to->decision_text = g_strdup (from->decision_text);
  return to;
}

/* The record */

static void
civic_evaluation_finalize (GObject *object)
{
  CivicEvaluation *self = CIVIC_EVALUATION (object);

  g_free (self->id);
  g_free (self->target_id);
  g_free (self->department_id);
  g_free (self->comment);
  g_free (self->evaluator.name);
  g_free (self->evaluator.phone);
  g_clear_pointer (&self->rated_at, g_date_time_unref);
  g_free (self->limit.source);
  g_free (self->rectification);
  g_free (self->rectified_by_id);
  g_free (self->rectified_by_name);
  g_ptr_array_unref (self->visits);
  g_clear_pointer (&self->appeal, civic_evaluation_appeal_free);
  G_OBJECT_CLASS (civic_evaluation_parent_class)->finalize (object);
}

static void
civic_evaluation_class_init (CivicEvaluationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_evaluation_finalize;
}

static void
civic_evaluation_init (CivicEvaluation *self)
{
  self->rated_on = CIVIC_DAY_INVALID;
  self->rectified_on = CIVIC_DAY_INVALID;
  self->visits = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_evaluation_visit_free);
}

/**
 * civic_evaluation_new:
 * @department_id: (nullable): the department rated; the service's rating
 *   form names it
 *
 * Returns: (transfer full): a blank rating, which rate-service fills in
 */
CivicEvaluation *
civic_evaluation_new (const char *id,
                      const char *department_id)
{
  CivicEvaluation *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_EVALUATION, NULL);
  self->id = g_strdup (id);
  self->department_id = g_strdup (department_id);
  return self;
}

CivicEvaluation *
civic_evaluation_copy (CivicEvaluation *self)
{
  CivicEvaluation *copy;

  g_return_val_if_fail (CIVIC_IS_EVALUATION (self), NULL);

  copy = civic_evaluation_new (self->id, self->department_id);
  copy->rev = self->rev;
  copy->state = self->state;
  copy->target = self->target;
  copy->target_id = g_strdup (self->target_id);
  copy->channel = self->channel;
  copy->rating = self->rating;
  memcpy (copy->indicators, self->indicators, sizeof self->indicators);
  copy->comment = g_strdup (self->comment);
  copy->evaluator = self->evaluator;
  copy->evaluator.name = g_strdup (self->evaluator.name);
  copy->evaluator.phone = g_strdup (self->evaluator.phone);
  copy->rated_at = self->rated_at != NULL ? g_date_time_ref (self->rated_at) : NULL;
  copy->rated_on = self->rated_on;
  copy->has_limit = self->has_limit;
  copy->limit = self->limit;
  copy->limit.source = g_strdup (self->limit.source);
  copy->rectification = g_strdup (self->rectification);
  copy->rectified_on = self->rectified_on;
  copy->rectified_by_id = g_strdup (self->rectified_by_id);
  copy->rectified_by_name = g_strdup (self->rectified_by_name);
  for (guint i = 0; i < self->visits->len; i++)
    g_ptr_array_add (copy->visits, visit_copy (g_ptr_array_index (self->visits, i)));
  copy->appeal = appeal_copy (self->appeal);
  return copy;
}

#define RETURN_IF_NOT_EVALUATION(val) g_return_val_if_fail (CIVIC_IS_EVALUATION (self), (val))

const char *civic_evaluation_get_id (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (NULL); return self->id; }
gint64 civic_evaluation_get_rev (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (0); return self->rev; }

void
civic_evaluation_set_rev (CivicEvaluation *self,
                          gint64           rev)
{
  g_return_if_fail (CIVIC_IS_EVALUATION (self));
  self->rev = rev;
}

CivicEvaluationState civic_evaluation_get_state (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (0); return self->state; }
CivicEvaluationTarget civic_evaluation_get_target (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (0); return self->target; }
const char *civic_evaluation_get_target_id (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (NULL); return self->target_id; }
const char *civic_evaluation_get_department_id (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (NULL); return self->department_id; }
CivicEvaluationChannel civic_evaluation_get_channel (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (0); return self->channel; }
int civic_evaluation_get_rating (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (0); return self->rating; }
const char *civic_evaluation_get_comment (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (NULL); return self->comment; }
const CivicEvaluator *civic_evaluation_get_evaluator (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (NULL); return &self->evaluator; }
CivicDay civic_evaluation_get_rated_on (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (CIVIC_DAY_INVALID); return self->rated_on; }
CivicDay civic_evaluation_get_rectified_on (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (CIVIC_DAY_INVALID); return self->rectified_on; }
const char *civic_evaluation_get_rectification (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (NULL); return self->rectification; }
GPtrArray *civic_evaluation_get_visits (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (NULL); return self->visits; }
const CivicEvaluationAppeal *civic_evaluation_get_appeal (CivicEvaluation *self) { RETURN_IF_NOT_EVALUATION (NULL); return self->appeal; }

/**
 * civic_evaluation_get_indicator:
 *
 * Returns: the indicator's score, 1 to 5, or 0 when the citizen gave none
 */
int
civic_evaluation_get_indicator (CivicEvaluation *self,
                                CivicIndicator   indicator)
{
  RETURN_IF_NOT_EVALUATION (0);
  g_return_val_if_fail ((guint) indicator < CIVIC_N_INDICATORS, 0);
  return self->indicators[indicator];
}

/**
 * civic_evaluation_is_bad:
 *
 * Returns: whether it is a bad rating (差评): dissatisfied or worse
 */
gboolean
civic_evaluation_is_bad (CivicEvaluation *self)
{
  RETURN_IF_NOT_EVALUATION (FALSE);
  return self->rating >= CIVIC_RATING_MIN && self->rating <= CIVIC_RATING_BAD_MAX;
}

/**
 * civic_evaluation_is_counted:
 *
 * Returns: whether the department's public indicators count it: every
 * rating but one the hall excluded on appeal
 */
gboolean
civic_evaluation_is_counted (CivicEvaluation *self)
{
  RETURN_IF_NOT_EVALUATION (FALSE);
  return self->state != CIVIC_EVALUATION_STATE_EXCLUDED && self->rating >= CIVIC_RATING_MIN;
}

/**
 * civic_evaluation_dup_clock:
 *
 * Returns: (transfer full) (nullable): a bad rating's time to rectify it,
 * from the day it was given under the region's limit, done the day it
 * was rectified; %NULL for a good one or one without its limit yet
 */
CivicClock *
civic_evaluation_dup_clock (CivicEvaluation *self)
{
  CivicClock *clock;

  RETURN_IF_NOT_EVALUATION (NULL);

  if (!civic_evaluation_is_bad (self) || !self->has_limit || self->rated_on == CIVIC_DAY_INVALID)
    return NULL;
  clock = civic_clock_new (CIVIC_CLOCK_KIND_RECTIFICATION, CIVIC_CLOCK_TRIGGER_RATED,
                           self->rated_on, self->limit.unit, self->limit.limit,
                           self->limit.source);
  if (self->rectified_on != CIVIC_DAY_INVALID)
    civic_clock_complete (clock, self->rectified_on, NULL);
  return clock;
}

/**
 * civic_evaluation_summarize:
 *
 * Returns: (transfer full): what the lists show and sort by: the target,
 * department, channel, rating, state, the rectification's due day,
 * status and days left or overdue (none for a good rating)
 */
JsonNode *
civic_evaluation_summarize (CivicEvaluation *self,
                            CivicCalendar   *calendar,
                            CivicDay         today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(CivicClock) clock = NULL;
  g_autoptr(CivicClockReading) reading = NULL;

  RETURN_IF_NOT_EVALUATION (NULL);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);

  clock = civic_evaluation_dup_clock (self);
  /* An appeal stops nothing, but what the hall excluded is owed nothing */
  if (clock != NULL && self->state != CIVIC_EVALUATION_STATE_EXCLUDED)
    reading = civic_clock_read (clock, calendar, today, NULL);

  json_builder_begin_object (builder);
  civic_json_set_enum (builder, "target", CIVIC_TYPE_EVALUATION_TARGET, self->target);
  civic_json_set_string (builder, "target_id", self->target_id);
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_enum (builder, "channel", CIVIC_TYPE_EVALUATION_CHANNEL, self->channel);
  civic_json_set_int (builder, "rating", self->rating);
  civic_json_set_bool (builder, "bad", civic_evaluation_is_bad (self));
  civic_json_set_enum (builder, "state", CIVIC_TYPE_EVALUATION_STATE, self->state);
  civic_json_set_day (builder, "rated_on", self->rated_on);
  civic_json_set_day (builder, "due", reading != NULL ? reading->due : CIVIC_DAY_INVALID);
  civic_json_set_string (builder, "status",
                         reading != NULL ? civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS,
                                                               reading->status) : "none");
  civic_json_set_int (builder, "remaining", reading != NULL ? reading->remaining : 0);
  civic_json_set_int (builder, "overdue", reading != NULL ? reading->overdue : 0);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The wire format */

static void
write_by (JsonBuilder *builder,
          const char  *prefix,
          const char  *id,
          const char  *name)
{
  g_autofree char *id_member = g_strconcat (prefix, "_id", NULL);
  g_autofree char *name_member = g_strconcat (prefix, "_name", NULL);

  civic_json_set_string (builder, id_member, id);
  civic_json_set_string (builder, name_member, name);
}

JsonNode *
civic_evaluation_to_json (CivicEvaluation *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  RETURN_IF_NOT_EVALUATION (NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_int (builder, "rev", self->rev);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_EVALUATION_STATE, self->state);
  civic_json_set_enum (builder, "target", CIVIC_TYPE_EVALUATION_TARGET, self->target);
  civic_json_set_string (builder, "target_id", self->target_id);
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_enum (builder, "channel", CIVIC_TYPE_EVALUATION_CHANNEL, self->channel);
  civic_json_set_int (builder, "rating", self->rating);
  json_builder_set_member_name (builder, "indicators");
  json_builder_begin_object (builder);
  for (guint i = 0; i < CIVIC_N_INDICATORS; i++)
    if (self->indicators[i] != CIVIC_INDICATOR_NONE)
      civic_json_set_int (builder, civic_enum_to_nick (CIVIC_TYPE_INDICATOR, i),
                          self->indicators[i]);
  json_builder_end_object (builder);
  civic_json_set_string (builder, "comment", self->comment);
  json_builder_set_member_name (builder, "evaluator");
  json_builder_begin_object (builder);
  civic_json_set_bool (builder, "anonymous", self->evaluator.anonymous);
  civic_json_set_string (builder, "name", self->evaluator.name);
  civic_json_set_string (builder, "phone", self->evaluator.phone);
  civic_json_set_bool (builder, "masked", self->evaluator.masked);
  json_builder_end_object (builder);
  if (self->rated_at != NULL)
    civic_json_set_instant (builder, "rated_at", self->rated_at);
  civic_json_set_day (builder, "rated_on", self->rated_on);
  json_builder_set_member_name (builder, "limit");
  if (self->has_limit)
    {
      json_builder_begin_object (builder);
      civic_json_set_int (builder, "limit", self->limit.limit);
      civic_json_set_enum (builder, "unit", CIVIC_TYPE_CLOCK_UNIT, self->limit.unit);
      civic_json_set_string (builder, "source", self->limit.source);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  civic_json_set_string (builder, "rectification", self->rectification);
  civic_json_set_day (builder, "rectified_on", self->rectified_on);
  write_by (builder, "rectified_by", self->rectified_by_id, self->rectified_by_name);
  json_builder_set_member_name (builder, "visits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->visits->len; i++)
    {
      const CivicEvaluationVisit *visit = g_ptr_array_index (self->visits, i);

      json_builder_begin_object (builder);
      civic_json_set_day (builder, "on", visit->on);
      civic_json_set_enum (builder, "channel", CIVIC_TYPE_MESSAGE_VISIT_CHANNEL, visit->channel);
      civic_json_set_enum (builder, "satisfaction", CIVIC_TYPE_MESSAGE_SATISFACTION,
                           visit->satisfaction);
      civic_json_set_string (builder, "record", visit->record);
      write_by (builder, "by", visit->by_id, visit->by_name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "appeal");
  if (self->appeal != NULL)
    {
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "reason", self->appeal->reason);
      civic_json_set_day (builder, "on", self->appeal->on);
      write_by (builder, "by", self->appeal->by_id, self->appeal->by_name);
      civic_json_set_enum (builder, "result", CIVIC_TYPE_APPEAL_RESULT, self->appeal->result);
      civic_json_set_day (builder, "decided_on", self->appeal->decided_on);
      write_by (builder, "decided_by", self->appeal->decided_by_id, self->appeal->decided_by_name);
      civic_json_set_string (builder, "decision_text", self->appeal->decision_text);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, CIVIC_EVALUATION_ERROR, CIVIC_EVALUATION_ERROR_INVALID,
                 _("The rating is not valid: %s"), what);
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

static gboolean
dup_by (JsonObject  *object,
        const char  *prefix,
        char       **id,
        char       **name,
        GError     **error)
{
  g_autofree char *id_member = g_strconcat (prefix, "_id", NULL);
  g_autofree char *name_member = g_strconcat (prefix, "_name", NULL);

  return dup_string (object, id_member, FALSE, id, error) &&
         dup_string (object, name_member, FALSE, name, error);
}

static gboolean
read_rest (CivicEvaluation  *self,
           JsonObject       *object,
           GError          **error)
{
  JsonObject *indicators = NULL, *evaluator = NULL, *limit = NULL, *appeal = NULL;
  JsonArray *visits = NULL;
  gint64 rating = 0;
  int state = 0, target = 0, channel = 0;

  if (!civic_json_get_enum (object, "state", TRUE, CIVIC_TYPE_EVALUATION_STATE, &state, error) ||
      !civic_json_get_enum (object, "target", TRUE, CIVIC_TYPE_EVALUATION_TARGET, &target,
                            error) ||
      !dup_string (object, "target_id", TRUE, &self->target_id, error) ||
      !civic_json_get_enum (object, "channel", TRUE, CIVIC_TYPE_EVALUATION_CHANNEL, &channel,
                            error) ||
      !civic_json_get_int (object, "rating", TRUE, CIVIC_RATING_MIN, CIVIC_RATING_MAX, &rating,
                           error) ||
      !civic_json_get_object (object, "indicators", FALSE, &indicators, error) ||
      !dup_string (object, "comment", FALSE, &self->comment, error) ||
      !civic_json_get_object (object, "evaluator", TRUE, &evaluator, error) ||
      !civic_json_get_bool (evaluator, "anonymous", FALSE, &self->evaluator.anonymous, error) ||
      !dup_string (evaluator, "name", FALSE, &self->evaluator.name, error) ||
      !dup_string (evaluator, "phone", FALSE, &self->evaluator.phone, error) ||
      !civic_json_get_bool (evaluator, "masked", FALSE, &self->evaluator.masked, error) ||
      !civic_json_get_instant (object, "rated_at", FALSE, &self->rated_at, error) ||
      !civic_json_get_day (object, "rated_on", TRUE, &self->rated_on, error) ||
      !civic_json_get_object (object, "limit", FALSE, &limit, error) ||
      !dup_string (object, "rectification", FALSE, &self->rectification, error) ||
      !civic_json_get_day (object, "rectified_on", FALSE, &self->rectified_on, error) ||
      !dup_by (object, "rectified_by", &self->rectified_by_id, &self->rectified_by_name, error) ||
      !civic_json_get_array (object, "visits", FALSE, &visits, error) ||
      !civic_json_get_object (object, "appeal", FALSE, &appeal, error))
    return FALSE;
  self->state = state;
  self->target = target;
  self->channel = channel;
  self->rating = (int) rating;

  for (guint i = 0; i < CIVIC_N_INDICATORS && indicators != NULL; i++)
    {
      const char *nick = civic_enum_to_nick (CIVIC_TYPE_INDICATOR, i);
      gint64 score = 0;

      if (!civic_json_get_int (indicators, nick, FALSE, CIVIC_RATING_MIN, CIVIC_RATING_MAX,
                               &score, error))
        return FALSE;
      self->indicators[i] = (int) score;
    }
  if (limit != NULL)
    {
      gint64 length = 0;
      int unit = 0;

      if (!civic_json_get_int (limit, "limit", TRUE, 1, CIVIC_MESSAGE_LIMIT_MAX, &length, error) ||
          !civic_json_get_enum (limit, "unit", TRUE, CIVIC_TYPE_CLOCK_UNIT, &unit, error) ||
          !dup_string (limit, "source", FALSE, &self->limit.source, error))
        return FALSE;
      self->has_limit = TRUE;
      self->limit.limit = (int) length;
      self->limit.unit = unit;
      self->limit.from = CIVIC_MESSAGE_CLOCK_FROM_RATED;
    }
  for (guint i = 0; visits != NULL && i < json_array_get_length (visits); i++)
    {
      JsonObject *item = civic_json_array_lookup_object (visits, i);
      CivicEvaluationVisit *visit = g_new0 (CivicEvaluationVisit, 1);
      int visit_channel = 0, satisfaction = 0;

      g_ptr_array_add (self->visits, visit);
      if (item == NULL)
        return invalid (error, "visits");
      if (!civic_json_get_day (item, "on", TRUE, &visit->on, error) ||
          !civic_json_get_enum (item, "channel", TRUE, CIVIC_TYPE_MESSAGE_VISIT_CHANNEL,
                                &visit_channel, error) ||
          !civic_json_get_enum (item, "satisfaction", TRUE, CIVIC_TYPE_MESSAGE_SATISFACTION,
                                &satisfaction, error) ||
          !dup_string (item, "record", TRUE, &visit->record, error) ||
          !dup_by (item, "by", &visit->by_id, &visit->by_name, error))
        return FALSE;
      visit->channel = visit_channel;
      visit->satisfaction = satisfaction;
    }
  if (appeal != NULL)
    {
      int result = 0;

      self->appeal = g_new0 (CivicEvaluationAppeal, 1);
      self->appeal->decided_on = CIVIC_DAY_INVALID;
      if (!dup_string (appeal, "reason", TRUE, &self->appeal->reason, error) ||
          !civic_json_get_day (appeal, "on", TRUE, &self->appeal->on, error) ||
          !dup_by (appeal, "by", &self->appeal->by_id, &self->appeal->by_name, error) ||
          !civic_json_get_enum (appeal, "result", TRUE, CIVIC_TYPE_APPEAL_RESULT, &result,
                                error) ||
          !civic_json_get_day (appeal, "decided_on", FALSE, &self->appeal->decided_on, error) ||
          !dup_by (appeal, "decided_by", &self->appeal->decided_by_id,
                   &self->appeal->decided_by_name, error) ||
          !dup_string (appeal, "decision_text", FALSE, &self->appeal->decision_text, error))
        return FALSE;
      self->appeal->result = result;
    }

  /* What the commands keep together stays together */
  if ((self->state == CIVIC_EVALUATION_STATE_RECTIFYING ||
       self->state == CIVIC_EVALUATION_STATE_RECTIFIED ||
       self->state == CIVIC_EVALUATION_STATE_APPEALED) && !civic_evaluation_is_bad (self))
    return invalid (error, "state");
  if ((self->state == CIVIC_EVALUATION_STATE_RECTIFIED) != (self->rectified_on != CIVIC_DAY_INVALID))
    return invalid (error, "rectified_on");
  if ((self->state == CIVIC_EVALUATION_STATE_APPEALED ||
       self->state == CIVIC_EVALUATION_STATE_EXCLUDED) && self->appeal == NULL)
    return invalid (error, "appeal");
  return TRUE;
}

/**
 * civic_evaluation_new_from_json:
 *
 * Returns: (transfer full) (nullable): the rating, or %NULL with @error
 */
CivicEvaluation *
civic_evaluation_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(CivicEvaluation) self = NULL;
  JsonObject *object;
  const char *id = NULL, *department = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "not an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", TRUE, &id, error) ||
      !civic_json_get_string (object, "department_id", TRUE, &department, error))
    return NULL;
  self = civic_evaluation_new (id, department);
  if (!civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &self->rev, error) ||
      !read_rest (self, object, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Personal data: the evaluator's name and phone, as a message's citizen */

static const char * const personal_arguments[] = { "evaluator_name", "phone" };

gboolean
civic_evaluation_is_personal_argument (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (personal_arguments); i++)
    if (g_strcmp0 (member, personal_arguments[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * civic_evaluation_to_feed_json:
 *
 * Returns: (transfer full): the rating as the feed sends it: its
 * evaluator masked, with its summary for @today as the member "summary"
 */
char *
civic_evaluation_to_feed_json (CivicEvaluation *self,
                               CivicCalendar   *calendar,
                               CivicDay         today)
{
  g_autoptr(CivicEvaluation) masked = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *summary_text = NULL;
  gsize length;

  RETURN_IF_NOT_EVALUATION (NULL);

  masked = civic_evaluation_copy (self);
  if (!masked->evaluator.masked)
    {
      char *name = civic_privacy_mask_name (masked->evaluator.name);
      char *phone = civic_privacy_mask_phone (masked->evaluator.phone);

      g_free (masked->evaluator.name);
      g_free (masked->evaluator.phone);
      masked->evaluator.name = name;
      masked->evaluator.phone = phone;
      masked->evaluator.masked = TRUE;
    }
  node = civic_evaluation_to_json (masked);
  summary = civic_evaluation_summarize (masked, calendar, today);
  body = civic_json_to_string (node, FALSE);
  summary_text = civic_json_to_string (summary, FALSE);
  length = strlen (body);
  g_assert (length >= 2 && body[length - 1] == '}');
  body[length - 1] = '\0';
  return g_strconcat (body, ",\"summary\":", summary_text, "}", NULL);
}

/**
 * civic_evaluation_dup_personal:
 *
 * Returns: (transfer full): {"of", "evaluator": {name, phone}}, for the
 * service to keep sealed; "of" names the rating
 */
JsonNode *
civic_evaluation_dup_personal (CivicEvaluation *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *of = NULL;

  RETURN_IF_NOT_EVALUATION (NULL);
  g_return_val_if_fail (!self->evaluator.masked, NULL);

  of = g_strconcat (CIVIC_ENTITY_EVALUATION, "/", self->id, NULL);
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "of", of);
  json_builder_set_member_name (builder, "evaluator");
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "name", self->evaluator.name);
  civic_json_set_string (builder, "phone", self->evaluator.phone);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_evaluation_restore_personal:
 *
 * Puts the evaluator back into a rating read from the feed's masked form;
 * nothing changes when @personal is not this rating's.
 */
gboolean
civic_evaluation_restore_personal (CivicEvaluation  *self,
                                   JsonNode         *personal,
                                   GError          **error)
{
  g_autofree char *of = NULL;
  JsonObject *object, *evaluator = NULL;
  const char *stated = NULL, *name = NULL, *phone = NULL;

  RETURN_IF_NOT_EVALUATION (FALSE);

  if (personal == NULL || !JSON_NODE_HOLDS_OBJECT (personal))
    return invalid (error, "personal data");
  object = json_node_get_object (personal);
  of = g_strconcat (CIVIC_ENTITY_EVALUATION, "/", self->id, NULL);
  if (!civic_json_get_string (object, "of", TRUE, &stated, NULL) || strcmp (stated, of) != 0)
    return invalid (error, "personal data of another record");
  if (!civic_json_get_object (object, "evaluator", TRUE, &evaluator, error) ||
      !civic_json_get_string (evaluator, "name", FALSE, &name, error) ||
      !civic_json_get_string (evaluator, "phone", FALSE, &phone, error))
    return FALSE;
  g_free (self->evaluator.name);
  self->evaluator.name = g_strdup (name);
  g_free (self->evaluator.phone);
  self->evaluator.phone = g_strdup (phone);
  self->evaluator.masked = FALSE;
  return TRUE;
}
