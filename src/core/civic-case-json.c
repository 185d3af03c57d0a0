/* civic-case-json.c — a case as the feed, the ledger and the cache carry it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-case"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-case-private.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-privacy-mask.h"

/* JSON round-trips a case exactly: every member written is read back, so
 * the copy the workflow changes (civic_case_copy) is the case. The masked
 * form hides the applicant's personal data, as the feed sends it; the
 * summary is the flat record the inbox sorts and colours by. */

/* Wire format: writing */

static void
set_clock (JsonBuilder *builder,
           const char  *member,
           CivicClock  *clock)
{
  json_builder_set_member_name (builder, member);
  if (clock == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_value (builder, civic_clock_to_json (clock));
}

/**
 * civic_applicant_to_json:
 *
 * Returns: (transfer full): the applicant as written in a case; the
 * service also keeps the unmasked applicant apart in this form.
 */
JsonNode *
civic_applicant_to_json (const CivicApplicant *applicant)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (applicant != NULL, NULL);

  json_builder_begin_object (builder);
  civic_json_set_enum (builder, "kind", CIVIC_TYPE_APPLICANT_KIND, applicant->kind);
  civic_json_set_string (builder, "name", applicant->name);
  civic_json_set_string (builder, "id_number", applicant->id_number);
  civic_json_set_string (builder, "phone", applicant->phone);
  civic_json_set_string (builder, "address", applicant->address);
  civic_json_set_string (builder, "contact", applicant->contact);
  civic_json_set_bool (builder, "masked", applicant->masked);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
write_records (JsonBuilder *builder,
               CivicCase   *self,
               gboolean     masked)
{
  json_builder_set_member_name (builder, "materials");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->materials->len; i++)
    {
      CivicMaterial *material = g_ptr_array_index (self->materials, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "id", material->id);
      civic_json_set_string (builder, "name", material->name);
      civic_json_set_bool (builder, "required", material->required);
      civic_json_set_bool (builder, "received", material->received);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "corrections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->corrections->len; i++)
    {
      CivicCorrection *correction = g_ptr_array_index (self->corrections, i);

      json_builder_begin_object (builder);
      civic_json_set_int (builder, "round", correction->round);
      civic_json_set_day (builder, "notified_on", correction->notified_on);
      civic_json_set_strv (builder, "items", (const char * const *) correction->items);
      civic_json_set_string (builder, "note", correction->note);
      civic_json_set_string (builder, "override_reason", correction->override_reason);
      civic_json_set_day (builder, "received_on", correction->received_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "opinions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->opinions->len; i++)
    {
      CivicOpinion *opinion = g_ptr_array_index (self->opinions, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "by_id", opinion->by_id);
      civic_json_set_string (builder, "by_name", opinion->by_name);
      civic_json_set_instant (builder, "at", opinion->at);
      civic_json_set_enum (builder, "recommendation", CIVIC_TYPE_RECOMMENDATION,
                           opinion->recommendation);
      civic_json_set_string (builder, "text", opinion->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "verifications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->verifications->len; i++)
    {
      CivicVerification *verification = g_ptr_array_index (self->verifications, i);

      json_builder_begin_object (builder);
      civic_json_set_day (builder, "on", verification->on);
      civic_json_set_strv (builder, "verifiers", (const char * const *) verification->verifiers);
      civic_json_set_string (builder, "note", verification->note);
      civic_json_set_string (builder, "recorded_by", verification->recorded_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "suspensions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->suspensions->len; i++)
    {
      CivicSuspension *suspension = g_ptr_array_index (self->suspensions, i);

      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "reason", CIVIC_TYPE_STOP_REASON, suspension->reason);
      civic_json_set_day (builder, "started_on", suspension->started_on);
      civic_json_set_int (builder, "expected_days", suspension->expected_days);
      civic_json_set_string (builder, "note", suspension->note);
      civic_json_set_day (builder, "ended_on", suspension->ended_on);
      civic_json_set_string (builder, "result", suspension->result);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "subtasks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->subtasks->len; i++)
    {
      CivicSubtask *subtask = g_ptr_array_index (self->subtasks, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "department_id", subtask->department_id);
      civic_json_set_string (builder, "department_name", subtask->department_name);
      civic_json_set_bool (builder, "done", subtask->done);
      if (subtask->done)
        {
          civic_json_set_enum (builder, "result", CIVIC_TYPE_RECOMMENDATION, subtask->result);
          civic_json_set_string (builder, "text", subtask->text);
          civic_json_set_string (builder, "by_id", subtask->by_id);
          civic_json_set_string (builder, "by_name", subtask->by_name);
          civic_json_set_instant (builder, "at", subtask->at);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->events->len; i++)
    {
      CivicCaseEvent *event = g_ptr_array_index (self->events, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "type", event->type);
      civic_json_set_string (builder, "actor_id", event->actor_id);
      civic_json_set_string (builder, "actor_name", event->actor_name);
      civic_json_set_instant (builder, "at", event->at);
      civic_json_set_string (builder, "text", event->text);
      if (event->args != NULL)
        {
          JsonNode *args = json_node_new (JSON_NODE_OBJECT);

          if (masked)
            json_node_take_object (args, civic_case_mask_arguments (event->args));
          else
            json_node_set_object (args, event->args);
          json_builder_set_member_name (builder, "args");
          json_builder_add_value (builder, args);
        }
      civic_json_set_string (builder, "command_id", event->command_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_outcomes (JsonBuilder *builder,
                CivicCase   *self,
                gboolean     masked)
{
  const CivicCaseHearing *hearing = &self->hearing;
  g_auto(GStrv) masked_parties = masked ? civic_case_dup_masked_parties (self) : NULL;
  g_autofree char *masked_requester = masked ? civic_privacy_mask_name (hearing->requested_by)
                                             : NULL;

  json_builder_set_member_name (builder, "hearing");
  json_builder_begin_object (builder);
  civic_json_set_bool (builder, "required", hearing->required);
  civic_json_set_day (builder, "informed_on", hearing->informed_on);
  civic_json_set_strv (builder, "parties",
                       (const char * const *) (masked ? masked_parties : hearing->parties));
  civic_json_set_day (builder, "waived_on", hearing->waived_on);
  civic_json_set_day (builder, "requested_on", hearing->requested_on);
  civic_json_set_string (builder, "requested_by",
                         masked ? masked_requester : hearing->requested_by);
  civic_json_set_bool (builder, "ex_officio", hearing->ex_officio);
  civic_json_set_string (builder, "order_reason", hearing->order_reason);
  civic_json_set_day (builder, "started_on", hearing->started_on);
  civic_json_set_day (builder, "concluded_on", hearing->concluded_on);
  civic_json_set_string (builder, "hearing_id", hearing->hearing_id);
  civic_json_set_string (builder, "record_ref", hearing->record_ref);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "not_accepted");
  if (self->not_accepted == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "ground", CIVIC_TYPE_NOT_ACCEPT_GROUND,
                           self->not_accepted->ground);
      civic_json_set_day (builder, "on", self->not_accepted->on);
      civic_json_set_string (builder, "reason", self->not_accepted->reason);
      civic_json_set_string (builder, "legal_basis", self->not_accepted->legal_basis);
      civic_json_set_string (builder, "competent_authority",
                             self->not_accepted->competent_authority);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "decision");
  if (self->decision == NULL)
    json_builder_add_null_value (builder);
  else
    {
      const CivicDecision *decision = self->decision;

      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "result", CIVIC_TYPE_RECOMMENDATION, decision->result);
      civic_json_set_day (builder, "on", decision->on);
      civic_json_set_string (builder, "by_id", decision->by_id);
      civic_json_set_string (builder, "by_name", decision->by_name);
      civic_json_set_string (builder, "reason", decision->reason);
      civic_json_set_string (builder, "legal_basis", decision->legal_basis);
      civic_json_set_string (builder, "number", decision->number);
      civic_json_set_string (builder, "reconsideration_body", decision->reconsideration_body);
      civic_json_set_string (builder, "court", decision->court);
      civic_json_set_string (builder, "hearing_record", decision->hearing_record);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "service");
  if (self->service == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "method", CIVIC_TYPE_SERVICE_METHOD, self->service->method);
      civic_json_set_day (builder, "on", self->service->on);
      civic_json_set_string (builder, "certificate_no", self->service->certificate_no);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "closure");
  if (self->closure == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "code", CIVIC_TYPE_CLOSURE_CODE, self->closure->code);
      civic_json_set_day (builder, "on", self->closure->on);
      civic_json_set_string (builder, "reason", self->closure->reason);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->documents->len; i++)
    civic_case_document_write (builder, g_ptr_array_index (self->documents, i));
  json_builder_end_array (builder);
}

static JsonNode *
case_to_json (CivicCase *self,
              gboolean   masked)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_string (builder, "number", self->number);
  civic_json_set_int (builder, "rev", self->rev);

  json_builder_set_member_name (builder, "item");
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "code", self->item_code);
  civic_json_set_string (builder, "name", self->item_name);
  civic_json_set_enum (builder, "kind", CIVIC_TYPE_ITEM_KIND, self->item_kind);
  civic_json_set_int (builder, "statutory_days", self->statutory_days);
  civic_json_set_int (builder, "promised_days", self->promised_days);
  civic_json_set_int (builder, "version", self->item_version);
  civic_json_set_enum (builder, "statutory_unit", CIVIC_TYPE_CLOCK_UNIT, self->statutory_unit);
  civic_json_set_enum (builder, "promised_unit", CIVIC_TYPE_CLOCK_UNIT, self->promised_unit);
  civic_json_set_enum (builder, "track", CIVIC_TYPE_TRACK, self->track);
  civic_json_set_string (builder, "legal_basis", self->item_legal_basis);
  civic_json_set_string (builder, "reconsideration_body", self->item_reconsideration_body);
  civic_json_set_string (builder, "court", self->item_court);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "department");
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->department_id);
  civic_json_set_string (builder, "name", self->department_name);
  json_builder_end_object (builder);

  civic_json_set_enum (builder, "channel", CIVIC_TYPE_CHANNEL, self->channel);
  json_builder_set_member_name (builder, "applicant");
  if (masked && !self->applicant.masked)
    {
      CivicApplicant applicant;

      _civic_applicant_copy (&applicant, &self->applicant);
      _civic_applicant_mask (&applicant);
      json_builder_add_value (builder, civic_applicant_to_json (&applicant));
      civic_applicant_clear (&applicant);
    }
  else
    json_builder_add_value (builder, civic_applicant_to_json (&self->applicant));

  civic_json_set_enum (builder, "state", CIVIC_TYPE_CASE_STATE, self->state);
  civic_json_set_enum (builder, "queue", CIVIC_TYPE_QUEUE, self->queue);
  civic_json_set_string (builder, "assignee_id", self->assignee_id);
  civic_json_set_string (builder, "assignee_name", self->assignee_name);
  civic_json_set_instant (builder, "received_at", self->received_at);
  civic_json_set_day (builder, "accepted_on", self->accepted_on);
  civic_json_set_bool (builder, "deemed_accepted", self->deemed_accepted);
  civic_json_set_int (builder, "round", self->round);

  json_builder_set_member_name (builder, "clocks");
  json_builder_begin_object (builder);
  set_clock (builder, "correction", self->correction_clock);
  set_clock (builder, "statutory", self->statutory_clock);
  set_clock (builder, "promised", self->promised_clock);
  set_clock (builder, "delivery", self->delivery_clock);
  json_builder_end_object (builder);

  write_records (builder, self, masked);
  write_outcomes (builder, self, masked);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_case_status_nick:
 * @reading: (nullable): the governing clock's reading, or %NULL when no
 *   clock governs the case now
 *
 * Returns: the case's status as lists show it: the governing clock's
 * colour; "waiting" when the applicant supplied what the correction
 * notice asked and the case waits on the clerk to accept it (Art. 32(5)):
 * anything but done; without a clock, "none" while open, "done" after.
 */
const char *
civic_case_status_nick (CivicCase               *self,
                        const CivicClockReading *reading)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), "none");

  if (reading == NULL)
    return self->state == CIVIC_CASE_STATE_CLOSED ? "done" : "none";
  if (reading->status == CIVIC_CLOCK_STATUS_DONE &&
      (self->state == CIVIC_CASE_STATE_SUBMITTED || self->state == CIVIC_CASE_STATE_PRE_REVIEW))
    return "waiting";
  return civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, reading->status);
}

/**
 * civic_case_summarize:
 * @today: the day the summary is for; clock colours change with it
 * @policy: (nullable): the yellow thresholds
 *
 * Returns: (transfer full): what the inbox sorts and colours by that a
 * reader of the case could not take from its members as they are: the
 * day it was received, when it last changed, whether it is joint and
 * which departments still owe an opinion, and the governing clock's
 * colour and due date for @today. The number, the applicant, the item,
 * the state, the queue and the assignee are the case's own members. The
 * service sends it with every case; the client recomputes it for its own
 * optimistic changes with this same function.
 */
JsonNode *
civic_case_summarize (CivicCase              *self,
                      CivicCalendar          *calendar,
                      CivicDay                today,
                      const CivicClockPolicy *policy)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GPtrArray) pending = NULL;
  CivicClock *clock;
  const char *status = "none";
  GDateTime *updated = self->received_at;

  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);

  if (self->events->len > 0)
    updated = ((CivicCaseEvent *) g_ptr_array_index (self->events, self->events->len - 1))->at;

  json_builder_begin_object (builder);
  civic_json_set_day (builder, "received_on", self->received_on);
  civic_json_set_instant (builder, "updated_at", updated);
  civic_json_set_bool (builder, "joint", self->subtasks->len > 0);

  pending = civic_case_dup_pending_subtasks (self);
  json_builder_set_member_name (builder, "pending_departments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pending->len; i++)
    json_builder_add_string_value (builder,
                                   ((CivicSubtask *) g_ptr_array_index (pending, i))->department_name);
  json_builder_end_array (builder);

  clock = civic_case_get_governing_clock (self);
  json_builder_set_member_name (builder, "clock");
  if (clock == NULL)
    {
      json_builder_add_null_value (builder);
      civic_json_set_day (builder, "due", CIVIC_DAY_INVALID);
      status = civic_case_status_nick (self, NULL);
    }
  else
    {
      g_autoptr(CivicClockReading) reading = civic_clock_read (clock, calendar, today, policy);

      status = civic_case_status_nick (self, reading);
      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "kind", CIVIC_TYPE_CLOCK_KIND, civic_clock_get_kind (clock));
      civic_json_set_enum (builder, "unit", CIVIC_TYPE_CLOCK_UNIT, civic_clock_get_unit (clock));
      civic_json_set_int (builder, "remaining", reading->remaining);
      civic_json_set_int (builder, "overdue", reading->overdue);
      civic_json_set_bool (builder, "provisional", reading->provisional);
      json_builder_end_object (builder);
      civic_json_set_day (builder, "due", reading->due);
    }
  civic_json_set_string (builder, "status", status);

  if (self->statutory_clock != NULL)
    {
      g_autoptr(CivicClockReading) reading = civic_clock_read (self->statutory_clock, calendar,
                                                               today, policy);

      civic_json_set_day (builder, "statutory_due", reading->due);
      civic_json_set_string (builder, "statutory_status",
                             civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, reading->status));
    }
  else
    {
      civic_json_set_day (builder, "statutory_due", CIVIC_DAY_INVALID);
      civic_json_set_string (builder, "statutory_status", "none");
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
civic_case_to_json (CivicCase *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

  return case_to_json (self, FALSE);
}

/**
 * civic_case_to_masked_json:
 *
 * Returns: (transfer full): the case with its personal data masked
 * (civic-case-personal.c), as the change feed carries it.
 */
JsonNode *
civic_case_to_masked_json (CivicCase *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

  return case_to_json (self, TRUE);
}

/**
 * civic_case_to_feed_json:
 * @today: the day the summary's clocks are read on
 *
 * Returns: (transfer full): the case as the feed sends it: masked, with
 * its summary for @today as the member "summary". The service publishes
 * this; the client keeps its own version of a case in the same form.
 */
char *
civic_case_to_feed_json (CivicCase     *self,
                         CivicCalendar *calendar,
                         CivicDay       today)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *summary_text = NULL;
  gsize length;

  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

  node = civic_case_to_masked_json (self);
  summary = civic_case_summarize (self, calendar, today, NULL);
  body = civic_json_to_string (node, FALSE);
  summary_text = civic_json_to_string (summary, FALSE);
  length = strlen (body);

  /* The case's own JSON is an object; the summary joins it as its last
   * member without a second round through a builder. */
  g_assert (length >= 2 && body[length - 1] == '}');
  body[length - 1] = '\0';
  return g_strconcat (body, ",\"summary\":", summary_text, "}", NULL);
}

/* Wire format: reading. Each reader fills a fresh record or fails with
 * the path of the bad member in the message. */

static gboolean
read_clock (JsonObject  *clocks,
            const char  *member,
            CivicClock **out,
            GError     **error)
{
  JsonNode *node = clocks ? json_object_get_member (clocks, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  *out = civic_clock_new_from_json (node, error);
  if (*out == NULL)
    {
      g_prefix_error (error, "clocks.%s: ", member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
dup_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            char       **out,
            GError     **error)
{
  const char *value;

  if (!civic_json_get_string (object, member, required, &value, error))
    return FALSE;

  *out = g_strdup (value);
  return TRUE;
}

static gboolean
dup_text (JsonObject  *object,
          const char  *member,
          char       **out,
          GError     **error)
{
  const char *value;

  if (!civic_json_get_text (object, member, TRUE, &value, error))
    return FALSE;

  *out = g_strdup (value);
  return TRUE;
}

typedef gboolean (*RecordReader) (CivicCase   *self,
                                  JsonObject  *object,
                                  GError     **error);

static gboolean
read_array (CivicCase     *self,
            JsonObject    *root,
            const char    *member,
            RecordReader   reader,
            GError       **error)
{
  JsonArray *array;

  if (!civic_json_get_array (root, member, FALSE, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE,
                       _("%s[%u] must be an object"), member, i);
          return FALSE;
        }

      if (!reader (self, json_node_get_object (element), error))
        {
          g_prefix_error (error, "%s[%u]: ", member, i);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_material (CivicCase   *self,
               JsonObject  *object,
               GError     **error)
{
  const char *id, *name;
  gboolean required = FALSE, received = FALSE;

  if (!civic_json_get_text (object, "id", TRUE, &id, error) ||
      !civic_json_get_text (object, "name", TRUE, &name, error) ||
      !civic_json_get_bool (object, "required", FALSE, &required, error) ||
      !civic_json_get_bool (object, "received", FALSE, &received, error))
    return FALSE;

  if (civic_case_find_material (self, id) != NULL)
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                   _("the material “%s” is listed twice"), id);
      return FALSE;
    }

  civic_case_add_material (self, id, name, required, received);
  return TRUE;
}

static gboolean
read_correction (CivicCase   *self,
                 JsonObject  *object,
                 GError     **error)
{
  g_autoptr(CivicCorrection) correction = g_new0 (CivicCorrection, 1);
  gint64 round;

  if (!civic_json_get_int (object, "round", TRUE, 1, 1000, &round, error) ||
      !civic_json_get_day (object, "notified_on", TRUE, &correction->notified_on, error) ||
      !civic_json_get_strv (object, "items", TRUE, &correction->items, error) ||
      !dup_string (object, "note", FALSE, &correction->note, error) ||
      !dup_string (object, "override_reason", FALSE, &correction->override_reason, error) ||
      !civic_json_get_day (object, "received_on", FALSE, &correction->received_on, error))
    return FALSE;

  correction->round = (int) round;
  g_ptr_array_add (self->corrections, g_steal_pointer (&correction));
  return TRUE;
}

static gboolean
read_opinion (CivicCase   *self,
              JsonObject  *object,
              GError     **error)
{
  g_autoptr(CivicOpinion) opinion = g_new0 (CivicOpinion, 1);
  int recommendation;

  if (!dup_string (object, "by_id", TRUE, &opinion->by_id, error) ||
      !dup_string (object, "by_name", FALSE, &opinion->by_name, error) ||
      !civic_json_get_instant (object, "at", TRUE, &opinion->at, error) ||
      !civic_json_get_enum (object, "recommendation", TRUE, CIVIC_TYPE_RECOMMENDATION,
                            &recommendation, error) ||
      !dup_text (object, "text", &opinion->text, error))
    return FALSE;

  opinion->recommendation = recommendation;
  g_ptr_array_add (self->opinions, g_steal_pointer (&opinion));
  return TRUE;
}

static gboolean
read_document (CivicCase   *self,
               JsonObject  *object,
               GError     **error)
{
  CivicCaseDocument *document = civic_case_document_read (object, error);

  if (document == NULL)
    return FALSE;
  g_ptr_array_add (self->documents, document);
  return TRUE;
}

/**
 * civic_case_document_read:
 *
 * Returns: (transfer full) (nullable): a document of a case or a hearing,
 * as its record's JSON has it
 */
CivicCaseDocument *
civic_case_document_read (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(CivicCaseDocument) document = g_new0 (CivicCaseDocument, 1);
  gint64 round = 0;
  int kind, language;

  if (!dup_string (object, "id", TRUE, &document->id, error) ||
      !civic_json_get_enum (object, "kind", TRUE, CIVIC_TYPE_DOCUMENT_KIND, &kind, error) ||
      !civic_json_get_enum (object, "language", TRUE, CIVIC_TYPE_DOCUMENT_LANGUAGE, &language,
                            error) ||
      !civic_json_get_int (object, "round", FALSE, 0, 1000, &round, error) ||
      !civic_json_get_day (object, "issued_on", TRUE, &document->issued_on, error) ||
      !civic_json_get_instant (object, "at", TRUE, &document->at, error) ||
      !dup_string (object, "by_id", TRUE, &document->by_id, error) ||
      !dup_string (object, "by_name", FALSE, &document->by_name, error) ||
      !dup_string (object, "title", FALSE, &document->title, error) ||
      !dup_string (object, "number", FALSE, &document->number, error) ||
      !dup_string (object, "code", FALSE, &document->code, error) ||
      !dup_string (object, "sha256", FALSE, &document->sha256, error) ||
      !civic_json_get_int (object, "size", FALSE, 0, G_MAXINT64, &document->size, error) ||
      !dup_string (object, "subject", FALSE, &document->subject, error))
    return NULL;

  document->kind = kind;
  document->language = language;
  document->round = (int) round;
  return g_steal_pointer (&document);
}

void
civic_case_document_write (JsonBuilder             *builder,
                           const CivicCaseDocument *document)
{
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", document->id);
  civic_json_set_enum (builder, "kind", CIVIC_TYPE_DOCUMENT_KIND, document->kind);
  civic_json_set_enum (builder, "language", CIVIC_TYPE_DOCUMENT_LANGUAGE, document->language);
  civic_json_set_int (builder, "round", document->round);
  civic_json_set_day (builder, "issued_on", document->issued_on);
  civic_json_set_instant (builder, "at", document->at);
  civic_json_set_string (builder, "by_id", document->by_id);
  civic_json_set_string (builder, "by_name", document->by_name);
  civic_json_set_string (builder, "title", document->title);
  civic_json_set_string (builder, "number", document->number);
  civic_json_set_string (builder, "code", document->code);
  civic_json_set_string (builder, "sha256", document->sha256);
  civic_json_set_int (builder, "size", document->size);
  /* Only where there is one: a case's documents are the case's */
  if (document->subject != NULL)
    civic_json_set_string (builder, "subject", document->subject);
  json_builder_end_object (builder);
}

static gboolean
read_verification (CivicCase   *self,
                   JsonObject  *object,
                   GError     **error)
{
  g_autoptr(CivicVerification) verification = g_new0 (CivicVerification, 1);

  if (!civic_json_get_day (object, "on", TRUE, &verification->on, error) ||
      !civic_json_get_strv (object, "verifiers", TRUE, &verification->verifiers, error) ||
      !dup_string (object, "note", FALSE, &verification->note, error) ||
      !dup_string (object, "recorded_by", FALSE, &verification->recorded_by, error))
    return FALSE;

  g_ptr_array_add (self->verifications, g_steal_pointer (&verification));
  return TRUE;
}

static gboolean
read_suspension (CivicCase   *self,
                 JsonObject  *object,
                 GError     **error)
{
  g_autoptr(CivicSuspension) suspension = g_new0 (CivicSuspension, 1);
  gint64 expected = 0;
  int reason;

  if (!civic_json_get_enum (object, "reason", TRUE, CIVIC_TYPE_STOP_REASON, &reason, error) ||
      !civic_json_get_day (object, "started_on", TRUE, &suspension->started_on, error) ||
      !civic_json_get_int (object, "expected_days", FALSE, 0, 3660, &expected, error) ||
      !dup_string (object, "note", FALSE, &suspension->note, error) ||
      !civic_json_get_day (object, "ended_on", FALSE, &suspension->ended_on, error) ||
      !dup_string (object, "result", FALSE, &suspension->result, error))
    return FALSE;

  suspension->reason = reason;
  suspension->expected_days = (int) expected;
  g_ptr_array_add (self->suspensions, g_steal_pointer (&suspension));
  return TRUE;
}

static gboolean
read_subtask (CivicCase   *self,
              JsonObject  *object,
              GError     **error)
{
  g_autoptr(CivicSubtask) subtask = g_new0 (CivicSubtask, 1);
  int result = 0;

  if (!dup_string (object, "department_id", TRUE, &subtask->department_id, error) ||
      !dup_string (object, "department_name", FALSE, &subtask->department_name, error) ||
      !civic_json_get_bool (object, "done", FALSE, &subtask->done, error))
    return FALSE;

  if (subtask->done &&
      (!civic_json_get_enum (object, "result", TRUE, CIVIC_TYPE_RECOMMENDATION, &result,
                             error) ||
       !dup_text (object, "text", &subtask->text, error) ||
       !dup_string (object, "by_id", FALSE, &subtask->by_id, error) ||
       !dup_string (object, "by_name", FALSE, &subtask->by_name, error) ||
       !civic_json_get_instant (object, "at", FALSE, &subtask->at, error)))
    return FALSE;

  subtask->result = result;
  g_ptr_array_add (self->subtasks, g_steal_pointer (&subtask));
  return TRUE;
}

static gboolean
read_event (CivicCase   *self,
            JsonObject  *object,
            GError     **error)
{
  g_autoptr(CivicCaseEvent) event = g_new0 (CivicCaseEvent, 1);
  JsonObject *args;

  if (!dup_text (object, "type", &event->type, error) ||
      !dup_string (object, "actor_id", FALSE, &event->actor_id, error) ||
      !dup_string (object, "actor_name", FALSE, &event->actor_name, error) ||
      !civic_json_get_instant (object, "at", TRUE, &event->at, error) ||
      !dup_string (object, "text", FALSE, &event->text, error) ||
      !civic_json_get_object (object, "args", FALSE, &args, error) ||
      !dup_string (object, "command_id", FALSE, &event->command_id, error))
    return FALSE;

  if (args != NULL)
    event->args = json_object_ref (args);

  g_ptr_array_add (self->events, g_steal_pointer (&event));
  return TRUE;
}

/**
 * civic_applicant_read:
 * @applicant: (out caller-allocates): filled in; clear it with
 *   civic_applicant_clear()
 */
gboolean
civic_applicant_read (JsonObject      *object,
                      CivicApplicant  *applicant,
                      GError         **error)
{
  int kind;

  memset (applicant, 0, sizeof *applicant);
  if (!civic_json_get_enum (object, "kind", TRUE, CIVIC_TYPE_APPLICANT_KIND, &kind, error) ||
      !dup_text (object, "name", &applicant->name, error) ||
      !dup_string (object, "id_number", FALSE, &applicant->id_number, error) ||
      !dup_string (object, "phone", FALSE, &applicant->phone, error) ||
      !dup_string (object, "address", FALSE, &applicant->address, error) ||
      !dup_string (object, "contact", FALSE, &applicant->contact, error) ||
      !civic_json_get_bool (object, "masked", FALSE, &applicant->masked, error))
    {
      civic_applicant_clear (applicant);
      return FALSE;
    }

  applicant->kind = kind;
  return TRUE;
}

static gboolean
read_applicant (CivicCase   *self,
                JsonObject  *root,
                GError     **error)
{
  JsonObject *object;

  civic_applicant_clear (&self->applicant);
  if (!civic_json_get_object (root, "applicant", TRUE, &object, error) ||
      !civic_applicant_read (object, &self->applicant, error))
    {
      g_prefix_error (error, "applicant: ");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_hearing (CivicCase   *self,
              JsonObject  *root,
              GError     **error)
{
  CivicCaseHearing *hearing = &self->hearing;
  JsonObject *object;

  if (!civic_json_get_object (root, "hearing", FALSE, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  if (!civic_json_get_bool (object, "required", FALSE, &hearing->required, error) ||
      !civic_json_get_day (object, "informed_on", FALSE, &hearing->informed_on, error) ||
      !civic_json_get_strv (object, "parties", FALSE, &hearing->parties, error) ||
      !civic_json_get_day (object, "waived_on", FALSE, &hearing->waived_on, error) ||
      !civic_json_get_day (object, "requested_on", FALSE, &hearing->requested_on, error) ||
      !dup_string (object, "requested_by", FALSE, &hearing->requested_by, error) ||
      !civic_json_get_bool (object, "ex_officio", FALSE, &hearing->ex_officio, error) ||
      !dup_string (object, "order_reason", FALSE, &hearing->order_reason, error) ||
      !civic_json_get_day (object, "started_on", FALSE, &hearing->started_on, error) ||
      !civic_json_get_day (object, "concluded_on", FALSE, &hearing->concluded_on, error) ||
      !dup_string (object, "hearing_id", FALSE, &hearing->hearing_id, error) ||
      !dup_string (object, "record_ref", FALSE, &hearing->record_ref, error))
    {
      g_prefix_error (error, "hearing: ");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_outcomes (CivicCase   *self,
               JsonObject  *root,
               GError     **error)
{
  JsonObject *object;
  int value;

  if (!civic_json_get_object (root, "not_accepted", FALSE, &object, error))
    return FALSE;
  if (object != NULL)
    {
      g_autoptr(CivicNotAccepted) record = g_new0 (CivicNotAccepted, 1);

      if (!civic_json_get_enum (object, "ground", TRUE, CIVIC_TYPE_NOT_ACCEPT_GROUND, &value,
                                error) ||
          !civic_json_get_day (object, "on", TRUE, &record->on, error) ||
          !dup_text (object, "reason", &record->reason, error) ||
          !dup_string (object, "legal_basis", FALSE, &record->legal_basis, error) ||
          !dup_string (object, "competent_authority", FALSE, &record->competent_authority,
                       error))
        {
          g_prefix_error (error, "not_accepted: ");
          return FALSE;
        }
      record->ground = value;
      self->not_accepted = g_steal_pointer (&record);
    }

  if (!civic_json_get_object (root, "decision", FALSE, &object, error))
    return FALSE;
  if (object != NULL)
    {
      g_autoptr(CivicDecision) decision = g_new0 (CivicDecision, 1);

      if (!civic_json_get_enum (object, "result", TRUE, CIVIC_TYPE_RECOMMENDATION, &value,
                                error) ||
          !civic_json_get_day (object, "on", TRUE, &decision->on, error) ||
          !dup_string (object, "by_id", TRUE, &decision->by_id, error) ||
          !dup_string (object, "by_name", FALSE, &decision->by_name, error) ||
          !dup_string (object, "reason", FALSE, &decision->reason, error) ||
          !dup_string (object, "legal_basis", FALSE, &decision->legal_basis, error) ||
          !dup_string (object, "number", FALSE, &decision->number, error) ||
          !dup_string (object, "reconsideration_body", FALSE, &decision->reconsideration_body,
                       error) ||
          !dup_string (object, "court", FALSE, &decision->court, error) ||
          !dup_string (object, "hearing_record", FALSE, &decision->hearing_record, error))
        {
          g_prefix_error (error, "decision: ");
          return FALSE;
        }
      decision->result = value;
      self->decision = g_steal_pointer (&decision);
    }

  if (!civic_json_get_object (root, "service", FALSE, &object, error))
    return FALSE;
  if (object != NULL)
    {
      g_autoptr(CivicService) service = g_new0 (CivicService, 1);

      if (!civic_json_get_enum (object, "method", TRUE, CIVIC_TYPE_SERVICE_METHOD, &value,
                                error) ||
          !civic_json_get_day (object, "on", TRUE, &service->on, error) ||
          !dup_string (object, "certificate_no", FALSE, &service->certificate_no, error))
        {
          g_prefix_error (error, "service: ");
          return FALSE;
        }
      service->method = value;
      self->service = g_steal_pointer (&service);
    }

  if (!civic_json_get_object (root, "closure", FALSE, &object, error))
    return FALSE;
  if (object != NULL)
    {
      g_autoptr(CivicClosure) closure = g_new0 (CivicClosure, 1);

      if (!civic_json_get_enum (object, "code", TRUE, CIVIC_TYPE_CLOSURE_CODE, &value, error) ||
          !civic_json_get_day (object, "on", TRUE, &closure->on, error) ||
          !dup_string (object, "reason", FALSE, &closure->reason, error))
        {
          g_prefix_error (error, "closure: ");
          return FALSE;
        }
      closure->code = value;
      self->closure = g_steal_pointer (&closure);
    }

  return TRUE;
}

/**
 * civic_case_new_from_json:
 *
 * Returns: (transfer full) (nullable): the case, or %NULL with @error
 * naming the first member that is missing or wrong.
 */
CivicCase *
civic_case_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(CivicCase) self = NULL;
  g_autoptr(GDateTime) received_at = NULL;
  JsonObject *root, *item, *department, *clocks;
  const char *id, *number;
  gint64 rev = 0, statutory_days, promised_days = 0, round = 1, item_version = 0;
  int statutory_unit = CIVIC_CLOCK_UNIT_WORKING_DAYS, promised_unit = CIVIC_CLOCK_UNIT_WORKING_DAYS;
  int value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE, _("A case must be an object"));
      return NULL;
    }
  root = json_node_get_object (node);

  if (!civic_json_get_text (root, "id", TRUE, &id, error) ||
      !civic_json_get_string (root, "number", FALSE, &number, error) ||
      !civic_json_get_int (root, "rev", FALSE, 0, G_MAXINT64, &rev, error) ||
      !civic_json_get_instant (root, "received_at", TRUE, &received_at, error))
    return NULL;

  self = civic_case_new (id, number, received_at);
  self->rev = rev;

  if (!civic_json_get_object (root, "item", TRUE, &item, error) ||
      !dup_string (item, "code", FALSE, &self->item_code, error) ||
      !dup_string (item, "name", FALSE, &self->item_name, error) ||
      !civic_json_get_enum (item, "kind", FALSE, CIVIC_TYPE_ITEM_KIND, &value, error))
    return NULL;
  self->item_kind = json_object_has_member (item, "kind") ? value : CIVIC_ITEM_KIND_LICENSING;

  if (!civic_json_get_int (item, "statutory_days", TRUE, 1, 3660, &statutory_days, error) ||
      !civic_json_get_int (item, "promised_days", FALSE, 0, statutory_days, &promised_days,
                           error) ||
      !civic_json_get_int (item, "version", FALSE, 0, G_MAXINT, &item_version, error) ||
      !civic_json_get_enum (item, "statutory_unit", FALSE, CIVIC_TYPE_CLOCK_UNIT, &statutory_unit,
                            error) ||
      !civic_json_get_enum (item, "promised_unit", FALSE, CIVIC_TYPE_CLOCK_UNIT, &promised_unit,
                            error) ||
      !civic_json_get_enum (item, "track", TRUE, CIVIC_TYPE_TRACK, &value, error) ||
      !dup_string (item, "legal_basis", FALSE, &self->item_legal_basis, error) ||
      !dup_string (item, "reconsideration_body", FALSE, &self->item_reconsideration_body, error) ||
      !dup_string (item, "court", FALSE, &self->item_court, error))
    {
      g_prefix_error (error, "item: ");
      return NULL;
    }
  self->statutory_days = (int) statutory_days;
  self->promised_days = (int) promised_days;
  self->item_version = (int) item_version;
  self->statutory_unit = statutory_unit;
  self->promised_unit = promised_unit;
  self->track = value;

  if (!civic_json_get_object (root, "department", TRUE, &department, error) ||
      !dup_string (department, "id", TRUE, &self->department_id, error) ||
      !dup_string (department, "name", FALSE, &self->department_name, error))
    return NULL;

  if (!civic_json_get_enum (root, "channel", TRUE, CIVIC_TYPE_CHANNEL, &value, error))
    return NULL;
  self->channel = value;

  if (!read_applicant (self, root, error))
    return NULL;

  if (!civic_json_get_enum (root, "state", TRUE, CIVIC_TYPE_CASE_STATE, &value, error))
    return NULL;
  self->state = value;
  if (!civic_json_get_enum (root, "queue", TRUE, CIVIC_TYPE_QUEUE, &value, error))
    return NULL;
  self->queue = value;

  if (!dup_string (root, "assignee_id", FALSE, &self->assignee_id, error) ||
      !dup_string (root, "assignee_name", FALSE, &self->assignee_name, error) ||
      !civic_json_get_day (root, "accepted_on", FALSE, &self->accepted_on, error) ||
      !civic_json_get_bool (root, "deemed_accepted", FALSE, &self->deemed_accepted, error) ||
      !civic_json_get_int (root, "round", FALSE, 1, 1000, &round, error))
    return NULL;
  self->round = (int) round;

  if (!civic_json_get_object (root, "clocks", FALSE, &clocks, error) ||
      !read_clock (clocks, "correction", &self->correction_clock, error) ||
      !read_clock (clocks, "statutory", &self->statutory_clock, error) ||
      !read_clock (clocks, "promised", &self->promised_clock, error) ||
      !read_clock (clocks, "delivery", &self->delivery_clock, error))
    return NULL;

  if (!read_array (self, root, "materials", read_material, error) ||
      !read_array (self, root, "corrections", read_correction, error) ||
      !read_array (self, root, "opinions", read_opinion, error) ||
      !read_array (self, root, "verifications", read_verification, error) ||
      !read_array (self, root, "suspensions", read_suspension, error) ||
      !read_array (self, root, "subtasks", read_subtask, error) ||
      !read_array (self, root, "events", read_event, error) ||
      !read_array (self, root, "documents", read_document, error) ||
      !read_hearing (self, root, error) ||
      !read_outcomes (self, root, error))
    return NULL;

  return g_steal_pointer (&self);
}
