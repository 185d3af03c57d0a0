/* civic-account-record.h — an official's account, as administrators run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-actor.h"
#include "civic-day.h"
#include "civic-delegation.h"

G_BEGIN_DECLS

/* The account of one official: who they are, where they work, what they
 * may do, whether they may sign in and whether they must choose a
 * password first. Administrators see it through the feed; every other
 * official sees only its entry in the users directory. A password never
 * travels but as the hash the administrator's client made
 * (docs/plans/catalogue.md, decisions 10 and 11). */

#define CIVIC_TYPE_ACCOUNT_RECORD (civic_account_record_get_type ())
G_DECLARE_FINAL_TYPE (CivicAccountRecord, civic_account_record, CIVIC, ACCOUNT_RECORD, GObject)

CivicAccountRecord *civic_account_record_new            (const char         *id);
CivicAccountRecord *civic_account_record_copy           (CivicAccountRecord *self);
CivicAccountRecord *civic_account_record_new_from_json  (JsonNode           *node,
                                                         GError            **error);
JsonNode   *civic_account_record_to_json                (CivicAccountRecord *self);

const char *civic_account_record_get_id                 (CivicAccountRecord *self);
gint64      civic_account_record_get_rev                (CivicAccountRecord *self);
void        civic_account_record_set_rev                (CivicAccountRecord *self,
                                                         gint64              rev);
const char *civic_account_record_get_username           (CivicAccountRecord *self);
const char *civic_account_record_get_name               (CivicAccountRecord *self);
const char *civic_account_record_get_department_id      (CivicAccountRecord *self);
const char *civic_account_record_get_department_name    (CivicAccountRecord *self);
CivicRole   civic_account_record_get_roles              (CivicAccountRecord *self);
gboolean    civic_account_record_get_disabled           (CivicAccountRecord *self);
const char *civic_account_record_get_disabled_reason    (CivicAccountRecord *self);
gboolean    civic_account_record_get_must_change_password (CivicAccountRecord *self);
CivicDay    civic_account_record_get_created_on         (CivicAccountRecord *self);
CivicDay    civic_account_record_get_password_set_on    (CivicAccountRecord *self);
/* (element-type CivicDelegation): the windows, oldest first */
GPtrArray  *civic_account_record_get_delegations        (CivicAccountRecord *self);
const CivicDelegation *civic_account_record_find_delegation (CivicAccountRecord *self,
                                                         const char         *id);
void        civic_account_record_take_delegation        (CivicAccountRecord *self,
                                                         CivicDelegation    *delegation);
/* The hash an action just set, for the service to store: never in JSON */
const char *civic_account_record_get_password_hash      (CivicAccountRecord *self);

/* What the service fills in from its own tables */
void        civic_account_record_set_fields             (CivicAccountRecord *self,
                                                         const char         *username,
                                                         const char         *name,
                                                         const char         *department_id,
                                                         const char         *department_name,
                                                         CivicRole           roles,
                                                         gboolean            disabled,
                                                         gboolean            must_change_password,
                                                         CivicDay            created_on,
                                                         CivicDay            password_set_on);
void        civic_account_record_set_disabled_reason    (CivicAccountRecord *self,
                                                         const char         *reason);

G_END_DECLS
