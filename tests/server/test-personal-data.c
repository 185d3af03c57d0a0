/* test-personal-data.c — personal data: masked in every feed, sealed at rest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-test-service.h"

/* A citizen applies with a name, an ID number, a phone and an address
 * that appear nowhere else; the case goes as far as a hearing, whose
 * parties and requester are named too. Then every feed any official can
 * read is swept, whole, for any of those values; only the audited reveal
 * shows them; and the database files on disk hold none of them. */

static CivicTestService *service;

static const char *personal_values[] = {
  "欧阳明远",                          /* the applicant */
  "430105198001017714",                /* ID number, its GB 11643 check digit right */
  "13907315566",                       /* phone */
  "长沙市开福区湘江中路二段36号",       /* address */
  "司马光华",                          /* a party to the hearing */
  "诸葛文静",                          /* who asked for the hearing */
};

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static char *
command (const char *token,
         const char *type,
         const char *target,
         const char *args)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"%s\","
                                           "\"target\":\"%s\",\"args\":%s}]}",
                                           id, type, target, args);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *result;
  guint status;

  answer = civic_test_request (service, "POST", "/api/v1/commands", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  result = json_array_get_object_element (json_object_get_array_member (object_of (answer),
                                                                       "results"), 0);
  if (!g_str_equal (json_object_get_string_member (result, "status"), "applied"))
    g_error ("%s was refused: %s", type,
             json_object_get_string_member (json_object_get_object_member (result, "reason"),
                                            "message"));
  return g_strdup (json_object_get_string_member (json_object_get_object_member (result,
                                                                                 "entity"), "id"));
}

static char *case_id;

static void
make_case (void)
{
  g_autofree char *clerk = civic_test_sign_in (service, "clerk");
  g_autofree char *examiner = civic_test_sign_in (service, "examiner");
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *body = NULL;
  const char *number;
  GHashTableIter iter;
  gpointer key, value;
  guint status;

  body = g_strdup_printf ("{\"item_code\": \"430000-SCJG-XK-0001\", "
                          "\"materials\": [\"m1\",\"m2\",\"m3\",\"m4\",\"m5\",\"m6\",\"m7\",\"m8\"],"
                          " \"applicant\": {\"kind\": \"person\", \"name\": \"%s\","
                          " \"id_number\": \"%s\", \"phone\": \"%s\", \"address\": \"%s\"}}",
                          personal_values[0], personal_values[1], personal_values[2],
                          personal_values[3]);
  answer = civic_test_request (service, "POST", "/public/v1/applications", NULL, body, &status);
  g_assert_cmpuint (status, ==, 201);
  number = json_object_get_string_member (object_of (answer), "number");

  civic_test_pull_all (service, clerk, 0, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "case/") &&
        g_strcmp0 (json_object_get_string_member (json_node_get_object (value), "number"),
                   number) == 0)
      case_id = g_strdup ((char *) key + 5);
  g_assert_nonnull (case_id);

  g_free (command (clerk, "accept", case_id, "{}"));
  g_free (command (examiner, "claim", case_id, "{}"));
  body = (g_free (body), g_strdup_printf ("{\"parties\":[\"%s\",\"%s\"]}", personal_values[0],
                                          personal_values[4]));
  g_free (command (examiner, "inform-hearing-right", case_id, body));
  body = (g_free (body), g_strdup_printf ("{\"requested_by\":\"%s\"}", personal_values[5]));
  g_free (command (examiner, "request-hearing", case_id, body));
}

/* The whole feed, as one official reads it, as text. */
static GString *
whole_feed (const char *username)
{
  g_autofree char *token = civic_test_sign_in (service, username);
  GString *text = g_string_new (NULL);
  gint64 after = 0;
  gboolean more = TRUE;

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/changes?after=%" G_GINT64_FORMAT
                                               "&limit=500", after);
      g_autoptr(JsonNode) page = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *page_text = NULL;
      guint status;

      page = civic_test_request (service, "GET", path, token, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      json_generator_set_root (generator, page);
      page_text = json_generator_to_data (generator, NULL);
      g_string_append (text, page_text);
      after = json_object_get_int_member (object_of (page), "next");
      more = json_object_get_boolean_member (object_of (page), "more");
    }
  return text;
}

/* Defect 5: the hearing's parties and requester went out unmasked, to
 * everyone who sees the case, the supervisor included. */
static void
test_feeds_are_masked (void)
{
  const char *readers[] = { "clerk", "examiner", "approver", "officer", "supervisor",
                            "wjw.examiner" };

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GString) feed = whole_feed (readers[i]);

      g_test_message ("%s reads %zu bytes of feed", readers[i], feed->len);
      for (guint j = 0; j < G_N_ELEMENTS (personal_values); j++)
        if (strstr (feed->str, personal_values[j]) != NULL)
          g_error ("%s's feed holds “%s” unmasked", readers[i], personal_values[j]);
    }

  /* … and what the case shows instead */
  {
    g_autofree char *token = civic_test_sign_in (service, "examiner");
    g_autofree char *path = g_strconcat ("/api/v1/cases/", case_id, NULL);
    g_autoptr(JsonNode) answer = NULL;
    JsonObject *data, *hearing;
    JsonArray *parties;
    guint status;

    answer = civic_test_request (service, "GET", path, token, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    data = json_object_get_object_member (object_of (answer), "data");
    hearing = json_object_get_object_member (data, "hearing");
    parties = json_object_get_array_member (hearing, "parties");
    g_assert_cmpuint (json_array_get_length (parties), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (parties, 0), ==, "欧**");
    g_assert_cmpstr (json_array_get_string_element (parties, 1), ==, "司**");
    g_assert_cmpstr (json_object_get_string_member (hearing, "requested_by"), ==, "诸**");
    g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (data, "applicant"), "phone"), ==,
                     "139****5566");
  }
}

/* Only the audited reveal shows them, to an official of the department. */
static void
test_reveal_shows_them (void)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autofree char *supervisor = civic_test_sign_in (service, "supervisor");
  g_autofree char *path = g_strconcat ("/api/v1/cases/", case_id, "/reveal", NULL);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) refused = NULL;
  JsonArray *parties;
  guint status;

  answer = civic_test_request (service, "POST", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "name"), ==,
                   personal_values[0]);
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "id_number"), ==,
                   personal_values[1]);
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "phone"), ==,
                   personal_values[2]);
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "address"), ==,
                   personal_values[3]);
  parties = json_object_get_array_member (object_of (answer), "parties");
  g_assert_cmpstr (json_array_get_string_element (parties, 1), ==, personal_values[4]);
  g_assert_cmpstr (json_object_get_string_member (object_of (answer), "requested_by"), ==,
                   personal_values[5]);

  refused = civic_test_request (service, "POST", path, supervisor, NULL, &status);
  g_assert_cmpuint (status, ==, 403);
}


/* Defect 13: the personal data was in clear in the database file. */
static void
test_sealed_at_rest (void)
{
  const char *files[] = { "civicdesk.db", "civicdesk.db-wal" };
  g_autofree char *uri = civic_test_database_uri (service->data_dir);

  /* On PostgreSQL: nowhere in what the database holds, all of it dumped */
  if (uri != NULL)
    {
      const char *argv[] = { "pg_dump", "--data-only", uri, NULL };
      g_autofree char *dump = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &dump, NULL,
                    &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (dump, "COPY public.audit"));
      for (guint j = 0; j < G_N_ELEMENTS (personal_values); j++)
        if (strstr (dump, personal_values[j]) != NULL)
          g_error ("the database holds “%s” in clear", personal_values[j]);
    }

  /* The service stopped, so the WAL is checkpointed into the file too;
   * while it ran both were read. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autofree char *path = g_build_filename (service->data_dir, files[i], NULL);

          for (guint j = 0; j < G_N_ELEMENTS (personal_values); j++)
            if (civic_test_file_holds (path, personal_values[j]))
              g_error ("%s holds “%s” in clear", files[i], personal_values[j]);
        }
      if (pass == 0)
        civic_test_service_stop (service);
    }
  civic_test_service_start (service);

  /* … and the service still reads it, after a restart */
  test_reveal_shows_them ();
}

/* A rotation seals every case again with a new key; the old one can then
 * be retired, and the data still reads. */
static void
test_key_rotation (void)
{
  g_autofree char *listed = NULL;
  g_autofree char *rotated = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *retired = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (civic_test_service_cli (service, NULL, &listed, "keys", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (listed, "Personal-data key 1 (current): seals"));

  civic_test_service_stop (service);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &rotated, "keys", "rotate", NULL), ==, 0);
  g_assert_nonnull (strstr (rotated, "Made personal-data key 2"));
  civic_test_service_start (service);

  g_assert_cmpint (civic_test_service_cli (service, NULL, &after, "keys", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (after, "Personal-data key 1: seals 0 cases"));
  g_assert_nonnull (strstr (after, "Personal-data key 2 (current): seals"));

  g_assert_cmpint (civic_test_service_cli (service, NULL, &refused, "keys", "retire", "2", NULL),
                   ==, 1);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &retired, "keys", "retire", "1", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (retired, "Retired personal-data key 1"));

  test_reveal_shows_them ();
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo (40, 17);
  make_case ();

  g_test_add_func ("/personal-data/feeds-are-masked", test_feeds_are_masked);
  g_test_add_func ("/personal-data/reveal-shows-them", test_reveal_shows_them);
  g_test_add_func ("/personal-data/sealed-at-rest", test_sealed_at_rest);
  g_test_add_func ("/personal-data/key-rotation", test_key_rotation);

  result = g_test_run ();
  civic_test_service_free (service);
  g_free (case_id);
  return result;
}
