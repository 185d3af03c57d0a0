/* civic-hearing-grid.c — hearings on a week of days, or a day of rooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-hearing-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-hearing-grid.h"
#include "civic-hearing-kind.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-time.h"

/* After GNOME Calendar's week view: hours down, days (or rooms) across;
 * the widget lays out its children itself — a header per column, the
 * hours, a slot per half-hour and column, a button per hearing — so that
 * a busy week is a few hundred widgets, not a grid of thousands. Every
 * slot is a focusable grid cell with an accessible name, the arrow keys
 * move between them, Enter asks for a hearing there; hearings overlapping
 * in a column share it side by side. While a hearing is dragged over it,
 * the slots the law or a clash forbids are marked, and say why. */

#define GUTTER_WIDTH   56
#define HEADER_HEIGHT  44
#define ROW_HEIGHT     26
#define MIN_COLUMN     92
#define N_ROWS ((CIVIC_HEARING_GRID_LAST_MINUTE - CIVIC_HEARING_GRID_FIRST_MINUTE) / \
                CIVIC_HEARING_GRID_STEP)

/* A half-hour of a column */

#define CIVIC_TYPE_GRID_SLOT (civic_grid_slot_get_type ())
G_DECLARE_FINAL_TYPE (CivicGridSlot, civic_grid_slot, CIVIC, GRID_SLOT, GtkWidget)

struct _CivicGridSlot
{
  GtkWidget  parent_instance;

  CivicDay   day;
  int        minute;
  char      *room_id;
  char      *name;      /* what a screen reader says of it, unmarked */
  char      *verdict;   /* why a hearing dragged may not go here */
  guint      column;
  guint      row;
};

G_DEFINE_FINAL_TYPE (CivicGridSlot, civic_grid_slot, GTK_TYPE_WIDGET)

static void
civic_grid_slot_finalize (GObject *object)
{
  CivicGridSlot *self = CIVIC_GRID_SLOT (object);

  g_free (self->room_id);
  g_free (self->name);
  g_free (self->verdict);
  G_OBJECT_CLASS (civic_grid_slot_parent_class)->finalize (object);
}

static void
civic_grid_slot_class_init (CivicGridSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_grid_slot_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "slot");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
civic_grid_slot_init (CivicGridSlot *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

static void
slot_set_verdict (CivicGridSlot *slot,
                  char          *verdict)
{
  g_autofree char *name = NULL;

  g_free (slot->verdict);
  slot->verdict = verdict;
  if (verdict != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (slot), "forbidden");
      /* Translators: a slot of the hearing grid where a hearing may not
       * go: "Monday 30 March, 09:00, not allowed: the host examined this case" */
      name = g_strdup_printf (_("%s, not allowed: %s"), slot->name, verdict);
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (slot), "forbidden");
  gtk_widget_set_tooltip_text (GTK_WIDGET (slot), verdict);
  gtk_accessible_update_property (GTK_ACCESSIBLE (slot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name ? name : slot->name, -1);
}

/* The grid */

struct _CivicHearingGrid
{
  GtkWidget             parent_instance;

  CivicHearingGridMode  mode;
  CivicDay              day;
  CivicCalendar        *calendar;
  GPtrArray            *rooms;      /* JsonNode */
  GPtrArray            *hearings;   /* CivicHearing */

  GPtrArray            *headers;    /* GtkLabel, one per column */
  GPtrArray            *hours;      /* GtkLabel */
  GPtrArray            *slots;      /* CivicGridSlot, by row then column */
  GPtrArray            *events;     /* GtkButton */
  guint                 n_columns;
  guint                 n_marked;
};

G_DEFINE_FINAL_TYPE (CivicHearingGrid, civic_hearing_grid, GTK_TYPE_WIDGET)

enum {
  HEARING_ACTIVATED,
  SLOT_ACTIVATED,
  HEARING_DROPPED,
  DROP_HOVER,
  DRAG_STARTED,
  DRAG_ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CivicHearing *hearing;
  guint         column;
  int           start;   /* minutes from midnight, clamped to the grid */
  int           end;
  guint         lane;
  guint         lanes;
} Placed;

CivicDay
civic_hearing_grid_get_first_day (CivicHearingGrid *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING_GRID (self), CIVIC_DAY_INVALID);

  if (self->mode == CIVIC_HEARING_GRID_DAY)
    return self->day;
  /* The week from Monday */
  return self->day - (civic_day_weekday (self->day) - G_DATE_MONDAY);
}

static const char *
room_id_at (CivicHearingGrid *self,
            guint             column)
{
  JsonNode *node;

  if (self->mode != CIVIC_HEARING_GRID_DAY || self->rooms == NULL || column >= self->rooms->len)
    return NULL;
  node = g_ptr_array_index (self->rooms, column);
  return json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL);
}

const char *
civic_hearing_grid_room_name (CivicHearingGrid *self,
                              const char       *room_id)
{
  for (guint i = 0; room_id != NULL && self->rooms != NULL && i < self->rooms->len; i++)
    {
      JsonObject *room = json_node_get_object (g_ptr_array_index (self->rooms, i));

      if (g_strcmp0 (json_object_get_string_member_with_default (room, "id", NULL), room_id) == 0)
        return json_object_get_string_member_with_default (room, "name", room_id);
    }
  return room_id;
}

static int
local_minute (GDateTime *instant,
              CivicDay  *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, civic_time_zone ());

  if (day != NULL)
    *day = civic_time_day_of (local);
  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

/* Which column a hearing is drawn in, if any */
static gboolean
column_of (CivicHearingGrid *self,
           CivicHearing     *hearing,
           guint            *column)
{
  CivicDay first = civic_hearing_grid_get_first_day (self);
  CivicDay day;

  /* Held or to be held: not one cancelled or withdrawn */
  if (civic_hearing_get_starts_at (hearing) == NULL ||
      (civic_hearing_is_over (hearing) &&
       civic_hearing_get_state (hearing) != CIVIC_HEARING_STATE_RECORD_SIGNED))
    return FALSE;

  local_minute (civic_hearing_get_starts_at (hearing), &day);
  if (self->mode == CIVIC_HEARING_GRID_WEEK)
    {
      if (day < first || day >= first + 7)
        return FALSE;
      *column = day - first;
      return TRUE;
    }

  if (day != self->day)
    return FALSE;
  for (guint i = 0; i < self->n_columns; i++)
    if (g_strcmp0 (room_id_at (self, i), civic_hearing_get_room_id (hearing)) == 0)
      {
        *column = i;
        return TRUE;
      }
  return FALSE;
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *x = a, *y = b;

  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return x->start != y->start ? (x->start < y->start ? -1 : 1) : (x->end < y->end ? -1 : x->end > y->end);
}

/* Side by side where they overlap: each cluster of overlapping hearings
 * of a column shares its width in lanes */
static void
assign_lanes (GArray *placed)
{
  guint cluster_start = 0;
  int cluster_end = -1;
  GArray *lane_ends = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i <= placed->len; i++)
    {
      Placed *p = i < placed->len ? &g_array_index (placed, Placed, i) : NULL;

      if (p == NULL || i == cluster_start ||
          p->column != g_array_index (placed, Placed, cluster_start).column ||
          p->start >= cluster_end)
        {
          /* The cluster before is done: it has as many lanes as it used */
          for (guint j = cluster_start; i > 0 && j < i; j++)
            g_array_index (placed, Placed, j).lanes = MAX (1, lane_ends->len);
          if (p == NULL)
            break;
          if (i != cluster_start || cluster_end >= 0)
            {
              cluster_start = i;
              g_array_set_size (lane_ends, 0);
            }
          cluster_end = p->end;
        }

      p->lane = G_MAXUINT;
      for (guint lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, int, lane) <= p->start)
          {
            p->lane = lane;
            g_array_index (lane_ends, int, lane) = p->end;
            break;
          }
      if (p->lane == G_MAXUINT)
        {
          p->lane = lane_ends->len;
          g_array_append_val (lane_ends, p->end);
        }
      cluster_end = MAX (cluster_end, p->end);
    }
  g_array_unref (lane_ends);
}

static void
event_clicked (GtkButton        *button,
               CivicHearingGrid *self)
{
  g_signal_emit (self, signals[HEARING_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (button), "hearing-id"));
}

static GdkContentProvider *
event_drag_prepare (GtkDragSource *source,
                    double         x,
                    double         y,
                    gpointer       user_data)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  return gdk_content_provider_new_typed (G_TYPE_STRING,
                                         g_object_get_data (G_OBJECT (button), "hearing-id"));
}

static void
event_drag_begin (GtkDragSource    *source,
                  GdkDrag          *drag,
                  CivicHearingGrid *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  g_signal_emit (self, signals[DRAG_STARTED], 0, g_object_get_data (G_OBJECT (button), "hearing-id"));
}

static void
event_drag_end (GtkDragSource    *source,
                GdkDrag          *drag,
                gboolean          delete_data,
                CivicHearingGrid *self)
{
  g_signal_emit (self, signals[DRAG_ENDED], 0);
}

static GtkWidget *
event_button (CivicHearingGrid *self,
              CivicHearing     *hearing)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  g_autofree char *slot = civic_hearing_describe_slot (hearing);
  g_autofree char *headline = civic_hearing_kind.headline (G_OBJECT (hearing));
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *state_class = NULL;
  g_autoptr(GDateTime) start = g_date_time_to_timezone (civic_hearing_get_starts_at (hearing),
                                                        civic_time_zone ());
  g_autoptr(GDateTime) end = g_date_time_to_timezone (civic_hearing_get_ends_at (hearing),
                                                      civic_time_zone ());
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");
  const char *room = civic_hearing_grid_room_name (self, civic_hearing_get_room_id (hearing));
  const char *state = civic_hearing_state_get_label (civic_hearing_get_state (hearing));

  text = g_strdup_printf ("%s–%s %s\n%s", from, to,
                          civic_hearing_get_matter (hearing) ? civic_hearing_get_matter (hearing) : "",
                          self->mode == CIVIC_HEARING_GRID_WEEK && room ? room : state);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "hearing-event");
  state_class = g_strconcat ("state-", civic_enum_to_nick (CIVIC_TYPE_HEARING_STATE,
                                                           civic_hearing_get_state (hearing)), NULL);
  gtk_widget_add_css_class (button, state_class);
  if (!civic_hearing_get_is_public (hearing))
    gtk_widget_add_css_class (button, "closed");

  /* Translators: a hearing on the grid, as a screen reader says it: the
   * hearing, its time, its room and its state */
  name = g_strdup_printf (_("%s, %s, %s, %s"), headline, slot ? slot : "", room ? room : "", state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (button, name);
  g_object_set_data_full (G_OBJECT (button), "hearing-id",
                          g_strdup (civic_hearing_get_id (hearing)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (event_clicked), self);

  /* Moved by dragging, while it may still move */
  if (!civic_hearing_is_over (hearing) &&
      civic_hearing_get_state (hearing) != CIVIC_HEARING_STATE_HELD)
    {
      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (event_drag_prepare), NULL);
      g_signal_connect (source, "drag-begin", G_CALLBACK (event_drag_begin), self);
      g_signal_connect (source, "drag-end", G_CALLBACK (event_drag_end), self);
      gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));
    }
  else
    g_object_unref (source);

  return button;
}

static char *
column_title (CivicHearingGrid *self,
              guint             column,
              char            **full)
{
  if (self->mode == CIVIC_HEARING_GRID_DAY)
    {
      JsonObject *room = json_node_get_object (g_ptr_array_index (self->rooms, column));
      const char *name = json_object_get_string_member_with_default (room, "name", "");

      *full = g_strdup (name);
      return g_strdup (name);
    }
  else
    {
      CivicDay day = civic_hearing_grid_get_first_day (self) + column;
      g_autofree char *date = civic_day_format (day);
      int y, m, d;

      civic_day_to_ymd (day, &y, &m, &d);
      /* Translators: a weekday and its date: "Monday 2026-03-30" */
      *full = g_strdup_printf (_("%s %s"), civic_day_weekday_name (day), date);
      /* Translators: a column of the week: the weekday, then month/day: "Mon\n3/30" */
      return g_strdup_printf (_("%s\n%d/%d"), civic_day_weekday_name (day), m, d);
    }
}

static gboolean
is_rest_column (CivicHearingGrid *self,
                guint             column)
{
  CivicDay day = self->mode == CIVIC_HEARING_GRID_WEEK ? civic_hearing_grid_get_first_day (self) + column
                                                      : self->day;

  if (self->calendar != NULL)
    return !civic_calendar_is_working_day (self->calendar, day);
  return civic_day_is_weekend (day);
}

static void
clear_children (GPtrArray *children)
{
  for (guint i = 0; i < children->len; i++)
    gtk_widget_unparent (g_ptr_array_index (children, i));
  g_ptr_array_set_size (children, 0);
}

static void
rebuild (CivicHearingGrid *self)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  CivicDay first;

  clear_children (self->events);
  clear_children (self->slots);
  clear_children (self->hours);
  clear_children (self->headers);
  self->n_marked = 0;

  if (self->day == CIVIC_DAY_INVALID)
    return;

  first = civic_hearing_grid_get_first_day (self);
  self->n_columns = self->mode == CIVIC_HEARING_GRID_WEEK ? 7
                                                         : (self->rooms ? self->rooms->len : 0);

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *full = NULL;
      g_autofree char *title = column_title (self, c, &full);
      GtkWidget *header = gtk_label_new (title);

      gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_CENTER);
      gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (header, "grid-header");
      if (self->mode == CIVIC_HEARING_GRID_WEEK && first + c == civic_time_today ())
        gtk_widget_add_css_class (header, "today");
      gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                      -1);
      gtk_widget_set_parent (header, GTK_WIDGET (self));
      g_ptr_array_add (self->headers, header);
    }

  for (int hour = CIVIC_HEARING_GRID_FIRST_MINUTE / 60; hour < CIVIC_HEARING_GRID_LAST_MINUTE / 60;
       hour++)
    {
      g_autofree char *text = g_strdup_printf ("%02d:00", hour);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "grid-hour");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_parent (label, GTK_WIDGET (self));
      g_ptr_array_add (self->hours, label);
    }

  /* The slots, row by row: the order focus goes */
  for (guint r = 0; r < N_ROWS; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        CivicGridSlot *slot = g_object_new (CIVIC_TYPE_GRID_SLOT, NULL);
        int minute = CIVIC_HEARING_GRID_FIRST_MINUTE + (int) r * CIVIC_HEARING_GRID_STEP;
        g_autofree char *full = NULL;
        g_autofree char *title = column_title (self, c, &full);

        slot->day = self->mode == CIVIC_HEARING_GRID_WEEK ? first + c : self->day;
        slot->minute = minute;
        slot->room_id = g_strdup (room_id_at (self, c));
        slot->column = c;
        slot->row = r;
        if (self->mode == CIVIC_HEARING_GRID_DAY)
          {
            g_autofree char *date = civic_day_format (self->day);

            /* Translators: a slot of a day by rooms: "Monday 2026-03-30, 09:30, Room 1" */
            slot->name = g_strdup_printf (_("%s %s, %02d:%02d, %s"),
                                          civic_day_weekday_name (self->day), date,
                                          minute / 60, minute % 60, full);
          }
        else
          /* Translators: a slot of the week: "Monday 2026-03-30, 09:30" */
          slot->name = g_strdup_printf (_("%s, %02d:%02d"), full, minute / 60, minute % 60);
        gtk_accessible_update_property (GTK_ACCESSIBLE (slot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        slot->name, -1);
        if (is_rest_column (self, c))
          gtk_widget_add_css_class (GTK_WIDGET (slot), "rest-day");
        gtk_widget_set_parent (GTK_WIDGET (slot), GTK_WIDGET (self));
        g_ptr_array_add (self->slots, slot);
      }

  for (guint i = 0; self->hearings != NULL && i < self->hearings->len; i++)
    {
      CivicHearing *hearing = g_ptr_array_index (self->hearings, i);
      Placed p = { hearing };

      if (!column_of (self, hearing, &p.column))
        continue;
      p.start = CLAMP (local_minute (civic_hearing_get_starts_at (hearing), NULL),
                       CIVIC_HEARING_GRID_FIRST_MINUTE, CIVIC_HEARING_GRID_LAST_MINUTE - 15);
      p.end = CLAMP (local_minute (civic_hearing_get_ends_at (hearing), NULL), p.start + 15,
                     CIVIC_HEARING_GRID_LAST_MINUTE);
      g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);
  assign_lanes (placed);

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      GtkWidget *button = event_button (self, p->hearing);
      Placed *copy = g_memdup2 (p, sizeof *p);

      copy->hearing = NULL;
      g_object_set_data_full (G_OBJECT (button), "placed", copy, g_free);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      g_ptr_array_add (self->events, button);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Layout */

static void
civic_hearing_grid_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CivicHearingGrid *self = CIVIC_HEARING_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = GUTTER_WIDTH + MAX (1, self->n_columns) * (self->mode == CIVIC_HEARING_GRID_WEEK
                                                          ? MIN_COLUMN - 12 : MIN_COLUMN);
      *natural = GUTTER_WIDTH + MAX (1, self->n_columns) * 150;
    }
  else
    *minimum = *natural = HEADER_HEIGHT + N_ROWS * ROW_HEIGHT;
}

static double
column_width (CivicHearingGrid *self,
              int               width)
{
  return self->n_columns > 0 ? (double) (width - GUTTER_WIDTH) / self->n_columns : 0;
}

static void
civic_hearing_grid_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  CivicHearingGrid *self = CIVIC_HEARING_GRID (widget);
  double cw = column_width (self, width);

  for (guint c = 0; c < self->headers->len; c++)
    {
      GtkWidget *header = g_ptr_array_index (self->headers, c);
      int min_width, min_height;

      gtk_widget_measure (header, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (header, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (header, &(GtkAllocation) { GUTTER_WIDTH + (int) (c * cw), 0,
                                                           MAX (min_width, (int) cw),
                                                           MAX (min_height, HEADER_HEIGHT) }, -1);
    }

  for (guint h = 0; h < self->hours->len; h++)
    {
      GtkWidget *hour = g_ptr_array_index (self->hours, h);
      int min_height;

      gtk_widget_measure (hour, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (hour, &(GtkAllocation) { 0, HEADER_HEIGHT + (int) h * 2 * ROW_HEIGHT - 8,
                                                         GUTTER_WIDTH - 8,
                                                         MAX (min_height, ROW_HEIGHT) }, -1);
    }

  for (guint i = 0; i < self->slots->len; i++)
    {
      CivicGridSlot *slot = g_ptr_array_index (self->slots, i);
      int x = GUTTER_WIDTH + (int) (slot->column * cw);
      int next = GUTTER_WIDTH + (int) ((slot->column + 1) * cw);

      int min_width, min_height;

      gtk_widget_measure (GTK_WIDGET (slot), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                          NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (slot), GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL,
                          NULL, NULL);
      gtk_widget_size_allocate (GTK_WIDGET (slot),
                                &(GtkAllocation) { x, HEADER_HEIGHT + (int) slot->row * ROW_HEIGHT,
                                                   MAX (min_width, next - x),
                                                   MAX (min_height, ROW_HEIGHT) }, -1);
    }

  for (guint i = 0; i < self->events->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->events, i);
      Placed *p = g_object_get_data (G_OBJECT (button), "placed");
      double lane_width = cw / p->lanes;
      int x = GUTTER_WIDTH + (int) (p->column * cw + p->lane * lane_width) + 2;
      int y = HEADER_HEIGHT + (p->start - CIVIC_HEARING_GRID_FIRST_MINUTE) * ROW_HEIGHT /
                              CIVIC_HEARING_GRID_STEP + 1;
      int bottom = HEADER_HEIGHT + (p->end - CIVIC_HEARING_GRID_FIRST_MINUTE) * ROW_HEIGHT /
                                   CIVIC_HEARING_GRID_STEP - 1;

      int min_width, min_height;

      /* Never smaller than the button can be drawn: a crowded lane
       * overlaps its neighbour rather than break the button */
      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (button, &(GtkAllocation) { x, y, MAX (min_width, (int) lane_width - 4),
                                                           MAX (min_height, bottom - y) }, -1);
    }
}

static void
civic_hearing_grid_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CivicHearingGrid *self = CIVIC_HEARING_GRID (widget);
  int width = gtk_widget_get_width (widget);
  double cw = column_width (self, width);
  GdkRGBA color, line, strong;
  g_autoptr(GDateTime) now = civic_time_now ();
  CivicDay today;
  int minute = local_minute (now, &today);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line = strong = color;
  line.alpha = 0.07;
  strong.alpha = 0.15;

  for (guint c = 0; c <= self->n_columns; c++)
    gtk_snapshot_append_color (snapshot, &strong,
                               &GRAPHENE_RECT_INIT (GUTTER_WIDTH + (float) (c * cw), 0, 1,
                                                    HEADER_HEIGHT + N_ROWS * ROW_HEIGHT));
  for (guint r = 0; r <= N_ROWS; r++)
    gtk_snapshot_append_color (snapshot, r % 2 == 0 ? &strong : &line,
                               &GRAPHENE_RECT_INIT (GUTTER_WIDTH, HEADER_HEIGHT + r * ROW_HEIGHT,
                                                    width - GUTTER_WIDTH, 1));

  for (guint i = 0; i < self->headers->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->headers, i), snapshot);
  for (guint i = 0; i < self->hours->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->hours, i), snapshot);
  for (guint i = 0; i < self->slots->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->slots, i), snapshot);

  /* Now, on today's column */
  if (minute >= CIVIC_HEARING_GRID_FIRST_MINUTE && minute < CIVIC_HEARING_GRID_LAST_MINUTE)
    {
      GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };
      CivicDay first = civic_hearing_grid_get_first_day (self);
      float y = HEADER_HEIGHT + (float) (minute - CIVIC_HEARING_GRID_FIRST_MINUTE) * ROW_HEIGHT /
                                CIVIC_HEARING_GRID_STEP;

      if (self->mode == CIVIC_HEARING_GRID_WEEK && today >= first && today < first + 7)
        gtk_snapshot_append_color (snapshot, &red,
                                   &GRAPHENE_RECT_INIT (GUTTER_WIDTH + (float) ((today - first) * cw),
                                                        y, (float) cw, 2));
      else if (self->mode == CIVIC_HEARING_GRID_DAY && today == self->day)
        gtk_snapshot_append_color (snapshot, &red,
                                   &GRAPHENE_RECT_INIT (GUTTER_WIDTH, y, width - GUTTER_WIDTH, 2));
    }

  for (guint i = 0; i < self->events->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->events, i), snapshot);
}

/* Keyboard and dropping */

static CivicGridSlot *
slot_at (CivicHearingGrid *self,
         double            x,
         double            y)
{
  double cw = column_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
  int column, row;

  if (cw <= 0 || x < GUTTER_WIDTH || y < HEADER_HEIGHT)
    return NULL;
  column = (int) ((x - GUTTER_WIDTH) / cw);
  row = (int) ((y - HEADER_HEIGHT) / ROW_HEIGHT);
  if (column < 0 || (guint) column >= self->n_columns || row < 0 || row >= N_ROWS)
    return NULL;
  return g_ptr_array_index (self->slots, row * self->n_columns + column);
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             CivicHearingGrid      *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  CivicGridSlot *slot;
  int column, row;

  if (focus == NULL || !CIVIC_IS_GRID_SLOT (focus) ||
      gtk_widget_get_parent (focus) != GTK_WIDGET (self))
    return FALSE;

  slot = CIVIC_GRID_SLOT (focus);
  column = slot->column;
  row = slot->row;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      column--;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      column++;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      row--;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      row++;
      break;
    case GDK_KEY_Home:
      column = 0;
      break;
    case GDK_KEY_End:
      column = self->n_columns - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[SLOT_ACTIVATED], 0, slot->day, slot->minute, slot->room_id);
      return TRUE;
    default:
      return FALSE;
    }

  if (column < 0 || (guint) column >= self->n_columns || row < 0 || row >= N_ROWS)
    return TRUE;
  gtk_widget_grab_focus (g_ptr_array_index (self->slots, row * self->n_columns + column));
  return TRUE;
}

static void
pressed (GtkGestureClick  *gesture,
         int               n_press,
         double            x,
         double            y,
         CivicHearingGrid *self)
{
  CivicGridSlot *slot = slot_at (self, x, y);

  if (slot == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (slot));
  if (n_press == 2)
    g_signal_emit (self, signals[SLOT_ACTIVATED], 0, slot->day, slot->minute, slot->room_id);
}

static GdkDragAction
drop_motion (GtkDropTarget    *target,
             double            x,
             double            y,
             CivicHearingGrid *self)
{
  CivicGridSlot *slot = slot_at (self, x, y);

  g_signal_emit (self, signals[DROP_HOVER], 0, slot ? slot->name : NULL,
                 slot ? slot->verdict : NULL);
  return slot != NULL && slot->verdict == NULL ? GDK_ACTION_MOVE : 0;
}

static void
drop_leave (GtkDropTarget    *target,
            CivicHearingGrid *self)
{
  g_signal_emit (self, signals[DROP_HOVER], 0, NULL, NULL);
}

static gboolean
drop_done (GtkDropTarget    *target,
           const GValue     *value,
           double            x,
           double            y,
           CivicHearingGrid *self)
{
  CivicGridSlot *slot = slot_at (self, x, y);

  g_signal_emit (self, signals[DROP_HOVER], 0, NULL, NULL);
  if (slot == NULL || slot->verdict != NULL || !G_VALUE_HOLDS_STRING (value))
    return FALSE;
  g_signal_emit (self, signals[HEARING_DROPPED], 0, g_value_get_string (value), slot->day,
                 slot->minute, slot->room_id);
  return TRUE;
}

/* API */

GtkWidget *
civic_hearing_grid_new (void)
{
  return g_object_new (CIVIC_TYPE_HEARING_GRID, NULL);
}

void
civic_hearing_grid_set_mode (CivicHearingGrid     *self,
                             CivicHearingGridMode  mode)
{
  g_return_if_fail (CIVIC_IS_HEARING_GRID (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  rebuild (self);
}

CivicHearingGridMode
civic_hearing_grid_get_mode (CivicHearingGrid *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING_GRID (self), CIVIC_HEARING_GRID_WEEK);
  return self->mode;
}

void
civic_hearing_grid_set_day (CivicHearingGrid *self,
                            CivicDay          day)
{
  g_return_if_fail (CIVIC_IS_HEARING_GRID (self));

  self->day = day;
  rebuild (self);
}

CivicDay
civic_hearing_grid_get_day (CivicHearingGrid *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING_GRID (self), CIVIC_DAY_INVALID);
  return self->day;
}

void
civic_hearing_grid_set_calendar (CivicHearingGrid *self,
                                 CivicCalendar    *calendar)
{
  g_return_if_fail (CIVIC_IS_HEARING_GRID (self));

  g_set_object (&self->calendar, calendar);
  rebuild (self);
}

/**
 * civic_hearing_grid_set_rooms:
 * @rooms: (element-type JsonNode): the rooms, as the feed has them: the
 *   columns of a day
 */
void
civic_hearing_grid_set_rooms (CivicHearingGrid *self,
                              GPtrArray        *rooms)
{
  g_return_if_fail (CIVIC_IS_HEARING_GRID (self));

  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  self->rooms = rooms ? g_ptr_array_ref (rooms) : NULL;
  rebuild (self);
}

/**
 * civic_hearing_grid_set_hearings:
 * @hearings: (element-type CivicHearing): every hearing; the grid shows
 *   those of its days
 */
void
civic_hearing_grid_set_hearings (CivicHearingGrid *self,
                                 GPtrArray        *hearings)
{
  g_return_if_fail (CIVIC_IS_HEARING_GRID (self));

  g_clear_pointer (&self->hearings, g_ptr_array_unref);
  self->hearings = hearings ? g_ptr_array_ref (hearings) : NULL;
  rebuild (self);
}

/**
 * civic_hearing_grid_mark:
 * @verdict: (nullable): why a hearing may not go in a slot; %NULL to
 *   clear the marks
 *
 * Marks the slots a hearing being placed may not take, each with its
 * reason as tooltip and in its accessible name.
 */
void
civic_hearing_grid_mark (CivicHearingGrid        *self,
                         CivicHearingGridVerdict  verdict,
                         gpointer                 user_data)
{
  g_return_if_fail (CIVIC_IS_HEARING_GRID (self));

  self->n_marked = 0;
  for (guint i = 0; i < self->slots->len; i++)
    {
      CivicGridSlot *slot = g_ptr_array_index (self->slots, i);
      char *reason = verdict ? verdict (slot->day, slot->minute, slot->room_id, user_data) : NULL;

      slot_set_verdict (slot, reason);
      self->n_marked += reason != NULL;
    }
}

guint
civic_hearing_grid_get_n_marked (CivicHearingGrid *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING_GRID (self), 0);
  return self->n_marked;
}

/**
 * civic_hearing_grid_get_focus_slot:
 * @room_id: (out) (optional) (transfer none): the room, in a day by rooms
 *
 * Returns: whether a slot of the grid has the keyboard focus, and which
 */
gboolean
civic_hearing_grid_get_focus_slot (CivicHearingGrid  *self,
                                   CivicDay          *day,
                                   int               *minute,
                                   const char       **room_id)
{
  GtkRoot *root;
  GtkWidget *focus;
  CivicGridSlot *slot;

  g_return_val_if_fail (CIVIC_IS_HEARING_GRID (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !CIVIC_IS_GRID_SLOT (focus) || gtk_widget_get_parent (focus) != GTK_WIDGET (self))
    return FALSE;
  slot = CIVIC_GRID_SLOT (focus);
  *day = slot->day;
  *minute = slot->minute;
  if (room_id != NULL)
    *room_id = slot->room_id;
  return TRUE;
}

/**
 * civic_hearing_grid_get_events:
 *
 * Returns: (transfer none) (element-type GtkWidget): the buttons of the
 * hearings shown, each with its hearing's id as the data "hearing-id"
 */
GPtrArray *
civic_hearing_grid_get_events (CivicHearingGrid *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING_GRID (self), NULL);
  return self->events;
}

/**
 * civic_hearing_grid_focus_slot:
 * @room_id: (nullable): the room's column, in a day by rooms
 *
 * Returns: whether the slot is shown, and has the focus now
 */
gboolean
civic_hearing_grid_focus_slot (CivicHearingGrid *self,
                               CivicDay          day,
                               int               minute,
                               const char       *room_id)
{
  g_return_val_if_fail (CIVIC_IS_HEARING_GRID (self), FALSE);

  for (guint i = 0; i < self->slots->len; i++)
    {
      CivicGridSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot->day == day && slot->minute == minute &&
          (self->mode == CIVIC_HEARING_GRID_WEEK || g_strcmp0 (slot->room_id, room_id) == 0))
        return gtk_widget_grab_focus (GTK_WIDGET (slot));
    }
  return FALSE;
}

static void
civic_hearing_grid_dispose (GObject *object)
{
  CivicHearingGrid *self = CIVIC_HEARING_GRID (object);

  if (self->events != NULL)
    {
      clear_children (self->events);
      clear_children (self->slots);
      clear_children (self->hours);
      clear_children (self->headers);
    }
  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  g_clear_pointer (&self->hearings, g_ptr_array_unref);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (civic_hearing_grid_parent_class)->dispose (object);
}

static void
civic_hearing_grid_finalize (GObject *object)
{
  CivicHearingGrid *self = CIVIC_HEARING_GRID (object);

  g_ptr_array_unref (self->events);
  g_ptr_array_unref (self->slots);
  g_ptr_array_unref (self->hours);
  g_ptr_array_unref (self->headers);

  G_OBJECT_CLASS (civic_hearing_grid_parent_class)->finalize (object);
}

static void
civic_hearing_grid_class_init (CivicHearingGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_hearing_grid_dispose;
  object_class->finalize = civic_hearing_grid_finalize;
  widget_class->measure = civic_hearing_grid_measure;
  widget_class->size_allocate = civic_hearing_grid_size_allocate;
  widget_class->snapshot = civic_hearing_grid_snapshot;

  gtk_widget_class_set_css_name (widget_class, "hearing-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);

  /**
   * CivicHearingGrid::hearing-activated:
   * @id: the hearing's id
   */
  signals[HEARING_ACTIVATED] =
    g_signal_new ("hearing-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CivicHearingGrid::slot-activated:
   * @day: the day
   * @minute: the time, in minutes from midnight
   * @room_id: (nullable): the room, in a day by rooms
   */
  signals[SLOT_ACTIVATED] =
    g_signal_new ("slot-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_INT, G_TYPE_STRING);
  signals[HEARING_DROPPED] =
    g_signal_new ("hearing-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_INT, G_TYPE_STRING);
  /**
   * CivicHearingGrid::drop-hover:
   * @slot: (nullable): the slot under the pointer, as a screen reader names it
   * @verdict: (nullable): why the hearing may not go there
   */
  signals[DROP_HOVER] =
    g_signal_new ("drop-hover", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[DRAG_STARTED] =
    g_signal_new ("drag-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DRAG_ENDED] =
    g_signal_new ("drag-ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
civic_hearing_grid_init (CivicHearingGrid *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE | GDK_ACTION_COPY);

  self->day = CIVIC_DAY_INVALID;
  self->headers = g_ptr_array_new ();
  self->hours = g_ptr_array_new ();
  self->slots = g_ptr_array_new ();
  self->events = g_ptr_array_new ();

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect (click, "pressed", G_CALLBACK (pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (drop, "motion", G_CALLBACK (drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_done), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hearings"), -1);
}
