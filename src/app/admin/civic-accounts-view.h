/* civic-accounts-view.h — the Accounts section: the officials an administrator runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-admin-view.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_ACCOUNTS_VIEW (civic_accounts_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicAccountsView, civic_accounts_view, CIVIC, ACCOUNTS_VIEW, CivicAdminView)

gboolean civic_accounts_view_shown_to (const CivicActor *actor);

G_END_DECLS
