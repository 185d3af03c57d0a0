/* civic-evaluation-page.c — one citizen's rating: what they gave, and what the department owes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-evaluation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-case.h"
#include "civic-due-chip.h"
#include "civic-evaluation-page.h"
#include "civic-page-rows.h"
#include "civic-time.h"
#include "civic-toast.h"

/* What the department needs of one rating (好差评), top to bottom: what
 * to do next (the actions the rules allow this official now); for a bad
 * one, the time left to rectify it under the region's table; what was
 * rated, with a way to open it; the score and the indicators the channel
 * has, and what the citizen said; who they are as the feed carries them
 * (masked); the return visits, the rectification and the appeal. Every
 * action goes through the sync engine, offline too. */

struct _CivicEvaluationPage
{
  GtkBox            parent_instance;

  CivicSyncEngine  *engine;
  char             *evaluation_id;
  CivicEvaluation  *evaluation;

  GtkWidget        *scrolled;
  GtkWidget        *content;
};

G_DEFINE_FINAL_TYPE (CivicEvaluationPage, civic_evaluation_page, GTK_TYPE_BOX)

static guint toast_signal;

/**
 * civic_evaluation_format_stars:
 *
 * Returns: (transfer full): @rating as five stars, filled and empty:
 * "★★☆☆☆"
 */
char *
civic_evaluation_format_stars (int rating)
{
  GString *stars = g_string_new (NULL);

  for (int i = CIVIC_RATING_MIN; i <= CIVIC_RATING_MAX; i++)
    g_string_append (stars, i <= rating ? "★" : "☆");
  return g_string_free (stars, FALSE);
}

/**
 * civic_evaluation_describe_target:
 *
 * Returns: (transfer full): what was rated, as the offline copy knows
 * it: "Message 7KQ3M9XWT2HD: 窗口排队过长", "Case 2026-SCJG-0001"
 */
char *
civic_evaluation_describe_target (CivicSyncEngine *engine,
                                  CivicEvaluation *evaluation)
{
  const char *id = civic_evaluation_get_target_id (evaluation);
  CivicCache *cache = civic_sync_engine_get_cache (engine);

  if (civic_evaluation_get_target (evaluation) == CIVIC_EVALUATION_TARGET_MESSAGE)
    {
      g_autoptr(CivicMessage) message = civic_sync_engine_load_message (engine, id, NULL);

      if (message != NULL && civic_message_get_receipt (message) != NULL)
        /* Translators: what a rating rates: "Message 7KQ3M9XWT2HD: 窗口排队过长" */
        return g_strdup_printf (_("Message %s: %s"), civic_message_get_receipt (message),
                                civic_message_get_subject (message));
      /* Translators: a message the offline copy does not have, by its id */
      return g_strdup_printf (_("Message %s"), id);
    }
  else
    {
      g_autoptr(CivicCase) kase = civic_cache_load_case (cache, id, NULL);

      /* Translators: what a rating rates: "Case 2026-SCJG-0001" */
      return g_strdup_printf (_("Case %s"), kase != NULL && civic_case_get_number (kase) != NULL
                                            ? civic_case_get_number (kase) : id);
    }
}

/* Acting */

static gboolean
perform (CivicEvaluationPage   *self,
         CivicEvaluationAction  action,
         JsonObject            *args,
         GError               **error)
{
  g_autofree char *command = civic_sync_engine_perform_action (self->engine,
                                                               &civic_evaluation_kind,
                                                               self->evaluation_id, action,
                                                               args, error);

  if (command == NULL)
    return FALSE;
  civic_toast_emit (self, toast_signal,
                    civic_command_past_tense (civic_evaluation_kind.action_to_string (action)));
  return TRUE;
}

static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicEvaluationPage) self = user_data;
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
 * civic_evaluation_page_start_action:
 *
 * Takes @action on the rating shown, through its form.
 */
void
civic_evaluation_page_start_action (CivicEvaluationPage   *self,
                                    CivicEvaluationAction  action)
{
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_EVALUATION_PAGE (self));

  if (self->evaluation == NULL || self->engine == NULL)
    return;
  dialog = civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->engine, &civic_evaluation_kind,
                                    G_OBJECT (self->evaluation), action, 1);
  civic_action_dialog_run_async (dialog, NULL, dialog_done_cb, g_object_ref (self));
}

static void
act_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  guint action;

  if (civic_evaluation_kind.action_from_string (g_variant_get_string (parameter, NULL), &action))
    civic_evaluation_page_start_action (CIVIC_EVALUATION_PAGE (widget), action);
}

/* Building */

/* The step that moves the rating on, for where it stands: a real-name bad
 * rating is visited first */
static gboolean
next_step (CivicEvaluation       *evaluation,
           GArray                *actions,
           CivicEvaluationAction *step)
{
  CivicEvaluationAction wanted;

  switch (civic_evaluation_get_state (evaluation))
    {
    case CIVIC_EVALUATION_STATE_RECTIFYING:
      wanted = !civic_evaluation_get_evaluator (evaluation)->anonymous &&
               civic_evaluation_get_visits (evaluation)->len == 0
               ? CIVIC_EVALUATION_ACTION_RECORD_VISIT : CIVIC_EVALUATION_ACTION_RECTIFY;
      break;
    case CIVIC_EVALUATION_STATE_APPEALED:
      wanted = CIVIC_EVALUATION_ACTION_DECIDE_APPEAL;
      break;
    default:
      return FALSE;
    }
  for (guint i = 0; i < actions->len; i++)
    if (g_array_index (actions, guint, i) == wanted)
      {
        *step = wanted;
        return TRUE;
      }
  return FALSE;
}

/* The next step as the one suggested button; the rest beside it */
static void
add_actions (CivicEvaluationPage *self,
             GArray              *actions)
{
  CivicEvaluationAction step = 0;
  gboolean has_step = next_step (self->evaluation, actions, &step);
  GtkWidget *box;

  if (actions->len == 0)
    return;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actions"), -1);
  for (guint i = 0; i < actions->len; i++)
    {
      CivicEvaluationAction action = g_array_index (actions, guint, i);
      g_autofree char *label = g_strdup_printf ("%s…", civic_evaluation_action_get_label (action));
      g_autofree char *detailed = g_strdup_printf ("evaluation.act::%s",
                                                   civic_evaluation_kind.action_to_string (action));
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), detailed);
      if (has_step && action == step)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_box_prepend (GTK_BOX (box), button);
        }
      else
        gtk_box_append (GTK_BOX (box), button);
    }
  gtk_box_append (GTK_BOX (self->content), box);
}

/* A bad rating's time to rectify, under the region's table */
static void
add_clock (CivicEvaluationPage *self,
           CivicCalendar       *calendar,
           CivicDay             today)
{
  g_autoptr(CivicClock) clock = civic_evaluation_dup_clock (self->evaluation);
  g_autoptr(CivicClockReading) reading = NULL;
  GtkWidget *group, *row, *chip;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;

  if (clock == NULL)
    return;
  reading = civic_clock_read (clock, calendar, today, NULL);
  if (reading == NULL)
    return;
  group = civic_page_group_new (self->content, _("Time to Rectify"));
  due = civic_page_format_day (reading->due);
  if (reading->completed_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *done = civic_page_format_day (reading->completed_on);

      subtitle = reading->late
                 ? g_strdup_printf (_("Done %s, after its due day %s"), done, due)
                 : g_strdup_printf (_("Done %s; it was due %s"), done, due);
    }
  else
    subtitle = g_strdup (due);
  row = civic_page_row_new (group, _("Rectify By"), subtitle);
  if (civic_evaluation_get_state (self->evaluation) != CIVIC_EVALUATION_STATE_EXCLUDED)
    {
      chip = civic_due_chip_new_explained ();
      civic_due_chip_set_clock (CIVIC_DUE_CHIP (chip), clock, calendar, today);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
    }
  if (civic_clock_get_legal_basis (clock) != NULL)
    civic_page_row_new (group, _("Source of the Limit"), civic_clock_get_legal_basis (clock));
}

/* What was rated, with the way to it; the score, the indicators and what
 * the citizen said; who they are */
static void
add_rating (CivicEvaluationPage *self)
{
  CivicEvaluation *evaluation = self->evaluation;
  const CivicEvaluator *evaluator = civic_evaluation_get_evaluator (evaluation);
  CivicEvaluationChannel channel = civic_evaluation_get_channel (evaluation);
  g_autofree char *target = civic_evaluation_describe_target (self->engine, evaluation);
  g_autofree char *stars = civic_evaluation_format_stars (civic_evaluation_get_rating (evaluation));
  g_autofree char *rated_on = civic_page_format_day (civic_evaluation_get_rated_on (evaluation));
  g_autofree char *how = NULL;
  g_autofree char *score = NULL;
  GtkWidget *group, *row, *open;
  const char *type = civic_evaluation_get_target (evaluation) == CIVIC_EVALUATION_TARGET_MESSAGE
                     ? CIVIC_ENTITY_MESSAGE : CIVIC_ENTITY_CASE;

  group = civic_page_group_new (self->content, _("What Was Rated"));
  /* Translators: how a rating came in: "Online · rated 2026-03-20" */
  how = g_strdup_printf (_("%s · rated %s"), civic_evaluation_channel_get_label (channel),
                         rated_on != NULL ? rated_on : "—");
  row = civic_page_row_new (group, target, how);
  open = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Open What Was Rated"));
  civic_accessible_set_name (open, _("Open What Was Rated"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "app.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "(ss)", type,
                                    civic_evaluation_get_target_id (evaluation));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);

  group = civic_page_group_new (self->content, _("The Rating"));
  /* Translators: a rating as stars and words: "★★☆☆☆ Dissatisfied (2 of 5)" */
  score = g_strdup_printf (_("%s %s (%d of 5)"), stars,
                           civic_rating_get_label (civic_evaluation_get_rating (evaluation)),
                           civic_evaluation_get_rating (evaluation));
  row = civic_page_row_new (group, C_("rating", "Rating"), score);
  if (civic_evaluation_get_comment (evaluation) != NULL)
    civic_page_line_new (group, civic_evaluation_get_comment (evaluation), _("What the citizen said"));
  /* The indicators apart from the rating itself: the overall one is one
   * of them, and may differ from it */
  group = NULL;
  for (guint i = 0; i < CIVIC_N_INDICATORS; i++)
    {
      int value = civic_evaluation_get_indicator (evaluation, i);
      g_autofree char *text = NULL;
      g_autofree char *indicator_stars = NULL;

      if (value == 0)
        continue;
      if (group == NULL)
        group = civic_page_group_new (self->content, _("By Indicator"));
      indicator_stars = civic_evaluation_format_stars (value);
      text = g_strdup_printf (_("%s %s (%d of 5)"), indicator_stars, civic_rating_get_label (value),
                              value);
      civic_page_row_new (group, civic_indicator_get_label (i), text);
    }

  group = civic_page_group_new (self->content, _("Who Rated"));
  if (evaluator->anonymous)
    civic_page_row_new (group, _("Name"), _("Anonymous"));
  else
    {
      civic_page_row_new (group, _("Name"), evaluator->name);
      if (evaluator->phone != NULL)
        civic_page_row_new (group, _("Phone"), evaluator->phone);
    }
}

/* The return visits, the rectification and the appeal */
static void
add_history (CivicEvaluationPage *self)
{
  CivicEvaluation *evaluation = self->evaluation;
  GPtrArray *visits = civic_evaluation_get_visits (evaluation);
  const CivicEvaluationAppeal *appeal = civic_evaluation_get_appeal (evaluation);
  GtkWidget *group;

  if (visits->len > 0)
    {
      group = civic_page_group_new (self->content, _("Return Visits"));
      for (guint i = 0; i < visits->len; i++)
        {
          CivicEvaluationVisit *visit = g_ptr_array_index (visits, i);
          g_autofree char *on = civic_page_format_day (visit->on);
          /* Translators: a return visit: "2026-03-23 · By Phone · Satisfied · 张三" */
          g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s · %s"), on,
            civic_message_visit_channel_get_label (visit->channel),
            civic_message_satisfaction_get_label (visit->satisfaction),
            visit->by_name != NULL ? visit->by_name : "");

          civic_page_line_new (group, visit->record, subtitle);
        }
    }
  if (civic_evaluation_get_rectification (evaluation) != NULL)
    {
      g_autofree char *on = civic_page_format_day (civic_evaluation_get_rectified_on (evaluation));

      group = civic_page_group_new (self->content, _("Rectification"));
      civic_page_line_new (group, civic_evaluation_get_rectification (evaluation), on);
    }
  if (appeal != NULL)
    {
      g_autofree char *on = civic_page_format_day (appeal->on);
      /* Translators: who appealed a rating and when: "2026-03-23 · 张三" */
      g_autofree char *by = g_strdup_printf (_("%s · %s"), on,
                                             appeal->by_name != NULL ? appeal->by_name : "");

      group = civic_page_group_new (self->content, _("Appeal"));
      civic_page_line_new (group, appeal->reason, by);
      if (appeal->result != CIVIC_APPEAL_PENDING)
        {
          g_autofree char *decided = civic_page_format_day (appeal->decided_on);
          g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), decided,
                                                       appeal->decided_by_name != NULL
                                                       ? appeal->decided_by_name : "");

          civic_page_line_new (group, appeal->decision_text,
                               appeal->result == CIVIC_APPEAL_EXCLUDED
                               ? _("Excluded: not counted in the indicators")
                               : _("Kept: to be rectified"));
          civic_page_line_new (group, subtitle, _("Decided by the hall"));
        }
      else
        civic_page_row_new (group, _("Decision"), _("Waiting for the hall"));
    }
}

static void
clear_content (CivicEvaluationPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
}

void
civic_evaluation_page_reload (CivicEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autofree char *stars = NULL;
  g_autofree char *headline = NULL;
  GtkWidget *title, *subtitle;
  GObject *record;

  g_return_if_fail (CIVIC_IS_EVALUATION_PAGE (self));

  clear_content (self);
  g_clear_object (&self->evaluation);
  if (self->engine == NULL || self->evaluation_id == NULL)
    return;

  record = civic_cache_load_record (civic_sync_engine_get_cache (self->engine),
                                    &civic_evaluation_kind, self->evaluation_id, &error);
  if (record == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-question-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Such Rating"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error ? error->message : NULL);
      gtk_box_append (GTK_BOX (self->content), status);
      return;
    }
  self->evaluation = CIVIC_EVALUATION (record);
  actions = civic_sync_engine_list_record_actions (self->engine, &civic_evaluation_kind, record);

  stars = civic_evaluation_format_stars (civic_evaluation_get_rating (self->evaluation));
  /* Translators: a rating's page title: "★★☆☆☆ Dissatisfied" */
  headline = g_strdup_printf (_("%s %s"), stars,
                              civic_rating_get_label (civic_evaluation_get_rating (self->evaluation)));
  title = gtk_label_new (headline);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  subtitle = gtk_label_new (civic_evaluation_state_get_label (
                              civic_evaluation_get_state (self->evaluation)));
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (self->content), title);
  gtk_box_append (GTK_BOX (self->content), subtitle);

  add_actions (self, actions);
  add_clock (self, civic_sync_engine_get_calendar (self->engine), civic_time_today ());
  add_rating (self);
  add_history (self);
}

void
civic_evaluation_page_show (CivicEvaluationPage *self,
                            const char          *evaluation_id)
{
  g_return_if_fail (CIVIC_IS_EVALUATION_PAGE (self));

  if (g_strcmp0 (self->evaluation_id, evaluation_id) != 0)
    {
      g_free (self->evaluation_id);
      self->evaluation_id = g_strdup (evaluation_id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                  GTK_SCROLLED_WINDOW (self->scrolled)), 0);
    }
  civic_evaluation_page_reload (self);
}

/**
 * civic_evaluation_page_get_evaluation:
 *
 * Returns: (transfer none) (nullable): the rating as shown
 */
CivicEvaluation *
civic_evaluation_page_get_evaluation (CivicEvaluationPage *self)
{
  g_return_val_if_fail (CIVIC_IS_EVALUATION_PAGE (self), NULL);
  return self->evaluation;
}

void
civic_evaluation_page_set_engine (CivicEvaluationPage *self,
                                  CivicSyncEngine     *engine)
{
  g_return_if_fail (CIVIC_IS_EVALUATION_PAGE (self));

  if (!g_set_object (&self->engine, engine))
    return;
  civic_evaluation_page_reload (self);
}

static void
civic_evaluation_page_dispose (GObject *object)
{
  CivicEvaluationPage *self = CIVIC_EVALUATION_PAGE (object);

  if (self->content != NULL)
    clear_content (self);
  g_clear_object (&self->evaluation);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->evaluation_id, g_free);
  G_OBJECT_CLASS (civic_evaluation_page_parent_class)->dispose (object);
}

static void
civic_evaluation_page_class_init (CivicEvaluationPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = civic_evaluation_page_dispose;
  toast_signal = civic_toast_add_signal (G_TYPE_FROM_CLASS (klass));
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "evaluation.act", "s",
                                   act_activated);
}

static void
civic_evaluation_page_init (CivicEvaluationPage *self)
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
civic_evaluation_page_new (void)
{
  return g_object_new (CIVIC_TYPE_EVALUATION_PAGE, NULL);
}
