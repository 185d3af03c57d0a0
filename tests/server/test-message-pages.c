/* test-message-pages.c — writing to the hall and following a message, as HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page to write offers the kinds a citizen may send and every
 * department; a message sent from its form lands on the page with its
 * receipt, and that receipt finds its page, in the reader's language,
 * with the reply once it went out and never a note. A form sent with a
 * mistake comes back with the mistake said and what was written kept,
 * escaped. A form not sent as a form, and an unknown receipt, are
 * answered with a page saying so.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <libsoup/soup.h>

#include "civic-test-service.h"

static CivicTestService *service;
static char *handler;

static char *
page (const char *path,
      guint       expected)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *type = NULL;
  guint status;
  gsize size;
  const char *data;

  bytes = civic_test_fetch (service, path, NULL, &status, &type, NULL);
  g_assert_cmpuint (status, ==, expected);
  g_assert_true (g_str_has_prefix (type, "text/html"));
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

/* The receipt on the page a message sent lands on */
static char *
receipt_on (const char *html)
{
  const char *start = strstr (html, "<p class=\"receipt\">");

  g_assert_nonnull (start);
  start += strlen ("<p class=\"receipt\">");
  return g_strndup (start, 12);
}

static void
test_write_and_follow (void)
{
  g_autofree char *form = page ("/public/messages", 200);
  g_autofree char *sent = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *path = NULL;
  g_autofree char *status_page = NULL;
  g_autofree char *lookup = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autoptr(JsonNode) holder = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint status;

  g_assert_nonnull (strstr (form, "<form class=\"letter\" method=\"post\" "
                                  "action=\"/public/messages\" "
                                  "enctype=\"multipart/form-data\">"));
  /* Files come with it, the input labelled and its limits said */
  g_assert_nonnull (strstr (form, "<label for=\"files\">"));
  g_assert_nonnull (strstr (form, "name=\"files\" type=\"file\" multiple"));
  g_assert_nonnull (strstr (form, "<option value=\"complaint\">Complaint</option>"));
  g_assert_null (strstr (form, "value=\"idea\""));
  g_assert_nonnull (strstr (form, "<option value=\"scjg\">湖南省市场监督管理局</option>"));
  g_assert_nonnull (strstr (form, "<html lang=\"en\">"));

  sent = civic_test_post_form (service, "/public/messages", &status,
                               "kind", "consultation", "subject", "个体户注销要带什么",
                               "body", "请问个体工商户注销需要哪些材料？", "department", "scjg",
                               "name", "王芳", "email", "wangfang@example.com", NULL);
  /* Sent on to the message's page, which says to keep its receipt */
  g_assert_cmpuint (status, ==, 200);
  receipt = receipt_on (sent);
  g_assert_nonnull (strstr (sent, "Your Message Was Sent"));
  g_assert_nonnull (strstr (sent, "The department in charge answers by 2026-03-25."));

  path = g_strconcat ("/public/messages/", receipt, NULL);
  status_page = page (path, 200);
  g_assert_nonnull (strstr (status_page, "Received, waiting for its department"));
  g_assert_nonnull (strstr (status_page, "湖南省市场监督管理局"));
  g_assert_nonnull (strstr (status_page, "No reply yet."));
  g_assert_null (strstr (status_page, "王芳"));
  g_assert_null (strstr (status_page, "wangfang"));

  /* The department answers; a note stays inside */
  civic_test_pull_all (service, handler, 0, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "message/") &&
        g_strcmp0 (json_object_get_string_member_with_default (civic_test_object_of (value),
                                                               "receipt", NULL), receipt) == 0)
      id = g_strdup ((const char *) key + strlen ("message/"));
  g_assert_nonnull (id);
  civic_test_applied (service, handler, "sign-for-message", id, NULL, &holder);
  g_clear_pointer (&holder, json_node_unref);
  civic_test_applied (service, handler, "note-message", id, "{\"text\": \"NOTEMARK 内部\"}",
                      &holder);
  g_clear_pointer (&holder, json_node_unref);
  civic_test_applied (service, handler, "reply-message", id,
                      "{\"text\": \"王芳您好：注销需提交注销登记申请书和营业执照。\"}", &holder);

  /* Found by its receipt, as typed */
  {
    g_autofree char *lower = g_ascii_strdown (receipt, -1);
    g_autofree char *query = g_strconcat ("/public/messages?receipt=", lower, NULL);

    lookup = page (query, 200);
  }
  g_assert_nonnull (strstr (lookup, "Answered"));
  g_assert_nonnull (strstr (lookup, "注销需提交注销登记申请书和营业执照"));
  g_assert_null (strstr (lookup, "NOTEMARK"));
  g_assert_null (strstr (lookup, "王芳"));

  /* Answered: the citizen rates the answer, once; a bad rating says why */
  g_assert_nonnull (strstr (lookup, "How satisfied are you with the answer?"));
  {
    g_autofree char *rating_path = g_strconcat ("/public/messages/", receipt, "/rating", NULL);
    g_autofree char *refused = NULL;
    g_autofree char *thanks = NULL;
    g_autofree char *again = NULL;
    g_autofree char *after = NULL;
    g_autofree char *table = NULL;

    refused = civic_test_post_form (service, rating_path, &status, "rating", "2", NULL);
    g_assert_cmpuint (status, ==, 400);
    g_assert_nonnull (strstr (refused, "Your rating was not sent."));
    g_assert_nonnull (strstr (refused, "A bad rating says what was wrong"));
    g_assert_nonnull (strstr (refused, "value=\"2\" required checked"));
    thanks = civic_test_post_form (service, rating_path, &status, "rating", "2",
                                   "comment", "答复太简单，没说清楚要不要原件。", NULL);
    g_assert_cmpuint (status, ==, 200);
    g_assert_nonnull (strstr (thanks, "Thank You for Your Rating"));
    g_assert_nonnull (strstr (thanks, "You rated this answer. Thank you."));
    again = civic_test_post_form (service, rating_path, &status, "rating", "5", NULL);
    g_assert_cmpuint (status, ==, 409);
    g_assert_nonnull (strstr (again, "This matter has been rated already"));
    after = page (path, 200);
    g_assert_nonnull (strstr (after, "You rated this answer. Thank you."));
    g_assert_null (strstr (after, "答复太简单"));
    table = page ("/public/ratings", 200);
    g_assert_nonnull (strstr (table, "<th scope=\"row\">湖南省市场监督管理局</th>"
                                     "<td class=\"align-right\">1</td>"));
    g_assert_nonnull (strstr (table, "0 / 1"));
    g_assert_null (strstr (table, "答复太简单"));
  }

  /* In Chinese for a Chinese reader */
  {
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autofree char *uri = g_strconcat (service->base_url, path, NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *zh = NULL;
    g_autofree char *title = g_strconcat ("诉求 ", receipt, NULL);

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept-Language",
                                  "zh-CN,zh;q=0.9");
    bytes = soup_session_send_and_read (session, msg, NULL, NULL);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    zh = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_assert_nonnull (strstr (zh, "<html lang=\"zh-CN\">"));
    g_assert_nonnull (strstr (zh, title));
  }
}

static void
test_mistakes (void)
{
  g_autofree char *back = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *wrong = NULL;
  guint status;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (service->base_url, "/public/messages", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) json = g_bytes_new_static ("{\"kind\": \"complaint\"}", 21);

  /* A complaint without a way to reach its author: said, and kept */
  back = civic_test_post_form (service, "/public/messages", &status,
                               "kind", "complaint", "subject", "<b>餐馆</b> & 油烟",
                               "body", "巷口餐馆油烟扰民。", NULL);
  g_assert_cmpuint (status, ==, 400);
  g_assert_nonnull (strstr (back, "role=\"alert\""));
  g_assert_nonnull (strstr (back, "Your message was not sent."));
  g_assert_nonnull (strstr (back, "value=\"&lt;b&gt;餐馆&lt;/b&gt; &amp; 油烟\""));
  g_assert_nonnull (strstr (back, "巷口餐馆油烟扰民。</textarea>"));
  g_assert_nonnull (strstr (back, "<option value=\"complaint\" selected>"));
  g_assert_null (strstr (back, "<b>餐馆"));

  /* A control character in a field: refused before anything is read */
  {
    g_autoptr(SoupSession) raw = soup_session_new ();
    g_autoptr(SoupMessage) post = soup_message_new ("POST", uri);
    g_autoptr(GBytes) form = g_bytes_new_static ("kind=consultation&subject=a%01b&body=x", 38);
    g_autoptr(GBytes) answer = NULL;

    soup_message_set_request_body_from_bytes (post, "application/x-www-form-urlencoded", form);
    answer = soup_session_send_and_read (raw, post, NULL, NULL);
    g_assert_cmpuint (soup_message_get_status (post), ==, 400);
  }

  /* A report goes to the hall, whichever department was chosen */
  {
    g_autofree char *sent = civic_test_post_form (service, "/public/messages", &status,
                                                  "kind", "report", "subject", "窗口人员收红包",
                                                  "body", "某窗口人员收受办事群众红包。",
                                                  "department", "scjg", "anonymous", "yes",
                                                  NULL);

    g_assert_cmpuint (status, ==, 200);
    g_assert_nonnull (strstr (sent, "Your Message Was Sent"));
    g_assert_null (strstr (sent, "湖南省市场监督管理局"));
  }

  missing = page ("/public/messages/NOSUCHRECEIPT", 404);
  g_assert_nonnull (strstr (missing, "No message has this receipt."));

  /* Not a form: answered with a page, nothing sent */
  soup_message_set_request_body_from_bytes (msg, "application/json", json);
  bytes = soup_session_send_and_read (session, msg, NULL, NULL);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 400);
  wrong = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (wrong, "Send the form from the page that has it."));
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

  g_test_add_func ("/message-pages/write-and-follow", test_write_and_follow);
  g_test_add_func ("/message-pages/mistakes", test_mistakes);

  status = g_test_run ();

  g_free (handler);
  civic_test_service_free (service);
  return status;
}
