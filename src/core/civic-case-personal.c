/* civic-case-personal.c — which parts of a case are personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-case-personal"

#include "config.h"

#include "civic-i18n.h"

#include "civic-case-private.h"
#include "civic-json.h"
#include "civic-privacy-mask.h"

/* PIPL Art. 28 and the licensing rules keep a person's identity to those
 * who need it: the feed carries a case with its personal data masked
 * ("李**", "138****5678"), for every official who may see the case and
 * for the supervisor who may not reveal; the whole of it is read only
 * through the audited reveal. The personal data of a case is:
 *
 *   - the applicant: name, ID number, phone, address, contact;
 *   - the hearing: the parties informed of their right, and who asked;
 *   - the same names in the arguments of the events that recorded them.
 *
 * The service keeps that part apart, sealed with a key outside its
 * database, and puts it back when a command needs the whole case. */

/* Members of an event's arguments that name a person. */
static const char * const personal_arguments[] = { "parties", "requested_by" };

gboolean
civic_case_is_personal_argument (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (personal_arguments); i++)
    if (g_strcmp0 (member, personal_arguments[i]) == 0)
      return TRUE;
  return FALSE;
}

static JsonNode *
masked_value (JsonNode *value)
{
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      g_autofree char *masked = civic_privacy_mask_name (json_node_get_string (value));

      return json_node_init_string (json_node_alloc (), masked);
    }

  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      g_autoptr(JsonArray) masked = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (masked, masked_value (json_array_get_element (array, i)));
      return json_node_init_array (json_node_alloc (), masked);
    }

  /* A number or a flag names nobody */
  return json_node_copy (value);
}

/**
 * civic_case_mask_arguments:
 *
 * Returns: (transfer full): a copy of an event's @args with every member
 * that names a person masked.
 */
JsonObject *
civic_case_mask_arguments (JsonObject *args)
{
  JsonObject *masked = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_return_val_if_fail (args != NULL, masked);

  json_object_iter_init (&iter, args);
  while (json_object_iter_next (&iter, &member, &value))
    json_object_set_member (masked, member,
                            civic_case_is_personal_argument (member) ? masked_value (value)
                                                                     : json_node_copy (value));
  return masked;
}

/**
 * civic_case_dup_masked_parties:
 *
 * Returns: (transfer full): the parties of the hearing, masked.
 */
GStrv
civic_case_dup_masked_parties (CivicCase *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

  for (guint i = 0; self->hearing.parties != NULL && self->hearing.parties[i] != NULL; i++)
    {
      g_autofree char *masked = civic_privacy_mask_name (self->hearing.parties[i]);

      g_strv_builder_add (builder, masked);
    }
  return g_strv_builder_end (builder);
}

/**
 * civic_case_dup_personal:
 *
 * Returns: (transfer full): the case's personal data, unmasked:
 * {"of", "applicant", "hearing": {"parties", "requested_by"},
 * "events": [{"index", "args"}…]}. What the service seals; "of" names the
 * case, so that sealed data moved to another case does not open there.
 */
JsonNode *
civic_case_dup_personal (CivicCase *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *of = NULL;

  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

  of = g_strconcat ("case/", self->id, NULL);
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "of", of);
  json_builder_set_member_name (builder, "applicant");
  json_builder_add_value (builder, civic_applicant_to_json (&self->applicant));

  json_builder_set_member_name (builder, "hearing");
  json_builder_begin_object (builder);
  civic_json_set_strv (builder, "parties", (const char * const *) self->hearing.parties);
  civic_json_set_string (builder, "requested_by", self->hearing.requested_by);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->events->len; i++)
    {
      CivicCaseEvent *event = g_ptr_array_index (self->events, i);
      gboolean begun = FALSE;

      for (guint j = 0; event->args != NULL && j < G_N_ELEMENTS (personal_arguments); j++)
        {
          JsonNode *value = json_object_get_member (event->args, personal_arguments[j]);

          if (value == NULL)
            continue;
          if (!begun)
            {
              json_builder_begin_object (builder);
              civic_json_set_int (builder, "index", i);
              json_builder_set_member_name (builder, "args");
              json_builder_begin_object (builder);
              begun = TRUE;
            }
          json_builder_set_member_name (builder, personal_arguments[j]);
          json_builder_add_value (builder, json_node_copy (value));
        }
      if (begun)
        {
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
personal_error (GError     **error,
                const char  *what)
{
  g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
               _("The personal data of the case is not in its form: %s"), what);
  return FALSE;
}

/**
 * civic_case_restore_personal:
 * @personal: what civic_case_dup_personal() gave, for this case
 *
 * Puts the unmasked personal data back into a case read from the feed's
 * masked form.
 */
gboolean
civic_case_restore_personal (CivicCase  *self,
                             JsonNode   *personal,
                             GError    **error)
{
  g_autofree char *of = NULL;
  CivicApplicant applicant = { 0 };
  JsonObject *object, *hearing = NULL, *applicant_object = NULL;
  JsonArray *events = NULL;
  g_auto(GStrv) parties = NULL;
  const char *requested_by = NULL, *stated_of;

  g_return_val_if_fail (CIVIC_IS_CASE (self), FALSE);

  if (personal == NULL || !JSON_NODE_HOLDS_OBJECT (personal))
    return personal_error (error, _("not an object"));
  object = json_node_get_object (personal);

  of = g_strconcat ("case/", self->id, NULL);
  if (!civic_json_get_string (object, "of", TRUE, &stated_of, NULL) || !g_str_equal (stated_of, of))
    return personal_error (error, _("it belongs to another record"));

  if (!civic_json_get_object (object, "applicant", TRUE, &applicant_object, error) ||
      !civic_json_get_object (object, "hearing", TRUE, &hearing, error) ||
      !civic_json_get_strv (hearing, "parties", FALSE, &parties, error) ||
      !civic_json_get_string (hearing, "requested_by", FALSE, &requested_by, error) ||
      !civic_json_get_array (object, "events", TRUE, &events, error) ||
      !civic_applicant_read (applicant_object, &applicant, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *entry = json_array_get_object_element (events, i);
      JsonObject *args = NULL;
      CivicCaseEvent *event;
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;
      JsonObject *merged;
      gint64 index;

      if (entry == NULL ||
          !civic_json_get_int (entry, "index", TRUE, 0, (gint64) self->events->len - 1, &index,
                               NULL) ||
          !civic_json_get_object (entry, "args", TRUE, &args, NULL))
        {
          civic_applicant_clear (&applicant);
          return personal_error (error, _("an event that is not in the case"));
        }

      /* The event's own arguments may be immutable: a new object, with the
       * personal members put back. */
      event = g_ptr_array_index (self->events, index);
      merged = event->args != NULL ? civic_case_mask_arguments (event->args) : json_object_new ();
      json_object_iter_init (&iter, args);
      while (json_object_iter_next (&iter, &member, &value))
        if (civic_case_is_personal_argument (member))
          json_object_set_member (merged, member, json_node_copy (value));
      g_clear_pointer (&event->args, json_object_unref);
      event->args = merged;
    }

  civic_case_set_applicant (self, &applicant);
  civic_applicant_clear (&applicant);
  g_strfreev (self->hearing.parties);
  self->hearing.parties = g_steal_pointer (&parties);
  if (self->hearing.parties == NULL)
    self->hearing.parties = g_new0 (char *, 1);
  g_free (self->hearing.requested_by);
  self->hearing.requested_by = g_strdup (requested_by);
  return TRUE;
}
