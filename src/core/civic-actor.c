/* civic-actor.c — who does something, in which roles and department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-actor"

#include "config.h"

#include "civic-i18n.h"

#include "civic-actor.h"
#include "civic-core-enums.h"
#include "civic-json.h"

CivicActor *
civic_actor_new (const char *id,
                 const char *name,
                 const char *department_id,
                 CivicRole   roles)
{
  CivicActor *actor;

  g_return_val_if_fail (id != NULL, NULL);

  actor = g_new0 (CivicActor, 1);
  actor->id = g_strdup (id);
  actor->name = g_strdup (name ? name : id);
  actor->department_id = g_strdup (department_id);
  actor->roles = roles;
  return actor;
}

CivicActor *
civic_actor_copy (const CivicActor *actor)
{
  g_return_val_if_fail (actor != NULL, NULL);

  return civic_actor_new (actor->id, actor->name, actor->department_id, actor->roles);
}

/**
 * civic_actor_new_from_directory:
 * @user: an entry of the users directory, as the feed sends it
 * @disabled: (out) (optional): whether the account is disabled
 *
 * Returns: (transfer full) (nullable): the official, or %NULL when @user
 * has no id.
 */
CivicActor *
civic_actor_new_from_directory (JsonObject *user,
                                gboolean   *disabled)
{
  g_auto(GStrv) role_names = NULL;
  CivicRole roles = CIVIC_ROLE_NONE;
  const char *id, *name = NULL, *department_id = NULL;
  gboolean is_disabled = FALSE;

  g_return_val_if_fail (user != NULL, NULL);

  /* Typed reads: an entry from outside may hold anything anywhere */
  if (!civic_json_get_string (user, "id", TRUE, &id, NULL) ||
      !civic_json_get_string (user, "name", FALSE, &name, NULL) ||
      !civic_json_get_string (user, "department_id", FALSE, &department_id, NULL))
    return NULL;

  if (civic_json_get_strv (user, "roles", FALSE, &role_names, NULL) && role_names != NULL)
    civic_roles_from_strv ((const char * const *) role_names, &roles, NULL);
  civic_json_get_bool (user, "disabled", FALSE, &is_disabled, NULL);
  if (disabled != NULL)
    *disabled = is_disabled;

  return civic_actor_new (id, name, department_id, roles);
}

void
civic_actor_free (CivicActor *actor)
{
  if (actor == NULL)
    return;

  g_free (actor->id);
  g_free (actor->name);
  g_free (actor->department_id);
  g_free (actor);
}

/**
 * civic_actor_has_role:
 * @roles: one or more roles
 *
 * Returns: whether @actor holds any of @roles.
 */
gboolean
civic_actor_has_role (const CivicActor *actor,
                      CivicRole         roles)
{
  g_return_val_if_fail (actor != NULL, FALSE);

  return (actor->roles & roles) != 0;
}

const char *
civic_role_get_label (CivicRole role)
{
  switch (role)
    {
    case CIVIC_ROLE_CLERK: return _("Window clerk");
    case CIVIC_ROLE_EXAMINER: return _("Examiner");
    case CIVIC_ROLE_APPROVER: return _("Approver");
    case CIVIC_ROLE_HEARING_OFFICER: return _("Hearing officer");
    case CIVIC_ROLE_DISCLOSURE_EDITOR: return _("Disclosure editor");
    case CIVIC_ROLE_DISCLOSURE_REVIEWER: return _("Disclosure reviewer");
    case CIVIC_ROLE_COMPLAINT_HANDLER: return _("Complaint handler");
    case CIVIC_ROLE_SUPERVISOR: return _("Supervisor");
    case CIVIC_ROLE_ADMIN: return _("Administrator");
    case CIVIC_ROLE_SYSTEM: return _("The service");
    case CIVIC_ROLE_DISCLOSURE_HEAD: return _("Head of the disclosure office");
    case CIVIC_ROLE_MESSAGE_REVIEWER: return _("Reply reviewer");
    case CIVIC_ROLE_DISPATCHER: return _("Dispatcher");
    case CIVIC_ROLE_CATALOGUE_EDITOR: return _("Catalogue editor");
    case CIVIC_ROLE_CATALOGUE_REVIEWER: return _("Catalogue reviewer");
    case CIVIC_ROLE_DEPARTMENT_ADMIN: return _("Department administrator");
    case CIVIC_ROLE_NONE:
    default:
      return _("No role");
    }
}

/**
 * civic_roles_to_string:
 *
 * Returns: (transfer full): the role labels of @roles, joined for display.
 */
char *
civic_roles_to_string (CivicRole roles)
{
  GString *text = g_string_new (NULL);

  for (guint bit = 0; bit < 16; bit++)
    {
      CivicRole role = 1u << bit;

      if (!(roles & role))
        continue;
      if (text->len > 0)
        /* Translators: separates role names, "Examiner, Approver" */
        g_string_append (text, _(", "));
      g_string_append (text, civic_role_get_label (role));
    }

  return g_string_free (text, FALSE);
}

gboolean
civic_roles_from_strv (const char * const  *names,
                       CivicRole           *roles,
                       GError             **error)
{
  GFlagsClass *klass = g_type_class_ref (CIVIC_TYPE_ROLE);
  CivicRole result = CIVIC_ROLE_NONE;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GFlagsValue *value = g_flags_get_value_by_nick (klass, names[i]);

      if (value == NULL || value->value == CIVIC_ROLE_NONE)
        {
          g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                       _("“%s” is not a role"), names[i]);
          g_type_class_unref (klass);
          return FALSE;
        }
      result |= value->value;
    }

  g_type_class_unref (klass);
  *roles = result;
  return TRUE;
}

void
civic_roles_to_json (JsonBuilder *builder,
                     const char  *member,
                     CivicRole    roles)
{
  GFlagsClass *klass = g_type_class_ref (CIVIC_TYPE_ROLE);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint bit = 0; bit < 16; bit++)
    {
      GFlagsValue *value;

      if (!(roles & (1u << bit)))
        continue;
      value = g_flags_get_first_value (klass, 1u << bit);
      if (value != NULL)
        json_builder_add_string_value (builder, value->value_nick);
    }
  json_builder_end_array (builder);
  g_type_class_unref (klass);
}
