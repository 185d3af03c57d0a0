/* civic-outbox.c — the official's work not yet accepted by the service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-outbox"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-json.h"
#include "civic-outbox.h"
#include "civic-sqlite.h"
#include "civic-time.h"

/* Its own file, apart from the cache: a damaged cache is thrown away and
 * fetched again, and must never take pending work with it. A command is
 * written here before anything else happens to it, and leaves only when
 * the service has answered: applied (gone), or refused (moved, in one
 * transaction, to the conflicts the official resolves). A command whose
 * sending failed for a passing reason stays, with the time of its next
 * attempt. Commands go out in the order they were made. */

static const CivicSqliteMigration migrations[] = {
  { /* 1 */
    "CREATE TABLE command ("
    "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  id TEXT NOT NULL UNIQUE,"
    "  type TEXT NOT NULL,"
    "  target TEXT NOT NULL,"
    "  base_rev INTEGER,"
    "  args TEXT NOT NULL,"
    "  created_at TEXT NOT NULL,"
    "  attempts INTEGER NOT NULL DEFAULT 0,"
    "  next_attempt_at INTEGER NOT NULL DEFAULT 0,"
    "  last_error TEXT"
    ");"
    "CREATE INDEX command_by_target ON command (target, seq);"

    "CREATE TABLE conflict ("
    "  id TEXT PRIMARY KEY,"
    "  seq INTEGER NOT NULL,"
    "  type TEXT NOT NULL,"
    "  target TEXT NOT NULL,"
    "  base_rev INTEGER,"
    "  args TEXT NOT NULL,"
    "  created_at TEXT NOT NULL,"
    "  reason_code TEXT NOT NULL,"
    "  reason_message TEXT NOT NULL,"
    "  entity TEXT,"
    "  at TEXT NOT NULL"
    ");"
  },
  { /* 2: whether a command was ever handed to a request. Those written
     * before this knew are taken as offered: nothing says they were not. */
    "ALTER TABLE command ADD COLUMN offered INTEGER NOT NULL DEFAULT 1;"
  },
  { /* 3: the files commands carry (a disclosure's attachment): the bytes
     * wait here with their command, and go up before it does */
    "CREATE TABLE file ("
    "  sha256 TEXT NOT NULL,"
    "  target TEXT NOT NULL,"
    "  path TEXT NOT NULL,"
    "  media_type TEXT NOT NULL,"
    "  content BLOB NOT NULL,"
    "  uploaded INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (sha256, target)"
    ");"
  },
  { /* 4: a file belongs to the one command that carries it, and goes with
     * it: kept while it waits or is refused, moved to the command that
     * tries it again, gone when it is answered or given up. Each file of
     * version 3 goes to the attach-disclosure-file commands naming it. */
    "CREATE TABLE command_file ("
    "  command_id TEXT PRIMARY KEY,"
    "  target TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  path TEXT NOT NULL,"
    "  media_type TEXT NOT NULL,"
    "  content BLOB NOT NULL,"
    "  uploaded INTEGER NOT NULL DEFAULT 0"
    ");"
    "INSERT OR IGNORE INTO command_file "
    "  (command_id, target, sha256, path, media_type, content, uploaded) "
    "SELECT c.id, f.target, f.sha256, f.path, f.media_type, f.content, f.uploaded "
    "FROM file f JOIN (SELECT id, type, target, args FROM command "
    "                  UNION ALL SELECT id, type, target, args FROM conflict) c "
    "  ON c.type = 'attach-disclosure-file' AND c.target = f.target "
    "  AND json_extract (c.args, '$.sha256') = f.sha256;"
    "DROP TABLE file;"
  },
  { /* 5: whom a command was taken for, by a delegate (civic-delegation.h) */
    "ALTER TABLE command ADD COLUMN on_behalf_of TEXT;"
    "ALTER TABLE conflict ADD COLUMN on_behalf_of TEXT;"
  },
};

struct _CivicOutbox
{
  GObject      parent_instance;

  GMutex       lock;
  CivicSqlite *db;
  char        *acting_for;   /* stamped on each command added */
};

G_DEFINE_FINAL_TYPE (CivicOutbox, civic_outbox, G_TYPE_OBJECT)
G_DEFINE_QUARK (civic-outbox-error-quark, civic_outbox_error)

void
civic_outbox_command_free (CivicOutboxCommand *command)
{
  if (command == NULL)
    return;

  g_free (command->id);
  g_free (command->type);
  g_free (command->target);
  g_free (command->args);
  g_free (command->created_at);
  g_free (command->last_error);
  g_free (command->on_behalf_of);
  g_free (command);
}

void
civic_conflict_free (CivicConflict *conflict)
{
  if (conflict == NULL)
    return;

  civic_outbox_command_free (conflict->command);
  g_free (conflict->reason_code);
  g_free (conflict->reason_message);
  g_free (conflict->entity);
  g_free (conflict->at);
  g_free (conflict);
}

/**
 * civic_outbox_command_to_json:
 *
 * Returns: (transfer full): the command as POST /api/v1/commands takes
 * it, the same text every time it is sent: the service tells a retry from
 * a different command with the same id by it.
 */
char *
civic_outbox_command_to_json (const CivicOutboxCommand *command)
{
  g_autoptr(GString) out = g_string_new ("{\"id\":");
  g_autoptr(JsonNode) id = json_node_init_string (json_node_alloc (), command->id);
  g_autoptr(JsonNode) type = json_node_init_string (json_node_alloc (), command->type);
  g_autoptr(JsonNode) target = json_node_init_string (json_node_alloc (), command->target);
  g_autofree char *id_text = civic_json_to_string (id, FALSE);
  g_autofree char *type_text = civic_json_to_string (type, FALSE);
  g_autofree char *target_text = civic_json_to_string (target, FALSE);

  g_string_append (out, id_text);
  g_string_append (out, ",\"type\":");
  g_string_append (out, type_text);
  g_string_append (out, ",\"target\":");
  g_string_append (out, target_text);
  if (command->has_base_rev)
    g_string_append_printf (out, ",\"base_rev\":%" G_GINT64_FORMAT, command->base_rev);
  if (command->on_behalf_of != NULL)
    {
      g_autoptr(JsonNode) principal = json_node_init_string (json_node_alloc (),
                                                             command->on_behalf_of);
      g_autofree char *principal_text = civic_json_to_string (principal, FALSE);

      g_string_append (out, ",\"on_behalf_of\":");
      g_string_append (out, principal_text);
    }
  g_string_append (out, ",\"args\":");
  g_string_append (out, command->args);
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
civic_outbox_finalize (GObject *object)
{
  CivicOutbox *self = (CivicOutbox *)object;

  g_clear_object (&self->db);
  g_free (self->acting_for);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (civic_outbox_parent_class)->finalize (object);
}

static void
civic_outbox_class_init (CivicOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_outbox_finalize;
}

static void
civic_outbox_init (CivicOutbox *self)
{
  g_mutex_init (&self->lock);
}

/**
 * civic_outbox_open:
 *
 * Opens the outbox. A damaged outbox is not replaced: it holds work that
 * exists nowhere else, and the error says so.
 */
CivicOutbox *
civic_outbox_open (const char  *path,
                   GError     **error)
{
  g_autoptr(CivicOutbox) self = g_object_new (CIVIC_TYPE_OUTBOX, NULL);

  self->db = civic_sqlite_open (path, migrations, G_N_ELEMENTS (migrations), error);
  if (self->db == NULL)
    {
      g_prefix_error (error, _("The file of work waiting to be sent cannot be opened (%s): "),
                      path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * civic_outbox_set_acting_for:
 * @principal_id: (nullable): the official a delegate acts for now, or
 *   %NULL when they act as themselves
 *
 * Every command added from now on is taken for @principal_id: it keeps
 * it, and carries it to the service, whenever it is sent.
 */
void
civic_outbox_set_acting_for (CivicOutbox *self,
                             const char  *principal_id)
{
  g_return_if_fail (CIVIC_IS_OUTBOX (self));

  g_mutex_lock (&self->lock);
  g_free (self->acting_for);
  self->acting_for = g_strdup (principal_id);
  g_mutex_unlock (&self->lock);
}

char *
civic_outbox_dup_acting_for (CivicOutbox *self)
{
  char *id;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), NULL);

  g_mutex_lock (&self->lock);
  id = g_strdup (self->acting_for);
  g_mutex_unlock (&self->lock);
  return id;
}

/**
 * civic_outbox_add:
 * @base_rev: the revision of the case the official saw, or -1
 *
 * Keeps a command for sending. It is on disk when this returns.
 */
gboolean
civic_outbox_add (CivicOutbox  *self,
                  const char   *id,
                  const char   *type,
                  const char   *target,
                  gint64        base_rev,
                  JsonObject   *args,
                  GError      **error)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *args_text = NULL;
  g_autofree char *created = civic_time_format (now);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);

  if (args != NULL)
    json_node_init_object (node, args);
  else
    json_node_take_object (json_node_init (node, JSON_NODE_OBJECT), json_object_new ());
  args_text = civic_json_to_string (node, FALSE);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, "INSERT INTO command (id, type, target, base_rev, args, "
                                         "  created_at, offered, on_behalf_of) "
                                         "VALUES (?, ?, ?, ?, ?, ?, 0, ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      civic_sqlite_bind_text (stmt, 1, id);
      civic_sqlite_bind_text (stmt, 2, type);
      civic_sqlite_bind_text (stmt, 3, target);
      if (base_rev >= 0)
        sqlite3_bind_int64 (stmt, 4, base_rev);
      civic_sqlite_bind_text (stmt, 5, args_text);
      civic_sqlite_bind_text (stmt, 6, created);
      civic_sqlite_bind_text (stmt, 7, self->acting_for);
      ok = civic_sqlite_run (self->db, stmt, error);
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

#define COMMAND_COLUMNS "seq, id, type, target, base_rev, args, created_at, attempts, " \
                        "next_attempt_at, last_error, offered, on_behalf_of"

static CivicOutboxCommand *
command_from_row (sqlite3_stmt *stmt,
                  int           first)
{
  CivicOutboxCommand *command = g_new0 (CivicOutboxCommand, 1);

  command->seq = sqlite3_column_int64 (stmt, first);
  command->id = g_strdup (civic_sqlite_column_text (stmt, first + 1));
  command->type = g_strdup (civic_sqlite_column_text (stmt, first + 2));
  command->target = g_strdup (civic_sqlite_column_text (stmt, first + 3));
  command->has_base_rev = sqlite3_column_type (stmt, first + 4) != SQLITE_NULL;
  command->base_rev = sqlite3_column_int64 (stmt, first + 4);
  command->args = g_strdup (civic_sqlite_column_text (stmt, first + 5));
  command->created_at = g_strdup (civic_sqlite_column_text (stmt, first + 6));
  command->attempts = sqlite3_column_int (stmt, first + 7);
  command->next_attempt_at = sqlite3_column_int64 (stmt, first + 8);
  command->last_error = g_strdup (civic_sqlite_column_text (stmt, first + 9));
  command->offered = sqlite3_column_int (stmt, first + 10) != 0;
  command->on_behalf_of = g_strdup (civic_sqlite_column_text (stmt, first + 11));
  return command;
}

static GPtrArray *
list_where (CivicOutbox  *self,
            const char   *sql,
            const char   *text,
            gint64        number,
            guint         limit,
            GError      **error)
{
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_outbox_command_free);
  sqlite3_stmt *stmt;
  gboolean row;

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, sql, error);
  if (stmt != NULL)
    {
      if (sqlite3_bind_parameter_index (stmt, ":text") > 0)
        civic_sqlite_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":text"), text);
      if (sqlite3_bind_parameter_index (stmt, ":number") > 0)
        sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":number"), number);
      if (sqlite3_bind_parameter_index (stmt, ":limit") > 0)
        sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);

      while (civic_sqlite_step (self->db, stmt, &row, error) && row)
        g_ptr_array_add (commands, command_from_row (stmt, 0));
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);

  if (stmt == NULL || (error != NULL && *error != NULL))
    return NULL;
  return g_steal_pointer (&commands);
}

/**
 * civic_outbox_list:
 * @target: (nullable): only the commands for this case
 *
 * Returns: (transfer full) (element-type CivicOutboxCommand): the commands
 * in the order they were made.
 */
GPtrArray *
civic_outbox_list (CivicOutbox  *self,
                   const char   *target,
                   GError      **error)
{
  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), NULL);

  if (target == NULL)
    return list_where (self, "SELECT " COMMAND_COLUMNS " FROM command ORDER BY seq", NULL, 0, 0,
                       error);
  return list_where (self, "SELECT " COMMAND_COLUMNS " FROM command WHERE target = :text "
                           "ORDER BY seq", target, 0, 0, error);
}

/**
 * civic_outbox_list_due:
 * @now: wall-clock seconds
 *
 * Returns: (transfer full) (element-type CivicOutboxCommand): the first
 * @limit commands in order, up to the first one whose next attempt is
 * still to come, or which acts on a record an earlier one of the list
 * acts on: order is kept, so a deferred command holds back those after
 * it; and a command goes only once the one before it on the same record
 * is answered, so that the service checks it against what that one made
 * (civic_outbox_rebase_successors()).
 */
GPtrArray *
civic_outbox_list_due (CivicOutbox  *self,
                       gint64        now,
                       guint         limit,
                       GError      **error)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), NULL);

  all = list_where (self, "SELECT " COMMAND_COLUMNS " FROM command ORDER BY seq LIMIT :limit",
                    NULL, 0, limit, error);
  if (all == NULL)
    return NULL;

  {
    g_autoptr(GHashTable) targets = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < all->len; i++)
      {
        CivicOutboxCommand *command = g_ptr_array_index (all, i);

        if (command->next_attempt_at > now || !g_hash_table_add (targets, command->target))
          {
            g_ptr_array_set_size (all, i);
            break;
          }
      }
  }

  return g_steal_pointer (&all);
}

/**
 * civic_outbox_next_due:
 *
 * Returns: when the first command may be sent again (wall-clock seconds),
 * or 0 for now, or -1 when there is nothing to send.
 */
gint64
civic_outbox_next_due (CivicOutbox *self)
{
  sqlite3_stmt *stmt;
  gboolean row;
  gint64 due = -1;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), -1);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, "SELECT next_attempt_at FROM command ORDER BY seq LIMIT 1",
                               NULL);
  if (stmt != NULL && civic_sqlite_step (self->db, stmt, &row, NULL) && row)
    due = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_mutex_unlock (&self->lock);
  return due;
}

static guint
count (CivicOutbox *self,
       const char  *sql)
{
  sqlite3_stmt *stmt;
  gboolean row;
  guint n = 0;

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, sql, NULL);
  if (stmt != NULL && civic_sqlite_step (self->db, stmt, &row, NULL) && row)
    n = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_mutex_unlock (&self->lock);
  return n;
}

guint
civic_outbox_count (CivicOutbox *self)
{
  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), 0);
  return count (self, "SELECT count (*) FROM command");
}

guint
civic_outbox_count_conflicts (CivicOutbox *self)
{
  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), 0);
  return count (self, "SELECT count (*) FROM conflict");
}

static gboolean
run_one (CivicOutbox  *self,
         const char   *sql,
         const char   *id,
         GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      civic_sqlite_bind_text (stmt, 1, id);
      ok = civic_sqlite_run (self->db, stmt, error);
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

/* Both statements on @id, or neither */
static gboolean
run_two (CivicOutbox  *self,
         const char   *first,
         const char   *second,
         const char   *id,
         GError      **error)
{
  const char *sql[] = { first, second };
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = civic_sqlite_begin (self->db, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = civic_sqlite_prepare (self->db, sql[i], error);

      ok = stmt != NULL;
      if (ok)
        {
          civic_sqlite_bind_text (stmt, 1, id);
          ok = civic_sqlite_run (self->db, stmt, error);
        }
    }
  if (ok)
    ok = civic_sqlite_commit (self->db, error);
  else if (civic_sqlite_in_transaction (self->db))
    civic_sqlite_rollback (self->db);
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_outbox_remove:
 *
 * Forgets a command the service has applied.
 */
gboolean
civic_outbox_remove (CivicOutbox  *self,
                     const char   *id,
                     GError      **error)
{
  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);
  return run_two (self, "DELETE FROM command WHERE id = ?",
                  "DELETE FROM command_file WHERE command_id = ?", id, error);
}

/**
 * civic_outbox_mark_offered:
 * @commands: (element-type CivicOutboxCommand): a batch about to be sent
 *
 * Notes, before a request goes out, that these commands may reach the
 * service from now on: none of them can be taken back any more.
 */
gboolean
civic_outbox_mark_offered (CivicOutbox  *self,
                           GPtrArray    *commands,
                           GError      **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE command SET offered = 1 WHERE id IN (");
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);

  if (commands->len == 0)
    return TRUE;
  /* One statement, one commit: a batch costs one write to disk */
  for (guint i = 0; i < commands->len; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append_c (sql, ')');

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, sql->str, error);
  ok = stmt != NULL;
  if (ok)
    {
      for (guint i = 0; i < commands->len; i++)
        civic_sqlite_bind_text (stmt, i + 1,
                                ((CivicOutboxCommand *) g_ptr_array_index (commands, i))->id);
      ok = civic_sqlite_run (self->db, stmt, error);
    }
  g_mutex_unlock (&self->lock);

  for (guint i = 0; ok && i < commands->len; i++)
    ((CivicOutboxCommand *) g_ptr_array_index (commands, i))->offered = TRUE;
  return ok;
}

/**
 * civic_outbox_withdraw:
 *
 * Takes back a command the official made and the service cannot have:
 * never handed to a request, and the last one on its record (a later one
 * was checked against what it makes).
 *
 * Returns: (transfer full) (nullable): the command taken back, or %NULL
 *   and why not in @error (%CIVIC_OUTBOX_ERROR)
 */
CivicOutboxCommand *
civic_outbox_withdraw (CivicOutbox  *self,
                       const char   *id,
                       GError      **error)
{
  g_autoptr(GPtrArray) all = NULL;
  CivicOutboxCommand *found = NULL;
  guint found_at = 0;
  gboolean later = FALSE;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), NULL);

  all = civic_outbox_list (self, NULL, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      CivicOutboxCommand *command = g_ptr_array_index (all, i);

      if (found == NULL && g_strcmp0 (command->id, id) == 0)
        {
          found = command;
          found_at = i;
        }
      else if (found != NULL && g_strcmp0 (command->target, found->target) == 0)
        later = TRUE;
    }

  if (found == NULL)
    {
      g_set_error_literal (error, CIVIC_OUTBOX_ERROR, CIVIC_OUTBOX_ERROR_NOT_FOUND,
                           _("The action is no longer waiting: the service has it"));
      return NULL;
    }
  if (found->offered)
    {
      g_set_error_literal (error, CIVIC_OUTBOX_ERROR, CIVIC_OUTBOX_ERROR_OFFERED,
                           _("The action may already have reached the service, so it cannot "
                             "be taken back here"));
      return NULL;
    }
  if (later)
    {
      g_set_error_literal (error, CIVIC_OUTBOX_ERROR, CIVIC_OUTBOX_ERROR_NOT_LAST,
                           _("A later action on this case depends on it: take that one back "
                             "first"));
      return NULL;
    }
  /* Only if still unoffered: a push may have begun meanwhile */
  {
    sqlite3_stmt *stmt;
    gboolean ok;

    g_mutex_lock (&self->lock);
    stmt = civic_sqlite_prepare (self->db, "DELETE FROM command WHERE id = ? AND offered = 0",
                                 error);
    ok = stmt != NULL;
    if (ok)
      {
        civic_sqlite_bind_text (stmt, 1, id);
        ok = civic_sqlite_run (self->db, stmt, error);
      }
    ok = ok && sqlite3_changes (civic_sqlite_get_handle (self->db)) == 1;
    g_mutex_unlock (&self->lock);
    if (!ok)
      {
        if (error != NULL && *error == NULL)
          g_set_error_literal (error, CIVIC_OUTBOX_ERROR, CIVIC_OUTBOX_ERROR_OFFERED,
                               _("The action may already have reached the service, so it "
                                 "cannot be taken back here"));
        return NULL;
      }
  }
  /* Its file, if it carried one, is not sent either */
  run_one (self, "DELETE FROM command_file WHERE command_id = ?", id, NULL);
  return g_ptr_array_steal_index (all, found_at);
}

/**
 * civic_outbox_rebase_successors:
 * @base_rev: the revision the applied command was based on
 * @rev: the revision it made
 *
 * A command on @target was applied, and made @rev from @base_rev: the
 * commands queued after it on the same record, based on what it was
 * based on, are based on what it made — the official's own change is not
 * a colleague's. Call only when nobody else changed the record in between
 * (@rev is @base_rev + 1).
 */
gboolean
civic_outbox_rebase_successors (CivicOutbox  *self,
                                const char   *target,
                                gint64        base_rev,
                                gint64        rev,
                                GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, "UPDATE command SET base_rev = ? "
                                         "WHERE target = ? AND base_rev = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, rev);
      civic_sqlite_bind_text (stmt, 2, target);
      sqlite3_bind_int64 (stmt, 3, base_rev);
      ok = civic_sqlite_run (self->db, stmt, error);
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_outbox_defer:
 *
 * Records a failed attempt to send for a passing reason; the command
 * stays, and goes again at @next_attempt_at.
 */
gboolean
civic_outbox_defer (CivicOutbox  *self,
                    const char   *id,
                    gint64        next_attempt_at,
                    const char   *reason,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, "UPDATE command SET attempts = attempts + 1, "
                                         "  next_attempt_at = ?, last_error = ? WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, next_attempt_at);
      civic_sqlite_bind_text (stmt, 2, reason);
      civic_sqlite_bind_text (stmt, 3, id);
      ok = civic_sqlite_run (self->db, stmt, error);
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_outbox_retry_all_now:
 *
 * The official asked to sync now, or the network came back: no command
 * waits out its back-off.
 */
gboolean
civic_outbox_retry_all_now (CivicOutbox  *self,
                            GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);

  g_mutex_lock (&self->lock);
  ok = civic_sqlite_exec (self->db, "UPDATE command SET next_attempt_at = 0", error);
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_outbox_move_to_conflicts:
 * @entity: (nullable): the case as the service has it now
 *
 * Moves a command the service refused to the conflicts, in one
 * transaction: it is never dropped on the way.
 */
gboolean
civic_outbox_move_to_conflicts (CivicOutbox  *self,
                                const char   *id,
                                const char   *reason_code,
                                const char   *reason_message,
                                const char   *entity,
                                GError      **error)
{
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *at = civic_time_format (now);
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);

  g_mutex_lock (&self->lock);
  if (!civic_sqlite_begin (self->db, error))
    goto out;

  stmt = civic_sqlite_prepare (self->db,
                               "INSERT OR REPLACE INTO conflict (id, seq, type, target, base_rev,"
                               "  args, created_at, reason_code, reason_message, entity, at, "
                               "  on_behalf_of) "
                               "SELECT id, seq, type, target, base_rev, args, created_at, ?, ?, ?, ?, "
                               "  on_behalf_of FROM command WHERE id = ?", error);
  if (stmt == NULL)
    goto rollback;
  civic_sqlite_bind_text (stmt, 1, reason_code);
  civic_sqlite_bind_text (stmt, 2, reason_message);
  civic_sqlite_bind_text (stmt, 3, entity);
  civic_sqlite_bind_text (stmt, 4, at);
  civic_sqlite_bind_text (stmt, 5, id);
  if (!civic_sqlite_run (self->db, stmt, error))
    goto rollback;

  /* Tried again, its file goes up again: the service may have let an
   * upload no disclosure took go */
  stmt = civic_sqlite_prepare (self->db, "UPDATE command_file SET uploaded = 0 "
                                         "WHERE command_id = ?", error);
  if (stmt == NULL)
    goto rollback;
  civic_sqlite_bind_text (stmt, 1, id);
  if (!civic_sqlite_run (self->db, stmt, error))
    goto rollback;

  stmt = civic_sqlite_prepare (self->db, "DELETE FROM command WHERE id = ?", error);
  if (stmt == NULL)
    goto rollback;
  civic_sqlite_bind_text (stmt, 1, id);
  if (!civic_sqlite_run (self->db, stmt, error) || !civic_sqlite_commit (self->db, error))
    goto rollback;

  ok = TRUE;
  goto out;

rollback:
  civic_sqlite_rollback (self->db);
out:
  g_mutex_unlock (&self->lock);
  return ok;
}

static CivicConflict *
conflict_from_row (sqlite3_stmt *stmt)
{
  CivicConflict *conflict = g_new0 (CivicConflict, 1);

  /* seq, id, type, target, base_rev, args, created_at, then the rest */
  conflict->command = g_new0 (CivicOutboxCommand, 1);
  conflict->command->seq = sqlite3_column_int64 (stmt, 0);
  conflict->command->id = g_strdup (civic_sqlite_column_text (stmt, 1));
  conflict->command->type = g_strdup (civic_sqlite_column_text (stmt, 2));
  conflict->command->target = g_strdup (civic_sqlite_column_text (stmt, 3));
  conflict->command->has_base_rev = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
  conflict->command->base_rev = sqlite3_column_int64 (stmt, 4);
  conflict->command->args = g_strdup (civic_sqlite_column_text (stmt, 5));
  conflict->command->created_at = g_strdup (civic_sqlite_column_text (stmt, 6));
  conflict->reason_code = g_strdup (civic_sqlite_column_text (stmt, 7));
  conflict->reason_message = g_strdup (civic_sqlite_column_text (stmt, 8));
  conflict->entity = g_strdup (civic_sqlite_column_text (stmt, 9));
  conflict->at = g_strdup (civic_sqlite_column_text (stmt, 10));
  conflict->command->on_behalf_of = g_strdup (civic_sqlite_column_text (stmt, 11));
  return conflict;
}

#define CONFLICT_COLUMNS "seq, id, type, target, base_rev, args, created_at, reason_code, " \
                         "reason_message, entity, at, on_behalf_of"

/**
 * civic_outbox_list_conflicts:
 *
 * Returns: (transfer full) (element-type CivicConflict): the refused
 * commands, newest first.
 */
GPtrArray *
civic_outbox_list_conflicts (CivicOutbox  *self,
                             GError      **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_conflict_free);
  sqlite3_stmt *stmt;
  gboolean row;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), NULL);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, "SELECT " CONFLICT_COLUMNS " FROM conflict "
                                         "ORDER BY at DESC, seq DESC", error);
  while (stmt != NULL && civic_sqlite_step (self->db, stmt, &row, error) && row)
    g_ptr_array_add (conflicts, conflict_from_row (stmt));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_mutex_unlock (&self->lock);

  if (stmt == NULL || (error != NULL && *error != NULL))
    return NULL;
  return g_steal_pointer (&conflicts);
}

CivicConflict *
civic_outbox_get_conflict (CivicOutbox  *self,
                           const char   *id,
                           GError      **error)
{
  CivicConflict *conflict = NULL;
  sqlite3_stmt *stmt;
  gboolean row;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), NULL);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, "SELECT " CONFLICT_COLUMNS " FROM conflict WHERE id = ?",
                               error);
  if (stmt != NULL)
    {
      civic_sqlite_bind_text (stmt, 1, id);
      if (civic_sqlite_step (self->db, stmt, &row, error) && row)
        conflict = conflict_from_row (stmt);
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);
  return conflict;
}

/**
 * civic_outbox_discard_conflict:
 *
 * The official looked at the refusal and gives the command up.
 */
gboolean
civic_outbox_discard_conflict (CivicOutbox  *self,
                               const char   *id,
                               GError      **error)
{
  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);
  return run_two (self, "DELETE FROM conflict WHERE id = ?",
                  "DELETE FROM command_file WHERE command_id = ?", id, error);
}

/* Files */

void
civic_outbox_file_free (CivicOutboxFile *file)
{
  if (file == NULL)
    return;

  g_free (file->command_id);
  g_free (file->sha256);
  g_free (file->target);
  g_free (file->path);
  g_free (file->media_type);
  g_clear_pointer (&file->content, g_bytes_unref);
  g_free (file);
}

/**
 * civic_outbox_add_file:
 * @command_id: the command that carries it, in the outbox already
 * @path: where the service takes it, relative to its address
 *   ("/api/v1/disclosures/d-…/attachments?name=…")
 *
 * Keeps @content for the command: it goes up just before the command
 * does, and is forgotten with it (answered, taken back, given up).
 */
gboolean
civic_outbox_add_file (CivicOutbox  *self,
                       const char   *command_id,
                       const char   *target,
                       const char   *sha256,
                       const char   *path,
                       const char   *media_type,
                       GBytes       *content,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  data = g_bytes_get_data (content, &size);
  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, "INSERT OR REPLACE INTO command_file (command_id, target, "
                                         "  sha256, path, media_type, content, uploaded) "
                                         "VALUES (?, ?, ?, ?, ?, ?, 0)", error);
  ok = stmt != NULL;
  if (ok)
    {
      civic_sqlite_bind_text (stmt, 1, command_id);
      civic_sqlite_bind_text (stmt, 2, target);
      civic_sqlite_bind_text (stmt, 3, sha256);
      civic_sqlite_bind_text (stmt, 4, path);
      civic_sqlite_bind_text (stmt, 5, media_type);
      sqlite3_bind_blob64 (stmt, 6, size > 0 ? data : "", size, SQLITE_STATIC);
      ok = civic_sqlite_run (self->db, stmt, error);
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_outbox_move_file:
 *
 * The file of a refused command goes with the command that tries it
 * again, to go up again.
 */
gboolean
civic_outbox_move_file (CivicOutbox  *self,
                        const char   *from_id,
                        const char   *to_id,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, "UPDATE command_file SET command_id = ?, uploaded = 0 "
                                         "WHERE command_id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      civic_sqlite_bind_text (stmt, 1, to_id);
      civic_sqlite_bind_text (stmt, 2, from_id);
      ok = civic_sqlite_run (self->db, stmt, error);
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * civic_outbox_find_upload:
 * @commands: (element-type CivicOutboxCommand): a batch about to be sent
 * @index: (out): which of them carries it
 *
 * Returns: (transfer full) (nullable): the first file of the batch that
 * has not gone up yet; %NULL with @error unset when there is none
 */
CivicOutboxFile *
civic_outbox_find_upload (CivicOutbox  *self,
                          GPtrArray    *commands,
                          guint        *index,
                          GError      **error)
{
  CivicOutboxFile *file = NULL;
  sqlite3_stmt *stmt;
  gboolean row;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), NULL);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, "SELECT command_id, target, sha256, path, media_type, "
                                         "  content FROM command_file "
                                         "WHERE command_id = ? AND uploaded = 0", error);
  for (guint i = 0; stmt != NULL && file == NULL && i < commands->len; i++)
    {
      const CivicOutboxCommand *command = g_ptr_array_index (commands, i);

      civic_sqlite_bind_text (stmt, 1, command->id);
      if (civic_sqlite_step (self->db, stmt, &row, error) && row)
        {
          file = g_new0 (CivicOutboxFile, 1);
          file->command_id = g_strdup (civic_sqlite_column_text (stmt, 0));
          file->target = g_strdup (civic_sqlite_column_text (stmt, 1));
          file->sha256 = g_strdup (civic_sqlite_column_text (stmt, 2));
          file->path = g_strdup (civic_sqlite_column_text (stmt, 3));
          file->media_type = g_strdup (civic_sqlite_column_text (stmt, 4));
          file->content = g_bytes_new (sqlite3_column_blob (stmt, 5),
                                       sqlite3_column_bytes (stmt, 5));
          *index = i;
        }
      sqlite3_reset (stmt);
      if (error != NULL && *error != NULL)
        break;
    }
  g_mutex_unlock (&self->lock);
  return file;
}

/**
 * civic_outbox_mark_uploaded:
 *
 * Notes that the service holds the command's file: the command may go.
 */
gboolean
civic_outbox_mark_uploaded (CivicOutbox  *self,
                            const char   *command_id,
                            GError      **error)
{
  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);
  return run_one (self, "UPDATE command_file SET uploaded = 1 WHERE command_id = ?", command_id,
                  error);
}

/**
 * civic_outbox_has_file:
 *
 * Whether a file with @sha256 for @target is still held here, on its way
 * to the service with its command.
 */
gboolean
civic_outbox_has_file (CivicOutbox *self,
                       const char  *target,
                       const char  *sha256)
{
  sqlite3_stmt *stmt;
  gboolean row = FALSE;

  g_return_val_if_fail (CIVIC_IS_OUTBOX (self), FALSE);

  g_mutex_lock (&self->lock);
  stmt = civic_sqlite_prepare (self->db, "SELECT 1 FROM command_file "
                                         "WHERE target = ? AND sha256 = ?", NULL);
  if (stmt != NULL)
    {
      civic_sqlite_bind_text (stmt, 1, target);
      civic_sqlite_bind_text (stmt, 2, sha256);
      if (!civic_sqlite_step (self->db, stmt, &row, NULL))
        row = FALSE;
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);
  return row;
}
