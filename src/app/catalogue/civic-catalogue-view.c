/* civic-catalogue-view.c — the Catalogue section: a department's service items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-catalogue-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-action-dialog.h"
#include "civic-catalogue-view.h"
#include "civic-item-kind.h"
#include "civic-sync-indicator.h"

/* Where a department's catalogue editor and reviewer keep its items
 * (事项目录): the items with a change in progress first — drafts to
 * finish, versions to review, versions approved for a day — then every
 * item, searchable by name and code. An item opens on its page
 * (civic-item-page.c); New Item makes one, offline too. Its count in the
 * sidebar is what waits for the official: the editor's drafts, the
 * reviewer's versions in review. */

typedef enum
{
  FILTER_IN_PROGRESS,
  FILTER_ALL,
  FILTER_REPEALED,
} Filter;

struct _CivicCatalogueView
{
  CivicSection      parent_instance;

  GtkStack         *pages;
  GtkWidget        *new_button;
  GtkSearchEntry   *search;
  GtkToggleButton  *in_progress_button;
  GtkToggleButton  *all_button;
  GtkToggleButton  *repealed_button;
  GtkListBox       *list;
  AdwWindowTitle   *item_title;
  CivicItemPage    *page;

  CivicSyncEngine  *engine;
  CivicRecordSet   *records;
  Filter            filter;
  guint             n_to_do;
};

G_DEFINE_FINAL_TYPE (CivicCatalogueView, civic_catalogue_view, CIVIC_TYPE_SECTION)

/**
 * civic_catalogue_view_shown_to:
 *
 * Whether the section is for @actor: the department's catalogue editors
 * and reviewers, and supervisors, who read
 */
gboolean
civic_catalogue_view_shown_to (const CivicActor *actor)
{
  return actor != NULL && civic_actor_has_role (actor, CIVIC_ROLES_CATALOGUE |
                                                       CIVIC_ROLE_SUPERVISOR);
}

static const CivicActor *
me (CivicCatalogueView *self)
{
  return civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
}

/* Whether the official is the one the item waits for */
static gboolean
waits_for_me (CivicCatalogueView *self,
              CivicItem          *item)
{
  const CivicItemPending *pending = civic_item_get_pending (item);
  const CivicActor *actor = me (self);

  if (pending == NULL || g_strcmp0 (civic_item_get_department_id (item),
                                    actor->department_id) != 0)
    return FALSE;
  if (pending->state == CIVIC_ITEM_VERSION_DRAFT)
    return civic_actor_has_role (actor, CIVIC_ROLE_CATALOGUE_EDITOR);
  if (pending->state == CIVIC_ITEM_VERSION_IN_REVIEW)
    return civic_actor_has_role (actor, CIVIC_ROLE_CATALOGUE_REVIEWER) &&
           !g_strv_contains ((const char * const *) pending->authors, actor->id);
  return FALSE;
}

static gboolean
shown (CivicCatalogueView *self,
       CivicItem          *item,
       const char         *words)
{
  const CivicActor *actor = me (self);
  const char *name = civic_item_get_name (item);

  if (!civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR | CIVIC_ROLE_DISPATCHER) &&
      g_strcmp0 (civic_item_get_department_id (item), actor->department_id) != 0)
    return FALSE;
  /* A search looks through every item, whatever is shown */
  if (words != NULL && *words != '\0')
    return (name != NULL && strstr (name, words) != NULL) ||
           strstr (civic_item_get_code (item), words) != NULL;
  switch (self->filter)
    {
    case FILTER_IN_PROGRESS:
      return civic_item_get_pending (item) != NULL;
    case FILTER_REPEALED:
      return civic_item_get_state (item) == CIVIC_ITEM_STATE_REPEALED;
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (civic_item_get_code (*(CivicItem **) a), civic_item_get_code (*(CivicItem **) b));
}

static GtkWidget *
item_row (CivicCatalogueView *self,
          CivicItem          *item)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *describe = civic_item_kind.describe (G_OBJECT (item));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", civic_item_get_code (item), describe);
  const char *name = civic_item_get_name (item);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget),
                                 name != NULL ? name : civic_item_get_code (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (waits_for_me (self, item))
    {
      GtkWidget *mark = gtk_label_new (_("For You"));

      gtk_widget_add_css_class (mark, "accent");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (widget), mark);
    }
  g_object_set_data_full (G_OBJECT (widget), "code", g_strdup (civic_item_get_code (item)),
                          g_free);
  return widget;
}

static void
reload (CivicCatalogueView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  const char *words = self->search != NULL ? gtk_editable_get_text (GTK_EDITABLE (self->search))
                                            : NULL;
  GPtrArray *records;
  GtkWidget *child;
  guint n_to_do = 0;

  if (self->list == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->engine == NULL)
    return;
  if (!civic_cache_refresh_records (civic_sync_engine_get_cache (self->engine), &civic_item_kind,
                                    self->records, NULL, &error))
    {
      g_warning ("Could not read the catalogue: %s", error->message);
      return;
    }
  records = civic_record_set_get_records (self->records);
  for (guint i = 0; i < records->len; i++)
    {
      CivicItem *item = g_ptr_array_index (records, i);

      n_to_do += waits_for_me (self, item);
      if (shown (self, item, words))
        g_ptr_array_add (sorted, item);
    }
  g_ptr_array_sort (sorted, compare_items);
  for (guint i = 0; i < sorted->len && i < 500; i++)
    gtk_list_box_append (self->list, item_row (self, g_ptr_array_index (sorted, i)));
  if (self->n_to_do != n_to_do)
    {
      self->n_to_do = n_to_do;
      g_object_notify (G_OBJECT (self), "n-to-do");
    }
  if (g_str_equal (gtk_stack_get_visible_child_name (self->pages), "item"))
    civic_item_page_reload (self->page);
}

guint
civic_catalogue_view_get_n_to_do (CivicCatalogueView *self)
{
  g_return_val_if_fail (CIVIC_IS_CATALOGUE_VIEW (self), 0);
  return self->n_to_do;
}

GtkListBox *
civic_catalogue_view_get_list (CivicCatalogueView *self)
{
  g_return_val_if_fail (CIVIC_IS_CATALOGUE_VIEW (self), NULL);
  return self->list;
}

CivicItemPage *
civic_catalogue_view_get_page (CivicCatalogueView *self)
{
  g_return_val_if_fail (CIVIC_IS_CATALOGUE_VIEW (self), NULL);
  return self->page;
}

/**
 * civic_catalogue_view_open:
 *
 * Shows the item with @code.
 */
void
civic_catalogue_view_open (CivicCatalogueView *self,
                           const char         *code)
{
  g_return_if_fail (CIVIC_IS_CATALOGUE_VIEW (self));

  civic_item_page_show (self->page, code);
  adw_window_title_set_subtitle (self->item_title, code);
  gtk_stack_set_visible_child_name (self->pages, "item");
}

static void
row_activated_cb (CivicCatalogueView *self,
                  GtkListBoxRow      *row)
{
  civic_catalogue_view_open (self, g_object_get_data (G_OBJECT (row), "code"));
}

static void
back_cb (CivicCatalogueView *self)
{
  gtk_stack_set_visible_child_name (self->pages, "list");
  reload (self);
}

static void
filter_toggled_cb (CivicCatalogueView *self,
                   GtkToggleButton    *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->filter = button == self->all_button ? FILTER_ALL
                 : button == self->repealed_button ? FILTER_REPEALED : FILTER_IN_PROGRESS;
  reload (self);
}

/* New Item: its code and name and type, then its page with the draft */
static void
new_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CivicCatalogueView) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  const char *code;

  if (args == NULL || self->engine == NULL)
    return;
  code = json_object_get_string_member_with_default (args, "code", "");
  command = civic_sync_engine_perform_action (self->engine, &civic_item_kind, code,
                                              CIVIC_ITEM_ACTION_CREATE, args, &error);
  if (command == NULL)
    {
      civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                     new_done_cb, g_object_ref (self));
      return;
    }
  reload (self);
  civic_catalogue_view_open (self, code);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CivicCatalogueView *self = CIVIC_CATALOGUE_VIEW (widget);
  g_autoptr(CivicItem) blank = NULL;

  if (self->engine == NULL ||
      !civic_actor_has_role (me (self), CIVIC_ROLE_CATALOGUE_EDITOR))
    return;
  blank = civic_item_new ("NEW-ITEM", me (self)->department_id);
  civic_action_dialog_run_async (civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                          self->engine, &civic_item_kind,
                                                          G_OBJECT (blank),
                                                          CIVIC_ITEM_ACTION_CREATE, 1),
                                 NULL, new_done_cb, g_object_ref (self));
}

static void
page_toast_cb (CivicCatalogueView *self,
               AdwToast           *toast)
{
  g_signal_emit_by_name (self, "add-toast", toast);
}

static void
civic_catalogue_view_engine_changed (CivicSection    *section,
                                     CivicSyncEngine *engine)
{
  CivicCatalogueView *self = CIVIC_CATALOGUE_VIEW (section);

  self->engine = engine;
  g_clear_pointer (&self->records, civic_record_set_free);
  self->records = civic_record_set_new ();
  civic_item_page_set_engine (self->page, engine);
  gtk_stack_set_visible_child_name (self->pages, "list");
  gtk_widget_set_visible (self->new_button,
                          engine != NULL &&
                          civic_actor_has_role (me (self), CIVIC_ROLE_CATALOGUE_EDITOR));
  reload (self);
}

static GtkToggleButton *
filter (CivicCatalogueView *self,
        const char         *label,
        const char         *tooltip,
        GtkToggleButton    *group)
{
  return GTK_TOGGLE_BUTTON (civic_section_filter_button (CIVIC_SECTION (self), label, tooltip, group,
                                                         G_CALLBACK (filter_toggled_cb)));
}

static void
build (CivicCatalogueView *self)
{
  GtkWidget *list_page, *header, *bar, *filters, *scrolled, *clamp, *none, *item_page, *item_header;
  GtkWidget *item_scrolled, *item_clamp;

  self->pages = GTK_STACK (gtk_stack_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->pages));

  list_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  /* Translators: the section of the service items (事项目录) */
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (C_("section", "Catalogue"), NULL));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             civic_section_back_button (CIVIC_SECTION (self),
                                                        _("Back to Queues"), NULL));
  self->new_button = gtk_button_new_with_mnemonic (_("_New Item"));
  gtk_widget_add_css_class (self->new_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->new_button, _("Add an item to the department’s catalogue "
                                                   "(Ctrl+N)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_button), "catalogue.new");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->new_button);
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
  gtk_widget_set_margin_bottom (bar, 6);
  filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (filters, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (filters), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Which items"), -1);
  self->in_progress_button = filter (self, _("_In Progress"),
                                     _("Items with a version drafted, in review or approved for "
                                       "a day"), NULL);
  gtk_toggle_button_set_active (self->in_progress_button, TRUE);
  self->all_button = filter (self, _("A_ll"), _("Every item of the department"),
                             self->in_progress_button);
  self->repealed_button = filter (self, _("_Repealed"), _("Items no longer applied for"),
                                  self->in_progress_button);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->in_progress_button));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->all_button));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->repealed_button));
  gtk_box_append (GTK_BOX (bar), filters);
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_object_set (self->search, "placeholder-text", _("Name or code"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find an item by name or code"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (reload), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (list_page), bar);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_top (clamp, 6);
  gtk_widget_set_margin_bottom (clamp, 12);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Service items"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  none = gtk_label_new (_("No items here"));
  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_margin_top (none, 24);
  gtk_widget_set_margin_bottom (none, 24);
  gtk_list_box_set_placeholder (self->list, none);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (list_page), scrolled);
  gtk_stack_add_named (self->pages, list_page, "list");

  item_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  item_header = adw_header_bar_new ();
  self->item_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Service Item"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (item_header), GTK_WIDGET (self->item_title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (item_header),
                             civic_section_back_button (CIVIC_SECTION (self),
                                                        _("Back to the Catalogue"),
                                                        G_CALLBACK (back_cb)));
  gtk_box_append (GTK_BOX (item_page), item_header);
  item_scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (item_scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (item_scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  item_clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (item_clamp), 900);
  gtk_widget_set_margin_start (item_clamp, 12);
  gtk_widget_set_margin_end (item_clamp, 12);
  gtk_widget_set_margin_top (item_clamp, 18);
  gtk_widget_set_margin_bottom (item_clamp, 18);
  self->page = CIVIC_ITEM_PAGE (civic_item_page_new ());
  g_signal_connect_swapped (self->page, "add-toast", G_CALLBACK (page_toast_cb), self);
  adw_clamp_set_child (ADW_CLAMP (item_clamp), GTK_WIDGET (self->page));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (item_scrolled), item_clamp);
  gtk_box_append (GTK_BOX (item_page), item_scrolled);
  gtk_stack_add_named (self->pages, item_page, "item");
}

enum {
  PROP_0,
  PROP_N_TO_DO,
  N_PROPS
};

static void
civic_catalogue_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CivicCatalogueView *self = CIVIC_CATALOGUE_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_TO_DO:
      g_value_set_uint (value, self->n_to_do);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_catalogue_view_dispose (GObject *object)
{
  CivicCatalogueView *self = CIVIC_CATALOGUE_VIEW (object);

  self->engine = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->records, civic_record_set_free);
  G_OBJECT_CLASS (civic_catalogue_view_parent_class)->dispose (object);
}

static void
civic_catalogue_view_class_init (CivicCatalogueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CivicSectionClass *section_class = CIVIC_SECTION_CLASS (klass);

  object_class->dispose = civic_catalogue_view_dispose;
  object_class->get_property = civic_catalogue_view_get_property;
  section_class->engine_changed = civic_catalogue_view_engine_changed;

  g_object_class_install_property (object_class, PROP_N_TO_DO,
                                   g_param_spec_uint ("n-to-do", NULL, NULL, 0, G_MAXUINT, 0,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                      G_PARAM_EXPLICIT_NOTIFY));
  gtk_widget_class_install_action (widget_class, "catalogue.new", NULL, new_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "catalogue.new", NULL);
}

static void
civic_catalogue_view_init (CivicCatalogueView *self)
{
  self->records = civic_record_set_new ();
  g_signal_group_connect_swapped (civic_section_get_engine_signals (CIVIC_SECTION (self)),
                                  "cases-changed", G_CALLBACK (reload), self);
  build (self);
}
