/* civic-privacy-lint.c — finds personal data in a text before it is published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-privacy-lint"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-id-numbers.h"
#include "civic-json.h"
#include "civic-privacy-mask.h"
#include "civic-privacy-private.h"

/* An agency may not disclose personal privacy (OGI Art. 15) nor publish
 * personal information without the person's separate consent (PIPL
 * Art. 25); what is disclosable must be separated from what is not (OGI
 * Art. 37), and every publication is reviewed first (OGI Art. 17). This
 * lint is the mechanical half of that review.
 *
 * How a text is read: each character is folded (full-width digits, letters
 * and punctuation to ASCII, the many dashes to "-", the ideographic space
 * to " ") because citizens type full-width digits in Chinese text, and
 * characters that show nothing are left out. The folded text is cut into
 * chunks, the maximal runs of ASCII letters and digits, which
 * civic-privacy-numbers.c reads as numbers by their shape;
 * civic-privacy-context.c then reads the words around them.
 *
 * The reference for every format is docs §7 ("Privacy lint"): GB 11643 for
 * ID numbers, GB 32100 for credit codes. */

enum
{
  PROP_0,
  PROP_REDACTION,
  PROP_NAMES,
  PROP_ALLOWED_NUMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CivicPrivacyLint, civic_privacy_lint, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (CivicPrivacyFinding, civic_privacy_finding,
                     civic_privacy_finding_copy, civic_privacy_finding_free)

G_DEFINE_QUARK (civic-privacy-error-quark, civic_privacy_error)

/* Findings ---------------------------------------------------------------- */

CivicPrivacyFinding *
civic_privacy_finding_copy (const CivicPrivacyFinding *finding)
{
  CivicPrivacyFinding *copy;

  g_return_val_if_fail (finding != NULL, NULL);

  copy = g_new (CivicPrivacyFinding, 1);
  *copy = *finding;
  copy->text = g_strdup (finding->text);
  copy->redaction = g_strdup (finding->redaction);
  return copy;
}

void
civic_privacy_finding_free (CivicPrivacyFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->text);
  g_free (finding->redaction);
  g_free (finding);
}

/* The message follows from what was found, so a finding read back from the
 * wire is explained in the reader's language, not in the sender's. */
static const char *
finding_message (CivicPrivacyKind     kind,
                 CivicPrivacySeverity severity,
                 gboolean             probable)
{
  switch (kind)
    {
    case CIVIC_PRIVACY_KIND_RESIDENT_ID:
      if (probable)
        return _("Looks like a resident ID number with a wrong check digit, perhaps mistyped. "
                 "It still identifies a person (PIPL Art. 4); do not publish it (PIPL Art. 25).");
      return _("A resident ID number. Publishing it needs the person’s separate consent "
               "(PIPL Art. 25; OGI Art. 15), and leaking it is punishable under the Resident "
               "Identity Card Law, Art. 19.");

    case CIVIC_PRIVACY_KIND_LEGACY_ID:
      if (severity == CIVIC_PRIVACY_SEVERITY_BLOCK)
        return _("An old 15-digit resident ID number. It still identifies a person (PIPL "
                 "Art. 4); do not publish it (PIPL Art. 25; OGI Art. 15).");
      return _("Looks like an old 15-digit resident ID number. It still identifies a person "
               "(PIPL Art. 4); do not publish it (PIPL Art. 25).");

    case CIVIC_PRIVACY_KIND_MOBILE:
      return _("A mobile phone number. Publishing a person’s number needs their separate "
               "consent (PIPL Art. 25; OGI Art. 15).");

    case CIVIC_PRIVACY_KIND_FIXED_LINE:
      if (severity == CIVIC_PRIVACY_SEVERITY_BLOCK)
        return _("A person’s home or private phone number. Publishing it needs their separate "
                 "consent (PIPL Art. 25; OGI Art. 15).");
      return _("A fixed-line phone number. An office number may be published (OGI Art. 20), "
               "a private one may not (PIPL Art. 25). Add public office numbers to the "
               "allowed numbers.");

    case CIVIC_PRIVACY_KIND_BANK_CARD:
      return _("A bank card number: a financial account, which is sensitive personal "
               "information (PIPL Art. 28). Do not publish it (PIPL Art. 25).");

    case CIVIC_PRIVACY_KIND_EMAIL:
      if (severity == CIVIC_PRIVACY_SEVERITY_BLOCK)
        return _("A person’s e-mail address. Publishing it needs their separate consent "
                 "(PIPL Art. 25; OGI Art. 15).");
      if (severity == CIVIC_PRIVACY_SEVERITY_INFO)
        return _("The mailbox of a government organ, which may be published (OGI Art. 20); it "
                 "is shown so that you can check it.");
      return _("An e-mail address. If it belongs to a person, publishing it needs their "
               "consent (PIPL Art. 25).");

    case CIVIC_PRIVACY_KIND_CREDIT_CODE:
      if (severity >= CIVIC_PRIVACY_SEVERITY_WARN)
        {
          if (probable)
            return _("Looks like the unified social credit code of an individual business, "
                     "which points to a natural person (PIPL Art. 4), but its check character "
                     "does not match.");
          return _("The unified social credit code of an individual business, which points "
                   "to a natural person (PIPL Art. 4). Publish it only where a law requires "
                   "it.");
        }
      if (probable)
        return _("Looks like a unified social credit code, but its check character does not "
                 "match. Check the code before publishing it.");
      return _("A unified social credit code. An organisation’s code is public registration "
               "data; it is shown so that you can check it.");

    case CIVIC_PRIVACY_KIND_PERSON_NAME:
      return _("The name of a person in this case. Publishing it needs their consent unless "
               "a law requires it (PIPL Art. 25; OGI Art. 15).");

    case CIVIC_PRIVACY_KIND_CERTIFICATE:
      if (severity == CIVIC_PRIVACY_SEVERITY_BLOCK)
        return _("The number of a person’s passport, travel permit or other certificate. It "
                 "identifies them (PIPL Art. 4); do not publish it (PIPL Art. 25; OGI "
                 "Art. 15).");
      return _("Looks like the number of a passport or travel permit. If it is a person’s, do "
               "not publish it (PIPL Art. 25).");

    case CIVIC_PRIVACY_KIND_BIRTH_DATE:
      if (severity == CIVIC_PRIVACY_SEVERITY_BLOCK)
        return _("A person’s date of birth. With their name it identifies them (PIPL Art. 4); "
                 "do not publish it without their consent (PIPL Art. 25; OGI Art. 15).");
      if (severity == CIVIC_PRIVACY_SEVERITY_WARN)
        return _("A date of birth. If it is a person’s, do not publish it without their "
                 "consent (PIPL Art. 25).");
      return _("A year and month of birth. Personnel announcements customarily give them; "
               "check that this document may.");

    case CIVIC_PRIVACY_KIND_HOME_ADDRESS:
      return _("A person’s home address, down to the building or room. Publishing it needs "
               "their separate consent (PIPL Art. 25; OGI Art. 15).");

    case CIVIC_PRIVACY_KIND_UNCHECKED_ATTACHMENT:
      return _("The file’s text could not be read, so nobody has checked it for personal "
               "data: a scan or a photo of an ID card has no text to find. A reviewer looks "
               "at it and acknowledges it, or it is replaced (OGI Art. 17).");

    default:
      g_return_val_if_reached ("");
    }
}

const char *
civic_privacy_kind_get_label (CivicPrivacyKind kind)
{
  switch (kind)
    {
    case CIVIC_PRIVACY_KIND_RESIDENT_ID: return _("Resident ID number");
    case CIVIC_PRIVACY_KIND_LEGACY_ID: return _("15-digit ID number");
    case CIVIC_PRIVACY_KIND_MOBILE: return _("Mobile number");
    case CIVIC_PRIVACY_KIND_FIXED_LINE: return _("Fixed-line number");
    case CIVIC_PRIVACY_KIND_BANK_CARD: return _("Bank card number");
    case CIVIC_PRIVACY_KIND_EMAIL: return _("E-mail address");
    case CIVIC_PRIVACY_KIND_CREDIT_CODE: return _("Unified social credit code");
    case CIVIC_PRIVACY_KIND_PERSON_NAME: return _("Name of a person");
    case CIVIC_PRIVACY_KIND_CERTIFICATE: return _("Certificate number");
    case CIVIC_PRIVACY_KIND_BIRTH_DATE: return _("Date of birth");
    case CIVIC_PRIVACY_KIND_HOME_ADDRESS: return _("Home address");
    case CIVIC_PRIVACY_KIND_UNCHECKED_ATTACHMENT: return _("Unchecked attachment");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_privacy_severity_get_label (CivicPrivacySeverity severity)
{
  switch (severity)
    {
    case CIVIC_PRIVACY_SEVERITY_INFO: return _("For review");
    case CIVIC_PRIVACY_SEVERITY_WARN: return _("Check before publishing");
    case CIVIC_PRIVACY_SEVERITY_BLOCK: return _("Blocks publishing");
    default: g_return_val_if_reached ("");
    }
}

/* Folding ----------------------------------------------------------------- */

gunichar
civic_scan_fold_char (gunichar c)
{
  /* U+FF01…U+FF5E are the full-width twins of "!"…"~" */
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;

  switch (c)
    {
    case 0x00A0: /* no-break space */
    case 0x3000: /* ideographic space */
      return ' ';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: /* minus sign */
    case 0xFE63: /* small hyphen-minus */
      return '-';
    default:
      return c;
    }
}

/* Allowed numbers are compared by their national digits, so that
 * "0731-8888 1234", "073188881234" and "+86 731 8888 1234" are one number;
 * an allowed e-mail address by its folded, lower-case characters. */
static char *
allowed_key (const char *entry)
{
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean address = strchr (entry, '@') != NULL || strstr (entry, "＠") != NULL;
  gboolean plus = FALSE;
  gboolean international = FALSE;

  for (const char *p = entry; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = civic_scan_fold_char (g_utf8_get_char (p));

      if (c >= 0x80)
        continue;
      if (address && !g_ascii_isspace (c))
        g_string_append_c (key, g_ascii_tolower ((char) c));
      else if (!address && c == '+' && key->len == 0)
        plus = TRUE;
      else if (!address && g_ascii_isdigit (c))
        g_string_append_c (key, (char) c);
    }

  if (address)
    return g_string_free (g_steal_pointer (&key), FALSE);

  if (g_str_has_prefix (key->str, "0086"))
    {
      g_string_erase (key, 0, 4);
      international = TRUE;
    }
  else if (g_str_has_prefix (key->str, "86") &&
           (plus || (key->len == 13 && key->str[2] == '1')))
    {
      g_string_erase (key, 0, 2);
      international = TRUE;
    }

  /* written internationally, a fixed line has dropped its trunk prefix 0 */
  if (international && key->len > 0 && key->str[0] != '1')
    g_string_prepend_c (key, '0');

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* Writing findings -------------------------------------------------------- */

void
civic_scan_append_char_at (GString *out,
                           Scan    *scan,
                           guint    i)
{
  g_string_append_len (out, scan->text + scan->bytes[i], scan->ends[i] - scan->bytes[i]);
}

/* A folded letter or digit that took more than one byte was typed
 * full-width; its mask keeps that width so the line does not shift. */
void
civic_scan_append_mask_for (GString *out,
                            Scan    *scan,
                            guint    i)
{
  g_string_append (out, scan->ends[i] - scan->bytes[i] > 1 ? "＊" : "*");
}

/* Letters and digits in [sig_start, sig_end) are the number itself: the
 * first keep_head and the last keep_tail of them stay. Before sig_start
 * is a country code, which stays; after sig_end an extension, which goes.
 * Separators and brackets always stay. */
char *
civic_scan_mask_number (Scan                  *scan,
                        guint                  start,
                        guint                  end,
                        guint                  sig_start,
                        guint                  sig_end,
                        guint                  keep_head,
                        guint                  keep_tail)
{
  GString *out = g_string_sized_new (scan->bytes[end] - scan->bytes[start] + 8);
  guint n_significant = 0;
  guint k = 0;

  if (scan->lint->redaction == CIVIC_PRIVACY_REDACTION_FULL)
    keep_head = keep_tail = 0;

  for (guint i = sig_start; i < sig_end; i++)
    if (g_ascii_isalnum (scan->ascii[i]))
      n_significant++;

  for (guint i = start; i < end; i++)
    {
      gboolean masked;

      if (!g_ascii_isalnum (scan->ascii[i]))
        {
          civic_scan_append_char_at (out, scan, i);
          continue;
        }

      if (i < sig_start)
        masked = FALSE;
      else if (i >= sig_end)
        masked = TRUE;
      else
        {
          masked = k >= keep_head && k + keep_tail < n_significant;
          k++;
        }

      if (masked)
        civic_scan_append_mask_for (out, scan, i);
      else
        civic_scan_append_char_at (out, scan, i);
    }

  return g_string_free (out, FALSE);
}

CivicPrivacyFinding *
civic_scan_add_finding (Scan                 *scan,
                        CivicPrivacyKind      kind,
                        CivicPrivacySeverity  severity,
                        gboolean              probable,
                        guint                 start,
                        guint                 end,
                        char                 *redaction)
{
  CivicPrivacyFinding *finding = g_new0 (CivicPrivacyFinding, 1);

  finding->kind = kind;
  finding->severity = severity;
  finding->probable = probable;
  g_assert (start < end && end <= scan->n_chars);

  finding->char_start = scan->offsets[start];
  finding->char_end = scan->offsets[end - 1] + 1;
  finding->byte_start = scan->bytes[start];
  finding->byte_end = scan->ends[end - 1];
  finding->text = g_strndup (scan->text + finding->byte_start,
                             finding->byte_end - finding->byte_start);
  finding->redaction = redaction;
  finding->message = finding_message (kind, severity, probable);
  g_ptr_array_add (scan->findings, finding);
  return finding;
}

/* The words around a number can make it graver than its shape alone */
void
civic_scan_set_severity (Scan                 *scan,
                         CivicPrivacyFinding  *finding,
                         CivicPrivacySeverity  severity)
{
  finding->severity = severity;
  finding->message = finding_message (finding->kind, severity, finding->probable);
}

/* The folded character at a finding's character offset */
guint
civic_scan_char_at (Scan  *scan,
                    gsize  char_offset)
{
  guint low = 0, high = scan->n_chars;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (scan->offsets[middle] < char_offset)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const CivicPrivacyFinding *x = *(CivicPrivacyFinding * const *) a;
  const CivicPrivacyFinding *y = *(CivicPrivacyFinding * const *) b;

  if (x->byte_start != y->byte_start)
    return x->byte_start < y->byte_start ? -1 : 1;
  if (x->byte_end != y->byte_end)
    return x->byte_end > y->byte_end ? -1 : 1;
  return 0;
}

/* Where two findings overlap ("13800138000@qq.com" is a mobile and an
 * e-mail address; "王小明" contains the listed name "小明") the graver one
 * is kept, and of equal ones the longer, so a redaction never leaves part
 * of the graver one visible. */
static gboolean
finding_outranks (const CivicPrivacyFinding *a,
                  const CivicPrivacyFinding *b)
{
  if (a->severity != b->severity)
    return a->severity > b->severity;
  return a->byte_end - a->byte_start > b->byte_end - b->byte_start;
}

static GPtrArray *
resolve_overlaps (GPtrArray *candidates)
{
  GPtrArray *findings = g_ptr_array_new_full (candidates->len,
                                              (GDestroyNotify) civic_privacy_finding_free);

  g_ptr_array_sort (candidates, compare_findings);

  for (guint i = 0; i < candidates->len; i++)
    {
      CivicPrivacyFinding *candidate = g_ptr_array_index (candidates, i);
      CivicPrivacyFinding *last = findings->len > 0 ?
                                  g_ptr_array_index (findings, findings->len - 1) : NULL;

      if (last == NULL || candidate->byte_start >= last->byte_end)
        g_ptr_array_add (findings, candidate);
      else if (finding_outranks (candidate, last))
        {
          civic_privacy_finding_free (last);
          findings->pdata[findings->len - 1] = candidate;
        }
      else
        civic_privacy_finding_free (candidate);
    }

  return findings;
}

static gboolean
is_currency_sign (gunichar c)
{
  return c == '$' || c == 0x00A5 /* ¥ */ || c == 0xFFE5 /* ￥ */;
}

/* Characters that show nothing, and so may sit inside a number unseen:
 * zero-width space, non-joiner and joiner, word joiner, the byte order
 * mark, and the soft hyphen */
static gboolean
is_invisible (gunichar c)
{
  return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

static void
scan_prepare (Scan       *scan,
              const char *text,
              gsize       length)
{
  const char *p = text;
  guint n_text_chars = (guint) g_utf8_strlen (text, length);
  guint i = 0;

  scan->text = text;
  scan->chars = g_new (gunichar, n_text_chars + 1);
  scan->ascii = g_new (char, n_text_chars + 1);
  scan->bytes = g_new (guint32, n_text_chars + 1);
  scan->ends = g_new (guint32, n_text_chars + 1);
  scan->offsets = g_new (guint32, n_text_chars + 1);
  scan->chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));

  for (guint offset = 0; offset < n_text_chars; offset++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        continue;

      c = civic_scan_fold_char (c);
      scan->chars[i] = c;
      scan->ascii[i] = c < 0x80 ? (char) c : '\x7f';
      scan->bytes[i] = (guint32) (p - text);
      scan->ends[i] = (guint32) (g_utf8_next_char (p) - text);
      scan->offsets[i] = offset;
      i++;
    }
  scan->n_chars = i;
  scan->chars[i] = 0;
  scan->ascii[i] = '\0';
  scan->bytes[i] = scan->ends[i] = (guint32) length;
  scan->offsets[i] = n_text_chars;

  for (i = 0; i < scan->n_chars;)
    {
      Chunk chunk = { i, i, 0, FALSE };

      if (!g_ascii_isalnum (scan->ascii[i]))
        {
          i++;
          continue;
        }

      while (i < scan->n_chars && g_ascii_isalnum (scan->ascii[i]))
        {
          if (g_ascii_isdigit (scan->ascii[i]))
            chunk.n_digits++;
          i++;
        }
      chunk.end = i;

      /* "13800138000.50" is an amount, "1.13800138000" a version, and
       * "¥13800138000" or "13800138000元" money whatever its digits */
      if ((chunk.start >= 2 && scan->ascii[chunk.start - 1] == '.' &&
           g_ascii_isdigit (scan->ascii[chunk.start - 2]) &&
           g_ascii_isdigit (scan->ascii[chunk.start])) ||
          (scan->ascii[chunk.end] == '.' && g_ascii_isdigit (scan->ascii[chunk.end + 1]) &&
           g_ascii_isdigit (scan->ascii[chunk.end - 1])) ||
          (chunk.n_digits == chunk.end - chunk.start &&
           ((chunk.start > 0 && is_currency_sign (scan->chars[chunk.start - 1])) ||
            scan->chars[chunk.end] == IDEOGRAPH_YUAN)))
        chunk.joined = TRUE;

      g_array_append_val (scan->chunks, chunk);
    }
}

static void
scan_clear (Scan *scan)
{
  g_free (scan->chars);
  g_free (scan->ascii);
  g_free (scan->bytes);
  g_free (scan->ends);
  g_free (scan->offsets);
  g_array_unref (scan->chunks);
}

/**
 * civic_privacy_lint_scan:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Returns: (transfer container) (element-type CivicPrivacyFinding): the
 * findings in the order of the text, none overlapping another
 */
GPtrArray *
civic_privacy_lint_scan (CivicPrivacyLint *self,
                         const char       *text,
                         gssize            length)
{
  Scan scan = { 0 };
  g_autoptr(GPtrArray) candidates = NULL;

  g_return_val_if_fail (CIVIC_IS_PRIVACY_LINT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  g_return_val_if_fail ((gsize) length < G_MAXUINT32, NULL);
  g_return_val_if_fail (g_utf8_validate_len (text, length, NULL), NULL);

  candidates = g_ptr_array_new ();
  scan.lint = self;
  scan.findings = candidates;
  scan_prepare (&scan, text, length);

  civic_scan_numbers (&scan);
  civic_scan_emails (&scan);
  civic_scan_names (&scan);
  civic_scan_context (&scan);

  scan_clear (&scan);
  return resolve_overlaps (candidates);
}

/**
 * civic_privacy_has_blocking:
 * @findings: (element-type CivicPrivacyFinding)
 *
 * Publishing stays blocked while this is %TRUE.
 */
gboolean
civic_privacy_has_blocking (GPtrArray *findings)
{
  g_return_val_if_fail (findings != NULL, FALSE);

  for (guint i = 0; i < findings->len; i++)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == CIVIC_PRIVACY_SEVERITY_BLOCK)
        return TRUE;
    }
  return FALSE;
}

/**
 * civic_privacy_redact:
 * @text: the text that was scanned
 * @length: its length in bytes, or -1 if nul-terminated
 * @findings: (element-type CivicPrivacyFinding): the findings to apply;
 *   pass only those the official selected to apply a selection
 * @min_severity: findings below this severity are left alone
 *
 * Replaces each finding by its redaction. The findings may come from an
 * older scan or from the wire, so each is checked against the text first:
 * a finding that no longer matches, or one that overlaps another, fails
 * the whole call rather than redact the wrong characters.
 *
 * Returns: (transfer full): the redacted text, or %NULL with @error set
 */
char *
civic_privacy_redact (const char            *text,
                      gssize                 length,
                      GPtrArray             *findings,
                      CivicPrivacySeverity   min_severity,
                      GError               **error)
{
  g_autoptr(GPtrArray) selected = NULL;
  GString *redacted;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  selected = g_ptr_array_new ();
  for (guint i = 0; i < findings->len; i++)
    {
      CivicPrivacyFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity < min_severity)
        continue;

      if (finding->byte_end > (gsize) length || finding->byte_start > finding->byte_end ||
          finding->text == NULL || finding->redaction == NULL ||
          strlen (finding->text) != finding->byte_end - finding->byte_start ||
          memcmp (text + finding->byte_start, finding->text, strlen (finding->text)) != 0)
        {
          g_set_error (error, CIVIC_PRIVACY_ERROR, CIVIC_PRIVACY_ERROR_SPAN,
                       _("The finding at character %u no longer matches the text; scan the "
                         "text again"), (guint) finding->char_start + 1);
          return NULL;
        }
      g_ptr_array_add (selected, finding);
    }

  g_ptr_array_sort (selected, compare_findings);
  for (guint i = 1; i < selected->len; i++)
    {
      const CivicPrivacyFinding *before = g_ptr_array_index (selected, i - 1);
      const CivicPrivacyFinding *after = g_ptr_array_index (selected, i);

      if (after->byte_start < before->byte_end)
        {
          g_set_error (error, CIVIC_PRIVACY_ERROR, CIVIC_PRIVACY_ERROR_OVERLAP,
                       _("The findings at characters %u and %u overlap; only one of them can "
                         "be redacted"), (guint) before->char_start + 1,
                       (guint) after->char_start + 1);
          return NULL;
        }
    }

  /* From the end, so that the byte offsets of the findings still to be
   * applied stay valid. */
  redacted = g_string_new_len (text, length);
  for (guint i = selected->len; i > 0; i--)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (selected, i - 1);

      g_string_erase (redacted, finding->byte_start, finding->byte_end - finding->byte_start);
      g_string_insert (redacted, finding->byte_start, finding->redaction);
    }

  return g_string_free (redacted, FALSE);
}

/* Wire format ------------------------------------------------------------- */

/**
 * civic_privacy_finding_to_json:
 *
 * The "message" member is written for readers that do not run this code (a
 * log, the web hall); civic_privacy_finding_new_from_json() ignores it and
 * explains the finding again in its own language.
 */
JsonNode *
civic_privacy_finding_to_json (const CivicPrivacyFinding *finding)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (finding != NULL, NULL);

  json_builder_begin_object (builder);
  civic_json_set_enum (builder, "kind", CIVIC_TYPE_PRIVACY_KIND, finding->kind);
  civic_json_set_enum (builder, "severity", CIVIC_TYPE_PRIVACY_SEVERITY, finding->severity);
  json_builder_set_member_name (builder, "probable");
  json_builder_add_boolean_value (builder, finding->probable);
  json_builder_set_member_name (builder, "byte_start");
  json_builder_add_int_value (builder, finding->byte_start);
  json_builder_set_member_name (builder, "byte_end");
  json_builder_add_int_value (builder, finding->byte_end);
  json_builder_set_member_name (builder, "char_start");
  json_builder_add_int_value (builder, finding->char_start);
  json_builder_set_member_name (builder, "char_end");
  json_builder_add_int_value (builder, finding->char_end);
  civic_json_set_string (builder, "text", finding->text);
  civic_json_set_string (builder, "redaction", finding->redaction);
  civic_json_set_string (builder, "message", finding->message);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * civic_privacy_finding_new_from_json:
 *
 * Reads a finding back and checks that its spans agree with its text, so
 * that a finding applied by civic_privacy_redact() cannot cut a character
 * in two.
 */
CivicPrivacyFinding *
civic_privacy_finding_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  g_autoptr(CivicPrivacyFinding) finding = NULL;
  JsonObject *object;
  int kind, severity;
  gboolean probable = FALSE;
  gint64 byte_start, byte_end, char_start, char_end;
  const char *text, *redaction;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE,
                   _("A privacy finding must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!civic_json_get_enum (object, "kind", TRUE, CIVIC_TYPE_PRIVACY_KIND, &kind, error) ||
      !civic_json_get_enum (object, "severity", TRUE, CIVIC_TYPE_PRIVACY_SEVERITY, &severity,
                            error) ||
      !civic_json_get_bool (object, "probable", FALSE, &probable, error) ||
      !civic_json_get_int (object, "byte_start", TRUE, 0, G_MAXUINT32, &byte_start, error) ||
      !civic_json_get_int (object, "byte_end", TRUE, 0, G_MAXUINT32, &byte_end, error) ||
      !civic_json_get_int (object, "char_start", TRUE, 0, G_MAXUINT32, &char_start, error) ||
      !civic_json_get_int (object, "char_end", TRUE, 0, G_MAXUINT32, &char_end, error) ||
      !civic_json_get_string (object, "text", TRUE, &text, error) ||
      !civic_json_get_string (object, "redaction", TRUE, &redaction, error))
    return NULL;

  if (*text == '\0')
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                   _("“%s” must not be empty"), "text");
      return NULL;
    }

  if (byte_end - byte_start != (gint64) strlen (text))
    {
      g_set_error_literal (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                           _("“byte_end” − “byte_start” must be the length of “text” in bytes"));
      return NULL;
    }

  if (char_end - char_start != g_utf8_strlen (text, -1))
    {
      g_set_error_literal (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                           _("“char_end” − “char_start” must be the length of “text” in "
                             "characters"));
      return NULL;
    }

  if (char_start > byte_start)
    {
      g_set_error_literal (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                           _("“char_start” cannot lie beyond “byte_start”: every character "
                             "takes at least one byte"));
      return NULL;
    }

  finding = g_new0 (CivicPrivacyFinding, 1);
  finding->kind = kind;
  finding->severity = severity;
  finding->probable = probable;
  finding->byte_start = byte_start;
  finding->byte_end = byte_end;
  finding->char_start = char_start;
  finding->char_end = char_end;
  finding->text = g_strdup (text);
  finding->redaction = g_strdup (redaction);
  finding->message = finding_message (kind, severity, probable);

  return g_steal_pointer (&finding);
}

JsonNode *
civic_privacy_findings_to_json (GPtrArray *findings)
{
  JsonArray *array;
  JsonNode *node;

  g_return_val_if_fail (findings != NULL, NULL);

  array = json_array_sized_new (findings->len);
  for (guint i = 0; i < findings->len; i++)
    json_array_add_element (array, civic_privacy_finding_to_json (g_ptr_array_index (findings, i)));

  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

/**
 * civic_privacy_findings_new_from_json:
 *
 * Returns: (transfer container) (element-type CivicPrivacyFinding): the
 * findings, or %NULL with @error naming the first bad one
 */
GPtrArray *
civic_privacy_findings_new_from_json (JsonNode  *node,
                                      GError   **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE,
                   _("Privacy findings must be a list"));
      return NULL;
    }

  array = json_node_get_array (node);
  findings = g_ptr_array_new_full (json_array_get_length (array),
                                   (GDestroyNotify) civic_privacy_finding_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      CivicPrivacyFinding *finding;

      finding = civic_privacy_finding_new_from_json (json_array_get_element (array, i), error);
      if (finding == NULL)
        {
          /* Translators: "Finding 3: “kind” is missing" */
          g_prefix_error (error, _("Finding %u: "), i + 1);
          return NULL;
        }
      g_ptr_array_add (findings, finding);
    }

  return g_steal_pointer (&findings);
}

/* The lint ---------------------------------------------------------------- */

static void
civic_privacy_lint_finalize (GObject *object)
{
  CivicPrivacyLint *self = (CivicPrivacyLint *)object;

  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->allowed_numbers, g_strfreev);
  g_clear_pointer (&self->allowed_keys, g_hash_table_unref);

  G_OBJECT_CLASS (civic_privacy_lint_parent_class)->finalize (object);
}

static void
civic_privacy_lint_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CivicPrivacyLint *self = CIVIC_PRIVACY_LINT (object);

  switch (prop_id)
    {
    case PROP_REDACTION:
      g_value_set_enum (value, self->redaction);
      break;

    case PROP_NAMES:
      g_value_set_boxed (value, self->names);
      break;

    case PROP_ALLOWED_NUMBERS:
      g_value_set_boxed (value, self->allowed_numbers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_privacy_lint_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CivicPrivacyLint *self = CIVIC_PRIVACY_LINT (object);

  switch (prop_id)
    {
    case PROP_REDACTION:
      civic_privacy_lint_set_redaction (self, g_value_get_enum (value));
      break;

    case PROP_NAMES:
      civic_privacy_lint_set_names (self, g_value_get_boxed (value));
      break;

    case PROP_ALLOWED_NUMBERS:
      civic_privacy_lint_set_allowed_numbers (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_privacy_lint_class_init (CivicPrivacyLintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_privacy_lint_finalize;
  object_class->get_property = civic_privacy_lint_get_property;
  object_class->set_property = civic_privacy_lint_set_property;

  properties[PROP_REDACTION] =
    g_param_spec_enum ("redaction", NULL, NULL,
                       CIVIC_TYPE_PRIVACY_REDACTION,
                       CIVIC_PRIVACY_REDACTION_FULL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAMES] =
    g_param_spec_boxed ("names", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ALLOWED_NUMBERS] =
    g_param_spec_boxed ("allowed-numbers", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
civic_privacy_lint_init (CivicPrivacyLint *self)
{
  self->redaction = CIVIC_PRIVACY_REDACTION_FULL;
  self->names = g_new0 (char *, 1);
  self->allowed_numbers = g_new0 (char *, 1);
  self->allowed_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * civic_privacy_lint_new:
 *
 * A lint redacts fully and knows no names and no allowed numbers until it
 * is told. Its settings are read, never changed, by a scan, so one lint
 * may scan in several threads once it is set up.
 */
CivicPrivacyLint *
civic_privacy_lint_new (void)
{
  return g_object_new (CIVIC_TYPE_PRIVACY_LINT, NULL);
}

CivicPrivacyRedaction
civic_privacy_lint_get_redaction (CivicPrivacyLint *self)
{
  g_return_val_if_fail (CIVIC_IS_PRIVACY_LINT (self), CIVIC_PRIVACY_REDACTION_FULL);

  return self->redaction;
}

void
civic_privacy_lint_set_redaction (CivicPrivacyLint      *self,
                                  CivicPrivacyRedaction  redaction)
{
  g_return_if_fail (CIVIC_IS_PRIVACY_LINT (self));
  g_return_if_fail (redaction == CIVIC_PRIVACY_REDACTION_FULL ||
                    redaction == CIVIC_PRIVACY_REDACTION_PARTIAL);

  if (self->redaction == redaction)
    return;

  self->redaction = redaction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDACTION]);
}

const char * const *
civic_privacy_lint_get_names (CivicPrivacyLint *self)
{
  g_return_val_if_fail (CIVIC_IS_PRIVACY_LINT (self), NULL);

  return (const char * const *) self->names;
}

/**
 * civic_privacy_lint_set_names:
 * @names: (nullable): the names of the people in the case: applicant,
 *   parties, third parties
 *
 * Names of one character are ignored.
 */
void
civic_privacy_lint_set_names (CivicPrivacyLint   *self,
                              const char * const *names)
{
  g_autoptr(GPtrArray) cleaned = NULL;

  g_return_if_fail (CIVIC_IS_PRIVACY_LINT (self));

  /* Names come from form fields: trimmed, each once */
  cleaned = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      char *name;

      g_return_if_fail (g_utf8_validate (names[i], -1, NULL));

      name = g_strstrip (g_strdup (names[i]));
      if (*name == '\0' || g_ptr_array_find_with_equal_func (cleaned, name, g_str_equal, NULL))
        g_free (name);
      else
        g_ptr_array_add (cleaned, name);
    }
  g_ptr_array_add (cleaned, NULL);

  if (g_strv_equal ((const char * const *) self->names, (const char * const *) cleaned->pdata))
    return;

  g_strfreev (self->names);
  g_ptr_array_set_free_func (cleaned, NULL);
  self->names = (GStrv) g_ptr_array_free (g_steal_pointer (&cleaned), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAMES]);
}

const char * const *
civic_privacy_lint_get_allowed_numbers (CivicPrivacyLint *self)
{
  g_return_val_if_fail (CIVIC_IS_PRIVACY_LINT (self), NULL);

  return (const char * const *) self->allowed_numbers;
}

/**
 * civic_privacy_lint_set_allowed_numbers:
 * @numbers: (nullable): numbers an agency publishes on purpose — its
 *   switchboard, its hotline, its fee account — in any writing, and the
 *   e-mail address of its disclosure office
 *
 * Phone and account numbers are compared by digits only, so
 * "0731-8888 1234" allows "073188881234" and "(0731)88881234", and with
 * any extension. ID numbers and credit codes cannot be allowed.
 */
void
civic_privacy_lint_set_allowed_numbers (CivicPrivacyLint   *self,
                                        const char * const *numbers)
{
  g_return_if_fail (CIVIC_IS_PRIVACY_LINT (self));

  if (g_strv_equal ((const char * const *) self->allowed_numbers,
                    numbers != NULL ? numbers : (const char * const[]) { NULL }))
    return;

  g_strfreev (self->allowed_numbers);
  self->allowed_numbers = numbers != NULL ? g_strdupv ((GStrv) numbers) : g_new0 (char *, 1);

  g_hash_table_remove_all (self->allowed_keys);
  for (guint i = 0; self->allowed_numbers[i] != NULL; i++)
    {
      char *key = allowed_key (self->allowed_numbers[i]);

      if (*key != '\0')
        g_hash_table_add (self->allowed_keys, key);
      else
        g_free (key);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOWED_NUMBERS]);
}
