/* civic-commands.c — applying commands: idempotent, checked, audited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-commands"

#include "config.h"

#include <inttypes.h>

#include "civic-i18n.h"
#include <sodium.h>

#include "civic-accounts.h"
#include "civic-audit.h"
#include "civic-commands.h"
#include "civic-delegation.h"
#include "civic-disclosure-records.h"
#include "civic-evaluation-kind.h"
#include "civic-message-kind.h"
#include "civic-message-records.h"
#include "civic-document.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-keyring.h"
#include "civic-policy.h"
#include "civic-records.h"
#include "civic-server-db.h"
#include "civic-template.h"
#include "civic-time.h"

/* A command is an official's action with an id the client made. Each one
 * runs in its own transaction: look the id up in the ledger (a known id
 * answers with the stored answer and changes nothing; a known id with a
 * different body is refused), load the record its type acts on, check
 * where the official sits (the kind's store, civic-records.h) and what the
 * law allows (the kind's rules, civic-entity.h), write the new record, the
 * audit entry and the answer, commit. Every kind goes this one way. A rejection is an
 * answer too, kept in the ledger, so a retried command gets it again.
 * Only an internal failure (the database) is not kept: that one may be
 * retried. */

G_DEFINE_QUARK (civic-commands-error-quark, civic_commands_error)

/**
 * civic_command_new:
 * @args: (nullable): the arguments
 *
 * A command the service makes itself (the scheduler's), of a type a kind
 * has.
 *
 * Returns: (transfer full): the command, its canonical form its id
 */
CivicCommand *
civic_command_new (const char *id,
                   const char *type,
                   const char *target,
                   JsonObject *args)
{
  CivicCommand *command = g_new0 (CivicCommand, 1);

  command->kind = civic_entity_kind_for_command (type, &command->action);
  g_return_val_if_fail (command->kind != NULL, (civic_command_free (command), NULL));
  command->id = g_strdup (id);
  command->type = g_strdup (type);
  command->target = g_strdup (target);
  command->args = args ? json_object_ref (args) : json_object_new ();
  command->canonical = g_strdup (id);
  command->as_sent = g_strdup (id);
  return command;
}

void
civic_command_free (CivicCommand *command)
{
  if (command == NULL)
    return;

  g_free (command->id);
  g_free (command->type);
  g_free (command->target);
  g_clear_pointer (&command->args, json_object_unref);
  g_free (command->on_behalf_of);
  g_free (command->canonical);
  g_free (command->as_sent);
  g_free (command);
}

static gboolean
is_uuid_like (const char *id)
{
  /* Client-made ids: a UUID, or any other id of 8–64 safe characters. */
  gsize length = strlen (id);

  if (length < 8 || length > 64)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static gboolean
invalid (GError     **error,
         guint        index,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         guint        index,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "command 2: “type” is missing" */
  g_set_error (error, CIVIC_COMMANDS_ERROR, CIVIC_COMMANDS_ERROR_INVALID, _("command %u: %s"),
               index + 1, message);
  return FALSE;
}

/**
 * civic_commands_parse:
 * @body: the request body, {"commands": [...]}
 *
 * Checks the shape of every command before any runs: a batch with one
 * malformed command is refused whole, and nothing is written.
 *
 * Returns: (transfer full) (element-type CivicCommand): the commands.
 */
GPtrArray *
civic_commands_parse (JsonNode  *body,
                      GError   **error)
{
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_command_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  guint n;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body) ||
      !civic_json_get_array (json_node_get_object (body), "commands", TRUE, &array, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CIVIC_COMMANDS_ERROR, CIVIC_COMMANDS_ERROR_INVALID,
                     _("Expected an object with a list of “commands”"));
      else if (error != NULL)
        (*error)->domain = CIVIC_COMMANDS_ERROR, (*error)->code = CIVIC_COMMANDS_ERROR_INVALID;
      return NULL;
    }

  n = json_array_get_length (array);
  if (n == 0 || n > CIVIC_COMMANDS_MAX_BATCH)
    {
      g_set_error (error, CIVIC_COMMANDS_ERROR, CIVIC_COMMANDS_ERROR_INVALID,
                   _("A batch holds from 1 to %d commands"), CIVIC_COMMANDS_MAX_BATCH);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(CivicCommand) command = g_new0 (CivicCommand, 1);
      g_autoptr(GError) local_error = NULL;
      JsonObject *object, *args;
      const char *id, *type, *target, *on_behalf_of = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          invalid (error, i, _("a command must be an object"));
          return NULL;
        }
      object = json_node_get_object (node);

      if (!civic_json_get_text (object, "id", TRUE, &id, &local_error) ||
          !civic_json_get_text (object, "type", TRUE, &type, &local_error) ||
          !civic_json_get_text (object, "target", TRUE, &target, &local_error) ||
          !civic_json_get_object (object, "args", FALSE, &args, &local_error) ||
          !civic_json_get_text (object, "on_behalf_of", FALSE, &on_behalf_of, &local_error) ||
          !civic_json_get_int (object, "base_rev", FALSE, 0, G_MAXINT64, &command->base_rev,
                               &local_error))
        {
          invalid (error, i, "%s", local_error->message);
          return NULL;
        }

      if (!is_uuid_like (id))
        {
          invalid (error, i, _("“%s” is not a usable command id: use a UUID"), id);
          return NULL;
        }
      if (!g_hash_table_add (ids, (gpointer) id))
        {
          invalid (error, i, _("the id “%s” appears twice in the batch"), id);
          return NULL;
        }
      command->kind = civic_entity_kind_for_command (type, &command->action);
      if (command->kind == NULL)
        {
          invalid (error, i, _("unknown command type “%s”"), type);
          return NULL;
        }

      if (on_behalf_of != NULL && strlen (on_behalf_of) > 64)
        {
          invalid (error, i, _("“on_behalf_of” is not an official’s id"));
          return NULL;
        }

      command->id = g_strdup (id);
      command->type = g_strdup (type);
      command->target = g_strdup (target);
      command->on_behalf_of = g_strdup (on_behalf_of);
      command->has_base_rev = json_object_has_member (object, "base_rev") &&
                              !json_object_get_null_member (object, "base_rev");
      command->args = args ? json_object_ref (args) : json_object_new ();

      /* The same command retried has the same body, but for the revision
       * it is based on; json-glib writes members in the order they came. */
      command->as_sent = civic_json_to_string (node, FALSE);
      {
        g_autoptr(JsonNode) bare = json_node_copy (node);

        json_object_remove_member (json_node_get_object (bare), "base_rev");
        command->canonical = civic_json_to_string (bare, FALSE);
      }

      g_ptr_array_add (commands, g_steal_pointer (&command));
    }

  return g_steal_pointer (&commands);
}

static void
append_reason (GString    *out,
               const char *code,
               const char *message)
{
  g_string_append (out, ",\"reason\":{\"code\":");
  civic_json_append_string (out, code);
  g_string_append (out, ",\"message\":");
  civic_json_append_string (out, message);
  g_string_append_c (out, '}');
}

/* The entity as it is now; a failure to read it fails the command, so an
 * answer without its entity is never kept in the ledger. */
static gboolean
append_entity (GString      *out,
               CivicDb      *db,
               const char   *type,
               const char   *id,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, type, id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Gone (a template reverted): the feed tells every client so */
  if (row == NULL || row->deleted)
    return TRUE;

  g_string_append_printf (out, ",\"entity\":{\"type\":");
  civic_json_append_string (out, type);
  g_string_append (out, ",\"id\":");
  civic_json_append_string (out, id);
  g_string_append_printf (out, ",\"rev\":%" G_GINT64_FORMAT ",\"seq\":%" G_GINT64_FORMAT
                          ",\"data\":%s}", row->rev, row->seq, row->data);
  return TRUE;
}

/* @db: (nullable): to add the target as it is now */
static char *
answer (CivicCommand  *command,
        const char    *status,
        const char    *code,
        const char    *message,
        CivicDb       *db,
        gint64         seq,
        GError       **error)
{
  g_autoptr(GString) out = g_string_new ("{\"id\":");

  civic_json_append_string (out, command->id);
  g_string_append (out, ",\"status\":");
  civic_json_append_string (out, status);
  if (code != NULL)
    append_reason (out, code, message);
  if (seq > 0)
    g_string_append_printf (out, ",\"seq\":%" G_GINT64_FORMAT, seq);
  if (db != NULL && !append_entity (out, db, command->kind->type, command->target, error))
    return NULL;
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
workflow_code (const GError *error)
{
  if (error->domain == CIVIC_POLICY_ERROR)
    return error->code == CIVIC_POLICY_ERROR_NOT_FOUND ? "not-found" : "forbidden";

  if (error->domain == CIVIC_DOCUMENT_ERROR || error->domain == CIVIC_TEMPLATE_ERROR)
    return "document";

  if (error->domain != CIVIC_WORKFLOW_ERROR)
    return "rule";

  switch (error->code)
    {
    case CIVIC_WORKFLOW_ERROR_STATE: return "state";
    case CIVIC_WORKFLOW_ERROR_ROLE: return "role";
    case CIVIC_WORKFLOW_ERROR_ARGUMENT: return "argument";
    case CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION: return "unknown";
    case CIVIC_WORKFLOW_ERROR_CLASH: return "clash";
    case CIVIC_WORKFLOW_ERROR_RULE:
    default:
      return "rule";
    }
}

/* The ledger keeps a hash of each command's body, to tell a retry from
 * another command under the same id. Keyed: a plain SHA-256 of a body
 * whose every other part can be read elsewhere would give away, by
 * guessing, the one name in it (a hearing's requester). */
static char *
body_hash (CivicDb     *db,
           const char  *body)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *message = g_strconcat ("civicdesk-ledger\n", body, NULL);
  guint8 mac[crypto_auth_hmacsha256_BYTES];
  char hex[sizeof mac * 2 + 1];

  g_assert (keyring != NULL);
  crypto_auth_hmacsha256 (mac, (const guint8 *) message, strlen (message),
                          civic_keyring_get_audit_key (keyring));
  return g_strdup (sodium_bin2hex (hex, sizeof hex, mac, sizeof mac));
}

/* What a first version's ledger held in the clear: the plain hashes, and
 * the cases of its answers as the feed then showed them (a hearing's
 * parties unmasked). A retry of one of those commands still gets its
 * answer, without the case; the client has the case from the feed. In
 * the caller's transaction, once, as the keys are made. */
gboolean
civic_commands_forget_legacy (CivicDb      *db,
                              GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id, response FROM command", error);
  if (stmt == NULL)
    return FALSE;
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      GStrv pair = g_new0 (char *, 3);

      pair[0] = g_strdup (civic_db_column_text (stmt, 0));
      pair[1] = g_strdup (civic_db_column_text (stmt, 1));
      g_ptr_array_add (rows, pair);
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      GStrv pair = g_ptr_array_index (rows, i);
      g_autoptr(JsonNode) response = civic_json_parse (pair[1], -1, NULL);
      g_autofree char *text = NULL;

      if (response != NULL && JSON_NODE_HOLDS_OBJECT (response))
        {
          g_autoptr(JsonObject) copy = json_object_new ();
          JsonObjectIter iter;
          const char *member;
          JsonNode *value;
          JsonNode *node;

          json_object_iter_init (&iter, json_node_get_object (response));
          while (json_object_iter_next (&iter, &member, &value))
            if (!g_str_equal (member, "entity"))
              json_object_set_member (copy, member, json_node_copy (value));
          node = json_node_init_object (json_node_alloc (), copy);
          text = civic_json_to_string (node, FALSE);
          json_node_unref (node);
        }
      else
        text = g_strdup ("{}");

      stmt = civic_db_prepare (db, "UPDATE command SET body_hash = 'legacy', response = ? "
                                   "WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, text);
      civic_db_bind_text (stmt, 2, pair[0]);
      if (!civic_db_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

typedef enum
{
  LEDGER_NEW,      /* not seen before */
  LEDGER_REPLAY,   /* this official's, with the same body: the stored answer */
  LEDGER_REUSED,   /* this official's, with another body */
  LEDGER_TAKEN,    /* another official's */
} LedgerMatch;

/* Looks the command up in the ledger. An id belongs to the account that
 * first sent it: anyone else who sends it — a colleague who saw it, the
 * supervisor — is refused without the stored answer, which holds a case
 * they may not see, and is not told it was applied. */
static LedgerMatch
ledger_lookup (CivicDb       *db,
               CivicCommand  *command,
               const char    *hash,
               const char    *sent_hash,
               CivicActor    *actor,
               char         **response,
               GError       **error)
{
  LedgerMatch match = LEDGER_NEW;
  CivicDbStmt *stmt;
  gboolean row;

  *response = NULL;
  stmt = civic_db_prepare (db, "SELECT account_id, body_hash, response FROM command "
                               "WHERE id = ?", error);
  if (stmt == NULL || (civic_db_bind_text (stmt, 1, command->id),
                       !civic_db_step (db, stmt, &row, error)))
    return LEDGER_NEW;

  if (row && g_strcmp0 (civic_db_column_text (stmt, 0), actor->id) != 0)
    match = LEDGER_TAKEN;
  else if (row && g_strcmp0 (civic_db_column_text (stmt, 1), hash) != 0 &&
           g_strcmp0 (civic_db_column_text (stmt, 1), sent_hash) != 0 &&
           g_strcmp0 (civic_db_column_text (stmt, 1), "legacy") != 0)
    match = LEDGER_REUSED;
  else if (row)
    {
      match = LEDGER_REPLAY;
      *response = g_strdup (civic_db_column_text (stmt, 2));
    }
  civic_db_reset (stmt);
  return match;
}

static gboolean
ledger_store (CivicDb       *db,
              CivicCommand  *command,
              const char    *hash,
              CivicActor    *actor,
              const char    *response,
              GDateTime     *now,
              GError       **error)
{
  g_autofree char *at = civic_time_format (now);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO command (id, account_id, body_hash, response, at, "
                               "  on_behalf_of) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  civic_db_bind_text (stmt, 1, command->id);
  civic_db_bind_text (stmt, 2, actor->id);
  civic_db_bind_text (stmt, 3, hash);
  civic_db_bind_text (stmt, 4, response);
  civic_db_bind_text (stmt, 5, at);
  civic_db_bind_text (stmt, 6, command->on_behalf_of);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  return civic_accounts_mark_write (db, actor->id, error);
}

static char *
audit_detail (CivicCommand *command,
              const char   *status,
              const char   *code,
              gint64        rev)
{
  g_autoptr(GString) out = g_string_new ("{\"command\":");

  /* No arguments: they can hold what an official wrote about a person. */
  civic_json_append_string (out, command->id);
  g_string_append (out, ",\"status\":");
  civic_json_append_string (out, status);
  if (command->on_behalf_of != NULL)
    {
      g_string_append (out, ",\"on_behalf_of\":");
      civic_json_append_string (out, command->on_behalf_of);
    }
  if (code != NULL)
    {
      g_string_append (out, ",\"reason\":");
      civic_json_append_string (out, code);
    }
  if (rev > 0)
    g_string_append_printf (out, ",\"rev\":%" G_GINT64_FORMAT, rev);
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whom the rules see when the sender acts for another official: the
 * principal, in the roles of a window in force at the service's time
 * (civic-delegation.h); %NULL with @refusal when there is none, or with
 * @error when the database failed */
static CivicActor *
acting_for (CivicCommandEnv  *env,
            CivicActor       *sender,
            const char       *principal_id,
            GDateTime        *now,
            GError          **refusal,
            GError          **error)
{
  g_autoptr(CivicAccount) account = civic_accounts_find_by_id (env->db, principal_id, error);
  g_autoptr(CivicActor) principal = NULL;
  g_autoptr(CivicDelegation) window = NULL;
  CivicDay today = civic_time_day_of (now);
  gboolean in_force = FALSE;

  if (account == NULL && error != NULL && *error != NULL)
    return NULL;
  if (account != NULL)
    window = civic_accounts_find_delegation (env->db, principal_id, sender->id, today, &in_force,
                                             error);
  if (error != NULL && *error != NULL)
    return NULL;

  if (window == NULL)
    {
      g_set_error (refusal, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("You do not act for “%s”: no delegation names you"), principal_id);
      return NULL;
    }
  if (account->disabled)
    {
      g_set_error (refusal, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("The account of %s is disabled: nobody acts for it"), account->name);
      return NULL;
    }
  if (!in_force && window->starts_on > today)
    {
      g_autofree char *first = civic_day_format (window->starts_on);

      /* Translators: "You act for 张三 from 2026-12-07, not before" */
      g_set_error (refusal, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("You act for %s from %s, not before"), account->name, first);
      return NULL;
    }
  if (!in_force)
    {
      g_autofree char *last = civic_day_format (civic_delegation_last_day (window));

      /* Translators: "The delegation to act for 张三 ended on 2026-12-18" */
      g_set_error (refusal, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("The delegation to act for %s ended on %s"), account->name, last);
      return NULL;
    }

  principal = civic_account_to_actor (account);
  return civic_actor_new_acting_for (sender, principal, window->roles);
}

/* Runs inside the command's transaction; returns the answer, or NULL and
 * @error for an internal failure that must roll back. */
static char *
apply (CivicCommandEnv  *env,
       CivicActor       *sender,
       CivicCommand     *command,
       const char       *hash,
       GDateTime        *now,
       GError          **error)
{
  const CivicEntityKind *kind = command->kind;
  const CivicRecordStore *store = civic_records_lookup (kind->type);
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) next = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *response = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(CivicDisclosurePolicy) disclosure_policy = NULL;
  g_autoptr(CivicMessageClocks) message_clocks = NULL;
  g_autoptr(GError) clocks_error = NULL;
  g_autoptr(CivicActor) acting = NULL;
  CivicActor *actor = sender;
  CivicWorkflowContext context;
  const char *code = NULL;
  gint64 seq = 0;

  g_assert (store != NULL);
  if (command->on_behalf_of != NULL)
    {
      actor = acting = acting_for (env, sender, command->on_behalf_of, now, &refusal, error);
      if (acting == NULL && refusal == NULL)
        return NULL;
      if (acting == NULL)
        {
          code = "delegation";
          actor = sender;
        }
    }

  record = store->load (env->db, command->target, error);
  if (record == NULL && error != NULL && *error != NULL)
    return NULL;

  /* What the rules depend on besides the record: the actor's organ's
   * policies ride along */
  disclosure_policy = civic_disclosure_records_load_policy (env->db, actor->department_id, error);
  if (disclosure_policy == NULL)
    return NULL;
  if (kind == &civic_message_kind || kind == &civic_evaluation_kind)
    {
      message_clocks = civic_message_records_load_clocks (env->db, &clocks_error);
      if (clocks_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&clocks_error));
          return NULL;
        }
    }
  civic_workflow_context_init (&context, env->calendar, now, actor);
  context.command_id = command->id;
  context.lookup_official = civic_accounts_lookup_official;
  context.lookup_data = env->db;
  context.disclosure_policy = disclosure_policy;
  context.message_clocks = message_clocks;

  /* A command that makes its record acts on a blank one under its target
   * (a draft written offline is born in the outbox) */
  if (refusal != NULL)
    ;
  else if (record == NULL && kind->creates != NULL && kind->creates (command->action))
    record = kind->create (command->target, command->action, &context, &refusal);
  else if (record == NULL)
    g_set_error_literal (&refusal, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                         _(store->not_found));
  if (record != NULL && refusal == NULL)
    store->check_actor (actor, record, command->action, &refusal);

  if (refusal == NULL && command->has_base_rev &&
      command->base_rev != kind->get_rev (record) &&
      !kind->safe_when_stale (command->action))
    {
      code = "stale";
      g_set_error (&refusal, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE, _(store->stale),
                   kind->get_rev (record), command->base_rev);
    }

  if (refusal == NULL)
    next = kind->apply (record, command->action, command->args, &context, &refusal);

  /* What only the service adds: a refusal of its own (a document that
   * cannot be made) refuses the command; a failure of the database is
   * internal and rolls back */
  if (refusal == NULL && store->finish != NULL)
    {
      /* In a savepoint of its own: a refusal keeps nothing it wrote (a
       * number, a stored document), and the command's refusal is still
       * recorded */
      if (!civic_db_exec (env->db, "SAVEPOINT finish", error))
        return NULL;
      if (store->finish (env->db, next, command->action, command->id, env->calendar, now,
                         env->public_url, &refusal))
        {
          if (!civic_db_exec (env->db, "RELEASE finish", error))
            return NULL;
        }
      else if (refusal->domain != CIVIC_DOCUMENT_ERROR && refusal->domain != CIVIC_TEMPLATE_ERROR &&
               refusal->domain != CIVIC_WORKFLOW_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&refusal));
          return NULL;
        }
      else if (!civic_db_exec (env->db, "ROLLBACK TO finish; RELEASE finish", error))
        return NULL;
    }

  if (refusal != NULL)
    {
      /* Refused as the sender (the delegation is over), they are told
       * nothing of the record */
      gboolean visible = record != NULL && (command->on_behalf_of == NULL || acting != NULL) &&
                         !g_error_matches (refusal, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND);

      if (code == NULL)
        code = workflow_code (refusal);
      response = answer (command, "rejected", code, refusal->message,
                         visible ? env->db : NULL, 0, error);
      if (response == NULL)
        return NULL;
      detail = audit_detail (command, "rejected", code, 0);
    }
  else
    {
      kind->set_rev (next, kind->get_rev (record) + 1);
      seq = store->save (env->db, next, env->calendar, civic_time_day_of (now), error);
      if (seq == 0)
        return NULL;
      response = answer (command, "applied", NULL, NULL, env->db, seq, error);
      if (response == NULL)
        return NULL;
      detail = audit_detail (command, "applied", NULL, kind->get_rev (next));
    }

  /* The ledger and the audit log name who sent it; the detail, whom for */
  if (!civic_audit_append (env->db, now, sender->id, command->type, command->target, detail,
                           env->address, error) ||
      !ledger_store (env->db, command, hash, sender, response, now, error))
    return NULL;

  return g_steal_pointer (&response);
}

/* The command in the caller's transaction: its stored answer when it
 * was taken before, else applied; %NULL with @error when the database
 * failed */
static char *
execute_in_transaction (CivicCommandEnv  *env,
                        CivicActor       *actor,
                        CivicCommand     *command,
                        GDateTime        *now,
                        gboolean         *replayed,
                        GError          **error)
{
  g_autofree char *hash = body_hash (env->db, command->canonical);
  g_autofree char *sent_hash = body_hash (env->db, command->as_sent);
  char *response = NULL;
  LedgerMatch match;

  *replayed = TRUE;
  match = ledger_lookup (env->db, command, hash, sent_hash, actor, &response, error);
  if (error != NULL && *error != NULL)
    return NULL;

  switch (match)
    {
    case LEDGER_REPLAY:
      return response;
    case LEDGER_REUSED:
      return answer (command, "error", "id-reused",
                     _("This command id was already used for a different command"), NULL, 0,
                     NULL);
    case LEDGER_TAKEN:
      return answer (command, "error", "id-taken",
                     _("This command id belongs to another official’s command; make a new one"),
                     NULL, 0, NULL);
    case LEDGER_NEW:
    default:
      break;
    }

  *replayed = FALSE;
  return apply (env, actor, command, hash, now, error);
}

/**
 * civic_commands_execute_one:
 *
 * Returns: (transfer full): the answer, as JSON text.
 */
char *
civic_commands_execute_one (CivicCommandEnv *env,
                            CivicActor      *actor,
                            CivicCommand    *command)
{
  g_autoptr(GDateTime) now = env->now ? g_date_time_ref (env->now) : civic_time_now ();
  g_autoptr(GError) error = NULL;
  gboolean replayed;
  char *response;

  if (!civic_db_begin (env->db, &error))
    goto internal;

  response = execute_in_transaction (env, actor, command, now, &replayed, &error);
  if (response != NULL && replayed)
    {
      civic_db_rollback (env->db);
      return response;
    }
  if (response == NULL || !civic_db_commit (env->db, &error))
    {
      g_free (response);
      goto internal;
    }

  return response;

internal:
  civic_db_rollback (env->db);
  g_warning ("command %s failed: %s", command->id, error ? error->message : "?");
  return answer (command, "error", "internal",
                 _("The service could not store the command; send it again"), NULL, 0, NULL);
}

/**
 * civic_commands_execute:
 *
 * Returns: (transfer full): {"results": [...]}, one answer per command in
 * the order given.
 */
char *
civic_commands_execute (CivicCommandEnv *env,
                        CivicActor      *actor,
                        GPtrArray       *commands)
{
  g_autoptr(GString) out = g_string_new ("{\"results\":[");

  for (guint i = 0; i < commands->len; i++)
    {
      g_autofree char *response = civic_commands_execute_one (env, actor,
                                                              g_ptr_array_index (commands, i));

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, response);
    }

  g_string_append (out, "]}");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What a command of the service's came to: the record after it, or why
 * it was refused */
static JsonObject *
service_result (CivicCommand  *command,
                const char    *response,
                char         **refusal,
                GError       **error)
{
  g_autoptr(JsonNode) answer = civic_json_parse (response, -1, error);
  JsonObject *result, *entity, *data;
  const char *status;

  *refusal = NULL;
  if (answer == NULL)
    return NULL;
  result = json_node_get_object (answer);
  status = json_object_get_string_member_with_default (result, "status", "error");
  if (!g_str_equal (status, "applied"))
    {
      JsonObject *reason = civic_json_lookup_object (result, "reason");
      const char *message = reason != NULL
                            ? json_object_get_string_member_with_default (reason, "message",
                                                                          status)
                            : status;

      if (g_str_equal (status, "rejected"))
        *refusal = g_strdup (message);
      else
        g_set_error_literal (error, CIVIC_COMMANDS_ERROR, CIVIC_COMMANDS_ERROR_INVALID, message);
      return NULL;
    }
  entity = civic_json_lookup_object (result, "entity");
  data = entity != NULL ? civic_json_lookup_object (entity, "data") : NULL;
  if (data == NULL)
    {
      g_set_error_literal (error, CIVIC_COMMANDS_ERROR, CIVIC_COMMANDS_ERROR_INVALID,
                           "the command was applied without a record");
      return NULL;
    }
  return json_object_ref (data);
}

/**
 * civic_commands_run_as_service:
 * @id: the command's id: the same id again is answered as the first time
 * @target: what it acts on; a new record's id for a command that makes it
 * @args: (nullable): its arguments
 * @refusal: (out) (transfer full): why the rules refused it, in words for
 *   whoever sent what it came from
 *
 * Runs one command as the service itself, for what comes in without an
 * official: a citizen's form, an Open311 client, the hall's mailbox.
 *
 * Returns: (transfer full) (nullable): the record as it stands after the
 * command, or %NULL with @refusal set when the rules refused it, or with
 * @error when the service failed
 */
JsonObject *
civic_commands_run_as_service (CivicCommandEnv  *env,
                               const char       *id,
                               const char       *type,
                               const char       *target,
                               JsonObject       *args,
                               char            **refusal,
                               GError          **error)
{
  g_autoptr(CivicActor) service = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                   CIVIC_ROLE_SYSTEM);
  g_autoptr(CivicCommand) command = civic_command_new (id, type, target, args);
  g_autofree char *response = civic_commands_execute_one (env, service, command);

  return service_result (command, response, refusal, error);
}

/**
 * civic_commands_run_nested:
 *
 * As civic_commands_run_as_service(), inside the caller's transaction:
 * a command of the service's that another command's finish takes (a
 * licence granted drafts its publication), applied or refused with it,
 * and replayed when its id was taken before.
 */
JsonObject *
civic_commands_run_nested (CivicCommandEnv  *env,
                           const char       *id,
                           const char       *type,
                           const char       *target,
                           JsonObject       *args,
                           char            **refusal,
                           GError          **error)
{
  g_autoptr(CivicActor) service = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                   CIVIC_ROLE_SYSTEM);
  g_autoptr(CivicCommand) command = civic_command_new (id, type, target, args);
  g_autoptr(GDateTime) now = env->now ? g_date_time_ref (env->now) : civic_time_now ();
  g_autofree char *response = NULL;
  gboolean replayed;

  g_return_val_if_fail (civic_db_in_transaction (env->db), NULL);

  response = execute_in_transaction (env, service, command, now, &replayed, error);
  if (response == NULL)
    return NULL;
  return service_result (command, response, refusal, error);
}

/**
 * civic_commands_derived_id:
 * @seed: what the command is for, whole: a kind of command and the id of
 *   what it comes from
 *
 * Returns: (transfer full): an id derived from @seed, shaped as a
 * name-based UUID (version 5, RFC 4122 variant): the same @seed gives the
 * same id, so a command of the service's sent again for the same thing
 * is a replay
 */
char *
civic_commands_derived_id (const char *seed)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);

  return g_strdup_printf ("%.8s-%.4s-5%.3s-%c%.3s-%.12s", hash, hash + 8, hash + 13,
                          "89ab"[g_ascii_xdigit_value (hash[16]) & 3], hash + 17, hash + 20);
}
