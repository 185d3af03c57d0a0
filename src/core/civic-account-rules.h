/* civic-account-rules.h — what may be done to an official's account, and by whom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-actor.h"

G_BEGIN_DECLS

/* An account as the rules see it */
typedef struct
{
  const char *id;
  const char *department_id;
  CivicRole   roles;
  gboolean    disabled;
} CivicAccountFacts;

/* The roles a department administrator never grants: the hall's */
#define CIVIC_ROLES_HALL (CIVIC_ROLE_ADMIN | CIVIC_ROLE_DEPARTMENT_ADMIN | CIVIC_ROLE_SUPERVISOR | \
                          CIVIC_ROLE_DISPATCHER | CIVIC_ROLE_SYSTEM)

gboolean civic_account_rules_check (const CivicAccountFacts *before,
                                    const CivicAccountFacts *after,
                                    guint                    n_enabled_admins,
                                    const CivicActor        *by,
                                    GError                 **error);

gboolean civic_account_rules_check_department (CivicRole    roles,
                                               JsonObject  *department,
                                               GError     **error);

gboolean civic_account_username_is_valid   (const char *username);
gboolean civic_account_check_password_hash (const char *hash,
                                            GError    **error);

/* The least a password's hash costs, as libsodium's interactive limits:
 * Argon2id with 64 MiB and two passes */
#define CIVIC_PASSWORD_HASH_MIN_KIB    65536
#define CIVIC_PASSWORD_HASH_MIN_PASSES 2
/* ...and the most: a sign-in checks it, so a costlier one would let
 * whoever set it tie up the service with a few attempts */
#define CIVIC_PASSWORD_HASH_MAX_KIB    262144
#define CIVIC_PASSWORD_HASH_MAX_PASSES 10

G_END_DECLS
