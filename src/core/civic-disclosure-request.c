/* civic-disclosure-request.c — a request for government information (依申请公开)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-request"

#include "config.h"

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-request-private.h"
#include "civic-json.h"
#include "civic-privacy-mask.h"

G_DEFINE_FINAL_TYPE (CivicDisclosureRequest, civic_disclosure_request, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-disclosure-request-error-quark, civic_disclosure_request_error)

/* Labels */

const char *
civic_disclosure_request_state_get_label (CivicDisclosureRequestState state)
{
  switch (state)
    {
    case CIVIC_DISCLOSURE_REQUEST_STATE_RECEIVED: return C_("disclosure request", "Received");
    case CIVIC_DISCLOSURE_REQUEST_STATE_CORRECTION_REQUESTED:
      return C_("disclosure request", "Awaiting correction");
    case CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS: return C_("disclosure request", "In progress");
    case CIVIC_DISCLOSURE_REQUEST_STATE_CONSULTING: return C_("disclosure request", "Consulting");
    case CIVIC_DISCLOSURE_REQUEST_STATE_REPLIED: return C_("disclosure request", "Replied");
    case CIVIC_DISCLOSURE_REQUEST_STATE_ABANDONED:
      return C_("disclosure request", "Deemed abandoned");
    case CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN: return C_("disclosure request", "Withdrawn");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_request_channel_get_label (CivicDisclosureRequestChannel channel)
{
  switch (channel)
    {
    case CIVIC_DISCLOSURE_REQUEST_CHANNEL_IN_PERSON: return C_("request channel", "In person");
    case CIVIC_DISCLOSURE_REQUEST_CHANNEL_POST: return C_("request channel", "Registered post");
    case CIVIC_DISCLOSURE_REQUEST_CHANNEL_ORDINARY_LETTER:
      return C_("request channel", "Ordinary letter");
    case CIVIC_DISCLOSURE_REQUEST_CHANNEL_ONLINE: return C_("request channel", "Online");
    case CIVIC_DISCLOSURE_REQUEST_CHANNEL_FAX: return C_("request channel", "Fax");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_applicant_kind_get_label (CivicDisclosureApplicantKind kind)
{
  switch (kind)
    {
    case CIVIC_DISCLOSURE_APPLICANT_NATURAL_PERSON: return _("Natural person");
    case CIVIC_DISCLOSURE_APPLICANT_COMMERCIAL_ENTERPRISE: return _("Commercial enterprise");
    case CIVIC_DISCLOSURE_APPLICANT_RESEARCH_INSTITUTION: return _("Research institution");
    case CIVIC_DISCLOSURE_APPLICANT_SOCIAL_WELFARE: return _("Social welfare organisation");
    case CIVIC_DISCLOSURE_APPLICANT_LEGAL_SERVICE: return _("Legal service institution");
    case CIVIC_DISCLOSURE_APPLICANT_OTHER_ORGANISATION:
      return _("Other legal person or organisation");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_id_type_get_label (CivicDisclosureIdType id_type)
{
  switch (id_type)
    {
    case CIVIC_DISCLOSURE_ID_RESIDENT_ID: return _("Resident identity card");
    case CIVIC_DISCLOSURE_ID_PASSPORT: return _("Passport");
    case CIVIC_DISCLOSURE_ID_HK_MACAO_PERMIT:
      return _("Mainland travel permit for Hong Kong and Macao residents");
    case CIVIC_DISCLOSURE_ID_TAIWAN_PERMIT: return _("Mainland travel permit for Taiwan residents");
    case CIVIC_DISCLOSURE_ID_FOREIGN_RESIDENCE:
      return _("Foreign permanent resident identity card");
    case CIVIC_DISCLOSURE_ID_OTHER: return _("Other identity document");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_delivery_form_get_label (CivicDisclosureDeliveryForm form)
{
  switch (form)
    {
    case CIVIC_DISCLOSURE_DELIVERY_PAPER: return _("On paper");
    case CIVIC_DISCLOSURE_DELIVERY_ELECTRONIC: return _("As an electronic file");
    case CIVIC_DISCLOSURE_DELIVERY_INSPECT: return _("Inspection on site");
    case CIVIC_DISCLOSURE_DELIVERY_COPY: return _("Copying out on site");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_delivery_channel_get_label (CivicDisclosureDeliveryChannel channel)
{
  switch (channel)
    {
    case CIVIC_DISCLOSURE_DELIVERY_BY_COLLECTION: return _("Collected in person");
    case CIVIC_DISCLOSURE_DELIVERY_BY_POST: return _("By post");
    case CIVIC_DISCLOSURE_DELIVERY_BY_EMAIL: return _("By e-mail");
    case CIVIC_DISCLOSURE_DELIVERY_BY_ONLINE: return _("Downloaded online");
    case CIVIC_DISCLOSURE_DELIVERY_BY_FAX: return _("By fax");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_consultee_get_label (CivicDisclosureConsultee consultee)
{
  switch (consultee)
    {
    case CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY: return _("A third party (Art. 32)");
    case CIVIC_DISCLOSURE_CONSULTEE_CO_PRODUCER:
      return _("An organ that made the information jointly (Art. 34)");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_answer_get_label (CivicDisclosureAnswer answer)
{
  switch (answer)
    {
    case CIVIC_DISCLOSURE_ANSWER_NONE: return _("No answer within 15 working days");
    case CIVIC_DISCLOSURE_ANSWER_CONSENT: return _("Consents to disclosure");
    case CIVIC_DISCLOSURE_ANSWER_OBJECTION: return _("Objects to disclosure");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_remedy_kind_get_label (CivicDisclosureRemedyKind kind)
{
  switch (kind)
    {
    case CIVIC_DISCLOSURE_REMEDY_RECONSIDERATION: return _("Administrative reconsideration");
    case CIVIC_DISCLOSURE_REMEDY_LAWSUIT: return _("Administrative lawsuit");
    default: g_return_val_if_reached ("");
    }
}

/* The columns of the annual report's table of reconsiderations and
 * lawsuits */
const char *
civic_disclosure_remedy_result_get_label (CivicDisclosureRemedyResult result)
{
  switch (result)
    {
    case CIVIC_DISCLOSURE_REMEDY_PENDING: return C_("remedy", "Not yet concluded");
    case CIVIC_DISCLOSURE_REMEDY_UPHELD: return C_("remedy", "Upheld");
    case CIVIC_DISCLOSURE_REMEDY_CORRECTED: return C_("remedy", "Corrected");
    case CIVIC_DISCLOSURE_REMEDY_OTHER: return C_("remedy", "Other result");
    default: g_return_val_if_reached ("");
    }
}

/* The parts */

static GDateTime *
ref_or_null (GDateTime *instant)
{
  return instant != NULL ? g_date_time_ref (instant) : NULL;
}

void
civic_disclosure_applicant_clear (CivicDisclosureApplicant *applicant)
{
  g_clear_pointer (&applicant->name, g_free);
  g_clear_pointer (&applicant->id_number, g_free);
  g_clear_pointer (&applicant->phone, g_free);
  g_clear_pointer (&applicant->address, g_free);
  g_clear_pointer (&applicant->email, g_free);
  g_clear_pointer (&applicant->organisation, g_free);
  g_clear_pointer (&applicant->credit_code, g_free);
}

/* Into a cleared @to */
void
civic_disclosure_applicant_copy (CivicDisclosureApplicant       *to,
                                 const CivicDisclosureApplicant *from)
{
  *to = *from;
  to->name = g_strdup (from->name);
  to->id_number = g_strdup (from->id_number);
  to->phone = g_strdup (from->phone);
  to->address = g_strdup (from->address);
  to->email = g_strdup (from->email);
  to->organisation = g_strdup (from->organisation);
  to->credit_code = g_strdup (from->credit_code);
}

void
civic_disclosure_correction_free (CivicDisclosureCorrection *correction)
{
  if (correction == NULL)
    return;
  g_free (correction->items);
  g_free (correction->by_id);
  g_free (correction->by_name);
  g_free (correction->document_id);
  g_free (correction);
}

static CivicDisclosureCorrection *
correction_copy (const CivicDisclosureCorrection *correction)
{
  CivicDisclosureCorrection *copy;

  if (correction == NULL)
    return NULL;
  copy = g_new0 (CivicDisclosureCorrection, 1);
  *copy = *correction;
  copy->items = g_strdup (correction->items);
  copy->by_id = g_strdup (correction->by_id);
  copy->by_name = g_strdup (correction->by_name);
  copy->document_id = g_strdup (correction->document_id);
  return copy;
}

void
civic_disclosure_consultation_free (CivicDisclosureConsultation *consultation)
{
  if (consultation == NULL)
    return;
  g_free (consultation->party);
  g_free (consultation->basis);
  g_free (consultation->note);
  g_free (consultation->by_id);
  g_free (consultation->by_name);
  g_free (consultation->document_id);
  g_free (consultation->notice_document_id);
  g_free (consultation);
}

static gpointer
consultation_copy (gconstpointer src,
                   gpointer      data)
{
  const CivicDisclosureConsultation *consultation = src;
  CivicDisclosureConsultation *copy = g_new0 (CivicDisclosureConsultation, 1);

  *copy = *consultation;
  copy->party = g_strdup (consultation->party);
  copy->basis = g_strdup (consultation->basis);
  copy->note = g_strdup (consultation->note);
  copy->by_id = g_strdup (consultation->by_id);
  copy->by_name = g_strdup (consultation->by_name);
  copy->document_id = g_strdup (consultation->document_id);
  copy->notice_document_id = g_strdup (consultation->notice_document_id);
  return copy;
}

void
civic_disclosure_extension_free (CivicDisclosureExtension *extension)
{
  if (extension == NULL)
    return;
  g_free (extension->reason);
  g_free (extension->approved_by_id);
  g_free (extension->approved_by_name);
  g_free (extension->document_id);
  g_free (extension);
}

static CivicDisclosureExtension *
extension_copy (const CivicDisclosureExtension *extension)
{
  CivicDisclosureExtension *copy;

  if (extension == NULL)
    return NULL;
  copy = g_new0 (CivicDisclosureExtension, 1);
  *copy = *extension;
  copy->reason = g_strdup (extension->reason);
  copy->approved_by_id = g_strdup (extension->approved_by_id);
  copy->approved_by_name = g_strdup (extension->approved_by_name);
  copy->document_id = g_strdup (extension->document_id);
  return copy;
}

void
civic_disclosure_reply_free (CivicDisclosureReply *reply)
{
  if (reply == NULL)
    return;
  g_free (reply->detail);
  g_free (reply->note);
  g_free (reply->public_interest);
  g_free (reply->drafted_by_id);
  g_free (reply->drafted_by_name);
  g_clear_pointer (&reply->drafted_at, g_date_time_unref);
  g_free (reply);
}

static CivicDisclosureReply *
reply_copy (const CivicDisclosureReply *reply)
{
  CivicDisclosureReply *copy;

  if (reply == NULL)
    return NULL;
  copy = g_new0 (CivicDisclosureReply, 1);
  *copy = *reply;
  copy->detail = g_strdup (reply->detail);
  copy->note = g_strdup (reply->note);
  copy->public_interest = g_strdup (reply->public_interest);
  copy->drafted_by_id = g_strdup (reply->drafted_by_id);
  copy->drafted_by_name = g_strdup (reply->drafted_by_name);
  copy->drafted_at = ref_or_null (reply->drafted_at);
  return copy;
}

void
civic_disclosure_remedy_free (CivicDisclosureRemedy *remedy)
{
  if (remedy == NULL)
    return;
  g_free (remedy->body);
  g_free (remedy->note);
  g_free (remedy);
}

static gpointer
remedy_copy (gconstpointer src,
             gpointer      data)
{
  const CivicDisclosureRemedy *remedy = src;
  CivicDisclosureRemedy *copy = g_new0 (CivicDisclosureRemedy, 1);

  *copy = *remedy;
  copy->body = g_strdup (remedy->body);
  copy->note = g_strdup (remedy->note);
  return copy;
}

void
civic_disclosure_request_comment_free (CivicDisclosureRequestComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->author_id);
  g_free (comment->author_name);
  g_free (comment->text);
  g_clear_pointer (&comment->at, g_date_time_unref);
  g_free (comment);
}

static gpointer
comment_copy (gconstpointer src,
              gpointer      data)
{
  const CivicDisclosureRequestComment *comment = src;
  CivicDisclosureRequestComment *copy = g_new0 (CivicDisclosureRequestComment, 1);

  copy->author_id = g_strdup (comment->author_id);
  copy->author_name = g_strdup (comment->author_name);
  copy->text = g_strdup (comment->text);
  copy->at = ref_or_null (comment->at);
  return copy;
}

/* The record */

static void
civic_disclosure_request_finalize (GObject *object)
{
  CivicDisclosureRequest *self = CIVIC_DISCLOSURE_REQUEST (object);

  g_free (self->id);
  g_free (self->department_id);
  g_free (self->receipt);
  civic_disclosure_applicant_clear (&self->applicant);
  g_free (self->description);
  g_free (self->document_number);
  g_free (self->title);
  g_free (self->registered_by_id);
  g_free (self->registered_by_name);
  g_clear_pointer (&self->registered_at, g_date_time_unref);
  civic_disclosure_correction_free (self->correction);
  g_ptr_array_unref (self->consultations);
  civic_disclosure_extension_free (self->extension);
  civic_disclosure_reply_free (self->reply);
  g_free (self->replied_by_id);
  g_free (self->replied_by_name);
  g_free (self->reply_document_id);
  g_free (self->closing_note);
  g_ptr_array_unref (self->remedies);
  g_ptr_array_unref (self->comments);
  g_ptr_array_unref (self->documents);

  G_OBJECT_CLASS (civic_disclosure_request_parent_class)->finalize (object);
}

static void
civic_disclosure_request_class_init (CivicDisclosureRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_disclosure_request_finalize;
}

static void
civic_disclosure_request_init (CivicDisclosureRequest *self)
{
  self->received_on = CIVIC_DAY_INVALID;
  self->due_on = CIVIC_DAY_INVALID;
  self->replied_on = CIVIC_DAY_INVALID;
  self->closed_on = CIVIC_DAY_INVALID;
  self->consultations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_consultation_free);
  self->remedies = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_remedy_free);
  self->comments =
    g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_request_comment_free);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_case_document_free);
}

/**
 * civic_disclosure_request_new:
 * @id: the id the client gave the command that registers it
 * @department_id: the organ asked
 *
 * A blank request, which register-disclosure-request fills in
 */
CivicDisclosureRequest *
civic_disclosure_request_new (const char *id,
                              const char *department_id)
{
  CivicDisclosureRequest *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_DISCLOSURE_REQUEST, NULL);
  self->id = g_strdup (id);
  self->department_id = g_strdup (department_id);
  return self;
}

static void
copy_array (GPtrArray *out,
            GPtrArray *in,
            GCopyFunc  copy)
{
  for (guint i = 0; i < in->len; i++)
    g_ptr_array_add (out, copy (g_ptr_array_index (in, i), NULL));
}

CivicDisclosureRequest *
civic_disclosure_request_copy (CivicDisclosureRequest *self)
{
  CivicDisclosureRequest *copy;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self), NULL);

  copy = civic_disclosure_request_new (self->id, self->department_id);
  copy->rev = self->rev;
  copy->receipt = g_strdup (self->receipt);
  copy->state = self->state;
  copy->channel = self->channel;
  copy->received_on = self->received_on;
  civic_disclosure_applicant_copy (&copy->applicant, &self->applicant);
  copy->description = g_strdup (self->description);
  copy->document_number = g_strdup (self->document_number);
  copy->title = g_strdup (self->title);
  copy->delivery_form = self->delivery_form;
  copy->delivery_channel = self->delivery_channel;
  copy->registered_by_id = g_strdup (self->registered_by_id);
  copy->registered_by_name = g_strdup (self->registered_by_name);
  copy->registered_at = ref_or_null (self->registered_at);
  copy->correction = correction_copy (self->correction);
  copy_array (copy->consultations, self->consultations, consultation_copy);
  copy->extension = extension_copy (self->extension);
  copy->due_on = self->due_on;
  copy->reply = reply_copy (self->reply);
  copy->replied_on = self->replied_on;
  copy->replied_by_id = g_strdup (self->replied_by_id);
  copy->replied_by_name = g_strdup (self->replied_by_name);
  copy->reply_document_id = g_strdup (self->reply_document_id);
  copy->closed_on = self->closed_on;
  copy->closing_note = g_strdup (self->closing_note);
  copy_array (copy->remedies, self->remedies, remedy_copy);
  copy_array (copy->comments, self->comments, comment_copy);
  for (guint i = 0; i < self->documents->len; i++)
    g_ptr_array_add (copy->documents,
                     civic_case_document_copy (g_ptr_array_index (self->documents, i)));
  return copy;
}

/* Accessors */

#define RETURN_IF_NOT_REQUEST(value) \
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self), (value))

const char *
civic_disclosure_request_get_id (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->id;
}

gint64
civic_disclosure_request_get_rev (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (0);
  return self->rev;
}

void
civic_disclosure_request_set_rev (CivicDisclosureRequest *self,
                                  gint64                  rev)
{
  g_return_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self));
  self->rev = rev;
}

const char *
civic_disclosure_request_get_department_id (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->department_id;
}

/* The short code the applicant asks after the request with; given by the
 * service when it registers the request */
const char *
civic_disclosure_request_get_receipt (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->receipt;
}

void
civic_disclosure_request_set_receipt (CivicDisclosureRequest *self,
                                      const char             *receipt)
{
  g_return_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self));

  if (g_strcmp0 (self->receipt, receipt) == 0)
    return;
  g_free (self->receipt);
  self->receipt = g_strdup (receipt);
}

CivicDisclosureRequestState
civic_disclosure_request_get_state (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (CIVIC_DISCLOSURE_REQUEST_STATE_RECEIVED);
  return self->state;
}

CivicDisclosureRequestChannel
civic_disclosure_request_get_channel (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (CIVIC_DISCLOSURE_REQUEST_CHANNEL_IN_PERSON);
  return self->channel;
}

CivicDay
civic_disclosure_request_get_received_on (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (CIVIC_DAY_INVALID);
  return self->received_on;
}

/* The reply's last day as of the request's latest command: the feed's
 * summary reads it again for the day */
CivicDay
civic_disclosure_request_get_due_on (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (CIVIC_DAY_INVALID);
  return self->due_on;
}

const CivicDisclosureApplicant *
civic_disclosure_request_get_applicant (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return &self->applicant;
}

const char *
civic_disclosure_request_get_description (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->description;
}

const char *
civic_disclosure_request_get_document_number (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->document_number;
}

const char *
civic_disclosure_request_get_title (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->title;
}

CivicDisclosureDeliveryForm
civic_disclosure_request_get_delivery_form (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (CIVIC_DISCLOSURE_DELIVERY_PAPER);
  return self->delivery_form;
}

CivicDisclosureDeliveryChannel
civic_disclosure_request_get_delivery_channel (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (CIVIC_DISCLOSURE_DELIVERY_BY_COLLECTION);
  return self->delivery_channel;
}

/* (nullable): until a correction is asked for */
const CivicDisclosureCorrection *
civic_disclosure_request_get_correction (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->correction;
}

/**
 * civic_disclosure_request_get_consultations:
 *
 * Returns: (transfer none) (element-type CivicDisclosureConsultation): in
 * the order started
 */
GPtrArray *
civic_disclosure_request_get_consultations (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->consultations;
}

/* (nullable): until the head extends the time limit */
const CivicDisclosureExtension *
civic_disclosure_request_get_extension (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->extension;
}

/* (nullable): until a reply is drafted */
const CivicDisclosureReply *
civic_disclosure_request_get_reply (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->reply;
}

CivicDay
civic_disclosure_request_get_replied_on (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (CIVIC_DAY_INVALID);
  return self->replied_on;
}

const char *
civic_disclosure_request_get_replied_by_id (CivicDisclosureRequest *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self), NULL);
  return self->replied_by_id;
}

const char *
civic_disclosure_request_get_replied_by_name (CivicDisclosureRequest *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self), NULL);
  return self->replied_by_name;
}

/* The day it was withdrawn or closed as abandoned */
CivicDay
civic_disclosure_request_get_closed_on (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (CIVIC_DAY_INVALID);
  return self->closed_on;
}

/* The reply document the service issued (nullable) */
const char *
civic_disclosure_request_get_reply_document_id (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->reply_document_id;
}

void
civic_disclosure_request_set_reply_document_id (CivicDisclosureRequest *self,
                                                const char             *document_id)
{
  g_return_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self));

  if (g_strcmp0 (self->reply_document_id, document_id) == 0)
    return;
  g_free (self->reply_document_id);
  self->reply_document_id = g_strdup (document_id);
}

/**
 * civic_disclosure_request_get_documents:
 *
 * Returns: (transfer none) (element-type CivicCaseDocument): the notices,
 * letters and replies the service issued for the request, in order, each
 * with its number, verification code and hash
 */
GPtrArray *
civic_disclosure_request_get_documents (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->documents;
}

/**
 * civic_disclosure_request_add_document:
 *
 * Files a document the service issued with the request.
 */
void
civic_disclosure_request_add_document (CivicDisclosureRequest  *self,
                                       const CivicCaseDocument *document)
{
  g_return_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self));
  g_return_if_fail (document != NULL);

  g_ptr_array_add (self->documents, civic_case_document_copy (document));
}

/**
 * civic_disclosure_request_get_remedies:
 *
 * Returns: (transfer none) (element-type CivicDisclosureRemedy)
 */
GPtrArray *
civic_disclosure_request_get_remedies (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->remedies;
}

/**
 * civic_disclosure_request_get_comments:
 *
 * Returns: (transfer none) (element-type CivicDisclosureRequestComment):
 * internal, never on the public side
 */
GPtrArray *
civic_disclosure_request_get_comments (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (NULL);
  return self->comments;
}

/* Whether the organ still owes the applicant an answer */
gboolean
civic_disclosure_request_is_open (CivicDisclosureRequest *self)
{
  RETURN_IF_NOT_REQUEST (FALSE);
  return self->state == CIVIC_DISCLOSURE_REQUEST_STATE_RECEIVED ||
         self->state == CIVIC_DISCLOSURE_REQUEST_STATE_CORRECTION_REQUESTED ||
         self->state == CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS ||
         self->state == CIVIC_DISCLOSURE_REQUEST_STATE_CONSULTING;
}

/* The consultations whose answer, or silence, is not recorded yet */
guint
civic_disclosure_request_count_open_consultations (CivicDisclosureRequest *self)
{
  guint n = 0;

  RETURN_IF_NOT_REQUEST (0);
  for (guint i = 0; i < self->consultations->len; i++)
    if (!((CivicDisclosureConsultation *) g_ptr_array_index (self->consultations, i))->closed)
      n++;
  return n;
}

CivicDisclosureConsultation *
civic_disclosure_request_find_consultation (CivicDisclosureRequest *self,
                                            guint                   number)
{
  if (number < 1 || number > self->consultations->len)
    return NULL;
  return g_ptr_array_index (self->consultations, number - 1);
}

/**
 * civic_disclosure_remedy_is_after_reconsideration:
 *
 * The 2021 table counts a lawsuit brought after a reconsideration apart
 * from one brought directly: a lawsuit is the former when the applicant
 * asked for a reconsideration of the same reply before.
 */
gboolean
civic_disclosure_remedy_is_after_reconsideration (CivicDisclosureRequest      *self,
                                                  const CivicDisclosureRemedy *remedy)
{
  RETURN_IF_NOT_REQUEST (FALSE);
  g_return_val_if_fail (remedy != NULL, FALSE);

  if (remedy->kind != CIVIC_DISCLOSURE_REMEDY_LAWSUIT)
    return FALSE;
  for (guint i = 0; i < self->remedies->len; i++)
    {
      const CivicDisclosureRemedy *earlier = g_ptr_array_index (self->remedies, i);

      if (earlier->number < remedy->number &&
          earlier->kind == CIVIC_DISCLOSURE_REMEDY_RECONSIDERATION &&
          earlier->filed_on <= remedy->filed_on)
        return TRUE;
    }
  return FALSE;
}

/* The clocks */

/**
 * civic_disclosure_request_dup_clock:
 * @calendar: the working days the organ keeps
 *
 * Rebuilds the request's clocks from what happened to it: the correction,
 * the consultations (a silent one ends on its last day by itself), the
 * extension and the reply.
 *
 * Returns: (transfer full) (nullable): the clocks, or %NULL with @error
 * for a request not yet registered or whose events do not follow each
 * other
 */
CivicDisclosureRequestClock *
civic_disclosure_request_dup_clock (CivicDisclosureRequest  *self,
                                    CivicCalendar           *calendar,
                                    GError                 **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  RETURN_IF_NOT_REQUEST (NULL);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);

  if (self->received_on == CIVIC_DAY_INVALID)
    {
      g_set_error (error, CIVIC_DISCLOSURE_REQUEST_ERROR, CIVIC_DISCLOSURE_REQUEST_ERROR_INVALID,
                   _("The request has not been registered yet"));
      return NULL;
    }

  json_builder_begin_object (builder);
  civic_json_set_day (builder, "received_on", self->received_on);
  if (self->correction != NULL)
    {
      civic_json_set_day (builder, "correction_notice_on", self->correction->notice_on);
      civic_json_set_day (builder, "corrected_on", self->correction->corrected_on);
    }
  json_builder_set_member_name (builder, "consultations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->consultations->len; i++)
    {
      const CivicDisclosureConsultation *consultation = g_ptr_array_index (self->consultations, i);

      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "consultee", CIVIC_TYPE_DISCLOSURE_CONSULTEE,
                           consultation->consultee);
      civic_json_set_day (builder, "served_on", consultation->served_on);
      civic_json_set_day (builder, "answered_on", consultation->answered_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (self->extension != NULL)
    {
      json_builder_set_member_name (builder, "extension");
      json_builder_begin_object (builder);
      civic_json_set_day (builder, "on", self->extension->on);
      civic_json_set_int (builder, "days", self->extension->days);
      civic_json_set_string (builder, "approver", self->extension->approved_by_name);
      civic_json_set_string (builder, "reason", self->extension->reason);
      json_builder_end_object (builder);
    }
  civic_json_set_day (builder, "replied_on", self->replied_on);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  return civic_disclosure_request_clock_new_from_json (calendar, node, error);
}

/* What the lists show of the clock: done once the organ answered or the
 * applicant withdrew */
static const char *
status_nick (CivicDisclosureRequest  *self,
             const CivicClockReading *reading)
{
  if (!civic_disclosure_request_is_open (self))
    return "done";
  return civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, reading->status);
}

/* Who asked, as a list may show them: an organisation by its name, a
 * person masked */
static char *
dup_applicant_label (CivicDisclosureRequest *self)
{
  if (self->applicant.organisation != NULL)
    return g_strdup (self->applicant.organisation);
  if (self->applicant.masked)
    return g_strdup (self->applicant.name);
  return civic_privacy_mask_name (self->applicant.name);
}

/**
 * civic_disclosure_request_summarize:
 * @today: the day the clocks are read on; their colours change with it
 * @policy: (nullable): the yellow thresholds
 *
 * Returns: (transfer full): what the lists show and sort by, flat: the
 * receipt, the masked applicant, the state, the reply's due day, status
 * (green, yellow, red, paused, done) and working days left or overdue,
 * the correction's last day while it is awaited, and the outcome once
 * replied. The service sends it with every request; the client
 * recomputes it for its own changes with this same function.
 */
JsonNode *
civic_disclosure_request_summarize (CivicDisclosureRequest *self,
                                    CivicCalendar          *calendar,
                                    CivicDay                today,
                                    const CivicClockPolicy *policy)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(CivicDisclosureRequestReading) reading = NULL;
  g_autofree char *applicant = NULL;

  RETURN_IF_NOT_REQUEST (NULL);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);

  /* A record the feed carried was checked when it was read; one that
   * still fails shows no clock rather than a wrong one. */
  clock = civic_disclosure_request_dup_clock (self, calendar, NULL);
  if (clock != NULL)
    reading = civic_disclosure_request_clock_read (clock, today, policy);
  applicant = dup_applicant_label (self);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "receipt", self->receipt);
  civic_json_set_string (builder, "applicant", applicant);
  civic_json_set_enum (builder, "applicant_kind", CIVIC_TYPE_DISCLOSURE_APPLICANT_KIND,
                       self->applicant.kind);
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_enum (builder, "channel", CIVIC_TYPE_DISCLOSURE_REQUEST_CHANNEL, self->channel);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_DISCLOSURE_REQUEST_STATE, self->state);
  civic_json_set_day (builder, "received_on", self->received_on);

  if (reading == NULL || self->state == CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN)
    {
      civic_json_set_day (builder, "due", CIVIC_DAY_INVALID);
      civic_json_set_string (builder, "status", reading == NULL ? "none" : "done");
      civic_json_set_int (builder, "remaining", 0);
      civic_json_set_int (builder, "overdue", 0);
      civic_json_set_bool (builder, "extended", FALSE);
      civic_json_set_bool (builder, "late", FALSE);
      civic_json_set_day (builder, "paused_since", CIVIC_DAY_INVALID);
    }
  else
    {
      const CivicClockReading *reply = reading->reply;

      civic_json_set_day (builder, "due", reply->due);
      civic_json_set_string (builder, "status", status_nick (self, reply));
      civic_json_set_int (builder, "remaining", reply->status == CIVIC_CLOCK_STATUS_DONE
                                                ? 0 : reply->remaining);
      civic_json_set_int (builder, "overdue", reply->status == CIVIC_CLOCK_STATUS_DONE
                                              ? 0 : reply->overdue);
      civic_json_set_bool (builder, "extended", reply->extended);
      civic_json_set_bool (builder, "late", reply->late);
      civic_json_set_day (builder, "paused_since", reply->status == CIVIC_CLOCK_STATUS_PAUSED
                                                   ? reply->paused_since : CIVIC_DAY_INVALID);
    }

  civic_json_set_day (builder, "correction_due",
                      self->state == CIVIC_DISCLOSURE_REQUEST_STATE_CORRECTION_REQUESTED
                      ? self->correction->due_on : CIVIC_DAY_INVALID);
  civic_json_set_day (builder, "replied_on", self->replied_on);
  json_builder_set_member_name (builder, "outcome");
  if (self->reply != NULL && self->replied_on != CIVIC_DAY_INVALID)
    json_builder_add_string_value (builder,
                                   civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_REPLY_OUTCOME,
                                                       self->reply->outcome));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
