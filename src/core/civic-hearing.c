/* civic-hearing.c — a licensing hearing (听证) and its procedure, ALL Arts. 46–48
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
#include "civic-time.h"

/* The procedure, as Arts. 46–48 of the Administrative Licensing Law set it:
 *
 * - Art. 46: a hearing the law requires, or the authority holds of its own
 *   motion for a major licence of public interest, is announced to the
 *   public (向社会公告) before it is held.
 * - Art. 47: when a licence touches major interests between the applicant
 *   and others, the parties are told of their right to a hearing; a
 *   request within 5 days of being told obliges the authority to hold the
 *   hearing within 20 days. The law says neither how the applicant's
 *   5 days are counted nor from when the 20 run: both are policy, with
 *   the reference's defaults (working days; from the request).
 * - Art. 48: notice of the time and place at least 7 days before; public
 *   unless there is a reason; a host who did not examine the application,
 *   whose recusal the parties may ask for; a record every participant
 *   signs or seals, on which the decision rests.
 *
 * Periods are counted like CivicClock counts them: the day of the event is
 * not counted (Civil Code Art. 201), and a period in calendar days whose
 * last day is a rest day runs to the next working day (Civil Procedure Law
 * Art. 85).
 *
 * Every change checks first and applies after, so a refused change leaves
 * the hearing exactly as it was. */


G_DEFINE_FINAL_TYPE (CivicHearing, civic_hearing, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-hearing-error-quark, civic_hearing_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_KIND,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
participant_free (CivicHearingParticipant *participant)
{
  g_free (participant->id);
  g_free (participant->name);
  g_free (participant->contact);
  g_free (participant->represents);
  g_free (participant->refusal_note);
  g_free (participant);
}

static CivicHearingParticipant *
participant_dup (const CivicHearingParticipant *participant)
{
  CivicHearingParticipant *dup = g_memdup2 (participant, sizeof *participant);

  dup->id = g_strdup (participant->id);
  dup->name = g_strdup (participant->name);
  dup->contact = g_strdup (participant->contact);
  dup->represents = g_strdup (participant->represents);
  dup->refusal_note = g_strdup (participant->refusal_note);
  return dup;
}

CivicHearingCase *
_civic_hearing_case_new (const char         *id,
                         const char         *number,
                         const char * const *examiner_ids)
{
  CivicHearingCase *hearing_case = g_new0 (CivicHearingCase, 1);

  hearing_case->id = g_strdup (id);
  hearing_case->number = g_strdup (number);
  hearing_case->examiner_ids = examiner_ids ? g_strdupv ((GStrv) examiner_ids) : g_new0 (char *, 1);
  return hearing_case;
}

void
_civic_hearing_case_free (CivicHearingCase *hearing_case)
{
  g_free (hearing_case->id);
  g_free (hearing_case->number);
  g_strfreev (hearing_case->examiner_ids);
  g_free (hearing_case);
}

CivicHearingPostponement *
_civic_hearing_postponement_new (GDateTime  *from,
                                 const char *reason,
                                 CivicDay    on)
{
  CivicHearingPostponement *postponement = g_new0 (CivicHearingPostponement, 1);

  postponement->from = from ? g_date_time_ref (from) : NULL;
  postponement->reason = g_strdup (reason);
  postponement->on = on;
  return postponement;
}

static void
postponement_free (CivicHearingPostponement *postponement)
{
  g_clear_pointer (&postponement->from, g_date_time_unref);
  g_free (postponement->reason);
  g_free (postponement);
}

static void
recusal_free (CivicHearingRecusal *recusal)
{
  g_free (recusal->by_id);
  g_free (recusal->against_id);
  g_free (recusal->against_name);
  g_free (recusal->reason);
  g_free (recusal->decided_by);
  g_free (recusal->note);
  g_free (recusal);
}

static CivicHearingRecusal *
recusal_dup (const CivicHearingRecusal *recusal)
{
  CivicHearingRecusal *dup = g_memdup2 (recusal, sizeof *recusal);

  dup->by_id = g_strdup (recusal->by_id);
  dup->against_id = g_strdup (recusal->against_id);
  dup->against_name = g_strdup (recusal->against_name);
  dup->reason = g_strdup (recusal->reason);
  dup->decided_by = g_strdup (recusal->decided_by);
  dup->note = g_strdup (recusal->note);
  return dup;
}

void
civic_hearing_finding_free (CivicHearingFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->message);
  g_free (finding);
}

void
civic_hearing_conflict_free (CivicHearingConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_clear_object (&conflict->a);
  g_clear_object (&conflict->b);
  g_free (conflict->resource_id);
  g_free (conflict);
}

static void
civic_hearing_finalize (GObject *object)
{
  CivicHearing *self = (CivicHearing *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->department_id, g_free);
  g_clear_pointer (&self->matter, g_free);
  g_clear_pointer (&self->joining, g_free);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->video_link, g_free);
  g_clear_pointer (&self->postponements, g_ptr_array_unref);
  g_clear_pointer (&self->decision_ref, g_free);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  g_clear_pointer (&self->room_id, g_free);
  g_clear_pointer (&self->host_id, g_free);
  g_clear_pointer (&self->host_name, g_free);
  g_clear_pointer (&self->clerk_id, g_free);
  g_clear_pointer (&self->clerk_name, g_free);
  g_clear_pointer (&self->non_public_reason, g_free);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_pointer (&self->recusals, g_ptr_array_unref);
  g_clear_pointer (&self->record_summary, g_free);
  g_clear_pointer (&self->cancel_reason, g_free);

  G_OBJECT_CLASS (civic_hearing_parent_class)->finalize (object);
}

static void
civic_hearing_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CivicHearing *self = CIVIC_HEARING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_hearing_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CivicHearing *self = CIVIC_HEARING (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_CASE_ID:
      /* The first case it serves; more may join (civic_hearing_add_case) */
      self->case_id = g_value_dup_string (value);
      if (self->case_id != NULL)
        g_ptr_array_add (self->cases, _civic_hearing_case_new (self->case_id, NULL, NULL));
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_hearing_class_init (CivicHearingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_hearing_finalize;
  object_class->get_property = civic_hearing_get_property;
  object_class->set_property = civic_hearing_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CIVIC_TYPE_HEARING_KIND,
                       CIVIC_HEARING_KIND_EX_OFFICIO,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CIVIC_TYPE_HEARING_STATE,
                       CIVIC_HEARING_STATE_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
civic_hearing_init (CivicHearing *self)
{
  self->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) participant_free);
  self->recusals = g_ptr_array_new_with_free_func ((GDestroyNotify) recusal_free);
  self->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) _civic_hearing_case_free);
  self->postponements = g_ptr_array_new_with_free_func ((GDestroyNotify) postponement_free);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_case_document_free);
  /* Art. 48(2): "听证应当公开举行" */
  self->publicity = CIVIC_HEARING_PUBLIC;
  self->is_public = TRUE;
}

static void
set_state (CivicHearing      *self,
           CivicHearingState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Construction */

/**
 * civic_hearing_new_ex_officio:
 *
 * A hearing the law requires, or that the authority holds on a major
 * licence of public interest (Art. 46). It has to be announced to the
 * public before it is held.
 */
CivicHearing *
civic_hearing_new_ex_officio (const char *id,
                              const char *case_id)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (case_id != NULL && *case_id != '\0', NULL);

  return g_object_new (CIVIC_TYPE_HEARING,
                       "id", id,
                       "case-id", case_id,
                       "kind", CIVIC_HEARING_KIND_EX_OFFICIO,
                       NULL);
}

/**
 * civic_hearing_new_on_request:
 * @informed_on: the day the parties were told of their right to a hearing
 * @requested_on: the day the request was received
 *
 * A hearing an applicant or an interested party asked for (Art. 47). A
 * late request is not refused here: the authority may still grant it, and
 * civic_hearing_validate() says it was late.
 */
CivicHearing *
civic_hearing_new_on_request (const char *id,
                              const char *case_id,
                              CivicDay    informed_on,
                              CivicDay    requested_on)
{
  CivicHearing *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (case_id != NULL && *case_id != '\0', NULL);
  g_return_val_if_fail (informed_on != CIVIC_DAY_INVALID, NULL);
  g_return_val_if_fail (requested_on != CIVIC_DAY_INVALID, NULL);

  self = g_object_new (CIVIC_TYPE_HEARING,
                       "id", id,
                       "case-id", case_id,
                       "kind", CIVIC_HEARING_KIND_ON_REQUEST,
                       NULL);
  self->informed_on = informed_on;
  self->requested_on = requested_on;
  return self;
}

CivicHearing *
civic_hearing_copy (CivicHearing *self)
{
  CivicHearing *copy;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);

  copy = g_object_new (CIVIC_TYPE_HEARING,
                       "id", self->id,
                       "case-id", self->case_id,
                       "kind", self->kind,
                       NULL);
  copy->state = self->state;
  copy->rev = self->rev;
  copy->department_id = g_strdup (self->department_id);
  copy->matter = g_strdup (self->matter);
  copy->joining = g_strdup (self->joining);
  g_ptr_array_set_size (copy->cases, 0);
  for (guint i = 0; i < self->cases->len; i++)
    {
      const CivicHearingCase *hearing_case = g_ptr_array_index (self->cases, i);

      g_ptr_array_add (copy->cases,
                       _civic_hearing_case_new (hearing_case->id, hearing_case->number,
                                                (const char * const *) hearing_case->examiner_ids));
    }
  copy->publicity = self->publicity;
  copy->video_link = g_strdup (self->video_link);
  for (guint i = 0; i < self->postponements->len; i++)
    {
      const CivicHearingPostponement *postponement = g_ptr_array_index (self->postponements, i);

      g_ptr_array_add (copy->postponements,
                       _civic_hearing_postponement_new (postponement->from, postponement->reason,
                                                        postponement->on));
    }
  copy->decision_ref = g_strdup (self->decision_ref);
  for (guint i = 0; i < self->documents->len; i++)
    g_ptr_array_add (copy->documents, civic_case_document_copy (g_ptr_array_index (self->documents, i)));
  copy->informed_on = self->informed_on;
  copy->requested_on = self->requested_on;
  copy->announced_on = self->announced_on;
  copy->starts_at = self->starts_at ? g_date_time_ref (self->starts_at) : NULL;
  copy->ends_at = self->ends_at ? g_date_time_ref (self->ends_at) : NULL;
  copy->room_id = g_strdup (self->room_id);
  copy->host_id = g_strdup (self->host_id);
  copy->host_name = g_strdup (self->host_name);
  copy->clerk_id = g_strdup (self->clerk_id);
  copy->clerk_name = g_strdup (self->clerk_name);
  copy->is_public = self->is_public;
  copy->non_public_reason = g_strdup (self->non_public_reason);
  copy->notice_sent_on = self->notice_sent_on;
  for (guint i = 0; i < self->participants->len; i++)
    g_ptr_array_add (copy->participants,
                     participant_dup (g_ptr_array_index (self->participants, i)));
  for (guint i = 0; i < self->recusals->len; i++)
    g_ptr_array_add (copy->recusals, recusal_dup (g_ptr_array_index (self->recusals, i)));
  copy->record_summary = g_strdup (self->record_summary);
  copy->record_signed_on = self->record_signed_on;
  copy->cancelled_on = self->cancelled_on;
  copy->cancel_reason = g_strdup (self->cancel_reason);

  return copy;
}

/* Getters */

const char *
civic_hearing_get_id (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->id;
}

const char *
civic_hearing_get_case_id (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->case_id;
}

CivicHearingKind
civic_hearing_get_kind (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), 0);
  return self->kind;
}

CivicHearingState
civic_hearing_get_state (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), 0);
  return self->state;
}

CivicDay
civic_hearing_get_informed_on (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), CIVIC_DAY_INVALID);
  return self->informed_on;
}

CivicDay
civic_hearing_get_requested_on (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), CIVIC_DAY_INVALID);
  return self->requested_on;
}

CivicDay
civic_hearing_get_announced_on (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), CIVIC_DAY_INVALID);
  return self->announced_on;
}

/**
 * civic_hearing_get_starts_at:
 *
 * Returns: (transfer none) (nullable): when the hearing starts, in UTC.
 */
GDateTime *
civic_hearing_get_starts_at (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->starts_at;
}

/**
 * civic_hearing_get_ends_at:
 *
 * Returns: (transfer none) (nullable): when the hearing ends, in UTC; the
 * end is not part of the hearing, so another may start then.
 */
GDateTime *
civic_hearing_get_ends_at (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->ends_at;
}

static CivicDay
day_of (GDateTime *instant)
{
  return instant != NULL ? civic_time_day_of (instant) : CIVIC_DAY_INVALID;
}

/**
 * civic_hearing_get_hearing_day:
 *
 * Returns: the local day the hearing starts, or %CIVIC_DAY_INVALID before
 * it is scheduled.
 */
CivicDay
civic_hearing_get_hearing_day (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), CIVIC_DAY_INVALID);
  return day_of (self->starts_at);
}

const char *
civic_hearing_get_room_id (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->room_id;
}

const char *
civic_hearing_get_host_id (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->host_id;
}

const char *
civic_hearing_get_host_name (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->host_name;
}

const char *
civic_hearing_get_clerk_id (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->clerk_id;
}

const char *
civic_hearing_get_clerk_name (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->clerk_name;
}

gboolean
civic_hearing_get_is_public (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), TRUE);
  return self->is_public;
}

const char *
civic_hearing_get_non_public_reason (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->non_public_reason;
}

CivicDay
civic_hearing_get_notice_sent_on (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), CIVIC_DAY_INVALID);
  return self->notice_sent_on;
}

const char *
civic_hearing_get_record_summary (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->record_summary;
}

CivicDay
civic_hearing_get_record_signed_on (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), CIVIC_DAY_INVALID);
  return self->record_signed_on;
}

CivicDay
civic_hearing_get_cancelled_on (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), CIVIC_DAY_INVALID);
  return self->cancelled_on;
}

const char *
civic_hearing_get_cancel_reason (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->cancel_reason;
}

guint
civic_hearing_get_n_participants (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), 0);
  return self->participants->len;
}

const CivicHearingParticipant *
civic_hearing_get_participant (CivicHearing *self,
                               guint         index)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  g_return_val_if_fail (index < self->participants->len, NULL);

  return g_ptr_array_index (self->participants, index);
}

CivicHearingParticipant *
_civic_hearing_lookup_participant (CivicHearing *self,
                                   const char   *id,
                                   guint        *index)
{
  for (guint i = 0; id != NULL && i < self->participants->len; i++)
    {
      CivicHearingParticipant *participant = g_ptr_array_index (self->participants, i);

      if (g_strcmp0 (participant->id, id) == 0)
        {
          if (index != NULL)
            *index = i;
          return participant;
        }
    }

  return NULL;
}

/**
 * civic_hearing_find_participant:
 *
 * Returns: (transfer none) (nullable): the participant with @id.
 */
const CivicHearingParticipant *
civic_hearing_find_participant (CivicHearing *self,
                                const char   *id)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return _civic_hearing_lookup_participant (self, id, NULL);
}

guint
civic_hearing_get_n_recusals (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), 0);
  return self->recusals->len;
}

const CivicHearingRecusal *
civic_hearing_get_recusal (CivicHearing *self,
                           guint         index)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  g_return_val_if_fail (index < self->recusals->len, NULL);

  return g_ptr_array_index (self->recusals, index);
}

gint64
civic_hearing_get_rev (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), 0);
  return self->rev;
}

void
civic_hearing_set_rev (CivicHearing *self,
                       gint64        rev)
{
  g_return_if_fail (CIVIC_IS_HEARING (self));
  self->rev = rev;
}

const char *
civic_hearing_get_department_id (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->department_id;
}

/**
 * civic_hearing_get_matter:
 *
 * Returns: (nullable): what the hearing is about, as the public may read
 * it: the service item, never a party's name
 */
const char *
civic_hearing_get_matter (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->matter;
}

/**
 * civic_hearing_set_matter:
 * @department_id: the department holding the hearing: the one that leads
 *   the cases it serves
 * @matter: (nullable): the service item
 */
void
civic_hearing_set_matter (CivicHearing *self,
                          const char   *department_id,
                          const char   *matter)
{
  g_return_if_fail (CIVIC_IS_HEARING (self));

  g_free (self->department_id);
  self->department_id = g_strdup (department_id);
  g_free (self->matter);
  self->matter = g_strdup (matter);
}

CivicHearingPublicity
civic_hearing_get_publicity (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), CIVIC_HEARING_PUBLIC);
  return self->publicity;
}

const char *
civic_hearing_get_video_link (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->video_link;
}

/**
 * civic_hearing_get_decision_ref:
 *
 * Returns: (nullable): the number of the licensing decision that rests on
 * the record (Art. 48(5)), once it is made
 */
const char *
civic_hearing_get_decision_ref (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->decision_ref;
}

void
civic_hearing_set_decision_ref (CivicHearing *self,
                                const char   *ref)
{
  g_return_if_fail (CIVIC_IS_HEARING (self));

  g_free (self->decision_ref);
  self->decision_ref = g_strdup (ref);
}

/**
 * civic_hearing_get_joining:
 *
 * Returns: (nullable): the number of a case asked to join the hearing,
 * until the service adds it (join-hearing)
 */
const char *
civic_hearing_get_joining (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  return self->joining;
}

void
civic_hearing_set_joining (CivicHearing *self,
                           const char   *number)
{
  g_return_if_fail (CIVIC_IS_HEARING (self));

  g_free (self->joining);
  self->joining = g_strdup (number);
}

guint
civic_hearing_get_n_cases (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), 0);
  return self->cases->len;
}

const CivicHearingCase *
civic_hearing_get_case (CivicHearing *self,
                        guint         index)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  g_return_val_if_fail (index < self->cases->len, NULL);
  return g_ptr_array_index (self->cases, index);
}

static CivicHearingCase *
lookup_case (CivicHearing *self,
             const char   *case_id)
{
  for (guint i = 0; case_id != NULL && i < self->cases->len; i++)
    {
      CivicHearingCase *hearing_case = g_ptr_array_index (self->cases, i);

      if (g_strcmp0 (hearing_case->id, case_id) == 0)
        return hearing_case;
    }
  return NULL;
}

/**
 * civic_hearing_dup_examiner_ids:
 *
 * Returns: (transfer full): everyone who examined any case the hearing
 * serves, none of whom may host it (Art. 48(3))
 */
GStrv
civic_hearing_dup_examiner_ids (CivicHearing *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);

  for (guint i = 0; i < self->cases->len; i++)
    {
      const CivicHearingCase *hearing_case = g_ptr_array_index (self->cases, i);

      for (guint j = 0; hearing_case->examiner_ids[j] != NULL; j++)
        if (g_hash_table_add (seen, hearing_case->examiner_ids[j]))
          g_strv_builder_add (builder, hearing_case->examiner_ids[j]);
    }
  return g_strv_builder_end (builder);
}

guint
civic_hearing_get_n_postponements (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), 0);
  return self->postponements->len;
}

const CivicHearingPostponement *
civic_hearing_get_postponement (CivicHearing *self,
                                guint         index)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  g_return_val_if_fail (index < self->postponements->len, NULL);
  return g_ptr_array_index (self->postponements, index);
}

/**
 * civic_hearing_is_over:
 *
 * Returns: whether nothing more happens to the hearing: its record is
 * signed, or it was cancelled or withdrawn
 */
gboolean
civic_hearing_is_over (CivicHearing *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  return self->state == CIVIC_HEARING_STATE_RECORD_SIGNED ||
         self->state == CIVIC_HEARING_STATE_CANCELLED ||
         self->state == CIVIC_HEARING_STATE_WITHDRAWN;
}

/* Helpers for the checks */

/* A refusal in the hearing's domain: FALSE, for "return refuse (…)" */
#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_HEARING_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

/* What an official must write (a reason, a name) cannot be blank. */
static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static char *
format_period (const CivicHearingPeriod *period)
{
  return g_strdup_printf (civic_clock_unit_get_label (period->unit, period->length),
                          period->length);
}

static char *
format_local_time (GDateTime *instant)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, civic_time_zone ());

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static gboolean
same_instant (GDateTime *a,
              GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static gboolean
is_examiner (const char * const *examiner_ids,
             const char         *user_id)
{
  return examiner_ids != NULL && user_id != NULL && g_strv_contains (examiner_ids, user_id);
}

static const CivicHearingRecusal *
granted_recusal_against (CivicHearing *self,
                         const char   *user_id)
{
  for (guint i = 0; user_id != NULL && i < self->recusals->len; i++)
    {
      const CivicHearingRecusal *recusal = g_ptr_array_index (self->recusals, i);

      if (recusal->decision == CIVIC_HEARING_RECUSAL_GRANTED &&
          g_strcmp0 (recusal->against_id, user_id) == 0)
        return recusal;
    }

  return NULL;
}

static const char *
participant_name (CivicHearing *self,
                  const char   *id)
{
  const CivicHearingParticipant *participant = _civic_hearing_lookup_participant (self, id, NULL);

  return participant != NULL ? participant->name : id;
}

/* A hearing cancelled or withdrawn takes nothing more. */
static gboolean
check_not_ended (CivicHearing  *self,
                 GError       **error)
{
  if (self->state == CIVIC_HEARING_STATE_CANCELLED)
    return refuse (error, CIVIC_HEARING_ERROR_STATE, _("The hearing has been cancelled"));
  if (self->state == CIVIC_HEARING_STATE_WITHDRAWN)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The request for the hearing has been withdrawn"));
  return TRUE;
}

/* The stages after which the time, the place and who presides are fixed. */
static gboolean
check_not_held (CivicHearing  *self,
                GError       **error)
{
  switch (self->state)
    {
    case CIVIC_HEARING_STATE_PENDING:
    case CIVIC_HEARING_STATE_SCHEDULED:
    case CIVIC_HEARING_STATE_NOTIFIED:
    case CIVIC_HEARING_STATE_POSTPONED:
      return TRUE;
    case CIVIC_HEARING_STATE_HELD:
    case CIVIC_HEARING_STATE_RECORD_SIGNED:
      return refuse (error, CIVIC_HEARING_ERROR_STATE, _("The hearing has already been held"));
    case CIVIC_HEARING_STATE_CANCELLED:
    case CIVIC_HEARING_STATE_WITHDRAWN:
      return check_not_ended (self, error);
    default:
      g_assert_not_reached ();
    }
}

/* The record is written and signed after the hearing and before it is
 * complete. */
static gboolean
check_record_open (CivicHearing  *self,
                   GError       **error)
{
  switch (self->state)
    {
    case CIVIC_HEARING_STATE_HELD:
      return TRUE;
    case CIVIC_HEARING_STATE_PENDING:
    case CIVIC_HEARING_STATE_SCHEDULED:
    case CIVIC_HEARING_STATE_NOTIFIED:
    case CIVIC_HEARING_STATE_POSTPONED:
      return refuse (error, CIVIC_HEARING_ERROR_STATE,
                     _("The hearing has not been held yet; its record is made when it is"));
    case CIVIC_HEARING_STATE_RECORD_SIGNED:
      return refuse (error, CIVIC_HEARING_ERROR_STATE,
                     _("The record has been signed and can no longer change"));
    case CIVIC_HEARING_STATE_CANCELLED:
    case CIVIC_HEARING_STATE_WITHDRAWN:
      return check_not_ended (self, error);
    default:
      g_assert_not_reached ();
    }
}

/* Findings */

G_GNUC_PRINTF (4, 5)
static CivicHearingFinding *
add_finding (GPtrArray            *findings,
             CivicHearingRule      rule,
             CivicHearingSeverity  severity,
             const char           *format,
             ...)
{
  CivicHearingFinding *finding = g_new0 (CivicHearingFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);

  finding->rule = rule;
  finding->severity = severity;
  g_ptr_array_add (findings, finding);
  return finding;
}

static void
check_request (CivicHearing             *self,
               CivicCalendar            *calendar,
               const CivicHearingPolicy *policy,
               GPtrArray                *findings)
{
  CivicDay hearing_day = day_of (self->starts_at);
  CivicDay last_request = _civic_hearing_period_end (calendar, self->informed_on,
                                                     &policy->request_window, NULL);

  if (self->requested_on > last_request)
    {
      g_autofree char *requested = civic_day_format (self->requested_on);
      g_autofree char *last = civic_day_format (last_request);
      g_autofree char *window = format_period (&policy->request_window);
      g_autofree char *informed = civic_day_format (self->informed_on);

      /* A warning, not an error: Art. 47 only stops obliging the
       * authority; nothing forbids it to hear the parties anyway. */
      add_finding (findings, CIVIC_HEARING_RULE_REQUEST_LATE, CIVIC_HEARING_SEVERITY_WARNING,
                   /* Translators: "The hearing was requested on 2026-10-14, after 2026-10-13,
                    * the last day of the 5 working days that …" */
                   _("The hearing was requested on %s, after %s, the last day of the %s that "
                     "Art. 47 of the Administrative Licensing Law allows from being informed of "
                     "the right on %s; the authority is not bound to hold it"),
                   requested, last, window, informed);
    }

  if (hearing_day != CIVIC_DAY_INVALID)
    {
      CivicDay latest = _civic_hearing_period_end (calendar, self->requested_on,
                                                   &policy->organise_within, NULL);

      if (hearing_day > latest)
        {
          g_autofree char *when = civic_day_format (hearing_day);
          g_autofree char *last = civic_day_format (latest);
          g_autofree char *within = format_period (&policy->organise_within);
          g_autofree char *requested = civic_day_format (self->requested_on);

          add_finding (findings, CIVIC_HEARING_RULE_ORGANISE_LATE, CIVIC_HEARING_SEVERITY_ERROR,
                       _("The hearing on %s is after %s: Art. 47 of the Administrative Licensing "
                         "Law requires it to be held within %s of the request of %s"),
                       when, last, within, requested);
        }
    }
}

static void
check_announcement (CivicHearing *self,
                    CivicDay      today,
                    GPtrArray    *findings)
{
  CivicDay hearing_day = day_of (self->starts_at);
  g_autofree char *when = NULL;

  if (hearing_day == CIVIC_DAY_INVALID)
    return;

  when = civic_day_format (hearing_day);
  if (self->announced_on == CIVIC_DAY_INVALID)
    {
      gboolean too_late = self->state >= CIVIC_HEARING_STATE_HELD ||
                          (today != CIVIC_DAY_INVALID && today >= hearing_day);

      add_finding (findings, CIVIC_HEARING_RULE_NOT_ANNOUNCED,
                   too_late ? CIVIC_HEARING_SEVERITY_ERROR : CIVIC_HEARING_SEVERITY_WARNING,
                   _("This hearing is held ex officio: Art. 46 of the Administrative Licensing "
                     "Law requires it to be announced to the public before the hearing on %s"),
                   when);
    }
  else if (self->announced_on >= hearing_day)
    {
      g_autofree char *announced = civic_day_format (self->announced_on);

      add_finding (findings, CIVIC_HEARING_RULE_NOT_ANNOUNCED, CIVIC_HEARING_SEVERITY_ERROR,
                   _("The announcement of %s does not come before the hearing on %s; Art. 46 of "
                     "the Administrative Licensing Law requires it to be announced to the public "
                     "before it is held"),
                   announced, when);
    }
}

static void
check_notice (CivicHearing             *self,
              CivicCalendar            *calendar,
              const CivicHearingPolicy *policy,
              CivicDay                  today,
              GPtrArray                *findings)
{
  CivicDay hearing_day = day_of (self->starts_at);
  CivicDay latest;
  g_autofree char *when = NULL;
  g_autofree char *last = NULL;
  g_autofree char *period = NULL;

  if (hearing_day == CIVIC_DAY_INVALID)
    return;

  latest = _civic_hearing_period_start_before (calendar, hearing_day, &policy->notice, NULL);
  when = civic_day_format (hearing_day);
  last = civic_day_format (latest);
  period = format_period (&policy->notice);

  if (self->notice_sent_on != CIVIC_DAY_INVALID)
    {
      if (self->notice_sent_on > latest)
        {
          g_autofree char *sent = civic_day_format (self->notice_sent_on);

          add_finding (findings, CIVIC_HEARING_RULE_NOTICE_LATE, CIVIC_HEARING_SEVERITY_ERROR,
                       _("The notice sent on %s is late: Art. 48(1) of the Administrative "
                         "Licensing Law requires it by %s, %s before the hearing on %s"),
                       sent, last, period, when);
        }
    }
  else if (self->state >= CIVIC_HEARING_STATE_HELD)
    add_finding (findings, CIVIC_HEARING_RULE_NOTICE_MISSING, CIVIC_HEARING_SEVERITY_ERROR,
                 _("No notice of the time and place was sent for the hearing on %s; Art. 48(1) "
                   "of the Administrative Licensing Law requires it %s before"),
                 when, period);
  else if (today != CIVIC_DAY_INVALID && today > latest)
    {
      g_autofree char *earliest = NULL;

      earliest = civic_day_format (_civic_hearing_period_after_notice (calendar, today,
                                                                       &policy->notice, NULL));
      add_finding (findings, CIVIC_HEARING_RULE_NOTICE_MISSING, CIVIC_HEARING_SEVERITY_ERROR,
                   _("The notice for the hearing on %s had to be sent by %s, %s before it "
                     "(Art. 48(1) of the Administrative Licensing Law); the earliest day the "
                     "hearing can now be held is %s"),
                   when, last, period, earliest);
    }
  else
    add_finding (findings, CIVIC_HEARING_RULE_NOTICE_MISSING, CIVIC_HEARING_SEVERITY_WARNING,
                 _("Send the notice of the time and place to the applicant and the interested "
                   "parties by %s, %s before the hearing (Art. 48(1) of the Administrative "
                   "Licensing Law)"),
                 last, period);
}

static void
collect_findings (CivicHearing             *self,
                  const char * const       *examiner_ids,
                  CivicCalendar            *calendar,
                  const CivicHearingPolicy *policy,
                  CivicDay                  today,
                  GPtrArray                *findings)
{
  gboolean held = self->state == CIVIC_HEARING_STATE_HELD ||
                  self->state == CIVIC_HEARING_STATE_RECORD_SIGNED;

  if (self->state == CIVIC_HEARING_STATE_CANCELLED || self->state == CIVIC_HEARING_STATE_WITHDRAWN)
    return;

  if (self->kind == CIVIC_HEARING_KIND_ON_REQUEST)
    check_request (self, calendar, policy, findings);

  if (self->starts_at != NULL && self->ends_at != NULL &&
      g_date_time_compare (self->ends_at, self->starts_at) <= 0)
    {
      g_autofree char *start = format_local_time (self->starts_at);
      g_autofree char *end = format_local_time (self->ends_at);

      add_finding (findings, CIVIC_HEARING_RULE_END_BEFORE_START, CIVIC_HEARING_SEVERITY_ERROR,
                   _("The hearing must end after it starts (%s – %s)"), start, end);
    }

  if (self->kind == CIVIC_HEARING_KIND_EX_OFFICIO)
    check_announcement (self, today, findings);

  check_notice (self, calendar, policy, today, findings);

  if (self->publicity == CIVIC_HEARING_CLOSED_OTHER && is_blank (self->non_public_reason))
    add_finding (findings, CIVIC_HEARING_RULE_NOT_PUBLIC_WITHOUT_REASON,
                 CIVIC_HEARING_SEVERITY_ERROR,
                 _("The hearing is not public and no reason is recorded; Art. 48(2) of the "
                   "Administrative Licensing Law requires hearings to be held in public"));

  if (self->host_id != NULL)
    {
      const CivicHearingRecusal *granted;

      if (is_examiner (examiner_ids, self->host_id))
        add_finding (findings, CIVIC_HEARING_RULE_HOST_IS_EXAMINER, CIVIC_HEARING_SEVERITY_ERROR,
                     /* Translators: "The host 王强 examined this case; …" */
                     _("The host %s examined this case; Art. 48(3) of the Administrative "
                       "Licensing Law requires someone else"),
                     self->host_name);

      if ((granted = granted_recusal_against (self, self->host_id)) != NULL)
        {
          g_autofree char *decided = civic_day_format (granted->decided_on);

          add_finding (findings, CIVIC_HEARING_RULE_HOST_RECUSED, CIVIC_HEARING_SEVERITY_ERROR,
                       _("The recusal of the host %s was granted on %s; Art. 48(3) of the "
                         "Administrative Licensing Law requires another host"),
                       self->host_name, decided);
        }
    }

  for (guint i = 0; i < self->recusals->len; i++)
    {
      const CivicHearingRecusal *recusal = g_ptr_array_index (self->recusals, i);
      g_autofree char *filed = NULL;

      if (recusal->decision != CIVIC_HEARING_RECUSAL_PENDING)
        continue;

      filed = civic_day_format (recusal->filed_on);
      add_finding (findings, CIVIC_HEARING_RULE_RECUSAL_PENDING, CIVIC_HEARING_SEVERITY_ERROR,
                   /* Translators: "张伟 asked on 2026-03-12 for the recusal of the host 王强; …" */
                   _("%s asked on %s for the recusal of the host %s; the request must be decided "
                     "before the hearing (Art. 48(3) of the Administrative Licensing Law)"),
                   participant_name (self, recusal->by_id), filed, recusal->against_name);
    }

  if (held)
    for (guint i = 0; i < self->participants->len; i++)
      {
        const CivicHearingParticipant *participant = g_ptr_array_index (self->participants, i);

        if (participant->signed_on != CIVIC_DAY_INVALID ||
            participant->refused_on != CIVIC_DAY_INVALID)
          continue;

        add_finding (findings, CIVIC_HEARING_RULE_RECORD_UNSIGNED,
                     self->state == CIVIC_HEARING_STATE_RECORD_SIGNED
                     ? CIVIC_HEARING_SEVERITY_ERROR : CIVIC_HEARING_SEVERITY_WARNING,
                     _("%s has not signed or sealed the record; Art. 48(5) of the "
                       "Administrative Licensing Law requires every participant to confirm it"),
                     participant->name);
      }
}

/**
 * civic_hearing_validate:
 * @examiner_ids: (nullable) (array zero-terminated=1): the users who
 *   examined the application (Art. 48(3))
 * @policy: (nullable): the periods, or %NULL for the default
 * @today: the day to judge the duties still open on (whether a notice can
 *   still go out in time), or %CIVIC_DAY_INVALID to judge only what has
 *   happened
 *
 * Checks the hearing against Arts. 46–48. A cancelled hearing has nothing
 * left to check.
 *
 * Returns: (transfer full) (element-type CivicHearingFinding): the
 * findings in the order of the procedure; empty when all is well.
 */
GPtrArray *
civic_hearing_validate (CivicHearing             *self,
                        const char * const       *examiner_ids,
                        CivicCalendar            *calendar,
                        const CivicHearingPolicy *policy,
                        CivicDay                  today)
{
  GPtrArray *findings;

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_hearing_finding_free);

  if (policy == NULL)
    policy = civic_hearing_policy_get_default ();

  g_return_val_if_fail (CIVIC_IS_HEARING (self), findings);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), findings);
  g_return_val_if_fail (_civic_hearing_policy_is_valid (policy), findings);

  collect_findings (self, examiner_ids, calendar, policy, today, findings);
  return findings;
}

/* Scheduling */

/* The host's seat in the record passes to whoever takes the chair. */
static void
set_host (CivicHearing *self,
          const char   *host_id,
          const char   *host_name)
{
  if (self->host_id != NULL && host_id != NULL && g_strcmp0 (self->host_id, host_id) != 0)
    {
      guint index;
      CivicHearingParticipant *seat = _civic_hearing_lookup_participant (self, self->host_id,
                                                                         &index);

      if (seat != NULL && seat->role == CIVIC_HEARING_ROLE_HOST)
        {
          if (_civic_hearing_lookup_participant (self, host_id, NULL) != NULL)
            g_ptr_array_remove_index (self->participants, index);
          else
            {
              g_free (seat->id);
              g_free (seat->name);
              seat->id = g_strdup (host_id);
              seat->name = g_strdup (host_name);
            }
        }
    }

  {
    /* @host_id and @host_name may be the hearing's own */
    char *id = g_strdup (host_id);
    char *name = g_strdup (host_name);

    g_free (self->host_id);
    self->host_id = id;
    g_free (self->host_name);
    self->host_name = name;
  }
}

static void
apply_slot (CivicHearing           *self,
            const CivicHearingSlot *slot)
{
  char *room_id;

  /* The notice named a time and a place (Art. 48(1)); moving either
   * needs a new one. */
  if (!same_instant (self->starts_at, slot->starts_at) ||
      g_strcmp0 (self->room_id, slot->room_id) != 0)
    {
      self->notice_sent_on = CIVIC_DAY_INVALID;
      for (guint i = 0; i < self->participants->len; i++)
        {
          CivicHearingParticipant *participant = g_ptr_array_index (self->participants, i);

          participant->notified_on = CIVIC_DAY_INVALID;
          participant->notified_by = CIVIC_HEARING_NOTICE_NONE;
        }
      if (self->state == CIVIC_HEARING_STATE_NOTIFIED)
        self->state = CIVIC_HEARING_STATE_SCHEDULED;
    }

  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  self->starts_at = slot->starts_at ? g_date_time_to_utc (slot->starts_at) : NULL;
  self->ends_at = slot->ends_at ? g_date_time_to_utc (slot->ends_at) : NULL;
  /* The slot may hold the hearing's own strings: copied before freed */
  room_id = g_strdup (slot->room_id);
  g_free (self->room_id);
  self->room_id = room_id;
  set_host (self, slot->host_id, slot->host_name);
}

/**
 * civic_hearing_check_schedule:
 * @slot: the proposed room, host and time; fields may still be %NULL while
 *   the official fills in the dialog
 * @today: the day the hearing is being scheduled
 *
 * What civic_hearing_validate() would find if the hearing were scheduled
 * at @slot, for the scheduling dialog to show as the official types. The
 * hearing itself does not change.
 *
 * Returns: (transfer full) (element-type CivicHearingFinding): the
 * findings.
 */
GPtrArray *
civic_hearing_check_schedule (CivicHearing             *self,
                              const CivicHearingSlot   *slot,
                              const char * const       *examiner_ids,
                              CivicCalendar            *calendar,
                              const CivicHearingPolicy *policy,
                              CivicDay                  today)
{
  g_autoptr(CivicHearing) proposal = NULL;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), NULL);
  g_return_val_if_fail (slot != NULL, NULL);

  proposal = civic_hearing_copy (self);
  apply_slot (proposal, slot);
  return civic_hearing_validate (proposal, examiner_ids, calendar, policy, today);
}

/**
 * civic_hearing_finding_blocks_schedule:
 *
 * What cannot be scheduled: the rest (a late request, a hearing beyond
 * the 20 days) is better heard late than never, so it stays a finding.
 *
 * Returns: whether civic_hearing_schedule() refuses a slot with @finding
 */
gboolean
civic_hearing_finding_blocks_schedule (const CivicHearingFinding *finding)
{
  switch (finding->rule)
    {
    case CIVIC_HEARING_RULE_END_BEFORE_START:
    case CIVIC_HEARING_RULE_HOST_IS_EXAMINER:
    case CIVIC_HEARING_RULE_HOST_RECUSED:
    case CIVIC_HEARING_RULE_NOTICE_LATE:
      return TRUE;
    case CIVIC_HEARING_RULE_NOTICE_MISSING:
      return finding->severity == CIVIC_HEARING_SEVERITY_ERROR;
    case CIVIC_HEARING_RULE_REQUEST_LATE:
    case CIVIC_HEARING_RULE_ORGANISE_LATE:
    case CIVIC_HEARING_RULE_NOT_ANNOUNCED:
    case CIVIC_HEARING_RULE_NOT_PUBLIC_WITHOUT_REASON:
    case CIVIC_HEARING_RULE_RECUSAL_PENDING:
    case CIVIC_HEARING_RULE_RECORD_UNSIGNED:
    default:
      return FALSE;
    }
}

/**
 * civic_hearing_schedule:
 * @slot: the room, the host and the time
 * @examiner_ids: (nullable) (array zero-terminated=1): the users who
 *   examined the application, none of whom may host (Art. 48(3))
 * @today: the day the hearing is being scheduled
 *
 * Sets or moves the time and place of the hearing. Moving the time or the
 * room withdraws the notice already sent, which named the old ones.
 * Refuses a host who examined the case or whose recusal was granted, an
 * end before the start, and a time too close for the notice of Art. 48(1)
 * to go out.
 */
gboolean
civic_hearing_schedule (CivicHearing             *self,
                        const CivicHearingSlot   *slot,
                        const char * const       *examiner_ids,
                        CivicCalendar            *calendar,
                        const CivicHearingPolicy *policy,
                        CivicDay                  today,
                        GError                  **error)
{
  g_autoptr(GPtrArray) findings = NULL;

  if (policy == NULL)
    policy = civic_hearing_policy_get_default ();

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (_civic_hearing_policy_is_valid (policy), FALSE);
  g_return_val_if_fail (today != CIVIC_DAY_INVALID, FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (is_blank (slot->room_id))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("Choose the room of the hearing"));

  if (is_blank (slot->host_id) || is_blank (slot->host_name))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("Designate the host of the hearing"));

  if (slot->starts_at == NULL || slot->ends_at == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("Give the time the hearing starts and ends"));

  findings = civic_hearing_check_schedule (self, slot, examiner_ids, calendar, policy, today);
  for (guint i = 0; i < findings->len; i++)
    {
      const CivicHearingFinding *finding = g_ptr_array_index (findings, i);

      if (civic_hearing_finding_blocks_schedule (finding))
        return refuse (error,
                       finding->rule == CIVIC_HEARING_RULE_END_BEFORE_START
                       ? CIVIC_HEARING_ERROR_INVALID : CIVIC_HEARING_ERROR_RULE,
                       "%s", finding->message);
    }

  apply_slot (self, slot);
  set_state (self, CIVIC_HEARING_STATE_SCHEDULED);
  return TRUE;
}

/**
 * civic_hearing_replace_host:
 *
 * Designates another host, after a recusal was granted or the host fell
 * ill. The time and the place stay, and with them the notice.
 */
gboolean
civic_hearing_replace_host (CivicHearing        *self,
                            const char          *host_id,
                            const char          *host_name,
                            const char * const  *examiner_ids,
                            GError             **error)
{
  const CivicHearingRecusal *granted;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (self->host_id == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The hearing has no host yet; schedule it first"));

  if (is_blank (host_id) || is_blank (host_name))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("Designate the host of the hearing"));

  if (is_examiner (examiner_ids, host_id))
    return refuse (error, CIVIC_HEARING_ERROR_RULE,
                   _("The host %s examined this case; Art. 48(3) of the Administrative "
                     "Licensing Law requires someone else"),
                   host_name);

  if ((granted = granted_recusal_against (self, host_id)) != NULL)
    {
      g_autofree char *decided = civic_day_format (granted->decided_on);

      return refuse (error, CIVIC_HEARING_ERROR_RULE,
                     _("The recusal of the host %s was granted on %s; Art. 48(3) of the "
                       "Administrative Licensing Law requires another host"),
                     host_name, decided);
    }

  set_host (self, host_id, host_name);
  return TRUE;
}

gboolean
civic_hearing_set_clerk (CivicHearing  *self,
                         const char    *clerk_id,
                         const char    *clerk_name,
                         GError       **error)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (is_blank (clerk_id) || is_blank (clerk_name))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("Give the user ID and the name of the clerk"));

  {
    /* The hearing's own clerk again is no use after free */
    char *id = g_strdup (clerk_id);
    char *name = g_strdup (clerk_name);

    g_free (self->clerk_id);
    self->clerk_id = id;
    g_free (self->clerk_name);
    self->clerk_name = name;
  }
  return TRUE;
}

/**
 * civic_hearing_set_public:
 * @reason: (nullable): why the hearing is not public: a state secret, a
 *   trade secret, personal privacy
 *
 * Art. 48(2) makes a hearing public; closing it needs a reason on file.
 */
gboolean
civic_hearing_set_public (CivicHearing  *self,
                          gboolean       is_public,
                          const char    *reason,
                          GError       **error)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  return civic_hearing_set_publicity (self,
                                      is_public ? CIVIC_HEARING_PUBLIC : CIVIC_HEARING_CLOSED_OTHER,
                                      reason, error);
}

/**
 * civic_hearing_set_publicity:
 * @reason: (nullable): more on the ground; required for
 *   %CIVIC_HEARING_CLOSED_OTHER
 */
gboolean
civic_hearing_set_publicity (CivicHearing           *self,
                             CivicHearingPublicity   publicity,
                             const char             *reason,
                             GError                **error)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);
  g_return_val_if_fail (publicity <= CIVIC_HEARING_CLOSED_OTHER, FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (publicity == CIVIC_HEARING_CLOSED_OTHER && is_blank (reason))
    return refuse (error, CIVIC_HEARING_ERROR_RULE,
                   _("A hearing is public unless a reason is recorded, such as a state secret, "
                     "a trade secret or personal privacy (Art. 48(2) of the Administrative "
                     "Licensing Law)"));

  self->publicity = publicity;
  self->is_public = publicity == CIVIC_HEARING_PUBLIC;
  g_free (self->non_public_reason);
  self->non_public_reason = self->is_public || is_blank (reason) ? NULL : g_strdup (reason);
  return TRUE;
}

/**
 * civic_hearing_set_video_link:
 * @link: (nullable): where the parties join by video, an https address;
 *   %NULL for a hearing only in the room
 */
gboolean
civic_hearing_set_video_link (CivicHearing  *self,
                              const char    *link,
                              GError       **error)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (!is_blank (link) && !g_str_has_prefix (link, "https://"))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("A video link is an address starting with https://"));

  g_free (self->video_link);
  self->video_link = is_blank (link) ? NULL : g_strdup (link);
  return TRUE;
}

static gboolean
is_party (CivicHearingRole role)
{
  return role == CIVIC_HEARING_ROLE_APPLICANT || role == CIVIC_HEARING_ROLE_INTERESTED_PARTY ||
         role == CIVIC_HEARING_ROLE_AGENT;
}

/**
 * civic_hearing_set_party_contact:
 * @contact: (nullable): how to reach the party: an address, a phone
 * @represents: (nullable): for an agent, the participant they act for
 */
gboolean
civic_hearing_set_party_contact (CivicHearing  *self,
                                 const char    *id,
                                 const char    *contact,
                                 const char    *represents,
                                 GError       **error)
{
  CivicHearingParticipant *participant;
  const CivicHearingParticipant *principal = NULL;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_not_ended (self, error))
    return FALSE;

  if ((participant = _civic_hearing_lookup_participant (self, id, NULL)) == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_NOT_FOUND,
                   _("No participant with the ID “%s” takes part in this hearing"), id ? id : "");

  if (!is_party (participant->role))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("%s is not a party; an official is reached through the directory"),
                   participant->name);

  if (!is_blank (represents))
    {
      principal = _civic_hearing_lookup_participant (self, represents, NULL);
      if (participant->role != CIVIC_HEARING_ROLE_AGENT)
        return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("Only an agent acts for someone"));
      if (principal == NULL || principal == participant ||
          (principal->role != CIVIC_HEARING_ROLE_APPLICANT &&
           principal->role != CIVIC_HEARING_ROLE_INTERESTED_PARTY))
        return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                       _("An agent acts for the applicant or an interested party of this "
                         "hearing"));
    }

  g_free (participant->contact);
  participant->contact = is_blank (contact) ? NULL : g_strdup (contact);
  g_free (participant->represents);
  participant->represents = principal ? g_strdup (principal->id) : NULL;
  return TRUE;
}

/**
 * civic_hearing_record_announcement:
 * @day: the day the hearing was announced to the public
 *
 * Required before an ex officio hearing (Art. 46); allowed for any
 * hearing, since Art. 48(1) lets the authority announce when needed. A
 * new announcement, after the hearing moved, replaces the old one.
 */
gboolean
civic_hearing_record_announcement (CivicHearing  *self,
                                   CivicDay       day,
                                   GError       **error)
{
  CivicDay hearing_day;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (day == CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("The date is missing"));

  hearing_day = day_of (self->starts_at);
  if (hearing_day != CIVIC_DAY_INVALID && day >= hearing_day)
    {
      g_autofree char *when = civic_day_format (hearing_day);

      return refuse (error, CIVIC_HEARING_ERROR_RULE,
                     _("The announcement must come before the hearing on %s (Art. 46 of the "
                       "Administrative Licensing Law)"),
                     when);
    }

  self->announced_on = day;
  return TRUE;
}

/**
 * civic_hearing_record_notice:
 * @day: the day the notice of time and place went to the applicant and
 *   the interested parties
 *
 * Refuses a notice too late for the hearing: Art. 48(1) then calls for
 * moving the hearing, which the message says how far.
 */
gboolean
civic_hearing_record_notice (CivicHearing             *self,
                             CivicDay                  day,
                             CivicCalendar            *calendar,
                             const CivicHearingPolicy *policy,
                             GError                  **error)
{
  return civic_hearing_notify (self, day, CIVIC_HEARING_NOTICE_NONE, calendar, policy, error);
}

/**
 * civic_hearing_notify:
 * @day: the day the notice went out
 * @method: how it reached the parties; %CIVIC_HEARING_NOTICE_NONE records
 *   only the day
 *
 * Sends the notice of Art. 48(1) to every party (the applicant, the
 * interested parties, their agents), and announces an ex officio hearing
 * not yet announced (Art. 46) on the same day: the public side lists it
 * from then. A notice again after the first (a party added) keeps the
 * first day, which is the one Art. 48(1) counts from.
 */
gboolean
civic_hearing_notify (CivicHearing             *self,
                      CivicDay                  day,
                      CivicHearingNoticeMethod  method,
                      CivicCalendar            *calendar,
                      const CivicHearingPolicy *policy,
                      GError                  **error)
{
  CivicDay hearing_day, latest;

  if (policy == NULL)
    policy = civic_hearing_policy_get_default ();

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (_civic_hearing_policy_is_valid (policy), FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (self->state != CIVIC_HEARING_STATE_SCHEDULED && self->state != CIVIC_HEARING_STATE_NOTIFIED)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The hearing has no time and place yet; schedule it before sending the "
                     "notice"));

  if (day == CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("The date is missing"));

  if (method != CIVIC_HEARING_NOTICE_NONE)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < self->participants->len; i++)
        any |= is_party (((CivicHearingParticipant *) g_ptr_array_index (self->participants,
                                                                         i))->role);
      if (!any)
        return refuse (error, CIVIC_HEARING_ERROR_STATE,
                       _("The hearing has no parties to notify; add the applicant and the "
                         "interested parties first"));
    }

  hearing_day = day_of (self->starts_at);
  latest = _civic_hearing_period_start_before (calendar, hearing_day, &policy->notice, NULL);
  if (day > latest)
    {
      g_autofree char *sent = civic_day_format (day);
      g_autofree char *when = civic_day_format (hearing_day);
      g_autofree char *period = format_period (&policy->notice);
      g_autofree char *last = civic_day_format (latest);
      g_autofree char *earliest = NULL;

      earliest = civic_day_format (_civic_hearing_period_after_notice (calendar, day,
                                                                       &policy->notice, NULL));
      return refuse (error, CIVIC_HEARING_ERROR_RULE,
                     _("A notice sent on %s is too late for the hearing on %s: Art. 48(1) of the "
                       "Administrative Licensing Law requires it %s before, by %s. Move the "
                       "hearing to %s or later"),
                     sent, when, period, last, earliest);
    }

  if (self->notice_sent_on == CIVIC_DAY_INVALID || self->notice_sent_on > day)
    self->notice_sent_on = day;
  for (guint i = 0; method != CIVIC_HEARING_NOTICE_NONE && i < self->participants->len; i++)
    {
      CivicHearingParticipant *participant = g_ptr_array_index (self->participants, i);

      if (!is_party (participant->role) || participant->notified_on != CIVIC_DAY_INVALID)
        continue;
      participant->notified_on = day;
      participant->notified_by = method;
    }
  if (method != CIVIC_HEARING_NOTICE_NONE && self->kind == CIVIC_HEARING_KIND_EX_OFFICIO &&
      self->announced_on == CIVIC_DAY_INVALID)
    self->announced_on = day;
  set_state (self, CIVIC_HEARING_STATE_NOTIFIED);
  return TRUE;
}

/**
 * civic_hearing_postpone:
 * @reason: why: a party's illness, a granted recusal, force majeure
 *
 * Puts the hearing off: it keeps its host and room but loses its time and
 * the notice that named it, and waits for a new time. The 20 days of
 * Art. 47 still run; a later date is a finding, not a refusal.
 */
gboolean
civic_hearing_postpone (CivicHearing  *self,
                        CivicDay       day,
                        const char    *reason,
                        GError       **error)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (self->starts_at == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The hearing has no time yet; there is nothing to postpone"));

  if (is_blank (reason))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("Give the reason for the postponement"));

  if (day == CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("The date is missing"));

  g_ptr_array_add (self->postponements,
                   _civic_hearing_postponement_new (self->starts_at, reason, day));
  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  self->notice_sent_on = CIVIC_DAY_INVALID;
  for (guint i = 0; i < self->participants->len; i++)
    {
      CivicHearingParticipant *participant = g_ptr_array_index (self->participants, i);

      participant->notified_on = CIVIC_DAY_INVALID;
      participant->notified_by = CIVIC_HEARING_NOTICE_NONE;
    }
  set_state (self, CIVIC_HEARING_STATE_POSTPONED);
  return TRUE;
}

/**
 * civic_hearing_withdraw:
 * @by_id: the party who asked for the hearing and now withdraws the request
 *
 * A hearing held on request (Art. 47) ends when its request is withdrawn
 * before it is held; the case's clocks run again from @day.
 */
gboolean
civic_hearing_withdraw (CivicHearing  *self,
                        const char    *by_id,
                        CivicDay       day,
                        const char    *reason,
                        GError       **error)
{
  const CivicHearingParticipant *by;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (self->kind != CIVIC_HEARING_KIND_ON_REQUEST)
    return refuse (error, CIVIC_HEARING_ERROR_RULE,
                   _("This hearing is held ex officio (Art. 46 of the Administrative Licensing "
                     "Law); nobody's request can be withdrawn, it can only be cancelled"));

  if ((by = _civic_hearing_lookup_participant (self, by_id, NULL)) == NULL ||
      (by->role != CIVIC_HEARING_ROLE_APPLICANT && by->role != CIVIC_HEARING_ROLE_INTERESTED_PARTY &&
       by->role != CIVIC_HEARING_ROLE_AGENT))
    return refuse (error, CIVIC_HEARING_ERROR_NOT_FOUND,
                   _("Only a party of the hearing can withdraw the request for it"));

  if (day == CIVIC_DAY_INVALID || day < self->requested_on)
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("The request cannot be withdrawn before it was made"));

  if (is_blank (reason))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("Record what the party said in withdrawing the request"));

  self->cancelled_on = day;
  g_free (self->cancel_reason);
  self->cancel_reason = g_strdup (reason);
  set_state (self, CIVIC_HEARING_STATE_WITHDRAWN);
  return TRUE;
}

/**
 * civic_hearing_add_case:
 * @number: (nullable): the case's number, as officials name it
 * @examiner_ids: (nullable) (array zero-terminated=1): who examined it
 *
 * Adds a case the hearing serves (one hearing for several applications on
 * the same matter), or brings its examiners up to date. A case cannot
 * join once the notice named who is heard, nor one whose examiner hosts.
 */
gboolean
civic_hearing_add_case (CivicHearing        *self,
                        const char          *case_id,
                        const char          *number,
                        const char * const  *examiner_ids,
                        GError             **error)
{
  CivicHearingCase *existing;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (is_blank (case_id))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("Name the case the hearing serves"));

  if (is_examiner (examiner_ids, self->host_id))
    return refuse (error, CIVIC_HEARING_ERROR_RULE,
                   _("The host %s examined this case; Art. 48(3) of the Administrative "
                     "Licensing Law requires someone else"),
                   self->host_name);

  if ((existing = lookup_case (self, case_id)) != NULL)
    {
      /* The first case, from the constructor, learns its number and
       * examiners; the others were added whole */
      g_free (existing->number);
      existing->number = g_strdup (number);
      g_strfreev (existing->examiner_ids);
      existing->examiner_ids = examiner_ids ? g_strdupv ((GStrv) examiner_ids) : g_new0 (char *, 1);
      return TRUE;
    }

  if (self->state == CIVIC_HEARING_STATE_NOTIFIED)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The notice has gone out naming the cases heard; postpone the hearing "
                     "before another case joins it"));

  g_ptr_array_add (self->cases, _civic_hearing_case_new (case_id, number, examiner_ids));
  return TRUE;
}

/* Participants and recusal */

gboolean
civic_hearing_add_participant (CivicHearing      *self,
                               const char        *id,
                               const char        *name,
                               CivicHearingRole   role,
                               GError           **error)
{
  const CivicHearingParticipant *existing;
  CivicHearingParticipant *participant;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);
  g_return_val_if_fail (role <= CIVIC_HEARING_ROLE_AGENT, FALSE);

  /* People may still join at the hearing (a witness, an agent), up to the
   * record being complete. */
  if (self->state == CIVIC_HEARING_STATE_RECORD_SIGNED)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The record has been signed and can no longer change"));
  if (!check_not_ended (self, error))
    return FALSE;

  if (is_blank (id) || is_blank (name))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("A participant needs an ID and a name"));

  if ((existing = _civic_hearing_lookup_participant (self, id, NULL)) != NULL)
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("%s already takes part in this hearing"), existing->name);

  participant = g_new0 (CivicHearingParticipant, 1);
  participant->id = g_strdup (id);
  participant->name = g_strdup (name);
  participant->role = role;
  g_ptr_array_add (self->participants, participant);
  return TRUE;
}

gboolean
civic_hearing_remove_participant (CivicHearing  *self,
                                  const char    *id,
                                  GError       **error)
{
  const CivicHearingParticipant *participant;
  guint index;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (self->state == CIVIC_HEARING_STATE_RECORD_SIGNED)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The record has been signed and can no longer change"));
  if (!check_not_ended (self, error))
    return FALSE;

  if ((participant = _civic_hearing_lookup_participant (self, id, &index)) == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_NOT_FOUND,
                   _("No participant with the ID “%s” takes part in this hearing"), id);

  if (participant->signed_on != CIVIC_DAY_INVALID || participant->refused_on != CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("%s has signed the record and cannot be removed"), participant->name);

  /* A recusal request stays on file with its author. */
  for (guint i = 0; i < self->recusals->len; i++)
    if (g_strcmp0 (((CivicHearingRecusal *) g_ptr_array_index (self->recusals, i))->by_id,
                   id) == 0)
      return refuse (error, CIVIC_HEARING_ERROR_STATE,
                     _("%s asked for a recusal and cannot be removed"), participant->name);

  g_ptr_array_remove_index (self->participants, index);
  return TRUE;
}

static gboolean
may_ask_recusal (CivicHearingRole role)
{
  /* Art. 48(3): "申请人、利害关系人……有权申请回避", through an agent too. */
  return role == CIVIC_HEARING_ROLE_APPLICANT ||
         role == CIVIC_HEARING_ROLE_INTERESTED_PARTY ||
         role == CIVIC_HEARING_ROLE_AGENT;
}

/**
 * civic_hearing_request_recusal:
 * @by_id: the participant who asks
 * @reason: why the host is thought to have a direct interest
 * @day: the day the request was received
 *
 * Files a request for the recusal of the current host. Until it is
 * decided the hearing cannot be held.
 */
gboolean
civic_hearing_request_recusal (CivicHearing  *self,
                               const char    *by_id,
                               const char    *reason,
                               CivicDay       day,
                               GError       **error)
{
  const CivicHearingParticipant *by;
  CivicHearingRecusal *recusal;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (self->host_id == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The hearing has no host yet; schedule it first"));

  if ((by = _civic_hearing_lookup_participant (self, by_id, NULL)) == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_NOT_FOUND,
                   _("No participant with the ID “%s” takes part in this hearing"),
                   by_id ? by_id : "");

  if (!may_ask_recusal (by->role))
    return refuse (error, CIVIC_HEARING_ERROR_RULE,
                   _("Only the applicant, an interested party or their agent may ask for the "
                     "recusal of the host (Art. 48(3) of the Administrative Licensing Law)"));

  if (is_blank (reason))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("A recusal request needs a reason"));

  if (day == CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("The date is missing"));

  for (guint i = 0; i < self->recusals->len; i++)
    {
      const CivicHearingRecusal *other = g_ptr_array_index (self->recusals, i);

      if (other->decision == CIVIC_HEARING_RECUSAL_PENDING &&
          g_strcmp0 (other->by_id, by_id) == 0 &&
          g_strcmp0 (other->against_id, self->host_id) == 0)
        return refuse (error, CIVIC_HEARING_ERROR_STATE,
                       _("%s already asked for the recusal of %s; that request is still "
                         "pending"),
                       by->name, self->host_name);
    }

  recusal = g_new0 (CivicHearingRecusal, 1);
  recusal->by_id = g_strdup (by_id);
  recusal->against_id = g_strdup (self->host_id);
  recusal->against_name = g_strdup (self->host_name);
  recusal->reason = g_strdup (reason);
  recusal->filed_on = day;
  recusal->decision = CIVIC_HEARING_RECUSAL_PENDING;
  g_ptr_array_add (self->recusals, recusal);
  return TRUE;
}

/**
 * civic_hearing_decide_recusal:
 * @index: the request, in the order filed
 * @decision: granted or refused
 * @decided_by: who decided; never the host concerned
 * @note: (nullable): the reasons given
 *
 * A granted request leaves the hearing without a lawful host until
 * civic_hearing_replace_host() or civic_hearing_schedule() names another.
 */
gboolean
civic_hearing_decide_recusal (CivicHearing                 *self,
                              guint                         index,
                              CivicHearingRecusalDecision   decision,
                              const char                   *decided_by,
                              CivicDay                      day,
                              const char                   *note,
                              GError                      **error)
{
  CivicHearingRecusal *recusal;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (index >= self->recusals->len)
    return refuse (error, CIVIC_HEARING_ERROR_NOT_FOUND,
                   _("There is no recusal request number %u"), index + 1);

  recusal = g_ptr_array_index (self->recusals, index);

  if (recusal->decision != CIVIC_HEARING_RECUSAL_PENDING)
    {
      g_autofree char *decided = civic_day_format (recusal->decided_on);

      return refuse (error, CIVIC_HEARING_ERROR_STATE,
                     _("This recusal request was already decided on %s"), decided);
    }

  if (decision != CIVIC_HEARING_RECUSAL_GRANTED && decision != CIVIC_HEARING_RECUSAL_REFUSED)
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("A decision on a recusal request grants or refuses it"));

  if (is_blank (decided_by))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("Give who decided on the recusal request"));

  /* No one is judge in their own cause. */
  if (g_strcmp0 (decided_by, recusal->against_id) == 0)
    return refuse (error, CIVIC_HEARING_ERROR_RULE,
                   _("%s cannot decide on the request for their own recusal"),
                   recusal->against_name);

  if (day == CIVIC_DAY_INVALID || day < recusal->filed_on)
    {
      g_autofree char *filed = civic_day_format (recusal->filed_on);

      return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                     _("The decision cannot come before the request of %s"), filed);
    }

  recusal->decision = decision;
  recusal->decided_by = g_strdup (decided_by);
  recusal->decided_on = day;
  recusal->note = is_blank (note) ? NULL : g_strdup (note);
  return TRUE;
}

/* Holding the hearing and the record */

/* What has to be right before the hearing may go ahead: everything but the
 * lateness of the request and of the hearing itself, which holding it
 * cannot cure, and the record, which comes after. */
static gboolean
blocks_holding (const CivicHearingFinding *finding)
{
  switch (finding->rule)
    {
    case CIVIC_HEARING_RULE_NOT_ANNOUNCED:
    case CIVIC_HEARING_RULE_NOTICE_MISSING:
      return TRUE;
    case CIVIC_HEARING_RULE_REQUEST_LATE:
    case CIVIC_HEARING_RULE_ORGANISE_LATE:
    case CIVIC_HEARING_RULE_RECORD_UNSIGNED:
      return FALSE;
    case CIVIC_HEARING_RULE_END_BEFORE_START:
    case CIVIC_HEARING_RULE_NOTICE_LATE:
    case CIVIC_HEARING_RULE_NOT_PUBLIC_WITHOUT_REASON:
    case CIVIC_HEARING_RULE_HOST_IS_EXAMINER:
    case CIVIC_HEARING_RULE_HOST_RECUSED:
    case CIVIC_HEARING_RULE_RECUSAL_PENDING:
    default:
      return finding->severity == CIVIC_HEARING_SEVERITY_ERROR;
    }
}

/**
 * civic_hearing_mark_held:
 * @today: the day the hearing is recorded as held, on or after its day
 *
 * Refuses while the procedure before the hearing is not lawful: a
 * recusal pending, a recused or disqualified host, no notice or a late
 * one, no announcement of an ex officio hearing, a closed hearing without
 * a reason.
 */
gboolean
civic_hearing_mark_held (CivicHearing             *self,
                         const char * const       *examiner_ids,
                         CivicCalendar            *calendar,
                         const CivicHearingPolicy *policy,
                         CivicDay                  today,
                         GError                  **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  CivicDay hearing_day;

  if (policy == NULL)
    policy = civic_hearing_policy_get_default ();

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (_civic_hearing_policy_is_valid (policy), FALSE);
  g_return_val_if_fail (today != CIVIC_DAY_INVALID, FALSE);

  if (!check_not_held (self, error))
    return FALSE;

  if (self->state != CIVIC_HEARING_STATE_SCHEDULED && self->state != CIVIC_HEARING_STATE_NOTIFIED)
    return refuse (error, CIVIC_HEARING_ERROR_STATE, _("The hearing has not been scheduled"));

  hearing_day = day_of (self->starts_at);
  if (today < hearing_day)
    {
      g_autofree char *when = civic_day_format (hearing_day);

      return refuse (error, CIVIC_HEARING_ERROR_STATE,
                     _("The hearing is set for %s; it cannot have been held before then"), when);
    }

  findings = civic_hearing_validate (self, examiner_ids, calendar, policy, today);
  for (guint i = 0; i < findings->len; i++)
    {
      const CivicHearingFinding *finding = g_ptr_array_index (findings, i);

      if (blocks_holding (finding))
        return refuse (error, CIVIC_HEARING_ERROR_RULE, "%s", finding->message);
    }

  set_state (self, CIVIC_HEARING_STATE_HELD);
  return TRUE;
}

/**
 * civic_hearing_set_record_summary:
 *
 * Writes the record (笔录). Participants confirm a text by signing it
 * ("确认无误后签字或者盖章"), so the text is fixed from the first
 * signature on.
 */
gboolean
civic_hearing_set_record_summary (CivicHearing  *self,
                                  const char    *summary,
                                  GError       **error)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_record_open (self, error))
    return FALSE;

  for (guint i = 0; i < self->participants->len; i++)
    {
      const CivicHearingParticipant *participant = g_ptr_array_index (self->participants, i);

      if (participant->signed_on != CIVIC_DAY_INVALID ||
          participant->refused_on != CIVIC_DAY_INVALID)
        return refuse (error, CIVIC_HEARING_ERROR_STATE,
                       _("%s has already signed the record; its text can no longer change"),
                       participant->name);
    }

  if (is_blank (summary))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("The record cannot be empty"));

  g_free (self->record_summary);
  self->record_summary = g_strdup (summary);
  return TRUE;
}

static gboolean
check_may_sign (CivicHearing             *self,
                CivicHearingParticipant  *participant,
                CivicDay                  day,
                GError                  **error)
{
  CivicDay hearing_day;

  if (participant->signed_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *signed_on = civic_day_format (participant->signed_on);

      return refuse (error, CIVIC_HEARING_ERROR_STATE,
                     _("%s already signed the record on %s"), participant->name, signed_on);
    }

  if (participant->refused_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *refused_on = civic_day_format (participant->refused_on);

      return refuse (error, CIVIC_HEARING_ERROR_STATE,
                     _("%s refused to sign the record on %s, as the record notes"),
                     participant->name, refused_on);
    }

  hearing_day = day_of (self->starts_at);
  if (day == CIVIC_DAY_INVALID || day < hearing_day)
    {
      g_autofree char *when = civic_day_format (hearing_day);

      return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                     _("The record cannot be signed before the hearing on %s"), when);
    }
  return TRUE;
}

/**
 * civic_hearing_sign_record:
 * @sealed: whether the participant sealed (盖章) rather than signed
 */
gboolean
civic_hearing_sign_record (CivicHearing  *self,
                           const char    *participant_id,
                           CivicDay       day,
                           gboolean       sealed,
                           GError       **error)
{
  CivicHearingParticipant *participant;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_record_open (self, error))
    return FALSE;

  if (self->record_summary == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The record has no text yet; write it before it is signed"));

  if ((participant = _civic_hearing_lookup_participant (self, participant_id, NULL)) == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_NOT_FOUND,
                   _("No participant with the ID “%s” takes part in this hearing"),
                   participant_id ? participant_id : "");

  if (!check_may_sign (self, participant, day, error))
    return FALSE;

  participant->signed_on = day;
  participant->sealed = !!sealed;
  return TRUE;
}

/**
 * civic_hearing_refuse_to_sign:
 * @note: what the host notes in the record: that the participant refused,
 *   and why, if they said
 *
 * A participant who will not sign or seal the record does not keep it
 * open: the host notes the refusal in it (注明), and it is complete
 * without that signature.
 */
gboolean
civic_hearing_refuse_to_sign (CivicHearing  *self,
                              const char    *participant_id,
                              CivicDay       day,
                              const char    *note,
                              GError       **error)
{
  CivicHearingParticipant *participant;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_record_open (self, error))
    return FALSE;

  if (self->record_summary == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The record has no text yet; write it before it is signed"));

  if ((participant = _civic_hearing_lookup_participant (self, participant_id, NULL)) == NULL)
    return refuse (error, CIVIC_HEARING_ERROR_NOT_FOUND,
                   _("No participant with the ID “%s” takes part in this hearing"),
                   participant_id ? participant_id : "");

  /* The officials of the hearing sign what they wrote */
  if (participant->role == CIVIC_HEARING_ROLE_HOST || participant->role == CIVIC_HEARING_ROLE_CLERK)
    return refuse (error, CIVIC_HEARING_ERROR_RULE,
                   _("The host and the clerk sign the record they keep; only another "
                     "participant can refuse"));

  if (!check_may_sign (self, participant, day, error))
    return FALSE;

  if (is_blank (note))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("Note the refusal as the host records it in the record"));

  participant->refused_on = day;
  participant->refusal_note = g_strdup (note);
  return TRUE;
}

/**
 * civic_hearing_conclude:
 * @day: the day the record is complete
 *
 * Closes the record once every participant has signed or sealed it
 * (Art. 48(5)); the licensing decision is then made on it, and the case
 * clock runs again (see civic_hearing_get_clock_stop_span()).
 */
gboolean
civic_hearing_conclude (CivicHearing  *self,
                        CivicDay       day,
                        GError       **error)
{
  g_autoptr(GString) unsigned_names = NULL;
  CivicDay last_signature = CIVIC_DAY_INVALID;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (!check_record_open (self, error))
    return FALSE;

  if (self->participants->len == 0)
    return refuse (error, CIVIC_HEARING_ERROR_RULE,
                   _("The record has no participants to confirm it (Art. 48(5) of the "
                     "Administrative Licensing Law)"));

  for (guint i = 0; i < self->participants->len; i++)
    {
      const CivicHearingParticipant *participant = g_ptr_array_index (self->participants, i);

      if (participant->signed_on != CIVIC_DAY_INVALID ||
          participant->refused_on != CIVIC_DAY_INVALID)
        {
          last_signature = MAX (last_signature, MAX (participant->signed_on,
                                                     participant->refused_on));
          continue;
        }

      if (unsigned_names == NULL)
        unsigned_names = g_string_new (participant->name);
      else
        /* Translators: separates names in a list, "张伟、李娜" */
        g_string_append_printf (unsigned_names, "%s%s", _(", "), participant->name);
    }

  if (unsigned_names != NULL)
    return refuse (error, CIVIC_HEARING_ERROR_RULE,
                   _("The record is not yet signed or sealed by %s (Art. 48(5) of the "
                     "Administrative Licensing Law)"),
                   unsigned_names->str);

  if (day == CIVIC_DAY_INVALID || day < last_signature)
    {
      g_autofree char *last = civic_day_format (last_signature);

      return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                     _("The record was last signed on %s; it cannot be complete before then"),
                     last);
    }

  self->record_signed_on = day;
  set_state (self, CIVIC_HEARING_STATE_RECORD_SIGNED);
  return TRUE;
}

/**
 * civic_hearing_cancel:
 * @day: the day of the cancellation; the case clock runs again from it
 * @reason: why: the request was withdrawn, the application withdrawn, …
 */
gboolean
civic_hearing_cancel (CivicHearing  *self,
                      CivicDay       day,
                      const char    *reason,
                      GError       **error)
{
  CivicDay stop_day, resume_day;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  if (self->state == CIVIC_HEARING_STATE_RECORD_SIGNED)
    return refuse (error, CIVIC_HEARING_ERROR_STATE,
                   _("The record has been signed; the hearing can no longer be cancelled"));
  if (!check_not_ended (self, error))
    return FALSE;

  if (is_blank (reason))
    return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                   _("Give the reason for cancelling the hearing"));

  if (day == CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_HEARING_ERROR_INVALID, _("The date is missing"));

  /* The clock cannot run again before it stopped. */
  if (civic_hearing_get_clock_stop_span (self, &stop_day, &resume_day) && day < stop_day)
    {
      g_autofree char *since = civic_day_format (stop_day);

      return refuse (error, CIVIC_HEARING_ERROR_INVALID,
                     _("The hearing cannot be cancelled before %s, when the procedure began"),
                     since);
    }

  self->cancelled_on = day;
  g_free (self->cancel_reason);
  self->cancel_reason = g_strdup (reason);
  set_state (self, CIVIC_HEARING_STATE_CANCELLED);
  return TRUE;
}

/* Dates and the case clock */

/**
 * civic_hearing_get_key_dates:
 * @policy: (nullable): the periods, or %NULL for the default
 * @dates: (out caller-allocates): the dates
 *
 * The dates the hearing's page shows: the last day to ask for it, the last
 * day to hold it, and the last day to send its notice.
 */
void
civic_hearing_get_key_dates (CivicHearing             *self,
                             CivicCalendar            *calendar,
                             const CivicHearingPolicy *policy,
                             CivicHearingDates        *dates)
{
  g_return_if_fail (dates != NULL);
  memset (dates, 0, sizeof *dates);

  if (policy == NULL)
    policy = civic_hearing_policy_get_default ();

  g_return_if_fail (CIVIC_IS_HEARING (self));
  g_return_if_fail (CIVIC_IS_CALENDAR (calendar));
  g_return_if_fail (_civic_hearing_policy_is_valid (policy));

  if (self->kind == CIVIC_HEARING_KIND_ON_REQUEST)
    {
      dates->last_request_day = _civic_hearing_period_end (calendar, self->informed_on,
                                                           &policy->request_window,
                                                           &dates->provisional);
      dates->latest_hearing_day = _civic_hearing_period_end (calendar, self->requested_on,
                                                             &policy->organise_within,
                                                             &dates->provisional);
    }

  dates->hearing_day = day_of (self->starts_at);
  if (dates->hearing_day != CIVIC_DAY_INVALID)
    dates->latest_notice_day = _civic_hearing_period_start_before (calendar, dates->hearing_day,
                                                                   &policy->notice,
                                                                   &dates->provisional);
}

/**
 * civic_hearing_get_clock_stop_span:
 * @stop_day: (out) (optional): the day the case clock stops
 * @resume_day: (out) (optional): the day it resumes, or
 *   %CIVIC_DAY_INVALID while the record is not yet signed
 *
 * The time a hearing needs does not count toward the decision time limit
 * (ALL Art. 45). It runs from the request (Art. 47) or the announcement
 * (Art. 46) to the day the record is complete, or the hearing is
 * cancelled. The days fit civic_clock_stop() and civic_clock_resume()
 * with %CIVIC_STOP_REASON_HEARING.
 *
 * Returns: whether the hearing stops the clock at all: an ex officio
 * hearing not yet announced does not.
 */
gboolean
civic_hearing_get_clock_stop_span (CivicHearing *self,
                                   CivicDay     *stop_day,
                                   CivicDay     *resume_day)
{
  CivicDay stop, resume = CIVIC_DAY_INVALID;

  if (stop_day != NULL)
    *stop_day = CIVIC_DAY_INVALID;
  if (resume_day != NULL)
    *resume_day = CIVIC_DAY_INVALID;

  g_return_val_if_fail (CIVIC_IS_HEARING (self), FALSE);

  stop = self->kind == CIVIC_HEARING_KIND_ON_REQUEST ? self->requested_on : self->announced_on;
  if (stop == CIVIC_DAY_INVALID)
    return FALSE;

  if (self->state == CIVIC_HEARING_STATE_RECORD_SIGNED)
    resume = self->record_signed_on;
  else if (self->state == CIVIC_HEARING_STATE_CANCELLED ||
           self->state == CIVIC_HEARING_STATE_WITHDRAWN)
    resume = self->cancelled_on;

  if (resume != CIVIC_DAY_INVALID)
    resume = MAX (resume, stop);

  if (stop_day != NULL)
    *stop_day = stop;
  if (resume_day != NULL)
    *resume_day = resume;
  return TRUE;
}

/* Labels */

const char *
civic_hearing_kind_get_label (CivicHearingKind kind)
{
  switch (kind)
    {
    case CIVIC_HEARING_KIND_EX_OFFICIO: return _("Ex officio hearing (Art. 46)");
    case CIVIC_HEARING_KIND_ON_REQUEST: return _("Hearing on request (Art. 47)");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_hearing_state_get_label (CivicHearingState state)
{
  switch (state)
    {
    case CIVIC_HEARING_STATE_PENDING: return C_("hearing state", "To schedule");
    case CIVIC_HEARING_STATE_SCHEDULED: return C_("hearing state", "Scheduled");
    case CIVIC_HEARING_STATE_NOTIFIED: return C_("hearing state", "Notified");
    case CIVIC_HEARING_STATE_POSTPONED: return C_("hearing state", "Postponed");
    case CIVIC_HEARING_STATE_HELD: return C_("hearing state", "Held");
    case CIVIC_HEARING_STATE_RECORD_SIGNED: return C_("hearing state", "Record signed");
    case CIVIC_HEARING_STATE_CANCELLED: return C_("hearing state", "Cancelled");
    case CIVIC_HEARING_STATE_WITHDRAWN: return C_("hearing state", "Withdrawn");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_hearing_role_get_label (CivicHearingRole role)
{
  switch (role)
    {
    case CIVIC_HEARING_ROLE_APPLICANT: return _("Applicant");
    case CIVIC_HEARING_ROLE_INTERESTED_PARTY: return _("Interested party");
    case CIVIC_HEARING_ROLE_EXAMINER: return _("Examiner");
    case CIVIC_HEARING_ROLE_HOST: return _("Host");
    case CIVIC_HEARING_ROLE_CLERK: return _("Clerk");
    case CIVIC_HEARING_ROLE_WITNESS: return _("Witness");
    case CIVIC_HEARING_ROLE_AGENT: return _("Agent");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_hearing_recusal_decision_get_label (CivicHearingRecusalDecision decision)
{
  switch (decision)
    {
    case CIVIC_HEARING_RECUSAL_PENDING: return C_("recusal", "Pending");
    case CIVIC_HEARING_RECUSAL_GRANTED: return C_("recusal", "Granted");
    case CIVIC_HEARING_RECUSAL_REFUSED: return C_("recusal", "Refused");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_hearing_conflict_kind_get_label (CivicHearingConflictKind kind)
{
  switch (kind)
    {
    case CIVIC_HEARING_CONFLICT_ROOM: return _("Same room");
    case CIVIC_HEARING_CONFLICT_HOST: return _("Same host");
    case CIVIC_HEARING_CONFLICT_PARTICIPANT: return _("Same person");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_hearing_notice_method_get_label (CivicHearingNoticeMethod method)
{
  switch (method)
    {
    case CIVIC_HEARING_NOTICE_NONE: return C_("notice", "Not notified");
    case CIVIC_HEARING_NOTICE_IN_PERSON: return C_("notice", "In person");
    case CIVIC_HEARING_NOTICE_POST: return C_("notice", "By post");
    case CIVIC_HEARING_NOTICE_ELECTRONIC: return C_("notice", "Electronically");
    case CIVIC_HEARING_NOTICE_ANNOUNCEMENT: return C_("notice", "By public announcement");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_hearing_publicity_get_label (CivicHearingPublicity publicity)
{
  switch (publicity)
    {
    case CIVIC_HEARING_PUBLIC: return _("Public");
    case CIVIC_HEARING_CLOSED_STATE_SECRET: return _("Closed: state secret");
    case CIVIC_HEARING_CLOSED_TRADE_SECRET: return _("Closed: trade secret");
    case CIVIC_HEARING_CLOSED_PRIVACY: return _("Closed: personal privacy");
    case CIVIC_HEARING_CLOSED_OTHER: return _("Closed: another reason");
    default: g_return_val_if_reached ("");
    }
}
