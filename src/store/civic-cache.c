/* civic-cache.c — everything an official may see, kept for offline work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-cache"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "civic-i18n.h"
#include <glib/gstdio.h>

#include "civic-cache.h"
#include "civic-entity.h"
#include "civic-json-scan.h"
#include "civic-json.h"
#include "civic-sqlite.h"
#include "civic-time.h"

/* One cache per account and service, a folder of its own under the XDG
 * data folder, with two files:
 *
 *   cache.db   what the service sent (`entity`, exactly as sent), the
 *              optimistic version of cases with commands still to send
 *              (`local_case`), and the inbox index with its full-text
 *              search (`case_index`, `case_fts`). All of it can be thrown
 *              away and fetched again.
 *   outbox.db  the official's own work not yet accepted by the service
 *              (civic-outbox.c): never thrown away.
 *
 * The sync engine writes through one connection, from one worker thread
 * at a time; the user interface reads through another, on the main thread.
 * WAL lets them run side by side.
 *
 * A cache that cannot be read is moved aside at open and a new one made;
 * the sync engine then fetches everything again. */

static const CivicSqliteMigration migrations[] = {
  { /* 1 */
    "CREATE TABLE meta ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ");"

    /* A rowid table: its rows are kilobytes, appended in feed order;
     * the (type, id) index stays small. */
    "CREATE TABLE entity ("
    "  type TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  rev INTEGER NOT NULL,"
    "  seq INTEGER NOT NULL,"
    "  data TEXT NOT NULL,"
    "  UNIQUE (type, id)"
    ");"

    "CREATE TABLE local_case ("
    "  id TEXT PRIMARY KEY,"
    "  data TEXT NOT NULL"
    ") WITHOUT ROWID;"

    "CREATE TABLE watch ("
    "  id TEXT PRIMARY KEY"
    ") WITHOUT ROWID;"

    "CREATE TABLE case_index ("
    "  rowid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  number TEXT,"
    "  applicant TEXT,"
    "  item_code TEXT,"
    "  item_name TEXT,"
    "  department_id TEXT,"
    "  department_name TEXT,"
    "  state TEXT NOT NULL,"
    "  queue TEXT NOT NULL,"
    "  assignee_id TEXT,"
    "  assignee_name TEXT,"
    "  channel TEXT,"
    "  joint INTEGER NOT NULL DEFAULT 0,"
    "  co_pending TEXT,"
    "  status TEXT NOT NULL,"
    "  due TEXT,"
    /* The inbox's order: cases without a running clock go last. */
    "  due_key TEXT GENERATED ALWAYS AS (coalesce (due, '9999-12-31')) VIRTUAL,"
    "  statutory_due TEXT,"
    "  received_on TEXT,"
    "  updated_at TEXT,"
    "  acted INTEGER NOT NULL DEFAULT 0,"
    "  pending INTEGER NOT NULL DEFAULT 0,"
    "  watched INTEGER NOT NULL DEFAULT 0"
    ");"

    /* Trigrams find Chinese substrings: 食品经营 in 食品经营许可. The rowid
     * is the case's in case_index. Written once per transaction, from
     * fts_pending (see flush_search): FTS5 writes its pending terms out at
     * every statement savepoint, and one per case makes a sync crawl. */
    "CREATE VIRTUAL TABLE case_fts USING fts5 ("
    "  number, applicant, item_name, notes, tokenize = 'trigram'"
    ");"
  },
};

/* The inbox's indexes: made at open if they are missing, and dropped for
 * the first sync into an empty cache, which is faster without them and
 * makes them once at its end (make_indexes). */
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

static gboolean
make_indexes (CivicSqlite  *db,
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

static gboolean
drop_indexes (CivicSqlite  *db,
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

#define MAX_NOTES 2000

struct _CivicCache
{
  GObject      parent_instance;

  char        *dir;
  char        *damaged_path;
  CivicActor  *me;

  GMutex       lock;     /* the writer, for the sync engine's threads */
  CivicSqlite *writer;
  CivicSqlite *reader;   /* the main thread's */
};

G_DEFINE_FINAL_TYPE (CivicCache, civic_cache, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-cache-error-quark, civic_cache_error)

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

static void
civic_cache_finalize (GObject *object)
{
  CivicCache *self = (CivicCache *)object;

  g_clear_object (&self->writer);
  g_clear_object (&self->reader);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->me, civic_actor_free);
  g_free (self->dir);
  g_free (self->damaged_path);

  G_OBJECT_CLASS (civic_cache_parent_class)->finalize (object);
}

static void
civic_cache_class_init (CivicCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_cache_finalize;
}

static void
civic_cache_init (CivicCache *self)
{
  g_mutex_init (&self->lock);
}

/**
 * civic_cache_dir_for:
 *
 * Returns: (transfer full): the folder of the cache for an account on a
 * service: under $XDG_DATA_HOME/civicdesk/, named after both, so that two
 * officials sharing a desktop account, or one official on two services,
 * never share a cache.
 */
char *
civic_cache_dir_for (const char *service_url,
                     const char *username)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *both = g_strconcat (service_url, "\n", username, NULL);
  g_autofree char *hash = NULL;

  for (const char *p = service_url; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '.' || *p == '-' ? *p : '_');
  g_string_append_c (name, '_');
  for (const char *p = username; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '.' || *p == '-' ? *p : '_');

  /* Tell apart names that only differ in what was replaced. */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, both, -1);
  g_string_append_printf (name, "_%.8s", hash);

  return g_build_filename (g_get_user_data_dir (), "civicdesk", "accounts", name->str, NULL);
}

/* Reads a little of every table: a file that is not a database, or one
 * cut short, fails here rather than in the middle of a sync. */
static gboolean
probe (CivicSqlite  *db,
       GError      **error)
{
  static const char *queries[] = {
    "SELECT count (*) FROM meta",
    "SELECT max (rowid) FROM entity",
    "SELECT count (*) FROM local_case",
    "SELECT count (*) FROM case_index",
    "PRAGMA page_count",
  };
  g_autofree char *wal = g_strconcat (civic_sqlite_get_path (db), "-wal", NULL);
  gint64 pages = 0, page_size = 0;
  GStatBuf buf;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = civic_sqlite_prepare (db, queries[i], error);
      gboolean row;

      if (stmt == NULL || !civic_sqlite_step (db, stmt, &row, error))
        return FALSE;
      if (i == G_N_ELEMENTS (queries) - 1 && row)
        pages = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  {
    sqlite3_stmt *stmt = civic_sqlite_prepare (db, "PRAGMA page_size", error);
    gboolean row;

    if (stmt == NULL || !civic_sqlite_step (db, stmt, &row, error))
      return FALSE;
    page_size = row ? sqlite3_column_int64 (stmt, 0) : 0;
    sqlite3_reset (stmt);
  }

  /* Without a write-ahead log, every page lives in the file itself. */
  if ((g_stat (wal, &buf) != 0 || buf.st_size == 0) &&
      g_stat (civic_sqlite_get_path (db), &buf) == 0 && buf.st_size < pages * page_size)
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_CORRUPT,
                   _("The file is shorter than its own pages say"));
      return FALSE;
    }

  return TRUE;
}

static CivicSqlite *
open_checked (const char  *path,
              GError     **error)
{
  g_autoptr(CivicSqlite) db = civic_sqlite_open (path, migrations, G_N_ELEMENTS (migrations),
                                                 error);

  if (db == NULL || !probe (db, error))
    return NULL;

  return g_steal_pointer (&db);
}

static gboolean
move_aside (const char  *path,
            char       **moved_to,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strconcat (path, ".damaged-", stamp, NULL);
  static const char *suffixes[] = { "-wal", "-shm" };

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot move the damaged cache %s aside: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  *moved_to = g_steal_pointer (&target);
  return TRUE;
}

/**
 * civic_cache_open:
 * @dir: the account's folder, from civic_cache_dir_for()
 * @me: the signed-in official: the inbox's "mine" and "done" are theirs
 *
 * Opens the cache, or makes it. A damaged cache is moved aside (see
 * civic_cache_get_damaged_path()) and a new one made; only a failure to
 * do even that is an error.
 */
CivicCache *
civic_cache_open (const char        *dir,
                  const CivicActor  *me,
                  GError           **error)
{
  g_autoptr(CivicCache) self = NULL;
  g_autoptr(GError) damage = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (me != NULL, NULL);

  if (!civic_sqlite_make_folder (dir, error))
    return NULL;

  self = g_object_new (CIVIC_TYPE_CACHE, NULL);
  self->dir = g_strdup (dir);
  self->me = civic_actor_copy (me);
  path = g_build_filename (dir, CIVIC_CACHE_FILE, NULL);

  self->writer = open_checked (path, &damage);
  if (self->writer == NULL)
    {
      if (!g_error_matches (damage, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_CORRUPT) &&
          !g_error_matches (damage, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_TOO_NEW))
        {
          g_propagate_error (error, g_steal_pointer (&damage));
          return NULL;
        }

      g_message ("%s: %s; moving it aside and starting again", path, damage->message);
      if (!move_aside (path, &self->damaged_path, error))
        return NULL;

      self->writer = open_checked (path, error);
      if (self->writer == NULL)
        return NULL;
    }

  /* A sync touches the inbox's indexes all over: keep more of them in
   * memory than the default 2 MB while it writes. */
  if (!civic_sqlite_exec (self->writer, "PRAGMA cache_size = -32768", error) ||
      !make_indexes (self->writer, error) ||
      !civic_sqlite_exec (self->writer,
                          "CREATE TEMP TABLE fts_pending ("
                          "  rowid INTEGER PRIMARY KEY,"
                          "  number TEXT, applicant TEXT, item_name TEXT, notes TEXT"
                          ")", error))
    return NULL;

  self->reader = civic_sqlite_open (path, NULL, 0, error);
  if (self->reader == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
civic_cache_get_dir (CivicCache *self)
{
  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);
  return self->dir;
}

/**
 * civic_cache_get_damaged_path:
 *
 * Returns: (nullable): where a damaged cache was moved at open, to tell
 * the official and for the administrator to look at; %NULL if it was
 * fine.
 */
const char *
civic_cache_get_damaged_path (CivicCache *self)
{
  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);
  return self->damaged_path;
}

const CivicActor *
civic_cache_get_me (CivicCache *self)
{
  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);
  return self->me;
}

void
civic_cache_set_me (CivicCache       *self,
                    const CivicActor *me)
{
  g_return_if_fail (CIVIC_IS_CACHE (self));

  g_clear_pointer (&self->me, civic_actor_free);
  self->me = civic_actor_copy (me);
}

/* Stored data: the entities' JSON as the service sent it. */

static void
bind_data (sqlite3_stmt *stmt,
           int           index,
           const char   *text,
           gsize         length)
{
  sqlite3_bind_text (stmt, index, text, length, SQLITE_TRANSIENT);
}

/* Returns: (transfer full) (nullable): the text of a data column. */
static char *
column_data (sqlite3_stmt *stmt,
             int           column,
             gsize        *length)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;
  if (length != NULL)
    *length = sqlite3_column_bytes (stmt, column);
  return g_strdup (text);
}

static JsonNode *
parse_data_column (sqlite3_stmt  *stmt,
                   int            column,
                   GError       **error)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_CORRUPT,
                   _("A record of the offline copy cannot be read"));
      return NULL;
    }
  return civic_json_parse (text, sqlite3_column_bytes (stmt, column), error);
}

/* Meta */

static char *
get_meta (CivicSqlite *db,
          const char  *key)
{
  sqlite3_stmt *stmt = civic_sqlite_prepare (db, "SELECT value FROM meta WHERE key = ?", NULL);
  gboolean row;
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  civic_sqlite_bind_text (stmt, 1, key);
  if (civic_sqlite_step (db, stmt, &row, NULL) && row)
    value = g_strdup (civic_sqlite_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static gboolean
set_meta (CivicSqlite  *db,
          const char   *key,
          const char   *value,
          GError      **error)
{
  sqlite3_stmt *stmt = civic_sqlite_prepare (db, "INSERT INTO meta (key, value) VALUES (?, ?) "
                                                 "ON CONFLICT (key) DO UPDATE "
                                                 "SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  civic_sqlite_bind_text (stmt, 1, key);
  civic_sqlite_bind_text (stmt, 2, value);
  return civic_sqlite_run (db, stmt, error);
}

char *
civic_cache_dup_meta (CivicCache *self,
                      const char *key)
{
  char *value;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);

  g_mutex_lock (&self->lock);
  value = get_meta (self->writer, key);
  g_mutex_unlock (&self->lock);
  return value;
}

gboolean
civic_cache_set_meta (CivicCache  *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);

  g_mutex_lock (&self->lock);
  ok = set_meta (self->writer, key, value, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

gint64
civic_cache_get_cursor (CivicCache *self)
{
  g_autofree char *value = civic_cache_dup_meta (self, "cursor");

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

/* The inbox index */

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

/* The columns of case_index that come from a case's summary, in the order
 * of the INSERT below; "joint" is the last. */
static const char * const summary_columns[] = {
  "number", "applicant", "item_code", "item_name", "department_id", "department_name",
  "state", "queue", "assignee_id", "assignee_name", "channel", "status", "due",
  "statutory_due", "received_on", "updated_at", "joint", NULL,
};

/* Indexes a case: @summary is its "summary" member, as the service or
 * civic_case_summarize() wrote it; @events and @subtasks its members of
 * those names. Its search text waits in fts_pending for flush_search(). */
static gboolean
index_case_members (CivicSqlite    *db,
                    const char     *id,
                    CivicJsonSpan   summary,
                    CivicJsonSpan   events,
                    CivicJsonSpan   subtasks,
                    const char     *me,
                    gboolean        pending,
                    GError        **error)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) co_pending = g_string_new (NULL);
  CivicJsonSpan values[G_N_ELEMENTS (summary_columns) - 1];
  char *text[G_N_ELEMENTS (summary_columns) - 2] = { NULL, };
  sqlite3_stmt *stmt;
  gboolean acted, joint = FALSE, row = FALSE, ok = FALSE;
  gint64 rowid = 0;
  guint n_text = G_N_ELEMENTS (text);

  if (!civic_json_span_members (summary, summary_columns, values, NULL) ||
      values[6].start == NULL || values[7].start == NULL || values[11].start == NULL)
    {
      /* state, queue and status are NOT NULL: a summary without them is
       * not one. */
      g_set_error (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_BAD_PAGE,
                   _("Case %s came without its summary"), id);
      return FALSE;
    }

  scan_case (events, subtasks, me, notes, &acted, co_pending);

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
    return FALSE;

  civic_sqlite_bind_text (stmt, 1, id);
  for (guint i = 0; i < n_text; i++)
    {
      text[i] = values[i].start != NULL ? civic_json_span_dup_string (values[i]) : NULL;
      civic_sqlite_bind_text (stmt, i + 2, text[i]);
    }
  if (values[n_text].start != NULL)
    civic_json_span_get_bool (values[n_text], &joint);
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
  civic_sqlite_bind_text (stmt, 2, text[0]);
  civic_sqlite_bind_text (stmt, 3, text[1]);
  civic_sqlite_bind_text (stmt, 4, text[3]);
  civic_sqlite_bind_text (stmt, 5, notes->str);
  ok = civic_sqlite_run (db, stmt, error);

out:
  for (guint i = 0; i < n_text; i++)
    g_free (text[i]);
  return ok;
}

static const char * const case_members[] = { "summary", "events", "subtasks", NULL };

/* Indexes a case from its JSON text: as the service sent it, or as
 * civic_case_to_masked_json() wrote it with a summary. */
static gboolean
index_case (CivicSqlite    *db,
            const char     *id,
            CivicJsonSpan   data,
            const char     *me,
            gboolean        pending,
            GError        **error)
{
  CivicJsonSpan values[3];

  if (!civic_json_span_members (data, case_members, values, error))
    return FALSE;
  if (values[0].start == NULL)
    {
      g_set_error (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_BAD_PAGE,
                   _("Case %s came without its summary"), id);
      return FALSE;
    }

  return index_case_members (db, id, values[0], values[1], values[2], me, pending, error);
}

/* Brings the search up to date with the cases indexed since the last
 * flush, in two statements: the last thing a transaction does. */
static gboolean
flush_search (CivicSqlite  *db,
              GError      **error)
{
  return civic_sqlite_exec (db,
                            "DELETE FROM case_fts WHERE rowid IN "
                            "  (SELECT rowid FROM temp.fts_pending);"
                            "INSERT INTO case_fts (rowid, number, applicant, item_name, notes) "
                            "  SELECT rowid, number, applicant, item_name, notes "
                            "  FROM temp.fts_pending WHERE number IS NOT NULL;"
                            "DELETE FROM temp.fts_pending;", error);
}

static gboolean
commit_writer (CivicCache  *self,
               GError     **error)
{
  return flush_search (self->writer, error) && civic_sqlite_commit (self->writer, error);
}

static gboolean
forget_case (CivicSqlite  *db,
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

static gboolean
has_local (CivicSqlite *db,
           const char  *id)
{
  sqlite3_stmt *stmt = civic_sqlite_prepare (db, "SELECT 1 FROM local_case WHERE id = ?", NULL);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  civic_sqlite_bind_text (stmt, 1, id);
  civic_sqlite_step (db, stmt, &row, NULL);
  sqlite3_reset (stmt);
  return row;
}

static gboolean
put_entity (CivicSqlite  *db,
            const char   *type,
            const char   *id,
            gint64        rev,
            gint64        seq,
            const char   *data,
            gsize         length,
            GError      **error)
{
  sqlite3_stmt *stmt = civic_sqlite_prepare (db,
                                             "INSERT INTO entity (type, id, rev, seq, data) "
                                             "VALUES (?, ?, ?, ?, ?) "
                                             "ON CONFLICT (type, id) DO UPDATE SET "
                                             "  rev = excluded.rev, seq = excluded.seq, "
                                             "  data = excluded.data "
                                             "WHERE excluded.seq >= entity.seq",
                                             error);

  if (stmt == NULL)
    return FALSE;
  civic_sqlite_bind_text (stmt, 1, type);
  civic_sqlite_bind_text (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, rev);
  sqlite3_bind_int64 (stmt, 4, seq);
  bind_data (stmt, 5, data, length);
  return civic_sqlite_run (db, stmt, error);
}

static gboolean
bad_page (GError    **error,
          const char *what)
{
  g_set_error (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_BAD_PAGE,
               _("The service sent a page the client cannot read: %s"), what);
  return FALSE;
}

static gboolean
is_index_empty (CivicSqlite *db)
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

/* One change of the feed, inside the page's transaction. */
static gboolean
apply_change (CivicCache     *self,
              CivicJsonSpan   change,
              GPtrArray      *pending_ids,
              GError        **error)
{
  static const char * const members[] = { "type", "id", "seq", "rev", "data", "deleted", NULL };
  CivicJsonSpan values[6];
  g_autofree char *type = NULL;
  g_autofree char *id = NULL;
  gint64 seq, rev;
  gboolean deleted = FALSE;
  sqlite3_stmt *stmt;

  if (!civic_json_span_members (change, members, values, NULL) ||
      values[0].start == NULL || !(type = civic_json_span_dup_string (values[0])) ||
      values[1].start == NULL || !(id = civic_json_span_dup_string (values[1])) ||
      values[2].start == NULL || !civic_json_span_get_int (values[2], &seq) ||
      values[3].start == NULL || !civic_json_span_get_int (values[3], &rev) ||
      values[4].start == NULL)
    return bad_page (error, _("a change lacks its type, id, sequence, revision or data"));

  if (values[5].start != NULL)
    civic_json_span_get_bool (values[5], &deleted);

  if (deleted)
    {
      stmt = civic_sqlite_prepare (self->writer, "DELETE FROM entity WHERE type = ? AND id = ?",
                                   error);
      if (stmt == NULL)
        return FALSE;
      civic_sqlite_bind_text (stmt, 1, type);
      civic_sqlite_bind_text (stmt, 2, id);
      if (!civic_sqlite_run (self->writer, stmt, error))
        return FALSE;
      return !g_str_equal (type, CIVIC_ENTITY_CASE) || forget_case (self->writer, id, error);
    }

  if (!put_entity (self->writer, type, id, rev, seq, values[4].start, values[4].length, error))
    return FALSE;

  if (!g_str_equal (type, CIVIC_ENTITY_CASE))
    return TRUE;

  /* A case with commands still to send keeps showing the official's own
   * version: the engine puts the commands back on top of this one. */
  if (has_local (self->writer, id))
    {
      if (pending_ids != NULL)
        g_ptr_array_add (pending_ids, g_strdup (id));
      return TRUE;
    }

  return index_case (self->writer, id, values[4], self->me->id, FALSE, error);
}

/**
 * civic_cache_apply_page:
 * @page: a page of GET /api/v1/changes, as the service sent it
 * @pending_ids: (element-type utf8) (nullable): receives the ids of the
 *   cases that changed on the service while commands for them wait to be
 *   sent; their local version must be made again on top of the new one
 *
 * Stores every change of the page and moves the cursor, in one
 * transaction: a crash leaves either all of the page or none of it.
 */
gboolean
civic_cache_apply_page (CivicCache  *self,
                        GBytes      *page,
                        gint64      *next,
                        gboolean    *more,
                        GPtrArray   *pending_ids,
                        guint       *n_changes,
                        GError     **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (CivicJsonSpan));
  g_autofree char *cursor = NULL;
  g_autofree char *head_text = NULL;
  static const char * const page_members[] = { "changes", "next", "more", "head", NULL };
  CivicJsonSpan root, values[4];
  gint64 head = 0;
  gsize length;
  gboolean ok = FALSE;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);

  root.start = g_bytes_get_data (page, &length);
  root.length = length;

  if (!civic_json_span_members (root, page_members, values, NULL) ||
      values[0].start == NULL || !civic_json_span_elements (values[0], changes, NULL) ||
      values[1].start == NULL || !civic_json_span_get_int (values[1], next) ||
      values[2].start == NULL || !civic_json_span_get_bool (values[2], more))
    return bad_page (error, _("not a page of changes"));

  /* The head says how far there is to go; older services leave it out. */
  if (values[3].start != NULL)
    civic_json_span_get_int (values[3], &head);
  head_text = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (head, *next));

  g_mutex_lock (&self->lock);

  if (!civic_sqlite_begin (self->writer, error))
    goto out;

  /* The first page into an empty cache: the indexes are made once, at
   * the end, instead of kept up to date case by case. */
  cursor = get_meta (self->writer, "cursor");
  if (cursor == NULL && is_index_empty (self->writer) && !drop_indexes (self->writer, error))
    goto rollback;
  g_clear_pointer (&cursor, g_free);

  for (guint i = 0; i < changes->len; i++)
    if (!apply_change (self, g_array_index (changes, CivicJsonSpan, i), pending_ids, error))
      goto rollback;

  if (!*more && !make_indexes (self->writer, error))
    goto rollback;

  cursor = g_strdup_printf ("%" G_GINT64_FORMAT, *next);
  if (!set_meta (self->writer, "cursor", cursor, error) ||
      !set_meta (self->writer, "head", head_text, error) ||
      !commit_writer (self, error))
    goto rollback;

  if (n_changes != NULL)
    *n_changes = changes->len;
  ok = TRUE;
  goto out;

rollback:
  civic_sqlite_rollback (self->writer);
out:
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_cache_store_entity:
 *
 * Stores one entity the service sent in answer to a command. An older
 * version than the one stored is ignored.
 */
gboolean
civic_cache_store_entity (CivicCache  *self,
                          const char  *type,
                          const char  *id,
                          gint64       rev,
                          gint64       seq,
                          const char  *data,
                          GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);

  g_mutex_lock (&self->lock);
  ok = civic_sqlite_begin (self->writer, error) &&
       put_entity (self->writer, type, id, rev, seq, data, strlen (data), error) &&
       (!g_str_equal (type, CIVIC_ENTITY_CASE) || has_local (self->writer, id) ||
        index_case (self->writer, id, (CivicJsonSpan) { data, strlen (data) },
                    self->me->id, FALSE, error)) &&
       commit_writer (self, error);
  if (!ok)
    civic_sqlite_rollback (self->writer);
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_cache_reset:
 *
 * Forgets everything the service sent, for a sync from the start (the
 * service answered 410). The local versions of cases with commands to
 * send stay: those commands are the official's work.
 */
gboolean
civic_cache_reset (CivicCache  *self,
                   GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);

  g_mutex_lock (&self->lock);
  ok = civic_sqlite_begin (self->writer, error) &&
       civic_sqlite_exec (self->writer,
                          "DELETE FROM entity;"
                          "DELETE FROM case_index WHERE id NOT IN (SELECT id FROM local_case);"
                          "DELETE FROM case_fts WHERE rowid NOT IN (SELECT rowid FROM case_index);"
                          "DELETE FROM meta WHERE key = 'cursor';", error) &&
       civic_sqlite_commit (self->writer, error);
  if (!ok)
    civic_sqlite_rollback (self->writer);
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_cache_set_local_case:
 * @kase: (nullable): the case with the official's pending commands
 *   applied, or %NULL when none are left
 *
 * Shows @kase in place of the service's version, marked pending; with
 * %NULL, the service's version again.
 */
gboolean
civic_cache_set_local_case (CivicCache     *self,
                            const char     *id,
                            CivicCase      *kase,
                            CivicCalendar  *calendar,
                            GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  g_mutex_lock (&self->lock);
  if (!civic_sqlite_begin (self->writer, error))
    goto out;

  if (kase != NULL)
    {
      g_autoptr(JsonNode) node = civic_case_to_masked_json (kase);
      g_autofree char *text = NULL;
      CivicJsonSpan data;

      /* With its summary, as the service would send it. */
      json_object_set_member (json_node_get_object (node), "summary",
                              civic_case_summarize (kase, calendar, civic_time_today (), NULL));
      text = civic_json_to_string (node, FALSE);
      data = (CivicJsonSpan) { text, strlen (text) };

      stmt = civic_sqlite_prepare (self->writer, "INSERT INTO local_case (id, data) VALUES (?, ?) "
                                                 "ON CONFLICT (id) DO UPDATE SET data = excluded.data",
                                   error);
      if (stmt == NULL)
        goto rollback;
      civic_sqlite_bind_text (stmt, 1, id);
      bind_data (stmt, 2, text, data.length);
      if (!civic_sqlite_run (self->writer, stmt, error) ||
          !index_case (self->writer, id, data, self->me->id, TRUE, error))
        goto rollback;
    }
  else
    {
      char *server = NULL;
      gboolean row;

      stmt = civic_sqlite_prepare (self->writer, "DELETE FROM local_case WHERE id = ?", error);
      if (stmt == NULL)
        goto rollback;
      civic_sqlite_bind_text (stmt, 1, id);
      if (!civic_sqlite_run (self->writer, stmt, error))
        goto rollback;

      stmt = civic_sqlite_prepare (self->writer, "SELECT data FROM entity WHERE type = '" CIVIC_ENTITY_CASE "' "
                                                 "AND id = ?", error);
      if (stmt == NULL)
        goto rollback;
      civic_sqlite_bind_text (stmt, 1, id);
      if (!civic_sqlite_step (self->writer, stmt, &row, error))
        goto rollback;
      server = row ? column_data (stmt, 0, NULL) : NULL;
      sqlite3_reset (stmt);

      if (server != NULL)
        {
          gboolean indexed = index_case (self->writer, id,
                                              (CivicJsonSpan) { server, strlen (server) },
                                              self->me->id, FALSE, error);

          g_free (server);
          if (!indexed)
            goto rollback;
        }
      else if (!forget_case (self->writer, id, error))
        goto rollback;
    }

  ok = commit_writer (self, error);
  if (ok)
    goto out;

rollback:
  civic_sqlite_rollback (self->writer);
out:
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_cache_dup_local_ids:
 *
 * Returns: (transfer full): the cases shown in their local version.
 */
GStrv
civic_cache_dup_local_ids (CivicCache *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  gboolean row;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->writer, "SELECT id FROM local_case", NULL);
  while (stmt != NULL && civic_sqlite_step (self->writer, stmt, &row, NULL) && row)
    g_strv_builder_add (builder, civic_sqlite_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_mutex_unlock (&self->lock);

  return g_strv_builder_end (builder);
}

static CivicCase *
load_case_with (CivicSqlite  *db,
                const char   *sql,
                const char   *id,
                GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  sqlite3_stmt *stmt = civic_sqlite_prepare (db, sql, error);
  gboolean row;

  if (stmt == NULL)
    return NULL;
  civic_sqlite_bind_text (stmt, 1, id);
  if (!civic_sqlite_step (db, stmt, &row, error))
    return NULL;
  if (row)
    node = parse_data_column (stmt, 0, error);
  sqlite3_reset (stmt);

  if (node == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_NOT_FOUND,
                     _("The case is not in the offline copy"));
      return NULL;
    }

  return civic_case_new_from_json (node, error);
}

/**
 * civic_cache_load_server_case:
 *
 * Returns: (transfer full) (nullable): the service's version of a case,
 * for the sync engine to put pending commands on top of.
 */
CivicCase *
civic_cache_load_server_case (CivicCache  *self,
                              const char  *id,
                              GError     **error)
{
  CivicCase *kase;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);

  g_mutex_lock (&self->lock);
  kase = load_case_with (self->writer, "SELECT data FROM entity WHERE type = '" CIVIC_ENTITY_CASE "' AND id = ?",
                         id, error);
  g_mutex_unlock (&self->lock);
  return kase;
}

/* The reading side */

/**
 * civic_cache_load_case:
 *
 * Returns: (transfer full) (nullable): the case as the official sees it:
 * their own version while commands wait to be sent, else the service's.
 */
CivicCase *
civic_cache_load_case (CivicCache  *self,
                       const char  *id,
                       GError     **error)
{
  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);

  return load_case_with (self->reader,
                         "SELECT coalesce ((SELECT data FROM local_case WHERE id = ?1),"
                         "                 (SELECT data FROM entity WHERE type = '" CIVIC_ENTITY_CASE "' AND id = ?1))",
                         id, error);
}

JsonNode *
civic_cache_load_entity (CivicCache  *self,
                         const char  *type,
                         const char  *id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  JsonNode *node = NULL;
  gboolean row;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);

  stmt = civic_sqlite_prepare (self->reader, "SELECT data FROM entity WHERE type = ? AND id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  civic_sqlite_bind_text (stmt, 1, type);
  civic_sqlite_bind_text (stmt, 2, id);
  if (civic_sqlite_step (self->reader, stmt, &row, error) && row)
    node = parse_data_column (stmt, 0, error);
  sqlite3_reset (stmt);
  return node;
}

/**
 * civic_cache_lookup_official:
 * @user_data: the #CivicCache
 *
 * A #CivicDirectoryLookup over the users directory the cache holds, so
 * that the client checks an assignee or a verifier as the service will.
 */
CivicActor *
civic_cache_lookup_official (const char *id,
                             gboolean   *disabled,
                             gpointer    user_data)
{
  g_autoptr(JsonNode) user = civic_cache_load_entity (CIVIC_CACHE (user_data), CIVIC_ENTITY_USER, id, NULL);

  if (user == NULL || !JSON_NODE_HOLDS_OBJECT (user))
    return NULL;
  return civic_actor_new_from_directory (json_node_get_object (user), disabled);
}

/**
 * civic_cache_load_entities:
 *
 * Returns: (transfer full) (element-type JsonNode): every entity of
 * @type, in id order: departments, items, users, rooms, templates.
 */
GPtrArray *
civic_cache_load_entities (CivicCache  *self,
                           const char  *type,
                           GError     **error)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  sqlite3_stmt *stmt;
  gboolean row;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);

  stmt = civic_sqlite_prepare (self->reader, "SELECT data FROM entity WHERE type = ? ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  civic_sqlite_bind_text (stmt, 1, type);
  while (civic_sqlite_step (self->reader, stmt, &row, error) && row)
    {
      JsonNode *node = parse_data_column (stmt, 0, NULL);

      if (node != NULL)
        g_ptr_array_add (nodes, node);
    }
  sqlite3_reset (stmt);

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&nodes);
}

/**
 * civic_cache_load_calendar:
 *
 * Returns: (transfer full): the working-day calendar from the notices the
 * service sent: the client counts days exactly as the service does.
 */
CivicCalendar *
civic_cache_load_calendar (CivicCache  *self,
                           GError     **error)
{
  g_autoptr(CivicCalendar) calendar = civic_calendar_new ("CN-43");
  g_autoptr(GPtrArray) notices = civic_cache_load_entities (self, CIVIC_ENTITY_CALENDAR, error);

  if (notices == NULL)
    return NULL;

  for (guint i = 0; i < notices->len; i++)
    if (!civic_calendar_load_node (calendar, g_ptr_array_index (notices, i), "calendar", error))
      return NULL;

  return g_steal_pointer (&calendar);
}

/* The inbox's SQL is assembled from fixed pieces, by the filter's shape;
 * every value is bound, none is written into the text. */
static char *
where_clause (CivicCache             *self,
              const CivicInboxFilter *filter)
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
    {
      /* Trigrams need three characters; shorter words are looked for
       * directly. */
      if (g_utf8_strlen (filter->text, -1) >= 3)
        /* "+": a test on each row the rest of the query walks in order,
         * not the rows to walk; a common word matches half the cases. */
        g_string_append (where, " AND +rowid IN (SELECT rowid FROM case_fts WHERE case_fts MATCH :text)");
      else
        g_string_append (where, " AND (number LIKE :like ESCAPE '\\' OR applicant LIKE :like ESCAPE '\\'"
                                " OR item_name LIKE :like ESCAPE '\\')");
    }

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
      g_autoptr(GString) like = g_string_new ("%");

      /* An FTS5 string: the words as typed, nothing read as syntax. */
      for (const char *p = filter->text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (quoted, '"');
          g_string_append_c (quoted, *p);

          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (like, '\\');
          g_string_append_c (like, *p);
        }
      g_string_append_c (quoted, '"');
      g_string_append_c (like, '%');

      bind_named (stmt, ":text", quoted->str);
      bind_named (stmt, ":like", like->str);
    }
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
      filter->text != NULL && g_utf8_strlen (filter->text, -1) >= 3)
    sql = g_strdup ("SELECT count (*) FROM case_fts WHERE case_fts MATCH :text");
  else
    {
      where = where_clause (self, filter);
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
  gboolean row;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  switch (filter->sort)
    {
    case CIVIC_INBOX_SORT_RECEIVED:
      order = " ORDER BY received_on DESC, id DESC";
      break;
    case CIVIC_INBOX_SORT_UPDATED:
      order = " ORDER BY updated_at DESC, id DESC";
      break;
    case CIVIC_INBOX_SORT_DUE:
    default:
      order = " ORDER BY due_key, id";
      break;
    }

  where = where_clause (self, filter);
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
