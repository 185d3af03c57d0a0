/* civic-fts-chars.c — an FTS5 tokenizer of single characters, for short searches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sqlite"

#include "config.h"

#include <sqlite3.h>

#include "civic-fts-chars.h"

/* The inbox finds three characters and more with FTS5's trigrams. One
 * or two — a surname, 食品, an "03" of a case number — have no trigram,
 * and LIKE over every case grows with the cache. This tokenizer makes
 * every character a token, a dash, a masking star or a space as well as
 * a letter, so that tokens side by side are characters side by side: a
 * search of one or two characters is a phrase of one or two tokens,
 * found from their lists of cases, and "ab" matches "xaby" and not
 * "a-b", exactly as LIKE '%ab%' would. ASCII letters are folded to lower
 * case, as LIKE folds them. */

typedef struct
{
  int unused;
} CharsTokenizer;

static int
chars_create (void            *context,
              const char     **args,
              int              n_args,
              Fts5Tokenizer  **out)
{
  *out = (Fts5Tokenizer *) g_new0 (CharsTokenizer, 1);
  return SQLITE_OK;
}

static void
chars_delete (Fts5Tokenizer *tokenizer)
{
  g_free (tokenizer);
}

/* Bytes in the UTF-8 sequence @lead begins; a stray byte is one */
static int
sequence_length (guchar lead)
{
  if (lead >= 0xf0 && lead < 0xf8)
    return 4;
  if (lead >= 0xe0)
    return lead < 0xf0 ? 3 : 1;
  if (lead >= 0xc0)
    return 2;
  return 1;
}

static int
chars_tokenize (Fts5Tokenizer *tokenizer,
                void          *context,
                int            flags,
                const char    *text,
                int            length,
                int          (*token) (void       *context,
                                       int         token_flags,
                                       const char *token,
                                       int         n_token,
                                       int         start,
                                       int         end))
{
  int i = 0;

  while (i < length)
    {
      guchar c = text[i];
      int n = c < 0x80 ? 1 : MIN (sequence_length (c), length - i);
      char folded = g_ascii_tolower (c);
      int rc;

      rc = c < 0x80 ? token (context, 0, &folded, 1, i, i + 1)
                    : token (context, 0, text + i, n, i, i + n);

      if (rc != SQLITE_OK)
        return rc;
      i += n;
    }

  return SQLITE_OK;
}

/**
 * civic_fts_chars_register:
 *
 * Makes the tokenizer "civic_chars" known to FTS5 on @db. Every
 * connection that reads or writes a table made with it must have it.
 */
gboolean
civic_fts_chars_register (sqlite3 *db)
{
  static fts5_tokenizer chars = { chars_create, chars_delete, chars_tokenize };
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api != NULL && api->iVersion >= 2 &&
         api->xCreateTokenizer (api, "civic_chars", NULL, &chars, NULL) == SQLITE_OK;
}
