/* civic-id-numbers.c — ID numbers, credit codes, cards, phones and their checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-id-numbers"

#include "config.h"

#include <string.h>

#include "civic-id-numbers.h"

/* What makes a string of characters a resident ID number (GB 11643), a
 * unified social credit code (GB 32100), a bank card (Luhn), a mobile or a
 * fixed-line number: the privacy lint (civic-privacy-lint.c) finds them in
 * text with these, and the demo makes valid ones. */

gboolean
civic_id_is_ascii_digits (const char *s,
                          guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static guint
parse_digits (const char *s,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (guint) (s[i] - '0');
  return value;
}

/**
 * civic_privacy_resident_id_check_char:
 * @s: at least the first 17 digits of a resident ID number
 *
 * Returns: the check character GB 11643-1999 gives them (ISO 7064
 * MOD 11-2), '0'–'9' or 'X'.
 */
char
civic_privacy_resident_id_check_char (const char *s)
{
  static const guint8 weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check_chars[] = "10X98765432";
  guint sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (guint) (s[i] - '0') * weights[i];
  return check_chars[sum % 11];
}

static gboolean
is_birth_date (guint year,
               guint month,
               guint day)
{
  return month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* 6-digit area, YYYYMMDD of a real day in 1800–2099, 3-digit sequence and
 * a check character; the check itself is looked at separately. Area codes
 * never begin with 0. */
gboolean
civic_id_is_resident_id_shaped (const char *s)
{
  guint year;

  if (s[0] == '0' || !civic_id_is_ascii_digits (s, 17) ||
      !(g_ascii_isdigit (s[17]) || s[17] == 'X' || s[17] == 'x'))
    return FALSE;

  year = parse_digits (s + 6, 4);
  return year >= 1800 && year <= 2099 &&
         is_birth_date (year, parse_digits (s + 10, 2), parse_digits (s + 12, 2));
}

gboolean
civic_id_is_resident_id_valid (const char *s)
{
  return g_ascii_toupper (s[17]) == civic_privacy_resident_id_check_char (s);
}

/* GB 11643-1989 numbers have no century and no check digit; everyone who
 * held one was born in the 1900s. */
gboolean
civic_id_is_legacy_id (const char *s)
{
  return s[0] != '0' && civic_id_is_ascii_digits (s, 15) &&
         is_birth_date (1900 + parse_digits (s + 6, 2), parse_digits (s + 8, 2),
                        parse_digits (s + 10, 2));
}

static const char credit_code_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int
credit_code_value (char c)
{
  const char *p;

  if (c == '\0' || !(p = strchr (credit_code_chars, c)))
    return -1;
  return (int) (p - credit_code_chars);
}

/**
 * civic_privacy_credit_code_check_char:
 * @s: at least the first 17 characters of a unified social credit code,
 *   from its 31-character set
 *
 * Returns: the check character of GB 32100-2015:
 * C18 = 31 − (Σ Ci·3^(i−1) mod 31), 31 written "0".
 */
char
civic_privacy_credit_code_check_char (const char *s)
{
  static const guint8 weights[17] = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  guint sum = 0;
  guint check;

  for (guint i = 0; i < 17; i++)
    sum += (guint) credit_code_value (s[i]) * weights[i];
  check = 31 - sum % 31;
  return check == 31 ? '0' : credit_code_chars[check];
}

/* Registration authority and the organisation categories it may issue
 * (GB 32100-2015 Table 1). The reference confirms the rows 1, 5, 9 and Y;
 * the others follow the table as it is usually reproduced. Checking the
 * pair keeps random 18-digit numbers from passing as codes. */
static gboolean
is_credit_code_category (char authority,
                         char category)
{
  static const struct
  {
    char        authority;
    const char *categories;
  } table[] = {
    { '1', "1239" },    /* 机构编制: 机关, 事业单位, 群众团体, 其他 */
    { '2', "19" },      /* 外交 */
    { '3', "123459" },  /* 司法行政 */
    { '4', "19" },      /* 文化 */
    { '5', "1239" },    /* 民政: 社会团体, 民办非企业单位, 基金会, 其他 */
    { '6', "129" },     /* 旅游 */
    { '7', "129" },     /* 宗教 */
    { '8', "19" },      /* 工会 */
    { '9', "123" },     /* 工商: 企业, 个体工商户, 农民专业合作社 */
    { 'A', "19" },      /* 中央军委改革和编制办公室 */
    { 'N', "1239" },    /* 农业 */
    { 'Y', "1" },       /* 其他 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].authority == authority)
      return category != '\0' && strchr (table[i].categories, category) != NULL;

  return FALSE;
}

gboolean
civic_id_is_credit_code_shaped (const char *s)
{
  for (guint i = 0; i < 18; i++)
    if (credit_code_value (s[i]) < 0)
      return FALSE;

  /* positions 3–8 are the administrative division code (GB/T 2260) */
  return is_credit_code_category (s[0], s[1]) && civic_id_is_ascii_digits (s + 2, 6);
}

gboolean
civic_id_is_luhn_valid (const char *s,
                        guint       n)
{
  guint sum = 0;

  for (guint i = 0; i < n; i++)
    {
      guint digit = (guint) (s[n - 1 - i] - '0');

      if (i % 2 == 1)
        {
          digit *= 2;
          if (digit > 9)
            digit -= 9;
        }
      sum += digit;
    }
  return sum % 10 == 0;
}

gboolean
civic_id_is_mobile (const char *s)
{
  return s[0] == '1' && s[1] >= '3' && s[1] <= '9' && civic_id_is_ascii_digits (s, 11);
}

/* 010 and 02x are the only three-digit area codes; the others are 0[3-9]xx */
guint
civic_id_area_code_length (const char *s,
                           guint       n)
{
  if (n >= 3 && s[0] == '0' && s[1] == '1' && s[2] == '0')
    return 3;
  if (n >= 3 && s[0] == '0' && s[1] == '2' && g_ascii_isdigit (s[2]))
    return 3;
  if (n >= 4 && s[0] == '0' && s[1] >= '3' && s[1] <= '9' && civic_id_is_ascii_digits (s + 2, 2))
    return 4;
  return 0;
}

/* Local numbers never begin with 0 or 1: those lead to trunk and
 * special-service prefixes. */
gboolean
civic_id_is_local_number (const char *s,
                          guint       n)
{
  return (n == 7 || n == 8) && s[0] >= '2' && s[0] <= '9' && civic_id_is_ascii_digits (s, n);
}
