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

CivicFormFile *
civic_form_file_new (const char *name,
                     const char *media_type,
                     GBytes     *content)
{
  CivicFormFile *file = g_new0 (CivicFormFile, 1);

  file->name = g_strdup (name);
  file->media_type = g_strdup (media_type);
  file->content = g_bytes_ref (content);
  return file;
}

void
civic_form_file_free (CivicFormFile *file)
{
  if (file == NULL)
    return;
  g_free (file->name);
  g_free (file->media_type);
  g_clear_pointer (&file->content, g_bytes_unref);
  g_free (file);
}

/**
 * civic_query_decode_multipart:
 * @boundary: the Content-Type's boundary parameter
 * @files: (out) (element-type CivicFormFile): the files it sent, those
 *   chosen (a file input left empty sends a part with no name and no
 *   bytes, which is none)
 *
 * Decodes a multipart/form-data body (RFC 7578): its fields, checked as
 * civic_query_decode_form() checks them, and its files, whose type is
 * what the browser said.
 *
 * Returns: (transfer full) (nullable): the form's names and values
 */
GHashTable *
civic_query_decode_multipart (const char  *boundary,
                              GBytes      *body,
                              GPtrArray  **files,
                              GError     **error)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SoupMultipart) multipart = NULL;
  g_autoptr(GHashTable) form = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                               civic_form_file_free);

  *files = NULL;
  if (boundary == NULL || *boundary == '\0' || body == NULL)
    goto invalid;
  g_hash_table_insert (params, (gpointer) "boundary", (gpointer) boundary);
  soup_message_headers_set_content_type (headers, "multipart/form-data", params);
  /* libsoup reads the body with strstr: it must end in a NUL, which a
   * request's flattened body has but bytes from elsewhere may not */
  {
    gsize length;
    const char *data = g_bytes_get_data (body, &length);
    char *copy = g_malloc (length + 1);
    g_autoptr(GBytes) terminated = NULL;

    if (length > 0)
      memcpy (copy, data, length);
    copy[length] = '\0';
    terminated = g_bytes_new_take (copy, length);
    multipart = soup_multipart_new_from_message (headers, terminated);
  }
  /* A form has its dozen fields and its few files: a body of thousands
   * of parts is not one */
  if (multipart == NULL || soup_multipart_get_length (multipart) > CIVIC_QUERY_MAX_FORM_PARTS)
    goto invalid;

  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *part_headers;
      GBytes *part_body;
      g_autofree char *disposition = NULL;
      g_autoptr(GHashTable) part_params = NULL;
      const char *name, *filename;
      gsize length;
      const char *data;

      if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body) ||
          !soup_message_headers_get_content_disposition (part_headers, &disposition,
                                                         &part_params) ||
          disposition == NULL || g_ascii_strcasecmp (disposition, "form-data") != 0 ||
          (name = g_hash_table_lookup (part_params, "name")) == NULL ||
          !g_utf8_validate (name, -1, NULL) || !is_plain_text (name))
        goto invalid;
      filename = g_hash_table_lookup (part_params, "filename");
      data = g_bytes_get_data (part_body, &length);
      if (data == NULL)
        data = "";
      if (filename != NULL)
        {
          const char *type = soup_message_headers_get_content_type (part_headers, NULL);
          g_autofree char *lower = type != NULL ? g_ascii_strdown (type, -1) : NULL;

          if (*filename == '\0' && length == 0)
            continue;
          g_ptr_array_add (found, civic_form_file_new (filename,
                                                       lower != NULL ? lower
                                                                     : "application/octet-stream",
                                                       part_body));
          continue;
        }
      if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, NULL))
        goto invalid;
      g_hash_table_replace (form, g_strdup (name), g_strndup (data, length));
      if (!is_plain_text (g_hash_table_lookup (form, name)))
        goto invalid;
    }
  *files = g_steal_pointer (&found);
  return g_steal_pointer (&form);

invalid:
  g_set_error (error, CIVIC_QUERY_ERROR, CIVIC_QUERY_ERROR_INVALID,
               _("The form is not well-formed, or holds a control character or text that is "
                 "not UTF-8"));
  return NULL;
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

/* The words of a search, split at spaces and tabs and at the ideographic
 * space (U+3000) a Chinese keyboard types — as a whole character: split
 * byte by byte, its bytes would cut every character that shares one (一
 * is E4 B8 80) */
static GStrv
split_words (const char *q)
{
  g_autoptr(GString) text = g_string_new (q);

  g_string_replace (text, "\u3000", " ", 0);
  return g_strsplit_set (text->str, " \t", -1);
}

/* The search as FTS5 sees it: each word a quoted phrase, all required,
 * so that nothing the public types is FTS5 syntax */
static char *
fts_expression (const char *q)
{
  g_auto(GStrv) words = split_words (q);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, " AND ");
      g_string_append_c (out, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The length of the shortest word, in characters: trigrams need three,
 * shorter words are found with LIKE; G_MAXUINT for none */
static guint
shortest_word (const char *q)
{
  g_auto(GStrv) words = split_words (q);
  guint shortest = G_MAXUINT;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      shortest = MIN (shortest, (guint) g_utf8_strlen (words[i], -1));
  return shortest;
}

/**
 * civic_query_like_pattern:
 *
 * Returns: (transfer full): @q as a LIKE pattern that finds it anywhere,
 * its %, _ and \ escaped with \
 */
char *
civic_query_like_pattern (const char *q)
{
  g_autoptr(GString) out = g_string_new ("%");

  for (const char *p = q; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_query_lookup:
 *
 * Returns: (nullable): the value of @name in a query string, %NULL when
 * it is absent or empty
 */
const char *
civic_query_lookup (GHashTable *query,
                    const char *name)
{
  const char *value = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

/**
 * civic_query_append_text_search:
 * @q: (nullable): what the public typed
 *
 * Appends to @sql, a WHERE clause, " AND" what finds @q's words, every
 * one of them, anywhere in the text, without regard to ASCII case, and
 * its values to @values. Words of three characters or more are found
 * through the trigram index: SQLite's fts5 table or PostgreSQL's pg_trgm
 * index, which finds the same rows. A search with a shorter word has no
 * trigram to look up and is found with LIKE, the whole of @q at once.
 */
void
civic_query_append_text_search (GString               *sql,
                                GPtrArray             *values,
                                const char            *q,
                                const CivicTextSearch *search)
{
  guint shortest = q != NULL ? shortest_word (q) : G_MAXUINT;
  const char *like = search->trigram_index ? "ILIKE" : "LIKE";

  if (shortest == G_MAXUINT)
    return;

  if (shortest >= 3 && !search->trigram_index)
    {
      g_string_append_printf (sql, " AND %s", search->fts);
      g_ptr_array_add (values, fts_expression (q));
    }
  else if (shortest >= 3)
    {
      g_auto(GStrv) words = split_words (q);

      for (guint i = 0; words[i] != NULL; i++)
        {
          if (*words[i] == '\0')
            continue;
          g_string_append_printf (sql, " AND %s ILIKE ? ESCAPE '\\'", search->text);
          g_ptr_array_add (values, civic_query_like_pattern (words[i]));
        }
    }
  else
    {
      g_string_append (sql, " AND (");
      for (guint i = 0; search->like[i] != NULL; i++)
        {
          g_string_append_printf (sql, "%s%s %s ? ESCAPE '\\'", i > 0 ? " OR " : "",
                                  search->like[i], like);
          g_ptr_array_add (values, civic_query_like_pattern (q));
        }
      g_string_append_c (sql, ')');
    }
}
