/* civic-item-diff.c — what a new version of a guide changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-item"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-item-guide-private.h"
#include "civic-json.h"

/* A reviewer approves a change, not a whole guide again: the diff says,
 * a sentence a change, what the new version adds, removes or changes,
 * with the limits in numbers ("Promised limit: 15 → 10 working days")
 * and the materials by name ("Material added: 营业执照副本"). It walks
 * the same shape the check does, so a new field is told apart without a
 * word here. */

static gboolean
same (JsonNode *a,
      JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static char *
describe_limit (JsonObject *limit)
{
  gint64 days = civic_json_lookup_int (limit, "days", 0);
  const char *unit = civic_json_lookup_string (limit, "unit", NULL);

  if (days == 0)
    return g_strdup (_("none"));
  return g_strdup_printf (g_strcmp0 (unit, "calendar-days") == 0
                          ? civic_ngettext ("%d calendar day", "%d calendar days", days)
                          : civic_ngettext ("%d working day", "%d working days", days),
                          (int) days);
}

/* What changed inside one material: the labels of its fields */
static char *
material_changes (JsonObject *before,
                  JsonObject *after)
{
  const CivicGuideField *fields = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; civic_item_guide_fields[i].name != NULL; i++)
    if (strcmp (civic_item_guide_fields[i].name, "materials") == 0)
      fields = civic_item_guide_fields[i].fields;
  g_assert (fields != NULL);

  for (guint i = 0; fields[i].name != NULL; i++)
    if (!same (json_object_get_member (before, fields[i].name),
               json_object_get_member (after, fields[i].name)))
      {
        if (labels->len > 0)
          /* Translators: between the fields a change names */
          g_string_append (labels, _(", "));
        g_string_append (labels, _(fields[i].label));
      }
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

static void
diff_materials (JsonObject *before,
                JsonObject *after,
                GPtrArray  *changes)
{
  guint before_len = changes->len;
  JsonArray *old = json_object_has_member (before, "materials")
                   ? json_object_get_array_member (before, "materials") : NULL;
  JsonArray *new = json_object_has_member (after, "materials")
                   ? json_object_get_array_member (after, "materials") : NULL;

  for (guint i = 0; new != NULL && i < json_array_get_length (new); i++)
    {
      JsonObject *material = civic_json_array_lookup_object (new, i);
      const char *id = civic_json_lookup_string (material, "id", NULL);
      const char *name = civic_json_lookup_string (material, "name", "");
      JsonObject *was = civic_item_guide_find_material (before, id);

      if (was == NULL)
        g_ptr_array_add (changes,
                         /* Translators: "Material added: 营业执照副本 (required)" */
                         g_strdup_printf (_("Material added: %s (%s)"), name,
                                          json_object_get_boolean_member_with_default (material,
                                                                                       "required",
                                                                                       FALSE)
                                          ? _("required") : _("optional")));
      else
        {
          g_autofree char *fields = material_changes (was, material);

          if (*fields != '\0')
            g_ptr_array_add (changes,
                             /* Translators: "Material changed: 申请书 — Copies, Blank Form" */
                             g_strdup_printf (_("Material changed: %s — %s"), name, fields));
        }
    }
  for (guint i = 0; old != NULL && i < json_array_get_length (old); i++)
    {
      JsonObject *material = civic_json_array_lookup_object (old, i);

      if (civic_item_guide_find_material (after, civic_json_lookup_string (material, "id",
                                                                           NULL)) == NULL)
        g_ptr_array_add (changes,
                         g_strdup_printf (_("Material removed: %s"),
                                          civic_json_lookup_string (material, "name", "")));
    }
  /* The same materials, in another order: the order the clerk checks them */
  if (changes->len == before_len)
    g_ptr_array_add (changes, g_strdup (_("Materials put in another order")));
}

/**
 * civic_item_guide_diff:
 * @before: (nullable): the version in effect; %NULL for a new item
 * @after: the version proposed
 *
 * Returns: (transfer full) (element-type utf8): what @after changes, a
 * translated sentence each, in the order of the guide; empty when the
 * two are the same
 */
GPtrArray *
civic_item_guide_diff (JsonObject *before,
                       JsonObject *after)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) empty = json_object_new ();

  if (before == NULL)
    before = empty;

  for (guint i = 0; civic_item_guide_fields[i].name != NULL; i++)
    {
      const CivicGuideField *field = &civic_item_guide_fields[i];
      JsonNode *was = json_object_get_member (before, field->name);
      JsonNode *is = json_object_get_member (after, field->name);
      const char *label = _(field->label);

      if (same (was, is))
        continue;
      if (strcmp (field->name, "materials") == 0)
        diff_materials (before, after, changes);
      else if (strcmp (field->name, "statutory") == 0 || strcmp (field->name, "promised") == 0)
        {
          g_autofree char *from = was != NULL ? describe_limit (json_node_get_object (was))
                                              : g_strdup (_("none"));
          g_autofree char *to = is != NULL ? describe_limit (json_node_get_object (is))
                                           : g_strdup (_("none"));

          if (strcmp (from, to) == 0)
            /* Translators: "Promised Limit: explanation changed" */
            g_ptr_array_add (changes, g_strdup_printf (_("%s: explanation changed"), label));
          else
            /* Translators: "Promised Limit: 15 → 10 working days" */
            g_ptr_array_add (changes, g_strdup_printf (_("%s: %s → %s"), label, from, to));
        }
      else if ((field->type == CIVIC_GUIDE_LINE || field->type == CIVIC_GUIDE_CHOICE) &&
               was != NULL && is != NULL)
        {
          const char *from = json_node_get_string (was);
          const char *to = json_node_get_string (is);

          if (strcmp (field->name, "type_code") == 0)
            from = civic_item_type_get_label (from), to = civic_item_type_get_label (to);
          /* Translators: "Name: 食品经营许可 → 食品经营许可证核发" */
          g_ptr_array_add (changes, g_strdup_printf (_("%s: %s → %s"), label, from, to));
        }
      else if (field->type == CIVIC_GUIDE_TEXT && is != NULL)
        /* Translators: "Acceptance Conditions: 申请人应当…" — the new text, for the
         * reviewer to read */
        g_ptr_array_add (changes, g_strdup_printf (_("%s: %s"), label, json_node_get_string (is)));
      else if (was == NULL)
        /* Translators: "Added: Fee" */
        g_ptr_array_add (changes, g_strdup_printf (_("Added: %s"), label));
      else if (is == NULL)
        /* Translators: "Removed: Windows" */
        g_ptr_array_add (changes, g_strdup_printf (_("Removed: %s"), label));
      else
        /* Translators: "Changed: Windows" */
        g_ptr_array_add (changes, g_strdup_printf (_("Changed: %s"), label));
    }
  return changes;
}
