/* civic-pg.c — CivicDb's PostgreSQL backend, over libpq
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-pg"

#include "config.h"

#include <libpq-fe.h>
#include <stdlib.h>

#include "civic-i18n.h"

#include "civic-db-private.h"

/* One libpq connection, used by one thread at a time like an SQLite one.
 *
 * A statement is prepared on the server once per connection, under a name
 * of its own, the first time it runs; SQLite's parameters (? and ?N)
 * become $N. Values go as text, blobs as binary; results come back as
 * text and are read row by row from the whole result, which libpq holds
 * (the service's queries are pages and single records, never a table).
 *
 * Write transactions take one advisory lock for the transaction's length
 * (WRITE_LOCK): writers, of this process or another, take turns as they
 * do on SQLite with BEGIN IMMEDIATE. So every rule that reads and then
 * writes (a revision check, a document number, the feed's next sequence,
 * the audit chain's head) holds across processes without a second
 * thought, and the feed commits in the order of its sequence: a reader
 * that has seen n never misses a smaller one committed later. */

#define WRITE_LOCK "7220917001"   /* pg_advisory_xact_lock's key: "CIVIC" */
#define BYTEA_OID 17
#define TEXT_OID 25

struct _CivicPg
{
  PGconn   *conn;
  guint     next_name;
  guint     generation;   /* of the server's session: a reconnection forgets statements */
  gboolean  in_transaction;
  gint64    changes;
};

struct _CivicPgStmt
{
  CivicPg        *pg;
  char           *name;       /* NULL until prepared on the server */
  guint           generation; /* the session it was prepared in */
  gboolean        once;
  Oid            *types;      /* what PostgreSQL could not tell by itself */
  char           *sql;        /* with $N */
  int             n_params;
  char          **values;
  int            *lengths;
  int            *formats;
  PGresult       *result;
  int             row;        /* the current row, -1 before the first step */
  int             blob_column;
  unsigned char  *blob;       /* the current row's bytea column, unescaped */
  size_t          blob_size;
};

static gboolean
set_error (PGconn      *conn,
           PGresult    *result,
           GError     **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (conn);
  CivicSqliteError code = CIVIC_SQLITE_ERROR_FAILED;
  g_autofree char *text = g_strstrip (g_strdup (message != NULL ? message : ""));

  if (state != NULL)
    {
      if (g_str_has_prefix (state, "23"))           /* integrity constraint violation */
        code = CIVIC_SQLITE_ERROR_CONSTRAINT;
      else if (g_str_equal (state, "40001") ||       /* serialization failure */
               g_str_equal (state, "40P01") ||       /* deadlock */
               g_str_equal (state, "55P03"))         /* lock not available */
        code = CIVIC_SQLITE_ERROR_BUSY;
      else if (g_str_equal (state, "57014"))         /* query cancelled */
        code = CIVIC_SQLITE_ERROR_CANCELLED;
      else if (g_str_equal (state, "XX001") || g_str_equal (state, "XX002"))
        code = CIVIC_SQLITE_ERROR_CORRUPT;
    }

  g_set_error (error, CIVIC_SQLITE_ERROR, code, "%s", *text != '\0' ? text : "PostgreSQL");
  return FALSE;
}

static void
notice_cb (void       *data,
           const char *message)
{
  /* "relation already exists, skipping" and the like: not for the log */
}

/* Dates and text as the SQLite side writes them; statements that wait
 * on a lock give up after a minute rather than hang a request */
static gboolean
set_up_session (PGconn  *conn,
                GError **error)
{
  PGresult *result = PQexec (conn, "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; "
                                   "SET lock_timeout = '60s'; "
                                   "SET standard_conforming_strings = on");
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK;

  if (!ok)
    set_error (conn, result, error);
  PQclear (result);
  return ok;
}

/**
 * civic_pg_connect:
 * @conninfo: a libpq connection string or URI (postgresql://…)
 */
CivicPg *
civic_pg_connect (const char  *conninfo,
                  GError     **error)
{
  PGconn *conn = PQconnectdb (conninfo);
  CivicPg *pg;

  if (PQstatus (conn) != CONNECTION_OK)
    {
      set_error (conn, NULL, error);
      g_prefix_error (error, _("Cannot connect to PostgreSQL: "));
      PQfinish (conn);
      return NULL;
    }

  PQsetNoticeProcessor (conn, notice_cb, NULL);
  if (!set_up_session (conn, error))
    {
      PQfinish (conn);
      return NULL;
    }

  pg = g_new0 (CivicPg, 1);
  pg->conn = conn;
  return pg;
}

static gboolean
reconnect (CivicPg  *pg,
           GError  **error)
{
  PQreset (pg->conn);
  pg->generation++;
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      set_error (pg->conn, NULL, error);
      g_prefix_error (error, _("Cannot connect to PostgreSQL: "));
      return FALSE;
    }
  return set_up_session (pg->conn, error);
}

/* A connection the server closed (PostgreSQL restarted, a failover, the
 * network) is made again before the next statement outside a
 * transaction; the statements prepared in the old session are prepared
 * again as they are next run. A transaction the connection was lost in
 * is lost with it: its caller fails, and a command is sent again by its
 * client, which the database's record of commands makes safe. */
static gboolean
ensure_connected (CivicPg  *pg,
                  GError  **error)
{
  if (PQstatus (pg->conn) == CONNECTION_OK)
    return TRUE;

  if (pg->in_transaction)
    {
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_FAILED,
                   _("The connection to PostgreSQL was lost during the transaction"));
      return FALSE;
    }
  return reconnect (pg, error);
}

void
civic_pg_free (CivicPg *pg)
{
  if (pg == NULL)
    return;
  PQfinish (pg->conn);
  g_free (pg);
}

/* Whether @result failed for the connection rather than the statement:
 * libpq says so by the connection's state, or by a result without a
 * SQLSTATE (one made on this side, "server closed the connection"), or
 * the server by class 08 (connection exception) or 57P (shutting down) */
static gboolean
connection_lost (CivicPg  *pg,
                 PGresult *result)
{
  const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);

  if (PQstatus (pg->conn) == CONNECTION_BAD || state == NULL ||
      g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    {
      /* Made again, whatever libpq thought of it */
      if (!pg->in_transaction)
        reconnect (pg, NULL);
      return TRUE;
    }
  return FALSE;
}

gboolean
civic_pg_exec (CivicPg     *pg,
               const char  *sql,
               GError     **error)
{
  PGresult *result;
  ExecStatusType status;
  gboolean ok;

  if (!ensure_connected (pg, error))
    return FALSE;
  result = PQexec (pg->conn, sql);
  status = PQresultStatus (result);
  /* A transaction's BEGIN on a connection the server closed since (see
   * execute()) is sent again on a new one: nothing was done yet */
  if (status == PGRES_FATAL_ERROR && !pg->in_transaction &&
      g_ascii_strncasecmp (sql, "BEGIN", 5) == 0 && connection_lost (pg, result) &&
      PQstatus (pg->conn) == CONNECTION_OK)
    {
      PQclear (result);
      result = PQexec (pg->conn, sql);
      status = PQresultStatus (result);
    }
  ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  if (!ok)
    set_error (pg->conn, result, error);
  PQclear (result);
  return ok;
}

/* SQLite's ? and ?N as PostgreSQL's $N; a bare ? is one more than the
 * highest number so far, as SQLite counts. Quoted text and identifiers
 * are left alone. */
static char *
rewrite_parameters (const char *sql,
                    int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int highest = 0;
  char quote = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          g_string_append_c (out, *p);
          if (*p == quote)
            quote = 0;
          continue;
        }
      if (*p == '\'' || *p == '"')
        {
          quote = *p;
          g_string_append_c (out, *p);
          continue;
        }
      if (*p != '?')
        {
          g_string_append_c (out, *p);
          continue;
        }

      if (g_ascii_isdigit (p[1]))
        {
          char *end;
          int n = (int) strtol (p + 1, &end, 10);

          highest = MAX (highest, n);
          g_string_append_printf (out, "$%d", n);
          p = end - 1;
        }
      else
        {
          g_string_append_printf (out, "$%d", ++highest);
        }
    }

  *n_params = highest;
  return g_string_free (out, FALSE);
}

CivicPgStmt *
civic_pg_prepare (CivicPg     *pg,
                  const char  *sql,
                  gboolean     once,
                  GError     **error)
{
  CivicPgStmt *stmt = g_new0 (CivicPgStmt, 1);

  stmt->pg = pg;
  stmt->once = once;
  stmt->sql = rewrite_parameters (sql, &stmt->n_params);
  stmt->types = g_new0 (Oid, MAX (stmt->n_params, 1));
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->lengths = g_new0 (int, MAX (stmt->n_params, 1));
  stmt->formats = g_new0 (int, MAX (stmt->n_params, 1));
  stmt->row = -1;
  stmt->blob_column = -1;
  return stmt;
}

static void
clear_values (CivicPgStmt *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    {
      g_clear_pointer (&stmt->values[i], g_free);
      stmt->lengths[i] = 0;
      stmt->formats[i] = 0;
    }
}

static void
clear_result (CivicPgStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  g_clear_pointer (&stmt->blob, PQfreemem);
  stmt->blob_column = -1;
  stmt->row = -1;
}

/* The statement's values stay bound after a reset, as SQLite's do, until
 * the next prepare clears them. */
void
civic_pg_stmt_reset (CivicPgStmt *stmt)
{
  clear_result (stmt);
}

void
civic_pg_stmt_free (CivicPgStmt *stmt)
{
  if (stmt == NULL)
    return;
  /* A one-off goes from the server with it (not the unnamed statement:
   * the next simple query, a savepoint's, would take that away early) */
  if (stmt->once && stmt->name != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", stmt->name);

      civic_pg_exec (stmt->pg, sql, NULL);
    }
  clear_result (stmt);
  clear_values (stmt);
  g_free (stmt->types);
  g_free (stmt->values);
  g_free (stmt->lengths);
  g_free (stmt->formats);
  g_free (stmt->name);
  g_free (stmt->sql);
  g_free (stmt);
}

void
civic_pg_stmt_clear_bindings (CivicPgStmt *stmt)
{
  clear_values (stmt);
}

/**
 * civic_pg_bind:
 * @value: (transfer full) (nullable): the value's text, or its bytes when
 *   @binary; %NULL for SQL NULL
 */
void
civic_pg_bind (CivicPgStmt *stmt,
               int          index,
               char        *value,
               gsize        size,
               gboolean     binary)
{
  /* One SQL text may serve several cases, some without the last
   * parameters: SQLite ignores a value bound past them, and so does this */
  if (index < 1 || index > stmt->n_params)
    {
      g_free (value);
      return;
    }

  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = value;
  stmt->lengths[index - 1] = (int) size;
  stmt->formats[index - 1] = binary ? 1 : 0;
}

/* SQLite's parameters have no type; PostgreSQL infers each from where it
 * stands, and gives up on one that stands alone ("? IS NULL OR col = ?"
 * fails at the first). Such a parameter is text, as SQLite would have
 * taken it: the error names it ($n, in whatever language the server
 * speaks), and it is declared so. */
static gboolean
declare_parameter (CivicPgStmt *stmt,
                   PGresult    *result)
{
  const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  const char *message = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  const char *dollar;
  int n;

  /* indeterminate_datatype, ambiguous_parameter */
  if ((g_strcmp0 (state, "42P18") != 0 && g_strcmp0 (state, "42P08") != 0) || message == NULL)
    return FALSE;

  dollar = strchr (message, '$');
  if (dollar == NULL || !g_ascii_isdigit (dollar[1]))
    return FALSE;
  n = (int) strtol (dollar + 1, NULL, 10);
  if (n < 1 || n > stmt->n_params || stmt->types[n - 1] != 0)
    return FALSE;

  stmt->types[n - 1] = TEXT_OID;
  return TRUE;
}

static gboolean
prepare_on_server (CivicPg      *pg,
                   CivicPgStmt  *stmt,
                   GError      **error)
{
  g_autofree char *name = g_strdup_printf ("civic_%u", ++pg->next_name);
  /* A failed PREPARE would fail the transaction it is in: a savepoint
   * keeps it (once per statement and connection) */
  gboolean keep = PQtransactionStatus (pg->conn) == PQTRANS_INTRANS;
  gboolean may_reconnect = !pg->in_transaction;

  if (keep && !civic_pg_exec (pg, "SAVEPOINT civic_prepare", error))
    return FALSE;

  for (;;)
    {
      PGresult *result = PQprepare (pg->conn, name, stmt->sql, stmt->n_params, stmt->types);
      gboolean retry;

      if (PQresultStatus (result) == PGRES_COMMAND_OK)
        {
          PQclear (result);
          break;
        }

      /* Preparing does nothing: on a connection the server closed since
       * (see execute()), outside a transaction, it is tried again on a
       * new one */
      if (may_reconnect && connection_lost (pg, result))
        {
          may_reconnect = FALSE;
          retry = PQstatus (pg->conn) == CONNECTION_OK;
        }
      else
        retry = declare_parameter (stmt, result);
      if (!retry)
        {
          set_error (pg->conn, result, error);
          g_prefix_error (error, "%s: ", stmt->sql);
        }
      PQclear (result);
      if (keep)
        civic_pg_exec (pg, "ROLLBACK TO SAVEPOINT civic_prepare", NULL);
      if (!retry)
        return FALSE;
    }

  if (keep && !civic_pg_exec (pg, "RELEASE SAVEPOINT civic_prepare", error))
    return FALSE;
  stmt->name = g_steal_pointer (&name);
  stmt->generation = pg->generation;
  return TRUE;
}

static PGresult *
execute (CivicPg      *pg,
         CivicPgStmt  *stmt,
         GError      **error)
{
  PGresult *result;
  ExecStatusType status;

  if (!ensure_connected (pg, error))
    return NULL;
  if (stmt->name != NULL && stmt->generation != pg->generation)
    g_clear_pointer (&stmt->name, g_free);
  if (stmt->name == NULL && !prepare_on_server (pg, stmt, error))
    return NULL;

  result = PQexecPrepared (pg->conn, stmt->name, stmt->n_params,
                           (const char * const *) stmt->values, stmt->lengths, stmt->formats, 0);

  /* The server went away (a restart, a failover) since the last
   * statement: a read outside a transaction is asked again, once, on a
   * new connection, so that one lost connection is not one failed
   * request per pool thread. A write is not: it may have been done. */
  if (PQresultStatus (result) == PGRES_FATAL_ERROR && connection_lost (pg, result) &&
      !pg->in_transaction && g_ascii_strncasecmp (stmt->sql, "SELECT ", 7) == 0)
    {
      PQclear (result);
      if (!ensure_connected (pg, error))
        return NULL;
      g_clear_pointer (&stmt->name, g_free);
      if (!prepare_on_server (pg, stmt, error))
        return NULL;
      result = PQexecPrepared (pg->conn, stmt->name, stmt->n_params,
                               (const char * const *) stmt->values, stmt->lengths,
                               stmt->formats, 0);
    }

  status = PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_error (pg->conn, result, error);
      PQclear (result);
      return NULL;
    }

  pg->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  return result;
}

gboolean
civic_pg_step (CivicPg      *pg,
               CivicPgStmt  *stmt,
               gboolean     *row,
               GError      **error)
{
  *row = FALSE;

  if (stmt->result == NULL)
    {
      stmt->result = execute (pg, stmt, error);
      if (stmt->result == NULL)
        return FALSE;
    }

  g_clear_pointer (&stmt->blob, PQfreemem);
  stmt->blob_column = -1;
  if (stmt->row < PQntuples (stmt->result))
    stmt->row++;
  *row = stmt->row < PQntuples (stmt->result);
  return TRUE;
}

gboolean
civic_pg_run (CivicPg      *pg,
              CivicPgStmt  *stmt,
              GError      **error)
{
  PGresult *result;

  clear_result (stmt);
  result = execute (pg, stmt, error);
  if (result == NULL)
    return FALSE;
  PQclear (result);
  return TRUE;
}

/**
 * civic_pg_column:
 * @size: (out) (optional): the value's length in bytes
 *
 * Returns: (nullable): the current row's value as text, or the bytes of a
 * bytea column; %NULL for SQL NULL or no row.
 */
const char *
civic_pg_column (CivicPgStmt *stmt,
                 int          column,
                 gsize       *size)
{
  PGresult *result = stmt->result;

  if (size != NULL)
    *size = 0;
  if (result == NULL || stmt->row < 0 || stmt->row >= PQntuples (result) ||
      column < 0 || column >= PQnfields (result) || PQgetisnull (result, stmt->row, column))
    return NULL;

  if (PQftype (result, column) == BYTEA_OID)
    {
      if (stmt->blob_column != column)
        {
          g_clear_pointer (&stmt->blob, PQfreemem);
          stmt->blob = PQunescapeBytea ((const unsigned char *) PQgetvalue (result, stmt->row,
                                                                            column),
                                        &stmt->blob_size);
          stmt->blob_column = column;
        }
      if (size != NULL)
        *size = stmt->blob_size;
      return (const char *) stmt->blob;
    }

  if (size != NULL)
    *size = (gsize) PQgetlength (result, stmt->row, column);
  return PQgetvalue (result, stmt->row, column);
}

/* A statement's columns are known once it has run */
int
civic_pg_column_count (CivicPgStmt *stmt)
{
  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

const char *
civic_pg_column_name (CivicPgStmt *stmt,
                      int          column)
{
  return stmt->result != NULL ? PQfname (stmt->result, column) : NULL;
}

gboolean
civic_pg_column_is_bytea (CivicPgStmt *stmt,
                          int          column)
{
  return stmt->result != NULL && PQftype (stmt->result, column) == BYTEA_OID;
}

gint64
civic_pg_changes (CivicPg *pg)
{
  return pg->changes;
}

gboolean
civic_pg_begin (CivicPg   *pg,
                gboolean   read_only,
                GError   **error)
{
  if (!civic_pg_exec (pg, read_only ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                                     : "BEGIN", error))
    return FALSE;
  pg->in_transaction = TRUE;
  if (!read_only && !civic_pg_exec (pg, "SELECT pg_advisory_xact_lock (" WRITE_LOCK ")", error))
    {
      civic_pg_rollback (pg);
      return FALSE;
    }
  return TRUE;
}

gboolean
civic_pg_commit (CivicPg  *pg,
                 GError  **error)
{
  gboolean ok;

  /* COMMIT of a failed transaction "succeeds" as a ROLLBACK: say so */
  if (PQtransactionStatus (pg->conn) == PQTRANS_INERROR)
    {
      civic_pg_rollback (pg);
      g_set_error (error, CIVIC_SQLITE_ERROR, CIVIC_SQLITE_ERROR_FAILED,
                   _("The transaction was rolled back after an error"));
      return FALSE;
    }
  ok = civic_pg_exec (pg, "COMMIT", error);
  pg->in_transaction = FALSE;
  return ok;
}

void
civic_pg_rollback (CivicPg *pg)
{
  PGTransactionStatusType status = PQtransactionStatus (pg->conn);

  pg->in_transaction = FALSE;
  if (PQstatus (pg->conn) == CONNECTION_OK && status != PQTRANS_IDLE)
    civic_pg_exec (pg, "ROLLBACK", NULL);
}

gboolean
civic_pg_in_transaction (CivicPg *pg)
{
  PGTransactionStatusType status = PQtransactionStatus (pg->conn);

  return pg->in_transaction || status == PQTRANS_INTRANS || status == PQTRANS_INERROR ||
         status == PQTRANS_ACTIVE;
}

gboolean
civic_pg_has_column (CivicPg    *pg,
                     const char *table,
                     const char *column)
{
  const char *values[2] = { table, column };
  PGresult *result = PQexecParams (pg->conn,
                                   "SELECT 1 FROM information_schema.columns "
                                   "WHERE table_schema = current_schema () "
                                   "  AND table_name = $1 AND column_name = $2",
                                   2, NULL, values, NULL, NULL, 0);
  gboolean found = PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0;

  PQclear (result);
  return found;
}
