/* test-sync.c — the offline client against the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>

#include "civic-account.h"
#include "civic-case-index.h"
#include "civic-core-enums.h"
#include "civic-disclosure-gate.h"
#include "civic-disclosure-kind.h"
#include "civic-disclosure-request-kind.h"
#include "civic-json.h"
#include "civic-test-account.h"
#include "civic-test-service.h"

#define PASSWORD "demo-password"

static CivicTestService *service;

static CivicAccount *
account_new (const char *url,
             const char *username)
{
  g_autoptr(GError) error = NULL;
  CivicAccount *account = civic_account_new (url, username, NULL, &error);

  g_assert_no_error (error);
  return account;
}

/* Signed in and synced: the state an official's client is in after a
 * morning's first start. */
static CivicAccount *
account_synced (const char *username)
{
  g_autoptr(GError) error = NULL;
  CivicAccount *account = account_new (service->base_url, username);

  g_assert_true (civic_test_account_sign_in (account, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  return account;
}

/* What the service says */

static gint64
service_head (void)
{
  g_autoptr(JsonNode) health = NULL;
  guint status;

  health = civic_test_request (service, "GET", "/api/v1/health", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (json_node_get_object (health), "seq");
}

static guint
count_visible_cases (const char *username,
                     GHashTable *cases)
{
  g_autofree char *token = civic_test_sign_in (service, username);
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  civic_test_pull_all (service, token, 0, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "case/"))
      {
        n++;
        if (cases != NULL)
          g_hash_table_insert (cases, g_strdup ((char *) key + 5), json_node_ref (value));
      }
  return n;
}

static JsonObject *
service_case (const char *case_id)
{
  g_autofree char *token = civic_test_sign_in (service, "supervisor");

  return civic_test_open_record (service, token, "cases", case_id);
}

/* How many times the service recorded a comment with @text on the case. */
static guint
count_comments (const char *case_id,
                const char *text)
{
  g_autoptr(JsonObject) data = service_case (case_id);
  JsonArray *events = json_object_get_array_member (data, "events");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (g_str_equal (json_object_get_string_member (event, "type"), "comment") &&
          g_strcmp0 (json_object_get_string_member_with_default (event, "text", NULL), text) == 0)
        n++;
    }
  return n;
}

/* An open case of the demo department, and one waiting in the examiners'
 * queue with nobody on it. */
static char *
find_case (const char *state,
           const char *queue,
           gboolean    unassigned,
           guint       skip)
{
  g_autoptr(GHashTable) cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) json_node_unref);
  g_autoptr(GList) keys = NULL;

  count_visible_cases ("examiner", cases);
  keys = g_list_sort (g_hash_table_get_keys (cases), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonObject *kase = json_node_get_object (g_hash_table_lookup (cases, l->data));
      JsonObject *summary = json_object_get_object_member (kase, "summary");

      if (!g_str_equal (civic_test_case_says (kase, "department_id"), "scjg") ||
          json_object_get_boolean_member (summary, "joint"))
        continue;
      if (state != NULL && !g_str_equal (civic_test_case_says (kase, "state"), state))
        continue;
      if (queue != NULL && !g_str_equal (civic_test_case_says (kase, "queue"), queue))
        continue;
      if (unassigned && !json_object_get_null_member (kase, "assignee_id"))
        continue;
      if (skip-- > 0)
        continue;
      return g_strdup (l->data);
    }

  g_assert_not_reached ();
}

static JsonObject *
comment_args (const char *text)
{
  JsonObject *args = json_object_new ();

  json_object_set_string_member (args, "text", text);
  return args;
}

static guint
count_local_cases (CivicAccount *account)
{
  CivicInboxFilter all = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, NULL,
                           CIVIC_INBOX_SORT_DUE };
  g_autoptr(GError) error = NULL;
  guint n = civic_cache_count_cases (civic_account_get_cache (account), &all, &error);

  g_assert_no_error (error);
  return n;
}

/* Initial and incremental sync */

static void
test_initial (void)
{
  g_autoptr(CivicAccount) account = account_new (service->base_url, "examiner");
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(GHashTable) cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) json_node_unref);
  CivicInboxFilter food = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, "食品经营",
                            CIVIC_INBOX_SORT_DUE };
  CivicSyncEngine *engine;
  GHashTableIter iter;
  gpointer key, value;
  guint visible, food_cases = 0;
  gint64 head;

  g_assert_false (civic_account_is_ready (account));
  g_assert_true (civic_test_account_sign_in (account, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (civic_account_is_ready (account));
  g_assert_cmpstr (civic_account_get_actor (account)->id, ==, "u-examiner");
  g_assert_true (civic_actor_has_role (civic_account_get_actor (account), CIVIC_ROLE_EXAMINER));

  engine = civic_account_get_engine (account);
  g_assert_null (civic_sync_engine_get_last_success (engine));
  head = service_head ();
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);

  /* Everything the examiner may see, and the cursor at the head. */
  visible = count_visible_cases ("examiner", cases);
  g_assert_cmpuint (visible, >, 1000);
  g_assert_cmpuint (count_local_cases (account), ==, visible);
  g_assert_cmpint (civic_cache_get_cursor (civic_account_get_cache (account)), >=, head);
  g_assert_cmpint (civic_sync_engine_get_state (engine), ==, CIVIC_SYNC_STATE_IDLE);
  g_assert_nonnull (civic_sync_engine_get_last_success (engine));
  g_assert_cmpfloat (civic_sync_engine_get_progress (engine), ==, 1.0);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);

  /* The calendar came with the feed: deadlines are computed offline. */
  g_assert_nonnull (civic_sync_engine_get_calendar (engine));

  /* A case reads back as the service sent it. */
  g_hash_table_iter_init (&iter, cases);
  g_assert_true (g_hash_table_iter_next (&iter, &key, &value));
  kase = civic_cache_load_case (civic_account_get_cache (account), key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_case_get_number (kase), ==,
                   json_object_get_string_member (json_node_get_object (value), "number"));

  /* Chinese substrings are found, as many as there are. */
  g_hash_table_iter_init (&iter, cases);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (strstr (civic_test_case_says (json_node_get_object (value), "item_name"),
                  "食品经营") != NULL)
        food_cases++;
    }
  g_assert_cmpuint (food_cases, >, 0);
  g_assert_cmpuint (civic_cache_count_cases (civic_account_get_cache (account), &food, &error),
                    >=, food_cases);
  g_assert_no_error (error);
}

static void
test_incremental (void)
{
  g_autoptr(CivicAccount) account = account_synced ("examiner");
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *case_id = find_case (NULL, NULL, FALSE, 3);
  g_autofree char *token = civic_test_sign_in (service, "examiner2");
  g_autofree char *command_id = civic_test_uuid ();
  g_autofree char *body = NULL;
  CivicApiClient *client = civic_account_get_client (account);
  CivicCache *cache = civic_account_get_cache (account);
  guint requests, status;
  gint64 cursor;

  /* Nothing new: one request, nothing moves. */
  requests = civic_api_client_get_n_requests (client);
  cursor = civic_cache_get_cursor (cache);
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_api_client_get_n_requests (client), ==, requests + 1);
  g_assert_cmpint (civic_cache_get_cursor (cache), ==, cursor);

  /* A colleague comments: the next sync brings exactly that. */
  body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"comment\",\"target\":\"%s\","
                          "\"args\":{\"text\":\"请补充营业执照复印件\"}}]}", command_id, case_id);
  answer = civic_test_request (service, "POST", "/api/v1/commands", token, body, &status);
  g_assert_cmpuint (status, ==, 200);

  requests = civic_api_client_get_n_requests (client);
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_api_client_get_n_requests (client), ==, requests + 1);
  g_assert_cmpint (civic_cache_get_cursor (cache), ==, service_head ());

  kase = civic_cache_load_case (cache, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (civic_case_get_rev (kase), ==,
                   json_object_get_int_member (service_case (case_id), "rev"));
}

/* Offline work */

/* An editor drafts a disclosure on a train: it is born in the outbox
 * under an id her client made, its text saved on top; the client closes
 * and starts again offline and still has it; back online, the service
 * makes it once, with that id, and the draft is the service's */
static void
test_disclosure_born_offline (void)
{
  g_autoptr(CivicAccount) account = account_synced ("editor");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *created = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JsonObject) create = civic_json_parse_object (
    "{\"title\": \"关于2026年春季食品安全抽检结果的通告\", \"category\": \"oversight\","
    " \"formed_on\": \"2026-03-18\"}", -1, NULL);
  g_autoptr(JsonObject) save = civic_json_parse_object (
    "{\"body\": \"## 抽检结果\\n\\n本次共抽检样品120批次。\\n\", \"base_version\": 0}", -1, NULL);
  g_autoptr(GObject) local = NULL;
  g_autoptr(GObject) tried = NULL;
  g_autoptr(JsonNode) served = NULL;
  g_autofree char *path = g_strconcat ("/api/v1/disclosures/", id, NULL);
  g_autofree char *token = NULL;
  CivicSyncEngine *engine;
  guint status;

  civic_test_service_stop (service);

  engine = civic_account_get_engine (account);
  /* The form of a new draft is checked on the draft it would make, which
   * the offline copy does not have yet; trying takes nothing */
  tried = civic_sync_engine_try_action (engine, &civic_disclosure_kind, id,
                                        CIVIC_DISCLOSURE_ACTION_CREATE, create, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_disclosure_get_title (CIVIC_DISCLOSURE (tried)), ==,
                   "关于2026年春季食品安全抽检结果的通告");
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);
  g_assert_null (civic_cache_load_record (civic_account_get_cache (account), &civic_disclosure_kind,
                                          id, NULL));
  g_clear_object (&tried);
  created = civic_sync_engine_perform_action (engine, &civic_disclosure_kind, id,
                                              CIVIC_DISCLOSURE_ACTION_CREATE, create, &error);
  g_assert_no_error (error);
  saved = civic_sync_engine_perform_action (engine, &civic_disclosure_kind, id,
                                            CIVIC_DISCLOSURE_ACTION_SAVE, save, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 2);
  local = civic_cache_load_record (civic_account_get_cache (account), &civic_disclosure_kind, id,
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (local);
  g_clear_object (&local);

  /* closed and started again, offline: the draft is made again from the
   * outbox */
  g_clear_object (&account);
  account = account_new (service->base_url, "editor");
  engine = civic_account_get_engine (account);
  g_assert_true (civic_sync_engine_rebase_all (engine, &error));
  g_assert_no_error (error);
  local = civic_cache_load_record (civic_account_get_cache (account), &civic_disclosure_kind, id,
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (local);
  g_assert_cmpstr (civic_disclosure_get_title (CIVIC_DISCLOSURE (local)), ==,
                   "关于2026年春季食品安全抽检结果的通告");
  g_assert_cmpuint (civic_disclosure_get_head_version (CIVIC_DISCLOSURE (local)), ==, 1);
  g_assert_cmpstr (civic_disclosure_get_department_id (CIVIC_DISCLOSURE (local)), ==, "scjg");

  civic_test_service_start (service);
  if (!civic_account_is_signed_in (account))
    {
      g_assert_true (civic_test_account_sign_in (account, PASSWORD, &error));
      g_assert_no_error (error);
    }
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);

  token = civic_test_sign_in (service, "editor");
  served = civic_test_request (service, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (served), "rev"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_node_get_object (served), "data"), "author_id"), ==, "u-editor");
}

static CivicDisclosureAttachment *
attachment_named (CivicDisclosure *disclosure,
                  const char      *name)
{
  GPtrArray *attachments = civic_disclosure_get_attachments (disclosure);

  for (guint i = 0; i < attachments->len; i++)
    if (g_str_equal (((CivicDisclosureAttachment *) g_ptr_array_index (attachments, i))->name,
                     name))
      return g_ptr_array_index (attachments, i);
  return NULL;
}

/* The attachment, which must be there */
static CivicDisclosureAttachment *
attachment_of (CivicDisclosure *disclosure,
               const char      *name)
{
  CivicDisclosureAttachment *attachment = attachment_named (disclosure, name);

  if (attachment == NULL)
    g_error ("No attachment named %s", name);
  return attachment;
}

/* Files attached offline wait in the outbox with their commands, survive
 * a restart, and go up just before them; the service reads their text
 * and its findings come back by page. A file of a type that is never
 * attached, or an empty one, is refused on the spot and nothing is kept.
 * Undo takes a waiting file back with its command; Replace removes the
 * old file and attaches the new in one step. */
static void
test_disclosure_attachment_offline (void)
{
  g_autoptr(CivicAccount) account = account_synced ("editor");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(JsonObject) create = civic_json_parse_object (
    "{\"title\": \"2026年度困难群众救助名单\", \"category\": \"welfare\","
    " \"formed_on\": \"2026-03-18\"}", -1, NULL);
  static const char list[] = "救助名单\n\n张三 身份证号430104199001010019 补助1200元\n";
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  g_autoptr(GBytes) list_bytes = g_bytes_new_static (list, strlen (list));
  g_autoptr(GBytes) png_bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) fixed = g_bytes_new_static ("救助名单（已公示）\n", strlen ("救助名单（已公示）\n"));
  g_autofree char *list_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, list_bytes);
  g_autofree char *png_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png_bytes);
  g_autofree char *created = NULL;
  g_autofree char *attached = NULL;
  g_autofree char *scan = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(CivicDisclosure) local = NULL;
  CivicDisclosureAttachment *attachment;
  CivicDisclosureFinding *finding;
  CivicSyncEngine *engine;

  civic_test_service_stop (service);
  engine = civic_account_get_engine (account);
  created = civic_sync_engine_perform_disclosure (engine, id, CIVIC_DISCLOSURE_ACTION_CREATE,
                                                  create, &error);
  g_assert_no_error (error);

  /* Refused on the spot, nothing kept */
  g_assert_null (civic_sync_engine_attach_disclosure_file (engine, id, "page.html", "text/html",
                                                           list_bytes, NULL, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (civic_sync_engine_attach_disclosure_file (engine, id, "empty.txt", "text/plain",
                                                           empty, NULL, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (civic_sync_engine_attach_disclosure_file (engine, id, ".hidden.txt",
                                                           "text/plain", list_bytes, NULL,
                                                           &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 1);
  g_assert_false (civic_sync_engine_disclosure_file_is_waiting (engine, id, list_sha));

  attached = civic_sync_engine_attach_disclosure_file (engine, id, "名单.txt", "text/plain",
                                                       list_bytes, NULL, &error);
  g_assert_no_error (error);
  scan = civic_sync_engine_attach_disclosure_file (engine, id, "扫描件.png", "image/png",
                                                   png_bytes, NULL, &error);
  g_assert_no_error (error);
  /* The same name twice is refused by the rules, and leaves nothing */
  g_assert_null (civic_sync_engine_attach_disclosure_file (engine, id, "名单.txt", "text/plain",
                                                           fixed, NULL, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 3);

  /* Undo takes the waiting file back with its command */
  g_assert_true (civic_sync_engine_withdraw (engine, scan, &error));
  g_assert_no_error (error);
  g_assert_false (civic_sync_engine_disclosure_file_is_waiting (engine, id, png_sha));
  g_clear_pointer (&scan, g_free);
  scan = civic_sync_engine_attach_disclosure_file (engine, id, "扫描件.png", "image/png",
                                                   png_bytes, NULL, &error);
  g_assert_no_error (error);

  /* Until the service has read them, both count unchecked and block */
  local = civic_sync_engine_load_disclosure (engine, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (civic_disclosure_get_attachments (local)->len, ==, 2);
  attachment = attachment_of (local, "名单.txt");
  g_assert_false (attachment->checked);
  g_assert_cmpint (attachment->size, ==, strlen (list));
  g_assert_cmpstr (attachment->media_type, ==, "text/plain");
  g_assert_false (civic_disclosure_gate_check (local, NULL));
  g_clear_object (&local);

  /* Closed and started again, offline: the files are still here */
  g_clear_object (&account);
  account = account_new (service->base_url, "editor");
  engine = civic_account_get_engine (account);
  g_assert_true (civic_sync_engine_rebase_all (engine, &error));
  g_assert_no_error (error);
  g_assert_true (civic_sync_engine_disclosure_file_is_waiting (engine, id, list_sha));
  g_assert_true (civic_sync_engine_disclosure_file_is_waiting (engine, id, png_sha));

  civic_test_service_start (service);
  if (!civic_account_is_signed_in (account))
    {
      g_assert_true (civic_test_account_sign_in (account, PASSWORD, &error));
      g_assert_no_error (error);
    }
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);
  g_assert_cmpuint (civic_sync_engine_get_conflicts (engine), ==, 0);
  /* Gone up and taken: nothing is held any more */
  g_assert_false (civic_sync_engine_disclosure_file_is_waiting (engine, id, list_sha));
  g_assert_false (civic_sync_engine_disclosure_file_is_waiting (engine, id, png_sha));

  /* What the service read: the number on page 1, line 3; the image unread */
  local = civic_sync_engine_load_disclosure (engine, id, &error);
  g_assert_no_error (error);
  attachment = attachment_of (local, "名单.txt");
  g_assert_true (attachment->checked);
  g_assert_cmpuint (attachment->findings->len, ==, 1);
  finding = g_ptr_array_index (attachment->findings, 0);
  g_assert_cmpint (finding->kind, ==, CIVIC_PRIVACY_KIND_RESIDENT_ID);
  g_assert_cmpint (finding->severity, ==, CIVIC_PRIVACY_SEVERITY_BLOCK);
  g_assert_cmpuint (finding->page, ==, 1);
  g_assert_cmpuint (finding->line, ==, 3);
  attachment = attachment_of (local, "扫描件.png");
  g_assert_false (attachment->checked);
  g_assert_cmpuint (attachment->findings->len, ==, 1);
  g_assert_cmpint (((CivicDisclosureFinding *) g_ptr_array_index (attachment->findings, 0))->kind,
                   ==, CIVIC_PRIVACY_KIND_UNCHECKED_ATTACHMENT);
  g_clear_object (&local);

  /* The faulty list is replaced, not redacted */
  replaced = civic_sync_engine_attach_disclosure_file (engine, id, "名单（已处理）.txt", "text/plain",
                                                       fixed, list_sha, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 2);
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);
  local = civic_sync_engine_load_disclosure (engine, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (civic_disclosure_get_attachments (local)->len, ==, 2);
  g_assert_null (attachment_named (local, "名单.txt"));
  attachment = attachment_of (local, "名单（已处理）.txt");
  g_assert_true (attachment->checked);
  g_assert_cmpuint (attachment->findings->len, ==, 0);
}

/* A request handed in at the counter, registered through the request's
 * front door: the editor's offline copy has it at once, its applicant
 * already masked as the feed masks it (PIPL Art. 28), so that the client
 * never keeps the name whole on disk; once the service has taken it, the
 * copy is the feed's, numbered by the service */
static void
test_disclosure_request_masked (void)
{
  g_autoptr(CivicAccount) account = account_synced ("editor");
  CivicSyncEngine *engine = civic_account_get_engine (account);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *command = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = g_strconcat ("/api/v1/disclosure-requests/", id, NULL);
  g_autoptr(JsonObject) args = civic_json_parse_object (
    "{\"channel\": \"in-person\", \"received_on\": \"2026-03-16\","
    " \"applicant_kind\": \"natural-person\", \"applicant_name\": \"张三丰\","
    " \"id_type\": \"resident-id\", \"id_number\": \"11010519491231002X\","
    " \"phone\": \"13812345678\","
    " \"description\": \"2025年度城区道路扩建工程的环境影响评价批复文件\","
    " \"delivery_form\": \"paper\", \"delivery_channel\": \"collect\"}", -1, NULL);
  g_autoptr(CivicDisclosureRequest) local = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(JsonNode) served = NULL;
  const CivicDisclosureApplicant *applicant;
  guint status;

  command = civic_sync_engine_perform_disclosure_request (engine, id,
                                                          CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER,
                                                          args, &error);
  g_assert_no_error (error);
  local = civic_sync_engine_load_disclosure_request (engine, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_disclosure_request_get_applicant (local)->name, ==, "张**");
  g_assert_null (civic_disclosure_request_get_receipt (local));
  g_clear_object (&local);

  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);

  local = civic_sync_engine_load_disclosure_request (engine, id, &error);
  g_assert_no_error (error);
  applicant = civic_disclosure_request_get_applicant (local);
  g_assert_true (applicant->masked);
  g_assert_cmpstr (applicant->name, ==, "张**");
  g_assert_cmpstr (applicant->phone, !=, "13812345678");
  g_assert_null (strstr (applicant->id_number, "19491231"));
  g_assert_nonnull (civic_disclosure_request_get_receipt (local));
  /* Received Mon 2026-03-16: 20 working days, the day itself not counted */
  g_assert_cmpuint (civic_disclosure_request_get_due_on (local), ==,
                    civic_day_from_ymd (2026, 4, 14));
  listed = civic_sync_engine_list_disclosure_requests (engine, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);

  token = civic_test_sign_in (service, "editor");
  served = civic_test_request (service, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_node_get_object (served), "data"), "receipt"), ==,
                   civic_disclosure_request_get_receipt (local));
}

static void
test_offline_queue (void)
{
  g_autoptr(CivicAccount) account = account_synced ("examiner");
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = find_case ("under-review", "examiner", TRUE, 0);
  g_autofree char *claim_id = NULL;
  g_autofree char *comment_id = NULL;
  g_autoptr(CivicCase) local = NULL;
  g_autoptr(JsonObject) args = comment_args ("离线时写下的意见");
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(JsonObject) served = NULL;
  CivicInboxFilter mine = { CIVIC_INBOX_MINE, NULL, NULL, NULL, NULL, -1, NULL,
                            CIVIC_INBOX_SORT_DUE };
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found = FALSE;

  civic_test_service_stop (service);

  /* The official claims the case and comments on it, on a train. */
  claim_id = civic_sync_engine_perform (civic_account_get_engine (account), case_id,
                                        CIVIC_ACTION_CLAIM, empty, &error);
  g_assert_no_error (error);
  comment_id = civic_sync_engine_perform (civic_account_get_engine (account), case_id,
                                          CIVIC_ACTION_COMMENT, args, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (civic_account_get_engine (account)), ==, 2);

  /* A sync fails as offline and keeps everything. */
  g_assert_false (civic_test_account_sync (account, &error));
  g_assert_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_UNREACHABLE);
  /* It names the service as it was typed, port and all */
  {
    g_autoptr(GUri) uri = g_uri_parse (civic_account_get_service_url (account), G_URI_FLAGS_NONE,
                                       NULL);
    g_autofree char *where = g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));

    g_assert_nonnull (strstr (error->message, where));
  }
  g_clear_error (&error);
  g_assert_cmpint (civic_sync_engine_get_state (civic_account_get_engine (account)), ==,
                   CIVIC_SYNC_STATE_OFFLINE);
  g_assert_nonnull (civic_sync_engine_get_error_message (civic_account_get_engine (account)));

  /* The client is closed and started again, still offline. */
  g_clear_object (&account);
  account = account_new (service->base_url, "examiner");
  g_assert_true (civic_account_is_ready (account));
  g_assert_cmpuint (civic_sync_engine_get_pending (civic_account_get_engine (account)), ==, 2);

  /* Its effect shows: the case is the official's, marked pending. */
  local = civic_cache_load_case (civic_account_get_cache (account), case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_case_get_assignee_id (local), ==, "u-examiner");
  rows = civic_cache_list_cases (civic_account_get_cache (account), &mine, 0, 10000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      CivicInboxRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->id, case_id))
        {
          g_assert_true (row->pending);
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* The service comes back: delivered, once. */
  civic_test_service_start (service);
  if (!civic_account_is_signed_in (account))
    {
      /* No keyring here: the official types the password again. */
      g_assert_true (civic_test_account_sign_in (account, PASSWORD, &error));
      g_assert_no_error (error);
    }
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (civic_account_get_engine (account)), ==, 0);
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_account_get_engine (account)), ==, 0);

  served = service_case (case_id);
  g_assert_cmpstr (json_object_get_string_member (served, "assignee_id"), ==, "u-examiner");
  g_assert_cmpuint (count_comments (case_id, "离线时写下的意见"), ==, 1);

  /* And again: nothing is sent twice. */
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_comments (case_id, "离线时写下的意见"), ==, 1);

  g_clear_object (&local);
  local = civic_cache_load_case (civic_account_get_cache (account), case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (civic_case_get_rev (local), ==, json_object_get_int_member (served, "rev"));
}

/* Several actions on one case, all offline: each is checked against what
 * the one before it made, on the client and on the service, so the
 * official's own chain never conflicts with itself — only a colleague's
 * change could. (A claim, then a special procedure stopping the clock,
 * then its result resuming it: the last two are refused on a revision
 * their official has not seen.) */
static void
test_offline_chain (void)
{
  g_autoptr(CivicAccount) account = account_synced ("examiner");
  CivicSyncEngine *engine = civic_account_get_engine (account);
  g_autofree char *case_id = find_case ("under-review", "examiner", TRUE, 2);
  g_autoptr(JsonObject) claim = json_object_new ();
  g_autoptr(JsonObject) stop = json_object_new ();
  g_autoptr(JsonObject) resume = json_object_new ();
  g_autoptr(JsonObject) served = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *claim_id = NULL;
  g_autofree char *stop_id = NULL;
  g_autofree char *resume_id = NULL;
  gint64 rev_before = json_object_get_int_member (service_case (case_id), "rev");
  JsonArray *events;
  guint n;

  civic_test_service_stop (service);

  json_object_set_string_member (stop, "reason", "inspection");
  json_object_set_int_member (stop, "expected_days", 10);
  json_object_set_string_member (resume, "result", "检验合格，报告编号 JY-2026-0317");
  claim_id = civic_sync_engine_perform (engine, case_id, CIVIC_ACTION_CLAIM, claim, &error);
  g_assert_no_error (error);
  stop_id = civic_sync_engine_perform (engine, case_id, CIVIC_ACTION_STOP_CLOCK, stop, &error);
  g_assert_no_error (error);
  resume_id = civic_sync_engine_perform (engine, case_id, CIVIC_ACTION_RESUME_CLOCK, resume,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 3);

  civic_test_service_start (service);
  if (!civic_account_is_signed_in (account))
    {
      g_assert_true (civic_test_account_sign_in (account, PASSWORD, &error));
      g_assert_no_error (error);
    }
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);

  /* All three applied, in order; nothing refused */
  g_assert_cmpuint (civic_sync_engine_get_conflicts (engine), ==, 0);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);
  served = service_case (case_id);
  g_assert_cmpint (json_object_get_int_member (served, "rev"), ==, rev_before + 3);
  g_assert_cmpstr (json_object_get_string_member (served, "state"), ==, "under-review");
  g_assert_cmpstr (json_object_get_string_member (served, "assignee_id"), ==, "u-examiner");
  events = json_object_get_array_member (served, "events");
  n = json_array_get_length (events);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, n - 3),
                                                  "type"), ==, "claim");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, n - 2),
                                                  "type"), ==, "stop-clock");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, n - 1),
                                                  "type"), ==, "resume-clock");
}

/* Undo, offline: an action never offered to the service is taken back,
 * and its case is as the service has it; a sync while the service is
 * away asks it first and offers nothing. What the service has cannot be
 * taken back. */
static void
test_withdraw (void)
{
  g_autoptr(CivicAccount) account = account_synced ("examiner");
  CivicSyncEngine *engine = civic_account_get_engine (account);
  g_autofree char *case_id = find_case ("under-review", "examiner", TRUE, 3);
  g_autoptr(JsonObject) claim = json_object_new ();
  g_autoptr(JsonObject) note = comment_args ("撤回前写下的意见");
  g_autoptr(GError) error = NULL;
  g_autofree char *claim_id = NULL;
  g_autofree char *comment_id = NULL;
  g_autoptr(CivicCase) local = NULL;
  gint64 rev_before = json_object_get_int_member (service_case (case_id), "rev");

  /* Offline, known to be: a sync failed */
  civic_test_service_stop (service);
  g_assert_false (civic_test_account_sync (account, &error));
  g_clear_error (&error);
  g_assert_cmpint (civic_sync_engine_get_state (engine), ==, CIVIC_SYNC_STATE_OFFLINE);

  claim_id = civic_sync_engine_perform (engine, case_id, CIVIC_ACTION_CLAIM, claim, &error);
  g_assert_no_error (error);
  comment_id = civic_sync_engine_perform (engine, case_id, CIVIC_ACTION_COMMENT, note, &error);
  g_assert_no_error (error);
  /* Another sync, still offline: nothing was offered */
  g_assert_false (civic_test_account_sync (account, &error));
  g_clear_error (&error);

  /* The claim has the comment after it: not that one first */
  g_assert_false (civic_sync_engine_withdraw (engine, claim_id, &error));
  g_assert_error (error, CIVIC_OUTBOX_ERROR, CIVIC_OUTBOX_ERROR_NOT_LAST);
  g_clear_error (&error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 2);

  g_assert_true (civic_sync_engine_withdraw (engine, comment_id, &error));
  g_assert_no_error (error);
  g_assert_true (civic_sync_engine_withdraw (engine, claim_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);
  local = civic_cache_load_case (civic_sync_engine_get_cache (engine), case_id, &error);
  g_assert_no_error (error);
  g_assert_null (civic_case_get_assignee_id (local));

  /* Back online: the service never heard of either */
  civic_test_service_start (service);
  if (!civic_account_is_signed_in (account))
    {
      g_assert_true (civic_test_account_sign_in (account, PASSWORD, &error));
      g_assert_no_error (error);
    }
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (service_case (case_id), "rev"), ==, rev_before);

  /* Sent and applied, it is the service's */
  g_clear_pointer (&claim_id, g_free);
  claim_id = civic_sync_engine_perform (engine, case_id, CIVIC_ACTION_CLAIM, claim, &error);
  g_assert_no_error (error);
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_false (civic_sync_engine_withdraw (engine, claim_id, &error));
  g_assert_error (error, CIVIC_OUTBOX_ERROR, CIVIC_OUTBOX_ERROR_NOT_FOUND);
}

/* A refused command is moved aside to a conflict the official resolves.
 * The rules refuse it locally too when the client knows better, so
 * both clients act on the same old copy. */
static void
test_conflict (void)
{
  g_autoptr(CivicAccount) first = account_synced ("examiner");
  g_autoptr(CivicAccount) second = account_synced ("examiner2");
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = find_case ("under-review", "examiner", TRUE, 0);
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(CivicCase) local = NULL;
  CivicSyncEngine *engine = civic_account_get_engine (second);
  CivicConflict *conflict;
  g_autoptr(JsonObject) entity = NULL;

  first_id = civic_sync_engine_perform (civic_account_get_engine (first), case_id,
                                        CIVIC_ACTION_CLAIM, empty, &error);
  g_assert_no_error (error);
  second_id = civic_sync_engine_perform (engine, case_id, CIVIC_ACTION_CLAIM, empty, &error);
  g_assert_no_error (error);

  g_assert_true (civic_test_account_sync (first, &error));
  g_assert_no_error (error);
  g_assert_true (civic_test_account_sync (second, &error));
  g_assert_no_error (error);

  /* One applied, one conflict with the service's reason and the case. */
  g_assert_cmpuint (civic_sync_engine_get_pending (civic_account_get_engine (first)), ==, 0);
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_account_get_engine (first)), ==, 0);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);
  g_assert_cmpuint (civic_sync_engine_get_conflicts (engine), ==, 1);

  conflicts = civic_outbox_list_conflicts (civic_account_get_outbox (second), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->command->id, ==, second_id);
  g_assert_cmpstr (conflict->command->type, ==, "claim");
  g_assert_cmpstr (conflict->command->target, ==, case_id);
  g_assert_cmpstr (conflict->reason_code, ==, "state");
  entity = civic_json_parse_object (conflict->entity, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (entity, "assignee_id"), ==, "u-examiner");
  /* It says who has the case. */
  g_assert_nonnull (strstr (conflict->reason_message,
                            json_object_get_string_member (entity, "assignee_name")));

  /* The optimistic claim is rolled back: the case shows who has it. */
  local = civic_cache_load_case (civic_account_get_cache (second), case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_case_get_assignee_id (local), ==, "u-examiner");

  /* Retrying is refused by the same rules, and the conflict stays. */
  g_assert_null (civic_sync_engine_retry_conflict (engine, second_id, NULL, &error));
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpuint (civic_sync_engine_get_conflicts (engine), ==, 1);

  g_assert_true (civic_sync_engine_discard_conflict (engine, second_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_conflicts (engine), ==, 0);
}

/* A party of @case_id asks for a hearing, recorded by the examiner; the
 * hearing the service makes of it, by the id of the request */
static char *
hearing_requested (CivicAccount *examiner,
                   const char   *case_id)
{
  g_autoptr(JsonObject) inform = json_object_new ();
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonArray) parties = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *informed = NULL;
  char *requested;

  json_array_add_string_element (parties, "申请人");
  json_object_set_array_member (inform, "parties", json_array_ref (parties));
  json_object_set_string_member (request, "requested_by", "申请人");
  informed = civic_sync_engine_perform (civic_account_get_engine (examiner), case_id,
                                        CIVIC_ACTION_INFORM_HEARING_RIGHT, inform, &error);
  g_assert_no_error (error);
  requested = civic_sync_engine_perform (civic_account_get_engine (examiner), case_id,
                                         CIVIC_ACTION_REQUEST_HEARING, request, &error);
  g_assert_no_error (error);
  g_assert_true (civic_test_account_sync (examiner, &error));
  g_assert_no_error (error);
  return requested;
}

static JsonObject *
schedule_args (const char *host)
{
  JsonObject *args = json_object_new ();

  json_object_set_string_member (args, "room", "zx-tzs-1");
  json_object_set_string_member (args, "day", "2026-04-08");
  json_object_set_string_member (args, "starts", "17:30");
  json_object_set_string_member (args, "ends", "18:30");
  json_object_set_string_member (args, "host", host);
  return args;
}

/* Two hearing officers book one room for one hour, the second on a copy
 * that does not know of the first: the second's schedule is tentative
 * until the service answers, and the service's "clash" lands in Conflicts
 * naming the hearing that has the room */
static void
test_hearing_clash (void)
{
  g_autoptr(CivicAccount) examiner = account_synced ("examiner");
  g_autofree char *first_case = find_case ("under-review", "examiner", FALSE, 0);
  g_autofree char *second_case = find_case ("under-review", "examiner", FALSE, 1);
  g_autofree char *first = hearing_requested (examiner, first_case);
  g_autofree char *second = hearing_requested (examiner, second_case);
  g_autoptr(CivicAccount) officer = account_synced ("officer");
  g_autoptr(CivicAccount) colleague = account_synced ("officer2");
  CivicSyncEngine *engine = civic_account_get_engine (officer);
  g_autoptr(JsonObject) colleague_args = schedule_args ("u-officer2");
  g_autoptr(JsonObject) my_args = schedule_args ("u-officer");
  g_autoptr(CivicHearing) tentative = NULL;
  g_autoptr(CivicHearing) after = NULL;
  g_autoptr(CivicHearing) taken = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  CivicConflict *conflict;

  theirs = civic_sync_engine_perform_hearing (civic_account_get_engine (colleague), first,
                                              CIVIC_HEARING_ACTION_SCHEDULE, colleague_args,
                                              &error);
  g_assert_no_error (error);
  g_assert_true (civic_test_account_sync (colleague, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_account_get_engine (colleague)), ==, 0);

  /* Mine, on a copy that has the room free: taken, for now */
  mine = civic_sync_engine_perform_hearing (engine, second, CIVIC_HEARING_ACTION_SCHEDULE,
                                            my_args, &error);
  g_assert_no_error (error);
  tentative = civic_sync_engine_load_hearing (engine, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (civic_hearing_get_state (tentative), ==, CIVIC_HEARING_STATE_SCHEDULED);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 1);

  g_assert_true (civic_test_account_sync (officer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_pending (engine), ==, 0);
  g_assert_cmpuint (civic_sync_engine_get_conflicts (engine), ==, 1);

  conflicts = civic_outbox_list_conflicts (civic_account_get_outbox (officer), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->command->id, ==, mine);
  g_assert_cmpstr (conflict->command->type, ==, "schedule-hearing");
  g_assert_cmpstr (conflict->reason_code, ==, "clash");
  /* It names the hearing that took the room, and when */
  taken = civic_sync_engine_load_hearing (engine, first, &error);
  g_assert_no_error (error);
  label = civic_hearing_kind.label (G_OBJECT (taken));
  if (strstr (conflict->reason_message, label) == NULL ||
      strstr (conflict->reason_message, "2026-04-08 17:30") == NULL)
    g_error ("“%s” does not name %s", conflict->reason_message, label);

  /* The tentative booking is given back: the hearing waits for a time */
  after = civic_sync_engine_load_hearing (engine, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (civic_hearing_get_state (after), ==, CIVIC_HEARING_STATE_PENDING);

  g_assert_true (civic_sync_engine_discard_conflict (engine, mine, &error));
  g_assert_no_error (error);
}

/* A lost answer: a proxy that forwards the request, lets the service
 * apply it, and cuts the connection instead of passing the answer on. */

typedef struct
{
  GSocketService *listener;
  guint16         port;
  guint16         upstream;
  int             cut_commands;   /* answers to POST /api/v1/commands still to cut */
  int             cut;            /* answers cut */
} Proxy;

static gboolean
proxy_copy (GSocket *from,
            GSocket *to,
            char    *buffer,
            gsize    size,
            gssize  *n_read)
{
  gssize n = g_socket_receive (from, buffer, size, NULL, NULL);

  *n_read = n;
  if (n <= 0)
    return FALSE;
  for (gssize written = 0; written < n;)
    {
      gssize w = g_socket_send (to, buffer + written, n - written, NULL, NULL);

      if (w <= 0)
        return FALSE;
      written += w;
    }
  return TRUE;
}

static gboolean
proxy_run (GThreadedSocketService *listener,
           GSocketConnection      *connection,
           GObject                *source,
           gpointer                user_data)
{
  Proxy *proxy = user_data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) upstream = NULL;
  GSocket *down, *up;
  gboolean commands = FALSE;
  char buffer[65536];

  upstream = g_socket_client_connect_to_host (client, "127.0.0.1", proxy->upstream, NULL, NULL);
  if (upstream == NULL)
    return TRUE;
  down = g_socket_connection_get_socket (connection);
  up = g_socket_connection_get_socket (upstream);

  for (;;)
    {
      GPollFD fds[2] = {
        { g_socket_get_fd (down), G_IO_IN | G_IO_HUP | G_IO_ERR, 0 },
        { g_socket_get_fd (up), G_IO_IN | G_IO_HUP | G_IO_ERR, 0 },
      };
      gssize n;

      if (g_poll (fds, 2, 10000) <= 0)
        break;

      if (fds[0].revents != 0)
        {
          if (!proxy_copy (down, up, buffer, sizeof buffer - 1, &n))
            break;
          buffer[n] = '\0';
          if (g_str_has_prefix (buffer, "POST /api/v1/commands"))
            commands = TRUE;
        }

      if (fds[1].revents != 0)
        {
          if (commands && g_atomic_int_get (&proxy->cut_commands) > 0)
            {
              /* The service answered: it has applied the batch. */
              g_atomic_int_add (&proxy->cut_commands, -1);
              g_atomic_int_inc (&proxy->cut);
              break;
            }
          if (!proxy_copy (up, down, buffer, sizeof buffer, &n))
            break;
          commands = FALSE;
        }
    }

  g_socket_close (up, NULL);
  g_socket_close (down, NULL);
  return TRUE;
}

static void
test_lost_response (void)
{
  g_autoptr(CivicAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = find_case (NULL, NULL, FALSE, 5);
  g_autofree char *url = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) args = comment_args ("回执丢失也只记一次");
  Proxy proxy = { 0 };

  proxy.listener = g_threaded_socket_service_new (4);
  proxy.upstream = service->port;
  proxy.port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (proxy.listener), NULL,
                                                    &error);
  g_assert_no_error (error);
  g_signal_connect (proxy.listener, "run", G_CALLBACK (proxy_run), &proxy);
  g_socket_service_start (proxy.listener);

  url = g_strdup_printf ("http://127.0.0.1:%u", proxy.port);
  account = account_new (url, "examiner");
  g_assert_true (civic_test_account_sign_in (account, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);

  id = civic_sync_engine_perform (civic_account_get_engine (account), case_id,
                                  CIVIC_ACTION_COMMENT, args, &error);
  g_assert_no_error (error);

  /* The first answer is lost; the client tries again (at once or at the
   * next sync), and the service knows the command. */
  g_atomic_int_set (&proxy.cut_commands, 1);
  for (int i = 0; i < 5 && civic_sync_engine_get_pending (civic_account_get_engine (account)) > 0; i++)
    {
      civic_outbox_retry_all_now (civic_account_get_outbox (account), NULL);
      if (!civic_test_account_sync (account, &error))
        {
          g_assert_true (civic_api_error_is_transient (error));
          g_clear_error (&error);
        }
    }

  g_assert_cmpint (g_atomic_int_get (&proxy.cut), ==, 1);
  g_assert_cmpuint (civic_sync_engine_get_pending (civic_account_get_engine (account)), ==, 0);
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_account_get_engine (account)), ==, 0);
  g_assert_cmpuint (count_comments (case_id, "回执丢失也只记一次"), ==, 1);

  g_clear_object (&account);
  g_socket_service_stop (proxy.listener);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy.listener));
  g_object_unref (proxy.listener);
}

/* Crashes and damaged files: the probe is the client in a process that
 * can be killed. */

static GSubprocess *
probe_spawn (const char *username,
             ...) G_GNUC_NULL_TERMINATED;

static GSubprocess *
probe_spawn (const char *username,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("CIVICDESK_SYNC_PROBE"));
  g_ptr_array_add (argv, service->base_url);
  g_ptr_array_add (argv, (char *) username);
  va_start (args, username);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  return process;
}

static JsonObject *
probe_run (const char *username,
           const char *command,
           const char *argument)
{
  g_autoptr(GSubprocess) process = probe_spawn (username, command, argument, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonObject *result;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("probe %s: %s", command, out);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  result = civic_json_parse_object (out, -1, &error);
  g_assert_no_error (error);
  return result;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_busy_timeout (db, 1000) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
account_file (const char *username,
              const char *name)
{
  g_autofree char *dir = civic_cache_dir_for (service->base_url, username);

  return g_build_filename (dir, name, NULL);
}

static void
kill_when (GSubprocess *process,
           const char  *path,
           const char  *sql,
           gint64       above,
           gint64       below)
{
  gint64 value = -1;

  for (int i = 0; i < 30000; i++)
    {
      value = query_int (path, sql);
      if (value > above && value < below)
        break;
      g_assert_null (g_subprocess_get_identifier (process) == NULL ? "exited too soon" : NULL);
      g_usleep (1000);
    }
  g_assert_cmpint (value, >, above);
  g_assert_cmpint (value, <, below);

  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
}

static void
assert_cache_consistent (const char *username,
                         gboolean    pull_only)
{
  g_autofree char *cache = account_file (username, CIVIC_CACHE_FILE);
  g_autofree char *outbox = account_file (username, CIVIC_OUTBOX_FILE);
  gint64 cursor = query_int (cache, "SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'cursor'");

  g_assert_cmpint (query_int (cache, "SELECT count (*) FROM pragma_integrity_check "
                                     "WHERE integrity_check != 'ok'"), ==, 0);
  g_assert_cmpint (query_int (outbox, "SELECT count (*) FROM pragma_integrity_check "
                                      "WHERE integrity_check != 'ok'"), ==, 0);

  /* Pages are whole: nothing stored beyond the cursor (but the cases the
   * service sent back for commands), every case indexed. */
  if (pull_only)
    g_assert_cmpint (query_int (cache, "SELECT coalesce (max (seq), 0) FROM entity"), <=, cursor);
  g_assert_cmpint (query_int (cache, "SELECT count (*) FROM entity WHERE type = 'case'"), ==,
                   query_int (cache, "SELECT count (*) FROM case_index"));
}

static void
test_kill_during_pull (void)
{
  g_autoptr(GSubprocess) process = probe_spawn ("examiner", "sync", PASSWORD, NULL);
  g_autofree char *cache = account_file ("examiner", CIVIC_CACHE_FILE);
  g_autoptr(JsonObject) status = NULL;
  gint64 head = service_head ();

  /* After the first page, before the last. */
  kill_when (process, cache, "SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'cursor'",
             0, head);
  assert_cache_consistent ("examiner", TRUE);

  status = probe_run ("examiner", "sync", PASSWORD);
  g_assert_cmpint (json_object_get_int_member (status, "cursor"), >=, head);
  g_assert_cmpint (json_object_get_int_member (status, "cases"), ==,
                   count_visible_cases ("examiner", NULL));
  assert_cache_consistent ("examiner", TRUE);
}

#define N_KILL_COMMANDS 150

static void
test_kill_during_push (void)
{
  g_autoptr(CivicAccount) account = account_synced ("examiner2");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autofree char *outbox = account_file ("examiner2", CIVIC_OUTBOX_FILE);
  g_autofree char *case_id = find_case (NULL, NULL, FALSE, 7);

  /* A day's comments, written offline. */
  for (guint i = 0; i < N_KILL_COMMANDS; i++)
    {
      g_autofree char *text = g_strdup_printf ("批注 %u", i);
      g_autoptr(JsonObject) args = comment_args (text);
      g_autofree char *id = civic_sync_engine_perform (civic_account_get_engine (account), case_id,
                                                       CIVIC_ACTION_COMMENT, args, &error);

      g_assert_no_error (error);
      g_assert_nonnull (id);
    }
  g_clear_object (&account);

  /* Killed between the first batch and the last. */
  process = probe_spawn ("examiner2", "sync", PASSWORD, NULL);
  kill_when (process, outbox, "SELECT count (*) FROM command", 0, N_KILL_COMMANDS);
  assert_cache_consistent ("examiner2", FALSE);

  status = probe_run ("examiner2", "sync", PASSWORD);
  g_assert_cmpint (json_object_get_int_member (status, "pending"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (status, "conflicts"), ==, 0);
  assert_cache_consistent ("examiner2", FALSE);

  /* Every comment on the case exactly once, in the order written. */
  {
    g_autoptr(JsonObject) data = service_case (case_id);
    JsonArray *events = json_object_get_array_member (data, "events");
    guint next = 0;

    for (guint i = 0; i < json_array_get_length (events); i++)
      {
        JsonObject *event = json_array_get_object_element (events, i);
        g_autofree char *expected = g_strdup_printf ("批注 %u", next);

        if (g_str_equal (json_object_get_string_member (event, "type"), "comment") &&
            g_str_has_prefix (json_object_get_string_member (event, "text"), "批注 "))
          {
            g_assert_cmpstr (json_object_get_string_member (event, "text"), ==, expected);
            next++;
          }
      }
    g_assert_cmpuint (next, ==, N_KILL_COMMANDS);
  }
}

static void
damage_cache (const char *username,
              gboolean    garbage)
{
  g_autofree char *path = account_file (username, CIVIC_CACHE_FILE);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100000);

  if (garbage)
    for (gsize i = 0; i < length; i++)
      contents[i] = (char) g_random_int_range (0, 256);
  else
    length /= 3;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

static void
check_rebuilt (gboolean garbage)
{
  const char *username = garbage ? "approver" : "clerk";
  g_autoptr(CivicAccount) account = account_synced (username);
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = find_case (NULL, NULL, FALSE, garbage ? 11 : 13);
  g_autofree char *text = g_strdup_printf ("损坏的缓存之后 %d", garbage);
  g_autoptr(JsonObject) args = comment_args (text);
  g_autofree char *id = NULL;
  guint visible = count_local_cases (account);

  id = civic_sync_engine_perform (civic_account_get_engine (account), case_id,
                                  CIVIC_ACTION_COMMENT, args, &error);
  g_assert_no_error (error);
  g_clear_object (&account);

  damage_cache (username, garbage);

  /* Opened: moved aside, made anew, the outbox whole. */
  account = account_new (service->base_url, username);
  g_assert_true (civic_account_is_ready (account));
  g_assert_nonnull (civic_cache_get_damaged_path (civic_account_get_cache (account)));
  g_assert_true (g_file_test (civic_cache_get_damaged_path (civic_account_get_cache (account)),
                              G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_local_cases (account), ==, 0);
  g_assert_cmpuint (civic_sync_engine_get_pending (civic_account_get_engine (account)), ==, 1);

  g_assert_true (civic_test_account_sign_in (account, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_local_cases (account), ==, visible);
  g_assert_cmpuint (civic_sync_engine_get_pending (civic_account_get_engine (account)), ==, 0);
  g_assert_cmpuint (count_comments (case_id, text), ==, 1);
}

static void
test_truncated_cache (void)
{
  check_rebuilt (FALSE);
}

static void
test_garbage_cache (void)
{
  check_rebuilt (TRUE);
}

/* Errors that are not the network */

static void
test_errors (void)
{
  /* An official no other test here signs in as: nothing on disk yet */
  g_autoptr(CivicAccount) account = account_new (service->base_url, "gat.officer");
  g_autoptr(CivicAccount) nowhere = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;

  g_assert_false (civic_test_account_sign_in (account, "not-the-password", &error));
  g_assert_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_WRONG_CREDENTIALS);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_false (civic_account_is_ready (account));
  g_assert_false (civic_account_is_signed_in (account));

  /* A port nobody listens on. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  nowhere = account_new (url, "gat.officer");
  civic_api_client_set_retries (civic_account_get_client (nowhere), 0);
  g_assert_false (civic_test_account_sign_in (nowhere, PASSWORD, &error));
  g_assert_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_clear_error (&error);

  /* Not a URL at all. */
  g_assert_null (civic_account_new ("not a url", "officer", NULL, &error));
  g_assert_nonnull (error);
}

/* The official's department changed: everything again, nothing kept of
 * what they may no longer see. */
static void
test_resync (void)
{
  g_autoptr(CivicAccount) account = account_synced ("officer");
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  CivicInboxFilter all = { CIVIC_INBOX_ALL, NULL, NULL, NULL, NULL, -1, NULL,
                           CIVIC_INBOX_SORT_DUE };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) visible = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) json_node_unref);

  g_assert_cmpuint (count_local_cases (account), >, 0);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "set", "officer",
                                           "--department", "sthjt", NULL), ==, 0);
  /* The service caches a session for at most five seconds. */
  g_usleep (5200 * 1000);

  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);

  /* Exactly the cases of the new department (and its joint ones). */
  g_assert_cmpuint (count_local_cases (account), ==, count_visible_cases ("officer", visible));
  rows = civic_cache_list_cases (civic_account_get_cache (account), &all, 0, 100000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (g_hash_table_contains (visible, ((CivicInboxRow *) g_ptr_array_index (rows, i))->id));
}

/* An administrator reset the password: the client's sign-in says the
 * official must choose their own first, keeps nothing yet, and signs in
 * with the one chosen */
static void
test_choose_password (void)
{
  g_autoptr(CivicAccount) account = account_new (service->base_url, "examiner2");
  g_autofree char *admin = civic_test_sign_in (service, "admin");
  g_autofree char *mine = civic_test_sign_in (service, "examiner2");
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *args = NULL;
  char hash[crypto_pwhash_STRBYTES];
  guint status;

  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_cmpint (crypto_pwhash_str (hash, "Temporary-5Rb9", strlen ("Temporary-5Rb9"),
                                      crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                      crypto_pwhash_MEMLIMIT_INTERACTIVE), ==, 0);
  me = civic_test_request (service, "GET", "/api/v1/me", mine, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  args = g_strdup_printf ("{\"password_hash\": \"%s\"}", hash);
  civic_test_applied (service, admin, "reset-password",
                      json_object_get_string_member (json_node_get_object (me), "id"), args,
                      &holder);

  g_assert_false (civic_test_account_sign_in (account, "Temporary-5Rb9", &error));
  g_assert_error (error, CIVIC_ACCOUNT_ERROR, CIVIC_ACCOUNT_ERROR_PASSWORD_CHANGE_REQUIRED);
  g_clear_error (&error);
  g_assert_false (civic_account_is_signed_in (account));

  /* The same password again is refused, and changes nothing */
  civic_account_choose_password_async (account, "Temporary-5Rb9", "Temporary-5Rb9", NULL,
                                       civic_test_got_result, &result);
  g_assert_false (civic_account_choose_password_finish (account, civic_test_await (&result),
                                                        &error));
  g_assert_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  civic_account_choose_password_async (account, "Temporary-5Rb9", "审查员二号的密码", NULL,
                                       civic_test_got_result, &result);
  g_assert_true (civic_account_choose_password_finish (account, civic_test_await (&result),
                                                       &error));
  g_assert_no_error (error);
  g_assert_true (civic_account_is_signed_in (account));
  g_assert_nonnull (civic_account_get_engine (account));
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_local_cases (account), >, 0);
}


/* A supervisor's feed does not carry the province's cases: one they open
 * is read from the service and kept, and the next sync leaves it */
static void
test_supervisor_reads_online (void)
{
  g_autoptr(CivicAccount) account = account_synced ("supervisor");
  g_autoptr(GPtrArray) province = civic_test_records (service, "case");
  CivicSyncEngine *engine = civic_account_get_engine (account);
  CivicCache *cache = civic_account_get_cache (account);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicCase) kase = NULL;
  JsonObject *theirs = NULL;
  guint held = count_local_cases (account);

  /* Only their own department's, the hall's */
  g_assert_cmpuint (province->len, >=, 2500);
  g_assert_cmpuint (held, <, province->len / 50);
  for (guint i = 0; i < province->len && theirs == NULL; i++)
    if (g_strcmp0 (civic_test_case_says (g_ptr_array_index (province, i), "department_id"),
                   "scjg") == 0)
      theirs = g_ptr_array_index (province, i);
  g_assert_nonnull (theirs);

  civic_sync_engine_read_record_async (engine, CIVIC_ENTITY_CASE,
                                       json_object_get_string_member (theirs, "id"), NULL,
                                       civic_test_got_result, &result);
  g_assert_true (civic_sync_engine_read_record_finish (engine, civic_test_await (&result),
                                                       &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  kase = civic_cache_load_case (cache, json_object_get_string_member (theirs, "id"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (kase);
  g_assert_cmpstr (civic_case_get_number (kase), ==,
                   json_object_get_string_member (theirs, "number"));
  g_assert_cmpuint (count_local_cases (account), ==, held + 1);

  /* One that is not there: told, nothing kept */
  civic_sync_engine_read_record_async (engine, CIVIC_ENTITY_CASE, "no-such-case", NULL,
                                       civic_test_got_result, &result);
  g_assert_false (civic_sync_engine_read_record_finish (engine, civic_test_await (&result),
                                                        &error));
  g_assert_error (error, CIVIC_API_ERROR, CIVIC_API_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_local_cases (account), ==, held + 1);

  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_local_cases (account), ==, held + 1);
}

#define id_of(username) civic_test_id_of (service, (username))

/* 委托: the hearing officer acts for the examiner this week. Their client
 * offers it from the users directory, takes the examiner's work as the
 * examiner's, and sends each command with whom it is for; the service
 * takes it as the examiner's, naming both. As themselves again, they
 * cannot. */
static void
test_act_for (void)
{
  g_autofree char *admin = civic_test_sign_in (service, "admin");
  g_autofree char *examiner_id = id_of ("examiner");
  g_autofree char *officer_id = id_of ("approver");
  g_autofree char *args = NULL, *case_id = find_case ("under-review", "examiner", TRUE, 3);
  g_autofree char *claim_id = NULL, *sql = NULL, *events = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(CivicAccount) account = NULL;
  g_autoptr(GPtrArray) principals = NULL;
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(JsonObject) served = NULL;
  g_autoptr(GError) error = NULL;
  const CivicActor *me;
  CivicActingFor *acting;

  args = g_strdup_printf ("{\"delegate_id\": \"%s\", \"roles\": [\"examiner\"], "
                          "\"starts_on\": \"2026-03-20\", \"ends_on\": \"2026-03-27\", "
                          "\"reason\": \"外出培训\"}", officer_id);
  civic_test_applied (service, admin, "add-delegation", examiner_id, args, &holder);

  account = account_synced ("approver");
  principals = civic_account_list_principals (account);
  g_assert_cmpuint (principals->len, ==, 1);
  acting = g_ptr_array_index (principals, 0);
  g_assert_cmpstr (acting->principal->id, ==, examiner_id);
  {
    g_autofree char *last = civic_day_format (acting->window->ends_on);

    g_assert_cmpstr (last, ==, "2026-03-27");
    g_assert_cmpint (acting->window->roles, ==, CIVIC_ROLE_EXAMINER);
  }

  /* Nobody else */
  g_assert_false (civic_account_act_for (account, "u-nobody", &error));
  g_assert_error (error, CIVIC_ACCOUNT_ERROR, CIVIC_ACCOUNT_ERROR_NOT_DELEGATE);
  g_clear_error (&error);
  g_assert_null (civic_account_get_acting_for (account, NULL));

  g_assert_true (civic_account_act_for (account, examiner_id, &error));
  g_assert_no_error (error);
  me = civic_cache_get_me (civic_account_get_cache (account));
  g_assert_cmpstr (me->id, ==, examiner_id);
  g_assert_true (civic_actor_has_role (me, CIVIC_ROLE_EXAMINER));
  g_assert_false (civic_actor_has_role (me, CIVIC_ROLE_HEARING_OFFICER));
  g_assert_nonnull (strstr (me->name, "（代"));

  claim_id = civic_sync_engine_perform (civic_account_get_engine (account), case_id,
                                        CIVIC_ACTION_CLAIM, empty, &error);
  g_assert_no_error (error);
  g_assert_nonnull (claim_id);
  g_assert_true (civic_test_account_sync (account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (civic_sync_engine_get_conflicts (civic_account_get_engine (account)), ==, 0);

  served = service_case (case_id);
  g_assert_cmpstr (json_object_get_string_member (served, "assignee_id"), ==, examiner_id);
  events = civic_json_to_string (json_object_get_member (served, "events"), FALSE);
  g_assert_nonnull (strstr (events, "（代"));
  sql = g_strdup_printf ("SELECT count(*) FROM command WHERE id = '%s' AND account_id = '%s' "
                         "AND on_behalf_of = '%s'", claim_id, officer_id, examiner_id);
  g_assert_cmpint (civic_test_count_rows (service, sql), ==, 1);

  /* As themselves again: the examiner's work is not theirs */
  g_assert_true (civic_account_act_for (account, NULL, &error));
  me = civic_cache_get_me (civic_account_get_cache (account));
  g_assert_cmpstr (me->id, ==, officer_id);
  g_assert_null (civic_account_get_acting_for (account, NULL));
  g_clear_pointer (&claim_id, g_free);
  claim_id = civic_sync_engine_perform (civic_account_get_engine (account), case_id,
                                        CIVIC_ACTION_VERIFY, empty, &error);
  g_assert_null (claim_id);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ROLE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("civicdesk-sync-XXXXXX", NULL);
  int status;

  /* Before anything asks GLib for it: accounts live here. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (2500, 42);

  g_test_add_func ("/sync/initial", test_initial);
  g_test_add_func ("/sync/incremental", test_incremental);
  g_test_add_func ("/sync/offline-queue", test_offline_queue);
  g_test_add_func ("/sync/disclosure-born-offline", test_disclosure_born_offline);
  g_test_add_func ("/sync/disclosure-attachment-offline", test_disclosure_attachment_offline);
  g_test_add_func ("/sync/disclosure-request-masked", test_disclosure_request_masked);
  g_test_add_func ("/sync/offline-chain", test_offline_chain);
  g_test_add_func ("/sync/withdraw", test_withdraw);
  g_test_add_func ("/sync/conflict", test_conflict);
  g_test_add_func ("/sync/hearing-clash", test_hearing_clash);
  g_test_add_func ("/sync/lost-response", test_lost_response);
  g_test_add_func ("/sync/kill-during-pull", test_kill_during_pull);
  g_test_add_func ("/sync/kill-during-push", test_kill_during_push);
  g_test_add_func ("/sync/truncated-cache", test_truncated_cache);
  g_test_add_func ("/sync/garbage-cache", test_garbage_cache);
  g_test_add_func ("/sync/errors", test_errors);
  g_test_add_func ("/sync/resync", test_resync);
  g_test_add_func ("/sync/choose-password", test_choose_password);
  g_test_add_func ("/sync/act-for", test_act_for);
  g_test_add_func ("/sync/supervisor-reads-online", test_supervisor_reads_online);

  status = g_test_run ();
  civic_test_service_free (service);
  return status;
}
