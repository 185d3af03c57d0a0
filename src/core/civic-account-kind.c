/* civic-account-kind.c — an official's account as a kind of record administrators act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-account"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-account-kind.h"
#include "civic-account-private.h"
#include "civic-account-rules.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* An administrator adds an account with a temporary password their
 * client made, which the official replaces at their first sign-in;
 * edits its name, department and roles; disables it (its sessions end)
 * and enables it again; resets its password the same way. The hall's
 * administrators run every account; a department's administrator their
 * department's only, never their own, and none of the hall's roles
 * (civic-account-rules.c). That the hall keeps an enabled administrator
 * only the service can count: its store checks it again, with the number
 * (civic-account-records.c). */

#define ACCOUNT_TEXT_MAX 64
#define REASON_MAX 500

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

const char *
civic_account_action_get_label (CivicAccountAction action)
{
  switch (action)
    {
    case CIVIC_ACCOUNT_ACTION_ADD: return _("Add Account");
    case CIVIC_ACCOUNT_ACTION_EDIT: return _("Edit Account");
    case CIVIC_ACCOUNT_ACTION_DISABLE: return _("Disable Account");
    case CIVIC_ACCOUNT_ACTION_ENABLE: return _("Enable Account");
    case CIVIC_ACCOUNT_ACTION_RESET_PASSWORD: return _("Reset Password");
    case CIVIC_ACCOUNT_ACTION_ADD_DELEGATION: return _("Add Delegation");
    case CIVIC_ACCOUNT_ACTION_END_DELEGATION: return _("End Delegation");
    default: g_return_val_if_reached ("");
    }
}

static const char *
past_tense (CivicAccountAction action)
{
  switch (action)
    {
    case CIVIC_ACCOUNT_ACTION_ADD: return _("Added the account");
    case CIVIC_ACCOUNT_ACTION_EDIT: return _("Edited the account");
    case CIVIC_ACCOUNT_ACTION_DISABLE: return _("Disabled the account");
    case CIVIC_ACCOUNT_ACTION_ENABLE: return _("Enabled the account");
    case CIVIC_ACCOUNT_ACTION_RESET_PASSWORD: return _("Reset the password");
    case CIVIC_ACCOUNT_ACTION_ADD_DELEGATION: return _("Let a colleague act for the official");
    case CIVIC_ACCOUNT_ACTION_END_DELEGATION: return _("Ended a delegation");
    default: g_return_val_if_reached ("");
    }
}

static CivicAccountFacts
facts_of (CivicAccountRecord *account)
{
  CivicAccountFacts facts = {
    .id = account->id,
    .department_id = account->department_id,
    .roles = account->roles,
    .disabled = account->disabled,
  };

  return facts;
}

static guint
count_open (CivicAccountRecord *account,
            CivicDay            today)
{
  guint n = 0;

  for (guint i = 0; i < account->delegations->len; i++)
    if (!civic_delegation_is_over (g_ptr_array_index (account->delegations, i), today))
      n++;
  return n;
}

/* The rules that need no arguments */
static gboolean
account_check_action (CivicAccountRecord         *account,
                      CivicAccountAction          action,
                      const CivicWorkflowContext *context,
                      GError                    **error)
{
  const CivicActor *actor = context->actor;
  CivicAccountFacts facts;

  if ((guint) action >= CIVIC_N_ACCOUNT_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
  if (!civic_actor_has_role (actor, CIVIC_ROLE_ADMIN | CIVIC_ROLE_DEPARTMENT_ADMIN))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Accounts are run by the hall’s administrators and each department’s"));

  if (action == CIVIC_ACCOUNT_ACTION_ADD)
    {
      if (account->rev != 0 || account->username != NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("This account exists already"));
      return TRUE;
    }
  if (account->username == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such account"));

  switch (action)
    {
    case CIVIC_ACCOUNT_ACTION_DISABLE:
      if (account->disabled)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The account is disabled already"));
      break;
    case CIVIC_ACCOUNT_ACTION_ENABLE:
      if (!account->disabled)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The account is enabled already"));
      break;
    case CIVIC_ACCOUNT_ACTION_RESET_PASSWORD:
      if (account->disabled)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("The account is disabled: enable it before its password is reset"));
      break;
    case CIVIC_ACCOUNT_ACTION_ADD_DELEGATION:
      if (account->disabled)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("The account is disabled: nobody acts for it"));
      if ((account->roles & ~CIVIC_ROLES_NOT_DELEGATED) == 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("The official holds no role another may act in: running accounts, "
                         "supervision and dispatch are never delegated"));
      if (count_open (account, civic_time_day_of (context->now)) >= CIVIC_DELEGATION_MAX_OPEN)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("The account has %d delegations not over: end one first"),
                       CIVIC_DELEGATION_MAX_OPEN);
      break;
    case CIVIC_ACCOUNT_ACTION_END_DELEGATION:
      if (count_open (account, civic_time_day_of (context->now)) == 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("No delegation of this account is in force or to come"));
      break;
    default:
      break;
    }

  /* Whose account it is, as it stands: a department administrator's own,
   * another department's, one holding the hall's roles */
  facts = facts_of (account);
  return civic_account_rules_check (&facts, &facts, G_MAXUINT, actor, error);
}

/* Applying */

static gboolean
read_roles (JsonObject  *args,
            gboolean     required,
            CivicRole   *roles,
            GError     **error)
{
  g_auto(GStrv) names = NULL;

  if (!civic_json_get_strv (args, "roles", required, &names, error))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, "%s", _("The roles are a list of names"));
  if (names == NULL)
    return TRUE;
  if (!civic_roles_from_strv ((const char * const *) names, roles, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("A role named is not one the hall has"));
  return TRUE;
}

static gboolean
read_department (JsonObject  *args,
                 const char **out,
                 GError     **error)
{
  if (!civic_workflow_arg_text (args, "department_id", FALSE, ACCOUNT_TEXT_MAX, out, error))
    return FALSE;
  return TRUE;
}

static gboolean
read_password (JsonObject  *args,
               const char **hash,
               GError     **error)
{
  if (!civic_workflow_arg_text (args, "password_hash", TRUE, 256, hash, error))
    return FALSE;
  return civic_account_check_password_hash (*hash, error);
}

static void
set_password (CivicAccountRecord         *account,
              const char                 *hash,
              const CivicWorkflowContext *context)
{
  g_free (account->password_hash);
  account->password_hash = g_strdup (hash);
  account->must_change_password = TRUE;
  account->password_set_on = civic_time_day_of (context->now);
}

static gboolean
apply_add (CivicAccountRecord         *account,
           JsonObject                 *args,
           const CivicWorkflowContext *context,
           GError                    **error)
{
  const char *username, *name, *department_id, *hash;
  CivicRole roles = CIVIC_ROLE_NONE;

  if (!civic_workflow_arg_text (args, "username", TRUE, ACCOUNT_TEXT_MAX, &username, error) ||
      !civic_workflow_arg_text (args, "name", TRUE, ACCOUNT_TEXT_MAX, &name, error) ||
      !read_department (args, &department_id, error) ||
      !read_roles (args, TRUE, &roles, error) ||
      !read_password (args, &hash, error))
    return FALSE;
  if (!civic_account_username_is_valid (username))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” is not a valid user name: use letters, digits, dots, dashes and "
                     "underscores"), username);

  civic_account_record_set_fields (account, username, name, department_id, NULL, roles, FALSE,
                                   TRUE, civic_time_day_of (context->now), CIVIC_DAY_INVALID);
  set_password (account, hash, context);
  return TRUE;
}

static gboolean
apply_edit (CivicAccountRecord         *account,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  const char *name, *department_id;
  CivicRole roles = account->roles;

  if (!civic_workflow_arg_text (args, "name", FALSE, ACCOUNT_TEXT_MAX, &name, error) ||
      !read_department (args, &department_id, error) ||
      !read_roles (args, FALSE, &roles, error))
    return FALSE;

  if (name != NULL)
    {
      g_free (account->name);
      account->name = g_strdup (name);
    }
  if (department_id != NULL && g_strcmp0 (department_id, account->department_id) != 0)
    {
      g_free (account->department_id);
      account->department_id = g_strdup (department_id);
      g_clear_pointer (&account->department_name, g_free);
    }
  account->roles = roles;
  return TRUE;
}

/* Who acts for the official: a colleague of their department, in use,
 * with a share of the roles they may hand on, from today or later, for
 * at most a year, never in two windows that meet */
static gboolean
apply_add_delegation (CivicAccountRecord         *account,
                      JsonObject                 *args,
                      const CivicWorkflowContext *context,
                      GError                    **error)
{
  CivicDay today = civic_time_day_of (context->now), starts_on, ends_on;
  g_autoptr(CivicActor) delegate = NULL;
  g_autoptr(CivicDelegation) window = NULL;
  const char *delegate_id, *reason;
  CivicRole roles = CIVIC_ROLE_NONE, may = account->roles & ~CIVIC_ROLES_NOT_DELEGATED;
  gboolean disabled = FALSE;

  if (!civic_workflow_arg_text (args, "delegate_id", TRUE, ACCOUNT_TEXT_MAX, &delegate_id, error) ||
      !read_roles (args, TRUE, &roles, error) ||
      !civic_workflow_arg_day (args, "starts_on", TRUE, &starts_on, error) ||
      !civic_workflow_arg_day (args, "ends_on", TRUE, &ends_on, error) ||
      !civic_workflow_arg_text (args, "reason", TRUE, REASON_MAX, &reason, error))
    return FALSE;

  if (g_strcmp0 (delegate_id, account->id) == 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Nobody acts for themselves"));
  if (context->lookup_official == NULL ||
      (delegate = context->lookup_official (delegate_id, &disabled, context->lookup_data)) == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("There is no official “%s”"),
                   delegate_id);
  if (disabled)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, _("The account of %s is disabled"),
                   delegate->name);
  if (account->department_id == NULL ||
      g_strcmp0 (delegate->department_id, account->department_id) != 0)
    /* Translators: "李四 works in another department than 张三" */
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("%s works in another department than %s: a delegate is a colleague of "
                     "the same department"), delegate->name, account->name);
  if (roles == CIVIC_ROLE_NONE)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Choose the roles the delegate acts in"));
  if ((roles & ~may) != 0)
    {
      g_autofree char *extra = civic_roles_to_string (roles & ~may);

      /* Translators: "张三 cannot hand on: Administrator" */
      return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, _("%s cannot hand on: %s"), account->name,
                     extra);
    }
  if (starts_on < today)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("A delegation begins today or later: what was done before was done by "
                     "whoever did it"));
  if (ends_on < starts_on)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("The last day is before the first"));
  if (ends_on - starts_on >= CIVIC_DELEGATION_MAX_DAYS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("A delegation lasts at most %d days: grant another when it ends"),
                   CIVIC_DELEGATION_MAX_DAYS);

  for (guint i = 0; i < account->delegations->len; i++)
    {
      const CivicDelegation *other = g_ptr_array_index (account->delegations, i);

      if (other->ended_on == CIVIC_DAY_INVALID && g_strcmp0 (other->delegate_id, delegate_id) == 0 &&
          other->starts_on <= ends_on && starts_on <= other->ends_on)
        {
          g_autofree char *first = civic_day_format (other->starts_on);
          g_autofree char *last = civic_day_format (other->ends_on);

          /* Translators: "李四 acts for this official already from 2026-12-07 to 2026-12-18" */
          return refuse (error, CIVIC_WORKFLOW_ERROR_CLASH,
                         _("%s acts for this official already from %s to %s"), delegate->name,
                         first, last);
        }
    }

  window = civic_delegation_new (context->command_id, delegate->id, delegate->name, starts_on,
                                 ends_on, roles);
  window->reason = g_strdup (reason);
  window->granted_by_name = g_strdup (context->actor->name);
  g_ptr_array_add (account->delegations, g_steal_pointer (&window));
  return TRUE;
}

/* A window ends at once: in force no more from today, or never begun */
static gboolean
apply_end_delegation (CivicAccountRecord         *account,
                      JsonObject                 *args,
                      const CivicWorkflowContext *context,
                      GError                    **error)
{
  CivicDay today = civic_time_day_of (context->now);
  CivicDelegation *window;
  const char *id;

  if (!civic_workflow_arg_text (args, "delegation", TRUE, ACCOUNT_TEXT_MAX, &id, error))
    return FALSE;
  window = (CivicDelegation *) civic_account_record_find_delegation (account, id);
  if (window == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("The account has no such delegation"));
  if (civic_delegation_is_over (window, today))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The delegation is over already"));
  window->ended_on = today;
  return TRUE;
}

static gboolean
apply_action (CivicAccountRecord         *account,
              CivicAccountAction          action,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  const char *text;

  switch (action)
    {
    case CIVIC_ACCOUNT_ACTION_ADD:
      return apply_add (account, args, context, error);

    case CIVIC_ACCOUNT_ACTION_EDIT:
      return apply_edit (account, args, context, error);

    case CIVIC_ACCOUNT_ACTION_DISABLE:
      if (!civic_workflow_arg_text (args, "reason", TRUE, REASON_MAX, &text, error))
        return FALSE;
      account->disabled = TRUE;
      civic_account_record_set_disabled_reason (account, text);
      return TRUE;

    case CIVIC_ACCOUNT_ACTION_ENABLE:
      account->disabled = FALSE;
      civic_account_record_set_disabled_reason (account, NULL);
      return TRUE;

    case CIVIC_ACCOUNT_ACTION_RESET_PASSWORD:
      if (!read_password (args, &text, error))
        return FALSE;
      set_password (account, text, context);
      return TRUE;

    case CIVIC_ACCOUNT_ACTION_ADD_DELEGATION:
      return apply_add_delegation (account, args, context, error);

    case CIVIC_ACCOUNT_ACTION_END_DELEGATION:
      return apply_end_delegation (account, args, context, error);

    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The declarations */

static GPtrArray *
departments (GObject                    *record,
             const CivicArgumentSources *sources)
{
  GPtrArray *options = civic_argument_departments (sources, NULL, NULL);
  const char *current = record != NULL ? CIVIC_ACCOUNT_RECORD (record)->department_id : NULL;

  for (guint i = 0; i < options->len; i++)
    {
      CivicArgumentOption *option = g_ptr_array_index (options, i);

      option->active = g_strcmp0 (option->value, current) == 0;
    }
  return options;
}

static GPtrArray *
roles (GObject                    *record,
       const CivicArgumentSources *sources)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
  GFlagsClass *klass = g_type_class_ref (CIVIC_TYPE_ROLE);
  CivicRole held = record != NULL ? CIVIC_ACCOUNT_RECORD (record)->roles : CIVIC_ROLE_NONE;

  for (guint i = 0; i < klass->n_values; i++)
    {
      CivicRole role = klass->values[i].value;

      if (role == CIVIC_ROLE_NONE || role == CIVIC_ROLE_SYSTEM)
        continue;
      g_ptr_array_add (options,
                       civic_argument_option_new (klass->values[i].value_nick,
                                                  civic_role_get_label (role),
                                                  (role & CIVIC_ROLES_HALL)
                                                  ? _("The hall’s: only its administrators grant it")
                                                  : NULL,
                                                  (held & role) != 0));
    }
  g_type_class_unref (klass);
  return options;
}

static char *
usual_name (GObject *record)
{
  return g_strdup (CIVIC_ACCOUNT_RECORD (record)->name);
}

#define PASSWORD \
  { .name = "password_hash", .kind = CIVIC_ARGUMENT_PASSWORD, .required = TRUE, \
    .title = N_("Temporary _Password"), \
    .description = N_("Shown once: give it to the official") }

static const CivicArgument add[] = {
  { .name = "username", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE,
    .title = N_("_User Name") },
  { .name = "name", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, .title = N_("Full _Name") },
  { .name = "department_id", .kind = CIVIC_ARGUMENT_OPTION, .title = N_("_Department"),
    .description = N_("None only for the hall’s administrators and supervisors"),
    .options = departments },
  { .name = "roles", .kind = CIVIC_ARGUMENT_CHECKLIST, .required = TRUE, .title = N_("_Roles"),
    .options = roles },
  PASSWORD,
  CIVIC_ARGUMENTS_END
};

static const CivicArgument edit[] = {
  { .name = "name", .kind = CIVIC_ARGUMENT_LINE, .title = N_("Full _Name"),
    .usual_text = usual_name },
  { .name = "department_id", .kind = CIVIC_ARGUMENT_OPTION, .title = N_("_Department"),
    .description = N_("Moving an official changes what they see: their client syncs again"),
    .options = departments },
  { .name = "roles", .kind = CIVIC_ARGUMENT_CHECKLIST, .title = N_("_Roles"), .options = roles },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument disable[] = {
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Reason"),
    .description = N_("The official is signed out everywhere at once") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument reset_password[] = {
  PASSWORD,
  CIVIC_ARGUMENTS_END
};

static GPtrArray *
colleagues (GObject                    *record,
            const CivicArgumentSources *sources)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
  CivicAccountRecord *account = CIVIC_ACCOUNT_RECORD (record);

  for (guint i = 0; sources->users != NULL && i < sources->users->len; i++)
    {
      JsonNode *node = g_ptr_array_index (sources->users, i);
      g_autoptr(CivicActor) user = NULL;
      gboolean disabled = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      user = civic_actor_new_from_directory (json_node_get_object (node), &disabled);
      if (user == NULL || disabled || g_strcmp0 (user->id, account->id) == 0 ||
          account->department_id == NULL ||
          g_strcmp0 (user->department_id, account->department_id) != 0)
        continue;
      g_ptr_array_add (options, civic_argument_option_new (user->id, user->name, NULL, FALSE));
    }
  return options;
}

static GPtrArray *
delegable_roles (GObject                    *record,
                 const CivicArgumentSources *sources)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
  CivicRole held = CIVIC_ACCOUNT_RECORD (record)->roles & ~CIVIC_ROLES_NOT_DELEGATED;

  for (guint bit = 0; bit < 16; bit++)
    if (held & (1u << bit))
      {
        CivicRole role = 1u << bit;
        GFlagsClass *klass = g_type_class_ref (CIVIC_TYPE_ROLE);
        GFlagsValue *value = g_flags_get_first_value (klass, role);

        g_ptr_array_add (options, civic_argument_option_new (value->value_nick,
                                                             civic_role_get_label (role), NULL,
                                                             TRUE));
        g_type_class_unref (klass);
      }
  return options;
}

static GPtrArray *
open_delegations (GObject                    *record,
                  const CivicArgumentSources *sources)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
  CivicAccountRecord *account = CIVIC_ACCOUNT_RECORD (record);

  for (guint i = 0; i < account->delegations->len; i++)
    {
      const CivicDelegation *window = g_ptr_array_index (account->delegations, i);
      g_autofree char *first = NULL, *last = NULL, *label = NULL;

      /* Over ones are not offered: the service refuses them anyway */
      if (window->ended_on != CIVIC_DAY_INVALID)
        continue;
      first = civic_day_format (window->starts_on);
      last = civic_day_format (window->ends_on);
      /* Translators: a delegation: "李四, 2026-12-07 to 2026-12-18" */
      label = g_strdup_printf (_("%s, %s to %s"), window->delegate_name ? window->delegate_name
                                                                        : window->delegate_id,
                               first, last);
      g_ptr_array_add (options, civic_argument_option_new (window->id, label, NULL, FALSE));
    }
  return options;
}

static const CivicArgument add_delegation[] = {
  { .name = "delegate_id", .kind = CIVIC_ARGUMENT_OPTION, .required = TRUE,
    .title = N_("_Acts For the Official"),
    .description = N_("A colleague of the same department"), .options = colleagues },
  { .name = "roles", .kind = CIVIC_ARGUMENT_CHECKLIST, .required = TRUE,
    .title = N_("In the _Roles"), .options = delegable_roles },
  { .name = "starts_on", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE,
    .title = N_("_First Day") },
  { .name = "ends_on", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE, .title = N_("_Last Day") },
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Reason"),
    .description = N_("Annual leave, a business trip: recorded with every action taken so") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument end_delegation[] = {
  { .name = "delegation", .kind = CIVIC_ARGUMENT_OPTION, .required = TRUE,
    .title = N_("_Delegation"), .description = N_("It ends at once: from today it is over"),
    .options = open_delegations },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_ACCOUNT_ACTIONS] = {
  [CIVIC_ACCOUNT_ACTION_ADD] = add,
  [CIVIC_ACCOUNT_ACTION_EDIT] = edit,
  [CIVIC_ACCOUNT_ACTION_DISABLE] = disable,
  [CIVIC_ACCOUNT_ACTION_ENABLE] = none,
  [CIVIC_ACCOUNT_ACTION_RESET_PASSWORD] = reset_password,
  [CIVIC_ACCOUNT_ACTION_ADD_DELEGATION] = add_delegation,
  [CIVIC_ACCOUNT_ACTION_END_DELEGATION] = end_delegation,
};

const CivicArgument *
civic_account_action_get_arguments (CivicAccountAction action)
{
  g_return_val_if_fail ((guint) action < CIVIC_N_ACCOUNT_ACTIONS, none);
  return declarations[action];
}

/* The kind */

CIVIC_DEFINE_KIND_ACTION_NICKS (CIVIC_TYPE_ACCOUNT_ACTION)

static const char *
kind_action_label (guint action)
{
  return civic_account_action_get_label (action);
}

static const char *
kind_past_tense (const char *name)
{
  guint action;

  if (name == NULL || !kind_action_from_string (name, &action))
    return NULL;
  return past_tense (action);
}

static const CivicArgument *
kind_arguments (guint action)
{
  return civic_account_action_get_arguments (action);
}

static CivicActionWeight
kind_weight (guint action)
{
  switch ((CivicAccountAction) action)
    {
    case CIVIC_ACCOUNT_ACTION_DISABLE:
      return CIVIC_WEIGHT_DESTRUCTIVE;
    case CIVIC_ACCOUNT_ACTION_RESET_PASSWORD:
    case CIVIC_ACCOUNT_ACTION_EDIT:
      return CIVIC_WEIGHT_DELIBERATE;
    default:
      return CIVIC_WEIGHT_ROUTINE;
    }
}

static gboolean
kind_safe_when_stale (guint action)
{
  return FALSE;
}

static GObject *
kind_from_json (JsonNode  *node,
                GError   **error)
{
  return G_OBJECT (civic_account_record_new_from_json (node, error));
}

static const char *
kind_get_id (GObject *record)
{
  return civic_account_record_get_id (CIVIC_ACCOUNT_RECORD (record));
}

static gint64
kind_get_rev (GObject *record)
{
  return civic_account_record_get_rev (CIVIC_ACCOUNT_RECORD (record));
}

static void
kind_set_rev (GObject *record,
              gint64   rev)
{
  civic_account_record_set_rev (CIVIC_ACCOUNT_RECORD (record), rev);
}

static char *
kind_label (GObject *record)
{
  CivicAccountRecord *account = CIVIC_ACCOUNT_RECORD (record);

  if (account->username == NULL)
    return g_strdup (_("A new account"));
  /* Translators: an account named by its official and user name: "张三 (zhangsan)" */
  return g_strdup_printf (_("%s (%s)"), account->name ? account->name : "", account->username);
}

static char *
kind_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u account. Each is checked by the rules on its "
                                          "own.",
                                          "For %u accounts. Each is checked by the rules on its "
                                          "own.",
                                          n_records), n_records);
}

static char *
kind_describe (GObject *record)
{
  CivicAccountRecord *account = CIVIC_ACCOUNT_RECORD (record);
  g_autofree char *roles = civic_roles_to_string (account->roles);

  if (account->disabled)
    /* Translators: "Disabled: left the department" */
    return g_strdup_printf (_("Disabled: %s"),
                            account->disabled_reason ? account->disabled_reason : "");
  if (account->must_change_password)
    /* Translators: "Window clerk, Examiner; a new password to choose" */
    return g_strdup_printf (_("%s; a new password to choose"), roles);
  return g_steal_pointer (&roles);
}

static char *
kind_to_feed_json (GObject       *record,
                   CivicCalendar *calendar,
                   CivicDay       today)
{
  g_autoptr(JsonNode) node = civic_account_record_to_json (CIVIC_ACCOUNT_RECORD (record));

  return civic_json_to_string (node, FALSE);
}

static gboolean
kind_check (GObject                    *record,
            guint                       action,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  return account_check_action (CIVIC_ACCOUNT_RECORD (record), action, context, error);
}

static GArray *
kind_list_actions (GObject                    *record,
                   const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicAccountAction));

  for (guint i = 0; i < CIVIC_N_ACCOUNT_ACTIONS; i++)
    {
      CivicAccountAction action = i;

      if (action != CIVIC_ACCOUNT_ACTION_ADD && kind_check (record, action, context, NULL))
        g_array_append_val (actions, action);
    }
  return actions;
}

/* Every change is tried on a copy, then the rules see the account before
 * and after it: a refused one leaves the record as it was */
static GObject *
kind_apply (GObject                    *record,
            guint                       action,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  CivicAccountRecord *before = CIVIC_ACCOUNT_RECORD (record);
  g_autoptr(CivicAccountRecord) next = NULL;
  g_autoptr(JsonObject) empty = NULL;
  CivicAccountFacts was, will;

  if (!kind_check (record, action, context, error))
    return NULL;
  if (args == NULL)
    args = empty = json_object_new ();
  next = civic_account_record_copy (before);
  g_clear_pointer (&next->password_hash, g_free);
  if (!apply_action (next, action, args, context, error))
    return NULL;

  was = facts_of (before);
  will = facts_of (next);
  if (!civic_account_rules_check (action == CIVIC_ACCOUNT_ACTION_ADD ? NULL : &was, &will,
                                  G_MAXUINT, context->actor, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&next));
}

static gboolean
kind_creates (guint action)
{
  return action == CIVIC_ACCOUNT_ACTION_ADD;
}

static GObject *
kind_create (const char                 *id,
             guint                       action,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  if (action != CIVIC_ACCOUNT_ACTION_ADD)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such account"));
      return NULL;
    }
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("A new account needs an id"));
      return NULL;
    }
  return G_OBJECT (civic_account_record_new (id));
}

const CivicEntityKind civic_account_kind = {
  .type = CIVIC_ENTITY_ACCOUNT,
  .collection = "accounts",
  .record_type = civic_account_record_get_type,
  .n_actions = CIVIC_N_ACCOUNT_ACTIONS,
  .action_from_string = kind_action_from_string,
  .action_to_string = kind_action_to_string,
  .action_label = kind_action_label,
  .past_tense = kind_past_tense,
  .arguments = kind_arguments,
  .weight = kind_weight,
  .safe_when_stale = kind_safe_when_stale,
  .from_json = kind_from_json,
  .get_id = kind_get_id,
  .get_rev = kind_get_rev,
  .set_rev = kind_set_rev,
  .label = kind_label,
  .headline = kind_label,
  .headline_n = kind_headline_n,
  .describe = kind_describe,
  .now_title = N_("The account now"),
  .open_label = N_("_Open Account"),
  .not_cached = N_("The account is not in the offline copy"),
  .to_feed_json = kind_to_feed_json,
  .check = kind_check,
  .list_actions = kind_list_actions,
  .apply = kind_apply,
  .creates = kind_creates,
  .create = kind_create,
};
