/* test-disclosure-attachments.c — the files of disclosures, through the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is uploaded, then attached by a command; its text, read by a
 * child process under limits, is linted as the body is, and a resident ID
 * number on its second page holds the approval, naming the file and the
 * page. A scan has no text: it holds the approval until a reviewer
 * acknowledges it. A file over 20 MiB is refused before it is read, an
 * official without a disclosure role is refused, a child that runs out
 * of memory leaves the file unchecked and the service up, and the public
 * downloads a file only once its disclosure is published.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <locale.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "civic-test-service.h"

#if defined(__SANITIZE_ADDRESS__)
#define CIVIC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CIVIC_ASAN 1
#endif
#endif

static CivicTestService *service;
static char *editor, *reviewer, *reviewer2, *head, *other_editor, *examiner, *supervisor;

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static char *
quote (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

static JsonObject *
send (const char  *token,
      const char  *id,
      const char  *type,
      const char  *target,
      const char  *args,
      JsonNode   **holder)
{
  g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"%s\","
                                           "\"target\":\"%s\",\"args\":%s}]}",
                                           id, type, target, args ? args : "{}");
  guint status;

  *holder = civic_test_request (service, "POST", "/api/v1/commands", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_array_get_object_element (json_object_get_array_member (object_of (*holder),
                                                                      "results"), 0);
}

static const char *
reason_says (JsonObject *result,
             const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (result, "reason"), member);
}

static JsonObject *
applied_as (const char  *token,
            const char  *id,
            const char  *type,
            const char  *target,
            const char  *args,
            JsonNode   **holder)
{
  JsonObject *result = send (token, id, type, target, args, holder);

  if (!g_str_equal (json_object_get_string_member (result, "status"), "applied"))
    g_error ("%s was refused: %s", type, reason_says (result, "message"));
  return json_object_get_object_member (json_object_get_object_member (result, "entity"), "data");
}

static JsonObject *
applied (const char  *token,
         const char  *type,
         const char  *target,
         const char  *args,
         JsonNode   **holder)
{
  g_autofree char *id = civic_test_uuid ();

  return applied_as (token, id, type, target, args, holder);
}

static void
rejected (const char *token,
          const char *type,
          const char *target,
          const char *args,
          const char *code,
          const char *fragment)
{
  g_autofree char *id = civic_test_uuid ();
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result = send (token, id, type, target, args, &holder);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  if (!g_str_equal (reason_says (result, "code"), code) ||
      strstr (reason_says (result, "message"), fragment) == NULL)
    g_error ("%s: “%s” (%s) does not say “%s” (%s)", type, reason_says (result, "message"),
             reason_says (result, "code"), fragment, code);
}

/* A draft with a clean text, saved */
static char *
draft (const char *title)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *quoted = quote (title);
  g_autofree char *args = g_strdup_printf ("{\"title\": %s, \"category\": \"licensing\","
                                           " \"formed_on\": \"2026-03-16\"}", quoted);
  g_autoptr(JsonNode) step = NULL;

  applied_as (editor, id, "create-disclosure", id, args, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (editor, "save-disclosure", id,
           "{\"body\": \"## 办理结果\\n\\n准予行政许可，名单见附件。\\n\", \"base_version\": 0}",
           &step);
  return g_steal_pointer (&id);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Two pages of a PDF made the way an office's software makes one: real
 * text, with its fonts embedded */
static GBytes *
pdf_of (const char *page1,
        const char *page2,
        gsize       padding)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595, 842);
  cairo_t *cr = cairo_create (surface);
  const char *pages[] = { page1, page2 };

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 14);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      cairo_move_to (cr, 72, 100);
      cairo_show_text (cr, pages[i]);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* A file made larger, as a scanned appendix makes one: a comment after
   * the end, which readers skip */
  if (padding > 0)
    {
      g_autofree char *filler = g_malloc (padding);

      memset (filler, ' ', padding);
      filler[0] = '%';
      filler[padding - 1] = '\n';
      g_byte_array_append (out, (const guint8 *) filler, padding);
    }
  return g_byte_array_free_to_bytes (out);
}

/* A photo of a page: an image, without text */
static GBytes *
png_of_a_scan (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 10, 50);
  cairo_show_text (cr, "430104196804220016");
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, out), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

/* Uploads @content to @id as @name; the answer, which must be @status */
static JsonNode *
upload (const char *token,
        const char *id,
        const char *name,
        const char *content_type,
        GBytes     *content,
        guint       expected)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/disclosures/%s/attachments?name=%s", id,
                                           escaped);
  guint status;
  JsonNode *answer = civic_test_upload (service, path, token, content_type, content, &status);

  if (status != expected)
    {
      g_autofree char *text = answer ? json_to_string (answer, FALSE) : g_strdup ("");

      g_error ("upload of %s → %u, not %u: %s", name, status, expected, text);
    }
  return answer;
}

/* Refused with @expected, and answered with @code */
static void
refused_upload (const char *token,
                const char *id,
                const char *name,
                const char *content_type,
                GBytes     *content,
                guint       expected,
                const char *code)
{
  g_autoptr(JsonNode) answer = upload (token, id, name, content_type, content, expected);

  if (code != NULL)
    g_assert_cmpstr (json_object_get_string_member (object_of (answer), "error"), ==, code);
}

static JsonObject *
attach (const char  *id,
        JsonObject  *uploaded,
        JsonNode   **holder)
{
  g_autofree char *name = quote (json_object_get_string_member (uploaded, "name"));
  g_autofree char *args = g_strdup_printf ("{\"sha256\": \"%s\", \"name\": %s}",
                                           json_object_get_string_member (uploaded, "sha256"),
                                           name);

  return applied (editor, "attach-disclosure-file", id, args, holder);
}

static void
submit_and_approve_first (const char *id)
{
  g_autoptr(JsonNode) step = NULL;

  applied (editor, "submit-disclosure", id, NULL, &step);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
}

static JsonObject *
finding_of (JsonObject *attachment,
            guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (attachment, "findings"), i);
}

/* The ID number on page 2 of a list holds the final approval, which
 * names the file and the page; the faulty file is replaced, and the
 * replacement passes */
static void
test_pdf_page_two_blocks (void)
{
  g_autofree char *id = draft ("2026年第一季度行政许可名单");
  g_autoptr(GBytes) leaky = pdf_of ("Licences granted, first quarter of 2026",
                                    "Applicant: Wang Wu, ID 430104196804220016", 0);
  g_autoptr(GBytes) clean = pdf_of ("Licences granted, first quarter of 2026",
                                    "Applicants: 12 enterprises, listed by credit code", 0);
  g_autoptr(JsonNode) first = upload (editor, id, "许可名单.pdf", "application/pdf", leaky, 201);
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) step = NULL;
  g_autofree char *remove = NULL;
  JsonObject *uploaded = object_of (first);
  JsonObject *data, *attachment, *finding;

  g_assert_true (json_object_get_boolean_member (uploaded, "checked"));
  g_assert_cmpint (json_object_get_int_member (uploaded, "pages"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (uploaded, "size"), ==, g_bytes_get_size (leaky));

  data = attach (id, uploaded, &step);
  attachment = json_array_get_object_element (json_object_get_array_member (data, "attachments"),
                                              0);
  g_assert_cmpstr (json_object_get_string_member (attachment, "name"), ==, "许可名单.pdf");
  g_assert_cmpstr (json_object_get_string_member (attachment, "media_type"), ==,
                   "application/pdf");
  g_assert_true (json_object_get_boolean_member (attachment, "checked"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (attachment, "findings")),
                    ==, 1);
  finding = finding_of (attachment, 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "kind"), ==, "resident-id");
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "block");
  g_assert_cmpint (json_object_get_int_member (finding, "page"), ==, 2);
  /* the body has none */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "findings")), ==, 0);

  submit_and_approve_first (id);
  rejected (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", "rule",
            "Resident ID number (“许可名单.pdf”, page 2)");

  /* returned, replaced: removed and the clean file attached */
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer2, "review-disclosure", id, "{\"decision\": \"return\", \"comment\": \"换文件\"}",
           &step);
  remove = g_strdup_printf ("{\"sha256\": \"%s\"}", json_object_get_string_member (uploaded,
                                                                                   "sha256"));
  g_clear_pointer (&step, json_node_unref);
  data = applied (editor, "remove-disclosure-file", id, remove, &step);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "attachments")), ==,
                    0);
  rejected (editor, "remove-disclosure-file", id, remove, "state", "No such file");

  second = upload (editor, id, "许可名单.pdf", "application/pdf", clean, 201);
  g_clear_pointer (&step, json_node_unref);
  data = attach (id, object_of (second), &step);
  attachment = json_array_get_object_element (json_object_get_array_member (data, "attachments"),
                                              0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (attachment, "findings")),
                    ==, 0);
  submit_and_approve_first (id);
  g_clear_pointer (&step, json_node_unref);
  data = applied (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "approved");
}

/* A response's body and the headers the public side must send */
typedef struct
{
  guint   status;
  GBytes *body;
  char   *content_type;
  char   *disposition;
  char   *etag;
  char   *nosniff;
} Fetched;

static void
fetched_clear (Fetched *f)
{
  g_clear_pointer (&f->body, g_bytes_unref);
  g_clear_pointer (&f->content_type, g_free);
  g_clear_pointer (&f->disposition, g_free);
  g_clear_pointer (&f->etag, g_free);
  g_clear_pointer (&f->nosniff, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fetched, fetched_clear)

static void
fetch (const char *path,
       const char *if_none_match,
       Fetched    *out)
{
  g_autofree char *uri = g_strconcat (service->base_url, path, NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  if (if_none_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-None-Match",
                                  if_none_match);
  out->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  headers = soup_message_get_response_headers (msg);
  out->status = soup_message_get_status (msg);
  out->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  out->disposition = g_strdup (soup_message_headers_get_one (headers, "Content-Disposition"));
  out->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  out->nosniff = g_strdup (soup_message_headers_get_one (headers, "X-Content-Type-Options"));
}

/* A clean file passes the gate and is the public's once, and only once,
 * the disclosure is published; until then it is not there */
static void
test_served_after_publishing (void)
{
  g_autofree char *id = draft ("2026年第一季度行政许可办理情况");
  g_autoptr(GBytes) clean = pdf_of ("Licences granted, first quarter of 2026: 214",
                                    "Refused: 3, for missing documents", 0);
  g_autoptr(JsonNode) uploaded = upload (editor, id, "办理情况 2026 Q1.pdf", "application/pdf",
                                         clean, 201);
  g_autoptr(JsonNode) step = NULL;
  g_autoptr(JsonNode) listing = NULL;
  g_autofree char *file = g_strdup_printf ("/public/v1/disclosures/%s/attachments/1", id);
  g_autofree char *entry = g_strdup_printf ("/public/v1/disclosures/%s", id);
  g_autofree char *page = g_strdup_printf ("/public/disclosures/%s", id);
  g_autofree char *etag = NULL;
  g_auto(Fetched) before = { 0 };
  g_auto(Fetched) after = { 0 };
  g_auto(Fetched) again = { 0 };
  g_auto(Fetched) html = { 0 };
  JsonObject *attachment;
  guint status;

  attach (id, object_of (uploaded), &step);
  submit_and_approve_first (id);
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);

  /* approved, not published: nothing for the public */
  fetch (file, NULL, &before);
  g_assert_cmpuint (before.status, ==, 404);

  g_clear_pointer (&step, json_node_unref);
  applied (reviewer2, "publish-disclosure", id, NULL, &step);

  listing = civic_test_request (service, "GET", entry, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  attachment = json_array_get_object_element (json_object_get_array_member (object_of (listing),
                                                                            "attachments"), 0);
  g_assert_cmpstr (json_object_get_string_member (attachment, "name"), ==, "办理情况 2026 Q1.pdf");
  g_assert_cmpint (json_object_get_int_member (attachment, "n"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (attachment, "size"), ==, g_bytes_get_size (clean));
  g_assert_cmpstr (json_object_get_string_member (attachment, "url"), ==, file);

  fetch (file, NULL, &after);
  g_assert_cmpuint (after.status, ==, 200);
  g_assert_true (g_bytes_equal (after.body, clean));
  g_assert_cmpstr (after.content_type, ==, "application/pdf");
  g_assert_cmpstr (after.nosniff, ==, "nosniff");
  /* RFC 6266 with RFC 5987's UTF-8 name, and an ASCII one beside it */
  g_assert_cmpstr (after.disposition, ==,
                   "inline; filename=\"____ 2026 Q1.pdf\"; "
                   "filename*=UTF-8''%E5%8A%9E%E7%90%86%E6%83%85%E5%86%B5%202026%20Q1.pdf");
  etag = g_strdup_printf ("\"%s\"", json_object_get_string_member (attachment, "sha256"));
  g_assert_cmpstr (after.etag, ==, etag);
  fetch (file, etag, &again);
  g_assert_cmpuint (again.status, ==, 304);

  /* the page links it */
  fetch (page, NULL, &html);
  g_assert_cmpuint (html.status, ==, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (html.body, NULL), g_bytes_get_size (html.body),
                                  file));

  /* withdrawn: gone again */
  {
    g_auto(Fetched) gone = { 0 };

    g_clear_pointer (&step, json_node_unref);
    applied (head, "withdraw-disclosure", id,
             "{\"public_notice\": \"已被新版本取代\", \"reason\": \"数据更正\"}", &step);
    fetch (file, NULL, &gone);
    g_assert_cmpuint (gone.status, ==, 404);
    g_assert_cmpint (civic_test_count_rows (service, "SELECT count (*) FROM public_attachment_blob b WHERE NOT EXISTS "
                                 "(SELECT 1 FROM public_attachment a WHERE a.sha256 = b.sha256)"),
                     ==, 0);
  }
}

/* A scan has no text: unchecked, it holds the approval until a reviewer
 * acknowledges it with a reason, audited */
static void
test_scan_unchecked (void)
{
  g_autofree char *id = draft ("困难群众补助发放情况");
  g_autoptr(GBytes) png = png_of_a_scan ();
  g_autoptr(JsonNode) uploaded = upload (editor, id, "scan.png", "image/png", png, 201);
  g_autoptr(JsonNode) step = NULL;
  g_autofree char *ack = NULL;
  g_autofree char *audit = NULL;
  const char *key;
  JsonObject *data, *attachment, *finding;

  g_assert_false (json_object_get_boolean_member (object_of (uploaded), "checked"));
  data = attach (id, object_of (uploaded), &step);
  attachment = json_array_get_object_element (json_object_get_array_member (data, "attachments"),
                                              0);
  g_assert_false (json_object_get_boolean_member (attachment, "checked"));
  g_assert_cmpstr (json_object_get_string_member (attachment, "media_type"), ==, "image/png");
  finding = finding_of (attachment, 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "kind"), ==, "unchecked-attachment");
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "block");
  key = json_object_get_string_member (finding, "key");

  submit_and_approve_first (id);
  rejected (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", "rule",
            "Unchecked attachment (“scan.png”)");

  /* an editor cannot wave it through, a reviewer can, with a reason */
  ack = g_strdup_printf ("{\"key\": \"%s\", \"ground\": \"not-personal\","
                         " \"reason\": \"看过扫描件：只有统计表，无个人信息\"}", key);
  rejected (editor, "acknowledge-disclosure-finding", id, ack, "role", "is for these roles");
  g_clear_pointer (&step, json_node_unref);
  applied (reviewer2, "acknowledge-disclosure-finding", id, ack, &step);
  audit = civic_test_audit_of (service, "acknowledge-finding", id);
  g_assert_nonnull (strstr (audit, "u-reviewer2 "));
  g_assert_nonnull (strstr (audit, "\"kind\":\"unchecked-attachment\""));
  g_assert_nonnull (strstr (audit, "无个人信息"));

  g_clear_pointer (&step, json_node_unref);
  data = applied (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", &step);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "approved");

  /* the upload is audited by hash, not by name */
  g_free (audit);
  audit = civic_test_audit_of (service, "upload-disclosure-file", id);
  g_assert_nonnull (strstr (audit, "u-editor "));
  g_assert_nonnull (strstr (audit, "\"media_type\":\"image/png\""));
  g_assert_null (strstr (audit, "scan.png"));
}

/* A raw connection that has sent @head_text; the answer, if @answer */
static GSocketConnection *
send_head (const char  *head_text,
           char       **answer)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;
  GSocket *socket;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", service->port, NULL, &error);
  g_assert_no_error (error);
  socket = g_socket_connection_get_socket (connection);
  g_socket_set_timeout (socket, 20);
  g_assert_cmpint (g_socket_send (socket, head_text, strlen (head_text), NULL, NULL), >, 0);
  if (answer != NULL)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      char buffer[4096];
      gssize n;

      while ((n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL)) > 0)
        g_string_append_len (out, buffer, n);
      *answer = g_string_free (g_steal_pointer (&out), FALSE);
    }
  return connection;
}

static char *
upload_head (const char *id,
             const char *token,
             gsize       length)
{
  g_autofree char *authorization = token != NULL ? g_strdup_printf ("Authorization: Bearer %s\r\n",
                                                                     token)
                                                 : g_strdup ("");

  return g_strdup_printf ("POST /api/v1/disclosures/%s/attachments?name=big.pdf HTTP/1.1\r\n"
                          "Host: x\r\n%sContent-Type: application/pdf\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n%%PDF-1.7\n", id,
                          authorization, length);
}

/* An upload sent whole on a connection of its own, whatever the service
 * answers early; its answer */
static char *
raw_upload (const char *id,
            const char *token,
            const char *data,
            gsize       length)
{
  g_autofree char *head_text = g_strdup_printf (
    "POST /api/v1/disclosures/%s/attachments?name=rows.csv HTTP/1.1\r\nHost: x\r\n"
    "Authorization: Bearer %s\r\nContent-Type: text/csv\r\nConnection: close\r\n"
    "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", id, token, length);
  g_autoptr(GSocketConnection) connection = send_head (head_text, NULL);
  GSocket *socket = g_socket_connection_get_socket (connection);
  g_autoptr(GString) out = g_string_new (NULL);
  char buffer[4096];
  gsize sent = 0;
  gssize n;

  while (sent < length && (n = g_socket_send (socket, data + sent, length - sent, NULL,
                                              NULL)) > 0)
    sent += n;
  while ((n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (out, buffer, n);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Bodies of uploads are held whole until answered: without a token only
 * the usual 1 MiB, and no more than three of the largest at once */
static void
test_uploads_held (void)
{
  g_autofree char *id = draft ("上传并发");
  g_autofree char *anonymous = upload_head (id, NULL, 5 * 1024 * 1024);
  g_autofree char *announced = upload_head (id, editor, 20 * 1024 * 1024);
  g_autofree char *answer = NULL;
  g_autofree char *busy = NULL;
  GSocketConnection *held[3];
  g_autoptr(GSocketConnection) refused = NULL;
  g_autoptr(GSocketConnection) fourth = NULL;
  g_autoptr(JsonNode) later = NULL;
  g_autofree char *rows = g_strnfill (5 * 1024 * 1024, 'a');
  g_autoptr(GBytes) small = g_bytes_new_static ("见附件。\n", strlen ("见附件。\n"));

  refused = send_head (anonymous, &answer);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 413 "));
  g_assert_nonnull (strstr (answer, "larger than 1 MiB"));
  g_clear_pointer (&answer, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (held); i++)
    held[i] = send_head (announced, NULL);
  /* their heads read before the fourth's, on connections of their own */
  g_usleep (300 * 1000);
  fourth = send_head (announced, &busy);
  g_assert_true (g_str_has_prefix (busy, "HTTP/1.1 503 "));
  g_assert_nonnull (strstr (busy, "Other files are being received"));

  /* a small body is no upload's share; 5 MiB more is */
  later = upload (editor, id, "说明.txt", "text/plain", small, 201);
  answer = raw_upload (id, editor, rows, strlen (rows));
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 503 "));

  /* the three hang up; their share is given back */
  for (guint i = 0; i < G_N_ELEMENTS (held); i++)
    g_object_unref (held[i]);
  for (guint i = 0; i < 50; i++)
    {
      g_clear_pointer (&answer, g_free);
      answer = raw_upload (id, editor, rows, strlen (rows));
      if (!g_str_has_prefix (answer, "HTTP/1.1 503 "))
        break;
      g_usleep (100 * 1000);
    }
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 201 "));
}

/* 20 MiB and a byte: refused after the head, with a clear message,
 * and nothing kept */
static void
test_too_large (void)
{
  g_autofree char *id = draft ("超大附件");
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) answer = g_string_new (NULL);
  g_autofree char *head_text = NULL;
  gint64 blobs = civic_test_count_rows (service, "SELECT count (*) FROM attachment_blob");
  gint64 uploads = civic_test_count_rows (service, "SELECT count (*) FROM disclosure_upload");
  GSocket *socket;
  char buffer[4096];
  gssize n;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", service->port, NULL, &error);
  g_assert_no_error (error);
  socket = g_socket_connection_get_socket (connection);
  g_socket_set_timeout (socket, 20);
  head_text = g_strdup_printf ("POST /api/v1/disclosures/%s/attachments?name=big.pdf HTTP/1.1\r\n"
                               "Host: x\r\nAuthorization: Bearer %s\r\n"
                               "Content-Type: application/pdf\r\n"
                               "Content-Length: %d\r\n\r\n%%PDF-1.7\n", id, editor,
                               20 * 1024 * 1024 + 1);
  g_assert_cmpint (g_socket_send (socket, head_text, strlen (head_text), NULL, NULL), >, 0);
  while ((n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (answer, buffer, n);
  g_assert_true (g_str_has_prefix (answer->str, "HTTP/1.1 413 "));
  g_assert_nonnull (strstr (answer->str, "larger than 20 MiB; nothing was stored"));
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count (*) FROM attachment_blob"), ==, blobs);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count (*) FROM disclosure_upload"), ==, uploads);

  /* 1 MiB is no limit for a file */
  {
    g_autofree char *filler = g_malloc0 (2 * 1024 * 1024);
    g_autoptr(GBytes) csv = NULL;
    g_autoptr(JsonNode) stored = NULL;

    memset (filler, 'a', 2 * 1024 * 1024 - 1);
    filler[0] = '#';
    csv = g_bytes_new (filler, 2 * 1024 * 1024 - 1);
    stored = upload (editor, id, "附表.csv", "text/csv", csv, 201);
    g_assert_true (json_object_get_boolean_member (object_of (stored), "checked"));
  }
}

/* Only the organ's disclosure staff upload, to a draft of theirs; types
 * a browser would run are not taken */
static void
test_who_uploads (void)
{
  g_autofree char *id = draft ("许可证注销公告");
  g_autoptr(GBytes) text = g_bytes_new_static ("注销名单见正文。\n", strlen ("注销名单见正文。\n"));
  g_autoptr(JsonNode) taken = NULL;

  refused_upload (examiner, id, "a.txt", "text/plain", text, 403, "forbidden");
  refused_upload (supervisor, id, "a.txt", "text/plain", text, 403, "forbidden");
  refused_upload (other_editor, id, "a.txt", "text/plain", text, 404, "not-found");
  refused_upload (editor, id, "a.html", "text/html", text, 415, "media-type");
  refused_upload (editor, id, "../a.txt", "text/plain", text, 400, "bad-request");
  refused_upload (NULL, id, "a.txt", "text/plain", text, 401, NULL);
  taken = upload (editor, id, "a.txt", "text/plain", text, 201);
  g_assert_true (json_object_get_boolean_member (object_of (taken), "checked"));

  /* another organ's editor cannot attach it either, nor anyone a file
   * not uploaded to this disclosure */
  rejected (other_editor, "attach-disclosure-file", id,
            "{\"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\","
            " \"name\": \"x.txt\"}", "not-found", "no such disclosure");
  rejected (editor, "attach-disclosure-file", id,
            "{\"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\","
            " \"name\": \"x.txt\"}", "rule", "upload it first");
  rejected (reviewer, "attach-disclosure-file", id,
            "{\"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\","
            " \"name\": \"x.txt\"}", "role", "is for these roles");

  /* not a draft any more: no upload */
  submit_and_approve_first (id);
  refused_upload (editor, id, "b.txt", "text/plain", text, 409, "state");
}

/* A reader stopped by its memory limit leaves the file unchecked, and
 * the service answers on */
static void
test_reader_stopped (void)
{
#ifdef CIVIC_ASAN
  g_test_skip ("AddressSanitizer needs the address space the limit takes away");
#else
  g_autofree char *id = draft ("大体积附件");
  g_autoptr(GBytes) big = pdf_of ("A report", "with a large appendix", 3 * 1024 * 1024);
  g_autoptr(JsonNode) uploaded = NULL;
  g_autoptr(JsonNode) step = NULL;
  g_autoptr(JsonNode) health = NULL;
  JsonObject *data, *attachment;
  guint status;

  civic_test_service_stop (service);
  g_setenv ("CIVICDESK_EXTRACT_LIMITS", "10:16", TRUE);
  civic_test_service_start (service);
  /* the session's connection to the stopped service is dropped by a GET,
   * which libsoup may send again; an upload it would not */
  g_clear_pointer (&health, json_node_unref);
  health = civic_test_request (service, "GET", "/api/v1/health", NULL, NULL, &status);

  uploaded = upload (editor, id, "appendix.pdf", "application/pdf", big, 201);
  g_test_message ("%s", json_object_get_string_member_with_default (object_of (uploaded), "reason",
                                                                    ""));
  g_assert_false (json_object_get_boolean_member (object_of (uploaded), "checked"));
  g_assert_nonnull (strstr (json_object_get_string_member (object_of (uploaded), "reason"),
                            "text reader"));
  g_clear_pointer (&health, json_node_unref);
  health = civic_test_request (service, "GET", "/api/v1/health", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  data = attach (id, object_of (uploaded), &step);
  attachment = json_array_get_object_element (json_object_get_array_member (data, "attachments"),
                                              0);
  g_assert_cmpstr (json_object_get_string_member (finding_of (attachment, 0), "kind"), ==,
                   "unchecked-attachment");

  civic_test_service_stop (service);
  g_unsetenv ("CIVICDESK_EXTRACT_LIMITS");
  civic_test_service_start (service);
  g_clear_pointer (&health, json_node_unref);
  health = civic_test_request (service, "GET", "/api/v1/health", NULL, NULL, &status);
#endif
}

/* The same command sent again is answered from the ledger; the same file
 * attached by another command is refused */
static void
test_attach_idempotent (void)
{
  g_autofree char *id = draft ("行政处罚决定书");
  g_autoptr(GBytes) text = g_bytes_new_static ("处罚决定：警告。\n", strlen ("处罚决定：警告。\n"));
  g_autoptr(JsonNode) uploaded = upload (editor, id, "决定书.md", "Text/Markdown", text, 201);
  g_autoptr(JsonNode) again_upload = upload (editor, id, "决定书.md", "text/markdown", text, 201);
  g_autofree char *command = civic_test_uuid ();
  g_autofree char *args = g_strdup_printf ("{\"sha256\": \"%s\", \"name\": \"决定书.md\"}",
                                           json_object_get_string_member (object_of (uploaded),
                                                                          "sha256"));
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *again_text = NULL;
  JsonObject *data;

  /* stored once, whoever uploads it how often */
  g_assert_cmpstr (json_object_get_string_member (object_of (again_upload), "sha256"), ==,
                   json_object_get_string_member (object_of (uploaded), "sha256"));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM attachment_blob WHERE id = '%s'",
                                            json_object_get_string_member (object_of (uploaded),
                                                                           "sha256"));

    g_assert_cmpint (civic_test_count_rows (service, sql), ==, 1);
  }

  data = applied_as (editor, command, "attach-disclosure-file", id, args, &first);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "attachments")), ==,
                    1);
  send (editor, command, "attach-disclosure-file", id, args, &again);
  first_text = json_to_string (first, FALSE);
  again_text = json_to_string (again, FALSE);
  g_assert_cmpstr (first_text, ==, again_text);
  rejected (editor, "attach-disclosure-file", id, args, "state", "attached already");
}

/* A file not yet published is sealed at rest, its text too; a key
 * rotation seals them again, the old key is retired, and the text still
 * holds the approval */
static void
test_sealed_and_rotated (void)
{
  g_autofree char *id = draft ("征收补偿安置名单");
  g_autoptr(GBytes) leaky = pdf_of ("Compensation, Lushan South Road",
                                    "Liu Jianhua, ID 430104196804220016", 0);
  g_autoptr(JsonNode) uploaded = upload (editor, id, "安置名单.pdf", "application/pdf", leaky, 201);
  g_autoptr(JsonNode) step = NULL;
  g_autoptr(JsonNode) health = NULL;
  g_autofree char *rotated = NULL;
  g_autofree char *retired = NULL;
  g_autofree char *listed = NULL;
  guint status;

  attach (id, object_of (uploaded), &step);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count (*) FROM attachment_text "
                               "WHERE sealed LIKE '%430104196804220016%' "
                               "   OR substr (sealed, 1, 3) != 'v1:'"), ==, 0);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count (*) FROM attachment_blob "
                               "WHERE substr (sealed, 1, 3) != 'v1:'"), ==, 0);

  civic_test_service_stop (service);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &rotated, "keys", "rotate", NULL), ==, 0);
  civic_test_service_start (service);
  health = civic_test_request (service, "GET", "/api/v1/health", NULL, NULL, &status);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &listed, "keys", "list", NULL), ==, 0);
  g_test_message ("%s", listed);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &retired, "keys", "retire", "1", NULL),
                   ==, 0);
  g_assert_cmpint (civic_test_count_rows (service, "SELECT count (*) FROM attachment_blob "
                               "WHERE substr (sealed, 1, 5) = 'v1:1:'"), ==, 0);

  submit_and_approve_first (id);
  rejected (reviewer2, "review-disclosure", id, "{\"decision\": \"approve\"}", "rule",
            "Resident ID number (“安置名单.pdf”, page 2)");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (10, 7);
  editor = civic_test_sign_in (service, "editor");
  reviewer = civic_test_sign_in (service, "reviewer");
  reviewer2 = civic_test_sign_in (service, "reviewer2");
  head = civic_test_sign_in (service, "head");
  other_editor = civic_test_sign_in (service, "zrzyt.editor");
  examiner = civic_test_sign_in (service, "examiner");
  supervisor = civic_test_sign_in (service, "supervisor");

  g_test_add_func ("/disclosure-attachments/pdf-page-two-blocks", test_pdf_page_two_blocks);
  g_test_add_func ("/disclosure-attachments/served-after-publishing", test_served_after_publishing);
  g_test_add_func ("/disclosure-attachments/scan-unchecked", test_scan_unchecked);
  g_test_add_func ("/disclosure-attachments/too-large", test_too_large);
  g_test_add_func ("/disclosure-attachments/uploads-held", test_uploads_held);
  g_test_add_func ("/disclosure-attachments/who-uploads", test_who_uploads);
  g_test_add_func ("/disclosure-attachments/reader-stopped", test_reader_stopped);
  g_test_add_func ("/disclosure-attachments/attach-idempotent", test_attach_idempotent);
  g_test_add_func ("/disclosure-attachments/sealed-and-rotated", test_sealed_and_rotated);

  status = g_test_run ();

  g_free (editor);
  g_free (reviewer);
  g_free (reviewer2);
  g_free (head);
  g_free (other_editor);
  g_free (examiner);
  g_free (supervisor);
  civic_test_service_free (service);
  return status;
}
