/* civic-case.c — a licensing case (办件), as the law and the hall see it
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
#include "civic-time.h"

/* A case is a record: the workflow (civic-workflow.c) is what changes it,
 * one checked action at a time. The case itself only knows how to be
 * created, copied, read and written. */

G_DEFINE_FINAL_TYPE (CivicCase, civic_case, G_TYPE_OBJECT)

void
civic_material_free (CivicMaterial *material)
{
  g_free (material->id);
  g_free (material->name);
  g_free (material);
}

void
civic_correction_free (CivicCorrection *correction)
{
  g_strfreev (correction->items);
  g_free (correction->note);
  g_free (correction->override_reason);
  g_free (correction);
}

void
civic_opinion_free (CivicOpinion *opinion)
{
  g_free (opinion->by_id);
  g_free (opinion->by_name);
  g_clear_pointer (&opinion->at, g_date_time_unref);
  g_free (opinion->text);
  g_free (opinion);
}

void
civic_verification_free (CivicVerification *verification)
{
  g_strfreev (verification->verifiers);
  g_free (verification->note);
  g_free (verification->recorded_by);
  g_free (verification);
}

void
civic_suspension_free (CivicSuspension *suspension)
{
  g_free (suspension->note);
  g_free (suspension->result);
  g_free (suspension);
}

void
civic_subtask_free (CivicSubtask *subtask)
{
  g_free (subtask->department_id);
  g_free (subtask->department_name);
  g_free (subtask->text);
  g_free (subtask->by_id);
  g_free (subtask->by_name);
  g_clear_pointer (&subtask->at, g_date_time_unref);
  g_free (subtask);
}

void
civic_case_event_free (CivicCaseEvent *event)
{
  g_free (event->type);
  g_free (event->actor_id);
  g_free (event->actor_name);
  g_clear_pointer (&event->at, g_date_time_unref);
  g_free (event->text);
  g_clear_pointer (&event->args, json_object_unref);
  g_free (event->command_id);
  g_free (event);
}

void
civic_not_accepted_free (CivicNotAccepted *not_accepted)
{
  if (not_accepted == NULL)
    return;
  g_free (not_accepted->reason);
  g_free (not_accepted->legal_basis);
  g_free (not_accepted->competent_authority);
  g_free (not_accepted);
}

void
civic_decision_free (CivicDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->by_id);
  g_free (decision->by_name);
  g_free (decision->reason);
  g_free (decision->legal_basis);
  g_free (decision->number);
  g_free (decision->reconsideration_body);
  g_free (decision->court);
  g_free (decision->hearing_record);
  g_free (decision);
}

void
civic_service_free (CivicService *service)
{
  if (service == NULL)
    return;
  g_free (service->certificate_no);
  g_free (service);
}

void
civic_closure_free (CivicClosure *closure)
{
  if (closure == NULL)
    return;
  g_free (closure->reason);
  g_free (closure);
}

void
civic_case_document_free (CivicCaseDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->id);
  g_clear_pointer (&document->at, g_date_time_unref);
  g_free (document->by_id);
  g_free (document->by_name);
  g_free (document->title);
  g_free (document->number);
  g_free (document->code);
  g_free (document->sha256);
  g_free (document->subject);
  g_free (document);
}

CivicCaseDocument *
civic_case_document_copy (const CivicCaseDocument *document)
{
  CivicCaseDocument *copy = g_memdup2 (document, sizeof *document);

  copy->id = g_strdup (document->id);
  copy->at = document->at ? g_date_time_ref (document->at) : NULL;
  copy->by_id = g_strdup (document->by_id);
  copy->by_name = g_strdup (document->by_name);
  copy->title = g_strdup (document->title);
  copy->number = g_strdup (document->number);
  copy->code = g_strdup (document->code);
  copy->sha256 = g_strdup (document->sha256);
  copy->subject = g_strdup (document->subject);
  return copy;
}

void
civic_applicant_clear (CivicApplicant *applicant)
{
  g_clear_pointer (&applicant->name, g_free);
  g_clear_pointer (&applicant->id_number, g_free);
  g_clear_pointer (&applicant->phone, g_free);
  g_clear_pointer (&applicant->address, g_free);
  g_clear_pointer (&applicant->contact, g_free);
}

static void
hearing_clear (CivicCaseHearing *hearing)
{
  g_clear_pointer (&hearing->parties, g_strfreev);
  g_clear_pointer (&hearing->requested_by, g_free);
  g_clear_pointer (&hearing->order_reason, g_free);
  g_clear_pointer (&hearing->hearing_id, g_free);
  g_clear_pointer (&hearing->record_ref, g_free);
}

static void
civic_case_finalize (GObject *object)
{
  CivicCase *self = (CivicCase *)object;

  g_free (self->id);
  g_free (self->number);
  g_free (self->item_code);
  g_free (self->item_name);
  g_free (self->item_legal_basis);
  g_free (self->item_reconsideration_body);
  g_free (self->item_court);
  g_free (self->department_id);
  g_free (self->department_name);
  civic_applicant_clear (&self->applicant);
  g_free (self->assignee_id);
  g_free (self->assignee_name);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_object (&self->correction_clock);
  g_clear_object (&self->statutory_clock);
  g_clear_object (&self->promised_clock);
  g_clear_object (&self->delivery_clock);
  g_clear_pointer (&self->materials, g_ptr_array_unref);
  g_clear_pointer (&self->corrections, g_ptr_array_unref);
  g_clear_pointer (&self->opinions, g_ptr_array_unref);
  g_clear_pointer (&self->verifications, g_ptr_array_unref);
  g_clear_pointer (&self->suspensions, g_ptr_array_unref);
  g_clear_pointer (&self->subtasks, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  hearing_clear (&self->hearing);
  g_clear_pointer (&self->not_accepted, civic_not_accepted_free);
  g_clear_pointer (&self->decision, civic_decision_free);
  g_clear_pointer (&self->service, civic_service_free);
  g_clear_pointer (&self->closure, civic_closure_free);
  g_clear_pointer (&self->documents, g_ptr_array_unref);

  G_OBJECT_CLASS (civic_case_parent_class)->finalize (object);
}

static void
civic_case_class_init (CivicCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_case_finalize;
}

static void
civic_case_init (CivicCase *self)
{
  self->materials = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_material_free);
  self->corrections = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_correction_free);
  self->opinions = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_opinion_free);
  self->verifications = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_verification_free);
  self->suspensions = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_suspension_free);
  self->subtasks = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_subtask_free);
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_case_event_free);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_case_document_free);
  self->round = 1;
  self->state = CIVIC_CASE_STATE_SUBMITTED;
  self->queue = CIVIC_QUEUE_CLERK;
  self->statutory_days = 20;
  self->track = CIVIC_TRACK_ORDINARY;
}

/**
 * civic_case_new:
 * @id: the case's UUID, made by whoever creates it (offline creation works)
 * @number: the case number shown to officials and the applicant
 * @received_at: when the application was received (OGI Art. 31 logic for
 *   each channel is the caller's)
 */
CivicCase *
civic_case_new (const char *id,
                const char *number,
                GDateTime  *received_at)
{
  CivicCase *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (received_at != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_CASE, NULL);
  self->id = g_strdup (id);
  self->number = g_strdup (number ? number : id);
  self->received_at = g_date_time_to_utc (received_at);
  self->received_on = civic_time_day_of (received_at);
  return self;
}

void
civic_case_set_item (CivicCase     *self,
                     const char    *code,
                     const char    *name,
                     CivicItemKind  kind,
                     int            statutory_days,
                     int            promised_days,
                     CivicTrack     track,
                     gboolean       hearing_required,
                     const char    *legal_basis)
{
  g_return_if_fail (CIVIC_IS_CASE (self));
  g_return_if_fail (statutory_days > 0);
  g_return_if_fail (promised_days >= 0 && promised_days <= statutory_days);

  g_free (self->item_code);
  self->item_code = g_strdup (code);
  g_free (self->item_name);
  self->item_name = g_strdup (name);
  self->item_kind = kind;
  self->statutory_days = statutory_days;
  self->promised_days = promised_days;
  self->track = track;
  self->hearing.required = hearing_required;
  g_free (self->item_legal_basis);
  self->item_legal_basis = g_strdup (legal_basis);
}

/**
 * civic_case_set_item_terms:
 * @version: the catalogue's version of the item the case is filed under
 *
 * How the limits civic_case_set_item() gave are counted: in working days
 * (the Licensing Law's), or in calendar days where a special law sets
 * them so. Both limits are counted alike (civic-item-limits.c).
 */
void
civic_case_set_item_terms (CivicCase      *self,
                           int             version,
                           CivicClockUnit  statutory_unit,
                           CivicClockUnit  promised_unit)
{
  g_return_if_fail (CIVIC_IS_CASE (self));
  g_return_if_fail (version >= 0);

  self->item_version = version;
  self->statutory_unit = statutory_unit;
  self->promised_unit = promised_unit;
}

/**
 * civic_case_set_item_remedies:
 * @reconsideration_body: (nullable): who hears an administrative
 *   reconsideration of the authority's decisions
 * @court: (nullable): the court that hears a suit against them
 *
 * The remedies a refusal names (Administrative Licensing Law, Art. 38), as
 * the catalogue gives them for the item's authority: a refusal starts
 * from them.
 */
void
civic_case_set_item_remedies (CivicCase  *self,
                              const char *reconsideration_body,
                              const char *court)
{
  g_return_if_fail (CIVIC_IS_CASE (self));

  g_free (self->item_reconsideration_body);
  self->item_reconsideration_body = g_strdup (reconsideration_body);
  g_free (self->item_court);
  self->item_court = g_strdup (court);
}

void
civic_case_set_department (CivicCase  *self,
                           const char *id,
                           const char *name)
{
  g_return_if_fail (CIVIC_IS_CASE (self));

  g_free (self->department_id);
  self->department_id = g_strdup (id);
  g_free (self->department_name);
  self->department_name = g_strdup (name);
}

void
civic_case_set_channel (CivicCase    *self,
                        CivicChannel  channel)
{
  g_return_if_fail (CIVIC_IS_CASE (self));
  self->channel = channel;
}

void
_civic_applicant_copy (CivicApplicant       *dest,
                       const CivicApplicant *src)
{
  dest->kind = src->kind;
  dest->name = g_strdup (src->name);
  dest->id_number = g_strdup (src->id_number);
  dest->phone = g_strdup (src->phone);
  dest->address = g_strdup (src->address);
  dest->contact = g_strdup (src->contact);
  dest->masked = src->masked;
}

void
civic_case_set_applicant (CivicCase            *self,
                          const CivicApplicant *applicant)
{
  g_return_if_fail (CIVIC_IS_CASE (self));
  g_return_if_fail (applicant != NULL);

  civic_applicant_clear (&self->applicant);
  _civic_applicant_copy (&self->applicant, applicant);
}

void
civic_case_add_material (CivicCase  *self,
                         const char *id,
                         const char *name,
                         gboolean    required,
                         gboolean    received)
{
  CivicMaterial *material;

  g_return_if_fail (CIVIC_IS_CASE (self));
  g_return_if_fail (id != NULL && name != NULL);

  material = g_new0 (CivicMaterial, 1);
  material->id = g_strdup (id);
  material->name = g_strdup (name);
  material->required = !!required;
  material->received = !!received;
  g_ptr_array_add (self->materials, material);
}

void
civic_case_add_subtask (CivicCase  *self,
                        const char *department_id,
                        const char *department_name)
{
  CivicSubtask *subtask;

  g_return_if_fail (CIVIC_IS_CASE (self));
  g_return_if_fail (department_id != NULL);

  subtask = g_new0 (CivicSubtask, 1);
  subtask->department_id = g_strdup (department_id);
  subtask->department_name = g_strdup (department_name ? department_name : department_id);
  g_ptr_array_add (self->subtasks, subtask);
}

/**
 * civic_case_start:
 *
 * Starts the clock of a new application: the agency has five working days
 * from receipt to send a correction notice; after that the application
 * counts as accepted from the day it was received (ALL Art. 32(4)).
 */
void
civic_case_start (CivicCase     *self,
                  CivicCalendar *calendar)
{
  g_return_if_fail (CIVIC_IS_CASE (self));

  if (self->correction_clock != NULL)
    return;

  self->correction_clock = civic_clock_new (CIVIC_CLOCK_KIND_CORRECTION_NOTICE,
                                            CIVIC_CLOCK_TRIGGER_RECEIVED, self->received_on,
                                            CIVIC_CLOCK_UNIT_WORKING_DAYS, 5,
                                            "all-32-4");

  if (self->events->len == 0)
    {
      g_autoptr(JsonObject) args = json_object_new ();

      json_object_set_string_member (args, "channel",
                                     civic_enum_to_nick (CIVIC_TYPE_CHANNEL, self->channel));
      civic_case_append_event (self, "submit", NULL, self->received_at, NULL, args, NULL);
    }
}

CivicCaseEvent *
civic_case_append_event (CivicCase        *self,
                         const char       *type,
                         const CivicActor *actor,
                         GDateTime        *at,
                         const char       *text,
                         JsonObject       *args,
                         const char       *command_id)
{
  CivicCaseEvent *event;

  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);
  g_return_val_if_fail (type != NULL && at != NULL, NULL);

  event = g_new0 (CivicCaseEvent, 1);
  event->type = g_strdup (type);
  event->actor_id = g_strdup (actor ? actor->id : NULL);
  event->actor_name = g_strdup (actor ? actor->name : NULL);
  event->at = g_date_time_to_utc (at);
  event->text = g_strdup (text);
  if (args != NULL && json_object_get_size (args) > 0)
    event->args = json_object_ref (args);
  event->command_id = g_strdup (command_id);
  g_ptr_array_add (self->events, event);
  return event;
}

/* Getters */

#define GETTER(type, name, field, fallback) \
  type \
  civic_case_get_##name (CivicCase *self) \
  { \
    g_return_val_if_fail (CIVIC_IS_CASE (self), fallback); \
    return self->field; \
  }

GETTER (const char *, id, id, NULL)
GETTER (const char *, number, number, NULL)
GETTER (gint64, rev, rev, 0)
GETTER (const char *, item_code, item_code, NULL)
GETTER (const char *, item_name, item_name, NULL)
GETTER (CivicItemKind, item_kind, item_kind, 0)
GETTER (const char *, item_legal_basis, item_legal_basis, NULL)
GETTER (const char *, item_reconsideration_body, item_reconsideration_body, NULL)
GETTER (const char *, item_court, item_court, NULL)
GETTER (CivicTrack, track, track, 0)
GETTER (int, statutory_days, statutory_days, 0)
GETTER (int, promised_days, promised_days, 0)
GETTER (int, item_version, item_version, 0)
GETTER (CivicClockUnit, statutory_unit, statutory_unit, CIVIC_CLOCK_UNIT_WORKING_DAYS)
GETTER (const char *, department_id, department_id, NULL)
GETTER (const char *, department_name, department_name, NULL)
GETTER (CivicChannel, channel, channel, 0)
GETTER (CivicCaseState, state, state, 0)
GETTER (CivicQueue, queue, queue, 0)
GETTER (const char *, assignee_id, assignee_id, NULL)
GETTER (const char *, assignee_name, assignee_name, NULL)
GETTER (GDateTime *, received_at, received_at, NULL)
GETTER (CivicDay, received_on, received_on, 0)
GETTER (CivicDay, accepted_on, accepted_on, 0)
GETTER (gboolean, deemed_accepted, deemed_accepted, FALSE)
GETTER (int, round, round, 0)
GETTER (CivicClock *, correction_clock, correction_clock, NULL)
GETTER (CivicClock *, statutory_clock, statutory_clock, NULL)
GETTER (CivicClock *, promised_clock, promised_clock, NULL)
GETTER (CivicClock *, delivery_clock, delivery_clock, NULL)
GETTER (GPtrArray *, materials, materials, NULL)
GETTER (GPtrArray *, corrections, corrections, NULL)
GETTER (GPtrArray *, opinions, opinions, NULL)
GETTER (GPtrArray *, verifications, verifications, NULL)
GETTER (GPtrArray *, suspensions, suspensions, NULL)
GETTER (GPtrArray *, subtasks, subtasks, NULL)
GETTER (GPtrArray *, events, events, NULL)
GETTER (GPtrArray *, documents, documents, NULL)
GETTER (const CivicNotAccepted *, not_accepted, not_accepted, NULL)
GETTER (const CivicDecision *, decision, decision, NULL)
GETTER (const CivicService *, service, service, NULL)
GETTER (const CivicClosure *, closure, closure, NULL)

#undef GETTER

const CivicApplicant *
civic_case_get_applicant (CivicCase *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);
  return &self->applicant;
}

const CivicCaseHearing *
civic_case_get_hearing (CivicCase *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);
  return &self->hearing;
}

void
civic_case_set_rev (CivicCase *self,
                    gint64     rev)
{
  g_return_if_fail (CIVIC_IS_CASE (self));
  self->rev = rev;
}

/**
 * civic_case_get_governing_clock:
 *
 * Returns: (nullable) (transfer none): the clock that matters now, the one
 * the inbox sorts and colours by: the correction window before acceptance,
 * the promised limit (the working target) during review, the delivery
 * deadline after an approval; %NULL once nothing runs.
 */
CivicClock *
civic_case_get_governing_clock (CivicCase *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

  switch (self->state)
    {
    case CIVIC_CASE_STATE_SUBMITTED:
    case CIVIC_CASE_STATE_PRE_REVIEW:
      return self->correction_clock;

    case CIVIC_CASE_STATE_UNDER_REVIEW:
    case CIVIC_CASE_STATE_SUSPENDED:
    case CIVIC_CASE_STATE_HEARING:
      return self->promised_clock ? self->promised_clock : self->statutory_clock;

    case CIVIC_CASE_STATE_APPROVED:
      return self->delivery_clock;

    case CIVIC_CASE_STATE_CORRECTION_REQUESTED:
    case CIVIC_CASE_STATE_NOT_ACCEPTED:
    case CIVIC_CASE_STATE_DENIED:
    case CIVIC_CASE_STATE_SERVED:
    case CIVIC_CASE_STATE_CLOSED:
    default:
      return NULL;
    }
}

gboolean
civic_case_is_joint (CivicCase *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), FALSE);
  return self->subtasks->len > 0;
}

gboolean
civic_case_is_open (CivicCase *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), FALSE);
  return self->state != CIVIC_CASE_STATE_CLOSED;
}

const CivicMaterial *
civic_case_find_material (CivicCase  *self,
                          const char *id)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

  for (guint i = 0; i < self->materials->len; i++)
    {
      CivicMaterial *material = g_ptr_array_index (self->materials, i);

      if (g_strcmp0 (material->id, id) == 0)
        return material;
    }

  return NULL;
}

/**
 * civic_case_dup_missing_materials:
 *
 * Returns: (transfer container) (element-type CivicMaterial): the required
 * materials not yet received, the content of a correction notice.
 */
GPtrArray *
civic_case_dup_missing_materials (CivicCase *self)
{
  GPtrArray *missing = g_ptr_array_new ();

  g_return_val_if_fail (CIVIC_IS_CASE (self), missing);

  for (guint i = 0; i < self->materials->len; i++)
    {
      CivicMaterial *material = g_ptr_array_index (self->materials, i);

      if (material->required && !material->received)
        g_ptr_array_add (missing, material);
    }

  return missing;
}

/**
 * civic_case_dup_pending_subtasks:
 *
 * Returns: (transfer container) (element-type CivicSubtask): the
 * co-departments holding the case up.
 */
GPtrArray *
civic_case_dup_pending_subtasks (CivicCase *self)
{
  GPtrArray *pending = g_ptr_array_new ();

  g_return_val_if_fail (CIVIC_IS_CASE (self), pending);

  for (guint i = 0; i < self->subtasks->len; i++)
    {
      CivicSubtask *subtask = g_ptr_array_index (self->subtasks, i);

      if (!subtask->done)
        g_ptr_array_add (pending, subtask);
    }

  return pending;
}

/**
 * civic_case_dup_examiner_ids:
 *
 * Returns: (transfer full): everyone who examined the case: wrote a review
 * opinion, verified it on site, or took part in its review. None of them
 * may host its hearing (ALL Art. 48(3)).
 */
/**
 * civic_case_set_hearing_id:
 *
 * Ties the case to the hearing the service made for it
 * (civic-hearing-records.c), when it asked for one.
 */
void
civic_case_set_hearing_id (CivicCase  *self,
                           const char *hearing_id)
{
  g_return_if_fail (CIVIC_IS_CASE (self));

  g_free (self->hearing.hearing_id);
  self->hearing.hearing_id = g_strdup (hearing_id);
}

GStrv
civic_case_dup_examiner_ids (CivicCase *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

#define ADD(id) \
  G_STMT_START { \
    const char *_id = (id); \
    if (_id != NULL && g_hash_table_add (seen, (gpointer) _id)) \
      g_strv_builder_add (builder, _id); \
  } G_STMT_END

  for (guint i = 0; i < self->opinions->len; i++)
    ADD (((CivicOpinion *) g_ptr_array_index (self->opinions, i))->by_id);

  for (guint i = 0; i < self->verifications->len; i++)
    {
      CivicVerification *verification = g_ptr_array_index (self->verifications, i);

      for (guint j = 0; verification->verifiers && verification->verifiers[j]; j++)
        ADD (verification->verifiers[j]);
    }

  for (guint i = 0; i < self->events->len; i++)
    {
      CivicCaseEvent *event = g_ptr_array_index (self->events, i);

      if (g_str_equal (event->type, "verify") || g_str_equal (event->type, "opinion") ||
          g_str_equal (event->type, "inform-hearing-right"))
        ADD (event->actor_id);
    }

#undef ADD

  return g_strv_builder_end (builder);
}

/**
 * civic_case_may_reveal:
 *
 * Whether @actor may see the applicant's personal data in the clear: an
 * official handling cases in a department the case involves, and nobody
 * else (PIPL Art. 34: only what their duties require) — supervision does
 * not need it. The service decides by it, and the client offers Reveal by
 * it.
 */
gboolean
civic_case_may_reveal (CivicCase        *self,
                       const CivicActor *actor)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), FALSE);

  return actor != NULL && civic_actor_has_role (actor, CIVIC_ROLES_CASEWORK) &&
         civic_case_involves_department (self, actor->department_id);
}

gboolean
civic_case_involves_department (CivicCase  *self,
                                const char *department_id)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), FALSE);

  if (department_id == NULL)
    return FALSE;

  if (g_strcmp0 (self->department_id, department_id) == 0)
    return TRUE;

  for (guint i = 0; i < self->subtasks->len; i++)
    if (g_strcmp0 (((CivicSubtask *) g_ptr_array_index (self->subtasks, i))->department_id,
                   department_id) == 0)
      return TRUE;

  return FALSE;
}

void
_civic_applicant_mask (CivicApplicant *applicant)
{
  char *masked;

  if (applicant->masked)
    return;

#define REPLACE(field, fn) \
  G_STMT_START { \
    masked = fn (applicant->field); \
    g_free (applicant->field); \
    applicant->field = masked; \
  } G_STMT_END

  /* An organisation's name and credit code are public registration data;
   * its contact person is not. */
  if (applicant->kind == CIVIC_APPLICANT_PERSON)
    {
      REPLACE (name, civic_privacy_mask_name);
      REPLACE (id_number, civic_privacy_mask_id_number);
    }
  REPLACE (contact, civic_privacy_mask_name);
  REPLACE (phone, civic_privacy_mask_phone);
  REPLACE (address, civic_privacy_mask_address);

#undef REPLACE

  applicant->masked = TRUE;
}

/* Labels */

const char *
civic_case_state_get_label (CivicCaseState state)
{
  switch (state)
    {
    case CIVIC_CASE_STATE_SUBMITTED: return _("Submitted");
    case CIVIC_CASE_STATE_PRE_REVIEW: return _("Pre-review");
    case CIVIC_CASE_STATE_CORRECTION_REQUESTED: return _("Awaiting correction");
    case CIVIC_CASE_STATE_NOT_ACCEPTED: return _("Not accepted");
    case CIVIC_CASE_STATE_UNDER_REVIEW: return _("Under review");
    case CIVIC_CASE_STATE_SUSPENDED: return _("Special procedure");
    case CIVIC_CASE_STATE_HEARING: return _("Hearing");
    case CIVIC_CASE_STATE_APPROVED: return _("Approved");
    case CIVIC_CASE_STATE_DENIED: return _("Denied");
    case CIVIC_CASE_STATE_SERVED: return _("Served");
    case CIVIC_CASE_STATE_CLOSED: return _("Closed");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_closure_code_get_label (CivicClosureCode code)
{
  switch (code)
    {
    case CIVIC_CLOSURE_GRANTED: return _("Licence granted");
    case CIVIC_CLOSURE_DENIED: return _("Licence denied");
    case CIVIC_CLOSURE_VOIDED: return _("Voided");
    case CIVIC_CLOSURE_DELETED: return _("Entered in error");
    case CIVIC_CLOSURE_FORWARDED: return _("Forwarded to another authority");
    case CIVIC_CLOSURE_WITHDRAWN: return _("Withdrawn or correction not completed");
    case CIVIC_CLOSURE_NOT_ACCEPTED: return _("Not accepted");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_channel_get_label (CivicChannel channel)
{
  switch (channel)
    {
    case CIVIC_CHANNEL_ONLINE: return _("Online hall");
    case CIVIC_CHANNEL_WINDOW: return _("Service window");
    case CIVIC_CHANNEL_MAIL: return _("Mail");
    case CIVIC_CHANNEL_MOBILE_APP: return _("Mobile app");
    case CIVIC_CHANNEL_WECHAT: return _("WeChat");
    case CIVIC_CHANNEL_SELF_SERVICE: return _("Self-service terminal");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_queue_get_label (CivicQueue queue)
{
  switch (queue)
    {
    case CIVIC_QUEUE_NONE: return _("No queue");
    case CIVIC_QUEUE_CLERK: return _("Window clerks");
    case CIVIC_QUEUE_EXAMINER: return _("Examiners");
    case CIVIC_QUEUE_APPROVER: return _("Approvers");
    case CIVIC_QUEUE_HEARING: return _("Hearing officers");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_recommendation_get_label (CivicRecommendation recommendation)
{
  switch (recommendation)
    {
    case CIVIC_RECOMMENDATION_APPROVE: return _("Approve");
    case CIVIC_RECOMMENDATION_DENY: return _("Deny");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_service_method_get_label (CivicServiceMethod method)
{
  switch (method)
    {
    case CIVIC_SERVICE_IN_PERSON: return _("In person");
    case CIVIC_SERVICE_POST: return _("By post");
    case CIVIC_SERVICE_ELECTRONIC: return _("Electronically");
    case CIVIC_SERVICE_ANNOUNCEMENT: return _("By public announcement");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_not_accept_ground_get_label (CivicNotAcceptGround ground)
{
  switch (ground)
    {
    case CIVIC_NOT_ACCEPT_NO_LICENCE_NEEDED: return _("No licence is needed (Art. 32(1))");
    case CIVIC_NOT_ACCEPT_NOT_COMPETENT: return _("Not within this authority’s powers (Art. 32(2))");
    case CIVIC_NOT_ACCEPT_OTHER: return _("Other legal ground");
    default: g_return_val_if_reached ("");
    }
}

/**
 * civic_case_copy:
 *
 * Returns: (transfer full): an independent copy, the draft the workflow
 * changes so that a refused action leaves the original untouched.
 */
CivicCase *
civic_case_copy (CivicCase *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  CivicCase *copy;

  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

  node = civic_case_to_json (self);
  copy = civic_case_new_from_json (node, &error);
  if (copy == NULL)
    g_critical ("A case failed to read back its own JSON: %s", error->message);

  return copy;
}

/**
 * civic_case_copy_masked:
 *
 * Returns: (transfer full): a copy with the applicant's personal data
 * masked, as the change feed carries it; revealing the rest is a separate,
 * audited request.
 */
CivicCase *
civic_case_copy_masked (CivicCase *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

  node = civic_case_to_masked_json (self);
  return civic_case_new_from_json (node, NULL);
}
