/* civic-privacy-numbers.c — numbers and e-mail addresses, by their shape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-privacy-lint"

#include "config.h"

#include <string.h>

#include "civic-id-numbers.h"
#include "civic-privacy-mask.h"
#include "civic-privacy-private.h"

/* A number is always one whole chunk, or whole chunks joined by single
 * separators in a customary grouping (6-8-4 for an ID, 3-4-4 for a
 * mobile, fours for a card), so nothing is ever found inside a longer run
 * of digits or letters, and dates, amounts and document numbers, which
 * have none of those shapes, pass untouched. */

/* Chunk k and k+1 stand one space or one hyphen apart */
static gboolean
chunks_adjoin (Scan  *scan,
               guint  k)
{
  const Chunk *a, *b;

  if (k + 1 >= scan->chunks->len)
    return FALSE;

  a = scan_chunk (scan, k);
  b = scan_chunk (scan, k + 1);
  return b->start == a->end + 1 && is_separator (scan->ascii[a->end]);
}

/* Chunks k… with exactly these lengths, one separator apart, copied into
 * @out without the separators. */
static gboolean
match_groups (Scan         *scan,
              guint         k,
              const guint8 *lengths,
              guint         n_groups,
              char         *out)
{
  guint n = 0;

  if (k + n_groups > scan->chunks->len)
    return FALSE;

  for (guint j = 0; j < n_groups; j++)
    {
      const Chunk *chunk = scan_chunk (scan, k + j);

      if (chunk_length (chunk) != lengths[j] || chunk->joined ||
          (j + 1 < n_groups && !chunks_adjoin (scan, k + j)))
        return FALSE;
      memcpy (out + n, chunk_text (scan, chunk), lengths[j]);
      n += lengths[j];
    }
  out[n] = '\0';
  return TRUE;
}

static char *
digits_between (Scan  *scan,
                guint  start,
                guint  end)
{
  GString *digits = g_string_sized_new (end - start);

  for (guint i = start; i < end; i++)
    if (g_ascii_isdigit (scan->ascii[i]))
      g_string_append_c (digits, scan->ascii[i]);
  return g_string_free (digits, FALSE);
}

/* An allowed switchboard stays allowed with any extension behind it */
static gboolean
is_allowed (Scan  *scan,
            guint  sig_start,
            guint  sig_end,
            guint  end)
{
  g_autofree char *national = NULL;
  g_autofree char *with_extension = NULL;

  if (g_hash_table_size (scan->lint->allowed_keys) == 0)
    return FALSE;

  national = digits_between (scan, sig_start, sig_end);
  with_extension = digits_between (scan, sig_start, end);
  return g_hash_table_contains (scan->lint->allowed_keys, national) ||
         g_hash_table_contains (scan->lint->allowed_keys, with_extension);
}

static void
add_number (Scan                 *scan,
            CivicPrivacyKind      kind,
            CivicPrivacySeverity  severity,
            gboolean              probable,
            guint                 start,
            guint                 end,
            guint                 sig_start,
            guint                 sig_end,
            guint                 keep_head,
            guint                 keep_tail)
{
  /* Only phone numbers and accounts can be an office's own published
   * contact or fee account (OGI Art. 20(2)); an ID number never is. */
  if ((kind == CIVIC_PRIVACY_KIND_MOBILE || kind == CIVIC_PRIVACY_KIND_FIXED_LINE ||
       kind == CIVIC_PRIVACY_KIND_BANK_CARD) &&
      is_allowed (scan, sig_start, sig_end, end))
    return;

  civic_scan_add_finding (scan, kind, severity, probable, start, end,
               civic_scan_mask_number (scan, start, end, sig_start, sig_end, keep_head, keep_tail));
}

static void
add_resident_id (Scan       *scan,
                 const char *s,
                 guint       start,
                 guint       end)
{
  gboolean valid = civic_id_is_resident_id_valid (s);

  add_number (scan, CIVIC_PRIVACY_KIND_RESIDENT_ID,
              valid ? CIVIC_PRIVACY_SEVERITY_BLOCK : CIVIC_PRIVACY_SEVERITY_WARN, !valid,
              start, end, start, end, 6, 4);
}

static void
add_legacy_id (Scan  *scan,
               guint  start,
               guint  end)
{
  add_number (scan, CIVIC_PRIVACY_KIND_LEGACY_ID, CIVIC_PRIVACY_SEVERITY_WARN, FALSE,
              start, end, start, end, 6, 3);
}

/* A code of category 92, 个体工商户, belongs to a business run by one
 * natural person, so unlike other codes it is personal information. */
static void
add_credit_code (Scan       *scan,
                 const char *s,
                 gboolean    valid,
                 guint       start,
                 guint       end)
{
  gboolean individual = s[0] == '9' && s[1] == '2';

  add_number (scan, CIVIC_PRIVACY_KIND_CREDIT_CODE,
              individual ? CIVIC_PRIVACY_SEVERITY_WARN : CIVIC_PRIVACY_SEVERITY_INFO, !valid,
              start, end, start, end, 8, 0);
}

/* Matchers ---------------------------------------------------------------- */

/* Each matcher looks at chunk k and returns how many chunks it used, 0 if
 * the text there is not its kind of number. */

/* "+86 138 0013 8000", "+86-13800138000", "(+86)13800138000",
 * "+8613800138000", "0086 13800138000" */
static guint
match_mobile_with_country_code (Scan  *scan,
                                guint  k)
{
  const Chunk *chunk = scan_chunk (scan, k);
  const char *s = chunk_text (scan, chunk);
  guint length = chunk_length (chunk);
  guint start = chunk->start;
  guint code_length;
  guint used;
  guint sig_start, end;
  gboolean bracket = FALSE;
  char body[16];

  if (chunk->joined || !chunk_is_digits (chunk))
    return 0;

  if (g_str_has_prefix (s, "0086"))
    code_length = 4;
  else if (s[0] == '8' && s[1] == '6')
    code_length = 2;
  else
    return 0;

  if (length == code_length)
    {
      const Chunk *next;
      guint gap;

      if (k + 1 >= scan->chunks->len)
        return 0;
      next = scan_chunk (scan, k + 1);
      gap = next->start - chunk->end;

      if (scan->ascii[chunk->end] == ')' && gap <= 2)
        bracket = gap == 1 || is_separator (scan->ascii[chunk->end + 1]);
      else if (gap != 1 || !is_separator (scan->ascii[chunk->end]))
        return 0;

      if (chunk_length (next) == 11 && civic_id_is_mobile (chunk_text (scan, next)) && !next->joined)
        {
          used = 2;
          end = next->end;
        }
      else if (match_groups (scan, k + 1, (const guint8[]) { 3, 4, 4 }, 3, body) &&
               civic_id_is_mobile (body))
        {
          used = 4;
          end = scan_chunk (scan, k + 3)->end;
        }
      else
        return 0;
      sig_start = next->start;
    }
  else if (length == code_length + 11 && civic_id_is_mobile (s + code_length))
    {
      used = 1;
      end = chunk->end;
      sig_start = chunk->start + code_length;
    }
  else
    return 0;

  if (start > 0 && scan->ascii[start - 1] == '+')
    start--;
  if (bracket)
    {
      if (start == 0 || scan->ascii[start - 1] != '(')
        return 0;
      start--;
    }

  add_number (scan, CIVIC_PRIVACY_KIND_MOBILE, CIVIC_PRIVACY_SEVERITY_BLOCK, FALSE,
              start, end, sig_start, end, 3, 4);
  return used;
}

/* An ID number broken across a line, as a narrow table column or a
 * copied PDF leaves it: "43010319⏎9003071230". Two runs with only a line
 * break between them are one number only when the 18 characters have a
 * right check character, so two unrelated numbers on consecutive lines
 * never make an ID; a table row's "|" is not a line break, so a join never
 * crosses from one row to the next. */
static guint
match_line_joined_id (Scan  *scan,
                      guint  k)
{
  const Chunk *a, *b;
  guint n_breaks = 0;
  char s[20];

  if (k + 1 >= scan->chunks->len)
    return 0;
  a = scan_chunk (scan, k);
  b = scan_chunk (scan, k + 1);
  if (a->joined || b->joined || !chunk_is_digits (a) ||
      chunk_length (a) + chunk_length (b) != 18)
    return 0;

  for (guint i = a->end; i < b->start; i++)
    {
      char c = scan->ascii[i];

      if (c == '\n')
        n_breaks++;
      else if (c != ' ' && c != '\t' && c != '\r')
        return 0;
    }
  if (n_breaks != 1)
    return 0;

  memcpy (s, chunk_text (scan, a), chunk_length (a));
  memcpy (s + chunk_length (a), chunk_text (scan, b), chunk_length (b));
  s[18] = '\0';
  if (!civic_id_is_resident_id_valid (s))
    return 0;

  add_resident_id (scan, s, a->start, b->end);
  return 2;
}

/* "430103 19900307 1234", "430103-19900307-123X"; and 15 digits as 6-6-3 */
static guint
match_grouped_id (Scan  *scan,
                  guint  k)
{
  char s[20];

  if (match_groups (scan, k, (const guint8[]) { 6, 8, 4 }, 3, s) && civic_id_is_resident_id_shaped (s))
    {
      add_resident_id (scan, s, scan_chunk (scan, k)->start, scan_chunk (scan, k + 2)->end);
      return 3;
    }

  if (match_groups (scan, k, (const guint8[]) { 6, 6, 3 }, 3, s) && civic_id_is_legacy_id (s))
    {
      add_legacy_id (scan, scan_chunk (scan, k)->start, scan_chunk (scan, k + 2)->end);
      return 3;
    }

  return 0;
}

/* "138 0013 8000", "138-0013-8000" */
static guint
match_grouped_mobile (Scan  *scan,
                      guint  k)
{
  char s[16];
  guint start, end;

  if (!match_groups (scan, k, (const guint8[]) { 3, 4, 4 }, 3, s) || !civic_id_is_mobile (s))
    return 0;

  start = scan_chunk (scan, k)->start;
  end = scan_chunk (scan, k + 2)->end;
  add_number (scan, CIVIC_PRIVACY_KIND_MOBILE, CIVIC_PRIVACY_SEVERITY_BLOCK, FALSE,
              start, end, start, end, 3, 4);
  return 3;
}

/* "6222 0212 3456 7890" and "6228 4800 1234 5678 910": four groups of four
 * and an optional short fifth, 16–19 digits. A run of fours that fails
 * the Luhn check is still consumed whole, so that its inner groups are not
 * read as a phone number. */
static guint
match_grouped_card (Scan  *scan,
                    guint  k)
{
  char s[24];
  guint n_groups = 4;
  guint n_digits = 16;
  guint start, end;

  if (!match_groups (scan, k, (const guint8[]) { 4, 4, 4, 4 }, 4, s) ||
      !civic_id_is_ascii_digits (s, 16))
    return 0;

  if (chunks_adjoin (scan, k + 3))
    {
      const Chunk *last = scan_chunk (scan, k + 4);
      guint length = chunk_length (last);

      if (chunk_is_digits (last) && !last->joined)
        {
          if (length >= 4)
            return 5;  /* 20 digits or more: an account or serial, not a card */

          memcpy (s + 16, chunk_text (scan, last), length);
          n_digits += length;
          n_groups++;
        }
    }

  if (s[0] == '0' || !civic_id_is_luhn_valid (s, n_digits))
    return n_groups;

  start = scan_chunk (scan, k)->start;
  end = scan_chunk (scan, k + n_groups - 1)->end;
  add_number (scan, CIVIC_PRIVACY_KIND_BANK_CARD, CIVIC_PRIVACY_SEVERITY_BLOCK, FALSE,
              start, end, start, end, 4, 4);
  return n_groups;
}

/* After a local number: "-801", "转801", "转 801", "分机801" */
static gboolean
is_extension_gap (Scan  *scan,
                  guint  from,
                  guint  to)
{
  gboolean marker = FALSE;
  guint i = from;

  if (to == from + 1 && scan->chars[from] == '-')
    return TRUE;

  while (i < to && scan->chars[i] == ' ')
    i++;
  if (i < to && scan->chars[i] == IDEOGRAPH_ZHUAN)
    {
      marker = TRUE;
      i++;
    }
  if (i + 1 < to && scan->chars[i] == IDEOGRAPH_FEN && scan->chars[i + 1] == IDEOGRAPH_JI)
    {
      marker = TRUE;
      i += 2;
    }
  while (i < to && scan->chars[i] == ' ')
    i++;

  return marker && i == to;
}

/* "0731-88881234", "(0731) 8888 1234", "010-8888-1234", "073188881234",
 * each with an optional extension. */
static guint
match_fixed_line (Scan  *scan,
                  guint  k)
{
  const Chunk *area = scan_chunk (scan, k);
  const char *s = chunk_text (scan, area);
  guint length = chunk_length (area);
  guint start = area->start;
  guint local_end;
  guint area_length;
  guint used;
  char local[16];

  if (area->joined || !chunk_is_digits (area) || s[0] != '0')
    return 0;

  area_length = civic_id_area_code_length (s, length);
  if (area_length == 0)
    return 0;

  if (length == area_length)
    {
      const Chunk *next;
      guint gap;

      if (k + 1 >= scan->chunks->len)
        return 0;
      next = scan_chunk (scan, k + 1);
      gap = next->start - area->end;

      if (start > 0 && scan->ascii[start - 1] == '(' && scan->ascii[area->end] == ')')
        {
          if (!(gap == 1 || (gap == 2 && is_separator (scan->ascii[area->end + 1]))))
            return 0;
          start--;
        }
      else if (gap != 1 || !is_separator (scan->ascii[area->end]))
        return 0;

      if (!next->joined && civic_id_is_local_number (chunk_text (scan, next), chunk_length (next)))
        {
          used = 2;
          local_end = next->end;
        }
      else if ((match_groups (scan, k + 1, (const guint8[]) { 4, 4 }, 2, local) ||
                match_groups (scan, k + 1, (const guint8[]) { 3, 4 }, 2, local)) &&
               civic_id_is_local_number (local, strlen (local)))
        {
          used = 3;
          local_end = scan_chunk (scan, k + 2)->end;
        }
      else
        return 0;
    }
  else if ((length == 11 || length == 12) &&
           civic_id_is_local_number (s + area_length, length - area_length))
    {
      used = 1;
      local_end = area->end;
    }
  else
    return 0;

  if (k + used < scan->chunks->len)
    {
      const Chunk *extension = scan_chunk (scan, k + used);
      guint n = chunk_length (extension);

      if (n <= 6 && chunk_is_digits (extension) && !extension->joined &&
          extension->start - local_end <= 6 &&
          is_extension_gap (scan, local_end, extension->start))
        {
          add_number (scan, CIVIC_PRIVACY_KIND_FIXED_LINE, CIVIC_PRIVACY_SEVERITY_WARN, FALSE,
                      start, extension->end, area->start, local_end, area_length, 4);
          return used + 1;
        }
    }

  add_number (scan, CIVIC_PRIVACY_KIND_FIXED_LINE, CIVIC_PRIVACY_SEVERITY_WARN, FALSE,
              start, local_end, area->start, local_end, area_length, 4);
  return used;
}

/* 18 characters can be an ID number, a credit code or a card. The most
 * specific valid reading wins; then an ID with a wrong check digit (a
 * typo of a real number is still personal data), then a card, then a
 * credit code with a wrong check character. A credit code never counts as
 * an ID, since it only takes the ID reading after failing its own check
 * and passing the ID's shape, date and all. */
static void
classify_18 (Scan       *scan,
             const char *s,
             guint       start,
             guint       end)
{
  gboolean id_shaped = civic_id_is_resident_id_shaped (s);
  gboolean credit_code_shaped = civic_id_is_credit_code_shaped (s);

  if (id_shaped && civic_id_is_resident_id_valid (s))
    add_resident_id (scan, s, start, end);
  else if (credit_code_shaped && civic_privacy_credit_code_check_char (s) == s[17])
    add_credit_code (scan, s, TRUE, start, end);
  else if (id_shaped)
    add_resident_id (scan, s, start, end);
  else if (s[0] != '0' && civic_id_is_ascii_digits (s, 18) && civic_id_is_luhn_valid (s, 18))
    add_number (scan, CIVIC_PRIVACY_KIND_BANK_CARD, CIVIC_PRIVACY_SEVERITY_BLOCK, FALSE,
                start, end, start, end, 4, 4);
  else if (credit_code_shaped)
    add_credit_code (scan, s, FALSE, start, end);
}

/* The shape of a passport (E or G and eight digits, or E, a letter and
 * seven: "E12345678", "EA1234567"; D, S and P for the diplomatic,
 * service and official ones) or of a travel permit to Hong Kong and Macao
 * (C) or from them (H). Alone it is only a shape; after a certificate's
 * name it blocks (civic-privacy-context.c). */
static gboolean
is_travel_document_shaped (const char *s,
                           guint       length)
{
  if (length != 9 || strchr ("EGDSPCH", s[0]) == NULL)
    return FALSE;
  if (civic_id_is_ascii_digits (s + 1, 8))
    return TRUE;
  return s[0] == 'E' && g_ascii_isupper (s[1]) && s[1] != 'I' && s[1] != 'O' &&
         civic_id_is_ascii_digits (s + 2, 7);
}

/* The last resort, which always uses its chunk */
static guint
match_single (Scan  *scan,
              guint  k)
{
  const Chunk *chunk = scan_chunk (scan, k);
  const char *s = chunk_text (scan, chunk);
  guint length = chunk_length (chunk);

  if (chunk->joined)
    return 1;

  if (length == 18)
    classify_18 (scan, s, chunk->start, chunk->end);
  else if (length == 15 && civic_id_is_legacy_id (s))
    add_legacy_id (scan, chunk->start, chunk->end);
  else if (length == 11 && civic_id_is_mobile (s))
    add_number (scan, CIVIC_PRIVACY_KIND_MOBILE, CIVIC_PRIVACY_SEVERITY_BLOCK, FALSE,
                chunk->start, chunk->end, chunk->start, chunk->end, 3, 4);
  else if (length >= 16 && length <= 19 && s[0] != '0' && civic_id_is_ascii_digits (s, length) &&
           civic_id_is_luhn_valid (s, length))
    add_number (scan, CIVIC_PRIVACY_KIND_BANK_CARD, CIVIC_PRIVACY_SEVERITY_BLOCK, FALSE,
                chunk->start, chunk->end, chunk->start, chunk->end, 4, 4);
  else if (is_travel_document_shaped (s, length))
    add_number (scan, CIVIC_PRIVACY_KIND_CERTIFICATE, CIVIC_PRIVACY_SEVERITY_WARN, FALSE,
                chunk->start, chunk->end, chunk->start, chunk->end, 1, 2);

  return 1;
}

void
civic_scan_numbers (Scan *scan)
{
  guint used;

  for (guint k = 0; k < scan->chunks->len; k += used)
    {
      /* the groupings first, so that "138 0013 8000" is not three chunks */
      used = match_mobile_with_country_code (scan, k);
      if (used == 0)
        used = match_line_joined_id (scan, k);
      if (used == 0)
        used = match_grouped_id (scan, k);
      if (used == 0)
        used = match_grouped_mobile (scan, k);
      if (used == 0)
        used = match_grouped_card (scan, k);
      if (used == 0)
        used = match_fixed_line (scan, k);
      if (used == 0)
        used = match_single (scan, k);
    }
}

/* Free mailboxes that people, not organs, hold */
static const char * const webmail_domains[] = {
  "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "188.com", "sina.com",
  "sina.cn", "sohu.com", "139.com", "189.cn", "wo.cn", "aliyun.com", "21cn.com", "tom.com",
  "gmail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "yahoo.com",
  "icloud.com", "me.com", NULL
};

static gboolean
domain_is_or_under (const char *domain,
                    const char *suffix)
{
  gsize n = strlen (domain), m = strlen (suffix);

  return n == m ? g_str_equal (domain, suffix)
                : n > m && domain[n - m - 1] == '.' && g_str_equal (domain + n - m, suffix);
}

/* A webmail address, or one whose name is a QQ number, is a person's:
 * BLOCK. An address under gov.cn is an organ's published mailbox (OGI
 * Art. 20(2)): INFO. Any other may be either: WARN, made graver by the
 * words around it (civic-privacy-context.c). */
static CivicPrivacySeverity
classify_email (Scan  *scan,
                guint  local_start,
                guint  at,
                guint  domain_end)
{
  g_autofree char *domain = g_ascii_strdown (scan->ascii + at + 1, domain_end - at - 1);
  guint n_local = at - local_start;

  if (n_local >= 5 && n_local <= 11 && scan->ascii[local_start] != '0' &&
      civic_id_is_ascii_digits (scan->ascii + local_start, n_local))
    return CIVIC_PRIVACY_SEVERITY_BLOCK;
  for (guint i = 0; webmail_domains[i] != NULL; i++)
    if (domain_is_or_under (domain, webmail_domains[i]))
      return CIVIC_PRIVACY_SEVERITY_BLOCK;
  if (domain_is_or_under (domain, "gov.cn"))
    return CIVIC_PRIVACY_SEVERITY_INFO;
  return CIVIC_PRIVACY_SEVERITY_WARN;
}

static gboolean
is_email_local_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static gboolean
is_email_domain_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-';
}

void
civic_scan_emails (Scan *scan)
{
  for (guint at = 0; at < scan->n_chars; at++)
    {
      guint local_start = at;
      guint domain_end = at + 1;
      guint last_dot = 0;
      guint tld_letters = 0;
      guint keep;
      GString *redaction;

      if (scan->ascii[at] != '@')
        continue;

      while (local_start > 0 && is_email_local_char (scan->ascii[local_start - 1]))
        local_start--;
      while (local_start < at && scan->ascii[local_start] == '.')
        local_start++;
      if (local_start == at)
        continue;

      while (domain_end < scan->n_chars && is_email_domain_char (scan->ascii[domain_end]))
        domain_end++;
      /* the full stop that ends a sentence is not part of the address */
      while (domain_end > at + 1 && (scan->ascii[domain_end - 1] == '.' ||
                                     scan->ascii[domain_end - 1] == '-'))
        domain_end--;

      for (guint i = at + 1; i < domain_end; i++)
        if (scan->ascii[i] == '.')
          last_dot = i;
      if (last_dot == 0 || last_dot == at + 1)
        continue;
      for (guint i = last_dot + 1; i < domain_end; i++)
        if (g_ascii_isalpha (scan->ascii[i]))
          tld_letters++;
      if (tld_letters < 2 || tld_letters != domain_end - last_dot - 1)
        continue;

      /* an office's published mailbox (OGI Art. 20(2)) */
      if (g_hash_table_size (scan->lint->allowed_keys) > 0)
        {
          g_autofree char *address = g_ascii_strdown (scan->ascii + local_start,
                                                      domain_end - local_start);

          if (g_hash_table_contains (scan->lint->allowed_keys, address))
            {
              at = domain_end - 1;
              continue;
            }
        }

      redaction = g_string_new (NULL);
      if (scan->lint->redaction == CIVIC_PRIVACY_REDACTION_PARTIAL)
        {
          keep = MIN (2, at - local_start - 1);
          for (guint i = local_start; i < local_start + keep; i++)
            civic_scan_append_char_at (redaction, scan, i);
          g_string_append (redaction, "***");
          g_string_append_len (redaction, scan->text + scan->bytes[at],
                               scan->ends[domain_end - 1] - scan->bytes[at]);
        }
      else
        g_string_append (redaction, "***");

      civic_scan_add_finding (scan, CIVIC_PRIVACY_KIND_EMAIL,
                              classify_email (scan, local_start, at, domain_end), FALSE,
                              local_start, domain_end, g_string_free (redaction, FALSE));
      at = domain_end - 1;
    }
}
