/* civic-disclosure-request-documents.c — the reply to a request, as a formal document
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
#include "civic-json.h"

/* The reply (答复书, OGI Art. 36) says what the law says of its outcome in
 * the document's language, whoever issues it in whatever language: the
 * statutory sentence is looked up with the thread's locale switched to
 * the document's for the while. */

static locale_t
document_locale (CivicDocumentLanguage language)
{
  static locale_t chinese, english;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      chinese = newlocale (LC_MESSAGES_MASK | LC_CTYPE_MASK, "zh_CN.UTF-8", (locale_t) 0);
      english = newlocale (LC_MESSAGES_MASK, "C", (locale_t) 0);
      g_once_init_leave (&ready, 1);
    }
  return language == CIVIC_DOCUMENT_LANGUAGE_ZH ? chinese : english;
}

static void
put (GHashTable *values,
     const char *name,
     char       *value)
{
  if (value != NULL)
    g_hash_table_insert (values, g_strdup (name), value);
}

/**
 * civic_disclosure_request_document_values:
 * @department: the organ as the feed has it: its names and remedies
 *
 * The words of the reply to @request: whom it is addressed to, what was
 * asked and when, the outcome's statutory finding and basis, how the
 * information is delivered, and the remedies. Refused when no reply was
 * drafted.
 *
 * Returns: (transfer full) (nullable): name → text
 */
GHashTable *
civic_disclosure_request_document_values (CivicDisclosureRequest  *request,
                                          const CivicCaseDocument *document,
                                          JsonObject              *department,
                                          GError                 **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const CivicDisclosureReply *reply = civic_disclosure_request_get_reply (request);
  const CivicDisclosureApplicant *applicant = civic_disclosure_request_get_applicant (request);
  gboolean english = document->language == CIVIC_DOCUMENT_LANGUAGE_EN;
  JsonObject *remedies = department ? civic_json_lookup_object (department, "remedies") : NULL;
  const char *name = NULL;
  locale_t wanted = document_locale (document->language);
  locale_t previous;

  if (reply == NULL)
    {
      g_set_error_literal (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_RECORD,
                           _("No reply has been drafted"));
      return NULL;
    }
  if (department != NULL)
    name = json_object_get_string_member_with_default (department, english ? "name_en" : "name",
                                                       json_object_get_string_member_with_default (department, "name", NULL));
  if (name == NULL)
    {
      g_set_error_literal (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_RECORD,
                           _("The issuing department has no name"));
      return NULL;
    }

  put (values, "department.name", g_strdup (name));
  put (values, "department.short",
       g_strdup (json_object_get_string_member_with_default (department, "short", name)));
  put (values, "document.number",
       g_strdup (document->number ? document->number : english ? "[number pending]" : "〔待编号〕"));
  put (values, "issued_on", civic_document_format_date (document->issued_on, document->language));
  put (values, "applicant.name",
       g_strdup (applicant->organisation != NULL ? applicant->organisation : applicant->name));
  put (values, "request.receipt", g_strdup (civic_disclosure_request_get_receipt (request)));
  put (values, "request.received_on",
       civic_document_format_date (civic_disclosure_request_get_received_on (request),
                                   document->language));
  put (values, "request.description", g_strdup (civic_disclosure_request_get_description (request)));
  if (remedies != NULL)
    {
      put (values, "remedies.reconsideration_body",
           g_strdup (json_object_get_string_member_with_default (remedies, "reconsideration_body",
                                                                 NULL)));
      put (values, "remedies.court",
           g_strdup (json_object_get_string_member_with_default (remedies, "court", NULL)));
    }

  previous = wanted != (locale_t) 0 ? uselocale (wanted) : (locale_t) 0;
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
  if (previous != (locale_t) 0)
    uselocale (previous);

  return g_steal_pointer (&values);
}
