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
    .seed = 9,
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

/**
 * civic_fault_fixture_torn_seeds:
 *
 * Returns: how many torn power cuts to try at each sync point: a few in
 * CI, as many as %CIVIC_FAULT_SWEEP_ENV says in a sweep.
 */
guint
civic_fault_fixture_torn_seeds (void)
{
  const char *sweep = g_getenv (CIVIC_FAULT_SWEEP_ENV);
  guint64 n;

  if (sweep == NULL || !g_ascii_string_to_unsigned (sweep, 10, 1, 100000, &n, NULL))
    return 3;
  return n;
}

/**
 * civic_fault_fixture_summary:
 * @n_came_back: how many operations that had failed were all there after
 *   the restart (allowed where the fault may have let them reach the disk)
 *
 * Says how many trials a test ran, in a TAP comment that
 * bench/fault-sweep.sh adds up.
 */
void
civic_fault_fixture_summary (guint n_trials,
                             guint n_came_back)
{
  g_test_message ("fault-trials %s %u came-back %u", g_test_get_path (), n_trials, n_came_back);
}
