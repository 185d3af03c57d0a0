/* civic-disclosure-columns.c — an organ's catalogue of columns (栏目, 专栏)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-columns"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-disclosure-columns.h"
#include "civic-disclosure-public.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-server-db.h"
#include "civic-workflow.h"

/* A column is a plain entity (`disclosure-column`), in every official's
 * feed like a room, so that the editor offers the organ's columns and no
 * other: a disclosure names its columns by id, and the service refuses a
 * column that is not its organ's. A column may sit under another of the
 * same organ (the catalogue, 目录), and may name its counterpart one
 * level up (the Art. 20 plan column of the province above the city's):
 * another organ's column in this hall, or one outside it by its address.
 *
 * Written here, with the row the public side reads (`public_column`), in
 * the caller's transaction: the public pages never read `entity`
 * (docs/plans/disclosure.md, decision 12). A column is never deleted,
 * since a published disclosure keeps its columns; an administrator
 * renames it or moves it in the catalogue with `column set`. */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

/* Lower-case letters, digits and hyphens, as it is typed in a URL */
static gboolean
id_is_valid (const char *id)
{
  gsize length = id ? strlen (id) : 0;

  if (length == 0 || length > 64 || !g_ascii_isalnum (id[0]))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

/**
 * civic_disclosure_columns_load:
 * @rev: (out) (optional): its revision, 0 when there is none
 *
 * Returns: (transfer full) (nullable): the column, or %NULL without error
 * when there is none
 */
JsonObject *
civic_disclosure_columns_load (CivicDb      *db,
                               const char   *id,
                               gint64       *rev,
                               GError      **error)
{
  g_autoptr(CivicEntityRow) row = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (rev != NULL)
    *rev = 0;
  if (!id_is_valid (id))
    return NULL;
  row = civic_server_db_get_entity (db, CIVIC_ENTITY_DISCLOSURE_COLUMN, id, error);
  if (row == NULL)
    return NULL;
  node = civic_json_parse (row->data, -1, error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  if (rev != NULL)
    *rev = row->rev;
  return json_object_ref (json_node_get_object (node));
}

static const char *
member (JsonObject *object,
        const char *name)
{
  return civic_json_lookup_string (object, name, NULL);
}

/* Another column of the same organ's named the same would be two
 * columns to the public with one name */
static gboolean
name_is_taken (CivicDb      *db,
               JsonObject   *column,
               gboolean     *taken,
               GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, "SELECT 1 FROM entity WHERE type = '"
                                            CIVIC_ENTITY_DISCLOSURE_COLUMN "' "
                                            "AND id != ?1 "
                                            "AND json_extract (data, '$.department') = ?2 "
                                            "AND json_extract (data, '$.name') = ?3",
                                        error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, member (column, "id"));
  civic_db_bind_text (stmt, 2, member (column, "department"));
  civic_db_bind_text (stmt, 3, member (column, "name"));
  ok = civic_db_step (db, stmt, taken, error);
  civic_db_reset (stmt);
  return ok;
}

/* How many levels the columns under @id take, itself not counted */
static gboolean
subtree_height (CivicDb      *db,
                const char   *id,
                gint64       *height,
                GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db,
                                        "WITH RECURSIVE below (id, depth) AS ("
                                        "  SELECT ?1, 0 "
                                        "  UNION ALL "
                                        "  SELECT e.id, below.depth + 1 FROM entity e "
                                        "  JOIN below ON json_extract (e.data, '$.parent') = below.id "
                                        "  WHERE e.type = '" CIVIC_ENTITY_DISCLOSURE_COLUMN "' "
                                        "    AND below.depth < ?2) "
                                        "SELECT max (depth) FROM below", error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_int (stmt, 2, CIVIC_DISCLOSURE_COLUMN_MAX_LEVELS);
  if (!civic_db_step (db, stmt, &row, error))
    {
      civic_db_reset (stmt);
      return FALSE;
    }
  *height = row ? civic_db_column_int64 (stmt, 0) : 0;
  civic_db_reset (stmt);
  return TRUE;
}

/* The parent is the same organ's, the catalogue does not loop, and no
 * column ends up deeper than CIVIC_DISCLOSURE_COLUMN_MAX_LEVELS, those
 * under this one included */
static gboolean
check_parent (CivicDb      *db,
              JsonObject   *column,
              GError      **error)
{
  const char *id = member (column, "id");
  const char *department = member (column, "department");
  g_autofree char *at = g_strdup (member (column, "parent"));
  gint64 above = 0;
  gint64 below = 0;

  for (; at != NULL; above++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) parent = NULL;

      if (g_str_equal (at, id))
        return invalid (error, _("The column “%s” would sit under itself"), id);
      if (above >= CIVIC_DISCLOSURE_COLUMN_MAX_LEVELS)
        break;
      parent = civic_disclosure_columns_load (db, at, NULL, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (parent == NULL)
        return invalid (error, _("There is no column “%s”"), at);
      if (g_strcmp0 (member (parent, "department"), department) != 0)
        return invalid (error, _("The column “%s” is another organ’s; a column sits under one "
                                 "of its own organ’s"), at);
      g_free (at);
      at = g_strdup (member (parent, "parent"));
    }
  if (!subtree_height (db, id, &below, error))
    return FALSE;
  if (above + 1 + below > CIVIC_DISCLOSURE_COLUMN_MAX_LEVELS)
    return invalid (error, _("The catalogue may be at most %d levels deep"),
                    CIVIC_DISCLOSURE_COLUMN_MAX_LEVELS);
  return TRUE;
}

/* One level up: another organ's column here, or a page elsewhere */
static gboolean
check_counterpart (CivicDb      *db,
                   JsonObject   *column,
                   const char   *managed_by,
                   GError      **error)
{
  const char *counterpart = member (column, "counterpart");
  const char *url = member (column, "counterpart_url");
  const char *url_name = member (column, "counterpart_name");

  if (counterpart != NULL && url != NULL)
    return invalid (error, _("A column has one counterpart: a column here or an address "
                             "elsewhere, not both"));
  if (counterpart != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) other = civic_disclosure_columns_load (db, counterpart, NULL,
                                                                   &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (other == NULL)
        return invalid (error, _("There is no column “%s”"), counterpart);
      if (g_strcmp0 (member (other, "department"), member (column, "department")) == 0)
        return invalid (error, _("A counterpart is a column of the organ one level up, not of "
                                 "the same organ"));
      /* An organ a department manages (部门管理机构) has it one level up;
       * of the others the service knows no level */
      if (managed_by != NULL && g_strcmp0 (member (other, "department"), managed_by) != 0)
        return invalid (error, _("A counterpart is a column of %s, the organ one level up"),
                        managed_by);
    }
  if (url != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
      const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

      if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
          (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0) ||
          strlen (url) > 500)
        return invalid (error, _("“%s” is not a web address (https://…)"), url);
      if (url_name == NULL || *url_name == '\0' ||
          g_utf8_strlen (url_name, -1) > CIVIC_DISCLOSURE_COLUMN_MAX_NAME)
        return invalid (error, _("Name the column the address leads to"));
    }
  else if (url_name != NULL)
    return invalid (error, _("A counterpart’s name goes with its address"));
  return TRUE;
}

/* A new column comes after the organ's others */
static gboolean
place_last (CivicDb      *db,
            JsonObject   *column,
            GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, "SELECT coalesce (max (CAST (json_extract (data, "
                                            "'$.position') AS BIGINT)), -1) "
                                            "FROM entity WHERE type = '"
                                            CIVIC_ENTITY_DISCLOSURE_COLUMN "' "
                                            "AND json_extract (data, '$.department') = ?",
                                        error);
  gboolean row;
  gint64 last = -1;

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, member (column, "department"));
  if (!civic_db_step (db, stmt, &row, error))
    {
      civic_db_reset (stmt);
      return FALSE;
    }
  if (row)
    last = civic_db_column_int64 (stmt, 0);
  civic_db_reset (stmt);
  json_object_set_int_member (column, "position", last + 1);
  return TRUE;
}

/**
 * civic_disclosure_columns_put:
 * @column: `id`, `department`, `name`; `parent`, `counterpart`, or
 *   `counterpart_url` with `counterpart_name`, each nullable; `position`
 *   among the organ's columns, after the others when it has none
 * @rev: the revision it replaces, 0 for a new one
 *
 * Checks a column and writes it for the feed and for the public, inside
 * the caller's transaction. The organ of a column never changes.
 */
gboolean
civic_disclosure_columns_put (CivicDb      *db,
                              JsonObject   *column,
                              gint64        rev,
                              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CivicEntityRow) department = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *id = member (column, "id");
  const char *name = member (column, "name");
  gboolean taken = FALSE;

  if (!id_is_valid (id))
    return invalid (error, _("“%s” cannot name a column: use lower-case letters, digits and "
                             "hyphens, at most 64"), id ? id : "");
  if (name == NULL || *name == '\0' || g_utf8_strlen (name, -1) > CIVIC_DISCLOSURE_COLUMN_MAX_NAME)
    return invalid (error, _("A column’s name has 1 to %d characters"),
                    CIVIC_DISCLOSURE_COLUMN_MAX_NAME);
  department = civic_server_db_get_entity (db, CIVIC_ENTITY_DEPARTMENT,
                                           member (column, "department"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (department == NULL)
    return invalid (error, _("There is no department “%s”"),
                    member (column, "department") ? member (column, "department") : "");
  before = civic_disclosure_columns_load (db, id, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (before != NULL && g_strcmp0 (member (before, "department"), member (column, "department")) != 0)
    return invalid (error, _("The column “%s” is another organ’s"), id);
  if (!name_is_taken (db, column, &taken, error))
    return FALSE;
  if (taken)
    return invalid (error, _("The organ already has a column named “%s”"), name);
  {
    g_autoptr(JsonNode) organ = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT,
                                                                 member (column, "department"),
                                                                 NULL);
    const char *managed_by = organ != NULL && JSON_NODE_HOLDS_OBJECT (organ)
                             ? member (json_node_get_object (organ), "managed_by") : NULL;

    if (!check_parent (db, column, error) ||
        !check_counterpart (db, column, managed_by, error))
      return FALSE;
  }
  if (!json_object_has_member (column, "position") &&
      !place_last (db, column, error))
    return FALSE;
  if (json_object_get_int_member_with_default (column, "position", -1) < 0 ||
      json_object_get_int_member_with_default (column, "position", -1) > 100000)
    return invalid (error, _("A column’s position is from 0 to 100000"));

  node = json_node_init_object (json_node_alloc (), column);
  return civic_server_db_put_entity (db, CIVIC_ENTITY_DISCLOSURE_COLUMN, id, rev + 1, node, NULL,
                                     error) != 0 &&
         civic_disclosure_public_write_column (db, column, error);
}

/**
 * civic_disclosure_columns_check:
 *
 * Refuses a disclosure in a column that is not its organ's: each is
 * named by the id of one of the organ's columns.
 */
gboolean
civic_disclosure_columns_check (CivicDb          *db,
                                CivicDisclosure  *disclosure,
                                GError          **error)
{
  const char * const *columns = civic_disclosure_get_columns (disclosure);
  const char *department = civic_disclosure_get_department_id (disclosure);

  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) column = civic_disclosure_columns_load (db, columns[i], NULL,
                                                                    &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (column == NULL || g_strcmp0 (member (column, "department"), department) != 0)
        {
          g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("“%s” is not one of the organ’s columns"), columns[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* Upgrading: a service from before columns were an organ's catalogue
 * kept each disclosure's columns as names typed by its editors. Each
 * (organ, name) becomes a column of the organ — the one of that name, or
 * a new one, "{organ}-{n}" — and the disclosures, and what the public
 * side lists by column, name it by id. Once, in one transaction; the
 * versions kept sealed stay as they were written. */

#define ADOPTED_META "columns_by_id"

static char *
id_stem (const char *department)
{
  GString *stem = g_string_new (NULL);

  for (const char *p = department; *p != '\0' && stem->len < 40; p++)
    {
      char c = g_ascii_tolower (*p);

      g_string_append_c (stem, g_ascii_isalnum (c) ? c : '-');
    }
  while (stem->len > 0 && !g_ascii_isalnum (stem->str[0]))
    g_string_erase (stem, 0, 1);
  if (stem->len == 0)
    g_string_append (stem, "organ");
  return g_string_free (stem, FALSE);
}

/* The organ's column for a name its editors typed: found or made */
static char *
adopt_name (CivicDb      *db,
            GHashTable   *adopted,
            const char   *department,
            const char   *name,
            GError      **error)
{
  g_autofree char *key = g_strconcat (department, "\t", name, NULL);
  g_autofree char *stem = NULL;
  g_autofree char *short_name = NULL;
  g_autoptr(JsonObject) column = NULL;
  CivicDbStmt *stmt;
  gboolean row;
  const char *known = g_hash_table_lookup (adopted, key);

  if (known != NULL)
    return g_strdup (known);

  short_name = g_utf8_substring (name, 0, MIN (g_utf8_strlen (name, -1),
                                               CIVIC_DISCLOSURE_COLUMN_MAX_NAME));
  stmt = civic_db_prepare (db, "SELECT id FROM entity WHERE type = '"
                               CIVIC_ENTITY_DISCLOSURE_COLUMN "' "
                               "AND json_extract (data, '$.department') = ?1 "
                               "AND json_extract (data, '$.name') = ?2", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, department);
  civic_db_bind_text (stmt, 2, short_name);
  if (!civic_db_step (db, stmt, &row, error))
    {
      civic_db_reset (stmt);
      return NULL;
    }
  if (row)
    {
      char *id = g_strdup (civic_db_column_text (stmt, 0));

      civic_db_reset (stmt);
      g_hash_table_insert (adopted, g_steal_pointer (&key), g_strdup (id));
      return id;
    }
  civic_db_reset (stmt);

  stem = id_stem (department);
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", stem, n);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) taken = civic_disclosure_columns_load (db, id, NULL, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (taken != NULL)
        continue;
      column = json_object_new ();
      json_object_set_string_member (column, "id", id);
      json_object_set_string_member (column, "department", department);
      json_object_set_string_member (column, "name", short_name);
      json_object_set_null_member (column, "parent");
      json_object_set_null_member (column, "counterpart");
      json_object_set_null_member (column, "counterpart_url");
      json_object_set_null_member (column, "counterpart_name");
      if (!civic_disclosure_columns_put (db, column, 0, error))
        return NULL;
      g_hash_table_insert (adopted, g_steal_pointer (&key), g_strdup (id));
      return g_steal_pointer (&id);
    }
}

static gboolean
rename_public (CivicDb      *db,
               const char   *disclosure_id,
               const char   *name,
               const char   *id,
               GError      **error)
{
  /* Unless the disclosure is in the column by its id already */
  CivicDbStmt *stmt = civic_db_prepare (db, "UPDATE public_disclosure_column "
                                            "SET column_id = ?3 "
                                            "WHERE disclosure_id = ?1 AND column_id = ?2 "
                                            "  AND NOT EXISTS (SELECT 1 "
                                            "    FROM public_disclosure_column o "
                                            "    WHERE o.disclosure_id = ?1 "
                                            "      AND o.column_id = ?3)",
                                        error);

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, disclosure_id);
  civic_db_bind_text (stmt, 2, name);
  civic_db_bind_text (stmt, 3, id);
  if (!civic_db_run (db, stmt, error))
    return FALSE;
  stmt = civic_db_prepare (db, "DELETE FROM public_disclosure_column "
                               "WHERE disclosure_id = ?1 AND column_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, disclosure_id);
  civic_db_bind_text (stmt, 2, name);
  return civic_db_run (db, stmt, error);
}

typedef struct
{
  char   *id;
  gint64  rev;
  char   *data;
} Kept;

static void
kept_free (Kept *kept)
{
  g_free (kept->id);
  g_free (kept->data);
  g_free (kept);
}

static gboolean
adopt_all (CivicDb      *db,
           GError      **error)
{
  g_autoptr(GPtrArray) disclosures = g_ptr_array_new_with_free_func ((GDestroyNotify) kept_free);
  g_autoptr(GHashTable) adopted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CivicDbStmt *stmt = civic_db_prepare (db, "SELECT id, rev, data FROM entity WHERE type = '"
                                            CIVIC_ENTITY_DISCLOSURE "' AND deleted = 0 "
                                            "ORDER BY seq", error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      Kept *kept;

      if (!civic_db_step (db, stmt, &row, error))
        {
          civic_db_reset (stmt);
          return FALSE;
        }
      if (!row)
        break;
      kept = g_new0 (Kept, 1);
      kept->id = g_strdup (civic_db_column_text (stmt, 0));
      kept->rev = civic_db_column_int64 (stmt, 1);
      kept->data = g_strdup (civic_db_column_text (stmt, 2));
      g_ptr_array_add (disclosures, kept);
    }
  civic_db_reset (stmt);

  for (guint i = 0; i < disclosures->len; i++)
    {
      Kept *kept = g_ptr_array_index (disclosures, i);
      g_autoptr(JsonNode) node = civic_json_parse (kept->data, -1, NULL);
      JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *columns = object ? json_object_get_member (object, "columns") : NULL;
      const char *department = object ? member (object, "department_id") : NULL;
      g_autoptr(JsonArray) by_id = json_array_new ();
      gboolean changed = FALSE;

      if (department == NULL || columns == NULL || !JSON_NODE_HOLDS_ARRAY (columns))
        continue;
      for (guint c = 0; c < json_array_get_length (json_node_get_array (columns)); c++)
        {
          const char *name = json_array_get_string_element (json_node_get_array (columns), c);
          g_autoptr(GError) local_error = NULL;
          g_autoptr(JsonObject) column = civic_disclosure_columns_load (db, name, NULL,
                                                                        &local_error);
          g_autofree char *id = NULL;

          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (name == NULL || *name == '\0')
            continue;
          if (column != NULL && g_strcmp0 (member (column, "department"), department) == 0)
            {
              json_array_add_string_element (by_id, name);
              continue;
            }
          id = adopt_name (db, adopted, department, name, error);
          if (id == NULL || !rename_public (db, kept->id, name, id, error))
            return FALSE;
          json_array_add_string_element (by_id, id);
          changed = TRUE;
        }
      if (changed)
        {
          const char *scope[] = { department, NULL };
          g_autofree char *text = NULL;

          json_object_set_array_member (object, "columns", g_steal_pointer (&by_id));
          text = civic_json_to_string (node, FALSE);
          if (civic_server_db_put_entity_text (db, CIVIC_ENTITY_DISCLOSURE, kept->id, kept->rev,
                                               text, scope, error) == 0)
            return FALSE;
        }
    }
  return civic_server_db_set_meta (db, ADOPTED_META, "1", error);
}

/**
 * civic_disclosure_columns_adopt_names:
 *
 * Gives the columns that disclosures of an older service name by name a
 * place in their organs' catalogues, once; afterwards it only reads a
 * mark.
 */
gboolean
civic_disclosure_columns_adopt_names (CivicDb      *db,
                                      GError      **error)
{
  g_autofree char *done = civic_server_db_get_meta (db, ADOPTED_META);

  if (done != NULL)
    return TRUE;
  if (!civic_db_begin (db, error))
    return FALSE;
  /* Another connection may have done it meanwhile */
  g_free (done);
  done = civic_server_db_get_meta (db, ADOPTED_META);
  if ((done == NULL && !adopt_all (db, error)) || !civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
