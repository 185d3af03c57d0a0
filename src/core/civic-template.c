/* civic-template.c — a document's text with the record's words put in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A formal document (文书) is written once per kind as text with
 * placeholders, {{applicant.name}}, and filled from a record when it is
 * issued. Filling is all or nothing: a placeholder the kind does not know
 * (a typing error in an imported template) or one the record has no
 * value for (a refusal without its reasons) is an error that names it,
 * and no half-filled text comes out to be numbered and served.
 *
 * A name is lower-case ASCII letters, digits, "_" and ".", starting with
 * a letter: {{ and }} around anything else is malformed, not text. A
 * name followed by "?", {{correction.note?}}, is one the record may leave
 * empty (a note the official did not write): it is filled with nothing,
 * and a block of a document left with nothing in it is left out.
 */

#define G_LOG_DOMAIN "civic-template"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"
#include "civic-template.h"

G_DEFINE_QUARK (civic-template-error-quark, civic_template_error)

static gboolean
is_name (const char *start,
         gsize       length)
{
  if (length == 0 || !g_ascii_islower (start[0]))
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (!g_ascii_islower (start[i]) && !g_ascii_isdigit (start[i]) && start[i] != '_' &&
        start[i] != '.')
      return FALSE;
  return TRUE;
}

/* Calls @found for each placeholder of @text in order, with the text
 * before it; returns the text after the last, or %NULL and @error. */
typedef gboolean (*PlaceholderFunc) (const char  *before,
                                     gsize        before_length,
                                     const char  *name,
                                     gpointer     user_data,
                                     GError     **error);

static const char *
scan (const char       *text,
      PlaceholderFunc   found,
      gpointer          user_data,
      GError          **error)
{
  const char *p = text;
  const char *open;

  while ((open = strstr (p, "{{")) != NULL)
    {
      const char *close = strstr (open + 2, "}}");
      g_autofree char *name = NULL;

      gsize length = close ? (gsize) (close - open - 2) : 0;
      gboolean optional = length > 1 && open[2 + length - 1] == '?';

      if (close == NULL || !is_name (open + 2, optional ? length - 1 : length))
        {
          g_autofree char *near = g_utf8_make_valid (open, MIN (strlen (open), 24));

          g_set_error (error, CIVIC_TEMPLATE_ERROR, CIVIC_TEMPLATE_ERROR_MALFORMED,
                       /* Translators: %s is the start of the faulty placeholder */
                       _("The template has a placeholder that is not closed or not a name: “%s”"),
                       near);
          return NULL;
        }
      name = g_strndup (open + 2, length);
      if (!found (p, open - p, name, user_data, error))
        return NULL;
      p = close + 2;
    }
  return p;
}

static gboolean
collect_name (const char  *before,
              gsize        before_length,
              const char  *name,
              gpointer     user_data,
              GError     **error)
{
  GPtrArray *names = user_data;
  g_autofree char *bare = g_strdup (name);

  if (g_str_has_suffix (bare, "?"))
    bare[strlen (bare) - 1] = '\0';
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), bare))
      return TRUE;
  g_ptr_array_add (names, g_steal_pointer (&bare));
  return TRUE;
}

/**
 * civic_template_list_placeholders:
 *
 * Returns: (transfer full): the names of @text's placeholders, each once,
 *   in the order they first appear; %NULL if @text is malformed
 */
char **
civic_template_list_placeholders (const char  *text,
                                  GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (text != NULL, NULL);

  if (scan (text, collect_name, names, error) == NULL)
    return NULL;
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

typedef struct
{
  const char * const *known;
  GHashTable         *values;
  GString            *out;
} Fill;

static gboolean
put_value (const char  *before,
           gsize        before_length,
           const char  *name,
           gpointer     user_data,
           GError     **error)
{
  Fill *fill = user_data;
  g_autofree char *bare = g_strdup (name);
  gboolean optional = g_str_has_suffix (bare, "?");
  const char *value;

  if (optional)
    bare[strlen (bare) - 1] = '\0';
  if (!g_strv_contains (fill->known, bare))
    {
      g_set_error (error, CIVIC_TEMPLATE_ERROR, CIVIC_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
                   _("The template asks for “%s”, which this kind of document does not have"),
                   bare);
      return FALSE;
    }
  value = g_hash_table_lookup (fill->values, bare);
  if (optional)
    value = value != NULL ? value : "";
  else if (value == NULL || *value == '\0')
    {
      g_set_error (error, CIVIC_TEMPLATE_ERROR, CIVIC_TEMPLATE_ERROR_MISSING_VALUE,
                   _("The record has nothing for “%s”, which the document needs"), bare);
      return FALSE;
    }
  g_string_append_len (fill->out, before, before_length);
  g_string_append (fill->out, value);
  return TRUE;
}

/**
 * civic_template_fill:
 * @known: the placeholders the document kind has
 * @values: (element-type utf8 utf8): name → the record's words
 *
 * Returns: (transfer full) (nullable): @text with every placeholder
 *   replaced, or %NULL and why in @error (%CIVIC_TEMPLATE_ERROR), naming
 *   the placeholder
 */
char *
civic_template_fill (const char         *text,
                     const char * const *known,
                     GHashTable         *values,
                     GError            **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Fill fill = { known, values, out };
  const char *rest;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (known != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  rest = scan (text, put_value, &fill, error);
  if (rest == NULL)
    return NULL;
  g_string_append (out, rest);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
