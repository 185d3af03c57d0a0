/* test-open311.c — Open311 GeoReport v2 through the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every method in JSON and XML: the services and a service's definition;
 * a request filed with a key the administrator gave (and refused without
 * one, with a revoked one, for a service or a location or an answer the
 * service does not have); its status before and after the department
 * answers — open with its expected time, then closed with the reply that
 * went out, and never a note, nor who wrote it, nor what they wrote; the
 * list by status, code and dates. A catalogue with a report in it is
 * refused whole.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include <libsoup/soup.h>

#include "civic-test-service.h"

static CivicTestService *service;
static char *handler, *reviewer;
static char *api_key;

#define object_of civic_test_object_of
#define applied(...) civic_test_applied (service, __VA_ARGS__)

static char *
fetch (const char *path,
       guint       expected,
       char      **content_type)
{
  g_autoptr(GBytes) bytes = NULL;
  guint status;
  gsize size;
  const char *data;

  bytes = civic_test_fetch (service, path, NULL, &status, content_type, NULL);
  g_assert_cmpuint (status, ==, expected);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static JsonNode *
fetch_json (const char *path,
            guint       expected)
{
  g_autofree char *text = fetch (path, expected, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

/* A form POSTed as an Open311 client does: name, value, …, NULL */
#define post_form(path, expected, ...) \
  G_GNUC_EXTENSION ({ \
    guint status_; \
    char *body_ = civic_test_post_form (service, path, &status_, __VA_ARGS__); \
    g_assert_cmpuint (status_, ==, expected); \
    body_; \
  })

/* Well-formed XML, or the test fails */
static void
assert_xml (const char *text)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_markup_parse_context_parse (context, text, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
assert_error (const char *text,
              guint       code)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  JsonObject *error;

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  error = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpint (json_object_get_int_member (error, "code"), ==, code);
  g_assert_nonnull (json_object_get_string_member (error, "description"));
}

static void
test_services (void)
{
  g_autoptr(JsonNode) services = fetch_json ("/open311/v2/services.json", 200);
  g_autoptr(JsonNode) definition = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *type = NULL;
  g_autofree char *missing = NULL;
  JsonArray *array = json_node_get_array (services);
  JsonObject *first, *attribute;
  JsonArray *attributes;

  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "service_code"), ==, "scjg-food-safety");
  g_assert_cmpstr (json_object_get_string_member (first, "service_name"), ==, "食品安全投诉");
  g_assert_true (json_object_get_boolean_member (first, "metadata"));
  g_assert_cmpstr (json_object_get_string_member (first, "type"), ==, "realtime");
  g_assert_cmpstr (json_object_get_string_member (first, "group"), ==, "市场监管");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, 1),
                                                  "metadata"));
  /* The service's own kind and department are not Open311's */
  g_assert_false (json_object_has_member (first, "kind"));

  /* Unchanged, it is not sent again */
  {
    g_autofree char *etag = NULL;
    guint status;
    g_autoptr(GBytes) once = civic_test_fetch (service, "/open311/v2/services.json", NULL,
                                                &status, NULL, &etag);
    g_autoptr(GBytes) again = NULL;

    g_assert_nonnull (etag);
    again = civic_test_fetch (service, "/open311/v2/services.json", etag, &status, NULL, NULL);
    g_assert_cmpuint (status, ==, 304);
  }

  xml = fetch ("/open311/v2/services.xml", 200, &type);
  g_assert_true (g_str_has_prefix (type, "text/xml"));
  assert_xml (xml);
  g_assert_nonnull (strstr (xml, "<services><service><service_code>scjg-food-safety"
                                 "</service_code>"));

  definition = fetch_json ("/open311/v2/services/scjg-food-safety.json", 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (definition), "service_code"), ==,
                   "scjg-food-safety");
  attributes = json_object_get_array_member (object_of (definition), "attributes");
  g_assert_cmpuint (json_array_get_length (attributes), ==, 2);
  attribute = json_array_get_object_element (attributes, 0);
  g_assert_cmpstr (json_object_get_string_member (attribute, "code"), ==, "place_type");
  g_assert_cmpstr (json_object_get_string_member (attribute, "datatype"), ==, "singlevaluelist");
  g_assert_true (json_object_get_boolean_member (attribute, "required"));
  g_assert_true (json_object_get_boolean_member (attribute, "variable"));
  g_assert_cmpint (json_object_get_int_member (attribute, "order"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (attribute, "values")),
                    ==, 3);
  g_clear_pointer (&xml, g_free);
  xml = fetch ("/open311/v2/services/scjg-food-safety.xml", 200, NULL);
  assert_xml (xml);
  g_assert_nonnull (strstr (xml, "<service_definition><service_code>scjg-food-safety"));
  g_assert_nonnull (strstr (xml, "<values><value><key>restaurant</key><name>餐馆</name></value>"));

  missing = fetch ("/open311/v2/services/no-such.json", 404, NULL);
  assert_error (missing, 404);
  g_free (missing);
  missing = fetch ("/open311/v2/services.txt", 404, NULL);
  assert_error (missing, 404);
  g_free (missing);
  missing = fetch ("/open311/v2/services/no-such.xml", 404, NULL);
  assert_xml (missing);
  g_assert_nonnull (strstr (missing, "<errors><error><code>404</code>"));
}

static void
test_refusals (void)
{
  g_autofree char *revoked = NULL;
  g_autofree char *output = NULL;
  g_autofree char *id = NULL;
  char *answer;

  answer = post_form ("/open311/v2/requests.json", 403, "service_code", "scjg-price",
                      "address_string", "长沙市芙蓉区五一大道1号", NULL);
  assert_error (answer, 403);
  g_free (answer);
  answer = post_form ("/open311/v2/requests.json", 403, "api_key", "not-a-key",
                      "service_code", "scjg-price", "address_string", "五一大道1号", NULL);
  g_free (answer);

  /* A key revoked is refused from then on */
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "open311", "key", "add",
                                           "试用客户端", NULL), ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

    id = g_strdup (strstr (lines[0], "k-"));
    *strchr (id, ' ') = '\0';
    revoked = g_strdup (lines[1]);
  }
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "open311", "key", "revoke",
                                           id, NULL), ==, 0);
  answer = post_form ("/open311/v2/requests.json", 403, "api_key", revoked,
                      "service_code", "scjg-price", "address_string", "五一大道1号",
                      "first_name", "明", "last_name", "李", "phone", "13812345678", NULL);
  g_free (answer);
  /* The list names keys, never shows them */
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "open311", "key", "list",
                                           NULL), ==, 0);
  g_assert_nonnull (strstr (output, id));
  g_assert_null (strstr (output, revoked));
  g_assert_null (strstr (output, api_key));

  answer = post_form ("/open311/v2/requests.json", 404, "api_key", api_key,
                      "service_code", "no-such", "address_string", "五一大道1号", NULL);
  assert_error (answer, 404);
  g_free (answer);
  answer = post_form ("/open311/v2/requests.json", 400, "api_key", api_key,
                      "service_code", "scjg-price", NULL);
  assert_error (answer, 400);
  g_free (answer);
  answer = post_form ("/open311/v2/requests.json", 400, "api_key", api_key,
                      "service_code", "scjg-price", "lat", "28.2", NULL);
  g_free (answer);
  answer = post_form ("/open311/v2/requests.json", 400, "api_key", api_key,
                      "service_code", "scjg-price", "lat", "128.2", "long", "112.9", NULL);
  g_free (answer);
  /* The questions: a required one, a list's value, one it does not ask */
  answer = post_form ("/open311/v2/requests.json", 400, "api_key", api_key,
                      "service_code", "scjg-food-safety", "address_string", "五一大道1号",
                      "first_name", "明", "last_name", "李", "phone", "13812345678", NULL);
  g_assert_nonnull (strstr (answer, "attribute[place_type]"));
  g_free (answer);
  answer = post_form ("/open311/v2/requests.json", 400, "api_key", api_key,
                      "service_code", "scjg-food-safety", "address_string", "五一大道1号",
                      "attribute[place_type]", "castle", "first_name", "明", "last_name", "李",
                      "phone", "13812345678", NULL);
  g_free (answer);
  answer = post_form ("/open311/v2/requests.json", 400, "api_key", api_key,
                      "service_code", "scjg-food-safety", "address_string", "五一大道1号",
                      "attribute[place_type]", "shop", "attribute[colour]", "red",
                      "first_name", "明", "last_name", "李", "phone", "13812345678", NULL);
  g_free (answer);
  /* A complaint names its author, as the region's table wants */
  answer = post_form ("/open311/v2/requests.json", 400, "api_key", api_key,
                      "service_code", "scjg-food-safety", "address_string", "五一大道1号",
                      "attribute[place_type]", "shop", NULL);
  assert_error (answer, 400);
  g_free (answer);

  answer = post_form ("/open311/v2/requests.json", 400, "api_key", api_key,
                      "service_code", "scjg-price", "address_string", "五一大道\001", NULL);
  g_free (answer);
  /* A photo is an address on the web, never a script's */
  answer = post_form ("/open311/v2/requests.json", 400, "api_key", api_key,
                      "service_code", "scjg-price", "address_string", "五一大道1号",
                      "media_url", "javascript:alert(1)", NULL);
  assert_error (answer, 400);
  g_free (answer);

  /* Nothing of it was filed */
  {
    g_autoptr(JsonNode) none = fetch_json ("/open311/v2/requests.json", 200);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (none)), ==, 0);
  }
}

static char *
message_id_of (const char *receipt)
{
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  GHashTableIter iter;
  gpointer key, value;

  civic_test_pull_all (service, handler, 0, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "message/") &&
        g_strcmp0 (json_object_get_string_member_with_default (object_of (value), "receipt",
                                                               NULL), receipt) == 0)
      return g_strdup ((const char *) key + strlen ("message/"));
  return NULL;
}

static void
test_request_lifecycle (void)
{
  g_autofree char *answer = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *request, *message;

  answer = post_form ("/open311/v2/requests.json", 200, "api_key", api_key,
                      "service_code", "scjg-food-safety", "lat", "28.1941", "long", "112.9723",
                      "address_string", "长沙市岳麓区麓山路12号",
                      "description", "巷口餐馆没有营业执照，后厨卫生很差。",
                      "attribute[place_type]", "restaurant", "attribute[shop_name]", "老街粉店",
                      "first_name", "小明", "last_name", "李", "phone", "13812345678",
                      "email", "li@example.com",
                      "media_url", "https://photos.example.com/kitchen.jpg", NULL);
  node = json_from_string (answer, NULL);
  request = json_array_get_object_element (json_node_get_array (node), 0);
  receipt = g_strdup (json_object_get_string_member (request, "service_request_id"));
  g_assert_cmpuint (strlen (receipt), ==, 12);
  /* 13 working days from Fri 20 March, Qingming left out */
  g_assert_cmpstr (json_object_get_string_member (request, "service_notice"), ==,
                   "Reply by 2026-04-09");

  /* The department has it as any message: channel, code, the answers */
  id = message_id_of (receipt);
  g_assert_nonnull (id);
  {
    g_autofree char *entity_path = g_strconcat ("/api/v1/messages/", id, NULL);
    guint status;
    g_autoptr(JsonNode) entity = civic_test_request (service, "GET", entity_path, handler, NULL,
                                                     &status);

    g_assert_cmpuint (status, ==, 200);
    message = json_object_get_object_member (object_of (entity), "data");
    g_assert_cmpstr (json_object_get_string_member (message, "channel"), ==, "open311");
    g_assert_cmpstr (json_object_get_string_member (message, "service_code"), ==,
                     "scjg-food-safety");
    g_assert_cmpstr (json_object_get_string_member (message, "kind"), ==, "complaint");
    g_assert_cmpstr (json_object_get_string_member (message, "department_id"), ==, "scjg");
    g_assert_nonnull (strstr (json_object_get_string_member (message, "body"),
                              "经营场所类型：餐馆"));
    g_assert_nonnull (strstr (json_object_get_string_member (message, "body"),
                              "店名或招牌：老街粉店"));
    /* The photo's address is the officials', beside the text, not in it */
    g_assert_cmpstr (json_object_get_string_member (message, "media_url"), ==,
                     "https://photos.example.com/kitchen.jpg");
    g_assert_null (strstr (json_object_get_string_member (message, "body"), "photos.example"));
  }

  /* Open, with its time, where it is, who answers it; never who wrote it
   * nor what */
  path = g_strconcat ("/open311/v2/requests/", receipt, ".json", NULL);
  g_clear_pointer (&node, json_node_unref);
  node = fetch_json (path, 200);
  request = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (request, "service_request_id"), ==, receipt);
  g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (request, "service_name"), ==, "食品安全投诉");
  g_assert_cmpstr (json_object_get_string_member (request, "agency_responsible"), ==,
                   "湖南省市场监督管理局");
  g_assert_cmpstr (json_object_get_string_member (request, "expected_datetime"), ==,
                   "2026-04-09T23:59:59+08:00");
  g_assert_cmpstr (json_object_get_string_member (request, "requested_datetime"), ==,
                   "2026-03-20T10:00:00+08:00");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (request, "lat"), 28.1941, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (request, "address"), ==,
                   "长沙市岳麓区麓山路12号");
  g_assert_true (json_object_get_null_member (request, "description"));
  g_assert_true (json_object_get_null_member (request, "media_url"));
  text = fetch (path, 200, NULL);
  g_assert_null (strstr (text, "kitchen.jpg"));
  g_assert_null (strstr (text, "小明"));
  g_assert_null (strstr (text, "13812345678"));
  g_assert_null (strstr (text, "后厨卫生"));

  /* The department works on it: a note, a reply reviewed and sent */
  applied (handler, "sign-for-message", id, NULL, &holder);
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "note-message", id, "{\"text\": \"NOTEMARK 店主为区人大代表亲属\"}",
           &holder);
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "reply-message", id,
           "{\"text\": \"李小明您好：经查该餐馆已责令停业整改，感谢您的监督。\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);
  g_free (text);
  text = fetch (path, 200, NULL);
  g_assert_nonnull (strstr (text, "\"status\":\"open\""));
  g_assert_null (strstr (text, "责令停业"));
  applied (reviewer, "review-message-reply", id, "{\"decision\": \"approve\"}", &holder);

  g_clear_pointer (&node, json_node_unref);
  node = fetch_json (path, 200);
  request = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, "closed");
  g_assert_nonnull (strstr (json_object_get_string_member (request, "status_notes"),
                            "已责令停业整改"));
  g_assert_null (strstr (json_object_get_string_member (request, "status_notes"), "李小明"));
  g_assert_true (json_object_get_null_member (request, "expected_datetime"));

  /* The list anyone reads: no reply, no address, the place to ~100 m */
  {
    g_autoptr(JsonNode) list = fetch_json ("/open311/v2/requests.json", 200);
    JsonObject *listed = json_array_get_object_element (json_node_get_array (list), 0);

    g_assert_cmpstr (json_object_get_string_member (listed, "service_request_id"), ==, receipt);
    g_assert_true (json_object_get_null_member (listed, "status_notes"));
    g_assert_true (json_object_get_null_member (listed, "address"));
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (listed, "lat"), 28.194, 1e-9);
  }

  xml = fetch ("/open311/v2/requests.xml?status=closed", 200, NULL);
  assert_xml (xml);
  g_assert_nonnull (strstr (xml, receipt));
  g_assert_nonnull (strstr (xml, "<status>closed</status>"));
  g_assert_null (strstr (xml, "NOTEMARK"));
  g_free (text);
  text = fetch ("/open311/v2/requests.json?status=open", 200, NULL);
  g_assert_null (strstr (text, receipt));
  g_free (text);
  text = fetch ("/open311/v2/requests.json?service_code=scjg-price", 200, NULL);
  g_assert_cmpstr (text, ==, "[]");
  g_free (text);
  text = fetch ("/open311/v2/requests.json?start_date=2026-03-21", 200, NULL);
  g_assert_cmpstr (text, ==, "[]");
  g_free (text);
  text = fetch ("/open311/v2/requests.json?start_date=2026-03-20&end_date=2026-03-20", 200, NULL);
  g_assert_nonnull (strstr (text, receipt));
  g_assert_null (strstr (text, "NOTEMARK"));
  g_free (text);
  text = fetch ("/open311/v2/requests.json?start_date=yesterday", 400, NULL);
  assert_error (text, 400);
  g_free (text);
  text = fetch ("/open311/v2/requests/NOSUCHRECEIPT.json", 404, NULL);
  assert_error (text, 404);
}

/* A catalogue with a report in it is refused whole; the services stay */
static void
test_catalogue_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("open311-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "services.json", NULL);
  g_autofree char *output = NULL;
  g_autoptr(JsonNode) services = NULL;

  g_assert_true (g_file_set_contents (file,
    "{\"services\": [{\"service_code\": \"ok\", \"service_name\": \"建议\", \"kind\": \"suggestion\"},"
    " {\"service_code\": \"accuse\", \"service_name\": \"举报\", \"kind\": \"report\"}]}", -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "open311", "services",
                                           "import", file, NULL), !=, 0);
  services = fetch_json ("/open311/v2/services.json", 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (services)), ==, 5);
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "open311", "services", "list",
                                           NULL), ==, 0);
  g_assert_nonnull (strstr (output, "sthjt-pollution"));

  /* A new catalogue is what the next answer says, however recently the
   * last was asked for */
  g_assert_true (g_file_set_contents (file,
    "{\"services\": [{\"service_code\": \"ok\", \"service_name\": \"建议\","
    " \"kind\": \"suggestion\"}]}", -1, NULL));
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "open311", "services",
                                           "import", file, NULL), ==, 0);
  g_clear_pointer (&services, json_node_unref);
  services = fetch_json ("/open311/v2/services.json", 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (services)), ==, 1);
  g_unlink (file);
  g_rmdir (dir);
}

/* A client's key files at most its rate, from any address: ten at once
 * under a rate of one a second here, then one a second, the rest refused
 * with when to try again */
static void
test_key_rate (void)
{
  static const char * const extra[] = { "--open311-key-rate=1", "--public-write-rate=0", NULL };
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = NULL;
  guint refused = 0, filed = 0;

  civic_test_service_stop (service);
  civic_test_service_start_with (service, extra);
  uri = g_strconcat (service->base_url, "/open311/v2/requests.json", NULL);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autofree char *description = g_strdup_printf ("建议延长窗口服务时间（%u）", i);

      g_hash_table_insert (form, (gpointer) "api_key", api_key);
      /* The catalogue the test before left: one service */
      g_hash_table_insert (form, (gpointer) "service_code", (gpointer) "ok");
      g_hash_table_insert (form, (gpointer) "description", description);
      g_hash_table_insert (form, (gpointer) "address_string", (gpointer) "五一大道1号");
      msg = soup_message_new_from_encoded_form ("POST", uri, soup_form_encode_hash (form));
      body = soup_session_send_and_read (session, msg, NULL, NULL);
      if (soup_message_get_status (msg) == 429)
        {
          const char *retry = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                            "Retry-After");

          g_assert_nonnull (retry);
          g_assert_cmpint (g_ascii_strtoll (retry, NULL, 10), >=, 1);
          g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                          "api_key"));
          refused++;
        }
      else
        {
          if (soup_message_get_status (msg) != 200)
            g_test_message ("%.*s", (int) g_bytes_get_size (body),
                            (const char *) g_bytes_get_data (body, NULL));
          g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
          filed++;
        }
    }
  /* Ten at once, and one a second after: however slow the build, far
   * from twenty */
  g_assert_cmpuint (filed, >=, 10);
  g_assert_cmpuint (refused, >=, 5);
  g_assert_cmpuint (filed + refused, ==, 20);

  civic_test_service_stop (service);
  civic_test_service_start (service);
}

/* An administrator gives a client its key from their own client: only the
 * key's SHA-256 travels; the client files with the key, and is refused
 * once it is revoked. Nobody else sees or changes a key. */
static void
test_key_by_command (void)
{
  static const char key[] = "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778";
  g_autofree char *admin = civic_test_sign_in (service, "admin");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *args = g_strdup_printf ("{\"name\": \"岳麓区政务App\", \"key_hash\": \"%s\"}",
                                           hash);
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) json_node_unref);
  g_autofree char *text = NULL;
  JsonObject *entity;
  char *answer;

  civic_test_rejected (service, handler, "add-open311-key", "k-0badc0de", args, "not-found");
  civic_test_rejected (service, admin, "add-open311-key", "k-0badc0de",
                       "{\"name\": \"x\", \"key_hash\": \"not-a-hash\"}", "argument");
  entity = applied (admin, "add-open311-key", "k-0badc0de", args, &holder);
  g_assert_cmpstr (json_object_get_string_member (entity, "name"), ==, "岳麓区政务App");
  g_assert_false (json_object_get_boolean_member (entity, "revoked"));
  /* The answer, like the feed, never holds the key or its hash */
  text = json_to_string (holder, FALSE);
  g_assert_null (strstr (text, hash));
  /* The same key twice is refused */
  civic_test_rejected (service, admin, "add-open311-key", "k-0badc0df", args, "rule");

  /* (the catalogue is the one /open311/catalogue-refused left: "ok") */
  answer = post_form ("/open311/v2/requests.json", 200, "api_key", key,
                      "service_code", "ok", "address_string", "长沙市岳麓区麓山路12号",
                      "description", "建议在麓山路增设公交站。",
                      "first_name", "小红", "last_name", "王", "phone", "13812345678", NULL);
  g_free (answer);

  g_clear_pointer (&holder, json_node_unref);
  entity = applied (admin, "revoke-open311-key", "k-0badc0de", "{\"reason\": \"合同到期\"}",
                    &holder);
  g_assert_true (json_object_get_boolean_member (entity, "revoked"));
  answer = post_form ("/open311/v2/requests.json", 403, "api_key", key,
                      "service_code", "ok", "address_string", "长沙市岳麓区麓山路12号",
                      "first_name", "小红", "last_name", "王", "phone", "13812345678", NULL);
  g_free (answer);

  /* The keys the command line made are in the administrators' feed too,
   * and in nobody else's */
  civic_test_pull_all (service, admin, 0, seen);
  g_assert_nonnull (g_hash_table_lookup (seen, "open311-key/k-0badc0de"));
  {
    GHashTableIter iter;
    gpointer name;
    guint keys = 0;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      keys += g_str_has_prefix (name, "open311-key/");
    g_assert_cmpuint (keys, >=, 2);
  }
  g_hash_table_remove_all (seen);
  civic_test_pull_all (service, handler, 0, seen);
  g_assert_null (g_hash_table_lookup (seen, "open311-key/k-0badc0de"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *output = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (10, 7);
  handler = civic_test_sign_in (service, "handler");
  reviewer = civic_test_sign_in (service, "reply-reviewer");
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "open311", "key", "add",
                                           "长沙市民App", NULL), ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

    api_key = g_strdup (lines[1]);
    g_assert_cmpuint (strlen (api_key), ==, 48);
  }

  g_test_add_func ("/open311/services", test_services);
  g_test_add_func ("/open311/refusals", test_refusals);
  g_test_add_func ("/open311/request-lifecycle", test_request_lifecycle);
  g_test_add_func ("/open311/catalogue-refused", test_catalogue_refused);
  g_test_add_func ("/open311/key-rate", test_key_rate);
  g_test_add_func ("/open311/key-by-command", test_key_by_command);

  status = g_test_run ();

  g_free (handler);
  g_free (reviewer);
  g_free (api_key);
  civic_test_service_free (service);
  return status;
}
