/* civic-test-service.c — the real civicdesk-server, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "civic-test-service.h"

/* Tests talk to the real program: `civicdesk-server demo` fills a
 * temporary folder, `civicdesk-server serve` listens on a free port of
 * 127.0.0.1 and writes it to a file, and the test speaks HTTP to it. */

static const char *
server_binary (void)
{
  const char *path = g_getenv ("CIVICDESK_SERVER_BIN");

  g_assert_nonnull (path);
  return path;
}

static SoupSession *session (void);

/* The server suites run twice: as "server", each service in an SQLite
 * file in its data folder, and as "server-pg" (CIVICDESK_TEST_POSTGRESQL
 * set), each in a database of its own on one throwaway PostgreSQL
 * cluster per test program, which build-aux/pg-cluster.sh makes and
 * stops when the program ends, however it ends. */

static char *pg_dir;

/**
 * civic_test_postgresql:
 *
 * Returns: whether this run keeps the services' records in PostgreSQL
 */
gboolean
civic_test_postgresql (void)
{
  const char *value = g_getenv ("CIVICDESK_TEST_POSTGRESQL");

  return value != NULL && *value != '\0' && !g_str_equal (value, "0");
}

/* Runs build-aux/pg-cluster.sh with @args */
static void
pg_cluster_run (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (g_getenv ("CIVICDESK_PG_CLUSTER"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("CIVICDESK_PG_CLUSTER"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, &errors,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pg-cluster.sh %s %s failed: %s%s", args[0], args[1], output, errors);
}

static const char *
pg_cluster (void)
{
  g_autofree char *pid = NULL;
  g_autoptr(GError) error = NULL;

  if (pg_dir != NULL)
    return pg_dir;

  pg_dir = g_dir_make_tmp ("civic-pg-XXXXXX", &error);
  g_assert_no_error (error);
  pid = g_strdup_printf ("%d", (int) getpid ());
  {
    const char *args[] = { "start", pg_dir, "--fast", "--watch", pid, NULL };

    pg_cluster_run (args);
  }
  return pg_dir;
}

/**
 * civic_test_restart_postgresql:
 *
 * Restarts this program's PostgreSQL cluster: every connection to it is
 * dropped, as in a failover.
 */
void
civic_test_restart_postgresql (void)
{
  const char *args[] = { "restart", pg_cluster (), NULL };

  pg_cluster_run (args);
}

/* Runs @sql on the postgres database of the cluster in @dir; returns
 * the first value of its first row, if any */
static char *
cluster_exec (const char *dir,
              const char *sql)
{
  char *value = NULL;
  g_autofree char *port_file = g_build_filename (dir, "port", NULL);
  g_autofree char *port = NULL;
  g_autofree char *uri = NULL;
  PGconn *conn;
  PGresult *result;

  g_assert_true (g_file_get_contents (port_file, &port, NULL, NULL));
  g_strstrip (port);
  uri = g_strdup_printf ("postgresql://civicdesk@/postgres?host=%s&port=%s", dir, port);
  conn = PQconnectdb (uri);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", uri, PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK && PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (PQntuples (result) > 0 && PQnfields (result) > 0)
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

/**
 * civic_test_start_standby:
 *
 * Returns: (transfer full): the folder of a new streaming standby of this
 * program's PostgreSQL cluster (pg_basebackup), stopped and removed when
 * the program ends
 */
char *
civic_test_start_standby (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("civic-standby-XXXXXX", &error);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  const char *args[] = { "standby", dir, "--of", pg_cluster (), "--watch", pid, NULL };

  g_assert_no_error (error);
  pg_cluster_run (args);
  return g_steal_pointer (&dir);
}

/**
 * civic_test_stop_standby:
 *
 * Stops the standby in @standby_dir, as if its machine were gone.
 */
void
civic_test_stop_standby (const char *standby_dir)
{
  const char *args[] = { "stop", standby_dir, NULL };

  pg_cluster_run (args);
}

/**
 * civic_test_standby_uri:
 *
 * Returns: (transfer full): the URI of @data_dir's database on the
 * standby in @standby_dir
 */
char *
civic_test_standby_uri (const char *standby_dir,
                        const char *data_dir)
{
  g_autofree char *uri = civic_test_database_uri (data_dir);
  g_autofree char *port_file = g_build_filename (standby_dir, "port", NULL);
  g_autofree char *port = NULL;
  g_autofree char *name = NULL;
  const char *start, *end;

  g_assert_nonnull (uri);
  start = strstr (uri, "@/");
  end = strchr (uri, '?');
  g_assert_true (start != NULL && end != NULL && end > start);
  name = g_strndup (start + 2, end - start - 2);
  g_assert_true (g_file_get_contents (port_file, &port, NULL, NULL));
  g_strstrip (port);
  return g_strdup_printf ("postgresql://civicdesk@/%s?host=%s&port=%s", name, standby_dir, port);
}

/**
 * civic_test_standby_exec:
 *
 * Runs @sql (pg_wal_replay_pause(), say) on the standby in @standby_dir.
 *
 * Returns: (transfer full) (nullable): the first value of its first row
 */
char *
civic_test_standby_exec (const char *standby_dir,
                         const char *sql)
{
  return cluster_exec (standby_dir, sql);
}

/**
 * civic_test_new_database:
 *
 * Returns: (transfer full): the URI of a new, empty database on this
 * program's PostgreSQL cluster
 */
char *
civic_test_new_database (void)
{
  static guint counter;
  const char *dir = pg_cluster ();
  g_autofree char *name = g_strdup_printf ("t%u", ++counter);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0", name);
  g_autofree char *port_file = g_build_filename (dir, "port", NULL);
  g_autofree char *port = NULL;

  g_free (cluster_exec (dir, sql));
  g_assert_true (g_file_get_contents (port_file, &port, NULL, NULL));
  g_strstrip (port);
  return g_strdup_printf ("postgresql://civicdesk@/%s?host=%s&port=%s", name, dir, port);
}

/**
 * civic_test_prepare_data_dir:
 *
 * Points a new data folder at a new database of its own when the run is
 * against PostgreSQL (its civicdesk.conf); leaves it for the SQLite file
 * otherwise.
 */
void
civic_test_prepare_data_dir (const char *data_dir)
{
  g_autofree char *uri = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (!civic_test_postgresql ())
    return;

  uri = civic_test_new_database ();
  conf = g_strdup_printf ("[database]\nuri=%s\n", uri);
  path = g_build_filename (data_dir, "civicdesk.conf", NULL);
  g_file_set_contents (path, conf, -1, &error);
  g_assert_no_error (error);
}

static CivicTestService *
service_new (void)
{
  CivicTestService *service = g_new0 (CivicTestService, 1);
  g_autoptr(GError) error = NULL;

  service->data_dir = g_dir_make_tmp ("civicdesk-test-XXXXXX", &error);
  g_assert_no_error (error);
  civic_test_prepare_data_dir (service->data_dir);
  g_setenv ("CIVICDESK_NOW", CIVIC_TEST_NOW, TRUE);
  return service;
}

static int
run (const char * const *argv,
     const char         *input,
     char              **output)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                     G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);

  if (err != NULL && *err != '\0')
    g_test_message ("%s: %s", argv[1], err);
  if (output != NULL)
    *output = g_strconcat (out ? out : "", err ? err : "", NULL);

  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/**
 * civic_test_service_cli:
 * @...: the subcommand and its arguments, %NULL-terminated; --data-dir is
 *   added
 *
 * Returns: the exit status of civicdesk-server.
 */
int
civic_test_service_cli (CivicTestService  *service,
                        const char        *input,
                        char             **output,
                        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, g_strdup (server_binary ()));
  va_start (args, output);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, g_strdup ("--data-dir"));
  g_ptr_array_add (argv, g_strdup (service->data_dir));
  g_ptr_array_add (argv, NULL);

  return run ((const char * const *) argv->pdata, input, output);
}

/**
 * civic_test_service_new_demo:
 *
 * A service with @cases demo cases (and their hearings), without the
 * demo's disclosures and citizens' messages: the tests written before
 * there were any count on an organ's first index number, an empty public
 * directory and the feed they knew.
 */
CivicTestService *
civic_test_service_new_demo (int     cases,
                             guint64 seed)
{
  static const char * const no_disclosures[] = { "--disclosures", "0", "--requests", "0",
                                                 "--messages", "0", NULL };

  return civic_test_service_new_demo_with (cases, seed, no_disclosures);
}

/**
 * civic_test_service_new_demo_with:
 * @demo_args: (nullable): more options of `demo`, %NULL-terminated, such
 *   as "--disclosures", "300"
 *
 * Returns: (transfer full): a started service with @cases demo cases
 */
CivicTestService *
civic_test_service_new_demo_with (int                 cases,
                                  guint64             seed,
                                  const char * const *demo_args)
{
  CivicTestService *service = service_new ();
  g_autofree char *n = g_strdup_printf ("%d", cases);
  g_autofree char *s = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *output = NULL;
  int status;

  g_ptr_array_add (argv, g_strdup (server_binary ()));
  g_ptr_array_add (argv, g_strdup ("demo"));
  g_ptr_array_add (argv, g_strdup ("--cases"));
  g_ptr_array_add (argv, g_strdup (n));
  g_ptr_array_add (argv, g_strdup ("--seed"));
  g_ptr_array_add (argv, g_strdup (s));
  g_ptr_array_add (argv, g_strdup ("--password"));
  g_ptr_array_add (argv, g_strdup ("demo-password"));
  for (guint i = 0; demo_args != NULL && demo_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (demo_args[i]));
  g_ptr_array_add (argv, g_strdup ("--data-dir"));
  g_ptr_array_add (argv, g_strdup (service->data_dir));
  g_ptr_array_add (argv, NULL);

  status = run ((const char * const *) argv->pdata, NULL, &output);
  if (status != 0)
    g_error ("demo failed: %s", output);

  civic_test_service_start (service);
  return service;
}

CivicTestService *
civic_test_service_new_empty (void)
{
  CivicTestService *service = service_new ();
  g_autofree char *output = NULL;

  if (civic_test_service_cli (service, "admin-password\n", &output, "init", NULL) != 0)
    g_error ("init failed: %s", output);

  civic_test_service_start (service);
  return service;
}

/**
 * civic_test_copy_folder:
 *
 * Copies the files of @from (not its folders) into a new folder @to,
 * readable by the user only: a service's keys.
 */
void
civic_test_copy_folder (const char *from,
                        const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents_full (target, contents, length,
                                               G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    }
}

/**
 * civic_test_service_new_sibling:
 *
 * Returns: (transfer full): a second process of the same service, on the
 * same PostgreSQL database, from a data folder of its own holding a copy
 * of the service's keys and configuration, as a province's operator
 * deploys them; started
 */
CivicTestService *
civic_test_service_new_sibling (CivicTestService *service)
{
  CivicTestService *sibling = g_new0 (CivicTestService, 1);
  g_autofree char *keys = g_build_filename (service->data_dir, "keys", NULL);
  g_autofree char *sibling_keys = NULL;
  g_autofree char *conf = g_build_filename (service->data_dir, "civicdesk.conf", NULL);
  g_autofree char *sibling_conf = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_test_postgresql ());
  sibling->data_dir = g_dir_make_tmp ("civicdesk-sibling-XXXXXX", &error);
  g_assert_no_error (error);
  sibling_keys = g_build_filename (sibling->data_dir, "keys", NULL);
  sibling_conf = g_build_filename (sibling->data_dir, "civicdesk.conf", NULL);
  civic_test_copy_folder (keys, sibling_keys);
  g_assert_true (g_file_get_contents (conf, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (sibling_conf, contents, -1, NULL));
  civic_test_service_start (sibling);
  return sibling;
}

/* A service outlives no test: it is stopped when the test dies. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
start (CivicTestService   *service,
       const char         *cert,
       const char         *key,
       const char * const *extra)
{
  g_autofree char *port_file = g_build_filename (service->data_dir, "port", NULL);
  g_autofree char *log_file = g_build_filename (service->data_dir, "serve.log", NULL);
  g_autofree char *contents = NULL;
  /* Started again, it comes back where it was: clients know it by its
   * address. */
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", service->port);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add_many (args, server_binary (), "serve", "--data-dir", service->data_dir,
                           "--listen", listen, "--port-file", port_file, "--quiet", NULL);
  if (cert != NULL)
    g_strv_builder_add_many (args, "--tls-cert", cert, "--tls-key", key, NULL);
  if (extra != NULL)
    g_strv_builder_addv (args, (const char **) extra);
  argv = g_strv_builder_end (args);

  g_unlink (port_file);

  /* Its output goes to a file: the test's own stdout is TAP. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  /* Every test's warnings are fatal, but a fault test's services warn of
   * the faults by design */
  if (service->warnings_expected)
    g_subprocess_launcher_setenv (launcher, "G_DEBUG", "gc-friendly", TRUE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_file);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  service->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 1200 && !g_file_test (port_file, G_FILE_TEST_EXISTS); i++)
    {
      /* The identifier goes once the child has exited and been reaped. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (g_subprocess_get_identifier (service->process) == NULL)
        g_error ("civicdesk-server serve exited before it listened");
      g_usleep (25 * 1000);
    }

  g_assert_true (g_file_get_contents (port_file, &contents, NULL, &error));
  service->port = (guint) g_ascii_strtoull (contents, NULL, 10);
  g_assert_cmpuint (service->port, >, 0);
  g_free (service->base_url);
  service->base_url = g_strdup_printf ("%s://127.0.0.1:%u", cert ? "https" : "http",
                                       service->port);
}

void
civic_test_service_start (CivicTestService *service)
{
  start (service, NULL, NULL, NULL);
}

/**
 * civic_test_service_start_with:
 * @extra: more options of `serve`, %NULL-terminated
 */
void
civic_test_service_start_with (CivicTestService   *service,
                               const char * const *extra)
{
  start (service, NULL, NULL, extra);
}

void
civic_test_service_start_tls (CivicTestService *service,
                              const char       *cert,
                              const char       *key)
{
  start (service, cert, key, NULL);
}

void
civic_test_service_stop (CivicTestService *service)
{
  g_autoptr(GError) error = NULL;

  if (service->process == NULL)
    return;

  g_subprocess_send_signal (service->process, SIGTERM);
  g_subprocess_wait (service->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (service->process));
  if (g_subprocess_get_exit_status (service->process) != 0)
    {
      /* What it said on the way out: a sanitizer's report, most likely */
      g_autofree char *log_file = g_build_filename (service->data_dir, "serve.log", NULL);
      g_autofree char *said = NULL;

      g_file_get_contents (log_file, &said, NULL, NULL);
      g_printerr ("%s", said ? said : "");
    }
  g_assert_cmpint (g_subprocess_get_exit_status (service->process), ==, 0);
  g_clear_object (&service->process);
}

void
civic_test_service_kill (CivicTestService *service)
{
  if (service->process == NULL)
    return;

  g_subprocess_force_exit (service->process);
  g_subprocess_wait (service->process, NULL, NULL);
  g_clear_object (&service->process);
  /* Its keep-alive connections went with it */
  soup_session_abort (session ());
}

void
civic_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        civic_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
civic_test_service_free (CivicTestService *service)
{
  civic_test_service_stop (service);
  if (service->data_dir != NULL)
    civic_test_remove_tree (service->data_dir);
  g_free (service->data_dir);
  g_free (service->base_url);
  g_free (service);
}

static SoupSession *
session (void)
{
  static SoupSession *session;

  if (session == NULL)
    session = soup_session_new_with_options ("timeout", 60, NULL);
  return session;
}

/**
 * civic_test_request:
 * @body: (nullable): a JSON text to send
 * @status: (out): the HTTP status
 *
 * Returns: (transfer full) (nullable): the answer, parsed.
 */
JsonNode *
civic_test_request (CivicTestService *service,
                    const char       *method,
                    const char       *path,
                    const char       *token,
                    const char       *body,
                    guint            *status)
{
  return civic_test_request_in_language (service, NULL, method, path, token, body, status);
}

/**
 * civic_test_request_in_language:
 * @language: (nullable): the Accept-Language header, "zh-CN, en"
 */
JsonNode *
civic_test_request_in_language (CivicTestService *service,
                                const char       *language,
                                const char       *method,
                                const char       *path,
                                const char       *token,
                                const char       *body,
                                guint            *status)
{
  const char *headers[] = { "Accept-Language", language, NULL };

  return civic_test_request_with_headers (service, language != NULL ? headers : NULL, method,
                                          path, token, body, status);
}

/**
 * civic_test_request_with_headers:
 * @headers: (nullable): names and values, in turn, then %NULL
 */
JsonNode *
civic_test_request_with_headers (CivicTestService   *service,
                                 const char * const *headers,
                                 const char         *method,
                                 const char         *path,
                                 const char         *token,
                                 const char         *body,
                                 guint              *status)
{
  g_autofree char *uri = g_strconcat (service->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (msg);
  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    soup_message_headers_append (soup_message_get_request_headers (msg), headers[i],
                                 headers[i + 1]);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  response = soup_session_send_and_read (session (), msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);

  if (g_bytes_get_size (response) == 0)
    return NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (response, NULL),
                                   g_bytes_get_size (response), &error))
    g_error ("%s %s → %u: not JSON: %.*s", method, path, *status,
             (int) g_bytes_get_size (response), (const char *) g_bytes_get_data (response, NULL));

  return json_node_ref (json_parser_get_root (parser));
}

/**
 * civic_test_upload:
 *
 * POSTs @content as the body, of @content_type; the answer as JSON
 */
JsonNode *
civic_test_upload (CivicTestService *service,
                   const char       *path,
                   const char       *token,
                   const char       *content_type,
                   GBytes           *content,
                   guint            *status)
{
  g_autofree char *uri = g_strconcat (service->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  soup_message_set_request_body_from_bytes (msg, content_type, content);
  response = soup_session_send_and_read (session (), msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  if (g_bytes_get_size (response) == 0)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (response, NULL),
                                   g_bytes_get_size (response), &error))
    g_error ("POST %s → %u: not JSON", path, *status);
  return json_node_ref (json_parser_get_root (parser));
}

/**
 * civic_test_download:
 * @content_type: (out) (optional): the answer's type
 *
 * Returns: (transfer full): the body of the answer as it came, not JSON:
 * a document's PDF
 */
GBytes *
civic_test_download (CivicTestService  *service,
                     const char        *path,
                     const char        *token,
                     guint             *status,
                     char             **content_type)
{
  return civic_test_download_in_language (service, NULL, path, token, status, content_type);
}

/**
 * civic_test_download_in_language:
 * @language: (nullable): the reader's Accept-Language
 */
GBytes *
civic_test_download_in_language (CivicTestService  *service,
                                 const char        *language,
                                 const char        *path,
                                 const char        *token,
                                 guint             *status,
                                 char             **content_type)
{
  g_autofree char *uri = g_strconcat (service->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GError) error = NULL;
  GBytes *response;

  g_assert_nonnull (msg);
  if (language != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept-Language",
                                  language);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  response = soup_session_send_and_read (session (), msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  if (content_type != NULL)
    *content_type = g_strdup (soup_message_headers_get_content_type (
                                soup_message_get_response_headers (msg), NULL));
  return response;
}

/**
 * civic_test_fetch:
 * @if_none_match: (nullable): an ETag the client has
 * @etag: (out) (optional): the answer's ETag
 *
 * A public GET, conditional or not: the body, whatever its type
 */
GBytes *
civic_test_fetch (CivicTestService  *service,
                  const char        *path,
                  const char        *if_none_match,
                  guint             *status,
                  char             **content_type,
                  char             **etag)
{
  g_autofree char *uri = g_strconcat (service->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  GBytes *response;

  g_assert_nonnull (msg);
  if (if_none_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-None-Match",
                                  if_none_match);
  response = soup_session_send_and_read (session (), msg, NULL, &error);
  g_assert_no_error (error);
  headers = soup_message_get_response_headers (msg);
  *status = soup_message_get_status (msg);
  if (content_type != NULL)
    *content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  return response;
}

char *
civic_test_sign_in (CivicTestService *service,
                    const char       *username)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"demo-password\"}",
                                           username);
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (service, "POST", "/api/v1/session", NULL, body, &status);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "token"));
}

/**
 * civic_test_pull_page:
 * @entities: (nullable): "type/id" → the entity's data, filled in
 * @more: (out) (optional): whether the feed goes on
 *
 * Reads one page of the feed after @after, checking that its changes come
 * in sequence order, each after the cursor.
 *
 * Returns: the cursor after the page.
 */
gint64
civic_test_pull_page (CivicTestService *service,
                      const char       *token,
                      gint64            after,
                      guint             limit,
                      GHashTable       *entities,
                      gboolean         *more)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/changes?after=%" G_GINT64_FORMAT
                                           "&limit=%u", after, limit);
  g_autoptr(JsonNode) page = NULL;
  JsonObject *object;
  JsonArray *changes;
  gint64 cursor = after;
  guint status;

  page = civic_test_request (service, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (page);
  changes = json_object_get_array_member (object, "changes");

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      g_autofree char *key = g_strdup_printf ("%s/%s",
                                              json_object_get_string_member (change, "type"),
                                              json_object_get_string_member (change, "id"));

      /* Sequence order, each change after the cursor. */
      g_assert_cmpint (json_object_get_int_member (change, "seq"), >, cursor);
      cursor = json_object_get_int_member (change, "seq");
      if (entities != NULL)
        g_hash_table_replace (entities, g_steal_pointer (&key),
                              json_node_ref (json_object_get_member (change, "data")));
    }

  g_assert_cmpint (json_object_get_int_member (object, "next"), >=, after);
  if (more != NULL)
    *more = json_object_get_boolean_member (object, "more");
  return json_object_get_int_member (object, "next");
}

/**
 * civic_test_pull_all:
 * @entities: (nullable): "type/id" → the entity's data, filled in
 *
 * Pages through the feed from @after to the end.
 *
 * Returns: the cursor at the end.
 */
gint64
civic_test_pull_all (CivicTestService *service,
                     const char       *token,
                     gint64            after,
                     GHashTable       *entities)
{
  gboolean more = TRUE;

  while (more)
    after = civic_test_pull_page (service, token, after, 500, entities, &more);
  return after;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (json_object_get_string_member (*(JsonObject **) a, "id"),
                    json_object_get_string_member (*(JsonObject **) b, "id"));
}

/**
 * civic_test_pull_cases:
 *
 * Returns: (transfer full) (element-type JsonObject): the cases the
 * official behind @token sees, as the feed has them (each with its "id"
 * and "summary"), in the order of their ids
 */
GPtrArray *
civic_test_pull_cases (CivicTestService *service,
                       const char       *token)
{
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) json_node_unref);
  GPtrArray *cases = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  civic_test_pull_all (service, token, 0, entities);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "case/") && JSON_NODE_HOLDS_OBJECT (value))
      g_ptr_array_add (cases, json_object_ref (json_node_get_object (value)));
  g_ptr_array_sort (cases, compare_ids);
  return cases;
}

/**
 * civic_test_records:
 * @type: an entity type: "case", "disclosure"…
 *
 * The whole province's records of @type, read from the service's
 * database as the feed would send them: no official's feed carries them
 * all (a supervisor reads them one at a time), and a test looking for "a
 * case of another department" needs them all.
 *
 * Returns: (transfer full) (element-type JsonObject): by id
 */
GPtrArray *
civic_test_records (CivicTestService *service,
                    const char       *type)
{
  g_autoptr(GPtrArray) rows = civic_test_sql (service->data_dir,
                                              "SELECT data FROM entity "
                                              "WHERE type = ? AND deleted = 0 ORDER BY id",
                                              type, NULL);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (civic_test_sql_value (rows, i, 0), &error);

      g_assert_no_error (error);
      g_ptr_array_add (records, json_object_ref (json_node_get_object (node)));
    }
  return records;
}

/**
 * civic_test_open_record:
 * @collection: "cases", "disclosures"…
 *
 * Reads one record as an official opens it (GET), which must answer 200.
 *
 * Returns: (transfer full): its data
 */
JsonObject *
civic_test_open_record (CivicTestService *service,
                        const char       *token,
                        const char       *collection,
                        const char       *id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/%s/%s", collection, id);
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = civic_test_request (service, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_ref (json_object_get_object_member (json_node_get_object (answer), "data"));
}

/**
 * civic_test_read_all:
 * @entities: (element-type utf8 JsonNode): filled with "type/id" → data
 *
 * Like civic_test_pull_all() for an account that could see everything:
 * every record of the service, read from its database. No official's
 * feed carries the whole province.
 */
void
civic_test_read_all (CivicTestService *service,
                     GHashTable       *entities)
{
  g_autoptr(GPtrArray) rows = civic_test_sql (service->data_dir,
                                              "SELECT type, id, data FROM entity "
                                              "WHERE deleted = 0", NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node = json_from_string (civic_test_sql_value (rows, i, 2), &error);

      g_assert_no_error (error);
      g_hash_table_insert (entities, g_strconcat (civic_test_sql_value (rows, i, 0), "/",
                                                  civic_test_sql_value (rows, i, 1), NULL),
                           node);
    }
}

/**
 * civic_test_comment_body:
 * @text: plain text, without quotes or backslashes
 *
 * Returns: (transfer full): a batch of one comment command, as
 * POST /api/v1/commands takes it
 */
char *
civic_test_comment_body (const char *id,
                         const char *target,
                         const char *text)
{
  return g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"comment\","
                          "\"target\":\"%s\",\"args\":{\"text\":\"%s\"}}]}", id, target, text);
}

/**
 * civic_test_department_cases:
 *
 * Returns: (transfer full) (element-type utf8): the ids of the cases of
 * @department the examiner sees, at least @at_least of them
 */
GPtrArray *
civic_test_department_cases (CivicTestService *service,
                             const char       *department,
                             guint             at_least)
{
  g_autofree char *token = civic_test_sign_in (service, "examiner");
  g_autoptr(GPtrArray) cases = civic_test_pull_cases (service, token);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < cases->len; i++)
    {
      JsonObject *kase = g_ptr_array_index (cases, i);

      if (g_strcmp0 (civic_test_case_says (kase, "department_id"), department) == 0)
        g_ptr_array_add (ids, g_strdup (json_object_get_string_member (kase, "id")));
    }
  g_assert_cmpuint (ids->len, >=, at_least);
  return ids;
}

/**
 * civic_test_case_says:
 * @member: a column of the inbox: "department_id" is the department's
 *   id, "item_name" the item's name; the case's own members and those of
 *   its summary are themselves
 *
 * Returns: (nullable): what the inbox reads for @member from @kase as
 * the feed carries it
 */
const char *
civic_test_case_says (JsonObject *kase,
                      const char *member)
{
  static const struct { const char *column, *object, *member; } nested[] = {
    { "department_id", "department", "id" },
    { "department_name", "department", "name" },
    { "item_code", "item", "code" },
    { "item_name", "item", "name" },
    { "applicant", "applicant", "name" },
  };
  JsonObject *summary = json_object_get_object_member (kase, "summary");

  for (guint i = 0; i < G_N_ELEMENTS (nested); i++)
    if (g_str_equal (member, nested[i].column))
      return json_object_get_string_member_with_default (
        json_object_get_object_member (kase, nested[i].object), nested[i].member, NULL);
  if (json_object_has_member (kase, member))
    return json_object_get_string_member_with_default (kase, member, NULL);
  return json_object_get_string_member_with_default (summary, member, NULL);
}

char *
civic_test_uuid (void)
{
  return g_uuid_string_random ();
}

/**
 * civic_test_file_holds:
 *
 * Whether the file at @path holds the bytes of @needle anywhere, a
 * database file's binary pages included.
 */
gboolean
civic_test_file_holds (const char *path,
                       const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

/* Commands */

/**
 * civic_test_object_of:
 *
 * Returns: (transfer none): @node's object; the test fails if it is none
 */
JsonObject *
civic_test_object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

/**
 * civic_test_quote:
 *
 * Returns: (transfer full): @text as a JSON string, quotes and escapes
 */
char *
civic_test_quote (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

/**
 * civic_test_send:
 * @args: (nullable): the arguments as JSON text
 * @holder: (out): the answer, which the result lives in
 *
 * Sends one command under a fresh id.
 *
 * Returns: (transfer none): its result
 */
JsonObject *
civic_test_send (CivicTestService  *service,
                 const char        *token,
                 const char        *type,
                 const char        *target,
                 const char        *args,
                 JsonNode         **holder)
{
  return civic_test_send_for (service, token, NULL, type, target, args, holder);
}

/**
 * civic_test_send_for:
 * @on_behalf_of: (nullable): the official the sender acts for (委托)
 *
 * Returns: (transfer none): the command's answer
 */
JsonObject *
civic_test_send_for (CivicTestService  *service,
                     const char        *token,
                     const char        *on_behalf_of,
                     const char        *type,
                     const char        *target,
                     const char        *args,
                     JsonNode         **holder)
{
  g_autofree char *id = civic_test_uuid ();
  g_autofree char *acting = on_behalf_of != NULL
                            ? g_strdup_printf (",\"on_behalf_of\":\"%s\"", on_behalf_of)
                            : g_strdup ("");
  g_autofree char *body = g_strdup_printf ("{\"commands\":[{\"id\":\"%s\",\"type\":\"%s\","
                                           "\"target\":\"%s\"%s,\"args\":%s}]}",
                                           id, type, target, acting, args ? args : "{}");
  guint status;

  *holder = civic_test_request (service, "POST", "/api/v1/commands", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_array_get_object_element (
    json_object_get_array_member (civic_test_object_of (*holder), "results"), 0);
}

/**
 * civic_test_id_of:
 *
 * Returns: (transfer full): the account id of the official signing in as
 * @username
 */
char *
civic_test_id_of (CivicTestService *service,
                  const char       *username)
{
  g_autofree char *token = civic_test_sign_in (service, username);
  g_autoptr(JsonNode) me = NULL;
  guint status;

  me = civic_test_request (service, "GET", "/api/v1/me", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (json_object_get_string_member (civic_test_object_of (me), "id"));
}

/**
 * civic_test_reason:
 *
 * Returns: (transfer none): a member of a refused command's reason
 */
const char *
civic_test_reason (JsonObject *result,
                   const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (result, "reason"), member);
}

/**
 * civic_test_applied:
 *
 * Sends a command that must be applied.
 *
 * Returns: (transfer none) (nullable): the record after it, as the answer
 * carries it; %NULL when the command removed it
 */
JsonObject *
civic_test_applied (CivicTestService  *service,
                    const char        *token,
                    const char        *type,
                    const char        *target,
                    const char        *args,
                    JsonNode         **holder)
{
  JsonObject *result = civic_test_send (service, token, type, target, args, holder);

  if (!g_str_equal (json_object_get_string_member (result, "status"), "applied"))
    g_error ("%s was refused: %s", type, civic_test_reason (result, "message"));
  /* A record the command removed (a template reverted) comes with none */
  if (!json_object_has_member (result, "entity"))
    return NULL;
  return json_object_get_object_member (json_object_get_object_member (result, "entity"), "data");
}

/**
 * civic_test_rejected:
 * @code: the refusal's code it must have
 *
 * Sends a command that must be refused with @code.
 */
void
civic_test_rejected (CivicTestService *service,
                     const char       *token,
                     const char       *type,
                     const char       *target,
                     const char       *args,
                     const char       *code)
{
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result = civic_test_send (service, token, type, target, args, &holder);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  if (g_strcmp0 (civic_test_reason (result, "code"), code) != 0)
    g_error ("%s: “%s” (%s), not %s", type, civic_test_reason (result, "message"),
             civic_test_reason (result, "code"), code);
}

/**
 * civic_test_post_form:
 * @status: (out): the answer's status
 * @...: the form's names and values, then %NULL
 *
 * POSTs a form as a browser or an Open311 client does.
 *
 * Returns: (transfer full): the answer's body, as text
 */
char *
civic_test_post_form (CivicTestService *service,
                      const char       *path,
                      guint            *status,
                      ...)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *uri = g_strconcat (service->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  va_list args;
  gsize size;
  const char *data;

  va_start (args, status);
  while ((name = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (form, (gpointer) name, va_arg (args, char *));
  va_end (args);
  msg = soup_message_new_from_encoded_form ("POST", uri, soup_form_encode_hash (form));
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  data = g_bytes_get_data (body, &size);
  return g_strndup (data, size);
}

/**
 * civic_test_database_uri:
 *
 * Returns: (transfer full) (nullable): the URI in a data folder's
 * civicdesk.conf, or %NULL for its SQLite file
 */
char *
civic_test_database_uri (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "civicdesk.conf", NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  return g_key_file_get_string (file, "database", "uri", NULL);
}

static GPtrArray *
run_sql (const char  *data_dir,
         const char  *sql,
         GPtrArray   *params,
         char       **failure)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree char *uri = civic_test_database_uri (data_dir);

  if (uri != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      PGconn *conn = PQconnectdb (uri);
      PGresult *result;
      ExecStatusType status;
      int n = 0;

      if (PQstatus (conn) != CONNECTION_OK)
        g_error ("%s: %s", uri, PQerrorMessage (conn));
      for (const char *p = sql; *p != '\0'; p++)
        {
          if (*p == '?' && g_ascii_isdigit (p[1]))
            {
              g_string_append_c (text, '$');
              n = MAX (n, atoi (p + 1));
            }
          else if (*p == '?')
            g_string_append_printf (text, "$%d", ++n);
          else
            g_string_append_c (text, *p);
        }
      result = n > 0 ? PQexecParams (conn, text->str, (int) params->len, NULL,
                                     (const char * const *) params->pdata, NULL, NULL, 0)
                     : PQexec (conn, text->str);
      status = PQresultStatus (result);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          *failure = g_strdup_printf ("%s: %s", sql, PQresultErrorMessage (result));
          PQclear (result);
          PQfinish (conn);
          return NULL;
        }
      for (int r = 0; r < PQntuples (result); r++)
        {
          GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

          for (int c = 0; c < PQnfields (result); c++)
            g_ptr_array_add (row, PQgetisnull (result, r, c)
                                  ? NULL : g_strdup (PQgetvalue (result, r, c)));
          g_ptr_array_add (rows, row);
        }
      PQclear (result);
      PQfinish (conn);
    }
  else
    {
      g_autofree char *path = g_build_filename (data_dir, "civicdesk.db", NULL);
      const char *tail = sql;
      sqlite3 *db;

      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      sqlite3_busy_timeout (db, 10000);
      while (tail != NULL && *tail != '\0')
        {
          sqlite3_stmt *stmt = NULL;
          int rc;

          if (sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail) != SQLITE_OK)
            {
              *failure = g_strdup_printf ("%s: %s", sql, sqlite3_errmsg (db));
              sqlite3_close (db);
              return NULL;
            }
          if (stmt == NULL)
            break;
          g_ptr_array_set_size (rows, 0);
          for (guint i = 0; i < params->len && (int) i < sqlite3_bind_parameter_count (stmt); i++)
            sqlite3_bind_text (stmt, (int) i + 1, params->pdata[i], -1, SQLITE_STATIC);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

              for (int c = 0; c < sqlite3_column_count (stmt); c++)
                g_ptr_array_add (row, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
              g_ptr_array_add (rows, row);
            }
          sqlite3_finalize (stmt);
          if (rc != SQLITE_DONE)
            {
              *failure = g_strdup_printf ("%s: %s", sql, sqlite3_errmsg (db));
              sqlite3_close (db);
              return NULL;
            }
        }
      sqlite3_close (db);
    }

  return g_steal_pointer (&rows);
}

static GPtrArray *
collect_params (va_list args)
{
  GPtrArray *params = g_ptr_array_new ();
  const char *param;

  while ((param = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (params, (gpointer) param);
  return params;
}

/**
 * civic_test_sql:
 * @sql: statements, with parameters ? (SQLite) and $n (PostgreSQL) alike
 *   written as ?
 * @...: the parameters' text values, %NULL-terminated
 *
 * Runs @sql on the database of the service in @data_dir, whichever it is,
 * as it stands (the service may be running). A statement that fails
 * fails the test.
 *
 * Returns: (transfer full) (element-type GPtrArray): the rows of the
 * last statement, each an array of its values' text, SQL NULL as %NULL
 */
GPtrArray *
civic_test_sql (const char *data_dir,
                const char *sql,
                ...)
{
  g_autoptr(GPtrArray) params = NULL;
  g_autofree char *failure = NULL;
  GPtrArray *rows;
  va_list args;

  va_start (args, sql);
  params = collect_params (args);
  va_end (args);
  rows = run_sql (data_dir, sql, params, &failure);
  if (rows == NULL)
    g_error ("%s", failure);
  return rows;
}

/**
 * civic_test_sql_fails:
 *
 * Like civic_test_sql(), for a statement the database should refuse.
 *
 * Returns: (transfer full) (nullable): why it failed, %NULL if it did not
 */
char *
civic_test_sql_fails (const char *data_dir,
                      const char *sql)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  char *failure = NULL;

  rows = run_sql (data_dir, sql, params, &failure);
  return failure;
}

/**
 * civic_test_sql_value:
 *
 * Returns: (nullable): the text of column @column of row @row of what
 * civic_test_sql() answered, %NULL for SQL NULL
 */
const char *
civic_test_sql_value (GPtrArray *rows,
                      guint      row,
                      guint      column)
{
  GPtrArray *values;

  g_assert_cmpuint (row, <, rows->len);
  values = g_ptr_array_index (rows, row);
  g_assert_cmpuint (column, <, values->len);
  return g_ptr_array_index (values, column);
}

/**
 * civic_test_copy_database:
 *
 * Copies the database of the service in @from_dir for a new data folder
 * @to_dir, as it stands: the SQLite file, or a new PostgreSQL database
 * filled by pg_dump.
 */
void
civic_test_copy_database (const char *from_dir,
                          const char *to_dir)
{
  g_autofree char *uri = civic_test_database_uri (from_dir);
  g_autoptr(GError) error = NULL;

  if (uri == NULL)
    {
      g_autofree char *original = g_build_filename (from_dir, "civicdesk.db", NULL);
      g_autofree char *copy = g_build_filename (to_dir, "civicdesk.db", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (original, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }
  else
    {
      g_autofree char *target = NULL;
      g_autofree char *output = NULL;
      g_autofree char *errors = NULL;
      int status;

      civic_test_prepare_data_dir (to_dir);
      target = civic_test_database_uri (to_dir);
      {
        const char *argv[] = { "sh", "-c", "pg_dump --no-owner --no-privileges \"$1\" | "
                                           "psql -X -q -v ON_ERROR_STOP=1 \"$2\"",
                               "sh", uri, target, NULL };

        g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &output,
                      &errors, &status, &error);
      }
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("pg_dump | psql: %s%s", output, errors);
    }
}

/**
 * civic_test_count_rows:
 * @sql: a query answering one number, read from the service's database
 *   as it stands (the service may be running: WAL lets it be read)
 */
gint64
civic_test_count_rows (CivicTestService *service,
                       const char       *sql)
{
  g_autoptr(GPtrArray) rows = civic_test_sql (service->data_dir, sql, NULL);

  const char *value;

  g_assert_cmpuint (rows->len, ==, 1);
  value = civic_test_sql_value (rows, 0, 0);
  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

/**
 * civic_test_audit_of:
 *
 * Returns: (transfer full): the audit entries of @action on @target, as
 * "actor detail" lines
 */
char *
civic_test_audit_of (CivicTestService *service,
                     const char       *action,
                     const char       *target)
{
  g_autoptr(GPtrArray) rows = civic_test_sql (service->data_dir,
                                              "SELECT actor, detail FROM audit WHERE action = ? "
                                              "AND target = ? ORDER BY seq", action, target, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "%s %s\n", civic_test_sql_value (rows, i, 0),
                            civic_test_sql_value (rows, i, 1));
  return g_string_free (g_steal_pointer (&out), FALSE);
}
