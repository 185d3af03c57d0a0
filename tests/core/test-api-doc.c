/* test-api-doc.c — docs/api.md says what the code declares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"

/* The table of command types in docs/api.md is what a client's author
 * reads: every type the workflow has is in it, every type in it is the
 * workflow's, and each row names every argument the action reads (and no
 * argument it does not). The values an argument takes ("`approve` \|
 * `deny`") are prose, and not checked here. */

typedef struct
{
  char *type;
  char *args;   /* the row's cell of arguments, as written */
} Row;

static void
row_free (Row *row)
{
  g_free (row->type);
  g_free (row->args);
  g_free (row);
}

static GPtrArray *
read_table (void)
{
  const char *path = g_getenv ("CIVICDESK_API_DOC");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  gboolean in_section = FALSE;

  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      Row *row;

      if (g_str_has_prefix (lines[i], "#"))
        in_section = g_str_equal (lines[i], "### Command types");
      if (!in_section || !g_str_has_prefix (lines[i], "| `"))
        continue;

      /* | `type` | who | state | args | */
      cells = g_strsplit (lines[i], " | ", 4);
      g_assert_cmpuint (g_strv_length (cells), ==, 4);
      row = g_new0 (Row, 1);
      row->type = g_strndup (cells[0] + 3, strlen (cells[0]) - 4);
      row->args = g_strndup (cells[3],
                             strlen (cells[3]) - (g_str_has_suffix (cells[3], " |") ? 2 : 1));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* The argument names a row documents: a name in backquotes that an
 * argument's value could not be — with an underscore, or followed by a
 * colon ("`ground`: …", "`record_signed: true`"). */
static GHashTable *
documented_names (const char *args)
{
  g_autoptr(GRegex) regex = g_regex_new ("`([a-z_]+)(:[^`]*)?`(:?)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_regex_match (regex, args, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *inner = g_match_info_fetch (match, 2);
      g_autofree char *colon = g_match_info_fetch (match, 3);

      if (strchr (name, '_') != NULL || (inner != NULL && *inner != '\0') ||
          (colon != NULL && *colon != '\0'))
        g_hash_table_add (names, g_steal_pointer (&name));
      g_match_info_next (match, NULL);
    }
  return names;
}

static void
test_every_type (void)
{
  g_autoptr(GPtrArray) rows = read_table ();
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (rows->len, >, 20);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      g_test_message ("%s", row->type);
      g_assert_nonnull (civic_entity_kind_for_command (row->type, NULL));
      g_assert_true (g_hash_table_add (listed, row->type));
    }

  /* Every kind's; deem-accept is the service's own, said below the table */
  for (const CivicEntityKind * const *kinds = civic_entity_kinds (); *kinds != NULL; kinds++)
    for (guint a = 0; a < (*kinds)->n_actions; a++)
      if (*kinds != &civic_case_kind || a != CIVIC_ACTION_DEEM_ACCEPT)
        {
          g_test_message ("%s", (*kinds)->action_to_string (a));
          g_assert_true (g_hash_table_contains (listed, (*kinds)->action_to_string (a)));
        }
}

static void
test_every_argument (void)
{
  g_autoptr(GPtrArray) rows = read_table ();

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autoptr(GHashTable) documented = documented_names (row->args);
      const CivicEntityKind *kind;
      const CivicArgument *declared;
      GHashTableIter iter;
      guint action;
      gpointer name;

      kind = civic_entity_kind_for_command (row->type, &action);
      g_assert_nonnull (kind);
      declared = kind->arguments (action);

      for (guint j = 0; declared[j].name != NULL; j++)
        {
          g_autofree char *quoted = g_strdup_printf ("`%s", declared[j].name);

          if (strstr (row->args, quoted) == NULL)
            g_error ("docs/api.md: %s does not list its argument “%s”", row->type,
                     declared[j].name);
        }

      g_hash_table_iter_init (&iter, documented);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        if (civic_arguments_find (declared, name) == NULL)
          g_error ("docs/api.md: %s lists “%s”, which the action does not read", row->type,
                   (const char *) name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Not in civic-entity.c's list until the service stores it: its
   * commands are checked all the same */
  if (civic_entity_kind_lookup (CIVIC_ENTITY_DISCLOSURE_REQUEST) == NULL)
    civic_entity_kind_register (&civic_disclosure_request_kind);

  g_test_add_func ("/api-doc/every-type", test_every_type);
  g_test_add_func ("/api-doc/every-argument", test_every_argument);

  return g_test_run ();
}
