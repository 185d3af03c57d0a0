/* civic-accounts-view.c — the Accounts section: the officials an administrator runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-accounts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-account-kind.h"
#include "civic-accounts-view.h"
#include "civic-time.h"

/* Where the hall's administrators run every official's account, and a
 * department's administrator their department's (账号管理): the accounts,
 * enabled or disabled, searchable by name, user name and department; an
 * account opens on its page, with its department, roles and state and
 * the actions the rules allow — edit, disable, enable, reset the
 * password. Add Account makes one with a temporary password the form
 * shows once. */

enum
{
  FILTER_ENABLED,
  FILTER_DISABLED,
  FILTER_ALL,
};

struct _CivicAccountsView
{
  CivicAdminView parent_instance;
};

G_DEFINE_FINAL_TYPE (CivicAccountsView, civic_accounts_view, CIVIC_TYPE_ADMIN_VIEW)

/**
 * civic_accounts_view_shown_to:
 *
 * Whether the section is for @actor: the hall's administrators and each
 * department's
 */
gboolean
civic_accounts_view_shown_to (const CivicActor *actor)
{
  return actor != NULL && civic_actor_has_role (actor, CIVIC_ROLE_ADMIN |
                                                       CIVIC_ROLE_DEPARTMENT_ADMIN);
}

static gboolean
matches (GObject    *record,
         const char *words)
{
  CivicAccountRecord *account = CIVIC_ACCOUNT_RECORD (record);

  return civic_admin_view_contains (civic_account_record_get_name (account), words) ||
         civic_admin_view_contains (civic_account_record_get_username (account), words) ||
         civic_admin_view_contains (civic_account_record_get_department_name (account), words);
}

static gboolean
in_filter (GObject *record,
           guint    filter)
{
  gboolean disabled = civic_account_record_get_disabled (CIVIC_ACCOUNT_RECORD (record));

  switch (filter)
    {
    case FILTER_ENABLED:
      return !disabled;
    case FILTER_DISABLED:
      return disabled;
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static int
compare (GObject *a,
         GObject *b)
{
  CivicAccountRecord *first = CIVIC_ACCOUNT_RECORD (a);
  CivicAccountRecord *second = CIVIC_ACCOUNT_RECORD (b);
  int by_department = g_strcmp0 (civic_account_record_get_department_id (first),
                                 civic_account_record_get_department_id (second));

  return by_department != 0 ? by_department
                            : g_strcmp0 (civic_account_record_get_username (first),
                                         civic_account_record_get_username (second));
}

static void
decorate (CivicAdminView *view,
          GObject        *record,
          AdwActionRow   *row)
{
  CivicAccountRecord *account = CIVIC_ACCOUNT_RECORD (record);
  g_autofree char *describe = civic_account_kind.describe (record);
  const char *department = civic_account_record_get_department_name (account);
  g_autofree char *subtitle = department != NULL
                              /* Translators: an account's department, then its roles or state */
                              ? g_strdup_printf (_("%s · %s"), department, describe)
                              : g_strdup (describe);

  adw_action_row_set_subtitle (row, subtitle);
  if (civic_account_record_get_disabled (account))
    {
      GtkWidget *mark = gtk_label_new (_("Disabled"));

      gtk_widget_add_css_class (mark, "dim-label");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, mark);
    }
}

static GObject *
new_record (CivicAdminView *view,
            const char     *id)
{
  CivicAccountRecord *blank = civic_account_record_new (id);

  /* A department's administrator adds to their department */
  civic_account_record_set_fields (blank, NULL, NULL, civic_admin_view_get_me (view)->department_id,
                                   NULL, CIVIC_ROLE_NONE, FALSE, FALSE, CIVIC_DAY_INVALID,
                                   CIVIC_DAY_INVALID);
  return G_OBJECT (blank);
}

static char *
heading (GObject *record)
{
  return g_strdup (civic_account_record_get_name (CIVIC_ACCOUNT_RECORD (record)));
}

/* Who acts for the official (委托): the windows in force or to come, then
 * the last few over, as history */
static void
add_delegations (GtkBox             *page,
                 CivicAccountRecord *account)
{
  GPtrArray *windows = civic_account_record_get_delegations (account);
  g_autoptr(GDateTime) now = civic_time_now ();
  CivicDay today = civic_time_day_of (now);
  GtkWidget *group = civic_admin_view_add_group (page, _("Delegations"));
  guint shown = 0, over = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = windows->len; i-- > 0;)
      {
        const CivicDelegation *window = g_ptr_array_index (windows, i);
        gboolean is_over = civic_delegation_is_over (window, today);
        g_autofree char *first = NULL, *last = NULL, *roles = NULL, *title = NULL;
        g_autofree char *subtitle = NULL;
        const char *state;
        GtkWidget *row;

        if ((pass == 0) == is_over || (is_over && ++over > 5))
          continue;
        first = civic_day_format (window->starts_on);
        /* Ended before it began: the days it was granted for */
        last = civic_day_format (civic_delegation_last_day (window) < window->starts_on
                                 ? window->ends_on : civic_delegation_last_day (window));
        roles = civic_roles_to_string (window->roles);
        if (window->ended_on != CIVIC_DAY_INVALID && window->ended_on <= window->starts_on)
          state = _("Ended before it began");
        else if (window->ended_on != CIVIC_DAY_INVALID)
          state = _("Ended early");
        else if (is_over)
          state = _("Over");
        else if (civic_delegation_in_force (window, today))
          state = _("In force");
        else
          state = _("To come");
        /* Translators: a delegation: "李四 · 2026-03-23 to 2026-03-27" */
        title = g_strdup_printf (_("%s · %s to %s"),
                                 window->delegate_name ? window->delegate_name : window->delegate_id,
                                 first, last);
        /* Translators: a delegation's state, roles and reason:
         * "In force · Examiner · 年休假" */
        subtitle = g_strdup_printf (_("%s · %s · %s"), state, roles,
                                    window->reason ? window->reason : "");
        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        if (is_over)
          gtk_widget_add_css_class (row, "dim-label");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        shown++;
      }
  if (shown == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Nobody acts for this official: Add Delegation lets "
                                             "a colleague act for them between two days"));
}

static void
fill_page (CivicAdminView *view,
           GObject        *record,
           GtkBox         *page)
{
  CivicAccountRecord *account = CIVIC_ACCOUNT_RECORD (record);
  g_autofree char *roles = civic_roles_to_string (civic_account_record_get_roles (account));
  CivicDay created_on = civic_account_record_get_created_on (account);
  CivicDay password_set_on = civic_account_record_get_password_set_on (account);
  /* An account the command line made before accounts were commands has
   * neither day */
  g_autofree char *created = created_on != CIVIC_DAY_INVALID ? civic_day_format (created_on) : NULL;
  g_autofree char *password = password_set_on != CIVIC_DAY_INVALID
                              ? civic_day_format (password_set_on) : NULL;
  GtkWidget *group = civic_admin_view_add_group (page, _("Account"));

  civic_admin_view_add_fact (group, _("User Name"), civic_account_record_get_username (account));
  civic_admin_view_add_fact (group, _("Department"),
                             civic_account_record_get_department_name (account));
  civic_admin_view_add_fact (group, _("Roles"), roles);
  civic_admin_view_add_fact (group, _("State"), civic_account_record_get_disabled (account)
                                                ? _("Disabled: cannot sign in") : _("Enabled"));
  civic_admin_view_add_fact (group, _("Why Disabled"),
                             civic_account_record_get_disabled_reason (account));
  if (civic_account_record_get_must_change_password (account))
    civic_admin_view_add_fact (group, _("Password"),
                               _("Temporary: the official chooses their own at the next sign-in"));
  civic_admin_view_add_fact (group, _("Password Set On"), password);
  civic_admin_view_add_fact (group, _("Added On"), created);
  add_delegations (page, account);
}

static void
civic_accounts_view_class_init (CivicAccountsViewClass *klass)
{
  CivicAdminViewClass *admin_class = CIVIC_ADMIN_VIEW_CLASS (klass);
  CivicAdminViewWords words = {
    .title = C_("section", "Accounts"),
    .add_label = _("_Add Account"),
    .add_tooltip = _("Add an official’s account (Ctrl+N)"),
    .filters_name = _("Which accounts"),
    .filter_labels = { _("_Enabled"), _("_Disabled"), _("A_ll") },
    .filter_tooltips = { _("Accounts that can sign in"), _("Accounts that cannot sign in"),
                         _("Every account") },
    .search_hint = _("Name, user name or department"),
    .search_name = _("Find an account"),
    .list_name = _("Accounts"),
    .empty = _("No accounts here"),
    .page_title = _("Account"),
    .back_label = _("Back to the Accounts"),
    .missing_title = _("No Such Account"),
    .missing_icon = "avatar-default-symbolic",
  };

  admin_class->kind = &civic_account_kind;
  admin_class->add_action = CIVIC_ACCOUNT_ACTION_ADD;
  admin_class->id_prefix = "u-";
  admin_class->words = words;
  admin_class->matches = matches;
  admin_class->in_filter = in_filter;
  admin_class->compare = compare;
  admin_class->decorate = decorate;
  admin_class->new_record = new_record;
  admin_class->heading = heading;
  admin_class->fill_page = fill_page;
  admin_class->shown_to = civic_accounts_view_shown_to;
}

static void
civic_accounts_view_init (CivicAccountsView *self)
{
}
