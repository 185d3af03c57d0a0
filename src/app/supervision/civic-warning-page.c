/* civic-warning-page.c — one supervision card: what it asks, its time, and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-warning-page"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-due-chip.h"
#include "civic-page-rows.h"
#include "civic-time.h"
#include "civic-toast.h"
#include "civic-warning-kind.h"
#include "civic-warning-page.h"

/* What a card (督办) says, top to bottom: the steps the rules allow this
 * official now — the head replies, the supervisor closes it or returns
 * it for more; the round's time to reply, on the hall's calendar; whom
 * it warns and on which record, with a way to open that record; what
 * must be put right; and every step so far, with the department's
 * measures and the supervisor's reasons. Every step goes through the
 * sync engine, so a reply written offline goes out when the desk is back
 * on line. */

struct _CivicWarningPage
{
  GtkBox            parent_instance;

  CivicSyncEngine  *engine;
  char             *warning_id;
  CivicWarning     *warning;
  GtkWidget        *scrolled;
  GtkWidget        *content;
};

G_DEFINE_FINAL_TYPE (CivicWarningPage, civic_warning_page, GTK_TYPE_BOX)

static guint toast_signal;

/**
 * civic_warning_describe_department:
 *
 * Returns: (transfer full): the department's name as the users
 * directory has it, or its id
 */
char *
civic_warning_describe_department (CivicSyncEngine *engine,
                                   const char      *department_id)
{
  g_autoptr(JsonNode) department = NULL;
  const char *name = NULL;

  if (engine != NULL && department_id != NULL)
    department = civic_cache_load_entity (civic_sync_engine_get_cache (engine),
                                          CIVIC_ENTITY_DEPARTMENT, department_id, NULL);
  if (department != NULL && JSON_NODE_HOLDS_OBJECT (department))
    name = json_object_get_string_member_with_default (json_node_get_object (department), "name",
                                                       NULL);
  return g_strdup (name != NULL ? name : department_id);
}

/* Acting */

static gboolean
perform (CivicWarningPage    *self,
         CivicWarningAction   action,
         JsonObject          *args,
         GError             **error)
{
  g_autofree char *command = civic_sync_engine_perform_action (self->engine, &civic_warning_kind,
                                                               self->warning_id, action, args,
                                                               error);

  if (command == NULL)
    return FALSE;
  civic_toast_emit (self, toast_signal,
                    civic_command_past_tense (civic_warning_kind.action_to_string (action)));
  return TRUE;
}

static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicWarningPage) self = user_data;
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
 * civic_warning_page_start_action:
 *
 * Takes @action on the card shown, through its form.
 */
void
civic_warning_page_start_action (CivicWarningPage   *self,
                                 CivicWarningAction  action)
{
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_WARNING_PAGE (self));

  if (self->warning == NULL || self->engine == NULL)
    return;
  dialog = civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->engine, &civic_warning_kind, G_OBJECT (self->warning),
                                    action, 1);
  civic_action_dialog_run_async (dialog, NULL, dialog_done_cb, g_object_ref (self));
}

static void
act_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  guint action;

  if (civic_warning_kind.action_from_string (g_variant_get_string (parameter, NULL), &action))
    civic_warning_page_start_action (CIVIC_WARNING_PAGE (widget), action);
}

/* Building */

static void
clear_content (CivicWarningPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
}

/* The step the card waits for as the suggested button: a reply, then
 * the supervisor's closing */
static void
add_actions (CivicWarningPage *self,
             GArray           *actions)
{
  GtkWidget *box;

  if (actions->len == 0)
    return;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actions"), -1);
  for (guint i = 0; i < actions->len; i++)
    {
      CivicWarningAction action = g_array_index (actions, guint, i);
      g_autofree char *label = g_strdup_printf ("%s…", civic_warning_action_get_label (action));
      g_autofree char *detailed = g_strdup_printf ("warning.act::%s",
                                                   civic_warning_kind.action_to_string (action));
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), detailed);
      if (action == CIVIC_WARNING_ACTION_REPLY || action == CIVIC_WARNING_ACTION_CLOSE)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_box_prepend (GTK_BOX (box), button);
        }
      else
        {
          if (action == CIVIC_WARNING_ACTION_WITHDRAW)
            gtk_widget_add_css_class (button, "destructive-action");
          gtk_box_append (GTK_BOX (box), button);
        }
    }
  gtk_box_append (GTK_BOX (self->content), box);
}

/* The round's time to reply, and the card's place */
static void
add_card (CivicWarningPage *self,
          CivicCalendar    *calendar,
          CivicDay          today)
{
  CivicWarning *warning = self->warning;
  g_autoptr(CivicClock) clock = civic_warning_dup_clock (warning);
  g_autofree char *department = civic_warning_describe_department (
                                  self->engine, civic_warning_get_department_id (warning));
  g_autofree char *issued_on = civic_page_format_day (civic_warning_get_issued_on (warning));
  g_autofree char *issued = NULL;
  g_autofree char *round = NULL;
  GtkWidget *group, *row;

  group = civic_page_group_new (self->content, _("Card"));
  civic_page_row_new (group, _("Department Warned"), department);
  if (civic_warning_get_target_id (warning) != NULL)
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");

      row = civic_page_row_new (group, _("On the Record"), civic_warning_get_target_title (warning));
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open the Record"));
      civic_accessible_set_name (open, _("Open the Record"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "app.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "(ss)",
                                        civic_warning_get_target_type (warning),
                                        civic_warning_get_target_id (warning));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }
  else
    civic_page_row_new (group, _("On the Record"), _("The department as a whole"));
  /* Translators: "2026-03-20, by 赵监察" */
  issued = g_strdup_printf (_("%s, by %s"), issued_on ? issued_on : "—",
                            civic_warning_get_issued_by_name (warning)
                            ? civic_warning_get_issued_by_name (warning) : "—");
  civic_page_row_new (group, C_("card", "Issued"), issued);

  if (clock == NULL)
    return;
  {
    g_autoptr(CivicClockReading) reading = civic_clock_read (clock, calendar, today, NULL);
    g_autofree char *due = civic_page_format_day (reading->due);

    /* Translators: which round of replies a card is in, and its last day: "Round 2, due
     * 2026-04-10" */
    round = g_strdup_printf (_("Round %u, due %s"), civic_warning_get_round (warning), due);
  }
  row = civic_page_row_new (group, _("Time to Reply"), round);
  if (civic_warning_get_state (warning) == CIVIC_WARNING_STATE_OPEN)
    {
      GtkWidget *chip = civic_due_chip_new_explained ();

      civic_due_chip_set_clock (CIVIC_DUE_CHIP (chip), clock, calendar, today);
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
    }
}

static void
add_text (CivicWarningPage *self)
{
  GtkWidget *group = civic_page_group_new (self->content, _("What Must Be Put Right"));

  civic_page_line_new (group, civic_warning_get_text (self->warning), NULL);
}

/* Every step, oldest first, with what was written at it */
static void
add_history (CivicWarningPage *self)
{
  GPtrArray *events = civic_warning_get_events (self->warning);
  GtkWidget *group = civic_page_group_new (self->content, _("History"));

  for (guint i = 0; i < events->len; i++)
    {
      const CivicWarningEvent *event = g_ptr_array_index (events, i);
      g_autofree char *on = civic_page_format_day (event->on);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a step of a card: "Escalated — Red Card" */
      title = g_strdup_printf (_("%s — %s"), civic_warning_event_get_label (event->type),
                               civic_warning_level_get_label (event->level));
      if (event->reply_within > 0)
        /* Translators: "2026-03-20 · 赵监察 · 5 working days to reply" */
        subtitle = g_strdup_printf (ngettext ("%s · %s · %d working day to reply",
                                              "%s · %s · %d working days to reply",
                                              event->reply_within),
                                    on ? on : "—", event->by_name ? event->by_name : "—",
                                    event->reply_within);
      else
        /* Translators: "2026-03-20 · 潘敬超" */
        subtitle = g_strdup_printf (_("%s · %s"), on ? on : "—",
                                    event->by_name ? event->by_name : "—");
      civic_page_row_new (group, title, subtitle);
      if (event->text != NULL)
        civic_page_line_new (group, event->text, NULL);
    }
}

void
civic_warning_page_reload (CivicWarningPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *state = NULL;
  GObject *record;
  GtkWidget *title, *subtitle;

  g_return_if_fail (CIVIC_IS_WARNING_PAGE (self));

  clear_content (self);
  g_clear_object (&self->warning);
  if (self->engine == NULL || self->warning_id == NULL)
    return;

  record = civic_cache_load_record (civic_sync_engine_get_cache (self->engine), &civic_warning_kind,
                                    self->warning_id, &error);
  if (record == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-question-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Such Card"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error ? error->message : NULL);
      gtk_box_append (GTK_BOX (self->content), status);
      return;
    }
  self->warning = CIVIC_WARNING (record);
  actions = civic_sync_engine_list_record_actions (self->engine, &civic_warning_kind, record);

  headline = civic_warning_kind.label (record);
  title = gtk_label_new (headline);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_widget_add_css_class (title, civic_warning_get_level (self->warning) == CIVIC_WARNING_LEVEL_RED
                                   ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  state = civic_warning_kind.describe (record);
  subtitle = gtk_label_new (state);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (self->content), title);
  gtk_box_append (GTK_BOX (self->content), subtitle);

  add_actions (self, actions);
  add_card (self, civic_sync_engine_get_calendar (self->engine), civic_time_today ());
  add_text (self);
  add_history (self);
}

void
civic_warning_page_show (CivicWarningPage *self,
                         const char       *warning_id)
{
  g_return_if_fail (CIVIC_IS_WARNING_PAGE (self));

  if (g_strcmp0 (self->warning_id, warning_id) != 0)
    {
      g_free (self->warning_id);
      self->warning_id = g_strdup (warning_id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                  GTK_SCROLLED_WINDOW (self->scrolled)), 0);
    }
  civic_warning_page_reload (self);
}

/**
 * civic_warning_page_get_warning:
 *
 * Returns: (transfer none) (nullable): the card as shown
 */
CivicWarning *
civic_warning_page_get_warning (CivicWarningPage *self)
{
  g_return_val_if_fail (CIVIC_IS_WARNING_PAGE (self), NULL);
  return self->warning;
}

void
civic_warning_page_set_engine (CivicWarningPage *self,
                               CivicSyncEngine  *engine)
{
  g_return_if_fail (CIVIC_IS_WARNING_PAGE (self));

  if (!g_set_object (&self->engine, engine))
    return;
  civic_warning_page_reload (self);
}

static void
civic_warning_page_dispose (GObject *object)
{
  CivicWarningPage *self = CIVIC_WARNING_PAGE (object);

  if (self->content != NULL)
    clear_content (self);
  g_clear_object (&self->warning);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->warning_id, g_free);
  G_OBJECT_CLASS (civic_warning_page_parent_class)->dispose (object);
}

static void
civic_warning_page_class_init (CivicWarningPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = civic_warning_page_dispose;
  toast_signal = civic_toast_add_signal (G_TYPE_FROM_CLASS (klass));
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "warning.act", "s", act_activated);
}

static void
civic_warning_page_init (CivicWarningPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->content, 18);
  gtk_widget_set_margin_bottom (self->content, 24);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_box_append (GTK_BOX (self), self->scrolled);
}

GtkWidget *
civic_warning_page_new (void)
{
  return g_object_new (CIVIC_TYPE_WARNING_PAGE, NULL);
}
