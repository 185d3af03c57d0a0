/* civic-fuzz-known-bugs.c — bugs in src/ the fuzzers found, reported, not yet fixed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"
#include "civic-fuzz.h"

/* A target that meets one of these bugs would fail on it at every run,
 * and find nothing else. Each function below recognises one, so that the
 * targets let it through and keep looking. When a fix lands, delete its
 * function and the calls (and this file with the last one): the target
 * then holds the fix, and a test in tests/core should too. */

/* A year before 1000 as civic_time_format() writes it: "26-03-20T…". */
static gboolean
has_short_year (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *q = p;

      if (p > text && g_ascii_isdigit (p[-1]))
        continue;
      while (g_ascii_isdigit (*q) && q - p < 4)
        q++;
      if (q > p && q - p < 4 && q[0] == '-' && g_ascii_isdigit (q[1]) &&
          g_ascii_isdigit (q[2]) && q[3] == '-' && g_ascii_isdigit (q[4]) &&
          g_ascii_isdigit (q[5]) && q[6] == 'T')
        return TRUE;
    }
  return FALSE;
}

/* A double as json-glib 1.6 writes it when it has no decimal point in
 * C's "%.17g": a ".0" after the exponent, "2e+21.0", or "inf.0". */
static gboolean
has_unreadable_double (const char *text)
{
  if (strstr (text, "inf.0") != NULL)
    return TRUE;

  for (const char *p = strchr (text, 'e'); p != NULL; p = strchr (p + 1, 'e'))
    {
      const char *q = p + 1;

      if (p == text || !g_ascii_isdigit (p[-1]))
        continue;
      if (*q == '+' || *q == '-')
        q++;
      if (!g_ascii_isdigit (*q))
        continue;
      while (g_ascii_isdigit (*q))
        q++;
      if (q[0] == '.' && q[1] == '0')
        return TRUE;
    }
  return FALSE;
}

/**
 * civic_fuzz_known_bug:
 * @written: what the code under test wrote, that does not read back
 *
 * Returns: (nullable): the known bug that explains why @written does not
 * read back
 */
const char *
civic_fuzz_known_bug (const char *written)
{
  /* Strings that are not UTF-8 (see civic_fuzz_known_bad_strings()),
   * written back: no reader takes the text again. */
  if (!g_utf8_validate (written, -1, NULL))
    return "string not UTF-8";

  /* json-glib's writer appends ".0" to a double without a decimal point
   * in "%.17g": 2e21 becomes 2e+21.0, 1e999 (infinity) inf.0. */
  if (has_unreadable_double (written))
    return "double written as no JSON";

  /* civic_time_format() writes "0401-03-17T…" as "401-03-17T…". */
  if (has_short_year (written))
    return "year before 1000";

  return NULL;
}

/**
 * civic_fuzz_known_deep_json:
 *
 * Whether @data is JSON text that may nest deeper than
 * %CIVIC_JSON_MAX_DEPTH through a known bug: json-glib takes 'single
 * quoted' strings and C comments, and civic_json_check_bounds() counts
 * the brackets inside them as text, or those after a double quote
 * inside them as inside a string. Delete it when the fix lands.
 */
gboolean
civic_fuzz_known_deep_json (const uint8_t *data,
                            size_t         size)
{
  return memchr (data, '\'', size) != NULL || g_strstr_len ((const char *) data, size, "/*");
}

static gboolean
has_bad_string (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_utf8_validate (l->data, -1, NULL) ||
            has_bad_string (json_object_get_member (object, l->data)))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (has_bad_string (json_array_get_element (array, i)))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return !g_utf8_validate (json_node_get_string (node), -1, NULL);

  return FALSE;
}

/**
 * civic_fuzz_known_bad_strings:
 * @root: what civic_json_parse() made of an input
 *
 * Whether a string of @root is not UTF-8, which a known bug lets through:
 * json-glib 1.6 decodes octal escapes ("\377") into any byte, and a high
 * surrogate without its low half ("\ud83cx") into the bytes of a lone
 * surrogate, and civic_json_parse() checks only the text it is given.
 * Code that relies on UTF-8 (the privacy lint, in civic-intake.c) then
 * fails. Delete it when the fix lands.
 */
gboolean
civic_fuzz_known_bad_strings (JsonNode *root)
{
  return root != NULL && has_bad_string (root);
}

/**
 * civic_fuzz_known_untyped_member:
 * @object: an entry of the users directory
 *
 * civic_actor_new_from_directory() (civic-actor.c) reads "id", "name",
 * "department_id" and "disabled" with json-glib's *_member_with_default(),
 * which print a critical when the member holds an object or a list.
 *
 * Returns: whether @object has such a member
 */
gboolean
civic_fuzz_known_untyped_member (JsonObject *object)
{
  static const char * const members[] = { "id", "name", "department_id", "disabled" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (object, members[i]);

      if (node != NULL && (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node)))
        return TRUE;
    }
  return FALSE;
}

/**
 * civic_fuzz_known_unnamed_subtask:
 * @kase: a case read from JSON
 *
 * civic_case_new_from_json() (civic-case.c) takes a sub-task without its
 * "department_name"; join_names() (civic-workflow.c), which lists the
 * co-departments a decision still waits for, then appends a NULL name:
 * a critical from g_string_append().
 *
 * Returns: whether a sub-task of @kase has no department name
 */
gboolean
civic_fuzz_known_unnamed_subtask (CivicCase *kase)
{
  GPtrArray *subtasks = civic_case_get_subtasks (kase);

  for (guint i = 0; i < subtasks->len; i++)
    if (((CivicSubtask *) g_ptr_array_index (subtasks, i))->department_name == NULL)
      return TRUE;
  return FALSE;
}
