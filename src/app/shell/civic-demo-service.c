/* civic-demo-service.c — the bundled service with generated data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-demo-service"

#include "config.h"

#include <fcntl.h>
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
  /* Appended to: each start's messages after the last one's. */
  int fd = g_open (log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);

  if (fd >= 0)
    g_subprocess_launcher_take_stderr_fd (launcher, fd);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return launcher;
}

/* The data is made once; this file says it was made to the end. */
#define READY_FILE "demo-ready"

static void
remove_data (const char *data_dir)
{
  static const char * const names[] = { "civicdesk.db", "civicdesk.db-wal", "civicdesk.db-shm",
                                         READY_FILE };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (data_dir, names[i], NULL);

      g_remove (path);
    }
}

static gboolean
make_data (const char    *server,
           const char    *data_dir,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *ready = g_build_filename (data_dir, READY_FILE, NULL);
  g_autofree char *log = g_build_filename (data_dir, "demo.log", NULL);
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (log);
  g_autoptr(GSubprocess) process = NULL;
  const char *cases_env = g_getenv ("CIVICDESK_DEMO_CASES");
  g_autofree char *cases = g_strdup_printf ("%d", cases_env ? atoi (cases_env) : DEFAULT_CASES);
  /* Tests that never look at requests for information, or at ten
   * thousand messages, ask for fewer. */
  const char *requests_env = g_getenv ("CIVICDESK_DEMO_REQUESTS");
  const char *messages_env = g_getenv ("CIVICDESK_DEMO_MESSAGES");
  const char *argv[] = {
    server, "demo", "--data-dir", data_dir, "--cases", cases,
    "--password", CIVIC_DEMO_PASSWORD,
    "--messages", messages_env ? messages_env : "10000",
    requests_env ? "--requests" : NULL, requests_env, NULL
  };

  /* What a run cut short (a crash, Cancel) left behind. */
  remove_data (data_dir);

  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL || !g_subprocess_wait_check (process, cancellable, error))
    {
      if (process != NULL)
        {
          g_subprocess_force_exit (process);
          g_subprocess_wait (process, NULL, NULL);
        }
      remove_data (data_dir);
      g_prefix_error (error, _("The demo data could not be made (see %s): "), log);
      return FALSE;
    }
  return g_file_set_contents (ready, "", 0, error);
}

/* Preparing (finding the service, making the data) blocks, and runs on a
 * worker. The service itself is started from the main thread: the signal
 * that stops it with the client (PR_SET_PDEATHSIG) comes when the thread
 * that started it ends, and a worker ends whenever the pool likes. */

typedef struct
{
  char        *server;
  guint        port;       /* the one to try; 0 for any */
  GSubprocess *process;
  guint        poll_source;
  gint64       deadline;
} Start;

static void
start_free (Start *start)
{
  g_free (start->server);
  g_clear_object (&start->process);
  g_clear_handle_id (&start->poll_source, g_source_remove);
  g_free (start);
}

static void
prepare_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  CivicDemoService *self = source;
  Start *start = data;
  g_autofree char *ready = g_build_filename (self->data_dir, READY_FILE, NULL);
  g_autofree char *last_port_file = g_build_filename (self->data_dir, "last-port", NULL);
  g_autofree char *last_port = NULL;
  g_autoptr(GError) error = NULL;

  start->server = find_server (&error);
  if (start->server == NULL || !civic_sqlite_make_folder (self->data_dir, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!g_file_test (ready, G_FILE_TEST_EXISTS) &&
      !make_data (start->server, self->data_dir, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_file_get_contents (last_port_file, &last_port, NULL, NULL))
    start->port = (guint) g_ascii_strtoull (last_port, NULL, 10);

  g_task_return_boolean (task, TRUE);
}

static gboolean spawn (GTask   *task,
                       GError **error);

static gboolean
poll_port_cb (gpointer data)
{
  GTask *task = data;
  CivicDemoService *self = g_task_get_source_object (task);
  Start *start = g_task_get_task_data (task);
  g_autofree char *port_file = g_build_filename (self->data_dir, "port", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_get_contents (port_file, &contents, NULL, NULL) && *contents != '\0')
    {
      g_autofree char *last_port_file = g_build_filename (self->data_dir, "last-port", NULL);
      guint bound = (guint) g_ascii_strtoull (contents, NULL, 10);
      g_autofree char *text = g_strdup_printf ("%u", bound);

      start->poll_source = 0;
      g_file_set_contents (last_port_file, text, -1, NULL);
      g_set_object (&self->process, start->process);
      g_free (self->url);
      self->url = g_strdup_printf ("http://127.0.0.1:%u", bound);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }

  if (g_subprocess_get_identifier (start->process) != NULL &&
      g_get_monotonic_time () < start->deadline &&
      !g_task_return_error_if_cancelled (task))
    return G_SOURCE_CONTINUE;

  start->poll_source = 0;
  g_subprocess_force_exit (start->process);
  if (g_task_had_error (task))
    {
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }

  /* Last time's port is taken: any free one. */
  if (start->port != 0)
    {
      start->port = 0;
      if (spawn (task, &error))
        return G_SOURCE_REMOVE;
    }
  else
    {
      g_autofree char *log = g_build_filename (self->data_dir, "serve.log", NULL);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The demo service did not start (see %s)"), log);
    }

  g_task_return_error (task, g_steal_pointer (&error));
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static gboolean
spawn (GTask   *task,
       GError **error)
{
  CivicDemoService *self = g_task_get_source_object (task);
  Start *start = g_task_get_task_data (task);
  g_autofree char *log = g_build_filename (self->data_dir, "serve.log", NULL);
  g_autofree char *port_file = g_build_filename (self->data_dir, "port", NULL);
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", start->port);
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (log);
  const char *argv[] = {
    start->server, "serve", "--data-dir", self->data_dir, "--listen", listen,
    "--port-file", port_file, "--quiet", NULL
  };

  g_unlink (port_file);
  g_clear_object (&start->process);
  start->process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (start->process == NULL)
    return FALSE;

  start->deadline = g_get_monotonic_time () + START_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  start->poll_source = g_timeout_add (50, poll_port_cb, task);
  return TRUE;
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) || !spawn (task, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
    }
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
  GTask *task;
  g_autoptr(GTask) prepare = NULL;
  Start *start;

  g_return_if_fail (CIVIC_IS_DEMO_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_demo_service_start_async);

  if (civic_demo_service_is_running (self))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  start = g_new0 (Start, 1);
  g_task_set_task_data (task, start, (GDestroyNotify) start_free);

  prepare = g_task_new (self, cancellable, prepared_cb, task);
  g_task_set_task_data (prepare, start, NULL);
  g_task_run_in_thread (prepare, prepare_thread);
}

gboolean
civic_demo_service_start_finish (CivicDemoService  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
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
