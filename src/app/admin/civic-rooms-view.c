/* civic-rooms-view.c — the Rooms section: where hearings are held, and when not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-rooms-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-room-kind.h"
#include "civic-rooms-view.h"
#include "civic-time.h"

/* Where the hall's administrators run the rooms hearings are held in,
 * and a department's administrator their department's (听证场所): each
 * room's building, seats, equipment and department, and the periods it
 * is closed. A closure is refused while a hearing is booked in the room
 * then; scheduling refuses a room closed, too small or another
 * department's. */

enum
{
  FILTER_ALL,
  FILTER_CLOSURES,
};

struct _CivicRoomsView
{
  CivicAdminView parent_instance;
};

G_DEFINE_FINAL_TYPE (CivicRoomsView, civic_rooms_view, CIVIC_TYPE_ADMIN_VIEW)

/**
 * civic_rooms_view_shown_to:
 *
 * Whether the section is for @actor: the hall's administrators and each
 * department's
 */
gboolean
civic_rooms_view_shown_to (const CivicActor *actor)
{
  return actor != NULL && civic_actor_has_role (actor, CIVIC_ROLE_ADMIN |
                                                       CIVIC_ROLE_DEPARTMENT_ADMIN);
}

static char *
department_name (CivicAdminView *view,
                 CivicRoom      *room)
{
  CivicSyncEngine *engine = civic_section_get_engine (CIVIC_SECTION (view));
  const char *id = civic_room_get_department_id (room);
  g_autoptr(JsonNode) department = NULL;

  if (id == NULL)
    return g_strdup (_("The whole hall"));
  if (engine != NULL)
    department = civic_cache_load_entity (civic_sync_engine_get_cache (engine),
                                          CIVIC_ENTITY_DEPARTMENT, id, NULL);
  if (department == NULL || !JSON_NODE_HOLDS_OBJECT (department))
    return g_strdup (id);
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (department),
                                                               "name", id));
}

/* The closure the room is in now, if any */
static const CivicRoomClosure *
closed_now (CivicRoom *room)
{
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 1);

  return civic_room_closure_at (room, now, soon);
}

static gboolean
closed_from_today (CivicRoom *room)
{
  g_autoptr(GDateTime) now = civic_time_now ();

  for (guint i = 0; i < civic_room_get_n_closures (room); i++)
    if (g_date_time_compare (civic_room_get_closure (room, i)->to, now) > 0)
      return TRUE;
  return FALSE;
}

static gboolean
matches (GObject    *record,
         const char *words)
{
  CivicRoom *room = CIVIC_ROOM (record);

  return civic_admin_view_contains (civic_room_get_name (room), words) ||
         civic_admin_view_contains (civic_room_get_building (room), words) ||
         civic_admin_view_contains (civic_room_get_id (room), words);
}

static gboolean
in_filter (GObject *record,
           guint    filter)
{
  return filter != FILTER_CLOSURES || closed_from_today (CIVIC_ROOM (record));
}

/* The hall's rooms first, then each department's, by name */
static int
compare (GObject *a,
         GObject *b)
{
  CivicRoom *first = CIVIC_ROOM (a);
  CivicRoom *second = CIVIC_ROOM (b);
  int by_department = g_strcmp0 (civic_room_get_department_id (first),
                                 civic_room_get_department_id (second));

  return by_department != 0 ? by_department
                            : g_strcmp0 (civic_room_get_name (first), civic_room_get_name (second));
}

static void
decorate (CivicAdminView *view,
          GObject        *record,
          AdwActionRow   *row)
{
  CivicRoom *room = CIVIC_ROOM (record);
  g_autofree char *describe = civic_room_kind.describe (record);
  g_autofree char *department = department_name (view, room);
  /* Translators: a room's building and seats, then whose it is */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), describe, department);

  adw_action_row_set_subtitle (row, subtitle);
  if (closed_now (room) != NULL)
    {
      GtkWidget *mark = gtk_label_new (_("Closed now"));

      gtk_widget_add_css_class (mark, "dim-label");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, mark);
    }
}

static GObject *
new_record (CivicAdminView *view,
            const char     *id)
{
  const CivicActor *me = civic_admin_view_get_me (view);
  CivicRoom *blank = civic_room_new (id);

  /* The hall's administrator adds one for the whole hall; a department's
   * one for their department */
  civic_room_set_fields (blank, NULL, NULL, 0,
                         civic_actor_has_role (me, CIVIC_ROLE_ADMIN) ? NULL : me->department_id,
                         CIVIC_ROOM_EQUIPMENT_NONE);
  return G_OBJECT (blank);
}

static char *
heading (GObject *record)
{
  return g_strdup (civic_room_get_name (CIVIC_ROOM (record)));
}

static void
fill_page (CivicAdminView *view,
           GObject        *record,
           GtkBox         *page)
{
  CivicRoom *room = CIVIC_ROOM (record);
  g_autofree char *department = department_name (view, room);
  g_autofree char *equipment = civic_room_describe_equipment (civic_room_get_equipment (room));
  guint seats = civic_room_get_capacity (room);
  g_autofree char *capacity = g_strdup_printf (ngettext ("%u seat", "%u seats", seats), seats);
  GtkWidget *group = civic_admin_view_add_group (page, _("Room"));
  g_autoptr(GDateTime) now = civic_time_now ();
  guint shown = 0;

  civic_admin_view_add_fact (group, _("Building"), civic_room_get_building (room));
  civic_admin_view_add_fact (group, _("Seats"), capacity);
  civic_admin_view_add_fact (group, _("Department"), department);
  civic_admin_view_add_fact (group, _("Equipment"), equipment != NULL ? equipment : _("None"));

  /* Closures to come or under way; those over are history */
  group = civic_admin_view_add_group (page, _("Closures"));
  for (guint i = 0; i < civic_room_get_n_closures (room); i++)
    {
      const CivicRoomClosure *closure = civic_room_get_closure (room, i);
      g_autofree char *described = NULL;
      GtkWidget *row;

      if (g_date_time_compare (closure->to, now) <= 0)
        continue;
      described = civic_room_closure_describe (closure);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), described);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      shown++;
    }
  if (shown == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Open on every working day: hearings may be booked "
                                             "in it"));
}

static void
civic_rooms_view_class_init (CivicRoomsViewClass *klass)
{
  CivicAdminViewClass *admin_class = CIVIC_ADMIN_VIEW_CLASS (klass);
  CivicAdminViewWords words = {
    .title = C_("section", "Rooms"),
    .add_label = _("_Add Room"),
    .add_tooltip = _("Add a room hearings are held in (Ctrl+N)"),
    .filters_name = _("Which rooms"),
    .filter_labels = { _("A_ll"), _("_Closures") },
    .filter_tooltips = { _("Every room"), _("Rooms closed now or later") },
    .search_hint = _("Name or building"),
    .search_name = _("Find a room"),
    .list_name = _("Rooms"),
    .empty = _("No rooms here"),
    .page_title = _("Room"),
    .back_label = _("Back to the Rooms"),
    .missing_title = _("No Such Room"),
    .missing_icon = "find-location-symbolic",
  };

  admin_class->kind = &civic_room_kind;
  admin_class->add_action = CIVIC_ROOM_ACTION_ADD;
  admin_class->id_prefix = "room-";
  admin_class->words = words;
  admin_class->matches = matches;
  admin_class->in_filter = in_filter;
  admin_class->compare = compare;
  admin_class->decorate = decorate;
  admin_class->new_record = new_record;
  admin_class->heading = heading;
  admin_class->fill_page = fill_page;
  admin_class->shown_to = civic_rooms_view_shown_to;
}

static void
civic_rooms_view_init (CivicRoomsView *self)
{
}
