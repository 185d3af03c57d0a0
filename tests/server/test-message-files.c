/* test-message-files.c — the files citizens send, through the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A complaint sent on the public side with a photo and a note has both
 * as its files, their type and size what the service received; the
 * department's handler opens them (audited), another department and the
 * public do not. A file of a type a browser runs, bad base64, six files,
 * or a message refused for its text: each refused, nothing kept. The
 * page's form sends files too. An official adds a scanned letter to a
 * message (upload, then attach-message-file); a hash never uploaded for
 * the message is refused, as is a clerk's upload; a report's file is
 * kept from the department it accuses.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <libsoup/soup.h>

#include "civic-test-service.h"

static CivicTestService *service;
static char *handler, *other_handler, *dispatcher, *supervisor, *clerk;

#define object_of civic_test_object_of
#define applied(...) civic_test_applied (service, __VA_ARGS__)
#define rejected(...) civic_test_rejected (service, __VA_ARGS__)

/* Eight bytes of PNG signature and a little: enough to be a file */
static const guint8 photo[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
static const char note[] = "店门口的照片见附件。\n";

static JsonNode *
submit (const char *body,
        guint       expected)
{
  guint status;
  JsonNode *answer = civic_test_request (service, "POST", "/public/v1/messages", NULL, body,
                                         &status);

  g_assert_cmpuint (status, ==, expected);
  return answer;
}

static JsonObject *
message_with_receipt (const char  *token,
                      const char  *receipt,
                      GHashTable  *entities)
{
  GHashTableIter iter;
  gpointer key, value;

  civic_test_pull_all (service, token, 0, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "message/") &&
        g_strcmp0 (json_object_get_string_member_with_default (object_of (value), "receipt",
                                                               NULL), receipt) == 0)
      return object_of (value);
  return NULL;
}

static char *
file_path (const char *id,
           const char *sha256)
{
  return g_strdup_printf ("/api/v1/messages/%s/attachments/%s", id, sha256);
}

static gint64
uploads (void)
{
  return civic_test_count_rows (service, "SELECT count (*) FROM message_upload");
}

static void
test_sent_with_files (void)
{
  g_autofree char *photo64 = g_base64_encode (photo, sizeof photo);
  g_autofree char *note64 = g_base64_encode ((const guchar *) note, strlen (note));
  g_autofree char *body = g_strdup_printf (
    "{\"kind\": \"complaint\", \"subject\": \"餐馆油烟扰民\", \"body\": \"后厨油烟直排。\","
    " \"name\": \"李小明\", \"phone\": \"13812345678\", \"department\": \"scjg\","
    " \"attachments\": [{\"name\": \"门口.png\", \"media_type\": \"image/png\", \"content\": \"%s\"},"
    "                   {\"name\": \"说明\", \"media_type\": \"text/plain\", \"content\": \"%s\"}]}",
    photo64, note64);
  g_autoptr(JsonNode) answer = submit (body, 201);
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autofree char *photo_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, photo,
                                                            sizeof photo);
  g_autofree char *path = NULL;
  g_autofree char *type = NULL;
  g_autofree char *audit = NULL;
  g_autoptr(GBytes) content = NULL;
  JsonObject *message;
  JsonArray *files;
  JsonObject *first;
  const char *id;
  guint status;

  message = message_with_receipt (handler, json_object_get_string_member (object_of (answer),
                                                                          "receipt"), entities);
  g_assert_nonnull (message);
  id = json_object_get_string_member (message, "id");
  files = json_object_get_array_member (message, "attachments");
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  first = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "门口.png");
  g_assert_cmpstr (json_object_get_string_member (first, "media_type"), ==, "image/png");
  g_assert_cmpint (json_object_get_int_member (first, "size"), ==, sizeof photo);
  g_assert_cmpstr (json_object_get_string_member (first, "sha256"), ==, photo_sha);
  g_assert_cmpstr (json_object_get_string_member (first, "added_on"), ==, "2026-03-20");
  g_assert_true (json_object_get_null_member (first, "added_by_id"));
  /* Kept under a name of its type: a note called "说明" is "说明.txt" */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 1),
                                                  "name"), ==, "说明.txt");

  /* The department's handler opens it, and the opening is audited */
  path = file_path (id, photo_sha);
  content = civic_test_download (service, path, handler, &status, &type);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (type, ==, "image/png");
  g_assert_cmpmem (g_bytes_get_data (content, NULL), g_bytes_get_size (content), photo,
                   sizeof photo);
  audit = civic_test_audit_of (service, "read-message-file", id);
  g_assert_nonnull (strstr (audit, "u-handler "));
  g_assert_nonnull (strstr (audit, photo_sha));

  /* The supervisor sees the message masked and opens none of its
   * citizen's files; another department and the public not even that */
  g_clear_pointer (&content, g_bytes_unref);
  content = civic_test_download (service, path, supervisor, &status, NULL);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&content, g_bytes_unref);
  content = civic_test_download (service, path, other_handler, &status, NULL);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&content, g_bytes_unref);
  content = civic_test_download (service, path, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 401);
  /* A file of another message is not this one's */
  g_clear_pointer (&content, g_bytes_unref);
  g_free (path);
  path = file_path (id, "0000000000000000000000000000000000000000000000000000000000000000");
  content = civic_test_download (service, path, handler, &status, NULL);
  g_assert_cmpuint (status, ==, 404);
}

static void
test_refusals_keep_nothing (void)
{
  g_autofree char *photo64 = g_base64_encode (photo, sizeof photo);
  g_autoptr(GString) six = g_string_new (NULL);
  gint64 before = uploads ();
  gint64 blobs = civic_test_count_rows (service, "SELECT count (*) FROM attachment_blob");
  g_autofree char *html = NULL;
  g_autofree char *many = NULL;
  g_autofree char *untitled = NULL;
  JsonNode *answer;

#define MESSAGE(files) \
  "{\"kind\": \"suggestion\", \"subject\": \"增设窗口\", \"body\": \"窗口太少。\"," \
  " \"name\": \"王五\", \"phone\": \"13812345678\", \"attachments\": " files "}"

  /* What a browser would run */
  html = g_strdup_printf (MESSAGE ("[{\"name\": \"x.html\", \"media_type\": \"text/html\","
                                   " \"content\": \"%s\"}]"), photo64);
  answer = submit (html, 415);
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "error"), ==, "media-type");
  json_node_unref (answer);
  /* Not base64 */
  answer = submit (MESSAGE ("[{\"name\": \"a.png\", \"media_type\": \"image/png\","
                            " \"content\": \"<script>\"}]"), 400);
  json_node_unref (answer);
  /* Not a list */
  answer = submit (MESSAGE ("\"a.png\""), 400);
  json_node_unref (answer);
  /* Six files */
  for (int i = 0; i < 6; i++)
    g_string_append_printf (six, "%s{\"name\": \"%d.png\", \"media_type\": \"image/png\","
                                 " \"content\": \"%s%c\"}", i > 0 ? "," : "", i, photo64,
                            'A' + i);
  many = g_strdup_printf ("{\"kind\": \"suggestion\", \"subject\": \"增设窗口\", \"body\": \"窗口太少。\","
                          " \"name\": \"王五\", \"phone\": \"13812345678\", \"attachments\": [%s]}",
                          six->str);
  answer = submit (many, 400);
  json_node_unref (answer);
  /* A good file with a message the rules refuse (no name, not anonymous) */
  untitled = g_strdup_printf ("{\"kind\": \"complaint\", \"subject\": \"s\", \"body\": \"b\","
                              " \"attachments\": [{\"name\": \"a.png\", \"media_type\": \"image/png\","
                              " \"content\": \"%s\"}]}", photo64);
  answer = submit (untitled, 400);
  json_node_unref (answer);

  g_assert_cmpint (uploads (), ==, before);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count (*) FROM attachment_blob"), ==,
                   blobs);
#undef MESSAGE
}

/* A citizen sends a photo of a few MiB without a token (the guard's
 * refusal of a body past what five files can be is test-hardening's) */
static void
test_large_photo (void)
{
  gsize size = 3 * 1024 * 1024;
  g_autofree guint8 *bytes = g_malloc (size);
  g_autofree char *encoded = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;

  memcpy (bytes, photo, sizeof photo);
  for (gsize i = sizeof photo; i < size; i++)
    bytes[i] = (guint8) (i * 7);
  encoded = g_base64_encode (bytes, size);
  body = g_strdup_printf ("{\"kind\": \"complaint\", \"subject\": \"占道经营\", \"body\": \"见照片。\","
                          " \"name\": \"周八\", \"phone\": \"13812345678\","
                          " \"attachments\": [{\"name\": \"街口.png\", \"media_type\": \"image/png\","
                          " \"content\": \"%s\"}]}", encoded);
  answer = submit (body, 201);
  g_clear_pointer (&answer, json_node_unref);

}

/* The page's form, as a browser sends a file input */
static void
test_form_sends_files (void)
{
  g_autoptr(SoupMultipart) multipart = soup_multipart_new ("multipart/form-data");
  g_autoptr(GBytes) photo_bytes = g_bytes_new_static (photo, sizeof photo);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) other_bytes = g_bytes_new_static (photo, sizeof photo - 1);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autofree char *uri = g_strconcat (service->base_url, "/public/messages", NULL);
  g_autofree char *receipt = NULL;
  const char *location;
  JsonObject *message;
  JsonArray *files;

  soup_multipart_append_form_string (multipart, "kind", "consultation");
  soup_multipart_append_form_string (multipart, "subject", "营业执照变更");
  soup_multipart_append_form_string (multipart, "body", "地址变了要带什么材料？");
  soup_multipart_append_form_string (multipart, "name", "赵六");
  soup_multipart_append_form_string (multipart, "phone", "13912345678");
  soup_multipart_append_form_string (multipart, "department", "scjg");
  /* A JPEG the browser calls "image/jpg", and a file input left empty */
  soup_multipart_append_form_file (multipart, "files", "执照.jpg", "image/jpg", photo_bytes);
  /* A page a browser would run, sent as a photo: kept as a photo */
  soup_multipart_append_form_file (multipart, "files", "x.html", "image/png", other_bytes);
  soup_multipart_append_form_file (multipart, "files", "", "application/octet-stream", empty);
  soup_multipart_to_message (multipart, headers, &body);

  msg = soup_message_new ("POST", uri);
  soup_message_set_request_body_from_bytes (msg, soup_message_headers_get_one (headers,
                                                                               "Content-Type"),
                                            body);
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 303);
  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  g_assert_true (g_str_has_prefix (location, "/public/messages/"));
  receipt = g_strndup (location + strlen ("/public/messages/"), 12);

  message = message_with_receipt (handler, receipt, entities);
  g_assert_nonnull (message);
  files = json_object_get_array_member (message, "attachments");
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 0),
                                                  "name"), ==, "执照.jpg");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 1),
                                                  "name"), ==, "x.html.png");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 0),
                                                  "media_type"), ==, "image/jpeg");
}

/* A letter brought to the window, scanned and added by the handler */
static void
test_official_adds_a_file (void)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *upload_path = g_strdup_printf ("/api/v1/messages/%s/attachments?name=%s", id,
                                                  "%E6%9D%A5%E4%BF%A1.pdf");
  g_autoptr(GBytes) letter = g_bytes_new_static ("%PDF-1.4\n%scan\n", 15);
  g_autoptr(GBytes) script = g_bytes_new_static ("<svg onload=alert(1)>", 21);
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *args = NULL;
  g_autofree char *audit = NULL;
  JsonObject *message, *file;
  const char *sha256;
  guint status;

  applied (dispatcher, "register-message", id,
           "{\"kind\": \"complaint\", \"channel\": \"letter\", \"subject\": \"来信反映噪音\","
           " \"body\": \"见来信。\", \"citizen_name\": \"孙七\", \"address\": \"岳麓区1号\","
           " \"department_id\": \"scjg\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);

  /* A clerk adds no files; another department does not see the message;
   * a type a browser runs is refused */
  answer = civic_test_upload (service, upload_path, clerk, "application/pdf", letter, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&answer, json_node_unref);
  answer = civic_test_upload (service, upload_path, other_handler, "application/pdf", letter,
                              &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&answer, json_node_unref);
  answer = civic_test_upload (service, upload_path, handler, "image/svg+xml", script, &status);
  g_assert_cmpuint (status, ==, 415);
  g_clear_pointer (&answer, json_node_unref);

  /* A hash that was never uploaded for it */
  rejected (handler, "attach-message-file", id,
            "{\"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\","
            " \"name\": \"x.pdf\"}", "rule");

  answer = civic_test_upload (service, upload_path, handler, "application/pdf", letter, &status);
  g_assert_cmpuint (status, ==, 201);
  sha256 = json_object_get_string_member (object_of (answer), "sha256");
  g_assert_cmpint (json_object_get_int_member (object_of (answer), "size"), ==, 15);
  audit = civic_test_audit_of (service, "upload-message-file", id);
  g_assert_nonnull (strstr (audit, sha256));
  g_assert_null (strstr (audit, "来信"));

  args = g_strdup_printf ("{\"sha256\": \"%s\", \"name\": \"来信.pdf\"}", sha256);
  message = applied (handler, "attach-message-file", id, args, &holder);
  file = json_array_get_object_element (json_object_get_array_member (message, "attachments"), 0);
  g_assert_cmpstr (json_object_get_string_member (file, "name"), ==, "来信.pdf");
  g_assert_cmpstr (json_object_get_string_member (file, "media_type"), ==, "application/pdf");
  g_assert_cmpint (json_object_get_int_member (file, "size"), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (file, "added_by_id"), ==, "u-handler");
  g_clear_pointer (&holder, json_node_unref);
  /* Once */
  rejected (handler, "attach-message-file", id, args, "rule");
}

/* A report's file stays with the report: never with whom it accuses */
static void
test_report_file_kept_from_the_accused (void)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *upload_path = g_strdup_printf ("/api/v1/messages/%s/attachments?name=a.pdf",
                                                  id);
  g_autoptr(GBytes) evidence = g_bytes_new_static ("%PDF-1.4\n%receipt\n", 18);
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *args = NULL;
  g_autofree char *path = NULL;
  guint status;

  applied (dispatcher, "register-message", id,
           "{\"kind\": \"report\", \"channel\": \"hotline-12345\", \"subject\": \"索要好处费\","
           " \"body\": \"有收据。\", \"anonymous\": true, \"department_id\": \"scjg\","
           " \"accused_department_id\": \"zrzyt\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);
  answer = civic_test_upload (service, upload_path, dispatcher, "application/pdf", evidence,
                              &status);
  g_assert_cmpuint (status, ==, 201);
  args = g_strdup_printf ("{\"sha256\": \"%s\", \"name\": \"a.pdf\"}",
                          json_object_get_string_member (object_of (answer), "sha256"));
  applied (dispatcher, "attach-message-file", id, args, &holder);

  path = file_path (id, json_object_get_string_member (object_of (answer), "sha256"));
  content = civic_test_download (service, path, other_handler, &status, NULL);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&content, g_bytes_unref);
  content = civic_test_download (service, path, handler, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&answer, json_node_unref);
  answer = civic_test_upload (service, upload_path, other_handler, "application/pdf", evidence,
                              &status);
  g_assert_cmpuint (status, ==, 404);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (10, 7);
  handler = civic_test_sign_in (service, "handler");
  other_handler = civic_test_sign_in (service, "zrzyt.handler");
  dispatcher = civic_test_sign_in (service, "dispatcher");
  supervisor = civic_test_sign_in (service, "supervisor");
  clerk = civic_test_sign_in (service, "clerk");

  g_test_add_func ("/message-files/sent-with-files", test_sent_with_files);
  g_test_add_func ("/message-files/refusals-keep-nothing", test_refusals_keep_nothing);
  g_test_add_func ("/message-files/large-photo", test_large_photo);
  g_test_add_func ("/message-files/form-sends-files", test_form_sends_files);
  g_test_add_func ("/message-files/official-adds-a-file", test_official_adds_a_file);
  g_test_add_func ("/message-files/report-file-kept-from-the-accused",
                   test_report_file_kept_from_the_accused);
  status = g_test_run ();

  g_free (handler);
  g_free (other_handler);
  g_free (dispatcher);
  g_free (supervisor);
  g_free (clerk);
  civic_test_service_free (service);
  return status;
}
