/* civic-accounts-view.c — the Accounts section: the officials an administrator runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-section.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_ACCOUNTS_VIEW (civic_accounts_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicAccountsView, civic_accounts_view, CIVIC, ACCOUNTS_VIEW, CivicSection)

gboolean     civic_accounts_view_shown_to   (const CivicActor  *actor);
void         civic_accounts_view_open       (CivicAccountsView *self,
                                             const char        *id);
void         civic_accounts_view_start_action (CivicAccountsView *self,
                                             guint              action);
GtkListBox  *civic_accounts_view_get_list   (CivicAccountsView *self);
GtkWidget   *civic_accounts_view_get_page   (CivicAccountsView *self);

G_END_DECLS
