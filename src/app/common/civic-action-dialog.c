/* civic-action-dialog.c — asking an official for an action's arguments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-action-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-action-dialog.h"
#include "civic-form.h"

/* The message dialog around an action's form (civic-form.c): the
 * action's name, what it is for, the form, and a button that takes the
 * action only when the rules do. Run it with civic_action_dialog_run_async();
 * a refused action gives the official their form back as they left it
 * (civic_action_dialog_give_back()). */

struct _CivicActionDialog
{
  AdwMessageDialog       parent_instance;

  CivicSyncEngine       *engine;
  const CivicEntityKind *kind;
  GObject               *record;
  guint                  action;
  guint                  n_records;

  CivicForm             *form;
  GTask                 *task;          /* while it runs */
  GCancellable          *cancellable;   /* the caller's, while it runs */
  gulong                 cancelled_id;
  char                  *command_id;    /* the refused command this changes, if any */
};

G_DEFINE_FINAL_TYPE (CivicActionDialog, civic_action_dialog, ADW_TYPE_MESSAGE_DIALOG)

/**
 * civic_action_takes_arguments:
 *
 * Whether @action asks for anything: claiming or releasing a case, or
 * starting the pre-review, is done at once.
 */
gboolean
civic_action_takes_arguments (const CivicEntityKind *kind,
                              guint                  action)
{
  g_return_val_if_fail (kind != NULL && action < kind->n_actions, FALSE);
  return kind->arguments != NULL && civic_arguments_count (kind->arguments (action)) > 0;
}

/* Running it */

static void
responded (CivicActionDialog *self,
           const char        *response)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    return;
  if (self->cancelled_id != 0)
    g_cancellable_disconnect (self->cancellable, self->cancelled_id);
  self->cancelled_id = 0;
  g_clear_object (&self->cancellable);

  if (g_str_equal (response, "apply"))
    g_task_return_pointer (task, civic_form_dup_args (self->form), (GDestroyNotify) json_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
}

/* Gone without an answer (destroyed, or closed by the caller's
 * cancellable): the caller hears "cancelled". An idle, because a dialog
 * that is answered hides before it says what the answer was. */
static gboolean
gone_cb (gpointer data)
{
  CivicActionDialog *self = data;

  responded (self, "cancel");
  return G_SOURCE_REMOVE;
}

static void
unmapped (CivicActionDialog *self)
{
  if (self->task != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, gone_cb, g_object_ref (self), g_object_unref);
}

static gboolean
close_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Perhaps on another thread: the window is closed on the main one, and
 * never inside the handler (closing answers, which disconnects it). */
static void
cancelled (GCancellable      *cancellable,
           CivicActionDialog *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_cb, g_object_ref (self), g_object_unref);
}

/**
 * civic_action_dialog_run_async:
 *
 * Presents the dialog; @callback runs once the official has answered it
 * — or with %G_IO_ERROR_CANCELLED once it is gone without an answer.
 * Cancelling @cancellable closes it.
 */
void
civic_action_dialog_run_async (CivicActionDialog   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CIVIC_IS_ACTION_DIALOG (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, civic_action_dialog_run_async);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));
  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled), self, NULL);
    }
}

/**
 * civic_action_dialog_run_finish:
 *
 * Returns: (transfer full): the arguments the official gave, or %NULL
 * with %G_IO_ERROR_CANCELLED when they did not take the action
 */
JsonObject *
civic_action_dialog_run_finish (CivicActionDialog  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What it holds */

/**
 * civic_action_dialog_dup_args:
 *
 * Returns: (transfer full): the action's arguments as the form has them
 */
JsonObject *
civic_action_dialog_dup_args (CivicActionDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), NULL);
  return civic_form_dup_args (self->form);
}

void
civic_action_dialog_set_args (CivicActionDialog *self,
                              JsonObject        *args)
{
  g_return_if_fail (CIVIC_IS_ACTION_DIALOG (self));
  civic_form_set_args (self->form, args);
}

/**
 * civic_action_dialog_get_refusal:
 *
 * Returns: (nullable): why the rules refuse the action with the form as
 * it is, or %NULL when they take it.
 */
const char *
civic_action_dialog_get_refusal (CivicActionDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), NULL);
  return civic_form_get_refusal (self->form);
}

/**
 * civic_action_dialog_get_record:
 *
 * Returns: (transfer none): the record the action is for (the first of a
 *   batch)
 */
GObject *
civic_action_dialog_get_record (CivicActionDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), NULL);
  return self->record;
}

guint
civic_action_dialog_get_action (CivicActionDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), 0);
  return self->action;
}

/**
 * civic_action_dialog_set_command_id:
 * @command_id: (nullable): the refused command the dialog changes
 *
 * A dialog that changes a refused command (Conflicts) keeps its id.
 */
void
civic_action_dialog_set_command_id (CivicActionDialog *self,
                                    const char        *command_id)
{
  g_return_if_fail (CIVIC_IS_ACTION_DIALOG (self));

  g_free (self->command_id);
  self->command_id = g_strdup (command_id);
}

const char *
civic_action_dialog_get_command_id (CivicActionDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), NULL);
  return self->command_id;
}

/**
 * civic_action_show_refusal:
 * @parent: (nullable): the window the message belongs to
 *
 * Why the rules or the cache refused @action, in a message that stays
 * until it is read.
 */
void
civic_action_show_refusal (GtkWindow             *parent,
                           const CivicEntityKind *kind,
                           guint                  action,
                           const GError          *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, kind->action_label (action),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * civic_action_dialog_give_back:
 * @self: a dialog whose "apply" was refused
 * @args: what the official had entered
 * @error: why it was refused
 *
 * A dialog closes when it is answered; what the official typed must not
 * go with it. Opens the same form again, filled in as they left it (for
 * the same refused command, if any), and the refusal on top.
 *
 * Returns: (transfer none): the new dialog, to run
 */
CivicActionDialog *
civic_action_dialog_give_back (CivicActionDialog *self,
                               JsonObject        *args,
                               const GError      *error)
{
  CivicActionDialog *again;

  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), NULL);

  again = civic_action_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)), self->engine,
                                   self->kind, self->record, self->action, self->n_records);
  civic_action_dialog_set_args (again, args);
  civic_action_dialog_set_command_id (again, self->command_id);
  gtk_window_present (GTK_WINDOW (again));
  civic_action_show_refusal (GTK_WINDOW (again), self->kind, self->action, error);
  return again;
}

static void
civic_action_dialog_dispose (GObject *object)
{
  CivicActionDialog *self = (CivicActionDialog *)object;

  if (self->task != NULL)
    responded (self, "cancel");
  g_clear_object (&self->engine);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (civic_action_dialog_parent_class)->dispose (object);
}

static void
civic_action_dialog_finalize (GObject *object)
{
  CivicActionDialog *self = (CivicActionDialog *)object;

  g_free (self->command_id);

  G_OBJECT_CLASS (civic_action_dialog_parent_class)->finalize (object);
}

/* Ctrl+Enter takes the action from anywhere in the form, a text field's
 * lines included (where Enter starts a new line) — when the rules take it. */
static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CivicActionDialog *self = CIVIC_ACTION_DIALOG (widget);

  civic_form_check_now (self->form);
  if (!civic_form_get_valid (self->form))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "apply");
  gtk_window_close (GTK_WINDOW (self));
}

static void
civic_action_dialog_class_init (CivicActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_action_dialog_dispose;
  object_class->finalize = civic_action_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "action-dialog.apply", NULL, apply_activated);
}

static void
civic_action_dialog_init (CivicActionDialog *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger;

  /* Before the focused field sees the key: a text view would take
   * Ctrl+Enter as a new line */
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter,
                                                                 GDK_CONTROL_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("action-dialog.apply")));
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect (self, "response", G_CALLBACK (responded), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (unmapped), NULL);
}

static void
valid_changed (CivicForm         *form,
               GParamSpec        *pspec,
               CivicActionDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply",
                                           civic_form_get_valid (form));
}

/**
 * civic_action_dialog_new:
 * @record: what the action is for; for several, the first (the form is
 *   checked on it)
 * @n_records: how many records the action will be taken on
 *
 * A dialog with the responses "cancel" and "apply".
 */
CivicActionDialog *
civic_action_dialog_new (GtkWindow             *parent,
                         CivicSyncEngine       *engine,
                         const CivicEntityKind *kind,
                         GObject               *record,
                         guint                  action,
                         guint                  n_records)
{
  CivicActionDialog *self;
  CivicActionWeight weight;
  GtkWidget *scrolled;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (engine), NULL);
  g_return_val_if_fail (kind != NULL && kind->arguments != NULL, NULL);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, kind->record_type ()), NULL);
  g_return_val_if_fail (action < kind->n_actions, NULL);

  body = n_records > 1 ? kind->headline_n (n_records) : kind->headline (record);

  weight = kind->weight (action);
  self = g_object_new (CIVIC_TYPE_ACTION_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", kind->action_label (action),
                       "body", body,
                       "close-response", "cancel",
                       /* Enter does not decide, hand over or refuse: a click does. */
                       "default-response", weight == CIVIC_WEIGHT_ROUTINE ? "apply" : NULL,
                       NULL);
  self->engine = g_object_ref (engine);
  self->kind = kind;
  self->record = g_object_ref (record);
  self->action = action;
  self->n_records = n_records;

  self->form = civic_form_new (engine, kind, record, action, n_records);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->form));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 460);
  gtk_widget_set_size_request (scrolled, 380, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "apply", kind->action_label (action),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "apply",
                                              weight == CIVIC_WEIGHT_DESTRUCTIVE
                                              ? ADW_RESPONSE_DESTRUCTIVE
                                              : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply",
                                           civic_form_get_valid (self->form));
  g_signal_connect_object (self->form, "notify::valid", G_CALLBACK (valid_changed), self, 0);
  return self;
}
