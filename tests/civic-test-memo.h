/* civic-test-memo.h — a kind of record that is not a case, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-entity.h"

G_BEGIN_DECLS

/* A memo: a title, a text and whether it is closed. Officials edit its
 * text ("memo-edit", which asks for "text" and perhaps a "reason") and
 * close it ("memo-close", which asks for nothing). It exists to show that
 * a new job of the hall plugs into every layer through its kind alone,
 * without a line of the case's code — as hearings, disclosures and
 * citizens' messages do. */

#define CIVIC_TEST_TYPE_MEMO (civic_test_memo_get_type ())
G_DECLARE_FINAL_TYPE (CivicTestMemo, civic_test_memo, CIVIC_TEST, MEMO, GObject)

typedef enum
{
  CIVIC_TEST_MEMO_EDIT,
  CIVIC_TEST_MEMO_CLOSE,
} CivicTestMemoAction;

extern const CivicEntityKind civic_test_memo_kind;

const char *civic_test_memo_get_title  (CivicTestMemo *self);
const char *civic_test_memo_get_text   (CivicTestMemo *self);
gboolean    civic_test_memo_get_closed (CivicTestMemo *self);
char       *civic_test_memo_feed_data  (const char    *id,
                                        gint64         rev,
                                        const char    *title,
                                        const char    *text);

G_END_DECLS
