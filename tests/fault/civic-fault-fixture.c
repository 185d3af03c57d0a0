/* civic-fault-fixture.c — what the fault tests share: a small service, folders
 * to copy, and the warnings a failing disk provokes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-fault-fixture"

#include "config.h"

#include <locale.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "civic-demo.h"

#include "civic-fault-fixture.h"
#include "civic-fault-vfs.h"

/* G_DEBUG=fatal-warnings makes every warning abort the test. The code
 * under test warns when the disk fails it ("command … failed: disk I/O
 * error"), which is what these tests do to it on purpose: such a warning
 * becomes a TAP comment. Any other warning, and any warning once the disk
 * works again, still aborts. */
static gboolean
is_provoked (GLogLevelFlags log_level)
{
  return (log_level & G_LOG_LEVEL_WARNING) != 0 &&
         (civic_fault_vfs_count_failed () > 0 || civic_fault_vfs_is_cut ());
}

static void
log_unless_provoked (const char     *log_domain,
                     GLogLevelFlags  log_level,
                     const char     *message,
                     gpointer        user_data)
{
  /* The default handler aborts on a fatal level itself, before the fatal
   * handler below is asked. */
  if (is_provoked (log_level))
    g_test_message ("%s: %s (the disk failed on purpose)", log_domain, message);
  else
    g_log_default_handler (log_domain, log_level, message, user_data);
}

static gboolean
fatal_unless_provoked (const char     *log_domain,
                       GLogLevelFlags  log_level,
                       const char     *message,
                       gpointer        user_data)
{
  return !is_provoked (log_level);
}

/**
 * civic_fault_fixture_init:
 *
 * g_test_init(), and the fault VFS in place before any connection opens.
 */
void
civic_fault_fixture_init (int    *argc,
                          char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  g_log_set_default_handler (log_unless_provoked, NULL);
  civic_fault_vfs_install ();
}

/**
 * civic_fault_fixture_start_test:
 *
 * Call first in every test function: GLib forgets the fatal handler that
 * lets provoked warnings pass at the start of each test case.
 */
void
civic_fault_fixture_start_test (void)
{
  g_test_log_set_fatal_handler (fatal_unless_provoked, NULL);
}

/**
 * civic_fault_fixture_make_dir:
 *
 * Returns: (transfer full): a new, empty folder.
 */
char *
civic_fault_fixture_make_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("civicdesk-fault-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * civic_fault_fixture_make_service:
 *
 * Makes a small demo service in @dir: accounts for every department,
 * the calendars, and %CIVIC_FAULT_DEMO_CASES cases, all on disk when this
 * returns (the last connection's checkpoint synced them).
 */
void
civic_fault_fixture_make_service (const char *dir)
{
  g_autoptr(GError) error = NULL;
  CivicDemoOptions options = {
    .data_dir = dir,
    .cases = CIVIC_FAULT_DEMO_CASES,
    .seed = 12,
    .password = "demo",
    .verbose = FALSE,
  };

  civic_demo_generate (&options, &error);
  g_assert_no_error (error);
}

static void
copy_file (GFile *from,
           GFile *to)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;
  GFile *child;

  if (g_file_query_file_type (from, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) !=
      G_FILE_TYPE_DIRECTORY)
    {
      /* With its permissions: the service refuses keys others can read */
      g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_ALL_METADATA, NULL, NULL, NULL,
                   &error);
      g_assert_no_error (error);
      return;
    }

  if (!g_file_make_directory (to, NULL, &error))
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_clear_error (&error);
    }
  g_file_set_attribute_uint32 (to, G_FILE_ATTRIBUTE_UNIX_MODE, 0700,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_no_error (error);

  children = g_file_enumerate_children (from, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_no_error (error);
  while (g_file_enumerator_iterate (children, &info, &child, NULL, &error) && info != NULL)
    {
      g_autoptr(GFile) target = g_file_get_child (to, g_file_info_get_name (info));

      copy_file (child, target);
    }
  g_assert_no_error (error);
}

/**
 * civic_fault_fixture_copy_dir:
 *
 * Copies the files of @from into @to, which exists. Nothing may have
 * them open.
 */
void
civic_fault_fixture_copy_dir (const char *from,
                              const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  copy_file (source, target);
}

static void
remove_file (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;
  GFile *child;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) ==
      G_FILE_TYPE_DIRECTORY)
    {
      children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
      g_assert_no_error (error);
      while (g_file_enumerator_iterate (children, &info, &child, NULL, &error) && info != NULL)
        remove_file (child);
      g_assert_no_error (error);
    }

  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);
}

void
civic_fault_fixture_remove_dir (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);

  remove_file (file);
}

/* How many torn power cuts to try at each sync point: a few in CI, as
 * many as %CIVIC_FAULT_SWEEP_ENV says in a sweep. */
static guint
torn_seeds (void)
{
  const char *sweep = g_getenv (CIVIC_FAULT_SWEEP_ENV);
  guint64 n;

  if (sweep == NULL || !g_ascii_string_to_unsigned (sweep, 10, 1, 100000, &n, NULL))
    return 3;
  return n;
}

static guint n_came_back;

/**
 * civic_fault_fixture_came_back:
 *
 * Counts an operation that had failed and was all there after the
 * restart: allowed where the fault may have let it reach the disk, and
 * reported with the trials.
 */
void
civic_fault_fixture_came_back (void)
{
  n_came_back++;
}

typedef enum
{
  POWER_CUT,
  TORN_POWER_CUT,
  DISK_FULL,
  IO_ERROR,
} TrialKind;

typedef struct
{
  const CivicFaultTrials *trials;
  gpointer                subject;
  TrialKind               kind;
} Test;

static void
run_test (gconstpointer data)
{
  static const struct
  {
    CivicFaultMethod method;
    int              rc;
  } io_errors[] = {
    { CIVIC_FAULT_READ, SQLITE_IOERR_READ },
    { CIVIC_FAULT_WRITE, SQLITE_IOERR_WRITE },
    { CIVIC_FAULT_SYNC, SQLITE_IOERR_FSYNC },
    { CIVIC_FAULT_TRUNCATE, SQLITE_IOERR_TRUNCATE },
  };
  const Test *test = data;
  const CivicFaultTrials *trials = test->trials;
  const guint *calls;
  guint n_seeds = torn_seeds ();
  guint n_trials = 0;

  civic_fault_fixture_start_test ();
  n_came_back = 0;
  calls = trials->learn (test->subject);

  switch (test->kind)
    {
    case POWER_CUT:
      for (guint k = 1; k <= calls[CIVIC_FAULT_SYNC] + 1; k++, n_trials++)
        trials->power_cut (test->subject, k, FALSE, 0);
      break;

    case TORN_POWER_CUT:
      for (guint k = 1; k <= calls[CIVIC_FAULT_SYNC] + 1; k++)
        for (guint seed = 1; seed <= n_seeds; seed++, n_trials++)
          trials->power_cut (test->subject, k, TRUE, seed);
      break;

    /* A full disk stays full */
    case DISK_FULL:
      for (guint i = 1; i <= calls[CIVIC_FAULT_WRITE]; i++, n_trials++)
        trials->fault (test->subject, CIVIC_FAULT_WRITE, i, SQLITE_FULL, TRUE);
      for (guint i = 1; i <= calls[CIVIC_FAULT_TRUNCATE]; i++, n_trials++)
        trials->fault (test->subject, CIVIC_FAULT_TRUNCATE, i, SQLITE_FULL, TRUE);
      g_assert_cmpuint (n_trials, >=, 1);
      break;

    case IO_ERROR:
      for (guint f = 0; f < G_N_ELEMENTS (io_errors); f++)
        for (guint i = 1; i <= calls[io_errors[f].method]; i++, n_trials++)
          trials->fault (test->subject, io_errors[f].method, i, io_errors[f].rc, FALSE);
      g_assert_cmpuint (n_trials, >=, 1);
      break;
    }

  /* A TAP comment that bench/fault-sweep.sh adds up */
  g_test_message ("fault-trials %s %u came-back %u", g_test_get_path (), n_trials, n_came_back);
}

/**
 * civic_fault_fixture_add_tests:
 * @prefix: the tests' path, "/fault/service"
 * @name: the operation's name in the path
 * @trials: how to run a trial of the operation
 * @subject: the operation, passed to @trials
 *
 * Adds the four tests of an operation: a power cut at each of its sync
 * points and after it; the same with torn writes; a full disk from each
 * write and truncation; an I/O error once at each call.
 */
void
civic_fault_fixture_add_tests (const char             *prefix,
                               const char             *name,
                               const CivicFaultTrials *trials,
                               gpointer                subject)
{
  static const char * const kinds[] = { "power-cut", "torn-power-cut", "disk-full", "io-error" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s/%s", prefix, name, kinds[k]);
      Test *test = g_new0 (Test, 1);

      test->trials = trials;
      test->subject = subject;
      test->kind = k;
      g_test_add_data_func_full (path, test, run_test, g_free);
    }
}
