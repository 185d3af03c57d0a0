/* civic-hearings-view.c — the Hearings section: what to schedule, the week, the hearing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-hearings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-due-chip.h"
#include "civic-hearing-grid.h"
#include "civic-hearing-page.h"
#include "civic-hearings-view.h"
#include "civic-sync-indicator.h"
#include "civic-time.h"

/* A hearing officer's desk: on the left the hearings waiting for a time,
 * the most pressing first (the latest day Art. 47 allows, coloured like a
 * case's deadline); on the right the week of every room, a day by rooms
 * or the month with counts. A hearing is scheduled by dragging it onto a
 * time — the times the law or a clash forbids are marked while it is
 * dragged, and say why — or by selecting it and pressing Enter on a time;
 * either opens the scheduling form filled in, which the rules check again
 * as it is changed. A hearing opens its page. Everything works on the
 * offline copy: a schedule made offline is tentative until the service
 * takes it, and a clash it finds there comes back as a conflict. */

#define DEFAULT_MINUTES 120

struct _CivicHearingsView
{
  CivicSection        parent_instance;

  /* Template widgets */
  GtkStack           *pages;
  GtkToggleButton    *week_button;
  GtkToggleButton    *day_button;
  GtkToggleButton    *month_button;
  GtkListBox         *queue_list;
  GtkLabel           *queue_title;
  GtkLabel           *period_label;
  GtkRevealer        *hint_revealer;
  GtkLabel           *hint_label;
  GtkStack           *views;
  CivicHearingGrid   *grid;
  GtkGrid            *month_grid;
  AdwWindowTitle     *hearing_title;
  CivicHearingPage   *page;
  CivicSyncIndicator *sync_indicator;

  CivicSyncEngine    *engine;     /* the section's */
  GPtrArray          *hearings;   /* CivicHearing */
  GPtrArray          *rooms;      /* JsonNode: the department's and the hall's */
  GHashTable         *by_day;     /* CivicDay → GPtrArray of CivicHearing with a time that day */
  CivicDay            day;
  gboolean            month;
  CivicHearing       *dragged;
  guint               n_to_schedule;
};

G_DEFINE_FINAL_TYPE (CivicHearingsView, civic_hearings_view, CIVIC_TYPE_SECTION)

static CivicHearing *
find_hearing (CivicHearingsView *self,
              const char        *id)
{
  for (guint i = 0; id != NULL && self->hearings != NULL && i < self->hearings->len; i++)
    if (g_strcmp0 (civic_hearing_get_id (g_ptr_array_index (self->hearings, i)), id) == 0)
      return g_ptr_array_index (self->hearings, i);
  return NULL;
}

static gboolean
is_to_schedule (CivicHearing *hearing)
{
  CivicHearingState state = civic_hearing_get_state (hearing);

  return state == CIVIC_HEARING_STATE_PENDING || state == CIVIC_HEARING_STATE_POSTPONED;
}

static CivicDay
latest_day (CivicHearingsView *self,
            CivicHearing      *hearing)
{
  CivicHearingDates dates;

  civic_hearing_get_key_dates (hearing, civic_sync_engine_get_calendar (self->engine), NULL,
                               &dates);
  return dates.latest_hearing_day;
}

/* The law's verdict on a time, for a hearing being placed */

static GDateTime *
local_time (CivicDay day,
            int      minute)
{
  int y, m, d;

  civic_day_to_ymd (day, &y, &m, &d);
  return g_date_time_new (civic_time_zone (), y, m, d, minute / 60, minute % 60, 0);
}

/* Who would host: the official placing it, if they host hearings; else
 * whoever hosts it already */
static void
default_host (CivicHearingsView  *self,
              CivicHearing       *hearing,
              const char        **id,
              const char        **name)
{
  const CivicActor *me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));

  if (civic_actor_has_role (me, CIVIC_ROLE_HEARING_OFFICER))
    {
      *id = me->id;
      *name = me->name;
      return;
    }
  *id = civic_hearing_get_host_id (hearing);
  *name = civic_hearing_get_host_name (hearing);
}

static char *
first_clash (CivicHearing           *hearing,
             const CivicHearingSlot *slot,
             GPtrArray              *others)
{
  g_autoptr(GPtrArray) clashes = NULL;

  if (others == NULL)
    return NULL;
  clashes = civic_hearing_find_conflicts_with (hearing, slot, others);
  return clashes->len > 0 ? civic_hearing_conflict_describe (g_ptr_array_index (clashes, 0)) : NULL;
}

/* What the room itself forbids: another department's, too small, closed */
static char *
room_verdict (CivicHearingsView *self,
              CivicHearing      *hearing,
              const char        *room_id,
              GDateTime         *starts,
              GDateTime         *ends)
{
  for (guint i = 0; self->rooms != NULL && i < self->rooms->len; i++)
    {
      JsonObject *room = json_node_get_object (g_ptr_array_index (self->rooms, i));

      if (g_strcmp0 (json_object_get_string_member_with_default (room, "id", NULL), room_id) == 0)
        return civic_hearing_check_room (hearing, room, starts, ends);
    }
  return NULL;
}

static char *
verdict_for (CivicHearingsView *self,
             CivicHearing      *hearing,
             CivicDay           day,
             int                minute,
             const char        *room_id)
{
  CivicCalendar *calendar = civic_sync_engine_get_calendar (self->engine);
  int end = MIN (minute + DEFAULT_MINUTES, CIVIC_HEARING_GRID_LAST_MINUTE);
  g_autoptr(GDateTime) starts = local_time (day, minute);
  g_autoptr(GDateTime) ends = local_time (day, end);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_auto(GStrv) examiners = civic_hearing_dup_examiner_ids (hearing);
  g_autoptr(GPtrArray) findings = NULL;
  GPtrArray *others = g_hash_table_lookup (self->by_day, GUINT_TO_POINTER (day));
  CivicHearingSlot slot = { room_id ? room_id : civic_hearing_get_room_id (hearing), NULL, NULL,
                            starts, ends };
  char *clash;

  if (g_date_time_compare (starts, now) <= 0)
    return g_strdup (_("This time has passed"));
  if (!civic_calendar_is_working_day (calendar, day))
    return g_strdup (_("Not a working day"));

  default_host (self, hearing, &slot.host_id, &slot.host_name);
  findings = civic_hearing_check_schedule (hearing, &slot, (const char * const *) examiners,
                                           calendar, NULL, civic_time_today ());
  for (guint i = 0; i < findings->len; i++)
    {
      const CivicHearingFinding *finding = g_ptr_array_index (findings, i);

      if (civic_hearing_finding_blocks_schedule (finding))
        return g_strdup (finding->message);
    }

  if (room_id != NULL || slot.room_id != NULL)
    {
      char *closed = room_verdict (self, hearing, slot.room_id, starts, ends);

      return closed != NULL ? closed : first_clash (hearing, &slot, others);
    }

  /* The week, with no room yet: a person's clash, or no room free */
  slot.room_id = NULL;
  if ((clash = first_clash (hearing, &slot, others)) != NULL)
    return clash;
  for (guint r = 0; self->rooms != NULL && r < self->rooms->len; r++)
    {
      g_autofree char *taken = NULL;

      g_autofree char *closed = NULL;

      slot.room_id = json_object_get_string_member_with_default (
        json_node_get_object (g_ptr_array_index (self->rooms, r)), "id", NULL);
      closed = room_verdict (self, hearing, slot.room_id, starts, ends);
      taken = closed ? NULL : first_clash (hearing, &slot, others);
      if (closed == NULL && taken == NULL)
        return NULL;
    }
  return g_strdup (_("Every room is taken at that time"));
}

/**
 * civic_hearings_view_verdict:
 *
 * Returns: (transfer full) (nullable): why @hearing_id may not be
 * scheduled at that time, or %NULL when it may
 */
char *
civic_hearings_view_verdict (CivicHearingsView *self,
                             const char        *hearing_id,
                             CivicDay           day,
                             int                minute,
                             const char        *room_id)
{
  CivicHearing *hearing = find_hearing (self, hearing_id);

  g_return_val_if_fail (CIVIC_IS_HEARINGS_VIEW (self), NULL);

  if (hearing == NULL || self->engine == NULL)
    return g_strdup (_("The hearing is not in the offline copy"));
  return verdict_for (self, hearing, day, minute, room_id);
}

static char *
grid_verdict (CivicDay    day,
              int         minute,
              const char *room_id,
              gpointer    user_data)
{
  CivicHearingsView *self = user_data;

  return verdict_for (self, self->dragged, day, minute, room_id);
}

static void
mark_for (CivicHearingsView *self,
          const char        *hearing_id)
{
  g_set_object (&self->dragged, find_hearing (self, hearing_id));
  civic_hearing_grid_mark (self->grid, self->dragged ? grid_verdict : NULL, self);
}

/* The scheduling form, filled in with a time */

static void
schedule_at (CivicHearingsView *self,
             const char        *hearing_id,
             CivicDay           day,
             int                minute,
             const char        *room_id)
{
  CivicHearing *hearing = find_hearing (self, hearing_id);
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *day_text = civic_day_format (day);
  g_autofree char *starts = g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
  int end = MIN (minute + DEFAULT_MINUTES, CIVIC_HEARING_GRID_LAST_MINUTE);
  g_autofree char *ends = g_strdup_printf ("%02d:%02d", end / 60, end % 60);
  const char *host_id, *host_name;

  if (hearing == NULL)
    return;
  default_host (self, hearing, &host_id, &host_name);
  json_object_set_string_member (args, "day", day_text);
  json_object_set_string_member (args, "starts", starts);
  json_object_set_string_member (args, "ends", ends);
  if (room_id != NULL || civic_hearing_get_room_id (hearing) != NULL)
    json_object_set_string_member (args, "room",
                                   room_id ? room_id : civic_hearing_get_room_id (hearing));
  if (host_id != NULL)
    json_object_set_string_member (args, "host", host_id);
  if (civic_hearing_get_clerk_id (hearing) != NULL)
    json_object_set_string_member (args, "clerk", civic_hearing_get_clerk_id (hearing));

  civic_hearing_page_show_hearing (self->page, hearing_id);
  civic_hearing_page_start_action (self->page, CIVIC_HEARING_ACTION_SCHEDULE, args);
}

/* The queue */

static GdkContentProvider *
row_drag_prepare (GtkDragSource *source,
                  double         x,
                  double         y,
                  gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  return gdk_content_provider_new_typed (G_TYPE_STRING, gtk_widget_get_name (row));
}

static void
row_drag_begin (GtkDragSource     *source,
                GdkDrag           *drag,
                CivicHearingsView *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  mark_for (self, gtk_widget_get_name (row));
}

static void
row_drag_end (GtkDragSource     *source,
              GdkDrag           *drag,
              gboolean           delete_data,
              CivicHearingsView *self)
{
  mark_for (self, NULL);
}

static int
compare_by_latest (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  CivicHearingsView *self = user_data;
  CivicHearing *x = *(CivicHearing **) a, *y = *(CivicHearing **) b;
  CivicDay dx = latest_day (self, x), dy = latest_day (self, y);

  /* An ex officio hearing has no day of Art. 47: after those that do */
  if (dx == CIVIC_DAY_INVALID)
    dx = G_MAXUINT;
  if (dy == CIVIC_DAY_INVALID)
    dy = G_MAXUINT;
  if (dx != dy)
    return dx < dy ? -1 : 1;
  return g_strcmp0 (civic_hearing_get_id (x), civic_hearing_get_id (y));
}

static GtkWidget *
line_new (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A hearing waiting for a time: its case, its matter, then how long the
 * law leaves and where it stands — the chip under the name, so a narrow
 * queue does not break the case's number */
static GtkWidget *
queue_row (CivicHearingsView *self,
           CivicHearing      *hearing)
{
  CivicCalendar *calendar = civic_sync_engine_get_calendar (self->engine);
  CivicDay today = civic_time_today ();
  CivicDay latest = latest_day (self, hearing);
  g_autofree char *label = civic_hearing_kind.label (G_OBJECT (hearing));
  g_autofree char *name = NULL;
  const char *matter = civic_hearing_get_matter (hearing);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkWidget *chip = civic_due_chip_new ();
  GtkWidget *state;

  gtk_widget_set_name (row, civic_hearing_get_id (hearing));
  gtk_widget_add_css_class (row, "hearing-queue-row");
  gtk_box_append (GTK_BOX (box), line_new (label, "heading"));
  if (matter != NULL)
    gtk_box_append (GTK_BOX (box), line_new (matter, "dim-label"));

  if (latest != CIVIC_DAY_INVALID)
    {
      int left = latest >= today ? civic_calendar_working_days_between (calendar, today, latest) : -1;

      civic_due_chip_set_status (CIVIC_DUE_CHIP (chip),
                                 left < 0 ? "red" : left <= 3 ? "yellow" : "green", latest,
                                 calendar, today);
    }
  else
    civic_due_chip_set_status (CIVIC_DUE_CHIP (chip), "none", CIVIC_DAY_INVALID, calendar, today);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (footer), chip);
  state = line_new (civic_hearing_state_get_label (civic_hearing_get_state (hearing)), "caption");
  gtk_widget_add_css_class (state, "dim-label");
  gtk_box_append (GTK_BOX (footer), state);
  gtk_widget_set_margin_top (footer, 3);
  gtk_box_append (GTK_BOX (box), footer);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: a hearing to schedule, as a screen reader says it: the
   * hearing, its matter, the time left */
  name = g_strdup_printf (_("%s, %s, %s"), label, matter ? matter : "",
                          civic_due_chip_get_text (CIVIC_DUE_CHIP (chip)));
  civic_accessible_set_name (row, name);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (row_drag_prepare), NULL);
  g_signal_connect (source, "drag-begin", G_CALLBACK (row_drag_begin), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (row_drag_end), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  return row;
}

static void
fill_queue (CivicHearingsView *self)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();
  g_autofree char *selected = NULL;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->queue_list);
  GtkWidget *child;

  if (row != NULL)
    selected = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));
  /* The rows, not the placeholder, which is a child too */
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->queue_list, 0))) != NULL)
    gtk_list_box_remove (self->queue_list, child);

  for (guint i = 0; self->hearings != NULL && i < self->hearings->len; i++)
    if (is_to_schedule (g_ptr_array_index (self->hearings, i)))
      g_ptr_array_add (waiting, g_ptr_array_index (self->hearings, i));
  g_ptr_array_sort_with_data (waiting, compare_by_latest, self);
  self->n_to_schedule = waiting->len;

  for (guint i = 0; i < waiting->len; i++)
    {
      GtkWidget *queued = queue_row (self, g_ptr_array_index (waiting, i));

      gtk_list_box_append (self->queue_list, queued);
      if (g_strcmp0 (selected, gtk_widget_get_name (queued)) == 0)
        gtk_list_box_select_row (self->queue_list, GTK_LIST_BOX_ROW (queued));
    }
}

/* The month: a count per day */

static void
month_day_clicked (GtkButton         *button,
                   CivicHearingsView *self)
{
  civic_hearings_view_show (self, CIVIC_HEARING_GRID_WEEK,
                            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "day")));
}

static void
fill_month (CivicHearingsView *self)
{
  int y, m, d;
  CivicDay first, start;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->month_grid))) != NULL)
    gtk_grid_remove (self->month_grid, child);

  civic_day_to_ymd (self->day, &y, &m, &d);
  first = civic_day_from_ymd (y, m, 1);
  start = first - (civic_day_weekday (first) - G_DATE_MONDAY);

  for (int c = 0; c < 7; c++)
    {
      GtkWidget *header = gtk_label_new (civic_day_weekday_name (start + c));

      gtk_widget_add_css_class (header, "dim-label");
      gtk_grid_attach (self->month_grid, header, c, 0, 1, 1);
    }

  for (int i = 0; i < 42; i++)
    {
      CivicDay day = start + i;
      GPtrArray *that_day = g_hash_table_lookup (self->by_day, GUINT_TO_POINTER (day));
      guint n = that_day ? that_day->len : 0;
      int dy, dm, dd;
      g_autofree char *text = NULL;
      g_autofree char *date = civic_day_format (day);
      g_autofree char *name = NULL;
      GtkWidget *button;

      civic_day_to_ymd (day, &dy, &dm, &dd);
      text = n > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d\n%u hearing",
                                                   "%d\n%u hearings", n), dd, n)
                   : g_strdup_printf ("%d\n ", dd);
      button = gtk_button_new_with_label (text);
      gtk_widget_add_css_class (button, "month-day");
      if (dm != m)
        gtk_widget_add_css_class (button, "other-month");
      if (n > 0)
        gtk_widget_add_css_class (button, "busy");
      if (day == civic_time_today ())
        gtk_widget_add_css_class (button, "today");
      /* Translators: a day of the month view: "2026-03-30, 3 hearings" */
      name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u hearing", "%s, %u hearings", n),
                              date, n);
      civic_accessible_set_name (button, name);
      g_object_set_data (G_OBJECT (button), "day", GUINT_TO_POINTER (day));
      g_signal_connect (button, "clicked", G_CALLBACK (month_day_clicked), self);
      gtk_grid_attach (self->month_grid, button, i % 7, 1 + i / 7, 1, 1);
    }
}

/* Reading the offline copy */

static void
update_period (CivicHearingsView *self)
{
  g_autofree char *text = NULL;

  if (self->month)
    {
      int y, m, d;

      civic_day_to_ymd (self->day, &y, &m, &d);
      /* Translators: the month shown: "2026-03" */
      text = g_strdup_printf (_("%d-%02d"), y, m);
    }
  else if (civic_hearing_grid_get_mode (self->grid) == CIVIC_HEARING_GRID_DAY)
    {
      g_autofree char *date = civic_day_format (self->day);

      text = g_strdup_printf (_("%s %s"), civic_day_weekday_name (self->day), date);
    }
  else
    {
      CivicDay first = civic_hearing_grid_get_first_day (self->grid);
      g_autofree char *from = civic_day_format (first);
      g_autofree char *to = civic_day_format (first + 6);

      /* Translators: the week shown: "2026-03-30 – 2026-04-05" */
      text = g_strdup_printf (_("%s – %s"), from, to);
    }
  gtk_label_set_text (self->period_label, text);
}

static void
index_by_day (CivicHearingsView *self)
{
  g_hash_table_remove_all (self->by_day);
  for (guint i = 0; self->hearings != NULL && i < self->hearings->len; i++)
    {
      CivicHearing *hearing = g_ptr_array_index (self->hearings, i);
      CivicDay day = civic_hearing_get_hearing_day (hearing);
      GPtrArray *list;

      if (day == CIVIC_DAY_INVALID || civic_hearing_get_state (hearing) == CIVIC_HEARING_STATE_CANCELLED ||
          civic_hearing_get_state (hearing) == CIVIC_HEARING_STATE_WITHDRAWN)
        continue;
      list = g_hash_table_lookup (self->by_day, GUINT_TO_POINTER (day));
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->by_day, GUINT_TO_POINTER (day), list);
        }
      g_ptr_array_add (list, hearing);
    }
}

static void
load_rooms (CivicHearingsView *self)
{
  CivicCache *cache = civic_sync_engine_get_cache (self->engine);
  g_autoptr(GPtrArray) all = civic_cache_load_entities (cache, CIVIC_ENTITY_ROOM, NULL);
  const char *mine = civic_cache_get_me (cache)->department_id;

  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  self->rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      JsonNode *node = g_ptr_array_index (all, i);
      const char *owner = JSON_NODE_HOLDS_OBJECT (node)
        ? json_object_get_string_member_with_default (json_node_get_object (node), "department", NULL)
        : NULL;

      /* The department's own rooms first, then the hall's */
      if (JSON_NODE_HOLDS_OBJECT (node) && owner != NULL && g_strcmp0 (owner, mine) == 0)
        g_ptr_array_add (self->rooms, json_node_ref (node));
    }
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      JsonNode *node = g_ptr_array_index (all, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          json_object_get_string_member_with_default (json_node_get_object (node), "department",
                                                      NULL) == NULL)
        g_ptr_array_add (self->rooms, json_node_ref (node));
    }
}

static void
reload (CivicHearingsView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->hearings, g_ptr_array_unref);
  if (self->engine == NULL)
    {
      g_hash_table_remove_all (self->by_day);
      fill_queue (self);
      civic_hearing_grid_set_hearings (self->grid, NULL);
      return;
    }

  self->hearings = civic_sync_engine_list_hearings (self->engine, &error);
  if (self->hearings == NULL)
    g_warning ("The hearings cannot be read: %s", error->message);
  load_rooms (self);
  index_by_day (self);
  fill_queue (self);
  civic_hearing_grid_set_calendar (self->grid, civic_sync_engine_get_calendar (self->engine));
  civic_hearing_grid_set_rooms (self->grid, self->rooms);
  civic_hearing_grid_set_hearings (self->grid, self->hearings);
  if (self->month)
    fill_month (self);
  update_period (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "hearing") == 0)
    civic_hearing_page_reload (self->page);
}

/* Navigation */

/**
 * civic_hearings_view_show:
 *
 * Shows the week, the day by rooms or (for %CIVIC_HEARING_GRID_WEEK with
 * the month button down) the month around @day.
 */
void
civic_hearings_view_show (CivicHearingsView    *self,
                          CivicHearingGridMode  mode,
                          CivicDay              day)
{
  g_return_if_fail (CIVIC_IS_HEARINGS_VIEW (self));

  self->day = day;
  self->month = FALSE;
  gtk_toggle_button_set_active (mode == CIVIC_HEARING_GRID_DAY ? self->day_button : self->week_button,
                                TRUE);
  civic_hearing_grid_set_mode (self->grid, mode);
  civic_hearing_grid_set_day (self->grid, day);
  gtk_stack_set_visible_child_name (self->views, "grid");
  gtk_stack_set_visible_child_name (self->pages, "schedule");
  update_period (self);
}

static void
mode_toggled_cb (CivicHearingsView *self,
                 GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->month = button == self->month_button;
  if (self->month)
    {
      fill_month (self);
      gtk_stack_set_visible_child_name (self->views, "month");
    }
  else
    {
      civic_hearing_grid_set_mode (self->grid, button == self->day_button ? CIVIC_HEARING_GRID_DAY
                                                                          : CIVIC_HEARING_GRID_WEEK);
      civic_hearing_grid_set_day (self->grid, self->day);
      gtk_stack_set_visible_child_name (self->views, "grid");
    }
  update_period (self);
}

static void
move_by (CivicHearingsView *self,
         int                direction)
{
  if (self->month)
    {
      int y, m, d;

      civic_day_to_ymd (self->day, &y, &m, &d);
      m += direction;
      if (m < 1)
        m = 12, y--;
      else if (m > 12)
        m = 1, y++;
      self->day = civic_day_from_ymd (y, m, 1);
      fill_month (self);
      update_period (self);
      return;
    }
  self->day += direction * (civic_hearing_grid_get_mode (self->grid) == CIVIC_HEARING_GRID_DAY ? 1 : 7);
  civic_hearing_grid_set_day (self->grid, self->day);
  update_period (self);
}

static void
earlier_cb (CivicHearingsView *self)
{
  move_by (self, -1);
}

static void
later_cb (CivicHearingsView *self)
{
  move_by (self, 1);
}

static void
today_cb (CivicHearingsView *self)
{
  self->day = civic_time_today ();
  if (self->month)
    fill_month (self);
  else
    civic_hearing_grid_set_day (self->grid, self->day);
  update_period (self);
}

void
civic_hearings_view_open_hearing (CivicHearingsView *self,
                                  const char        *hearing_id)
{
  CivicHearing *hearing;

  g_return_if_fail (CIVIC_IS_HEARINGS_VIEW (self));

  hearing = find_hearing (self, hearing_id);
  if (hearing != NULL)
    {
      g_autofree char *label = civic_hearing_kind.label (G_OBJECT (hearing));

      adw_window_title_set_title (self->hearing_title, label);
      adw_window_title_set_subtitle (self->hearing_title, civic_hearing_get_matter (hearing));
    }
  civic_hearing_page_show_hearing (self->page, hearing_id);
  gtk_stack_set_visible_child_name (self->pages, "hearing");
}

static void
back_cb (CivicHearingsView *self)
{
  gtk_stack_set_visible_child_name (self->pages, "schedule");
}

static void
queue_row_activated_cb (CivicHearingsView *self,
                        GtkListBoxRow     *row)
{
  civic_hearings_view_open_hearing (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
hearing_activated_cb (CivicHearingsView *self,
                      const char        *hearing_id)
{
  civic_hearings_view_open_hearing (self, hearing_id);
}

/* Enter on a time: the hearing selected in the queue goes there */
static void
slot_activated_cb (CivicHearingsView *self,
                   guint              day,
                   int                minute,
                   const char        *room_id)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->queue_list);
  g_autofree char *verdict = NULL;

  if (row == NULL || find_hearing (self, gtk_widget_get_name (GTK_WIDGET (row))) == NULL)
    {
      civic_section_toast (CIVIC_SECTION (self), _("Select a hearing to schedule first"));
      return;
    }
  verdict = civic_hearings_view_verdict (self, gtk_widget_get_name (GTK_WIDGET (row)), day, minute,
                                         room_id);
  if (verdict != NULL)
    {
      civic_section_toast (CIVIC_SECTION (self), verdict);
      return;
    }
  schedule_at (self, gtk_widget_get_name (GTK_WIDGET (row)), day, minute, room_id);
}

static void
hearing_dropped_cb (CivicHearingsView *self,
                    const char        *hearing_id,
                    guint              day,
                    int                minute,
                    const char        *room_id)
{
  mark_for (self, NULL);
  schedule_at (self, hearing_id, day, minute, room_id);
}

static void
drop_hover_cb (CivicHearingsView *self,
               const char        *slot,
               const char        *verdict)
{
  if (verdict != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not here: %s"), verdict);

      gtk_label_set_text (self->hint_label, text);
    }
  gtk_revealer_set_reveal_child (self->hint_revealer, verdict != NULL);
}

static void
drag_started_cb (CivicHearingsView *self,
                 const char        *hearing_id)
{
  mark_for (self, hearing_id);
}

static void
drag_ended_cb (CivicHearingsView *self)
{
  mark_for (self, NULL);
  gtk_revealer_set_reveal_child (self->hint_revealer, FALSE);
}

guint
civic_hearings_view_get_n_to_schedule (CivicHearingsView *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARINGS_VIEW (self), 0);
  return self->n_to_schedule;
}

CivicHearingGrid *
civic_hearings_view_get_grid (CivicHearingsView *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARINGS_VIEW (self), NULL);
  return self->grid;
}

static void
page_toast_cb (CivicHearingsView *self,
               AdwToast          *toast)
{
  g_signal_emit_by_name (self, "add-toast", toast);
}

static void
civic_hearings_view_engine_changed (CivicSection    *section,
                                    CivicSyncEngine *engine)
{
  CivicHearingsView *self = CIVIC_HEARINGS_VIEW (section);

  self->engine = engine;
  civic_hearing_page_set_engine (self->page, engine);
  reload (self);
}

static void
civic_hearings_view_dispose (GObject *object)
{
  CivicHearingsView *self = CIVIC_HEARINGS_VIEW (object);

  self->engine = NULL;
  g_clear_object (&self->dragged);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIVIC_TYPE_HEARINGS_VIEW);
  g_clear_pointer (&self->hearings, g_ptr_array_unref);
  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  g_clear_pointer (&self->by_day, g_hash_table_unref);

  G_OBJECT_CLASS (civic_hearings_view_parent_class)->dispose (object);
}

static void
civic_hearings_view_class_init (CivicHearingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CivicSectionClass *section_class = CIVIC_SECTION_CLASS (klass);

  object_class->dispose = civic_hearings_view_dispose;
  section_class->engine_changed = civic_hearings_view_engine_changed;

  g_type_ensure (CIVIC_TYPE_SYNC_INDICATOR);
  g_type_ensure (CIVIC_TYPE_HEARING_GRID);
  g_type_ensure (CIVIC_TYPE_HEARING_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/civicdesk/CivicDesk/civic-hearings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, pages);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, week_button);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, day_button);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, month_button);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, queue_list);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, queue_title);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, period_label);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, views);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, grid);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, month_grid);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, hearing_title);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, page);
  gtk_widget_class_bind_template_child (widget_class, CivicHearingsView, sync_indicator);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, earlier_cb);
  gtk_widget_class_bind_template_callback (widget_class, later_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearing_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, slot_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearing_dropped_cb);
  gtk_widget_class_bind_template_callback (widget_class, drop_hover_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_started_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_ended_cb);
}

static void
civic_hearings_view_init (CivicHearingsView *self)
{
  self->by_day = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->day = civic_time_today ();
  g_signal_group_connect_swapped (civic_section_get_engine_signals (CIVIC_SECTION (self)),
                                  "cases-changed", G_CALLBACK (reload), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->page, "add-toast", G_CALLBACK (page_toast_cb), self);
  civic_hearing_grid_set_day (self->grid, self->day);
  update_period (self);

  {
    /* Said by the list when it is empty: not a row to choose */
    GtkWidget *none = gtk_label_new (_("Nothing to schedule"));

    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 24);
    gtk_widget_set_margin_bottom (none, 24);
    gtk_list_box_set_placeholder (self->queue_list, none);
  }
}
