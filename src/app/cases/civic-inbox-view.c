/* civic-inbox-view.c — the workflow inbox: queues, search, filters, a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-inbox-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-case-index.h"
#include "civic-case-kind.h"
#include "civic-case-list.h"
#include "civic-case-page.h"
#include "civic-case-row.h"
#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-inbox-view.h"
#include "civic-accessible.h"
#include "civic-json.h"
#include "civic-sync-banner.h"
#include "civic-sync-indicator.h"
#include "civic-section.h"

/* A list | case leaflet: on a wide window the list and the case side by
 * side, on a narrow one the list, then the case. The list is a GtkListView
 * on a CivicCaseList, which reads from the cache only the rows shown.
 * Several cases can be selected for a batch action; each case is checked
 * by the rules on its own, and a report says what was done and what the
 * rules refused, and why. */

struct _CivicInboxView
{
  AdwBin              parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  AdwWindowTitle     *title_widget;
  GtkMenuButton      *filter_button;
  GtkRevealer        *filter_revealer;
  GtkLabel           *filter_label;
  GtkToggleButton    *search_button;
  CivicSyncIndicator *sync_indicator;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  CivicSyncBanner    *banner;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkRevealer        *batch_revealer;
  GtkLabel           *batch_label;
  CivicCasePage      *case_page;
  GtkDropDown        *sort_dropdown;
  GtkDropDown        *state_dropdown;
  GtkDropDown        *item_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *channel_dropdown;
  GtkDropDown        *joint_dropdown;

  CivicSyncEngine    *engine;          /* the section's */
  CivicCaseList      *list;
  GtkMultiSelection  *selection;
  CivicInboxQueue     queue;
  GPtrArray          *item_codes;     /* the service items offered, by position */
  gboolean            items_loaded;
  GtkSliceListModel  *slice;         /* of list: see open_slice_cb () */
  gboolean            sized;
  gboolean            updating_filters;
};

G_DEFINE_FINAL_TYPE (CivicInboxView, civic_inbox_view, CIVIC_TYPE_SECTION)

/* The case page's toasts go up with the inbox's own. */
static void
case_page_add_toast_cb (CivicInboxView *self,
                        AdwToast       *toast)
{
  g_signal_emit_by_name (self, "add-toast", toast);
}

/* In the order of the drop-downs */
static const char *statuses[] = { NULL, "green", "yellow", "red", "paused", "waiting", "done" };
static const int joints[] = { -1, 1, 0 };

const char *
civic_inbox_queue_get_label (CivicInboxQueue queue)
{
  switch (queue)
    {
    case CIVIC_INBOX_MINE: return _("My Tasks");
    case CIVIC_INBOX_DEPARTMENT: return _("Department Queue");
    case CIVIC_INBOX_WATCHING: return _("Watching");
    case CIVIC_INBOX_DONE: return _("Done");
    case CIVIC_INBOX_ALL:
    default:
      return _("All Cases");
    }
}

static const char *
state_at (guint position)
{
  GEnumClass *klass;
  const char *nick = NULL;

  if (position == 0)
    return NULL;
  klass = g_type_class_ref (CIVIC_TYPE_CASE_STATE);
  if (position - 1 < klass->n_values)
    nick = klass->values[position - 1].value_nick;
  g_type_class_unref (klass);
  return nick;
}

static const char *
channel_at (guint position)
{
  GEnumClass *klass;
  const char *nick = NULL;

  if (position == 0)
    return NULL;
  klass = g_type_class_ref (CIVIC_TYPE_CHANNEL);
  if (position - 1 < klass->n_values)
    nick = klass->values[position - 1].value_nick;
  g_type_class_unref (klass);
  return nick;
}

/* The filter from the widgets */
static void
read_filter (CivicInboxView   *self,
             CivicInboxFilter *filter)
{
  guint item = gtk_drop_down_get_selected (self->item_dropdown);

  filter->queue = self->queue;
  filter->state = state_at (gtk_drop_down_get_selected (self->state_dropdown));
  filter->item_code = item > 0 && item < self->item_codes->len
                      ? g_ptr_array_index (self->item_codes, item) : NULL;
  filter->status = statuses[MIN (gtk_drop_down_get_selected (self->status_dropdown),
                                 G_N_ELEMENTS (statuses) - 1)];
  filter->channel = channel_at (gtk_drop_down_get_selected (self->channel_dropdown));
  filter->joint = joints[MIN (gtk_drop_down_get_selected (self->joint_dropdown),
                              G_N_ELEMENTS (joints) - 1)];
  filter->text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter->sort = MIN (gtk_drop_down_get_selected (self->sort_dropdown), CIVIC_INBOX_SORT_UPDATED);
}

/* What each drop-down of the filter popover chooses, in the order of
 * civic_inbox_view_init()'s: how it is named to a screen reader and in
 * the line that says which filters are on. */
static const char *dropdown_names[] = { N_("Sort by"), N_("State"), N_("Service item"),
                                        N_("Time limit"), N_("Channel"), N_("Departments") };

static gboolean
is_filtered (const CivicInboxFilter *filter)
{
  return filter->state || filter->item_code || filter->status || filter->channel ||
         filter->joint >= 0;
}

/* Which filters are on, in words, with the way to clear them: not only
 * a highlighted icon. */
static void
update_filter_line (CivicInboxView *self,
                    gboolean        filtered)
{
  GtkDropDown *filters[] = { self->state_dropdown, self->item_dropdown, self->status_dropdown,
                             self->channel_dropdown, self->joint_dropdown };
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_revealer_set_reveal_child (self->filter_revealer, filtered);
  if (!filtered)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      GObject *chosen = gtk_drop_down_get_selected_item (filters[i]);

      if (gtk_drop_down_get_selected (filters[i]) == 0 || !GTK_IS_STRING_OBJECT (chosen))
        continue;
      if (text->len > 0)
        g_string_append (text, C_("list", ", "));
      /* Translators: one filter that is on: what it chooses, then what is
       * chosen, "State: Under review" */
      g_string_append_printf (text, _("%s: %s"), _(dropdown_names[i + 1]),
                              gtk_string_object_get_string (GTK_STRING_OBJECT (chosen)));
    }
  {
    /* Translators: %s lists the filters that are on */
    g_autofree char *line = g_strdup_printf (_("Filtered by %s"), text->str);

    gtk_label_set_label (self->filter_label, line);
  }
}

static void
update_title (CivicInboxView *self)
{
  const CivicInboxFilter *filter;
  g_autofree char *subtitle = NULL;
  guint n;

  /* A supervisor's client holds their own department's cases and those
   * they opened from Supervision, not the province's (civic-feed.c) */
  if (self->engine != NULL && self->queue == CIVIC_INBOX_ALL &&
      civic_actor_has_role (civic_cache_get_me (civic_sync_engine_get_cache (self->engine)),
                            CIVIC_ROLE_SUPERVISOR))
    adw_window_title_set_title (self->title_widget, _("Cases Kept Offline"));
  else
    adw_window_title_set_title (self->title_widget, civic_inbox_queue_get_label (self->queue));
  if (self->list == NULL)
    {
      adw_window_title_set_subtitle (self->title_widget, "");
      return;
    }

  filter = civic_case_list_get_filter (self->list);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (is_filtered (filter) || (filter->text != NULL && *filter->text != '\0'))
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case found", "%u cases found",
                                             n), n);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", n), n);
  adw_window_title_set_subtitle (self->title_widget, subtitle);

  if (is_filtered (filter))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  update_filter_line (self, is_filtered (filter));

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if ((filter->text != NULL && *filter->text != '\0') || is_filtered (filter))
        {
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Cases Found"));
          adw_status_page_set_description (self->empty_page,
                                           _("Try other words, or fewer filters"));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, "object-select-symbolic");
          adw_status_page_set_title (self->empty_page, _("Nothing Here"));
          adw_status_page_set_description (self->empty_page,
                                           self->queue == CIVIC_INBOX_MINE
                                           ? _("No case is waiting for you. The department queue "
                                               "has the cases you may claim.")
                                           : NULL);
        }
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
apply_filter (CivicInboxView *self)
{
  CivicInboxFilter filter = { 0, };

  if (self->list == NULL || self->updating_filters)
    return;

  read_filter (self, &filter);
  civic_case_list_set_filter (self->list, &filter);
  update_title (self);
}

/* Selection */

static void
update_batch (CivicInboxView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  guint64 n;

  if (self->selection == NULL)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n = gtk_bitset_get_size (selected);
  gtk_revealer_set_reveal_child (self->batch_revealer, n > 1);
  if (n > 1)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected",
                                                            "%u selected", (guint) n), (guint) n);

      gtk_label_set_label (self->batch_label, text);
    }
}

static void
show_case (CivicInboxView *self,
           const char     *case_id,
           gboolean        navigate)
{
  civic_case_page_set_case_id (self->case_page, case_id);
  /* Side by side, the case is what the official reads: narrowing the
   * window then keeps it, not the list. */
  if (navigate || !adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->case_page));
}

/**
 * civic_inbox_view_is_reading:
 *
 * Returns: whether the official reads a case (in one column, it is what
 *   shows)
 */
gboolean
civic_inbox_view_is_reading (CivicInboxView *self)
{
  g_return_val_if_fail (CIVIC_IS_INBOX_VIEW (self), FALSE);
  return adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->case_page) &&
         civic_case_page_get_case_id (self->case_page) != NULL;
}

static void
selection_changed_cb (CivicInboxView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  update_batch (self);

  /* One case chosen: it is shown. On a narrow window it waits for
   * Enter or a click, so moving through the list stays in the list. */
  if (gtk_bitset_get_size (selected) == 1)
    {
      g_autoptr(CivicCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                             gtk_bitset_get_nth (selected, 0));

      if (item != NULL && !adw_leaflet_get_folded (self->leaflet))
        show_case (self, civic_case_item_get_id (item), FALSE);
    }
}

static void
list_activate_cb (CivicInboxView *self,
                  guint           position)
{
  g_autoptr(CivicCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    {
      show_case (self, civic_case_item_get_id (item), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->case_page));
    }
}

static GPtrArray *
selected_ids (CivicInboxView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(CivicCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (item != NULL)
        g_ptr_array_add (ids, g_strdup (civic_case_item_get_id (item)));
    }
  return ids;
}

/* Batch actions */

static void
batch_perform (CivicInboxView *self,
               CivicAction     action,
               JsonObject     *args,
               GPtrArray      *ids)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  guint done = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(CivicCase) kase = civic_cache_load_case (civic_sync_engine_get_cache (self->engine),
                                                         id, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *command = NULL;
      const char *number = kase ? civic_case_get_number (kase) : id;

      command = civic_sync_engine_perform (self->engine, id, action, args, &error);
      if (command != NULL)
        {
          done++;
          /* Translators: a case number, then what happened */
          g_string_append_printf (report, _("%s: done\n"), number);
        }
      else
        /* Translators: a case number, then the rules' reason */
        g_string_append_printf (report, _("%s: refused — %s\n"), number, error->message);
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u of %u case",
                                          "%s: %u of %u cases", ids->len),
                             civic_action_get_label (action), done, ids->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, report->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
batch_claim_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CivicInboxView *self = CIVIC_INBOX_VIEW (widget);
  g_autoptr(GPtrArray) ids = selected_ids (self);
  g_autoptr(JsonObject) args = json_object_new ();

  batch_perform (self, CIVIC_ACTION_CLAIM, args, ids);
}

/* A batch dialog's answer, for the cases chosen when it opened */
typedef struct
{
  CivicInboxView *self;
  GPtrArray      *ids;
} Batch;

static void
batch_free (Batch *batch)
{
  g_object_unref (batch->self);
  g_ptr_array_unref (batch->ids);
  g_free (batch);
}

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Batch *batch = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);

  if (args != NULL && batch->self->engine != NULL)
    batch_perform (batch->self, civic_action_dialog_get_action (dialog), args, batch->ids);
  batch_free (batch);
}

static void
batch_decide_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CivicInboxView *self = CIVIC_INBOX_VIEW (widget);
  g_autoptr(GPtrArray) ids = selected_ids (self);
  g_autoptr(CivicCase) first = NULL;
  CivicActionDialog *dialog;
  Batch *batch;

  if (ids->len == 0)
    return;

  first = civic_cache_load_case (civic_sync_engine_get_cache (self->engine),
                                 g_ptr_array_index (ids, 0), NULL);
  if (first == NULL)
    return;

  dialog = civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->engine,
                                    &civic_case_kind, G_OBJECT (first), CIVIC_ACTION_DECIDE,
                                    ids->len);
  batch = g_new0 (Batch, 1);
  batch->self = g_object_ref (self);
  batch->ids = g_ptr_array_ref (ids);
  civic_action_dialog_run_async (dialog, NULL, batch_done_cb, batch);
}

static void
unselect_all_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CivicInboxView *self = CIVIC_INBOX_VIEW (widget);

  if (self->selection != NULL)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CivicInboxView *self = CIVIC_INBOX_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Search */

static void
search_changed_cb (CivicInboxView *self)
{
  apply_filter (self);
}

static void
stop_search_cb (CivicInboxView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->search_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_activate_cb (CivicInboxView *self)
{
  /* Enter in the search goes to the first case found. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
      list_activate_cb (self, 0);
    }
}

void
civic_inbox_view_focus_search (CivicInboxView *self)
{
  g_return_if_fail (CIVIC_IS_INBOX_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
reset_filters_cb (CivicInboxView *self)
{
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  gtk_drop_down_set_selected (self->item_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
  gtk_drop_down_set_selected (self->joint_dropdown, 0);
  self->updating_filters = FALSE;
  apply_filter (self);
}

/* The list's rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CivicInboxView           *self)
{
  gtk_list_item_set_child (list_item, civic_case_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CivicInboxView           *self)
{
  CivicCaseItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL && self->engine != NULL)
    civic_case_row_bind (CIVIC_CASE_ROW (gtk_list_item_get_child (list_item)), item,
                         civic_sync_engine_get_calendar (self->engine),
                         civic_cache_get_me (civic_sync_engine_get_cache (self->engine))->id);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CivicInboxView           *self)
{
  civic_case_row_unbind (CIVIC_CASE_ROW (gtk_list_item_get_child (list_item)));
}

/* The service items, for the filter: those of the cases held. */
static void
load_items (CivicInboxView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) items = NULL;

  g_ptr_array_set_size (self->item_codes, 0);
  g_ptr_array_add (self->item_codes, NULL);
  gtk_string_list_append (names, _("All items"));

  if (self->engine != NULL)
    items = civic_cache_load_entities (civic_sync_engine_get_cache (self->engine), CIVIC_ENTITY_ITEM, NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      JsonObject *item = json_node_get_object (g_ptr_array_index (items, i));
      const char *code = json_object_get_string_member_with_default (item, "code", NULL);
      const char *name = json_object_get_string_member_with_default (item, "name", code);
      const char *department = json_object_get_string_member_with_default (item, "department",
                                                                           NULL);
      const CivicActor *me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));

      /* An official sees their department's items; a supervisor all. */
      if (code == NULL ||
          (!civic_actor_has_role (me, CIVIC_ROLE_SUPERVISOR) && department != NULL &&
           g_strcmp0 (department, me->department_id) != 0))
        continue;
      g_ptr_array_add (self->item_codes, g_strdup (code));
      gtk_string_list_append (names, name);
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->item_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->item_dropdown, 0);
  self->updating_filters = FALSE;
}

static void
filter_popover_shown_cb (CivicInboxView *self)
{
  if (!self->items_loaded && self->engine != NULL)
    {
      load_items (self);
      self->items_loaded = TRUE;
    }
}

static void
cases_changed_cb (CivicInboxView *self)
{
  if (self->list == NULL)
    return;

  /* The catalogue arrives with the first sync: read it again if the
   * filter was opened before it came (only "All items" then, so no
   * choice is lost). */
  if (self->items_loaded && self->item_codes->len <= 1)
    self->items_loaded = FALSE;

  civic_case_list_refresh (self->list);
  update_title (self);
  update_batch (self);
  civic_case_page_reload (self->case_page);
}

/**
 * civic_inbox_view_set_engine:
 *
 * Shows the cases of the signed-in official's offline copy.
 */
/* GtkListView (4.8) keeps 200 rows around what it shows, and makes them
 * all as soon as it has a model: 200 ms before the first case appears,
 * and a frozen window when the list is swapped at once. The list comes
 * through a slice: one screenful first, then a few rows more each frame
 * until the view has all the rows it keeps, then the whole list. */
#define FIRST_SCREENFUL 20
#define ROWS_PER_FRAME 20
#define ROWS_KEPT 200

static gboolean
open_slice_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  CivicInboxView *self = data;
  guint size;

  if (self->slice == NULL)
    return G_SOURCE_REMOVE;
  if (gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;  /* not drawn yet */

  size = gtk_slice_list_model_get_size (self->slice);
  if (size + ROWS_PER_FRAME < ROWS_KEPT)
    {
      gtk_slice_list_model_set_size (self->slice, size + ROWS_PER_FRAME);
      return G_SOURCE_CONTINUE;
    }
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* The header's indicator, the banner and the case page are bound to the
 * section's engine in the template: they have the new one already. */
static void
civic_inbox_view_engine_changed (CivicSection    *section,
                                 CivicSyncEngine *engine)
{
  CivicInboxView *self = CIVIC_INBOX_VIEW (section);

  self->engine = engine;

  g_clear_object (&self->list);
  g_clear_object (&self->slice);
  g_clear_object (&self->selection);
  gtk_list_view_set_model (self->list_view, NULL);

  /* The service items are read when the filters are first opened. */
  self->items_loaded = FALSE;

  if (engine != NULL)
    {
      CivicInboxFilter filter = { 0, };

      self->list = civic_case_list_new (civic_sync_engine_get_cache (engine));
      read_filter (self, &filter);
      civic_case_list_set_filter (self->list, &filter);
      /* Whole at once when the view has shown a list before. */
      self->slice = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->list)), 0,
                                              self->sized ? G_MAXUINT : FIRST_SCREENFUL);
      self->sized = TRUE;
      self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->slice)));
      g_signal_connect_object (self->selection, "selection-changed",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      if (gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
        gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), open_slice_cb, self, NULL);
    }

  update_title (self);
  update_batch (self);
}

void
civic_inbox_view_set_queue (CivicInboxView  *self,
                            CivicInboxQueue  queue)
{
  g_return_if_fail (CIVIC_IS_INBOX_VIEW (self));

  if (self->queue == queue && self->list != NULL &&
      civic_case_list_get_filter (self->list)->queue == queue)
    return;

  self->queue = queue;
  apply_filter (self);
  update_title (self);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

CivicInboxQueue
civic_inbox_view_get_queue (CivicInboxView *self)
{
  g_return_val_if_fail (CIVIC_IS_INBOX_VIEW (self), CIVIC_INBOX_MINE);
  return self->queue;
}

static const char *sort_names[] = { "due", "received", "updated" };

static gboolean
sort_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_str_equal (name, sort_names[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
sort_to_setting (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  guint sort = g_value_get_uint (value);

  return g_variant_new_string (sort_names[MIN (sort, G_N_ELEMENTS (sort_names) - 1)]);
}

/**
 * civic_inbox_view_bind_settings:
 *
 * The order of the cases is the official's, from one start to the next.
 */
void
civic_inbox_view_bind_settings (CivicInboxView *self,
                                GSettings      *settings)
{
  g_return_if_fail (CIVIC_IS_INBOX_VIEW (self));

  g_settings_bind_with_mapping (settings, "inbox-sort", self->sort_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, sort_from_setting, sort_to_setting,
                                NULL, NULL);
}

/**
 * civic_inbox_view_open_case:
 *
 * Shows a case, wherever it is in the lists: from a notification.
 */
void
civic_inbox_view_open_case (CivicInboxView *self,
                            const char     *case_id)
{
  g_return_if_fail (CIVIC_IS_INBOX_VIEW (self));
  show_case (self, case_id, TRUE);
}

/**
 * civic_inbox_view_start_action:
 *
 * Takes @action on the case shown, from a keyboard shortcut: the rules
 * say no, and why, when it is not this official's to take now.
 */
void
civic_inbox_view_start_action (CivicInboxView *self,
                               CivicAction     action)
{
  CivicCase *kase;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CIVIC_IS_INBOX_VIEW (self));

  /* The case page must be in front of the official: on a narrow window
   * showing the list, the case behind it is not the one they look at. */
  kase = civic_case_page_get_case (self->case_page);
  if (kase == NULL || self->engine == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->case_page)) ||
      (adw_leaflet_get_folded (self->leaflet) &&
       adw_leaflet_get_visible_child (self->leaflet) != GTK_WIDGET (self->case_page)))
    {
      civic_section_toast (CIVIC_SECTION (self), _("Choose a case first"));
      return;
    }

  if (!civic_sync_engine_check (self->engine, civic_case_get_id (kase), action, &error))
    {
      civic_section_toast (CIVIC_SECTION (self), error->message);
      return;
    }

  civic_case_page_start_action (self->case_page, action);
}

void
civic_inbox_view_refresh (CivicInboxView *self)
{
  g_return_if_fail (CIVIC_IS_INBOX_VIEW (self));
  cases_changed_cb (self);
}

GListModel *
civic_inbox_view_get_model (CivicInboxView *self)
{
  g_return_val_if_fail (CIVIC_IS_INBOX_VIEW (self), NULL);
  return self->selection ? G_LIST_MODEL (self->selection) : NULL;
}

static void
folded_cb (CivicInboxView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  civic_case_page_set_show_back (self->case_page, folded);
  /* One column: a click (a tap) opens the case, as the row has nowhere
   * beside it to show it. */
  gtk_list_view_set_single_click_activate (self->list_view, folded);
  /* Alt+Left goes back to the list only from the case; from the list it
   * is the window's, back to the sidebar. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.back",
                                 folded && adw_leaflet_get_visible_child (self->leaflet) ==
                                           GTK_WIDGET (self->case_page));
}

static void
civic_inbox_view_dispose (GObject *object)
{
  CivicInboxView *self = (CivicInboxView *)object;

  self->engine = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->list);
  /* The bin's child first, whole: then the template's own references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIVIC_TYPE_INBOX_VIEW);

  G_OBJECT_CLASS (civic_inbox_view_parent_class)->dispose (object);
}

static void
civic_inbox_view_finalize (GObject *object)
{
  CivicInboxView *self = (CivicInboxView *)object;

  g_clear_pointer (&self->item_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (civic_inbox_view_parent_class)->finalize (object);
}

static void
civic_inbox_view_class_init (CivicInboxViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_inbox_view_dispose;
  object_class->finalize = civic_inbox_view_finalize;
  CIVIC_SECTION_CLASS (klass)->engine_changed = civic_inbox_view_engine_changed;

  g_type_ensure (CIVIC_TYPE_CASE_PAGE);
  g_type_ensure (CIVIC_TYPE_SYNC_BANNER);
  g_type_ensure (CIVIC_TYPE_SYNC_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/civicdesk/CivicDesk/civic-inbox-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, title_widget);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, search_button);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, banner);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, list_view);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, batch_revealer);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, batch_label);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, case_page);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CivicInboxView, joint_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_page_add_toast_cb);

  gtk_widget_class_install_action (widget_class, "inbox.batch-claim", NULL, batch_claim_activated);
  gtk_widget_class_install_action (widget_class, "inbox.batch-decide", NULL, batch_decide_activated);
  gtk_widget_class_install_action (widget_class, "inbox.unselect-all", NULL, unselect_all_activated);
  gtk_widget_class_install_action (widget_class, "inbox.back", NULL, back_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "inbox.unselect-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "inbox.back", NULL);
}

static GListModel *
enum_labels (GType        type,
             const char  *all,
             const char *(*label_of) (int value))
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GEnumClass *klass = g_type_class_ref (type);

  gtk_string_list_append (labels, all);
  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (labels, label_of (klass->values[i].value));
  g_type_class_unref (klass);
  return G_LIST_MODEL (labels);
}

static const char *state_label (int value) { return civic_case_state_get_label (value); }
static const char *channel_label (int value) { return civic_channel_get_label (value); }

static void
civic_inbox_view_init (CivicInboxView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  const char *sorts[] = { _("Due date"), _("Received, newest first"), _("Last change"), NULL };
  const char *colours[] = { _("Any"), _("Green: on time"), _("Yellow: due soon"),
                            _("Red: overdue"), _("Paused"), _("Waiting for you"), _("Done"),
                            NULL };
  const char *departments[] = { _("Any"), _("Joint cases"), _("One department"), NULL };
  GtkDropDown *dropdowns[6];
  g_autoptr(GListModel) states = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GtkStringList) sort_model = NULL;
  g_autoptr(GtkStringList) colour_model = NULL;
  g_autoptr(GtkStringList) department_model = NULL;
  g_autoptr(GtkExpression) expression = NULL;

  g_signal_group_connect_swapped (civic_section_get_engine_signals (CIVIC_SECTION (self)),
                                  "cases-changed", G_CALLBACK (cases_changed_cb), self);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->item_codes = g_ptr_array_new_with_free_func (g_free);
  self->queue = CIVIC_INBOX_MINE;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  states = enum_labels (CIVIC_TYPE_CASE_STATE, _("Any"), state_label);
  channels = enum_labels (CIVIC_TYPE_CHANNEL, _("Any"), channel_label);
  sort_model = gtk_string_list_new (sorts);
  colour_model = gtk_string_list_new (colours);
  department_model = gtk_string_list_new (departments);
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sort_model));
  gtk_drop_down_set_model (self->state_dropdown, states);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (colour_model));
  gtk_drop_down_set_model (self->channel_dropdown, channels);
  gtk_drop_down_set_model (self->joint_dropdown, G_LIST_MODEL (department_model));
  load_items (self);

  /* The item drop-down searches by name. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->item_dropdown, expression);

  dropdowns[0] = self->sort_dropdown;
  dropdowns[1] = self->state_dropdown;
  dropdowns[2] = self->item_dropdown;
  dropdowns[3] = self->status_dropdown;
  dropdowns[4] = self->channel_dropdown;
  dropdowns[5] = self->joint_dropdown;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      g_signal_connect_swapped (dropdowns[i], "notify::selected", G_CALLBACK (apply_filter), self);
      civic_accessible_name_choices (GTK_WIDGET (dropdowns[i]), _(dropdown_names[i]));
    }

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->filter_button), "show",
                            G_CALLBACK (filter_popover_shown_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child", G_CALLBACK (folded_cb), self);
  folded_cb (self);
  update_title (self);
}
