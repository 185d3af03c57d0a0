/* civic-accounts-view.c — the Accounts section: the officials an administrator runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-accounts-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-account-kind.h"
#include "civic-accounts-view.h"
#include "civic-action-dialog.h"
#include "civic-sync-indicator.h"
#include "civic-toast.h"

/* Where the hall's administrators run every official's account, and a
 * department's administrator their department's (账号管理): the accounts,
 * enabled or disabled, searchable by name, user name and department; an
 * account opens on its page, with its department, roles and state and
 * the actions the rules allow — edit, disable, enable, reset the
 * password. Add Account makes one with a temporary password the form
 * shows once. Every change is a command: offline it waits in the outbox,
 * refused it lands in Conflicts with the reason. */

typedef enum
{
  FILTER_ENABLED,
  FILTER_DISABLED,
  FILTER_ALL,
} Filter;

struct _CivicAccountsView
{
  CivicSection      parent_instance;

  GtkStack         *pages;
  GtkWidget        *add_button;
  GtkSearchEntry   *search;
  GtkToggleButton  *enabled_button;
  GtkToggleButton  *disabled_button;
  GtkToggleButton  *all_button;
  GtkListBox       *list;
  AdwWindowTitle   *account_title;
  GtkWidget        *page;

  CivicSyncEngine  *engine;
  CivicRecordSet   *records;
  Filter            filter;
  char             *id;        /* the account shown */
};

G_DEFINE_FINAL_TYPE (CivicAccountsView, civic_accounts_view, CIVIC_TYPE_SECTION)

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

static const CivicActor *
me (CivicAccountsView *self)
{
  return civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
}

static gboolean
contains (const char *text,
          const char *words)
{
  g_autofree char *folded_text = NULL;
  g_autofree char *folded_words = NULL;

  if (text == NULL)
    return FALSE;
  folded_text = g_utf8_casefold (text, -1);
  folded_words = g_utf8_casefold (words, -1);
  return strstr (folded_text, folded_words) != NULL;
}

static gboolean
shown (CivicAccountsView  *self,
       CivicAccountRecord *account,
       const char         *words)
{
  gboolean disabled = civic_account_record_get_disabled (account);

  /* A search looks through every account, whatever is shown */
  if (words != NULL && *words != '\0')
    return contains (civic_account_record_get_name (account), words) ||
           contains (civic_account_record_get_username (account), words) ||
           contains (civic_account_record_get_department_name (account), words);
  switch (self->filter)
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
compare_accounts (gconstpointer a,
                  gconstpointer b)
{
  CivicAccountRecord *first = *(CivicAccountRecord **) a;
  CivicAccountRecord *second = *(CivicAccountRecord **) b;
  int by_department = g_strcmp0 (civic_account_record_get_department_id (first),
                                 civic_account_record_get_department_id (second));

  return by_department != 0 ? by_department
                            : g_strcmp0 (civic_account_record_get_username (first),
                                         civic_account_record_get_username (second));
}

static GtkWidget *
account_row (CivicAccountRecord *account)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *label = civic_account_kind.label (G_OBJECT (account));
  g_autofree char *describe = civic_account_kind.describe (G_OBJECT (account));
  const char *department = civic_account_record_get_department_name (account);
  g_autofree char *subtitle = department != NULL
                              /* Translators: an account's department, then its roles or state */
                              ? g_strdup_printf (_("%s · %s"), department, describe)
                              : g_strdup (describe);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
  if (civic_account_record_get_disabled (account))
    {
      GtkWidget *mark = gtk_label_new (_("Disabled"));

      gtk_widget_add_css_class (mark, "dim-label");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (widget), mark);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (widget), "id",
                          g_strdup (civic_account_record_get_id (account)), g_free);
  return widget;
}

static void reload_page (CivicAccountsView *self);

static void
reload (CivicAccountsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  const char *words = self->search != NULL ? gtk_editable_get_text (GTK_EDITABLE (self->search))
                                            : NULL;
  GPtrArray *records;
  GtkWidget *child;

  if (self->list == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->engine == NULL)
    return;
  if (!civic_cache_refresh_records (civic_sync_engine_get_cache (self->engine),
                                    &civic_account_kind, self->records, NULL, &error))
    {
      g_warning ("Could not read the accounts: %s", error->message);
      return;
    }
  records = civic_record_set_get_records (self->records);
  for (guint i = 0; i < records->len; i++)
    if (shown (self, g_ptr_array_index (records, i), words))
      g_ptr_array_add (sorted, g_ptr_array_index (records, i));
  g_ptr_array_sort (sorted, compare_accounts);
  for (guint i = 0; i < sorted->len && i < 1000; i++)
    gtk_list_box_append (self->list, account_row (g_ptr_array_index (sorted, i)));
  if (g_str_equal (gtk_stack_get_visible_child_name (self->pages), "account"))
    reload_page (self);
}

/* Acting */

static void
perform_done (CivicAccountsView *self,
              guint              action,
              const char         *id)
{
  civic_section_toast (CIVIC_SECTION (self),
                       civic_command_past_tense (civic_account_kind.action_to_string (action)));
  reload (self);
  civic_accounts_view_open (self, id);
}

static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicAccountsView) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  const char *id = g_object_get_data (G_OBJECT (dialog), "account-id");
  guint action = civic_action_dialog_get_action (dialog);

  if (args == NULL || self->engine == NULL || id == NULL)
    return;
  command = civic_sync_engine_perform_action (self->engine, &civic_account_kind, id, action, args,
                                              &error);
  if (command == NULL)
    {
      CivicActionDialog *again = civic_action_dialog_give_back (dialog, args, error);

      g_object_set_data_full (G_OBJECT (again), "account-id", g_strdup (id), g_free);
      civic_action_dialog_run_async (again, NULL, dialog_done_cb, g_object_ref (self));
      return;
    }
  perform_done (self, action, id);
}

static void
run_dialog (CivicAccountsView *self,
            GObject           *record,
            const char        *id,
            guint              action)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  CivicActionDialog *dialog = civic_action_dialog_new (parent, self->engine, &civic_account_kind,
                                                       record, action, 1);

  g_object_set_data_full (G_OBJECT (dialog), "account-id", g_strdup (id), g_free);
  civic_action_dialog_run_async (dialog, NULL, dialog_done_cb, g_object_ref (self));
}

/**
 * civic_accounts_view_start_action:
 *
 * Takes @action on the account shown: at once when it asks for nothing
 * (enable), through its form otherwise.
 */
void
civic_accounts_view_start_action (CivicAccountsView *self,
                                  guint              action)
{
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CIVIC_IS_ACCOUNTS_VIEW (self));

  if (self->engine == NULL || self->id == NULL)
    return;
  record = civic_cache_load_record (civic_sync_engine_get_cache (self->engine),
                                    &civic_account_kind, self->id, NULL);
  if (record == NULL)
    return;
  if (!civic_action_takes_arguments (&civic_account_kind, action))
    {
      g_autofree char *command = civic_sync_engine_perform_action (self->engine,
                                                                   &civic_account_kind, self->id,
                                                                   action, NULL, &error);

      if (command == NULL)
        civic_action_show_refusal (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   &civic_account_kind, action, error);
      else
        perform_done (self, action, self->id);
      return;
    }
  run_dialog (self, record, self->id, action);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CivicAccountsView *self = CIVIC_ACCOUNTS_VIEW (widget);
  g_autofree char *uuid = NULL;
  g_autofree char *id = NULL;
  g_autoptr(CivicAccountRecord) blank = NULL;

  if (self->engine == NULL || !civic_accounts_view_shown_to (me (self)))
    return;
  uuid = g_uuid_string_random ();
  id = g_strconcat ("u-", uuid, NULL);
  blank = civic_account_record_new (id);
  /* A department's administrator adds to their department */
  civic_account_record_set_fields (blank, NULL, NULL, me (self)->department_id, NULL,
                                   CIVIC_ROLE_NONE, FALSE, FALSE, CIVIC_DAY_INVALID,
                                   CIVIC_DAY_INVALID);
  run_dialog (self, G_OBJECT (blank), id, CIVIC_ACCOUNT_ACTION_ADD);
}

/* The account's page */

static void
fact (GtkWidget  *group,
      const char *title,
      const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
act_clicked_cb (GtkButton         *button,
                CivicAccountsView *self)
{
  civic_accounts_view_start_action (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                                "action")));
}

static void
clear_page (CivicAccountsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->page)) != NULL)
    gtk_box_remove (GTK_BOX (self->page), child);
}

static void
reload_page (CivicAccountsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autofree char *label = NULL, *roles = NULL, *created = NULL, *password = NULL;
  CivicAccountRecord *account;
  GtkWidget *title, *group, *box;

  clear_page (self);
  if (self->engine == NULL || self->id == NULL)
    return;
  record = civic_cache_load_record (civic_sync_engine_get_cache (self->engine),
                                    &civic_account_kind, self->id, &error);
  if (record == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "avatar-default-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Such Account"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       error != NULL ? error->message
                                                     : _("It is sent to the service and shows "
                                                         "here once synced"));
      gtk_box_append (GTK_BOX (self->page), status);
      return;
    }
  account = CIVIC_ACCOUNT_RECORD (record);
  label = civic_account_kind.label (record);
  adw_window_title_set_subtitle (self->account_title, label);

  title = gtk_label_new (civic_account_record_get_name (account));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (self->page), title);

  actions = civic_sync_engine_list_record_actions (self->engine, &civic_account_kind, record);
  box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What you can do"), -1);
  for (guint i = 0; i < actions->len; i++)
    {
      guint action = g_array_index (actions, CivicAccountAction, i);
      GtkWidget *button = gtk_button_new_with_mnemonic (civic_account_action_get_label (action));

      if (civic_account_kind.weight (action) == CIVIC_WEIGHT_DESTRUCTIVE)
        gtk_widget_add_css_class (button, "destructive-action");
      g_object_set_data (G_OBJECT (button), "action", GUINT_TO_POINTER (action));
      g_signal_connect (button, "clicked", G_CALLBACK (act_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (box), button);
    }
  if (actions->len > 0)
    gtk_box_append (GTK_BOX (self->page), box);
  else
    g_object_ref_sink (box), g_object_unref (box);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Account"));
  civic_accessible_name_group (group, _("Account"));
  roles = civic_roles_to_string (civic_account_record_get_roles (account));
  created = civic_day_format (civic_account_record_get_created_on (account));
  password = civic_day_format (civic_account_record_get_password_set_on (account));
  fact (group, _("User Name"), civic_account_record_get_username (account));
  fact (group, _("Department"), civic_account_record_get_department_name (account));
  fact (group, _("Roles"), roles);
  fact (group, _("State"), civic_account_record_get_disabled (account)
                           ? _("Disabled: cannot sign in") : _("Enabled"));
  fact (group, _("Why Disabled"), civic_account_record_get_disabled_reason (account));
  if (civic_account_record_get_must_change_password (account))
    fact (group, _("Password"), _("Temporary: the official chooses their own at the next "
                                  "sign-in"));
  fact (group, _("Password Set On"),
        civic_account_record_get_password_set_on (account) != CIVIC_DAY_INVALID ? password : NULL);
  fact (group, _("Added On"),
        civic_account_record_get_created_on (account) != CIVIC_DAY_INVALID ? created : NULL);
  gtk_box_append (GTK_BOX (self->page), group);
}

/**
 * civic_accounts_view_open:
 *
 * Shows the account with @id.
 */
void
civic_accounts_view_open (CivicAccountsView *self,
                          const char        *id)
{
  g_return_if_fail (CIVIC_IS_ACCOUNTS_VIEW (self));

  g_free (self->id);
  self->id = g_strdup (id);
  gtk_stack_set_visible_child_name (self->pages, "account");
  reload_page (self);
}

GtkListBox *
civic_accounts_view_get_list (CivicAccountsView *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNTS_VIEW (self), NULL);
  return self->list;
}

GtkWidget *
civic_accounts_view_get_page (CivicAccountsView *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNTS_VIEW (self), NULL);
  return self->page;
}

static void
row_activated_cb (CivicAccountsView *self,
                  GtkListBoxRow     *row)
{
  civic_accounts_view_open (self, g_object_get_data (G_OBJECT (row), "id"));
}

static void
back_cb (CivicAccountsView *self)
{
  gtk_stack_set_visible_child_name (self->pages, "list");
  g_clear_pointer (&self->id, g_free);
  reload (self);
}

static void
filter_toggled_cb (CivicAccountsView *self,
                   GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->filter = button == self->all_button ? FILTER_ALL
                 : button == self->disabled_button ? FILTER_DISABLED : FILTER_ENABLED;
  reload (self);
}

static void
civic_accounts_view_engine_changed (CivicSection    *section,
                                    CivicSyncEngine *engine)
{
  CivicAccountsView *self = CIVIC_ACCOUNTS_VIEW (section);

  self->engine = engine;
  g_clear_pointer (&self->records, civic_record_set_free);
  self->records = civic_record_set_new ();
  g_clear_pointer (&self->id, g_free);
  gtk_stack_set_visible_child_name (self->pages, "list");
  gtk_widget_set_visible (self->add_button,
                          engine != NULL && civic_accounts_view_shown_to (me (self)));
  reload (self);
}

static GtkWidget *
scrolled_clamp (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

static GtkToggleButton *
filter (CivicAccountsView *self,
        const char        *label,
        const char        *tooltip,
        GtkToggleButton   *group)
{
  return GTK_TOGGLE_BUTTON (civic_section_filter_button (CIVIC_SECTION (self), label, tooltip, group,
                                                         G_CALLBACK (filter_toggled_cb)));
}

static void
build (CivicAccountsView *self)
{
  GtkWidget *list_page, *header, *bar, *filters, *none, *account_page, *account_header;

  self->pages = GTK_STACK (gtk_stack_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->pages));

  list_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (C_("section", "Accounts"), NULL));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             civic_section_back_button (CIVIC_SECTION (self),
                                                        _("Back to Queues"), NULL));
  self->add_button = gtk_button_new_with_mnemonic (_("_Add Account"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->add_button, _("Add an official’s account (Ctrl+N)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "accounts.add");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->add_button);
  {
    CivicSyncIndicator *indicator = g_object_new (CIVIC_TYPE_SYNC_INDICATOR, "compact", TRUE,
                                                  NULL);

    g_object_bind_property (self, "engine", indicator, "engine", G_BINDING_SYNC_CREATE);
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (indicator));
  }
  gtk_box_append (GTK_BOX (list_page), header);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (filters, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (filters), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Which accounts"), -1);
  self->enabled_button = filter (self, _("_Enabled"), _("Accounts that can sign in"), NULL);
  gtk_toggle_button_set_active (self->enabled_button, TRUE);
  self->disabled_button = filter (self, _("_Disabled"), _("Accounts that cannot sign in"),
                                  self->enabled_button);
  self->all_button = filter (self, _("A_ll"), _("Every account"), self->enabled_button);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->enabled_button));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->disabled_button));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->all_button));
  gtk_box_append (GTK_BOX (bar), filters);
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_object_set (self->search, "placeholder-text", _("Name, user name or department"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find an account"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (reload), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (list_page), bar);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Accounts"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  none = gtk_label_new (_("No accounts here"));
  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_margin_top (none, 24);
  gtk_widget_set_margin_bottom (none, 24);
  gtk_list_box_set_placeholder (self->list, none);
  gtk_box_append (GTK_BOX (list_page), scrolled_clamp (GTK_WIDGET (self->list)));
  gtk_stack_add_named (self->pages, list_page, "list");

  account_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  account_header = adw_header_bar_new ();
  self->account_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Account"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (account_header),
                                   GTK_WIDGET (self->account_title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (account_header),
                             civic_section_back_button (CIVIC_SECTION (self),
                                                        _("Back to the Accounts"),
                                                        G_CALLBACK (back_cb)));
  gtk_box_append (GTK_BOX (account_page), account_header);
  self->page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (account_page), scrolled_clamp (self->page));
  gtk_stack_add_named (self->pages, account_page, "account");
}

static void
civic_accounts_view_dispose (GObject *object)
{
  CivicAccountsView *self = CIVIC_ACCOUNTS_VIEW (object);

  self->engine = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->records, civic_record_set_free);
  g_clear_pointer (&self->id, g_free);
  G_OBJECT_CLASS (civic_accounts_view_parent_class)->dispose (object);
}

static void
civic_accounts_view_class_init (CivicAccountsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CivicSectionClass *section_class = CIVIC_SECTION_CLASS (klass);

  object_class->dispose = civic_accounts_view_dispose;
  section_class->engine_changed = civic_accounts_view_engine_changed;

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "accounts.add", NULL);
}

static void
civic_accounts_view_init (CivicAccountsView *self)
{
  self->records = civic_record_set_new ();
  g_signal_group_connect_swapped (civic_section_get_engine_signals (CIVIC_SECTION (self)),
                                  "cases-changed", G_CALLBACK (reload), self);
  build (self);
}
