/* civic-account-records.c — officials' accounts as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-account-records"

#include "config.h"

#include <inttypes.h>

#include "civic-i18n.h"

#include "civic-account-kind.h"
#include "civic-account-records.h"
#include "civic-account-rules.h"
#include "civic-accounts.h"
#include "civic-policy.h"
#include "civic-server-db.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* An account is a row of `account` (civic-accounts.c), which sign-in
 * reads; the commands of civic-account-kind.c change it like any record,
 * so that each change is in the ledger, the audit log and an outbox.
 * What only the service can tell is checked here, in the command's
 * transaction: whether the user name is taken, whether the department
 * exists, and whether the hall would be left without an enabled
 * administrator. */

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  g_autoptr(CivicAccount) account = civic_accounts_find_by_id (db, id, error);

  if (account == NULL)
    return NULL;
  return G_OBJECT (civic_accounts_to_record (db, account, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  g_autoptr(GDateTime) now = civic_time_now ();

  /* The command's own moment is not passed to a store's save; the clock
   * is the same one (CIVICDESK_NOW pins both) */
  return civic_accounts_store (db, CIVIC_ACCOUNT_RECORD (record), now, error);
}

static gboolean
refuse_rule (GError     **error,
             int          code,
             const char  *format,
             const char  *value)
{
  g_set_error (error, CIVIC_WORKFLOW_ERROR, code, format, value);
  return FALSE;
}

static gboolean
store_finish (CivicDb        *db,
              GObject        *record,
              guint           action,
              const char     *command_id,
              CivicCalendar  *calendar,
              GDateTime      *now,
              const char     *public_url,
              GError        **error)
{
  CivicAccountRecord *account = CIVIC_ACCOUNT_RECORD (record);
  const char *department = civic_account_record_get_department_id (account);
  g_autoptr(CivicAccount) before = civic_accounts_find_by_id (db,
                                                              civic_account_record_get_id (account),
                                                              error);
  g_autoptr(GError) local = NULL;
  CivicAccountFacts was = { 0 }, will = { 0 };
  guint n_admins;

  if (before == NULL && error != NULL && *error != NULL)
    return FALSE;

  if (action == CIVIC_ACCOUNT_ACTION_ADD)
    {
      g_autoptr(CivicAccount) taken = civic_accounts_find (db,
                                                           civic_account_record_get_username (account),
                                                           error);

      if (taken == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (taken != NULL)
        return refuse_rule (error, CIVIC_WORKFLOW_ERROR_RULE, _("The user name “%s” is taken"),
                            civic_account_record_get_username (account));
    }

  if (department != NULL && (before == NULL || g_strcmp0 (before->department_id, department) != 0))
    {
      g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, CIVIC_ENTITY_DEPARTMENT,
                                                                  department, error);

      if (row == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (row == NULL)
        return refuse_rule (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                            _("There is no department “%s”"), department);
    }

  /* A department keeps the roles of the work it does */
  if ((before == NULL || before->roles != civic_account_record_get_roles (account) ||
       g_strcmp0 (before->department_id, department) != 0) &&
      !civic_accounts_check_department (db, department, civic_account_record_get_roles (account),
                                        error))
    return FALSE;

  /* The hall keeps an enabled administrator, counted now */
  n_admins = civic_accounts_count_admins (db, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (before != NULL)
    {
      was.id = before->id;
      was.department_id = before->department_id;
      was.roles = before->roles;
      was.disabled = before->disabled;
    }
  will.id = civic_account_record_get_id (account);
  will.department_id = department;
  will.roles = civic_account_record_get_roles (account);
  will.disabled = civic_account_record_get_disabled (account);
  return civic_account_rules_check (before != NULL ? &was : NULL, &will, n_admins, NULL, error);
}

/* Who acts on an account at all: the hall's administrators on any; a
 * department's on their department's. Supervisors read every account and
 * change none; to anyone else there is no account at all, so that a
 * refusal never hands them the record (civic-commands.c answers a
 * refusal but "not found" with the record as it is) */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  CivicAccountRecord *account = CIVIC_ACCOUNT_RECORD (record);

  if (civic_actor_has_role (actor, CIVIC_ROLE_ADMIN) ||
      civic_account_record_get_username (account) == NULL)
    return TRUE;
  if (civic_actor_has_role (actor, CIVIC_ROLE_DEPARTMENT_ADMIN) && actor->department_id != NULL &&
      g_strcmp0 (actor->department_id, civic_account_record_get_department_id (account)) == 0)
    return TRUE;
  if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
    {
      g_set_error_literal (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                           _("Supervisors can read every account but change none"));
      return FALSE;
    }
  g_set_error_literal (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                       _("There is no such account"));
  return FALSE;
}

const CivicRecordStore civic_account_store = {
  .kind = &civic_account_kind,
  .not_found = N_("There is no such account"),
  /* Translators: the account's revision now, then the one the official saw */
  .stale = N_("The account changed (revision %" PRId64 ", you saw %" PRId64 "); look at it "
              "again"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
};
