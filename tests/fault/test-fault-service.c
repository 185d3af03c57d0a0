/* test-fault-service.c — the service's commands through power cuts, a full
 * disk and I/O errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-fault-service"

#include "config.h"

#include <string.h>

#include "civic-accounts.h"
#include "civic-audit.h"
#include "civic-calendar-records.h"
#include "civic-case-records.h"
#include "civic-commands.h"
#include "civic-intake.h"
#include "civic-json.h"
#include "civic-server-db.h"
#include "civic-time.h"

#include "civic-fault-fixture.h"
#include "civic-fault-vfs.h"

/* Every trial starts from a copy of the same small service and sends one
 * command as POST /api/v1/commands does, civic_commands_execute_one() on
 * the service's own connection, while the disk fails somewhere. A run
 * without faults first tells what the command does: its answer, the
 * state before and after, and how many calls of each kind it makes. Then,
 * whatever failed, the database must open and pass integrity_check, the
 * audit chain must verify, the feed's counter must match its last row, and
 * the command must be all there (case, ledger row and audit entry, as the
 * run without faults left them) or not there at all — all there whenever
 * the service had answered "applied". Sending the same command id again
 * then applies it exactly once, with the answer the run without faults
 * got. */

/* One command, as a client sends it. */
typedef struct
{
  const char *username;
  char       *target;
  char       *body;
} Request;

/* What a trial sees of the service. */
typedef struct
{
  gint64 rev;        /* the target case's revision */
  gint64 case_seq;   /* the case's place in the change feed */
  char  *case_hash;  /* the case as the feed sends it */
  gint64 head;       /* the feed's counter */
  gint64 last_seq;   /* the highest place an entity has */
  gint64 audit;      /* audit entries, the chain verified */
  gint64 ledger;     /* ledger rows for the command's id */
} Record;

typedef struct
{
  const char *name;
  Request     warm_up;     /* sent first in the same session, when it has a body */
  Request     request;
  gboolean    checkpoint;  /* every commit checkpoints the -wal into the database */

  /* From the run without faults */
  char       *answer;
  Record      before;
  Record      after;
  guint       calls[CIVIC_FAULT_N_METHODS];
} Scenario;

typedef struct
{
  CivicDb       *db;
  CivicCalendar *calendar;
} Service;

typedef struct
{
  char       *dir;
  char       *name;
  Service     service;
  CivicActor *actor;
  gboolean    checkpoint;
} Trial;

typedef enum
{
  EXPECT_APPLIED,
  EXPECT_ABSENT,
  EXPECT_EITHER,
} Expect;

#define COMMENT_ID "c0ffee00-0000-4000-8000-00000000c001"
#define ACCEPT_ID  "c0ffee00-0000-4000-8000-00000000acc1"
#define WARM_UP_ID "c0ffee00-0000-4000-8000-00000000face"

static char *baseline;     /* the service before any command, all of it durable */
static Scenario comment_scenario = { .name = "comment" };
static Scenario accept_scenario = { .name = "accept" };
static Scenario checkpoint_scenario = { .name = "checkpoint", .checkpoint = TRUE };

/* The service */

static void
service_open (Service    *service,
              const char *dir)
{
  g_autoptr(GError) error = NULL;

  service->db = civic_server_db_open (dir, &error);
  g_assert_no_error (error);
  service->calendar = civic_calendar_records_load (service->db, "CN-43", &error);
  g_assert_no_error (error);
}

static void
service_close (Service *service)
{
  g_clear_object (&service->calendar);
  g_clear_object (&service->db);
}

static CivicActor *
service_actor (Service    *service,
               const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicAccount) account = civic_accounts_find (service->db, username, &error);

  g_assert_no_error (error);
  g_assert_nonnull (account);
  return civic_account_to_actor (account);
}

static char *
service_send (Service       *service,
              CivicActor    *actor,
              const Request *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = civic_json_parse (request->body, -1, &error);
  g_autoptr(GPtrArray) commands = NULL;
  CivicCommandEnv env = { service->db, service->calendar, NULL, "127.0.0.1" };

  g_assert_no_error (error);
  commands = civic_commands_parse (body, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (commands->len, ==, 1);
  return civic_commands_execute_one (&env, actor, g_ptr_array_index (commands, 0));
}

static const char *
answer_status (const char *answer)
{
  if (strstr (answer, "\"status\":\"applied\"") != NULL)
    return "applied";
  if (strstr (answer, "\"status\":\"error\",\"reason\":{\"code\":\"internal\"") != NULL)
    return "internal";
  return answer;
}

static gint64
query_int (CivicDb     *db,
           const char  *sql,
           const char  *parameter)
{
  g_autoptr(GError) error = NULL;
  CivicDbStmt *stmt = civic_db_prepare (db, sql, &error);
  gboolean row = FALSE;
  gint64 value;

  g_assert_no_error (error);
  if (parameter != NULL)
    civic_db_bind_text (stmt, 1, parameter);
  civic_db_step (db, stmt, &row, &error);
  g_assert_no_error (error);
  g_assert_true (row);
  value = civic_db_column_int64 (stmt, 0);
  civic_db_reset (stmt);
  return value;
}

static char *
query_text (CivicDb     *db,
            const char  *sql,
            const char  *parameter)
{
  g_autoptr(GError) error = NULL;
  CivicDbStmt *stmt = civic_db_prepare (db, sql, &error);
  gboolean row = FALSE;
  char *value = NULL;

  g_assert_no_error (error);
  if (parameter != NULL)
    civic_db_bind_text (stmt, 1, parameter);
  civic_db_step (db, stmt, &row, &error);
  g_assert_no_error (error);
  if (row)
    value = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  return value;
}

/* What is left */

static char *
command_id (const Request *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = civic_json_parse (request->body, -1, &error);
  JsonArray *commands;

  g_assert_no_error (error);
  commands = json_object_get_array_member (json_node_get_object (body), "commands");
  return g_strdup (json_object_get_string_member (json_array_get_object_element (commands, 0),
                                                  "id"));
}

static void
record_clear (Record *record)
{
  g_clear_pointer (&record->case_hash, g_free);
}

static void
record_read (Service       *service,
             const Request *request,
             Record        *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicEntityRow) row = NULL;
  g_autofree char *id = command_id (request);
  gint64 broken_seq;

  record_clear (record);

  row = civic_server_db_get_entity (service->db, "case", request->target, &error);
  g_assert_no_error (error);
  g_assert_nonnull (row);
  record->rev = row->rev;
  record->case_seq = row->seq;
  record->case_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, row->data, -1);

  record->head = civic_server_db_current_seq (service->db, &error);
  g_assert_no_error (error);
  record->last_seq = query_int (service->db, "SELECT max (seq) FROM entity", NULL);
  record->ledger = query_int (service->db, "SELECT count (*) FROM command WHERE id = ?", id);

  civic_audit_verify (service->db, &record->audit, &broken_seq, &error);
  g_assert_no_error (error);
  g_assert_cmpint (broken_seq, ==, 0);
}

static void
assert_same_record (const Record *seen,
                    const Record *expected)
{
  g_assert_cmpint (seen->rev, ==, expected->rev);
  g_assert_cmpint (seen->case_seq, ==, expected->case_seq);
  g_assert_cmpstr (seen->case_hash, ==, expected->case_hash);
  g_assert_cmpint (seen->head, ==, expected->head);
  g_assert_cmpint (seen->last_seq, ==, expected->last_seq);
  g_assert_cmpint (seen->audit, ==, expected->audit);
  g_assert_cmpint (seen->ledger, ==, expected->ledger);
}

static void
fail_trial (const Trial *trial,
            const char  *what)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", trial->name, what);

  g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
}

/* The checks every trial ends with, on the service as the trial left it. */
static void
check_outcome (Trial          *trial,
               const Scenario *scenario,
               Expect          expect)
{
  g_autofree char *integrity = NULL;
  g_autofree char *id = command_id (&scenario->request);
  Record seen = { 0 };

  integrity = query_text (trial->service.db, "PRAGMA integrity_check", NULL);
  g_assert_cmpstr (integrity, ==, "ok");

  record_read (&trial->service, &scenario->request, &seen);

  /* No gap and no number twice: the next change takes head + 1, and a
   * client that saw head has seen the last change. */
  g_assert_cmpint (seen.head, ==, seen.last_seq);

  if (seen.ledger > 0)
    {
      g_autofree char *stored = NULL;

      if (expect == EXPECT_ABSENT)
        fail_trial (trial, "the command was not acknowledged, and is there");
      if (expect == EXPECT_EITHER)
        civic_fault_fixture_came_back ();
      assert_same_record (&seen, &scenario->after);
      stored = query_text (trial->service.db, "SELECT response FROM command WHERE id = ?", id);
      g_assert_cmpstr (stored, ==, scenario->answer);
    }
  else
    {
      if (expect == EXPECT_APPLIED)
        fail_trial (trial, "the service answered “applied”, and the command is lost");
      assert_same_record (&seen, &scenario->before);
    }

  record_clear (&seen);
}

/* The client, told to send again, sends the same command: it applies
 * once, whatever happened before. */
static void
check_retry (Trial          *trial,
             const Scenario *scenario)
{
  Record seen = { 0 };

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *answer = service_send (&trial->service, trial->actor, &scenario->request);

      g_assert_cmpstr (answer, ==, scenario->answer);
    }

  record_read (&trial->service, &scenario->request, &seen);
  assert_same_record (&seen, &scenario->after);
  record_clear (&seen);
}

/* Trials */

/* The service checkpoints when the -wal reaches 1000 pages, in the
 * commit that gets it there; this makes every commit that one, to cut
 * the power in the middle of a checkpoint too. */
static void
trial_checkpoint_each_commit (Trial *trial)
{
  g_autoptr(GError) error = NULL;

  civic_db_exec (trial->service.db, "PRAGMA wal_autocheckpoint = 1", &error);
  g_assert_no_error (error);
}

static void
trial_start (Trial          *trial,
             const Scenario *scenario,
             Record         *before,
             const char     *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
trial_start (Trial          *trial,
             const Scenario *scenario,
             Record         *before,
             const char     *format,
             ...)
{
  va_list args;

  va_start (args, format);
  trial->name = g_strdup_vprintf (format, args);
  va_end (args);
  if (g_test_verbose ())
    g_test_message ("%s", trial->name);

  trial->dir = civic_fault_fixture_make_dir ("service");
  civic_fault_fixture_copy_dir (baseline, trial->dir);
  civic_fault_vfs_settle ();
  service_open (&trial->service, trial->dir);
  trial->checkpoint = scenario->checkpoint;
  if (trial->checkpoint)
    trial_checkpoint_each_commit (trial);

  if (scenario->warm_up.body != NULL)
    {
      g_autoptr(CivicActor) actor = service_actor (&trial->service, scenario->warm_up.username);
      g_autofree char *answer = service_send (&trial->service, actor, &scenario->warm_up);

      g_assert_cmpstr (answer_status (answer), ==, "applied");
    }

  /* The same reads in every trial, so that the command's calls are
   * counted alike. */
  trial->actor = service_actor (&trial->service, scenario->request.username);
  record_read (&trial->service, &scenario->request, before);
  civic_fault_vfs_reset_counts ();
}

static void
trial_restart (Trial *trial)
{
  service_open (&trial->service, trial->dir);
  if (trial->checkpoint)
    trial_checkpoint_each_commit (trial);
}

static void
trial_finish (Trial *trial)
{
  service_close (&trial->service);
  civic_fault_vfs_settle ();
  civic_fault_fixture_remove_dir (trial->dir);
  g_clear_pointer (&trial->dir, g_free);
  g_clear_pointer (&trial->name, g_free);
  g_clear_pointer (&trial->actor, civic_actor_free);
}

static const guint *
scenario_learn (gpointer subject)
{
  Scenario *scenario = subject;
  Trial trial = { 0 };

  if (scenario->answer != NULL)
    return scenario->calls;

  trial_start (&trial, scenario, &scenario->before, "%s without faults", scenario->name);
  scenario->answer = service_send (&trial.service, trial.actor, &scenario->request);
  for (guint i = 0; i < CIVIC_FAULT_N_METHODS; i++)
    scenario->calls[i] = civic_fault_vfs_count (i);
  g_assert_cmpstr (answer_status (scenario->answer), ==, "applied");

  record_read (&trial.service, &scenario->request, &scenario->after);
  g_assert_cmpint (scenario->after.rev, ==, scenario->before.rev + 1);
  g_assert_cmpint (scenario->after.case_seq, ==, scenario->before.head + 1);
  g_assert_cmpint (scenario->after.head, ==, scenario->before.head + 1);
  g_assert_cmpint (scenario->after.audit, ==, scenario->before.audit + 1);
  g_assert_cmpint (scenario->before.ledger, ==, 0);
  g_assert_cmpint (scenario->after.ledger, ==, 1);

  g_test_message ("%s: %u sync points, %u writes, %u reads, %u truncations; audit %"
                  G_GINT64_FORMAT " → %" G_GINT64_FORMAT " entries, case rev %" G_GINT64_FORMAT
                  " → %" G_GINT64_FORMAT, scenario->name,
                  scenario->calls[CIVIC_FAULT_SYNC], scenario->calls[CIVIC_FAULT_WRITE],
                  scenario->calls[CIVIC_FAULT_READ], scenario->calls[CIVIC_FAULT_TRUNCATE],
                  scenario->before.audit, scenario->after.audit,
                  scenario->before.rev, scenario->after.rev);

  /* Without a sync, nothing the command wrote is durable when it is
   * answered. */
  if (scenario->calls[CIVIC_FAULT_SYNC] == 0)
    fail_trial (&trial, "the command is answered before anything it wrote was synced");

  trial_finish (&trial);
  return scenario->calls;
}

/* The power goes at sync point @k of the command, or after its answer
 * when @k is one past the last; @torn lets some unsynced writes land. */
static void
power_cut_trial (gpointer  subject,
                 guint     k,
                 gboolean  torn,
                 guint32   seed)
{
  Scenario *scenario = subject;
  Trial trial = { 0 };
  Record before = { 0 };
  g_autofree char *answer = NULL;
  guint n = scenario->calls[CIVIC_FAULT_SYNC];
  gboolean acknowledged;

  if (k <= n)
    trial_start (&trial, scenario, &before, "%s, %spower cut at sync point %u of %u (seed %u)",
                 scenario->name, torn ? "torn " : "", k, n, seed);
  else
    trial_start (&trial, scenario, &before, "%s, %spower cut after the answer, past its %u sync "
                 "points (seed %u)", scenario->name, torn ? "torn " : "", n, seed);
  assert_same_record (&before, &scenario->before);

  if (k <= n)
    civic_fault_vfs_cut_at_sync (k);
  answer = service_send (&trial.service, trial.actor, &scenario->request);
  acknowledged = g_str_equal (answer_status (answer), "applied");
  if (!acknowledged)
    g_assert_cmpstr (answer_status (answer), ==, "internal");
  else
    g_assert_cmpstr (answer, ==, scenario->answer);

  civic_fault_vfs_cut_now ();
  service_close (&trial.service);
  if (torn)
    civic_fault_vfs_power_cut_torn (seed);
  else
    civic_fault_vfs_power_cut ();
  trial_restart (&trial);

  check_outcome (&trial, scenario, acknowledged ? EXPECT_APPLIED
                                                : torn ? EXPECT_EITHER : EXPECT_ABSENT);
  check_retry (&trial, scenario);

  record_clear (&before);
  trial_finish (&trial);
}

/* The @n-th call of @method fails with @rc (from then on with @sticky,
 * as a full disk does). The live service must see all or nothing; so
 * must the service after its process dies; the command then applies once
 * when sent again. */
static void
fault_trial (gpointer          subject,
             CivicFaultMethod  method,
             guint             n,
             int               rc,
             gboolean          sticky)
{
  Scenario *scenario = subject;
  Trial trial = { 0 };
  Record before = { 0 };
  g_autofree char *answer = NULL;
  gboolean acknowledged;

  trial_start (&trial, scenario, &before, "%s, %s %s at %s %u of %u", scenario->name,
               sqlite3_errstr (rc), sticky ? "from" : "once", civic_fault_method_to_string (method),
               n, scenario->calls[method]);
  assert_same_record (&before, &scenario->before);

  if (sticky)
    civic_fault_vfs_fail_from (method, n, rc);
  else
    civic_fault_vfs_fail_once (method, n, rc);
  answer = service_send (&trial.service, trial.actor, &scenario->request);
  acknowledged = g_str_equal (answer_status (answer), "applied");
  if (!acknowledged)
    g_assert_cmpstr (answer_status (answer), ==, "internal");
  else
    g_assert_cmpstr (answer, ==, scenario->answer);
  civic_fault_vfs_clear_faults ();

  check_outcome (&trial, scenario, acknowledged ? EXPECT_APPLIED : EXPECT_ABSENT);

  /* A failed fsync is not a rollback: the commit's frames may be in the
   * -wal all the same, and a crash before the next checkpoint brings the
   * transaction back. That is allowed (it is whole, and the ledger gives
   * the retry its answer); a half of it is not. */
  civic_fault_vfs_cut_now ();
  service_close (&trial.service);
  civic_fault_vfs_crash ();
  trial_restart (&trial);
  check_outcome (&trial, scenario, acknowledged ? EXPECT_APPLIED : EXPECT_EITHER);

  check_retry (&trial, scenario);

  record_clear (&before);
  trial_finish (&trial);
}

/* The small service every trial copies: the demo, and one application
 * nobody has looked at yet. */

static char *
submit_application (Service *service)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer_node = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(CivicCase) kase = NULL;
  g_autofree char *answer = NULL;

  body = civic_json_parse ("{\"item_code\": \"430000-SCJG-XK-0001\", \"materials\": [],"
                           " \"applicant\": {\"kind\": \"person\", \"name\": \"李小明\","
                           " \"id_number\": \"11010519491231002X\", \"phone\": \"13812345678\","
                           " \"address\": \"湖南省长沙市岳麓区麓山路1号\"}}", -1, &error);
  g_assert_no_error (error);
  answer = civic_intake_submit (service->db, service->calendar, body, now, "127.0.0.1", &error);
  g_assert_no_error (error);

  answer_node = civic_json_parse (answer, -1, &error);
  g_assert_no_error (error);
  kase = civic_case_records_load_by_receipt (service->db,
                                             json_object_get_string_member (
                                               json_node_get_object (answer_node), "receipt"),
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (civic_case_get_state (kase), ==, CIVIC_CASE_STATE_SUBMITTED);
  return g_strdup (civic_case_get_id (kase));
}

/* Accepting needs every required material received. */
static char *
accept_body (Service    *service,
             const char *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicCase) kase = civic_case_records_load (service->db, case_id, &error);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GString) received = g_string_new ("[");

  g_assert_no_error (error);
  missing = civic_case_dup_missing_materials (kase);
  g_assert_cmpuint (missing->len, >=, 1);
  for (guint i = 0; i < missing->len; i++)
    g_string_append_printf (received, "%s\"%s\"", i > 0 ? "," : "",
                            ((CivicMaterial *) g_ptr_array_index (missing, i))->id);
  g_string_append_c (received, ']');

  return g_strdup_printf ("{\"commands\":[{\"id\":\"" ACCEPT_ID "\",\"type\":\"accept\","
                          "\"target\":\"%s\",\"args\":{\"received\":%s}}]}",
                          case_id, received->str);
}

static void
make_baseline (void)
{
  Service service = { 0 };
  g_autofree char *application = NULL;
  g_autofree char *under_review = NULL;

  baseline = civic_fault_fixture_make_dir ("baseline");
  civic_fault_fixture_make_service (baseline);
  service_open (&service, baseline);

  application = submit_application (&service);
  under_review = query_text (service.db, "SELECT id FROM case_record WHERE state = 'under-review' "
                                         "AND department_id = 'scjg' ORDER BY number LIMIT 1",
                             NULL);
  g_assert_nonnull (under_review);

  /* An examiner's note on a case under review: a new session's first
   * write. */
  comment_scenario.request = (Request) {
    "examiner", g_strdup (under_review),
    g_strdup_printf ("{\"commands\":[{\"id\":\"" COMMENT_ID "\",\"type\":\"comment\","
                     "\"target\":\"%s\",\"args\":{\"text\":\"请补充现场照片\"}}]}", under_review),
  };

  /* The same with a checkpoint after the commit: the database file is
   * written and synced too. */
  checkpoint_scenario.request = (Request) {
    "examiner", g_strdup (under_review), g_strdup (comment_scenario.request.body),
  };

  /* The clerk accepts the new application after the examiner's note: a
   * write into a session's -wal that is already there. */
  accept_scenario.warm_up = (Request) {
    "examiner", g_strdup (under_review),
    g_strdup_printf ("{\"commands\":[{\"id\":\"" WARM_UP_ID "\",\"type\":\"comment\","
                     "\"target\":\"%s\",\"args\":{\"text\":\"已核对\"}}]}", under_review),
  };
  accept_scenario.request = (Request) {
    "clerk", g_strdup (application), accept_body (&service, application),
  };

  service_close (&service);
  civic_fault_vfs_settle ();
}

static void
scenario_free (Scenario *scenario)
{
  g_free (scenario->warm_up.target);
  g_free (scenario->warm_up.body);
  g_free (scenario->request.target);
  g_free (scenario->request.body);
  g_free (scenario->answer);
  record_clear (&scenario->before);
  record_clear (&scenario->after);
}

int
main (int    argc,
      char **argv)
{
  static const CivicFaultTrials trials = { scenario_learn, power_cut_trial, fault_trial };
  Scenario *scenarios[] = { &comment_scenario, &accept_scenario, &checkpoint_scenario };
  int status;

  civic_fault_fixture_init (&argc, &argv);
  make_baseline ();

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    civic_fault_fixture_add_tests ("/fault/service", scenarios[i]->name, &trials, scenarios[i]);

  status = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    scenario_free (scenarios[i]);
  civic_fault_fixture_remove_dir (baseline);
  g_free (baseline);
  return status;
}
