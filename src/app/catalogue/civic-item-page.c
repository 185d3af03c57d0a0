/* civic-item-page.c — one service item: its guide in effect, the change pending
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-item-page"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-item-editor.h"
#include "civic-item-page.h"
#include "civic-json.h"
#include "civic-toast.h"

/* What a catalogue editor and reviewer read of an item: where it stands;
 * the version pending with what it changes (civic-item-diff.c), who wrote
 * it, the note to the reviewer and the reviewer's comment; the guide in
 * effect with its limits and materials; the versions before. The actions
 * the rules allow the official are buttons, their arguments asked by the
 * common form; a draft opens in the editor. Supervisors read it and
 * change nothing. */

struct _CivicItemPage
{
  GtkBox            parent_instance;

  CivicSyncEngine  *engine;
  char             *code;
  CivicItem        *item;
  GtkWidget        *content;
};

G_DEFINE_FINAL_TYPE (CivicItemPage, civic_item_page, GTK_TYPE_BOX)

static guint toast_signal;

static void
clear_content (CivicItemPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
}

static GtkWidget *
group (CivicItemPage *self,
       const char    *title,
       const char    *description)
{
  GtkWidget *widget = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), title);
  civic_accessible_name_group (widget, title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (widget), description);
  gtk_box_append (GTK_BOX (self->content), widget);
  return widget;
}

static void
row (GtkWidget  *in,
     const char *title,
     const char *value)
{
  GtkWidget *widget;

  if (value == NULL || *value == '\0')
    return;
  widget = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), value);
  gtk_widget_add_css_class (widget, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (in), widget);
}

static char *
describe_limit (JsonObject *limit)
{
  gint64 days = limit != NULL ? civic_json_lookup_int (limit, "days", 0) : 0;

  if (days <= 0)
    return NULL;
  return g_strdup_printf (g_strcmp0 (civic_json_lookup_string (limit, "unit", NULL),
                                     "calendar-days") == 0
                          ? g_dngettext (GETTEXT_PACKAGE, "%d calendar day", "%d calendar days",
                                         days)
                          : g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days",
                                         days),
                          (int) days);
}

/* Acting */

static gboolean
perform (CivicItemPage   *self,
         CivicItemAction  action,
         JsonObject      *args,
         GError         **error)
{
  g_autofree char *command = civic_sync_engine_perform_action (self->engine, &civic_item_kind,
                                                               self->code, action, args, error);

  if (command == NULL)
    return FALSE;
  civic_toast_emit (self, toast_signal,
                    civic_command_past_tense (civic_item_kind.action_to_string (action)));
  civic_item_page_reload (self);
  return TRUE;
}

static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicItemPage) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;

  if (args == NULL || self->engine == NULL)
    return;
  if (!perform (self, civic_action_dialog_get_action (dialog), args, &error))
    civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                   dialog_done_cb, g_object_ref (self));
}

/**
 * civic_item_page_start_action:
 *
 * Takes @action on the item shown: at once when it asks for nothing,
 * through its form otherwise; a save opens the editor.
 */
void
civic_item_page_start_action (CivicItemPage   *self,
                              CivicItemAction  action)
{
  GtkWindow *parent;

  g_return_if_fail (CIVIC_IS_ITEM_PAGE (self));

  if (self->item == NULL || self->engine == NULL)
    return;
  parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  if (action == CIVIC_ITEM_ACTION_SAVE)
    {
      civic_item_page_edit (self);
      return;
    }
  if (!civic_action_takes_arguments (&civic_item_kind, action))
    {
      g_autoptr(GError) error = NULL;

      if (!perform (self, action, NULL, &error))
        civic_action_show_refusal (parent, &civic_item_kind, action, error);
      return;
    }
  civic_action_dialog_run_async (civic_action_dialog_new (parent, self->engine, &civic_item_kind,
                                                          G_OBJECT (self->item), action, 1),
                                 NULL, dialog_done_cb, g_object_ref (self));
}

static void
editor_closed_cb (CivicItemPage *self)
{
  civic_item_page_reload (self);
}

/**
 * civic_item_page_edit:
 *
 * Opens the draft pending in the editor.
 *
 * Returns: (transfer none) (nullable): the editor's window
 */
GtkWidget *
civic_item_page_edit (CivicItemPage *self)
{
  CivicItemEditor *editor;

  g_return_val_if_fail (CIVIC_IS_ITEM_PAGE (self), NULL);

  if (self->item == NULL || civic_item_get_pending (self->item) == NULL)
    return NULL;
  editor = civic_item_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  self->engine, self->item);
  g_signal_connect_object (editor, "close-request", G_CALLBACK (editor_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WIDGET (editor);
}

static void
act_clicked_cb (GtkButton     *button,
                CivicItemPage *self)
{
  civic_item_page_start_action (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                            "action")));
}

/* The actions the official may take, and why Submit is not one of them
 * when the limits break the law */
static void
add_actions (CivicItemPage *self,
             GArray        *actions)
{
  GtkWidget *box = gtk_flow_box_new ();
  const CivicItemPending *pending = civic_item_get_pending (self->item);
  g_autoptr(GError) refusal = NULL;

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What you can do"), -1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  for (guint i = 0; i < actions->len; i++)
    {
      CivicItemAction action = g_array_index (actions, CivicItemAction, i);
      const char *label = action == CIVIC_ITEM_ACTION_SAVE ? _("_Edit Draft…")
                          : civic_item_action_get_label (action);
      GtkWidget *button;

      /* Files are added in the editor's materials */
      if (action == CIVIC_ITEM_ACTION_ATTACH_FILE || action == CIVIC_ITEM_ACTION_REMOVE_FILE)
        continue;
      button = gtk_button_new_with_mnemonic (label);
      if (action == CIVIC_ITEM_ACTION_SAVE || action == CIVIC_ITEM_ACTION_REVIEW ||
          action == CIVIC_ITEM_ACTION_REVISE)
        gtk_widget_add_css_class (button, "suggested-action");
      else if (civic_item_kind.weight (action) == CIVIC_WEIGHT_DESTRUCTIVE)
        gtk_widget_add_css_class (button, "destructive-action");
      g_object_set_data (G_OBJECT (button), "action", GUINT_TO_POINTER (action));
      g_signal_connect (button, "clicked", G_CALLBACK (act_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (box), button);
    }
  /* A draft the law's limits refuse: Submit is there, greyed, with why */
  if (pending != NULL && pending->state == CIVIC_ITEM_VERSION_DRAFT &&
      !civic_sync_engine_check_action (self->engine, &civic_item_kind, self->code,
                                       CIVIC_ITEM_ACTION_SUBMIT, &refusal) &&
      refusal != NULL && g_error_matches (refusal, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (
        civic_item_action_get_label (CIVIC_ITEM_ACTION_SUBMIT));

      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, refusal->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      refusal->message, -1);
      gtk_flow_box_append (GTK_FLOW_BOX (box), button);
    }
  if (gtk_widget_get_first_child (box) != NULL)
    gtk_box_append (GTK_BOX (self->content), box);
  else
    g_object_ref_sink (box), g_object_unref (box);
}

static void
add_pending (CivicItemPage *self)
{
  const CivicItemPending *pending = civic_item_get_pending (self->item);
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  GtkWidget *in;

  if (pending == NULL)
    return;
  /* Translators: "Version 2: In Review" */
  title = g_strdup_printf (_("Version %d: %s"), pending->version,
                           civic_item_version_state_get_label (pending->state));
  in = group (self, title, pending->repeal ? pending->basis : NULL);
  changes = civic_item_dup_pending_changes (self->item);
  for (guint i = 0; i < changes->len; i++)
    {
      GtkWidget *change = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (change), g_ptr_array_index (changes, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (change), FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (in), change);
    }
  if (changes->len == 0 && !pending->repeal)
    row (in, _("Changes"), _("None yet: the draft is the version in effect"));
  row (in, _("Written by"), pending->author_name);
  row (in, _("Note to the reviewer"), pending->note);
  row (in, _("Reviewed by"), pending->reviewed_by_name);
  row (in, _("Reviewer’s comment"), pending->comment);
  if (pending->effective_on != CIVIC_DAY_INVALID)
    {
      day = civic_day_format (pending->effective_on);
      row (in, pending->repeal ? _("Repealed from") : _("Takes effect on"), day);
    }
}

static void
add_guide (CivicItemPage *self)
{
  JsonObject *guide = civic_item_get_guide (self->item);
  g_autofree char *title = NULL;
  g_autofree char *since = NULL;
  g_autofree char *statutory = NULL;
  g_autofree char *promised = NULL;
  g_autofree char *basis = NULL;
  JsonArray *materials;
  GtkWidget *in;

  if (guide == NULL)
    return;
  since = civic_day_format (civic_item_get_effective_on (self->item));
  /* Translators: "In Effect: Version 1, Since 2026-03-20" */
  title = g_strdup_printf (_("In Effect: Version %d, Since %s"),
                           civic_item_get_version (self->item), since);
  in = group (self, title, NULL);
  row (in, _("Type"), civic_item_type_get_label (civic_item_guide_get_type_code (guide)));
  statutory = describe_limit (civic_json_lookup_object (guide, "statutory"));
  promised = describe_limit (civic_json_lookup_object (guide, "promised"));
  row (in, _("Statutory limit"), statutory);
  row (in, _("Promised limit"), promised);
  basis = civic_item_guide_dup_legal_basis (guide);
  row (in, _("Legal basis"), basis);
  row (in, _("Acceptance conditions"), civic_json_lookup_string (guide, "conditions", NULL));

  materials = json_object_has_member (guide, "materials")
              ? json_object_get_array_member (guide, "materials") : NULL;
  if (materials != NULL)
    {
      GtkWidget *list = group (self, _("Materials in Effect"), NULL);

      for (guint i = 0; i < json_array_get_length (materials); i++)
        {
          JsonObject *material = json_array_get_object_element (materials, i);

          row (list, civic_json_lookup_string (material, "name", ""),
               json_object_get_boolean_member_with_default (material, "required", FALSE)
               ? _("Required") : _("If it applies"));
        }
    }
}

static void
add_history (CivicItemPage *self)
{
  GArray *history = civic_item_get_history (self->item);
  GtkWidget *in;

  if (history->len == 0)
    return;
  in = group (self, _("Versions"), NULL);
  for (guint i = history->len; i > 0; i--)
    {
      CivicItemHistory *entry = &g_array_index (history, CivicItemHistory, i - 1);
      g_autofree char *from = civic_day_format (entry->effective_on);
      g_autofree char *to = entry->superseded_on != CIVIC_DAY_INVALID
                            ? civic_day_format (entry->superseded_on) : NULL;
      g_autofree char *title = g_strdup_printf (_("Version %d"), entry->version);
      /* Translators: "2026-03-01 to 2026-06-01", "since 2026-06-01" */
      g_autofree char *span = to != NULL ? g_strdup_printf (_("%s to %s"), from, to)
                                         : g_strdup_printf (_("since %s"), from);

      row (in, title, span);
    }
}

/**
 * civic_item_page_reload:
 *
 * Reads the item again from the offline copy and shows it.
 */
void
civic_item_page_reload (CivicItemPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autofree char *describe = NULL;
  GtkWidget *title, *subtitle;
  GObject *record;

  g_return_if_fail (CIVIC_IS_ITEM_PAGE (self));

  clear_content (self);
  g_clear_object (&self->item);
  if (self->engine == NULL || self->code == NULL)
    return;

  record = civic_cache_load_record (civic_sync_engine_get_cache (self->engine), &civic_item_kind,
                                    self->code, &error);
  if (record == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-question-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Such Item"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error ? error->message : NULL);
      gtk_box_append (GTK_BOX (self->content), status);
      return;
    }
  self->item = CIVIC_ITEM (record);
  actions = civic_sync_engine_list_record_actions (self->engine, &civic_item_kind, record);

  title = gtk_label_new (civic_item_get_name (self->item));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  describe = civic_item_kind.describe (record);
  {
    g_autofree char *line = g_strdup_printf ("%s · %s", civic_item_get_code (self->item),
                                             describe);

    subtitle = gtk_label_new (line);
  }
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_selectable (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (self->content), title);
  gtk_box_append (GTK_BOX (self->content), subtitle);

  add_actions (self, actions);
  add_pending (self);
  add_guide (self);
  add_history (self);
}

void
civic_item_page_show (CivicItemPage *self,
                      const char    *code)
{
  g_return_if_fail (CIVIC_IS_ITEM_PAGE (self));

  g_free (self->code);
  self->code = g_strdup (code);
  civic_item_page_reload (self);
}

void
civic_item_page_set_engine (CivicItemPage   *self,
                            CivicSyncEngine *engine)
{
  g_return_if_fail (CIVIC_IS_ITEM_PAGE (self));

  self->engine = engine;
  g_clear_pointer (&self->code, g_free);
  civic_item_page_reload (self);
}

CivicItem *
civic_item_page_get_item (CivicItemPage *self)
{
  g_return_val_if_fail (CIVIC_IS_ITEM_PAGE (self), NULL);
  return self->item;
}

static void
civic_item_page_dispose (GObject *object)
{
  CivicItemPage *self = CIVIC_ITEM_PAGE (object);

  self->engine = NULL;
  g_clear_object (&self->item);
  g_clear_pointer (&self->code, g_free);
  G_OBJECT_CLASS (civic_item_page_parent_class)->dispose (object);
}

static void
civic_item_page_class_init (CivicItemPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = civic_item_page_dispose;
  toast_signal = civic_toast_add_signal (G_OBJECT_CLASS_TYPE (klass));
}

static void
civic_item_page_init (CivicItemPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (self), self->content);
}

GtkWidget *
civic_item_page_new (void)
{
  return g_object_new (CIVIC_TYPE_ITEM_PAGE, NULL);
}
