/* civic-query.c — reading a request's query string
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-query"

#include "config.h"

#include <string.h>

#include <inttypes.h>

#include "civic-i18n.h"

#include <libsoup/soup.h>

#include "civic-query.h"

/* libsoup decodes the query into a table before a handler runs, and
 * decodes "after=%00" to an empty value and "%ff" to a byte that is not
 * text; a number past 2^63 would saturate in strtoll. Each would be read
 * as something it is not, so the raw query is checked first and numbers
 * are parsed whole, in range, or refused. */

G_DEFINE_QUARK (civic-query-error-quark, civic_query_error)

/**
 * civic_query_check:
 * @raw_query: (nullable): the query as it came, still escaped
 *
 * Returns: %FALSE when a name or value decodes to a NUL or to text that
 * is not UTF-8, or is not validly escaped.
 */
gboolean
civic_query_check (const char  *raw_query,
                   GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (raw_query == NULL)
    return TRUE;

  parts = g_strsplit_set (raw_query, "&=", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *plus = g_strdelimit (g_strdup (parts[i]), "+", ' ');
      /* NULL also for an escaped NUL */
      g_autofree char *decoded = g_uri_unescape_string (plus, NULL);

      if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
        {
          g_set_error (error, CIVIC_QUERY_ERROR, CIVIC_QUERY_ERROR_INVALID,
                       _("The query holds a NUL character or text that is not UTF-8"));
          return FALSE;
        }
    }

  return TRUE;
}

/* Text a form may carry: no control character but a tab and the ends of
 * lines, which a textarea sends */
static gboolean
is_plain_text (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
      return FALSE;
  return TRUE;
}

/**
 * civic_query_decode_form:
 * @body: an application/x-www-form-urlencoded body
 *
 * Decodes a form, each name and value checked: UTF-8, no NUL and no
 * control character but tabs and line ends.
 *
 * Returns: (transfer full) (nullable): the form's names and values
 */
GHashTable *
civic_query_decode_form (const char  *body,
                         gsize        length,
                         GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) form = NULL;
  GHashTableIter iter;
  gpointer name, value;

  if (body == NULL || memchr (body, '\0', length) != NULL)
    {
      g_set_error (error, CIVIC_QUERY_ERROR, CIVIC_QUERY_ERROR_INVALID,
                   _("The form holds a NUL character or text that is not UTF-8"));
      return NULL;
    }
  text = g_strndup (body, length);
  if (!civic_query_check (text, error))
    return NULL;
  form = soup_form_decode (text);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &name, &value))
    if (!g_utf8_validate (name, -1, NULL) || !g_utf8_validate (value, -1, NULL) ||
        !is_plain_text (name) || !is_plain_text (value))
      {
        g_set_error (error, CIVIC_QUERY_ERROR, CIVIC_QUERY_ERROR_INVALID,
                     _("The form holds a control character or text that is not UTF-8"));
        return NULL;
      }
  return g_steal_pointer (&form);
}

/**
 * civic_query_get_int:
 * @query: (nullable): the decoded query
 *
 * Reads a whole number from @min to @max; an absent @name reads as
 * @fallback, an empty one is refused.
 */
gboolean
civic_query_get_int (GHashTable  *query,
                     const char  *name,
                     gint64       fallback,
                     gint64       min,
                     gint64       max,
                     gint64      *out,
                     GError     **error)
{
  const char *text = query ? g_hash_table_lookup (query, name) : NULL;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }

  /* Digits, after a minus sign at most: not "+5", " 5" or "0x10". */
  if (!g_ascii_isdigit (text[text[0] == '-' ? 1 : 0]) ||
      !g_ascii_string_to_signed (text, 10, min, max, out, NULL))
    {
      g_set_error (error, CIVIC_QUERY_ERROR, CIVIC_QUERY_ERROR_INVALID,
                   _("“%s” must be a whole number from %" PRId64 " to %" PRId64),
                   name, min, max);
      return FALSE;
    }

  return TRUE;
}
