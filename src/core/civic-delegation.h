/* civic-delegation.h — one official acting for another between two days (委托)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-actor.h"
#include "civic-day.h"

G_BEGIN_DECLS

/* A window in which a colleague of the same department acts for an
 * account's holder (the principal) with some of their roles: the first
 * and the last day count. Kept on the principal's account
 * (civic-account-record.h); granted and ended by its administrators
 * (civic-account-kind.c). docs/plans/catalogue.md, decision 12. */
typedef struct
{
  char      *id;               /* the id of the command that granted it */
  char      *delegate_id;
  char      *delegate_name;
  CivicDay   starts_on;
  CivicDay   ends_on;
  CivicRole  roles;            /* a share of the principal's */
  char      *reason;
  char      *granted_by_name;
  CivicDay   ended_on;         /* CIVIC_DAY_INVALID unless ended before its last day */
} CivicDelegation;

/* The longest window, in days from the first to the last */
#define CIVIC_DELEGATION_MAX_DAYS 366
/* The most windows an account keeps that are not over */
#define CIVIC_DELEGATION_MAX_OPEN 20
/* The roles nobody acts in for another: the hall's, and running accounts */
#define CIVIC_ROLES_NOT_DELEGATED (CIVIC_ROLE_ADMIN | CIVIC_ROLE_DEPARTMENT_ADMIN | \
                                   CIVIC_ROLE_SUPERVISOR | CIVIC_ROLE_DISPATCHER | \
                                   CIVIC_ROLE_SYSTEM)

CivicDelegation *civic_delegation_new        (const char            *id,
                                              const char            *delegate_id,
                                              const char            *delegate_name,
                                              CivicDay               starts_on,
                                              CivicDay               ends_on,
                                              CivicRole              roles);
CivicDelegation *civic_delegation_copy       (const CivicDelegation *self);
void             civic_delegation_free       (CivicDelegation       *self);

gboolean         civic_delegation_in_force   (const CivicDelegation *self,
                                              CivicDay               today);
gboolean         civic_delegation_is_over    (const CivicDelegation *self,
                                              CivicDay               today);
/* The last day it was, or is, in force */
CivicDay         civic_delegation_last_day   (const CivicDelegation *self);

void             civic_delegation_to_json    (const CivicDelegation *self,
                                              JsonBuilder           *builder,
                                              gboolean               in_directory);
CivicDelegation *civic_delegation_new_from_json (JsonNode           *node,
                                              GError               **error);

/* The windows of a principal's entry in the users directory: who may act
 * for them, and when (never the reason) */
GPtrArray       *civic_delegations_from_directory (JsonObject       *user);

CivicActor      *civic_actor_new_acting_for  (const CivicActor      *delegate,
                                              const CivicActor      *principal,
                                              CivicRole              roles);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicDelegation, civic_delegation_free)

G_END_DECLS
