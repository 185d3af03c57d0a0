/* fuzz-session.c — a body of POST /api/v1/session, up to the password check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-accounts.h"
#include "civic-core.h"
#include "civic-fuzz.h"

/* Anyone may send a sign-in. The service reads it as handle_sign_in()
 * (civic-server.c) does, then civic_accounts_sign_in() folds the user
 * name into the key its throttling counts failures under; what follows
 * is a database lookup and an Argon2id verification, 0.1 s each, which
 * is no work for a fuzzer. The password rules of `civicdesk-server user
 * add` see the same password. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *account_key = NULL;
  const char *username, *password;
  JsonObject *object;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  body = civic_json_parse ((const char *) data, size, &error);
  if (body == NULL)
    return 0;

  if (!JSON_NODE_HOLDS_OBJECT (body) ||
      !civic_json_get_string (object = json_node_get_object (body), "username", TRUE, &username,
                              &error) ||
      !civic_json_get_string (object, "password", TRUE, &password, &error))
    return 0;

  civic_fuzz_assert (username != NULL && password != NULL);
  civic_fuzz_assert (g_utf8_validate (username, -1, NULL));
  folded = g_utf8_casefold (username, -1);
  account_key = g_strconcat ("account:", folded, NULL);

  civic_accounts_check_password (password, NULL);
  return 0;
}
