/* civic-preferences-window.c — sync, notifications, the account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-preferences-window.h"

struct _CivicPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CivicApplication     *application;
};

G_DEFINE_FINAL_TYPE (CivicPreferencesWindow, civic_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the combo row */
static const guint intervals[] = { 60, 300, 900, 3600, 0 };

static gboolean
interval_from_setting (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  guint seconds = g_variant_get_uint32 (variant);
  guint best = 1;

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    if (intervals[i] == seconds)
      best = i;
  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
interval_to_setting (const GValue       *value,
                     const GVariantType *type,
                     gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return g_variant_new_uint32 (intervals[MIN (selected, G_N_ELEMENTS (intervals) - 1)]);
}

static GtkWidget *
switch_row (GSettings  *settings,
            const char *key,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_settings_bind (settings, key, toggle, "active", G_SETTINGS_BIND_DEFAULT);
  return row;
}

static GtkWidget *
info_row (const char *title,
          const char *value)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  return row;
}

/* The calendar of hearings: a link of the official's own */

static void
calendar_link_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CivicPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = civic_api_client_calendar_link_finish (CIVIC_API_CLIENT (source), result,
                                                                &error);
  g_autofree char *text = NULL;

  if (url == NULL)
    text = g_strdup (error->message);
  else if (*url == '\0')
    text = g_strdup (_("The calendar link is revoked: calendars that had it see no more hearings"));
  else
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), url);
      text = g_strdup (_("Link copied: add it to GNOME Calendar or Evolution as a calendar on the "
                         "web. Any earlier link no longer works"));
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
calendar_link (CivicPreferencesWindow *self,
               gboolean                revoke)
{
  CivicAccount *account = civic_application_get_account (self->application);
  CivicSyncEngine *engine = account ? civic_account_get_engine (account) : NULL;

  if (engine == NULL)
    return;
  civic_api_client_calendar_link_async (civic_sync_engine_get_client (engine), revoke, NULL,
                                        calendar_link_done, g_object_ref (self));
}

static void
copy_link_clicked (CivicPreferencesWindow *self)
{
  calendar_link (self, FALSE);
}

static void
revoke_link_clicked (CivicPreferencesWindow *self)
{
  calendar_link (self, TRUE);
}

static void
civic_preferences_window_class_init (CivicPreferencesWindowClass *klass)
{
}

static void
civic_preferences_window_init (CivicPreferencesWindow *self)
{
}

CivicPreferencesWindow *
civic_preferences_window_new (CivicApplication *application)
{
  CivicPreferencesWindow *self;
  GSettings *settings = civic_application_get_settings (application);
  CivicAccount *account = civic_application_get_account (application);
  const char *choices[] = { _("Every minute"), _("Every 5 minutes"), _("Every 15 minutes"),
                            _("Every hour"), _("Only when I ask"), NULL };
  g_autoptr(GtkStringList) interval_labels = gtk_string_list_new (choices);
  GtkWidget *page, *group, *row;

  self = g_object_new (CIVIC_TYPE_PREFERENCES_WINDOW,
                       "search-enabled", FALSE,
                       "title", _("Preferences"),
                       "default-width", 560,
                       "default-height", 560,
                       NULL);
  self->application = application;

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "emblem-system-symbolic");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sync"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Your actions are sent at once when the service can be "
                                           "reached; this is how often the client also looks for "
                                           "what changed."));
  row = g_object_new (ADW_TYPE_COMBO_ROW, "use-markup", FALSE, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Check for Changes"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (interval_labels));
  civic_accessible_name_choices (row, NULL);
  g_settings_bind_with_mapping (settings, "sync-interval", row, "selected",
                                G_SETTINGS_BIND_DEFAULT, interval_from_setting, interval_to_setting,
                                NULL, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Notifications"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (settings, "notify-assigned", _("Cases _Assigned to Me"),
                                         _("When a colleague or the approver gives you a case")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (settings, "notify-deadlines", _("_Time Limits"),
                                         _("When one of your cases is due within three working "
                                           "days, or overdue; the day before a hearing of yours; "
                                           "when a hearing to schedule nears the latest day the "
                                           "law allows")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (settings, "notify-ratings", _("Bad _Ratings"),
                                         _("When a bad rating of your department is to be "
                                           "rectified, and when its time to rectify runs out")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (settings, "notify-supervision", _("_Supervision"),
                                         _("When a card comes for your department, turns red or "
                                           "is returned; when your department’s cases go "
                                           "overdue; when a department replies to your card")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (account != NULL)
    {
      g_autofree char *ca_file = g_settings_get_string (settings, "ca-file");

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Account"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 info_row (_("Service"), civic_account_get_service_url (account)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 info_row (_("Signed in as"), civic_account_get_username (account)));
      if (civic_account_get_department_name (account) != NULL)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   info_row (_("Department"),
                                             civic_account_get_department_name (account)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 info_row (_("Certificate authority"),
                                           *ca_file ? ca_file : _("The system’s")));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 info_row (_("Offline copy"), civic_account_get_dir (account)));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

      if (civic_account_get_engine (account) != NULL)
        {
          GtkWidget *copy = gtk_button_new_with_mnemonic (_("Copy _New Link"));
          GtkWidget *revoke = gtk_button_new_with_mnemonic (_("_Revoke"));

          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Calendar"));
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                                 _("The hearings you host, keep the record of or "
                                                   "take part in, for GNOME Calendar or Evolution "
                                                   "to show: a link of your own, which only the "
                                                   "service and you know."));
          row = info_row (_("Hearings in Your Calendar"),
                          _("A new link replaces the old one; revoking it stops every calendar "
                            "that has it"));
          gtk_widget_remove_css_class (row, "property");
          gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
          gtk_widget_set_valign (revoke, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (revoke, "destructive-action");
          g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_link_clicked), self);
          g_signal_connect_swapped (revoke, "clicked", G_CALLBACK (revoke_link_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), revoke);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
        }
    }

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  civic_accessible_name_window_parts (GTK_WINDOW (self));
  return self;
}
