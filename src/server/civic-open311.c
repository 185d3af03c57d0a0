/* civic-open311.c — Open311 GeoReport v2: the hall's services, requests in, their status out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-open311"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <libsoup/soup.h>
#include <sodium.h>

#include "civic-i18n.h"

#include "civic-commands.h"
#include "civic-core-enums.h"
#include "civic-disclosure-public.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-message-kind.h"
#include "civic-open311.h"
#include "civic-query.h"
#include "civic-server-db.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* Open311 GeoReport v2 (docs/plans/messages.md, decision 11) lets a city
 * app or a partner's system file a report and follow it. Here:
 *
 * - the services are the hall's categories of citizens' messages, each a
 *   kind of message for a department, with the questions it asks
 *   (attributes), imported whole by `civicdesk-server open311 services
 *   import`; a report (举报) is never one, since Open311's lists are
 *   public and an accusation is not (信访工作条例 Art. 30);
 * - a request comes in with an API key the administrator gave its client
 *   (`civicdesk-server open311 key add`), kept only as its hash, and is
 *   registered by the service as any message (channel `open311`);
 * - its status is read from `open311_request`, a public table only the
 *   message's save writes: open or closed, the last reply that went out
 *   (masked as the public status masks it) — never a note, never who
 *   wrote it, never what they wrote, which may name people.
 *
 * Every answer is JSON or XML by the path's extension; errors are the
 * spec's [{code, description}]. */

G_DEFINE_QUARK (civic-open311-error-quark, civic_open311_error)

#define CODE_MAX 64
#define LABEL_MAX 100
#define TEXT_MAX 1000
#define IDS_MAX 100
#define REQUESTS_MAX 1000
#define DEFAULT_DAYS 90
#define CATALOGUE_VERSION "open311-catalogue"

static const char * const datatypes[] = {
  "string", "number", "datetime", "text", "singlevaluelist", "multivaluelist", NULL
};

static gboolean
refuse (GError     **error,
        int          code,
        const char  *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError     **error,
        int          code,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CIVIC_OPEN311_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
is_code (const char *code)
{
  gsize length = code != NULL ? strlen (code) : 0;

  if (length == 0 || length > CODE_MAX)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static const char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";  /* not text: refused by the caller's length check */
  return json_node_get_string (node);
}

static gboolean
check_text (JsonObject  *object,
            const char  *member,
            gboolean     required,
            gsize        max,
            const char  *code,
            GError     **error)
{
  const char *text = member_text (object, member);
  gboolean present = json_object_has_member (object, member) &&
                     !JSON_NODE_HOLDS_NULL (json_object_get_member (object, member));

  if (present && (text == NULL || !g_utf8_validate (text, -1, NULL) ||
                  (gsize) g_utf8_strlen (text, -1) > max || (required && *text == '\0')))
    /* Translators: "water-leak: “service_name” must be text of at most 100 characters" */
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID,
                   _("%s: “%s” must be text of at most %u characters"), code, member,
                   (guint) max);
  if (required && (!present || *text == '\0'))
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID, _("%s: “%s” is missing"), code, member);
  return TRUE;
}

/* One question a service asks */
static gboolean
check_attribute (JsonNode    *node,
                 const char  *service,
                 GHashTable  *codes,
                 GError     **error)
{
  JsonObject *attribute = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *code, *datatype;
  JsonNode *values;

  if (attribute == NULL)
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID, _("%s: an attribute must be an object"),
                   service);
  code = member_text (attribute, "code");
  if (!is_code (code))
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID,
                   _("%s: an attribute’s code is letters, digits, “-”, “_” or “.”"), service);
  if (!g_hash_table_add (codes, (gpointer) code))
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID, _("%s: the attribute “%s” is there twice"),
                   service, code);
  datatype = member_text (attribute, "datatype");
  if (datatype == NULL || !g_strv_contains (datatypes, datatype))
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID,
                   _("%s: the attribute “%s” has no datatype Open311 knows"), service, code);
  if (!check_text (attribute, "description", TRUE, TEXT_MAX, service, error))
    return FALSE;
  values = json_object_get_member (attribute, "values");
  if (g_str_has_suffix (datatype, "valuelist"))
    {
      JsonArray *array = values != NULL && JSON_NODE_HOLDS_ARRAY (values)
                         ? json_node_get_array (values) : NULL;

      if (array == NULL || json_array_get_length (array) == 0)
        return refuse (error, CIVIC_OPEN311_ERROR_INVALID,
                       _("%s: the attribute “%s” lists its values"), service, code);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *value = json_array_get_element (array, i);
          JsonObject *object = JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value)
                                                               : NULL;

          if (object == NULL || !is_code (member_text (object, "key")) ||
              !check_text (object, "name", TRUE, LABEL_MAX, service, error))
            {
              g_clear_error (error);
              return refuse (error, CIVIC_OPEN311_ERROR_INVALID,
                             _("%s: each value of “%s” has a key and a name"), service, code);
            }
        }
    }
  else if (values != NULL && !JSON_NODE_HOLDS_NULL (values))
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID,
                   _("%s: only a list attribute has values"), service);
  return TRUE;
}

/* One service of the catalogue: what it is, the kind of message it makes
 * and for which department, the questions it asks */
static gboolean
check_service (CivicDb      *db,
               JsonNode     *node,
               GHashTable   *codes,
               GError      **error)
{
  JsonObject *service = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(GHashTable) attribute_codes = g_hash_table_new (g_str_hash, g_str_equal);
  const char *code, *kind, *department;
  JsonNode *attributes;
  int value;

  if (service == NULL)
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID, _("A service must be an object"));
  code = member_text (service, "service_code");
  if (!is_code (code))
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID,
                   _("A service’s code is letters, digits, “-”, “_” or “.”"));
  if (!g_hash_table_add (codes, (gpointer) code))
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID, _("The service “%s” is there twice"),
                   code);
  if (!check_text (service, "service_name", TRUE, LABEL_MAX, code, error) ||
      !check_text (service, "description", FALSE, TEXT_MAX, code, error) ||
      !check_text (service, "group", FALSE, LABEL_MAX, code, error) ||
      !check_text (service, "keywords", FALSE, TEXT_MAX, code, error))
    return FALSE;
  kind = member_text (service, "kind");
  if (kind == NULL || !civic_enum_from_nick (CIVIC_TYPE_MESSAGE_KIND, kind, &value))
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID, _("%s: “kind” is not a kind of message"),
                   code);
  if (value == CIVIC_MESSAGE_KIND_REPORT || value == CIVIC_MESSAGE_KIND_IDEA)
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID,
                   _("%s: a report or an idea does not come through Open311, whose lists are "
                     "public"), code);
  department = member_text (service, "department");
  if (department != NULL)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(JsonNode) known = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT,
                                                                   department, &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (known == NULL)
        return refuse (error, CIVIC_OPEN311_ERROR_INVALID, _("%s: no department “%s”"), code,
                       department);
    }
  attributes = json_object_get_member (service, "attributes");
  if (attributes != NULL && !JSON_NODE_HOLDS_NULL (attributes))
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (attributes) ? json_node_get_array (attributes)
                                                            : NULL;

      if (array == NULL)
        return refuse (error, CIVIC_OPEN311_ERROR_INVALID, _("%s: “attributes” is a list"),
                       code);
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!check_attribute (json_array_get_element (array, i), code, attribute_codes, error))
          return FALSE;
    }
  return TRUE;
}

/**
 * civic_open311_import_services:
 * @catalogue: `{services: [{service_code, service_name, description,
 *   group, keywords, kind, department, attributes}]}`
 *
 * Keeps @catalogue as the services Open311 offers, replacing the last
 * one whole, after checking every service. Call inside a write
 * transaction.
 */
gboolean
civic_open311_import_services (CivicDb      *db,
                               JsonNode     *catalogue,
                               guint        *n_services,
                               GError      **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root = JSON_NODE_HOLDS_OBJECT (catalogue) ? json_node_get_object (catalogue) : NULL;
  JsonNode *services = root != NULL ? json_object_get_member (root, "services") : NULL;
  JsonArray *array = services != NULL && JSON_NODE_HOLDS_ARRAY (services)
                     ? json_node_get_array (services) : NULL;
  CivicDbStmt *stmt;

  if (array == NULL || json_array_get_length (array) == 0)
    return refuse (error, CIVIC_OPEN311_ERROR_INVALID,
                   _("The catalogue is an object with a list of “services”"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!check_service (db, json_array_get_element (array, i), codes, error))
      return FALSE;

  stmt = civic_db_prepare (db, "DELETE FROM open311_service", error);
  if (stmt == NULL || !civic_db_run (db, stmt, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *data = civic_json_to_string (node, FALSE);

      stmt = civic_db_prepare (db, "INSERT INTO open311_service (code, position, data) "
                                   "VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, member_text (json_node_get_object (node), "service_code"));
      civic_db_bind_int (stmt, 2, (int) i);
      civic_db_bind_text (stmt, 3, data);
      if (!civic_db_run (db, stmt, error))
        return FALSE;
    }
  if (n_services != NULL)
    *n_services = json_array_get_length (array);
  {
    g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                civic_open311_catalogue_version (db) + 1);

    return civic_server_db_set_meta (db, CATALOGUE_VERSION, version, error);
  }
}

/**
 * civic_open311_catalogue_version:
 *
 * Returns: how many catalogues were imported: what an answer about the
 * services was made from
 */
gint64
civic_open311_catalogue_version (CivicDb *db)
{
  g_autofree char *text = civic_server_db_get_meta (db, CATALOGUE_VERSION);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/**
 * civic_open311_list_services:
 *
 * Returns: (transfer full) (nullable): the catalogue's services, in its
 * order, as imported
 */
JsonNode *
civic_open311_list_services (CivicDb      *db,
                             GError      **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT data FROM open311_service ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      JsonNode *service = civic_json_parse (civic_db_column_text (stmt, 0), -1, NULL);

      if (service != NULL)
        json_array_add_element (array, service);
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  return node;
}

static JsonObject *
load_service (CivicDb      *db,
              const char   *code,
              GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT data FROM open311_service WHERE code = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, code);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    node = civic_json_parse (civic_db_column_text (stmt, 0), -1, error);
  civic_db_reset (stmt);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

/* W3C's date and time, in the hall's zone: "2026-03-20T10:00:00+08:00" */
static char *
w3c_time (GDateTime *instant)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, civic_time_zone ());

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Keys */

static char *
hash_key (const char *key)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
}

/* What one client may file, however many addresses its users send from
 * (docs/plans/messages.md, decision 11): a city's app files for all of
 * them under its key. Taken on the workers that answer, so guarded. */
static GMutex key_limit_lock;
static CivicRateLimit *key_limit;

static gboolean
key_may_file (const char      *key,
              const CivicRate *rate,
              gint64          *retry_after)
{
  g_autofree char *hash = NULL;
  gboolean taken;

  if (rate == NULL)
    return TRUE;
  hash = hash_key (key);
  g_mutex_lock (&key_limit_lock);
  if (key_limit == NULL)
    key_limit = civic_rate_limit_new (4096);
  taken = civic_rate_limit_take (key_limit, rate, hash, g_get_monotonic_time (), retry_after);
  g_mutex_unlock (&key_limit_lock);
  return taken;
}

/**
 * civic_open311_add_key:
 * @name: who the key is for: "长沙市民App"
 * @id: (out): the key's id, to revoke it by
 *
 * Gives an Open311 client a key. Only its hash is kept: the key is shown
 * once, here.
 *
 * Returns: (transfer full) (nullable): the key
 */
char *
civic_open311_add_key (CivicDb      *db,
                       const char   *name,
                       GDateTime    *now,
                       char        **id,
                       GError      **error)
{
  guint8 secret[24], tag[4];
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *created = civic_time_format (now);
  CivicDbStmt *stmt;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL) ||
      g_utf8_strlen (name, -1) > LABEL_MAX)
    {
      refuse (error, CIVIC_OPEN311_ERROR_INVALID,
              _("Name whom the key is for, in at most 100 characters"));
      return NULL;
    }
  randombytes_buf (secret, sizeof secret);
  randombytes_buf (tag, sizeof tag);
  key = g_malloc0 (2 * sizeof secret + 1);
  sodium_bin2hex (key, 2 * sizeof secret + 1, secret, sizeof secret);
  key_id = g_malloc0 (2 * sizeof tag + 3);
  memcpy (key_id, "k-", 2);
  sodium_bin2hex (key_id + 2, 2 * sizeof tag + 1, tag, sizeof tag);
  sodium_memzero (secret, sizeof secret);
  hash = hash_key (key);

  stmt = civic_db_prepare (db, "INSERT INTO open311_key (id, name, hash, created_at) "
                               "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, key_id);
  civic_db_bind_text (stmt, 2, name);
  civic_db_bind_text (stmt, 3, hash);
  civic_db_bind_text (stmt, 4, created);
  if (!civic_db_run (db, stmt, error))
    return NULL;
  if (id != NULL)
    *id = g_steal_pointer (&key_id);
  return g_steal_pointer (&key);
}

gboolean
civic_open311_revoke_key (CivicDb      *db,
                          const char   *id,
                          GDateTime    *now,
                          GError      **error)
{
  g_autofree char *revoked = civic_time_format (now);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "UPDATE open311_key SET revoked_at = ? "
                               "WHERE id = ? AND revoked_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, revoked);
  civic_db_bind_text (stmt, 2, id);
  if (!civic_db_run (db, stmt, error))
    return FALSE;
  if (civic_db_changes (db) == 0)
    return refuse (error, CIVIC_OPEN311_ERROR_NOT_FOUND, _("No key “%s” in use"), id);
  return TRUE;
}

/**
 * civic_open311_list_keys:
 *
 * Returns: (transfer full) (nullable): [{id, name, created_at,
 * revoked_at}], never a key
 */
JsonNode *
civic_open311_list_keys (CivicDb      *db,
                         GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id, name, created_at, revoked_at FROM open311_key "
                               "ORDER BY created_at, id", error);
  if (stmt == NULL)
    return NULL;
  json_builder_begin_array (builder);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "id", civic_db_column_text (stmt, 0));
      civic_json_set_string (builder, "name", civic_db_column_text (stmt, 1));
      civic_json_set_string (builder, "created_at", civic_db_column_text (stmt, 2));
      civic_json_set_string (builder, "revoked_at", civic_db_column_text (stmt, 3));
      json_builder_end_object (builder);
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static gboolean
key_is_valid (CivicDb      *db,
              const char   *key,
              gboolean     *valid,
              GError      **error)
{
  g_autofree char *hash = NULL;
  CivicDbStmt *stmt;

  *valid = FALSE;
  if (key == NULL || *key == '\0' || strlen (key) > 128)
    return TRUE;
  hash = hash_key (key);
  stmt = civic_db_prepare (db, "SELECT 1 FROM open311_key "
                               "WHERE hash = ? AND revoked_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, hash);
  if (!civic_db_step (db, stmt, valid, error))
    return FALSE;
  civic_db_reset (stmt);
  return TRUE;
}

/* The public table */

/* Open or closed, as Open311 has it: answered is closed for the citizen;
 * reopened is open again */
static const char *
open311_status (CivicMessageState state)
{
  switch (state)
    {
    case CIVIC_MESSAGE_STATE_REPLIED:
    case CIVIC_MESSAGE_STATE_CLOSED:
    case CIVIC_MESSAGE_STATE_MERGED:
    case CIVIC_MESSAGE_STATE_ROUTED_TO_CASE:
      return "closed";
    default:
      return "open";
    }
}

/**
 * civic_open311_put_request:
 * @due_on: (nullable): the reply's last day
 * @status_notes: (nullable): the last reply that went out, as the public
 *   reads it
 *
 * Writes what Open311 says of a message filed with a service code; a
 * report is never written. Called by the message's save only.
 */
gboolean
civic_open311_put_request (CivicDb       *db,
                           CivicMessage  *message,
                           const char    *due_on,
                           const char    *status_notes,
                           GError       **error)
{
  const CivicMessageLocation *location = civic_message_get_location (message);
  const char *code = civic_message_get_service_code (message);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *requested = NULL;
  g_autofree char *updated = w3c_time (now);
  CivicMessageState state = civic_message_get_state (message);
  CivicDbStmt *stmt;

  if (code == NULL || civic_message_get_kind (message) == CIVIC_MESSAGE_KIND_REPORT ||
      civic_message_get_receipt (message) == NULL)
    return TRUE;
  requested = civic_message_get_received_at (message) != NULL
              ? w3c_time (civic_message_get_received_at (message))
              : g_strdup (updated);

  stmt = civic_db_prepare (db, "INSERT INTO open311_request (message_id, receipt, "
                               "  service_code, status, status_notes, department_id, "
                               "  requested_at, updated_at, expected_on, address, lat, long) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                               "ON CONFLICT (message_id) DO UPDATE SET "
                               "  status = excluded.status, "
                               "  status_notes = excluded.status_notes, "
                               "  department_id = excluded.department_id, "
                               "  updated_at = excluded.updated_at, "
                               "  expected_on = excluded.expected_on",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_message_get_id (message));
  civic_db_bind_text (stmt, 2, civic_message_get_receipt (message));
  civic_db_bind_text (stmt, 3, code);
  civic_db_bind_text (stmt, 4, open311_status (state));
  civic_db_bind_text (stmt, 5, status_notes);
  civic_db_bind_text (stmt, 6, civic_message_get_department_id (message));
  civic_db_bind_text (stmt, 7, requested);
  civic_db_bind_text (stmt, 8, updated);
  civic_db_bind_text (stmt, 9, g_str_equal (open311_status (state), "open") ? due_on : NULL);
  civic_db_bind_text (stmt, 10, location->address);
  if (location->has_position)
    {
      civic_db_bind_double (stmt, 11, location->lat);
      civic_db_bind_double (stmt, 12, location->lon);
    }
  else
    {
      civic_db_bind_null (stmt, 11);
      civic_db_bind_null (stmt, 12);
    }
  return civic_db_run (db, stmt, error);
}

/* Writing answers */

typedef enum
{
  FORMAT_JSON,
  FORMAT_XML,
} Format;

/* XML's name for an element of a list */
static const char *
singular (const char *plural)
{
  if (g_strcmp0 (plural, "attributes") == 0)
    return "attribute";
  if (g_strcmp0 (plural, "values") == 0)
    return "value";
  return "item";
}

static void
xml_node (GString    *out,
          const char *name,
          JsonNode   *node);

static void
xml_children (GString    *out,
              const char *name,
              JsonNode   *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        xml_node (out, l->data, json_object_get_member (object, l->data));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        xml_node (out, singular (name), json_array_get_element (array, i));
    }
}

static void
xml_node (GString    *out,
          const char *name,
          JsonNode   *node)
{
  g_string_append_printf (out, "<%s>", name);
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      if (type == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (node));
      else if (type == G_TYPE_BOOLEAN)
        text = g_strdup (json_node_get_boolean (node) ? "true" : "false");
      else if (type == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          text = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
        }
      else
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      escaped = g_markup_escape_text (text, -1);
      g_string_append (out, escaped);
    }
  else if (!JSON_NODE_HOLDS_NULL (node))
    xml_children (out, name, node);
  g_string_append_printf (out, "</%s>", name);
}

/* @node as the format says: JSON as it is, XML under @root with each of
 * its elements an @item */
static void
answer_with (CivicOpen311Answer *answer,
             Format              format,
             guint               status,
             const char         *root,
             const char         *item,
             JsonNode           *node)
{
  answer->status = status;
  g_clear_pointer (&answer->body, g_free);
  if (format == FORMAT_JSON)
    {
      answer->body = civic_json_to_string (node, FALSE);
      answer->content_type = "application/json; charset=utf-8";
      return;
    }

  {
    GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");

    g_string_append_printf (out, "<%s>", root);
    if (JSON_NODE_HOLDS_ARRAY (node))
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          xml_node (out, item, json_array_get_element (array, i));
      }
    else
      xml_children (out, root, node);
    g_string_append_printf (out, "</%s>\n", root);
    answer->body = g_string_free (out, FALSE);
    answer->content_type = "text/xml; charset=utf-8";
  }
}

/* The spec's [{code, description}] */
static gboolean
answer_error (CivicOpen311Answer *answer,
              Format              format,
              guint               status,
              const char         *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  civic_json_set_int (builder, "code", status);
  civic_json_set_string (builder, "description", description);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  answer_with (answer, format, status, "errors", "error", node);
  return TRUE;
}

void
civic_open311_answer_clear (CivicOpen311Answer *answer)
{
  g_clear_pointer (&answer->body, g_free);
}

/* Services */

static void
set_text_or_null (JsonBuilder *builder,
                  const char  *member,
                  JsonObject  *from,
                  const char  *from_member)
{
  civic_json_set_string (builder, member, member_text (from, from_member));
}

static gboolean
has_attributes (JsonObject *service)
{
  JsonNode *attributes = json_object_get_member (service, "attributes");

  return attributes != NULL && JSON_NODE_HOLDS_ARRAY (attributes) &&
         json_array_get_length (json_node_get_array (attributes)) > 0;
}

static gboolean
get_services (CivicDb             *db,
              Format               format,
              CivicOpen311Answer  *answer,
              GError             **error)
{
  g_autoptr(JsonNode) services = civic_open311_list_services (db, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  if (services == NULL)
    return FALSE;
  array = json_node_get_array (services);
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *service = json_array_get_object_element (array, i);

      json_builder_begin_object (builder);
      set_text_or_null (builder, "service_code", service, "service_code");
      set_text_or_null (builder, "service_name", service, "service_name");
      set_text_or_null (builder, "description", service, "description");
      civic_json_set_bool (builder, "metadata", has_attributes (service));
      civic_json_set_string (builder, "type", "realtime");
      set_text_or_null (builder, "keywords", service, "keywords");
      set_text_or_null (builder, "group", service, "group");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  answer_with (answer, format, 200, "services", "service", node);
  return TRUE;
}

static gboolean
get_service_definition (CivicDb             *db,
                        const char          *code,
                        Format               format,
                        CivicOpen311Answer  *answer,
                        GError             **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonObject) service = load_service (db, code, &local);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonArray *attributes;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (service == NULL)
    return answer_error (answer, format, 404, _("No such service"));

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "service_code", code);
  json_builder_set_member_name (builder, "attributes");
  json_builder_begin_array (builder);
  attributes = has_attributes (service) ? json_object_get_array_member (service, "attributes")
                                        : NULL;
  for (guint i = 0; attributes != NULL && i < json_array_get_length (attributes); i++)
    {
      JsonObject *attribute = json_array_get_object_element (attributes, i);
      JsonNode *values = json_object_get_member (attribute, "values");

      json_builder_begin_object (builder);
      civic_json_set_bool (builder, "variable", TRUE);
      set_text_or_null (builder, "code", attribute, "code");
      set_text_or_null (builder, "datatype", attribute, "datatype");
      civic_json_set_bool (builder, "required",
                           json_object_get_boolean_member_with_default (attribute, "required",
                                                                        FALSE));
      civic_json_set_string (builder, "datatype_description", NULL);
      civic_json_set_int (builder, "order", i + 1);
      set_text_or_null (builder, "description", attribute, "description");
      json_builder_set_member_name (builder, "values");
      if (values != NULL && JSON_NODE_HOLDS_ARRAY (values))
        {
          JsonArray *array = json_node_get_array (values);

          /* Only what the spec names: the catalogue may say more */
          json_builder_begin_array (builder);
          for (guint j = 0; j < json_array_get_length (array); j++)
            {
              JsonObject *value = json_array_get_object_element (array, j);

              json_builder_begin_object (builder);
              set_text_or_null (builder, "key", value, "key");
              set_text_or_null (builder, "name", value, "name");
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  answer_with (answer, format, 200, "service_definition", NULL, node);
  return TRUE;
}

/* Requests in */

/* A form's value, NULL when empty */
static const char *
form_text (GHashTable *form,
           const char *name)
{
  const char *value = form != NULL ? g_hash_table_lookup (form, name) : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

static gboolean
parse_coordinate (const char *text,
                  double      limit,
                  double     *out)
{
  char *end = NULL;

  errno = 0;
  *out = g_ascii_strtod (text, &end);
  return errno == 0 && end != text && *end == '\0' && *out >= -limit && *out <= limit;
}

/* The answers to the service's questions, as lines of the message's body;
 * refused when a required one is missing, a list's value is not one of
 * its keys, or the form names a question the service does not ask */
static gboolean
read_attributes (JsonObject  *service,
                 GHashTable  *form,
                 GString     *body,
                 char       **refusal)
{
  JsonArray *attributes = has_attributes (service)
                          ? json_object_get_array_member (service, "attributes") : NULL;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, "attribute["))
      {
        gboolean known = FALSE;

        for (guint i = 0; attributes != NULL && i < json_array_get_length (attributes); i++)
          {
            g_autofree char *name = g_strdup_printf ("attribute[%s]", member_text (
                                                       json_array_get_object_element (attributes,
                                                                                      i),
                                                       "code"));

            known |= g_str_equal (name, key);
          }
        if (!known)
          {
            *refusal = g_strdup_printf (_("The service asks no “%s”"), (const char *) key);
            return FALSE;
          }
      }

  for (guint i = 0; attributes != NULL && i < json_array_get_length (attributes); i++)
    {
      JsonObject *attribute = json_array_get_object_element (attributes, i);
      const char *code = member_text (attribute, "code");
      g_autofree char *name = g_strdup_printf ("attribute[%s]", code);
      const char *value = form_text (form, name);
      const char *shown = value;
      JsonNode *values = json_object_get_member (attribute, "values");

      if (value == NULL)
        {
          if (json_object_get_boolean_member_with_default (attribute, "required", FALSE))
            {
              *refusal = g_strdup_printf (_("“%s” is required"), name);
              return FALSE;
            }
          continue;
        }
      if (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, -1) > TEXT_MAX)
        {
          *refusal = g_strdup_printf (_("“%s” is too long"), name);
          return FALSE;
        }
      if (values != NULL && JSON_NODE_HOLDS_ARRAY (values))
        {
          JsonArray *array = json_node_get_array (values);

          shown = NULL;
          for (guint j = 0; j < json_array_get_length (array); j++)
            {
              JsonObject *option = json_array_get_object_element (array, j);

              if (g_strcmp0 (member_text (option, "key"), value) == 0)
                shown = member_text (option, "name");
            }
          if (shown == NULL)
            {
              *refusal = g_strdup_printf (_("“%s” is not one of the values of “%s”"), value,
                                          name);
              return FALSE;
            }
        }
      /* Stored with the message, so in the catalogue's words, whatever
       * language the service runs in: "经营场所类型：餐馆" */
      g_string_append_printf (body, "\n%s：%s", member_text (attribute, "description"), shown);
    }
  return TRUE;
}

static gboolean
post_request (CivicDb             *db,
              CivicCalendar       *calendar,
              GDateTime           *now,
              GHashTable          *form,
              const char          *address,
              const CivicRate     *key_rate,
              Format               format,
              CivicOpen311Answer  *answer,
              GError             **error)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(JsonObject) service = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *today = civic_day_format (civic_time_day_of (now));
  g_autofree char *refusal = NULL;
  g_autofree char *name = NULL;
  CivicCommandEnv env = { db, calendar, now, address, NULL };
  const char *code, *lat, *lon, *address_string, *description, *first, *last;
  JsonObject *summary;
  gboolean valid;
  double latitude = 0, longitude = 0;

  if (!key_is_valid (db, form_text (form, "api_key"), &valid, error))
    return FALSE;
  if (!valid)
    return answer_error (answer, format, 403, _("The api_key is missing, unknown or revoked"));
  if (!key_may_file (form_text (form, "api_key"), key_rate, &answer->retry_after))
    return answer_error (answer, format, 429,
                         _("Too many requests with this api_key; try again shortly"));
  code = form_text (form, "service_code");
  if (code == NULL)
    return answer_error (answer, format, 400, _("service_code is required"));
  service = load_service (db, code, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (service == NULL)
    return answer_error (answer, format, 404, _("No such service"));

  /* Where: a position, or an address */
  lat = form_text (form, "lat");
  lon = form_text (form, "long");
  address_string = form_text (form, "address_string");
  if ((lat != NULL) != (lon != NULL) ||
      (lat != NULL && (!parse_coordinate (lat, 90, &latitude) ||
                       !parse_coordinate (lon, 180, &longitude))))
    return answer_error (answer, format, 400,
                         _("lat and long are given together, in decimal degrees"));
  if (lat == NULL && address_string == NULL)
    return answer_error (answer, format, 400,
                         _("A request says where: lat and long, or address_string"));

  description = form_text (form, "description");
  if (description != NULL && (!g_utf8_validate (description, -1, NULL) ||
                              g_utf8_strlen (description, -1) > 4000))
    return answer_error (answer, format, 400, _("The description is at most 4000 characters"));
  g_string_append (body, description != NULL ? description
                                             : member_text (service, "service_name"));
  if (!read_attributes (service, form, body, &refusal))
    return answer_error (answer, format, 400, refusal);

  first = form_text (form, "first_name");
  last = form_text (form, "last_name");
  if (first != NULL || last != NULL)
    name = g_strconcat (last != NULL ? last : "", first != NULL ? first : "", NULL);

  json_object_set_string_member (args, "kind", member_text (service, "kind"));
  json_object_set_string_member (args, "channel", "open311");
  json_object_set_string_member (args, "subject", member_text (service, "service_name"));
  json_object_set_string_member (args, "body", body->str);
  json_object_set_boolean_member (args, "anonymous", name == NULL);
  if (name != NULL)
    json_object_set_string_member (args, "citizen_name", name);
  if (form_text (form, "phone") != NULL)
    json_object_set_string_member (args, "phone", form_text (form, "phone"));
  if (form_text (form, "email") != NULL)
    json_object_set_string_member (args, "email", form_text (form, "email"));
  if (address_string != NULL)
    json_object_set_string_member (args, "location", address_string);
  if (lat != NULL)
    {
      json_object_set_double_member (args, "lat", latitude);
      json_object_set_double_member (args, "long", longitude);
    }
  if (member_text (service, "department") != NULL)
    json_object_set_string_member (args, "department_id", member_text (service, "department"));
  json_object_set_string_member (args, "service_code", code);
  json_object_set_string_member (args, "received_on", today);
  /* The photo's address, for the officials: never fetched (a request
   * does not make the service call out), never published */
  if (form_text (form, "media_url") != NULL)
    json_object_set_string_member (args, "media_url", form_text (form, "media_url"));

  data = civic_commands_run_as_service (&env, id, civic_message_kind.action_to_string (
                                                  CIVIC_MESSAGE_ACTION_REGISTER),
                                        id, args, &refusal, error);
  if (data == NULL)
    return refusal != NULL && answer_error (answer, format, 400, refusal);
  summary = civic_json_lookup_object (data, "summary");
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) node = NULL;
    const char *due = summary != NULL
                      ? json_object_get_string_member_with_default (summary, "reply_due", NULL)
                      : NULL;
    g_autofree char *notice = due != NULL
                              /* Translators: the notice an Open311 client shows: "Reply by
                               * 2026-04-09" */
                              ? g_strdup_printf (_("Reply by %s"), due) : NULL;

    json_builder_begin_array (builder);
    json_builder_begin_object (builder);
    civic_json_set_string (builder, "service_request_id",
                           json_object_get_string_member_with_default (data, "receipt", NULL));
    civic_json_set_string (builder, "service_notice", notice);
    civic_json_set_string (builder, "account_id", NULL);
    json_builder_end_object (builder);
    json_builder_end_array (builder);
    node = json_builder_get_root (builder);
    answer_with (answer, format, 200, "service_requests", "request", node);
  }
  return TRUE;
}

/* Requests out */

static char *
expected_datetime (const char *day_text)
{
  CivicDay day;
  g_autoptr(GDateTime) end = NULL;
  GDate date;

  if (day_text == NULL || !civic_day_parse (day_text, &day))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  end = g_date_time_new (civic_time_zone (), g_date_get_year (&date), g_date_get_month (&date),
                         g_date_get_day (&date), 23, 59, 59);
  return end != NULL ? w3c_time (end) : NULL;
}

/* A W3C date-time or a day, as the time it names */
static gboolean
parse_when (const char  *text,
            gboolean     end_of_day,
            char       **out)
{
  g_autoptr(GDateTime) when = NULL;
  CivicDay day;

  /* A day alone is the whole of it, in the hall's zone */
  if (civic_day_parse (text, &day))
    {
      g_autofree char *at = g_strconcat (text, end_of_day ? "T23:59:59" : "T00:00:00", NULL);

      when = g_date_time_new_from_iso8601 (at, civic_time_zone ());
    }
  else
    when = civic_time_parse (text);
  if (when == NULL)
    return FALSE;
  *out = w3c_time (when);
  return TRUE;
}

/* A department's name, looked up once a list */
static const char *
agency_of (CivicDb     *db,
           GHashTable  *names,
           const char  *department)
{
  char *name;

  if (department == NULL)
    return NULL;
  name = g_hash_table_lookup (names, department);
  if (name == NULL)
    {
      name = civic_disclosure_public_department_name (db, department);
      g_hash_table_insert (names, g_strdup (department), name);
    }
  return name;
}

/* A request as Open311 tells it. Asked for by its id — the receipt its
 * filer holds — it is told whole: the last reply and the place as given.
 * In the list anyone may read, the reply is left out (it answers one
 * citizen) and so is the address, and the position is rounded to about a
 * hundred metres: where a matter is may be where its author lives. */
static void
add_request (JsonBuilder  *builder,
             CivicDb      *db,
             GHashTable   *names,
             CivicDbStmt  *stmt,
             gboolean      whole)
{
  const char *agency = agency_of (db, names, civic_db_column_text (stmt, 5));
  g_autofree char *expected = expected_datetime (civic_db_column_text (stmt, 8));

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "service_request_id", civic_db_column_text (stmt, 0));
  civic_json_set_string (builder, "status", civic_db_column_text (stmt, 2));
  civic_json_set_string (builder, "status_notes", whole ? civic_db_column_text (stmt, 3) : NULL);
  civic_json_set_string (builder, "service_name", civic_db_column_text (stmt, 4));
  civic_json_set_string (builder, "service_code", civic_db_column_text (stmt, 1));
  /* What the citizen wrote may name people; Open311's list is public */
  civic_json_set_string (builder, "description", NULL);
  civic_json_set_string (builder, "agency_responsible", agency);
  civic_json_set_string (builder, "service_notice", NULL);
  civic_json_set_string (builder, "requested_datetime", civic_db_column_text (stmt, 6));
  civic_json_set_string (builder, "updated_datetime", civic_db_column_text (stmt, 7));
  civic_json_set_string (builder, "expected_datetime", expected);
  civic_json_set_string (builder, "address", whole ? civic_db_column_text (stmt, 9) : NULL);
  civic_json_set_string (builder, "address_id", NULL);
  civic_json_set_string (builder, "zipcode", NULL);
  for (int column = 10; column <= 11; column++)
    {
      double degrees = civic_db_column_double (stmt, column);

      json_builder_set_member_name (builder, column == 10 ? "lat" : "long");
      if (civic_db_column_is_null (stmt, column))
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, whole ? degrees
                                                      : (double) (gint64) (degrees * 1000.0 +
                                                                           (degrees < 0 ? -0.5
                                                                                        : 0.5))
                                                        / 1000.0);
    }
  /* A citizen's photo is theirs, as their words are: not published */
  civic_json_set_string (builder, "media_url", NULL);
  json_builder_end_object (builder);
}

#define REQUEST_COLUMNS \
  "r.receipt, r.service_code, r.status, r.status_notes, " \
  "json_extract (s.data, '$.service_name'), r.department_id, r.requested_at, r.updated_at, " \
  "r.expected_on, r.address, r.lat, r.long " \
  "FROM open311_request r LEFT JOIN open311_service s ON s.code = r.service_code "

static gboolean
get_requests (CivicDb             *db,
              GDateTime           *now,
              GHashTable          *query,
              const char          *one,
              Format               format,
              CivicOpen311Answer  *answer,
              GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " REQUEST_COLUMNS "WHERE 1 = 1");
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) ids = NULL;
  const char *text;
  CivicDbStmt *stmt;
  gboolean row, found = FALSE;

  if (one != NULL)
    ids = g_strsplit (one, ",", 2);
  else if ((text = form_text (query, "service_request_id")) != NULL)
    ids = g_strsplit (text, ",", IDS_MAX + 1);
  if (ids != NULL)
    {
      if (g_strv_length (ids) > IDS_MAX)
        return answer_error (answer, format, 400, _("At most 100 service_request_id at once"));
      g_string_append (sql, " AND r.receipt IN (");
      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_string_append (sql, i > 0 ? ", ?" : "?");
          g_ptr_array_add (binds, g_strstrip (g_strdup (ids[i])));
        }
      g_string_append (sql, ")");
    }
  else
    {
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      if ((text = form_text (query, "service_code")) != NULL)
        {
          g_string_append (sql, " AND r.service_code = ?");
          g_ptr_array_add (binds, g_strdup (text));
        }
      if ((text = form_text (query, "status")) != NULL)
        {
          if (!g_str_equal (text, "open") && !g_str_equal (text, "closed"))
            return answer_error (answer, format, 400, _("status is open or closed"));
          g_string_append (sql, " AND r.status = ?");
          g_ptr_array_add (binds, g_strdup (text));
        }
      if ((text = form_text (query, "start_date")) != NULL && !parse_when (text, FALSE, &start))
        return answer_error (answer, format, 400, _("start_date is not a date and time"));
      if ((text = form_text (query, "end_date")) != NULL && !parse_when (text, TRUE, &end))
        return answer_error (answer, format, 400, _("end_date is not a date and time"));
      /* The spec's default: the last 90 days */
      if (start == NULL && end == NULL)
        {
          g_autoptr(GDateTime) since = g_date_time_add_days (now, -DEFAULT_DAYS);

          start = w3c_time (since);
        }
      if (start != NULL)
        {
          g_string_append (sql, " AND r.requested_at >= ?");
          g_ptr_array_add (binds, g_steal_pointer (&start));
        }
      if (end != NULL)
        {
          g_string_append (sql, " AND r.requested_at <= ?");
          g_ptr_array_add (binds, g_steal_pointer (&end));
        }
    }
  g_string_append_printf (sql, " ORDER BY r.requested_at DESC, r.receipt LIMIT %d",
                          REQUESTS_MAX);

  stmt = civic_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < binds->len; i++)
    civic_db_bind_text (stmt, (int) i + 1, g_ptr_array_index (binds, i));
  json_builder_begin_array (builder);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      add_request (builder, db, names, stmt, ids != NULL);
      found = TRUE;
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;
  json_builder_end_array (builder);
  if (one != NULL && !found)
    return answer_error (answer, format, 404, _("No such service request"));
  node = json_builder_get_root (builder);
  answer_with (answer, format, 200, "service_requests", "request", node);
  return TRUE;
}

/* The door */

/* "requests.json" → "requests" and its format; FALSE for one Open311
 * does not have */
static gboolean
split_format (const char  *segment,
              char       **stem,
              Format      *format)
{
  const char *dot = strrchr (segment, '.');

  if (dot == NULL)
    return FALSE;
  if (g_str_equal (dot, ".json"))
    *format = FORMAT_JSON;
  else if (g_str_equal (dot, ".xml"))
    *format = FORMAT_XML;
  else
    return FALSE;
  *stem = g_strndup (segment, dot - segment);
  return **stem != '\0';
}

/**
 * civic_open311_handle:
 * @segments: the path's after /open311/v2: ["services.json"],
 *   ["services", "water.xml"], ["requests.json"], ["requests", "K5Z7….json"]
 * @query: (nullable): the query's parameters
 * @body: (nullable): a POST's form
 *
 * Answers one Open311 request. A request the spec refuses is answered
 * with its error, and %TRUE; %FALSE is the service's own failure.
 */
gboolean
civic_open311_handle (CivicDb             *db,
                      CivicCalendar       *calendar,
                      GDateTime           *now,
                      const char          *method,
                      const char * const  *segments,
                      GHashTable          *query,
                      GBytes              *body,
                      const char          *address,
                      const CivicRate     *key_rate,
                      CivicOpen311Answer  *answer,
                      GError             **error)
{
  guint n = g_strv_length ((GStrv) segments);
  g_autofree char *stem = NULL;
  Format format = FORMAT_JSON;

  if (n == 0 || !split_format (segments[n - 1], &stem, &format) || n > 2)
    return answer_error (answer, format, 404, _("No such Open311 resource; ask for .json or .xml"));

  if (n == 1 && g_str_equal (stem, "services") && g_str_equal (method, "GET"))
    return get_services (db, format, answer, error);
  if (n == 2 && g_str_equal (segments[0], "services") && g_str_equal (method, "GET"))
    return get_service_definition (db, stem, format, answer, error);
  if (n == 1 && g_str_equal (stem, "requests") && g_str_equal (method, "GET"))
    return get_requests (db, now, query, NULL, format, answer, error);
  if (n == 2 && g_str_equal (segments[0], "requests") && g_str_equal (method, "GET"))
    return get_requests (db, now, query, stem, format, answer, error);
  if (n == 1 && g_str_equal (stem, "requests") && g_str_equal (method, "POST"))
    {
      g_autoptr(GHashTable) form = NULL;
      g_autoptr(GError) invalid = NULL;
      gsize length = 0;
      const char *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;

      form = civic_query_decode_form (data, length, &invalid);
      if (form == NULL)
        return answer_error (answer, format, 400, invalid->message);
      return post_request (db, calendar, now, form, address, key_rate, format, answer, error);
    }
  return answer_error (answer, format, g_str_equal (method, "GET") ? 404 : 405,
                       _("No such Open311 resource; ask for .json or .xml"));
}
