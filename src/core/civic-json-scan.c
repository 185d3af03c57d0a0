/* civic-json-scan.c — find values in JSON text without building a tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-json-scan"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-json.h"
#include "civic-json-scan.h"

/* A page of the change feed holds hundreds of entities, each several
 * kilobytes of JSON that the client stores as it came. Parsing all of it
 * into trees only to write it out again would cost more than everything
 * else a sync does; this scanner finds the members the client needs (the
 * entity's type, id, sequence, and a case's small summary) and hands back
 * the rest as spans of the original text. It checks structure as it goes,
 * so a malformed page is an error, not a crash. */

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* Whether any of the eight bytes of @v is a quote, a backslash or a
 * control character: the bytes a string scan must stop at. May say yes
 * when none is (a borrow between bytes), never no when one is. */
static inline gboolean
has_special_byte (guint64 v)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = v ^ (ones * '"');
  guint64 backslash = v ^ (ones * '\\');
  guint64 control = (v - ones * 0x20) & ~v;

  quote = (quote - ones) & ~quote;
  backslash = (backslash - ones) & ~backslash;
  return ((quote | backslash | control) & highs) != 0;
}

static const char *
skip_string (const char *p,
             const char *end)
{
  g_assert (p < end && *p == '"');

  for (p++; p < end; p++)
    {
      /* Eight plain bytes at a time: most of a page is text. */
      while (end - p >= 8)
        {
          guint64 v;

          memcpy (&v, p, sizeof v);
          if (has_special_byte (v))
            break;
          p += 8;
        }
      if (p >= end)
        break;

      if (*p == '\\')
        {
          p++;
          continue;
        }
      if (*p == '"')
        return p + 1;
      if ((guchar) *p < 0x20)
        return NULL;
    }

  return NULL;
}

static const char *
skip_scalar (const char *p,
             const char *end)
{
  const char *start = p;

  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '+' || *p == '.'))
    p++;

  return p > start ? p : NULL;
}

/* A page wraps each entity in three levels (page, list, change); the
 * entity itself may nest as deep as any JSON text either program takes. */
#define MAX_DEPTH (CIVIC_JSON_MAX_DEPTH + 3)

/* An index of a JSON text: a token per value, and per member's name, in
 * the order they come. A container's token says how many tokens lie
 * inside it, so the next value is found by counting, not by reading.
 * The client's sync reads a page of the feed, then each change in it,
 * then a case's members, then its events: four or five times over the
 * same text. Indexed once, the page is read once. */
struct _CivicJsonToken
{
  const char *start;
  guint32     length;   /* of the value's text */
  guint32     size;     /* tokens inside the value, members' names included */
};

struct _CivicJsonIndex
{
  GArray *tokens;
};

static inline const CivicJsonToken *
token_next (const CivicJsonToken *token)
{
  return token + 1 + token->size;
}

static inline CivicJsonSpan
token_span (const CivicJsonToken *token)
{
  return (CivicJsonSpan) { .start = token->start, .length = token->length, .token = token };
}

static guint
add_token (GArray     *tokens,
           const char *start,
           const char *end)
{
  guint at = tokens->len;
  CivicJsonToken *token;

  g_array_set_size (tokens, at + 1);
  token = &g_array_index (tokens, CivicJsonToken, at);
  token->start = start;
  token->length = end - start;
  token->size = 0;
  return at;
}

static const char *skip_value_at (GArray     *tokens,
                                  const char *p,
                                  const char *end,
                                  int         depth);

static const char *
skip_container (GArray     *tokens,
                const char *p,
                const char *end,
                int         depth)
{
  gboolean object = *p == '{';
  char close = object ? '}' : ']';

  p = skip_space (p + 1, end);
  if (p < end && *p == close)
    return p + 1;

  while (p < end)
    {
      if (object)
        {
          const char *name = p;

          if (*p != '"' || !(p = skip_string (p, end)))
            return NULL;
          if (tokens != NULL)
            add_token (tokens, name, p);
          p = skip_space (p, end);
          if (p >= end || *p != ':')
            return NULL;
          p++;
        }

      if (!(p = skip_value_at (tokens, p, end, depth + 1)))
        return NULL;

      if (p < end && *p == close)
        return p + 1;
      if (p >= end || *p != ',')
        return NULL;
      p = skip_space (p + 1, end);
    }

  return NULL;
}

/* Skips one value, nested ones included, and the white space after it;
 * returns what follows, or NULL if the text is not JSON. With @tokens,
 * adds a token for every value and member's name it skips. */
static const char *
skip_value_at (GArray     *tokens,
               const char *p,
               const char *end,
               int         depth)
{
  const char *start;
  guint at = 0;

  p = skip_space (p, end);
  if (p >= end || depth > MAX_DEPTH)
    return NULL;

  start = p;
  if (tokens != NULL)
    at = add_token (tokens, start, start);
  switch (*p)
    {
    case '{':
    case '[':
      p = skip_container (tokens, p, end, depth);
      break;
    case '"':
      p = skip_string (p, end);
      break;
    default:
      p = skip_scalar (p, end);
      break;
    }
  if (p == NULL)
    return NULL;

  if (tokens != NULL)
    {
      CivicJsonToken *token = &g_array_index (tokens, CivicJsonToken, at);

      token->length = p - start;
      token->size = tokens->len - at - 1;
    }
  return skip_space (p, end);
}

static const char *
skip_value (const char *p,
            const char *end)
{
  return skip_value_at (NULL, p, end, 0);
}

static gboolean
malformed (GError **error)
{
  g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX, _("Not valid JSON"));
  return FALSE;
}

/**
 * civic_json_index_new:
 * @text: exactly one JSON value, with only white space around it
 *
 * Reads @text once, checking it as civic_json_span_check() does. The
 * spans found from civic_json_index_get_root() are then read from the
 * index. @text must stay alive while the index is used.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL and @error if
 * @text is not JSON.
 */
CivicJsonIndex *
civic_json_index_new (CivicJsonSpan   text,
                      GError        **error)
{
  g_autoptr(GArray) tokens = NULL;
  CivicJsonIndex *self;
  const char *end, *after;

  /* An empty GBytes has no data at all */
  if (text.start == NULL)
    {
      malformed (error);
      return NULL;
    }
  end = text.start + text.length;
  if (text.length >= G_MAXUINT32)
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_SYNTAX, _("The text is too long"));
      return NULL;
    }

  /* About a token for every twelve bytes of a page of the feed */
  tokens = g_array_sized_new (FALSE, FALSE, sizeof (CivicJsonToken), text.length / 12 + 4);
  after = skip_value_at (tokens, text.start, end, 0);
  if (after == NULL || after != end)
    {
      malformed (error);
      return NULL;
    }

  self = g_new (CivicJsonIndex, 1);
  self->tokens = g_steal_pointer (&tokens);
  return self;
}

CivicJsonSpan
civic_json_index_get_root (CivicJsonIndex *self)
{
  return token_span (&g_array_index (self->tokens, CivicJsonToken, 0));
}

void
civic_json_index_free (CivicJsonIndex *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->tokens);
  g_free (self);
}

/**
 * civic_json_span_check:
 *
 * Returns: whether @span holds exactly one JSON value, with only white
 * space around it.
 */
gboolean
civic_json_span_check (CivicJsonSpan   span,
                       GError        **error)
{
  const char *end, *after;

  /* An indexed value was checked when it was indexed; a span of nothing
   * (a member not found) holds no value */
  if (span.token != NULL)
    return TRUE;
  if (span.start == NULL)
    return malformed (error);
  end = span.start + span.length;

  after = skip_value (span.start, end);
  if (after == NULL || skip_space (after, end) != end)
    return malformed (error);
  return TRUE;
}

/**
 * civic_json_span_elements:
 * @elements: (element-type CivicJsonSpan): receives a span per element
 */
gboolean
civic_json_span_elements (CivicJsonSpan   array,
                          GArray         *elements,
                          GError        **error)
{
  const char *end, *p;

  if (array.start == NULL)
    return malformed (error);
  end = array.start + array.length;
  p = skip_space (array.start, end);
  if (p >= end || *p != '[')
    return malformed (error);

  if (array.token != NULL)
    {
      const CivicJsonToken *last = token_next (array.token);

      for (const CivicJsonToken *child = array.token + 1; child < last; child = token_next (child))
        {
          CivicJsonSpan element = token_span (child);

          g_array_append_val (elements, element);
        }
      return TRUE;
    }

  p = skip_space (p + 1, end);
  if (p < end && *p == ']')
    return TRUE;

  while (p < end)
    {
      CivicJsonSpan element = { NULL, };
      const char *after = skip_value (p, end);

      if (after == NULL)
        return malformed (error);

      element.start = p;
      element.length = after - p;
      while (element.length > 0 && g_ascii_isspace (element.start[element.length - 1]))
        element.length--;
      g_array_append_val (elements, element);

      p = skip_space (after, end);
      if (p < end && *p == ']')
        return TRUE;
      if (p >= end || *p != ',')
        return malformed (error);
      p = skip_space (p + 1, end);
    }

  return malformed (error);
}

/* Whether the quoted member name from @quoted to @after is @name, which
 * is @name_length bytes without a backslash. An escape makes a name's
 * text longer than what it says, so only a longer text is unescaped. */
static gboolean
name_equals (const char *quoted,
             const char *after,
             const char *name,
             gsize       name_length)
{
  gsize length = after - quoted - 2;
  g_autofree char *unescaped = NULL;

  if (length == name_length)
    return memcmp (quoted + 1, name, length) == 0;
  if (length < name_length || memchr (quoted + 1, '\\', length) == NULL)
    return FALSE;

  unescaped = civic_json_span_dup_string ((CivicJsonSpan) { quoted, after - quoted });
  return g_strcmp0 (unescaped, name) == 0;
}

/* Looks for @names among the top-level members of @object, in one pass.
 * With @whole, the pass goes to the end and checks that @object is exactly
 * one object; without, it stops once every name is found. */
static gboolean
find_members (CivicJsonSpan       object,
              const char * const *names,
              CivicJsonSpan      *values,
              gboolean            whole,
              GError            **error)
{
  const char *end, *p;
  guint n_names = g_strv_length ((char **) names);
  guint n_found = 0;
  gsize lengths[64];

  g_assert (n_names <= G_N_ELEMENTS (lengths));
  for (guint i = 0; i < n_names; i++)
    lengths[i] = strlen (names[i]);

  for (guint i = 0; i < n_names; i++)
    values[i] = (CivicJsonSpan) { NULL, };

  /* A span of nothing (a member not found) is no object */
  if (object.start == NULL)
    return malformed (error);
  end = object.start + object.length;
  p = skip_space (object.start, end);
  if (p >= end || *p != '{')
    return malformed (error);

  if (object.token != NULL)
    {
      const CivicJsonToken *last = token_next (object.token);

      /* A name, then its value */
      for (const CivicJsonToken *name = object.token + 1; name < last; name = token_next (name + 1))
        {
          for (guint i = 0; i < n_names; i++)
            if (values[i].start == NULL &&
                name_equals (name->start, name->start + name->length, names[i], lengths[i]))
              {
                values[i] = token_span (name + 1);
                n_found++;
                break;
              }
          if (n_found == n_names)
            break;
        }
      return TRUE;
    }

  p = skip_space (p + 1, end);
  if (p < end && *p == '}')
    return !whole || skip_space (p + 1, end) == end || malformed (error);

  while (p < end)
    {
      const char *name_start = p, *name_end, *value_end;

      if (*p != '"' || !(name_end = skip_string (p, end)))
        return malformed (error);

      p = skip_space (name_end, end);
      if (p >= end || *p != ':')
        return malformed (error);
      p = skip_space (p + 1, end);

      value_end = skip_value (p, end);
      if (value_end == NULL)
        return malformed (error);

      for (guint i = 0; i < n_names; i++)
        if (values[i].start == NULL && name_equals (name_start, name_end, names[i], lengths[i]))
          {
            values[i].start = p;
            values[i].length = value_end - p;
            while (values[i].length > 0 && g_ascii_isspace (values[i].start[values[i].length - 1]))
              values[i].length--;
            n_found++;
            break;
          }
      if (!whole && n_found == n_names)
        return TRUE;

      p = skip_space (value_end, end);
      if (p < end && *p == '}')
        return !whole || skip_space (p + 1, end) == end || malformed (error);
      if (p >= end || *p != ',')
        return malformed (error);
      p = skip_space (p + 1, end);
    }

  return malformed (error);
}

/**
 * civic_json_span_member:
 * @value: (out): the member's value, if there is one
 *
 * Returns: %TRUE and @value if @object has a top-level member @name;
 * %FALSE and no error if it has none; %FALSE and @error if @object is not
 * a JSON object. Stops at the member: the ones a page puts first are found
 * without reading the rest.
 */
gboolean
civic_json_span_member (CivicJsonSpan   object,
                        const char     *name,
                        CivicJsonSpan  *value,
                        GError        **error)
{
  const char *names[] = { name, NULL };

  return find_members (object, names, value, FALSE, error) && value->start != NULL;
}

/**
 * civic_json_span_members:
 * @names: (array zero-terminated=1): the members to find
 * @values: (out caller-allocates) (array): a span per name; one with a
 *   %NULL start for a member @object lacks
 *
 * Finds several top-level members in one pass over @object, which must be
 * exactly one JSON object, with only white space around it. A member
 * given twice counts the first time.
 *
 * Returns: %FALSE and @error if @object is not a JSON object.
 */
gboolean
civic_json_span_members (CivicJsonSpan       object,
                         const char * const *names,
                         CivicJsonSpan      *values,
                         GError            **error)
{
  return find_members (object, names, values, TRUE, error);
}

gboolean
civic_json_span_get_int (CivicJsonSpan  span,
                         gint64        *value)
{
  g_autofree char *text = NULL;
  char *end = NULL;

  if (span.length == 0 || span.length > 20)
    return FALSE;

  text = g_strndup (span.start, span.length);
  *value = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0';
}

gboolean
civic_json_span_get_bool (CivicJsonSpan  span,
                          gboolean      *value)
{
  if (span.length == 4 && memcmp (span.start, "true", 4) == 0)
    *value = TRUE;
  else if (span.length == 5 && memcmp (span.start, "false", 5) == 0)
    *value = FALSE;
  else
    return FALSE;

  return TRUE;
}

gboolean
civic_json_span_is_null (CivicJsonSpan span)
{
  return span.length == 4 && memcmp (span.start, "null", 4) == 0;
}

/**
 * civic_json_span_dup_string:
 *
 * Returns: (transfer full) (nullable): the string @span holds, unescaped,
 * or %NULL if it holds no string.
 */
char *
civic_json_span_dup_string (CivicJsonSpan span)
{
  const char *p = span.start, *end;
  GString *out;

  if (p == NULL || span.length < 2)
    return NULL;
  end = p + span.length;
  if (*p != '"' || end[-1] != '"')
    return NULL;

  out = g_string_sized_new (span.length);
  for (p++, end--; p < end; p++)
    {
      gunichar c;

      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }

      if (++p >= end)
        break;

      switch (*p)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          if (end - p < 5)
            goto bad;
          c = 0;
          for (int i = 1; i <= 4; i++)
            {
              int digit = g_ascii_xdigit_value (p[i]);

              if (digit < 0)
                goto bad;
              c = c * 16 + digit;
            }
          p += 4;

          /* A surrogate pair makes one character. */
          if (c >= 0xd800 && c < 0xdc00 && end - p >= 7 && p[1] == '\\' && p[2] == 'u')
            {
              gunichar low = 0;

              for (int i = 3; i <= 6; i++)
                {
                  int digit = g_ascii_xdigit_value (p[i]);

                  if (digit < 0)
                    goto bad;
                  low = low * 16 + digit;
                }
              if (low >= 0xdc00 && low < 0xe000)
                {
                  c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                  p += 6;
                }
            }
          g_string_append_unichar (out, c);
          break;
        default:
          goto bad;
        }
    }

  return g_string_free (out, FALSE);

bad:
  g_string_free (out, TRUE);
  return NULL;
}
