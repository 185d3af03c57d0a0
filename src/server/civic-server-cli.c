/* civic-server-cli.c — the subcommands of civicdesk-server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-server-cli"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "civic-i18n.h"
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "civic-accounts.h"
#include "civic-attachment-text.h"
#include "civic-audit.h"
#include "civic-disclosure-columns.h"
#include "civic-disclosure-policy.h"
#include "civic-account-rules.h"
#include "civic-calendar-notice.h"
#include "civic-calendar-records.h"
#include "civic-catalogue-io.h"
#include "civic-case-records.h"
#include "civic-clock.h"
#include "civic-demo.h"
#include "civic-documents.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-keyring.h"
#include "civic-message-records.h"
#include "civic-open311.h"
#include "civic-proxy.h"
#if HAVE_MAIL
#include "civic-mail.h"
#endif
#include "civic-server-cli.h"
#include "civic-open311-key-records.h"
#include "civic-room-records.h"
#include "civic-server-db.h"
#include "civic-migrate.h"
#include "civic-server.h"
#include "civic-time.h"

/* Every subcommand takes --data-dir (or $CIVICDESK_DATA_DIR) and --help.
 * Passwords never come from the command line, where `ps` and the shell
 * history would show them: they are read from standard input, or from an
 * environment variable the administrator names. */

typedef int (*SubcommandFunc) (int argc, char **argv);

static char *data_dir;
static char *database;

static const GOptionEntry data_dir_entries[] = {
  { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
    N_("The service’s data folder (default: $CIVICDESK_DATA_DIR)"), N_("DIR") },
  { "database", 0, 0, G_OPTION_ARG_STRING, &database,
    N_("Keep the records in this PostgreSQL database, not in the data folder (default: "
       "$CIVICDESK_DATABASE, then civicdesk.conf in the data folder)"), N_("URI") },
  { NULL }
};

static int
fail (const GError *error)
{
  g_printerr ("civicdesk-server: %s\n", error->message);
  return 1;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("civicdesk-server: %s\n\n%s", message, help);
  return 2;
}

static gboolean
parse (GOptionContext  *context,
       int             *argc,
       char          ***argv,
       GError         **error)
{
  g_option_context_add_main_entries (context, data_dir_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (data_dir == NULL)
    data_dir = g_strdup (g_getenv ("CIVICDESK_DATA_DIR"));
  /* What the service reads (civic_server_db_location()), and what the
   * processes it starts inherit */
  if (database != NULL)
    g_setenv ("CIVICDESK_DATABASE", database, TRUE);
  if (data_dir == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Name the data folder with --data-dir"));
      return FALSE;
    }

  return TRUE;
}

static CivicDb *
open_existing (GError **error)
{
  gboolean holds;

  if (!civic_server_db_holds_service (data_dir, &holds, error))
    return NULL;
  if (!holds)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("%s holds no service; create one with “civicdesk-server init”"), data_dir);
      return NULL;
    }

  return civic_server_db_open (data_dir, error);
}

/* Reads a password from $name, or from standard input, without echo when
 * it is a terminal. */
static char *
read_password (const char  *env_name,
               const char  *prompt,
               GError     **error)
{
  char line[1024];
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char *password;
  gsize length;

  if (env_name != NULL)
    {
      const char *value = g_getenv (env_name);

      if (value == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The environment variable %s is not set"), env_name);
          return NULL;
        }
      return g_strdup (value);
    }

  if (tty)
    {
      g_printerr ("%s", prompt);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }

  password = fgets (line, sizeof line, stdin) ? g_strdup (line) : NULL;

  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved);
      g_printerr ("\n");
    }

  if (password == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("No password on standard input"));
      return NULL;
    }

  length = strlen (password);
  while (length > 0 && (password[length - 1] == '\n' || password[length - 1] == '\r'))
    password[--length] = '\0';
  memset (line, 0, sizeof line);
  return password;
}

/* init */

static int
command_init (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— create an empty service"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(CivicAccount) admin = NULL;
  g_autofree char *username = NULL;
  g_autofree char *name = NULL;
  g_autofree char *password_env = NULL;
  g_autofree char *password = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *path = NULL;
  gboolean holds;
  const GOptionEntry entries[] = {
    { "admin", 0, 0, G_OPTION_ARG_STRING, &username, N_("The administrator’s user name (admin)"),
      N_("NAME") },
    { "admin-name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The administrator’s full name"),
      N_("NAME") },
    { "password-env", 0, 0, G_OPTION_ARG_STRING, &password_env,
      N_("Read the administrator’s password from this environment variable instead of "
         "standard input"), N_("VARIABLE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Creates the database of a new service in the data folder, "
                                  "with an administrator account, and the holiday notices and "
                                  "document templates shipped with the program."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (!civic_server_db_holds_service (data_dir, &holds, &error))
    return fail (error);
  if (holds)
    {
      g_printerr (_("civicdesk-server: %s already holds a service\n"), data_dir);
      return 1;
    }
  path = civic_server_db_path (data_dir);

  password = read_password (password_env, _("Administrator’s password: "), &error);
  if (password == NULL || !civic_accounts_check_password (password, &error) ||
      !(hash = civic_accounts_hash_password (password, &error)))
    return fail (error);

  db = civic_server_db_open (data_dir, &error);
  if (db == NULL || !civic_calendar_records_import_defaults (db, &error) ||
      !civic_templates_import_defaults (db, &error) || !civic_db_begin (db, &error))
    return fail (error);

  admin = civic_accounts_add (db, "u-admin", username ? username : "admin",
                              name ? name : _("Administrator"), NULL, CIVIC_ROLE_ADMIN, hash,
                              &error);
  if (admin == NULL || !civic_db_commit (db, &error))
    {
      civic_db_rollback (db);
      g_unlink (path);
      return fail (error);
    }

  g_print (_("Created the service in %s with the administrator “%s”.\n"), data_dir,
           admin->username);
  g_print (_("Its keys are in %s: back them up now, apart from the database. Without them "
             "its audit log cannot be verified and its personal data cannot be read.\n"),
           civic_keyring_get_dir (civic_server_db_get_keyring (db)));
  return 0;
}

/* template */

static int
command_template (int    argc,
                  char **argv)
{
  /* Translators: translate only FILE; the rest are subcommands typed as
   * they are */
  g_autoptr(GOptionContext) context = g_option_context_new (_("import FILE… | list"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autofree char *department = NULL;
  const GOptionEntry entries[] = {
    { "department", 0, 0, G_OPTION_ARG_STRING, &department,
      N_("import: make them this department’s own, used instead of everyone’s"), N_("ID") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Imports the templates of formal documents (one kind in one "
                                  "language each, as data/templates holds them), or lists them. "
                                  "Every template of a file is checked first: a file with one "
                                  "bad template imports nothing."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say what to do: import or list"));

  db = open_existing (&error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (argv[1], "import"))
    {
      if (argc < 3)
        return usage_error (context, _("Name the template files to import"));
      for (int i = 2; i < argc; i++)
        {
          guint n = 0;

          if (!civic_templates_import_file (db, argv[i], department, &n, &error))
            return fail (error);
          g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u template from %s.\n",
                                "Imported %u templates from %s.\n", n), n, argv[i]);
        }
      return 0;
    }

  if (g_str_equal (argv[1], "list"))
    {
      g_autoptr(GPtrArray) lines = civic_templates_list (db, &error);

      if (lines == NULL)
        return fail (error);
      for (guint i = 0; i < lines->len; i++)
        g_print ("%s\n", (const char *) g_ptr_array_index (lines, i));
      return 0;
    }

  return usage_error (context, _("Say what to do: import or list"));
}

/* serve */

static gboolean
quit_cb (gpointer data)
{
  g_message ("stopping");
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static int
command_serve (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— run the service"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *port_file = NULL;
  CivicServerOptions options = { 0 };
  int public_read_rate = G_MININT;
  int public_write_rate = G_MININT;
  int open311_key_rate = G_MININT;
  /* Owned here, so that a usage error leaves nothing behind */
  g_auto(GStrv) trusted_proxies = NULL;
  g_autofree char *read_database = NULL;
  const GOptionEntry entries[] = {
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &options.listen,
      N_("Address and port to listen on (127.0.0.1:8080; port 0 picks a free one)"),
      N_("HOST:PORT") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_cert,
      N_("Serve HTTPS with this certificate (PEM)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_key,
      N_("The certificate’s private key (PEM)"), N_("FILE") },
    { "public-url", 0, 0, G_OPTION_ARG_STRING, &options.public_url,
      N_("The address the public reaches the service at, printed in documents’ QR codes "
         "(https://zwfw.example.gov.cn); the address listened on by default"), N_("URL") },
    { "session-hours", 0, 0, G_OPTION_ARG_INT, &options.session_hours,
      N_("How long a sign-in lasts (12)"), N_("HOURS") },
    { "scheduler-interval", 0, 0, G_OPTION_ARG_INT, &options.scheduler_interval,
      N_("How often, in seconds, to check for deemed acceptances and time limits whose status "
         "changed (300)"), N_("SECONDS") },
    { "readers", 0, 0, G_OPTION_ARG_INT, &options.readers,
      N_("Threads answering reads (4)"), N_("N") },
    { "request-timeout", 0, 0, G_OPTION_ARG_INT, &options.request_timeout,
      N_("Seconds a request may take to arrive, from its first byte to its last (30)"),
      N_("SECONDS") },
    { "idle-timeout", 0, 0, G_OPTION_ARG_INT, &options.idle_timeout,
      N_("Seconds a connection may wait for its next request (60)"), N_("SECONDS") },
    { "max-connections", 0, 0, G_OPTION_ARG_INT, &options.max_connections,
      N_("Connections open at once, in all (768)"), N_("N") },
    { "max-connections-per-address", 0, 0, G_OPTION_ARG_INT,
      &options.max_connections_per_address,
      N_("Connections open at once from one address (64)"), N_("N") },
    { "public-read-rate", 0, 0, G_OPTION_ARG_INT, &public_read_rate,
      N_("Reads without a sign-in one address may make per second (20); 0 for no limit, "
         "for benchmarks only"), N_("N") },
    { "public-write-rate", 0, 0, G_OPTION_ARG_INT, &public_write_rate,
      N_("Forms and Open311 requests without a sign-in one address may send per second "
         "(0.5, in bursts of 20); 0 for no limit, for benchmarks only"), N_("N") },
    { "open311-key-rate", 0, 0, G_OPTION_ARG_INT, &open311_key_rate,
      N_("Open311 requests one API key may file per second, from any address (10, in bursts "
         "of 100); 0 for no limit, for benchmarks only"), N_("N") },
    { "read-database", 0, 0, G_OPTION_ARG_STRING, &read_database,
      N_("Answer the change feed and single records from this read-only copy of the "
         "database, a PostgreSQL streaming standby, whenever it has caught up far enough "
         "for the request"), N_("URI") },
    { "trusted-proxy", 0, 0, G_OPTION_ARG_STRING_ARRAY, &trusted_proxies,
      N_("A load balancer in front, an address or a network (10.0.0.5, 10.0.0.0/24; "
         "repeat for more): the client a request from it names in X-Forwarded-For is the "
         "one its limits and the audit log count, and it may open any number of connections"),
      N_("ADDRESS") },
    { "port-file", 0, 0, G_OPTION_ARG_FILENAME, &port_file,
      N_("Write the port listened on to this file once ready"), N_("FILE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &options.quiet,
      N_("Do not log every request"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Answers the API over HTTP (or HTTPS) until it receives "
                                  "SIGTERM or SIGINT."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (options.public_url != NULL && !g_str_has_prefix (options.public_url, "https://") &&
      !g_str_has_prefix (options.public_url, "http://"))
    return usage_error (context, _("--public-url must start with https:// or http://"));

  /* 0 asks for no limit: the benchmarks' wrk (bench/bench-public.sh)
   * reads from one address far faster than any citizen */
  if (public_read_rate != G_MININT)
    {
      if (public_read_rate < 0 || public_read_rate > 100000)
        return usage_error (context, _("--public-read-rate must be between 0 and 100000"));
      options.public_read_rate = public_read_rate == 0 ? -1 : public_read_rate;
    }
  if (public_write_rate != G_MININT)
    {
      if (public_write_rate < 0 || public_write_rate > 100000)
        return usage_error (context, _("--public-write-rate must be between 0 and 100000"));
      options.public_write_rate = public_write_rate == 0 ? -1 : public_write_rate;
    }
  if (open311_key_rate != G_MININT)
    {
      if (open311_key_rate < 0 || open311_key_rate > 100000)
        return usage_error (context, _("--open311-key-rate must be between 0 and 100000"));
      options.open311_key_rate = open311_key_rate == 0 ? -1 : open311_key_rate;
    }

  {
    g_autoptr(GPtrArray) masks = civic_proxy_masks_new ((const char * const *) trusted_proxies,
                                                        &error);

    if (masks == NULL)
      return usage_error (context, error->message);
  }

  options.data_dir = data_dir;
  options.trusted_proxies = trusted_proxies;
  options.read_database = read_database;
  server = civic_server_new (&options, &error);
  if (server == NULL || !civic_server_start (server, &error))
    return fail (error);

  g_message ("listening on %s port %u (data %s)", options.listen ? options.listen : "127.0.0.1",
             civic_server_get_port (server), data_dir);

  if (port_file != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%u\n", civic_server_get_port (server));

      if (!g_file_set_contents (port_file, text, -1, &error))
        return fail (error);
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);

  civic_server_stop (server);
  g_free (options.listen);
  g_free (options.tls_cert);
  g_free (options.tls_key);
  g_free (options.public_url);
  return 0;
}

/* demo */

static int
command_demo (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— fill a new service with demo data"));
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  CivicDemoOptions options = { 0 };
  gint64 seed = 20261122;
  int cases = 2000;
  int hearings = -1;
  int disclosures = 2000;
  int requests = 300;
  int messages = 10000;
  const GOptionEntry entries[] = {
    { "cases", 'n', 0, G_OPTION_ARG_INT, &cases, N_("How many cases (2000)"), N_("N") },
    { "hearings", 0, 0, G_OPTION_ARG_INT, &hearings,
      N_("How many more cases go to a hearing, over the past year (half the cases, at most "
         "1000)"), N_("N") },
    { "disclosures", 0, 0, G_OPTION_ARG_INT, &disclosures,
      N_("How many proactive disclosures, over the past eighteen months (2000; 0 for none)"),
      N_("N") },
    { "requests", 0, 0, G_OPTION_ARG_INT, &requests,
      N_("How many requests for information, over the past year (300; 0 for none)"), N_("N") },
    { "messages", 0, 0, G_OPTION_ARG_INT, &messages,
      N_("How many citizens’ messages, over the past year (10000; 0 for none)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the generator: the same seed gives the same data"), N_("SEED") },
    { "password", 'p', 0, G_OPTION_ARG_STRING, &password,
      N_("Password of every demo account (demo)"), N_("PASSWORD") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Creates a service with the provincial departments, a service "
                                  "catalogue, officials in every role, cases in every state and "
                                  "the departments’ proactive disclosures and requests for "
                                  "information, deterministically from "
                                  "the seed. The data folder must be new."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (cases < 0 || cases > 10000000)
    return usage_error (context, _("--cases must be between 0 and 10000000"));
  if (hearings < -1 || hearings > 100000)
    return usage_error (context, _("--hearings must be between 0 and 100000"));
  if (disclosures < 0 || disclosures > 100000)
    return usage_error (context, _("--disclosures must be between 0 and 100000"));
  if (requests < 0 || requests > 10000)
    return usage_error (context, _("--requests must be between 0 and 10000"));
  if (messages < 0 || messages > 50000)
    return usage_error (context, _("--messages must be between 0 and 50000"));

  options.data_dir = data_dir;
  options.cases = cases;
  options.hearings = hearings;
  options.disclosures = disclosures;
  options.requests = requests;
  options.messages = messages;
  options.seed = (guint64) seed;
  options.password = password ? password : "demo";
  options.verbose = TRUE;

  if (!civic_demo_generate (&options, &error))
    return fail (error);

  return 0;
}

/* user */

static gboolean
read_roles (const char  *text,
            CivicRole   *roles,
            GError     **error)
{
  g_auto(GStrv) names = g_strsplit (text ? text : "", ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    g_strstrip (names[i]);

  if (!civic_roles_from_strv ((const char * const *) names, roles, error))
    return FALSE;

  if (*roles == CIVIC_ROLE_NONE || (*roles & CIVIC_ROLE_SYSTEM))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give one or more roles: clerk, examiner, approver, hearing-officer, "
                     "disclosure-editor, disclosure-reviewer, disclosure-head, "
                     "complaint-handler, supervisor, admin"));
      return FALSE;
    }

  return TRUE;
}

/* The account rules (civic-account-rules.c) on a change the operator
 * asks for, with the hall's enabled administrators as the database has
 * them inside the caller's transaction */
static gboolean
account_change_allowed (CivicDb       *db,
                        CivicAccount  *before,
                        const char    *department,
                        CivicRole      roles,
                        gboolean       disabled,
                        GError       **error)
{
  CivicAccountFacts was = { 0 }, will = { 0 };
  CivicDbStmt *stmt;
  guint n_admins = 0;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT count(*) FROM account WHERE disabled = 0 AND "
                               "  (roles & ?) <> 0", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_int (stmt, 1, CIVIC_ROLE_ADMIN);
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  if (row)
    n_admins = (guint) civic_db_column_int (stmt, 0);
  civic_db_reset (stmt);

  if (before != NULL)
    {
      was.id = before->id;
      was.department_id = before->department_id;
      was.roles = before->roles;
      was.disabled = before->disabled;
    }
  will.id = before != NULL ? before->id : NULL;
  will.department_id = department;
  will.roles = roles;
  will.disabled = disabled;
  return civic_account_rules_check (before != NULL ? &was : NULL, &will, n_admins, NULL, error) &&
         civic_accounts_check_department (db, department, roles, error);
}

static gboolean
department_exists (CivicDb     *db,
                   const char  *id)
{
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, CIVIC_ENTITY_DEPARTMENT, id, NULL);

  return row != NULL;
}

/* What an administrator changes from the command line is on the record
 * like an official's command: who (the system user), what, and whom. */
static gboolean
audit_admin (CivicDb      *db,
             const char   *action,
             const char   *target,
             GError      **error)
{
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GString) detail = g_string_new ("{\"by\":");

  civic_json_append_string (detail, g_get_user_name ());
  g_string_append_c (detail, '}');
  return civic_audit_append (db, now, NULL, action, target, detail->str, "cli", error);
}

static int
command_user (int    argc,
              char **argv)
{
  /* Translators: translate only USER; the rest are subcommands typed as they are */
  g_autoptr(GOptionContext) context = g_option_context_new (_("add|set|passwd|disable|enable|list [USER]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autofree char *name = NULL;
  g_autofree char *department = NULL;
  g_autofree char *roles_text = NULL;
  g_autofree char *password_env = NULL;
  const char *verb;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Full name (add)"), N_("NAME") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("Department id (add, set)"),
      N_("ID") },
    { "roles", 0, 0, G_OPTION_ARG_STRING, &roles_text,
      N_("Comma-separated roles (add, set): clerk, examiner, approver, hearing-officer, "
         "disclosure-editor, disclosure-reviewer, complaint-handler, supervisor, admin"),
      N_("ROLES") },
    { "password-env", 0, 0, G_OPTION_ARG_STRING, &password_env,
      N_("Read the password from this environment variable instead of standard input"),
      N_("VARIABLE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Manages the officials’ accounts."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say what to do: add, set, passwd, disable, enable or list"));

  verb = argv[1];
  db = open_existing (&error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (verb, "list"))
    {
      g_autoptr(GPtrArray) accounts = civic_accounts_list (db, &error);

      if (accounts == NULL)
        return fail (error);
      for (guint i = 0; i < accounts->len; i++)
        {
          CivicAccount *account = g_ptr_array_index (accounts, i);
          g_autofree char *roles = civic_roles_to_string (account->roles);

          g_print ("%-24s %-12s %-14s %s%s\n", account->username, account->name,
                   account->department_id ? account->department_id : "-", roles,
                   account->disabled ? _(" (disabled)") : "");
        }
      return 0;
    }

  if (argc < 3)
    return usage_error (context, _("Name the user"));

  if (g_str_equal (verb, "add"))
    {
      g_autoptr(CivicAccount) account = NULL;
      g_autofree char *password = NULL;
      g_autofree char *hash = NULL;
      CivicRole roles;

      if (name == NULL)
        return usage_error (context, _("Give the official’s full name with --name"));
      if (!read_roles (roles_text, &roles, &error))
        return fail (error);
      if (department == NULL && !(roles & (CIVIC_ROLE_ADMIN | CIVIC_ROLE_SUPERVISOR)))
        return usage_error (context, _("Give the official’s department with --department"));
      if (!account_change_allowed (db, NULL, department, roles, FALSE, &error))
        return fail (error);
      if (department != NULL && !department_exists (db, department))
        {
          g_printerr (_("civicdesk-server: there is no department “%s”\n"), department);
          return 1;
        }

      password = read_password (password_env, _("Password: "), &error);
      if (password == NULL || !civic_accounts_check_password (password, &error) ||
          !(hash = civic_accounts_hash_password (password, &error)) ||
          !civic_db_begin (db, &error))
        return fail (error);

      account = civic_accounts_add (db, NULL, argv[2], name, department, roles, hash, &error);
      if (account == NULL || !audit_admin (db, "user-add", account->id, &error) ||
          !civic_db_commit (db, &error))
        {
          civic_db_rollback (db);
          return fail (error);
        }
      g_print (_("Added %s (%s).\n"), account->username, account->id);
      return 0;
    }

  if (g_str_equal (verb, "set"))
    {
      g_autoptr(CivicAccount) account = civic_accounts_find (db, argv[2], &error);
      CivicRole roles;

      if (account == NULL)
        {
          if (error != NULL)
            return fail (error);
          g_printerr (_("civicdesk-server: there is no user “%s”\n"), argv[2]);
          return 1;
        }
      if (department == NULL && roles_text == NULL)
        return usage_error (context, _("Give a new --department or new --roles"));

      roles = account->roles;
      if (roles_text != NULL && !read_roles (roles_text, &roles, &error))
        return fail (error);
      if (department != NULL && !department_exists (db, department))
        {
          g_printerr (_("civicdesk-server: there is no department “%s”\n"), department);
          return 1;
        }

      if (!civic_db_begin (db, &error))
        return fail (error);
      if (!account_change_allowed (db, account, department ? department : account->department_id,
                                   roles, account->disabled, &error) ||
          !civic_accounts_set_scope (db, argv[2], department ? department : account->department_id,
                                     roles, &error) ||
          !audit_admin (db, "user-set", account->id, &error) ||
          !civic_db_commit (db, &error))
        {
          civic_db_rollback (db);
          return fail (error);
        }
      g_print (_("Changed %s; their clients will sync again from the start.\n"), argv[2]);
      return 0;
    }

  if (g_str_equal (verb, "passwd"))
    {
      g_autofree char *password = read_password (password_env, _("New password: "), &error);
      g_autofree char *hash = NULL;

      if (password == NULL || !civic_accounts_check_password (password, &error) ||
          !(hash = civic_accounts_hash_password (password, &error)) ||
          !civic_db_begin (db, &error))
        return fail (error);
      if (!civic_accounts_set_password (db, argv[2], hash, &error) ||
          !audit_admin (db, "user-passwd", argv[2], &error) ||
          !civic_db_commit (db, &error))
        {
          civic_db_rollback (db);
          return fail (error);
        }
      g_print (_("Changed the password of %s; their sessions have ended.\n"), argv[2]);
      return 0;
    }

  if (g_str_equal (verb, "disable") || g_str_equal (verb, "enable"))
    {
      gboolean disable = g_str_equal (verb, "disable");
      g_autoptr(CivicAccount) account = civic_accounts_find (db, argv[2], &error);

      if (account == NULL)
        {
          if (error != NULL)
            return fail (error);
          g_printerr (_("civicdesk-server: there is no user “%s”\n"), argv[2]);
          return 1;
        }
      if (!civic_db_begin (db, &error))
        return fail (error);
      if (!account_change_allowed (db, account, account->department_id, account->roles, disable,
                                   &error) ||
          !civic_accounts_set_disabled (db, argv[2], disable, &error) ||
          !audit_admin (db, disable ? "user-disable" : "user-enable", argv[2], &error) ||
          !civic_db_commit (db, &error))
        {
          civic_db_rollback (db);
          return fail (error);
        }
      g_print (disable ? _("Disabled %s; their sessions have ended.\n") : _("Enabled %s.\n"),
               argv[2]);
      return 0;
    }

  return usage_error (context, _("Say what to do: add, set, passwd, disable, enable or list"));
}

/* room */

static JsonObject *
load_room (CivicDb      *db,
           const char   *id,
           gint64       *rev,
           GError      **error)
{
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, CIVIC_ENTITY_ROOM, id, error);
  g_autoptr(JsonNode) node = NULL;

  *rev = 0;
  if (row == NULL)
    return NULL;
  node = civic_json_parse (row->data, -1, error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  *rev = row->rev;
  return json_object_ref (json_node_get_object (node));
}

/* A day or a time: a day closes from its start to the next day's */
static GDateTime *
read_moment (const char  *text,
             gboolean     end,
             GError     **error)
{
  CivicDay day;
  GDateTime *moment;

  if (text != NULL && civic_day_parse (text, &day))
    {
      int y, m, d;

      civic_day_to_ymd (end ? day + 1 : day, &y, &m, &d);
      return g_date_time_new (civic_time_zone (), y, m, d, 0, 0, 0);
    }
  moment = text ? civic_time_parse (text) : NULL;
  if (moment == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("“%s” is neither a day (2026-03-20) nor a time (2026-03-20T09:00:00+08:00)"),
                 text ? text : "");
  return moment;
}

static gboolean
save_room (CivicDb      *db,
           JsonObject   *room,
           gint64        rev,
           const char   *action,
           GError      **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), room);
  const char *id = json_object_get_string_member (room, "id");

  if (!civic_db_begin (db, error))
    return FALSE;
  if (civic_room_records_put (db, node, rev + 1, error) == 0 ||
      !audit_admin (db, action, id, error) ||
      !civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* The roles a department's officials may hold: set, or any again. An
 * account already holding another keeps it until changed, and is named */
static int
department_roles (CivicDb             *db,
                  CivicEntityRow      *row,
                  JsonNode            *department,
                  const char * const  *names,
                  gboolean             any_role,
                  GOptionContext      *context)
{
  JsonObject *object = json_node_get_object (department);
  g_autoptr(GError) error = NULL;
  CivicRole roles = CIVIC_ROLE_NONE;
  CivicDbStmt *stmt;
  gboolean found;

  if ((names == NULL) == !any_role)
    return usage_error (context, _("Give the roles with --role, or --any-role"));
  if (names != NULL)
    {
      JsonArray *array = json_array_new ();

      if (!civic_roles_from_strv (names, &roles, &error) || (roles & CIVIC_ROLE_SYSTEM))
        {
          json_array_unref (array);
          return usage_error (context, error != NULL ? error->message
                                                     : _("The service’s own role is no one’s"));
        }
      for (guint i = 0; names[i] != NULL; i++)
        json_array_add_string_element (array, names[i]);
      json_object_set_array_member (object, "roles", array);
    }
  else
    json_object_remove_member (object, "roles");

  if (!civic_db_begin (db, &error) ||
      civic_server_db_put_entity (db, CIVIC_ENTITY_DEPARTMENT, row->id, row->rev + 1, department,
                                  NULL, &error) == 0 ||
      !audit_admin (db, "department-roles", row->id, &error) ||
      !civic_db_commit (db, &error))
    {
      civic_db_rollback (db);
      return fail (error);
    }
  g_print (_("Set the roles of %s.\n"), row->id);

  /* Who holds a role it no longer has: told, not changed */
  if (names == NULL)
    return 0;
  stmt = civic_db_prepare (db, "SELECT username FROM account WHERE department_id = ? "
                               "AND disabled = 0 AND (roles & ?) <> 0 ORDER BY username",
                           &error);
  if (stmt == NULL)
    return fail (error);
  civic_db_bind_text (stmt, 1, row->id);
  civic_db_bind_int64 (stmt, 2, ~(gint64) roles & 0x7fffffff);
  while (civic_db_step (db, stmt, &found, &error) && found)
    g_print (_("  %s holds a role the department no longer has: change their account\n"),
             civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  return error != NULL ? fail (error) : 0;
}

/* An organ's disclosure policy (civic-disclosure-policy.h): how many levels
 * review, who at each, the index code, the masking, the guide's contacts */
static int
command_department (int    argc,
                    char **argv)
{
  /* Translators: translate only DEPARTMENT; the rest are subcommands typed as they are */
  g_autoptr(GOptionContext) context = g_option_context_new (_("disclosure|roles|show DEPARTMENT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(CivicEntityRow) row = NULL;
  g_autoptr(JsonNode) department = NULL;
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(CivicDisclosurePolicy) policy = NULL;
  g_autoptr(JsonNode) policy_node = NULL;
  g_auto(GStrv) reviewers = NULL;
  g_auto(GStrv) allowed = NULL;
  g_auto(GStrv) roles = NULL;
  gboolean any_role = FALSE;
  g_autofree char *index_code = NULL;
  g_autofree char *redaction = NULL;
  g_autofree char *text = NULL;
  int levels = 0;
  JsonObject *object, *member;
  const char *verb;
  GOptionEntry entries[] = {
    { "review-levels", 0, 0, G_OPTION_ARG_INT, &levels,
      N_("How many levels review a disclosure, 1 to 3 (三审)"), N_("N") },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING_ARRAY, &reviewers,
      N_("Who reviews at a level, as LEVEL:USER (again for more)"), N_("LEVEL:USER") },
    { "index-code", 0, 0, G_OPTION_ARG_STRING, &index_code,
      N_("What its index numbers start with: its unified social credit code"), N_("CODE") },
    { "redaction", 0, 0, G_OPTION_ARG_STRING, &redaction,
      N_("How the lint masks: full or partial"), N_("HOW") },
    { "allow", 0, 0, G_OPTION_ARG_STRING_ARRAY, &allowed,
      N_("A contact its guide publishes, which the lint lets through (again for more)"),
      N_("NUMBER") },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &roles,
      N_("A role its officials may hold (roles; again for more)"), N_("ROLE") },
    { "any-role", 0, 0, G_OPTION_ARG_NONE, &any_role,
      N_("Its officials may hold any role (roles)"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Sets how a department reviews what it discloses: "
                                           "the levels and reviewers of its review, its index "
                                           "code, the lint’s masking and the contacts of its "
                                           "guide (OGI Art. 12). “roles” sets the roles its "
                                           "officials may hold. “show” prints it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 3)
    return usage_error (context, _("Say what to do — disclosure, roles or show — and name the department"));

  verb = argv[1];
  db = open_existing (&error);
  if (db == NULL)
    return fail (error);
  row = civic_server_db_get_entity (db, CIVIC_ENTITY_DEPARTMENT, argv[2], &error);
  if (row == NULL)
    {
      if (error != NULL)
        return fail (error);
      g_printerr (_("civicdesk-server: there is no department “%s”\n"), argv[2]);
      return 1;
    }
  department = civic_json_parse (row->data, -1, &error);
  if (department == NULL || !JSON_NODE_HOLDS_OBJECT (department))
    return fail (error);
  object = json_node_get_object (department);
  member = civic_json_lookup_object (object, "disclosure");
  current = member != NULL ? json_node_init_object (json_node_alloc (), member)
                           : civic_disclosure_policy_to_json (civic_disclosure_policy_get_default ());

  if (g_str_equal (verb, "show"))
    {
      text = civic_json_to_string (current, TRUE);
      g_print ("%s\n", text);
      return 0;
    }
  if (g_str_equal (verb, "roles"))
    return department_roles (db, row, department, (const char * const *) roles, any_role, context);
  if (!g_str_equal (verb, "disclosure"))
    return usage_error (context, _("Say what to do — disclosure, roles or show — and name the department"));

  /* The policy as it is, with what was given changed */
  {
    JsonObject *changed = json_object_ref (json_node_get_object (current));
    g_autoptr(JsonObject) owned = json_object_new ();
    GList *names = json_object_get_members (changed);

    for (GList *l = names; l != NULL; l = l->next)
      json_object_set_member (owned, l->data,
                              json_node_copy (json_object_get_member (changed, l->data)));
    g_list_free (names);
    json_object_unref (changed);

    if (levels != 0)
      json_object_set_int_member (owned, "review_levels", levels);
    if (index_code != NULL)
      json_object_set_string_member (owned, "index_code", index_code);
    if (redaction != NULL)
      json_object_set_string_member (owned, "redaction", redaction);
    if (allowed != NULL)
      {
        JsonArray *array = json_array_new ();

        for (guint i = 0; allowed[i] != NULL; i++)
          json_array_add_string_element (array, allowed[i]);
        json_object_set_array_member (owned, "allowed_numbers", array);
      }
    if (reviewers != NULL)
      {
        JsonArray *by_level = json_array_new ();
        guint n_levels = levels != 0 ? (guint) levels
                         : (guint) json_object_get_int_member_with_default (owned, "review_levels", 1);

        for (guint level = 1; level <= n_levels && level <= CIVIC_DISCLOSURE_MAX_REVIEW_LEVELS; level++)
          {
            JsonArray *names_at = json_array_new ();

            for (guint i = 0; reviewers[i] != NULL; i++)
              {
                char *colon = strchr (reviewers[i], ':');
                g_autofree char *level_text = colon ? g_strndup (reviewers[i], colon - reviewers[i])
                                                    : NULL;
                guint64 at = 0;

                if (colon == NULL || colon[1] == '\0' ||
                    !g_ascii_string_to_unsigned (level_text, 10, 1,
                                                 CIVIC_DISCLOSURE_MAX_REVIEW_LEVELS, &at, NULL))
                  {
                    json_array_unref (names_at);
                    json_array_unref (by_level);
                    return usage_error (context, _("Give a reviewer as LEVEL:USER, such as 2:u-li"));
                  }
                if (at == level)
                  json_array_add_string_element (names_at, colon + 1);
              }
            json_array_add_array_element (by_level, names_at);
          }
        json_object_set_array_member (owned, "reviewers", by_level);
      }
    policy_node = json_node_init_object (json_node_alloc (), owned);
  }

  /* Checked as the service reads it, before anything is written */
  policy = civic_disclosure_policy_new_from_json (policy_node, &error);
  if (policy == NULL)
    return fail (error);
  json_object_set_member (object, "disclosure", civic_disclosure_policy_to_json (policy));

  if (!civic_db_begin (db, &error) ||
      civic_server_db_put_entity (db, CIVIC_ENTITY_DEPARTMENT, argv[2], row->rev + 1, department,
                                  NULL, &error) == 0 ||
      !audit_admin (db, "department-disclosure", argv[2], &error) ||
      !civic_db_commit (db, &error))
    {
      civic_db_rollback (db);
      return fail (error);
    }
  {
    g_autoptr(JsonNode) written = civic_disclosure_policy_to_json (policy);

    text = civic_json_to_string (written, TRUE);
  }
  g_print ("%s\n", text);
  return 0;
}

/* column */

/* “-” clears a member; NULL leaves it */
static void
set_or_clear (JsonObject *object,
              const char *member,
              const char *value)
{
  if (value == NULL)
    return;
  if (g_str_equal (value, "-") || *value == '\0')
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, value);
}

static void
print_column (JsonObject *column)
{
  const char *parent = json_object_get_string_member_with_default (column, "parent", NULL);
  const char *counterpart = json_object_get_string_member_with_default (column, "counterpart", NULL);
  const char *url = json_object_get_string_member_with_default (column, "counterpart_url", NULL);

  g_print ("%-24s %-10s %s", json_object_get_string_member_with_default (column, "id", ""),
           json_object_get_string_member_with_default (column, "department", ""),
           json_object_get_string_member_with_default (column, "name", ""));
  if (parent != NULL)
    /* Translators: in a list of columns: the column it sits under */
    g_print (_(" (under %s)"), parent);
  if (counterpart != NULL || url != NULL)
    /* Translators: in a list of columns: its counterpart one level up */
    g_print (_(" → %s"), counterpart != NULL ? counterpart : url);
  g_print ("\n");
}

static int
command_column (int    argc,
                char **argv)
{
  /* Translators: translate only COLUMN; the rest are subcommands typed as they are */
  g_autoptr(GOptionContext) context = g_option_context_new (_("add|set|list [COLUMN]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(JsonObject) column = NULL;
  g_autofree char *name = NULL;
  g_autofree char *department = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *counterpart = NULL;
  g_autofree char *counterpart_url = NULL;
  g_autofree char *counterpart_name = NULL;
  int position = -1;
  gint64 rev = 0;
  gboolean adding;
  const char *verb;
  const GOptionEntry entries[] = {
    { "department", 0, 0, G_OPTION_ARG_STRING, &department,
      N_("The organ whose column it is (add; list: only its columns)"), N_("ID") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The column’s name, as the public reads it (add, set)"),
      N_("NAME") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent,
      N_("The column of the same organ it sits under in the catalogue; “-” for none (add, set)"),
      N_("COLUMN") },
    { "counterpart", 0, 0, G_OPTION_ARG_STRING, &counterpart,
      N_("The same column of the organ one level up, in this service; “-” for none (add, set)"),
      N_("COLUMN") },
    { "counterpart-url", 0, 0, G_OPTION_ARG_STRING, &counterpart_url,
      N_("Or its address, when that organ publishes elsewhere; “-” for none (add, set)"), N_("URL") },
    { "counterpart-name", 0, 0, G_OPTION_ARG_STRING, &counterpart_name,
      N_("The name of the column at that address (add, set)"), N_("NAME") },
    { "position", 0, 0, G_OPTION_ARG_INT, &position,
      N_("Where it comes among the organ’s columns, from 0; after the others when not given "
         "(add, set)"), N_("N") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Manages an organ’s columns (栏目, 专栏): the catalogue "
                                           "its disclosures are filed in. An editor files a "
                                           "disclosure only in its organ’s columns; the public "
                                           "pages show each column with the columns under it and "
                                           "link it to its counterpart one level up. A column is "
                                           "never deleted: what was published in it stays there."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say what to do: add, set or list"));

  verb = argv[1];
  db = open_existing (&error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (verb, "list"))
    {
      CivicDbStmt *stmt = civic_db_prepare (db, "SELECT data FROM entity WHERE type = '"
                                                CIVIC_ENTITY_DISCLOSURE_COLUMN "' AND "
                                                "(?1 IS NULL OR json_extract (data, "
                                                "'$.department') = ?1) ORDER BY "
                                                "json_extract (data, '$.department'), "
                                                "CAST (json_extract (data, '$.position') "
                                                "  AS BIGINT), id",
                                            &error);
      gboolean row;

      if (stmt == NULL)
        return fail (error);
      civic_db_bind_text (stmt, 1, department);
      while (civic_db_step (db, stmt, &row, &error) && row)
        {
          g_autoptr(JsonNode) node = civic_json_parse (civic_db_column_text (stmt, 0), -1, NULL);

          if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
            print_column (json_node_get_object (node));
        }
      civic_db_reset (stmt);
      return error != NULL ? fail (error) : 0;
    }

  if (!g_str_equal (verb, "add") && !g_str_equal (verb, "set"))
    return usage_error (context, _("Say what to do: add, set or list"));
  if (argc < 3)
    return usage_error (context, _("Name the column"));

  adding = g_str_equal (verb, "add");
  column = civic_disclosure_columns_load (db, argv[2], &rev, &error);
  if (error != NULL)
    return fail (error);
  if (adding && column != NULL)
    {
      g_printerr (_("civicdesk-server: there is already a column “%s”\n"), argv[2]);
      return 1;
    }
  if (!adding && column == NULL)
    {
      g_printerr (_("civicdesk-server: there is no column “%s”\n"), argv[2]);
      return 1;
    }
  if (adding && (name == NULL || department == NULL))
    return usage_error (context, _("Give the column’s --department and --name"));
  if (!adding && department != NULL)
    return usage_error (context, _("A column stays with its organ; add a new one instead"));

  if (column == NULL)
    {
      column = json_object_new ();
      json_object_set_string_member (column, "id", argv[2]);
      json_object_set_string_member (column, "department", department);
      json_object_set_null_member (column, "parent");
      json_object_set_null_member (column, "counterpart");
      json_object_set_null_member (column, "counterpart_url");
      json_object_set_null_member (column, "counterpart_name");
    }
  if (name != NULL)
    json_object_set_string_member (column, "name", g_strstrip (name));
  set_or_clear (column, "parent", parent);
  /* One counterpart: naming one clears the other */
  if (counterpart != NULL)
    {
      set_or_clear (column, "counterpart", counterpart);
      json_object_set_null_member (column, "counterpart_url");
      json_object_set_null_member (column, "counterpart_name");
    }
  if (counterpart_url != NULL)
    {
      set_or_clear (column, "counterpart_url", counterpart_url);
      if (g_str_equal (counterpart_url, "-"))
        json_object_set_null_member (column, "counterpart_name");
      if (counterpart == NULL && !g_str_equal (counterpart_url, "-"))
        json_object_set_null_member (column, "counterpart");
    }
  set_or_clear (column, "counterpart_name", counterpart_name);
  if (position >= 0)
    json_object_set_int_member (column, "position", position);

  if (!civic_db_begin (db, &error) ||
      !civic_disclosure_columns_put (db, column, rev, &error) ||
      !audit_admin (db, adding ? "column-add" : "column-set", argv[2], &error) ||
      !civic_db_commit (db, &error))
    {
      civic_db_rollback (db);
      return fail (error);
    }
  g_print (adding ? _("Added the column %s.\n") : _("Changed the column %s.\n"), argv[2]);
  return 0;
}

static int
command_room (int    argc,
              char **argv)
{
  /* Translators: translate only ROOM; the rest are subcommands typed as they are */
  g_autoptr(GOptionContext) context = g_option_context_new (_("add|set|close|reopen|list [ROOM]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(JsonObject) room = NULL;
  g_autofree char *name = NULL;
  g_autofree char *building = NULL;
  g_autofree char *department = NULL;
  g_autofree char *equipment = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *reason = NULL;
  int capacity = -1;
  gint64 rev = 0;
  const char *verb;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The room’s name (add, set)"), N_("NAME") },
    { "building", 0, 0, G_OPTION_ARG_STRING, &building, N_("Where it is (add, set)"),
      N_("BUILDING") },
    { "capacity", 0, 0, G_OPTION_ARG_INT, &capacity, N_("How many it seats (add, set)"), N_("N") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department,
      N_("The department whose room it is; “-” for the whole hall (add, set)"), N_("ID") },
    { "equipment", 0, 0, G_OPTION_ARG_STRING, &equipment,
      N_("Comma-separated: recording, video (add, set)"), N_("LIST") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day or time it is closed (close, reopen)"),
      N_("WHEN") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day or time it is closed (close)"),
      N_("WHEN") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is closed (close)"), N_("TEXT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Manages the rooms hearings are held in: their seats "
                                           "and equipment, and when they are closed. Scheduling "
                                           "refuses a room too small, another department’s, or "
                                           "closed at the time."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say what to do: add, set, close, reopen or list"));

  verb = argv[1];
  db = open_existing (&error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (verb, "list"))
    {
      CivicDbStmt *stmt = civic_db_prepare (db, "SELECT data FROM entity WHERE type = '"
                                                CIVIC_ENTITY_ROOM "' ORDER BY id", &error);
      gboolean row;

      if (stmt == NULL)
        return fail (error);
      while (civic_db_step (db, stmt, &row, &error) && row)
        {
          g_autoptr(JsonNode) node = civic_json_parse (civic_db_column_text (stmt, 0), -1, NULL);
          JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          JsonNode *closed = object ? json_object_get_member (object, "unavailable") : NULL;

          if (object == NULL)
            continue;
          g_print ("%-16s %4" G_GINT64_FORMAT "  %-10s %s, %s%s\n",
                   json_object_get_string_member_with_default (object, "id", ""),
                   json_object_get_int_member_with_default (object, "capacity", 0),
                   json_object_get_string_member_with_default (object, "department", "-"),
                   json_object_get_string_member_with_default (object, "name", ""),
                   json_object_get_string_member_with_default (object, "building", ""),
                   closed && JSON_NODE_HOLDS_ARRAY (closed) && json_array_get_length (json_node_get_array (closed)) > 0
                   ? _(" (closed at times)") : "");
        }
      civic_db_reset (stmt);
      return error != NULL ? fail (error) : 0;
    }

  if (argc < 3)
    return usage_error (context, _("Name the room"));

  room = load_room (db, argv[2], &rev, &error);
  if (error != NULL)
    return fail (error);

  if (g_str_equal (verb, "add") || g_str_equal (verb, "set"))
    {
      gboolean adding = g_str_equal (verb, "add");

      if (adding && room != NULL)
        {
          g_printerr (_("civicdesk-server: there is already a room “%s”\n"), argv[2]);
          return 1;
        }
      if (!adding && room == NULL)
        {
          g_printerr (_("civicdesk-server: there is no room “%s”\n"), argv[2]);
          return 1;
        }
      if (adding && (name == NULL || capacity < 0))
        return usage_error (context, _("Give the room’s --name and --capacity"));
      if (capacity == 0 || capacity > 10000)
        return usage_error (context, _("--capacity must be between 1 and 10000"));
      if (department != NULL && !g_str_equal (department, "-") && !department_exists (db, department))
        {
          g_printerr (_("civicdesk-server: there is no department “%s”\n"), department);
          return 1;
        }

      if (room == NULL)
        {
          room = json_object_new ();
          json_object_set_string_member (room, "id", argv[2]);
          json_object_set_string_member (room, "kind", "hearing");
          json_object_set_null_member (room, "department");
          json_object_set_array_member (room, "unavailable", json_array_new ());
        }
      if (name != NULL)
        json_object_set_string_member (room, "name", name);
      if (building != NULL)
        json_object_set_string_member (room, "building", building);
      if (capacity > 0)
        json_object_set_int_member (room, "capacity", capacity);
      if (department != NULL && g_str_equal (department, "-"))
        json_object_set_null_member (room, "department");
      else if (department != NULL)
        json_object_set_string_member (room, "department", department);
      if (equipment != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (equipment, ",", -1);
          JsonArray *list = json_array_new ();

          for (guint i = 0; parts[i] != NULL; i++)
            {
              g_strstrip (parts[i]);
              if (g_str_equal (parts[i], "recording") || g_str_equal (parts[i], "video"))
                json_array_add_string_element (list, parts[i]);
              else if (*parts[i] != '\0')
                {
                  json_array_unref (list);
                  return usage_error (context, _("--equipment lists recording and video"));
                }
            }
          json_object_set_array_member (room, "equipment", list);
        }
      if (!save_room (db, room, rev, adding ? "room-add" : "room-set", &error))
        return fail (error);
      g_print (adding ? _("Added the room %s.\n") : _("Changed the room %s.\n"), argv[2]);
      return 0;
    }

  if (room == NULL)
    {
      g_printerr (_("civicdesk-server: there is no room “%s”\n"), argv[2]);
      return 1;
    }

  if (g_str_equal (verb, "close"))
    {
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;
      g_autofree char *from_iso = NULL;
      g_autofree char *to_iso = NULL;
      JsonNode *list = json_object_get_member (room, "unavailable");
      JsonObject *period;

      if (from_text == NULL || to_text == NULL || reason == NULL || *g_strstrip (reason) == '\0')
        return usage_error (context, _("Give --from, --to and the --reason it is closed"));
      if ((from = read_moment (from_text, FALSE, &error)) == NULL ||
          (to = read_moment (to_text, TRUE, &error)) == NULL)
        return usage_error (context, error->message);
      if (g_date_time_compare (to, from) <= 0)
        return usage_error (context, _("--to must come after --from"));
      /* Nobody finds the door shut: as a client's Close Room */
      if (!civic_room_records_check_closing (db, argv[2], from, to, &error))
        return fail (error);
      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        json_object_set_array_member (room, "unavailable", json_array_new ());
      from_iso = civic_time_format (from);
      to_iso = civic_time_format (to);
      period = json_object_new ();
      json_object_set_string_member (period, "from", from_iso);
      json_object_set_string_member (period, "to", to_iso);
      json_object_set_string_member (period, "reason", reason);
      json_array_add_object_element (json_object_get_array_member (room, "unavailable"), period);
      if (!save_room (db, room, rev, "room-close", &error))
        return fail (error);
      g_print (_("Closed the room %s from %s to %s.\n"), argv[2], from_text, to_text);
      return 0;
    }

  if (g_str_equal (verb, "reopen"))
    {
      g_autoptr(JsonArray) kept = json_array_new ();
      JsonNode *list = json_object_get_member (room, "unavailable");
      g_autoptr(GDateTime) from = from_text ? read_moment (from_text, FALSE, &error) : NULL;
      guint removed = 0;

      if (from_text != NULL && from == NULL)
        return usage_error (context, error->message);
      /* Every closure, or the one from --from */
      for (guint i = 0; list && JSON_NODE_HOLDS_ARRAY (list) &&
                        i < json_array_get_length (json_node_get_array (list)); i++)
        {
          JsonObject *period = json_array_get_object_element (json_node_get_array (list), i);
          g_autoptr(GDateTime) start = civic_time_parse (json_object_get_string_member_with_default (period, "from", ""));

          if (from == NULL || (start != NULL && g_date_time_equal (start, from)))
            removed++;
          else
            json_array_add_object_element (kept, json_object_ref (period));
        }
      if (removed == 0)
        {
          g_printerr (_("civicdesk-server: the room %s is not closed then\n"), argv[2]);
          return 1;
        }
      json_object_set_array_member (room, "unavailable", g_steal_pointer (&kept));
      if (!save_room (db, room, rev, "room-reopen", &error))
        return fail (error);
      g_print (_("Reopened the room %s.\n"), argv[2]);
      return 0;
    }

  return usage_error (context, _("Say what to do: add, set, close, reopen or list"));
}

/* calendar */

/* A notice as the calendar's JSON, or as the State Council published its
 * text */
static JsonNode *
read_notice (const char  *contents,
             int          year,
             const char  *number,
             const char  *issued,
             GError     **error)
{
  JsonNode *node = civic_json_parse (contents, -1, NULL);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return node;
  g_clear_pointer (&node, json_node_unref);
  return civic_calendar_notice_parse (contents, year, number, issued, error);
}

static const char *
day_kind_words (CivicDayKind kind)
{
  switch (kind)
    {
    case CIVIC_DAY_KIND_HOLIDAY: return _("a holiday");
    case CIVIC_DAY_KIND_MAKEUP_WORKDAY: return _("a make-up working day");
    case CIVIC_DAY_KIND_WEEKEND: return _("a weekend day");
    case CIVIC_DAY_KIND_WORKDAY:
    default: return _("a working day");
    }
}

static int
command_calendar (int    argc,
                  char **argv)
{
  /* Translators: translate only FILE, YEAR, DATE and DAYS; the rest are
   * subcommands typed as they are */
  g_autoptr(GOptionContext) context = g_option_context_new (_("import FILE | preview FILE | show [YEAR] | due DATE DAYS"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(CivicCalendar) calendar = NULL;
  gboolean calendar_days = FALSE;
  int notice_year = 0;
  g_autofree char *notice_number = NULL;
  g_autofree char *notice_issued = NULL;
  const GOptionEntry entries[] = {
    { "calendar-days", 0, 0, G_OPTION_ARG_NONE, &calendar_days,
      N_("due: count calendar days, not working days"), NULL },
    { "year", 0, 0, G_OPTION_ARG_INT, &notice_year,
      N_("import, preview: the year a notice’s text arranges (else read from its title)"),
      N_("YEAR") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &notice_number,
      N_("import, preview: the notice’s document number"), N_("NUMBER") },
    { "issued", 0, 0, G_OPTION_ARG_STRING, &notice_issued,
      N_("import, preview: the day the notice was issued"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Imports the State Council’s annual holiday notice — its JSON, "
                                  "or its text as published — after a preview of the days it "
                                  "changes and the due dates it moves; shows the working days of "
                                  "a year, or computes a due date with its explanation."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say what to do: import, preview, show or due"));

  db = open_existing (&error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (argv[1], "import"))
    {
      g_autofree char *contents = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *basename = NULL;

      if (argc < 3)
        return usage_error (context, _("Name the notice file to import"));

      basename = g_path_get_basename (argv[2]);
      if (!g_file_get_contents (argv[2], &contents, NULL, &error) ||
          !(node = read_notice (contents, notice_year, notice_number, notice_issued, &error)) ||
          !civic_db_begin (db, &error))
        return fail (error);
      if (!civic_calendar_records_import (db, node, basename, &error) ||
          !civic_db_commit (db, &error))
        {
          civic_db_rollback (db);
          return fail (error);
        }
      g_print (_("Imported %s. The service counts with it from its next request.\n"), basename);
      return 0;
    }

  calendar = civic_calendar_records_load (db, "CN-43", &error);
  if (calendar == NULL)
    return fail (error);

  /* What a notice would change, before it is imported */
  if (g_str_equal (argv[1], "preview"))
    {
      g_autofree char *contents = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(CivicCalendar) after = NULL;
      g_autoptr(GArray) changes = NULL;
      g_autoptr(GPtrArray) moved = NULL;
      int year;

      if (argc < 3)
        return usage_error (context, _("Name the notice to preview"));
      if (!g_file_get_contents (argv[2], &contents, NULL, &error) ||
          !(node = read_notice (contents, notice_year, notice_number, notice_issued, &error)) ||
          !(after = civic_calendar_records_load_with (db, "CN-43", node, &error)))
        return fail (error);
      year = (int) json_object_get_int_member (json_node_get_object (node), "year");
      changes = civic_calendar_diff (calendar, after, year);
      moved = civic_calendar_records_moved_dues (db, calendar, after, civic_time_today (), &error);
      if (moved == NULL)
        return fail (error);
      g_print (civic_ngettext ("%u day of %d changes:\n", "%u days of %d change:\n",
                               changes->len), changes->len, year);
      for (guint i = 0; i < changes->len; i++)
        {
          CivicCalendarChange *change = &g_array_index (changes, CivicCalendarChange, i);
          g_autofree char *day = civic_day_format (change->day);

          /* Translators: "2026-09-20 (Sunday): a make-up working day → a weekend day" */
          g_print (_("  %s (%s): %s → %s\n"), day, civic_day_weekday_name (change->day),
                   day_kind_words (change->before), day_kind_words (change->after));
        }
      g_print (civic_ngettext ("%u due date of an open case, request or message moves:\n",
                               "%u due dates of open cases, requests and messages move:\n",
                               moved->len), moved->len);
      for (guint i = 0; i < moved->len; i++)
        {
          g_autofree char *line = civic_moved_due_describe (g_ptr_array_index (moved, i));

          g_print ("  %s\n", line);
        }
      return 0;
    }

  if (g_str_equal (argv[1], "show"))
    {
      g_autoptr(GArray) years = civic_calendar_get_years (calendar);
      int year = argc >= 3 ? atoi (argv[2]) : civic_day_get_year (civic_time_today ());
      CivicDay first = civic_day_from_ymd (year, 1, 1);
      CivicDay last = civic_day_from_ymd (year, 12, 31);
      int working = 0;

      if (first == CIVIC_DAY_INVALID)
        return usage_error (context, _("Give a year such as 2026"));

      g_print (_("Notices loaded:"));
      for (guint i = 0; i < years->len; i++)
        g_print (" %d", g_array_index (years, int, i));
      g_print ("\n");

      if (civic_calendar_has_notice (calendar, year))
        g_print ("%d: %s %s\n", year, civic_calendar_get_notice_title (calendar, year),
                 civic_calendar_get_notice_number (calendar, year)
                 ? civic_calendar_get_notice_number (calendar, year) : "");
      else
        g_print (_("%d: no notice loaded; weekends and fixed-date holidays only (provisional)\n"),
                 year);

      for (CivicDay day = first; day <= last; day++)
        {
          g_autofree char *name = NULL;
          g_autofree char *text = NULL;
          CivicDayKind kind = civic_calendar_classify (calendar, day, &name, NULL);

          if (kind == CIVIC_DAY_KIND_WORKDAY || kind == CIVIC_DAY_KIND_MAKEUP_WORKDAY)
            working++;
          if (kind != CIVIC_DAY_KIND_HOLIDAY && kind != CIVIC_DAY_KIND_MAKEUP_WORKDAY)
            continue;

          text = civic_day_format (day);
          g_print ("  %s %-9s %s%s\n", text, civic_day_weekday_name (day), name ? name : "",
                   kind == CIVIC_DAY_KIND_MAKEUP_WORKDAY ? _(" (make-up working day)") : "");
        }
      g_print (_("Working days in the year: %d\n"), working);
      return 0;
    }

  if (g_str_equal (argv[1], "due"))
    {
      g_autoptr(CivicClock) clock = NULL;
      g_autoptr(CivicClockReading) reading = NULL;
      g_autofree char *trace = NULL;
      CivicDay start;
      char *end = NULL;
      gint64 days;

      if (argc < 4 || !civic_day_parse (argv[2], &start))
        return usage_error (context, _("Give a start date (YYYY-MM-DD) and a number of days"));
      days = g_ascii_strtoll (argv[3], &end, 10);
      if (end == NULL || *end != '\0' || days < 0 || days > 3660)
        return usage_error (context, _("Give a start date (YYYY-MM-DD) and a number of days"));

      clock = civic_clock_new (CIVIC_CLOCK_KIND_STATUTORY, CIVIC_CLOCK_TRIGGER_ACCEPTED, start,
                               calendar_days ? CIVIC_CLOCK_UNIT_CALENDAR_DAYS
                                             : CIVIC_CLOCK_UNIT_WORKING_DAYS,
                               (int) days, NULL);
      reading = civic_clock_read (clock, calendar, start, NULL);
      trace = civic_clock_reading_dup_trace_text (reading);
      g_print ("%s\n", trace);
      return 0;
    }

  return usage_error (context, _("Say what to do: import, preview, show or due"));
}

/* civicdesk-server catalogue import FILE | export */
static int
command_catalogue (int    argc,
                   char **argv)
{
  /* Translators: translate only FILE; the rest are subcommands typed as
   * they are */
  g_autoptr(GOptionContext) context = g_option_context_new (_("import FILE | export"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autofree char *department = NULL;
  g_autofree char *effective_on = NULL;
  g_autofree char *files = NULL;
  g_autofree char *output = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "department", 0, 0, G_OPTION_ARG_STRING, &department,
      N_("Only this department’s items (import: every item is this department’s)"), N_("ID") },
    { "effective-on", 0, 0, G_OPTION_ARG_STRING, &effective_on,
      N_("import: the day the changes take effect (each item’s own, or today)"), N_("DATE") },
    { "files", 0, 0, G_OPTION_ARG_FILENAME, &files,
      N_("The folder of the files the guides name (import: “files” beside FILE)"), N_("DIR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("export: write to this file, not standard output"), N_("FILE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("import: check the catalogue and say what would change, changing nothing"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Imports a province’s implementation lists of service items "
                                  "(docs/catalogue.md), checked whole: each changed item becomes "
                                  "a version that takes effect on its day, and a case keeps the "
                                  "version it was filed under. Exports the items in effect in "
                                  "the same shape."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say what to do: import or export"));

  db = open_existing (&error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (argv[1], "import"))
    {
      g_autofree char *contents = NULL;
      g_autofree char *digest = NULL;
      g_autofree char *folder = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(CivicCalendar) calendar = NULL;
      g_autoptr(GDateTime) now = civic_time_now ();
      CivicCatalogueImport result;
      CivicDay day = CIVIC_DAY_INVALID;
      gsize length;

      if (argc < 3)
        return usage_error (context, _("Name the catalogue to import"));
      if (effective_on != NULL && !civic_day_parse (effective_on, &day))
        return usage_error (context, _("Give the day as 2026-12-31"));
      if (!g_file_get_contents (argv[2], &contents, &length, &error) ||
          !(node = civic_json_parse (contents, length, &error)))
        return fail (error);
      digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      if (files == NULL)
        {
          g_autofree char *dir = g_path_get_dirname (argv[2]);

          folder = g_build_filename (dir, "files", NULL);
          if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
            g_clear_pointer (&folder, g_free);
        }
      calendar = civic_calendar_records_load (db, "CN-43", &error);
      if (calendar == NULL ||
          !civic_catalogue_import (db, calendar, now, node, digest, files != NULL ? files : folder,
                                   department, day, dry_run, &result, &error))
        return fail (error);
      g_print (dry_run ? _("Would import %s: %u new items, %u changed, %u unchanged.\n")
                       : _("Imported %s: %u new items, %u changed, %u unchanged. A case keeps "
                           "the version it was filed under.\n"),
               argv[2], result.new_items, result.changed, result.unchanged);
      return 0;
    }

  if (g_str_equal (argv[1], "export"))
    {
      g_autoptr(JsonNode) node = civic_catalogue_export (db, department, files, &error);
      g_autofree char *text = NULL;

      if (node == NULL)
        return fail (error);
      text = civic_json_to_string (node, TRUE);
      if (output != NULL)
        {
          g_autofree char *with_newline = g_strconcat (text, "\n", NULL);

          if (!g_file_set_contents (output, with_newline, -1, &error))
            return fail (error);
        }
      else
        g_print ("%s\n", text);
      return 0;
    }

  return usage_error (context, _("Say what to do: import or export"));
}

/* audit, keys, backup */

/* civicdesk-server message-clocks import FILE | show */
static int
command_message_clocks (int    argc,
                        char **argv)
{
  /* Translators: translate only FILE; the rest are subcommands typed as
   * they are */
  g_autoptr(GOptionContext) context = g_option_context_new (_("import FILE | show"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(CivicMessageClocks) clocks = NULL;

  g_option_context_set_summary (context,
                                _("Imports the region’s table of time limits on citizens’ "
                                  "messages — each kind’s limits to sign for and to reply, with "
                                  "their sources — or shows the one the service follows. A "
                                  "message keeps the limits it came in under."));
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say what to do: import or show"));

  db = open_existing (&error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (argv[1], "import"))
    {
      g_autofree char *contents = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (argc < 3)
        return usage_error (context, _("Name the table to import"));
      if (!g_file_get_contents (argv[2], &contents, NULL, &error) ||
          !(node = civic_json_parse (contents, -1, &error)) ||
          !civic_db_begin (db, &error))
        return fail (error);
      if (!civic_message_records_import_clocks (db, node, &error) ||
          !civic_db_commit (db, &error))
        {
          civic_db_rollback (db);
          return fail (error);
        }
      g_print (_("Imported %s. New messages follow it; those already in keep theirs.\n"),
               argv[2]);
      return 0;
    }

  if (g_str_equal (argv[1], "show"))
    {
      g_autoptr(JsonNode) table = NULL;
      g_autofree char *text = NULL;

      clocks = civic_message_records_load_clocks (db, &error);
      if (clocks == NULL && error == NULL)
        g_set_error_literal (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                             _("The service keeps no table of time limits"));
      if (clocks == NULL)
        return fail (error);
      table = civic_message_clocks_to_json (clocks);
      text = civic_json_to_string (table, TRUE);
      g_print ("%s\n", text);
      return 0;
    }

  return usage_error (context, _("Say what to do: import or show"));
}

/* civicdesk-server open311 services import FILE | services list |
 * key add NAME | key list | key revoke ID */
static int
command_open311 (int    argc,
                 char **argv)
{
  /* Translators: translate only FILE, NAME and ID; the rest are
   * subcommands typed as they are */
  g_autoptr(GOptionContext) context = g_option_context_new (
    _("services import FILE | services list | key add NAME | key list | key revoke ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  const char *what, *how;

  g_option_context_set_summary (context,
                                _("Sets what Open311 GeoReport v2 clients may file — the "
                                  "services, each a kind of citizen’s message for a "
                                  "department, with the questions it asks — and gives those "
                                  "clients their keys. A key is shown once, when it is made; "
                                  "the service keeps only its hash."));
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 3)
    return usage_error (context, _("Say what to do: services import, services list, key add, "
                                   "key list or key revoke"));
  what = argv[1];
  how = argv[2];

  db = open_existing (&error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (what, "services") && g_str_equal (how, "import"))
    {
      g_autofree char *contents = NULL;
      g_autoptr(JsonNode) node = NULL;
      guint n = 0;

      if (argc < 4)
        return usage_error (context, _("Name the catalogue to import"));
      if (!g_file_get_contents (argv[3], &contents, NULL, &error) ||
          !(node = civic_json_parse (contents, -1, &error)) ||
          !civic_db_begin (db, &error))
        return fail (error);
      if (!civic_open311_import_services (db, node, &n, &error) ||
          !civic_db_commit (db, &error))
        {
          civic_db_rollback (db);
          return fail (error);
        }
      g_print (civic_ngettext ("Imported %u service from %s.\n",
                               "Imported %u services from %s.\n", n), n, argv[3]);
      return 0;
    }
  if (g_str_equal (what, "services") && g_str_equal (how, "list"))
    {
      g_autoptr(JsonNode) services = civic_open311_list_services (db, &error);
      JsonArray *array;

      if (services == NULL)
        return fail (error);
      array = json_node_get_array (services);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *service = json_array_get_object_element (array, i);

          g_print ("%-24s %-12s %-8s %s\n",
                   json_object_get_string_member (service, "service_code"),
                   json_object_get_string_member (service, "kind"),
                   json_object_get_string_member_with_default (service, "department", "-"),
                   json_object_get_string_member (service, "service_name"));
        }
      return 0;
    }
  if (g_str_equal (what, "key") && g_str_equal (how, "add"))
    {
      g_autofree char *id = NULL;
      g_autofree char *key = NULL;

      if (argc < 4)
        return usage_error (context, _("Name whom the key is for"));
      if (!civic_db_begin (db, &error))
        return fail (error);
      key = civic_open311_add_key (db, argv[3], now, &id, &error);
      if (key == NULL || !civic_open311_key_records_publish (db, id, &error) ||
          !civic_db_commit (db, &error))
        {
          civic_db_rollback (db);
          return fail (error);
        }
      /* Translators: the key is shown once; the id revokes it */
      g_print (_("Key %s for %s:\n%s\nGive it to the client now: it is not shown again.\n"),
               id, argv[3], key);
      return 0;
    }
  if (g_str_equal (what, "key") && g_str_equal (how, "list"))
    {
      g_autoptr(JsonNode) keys = civic_open311_list_keys (db, &error);
      JsonArray *array;

      if (keys == NULL)
        return fail (error);
      array = json_node_get_array (keys);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *key = json_array_get_object_element (array, i);
          const char *revoked = json_object_get_string_member_with_default (key, "revoked_at",
                                                                            NULL);

          g_print ("%-12s %-26s %s%s%s\n", json_object_get_string_member (key, "id"),
                   json_object_get_string_member (key, "created_at"),
                   json_object_get_string_member (key, "name"),
                   revoked != NULL ? _(" — revoked ") : "", revoked != NULL ? revoked : "");
        }
      return 0;
    }
  if (g_str_equal (what, "key") && g_str_equal (how, "revoke"))
    {
      if (argc < 4)
        return usage_error (context, _("Name the key to revoke by its id"));
      if (!civic_db_begin (db, &error))
        return fail (error);
      if (!civic_open311_revoke_key (db, argv[3], now, &error) ||
          !civic_open311_key_records_publish (db, argv[3], &error) ||
          !civic_db_commit (db, &error))
        {
          civic_db_rollback (db);
          return fail (error);
        }
      g_print (_("Revoked %s: its client is refused from now on.\n"), argv[3]);
      return 0;
    }
  return usage_error (context, _("Say what to do: services import, services list, key add, "
                                 "key list or key revoke"));
}

#if HAVE_MAIL
/* civicdesk-server mail import FILE|- | replies --outbox DIR --from ADDRESS */
static int
command_mail (int    argc,
              char **argv)
{
  /* Translators: translate only FILE; the rest are subcommands typed as
   * they are */
  g_autoptr(GOptionContext) context = g_option_context_new (_("import FILE|- | replies"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *outbox = NULL;
  g_autofree char *from = NULL;
  const GOptionEntry entries[] = {
    { "outbox", 0, 0, G_OPTION_ARG_FILENAME, &outbox,
      N_("The folder the mail system sends from (replies)"), N_("DIR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The hall’s address the replies come from (replies)"), N_("ADDRESS") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Files the mail the hall’s mailbox received — one message, or "
                                  "an mbox; “-” reads standard input — as citizens’ messages, "
                                  "each once however often it is imported; or writes each reply "
                                  "that went out to a mailed message as a mail answering it, for "
                                  "the mail system to send."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say what to do: import or replies"));

  db = open_existing (&error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (argv[1], "import"))
    {
      g_autoptr(CivicCalendar) calendar = NULL;
      g_autoptr(GBytes) input = NULL;
      g_auto(CivicMailImport) result = { 0 };
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (argc < 3)
        return usage_error (context, _("Name the mail to import, or “-” for standard input"));
      if (g_str_equal (argv[2], "-"))
        {
          GByteArray *all = g_byte_array_new ();
          guint8 buffer[65536];
          size_t n;

          while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
            g_byte_array_append (all, buffer, n);
          input = g_byte_array_free_to_bytes (all);
        }
      else
        {
          if (!g_file_get_contents (argv[2], &contents, &length, &error))
            return fail (error);
          input = g_bytes_new_take (g_steal_pointer (&contents), length);
        }
      calendar = civic_calendar_records_load (db, "CN-43", &error);
      if (calendar == NULL || !civic_mail_import (db, calendar, now, input, &result, &error))
        return fail (error);
      for (guint i = 0; i < result.refused->len; i++)
        g_printerr (_("Not filed: %s\n"), (const char *) g_ptr_array_index (result.refused, i));
      /* Translators: "Filed 3 new; 1 filed before; 0 refused." */
      g_print (_("Filed %u new; %u filed before; %u refused.\n"), result.filed, result.already,
               result.refused->len);
      return result.refused->len > 0 ? 1 : 0;
    }
  if (g_str_equal (argv[1], "replies"))
    {
      guint written = 0;

      if (outbox == NULL || from == NULL)
        return usage_error (context, _("Give the --outbox folder and the --from address"));
      if (!civic_mail_write_replies (db, now, from, outbox, &written, &error))
        return fail (error);
      g_print (civic_ngettext ("Wrote %u reply to %s.\n", "Wrote %u replies to %s.\n", written),
               written, outbox);
      return 0;
    }
  return usage_error (context, _("Say what to do: import or replies"));
}
#endif

static int
command_audit (int    argc,
               char **argv)
{
  /* Translators: literal subcommands; keep them in English */
  g_autoptr(GOptionContext) context = g_option_context_new ("verify|checkpoint|checkpoints");
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autofree char *checkpoint_file = NULL;
  gint64 n = 0, broken = 0, after = 0;
  const GOptionEntry entries[] = {
    { "checkpoint", 0, 0, G_OPTION_ARG_FILENAME, &checkpoint_file,
      N_("verify: also check the log against the checkpoints in this file, kept from earlier"),
      N_("FILE") },
    { "after", 0, 0, G_OPTION_ARG_INT64, &after,
      N_("checkpoints: only those of later entries"), N_("SEQ") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("verify checks that no entry of the audit log was altered, "
                                  "removed or added, and exits with 1 naming the first broken "
                                  "entry; with --checkpoint it also checks that the log still "
                                  "passes through the heads that earlier checkpoints signed, "
                                  "which proves a rewrite even by someone with the audit key.\n"
                                  "checkpoint signs the head of the log now.\n"
                                  "checkpoints prints the signed checkpoints, as the service "
                                  "publishes them, for an auditor to keep."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say what to do: verify, checkpoint or checkpoints"));

  db = open_existing (&error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (argv[1], "verify"))
    {
      g_autoptr(JsonNode) published = NULL;
      gboolean other_key = FALSE;
      guint checked = 0;

      if (checkpoint_file != NULL)
        {
          g_autofree char *contents = NULL;
          gsize length;

          if (!g_file_get_contents (checkpoint_file, &contents, &length, &error) ||
              !(published = civic_json_parse (contents, length, &error)))
            return fail (error);
        }

      if (!civic_audit_verify (db, &n, &broken, &error) ||
          (published != NULL &&
           !civic_audit_verify_checkpoints (db, published, &checked, &broken, &other_key,
                                            &error)))
        {
          g_print (_("BROKEN at entry %" PRId64 ": %s\n"), broken, error->message);
          return 1;
        }

      g_print (_("OK: %" PRId64 " entries, chain unbroken\n"), n);
      if (published != NULL)
        g_print (civic_ngettext ("OK: the log passes through %u signed checkpoint\n",
                                 "OK: the log passes through %u signed checkpoints\n", checked),
                 checked);
      if (other_key)
        g_print (_("Note: those checkpoints were signed with a key that is not the service’s "
                   "signing key now; if its keys were not replaced on purpose, ask why.\n"));
      return 0;
    }

  if (g_str_equal (argv[1], "checkpoint"))
    {
      g_autoptr(GDateTime) now = civic_time_now ();
      gint64 seq = 0;

      if (!civic_audit_checkpoint (db, now, &seq, &error))
        return fail (error);
      if (seq == 0)
        g_print (_("The audit log is empty; there is nothing to sign.\n"));
      else
        g_print (_("Signed the head of the audit log at entry %" PRId64 ".\n"), seq);
      return 0;
    }

  if (g_str_equal (argv[1], "checkpoints"))
    {
      g_autofree char *json = civic_audit_checkpoints_json (db, after, G_MAXINT, &error);

      if (json == NULL)
        return fail (error);
      g_print ("%s\n", json);
      return 0;
    }

  return usage_error (context, _("Say what to do: verify, checkpoint or checkpoints"));
}

/* Seals again, batch by batch, what older keys sealed. */
static gboolean
reseal_all (CivicDb      *db,
            guint        *total,
            GError      **error)
{
  guint done;

  *total = 0;
  do
    {
      if (!civic_case_records_reseal (db, 500, &done, error))
        return FALSE;
      *total += done;
    }
  while (done > 0);
  return TRUE;
}

static int keys_verb (GOptionContext  *context,
                      CivicDb         *db,
                      CivicKeyring    *keyring,
                      int              argc,
                      char           **argv);

static int
command_keys (int    argc,
              char **argv)
{
  /* Translators: literal subcommands; keep them in English */
  g_autoptr(GOptionContext) context = g_option_context_new ("list|rotate|reseal|retire KEY");
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  CivicKeyring *keyring;
  int lock, status;

  g_option_context_set_summary (context,
                                _("The service’s keys live in a folder of their own (“keys” in "
                                  "the data folder, or CIVICDESK_KEYS_DIR), apart from the "
                                  "database: back them up apart from it too.\n"
                                  "list shows them, and how many cases each personal-data key "
                                  "seals.\n"
                                  "rotate makes a new personal-data key, seals new data with it "
                                  "and seals everything again with it; restart every running "
                                  "service afterwards, then run reseal once more.\n"
                                  "reseal seals again with the newest key what older keys "
                                  "sealed.\n"
                                  "retire deletes a personal-data key that seals nothing; keep a "
                                  "copy of it with the backups made before, which need it."));
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say what to do: list, rotate, reseal or retire"));

  db = open_existing (&error);
  if (db == NULL)
    return fail (error);
  keyring = civic_server_db_get_keyring (db);

  if (g_str_equal (argv[1], "list"))
    {
      g_autoptr(GArray) ids = civic_keyring_list_ids (keyring);
      g_autofree char *fingerprint = civic_keyring_dup_fingerprint (keyring);
      g_autofree char *public_key = civic_keyring_dup_public_key_base64 (keyring);

      g_print (_("Keys in %s (fingerprint %s)\n"), civic_keyring_get_dir (keyring), fingerprint);
      g_print (_("Checkpoint signing key (Ed25519), public: %s\n"), public_key);
      for (guint i = 0; i < ids->len; i++)
        {
          guint id = g_array_index (ids, guint, i);
          gint64 count = civic_case_records_count_sealed (db, id, &error);

          if (count < 0)
            return fail (error);
          g_print (civic_ngettext ("Personal-data key %u%s: seals %" PRId64 " case\n",
                                   "Personal-data key %u%s: seals %" PRId64 " cases\n", count),
                   id, id == civic_keyring_get_current_id (keyring) ? _(" (current)") : "",
                   count);
        }
      return 0;
    }

  /* One change of the keys at a time */
  lock = civic_keyring_lock (keyring, &error);
  if (lock < 0)
    return fail (error);
  status = keys_verb (context, db, keyring, argc, argv);
  civic_keyring_unlock (lock);
  return status;
}

static int
keys_verb (GOptionContext *context,
           CivicDb        *db,
           CivicKeyring   *keyring,
           int             argc,
           char          **argv)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (argv[1], "rotate") || g_str_equal (argv[1], "reseal"))
    {
      gboolean rotate = g_str_equal (argv[1], "rotate");
      guint id = civic_keyring_get_current_id (keyring), total = 0;

      if (rotate && !civic_keyring_add_personal_key (keyring, &id, &error))
        return fail (error);
      if (rotate)
        {
          if (!civic_db_begin (db, &error))
            return fail (error);
          if (!audit_admin (db, "keys-rotate", NULL, &error) || !civic_db_commit (db, &error))
            {
              civic_db_rollback (db);
              return fail (error);
            }
          g_print (_("Made personal-data key %u; new data is sealed with it.\n"), id);
        }

      if (!reseal_all (db, &total, &error))
        return fail (error);
      g_print (civic_ngettext ("Sealed %u case again with key %u.\n",
                               "Sealed %u cases again with key %u.\n", total), total, id);
      if (rotate)
        g_print (_("Restart every service that uses these keys, then run “civicdesk-server keys "
                   "reseal” once more.\n"));
      return 0;
    }

  if (g_str_equal (argv[1], "retire"))
    {
      guint64 id;
      gint64 count;

      if (argc < 3 || !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT, &id, NULL))
        return usage_error (context, _("Name the key to retire by its number"));

      count = civic_case_records_count_sealed (db, id, &error);
      if (count < 0)
        return fail (error);
      if (count > 0)
        {
          g_printerr (civic_ngettext ("civicdesk-server: key %u still seals %" PRId64 " case; "
                                      "run “civicdesk-server keys reseal” first\n",
                                      "civicdesk-server: key %u still seals %" PRId64 " cases; "
                                      "run “civicdesk-server keys reseal” first\n", count),
                      (guint) id, count);
          return 1;
        }

      if (!civic_keyring_remove_personal_key (keyring, id, &error))
        return fail (error);
      if (!civic_db_begin (db, &error))
        return fail (error);
      if (!audit_admin (db, "keys-retire", argv[2], &error) || !civic_db_commit (db, &error))
        {
          civic_db_rollback (db);
          return fail (error);
        }
      g_print (_("Retired personal-data key %u.\n"), (guint) id);
      return 0;
    }

  return usage_error (context, _("Say what to do: list, rotate, reseal or retire"));
}

static gboolean
is_database_uri (const char *location)
{
  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://");
}

static int
command_migrate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— move the records between the "
                                                              "data folder and PostgreSQL"));
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  CivicMigrateReport report;
  const char *folder, *uri;
  gboolean to_postgresql;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Where the records are: the data folder (the default), or a postgresql:// URI"),
      N_("PLACE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Where they go: a postgresql:// URI, or the data folder (the default)"), N_("PLACE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Copies every record of the service from its data folder’s "
                                  "SQLite file into an empty PostgreSQL database, or back into "
                                  "the folder, checks that every table arrived whole and that "
                                  "the audit chain verifies, then names the new place in the "
                                  "folder’s civicdesk.conf. The source is left as it was. Stop "
                                  "the service first: a change made during the copy makes it "
                                  "fail. The folder keeps the service’s keys either way."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, data_dir_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (data_dir == NULL)
    data_dir = g_strdup (g_getenv ("CIVICDESK_DATA_DIR"));
  if (from == NULL && data_dir != NULL && to != NULL && is_database_uri (to))
    from = g_strdup (data_dir);
  if (to == NULL && data_dir != NULL && from != NULL && is_database_uri (from))
    to = g_strdup (data_dir);
  if (from == NULL || to == NULL)
    return usage_error (context, _("Name both places, with --from and --to"));
  if (is_database_uri (from) == is_database_uri (to))
    return usage_error (context, _("One place is a data folder, the other a postgresql:// URI"));

  to_postgresql = is_database_uri (to);
  folder = to_postgresql ? from : to;
  uri = to_postgresql ? to : from;
  if (!civic_migrate (folder, uri, to_postgresql, &report, &error))
    return fail (error);

  g_print (_("Moved %" PRId64 " rows of %u tables in %.1f s, as they were at change %" PRId64
             "; the audit chain of %" PRId64 " entries verifies.\n"),
           report.n_rows, report.n_tables, report.seconds, report.seq, report.n_audit);
  g_print (to_postgresql ? _("The service in %s now keeps its records in PostgreSQL "
                             "(civicdesk.conf); the SQLite file is left as it was.\n")
                         : _("The service in %s now keeps its records in its SQLite file "
                             "(civicdesk.conf); the PostgreSQL database is left as it was.\n"),
           folder);
  return 0;
}

static int
command_backup (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— copy the database while it runs"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDb) db = NULL;
  g_autofree char *target = NULL;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &target, N_("The file to write"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes a consistent copy of the service’s database; the "
                                  "service may keep running."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (target == NULL)
    return usage_error (context, _("Name the copy with --to"));
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("civicdesk-server: %s exists; choose a new file\n"), target);
      return 1;
    }

  db = open_existing (&error);
  if (db == NULL)
    return fail (error);
  if (civic_db_get_sqlite (db) == NULL)
    {
      g_printerr (_("civicdesk-server: the service keeps its records in PostgreSQL; back them up "
                    "with pg_dump and WAL archiving (docs/deploy.md)\n"));
      return 1;
    }
  if (!civic_sqlite_backup_to (civic_db_get_sqlite (db), target, &error))
    return fail (error);

  g_print (_("Wrote %s.\n"), target);
  return 0;
}

/* The service's own: the text of an attached file, read in a process of
 * its own under limits (civic-attachment-text.c) */
static int
command_extract_text (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *media_type = NULL;
  int cpu_seconds = CIVIC_ATTACHMENT_TEXT_CPU_SECONDS;
  int memory_mib = CIVIC_ATTACHMENT_TEXT_MEMORY_MIB;
  GOptionEntry entries[] = {
    { "media-type", 0, 0, G_OPTION_ARG_STRING, &media_type,
      N_("The file’s type: application/pdf, text/plain, text/markdown or text/csv"), N_("TYPE") },
    { "cpu-seconds", 0, 0, G_OPTION_ARG_INT, &cpu_seconds,
      N_("Stop after this much CPU time (10)"), N_("N") },
    { "memory-mib", 0, 0, G_OPTION_ARG_INT, &memory_mib,
      N_("Stop past this much memory, in MiB (512)"), N_("N") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Reads a file on standard input and writes its text, "
                                           "a page each, as JSON on standard output. The service "
                                           "runs it for each file attached to a disclosure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (media_type == NULL || cpu_seconds <= 0 || memory_mib <= 0 ||
      cpu_seconds > CIVIC_ATTACHMENT_TEXT_CPU_SECONDS ||
      memory_mib > CIVIC_ATTACHMENT_TEXT_MEMORY_MIB)
    return usage_error (context, _("Give the file’s type, and limits no larger than the "
                                   "defaults"));
  return civic_attachment_text_child_main (media_type, (guint) cpu_seconds, (guint) memory_mib);
}

static const struct
{
  const char     *name;
  SubcommandFunc  func;
  const char     *summary;
} subcommands[] = {
  { "init", command_init, N_("Create an empty service") },
  { "serve", command_serve, N_("Run the service") },
  { "demo", command_demo, N_("Create a service filled with demo data") },
  { "user", command_user, N_("Add, change, disable and list accounts") },
  { "calendar", command_calendar, N_("Import holiday notices, show working days, compute a due date") },
  { "template", command_template, N_("Import and list the templates of formal documents") },
  { "room", command_room, N_("Add and change the rooms hearings are held in, and close them") },
  { "column", command_column, N_("Add, change and list the columns an organ publishes in") },
  { "department", command_department, N_("Set how a department reviews what it discloses") },
  { "catalogue", command_catalogue,
    N_("Import and export the catalogue of service items and their guides") },
  { "message-clocks", command_message_clocks,
    N_("Import or show the region’s time limits on citizens’ messages") },
  { "open311", command_open311,
    N_("Set the services Open311 clients file against, and give them keys") },
#if HAVE_MAIL
  { "mail", command_mail, N_("File citizens’ e-mail as messages, and write the replies") },
#endif
  { "audit", command_audit, N_("Verify the audit log and sign checkpoints of it") },
  { "keys", command_keys, N_("List, rotate and retire the service’s keys") },
  { "backup", command_backup, N_("Copy the database while the service runs") },
  { "migrate", command_migrate, N_("Move the records between the data folder and PostgreSQL") },
  { "extract-text", command_extract_text, N_("Read an attached file’s text (the service runs it)") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: civicdesk-server COMMAND [OPTION…]"));
  fprintf (out, "%s\n", _("The central service of Civic Desk."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (out, "  %-14s %s\n", subcommands[i].name, _(subcommands[i].summary));
  fprintf (out, "\n%s\n", _("“civicdesk-server COMMAND --help” tells more."));
}

int
civic_server_cli_run (int    argc,
                      char **argv)
{
  const char *localedir = g_getenv ("CIVICDESK_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("civicdesk-server %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      {
        g_autofree char *program = g_strdup_printf ("civicdesk-server %s", argv[1]);

        g_set_prgname (program);
        argv[1] = program;
        status = subcommands[i].func (argc - 1, argv + 1);
        g_clear_pointer (&data_dir, g_free);
        return status;
      }

  g_printerr (_("civicdesk-server: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return 2;
}
