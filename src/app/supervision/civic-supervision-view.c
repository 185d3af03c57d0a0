/* civic-supervision-view.c — the Supervision section: every clock at a glance, the cards, the figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-supervision-view"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-bar-chart.h"
#include "civic-core-enums.h"
#include "civic-document-dialog.h"
#include "civic-due-chip.h"
#include "civic-json.h"
#include "civic-supervision.h"
#include "civic-supervision-view.h"
#include "civic-sync-indicator.h"
#include "civic-time.h"
#include "civic-warning-kind.h"
#include "civic-warning-page.h"
#include "civic-week-chart.h"

/* What e-supervision (电子监察) shows a province's supervisor, and a
 * department's head of their own department: the red and yellow records
 * of every kind by department, the cards (督办) issued and their replies,
 * and the figures of the last weeks as charts whose figures are also
 * their text. The figures are the service's (GET /api/v1/supervision/…,
 * kept as records change, so they come at once for a province), read
 * when the section is shown and on Refresh, and kept in the cache: offline,
 * the last ones are shown with their time. A department's row opens its
 * red and yellow records, a page at a time, each opening in its own
 * section; a supervisor issues a card from a record or a department.
 * Cards are records of the official's copy, so a head's reply is taken
 * offline too. Every table and list can be saved as CSV or XLSX, which
 * the service masks and records. */

#define CACHE_KEY "supervision-figures"
#define PAGE_SIZE 50
#define TOP_DEPARTMENTS 12
#define TOP_ITEMS 10

/* The answers the overview is drawn from, in the order fetched */
typedef enum
{
  FIGURE_OVERVIEW,
  FIGURE_TREND,
  FIGURE_RATES,
  FIGURE_ITEM_RATES,
  FIGURE_CASE_TREND,
  FIGURE_RATING_TREND,
  N_FIGURES
} Figure;

static const struct
{
  const char *what;
  const char *query;
} figure_requests[N_FIGURES] = {
  [FIGURE_OVERVIEW] = { "overview", NULL },
  [FIGURE_TREND] = { "trend", NULL },
  [FIGURE_RATES] = { "rates", "by=department" },
  [FIGURE_ITEM_RATES] = { "rates", "type=case&by=subject" },
  [FIGURE_CASE_TREND] = { "trend", "type=case" },
  [FIGURE_RATING_TREND] = { "trend", "type=evaluation" },
};

struct _CivicSupervisionView
{
  CivicSection      parent_instance;

  GtkStack         *pages;
  GtkLabel         *status_label;
  GtkButton        *refresh_button;
  GtkListBox       *departments_list;
  GtkListBox       *cards_list;
  CivicWeekChart   *overdue_chart;
  CivicBarChart    *on_time_chart;
  CivicBarChart    *days_chart;
  CivicWeekChart   *deemed_chart;
  CivicWeekChart   *ratings_chart;
  AdwWindowTitle   *list_title;
  GtkListBox       *items_list;
  GtkButton        *more_button;
  GtkButton        *issue_button;
  AdwWindowTitle   *card_title;
  CivicWarningPage *card_page;

  CivicSyncEngine  *engine;
  GCancellable     *cancellable;
  JsonObject       *figures[N_FIGURES];
  char             *fetched_at;   /* when the figures shown were read, as text */
  guint             fetching;

  /* The list shown: its department and status */
  guint             n_to_do;     /* cards waiting on this official */

  char             *list_department;
  char             *list_status;
  int               list_offset;
  gint64            list_total;
};

G_DEFINE_FINAL_TYPE (CivicSupervisionView, civic_supervision_view, CIVIC_TYPE_SECTION)

/**
 * civic_supervision_view_shown_to:
 *
 * Whether the section is for @actor: the hall's supervisors, and the
 * heads of departments (负责人, the head of a disclosure office)
 */
gboolean
civic_supervision_view_shown_to (const CivicActor *actor)
{
  return actor != NULL &&
         (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR) ||
          (actor->department_id != NULL &&
           civic_actor_has_role (actor, CIVIC_ROLE_APPROVER | CIVIC_ROLE_DISCLOSURE_HEAD)));
}

static const CivicActor *
me (CivicSupervisionView *self)
{
  return civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
}

static gboolean
is_supervisor (CivicSupervisionView *self)
{
  return self->engine != NULL && civic_actor_has_role (me (self), CIVIC_ROLE_SUPERVISOR);
}

static char *
week_label (const char *week)
{
  CivicDay day;

  if (week == NULL || !civic_day_parse (week, &day))
    return g_strdup ("");
  return civic_day_format_short (day);
}

/* Showing the figures */

static gint64
int_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

/* The rows, not the placeholder */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static int
compare_departments (gconstpointer a,
                     gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a, *y = *(JsonObject **) b;
  gint64 xr = int_member (x, "red"), yr = int_member (y, "red");
  gint64 xy = int_member (x, "yellow"), yy = int_member (y, "yellow");

  if (xr != yr)
    return xr > yr ? -1 : 1;
  if (xy != yy)
    return xy > yy ? -1 : 1;
  return g_strcmp0 (json_object_get_string_member_with_default (x, "id", ""),
                    json_object_get_string_member_with_default (y, "id", ""));
}

/* "Licensing cases 3 red, 2 yellow · Messages from citizens 1 red" */
static char *
describe_kinds (JsonArray *kinds)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; kinds != NULL && k < json_array_get_length (kinds); k++)
    {
      JsonObject *counts = json_array_get_object_element (kinds, k);
      gint64 red = int_member (counts, "red"), yellow = int_member (counts, "yellow");
      const char *label = civic_supervision_kind_name (
                            json_object_get_string_member_with_default (counts, "type", ""), TRUE);

      if (red == 0 && yellow == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      if (red > 0 && yellow > 0)
        /* Translators: a kind's red and yellow records: "Cases 3 red, 2 yellow" */
        g_string_append_printf (out, _("%s %" PRId64 " red, %" PRId64 " yellow"),
                                label, red, yellow);
      else if (red > 0)
        /* Translators: "Cases 3 red" */
        g_string_append_printf (out, _("%s %" PRId64 " red"), label, red);
      else
        /* Translators: "Cases 2 yellow" */
        g_string_append_printf (out, _("%s %" PRId64 " yellow"), label, yellow);
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
count_badge (gint64      n,
             const char *css_class)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "count-badge");
  gtk_widget_add_css_class (label, n > 0 ? css_class : "none");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static void
fill_departments (CivicSupervisionView *self)
{
  JsonObject *overview = self->figures[FIGURE_OVERVIEW];
  JsonArray *departments = overview ? json_object_get_array_member (overview, "departments") : NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  gboolean head = !is_supervisor (self);

  clear_list (self->departments_list);
  for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
    {
      JsonObject *department = json_array_get_object_element (departments, i);

      /* A supervisor sees the departments with something red or yellow;
       * a head sees theirs, whatever its colours */
      if (head || int_member (department, "red") + int_member (department, "yellow") > 0)
        g_ptr_array_add (sorted, department);
    }
  g_ptr_array_sort (sorted, compare_departments);

  for (guint i = 0; i < sorted->len; i++)
    {
      JsonObject *department = g_ptr_array_index (sorted, i);
      const char *id = json_object_get_string_member_with_default (department, "id", "");
      const char *name = json_object_get_string_member_with_default (department, "name", id);
      gint64 red = int_member (department, "red"), yellow = int_member (department, "yellow");
      g_autofree char *kinds = describe_kinds (json_object_get_array_member (department, "kinds"));
      g_autofree char *accessible = NULL;
      GtkWidget *row = adw_action_row_new ();

      gtk_widget_set_name (row, id);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   *kinds != '\0' ? kinds : _("Every clock within its time"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_badge (red, "red"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_badge (yellow, "yellow"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      /* Translators: a department's row read out: "湖南省市场监督管理局: 8 red, 8 yellow. Cases 8
       * red, 8 yellow" */
      accessible = g_strdup_printf (_("%s: %" PRId64 " red, %" PRId64
                                      " yellow. %s"), name, red, yellow, kinds);
      civic_accessible_set_name (row, accessible);
      gtk_list_box_append (self->departments_list, row);
    }
}

/* A record's row: its name, what it is, and its clock as a chip, all of
 * it said in its accessible name: "…, Licensing case · 湖南省…, 3 working days
 * overdue" */
static GtkWidget *
record_row (CivicSupervisionView *self,
            const char           *id,
            const char           *title,
            const char           *subtitle,
            const char           *status,
            CivicDay              due,
            CivicDay              today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *accessible = NULL;

  gtk_widget_set_name (row, id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (due != CIVIC_DAY_INVALID)
    {
      GtkWidget *chip = civic_due_chip_new ();

      civic_due_chip_set_status (CIVIC_DUE_CHIP (chip), status, due,
                                 civic_sync_engine_get_calendar (self->engine), today);
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
      /* Translators: a record read out: its name, what it is, then the time left */
      accessible = g_strdup_printf (_("%s, %s, %s"), title, subtitle,
                                    civic_due_chip_get_text (CIVIC_DUE_CHIP (chip)));
    }
  else
    accessible = g_strdup_printf (_("%s, %s"), title, subtitle);
  civic_accessible_set_name (row, accessible);
  return row;
}

static const char *
card_status (CivicSupervisionView *self,
             CivicWarning         *warning,
             CivicDay             *due)
{
  g_autoptr(CivicClock) clock = civic_warning_dup_clock (warning);
  g_autoptr(CivicClockReading) reading = NULL;

  *due = CIVIC_DAY_INVALID;
  if (clock == NULL || civic_warning_get_state (warning) != CIVIC_WARNING_STATE_OPEN)
    return "done";
  reading = civic_clock_read (clock, civic_sync_engine_get_calendar (self->engine),
                              civic_time_today (), NULL);
  *due = reading->due;
  return civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, reading->status);
}

static int
compare_cards (gconstpointer a,
               gconstpointer b)
{
  CivicWarning *x = *(CivicWarning **) a, *y = *(CivicWarning **) b;
  gboolean x_open = civic_warning_get_state (x) <= CIVIC_WARNING_STATE_REPLIED;
  gboolean y_open = civic_warning_get_state (y) <= CIVIC_WARNING_STATE_REPLIED;

  if (x_open != y_open)
    return x_open ? -1 : 1;
  if (civic_warning_get_issued_on (x) != civic_warning_get_issued_on (y))
    return civic_warning_get_issued_on (x) > civic_warning_get_issued_on (y) ? -1 : 1;
  return g_strcmp0 (civic_warning_get_id (x), civic_warning_get_id (y));
}

/* The cards of the official's copy: open and replied first, the latest
 * first */
static void
fill_cards (CivicSupervisionView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  CivicDay today = civic_time_today ();

  clear_list (self->cards_list);
  self->n_to_do = 0;
  if (self->engine == NULL)
    return;
  cards = civic_cache_load_records (civic_sync_engine_get_cache (self->engine), &civic_warning_kind,
                                    &error);
  if (cards == NULL)
    {
      g_warning ("The cards cannot be read: %s", error->message);
      return;
    }
  g_ptr_array_sort (cards, compare_cards);
  for (guint i = 0; i < cards->len; i++)
    {
      CivicWarning *warning = g_ptr_array_index (cards, i);
      g_autofree char *title = civic_warning_kind.label (G_OBJECT (warning));
      g_autofree char *state = civic_warning_kind.describe (G_OBJECT (warning));
      g_autofree char *department = civic_warning_describe_department (
                                      self->engine, civic_warning_get_department_id (warning));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      const char *status;
      CivicDay due;

      g_autoptr(GArray) actions = NULL;

      if (civic_warning_get_state (warning) == CIVIC_WARNING_STATE_NEW)
        continue;
      /* A head's to reply to, a supervisor's reply to look at */
      actions = civic_sync_engine_list_record_actions (self->engine, &civic_warning_kind,
                                                       G_OBJECT (warning));
      for (guint a = 0; a < actions->len; a++)
        if (g_array_index (actions, guint, a) == CIVIC_WARNING_ACTION_REPLY ||
            g_array_index (actions, guint, a) == CIVIC_WARNING_ACTION_CLOSE)
          {
            self->n_to_do++;
            break;
          }
      /* Translators: a card's row under its title: "湖南省市场监督管理局 · Awaiting Reply" */
      subtitle = g_strdup_printf (_("%s · %s"), department, state);
      status = card_status (self, warning, &due);
      row = record_row (self, civic_warning_get_id (warning), title, subtitle, status, due, today);
      gtk_widget_add_css_class (row, civic_warning_get_level (warning) == CIVIC_WARNING_LEVEL_RED
                                     ? "red-card" : "yellow-card");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->cards_list, row);
    }
}

/* The weeks of a trend, and one of its figures as numbers */
static GStrv
trend_weeks (JsonObject *trend)
{
  JsonArray *weeks = trend ? json_object_get_array_member (trend, "weeks") : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; weeks != NULL && i < json_array_get_length (weeks); i++)
    {
      g_autofree char *label = week_label (json_object_get_string_member_with_default (
                                             json_array_get_object_element (weeks, i), "week",
                                             NULL));

      g_strv_builder_add (builder, label);
    }
  return g_strv_builder_end (builder);
}

static void
add_trend_series (CivicWeekChart *chart,
                  JsonObject     *trend,
                  const char     *member,
                  const char     *label,
                  CivicBarTone    tone)
{
  JsonArray *weeks = trend ? json_object_get_array_member (trend, "weeks") : NULL;
  guint n = weeks ? json_array_get_length (weeks) : 0;
  g_autofree double *values = g_new0 (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    values[i] = int_member (json_array_get_object_element (weeks, i), member);
  civic_week_chart_add_series (chart, label, tone, values, n);
}

static void
fill_week_chart (CivicWeekChart *chart,
                 JsonObject     *trend)
{
  g_auto(GStrv) weeks = trend_weeks (trend);

  civic_week_chart_set_weeks (chart, (const char * const *) weeks);
}

static double
double_member (JsonObject *object,
               const char *member,
               gboolean   *present)
{
  JsonNode *node = json_object_get_member (object, member);

  *present = node != NULL && JSON_NODE_HOLDS_VALUE (node);
  return *present ? json_node_get_double (node) : 0;
}

typedef struct
{
  JsonObject *row;
  double      value;
} Ranked;

static int
compare_ranked_ascending (gconstpointer a,
                          gconstpointer b)
{
  const Ranked *x = a, *y = b;

  return x->value < y->value ? -1 : x->value > y->value ? 1 : 0;
}

static int
compare_ranked_descending (gconstpointer a,
                           gconstpointer b)
{
  return compare_ranked_ascending (b, a);
}

/* The rows of a rates answer that have @member, ranked by it */
static GArray *
rank (JsonObject   *rates,
      const char   *member,
      GCompareFunc  compare)
{
  JsonArray *rows = rates ? json_object_get_array_member (rates, "rows") : NULL;
  GArray *ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gboolean present;
      Ranked item = { row, double_member (row, member, &present) };

      if (present)
        g_array_append_val (ranked, item);
    }
  g_array_sort (ranked, compare);
  return ranked;
}

static void
fill_charts (CivicSupervisionView *self)
{
  g_autoptr(GArray) on_time = NULL;
  g_autoptr(GArray) days = NULL;

  /* Went overdue, and completed late, week by week */
  fill_week_chart (self->overdue_chart, self->figures[FIGURE_TREND]);
  add_trend_series (self->overdue_chart, self->figures[FIGURE_TREND], "overdue",
                    _("Went overdue"), CIVIC_BAR_BAD);
  add_trend_series (self->overdue_chart, self->figures[FIGURE_TREND], "late",
                    _("Completed late"), CIVIC_BAR_WARNING);

  /* The departments least often on time first */
  civic_bar_chart_clear (self->on_time_chart);
  civic_bar_chart_set_maximum (self->on_time_chart, 100);
  on_time = rank (self->figures[FIGURE_RATES], "on_time_rate", compare_ranked_ascending);
  for (guint i = 0; i < MIN (on_time->len, TOP_DEPARTMENTS); i++)
    {
      Ranked *item = &g_array_index (on_time, Ranked, i);
      double percent = item->value * 100;
      g_autofree char *text = g_strdup_printf ("%.1f%%", percent);

      civic_bar_chart_add (self->on_time_chart,
                           json_object_get_string_member_with_default (item->row, "name",
                             json_object_get_string_member_with_default (item->row, "key", "")),
                           percent, text,
                           percent >= 95 ? CIVIC_BAR_GOOD : percent >= 80 ? CIVIC_BAR_WARNING
                                                                          : CIVIC_BAR_BAD);
    }

  /* The service items that take longest to decide */
  civic_bar_chart_clear (self->days_chart);
  days = rank (self->figures[FIGURE_ITEM_RATES], "average_days", compare_ranked_descending);
  for (guint i = 0; i < MIN (days->len, TOP_ITEMS); i++)
    {
      Ranked *item = &g_array_index (days, Ranked, i);
      /* Translators: an average in working days: "12.5 working days" */
      g_autofree char *text = g_strdup_printf (_("%.1f working days"), item->value);

      civic_bar_chart_add (self->days_chart,
                           json_object_get_string_member_with_default (item->row, "name",
                             json_object_get_string_member_with_default (item->row, "key", "")),
                           item->value, text, CIVIC_BAR_NEUTRAL);
    }

  fill_week_chart (self->deemed_chart, self->figures[FIGURE_CASE_TREND]);
  add_trend_series (self->deemed_chart, self->figures[FIGURE_CASE_TREND], "deemed",
                    _("Deemed accepted"), CIVIC_BAR_WARNING);
  add_trend_series (self->deemed_chart, self->figures[FIGURE_CASE_TREND], "extended",
                    _("Extended"), CIVIC_BAR_NEUTRAL);

  fill_week_chart (self->ratings_chart, self->figures[FIGURE_RATING_TREND]);
  add_trend_series (self->ratings_chart, self->figures[FIGURE_RATING_TREND], "opened",
                    _("Bad ratings"), CIVIC_BAR_BAD);
  add_trend_series (self->ratings_chart, self->figures[FIGURE_RATING_TREND], "done",
                    _("Rectified"), CIVIC_BAR_GOOD);
  add_trend_series (self->ratings_chart, self->figures[FIGURE_RATING_TREND], "late",
                    _("Rectified late"), CIVIC_BAR_WARNING);
}

static void
update_status (CivicSupervisionView *self,
               const char           *problem)
{
  JsonObject *totals = self->figures[FIGURE_OVERVIEW]
                       ? json_object_get_object_member (self->figures[FIGURE_OVERVIEW], "totals")
                       : NULL;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;

  if (totals != NULL)
    /* Translators: the figures' totals: "35 red, 60 yellow" */
    counts = g_strdup_printf (_("%" PRId64 " red, %" PRId64 " yellow"),
                              int_member (totals, "red"), int_member (totals, "yellow"));
  if (self->fetching > 0)
    text = g_strdup (_("Reading the figures…"));
  else if (problem != NULL && self->fetched_at != NULL)
    /* Translators: the service could not be reached: why, then when the figures shown were read */
    text = g_strdup_printf (_("%s. The figures shown are as of %s: %s"), problem,
                            self->fetched_at, counts ? counts : "");
  else if (problem != NULL)
    text = g_strdup (problem);
  else if (self->fetched_at != NULL)
    /* Translators: "As of 2026-03-20 10:00: 35 red, 60 yellow" */
    text = g_strdup_printf (_("As of %s: %s"), self->fetched_at, counts ? counts : "");
  else
    text = g_strdup (_("No figures yet"));
  gtk_label_set_text (self->status_label, text);
}

static void
show_figures (CivicSupervisionView *self)
{
  fill_departments (self);
  fill_cards (self);
  fill_charts (self);
}

/* Reading the figures */

static void
save_figures (CivicSupervisionView *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "fetched_at", self->fetched_at);
  for (guint i = 0; i < N_FIGURES; i++)
    if (self->figures[i] != NULL)
      {
        g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), self->figures[i]);
        g_autofree char *member = g_strdup_printf ("%u", i);

        json_builder_set_member_name (builder, member);
        json_builder_add_value (builder, g_steal_pointer (&node));
      }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = civic_json_to_string (root, FALSE);
  if (!civic_cache_set_meta (civic_sync_engine_get_cache (self->engine), CACHE_KEY, text, &error))
    g_warning ("The figures cannot be kept offline: %s", error->message);
}

static void
load_saved_figures (CivicSupervisionView *self)
{
  g_autofree char *text = civic_cache_dup_meta (civic_sync_engine_get_cache (self->engine),
                                                CACHE_KEY);
  g_autoptr(JsonNode) node = text ? civic_json_parse (text, -1, NULL) : NULL;
  JsonObject *saved;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  saved = json_node_get_object (node);
  g_free (self->fetched_at);
  self->fetched_at = g_strdup (json_object_get_string_member_with_default (saved, "fetched_at",
                                                                           NULL));
  for (guint i = 0; i < N_FIGURES; i++)
    {
      g_autofree char *member = g_strdup_printf ("%u", i);
      JsonNode *figure = json_object_get_member (saved, member);

      g_clear_pointer (&self->figures[i], json_object_unref);
      if (figure != NULL && JSON_NODE_HOLDS_OBJECT (figure))
        self->figures[i] = json_object_ref (json_node_get_object (figure));
    }
}

typedef struct
{
  CivicSupervisionView *self;
  Figure                figure;
} Fetch;

static void
figure_fetched (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fetch *fetch = user_data;
  CivicSupervisionView *self = fetch->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = civic_api_client_supervision_finish (CIVIC_API_CLIENT (source),
                                                                      result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (fetch->self);
      g_free (fetch);
      return;
    }
  self->fetching--;
  if (answer != NULL)
    {
      g_clear_pointer (&self->figures[fetch->figure], json_object_unref);
      self->figures[fetch->figure] = g_steal_pointer (&answer);
    }
  if (self->fetching == 0)
    {
      if (error == NULL)
        {
          g_autoptr(GDateTime) now = civic_time_now ();

          g_free (self->fetched_at);
          self->fetched_at = civic_time_format_local (now);
          save_figures (self);
        }
      show_figures (self);
      update_status (self, error != NULL ? error->message : NULL);
    }
  else if (error != NULL)
    g_debug ("%s: %s", figure_requests[fetch->figure].what, error->message);
  g_object_unref (fetch->self);
  g_free (fetch);
}

/**
 * civic_supervision_view_refresh:
 *
 * Reads the figures from the service again.
 */
void
civic_supervision_view_refresh (CivicSupervisionView *self)
{
  CivicApiClient *client;

  g_return_if_fail (CIVIC_IS_SUPERVISION_VIEW (self));

  if (self->engine == NULL || !civic_supervision_view_shown_to (me (self)))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  client = civic_sync_engine_get_client (self->engine);
  self->fetching = N_FIGURES;
  /* The service's period: the twelve weeks up to this one */
  for (guint i = 0; i < N_FIGURES; i++)
    {
      Fetch *fetch = g_new0 (Fetch, 1);

      fetch->self = g_object_ref (self);
      fetch->figure = i;
      civic_api_client_supervision_async (client, figure_requests[i].what,
                                          figure_requests[i].query, self->cancellable,
                                          figure_fetched, fetch);
    }
  update_status (self, NULL);
}

/* The list behind a department */

static GtkWidget *
item_row (CivicSupervisionView *self,
          JsonObject           *item,
          CivicDay              today)
{
  const char *type = json_object_get_string_member_with_default (item, "type", "");
  const char *id = json_object_get_string_member_with_default (item, "id", "");
  const char *title = json_object_get_string_member_with_default (item, "title", id);
  const char *status = json_object_get_string_member_with_default (item, "status", "none");
  const char *department_id = json_object_get_string_member_with_default (item, "department_id",
                                                                          "");
  g_autofree char *department = civic_warning_describe_department (self->engine, department_id);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  CivicDay due = CIVIC_DAY_INVALID;

  civic_day_parse (json_object_get_string_member_with_default (item, "due", ""), &due);
  /* Translators: a record's row under its name: "Licensing case · 湖南省市场监督管理局" */
  subtitle = g_strdup_printf (_("%s · %s"), civic_supervision_kind_name (type, FALSE), department);
  row = record_row (self, id, title, subtitle, status, due, today);
  g_object_set_data_full (G_OBJECT (row), "type", g_strdup (type), g_free);
  g_object_set_data_full (G_OBJECT (row), "title", g_strdup (title), g_free);
  g_object_set_data_full (G_OBJECT (row), "department", g_strdup (department_id), g_free);

  if (is_supervisor (self) && g_strcmp0 (type, CIVIC_ENTITY_WARNING) != 0)
    {
      GtkWidget *issue = gtk_button_new_from_icon_name ("mail-mark-important-symbolic");
      /* Translators: the button that issues a card on one record: "Issue a Card on 2026…" */
      g_autofree char *name = g_strdup_printf (_("Issue a Card on %s"), title);

      gtk_widget_set_valign (issue, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (issue, "flat");
      gtk_widget_set_tooltip_text (issue, name);
      civic_accessible_set_name (issue, name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (issue), "supervision.issue-on-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (issue), "s", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), issue);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static char *
list_query (CivicSupervisionView *self,
            int                   offset)
{
  g_autofree char *department = g_uri_escape_string (self->list_department, NULL, FALSE);

  return g_strdup_printf ("department=%s%s%s&offset=%d&limit=%d", department,
                          self->list_status ? "&status=" : "",
                          self->list_status ? self->list_status : "", offset, PAGE_SIZE);
}

static void
items_fetched (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CivicSupervisionView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = civic_api_client_supervision_finish (CIVIC_API_CLIENT (source),
                                                                      result, &error);
  JsonArray *items;
  CivicDay today = civic_time_today ();

  if (answer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        civic_section_toast (CIVIC_SECTION (self), error->message);
      return;
    }
  self->list_total = int_member (answer, "total");
  items = json_object_get_array_member (answer, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    gtk_list_box_append (self->items_list,
                         item_row (self, json_array_get_object_element (items, i), today));
  self->list_offset += items ? json_array_get_length (items) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->list_offset < self->list_total);
  {
    /* Translators: how many of a list are shown: "50 of 132" */
    g_autofree char *shown = g_strdup_printf (_("%d of %" PRId64), self->list_offset,
                                              self->list_total);

    adw_window_title_set_subtitle (self->list_title, shown);
  }
}

static void
fetch_items (CivicSupervisionView *self)
{
  g_autofree char *query = list_query (self, self->list_offset);

  civic_api_client_supervision_async (civic_sync_engine_get_client (self->engine), "items", query,
                                      self->cancellable, items_fetched, g_object_ref (self));
}

/**
 * civic_supervision_view_open_department:
 * @status: (nullable): "red", "yellow", or %NULL for both
 *
 * Shows the department's records of that colour, the most overdue first.
 */
void
civic_supervision_view_open_department (CivicSupervisionView *self,
                                        const char           *department_id,
                                        const char           *status)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (CIVIC_IS_SUPERVISION_VIEW (self));
  g_return_if_fail (department_id != NULL);

  if (self->engine == NULL)
    return;
  g_free (self->list_department);
  self->list_department = g_strdup (department_id);
  g_free (self->list_status);
  self->list_status = g_strdup (status);
  self->list_offset = 0;
  self->list_total = 0;
  clear_list (self->items_list);
  name = civic_warning_describe_department (self->engine, department_id);
  /* Translators: the list of a department's records that are red or yellow: "湖南省… — Red and
   * Yellow" */
  title = g_strdup_printf (_("%s — Red and Yellow"), name);
  adw_window_title_set_title (self->list_title, title);
  adw_window_title_set_subtitle (self->list_title, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->issue_button), is_supervisor (self));
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  gtk_stack_set_visible_child_name (self->pages, "list");
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  fetch_items (self);
}

static void
more_clicked_cb (CivicSupervisionView *self)
{
  fetch_items (self);
}

static void
department_activated_cb (CivicSupervisionView *self,
                         GtkListBoxRow        *row)
{
  civic_supervision_view_open_department (self, gtk_widget_get_name (GTK_WIDGET (row)), NULL);
}

static void
item_activated_cb (CivicSupervisionView *self,
                   GtkListBoxRow        *row)
{
  const char *type = g_object_get_data (G_OBJECT (row), "type");

  if (g_strcmp0 (type, CIVIC_ENTITY_WARNING) == 0)
    civic_supervision_view_open_card (self, gtk_widget_get_name (GTK_WIDGET (row)));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open-record", "(ss)", type,
                                gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Cards */

/**
 * civic_supervision_view_open_card:
 *
 * Shows one card, with the steps the rules allow the official.
 */
void
civic_supervision_view_open_card (CivicSupervisionView *self,
                                  const char           *warning_id)
{
  CivicWarning *warning;

  g_return_if_fail (CIVIC_IS_SUPERVISION_VIEW (self));

  civic_warning_page_show (self->card_page, warning_id);
  warning = civic_warning_page_get_warning (self->card_page);
  if (warning != NULL)
    {
      g_autofree char *department = civic_warning_describe_department (
                                      self->engine, civic_warning_get_department_id (warning));

      adw_window_title_set_title (self->card_title,
                                  civic_warning_level_get_label (civic_warning_get_level (warning)));
      adw_window_title_set_subtitle (self->card_title, department);
    }
  gtk_stack_set_visible_child_name (self->pages, "card");
}

static void
card_activated_cb (CivicSupervisionView *self,
                   GtkListBoxRow        *row)
{
  civic_supervision_view_open_card (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
issue_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CivicSupervisionView) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  CivicWarning *blank = CIVIC_WARNING (civic_action_dialog_get_record (dialog));

  if (args == NULL || self->engine == NULL)
    return;
  /* What the form does not ask — the record the card is on — goes as it
   * was given */
  {
    JsonObject *target = g_object_get_data (G_OBJECT (dialog), "target");
    const char * const members[] = { "target_type", "target_id", "target_title" };

    for (guint i = 0; target != NULL && i < G_N_ELEMENTS (members); i++)
      if (json_object_has_member (target, members[i]))
        json_object_set_string_member (args, members[i],
                                       json_object_get_string_member (target, members[i]));
  }
  command = civic_sync_engine_perform_action (self->engine, &civic_warning_kind,
                                              civic_warning_get_id (blank),
                                              CIVIC_WARNING_ACTION_ISSUE, args, &error);
  if (command == NULL)
    {
      civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                     issue_done_cb, g_object_ref (self));
      return;
    }
  civic_section_toast (CIVIC_SECTION (self),
                       civic_command_past_tense (civic_warning_kind.action_to_string (
                                                   CIVIC_WARNING_ACTION_ISSUE)));
  fill_cards (self);
}

/**
 * civic_supervision_view_issue:
 * @target_type: (nullable): the kind of record it is on, or %NULL for the
 *   department as a whole
 *
 * Opens the form of a new card to @department_id, its department and
 * record filled in; a supervisor's.
 */
void
civic_supervision_view_issue (CivicSupervisionView *self,
                              const char           *department_id,
                              const char           *target_type,
                              const char           *target_id,
                              const char           *target_title)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(CivicWarning) blank = civic_warning_new (id);
  g_autoptr(JsonObject) args = json_object_new ();
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_SUPERVISION_VIEW (self));

  if (!is_supervisor (self))
    return;
  json_object_set_string_member (args, "department_id", department_id);
  if (target_type != NULL)
    {
      json_object_set_string_member (args, "target_type", target_type);
      json_object_set_string_member (args, "target_id", target_id);
      json_object_set_string_member (args, "target_title", target_title);
    }
  dialog = civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->engine, &civic_warning_kind, G_OBJECT (blank),
                                    CIVIC_WARNING_ACTION_ISSUE, 1);
  civic_action_dialog_set_args (dialog, args);
  g_object_set_data_full (G_OBJECT (dialog), "target", json_object_ref (args),
                          (GDestroyNotify) json_object_unref);
  civic_action_dialog_run_async (dialog, NULL, issue_done_cb, g_object_ref (self));
}

static void
issue_on_record_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CivicSupervisionView *self = CIVIC_SUPERVISION_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->items_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
      {
        civic_supervision_view_issue (self, g_object_get_data (G_OBJECT (row), "department"),
                                      g_object_get_data (G_OBJECT (row), "type"), id,
                                      g_object_get_data (G_OBJECT (row), "title"));
        return;
      }
}

static void
issue_clicked_cb (CivicSupervisionView *self)
{
  if (self->list_department != NULL)
    civic_supervision_view_issue (self, self->list_department, NULL, NULL, NULL);
}

/* Exports */

typedef struct
{
  CivicSupervisionView *self;
  char                 *name;
  char                 *department;  /* (nullable): a report's */
  gboolean              report;
  GBytes               *file;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->self);
  g_free (export->name);
  g_free (export->department);
  g_clear_pointer (&export->file, g_bytes_unref);
  g_free (export);
}

static void
export_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CivicSupervisionView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    civic_section_toast (CIVIC_SECTION (self), error->message);
  else
    civic_section_toast (CIVIC_SECTION (self), _("Saved"));
}

static void
export_chosen (GtkNativeDialog *chooser,
               int              response,
               Export          *export)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_file_replace_contents_bytes_async (file, export->file, NULL, FALSE,
                                           G_FILE_CREATE_REPLACE_DESTINATION, NULL, export_saved,
                                           g_object_ref (export->self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  export_free (export);
}

static void
export_fetched (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *chooser;

  export->file = civic_api_client_supervision_export_finish (CIVIC_API_CLIENT (source), result,
                                                             &error);
  if (export->file == NULL)
    {
      civic_section_toast (CIVIC_SECTION (export->self), error->message);
      export_free (export);
      return;
    }
  /* A report is read first, and printed or saved from its window */
  if (export->report)
    {
      g_autofree char *department = export->department != NULL
        ? civic_warning_describe_department (export->self->engine, export->department)
        : g_strdup (_("Every department"));
      CivicDocumentDialog *dialog;

      dialog = civic_document_dialog_new_for_pdf (
        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (export->self))), export->self->engine,
        _("E-Supervision Report"), department,
        _("The service made it from the twelve weeks’ figures, and recorded that you asked for "
          "it."),
        export->file);
      gtk_window_present (GTK_WINDOW (dialog));
      export_free (export);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Save the Export"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (export->self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), export->name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* "overview", "trend", "rates" or "items" as CSV or XLSX, for what is
 * shown: the list's department, or the overview's */
static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CivicSupervisionView *self = CIVIC_SUPERVISION_VIEW (widget);
  const char *what, *format;
  g_autofree char *query = NULL;
  g_autofree char *day = NULL;
  Export *export;

  if (self->engine == NULL)
    return;
  g_variant_get (parameter, "(&s&s)", &what, &format);
  /* The report of the department whose list is shown, or of the overview */
  export = g_new0 (Export, 1);
  export->report = g_str_equal (what, "report");
  if (export->report && self->list_department != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "list") == 0)
    {
      g_autofree char *department = g_uri_escape_string (self->list_department, NULL, FALSE);

      query = g_strdup_printf ("department=%s", department);
      export->department = g_strdup (self->list_department);
    }
  else if (export->report && !is_supervisor (self))
    export->department = g_strdup (me (self)->department_id);
  else if (g_str_equal (what, "items") && self->list_department != NULL)
    {
      g_autofree char *department = g_uri_escape_string (self->list_department, NULL, FALSE);

      query = g_strdup_printf ("department=%s%s%s", department, self->list_status ? "&status=" : "",
                               self->list_status ? self->list_status : "");
    }
  else if (g_str_equal (what, "rates"))
    query = g_strdup ("by=department");
  export->self = g_object_ref (self);
  day = civic_day_format (civic_time_today ());
  export->name = g_strdup_printf ("supervision-%s-%s.%s", what, day, format);
  civic_api_client_supervision_export_async (civic_sync_engine_get_client (self->engine), what,
                                             format, query, NULL, export_fetched, export);
}

/* Building */

static void
page_toast_cb (CivicSupervisionView *self,
               AdwToast             *toast)
{
  g_signal_emit_by_name (self, "add-toast", toast);
}

static void
back_cb (CivicSupervisionView *self)
{
  gtk_stack_set_visible_child_name (self->pages, "overview");
}

static GtkWidget *
scrolled_clamp (GtkWidget *child,
                int        width)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), width);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

static GtkListBox *
boxed_list (const char *name,
            const char *empty)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());
  GtkWidget *none = gtk_label_new (empty);

  gtk_widget_set_valign (GTK_WIDGET (list), GTK_ALIGN_START);
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  civic_accessible_set_name (GTK_WIDGET (list), name);
  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_margin_top (none, 18);
  gtk_widget_set_margin_bottom (none, 18);
  gtk_list_box_set_placeholder (list, none);
  return list;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

/* A chart in a card, under its heading; the chart's text names it */
static void
add_chart (GtkWidget  *box,
           const char *title,
           GtkWidget  *chart)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "indicators");
  gtk_box_append (GTK_BOX (card), heading (title));
  gtk_box_append (GTK_BOX (card), chart);
  gtk_box_append (GTK_BOX (box), card);
}

static GtkWidget *
export_menu_button (const char *what,
                    const char *tooltip)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *csv = g_strdup_printf ("supervision.export(('%s','csv'))", what);
  g_autofree char *xlsx = g_strdup_printf ("supervision.export(('%s','xlsx'))", what);

  g_menu_append (menu, _("Save as _CSV…"), csv);
  g_menu_append (menu, _("Save as _Spreadsheet (XLSX)…"), xlsx);
  g_menu_append (menu, _("The Twelve Weeks’ _Report…"), "supervision.export(('report','pdf'))");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, tooltip);
  civic_accessible_set_name (button, tooltip);
  return button;
}

static void
build (CivicSupervisionView *self)
{
  GtkWidget *page, *header, *box, *list_box, *more;
  CivicSyncIndicator *indicator;

  self->pages = GTK_STACK (gtk_stack_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->pages));

  /* The overview */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (C_("section", "Supervision"), NULL));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             civic_section_back_button (CIVIC_SECTION (self),
                                                        _("Back to Queues"), NULL));
  self->refresh_button = GTK_BUTTON (gtk_button_new_from_icon_name ("view-refresh-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->refresh_button), _("Read the Figures Again"));
  civic_accessible_set_name (GTK_WIDGET (self->refresh_button), _("Read the Figures Again"));
  g_signal_connect_swapped (self->refresh_button, "clicked",
                            G_CALLBACK (civic_supervision_view_refresh), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->refresh_button));
  indicator = g_object_new (CIVIC_TYPE_SYNC_INDICATOR, "compact", TRUE, NULL);
  g_object_bind_property (self, "engine", indicator, "engine", G_BINDING_SYNC_CREATE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (indicator));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           export_menu_button ("overview", _("Save the Overview")));
  gtk_box_append (GTK_BOX (page), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->status_label = GTK_LABEL (gtk_label_new (_("No figures yet")));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));

  /* The cards first: what waits on the official */
  gtk_box_append (GTK_BOX (box), heading (_("Supervision Cards")));
  self->cards_list = boxed_list (_("Supervision cards"), _("No cards"));
  g_signal_connect_swapped (self->cards_list, "row-activated", G_CALLBACK (card_activated_cb),
                            self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->cards_list));

  gtk_box_append (GTK_BOX (box), heading (_("Red and Yellow, by Department")));
  self->departments_list = boxed_list (_("Red and yellow, by department"),
                                       _("Every clock is within its time"));
  g_signal_connect_swapped (self->departments_list, "row-activated",
                            G_CALLBACK (department_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->departments_list));

  self->overdue_chart = CIVIC_WEEK_CHART (civic_week_chart_new ());
  civic_week_chart_set_title (self->overdue_chart, _("Went overdue and completed late, by week"));
  add_chart (box, _("Went Overdue, by Week"), GTK_WIDGET (self->overdue_chart));
  self->on_time_chart = CIVIC_BAR_CHART (civic_bar_chart_new ());
  civic_bar_chart_set_title (self->on_time_chart, _("On-time rate by department, lowest first"));
  add_chart (box, _("On-Time Rate, by Department"), GTK_WIDGET (self->on_time_chart));
  self->days_chart = CIVIC_BAR_CHART (civic_bar_chart_new ());
  civic_bar_chart_set_title (self->days_chart,
                             _("Average working days to decide, by service item, longest first"));
  add_chart (box, _("Average Working Days to Decide, by Service Item"),
             GTK_WIDGET (self->days_chart));
  self->deemed_chart = CIVIC_WEEK_CHART (civic_week_chart_new ());
  civic_week_chart_set_title (self->deemed_chart, _("Deemed acceptances and extensions, by week"));
  add_chart (box, _("Deemed Acceptances and Extensions, by Week"), GTK_WIDGET (self->deemed_chart));
  self->ratings_chart = CIVIC_WEEK_CHART (civic_week_chart_new ());
  civic_week_chart_set_title (self->ratings_chart, _("Bad ratings and their rectification, by week"));
  add_chart (box, _("Bad Ratings and Their Rectification, by Week"),
             GTK_WIDGET (self->ratings_chart));

  gtk_box_append (GTK_BOX (page), scrolled_clamp (box, 1000));
  gtk_stack_add_named (self->pages, page, "overview");

  /* A department's red and yellow records */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->list_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Red and Yellow"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->list_title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             civic_section_back_button (CIVIC_SECTION (self),
                                                        _("Back to the Overview"),
                                                        G_CALLBACK (back_cb)));
  self->issue_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Issue Card…")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->issue_button),
                               _("Issue a card to the department as a whole"));
  g_signal_connect_swapped (self->issue_button, "clicked", G_CALLBACK (issue_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->issue_button));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           export_menu_button ("items", _("Save the List")));
  gtk_box_append (GTK_BOX (page), header);
  list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->items_list = boxed_list (_("Records"), _("Nothing red or yellow"));
  g_signal_connect_swapped (self->items_list, "row-activated", G_CALLBACK (item_activated_cb),
                            self);
  gtk_box_append (GTK_BOX (list_box), GTK_WIDGET (self->items_list));
  more = gtk_button_new_with_mnemonic (_("Show _More"));
  self->more_button = GTK_BUTTON (more);
  gtk_widget_set_halign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "pill");
  g_signal_connect_swapped (more, "clicked", G_CALLBACK (more_clicked_cb), self);
  gtk_box_append (GTK_BOX (list_box), more);
  gtk_box_append (GTK_BOX (page), scrolled_clamp (list_box, 900));
  gtk_stack_add_named (self->pages, page, "list");

  /* A card */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->card_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Card"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->card_title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             civic_section_back_button (CIVIC_SECTION (self),
                                                        _("Back to the Overview"),
                                                        G_CALLBACK (back_cb)));
  gtk_box_append (GTK_BOX (page), header);
  self->card_page = CIVIC_WARNING_PAGE (civic_warning_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->card_page), TRUE);
  g_signal_connect_swapped (self->card_page, "add-toast", G_CALLBACK (page_toast_cb), self);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->card_page));
  gtk_stack_add_named (self->pages, page, "card");
}

/* The official's copy changed: the cards, and the card shown */
static void
records_changed_cb (CivicSupervisionView *self)
{
  fill_cards (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "card") == 0)
    civic_warning_page_reload (self->card_page);
}

static void
civic_supervision_view_engine_changed (CivicSection    *section,
                                       CivicSyncEngine *engine)
{
  CivicSupervisionView *self = CIVIC_SUPERVISION_VIEW (section);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->fetching = 0;
  for (guint i = 0; i < N_FIGURES; i++)
    g_clear_pointer (&self->figures[i], json_object_unref);
  g_clear_pointer (&self->fetched_at, g_free);
  self->engine = engine;
  civic_warning_page_set_engine (self->card_page, engine);
  gtk_stack_set_visible_child_name (self->pages, "overview");
  if (engine != NULL)
    load_saved_figures (self);
  show_figures (self);
  update_status (self, NULL);
  /* Given an engine while shown (the window gives it on first show,
   * after the page is mapped; a switch of role): read the figures now */
  if (engine != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    civic_supervision_view_refresh (self);
}

static void
civic_supervision_view_map (GtkWidget *widget)
{
  CivicSupervisionView *self = CIVIC_SUPERVISION_VIEW (widget);

  GTK_WIDGET_CLASS (civic_supervision_view_parent_class)->map (widget);
  /* The figures are read when the section is first looked at, not at
   * start: the window's first rows come first */
  if (self->engine != NULL && self->fetching == 0 && self->cancellable == NULL)
    civic_supervision_view_refresh (self);
}

CivicWeekChart *
civic_supervision_view_get_overdue_chart (CivicSupervisionView *self)
{
  g_return_val_if_fail (CIVIC_IS_SUPERVISION_VIEW (self), NULL);
  return self->overdue_chart;
}

CivicBarChart *
civic_supervision_view_get_on_time_chart (CivicSupervisionView *self)
{
  g_return_val_if_fail (CIVIC_IS_SUPERVISION_VIEW (self), NULL);
  return self->on_time_chart;
}

GtkListBox *
civic_supervision_view_get_departments (CivicSupervisionView *self)
{
  g_return_val_if_fail (CIVIC_IS_SUPERVISION_VIEW (self), NULL);
  return self->departments_list;
}

GtkListBox *
civic_supervision_view_get_cards (CivicSupervisionView *self)
{
  g_return_val_if_fail (CIVIC_IS_SUPERVISION_VIEW (self), NULL);
  return self->cards_list;
}

/**
 * civic_supervision_view_get_n_to_do:
 *
 * Returns: the cards waiting on the official: to reply to, or a reply to
 * look at
 */
guint
civic_supervision_view_get_n_to_do (CivicSupervisionView *self)
{
  g_return_val_if_fail (CIVIC_IS_SUPERVISION_VIEW (self), 0);
  return self->n_to_do;
}

gboolean
civic_supervision_view_is_fetching (CivicSupervisionView *self)
{
  g_return_val_if_fail (CIVIC_IS_SUPERVISION_VIEW (self), FALSE);
  return self->fetching > 0;
}

static void
civic_supervision_view_dispose (GObject *object)
{
  CivicSupervisionView *self = CIVIC_SUPERVISION_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->engine = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->pages = NULL;
  for (guint i = 0; i < N_FIGURES; i++)
    g_clear_pointer (&self->figures[i], json_object_unref);
  g_clear_pointer (&self->fetched_at, g_free);
  g_clear_pointer (&self->list_department, g_free);
  g_clear_pointer (&self->list_status, g_free);
  G_OBJECT_CLASS (civic_supervision_view_parent_class)->dispose (object);
}

static void
civic_supervision_view_class_init (CivicSupervisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CivicSectionClass *section_class = CIVIC_SECTION_CLASS (klass);

  object_class->dispose = civic_supervision_view_dispose;
  widget_class->map = civic_supervision_view_map;
  section_class->engine_changed = civic_supervision_view_engine_changed;

  gtk_widget_class_install_action (widget_class, "supervision.issue-on-record", "s",
                                   issue_on_record_activated);
  gtk_widget_class_install_action (widget_class, "supervision.export", "(ss)", export_activated);
}

static void
civic_supervision_view_init (CivicSupervisionView *self)
{
  build (self);
  g_signal_group_connect_swapped (civic_section_get_engine_signals (CIVIC_SECTION (self)),
                                  "cases-changed", G_CALLBACK (records_changed_cb), self);
}
