/* civic-account-private.h — what the account's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-account-record.h"

G_BEGIN_DECLS

/* civic-account-record.c: the record and its wire format; civic-account-kind.c:
 * the commands on it. */

struct _CivicAccountRecord
{
  GObject    parent_instance;

  char      *id;
  gint64     rev;
  char      *username;
  char      *name;
  char      *department_id;
  char      *department_name;
  CivicRole  roles;
  gboolean   disabled;
  char      *disabled_reason;
  gboolean   must_change_password;
  CivicDay   created_on;
  CivicDay   password_set_on;
  char      *password_hash;   /* set by an action, for the service only */
  GPtrArray *delegations;     /* CivicDelegation: who acts for this official, and when */
};

G_END_DECLS
