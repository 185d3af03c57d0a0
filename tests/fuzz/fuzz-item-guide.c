/* fuzz-item-guide.c — a service item's guide, as a client or a province sends it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-fuzz.h"
#include "civic-item-guide.h"
#include "civic-json.h"

/* save-item carries a whole guide, and `catalogue import` a province's
 * list of them (civic_item_guide_canonicalize). A guide taken is
 * canonical — checked again, it is the same bytes — its limits are read
 * by the law's rules and diffed against itself to nothing; one refused
 * says why, in CIVIC_ITEM_ERROR. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) guide = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  node = civic_json_parse ((const char *) data, size, NULL);
  if (node == NULL)
    return 0;
  guide = civic_item_guide_canonicalize (node, &error);
  if (guide == NULL)
    {
      civic_fuzz_assert (error != NULL && error->domain == CIVIC_ITEM_ERROR);
      return 0;
    }
  civic_fuzz_assert (error == NULL);
  again = civic_item_guide_canonicalize (guide, &error);
  civic_fuzz_assert (again != NULL);
  once = civic_json_to_string (guide, FALSE);
  twice = civic_json_to_string (again, FALSE);
  civic_fuzz_assert (g_str_equal (once, twice));
  civic_fuzz_assert (civic_item_guide_get_name (json_node_get_object (guide)) != NULL);
  findings = civic_item_limits_check (json_node_get_object (guide));
  for (guint i = 0; i < findings->len; i++)
    civic_fuzz_assert (((CivicItemFinding *) g_ptr_array_index (findings, i))->message != NULL);
  changes = civic_item_guide_diff (json_node_get_object (guide), json_node_get_object (again));
  civic_fuzz_assert (changes->len == 0);
  g_ptr_array_unref (civic_item_guide_diff (NULL, json_node_get_object (guide)));
  return 0;
}
