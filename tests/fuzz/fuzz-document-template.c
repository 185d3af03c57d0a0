/* fuzz-document-template.c — a document template, as an administrator
 * imports it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"
#include "civic-template-record.h"
#include "civic-fuzz.h"

/* A template comes from a file an administrator imports
 * (civicdesk-server template import) and from the feed. What the import
 * accepts must keep its promise: written out and read back, it is the
 * same template; filled with a word for every placeholder its kind has,
 * it fills — no template that passed the import fails when an official
 * issues the document; and filled with nothing but what every document
 * has, it fails only for a missing value, never for the text itself.
 * Edited in a form, its body is text, one block a line
 * (civic_template_body_to_source()): read back, the same blocks. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicDocumentTemplate) template = NULL;
  g_autoptr(CivicDocumentTemplate) again = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(JsonNode) written_again = NULL;
  g_autoptr(GHashTable) every = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) least = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CivicDocumentText) filled = NULL;
  g_autoptr(CivicDocumentText) bare = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  const char * const *known;

  node = civic_json_parse ((const char *) data, size, NULL);
  if (node == NULL)
    return 0;

  template = civic_document_template_new_from_json (node, &error);
  if (template == NULL)
    {
      civic_fuzz_assert (error != NULL);
      return 0;
    }

  written = civic_document_template_to_json (template);
  text = civic_json_to_string (written, FALSE);
  again = civic_document_template_new_from_json (written, NULL);
  civic_fuzz_assert (again != NULL);
  written_again = civic_document_template_to_json (again);
  text_again = civic_json_to_string (written_again, FALSE);
  civic_fuzz_assert (g_strcmp0 (text, text_again) == 0);

  {
    g_autofree char *source = civic_template_body_to_source (template);
    g_autoptr(GPtrArray) blocks = civic_template_body_from_source (source, NULL);

    /* Blank blocks are not lines: only those with words come back */
    civic_fuzz_assert (blocks != NULL && blocks->len <= template->blocks->len);
    for (guint i = 0, j = 0; i < template->blocks->len; i++)
      {
        CivicDocumentBlock *block = g_ptr_array_index (template->blocks, i);
        g_autofree char *stripped = g_strstrip (g_strdup (block->text));

        if (*stripped == '\0' || strchr (stripped, '\n') != NULL || *stripped == '[')
          break;
        civic_fuzz_assert (j < blocks->len);
        civic_fuzz_assert (((CivicDocumentBlock *) g_ptr_array_index (blocks, j))->style ==
                           block->style);
        civic_fuzz_assert (g_str_equal (((CivicDocumentBlock *) g_ptr_array_index (blocks,
                                                                                  j))->text,
                                        stripped));
        j++;
      }
  }

  known = civic_document_kind_get_placeholders (template->kind);
  for (guint i = 0; known[i] != NULL; i++)
    g_hash_table_insert (every, (gpointer) known[i], (gpointer) "值\nvalue");
  filled = civic_document_template_fill (template, every, NULL);
  civic_fuzz_assert (filled != NULL);
  civic_fuzz_assert (filled->blocks->len <= 2 * template->blocks->len * 64);

  g_hash_table_insert (least, (gpointer) "department.name", (gpointer) "湖南省市场监督管理局");
  g_hash_table_insert (least, (gpointer) "issued_on", (gpointer) "2026年3月20日");
  bare = civic_document_template_fill (template, least, &error);
  civic_fuzz_assert (bare != NULL ||
                     g_error_matches (error, CIVIC_TEMPLATE_ERROR,
                                      CIVIC_TEMPLATE_ERROR_MISSING_VALUE));
  return 0;
}
