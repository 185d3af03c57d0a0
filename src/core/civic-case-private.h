/* civic-case-private.h — the case record, for the workflow that changes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-case.h"

G_BEGIN_DECLS

struct _CivicCase
{
  GObject           parent_instance;

  char             *id;
  char             *number;
  gint64            rev;

  /* The service item, as it was when the application came in */
  char             *item_code;
  char             *item_name;
  CivicItemKind     item_kind;
  int               statutory_days;
  int               promised_days;
  /* The catalogue's version the case was filed under (0: before versions),
   * and how its two limits are counted */
  int               item_version;
  CivicClockUnit    statutory_unit;
  CivicClockUnit    promised_unit;
  CivicTrack        track;
  char             *item_legal_basis;
  /* Who hears an appeal against a refusal (Art. 38); (nullable) */
  char             *item_reconsideration_body;
  char             *item_court;

  char             *department_id;
  char             *department_name;
  CivicChannel      channel;
  CivicApplicant    applicant;

  /* Where it stands */
  CivicCaseState    state;
  CivicQueue        queue;
  char             *assignee_id;
  char             *assignee_name;
  GDateTime        *received_at;
  CivicDay          received_on;
  CivicDay          accepted_on;
  gboolean          deemed_accepted;
  int               round;

  /* Clocks, each from the event that starts it */
  CivicClock       *correction_clock;
  CivicClock       *statutory_clock;
  CivicClock       *promised_clock;
  CivicClock       *delivery_clock;

  /* Records */
  GPtrArray        *materials;
  GPtrArray        *corrections;
  GPtrArray        *opinions;
  GPtrArray        *verifications;
  GPtrArray        *suspensions;
  GPtrArray        *subtasks;
  GPtrArray        *events;
  CivicCaseHearing  hearing;
  CivicNotAccepted *not_accepted;
  CivicDecision    *decision;
  CivicService     *service;
  CivicClosure     *closure;
  GPtrArray        *documents;
};

CivicCaseEvent *civic_case_append_event (CivicCase        *self,
                                         const char       *type,
                                         const CivicActor *actor,
                                         GDateTime        *at,
                                         const char       *text,
                                         JsonObject       *args,
                                         const char       *command_id);

void civic_material_free     (CivicMaterial     *material);
void civic_correction_free   (CivicCorrection   *correction);
void civic_opinion_free      (CivicOpinion      *opinion);
void civic_verification_free (CivicVerification *verification);
void civic_suspension_free   (CivicSuspension   *suspension);
void civic_subtask_free      (CivicSubtask      *subtask);
void civic_case_event_free   (CivicCaseEvent    *event);
void civic_not_accepted_free (CivicNotAccepted  *not_accepted);
void civic_decision_free     (CivicDecision     *decision);
void civic_service_free      (CivicService      *service);
void civic_closure_free      (CivicClosure      *closure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicCorrection, civic_correction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicOpinion, civic_opinion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicVerification, civic_verification_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicSuspension, civic_suspension_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicSubtask, civic_subtask_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicCaseEvent, civic_case_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicNotAccepted, civic_not_accepted_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicDecision, civic_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicService, civic_service_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicClosure, civic_closure_free)

/* civic-case-documents.c, for civic-workflow.c */
int  _civic_case_document_round (CivicCase         *self,
                                 CivicDocumentKind  kind);

/* civic-case.c, for civic-case-json.c */
void _civic_applicant_copy   (CivicApplicant       *dest,
                              const CivicApplicant *src);
void _civic_applicant_mask   (CivicApplicant       *applicant);

G_END_DECLS
