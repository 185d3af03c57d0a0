/* civic-policy.c — who may see and do what, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-policy"

#include "config.h"

#include "civic-i18n.h"

#include "civic-policy.h"

/* Department scoping, the whole of it:
 *
 * - an official sees the cases of their own department, and the joint
 *   cases in which their department has a sub-task;
 * - they act on their own department's cases; on a joint case led by
 *   another department they may only give their department's opinion and
 *   comment;
 * - a supervisor (电子监察) reads every case in the province and changes
 *   nothing;
 * - an administrator manages users and the catalogue, and decides no case.
 *
 * The roles an action needs are the workflow's business (civic-workflow.c);
 * this file adds where the official sits. Everything not scoped to
 * departments (departments, the users directory, the catalogue, rooms,
 * calendars, templates) is visible to every signed-in official. */

G_DEFINE_QUARK (civic-policy-error-quark, civic_policy_error)

gboolean
civic_policy_sees_everything (const CivicActor *actor)
{
  return civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR | CIVIC_ROLE_SYSTEM);
}

/**
 * civic_policy_can_see:
 * @scope: (nullable): the departments an entity is scoped to, or %NULL
 *   for an entity every official may see
 */
gboolean
civic_policy_can_see (const CivicActor   *actor,
                      const char * const *scope)
{
  g_return_val_if_fail (actor != NULL, FALSE);

  if (scope == NULL || civic_policy_sees_everything (actor))
    return TRUE;

  if (civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER) &&
      g_strv_contains (scope, CIVIC_SCOPE_DISPATCH))
    return TRUE;
  if (civic_actor_has_role (actor, CIVIC_ROLE_ADMIN | CIVIC_ROLE_DEPARTMENT_ADMIN))
    {
      g_autofree char *audience = civic_policy_admin_audience (actor);

      if (g_strv_contains (scope, audience))
        return TRUE;
    }
  return actor->department_id != NULL && g_strv_contains (scope, actor->department_id);
}

/**
 * civic_policy_role_audience:
 *
 * Returns: the scope entry that names @actor by role
 * (%CIVIC_SCOPE_DISPATCH for a dispatcher), or "" for one it names by
 * department only
 */
const char *
civic_policy_role_audience (const CivicActor *actor)
{
  return civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER) ? CIVIC_SCOPE_DISPATCH : "";
}

/**
 * civic_policy_department_admin_audience:
 *
 * Returns: (transfer full): the scope entry of @department_id's
 * administrators
 */
char *
civic_policy_department_admin_audience (const char *department_id)
{
  g_return_val_if_fail (department_id != NULL, NULL);

  return g_strconcat (CIVIC_SCOPE_ADMIN ":", department_id, NULL);
}

/**
 * civic_policy_admin_audience:
 *
 * Returns: (transfer full): the scope entry that names @actor as an
 * administrator: %CIVIC_SCOPE_ADMIN for the hall's, the department's
 * for a department's, or "" for an official who runs no accounts
 */
char *
civic_policy_admin_audience (const CivicActor *actor)
{
  if (civic_actor_has_role (actor, CIVIC_ROLE_ADMIN))
    return g_strdup (CIVIC_SCOPE_ADMIN);
  if (civic_actor_has_role (actor, CIVIC_ROLE_DEPARTMENT_ADMIN) && actor->department_id != NULL)
    return civic_policy_department_admin_audience (actor->department_id);
  return g_strdup ("");
}

/**
 * civic_policy_case_scope:
 *
 * Returns: (transfer full): the departments that may see @kase: the lead
 * department and every co-department.
 */
GStrv
civic_policy_case_scope (CivicCase *kase)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *subtasks = civic_case_get_subtasks (kase);

  g_strv_builder_add (builder, civic_case_get_department_id (kase));
  for (guint i = 0; i < subtasks->len; i++)
    g_strv_builder_add (builder, ((CivicSubtask *) g_ptr_array_index (subtasks, i))->department_id);

  return g_strv_builder_end (builder);
}

gboolean
civic_policy_check_case_action (const CivicActor  *actor,
                                CivicCase         *kase,
                                CivicAction        action,
                                GError           **error)
{
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (CIVIC_IS_CASE (kase), FALSE);

  if (civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM))
    return TRUE;

  if (!civic_case_involves_department (kase, actor->department_id))
    {
      if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
        {
          g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                       _("Supervisors can read every case but change none"));
          return FALSE;
        }

      /* Not even its existence is confirmed. */
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such case"));
      return FALSE;
    }

  /* What a co-department may do on a joint case is the workflow's rule
   * (civic_workflow_check), which the client applies too. */
  return TRUE;
}

/**
 * civic_policy_check_reveal:
 *
 * Personal data is shown to the officials handling the case in its
 * department, and to nobody else (PIPL Art. 34: only what their duties
 * require); every reveal is audited by the caller.
 */
gboolean
civic_policy_check_reveal (const CivicActor  *actor,
                           CivicCase         *kase,
                           GError           **error)
{
  g_return_val_if_fail (actor != NULL, FALSE);

  if (!civic_policy_can_see (actor, NULL) ||
      !civic_case_involves_department (kase, actor->department_id))
    {
      g_set_error (error, CIVIC_POLICY_ERROR,
                   civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR)
                   ? CIVIC_POLICY_ERROR_FORBIDDEN : CIVIC_POLICY_ERROR_NOT_FOUND,
                   civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR)
                   ? _("Supervision does not need the applicant’s personal data")
                   : _("There is no such case"));
      return FALSE;
    }

  if (!civic_case_may_reveal (kase, actor))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("Only officials handling cases can see an applicant’s personal data"));
      return FALSE;
    }

  return TRUE;
}


/**
 * civic_policy_check_disclosure_staff:
 * @department_id: the organ a disclosure or a request belongs to
 * @roles: the disclosure roles that may act, of %CIVIC_ROLES_DISCLOSURE
 *
 * What a request's applicant and a draft's sealed text are shown to: the
 * organ's own disclosure staff with one of @roles (OGI Art. 4: the organ's
 * disclosure office does this work; PIPL Art. 34: no more than their
 * duties require). A supervisor is refused (403); to anyone else the
 * record is not there (404). Every reveal is audited by the caller.
 */
gboolean
civic_policy_check_disclosure_staff (const CivicActor  *actor,
                                     const char        *department_id,
                                     CivicRole          roles,
                                     GError           **error)
{
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (department_id != NULL, FALSE);

  if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
    {
      g_set_error_literal (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                           _("Supervision does not need what is sealed"));
      return FALSE;
    }
  if (g_strcmp0 (actor->department_id, department_id) != 0 ||
      !civic_actor_has_role (actor, CIVIC_ROLES_DISCLOSURE))
    {
      g_set_error_literal (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                           _("There is no such record"));
      return FALSE;
    }
  if (!civic_actor_has_role (actor, roles))
    {
      g_set_error_literal (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                           _("Only a disclosure reviewer or the head of the disclosure office "
                             "can see what is sealed"));
      return FALSE;
    }
  return TRUE;
}
