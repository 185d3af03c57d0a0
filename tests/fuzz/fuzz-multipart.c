/* fuzz-multipart.c — a citizen's form with its files, as the service reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-fuzz.h"
#include "civic-query.h"

/* POST /public/messages and /public/campaigns/{id} send
 * multipart/form-data (civic_query_decode_multipart). The input's first
 * line is the Content-Type's boundary, the rest the body. A form read has
 * only UTF-8 fields without control characters, at most
 * CIVIC_QUERY_MAX_FORM_PARTS parts, and files that hold bytes; one
 * refused says why. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *end = memchr (data, '\n', size);
  g_autofree char *boundary = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer name, value;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  if (end == NULL || memchr (data, '\0', end - data) != NULL)
    return 0;
  boundary = g_strndup ((const char *) data, end - data);
  body = g_bytes_new (end + 1, size - (end + 1 - data));

  form = civic_query_decode_multipart (boundary, body, &files, &error);
  if (form == NULL)
    {
      civic_fuzz_assert (error != NULL && files == NULL);
      return 0;
    }
  civic_fuzz_assert (error == NULL && files != NULL);
  civic_fuzz_assert (g_hash_table_size (form) + files->len <= CIVIC_QUERY_MAX_FORM_PARTS);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &name, &value))
    civic_fuzz_assert (g_utf8_validate (name, -1, NULL) && g_utf8_validate (value, -1, NULL));
  for (guint i = 0; i < files->len; i++)
    {
      CivicFormFile *file = g_ptr_array_index (files, i);

      civic_fuzz_assert (file->name != NULL && file->media_type != NULL &&
                         file->content != NULL);
    }
  return 0;
}
