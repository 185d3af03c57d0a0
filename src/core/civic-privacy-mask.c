/* civic-privacy-mask.c — masks of a known name, ID number, phone, address or e-mail address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-privacy-mask"

#include "config.h"

#include <string.h>

#include "civic-privacy-mask.h"

/* Keeps the first @keep_head and the last @keep_tail letters and digits of
 * a value, masking the others: the shape the lint gives a number it finds
 * in text (civic-privacy-lint.c). */
static char *
mask_value (const char *value,
            guint       keep_head,
            guint       keep_tail)
{
  GString *masked;
  guint n = 0, k = 0;

  if (value == NULL)
    return NULL;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      n++;

  masked = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        g_string_append_unichar (masked, c);
      else if (k++ < keep_head || k + keep_tail > n)
        g_string_append_unichar (masked, c);
      else
        g_string_append_c (masked, '*');
    }

  return g_string_free (masked, FALSE);
}

/**
 * civic_privacy_mask_name:
 *
 * Returns: (transfer full) (nullable): the first character and two stars,
 * "张**", whatever the length of the name, so the mask does not give the
 * length away; a compound surname (欧阳) keeps its first character only.
 */
char *
civic_privacy_mask_name (const char *name)
{
  const char *p = name;

  if (name == NULL)
    return NULL;

  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_strdup ("");
  if (*g_utf8_next_char (p) == '\0')
    return g_strdup ("*");

  return g_strdup_printf ("%.*s**", (int) (g_utf8_next_char (p) - p), p);
}

/**
 * civic_privacy_mask_id_number:
 *
 * Returns: (transfer full) (nullable): the area code and the last four
 * characters, the birth date hidden: "430103********123X".
 */
char *
civic_privacy_mask_id_number (const char *id_number)
{
  return mask_value (id_number, 6, 4);
}

/**
 * civic_privacy_mask_phone:
 *
 * Returns: (transfer full) (nullable): "138****5678", "073****1234".
 */
char *
civic_privacy_mask_phone (const char *phone)
{
  return mask_value (phone, 3, 4);
}

/**
 * civic_privacy_mask_address:
 *
 * Returns: (transfer full) (nullable): the first six characters (province,
 * city, district) and a fixed mask, so the length gives nothing away.
 */
char *
civic_privacy_mask_address (const char *address)
{
  g_autofree char *head = NULL;

  if (address == NULL)
    return NULL;
  if (g_utf8_strlen (address, -1) <= 6)
    return g_strdup ("****");

  head = g_utf8_substring (address, 0, 6);
  return g_strconcat (head, "****", NULL);
}

/**
 * civic_privacy_mask_email:
 *
 * Returns: (transfer full) (nullable): the first character of the mailbox
 * and a fixed mask, with the domain, which names a provider rather than a
 * person: "z***@163.com". A QQ mailbox's local part is the owner's QQ
 * number, so none of it is kept beyond the first character.
 */
char *
civic_privacy_mask_email (const char *email)
{
  const char *at;

  if (email == NULL)
    return NULL;
  while (*email != '\0' && g_unichar_isspace (g_utf8_get_char (email)))
    email = g_utf8_next_char (email);
  if (*email == '\0')
    return g_strdup ("");

  at = strrchr (email, '@');
  if (at == NULL || at == email)
    return g_strdup_printf ("%.*s***", (int) (g_utf8_next_char (email) - email), email);
  return g_strdup_printf ("%.*s***%s", (int) (g_utf8_next_char (email) - email), email, at);
}
