/* civic-messages-view.c — the Messages section: citizens' consultations, complaints, suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-messages-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-campaign-board.h"
#include "civic-core-enums.h"
#include "civic-due-chip.h"
#include "civic-message-row.h"
#include "civic-json.h"
#include "civic-messages-view.h"
#include "civic-sync-indicator.h"
#include "civic-time.h"

/* What a department's complaint handlers, its reviewer of replies, its
 * head and the hall's dispatch see of citizens' messages (互动交流): the
 * new ones to sign for (for the hall: those to route), the handler's own,
 * the replies waiting for review and the objections the hall decides,
 * every open one, and the answered. Open ones are sorted by the day their
 * running step is due, the most pressing on top; their chip says how
 * long is left under the region's table. A message taken on the phone or
 * at the window is registered here, offline too: it is born in the
 * outbox. Supervisors read every list and change nothing. */

struct _CivicMessagesView
{
  CivicSection       parent_instance;

  /* Template widgets */
  GtkStack          *pages;
  GtkButton         *register_button;
  GtkButton         *campaigns_button;
  CivicCampaignBoard *board;
  GtkToggleButton   *to_sign_button;
  GtkToggleButton   *mine_button;
  GtkToggleButton   *review_button;
  GtkToggleButton   *open_button;
  GtkToggleButton   *answered_button;
  GtkSearchEntry    *search_entry;
  GtkStack          *list_stack;
  GtkListView       *list;
  GListStore        *shown_items;  /* CivicMessageItem, in the queue's order */
  AdwWindowTitle    *message_title;
  CivicMessagePage  *page;

  CivicSyncEngine   *engine;
  CivicRecordSet    *read;       /* the messages as read: only those changed are read again */
  GPtrArray         *messages;   /* CivicMessage, the read set's */
  GHashTable        *pending;    /* ids with commands waiting to be sent */
  CivicMessageList   shown;
  guint              n_to_do;
  const char        *return_to;  /* the page a message's back button goes to */
};

G_DEFINE_FINAL_TYPE (CivicMessagesView, civic_messages_view, CIVIC_TYPE_SECTION)

/**
 * civic_messages_view_shown_to:
 *
 * Whether the section is for @actor: those who work on messages, a
 * department's head (who extends a reply's time), and supervisors
 */
gboolean
civic_messages_view_shown_to (const CivicActor *actor)
{
  return actor != NULL &&
         civic_actor_has_role (actor, CIVIC_ROLES_MESSAGES | CIVIC_ROLE_APPROVER |
                                      CIVIC_ROLE_SUPERVISOR);
}

static const CivicActor *
me (CivicMessagesView *self)
{
  return civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
}

static gboolean
in_list (CivicMessagesView *self,
         CivicMessage      *message,
         CivicMessageList   list)
{
  const CivicActor *actor = me (self);
  CivicMessageState state = civic_message_get_state (message);
  gboolean dispatcher = civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER);
  gboolean own_department = g_strcmp0 (civic_message_get_department_id (message),
                                       actor->department_id) == 0;

  switch (list)
    {
    case CIVIC_MESSAGE_LIST_TO_SIGN:
      return state == CIVIC_MESSAGE_STATE_NEW &&
             (dispatcher ? civic_message_get_department_id (message) == NULL : own_department);
    case CIVIC_MESSAGE_LIST_MINE:
      return civic_message_is_open (message) &&
             g_strcmp0 (civic_message_get_assignee_id (message), actor->id) == 0;
    case CIVIC_MESSAGE_LIST_REVIEW:
      return (state == CIVIC_MESSAGE_STATE_REPLY_IN_REVIEW && own_department) ||
             (state == CIVIC_MESSAGE_STATE_SENT_BACK && dispatcher);
    case CIVIC_MESSAGE_LIST_OPEN:
      return civic_message_is_open (message) &&
             (own_department || dispatcher ||
              civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR));
    case CIVIC_MESSAGE_LIST_ANSWERED:
    default:
      return !civic_message_is_open (message);
    }
}

/* The receipt, the subject and the citizen's text: the citizen is not
 * searched, since the offline copy has only their masked name */
static gboolean
matches_search (const char   *needle,
                CivicMessage *message)
{
  const char *fields[] = { civic_message_get_receipt (message), civic_message_get_subject (message),
                           civic_message_get_body (message) };

  if (needle == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = fields[i] != NULL ? g_utf8_casefold (fields[i], -1) : NULL;

      if (folded != NULL && strstr (folded, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A message of the list shown, its clock read once for its place and chip */
typedef struct
{
  CivicMessage *message;
  CivicDay      sort_day;   /* open: the running step's due day; else the day received */
  CivicDay      due;
  const char   *status;
} Shown;

static int
compare_shown (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  CivicMessagesView *self = user_data;
  const Shown *x = a, *y = b;

  if (x->sort_day != y->sort_day)
    {
      gboolean ascending = self->shown != CIVIC_MESSAGE_LIST_ANSWERED;

      return (x->sort_day < y->sort_day) == ascending ? -1 : 1;
    }
  return g_strcmp0 (civic_message_get_receipt (x->message),
                    civic_message_get_receipt (y->message));
}

/* The queue shown, filtered and sorted from the messages read; the list
 * view makes rows only for what is on screen */
static void
fill_list (CivicMessagesView *self)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (Shown));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = text != NULL && *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  CivicDay today = civic_time_today ();
  CivicCalendar *calendar;

  if (self->engine != NULL && self->messages != NULL)
    {
      calendar = civic_sync_engine_get_calendar (self->engine);
      for (guint i = 0; i < self->messages->len; i++)
        {
          CivicMessage *message = g_ptr_array_index (self->messages, i);
          Shown item = { message, civic_message_get_received_on (message), CIVIC_DAY_INVALID,
                         NULL };

          if (!in_list (self, message, self->shown) || !matches_search (needle, message))
            continue;
          if (civic_message_is_open (message))
            {
              g_auto(CivicMessageClockReading) reading = { 0 };

              if (civic_message_read_clock (message, calendar, today, &reading))
                {
                  item.due = reading.reading->due;
                  item.status = civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS,
                                                    reading.reading->status);
                }
              item.sort_day = item.due != CIVIC_DAY_INVALID ? item.due : G_MAXUINT32;
            }
          g_array_append_val (shown, item);
        }
      g_array_sort_with_data (shown, compare_shown, self);
    }
  for (guint i = 0; i < shown->len; i++)
    {
      const Shown *item = &g_array_index (shown, Shown, i);

      g_ptr_array_add (items, civic_message_item_new (item->message, item->due, item->status,
                                                      g_hash_table_contains (
                                                        self->pending,
                                                        civic_message_get_id (item->message))));
    }
  g_list_store_splice (self->shown_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown_items)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "empty");
}

/* What waits for this official: to sign for or route, their own open
 * ones, and the reviews and objections that are theirs to decide */
static void
count_to_do (CivicMessagesView *self)
{
  const CivicActor *actor;
  guint n = 0;

  self->n_to_do = 0;
  if (self->engine == NULL || self->messages == NULL)
    return;
  actor = me (self);
  for (guint i = 0; i < self->messages->len; i++)
    {
      CivicMessage *message = g_ptr_array_index (self->messages, i);
      gboolean review = in_list (self, message, CIVIC_MESSAGE_LIST_REVIEW) &&
                        civic_actor_has_role (actor, CIVIC_ROLE_MESSAGE_REVIEWER |
                                                     CIVIC_ROLE_DISPATCHER);
      gboolean sign = in_list (self, message, CIVIC_MESSAGE_LIST_TO_SIGN) &&
                      civic_actor_has_role (actor, CIVIC_ROLE_COMPLAINT_HANDLER |
                                                   CIVIC_ROLE_DISPATCHER);

      n += review || sign || in_list (self, message, CIVIC_MESSAGE_LIST_MINE);
    }
  self->n_to_do = n;
}

static void
reload (CivicMessagesView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_hash_table_remove_all (self->pending);
  if (self->engine != NULL)
    {
      g_autoptr(GPtrArray) local = civic_cache_dup_local (civic_sync_engine_get_cache (self->engine));
      const CivicActor *actor = me (self);

      if (self->read == NULL)
        self->read = civic_record_set_new ();
      if (civic_cache_refresh_records (civic_sync_engine_get_cache (self->engine),
                                       &civic_message_kind, self->read, NULL, &error))
        self->messages = g_ptr_array_ref (civic_record_set_get_records (self->read));
      else
        g_warning ("The messages cannot be read: %s", error->message);
      for (guint i = 0; local != NULL && i < local->len; i++)
        {
          CivicRecordKey *key = g_ptr_array_index (local, i);

          if (g_strcmp0 (key->type, CIVIC_ENTITY_MESSAGE) == 0)
            g_hash_table_add (self->pending, g_strdup (key->id));
        }
      gtk_widget_set_visible (GTK_WIDGET (self->register_button),
                              civic_actor_has_role (actor, CIVIC_ROLE_COMPLAINT_HANDLER |
                                                           CIVIC_ROLE_DISPATCHER));
    }
  count_to_do (self);
  fill_list (self);
  civic_campaign_board_reload (self->board, self->messages);
  if (self->engine != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "message") == 0)
    civic_message_page_reload (self->page);
}

/* Navigation */

static GtkToggleButton *
button_of (CivicMessagesView *self,
           CivicMessageList   list)
{
  GtkToggleButton *buttons[] = { self->to_sign_button, self->mine_button, self->review_button,
                                 self->open_button, self->answered_button };

  g_return_val_if_fail (list < G_N_ELEMENTS (buttons), self->to_sign_button);
  return buttons[list];
}

void
civic_messages_view_show_list (CivicMessagesView *self,
                               CivicMessageList   list)
{
  g_return_if_fail (CIVIC_IS_MESSAGES_VIEW (self));

  self->shown = list;
  gtk_toggle_button_set_active (button_of (self, list), TRUE);
  gtk_stack_set_visible_child_name (self->pages, "list");
  fill_list (self);
}

static void
filter_toggled_cb (CivicMessagesView *self,
                   GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i <= CIVIC_MESSAGE_LIST_ANSWERED; i++)
    if (button_of (self, i) == button && self->shown != i)
      {
        self->shown = i;
        fill_list (self);
      }
}

void
civic_messages_view_set_search (CivicMessagesView *self,
                                const char        *text)
{
  g_return_if_fail (CIVIC_IS_MESSAGES_VIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  fill_list (self);
}

static void
search_changed_cb (CivicMessagesView *self)
{
  fill_list (self);
}

/**
 * civic_messages_view_open_message:
 *
 * Shows the message's page: its thread, its clock, its composer.
 */
void
civic_messages_view_open_message (CivicMessagesView *self,
                                  const char        *message_id)
{
  CivicMessage *message;
  const char *receipt;

  g_return_if_fail (CIVIC_IS_MESSAGES_VIEW (self));

  civic_message_page_show_message (self->page, message_id);
  message = civic_message_page_get_message (self->page);
  receipt = message != NULL ? civic_message_get_receipt (message) : NULL;
  adw_window_title_set_title (self->message_title,
                              receipt != NULL ? receipt : C_("page title", "Message"));
  adw_window_title_set_subtitle (self->message_title,
                                 message != NULL ? civic_message_kind_get_label (
                                   civic_message_get_kind (message)) : "");
  /* Back where it was opened from: the queues, or the campaign's board */
  self->return_to = g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "campaigns") == 0
                    ? "campaigns" : "list";
  gtk_stack_set_visible_child_name (self->pages, "message");
}

/**
 * civic_messages_view_show_campaigns:
 *
 * Shows the department's idea campaigns, the latest first, and the
 * chosen one's ideas as a board.
 */
void
civic_messages_view_show_campaigns (CivicMessagesView *self)
{
  g_return_if_fail (CIVIC_IS_MESSAGES_VIEW (self));

  civic_campaign_board_reload (self->board, self->messages);
  gtk_stack_set_visible_child_name (self->pages, "campaigns");
}

CivicCampaignBoard *
civic_messages_view_get_board (CivicMessagesView *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGES_VIEW (self), NULL);
  return self->board;
}

static void
campaigns_clicked_cb (CivicMessagesView *self)
{
  civic_messages_view_show_campaigns (self);
}

static void
back_cb (CivicMessagesView *self)
{
  gtk_stack_set_visible_child_name (self->pages, "list");
  reload (self);
}

static void
message_back_cb (CivicMessagesView *self)
{
  gtk_stack_set_visible_child_name (self->pages, self->return_to != NULL ? self->return_to
                                                                         : "list");
  reload (self);
}

static void
board_open_cb (CivicMessagesView *self,
               const char        *message_id)
{
  civic_messages_view_open_message (self, message_id);
}

static void
list_activate_cb (CivicMessagesView *self,
                  guint              position)
{
  g_autoptr(CivicMessageItem) item = g_list_model_get_item (G_LIST_MODEL (self->shown_items),
                                                            position);

  if (item != NULL)
    civic_messages_view_open_message (self, civic_message_get_id (
                                        civic_message_item_get_message (item)));
}

/* A message taken on the phone, at the window or by letter: born in the
 * offline copy under a fresh id; the service gives it its receipt and
 * the region's time limits */
static void
register_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CivicMessagesView) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;

  if (args == NULL || self->engine == NULL)
    return;
  command = civic_sync_engine_perform_message (self->engine, id, CIVIC_MESSAGE_ACTION_REGISTER,
                                               args, &error);
  if (command == NULL)
    {
      civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                     register_done_cb, g_object_ref (self));
      return;
    }
  civic_section_toast (CIVIC_SECTION (self), civic_command_past_tense ("register-message"));
  reload (self);
  civic_messages_view_open_message (self, id);
}

/**
 * civic_messages_view_register:
 *
 * Asks for a message received outside the public side
 * (register-message's form).
 */
void
civic_messages_view_register (CivicMessagesView *self)
{
  const CivicActor *actor;
  g_autoptr(CivicMessage) blank = NULL;
  g_autofree char *id = g_uuid_string_random ();
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_MESSAGES_VIEW (self));

  if (self->engine == NULL)
    return;
  actor = me (self);
  if (!civic_actor_has_role (actor, CIVIC_ROLE_COMPLAINT_HANDLER | CIVIC_ROLE_DISPATCHER))
    return;
  blank = civic_message_new (id, civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER)
                                 ? NULL : actor->department_id);
  dialog = civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->engine, &civic_message_kind, G_OBJECT (blank),
                                    CIVIC_MESSAGE_ACTION_REGISTER, 1);
  civic_action_dialog_run_async (dialog, NULL, register_done_cb, g_object_ref (self));
}

static void
register_clicked_cb (CivicMessagesView *self)
{
  civic_messages_view_register (self);
}

static void
register_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  civic_messages_view_register (CIVIC_MESSAGES_VIEW (widget));
}

guint
civic_messages_view_get_n_to_do (CivicMessagesView *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGES_VIEW (self), 0);
  return self->n_to_do;
}

/**
 * civic_messages_view_get_shown:
 *
 * Returns: (transfer none): the queue shown, as #CivicMessageItem
 */
GListModel *
civic_messages_view_get_shown (CivicMessagesView *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGES_VIEW (self), NULL);
  return G_LIST_MODEL (self->shown_items);
}

CivicMessagePage *
civic_messages_view_get_page (CivicMessagesView *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGES_VIEW (self), NULL);
  return self->page;
}

static void
page_toast_cb (CivicMessagesView *self,
               AdwToast          *toast)
{
  g_signal_emit_by_name (self, "add-toast", toast);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CivicMessagesView        *self)
{
  gtk_list_item_set_child (list_item, civic_message_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CivicMessagesView        *self)
{
  CivicMessageItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL && self->engine != NULL)
    civic_message_row_bind (CIVIC_MESSAGE_ROW (gtk_list_item_get_child (list_item)), item,
                            civic_sync_engine_get_calendar (self->engine), civic_time_today ());
}

static void
civic_messages_view_engine_changed (CivicSection    *section,
                                    CivicSyncEngine *engine)
{
  CivicMessagesView *self = CIVIC_MESSAGES_VIEW (section);

  self->engine = engine;
  /* Another official's offline copy: read it whole */
  g_clear_pointer (&self->read, civic_record_set_free);
  civic_message_page_set_engine (self->page, engine);
  civic_campaign_board_set_engine (self->board, engine);
  gtk_stack_set_visible_child_name (self->pages, "list");
  reload (self);
}

static void
civic_messages_view_dispose (GObject *object)
{
  CivicMessagesView *self = CIVIC_MESSAGES_VIEW (object);

  self->engine = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIVIC_TYPE_MESSAGES_VIEW);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_clear_pointer (&self->read, civic_record_set_free);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->shown_items);
  G_OBJECT_CLASS (civic_messages_view_parent_class)->dispose (object);
}

static void
civic_messages_view_class_init (CivicMessagesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CivicSectionClass *section_class = CIVIC_SECTION_CLASS (klass);

  object_class->dispose = civic_messages_view_dispose;
  section_class->engine_changed = civic_messages_view_engine_changed;

  gtk_widget_class_install_action (widget_class, "messages.register", NULL, register_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "messages.register", NULL);

  g_type_ensure (CIVIC_TYPE_SYNC_INDICATOR);
  g_type_ensure (CIVIC_TYPE_MESSAGE_PAGE);
  g_type_ensure (CIVIC_TYPE_CAMPAIGN_BOARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/civicdesk/CivicDesk/civic-messages-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, pages);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, register_button);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, campaigns_button);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, board);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, to_sign_button);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, mine_button);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, review_button);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, open_button);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, answered_button);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, list);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, message_title);
  gtk_widget_class_bind_template_child (widget_class, CivicMessagesView, page);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
  gtk_widget_class_bind_template_callback (widget_class, message_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, campaigns_clicked_cb);
}

static void
civic_messages_view_init (CivicMessagesView *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_group_connect_swapped (civic_section_get_engine_signals (CIVIC_SECTION (self)),
                                  "cases-changed", G_CALLBACK (reload), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->page, "add-toast", G_CALLBACK (page_toast_cb), self);
  g_signal_connect_swapped (self->board, "add-toast", G_CALLBACK (page_toast_cb), self);
  g_signal_connect_swapped (self->board, "open-message", G_CALLBACK (board_open_cb), self);

  /* The rows, made for what is on screen */
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkNoSelection) selection = NULL;

    self->shown_items = g_list_store_new (CIVIC_TYPE_MESSAGE_ITEM);
    selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown_items)));
    g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
    gtk_list_view_set_factory (self->list, factory);
    g_object_unref (factory);
    gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  }
}
