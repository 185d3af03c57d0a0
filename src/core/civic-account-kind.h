/* civic-account-kind.h — an official's account as a kind of record administrators act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-account-record.h"
#include "civic-entity.h"

G_BEGIN_DECLS

/* What the hall's administrators, and each department's, do with an
 * account (docs/plans/catalogue.md, decision 10) */
typedef enum
{
  CIVIC_ACCOUNT_ACTION_ADD,             /*< nick=add-account >*/
  CIVIC_ACCOUNT_ACTION_EDIT,            /*< nick=edit-account >*/
  CIVIC_ACCOUNT_ACTION_DISABLE,         /*< nick=disable-account >*/
  CIVIC_ACCOUNT_ACTION_ENABLE,          /*< nick=enable-account >*/
  CIVIC_ACCOUNT_ACTION_RESET_PASSWORD,  /*< nick=reset-password >*/
  CIVIC_ACCOUNT_ACTION_ADD_DELEGATION,  /*< nick=add-delegation >*/
  CIVIC_ACCOUNT_ACTION_END_DELEGATION,  /*< nick=end-delegation >*/
} CivicAccountAction;

#define CIVIC_N_ACCOUNT_ACTIONS (CIVIC_ACCOUNT_ACTION_END_DELEGATION + 1)

extern const CivicEntityKind civic_account_kind;

const char          *civic_account_action_get_label     (CivicAccountAction action);
const CivicArgument *civic_account_action_get_arguments (CivicAccountAction action);

G_END_DECLS
