/* civic-admin-view.c — a section of the Administration: the records of one kind an administrator runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-admin-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-admin-view.h"
#include "civic-sync-indicator.h"
#include "civic-toast.h"

/* What Accounts and Rooms share (civic-admin-view.h): the list with its
 * filters and search, the record's page with the actions its rules
 * allow, the forms of those actions, and Add (Ctrl+N). A refused form
 * comes back with the reason and what was typed. */

#define MAX_ROWS 1000

typedef struct
{
  GtkStack         *pages;
  GtkWidget        *add_button;
  GtkSearchEntry   *search;
  GtkToggleButton  *filters[CIVIC_ADMIN_VIEW_N_FILTERS];
  GtkListBox       *list;
  AdwWindowTitle   *page_title;
  GtkWidget        *page;

  CivicSyncEngine  *engine;
  CivicRecordSet   *records;
  guint             filter;
  char             *id;        /* the record shown */
} CivicAdminViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CivicAdminView, civic_admin_view, CIVIC_TYPE_SECTION)

#define PRIV(self) ((CivicAdminViewPrivate *) civic_admin_view_get_instance_private (self))
#define CLASS(self) CIVIC_ADMIN_VIEW_GET_CLASS (self)

const CivicActor *
civic_admin_view_get_me (CivicAdminView *self)
{
  CivicAdminViewPrivate *priv = PRIV (self);

  return priv->engine != NULL ? civic_cache_get_me (civic_sync_engine_get_cache (priv->engine))
                              : NULL;
}

/**
 * civic_admin_view_contains:
 * @words: casefolded
 *
 * Whether @text holds @words, whatever their case
 */
gboolean
civic_admin_view_contains (const char *text,
                           const char *words)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, words) != NULL;
}

/* The list */

static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  CivicAdminViewClass *klass = user_data;

  return klass->compare (*(GObject **) a, *(GObject **) b);
}

static GtkWidget *
record_row (CivicAdminView *self,
            GObject        *record)
{
  CivicAdminViewClass *klass = CLASS (self);
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *label = klass->kind->label (record);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
  klass->decorate (self, record, ADW_ACTION_ROW (widget));
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (widget), "id", g_strdup (klass->kind->get_id (record)),
                          g_free);
  return widget;
}

static void reload_page (CivicAdminView *self);

static void
reload (CivicAdminView *self)
{
  CivicAdminViewPrivate *priv = PRIV (self);
  CivicAdminViewClass *klass = CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *words = NULL;
  GPtrArray *records;
  GtkWidget *child;

  if (priv->list == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (priv->list))) != NULL)
    gtk_list_box_remove (priv->list, child);
  if (priv->engine == NULL)
    return;
  /* Not this official's section: every sync would read its records
   * again for nothing, and the rows would weigh on every view */
  if (klass->shown_to != NULL && !klass->shown_to (civic_admin_view_get_me (self)))
    return;
  if (!civic_cache_refresh_records (civic_sync_engine_get_cache (priv->engine), klass->kind,
                                    priv->records, NULL, &error))
    {
      g_warning ("Could not read the %s records: %s", klass->kind->type, error->message);
      return;
    }
  if (*gtk_editable_get_text (GTK_EDITABLE (priv->search)) != '\0')
    words = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (priv->search)), -1);
  records = civic_record_set_get_records (priv->records);
  for (guint i = 0; i < records->len; i++)
    {
      GObject *record = g_ptr_array_index (records, i);

      /* A search looks through every record, whatever is shown */
      if (words != NULL ? klass->matches (record, words)
                        : klass->in_filter == NULL || klass->in_filter (record, priv->filter))
        g_ptr_array_add (sorted, record);
    }
  g_ptr_array_sort_with_data (sorted, compare_records, klass);
  for (guint i = 0; i < sorted->len && i < MAX_ROWS; i++)
    gtk_list_box_append (priv->list, record_row (self, g_ptr_array_index (sorted, i)));
  if (g_str_equal (gtk_stack_get_visible_child_name (priv->pages), "record"))
    reload_page (self);
}

/* Acting */

static void
perform_done (CivicAdminView *self,
              guint           action,
              const char     *id)
{
  CivicAdminViewClass *klass = CLASS (self);

  civic_section_toast (CIVIC_SECTION (self),
                       civic_command_past_tense (klass->kind->action_to_string (action)));
  reload (self);
  civic_admin_view_open (self, id);
}

static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicAdminView) self = user_data;
  CivicAdminViewPrivate *priv = PRIV (self);
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  const char *id = g_object_get_data (G_OBJECT (dialog), "record-id");
  guint action = civic_action_dialog_get_action (dialog);

  if (args == NULL || priv->engine == NULL || id == NULL)
    return;
  if (CLASS (self)->confirm != NULL)
    {
      CLASS (self)->confirm (self, id, action, args);
      return;
    }
  command = civic_sync_engine_perform_action (priv->engine, CLASS (self)->kind, id, action, args,
                                              &error);
  if (command == NULL)
    {
      CivicActionDialog *again = civic_action_dialog_give_back (dialog, args, error);

      g_object_set_data_full (G_OBJECT (again), "record-id", g_strdup (id), g_free);
      civic_action_dialog_run_async (again, NULL, dialog_done_cb, g_object_ref (self));
      return;
    }
  perform_done (self, action, id);
}

/**
 * civic_admin_view_perform:
 *
 * Takes @action with @args on the record @id, as confirmed: said in a
 * toast and shown on the record's page, or refused with the reason.
 */
void
civic_admin_view_perform (CivicAdminView *self,
                          const char     *id,
                          guint           action,
                          JsonObject     *args)
{
  CivicAdminViewPrivate *priv;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;

  g_return_if_fail (CIVIC_IS_ADMIN_VIEW (self));

  priv = PRIV (self);
  if (priv->engine == NULL)
    return;
  command = civic_sync_engine_perform_action (priv->engine, CLASS (self)->kind, id, action, args,
                                              &error);
  if (command == NULL)
    civic_action_show_refusal (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               CLASS (self)->kind, action, error);
  else
    perform_done (self, action, id);
}

static void
run_dialog (CivicAdminView *self,
            GObject        *record,
            const char     *id,
            guint           action)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  CivicActionDialog *dialog = civic_action_dialog_new (parent, PRIV (self)->engine,
                                                       CLASS (self)->kind, record, action, 1);

  g_object_set_data_full (G_OBJECT (dialog), "record-id", g_strdup (id), g_free);
  civic_action_dialog_run_async (dialog, NULL, dialog_done_cb, g_object_ref (self));
}

/**
 * civic_admin_view_start_action:
 *
 * Takes @action on the record shown: at once when it asks for nothing
 * (enable an account), through its form otherwise.
 */
void
civic_admin_view_start_action (CivicAdminView *self,
                               guint           action)
{
  CivicAdminViewPrivate *priv;
  const CivicEntityKind *kind;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CIVIC_IS_ADMIN_VIEW (self));

  priv = PRIV (self);
  kind = CLASS (self)->kind;
  if (priv->engine == NULL || priv->id == NULL)
    return;
  record = civic_cache_load_record (civic_sync_engine_get_cache (priv->engine), kind, priv->id,
                                    NULL);
  if (record == NULL)
    return;
  if (!civic_action_takes_arguments (kind, action))
    {
      g_autofree char *command = civic_sync_engine_perform_action (priv->engine, kind, priv->id,
                                                                   action, NULL, &error);

      if (command == NULL)
        civic_action_show_refusal (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), kind,
                                   action, error);
      else
        perform_done (self, action, priv->id);
      return;
    }
  run_dialog (self, record, priv->id, action);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CivicAdminView *self = CIVIC_ADMIN_VIEW (widget);
  CivicAdminViewClass *klass = CLASS (self);
  g_autofree char *uuid = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GObject) blank = NULL;

  if (PRIV (self)->engine == NULL || PRIV (self)->add_button == NULL ||
      !gtk_widget_get_visible (PRIV (self)->add_button))
    return;
  uuid = g_uuid_string_random ();
  id = klass->new_id != NULL ? klass->new_id (self) : g_strconcat (klass->id_prefix, uuid, NULL);
  blank = klass->new_record (self, id);
  run_dialog (self, blank, id, klass->add_action);
}

/* The record's page */

/**
 * civic_admin_view_add_group:
 *
 * Returns: (transfer none): a group titled @title, appended to @page
 */
GtkWidget *
civic_admin_view_add_group (GtkBox     *page,
                            const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  civic_accessible_name_group (group, title);
  gtk_box_append (page, group);
  return group;
}

/* A row of @group saying @value under @title; none for no value */
void
civic_admin_view_add_fact (GtkWidget  *group,
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
act_clicked_cb (GtkButton      *button,
                CivicAdminView *self)
{
  civic_admin_view_start_action (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                             "action")));
}

static void
clear_page (CivicAdminView *self)
{
  GtkWidget *page = PRIV (self)->page;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (page)) != NULL)
    gtk_box_remove (GTK_BOX (page), child);
}

static GtkWidget *
action_buttons (CivicAdminView *self,
                GObject        *record)
{
  const CivicEntityKind *kind = CLASS (self)->kind;
  g_autoptr(GArray) actions = civic_sync_engine_list_record_actions (PRIV (self)->engine, kind,
                                                                      record);
  GtkWidget *box;

  if (actions->len == 0)
    return NULL;
  box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What you can do"), -1);
  for (guint i = 0; i < actions->len; i++)
    {
      guint action = g_array_index (actions, guint, i);
      GtkWidget *button = gtk_button_new_with_mnemonic (kind->action_label (action));

      if (kind->weight (action) == CIVIC_WEIGHT_DESTRUCTIVE)
        gtk_widget_add_css_class (button, "destructive-action");
      g_object_set_data (G_OBJECT (button), "action", GUINT_TO_POINTER (action));
      g_signal_connect (button, "clicked", G_CALLBACK (act_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (box), button);
    }
  return box;
}

static void
reload_page (CivicAdminView *self)
{
  CivicAdminViewPrivate *priv = PRIV (self);
  CivicAdminViewClass *klass = CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;
  g_autofree char *label = NULL, *heading = NULL;
  GtkWidget *title, *buttons;

  clear_page (self);
  if (priv->engine == NULL || priv->id == NULL)
    return;
  record = civic_cache_load_record (civic_sync_engine_get_cache (priv->engine), klass->kind,
                                    priv->id, &error);
  if (record == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), klass->words.missing_icon);
      adw_status_page_set_title (ADW_STATUS_PAGE (status), klass->words.missing_title);
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       error != NULL ? error->message
                                                     : _("It is sent to the service and shows "
                                                         "here once synced"));
      gtk_box_append (GTK_BOX (priv->page), status);
      return;
    }
  label = klass->kind->label (record);
  adw_window_title_set_subtitle (priv->page_title, label);

  heading = klass->heading (record);
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (priv->page), title);

  buttons = action_buttons (self, record);
  if (buttons != NULL)
    gtk_box_append (GTK_BOX (priv->page), buttons);
  klass->fill_page (self, record, GTK_BOX (priv->page));
}

/**
 * civic_admin_view_open:
 *
 * Shows the record with @id on its page.
 */
void
civic_admin_view_open (CivicAdminView *self,
                       const char     *id)
{
  CivicAdminViewPrivate *priv;

  g_return_if_fail (CIVIC_IS_ADMIN_VIEW (self));

  priv = PRIV (self);
  g_free (priv->id);
  priv->id = g_strdup (id);
  gtk_stack_set_visible_child_name (priv->pages, "record");
  reload_page (self);
}

GtkListBox *
civic_admin_view_get_list (CivicAdminView *self)
{
  g_return_val_if_fail (CIVIC_IS_ADMIN_VIEW (self), NULL);
  return PRIV (self)->list;
}

GtkWidget *
civic_admin_view_get_page (CivicAdminView *self)
{
  g_return_val_if_fail (CIVIC_IS_ADMIN_VIEW (self), NULL);
  return PRIV (self)->page;
}

static void
row_activated_cb (CivicAdminView *self,
                  GtkListBoxRow  *row)
{
  civic_admin_view_open (self, g_object_get_data (G_OBJECT (row), "id"));
}

static void
back_cb (CivicAdminView *self)
{
  CivicAdminViewPrivate *priv = PRIV (self);

  gtk_stack_set_visible_child_name (priv->pages, "list");
  g_clear_pointer (&priv->id, g_free);
  reload (self);
}

static void
filter_toggled_cb (CivicAdminView  *self,
                   GtkToggleButton *button)
{
  CivicAdminViewPrivate *priv = PRIV (self);

  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < CIVIC_ADMIN_VIEW_N_FILTERS; i++)
    if (priv->filters[i] == button)
      priv->filter = i;
  reload (self);
}

static void
civic_admin_view_engine_changed (CivicSection    *section,
                                 CivicSyncEngine *engine)
{
  CivicAdminView *self = CIVIC_ADMIN_VIEW (section);
  CivicAdminViewPrivate *priv = PRIV (self);
  const CivicActor *me;

  priv->engine = engine;
  g_clear_pointer (&priv->records, civic_record_set_free);
  priv->records = civic_record_set_new ();
  g_clear_pointer (&priv->id, g_free);
  if (priv->pages == NULL)
    return;  /* built next, with this engine */
  gtk_stack_set_visible_child_name (priv->pages, "list");
  me = civic_admin_view_get_me (self);
  if (priv->add_button != NULL)
    gtk_widget_set_visible (priv->add_button,
                            me != NULL && civic_actor_has_role (me, CIVIC_ROLE_ADMIN |
                                                                    CIVIC_ROLE_DEPARTMENT_ADMIN));
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

static GtkWidget *
filter_box (CivicAdminView *self)
{
  CivicAdminViewPrivate *priv = PRIV (self);
  const CivicAdminViewWords *words = &CLASS (self)->words;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  words->filters_name, -1);
  for (guint i = 0; i < CIVIC_ADMIN_VIEW_N_FILTERS && words->filter_labels[i] != NULL; i++)
    {
      priv->filters[i] = GTK_TOGGLE_BUTTON (civic_section_filter_button (CIVIC_SECTION (self),
                                                                         words->filter_labels[i],
                                                                         words->filter_tooltips[i],
                                                                         priv->filters[0],
                                                                         G_CALLBACK (filter_toggled_cb)));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (priv->filters[i]));
    }
  gtk_toggle_button_set_active (priv->filters[0], TRUE);
  return box;
}

static void
build (CivicAdminView *self)
{
  CivicAdminViewPrivate *priv = PRIV (self);
  const CivicAdminViewWords *words = &CLASS (self)->words;
  GtkWidget *list_page, *header, *bar, *none, *record_page, *record_header;
  CivicSyncIndicator *indicator;

  priv->pages = GTK_STACK (gtk_stack_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (priv->pages));

  list_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (words->title, NULL));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             civic_section_back_button (CIVIC_SECTION (self),
                                                        _("Back to Queues"), NULL));
  /* Records of some kinds are made from another (a department's own
   * template, from the hall's): no button adds one */
  if (words->add_label != NULL)
    {
      priv->add_button = gtk_button_new_with_mnemonic (words->add_label);
      gtk_widget_add_css_class (priv->add_button, "suggested-action");
      gtk_widget_set_tooltip_text (priv->add_button, words->add_tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->add_button), "admin.add");
      adw_header_bar_pack_start (ADW_HEADER_BAR (header), priv->add_button);
    }
  indicator = g_object_new (CIVIC_TYPE_SYNC_INDICATOR, "compact", TRUE, NULL);
  g_object_bind_property (self, "engine", indicator, "engine", G_BINDING_SYNC_CREATE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (indicator));
  gtk_box_append (GTK_BOX (list_page), header);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  if (words->filters_name != NULL)
    gtk_box_append (GTK_BOX (bar), filter_box (self));
  priv->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (priv->search), TRUE);
  g_object_set (priv->search, "placeholder-text", words->search_hint, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  words->search_name, -1);
  g_signal_connect_swapped (priv->search, "search-changed", G_CALLBACK (reload), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (priv->search));
  gtk_box_append (GTK_BOX (list_page), bar);

  priv->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_valign (GTK_WIDGET (priv->list), GTK_ALIGN_START);
  gtk_list_box_set_selection_mode (priv->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  words->list_name, -1);
  g_signal_connect_swapped (priv->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  none = gtk_label_new (words->empty);
  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_margin_top (none, 24);
  gtk_widget_set_margin_bottom (none, 24);
  gtk_list_box_set_placeholder (priv->list, none);
  gtk_box_append (GTK_BOX (list_page), scrolled_clamp (GTK_WIDGET (priv->list)));
  gtk_stack_add_named (priv->pages, list_page, "list");

  record_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  record_header = adw_header_bar_new ();
  priv->page_title = ADW_WINDOW_TITLE (adw_window_title_new (words->page_title, NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (record_header),
                                   GTK_WIDGET (priv->page_title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (record_header),
                             civic_section_back_button (CIVIC_SECTION (self), words->back_label,
                                                        G_CALLBACK (back_cb)));
  gtk_box_append (GTK_BOX (record_page), record_header);
  priv->page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (record_page), scrolled_clamp (priv->page));
  gtk_stack_add_named (priv->pages, record_page, "record");
}

static void
civic_admin_view_dispose (GObject *object)
{
  CivicAdminView *self = CIVIC_ADMIN_VIEW (object);
  CivicAdminViewPrivate *priv = PRIV (self);

  priv->engine = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  /* Gone with the child: a late notify finds nothing to fill */
  priv->pages = NULL;
  priv->list = NULL;
  priv->search = NULL;
  priv->page = NULL;
  priv->add_button = NULL;
  g_clear_pointer (&priv->records, civic_record_set_free);
  g_clear_pointer (&priv->id, g_free);
  G_OBJECT_CLASS (civic_admin_view_parent_class)->dispose (object);
}

static void
civic_admin_view_constructed (GObject *object)
{
  CivicAdminView *self = CIVIC_ADMIN_VIEW (object);

  G_OBJECT_CLASS (civic_admin_view_parent_class)->constructed (object);
  /* The subclass's words are known only now */
  build (self);
  civic_admin_view_engine_changed (CIVIC_SECTION (self), PRIV (self)->engine);
}

static void
civic_admin_view_class_init (CivicAdminViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CivicSectionClass *section_class = CIVIC_SECTION_CLASS (klass);

  object_class->constructed = civic_admin_view_constructed;
  object_class->dispose = civic_admin_view_dispose;
  section_class->engine_changed = civic_admin_view_engine_changed;

  gtk_widget_class_install_action (widget_class, "admin.add", NULL, add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "admin.add",
                                       NULL);
}

static void
civic_admin_view_init (CivicAdminView *self)
{
  PRIV (self)->records = civic_record_set_new ();
  g_signal_group_connect_swapped (civic_section_get_engine_signals (CIVIC_SECTION (self)),
                                  "cases-changed", G_CALLBACK (reload), self);
}
