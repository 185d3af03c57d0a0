/* civic-server.c — the HTTP service: routes, workers, the scheduler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-server"

#include "config.h"

#include <inttypes.h>
#include <locale.h>

#include <string.h>

#include "civic-i18n.h"
#include <libsoup/soup.h>

#include "civic-accounts.h"
#include "civic-answer-cache.h"
#include "civic-audit.h"
#include "civic-calendar-records.h"
#include "civic-case-records.h"
#include "civic-commands.h"
#include "civic-disclosure-versions.h"
#include "civic-documents.h"
#include "civic-hearing-calendar.h"
#include "civic-hearing-records.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-intake.h"
#include "civic-item-pages.h"
#include "civic-item-public.h"
#include "civic-item-records.h"
#include "civic-json.h"
#include "civic-listener.h"
#include "civic-policy.h"
#include "civic-proxy.h"
#include "civic-query.h"
#include "civic-rate-limit.h"
#include "civic-leader.h"
#include "civic-scheduler.h"
#include "civic-attachment-blobs.h"
#include "civic-disclosure-attachments.h"
#include "civic-disclosure-public.h"
#include "civic-disclosure-request-records.h"
#include "civic-campaign-pages.h"
#include "civic-campaign-records.h"
#include "civic-evaluation-records.h"
#include "civic-message-pages.h"
#include "civic-message-files.h"
#include "civic-message-records.h"
#include "civic-open311.h"
#include "civic-public-pages.h"
#include "civic-due-jobs.h"
#include "civic-server-db.h"
#include "civic-supervision-exports.h"
#include "civic-supervision-queries.h"
#include "civic-supervision-report.h"
#include "civic-server.h"
#include "civic-time.h"

/* Threads. SoupServer runs in the main thread. A handler copies what it
 * needs out of the request, pauses the message and hands the request to a
 * pool; the pool's thread takes a database connection of its own, does the
 * work, and gives the answer back to the main thread, which unpauses the
 * message. Nothing but the main thread touches a SoupServerMessage.
 *
 *   readers  several threads, one connection each: feed pages, GETs
 *   writer   one thread, one connection: commands, the scheduler — so that
 *            writes are applied one at a time, in order
 *   login    two threads: Argon2id takes 0.1 s and 64 MiB; two at a time
 *            keeps a burst of sign-ins from starving everything else
 *   upload   two threads: a file's text is read by a child process that
 *            may take seconds; commands do not wait behind it */

/* libsoup 3.2 has no name for it */
#define STATUS_TOO_MANY_REQUESTS 429

#define LOGIN_THREADS 2
#define UPLOAD_THREADS 2
#define SCHEDULER_BATCH 200

typedef enum
{
  POOL_READ,
  POOL_WRITE,
  POOL_LOGIN,
  POOL_UPLOAD,
  N_POOLS
} Pool;

typedef struct _Request Request;
typedef void (*Handler) (CivicServer *self,
                         CivicDb     *db,
                         Request     *request);

typedef struct
{
  const char      *method;
  const char      *pattern;
  Handler          handler;
  Pool             pool;
  gboolean         needs_token;
  const CivicRate *rate;        /* per address, for the doors without a token */
  gboolean         reader;      /* a read database may answer (reader_for()) */
} Route;

struct _Request
{
  CivicServer       *server;
  SoupServerMessage *msg;
  const Route       *route;
  gint64             started;

  /* Copied from the message on the main thread */
  char              *method;
  char              *path;
  GStrv              segments;
  GHashTable        *query;
  GBytes            *body;
  char              *body_type;       /* its Content-Type, without parameters */
  char              *boundary;        /* a multipart body's */
  char              *token;
  char              *address;
  locale_t           locale;         /* the reader's language, or 0 */

  /* Filled in by the worker */
  CivicAccount      *account;
  guint              status;
  char              *response;
  GBytes            *response_bytes;  /* a body not JSON: a document's PDF */
  const char        *content_type;
  char              *content_type_owned;
  char              *content_disposition;
  /* A file for the public: kept from being run as a page */
  gboolean           download;
  gint64             retry_after;

  /* A scheduler batch's outcome */
  CivicSchedulerReport report;
  gboolean           more;
  /* When the next due job is, after commands or due jobs ran */
  GDateTime         *next_due;
  /* A conditional GET of the public side: what the client has, and what
   * the answer is (ETag) */
  char              *if_none_match;
  char              *etag;
  char              *location;        /* where a 303 sends the browser */
  /* A public answer is kept under this (civic-answer-cache.c), or was
   * found there */
  char              *raw_query;
  char              *cache_key;
  gboolean           from_cache;
  /* A public page: sent with its security policy */
  gboolean           page;
};

struct _CivicServer
{
  GObject             parent_instance;

  CivicServerOptions  options;
  /* The calendar in force, read again when a notice is imported
   * (calendar_in_force()); those it replaced are kept to the end, since
   * a request may still count with one */
  CivicCalendar      *calendar;
  gint64              calendar_seq;
  gint64              calendar_failed_seq;
  GPtrArray          *replaced_calendars;
  GMutex              calendar_lock;
  SoupServer         *soup;
  GMainContext       *context;

  CivicListener      *listener;
  GPtrArray          *trusted_proxies;  /* GInetAddressMask */
  CivicRateLimit     *rate_limit;
  /* public_read_rate, or the rate --public-read-rate asked for; NULL
   * when it asked for no limit */
  const CivicRate    *read_rate;
  CivicRate           read_rate_asked;
  const CivicRate    *write_rate;       /* the same for public_write_rate */
  CivicRate           write_rate_asked;
  const CivicRate    *key_rate;         /* an Open311 key's, or NULL */
  CivicRate           key_rate_asked;
  GThreadPool        *pools[N_POOLS];
  GAsyncQueue        *connections[N_POOLS];
  GAsyncQueue        *readers;          /* Reader, one per read thread; NULL without
                                         * --read-database */
  GAsyncQueue        *finished;         /* Request, done by a worker, to deliver */
  gint                delivering;       /* a delivery is on its way to the main loop */
  GMutex              reader_lock;
  gint64              reader_next_try;  /* no reader opens before (monotonic time) */
  gboolean            reader_down;      /* the operator has been told it failed */

  CivicLeader        *leader;    /* whether this process runs the clocks */
  guint               scheduler_source;
  gboolean            scheduler_running;
  /* The minute jobs (civic-due-jobs.c): a timeout for the next one */
  guint               due_source;
  GDateTime          *due_armed_for;
  gboolean            due_running;
  /* The public side's answers, while nothing published changes */
  CivicAnswerCache   *answers;
  guint               port;
};

G_DEFINE_FINAL_TYPE (CivicServer, civic_server, G_TYPE_OBJECT)

/* The calendar to count with: the one in force, or, when a holiday notice
 * was imported since it was read (by a command, or by the command line
 * in another process), the calendar read again. A notice that cannot be
 * read leaves the one in force, with a warning. */
static CivicCalendar *
calendar_in_force (CivicServer *self,
                   CivicDb     *db)
{
  g_autoptr(GError) error = NULL;
  gint64 seq = civic_calendar_records_generation (db, &error);
  CivicCalendar *calendar;

  g_mutex_lock (&self->calendar_lock);
  /* Only forward: a connection that sees an older state (in a read
   * transaction begun before the import) never brings back the calendar
   * replaced; a notice that cannot be read is said once */
  if (error == NULL && seq > self->calendar_seq && seq > self->calendar_failed_seq)
    {
      CivicCalendar *fresh = civic_calendar_records_load (db, "CN-43", &error);

      if (fresh != NULL)
        {
          g_ptr_array_add (self->replaced_calendars, self->calendar);
          self->calendar = fresh;
          self->calendar_seq = seq;
        }
      else
        self->calendar_failed_seq = seq;
    }
  else
    g_clear_error (&error);
  calendar = self->calendar;
  g_mutex_unlock (&self->calendar_lock);
  if (error != NULL)
    g_warning ("The holiday calendar was not read again: %s", error->message);
  return calendar;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->msg);
  g_free (request->method);
  g_free (request->path);
  g_strfreev (request->segments);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->body_type);
  g_free (request->boundary);
  g_free (request->token);
  g_free (request->address);
  civic_account_free (request->account);
  g_free (request->response);
  g_clear_pointer (&request->response_bytes, g_bytes_unref);
  g_free (request->content_type_owned);
  g_free (request->content_disposition);
  g_clear_pointer (&request->next_due, g_date_time_unref);
  g_free (request->if_none_match);
  g_free (request->etag);
  g_free (request->location);
  g_free (request->raw_query);
  g_free (request->cache_key);
  g_clear_object (&request->server);
  g_free (request);
}

/* Responses */

static void
respond_json (Request    *request,
              guint       status,
              char       *body)
{
  request->status = status;
  g_free (request->response);
  request->response = body;
}

static char *
error_body (const char *code,
            const char *message)
{
  g_autoptr(GString) out = g_string_new ("{\"error\":");

  civic_json_append_string (out, code);
  g_string_append (out, ",\"message\":");
  civic_json_append_string (out, message);
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
respond_error (Request    *request,
               guint       status,
               const char *code,
               const char *message)
{
  respond_json (request, status, error_body (code, message));
}

static void
respond_internal (Request      *request,
                  const GError *error)
{
  g_warning ("%s %s: %s", request->method, request->path, error ? error->message : "?");
  respond_error (request, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                 _("The service failed; the problem has been logged"));
}

static JsonNode *
parse_body (Request *request)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = request->body ? g_bytes_get_data (request->body, &length) : NULL;
  JsonNode *node;

  if (data == NULL || length == 0)
    {
      respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request",
                     _("The request has no body"));
      return NULL;
    }

  node = civic_json_parse (data, length, &error);
  if (node == NULL)
    respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
  return node;
}

/* Authentication */

/* Every request looks its token up, with the account behind it: a
 * change of department, roles or password, or a disabled account, holds
 * from the very next request, on every service process. (A cache of a
 * few seconds let a token act in a department its official had left.) */
static gboolean
authenticate (CivicServer *self,
              CivicDb     *db,
              Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();

  if (request->token == NULL)
    {
      respond_error (request, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                     _("Sign in first: this request needs a bearer token"));
      return FALSE;
    }

  request->account = civic_accounts_authenticate (db, request->token, now, &error);
  if (request->account == NULL)
    {
      if (g_error_matches (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_UNAUTHORIZED))
        respond_error (request, SOUP_STATUS_UNAUTHORIZED, "unauthorized", error->message);
      else
        respond_internal (request, error);
      return FALSE;
    }

  return TRUE;
}

/* Handlers, run on a pool thread */

static void
handle_health (CivicServer *self,
               CivicDb     *db,
               Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(CivicAccount) account = NULL;
  g_autofree char *time = civic_time_format (now);
  gint64 seq = civic_server_db_current_seq (db, &error);
  gboolean leading = civic_leader_is_leader (self->leader);

  if (seq < 0)
    {
      respond_internal (request, error);
      return;
    }

  /* Which version runs is for the officials who use it, not for anyone
   * who wants to know which flaws to try. */
  if (request->token != NULL)
    account = civic_accounts_authenticate (db, request->token, now, NULL);

  /* "clocks": whether this process runs the scheduler (one of a
   * province's several does) */
  if (account != NULL)
    respond_json (request, SOUP_STATUS_OK,
                  g_strdup_printf ("{\"status\":\"ok\",\"version\":\"%s\",\"time\":\"%s\","
                                   "\"seq\":%" G_GINT64_FORMAT ",\"clocks\":%s}", PACKAGE_VERSION,
                                   time, seq, leading ? "true" : "false"));
  else
    respond_json (request, SOUP_STATUS_OK,
                  g_strdup_printf ("{\"status\":\"ok\",\"time\":\"%s\",\"seq\":%" G_GINT64_FORMAT
                                   ",\"clocks\":%s}", time, seq, leading ? "true" : "false"));
}

static char *
account_json (CivicDb      *db,
              CivicAccount *account)
{
  g_autoptr(JsonNode) department = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *department_name = NULL;

  if (account->department_id != NULL)
    department = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, account->department_id, NULL);
  if (department != NULL && JSON_NODE_HOLDS_OBJECT (department))
    department_name = json_object_get_string_member_with_default (json_node_get_object (department),
                                                                  "name", NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", account->id);
  civic_json_set_string (builder, "username", account->username);
  civic_json_set_string (builder, "name", account->name);
  civic_json_set_string (builder, "department_id", account->department_id);
  civic_json_set_string (builder, "department_name", department_name);
  civic_roles_to_json (builder, "roles", account->roles);
  civic_json_set_bool (builder, "must_change_password", account->must_change_password);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return civic_json_to_string (node, FALSE);
}

static void
handle_sign_in (CivicServer *self,
                CivicDb     *db,
                Request     *request)
{
  g_autoptr(JsonNode) body = parse_body (request);
  g_autoptr(CivicSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *expires = NULL;
  g_autofree char *user = NULL;
  const char *username, *password;
  gint64 retry_after = 0;
  JsonObject *object;

  if (body == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (body) ||
      !civic_json_get_string (object = json_node_get_object (body), "username", TRUE, &username,
                              &error) ||
      !civic_json_get_string (object, "password", TRUE, &password, &error))
    {
      respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request",
                     error ? error->message : _("Expected {\"username\", \"password\"}"));
      return;
    }

  session = civic_accounts_sign_in (db, username, password, request->address, now,
                                    self->options.session_hours, &retry_after, &error);
  if (session == NULL)
    {
      const char *code = "internal";
      guint status = SOUP_STATUS_INTERNAL_SERVER_ERROR;

      if (error->domain == CIVIC_ACCOUNTS_ERROR)
        switch (error->code)
          {
          case CIVIC_ACCOUNTS_ERROR_WRONG_CREDENTIALS:
            status = SOUP_STATUS_UNAUTHORIZED;
            code = "wrong-credentials";
            break;
          case CIVIC_ACCOUNTS_ERROR_DISABLED:
            status = SOUP_STATUS_FORBIDDEN;
            code = "account-disabled";
            break;
          case CIVIC_ACCOUNTS_ERROR_THROTTLED:
            status = STATUS_TOO_MANY_REQUESTS;
            code = "throttled";
            break;
          default:
            break;
          }

      request->retry_after = retry_after;
      if (status == SOUP_STATUS_INTERNAL_SERVER_ERROR)
        respond_internal (request, error);
      else
        respond_error (request, status, code, error->message);

      if (error->domain == CIVIC_ACCOUNTS_ERROR &&
          error->code == CIVIC_ACCOUNTS_ERROR_WRONG_CREDENTIALS)
        g_message ("sign-in failed address=%s", request->address);
      return;
    }

  expires = civic_time_format (session->expires_at);
  user = account_json (db, session->account);
  {
    g_autoptr(GString) out = g_string_new ("{\"token\":");

    civic_json_append_string (out, session->token);
    g_string_append (out, ",\"expires_at\":");
    civic_json_append_string (out, expires);
    g_string_append_printf (out, ",\"user\":%s}", user);
    respond_json (request, SOUP_STATUS_OK, g_string_free (g_steal_pointer (&out), FALSE));
  }
}

static void
handle_sign_out (CivicServer *self,
                 CivicDb     *db,
                 Request     *request)
{
  g_autoptr(GError) error = NULL;

  if (!civic_accounts_revoke (db, request->token, &error))
    {
      respond_internal (request, error);
      return;
    }

  respond_json (request, SOUP_STATUS_OK, g_strdup ("{\"status\":\"signed-out\"}"));
}

static void
handle_me (CivicServer *self,
           CivicDb     *db,
           Request     *request)
{
  respond_json (request, SOUP_STATUS_OK, account_json (db, request->account));
}

/* POST /api/v1/me/password {"current_password", "new_password"}: the
 * official chooses their own password; this session stays open, every
 * other one ends */
static void
handle_change_password (CivicServer *self,
                        CivicDb     *db,
                        Request     *request)
{
  g_autoptr(JsonNode) body = parse_body (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  const char *current, *password;
  gint64 retry_after = 0;
  JsonObject *object;

  if (body == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (body) ||
      !civic_json_get_string (object = json_node_get_object (body), "current_password", TRUE,
                              &current, &error) ||
      !civic_json_get_string (object, "new_password", TRUE, &password, &error))
    {
      respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request",
                     error ? error->message
                           : _("Expected {\"current_password\", \"new_password\"}"));
      return;
    }

  if (!civic_accounts_change_password (db, request->account, request->token, current, password,
                                       request->address, now, &retry_after, &error))
    {
      request->retry_after = retry_after;
      if (g_error_matches (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_WRONG_PASSWORD))
        respond_error (request, SOUP_STATUS_FORBIDDEN, "wrong-password", error->message);
      else if (g_error_matches (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_THROTTLED))
        respond_error (request, STATUS_TOO_MANY_REQUESTS, "throttled", error->message);
      else if (g_error_matches (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_INVALID))
        respond_error (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "weak-password",
                       error->message);
      else if (g_error_matches (error, CIVIC_ACCOUNTS_ERROR, CIVIC_ACCOUNTS_ERROR_UNAUTHORIZED))
        respond_error (request, SOUP_STATUS_UNAUTHORIZED, "unauthorized", error->message);
      else
        respond_internal (request, error);
      return;
    }
  respond_json (request, SOUP_STATUS_OK, g_strdup ("{\"status\":\"password-changed\"}"));
}

/* POST /api/v1/calendars/preview {"text", "year"?, "number"?, "issued"?}
 * or {"notice": {…}}: what importing a holiday notice would change — the
 * days, and the due dates of open cases it moves — for an administrator
 * to read before importing it. Changes nothing. */
static void
handle_calendar_preview (CivicServer *self,
                         CivicDb     *db,
                         Request     *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;

  if (!(request->account->roles & CIVIC_ROLE_ADMIN))
    {
      respond_error (request, SOUP_STATUS_FORBIDDEN, "forbidden",
                     _("Holiday notices are imported by the hall’s administrators"));
      return;
    }
  body = parse_body (request);
  if (body == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request",
                     _("Expected {\"text\"} or {\"notice\"}"));
      return;
    }
  notice = civic_calendar_records_read_notice (json_node_get_object (body), &error);
  if (notice != NULL)
    answer = civic_calendar_records_preview (db, calendar_in_force (self, db), notice,
                                             civic_time_today (), &error);
  if (answer == NULL)
    {
      if (error != NULL && error->domain == CIVIC_SQLITE_ERROR)
        respond_internal (request, error);
      else
        respond_error (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid-notice",
                       error != NULL ? error->message : _("The notice cannot be read"));
      return;
    }
  respond_json (request, SOUP_STATUS_OK, g_steal_pointer (&answer));
}

static gboolean
query_int (Request    *request,
           const char *name,
           gint64      fallback,
           gint64      min,
           gint64      max,
           gint64     *out)
{
  g_autoptr(GError) error = NULL;

  if (!civic_query_get_int (request->query, name, fallback, min, max, out, &error))
    {
      respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
handle_changes (CivicServer *self,
                CivicDb     *db,
                Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) page = NULL;
  gint64 after, limit;

  if (!query_int (request, "after", 0, 0, G_MAXINT64, &after) ||
      !query_int (request, "limit", CIVIC_FEED_DEFAULT_LIMIT, 1, CIVIC_FEED_MAX_LIMIT, &limit))
    return;

  /* Starting over from 0 is how a client takes in a changed view. */
  if (after == 0 && request->account->view_seq < request->account->scope_seq)
    {
      if (!civic_accounts_acknowledge_view (db, request->token, request->account->scope_seq,
                                            &error))
        {
          respond_internal (request, error);
          return;
        }
      request->account->view_seq = request->account->scope_seq;
    }

  page = civic_feed_changes (db, request->account, after, (int) limit, &error);
  if (page == NULL)
    {
      if (g_error_matches (error, CIVIC_FEED_ERROR, CIVIC_FEED_ERROR_RESYNC))
        respond_error (request, SOUP_STATUS_GONE, "resync", error->message);
      else
        respond_internal (request, error);
      return;
    }

  respond_json (request, SOUP_STATUS_OK, g_strndup (g_bytes_get_data (page, NULL),
                                                    g_bytes_get_size (page)));
}

static void
handle_commands (CivicServer *self,
                 CivicDb     *db,
                 Request     *request)
{
  g_autoptr(JsonNode) body = parse_body (request);
  g_autoptr(GPtrArray) commands = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicActor) actor = NULL;
  CivicCommandEnv env = { db, calendar_in_force (self, db), NULL, request->address, self->options.public_url };

  if (body == NULL)
    return;

  commands = civic_commands_parse (body, &error);
  if (commands == NULL)
    {
      respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
      return;
    }

  actor = civic_account_to_actor (request->account);
  respond_json (request, SOUP_STATUS_OK, civic_commands_execute (&env, actor, commands));

  /* A command may have set a job for a minute sooner than the one the
   * service waits for */
  request->next_due = civic_due_jobs_next (db, NULL);
}

static const struct
{
  const char *collection;
  const char *type;
} collections[] = {
  { "cases", CIVIC_ENTITY_CASE },
  { "departments", CIVIC_ENTITY_DEPARTMENT },
  { "users", CIVIC_ENTITY_USER },
  { "items", CIVIC_ENTITY_ITEM },
  { "rooms", CIVIC_ENTITY_ROOM },
  { "calendars", CIVIC_ENTITY_CALENDAR },
  { "templates", CIVIC_ENTITY_TEMPLATE },
  { "hearings", CIVIC_ENTITY_HEARING },
  { "disclosures", CIVIC_ENTITY_DISCLOSURE },
  { "disclosure-requests", CIVIC_ENTITY_DISCLOSURE_REQUEST },
  { "disclosure-columns", CIVIC_ENTITY_DISCLOSURE_COLUMN },
  { "messages", CIVIC_ENTITY_MESSAGE },
  { "evaluations", CIVIC_ENTITY_EVALUATION },
  { "message-clocks", CIVIC_ENTITY_MESSAGE_CLOCKS },
};

/* The request's parameters, checked; a refusal answered */
static gboolean
parse_supervision_query (Request               *request,
                         const CivicActor      *actor,
                         CivicDay               today,
                         CivicSupervisionQuery *query)
{
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  if (civic_supervision_query_parse (request->query ? request->query : none, actor, today, query,
                                     &error))
    return TRUE;
  if (g_error_matches (error, CIVIC_SUPERVISION_ERROR, CIVIC_SUPERVISION_ERROR_FORBIDDEN))
    respond_error (request, SOUP_STATUS_FORBIDDEN, "forbidden", error->message);
  else
    respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
  return FALSE;
}

/* GET /api/v1/supervision/{overview,trend,rates,items}: e-supervision's
 * figures (civic-supervision-queries.c), a supervisor's of every
 * department, a department head's of their own */
static void
handle_supervision (CivicServer *self,
                    CivicDb     *db,
                    Request     *request)
{
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_auto(CivicSupervisionQuery) query = { 0, };
  g_autoptr(GError) error = NULL;
  const char *what = request->segments[3];
  CivicDay today = civic_time_today ();
  char *answer = NULL;

  if (!parse_supervision_query (request, actor, today, &query))
    return;

  if (g_str_equal (what, "overview"))
    answer = civic_supervision_overview (db, &query, today, &error);
  else if (g_str_equal (what, "trend"))
    answer = civic_supervision_trend (db, &query, &error);
  else if (g_str_equal (what, "rates"))
    answer = civic_supervision_rates (db, &query, &error);
  else if (g_str_equal (what, "items"))
    answer = civic_supervision_items (db, &query, actor, today, &error);
  else
    {
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
      return;
    }

  if (answer == NULL)
    respond_internal (request, error);
  else
    respond_json (request, SOUP_STATUS_OK, answer);
}

/* GET /api/v1/supervision/{overview,trend,rates,items}/{csv,xlsx}: the
 * same, as a file (civic-supervision-exports.c), a list whole up to its
 * limit; GET /api/v1/supervision/report/pdf: the period's report. Each on
 * the audit log with what was asked and how many rows (pages) went */
static void
handle_supervision_export (CivicServer *self,
                           CivicDb     *db,
                           Request     *request)
{
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_auto(CivicSupervisionQuery) query = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *today_text = NULL;
  const char *what = request->segments[3];
  const char *format = request->segments[4];
  CivicDay today = civic_time_today ();
  guint n_rows = 0;

  gboolean report = g_str_equal (what, "report");

  if (report ? !g_str_equal (format, "pdf")
             : !g_str_equal (format, "csv") && !g_str_equal (format, "xlsx"))
    {
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
      return;
    }
  if (!parse_supervision_query (request, actor, today, &query))
    return;

  if (report)
    /* Translators: "zh" in Chinese: the language a report is written in */
    file = civic_supervision_report_pdf (db, &query, actor, today,
                                         g_str_equal (C_("document language", "en"), "zh")
                                         ? CIVIC_DOCUMENT_LANGUAGE_ZH : CIVIC_DOCUMENT_LANGUAGE_EN,
                                         &n_rows, &error);
  else if (g_str_equal (what, "overview"))
    answer = civic_supervision_overview (db, &query, today, &error);
  else if (g_str_equal (what, "trend"))
    answer = civic_supervision_trend (db, &query, &error);
  else if (g_str_equal (what, "rates"))
    answer = civic_supervision_rates (db, &query, &error);
  else if (g_str_equal (what, "items"))
    {
      /* The whole list, not a page */
      query.offset = 0;
      query.limit = CIVIC_SUPERVISION_EXPORT_MAX;
      answer = civic_supervision_items (db, &query, actor, today, &error);
    }
  else
    {
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
      return;
    }
  if (answer != NULL)
    file = civic_supervision_export (what, answer, format, &n_rows, &error);
  if (file == NULL)
    {
      respond_internal (request, error);
      return;
    }

  {
    g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (builder);
    civic_json_set_string (builder, "format", format);
    civic_json_set_string (builder, "query", request->raw_query ? request->raw_query : "");
    civic_json_set_int (builder, "rows", n_rows);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    detail = civic_json_to_string (root, FALSE);
  }
  if (!civic_db_begin (db, &error) ||
      !civic_audit_append (db, now, actor->id, "export", what, detail, request->address, &error) ||
      !civic_db_commit (db, &error))
    {
      civic_db_rollback (db);
      respond_internal (request, error);
      return;
    }

  today_text = civic_day_format (today);
  request->status = SOUP_STATUS_OK;
  request->response_bytes = g_steal_pointer (&file);
  request->content_type = report ? "application/pdf"
                          : g_str_equal (format, "csv")
                          ? "text/csv; charset=utf-8"
                          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  request->content_disposition = g_strdup_printf ("%s; filename=\"supervision-%s-%s.%s\"",
                                                  report ? "inline" : "attachment",
                                                  what, today_text, format);
}

static void
handle_get_entity (CivicServer *self,
                   CivicDb     *db,
                   Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicEntityRow) row = NULL;
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  const char *collection = request->segments[2];
  const char *id = request->segments[3];
  const char *type = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    if (g_str_equal (collections[i].collection, collection))
      type = collections[i].type;
  /* …and every kind of record officials act on, by its feed collection */
  for (const CivicEntityKind * const *kind = civic_entity_kinds (); type == NULL && *kind; kind++)
    if (g_strcmp0 ((*kind)->collection, collection) == 0)
      type = (*kind)->type;

  if (type == NULL)
    {
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
      return;
    }

  row = civic_server_db_get_entity (db, type, id, &error);
  if (row == NULL && error != NULL)
    {
      respond_internal (request, error);
      return;
    }

  if (row != NULL)
    {
      gboolean sees = FALSE;

      if (!civic_server_db_actor_sees (db, actor, type, id, &sees, &error))
        {
          respond_internal (request, error);
          return;
        }
      if (!sees)
        g_clear_pointer (&row, civic_entity_row_free);
    }
  if (row == NULL || row->deleted)
    {
      /* Not there and not yours answer alike. */
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
      return;
    }

  {
    g_autoptr(GString) out = g_string_new ("{\"type\":");

    civic_json_append_string (out, type);
    g_string_append (out, ",\"id\":");
    civic_json_append_string (out, id);
    g_string_append_printf (out, ",\"rev\":%" G_GINT64_FORMAT ",\"seq\":%" G_GINT64_FORMAT
                            ",\"data\":%s}", row->rev, row->seq, row->data);
    respond_json (request, SOUP_STATUS_OK, g_string_free (g_steal_pointer (&out), FALSE));
  }
}

static void
handle_reveal (CivicServer *self,
               CivicDb     *db,
               Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;
  const CivicApplicant *applicant;
  const CivicCaseHearing *hearing;
  const char *id = request->segments[3];

  if (!civic_db_begin (db, &error))
    {
      respond_internal (request, error);
      return;
    }

  kase = civic_case_records_load (db, id, &error);
  if (kase == NULL || !civic_policy_check_reveal (actor, kase, &error))
    {
      civic_db_rollback (db);
      if (kase == NULL && error != NULL)
        respond_internal (request, error);
      else if (kase == NULL || g_error_matches (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND))
        respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
      else
        respond_error (request, SOUP_STATUS_FORBIDDEN, "forbidden", error->message);
      return;
    }

  /* PIPL: every look at personal data is on the record. */
  if (!civic_audit_append (db, now, actor->id, "reveal", id, NULL, request->address, &error) ||
      !civic_db_commit (db, &error))
    {
      civic_db_rollback (db);
      respond_internal (request, error);
      return;
    }

  applicant = civic_case_get_applicant (kase);
  hearing = civic_case_get_hearing (kase);
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "case_id", id);
  civic_json_set_string (builder, "name", applicant->name);
  civic_json_set_string (builder, "id_number", applicant->id_number);
  civic_json_set_string (builder, "phone", applicant->phone);
  civic_json_set_string (builder, "address", applicant->address);
  civic_json_set_string (builder, "contact", applicant->contact);
  /* The hearing's people, as the feed masks them too */
  civic_json_set_strv (builder, "parties", (const char * const *) hearing->parties);
  civic_json_set_string (builder, "requested_by", hearing->requested_by);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  respond_json (request, SOUP_STATUS_OK, civic_json_to_string (node, FALSE));
}

static void
handle_apply (CivicServer *self,
              CivicDb     *db,
              Request     *request)
{
  g_autoptr(JsonNode) body = parse_body (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  char *answer;

  if (body == NULL)
    return;

  answer = civic_intake_submit (db, calendar_in_force (self, db), body, now, request->address, &error);
  if (answer != NULL)
    respond_json (request, SOUP_STATUS_CREATED, answer);
  else if (g_error_matches (error, CIVIC_INTAKE_ERROR, CIVIC_INTAKE_ERROR_INVALID))
    respond_error (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid", error->message);
  else if (g_error_matches (error, CIVIC_INTAKE_ERROR, CIVIC_INTAKE_ERROR_NOT_FOUND))
    respond_error (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown-item", error->message);
  else
    respond_internal (request, error);
}

static void
handle_application_status (CivicServer *self,
                           CivicDb     *db,
                           Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  char *answer;

  answer = civic_intake_status (db, calendar_in_force (self, db), request->segments[3], now, &error);
  if (answer != NULL)
    respond_json (request, SOUP_STATUS_OK, answer);
  else if (g_error_matches (error, CIVIC_INTAKE_ERROR, CIVIC_INTAKE_ERROR_NOT_FOUND))
    respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", error->message);
  else
    respond_internal (request, error);
}

static void
respond_pdf (Request                   *request,
             const CivicIssuedDocument *document)
{
  request->status = SOUP_STATUS_OK;
  request->response_bytes = g_bytes_ref (document->pdf);
  request->content_type = "application/pdf";
  /* The number is the name an official files it under; the code is
   * ASCII for every browser */
  request->content_disposition = g_strdup_printf ("inline; filename=\"%s.pdf\"", document->code);
}

/* An issued document's PDF, for an official who may see the applicant's
 * data in it (as the audited reveal): downloading it is on the record */
static void
handle_document_pdf (CivicServer *self,
                     CivicDb     *db,
                     Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(CivicIssuedDocument) document = NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autofree char *detail = NULL;
  CivicDocumentKind kind = CIVIC_DOCUMENT_ACCEPTANCE_NOTICE;
  gboolean allowed = FALSE;

  if (!civic_db_begin (db, &error))
    {
      respond_internal (request, error);
      return;
    }

  /* Who asks first; the PDF is unsealed only for those who may read it:
   * a case's to those handling it, a request for information's to the
   * organ's disclosure staff */
  document = civic_documents_load (db, request->segments[3], NULL, FALSE, &error);
  if (document != NULL && civic_document_kind_from_string (document->kind, &kind) &&
      civic_document_kind_is_disclosure_request (kind))
    allowed = civic_policy_check_disclosure_staff (actor, document->department_id,
                                                   CIVIC_ROLES_DISCLOSURE, &error);
  /* A message's written reply names its citizen: to the department
   * that has the message and the hall (never whom a report accuses) */
  else if (document != NULL && civic_document_kind_is_message (kind))
    {
      g_autoptr(GError) refused = NULL;

      allowed = civic_message_files_check_opener (db, actor, document->case_id, &refused);
      if (!allowed && refused != NULL && refused->domain != CIVIC_FILE_ERROR)
        g_propagate_error (&error, g_steal_pointer (&refused));
      else if (g_error_matches (refused, CIVIC_FILE_ERROR,
                                CIVIC_FILE_ERROR_FORBIDDEN))
        g_set_error_literal (&error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                             refused->message);
    }
  else if (document != NULL)
    {
      kase = civic_case_records_load (db, document->case_id, &error);
      allowed = kase != NULL && civic_policy_check_reveal (actor, kase, &error);
    }
  if (allowed)
    {
      g_clear_pointer (&document, civic_issued_document_free);
      document = civic_documents_load (db, request->segments[3], NULL, TRUE, &error);
    }
  if (!allowed || document == NULL || error != NULL)
    {
      civic_db_rollback (db);
      if (error != NULL && error->domain != CIVIC_DOCUMENTS_ERROR &&
          error->domain != CIVIC_POLICY_ERROR)
        respond_internal (request, error);
      else if (error != NULL && g_error_matches (error, CIVIC_POLICY_ERROR,
                                                 CIVIC_POLICY_ERROR_FORBIDDEN))
        respond_error (request, SOUP_STATUS_FORBIDDEN, "forbidden", error->message);
      else
        respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
      return;
    }

  detail = g_strdup_printf ("{\"case\":\"%s\"}", document->case_id);
  if (!civic_audit_append (db, now, actor->id, "download-document", document->id, detail,
                           request->address, &error) ||
      !civic_db_commit (db, &error))
    {
      civic_db_rollback (db);
      respond_internal (request, error);
      return;
    }
  respond_pdf (request, document);
}

/* An old version of a disclosure for the organ's disclosure staff, its
 * blocking findings masked; ?reveal=1&reason=… as written, for a reviewer
 * or the head, audited (civic-disclosure-versions.c) */
static void
handle_disclosure_version (CivicServer *self,
                           CivicDb     *db,
                           Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_autoptr(GDateTime) now = civic_time_now ();
  const char *reveal = request->query ? g_hash_table_lookup (request->query, "reveal") : NULL;
  const char *reason = request->query ? g_hash_table_lookup (request->query, "reason") : NULL;
  g_autofree char *answer = NULL;
  guint status = 500;

  if (reveal != NULL && !g_str_equal (reveal, "1") && !g_str_equal (reveal, "0"))
    {
      respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request", _("“reveal” is 1 or 0"));
      return;
    }
  if (!civic_db_begin (db, &error))
    {
      respond_internal (request, error);
      return;
    }
  answer = civic_disclosure_versions_read (db, actor, request->segments[3], request->segments[5],
                                           g_strcmp0 (reveal, "1") == 0, reason,
                                           request->address, now, &status, &error);
  if (answer == NULL || !civic_db_commit (db, &error))
    {
      civic_db_rollback (db);
      if (status == SOUP_STATUS_NOT_FOUND)
        respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
      else if (status == SOUP_STATUS_FORBIDDEN)
        respond_error (request, SOUP_STATUS_FORBIDDEN, "forbidden", error->message);
      else if (status == SOUP_STATUS_BAD_REQUEST)
        respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
      else
        respond_internal (request, error);
      return;
    }
  respond_json (request, SOUP_STATUS_OK, g_steal_pointer (&answer));
}

/* Anyone holding the paper: was it issued, by whom, what, when, its hash;
 * with ?sha256= whether the copy at hand is the one issued */
static void
handle_document_check (CivicServer *self,
                       CivicDb     *db,
                       Request     *request)
{
  g_autoptr(GError) error = NULL;
  const char *sha256 = request->query ? g_hash_table_lookup (request->query, "sha256") : NULL;
  char *answer;

  answer = civic_documents_check_json (db, request->segments[3], sha256, &error);
  if (answer != NULL)
    respond_json (request, SOUP_STATUS_OK, answer);
  else if (g_error_matches (error, CIVIC_DOCUMENTS_ERROR, CIVIC_DOCUMENTS_ERROR_INVALID))
    respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
  else if (g_error_matches (error, CIVIC_DOCUMENTS_ERROR, CIVIC_DOCUMENTS_ERROR_NOT_FOUND))
    respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", error->message);
  else
    respond_internal (request, error);
}

/* The applicant, by the receipt of the application: a document served on
 * them electronically */
static void
handle_applicant_document (CivicServer *self,
                           CivicDb     *db,
                           Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(CivicIssuedDocument) document = NULL;
  const char *code = request->segments[5];
  GPtrArray *documents;

  kase = civic_case_records_load_by_receipt (db, request->segments[3], &error);
  if (kase == NULL && error != NULL)
    {
      respond_internal (request, error);
      return;
    }

  documents = kase ? civic_case_get_documents (kase) : NULL;
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      CivicCaseDocument *candidate = g_ptr_array_index (documents, i);

      if (g_strcmp0 (candidate->code, code) == 0 &&
          civic_documents_served_electronically (kase, candidate))
        {
          document = civic_documents_load (db, candidate->id, NULL, TRUE, &error);
          if (document == NULL)
            {
              respond_internal (request, error);
              return;
            }
        }
    }

  if (document == NULL)
    respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such document"));
  else
    respond_pdf (request, document);
}

/* The hearings announced to the public, from ?from= (a day, default
 * today) for ?days= (default 30) */
static void
handle_public_hearings (CivicServer *self,
                        CivicDb     *db,
                        Request     *request)
{
  g_autoptr(GError) error = NULL;
  const char *from_text = request->query ? g_hash_table_lookup (request->query, "from") : NULL;
  CivicDay from = civic_time_today ();
  gint64 days;
  char *answer;

  if (from_text != NULL && !civic_day_parse (from_text, &from))
    {
      respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request",
                     _("“from” is not a day such as 2026-03-20"));
      return;
    }
  if (!query_int (request, "days", 30, 1, 366, &days))
    return;

  answer = civic_hearing_records_public_json (db, from, (guint) days, &error);
  if (answer == NULL)
    respond_internal (request, error);
  else
    respond_json (request, SOUP_STATUS_OK, answer);
}

/* The public side of disclosures: one ETag for every answer, the public
 * sequence, which moves whenever anything published changes */
/* The answer kept for this request's path, query and ETag, if any */
static gboolean
answer_from_cache (Request *request)
{
  CivicServer *self = request->server;
  const char *content_type = NULL;
  GBytes *body;

  request->cache_key = g_strdup_printf ("%s\n%s?%s", request->etag, request->path,
                                        request->raw_query ? request->raw_query : "");
  body = civic_answer_cache_lookup (self->answers, request->cache_key, &content_type);
  if (body == NULL)
    return FALSE;
  request->status = SOUP_STATUS_OK;
  request->response_bytes = body;
  request->content_type = content_type;
  request->from_cache = TRUE;
  return TRUE;
}

/* Answered already: unchanged for the client (304), or kept */
static gboolean
not_modified (CivicDb     *db,
              Request     *request)
{
  request->etag = g_strdup_printf ("\"p%" G_GINT64_FORMAT "\"", civic_public_seq (db));
  if (request->if_none_match != NULL && g_str_equal (request->if_none_match, request->etag))
    {
      request->status = SOUP_STATUS_NOT_MODIFIED;
      return TRUE;
    }
  return answer_from_cache (request);
}

/* After a public answer was made: kept for the next one who asks */
static void
keep_answer (CivicServer *self,
             Request     *request)
{
  g_autoptr(GBytes) body = NULL;
  const char *content_type = request->content_type;

  if (request->cache_key == NULL || request->from_cache || request->status != SOUP_STATUS_OK ||
      request->etag == NULL)
    return;
  if (request->response_bytes != NULL)
    body = g_bytes_ref (request->response_bytes);
  else if (request->response != NULL)
    {
      body = g_bytes_new (request->response, strlen (request->response));
      content_type = "application/json; charset=utf-8";
    }
  if (body != NULL && g_bytes_get_size (body) <= 1024 * 1024)
    civic_answer_cache_store (self->answers, request->cache_key, body, content_type);
}

static void
handle_public_disclosures (CivicServer *self,
                           CivicDb     *db,
                           Request     *request)
{
  g_autoptr(GError) error = NULL;
  CivicPublicQuery query;
  char *answer;

  if (!civic_public_query_parse (request->query, &query, &error))
    {
      respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
      return;
    }
  if (not_modified (db, request))
    return;
  answer = civic_disclosure_public_list_json (db, &query, &error);
  if (answer == NULL)
    respond_internal (request, error);
  else
    respond_json (request, SOUP_STATUS_OK, answer);
}

static void
handle_public_disclosure (CivicServer *self,
                          CivicDb     *db,
                          Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (not_modified (db, request))
    return;
  node = civic_disclosure_public_get (db, request->segments[3], &error);
  if (node == NULL && error != NULL)
    respond_internal (request, error);
  else if (node == NULL)
    {
      g_clear_pointer (&request->etag, g_free);
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found",
                     _("No disclosure was published under this id"));
    }
  else
    respond_json (request, SOUP_STATUS_OK, civic_json_to_string (node, FALSE));
}

/* A file refused, whatever record it was for */
static void
respond_file_error (Request      *request,
                    const GError *error)
{
  if (error->domain != CIVIC_FILE_ERROR)
    respond_internal (request, error);
  else
    switch ((CivicFileError) error->code)
      {
      case CIVIC_FILE_ERROR_NOT_FOUND:
        respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", error->message);
        break;
      case CIVIC_FILE_ERROR_FORBIDDEN:
        respond_error (request, SOUP_STATUS_FORBIDDEN, "forbidden", error->message);
        break;
      case CIVIC_FILE_ERROR_STATE:
        respond_error (request, SOUP_STATUS_CONFLICT, "state", error->message);
        break;
      case CIVIC_FILE_ERROR_MEDIA_TYPE:
        respond_error (request, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "media-type", error->message);
        break;
      case CIVIC_FILE_ERROR_INVALID:
      default:
        respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
        break;
      }
}

/* POST /api/v1/disclosures/{id}/attachments?name=…: the file is the
 * body, its type the Content-Type */
static void
handle_upload_attachment (CivicServer *self,
                          CivicDb     *db,
                          Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GBytes) content = request->body ? g_bytes_ref (request->body) : g_bytes_new (NULL, 0);
  const char *name = request->query ? g_hash_table_lookup (request->query, "name") : NULL;
  char *answer;

  answer = civic_disclosure_attachments_upload (db, actor, request->segments[3], name,
                                                request->body_type, content, now,
                                                request->address, &error);
  if (answer != NULL)
    respond_json (request, SOUP_STATUS_CREATED, answer);
  else
    respond_file_error (request, error);
}


/* POST /api/v1/messages/{id}/attachments?name=…: the file is the body,
 * its type the Content-Type; attach-message-file adds it */
static void
handle_upload_message_file (CivicServer *self,
                            CivicDb     *db,
                            Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GBytes) content = request->body ? g_bytes_ref (request->body) : g_bytes_new (NULL, 0);
  const char *name = request->query ? g_hash_table_lookup (request->query, "name") : NULL;
  char *answer;

  answer = civic_message_files_upload (db, actor, request->segments[3], name, request->body_type,
                                       content, now, request->address, &error);
  if (answer != NULL)
    respond_json (request, SOUP_STATUS_CREATED, answer);
  else
    respond_file_error (request, error);
}

/* POST /api/v1/items/{code}/attachments?name=…: a blank form or a sample for a
 * material, the body; attach-item-file adds it to the draft */
static void
handle_upload_item_file (CivicServer *self,
                         CivicDb     *db,
                         Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GBytes) content = request->body ? g_bytes_ref (request->body) : g_bytes_new (NULL, 0);
  const char *name = request->query ? g_hash_table_lookup (request->query, "name") : NULL;
  char *answer;

  answer = civic_item_records_upload (db, actor, request->segments[3], name, request->body_type,
                                      content, now, request->address, &error);
  if (answer != NULL)
    respond_json (request, SOUP_STATUS_CREATED, answer);
  else
    respond_file_error (request, error);
}

/* GET /api/v1/items/{code}/attachments/{sha256}: a file uploaded for an item,
 * for its department's officials and the hall */
static void
handle_item_file (CivicServer *self,
                  CivicDb     *db,
                  Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_autofree char *name = NULL;
  g_autofree char *media_type = NULL;
  GBytes *content;

  content = civic_item_records_read_file (db, actor, request->segments[3], request->segments[5],
                                          &name, &media_type, &error);
  if (content == NULL)
    {
      respond_file_error (request, error);
      return;
    }
  request->status = SOUP_STATUS_OK;
  request->response_bytes = content;
  request->content_type_owned = g_strdup (media_type);
  request->content_type = request->content_type_owned;
  request->content_disposition = civic_attachment_content_disposition (name, media_type);
  request->download = TRUE;
}

/* GET /api/v1/messages/{id}/attachments/{sha256}: one of its files, for
 * an official who sees the message; never cached on the way */
static void
handle_message_file (CivicServer *self,
                     CivicDb     *db,
                     Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *name = NULL;
  g_autofree char *media_type = NULL;
  GBytes *content;

  content = civic_message_files_read (db, actor, request->segments[3], request->segments[5], now,
                                      request->address, &name, &media_type, &error);
  if (content == NULL)
    {
      respond_file_error (request, error);
      return;
    }
  request->status = SOUP_STATUS_OK;
  request->response_bytes = content;
  request->content_type_owned = g_str_has_prefix (media_type, "text/")
                                ? g_strconcat (media_type, "; charset=utf-8", NULL)
                                : g_strdup (media_type);
  request->content_type = request->content_type_owned;
  request->content_disposition = civic_attachment_content_disposition (name, media_type);
  request->download = TRUE;
}

/* GET /public/v1/disclosures/{id}/attachments/{n}: a published file,
 * its ETag its sha256 */
static void
handle_public_attachment (CivicServer *self,
                          CivicDb     *db,
                          Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicPublicAttachment) attachment = NULL;
  guint64 n = 0;

  if (g_ascii_string_to_unsigned (request->segments[5], 10, 1, CIVIC_DISCLOSURE_MAX_ATTACHMENTS,
                                  &n, NULL))
    attachment = civic_disclosure_attachments_get_public (db, request->segments[3], (guint) n,
                                                          &error);
  if (attachment == NULL && error != NULL)
    {
      respond_internal (request, error);
      return;
    }
  if (attachment == NULL)
    {
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found",
                     _("No such file was published"));
      return;
    }

  request->etag = g_strdup_printf ("\"%s\"", attachment->sha256);
  if (request->if_none_match != NULL && g_str_equal (request->if_none_match, request->etag))
    {
      request->status = SOUP_STATUS_NOT_MODIFIED;
      return;
    }
  request->status = SOUP_STATUS_OK;
  request->response_bytes = g_bytes_ref (attachment->content);
  request->content_type_owned = g_str_has_prefix (attachment->media_type, "text/")
                                ? g_strconcat (attachment->media_type, "; charset=utf-8", NULL)
                                : g_strdup (attachment->media_type);
  request->content_type = request->content_type_owned;
  request->content_disposition =
    civic_attachment_content_disposition (attachment->name, attachment->media_type);
  request->download = TRUE;
}

/* The guard's question, before libsoup reads a request: is this an
 * upload, whose body may be a file's 20 MiB (an official's file for a
 * disclosure, a message or an item's material), or a citizen's message with its photos? */
static CivicHttpBodyKind
body_kind (const char *line,
           gsize       length)
{
  static const char * const upload_collections[] = { "POST /api/v1/disclosures/",
                                                     "POST /api/v1/messages/",
                                                     "POST /api/v1/items/" };
  static const char * const forms[] = { "POST /public/v1/messages", "POST /public/messages" };
  static const char campaigns[] = "POST /public/campaigns/";
  static const char suffix[] = "/attachments";

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      gsize n = strlen (forms[i]);

      if (length > n && memcmp (line, forms[i], n) == 0 && (line[n] == ' ' || line[n] == '?'))
        return CIVIC_HTTP_BODY_PUBLIC_FORM;
    }
  if (length > strlen (campaigns) && memcmp (line, campaigns, strlen (campaigns)) == 0)
    {
      const char *id = line + strlen (campaigns);
      const char *end = id;

      while (end < line + length && *end != '/' && *end != ' ' && *end != '?')
        end++;
      if (end > id && end < line + length && (*end == ' ' || *end == '?'))
        return CIVIC_HTTP_BODY_PUBLIC_FORM;
      return CIVIC_HTTP_BODY_PLAIN;
    }
  for (guint i = 0; i < G_N_ELEMENTS (upload_collections); i++)
    {
      gsize n = strlen (upload_collections[i]);
      const char *id = line + n;
      const char *end;

      if (length < n || memcmp (line, upload_collections[i], n) != 0)
        continue;
      for (end = id; end < line + length && *end != '/' && *end != ' ' && *end != '?'; end++)
        ;
      if (end == id || (gsize) (line + length - end) < strlen (suffix) ||
          memcmp (end, suffix, strlen (suffix)) != 0)
        return CIVIC_HTTP_BODY_PLAIN;
      end += strlen (suffix);
      return end < line + length && (*end == ' ' || *end == '?') ? CIVIC_HTTP_BODY_UPLOAD
                                                                 : CIVIC_HTTP_BODY_PLAIN;
    }
  return CIVIC_HTTP_BODY_PLAIN;
}

/* /public/v1/feeds/{organ}.atom and /public/v1/feeds/{organ}/{column}.atom */
static void
handle_public_feed (CivicServer *self,
                    CivicDb     *db,
                    Request     *request)
{
  g_autoptr(GError) error = NULL;
  guint n = g_strv_length (request->segments);
  const char *last = request->segments[n - 1];
  g_autofree char *organ = NULL;
  g_autofree char *column = NULL;
  char *feed;

  if (!g_str_has_suffix (last, ".atom"))
    {
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such feed"));
      return;
    }
  if (n == 4)
    organ = g_strndup (last, strlen (last) - strlen (".atom"));
  else
    {
      organ = g_strdup (request->segments[3]);
      column = g_strndup (last, strlen (last) - strlen (".atom"));
    }

  if (not_modified (db, request))
    return;
  feed = civic_disclosure_public_atom (db, organ, column, self->options.public_url, &error);
  if (feed == NULL && error != NULL)
    respond_internal (request, error);
  else if (feed == NULL)
    {
      g_clear_pointer (&request->etag, g_free);
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such feed"));
    }
  else
    {
      request->status = SOUP_STATUS_OK;
      request->response_bytes = g_bytes_new_take (feed, strlen (feed));
      request->content_type = "application/atom+xml; charset=utf-8";
    }
}

/* What a citizen sends without signing in — a message, a request for
 * information, a rating — as its records' submit function takes it */
typedef char *(*PublicSubmit) (CivicDb        *db,
                               CivicCalendar  *calendar,
                               GDateTime      *now,
                               JsonNode       *body,
                               const char     *address,
                               guint          *status,
                               GError        **error);

static void
respond_submitted (CivicServer  *self,
                   CivicDb      *db,
                   Request      *request,
                   PublicSubmit  submit)
{
  g_autoptr(JsonNode) body = parse_body (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  guint status = 400;
  char *answer;

  if (body == NULL)
    return;
  answer = submit (db, calendar_in_force (self, db), now, body, request->address, &status, &error);
  if (answer != NULL)
    respond_json (request, status, answer);
  else if (status >= 500)
    respond_internal (request, error);
  else
    respond_error (request, status,
                   status == 404 ? "not-found" : status == 409 ? "conflict"
                   : status == 415 ? "media-type" : "bad-request",
                   error != NULL ? error->message : "");
}

/* A citizen's rating of the matter they hold the receipt of, and a
 * department's public indicators */
static void
handle_public_evaluation (CivicServer *self,
                          CivicDb     *db,
                          Request     *request)
{
  respond_submitted (self, db, request, civic_evaluation_records_submit);
}

static void
handle_public_ratings (CivicServer *self,
                       CivicDb     *db,
                       Request     *request)
{
  g_autoptr(GError) error = NULL;
  char *answer = civic_evaluation_records_ratings (db, request->segments[3], &error);

  if (answer == NULL && error != NULL)
    respond_internal (request, error);
  else if (answer == NULL)
    respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such department"));
  else
    respond_json (request, SOUP_STATUS_OK, answer);
}

/* GET /public/v1/campaigns and /public/v1/campaigns/{id}: the campaigns
 * published, and one with the ideas it adopted — never their proposers */
static void
handle_public_campaigns (CivicServer *self,
                         CivicDb     *db,
                         Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  CivicDay today = civic_time_day_of (now);
  const char *id = request->segments[3];
  char *answer = id != NULL ? civic_campaign_records_public (db, id, today, &error)
                            : civic_campaign_records_list_public (db, today, &error);

  if (answer == NULL && error != NULL)
    respond_internal (request, error);
  else if (answer == NULL)
    respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such campaign"));
  else
    respond_json (request, SOUP_STATUS_OK, answer);
}

/* Open311 GeoReport v2 (civic-open311.c): /open311/v2/… in JSON or XML */
static void
handle_open311 (CivicServer *self,
                CivicDb     *db,
                Request     *request)
{
  g_auto(CivicOpen311Answer) answer = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();

  /* A read is what the feed, the catalogue and the day made it: answered
   * again from the cache until one of them moves */
  if (g_str_equal (request->method, "GET"))
    {
      g_autofree char *today = civic_day_format (civic_time_day_of (now));

      request->etag = g_strdup_printf ("\"o%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "-%s\"",
                                       civic_server_db_current_seq (db, NULL),
                                       civic_open311_catalogue_version (db), today);
      if (request->if_none_match != NULL && g_str_equal (request->if_none_match, request->etag))
        {
          request->status = SOUP_STATUS_NOT_MODIFIED;
          return;
        }
      if (answer_from_cache (request))
        return;
    }
  if (!civic_open311_handle (db, calendar_in_force (self, db), now, request->method,
                             (const char * const *) request->segments + 2, request->query,
                             request->body, request->address, self->key_rate, &answer, &error))
    {
      respond_internal (request, error);
      return;
    }
  request->status = answer.status;
  request->retry_after = answer.retry_after;
  request->response_bytes = g_bytes_new (answer.body, strlen (answer.body));
  request->content_type = answer.content_type;
}

/* Citizens' messages from the portal and the apps: a message, and where
 * one stands by its receipt */
static void
handle_public_message (CivicServer *self,
                       CivicDb     *db,
                       Request     *request)
{
  respond_submitted (self, db, request, civic_message_records_submit);
}

static void
handle_public_message_status (CivicServer *self,
                              CivicDb     *db,
                              Request     *request)
{
  g_autoptr(GError) error = NULL;
  char *answer = civic_message_records_status (db, request->segments[3], &error);

  if (answer == NULL && error != NULL)
    respond_internal (request, error);
  else if (answer == NULL)
    respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found",
                   _("No message has this receipt"));
  else
    respond_json (request, SOUP_STATUS_OK, answer);
}

/* Requests for information from the public: a request, and where one
 * stands by its receipt */
static void
handle_public_request (CivicServer *self,
                       CivicDb     *db,
                       Request     *request)
{
  respond_submitted (self, db, request, civic_disclosure_request_records_submit);
}

static void
handle_public_request_status (CivicServer *self,
                              CivicDb     *db,
                              Request     *request)
{
  g_autoptr(GError) error = NULL;
  char *answer = civic_disclosure_request_records_status (db, calendar_in_force (self, db),
                                                          request->segments[3],
                                                          civic_time_today (), &error);

  if (answer == NULL && error != NULL)
    respond_internal (request, error);
  else if (answer == NULL)
    respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found",
                   _("No request has this receipt"));
  else
    respond_json (request, SOUP_STATUS_OK, answer);
}

/* The reply to a request, to whoever holds its receipt: the applicant */
static void
handle_public_request_reply (CivicServer *self,
                             CivicDb     *db,
                             Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicIssuedDocument) document = NULL;
  g_autofree char *id = civic_disclosure_request_records_reply_id (db, request->segments[3],
                                                                   &error);

  if (id == NULL && error != NULL)
    {
      respond_internal (request, error);
      return;
    }
  if (id != NULL)
    document = civic_documents_load (db, id, NULL, TRUE, &error);
  if (document == NULL && error != NULL &&
      !g_error_matches (error, CIVIC_DOCUMENTS_ERROR, CIVIC_DOCUMENTS_ERROR_NOT_FOUND))
    respond_internal (request, error);
  else if (document == NULL)
    respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found",
                   _("This request has not been replied to"));
  else
    respond_pdf (request, document);
}

/* The applicant, by the receipt of the request: a notice or the reply
 * addressed to them, by its code */
static void
handle_public_request_document (CivicServer *self,
                                CivicDb     *db,
                                Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicIssuedDocument) document =
    civic_disclosure_request_records_applicant_document (db, request->segments[3],
                                                        request->segments[5], &error);

  if (document == NULL && error != NULL)
    respond_internal (request, error);
  else if (document == NULL)
    respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
  else
    respond_pdf (request, document);
}

/* The public pages (civic-public-pages.c), in the request's language */

static void
respond_page (Request *request,
              guint    status,
              char    *html)
{
  request->page = TRUE;
  request->status = status;
  request->response_bytes = g_bytes_new_take (html, strlen (html));
  request->content_type = "text/html; charset=utf-8";
}

static gboolean
page_not_modified (CivicDb     *db,
                   Request     *request)
{
  /* Translators: the language tag of the public pages, as in HTML's lang
   * attribute: "zh-CN" in Chinese */
  request->etag = g_strdup_printf ("\"p%" G_GINT64_FORMAT "-%s\"", civic_public_seq (db),
                                   _("en"));
  request->page = TRUE;
  if (request->if_none_match != NULL && g_str_equal (request->if_none_match, request->etag))
    {
      request->status = SOUP_STATUS_NOT_MODIFIED;
      return TRUE;
    }
  return answer_from_cache (request);
}

static void
respond_site_missing (Request         *request,
                      CivicPublicSite  site,
                      guint            status,
                      const char      *message)
{
  g_clear_pointer (&request->etag, g_free);
  respond_page (request, status,
                civic_public_pages_message (site, status == SOUP_STATUS_NOT_FOUND
                                                  ? _("Not found") : _("Cannot show this"),
                                            message));
}

static void
respond_page_missing (Request    *request,
                      guint       status,
                      const char *message)
{
  respond_site_missing (request, CIVIC_PUBLIC_SITE_DISCLOSURES, status, message);
}

static void
handle_page_directory (CivicServer *self,
                       CivicDb     *db,
                       Request     *request)
{
  g_autoptr(GError) error = NULL;
  CivicPublicQuery query;
  char *html;

  if (!civic_public_query_parse (request->query, &query, &error))
    {
      respond_page_missing (request, SOUP_STATUS_BAD_REQUEST, error->message);
      return;
    }
  if (page_not_modified (db, request))
    return;
  html = civic_public_pages_directory (db, &query, &error);
  if (html == NULL)
    respond_internal (request, error);
  else
    respond_page (request, SOUP_STATUS_OK, html);
}

static void
handle_page_disclosure (CivicServer *self,
                        CivicDb     *db,
                        Request     *request)
{
  g_autoptr(GError) error = NULL;
  char *html;

  if (page_not_modified (db, request))
    return;
  html = civic_public_pages_disclosure (db, request->segments[2], &error);
  if (html == NULL && error != NULL)
    respond_internal (request, error);
  else if (html == NULL)
    respond_page_missing (request, SOUP_STATUS_NOT_FOUND,
                          _("No disclosure was published under this address."));
  else
    respond_page (request, SOUP_STATUS_OK, html);
}

static void
handle_page_column (CivicServer *self,
                    CivicDb     *db,
                    Request     *request)
{
  g_autoptr(GError) error = NULL;
  gint64 page;
  char *html;

  if (!civic_query_get_int (request->query, "page", 1, 1, CIVIC_PUBLIC_MAX_PAGE, &page, &error))
    {
      respond_page_missing (request, SOUP_STATUS_BAD_REQUEST, error->message);
      return;
    }
  if (strlen (request->segments[3]) > 200 || strlen (request->segments[2]) > 64)
    {
      respond_page_missing (request, SOUP_STATUS_NOT_FOUND, _("There is no such column."));
      return;
    }
  if (page_not_modified (db, request))
    return;
  html = civic_public_pages_column (db, request->segments[2], request->segments[3], (guint) page,
                                    &error);
  if (html == NULL && error != NULL)
    respond_internal (request, error);
  else if (html == NULL)
    respond_page_missing (request, SOUP_STATUS_NOT_FOUND, _("There is no such column."));
  else
    respond_page (request, SOUP_STATUS_OK, html);
}

/* Citizens' messages as pages (civic-message-pages.c): the form to write
 * and to follow one, a message sent, where one stands */
static void
respond_message_status_page (CivicDb     *db,
                             Request     *request,
                             const char  *receipt)
{
  g_autoptr(GError) error = NULL;
  CivicMessagePageNews news = CIVIC_MESSAGE_PAGE_NEWS_NONE;
  char *html;

  if (request->query != NULL && g_hash_table_contains (request->query, "sent"))
    news = CIVIC_MESSAGE_PAGE_NEWS_SENT;
  else if (request->query != NULL && g_hash_table_contains (request->query, "rated"))
    news = CIVIC_MESSAGE_PAGE_NEWS_RATED;
  html = civic_message_pages_status (db, receipt, news, &error);

  if (html == NULL && error != NULL)
    respond_internal (request, error);
  else if (html == NULL)
    respond_site_missing (request, CIVIC_PUBLIC_SITE_MESSAGES, SOUP_STATUS_NOT_FOUND,
                          _("No message has this receipt. Check its twelve letters and digits."));
  else
    respond_page (request, SOUP_STATUS_OK, html);
}

static void
handle_page_messages (CivicServer *self,
                      CivicDb     *db,
                      Request     *request)
{
  g_autoptr(GError) error = NULL;
  const char *receipt = request->query != NULL ? g_hash_table_lookup (request->query, "receipt")
                                               : NULL;
  char *html;

  if (receipt != NULL && *receipt != '\0')
    {
      g_autofree char *cleaned = g_ascii_strup (receipt, -1);

      respond_message_status_page (db, request, g_strstrip (cleaned));
      return;
    }
  html = civic_message_pages_form (db, NULL, NULL, &error);
  if (html == NULL)
    respond_internal (request, error);
  else
    respond_page (request, SOUP_STATUS_OK, html);
}

static void
handle_page_message_status (CivicServer *self,
                            CivicDb     *db,
                            Request     *request)
{
  respond_message_status_page (db, request, request->segments[2]);
}


/* A form sent: the browser is sent on to the message's page, so that
 * reloading it sends nothing twice */
static void
respond_see_other (Request    *request,
                   const char *receipt,
                   const char *what)
{
  request->page = TRUE;
  request->status = SOUP_STATUS_SEE_OTHER;
  request->location = g_strdup_printf ("/public/messages/%s?%s=1", receipt, what);
  request->response_bytes = g_bytes_new_static ("", 0);
  request->content_type = "text/html; charset=utf-8";
}

/* The public guide (civic-item-public.c, civic-item-pages.c) */

static void
handle_public_items (CivicServer *self,
                     CivicDb     *db,
                     Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) found = NULL;
  CivicItemQuery query;

  if (!civic_item_public_query_parse (request->query, &query, &error))
    {
      respond_error (request, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
      return;
    }
  if (not_modified (db, request))
    return;
  found = civic_item_public_find (db, &query, &error);
  if (found == NULL)
    respond_internal (request, error);
  else
    respond_json (request, SOUP_STATUS_OK, civic_json_to_string (found, FALSE));
}

static void
handle_public_item (CivicServer *self,
                    CivicDb     *db,
                    Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (not_modified (db, request))
    return;
  node = civic_item_public_get (db, request->segments[3], &error);
  if (node == NULL && error != NULL)
    respond_internal (request, error);
  else if (node == NULL)
    {
      g_clear_pointer (&request->etag, g_free);
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found",
                     _("No service item is in effect under this code"));
    }
  else
    respond_json (request, SOUP_STATUS_OK, civic_json_to_string (node, FALSE));
}

/* GET /public/v1/items/{code}/files/{sha256}: a blank form or a sample
 * of a guide in effect, as a download; its ETag its hash */
static void
handle_public_item_file (CivicServer *self,
                         CivicDb     *db,
                         Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *media_type = NULL;
  GBytes *content;

  content = civic_item_public_file (db, request->segments[3], request->segments[5], &name,
                                    &media_type, &error);
  if (content == NULL && error != NULL)
    {
      respond_internal (request, error);
      return;
    }
  if (content == NULL)
    {
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("The guide has no such file"));
      return;
    }
  request->etag = g_strdup_printf ("\"%s\"", request->segments[5]);
  if (request->if_none_match != NULL && g_str_equal (request->if_none_match, request->etag))
    {
      g_bytes_unref (content);
      request->status = SOUP_STATUS_NOT_MODIFIED;
      return;
    }
  request->status = SOUP_STATUS_OK;
  request->response_bytes = content;
  request->content_type_owned = g_str_has_prefix (media_type, "text/")
                                ? g_strconcat (media_type, "; charset=utf-8", NULL)
                                : g_strdup (media_type);
  request->content_type = request->content_type_owned;
  request->content_disposition = civic_attachment_content_disposition (name, media_type);
  request->download = TRUE;
}

static void
handle_page_items (CivicServer *self,
                   CivicDb     *db,
                   Request     *request)
{
  g_autoptr(GError) error = NULL;
  CivicItemQuery query;
  char *html;

  if (!civic_item_public_query_parse (request->query, &query, &error))
    {
      respond_site_missing (request, CIVIC_PUBLIC_SITE_GUIDE, SOUP_STATUS_BAD_REQUEST,
                            error->message);
      return;
    }
  if (page_not_modified (db, request))
    return;
  html = civic_item_pages_search (db, &query, &error);
  if (html == NULL)
    respond_internal (request, error);
  else
    respond_page (request, SOUP_STATUS_OK, html);
}

static void
handle_page_item (CivicServer *self,
                  CivicDb     *db,
                  Request     *request)
{
  g_autoptr(GError) error = NULL;
  char *html;

  if (page_not_modified (db, request))
    return;
  html = civic_item_pages_guide (db, request->segments[2], &error);
  if (html == NULL && error != NULL)
    respond_internal (request, error);
  else if (html == NULL)
    respond_site_missing (request, CIVIC_PUBLIC_SITE_GUIDE, SOUP_STATUS_NOT_FOUND,
                          _("No service item is in effect under this address."));
  else
    respond_page (request, SOUP_STATUS_OK, html);
}

/* GET / and /public/: the citizens' front door, the service guide, as
 * the hall's layout has it first; writing to the hall, the campaigns and
 * the ratings are a link away */
static void
handle_front (CivicServer *self,
              CivicDb     *db,
              Request     *request)
{
  request->page = TRUE;
  request->status = SOUP_STATUS_SEE_OTHER;
  request->location = g_strdup ("/public/items");
  request->response_bytes = g_bytes_new_static ("", 0);
  request->content_type = "text/html; charset=utf-8";
}

/* The form a page posts, or NULL after answering that it is not one;
 * with @files, the files a form with a file input sent */
static GHashTable *
page_form_with_files (Request    *request,
                      GPtrArray **files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  GHashTable *form = NULL;
  gsize length = 0;
  const char *data = request->body != NULL ? g_bytes_get_data (request->body, &length) : NULL;

  if (files != NULL)
    *files = NULL;
  if (data != NULL && g_strcmp0 (request->body_type, "multipart/form-data") == 0)
    {
      form = civic_query_decode_multipart (request->boundary, request->body, &sent, &error);
      if (form != NULL && files != NULL)
        *files = g_steal_pointer (&sent);
    }
  else if (g_strcmp0 (request->body_type, "application/x-www-form-urlencoded") != 0 ||
           data == NULL)
    {
      respond_site_missing (request, CIVIC_PUBLIC_SITE_MESSAGES, SOUP_STATUS_BAD_REQUEST,
                            _("Send the form from the page that has it."));
      return NULL;
    }
  else
    form = civic_query_decode_form (data, length, &error);
  if (form == NULL)
    respond_site_missing (request, CIVIC_PUBLIC_SITE_MESSAGES, SOUP_STATUS_BAD_REQUEST,
                          error->message);
  return form;
}

static GHashTable *
page_form (Request *request)
{
  return page_form_with_files (request, NULL);
}

static void
handle_page_rating_post (CivicServer *self,
                         CivicDb     *db,
                         Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GHashTable) form = page_form (request);
  guint status = 400;
  char *html;

  if (form == NULL)
    return;
  html = civic_message_pages_rate (db, calendar_in_force (self, db), now, request->segments[2], form,
                                   request->address, &status, &error);
  if (status == SOUP_STATUS_CREATED)
    respond_see_other (request, request->segments[2], "rated");
  else if (html == NULL && error != NULL)
    respond_internal (request, error);
  else if (html == NULL)
    respond_site_missing (request, CIVIC_PUBLIC_SITE_MESSAGES, SOUP_STATUS_NOT_FOUND,
                          _("No message has this receipt. Check its twelve letters and digits."));
  else
    respond_page (request, status, html);
}

static void
handle_page_ratings (CivicServer *self,
                     CivicDb     *db,
                     Request     *request)
{
  g_autoptr(GError) error = NULL;
  char *html = civic_message_pages_ratings (db, &error);

  if (html == NULL)
    respond_internal (request, error);
  else
    respond_page (request, SOUP_STATUS_OK, html);
}

/* What a citizen's form comes to: on to the message's page once sent
 * (303), the form again with its mistake, the site's "not found" when
 * there is nothing to send to (@missing), or the service's failure */
static void
respond_form_sent (Request    *request,
                   const char *receipt,
                   guint       status,
                   char       *html,
                   GError     *error,
                   const char *missing)
{
  if (receipt != NULL)
    respond_see_other (request, receipt, "sent");
  else if (html == NULL && (error != NULL || missing == NULL))
    respond_internal (request, error);
  else if (html == NULL)
    respond_site_missing (request, CIVIC_PUBLIC_SITE_MESSAGES, SOUP_STATUS_NOT_FOUND, missing);
  else
    respond_page (request, status, html);
}

static void
handle_page_message_post (CivicServer *self,
                          CivicDb     *db,
                          Request     *request)
{
  g_autofree char *receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) form = page_form_with_files (request, &files);
  guint status = 400;
  char *html;

  if (form == NULL)
    return;
  html = civic_message_pages_submit (db, calendar_in_force (self, db), now, form, files, request->address,
                                     &status, &receipt, &error);
  respond_form_sent (request, receipt, status, html, error, NULL);
}

/* GET /public/campaigns and /public/campaigns/{id}; POST an idea to one */
static void
handle_page_campaigns (CivicServer *self,
                       CivicDb     *db,
                       Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  CivicDay today = civic_time_day_of (now);
  const char *id = request->segments[2];
  char *html = id != NULL ? civic_campaign_pages_campaign (db, id, today, &error)
                          : civic_campaign_pages_list (db, today, &error);

  if (html == NULL && error != NULL)
    respond_internal (request, error);
  else if (html == NULL)
    respond_site_missing (request, CIVIC_PUBLIC_SITE_MESSAGES, SOUP_STATUS_NOT_FOUND,
                          _("There is no published campaign at this address."));
  else
    respond_page (request, SOUP_STATUS_OK, html);
}

static void
handle_page_campaign_post (CivicServer *self,
                           CivicDb     *db,
                           Request     *request)
{
  g_autofree char *receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) form = page_form_with_files (request, &files);
  guint status = 400;
  char *html;

  if (form == NULL)
    return;
  html = civic_campaign_pages_submit (db, calendar_in_force (self, db), now, request->segments[2], form, files,
                                      request->address, &status, &receipt, &error);
  respond_form_sent (request, receipt, status, html, error,
                     _("There is no published campaign at this address."));
}

static void
handle_page_style (CivicServer *self,
                   CivicDb     *db,
                   Request     *request)
{
  const char *css = civic_public_pages_style ();

  request->page = TRUE;
  request->etag = g_strdup_printf ("\"s%u\"", g_str_hash (css));
  if (request->if_none_match != NULL && g_str_equal (request->if_none_match, request->etag))
    {
      request->status = SOUP_STATUS_NOT_MODIFIED;
      return;
    }
  request->status = SOUP_STATUS_OK;
  request->response_bytes = g_bytes_new_static (css, strlen (css));
  request->content_type = "text/css; charset=utf-8";
}

static void
respond_calendar (Request *request,
                  char    *text)
{
  request->status = SOUP_STATUS_OK;
  request->response_bytes = g_bytes_new_take (text, strlen (text));
  request->content_type = "text/calendar; charset=utf-8";
}

/* An official's hearings, for a calendar to subscribe to: the token in
 * the address is the feed's own (POST /api/v1/calendar-token), not a
 * session's */
static void
handle_calendar_feed (CivicServer *self,
                      CivicDb     *db,
                      Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  const char *token = request->query ? g_hash_table_lookup (request->query, "token") : NULL;
  g_autofree char *account = civic_hearing_calendar_account_for (db, token, &error);
  char *text;

  if (account == NULL)
    {
      if (error != NULL)
        respond_internal (request, error);
      else
        respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such calendar"));
      return;
    }
  text = civic_hearing_calendar_feed (db, account, now, &error);
  if (text == NULL)
    respond_internal (request, error);
  else
    respond_calendar (request, text);
}

static void
handle_calendar_token (CivicServer *self,
                       CivicDb     *db,
                       Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *token = NULL;
  g_autoptr(GString) out = NULL;

  if (!civic_db_begin (db, &error))
    {
      respond_internal (request, error);
      return;
    }
  token = civic_hearing_calendar_new_token (db, request->account->id, now, &error);
  if (token == NULL ||
      !civic_audit_append (db, now, request->account->id, "calendar-token", request->account->id,
                           NULL, request->address, &error) ||
      !civic_db_commit (db, &error))
    {
      civic_db_rollback (db);
      respond_internal (request, error);
      return;
    }
  out = g_string_new ("{\"path\":");
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/calendar.ics?token=%s", token);

    civic_json_append_string (out, path);
  }
  g_string_append_c (out, '}');
  respond_json (request, SOUP_STATUS_OK, g_string_free (g_steal_pointer (&out), FALSE));
}

static void
handle_calendar_revoke (CivicServer *self,
                        CivicDb     *db,
                        Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();

  if (!civic_db_begin (db, &error) ||
      !civic_hearing_calendar_revoke (db, request->account->id, &error) ||
      !civic_audit_append (db, now, request->account->id, "calendar-token-revoked",
                           request->account->id, NULL, request->address, &error) ||
      !civic_db_commit (db, &error))
    {
      civic_db_rollback (db);
      respond_internal (request, error);
      return;
    }
  respond_json (request, SOUP_STATUS_OK, g_strdup ("{\"revoked\":true}"));
}

/* One hearing as an invitation, for the official who may see it */
static void
handle_hearing_ics (CivicServer *self,
                    CivicDb     *db,
                    Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(CivicActor) actor = civic_account_to_actor (request->account);
  g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_HEARING,
                                                              request->segments[3], &error);
  g_autoptr(CivicHearing) hearing = node ? civic_hearing_new_from_json (node, &error) : NULL;
  const char *scope[] = { hearing ? civic_hearing_get_department_id (hearing) : NULL, NULL };
  char *text;

  if (hearing == NULL && error != NULL)
    {
      respond_internal (request, error);
      return;
    }
  if (hearing == NULL || !civic_policy_can_see (actor, scope))
    {
      respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
      return;
    }
  text = civic_hearing_calendar_event (db, hearing, now, &error);
  if (text == NULL)
    respond_error (request, SOUP_STATUS_NOT_FOUND, "not-found", error->message);
  else
    respond_calendar (request, text);
}

/* The doors without a token, per address. Officials of one office often
 * share one address, so sign-ins allow a morning's rush; a citizen files
 * an application now and then, not dozens a minute. */
static const CivicRate sign_in_rate = { "sign-in", 1.0, 60 };
static const CivicRate public_write_rate = { "public-write", 0.5, 20 };
static const CivicRate public_read_rate = { "public-read", 20.0, 200 };

/* What the audit log's checkpoints say, for anyone to keep: a later
 * rewrite of the log cannot pass through a head signed earlier. */
static void
handle_audit_checkpoints (CivicServer *self,
                          CivicDb     *db,
                          Request     *request)
{
  g_autoptr(GError) error = NULL;
  char *answer;
  gint64 after, limit;

  if (!query_int (request, "after", 0, 0, G_MAXINT64, &after) ||
      !query_int (request, "limit", 100, 1, 1000, &limit))
    return;

  answer = civic_audit_checkpoints_json (db, after, (int) limit, &error);
  if (answer == NULL)
    respond_internal (request, error);
  else
    respond_json (request, SOUP_STATUS_OK, answer);
}

static const Route routes[] = {
  { "GET", "/api/v1/health", handle_health, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/", handle_front, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public", handle_front, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/", handle_front, POOL_READ, FALSE, &public_read_rate },
  { "POST", "/api/v1/session", handle_sign_in, POOL_LOGIN, FALSE, &sign_in_rate },
  { "DELETE", "/api/v1/session", handle_sign_out, POOL_WRITE, TRUE, NULL },
  { "GET", "/api/v1/me", handle_me, POOL_READ, TRUE, NULL },
  { "POST", "/api/v1/me/password", handle_change_password, POOL_LOGIN, TRUE, NULL },
  { "GET", "/api/v1/changes", handle_changes, POOL_READ, TRUE, NULL, TRUE },
  { "POST", "/api/v1/commands", handle_commands, POOL_WRITE, TRUE, NULL },
  { "POST", "/api/v1/cases/*/reveal", handle_reveal, POOL_WRITE, TRUE, NULL },
  { "GET", "/api/v1/documents/*/pdf", handle_document_pdf, POOL_WRITE, TRUE, NULL },
  { "GET", "/api/v1/disclosures/*/versions/*", handle_disclosure_version, POOL_WRITE, TRUE, NULL },
  { "GET", "/api/v1/calendar.ics", handle_calendar_feed, POOL_READ, FALSE, &public_read_rate },
  { "POST", "/api/v1/calendar-token", handle_calendar_token, POOL_WRITE, TRUE, NULL },
  { "POST", "/api/v1/calendars/preview", handle_calendar_preview, POOL_READ, TRUE, NULL },
  { "DELETE", "/api/v1/calendar-token", handle_calendar_revoke, POOL_WRITE, TRUE, NULL },
  { "GET", "/api/v1/hearings/*/ics", handle_hearing_ics, POOL_READ, TRUE, NULL },
  { "GET", "/api/v1/supervision/*", handle_supervision, POOL_READ, TRUE, NULL, TRUE },
  { "GET", "/api/v1/supervision/*/*", handle_supervision_export, POOL_WRITE, TRUE, NULL },
  { "GET", "/api/v1/*/*", handle_get_entity, POOL_READ, TRUE, NULL, TRUE },
  { "POST", "/api/v1/disclosures/*/attachments", handle_upload_attachment, POOL_UPLOAD, TRUE,
    NULL },
  { "POST", "/api/v1/messages/*/attachments", handle_upload_message_file, POOL_UPLOAD, TRUE,
    NULL },
  { "GET", "/api/v1/messages/*/attachments/*", handle_message_file, POOL_WRITE, TRUE, NULL },
  { "POST", "/api/v1/items/*/attachments", handle_upload_item_file, POOL_UPLOAD, TRUE, NULL },
  { "GET", "/api/v1/items/*/attachments/*", handle_item_file, POOL_READ, TRUE, NULL },
  { "POST", "/public/v1/applications", handle_apply, POOL_WRITE, FALSE, &public_write_rate },
  { "GET", "/public/v1/applications/*", handle_application_status, POOL_READ, FALSE,
    &public_read_rate },
  { "GET", "/public/v1/audit/checkpoints", handle_audit_checkpoints, POOL_READ, FALSE,
    &public_read_rate },
  { "GET", "/public/v1/documents/*", handle_document_check, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/v1/hearings", handle_public_hearings, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/v1/disclosures", handle_public_disclosures, POOL_READ, FALSE,
    &public_read_rate },
  { "GET", "/public/v1/disclosures/*", handle_public_disclosure, POOL_READ, FALSE,
    &public_read_rate },
  { "GET", "/public/v1/disclosures/*/attachments/*", handle_public_attachment, POOL_READ, FALSE,
    &public_read_rate },
  { "GET", "/public/v1/feeds/*", handle_public_feed, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/v1/feeds/*/*", handle_public_feed, POOL_READ, FALSE, &public_read_rate },
  { "POST", "/public/v1/disclosure-requests", handle_public_request, POOL_WRITE, FALSE,
    &public_write_rate },
  { "POST", "/public/v1/messages", handle_public_message, POOL_WRITE, FALSE, &public_write_rate },
  { "GET", "/open311/v2/*", handle_open311, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/open311/v2/*/*", handle_open311, POOL_READ, FALSE, &public_read_rate },
  { "POST", "/open311/v2/*", handle_open311, POOL_WRITE, FALSE, &public_write_rate },
  { "POST", "/public/v1/evaluations", handle_public_evaluation, POOL_WRITE, FALSE,
    &public_write_rate },
  { "GET", "/public/v1/ratings/*", handle_public_ratings, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/v1/campaigns", handle_public_campaigns, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/v1/campaigns/*", handle_public_campaigns, POOL_READ, FALSE,
    &public_read_rate },
  { "GET", "/public/v1/messages/*", handle_public_message_status, POOL_READ, FALSE,
    &public_read_rate },
  { "GET", "/public/v1/disclosure-requests/*", handle_public_request_status, POOL_READ, FALSE,
    &public_read_rate },
  { "GET", "/public/v1/disclosure-requests/*/reply", handle_public_request_reply, POOL_READ,
    FALSE, &public_read_rate },
  { "GET", "/public/v1/disclosure-requests/*/documents/*", handle_public_request_document,
    POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/messages", handle_page_messages, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/messages/*", handle_page_message_status, POOL_READ, FALSE,
    &public_read_rate },
  { "POST", "/public/messages", handle_page_message_post, POOL_WRITE, FALSE, &public_write_rate },
  { "POST", "/public/messages/*/rating", handle_page_rating_post, POOL_WRITE, FALSE,
    &public_write_rate },
  { "GET", "/public/ratings", handle_page_ratings, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/campaigns", handle_page_campaigns, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/campaigns/*", handle_page_campaigns, POOL_READ, FALSE, &public_read_rate },
  { "POST", "/public/campaigns/*", handle_page_campaign_post, POOL_WRITE, FALSE,
    &public_write_rate },
  { "GET", "/public/disclosures", handle_page_directory, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/items", handle_page_items, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/items/*", handle_page_item, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/v1/items", handle_public_items, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/v1/items/*", handle_public_item, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/v1/items/*/files/*", handle_public_item_file, POOL_READ, FALSE,
    &public_read_rate },
  { "GET", "/public/disclosures/*", handle_page_disclosure, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/columns/*/*", handle_page_column, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/style.css", handle_page_style, POOL_READ, FALSE, &public_read_rate },
  { "GET", "/public/v1/applications/*/documents/*", handle_applicant_document, POOL_READ, FALSE,
    &public_read_rate },
};

static gboolean
pattern_matches (const char         *pattern,
                 const char * const *segments)
{
  g_auto(GStrv) parts = g_strsplit (pattern + 1, "/", -1);
  guint n = g_strv_length (parts);

  if (g_strv_length ((GStrv) segments) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!g_str_equal (parts[i], "*") ? !g_str_equal (parts[i], segments[i])
                                     : segments[i][0] == '\0')
      return FALSE;

  return TRUE;
}

/* An official whose password an administrator set chooses their own
 * before anything else: until then their session only shows who they
 * are, signs out, and changes the password */
static gboolean
password_chosen (Request *request)
{
  Handler handler = request->route->handler;

  if (!request->account->must_change_password || handler == handle_me ||
      handler == handle_sign_out || handler == handle_change_password)
    return TRUE;
  respond_error (request, SOUP_STATUS_FORBIDDEN, "password-change-required",
                 _("Choose your own password before you go on: the one you have was set by "
                   "an administrator"));
  return FALSE;
}

/* Back on the main thread */

static void arm_due_jobs (CivicServer *self,
                          GDateTime   *next);

static gboolean
finish_request (gpointer data)
{
  Request *request = data;
  SoupServerMessage *msg = request->msg;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *body = request->response ? request->response : "{}";

  /* What the public side publishes may be kept, and asked again with
   * its ETag; nothing else may */
  soup_message_headers_replace (headers, "Cache-Control",
                                request->etag != NULL ? "no-cache" : "no-store");
  if (request->retry_after > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, request->retry_after);

      soup_message_headers_replace (headers, "Retry-After", seconds);
    }

  soup_server_message_set_status (msg, request->status ? request->status
                                                       : SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  if (request->etag != NULL)
    soup_message_headers_replace (headers, "ETag", request->etag);
  if (request->location != NULL)
    soup_message_headers_replace (headers, "Location", request->location);
  if (request->page)
    {
      soup_message_headers_replace (headers, "Content-Security-Policy", CIVIC_PUBLIC_PAGE_CSP);
      soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
      soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
      soup_message_headers_replace (headers, "Vary", "Accept-Language");
    }
  if (request->download)
    {
      /* Served as what it is, never as a page of ours: no sniffing into
       * HTML, and no script even if a browser renders it */
      soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
      soup_message_headers_replace (headers, "Content-Security-Policy",
                                    "default-src 'none'; sandbox");
      soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
    }
  if (request->status == SOUP_STATUS_NOT_MODIFIED)
    ;
  else if (request->response_bytes != NULL)
    {
      gsize length;
      const char *bytes = g_bytes_get_data (request->response_bytes, &length);

      if (request->content_disposition != NULL)
        soup_message_headers_replace (headers, "Content-Disposition",
                                      request->content_disposition);
      soup_server_message_set_response (msg, request->content_type, SOUP_MEMORY_COPY, bytes,
                                        length);
    }
  else
    soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY,
                                      body, strlen (body));
  soup_server_message_unpause (msg);

  if (!request->server->options.quiet)
    g_message ("%s %s %u %.1fms%s%s", request->method, request->path, request->status,
               (g_get_monotonic_time () - request->started) / 1000.0,
               request->account ? " user=" : "", request->account ? request->account->id : "");

  if (request->next_due != NULL)
    arm_due_jobs (request->server, request->next_due);
  request_free (request);
  return G_SOURCE_REMOVE;
}

static gboolean background_done (gpointer data);

/* The language of what the service writes for an official to read — the
 * reason a command was refused, an error's message — is the one their
 * client asks for with Accept-Language, among those the service has a
 * catalog for; English otherwise. What the service stores (events, audit
 * records) is data, not text, and does not depend on it. */
static locale_t english, chinese;

static void
make_locales (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      english = newlocale (LC_MESSAGES_MASK, "C", (locale_t) 0);
      /* 0 on a machine without the zh_CN.UTF-8 locale: English then. */
      chinese = newlocale (LC_MESSAGES_MASK | LC_CTYPE_MASK, "zh_CN.UTF-8", (locale_t) 0);
      g_once_init_leave (&once, 1);
    }
}

static locale_t
request_locale (const char *header)
{
  g_auto(GStrv) tags = NULL;

  if (header == NULL)
    return (locale_t) 0;

  make_locales ();

  /* In the client's order of preference; q-values are not weighed. */
  tags = g_strsplit (header, ",", 16);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      char *tag = g_strstrip (tags[i]);

      if (g_ascii_strncasecmp (tag, "zh", 2) == 0 && chinese != (locale_t) 0)
        return chinese;
      if (g_ascii_strncasecmp (tag, "en", 2) == 0)
        return english;
    }
  return english;
}

/* What the request guard answers by itself, before libsoup sees the
 * request: on the main thread, in the language the request asked for. */
static char *
refusal_body (guint       status,
              gsize       max_body,
              const char *accept_language,
              gpointer    user_data)
{
  locale_t locale = request_locale (accept_language);
  locale_t global = uselocale ((locale_t) 0);
  char *body;

  if (locale != (locale_t) 0)
    uselocale (locale);

  switch (status)
    {
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      if (max_body == CIVIC_MESSAGE_PUBLIC_MAX_BODY)
        body = error_body ("too-large", _("The message and its files come to more than 10 MiB; "
                                          "nothing was stored"));
      else if (max_body > CIVIC_MAX_BODY_SIZE)
        body = error_body ("too-large", _("The file is larger than 20 MiB; nothing was stored"));
      else
        body = error_body ("too-large", _("The request body is larger than 1 MiB"));
      break;
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      if (max_body > CIVIC_MAX_BODY_SIZE)
        body = error_body ("busy", _("Other files are being received; send this one again in a "
                                     "moment"));
      else
        body = error_body ("bad-request", _("The request is not well-formed HTTP"));
      break;
    case SOUP_STATUS_LENGTH_REQUIRED:
      body = error_body ("length-required", _("Send the request body with a Content-Length"));
      break;
    case 431:
      body = error_body ("headers-too-large", _("The request’s headers are too large"));
      break;
    case SOUP_STATUS_REQUEST_TIMEOUT:
      body = error_body ("timeout", _("The request did not arrive in time"));
      break;
    default:
      body = error_body ("bad-request", _("The request is not well-formed HTTP"));
      break;
    }

  uselocale (global);
  return body;
}

/* A read thread's connection to the read database: opened on first use,
 * closed when it fails, opened again later */
typedef struct
{
  CivicDb *db;
} Reader;

static void
reader_free (Reader *reader)
{
  g_clear_object (&reader->db);
  g_free (reader);
}

/* While the read database fails, one thread tries it again every ten
 * seconds; the rest do not wait for it */
#define READER_RETRY (10 * G_USEC_PER_SEC)

static void
reader_failed (CivicServer  *self,
               Reader       *reader,
               const GError *error)
{
  gboolean tell;

  g_clear_object (&reader->db);
  g_mutex_lock (&self->reader_lock);
  self->reader_next_try = g_get_monotonic_time () + READER_RETRY;
  tell = !self->reader_down;
  self->reader_down = TRUE;
  g_mutex_unlock (&self->reader_lock);
  if (tell)
    g_message ("the read database failed, and the database answers until it is back: %s",
               error->message);
}

static gboolean
reader_open (CivicServer *self,
             Reader      *reader)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_monotonic_time ();
  gboolean may, told;

  g_mutex_lock (&self->reader_lock);
  may = now >= self->reader_next_try;
  if (may)
    self->reader_next_try = now + READER_RETRY;
  g_mutex_unlock (&self->reader_lock);
  if (!may)
    return FALSE;

  reader->db = civic_server_db_open_reader (self->options.data_dir, self->options.read_database,
                                            &error);
  if (reader->db == NULL)
    {
      reader_failed (self, reader, error);
      return FALSE;
    }

  g_mutex_lock (&self->reader_lock);
  self->reader_next_try = 0;
  told = self->reader_down;
  self->reader_down = FALSE;
  g_mutex_unlock (&self->reader_lock);
  if (told)
    g_message ("the read database answers again");
  return TRUE;
}

/* The read database, for a request it may answer: on a route that only
 * reads (the feed, one record), once its copy holds everything the
 * request must show: the account's own last write (read your writes),
 * the last change to what the account may see, and as far as the
 * client's feed has got. Otherwise %NULL, and the database itself
 * answers, as it does while the read database is down or behind in its
 * schema. */
static Reader *
reader_for (CivicServer *self,
            Request     *request)
{
  CivicAccount *account = request->account;
  g_autoptr(GError) error = NULL;
  const char *after;
  gint64 need, seq;
  Reader *reader;

  if (self->readers == NULL || !request->route->reader || account == NULL)
    return NULL;
  /* A client that starts over under a view it has not synced yet is
   * recorded as having done so: a write (handle_changes()) */
  if (account->view_seq < account->scope_seq)
    return NULL;

  need = MAX (account->write_seq, account->scope_seq);
  after = request->query != NULL ? g_hash_table_lookup (request->query, "after") : NULL;
  if (after != NULL)
    need = MAX (need, g_ascii_strtoll (after, NULL, 10));

  reader = g_async_queue_pop (self->readers);
  if (reader->db == NULL && !reader_open (self, reader))
    {
      g_async_queue_push (self->readers, reader);
      return NULL;
    }
  seq = civic_server_db_current_seq (reader->db, &error);
  if (seq < 0)
    reader_failed (self, reader, error);
  if (seq < need)
    {
      g_async_queue_push (self->readers, reader);
      return NULL;
    }
  return reader;
}

/* The main loop's side of worker(): every request finished so far. The
 * flag drops before the queue is read, so that one pushed after its last
 * look wakes the loop again. */
static gboolean
deliver_finished (gpointer data)
{
  CivicServer *self = data;
  Request *request;

  g_atomic_int_set (&self->delivering, FALSE);
  while ((request = g_async_queue_try_pop (self->finished)) != NULL)
    {
      if (request->msg != NULL)
        finish_request (request);
      else
        background_done (request);
    }
  return G_SOURCE_REMOVE;
}

static void
worker (gpointer data,
        gpointer user_data)
{
  Request *request = data;
  CivicServer *self = request->server;
  Pool pool = request->route->pool;
  CivicDb *db = g_async_queue_pop (self->connections[pool]);
  locale_t global = uselocale ((locale_t) 0);

  if (request->locale != (locale_t) 0)
    uselocale (request->locale);
  /* Sessions are read where they are written, so that a sign-out or a
   * disabled account counts at once everywhere */
  if (!request->route->needs_token ||
      (authenticate (self, db, request) && password_chosen (request)))
    {
      Reader *reader = reader_for (self, request);

      request->route->handler (self, reader != NULL ? reader->db : db, request);
      if (reader != NULL)
        {
          if (civic_db_in_transaction (reader->db))
            civic_db_rollback (reader->db);
          /* What failed there (the standby gone, a query cancelled by
           * its replay) is asked of the database */
          if (request->status == SOUP_STATUS_INTERNAL_SERVER_ERROR)
            request->route->handler (self, db, request);
          g_async_queue_push (self->readers, reader);
        }
    }
  keep_answer (self, request);
  uselocale (global);

  /* A transaction a handler left open by mistake must not leak into the
   * next request. */
  if (civic_db_in_transaction (db))
    {
      g_critical ("%s %s left a transaction open", request->method, request->path);
      civic_db_rollback (db);
    }

  g_async_queue_push (self->connections[pool], db);
  /* One wake-up of the main loop for the answers that finish while it is
   * busy, not one each: under load a hand-off a request was a fifth of
   * the service's time. */
  g_async_queue_push (self->finished, request);
  /* The reference: the last request delivered may hold the last other
   * one (request_free()), and the queue is read after it */
  if (g_atomic_int_compare_and_exchange (&self->delivering, FALSE, TRUE))
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, deliver_finished,
                                g_object_ref (self), g_object_unref);
}

static void
answer_now (SoupServerMessage *msg,
            guint              status,
            const char        *code,
            const char        *message)
{
  g_autofree char *body = error_body (code, message);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control",
                                "no-store");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  CivicServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GError) error = NULL;
  const char *authorization;
  const Route *route = NULL;
  const CivicRate *rate;
  g_autofree char *address = NULL;
  gboolean path_known = FALSE;
  Request *request;

  if (soup_server_message_get_status (msg) != 0)
    return;  /* answered by libsoup */

  if (!g_utf8_validate (path, -1, NULL))
    {
      answer_now (msg, SOUP_STATUS_BAD_REQUEST, "bad-request", _("The path is not valid UTF-8"));
      return;
    }

  if (!civic_query_check (g_uri_get_query (soup_server_message_get_uri (msg)), &error))
    {
      answer_now (msg, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
      return;
    }

  segments = g_strsplit (path + 1, "/", -1);
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (pattern_matches (routes[i].pattern, (const char * const *) segments))
      {
        path_known = TRUE;
        if (g_str_equal (routes[i].method, method))
          {
            route = &routes[i];
            break;
          }
      }

  if (route == NULL)
    {
      if (path_known)
        {
          /* What the path does take (RFC 9110 §15.5.6) */
          g_autoptr(GString) allow = g_string_new (NULL);

          for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
            if (pattern_matches (routes[i].pattern, (const char * const *) segments) &&
                strstr (allow->str, routes[i].method) == NULL)
              g_string_append_printf (allow, "%s%s", allow->len > 0 ? ", " : "",
                                      routes[i].method);
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                        allow->str);
          answer_now (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed",
                      _("This method is not allowed here"));
        }
      else
        answer_now (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("No such resource"));
      return;
    }

  address = civic_proxy_client_address (self->trusted_proxies,
                                        soup_server_message_get_remote_host (msg),
                                        soup_message_headers_get_list (headers, "X-Forwarded-For"));
  rate = route->rate == &public_read_rate ? self->read_rate
         : route->rate == &public_write_rate ? self->write_rate : route->rate;
  if (rate != NULL)
    {
      gint64 retry_after;

      g_autofree char *client = civic_rate_limit_address_key (address);

      if (!civic_rate_limit_take (self->rate_limit, rate, client, g_get_monotonic_time (),
                                  &retry_after))
        {
          g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, retry_after);

          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Retry-After", seconds);
          answer_now (msg, STATUS_TOO_MANY_REQUESTS, "rate-limited",
                      _("Too many requests from this address; try again shortly"));
          return;
        }
    }

  request = g_new0 (Request, 1);
  request->server = g_object_ref (self);
  request->msg = g_object_ref (msg);
  request->route = route;
  request->started = g_get_monotonic_time ();
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->segments = g_steal_pointer (&segments);
  request->query = query ? g_hash_table_ref (query) : NULL;
  request->address = g_steal_pointer (&address);
  request->locale = request_locale (soup_message_headers_get_list (headers, "Accept-Language"));
  request->if_none_match = g_strdup (soup_message_headers_get_one (headers, "If-None-Match"));
  request->raw_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));

  body = soup_server_message_get_request_body (msg);
  if (body != NULL && body->length > 0)
    request->body = soup_message_body_flatten (body);
  /* A media type's case means nothing (RFC 9110 §8.3.1) */
  {
    g_autoptr(GHashTable) params = NULL;
    const char *type = soup_message_headers_get_content_type (headers, &params);

    if (type != NULL)
      {
        request->body_type = g_ascii_strdown (type, -1);
        request->boundary = g_strdup (g_hash_table_lookup (params, "boundary"));
      }
  }

  authorization = soup_message_headers_get_one (headers, "Authorization");
  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    request->token = g_strstrip (g_strdup (authorization + 7));

  soup_server_message_pause (msg);
  g_thread_pool_push (self->pools[route->pool], request, NULL);
}

/* The scheduler: its batches go through the writer pool like commands,
 * as requests without a message, so that they take turns with commands. */

static void scheduler_tick_now (CivicServer *self);

static void
handle_scheduler (CivicServer *self,
                  CivicDb     *db,
                  Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();

  /* Another process runs the clocks */
  if (!civic_leader_is_leader (self->leader))
    return;

  if (!civic_scheduler_run_batch (db, calendar_in_force (self, db), now, SCHEDULER_BATCH, &request->report,
                                  &request->more, &error))
    {
      g_warning ("scheduler: %s", error->message);
      request->more = FALSE;
    }

  /* Each round ends with the head of the audit chain signed, when it
   * moved: a checkpoint every few minutes of activity. */
  g_clear_error (&error);
  if (!request->more && !civic_audit_checkpoint (db, now, NULL, &error))
    g_warning ("audit checkpoint: %s", error->message);
}

static const Route scheduler_route = {
  NULL, NULL, handle_scheduler, POOL_WRITE, FALSE
};

static gboolean
scheduler_done (gpointer data)
{
  Request *request = data;
  CivicServer *self = request->server;

  if (request->report.applied > 0 || request->report.republished > 0)
    g_message ("scheduler checked=%u applied=%u republished=%u",
               request->report.checked, request->report.applied,
               request->report.republished);

  self->scheduler_running = FALSE;
  if (request->more && self->pools[POOL_WRITE] != NULL)
    scheduler_tick_now (self);

  request_free (request);
  return G_SOURCE_REMOVE;
}

static void
scheduler_tick_now (CivicServer *self)
{
  Request *request;

  if (self->scheduler_running)
    return;

  self->scheduler_running = TRUE;
  request = g_new0 (Request, 1);
  request->server = g_object_ref (self);
  request->route = &scheduler_route;
  request->method = g_strdup ("SCHEDULER");
  request->path = g_strdup ("-");
  g_thread_pool_push (self->pools[POOL_WRITE], request, NULL);
}

static gboolean
scheduler_tick (gpointer data)
{
  scheduler_tick_now (data);
  return G_SOURCE_CONTINUE;
}

/* The minute jobs: they run in the writer pool like commands, woken by a
 * timeout at the next one's minute (at most a minute away, so that a
 * clock that jumps is caught up), re-armed after every command */

#define DUE_BATCH 50
#define DUE_WAKE_MAX_SECONDS 60

static void due_tick_now (CivicServer *self);

static void
handle_due_jobs (CivicServer *self,
                 CivicDb     *db,
                 Request     *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  guint n_run = 0;

  if (!civic_leader_is_leader (self->leader))
    {
      request->next_due = civic_due_jobs_next (db, NULL);
      return;
    }

  if (!civic_due_jobs_run (db, calendar_in_force (self, db), now, self->options.public_url, DUE_BATCH, &n_run,
                           &request->more, &error))
    {
      g_warning ("due jobs: %s", error->message);
      request->more = FALSE;
    }
  if (n_run > 0)
    g_message ("due jobs: %u run", n_run);
  request->next_due = civic_due_jobs_next (db, NULL);
}

static const Route due_route = {
  NULL, NULL, handle_due_jobs, POOL_WRITE, FALSE
};

static gboolean
due_done (gpointer data)
{
  Request *request = data;
  CivicServer *self = request->server;

  self->due_running = FALSE;
  if (request->more && self->pools[POOL_WRITE] != NULL)
    due_tick_now (self);
  else if (request->next_due != NULL)
    arm_due_jobs (self, request->next_due);
  request_free (request);
  return G_SOURCE_REMOVE;
}

/* A request without a message: a scheduler batch or minute jobs */
static gboolean
background_done (gpointer data)
{
  Request *request = data;

  return request->route == &due_route ? due_done (data) : scheduler_done (data);
}

static void
due_tick_now (CivicServer *self)
{
  Request *request;

  if (self->due_running || self->pools[POOL_WRITE] == NULL)
    return;

  self->due_running = TRUE;
  request = g_new0 (Request, 1);
  request->server = g_object_ref (self);
  request->route = &due_route;
  request->method = g_strdup ("DUE-JOBS");
  request->path = g_strdup ("-");
  g_thread_pool_push (self->pools[POOL_WRITE], request, NULL);
}

static gboolean
due_timeout (gpointer data)
{
  CivicServer *self = data;

  self->due_source = 0;
  g_clear_pointer (&self->due_armed_for, g_date_time_unref);
  due_tick_now (self);
  return G_SOURCE_REMOVE;
}

/* Wakes at @next, unless it wakes sooner already */
static void
arm_due_jobs (CivicServer *self,
              GDateTime   *next)
{
  g_autoptr(GDateTime) now = civic_time_now ();
  GTimeSpan wait;

  if (self->pools[POOL_WRITE] == NULL)
    return;
  if (self->due_source != 0 && self->due_armed_for != NULL &&
      g_date_time_compare (self->due_armed_for, next) <= 0)
    return;

  g_clear_handle_id (&self->due_source, g_source_remove);
  g_clear_pointer (&self->due_armed_for, g_date_time_unref);
  wait = CLAMP (g_date_time_difference (next, now), 0, DUE_WAKE_MAX_SECONDS * G_TIME_SPAN_SECOND);
  self->due_armed_for = g_date_time_add (now, wait);
  self->due_source = g_timeout_add ((guint) (wait / 1000), due_timeout, self);
}

/* Life cycle */

static void
civic_server_dispose (GObject *object)
{
  CivicServer *self = (CivicServer *)object;

  civic_server_stop (self);

  G_OBJECT_CLASS (civic_server_parent_class)->dispose (object);
}

static void
civic_server_finalize (GObject *object)
{
  CivicServer *self = (CivicServer *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->connections); i++)
    g_clear_pointer (&self->connections[i], g_async_queue_unref);
  g_clear_pointer (&self->readers, g_async_queue_unref);
  g_clear_pointer (&self->finished, g_async_queue_unref);
  g_mutex_clear (&self->reader_lock);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->replaced_calendars, g_ptr_array_unref);
  g_mutex_clear (&self->calendar_lock);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->rate_limit, civic_rate_limit_free);
  g_clear_pointer (&self->answers, civic_answer_cache_free);
  g_clear_pointer (&self->leader, civic_leader_free);
  g_free (self->options.data_dir);
  g_free (self->options.listen);
  g_free (self->options.tls_cert);
  g_free (self->options.public_url);
  g_free (self->options.tls_key);
  g_strfreev (self->options.trusted_proxies);
  g_free (self->options.read_database);
  g_clear_pointer (&self->trusted_proxies, g_ptr_array_unref);

  G_OBJECT_CLASS (civic_server_parent_class)->finalize (object);
}

static void
civic_server_class_init (CivicServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_server_dispose;
  object_class->finalize = civic_server_finalize;
}

static void
civic_server_init (CivicServer *self)
{
  self->rate_limit = civic_rate_limit_new (65536);
  self->answers = civic_answer_cache_new (256);
  self->finished = g_async_queue_new ();
  self->replaced_calendars = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&self->calendar_lock);
  g_mutex_init (&self->reader_lock);
}

static gboolean
open_pool (CivicServer  *self,
           Pool          pool,
           int           threads,
           GError      **error)
{
  self->connections[pool] = g_async_queue_new_full (g_object_unref);

  for (int i = 0; i < threads; i++)
    {
      CivicDb *db = civic_server_db_open (self->options.data_dir, error);

      if (db == NULL)
        return FALSE;
      g_async_queue_push (self->connections[pool], db);
    }

  self->pools[pool] = g_thread_pool_new (worker, NULL, threads, FALSE, error);
  return self->pools[pool] != NULL;
}

/**
 * civic_server_new:
 *
 * Opens the service's database in the options' data folder (which must
 * have been made with `init` or `demo`), with a connection per worker,
 * and loads its calendar.
 */
CivicServer *
civic_server_new (const CivicServerOptions  *options,
                  GError                   **error)
{
  g_autoptr(CivicServer) self = g_object_new (CIVIC_TYPE_SERVER, NULL);
  g_autoptr(CivicDb) db = NULL;
  gboolean holds;

  g_return_val_if_fail (options != NULL && options->data_dir != NULL, NULL);

  self->options = *options;
  self->options.data_dir = g_strdup (options->data_dir);
  self->options.listen = g_strdup (options->listen ? options->listen : "127.0.0.1:8080");
  self->options.tls_cert = g_strdup (options->tls_cert);
  self->options.tls_key = g_strdup (options->tls_key);
  self->options.public_url = g_strdup (options->public_url);
  self->options.trusted_proxies = g_strdupv (options->trusted_proxies);
  self->options.read_database = g_strdup (options->read_database);
  self->trusted_proxies = civic_proxy_masks_new ((const char * const *) options->trusted_proxies,
                                                 error);
  if (self->trusted_proxies == NULL)
    return NULL;
  if (self->options.session_hours <= 0)
    self->options.session_hours = 12;
  if (self->options.scheduler_interval <= 0)
    self->options.scheduler_interval = 300;
  if (self->options.readers <= 0)
    self->options.readers = 4;
  if (self->options.request_timeout <= 0)
    self->options.request_timeout = 30;
  if (self->options.idle_timeout <= 0)
    self->options.idle_timeout = 60;
  if (self->options.max_connections <= 0)
    self->options.max_connections = 768;
  if (self->options.max_connections_per_address <= 0)
    self->options.max_connections_per_address = 64;
  if (self->options.public_read_rate == 0)
    self->read_rate = &public_read_rate;
  else if (self->options.public_read_rate > 0)
    {
      /* The same ten seconds' burst as the default */
      self->read_rate_asked = (CivicRate) { "public-read", self->options.public_read_rate,
                                            10.0 * self->options.public_read_rate };
      self->read_rate = &self->read_rate_asked;
    }
  if (self->options.public_write_rate == 0)
    self->write_rate = &public_write_rate;
  else if (self->options.public_write_rate > 0)
    {
      self->write_rate_asked = (CivicRate) { "public-write", self->options.public_write_rate,
                                             40.0 * self->options.public_write_rate };
      self->write_rate = &self->write_rate_asked;
    }
  if (self->options.open311_key_rate >= 0)
    {
      double per_second = self->options.open311_key_rate > 0 ? self->options.open311_key_rate
                                                              : 10.0;

      self->key_rate_asked = (CivicRate) { "open311-key", per_second, 10.0 * per_second };
      self->key_rate = &self->key_rate_asked;
    }
  self->context = g_main_context_ref_thread_default ();

  if (!civic_server_db_holds_service (options->data_dir, &holds, error))
    return NULL;
  if (!holds)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("%s holds no service; create one with “civicdesk-server init” or "
                     "“civicdesk-server demo”"), options->data_dir);
      return NULL;
    }

  if (!open_pool (self, POOL_READ, self->options.readers, error) ||
      !open_pool (self, POOL_WRITE, 1, error) ||
      !open_pool (self, POOL_LOGIN, LOGIN_THREADS, error) ||
      !open_pool (self, POOL_UPLOAD, UPLOAD_THREADS, error))
    return NULL;
  /* The read database is opened as it is used, so that a standby that is
   * down does not keep the service from starting; the first is tried now,
   * so that the log says at once when it fails */
  if (self->options.read_database != NULL)
    {
      self->readers = g_async_queue_new_full ((GDestroyNotify) reader_free);
      for (int i = 0; i < self->options.readers; i++)
        {
          Reader *reader = g_new0 (Reader, 1);

          if (i == 0)
            reader_open (self, reader);
          g_async_queue_push (self->readers, reader);
        }
    }
  self->leader = civic_leader_new (self->options.data_dir, error);
  if (self->leader == NULL)
    return NULL;

  db = g_async_queue_pop (self->connections[POOL_READ]);
  self->calendar_seq = civic_calendar_records_generation (db, error);
  self->calendar = self->calendar_seq != -1
                   ? civic_calendar_records_load (db, "CN-43", error) : NULL;
  g_async_queue_push (self->connections[POOL_READ], g_steal_pointer (&db));
  if (self->calendar == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
parse_listen (const char      *listen,
              GSocketAddress **address,
              GError         **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autoptr(GSocketAddressEnumerator) enumerator = NULL;

  connectable = g_network_address_parse (listen, 8080, error);
  if (connectable == NULL)
    return FALSE;

  enumerator = g_socket_connectable_enumerate (connectable);
  *address = g_socket_address_enumerator_next (enumerator, NULL, error);
  return *address != NULL;
}

/* A service made before documents had templates gets the ones that come
 * with the program, once, and one made before a kind of document existed
 * gets that kind's; an administrator's are never replaced */
static gboolean
import_templates_once (CivicDb      *db,
                       GError      **error)
{
  g_autoptr(GPtrArray) templates = civic_templates_list (db, error);
  guint n_new = 0;

  if (templates == NULL)
    return FALSE;
  if (templates->len > 0)
    {
      if (!civic_templates_import_new_defaults (db, &n_new, error))
        return FALSE;
      if (n_new > 0)
        g_message ("imported %u document templates of kinds new to this service", n_new);
      return TRUE;
    }
  if (!civic_templates_import_defaults (db, error))
    return FALSE;
  g_message ("imported the document templates that come with the program");
  return TRUE;
}

/**
 * civic_server_start:
 *
 * Brings every clock up to date (what happened while the service was
 * down), then listens.
 */
gboolean
civic_server_start (CivicServer  *self,
                    GError      **error)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  CivicListenerLimits limits = { { 0 } };
  CivicSchedulerReport report = { 0 };
  g_autoptr(GDateTime) next_due = NULL;
  gboolean more_due = FALSE;
  CivicDb *db;
  gboolean ok;

  g_return_val_if_fail (CIVIC_IS_SERVER (self), FALSE);

  /* The clocks are caught up by the process that runs them; another
   * joining a running service finds them current */
  db = g_async_queue_pop (self->connections[POOL_WRITE]);
  ok = !civic_leader_is_leader (self->leader) ||
       civic_scheduler_run_all (db, calendar_in_force (self, db), now, &report, error);
  g_async_queue_push (self->connections[POOL_WRITE], db);
  if (!ok)
    return FALSE;
  g_message ("caught up: checked=%u applied=%u republished=%u", report.checked,
             report.applied, report.republished);

  /* What came due while the service was down, before anyone asks */
  db = g_async_queue_pop (self->connections[POOL_WRITE]);
  do
    {
      guint n_run = 0;

      if (!civic_leader_is_leader (self->leader))
        break;
      ok = civic_due_jobs_run (db, calendar_in_force (self, db), now, self->options.public_url, DUE_BATCH,
                               &n_run, &more_due, error);
      if (ok && n_run > 0)
        g_message ("due jobs caught up: %u run", n_run);
    }
  while (ok && more_due);
  next_due = ok ? civic_due_jobs_next (db, error) : NULL;
  ok = ok && (error == NULL || *error == NULL);
  g_async_queue_push (self->connections[POOL_WRITE], db);
  if (!ok)
    return FALSE;

  db = g_async_queue_pop (self->connections[POOL_WRITE]);
  ok = civic_audit_checkpoint (db, now, NULL, error) && import_templates_once (db, error);
  g_async_queue_push (self->connections[POOL_WRITE], db);
  if (!ok)
    return FALSE;

  if (self->options.tls_cert != NULL || self->options.tls_key != NULL)
    {
      certificate = g_tls_certificate_new_from_files (self->options.tls_cert,
                                                      self->options.tls_key, error);
      if (certificate == NULL)
        return FALSE;
    }

  /* No version in the Server header: it tells an attacker which flaws to
   * try. No trailing space either, which would append libsoup's. */
  self->soup = soup_server_new ("server-header", "civicdesk-server", NULL);
  soup_server_add_handler (self->soup, NULL, handle_cb, self, NULL);

  limits.http.max_head = CIVIC_MAX_HEAD_SIZE;
  limits.http.max_body = CIVIC_MAX_BODY_SIZE;
  limits.http.max_upload = CIVIC_ATTACHMENT_MAX_SIZE;
  limits.http.max_public_form = CIVIC_MESSAGE_PUBLIC_MAX_BODY;
  limits.http.body_kind = body_kind;
  limits.http.max_uploads_held = CIVIC_MAX_UPLOADS_HELD;
  limits.http.request_seconds = self->options.request_timeout;
  limits.http.idle_seconds = self->options.idle_timeout;
  limits.max_connections = self->options.max_connections;
  limits.max_connections_per_address = self->options.max_connections_per_address;
  limits.trusted_proxies = self->trusted_proxies;
  limits.handshake_seconds = self->options.request_timeout;
  /* Longer than either, so that a read never times out on the socket
   * before the guard has answered 408 or hung up itself. */
  limits.stall_seconds = 2 * MAX (self->options.idle_timeout, self->options.request_timeout) + 5;
  self->listener = civic_listener_new (self->soup, certificate, &limits, refusal_body, self);

  if (!parse_listen (self->options.listen, &address, error) ||
      !civic_listener_listen (self->listener, address, error))
    return FALSE;
  self->port = civic_listener_get_port (self->listener);

  /* Without a public address of its own, the one it listens on (a
   * county's service on its own network) */
  if (self->options.public_url == NULL)
    {
      GInetAddress *inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));
      g_autofree char *host = g_inet_address_to_string (inet);
      gboolean v6 = g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6;

      /* Every address is none the public can be sent to */
      if (g_inet_address_get_is_any (inet))
        {
          civic_server_stop (self);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Listening on every address, the service cannot say where the "
                                 "public checks its documents: give --public-url (the address "
                                 "their QR codes hold)"));
          return FALSE;
        }

      self->options.public_url = g_strdup_printf ("%s://%s%s%s:%u",
                                                  certificate ? "https" : "http", v6 ? "[" : "",
                                                  host, v6 ? "]" : "", self->port);
    }
  while (g_str_has_suffix (self->options.public_url, "/"))
    self->options.public_url[strlen (self->options.public_url) - 1] = '\0';

  self->scheduler_source = g_timeout_add_seconds (self->options.scheduler_interval,
                                                  scheduler_tick, self);
  if (next_due != NULL)
    arm_due_jobs (self, next_due);
  return TRUE;
}

/**
 * civic_server_stop:
 *
 * Stops listening and lets the requests in progress finish.
 */
void
civic_server_stop (CivicServer *self)
{
  g_return_if_fail (CIVIC_IS_SERVER (self));

  g_clear_handle_id (&self->scheduler_source, g_source_remove);
  g_clear_handle_id (&self->due_source, g_source_remove);
  g_clear_pointer (&self->due_armed_for, g_date_time_unref);

  if (self->listener != NULL)
    civic_listener_stop (self->listener);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);

  for (guint i = 0; i < G_N_ELEMENTS (self->pools); i++)
    if (self->pools[i] != NULL)
      {
        g_thread_pool_free (self->pools[i], FALSE, TRUE);
        self->pools[i] = NULL;
      }

  /* Deliver the answers the workers handed back. */
  while (g_main_context_pending (self->context))
    g_main_context_iteration (self->context, FALSE);

  g_clear_object (&self->listener);
  g_clear_object (&self->soup);
}

guint
civic_server_get_port (CivicServer *self)
{
  g_return_val_if_fail (CIVIC_IS_SERVER (self), 0);
  return self->port;
}

CivicCalendar *
civic_server_get_calendar (CivicServer *self)
{
  CivicCalendar *calendar;

  g_return_val_if_fail (CIVIC_IS_SERVER (self), NULL);

  g_mutex_lock (&self->calendar_lock);
  calendar = self->calendar;
  g_mutex_unlock (&self->calendar_lock);
  return calendar;
}
