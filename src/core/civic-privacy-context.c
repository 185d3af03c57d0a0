/* civic-privacy-context.c — what the words around make personal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-privacy-lint"

#include "config.h"

#include <string.h>

#include "civic-id-numbers.h"
#include "civic-privacy-mask.h"
#include "civic-privacy-private.h"

/* A number's shape says what it is; only the words around say whose it
 * is. A landline may be an office's switchboard or a family's, an address
 * a service window's or a home's, a date a founding's or a birth's. What
 * decides is the clause (up to 。；！？ or a line break): whether it names
 * a person, and which words stand just before. Words are compared with the
 * folded text, so "：" and ":" are one. */

#define CLAUSE_MAX       200  /* a clause longer than this is read in windows */
#define KEYWORD_WINDOW   12   /* characters between a keyword and its number */
#define ADDRESS_WINDOW   40   /* characters from a residence keyword to the room */

static gboolean
is_clause_end (gunichar c)
{
  return c == '\n' || c == 0x3002 /* 。 */ || c == ';' || c == '!' || c == '?';
}

static gboolean
is_ideograph (gunichar c)
{
  return c >= 0x4E00 && c <= 0x9FFF;
}

/* The clause around character i, [*start, *end) */
static void
clause_of (Scan  *scan,
           guint  i,
           guint *start,
           guint *end)
{
  guint a = i, b = i;

  while (a > 0 && i - a < CLAUSE_MAX && !is_clause_end (scan->chars[a - 1]))
    a--;
  while (b < scan->n_chars && b - i < CLAUSE_MAX && !is_clause_end (scan->chars[b]))
    b++;
  *start = a;
  *end = b;
}

/* Whether @word (UTF-8) stands at folded character i */
static gboolean
word_at (Scan       *scan,
         guint       i,
         const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p), i++)
    if (i >= scan->n_chars || scan->chars[i] != civic_scan_fold_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static guint
word_length (const char *word)
{
  return (guint) g_utf8_strlen (word, -1);
}

/* Whether one of @words ends in [from, to): where it ends, or 0 */
static guint
find_word_in (Scan              *scan,
              guint              from,
              guint              to,
              const char * const *words)
{
  guint found = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      guint n = word_length (words[w]);

      for (guint i = from; i + n <= to; i++)
        if (word_at (scan, i, words[w]) && i + n > found)
          found = i + n;
    }
  return found;
}

/* Whether one of @words ends at most @window characters before @at, in
 * the same clause (@clause_start) */
static gboolean
word_before (Scan              *scan,
             guint              at,
             guint              window,
             guint              clause_start,
             const char * const *words)
{
  guint from = at > clause_start + window ? at - window : clause_start;

  return find_word_in (scan, from, at, words) > 0;
}

/* The marks of a person in a clause: a name the lint was given, 姓名：…,
 * "…，男，", a person made anonymous (李某, 王某某), or the words the law
 * calls a person by in a procedure */
static const char * const person_words[] = {
  "申请人", "当事人", "投诉人", "举报人", "信访人", "来信人", "第三人", "利害关系人",
  "委托代理人", "法定代理人", NULL
};

static gboolean
is_gender_field (Scan  *scan,
                 guint  i)
{
  gunichar before, after;

  if (scan->chars[i] != 0x7537 /* 男 */ && scan->chars[i] != 0x5973 /* 女 */)
    return FALSE;
  before = i > 0 ? scan->chars[i - 1] : ' ';
  after = i + 1 < scan->n_chars ? scan->chars[i + 1] : ' ';
  return (before == ',' || before == 0x3001 /* 、 */ || before == ' ' || before == '(') &&
         (after == ',' || after == 0x3001 || after == ' ' || after == ')');
}

/* "李某" and "王某某" but not "某市", "对某市" or "某某公司" */
static gboolean
is_anonymised_person (Scan  *scan,
                      guint  i)
{
  static const char organ_heads[] = "公单部机局市县区省镇乡村街企集有厂店";
  gunichar next;

  if (scan->chars[i] != 0x67D0 /* 某 */)
    return FALSE;
  next = i + 1 < scan->n_chars ? scan->chars[i + 1] : ' ';
  if (next == 0x67D0)
    {
      gunichar after = i + 2 < scan->n_chars ? scan->chars[i + 2] : ' ';

      return g_utf8_strchr (organ_heads, -1, after) == NULL;
    }
  return i > 0 && is_ideograph (scan->chars[i - 1]) && scan->chars[i - 1] != 0x67D0 &&
         !is_ideograph (next);
}

static gboolean
clause_names_person (Scan  *scan,
                     guint  start,
                     guint  end)
{
  if (find_word_in (scan, start, end, person_words) > 0)
    return TRUE;

  for (guint i = start; i < end; i++)
    {
      if (is_gender_field (scan, i) || is_anonymised_person (scan, i))
        return TRUE;
      if (word_at (scan, i, "姓名") && i + 2 < end &&
          (scan->chars[i + 2] == ':' || scan->chars[i + 2] == ' '))
        return TRUE;
    }

  /* a name the lint was given, found by civic_scan_names() */
  for (guint f = 0; f < scan->findings->len; f++)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (scan->findings, f);
      guint at;

      if (finding->kind != CIVIC_PRIVACY_KIND_PERSON_NAME)
        continue;
      at = civic_scan_char_at (scan, finding->char_start);
      if (at >= start && at < end)
        return TRUE;
    }
  return FALSE;
}

/* Forms align a two-character name with three-character ones by padding
 * it, "张　三", so up to two spaces may stand between the ideographs of a
 * name. Returns where the name ends in the text, or 0. */
static guint
match_name_at (Scan           *scan,
               guint           i,
               const gunichar *name,
               guint           n)
{
  for (guint j = 0; j < n; j++)
    {
      if (j > 0 && name[j - 1] >= 0x80 && name[j] >= 0x80)
        for (guint gap = 0; gap < 2 && i < scan->n_chars && scan->chars[i] == ' '; gap++)
          i++;

      if (i >= scan->n_chars || scan->chars[i] != name[j])
        return 0;
      i++;
    }
  return i;
}

static gboolean
is_word_char (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

/* Chinese has no spaces to mark where a name ends, so a name is found
 * wherever it occurs; only a Latin name must stand as a whole word. */
void
civic_scan_names (Scan *scan)
{
  for (guint n = 0; scan->lint->names[n] != NULL; n++)
    {
      glong length;
      g_autofree gunichar *name = g_utf8_to_ucs4_fast (scan->lint->names[n], -1, &length);

      /* A single character is a surname at most; it would flag every
       * "张" in the text. */
      if (length < 2)
        continue;

      for (glong j = 0; j < length; j++)
        name[j] = civic_scan_fold_char (name[j]);

      for (guint start = 0; start < scan->n_chars; start++)
        {
          guint end;
          char *redaction;

          if (scan->chars[start] != name[0] ||
              !(end = match_name_at (scan, start, name, length)))
            continue;

          if ((is_word_char (name[0]) && start > 0 && is_word_char (scan->chars[start - 1])) ||
              (is_word_char (name[length - 1]) && is_word_char (scan->chars[end])))
            continue;

          if (scan->lint->redaction == CIVIC_PRIVACY_REDACTION_PARTIAL)
            {
              g_autofree char *found = g_strndup (scan->text + scan->bytes[start],
                                                  scan->ends[end - 1] - scan->bytes[start]);

              redaction = civic_privacy_mask_name (found);
            }
          else
            redaction = g_strdup ("***");

          civic_scan_add_finding (scan, CIVIC_PRIVACY_KIND_PERSON_NAME, CIVIC_PRIVACY_SEVERITY_BLOCK, FALSE,
                       start, end, redaction);
          start = end - 1;
        }
    }
}

/* Numbers made graver by their words ------------------------------------ */

static const char * const identity_words[] = {
  "身份证", "身份号码", "公民身份", "证件号", NULL
};
static const char * const private_line_words[] = {
  "家庭", "住宅", "宅电", "私人", "家里", "家中", NULL
};
/* the words before an office's own number or mailbox */
static const char * const office_words[] = {
  "咨询", "监督", "投诉电话", "举报电话", "办公", "值班", "服务", "热线", "传真", "受理",
  "联系部门", "信箱", "邮箱：", NULL
};

/* A 15-digit number called an ID blocks like an 18-digit one; a
 * landline or an address that is a person's, by the words before it or
 * because its clause names a person, blocks like a mobile. */
static void
raise_by_words (Scan *scan)
{
  for (guint f = 0; f < scan->findings->len; f++)
    {
      CivicPrivacyFinding *finding = g_ptr_array_index (scan->findings, f);
      guint at, clause_start, clause_end;
      gboolean person;

      if (finding->severity == CIVIC_PRIVACY_SEVERITY_BLOCK ||
          (finding->kind != CIVIC_PRIVACY_KIND_LEGACY_ID &&
           finding->kind != CIVIC_PRIVACY_KIND_FIXED_LINE &&
           !(finding->kind == CIVIC_PRIVACY_KIND_EMAIL &&
             finding->severity == CIVIC_PRIVACY_SEVERITY_WARN)))
        continue;

      at = civic_scan_char_at (scan, finding->char_start);
      clause_of (scan, at, &clause_start, &clause_end);

      if (finding->kind == CIVIC_PRIVACY_KIND_LEGACY_ID)
        {
          if (word_before (scan, at, KEYWORD_WINDOW, clause_start, identity_words))
            civic_scan_set_severity (scan, finding, CIVIC_PRIVACY_SEVERITY_BLOCK);
          continue;
        }

      if (finding->kind == CIVIC_PRIVACY_KIND_FIXED_LINE &&
          word_before (scan, at, KEYWORD_WINDOW, clause_start, private_line_words))
        {
          civic_scan_set_severity (scan, finding, CIVIC_PRIVACY_SEVERITY_BLOCK);
          continue;
        }

      person = clause_names_person (scan, clause_start, clause_end);
      if (person && !word_before (scan, at, KEYWORD_WINDOW, clause_start, office_words))
        civic_scan_set_severity (scan, finding, CIVIC_PRIVACY_SEVERITY_BLOCK);
    }
}

/* Certificates ------------------------------------------------------------ */

/* The certificates of a person besides the resident ID card (whose
 * number has a shape of its own), by the names they go by */
static const char * const certificate_words[] = {
  "护照", "通行证", "台胞证", "回乡证", "旅行证", "居留证", "居留身份证", "居住证",
  "军官证", "士兵证", "警官证", "残疾人证", "驾驶证", "驾驶执照", "社会保障卡", "社保卡",
  "医保卡", "海员证", NULL
};

static const CivicPrivacyFinding *
finding_over (Scan  *scan,
              guint  start,
              guint  end)
{
  for (guint f = 0; f < scan->findings->len; f++)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (scan->findings, f);
      guint a = civic_scan_char_at (scan, finding->char_start);
      guint b = civic_scan_char_at (scan, finding->char_end - 1) + 1;

      if (a < end && start < b)
        return finding;
    }
  return NULL;
}

/* "护照号码E12345678", "往来港澳通行证C87654321", "台胞证号码12345678",
 * "残疾人证号43010419850312004512": the first run of six or more
 * characters with six digits or more, at most 12 characters after the
 * certificate's name in the same clause */
static void
scan_certificates (Scan *scan)
{
  for (guint k = 0; k < scan->chunks->len; k++)
    {
      const Chunk *chunk = scan_chunk (scan, k);
      const CivicPrivacyFinding *existing;
      guint clause_start, clause_end;

      if (chunk_length (chunk) < 6 || chunk_length (chunk) > 20 || chunk->n_digits < 6 ||
          chunk->joined)
        continue;

      clause_of (scan, chunk->start, &clause_start, &clause_end);
      if (!word_before (scan, chunk->start, KEYWORD_WINDOW, clause_start, certificate_words))
        continue;

      existing = finding_over (scan, chunk->start, chunk->end);
      if (existing != NULL && existing->kind == CIVIC_PRIVACY_KIND_CERTIFICATE)
        civic_scan_set_severity (scan, (CivicPrivacyFinding *) existing,
                                 CIVIC_PRIVACY_SEVERITY_BLOCK);
      else if (existing == NULL)
        civic_scan_add_finding (scan, CIVIC_PRIVACY_KIND_CERTIFICATE,
                                CIVIC_PRIVACY_SEVERITY_BLOCK, FALSE, chunk->start, chunk->end,
                                civic_scan_mask_number (scan, chunk->start, chunk->end,
                                                        chunk->start, chunk->end, 1, 2));
    }
}

/* Birth dates ------------------------------------------------------------- */

typedef struct
{
  guint    start;
  guint    end;
  gboolean has_day;
} DateSpan;

static guint
digits_at (Scan  *scan,
           guint  i,
           guint  max,
           guint *value)
{
  guint n = 0;

  *value = 0;
  while (i + n < scan->n_chars && n < max && g_ascii_isdigit (scan->ascii[i + n]))
    *value = *value * 10 + (guint) (scan->ascii[i + n++] - '0');
  return n;
}

/* "1985年3月12日", "1990-03-07", "1990/3/7", "1990.03.07"; and a year and
 * month alone, "1975年3月", "1975.03" */
static gboolean
date_at (Scan     *scan,
         guint     i,
         DateSpan *date)
{
  guint year, month, day = 1;
  guint n, j = i;
  gunichar separator;
  gboolean chinese;

  if ((i > 0 && g_ascii_isalnum (scan->ascii[i - 1])) || digits_at (scan, j, 5, &year) != 4 ||
      year < 1900 || year > 2100)
    return FALSE;
  j += 4;
  separator = scan->chars[j];
  chinese = separator == 0x5E74 /* 年 */;
  if (!chinese && separator != '-' && separator != '/' && separator != '.')
    return FALSE;
  j++;
  if ((n = digits_at (scan, j, 3, &month)) == 0 || n > 2 || month < 1 || month > 12)
    return FALSE;
  j += n;
  if (chinese)
    {
      if (scan->chars[j] != 0x6708 /* 月 */)
        return FALSE;
      j++;
    }

  date->start = i;
  date->end = j;
  date->has_day = FALSE;

  if ((chinese || scan->chars[j] == separator) && (n = digits_at (scan, j + !chinese, 3, &day)) > 0)
    {
      guint k = j + !chinese + n;

      if (n > 2 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return FALSE;
      if (chinese)
        {
          if (scan->chars[k] != 0x65E5 /* 日 */ && scan->chars[k] != 0x53F7 /* 号 */)
            return TRUE;  /* "1985年3月12" is still a month */
          k++;
        }
      else if (g_ascii_isalnum (scan->ascii[k]))
        return FALSE;
      date->end = k;
      date->has_day = TRUE;
    }
  else if (!chinese && g_ascii_isalnum (scan->ascii[j]))
    return FALSE;

  return TRUE;
}

static const char * const birth_label_words[] = {
  "出生日期", "出生年月", "生日", NULL
};

/* "王五，男，1985年3月12日出生", "出生日期：1990-03-07" block; a birth
 * date that names no person warns; "1975年3月生", the customary year and
 * month of a personnel announcement, is for review */
static void
scan_birth_dates (Scan *scan)
{
  for (guint i = 0; i + 6 < scan->n_chars; i++)
    {
      DateSpan date;
      guint clause_start, clause_end, after;
      gboolean labelled, born;
      CivicPrivacySeverity severity;

      if (!g_ascii_isdigit (scan->ascii[i]) || !date_at (scan, i, &date))
        continue;

      clause_of (scan, date.start, &clause_start, &clause_end);
      after = date.end;
      labelled = word_before (scan, date.start, KEYWORD_WINDOW, clause_start, birth_label_words);
      born = word_at (scan, after, "出生") || word_at (scan, after, "生") ||
             word_before (scan, date.start, 4, clause_start,
                          (const char * const[]) { "生于", "出生于", NULL });
      if (!labelled && !born)
        {
          i = date.end - 1;
          continue;
        }

      if (!date.has_day)
        severity = CIVIC_PRIVACY_SEVERITY_INFO;
      else if (labelled || clause_names_person (scan, clause_start, clause_end))
        severity = CIVIC_PRIVACY_SEVERITY_BLOCK;
      else
        severity = CIVIC_PRIVACY_SEVERITY_WARN;

      if (finding_over (scan, date.start, date.end) == NULL)
        civic_scan_add_finding (scan, CIVIC_PRIVACY_KIND_BIRTH_DATE, severity, FALSE,
                                date.start, date.end,
                                civic_scan_mask_number (scan, date.start, date.end,
                                                        date.start, date.end, 4, 0));
      i = date.end - 1;
    }
}

/* Home addresses ---------------------------------------------------------- */

static const char * const residence_words[] = {
  "家住", "住址", "现住", "住所", "户籍地", "户籍所在地", "居住地", "居住于", "住在", "家庭地址",
  NULL
};

/* What only an organ's address has: "区人社局304室" is a service window */
static const char * const organ_words[] = {
  "局", "厅", "委", "办公", "中心", "政府", "法院", "检察院", "大厅", "窗口", "服务", "公司",
  "医院", "学校", "派出所", NULL
};

/* A unit within a building: "5栋", "2单元", "301室", "3号楼", "12层",
 * "3组" of a village. Returns where it ends, or 0. */
static guint
unit_at (Scan  *scan,
         guint  i)
{
  static const char * const units[] = {
    "栋", "幢", "单元", "室", "号楼", "层", "户", "组", NULL
  };
  guint value, n = digits_at (scan, i, 5, &value);

  if (n == 0 || (i > 0 && g_ascii_isalnum (scan->ascii[i - 1])))
    return 0;
  for (guint u = 0; units[u] != NULL; u++)
    if (word_at (scan, i + n, units[u]))
      return i + n + word_length (units[u]);
  return 0;
}

/* "家住长沙市岳麓区麓山南路88号5栋2单元301室": from the street number
 * ("88号") or the village to the last unit, after a residence word, or in
 * a clause that names a person and no organ */
static void
scan_home_addresses (Scan *scan)
{
  for (guint i = 0; i < scan->n_chars; i++)
    {
      guint clause_start, clause_end, limit, street = 0, last_unit = 0;
      gboolean resident;
      guint value;

      if (!g_ascii_isdigit (scan->ascii[i]) || (i > 0 && g_ascii_isalnum (scan->ascii[i - 1])))
        continue;

      /* a street number, "88号", not followed by a unit of its own ("3号楼") */
      {
        guint n = digits_at (scan, i, 5, &value);

        if (!word_at (scan, i + n, "号") || word_at (scan, i + n, "号楼"))
          {
            i += n > 0 ? n - 1 : 0;
            continue;
          }
        street = i;
        limit = MIN (scan->n_chars, i + n + 1 + 20);
        for (guint j = i + n + 1; j < limit; j++)
          {
            guint end;

            if (is_clause_end (scan->chars[j]) || scan->chars[j] == ',')
              break;
            if ((end = unit_at (scan, j)) != 0)
              {
                last_unit = end;
                j = end - 1;
              }
          }
      }
      if (last_unit == 0)
        continue;

      clause_of (scan, street, &clause_start, &clause_end);
      resident = word_before (scan, street, ADDRESS_WINDOW, clause_start, residence_words);
      if (!resident &&
          (find_word_in (scan, street, last_unit, organ_words) > 0 ||
           word_before (scan, street, ADDRESS_WINDOW, clause_start, organ_words) ||
           !clause_names_person (scan, clause_start, clause_end)))
        {
          i = last_unit - 1;
          continue;
        }
      if (resident && find_word_in (scan, street, last_unit, organ_words) > 0)
        {
          i = last_unit - 1;
          continue;
        }

      if (finding_over (scan, street, last_unit) == NULL)
        civic_scan_add_finding (scan, CIVIC_PRIVACY_KIND_HOME_ADDRESS,
                                CIVIC_PRIVACY_SEVERITY_BLOCK, FALSE, street, last_unit,
                                civic_scan_mask_number (scan, street, last_unit,
                                                        street, last_unit, 0, 0));
      i = last_unit - 1;
    }
}

/**
 * civic_scan_context:
 *
 * After the numbers, e-mail addresses and names: what their words make
 * of them, and what only words make personal.
 */
void
civic_scan_context (Scan *scan)
{
  raise_by_words (scan);
  scan_certificates (scan);
  scan_birth_dates (scan);
  scan_home_addresses (scan);
}
