/* test-cli.c — the subcommands of civicdesk-server, and the scheduler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "civic-test-service.h"

static void
test_init (void)
{
  g_autoptr(CivicTestService) service = civic_test_service_new_empty ();
  g_autofree char *again = NULL;
  g_autofree char *list = NULL;
  g_autofree char *output = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  /* A second init would throw away a service: refused. */
  g_assert_cmpint (civic_test_service_cli (service, "another-password\n", &again, "init", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (again, "already holds a service"));

  g_assert_cmpint (civic_test_service_cli (service, NULL, &list, "user", "list", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (list, "admin "));
  g_assert_nonnull (strstr (list, "Administrator"));

  answer = civic_test_request (service, "POST", "/api/v1/session", NULL,
                               "{\"username\":\"admin\",\"password\":\"admin-password\"}", &status);
  g_assert_cmpuint (status, ==, 200);

  /* A short password is refused, and nothing is created. */
  {
    g_autoptr(CivicTestService) other = g_new0 (CivicTestService, 1);
    g_autofree char *db = NULL;

    other->data_dir = g_dir_make_tmp ("civicdesk-test-XXXXXX", NULL);
    db = g_build_filename (other->data_dir, "civicdesk.db", NULL);
    g_assert_cmpint (civic_test_service_cli (other, "short\n", &output, "init", NULL), ==, 1);
    g_assert_nonnull (strstr (output, "A password needs at least 8 characters"));
    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  }
}

/* The hall always keeps an enabled administrator; a department's
 * administrator needs a department */
static void
test_last_admin (void)
{
  g_autoptr(CivicTestService) service = civic_test_service_new_demo (10, 3);
  g_autofree char *refused = NULL;
  g_autofree char *demoted = NULL;
  g_autofree char *nowhere = NULL;
  g_autofree char *output = NULL;

  g_setenv ("CIVIC_TEST_PASSWORD", "second-admin-2026", TRUE);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &refused, "user", "disable", "admin",
                                           NULL), ==, 1);
  g_assert_nonnull (strstr (refused, "the last administrator"));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &demoted, "user", "set", "admin",
                                           "--roles", "supervisor", NULL), ==, 1);
  g_assert_nonnull (strstr (demoted, "the last administrator"));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &nowhere, "user", "add", "deptadmin",
                                           "--name", "部门管理员", "--roles", "department-admin,"
                                           "supervisor", "--password-env", "CIVIC_TEST_PASSWORD",
                                           NULL), ==, 1);
  g_assert_nonnull (strstr (nowhere, "runs a department"));

  /* With a second administrator, the first may go */
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "add", "admin2",
                                           "--name", "第二管理员", "--roles", "admin",
                                           "--password-env", "CIVIC_TEST_PASSWORD", NULL), ==, 0);
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "disable", "admin",
                                           NULL), ==, 0);
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "user", "disable", "admin2",
                                           NULL), ==, 1);
  g_assert_nonnull (strstr (output, "the last administrator"));
}

static void
test_users (void)
{
  g_autoptr(CivicTestService) service = civic_test_service_new_demo (10, 3);
  g_autofree char *added = NULL;
  g_autofree char *list = NULL;
  g_autofree char *bad_role = NULL;
  g_autofree char *bad_department = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *passwd = NULL;
  g_autoptr(JsonNode) old = NULL;
  g_autoptr(JsonNode) fresh = NULL;
  guint status;

  g_setenv ("CIVIC_TEST_PASSWORD", "wang-fang-2026", TRUE);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &added, "user", "add", "wangfang",
                                           "--name", "王芳", "--department", "scjg", "--roles",
                                           "clerk,examiner", "--password-env",
                                           "CIVIC_TEST_PASSWORD", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (added, "Added wangfang (u-"));

  g_assert_cmpint (civic_test_service_cli (service, NULL, &list, "user", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (list, "wangfang"));
  g_assert_nonnull (strstr (list, "Window clerk, Examiner"));

  g_assert_cmpint (civic_test_service_cli (service, NULL, &bad_role, "user", "add", "x1",
                                           "--name", "某某", "--department", "scjg", "--roles",
                                           "emperor", "--password-env", "CIVIC_TEST_PASSWORD",
                                           NULL), ==, 1);
  g_assert_nonnull (strstr (bad_role, "“emperor” is not a role"));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &bad_department, "user", "add", "x2",
                                           "--name", "某某", "--department", "nowhere", "--roles",
                                           "clerk", "--password-env", "CIVIC_TEST_PASSWORD",
                                           NULL), ==, 1);
  g_assert_nonnull (strstr (bad_department, "there is no department “nowhere”"));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &taken, "user", "add", "Clerk",
                                           "--name", "某某", "--department", "scjg", "--roles",
                                           "clerk", "--password-env", "CIVIC_TEST_PASSWORD",
                                           NULL), ==, 1);
  g_assert_nonnull (strstr (taken, "The user name “Clerk” is taken"));

  /* A new password ends the old sessions. */
  old = civic_test_request (service, "POST", "/api/v1/session", NULL,
                            "{\"username\":\"wangfang\",\"password\":\"wang-fang-2026\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (civic_test_service_cli (service, "new-password-77\n", &passwd, "user",
                                           "passwd", "wangfang", NULL), ==, 0);
  fresh = civic_test_request (service, "POST", "/api/v1/session", NULL,
                              "{\"username\":\"wangfang\",\"password\":\"new-password-77\"}",
                              &status);
  g_assert_cmpuint (status, ==, 200);
  {
    g_autoptr(JsonNode) stale = NULL;

    /* The token cache holds a revoked token for at most five seconds. */
    g_usleep (5200 * 1000);
    stale = civic_test_request (service, "GET", "/api/v1/me",
                                json_object_get_string_member (json_node_get_object (old), "token"),
                                NULL, &status);
    g_assert_cmpuint (status, ==, 401);
  }
}

static const char *notice_2027 =
  "{\"region\": \"CN\", \"year\": 2027,"
  " \"notice\": {\"title\": \"国务院办公厅关于2027年部分节假日安排的通知（测试）\"},"
  " \"holidays\": [{\"festivals\": [\"new-year\"], \"start\": \"2027-01-01\", \"end\": \"2027-01-03\"},"
  "   {\"festivals\": [\"spring-festival\"], \"start\": \"2027-02-05\", \"end\": \"2027-02-12\","
  "    \"workdays\": [\"2027-02-20\"]}]}";

static void
test_calendar (void)
{
  g_autoptr(CivicTestService) service = civic_test_service_new_empty ();
  g_autofree char *file = g_build_filename (service->data_dir, "CN-2027.json", NULL);
  g_autofree char *bad_file = g_build_filename (service->data_dir, "bad.json", NULL);
  g_autofree char *due = NULL;
  g_autofree char *show = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *show_after = NULL;
  g_autofree char *usage = NULL;

  g_assert_cmpint (civic_test_service_cli (service, NULL, &due, "calendar", "due", "2025-09-26",
                                           "20", NULL), ==, 0);
  g_assert_nonnull (strstr (due, "2025-10-01 – 10-08: National Day and Mid-Autumn Festival "
                                 "holiday, not counted\n"));
  g_assert_nonnull (strstr (due, "Due 2025-10-30 (Thursday)"));

  g_assert_cmpint (civic_test_service_cli (service, NULL, &show, "calendar", "show", "2027", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (show, "2027: no notice loaded"));

  g_assert_true (g_file_set_contents (bad_file, "{\"region\": \"CN\", \"year\": 2027}", -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &bad, "calendar", "import", bad_file,
                                           NULL), ==, 1);
  g_assert_nonnull (strstr (bad, "bad.json: the notice the dates come from is missing"));

  g_assert_true (g_file_set_contents (file, notice_2027, -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &imported, "calendar", "import", file,
                                           NULL), ==, 0);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &show_after, "calendar", "show", "2027",
                                           NULL), ==, 0);
  g_assert_nonnull (strstr (show_after, "Notices loaded: 2025 2026 2027"));
  g_assert_nonnull (strstr (show_after, "2027-02-20 Saturday  Spring Festival (make-up working day)"));

  g_assert_cmpint (civic_test_service_cli (service, NULL, &usage, "calendar", "due", "2025-02-30",
                                           "20", NULL), ==, 2);
}

/* A notice's text, as published: previewed with the days it changes and
 * the due dates of open cases it moves, then imported */
static void
test_calendar_notice (void)
{
  /* Requests for information and citizens' messages too: their clocks
   * move with the notice like the cases' */
  static const char * const with_requests[] = { "--disclosures", "0", "--requests", "40",
                                                "--messages", "40", NULL };
  g_autoptr(CivicTestService) service = civic_test_service_new_demo_with (40, 7, with_requests);
  g_autofree char *file = g_build_filename (service->data_dir, "notice-2026.txt", NULL);
  g_autofree char *preview = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *show = NULL;
  g_autofree char *wrong = NULL;
  /* The 2026 notice, Qingming a day longer: Friday 04-03 off */
  static const char text[] =
    "国务院办公厅关于2026年部分节假日安排的通知\n"
    "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\n"
    "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。"
    "2月14日（周六）、2月28日（周六）上班。\n"
    "三、清明节：4月3日（周五）至6日（周一）放假，共4天。\n"
    "四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。\n"
    "五、端午节：6月19日（周五）至21日（周日）放假，共3天。\n"
    "六、中秋节：9月25日（周五）至27日（周日）放假，共3天。\n"
    "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。\n";

  g_autofree char *admin = civic_test_sign_in (service, "admin");
  g_autofree char *clerk = civic_test_sign_in (service, "clerk");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *body = NULL;
  JsonArray *changes, *moved;
  guint status;

  /* The administrator's client previews it through the service first */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  body = json_to_string (request, FALSE);
  answer = civic_test_request (service, "POST", "/api/v1/calendars/preview", admin, body,
                               &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (answer), "year"), ==, 2026);
  changes = json_object_get_array_member (json_node_get_object (answer), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0),
                                                  "day"), ==, "2026-04-03");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0),
                                                  "after"), ==, "holiday");
  moved = json_object_get_array_member (json_node_get_object (answer), "moved");
  g_assert_cmpuint (json_array_get_length (moved), >, 0);
  /* Every clock of the hall: the cases', then the requests' for
   * information and the citizens' messages', each from its day before
   * the holiday to a later one */
  {
    gboolean request_moved = FALSE, message_moved = FALSE;

    for (guint i = 0; i < json_array_get_length (moved); i++)
      {
        JsonObject *due = json_array_get_object_element (moved, i);
        const char *clock = json_object_get_string_member (due, "clock");

        g_assert_cmpstr (json_object_get_string_member (due, "from"), <,
                         json_object_get_string_member (due, "to"));
        request_moved |= g_str_equal (clock, "disclosure-reply");
        message_moved |= g_str_has_prefix (clock, "message-");
      }
    g_assert_true (request_moved);
    g_assert_true (message_moved);
  }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (moved, 0),
                                                  "number"), !=, NULL);
  g_clear_pointer (&answer, json_node_unref);
  /* Only the hall's administrators; a notice that cannot be read, refused */
  answer = civic_test_request (service, "POST", "/api/v1/calendars/preview", clerk, body, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&answer, json_node_unref);
  answer = civic_test_request (service, "POST", "/api/v1/calendars/preview", admin,
                               "{\"text\": \"放假\"}", &status);
  g_assert_cmpuint (status, ==, 422);
  g_clear_pointer (&answer, json_node_unref);

  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &preview, "calendar", "preview", file,
                                           NULL), ==, 0);
  g_test_message ("%s", preview);
  g_assert_nonnull (strstr (preview, "1 day of 2026 changes:"));
  g_assert_nonnull (strstr (preview, "2026-04-03 (Friday): a working day → a holiday"));
  g_assert_nonnull (strstr (preview, "of open cases, requests and messages move:"));
  g_assert_null (strstr (preview, "\n0 due dates of open cases"));

  g_assert_cmpint (civic_test_service_cli (service, NULL, &imported, "calendar", "import", file,
                                           "--number", "国办发明电〔2025〕7号", "--issued",
                                           "2025-11-04", NULL), ==, 0);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &show, "calendar", "show", "2026",
                                           NULL), ==, 0);
  g_assert_nonnull (strstr (show, "2026-04-03 Friday"));

  /* The running service counts with it at once: the same notice changes
   * nothing more */
  answer = civic_test_request (service, "POST", "/api/v1/calendars/preview", admin, body,
                               &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_node_get_object (answer), "changes")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_node_get_object (answer), "moved")), ==, 0);
  g_clear_pointer (&answer, json_node_unref);

  /* A weekday mistyped: refused, naming the day */
  g_assert_true (g_file_set_contents (file, "国务院办公厅关于2027年部分节假日安排的通知\n"
                                            "一、元旦：1月1日（周四）放假1天，不调休。\n", -1, NULL));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &wrong, "calendar", "preview", file,
                                           NULL), ==, 1);
  g_assert_nonnull (strstr (wrong, "1月1日"));
}

static void
test_backup_and_help (void)
{
  g_autoptr(CivicTestService) service = civic_test_service_new_demo (50, 5);
  g_autofree char *target = g_build_filename (service->data_dir, "copy.db", NULL);
  g_autofree char *output = NULL;
  g_autofree char *again = NULL;
  g_autofree char *help = NULL;
  g_autofree char *unknown = NULL;

  /* A database on PostgreSQL is backed up by PostgreSQL's own tools */
  if (civic_test_postgresql ())
    {
      g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "backup", "--to", target,
                                               NULL), ==, 1);
      g_assert_nonnull (strstr (output, "pg_dump"));
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      goto help;
    }

  /* While the service runs. */
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "backup", "--to", target, NULL),
                   ==, 0);
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &again, "backup", "--to", target, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (again, "exists; choose a new file"));

  /* The copy is a whole service: its audit chain holds. */
  {
    CivicTestService copy = { 0 };
    g_autofree char *verified = NULL;
    g_autofree char *db = NULL;

    copy.data_dir = g_dir_make_tmp ("civicdesk-copy-XXXXXX", NULL);
    db = g_build_filename (copy.data_dir, "civicdesk.db", NULL);
    g_assert_cmpint (g_rename (target, db), ==, 0);

    /* Without its keys, which are kept apart, it refuses to start afresh */
    g_assert_cmpint (civic_test_service_cli (&copy, NULL, &verified, "audit", "verify", NULL), ==, 1);
    g_assert_nonnull (strstr (verified, "restore them from their backup"));
    g_clear_pointer (&verified, g_free);

    /* With its keys restored from their own backup, it is whole */
    {
      g_autofree char *keys = g_build_filename (service->data_dir, "keys", NULL);

      g_setenv ("CIVICDESK_KEYS_DIR", keys, TRUE);
      g_assert_cmpint (civic_test_service_cli (&copy, NULL, &verified, "audit", "verify", NULL),
                       ==, 0);
      g_unsetenv ("CIVICDESK_KEYS_DIR");
    }
    g_assert_true (g_str_has_prefix (verified, "OK: "));
    g_unlink (db);
    g_rmdir (copy.data_dir);
    g_free (copy.data_dir);
  }

help:
  g_assert_cmpint (civic_test_service_cli (service, NULL, &help, "serve", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (help, "--listen"));
  g_assert_cmpint (civic_test_service_cli (service, NULL, &unknown, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (unknown, "unknown command “frobnicate”"));
}

/* HTTPS with the administrator's certificate; a client that trusts it
 * (and only it) gets through. */
static void
test_tls (void)
{
  g_autoptr(CivicTestService) service = civic_test_service_new_demo (5, 9);
  g_autofree char *cert = g_build_filename (service->data_dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (service->data_dir, "key.pem", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(SoupSession) trusting = NULL;
  g_autoptr(SoupSession) plain = NULL;
  g_autoptr(SoupMessage) ok_msg = NULL;
  g_autoptr(SoupMessage) refused_msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) nothing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) tls_error = NULL;
  const char *argv[] = {
    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    "-keyout", key, "-out", cert, NULL
  };
  g_autoptr(GSubprocess) openssl = NULL;

  openssl = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                     G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  if (openssl == NULL || !g_subprocess_wait_check (openssl, NULL, &error))
    {
      g_test_skip ("openssl cannot make a test certificate here");
      return;
    }

  civic_test_service_stop (service);
  civic_test_service_start_tls (service, cert, key);
  g_assert_true (g_str_has_prefix (service->base_url, "https://"));
  uri = g_strconcat (service->base_url, "/api/v1/health", NULL);

  database = g_tls_file_database_new (cert, &error);
  g_assert_no_error (error);
  trusting = soup_session_new_with_options ("tls-database", database, NULL);
  ok_msg = soup_message_new ("GET", uri);
  body = soup_session_send_and_read (trusting, ok_msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (ok_msg), ==, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (body, NULL), "\"status\":\"ok\""));

  /* The system's authorities do not know this certificate. */
  plain = soup_session_new ();
  refused_msg = soup_message_new ("GET", uri);
  nothing = soup_session_send_and_read (plain, refused_msg, NULL, &tls_error);
  g_assert_null (nothing);
  g_assert_error (tls_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
}

/* The scheduler, at start-up: the service was down for ten days. */
static void
test_scheduler_catches_up (void)
{
  g_autoptr(CivicTestService) service = civic_test_service_new_demo (0, 1);
  g_autofree char *receipt_path = NULL;
  g_autofree char *verify = NULL;
  g_autoptr(JsonNode) applied = NULL;
  g_autoptr(JsonNode) status_answer = NULL;
  guint status;

  applied = civic_test_request (service, "POST", "/public/v1/applications", NULL,
                                "{\"item_code\": \"430000-SCJG-XK-0001\", \"materials\": [],"
                                " \"applicant\": {\"kind\": \"person\", \"name\": \"周八\","
                                " \"id_number\": \"11010519491231002X\", \"phone\": \"13900001111\"}}",
                                &status);
  g_assert_cmpuint (status, ==, 201);
  receipt_path = g_strconcat ("/public/v1/applications/",
                              json_object_get_string_member (json_node_get_object (applied),
                                                             "receipt"), NULL);

  /* Fri 2026-03-20 + five working days is Fri 03-27; on Tue 03-31 the
   * service starts again and finds no correction notice was sent. */
  civic_test_service_stop (service);
  g_setenv ("CIVICDESK_NOW", "2026-03-31T08:00:00+08:00", TRUE);
  civic_test_service_start (service);
  g_setenv ("CIVICDESK_NOW", CIVIC_TEST_NOW, TRUE);

  status_answer = civic_test_request (service, "GET", receipt_path, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (status_answer), "state"),
                   ==, "under-review");
  /* Accepted as of the day it was received (Art. 32(4)). */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (status_answer),
                                                  "accepted_on"), ==, "2026-03-20");

  g_assert_cmpint (civic_test_service_cli (service, NULL, &verify, "audit", "verify", NULL), ==, 0);
}

/* The feed as a new client gets it, and a public search: what must read
 * the same wherever the records are */
static GHashTable *
what_it_serves (CivicTestService *service,
                char            **found)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  GHashTable *entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) json_node_unref);
  g_autoptr(JsonNode) search = NULL;
  guint status;

  civic_test_pull_all (service, token, 0, entities);
  search = civic_test_request (service, "GET", "/public/v1/disclosures?q=%E8%A1%8C%E6%94%BF%E8%AE%B8%E5%8F%AF",
                               NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (search), "total"), >, 0);
  *found = json_to_string (search, FALSE);
  return entities;
}

static void
assert_same (GHashTable *before,
             GHashTable *after)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonNode *moved = g_hash_table_lookup (after, key);

      g_assert_nonnull (moved);
      g_assert_true (json_node_equal (value, moved));
    }
}

static void
move_records (CivicTestService *service,
              const char       *from,
              const char       *to,
              GHashTable       *before,
              const char       *found_before)
{
  g_autofree char *now_at = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *output = NULL;
  g_autofree char *again = NULL;
  g_autofree char *found = NULL;

  civic_test_service_stop (service);
  g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "migrate", "--from", from,
                                           "--to", to, NULL), ==, 0);
  g_test_message ("%s", output);
  g_assert_nonnull (strstr (output, "the audit chain of "));
  /* … and not twice: the target is no longer empty */
  g_assert_cmpint (civic_test_service_cli (service, NULL, &again, "migrate", "--from", from,
                                           "--to", to, NULL), ==, 1);

  /* The folder names where the records are now */
  now_at = civic_test_database_uri (service->data_dir);
  g_assert_cmpstr (now_at, ==, g_str_has_prefix (to, "postgresql:") ? to : NULL);

  civic_test_service_start (service);
  after = what_it_serves (service, &found);
  assert_same (before, after);
  g_assert_cmpstr (found, ==, found_before);
}

/* "table.column" of every table of the SQLite file, but full-text
 * search's, which PostgreSQL does with trigram indexes instead */
static GPtrArray *
sqlite_columns (const char *file)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (file, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT m.name || '.' || p.name "
                                           "FROM sqlite_master m, pragma_table_info (m.name) p "
                                           "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' "
                                           "  AND m.name NOT GLOB '*_fts' "
                                           "  AND m.name NOT GLOB '*_fts_*' "
                                           "ORDER BY 1", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return columns;
}

static GPtrArray *
postgresql_columns (const char *uri)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  PGconn *conn = PQconnectdb (uri);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, "SELECT c FROM (SELECT CAST (table_name || '.' || column_name AS text) c "
                         "  FROM information_schema.columns WHERE table_schema = 'public') s "
                         "ORDER BY c COLLATE \"C\"");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (columns, g_strdup (PQgetvalue (result, i, 0)));
  PQclear (result);
  PQfinish (conn);
  return columns;
}

/* Both backends' schemas have the same tables and columns: a migration
 * written for one and forgotten for the other fails here, whether or not
 * any row would have shown it */
static void
assert_same_schema (const char *file,
                    const char *uri)
{
  g_autoptr(GPtrArray) lite = sqlite_columns (file);
  g_autoptr(GPtrArray) pg = postgresql_columns (uri);
  g_autofree char *lite_text = NULL;
  g_autofree char *pg_text = NULL;

  g_ptr_array_add (lite, NULL);
  g_ptr_array_add (pg, NULL);
  lite_text = g_strjoinv ("\n", (char **) lite->pdata);
  pg_text = g_strjoinv ("\n", (char **) pg->pdata);
  g_assert_cmpuint (lite->len, >, 200);
  g_assert_cmpstr (lite_text, ==, pg_text);
}

/* From the data folder's file to PostgreSQL and back (or, in the
 * PostgreSQL run, the other way round): the same records, the same
 * answers, the chain verified, and the folder naming where they are */
static void
test_migrate (void)
{
  static const char * const demo[] = { "--disclosures", "60", "--requests", "0", "--messages",
                                       "40", NULL };
  g_autoptr(CivicTestService) service = civic_test_service_new_demo_with (30, 17, demo);
  g_autofree char *found = NULL;
  g_autofree char *database = civic_test_new_database ();
  g_autofree char *start = civic_test_database_uri (service->data_dir);
  g_autofree char *file = g_build_filename (service->data_dir, "civicdesk.db", NULL);
  g_autofree char *moved_away = g_build_filename (service->data_dir, "civicdesk.db.old", NULL);
  g_autofree char *refused = NULL;
  g_autoptr(GHashTable) before = what_it_serves (service, &found);

  /* Into a database that holds records: refused, nothing written */
  civic_test_service_stop (service);
  if (start == NULL)
    {
      g_autofree char *busy = civic_test_new_database ();
      g_autofree char *conf = g_build_filename (service->data_dir, "civicdesk.conf", NULL);

      g_assert_cmpint (civic_test_service_cli (service, NULL, &refused, "migrate", "--from",
                                               service->data_dir, "--to", busy, NULL), ==, 0);
      g_clear_pointer (&refused, g_free);
      g_assert_cmpint (civic_test_service_cli (service, NULL, &refused, "migrate", "--from",
                                               service->data_dir, "--to", busy, NULL), ==, 1);
      g_assert_nonnull (strstr (refused, "only into an empty one"));
      g_assert_cmpint (g_unlink (conf), ==, 0);
    }
  civic_test_service_start (service);

  if (start == NULL)
    {
      /* The county's file to PostgreSQL … */
      move_records (service, service->data_dir, database, before, found);
      assert_same_schema (file, database);
      /* … and back into a new file */
      civic_test_service_stop (service);
      g_assert_cmpint (g_rename (file, moved_away), ==, 0);
      civic_test_service_start (service);
      move_records (service, database, service->data_dir, before, found);
    }
  else
    {
      move_records (service, start, service->data_dir, before, found);
      move_records (service, service->data_dir, database, before, found);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/init", test_init);
  g_test_add_func ("/cli/users", test_users);
  g_test_add_func ("/cli/last-admin", test_last_admin);
  g_test_add_func ("/cli/calendar", test_calendar);
  g_test_add_func ("/cli/calendar-notice", test_calendar_notice);
  g_test_add_func ("/cli/backup-and-help", test_backup_and_help);
  g_test_add_func ("/cli/tls", test_tls);
  g_test_add_func ("/cli/migrate", test_migrate);
  g_test_add_func ("/scheduler/catches-up", test_scheduler_catches_up);

  return g_test_run ();
}
