/* civic-conflicts-view.c — actions the service refused, to resolve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-conflicts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-conflicts-view.h"
#include "civic-json.h"
#include "civic-sync-indicator.h"
#include "civic-section.h"
#include "civic-time.h"

/* Every refused command stays here until the official resolves it: the
 * action and the case, the service's reason, the case as the service has
 * it now; discard it, or change it and send it again (checked by the
 * rules first, against the case as it is now). */

struct _CivicConflictsView
{
  CivicSection        parent_instance;

  CivicSyncIndicator *sync_indicator;
  GtkStack           *stack;
  GtkListBox         *list_box;

  CivicSyncEngine    *engine;   /* the section's */
};

G_DEFINE_FINAL_TYPE (CivicConflictsView, civic_conflicts_view, CIVIC_TYPE_SECTION)

static void reload (CivicConflictsView *self);

/* command type → CivicConflictDetailFunc, as the sections add them */
static GHashTable *details;

/**
 * civic_conflicts_view_add_detail:
 *
 * Lets a kind's section show more of its refused @command_type than the
 * reason: what it takes to decide between discarding it and sending it
 * again.
 */
void
civic_conflicts_view_add_detail (const char              *command_type,
                                 CivicConflictDetailFunc  func)
{
  if (details == NULL)
    details = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (details, (gpointer) g_intern_string (command_type), func);
}

/* The confirmation's answer, for the command it asked about */
typedef struct
{
  CivicConflictsView *self;
  char               *command_id;
} Discard;

static void
discard_free (gpointer  data,
              GClosure *closure)
{
  Discard *discard = data;

  g_object_unref (discard->self);
  g_free (discard->command_id);
  g_free (discard);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Discard          *discard)
{
  CivicConflictsView *self = discard->self;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "discard") || self->engine == NULL)
    return;

  if (!civic_sync_engine_discard_conflict (self->engine, discard->command_id, &error))
    civic_section_toast (CIVIC_SECTION (self), error->message);
  else
    civic_section_toast (CIVIC_SECTION (self), _("Action discarded"));
  reload (self);
}

/* The refused action exists nowhere else: it goes only when the official
 * says so twice. */
static void
discard_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CivicConflictsView *self = CIVIC_CONFLICTS_VIEW (widget);
  AdwMessageDialog *dialog;
  Discard *discard;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Discard This Action?"),
                                                       _("It is removed from this computer and "
                                                         "cannot be sent again. The case stays as "
                                                         "the service has it.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  discard = g_new0 (Discard, 1);
  discard->self = g_object_ref (self);
  discard->command_id = g_variant_dup_string (parameter, NULL);
  g_signal_connect_data (dialog, "response", G_CALLBACK (discard_response_cb), discard,
                         discard_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retry_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CivicConflictsView) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;

  if (args == NULL || self->engine == NULL)
    return;

  command = civic_sync_engine_retry_conflict (self->engine, civic_action_dialog_get_command_id (dialog),
                                              args, &error);
  if (command == NULL)
    {
      /* What the official changed is not lost. */
      civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                     retry_done_cb, g_object_ref (self));
      return;
    }
  civic_section_toast (CIVIC_SECTION (self), _("Sent again"));
  reload (self);
}

/* The refused command's own form, filled in as it was sent, on the record
 * it targeted — whatever kind that is. */
static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CivicConflictsView *self = CIVIC_CONFLICTS_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(CivicConflict) conflict = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) error = NULL;
  const CivicEntityKind *kind;
  CivicActionDialog *dialog;
  guint action;

  if (self->engine == NULL)
    return;
  conflict = civic_outbox_get_conflict (civic_sync_engine_get_outbox (self->engine), id, &error);
  if (conflict == NULL)
    {
      civic_section_toast (CIVIC_SECTION (self), error->message);
      reload (self);
      return;
    }
  kind = civic_entity_kind_for_command (conflict->command->type, &action);
  if (kind == NULL || kind->arguments == NULL)
    {
      /* Translators: %s is a command type the client does not know */
      g_autofree char *text = g_strdup_printf (_("“%s” cannot be changed here; discard it or "
                                                 "update Civic Desk"), conflict->command->type);

      civic_section_toast (CIVIC_SECTION (self), text);
      return;
    }
  record = civic_cache_load_record (civic_sync_engine_get_cache (self->engine), kind,
                                    conflict->command->target, &error);
  if (record == NULL)
    {
      civic_section_toast (CIVIC_SECTION (self), error->message);
      return;
    }

  dialog = civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->engine, kind, record, action, 1);
  args = civic_json_parse_object (conflict->command->args, -1, NULL);
  if (args != NULL)
    civic_action_dialog_set_args (dialog, args);
  civic_action_dialog_set_command_id (dialog, id);
  civic_action_dialog_run_async (dialog, NULL, retry_done_cb, g_object_ref (self));
}

static GtkWidget *
small_button (const char *label,
              const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  return button;
}

static GtkWidget *
conflict_row (CivicConflictsView *self,
              CivicConflict      *conflict)
{
  const CivicEntityKind *kind = civic_entity_kind_for_command (conflict->command->type, NULL);
  g_autoptr(JsonNode) entity = conflict->entity ? civic_json_parse (conflict->entity, -1, NULL)
                                                : NULL;
  /* The record as the service had it when it refused, read by its kind */
  g_autoptr(GObject) record = kind != NULL && entity != NULL ? kind->from_json (entity, NULL)
                                                             : NULL;
  g_autofree char *name = record != NULL ? kind->label (record)
                                         : g_strdup (conflict->command->target);
  g_autoptr(GDateTime) at = civic_time_parse (conflict->at);
  g_autoptr(GDateTime) local = at ? g_date_time_to_timezone (at, civic_time_zone ()) : NULL;
  /* Translators: a date and time, as strftime() takes it */
  g_autofree char *when = local ? g_date_time_format (local, _("%Y-%m-%d %H:%M")) : g_strdup ("");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *discard, *retry, *open;

  title = g_strdup_printf (_("%s — %s"), civic_command_label (conflict->command->type), name);
  /* Translators: the service's reason, then when it refused */
  subtitle = g_strdup_printf (_("%s\nRefused %s"), conflict->reason_message, when);

  row = g_object_new (ADW_TYPE_EXPANDER_ROW, "use-markup", FALSE, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "conflict");

  if (record != NULL)
    {
      GtkWidget *detail = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
      g_autofree char *now = kind->describe (record);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (detail), _(kind->now_title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (detail), now);
      open = small_button (_(kind->open_label), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "app.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "(ss)", kind->type,
                                        conflict->command->target);
      adw_action_row_add_suffix (ADW_ACTION_ROW (detail), open);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail);
    }
  if (record != NULL && details != NULL)
    {
      CivicConflictDetailFunc func = g_hash_table_lookup (details, conflict->command->type);
      GtkWidget *more = func != NULL ? func (conflict, record) : NULL;

      if (more != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), more);
    }

  discard = small_button (_("_Discard"), "destructive-action");
  retry = small_button (_("_Change and Send Again…"), "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "conflicts.discard");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "s", conflict->command->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (retry), "conflicts.retry");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (retry), "s", conflict->command->id);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), retry);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), discard);
  civic_accessible_name_expander_row (ADW_EXPANDER_ROW (row));

  return row;
}

static void
reload (CivicConflictsView *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (self->engine != NULL)
    conflicts = civic_outbox_list_conflicts (civic_sync_engine_get_outbox (self->engine), NULL);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    gtk_list_box_append (self->list_box, conflict_row (self, g_ptr_array_index (conflicts, i)));

  gtk_stack_set_visible_child_name (self->stack,
                                    conflicts != NULL && conflicts->len > 0 ? "list" : "empty");
}

static void
civic_conflicts_view_engine_changed (CivicSection    *section,
                                     CivicSyncEngine *engine)
{
  CivicConflictsView *self = CIVIC_CONFLICTS_VIEW (section);

  self->engine = engine;
  reload (self);
}

static void
civic_conflicts_view_dispose (GObject *object)
{
  CivicConflictsView *self = (CivicConflictsView *)object;

  self->engine = NULL;
  /* The bin's child first, whole: then the template's own references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIVIC_TYPE_CONFLICTS_VIEW);

  G_OBJECT_CLASS (civic_conflicts_view_parent_class)->dispose (object);
}

static void
civic_conflicts_view_class_init (CivicConflictsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CivicSectionClass *section_class = CIVIC_SECTION_CLASS (klass);

  object_class->dispose = civic_conflicts_view_dispose;
  section_class->engine_changed = civic_conflicts_view_engine_changed;

  g_type_ensure (CIVIC_TYPE_SYNC_INDICATOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/civicdesk/CivicDesk/civic-conflicts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CivicConflictsView, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, CivicConflictsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CivicConflictsView, list_box);

  gtk_widget_class_install_action (widget_class, "conflicts.discard", "s", discard_activated);
  gtk_widget_class_install_action (widget_class, "conflicts.retry", "s", retry_activated);
}

static void
civic_conflicts_view_init (CivicConflictsView *self)
{
  g_signal_group_connect_swapped (civic_section_get_engine_signals (CIVIC_SECTION (self)),
                                  "notify::conflicts", G_CALLBACK (reload), self);
  gtk_widget_init_template (GTK_WIDGET (self));
}
