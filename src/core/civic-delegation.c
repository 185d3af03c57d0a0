/* civic-delegation.c — one official acting for another between two days (委托)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-delegation"

#include "config.h"

#include "civic-i18n.h"

#include "civic-delegation.h"
#include "civic-json.h"

/* While a window is in force the delegate's commands may carry the
 * principal's id (`on_behalf_of`): the rules then see the principal —
 * their id, department and the roles the window gives — and the records
 * name both (civic_actor_new_acting_for()). The service checks the window
 * at its own time, so a command queued offline inside it and sent after
 * it is refused. Delegate and principal work in the same department, so
 * acting for one changes nothing of what either sees. */

CivicDelegation *
civic_delegation_new (const char *id,
                      const char *delegate_id,
                      const char *delegate_name,
                      CivicDay    starts_on,
                      CivicDay    ends_on,
                      CivicRole   roles)
{
  CivicDelegation *self = g_new0 (CivicDelegation, 1);

  self->id = g_strdup (id);
  self->delegate_id = g_strdup (delegate_id);
  self->delegate_name = g_strdup (delegate_name);
  self->starts_on = starts_on;
  self->ends_on = ends_on;
  self->roles = roles;
  return self;
}

CivicDelegation *
civic_delegation_copy (const CivicDelegation *self)
{
  CivicDelegation *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = civic_delegation_new (self->id, self->delegate_id, self->delegate_name,
                               self->starts_on, self->ends_on, self->roles);
  copy->reason = g_strdup (self->reason);
  copy->granted_by_name = g_strdup (self->granted_by_name);
  copy->ended_on = self->ended_on;
  return copy;
}

void
civic_delegation_free (CivicDelegation *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->delegate_id);
  g_free (self->delegate_name);
  g_free (self->reason);
  g_free (self->granted_by_name);
  g_free (self);
}

CivicDay
civic_delegation_last_day (const CivicDelegation *self)
{
  g_return_val_if_fail (self != NULL, CIVIC_DAY_INVALID);

  /* Ended on a day: it was in force until the day before, or never */
  if (self->ended_on != CIVIC_DAY_INVALID && self->ended_on <= self->ends_on)
    return self->ended_on - 1;
  return self->ends_on;
}

gboolean
civic_delegation_in_force (const CivicDelegation *self,
                           CivicDay               today)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->ended_on == CIVIC_DAY_INVALID && self->starts_on <= today &&
         today <= self->ends_on;
}

gboolean
civic_delegation_is_over (const CivicDelegation *self,
                          CivicDay               today)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->ended_on != CIVIC_DAY_INVALID || self->ends_on < today;
}

/**
 * civic_delegation_to_json:
 * @in_directory: for the users directory, which every official reads:
 *   who and when, never why or by whom
 */
void
civic_delegation_to_json (const CivicDelegation *self,
                          JsonBuilder           *builder,
                          gboolean               in_directory)
{
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_string (builder, "delegate_id", self->delegate_id);
  if (!in_directory)
    civic_json_set_string (builder, "delegate_name", self->delegate_name);
  civic_json_set_day (builder, "starts_on", self->starts_on);
  civic_json_set_day (builder, "ends_on", self->ends_on);
  civic_roles_to_json (builder, "roles", self->roles);
  if (!in_directory)
    {
      civic_json_set_string (builder, "reason", self->reason);
      civic_json_set_string (builder, "granted_by_name", self->granted_by_name);
      civic_json_set_day (builder, "ended_on", self->ended_on);
    }
  json_builder_end_object (builder);
}

/**
 * civic_delegation_new_from_json:
 *
 * Typed reads, as of anything that came over the wire.
 *
 * Returns: (transfer full) (nullable): the window, or %NULL with @error
 */
CivicDelegation *
civic_delegation_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(CivicDelegation) self = NULL;
  g_auto(GStrv) role_names = NULL;
  const char *id, *delegate_id, *delegate_name = NULL, *reason = NULL, *granted_by = NULL;
  CivicDay starts_on, ends_on, ended_on = CIVIC_DAY_INVALID;
  CivicRole roles = CIVIC_ROLE_NONE;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("A delegation is a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", TRUE, &id, error) ||
      !civic_json_get_string (object, "delegate_id", TRUE, &delegate_id, error) ||
      !civic_json_get_string (object, "delegate_name", FALSE, &delegate_name, error) ||
      !civic_json_get_day (object, "starts_on", TRUE, &starts_on, error) ||
      !civic_json_get_day (object, "ends_on", TRUE, &ends_on, error) ||
      !civic_json_get_strv (object, "roles", FALSE, &role_names, error) ||
      !civic_json_get_string (object, "reason", FALSE, &reason, error) ||
      !civic_json_get_string (object, "granted_by_name", FALSE, &granted_by, error) ||
      !civic_json_get_day (object, "ended_on", FALSE, &ended_on, error))
    return NULL;
  if (role_names != NULL && !civic_roles_from_strv ((const char * const *) role_names, &roles, error))
    return NULL;
  if (ends_on < starts_on)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("A delegation ends before it begins"));
      return NULL;
    }

  self = civic_delegation_new (id, delegate_id, delegate_name, starts_on, ends_on, roles);
  self->reason = g_strdup (reason);
  self->granted_by_name = g_strdup (granted_by);
  self->ended_on = ended_on;
  return g_steal_pointer (&self);
}

/**
 * civic_delegations_from_directory:
 *
 * Returns: (transfer full) (element-type CivicDelegation): the windows
 * not over that @user's entry lists; one that cannot be read is left out
 */
GPtrArray *
civic_delegations_from_directory (JsonObject *user)
{
  GPtrArray *windows = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_delegation_free);
  JsonArray *array = NULL;

  if (user == NULL || !civic_json_get_array (user, "delegates", FALSE, &array, NULL) ||
      array == NULL)
    return windows;

  for (guint i = 0; i < json_array_get_length (array) && i < CIVIC_DELEGATION_MAX_OPEN; i++)
    {
      CivicDelegation *window = civic_delegation_new_from_json (json_array_get_element (array, i),
                                                                NULL);

      if (window != NULL)
        g_ptr_array_add (windows, window);
    }
  return windows;
}

/**
 * civic_actor_new_acting_for:
 * @roles: the roles the window gives
 *
 * Returns: (transfer full): whom the rules see while @delegate acts for
 * @principal: the principal's id and department, the window's roles
 * that the principal still holds, and a name that tells both, as the
 * hall's records write it ("李四（代张三）")
 */
CivicActor *
civic_actor_new_acting_for (const CivicActor *delegate,
                            const CivicActor *principal,
                            CivicRole         roles)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (delegate != NULL && principal != NULL, NULL);

  /* The records are the hall's, in its language, whatever the language
   * of the client that sent the command */
  name = g_strdup_printf ("%s（代%s）", delegate->name ? delegate->name : delegate->id,
                          principal->name ? principal->name : principal->id);
  return civic_actor_new (principal->id, name, principal->department_id,
                          roles & principal->roles & ~CIVIC_ROLES_NOT_DELEGATED);
}
