/* fuzz-attachment-text.c — an attached file's text, as the reader child extracts it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-attachment-text.h"
#include "civic-fuzz.h"

/* What `civicdesk-server extract-text` does with a file an editor
 * attached (civic_attachment_text_extract: poppler for a PDF, UTF-8 for
 * text), and what the service then reads of the child's answer
 * (civic_attachment_text_pages_from_json). The first byte picks the
 * type; the rest is the file. In the service the child runs under
 * setrlimit and a crash only leaves the file unchecked — here a crash is
 * a bug found in the reader, or in poppler, to report. */

static const char * const types[] = { "application/pdf", "text/plain", "text/csv", "image/png" };

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  const char *type;

  civic_fuzz_init (CIVIC_FUZZ_ALLOW_WARNINGS);
  if (size < 1)
    return 0;
  type = types[data[0] % G_N_ELEMENTS (types)];

  pages = civic_attachment_text_extract (data + 1, size - 1, type, &error);
  if (pages != NULL)
    {
      g_autofree char *json = civic_attachment_text_pages_to_json ((const char * const *) pages);
      g_autoptr(GError) read_error = NULL;
      g_auto(GStrv) back = NULL;

      /* Every page is text, and what the child writes the service reads
       * back unchanged */
      civic_fuzz_assert (error == NULL && pages[0] != NULL);
      for (guint i = 0; pages[i] != NULL; i++)
        civic_fuzz_assert (g_utf8_validate (pages[i], -1, NULL));
      back = civic_attachment_text_pages_from_json (json, strlen (json), &read_error);
      civic_fuzz_assert (back != NULL && g_strv_equal ((const char * const *) back,
                                                       (const char * const *) pages));
    }
  else
    civic_fuzz_assert (error != NULL && error->domain == CIVIC_ATTACHMENT_TEXT_ERROR);

  /* The same bytes as a child's answer: pages, or refused, never a crash */
  {
    g_autoptr(GError) answer_error = NULL;
    g_auto(GStrv) answer = civic_attachment_text_pages_from_json ((const char *) data, size,
                                                                  &answer_error);

    civic_fuzz_assert ((answer != NULL) != (answer_error != NULL));
  }
  return 0;
}
