/* civic-server-db-pg.c — the service's database on PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-server-db"

#include "config.h"

#include <inttypes.h>

#include "civic-i18n.h"

#include "civic-db-private.h"
#include "civic-server-db-private.h"

/* PostgreSQL starts from one script equal to SQLite's schema after its
 * migration 24; every later migration is written for both, side by side
 * (pg_migrations[n] is SQLite's migration PG_BASELINE + 1 + n), and
 * test-schema compares the two schemas' tables and columns.
 *
 * What differs from SQLite's, on purpose:
 * - INTEGER is BIGINT (SQLite's are 64-bit), REAL is DOUBLE PRECISION,
 *   BLOB is BYTEA;
 * - text compares byte by byte, as SQLite's BINARY does, so lists sort
 *   the same on both: the database's collation must be C
 *   (check_collation());
 * - the user name, which SQLite compares without case (COLLATE NOCASE),
 *   is citext;
 * - the public searches index their text with pg_trgm, where SQLite has
 *   fts5 tables with the trigram tokenizer (civic_db_search_clause());
 * - the audit log's append-only guard is a trigger function. */

#define PG_BASELINE 24

static const char baseline[] =
  "CREATE EXTENSION IF NOT EXISTS citext;"
  "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE entity ("
  "  type TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  rev BIGINT NOT NULL,"
  "  seq BIGINT NOT NULL UNIQUE,"
  "  deleted BIGINT NOT NULL DEFAULT 0,"
  "  scoped BIGINT NOT NULL DEFAULT 0,"
  "  data TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (type, id)"
  ");"
  "CREATE TABLE entity_scope ("
  "  type TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  department_id TEXT NOT NULL,"
  "  PRIMARY KEY (type, id, department_id)"
  ");"
  "CREATE INDEX entity_scope_by_department ON entity_scope (department_id, type, id);"
  "CREATE TABLE case_record ("
  "  id TEXT PRIMARY KEY,"
  "  number TEXT NOT NULL UNIQUE,"
  "  receipt TEXT UNIQUE,"
  "  department_id TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  checked_on TEXT NOT NULL"
  ");"
  "CREATE INDEX case_record_to_check ON case_record (checked_on) WHERE state != 'closed';"
  "CREATE TABLE account ("
  "  id TEXT PRIMARY KEY,"
  "  username CITEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  department_id TEXT,"
  "  roles BIGINT NOT NULL,"
  "  password_hash TEXT NOT NULL,"
  "  disabled BIGINT NOT NULL DEFAULT 0,"
  "  scope_seq BIGINT NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  must_change_password BIGINT NOT NULL DEFAULT 0,"
  "  password_set_at TEXT,"
  "  disabled_reason TEXT"
  ");"
  "CREATE TABLE session ("
  "  token_hash TEXT PRIMARY KEY,"
  "  account_id TEXT NOT NULL REFERENCES account (id),"
  "  created_at BIGINT NOT NULL,"
  "  expires_at BIGINT NOT NULL,"
  "  revoked BIGINT NOT NULL DEFAULT 0,"
  "  view_seq BIGINT NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE command ("
  "  id TEXT PRIMARY KEY,"
  "  account_id TEXT NOT NULL,"
  "  body_hash TEXT NOT NULL,"
  "  response TEXT NOT NULL,"
  "  at TEXT NOT NULL,"
  "  on_behalf_of TEXT"
  ");"
  "CREATE TABLE audit ("
  "  seq BIGINT PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT,"
  "  action TEXT NOT NULL,"
  "  target TEXT,"
  "  detail TEXT,"
  "  address TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ");"
  "CREATE TABLE sign_in_attempt ("
  "  name TEXT NOT NULL,"
  "  address TEXT NOT NULL,"
  "  at BIGINT NOT NULL"
  ");"
  "CREATE INDEX sign_in_attempt_by_address ON sign_in_attempt (address, name, at);"
  "CREATE INDEX sign_in_attempt_by_time ON sign_in_attempt (at);"
  "CREATE TABLE audit_checkpoint ("
  "  seq BIGINT PRIMARY KEY,"
  "  head TEXT NOT NULL,"
  "  at TEXT NOT NULL,"
  "  signature TEXT NOT NULL"
  ");"
  "CREATE TABLE case_personal ("
  "  id TEXT PRIMARY KEY,"
  "  sealed TEXT NOT NULL"
  ");"
  "CREATE TABLE document_sequence ("
  "  department_id TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  year BIGINT NOT NULL,"
  "  last BIGINT NOT NULL,"
  "  PRIMARY KEY (department_id, kind, year)"
  ");"
  "CREATE TABLE document ("
  "  id TEXT PRIMARY KEY,"
  "  case_id TEXT NOT NULL,"
  "  department_id TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  year BIGINT NOT NULL,"
  "  sequence BIGINT NOT NULL,"
  "  number TEXT NOT NULL UNIQUE,"
  "  code TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  size BIGINT NOT NULL,"
  "  issued_on TEXT NOT NULL,"
  "  issued_by TEXT NOT NULL,"
  "  UNIQUE (department_id, kind, year, sequence)"
  ");"
  "CREATE INDEX document_by_case ON document (case_id);"
  "CREATE TABLE document_pdf ("
  "  id TEXT PRIMARY KEY,"
  "  sealed TEXT NOT NULL"
  ");"
  "CREATE TABLE hearing_record ("
  "  id TEXT PRIMARY KEY,"
  "  department_id TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  starts_at TEXT,"
  "  ends_at TEXT,"
  "  room_id TEXT"
  ");"
  "CREATE INDEX hearing_record_by_start ON hearing_record (starts_at) WHERE starts_at IS NOT NULL;"
  "CREATE TABLE hearing_personal ("
  "  id TEXT PRIMARY KEY,"
  "  sealed TEXT NOT NULL"
  ");"
  "CREATE TABLE calendar_token ("
  "  account_id TEXT PRIMARY KEY,"
  "  token_hash TEXT NOT NULL UNIQUE,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE disclosure_record ("
  "  id TEXT PRIMARY KEY,"
  "  department_id TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  index_number TEXT UNIQUE,"
  "  formed_on TEXT,"
  "  publish_at TEXT,"
  "  expire_on TEXT,"
  "  head_version BIGINT NOT NULL,"
  "  published_version BIGINT NOT NULL"
  ");"
  "CREATE INDEX disclosure_record_by_department ON disclosure_record (department_id, state);"
  "CREATE TABLE disclosure_version ("
  "  disclosure_id TEXT NOT NULL,"
  "  version BIGINT NOT NULL,"
  "  author_id TEXT,"
  "  created_at TEXT NOT NULL,"
  "  command_id TEXT,"
  "  sha256 TEXT NOT NULL,"
  "  sealed TEXT NOT NULL,"
  "  PRIMARY KEY (disclosure_id, version)"
  ");"
  "CREATE TABLE disclosure_index_sequence ("
  "  department_id TEXT NOT NULL,"
  "  year BIGINT NOT NULL,"
  "  last BIGINT NOT NULL,"
  "  PRIMARY KEY (department_id, year)"
  ");"
  "CREATE TABLE disclosure_index_allocation ("
  "  command_id TEXT PRIMARY KEY,"
  "  disclosure_id TEXT NOT NULL UNIQUE,"
  "  index_number TEXT NOT NULL UNIQUE"
  ");"
  "CREATE TABLE due_job ("
  "  id TEXT PRIMARY KEY,"
  "  due_at TEXT NOT NULL,"
  "  type TEXT NOT NULL,"
  "  target TEXT NOT NULL,"
  "  done_at TEXT,"
  "  result TEXT"
  ");"
  "CREATE INDEX due_job_pending ON due_job (due_at) WHERE done_at IS NULL;"
  "CREATE INDEX due_job_by_target ON due_job (target) WHERE done_at IS NULL;"
  "CREATE TABLE public_disclosure ("
  "  id TEXT PRIMARY KEY,"
  "  department_id TEXT NOT NULL,"
  "  index_number TEXT,"
  "  title TEXT NOT NULL,"
  "  summary TEXT,"
  "  category TEXT NOT NULL,"
  "  formed_on TEXT,"
  "  published_at TEXT NOT NULL,"
  "  issuing_organ TEXT,"
  "  document_number TEXT,"
  "  normative BIGINT NOT NULL,"
  "  validity TEXT NOT NULL,"
  "  repealed_by TEXT,"
  "  keywords TEXT NOT NULL,"
  "  interpretation_of TEXT,"
  "  body_md TEXT NOT NULL,"
  "  body_text TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  withdrawn_at TEXT,"
  "  public_notice TEXT,"
  "  updated_at TEXT NOT NULL,"
  "  seq BIGINT NOT NULL"
  ");"
  "CREATE INDEX public_disclosure_by_date ON public_disclosure (published_at DESC);"
  "CREATE INDEX public_disclosure_by_organ ON public_disclosure (department_id, published_at DESC);"
  "CREATE TABLE public_disclosure_column ("
  "  disclosure_id TEXT NOT NULL,"
  "  department_id TEXT NOT NULL,"
  "  column_id TEXT NOT NULL,"
  "  PRIMARY KEY (disclosure_id, column_id)"
  ");"
  "CREATE TABLE disclosure_request_record ("
  "  id TEXT PRIMARY KEY,"
  "  department_id TEXT NOT NULL,"
  "  receipt TEXT NOT NULL UNIQUE,"
  "  state TEXT NOT NULL,"
  "  received_on TEXT,"
  "  due_on TEXT"
  ");"
  "CREATE INDEX disclosure_request_by_department ON disclosure_request_record"
  "  (department_id, state);"
  "CREATE TABLE disclosure_request_personal ("
  "  id TEXT PRIMARY KEY,"
  "  sealed TEXT NOT NULL"
  ");"
  "CREATE TABLE attachment_blob ("
  "  id TEXT PRIMARY KEY,"
  "  size BIGINT NOT NULL,"
  "  sealed TEXT NOT NULL,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE attachment_text ("
  "  id TEXT PRIMARY KEY,"
  "  checked BIGINT NOT NULL,"
  "  reason TEXT,"
  "  sealed TEXT NOT NULL"
  ");"
  "CREATE TABLE disclosure_upload ("
  "  disclosure_id TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  media_type TEXT NOT NULL,"
  "  size BIGINT NOT NULL,"
  "  uploaded_by TEXT NOT NULL,"
  "  uploaded_at TEXT NOT NULL,"
  "  PRIMARY KEY (disclosure_id, sha256)"
  ");"
  "CREATE TABLE public_attachment ("
  "  disclosure_id TEXT NOT NULL,"
  "  n BIGINT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  media_type TEXT NOT NULL,"
  "  size BIGINT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  PRIMARY KEY (disclosure_id, n)"
  ");"
  "CREATE TABLE public_attachment_blob ("
  "  sha256 TEXT PRIMARY KEY,"
  "  content BYTEA NOT NULL"
  ");"
  "CREATE INDEX public_disclosure_column_by_column ON public_disclosure_column"
  "  (column_id, disclosure_id);"
  "CREATE TABLE public_column ("
  "  id TEXT PRIMARY KEY,"
  "  department_id TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  parent_id TEXT,"
  "  counterpart_id TEXT,"
  "  counterpart_url TEXT,"
  "  counterpart_name TEXT,"
  "  position BIGINT NOT NULL"
  ");"
  "CREATE INDEX public_column_by_department ON public_column (department_id, position);"
  "CREATE TABLE message_record ("
  "  id TEXT PRIMARY KEY,"
  "  department_id TEXT,"
  "  receipt TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  received_on TEXT,"
  "  due_on TEXT,"
  "  campaign_id TEXT"
  ");"
  "CREATE INDEX message_by_department ON message_record (department_id, state);"
  "CREATE TABLE message_personal ("
  "  id TEXT PRIMARY KEY,"
  "  sealed TEXT NOT NULL"
  ");"
  "CREATE TABLE public_message_reply ("
  "  message_id TEXT NOT NULL,"
  "  number BIGINT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  sent_on TEXT NOT NULL,"
  "  PRIMARY KEY (message_id, number)"
  ");"
  "CREATE TABLE entity_exclude ("
  "  type TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  reader TEXT NOT NULL,"
  "  PRIMARY KEY (type, id, reader)"
  ");"
  "CREATE TABLE evaluation_record ("
  "  id TEXT PRIMARY KEY,"
  "  department_id TEXT NOT NULL,"
  "  target TEXT NOT NULL,"
  "  target_id TEXT NOT NULL,"
  "  channel TEXT NOT NULL,"
  "  rating BIGINT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  rated_on TEXT NOT NULL,"
  "  counted BIGINT NOT NULL"
  ");"
  "CREATE INDEX evaluation_by_department ON evaluation_record (department_id, counted);"
  "CREATE INDEX evaluation_by_target ON evaluation_record (target, target_id);"
  "CREATE TABLE evaluation_personal ("
  "  id TEXT PRIMARY KEY,"
  "  sealed TEXT NOT NULL"
  ");"
  "CREATE TABLE open311_service ("
  "  code TEXT PRIMARY KEY,"
  "  position BIGINT NOT NULL,"
  "  data TEXT NOT NULL"
  ");"
  "CREATE TABLE open311_key ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  hash TEXT NOT NULL UNIQUE,"
  "  created_at TEXT NOT NULL,"
  "  revoked_at TEXT,"
  "  revoked_reason TEXT"
  ");"
  "CREATE TABLE open311_request ("
  "  message_id TEXT PRIMARY KEY,"
  "  receipt TEXT NOT NULL UNIQUE,"
  "  service_code TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  status_notes TEXT,"
  "  department_id TEXT,"
  "  requested_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  expected_on TEXT,"
  "  address TEXT,"
  "  lat DOUBLE PRECISION,"
  "  long DOUBLE PRECISION"
  ");"
  "CREATE INDEX open311_request_by_time ON open311_request (requested_at);"
  "CREATE UNIQUE INDEX evaluation_once ON evaluation_record (target, target_id, channel);"
  "CREATE TABLE mail_origin ("
  "  message_id TEXT PRIMARY KEY,"
  "  rfc_message_id TEXT"
  ");"
  "CREATE TABLE mail_sent ("
  "  message_id TEXT NOT NULL,"
  "  number BIGINT NOT NULL,"
  "  at TEXT NOT NULL,"
  "  PRIMARY KEY (message_id, number)"
  ");"
  "CREATE TABLE campaign_record ("
  "  id TEXT PRIMARY KEY,"
  "  department_id TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  opens_on TEXT,"
  "  closes_on TEXT"
  ");"
  "CREATE INDEX message_by_campaign ON message_record (campaign_id) WHERE campaign_id IS NOT NULL;"
  "CREATE TABLE public_campaign_idea ("
  "  message_id TEXT PRIMARY KEY,"
  "  campaign_id TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  answer TEXT NOT NULL,"
  "  answered_on TEXT NOT NULL"
  ");"
  "CREATE INDEX public_campaign_idea_by_campaign ON public_campaign_idea (campaign_id);"
  "CREATE TABLE message_upload ("
  "  message_id TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  media_type TEXT NOT NULL,"
  "  size BIGINT NOT NULL,"
  "  uploaded_by TEXT NOT NULL,"
  "  uploaded_at TEXT NOT NULL,"
  "  PRIMARY KEY (message_id, sha256)"
  ");"
  "CREATE TABLE item_version ("
  "  code TEXT NOT NULL,"
  "  version BIGINT NOT NULL,"
  "  department_id TEXT NOT NULL,"
  "  effective_at TEXT NOT NULL,"
  "  guide TEXT NOT NULL,"
  "  PRIMARY KEY (code, version)"
  ");"
  "CREATE INDEX item_version_by_time ON item_version (code, effective_at);"
  "CREATE TABLE item_record ("
  "  code TEXT PRIMARY KEY,"
  "  department_id TEXT,"
  "  state TEXT NOT NULL,"
  "  pending TEXT,"
  "  repealed_at TEXT"
  ");"
  "CREATE TABLE item_upload ("
  "  code TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  media_type TEXT NOT NULL,"
  "  size BIGINT NOT NULL,"
  "  uploaded_by TEXT NOT NULL,"
  "  uploaded_at TEXT NOT NULL,"
  "  PRIMARY KEY (code, sha256)"
  ");"
  "CREATE TABLE public_item ("
  "  code TEXT NOT NULL UNIQUE,"
  "  version BIGINT NOT NULL,"
  "  department_id TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  type_code TEXT NOT NULL,"
  "  effective_on TEXT NOT NULL,"
  "  repealed_on TEXT,"
  "  repeal_basis TEXT,"
  "  guide TEXT NOT NULL,"
  "  search_text TEXT NOT NULL"
  ");"
  "CREATE INDEX public_item_by_department ON public_item (department_id, code);"
  "CREATE TABLE public_item_file ("
  "  code TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  media_type TEXT NOT NULL,"
  "  size BIGINT NOT NULL,"
  "  PRIMARY KEY (code, sha256)"
  ");"
  "CREATE TABLE delegation ("
  "  id TEXT PRIMARY KEY,"
  "  principal_id TEXT NOT NULL REFERENCES account (id),"
  "  delegate_id TEXT NOT NULL REFERENCES account (id),"
  "  starts_on TEXT NOT NULL,"
  "  ends_on TEXT NOT NULL,"
  "  roles BIGINT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  granted_by_name TEXT,"
  "  ended_on TEXT"
  ");"
  "CREATE INDEX delegation_principal ON delegation (principal_id, starts_on);"
  "CREATE INDEX delegation_delegate ON delegation (delegate_id, ends_on);"

  "CREATE FUNCTION audit_append_only () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  FOR EACH ROW EXECUTE FUNCTION audit_append_only ();"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  FOR EACH ROW EXECUTE FUNCTION audit_append_only ();"

  /* json_extract and json_type as SQLite has them, for the paths the service uses
   * ('$.a' and '$.a.b'): the value as text */
  "CREATE FUNCTION json_extract (document text, path text) RETURNS text"
  "  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$"
  "  SELECT (document::jsonb) #>> string_to_array (substr (path, 3), '.') $$;"
  /* and json_type, with SQLite's names of the types */
  "CREATE FUNCTION json_type (document text, path text) RETURNS text"
  "  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$"
  "  SELECT CASE jsonb_typeof (v) WHEN 'string' THEN 'text' WHEN 'boolean' THEN v::text"
  "    WHEN 'number' THEN CASE WHEN v::text ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END"
  "    ELSE jsonb_typeof (v) END"
  "  FROM (SELECT (document::jsonb) #> string_to_array (substr (path, 3), '.') AS v) AS s $$;"

  "CREATE INDEX public_disclosure_search ON public_disclosure USING gin ("
  "  " CIVIC_PG_DISCLOSURE_TEXT " gin_trgm_ops);"
  "CREATE INDEX public_item_search ON public_item USING gin (search_text gin_trgm_ops);"

  "INSERT INTO meta (key, value) VALUES ('seq', '0');";

/* Migrations after the baseline, in the order of SQLite's */
static const char * const pg_migrations[] = {
  /* 25 */
  "ALTER TABLE account ADD COLUMN write_seq BIGINT NOT NULL DEFAULT 0;"
  "CREATE INDEX entity_by_type ON entity (type, seq);",
  /* 26 */
  "CREATE TABLE supervised ("
  "  type TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  department_id TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  due TEXT,"
  "  next_change TEXT,"
  "  opened_on TEXT,"
  "  done_on TEXT,"
  "  overdue_on TEXT,"
  "  deemed_on TEXT,"
  "  days INTEGER NOT NULL,"
  "  late INTEGER NOT NULL,"
  "  extended INTEGER NOT NULL,"
  "  PRIMARY KEY (type, id)"
  ");"
  "CREATE INDEX supervised_board ON supervised (status, department_id, type, due);"
  "CREATE INDEX supervised_next ON supervised (next_change);"
  "CREATE INDEX supervised_opened ON supervised (opened_on);"
  "CREATE INDEX supervised_done ON supervised (done_on);"
  "CREATE INDEX supervised_overdue ON supervised (overdue_on);"
  "CREATE INDEX supervised_deemed ON supervised (deemed_on);"
  "CREATE TABLE supervision_count ("
  "  department_id TEXT NOT NULL,"
  "  type TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (department_id, type, status)"
  ");"
  "CREATE TABLE supervision_tally ("
  "  department_id TEXT NOT NULL,"
  "  type TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  metric TEXT NOT NULL,"
  "  week TEXT NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (department_id, type, metric, week, subject)"
  ");"
  "CREATE INDEX supervision_tally_by_week ON supervision_tally (week);",
  /* 27 */
  "UPDATE account SET scope_seq = (SELECT CAST (value AS BIGINT) FROM meta WHERE key = 'seq')"
  "  WHERE (roles & 128) != 0;",
  /* 28: SQLite's entities are now keyed by their sequence; PostgreSQL's
   * heap and TOAST already keep a case's text out of the way of the
   * feed's index scan. */
  "SELECT 1;",
  NULL,
};

static gint64
schema_version (CivicDb  *db,
                GError  **error)
{
  CivicDbStmt *stmt;
  gboolean row;
  gint64 version = -1;

  stmt = civic_db_prepare (db, "SELECT to_regclass ('meta') IS NOT NULL", error);
  if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
    return -1;
  if (!civic_db_column_int (stmt, 0))
    {
      civic_db_reset (stmt);
      return 0;
    }
  civic_db_reset (stmt);

  stmt = civic_db_prepare (db, "SELECT CAST (value AS BIGINT) FROM meta WHERE key = 'schema'",
                           error);
  if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
    return -1;
  version = row ? civic_db_column_int64 (stmt, 0) : PG_BASELINE;
  civic_db_reset (stmt);
  return version;
}

static gboolean
set_version (CivicDb  *db,
             gint64    version,
             GError  **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  CivicDbStmt *stmt = civic_db_prepare (db, "INSERT INTO meta (key, value) VALUES ('schema', ?) "
                                            "ON CONFLICT (key) "
                                            "DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, text);
  return civic_db_run (db, stmt, error);
}

/* Lists sort as SQLite sorts them, byte by byte, only in a database whose
 * collation is C (or C.UTF-8, which orders UTF-8 the same) */
static gboolean
check_collation (CivicDb  *db,
                 GError  **error)
{
  CivicDbStmt *stmt;
  gboolean row;
  g_autofree char *collation = NULL;
  g_autofree char *name = NULL;

  stmt = civic_db_prepare (db, "SELECT datcollate, datname FROM pg_database "
                               "WHERE datname = current_database ()", error);
  if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
    return FALSE;
  collation = g_strdup (row ? civic_db_column_text (stmt, 0) : "");
  name = g_strdup (row ? civic_db_column_text (stmt, 1) : "");
  civic_db_reset (stmt);

  if (g_str_equal (collation, "C") || g_str_equal (collation, "POSIX") ||
      g_ascii_strcasecmp (collation, "C.UTF-8") == 0 ||
      g_ascii_strcasecmp (collation, "C.utf8") == 0)
    return TRUE;

  g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_FAILED,
               _("The database “%s” sorts text by the locale %s; Civic Desk needs it to sort "
                 "byte by byte: create it with LOCALE 'C' and TEMPLATE template0 "
                 "(docs/deploy.md)"), name, collation);
  return FALSE;
}

/* A connection to @uri whose sorting is SQLite's, and the version of
 * the schema it holds (0 for none) */
static CivicDb *
connect_to (const char  *uri,
            gint64      *version,
            GError     **error)
{
  CivicPg *pg = civic_pg_connect (uri, error);
  g_autoptr(CivicDb) db = NULL;

  if (pg == NULL)
    return NULL;
  db = civic_db_new_for_pg (pg);
  if (!check_collation (db, error))
    return NULL;
  *version = schema_version (db, error);
  if (*version < 0)
    return NULL;
  return g_steal_pointer (&db);
}

/**
 * civic_server_db_open_pg:
 * @uri: a libpq connection string, postgresql://…
 *
 * Connects to the service's database on PostgreSQL and brings its schema
 * up to date: the baseline in an empty database, then the migrations
 * after it. Several processes may start at once: the write lock makes
 * them take turns.
 */
CivicDb *
civic_server_db_open_pg (const char  *uri,
                         GError     **error)
{
  g_autoptr(CivicDb) db = NULL;
  gint64 version;
  guint n_migrations = G_N_ELEMENTS (pg_migrations) - 1;

  /* Most opens find the schema current: a read, and no lock */
  db = connect_to (uri, &version, error);
  if (db == NULL)
    return NULL;
  if (version == PG_BASELINE + n_migrations)
    return g_steal_pointer (&db);

  if (!civic_db_begin (db, error))
    return NULL;
  version = schema_version (db, error);
  if (version < 0)
    goto fail;
  if (version > PG_BASELINE + n_migrations)
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_TOO_NEW,
                   _("The database was written by a newer version of Civic Desk (schema %" PRId64
                     "; this version knows %u)"), version,
                   PG_BASELINE + n_migrations);
      goto fail;
    }
  if (version == 0)
    {
      if (!civic_db_exec (db, baseline, error))
        {
          g_prefix_error (error, "schema: ");
          goto fail;
        }
      version = PG_BASELINE;
    }
  for (; version < PG_BASELINE + n_migrations; version++)
    {
      if (!civic_db_exec (db, pg_migrations[version - PG_BASELINE], error))
        {
          g_prefix_error (error, "migration %" G_GINT64_FORMAT ": ", version + 1);
          goto fail;
        }
    }
  if (!set_version (db, version, error) || !civic_db_commit (db, error))
    goto fail;

  return g_steal_pointer (&db);

fail:
  civic_db_rollback (db);
  return NULL;
}

/**
 * civic_server_db_open_pg_standby:
 * @uri: a read-only copy of the service's database, such as a streaming
 *   standby
 *
 * Opens it without changing anything; it must hold the schema this
 * version writes.
 */
CivicDb *
civic_server_db_open_pg_standby (const char  *uri,
                                 GError     **error)
{
  g_autoptr(CivicDb) db = NULL;
  CivicDbStmt *stmt;
  gint64 version;
  guint current = PG_BASELINE + G_N_ELEMENTS (pg_migrations) - 1;
  gboolean row, standby;

  db = connect_to (uri, &version, error);
  if (db == NULL)
    return NULL;
  if (version == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The read database holds no service: name a standby of the service’s "
                     "database"));
      return NULL;
    }
  if (version != current)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The read database holds schema %" PRId64 ", and this version of Civic Desk "
                     "writes %u: is it a standby of the service’s database?"), version, current);
      return NULL;
    }

  /* A copy that takes writes of its own (a restored backup, the database
   * before a move) would answer with what the service no longer holds */
  stmt = civic_db_prepare (db, "SELECT CAST (pg_is_in_recovery () AS INTEGER)", error);
  if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
    return NULL;
  standby = row && civic_db_column_int (stmt, 0) != 0;
  civic_db_reset (stmt);
  if (!standby)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The read database is not a standby replaying the service’s database: it "
                     "takes writes of its own"));
      return NULL;
    }
  return g_steal_pointer (&db);
}

/**
 * civic_server_db_pg_schema_version:
 *
 * Returns: the schema version this program brings a PostgreSQL database
 * to, which is SQLite's too
 */
guint
civic_server_db_pg_schema_version (void)
{
  return PG_BASELINE + G_N_ELEMENTS (pg_migrations) - 1;
}

/**
 * civic_server_db_pg_holds_service:
 * @holds: (out): whether the database holds a service: its schema, with
 *   accounts or a history (an init that failed left neither)
 *
 * Looks without creating anything.
 */
gboolean
civic_server_db_pg_holds_service (const char  *uri,
                                  gboolean    *holds,
                                  GError     **error)
{
  CivicPg *pg = civic_pg_connect (uri, error);
  g_autoptr(CivicDb) db = NULL;
  CivicDbStmt *stmt;
  gboolean row;
  gint64 version;

  *holds = FALSE;
  if (pg == NULL)
    return FALSE;
  db = civic_db_new_for_pg (pg);
  version = schema_version (db, error);
  if (version <= 0)
    return version == 0;

  stmt = civic_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM account) OR "
                               "  EXISTS (SELECT 1 FROM audit)", error);
  if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
    return FALSE;
  *holds = row && civic_db_column_int (stmt, 0);
  civic_db_reset (stmt);
  return TRUE;
}
