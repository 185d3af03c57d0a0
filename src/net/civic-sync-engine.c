/* civic-sync-engine.c — pull, push, and the official's work in between
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sync-engine"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-json-scan.h"
#include "civic-json.h"
#include "civic-net-enums.h"
#include "civic-attachment.h"
#include "civic-sync-engine.h"
#include "civic-time.h"

/* The protocol, from the client's side (docs/architecture.md has the
 * picture):
 *
 * - An official's action is checked by the same workflow the service
 *   runs, written to the outbox, and its effect shown at once: the case's
 *   local version (the service's, with every pending command applied on
 *   top) replaces the service's in the inbox, marked pending.
 * - A sync pushes first: the outbox in order, in batches, each command
 *   with its id, so a retry never applies twice. Applied: the service's
 *   version comes back and the rest is put on top of it again. Refused: the
 *   command moves to the conflicts with the service's reason and the case
 *   as it is, and the local version is made again without it. A passing
 *   failure leaves the command queued with a later time to try.
 * - Then it pulls: pages of the change feed from the cursor, each stored
 *   with the cursor in one transaction. A case with pending commands gets
 *   them put back on top of its new version. 410: start again from 0; the
 *   outbox stays.
 *
 * One cycle runs at a time; a request while one runs gets the next one.
 * Database work runs on a worker thread; the main loop only schedules. */

#define PUSH_BATCH 50
#define PAGE_SIZE 1000
#define MAX_BACKOFF_SECONDS 300
#define DEBOUNCE_MS 300

typedef struct _Fetch Fetch;

struct _CivicSyncEngine
{
  GObject          parent_instance;

  CivicApiClient  *client;
  CivicCache      *cache;
  CivicOutbox     *outbox;
  CivicCalendar   *calendar;

  /* What the UI binds to */
  CivicSyncState   state;
  double           progress;
  guint            pending;
  guint            conflicts;
  GDateTime       *last_success;
  char            *error_message;
  gboolean         needs_sign_in;
  guint            interval;

  /* Triggers */
  gboolean         started;
  guint            interval_source;
  guint            debounce_source;
  guint            retry_source;
  GNetworkMonitor *monitor;
  gulong           network_handler;
  GCancellable    *cancellable;

  /* The cycle */
  gboolean         running;
  GPtrArray       *waiting;     /* GTask: for the next cycle */
  GPtrArray       *current;     /* GTask: for this one */

  /* The pull */
  guint            pull_generation;
  Fetch           *ahead;       /* the next page, asked for or come */
  gboolean         storing;     /* a page is being stored on the worker */

  /* Local versions are made one at a time, from actions and rebases */
  GMutex           rebase_lock;
};

G_DEFINE_FINAL_TYPE (CivicSyncEngine, civic_sync_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PROGRESS,
  PROP_PENDING,
  PROP_CONFLICTS,
  PROP_LAST_SUCCESS,
  PROP_ERROR_MESSAGE,
  PROP_NEEDS_SIGN_IN,
  PROP_INTERVAL,
  N_PROPS
};

enum {
  CASES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void cycle_begin (CivicSyncEngine *self);
static gboolean retry_due_cb (gpointer user_data);

/* Properties */

static void
set_state (CivicSyncEngine *self,
           CivicSyncState   state,
           const char      *message)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  if (g_strcmp0 (self->error_message, message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
}

static void
set_progress (CivicSyncEngine *self,
              double           progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  /* Small steps are not worth a notification, but the ends always are:
   * a bar left at 99.9 % says the sync never finished. */
  if (self->progress == progress ||
      (G_APPROX_VALUE (self->progress, progress, 0.001) && progress != 0.0 && progress != 1.0))
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
update_counts (CivicSyncEngine *self)
{
  guint pending = civic_outbox_count (self->outbox);
  guint conflicts = civic_outbox_count_conflicts (self->outbox);

  if (pending != self->pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (conflicts != self->conflicts)
    {
      self->conflicts = conflicts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
    }
}

static void
reload_calendar (CivicSyncEngine *self)
{
  g_autoptr(GError) error = NULL;
  CivicCalendar *calendar = civic_cache_load_calendar (self->cache, &error);

  if (calendar == NULL)
    {
      g_warning ("The calendar in the offline copy cannot be read: %s", error->message);
      return;
    }

  g_set_object (&self->calendar, calendar);
  g_object_unref (calendar);
}

static void
civic_sync_engine_dispose (GObject *object)
{
  CivicSyncEngine *self = (CivicSyncEngine *)object;

  civic_sync_engine_stop (self);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (civic_sync_engine_parent_class)->dispose (object);
}

static void
civic_sync_engine_finalize (GObject *object)
{
  CivicSyncEngine *self = (CivicSyncEngine *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->cache);
  g_clear_object (&self->outbox);
  g_clear_object (&self->calendar);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->last_success, g_date_time_unref);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_pointer (&self->current, g_ptr_array_unref);
  g_free (self->error_message);
  g_mutex_clear (&self->rebase_lock);

  G_OBJECT_CLASS (civic_sync_engine_parent_class)->finalize (object);
}

static void
civic_sync_engine_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CivicSyncEngine *self = CIVIC_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    case PROP_CONFLICTS:
      g_value_set_uint (value, self->conflicts);
      break;
    case PROP_LAST_SUCCESS:
      g_value_set_boxed (value, self->last_success);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_NEEDS_SIGN_IN:
      g_value_set_boolean (value, self->needs_sign_in);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_sync_engine_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CivicSyncEngine *self = CIVIC_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      civic_sync_engine_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_sync_engine_class_init (CivicSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_sync_engine_dispose;
  object_class->finalize = civic_sync_engine_finalize;
  object_class->get_property = civic_sync_engine_get_property;
  object_class->set_property = civic_sync_engine_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CIVIC_TYPE_SYNC_STATE, CIVIC_SYNC_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] =
    g_param_spec_uint ("conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SUCCESS] =
    g_param_spec_boxed ("last-success", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_SIGN_IN] =
    g_param_spec_boolean ("needs-sign-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, 24 * 3600, 120,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CivicSyncEngine::cases-changed:
   *
   * Cases in the offline copy changed: pages came in, commands were
   * answered, an action was taken.
   */
  signals[CASES_CHANGED] =
    g_signal_new ("cases-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
civic_sync_engine_init (CivicSyncEngine *self)
{
  self->interval = 120;
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->rebase_lock);
}

/**
 * civic_sync_engine_new:
 *
 * The engine for a signed-in official: @client has their token, @cache
 * and @outbox are theirs. Local versions left over from a run that ended
 * abruptly are made again from the outbox before anything else.
 */
CivicSyncEngine *
civic_sync_engine_new (CivicApiClient *client,
                       CivicCache     *cache,
                       CivicOutbox    *outbox)
{
  g_autoptr(GError) error = NULL;
  CivicSyncEngine *self;

  g_return_val_if_fail (CIVIC_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (CIVIC_IS_CACHE (cache), NULL);
  g_return_val_if_fail (CIVIC_IS_OUTBOX (outbox), NULL);

  self = g_object_new (CIVIC_TYPE_SYNC_ENGINE, NULL);
  self->client = g_object_ref (client);
  self->cache = g_object_ref (cache);
  self->outbox = g_object_ref (outbox);

  reload_calendar (self);
  if (!civic_sync_engine_rebase_all (self, &error))
    g_warning ("Cannot show pending work on top of the offline copy: %s", error->message);
  update_counts (self);

  return self;
}

CivicApiClient *
civic_sync_engine_get_client (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  return self->client;
}

CivicCache *
civic_sync_engine_get_cache (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  return self->cache;
}

CivicOutbox *
civic_sync_engine_get_outbox (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  return self->outbox;
}

CivicCalendar *
civic_sync_engine_get_calendar (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  return self->calendar;
}

CivicSyncState
civic_sync_engine_get_state (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), 0);
  return self->state;
}

double
civic_sync_engine_get_progress (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), 0);
  return self->progress;
}

guint
civic_sync_engine_get_pending (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), 0);
  return self->pending;
}

guint
civic_sync_engine_get_conflicts (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), 0);
  return self->conflicts;
}

GDateTime *
civic_sync_engine_get_last_success (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  return self->last_success;
}

const char *
civic_sync_engine_get_error_message (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  return self->error_message;
}

/**
 * civic_sync_engine_get_needs_sign_in:
 *
 * Whether the last sync failed because the service no longer takes the
 * session: the official must sign in again.
 */
gboolean
civic_sync_engine_get_needs_sign_in (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), FALSE);
  return self->needs_sign_in;
}

guint
civic_sync_engine_get_interval (CivicSyncEngine *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), 0);
  return self->interval;
}

/* Records: the official's own versions, and actions on any kind
 *
 * Every kind of record officials act on goes through here the same way
 * (civic-entity.h): its rules decide, the command goes to the outbox, its
 * effect shows at once as the record's local version, and the version is
 * made again on top of the service's whenever that one changes. The
 * typed front door of each kind is a file of its own
 * (civic-sync-engine-cases.c). */

static CivicActor *
me (CivicSyncEngine *self)
{
  return civic_actor_copy (civic_cache_get_me (self->cache));
}

/* What a context points to besides the record, read from the cache once
 * per context and freed by its maker when done (contexts are made on the
 * sync thread too): the organ's disclosure policy, the region's table of
 * time limits on citizens' messages */
typedef struct
{
  CivicDisclosurePolicy *policy;
  CivicMessageClocks    *message_clocks;
} RulesData;

static void
rules_data_clear (RulesData *data)
{
  g_clear_pointer (&data->policy, civic_disclosure_policy_free);
  g_clear_object (&data->message_clocks);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RulesData, rules_data_clear)

/* The region's table as the feed carried it; none before the first sync */
static CivicMessageClocks *
load_message_clocks (CivicSyncEngine *self)
{
  g_autoptr(GPtrArray) tables = civic_cache_load_entities (self->cache,
                                                           CIVIC_ENTITY_MESSAGE_CLOCKS, NULL);

  if (tables == NULL || tables->len == 0)
    return NULL;
  return civic_message_clocks_new_from_json (g_ptr_array_index (tables, 0), NULL);
}

static void
context_init (CivicSyncEngine        *self,
              CivicWorkflowContext   *context,
              CivicCalendar          *calendar,
              CivicActor             *actor,
              GDateTime              *now,
              RulesData              *data)
{
  civic_workflow_context_init (context, calendar, now, actor);
  context->lookup_official = civic_cache_lookup_official;
  context->lookup_data = self->cache;
  if (data->policy == NULL)
    data->policy = civic_sync_engine_load_disclosure_policy (self);
  if (data->message_clocks == NULL)
    data->message_clocks = load_message_clocks (self);
  context->disclosure_policy = data->policy;
  context->message_clocks = data->message_clocks;
}

/* Makes a record's local version again: the service's version with every
 * pending command for it applied on top, in order. A command the rules
 * now refuse stays pending — the service decides — but adds nothing. */
static gboolean
rebase_record (CivicSyncEngine        *self,
               CivicCalendar          *calendar,
               const CivicEntityKind  *kind,
               const char             *id,
               GError                **error)
{
  g_auto(RulesData) rules_data = { NULL, NULL };
  g_autoptr(GPtrArray) commands = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(CivicActor) actor = me (self);
  gboolean ok;

  g_mutex_lock (&self->rebase_lock);

  commands = civic_outbox_list (self->outbox, id, error);
  if (commands == NULL)
    {
      g_mutex_unlock (&self->rebase_lock);
      return FALSE;
    }

  if (commands->len > 0)
    {
      record = civic_cache_load_server_record (self->cache, kind, id, NULL);

      /* A record its first pending command makes (a draft written
       * offline) is made again from it, blank */
      if (record == NULL && kind->creates != NULL)
        {
          CivicOutboxCommand *first = g_ptr_array_index (commands, 0);
          g_autoptr(GDateTime) when = civic_time_parse (first->created_at);
          CivicWorkflowContext context;
          guint action;

          if (when != NULL && civic_entity_kind_for_command (first->type, &action) == kind &&
              kind->creates (action))
            {
              context_init (self, &context, calendar, actor, when, &rules_data);
              record = kind->create (id, action, &context, NULL);
            }
        }

      /* Any other record made offline that the service has not seen yet
       * keeps the local version it has. */
      if (record == NULL)
        {
          g_mutex_unlock (&self->rebase_lock);
          return TRUE;
        }
    }

  for (guint i = 0; record != NULL && i < commands->len; i++)
    {
      CivicOutboxCommand *command = g_ptr_array_index (commands, i);
      g_autoptr(JsonObject) args = civic_json_parse_object (command->args, -1, NULL);
      g_autoptr(GDateTime) when = civic_time_parse (command->created_at);
      g_autoptr(GObject) next = NULL;
      CivicWorkflowContext context;
      guint action;

      if (args == NULL || when == NULL ||
          civic_entity_kind_for_command (command->type, &action) != kind)
        continue;

      context_init (self, &context, calendar, actor, when, &rules_data);
      context.command_id = command->id;
      next = kind->apply (record, action, args, &context, NULL);
      if (next != NULL)
        g_set_object (&record, next);
    }

  ok = civic_cache_set_local (self->cache, kind, id, record, calendar, error);
  g_mutex_unlock (&self->rebase_lock);
  return ok;
}

static gboolean
rebase_key (CivicSyncEngine       *self,
            CivicCalendar         *calendar,
            const CivicRecordKey  *key,
            GError               **error)
{
  const CivicEntityKind *kind = civic_entity_kind_lookup (key->type);

  /* A kind this version does not know keeps what it has */
  return kind == NULL || rebase_record (self, calendar, kind, key->id, error);
}

/**
 * civic_sync_engine_rebase_all:
 *
 * Makes every local version again from the outbox: the records with
 * pending commands, and the ones left with a local version and none (a
 * run that ended between writing the outbox and the cache).
 */
gboolean
civic_sync_engine_rebase_all (CivicSyncEngine  *self,
                              GError          **error)
{
  g_autoptr(GPtrArray) commands = NULL;
  g_autoptr(GPtrArray) local = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_record_key_free);

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), FALSE);

  commands = civic_outbox_list (self->outbox, NULL, error);
  if (commands == NULL)
    return FALSE;

  for (guint i = 0; i < commands->len; i++)
    {
      CivicOutboxCommand *command = g_ptr_array_index (commands, i);
      const CivicEntityKind *kind = civic_entity_kind_for_command (command->type, NULL);

      if (kind != NULL)
        g_ptr_array_add (keys, civic_record_key_new (kind->type, command->target));
    }
  local = civic_cache_dup_local (self->cache);
  for (guint i = 0; i < local->len; i++)
    g_ptr_array_add (keys, g_steal_pointer (&g_ptr_array_index (local, i)));
  g_ptr_array_set_free_func (local, NULL);

  for (guint i = 0; i < keys->len; i++)
    {
      CivicRecordKey *key = g_ptr_array_index (keys, i);

      if (g_hash_table_add (seen, g_strconcat (key->type, "/", key->id, NULL)) &&
          !rebase_key (self, self->calendar, key, error))
        return FALSE;
    }

  return TRUE;
}

/* The revision of the record as the service last sent it, or -1 when it
 * never did; a failure to read it fails the action, which must not go
 * out without the revision its official saw (the service's "the record
 * changed since you looked" check rests on it). */
static gboolean
server_rev (CivicSyncEngine        *self,
            const CivicEntityKind  *kind,
            const char             *id,
            gint64                 *rev,
            GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GObject) server = civic_cache_load_server_record (self->cache, kind, id,
                                                              &local_error);

  /* A record made offline has no version of the service's yet */
  if (g_error_matches (local_error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_NOT_FOUND))
    g_clear_error (&local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *rev = server ? kind->get_rev (server) : -1;
  return TRUE;
}

/**
 * civic_sync_engine_check_action:
 *
 * Whether the official may take @action on the record now, as the rules
 * say: the user interface offers it, or greys it out with the reason.
 */
gboolean
civic_sync_engine_check_action (CivicSyncEngine        *self,
                                const CivicEntityKind  *kind,
                                const char             *id,
                                guint                   action,
                                GError                **error)
{
  g_auto(RulesData) rules_data = { NULL, NULL };
  g_autoptr(GObject) record = NULL;
  g_autoptr(CivicActor) actor = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  CivicWorkflowContext context;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  record = civic_cache_load_record (self->cache, kind, id, error);
  if (record == NULL)
    return FALSE;

  actor = me (self);
  context_init (self, &context, self->calendar, actor, now, &rules_data);
  return kind->check (record, action, &context, error);
}

/**
 * civic_sync_engine_list_record_actions:
 *
 * Returns: (transfer full) (element-type guint): the actions the
 * signed-in official may take on @record now, by the rules.
 */
GArray *
civic_sync_engine_list_record_actions (CivicSyncEngine        *self,
                                       const CivicEntityKind  *kind,
                                       GObject                *record)
{
  g_auto(RulesData) rules_data = { NULL, NULL };
  g_autoptr(CivicActor) actor = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  CivicWorkflowContext context;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, kind->record_type ()), NULL);

  actor = me (self);
  context_init (self, &context, self->calendar, actor, now, &rules_data);
  return kind->list_actions (record, &context);
}

/**
 * civic_sync_engine_try_action:
 * @args: (nullable): the action's arguments as the official has them so far
 *
 * Whether the rules take the action with these arguments, without taking
 * it: a dialog says why not while the official fills it in.
 *
 * Returns: (transfer full) (nullable): the record as it would be after
 * the action, or %NULL and the rules' reason in @error.
 */
GObject *
civic_sync_engine_try_action (CivicSyncEngine        *self,
                              const CivicEntityKind  *kind,
                              const char             *id,
                              guint                   action,
                              JsonObject             *args,
                              GError                **error)
{
  g_auto(RulesData) rules_data = { NULL, NULL };
  g_autoptr(GObject) record = NULL;
  g_autoptr(CivicActor) actor = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  CivicWorkflowContext context;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  actor = me (self);
  context_init (self, &context, self->calendar, actor, now, &rules_data);
  context.command_id = "try";

  record = civic_cache_load_record (self->cache, kind, id, error);
  /* A form for a command that makes its record (a new draft, a request
   * registered at the counter) is tried on the record it would make, as
   * civic_sync_engine_perform_action() makes it */
  if (record == NULL && kind->creates != NULL && kind->creates (action))
    {
      g_clear_error (error);
      record = kind->create (id, action, &context, error);
    }
  if (record == NULL)
    return NULL;
  return kind->apply (record, action, args, &context, error);
}

static void schedule_sync (CivicSyncEngine *self,
                           guint            delay_ms);

/**
 * civic_sync_engine_perform_action:
 * @args: (nullable): the action's arguments
 *
 * Takes an official's action: checks it by the rules, keeps it in the
 * outbox, shows its effect at once, and sends it when it can. Works
 * offline.
 *
 * Returns: (transfer full) (nullable): the command's id, or %NULL and the
 * rules' reason in @error; then nothing changed.
 */
char *
civic_sync_engine_perform_action (CivicSyncEngine        *self,
                                  const CivicEntityKind  *kind,
                                  const char             *id,
                                  guint                   action,
                                  JsonObject             *args,
                                  GError                **error)
{
  g_auto(RulesData) rules_data = { NULL, NULL };
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) next = NULL;
  g_autoptr(CivicActor) actor = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *command_id = g_uuid_string_random ();
  g_autoptr(GError) local_error = NULL;
  CivicWorkflowContext context;
  gboolean ok, stale_local = FALSE;
  gint64 base_rev = -1;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  actor = me (self);
  context_init (self, &context, self->calendar, actor, now, &rules_data);
  context.command_id = command_id;

  g_mutex_lock (&self->rebase_lock);

  record = civic_cache_load_record (self->cache, kind, id, error);
  /* A command that makes its record: the record is born here, offline,
   * under the id the official's client gave it */
  if (record == NULL && kind->creates != NULL && kind->creates (action))
    {
      g_clear_error (error);
      record = kind->create (id, action, &context, error);
    }
  next = record ? kind->apply (record, action, args, &context, error) : NULL;

  /* The outbox first: the local version can always be made again from it,
   * the command never from the local version. */
  ok = next != NULL && server_rev (self, kind, id, &base_rev, error) &&
       civic_outbox_add (self->outbox, command_id, kind->action_to_string (action), id, base_rev,
                         args, error);
  if (ok && !civic_cache_set_local (self->cache, kind, id, next, self->calendar, &local_error))
    stale_local = TRUE;

  g_mutex_unlock (&self->rebase_lock);

  if (!ok)
    return NULL;

  /* The action is kept; only its effect on the offline copy failed to be
   * written. Made again from the outbox now, it shows at once — or, if
   * the disk still refuses, at the next sync or start. */
  if (stale_local)
    {
      g_warning ("The effect of %s on %s was not written (%s); making it again",
                 command_id, id, local_error->message);
      g_clear_error (&local_error);
      if (!rebase_record (self, self->calendar, kind, id, &local_error))
        g_warning ("The effect of %s on %s will show after the next sync: %s", command_id, id,
                   local_error->message);
    }

  update_counts (self);
  g_signal_emit (self, signals[CASES_CHANGED], 0);
  if (self->started)
    schedule_sync (self, DEBOUNCE_MS);

  return g_steal_pointer (&command_id);
}

/**
 * civic_sync_engine_attach_file:
 * @collection: the records' part of the service's paths ("messages")
 * @action: the kind's action that attaches a file: it takes the file's
 *   `sha256`, `name`, `media_type` and `size`
 * @name: the file's name
 * @media_type: an attachable type (civic_attachment_media_type_for())
 * @content: the file
 *
 * Attaches a file to a record, offline as online: the bytes wait in the
 * outbox with the command that carries them, and go up just before it
 * (POST /api/v1/{collection}/{id}/attachments?name=…). Pushes run on
 * the main thread, as this does: none can send the command before its
 * file is there. The service checks the name with the command, and
 * takes the type and size from what it received. On an error nothing
 * changes.
 *
 * Returns: (transfer full) (nullable): the command's id
 */
char *
civic_sync_engine_attach_file (CivicSyncEngine        *self,
                               const CivicEntityKind  *kind,
                               const char             *collection,
                               const char             *id,
                               guint                   action,
                               const char             *name,
                               const char             *media_type,
                               GBytes                 *content,
                               GError                **error)
{
  return civic_sync_engine_attach_file_with (self, kind, collection, id, action, NULL, name,
                                             media_type, content, error);
}

/**
 * civic_sync_engine_attach_file_with:
 * @more: (nullable): the action's other arguments (which material of an
 *   item's draft the file is for)
 *
 * As civic_sync_engine_attach_file(), for an action that asks for more
 * than the file.
 */
char *
civic_sync_engine_attach_file_with (CivicSyncEngine        *self,
                                    const CivicEntityKind  *kind,
                                    const char             *collection,
                                    const char             *id,
                                    guint                   action,
                                    JsonObject             *more,
                                    const char             *name,
                                    const char             *media_type,
                                    GBytes                 *content,
                                    GError                **error)
{
  g_autofree char *escaped_id = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autofree char *sha256 = NULL;
  gsize size;
  char *command;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (id != NULL && name != NULL && content != NULL, NULL);

  /* Refused here what the service would refuse: before the bytes are
   * kept, and whatever the record's rules say */
  size = g_bytes_get_size (content);
  if (!civic_attachment_media_type_is_attachable (media_type))
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                           _("Files of this type are not attached: PDF, text, Markdown, CSV, PNG, "
                             "JPEG, OFD, Word, Excel, OpenDocument or ZIP"));
      return NULL;
    }
  if (size == 0 || size > CIVIC_ATTACHMENT_MAX_SIZE)
    {
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   size == 0 ? _("“%s” is empty") : _("“%s” is larger than 20 MiB"), name);
      return NULL;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  escaped_id = g_uri_escape_string (id, NULL, FALSE);
  escaped_name = g_uri_escape_string (name, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/%s/%s/attachments?name=%s", collection, escaped_id,
                          escaped_name);
  args = json_object_new ();
  if (more != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, more);
      while (json_object_iter_next_ordered (&iter, &member, &value))
        json_object_set_member (args, member, json_node_copy (value));
    }
  json_object_set_string_member (args, "sha256", sha256);
  json_object_set_string_member (args, "name", name);
  json_object_set_string_member (args, "media_type", media_type);
  json_object_set_int_member (args, "size", (gint64) size);
  command = civic_sync_engine_perform_action (self, kind, id, action, args, error);
  if (command != NULL &&
      !civic_outbox_add_file (self->outbox, command, id, sha256, path, media_type, content,
                              error))
    {
      /* Never offered and the last on its record: it can be taken back */
      civic_sync_engine_withdraw (self, command, NULL);
      g_clear_pointer (&command, g_free);
    }
  /* The record was shown again when the action was taken, before its
   * file was here: once more, now that it waits with it */
  else if (command != NULL)
    g_signal_emit (self, signals[CASES_CHANGED], 0);
  return command;
}

/**
 * civic_sync_engine_withdraw:
 * @command_id: an action the official took, still waiting to be sent
 *
 * Takes the action back (Undo): the outbox forgets it and its record is
 * as if it had never been taken. Only what the service cannot have can
 * be taken back: an action never offered to it, and the last one on its
 * record; else @error says why, and nothing changes.
 */
gboolean
civic_sync_engine_withdraw (CivicSyncEngine  *self,
                            const char       *command_id,
                            GError          **error)
{
  g_autoptr(CivicOutboxCommand) command = NULL;
  const CivicEntityKind *kind;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), FALSE);

  g_mutex_lock (&self->rebase_lock);
  command = civic_outbox_withdraw (self->outbox, command_id, error);
  g_mutex_unlock (&self->rebase_lock);
  if (command == NULL)
    return FALSE;

  /* The local version, made again from what still waits */
  kind = civic_entity_kind_for_command (command->type, NULL);
  if (kind != NULL && !rebase_record (self, self->calendar, kind, command->target, &local_error))
    g_warning ("Taking back %s: the offline copy of %s shows it until the next sync: %s",
               command_id, command->target, local_error->message);

  update_counts (self);
  g_signal_emit (self, signals[CASES_CHANGED], 0);
  return TRUE;
}

gboolean
civic_sync_engine_discard_conflict (CivicSyncEngine  *self,
                                    const char       *command_id,
                                    GError          **error)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), FALSE);

  if (!civic_outbox_discard_conflict (self->outbox, command_id, error))
    return FALSE;

  update_counts (self);
  return TRUE;
}

/**
 * civic_sync_engine_retry_conflict:
 * @args: (nullable): the arguments as the official edited them, or %NULL
 *   for the same ones
 *
 * Tries a refused action again, as a new command on the record as it is
 * now. If the rules still refuse it, the conflict stays and @error says
 * why.
 *
 * Returns: (transfer full) (nullable): the new command's id.
 */
char *
civic_sync_engine_retry_conflict (CivicSyncEngine  *self,
                                  const char       *command_id,
                                  JsonObject       *args,
                                  GError          **error)
{
  g_autoptr(CivicConflict) conflict = NULL;
  g_autoptr(JsonObject) original = NULL;
  g_autofree char *id = NULL;
  const CivicEntityKind *kind;
  guint action;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);

  conflict = civic_outbox_get_conflict (self->outbox, command_id, error);
  if (conflict == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CIVIC_CACHE_ERROR, CIVIC_CACHE_ERROR_NOT_FOUND,
                     _("There is no such conflict"));
      return NULL;
    }

  kind = civic_entity_kind_for_command (conflict->command->type, &action);
  if (kind == NULL)
    {
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION,
                   _("Unknown action"));
      return NULL;
    }

  if (args == NULL)
    args = original = civic_json_parse_object (conflict->command->args, -1, error);
  if (args == NULL)
    return NULL;

  id = civic_sync_engine_perform_action (self, kind, conflict->command->target, action, args,
                                         error);
  /* A file the refused one carried goes with the new one (both on the
   * main thread: no push comes between) */
  if (id == NULL || !civic_outbox_move_file (self->outbox, command_id, id, error) ||
      !civic_outbox_discard_conflict (self->outbox, command_id, error))
    return NULL;

  update_counts (self);
  return g_steal_pointer (&id);
}

/* The cycle */

typedef struct
{
  CivicSyncEngine *self;
  CivicCalendar   *calendar;
  GBytes          *page;
  CivicJsonIndex  *index;       /* of page */
  GPtrArray       *commands;    /* CivicOutboxCommand: a batch being sent */
  JsonNode        *answer;
  GPtrArray       *rebase_ids;  /* CivicRecordKey: local versions to make again */
  gint64           next;
  gboolean         more;
  guint            n_changes;
  gboolean         transient;
  char            *transient_reason;
  gint64           started;     /* monotonic: the request went out */
  gint64           received;    /* the answer came */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->calendar);
  g_clear_pointer (&job->index, civic_json_index_free);
  g_clear_pointer (&job->page, g_bytes_unref);
  g_clear_pointer (&job->commands, g_ptr_array_unref);
  g_clear_pointer (&job->answer, json_node_unref);
  g_clear_pointer (&job->rebase_ids, g_ptr_array_unref);
  g_free (job->transient_reason);
  g_free (job);
}

static Job *
job_new (CivicSyncEngine *self)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->calendar = self->calendar ? g_object_ref (self->calendar) : NULL;
  job->rebase_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_record_key_free);
  return job;
}

static void push_next (CivicSyncEngine *self);
static void pull_next (CivicSyncEngine *self,
                       gint64           after);

static void
cycle_end (CivicSyncEngine *self,
           GError          *error)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->current);

  self->running = FALSE;
  update_counts (self);

  /* The session ended (expired, revoked, or none yet): the official signs
   * in again; their work waits. */
  if (self->needs_sign_in != g_error_matches (error, CIVIC_API_ERROR, CIVIC_API_ERROR_UNAUTHORIZED))
    {
      self->needs_sign_in = !self->needs_sign_in;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SIGN_IN]);
    }

  if (error == NULL)
    {
      g_clear_pointer (&self->last_success, g_date_time_unref);
      self->last_success = civic_time_now ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
      set_progress (self, 1.0);
      set_state (self, CIVIC_SYNC_STATE_IDLE, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (self, CIVIC_SYNC_STATE_IDLE, NULL);
  else if (g_error_matches (error, CIVIC_API_ERROR, CIVIC_API_ERROR_UNREACHABLE) ||
           g_error_matches (error, CIVIC_API_ERROR, CIVIC_API_ERROR_TIMEOUT))
    set_state (self, CIVIC_SYNC_STATE_OFFLINE, error->message);
  else
    set_state (self, CIVIC_SYNC_STATE_ERROR, error->message);

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }

  g_signal_emit (self, signals[CASES_CHANGED], 0);

  /* Commands that failed for a passing reason go again when due. */
  if (self->started)
    {
      gint64 due = civic_outbox_next_due (self->outbox);
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      g_clear_handle_id (&self->retry_source, g_source_remove);
      if (due > now)
        self->retry_source = g_timeout_add_seconds ((guint) (due - now + 1),
                                                    retry_due_cb, self);
    }

  if (self->waiting->len > 0)
    cycle_begin (self);
}

static gboolean
retry_due_cb (gpointer user_data)
{
  CivicSyncEngine *self = user_data;

  self->retry_source = 0;
  civic_sync_engine_sync_now (self);

  return G_SOURCE_REMOVE;
}

static void push_next (CivicSyncEngine *self);

/* Offline, the service is asked whether it is back before any command is
 * offered to it: a command never offered can still be taken back. */
static void
probed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CivicSyncEngine) self = user_data;
  g_autoptr(GError) error = NULL;

  if (civic_api_client_health_finish (CIVIC_API_CLIENT (source), result, &error) < 0)
    cycle_end (self, error);
  else
    {
      set_state (self, CIVIC_SYNC_STATE_SYNCING, NULL);
      push_next (self);
    }
}

static void
cycle_begin (CivicSyncEngine *self)
{
  gboolean offline = self->state == CIVIC_SYNC_STATE_OFFLINE;

  g_assert (!self->running);

  self->running = TRUE;
  self->current = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  /* Still offline while asking: an action taken meanwhile is kept here,
   * and says so, with its Undo */
  if (offline && civic_outbox_count (self->outbox) > 0)
    {
      civic_api_client_health_async (self->client, self->cancellable, probed_cb,
                                     g_object_ref (self));
      return;
    }
  set_state (self, CIVIC_SYNC_STATE_SYNCING, NULL);
  push_next (self);
}

/* Push */

static gint64
backoff (int attempts)
{
  /* 2 s, 4 s, 8 s … up to five minutes, with full jitter. */
  gint64 ceiling = MIN ((gint64) 2 << MIN (attempts, 16), MAX_BACKOFF_SECONDS);

  return 1 + g_random_int_range (0, (gint32) ceiling);
}

/* On a worker: what the service answered to a batch. */
static void
push_answer_thread (GTask        *task,
                    gpointer      source,
                    gpointer      data,
                    GCancellable *cancellable)
{
  Job *job = data;
  CivicSyncEngine *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) touched = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *results = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (JSON_NODE_HOLDS_OBJECT (job->answer))
    civic_json_get_array (json_node_get_object (job->answer), "results", TRUE, &results, NULL);

  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonObject *result = civic_json_array_lookup_object (results, i);
      const char *id = civic_json_lookup_string (result, "id", NULL);
      const char *status = civic_json_lookup_string (result, "status", "");
      JsonObject *entity = civic_json_lookup_object (result, "entity");
      JsonObject *reason = civic_json_lookup_object (result, "reason");
      const char *code = civic_json_lookup_string (reason, "code", "");
      const char *message = civic_json_lookup_string (reason, "message", "");
      g_autofree char *entity_data = NULL;
      CivicOutboxCommand *command = NULL;

      for (guint j = 0; j < job->commands->len; j++)
        if (g_strcmp0 (((CivicOutboxCommand *) g_ptr_array_index (job->commands, j))->id, id) == 0)
          command = g_ptr_array_index (job->commands, j);
      if (command == NULL)
        continue;

      if (entity != NULL && json_object_has_member (entity, "data"))
        {
          entity_data = civic_json_to_string (json_object_get_member (entity, "data"), FALSE);
          if (!civic_cache_store_entity (self->cache,
                                         civic_json_lookup_string (entity, "type", CIVIC_ENTITY_CASE),
                                         civic_json_lookup_string (entity, "id", command->target),
                                         civic_json_lookup_int (entity, "rev", 0),
                                         civic_json_lookup_int (entity, "seq", 0),
                                         entity_data, &error))
            break;
        }

      if (g_str_equal (status, "applied"))
        {
          gint64 rev = civic_json_lookup_int (entity, "rev", 0);

          /* The next command on the record was based on what this one
           * was; it is now based on what this one made — unless someone
           * else changed the record in between, which it must hear of. */
          if (civic_outbox_remove (self->outbox, id, &error) && command->has_base_rev &&
              rev == command->base_rev + 1)
            civic_outbox_rebase_successors (self->outbox, command->target, command->base_rev, rev,
                                            &error);
        }
      else if (g_str_equal (status, "rejected") ||
               (g_str_equal (status, "error") && !g_str_equal (code, "internal")))
        /* Refused, or its id is spent (reused, or another official's):
         * sending it again would only be refused again. */
        civic_outbox_move_to_conflicts (self->outbox, id, code, message, entity_data, &error);
      else
        {
          /* "internal": the service could not store it; it may later. */
          civic_outbox_defer (self->outbox, id, now + backoff (command->attempts), message,
                              &error);
          job->transient = TRUE;
          g_free (job->transient_reason);
          job->transient_reason = g_strdup (message);
        }

      if (error != NULL)
        break;
      /* each record once, with its kind */
      g_hash_table_insert (touched, command->target,
                           (gpointer) civic_entity_kind_for_command (command->type, NULL));
    }

  if (error == NULL)
    {
      GHashTableIter iter;
      gpointer key, kind;

      g_hash_table_iter_init (&iter, touched);
      while (g_hash_table_iter_next (&iter, &key, &kind))
        if (kind != NULL && !rebase_record (self, job->calendar, kind, key, &error))
          break;
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
push_answered_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CivicSyncEngine *self = CIVIC_SYNC_ENGINE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      cycle_end (self, error);
      return;
    }

  update_counts (self);
  g_signal_emit (self, signals[CASES_CHANGED], 0);

  if (job->transient)
    {
      g_autoptr(GError) transient = g_error_new_literal (CIVIC_API_ERROR, CIVIC_API_ERROR_SERVER,
                                                         job->transient_reason);
      cycle_end (self, transient);
      return;
    }

  push_next (self);
}

static void
pushed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  CivicSyncEngine *self = job->self;
  g_autoptr(GError) error = NULL;

  job->answer = civic_api_client_commands_finish (CIVIC_API_CLIENT (source), result, &error);
  if (job->answer == NULL)
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      if (g_error_matches (error, CIVIC_API_ERROR, CIVIC_API_ERROR_SERVER))
        {
          /* The service failed them: every command of the batch stays,
           * and waits a while before it goes again. Unreachable, they
           * stay due: the next sync is the check that it is back. */
          for (guint i = 0; i < job->commands->len; i++)
            {
              CivicOutboxCommand *command = g_ptr_array_index (job->commands, i);

              civic_outbox_defer (self->outbox, command->id, now + backoff (command->attempts),
                                  error->message, NULL);
            }
        }
      else if (g_error_matches (error, CIVIC_API_ERROR, CIVIC_API_ERROR_INVALID))
        {
          /* The service will never take this batch: the first command of
           * it goes to the conflicts with the reason, the rest go on. */
          CivicOutboxCommand *command = g_ptr_array_index (job->commands, 0);
          const CivicEntityKind *kind = civic_entity_kind_for_command (command->type, NULL);

          civic_outbox_move_to_conflicts (self->outbox, command->id, "invalid", error->message,
                                          NULL, NULL);
          if (kind != NULL)
            rebase_record (self, job->calendar, kind, command->target, NULL);
          push_next (self);
          return;
        }

      cycle_end (self, error);
      return;
    }

  g_task_run_in_thread (task, push_answer_thread);
}

/* A file a command carries goes up before the command: the command
 * names it by its sha256, and the service takes the command only for a
 * file it holds. */
typedef struct
{
  CivicSyncEngine    *self;
  CivicOutboxCommand *command;
  CivicOutboxFile    *file;
} Upload;

static void
upload_free (Upload *upload)
{
  civic_outbox_command_free (upload->command);
  civic_outbox_file_free (upload->file);
  g_object_unref (upload->self);
  g_free (upload);
}

static void
uploaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Upload *upload = user_data;
  CivicSyncEngine *self = upload->self;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = civic_api_client_upload_finish (CIVIC_API_CLIENT (source), result, &error);
  if (answer != NULL)
    {
      if (civic_outbox_mark_uploaded (self->outbox, upload->file->command_id, &error))
        push_next (self);
      else
        cycle_end (self, error);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           g_error_matches (error, CIVIC_API_ERROR, CIVIC_API_ERROR_UNAUTHORIZED) ||
           g_error_matches (error, CIVIC_API_ERROR, CIVIC_API_ERROR_THROTTLED) ||
           civic_api_error_is_transient (error))
    {
      /* As a batch's failure: a failing service is given a while,
       * an unreachable one is tried at the next sync */
      if (g_error_matches (error, CIVIC_API_ERROR, CIVIC_API_ERROR_SERVER))
        civic_outbox_defer (self->outbox, upload->command->id,
                            g_get_real_time () / G_USEC_PER_SEC + backoff (upload->command->attempts),
                            error->message, NULL);
      cycle_end (self, error);
    }
  else
    {
      /* The service will never take this file (its type, its size, the
       * disclosure no longer a draft): the command goes to the
       * conflicts with its words, the rest go on */
      const CivicEntityKind *kind = civic_entity_kind_for_command (upload->command->type, NULL);

      civic_outbox_move_to_conflicts (self->outbox, upload->command->id, "upload",
                                      error->message, NULL, NULL);
      if (kind != NULL)
        rebase_record (self, self->calendar, kind, upload->command->target, NULL);
      update_counts (self);
      g_signal_emit (self, signals[CASES_CHANGED], 0);
      push_next (self);
    }
  upload_free (upload);
}

static void
push_next (CivicSyncEngine *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commands = NULL;
  g_autoptr(GString) body = NULL;
  g_autoptr(CivicOutboxFile) file = NULL;
  GTask *task;
  Job *job;
  guint waiting = 0;

  commands = civic_outbox_list_due (self->outbox, g_get_real_time () / G_USEC_PER_SEC, PUSH_BATCH,
                                    &error);
  if (commands == NULL)
    {
      cycle_end (self, error);
      return;
    }

  if (commands->len == 0)
    {
      pull_next (self, -1);
      return;
    }

  /* The commands before the first that waits for its file go first (one
   * of them may make the record the file goes to); then the file; then
   * that command with the rest. */
  file = civic_outbox_find_upload (self->outbox, commands, &waiting, &error);
  if (error != NULL || g_cancellable_set_error_if_cancelled (self->cancellable, &error))
    {
      cycle_end (self, error);
      return;
    }
  if (file != NULL && waiting > 0)
    g_ptr_array_set_size (commands, waiting);
  else if (file != NULL)
    {
      Upload *upload = g_new0 (Upload, 1);

      upload->self = g_object_ref (self);
      upload->command = g_ptr_array_steal_index (commands, 0);
      upload->file = g_steal_pointer (&file);
      civic_api_client_upload_async (self->client, upload->file->path, upload->file->media_type,
                                     upload->file->content, self->cancellable, uploaded_cb,
                                     upload);
      return;
    }

  /* From here on, each may reach the service: none can be taken back.
   * (A stopped engine sends nothing, and offers nothing.) */
  if (g_cancellable_set_error_if_cancelled (self->cancellable, &error) ||
      !civic_outbox_mark_offered (self->outbox, commands, &error))
    {
      cycle_end (self, error);
      return;
    }

  body = g_string_new ("{\"commands\":[");
  for (guint i = 0; i < commands->len; i++)
    {
      g_autofree char *text = civic_outbox_command_to_json (g_ptr_array_index (commands, i));

      if (i > 0)
        g_string_append_c (body, ',');
      g_string_append (body, text);
    }
  g_string_append (body, "]}");

  job = job_new (self);
  job->commands = g_steal_pointer (&commands);
  task = g_task_new (self, self->cancellable, push_answered_cb, NULL);
  g_task_set_source_tag (task, push_next);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  civic_api_client_commands_async (self->client, body->str, self->cancellable, pushed_cb, task);
}

/* Pull
 *
 * Pages come in order and are stored in order, one at a time, each with
 * the cursor after it. While one is stored on the worker, the next is
 * already asked for: a page says where the next one starts in its first
 * bytes. So the service, the network and the disk work side by side. */

struct _Fetch
{
  CivicSyncEngine *self;
  guint            generation;
  gint64           after;
  gint64           started;
  gboolean         arrived;
  GBytes          *page;
  CivicJsonIndex  *index;       /* of the page, read on a worker as it came */
  GError          *error;
};

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->self);
  g_clear_pointer (&fetch->index, civic_json_index_free);
  g_clear_pointer (&fetch->page, g_bytes_unref);
  g_clear_error (&fetch->error);
  g_free (fetch);
}

static void fetch_start (CivicSyncEngine *self,
                         gint64           after);
static void pull_take (CivicSyncEngine *self);

static void
pull_page_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Job *job = data;
  CivicSyncEngine *self = job->self;
  g_autoptr(GError) error = NULL;

  if (!civic_cache_apply_indexed_page (self->cache, job->index, &job->next, &job->more,
                                       job->rebase_ids, &job->n_changes, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < job->rebase_ids->len; i++)
    if (!rebase_key (self, job->calendar, g_ptr_array_index (job->rebase_ids, i), &error))
      {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }

  g_task_return_boolean (task, TRUE);
}

static void
pull_end (CivicSyncEngine *self,
          GError          *error)
{
  /* A page still on its way belongs to no one now: its callback, which
   * finds it no longer ahead, frees it (page_arrived()). */
  self->pull_generation++;
  if (self->ahead != NULL && self->ahead->arrived)
    fetch_free (self->ahead);
  self->ahead = NULL;
  self->storing = FALSE;
  cycle_end (self, error);
}

static void
page_applied_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CivicSyncEngine *self = CIVIC_SYNC_ENGINE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *head_text = NULL;

  self->storing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      pull_end (self, error);
      return;
    }

  g_debug ("page to %" G_GINT64_FORMAT ": %u changes, %zu bytes, fetched in %.1f ms, "
           "stored in %.1f ms", job->next, job->n_changes, g_bytes_get_size (job->page),
           (job->received - job->started) / 1000.0,
           (g_get_monotonic_time () - job->received) / 1000.0);

  head_text = civic_cache_dup_meta (self->cache, "head");
  if (head_text != NULL && g_ascii_strtoll (head_text, NULL, 10) > 0)
    set_progress (self, (double) job->next / g_ascii_strtoll (head_text, NULL, 10));

  if (job->n_changes > 0)
    g_signal_emit (self, signals[CASES_CHANGED], 0);

  if (job->more)
    {
      /* Asked for already, unless this page did not say where the next
       * one starts. */
      if (self->ahead == NULL)
        fetch_start (self, job->next);
      pull_take (self);
      return;
    }

  /* New notices (a corrected calendar, next year's) count from now on. */
  reload_calendar (self);
  pull_end (self, NULL);
}

/* Stores the page that came, if the one before it is stored. */
static void
pull_take (CivicSyncEngine *self)
{
  g_autoptr(GError) error = NULL;
  Fetch *fetch = self->ahead;
  CivicJsonSpan root = { NULL, }, value;
  gboolean more = FALSE;
  gint64 next = -1;
  gsize length;
  GTask *task;
  Job *job;

  if (self->storing || fetch == NULL || !fetch->arrived)
    return;
  self->ahead = NULL;

  if (fetch->page == NULL)
    {
      if (g_error_matches (fetch->error, CIVIC_API_ERROR, CIVIC_API_ERROR_RESYNC))
        {
          /* What this official may see changed: everything again, from
           * 0. The outbox is not touched. */
          g_message ("The service asks for a sync from the start: %s", fetch->error->message);
          fetch_free (fetch);
          if (!civic_cache_reset (self->cache, &error))
            {
              pull_end (self, error);
              return;
            }
          fetch_start (self, 0);
          return;
        }

      error = g_steal_pointer (&fetch->error);
      fetch_free (fetch);
      pull_end (self, error);
      return;
    }

  /* Where the next page starts, from the first bytes of this one; the
   * worker reads all of it. */
  root.start = g_bytes_get_data (fetch->page, &length);
  root.length = length;
  if (civic_json_span_member (root, "more", &value, NULL) &&
      civic_json_span_get_bool (value, &more) && more &&
      civic_json_span_member (root, "next", &value, NULL) &&
      civic_json_span_get_int (value, &next) && next > fetch->after)
    fetch_start (self, next);

  job = job_new (self);
  job->page = g_steal_pointer (&fetch->page);
  job->index = g_steal_pointer (&fetch->index);
  job->started = fetch->started;
  job->received = g_get_monotonic_time ();
  fetch_free (fetch);

  self->storing = TRUE;
  task = g_task_new (self, self->cancellable, page_applied_cb, NULL);
  g_task_set_source_tag (task, pull_take);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, pull_page_thread);
  g_object_unref (task);
}

/* The page is read into its index here, on a worker of its own, while
 * the cache's worker may still be writing the page before it. */
static void
page_index_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  Fetch *fetch = data;

  fetch->index = civic_cache_index_page (fetch->page);
  g_task_return_boolean (task, TRUE);
}

static void
page_arrived (Fetch *fetch)
{
  CivicSyncEngine *self = fetch->self;

  fetch->arrived = TRUE;
  if (fetch->generation != self->pull_generation || fetch != self->ahead)
    {
      fetch_free (fetch);
      return;
    }

  pull_take (self);
}

static void
page_indexed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  page_arrived (user_data);
}

static void
page_fetched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fetch *fetch = user_data;
  CivicSyncEngine *self = fetch->self;
  GTask *task;

  fetch->page = civic_api_client_changes_finish (CIVIC_API_CLIENT (source), result,
                                                 &fetch->error);
  if (fetch->page == NULL || fetch->generation != self->pull_generation ||
      fetch != self->ahead)
    {
      page_arrived (fetch);
      return;
    }

  /* No cancellable: the fetch is freed by page_arrived(), which a sync
   * ended meanwhile leaves to it (the generation has moved on). */
  task = g_task_new (NULL, NULL, page_indexed_cb, fetch);
  g_task_set_source_tag (task, page_fetched_cb);
  g_task_set_task_data (task, fetch, NULL);
  g_task_run_in_thread (task, page_index_thread);
  g_object_unref (task);
}

static void
fetch_start (CivicSyncEngine *self,
             gint64           after)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  g_assert (self->ahead == NULL);

  fetch->self = g_object_ref (self);
  fetch->generation = self->pull_generation;
  fetch->after = after;
  fetch->started = g_get_monotonic_time ();
  self->ahead = fetch;

  civic_api_client_changes_async (self->client, after, PAGE_SIZE, self->cancellable,
                                  page_fetched_cb, fetch);
}

static void
pull_next (CivicSyncEngine *self,
           gint64           after)
{
  if (after < 0)
    after = civic_cache_get_cursor (self->cache);

  self->pull_generation++;
  fetch_start (self, after);
}

/**
 * civic_sync_engine_sync_async:
 *
 * Pushes the outbox, then pulls the feed. If a sync is running, this one
 * is the next; its result says how the sync that includes the caller's
 * changes went.
 */
void
civic_sync_engine_sync_async (CivicSyncEngine     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CIVIC_IS_SYNC_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_sync_engine_sync_async);
  g_ptr_array_add (self->waiting, task);

  if (!self->running)
    cycle_begin (self);
}

gboolean
civic_sync_engine_sync_finish (CivicSyncEngine  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A record the feed does not carry */

static void
record_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicSyncEngine *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = civic_api_client_entity_finish (CIVIC_API_CLIENT (source),
                                                                 result, &error);
  g_autofree char *data = NULL;
  const char * const *asked = g_task_get_task_data (task);   /* type, id */
  const char *type = asked[0];

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!json_object_has_member (answer, "data") ||
      g_strcmp0 (civic_json_lookup_string (answer, "type", type), type) != 0 ||
      g_strcmp0 (civic_json_lookup_string (answer, "id", NULL), asked[1]) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The service sent something other than the record"));
      return;
    }

  data = civic_json_to_string (json_object_get_member (answer, "data"), FALSE);
  if (!civic_cache_store_entity (self->cache, type, asked[1],
                                 civic_json_lookup_int (answer, "rev", 0),
                                 civic_json_lookup_int (answer, "seq", 0), data, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_signal_emit (self, signals[CASES_CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

/**
 * civic_sync_engine_read_record_async:
 * @type: an entity type (civic-entity.h)
 *
 * Reads one record from the service and keeps it in the cache, for an
 * official who may read it but whose feed does not carry it: a
 * supervisor opens a case of the province from a list of the figures'
 * (docs/plans/supervision.md, decision 6: a province-wide account's cache
 * does not hold the province).
 * Its page then shows it as any other, read from the cache, and offline
 * as it was last read. The feed does not keep it current: it is read
 * again each time it is opened.
 */
void
civic_sync_engine_read_record_async (CivicSyncEngine     *self,
                                     const char          *type,
                                     const char          *id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  const CivicEntityKind *kind = civic_entity_kind_lookup (type);
  GTask *task;

  g_return_if_fail (CIVIC_IS_SYNC_ENGINE (self));
  g_return_if_fail (id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_sync_engine_read_record_async);
  g_task_set_task_data (task, g_strdupv ((char *[]) { (char *) type, (char *) id, NULL }),
                        (GDestroyNotify) g_strfreev);
  if (kind == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("This kind of record cannot be opened here"));
      g_object_unref (task);
      return;
    }
  civic_api_client_entity_async (self->client, kind->collection, id, cancellable,
                                 record_read_cb, task);
}

gboolean
civic_sync_engine_read_record_finish (CivicSyncEngine  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Triggers */

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!civic_sync_engine_sync_finish (CIVIC_SYNC_ENGINE (source), result, &error))
    g_debug ("sync: %s", error->message);
}

static void
debounced_sync (gpointer data)
{
  CivicSyncEngine *self = data;

  self->debounce_source = 0;
  if (self->waiting->len == 0)
    civic_sync_engine_sync_async (self, NULL, synced_cb, NULL);
}

static void
schedule_sync (CivicSyncEngine *self,
               guint            delay_ms)
{
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->debounce_source = g_timeout_add_once (delay_ms, debounced_sync, self);
}

/**
 * civic_sync_engine_sync_now:
 *
 * The official asked for it (or the network came back): nothing waits out
 * its back-off.
 */
void
civic_sync_engine_sync_now (CivicSyncEngine *self)
{
  g_return_if_fail (CIVIC_IS_SYNC_ENGINE (self));

  g_clear_handle_id (&self->retry_source, g_source_remove);
  civic_outbox_retry_all_now (self->outbox, NULL);
  schedule_sync (self, 0);
}

static gboolean
interval_cb (gpointer data)
{
  CivicSyncEngine *self = data;

  if (!self->running)
    schedule_sync (self, 0);
  return G_SOURCE_CONTINUE;
}

static void
reachable_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CivicSyncEngine) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 head = civic_api_client_health_finish (CIVIC_API_CLIENT (source), result, &error);

  if (head < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->running)
        set_state (self, CIVIC_SYNC_STATE_OFFLINE, error->message);
      return;
    }

  civic_sync_engine_sync_now (self);
}

/* GNetworkMonitor is a hint: "available" means a route, not the
 * service. Whenever it changes, ask the service itself. */
static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    gpointer         user_data)
{
  CivicSyncEngine *self = user_data;

  if (!available)
    {
      if (!self->running)
        set_state (self, CIVIC_SYNC_STATE_OFFLINE, _("The computer is not connected to a network"));
      return;
    }

  civic_api_client_health_async (self->client, self->cancellable, reachable_cb,
                                 g_object_ref (self));
}

void
civic_sync_engine_set_interval (CivicSyncEngine *self,
                                guint            seconds)
{
  g_return_if_fail (CIVIC_IS_SYNC_ENGINE (self));

  if (self->interval == seconds)
    return;

  self->interval = seconds;
  if (self->started)
    {
      g_clear_handle_id (&self->interval_source, g_source_remove);
      if (seconds > 0)
        self->interval_source = g_timeout_add_seconds (seconds, interval_cb, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

/**
 * civic_sync_engine_start:
 *
 * Syncs now, then when the network comes back, every interval, and after
 * every action.
 */
void
civic_sync_engine_start (CivicSyncEngine *self)
{
  g_return_if_fail (CIVIC_IS_SYNC_ENGINE (self));

  if (self->started)
    return;
  self->started = TRUE;

  if (g_cancellable_is_cancelled (self->cancellable))
    g_set_object (&self->cancellable, g_cancellable_new ());

  if (self->monitor == NULL)
    self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->network_handler = g_signal_connect (self->monitor, "network-changed",
                                            G_CALLBACK (network_changed_cb), self);
  if (self->interval > 0)
    self->interval_source = g_timeout_add_seconds (self->interval, interval_cb, self);

  civic_sync_engine_sync_now (self);
}

void
civic_sync_engine_stop (CivicSyncEngine *self)
{
  g_return_if_fail (CIVIC_IS_SYNC_ENGINE (self));

  self->started = FALSE;
  g_clear_handle_id (&self->interval_source, g_source_remove);
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_signal_handler (&self->network_handler, self->monitor);
  g_cancellable_cancel (self->cancellable);
}
