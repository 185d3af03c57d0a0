/* civic-supervision-queries.c — what a supervisor or a department's head asks of the figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-entity.h"
#include "civic-json.h"
#include "civic-supervision-queries.h"
#include "civic-supervision.h"

/* The overview, the trends, the rates and the lists behind them, read
 * from the tables civic-supervision-records.c keeps: none of them counts
 * records, so each answers in the same time for a county and a province.
 * A province's supervisor reads every department; a department's head
 * (负责人, or the head of its disclosure office) their own, and asking
 * for another's is refused rather than answered with nothing. */

G_DEFINE_QUARK (civic-supervision-error-quark, civic_supervision_error)

#define MAX_WEEKS   260   /* five years: a period's figures are a few weeks' rows */
#define MAX_LIMIT   200
#define MAX_OFFSET  1000000

#define HEADS (CIVIC_ROLE_APPROVER | CIVIC_ROLE_DISCLOSURE_HEAD)

void
civic_supervision_query_clear (CivicSupervisionQuery *query)
{
  g_clear_pointer (&query->department_id, g_free);
  g_clear_pointer (&query->type, g_free);
  g_clear_pointer (&query->subject, g_free);
  g_clear_pointer (&query->by, g_free);
  g_clear_pointer (&query->status, g_free);
  g_clear_pointer (&query->metric, g_free);
}

/**
 * civic_supervision_may_read:
 *
 * Returns: whether @reader may read any figures: a supervisor, or a
 * department's head
 */
gboolean
civic_supervision_may_read (const CivicActor *reader)
{
  return civic_actor_has_role (reader, CIVIC_ROLE_SUPERVISOR) ||
         (civic_actor_has_role (reader, HEADS) && reader->department_id != NULL);
}

static gboolean
is_watched_type (const char *type)
{
  const CivicEntityKind *kind = civic_entity_kind_lookup (type);

  return kind != NULL && kind->supervise != NULL;
}

static gboolean
refuse (GError     **error,
        const char  *message,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError     **error,
        const char  *message,
        ...)
{
  va_list args;

  g_autofree char *text = NULL;

  va_start (args, message);
  text = g_strdup_vprintf (message, args);
  va_end (args);
  g_set_error_literal (error, CIVIC_SUPERVISION_ERROR, CIVIC_SUPERVISION_ERROR_QUERY, text);
  return FALSE;
}

static gboolean
parse_week (GHashTable  *query,
            const char  *name,
            CivicDay     fallback,
            CivicDay    *out,
            GError     **error)
{
  const char *text = g_hash_table_lookup (query, name);
  CivicDay day;

  if (text == NULL)
    {
      *out = civic_day_week_start (fallback);
      return TRUE;
    }
  if (!civic_day_parse (text, &day))
    return refuse (error, _("“%s” is not a day (YYYY-MM-DD)"), name);
  *out = civic_day_week_start (day);
  return TRUE;
}

static gboolean
parse_int (GHashTable  *query,
           const char  *name,
           int          fallback,
           int          min,
           int          max,
           int         *out,
           GError     **error)
{
  const char *text = g_hash_table_lookup (query, name);
  gint64 value;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    return refuse (error, _("“%s” must be a whole number from %d to %d"), name, min, max);
  *out = value;
  return TRUE;
}

static gboolean
one_of (const char         *value,
        const char * const *allowed)
{
  return value == NULL || g_strv_contains (allowed, value);
}

/**
 * civic_supervision_query_parse:
 * @today: the default period ends with this day's week and starts eleven
 *   weeks before it
 *
 * Reads and checks a request's parameters: `department`, `type`,
 * `subject`, `from`, `to`, `by`, `status`, `metric`, `offset`, `limit`;
 * a department's head gets their own department whatever they asked, or
 * %CIVIC_SUPERVISION_ERROR_FORBIDDEN for another's.
 */
gboolean
civic_supervision_query_parse (GHashTable             *query,
                               const CivicActor       *reader,
                               CivicDay                today,
                               CivicSupervisionQuery  *out,
                               GError                **error)
{
  static const char * const bys[] = { "department", "subject", "type", NULL };
  static const char * const statuses[] = { "green", "yellow", "red", "paused", NULL };
  const char *department = g_hash_table_lookup (query, "department");
  const char *type = g_hash_table_lookup (query, "type");
  const char *metric = g_hash_table_lookup (query, "metric");
  const char *subject = g_hash_table_lookup (query, "subject");
  CivicSupervisionMetric metric_value;

  memset (out, 0, sizeof *out);

  if (!civic_supervision_may_read (reader))
    {
      g_set_error_literal (error, CIVIC_SUPERVISION_ERROR, CIVIC_SUPERVISION_ERROR_FORBIDDEN,
                           _("Only supervisors and the heads of departments read these figures"));
      return FALSE;
    }
  if (!civic_actor_has_role (reader, CIVIC_ROLE_SUPERVISOR))
    {
      if (department != NULL && g_strcmp0 (department, reader->department_id) != 0)
        {
          g_set_error_literal (error, CIVIC_SUPERVISION_ERROR, CIVIC_SUPERVISION_ERROR_FORBIDDEN,
                               _("A department’s head reads their own department’s figures only"));
          return FALSE;
        }
      department = reader->department_id;
    }

  if (department != NULL && (*department == '\0' || strlen (department) > 64))
    return refuse (error, _("“department” must name a department"));
  if (type != NULL && !is_watched_type (type))
    return refuse (error, _("“type” must name a kind of record that is supervised"));
  if (subject != NULL && strlen (subject) > 128)
    return refuse (error, _("“subject” is too long"));
  if (metric != NULL && !civic_supervision_metric_from_nick (metric, &metric_value))
    return refuse (error, _("“metric” must be one of opened, done, late, days, overdue, "
                            "deemed, extended"));
  if (!one_of (g_hash_table_lookup (query, "by"), bys))
    return refuse (error, _("“by” must be department, subject or type"));
  if (!one_of (g_hash_table_lookup (query, "status"), statuses))
    return refuse (error, _("“status” must be green, yellow, red or paused"));

  out->department_id = g_strdup (department);
  out->type = g_strdup (type);
  out->subject = g_strdup (subject);
  out->metric = g_strdup (metric);
  out->by = g_strdup (g_hash_table_lookup (query, "by") ? g_hash_table_lookup (query, "by")
                                                        : "department");
  out->status = g_strdup (g_hash_table_lookup (query, "status"));

  if (!parse_week (query, "to", today, &out->to, error) ||
      !parse_week (query, "from", out->to - 7 * 11, &out->from, error) ||
      !parse_int (query, "offset", 0, 0, MAX_OFFSET, &out->offset, error) ||
      !parse_int (query, "limit", 50, 1, MAX_LIMIT, &out->limit, error))
    return FALSE;
  if (out->from > out->to)
    return refuse (error, _("The period’s first day comes after its last"));
  if ((out->to - out->from) / 7 >= MAX_WEEKS)
    return refuse (error, _("A period is at most %d weeks"), MAX_WEEKS);
  return TRUE;
}

/* A WHERE clause built with its parameters, bound in order */
typedef struct
{
  GString   *sql;
  GPtrArray *params;
} Where;

static void
where_init (Where      *where,
            const char *select)
{
  where->sql = g_string_new (select);
  where->params = g_ptr_array_new_with_free_func (g_free);
}

static void
where_clear (Where *where)
{
  g_string_free (where->sql, TRUE);
  g_ptr_array_unref (where->params);
}

static void
where_add (Where      *where,
           const char *condition,
           const char *value)
{
  g_string_append (where->sql, strstr (where->sql->str, " WHERE ") ? " AND " : " WHERE ");
  g_string_append (where->sql, condition);
  g_ptr_array_add (where->params, g_strdup (value));
}

static void
where_add_day (Where      *where,
               const char *condition,
               CivicDay    day)
{
  g_autofree char *text = civic_day_format (day);

  where_add (where, condition, text);
}

static void
where_filters (Where                       *where,
               const CivicSupervisionQuery *query)
{
  if (query->department_id != NULL)
    where_add (where, "department_id = ?", query->department_id);
  if (query->type != NULL)
    where_add (where, "type = ?", query->type);
  if (query->subject != NULL)
    where_add (where, "subject = ?", query->subject);
}

static CivicDbStmt *
where_prepare (CivicDb  *db,
               Where    *where,
               GError  **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, where->sql->str, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < where->params->len; i++)
    civic_db_bind_text (stmt, i + 1, g_ptr_array_index (where->params, i));
  return stmt;
}

/* The names of a kind's records by id: departments, service items */
static GHashTable *
names_of (CivicDb     *db,
          const char  *type,
          GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id, json_extract (data, '$.name') FROM entity "
                               "WHERE type = ? AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, type);
  while (civic_db_step (db, stmt, &row, error) && row)
    g_hash_table_insert (names, g_strdup (civic_db_column_text (stmt, 0)),
                         g_strdup (civic_db_column_text (stmt, 1)));
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&names);
}

static const char * const status_nicks[] = { "green", "yellow", "red", "paused" };

typedef struct
{
  int n[G_N_ELEMENTS (status_nicks)];
} Counts;

static int
status_index (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_nicks); i++)
    if (g_strcmp0 (status, status_nicks[i]) == 0)
      return i;
  return -1;
}

static void
write_counts (JsonBuilder   *builder,
              GHashTable    *by_type,   /* type → Counts, nullable */
              const char    *type_filter)
{
  const CivicEntityKind * const *kinds = civic_entity_kinds ();
  int red = 0, yellow = 0;

  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_array (builder);
  for (guint k = 0; kinds[k] != NULL; k++)
    {
      Counts *counts;

      if (kinds[k]->supervise == NULL ||
          (type_filter != NULL && g_strcmp0 (type_filter, kinds[k]->type) != 0))
        continue;
      counts = by_type ? g_hash_table_lookup (by_type, kinds[k]->type) : NULL;
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "type", kinds[k]->type);
      for (guint s = 0; s < G_N_ELEMENTS (status_nicks); s++)
        civic_json_set_int (builder, status_nicks[s], counts ? counts->n[s] : 0);
      json_builder_end_object (builder);
      if (counts != NULL)
        {
          red += counts->n[status_index ("red")];
          yellow += counts->n[status_index ("yellow")];
        }
    }
  json_builder_end_array (builder);
  civic_json_set_int (builder, "red", red);
  civic_json_set_int (builder, "yellow", yellow);
}

static Counts *
counts_for (GHashTable *table,
            const char *key,
            const char *type)
{
  GHashTable *by_type = g_hash_table_lookup (table, key);
  Counts *counts;

  if (by_type == NULL)
    {
      by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (table, g_strdup (key), by_type);
    }
  counts = g_hash_table_lookup (by_type, type);
  if (counts == NULL)
    {
      counts = g_new0 (Counts, 1);
      g_hash_table_insert (by_type, g_strdup (type), counts);
    }
  return counts;
}

/**
 * civic_supervision_overview:
 *
 * Returns: (transfer full): every department's records of each kind by
 * the colour of their clock now, and the totals (docs/api.md)
 */
char *
civic_supervision_overview (CivicDb                      *db,
                            const CivicSupervisionQuery  *query,
                            CivicDay                      today,
                            GError                      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GHashTable) departments = NULL;
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GList) ids = NULL;
  g_autoptr(JsonNode) root = NULL;
  Where where;
  CivicDbStmt *stmt;
  gboolean row;

  if (!civic_db_begin_read (db, error))
    return NULL;
  departments = names_of (db, CIVIC_ENTITY_DEPARTMENT, error);
  if (departments == NULL)
    goto fail;

  where_init (&where, "SELECT department_id, type, status, n FROM supervision_count");
  where_filters (&where, query);
  stmt = where_prepare (db, &where, error);
  where_clear (&where);
  if (stmt == NULL)
    goto fail;
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      const char *department = civic_db_column_text (stmt, 0);
      const char *type = civic_db_column_text (stmt, 1);
      int s = status_index (civic_db_column_text (stmt, 2));

      if (s < 0)
        continue;
      counts_for (table, department, type)->n[s] += civic_db_column_int (stmt, 3);
      counts_for (table, "", type)->n[s] += civic_db_column_int (stmt, 3);
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    goto fail;
  if (!civic_db_commit (db, error))
    goto fail;

  json_builder_begin_object (builder);
  civic_json_set_day (builder, "today", today);
  json_builder_set_member_name (builder, "departments");
  json_builder_begin_array (builder);
  /* Every department the reader sees, those with nothing running too */
  if (query->department_id != NULL)
    ids = g_list_prepend (NULL, query->department_id);
  else
    ids = g_list_sort (g_hash_table_get_keys (departments), (GCompareFunc) strcmp);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "id", l->data);
      civic_json_set_string (builder, "name", g_hash_table_lookup (departments, l->data));
      write_counts (builder, g_hash_table_lookup (table, l->data), query->type);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  write_counts (builder, g_hash_table_lookup (table, ""), query->type);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return civic_json_to_string (root, FALSE);

fail:
  civic_db_rollback (db);
  return NULL;
}

static void
add_metric (gint64      *figures,
            const char  *metric,
            gint64       n)
{
  CivicSupervisionMetric m;

  if (civic_supervision_metric_from_nick (metric, &m))
    figures[m] += n;
}

static void
write_figures (JsonBuilder  *builder,
               const gint64 *figures)
{
  gint64 done = figures[CIVIC_SUPERVISION_METRIC_DONE];
  gint64 late = figures[CIVIC_SUPERVISION_METRIC_LATE];

  for (guint m = 0; m < CIVIC_N_SUPERVISION_METRICS; m++)
    {
      json_builder_set_member_name (builder, civic_supervision_metric_to_nick (m));
      json_builder_add_int_value (builder, figures[m]);
    }
  /* The two rates a report quotes, null where nothing was done */
  json_builder_set_member_name (builder, "on_time_rate");
  if (done > 0)
    json_builder_add_double_value (builder, (double) (done - late) / done);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "average_days");
  if (done > 0)
    json_builder_add_double_value (builder,
                                   (double) figures[CIVIC_SUPERVISION_METRIC_DAYS] / done);
  else
    json_builder_add_null_value (builder);
}

static void
where_period (Where                       *where,
              const CivicSupervisionQuery *query)
{
  where_add_day (where, "week >= ?", query->from);
  where_add_day (where, "week <= ?", query->to);
  where_filters (where, query);
}

/**
 * civic_supervision_trend:
 *
 * Returns: (transfer full): the figures of each week of the period, every
 * week there, with nothing as zeros (docs/api.md)
 */
char *
civic_supervision_trend (CivicDb                      *db,
                         const CivicSupervisionQuery  *query,
                         GError                      **error)
{
  guint n_weeks = (query->to - query->from) / 7 + 1;
  g_autofree gint64 *figures = g_new0 (gint64, n_weeks * CIVIC_N_SUPERVISION_METRICS);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  Where where;
  CivicDbStmt *stmt;
  gboolean row;

  where_init (&where, "SELECT week, metric, SUM (n) FROM supervision_tally");
  where_period (&where, query);
  g_string_append (where.sql, " GROUP BY week, metric");

  if (!civic_db_begin_read (db, error))
    {
      where_clear (&where);
      return NULL;
    }
  stmt = where_prepare (db, &where, error);
  where_clear (&where);
  if (stmt == NULL)
    goto fail;
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      CivicDay week;

      if (civic_day_parse (civic_db_column_text (stmt, 0), &week) &&
          week >= query->from && week <= query->to)
        add_metric (figures + ((week - query->from) / 7) * CIVIC_N_SUPERVISION_METRICS,
                    civic_db_column_text (stmt, 1), civic_db_column_int64 (stmt, 2));
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    goto fail;
  if (!civic_db_commit (db, error))
    goto fail;

  json_builder_begin_object (builder);
  civic_json_set_day (builder, "from", query->from);
  civic_json_set_day (builder, "to", query->to);
  json_builder_set_member_name (builder, "weeks");
  json_builder_begin_array (builder);
  for (guint w = 0; w < n_weeks; w++)
    {
      json_builder_begin_object (builder);
      civic_json_set_day (builder, "week", query->from + 7 * w);
      write_figures (builder, figures + w * CIVIC_N_SUPERVISION_METRICS);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return civic_json_to_string (root, FALSE);

fail:
  civic_db_rollback (db);
  return NULL;
}

/**
 * civic_supervision_rates:
 *
 * Returns: (transfer full): the period's figures by department, subject
 * or kind, with the on-time rate and the average days (docs/api.md)
 */
char *
civic_supervision_rates (CivicDb                      *db,
                         const CivicSupervisionQuery  *query,
                         GError                      **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = NULL;
  g_autofree char *select = NULL;
  const char *column = g_str_equal (query->by, "subject") ? "subject"
                       : g_str_equal (query->by, "type") ? "type" : "department_id";
  Where where;
  CivicDbStmt *stmt;
  gboolean row;

  select = g_strdup_printf ("SELECT %s, metric, SUM (n) FROM supervision_tally", column);
  where_init (&where, select);
  where_period (&where, query);
  g_string_append_printf (where.sql, " GROUP BY %s, metric", column);

  if (!civic_db_begin_read (db, error))
    {
      where_clear (&where);
      return NULL;
    }
  stmt = where_prepare (db, &where, error);
  where_clear (&where);
  if (stmt == NULL)
    goto fail;
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      const char *key = civic_db_column_text (stmt, 0);
      gint64 *figures = g_hash_table_lookup (rows, key);

      if (figures == NULL)
        {
          figures = g_new0 (gint64, CIVIC_N_SUPERVISION_METRICS);
          g_hash_table_insert (rows, g_strdup (key), figures);
        }
      add_metric (figures, civic_db_column_text (stmt, 1), civic_db_column_int64 (stmt, 2));
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    goto fail;

  /* Departments and service items by name; a message's kind, a rating's
   * target and a kind of record are named by the client */
  if (g_str_equal (column, "department_id"))
    names = names_of (db, CIVIC_ENTITY_DEPARTMENT, error);
  else if (g_str_equal (column, "subject") && g_strcmp0 (query->type, CIVIC_ENTITY_CASE) == 0)
    names = names_of (db, CIVIC_ENTITY_ITEM, error);
  if (error != NULL && *error != NULL)
    goto fail;
  if (!civic_db_commit (db, error))
    goto fail;

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "by", query->by);
  civic_json_set_day (builder, "from", query->from);
  civic_json_set_day (builder, "to", query->to + 6);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  keys = g_list_sort (g_hash_table_get_keys (rows), (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "key", l->data);
      civic_json_set_string (builder, "name", names ? g_hash_table_lookup (names, l->data) : NULL);
      write_figures (builder, g_hash_table_lookup (rows, l->data));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return civic_json_to_string (root, FALSE);

fail:
  civic_db_rollback (db);
  return NULL;
}

/* The column a figure of the period counts a record by, and the condition
 * that makes it count */
static void
where_metric (Where                       *where,
              const CivicSupervisionQuery *query,
              const char                 **order)
{
  static const struct { const char *metric, *column, *also; } columns[] = {
    { "opened", "opened_on", NULL },
    { "done", "done_on", NULL },
    { "days", "done_on", NULL },
    { "late", "done_on", "late = 1" },
    { "overdue", "overdue_on", NULL },
    { "deemed", "deemed_on", NULL },
    { "extended", "opened_on", "extended = 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (query->metric, columns[i].metric))
      {
        g_autofree char *from = g_strdup_printf ("%s >= ?", columns[i].column);
        g_autofree char *to = g_strdup_printf ("%s <= ?", columns[i].column);

        where_add_day (where, from, query->from);
        where_add_day (where, to, query->to + 6);
        if (columns[i].also != NULL)
          g_string_append_printf (where->sql, " AND %s", columns[i].also);
        *order = columns[i].column;
        return;
      }
  g_assert_not_reached ();
}

/**
 * civic_supervision_items:
 *
 * Returns: (transfer full): a page of the records behind a figure: those
 * of a colour now (the most overdue first), or those a figure of the
 * period counted (the latest first); never one kept from @reader
 * (a report from the department and the official it accuses)
 */
char *
civic_supervision_items (CivicDb                      *db,
                         const CivicSupervisionQuery  *query,
                         const CivicActor             *reader,
                         CivicDay                      today,
                         GError                      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *user_key = g_strconcat ("user:", reader->id, NULL);
  g_autofree char *department_key = g_strconcat ("department:",
                                                 reader->department_id ? reader->department_id : "",
                                                 NULL);
  const char *order = "due";
  gint64 total = 0;
  Where where;
  CivicDbStmt *stmt;
  gboolean row;
  g_autofree char *count_sql = NULL;

  where_init (&where, "SELECT type, id, department_id, subject, title, status, due, opened_on, "
                      "  done_on, overdue_on, deemed_on, days, late, extended FROM supervised s");
  where_add (&where, "NOT EXISTS (SELECT 1 FROM entity_exclude x WHERE x.type = s.type "
                     "  AND x.id = s.id AND x.reader IN (?", user_key);
  g_ptr_array_add (where.params, g_strdup (department_key));
  g_string_append (where.sql, ", ?))");
  where_filters (&where, query);
  if (query->metric != NULL)
    where_metric (&where, query, &order);
  else if (query->status != NULL)
    where_add (&where, "status = ?", query->status);
  else
    g_string_append (where.sql, " AND status IN ('red', 'yellow')");

  /* The same rows counted, for the pages */
  count_sql = g_strconcat ("SELECT COUNT (*) FROM supervised s",
                           strstr (where.sql->str, " WHERE "), NULL);
  g_string_append_printf (where.sql, " ORDER BY %s %s, type, id LIMIT %d OFFSET %d", order,
                          query->metric != NULL ? "DESC" : "ASC", query->limit, query->offset);

  if (!civic_db_begin_read (db, error))
    {
      where_clear (&where);
      return NULL;
    }

  stmt = civic_db_prepare (db, count_sql, error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < where.params->len; i++)
    civic_db_bind_text (stmt, i + 1, g_ptr_array_index (where.params, i));
  if (!civic_db_step (db, stmt, &row, error))
    goto fail;
  total = row ? civic_db_column_int64 (stmt, 0) : 0;
  civic_db_reset (stmt);

  stmt = where_prepare (db, &where, error);
  if (stmt == NULL)
    goto fail;

  json_builder_begin_object (builder);
  civic_json_set_day (builder, "today", today);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, total);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "type", civic_db_column_text (stmt, 0));
      civic_json_set_string (builder, "id", civic_db_column_text (stmt, 1));
      civic_json_set_string (builder, "department_id", civic_db_column_text (stmt, 2));
      civic_json_set_string (builder, "subject", civic_db_column_text (stmt, 3));
      civic_json_set_string (builder, "title", civic_db_column_text (stmt, 4));
      civic_json_set_string (builder, "status", civic_db_column_text (stmt, 5));
      civic_json_set_string (builder, "due", civic_db_column_text (stmt, 6));
      civic_json_set_string (builder, "opened_on", civic_db_column_text (stmt, 7));
      civic_json_set_string (builder, "done_on", civic_db_column_text (stmt, 8));
      civic_json_set_string (builder, "overdue_on", civic_db_column_text (stmt, 9));
      civic_json_set_string (builder, "deemed_on", civic_db_column_text (stmt, 10));
      civic_json_set_int (builder, "days", civic_db_column_int (stmt, 11));
      civic_json_set_bool (builder, "late", civic_db_column_int (stmt, 12) != 0);
      civic_json_set_bool (builder, "extended", civic_db_column_int (stmt, 13) != 0);
      json_builder_end_object (builder);
    }
  civic_db_reset (stmt);
  where_clear (&where);
  if (error != NULL && *error != NULL)
    {
      civic_db_rollback (db);
      return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (!civic_db_commit (db, error))
    return NULL;
  root = json_builder_get_root (builder);
  return civic_json_to_string (root, FALSE);

fail:
  where_clear (&where);
  civic_db_rollback (db);
  return NULL;
}
