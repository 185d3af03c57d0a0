/* fuzz-directory-user.c — an entry of the users directory, as the feed sends it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-core.h"
#include "civic-fuzz.h"

/* Every official a command names (an assignee, a verifier) is looked up
 * in the users directory: the client reads the directory's entries from
 * the feed it keeps (civic-cache.c, civic_cache_lookup_official()), the
 * assign dialog lists them, and both make an actor of each entry with
 * civic_actor_new_from_directory(). A delegate's client reads the
 * windows in which it acts for the entry's official (`delegates`,
 * civic_delegations_from_directory()) and makes the actor the rules see
 * while it does (civic_actor_new_acting_for()). */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicActor) actor = NULL;
  g_autofree char *roles = NULL;
  gboolean disabled = FALSE;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  node = civic_json_parse ((const char *) data, size, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return 0;

  actor = civic_actor_new_from_directory (json_node_get_object (node), &disabled);
  if (actor == NULL)
    return 0;

  civic_fuzz_assert (actor->id != NULL);
  roles = civic_roles_to_string (actor->roles);
  civic_fuzz_assert (roles != NULL);
  civic_actor_has_role (actor, CIVIC_ROLES_CASEWORK);

  {
    g_autoptr(GPtrArray) windows = civic_delegations_from_directory (json_node_get_object (node));

    civic_fuzz_assert (windows->len <= CIVIC_DELEGATION_MAX_OPEN);
    for (guint i = 0; i < windows->len; i++)
      {
        CivicDelegation *window = g_ptr_array_index (windows, i);
        g_autoptr(CivicActor) acting = civic_actor_new_acting_for (actor, actor, window->roles);

        civic_fuzz_assert (window->id != NULL && window->delegate_id != NULL);
        civic_fuzz_assert (window->starts_on <= window->ends_on);
        civic_fuzz_assert (civic_delegation_last_day (window) <= window->ends_on);
        civic_fuzz_assert ((acting->roles & ~actor->roles) == 0);
        civic_fuzz_assert ((acting->roles & CIVIC_ROLES_NOT_DELEGATED) == 0);
        civic_fuzz_assert (g_strcmp0 (acting->id, actor->id) == 0);
      }
  }
  return 0;
}
