/* fuzz-json.c — any JSON text, through the parser and the strict readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-core.h"
#include "civic-fuzz.h"

/* civic_json_parse() is the door every request body, feed page, stored
 * entity and file goes through; the readers of civic-json.h are what
 * every handler then asks of the tree. Beyond not crashing, this holds
 * them to what they promise: nothing deeper than CIVIC_JSON_MAX_DEPTH
 * gets through (json-glib recurses per level), strings are UTF-8, what
 * is read is what a writer writes back, and a tree either program
 * accepted is one it can write and read again, as both store what they
 * are sent (the client its feed, the service arguments and records). */

static void
check_readers (JsonObject *object,
               const char *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) instant = NULL;
  g_auto(GStrv) strv = NULL;
  const char *text = NULL;
  JsonObject *child_object;
  JsonArray *child_array;
  gboolean flag;
  CivicDay day;
  gint64 number;
  int value;

  if (civic_json_get_string (object, member, TRUE, &text, NULL))
    civic_fuzz_assert (text != NULL && g_utf8_validate (text, -1, NULL));

  if (civic_json_get_text (object, member, TRUE, &text, NULL))
    {
      const char *p = text;

      civic_fuzz_assert (text != NULL);
      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      civic_fuzz_assert (*p != '\0');
    }
  civic_json_get_text (object, member, FALSE, &text, NULL);

  if (civic_json_get_int (object, member, TRUE, 1, 100, &number, NULL))
    civic_fuzz_assert (number >= 1 && number <= 100);
  civic_json_get_int (object, member, TRUE, G_MININT64, G_MAXINT64, &number, NULL);
  civic_json_get_bool (object, member, TRUE, &flag, NULL);

  if (civic_json_get_day (object, member, TRUE, &day, NULL))
    {
      g_autofree char *written = civic_day_format (day);
      CivicDay again;

      civic_fuzz_assert (civic_day_parse (written, &again) && again == day);
    }

  if (civic_json_get_instant (object, member, TRUE, &instant, &error))
    {
      g_autofree char *written = civic_time_format (instant);
      g_autoptr(GDateTime) again = civic_time_parse (written);
      g_autofree char *rewritten = NULL;

      if (again == NULL && civic_fuzz_known_bug (written))
        return;
      civic_fuzz_assert (again != NULL);
      rewritten = civic_time_format (again);
      civic_fuzz_assert (g_str_equal (written, rewritten));
    }
  else
    civic_fuzz_assert (instant == NULL && error != NULL);
  g_clear_error (&error);

  if (civic_json_get_enum (object, member, TRUE, CIVIC_TYPE_ACTION, &value, NULL))
    civic_fuzz_assert (value >= 0 && value < CIVIC_N_ACTIONS);
  civic_json_get_enum (object, member, FALSE, CIVIC_TYPE_CASE_STATE, &value, NULL);

  if (civic_json_get_strv (object, member, TRUE, &strv, NULL))
    for (guint i = 0; strv[i] != NULL; i++)
      civic_fuzz_assert (g_utf8_validate (strv[i], -1, NULL));

  civic_json_get_object (object, member, TRUE, &child_object, NULL);
  civic_json_get_array (object, member, TRUE, &child_array, NULL);
}

static void
walk (JsonNode *node,
      guint     depth)
{
  civic_fuzz_assert (depth <= CIVIC_JSON_MAX_DEPTH);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      civic_fuzz_assert (depth < CIVIC_JSON_MAX_DEPTH);
      for (GList *l = members; l != NULL; l = l->next)
        {
          check_readers (object, l->data);
          walk (json_object_get_member (object, l->data), depth + 1);
        }
      check_readers (object, "not-a-member-of-anything");
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      civic_fuzz_assert (depth < CIVIC_JSON_MAX_DEPTH);
      for (guint i = 0; i < json_array_get_length (array); i++)
        walk (json_array_get_element (array, i), depth + 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  root = civic_json_parse ((const char *) data, size, &error);
  object = civic_json_parse_object ((const char *) data, size, NULL);
  if (root == NULL)
    {
      civic_fuzz_assert (error != NULL && error->domain == CIVIC_JSON_ERROR);
      civic_fuzz_assert (object == NULL);
      return 0;
    }
  civic_fuzz_assert (JSON_NODE_HOLDS_OBJECT (root) == (object != NULL));

  walk (root, 0);

  written = civic_json_to_string (root, FALSE);
  again = civic_json_parse (written, -1, &error);
  if (again == NULL && civic_fuzz_known_bug (written))
    return 0;
  if (again == NULL)
    g_printerr ("The tree is written as %s, which does not read back: %s\n",
                written, error->message);
  civic_fuzz_assert (again != NULL);
  rewritten = civic_json_to_string (again, FALSE);
  civic_fuzz_assert (g_str_equal (written, rewritten));

  return 0;
}
