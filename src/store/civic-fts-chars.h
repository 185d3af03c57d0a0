/* civic-fts-chars.h — an FTS5 tokenizer of single characters, for short searches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean civic_fts_chars_register (sqlite3 *db);

G_END_DECLS
