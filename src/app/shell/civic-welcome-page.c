/* civic-welcome-page.c — connect to a service, or try the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-welcome-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-actor.h"
#include "civic-application.h"
#include "civic-password-dialog.h"
#include "civic-welcome-page.h"

struct _CivicWelcomePage
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkStack     *mode_stack;
  AdwComboRow  *role_row;
  AdwEntryRow  *url_row;
  GtkMenuButton *recent_button;
  AdwEntryRow  *user_row;
  AdwEntryRow  *password_row;
  AdwActionRow *ca_row;
  GtkButton    *ca_clear_button;
  GtkButton    *sign_in_button;
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  GtkSpinner   *spinner;
  GtkLabel     *working_label;

  char         *ca_file;
  char         *typed;         /* the password, until the sign-in is answered */
  GCancellable *cancellable;
  const char   *came_from;     /* the page to go back to on an error */
};

G_DEFINE_FINAL_TYPE (CivicWelcomePage, civic_welcome_page, ADW_TYPE_BIN)

static CivicApplication *
get_application (CivicWelcomePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return CIVIC_APPLICATION (gtk_window_get_application (GTK_WINDOW (root)));
}

static void
set_working (CivicWelcomePage *self,
             const char       *what)
{
  if (what != NULL)
    {
      self->came_from = gtk_stack_get_visible_child_name (self->mode_stack);
      gtk_label_set_label (self->working_label, what);
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->mode_stack, "working");
    }
  else
    gtk_spinner_stop (self->spinner);
}

/**
 * civic_welcome_page_show_error:
 *
 * Says, under the form, why signing in did not work.
 */
void
civic_welcome_page_show_error (CivicWelcomePage *self,
                               const GError     *error)
{
  g_autofree char *text = civic_application_explain_error (error);

  g_return_if_fail (CIVIC_IS_WELCOME_PAGE (self));

  set_working (self, NULL);
  gtk_label_set_label (self->error_label, text);
  /* Shown only with something to say: an empty label takes no Tab stop. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);

  /* The demo's problems are shown where the form is. */
  gtk_stack_set_visible_child_name (self->mode_stack, "connect");
  if (g_error_matches (error, CIVIC_API_ERROR, CIVIC_API_ERROR_WRONG_CREDENTIALS))
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

void
civic_welcome_page_reset (CivicWelcomePage *self)
{
  g_return_if_fail (CIVIC_IS_WELCOME_PAGE (self));

  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      const char *role = civic_application_get_demo_role (get_application (self));

      for (guint i = 0; role != NULL && civic_demo_roles[i] != NULL; i++)
        if (g_str_equal (civic_demo_roles[i], role))
          adw_combo_row_set_selected (self->role_row, i);
    }

  g_cancellable_cancel (self->cancellable);
  set_working (self, NULL);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_stack_set_visible_child_name (self->mode_stack, "choose");
}

static void
form_changed_cb (CivicWelcomePage *self)
{
  gboolean complete =
    *gtk_editable_get_text (GTK_EDITABLE (self->url_row)) != '\0' &&
    *gtk_editable_get_text (GTK_EDITABLE (self->user_row)) != '\0' &&
    *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), complete);
}

static void
forget_typed (CivicWelcomePage *self)
{
  if (self->typed != NULL)
    memset (self->typed, 0, strlen (self->typed));
  g_clear_pointer (&self->typed, g_free);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data);

static void
password_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CivicWelcomePage) self = user_data;
  g_autoptr(GError) error = NULL;

  forget_typed (self);
  if (!civic_application_choose_password_finish (CIVIC_APPLICATION (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        civic_welcome_page_show_error (self, error);
      return;
    }
  civic_welcome_page_reset (self);
}

static void
choose_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CivicWelcomePage *self)
{
  g_autofree char *chosen = civic_password_dialog_dup_chosen (dialog);

  if (!g_str_equal (response, "choose") || chosen == NULL || self->typed == NULL)
    {
      civic_application_abandon_password_choice (get_application (self));
      forget_typed (self);
      set_working (self, NULL);
      gtk_stack_set_visible_child_name (self->mode_stack, "connect");
      return;
    }
  set_working (self, _("Choosing your password…"));
  civic_application_choose_password_async (get_application (self), self->typed, chosen,
                                           self->cancellable, password_chosen_cb,
                                           g_object_ref (self));
  memset (chosen, 0, strlen (chosen));
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CivicWelcomePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!civic_application_connect_finish (CIVIC_APPLICATION (source), result, &error))
    {
      /* An administrator set the password: the official chooses their
       * own, then the sign-in goes on */
      if (g_error_matches (error, CIVIC_ACCOUNT_ERROR, CIVIC_ACCOUNT_ERROR_PASSWORD_CHANGE_REQUIRED))
        {
          AdwMessageDialog *dialog = civic_password_dialog_new (
            GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));

          g_signal_connect_object (dialog, "response", G_CALLBACK (choose_response_cb), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
      forget_typed (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        civic_welcome_page_show_error (self, error);
      return;
    }
  forget_typed (self);

  /* The window shows the inbox now; the password is not kept in a widget.
   * (After a failure it stays, to try again.) */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  civic_welcome_page_reset (self);
}

static void
sign_in_clicked_cb (CivicWelcomePage *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->sign_in_button)))
    return;

  /* An address as people say it: the host alone means HTTPS. */
  if (strstr (url, "://") == NULL)
    {
      char *with_scheme = g_strconcat ("https://", url, NULL);

      g_free (url);
      url = with_scheme;
    }

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  set_working (self, _("Signing in…"));
  g_set_object (&self->cancellable, g_cancellable_new ());
  forget_typed (self);
  self->typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  civic_application_connect_async (get_application (self), url, user, self->typed,
                                   self->ca_file, self->cancellable, connected_cb,
                                   g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

static void
entry_activated_cb (CivicWelcomePage *self)
{
  sign_in_clicked_cb (self);
}

static void
use_service_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CivicWelcomePage *self = CIVIC_WELCOME_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
}

/* The services signed in to before, most recent first. */
static void
update_recent (CivicWelcomePage *self,
               GSettings        *settings)
{
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-services");
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (recent[i], NULL);

      g_menu_item_set_action_and_target (item, "welcome.use-service", "s", recent[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->recent_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->recent_button), recent[0] != NULL);
}

static void
connect_clicked_cb (CivicWelcomePage *self)
{
  GSettings *settings = civic_application_get_settings (get_application (self));
  g_autofree char *url = g_settings_get_string (settings, "service-url");
  g_autofree char *user = g_settings_get_string (settings, "username");

  update_recent (self, settings);

  if (*gtk_editable_get_text (GTK_EDITABLE (self->url_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->user_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);

  gtk_stack_set_visible_child_name (self->mode_stack, "connect");
  gtk_widget_grab_focus (*url == '\0' ? GTK_WIDGET (self->url_row)
                         : *user == '\0' ? GTK_WIDGET (self->user_row)
                         : GTK_WIDGET (self->password_row));
}

static void
demo_started_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CivicWelcomePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!civic_application_try_demo_finish (CIVIC_APPLICATION (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        civic_welcome_page_show_error (self, error);
      return;
    }

  civic_welcome_page_reset (self);
}

static void
demo_clicked_cb (CivicWelcomePage *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  set_working (self, _("Starting the demo service… The first time, it makes a few thousand "
                       "cases: this takes a moment."));
  g_set_object (&self->cancellable, g_cancellable_new ());
  civic_application_try_demo_async (get_application (self),
                                    civic_demo_roles[MIN (selected, g_strv_length ((char **) civic_demo_roles) - 1)],
                                    self->cancellable, demo_started_cb, g_object_ref (self));
}

static void
back_clicked_cb (CivicWelcomePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  civic_welcome_page_reset (self);
}

static void
cancel_clicked_cb (CivicWelcomePage *self)
{
  g_cancellable_cancel (self->cancellable);
  set_working (self, NULL);
  gtk_stack_set_visible_child_name (self->mode_stack,
                                    self->came_from ? self->came_from : "choose");
}

static void
set_ca_file (CivicWelcomePage *self,
             const char       *path)
{
  g_free (self->ca_file);
  self->ca_file = g_strdup (path);
  adw_action_row_set_subtitle (self->ca_row,
                               path ? path : _("Only for a service with its own certificate"));
  gtk_widget_set_visible (GTK_WIDGET (self->ca_clear_button), path != NULL);
}

static void
ca_chosen_cb (GtkNativeDialog  *dialog,
              int               response,
              CivicWelcomePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      set_ca_file (self, path);
    }
  g_object_unref (dialog);
}

static void
ca_choose_clicked_cb (CivicWelcomePage *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Certificate Authority"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Certificates (PEM)"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_filter_add_mime_type (filter, "application/x-x509-ca-cert");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (ca_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ca_clear_clicked_cb (CivicWelcomePage *self)
{
  set_ca_file (self, NULL);
}

static void
civic_welcome_page_dispose (GObject *object)
{
  CivicWelcomePage *self = (CivicWelcomePage *)object;

  g_cancellable_cancel (self->cancellable);
  /* The bin's child first, whole: then the template's own references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIVIC_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (civic_welcome_page_parent_class)->dispose (object);
}

static void
civic_welcome_page_finalize (GObject *object)
{
  CivicWelcomePage *self = (CivicWelcomePage *)object;

  g_clear_object (&self->cancellable);
  g_free (self->ca_file);
  forget_typed (self);

  G_OBJECT_CLASS (civic_welcome_page_parent_class)->finalize (object);
}

static void
civic_welcome_page_class_init (CivicWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_welcome_page_dispose;
  object_class->finalize = civic_welcome_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/civicdesk/CivicDesk/civic-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, role_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, url_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, recent_button);
  gtk_widget_class_install_action (widget_class, "welcome.use-service", "s", use_service_activated);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, user_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, password_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, ca_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CivicWelcomePage, working_label);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, demo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, ca_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, ca_clear_clicked_cb);
}

static void
civic_welcome_page_init (CivicWelcomePage *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; civic_demo_roles[i] != NULL; i++)
    gtk_string_list_append (roles, civic_demo_role_get_label (civic_demo_roles[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (self->role_row, 1);

  civic_accessible_name_choices (GTK_WIDGET (self->role_row), _("Demo Officials"));
  civic_accessible_name_group (GTK_WIDGET (self->role_row), _("Demo"));
  civic_accessible_name_group (GTK_WIDGET (self->url_row), _("Sign-In Details"));
  civic_accessible_name_password_row (ADW_PASSWORD_ENTRY_ROW (self->password_row));
}
