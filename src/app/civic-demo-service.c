/* civic-demo-service.c — the bundled service with generated data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-demo-service"

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "civic-demo-service.h"
#include "civic-sqlite.h"

/* "Try the demo" runs the real civicdesk-server, installed next to the
 * client, on 127.0.0.1 with generated data in a folder of its own. It
 * prefers the port it had last time, so the client's offline copy of the
 * demo is found again, and takes any free one if that is taken. It stops
 * with the client, and dies with it if the client crashes. */

#define DEFAULT_CASES 3000
#define START_TIMEOUT_SECONDS 60

struct _CivicDemoService
{
  GObject      parent_instance;

  char        *data_dir;
  char        *url;
  GSubprocess *process;
};

G_DEFINE_FINAL_TYPE (CivicDemoService, civic_demo_service, G_TYPE_OBJECT)

static void
civic_demo_service_dispose (GObject *object)
{
  CivicDemoService *self = (CivicDemoService *)object;

  civic_demo_service_stop (self);

  G_OBJECT_CLASS (civic_demo_service_parent_class)->dispose (object);
}

static void
civic_demo_service_finalize (GObject *object)
{
  CivicDemoService *self = (CivicDemoService *)object;

  g_free (self->data_dir);
  g_free (self->url);

  G_OBJECT_CLASS (civic_demo_service_parent_class)->finalize (object);
}

static void
civic_demo_service_class_init (CivicDemoServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_demo_service_dispose;
  object_class->finalize = civic_demo_service_finalize;
}

static void
civic_demo_service_init (CivicDemoService *self)
{
}

/**
 * civic_demo_service_new:
 * @data_dir: (nullable): where the demo's data lives; by default
 *   $XDG_DATA_HOME/civicdesk/demo-service
 */
CivicDemoService *
civic_demo_service_new (const char *data_dir)
{
  CivicDemoService *self = g_object_new (CIVIC_TYPE_DEMO_SERVICE, NULL);

  self->data_dir = data_dir != NULL
                   ? g_strdup (data_dir)
                   : g_build_filename (g_get_user_data_dir (), "civicdesk", "demo-service", NULL);
  return self;
}

const char *
civic_demo_service_get_url (CivicDemoService *self)
{
  g_return_val_if_fail (CIVIC_IS_DEMO_SERVICE (self), NULL);
  return self->url;
}

gboolean
civic_demo_service_is_running (CivicDemoService *self)
{
  g_return_val_if_fail (CIVIC_IS_DEMO_SERVICE (self), FALSE);
  return self->process != NULL && g_subprocess_get_identifier (self->process) != NULL;
}

/* The service comes with the client: in the Flatpak and in an installed
 * system next to it; in the build tree the run scripts say where. */
static char *
find_server (GError **error)
{
  const char *env = g_getenv ("CIVICDESK_SERVER_BIN");
  g_autofree char *installed = g_build_filename (BINDIR, "civicdesk-server", NULL);
  char *found;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);
  found = g_find_program_in_path ("civicdesk-server");
  if (found != NULL)
    return found;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The demo service (civicdesk-server) is not installed"));
  return NULL;
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocessLauncher *
launcher_new (const char *log_path)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);

  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return launcher;
}

static gboolean
make_data (const char    *server,
           const char    *data_dir,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *log = g_build_filename (data_dir, "demo.log", NULL);
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (log);
  g_autoptr(GSubprocess) process = NULL;
  const char *cases_env = g_getenv ("CIVICDESK_DEMO_CASES");
  g_autofree char *cases = g_strdup_printf ("%d", cases_env ? atoi (cases_env) : DEFAULT_CASES);
  const char *argv[] = {
    server, "demo", "--data-dir", data_dir, "--cases", cases,
    "--password", CIVIC_DEMO_PASSWORD, NULL
  };

  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL || !g_subprocess_wait_check (process, cancellable, error))
    {
      g_prefix_error (error, _("The demo data could not be made (see %s): "), log);
      return FALSE;
    }
  return TRUE;
}

static GSubprocess *
serve (const char    *server,
       const char    *data_dir,
       guint          port,
       guint         *bound,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autofree char *log = g_build_filename (data_dir, "serve.log", NULL);
  g_autofree char *port_file = g_build_filename (data_dir, "port", NULL);
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", port);
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (log);
  g_autoptr(GSubprocess) process = NULL;
  const char *argv[] = {
    server, "serve", "--data-dir", data_dir, "--listen", listen, "--port-file", port_file,
    "--quiet", NULL
  };

  g_unlink (port_file);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return NULL;

  for (guint i = 0; i < START_TIMEOUT_SECONDS * 20; i++)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (port_file, &contents, NULL, NULL) && *contents != '\0')
        {
          *bound = (guint) g_ascii_strtoull (contents, NULL, 10);
          return g_steal_pointer (&process);
        }
      if (g_subprocess_get_identifier (process) == NULL ||
          g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      g_usleep (G_USEC_PER_SEC / 20);
    }

  g_subprocess_force_exit (process);
  if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The demo service did not start (see %s)"), log);
  return NULL;
}

typedef struct
{
  GSubprocess *process;
  char        *url;
} Started;

static void
started_free (Started *started)
{
  g_clear_object (&started->process);
  g_free (started->url);
  g_free (started);
}

static void
start_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  CivicDemoService *self = source;
  g_autofree char *server = NULL;
  g_autofree char *database = g_build_filename (self->data_dir, "civicdesk.db", NULL);
  g_autofree char *last_port_file = g_build_filename (self->data_dir, "last-port", NULL);
  g_autofree char *last_port = NULL;
  g_autofree char *port_text = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Started *started;
  guint port = 0, bound = 0;

  server = find_server (&error);
  if (server == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!civic_sqlite_make_folder (self->data_dir, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!g_file_test (database, G_FILE_TEST_EXISTS) &&
      !make_data (server, self->data_dir, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_file_get_contents (last_port_file, &last_port, NULL, NULL))
    port = (guint) g_ascii_strtoull (last_port, NULL, 10);

  process = serve (server, self->data_dir, port, &bound, cancellable, &error);
  if (process == NULL && port != 0 && !g_cancellable_is_cancelled (cancellable))
    {
      /* Last time's port is taken: any free one. */
      g_clear_error (&error);
      process = serve (server, self->data_dir, 0, &bound, cancellable, &error);
    }
  if (process == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  port_text = g_strdup_printf ("%u", bound);
  g_file_set_contents (last_port_file, port_text, -1, NULL);

  started = g_new0 (Started, 1);
  started->process = g_steal_pointer (&process);
  started->url = g_strdup_printf ("http://127.0.0.1:%u", bound);
  g_task_return_pointer (task, started, (GDestroyNotify) started_free);
}

/**
 * civic_demo_service_start_async:
 *
 * Makes the demo data the first time (a few seconds), then starts the
 * service and waits until it listens.
 */
void
civic_demo_service_start_async (CivicDemoService    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CIVIC_IS_DEMO_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_demo_service_start_async);

  if (civic_demo_service_is_running (self))
    {
      Started *started = g_new0 (Started, 1);

      started->process = g_object_ref (self->process);
      started->url = g_strdup (self->url);
      g_task_return_pointer (task, started, (GDestroyNotify) started_free);
      return;
    }

  g_task_run_in_thread (task, start_thread);
}

gboolean
civic_demo_service_start_finish (CivicDemoService  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  Started *started;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  started = g_task_propagate_pointer (G_TASK (result), error);
  if (started == NULL)
    return FALSE;

  g_set_object (&self->process, started->process);
  g_free (self->url);
  self->url = g_strdup (started->url);
  started_free (started);
  return TRUE;
}

/**
 * civic_demo_service_stop:
 *
 * Stops the service, and waits for it: its database is closed cleanly.
 */
void
civic_demo_service_stop (CivicDemoService *self)
{
  g_return_if_fail (CIVIC_IS_DEMO_SERVICE (self));

  if (self->process == NULL)
    return;

  g_subprocess_send_signal (self->process, SIGTERM);
  for (int i = 0; i < 100 && g_subprocess_get_identifier (self->process) != NULL; i++)
    g_usleep (G_USEC_PER_SEC / 20);
  if (g_subprocess_get_identifier (self->process) != NULL)
    g_subprocess_force_exit (self->process);
  g_clear_object (&self->process);
}
