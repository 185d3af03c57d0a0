/* civic-open311-key.c — the key an Open311 client files citizens' messages with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-open311-key"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-open311-key.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* The hall's administrators add a key for a program, which their client
 * makes and shows once (only its SHA-256 travels, so no key is in an
 * outbox, the ledger or the feed), and revoke it with a reason; the
 * service refuses a revoked key's requests from then on. Anyone else has
 * no key to see or change (civic-open311-key-records.c). */

#define NAME_MAX_CHARS 100
#define REASON_MAX 500

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

struct _CivicOpen311Key
{
  GObject   parent_instance;

  char     *id;
  gint64    rev;
  char     *name;
  CivicDay  created_on;
  CivicDay  revoked_on;
  char     *revoked_reason;
  char     *key_hash;   /* set by add, for the service only */
};

G_DEFINE_FINAL_TYPE (CivicOpen311Key, civic_open311_key, G_TYPE_OBJECT)

static void
civic_open311_key_finalize (GObject *object)
{
  CivicOpen311Key *self = CIVIC_OPEN311_KEY (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->revoked_reason);
  g_free (self->key_hash);
  G_OBJECT_CLASS (civic_open311_key_parent_class)->finalize (object);
}

static void
civic_open311_key_class_init (CivicOpen311KeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_open311_key_finalize;
}

static void
civic_open311_key_init (CivicOpen311Key *self)
{
  self->created_on = CIVIC_DAY_INVALID;
  self->revoked_on = CIVIC_DAY_INVALID;
}

CivicOpen311Key *
civic_open311_key_new (const char *id)
{
  CivicOpen311Key *self = g_object_new (CIVIC_TYPE_OPEN311_KEY, NULL);

  self->id = g_strdup (id);
  return self;
}

static CivicOpen311Key *
copy (CivicOpen311Key *self)
{
  CivicOpen311Key *next = civic_open311_key_new (self->id);

  next->rev = self->rev;
  civic_open311_key_set_fields (next, self->name, self->created_on, self->revoked_on,
                                self->revoked_reason);
  return next;
}

void
civic_open311_key_set_fields (CivicOpen311Key *self,
                              const char      *name,
                              CivicDay         created_on,
                              CivicDay         revoked_on,
                              const char      *revoked_reason)
{
  char *new_name = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
  char *new_reason = revoked_reason != NULL && *revoked_reason != '\0'
                     ? g_strdup (revoked_reason) : NULL;

  g_return_if_fail (CIVIC_IS_OPEN311_KEY (self));

  g_free (self->name);
  self->name = new_name;
  self->created_on = created_on;
  self->revoked_on = revoked_on;
  g_free (self->revoked_reason);
  self->revoked_reason = new_reason;
}

/* 64 lowercase hexadecimal digits: a SHA-256 as the service stores it */
gboolean
civic_open311_key_hash_is_valid (const char *hash)
{
  if (hash == NULL || strlen (hash) != 64)
    return FALSE;
  for (const char *c = hash; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'f'))
      return FALSE;
  return TRUE;
}

JsonNode *
civic_open311_key_to_json (CivicOpen311Key *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (CIVIC_IS_OPEN311_KEY (self), NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_int (builder, "rev", self->rev);
  civic_json_set_string (builder, "name", self->name);
  civic_json_set_day (builder, "created_on", self->created_on);
  civic_json_set_bool (builder, "revoked", self->revoked_on != CIVIC_DAY_INVALID);
  civic_json_set_day (builder, "revoked_on", self->revoked_on);
  civic_json_set_string (builder, "revoked_reason", self->revoked_reason);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

CivicOpen311Key *
civic_open311_key_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(CivicOpen311Key) self = NULL;
  const char *id, *name = NULL, *reason = NULL;
  CivicDay created_on = CIVIC_DAY_INVALID, revoked_on = CIVIC_DAY_INVALID;
  gint64 rev = 0;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("An Open311 key is a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", TRUE, &id, error) ||
      !civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &rev, error) ||
      !civic_json_get_string (object, "name", FALSE, &name, error) ||
      !civic_json_get_day (object, "created_on", FALSE, &created_on, error) ||
      !civic_json_get_day (object, "revoked_on", FALSE, &revoked_on, error) ||
      !civic_json_get_string (object, "revoked_reason", FALSE, &reason, error))
    return NULL;
  self = civic_open311_key_new (id);
  self->rev = rev;
  civic_open311_key_set_fields (self, name, created_on, revoked_on, reason);
  return g_steal_pointer (&self);
}

const char *
civic_open311_key_get_id (CivicOpen311Key *self)
{
  g_return_val_if_fail (CIVIC_IS_OPEN311_KEY (self), NULL);
  return self->id;
}

gint64
civic_open311_key_get_rev (CivicOpen311Key *self)
{
  g_return_val_if_fail (CIVIC_IS_OPEN311_KEY (self), 0);
  return self->rev;
}

void
civic_open311_key_set_rev (CivicOpen311Key *self,
                           gint64           rev)
{
  g_return_if_fail (CIVIC_IS_OPEN311_KEY (self));
  self->rev = rev;
}

const char *
civic_open311_key_get_name (CivicOpen311Key *self)
{
  g_return_val_if_fail (CIVIC_IS_OPEN311_KEY (self), NULL);
  return self->name;
}

CivicDay
civic_open311_key_get_created_on (CivicOpen311Key *self)
{
  g_return_val_if_fail (CIVIC_IS_OPEN311_KEY (self), CIVIC_DAY_INVALID);
  return self->created_on;
}

gboolean
civic_open311_key_get_revoked (CivicOpen311Key *self)
{
  g_return_val_if_fail (CIVIC_IS_OPEN311_KEY (self), FALSE);
  return self->revoked_on != CIVIC_DAY_INVALID;
}

CivicDay
civic_open311_key_get_revoked_on (CivicOpen311Key *self)
{
  g_return_val_if_fail (CIVIC_IS_OPEN311_KEY (self), CIVIC_DAY_INVALID);
  return self->revoked_on;
}

const char *
civic_open311_key_get_revoked_reason (CivicOpen311Key *self)
{
  g_return_val_if_fail (CIVIC_IS_OPEN311_KEY (self), NULL);
  return self->revoked_reason;
}

const char *
civic_open311_key_get_key_hash (CivicOpen311Key *self)
{
  g_return_val_if_fail (CIVIC_IS_OPEN311_KEY (self), NULL);
  return self->key_hash;
}

/* The kind */

static const CivicArgument add_arguments[] = {
  { .name = "name", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE,
    .title = N_("For _Whom") },
  { .name = "key_hash", .kind = CIVIC_ARGUMENT_KEY, .required = TRUE, .title = N_("_Key"),
    .description = N_("Shown once: give it to whoever runs the program") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument revoke_arguments[] = {
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Reason"),
    .description = N_("The program’s requests are refused from now on") },
  CIVIC_ARGUMENTS_END
};

CIVIC_DEFINE_KIND_ACTION_NICKS (CIVIC_TYPE_OPEN311_KEY_ACTION)

static const char *
kind_action_label (guint action)
{
  return action == CIVIC_OPEN311_KEY_ACTION_ADD ? _("Add Key") : _("Revoke Key");
}

static const char *
kind_past_tense (const char *name)
{
  guint action;

  if (name == NULL || !kind_action_from_string (name, &action))
    return NULL;
  return action == CIVIC_OPEN311_KEY_ACTION_ADD ? _("Added the key") : _("Revoked the key");
}

static const CivicArgument *
kind_arguments (guint action)
{
  return action == CIVIC_OPEN311_KEY_ACTION_ADD ? add_arguments : revoke_arguments;
}

static CivicActionWeight
kind_weight (guint action)
{
  return action == CIVIC_OPEN311_KEY_ACTION_REVOKE ? CIVIC_WEIGHT_DESTRUCTIVE
                                                   : CIVIC_WEIGHT_ROUTINE;
}

static gboolean
kind_safe_when_stale (guint action)
{
  return FALSE;
}

static GObject *
kind_from_json (JsonNode  *node,
                GError   **error)
{
  return G_OBJECT (civic_open311_key_new_from_json (node, error));
}

static const char *
kind_get_id (GObject *record)
{
  return civic_open311_key_get_id (CIVIC_OPEN311_KEY (record));
}

static gint64
kind_get_rev (GObject *record)
{
  return civic_open311_key_get_rev (CIVIC_OPEN311_KEY (record));
}

static void
kind_set_rev (GObject *record,
              gint64   rev)
{
  civic_open311_key_set_rev (CIVIC_OPEN311_KEY (record), rev);
}

static char *
kind_label (GObject *record)
{
  CivicOpen311Key *self = CIVIC_OPEN311_KEY (record);

  return g_strdup (self->name != NULL ? self->name : _("A new key"));
}

static char *
kind_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u key.", "For %u keys.", n_records), n_records);
}

static char *
kind_describe (GObject *record)
{
  CivicOpen311Key *self = CIVIC_OPEN311_KEY (record);

  if (self->revoked_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *revoked = civic_day_format (self->revoked_on);

      /* Translators: "Revoked on 2026-03-20: 合同到期" */
      return g_strdup_printf (_("Revoked on %s: %s"), revoked,
                              self->revoked_reason ? self->revoked_reason : "");
    }
  if (self->created_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *created = civic_day_format (self->created_on);

      /* Translators: a key in use since a day */
      return g_strdup_printf (_("In use since %s"), created);
    }
  return g_strdup (_("In use"));
}

static char *
kind_to_feed_json (GObject       *record,
                   CivicCalendar *calendar,
                   CivicDay       today)
{
  g_autoptr(JsonNode) node = civic_open311_key_to_json (CIVIC_OPEN311_KEY (record));

  return civic_json_to_string (node, FALSE);
}

static gboolean
kind_check (GObject                    *record,
            guint                       action,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  CivicOpen311Key *self;

  g_return_val_if_fail (CIVIC_IS_OPEN311_KEY (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  self = CIVIC_OPEN311_KEY (record);
  if (action >= CIVIC_N_OPEN311_KEY_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
  if (!civic_actor_has_role (context->actor, CIVIC_ROLE_ADMIN))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Open311 keys are run by the hall’s administrators"));
  if (action == CIVIC_OPEN311_KEY_ACTION_ADD)
    return self->rev == 0 ? TRUE
                          : refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("This key exists already"));
  if (self->rev == 0 && self->name == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such key"));
  if (self->revoked_on != CIVIC_DAY_INVALID)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The key is revoked already"));
  return TRUE;
}

static GArray *
kind_list_actions (GObject                    *record,
                   const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint action = CIVIC_OPEN311_KEY_ACTION_REVOKE;

  if (kind_check (record, action, context, NULL))
    g_array_append_val (actions, action);
  return actions;
}

static GObject *
kind_apply (GObject                    *record,
            guint                       action,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_autoptr(CivicOpen311Key) next = NULL;
  g_autoptr(JsonObject) empty = NULL;
  CivicDay today = civic_time_day_of (context->now);
  const char *text, *hash;

  if (!kind_check (record, action, context, error))
    return NULL;
  if (args == NULL)
    args = empty = json_object_new ();
  next = copy (CIVIC_OPEN311_KEY (record));
  if (action == CIVIC_OPEN311_KEY_ACTION_ADD)
    {
      if (!civic_workflow_arg_text (args, "name", TRUE, NAME_MAX_CHARS, &text, error) ||
          !civic_workflow_arg_text (args, "key_hash", TRUE, 64, &hash, error))
        return NULL;
      if (!civic_open311_key_hash_is_valid (hash))
        {
          refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                  _("A key travels as its SHA-256: 64 hexadecimal digits"));
          return NULL;
        }
      civic_open311_key_set_fields (next, text, today, CIVIC_DAY_INVALID, NULL);
      next->key_hash = g_strdup (hash);
      return G_OBJECT (g_steal_pointer (&next));
    }
  if (!civic_workflow_arg_text (args, "reason", TRUE, REASON_MAX, &text, error))
    return NULL;
  civic_open311_key_set_fields (next, next->name, next->created_on, today, text);
  return G_OBJECT (g_steal_pointer (&next));
}

static gboolean
kind_creates (guint action)
{
  return action == CIVIC_OPEN311_KEY_ACTION_ADD;
}

static GObject *
kind_create (const char                 *id,
             guint                       action,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  gboolean valid = id != NULL && g_str_has_prefix (id, "k-") && strlen (id) <= 64;

  for (const char *c = id != NULL ? id + 2 : ""; valid && *c != '\0'; c++)
    valid = g_ascii_isalnum (*c) || *c == '-';
  if (action != CIVIC_OPEN311_KEY_ACTION_ADD || !valid)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("A key’s id starts with “k-”, then up to 62 letters, digits and dashes"));
      return NULL;
    }
  return G_OBJECT (civic_open311_key_new (id));
}

const CivicEntityKind civic_open311_key_kind = {
  .type = CIVIC_ENTITY_OPEN311_KEY,
  .collection = "open311-keys",
  .record_type = civic_open311_key_get_type,
  .n_actions = CIVIC_N_OPEN311_KEY_ACTIONS,
  .action_from_string = kind_action_from_string,
  .action_to_string = kind_action_to_string,
  .action_label = kind_action_label,
  .past_tense = kind_past_tense,
  .arguments = kind_arguments,
  .weight = kind_weight,
  .safe_when_stale = kind_safe_when_stale,
  .from_json = kind_from_json,
  .get_id = kind_get_id,
  .get_rev = kind_get_rev,
  .set_rev = kind_set_rev,
  .label = kind_label,
  .headline = kind_label,
  .headline_n = kind_headline_n,
  .describe = kind_describe,
  .now_title = N_("The key now"),
  .open_label = N_("_Open Key"),
  .not_cached = N_("The key is not in the offline copy"),
  .to_feed_json = kind_to_feed_json,
  .check = kind_check,
  .list_actions = kind_list_actions,
  .apply = kind_apply,
  .creates = kind_creates,
  .create = kind_create,
};
