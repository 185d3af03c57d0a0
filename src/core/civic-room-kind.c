/* civic-room-kind.c — a hearing room as a kind of record administrators act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-room"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-room-kind.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* An administrator adds a room hearings are held in, edits its name,
 * building, seats, equipment and department, closes it for a period
 * (works, an inspection) and opens it again. The hall's administrators
 * run every room; a department's administrator their department's own,
 * never the whole hall's. That no hearing is booked in a room being
 * closed only the service can tell: its store checks it, naming the
 * hearing (civic-room-records.c). Scheduling a hearing then refuses a
 * room too small, another department's or closed at the time
 * (civic_hearing_check_room()). */

#define ROOM_TEXT_MAX 64
#define REASON_MAX 500

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

const char *
civic_room_action_get_label (CivicRoomAction action)
{
  switch (action)
    {
    case CIVIC_ROOM_ACTION_ADD: return _("Add Room");
    case CIVIC_ROOM_ACTION_EDIT: return _("Edit Room");
    case CIVIC_ROOM_ACTION_CLOSE: return _("Close Room");
    case CIVIC_ROOM_ACTION_REOPEN: return _("Reopen Room");
    default: g_return_val_if_reached ("");
    }
}

static const char *
past_tense (CivicRoomAction action)
{
  switch (action)
    {
    case CIVIC_ROOM_ACTION_ADD: return _("Added the room");
    case CIVIC_ROOM_ACTION_EDIT: return _("Edited the room");
    case CIVIC_ROOM_ACTION_CLOSE: return _("Closed the room");
    case CIVIC_ROOM_ACTION_REOPEN: return _("Reopened the room");
    default: g_return_val_if_reached ("");
    }
}

static gboolean
exists (CivicRoom *room)
{
  return civic_room_get_rev (room) != 0 || civic_room_get_name (room) != NULL;
}

/* Whether @room is closed at some time from @now on: a closure over is
 * history, not reopened */
static gboolean
closed_from (CivicRoom *room,
             GDateTime *now)
{
  for (guint i = 0; i < civic_room_get_n_closures (room); i++)
    if (now == NULL || g_date_time_compare (civic_room_get_closure (room, i)->to, now) > 0)
      return TRUE;
  return FALSE;
}

/* Whose room it is: a department's administrator runs their own
 * department's, never the whole hall's */
static gboolean
check_owner (const char        *department_id,
             const CivicActor  *actor,
             GError           **error)
{
  if (civic_actor_has_role (actor, CIVIC_ROLE_ADMIN))
    return TRUE;
  if (department_id == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("The whole hall’s rooms are run by the hall’s administrators"));
  if (g_strcmp0 (department_id, actor->department_id) != 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("A department’s administrator runs only their department’s rooms"));
  return TRUE;
}

/* The rules that need no arguments */
static gboolean
room_check_action (CivicRoom                  *room,
                   CivicRoomAction             action,
                   const CivicWorkflowContext *context,
                   GError                    **error)
{
  const CivicActor *actor = context->actor;

  if ((guint) action >= CIVIC_N_ROOM_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
  if (!civic_actor_has_role (actor, CIVIC_ROLE_ADMIN | CIVIC_ROLE_DEPARTMENT_ADMIN))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Rooms are run by the hall’s administrators and each department’s"));

  if (action == CIVIC_ROOM_ACTION_ADD)
    {
      if (civic_room_get_rev (room) != 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("This room exists already"));
      return TRUE;
    }
  if (!exists (room))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such room"));
  if (action == CIVIC_ROOM_ACTION_REOPEN && !closed_from (room, context->now))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The room is not closed at any time"));
  return check_owner (civic_room_get_department_id (room), actor, error);
}

/* Applying */

static gboolean
read_fields (CivicRoom                  *room,
             JsonObject                 *args,
             gboolean                    adding,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  const char *name, *building, *department;
  g_auto(GStrv) equipment_names = NULL;
  CivicRoomEquipment equipment = civic_room_get_equipment (room);
  gint64 capacity = civic_room_get_capacity (room);

  if (!civic_workflow_arg_text (args, "name", adding, ROOM_TEXT_MAX, &name, error) ||
      !civic_workflow_arg_text (args, "building", FALSE, ROOM_TEXT_MAX, &building, error) ||
      !civic_workflow_arg_text (args, "department_id", FALSE, ROOM_TEXT_MAX, &department, error))
    return FALSE;
  if (!civic_json_get_int (args, "capacity", adding, 1, CIVIC_ROOM_CAPACITY_MAX, &capacity, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A room seats from 1 to %d people"), CIVIC_ROOM_CAPACITY_MAX);
  if (!civic_json_get_strv (args, "equipment", FALSE, &equipment_names, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("The equipment is a list of names"));
  if (equipment_names != NULL)
    {
      equipment = CIVIC_ROOM_EQUIPMENT_NONE;
      for (guint i = 0; equipment_names[i] != NULL; i++)
        if (g_str_equal (equipment_names[i], "recording"))
          equipment |= CIVIC_ROOM_EQUIPMENT_RECORDING;
        else if (g_str_equal (equipment_names[i], "video"))
          equipment |= CIVIC_ROOM_EQUIPMENT_VIDEO;
        else
          return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                         _("“%s” is not equipment a room has: recording or video"),
                         equipment_names[i]);
    }

  if (department == NULL)
    department = adding ? context->actor->department_id : civic_room_get_department_id (room);
  else if (g_str_equal (department, CIVIC_ROOM_WHOLE_HALL))
    department = NULL;
  civic_room_set_fields (room, name != NULL ? name : civic_room_get_name (room),
                         building != NULL ? building : civic_room_get_building (room),
                         capacity, department, equipment);
  return TRUE;
}

static GDateTime *
midnight (CivicDay day)
{
  int y, m, d;

  civic_day_to_ymd (day, &y, &m, &d);
  return g_date_time_new (civic_time_zone (), y, m, d, 0, 0, 0);
}

static gboolean
apply_close (CivicRoom                  *room,
             JsonObject                 *args,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  CivicDay first = CIVIC_DAY_INVALID, last = CIVIC_DAY_INVALID;
  CivicDay today = civic_time_day_of (context->now);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  const CivicRoomClosure *overlap;
  const char *reason;

  if (!civic_json_get_day (args, "from", TRUE, &first, NULL) ||
      !civic_json_get_day (args, "to", TRUE, &last, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A closure needs its first and last day"));
  if (!civic_workflow_arg_text (args, "reason", TRUE, REASON_MAX, &reason, error))
    return FALSE;
  if (last < first)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The last day of a closure comes after its first"));
  if (first < today)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A closure begins today or later"));
  if (last - today > 366 * 3)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A closure ends within three years"));

  from = midnight (first);
  to = midnight (last + 1);
  if (from == NULL || to == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A closure needs its first and last day"));
  overlap = civic_room_closure_at (room, from, to);
  if (overlap != NULL)
    {
      g_autofree char *described = civic_room_closure_describe (overlap);

      /* Translators: "The room is closed then already: 2026-04-01 – 2026-04-03: 装修" */
      return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, _("The room is closed then already: %s"),
                     described);
    }
  civic_room_add_closure (room, from, to, reason);
  return TRUE;
}

static gboolean
apply_reopen (CivicRoom                  *room,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  g_autoptr(GDateTime) from = NULL;

  if (!civic_json_get_instant (args, "closure", TRUE, &from, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Choose the closure to end"));
  for (guint i = 0; i < civic_room_get_n_closures (room); i++)
    {
      const CivicRoomClosure *closure = civic_room_get_closure (room, i);

      /* One that is over is history */
      if (g_date_time_equal (closure->from, from) && context->now != NULL &&
          g_date_time_compare (closure->to, context->now) <= 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("That closure is over"));
    }
  if (!civic_room_remove_closure (room, from))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The room is not closed from then"));
  return TRUE;
}

static gboolean
apply_action (CivicRoom                  *room,
              CivicRoomAction             action,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  switch (action)
    {
    case CIVIC_ROOM_ACTION_ADD:
    case CIVIC_ROOM_ACTION_EDIT:
      return read_fields (room, args, action == CIVIC_ROOM_ACTION_ADD, context, error);
    case CIVIC_ROOM_ACTION_CLOSE:
      return apply_close (room, args, context, error);
    case CIVIC_ROOM_ACTION_REOPEN:
      return apply_reopen (room, args, context, error);
    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The declarations */

/* A department's administrator is offered their own department only */
static gboolean
own_department (const char *department_id,
                gpointer    user_data)
{
  return g_strcmp0 (department_id, user_data) == 0;
}

static GPtrArray *
departments (GObject                    *record,
             const CivicArgumentSources *sources)
{
  CivicRoom *room = record != NULL ? CIVIC_ROOM (record) : NULL;
  const char *current = room != NULL ? civic_room_get_department_id (room) : NULL;
  gboolean whole_hall = room == NULL || current == NULL;
  gboolean hall_admin = (sources->roles & CIVIC_ROLE_ADMIN) != 0;
  GPtrArray *options = civic_argument_departments (sources, hall_admin ? NULL : own_department,
                                                   (gpointer) sources->department);

  for (guint i = 0; i < options->len; i++)
    {
      CivicArgumentOption *option = g_ptr_array_index (options, i);

      option->active = g_strcmp0 (option->value, current) == 0;
    }
  if (hall_admin)
    g_ptr_array_insert (options, 0,
                        civic_argument_option_new (CIVIC_ROOM_WHOLE_HALL, _("The whole hall"),
                                                   NULL, whole_hall));
  return options;
}

static GPtrArray *
equipment (GObject                    *record,
           const CivicArgumentSources *sources)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
  CivicRoomEquipment held = record != NULL ? civic_room_get_equipment (CIVIC_ROOM (record))
                                           : CIVIC_ROOM_EQUIPMENT_NONE;

  g_ptr_array_add (options, civic_argument_option_new ("recording", _("Audio recording"),
                                                       _("The record of a hearing is made from it"),
                                                       (held & CIVIC_ROOM_EQUIPMENT_RECORDING) != 0));
  g_ptr_array_add (options, civic_argument_option_new ("video", _("Video"),
                                                       _("For a hearing held in public or "
                                                         "attended from afar"),
                                                       (held & CIVIC_ROOM_EQUIPMENT_VIDEO) != 0));
  return options;
}

static GPtrArray *
closures (GObject                    *record,
          const CivicArgumentSources *sources)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
  CivicRoom *room = CIVIC_ROOM (record);

  g_autoptr(GDateTime) now = civic_time_now ();

  /* Those under way or to come, the first of them chosen */
  for (guint i = 0; i < civic_room_get_n_closures (room); i++)
    {
      const CivicRoomClosure *closure = civic_room_get_closure (room, i);
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;

      if (g_date_time_compare (closure->to, now) <= 0)
        continue;
      value = civic_time_format (closure->from);
      label = civic_room_closure_describe (closure);
      g_ptr_array_add (options, civic_argument_option_new (value, label, NULL, options->len == 0));
    }
  return options;
}

static char *
usual_name (GObject *record)
{
  return g_strdup (civic_room_get_name (CIVIC_ROOM (record)));
}

static char *
usual_building (GObject *record)
{
  return g_strdup (civic_room_get_building (CIVIC_ROOM (record)));
}

static int
usual_capacity (GObject *record)
{
  guint capacity = civic_room_get_capacity (CIVIC_ROOM (record));

  return capacity > 0 ? (int) capacity : 30;
}

#define FIELDS(req) \
  { .name = "name", .kind = CIVIC_ARGUMENT_LINE, .required = (req), .title = N_("Room _Name"), \
    .usual_text = usual_name }, \
  { .name = "building", .kind = CIVIC_ARGUMENT_LINE, .title = N_("_Building"), \
    .usual_text = usual_building }, \
  { .name = "capacity", .kind = CIVIC_ARGUMENT_NUMBER, .required = TRUE, .title = N_("_Seats"), \
    .min = 1, .max = CIVIC_ROOM_CAPACITY_MAX, .usual_number = 30, \
    .usual_number_for = usual_capacity }, \
  { .name = "department_id", .kind = CIVIC_ARGUMENT_OPTION, .title = N_("_Department"), \
    .options = departments }, \
  { .name = "equipment", .kind = CIVIC_ARGUMENT_CHECKLIST, .title = N_("_Equipment"), \
    .options = equipment }

static const CivicArgument add[] = {
  FIELDS (TRUE),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument edit[] = {
  FIELDS (FALSE),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument close_room[] = {
  { .name = "from", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE, .title = N_("_First Day") },
  { .name = "to", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE, .title = N_("_Last Day") },
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Reason"),
    .description = N_("Refused while a hearing is booked in the room then") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument reopen[] = {
  { .name = "closure", .kind = CIVIC_ARGUMENT_OPTION, .required = TRUE, .title = N_("_Closure"),
    .description = N_("It ends at once: hearings may be booked then again"),
    .options = closures },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_ROOM_ACTIONS] = {
  [CIVIC_ROOM_ACTION_ADD] = add,
  [CIVIC_ROOM_ACTION_EDIT] = edit,
  [CIVIC_ROOM_ACTION_CLOSE] = close_room,
  [CIVIC_ROOM_ACTION_REOPEN] = reopen,
};

const CivicArgument *
civic_room_action_get_arguments (CivicRoomAction action)
{
  g_return_val_if_fail ((guint) action < CIVIC_N_ROOM_ACTIONS, NULL);
  return declarations[action];
}

/* The kind */

CIVIC_DEFINE_KIND_ACTION_NICKS (CIVIC_TYPE_ROOM_ACTION)

static const char *
kind_action_label (guint action)
{
  return civic_room_action_get_label (action);
}

static const char *
kind_past_tense (const char *name)
{
  guint action;

  if (name == NULL || !kind_action_from_string (name, &action))
    return NULL;
  return past_tense (action);
}

static const CivicArgument *
kind_arguments (guint action)
{
  return civic_room_action_get_arguments (action);
}

static CivicActionWeight
kind_weight (guint action)
{
  switch ((CivicRoomAction) action)
    {
    case CIVIC_ROOM_ACTION_CLOSE:
    case CIVIC_ROOM_ACTION_EDIT:
      return CIVIC_WEIGHT_DELIBERATE;
    default:
      return CIVIC_WEIGHT_ROUTINE;
    }
}

static gboolean
kind_safe_when_stale (guint action)
{
  return FALSE;
}

static GObject *
kind_from_json (JsonNode  *node,
                GError   **error)
{
  return G_OBJECT (civic_room_new_from_json (node, error));
}

static const char *
kind_get_id (GObject *record)
{
  return civic_room_get_id (CIVIC_ROOM (record));
}

static gint64
kind_get_rev (GObject *record)
{
  return civic_room_get_rev (CIVIC_ROOM (record));
}

static void
kind_set_rev (GObject *record,
              gint64   rev)
{
  civic_room_set_rev (CIVIC_ROOM (record), rev);
}

static char *
kind_label (GObject *record)
{
  CivicRoom *room = CIVIC_ROOM (record);

  if (civic_room_get_name (room) == NULL)
    return g_strdup (_("A new room"));
  return g_strdup (civic_room_get_name (room));
}

static char *
kind_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u room. Each is checked by the rules on its own.",
                                          "For %u rooms. Each is checked by the rules on its own.",
                                          n_records), n_records);
}

static char *
kind_describe (GObject *record)
{
  CivicRoom *room = CIVIC_ROOM (record);
  guint seats = civic_room_get_capacity (room);
  const char *building = civic_room_get_building (room);
  g_autofree char *capacity = g_strdup_printf (civic_ngettext ("%u seat", "%u seats", seats),
                                               seats);

  if (building == NULL)
    return g_steal_pointer (&capacity);
  /* Translators: a room's building, then its seats: "省政务服务中心, 40 seats" */
  return g_strdup_printf (_("%s, %s"), building, capacity);
}

static char *
kind_to_feed_json (GObject       *record,
                   CivicCalendar *calendar,
                   CivicDay       today)
{
  g_autoptr(JsonNode) node = civic_room_to_json (CIVIC_ROOM (record));

  return civic_json_to_string (node, FALSE);
}

static gboolean
kind_check (GObject                    *record,
            guint                       action,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  return room_check_action (CIVIC_ROOM (record), action, context, error);
}

static GArray *
kind_list_actions (GObject                    *record,
                   const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicRoomAction));

  for (guint i = 0; i < CIVIC_N_ROOM_ACTIONS; i++)
    {
      CivicRoomAction action = i;

      if (action != CIVIC_ROOM_ACTION_ADD && kind_check (record, action, context, NULL))
        g_array_append_val (actions, action);
    }
  return actions;
}

/* Every change is tried on a copy, and the room after it must still be
 * the actor's to run: a refused one leaves the record as it was */
static GObject *
kind_apply (GObject                    *record,
            guint                       action,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_autoptr(CivicRoom) next = NULL;
  g_autoptr(JsonObject) empty = NULL;

  if (!kind_check (record, action, context, error))
    return NULL;
  if (args == NULL)
    args = empty = json_object_new ();
  next = civic_room_copy (CIVIC_ROOM (record));
  if (!apply_action (next, action, args, context, error) ||
      !check_owner (civic_room_get_department_id (next), context->actor, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&next));
}

static gboolean
kind_creates (guint action)
{
  return action == CIVIC_ROOM_ACTION_ADD;
}

static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *c = id; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_' && *c != '.')
      return FALSE;
  return TRUE;
}

static GObject *
kind_create (const char                 *id,
             guint                       action,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  if (action != CIVIC_ROOM_ACTION_ADD)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such room"));
      return NULL;
    }
  if (!id_is_valid (id))
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("A room’s id is up to 64 letters, digits, dots, dashes and underscores"));
      return NULL;
    }
  return G_OBJECT (civic_room_new (id));
}

const CivicEntityKind civic_room_kind = {
  .type = CIVIC_ENTITY_ROOM,
  .collection = "rooms",
  .record_type = civic_room_get_type,
  .n_actions = CIVIC_N_ROOM_ACTIONS,
  .action_from_string = kind_action_from_string,
  .action_to_string = kind_action_to_string,
  .action_label = kind_action_label,
  .past_tense = kind_past_tense,
  .arguments = kind_arguments,
  .weight = kind_weight,
  .safe_when_stale = kind_safe_when_stale,
  .from_json = kind_from_json,
  .get_id = kind_get_id,
  .get_rev = kind_get_rev,
  .set_rev = kind_set_rev,
  .label = kind_label,
  .headline = kind_label,
  .headline_n = kind_headline_n,
  .describe = kind_describe,
  .now_title = N_("The room now"),
  .open_label = N_("_Open Room"),
  .not_cached = N_("The room is not in the offline copy"),
  .to_feed_json = kind_to_feed_json,
  .check = kind_check,
  .list_actions = kind_list_actions,
  .apply = kind_apply,
  .creates = kind_creates,
  .create = kind_create,
};
