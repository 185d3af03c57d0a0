/* civic-evaluations-view.c — the Ratings section: citizens' ratings (好差评) and their rectification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-evaluations-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-core-enums.h"
#include "civic-due-chip.h"
#include "civic-evaluations-view.h"
#include "civic-json.h"
#include "civic-sync-indicator.h"
#include "civic-time.h"

/* What a department's complaint handlers, its head and the hall see of
 * the ratings citizens gave (好差评): the bad ones the department owes a
 * rectification, by the day it is due; the appeals the hall decides; and
 * every rating, the latest first. Above them, the indicators as the
 * public reads them — how many, the share satisfied or better, the bad
 * ones and how many were rectified — and the ratings by level as a chart
 * whose figures are also its text. A rating given at the window's pad or
 * on the hotline is recorded here, offline too. Supervisors read it all
 * and change nothing. */

struct _CivicEvaluationsView
{
  CivicSection          parent_instance;

  /* Template widgets */
  GtkStack             *pages;
  GtkButton            *record_button;
  GtkToggleButton      *rectify_button;
  GtkToggleButton      *appealed_button;
  GtkToggleButton      *all_button;
  GtkLabel             *summary_label;
  CivicBarChart        *chart;
  CivicBarChart        *trend_chart;
  GtkListBox           *list;
  AdwWindowTitle       *rating_title;
  CivicEvaluationPage  *page;

  CivicSyncEngine      *engine;
  GPtrArray            *evaluations;  /* CivicEvaluation */
  GHashTable           *pending;      /* ids with commands waiting to be sent */
  CivicEvaluationList   shown;
  guint                 n_to_do;
};

G_DEFINE_FINAL_TYPE (CivicEvaluationsView, civic_evaluations_view, CIVIC_TYPE_SECTION)

/**
 * civic_evaluations_view_shown_to:
 *
 * Whether the section is for @actor: the complaint handlers who rectify,
 * a department's head (who appeals), the hall's dispatch (which decides
 * appeals) and supervisors
 */
gboolean
civic_evaluations_view_shown_to (const CivicActor *actor)
{
  return actor != NULL &&
         civic_actor_has_role (actor, CIVIC_ROLE_COMPLAINT_HANDLER | CIVIC_ROLE_DISPATCHER |
                                      CIVIC_ROLE_APPROVER | CIVIC_ROLE_SUPERVISOR);
}

static const CivicActor *
me (CivicEvaluationsView *self)
{
  return civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
}

/* The ratings the official answers for: their department's; for the
 * hall and supervisors, every one */
static gboolean
is_ours (CivicEvaluationsView *self,
         CivicEvaluation      *evaluation)
{
  const CivicActor *actor = me (self);

  return civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER | CIVIC_ROLE_SUPERVISOR) ||
         g_strcmp0 (civic_evaluation_get_department_id (evaluation), actor->department_id) == 0;
}

static gboolean
in_list (CivicEvaluationsView *self,
         CivicEvaluation      *evaluation,
         CivicEvaluationList   list)
{
  CivicEvaluationState state = civic_evaluation_get_state (evaluation);

  if (!is_ours (self, evaluation))
    return FALSE;
  switch (list)
    {
    case CIVIC_EVALUATION_LIST_TO_RECTIFY:
      return state == CIVIC_EVALUATION_STATE_RECTIFYING;
    case CIVIC_EVALUATION_LIST_APPEALED:
      return state == CIVIC_EVALUATION_STATE_APPEALED;
    case CIVIC_EVALUATION_LIST_ALL:
    default:
      return TRUE;
    }
}

/* A rating of the list shown, its clock read once for its place and chip */
typedef struct
{
  CivicEvaluation *evaluation;
  CivicDay         sort_day;
  CivicDay         due;
  const char      *status;
} Shown;

static int
compare_shown (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  CivicEvaluationsView *self = user_data;
  const Shown *x = a, *y = b;

  if (x->sort_day != y->sort_day)
    {
      gboolean ascending = self->shown == CIVIC_EVALUATION_LIST_TO_RECTIFY;

      return (x->sort_day < y->sort_day) == ascending ? -1 : 1;
    }
  return g_strcmp0 (civic_evaluation_get_id (x->evaluation),
                    civic_evaluation_get_id (y->evaluation));
}

static GtkWidget *
row_new (CivicEvaluationsView *self,
         const Shown          *item,
         CivicDay              today)
{
  CivicEvaluation *evaluation = item->evaluation;
  const CivicEvaluator *evaluator = civic_evaluation_get_evaluator (evaluation);
  int rating = civic_evaluation_get_rating (evaluation);
  g_autofree char *stars = civic_evaluation_format_stars (rating);
  g_autofree char *title = NULL;
  g_autofree char *target = civic_evaluation_describe_target (self->engine, evaluation);
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  const char *who = evaluator->anonymous || evaluator->name == NULL ? _("Anonymous")
                                                                    : evaluator->name;
  gboolean pending = g_hash_table_contains (self->pending, civic_evaluation_get_id (evaluation));
  GtkWidget *row = adw_action_row_new ();
  const char *due_text = "";

  /* Translators: a rating's row: "★★☆☆☆ Dissatisfied" */
  title = g_strdup_printf (_("%s %s"), stars, rating >= CIVIC_RATING_MIN
                                              ? civic_rating_get_label (rating) : "");
  /* Translators: a rating's row under its score: "Message 7KQ3M9XWT2HD: 窗口排队过长 · Online
   * · 王** · Being Rectified" */
  subtitle = g_strdup_printf (_("%s · %s · %s · %s"), target,
                              civic_evaluation_channel_get_label (
                                civic_evaluation_get_channel (evaluation)),
                              who,
                              civic_evaluation_state_get_label (
                                civic_evaluation_get_state (evaluation)));
  gtk_widget_set_name (row, civic_evaluation_get_id (evaluation));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (civic_evaluation_is_bad (evaluation))
    gtk_widget_add_css_class (row, "bad-rating");

  if (pending)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("document-send-symbolic");

      gtk_widget_add_css_class (icon, "pending-mark");
      gtk_widget_set_tooltip_text (icon, _("Waiting to be sent"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  if (item->due != CIVIC_DAY_INVALID)
    {
      GtkWidget *chip = civic_due_chip_new ();

      civic_due_chip_set_status (CIVIC_DUE_CHIP (chip), item->status, item->due,
                                 civic_sync_engine_get_calendar (self->engine), today);
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
      due_text = civic_due_chip_get_text (CIVIC_DUE_CHIP (chip));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  /* Translators: a rating as a screen reader says it: "Dissatisfied, 2 of
   * 5, …" then what it rates, its channel, who and its state, the time
   * left, and whether it waits to be sent */
  name = g_strdup_printf (_("%s, %d of 5, %s%s%s%s"),
                          rating >= CIVIC_RATING_MIN ? civic_rating_get_label (rating) : "",
                          rating, subtitle, *due_text ? ", " : "", due_text,
                          pending ? _(", waiting to be sent") : "");
  civic_accessible_set_name (row, name);
  return row;
}

static void
fill_list (CivicEvaluationsView *self)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (Shown));
  CivicDay today = civic_time_today ();
  CivicCalendar *calendar;
  GtkWidget *child;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->engine == NULL || self->evaluations == NULL)
    return;
  calendar = civic_sync_engine_get_calendar (self->engine);

  for (guint i = 0; i < self->evaluations->len; i++)
    {
      CivicEvaluation *evaluation = g_ptr_array_index (self->evaluations, i);
      Shown item = { evaluation, civic_evaluation_get_rated_on (evaluation), CIVIC_DAY_INVALID,
                     NULL };
      CivicEvaluationState state = civic_evaluation_get_state (evaluation);

      if (!in_list (self, evaluation, self->shown))
        continue;
      if (state == CIVIC_EVALUATION_STATE_RECTIFYING || state == CIVIC_EVALUATION_STATE_APPEALED)
        {
          g_autoptr(CivicClock) clock = civic_evaluation_dup_clock (evaluation);
          g_autoptr(CivicClockReading) reading = clock != NULL
            ? civic_clock_read (clock, calendar, today, NULL) : NULL;

          if (reading != NULL)
            {
              item.due = reading->due;
              item.status = civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, reading->status);
              if (self->shown == CIVIC_EVALUATION_LIST_TO_RECTIFY)
                item.sort_day = reading->due;
            }
        }
      g_array_append_val (shown, item);
    }
  g_array_sort_with_data (shown, compare_shown, self);
  for (guint i = 0; i < shown->len; i++)
    gtk_list_box_append (self->list, row_new (self, &g_array_index (shown, Shown, i), today));
}

/* The indicators as the public reads them (国办发〔2019〕51号), from the
 * ratings the official answers for; those the hall excluded are not
 * counted */
static void
fill_indicators (CivicEvaluationsView *self)
{
  guint levels[CIVIC_RATING_MAX + 1] = { 0 };
  guint total = 0, good = 0, bad = 0, rectified = 0;
  g_autofree char *summary = NULL;

  civic_bar_chart_clear (self->chart);
  for (guint i = 0; self->evaluations != NULL && i < self->evaluations->len; i++)
    {
      CivicEvaluation *evaluation = g_ptr_array_index (self->evaluations, i);
      int rating = civic_evaluation_get_rating (evaluation);

      if (!is_ours (self, evaluation) || !civic_evaluation_is_counted (evaluation) ||
          rating < CIVIC_RATING_MIN || rating > CIVIC_RATING_MAX)
        continue;
      levels[rating]++;
      total++;
      good += rating >= 4;
      if (civic_evaluation_is_bad (evaluation))
        {
          bad++;
          rectified += civic_evaluation_get_state (evaluation) == CIVIC_EVALUATION_STATE_RECTIFIED;
        }
    }

  if (total == 0)
    summary = g_strdup (_("No ratings yet"));
  else
    {
      g_autofree char *ratings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rating",
                                                               "%u ratings", total), total);
      g_autofree char *bad_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u bad, %u rectified",
                                                                "%u bad, %u rectified", bad),
                                                   bad, rectified);

      /* Translators: "24 ratings · 91.7% satisfied or better · 2 bad, 1 rectified", to a
       * tenth as the public page says it */
      summary = g_strdup_printf (_("%s · %.1f%% satisfied or better · %s"), ratings,
                                 100.0 * good / total, bad_text);
    }
  gtk_label_set_text (self->summary_label, summary);

  civic_bar_chart_set_title (self->chart, _("Ratings by level"));
  for (int level = CIVIC_RATING_MAX; level >= CIVIC_RATING_MIN; level--)
    {
      g_autofree char *count = g_strdup_printf ("%u", levels[level]);

      civic_bar_chart_add (self->chart, civic_rating_get_label (level), levels[level], count,
                           level >= 4 ? CIVIC_BAR_GOOD
                           : level == 3 ? CIVIC_BAR_NEUTRAL
                           : level == 2 ? CIVIC_BAR_WARNING : CIVIC_BAR_BAD);
    }
}

#define TREND_MONTHS 6

/* The department's ratings over time: the share satisfied or better in
 * each of the last six months, this one last, with how many it is of */
static void
fill_trend (CivicEvaluationsView *self)
{
  guint good[TREND_MONTHS] = { 0 }, total[TREND_MONTHS] = { 0 };
  int year, month, mday, first;

  civic_bar_chart_clear (self->trend_chart);
  civic_day_to_ymd (civic_time_today (), &year, &month, &mday);
  first = year * 12 + (month - 1) - (TREND_MONTHS - 1);
  for (guint i = 0; self->evaluations != NULL && i < self->evaluations->len; i++)
    {
      CivicEvaluation *evaluation = g_ptr_array_index (self->evaluations, i);
      CivicDay rated_on = civic_evaluation_get_rated_on (evaluation);
      int y, m, d, index;

      if (!is_ours (self, evaluation) || !civic_evaluation_is_counted (evaluation) ||
          rated_on == CIVIC_DAY_INVALID)
        continue;
      civic_day_to_ymd (rated_on, &y, &m, &d);
      index = y * 12 + (m - 1) - first;
      if (index < 0 || index >= TREND_MONTHS)
        continue;
      total[index]++;
      good[index] += civic_evaluation_get_rating (evaluation) >= 4;
    }

  civic_bar_chart_set_title (self->trend_chart, _("Satisfied or better, by month"));
  civic_bar_chart_set_maximum (self->trend_chart, 100);
  for (int i = 0; i < TREND_MONTHS; i++)
    {
      int at = first + i;
      g_autofree char *label = g_strdup_printf ("%04d-%02d", at / 12, at % 12 + 1);
      g_autofree char *value = NULL;
      double share = total[i] > 0 ? 100.0 * good[i] / total[i] : 0;

      value = total[i] > 0
              /* Translators: a month's share of good ratings: "92% of 24" */
              ? g_strdup_printf (_("%.0f%% of %u"), share, total[i])
              : g_strdup (_("no ratings"));
      civic_bar_chart_add (self->trend_chart, label, share, value,
                           total[i] == 0 ? CIVIC_BAR_NEUTRAL
                           : share >= 90 ? CIVIC_BAR_GOOD
                           : share >= 70 ? CIVIC_BAR_WARNING : CIVIC_BAR_BAD);
    }
}

/* What waits for this official: bad ratings to rectify for those who
 * rectify, appeals for the hall */
static void
count_to_do (CivicEvaluationsView *self)
{
  const CivicActor *actor;

  self->n_to_do = 0;
  if (self->engine == NULL || self->evaluations == NULL)
    return;
  actor = me (self);
  for (guint i = 0; i < self->evaluations->len; i++)
    {
      CivicEvaluation *evaluation = g_ptr_array_index (self->evaluations, i);

      if (civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER))
        self->n_to_do += in_list (self, evaluation, CIVIC_EVALUATION_LIST_APPEALED);
      else if (civic_actor_has_role (actor, CIVIC_ROLE_COMPLAINT_HANDLER))
        self->n_to_do += in_list (self, evaluation, CIVIC_EVALUATION_LIST_TO_RECTIFY);
    }
}

/* The page's header: the rating's state, as it stands now */
static void
update_rating_title (CivicEvaluationsView *self)
{
  CivicEvaluation *evaluation = civic_evaluation_page_get_evaluation (self->page);

  adw_window_title_set_subtitle (self->rating_title,
                                 evaluation != NULL
                                 ? civic_evaluation_state_get_label (
                                     civic_evaluation_get_state (evaluation)) : "");
}

static void
reload (CivicEvaluationsView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->evaluations, g_ptr_array_unref);
  g_hash_table_remove_all (self->pending);
  if (self->engine != NULL)
    {
      CivicCache *cache = civic_sync_engine_get_cache (self->engine);
      g_autoptr(GPtrArray) local = civic_cache_dup_local (cache);

      self->evaluations = civic_cache_load_records (cache, &civic_evaluation_kind, &error);
      if (self->evaluations == NULL)
        g_warning ("The ratings cannot be read: %s", error->message);
      for (guint i = 0; local != NULL && i < local->len; i++)
        {
          CivicRecordKey *key = g_ptr_array_index (local, i);

          if (g_strcmp0 (key->type, CIVIC_ENTITY_EVALUATION) == 0)
            g_hash_table_add (self->pending, g_strdup (key->id));
        }
      gtk_widget_set_visible (GTK_WIDGET (self->record_button),
                              civic_actor_has_role (me (self), CIVIC_ROLE_COMPLAINT_HANDLER |
                                                               CIVIC_ROLE_DISPATCHER));
    }
  count_to_do (self);
  fill_indicators (self);
  fill_trend (self);
  fill_list (self);
  if (self->engine != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "rating") == 0)
    {
      civic_evaluation_page_reload (self->page);
      update_rating_title (self);
    }
}

/* Navigation */

static GtkToggleButton *
button_of (CivicEvaluationsView *self,
           CivicEvaluationList   list)
{
  GtkToggleButton *buttons[] = { self->rectify_button, self->appealed_button, self->all_button };

  g_return_val_if_fail (list < G_N_ELEMENTS (buttons), self->rectify_button);
  return buttons[list];
}

void
civic_evaluations_view_show_list (CivicEvaluationsView *self,
                                  CivicEvaluationList   list)
{
  g_return_if_fail (CIVIC_IS_EVALUATIONS_VIEW (self));

  self->shown = list;
  gtk_toggle_button_set_active (button_of (self, list), TRUE);
  gtk_stack_set_visible_child_name (self->pages, "list");
  fill_list (self);
}

static void
filter_toggled_cb (CivicEvaluationsView *self,
                   GtkToggleButton      *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i <= CIVIC_EVALUATION_LIST_ALL; i++)
    if (button_of (self, i) == button && self->shown != i)
      {
        self->shown = i;
        fill_list (self);
      }
}

/**
 * civic_evaluations_view_open:
 *
 * Shows the rating's page.
 */
void
civic_evaluations_view_open (CivicEvaluationsView *self,
                             const char           *evaluation_id)
{
  g_return_if_fail (CIVIC_IS_EVALUATIONS_VIEW (self));

  civic_evaluation_page_show (self->page, evaluation_id);
  update_rating_title (self);
  gtk_stack_set_visible_child_name (self->pages, "rating");
}

static void
back_cb (CivicEvaluationsView *self)
{
  gtk_stack_set_visible_child_name (self->pages, "list");
  reload (self);
}

static void
row_activated_cb (CivicEvaluationsView *self,
                  GtkListBoxRow        *row)
{
  civic_evaluations_view_open (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* A rating given at the window's pad, on the hotline or by text message:
 * born in the offline copy under a fresh id */
static void
record_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicEvaluationsView) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  GObject *record = civic_action_dialog_get_record (dialog);
  const char *id = civic_evaluation_get_id (CIVIC_EVALUATION (record));
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;

  if (args == NULL || self->engine == NULL)
    return;
  command = civic_sync_engine_perform_action (self->engine, &civic_evaluation_kind, id,
                                              CIVIC_EVALUATION_ACTION_RATE, args, &error);
  if (command == NULL)
    {
      civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                     record_done_cb, g_object_ref (self));
      return;
    }
  civic_section_toast (CIVIC_SECTION (self), civic_command_past_tense ("rate-service"));
  reload (self);
  civic_evaluations_view_open (self, id);
}

/**
 * civic_evaluations_view_record:
 *
 * Asks for a rating given outside the public side (rate-service's form).
 */
void
civic_evaluations_view_record (CivicEvaluationsView *self)
{
  const CivicActor *actor;
  g_autoptr(CivicEvaluation) blank = NULL;
  g_autofree char *id = g_uuid_string_random ();
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_EVALUATIONS_VIEW (self));

  if (self->engine == NULL)
    return;
  actor = me (self);
  if (!civic_actor_has_role (actor, CIVIC_ROLE_COMPLAINT_HANDLER | CIVIC_ROLE_DISPATCHER))
    return;
  blank = civic_evaluation_new (id, civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER)
                                    ? NULL : actor->department_id);
  dialog = civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->engine, &civic_evaluation_kind, G_OBJECT (blank),
                                    CIVIC_EVALUATION_ACTION_RATE, 1);
  civic_action_dialog_run_async (dialog, NULL, record_done_cb, g_object_ref (self));
}

static void
record_clicked_cb (CivicEvaluationsView *self)
{
  civic_evaluations_view_record (self);
}

static void
record_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  civic_evaluations_view_record (CIVIC_EVALUATIONS_VIEW (widget));
}

guint
civic_evaluations_view_get_n_to_do (CivicEvaluationsView *self)
{
  g_return_val_if_fail (CIVIC_IS_EVALUATIONS_VIEW (self), 0);
  return self->n_to_do;
}

GtkListBox *
civic_evaluations_view_get_list (CivicEvaluationsView *self)
{
  g_return_val_if_fail (CIVIC_IS_EVALUATIONS_VIEW (self), NULL);
  return self->list;
}

CivicBarChart *
civic_evaluations_view_get_chart (CivicEvaluationsView *self)
{
  g_return_val_if_fail (CIVIC_IS_EVALUATIONS_VIEW (self), NULL);
  return self->chart;
}

/**
 * civic_evaluations_view_get_trend_chart:
 *
 * Returns: (transfer none): the share satisfied or better by month
 */
CivicBarChart *
civic_evaluations_view_get_trend_chart (CivicEvaluationsView *self)
{
  g_return_val_if_fail (CIVIC_IS_EVALUATIONS_VIEW (self), NULL);
  return self->trend_chart;
}

CivicEvaluationPage *
civic_evaluations_view_get_page (CivicEvaluationsView *self)
{
  g_return_val_if_fail (CIVIC_IS_EVALUATIONS_VIEW (self), NULL);
  return self->page;
}

static void
page_toast_cb (CivicEvaluationsView *self,
               AdwToast             *toast)
{
  g_signal_emit_by_name (self, "add-toast", toast);
}

static void
civic_evaluations_view_engine_changed (CivicSection    *section,
                                       CivicSyncEngine *engine)
{
  CivicEvaluationsView *self = CIVIC_EVALUATIONS_VIEW (section);

  self->engine = engine;
  civic_evaluation_page_set_engine (self->page, engine);
  gtk_stack_set_visible_child_name (self->pages, "list");
  reload (self);
}

static void
civic_evaluations_view_dispose (GObject *object)
{
  CivicEvaluationsView *self = CIVIC_EVALUATIONS_VIEW (object);

  self->engine = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIVIC_TYPE_EVALUATIONS_VIEW);
  g_clear_pointer (&self->evaluations, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  G_OBJECT_CLASS (civic_evaluations_view_parent_class)->dispose (object);
}

static void
civic_evaluations_view_class_init (CivicEvaluationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CivicSectionClass *section_class = CIVIC_SECTION_CLASS (klass);

  object_class->dispose = civic_evaluations_view_dispose;
  section_class->engine_changed = civic_evaluations_view_engine_changed;

  gtk_widget_class_install_action (widget_class, "evaluations.record", NULL, record_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "evaluations.record", NULL);

  g_type_ensure (CIVIC_TYPE_SYNC_INDICATOR);
  g_type_ensure (CIVIC_TYPE_BAR_CHART);
  g_type_ensure (CIVIC_TYPE_EVALUATION_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/civicdesk/CivicDesk/civic-evaluations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, pages);
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, record_button);
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, rectify_button);
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, appealed_button);
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, all_button);
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, chart);
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, list);
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, rating_title);
  gtk_widget_class_bind_template_child (widget_class, CivicEvaluationsView, page);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
}

static void
civic_evaluations_view_init (CivicEvaluationsView *self)
{
  GtkWidget *none;

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_group_connect_swapped (civic_section_get_engine_signals (CIVIC_SECTION (self)),
                                  "cases-changed", G_CALLBACK (reload), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->page, "add-toast", G_CALLBACK (page_toast_cb), self);

  none = gtk_label_new (_("No ratings here"));
  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_margin_top (none, 24);
  gtk_widget_set_margin_bottom (none, 24);
  gtk_list_box_set_placeholder (self->list, none);
}
