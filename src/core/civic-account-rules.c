/* civic-account-rules.c — what may be done to an official's account, and by whom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-account-rules"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-account-rules.h"
#include "civic-json.h"
#include "civic-workflow.h"

/* One set of rules for an account added, changed, disabled or enabled,
 * whether the command line or an administrator in the client does it:
 *
 * - an official has a role, and never the service's own;
 * - an official works in a department, unless the hall's administrator
 *   or supervisor, who look at all of them;
 * - the hall always keeps an administrator whose account is enabled:
 *   the last one is neither disabled nor loses the role, or no one could
 *   run the accounts again but from the machine;
 * - a department administrator runs their own department's accounts
 *   only, never their own (no one raises their own rights), and grants
 *   none of the hall's roles (administrator, department administrator,
 *   supervisor, dispatcher).
 *
 * @by is who does it: %NULL for the command line, the machine's operator. */

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

static gboolean
is_enabled_admin (const CivicAccountFacts *facts)
{
  return facts != NULL && !facts->disabled && (facts->roles & CIVIC_ROLE_ADMIN) != 0;
}

/**
 * civic_account_rules_check:
 * @before: (nullable): the account as it is; %NULL for a new one
 * @after: the account as it would be
 * @n_enabled_admins: how many enabled accounts hold the administrator's
 *   role now
 * @by: (nullable): who changes it; %NULL for the service's operator
 *
 * Returns: whether the change is allowed; %FALSE with the reason, in
 * %CIVIC_WORKFLOW_ERROR (`rule` for the law of the hall, `role` for what
 * @by may not do, `argument` for what no account may be)
 */
gboolean
civic_account_rules_check (const CivicAccountFacts  *before,
                           const CivicAccountFacts  *after,
                           guint                     n_enabled_admins,
                           const CivicActor         *by,
                           GError                  **error)
{
  g_return_val_if_fail (after != NULL, FALSE);

  if (after->roles == CIVIC_ROLE_NONE || (after->roles & CIVIC_ROLE_SYSTEM))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("An official holds one role or more, and never the service’s own"));
  if ((after->department_id == NULL || *after->department_id == '\0') &&
      !(after->roles & (CIVIC_ROLE_ADMIN | CIVIC_ROLE_SUPERVISOR)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("An official works in a department; only the hall’s administrators and "
                     "supervisors work in none"));
  if ((after->roles & CIVIC_ROLE_DEPARTMENT_ADMIN) &&
      (after->department_id == NULL || *after->department_id == '\0'))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A department administrator runs a department: name it"));

  if (is_enabled_admin (before) && !is_enabled_admin (after) && n_enabled_admins <= 1)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("This is the last administrator whose account is enabled: give another "
                     "official the role first"));

  if (by != NULL && !civic_actor_has_role (by, CIVIC_ROLE_ADMIN))
    {
      CivicRole granted = after->roles & ~(before != NULL ? before->roles : CIVIC_ROLE_NONE);
      CivicRole held = before != NULL ? before->roles & CIVIC_ROLES_HALL : CIVIC_ROLE_NONE;

      if (!civic_actor_has_role (by, CIVIC_ROLE_DEPARTMENT_ADMIN))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                       _("Accounts are run by the hall’s administrators and each department’s"));
      if (before != NULL && g_strcmp0 (before->id, by->id) == 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                       _("No one changes their own account: ask another administrator"));
      if (g_strcmp0 (after->department_id, by->department_id) != 0 ||
          (before != NULL && g_strcmp0 (before->department_id, by->department_id) != 0))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                       _("A department administrator runs their own department’s accounts only"));
      if ((granted & CIVIC_ROLES_HALL) || held != CIVIC_ROLE_NONE)
        {
          g_autofree char *roles = civic_roles_to_string (CIVIC_ROLES_HALL & ~CIVIC_ROLE_SYSTEM);

          return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                         _("These are the hall’s to grant and take: %s"), roles);
        }
    }
  return TRUE;
}

/**
 * civic_account_username_is_valid:
 *
 * Returns: whether @username may name an account: 1 to 64 letters,
 * digits, dots, dashes and underscores
 */
gboolean
civic_account_username_is_valid (const char *username)
{
  if (username == NULL || *username == '\0' || strlen (username) > 64)
    return FALSE;

  for (const char *p = username; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

static gboolean
read_parameter (const char **p,
                const char  *name,
                guint64      min,
                guint64      max,
                guint64     *out)
{
  char *end = NULL;

  if (!g_str_has_prefix (*p, name))
    return FALSE;
  *p += strlen (name);
  if (!g_ascii_isdigit (**p))
    return FALSE;
  *out = g_ascii_strtoull (*p, &end, 10);
  if (end == *p || *out < min || *out > max)
    return FALSE;
  *p = end;
  return TRUE;
}

static gboolean
read_base64 (const char **p,
             gsize        min_length)
{
  gsize n = 0;

  while (g_ascii_isalnum ((*p)[n]) || (*p)[n] == '+' || (*p)[n] == '/')
    n++;
  *p += n;
  return n >= min_length;
}

/**
 * civic_account_check_password_hash:
 * @hash: what an administrator's client sent for a new password
 *
 * A password is made and hashed by the administrator's client, so that
 * it never travels nor waits in an outbox; the service stores the hash
 * as it came, and so refuses one that costs an attacker less than its
 * own: Argon2id, version 19, at least %CIVIC_PASSWORD_HASH_MIN_KIB of
 * memory and %CIVIC_PASSWORD_HASH_MIN_PASSES passes, one lane, with a
 * salt of 16 bytes or more and a hash of 32 — libsodium's
 * crypto_pwhash_str() form; and no costlier than
 * %CIVIC_PASSWORD_HASH_MAX_KIB and %CIVIC_PASSWORD_HASH_MAX_PASSES, since
 * every sign-in pays that cost again.
 *
 * Returns: whether @hash is one; %FALSE with an argument error if not
 */
gboolean
civic_account_check_password_hash (const char  *hash,
                                   GError     **error)
{
  const char *p = hash;
  guint64 kib, passes, lanes;

  if (hash == NULL || strlen (hash) >= 128 || !g_str_has_prefix (p, "$argon2id$v=19$") ||
      !(p += strlen ("$argon2id$v=19$")) ||
      !read_parameter (&p, "m=", CIVIC_PASSWORD_HASH_MIN_KIB, CIVIC_PASSWORD_HASH_MAX_KIB, &kib) ||
      !read_parameter (&p, ",t=", CIVIC_PASSWORD_HASH_MIN_PASSES, CIVIC_PASSWORD_HASH_MAX_PASSES,
                       &passes) ||
      !read_parameter (&p, ",p=", 1, 1, &lanes) ||
      *p++ != '$' || !read_base64 (&p, 22) || *p++ != '$' || !read_base64 (&p, 43) ||
      *p != '\0')
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The password must come as an Argon2id hash of 64 to 256 MiB and two to "
                     "ten passes, made by the administrator’s client"));
  return TRUE;
}

/**
 * civic_account_rules_check_department:
 * @department: the department as the feed has it: its `roles`, when
 *   set, are all an official of it may hold
 *
 * Whether an official of @department may hold @roles: a department
 * keeps only the work it does (a county's market regulator holds no
 * hearings of its own, say), and an account of it gets no role of work
 * it does not do.
 *
 * Returns: whether it may; %FALSE with a `rule` naming the roles it lacks
 */
gboolean
civic_account_rules_check_department (CivicRole    roles,
                                      JsonObject  *department,
                                      GError     **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *missing = NULL;
  CivicRole allowed = CIVIC_ROLE_NONE;

  if (department == NULL ||
      !civic_json_get_strv (department, "roles", FALSE, &names, NULL) || names == NULL)
    return TRUE;
  if (!civic_roles_from_strv ((const char * const *) names, &allowed, NULL))
    return TRUE;  /* an operator's list the service checked when it was set */
  if ((roles & ~allowed) == 0)
    return TRUE;

  missing = civic_roles_to_string (roles & ~allowed);
  /* Translators: "市场监管局 has no role of Hearing officer: an official of it cannot hold one" */
  return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                 _("%s has no role of %s: an official of it cannot hold one"),
                 civic_json_lookup_string (department, "name", ""), missing);
}

