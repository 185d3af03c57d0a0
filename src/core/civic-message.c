/* civic-message.c — a citizen's message to the hall (互动交流)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-message-private.h"
#include "civic-privacy-mask.h"

/* A citizen's message (docs/plans/messages.md, decisions 2–7): what was
 * written, by whom, through which channel; which department has it and
 * who there; what happened to it, which its clocks are rebuilt from; and
 * its two kinds of text — public replies and internal notes — in two
 * arrays of two types, so that nothing that writes for the public can be
 * handed a note. */

G_DEFINE_TYPE (CivicMessage, civic_message, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-message-error-quark, civic_message_error)

const char *
civic_message_kind_get_label (CivicMessageKind kind)
{
  switch (kind)
    {
    case CIVIC_MESSAGE_KIND_CONSULTATION: return _("Consultation");
    case CIVIC_MESSAGE_KIND_COMPLAINT: return _("Complaint");
    case CIVIC_MESSAGE_KIND_SUGGESTION: return _("Suggestion");
    case CIVIC_MESSAGE_KIND_REPORT: return _("Report of Wrongdoing");
    case CIVIC_MESSAGE_KIND_HELP: return _("Request for Help");
    case CIVIC_MESSAGE_KIND_IDEA: return _("Idea");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_channel_get_label (CivicMessageChannel channel)
{
  switch (channel)
    {
    case CIVIC_MESSAGE_CHANNEL_PORTAL: return _("Online Service Hall");
    case CIVIC_MESSAGE_CHANNEL_WECHAT: return _("WeChat");
    case CIVIC_MESSAGE_CHANNEL_APP: return _("Mobile App");
    case CIVIC_MESSAGE_CHANNEL_ON_SITE: return _("On Site");
    case CIVIC_MESSAGE_CHANNEL_EMAIL: return _("E-mail");
    case CIVIC_MESSAGE_CHANNEL_LETTER: return _("Letter");
    case CIVIC_MESSAGE_CHANNEL_HOTLINE: return _("12345 Hotline");
    case CIVIC_MESSAGE_CHANNEL_OPEN311: return _("Open311");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_step_get_label (CivicMessageStep step)
{
  switch (step)
    {
    case CIVIC_MESSAGE_STEP_SIGN_FOR: return _("Sign for");
    case CIVIC_MESSAGE_STEP_REPLY: return _("Reply");
    case CIVIC_MESSAGE_STEP_SEND_BACK: return _("Send back");
    case CIVIC_MESSAGE_STEP_RECTIFICATION: return _("Rectification");
    case CIVIC_MESSAGE_STEP_EVALUATION: return _("Evaluation");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_state_get_label (CivicMessageState state)
{
  switch (state)
    {
    case CIVIC_MESSAGE_STATE_NEW: return _("To Sign For");
    case CIVIC_MESSAGE_STATE_SIGNED_FOR: return _("Signed For");
    case CIVIC_MESSAGE_STATE_IN_PROGRESS: return _("In Progress");
    case CIVIC_MESSAGE_STATE_SENT_BACK: return _("Sent Back to the Hall");
    case CIVIC_MESSAGE_STATE_REPLY_IN_REVIEW: return _("Reply in Review");
    case CIVIC_MESSAGE_STATE_REPLIED: return _("Replied");
    case CIVIC_MESSAGE_STATE_CLOSED: return _("Closed");
    case CIVIC_MESSAGE_STATE_REOPENED: return _("Reopened");
    case CIVIC_MESSAGE_STATE_MERGED: return _("Merged");
    case CIVIC_MESSAGE_STATE_ROUTED_TO_CASE: return _("Routed to a Case");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_routing_get_label (CivicMessageRouting routing)
{
  switch (routing)
    {
    case CIVIC_MESSAGE_ROUTING_NOT_OUR_REMIT: return _("Not within our remit");
    case CIVIC_MESSAGE_ROUTING_OTHER_LEVEL: return _("For another level of government");
    case CIVIC_MESSAGE_ROUTING_JOINT: return _("Needs the lead department to coordinate");
    case CIVIC_MESSAGE_ROUTING_OTHER_CHANNEL:
      return _("For litigation, reconsideration or another statutory procedure");
    case CIVIC_MESSAGE_ROUTING_OTHER: return _("Another reason");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_outcome_get_label (CivicMessageOutcome outcome)
{
  switch (outcome)
    {
    case CIVIC_MESSAGE_OUTCOME_RESOLVED: return _("Resolved");
    case CIVIC_MESSAGE_OUTCOME_EXPLAINED: return _("Explained");
    case CIVIC_MESSAGE_OUTCOME_UNRESOLVED: return _("Unresolved");
    case CIVIC_MESSAGE_OUTCOME_NOT_ACCEPTED: return _("Not accepted");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_visit_channel_get_label (CivicMessageVisitChannel channel)
{
  switch (channel)
    {
    case CIVIC_MESSAGE_VISIT_PHONE: return _("By phone");
    case CIVIC_MESSAGE_VISIT_SMS: return _("By text message");
    case CIVIC_MESSAGE_VISIT_IN_PERSON: return _("In person");
    case CIVIC_MESSAGE_VISIT_ONLINE: return _("Online");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_satisfaction_get_label (CivicMessageSatisfaction satisfaction)
{
  switch (satisfaction)
    {
    case CIVIC_MESSAGE_SATISFACTION_SATISFIED: return _("Satisfied");
    case CIVIC_MESSAGE_SATISFACTION_BASICALLY: return _("Basically satisfied");
    case CIVIC_MESSAGE_SATISFACTION_UNSATISFIED: return _("Dissatisfied");
    case CIVIC_MESSAGE_SATISFACTION_UNREACHED: return _("Could not be reached");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_review_decision_get_label (CivicMessageReviewDecision decision)
{
  switch (decision)
    {
    case CIVIC_MESSAGE_REVIEW_DECISION_APPROVE: return _("Approve and send");
    case CIVIC_MESSAGE_REVIEW_DECISION_RETURN: return _("Return for changes");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_dispute_decision_get_label (CivicMessageDisputeDecision decision)
{
  switch (decision)
    {
    case CIVIC_MESSAGE_DISPUTE_DECISION_KEEP: return _("The department keeps it");
    case CIVIC_MESSAGE_DISPUTE_DECISION_ROUTE: return _("Send it to another department");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_idea_status_get_label (CivicIdeaStatus status)
{
  switch (status)
    {
    case CIVIC_IDEA_STATUS_RECEIVED: return C_("idea", "Received");
    case CIVIC_IDEA_STATUS_SHORTLISTED: return C_("idea", "Shortlisted");
    case CIVIC_IDEA_STATUS_ADOPTED: return C_("idea", "Adopted");
    case CIVIC_IDEA_STATUS_DECLINED: return C_("idea", "Declined");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_idea_decision_get_label (CivicIdeaDecision decision)
{
  switch (decision)
    {
    case CIVIC_IDEA_DECISION_ADOPT: return _("Adopt the idea");
    case CIVIC_IDEA_DECISION_DECLINE: return _("Decline it, with the reason");
    default: g_return_val_if_reached ("");
    }
}

/* The parts */

void
civic_message_citizen_clear (CivicMessageCitizen *citizen)
{
  g_clear_pointer (&citizen->name, g_free);
  g_clear_pointer (&citizen->id_number, g_free);
  g_clear_pointer (&citizen->phone, g_free);
  g_clear_pointer (&citizen->email, g_free);
  g_clear_pointer (&citizen->address, g_free);
}

void
civic_message_citizen_copy (CivicMessageCitizen       *to,
                            const CivicMessageCitizen *from)
{
  to->anonymous = from->anonymous;
  to->name = g_strdup (from->name);
  to->id_number = g_strdup (from->id_number);
  to->phone = g_strdup (from->phone);
  to->email = g_strdup (from->email);
  to->address = g_strdup (from->address);
  to->masked = from->masked;
}

void
civic_message_attachment_free (CivicMessageAttachment *attachment)
{
  g_free (attachment->sha256);
  g_free (attachment->name);
  g_free (attachment->media_type);
  g_free (attachment->added_by_id);
  g_free (attachment->added_by_name);
  g_free (attachment);
}

static CivicMessageAttachment *
attachment_copy (const CivicMessageAttachment *from)
{
  CivicMessageAttachment *to = g_memdup2 (from, sizeof *from);

  to->sha256 = g_strdup (from->sha256);
  to->name = g_strdup (from->name);
  to->media_type = g_strdup (from->media_type);
  to->added_by_id = g_strdup (from->added_by_id);
  to->added_by_name = g_strdup (from->added_by_name);
  return to;
}

void
civic_message_reply_free (CivicMessageReply *reply)
{
  g_free (reply->text);
  g_free (reply->by_id);
  g_free (reply->by_name);
  g_clear_pointer (&reply->at, g_date_time_unref);
  g_free (reply->reviewed_by_id);
  g_free (reply->reviewed_by_name);
  g_free (reply);
}

static CivicMessageReply *
reply_copy (const CivicMessageReply *from)
{
  CivicMessageReply *to = g_memdup2 (from, sizeof *from);

  to->text = g_strdup (from->text);
  to->by_id = g_strdup (from->by_id);
  to->by_name = g_strdup (from->by_name);
  to->at = from->at != NULL ? g_date_time_ref (from->at) : NULL;
  to->reviewed_by_id = g_strdup (from->reviewed_by_id);
  to->reviewed_by_name = g_strdup (from->reviewed_by_name);
  return to;
}

void
civic_message_note_free (CivicMessageNote *note)
{
  g_free (note->text);
  g_free (note->by_id);
  g_free (note->by_name);
  g_clear_pointer (&note->at, g_date_time_unref);
  g_free (note);
}

static CivicMessageNote *
note_copy (const CivicMessageNote *from)
{
  CivicMessageNote *to = g_memdup2 (from, sizeof *from);

  to->text = g_strdup (from->text);
  to->by_id = g_strdup (from->by_id);
  to->by_name = g_strdup (from->by_name);
  to->at = from->at != NULL ? g_date_time_ref (from->at) : NULL;
  return to;
}

void
civic_message_route_free (CivicMessageRoute *route)
{
  g_free (route->text);
  g_free (route->from_department_id);
  g_free (route->to_department_id);
  g_free (route->by_id);
  g_free (route->by_name);
  g_free (route->decided_by_id);
  g_free (route->decided_by_name);
  g_free (route->decision_text);
  g_free (route);
}

static CivicMessageRoute *
route_copy (const CivicMessageRoute *from)
{
  CivicMessageRoute *to = g_memdup2 (from, sizeof *from);

  to->text = g_strdup (from->text);
  to->from_department_id = g_strdup (from->from_department_id);
  to->to_department_id = g_strdup (from->to_department_id);
  to->by_id = g_strdup (from->by_id);
  to->by_name = g_strdup (from->by_name);
  to->decided_by_id = g_strdup (from->decided_by_id);
  to->decided_by_name = g_strdup (from->decided_by_name);
  to->decision_text = g_strdup (from->decision_text);
  return to;
}

void
civic_message_extension_free (CivicMessageExtension *extension)
{
  if (extension == NULL)
    return;
  g_free (extension->reason);
  g_free (extension->approved_by_id);
  g_free (extension->approved_by_name);
  g_free (extension);
}

static CivicMessageExtension *
extension_copy (const CivicMessageExtension *from)
{
  CivicMessageExtension *to;

  if (from == NULL)
    return NULL;
  to = g_memdup2 (from, sizeof *from);
  to->reason = g_strdup (from->reason);
  to->approved_by_id = g_strdup (from->approved_by_id);
  to->approved_by_name = g_strdup (from->approved_by_name);
  return to;
}

void
civic_message_visit_free (CivicMessageVisit *visit)
{
  g_free (visit->record);
  g_free (visit->by_id);
  g_free (visit->by_name);
  g_free (visit);
}

static CivicMessageVisit *
visit_copy (const CivicMessageVisit *from)
{
  CivicMessageVisit *to = g_memdup2 (from, sizeof *from);

  to->record = g_strdup (from->record);
  to->by_id = g_strdup (from->by_id);
  to->by_name = g_strdup (from->by_name);
  return to;
}

void
civic_message_reopening_free (CivicMessageReopening *reopening)
{
  g_free (reopening->reason);
  g_free (reopening->by_id);
  g_free (reopening->by_name);
  g_free (reopening);
}

static CivicMessageReopening *
reopening_copy (const CivicMessageReopening *from)
{
  CivicMessageReopening *to = g_memdup2 (from, sizeof *from);

  to->reason = g_strdup (from->reason);
  to->by_id = g_strdup (from->by_id);
  to->by_name = g_strdup (from->by_name);
  return to;
}

void
civic_idea_score_free (CivicIdeaScore *score)
{
  g_free (score->by_id);
  g_free (score->by_name);
  g_free (score);
}

static CivicIdeaScore *
idea_score_copy (const CivicIdeaScore *from)
{
  CivicIdeaScore *to = g_memdup2 (from, sizeof *from);

  to->by_id = g_strdup (from->by_id);
  to->by_name = g_strdup (from->by_name);
  return to;
}

/* The record */

static void
civic_message_finalize (GObject *object)
{
  CivicMessage *self = CIVIC_MESSAGE (object);

  g_free (self->id);
  g_free (self->receipt);
  g_free (self->subject);
  g_free (self->body);
  civic_message_citizen_clear (&self->citizen);
  g_free (self->location.address);
  g_free (self->campaign_id);
  g_free (self->service_code);
  g_free (self->media_url);
  g_ptr_array_unref (self->attachments);
  g_free (self->accused_department_id);
  g_free (self->accused_person_id);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_free (self->registered_by_id);
  g_free (self->registered_by_name);
  g_free (self->department_id);
  g_free (self->assignee_id);
  g_free (self->assignee_name);
  g_clear_pointer (&self->terms, civic_message_terms_free);
  g_free (self->closing_note);
  g_clear_pointer (&self->extension, civic_message_extension_free);
  g_ptr_array_unref (self->routes);
  g_ptr_array_unref (self->reopenings);
  g_ptr_array_unref (self->visits);
  g_ptr_array_unref (self->replies);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->idea_scores);
  g_ptr_array_unref (self->documents);
  g_free (self->merged_into);
  g_free (self->case_id);
  g_strfreev (self->links);

  G_OBJECT_CLASS (civic_message_parent_class)->finalize (object);
}

static void
civic_message_class_init (CivicMessageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_message_finalize;
}

static void
civic_message_init (CivicMessage *self)
{
  self->received_on = CIVIC_DAY_INVALID;
  self->arrived_on = CIVIC_DAY_INVALID;
  self->signed_for_on = CIVIC_DAY_INVALID;
  self->replied_on = CIVIC_DAY_INVALID;
  self->closed_on = CIVIC_DAY_INVALID;
  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_message_route_free);
  self->reopenings = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_message_reopening_free);
  self->visits = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_message_visit_free);
  self->replies = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_message_reply_free);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_message_note_free);
  self->idea_scores = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_idea_score_free);
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_message_attachment_free);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_case_document_free);
  self->links = g_new0 (char *, 1);
}

/**
 * civic_message_new:
 * @department_id: (nullable): the department it is for; none puts it in
 *   the hall's dispatch
 *
 * Returns: (transfer full): a blank message, which register-message fills in
 */
CivicMessage *
civic_message_new (const char *id,
                   const char *department_id)
{
  CivicMessage *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_MESSAGE, NULL);
  self->id = g_strdup (id);
  self->department_id = g_strdup (department_id);
  return self;
}

#define COPY_ARRAY(to, from, copy) \
  G_STMT_START { \
    for (guint i_ = 0; i_ < (from)->len; i_++) \
      g_ptr_array_add ((to), copy (g_ptr_array_index ((from), i_))); \
  } G_STMT_END

/**
 * civic_message_copy:
 *
 * Returns: (transfer full): a deep copy
 */
CivicMessage *
civic_message_copy (CivicMessage *self)
{
  CivicMessage *copy;

  g_return_val_if_fail (CIVIC_IS_MESSAGE (self), NULL);

  copy = civic_message_new (self->id, self->department_id);
  copy->rev = self->rev;
  copy->receipt = g_strdup (self->receipt);
  copy->state = self->state;
  copy->kind = self->kind;
  copy->channel = self->channel;
  copy->subject = g_strdup (self->subject);
  copy->body = g_strdup (self->body);
  civic_message_citizen_copy (&copy->citizen, &self->citizen);
  copy->location = self->location;
  copy->location.address = g_strdup (self->location.address);
  copy->campaign_id = g_strdup (self->campaign_id);
  copy->service_code = g_strdup (self->service_code);
  copy->media_url = g_strdup (self->media_url);
  COPY_ARRAY (copy->attachments, self->attachments, attachment_copy);
  copy->accused_department_id = g_strdup (self->accused_department_id);
  copy->accused_person_id = g_strdup (self->accused_person_id);
  copy->received_at = self->received_at != NULL ? g_date_time_ref (self->received_at) : NULL;
  copy->received_on = self->received_on;
  copy->registered_by_id = g_strdup (self->registered_by_id);
  copy->registered_by_name = g_strdup (self->registered_by_name);
  copy->assignee_id = g_strdup (self->assignee_id);
  copy->assignee_name = g_strdup (self->assignee_name);
  copy->terms = self->terms != NULL ? civic_message_terms_copy (self->terms) : NULL;
  copy->arrived_on = self->arrived_on;
  copy->signed_for_on = self->signed_for_on;
  copy->replied_on = self->replied_on;
  copy->closed_on = self->closed_on;
  copy->outcome = self->outcome;
  copy->closing_note = g_strdup (self->closing_note);
  copy->extension = extension_copy (self->extension);
  COPY_ARRAY (copy->routes, self->routes, route_copy);
  COPY_ARRAY (copy->reopenings, self->reopenings, reopening_copy);
  COPY_ARRAY (copy->visits, self->visits, visit_copy);
  COPY_ARRAY (copy->replies, self->replies, reply_copy);
  COPY_ARRAY (copy->notes, self->notes, note_copy);
  copy->idea_status = self->idea_status;
  COPY_ARRAY (copy->idea_scores, self->idea_scores, idea_score_copy);
  COPY_ARRAY (copy->documents, self->documents, civic_case_document_copy);
  copy->merged_into = g_strdup (self->merged_into);
  copy->case_id = g_strdup (self->case_id);
  g_strfreev (copy->links);
  copy->links = g_strdupv (self->links);
  return copy;
}

#define RETURN_IF_NOT_MESSAGE(val) g_return_val_if_fail (CIVIC_IS_MESSAGE (self), (val))

const char *civic_message_get_id (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->id; }
gint64 civic_message_get_rev (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (0); return self->rev; }

void
civic_message_set_rev (CivicMessage *self,
                       gint64        rev)
{
  g_return_if_fail (CIVIC_IS_MESSAGE (self));
  self->rev = rev;
}

const char *civic_message_get_receipt (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->receipt; }

void
civic_message_set_receipt (CivicMessage *self,
                           const char   *receipt)
{
  g_return_if_fail (CIVIC_IS_MESSAGE (self));
  g_free (self->receipt);
  self->receipt = g_strdup (receipt);
}

CivicMessageKind civic_message_get_kind (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (0); return self->kind; }
CivicMessageChannel civic_message_get_channel (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (0); return self->channel; }
CivicMessageState civic_message_get_state (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (0); return self->state; }
const char *civic_message_get_subject (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->subject; }
const char *civic_message_get_body (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->body; }
const CivicMessageCitizen *civic_message_get_citizen (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return &self->citizen; }
const CivicMessageLocation *civic_message_get_location (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return &self->location; }
const char *civic_message_get_department_id (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->department_id; }
const char *civic_message_get_assignee_id (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->assignee_id; }
const char *civic_message_get_assignee_name (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->assignee_name; }
const char *civic_message_get_accused_department_id (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->accused_department_id; }
const char *civic_message_get_accused_person_id (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->accused_person_id; }
const char *civic_message_get_campaign_id (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->campaign_id; }
const char *civic_message_get_service_code (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->service_code; }
const char *civic_message_get_case_id (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->case_id; }
const char *civic_message_get_merged_into (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->merged_into; }
const char * const *civic_message_get_links (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return (const char * const *) self->links; }
GPtrArray *civic_message_get_attachments (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->attachments; }
GPtrArray *civic_message_get_documents (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->documents; }

/**
 * civic_message_find_reply_document:
 *
 * Returns: (nullable): the written reply issued for the reply numbered
 * @reply_number, if one was
 */
const CivicCaseDocument *
civic_message_find_reply_document (CivicMessage *self,
                                   guint         reply_number)
{
  RETURN_IF_NOT_MESSAGE (NULL);

  for (guint i = 0; i < self->documents->len; i++)
    {
      const CivicCaseDocument *document = g_ptr_array_index (self->documents, i);

      if (document->kind == CIVIC_DOCUMENT_MESSAGE_REPLY && document->round == (int) reply_number)
        return document;
    }
  return NULL;
}

/**
 * civic_message_add_document:
 *
 * Files a document the service issued for the message.
 */
void
civic_message_add_document (CivicMessage            *self,
                            const CivicCaseDocument *document)
{
  g_return_if_fail (CIVIC_IS_MESSAGE (self));
  g_ptr_array_add (self->documents, civic_case_document_copy (document));
}
const char *civic_message_get_media_url (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->media_url; }

const CivicMessageAttachment *
civic_message_find_attachment (CivicMessage *self,
                               const char   *sha256)
{
  RETURN_IF_NOT_MESSAGE (NULL);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      const CivicMessageAttachment *attachment = g_ptr_array_index (self->attachments, i);

      if (g_strcmp0 (attachment->sha256, sha256) == 0)
        return attachment;
    }
  return NULL;
}
GDateTime *civic_message_get_received_at (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->received_at; }
CivicDay civic_message_get_received_on (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (CIVIC_DAY_INVALID); return self->received_on; }
CivicDay civic_message_get_arrived_on (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (CIVIC_DAY_INVALID); return self->arrived_on; }
CivicDay civic_message_get_signed_for_on (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (CIVIC_DAY_INVALID); return self->signed_for_on; }
CivicDay civic_message_get_replied_on (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (CIVIC_DAY_INVALID); return self->replied_on; }
CivicDay civic_message_get_closed_on (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (CIVIC_DAY_INVALID); return self->closed_on; }
CivicMessageOutcome civic_message_get_outcome (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (0); return self->outcome; }
const CivicMessageTerms *civic_message_get_terms (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->terms; }
const CivicMessageExtension *civic_message_get_extension (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->extension; }

/**
 * civic_message_get_replies:
 *
 * Returns: (transfer none) (element-type CivicMessageReply): the public
 * replies, the first first; those in review or returned among them
 */
GPtrArray *civic_message_get_replies (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->replies; }

/**
 * civic_message_get_notes:
 *
 * Returns: (transfer none) (element-type CivicMessageNote): the internal
 * notes, for officials only
 */
GPtrArray *civic_message_get_notes (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->notes; }
GPtrArray *civic_message_get_routes (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->routes; }
GPtrArray *civic_message_get_visits (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->visits; }
GPtrArray *civic_message_get_reopenings (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->reopenings; }
CivicIdeaStatus civic_message_get_idea_status (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (0); return self->idea_status; }

/**
 * civic_message_get_idea_scores:
 *
 * Returns: (transfer none) (element-type CivicIdeaScore): an idea's
 * scores, one for each official who scored it
 */
GPtrArray *civic_message_get_idea_scores (CivicMessage *self) { RETURN_IF_NOT_MESSAGE (NULL); return self->idea_scores; }

/**
 * civic_message_get_idea_mean:
 *
 * Returns: the mean of an idea's scores, 0 when nobody scored it
 */
double
civic_message_get_idea_mean (CivicMessage *self)
{
  double sum = 0;

  RETURN_IF_NOT_MESSAGE (0);
  if (self->idea_scores->len == 0)
    return 0;
  for (guint i = 0; i < self->idea_scores->len; i++)
    sum += ((CivicIdeaScore *) g_ptr_array_index (self->idea_scores, i))->score;
  return sum / self->idea_scores->len;
}

/**
 * civic_message_get_last_sent_reply:
 *
 * Returns: (transfer none) (nullable): the latest reply that went to the
 * citizen: the one the public side and Open311's status notes show
 */
const CivicMessageReply *
civic_message_get_last_sent_reply (CivicMessage *self)
{
  RETURN_IF_NOT_MESSAGE (NULL);

  for (guint i = self->replies->len; i > 0; i--)
    {
      const CivicMessageReply *reply = g_ptr_array_index (self->replies, i - 1);

      if (reply->status == CIVIC_MESSAGE_REPLY_SENT)
        return reply;
    }
  return NULL;
}

/**
 * civic_message_get_pending_reply:
 *
 * Returns: (transfer none) (nullable): the reply waiting for its review
 */
const CivicMessageReply *
civic_message_get_pending_reply (CivicMessage *self)
{
  const CivicMessageReply *last;

  RETURN_IF_NOT_MESSAGE (NULL);

  if (self->replies->len == 0)
    return NULL;
  last = g_ptr_array_index (self->replies, self->replies->len - 1);
  return last->status == CIVIC_MESSAGE_REPLY_IN_REVIEW ? last : NULL;
}

CivicMessageRoute *
civic_message_get_pending_send_back (CivicMessage *self)
{
  CivicMessageRoute *last;

  if (self->routes->len == 0)
    return NULL;
  last = g_ptr_array_index (self->routes, self->routes->len - 1);
  return last->send_back && last->dispute == CIVIC_MESSAGE_DISPUTE_PENDING ? last : NULL;
}

/**
 * civic_message_is_open:
 *
 * Returns: whether someone still has to act on it: not replied, closed,
 * merged or routed to a case
 */
gboolean
civic_message_is_open (CivicMessage *self)
{
  RETURN_IF_NOT_MESSAGE (FALSE);

  switch (self->state)
    {
    case CIVIC_MESSAGE_STATE_REPLIED:
    case CIVIC_MESSAGE_STATE_CLOSED:
    case CIVIC_MESSAGE_STATE_MERGED:
    case CIVIC_MESSAGE_STATE_ROUTED_TO_CASE:
      return FALSE;
    default:
      return TRUE;
    }
}

/**
 * civic_message_is_hidden_from:
 * @department_id: (nullable): a reader's department
 * @person_id: (nullable): the reader
 *
 * A report (举报) is never shown to the department or the official it
 * accuses (信访工作条例 Art. 30, docs/plans/messages.md decision 6).
 *
 * Returns: whether the reader is the one accused
 */
gboolean
civic_message_is_hidden_from (CivicMessage *self,
                              const char   *department_id,
                              const char   *person_id)
{
  RETURN_IF_NOT_MESSAGE (TRUE);

  if (self->kind != CIVIC_MESSAGE_KIND_REPORT)
    return FALSE;
  return (department_id != NULL && g_strcmp0 (department_id, self->accused_department_id) == 0) ||
         (person_id != NULL && g_strcmp0 (person_id, self->accused_person_id) == 0);
}

/* The clocks */

/* The day the limit runs from, as the terms say, and the event that was:
 * a limit from the transfer runs from the receipt of one never
 * transferred; invalid while that event has not happened */
static CivicDay
start_of (CivicMessage            *self,
          const CivicMessageLimit *limit,
          CivicMessageClockFrom   *happened)
{
  *happened = limit->from;
  switch (limit->from)
    {
    case CIVIC_MESSAGE_CLOCK_FROM_RECEIVED: return self->received_on;
    case CIVIC_MESSAGE_CLOCK_FROM_SIGNED_FOR: return self->signed_for_on;
    case CIVIC_MESSAGE_CLOCK_FROM_TRANSFERRED:
      if (self->routes->len == 0)
        *happened = CIVIC_MESSAGE_CLOCK_FROM_RECEIVED;
      return self->arrived_on;
    default: return CIVIC_DAY_INVALID;
    }
}

/**
 * civic_message_dup_clock:
 * @step: sign-for, reply or send-back
 *
 * The clock of @step as it runs now: signing for, from the day the
 * message reached the department that has it (its receipt, until it is
 * transferred); the reply, from the event
 * the terms name (or the day it was last reopened), with its extension;
 * the department's time to object that it was sent the message wrongly,
 * from the day it arrived.
 *
 * Returns: (transfer full) (nullable): the clock, or %NULL when the
 * message has no terms yet or the event it runs from has not happened
 */
CivicClock *
civic_message_dup_clock (CivicMessage     *self,
                         CivicCalendar    *calendar,
                         CivicMessageStep  step)
{
  g_autoptr(CivicClock) clock = NULL;
  CivicDay start, done = CIVIC_DAY_INVALID;
  CivicMessageClockFrom happened = CIVIC_MESSAGE_CLOCK_FROM_RECEIVED;

  RETURN_IF_NOT_MESSAGE (NULL);

  if (self->terms == NULL)
    return NULL;

  switch (step)
    {
    /* The department that has it signs for it, from the event the table
     * names: its receipt, or the day it reached that department */
    case CIVIC_MESSAGE_STEP_SIGN_FOR:
      start = start_of (self, &self->terms->sign_for, &happened);
      done = self->signed_for_on;
      break;

    /* Reopened, the reply runs again from that day, and is done by the
     * first reply sent after the reopening */
    case CIVIC_MESSAGE_STEP_REPLY:
      start = start_of (self, &self->terms->reply, &happened);
      if (self->reopenings->len > 0)
        {
          const CivicMessageReopening *last = g_ptr_array_index (self->reopenings,
                                                                 self->reopenings->len - 1);

          start = last->on;
          happened = CIVIC_MESSAGE_CLOCK_FROM_REOPENED;
          for (guint i = last->after_reply; i < self->replies->len && done == CIVIC_DAY_INVALID;
               i++)
            {
              const CivicMessageReply *reply = g_ptr_array_index (self->replies, i);

              if (reply->status == CIVIC_MESSAGE_REPLY_SENT)
                done = reply->sent_on;
            }
        }
      else
        done = self->replied_on;
      break;

    case CIVIC_MESSAGE_STEP_SEND_BACK:
      start = start_of (self, &self->terms->send_back, &happened);
      break;

    default:
      g_return_val_if_reached (NULL);
    }
  if (start == CIVIC_DAY_INVALID)
    return NULL;

  clock = civic_message_terms_start (self->terms, step, happened, start);
  /* Extended within the terms, as the rules checked; a record that says
   * otherwise shows its clock without the extension */
  if (step == CIVIC_MESSAGE_STEP_REPLY && self->extension != NULL &&
      self->extension->on >= start)
    civic_clock_extend (clock, calendar, self->extension->on, self->extension->days,
                        self->extension->approved_by_name, self->extension->reason, NULL);
  if (done != CIVIC_DAY_INVALID && done >= start)
    civic_clock_complete (clock, done, NULL);
  return g_steal_pointer (&clock);
}

void
civic_message_clock_reading_clear (CivicMessageClockReading *reading)
{
  g_clear_pointer (&reading->reading, civic_clock_reading_free);
}

/* The step whose clock a message waits on in @state */
static gboolean
running_step (CivicMessageState  state,
              CivicMessageStep  *step)
{
  switch (state)
    {
    case CIVIC_MESSAGE_STATE_NEW:
      *step = CIVIC_MESSAGE_STEP_SIGN_FOR;
      return TRUE;
    case CIVIC_MESSAGE_STATE_SIGNED_FOR:
    case CIVIC_MESSAGE_STATE_IN_PROGRESS:
    case CIVIC_MESSAGE_STATE_SENT_BACK:
    case CIVIC_MESSAGE_STATE_REPLY_IN_REVIEW:
    case CIVIC_MESSAGE_STATE_REOPENED:
    case CIVIC_MESSAGE_STATE_REPLIED:
    case CIVIC_MESSAGE_STATE_CLOSED:
      *step = CIVIC_MESSAGE_STEP_REPLY;
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * civic_message_dup_running_clock:
 * @step: (out) (optional): which step's clock it is
 *
 * Returns: (transfer full) (nullable): the clock the message waits on
 * now, or %NULL when it waits on none
 */
CivicClock *
civic_message_dup_running_clock (CivicMessage     *self,
                                 CivicCalendar    *calendar,
                                 CivicMessageStep *step)
{
  CivicMessageStep running;
  CivicClock *clock;

  RETURN_IF_NOT_MESSAGE (NULL);

  if (!running_step (self->state, &running))
    return NULL;
  /* Not yet signed for, a reply counted from the signing has not started:
   * the message waits on the signing */
  clock = civic_message_dup_clock (self, calendar, running);
  if (clock == NULL && running == CIVIC_MESSAGE_STEP_REPLY)
    clock = civic_message_dup_clock (self, calendar, running = CIVIC_MESSAGE_STEP_SIGN_FOR);
  if (clock != NULL && step != NULL)
    *step = running;
  return clock;
}

/**
 * civic_message_read_clock:
 * @calendar: the working days
 * @today: the day to read it on
 * @out: (out caller-allocates): the step whose clock runs and its
 *   reading; clear it with civic_message_clock_reading_clear()
 *
 * Returns: whether the message waits on a clock: a new one on signing
 * for, one being worked on on its reply (which still runs while the hall
 * decides an objection: the citizen's time does not stop for the hall's
 * routing); none without terms, merged or routed to a case
 */
gboolean
civic_message_read_clock (CivicMessage             *self,
                          CivicCalendar            *calendar,
                          CivicDay                  today,
                          CivicMessageClockReading *out)
{
  g_autoptr(CivicClock) clock = NULL;
  CivicMessageStep step;

  RETURN_IF_NOT_MESSAGE (FALSE);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  out->reading = NULL;
  clock = civic_message_dup_running_clock (self, calendar, &step);
  if (clock == NULL)
    return FALSE;
  out->step = step;
  out->reading = civic_clock_read (clock, calendar, today, NULL);
  return TRUE;
}

/* Who wrote, as a list may show them */
static char *
dup_citizen_label (CivicMessage *self)
{
  if (self->citizen.anonymous || self->citizen.name == NULL)
    return g_strdup (_("Anonymous"));
  if (self->citizen.masked)
    return g_strdup (self->citizen.name);
  return civic_privacy_mask_name (self->citizen.name);
}

/**
 * civic_message_summarize:
 * @today: the day the clocks are read on
 *
 * Returns: (transfer full): what the lists show and sort by, flat: the
 * receipt, kind, channel, state, the masked citizen, the department and
 * assignee, the running step's due day, status (green, yellow, red,
 * done; none without a clock) and days left or overdue, and the reply's
 * own last day. The service
 * sends it with every message; the client recomputes it for its own
 * changes with this same function.
 */
JsonNode *
civic_message_summarize (CivicMessage  *self,
                         CivicCalendar *calendar,
                         CivicDay       today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_auto(CivicMessageClockReading) clock = { 0 };
  g_autofree char *citizen = NULL;
  gboolean running;

  RETURN_IF_NOT_MESSAGE (NULL);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);

  running = civic_message_read_clock (self, calendar, today, &clock);
  citizen = dup_citizen_label (self);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "receipt", self->receipt);
  civic_json_set_enum (builder, "kind", CIVIC_TYPE_MESSAGE_KIND, self->kind);
  civic_json_set_enum (builder, "channel", CIVIC_TYPE_MESSAGE_CHANNEL, self->channel);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_MESSAGE_STATE, self->state);
  civic_json_set_string (builder, "subject", self->subject);
  civic_json_set_string (builder, "citizen", citizen);
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_string (builder, "assignee_id", self->assignee_id);
  civic_json_set_day (builder, "received_on", self->received_on);
  if (running)
    {
      const CivicClockReading *reading = clock.reading;
      gboolean done = reading->status == CIVIC_CLOCK_STATUS_DONE;

      civic_json_set_enum (builder, "step", CIVIC_TYPE_MESSAGE_STEP, clock.step);
      civic_json_set_day (builder, "due", reading->due);
      civic_json_set_string (builder, "status",
                             civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, reading->status));
      civic_json_set_int (builder, "remaining", done ? 0 : reading->remaining);
      civic_json_set_int (builder, "overdue", done ? 0 : reading->overdue);
      civic_json_set_bool (builder, "extended", reading->extended);
      civic_json_set_bool (builder, "late", reading->late);
    }
  else
    {
      json_builder_set_member_name (builder, "step");
      json_builder_add_null_value (builder);
      civic_json_set_day (builder, "due", CIVIC_DAY_INVALID);
      civic_json_set_string (builder, "status", "none");
      civic_json_set_int (builder, "remaining", 0);
      civic_json_set_int (builder, "overdue", 0);
      civic_json_set_bool (builder, "extended", FALSE);
      civic_json_set_bool (builder, "late", FALSE);
    }
  civic_json_set_day (builder, "reply_due", civic_message_get_reply_due (self, calendar, today));
  civic_json_set_day (builder, "replied_on", self->replied_on);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_message_fill_template:
 * @text: a reply template's text
 *
 * Fills the placeholders a reply template may hold from the message:
 * {{receipt}}, {{received_on}} and {{subject}}. Any other {{…}}, and the
 * 【请填写…】 blanks, are the official's to write; the reply lint refuses
 * a reply with one left.
 *
 * Returns: (transfer full): the text filled in
 */
char *
civic_message_fill_template (CivicMessage *self,
                             const char   *text)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *received = NULL;

  RETURN_IF_NOT_MESSAGE (NULL);
  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (text);
  received = self->received_on != CIVIC_DAY_INVALID ? civic_day_format (self->received_on) : NULL;
  if (self->receipt != NULL)
    g_string_replace (out, "{{receipt}}", self->receipt, 0);
  if (received != NULL)
    g_string_replace (out, "{{received_on}}", received, 0);
  if (self->subject != NULL)
    g_string_replace (out, "{{subject}}", self->subject, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_message_get_reply_due:
 * @today: the day to read the clock on
 *
 * Returns: the last day to reply, as the citizen is told it; invalid
 * without terms, or before the event the reply's limit runs from
 */
CivicDay
civic_message_get_reply_due (CivicMessage  *self,
                             CivicCalendar *calendar,
                             CivicDay       today)
{
  g_autoptr(CivicClock) clock = NULL;
  g_autoptr(CivicClockReading) reading = NULL;

  RETURN_IF_NOT_MESSAGE (CIVIC_DAY_INVALID);

  clock = civic_message_dup_clock (self, calendar, CIVIC_MESSAGE_STEP_REPLY);
  if (clock == NULL)
    return CIVIC_DAY_INVALID;
  reading = civic_clock_read (clock, calendar, today, NULL);
  return reading->due;
}
