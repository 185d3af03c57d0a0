/* civic-room.c — a room hearings are held in, as administrators run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-room"

#include "config.h"

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-room.h"
#include "civic-time.h"

/* The room's JSON is the one the command line and the demo always wrote,
 * with its revision: {id, rev, kind: "hearing", name, building,
 * capacity, department (null: the whole hall's), equipment: [recording,
 * video], unavailable: [{from, to, reason}]}. */

struct _CivicRoom
{
  GObject             parent_instance;

  char               *id;
  gint64              rev;
  char               *name;
  char               *building;
  guint               capacity;
  char               *department_id;
  CivicRoomEquipment  equipment;
  GPtrArray          *closures;   /* CivicRoomClosure, by their start */
};

G_DEFINE_FINAL_TYPE (CivicRoom, civic_room, G_TYPE_OBJECT)

static void
closure_free (CivicRoomClosure *closure)
{
  g_clear_pointer (&closure->from, g_date_time_unref);
  g_clear_pointer (&closure->to, g_date_time_unref);
  g_free (closure->reason);
  g_free (closure);
}

static void
civic_room_finalize (GObject *object)
{
  CivicRoom *self = CIVIC_ROOM (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->building);
  g_free (self->department_id);
  g_ptr_array_unref (self->closures);

  G_OBJECT_CLASS (civic_room_parent_class)->finalize (object);
}

static void
civic_room_class_init (CivicRoomClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_room_finalize;
}

static void
civic_room_init (CivicRoom *self)
{
  self->closures = g_ptr_array_new_with_free_func ((GDestroyNotify) closure_free);
}

/**
 * civic_room_new:
 *
 * Returns: (transfer full): a blank room under @id, for add-room
 */
CivicRoom *
civic_room_new (const char *id)
{
  CivicRoom *self = g_object_new (CIVIC_TYPE_ROOM, NULL);

  self->id = g_strdup (id);
  return self;
}

CivicRoom *
civic_room_copy (CivicRoom *self)
{
  CivicRoom *copy;

  g_return_val_if_fail (CIVIC_IS_ROOM (self), NULL);

  copy = civic_room_new (self->id);
  copy->rev = self->rev;
  civic_room_set_fields (copy, self->name, self->building, self->capacity, self->department_id,
                         self->equipment);
  for (guint i = 0; i < self->closures->len; i++)
    {
      const CivicRoomClosure *closure = g_ptr_array_index (self->closures, i);

      civic_room_add_closure (copy, closure->from, closure->to, closure->reason);
    }
  return copy;
}

static char *
dup_nonempty (const char *value)
{
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

void
civic_room_set_fields (CivicRoom          *self,
                       const char         *name,
                       const char         *building,
                       guint               capacity,
                       const char         *department_id,
                       CivicRoomEquipment  equipment)
{
  /* The values may be the room's own, as an edit keeps them */
  char *new_name = dup_nonempty (name);
  char *new_building = dup_nonempty (building);
  char *new_department = dup_nonempty (department_id);

  g_return_if_fail (CIVIC_IS_ROOM (self));

  g_free (self->name);
  self->name = new_name;
  g_free (self->building);
  self->building = new_building;
  self->capacity = capacity;
  g_free (self->department_id);
  self->department_id = new_department;
  self->equipment = equipment & (CIVIC_ROOM_EQUIPMENT_RECORDING | CIVIC_ROOM_EQUIPMENT_VIDEO);
}

static int
compare_closures (gconstpointer a,
                  gconstpointer b)
{
  const CivicRoomClosure *first = *(const CivicRoomClosure **) a;
  const CivicRoomClosure *second = *(const CivicRoomClosure **) b;

  return g_date_time_compare (first->from, second->from);
}

void
civic_room_add_closure (CivicRoom  *self,
                        GDateTime  *from,
                        GDateTime  *to,
                        const char *reason)
{
  CivicRoomClosure *closure;

  g_return_if_fail (CIVIC_IS_ROOM (self));
  g_return_if_fail (from != NULL && to != NULL);

  closure = g_new0 (CivicRoomClosure, 1);
  closure->from = g_date_time_ref (from);
  closure->to = g_date_time_ref (to);
  closure->reason = g_strdup (reason);
  g_ptr_array_add (self->closures, closure);
  g_ptr_array_sort (self->closures, compare_closures);
}

/* Removes the closure that starts at @from: whether there was one */
gboolean
civic_room_remove_closure (CivicRoom *self,
                           GDateTime *from)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), FALSE);

  for (guint i = 0; i < self->closures->len; i++)
    {
      const CivicRoomClosure *closure = g_ptr_array_index (self->closures, i);

      if (g_date_time_equal (closure->from, from))
        {
          g_ptr_array_remove_index (self->closures, i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * civic_room_closure_at:
 *
 * Returns: (transfer none) (nullable): a closure that overlaps [@from, @to)
 */
const CivicRoomClosure *
civic_room_closure_at (CivicRoom *self,
                       GDateTime *from,
                       GDateTime *to)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), NULL);

  for (guint i = 0; i < self->closures->len; i++)
    {
      const CivicRoomClosure *closure = g_ptr_array_index (self->closures, i);

      if (g_date_time_compare (from, closure->to) < 0 &&
          g_date_time_compare (to, closure->from) > 0)
        return closure;
    }
  return NULL;
}

/* A closure as an official reads it: "2026-04-01 – 2026-04-03: 装修"
 * when it runs from midnight to midnight, with the times otherwise */
char *
civic_room_closure_describe (const CivicRoomClosure *closure)
{
  g_autoptr(GDateTime) from = g_date_time_to_timezone (closure->from, civic_time_zone ());
  g_autoptr(GDateTime) to = g_date_time_to_timezone (closure->to, civic_time_zone ());
  g_autofree char *first = NULL, *last = NULL;

  if (g_date_time_get_hour (from) == 0 && g_date_time_get_minute (from) == 0 &&
      g_date_time_get_hour (to) == 0 && g_date_time_get_minute (to) == 0)
    {
      g_autoptr(GDateTime) last_day = g_date_time_add_days (to, -1);

      first = g_date_time_format (from, "%Y-%m-%d");
      last = g_date_time_format (last_day, "%Y-%m-%d");
    }
  else
    {
      first = g_date_time_format (from, "%Y-%m-%d %H:%M");
      last = g_date_time_format (to, "%Y-%m-%d %H:%M");
    }
  if (g_str_equal (first, last))
    /* Translators: a room closed one day: "2026-04-01: 装修" */
    return g_strdup_printf (_("%s: %s"), first, closure->reason ? closure->reason : "");
  /* Translators: a room closed for a period: "2026-04-01 – 2026-04-03: 装修" */
  return g_strdup_printf (_("%s – %s: %s"), first, last, closure->reason ? closure->reason : "");
}

/**
 * civic_room_to_json:
 *
 * Returns: (transfer full): the room as the feed carries it
 */
JsonNode *
civic_room_to_json (CivicRoom *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (CIVIC_IS_ROOM (self), NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_int (builder, "rev", self->rev);
  civic_json_set_string (builder, "kind", "hearing");
  civic_json_set_string (builder, "name", self->name);
  civic_json_set_string (builder, "building", self->building);
  civic_json_set_int (builder, "capacity", self->capacity);
  civic_json_set_string (builder, "department", self->department_id);
  json_builder_set_member_name (builder, "equipment");
  json_builder_begin_array (builder);
  if (self->equipment & CIVIC_ROOM_EQUIPMENT_RECORDING)
    json_builder_add_string_value (builder, "recording");
  if (self->equipment & CIVIC_ROOM_EQUIPMENT_VIDEO)
    json_builder_add_string_value (builder, "video");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "unavailable");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->closures->len; i++)
    {
      const CivicRoomClosure *closure = g_ptr_array_index (self->closures, i);

      json_builder_begin_object (builder);
      civic_json_set_instant (builder, "from", closure->from);
      civic_json_set_instant (builder, "to", closure->to);
      civic_json_set_string (builder, "reason", closure->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_room_new_from_json:
 *
 * Reads a room as the feed carries it; typed reads, since an entry from
 * outside may hold anything anywhere.
 *
 * Returns: (transfer full) (nullable): the room, or %NULL with @error
 */
CivicRoom *
civic_room_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(CivicRoom) self = NULL;
  g_auto(GStrv) equipment_names = NULL;
  const char *id, *name = NULL, *building = NULL, *department = NULL;
  CivicRoomEquipment equipment = CIVIC_ROOM_EQUIPMENT_NONE;
  gint64 rev = 0, capacity = 0;
  JsonArray *closed = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("A room is a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", TRUE, &id, error) ||
      !civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &rev, error) ||
      !civic_json_get_string (object, "name", FALSE, &name, error) ||
      !civic_json_get_string (object, "building", FALSE, &building, error) ||
      !civic_json_get_int (object, "capacity", FALSE, 0, CIVIC_ROOM_CAPACITY_MAX, &capacity,
                           error) ||
      !civic_json_get_string (object, "department", FALSE, &department, error) ||
      !civic_json_get_strv (object, "equipment", FALSE, &equipment_names, error) ||
      !civic_json_get_array (object, "unavailable", FALSE, &closed, error))
    return NULL;

  self = civic_room_new (id);
  self->rev = rev;
  for (guint i = 0; equipment_names != NULL && equipment_names[i] != NULL; i++)
    if (g_str_equal (equipment_names[i], "recording"))
      equipment |= CIVIC_ROOM_EQUIPMENT_RECORDING;
    else if (g_str_equal (equipment_names[i], "video"))
      equipment |= CIVIC_ROOM_EQUIPMENT_VIDEO;
  civic_room_set_fields (self, name, building, capacity, department, equipment);

  for (guint i = 0; closed != NULL && i < json_array_get_length (closed); i++)
    {
      JsonNode *element = json_array_get_element (closed, i);
      JsonObject *period = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;
      const char *reason = NULL;

      if (period == NULL)
        {
          g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                               _("A room’s closure is a JSON object"));
          return NULL;
        }
      if (!civic_json_get_instant (period, "from", TRUE, &from, error) ||
          !civic_json_get_instant (period, "to", TRUE, &to, error) ||
          !civic_json_get_string (period, "reason", FALSE, &reason, error))
        return NULL;
      civic_room_add_closure (self, from, to, reason);
    }
  return g_steal_pointer (&self);
}

const char *
civic_room_get_id (CivicRoom *self)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), NULL);
  return self->id;
}

gint64
civic_room_get_rev (CivicRoom *self)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), 0);
  return self->rev;
}

void
civic_room_set_rev (CivicRoom *self,
                    gint64     rev)
{
  g_return_if_fail (CIVIC_IS_ROOM (self));
  self->rev = rev;
}

const char *
civic_room_get_name (CivicRoom *self)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), NULL);
  return self->name;
}

const char *
civic_room_get_building (CivicRoom *self)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), NULL);
  return self->building;
}

guint
civic_room_get_capacity (CivicRoom *self)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), 0);
  return self->capacity;
}

const char *
civic_room_get_department_id (CivicRoom *self)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), NULL);
  return self->department_id;
}

CivicRoomEquipment
civic_room_get_equipment (CivicRoom *self)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), CIVIC_ROOM_EQUIPMENT_NONE);
  return self->equipment;
}

/* "Recording, Video", or %NULL for none */
char *
civic_room_describe_equipment (CivicRoomEquipment equipment)
{
  GString *text;

  if (equipment == CIVIC_ROOM_EQUIPMENT_NONE)
    return NULL;
  text = g_string_new (NULL);
  if (equipment & CIVIC_ROOM_EQUIPMENT_RECORDING)
    g_string_append (text, _("Audio recording"));
  if (equipment & CIVIC_ROOM_EQUIPMENT_VIDEO)
    {
      if (text->len > 0)
        /* Translators: between the items of a list */
        g_string_append (text, _(", "));
      g_string_append (text, _("Video"));
    }
  return g_string_free (text, FALSE);
}

guint
civic_room_get_n_closures (CivicRoom *self)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), 0);
  return self->closures->len;
}

const CivicRoomClosure *
civic_room_get_closure (CivicRoom *self,
                        guint      index)
{
  g_return_val_if_fail (CIVIC_IS_ROOM (self), NULL);
  g_return_val_if_fail (index < self->closures->len, NULL);
  return g_ptr_array_index (self->closures, index);
}
