/* civic-fuzz-replay.c — a fuzz target's corpus, once, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "civic-fuzz.h"

/* Compilers other than clang have no libFuzzer. There each target links
 * this main() instead and runs every file of its seed corpus through
 * LLVMFuzzerTestOneInput() once, as a regression test of the normal
 * build: an input that crashed once, added to the corpus, stays fixed.
 * One TAP line per file.
 *
 *   fuzz-json [FILE | FOLDER]… */

/* Defined by the targets that have set-up to do. */
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv) __attribute__ ((weak));

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;

  /* In a fixed order, so a failure is the same test number each run. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      collect (child, files);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  int failed = 0;

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      uint8_t *data;
      gsize size;

      if (!g_file_get_contents (path, &contents, &size, &error))
        {
          printf ("not ok %u %s # %s\n", i + 1, path, error->message);
          failed++;
          continue;
        }

      /* A buffer of exactly the input's size, never NULL, as libFuzzer
       * gives: a read past its end is then caught in a sanitizer build. */
      data = malloc (MAX (size, 1));
      g_assert (data != NULL);
      memcpy (data, contents, size);
      fflush (stdout);
      LLVMFuzzerTestOneInput (data, size);
      free (data);
      printf ("ok %u %s\n", i + 1, path);
    }

  return failed > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
