/* civic-disclosure-request-documents.c — the reply to a request and the notices before it, as formal documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-request"

#include "config.h"

#include <locale.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-request-reply.h"
#include "civic-disclosure-request.h"
#include "civic-document.h"
#include "civic-disclosure-request-kind.h"
#include "civic-disclosure-request-private.h"
#include "civic-json.h"

/* The reply (答复书, OGI Art. 36) says what the law says of its outcome in
 * the document's language, whoever issues it in whatever language: the
 * statutory sentence is looked up with the thread's locale switched to
 * the document's for the while. */

static void
put (GHashTable *values,
     const char *name,
     char       *value)
{
  if (value != NULL)
    g_hash_table_insert (values, g_strdup (name), value);
}

/**
 * civic_disclosure_request_document_for_action:
 * @action: a #CivicDisclosureRequestAction just applied to @request
 * @kind: (out): the document the law ties to that step
 * @consultation: (out): the consultation's number for a letter, else 0
 *
 * The written step each action is: a correction notice says what to
 * correct and by when, in one notice (Art. 30); the applicant is told of
 * an extension (Art. 33 ¶2); a third party (Art. 32) and a co-producing
 * organ (Art. 34) are consulted in writing; the reply (Art. 36).
 *
 * Returns: whether @action issues a document
 */
gboolean
civic_disclosure_request_document_for_action (CivicDisclosureRequest *request,
                                              guint                   action,
                                              CivicDocumentKind      *kind,
                                              guint                  *consultation)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (request), FALSE);

  *consultation = 0;
  switch ((CivicDisclosureRequestAction) action)
    {
    case CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION:
      *kind = CIVIC_DOCUMENT_DISCLOSURE_CORRECTION_NOTICE;
      return request->correction != NULL;
    case CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND:
      *kind = CIVIC_DOCUMENT_DISCLOSURE_EXTENSION_NOTICE;
      return request->extension != NULL;
    case CIVIC_DISCLOSURE_REQUEST_ACTION_START_CONSULTATION:
      {
        const CivicDisclosureConsultation *last;

        if (request->consultations->len == 0)
          return FALSE;
        last = g_ptr_array_index (request->consultations, request->consultations->len - 1);
        *kind = last->consultee == CIVIC_DISCLOSURE_CONSULTEE_CO_PRODUCER
                ? CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER
                : CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER;
        *consultation = last->number;
        return TRUE;
      }
    case CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY:
      *kind = CIVIC_DOCUMENT_DISCLOSURE_REPLY;
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * civic_disclosure_request_has_objection:
 *
 * Whether a third party consulted answered that it objects (Art. 32)
 */
gboolean
civic_disclosure_request_has_objection (CivicDisclosureRequest *request)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (request), FALSE);

  for (guint i = 0; i < request->consultations->len; i++)
    {
      const CivicDisclosureConsultation *c = g_ptr_array_index (request->consultations, i);

      if (c->consultee == CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY && c->closed &&
          c->answer == CIVIC_DISCLOSURE_ANSWER_OBJECTION)
        return TRUE;
    }
  return FALSE;
}

/**
 * civic_disclosure_request_list_overridden:
 *
 * The third parties whose objection the reply overrides, each to be told
 * in writing with the reply (Art. 32): none unless the reply discloses
 * with its public-interest reasons.
 *
 * Returns: (transfer full) (element-type guint): their consultations'
 * numbers
 */
GArray *
civic_disclosure_request_list_overridden (CivicDisclosureRequest *request)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  const CivicDisclosureReply *reply;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (request), numbers);

  reply = request->reply;
  if (reply == NULL || reply->public_interest == NULL)
    return numbers;
  for (guint i = 0; i < request->consultations->len; i++)
    {
      const CivicDisclosureConsultation *c = g_ptr_array_index (request->consultations, i);

      if (c->consultee == CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY && c->closed &&
          c->answer == CIVIC_DISCLOSURE_ANSWER_OBJECTION)
        g_array_append_val (numbers, c->number);
    }
  return numbers;
}

/**
 * civic_disclosure_request_set_document_id:
 * @consultation: the letter's consultation, from 1; ignored for the others
 *
 * Notes on the step it belongs to the id of the document the service
 * issued for it, as the request lists it.
 */
void
civic_disclosure_request_set_document_id (CivicDisclosureRequest *request,
                                          CivicDocumentKind       kind,
                                          guint                   consultation,
                                          const char             *document_id)
{
  char **slot = NULL;

  g_return_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (request));

  switch (kind)
    {
    case CIVIC_DOCUMENT_DISCLOSURE_REPLY:
      civic_disclosure_request_set_reply_document_id (request, document_id);
      return;
    case CIVIC_DOCUMENT_DISCLOSURE_CORRECTION_NOTICE:
      if (request->correction != NULL)
        slot = &request->correction->document_id;
      break;
    case CIVIC_DOCUMENT_DISCLOSURE_EXTENSION_NOTICE:
      if (request->extension != NULL)
        slot = &request->extension->document_id;
      break;
    case CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER:
    case CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER:
    case CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE:
      {
        CivicDisclosureConsultation *letter =
          civic_disclosure_request_find_consultation (request, consultation);

        if (letter != NULL)
          slot = kind == CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE ? &letter->notice_document_id
                                                                      : &letter->document_id;
      }
      break;
    default:
      break;
    }
  g_return_if_fail (slot != NULL);
  g_free (*slot);
  *slot = g_strdup (document_id);
}

static gboolean
missing (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_RECORD, message);
  return FALSE;
}

/* Where to challenge what the organ decided: its department's remedies */
static void
put_remedies (GHashTable *values,
              JsonObject *remedies)
{
  if (remedies == NULL)
    return;
  put (values, "remedies.reconsideration_body",
       g_strdup (json_object_get_string_member_with_default (remedies, "reconsideration_body",
                                                             NULL)));
  put (values, "remedies.court",
       g_strdup (json_object_get_string_member_with_default (remedies, "court", NULL)));
}

/* The reply's own words: the outcome's statutory finding and basis, how
 * the information is delivered, and the remedies */
static gboolean
reply_values (CivicDisclosureRequest  *request,
              GHashTable              *values,
              JsonObject              *remedies,
              GError                 **error)
{
  const CivicDisclosureReply *reply = civic_disclosure_request_get_reply (request);

  if (reply == NULL)
    return missing (error, _("No reply has been drafted"));
  put_remedies (values, remedies);
  put (values, "reply.finding",
       civic_disclosure_request_reply_dup_finding (reply->outcome, reply->ground, reply->detail));
  put (values, "reply.basis",
       g_strdup (civic_disclosure_request_reply_get_basis (reply->outcome, reply->ground)));
  if (reply->outcome == CIVIC_DISCLOSURE_REPLY_DISCLOSE ||
      reply->outcome == CIVIC_DISCLOSURE_REPLY_PARTIAL)
    /* Translators: in a reply, how the information reaches the applicant:
     * the form, then the way, "Form: As an electronic file. Delivery: By e-mail." */
    put (values, "reply.delivery",
         g_strdup_printf (_("Form: %s. Delivery: %s."),
                          civic_disclosure_delivery_form_get_label (civic_disclosure_request_get_delivery_form (request)),
                          civic_disclosure_delivery_channel_get_label (civic_disclosure_request_get_delivery_channel (request))));
  return TRUE;
}

/* A letter consulting a party: whom, why, and the 15 working days it has
 * to answer from the day it was served (Arts. 32 and 34), as the
 * request's clock counts them */
static gboolean
consultation_values (CivicDisclosureRequest   *request,
                     const CivicCaseDocument  *document,
                     CivicCalendar            *calendar,
                     GHashTable               *values,
                     GError                  **error)
{
  CivicDisclosureConsultation *letter =
    civic_disclosure_request_find_consultation (request, (guint) document->round);
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(CivicDisclosureRequestReading) reading = NULL;
  const CivicDisclosureConsultationReading *counted;

  if (letter == NULL)
    return missing (error, _("The request has no such consultation"));
  if (calendar == NULL)
    return missing (error, _("The calendar of working days is not loaded"));
  clock = civic_disclosure_request_dup_clock (request, calendar, error);
  if (clock == NULL)
    return FALSE;
  reading = civic_disclosure_request_clock_read (clock, letter->served_on, NULL);
  counted = reading->consultations->len >= letter->number
            ? g_ptr_array_index (reading->consultations, letter->number - 1) : NULL;
  if (counted == NULL)
    return missing (error, _("The request has no such consultation"));

  put (values, "consultation.party", g_strdup (letter->party));
  put (values, "consultation.basis", g_strdup (letter->basis));
  put (values, "consultation.served_on",
       civic_document_format_date (letter->served_on, document->language));
  put (values, "consultation.answer_by",
       civic_document_format_date (counted->due, document->language));
  return TRUE;
}

/**
 * civic_disclosure_request_document_values:
 * @document: which document, its kind and language; a letter's
 *   consultation as its @round
 * @department: the organ as the feed has it: its names and remedies
 * @calendar: (nullable): the working days, for a consultation letter's
 *   last day to answer
 *
 * The words of a document of @request: whom it is addressed to, what was
 * asked and when, and what the step says — the reply's outcome, finding,
 * basis and remedies; a correction's items and last day; an extension's
 * days, reason and new last day; a consultation's party, basis and last
 * day to answer. Refused when the step has not been taken.
 *
 * Returns: (transfer full) (nullable): name → text
 */
GHashTable *
civic_disclosure_request_document_values (CivicDisclosureRequest  *request,
                                          const CivicCaseDocument *document,
                                          JsonObject              *department,
                                          CivicCalendar           *calendar,
                                          GError                 **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const CivicDisclosureApplicant *applicant = civic_disclosure_request_get_applicant (request);
  gboolean english = document->language == CIVIC_DOCUMENT_LANGUAGE_EN;
  JsonObject *remedies = department ? civic_json_lookup_object (department, "remedies") : NULL;
  const char *name = NULL;
  locale_t wanted = civic_document_locale (document->language);
  locale_t previous;
  gboolean ok = TRUE;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (request), NULL);
  g_return_val_if_fail (civic_document_kind_is_disclosure_request (document->kind), NULL);

  if (department != NULL)
    name = json_object_get_string_member_with_default (department, english ? "name_en" : "name",
                                                       json_object_get_string_member_with_default (department, "name", NULL));
  if (name == NULL)
    {
      missing (error, _("The issuing department has no name"));
      return NULL;
    }

  put (values, "department.name", g_strdup (name));
  put (values, "department.short",
       g_strdup (json_object_get_string_member_with_default (department, "short", name)));
  put (values, "document.number",
       g_strdup (document->number ? document->number : english ? "[number pending]" : "〔待编号〕"));
  put (values, "issued_on", civic_document_format_date (document->issued_on, document->language));
  put (values, "request.receipt", g_strdup (civic_disclosure_request_get_receipt (request)));
  put (values, "request.received_on",
       civic_document_format_date (civic_disclosure_request_get_received_on (request),
                                   document->language));
  put (values, "request.description", g_strdup (civic_disclosure_request_get_description (request)));
  /* A letter to a party consulted does not say who asked, nor does the
   * notice that its objection was overridden */
  if (document->kind != CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER &&
      document->kind != CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER &&
      document->kind != CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE)
    put (values, "applicant.name",
         g_strdup (applicant->organisation != NULL ? applicant->organisation : applicant->name));

  previous = wanted != (locale_t) 0 ? uselocale (wanted) : (locale_t) 0;
  switch (document->kind)
    {
    case CIVIC_DOCUMENT_DISCLOSURE_REPLY:
      ok = reply_values (request, values, remedies, error);
      break;

    case CIVIC_DOCUMENT_DISCLOSURE_CORRECTION_NOTICE:
      if (request->correction == NULL)
        {
          ok = missing (error, _("No correction has been asked for"));
          break;
        }
      put (values, "correction.items", g_strdup (request->correction->items));
      put (values, "correction.period", g_strdup_printf ("%u", request->correction->period));
      put (values, "correction.due_on",
           civic_document_format_date (request->correction->due_on, document->language));
      break;

    case CIVIC_DOCUMENT_DISCLOSURE_EXTENSION_NOTICE:
      if (request->extension == NULL || request->due_on == CIVIC_DAY_INVALID)
        {
          ok = missing (error, _("The time to reply has not been extended"));
          break;
        }
      put (values, "extension.days", g_strdup_printf ("%d", request->extension->days));
      put (values, "extension.reason", g_strdup (request->extension->reason));
      put (values, "extension.due_on",
           civic_document_format_date (request->due_on, document->language));
      break;

    case CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER:
    case CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER:
      ok = consultation_values (request, document, calendar, values, error);
      break;

    case CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE:
      {
        CivicDisclosureConsultation *letter =
          civic_disclosure_request_find_consultation (request, (guint) document->round);

        if (letter == NULL || request->reply == NULL || request->reply->public_interest == NULL)
          {
            ok = missing (error, _("No reply overrides a third party’s objection"));
            break;
          }
        put (values, "consultation.party", g_strdup (letter->party));
        put (values, "consultation.served_on",
             civic_document_format_date (letter->served_on, document->language));
        put (values, "notice.reasons", g_strdup (request->reply->public_interest));
        put_remedies (values, remedies);
      }
      break;

    default:
      g_assert_not_reached ();
    }
  if (previous != (locale_t) 0)
    uselocale (previous);

  return ok ? g_steal_pointer (&values) : NULL;
}
