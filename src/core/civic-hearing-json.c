/* civic-hearing-json.c — a hearing as the feed and the case carry it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-hearing"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-case.h"
#include "civic-core-enums.h"
#include "civic-hearing-private.h"
#include "civic-json.h"

/* Wire format */

JsonNode *
civic_hearing_to_json (CivicHearing *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_string (builder, "case_id", self->case_id);
  civic_json_set_enum (builder, "kind", CIVIC_TYPE_HEARING_KIND, self->kind);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_HEARING_STATE, self->state);
  json_builder_set_member_name (builder, "rev");
  json_builder_add_int_value (builder, self->rev);
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_string (builder, "matter", self->matter);
  if (self->joining != NULL)
    civic_json_set_string (builder, "joining", self->joining);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->cases->len; i++)
    {
      const CivicHearingCase *hearing_case = g_ptr_array_index (self->cases, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "id", hearing_case->id);
      civic_json_set_string (builder, "number", hearing_case->number);
      civic_json_set_strv (builder, "examiner_ids",
                           (const char * const *) hearing_case->examiner_ids);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  civic_json_set_day (builder, "informed_on", self->informed_on);
  civic_json_set_day (builder, "requested_on", self->requested_on);
  civic_json_set_day (builder, "announced_on", self->announced_on);
  civic_json_set_instant (builder, "starts_at", self->starts_at);
  civic_json_set_instant (builder, "ends_at", self->ends_at);
  civic_json_set_string (builder, "room_id", self->room_id);
  civic_json_set_string (builder, "host_id", self->host_id);
  civic_json_set_string (builder, "host_name", self->host_name);
  civic_json_set_string (builder, "clerk_id", self->clerk_id);
  civic_json_set_string (builder, "clerk_name", self->clerk_name);
  json_builder_set_member_name (builder, "is_public");
  json_builder_add_boolean_value (builder, self->is_public);
  civic_json_set_enum (builder, "publicity", CIVIC_TYPE_HEARING_PUBLICITY, self->publicity);
  civic_json_set_string (builder, "non_public_reason", self->non_public_reason);
  civic_json_set_string (builder, "video_link", self->video_link);
  civic_json_set_day (builder, "notice_sent_on", self->notice_sent_on);

  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->participants->len; i++)
    {
      const CivicHearingParticipant *participant = g_ptr_array_index (self->participants, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "id", participant->id);
      civic_json_set_string (builder, "name", participant->name);
      civic_json_set_enum (builder, "role", CIVIC_TYPE_HEARING_ROLE, participant->role);
      civic_json_set_day (builder, "signed_on", participant->signed_on);
      json_builder_set_member_name (builder, "sealed");
      json_builder_add_boolean_value (builder, participant->sealed);
      civic_json_set_string (builder, "contact", participant->contact);
      civic_json_set_string (builder, "represents", participant->represents);
      civic_json_set_day (builder, "notified_on", participant->notified_on);
      civic_json_set_enum (builder, "notified_by", CIVIC_TYPE_HEARING_NOTICE_METHOD,
                           participant->notified_by);
      civic_json_set_day (builder, "refused_on", participant->refused_on);
      civic_json_set_string (builder, "refusal_note", participant->refusal_note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "recusals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->recusals->len; i++)
    {
      const CivicHearingRecusal *recusal = g_ptr_array_index (self->recusals, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "by", recusal->by_id);
      civic_json_set_string (builder, "against_id", recusal->against_id);
      civic_json_set_string (builder, "against_name", recusal->against_name);
      civic_json_set_string (builder, "reason", recusal->reason);
      civic_json_set_day (builder, "filed_on", recusal->filed_on);
      civic_json_set_enum (builder, "decision", CIVIC_TYPE_HEARING_RECUSAL_DECISION,
                           recusal->decision);
      civic_json_set_day (builder, "decided_on", recusal->decided_on);
      civic_json_set_string (builder, "decided_by", recusal->decided_by);
      civic_json_set_string (builder, "note", recusal->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "postponements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->postponements->len; i++)
    {
      const CivicHearingPostponement *postponement = g_ptr_array_index (self->postponements, i);

      json_builder_begin_object (builder);
      civic_json_set_instant (builder, "from", postponement->from);
      civic_json_set_string (builder, "reason", postponement->reason);
      civic_json_set_day (builder, "on", postponement->on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  civic_json_set_string (builder, "record_summary", self->record_summary);
  civic_json_set_day (builder, "record_signed_on", self->record_signed_on);
  civic_json_set_string (builder, "decision_ref", self->decision_ref);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->documents->len; i++)
    civic_case_document_write (builder, g_ptr_array_index (self->documents, i));
  json_builder_end_array (builder);
  civic_json_set_day (builder, "cancelled_on", self->cancelled_on);
  civic_json_set_string (builder, "cancel_reason", self->cancel_reason);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

G_GNUC_PRINTF (3, 4)
static gboolean
invalid_json (GError         **error,
              CivicJsonError   code,
              const char      *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, CIVIC_JSON_ERROR, code, message);
  return FALSE;
}

static gboolean
read_participant (CivicHearing  *self,
                  JsonNode      *node,
                  gboolean       may_have_signed,
                  GError       **error)
{
  CivicHearingParticipant *participant;
  JsonObject *object;
  const char *id, *name, *contact, *represents, *refusal_note;
  int role, notified_by = CIVIC_HEARING_NOTICE_NONE;
  CivicDay signed_on, notified_on, refused_on;
  gboolean sealed = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid_json (error, CIVIC_JSON_ERROR_TYPE, _("It must be an object"));
  object = json_node_get_object (node);

  if (!civic_json_get_text (object, "id", TRUE, &id, error) ||
      !civic_json_get_text (object, "name", TRUE, &name, error) ||
      !civic_json_get_enum (object, "role", TRUE, CIVIC_TYPE_HEARING_ROLE, &role, error) ||
      !civic_json_get_day (object, "signed_on", FALSE, &signed_on, error) ||
      !civic_json_get_bool (object, "sealed", FALSE, &sealed, error) ||
      !civic_json_get_string (object, "contact", FALSE, &contact, error) ||
      !civic_json_get_string (object, "represents", FALSE, &represents, error) ||
      !civic_json_get_day (object, "notified_on", FALSE, &notified_on, error) ||
      (json_object_has_member (object, "notified_by") &&
       !civic_json_get_enum (object, "notified_by", TRUE, CIVIC_TYPE_HEARING_NOTICE_METHOD,
                             &notified_by, error)) ||
      !civic_json_get_day (object, "refused_on", FALSE, &refused_on, error) ||
      !civic_json_get_string (object, "refusal_note", FALSE, &refusal_note, error))
    return FALSE;

  if ((notified_on == CIVIC_DAY_INVALID) != (notified_by == CIVIC_HEARING_NOTICE_NONE))
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("“notified_on” and “notified_by” go together"));

  if ((refused_on != CIVIC_DAY_INVALID && (!may_have_signed || signed_on != CIVIC_DAY_INVALID)) ||
      (refused_on == CIVIC_DAY_INVALID) != (refusal_note == NULL))
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("“refused_on” needs a note, a hearing held, and no signature"));

  if (_civic_hearing_lookup_participant (self, id, NULL) != NULL)
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("Another participant has the ID “%s”"), id);

  if (signed_on != CIVIC_DAY_INVALID && !may_have_signed)
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("“signed_on” does not fit a hearing that was not held"));

  if (sealed && signed_on == CIVIC_DAY_INVALID)
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("“sealed” needs “signed_on”"));

  participant = g_new0 (CivicHearingParticipant, 1);
  participant->id = g_strdup (id);
  participant->name = g_strdup (name);
  participant->role = role;
  participant->signed_on = signed_on;
  participant->sealed = sealed;
  participant->contact = g_strdup (contact);
  participant->represents = g_strdup (represents);
  participant->notified_on = notified_on;
  participant->notified_by = notified_by;
  participant->refused_on = refused_on;
  participant->refusal_note = g_strdup (refusal_note);
  g_ptr_array_add (self->participants, participant);
  return TRUE;
}

static gboolean
read_recusal (CivicHearing  *self,
              JsonNode      *node,
              GError       **error)
{
  CivicHearingRecusal *recusal;
  JsonObject *object;
  const char *by_id, *against_id, *against_name, *reason, *decided_by, *note;
  int decision;
  CivicDay filed_on, decided_on;
  gboolean decided;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid_json (error, CIVIC_JSON_ERROR_TYPE, _("It must be an object"));
  object = json_node_get_object (node);

  if (!civic_json_get_text (object, "by", TRUE, &by_id, error) ||
      !civic_json_get_text (object, "against_id", TRUE, &against_id, error) ||
      !civic_json_get_text (object, "against_name", TRUE, &against_name, error) ||
      !civic_json_get_text (object, "reason", TRUE, &reason, error) ||
      !civic_json_get_day (object, "filed_on", TRUE, &filed_on, error) ||
      !civic_json_get_enum (object, "decision", TRUE, CIVIC_TYPE_HEARING_RECUSAL_DECISION,
                            &decision, error))
    return FALSE;

  decided = decision != CIVIC_HEARING_RECUSAL_PENDING;
  if (!civic_json_get_day (object, "decided_on", decided, &decided_on, error) ||
      !civic_json_get_text (object, "decided_by", decided, &decided_by, error) ||
      !civic_json_get_string (object, "note", FALSE, &note, error))
    return FALSE;

  if (!decided && (decided_on != CIVIC_DAY_INVALID || decided_by != NULL || note != NULL))
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("A pending request has no decision yet"));

  if (decided && decided_on < filed_on)
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("“decided_on” comes before “filed_on”"));

  if (_civic_hearing_lookup_participant (self, by_id, NULL) == NULL)
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("“by” names no participant of the hearing"));

  recusal = g_new0 (CivicHearingRecusal, 1);
  recusal->by_id = g_strdup (by_id);
  recusal->against_id = g_strdup (against_id);
  recusal->against_name = g_strdup (against_name);
  recusal->reason = g_strdup (reason);
  recusal->filed_on = filed_on;
  recusal->decision = decision;
  recusal->decided_on = decided_on;
  recusal->decided_by = g_strdup (decided_by);
  recusal->note = g_strdup (note);
  g_ptr_array_add (self->recusals, recusal);
  return TRUE;
}

/* The first case is the hearing's own case_id; each one after it is new */
static gboolean
read_case (CivicHearing  *self,
           JsonNode      *node,
           guint          index,
           GError       **error)
{
  JsonObject *object;
  const char *id, *number;
  g_auto(GStrv) examiner_ids = NULL;
  CivicHearingCase *hearing_case;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid_json (error, CIVIC_JSON_ERROR_TYPE, _("It must be an object"));
  object = json_node_get_object (node);

  if (!civic_json_get_text (object, "id", TRUE, &id, error) ||
      !civic_json_get_string (object, "number", FALSE, &number, error) ||
      !civic_json_get_strv (object, "examiner_ids", FALSE, &examiner_ids, error))
    return FALSE;

  if (index == 0 && g_strcmp0 (id, self->case_id) != 0)
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("The first case must be the hearing’s “case_id”"));

  for (guint i = 0; i < self->cases->len && index > 0; i++)
    if (g_strcmp0 (((CivicHearingCase *) g_ptr_array_index (self->cases, i))->id, id) == 0)
      return invalid_json (error, CIVIC_JSON_ERROR_VALUE, _("The case “%s” is listed twice"), id);

  hearing_case = _civic_hearing_case_new (id, number, (const char * const *) examiner_ids);
  if (index == 0)
    {
      _civic_hearing_case_free (g_ptr_array_index (self->cases, 0));
      g_ptr_array_index (self->cases, 0) = hearing_case;
    }
  else
    g_ptr_array_add (self->cases, hearing_case);
  return TRUE;
}

static gboolean
read_postponement (CivicHearing  *self,
                   JsonNode      *node,
                   GError       **error)
{
  g_autoptr(GDateTime) from = NULL;
  JsonObject *object;
  const char *reason;
  CivicDay on;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid_json (error, CIVIC_JSON_ERROR_TYPE, _("It must be an object"));
  object = json_node_get_object (node);

  if (!civic_json_get_instant (object, "from", FALSE, &from, error) ||
      !civic_json_get_text (object, "reason", TRUE, &reason, error) ||
      !civic_json_get_day (object, "on", TRUE, &on, error))
    return FALSE;

  g_ptr_array_add (self->postponements, _civic_hearing_postponement_new (from, reason, on));
  return TRUE;
}

/* Reads what only some kinds or stages of hearing have: required where
 * @needed, refused where it cannot be. */
static gboolean
get_day_if (JsonObject  *object,
            const char  *member,
            gboolean     needed,
            gboolean     allowed,
            CivicDay    *out,
            GError     **error)
{
  if (!civic_json_get_day (object, member, needed, out, error))
    return FALSE;

  if (!allowed && *out != CIVIC_DAY_INVALID)
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("“%s” does not fit a hearing of this kind or stage"), member);
  return TRUE;
}

static gboolean
get_text_if (JsonObject   *object,
             const char   *member,
             gboolean      needed,
             gboolean      allowed,
             const char  **out,
             GError      **error)
{
  if (!(needed ? civic_json_get_text (object, member, TRUE, out, error)
               : civic_json_get_string (object, member, FALSE, out, error)))
    return FALSE;

  if (!allowed && *out != NULL)
    return invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                         _("“%s” does not fit a hearing of this kind or stage"), member);
  return TRUE;
}

/**
 * civic_hearing_new_from_json:
 *
 * Reads a hearing back. Malformed input is refused: a missing or mistyped
 * member, a date that is not one, an unknown kind, state or role, an end
 * before the start, a member that cannot go with the kind or the stage of
 * the hearing. Breaches of the rules of law are not refused here: they
 * are what civic_hearing_validate() reports.
 *
 * Returns: (transfer full) (nullable): the hearing, or %NULL with @error
 * set in %CIVIC_JSON_ERROR.
 */
CivicHearing *
civic_hearing_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(CivicHearing) self = NULL;
  g_autoptr(GDateTime) starts_at = NULL;
  g_autoptr(GDateTime) ends_at = NULL;
  JsonObject *object;
  JsonArray *participants, *recusals, *cases = NULL, *postponements = NULL, *documents = NULL;
  const char *id, *case_id, *room_id, *host_id, *host_name, *clerk_id, *clerk_name;
  const char *non_public_reason, *record_summary, *cancel_reason;
  const char *department_id, *matter, *video_link, *decision_ref, *joining;
  int kind, state, publicity;
  gint64 rev = 0;
  CivicDay informed_on, requested_on, announced_on, notice_sent_on;
  CivicDay record_signed_on, cancelled_on;
  gboolean is_public, on_request, scheduled, held, ended;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid_json (error, CIVIC_JSON_ERROR_TYPE, _("A hearing must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!civic_json_get_text (object, "id", TRUE, &id, error) ||
      !civic_json_get_text (object, "case_id", TRUE, &case_id, error) ||
      !civic_json_get_enum (object, "kind", TRUE, CIVIC_TYPE_HEARING_KIND, &kind, error) ||
      !civic_json_get_enum (object, "state", TRUE, CIVIC_TYPE_HEARING_STATE, &state, error))
    return NULL;

  on_request = kind == CIVIC_HEARING_KIND_ON_REQUEST;
  scheduled = state == CIVIC_HEARING_STATE_SCHEDULED || state == CIVIC_HEARING_STATE_NOTIFIED ||
              state == CIVIC_HEARING_STATE_HELD || state == CIVIC_HEARING_STATE_RECORD_SIGNED;
  held = state == CIVIC_HEARING_STATE_HELD || state == CIVIC_HEARING_STATE_RECORD_SIGNED;
  ended = state == CIVIC_HEARING_STATE_CANCELLED || state == CIVIC_HEARING_STATE_WITHDRAWN;

  if (!civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &rev, error) ||
      !civic_json_get_string (object, "department_id", FALSE, &department_id, error) ||
      !civic_json_get_string (object, "matter", FALSE, &matter, error) ||
      !civic_json_get_string (object, "joining", FALSE, &joining, error) ||
      !civic_json_get_array (object, "cases", FALSE, &cases, error) ||
      !civic_json_get_string (object, "video_link", FALSE, &video_link, error) ||
      !civic_json_get_array (object, "postponements", FALSE, &postponements, error) ||
      !civic_json_get_string (object, "decision_ref", FALSE, &decision_ref, error) ||
      !civic_json_get_array (object, "documents", FALSE, &documents, error))
    return NULL;

  if (!get_day_if (object, "informed_on", on_request, on_request, &informed_on, error) ||
      !get_day_if (object, "requested_on", on_request, on_request, &requested_on, error) ||
      !civic_json_get_day (object, "announced_on", FALSE, &announced_on, error) ||
      !civic_json_get_instant (object, "starts_at", scheduled, &starts_at, error) ||
      !civic_json_get_instant (object, "ends_at", scheduled, &ends_at, error) ||
      !get_text_if (object, "room_id", scheduled, TRUE, &room_id, error) ||
      !get_text_if (object, "host_id", scheduled, TRUE, &host_id, error) ||
      !get_text_if (object, "host_name", scheduled, TRUE, &host_name, error) ||
      !civic_json_get_string (object, "clerk_id", FALSE, &clerk_id, error) ||
      !civic_json_get_string (object, "clerk_name", FALSE, &clerk_name, error) ||
      !civic_json_get_bool (object, "is_public", TRUE, &is_public, error) ||
      !get_text_if (object, "non_public_reason", FALSE, !is_public, &non_public_reason, error) ||
      !civic_json_get_day (object, "notice_sent_on", FALSE, &notice_sent_on, error) ||
      !civic_json_get_array (object, "participants", TRUE, &participants, error) ||
      !civic_json_get_array (object, "recusals", TRUE, &recusals, error) ||
      !get_text_if (object, "record_summary", state == CIVIC_HEARING_STATE_RECORD_SIGNED,
                    held || state == CIVIC_HEARING_STATE_CANCELLED, &record_summary, error) ||
      !get_day_if (object, "record_signed_on", state == CIVIC_HEARING_STATE_RECORD_SIGNED,
                   state == CIVIC_HEARING_STATE_RECORD_SIGNED, &record_signed_on, error) ||
      !get_day_if (object, "cancelled_on", ended, ended, &cancelled_on, error) ||
      !get_text_if (object, "cancel_reason", ended, ended, &cancel_reason, error))
    return NULL;

  /* Before the publicity had grounds, a closed hearing had a reason */
  publicity = is_public ? CIVIC_HEARING_PUBLIC : CIVIC_HEARING_CLOSED_OTHER;
  if (json_object_has_member (object, "publicity") &&
      !civic_json_get_enum (object, "publicity", TRUE, CIVIC_TYPE_HEARING_PUBLICITY, &publicity,
                            error))
    return NULL;
  if ((publicity == CIVIC_HEARING_PUBLIC) != is_public)
    {
      invalid_json (error, CIVIC_JSON_ERROR_VALUE, _("“publicity” contradicts “is_public”"));
      return NULL;
    }

  if ((starts_at == NULL) != (ends_at == NULL))
    {
      invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                    _("“starts_at” and “ends_at” go together"));
      return NULL;
    }

  if (starts_at != NULL && g_date_time_compare (ends_at, starts_at) <= 0)
    {
      invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                    _("“ends_at” must come after “starts_at”"));
      return NULL;
    }

  if (state == CIVIC_HEARING_STATE_POSTPONED && starts_at != NULL)
    {
      invalid_json (error, CIVIC_JSON_ERROR_VALUE, _("A postponed hearing has no time yet"));
      return NULL;
    }

  if (state == CIVIC_HEARING_STATE_PENDING && (starts_at != NULL || host_id != NULL))
    {
      invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                    _("A pending hearing has no time, place or host yet"));
      return NULL;
    }

  if ((room_id == NULL || host_id == NULL) && starts_at != NULL)
    {
      invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                    _("A hearing with a time needs a room and a host"));
      return NULL;
    }

  if ((host_id == NULL) != (host_name == NULL) || (clerk_id == NULL) != (clerk_name == NULL))
    {
      invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                    _("An ID and a name go together"));
      return NULL;
    }

  if (notice_sent_on != CIVIC_DAY_INVALID && starts_at == NULL)
    {
      invalid_json (error, CIVIC_JSON_ERROR_VALUE,
                    _("“notice_sent_on” needs “starts_at”"));
      return NULL;
    }

  self = g_object_new (CIVIC_TYPE_HEARING,
                       "id", id,
                       "case-id", case_id,
                       "kind", kind,
                       NULL);
  self->state = state;
  self->rev = rev;
  self->department_id = g_strdup (department_id);
  self->matter = g_strdup (matter);
  self->joining = g_strdup (joining);
  self->publicity = publicity;
  self->video_link = g_strdup (video_link);
  self->decision_ref = g_strdup (decision_ref);
  self->informed_on = informed_on;
  self->requested_on = requested_on;
  self->announced_on = announced_on;
  self->starts_at = g_steal_pointer (&starts_at);
  self->ends_at = g_steal_pointer (&ends_at);
  self->room_id = g_strdup (room_id);
  self->host_id = g_strdup (host_id);
  self->host_name = g_strdup (host_name);
  self->clerk_id = g_strdup (clerk_id);
  self->clerk_name = g_strdup (clerk_name);
  self->is_public = is_public;
  self->non_public_reason = g_strdup (non_public_reason);
  self->notice_sent_on = notice_sent_on;
  self->record_summary = g_strdup (record_summary);
  self->record_signed_on = record_signed_on;
  self->cancelled_on = cancelled_on;
  self->cancel_reason = g_strdup (cancel_reason);

  for (guint i = 0; cases != NULL && i < json_array_get_length (cases); i++)
    if (!read_case (self, json_array_get_element (cases, i), i, error))
      {
        g_prefix_error (error, _("Case %u: "), i + 1);
        return NULL;
      }

  for (guint i = 0; documents != NULL && i < json_array_get_length (documents); i++)
    {
      JsonNode *element = json_array_get_element (documents, i);
      CivicCaseDocument *document = JSON_NODE_HOLDS_OBJECT (element)
        ? civic_case_document_read (json_node_get_object (element), error) : NULL;

      if (document == NULL)
        {
          if (error != NULL && *error == NULL)
            invalid_json (error, CIVIC_JSON_ERROR_TYPE, _("It must be an object"));
          g_prefix_error (error, _("Document %u: "), i + 1);
          return NULL;
        }
      g_ptr_array_add (self->documents, document);
    }

  for (guint i = 0; postponements != NULL && i < json_array_get_length (postponements); i++)
    if (!read_postponement (self, json_array_get_element (postponements, i), error))
      {
        g_prefix_error (error, _("Postponement %u: "), i + 1);
        return NULL;
      }

  for (guint i = 0; i < json_array_get_length (participants); i++)
    if (!read_participant (self, json_array_get_element (participants, i),
                           held || state == CIVIC_HEARING_STATE_CANCELLED, error))
      {
        g_prefix_error (error, _("Participant %u: "), i + 1);
        return NULL;
      }

  for (guint i = 0; i < json_array_get_length (recusals); i++)
    if (!read_recusal (self, json_array_get_element (recusals, i), error))
      {
        g_prefix_error (error, _("Recusal request %u: "), i + 1);
        return NULL;
      }

  return g_steal_pointer (&self);
}
