/* civic-case-index.c — the inbox: cases indexed for queues, filters, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-cache"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-cache-private.h"
#include "civic-case-index.h"
#include "civic-entity.h"
#include "civic-json-scan.h"
#include "civic-json.h"
#include "civic-sqlite.h"
#include "civic-time.h"

/* Every case the official may see has a row in case_index, written from
 * its members and its summary as the feed brings it (or as the
 * official's own action changes it), and its words in case_fts (three
 * characters and more) and case_chars (one or two) for search. The
 * inbox reads its rows from here and parses nothing; the queues, the
 * filters and the sort orders are SQL over this one table. The cache
 * (civic-cache.c) calls in here inside its write transactions. */

/* The inbox's indexes: made at open if they are missing, and dropped for
 * the first sync into an empty cache, which is faster without them and
 * makes them once at its end (_civic_case_index_make). */
static const struct
{
  const char *name;
  const char *columns;
} indexes[] = {
  { "case_by_due", "due_key, id" },
  { "case_by_assignee", "assignee_id, due_key, id" },
  { "case_by_queue", "queue, assignee_id, due_key, id" },
  { "case_by_state", "state, due_key, id" },
  { "case_by_status", "status, due_key, id" },
  { "case_by_received", "received_on, id" },
  { "case_by_updated", "updated_at, id" },
};

gboolean
_civic_case_index_make (CivicSqlite  *db,
                        GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE INDEX IF NOT EXISTS %s ON case_index (%s)",
                                              indexes[i].name, indexes[i].columns);

      if (!civic_sqlite_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_civic_case_index_drop (CivicSqlite  *db,
                        GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX IF EXISTS %s", indexes[i].name);

      if (!civic_sqlite_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

void
civic_inbox_row_free (CivicInboxRow *row)
{
  if (row == NULL)
    return;

  g_free (row->id);
  g_free (row->number);
  g_free (row->applicant);
  g_free (row->item_code);
  g_free (row->item_name);
  g_free (row->department_name);
  g_free (row->state);
  g_free (row->queue);
  g_free (row->assignee_id);
  g_free (row->assignee_name);
  g_free (row->channel);
  g_free (row->status);
  g_free (row->updated_at);
  g_free (row);
}

/**
 * civic_inbox_row_copy:
 *
 * Returns: (transfer full): a copy of @row.
 */
CivicInboxRow *
civic_inbox_row_copy (const CivicInboxRow *row)
{
  CivicInboxRow *copy = g_new (CivicInboxRow, 1);

  *copy = *row;
  copy->id = g_strdup (row->id);
  copy->number = g_strdup (row->number);
  copy->applicant = g_strdup (row->applicant);
  copy->item_code = g_strdup (row->item_code);
  copy->item_name = g_strdup (row->item_name);
  copy->department_name = g_strdup (row->department_name);
  copy->state = g_strdup (row->state);
  copy->queue = g_strdup (row->queue);
  copy->assignee_id = g_strdup (row->assignee_id);
  copy->assignee_name = g_strdup (row->assignee_name);
  copy->channel = g_strdup (row->channel);
  copy->status = g_strdup (row->status);
  copy->updated_at = g_strdup (row->updated_at);
  return copy;
}

/* The inbox index */

/* The search keeps this much of the officials' words per case */
#define MAX_NOTES 2000

/* The officials' own words in the timeline and what they did, for search;
 * whether this official ever acted on the case; which co-departments still
 * owe their opinion. Scanned, not parsed: this runs for every case of an
 * initial sync. @events and @subtasks are the case's members (a %NULL
 * start when it has none). */
static void
scan_case (CivicJsonSpan  events_span,
           CivicJsonSpan  subtasks_span,
           const char    *me,
           GString       *notes,
           gboolean      *acted,
           GString       *co_pending)
{
  static const char * const event_members[] = { "text", "actor_id", NULL };
  static const char * const subtask_members[] = { "done", "department_id", NULL };
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (CivicJsonSpan));
  g_autoptr(GArray) subtasks = g_array_new (FALSE, FALSE, sizeof (CivicJsonSpan));

  *acted = FALSE;

  if (events_span.start != NULL)
    civic_json_span_elements (events_span, events, NULL);
  for (guint i = 0; i < events->len; i++)
    {
      CivicJsonSpan values[2];

      if (!civic_json_span_members (g_array_index (events, CivicJsonSpan, i), event_members,
                                    values, NULL))
        continue;

      if (values[0].start != NULL && !civic_json_span_is_null (values[0]) &&
          notes->len < MAX_NOTES)
        {
          g_autofree char *text = civic_json_span_dup_string (values[0]);

          if (text != NULL)
            {
              if (notes->len > 0)
                g_string_append_c (notes, '\n');
              g_string_append (notes, text);
            }
        }

      if (!*acted && me != NULL && values[1].start != NULL)
        {
          g_autofree char *actor = civic_json_span_dup_string (values[1]);

          *acted = g_strcmp0 (actor, me) == 0;
        }
    }

  if (subtasks_span.start != NULL)
    civic_json_span_elements (subtasks_span, subtasks, NULL);
  for (guint i = 0; i < subtasks->len; i++)
    {
      CivicJsonSpan values[2];
      gboolean done = FALSE;

      if (!civic_json_span_members (g_array_index (subtasks, CivicJsonSpan, i), subtask_members,
                                    values, NULL))
        continue;

      if (values[0].start != NULL)
        civic_json_span_get_bool (values[0], &done);
      if (!done && values[1].start != NULL)
        {
          g_autofree char *department = civic_json_span_dup_string (values[1]);

          if (co_pending->len == 0)
            g_string_append_c (co_pending, ',');
          g_string_append_printf (co_pending, "%s,", department ? department : "");
        }
    }
}

/* The case's members the index reads, in one pass over it */
enum
{
  CASE_NUMBER, CASE_APPLICANT, CASE_ITEM, CASE_DEPARTMENT, CASE_STATE, CASE_QUEUE,
  CASE_ASSIGNEE_ID, CASE_ASSIGNEE_NAME, CASE_CHANNEL, CASE_SUMMARY, CASE_EVENTS, CASE_SUBTASKS,
  N_CASE_MEMBERS
};

static const char * const case_members[] = {
  "number", "applicant", "item", "department", "state", "queue", "assignee_id",
  "assignee_name", "channel", "summary", "events", "subtasks", NULL,
};

/* The text columns of case_index, in the order of the INSERT below */
enum
{
  COLUMN_NUMBER, COLUMN_APPLICANT, COLUMN_ITEM_CODE, COLUMN_ITEM_NAME, COLUMN_DEPARTMENT_ID,
  COLUMN_DEPARTMENT_NAME, COLUMN_STATE, COLUMN_QUEUE, COLUMN_ASSIGNEE_ID, COLUMN_ASSIGNEE_NAME,
  COLUMN_CHANNEL, COLUMN_STATUS, COLUMN_DUE, COLUMN_STATUTORY_DUE, COLUMN_RECEIVED_ON,
  COLUMN_UPDATED_AT, N_TEXT_COLUMNS
};

/* Finds @names in @object, a member of the case, into @columns from
 * @first on; a member that is not an object leaves them empty. */
static void
read_columns (CivicJsonSpan       object,
              const char * const *names,
              CivicJsonSpan      *columns,
              guint               first)
{
  if (object.start == NULL || !civic_json_span_members (object, names, columns + first, NULL))
    for (guint i = 0; names[i] != NULL; i++)
      columns[first + i] = (CivicJsonSpan) { NULL, };
}

/* Indexes a case from its members: the summary (civic_case_summarize())
 * brings what is derived from its clocks and its timeline, the rest is
 * the case's own. Its search text waits in fts_pending for
 * _civic_case_index_flush(). */
static gboolean
index_case_members (CivicSqlite    *db,
                    const char     *id,
                    CivicJsonSpan  *members,
                    const char     *me,
                    gboolean        pending,
                    GError        **error)
{
  static const char * const applicant_members[] = { "name", NULL };
  static const char * const item_members[] = { "code", "name", NULL };
  static const char * const department_members[] = { "id", "name", NULL };
  static const char * const summary_members[] = {
    "status", "due", "statutory_due", "received_on", "updated_at", "joint", NULL,
  };
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) co_pending = g_string_new (NULL);
  CivicJsonSpan columns[N_TEXT_COLUMNS + 1];
  char *text[N_TEXT_COLUMNS] = { NULL, };
  sqlite3_stmt *stmt;
  gboolean acted, joint = FALSE, row = FALSE, ok = FALSE;
  gint64 rowid = 0;

  columns[COLUMN_NUMBER] = members[CASE_NUMBER];
  read_columns (members[CASE_APPLICANT], applicant_members, columns, COLUMN_APPLICANT);
  read_columns (members[CASE_ITEM], item_members, columns, COLUMN_ITEM_CODE);
  read_columns (members[CASE_DEPARTMENT], department_members, columns, COLUMN_DEPARTMENT_ID);
  columns[COLUMN_STATE] = members[CASE_STATE];
  columns[COLUMN_QUEUE] = members[CASE_QUEUE];
  columns[COLUMN_ASSIGNEE_ID] = members[CASE_ASSIGNEE_ID];
  columns[COLUMN_ASSIGNEE_NAME] = members[CASE_ASSIGNEE_NAME];
  columns[COLUMN_CHANNEL] = members[CASE_CHANNEL];
  /* status … updated_at, then joint */
  read_columns (members[CASE_SUMMARY], summary_members, columns, COLUMN_STATUS);

  for (guint i = 0; i < N_TEXT_COLUMNS; i++)
    text[i] = columns[i].start != NULL ? civic_json_span_dup_string (columns[i]) : NULL;
  if (columns[N_TEXT_COLUMNS].start != NULL)
    civic_json_span_get_bool (columns[N_TEXT_COLUMNS], &joint);

  /* state, queue and status are NOT NULL: a case without them is not
   * one the inbox can show. */
  if (text[COLUMN_STATE] == NULL || text[COLUMN_QUEUE] == NULL || text[COLUMN_STATUS] == NULL)
    {
      g_set_error (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_BAD_PAGE,
                   _("Case %s came without its summary"), id);
      goto out;
    }

  scan_case (members[CASE_EVENTS], members[CASE_SUBTASKS], me, notes, &acted, co_pending);

  stmt = civic_sqlite_prepare (db,
                               "INSERT INTO case_index (id, number, applicant, item_code, item_name,"
                               "  department_id, department_name, state, queue, assignee_id,"
                               "  assignee_name, channel, status, due, statutory_due, received_on,"
                               "  updated_at, joint, co_pending, acted, pending, watched) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                               "  ?15, ?16, ?17, ?18, ?19, ?20, ?21,"
                               "  EXISTS (SELECT 1 FROM watch WHERE watch.id = ?1)) "
                               "ON CONFLICT (id) DO UPDATE SET number = excluded.number,"
                               "  applicant = excluded.applicant, item_code = excluded.item_code,"
                               "  item_name = excluded.item_name,"
                               "  department_id = excluded.department_id,"
                               "  department_name = excluded.department_name,"
                               "  state = excluded.state, queue = excluded.queue,"
                               "  assignee_id = excluded.assignee_id,"
                               "  assignee_name = excluded.assignee_name,"
                               "  channel = excluded.channel, status = excluded.status,"
                               "  due = excluded.due, statutory_due = excluded.statutory_due,"
                               "  received_on = excluded.received_on,"
                               "  updated_at = excluded.updated_at, joint = excluded.joint,"
                               "  co_pending = excluded.co_pending, acted = excluded.acted,"
                               "  pending = excluded.pending, watched = excluded.watched "
                               "RETURNING rowid",
                               error);
  if (stmt == NULL)
    goto out;

  civic_sqlite_bind_text (stmt, 1, id);
  for (guint i = 0; i < N_TEXT_COLUMNS; i++)
    civic_sqlite_bind_text (stmt, i + 2, text[i]);
  sqlite3_bind_int (stmt, 18, joint);
  civic_sqlite_bind_text (stmt, 19, co_pending->len > 0 ? co_pending->str : NULL);
  sqlite3_bind_int (stmt, 20, acted);
  sqlite3_bind_int (stmt, 21, pending);

  if (civic_sqlite_step (db, stmt, &row, error) && row)
    rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rowid == 0)
    goto out;

  stmt = civic_sqlite_prepare (db,
                               "INSERT OR REPLACE INTO temp.fts_pending "
                               "  (rowid, number, applicant, item_name, notes) "
                               "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, rowid);
  civic_sqlite_bind_text (stmt, 2, text[COLUMN_NUMBER]);
  civic_sqlite_bind_text (stmt, 3, text[COLUMN_APPLICANT]);
  civic_sqlite_bind_text (stmt, 4, text[COLUMN_ITEM_NAME]);
  civic_sqlite_bind_text (stmt, 5, notes->str);
  ok = civic_sqlite_run (db, stmt, error);

out:
  for (guint i = 0; i < N_TEXT_COLUMNS; i++)
    g_free (text[i]);
  return ok;
}

/* Indexes a case from its JSON text: as the service sent it, or as
 * civic_case_to_masked_json() wrote it with a summary. */
gboolean
_civic_case_index_put (CivicSqlite    *db,
                       const char     *id,
                       CivicJsonSpan   data,
                       const char     *me,
                       gboolean        pending,
                       GError        **error)
{
  CivicJsonSpan members[N_CASE_MEMBERS];

  G_STATIC_ASSERT (G_N_ELEMENTS (case_members) == N_CASE_MEMBERS + 1);

  if (!civic_json_span_members (data, case_members, members, error))
    return FALSE;

  return index_case_members (db, id, members, me, pending, error);
}

/* Brings the search up to date with the cases indexed since the last
 * flush, in two statements: the last thing a transaction does. */
gboolean
_civic_case_index_flush (CivicSqlite  *db,
                         GError      **error)
{
  return civic_sqlite_exec (db,
                            "DELETE FROM case_fts WHERE rowid IN "
                            "  (SELECT rowid FROM temp.fts_pending);"
                            "INSERT INTO case_fts (rowid, number, applicant, item_name, notes) "
                            "  SELECT rowid, number, applicant, item_name, notes "
                            "  FROM temp.fts_pending WHERE number IS NOT NULL;"
                            "DELETE FROM case_chars WHERE rowid IN "
                            "  (SELECT rowid FROM temp.fts_pending);"
                            "INSERT INTO case_chars (rowid, number, applicant, item_name) "
                            "  SELECT rowid, number, applicant, item_name "
                            "  FROM temp.fts_pending WHERE number IS NOT NULL;"
                            "DELETE FROM temp.fts_pending;", error);
}

gboolean
_civic_case_index_forget (CivicSqlite  *db,
                          const char   *id,
                          GError      **error)
{
  sqlite3_stmt *stmt = civic_sqlite_prepare (db,
                                             "INSERT OR REPLACE INTO temp.fts_pending (rowid) "
                                             "  SELECT rowid FROM case_index WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  civic_sqlite_bind_text (stmt, 1, id);
  if (!civic_sqlite_run (db, stmt, error))
    return FALSE;

  stmt = civic_sqlite_prepare (db, "DELETE FROM case_index WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_sqlite_bind_text (stmt, 1, id);
  return civic_sqlite_run (db, stmt, error);
}

gboolean
_civic_case_index_is_empty (CivicSqlite *db)
{
  sqlite3_stmt *stmt = civic_sqlite_prepare (db, "SELECT NOT EXISTS (SELECT 1 FROM case_index)",
                                             NULL);
  gboolean row = FALSE, empty = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (civic_sqlite_step (db, stmt, &row, NULL) && row)
    empty = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return empty;
}

/* Trigrams need three characters: the search of fewer reads the
 * characters' own index (civic-fts-chars.c). Neither reads the officials'
 * notes for fewer than three. */
static const char *
words_table (const CivicInboxFilter *filter)
{
  return g_utf8_strlen (filter->text, -1) >= 3 ? "case_fts" : "case_chars";
}

/* The inbox's SQL is assembled from fixed pieces, by the filter's shape;
 * every value is bound, none is written into the text. With
 * @from_words, the cases the words match are the rows to read (few of
 * them); without, they are a test on each row read in the list's order
 * (many of them: see words_are_rare()). */
static char *
where_clause (CivicCache             *self,
              const CivicInboxFilter *filter,
              gboolean                from_words)
{
  g_autoptr(GString) where = g_string_new ("WHERE 1");

  switch (filter->queue)
    {
    case CIVIC_INBOX_MINE:
      g_string_append (where, " AND assignee_id = :me AND state != 'closed'");
      break;
    case CIVIC_INBOX_DEPARTMENT:
      g_string_append (where, " AND state != 'closed' AND ((assignee_id IS NULL"
                              " AND department_id = :department"
                              " AND queue IN (:queue1, :queue2, :queue3, :queue4))"
                              " OR co_pending LIKE :co_pending)");
      break;
    case CIVIC_INBOX_WATCHING:
      g_string_append (where, " AND watched = 1");
      break;
    case CIVIC_INBOX_DONE:
      g_string_append (where, " AND acted = 1 AND (assignee_id IS NULL OR assignee_id != :me)");
      break;
    case CIVIC_INBOX_ALL:
    default:
      break;
    }

  if (filter->state != NULL)
    g_string_append (where, " AND state = :state");
  if (filter->item_code != NULL)
    g_string_append (where, " AND item_code = :item");
  if (filter->status != NULL)
    g_string_append (where, " AND status = :status");
  if (filter->channel != NULL)
    g_string_append (where, " AND channel = :channel");
  if (filter->joint >= 0)
    g_string_append (where, " AND joint = :joint");

  if (filter->text != NULL && *filter->text != '\0')
    /* "+": a test on each row the rest of the query walks in order, not
     * the rows to walk; a common word matches half the cases. */
    g_string_append_printf (where, " AND %srowid IN (SELECT rowid FROM %s WHERE %s MATCH :text)",
                            from_words ? "" : "+", words_table (filter), words_table (filter));

  return g_string_free (g_steal_pointer (&where), FALSE);
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    civic_sqlite_bind_text (stmt, index, value);
}

static void
bind_filter (CivicCache             *self,
             sqlite3_stmt           *stmt,
             const CivicInboxFilter *filter)
{
  static const struct
  {
    CivicRole   role;
    const char *queue;
  } queues[] = {
    { CIVIC_ROLE_CLERK, "clerk" },
    { CIVIC_ROLE_EXAMINER, "examiner" },
    { CIVIC_ROLE_APPROVER, "approver" },
    { CIVIC_ROLE_HEARING_OFFICER, "hearing" },
  };
  static const char *names[] = { ":queue1", ":queue2", ":queue3", ":queue4" };

  bind_named (stmt, ":me", self->me->id);
  bind_named (stmt, ":department", self->me->department_id);
  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    bind_named (stmt, names[i], civic_actor_has_role (self->me, queues[i].role) ? queues[i].queue
                                                                                : NULL);
  {
    g_autofree char *co = g_strdup_printf ("%%,%s,%%", self->me->department_id
                                                      ? self->me->department_id : "");

    bind_named (stmt, ":co_pending", co);
  }

  bind_named (stmt, ":state", filter->state);
  bind_named (stmt, ":item", filter->item_code);
  bind_named (stmt, ":status", filter->status);
  bind_named (stmt, ":channel", filter->channel);
  if (sqlite3_bind_parameter_index (stmt, ":joint") > 0)
    sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":joint"), filter->joint);

  if (filter->text != NULL)
    {
      g_autoptr(GString) quoted = g_string_new ("\"");

      /* An FTS5 string: the words as typed, nothing read as syntax. */
      for (const char *p = filter->text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (quoted, '"');
          g_string_append_c (quoted, *p);
        }
      g_string_append_c (quoted, '"');

      bind_named (stmt, ":text", quoted->str);
    }
}

/* Whether a page of the cases the words match is read faster from the
 * words' matches, sorted, than by walking the list in its order until
 * the page is full. Reading the matches costs about their number, m;
 * the walk, about (offset + limit) × n / m rows of the n cases, since
 * one row in n / m matches. A rare word ("0312" in thirteen cases) is
 * found in a few rows instead of all of them; a common one ("许可证" in
 * half of them) still fills its first page from the first hundred. The
 * matches are counted only up to where the answer is known. */
static gboolean
words_are_rare (CivicCache             *self,
                const CivicInboxFilter *filter,
                guint                   wanted)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 matches = G_MAXINT64, cases = 0, enough;
  gboolean row;

  if (filter->text == NULL || *filter->text == '\0')
    return FALSE;

  stmt = civic_sqlite_prepare (self->reader, "SELECT max (rowid) FROM case_index", NULL);
  if (stmt == NULL)
    return FALSE;
  if (civic_sqlite_step (self->reader, stmt, &row, NULL) && row)
    cases = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  /* Past √(wanted × n) the walk wins, however many more there are */
  for (enough = 1; enough * enough <= (gint64) wanted * cases; enough *= 2)
    ;
  sql = g_strdup_printf ("SELECT count (*) FROM (SELECT 1 FROM %s WHERE %s MATCH :text "
                         "  LIMIT :enough)", words_table (filter), words_table (filter));
  stmt = civic_sqlite_prepare (self->reader, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  bind_filter (self, stmt, filter);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":enough"), enough);
  if (civic_sqlite_step (self->reader, stmt, &row, NULL) && row)
    matches = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return matches * matches < (gint64) wanted * cases;
}

guint
civic_cache_count_cases (CivicCache              *self,
                         const CivicInboxFilter  *filter,
                         GError                 **error)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean row;
  guint count = 0;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), 0);
  g_return_val_if_fail (filter != NULL, 0);

  /* Only words: the search counts them itself, without a row of the
   * inbox. */
  if (filter->queue == CIVIC_INBOX_ALL && filter->state == NULL && filter->item_code == NULL &&
      filter->status == NULL && filter->channel == NULL && filter->joint < 0 &&
      filter->text != NULL && *filter->text != '\0')
    sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE %s MATCH :text", words_table (filter),
                           words_table (filter));
  else
    {
      where = where_clause (self, filter, FALSE);
      sql = g_strconcat ("SELECT count (*) FROM case_index ", where, NULL);
    }
  stmt = civic_sqlite_prepare (self->reader, sql, error);
  if (stmt == NULL)
    return 0;

  bind_filter (self, stmt, filter);
  if (civic_sqlite_step (self->reader, stmt, &row, error) && row)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static CivicDay
column_day (sqlite3_stmt *stmt,
            int           column)
{
  CivicDay day = CIVIC_DAY_INVALID;

  civic_day_parse (civic_sqlite_column_text (stmt, column), &day);
  return day;
}

/**
 * civic_cache_list_cases:
 *
 * Returns: (transfer full) (element-type CivicInboxRow): a page of the
 * inbox.
 */
GPtrArray *
civic_cache_list_cases (CivicCache              *self,
                        const CivicInboxFilter  *filter,
                        guint                    offset,
                        guint                    limit,
                        GError                 **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_inbox_row_free);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  const char *order;
  sqlite3_stmt *stmt;
  gboolean row, from_words;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  /* "+": the matches are sorted, not found by walking the sort's index. */
  from_words = words_are_rare (self, filter, offset + limit);
  switch (filter->sort)
    {
    case CIVIC_INBOX_SORT_RECEIVED:
      order = from_words ? " ORDER BY +received_on DESC, id DESC"
                         : " ORDER BY received_on DESC, id DESC";
      break;
    case CIVIC_INBOX_SORT_UPDATED:
      order = from_words ? " ORDER BY +updated_at DESC, id DESC"
                         : " ORDER BY updated_at DESC, id DESC";
      break;
    case CIVIC_INBOX_SORT_DUE:
    default:
      order = from_words ? " ORDER BY +due_key, id" : " ORDER BY due_key, id";
      break;
    }

  where = where_clause (self, filter, from_words);
  sql = g_strconcat ("SELECT id, number, applicant, item_code, item_name, department_name, state,"
                     "  queue, assignee_id, assignee_name, channel, status, due, statutory_due,"
                     "  received_on, updated_at, joint, pending, watched "
                     "FROM case_index ", where, order, " LIMIT :limit OFFSET :offset", NULL);
  stmt = civic_sqlite_prepare (self->reader, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_filter (self, stmt, filter);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);

  while (civic_sqlite_step (self->reader, stmt, &row, error) && row)
    {
      CivicInboxRow *r = g_new0 (CivicInboxRow, 1);

      r->id = g_strdup (civic_sqlite_column_text (stmt, 0));
      r->number = g_strdup (civic_sqlite_column_text (stmt, 1));
      r->applicant = g_strdup (civic_sqlite_column_text (stmt, 2));
      r->item_code = g_strdup (civic_sqlite_column_text (stmt, 3));
      r->item_name = g_strdup (civic_sqlite_column_text (stmt, 4));
      r->department_name = g_strdup (civic_sqlite_column_text (stmt, 5));
      r->state = g_strdup (civic_sqlite_column_text (stmt, 6));
      r->queue = g_strdup (civic_sqlite_column_text (stmt, 7));
      r->assignee_id = g_strdup (civic_sqlite_column_text (stmt, 8));
      r->assignee_name = g_strdup (civic_sqlite_column_text (stmt, 9));
      r->channel = g_strdup (civic_sqlite_column_text (stmt, 10));
      r->status = g_strdup (civic_sqlite_column_text (stmt, 11));
      r->due = column_day (stmt, 12);
      r->statutory_due = column_day (stmt, 13);
      r->received_on = column_day (stmt, 14);
      r->updated_at = g_strdup (civic_sqlite_column_text (stmt, 15));
      r->joint = sqlite3_column_int (stmt, 16);
      r->pending = sqlite3_column_int (stmt, 17);
      r->watched = sqlite3_column_int (stmt, 18);
      g_ptr_array_add (rows, r);
    }
  sqlite3_reset (stmt);

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&rows);
}

/**
 * civic_cache_set_watched:
 *
 * Adds a case to the official's "Watching" list, or takes it off. The list
 * is the official's own, on this computer.
 */
/**
 * civic_cache_is_watched:
 *
 * Whether the official watches the case (the Watching queue).
 */
gboolean
civic_cache_is_watched (CivicCache *self,
                        const char *id)
{
  sqlite3_stmt *stmt;
  gboolean row = FALSE;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);

  stmt = civic_sqlite_prepare (self->reader, "SELECT 1 FROM watch WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  civic_sqlite_bind_text (stmt, 1, id);
  civic_sqlite_step (self->reader, stmt, &row, NULL);
  sqlite3_reset (stmt);
  return row;
}

gboolean
civic_cache_set_watched (CivicCache  *self,
                         const char  *id,
                         gboolean     watched,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);

  g_mutex_lock (&self->lock);
  if (!civic_sqlite_begin (self->writer, error))
    goto out;

  stmt = civic_sqlite_prepare (self->writer, watched ? "INSERT OR IGNORE INTO watch (id) VALUES (?)"
                                                     : "DELETE FROM watch WHERE id = ?", error);
  if (stmt == NULL)
    goto rollback;
  civic_sqlite_bind_text (stmt, 1, id);
  if (!civic_sqlite_run (self->writer, stmt, error))
    goto rollback;

  stmt = civic_sqlite_prepare (self->writer, "UPDATE case_index SET watched = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int (stmt, 1, !!watched);
  civic_sqlite_bind_text (stmt, 2, id);
  if (!civic_sqlite_run (self->writer, stmt, error))
    goto rollback;

  ok = civic_sqlite_commit (self->writer, error);
  if (ok)
    goto out;

rollback:
  civic_sqlite_rollback (self->writer);
out:
  g_mutex_unlock (&self->lock);
  return ok;
}
