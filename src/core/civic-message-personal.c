/* civic-message-personal.c — which parts of a citizen's message are personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-message-private.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-privacy-mask.h"

/* PIPL Art. 28, and 信访工作条例 Art. 42: who wrote to the hall is for
 * the officials who answer, not for every reader of the feed, and never
 * for the public side. The feed carries a message with its citizen
 * masked ("李**", "138****5678"); the service keeps the citizen apart,
 * sealed with a key outside its database, and puts them back when a
 * command or an audited reveal needs them. The personal data of a
 * message is its citizen's:
 *
 *   - name, identity document number, phone, e-mail and address;
 *   - the same members in the arguments of register-message.
 *
 * Not personal: where the matter is (a pothole's corner, "location"),
 * which the citizen gives to be acted on and the public side may show. */

/* Members of a command's arguments that name or reach a person. */
static const char * const personal_arguments[] = {
  "citizen_name", "id_number", "phone", "email", "address",
};

/**
 * civic_message_is_personal_argument:
 * @member: a member of a command's arguments
 *
 * Returns: whether the ledger and the audit log must mask @member
 */
gboolean
civic_message_is_personal_argument (const char *member)
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
civic_message_citizen_mask (CivicMessageCitizen *citizen)
{
  if (citizen->masked)
    return;

  replace (&citizen->name, civic_privacy_mask_name);
  replace (&citizen->id_number, civic_privacy_mask_id_number);
  replace (&citizen->phone, civic_privacy_mask_phone);
  replace (&citizen->address, civic_privacy_mask_address);
  replace (&citizen->email, civic_privacy_mask_email);
  citizen->masked = TRUE;
}

/**
 * civic_message_copy_masked:
 *
 * Returns: (transfer full): a copy with the citizen masked, as the feed
 * carries it
 */
CivicMessage *
civic_message_copy_masked (CivicMessage *self)
{
  CivicMessage *copy;

  g_return_val_if_fail (CIVIC_IS_MESSAGE (self), NULL);

  copy = civic_message_copy (self);
  civic_message_citizen_mask (&copy->citizen);
  return copy;
}

/**
 * civic_message_to_feed_json:
 * @today: the day the summary's clocks are read on
 *
 * Returns: (transfer full): the message as the feed sends it: its
 * citizen masked, with its summary for @today as the member "summary".
 * The service publishes this; the client keeps its own version of a
 * message in the same form.
 */
char *
civic_message_to_feed_json (CivicMessage *self,
                                       CivicCalendar          *calendar,
                                       CivicDay                today)
{
  g_autoptr(CivicMessage) masked = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *summary_text = NULL;
  gsize length;

  g_return_val_if_fail (CIVIC_IS_MESSAGE (self), NULL);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);

  masked = civic_message_copy_masked (self);
  node = civic_message_to_json (masked);
  summary = civic_message_summarize (masked, calendar, today);

  body = civic_json_to_string (node, FALSE);
  summary_text = civic_json_to_string (summary, FALSE);
  length = strlen (body);

  /* The message's own JSON is an object; the summary joins it as its last
   * member, as a case's does */
  g_assert (length >= 2 && body[length - 1] == '}');
  body[length - 1] = '\0';
  return g_strconcat (body, ",\"summary\":", summary_text, "}", NULL);
}

static char *
dup_of (CivicMessage *self)
{
  return g_strconcat (CIVIC_ENTITY_MESSAGE, "/", self->id, NULL);
}

/**
 * civic_message_dup_personal:
 *
 * Of a message whose citizen is whole, as the service holds it.
 *
 * Returns: (transfer full): what the feed masks, unmasked: {"of",
 * "citizen": {name, id_number, phone, email, address}}, for the service
 * to keep sealed. "of" names the message, so that sealed data moved to
 * another record does not open there.
 */
JsonNode *
civic_message_dup_personal (CivicMessage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *of = NULL;

  g_return_val_if_fail (CIVIC_IS_MESSAGE (self), NULL);
  g_return_val_if_fail (!self->citizen.masked, NULL);

  of = dup_of (self);
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "of", of);
  json_builder_set_member_name (builder, "citizen");
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "name", self->citizen.name);
  civic_json_set_string (builder, "id_number", self->citizen.id_number);
  civic_json_set_string (builder, "phone", self->citizen.phone);
  civic_json_set_string (builder, "address", self->citizen.address);
  civic_json_set_string (builder, "email", self->citizen.email);
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
                 _("The personal data of the message is not in its form: %s"), what);
  return FALSE;
}

/**
 * civic_message_restore_personal:
 * @personal: what civic_message_dup_personal() gave, for this
 *   message
 *
 * Puts the citizen's personal data back into a message read from the
 * feed's masked form. Nothing changes when @personal is not this
 * message's or not in its form.
 */
gboolean
civic_message_restore_personal (CivicMessage  *self,
                                           JsonNode                *personal,
                                           GError                 **error)
{
  g_autofree char *of = NULL;
  JsonObject *object, *citizen = NULL;
  const char *stated_of = NULL, *name = NULL, *id_number = NULL, *phone = NULL;
  const char *address = NULL, *email = NULL;

  g_return_val_if_fail (CIVIC_IS_MESSAGE (self), FALSE);

  if (personal == NULL || !JSON_NODE_HOLDS_OBJECT (personal))
    return personal_error (error, _("not an object"));
  object = json_node_get_object (personal);

  of = dup_of (self);
  if (!civic_json_get_string (object, "of", TRUE, &stated_of, NULL) ||
      strcmp (stated_of, of) != 0)
    return personal_error (error, _("it belongs to another record"));

  if (!civic_json_get_object (object, "citizen", TRUE, &citizen, error) ||
      !civic_json_get_string (citizen, "name", FALSE, &name, error) ||
      !civic_json_get_string (citizen, "id_number", FALSE, &id_number, error) ||
      !civic_json_get_string (citizen, "phone", FALSE, &phone, error) ||
      !civic_json_get_string (citizen, "address", FALSE, &address, error) ||
      !civic_json_get_string (citizen, "email", FALSE, &email, error))
    return FALSE;

  g_free (self->citizen.name);
  self->citizen.name = g_strdup (name);
  g_free (self->citizen.id_number);
  self->citizen.id_number = g_strdup (id_number);
  g_free (self->citizen.phone);
  self->citizen.phone = g_strdup (phone);
  g_free (self->citizen.address);
  self->citizen.address = g_strdup (address);
  g_free (self->citizen.email);
  self->citizen.email = g_strdup (email);
  self->citizen.masked = FALSE;
  return TRUE;
}
