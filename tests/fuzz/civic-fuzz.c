/* civic-fuzz.c — what every libFuzzer target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <gio/gio.h>

#include "civic-calendar.h"
#include "civic-fuzz.h"
#include "civic-time.h"

static CivicFuzzFlags fuzz_flags;
static GPtrArray *tmp_dirs;

void
civic_fuzz_fail (const char *file,
                 int         line,
                 const char *expr)
{
  fprintf (stderr, "%s:%d: the code under test broke its promise: %s\n", file, line, expr);
  abort ();
}

/* A critical is a g_return_if_fail() that outside input reached: a bug,
 * as the tests' G_DEBUG=fatal-warnings says. Everything below a warning
 * is the code telling its log what it did; at a million inputs a minute
 * that would only bury libFuzzer's own report. */
static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  gboolean fatal = (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) != 0 ||
                   ((level & G_LOG_LEVEL_WARNING) && !(fuzz_flags & CIVIC_FUZZ_ALLOW_WARNINGS));

  if (!fatal)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  abort ();
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static void
remove_tmp_dirs (void)
{
  for (guint i = 0; tmp_dirs != NULL && i < tmp_dirs->len; i++)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (g_ptr_array_index (tmp_dirs, i));

      remove_tree (dir);
    }
  g_clear_pointer (&tmp_dirs, g_ptr_array_unref);
}

/**
 * civic_fuzz_make_tmp_dir:
 *
 * Returns: (transfer full): a new folder for a target's throwaway files
 * (a service database, an account folder), removed when the process
 * exits normally; after a crash it stays for a look.
 */
char *
civic_fuzz_make_tmp_dir (const char *name)
{
  g_autofree char *template = g_strdup_printf ("civicdesk-fuzz-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  if (dir == NULL)
    g_error ("%s", error->message);

  if (tmp_dirs == NULL)
    {
      tmp_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tmp_dirs);
    }
  g_ptr_array_add (tmp_dirs, g_strdup (dir));
  return dir;
}

/**
 * civic_fuzz_init:
 *
 * Call first in LLVMFuzzerInitialize(), or at the top of the first input
 * of a target without one. Pins the clock, so an input that fails once
 * fails again when it is replayed another day, and points the programs at
 * the calendars of the source tree unless the environment says otherwise.
 */
void
civic_fuzz_init (CivicFuzzFlags flags)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  fuzz_flags = flags;
  g_log_set_writer_func (write_log, NULL, NULL);

  g_setenv (CIVIC_NOW_ENV, "2026-03-20T10:00:00+08:00", FALSE);
  g_setenv (CIVIC_CALENDAR_DIR_ENV, SOURCE_CALENDARDIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
}

/**
 * civic_fuzz_load_calendar:
 *
 * Returns: (transfer full): the working-day calendar of the seeds' region
 * (Hunan, CN-43), from the source tree; a target that cannot have it
 * stops, as it would find nothing.
 */
CivicCalendar *
civic_fuzz_load_calendar (void)
{
  g_autoptr(GError) error = NULL;
  CivicCalendar *calendar = civic_calendar_new_default ("CN-43", &error);

  if (calendar == NULL)
    g_error ("%s", error->message);
  return calendar;
}
