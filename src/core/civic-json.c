/* civic-json.c — strict readers and writers for the wire format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-json"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include "civic-i18n.h"

#include "civic-json.h"
#include "civic-time.h"

/* Every reader names the member it rejects and says what it expected, so a
 * 400 answer tells the author of a client exactly what to fix. Readers
 * treat a missing member and an explicit null alike. */

G_DEFINE_QUARK (civic-json-error-quark, civic_json_error)

/* The four hex digits of a "\\u" escape, at @at */
static gboolean
read_unit (const char *data,
           gsize       length,
           gsize       at,
           gunichar   *unit)
{
  *unit = 0;
  if (at + 4 > length)
    return FALSE;
  for (gsize k = at; k < at + 4; k++)
    {
      int digit = g_ascii_xdigit_value (data[k]);

      if (digit < 0)
        return FALSE;
      *unit = *unit * 16 + digit;
    }
  return TRUE;
}

/**
 * civic_json_check_bounds:
 *
 * Checks, in one pass and without recursion, what json-glib does not: its
 * parser recurses once per level, so ~75 000 nested brackets (150 KB)
 * overflow a thread's stack and kill the process; and it keeps "\u0000"
 * inside a string, which every C reader of that string then cuts short
 * ("demo\u0000garbage" would read as the password "demo"). Every text
 * handed to json-glib passes here first.
 *
 * Returns: %FALSE with %CIVIC_JSON_ERROR_LIMIT when @data is larger than
 * %CIVIC_JSON_MAX_SIZE, nests deeper than %CIVIC_JSON_MAX_DEPTH or holds
 * a NUL character, escaped or not; with %CIVIC_JSON_ERROR_SYNTAX when it
 * is not strict JSON where json-glib would take it anyway (comments,
 * single quotes, octal escapes, unpaired surrogates, raw control
 * characters in strings).
 */
gboolean
civic_json_check_bounds (const char  *data,
                         gsize        length,
                         GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length > CIVIC_JSON_MAX_SIZE)
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_LIMIT,
                   _("The JSON text is larger than %d MiB"), CIVIC_JSON_MAX_SIZE >> 20);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\0')
        goto nul;

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if ((guchar) c < 0x20)
            goto bad_string;
          else if (c == '\\')
            {
              gunichar unit;

              /* JSON's escapes only: json-glib also decodes octal ones
               * ("\377" is a byte that is not text, "\0" a NUL) and a
               * surrogate without its pair, which then reach C strings
               * that are not UTF-8. */
              if (++i >= length)
                goto bad_string;
              if (strchr ("\"\\/bfnrt", data[i]) != NULL && data[i] != '\0')
                continue;
              if (data[i] != 'u' || !read_unit (data, length, i + 1, &unit))
                goto bad_string;
              i += 4;
              if (unit == 0)
                goto nul;
              if (unit >= 0xdc00 && unit <= 0xdfff)
                goto bad_string;
              if (unit >= 0xd800 && unit <= 0xdbff)
                {
                  gunichar low;

                  if (i + 2 >= length || data[i + 1] != '\\' || data[i + 2] != 'u' ||
                      !read_unit (data, length, i + 3, &low) || low < 0xdc00 || low > 0xdfff)
                    goto bad_string;
                  i += 6;
                }
            }
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > CIVIC_JSON_MAX_DEPTH)
            {
              g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_LIMIT,
                           _("The JSON text nests deeper than %d levels"),
                           CIVIC_JSON_MAX_DEPTH);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          /* Unbalanced brackets are the parser's to report. */
          if (depth > 0)
            depth--;
          break;
        default:
          /* Outside strings, strict JSON only. json-glib's scanner also
           * takes /…/ comments and 'single-quoted' strings; a '"' inside
           * one of those would make this scan think a string begins where
           * json-glib sees none, and count nothing after it. */
          if (strchr (" \t\r\n:,-+.0123456789eEtrufalsn", c) == NULL)
            {
              g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX,
                           _("Not valid JSON: unexpected text at byte %zu"), i + 1);
              return FALSE;
            }
          break;
        }
    }

  return TRUE;

nul:
  g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_LIMIT,
               _("Text may not contain the NUL character"));
  return FALSE;

bad_string:
  g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX,
               _("Not valid JSON: a string with a bad escape or a control character"));
  return FALSE;
}

JsonNode *
civic_json_parse (const char  *data,
                  gssize       length,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!civic_json_check_bounds (data, length, error))
    return NULL;

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX,
                   _("The text is not valid UTF-8"));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX,
                   _("Not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX, _("The JSON text is empty"));
      return NULL;
    }

  return json_node_ref (root);
}

JsonObject *
civic_json_parse_object (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(JsonNode) root = civic_json_parse (data, length, error);

  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE,
                   _("Expected a JSON object"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

char *
civic_json_to_string (JsonNode *node,
                      gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  return json_generator_to_data (generator, NULL);
}

static JsonNode *
lookup (JsonObject  *object,
        const char  *member,
        gboolean     required,
        GError     **error)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_MISSING,
                     _("“%s” is missing"), member);
      return NULL;
    }

  return node;
}

static gboolean
type_error (GError     **error,
            const char  *member,
            const char  *expected)
{
  g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE,
               /* Translators: "“days” must be a whole number" */
               _("“%s” must be %s"), member, expected);
  return FALSE;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/**
 * civic_json_get_string:
 * @out: (out) (transfer none): the string, or %NULL if absent
 *
 * Returns: %FALSE with @error set when the member is required and missing,
 * or is not a string.
 */
gboolean
civic_json_get_string (JsonObject   *object,
                       const char   *member,
                       gboolean      required,
                       const char  **out,
                       GError      **error)
{
  JsonNode *node;

  *out = NULL;
  if (!(node = lookup (object, member, required, error)))
    return !required;

  if (!is_string (node))
    return type_error (error, member, _("a string"));

  *out = json_node_get_string (node);
  return TRUE;
}

/**
 * civic_json_get_text:
 *
 * Like civic_json_get_string(), but a required member must also hold more
 * than white space: what an official must write (a reason, a legal basis)
 * cannot be blank.
 */
gboolean
civic_json_get_text (JsonObject   *object,
                     const char   *member,
                     gboolean      required,
                     const char  **out,
                     GError      **error)
{
  const char *text;

  if (!civic_json_get_string (object, member, required, &text, error))
    return FALSE;

  if (text != NULL)
    {
      const char *p = text;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (*p == '\0')
        {
          if (required)
            {
              g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                           _("“%s” must not be empty"), member);
              *out = NULL;
              return FALSE;
            }
          text = NULL;
        }
    }

  *out = text;
  return TRUE;
}

gboolean
civic_json_get_int (JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    gint64       min,
                    gint64       max,
                    gint64      *out,
                    GError     **error)
{
  JsonNode *node;
  gint64 value;

  if (!(node = lookup (object, member, required, error)))
    return !required;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return type_error (error, member, _("a whole number"));

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                   _("“%s” must lie between %" PRId64 " and %" PRId64),
                   member, min, max);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
civic_json_get_bool (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     gboolean    *out,
                     GError     **error)
{
  JsonNode *node;

  if (!(node = lookup (object, member, required, error)))
    return !required;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return type_error (error, member, _("true or false"));

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
civic_json_get_day (JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    CivicDay    *out,
                    GError     **error)
{
  JsonNode *node;

  *out = CIVIC_DAY_INVALID;
  if (!(node = lookup (object, member, required, error)))
    return !required;

  if (!is_string (node) || !civic_day_parse (json_node_get_string (node), out))
    return type_error (error, member, _("a date written YYYY-MM-DD"));

  return TRUE;
}

gboolean
civic_json_get_instant (JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        GDateTime  **out,
                        GError     **error)
{
  JsonNode *node;
  const char *text;

  *out = NULL;
  if (!(node = lookup (object, member, required, error)))
    return !required;

  if (!is_string (node))
    return type_error (error, member, _("an RFC 3339 time"));

  text = json_node_get_string (node);
  if (civic_day_parse (text, NULL) || !(*out = civic_time_parse (text)))
    return type_error (error, member, _("an RFC 3339 time"));

  return TRUE;
}

gboolean
civic_json_get_enum (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     GType        enum_type,
                     int         *out,
                     GError     **error)
{
  JsonNode *node;
  const char *nick;

  if (!(node = lookup (object, member, required, error)))
    return !required;

  if (!is_string (node))
    return type_error (error, member, _("a string"));

  nick = json_node_get_string (node);
  if (!civic_enum_from_nick (enum_type, nick, out))
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                   _("“%s” is not a valid value for “%s”"), nick, member);
      return FALSE;
    }

  return TRUE;
}

gboolean
civic_json_get_strv (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     GStrv       *out,
                     GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *node;
  JsonArray *array;

  *out = NULL;
  if (!(node = lookup (object, member, required, error)))
    return !required;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return type_error (error, member, _("a list of strings"));

  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!is_string (element))
        return type_error (error, member, _("a list of strings"));
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
civic_json_get_object (JsonObject   *object,
                       const char   *member,
                       gboolean      required,
                       JsonObject  **out,
                       GError      **error)
{
  JsonNode *node;

  *out = NULL;
  if (!(node = lookup (object, member, required, error)))
    return !required;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return type_error (error, member, _("an object"));

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
civic_json_get_array (JsonObject  *object,
                      const char  *member,
                      gboolean     required,
                      JsonArray  **out,
                      GError     **error)
{
  JsonNode *node;

  *out = NULL;
  if (!(node = lookup (object, member, required, error)))
    return !required;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return type_error (error, member, _("a list"));

  *out = json_node_get_array (node);
  return TRUE;
}

const char *
civic_enum_to_nick (GType enum_type,
                    int   value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_type_class_unref (klass);
  g_return_val_if_fail (enum_value != NULL, "");

  return enum_value->value_nick;
}

gboolean
civic_enum_from_nick (GType       enum_type,
                      const char *nick,
                      int        *value)
{
  GEnumClass *klass;
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  g_type_class_unref (klass);

  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;
  return TRUE;
}

void
civic_json_set_day (JsonBuilder *builder,
                    const char  *member,
                    CivicDay     day)
{
  g_autofree char *text = NULL;

  json_builder_set_member_name (builder, member);
  if (day == CIVIC_DAY_INVALID)
    {
      json_builder_add_null_value (builder);
      return;
    }

  text = civic_day_format (day);
  json_builder_add_string_value (builder, text);
}

void
civic_json_set_instant (JsonBuilder *builder,
                        const char  *member,
                        GDateTime   *instant)
{
  g_autofree char *text = NULL;

  json_builder_set_member_name (builder, member);
  if (instant == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  text = civic_time_format (instant);
  json_builder_add_string_value (builder, text);
}

void
civic_json_set_string (JsonBuilder *builder,
                       const char  *member,
                       const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

void
civic_json_set_enum (JsonBuilder *builder,
                     const char  *member,
                     GType        enum_type,
                     int          value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, civic_enum_to_nick (enum_type, value));
}

void
civic_json_set_strv (JsonBuilder        *builder,
                     const char         *member,
                     const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

void
civic_json_set_int (JsonBuilder *builder,
                    const char  *member,
                    gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
civic_json_set_bool (JsonBuilder *builder,
                     const char  *member,
                     gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* Lenient readers, for what another program sent (a service's answer):
 * the member when it is there and of the type asked, else the fallback —
 * never a critical over a member of another type. */

const char *
civic_json_lookup_string (JsonObject *object,
                          const char *member,
                          const char *fallback)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && is_string (node) ? json_node_get_string (node) : fallback;
}

gint64
civic_json_lookup_int (JsonObject *object,
                       const char *member,
                       gint64      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : fallback;
}

JsonObject *
civic_json_lookup_object (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonObject *
civic_json_array_lookup_object (JsonArray *array,
                                guint      index)
{
  JsonNode *node = array && index < json_array_get_length (array)
                   ? json_array_get_element (array, index) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * civic_json_deep_copy:
 *
 * Returns: (transfer full): a copy of @node that shares nothing with it:
 * json_node_copy() shares the objects and arrays inside, so a change to
 * the copy's members would change the original's
 */
JsonNode *
civic_json_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &member, &value))
          json_object_set_member (object, member, civic_json_deep_copy (value));
        copy = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return copy;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_array_new ();
        JsonArray *given = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (given); i++)
          json_array_add_element (array, civic_json_deep_copy (json_array_get_element (given, i)));
        copy = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return copy;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}
