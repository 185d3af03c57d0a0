/* civic-disclosure-request-personal.c — which parts of a disclosure request are personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-request"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-disclosure-request-private.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-privacy-mask.h"

/* PIPL Art. 28, and the Regulations' own Art. 15: an applicant's identity
 * is for the officials who answer, not for every reader of the feed. The
 * feed carries a request with its applicant masked ("李**",
 * "138****5678"), as a case's; the service keeps the applicant apart,
 * sealed with a key outside its database, and puts it back when a
 * command needs the whole request. The personal data of a request is the
 * applicant's:
 *
 *   - name (the person who applies, or an organisation's contact),
 *   - identity document number, phone, address and e-mail address;
 *   - the same members in the arguments of register-disclosure-request.
 *
 * Not personal: the applicant's kind (the annual report's column) and
 * document type, and an organisation's name and credit code, which are
 * public registration data. The consultees are named in the record as
 * the organ wrote them, without the applicant's data. */

/* Members of a command's arguments that name or reach a person. */
static const char * const personal_arguments[] = {
  "applicant_name", "id_number", "phone", "address", "email",
};

/**
 * civic_disclosure_request_is_personal_argument:
 * @member: a member of a command's arguments
 *
 * Returns: whether the ledger and the audit log must mask @member
 */
gboolean
civic_disclosure_request_is_personal_argument (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (personal_arguments); i++)
    if (g_strcmp0 (member, personal_arguments[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
replace (char **field,
         char *(*mask) (const char *value))
{
  char *masked = mask (*field);

  g_free (*field);
  *field = masked;
}

void
civic_disclosure_applicant_mask (CivicDisclosureApplicant *applicant)
{
  if (applicant->masked)
    return;

  replace (&applicant->name, civic_privacy_mask_name);
  replace (&applicant->id_number, civic_privacy_mask_id_number);
  replace (&applicant->phone, civic_privacy_mask_phone);
  replace (&applicant->address, civic_privacy_mask_address);
  replace (&applicant->email, civic_privacy_mask_email);
  applicant->masked = TRUE;
}

/**
 * civic_disclosure_request_copy_masked:
 *
 * Returns: (transfer full): a copy with the applicant masked, as the feed
 * carries it
 */
CivicDisclosureRequest *
civic_disclosure_request_copy_masked (CivicDisclosureRequest *self)
{
  CivicDisclosureRequest *copy;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self), NULL);

  copy = civic_disclosure_request_copy (self);
  civic_disclosure_applicant_mask (&copy->applicant);
  return copy;
}

/**
 * civic_disclosure_request_to_feed_json:
 * @today: the day the summary's clocks are read on
 *
 * Returns: (transfer full): the request as the feed sends it: its
 * applicant masked, with its summary for @today as the member "summary".
 * The service publishes this; the client keeps its own version of a
 * request in the same form.
 */
char *
civic_disclosure_request_to_feed_json (CivicDisclosureRequest *self,
                                       CivicCalendar          *calendar,
                                       CivicDay                today)
{
  g_autoptr(CivicDisclosureRequest) masked = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *summary_text = NULL;
  gsize length;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self), NULL);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);

  masked = civic_disclosure_request_copy_masked (self);
  node = civic_disclosure_request_to_json (masked);
  summary = civic_disclosure_request_summarize (masked, calendar, today, NULL);

  body = civic_json_to_string (node, FALSE);
  summary_text = civic_json_to_string (summary, FALSE);
  length = strlen (body);

  /* The request's own JSON is an object; the summary joins it as its last
   * member, as a case's does */
  g_assert (length >= 2 && body[length - 1] == '}');
  body[length - 1] = '\0';
  return g_strconcat (body, ",\"summary\":", summary_text, "}", NULL);
}

static char *
dup_of (CivicDisclosureRequest *self)
{
  return g_strconcat (CIVIC_ENTITY_DISCLOSURE_REQUEST, "/", self->id, NULL);
}

/**
 * civic_disclosure_request_dup_personal:
 *
 * Of a request whose applicant is whole, as the service holds it.
 *
 * Returns: (transfer full): what the feed masks, unmasked: {"of",
 * "applicant": {name, id_number, phone, address, email}}, for the service
 * to keep sealed. "of" names the request, so that sealed data moved to
 * another record does not open there.
 */
JsonNode *
civic_disclosure_request_dup_personal (CivicDisclosureRequest *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *of = NULL;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self), NULL);
  g_return_val_if_fail (!self->applicant.masked, NULL);

  of = dup_of (self);
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "of", of);
  json_builder_set_member_name (builder, "applicant");
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "name", self->applicant.name);
  civic_json_set_string (builder, "id_number", self->applicant.id_number);
  civic_json_set_string (builder, "phone", self->applicant.phone);
  civic_json_set_string (builder, "address", self->applicant.address);
  civic_json_set_string (builder, "email", self->applicant.email);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
personal_error (GError     **error,
                const char  *what)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                 _("The personal data of the disclosure request is not in its form: %s"), what);
  return FALSE;
}

/**
 * civic_disclosure_request_restore_personal:
 * @personal: what civic_disclosure_request_dup_personal() gave, for this
 *   request
 *
 * Puts the applicant's personal data back into a request read from the
 * feed's masked form. Nothing changes when @personal is not this
 * request's or not in its form.
 */
gboolean
civic_disclosure_request_restore_personal (CivicDisclosureRequest  *self,
                                           JsonNode                *personal,
                                           GError                 **error)
{
  g_autofree char *of = NULL;
  JsonObject *object, *applicant = NULL;
  const char *stated_of = NULL, *name = NULL, *id_number = NULL, *phone = NULL;
  const char *address = NULL, *email = NULL;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self), FALSE);

  if (personal == NULL || !JSON_NODE_HOLDS_OBJECT (personal))
    return personal_error (error, _("not an object"));
  object = json_node_get_object (personal);

  of = dup_of (self);
  if (!civic_json_get_string (object, "of", TRUE, &stated_of, NULL) ||
      strcmp (stated_of, of) != 0)
    return personal_error (error, _("it belongs to another record"));

  if (!civic_json_get_object (object, "applicant", TRUE, &applicant, error) ||
      !civic_json_get_string (applicant, "name", FALSE, &name, error) ||
      !civic_json_get_string (applicant, "id_number", FALSE, &id_number, error) ||
      !civic_json_get_string (applicant, "phone", FALSE, &phone, error) ||
      !civic_json_get_string (applicant, "address", FALSE, &address, error) ||
      !civic_json_get_string (applicant, "email", FALSE, &email, error))
    return FALSE;

  g_free (self->applicant.name);
  self->applicant.name = g_strdup (name);
  g_free (self->applicant.id_number);
  self->applicant.id_number = g_strdup (id_number);
  g_free (self->applicant.phone);
  self->applicant.phone = g_strdup (phone);
  g_free (self->applicant.address);
  self->applicant.address = g_strdup (address);
  g_free (self->applicant.email);
  self->applicant.email = g_strdup (email);
  self->applicant.masked = FALSE;
  return TRUE;
}
