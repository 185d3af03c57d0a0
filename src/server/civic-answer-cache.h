/* civic-answer-cache.h — the public side's answers, kept while nothing published changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CivicAnswerCache CivicAnswerCache;

CivicAnswerCache *civic_answer_cache_new    (guint             capacity);
void              civic_answer_cache_free   (CivicAnswerCache *self);
GBytes           *civic_answer_cache_lookup (CivicAnswerCache *self,
                                             const char       *key,
                                             const char      **content_type);
void              civic_answer_cache_store  (CivicAnswerCache *self,
                                             const char       *key,
                                             GBytes           *body,
                                             const char       *content_type);

G_END_DECLS
