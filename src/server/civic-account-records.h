/* civic-account-records.c — officials' accounts as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-records.h"

G_BEGIN_DECLS

extern const CivicRecordStore civic_account_store;

G_END_DECLS
