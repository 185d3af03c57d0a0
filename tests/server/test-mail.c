/* test-mail.c — citizens' e-mail filed as messages, and replies mailed back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An mbox of two mails goes through `civicdesk-server mail import`: a
 * complaint to the market regulator's mailbox in GB18030 and base64, its
 * subject an encoded word labelled 【投诉】; and a letter to the hall's
 * mailbox in quoted-printable HTML only, with an attachment. Each is filed
 * once, however often the mbox is imported, with its kind, department,
 * text and sender as the mail had them (the sender masked for officials).
 * A mail with no sender is refused and says so. When the complaint's reply
 * goes out, `mail replies` writes it once as a mail answering the
 * citizen's.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include <poppler.h>

#include "civic-test-service.h"

/* Poppler 22 declares none of these */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static CivicTestService *service;
static char *handler, *reviewer, *dispatcher;
static char *folder;

#define object_of civic_test_object_of
#define applied(...) civic_test_applied (service, __VA_ARGS__)

static char *
base64_of (const char *text,
           const char *charset)
{
  gsize length = 0;
  g_autofree char *encoded = g_convert (text, -1, charset, "UTF-8", NULL, &length, NULL);

  g_assert_nonnull (encoded);
  return g_base64_encode ((const guchar *) encoded, length);
}

static char *
make_mbox (void)
{
  g_autofree char *subject = base64_of ("【投诉】窗口排队两小时", "GB18030");
  g_autofree char *body = base64_of ("市场监管局政务服务窗口上午只开一个，排队两个小时。\r\n"
                                     "希望增加窗口。\r\n", "GB18030");
  g_autofree char *name = base64_of ("王小红", "UTF-8");

  return g_strdup_printf (
    "From wang@example.com Fri Mar 20 09:00:00 2026\n"
    "From: =?UTF-8?B?%s?= <wang@example.com>\n"
    "To: scjg@12345.hunan.gov.cn\n"
    "Subject: =?GB18030?B?%s?=\n"
    "Date: Fri, 20 Mar 2026 09:00:00 +0800\n"
    "Message-ID: <complaint-1@example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=GB18030\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "%s\n"
    "\n"
    "From li@example.com Fri Mar 20 09:30:00 2026\n"
    "From: li@example.com\n"
    "To: hall@12345.hunan.gov.cn\n"
    "Subject: =?UTF-8?Q?=E4=B8=AA=E4=BD=93=E6=88=B7=E6=B3=A8=E9=94=80?=\n"
    "Date: Fri, 20 Mar 2026 09:30:00 +0800\n"
    "Message-ID: <question-2@example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"b1\"\n"
    "\n"
    "--b1\n"
    "Content-Type: text/html; charset=UTF-8\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "<html><head><style>p {color: red}</style></head><body><p>=E8=AF=B7=E9=97=AE=E6=B3=A8=\n"
    "=E9=94=80=E8=A6=81=E5=B8=A6=E4=BB=80=E4=B9=88=EF=BC=9F</p><p>A &amp; B</p></body></html>\n"
    "--b1\n"
    "Content-Type: application/pdf; name=\"licence.pdf\"\n"
    "Content-Disposition: attachment; filename=\"licence.pdf\"\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "JVBERi0xLjQK\n"
    "--b1\n"
    "Content-Type: application/x-msdownload; name=\"setup.exe\"\n"
    "Content-Disposition: attachment; filename=\"setup.exe\"\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "TVqQAAMAAAAEAAAA\n"
    "--b1--\n", name, subject, body);
}

/* A PDF's words, without the spaces and line ends its layout put in */
static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *words = poppler_page_get_text (page);

      for (const char *p = words; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

#define cli(input, output, ...) civic_test_service_cli (service, input, output, __VA_ARGS__)

static JsonObject *
message_by_subject (GHashTable *entities,
                    const char *subject,
                    char      **id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "message/") &&
        g_strcmp0 (json_object_get_string_member_with_default (object_of (value), "subject",
                                                               NULL), subject) == 0)
      {
        if (id != NULL)
          *id = g_strdup ((const char *) key + strlen ("message/"));
        return object_of (value);
      }
  return NULL;
}

static void
test_import_once (void)
{
  g_autofree char *mbox = make_mbox ();
  g_autofree char *path = g_build_filename (folder, "inbox.mbox", NULL);
  g_autofree char *output = NULL;
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  JsonObject *complaint, *question, *citizen;
  const char *body;

  g_assert_true (g_file_set_contents (path, mbox, -1, NULL));
  g_assert_cmpint (cli (NULL, &output, "mail", "import", path, NULL), ==, 0);
  g_assert_nonnull (strstr (output, "Filed 2 new; 0 filed before; 0 refused."));
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (cli (NULL, &output, "mail", "import", path, NULL), ==, 0);
  g_assert_nonnull (strstr (output, "Filed 0 new; 2 filed before; 0 refused."));

  civic_test_pull_all (service, dispatcher, 0, entities);
  complaint = message_by_subject (entities, "窗口排队两小时", NULL);
  g_assert_nonnull (complaint);
  g_assert_cmpstr (json_object_get_string_member (complaint, "kind"), ==, "complaint");
  g_assert_cmpstr (json_object_get_string_member (complaint, "channel"), ==, "email");
  g_assert_cmpstr (json_object_get_string_member (complaint, "department_id"), ==, "scjg");
  g_assert_cmpstr (json_object_get_string_member (complaint, "received_on"), ==, "2026-03-20");
  g_assert_cmpstr (json_object_get_string_member (complaint, "body"), ==,
                   "市场监管局政务服务窗口上午只开一个，排队两个小时。\n希望增加窗口。");
  citizen = json_object_get_object_member (complaint, "citizen");
  g_assert_cmpstr (json_object_get_string_member (citizen, "name"), ==, "王**");
  g_assert_cmpstr (json_object_get_string_member (citizen, "email"), !=, "wang@example.com");

  question = message_by_subject (entities, "个体户注销", NULL);
  g_assert_nonnull (question);
  g_assert_cmpstr (json_object_get_string_member (question, "kind"), ==, "consultation");
  g_assert_true (json_object_get_null_member (question, "department_id"));
  body = json_object_get_string_member (question, "body");
  g_assert_nonnull (strstr (body, "请问注销要带什么？\nA & B"));
  g_assert_null (strstr (body, "color"));
  /* The PDF is the message's file, decoded; the program is not taken,
   * and the text says so */
  g_assert_null (strstr (body, "licence.pdf"));
  g_assert_nonnull (strstr (body, "setup.exe"));
  {
    JsonArray *files = json_object_get_array_member (question, "attachments");
    JsonObject *file;
    g_autofree char *path_of_file = NULL;
    g_autofree char *content_type = NULL;
    g_autoptr(GBytes) content = NULL;
    guint status;

    g_assert_cmpuint (json_array_get_length (files), ==, 1);
    file = json_array_get_object_element (files, 0);
    g_assert_cmpstr (json_object_get_string_member (file, "name"), ==, "licence.pdf");
    g_assert_cmpstr (json_object_get_string_member (file, "media_type"), ==, "application/pdf");
    g_assert_cmpint (json_object_get_int_member (file, "size"), ==, 9);
    g_assert_true (json_object_get_null_member (file, "added_by_id"));
    path_of_file = g_strdup_printf ("/api/v1/messages/%s/attachments/%s",
                                    json_object_get_string_member (question, "id"),
                                    json_object_get_string_member (file, "sha256"));
    content = civic_test_download (service, path_of_file, dispatcher, &status, &content_type);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (content_type, ==, "application/pdf");
    g_assert_cmpmem (g_bytes_get_data (content, NULL), g_bytes_get_size (content), "%PDF-1.4\n", 9);
  }
}

static void
test_refused (void)
{
  g_autofree char *output = NULL;

  /* No sender to answer: refused, and the exit status says so */
  g_assert_cmpint (cli ("To: scjg@12345.hunan.gov.cn\nSubject: hello\nMessage-ID: <x@y>\n\nhi\n",
                        &output, "mail", "import", "-", NULL), ==, 1);
  g_assert_nonnull (strstr (output, "Filed 0 new; 0 filed before; 1 refused."));
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (cli ("", &output, "mail", "import", "-", NULL), !=, 0);
}

static void
test_replies_mailed (void)
{
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autofree char *id = NULL;
  g_autofree char *outbox = g_build_filename (folder, "outbox", NULL);
  g_autofree char *output = NULL;
  g_autofree char *mail = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint files = 0;

  civic_test_pull_all (service, handler, 0, entities);
  g_assert_nonnull (message_by_subject (entities, "窗口排队两小时", &id));
  applied (handler, "sign-for-message", id, NULL, &holder);
  g_clear_pointer (&holder, json_node_unref);
  applied (handler, "reply-message", id,
           "{\"text\": \"您好：我局已增开两个窗口，感谢您的监督。\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);

  /* Not sent yet: nothing to mail */
  g_assert_cmpint (cli (NULL, &output, "mail", "replies", "--outbox", outbox,
                        "--from", "湖南省12345 <reply@12345.hunan.gov.cn>", NULL), ==, 0);
  g_assert_nonnull (strstr (output, "Wrote 0 replies"));
  applied (reviewer, "review-message-reply", id, "{\"decision\": \"approve\"}", &holder);

  g_clear_pointer (&output, g_free);
  g_assert_cmpint (cli (NULL, &output, "mail", "replies", "--outbox", outbox,
                        "--from", "湖南省12345 <reply@12345.hunan.gov.cn>", NULL), ==, 0);
  g_assert_nonnull (strstr (output, "Wrote 1 reply"));
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (cli (NULL, &output, "mail", "replies", "--outbox", outbox,
                        "--from", "湖南省12345 <reply@12345.hunan.gov.cn>", NULL), ==, 0);
  g_assert_nonnull (strstr (output, "Wrote 0 replies"));

  dir = g_dir_open (outbox, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (outbox, name, NULL);

      g_assert_true (g_str_has_suffix (name, "-1.eml"));
      g_assert_true (g_file_get_contents (path, &mail, NULL, NULL));
      files++;
    }
  g_assert_cmpuint (files, ==, 1);
  g_assert_nonnull (strstr (mail, "In-Reply-To: <complaint-1@example.com>"));
  g_assert_nonnull (strstr (mail, "wang@example.com"));
  g_assert_nonnull (strstr (mail, "reply@12345.hunan.gov.cn"));
  g_assert_nonnull (strstr (mail, "charset=utf-8") != NULL ? strstr (mail, "charset=utf-8")
                                                           : strstr (mail, "charset=UTF-8"));

  /* It came by mail: the reply went out as a written reply too, numbered,
   * which the mail carries as a PDF */
  {
    g_autoptr(GHashTable) again = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) json_node_unref);
    JsonObject *complaint, *document;
    JsonArray *documents;
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;
    g_autofree char *type = NULL;
    g_autoptr(GBytes) pdf = NULL;
    g_autofree char *other = civic_test_sign_in (service, "zrzyt.handler");
    guint status;

    civic_test_pull_all (service, handler, 0, again);
    complaint = message_by_subject (again, "窗口排队两小时", NULL);
    documents = json_object_get_array_member (complaint, "documents");
    g_assert_cmpuint (json_array_get_length (documents), ==, 1);
    document = json_array_get_object_element (documents, 0);
    g_assert_cmpstr (json_object_get_string_member (document, "kind"), ==, "message-reply");
    g_assert_cmpint (json_object_get_int_member (document, "round"), ==, 1);
    g_assert_nonnull (strstr (json_object_get_string_member (document, "number"),
                              "信复〔2026〕1号"));
    g_assert_nonnull (strstr (mail, "Content-Type: application/pdf"));
    g_assert_nonnull (strstr (mail, "Content-Disposition: attachment"));

    path = g_strdup_printf ("/api/v1/documents/%s/pdf",
                            json_object_get_string_member (document, "id"));
    pdf = civic_test_download (service, path, other, &status, NULL);
    g_assert_cmpuint (status, ==, 404);
    g_clear_pointer (&pdf, g_bytes_unref);
    pdf = civic_test_download (service, path, handler, &status, &type);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (type, ==, "application/pdf");
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "答复意见书"));
    g_assert_nonnull (strstr (text, "王小红："));
    g_assert_nonnull (strstr (text, "我局已增开两个窗口"));
    /* A complaint's written reply says where its handling is reviewed */
    g_assert_nonnull (strstr (text, "复查"));
  }
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
  reviewer = civic_test_sign_in (service, "reply-reviewer");
  dispatcher = civic_test_sign_in (service, "dispatcher");
  folder = g_dir_make_tmp ("civicdesk-mail-XXXXXX", NULL);

  g_test_add_func ("/mail/import-once", test_import_once);
  g_test_add_func ("/mail/refused", test_refused);
  g_test_add_func ("/mail/replies-mailed", test_replies_mailed);

  status = g_test_run ();

  civic_test_remove_tree (folder);
  g_free (folder);
  g_free (handler);
  g_free (reviewer);
  g_free (dispatcher);
  civic_test_service_free (service);
  return status;
}
