/* fuzz-query.c — the query string of any request, as the service reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "civic-fuzz.h"
#include "civic-query.h"

/* libsoup decodes a request's query into a table (soup_form_decode)
 * before a handler runs; the service first checks the raw text
 * (civic_query_check: no escaped NUL, UTF-8) and then reads its numbers
 * (civic_query_get_int) from the table. The input is the text after "?". */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *query = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "after", "limit" };

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  /* A URI cannot carry a raw NUL; libsoup would have refused it before. */
  if (memchr (data, '\0', size) != NULL)
    return 0;
  query = g_strndup ((const char *) data, size);

  if (!civic_query_check (query, &error))
    {
      civic_fuzz_assert (error != NULL);
      return 0;
    }

  table = soup_form_decode (query);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) number_error = NULL;
      const char *text = g_hash_table_lookup (table, names[i]);
      gint64 value = -7;

      if (civic_query_get_int (table, names[i], 0, 0, 5000, &value, &number_error))
        {
          /* What was read is what was written, and in range */
          civic_fuzz_assert (value >= 0 && value <= 5000);
          civic_fuzz_assert (text == NULL || g_ascii_strtoll (text, NULL, 10) == value);
          civic_fuzz_assert (text != NULL || value == 0);
        }
      else
        civic_fuzz_assert (number_error != NULL && text != NULL);
    }
  return 0;
}
