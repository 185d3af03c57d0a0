/* civic-argument.c — what an action asks for, declared as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-argument"

#include "config.h"

#include "civic-argument.h"

CivicArgumentOption *
civic_argument_option_new (const char *value,
                           const char *label,
                           const char *detail,
                           gboolean    active)
{
  CivicArgumentOption *option = g_new0 (CivicArgumentOption, 1);

  option->value = g_strdup (value);
  option->label = g_strdup (label);
  option->detail = g_strdup (detail);
  option->active = active;
  return option;
}

void
civic_argument_option_free (CivicArgumentOption *option)
{
  if (option == NULL)
    return;
  g_free (option->value);
  g_free (option->label);
  g_free (option->detail);
  g_free (option);
}

/**
 * civic_argument_departments:
 * @keep: (nullable): which departments to offer; all without it
 *
 * The service's departments as options, in the order the directory
 * gives them.
 *
 * Returns: (transfer full) (element-type CivicArgumentOption)
 */
GPtrArray *
civic_argument_departments (const CivicArgumentSources *sources,
                            CivicDepartmentFilter       keep,
                            gpointer                    user_data)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);

  for (guint i = 0; sources->departments != NULL && i < sources->departments->len; i++)
    {
      JsonNode *node = g_ptr_array_index (sources->departments, i);
      JsonObject *department;
      const char *id, *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      department = json_node_get_object (node);
      id = json_object_get_string_member_with_default (department, "id", NULL);
      name = json_object_get_string_member_with_default (department, "name", id);
      if (id == NULL || (keep != NULL && !keep (id, user_data)))
        continue;
      g_ptr_array_add (options, civic_argument_option_new (id, name, NULL, FALSE));
    }
  return options;
}

guint
civic_arguments_count (const CivicArgument *arguments)
{
  guint n = 0;

  while (arguments != NULL && arguments[n].name != NULL)
    n++;
  return n;
}

/**
 * civic_arguments_find:
 *
 * Returns: (nullable): the argument of @arguments called @name
 */
const CivicArgument *
civic_arguments_find (const CivicArgument *arguments,
                      const char          *name)
{
  for (guint i = 0; arguments != NULL && arguments[i].name != NULL; i++)
    if (g_str_equal (arguments[i].name, name))
      return &arguments[i];
  return NULL;
}

gboolean
civic_argument_is_asked (const CivicArgument *argument,
                         GObject             *record,
                         guint                n_records)
{
  g_return_val_if_fail (argument != NULL, FALSE);

  return argument->asked == NULL || argument->asked (record, n_records);
}

/**
 * civic_arguments_keep:
 *
 * Returns: (transfer full): the members of @args that @arguments declare,
 * as given: what an event keeps of a command — not a display name a
 * client made up, not markup in a member no rule reads.
 */
JsonObject *
civic_arguments_keep (const CivicArgument *arguments,
                      JsonObject          *args)
{
  JsonObject *kept = json_object_new ();

  for (guint i = 0; args != NULL && arguments != NULL && arguments[i].name != NULL; i++)
    {
      JsonNode *value = json_object_get_member (args, arguments[i].name);

      if (value != NULL)
        json_object_set_member (kept, arguments[i].name, json_node_copy (value));
    }
  return kept;
}
