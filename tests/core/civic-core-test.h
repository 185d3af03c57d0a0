/* civic-core-test.h — what the tests of the rules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests read and compare days as the law writes them: "2026-10-08".
 */

#pragma once

#include "civic-core.h"

G_BEGIN_DECLS

/* The day @text names; the test fails if it names none. */
static inline CivicDay
day (const char *text)
{
  CivicDay result = CIVIC_DAY_INVALID;

  g_assert_true (civic_day_parse (text, &result));
  return result;
}

/* @actual is the day @expected names, or "none" when it is no day. */
static inline void
assert_day_eq (CivicDay    actual,
               const char *expected)
{
  g_autofree char *text = actual != CIVIC_DAY_INVALID ? civic_day_format (actual)
                                                      : g_strdup ("none");

  g_assert_cmpstr (text, ==, expected);
}

G_END_DECLS
