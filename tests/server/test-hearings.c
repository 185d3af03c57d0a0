/* test-hearings.c — hearings through the real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case's request for a hearing makes the hearing, once, in the case's
 * transaction; the hearing is its department's and nobody else's, its
 * parties masked in the feed; the service refuses a time whose room or
 * host another hearing has, naming it; a hearing held, its record signed
 * and closed gives its case the clocks back and the decision cites it; a
 * withdrawn request does too, without a record.
 */

#include "config.h"

#include <libical/ical.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "civic-test-service.h"

static CivicTestService *service;

typedef struct
{
  char *case_id;
  char *number;
  char *hearing_id;
} Heard;

static Heard first, second, third, fourth;

static void
heard_clear (Heard *heard)
{
  g_free (heard->case_id);
  g_free (heard->number);
  g_free (heard->hearing_id);
}

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

/* Sends one command; the answer's result */
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

/* The command is applied; the record after it */
static JsonObject *
applied (const char  *token,
         const char  *type,
         const char  *target,
         const char  *args,
         JsonNode   **holder)
{
  g_autofree char *id = civic_test_uuid ();
  JsonObject *result = send (token, id, type, target, args, holder);

  if (!g_str_equal (json_object_get_string_member (result, "status"), "applied"))
    g_error ("%s was refused: %s", type, reason_says (result, "message"));
  return json_object_get_object_member (json_object_get_object_member (result, "entity"), "data");
}

/* The command is refused with @code, saying @fragment */
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
  g_assert_cmpstr (reason_says (result, "code"), ==, code);
  if (strstr (reason_says (result, "message"), fragment) == NULL)
    g_error ("“%s” does not say “%s”", reason_says (result, "message"), fragment);
}

/* Everything @username's feed has, by "type/id" */
static GHashTable *
feed_of (const char *username)
{
  g_autofree char *token = civic_test_sign_in (service, username);
  GHashTable *entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) json_node_unref);

  civic_test_pull_all (service, token, 0, entities);
  return entities;
}

static JsonObject *
case_in (GHashTable *feed,
         const char *id)
{
  g_autofree char *key = g_strconcat ("case/", id, NULL);
  JsonNode *node = g_hash_table_lookup (feed, key);

  g_assert_nonnull (node);
  return json_node_get_object (node);
}

static JsonObject *
hearing_in (GHashTable *feed,
            const char *id)
{
  g_autofree char *key = g_strconcat ("hearing/", id, NULL);
  JsonNode *node = g_hash_table_lookup (feed, key);

  return node ? json_node_get_object (node) : NULL;
}

/* A new application, accepted and examined; its parties told of their
 * right; 李娜 asks for a hearing, by a command whose id @heard keeps */
static void
ask_for_hearing (Heard      *heard,
                 const char *applicant)
{
  g_autofree char *clerk = civic_test_sign_in (service, "clerk");
  g_autofree char *examiner = civic_test_sign_in (service, "examiner");
  g_autofree char *body = NULL;
  g_autofree char *args = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  JsonObject *result, *kase;
  guint status;

  body = g_strdup_printf ("{\"item_code\": \"430000-SCJG-XK-0001\", "
                          "\"materials\": [\"m1\",\"m2\",\"m3\",\"m4\",\"m5\",\"m6\",\"m7\",\"m8\"],"
                          " \"applicant\": {\"kind\": \"person\", \"name\": \"%s\","
                          " \"id_number\": \"11010519491231002X\", \"phone\": \"13812345678\","
                          " \"address\": \"湖南省长沙市岳麓区麓山南路1号\"}}", applicant);
  answer = civic_test_request (service, "POST", "/public/v1/applications", NULL, body, &status);
  g_assert_cmpuint (status, ==, 201);
  heard->number = g_strdup (json_object_get_string_member (object_of (answer), "number"));

  cases = civic_test_pull_cases (service, clerk);
  for (guint i = 0; i < cases->len; i++)
    if (g_strcmp0 (civic_test_case_says (g_ptr_array_index (cases, i), "number"),
                   heard->number) == 0)
      heard->case_id = g_strdup (json_object_get_string_member (g_ptr_array_index (cases, i), "id"));
  g_assert_nonnull (heard->case_id);

  g_clear_pointer (&holder, json_node_unref);
  applied (clerk, "accept", heard->case_id, NULL, &holder);
  g_clear_pointer (&holder, json_node_unref);
  applied (examiner, "claim", heard->case_id, NULL, &holder);
  g_clear_pointer (&holder, json_node_unref);
  args = g_strdup_printf ("{\"parties\": [\"%s\", \"李娜\"]}", applicant);
  applied (examiner, "inform-hearing-right", heard->case_id, args, &holder);

  heard->hearing_id = civic_test_uuid ();
  g_clear_pointer (&holder, json_node_unref);
  result = send (examiner, heard->hearing_id, "request-hearing", heard->case_id,
                 "{\"requested_by\": \"李娜\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  kase = json_object_get_object_member (json_object_get_object_member (result, "entity"), "data");
  g_assert_cmpstr (json_object_get_string_member (kase, "state"), ==, "hearing");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (kase, "hearing"),
                                                  "hearing_id"), ==, heard->hearing_id);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* The words of a PDF, without the line breaks Chinese lines break at */
static char *
pdf_words (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *words = poppler_page_get_text (page);

      g_string_append (text, words);
    }
  for (char *p = text->str; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  {
    /* Nor the spaces those became */
    g_autoptr(GRegex) spaces = g_regex_new (" ", 0, 0, NULL);
    g_autofree char *lines = g_string_free (text, FALSE);

    return g_regex_replace_literal (spaces, lines, -1, 0, "", 0, NULL);
  }
}

static const char *
participant_with_role (JsonObject *hearing,
                       const char *role)
{
  JsonArray *participants = json_object_get_array_member (hearing, "participants");

  for (guint i = 0; i < json_array_get_length (participants); i++)
    {
      JsonObject *participant = json_array_get_object_element (participants, i);

      if (g_str_equal (json_object_get_string_member (participant, "role"), role))
        return json_object_get_string_member (participant, "id");
    }
  g_assert_not_reached ();
}

static void
test_born_of_request (void)
{
  g_autoptr(GHashTable) officer = NULL;
  g_autoptr(GHashTable) stranger = NULL;
  g_autofree char *examiner = civic_test_sign_in (service, "examiner");
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *hearing, *result;
  JsonArray *participants;
  guint n_hearings = 0;
  GHashTableIter iter;
  gpointer key;

  ask_for_hearing (&first, "欧阳明月");
  ask_for_hearing (&second, "上官清风");

  officer = feed_of ("officer");
  hearing = hearing_in (officer, first.hearing_id);
  g_assert_nonnull (hearing);
  g_assert_cmpstr (json_object_get_string_member (hearing, "state"), ==, "pending");
  g_assert_cmpstr (json_object_get_string_member (hearing, "kind"), ==, "on-request");
  g_assert_cmpstr (json_object_get_string_member (hearing, "department_id"), ==, "scjg");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (hearing, "cases"), 0), "number"), ==,
                   first.number);
  g_assert_cmpstr (json_object_get_string_member (hearing, "requested_on"), ==, "2026-03-20");

  /* The applicant and the party told of the right, masked as a case's
   * applicant is */
  participants = json_object_get_array_member (hearing, "participants");
  g_assert_cmpuint (json_array_get_length (participants), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (participants, 0),
                                                  "name"), ==, "欧**");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (participants, 1),
                                                  "role"), ==, "interested-party");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (participants, 0),
                                                  "contact"), !=, "13812345678");

  /* Another department is not told it is there */
  stranger = feed_of ("fgw.officer");
  g_assert_null (hearing_in (stranger, first.hearing_id));

  /* The same command again: its answer, and still one hearing */
  result = send (examiner, first.hearing_id, "request-hearing", first.case_id,
                 "{\"requested_by\": \"李娜\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  g_clear_pointer (&officer, g_hash_table_unref);
  officer = feed_of ("officer");
  g_hash_table_iter_init (&iter, officer);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n_hearings += g_str_has_prefix (key, "hearing/") &&
                  (g_str_has_suffix (key, first.hearing_id) || g_str_has_suffix (key, second.hearing_id));
  g_assert_cmpuint (n_hearings, ==, 2);
}

/* One hearing for two applications on the same matter: the second joins,
 * with its applicant and parties; its own hearing gives way, and it waits
 * for this one */
static void
test_join (void)
{
  g_autofree char *officer = civic_test_sign_in (service, "officer");
  g_autofree char *args = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GHashTable) feed = NULL;
  JsonObject *hearing, *own, *kase;

  ask_for_hearing (&third, "东方晓白");
  ask_for_hearing (&fourth, "南宫一鸣");

  rejected (officer, "join-hearing", third.hearing_id, "{\"case_number\": \"20990101-XX-000001\"}",
            "argument", "There is no case 20990101-XX-000001");
  args = g_strdup_printf ("{\"case_number\": \"%s\"}", fourth.number);
  hearing = applied (officer, "join-hearing", third.hearing_id, args, &holder);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hearing, "cases")), ==, 2);
  /* Both applicants, and 李娜 once: told of her right in both cases, she
   * is one person with one notice and one line to sign */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hearing, "participants")),
                    ==, 3);
  g_assert_cmpstr (participant_with_role (hearing, "interested-party"), !=, NULL);
  g_assert_false (json_object_has_member (hearing, "joining"));
  rejected (officer, "join-hearing", third.hearing_id, args, "state", "already hears case");

  /* A hearing that serves two cases is not cancelled under them */
  {
    Heard fifth = { 0 };
    g_autofree char *third_args = NULL;

    ask_for_hearing (&fifth, "西门吹雪");
    third_args = g_strdup_printf ("{\"case_number\": \"%s\"}", third.number);
    rejected (officer, "join-hearing", fifth.hearing_id, third_args, "state",
              "is heard together with other cases");
    heard_clear (&fifth);
  }

  feed = feed_of ("officer");
  own = hearing_in (feed, fourth.hearing_id);
  g_assert_cmpstr (json_object_get_string_member (own, "state"), ==, "cancelled");
  g_assert_nonnull (strstr (json_object_get_string_member (own, "cancel_reason"), third.number));
  kase = case_in (feed, fourth.case_id);
  g_assert_cmpstr (json_object_get_string_member (kase, "state"), ==, "hearing");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (kase, "hearing"),
                                                  "hearing_id"), ==, third.hearing_id);
}

static void
test_schedule_and_clash (void)
{
  g_autofree char *officer = civic_test_sign_in (service, "officer");
  g_autofree char *supervisor = civic_test_sign_in (service, "supervisor");
  g_autofree char *stranger = civic_test_sign_in (service, "fgw.officer");
  g_autoptr(JsonNode) holder = NULL;
  g_autofree char *expected = NULL;
  JsonObject *hearing;

  hearing = applied (officer, "schedule-hearing", first.hearing_id,
                     "{\"room\": \"zx-tzs-1\", \"day\": \"2026-04-01\", \"starts\": \"09:00\","
                     " \"ends\": \"11:00\", \"host\": \"u-officer\", \"clerk\": \"u-clerk\","
                     " \"presenter\": \"u-examiner\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (hearing, "state"), ==, "scheduled");
  g_assert_cmpstr (json_object_get_string_member (hearing, "starts_at"), ==,
                   "2026-04-01T01:00:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (hearing, "clerk_id"), ==, "u-clerk");

  /* The room is taken, and the answer names the hearing that took it */
  expected = g_strdup_printf ("The room is taken by the Hearing on %s, 2026-04-01 09:00–11:00",
                              first.number);
  rejected (officer, "schedule-hearing", second.hearing_id,
            "{\"room\": \"zx-tzs-1\", \"day\": \"2026-04-01\", \"starts\": \"10:00\","
            " \"ends\": \"12:00\", \"host\": \"u-officer\"}", "clash", expected);
  /* Another room, the same host */
  rejected (officer, "schedule-hearing", second.hearing_id,
            "{\"room\": \"zx-tzs-2\", \"day\": \"2026-04-01\", \"starts\": \"10:30\","
            " \"ends\": \"12:00\", \"host\": \"u-officer\"}", "clash", "hosts the Hearing on");
  /* Another department's room */
  rejected (officer, "schedule-hearing", second.hearing_id,
            "{\"room\": \"zrzyt-tzs\", \"day\": \"2026-04-01\", \"starts\": \"14:00\","
            " \"ends\": \"16:00\", \"host\": \"u-officer\"}", "rule", "belongs to another department");
  rejected (officer, "schedule-hearing", second.hearing_id,
            "{\"room\": \"no-such\", \"day\": \"2026-04-01\", \"starts\": \"14:00\","
            " \"ends\": \"16:00\", \"host\": \"u-officer\"}", "argument", "There is no room");

  /* Rooms are the administrator's: one too small, one closed then */
  {
    g_autofree char *output = NULL;

    g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "room", "add", "scjg-small",
                                             "--name", "小会议室", "--building", "省市场监管局",
                                             "--capacity", "2", "--department", "scjg", NULL), ==, 0);
    g_clear_pointer (&output, g_free);
    g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "room", "close", "zx-tzs-3",
                                             "--from", "2026-04-01", "--to", "2026-04-03",
                                             "--reason", "设备检修", NULL), ==, 0);
    g_clear_pointer (&output, g_free);
    g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "room", "close", "zx-tzs-3",
                                             "--from", "2026-04-03", "--to", "2026-04-01",
                                             "--reason", "x", NULL), !=, 0);
    g_clear_pointer (&output, g_free);
    g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "room", "list", NULL), ==, 0);
    g_assert_nonnull (strstr (output, "scjg-small"));
  }
  rejected (officer, "schedule-hearing", second.hearing_id,
            "{\"room\": \"scjg-small\", \"day\": \"2026-04-01\", \"starts\": \"14:00\","
            " \"ends\": \"16:00\", \"host\": \"u-officer\"}", "rule",
            "小会议室 seats 2 and the hearing has 3 people");
  rejected (officer, "schedule-hearing", second.hearing_id,
            "{\"room\": \"zx-tzs-3\", \"day\": \"2026-04-02\", \"starts\": \"14:00\","
            " \"ends\": \"16:00\", \"host\": \"u-officer\"}", "rule",
            "is closed then: 设备检修");
  /* An examiner of the case does not host, nor does anyone without the role */
  rejected (officer, "schedule-hearing", second.hearing_id,
            "{\"room\": \"zx-tzs-2\", \"day\": \"2026-04-01\", \"starts\": \"14:00\","
            " \"ends\": \"16:00\", \"host\": \"u-examiner\"}", "rule",
            "does not have the role needed here");
  /* Too close for the notice of Art. 48(1) */
  rejected (officer, "schedule-hearing", second.hearing_id,
            "{\"room\": \"zx-tzs-2\", \"day\": \"2026-03-25\", \"starts\": \"14:00\","
            " \"ends\": \"16:00\", \"host\": \"u-officer\"}", "rule",
            "the earliest day the hearing can now be held is");
  rejected (supervisor, "schedule-hearing", second.hearing_id,
            "{\"room\": \"zx-tzs-2\", \"day\": \"2026-04-01\", \"starts\": \"14:00\","
            " \"ends\": \"16:00\", \"host\": \"u-officer\"}", "forbidden", "change none");
  rejected (stranger, "schedule-hearing", second.hearing_id,
            "{\"room\": \"zx-tzs-2\", \"day\": \"2026-04-01\", \"starts\": \"14:00\","
            " \"ends\": \"16:00\", \"host\": \"u-officer\"}", "not-found", "no such hearing");

  g_clear_pointer (&holder, json_node_unref);
  hearing = applied (officer, "schedule-hearing", second.hearing_id,
                     "{\"room\": \"zx-tzs-2\", \"day\": \"2026-04-01\", \"starts\": \"14:00\","
                     " \"ends\": \"16:00\", \"host\": \"u-officer\","
                     " \"publicity\": \"closed-privacy\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (hearing, "room_id"), ==, "zx-tzs-2");
  g_assert_false (json_object_get_boolean_member (hearing, "is_public"));
  g_clear_pointer (&holder, json_node_unref);
  applied (officer, "notify-hearing", second.hearing_id, "{\"method\": \"electronic\"}", &holder);

  g_clear_pointer (&holder, json_node_unref);
  hearing = applied (officer, "notify-hearing", first.hearing_id, "{\"method\": \"post\"}",
                     &holder);
  g_assert_cmpstr (json_object_get_string_member (hearing, "state"), ==, "notified");
  g_assert_cmpstr (json_object_get_string_member (hearing, "notice_sent_on"), ==, "2026-03-20");

  /* A notice to each party, numbered, its PDF naming the party in full */
  {
    JsonArray *documents = json_object_get_array_member (hearing, "documents");
    const char *applicant = participant_with_role (hearing, "applicant");
    const char *notice = NULL;
    g_autoptr(GBytes) pdf = NULL;
    g_autofree char *text = NULL;
    g_autofree char *type = NULL;
    g_autofree char *path = NULL;
    guint status;

    g_assert_cmpuint (json_array_get_length (documents), ==, 2);
    for (guint i = 0; i < json_array_get_length (documents); i++)
      {
        JsonObject *document = json_array_get_object_element (documents, i);

        g_assert_cmpstr (json_object_get_string_member (document, "kind"), ==, "hearing-notice");
        g_assert_true (g_str_has_prefix (json_object_get_string_member (document, "number"),
                                         "湘市监听通〔2026〕"));
        if (g_strcmp0 (json_object_get_string_member (document, "subject"), applicant) == 0)
          notice = json_object_get_string_member (document, "id");
      }
    g_assert_nonnull (notice);
    path = g_strdup_printf ("/api/v1/documents/%s/pdf", notice);
    pdf = civic_test_download (service, path, officer, &status, &type);
    g_assert_cmpuint (status, ==, 200);
    text = pdf_words (pdf);
    g_assert_nonnull (strstr (text, "欧阳明月"));
    g_assert_nonnull (strstr (text, "行政许可听证通知书"));
    g_assert_nonnull (strstr (text, "2026年4月1日9时00分至11时00分"));
    g_assert_nonnull (strstr (text, "省政务服务中心听证室一"));
  }
}

/* The public reads the public hearings announced, and nothing of their
 * parties or of a closed one */
static void
test_public_list (void)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autofree char *text = NULL;
  JsonArray *hearings;
  JsonObject *listed = NULL;
  guint status;

  answer = civic_test_request (service, "GET", "/public/v1/hearings?from=2026-03-20&days=30", NULL,
                               NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  hearings = json_object_get_array_member (object_of (answer), "hearings");
  for (guint i = 0; i < json_array_get_length (hearings); i++)
    {
      JsonObject *hearing = json_array_get_object_element (hearings, i);

      g_assert_cmpstr (json_object_get_string_member (hearing, "id"), !=, second.hearing_id);
      if (g_str_equal (json_object_get_string_member (hearing, "id"), first.hearing_id))
        listed = hearing;
    }
  g_assert_nonnull (listed);
  g_assert_cmpstr (json_object_get_string_member (listed, "starts_at"), ==,
                   "2026-04-01T09:00:00+08:00");
  g_assert_cmpstr (json_object_get_string_member (listed, "room"), ==, "省政务服务中心听证室一");
  g_assert_cmpstr (json_object_get_string_member (listed, "department"), ==, "湖南省市场监督管理局");
  g_assert_nonnull (json_object_get_string_member (listed, "matter"));
  text = json_to_string (answer, FALSE);
  g_assert_null (strstr (text, "欧阳"));
  g_assert_null (strstr (text, "李娜"));
  g_assert_null (strstr (text, "participants"));

  bad = civic_test_request (service, "GET", "/public/v1/hearings?from=soon", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 400);
}

static char *
download_text (const char *path,
               const char *token,
               guint      *status)
{
  g_autofree char *type = NULL;
  g_autoptr(GBytes) bytes = civic_test_download (service, path, token, status, &type);
  gsize length;
  const char *data;

  if (*status != 200)
    return NULL;
  g_assert_true (g_str_has_prefix (type, "text/calendar"));
  data = g_bytes_get_data (bytes, &length);
  return g_strndup (data, length);
}

/* The event of @uid in @text, parsed back by libical; NULL when none */
static icalcomponent *
parse_calendar (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

static icalcomponent *
event_with_uid (icalcomponent *calendar,
                const char    *hearing_id)
{
  g_autofree char *uid = g_strdup_printf ("%s@hearings.civicdesk", hearing_id);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL; event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
      return event;
  return NULL;
}

/* The notified hearing as an invitation, parsed back by libical: its
 * UID, its revision as SEQUENCE, its time, its people as attendees */
static void
test_ics (void)
{
  g_autofree char *officer = civic_test_sign_in (service, "officer");
  g_autofree char *stranger = civic_test_sign_in (service, "fgw.officer");
  g_autofree char *path = g_strdup_printf ("/api/v1/hearings/%s/ics", first.hearing_id);
  g_autofree char *text = NULL;
  g_autofree char *denied = NULL;
  g_autoptr(GHashTable) feed = feed_of ("officer");
  JsonObject *hearing = hearing_in (feed, first.hearing_id);
  icalcomponent *calendar, *event;
  icalproperty *attendee;
  guint n_attendees = 0, n_chairs = 0;
  guint status;

  text = download_text (path, officer, &status);
  g_assert_cmpuint (status, ==, 200);
  calendar = parse_calendar (text);
  g_assert_cmpint (icalproperty_get_method (icalcomponent_get_first_property (calendar,
                                                                              ICAL_METHOD_PROPERTY)),
                   ==, ICAL_METHOD_REQUEST);
  event = event_with_uid (calendar, first.hearing_id);
  g_assert_nonnull (event);
  g_assert_cmpint (icalproperty_get_sequence (icalcomponent_get_first_property (event,
                                                                                ICAL_SEQUENCE_PROPERTY)),
                   ==, json_object_get_int_member (hearing, "rev"));
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (event)), ==, "20260401T010000Z");
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtend (event)), ==, "20260401T030000Z");
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  g_assert_nonnull (strstr (icalcomponent_get_location (event), "省政务服务中心听证室一"));
  for (attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY); attendee != NULL;
       attendee = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    {
      icalparameter *role = icalproperty_get_first_parameter (attendee, ICAL_ROLE_PARAMETER);
      icalparameter *cn = icalproperty_get_first_parameter (attendee, ICAL_CN_PARAMETER);

      g_assert_nonnull (cn);
      g_assert_true (g_str_has_prefix (icalproperty_get_attendee (attendee), "urn:civicdesk:"));
      if (role != NULL && icalparameter_get_role (role) == ICAL_ROLE_CHAIR)
        {
          n_chairs++;
          g_assert_cmpstr (icalproperty_get_attendee (attendee), ==, "urn:civicdesk:user:u-officer");
        }
      n_attendees++;
    }
  /* The host, the clerk, the applicant, the interested party, the examiner */
  g_assert_cmpuint (n_attendees, ==, 5);
  g_assert_cmpuint (n_chairs, ==, 1);
  g_assert_null (strstr (text, "欧阳明月"));
  icalcomponent_free (calendar);

  denied = download_text (path, stranger, &status);
  g_assert_cmpuint (status, ==, 404);
}

/* An official's own calendar, by an address of its own: a new one
 * replaces the old, and revoked it opens nothing */
static void
test_calendar_feed (void)
{
  g_autofree char *officer = civic_test_sign_in (service, "officer");
  g_autoptr(JsonNode) first_token = NULL;
  g_autoptr(JsonNode) second_token = NULL;
  g_autoptr(JsonNode) revoked = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *gone = NULL;
  icalcomponent *calendar;
  guint status;

  first_token = civic_test_request (service, "POST", "/api/v1/calendar-token", officer, NULL,
                                    &status);
  g_assert_cmpuint (status, ==, 200);
  first_path = g_strdup (json_object_get_string_member (object_of (first_token), "path"));
  g_assert_true (g_str_has_prefix (first_path, "/api/v1/calendar.ics?token="));

  text = download_text (first_path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  calendar = parse_calendar (text);
  g_assert_nonnull (event_with_uid (calendar, first.hearing_id));
  g_assert_nonnull (event_with_uid (calendar, second.hearing_id));
  icalcomponent_free (calendar);

  second_token = civic_test_request (service, "POST", "/api/v1/calendar-token", officer, NULL,
                                     &status);
  second_path = g_strdup (json_object_get_string_member (object_of (second_token), "path"));
  gone = download_text (first_path, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&text, g_free);
  text = download_text (second_path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&text, g_free);
  text = download_text ("/api/v1/calendar.ics?token=nonsense", NULL, &status);
  g_assert_cmpuint (status, ==, 404);

  revoked = civic_test_request (service, "DELETE", "/api/v1/calendar-token", officer, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  text = download_text (second_path, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
}

/* On the day: held, the record written and signed by everyone, closed;
 * the case has its clocks back and its decision cites the record */
static void
test_record_and_resume (void)
{
  const char * const later[] = { NULL };
  g_autofree char *officer = NULL;
  g_autofree char *clerk = NULL;
  g_autofree char *examiner = NULL;
  g_autofree char *approver = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GHashTable) feed = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *args = NULL;
  JsonObject *hearing, *kase;
  JsonArray *participants;

  civic_test_service_stop (service);
  g_setenv ("CIVICDESK_NOW", "2026-04-01T09:05:00+08:00", TRUE);
  civic_test_service_start_with (service, later);
  officer = civic_test_sign_in (service, "officer");
  clerk = civic_test_sign_in (service, "clerk");
  examiner = civic_test_sign_in (service, "examiner");
  approver = civic_test_sign_in (service, "approver");

  rejected (clerk, "hold-hearing", first.hearing_id, NULL, "role", "is for these roles");
  hearing = applied (officer, "hold-hearing", first.hearing_id, NULL, &holder);
  g_assert_cmpstr (json_object_get_string_member (hearing, "state"), ==, "held");
  participants = json_object_get_array_member (hearing, "participants");
  g_assert_cmpuint (json_array_get_length (participants), ==, 3);
  for (guint i = 0; i < json_array_get_length (participants); i++)
    g_ptr_array_add (ids, g_strdup (json_object_get_string_member (
                                      json_array_get_object_element (participants, i), "id")));
  g_clear_pointer (&holder, json_node_unref);
  applied (clerk, "write-hearing-record", first.hearing_id,
           "{\"text\": \"审查人员出示了现场核查记录；利害关系人陈述了意见；申请人进行了申辩。\"}",
           &holder);

  for (guint i = 0; i < ids->len; i++)
    {
      g_free (args);
      args = g_strdup_printf ("{\"participant\": \"%s\", \"signature\": \"%s\"}",
                              (char *) g_ptr_array_index (ids, i), i == 1 ? "sealed" : "signed");
      if (i == ids->len - 1)
        rejected (officer, "close-hearing", first.hearing_id, NULL, "rule",
                  "The record is not yet signed or sealed by");
      g_clear_pointer (&holder, json_node_unref);
      applied (clerk, "sign-hearing-record", first.hearing_id, args, &holder);
    }
  g_clear_pointer (&holder, json_node_unref);
  hearing = applied (officer, "close-hearing", first.hearing_id, NULL, &holder);
  g_assert_cmpstr (json_object_get_string_member (hearing, "state"), ==, "record-signed");
  g_assert_cmpstr (json_object_get_string_member (hearing, "record_signed_on"), ==, "2026-04-01");

  /* The record, a document of its own, as signed */
  {
    JsonArray *documents = json_object_get_array_member (hearing, "documents");
    JsonObject *record = json_array_get_object_element (documents, json_array_get_length (documents) - 1);
    g_autofree char *path = g_strdup_printf ("/api/v1/documents/%s/pdf",
                                             json_object_get_string_member (record, "id"));
    g_autofree char *type = NULL;
    g_autofree char *words = NULL;
    g_autoptr(GBytes) pdf = NULL;
    guint status;

    g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "hearing-record");
    g_assert_true (g_str_has_prefix (json_object_get_string_member (record, "number"),
                                     "湘市监听录〔2026〕"));
    pdf = civic_test_download (service, path, officer, &status, &type);
    g_assert_cmpuint (status, ==, 200);
    words = pdf_words (pdf);
    g_assert_nonnull (strstr (words, "行政许可听证笔录"));
    g_assert_nonnull (strstr (words, "利害关系人陈述了意见"));
    g_assert_nonnull (strstr (words, "欧阳明月于2026年4月1日签字"));
  }

  /* The case, in the same transaction: back under review, clocks running */
  feed = feed_of ("examiner");
  kase = case_in (feed, first.case_id);
  g_assert_cmpstr (json_object_get_string_member (kase, "state"), ==, "under-review");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (kase, "hearing"),
                                                  "concluded_on"), ==, "2026-04-01");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_object_get_object_member (kase, "hearing"),
                                                                  "record_ref"), "湘市监听录〔2026〕"));

  g_clear_pointer (&holder, json_node_unref);
  applied (examiner, "opinion", first.case_id,
           "{\"recommendation\": \"approve\", \"text\": \"经听证，符合条件\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);
  kase = applied (approver, "decide", first.case_id,
                  "{\"result\": \"approve\", \"number\": \"湘市监许〔2026〕4401号\"}", &holder);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_object_get_object_member (kase, "decision"),
                                                                  "hearing_record"), "湘市监听录〔2026〕"));

  /* The decision says so in writing (Art. 48 ¶2) */
  {
    const char *record_ref = json_object_get_string_member (json_object_get_object_member (kase, "decision"),
                                                            "hearing_record");
    g_autofree char *expected = g_strdup_printf ("本决定根据听证笔录（%s）作出", record_ref);
    g_autofree char *type = NULL;
    g_autofree char *words = NULL;
    g_autofree char *path = NULL;
    g_autoptr(GBytes) pdf = NULL;
    JsonArray *documents;
    guint status;

    g_clear_pointer (&holder, json_node_unref);
    kase = applied (approver, "issue-document", first.case_id,
                    "{\"document\": \"grant-decision\", \"language\": \"zh\"}", &holder);
    documents = json_object_get_array_member (kase, "documents");
    path = g_strdup_printf ("/api/v1/documents/%s/pdf",
                            json_object_get_string_member (json_array_get_object_element (
                              documents, json_array_get_length (documents) - 1), "id"));
    pdf = civic_test_download (service, path, approver, &status, &type);
    g_assert_cmpuint (status, ==, 200);
    words = pdf_words (pdf);
    g_assert_nonnull (strstr (words, "准予行政许可决定书"));
    if (strstr (words, expected) == NULL)
      g_error ("the decision does not cite the record: %s", words);
  }
  g_clear_pointer (&feed, g_hash_table_unref);
  feed = feed_of ("officer");
  g_assert_cmpstr (json_object_get_string_member (hearing_in (feed, first.hearing_id),
                                                  "decision_ref"), ==, "湘市监许〔2026〕4401号");
}

static void
test_withdrawn (void)
{
  g_autofree char *examiner = civic_test_sign_in (service, "examiner");
  g_autoptr(GHashTable) feed = feed_of ("officer");
  g_autoptr(JsonNode) holder = NULL;
  g_autofree char *args = NULL;
  JsonObject *hearing, *kase;
  const char *party;

  party = participant_with_role (hearing_in (feed, second.hearing_id), "interested-party");
  args = g_strdup_printf ("{\"by\": \"%s\", \"reason\": \"李娜书面撤回听证申请\"}", party);
  hearing = applied (examiner, "withdraw-hearing-request", second.hearing_id, args, &holder);
  g_assert_cmpstr (json_object_get_string_member (hearing, "state"), ==, "withdrawn");

  g_clear_pointer (&feed, g_hash_table_unref);
  feed = feed_of ("examiner");
  kase = case_in (feed, second.case_id);
  g_assert_cmpstr (json_object_get_string_member (kase, "state"), ==, "under-review");
  /* No record: no hearing the decision could rest on */
  g_assert_true (json_object_get_null_member (json_object_get_object_member (kase, "hearing"),
                                              "concluded_on"));

  /* A calendar that subscribed learns it is off, by the same event */
  {
    g_autofree char *officer = civic_test_sign_in (service, "officer");
    g_autoptr(JsonNode) token = NULL;
    g_autofree char *text = NULL;
    icalcomponent *calendar, *event;
    guint status;

    token = civic_test_request (service, "POST", "/api/v1/calendar-token", officer, NULL, &status);
    g_assert_cmpuint (status, ==, 200);

    text = download_text (json_object_get_string_member (object_of (token), "path"), NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    calendar = parse_calendar (text);
    event = event_with_uid (calendar, second.hearing_id);
    g_assert_nonnull (event);
    g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
    g_assert_cmpint (icalproperty_get_sequence (icalcomponent_get_first_property (event,
                                                                                  ICAL_SEQUENCE_PROPERTY)),
                     >, 2);
    icalcomponent_free (calendar);
  }
}

/* Rooms are run from the client too, by commands: an administrator any
 * room, a department's administrator their department's own; a room is
 * not closed over a hearing booked in it, and a closure ends at once */
static void
test_rooms_as_commands (void)
{
  g_autofree char *admin = civic_test_sign_in (service, "admin");
  g_autofree char *department_admin = civic_test_sign_in (service, "dept-admin");
  g_autofree char *officer = civic_test_sign_in (service, "officer");
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GHashTable) feed = NULL;
  JsonObject *room;
  JsonNode *node;

  room = applied (admin, "add-room", "scjg-hearing",
                  "{\"name\": \"市场监管局听证室\", \"building\": \"省市场监管局\", "
                  "\"capacity\": 12, \"department_id\": \"scjg\", \"equipment\": [\"recording\"]}",
                  &holder);
  g_assert_cmpint (json_object_get_int_member (room, "rev"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (room, "department"), ==, "scjg");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (room, "equipment")), ==, 1);
  rejected (admin, "add-room", "scjg-hearing", "{\"name\": \"又一间\", \"capacity\": 5}", "state",
            "exists already");
  rejected (admin, "add-room", "scjg-other", "{\"name\": \"空\", \"capacity\": 0}", "argument",
            "seats from 1 to 10000");
  rejected (admin, "add-room", "scjg-other", "{\"name\": \"无处\", \"capacity\": 5, "
            "\"department_id\": \"no-such\"}", "argument", "There is no department");

  /* A department's administrator: their own rooms only */
  g_clear_pointer (&holder, json_node_unref);
  room = applied (department_admin, "edit-room", "scjg-hearing", "{\"capacity\": 20}", &holder);
  g_assert_cmpint (json_object_get_int_member (room, "capacity"), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (room, "name"), ==, "市场监管局听证室");
  rejected (department_admin, "edit-room", "scjg-hearing", "{\"department_id\": \"-\"}", "role",
            "whole hall’s rooms");
  rejected (department_admin, "edit-room", "scjg-hearing", "{\"department_id\": \"fgw\"}",
            "role", "only their department’s rooms");
  rejected (department_admin, "edit-room", "zx-tzs-1", "{\"capacity\": 50}", "role",
            "whole hall’s rooms");
  rejected (officer, "add-room", "officer-room", "{\"name\": \"私室\", \"capacity\": 5}",
            "forbidden", "administrators");

  /* Not over a hearing booked in it, whose answer names it */
  rejected (admin, "close-room", "zx-tzs-1", "{\"from\": \"2026-04-01\", \"to\": \"2026-04-01\", "
            "\"reason\": \"装修\"}", "clash", "is booked in the room then");
  /* The command line refuses it the same way, and writes nothing */
  {
    g_autofree char *output = NULL;

    g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "room", "close", "zx-tzs-1",
                                             "--from", "2026-04-01", "--to", "2026-04-01",
                                             "--reason", "装修", NULL), !=, 0);
    g_assert_nonnull (strstr (output, "is booked in the room then"));
  }
  rejected (admin, "close-room", "zx-tzs-1", "{\"from\": \"2026-03-01\", \"to\": \"2026-03-30\", "
            "\"reason\": \"装修\"}", "argument", "begins today or later");
  rejected (admin, "close-room", "zx-tzs-1", "{\"from\": \"2026-04-01\", \"to\": \"9999-12-31\", "
            "\"reason\": \"装修\"}", "argument", "within three years");
  /* Its seats or department changed under a hearing booked there */
  rejected (admin, "edit-room", "zx-tzs-1", "{\"capacity\": 1}", "clash", "is booked in the room");
  rejected (admin, "edit-room", "zx-tzs-1", "{\"department_id\": \"fgw\"}", "clash",
            "belongs to another department");
  g_clear_pointer (&holder, json_node_unref);
  room = applied (admin, "close-room", "zx-tzs-1", "{\"from\": \"2026-04-10\", "
                  "\"to\": \"2026-04-12\", \"reason\": \"漏水维修\"}", &holder);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (room, "unavailable")), ==,
                   1);
  rejected (admin, "close-room", "zx-tzs-1", "{\"from\": \"2026-04-12\", \"to\": \"2026-04-13\", "
            "\"reason\": \"再修\"}", "rule", "closed then already");

  /* What scheduling reads: the room closed, from the feed */
  feed = feed_of ("officer");
  node = g_hash_table_lookup (feed, "room/zx-tzs-1");
  g_assert_nonnull (node);
  {
    JsonObject *closure = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (node), "unavailable"), 0);

    g_assert_cmpstr (json_object_get_string_member (closure, "from"), ==,
                     "2026-04-09T16:00:00.000Z");
    g_assert_cmpstr (json_object_get_string_member (closure, "to"), ==,
                     "2026-04-12T16:00:00.000Z");
    g_assert_cmpstr (json_object_get_string_member (closure, "reason"), ==, "漏水维修");
  }
  /* A room the command line added carries its revision, so a client can
   * act on it */
  node = g_hash_table_lookup (feed, "room/scjg-small");
  g_assert_nonnull (node);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "rev"), ==, 1);

  g_clear_pointer (&holder, json_node_unref);
  room = applied (admin, "reopen-room", "zx-tzs-1", "{\"closure\": \"2026-04-10T00:00:00+08:00\"}",
                  &holder);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (room, "unavailable")), ==,
                   0);
  rejected (admin, "reopen-room", "zx-tzs-1", "{\"closure\": \"2026-04-10T00:00:00+08:00\"}",
            "state", "not closed at any time");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (40, 7);

  g_test_add_func ("/hearings/born-of-request", test_born_of_request);
  g_test_add_func ("/hearings/join", test_join);
  g_test_add_func ("/hearings/schedule-and-clash", test_schedule_and_clash);
  g_test_add_func ("/hearings/rooms-as-commands", test_rooms_as_commands);
  g_test_add_func ("/hearings/public-list", test_public_list);
  g_test_add_func ("/hearings/ics", test_ics);
  g_test_add_func ("/hearings/calendar-feed", test_calendar_feed);
  g_test_add_func ("/hearings/record-and-resume", test_record_and_resume);
  g_test_add_func ("/hearings/withdrawn", test_withdrawn);

  status = g_test_run ();
  civic_test_service_free (service);
  heard_clear (&first);
  heard_clear (&second);
  heard_clear (&third);
  heard_clear (&fourth);
  return status;
}
