/* test-documents.c — documents issued, numbered, stored and checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against the real service with demo cases: a document's number is the
 * next of its department, kind and year, with no gap and no duplicate
 * when officials issue at once and commands are sent again; its PDF names
 * the applicant as the record does, in either language; a refused
 * document takes no number; the public check says who issued what and
 * when, and whether a copy is the one issued, and nothing else.
 */

#include "config.h"

#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "civic-test-service.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static CivicTestService *service;

/* Cases of the demo department, by what they call for */
static GPtrArray *accepted;   /* accepted, no acceptance notice yet */
static GPtrArray *granted;    /* approved or served */

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  return json_node_get_object (node);
}

static void
find_cases (void)
{
  g_autofree char *token = civic_test_sign_in (service, "clerk");
  g_autoptr(GPtrArray) cases = civic_test_pull_cases (service, token);

  accepted = g_ptr_array_new_with_free_func (g_free);
  granted = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < cases->len; i++)
    {
      JsonObject *kase = g_ptr_array_index (cases, i);
      const char *state = civic_test_case_says (kase, "state");

      if (g_strcmp0 (civic_test_case_says (kase, "department_id"), "scjg") != 0 ||
          json_object_get_boolean_member (json_object_get_object_member (kase, "summary"), "joint"))
        continue;
      if (civic_test_case_says (kase, "accepted_on") != NULL)
        g_ptr_array_add (accepted, g_strdup (json_object_get_string_member (kase, "id")));
      if (g_str_equal (state, "approved") || g_str_equal (state, "served"))
        g_ptr_array_add (granted, g_strdup (json_object_get_string_member (kase, "id")));
    }
  g_assert_cmpuint (accepted->len, >=, 16);
  g_assert_cmpuint (granted->len, >=, 2);
}

static char *
issue_body (const char *id,
            const char *target,
            const char *document,
            const char *language)
{
  return g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"issue-document\","
                          "\"target\":\"%s\",\"args\":{\"document\":\"%s\",\"language\":\"%s\"}}]}",
                          id, target, document, language);
}

/* The one result of a command */
static JsonObject *
post_one (const char *token,
          const char *body,
          JsonNode  **holder)
{
  guint status;

  *holder = civic_test_request (service, "POST", "/api/v1/commands", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_array_get_object_element (json_object_get_array_member (object_of (*holder),
                                                                      "results"), 0);
}

/* The document the command @id issued, as its answer carries the case */
static JsonObject *
issued_document (JsonObject *result,
                 const char *id)
{
  JsonObject *entity = json_object_get_object_member (result, "entity");
  JsonObject *data = json_object_has_member (entity, "data")
                     ? json_object_get_object_member (entity, "data") : entity;
  JsonArray *documents = json_object_get_array_member (data, "documents");

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);

      if (g_str_equal (json_object_get_string_member (document, "id"), id))
        return document;
    }
  g_assert_not_reached ();
}

static const char *
reason_says (JsonObject *result,
             const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (result, "reason"), member);
}

static gint64
number_sequence (const char *number,
                 const char *prefix)
{
  const char *close = strstr (number, "〕");

  g_assert_true (g_str_has_prefix (number, prefix));
  g_assert_nonnull (close);
  g_assert_true (g_str_has_suffix (number, "号"));
  return g_ascii_strtoll (close + strlen ("〕"), NULL, 10);
}

static GBytes *
download (const char *token,
          const char *document_id,
          guint      *status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/documents/%s/pdf", document_id);
  g_autofree char *type = NULL;
  GBytes *pdf = civic_test_download (service, path, token, status, &type);

  if (*status == 200)
    g_assert_cmpstr (type, ==, "application/pdf");
  return pdf;
}

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
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat (width, >, 595.0);
      g_assert_cmpfloat (width, <, 595.6);
      g_assert_cmpfloat (height, >, 841.6);
      g_assert_cmpfloat (height, <, 842.2);
      g_string_append (text, words);
    }
  /* Lines break anywhere in Chinese: compare without them */
  for (char *p = text->str; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  return g_string_free (text, FALSE);
}

static char *
revealed_name (const char *token,
               const char *case_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/reveal", case_id);
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (service, "POST", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (json_object_get_string_member (object_of (answer), "name"));
}

/* An acceptance notice from a real demo case, in Chinese: numbered, its
 * PDF the one its hash says, naming the applicant as the record does */
static void
test_issue_chinese (void)
{
  g_autofree char *token = civic_test_sign_in (service, "clerk");
  g_autofree char *id = civic_test_uuid ();
  const char *target = g_ptr_array_index (accepted, 0);
  g_autofree char *body = issue_body (id, target, "acceptance-notice", "zh");
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = revealed_name (token, target);
  JsonObject *result, *document;
  guint status;

  result = post_one (token, body, &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  document = issued_document (result, id);
  g_assert_cmpstr (json_object_get_string_member (document, "title"), ==, "受理通知书");
  g_assert_cmpint (number_sequence (json_object_get_string_member (document, "number"),
                                    "湘市监受〔2026〕"), ==, 1);
  g_assert_cmpuint (strlen (json_object_get_string_member (document, "code")), ==, 14);
  g_assert_cmpstr (json_object_get_string_member (document, "issued_on"), ==, "2026-03-20");

  pdf = download (token, id, &status);
  g_assert_cmpuint (status, ==, 200);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_assert_cmpstr (sha256, ==, json_object_get_string_member (document, "sha256"));
  g_assert_cmpint (g_bytes_get_size (pdf), ==, json_object_get_int_member (document, "size"));

  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "湖南省市场监督管理局"));
  g_assert_nonnull (strstr (text, json_object_get_string_member (document, "number")));
  g_assert_nonnull (strstr (text, json_object_get_string_member (document, "code")));
  g_assert_nonnull (strstr (text, "2026年3月20日"));
  /* The name in the clear, as on paper; the feed has it masked */
  g_assert_nonnull (strstr (text, name));
  g_assert_null (strstr (text, "*"));
  g_assert_null (strstr (text, "{{"));
}

static void
test_issue_english (void)
{
  g_autofree char *token = civic_test_sign_in (service, "clerk");
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *body = issue_body (id, g_ptr_array_index (accepted, 1), "acceptance-notice",
                                      "en");
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  JsonObject *result, *document;
  guint status;

  result = post_one (token, body, &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  document = issued_document (result, id);
  g_assert_cmpstr (json_object_get_string_member (document, "title"), ==, "Notice of Acceptance");
  /* The department's numbers are the same in either language */
  g_assert_cmpint (number_sequence (json_object_get_string_member (document, "number"),
                                    "湘市监受〔2026〕"), ==, 2);

  pdf = download (token, id, &status);
  g_assert_cmpuint (status, ==, 200);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Notice of Acceptance"));
  g_assert_nonnull (strstr (text, "20 March 2026"));
  g_assert_nonnull (strstr (text, "Verification code"));
}

typedef struct
{
  char        *token;
  char        *target;
  char        *id;
  char        *first;
  char        *second;
} Issuer;

static gpointer
issue_twice (gpointer data)
{
  Issuer *issuer = data;
  g_autofree char *body = issue_body (issuer->id, issuer->target, "acceptance-notice", "zh");
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  guint status;

  /* The answer is lost: the client sends the command again */
  first = civic_test_request (service, "POST", "/api/v1/commands", issuer->token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  second = civic_test_request (service, "POST", "/api/v1/commands", issuer->token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  issuer->first = json_to_string (first, FALSE);
  issuer->second = json_to_string (second, FALSE);
  return NULL;
}

/* Eight officials' clients issue at the same moment, each sending its
 * command twice: eight documents, numbered 3 to 10, none twice */
static void
test_numbering_concurrent (void)
{
  Issuer issuers[8];
  GThread *threads[8];
  g_autoptr(GHashTable) sequences = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 values[8];

  for (guint i = 0; i < G_N_ELEMENTS (issuers); i++)
    {
      issuers[i].token = civic_test_sign_in (service, "clerk");
      issuers[i].target = g_ptr_array_index (accepted, 2 + i);
      issuers[i].id = civic_test_uuid ();
      threads[i] = g_thread_new ("issuer", issue_twice, &issuers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (issuers); i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (issuers); i++)
    {
      g_autoptr(JsonNode) answer = json_from_string (issuers[i].first, NULL);
      JsonObject *result = json_array_get_object_element (
        json_object_get_array_member (object_of (answer), "results"), 0);

      /* A retry is the same answer: the same number */
      g_assert_cmpstr (issuers[i].first, ==, issuers[i].second);
      g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
      values[i] = number_sequence (json_object_get_string_member (
                                     issued_document (result, issuers[i].id), "number"),
                                   "湘市监受〔2026〕");
      g_assert_true (g_hash_table_add (sequences, &values[i]));
      g_free (issuers[i].token);
      g_free (issuers[i].id);
      g_free (issuers[i].first);
      g_free (issuers[i].second);
    }
  for (gint64 n = 3; n <= 10; n++)
    g_assert_true (g_hash_table_contains (sequences, &n));
}

/* A document the case does not call for, or that cannot be made, is
 * refused and takes no number: the next one follows without a gap */
static void
test_refused_takes_no_number (void)
{
  g_autofree char *clerk = civic_test_sign_in (service, "clerk");
  g_autofree char *approver = civic_test_sign_in (service, "approver");
  g_autofree char *output = NULL;
  g_autofree char *bad = g_build_filename (service->data_dir, "grant.json", NULL);
  g_autofree char *good = g_build_filename (service->data_dir, "grant-good.json", NULL);
  const char *target = g_ptr_array_index (granted, 0);
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) holder2 = NULL;
  g_autoptr(JsonNode) holder3 = NULL;
  g_autoptr(JsonNode) holder4 = NULL;
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *id2 = civic_test_uuid ();
  g_autofree char *id3 = civic_test_uuid ();
  g_autofree char *id4 = civic_test_uuid ();
  g_autofree char *body = NULL;
  JsonObject *result;

  /* Not this case's step */
  body = issue_body (id, target, "refusal-decision", "zh");
  result = post_one (approver, body, &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_cmpstr (reason_says (result, "code"), ==, "state");

  /* The department's own template asks for the decision's reasons, which
   * a grant need not give: refused, naming what is missing */
  g_assert_true (g_file_set_contents (bad,
    "{\"kind\": \"grant-decision\", \"language\": \"zh\", \"title\": \"准予行政许可决定书\","
    " \"mark\": \"许\", \"blocks\": [{\"text\": \"{{applicant.name}}：理由是{{decision.reason}}。\"}]}",
    -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "template", "import",
                                           "--department", "scjg", bad, NULL), ==, 0);
  g_clear_pointer (&body, g_free);
  body = issue_body (id2, target, "grant-decision", "zh");
  result = post_one (approver, body, &holder2);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_cmpstr (reason_says (result, "code"), ==, "document");
  g_assert_nonnull (strstr (reason_says (result, "message"), "decision.reason"));

  /* Mended, the first grant decision of the year is number 1 */
  g_assert_true (g_file_set_contents (good,
    "{\"kind\": \"grant-decision\", \"language\": \"zh\", \"title\": \"准予行政许可决定书\","
    " \"mark\": \"许\", \"blocks\": [{\"text\": \"{{applicant.name}}：准予{{item.name}}。"
    "{{decision.reason?}}\"}]}", -1, NULL));
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "template", "import",
                                           "--department", "scjg", good, NULL), ==, 0);
  g_clear_pointer (&body, g_free);
  body = issue_body (id3, target, "grant-decision", "zh");
  result = post_one (approver, body, &holder3);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  g_assert_cmpint (number_sequence (json_object_get_string_member (issued_document (result, id3),
                                                                   "number"),
                                    "湘市监许〔2026〕"), ==, 1);

  /* And the clerk's kinds went on from where they were */
  g_clear_pointer (&body, g_free);
  body = issue_body (id4, g_ptr_array_index (accepted, 10), "acceptance-notice", "zh");
  result = post_one (clerk, body, &holder4);
  g_assert_cmpint (number_sequence (json_object_get_string_member (issued_document (result, id4),
                                                                   "number"),
                                    "湘市监受〔2026〕"), ==, 11);
}

/* A template with a placeholder its kind does not have is refused at
 * import, and nothing of the file is kept */
static void
test_template_import_refused (void)
{
  g_autofree char *path = g_build_filename (service->data_dir, "bad.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *output = NULL;

  g_assert_cmpint (civic_test_service_cli (service, NULL, &before, "template", "list", NULL), ==,
                   0);
  g_assert_nonnull (strstr (before, "document/correction-notice/zh 1"));
  g_assert_nonnull (strstr (before, "document/service-proof/en 1"));

  g_assert_true (g_file_set_contents (path,
    "[{\"kind\": \"acceptance-notice\", \"language\": \"zh\", \"title\": \"受理通知书\","
    "  \"mark\": \"受\", \"blocks\": [{\"text\": \"{{applicant.name}}\"}]},"
    " {\"kind\": \"correction-notice\", \"language\": \"zh\", \"title\": \"补正\","
    "  \"mark\": \"补\", \"blocks\": [{\"text\": \"{{hearing.deadline}}\"}]}]", -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "template", "import", path,
                                           NULL), !=, 0);
  g_assert_nonnull (strstr (output, "hearing.deadline"));

  g_assert_cmpint (civic_test_service_cli (service, NULL, &after, "template", "list", NULL), ==,
                   0);
  g_assert_cmpstr (before, ==, after);
}

/* Anyone with the paper: issued, by whom, what, when, the hash — no
 * applicant, no case; a changed copy does not match */
static void
test_public_check (void)
{
  g_autofree char *token = civic_test_sign_in (service, "clerk");
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *body = issue_body (id, g_ptr_array_index (accepted, 11), "acceptance-notice",
                                      "zh");
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) check = NULL;
  g_autoptr(JsonNode) same = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) malformed = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree guint8 *copy = NULL;
  g_autofree char *path = NULL;
  g_autofree char *good_hash = NULL;
  g_autofree char *bad_hash = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GList) members = NULL;
  static const char * const allowed[] = {
    "code", "issued", "issuer", "kind", "kind_label", "number", "issued_on", "sha256", NULL
  };
  JsonObject *document, *answer;
  gsize size;
  guint status;

  document = issued_document (post_one (token, body, &holder), id);
  path = g_strdup_printf ("/public/v1/documents/%s", json_object_get_string_member (document, "code"));
  check = civic_test_request (service, "GET", path, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  answer = object_of (check);
  g_assert_true (json_object_get_boolean_member (answer, "issued"));
  g_assert_cmpstr (json_object_get_string_member (answer, "issuer"), ==, "湖南省市场监督管理局");
  g_assert_cmpstr (json_object_get_string_member (answer, "kind"), ==, "acceptance-notice");
  g_assert_cmpstr (json_object_get_string_member (answer, "issued_on"), ==, "2026-03-20");
  g_assert_cmpstr (json_object_get_string_member (answer, "sha256"), ==,
                   json_object_get_string_member (document, "sha256"));
  members = json_object_get_members (answer);
  for (GList *l = members; l != NULL; l = l->next)
    g_assert_true (g_strv_contains (allowed, l->data));
  text = json_to_string (check, FALSE);
  g_assert_null (strstr (text, (const char *) g_ptr_array_index (accepted, 11)));
  g_assert_null (strstr (text, "applicant"));

  /* The copy at hand, and one changed by a byte */
  pdf = download (token, id, &status);
  size = g_bytes_get_size (pdf);
  copy = g_memdup2 (g_bytes_get_data (pdf, NULL), size);
  good_hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, copy, size);
  copy[size / 2] ^= 0x01;
  bad_hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, copy, size);

  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/public/v1/documents/%s?sha256=%s",
                          json_object_get_string_member (document, "code"), good_hash);
  same = civic_test_request (service, "GET", path, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_object_get_boolean_member (object_of (same), "matches"));

  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/public/v1/documents/%s?sha256=%s",
                          json_object_get_string_member (document, "code"), bad_hash);
  changed = civic_test_request (service, "GET", path, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_false (json_object_get_boolean_member (object_of (changed), "matches"));

  /* Typed from paper: lower case, O for zero */
  {
    g_autofree char *typed = g_ascii_strdown (json_object_get_string_member (document, "code"), -1);
    g_autoptr(JsonNode) lower = NULL;

    g_strdelimit (typed, "0", 'o');
    g_clear_pointer (&path, g_free);
    path = g_strdup_printf ("/public/v1/documents/%s", typed);
    lower = civic_test_request (service, "GET", path, NULL, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (object_of (lower), "number"), ==,
                     json_object_get_string_member (document, "number"));
  }

  malformed = civic_test_request (service, "GET", "/public/v1/documents/nope", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 400);
  unknown = civic_test_request (service, "GET", "/public/v1/documents/0000-0000-0000", NULL, NULL,
                                &status);
  g_assert_cmpuint (status, ==, 404);
}

/* The PDF names the applicant: only those who may see their data in the
 * clear get it */
static void
test_download_scoped (void)
{
  g_autofree char *clerk = civic_test_sign_in (service, "clerk");
  g_autofree char *supervisor = civic_test_sign_in (service, "supervisor");
  g_autofree char *other = civic_test_sign_in (service, "gat.clerk");
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *body = issue_body (id, g_ptr_array_index (accepted, 12), "acceptance-notice",
                                      "zh");
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(GBytes) hidden = NULL;
  g_autoptr(GBytes) none = NULL;
  guint status;

  post_one (clerk, body, &holder);
  refused = download (supervisor, id, &status);
  g_assert_cmpuint (status, ==, 403);
  hidden = download (other, id, &status);
  g_assert_cmpuint (status, ==, 404);
  none = download (clerk, "no-such-document", &status);
  g_assert_cmpuint (status, ==, 404);
}

/* The applicant, by receipt: what was served electronically */
static void
test_applicant_downloads (void)
{
  g_autofree char *clerk = civic_test_sign_in (service, "clerk");
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *accept_id = civic_test_uuid ();
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *wrong = NULL;
  g_autoptr(JsonNode) application = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) holder2 = NULL;
  g_autoptr(JsonNode) status_answer = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  const char *receipt, *number;
  JsonArray *documents;
  JsonObject *listed;
  guint status;

  application = civic_test_request (service, "POST", "/public/v1/applications", NULL,
                                    "{\"item_code\": \"430000-SCJG-XK-0001\", \"channel\": \"online\","
                                    " \"materials\": [\"m1\", \"m2\", \"m3\", \"m4\", \"m5\", \"m6\", \"m7\", \"m8\"],"
                                    " \"applicant\": {\"kind\": \"person\", \"name\": \"李小明\","
                                    " \"id_number\": \"11010519491231002X\","
                                    " \"phone\": \"13812345678\", \"address\": \"湖南省长沙市岳麓区麓山路1号\"}}",
                                    &status);
  g_assert_cmpuint (status, ==, 201);
  receipt = json_object_get_string_member (object_of (application), "receipt");
  number = json_object_get_string_member (object_of (application), "number");

  cases = civic_test_pull_cases (service, clerk);
  for (guint i = 0; i < cases->len; i++)
    if (g_strcmp0 (json_object_get_string_member (g_ptr_array_index (cases, i), "number"),
                   number) == 0)
      case_id = g_strdup (json_object_get_string_member (g_ptr_array_index (cases, i), "id"));
  g_assert_nonnull (case_id);

  body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"accept\",\"target\":\"%s\","
                          "\"args\":{}}]}", accept_id, case_id);
  g_assert_cmpstr (json_object_get_string_member (post_one (clerk, body, &holder), "status"), ==,
                   "applied");
  g_clear_pointer (&body, g_free);
  body = issue_body (id, case_id, "acceptance-notice", "zh");
  g_assert_cmpstr (json_object_get_string_member (post_one (clerk, body, &holder2), "status"), ==,
                   "applied");

  path = g_strconcat ("/public/v1/applications/", receipt, NULL);
  status_answer = civic_test_request (service, "GET", path, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  documents = json_object_get_array_member (object_of (status_answer), "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 1);
  listed = json_array_get_object_element (documents, 0);
  g_assert_cmpstr (json_object_get_string_member (listed, "title"), ==, "受理通知书");

  pdf = civic_test_download (service, json_object_get_string_member (listed, "href"), NULL,
                             &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_assert_cmpstr (sha256, ==, json_object_get_string_member (listed, "sha256"));

  /* Another application's receipt does not open it */
  wrong = g_strdup_printf ("/public/v1/applications/ABCDEFGHJKMN/documents/%s",
                           json_object_get_string_member (listed, "code"));
  none = civic_test_download (service, wrong, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 404);
}

/* On every address, the service cannot tell where its documents are
 * checked: it wants --public-url */
static void
test_public_url_needed (void)
{
  g_autofree char *output = NULL;

  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "serve", "--listen",
                                           "0.0.0.0:0", NULL), !=, 0);
  g_assert_nonnull (strstr (output, "--public-url"));
}

/* A service made before documents had templates is given the bundled
 * ones when it starts; an administrator's are never replaced */
static void
test_templates_on_upgrade (void)
{
  g_autoptr(CivicTestService) old = civic_test_service_new_empty ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  civic_test_service_stop (old);
  g_ptr_array_unref (civic_test_sql (old->data_dir,
                                     "DELETE FROM entity WHERE type = 'document-template'", NULL));
  g_assert_cmpint (civic_test_service_cli (old, NULL, &before, "template", "list", NULL), ==, 0);
  g_assert_cmpstr (before, ==, "");

  civic_test_service_start (old);
  g_assert_cmpint (civic_test_service_cli (old, NULL, &after, "template", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (after, "document/acceptance-notice/zh 1"));
  g_assert_nonnull (strstr (after, "document/service-proof/en 1"));
}

/* Each issue is on the audit chain with its number and hash, and the
 * chain still verifies */
static void
test_audited (void)
{
  g_autofree char *output = NULL;

  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "audit", "verify", NULL), ==,
                   0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (400, 12);
  find_cases ();

  g_test_add_func ("/documents/issue-chinese", test_issue_chinese);
  g_test_add_func ("/documents/issue-english", test_issue_english);
  g_test_add_func ("/documents/numbering-concurrent", test_numbering_concurrent);
  g_test_add_func ("/documents/refused-takes-no-number", test_refused_takes_no_number);
  g_test_add_func ("/documents/template-import-refused", test_template_import_refused);
  g_test_add_func ("/documents/public-check", test_public_check);
  g_test_add_func ("/documents/download-scoped", test_download_scoped);
  g_test_add_func ("/documents/applicant-downloads", test_applicant_downloads);
  g_test_add_func ("/documents/public-url-needed", test_public_url_needed);
  g_test_add_func ("/documents/templates-on-upgrade", test_templates_on_upgrade);
  g_test_add_func ("/documents/audited", test_audited);

  status = g_test_run ();

  g_ptr_array_unref (accepted);
  g_ptr_array_unref (granted);
  civic_test_service_free (service);
  return status;
}
