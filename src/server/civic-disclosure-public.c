/* civic-disclosure-public.c — the disclosures the public reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-public"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-public.h"
#include "civic-query.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-markdown.h"
#include "civic-disclosure-attachments.h"
#include "civic-server-db-private.h"
#include "civic-time.h"

/* The public side reads public_disclosure and nothing else of a
 * disclosure (docs/plans/disclosure.md, decision 12). A row is written
 * when a version is published, withdrawn, expires or changes validity,
 * from the record as it is then: the published text, never a draft; the
 * catalogue's fields, never a review, a comment, an author or a finding.
 * A withdrawn row keeps only what its notice needs. Every write moves
 * `public_seq`, which the feeds give as their ETag. */

#define PUBLIC_SEQ "public_seq"

void
civic_public_entry_free (CivicPublicEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->department_id);
  g_free (entry->department_name);
  g_free (entry->index_number);
  g_free (entry->title);
  g_free (entry->summary);
  g_free (entry->category);
  g_free (entry->published_at);
  g_free (entry->document_number);
  g_free (entry->validity);
  g_free (entry->state);
  g_free (entry);
}

static char *
format_utc (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = NULL;

  if (instant == NULL)
    return NULL;
  utc = g_date_time_to_utc (instant);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

gint64
civic_public_seq (CivicDb *db)
{
  g_autofree char *text = civic_server_db_get_meta (db, PUBLIC_SEQ);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

char *
civic_disclosure_public_department_name (CivicDb     *db,
                                         const char  *department_id)
{
  g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT,
                                                              department_id, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (department_id);
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (node), "name",
                                                               department_id));
}

/**
 * civic_public_seq_bump:
 *
 * Says that something the public reads changed, inside the caller's
 * transaction: every public answer kept is made again.
 */
gboolean
civic_public_seq_bump (CivicDb      *db,
                       GError      **error)
{
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               civic_public_seq (db) + 1);

  return civic_server_db_set_meta (db, PUBLIC_SEQ, seq_text, error);
}

/**
 * civic_disclosure_public_write_column:
 *
 * Makes the public row of a column (civic-disclosure-columns.c, which
 * checked it) say what it says now, in the caller's transaction; every
 * page that names it changes with it.
 */
gboolean
civic_disclosure_public_write_column (CivicDb      *db,
                                      JsonObject   *column,
                                      GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db,
                                        "INSERT INTO public_column (id, department_id, name, "
                                        "  parent_id, counterpart_id, counterpart_url, "
                                        "  counterpart_name, position) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                        "ON CONFLICT (id) DO UPDATE SET "
                                        "  name = excluded.name, "
                                        "  position = excluded.position, "
                                        "  parent_id = excluded.parent_id, "
                                        "  counterpart_id = excluded.counterpart_id, "
                                        "  counterpart_url = excluded.counterpart_url, "
                                        "  counterpart_name = excluded.counterpart_name",
                                        error);

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_json_lookup_string (column, "id", NULL));
  civic_db_bind_text (stmt, 2, civic_json_lookup_string (column, "department", NULL));
  civic_db_bind_text (stmt, 3, civic_json_lookup_string (column, "name", NULL));
  civic_db_bind_text (stmt, 4, civic_json_lookup_string (column, "parent", NULL));
  civic_db_bind_text (stmt, 5, civic_json_lookup_string (column, "counterpart", NULL));
  civic_db_bind_text (stmt, 6, civic_json_lookup_string (column, "counterpart_url", NULL));
  civic_db_bind_text (stmt, 7, civic_json_lookup_string (column, "counterpart_name", NULL));
  civic_db_bind_int64 (stmt, 8, json_object_get_int_member_with_default (column, "position", 0));
  return civic_db_run (db, stmt, error) && civic_public_seq_bump (db, error);
}

void
civic_public_column_free (CivicPublicColumn *column)
{
  if (column == NULL)
    return;
  g_free (column->id);
  g_free (column->department_id);
  g_free (column->name);
  g_free (column->parent_id);
  g_free (column->counterpart_id);
  g_free (column->counterpart_department_id);
  g_free (column->counterpart_url);
  g_free (column->counterpart_name);
  g_free (column);
}

#define COLUMN_SELECT \
  "SELECT c.id, c.department_id, c.name, c.parent_id, c.counterpart_id, " \
  "  up.department_id, c.counterpart_url, coalesce (up.name, c.counterpart_name) " \
  "FROM public_column c LEFT JOIN public_column up ON up.id = c.counterpart_id "

static CivicPublicColumn *
column_from_row (CivicDbStmt *stmt)
{
  CivicPublicColumn *column = g_new0 (CivicPublicColumn, 1);

  column->id = g_strdup (civic_db_column_text (stmt, 0));
  column->department_id = g_strdup (civic_db_column_text (stmt, 1));
  column->name = g_strdup (civic_db_column_text (stmt, 2));
  column->parent_id = g_strdup (civic_db_column_text (stmt, 3));
  column->counterpart_id = g_strdup (civic_db_column_text (stmt, 4));
  column->counterpart_department_id = g_strdup (civic_db_column_text (stmt, 5));
  column->counterpart_url = g_strdup (civic_db_column_text (stmt, 6));
  column->counterpart_name = g_strdup (civic_db_column_text (stmt, 7));
  return column;
}

/**
 * civic_disclosure_public_column:
 *
 * Returns: (transfer full) (nullable): the column, or %NULL without error
 * when there is none
 */
CivicPublicColumn *
civic_disclosure_public_column (CivicDb      *db,
                                const char   *id,
                                GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, COLUMN_SELECT "WHERE c.id = ?", error);
  CivicPublicColumn *column = NULL;
  gboolean row;

  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  if (civic_db_step (db, stmt, &row, error) && row)
    column = column_from_row (stmt);
  civic_db_reset (stmt);
  return column;
}

/**
 * civic_disclosure_public_columns:
 * @parent_id: (nullable): the column they sit under, or %NULL for the
 *   organ's top level
 *
 * Returns: (transfer full) (element-type CivicPublicColumn) (nullable):
 * an organ's columns at one level of its catalogue, in the organ's order
 */
GPtrArray *
civic_disclosure_public_columns (CivicDb      *db,
                                 const char   *department_id,
                                 const char   *parent_id,
                                 GError      **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_public_column_free);
  CivicDbStmt *stmt = civic_db_prepare (db, COLUMN_SELECT
                                            "WHERE c.department_id = ?1 "
                                            "AND c.parent_id IS NOT DISTINCT FROM ?2 "
                                            "ORDER BY c.position, c.name", error);
  gboolean row;

  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, department_id);
  civic_db_bind_text (stmt, 2, parent_id);
  while (TRUE)
    {
      if (!civic_db_step (db, stmt, &row, error))
        {
          civic_db_reset (stmt);
          return NULL;
        }
      if (!row)
        break;
      g_ptr_array_add (columns, column_from_row (stmt));
    }
  civic_db_reset (stmt);
  return g_steal_pointer (&columns);
}

/**
 * civic_disclosure_public_write:
 *
 * Makes the public row say what @disclosure says to the public now, in
 * the caller's transaction. A disclosure never published has none.
 */
gboolean
civic_disclosure_public_write (CivicDb          *db,
                               CivicDisclosure  *disclosure,
                               GDateTime        *now,
                               GError          **error)
{
  CivicDisclosureState state = civic_disclosure_get_state (disclosure);
  gboolean withdrawn = state == CIVIC_DISCLOSURE_STATE_WITHDRAWN;
  const char *public_state = withdrawn ? "withdrawn"
                             : state == CIVIC_DISCLOSURE_STATE_EXPIRED ? "expired" : "published";
  const char *id = civic_disclosure_get_id (disclosure);
  const char *department_id = civic_disclosure_get_department_id (disclosure);
  g_autofree char *published_at = format_utc (civic_disclosure_get_published_at (disclosure));
  g_autofree char *withdrawn_at = format_utc (civic_disclosure_get_withdrawn_at (disclosure));
  g_autofree char *updated_at = format_utc (now);
  g_autofree char *formed_on = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *seq_text = NULL;
  const char *body = withdrawn ? "" : civic_disclosure_get_body (disclosure);
  const char * const *columns = civic_disclosure_get_columns (disclosure);
  gint64 seq = civic_public_seq (db) + 1;
  CivicDbStmt *stmt;

  if (civic_disclosure_get_published_version (disclosure) == 0 || published_at == NULL)
    return TRUE;

  if (civic_disclosure_get_formed_on (disclosure) != CIVIC_DAY_INVALID)
    formed_on = civic_day_format (civic_disclosure_get_formed_on (disclosure));
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) node = NULL;
    const char * const *words = civic_disclosure_get_keywords (disclosure);

    json_builder_begin_array (builder);
    for (guint i = 0; words != NULL && words[i] != NULL; i++)
      json_builder_add_string_value (builder, words[i]);
    json_builder_end_array (builder);
    node = json_builder_get_root (builder);
    keywords = civic_json_to_string (node, FALSE);
  }
  body_text = civic_markdown_to_plain_text (body, -1, NULL);
  if (body_text == NULL)
    body_text = g_strdup (body);

  stmt = civic_db_prepare (db,
                           "INSERT INTO public_disclosure (id, department_id, index_number, "
                           "  title, summary, category, formed_on, published_at, "
                           "  issuing_organ, document_number, normative, validity, "
                           "  repealed_by, keywords, interpretation_of, body_md, body_text, "
                           "  state, withdrawn_at, public_notice, updated_at, seq) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                           "  ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22) "
                           "ON CONFLICT (id) DO UPDATE SET index_number = excluded.index_number, "
                           "  title = excluded.title, summary = excluded.summary, "
                           "  category = excluded.category, formed_on = excluded.formed_on, "
                           "  published_at = excluded.published_at, "
                           "  issuing_organ = excluded.issuing_organ, "
                           "  document_number = excluded.document_number, "
                           "  normative = excluded.normative, validity = excluded.validity, "
                           "  repealed_by = excluded.repealed_by, keywords = excluded.keywords, "
                           "  interpretation_of = excluded.interpretation_of, "
                           "  body_md = excluded.body_md, body_text = excluded.body_text, "
                           "  state = excluded.state, withdrawn_at = excluded.withdrawn_at, "
                           "  public_notice = excluded.public_notice, "
                           "  updated_at = excluded.updated_at, seq = excluded.seq", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_text (stmt, 2, department_id);
  civic_db_bind_text (stmt, 3, civic_disclosure_get_index_number (disclosure));
  civic_db_bind_text (stmt, 4, civic_disclosure_get_title (disclosure));
  civic_db_bind_text (stmt, 5, withdrawn ? NULL : civic_disclosure_get_summary (disclosure));
  civic_db_bind_text (stmt, 6, civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_CATEGORY,
                                                        civic_disclosure_get_category (disclosure)));
  civic_db_bind_text (stmt, 7, formed_on);
  civic_db_bind_text (stmt, 8, published_at);
  civic_db_bind_text (stmt, 9, civic_disclosure_get_issuing_organ (disclosure));
  civic_db_bind_text (stmt, 10, civic_disclosure_get_document_number (disclosure));
  civic_db_bind_int (stmt, 11, civic_disclosure_get_normative (disclosure));
  civic_db_bind_text (stmt, 12, civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_VALIDITY,
                                                         civic_disclosure_get_validity (disclosure)));
  civic_db_bind_text (stmt, 13, civic_disclosure_get_repealed_by (disclosure));
  civic_db_bind_text (stmt, 14, withdrawn ? "[]" : keywords);
  civic_db_bind_text (stmt, 15, civic_disclosure_get_interpretation_of (disclosure));
  civic_db_bind_text (stmt, 16, body);
  civic_db_bind_text (stmt, 17, withdrawn ? "" : body_text);
  civic_db_bind_text (stmt, 18, public_state);
  civic_db_bind_text (stmt, 19, withdrawn_at);
  civic_db_bind_text (stmt, 20, withdrawn ? civic_disclosure_get_public_notice (disclosure)
                                          : NULL);
  civic_db_bind_text (stmt, 21, updated_at);
  civic_db_bind_int64 (stmt, 22, seq);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  /* A withdrawn one keeps its columns, whose feeds tell of it */
  stmt = civic_db_prepare (db, "DELETE FROM public_disclosure_column WHERE disclosure_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  if (!civic_db_run (db, stmt, error))
    return FALSE;
  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    {
      stmt = civic_db_prepare (db, "INSERT INTO public_disclosure_column "
                                   "(disclosure_id, department_id, column_id) "
                                   "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, id);
      civic_db_bind_text (stmt, 2, department_id);
      civic_db_bind_text (stmt, 3, columns[i]);
      if (!civic_db_run (db, stmt, error))
        return FALSE;
    }

  if (!civic_disclosure_attachments_publish (db, disclosure, !withdrawn, error))
    return FALSE;

  seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  return civic_server_db_set_meta (db, PUBLIC_SEQ, seq_text, error);
}

/* Queries */

static gboolean
bad (GError     **error,
     const char  *message,
     const char  *value)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message, value);
  return FALSE;
}

static gboolean
get_number (GHashTable  *query,
            const char  *name,
            guint        fallback,
            guint        max,
            guint       *out,
            GError     **error)
{
  const char *text = civic_query_lookup (query, name);
  guint64 value;

  *out = fallback;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &value, NULL))
    return bad (error, _("“%s” is not a page number in range"), name);
  *out = (guint) value;
  return TRUE;
}

/**
 * civic_public_query_parse:
 * @query: (nullable): the request's query
 *
 * Everything the public may ask of the directory, checked: an unknown
 * category or validity, a day that is no day, a page out of range, or a
 * search over 100 characters is an error; the strings in @out point into
 * @query.
 */
gboolean
civic_public_query_parse (GHashTable        *query,
                          CivicPublicQuery  *out,
                          GError           **error)
{
  const char *from = civic_query_lookup (query, "from");
  const char *to = civic_query_lookup (query, "to");
  const char *state = civic_query_lookup (query, "state");
  int value;

  memset (out, 0, sizeof *out);
  out->organ = civic_query_lookup (query, "organ");
  out->category = civic_query_lookup (query, "category");
  out->column = civic_query_lookup (query, "column");
  out->validity = civic_query_lookup (query, "validity");
  out->q = civic_query_lookup (query, "q");
  out->from = out->to = CIVIC_DAY_INVALID;

  if (out->organ != NULL && strlen (out->organ) > 64)
    return bad (error, _("“%s” is not an organ"), "organ");
  if (out->column != NULL && strlen (out->column) > 200)
    return bad (error, _("“%s” is not a column"), "column");
  if (out->category != NULL &&
      !civic_enum_from_nick (CIVIC_TYPE_DISCLOSURE_CATEGORY, out->category, &value))
    return bad (error, _("“%s” is not a category"), out->category);
  if (out->validity != NULL &&
      !civic_enum_from_nick (CIVIC_TYPE_DISCLOSURE_VALIDITY, out->validity, &value))
    return bad (error, _("“%s” is not a validity"), out->validity);
  if (from != NULL && !civic_day_parse (from, &out->from))
    return bad (error, _("“%s” is not a day such as 2026-03-20"), from);
  if (to != NULL && !civic_day_parse (to, &out->to))
    return bad (error, _("“%s” is not a day such as 2026-03-20"), to);
  if (out->q != NULL && (g_utf8_strlen (out->q, -1) > 100 || !g_utf8_validate (out->q, -1, NULL)))
    return bad (error, _("The search is longer than %s characters"), "100");
  if (state != NULL && !g_str_equal (state, "withdrawn") && !g_str_equal (state, "current"))
    return bad (error, _("“%s” is not a state the directory lists"), state);
  out->withdrawn = state != NULL && g_str_equal (state, "withdrawn");
  return get_number (query, "page", 1, CIVIC_PUBLIC_MAX_PAGE, &out->page, error) &&
         get_number (query, "per_page", 20, CIVIC_PUBLIC_MAX_PER_PAGE, &out->per_page, error);
}

/* The start of a day in Beijing, as the table's UTC text */
static char *
day_start_utc (CivicDay day,
               int      plus_days)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) shifted = NULL;
  int year, month, mday;

  civic_day_to_ymd (day, &year, &month, &mday);
  start = g_date_time_new (civic_time_zone (), year, month, mday, 0, 0, 0);
  shifted = g_date_time_add_days (start, plus_days);
  return format_utc (shifted);
}

/* The WHERE clause and its values, in order */
static char *
where_clause (const CivicPublicQuery  *query,
              CivicDbBackend           backend,
              GPtrArray               *values)
{
  static const char * const like[] = { "d.title", "d.body_text", "d.keywords", NULL };
  CivicTextSearch search = {
    .fts = "d.rowid IN (SELECT rowid FROM public_disclosure_fts "
           "WHERE public_disclosure_fts MATCH ?)",
    .text = CIVIC_PG_DISCLOSURE_TEXT,   /* one table: its columns need no alias */
    .like = like,
  };
  g_autoptr(GString) sql = g_string_new (query->withdrawn ? "d.state = 'withdrawn'"
                                                          : "d.state IN ('published', 'expired')");

  if (query->organ != NULL)
    {
      g_string_append (sql, " AND d.department_id = ?");
      g_ptr_array_add (values, g_strdup (query->organ));
    }
  if (query->category != NULL)
    {
      g_string_append (sql, " AND d.category = ?");
      g_ptr_array_add (values, g_strdup (query->category));
    }
  if (query->validity != NULL)
    {
      g_string_append (sql, " AND d.validity = ?");
      g_ptr_array_add (values, g_strdup (query->validity));
    }
  if (query->column != NULL)
    {
      g_string_append (sql, " AND d.id IN (SELECT disclosure_id FROM public_disclosure_column "
                            "WHERE column_id = ?)");
      g_ptr_array_add (values, g_strdup (query->column));
    }
  if (query->from != CIVIC_DAY_INVALID)
    {
      g_string_append (sql, " AND d.published_at >= ?");
      g_ptr_array_add (values, day_start_utc (query->from, 0));
    }
  if (query->to != CIVIC_DAY_INVALID)
    {
      g_string_append (sql, " AND d.published_at < ?");
      g_ptr_array_add (values, day_start_utc (query->to, 1));
    }
  search.trigram_index = backend == CIVIC_DB_POSTGRESQL;
  civic_query_append_text_search (sql, values, query->q, &search);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
bind_values (CivicDbStmt  *stmt,
             GPtrArray    *values)
{
  for (guint i = 0; i < values->len; i++)
    civic_db_bind_text (stmt, (int) i + 1, g_ptr_array_index (values, i));
}

/**
 * civic_disclosure_public_find:
 * @total: (out): how many match in all
 *
 * Returns: (transfer container) (element-type CivicPublicEntry): one page
 * of the directory, newest first
 */
GPtrArray *
civic_disclosure_public_find (CivicDb                 *db,
                              const CivicPublicQuery  *query,
                              guint                   *total,
                              GError                 **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_public_entry_free);
  g_autofree char *where = where_clause (query, civic_db_get_backend (db), values);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM public_disclosure d WHERE %s",
                                                where);
  g_autofree char *page_sql = NULL;
  g_autoptr(CivicDbStmt) counter = NULL;
  g_autoptr(CivicDbStmt) stmt = NULL;
  gboolean row, ok;

  /* Built from fixed fragments and ? only: not worth a statement cache */
  counter = civic_db_prepare_once (db, count_sql, error);
  if (counter == NULL)
    return NULL;
  bind_values (counter, values);
  if (!civic_db_step (db, counter, &row, error))
    return NULL;
  *total = row ? (guint) civic_db_column_int64 (counter, 0) : 0;

  page_sql = g_strdup_printf ("SELECT d.id, d.department_id, d.index_number, d.title, d.summary, "
                              "  d.category, d.published_at, d.document_number, d.validity, "
                              "  d.state FROM public_disclosure d WHERE %s "
                              "ORDER BY d.published_at DESC, d.id LIMIT %u OFFSET %u",
                              where, query->per_page, (query->page - 1) * query->per_page);
  stmt = civic_db_prepare_once (db, page_sql, error);
  if (stmt == NULL)
    return NULL;
  bind_values (stmt, values);
  while ((ok = civic_db_step (db, stmt, &row, error)) && row)
    {
      CivicPublicEntry *entry = g_new0 (CivicPublicEntry, 1);

#define COLUMN(i) g_strdup ((const char *) civic_db_column_text (stmt, (i)))
      entry->id = COLUMN (0);
      entry->department_id = COLUMN (1);
      entry->index_number = COLUMN (2);
      entry->title = COLUMN (3);
      entry->summary = COLUMN (4);
      entry->category = COLUMN (5);
      entry->published_at = COLUMN (6);
      entry->document_number = COLUMN (7);
      entry->validity = COLUMN (8);
      entry->state = COLUMN (9);
#undef COLUMN
      g_ptr_array_add (entries, entry);
    }
  if (!ok)
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      CivicPublicEntry *entry = g_ptr_array_index (entries, i);

      entry->department_name = civic_disclosure_public_department_name (db, entry->department_id);
    }
  return g_steal_pointer (&entries);
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_printf (out, "\"%s\":", name);
  if (value != NULL)
    civic_json_append_string (out, value);
  else
    g_string_append (out, "null");
}

/**
 * civic_disclosure_public_list_json:
 *
 * {"total", "page", "per_page", "public_seq", "items": [{id, organ,
 * organ_name, index_number, title, summary, category, published_at,
 * document_number, validity, state}]}
 */
char *
civic_disclosure_public_list_json (CivicDb                 *db,
                                   const CivicPublicQuery  *query,
                                   GError                 **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) out = NULL;
  guint total = 0;

  entries = civic_disclosure_public_find (db, query, &total, error);
  if (entries == NULL)
    return NULL;

  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"total\":%u,\"page\":%u,\"per_page\":%u,\"public_seq\":%"
                          G_GINT64_FORMAT ",\"items\":[", total, query->page, query->per_page,
                          civic_public_seq (db));
  for (guint i = 0; i < entries->len; i++)
    {
      CivicPublicEntry *entry = g_ptr_array_index (entries, i);

      g_string_append (out, i > 0 ? ",{" : "{");
      append_member (out, "id", entry->id);
      g_string_append_c (out, ',');
      append_member (out, "organ", entry->department_id);
      g_string_append_c (out, ',');
      append_member (out, "organ_name", entry->department_name);
      g_string_append_c (out, ',');
      append_member (out, "index_number", entry->index_number);
      g_string_append_c (out, ',');
      append_member (out, "title", entry->title);
      g_string_append_c (out, ',');
      append_member (out, "summary", entry->summary);
      g_string_append_c (out, ',');
      append_member (out, "category", entry->category);
      g_string_append_c (out, ',');
      append_member (out, "published_at", entry->published_at);
      g_string_append_c (out, ',');
      append_member (out, "document_number", entry->document_number);
      g_string_append_c (out, ',');
      append_member (out, "validity", entry->validity);
      g_string_append_c (out, ',');
      append_member (out, "state", entry->state);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_disclosure_public_get:
 *
 * Returns: (transfer full) (nullable): the disclosure as the public reads
 * it, or %NULL without error when it was never published. A withdrawn one
 * has only its title, numbers, dates and notice.
 */
JsonNode *
civic_disclosure_public_get (CivicDb      *db,
                             const char   *id,
                             GError      **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) keywords = NULL;
  g_autofree char *organ_name = NULL;
  CivicDbStmt *stmt;
  gboolean row;
  JsonNode *result;

  stmt = civic_db_prepare (db, "SELECT id, department_id, index_number, title, summary, "
                               "  category, formed_on, published_at, issuing_organ, "
                               "  document_number, normative, validity, repealed_by, keywords, "
                               "  interpretation_of, body_md, state, withdrawn_at, "
                               "  public_notice, updated_at "
                               "FROM public_disclosure WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (!row)
    {
      civic_db_reset (stmt);
      return NULL;
    }

#define TEXT(i) ((const char *) civic_db_column_text (stmt, (i)))
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", TEXT (0));
  civic_json_set_string (builder, "organ", TEXT (1));
  organ_name = g_strdup (TEXT (1));
  civic_json_set_string (builder, "index_number", TEXT (2));
  civic_json_set_string (builder, "title", TEXT (3));
  civic_json_set_string (builder, "state", TEXT (16));
  civic_json_set_string (builder, "published_at", TEXT (7));
  civic_json_set_string (builder, "updated_at", TEXT (19));
  if (g_str_equal (TEXT (16), "withdrawn"))
    {
      civic_json_set_string (builder, "withdrawn_at", TEXT (17));
      civic_json_set_string (builder, "public_notice", TEXT (18));
    }
  else
    {
      civic_json_set_string (builder, "summary", TEXT (4));
      civic_json_set_string (builder, "category", TEXT (5));
      civic_json_set_string (builder, "formed_on", TEXT (6));
      civic_json_set_string (builder, "issuing_organ", TEXT (8));
      civic_json_set_string (builder, "document_number", TEXT (9));
      civic_json_set_bool (builder, "normative", civic_db_column_int (stmt, 10));
      civic_json_set_string (builder, "validity", TEXT (11));
      civic_json_set_string (builder, "repealed_by", TEXT (12));
      keywords = civic_json_parse (TEXT (13), -1, NULL);
      json_builder_set_member_name (builder, "keywords");
      if (keywords != NULL)
        json_builder_add_value (builder, json_node_copy (keywords));
      else
        json_builder_add_null_value (builder);
      civic_json_set_string (builder, "interpretation_of", TEXT (14));
      civic_json_set_string (builder, "body", TEXT (15));
    }
#undef TEXT
  civic_db_reset (stmt);

  {
    g_autofree char *name = civic_disclosure_public_department_name (db, organ_name);

    civic_json_set_string (builder, "organ_name", name);
  }

  /* Its columns, and what interprets it */
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  stmt = civic_db_prepare (db, "SELECT c.id, c.name FROM public_disclosure_column dc "
                               "JOIN public_column c ON c.id = dc.column_id "
                               "WHERE dc.disclosure_id = ? ORDER BY c.position, c.name", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  while (TRUE)
    {
      if (!civic_db_step (db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "id", civic_db_column_text (stmt, 0));
      civic_json_set_string (builder, "name", civic_db_column_text (stmt, 1));
      json_builder_end_object (builder);
    }
  civic_db_reset (stmt);
  json_builder_end_array (builder);

  /* Its files, at /public/v1/disclosures/{id}/attachments/{n} (none
   * once withdrawn) */
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  stmt = civic_db_prepare (db, "SELECT a.n, a.name, a.media_type, a.size, a.sha256 "
                               "FROM public_attachment a JOIN public_disclosure d "
                               "  ON d.id = a.disclosure_id AND d.state != 'withdrawn' "
                               "WHERE a.disclosure_id = ? ORDER BY a.n", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  while (TRUE)
    {
      g_autofree char *url = NULL;

      if (!civic_db_step (db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      url = g_strdup_printf ("/public/v1/disclosures/%s/attachments/%d", id,
                             civic_db_column_int (stmt, 0));
      json_builder_begin_object (builder);
      civic_json_set_int (builder, "n", civic_db_column_int (stmt, 0));
      civic_json_set_string (builder, "name", civic_db_column_text (stmt, 1));
      civic_json_set_string (builder, "media_type", civic_db_column_text (stmt, 2));
      civic_json_set_int (builder, "size", civic_db_column_int64 (stmt, 3));
      civic_json_set_string (builder, "sha256", civic_db_column_text (stmt, 4));
      civic_json_set_string (builder, "url", url);
      json_builder_end_object (builder);
    }
  civic_db_reset (stmt);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "interpretations");
  json_builder_begin_array (builder);
  stmt = civic_db_prepare (db, "SELECT id FROM public_disclosure WHERE interpretation_of = ? "
                               "AND state = 'published' ORDER BY published_at", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  while (TRUE)
    {
      if (!civic_db_step (db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      json_builder_add_string_value (builder, civic_db_column_text (stmt, 0));
    }
  civic_db_reset (stmt);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  result = json_builder_get_root (builder);
  return result;
}

/* Atom (RFC 4287), a withdrawal as a deleted entry (RFC 6721) */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static void
append_element (GString    *out,
                const char *indent,
                const char *name,
                const char *text)
{
  if (text == NULL)
    return;
  g_string_append_printf (out, "%s<%s>", indent, name);
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

/**
 * civic_disclosure_public_atom:
 * @column: (nullable): one column of the organ's, or all of it
 * @base_url: where the public pages are, for links
 *
 * Returns: (transfer full) (nullable): the feed of the 50 newest, or
 * %NULL without error for an organ the service does not know
 */
char *
civic_disclosure_public_atom (CivicDb      *db,
                              const char   *organ,
                              const char   *column,
                              const char   *base_url,
                              GError      **error)
{
  g_autoptr(JsonNode) department = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT,
                                                                    organ, NULL);
  g_autoptr(GString) out = NULL;
  g_autofree char *organ_name = NULL;
  g_autoptr(CivicPublicColumn) public_column = NULL;
  g_autofree char *feed_id = NULL;
  g_autofree char *updated = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  if (department == NULL)
    return NULL;
  if (column != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      public_column = civic_disclosure_public_column (db, column, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (public_column == NULL || g_strcmp0 (public_column->department_id, organ) != 0)
        return NULL;
    }
  organ_name = civic_disclosure_public_department_name (db, organ);
  feed_id = column != NULL ? g_strdup_printf ("urn:civicdesk:disclosures:%s:%s", organ, column)
                           : g_strdup_printf ("urn:civicdesk:disclosures:%s", organ);

  stmt = civic_db_prepare (db, "SELECT max(updated_at) FROM public_disclosure d "
                               "WHERE department_id = ?1 AND (?2 IS NULL OR d.id IN "
                               "  (SELECT disclosure_id FROM public_disclosure_column "
                               "   WHERE column_id = ?2))", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, organ);
  civic_db_bind_text (stmt, 2, column);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  updated = g_strdup (row ? civic_db_column_text (stmt, 0) : NULL);
  civic_db_reset (stmt);
  if (updated == NULL)
    updated = g_strdup ("2000-01-01T00:00:00Z");

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                      "xmlns:at=\"http://purl.org/atompub/tombstones/1.0\">\n");
  append_element (out, "  ", "id", feed_id);
  g_string_append (out, "  <title>");
  append_escaped (out, organ_name);
  if (public_column != NULL)
    {
      g_string_append (out, " — ");
      append_escaped (out, public_column->name);
    }
  g_string_append (out, "</title>\n");
  append_element (out, "  ", "updated", updated);
  g_string_append (out, "  <author><name>");
  append_escaped (out, organ_name);
  g_string_append (out, "</name></author>\n");
  g_string_append_printf (out, "  <link rel=\"alternate\" type=\"text/html\" href=\"");
  append_escaped (out, base_url);
  if (public_column != NULL)
    {
      g_string_append (out, "/public/columns/");
      append_escaped (out, organ);
      g_string_append (out, "/");
      append_escaped (out, public_column->id);
    }
  else
    {
      g_string_append (out, "/public/disclosures?organ=");
      append_escaped (out, organ);
    }
  g_string_append (out, "\"/>\n");

  stmt = civic_db_prepare (db, "SELECT id, title, summary, category, published_at, "
                               "  updated_at, state, withdrawn_at, public_notice, index_number "
                               "FROM public_disclosure d "
                               "WHERE department_id = ?1 AND (?2 IS NULL OR d.id IN "
                               "  (SELECT disclosure_id FROM public_disclosure_column "
                               "   WHERE column_id = ?2)) "
                               "ORDER BY updated_at DESC, id LIMIT 50", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, organ);
  civic_db_bind_text (stmt, 2, column);
  while (TRUE)
    {
      const char *id;

      if (!civic_db_step (db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = civic_db_column_text (stmt, 0);
      if (g_strcmp0 (civic_db_column_text (stmt, 6), "withdrawn") == 0)
        {
          g_string_append (out, "  <at:deleted-entry ref=\"urn:civicdesk:disclosure:");
          append_escaped (out, id);
          g_string_append (out, "\" when=\"");
          append_escaped (out, civic_db_column_text (stmt, 7));
          g_string_append (out, "\">\n");
          append_element (out, "    ", "at:comment", civic_db_column_text (stmt, 8));
          g_string_append (out, "  </at:deleted-entry>\n");
          continue;
        }

      g_string_append (out, "  <entry>\n    <id>urn:civicdesk:disclosure:");
      append_escaped (out, id);
      g_string_append (out, "</id>\n");
      append_element (out, "    ", "title", civic_db_column_text (stmt, 1));
      append_element (out, "    ", "published", civic_db_column_text (stmt, 4));
      append_element (out, "    ", "updated", civic_db_column_text (stmt, 5));
      g_string_append (out, "    <link rel=\"alternate\" type=\"text/html\" href=\"");
      append_escaped (out, base_url);
      g_string_append (out, "/public/disclosures/");
      append_escaped (out, id);
      g_string_append (out, "\"/>\n    <category term=\"");
      append_escaped (out, civic_db_column_text (stmt, 3));
      g_string_append (out, "\"/>\n");
      append_element (out, "    ", "summary", civic_db_column_text (stmt, 2) != NULL
                                              ? civic_db_column_text (stmt, 2)
                                              : civic_db_column_text (stmt, 9));
      g_string_append (out, "  </entry>\n");
    }
  civic_db_reset (stmt);
  g_string_append (out, "</feed>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
