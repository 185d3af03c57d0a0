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

#include "civic-cache-private.h"
#include "civic-case-kind.h"
#include "civic-entity.h"
#include "civic-json-scan.h"
#include "civic-json.h"
#include "civic-sqlite.h"
#include "civic-time.h"

/* One cache per account and service, a folder of its own under the XDG
 * data folder, with two files:
 *
 *   cache.db   what the service sent (`entity`, exactly as sent), the
 *              official's own version of each record with commands still
 *              to send (`local_entity`, of any kind: civic-entity.h), and
 *              the inbox index with its full-text search
 *              (`case_index`, `case_fts`, `case_chars`). All of it can be
 *              thrown away and fetched again.
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
  { /* 2: local versions of any kind of record, not only cases */
    "CREATE TABLE local_entity ("
    "  type TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  data TEXT NOT NULL,"
    "  PRIMARY KEY (type, id)"
    ") WITHOUT ROWID;"
    "INSERT INTO local_entity (type, id, data) SELECT 'case', id, data FROM local_case;"
    "DROP TABLE local_case;"
  },
  { /* 3: one or two characters are found from their cases, not by reading
     * every case (civic-fts-chars.c) */
    "CREATE VIRTUAL TABLE case_chars USING fts5 ("
    "  number, applicant, item_name, tokenize = 'civic_chars', columnsize = 0"
    ");"
    "INSERT INTO case_chars (rowid, number, applicant, item_name) "
    "  SELECT rowid, number, applicant, item_name FROM case_index;"
  },
};

G_DEFINE_FINAL_TYPE (CivicCache, civic_cache, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-cache-error-quark, civic_cache_error)

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
    "SELECT count (*) FROM local_entity",
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
   * memory than the default 2 MB while it writes. And a page of the feed
   * is megabytes: at SQLite's default of a checkpoint every 4 MB of -wal,
   * every page's commit copied the -wal back into the file, the inbox's
   * and the search's pages many times over. Every 32 MB, a first sync of
   * 53 000 cases takes 6.3 s, not 7.3; the -wal is cut back to 32 MB. */
  if (!civic_sqlite_exec (self->writer, "PRAGMA cache_size = -32768", error) ||
      !civic_sqlite_exec (self->writer, "PRAGMA wal_autocheckpoint = 8192", error) ||
      !civic_sqlite_exec (self->writer, "PRAGMA journal_size_limit = 33554432", error) ||
      !_civic_case_index_make (self->writer, error) ||
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

static gboolean
commit_writer (CivicCache  *self,
               GError     **error)
{
  return _civic_case_index_flush (self->writer, error) && civic_sqlite_commit (self->writer, error);
}

/* The index each kind of record keeps for its lists, written inside the
 * cache's transactions: a kind without one is stored and read whole. */
typedef struct
{
  const char *type;
  gboolean  (*put)    (CivicSqlite    *db,
                       const char     *id,
                       CivicJsonSpan   data,
                       const char     *me,
                       gboolean        pending,
                       GError        **error);
  gboolean  (*forget) (CivicSqlite    *db,
                       const char     *id,
                       GError        **error);
} KindIndex;

static const KindIndex kind_indexes[] = {
  { CIVIC_ENTITY_CASE, _civic_case_index_put, _civic_case_index_forget },
};

static const KindIndex *
index_for (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_indexes); i++)
    if (g_str_equal (kind_indexes[i].type, type))
      return &kind_indexes[i];
  return NULL;
}

static gboolean
has_local (CivicSqlite *db,
           const char  *type,
           const char  *id)
{
  sqlite3_stmt *stmt = civic_sqlite_prepare (db, "SELECT 1 FROM local_entity "
                                                 "WHERE type = ? AND id = ?", NULL);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  civic_sqlite_bind_text (stmt, 1, type);
  civic_sqlite_bind_text (stmt, 2, id);
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

/* One change of the feed, inside the page's transaction. */
static gboolean
apply_change (CivicCache     *self,
              CivicJsonSpan   change,
              GPtrArray      *pending,
              GError        **error)
{
  const KindIndex *index;
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
      index = index_for (type);
      return index == NULL || index->forget (self->writer, id, error);
    }

  if (!put_entity (self->writer, type, id, rev, seq, values[4].start, values[4].length, error))
    return FALSE;

  /* A record with commands still to send keeps showing the official's
   * own version: the engine puts the commands back on top of this one. */
  if (has_local (self->writer, type, id))
    {
      if (pending != NULL)
        g_ptr_array_add (pending, civic_record_key_new (type, id));
      return TRUE;
    }

  index = index_for (type);
  return index == NULL || index->put (self->writer, id, values[4], self->me->id, FALSE, error);
}

/**
 * civic_cache_apply_page:
 * @page: a page of GET /api/v1/changes, as the service sent it
 * @pending: (element-type CivicRecordKey) (nullable): receives the
 *   records that changed on the service while commands for them wait to
 *   be sent; their local version must be made again on top of the new one
 *
 * Stores every change of the page and moves the cursor, in one
 * transaction: a crash leaves either all of the page or none of it.
 */
gboolean
civic_cache_apply_page (CivicCache  *self,
                        GBytes      *page,
                        gint64      *next,
                        gboolean    *more,
                        GPtrArray   *pending,
                        guint       *n_changes,
                        GError     **error)
{
  g_autoptr(CivicJsonIndex) index = civic_cache_index_page (page);

  return civic_cache_apply_indexed_page (self, index, next, more, pending, n_changes, error);
}

/**
 * civic_cache_index_page:
 *
 * Reads a page of the feed once (civic_json_index_new()), on any thread:
 * the sync engine does it for the next page while the cache writes this
 * one.
 *
 * Returns: (transfer full) (nullable): the page's index, or %NULL if it
 * is not JSON
 */
CivicJsonIndex *
civic_cache_index_page (GBytes *page)
{
  gsize length;
  const char *text = g_bytes_get_data (page, &length);

  return civic_json_index_new ((CivicJsonSpan) { text, length, NULL }, NULL);
}

/**
 * civic_cache_apply_indexed_page:
 * @index: (nullable): civic_cache_index_page() of a page, whose bytes
 *   stay alive until this returns; %NULL if it found the page is not JSON
 *
 * As civic_cache_apply_page(), with the page already read.
 */
gboolean
civic_cache_apply_indexed_page (CivicCache      *self,
                                CivicJsonIndex  *index,
                                gint64          *next,
                                gboolean        *more,
                                GPtrArray       *pending,
                                guint           *n_changes,
                                GError         **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (CivicJsonSpan));
  g_autofree char *cursor = NULL;
  g_autofree char *head_text = NULL;
  static const char * const page_members[] = { "changes", "next", "more", "head", NULL };
  CivicJsonSpan root, values[4];
  gint64 head = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);

  /* The page was read once, into the index: its changes, their members,
   * a case's members and its events are found there. */
  if (index == NULL)
    return bad_page (error, _("not a page of changes"));
  root = civic_json_index_get_root (index);

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
  if (cursor == NULL && _civic_case_index_is_empty (self->writer) &&
      !_civic_case_index_drop (self->writer, error))
    goto rollback;
  g_clear_pointer (&cursor, g_free);

  for (guint i = 0; i < changes->len; i++)
    if (!apply_change (self, g_array_index (changes, CivicJsonSpan, i), pending, error))
      goto rollback;

  if (!*more && !_civic_case_index_make (self->writer, error))
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
  const KindIndex *index = index_for (type);
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);

  g_mutex_lock (&self->lock);
  ok = civic_sqlite_begin (self->writer, error) &&
       put_entity (self->writer, type, id, rev, seq, data, strlen (data), error) &&
       (index == NULL || has_local (self->writer, type, id) ||
        index->put (self->writer, id, (CivicJsonSpan) { data, strlen (data) },
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
                          "DELETE FROM case_index WHERE id NOT IN "
                          "  (SELECT id FROM local_entity WHERE type = '" CIVIC_ENTITY_CASE "');"
                          "DELETE FROM case_fts WHERE rowid NOT IN (SELECT rowid FROM case_index);"
                          "DELETE FROM case_chars WHERE rowid NOT IN "
                          "  (SELECT rowid FROM case_index);"
                          "DELETE FROM meta WHERE key = 'cursor';", error) &&
       civic_sqlite_commit (self->writer, error);
  if (!ok)
    civic_sqlite_rollback (self->writer);
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_record_key_new:
 *
 * Returns: (transfer full): a record's kind and id, together
 */
CivicRecordKey *
civic_record_key_new (const char *type,
                      const char *id)
{
  CivicRecordKey *key = g_new (CivicRecordKey, 1);

  key->type = g_strdup (type);
  key->id = g_strdup (id);
  return key;
}

void
civic_record_key_free (CivicRecordKey *key)
{
  if (key == NULL)
    return;
  g_free (key->type);
  g_free (key->id);
  g_free (key);
}

/**
 * civic_cache_set_local:
 * @record: (nullable): the record with the official's pending commands
 *   applied, or %NULL when none are left
 * @calendar: what its lists' summary is read with
 *
 * Shows @record in place of the service's version, marked pending; with
 * %NULL, the service's version again.
 */
gboolean
civic_cache_set_local (CivicCache             *self,
                       const CivicEntityKind  *kind,
                       const char             *id,
                       GObject                *record,
                       CivicCalendar          *calendar,
                       GError                **error)
{
  const KindIndex *index;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  index = index_for (kind->type);

  g_mutex_lock (&self->lock);
  if (!civic_sqlite_begin (self->writer, error))
    goto out;

  if (record != NULL)
    {
      /* As the service would send it, with its summary */
      g_autofree char *text = kind->to_feed_json (record, calendar, civic_time_today ());
      CivicJsonSpan data = { text, strlen (text) };

      stmt = civic_sqlite_prepare (self->writer, "INSERT INTO local_entity (type, id, data) "
                                                 "VALUES (?, ?, ?) "
                                                 "ON CONFLICT (type, id) DO UPDATE "
                                                 "SET data = excluded.data", error);
      if (stmt == NULL)
        goto rollback;
      civic_sqlite_bind_text (stmt, 1, kind->type);
      civic_sqlite_bind_text (stmt, 2, id);
      bind_data (stmt, 3, text, data.length);
      if (!civic_sqlite_run (self->writer, stmt, error) ||
          (index != NULL && !index->put (self->writer, id, data, self->me->id, TRUE, error)))
        goto rollback;
    }
  else
    {
      g_autofree char *server = NULL;
      gboolean row;

      stmt = civic_sqlite_prepare (self->writer, "DELETE FROM local_entity "
                                                 "WHERE type = ? AND id = ?", error);
      if (stmt == NULL)
        goto rollback;
      civic_sqlite_bind_text (stmt, 1, kind->type);
      civic_sqlite_bind_text (stmt, 2, id);
      if (!civic_sqlite_run (self->writer, stmt, error))
        goto rollback;

      stmt = civic_sqlite_prepare (self->writer, "SELECT data FROM entity "
                                                 "WHERE type = ? AND id = ?", error);
      if (stmt == NULL)
        goto rollback;
      civic_sqlite_bind_text (stmt, 1, kind->type);
      civic_sqlite_bind_text (stmt, 2, id);
      if (!civic_sqlite_step (self->writer, stmt, &row, error))
        goto rollback;
      server = row ? column_data (stmt, 0, NULL) : NULL;
      sqlite3_reset (stmt);

      if (index != NULL &&
          !(server != NULL
            ? index->put (self->writer, id, (CivicJsonSpan) { server, strlen (server) },
                          self->me->id, FALSE, error)
            : index->forget (self->writer, id, error)))
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
 * civic_cache_dup_local:
 *
 * Returns: (transfer full) (element-type CivicRecordKey): the records
 * shown in their local version.
 */
GPtrArray *
civic_cache_dup_local (CivicCache *self)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_record_key_free);
  sqlite3_stmt *stmt;
  gboolean row;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), keys);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->writer, "SELECT type, id FROM local_entity", NULL);
  while (stmt != NULL && civic_sqlite_step (self->writer, stmt, &row, NULL) && row)
    g_ptr_array_add (keys, civic_record_key_new (civic_sqlite_column_text (stmt, 0),
                                                 civic_sqlite_column_text (stmt, 1)));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_mutex_unlock (&self->lock);

  return keys;
}

static GObject *
load_record_with (CivicSqlite            *db,
                  const CivicEntityKind  *kind,
                  const char             *sql,
                  const char             *id,
                  GError                **error)
{
  g_autoptr(JsonNode) node = NULL;
  sqlite3_stmt *stmt = civic_sqlite_prepare (db, sql, error);
  gboolean row;

  if (stmt == NULL)
    return NULL;
  civic_sqlite_bind_text (stmt, 1, kind->type);
  civic_sqlite_bind_text (stmt, 2, id);
  if (!civic_sqlite_step (db, stmt, &row, error))
    return NULL;
  /* The query's coalesce () gives a row of NULL when there is no record */
  if (row && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    node = parse_data_column (stmt, 0, error);
  sqlite3_reset (stmt);

  if (node == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_NOT_FOUND,
                             _(kind->not_cached));
      return NULL;
    }

  return kind->from_json (node, error);
}

/**
 * civic_cache_load_server_record:
 *
 * Returns: (transfer full) (nullable): the service's version of a record,
 * for the sync engine to put pending commands on top of.
 */
GObject *
civic_cache_load_server_record (CivicCache             *self,
                                const CivicEntityKind  *kind,
                                const char             *id,
                                GError                **error)
{
  GObject *record;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  g_mutex_lock (&self->lock);
  record = load_record_with (self->writer, kind,
                             "SELECT data FROM entity WHERE type = ?1 AND id = ?2", id, error);
  g_mutex_unlock (&self->lock);
  return record;
}

/* The reading side */

/**
 * civic_cache_load_record:
 *
 * Returns: (transfer full) (nullable): the record as the official sees
 * it: their own version while commands wait to be sent, else the
 * service's.
 */
GObject *
civic_cache_load_record (CivicCache             *self,
                         const CivicEntityKind  *kind,
                         const char             *id,
                         GError                **error)
{
  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return load_record_with (self->reader, kind,
                           "SELECT coalesce ((SELECT data FROM local_entity "
                           "                  WHERE type = ?1 AND id = ?2),"
                           "                 (SELECT data FROM entity "
                           "                  WHERE type = ?1 AND id = ?2))",
                           id, error);
}

/**
 * civic_cache_load_records:
 *
 * Every record of @kind as the official sees it (their own version while
 * commands wait to be sent), for a kind whose records are few enough to
 * read whole: a department's hearings. A record made offline (a draft
 * born in the outbox, docs/plans/disclosure.md decision 2) is listed
 * before the service has it. One that cannot be read is left out, and
 * said in the log.
 *
 * Returns: (transfer full) (element-type GObject): the records, in id order
 */
GPtrArray *
civic_cache_load_records (CivicCache             *self,
                          const CivicEntityKind  *kind,
                          GError                **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  gboolean row;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  stmt = civic_sqlite_prepare (self->reader,
                               "SELECT coalesce (l.data, e.data), e.id AS rid FROM entity e "
                               "LEFT JOIN local_entity l ON l.type = e.type AND l.id = e.id "
                               "WHERE e.type = ?1 "
                               "UNION ALL "
                               "SELECT l.data, l.id AS rid FROM local_entity l "
                               "WHERE l.type = ?1 AND NOT EXISTS "
                               "  (SELECT 1 FROM entity e WHERE e.type = l.type AND e.id = l.id) "
                               "ORDER BY rid", error);
  if (stmt == NULL)
    return NULL;
  civic_sqlite_bind_text (stmt, 1, kind->type);
  while (civic_sqlite_step (self->reader, stmt, &row, error) && row)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) node = parse_data_column (stmt, 0, &local_error);
      GObject *record = node ? kind->from_json (node, &local_error) : NULL;

      if (record == NULL)
        g_warning ("A %s in the offline copy cannot be read: %s", kind->type,
                   local_error ? local_error->message : "?");
      else
        g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&records);
}

/* A record set: each record with the feed's sequence it was read at, or
 * -1 when it was the official's own version (those are few, and always
 * read again) */
typedef struct
{
  GObject *record;
  gint64   seq;
} SetEntry;

struct _CivicRecordSet
{
  GHashTable *entries;   /* id → SetEntry */
  GPtrArray  *records;   /* GObject, in the order of their ids */
};

static void
set_entry_free (SetEntry *entry)
{
  g_clear_object (&entry->record);
  g_free (entry);
}

CivicRecordSet *
civic_record_set_new (void)
{
  CivicRecordSet *set = g_new0 (CivicRecordSet, 1);

  set->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) set_entry_free);
  set->records = g_ptr_array_new_with_free_func (g_object_unref);
  return set;
}

void
civic_record_set_free (CivicRecordSet *set)
{
  if (set == NULL)
    return;
  g_hash_table_unref (set->entries);
  g_ptr_array_unref (set->records);
  g_free (set);
}

/**
 * civic_record_set_get_records:
 *
 * Returns: (transfer none) (element-type GObject): the records as last
 * refreshed, by id
 */
GPtrArray *
civic_record_set_get_records (CivicRecordSet *set)
{
  return set->records;
}

/**
 * civic_cache_refresh_records:
 * @set: the records of @kind as last read, which this brings up to date
 * @n_read: (out) (optional): how many records were read and parsed
 *
 * civic_cache_load_records(), reading again only what changed since
 * @set was last refreshed: a record the feed brought at another sequence,
 * one the official acted on (their own version), one new; the others
 * are kept as they were read. After a sync that brought a handful, a
 * view of ten thousand messages parses a handful.
 */
gboolean
civic_cache_refresh_records (CivicCache             *self,
                             const CivicEntityKind  *kind,
                             CivicRecordSet         *set,
                             guint                  *n_read,
                             GError                **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) set_entry_free);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  gboolean row;
  guint read = 0;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), FALSE);
  g_return_val_if_fail (kind != NULL && set != NULL, FALSE);

  /* The data column comes last in entity's rows: asking for the id and
   * the sequence leaves a record's kilobytes unread */
  stmt = civic_sqlite_prepare (self->reader,
                               "SELECT e.id AS rid, e.seq, l.data FROM entity e "
                               "LEFT JOIN local_entity l ON l.type = e.type AND l.id = e.id "
                               "WHERE e.type = ?1 "
                               "UNION ALL "
                               "SELECT l.id AS rid, -1, l.data FROM local_entity l "
                               "WHERE l.type = ?1 AND NOT EXISTS "
                               "  (SELECT 1 FROM entity e WHERE e.type = l.type AND e.id = l.id) "
                               "ORDER BY rid", error);
  if (stmt == NULL)
    return FALSE;
  civic_sqlite_bind_text (stmt, 1, kind->type);
  while (civic_sqlite_step (self->reader, stmt, &row, error) && row)
    {
      const char *id = civic_sqlite_column_text (stmt, 0);
      gboolean local = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      gint64 seq = local ? -1 : sqlite3_column_int64 (stmt, 1);
      SetEntry *known = g_hash_table_lookup (set->entries, id);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) node = NULL;
      SetEntry *entry;

      if (known != NULL && seq >= 0 && known->seq == seq)
        {
          entry = g_new0 (SetEntry, 1);
          entry->record = g_object_ref (known->record);
          entry->seq = seq;
        }
      else
        {
          if (local)
            node = parse_data_column (stmt, 2, &local_error);
          else
            {
              sqlite3_stmt *data;
              gboolean found;

              data = civic_sqlite_prepare (self->reader, "SELECT data FROM entity "
                                                         "WHERE type = ? AND id = ?", error);
              if (data == NULL)
                break;
              civic_sqlite_bind_text (data, 1, kind->type);
              civic_sqlite_bind_text (data, 2, id);
              if (civic_sqlite_step (self->reader, data, &found, &local_error) && found)
                node = parse_data_column (data, 0, &local_error);
              sqlite3_reset (data);
            }
          read++;
          entry = g_new0 (SetEntry, 1);
          entry->record = node != NULL ? kind->from_json (node, &local_error) : NULL;
          entry->seq = seq;
          if (entry->record == NULL)
            {
              g_warning ("A %s in the offline copy cannot be read: %s", kind->type,
                         local_error ? local_error->message : "?");
              g_free (entry);
              continue;
            }
        }
      g_ptr_array_add (records, g_object_ref (entry->record));
      g_hash_table_replace (entries, g_strdup (id), entry);
    }
  sqlite3_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;

  g_hash_table_unref (set->entries);
  set->entries = g_steal_pointer (&entries);
  g_ptr_array_unref (set->records);
  set->records = g_steal_pointer (&records);
  if (n_read != NULL)
    *n_read = read;
  return TRUE;
}

/**
 * civic_cache_load_case:
 *
 * Returns: (transfer full) (nullable): the case as the official sees it
 * (civic_cache_load_record() for a case).
 */
CivicCase *
civic_cache_load_case (CivicCache  *self,
                       const char  *id,
                       GError     **error)
{
  return CIVIC_CASE (civic_cache_load_record (self, &civic_case_kind, id, error));
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
  g_autoptr(JsonNode) user = civic_cache_load_entity (CIVIC_CACHE (user_data), CIVIC_ENTITY_USER,
                                                      id, NULL);

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
  return civic_cache_load_entities_mentioning (self, type, NULL, error);
}

/**
 * civic_cache_load_entities_mentioning:
 * @text: (nullable): what the entity's JSON text must hold, as written:
 *   only those are parsed (every one when %NULL)
 *
 * Returns: (transfer full) (element-type JsonNode): the entities of @type
 * in the order of their ids
 */
GPtrArray *
civic_cache_load_entities_mentioning (CivicCache  *self,
                                      const char  *type,
                                      const char  *text,
                                      GError     **error)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  sqlite3_stmt *stmt;
  gboolean row;

  g_return_val_if_fail (CIVIC_IS_CACHE (self), NULL);

  stmt = civic_sqlite_prepare (self->reader, "SELECT data FROM entity WHERE type = ?1 "
                                             "AND (?2 IS NULL OR instr (data, ?2) > 0) "
                                             "ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  civic_sqlite_bind_text (stmt, 1, type);
  civic_sqlite_bind_text (stmt, 2, text);
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
