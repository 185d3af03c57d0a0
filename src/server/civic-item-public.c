/* civic-item-public.c — the public guide (办事指南) of every item in effect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-item-public"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-attachment-blobs.h"
#include "civic-disclosure-public.h"
#include "civic-item-public.h"
#include "civic-json.h"
#include "civic-query.h"
#include "civic-server-db.h"

/* What a citizen reads before applying: every item's version in effect,
 * with its materials, limits, fees, windows and remedies, searchable by
 * name, code, department and material. The public side reads only the
 * tables this file writes when a version takes effect (and when an item
 * is repealed, with its repeal and basis): a draft, a review comment, an
 * author or a version to come is never in them. The files of the
 * materials are copied in clear to public_attachment_blob then, as a
 * disclosure's are when it is published. */

/* Writing */

/* What the search reads: the name, the code, the department's name and
 * every material's name */
static char *
search_text (CivicItem   *item,
             JsonObject  *guide,
             const char  *department_name)
{
  g_autoptr(GString) text = g_string_new (civic_item_guide_get_name (guide));
  JsonArray *materials = json_object_has_member (guide, "materials")
                         ? json_object_get_array_member (guide, "materials") : NULL;

  g_string_append_printf (text, "\n%s\n%s", civic_item_get_code (item), department_name);
  for (guint i = 0; materials != NULL && i < json_array_get_length (materials); i++)
    g_string_append_printf (text, "\n%s",
                            civic_json_lookup_string (civic_json_array_lookup_object (materials, i),
                                                      "name", ""));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
publish_files (CivicDb      *db,
               CivicItem    *item,
               JsonObject   *guide,
               GError      **error)
{
  JsonArray *materials = json_object_has_member (guide, "materials")
                         ? json_object_get_array_member (guide, "materials") : NULL;
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "DELETE FROM public_item_file WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_item_get_code (item));
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  for (guint i = 0; materials != NULL && i < json_array_get_length (materials); i++)
    for (CivicItemFileRole role = CIVIC_ITEM_FILE_SAMPLE; role <= CIVIC_ITEM_FILE_BLANK_FORM;
         role++)
      {
        JsonObject *file = civic_json_lookup_object (civic_json_array_lookup_object (materials, i),
                                                     civic_item_file_role_member (role));
        g_autoptr(GBytes) content = NULL;
        const char *sha256;

        if (file == NULL)
          continue;
        sha256 = civic_json_lookup_string (file, "sha256", "");
        content = civic_attachment_blobs_get (db, sha256, error);
        if (content == NULL)
          return FALSE;
        stmt = civic_db_prepare (db, "INSERT INTO public_attachment_blob (sha256, content) "
                                     "VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING", error);
        if (stmt == NULL)
          return FALSE;
        civic_db_bind_text (stmt, 1, sha256);
        civic_db_bind_blob (stmt, 2, g_bytes_get_data (content, NULL), g_bytes_get_size (content));
        if (!civic_db_run (db, stmt, error))
          return FALSE;
        stmt = civic_db_prepare (db, "INSERT INTO public_item_file (code, sha256, name, "
                                     "  media_type, size) VALUES (?, ?, ?, ?, ?) "
                                     "ON CONFLICT (code, sha256) DO NOTHING", error);
        if (stmt == NULL)
          return FALSE;
        civic_db_bind_text (stmt, 1, civic_item_get_code (item));
        civic_db_bind_text (stmt, 2, sha256);
        civic_db_bind_text (stmt, 3, civic_json_lookup_string (file, "name", sha256));
        civic_db_bind_text (stmt, 4, civic_json_lookup_string (file, "media_type",
                                                                    "application/octet-stream"));
        civic_db_bind_int64 (stmt, 5, g_bytes_get_size (content));
        if (!civic_db_run (db, stmt, error))
          return FALSE;
      }
  return TRUE;
}

/**
 * civic_item_public_write:
 *
 * Publishes the version of @item in effect, or its repeal, inside the
 * caller's transaction. An item never in effect is not published.
 */
gboolean
civic_item_public_write (CivicDb      *db,
                         CivicItem    *item,
                         GError      **error)
{
  JsonObject *guide = civic_item_get_guide (item);
  g_autoptr(JsonNode) guide_node = NULL;
  g_autofree char *guide_text = NULL;
  g_autofree char *department_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *effective_on = NULL;
  g_autofree char *repealed_on = NULL;
  CivicDbStmt *stmt;

  if (guide == NULL)
    return TRUE;
  guide_node = json_node_init_object (json_node_alloc (), guide);
  guide_text = civic_json_to_string (guide_node, FALSE);
  department_name = civic_disclosure_public_department_name (db,
                                                             civic_item_get_department_id (item));
  text = search_text (item, guide, department_name);
  effective_on = civic_day_format (civic_item_get_effective_on (item));
  if (civic_item_get_state (item) == CIVIC_ITEM_STATE_REPEALED)
    repealed_on = civic_day_format (civic_item_get_repealed_on (item));

  stmt = civic_db_prepare (db, "INSERT INTO public_item (code, version, department_id, name, "
                               "  type_code, effective_on, repealed_on, repeal_basis, guide, "
                               "  search_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                               "ON CONFLICT (code) DO UPDATE SET version = excluded.version, "
                               "  department_id = excluded.department_id, "
                               "  name = excluded.name, type_code = excluded.type_code, "
                               "  effective_on = excluded.effective_on, "
                               "  repealed_on = excluded.repealed_on, "
                               "  repeal_basis = excluded.repeal_basis, "
                               "  guide = excluded.guide, search_text = excluded.search_text",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_item_get_code (item));
  civic_db_bind_int (stmt, 2, civic_item_get_version (item));
  civic_db_bind_text (stmt, 3, civic_item_get_department_id (item));
  civic_db_bind_text (stmt, 4, civic_item_guide_get_name (guide));
  civic_db_bind_text (stmt, 5, civic_item_guide_get_type_code (guide));
  civic_db_bind_text (stmt, 6, effective_on);
  civic_db_bind_text (stmt, 7, repealed_on);
  civic_db_bind_text (stmt, 8, repealed_on != NULL ? civic_item_get_repeal_basis (item) : NULL);
  civic_db_bind_text (stmt, 9, guide_text);
  civic_db_bind_text (stmt, 10, text);
  return civic_db_run (db, stmt, error) &&
         publish_files (db, item, guide, error) &&
         civic_public_seq_bump (db, error);
}

/* Reading */

static gboolean
bad (GError     **error,
     const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

/**
 * civic_item_public_query_parse:
 *
 * Reads `q`, `department`, `type` (01–10, 20), `page` and `per_page`
 * (at most 50) from a query string.
 */
gboolean
civic_item_public_query_parse (GHashTable      *query,
                               CivicItemQuery  *out,
                               GError         **error)
{
  gint64 page, per_page;

  memset (out, 0, sizeof *out);
  out->q = civic_query_lookup (query, "q");
  out->department = civic_query_lookup (query, "department");
  out->type_code = civic_query_lookup (query, "type");
  if (out->q != NULL && (!g_utf8_validate (out->q, -1, NULL) || g_utf8_strlen (out->q, -1) > 100))
    return bad (error, _("The search is at most 100 characters"));
  if (out->department != NULL && strlen (out->department) > 64)
    return bad (error, _("That is not a department"));
  if (out->type_code != NULL && !civic_item_type_is_valid (out->type_code))
    return bad (error, _("The type is a code from 01 to 10, or 20"));
  if (!civic_query_get_int (query, "page", 1, 1, CIVIC_PUBLIC_MAX_PAGE, &page, error) ||
      !civic_query_get_int (query, "per_page", 20, 1, CIVIC_PUBLIC_MAX_PER_PAGE, &per_page, error))
    return FALSE;
  out->page = (guint) page;
  out->per_page = (guint) per_page;
  return TRUE;
}

static char *
where_clause (const CivicItemQuery  *query,
              CivicDbBackend         backend,
              GPtrArray             *values)
{
  static const char * const like[] = { "p.search_text", NULL };
  CivicTextSearch search = {
    .fts = "p.rowid IN (SELECT rowid FROM public_item_fts WHERE public_item_fts MATCH ?)",
    .text = "p.search_text",
    .like = like,
  };
  g_autoptr(GString) sql = g_string_new ("p.repealed_on IS NULL");

  if (query->department != NULL)
    {
      g_string_append (sql, " AND p.department_id = ?");
      g_ptr_array_add (values, g_strdup (query->department));
    }
  if (query->type_code != NULL)
    {
      g_string_append (sql, " AND p.type_code = ?");
      g_ptr_array_add (values, g_strdup (query->type_code));
    }
  search.trigram_index = backend == CIVIC_DB_POSTGRESQL;
  civic_query_append_text_search (sql, values, query->q, &search);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static CivicDbStmt *
prepare_bound (CivicDb      *db,
               const char   *sql,
               GPtrArray    *values,
               GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare_once (db, sql, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < values->len; i++)
    civic_db_bind_text (stmt, (int) i + 1, g_ptr_array_index (values, i));
  return stmt;
}

static void
set_limit (JsonBuilder *builder,
           const char  *member,
           JsonObject  *guide)
{
  JsonObject *limit = civic_json_lookup_object (guide, member);

  json_builder_set_member_name (builder, member);
  if (limit == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_value (builder, json_node_init_object (json_node_alloc (), limit));
}

/**
 * civic_item_public_find:
 *
 * Returns: (transfer full) (nullable): one page of the items in effect
 * that match, by department and code: `{total, page, per_page, items:
 * [{code, name, type_code, type, department, department_name,
 * effective_on, statutory, promised}]}`
 */
JsonNode *
civic_item_public_find (CivicDb               *db,
                        const CivicItemQuery  *query,
                        GError               **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *where = where_clause (query, civic_db_get_backend (db), values);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM public_item p WHERE %s",
                                                where);
  g_autofree char *page_sql = g_strdup_printf ("SELECT p.code, p.name, p.type_code, "
                                               "  p.department_id, p.effective_on, p.guide "
                                               "FROM public_item p WHERE %s "
                                               "ORDER BY p.department_id, p.code "
                                               "LIMIT %u OFFSET %u", where, query->per_page,
                                               (query->page - 1) * query->per_page);
  g_autoptr(CivicDbStmt) counter = NULL;
  g_autoptr(CivicDbStmt) stmt = NULL;
  gint64 total = 0;
  gboolean row, ok;

  counter = prepare_bound (db, count_sql, values, error);
  if (counter == NULL || !civic_db_step (db, counter, &row, error))
    return NULL;
  if (row)
    total = civic_db_column_int64 (counter, 0);

  stmt = prepare_bound (db, page_sql, values, error);
  if (stmt == NULL)
    return NULL;
  json_builder_begin_object (builder);
  civic_json_set_int (builder, "total", total);
  civic_json_set_int (builder, "page", query->page);
  civic_json_set_int (builder, "per_page", query->per_page);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((ok = civic_db_step (db, stmt, &row, error)) && row)
    {
      const char *department = (const char *) civic_db_column_text (stmt, 3);
      g_autoptr(JsonNode) guide = civic_json_parse ((const char *) civic_db_column_text (stmt, 5),
                                                    -1, NULL);
      const char *name;

      if (!g_hash_table_contains (names, department))
        g_hash_table_insert (names, g_strdup (department),
                             civic_disclosure_public_department_name (db, department));
      name = g_hash_table_lookup (names, department);
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "code", (const char *) civic_db_column_text (stmt, 0));
      civic_json_set_string (builder, "name", (const char *) civic_db_column_text (stmt, 1));
      civic_json_set_string (builder, "type_code", (const char *) civic_db_column_text (stmt, 2));
      civic_json_set_string (builder, "type",
                             civic_item_type_get_label ((const char *) civic_db_column_text (stmt,
                                                                                             2)));
      civic_json_set_string (builder, "department", department);
      civic_json_set_string (builder, "department_name", name);
      civic_json_set_string (builder, "effective_on", (const char *) civic_db_column_text (stmt, 4));
      if (guide != NULL && JSON_NODE_HOLDS_OBJECT (guide))
        {
          set_limit (builder, "statutory", json_node_get_object (guide));
          set_limit (builder, "promised", json_node_get_object (guide));
        }
      json_builder_end_object (builder);
    }
  if (!ok)
    return NULL;
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_item_public_get:
 *
 * Returns: (transfer full) (nullable): the guide of an item as the public
 * reads it: `{code, version, effective_on, department, department_name,
 * type, guide, files: [{sha256, name, media_type, size, url}],
 * repealed_on, repeal_basis}`; %NULL without error for an item never in
 * effect
 */
JsonNode *
civic_item_public_get (CivicDb      *db,
                       const char   *code,
                       GError      **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) guide = NULL;
  g_autofree char *department = NULL;
  g_autofree char *department_name = NULL;
  CivicDbStmt *stmt;
  gboolean row, ok;

  stmt = civic_db_prepare (db, "SELECT version, department_id, type_code, effective_on, "
                               "  repealed_on, repeal_basis, guide FROM public_item "
                               "WHERE code = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, code);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (!row)
    {
      civic_db_reset (stmt);
      return NULL;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "code", code);
  civic_json_set_int (builder, "version", civic_db_column_int (stmt, 0));
  department = g_strdup (civic_db_column_text (stmt, 1));
  civic_json_set_string (builder, "department", department);
  civic_json_set_string (builder, "type_code", civic_db_column_text (stmt, 2));
  civic_json_set_string (builder, "type", civic_item_type_get_label (civic_db_column_text (stmt,
                                                                                           2)));
  civic_json_set_string (builder, "effective_on", civic_db_column_text (stmt, 3));
  civic_json_set_string (builder, "repealed_on", civic_db_column_text (stmt, 4));
  civic_json_set_string (builder, "repeal_basis", civic_db_column_text (stmt, 5));
  guide = civic_json_parse (civic_db_column_text (stmt, 6), -1, error);
  civic_db_reset (stmt);
  if (guide == NULL)
    return NULL;
  department_name = civic_disclosure_public_department_name (db, department);
  civic_json_set_string (builder, "department_name", department_name);
  json_builder_set_member_name (builder, "guide");
  json_builder_add_value (builder, g_steal_pointer (&guide));

  stmt = civic_db_prepare (db, "SELECT sha256, name, media_type, size FROM public_item_file "
                               "WHERE code = ? ORDER BY name, sha256", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, code);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  while ((ok = civic_db_step (db, stmt, &row, error)) && row)
    {
      g_autofree char *url = g_strdup_printf ("/public/v1/items/%s/files/%s", code,
                                              civic_db_column_text (stmt, 0));

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "sha256", civic_db_column_text (stmt, 0));
      civic_json_set_string (builder, "name", civic_db_column_text (stmt, 1));
      civic_json_set_string (builder, "media_type", civic_db_column_text (stmt, 2));
      civic_json_set_int (builder, "size", civic_db_column_int64 (stmt, 3));
      civic_json_set_string (builder, "url", url);
      json_builder_end_object (builder);
    }
  civic_db_reset (stmt);
  if (!ok)
    return NULL;
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_item_public_file:
 *
 * Returns: (transfer full) (nullable): a file of an item's guide in
 * effect, %NULL without error for none
 */
GBytes *
civic_item_public_file (CivicDb      *db,
                        const char   *code,
                        const char   *sha256,
                        char        **name,
                        char        **media_type,
                        GError      **error)
{
  CivicDbStmt *stmt;
  GBytes *content = NULL;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT f.name, f.media_type, b.content "
                               "FROM public_item_file f JOIN public_attachment_blob b "
                               "  USING (sha256) WHERE f.code = ? AND f.sha256 = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, code);
  civic_db_bind_text (stmt, 2, sha256);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    {
      *name = g_strdup (civic_db_column_text (stmt, 0));
      *media_type = g_strdup (civic_db_column_text (stmt, 1));
      content = g_bytes_new (civic_db_column_blob (stmt, 2), civic_db_column_bytes (stmt, 2));
    }
  civic_db_reset (stmt);
  return content;
}

/**
 * civic_item_public_departments:
 *
 * Returns: (transfer full) (nullable): the departments with an item in
 * effect, for the guide's filter: `[{id, name, items}]`
 */
JsonNode *
civic_item_public_departments (CivicDb      *db,
                               GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  CivicDbStmt *stmt;
  gboolean row, ok;

  stmt = civic_db_prepare (db, "SELECT department_id, count(*) FROM public_item "
                               "WHERE repealed_on IS NULL GROUP BY department_id "
                               "ORDER BY department_id", error);
  if (stmt == NULL)
    return NULL;
  json_builder_begin_array (builder);
  while ((ok = civic_db_step (db, stmt, &row, error)) && row)
    {
      g_autofree char *name = civic_disclosure_public_department_name (db,
                                                                      civic_db_column_text (stmt,
                                                                                            0));

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "id", civic_db_column_text (stmt, 0));
      civic_json_set_string (builder, "name", name);
      civic_json_set_int (builder, "items", civic_db_column_int64 (stmt, 1));
      json_builder_end_object (builder);
    }
  civic_db_reset (stmt);
  if (!ok)
    return NULL;
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
