/* civic-test-account.h — an account's sign-in and sync, waited for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-account.h"
#include "civic-sync-engine.h"

#include "../civic-test-async.h"

G_BEGIN_DECLS

static inline gboolean
civic_test_account_sign_in (CivicAccount  *account,
                            const char    *password,
                            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  civic_account_sign_in_async (account, password, NULL, civic_test_got_result, &result);
  return civic_account_sign_in_finish (account, civic_test_await (&result), error);
}

static inline gboolean
civic_test_account_sync (CivicAccount  *account,
                         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  CivicSyncEngine *engine = civic_account_get_engine (account);

  civic_sync_engine_sync_async (engine, NULL, civic_test_got_result, &result);
  return civic_sync_engine_sync_finish (engine, civic_test_await (&result), error);
}

G_END_DECLS
