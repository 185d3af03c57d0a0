/* test-supervision.c — e-supervision's figures, kept as records change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <libsoup/soup.h>
#include <poppler.h>

#include "civic-calendar-records.h"
#include "civic-commands.h"
#include "civic-entity.h"
#include "civic-records.h"
#include "civic-scheduler.h"
#include "civic-server-db.h"
#include "civic-time.h"

#include "civic-test-service.h"

/* The figures counted from scratch: every record of every watched kind
 * loaded and read on @today, its contributions summed */
typedef struct
{
  GHashTable *tally;   /* "department\ttype\tsubject\tmetric\tweek" → n */
  GHashTable *count;   /* "department\ttype\tstatus" → n */
  const char *type;
  const CivicSupervised *record;
} Figures;

static void
figures_init (Figures *figures)
{
  figures->tally = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  figures->count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
figures_clear (Figures *figures)
{
  g_clear_pointer (&figures->tally, g_hash_table_unref);
  g_clear_pointer (&figures->count, g_hash_table_unref);
}

static void
add (GHashTable *table,
     char       *key,
     int         n)
{
  int before = GPOINTER_TO_INT (g_hash_table_lookup (table, key));

  if (before + n == 0)
    g_hash_table_remove (table, key);
  else
    g_hash_table_replace (table, key, GINT_TO_POINTER (before + n));
  if (before + n == 0)
    g_free (key);
}

static void
brute_tally_cb (CivicSupervisionMetric  metric,
                CivicDay                week,
                int                     n,
                gpointer                user_data)
{
  Figures *figures = user_data;
  g_autofree char *week_text = civic_day_format (week);

  add (figures->tally, g_strdup_printf ("%s\t%s\t%s\t%s\t%s", figures->record->department_id,
                                        figures->type, figures->record->subject,
                                        civic_supervision_metric_to_nick (metric), week_text), n);
}

static void
count_from_scratch (CivicDb        *db,
                    CivicCalendar  *calendar,
                    CivicDay        today,
                    Figures        *figures)
{
  const CivicEntityKind * const *kinds = civic_entity_kinds ();

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      const CivicRecordStore *store = civic_records_lookup (kinds[k]->type);
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      CivicDbStmt *stmt;
      gboolean row;

      if (kinds[k]->supervise == NULL)
        continue;
      g_assert_nonnull (store);

      stmt = civic_db_prepare (db, "SELECT id FROM entity WHERE type = ? AND deleted = 0", &error);
      g_assert_no_error (error);
      civic_db_bind_text (stmt, 1, kinds[k]->type);
      while (civic_db_step (db, stmt, &row, &error) && row)
        g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
      civic_db_reset (stmt);
      g_assert_no_error (error);

      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(GObject) record = store->load (db, g_ptr_array_index (ids, i), &error);
          g_auto(CivicSupervisionSource) source = { 0, };
          g_auto(CivicSupervised) read = { 0, };

          g_assert_no_error (error);
          g_assert_nonnull (record);
          if (!kinds[k]->supervise (record, calendar, today, &source) ||
              !civic_supervised_read (&source, calendar, today, &read))
            continue;

          figures->type = kinds[k]->type;
          figures->record = &read;
          civic_supervised_tally (&read, brute_tally_cb, figures);
          if (read.running)
            add (figures->count, g_strdup_printf ("%s\t%s\t%s", read.department_id,
                                                  kinds[k]->type,
                                                  civic_supervised_status_nick (&read)), 1);
        }
    }
}

/* The figures the service kept */
static void
count_kept (CivicDb  *db,
            Figures  *figures)
{
  g_autoptr(GError) error = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT department_id, type, subject, metric, week, n "
                               "FROM supervision_tally WHERE n != 0", &error);
  g_assert_no_error (error);
  while (civic_db_step (db, stmt, &row, &error) && row)
    add (figures->tally, g_strdup_printf ("%s\t%s\t%s\t%s\t%s", civic_db_column_text (stmt, 0),
                                          civic_db_column_text (stmt, 1),
                                          civic_db_column_text (stmt, 2),
                                          civic_db_column_text (stmt, 3),
                                          civic_db_column_text (stmt, 4)),
         civic_db_column_int (stmt, 5));
  civic_db_reset (stmt);
  g_assert_no_error (error);

  stmt = civic_db_prepare (db, "SELECT department_id, type, status, n "
                               "FROM supervision_count WHERE n != 0", &error);
  g_assert_no_error (error);
  while (civic_db_step (db, stmt, &row, &error) && row)
    add (figures->count, g_strdup_printf ("%s\t%s\t%s", civic_db_column_text (stmt, 0),
                                          civic_db_column_text (stmt, 1),
                                          civic_db_column_text (stmt, 2)),
         civic_db_column_int (stmt, 3));
  civic_db_reset (stmt);
  g_assert_no_error (error);
}

static void
assert_same_table (GHashTable *expected,
                   GHashTable *kept,
                   const char *what)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (g_hash_table_lookup (kept, key)) != GPOINTER_TO_INT (value))
      g_error ("%s %s: counted %d from scratch, kept %d", what, (char *) key,
               GPOINTER_TO_INT (value), GPOINTER_TO_INT (g_hash_table_lookup (kept, key)));
  g_hash_table_iter_init (&iter, kept);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (expected, key))
      g_error ("%s %s: kept %d, none counted from scratch", what, (char *) key,
               GPOINTER_TO_INT (value));
}

static guint
assert_figures_agree (CivicDb        *db,
                      CivicCalendar  *calendar,
                      CivicDay        today)
{
  Figures scratch, kept;
  guint n;

  figures_init (&scratch);
  figures_init (&kept);
  count_from_scratch (db, calendar, today, &scratch);
  count_kept (db, &kept);
  assert_same_table (scratch.tally, kept.tally, "tally");
  assert_same_table (scratch.count, kept.count, "count");
  n = g_hash_table_size (scratch.tally);
  figures_clear (&scratch);
  figures_clear (&kept);
  return n;
}

/* A command of the kind's with arguments made up from their declarations,
 * as a hurried official might fill in the form; the rules refuse many,
 * which changes nothing, and apply the others */
static JsonObject *
make_arguments (const CivicEntityKind *kind,
                guint                  action,
                GObject               *record,
                const char            *me,
                CivicDay               today,
                GRand                 *rand)
{
  const CivicArgument *arguments = kind->arguments ? kind->arguments (action) : NULL;
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *today_text = civic_day_format (today);

  for (guint i = 0; arguments != NULL && arguments[i].name != NULL; i++)
    {
      const CivicArgument *a = &arguments[i];

      switch (a->kind)
        {
        case CIVIC_ARGUMENT_LINE:
        case CIVIC_ARGUMENT_TEXT:
          json_object_set_string_member (args, a->name, "经审查，依法办理，已告知相关情况。");
          break;
        case CIVIC_ARGUMENT_CHOICE:
          if (a->usual != NULL && g_rand_boolean (rand))
            json_object_set_string_member (args, a->name, a->usual);
          else
            {
              g_autoptr(GEnumClass) enum_class = g_type_class_ref (a->enum_type ());

              json_object_set_string_member (args, a->name,
                                             enum_class->values[g_rand_int_range (rand, 0, enum_class->n_values)].value_nick);
            }
          break;
        case CIVIC_ARGUMENT_DATE:
          json_object_set_string_member (args, a->name, today_text);
          break;
        case CIVIC_ARGUMENT_TIME:
          json_object_set_string_member (args, a->name, "10:00");
          break;
        case CIVIC_ARGUMENT_NUMBER:
          json_object_set_int_member (args, a->name,
                                      a->max_for ? a->max_for (record)
                                                 : g_rand_int_range (rand, a->min, a->max + 1));
          break;
        case CIVIC_ARGUMENT_SWITCH:
          json_object_set_boolean_member (args, a->name, g_rand_boolean (rand));
          break;
        case CIVIC_ARGUMENT_NAMES:
          {
            JsonArray *names = json_array_new ();

            json_array_add_string_element (names, "李明");
            json_object_set_array_member (args, a->name, names);
          }
          break;
        case CIVIC_ARGUMENT_CHECKLIST:
        case CIVIC_ARGUMENT_OPTION:
          {
            CivicArgumentSources sources = { .me = me };
            g_autoptr(GPtrArray) options = a->options ? a->options (record, &sources) : NULL;

            if (a->kind == CIVIC_ARGUMENT_OPTION)
              json_object_set_string_member (args, a->name,
                                             options != NULL && options->len > 0
                                             ? ((CivicArgumentOption *) g_ptr_array_index (options, 0))->value
                                             : me);
            else
              {
                JsonArray *values = json_array_new ();

                for (guint o = 0; options != NULL && o < options->len; o++)
                  if (g_rand_boolean (rand))
                    json_array_add_string_element (values,
                                                   ((CivicArgumentOption *) g_ptr_array_index (options, o))->value);
                json_object_set_array_member (args, a->name, values);
              }
          }
          break;
        case CIVIC_ARGUMENT_MARKDOWN:
        case CIVIC_ARGUMENT_GUIDE:
        case CIVIC_ARGUMENT_PASSWORD:
        case CIVIC_ARGUMENT_KEY:
        default:
          return NULL;
        }
    }
  return g_steal_pointer (&args);
}

static char *
official_of (CivicDb    *db,
             const char *department_id)
{
  g_autoptr(GError) error = NULL;
  CivicDbStmt *stmt;
  char *id = NULL;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id FROM account WHERE department_id = ? AND disabled = 0 "
                               "ORDER BY id LIMIT 1", &error);
  g_assert_no_error (error);
  civic_db_bind_text (stmt, 1, department_id);
  if (civic_db_step (db, stmt, &row, &error) && row)
    id = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  g_assert_no_error (error);
  return id;
}

/* One random command on one random record of a watched kind; whether the
 * service applied it */
static gboolean
random_command (CivicDb        *db,
                CivicCalendar  *calendar,
                GDateTime      *now,
                GRand          *rand,
                guint           serial)
{
  static const char * const types[] = {
    CIVIC_ENTITY_CASE, CIVIC_ENTITY_MESSAGE, CIVIC_ENTITY_DISCLOSURE_REQUEST,
    CIVIC_ENTITY_EVALUATION, CIVIC_ENTITY_HEARING, CIVIC_ENTITY_DISCLOSURE,
  };
  const char *type = types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))];
  const CivicRecordStore *store = civic_records_lookup (type);
  const CivicEntityKind *kind = store->kind;
  CivicDay today = civic_time_day_of (now);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(CivicActor) actor = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autoptr(CivicCommand) command = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autofree char *id = NULL, *me = NULL, *command_id = NULL, *response = NULL;
  g_auto(CivicSupervisionSource) source = { 0, };
  CivicWorkflowContext context;
  CivicCommandEnv env = { db, calendar, now, NULL, NULL };
  CivicDbStmt *stmt;
  gboolean row;
  guint action;

  stmt = civic_db_prepare (db, "SELECT id FROM entity WHERE type = ? AND deleted = 0 "
                               "ORDER BY id LIMIT 1 OFFSET ?", &error);
  g_assert_no_error (error);
  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_int (stmt, 2, g_rand_int_range (rand, 0, 40));
  if (civic_db_step (db, stmt, &row, &error) && row)
    id = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  g_assert_no_error (error);
  if (id == NULL)
    return FALSE;

  record = store->load (db, id, &error);
  g_assert_no_error (error);
  if (!kind->supervise (record, calendar, today, &source) || source.department_id == NULL)
    return FALSE;
  me = official_of (db, source.department_id);
  if (me == NULL)
    return FALSE;

  /* Every role an official of the department may hold */
  actor = civic_actor_new (me, "测试", source.department_id,
                           ((CIVIC_ROLE_DEPARTMENT_ADMIN << 1) - 1) &
                           ~(CIVIC_ROLE_SUPERVISOR | CIVIC_ROLE_ADMIN | CIVIC_ROLE_SYSTEM));
  civic_workflow_context_init (&context, calendar, now, actor);
  actions = kind->list_actions (record, &context);
  if (actions == NULL || actions->len == 0)
    return FALSE;
  action = g_array_index (actions, guint, g_rand_int_range (rand, 0, actions->len));
  args = make_arguments (kind, action, record, me, today, rand);
  if (args == NULL)
    return FALSE;

  command_id = g_strdup_printf ("supervision-test-%u", serial);
  command = civic_command_new (command_id, kind->action_to_string (action), id, args);
  response = civic_commands_execute_one (&env, actor, command);
  return strstr (response, "\"status\":\"applied\"") != NULL;
}

static void
test_brute_force (void)
{
  CivicTestService *service = civic_test_service_new_demo (150, 7);
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(CivicCalendar) calendar = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (CIVIC_TEST_NOW, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  CivicSchedulerReport report = { 0, };
  guint applied = 0, figures = 0, serial = 0;

  /* This process is the service now: nothing else may run its clocks */
  civic_test_service_stop (service);
  db = civic_server_db_open (service->data_dir, &error);
  g_assert_no_error (error);
  calendar = civic_calendar_records_load (db, "CN-43", &error);
  g_assert_no_error (error);

  /* The demo wrote its records before any day passed */
  g_assert_true (civic_scheduler_run_all (db, calendar, start, &report, &error));
  g_assert_no_error (error);
  figures = assert_figures_agree (db, calendar, civic_time_day_of (start));
  g_assert_cmpuint (figures, >, 50);

  /* Days pass, over a holiday or two; commands change records; each
   * morning's job brings every colour that changed up to date */
  for (int day = 1; day <= 40; day += g_rand_int_range (rand, 1, 4))
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (start, day);

      for (int i = 0; i < 12; i++)
        applied += random_command (db, calendar, now, rand, serial++);
      g_assert_true (civic_scheduler_run_all (db, calendar, now, &report, &error));
      g_assert_no_error (error);
      assert_figures_agree (db, calendar, civic_time_day_of (now));
    }
  g_test_message ("%u commands applied of %u; %u figures at the start", applied, serial, figures);
  g_assert_cmpuint (applied, >, serial / 10);

  civic_test_service_free (service);
}

/* The answer lasts until the next one */
static JsonObject *
get (CivicTestService *service,
     const char       *token,
     const char       *path,
     guint             expected)
{
  static JsonNode *last;
  guint status = 0;

  g_clear_pointer (&last, json_node_unref);
  last = civic_test_request (service, "GET", path, token, NULL, &status);
  if (status != expected)
    g_error ("GET %s: %u, expected %u", path, status, expected);
  return last != NULL && JSON_NODE_HOLDS_OBJECT (last) ? json_node_get_object (last) : NULL;
}

static gint64
count_in_database (CivicTestService *service,
                   const char       *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = civic_server_db_open (service->data_dir, &error);
  CivicDbStmt *stmt;
  gboolean row;
  gint64 n;

  g_assert_no_error (error);
  stmt = civic_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (civic_db_step (db, stmt, &row, &error) && row);
  n = civic_db_column_int64 (stmt, 0);
  civic_db_reset (stmt);
  return n;
}

static gint64
kinds_total (JsonObject *counts,
             const char *status)
{
  JsonArray *kinds = json_object_get_array_member (counts, "kinds");
  gint64 n = 0;

  for (guint i = 0; i < json_array_get_length (kinds); i++)
    n += json_object_get_int_member (json_array_get_object_element (kinds, i), status);
  return n;
}

/* The overview, trends, rates and lists over HTTP, each reader in their
 * own scope */
static void
test_endpoints (void)
{
  CivicTestService *service = civic_test_service_new_demo (300, 11);
  g_autofree char *supervisor = NULL, *approver = NULL, *examiner = NULL;
  JsonObject *answer, *totals;
  JsonArray *departments, *weeks, *items, *rows;
  gint64 red, yellow, n;
  guint i;

  supervisor = civic_test_sign_in (service, "supervisor");
  approver = civic_test_sign_in (service, "approver");
  examiner = civic_test_sign_in (service, "examiner");

  /* A supervisor: every department, totals that add up and equal the
   * records' own colours */
  answer = get (service, supervisor, "/api/v1/supervision/overview", SOUP_STATUS_OK);
  g_assert_cmpstr (json_object_get_string_member (answer, "today"), ==, "2026-03-20");
  departments = json_object_get_array_member (answer, "departments");
  g_assert_cmpuint (json_array_get_length (departments), >, 20);
  totals = json_object_get_object_member (answer, "totals");
  red = json_object_get_int_member (totals, "red");
  yellow = json_object_get_int_member (totals, "yellow");
  g_assert_cmpint (red, >, 0);
  g_assert_cmpint (red, ==, kinds_total (totals, "red"));
  g_assert_cmpint (red, ==, count_in_database (service, "SELECT COUNT (*) FROM supervised "
                                                        "WHERE status = 'red'"));
  g_assert_cmpint (yellow, ==, count_in_database (service, "SELECT COUNT (*) FROM supervised "
                                                           "WHERE status = 'yellow'"));
  n = 0;
  for (i = 0; i < json_array_get_length (departments); i++)
    n += json_object_get_int_member (json_array_get_object_element (departments, i), "red");
  g_assert_cmpint (n, ==, red);
  /* A case's colour is its summary's */
  g_assert_cmpint (count_in_database (service, "SELECT COUNT (*) FROM supervised s JOIN entity e "
                                               "ON e.type = s.type AND e.id = s.id "
                                               "WHERE s.type = 'case' AND s.status = 'red'"), ==,
                   count_in_database (service, "SELECT COUNT (*) FROM entity WHERE type = 'case' "
                                               "AND json_extract (data, '$.summary.status') = 'red'"));

  /* A department's head: their own department, and nothing of another's */
  answer = get (service, approver, "/api/v1/supervision/overview", SOUP_STATUS_OK);
  departments = json_object_get_array_member (answer, "departments");
  g_assert_cmpuint (json_array_get_length (departments), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (departments, 0),
                                                  "id"), ==, "scjg");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (answer, "totals"),
                                               "red"), ==,
                   count_in_database (service, "SELECT COUNT (*) FROM supervised "
                                               "WHERE status = 'red' AND department_id = 'scjg'"));
  get (service, approver, "/api/v1/supervision/overview?department=gat", SOUP_STATUS_FORBIDDEN);
  get (service, approver, "/api/v1/supervision/items?department=gat&status=red",
       SOUP_STATUS_FORBIDDEN);
  answer = get (service, approver, "/api/v1/supervision/items?status=red&limit=200",
                SOUP_STATUS_OK);
  items = json_object_get_array_member (answer, "items");
  for (i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i),
                                                    "department_id"), ==, "scjg");
  /* Anyone else: nothing */
  get (service, examiner, "/api/v1/supervision/overview", SOUP_STATUS_FORBIDDEN);
  get (service, NULL, "/api/v1/supervision/overview", SOUP_STATUS_UNAUTHORIZED);

  /* Red ones, the longest overdue first, as many as the overview says */
  answer = get (service, supervisor, "/api/v1/supervision/items?status=red&type=case&limit=200",
                SOUP_STATUS_OK);
  items = json_object_get_array_member (answer, "items");
  g_assert_cmpint (json_object_get_int_member (answer, "total"), ==,
                   red -
                   count_in_database (service, "SELECT COUNT (*) FROM supervised "
                                               "WHERE status = 'red' AND type != 'case'"));
  for (i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "red");
      g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "case");
      g_assert_cmpstr (json_object_get_string_member (item, "due"), <, "2026-03-20");
      if (i > 0)
        g_assert_cmpstr (json_object_get_string_member (item, "due"), >=,
                         json_object_get_string_member (json_array_get_object_element (items, i - 1),
                                                        "due"));
    }

  /* Twelve weeks by default, each with its figures, summing to the rates' */
  answer = get (service, supervisor, "/api/v1/supervision/trend?type=case", SOUP_STATUS_OK);
  weeks = json_object_get_array_member (answer, "weeks");
  g_assert_cmpuint (json_array_get_length (weeks), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (answer, "to"), ==, "2026-03-16");
  n = 0;
  for (i = 0; i < json_array_get_length (weeks); i++)
    n += json_object_get_int_member (json_array_get_object_element (weeks, i), "done");
  g_assert_cmpint (n, >, 0);
  answer = get (service, supervisor, "/api/v1/supervision/rates?type=case&by=type",
                SOUP_STATUS_OK);
  rows = json_object_get_array_member (answer, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 0), "done"),
                   ==, n);
  /* By service item, named */
  answer = get (service, supervisor, "/api/v1/supervision/rates?type=case&by=subject",
                SOUP_STATUS_OK);
  rows = json_object_get_array_member (answer, "rows");
  g_assert_cmpuint (json_array_get_length (rows), >, 3);
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (rows, 0),
                                                   "name"));

  /* The records behind a figure of the period */
  answer = get (service, supervisor, "/api/v1/supervision/items?metric=done&type=case"
                                     "&from=2025-12-29&to=2026-03-20", SOUP_STATUS_OK);
  g_assert_cmpint (json_object_get_int_member (answer, "total"), ==, n);

  /* What is not a question */
  get (service, supervisor, "/api/v1/supervision/items?status=purple", SOUP_STATUS_BAD_REQUEST);
  get (service, supervisor, "/api/v1/supervision/trend?from=2020-01-01", SOUP_STATUS_BAD_REQUEST);
  get (service, supervisor, "/api/v1/supervision/trend?from=2026-04-01&to=2026-03-01",
       SOUP_STATUS_BAD_REQUEST);
  get (service, supervisor, "/api/v1/supervision/rates?by=colour", SOUP_STATUS_BAD_REQUEST);
  get (service, supervisor, "/api/v1/supervision/items?type=user", SOUP_STATUS_BAD_REQUEST);
  get (service, supervisor, "/api/v1/supervision/items?limit=100000", SOUP_STATUS_BAD_REQUEST);
  get (service, supervisor, "/api/v1/supervision/everything", SOUP_STATUS_NOT_FOUND);

  civic_test_service_free (service);
}

static char *
first_red_case (CivicTestService *service,
                const char       *token,
                char            **title)
{
  JsonObject *answer = get (service, token, "/api/v1/supervision/items?status=red&type=case"
                                            "&department=scjg&limit=1", SOUP_STATUS_OK);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (answer, "items"),
                                                    0);

  *title = g_strdup (json_object_get_string_member (item, "title"));
  return g_strdup (json_object_get_string_member (item, "id"));
}

static JsonObject *
summary_of (JsonObject *card)
{
  return json_object_get_object_member (card, "summary");
}

static void
restart_at (CivicTestService *service,
            const char       *now)
{
  civic_test_service_stop (service);
  g_setenv ("CIVICDESK_NOW", now, TRUE);
  civic_test_service_start (service);
}

/* A card from issue to closing: who may do what, where it reaches, its
 * clock across the Qingming holiday, and its escalation by the service */
static void
test_warnings (void)
{
  CivicTestService *service = civic_test_service_new_demo (200, 5);
  g_autofree char *supervisor = civic_test_sign_in (service, "supervisor");
  g_autofree char *approver = civic_test_sign_in (service, "approver");
  g_autofree char *examiner = civic_test_sign_in (service, "examiner");
  g_autofree char *card = civic_test_uuid ();
  g_autofree char *other = civic_test_uuid ();
  g_autofree char *title = NULL, *case_id = NULL, *args = NULL, *quoted = NULL, *key = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) json_node_unref);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *data, *answer;
  JsonArray *events;
  gint64 red_before;

  case_id = first_red_case (service, supervisor, &title);
  quoted = civic_test_quote (title);
  answer = get (service, supervisor, "/api/v1/supervision/overview", SOUP_STATUS_OK);
  red_before = json_object_get_int_member (json_object_get_object_member (answer, "totals"), "red");

  /* Only a supervisor issues one, to a department there is, on a record
   * of that department's */
  civic_test_rejected (service, approver, "issue-warning", other,
                       "{\"level\": \"yellow\", \"department_id\": \"scjg\", "
                       "\"text\": \"请说明超期原因\"}", "role");
  civic_test_rejected (service, supervisor, "issue-warning", other,
                       "{\"level\": \"yellow\", \"department_id\": \"nowhere\", "
                       "\"text\": \"请说明超期原因\"}", "argument");
  args = g_strdup_printf ("{\"level\": \"yellow\", \"department_id\": \"gat\", "
                          "\"target_type\": \"case\", \"target_id\": \"%s\", "
                          "\"text\": \"请说明超期原因\"}", case_id);
  civic_test_rejected (service, supervisor, "issue-warning", other, args, "argument");
  civic_test_rejected (service, supervisor, "issue-warning", other,
                       "{\"level\": \"yellow\", \"department_id\": \"scjg\", "
                       "\"text\": \"请说明超期原因\", \"reply_within\": 30}", "argument");

  /* A yellow card on a red case, ten working days to reply: due on the
   * Friday before Qingming */
  g_free (args);
  args = g_strdup_printf ("{\"level\": \"yellow\", \"department_id\": \"scjg\", "
                          "\"target_type\": \"case\", \"target_id\": \"%s\", "
                          "\"target_title\": %s, \"text\": \"该案件已超过承诺时限，请说明原因并限期办结。\", "
                          "\"reply_within\": 10}", case_id, quoted);
  data = civic_test_applied (service, supervisor, "issue-warning", card, args, &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (data, "level"), ==, "yellow");
  g_assert_cmpstr (json_object_get_string_member (summary_of (data), "due"), ==, "2026-04-03");
  g_assert_cmpstr (json_object_get_string_member (summary_of (data), "status"), ==, "green");

  /* It reaches the department warned, and no other */
  key = g_strconcat ("warning/", card, NULL);
  civic_test_pull_all (service, approver, 0, seen);
  g_assert_true (g_hash_table_contains (seen, key));
  g_hash_table_remove_all (seen);
  /* ...and the supervisors, whose feed carries the cards and not the
   * province's records: the case carded is read when opened */
  civic_test_pull_all (service, supervisor, 0, seen);
  g_assert_true (g_hash_table_contains (seen, key));
  {
    g_autofree char *carded = g_strconcat ("case/", case_id, NULL);
    g_autofree char *path = g_strconcat ("/api/v1/cases/", case_id, NULL);
    GHashTableIter iter;
    gpointer seen_key;
    guint cases = 0;

    g_assert_false (g_hash_table_contains (seen, carded));
    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &seen_key, NULL))
      cases += g_str_has_prefix (seen_key, "case/");
    g_assert_cmpint (cases, <, civic_test_count_rows (service, "SELECT count (*) FROM entity "
                                                               "WHERE type = 'case'") / 10);
    answer = get (service, supervisor, path, SOUP_STATUS_OK);
    g_assert_cmpstr (json_object_get_string_member (answer, "id"), ==, case_id);
  }
  g_hash_table_remove_all (seen);
  {
    g_autofree char *police = civic_test_sign_in (service, "gat.approver");
    g_autofree char *path = g_strconcat ("/api/v1/warnings/", card, NULL);

    civic_test_pull_all (service, police, 0, seen);
    g_assert_false (g_hash_table_contains (seen, key));
    get (service, police, path, SOUP_STATUS_NOT_FOUND);
    civic_test_rejected (service, police, "reply-warning", card,
                         "{\"measures\": \"已处理\"}", "not-found");
  }

  /* Counted among the department's clocks */
  answer = get (service, supervisor, "/api/v1/supervision/items?type=warning&status=green",
                SOUP_STATUS_OK);
  g_assert_cmpint (json_object_get_int_member (answer, "total"), ==, 1);

  /* An examiner does not answer for the department; the supervisor does
   * not close what was not answered */
  civic_test_rejected (service, examiner, "reply-warning", card,
                       "{\"measures\": \"已处理\"}", "role");
  civic_test_rejected (service, supervisor, "close-warning", card, NULL, "state");

  /* Unanswered past its day: the service turns it red, with three more
   * working days after Qingming (4–6 April) */
  restart_at (service, "2026-04-07T09:00:00+08:00");
  g_free (supervisor);
  g_free (approver);
  supervisor = civic_test_sign_in (service, "supervisor");
  approver = civic_test_sign_in (service, "approver");
  answer = get (service, supervisor, "/api/v1/warnings/x", SOUP_STATUS_NOT_FOUND);
  {
    g_autofree char *path = g_strconcat ("/api/v1/warnings/", card, NULL);

    answer = get (service, supervisor, path, SOUP_STATUS_OK);
    data = json_object_get_object_member (answer, "data");
    g_assert_cmpstr (json_object_get_string_member (data, "level"), ==, "red");
    g_assert_cmpstr (json_object_get_string_member (summary_of (data), "due"), ==, "2026-04-10");
    g_assert_cmpint (json_object_get_int_member (summary_of (data), "round"), ==, 2);
    events = json_object_get_array_member (data, "events");
    g_assert_cmpuint (json_array_get_length (events), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 1),
                                                    "type"), ==, "escalated");
  }

  /* The head replies; the supervisor returns it for more, then closes it */
  g_clear_pointer (&holder, json_node_unref);
  data = civic_test_applied (service, approver, "reply-warning", card,
                             "{\"measures\": \"已约谈经办人，案件已于今日办结，建立超期预警台账。\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "replied");
  g_assert_cmpstr (json_object_get_string_member (summary_of (data), "status"), ==, "done");
  g_clear_pointer (&holder, json_node_unref);
  data = civic_test_applied (service, supervisor, "return-warning", card,
                             "{\"reason\": \"请补充整改台账\", \"reply_within\": 2}", &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "open");
  g_assert_cmpint (json_object_get_int_member (summary_of (data), "round"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (summary_of (data), "due"), ==, "2026-04-09");
  g_clear_pointer (&holder, json_node_unref);
  civic_test_applied (service, approver, "reply-warning", card,
                      "{\"measures\": \"台账已建立并报送。\"}", &holder);
  g_clear_pointer (&holder, json_node_unref);
  data = civic_test_applied (service, supervisor, "close-warning", card,
                             "{\"assessment\": \"整改到位\"}", &holder);
  g_assert_cmpstr (json_object_get_string_member (data, "state"), ==, "closed");
  events = json_object_get_array_member (data, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 6);

  /* Its first round went over: counted late in the week it was answered */
  answer = get (service, supervisor, "/api/v1/supervision/rates?type=warning&by=type"
                                     "&from=2026-03-16&to=2026-04-12", SOUP_STATUS_OK);
  data = json_array_get_object_element (json_object_get_array_member (answer, "rows"), 0);
  g_assert_cmpint (json_object_get_int_member (data, "opened"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "done"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "late"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "overdue"), ==, 1);
  (void) red_before;

  /* Every step in the audit log, by whom */
  {
    g_autofree char *output = NULL;

    g_assert_cmpint (civic_test_service_cli (service, NULL, &output, "audit", "verify", NULL), ==, 0);
  }

  g_setenv ("CIVICDESK_NOW", CIVIC_TEST_NOW, TRUE);
  civic_test_service_free (service);
}

static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_object_unref (page);
    }
  g_object_unref (document);
  return g_string_free (text, FALSE);
}

/* Any table or list as CSV and XLSX: whole, in the reader's language,
 * personal data masked, each on the audit log */
static void
test_exports (void)
{
  CivicTestService *service = civic_test_service_new_demo (200, 9);
  g_autofree char *supervisor = civic_test_sign_in (service, "supervisor");
  g_autofree char *approver = civic_test_sign_in (service, "approver");
  g_autofree char *card = civic_test_uuid ();
  g_autofree char *type = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GBytes) csv = NULL, xlsx = NULL, chinese = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *answer;
  const char *text;
  gsize size;
  guint status;
  gint64 total, before;

  /* A card on the department whose text gives a citizen's mobile number,
   * yellow from the start with two days to reply */
  civic_test_applied (service, supervisor, "issue-warning", card,
                      "{\"level\": \"red\", \"department_id\": \"scjg\", \"reply_within\": 2, "
                      "\"text\": \"来信人姓名：王小红，电话13912345678，反映窗口超期未办，请核查\"}", &holder);

  before = count_in_database (service, "SELECT COUNT (*) FROM audit WHERE action = 'export'");
  answer = get (service, supervisor, "/api/v1/supervision/items?limit=1", SOUP_STATUS_OK);
  total = json_object_get_int_member (answer, "total");
  g_assert_cmpint (total, >, 1);

  csv = civic_test_download (service, "/api/v1/supervision/items/csv", supervisor, &status, &type);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (type, ==, "text/csv");
  text = g_bytes_get_data (csv, &size);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  {
    g_autofree char *copy = g_strndup (text, size);

    lines = g_strsplit (copy, "\r\n", -1);
  }
  /* Headings, every red and yellow record, an empty end */
  g_assert_cmpuint (g_strv_length (lines), ==, total + 2);
  g_assert_true (g_str_has_prefix (lines[0], "\xEF\xBB\xBFKind,Record,Department,"));
  g_assert_nonnull (strstr (text, "Supervision card"));
  /* What the privacy lint finds in a cell is masked: the number, which
   * a clause naming a person (来信人, 姓名：) makes personal */
  g_assert_null (strstr (text, "13912345678"));
  g_assert_nonnull (strstr (text, "来信人姓名"));

  xlsx = civic_test_download (service, "/api/v1/supervision/rates/xlsx?by=department", supervisor,
                              &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  g_assert_cmpuint (g_bytes_get_size (xlsx), >, 2000);
  g_assert_true (memcmp (g_bytes_get_data (xlsx, NULL), "PK\x03\x04", 4) == 0);

  /* In Chinese for a Chinese reader */
  chinese = civic_test_download_in_language (service, "zh-CN", "/api/v1/supervision/trend/csv",
                                             supervisor, &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (chinese, NULL), g_bytes_get_size (chinese),
                                  "按时办结率"));

  /* A head exports their own department only; nobody else anything */
  g_bytes_unref (civic_test_download (service, "/api/v1/supervision/items/csv?department=gat",
                                      approver, &status, NULL));
  g_assert_cmpuint (status, ==, SOUP_STATUS_FORBIDDEN);
  g_bytes_unref (civic_test_download (service, "/api/v1/supervision/items/pdf", supervisor,
                                      &status, NULL));
  g_assert_cmpuint (status, ==, SOUP_STATUS_NOT_FOUND);

  /* The period's report, a formal document in the reader's language */
  {
    g_autoptr(GBytes) pdf = NULL;
    g_autofree char *type_pdf = NULL;
    g_autofree char *words = NULL;

    pdf = civic_test_download_in_language (service, "zh-CN",
                                           "/api/v1/supervision/report/pdf?department=scjg",
                                           supervisor, &status, &type_pdf);
    g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
    g_assert_cmpstr (type_pdf, ==, "application/pdf");
    words = pdf_text (pdf);
    g_assert_nonnull (strstr (words, "电子监察情况通报"));
    g_assert_nonnull (strstr (words, "湖南省市场监督管理局"));
    g_assert_null (strstr (words, "13912345678"));
    g_bytes_unref (civic_test_download (service, "/api/v1/supervision/report/pdf?department=gat",
                                        approver, &status, NULL));
    g_assert_cmpuint (status, ==, SOUP_STATUS_FORBIDDEN);
    g_bytes_unref (civic_test_download (service, "/api/v1/supervision/report/csv", supervisor,
                                        &status, NULL));
    g_assert_cmpuint (status, ==, SOUP_STATUS_NOT_FOUND);
  }

  /* Four exports, each on the audit log with what was asked */
  g_assert_cmpint (count_in_database (service, "SELECT COUNT (*) FROM audit WHERE action = 'export'"),
                   ==, before + 4);
  g_assert_cmpint (count_in_database (service, "SELECT COUNT (*) FROM audit WHERE action = 'export' "
                                               "AND target = 'rates' AND detail LIKE "
                                               "'%\"format\":\"xlsx\"%by=department%'"), ==, 1);

  civic_test_service_free (service);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/supervision/brute-force", test_brute_force);
  g_test_add_func ("/supervision/endpoints", test_endpoints);
  g_test_add_func ("/supervision/warnings", test_warnings);
  g_test_add_func ("/supervision/exports", test_exports);

  return g_test_run ();
}
