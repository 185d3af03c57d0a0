/* civic-privacy-private.h — what the privacy lint's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-privacy-lint.h"

G_BEGIN_DECLS

/* civic-privacy-lint.c: the findings, the folded text a scan reads, and
 * the object; civic-privacy-numbers.c: numbers and e-mail addresses by
 * their shape; civic-privacy-context.c: what only the words around make
 * personal (a name, a certificate's number, a birth date, a home address)
 * and the numbers those words make graver. */

struct _CivicPrivacyLint
{
  GObject                parent_instance;

  CivicPrivacyRedaction  redaction;
  GStrv                  names;
  GStrv                  allowed_numbers;

  /* the allowed numbers as national digits, "073188881234", and
   * allowed e-mail addresses in lower case */
  GHashTable            *allowed_keys;
};

typedef struct
{
  guint  start;          /* folded character index, half-open */
  guint  end;
  guint  n_digits;
  guint  joined : 1;     /* part of a decimal or an amount: "13800138000.5", "¥13800138000" */
} Chunk;

/* The text as a scan reads it. Characters that show nothing (a zero-width
 * space, a soft hyphen) are left out, so that one pasted inside a number
 * does not split it; every folded character remembers where it was. */
typedef struct
{
  CivicPrivacyLint  *lint;
  const char        *text;
  guint              n_chars;   /* folded characters */
  gunichar          *chars;     /* folded */
  char              *ascii;     /* folded, and 0x7f for anything not ASCII */
  guint32           *bytes;     /* where each starts in the text, then the text's length */
  guint32           *ends;      /* where each ends in the text */
  guint32           *offsets;   /* each one's index among the text's characters, then their number */
  GArray            *chunks;
  GPtrArray         *findings;
} Scan;

#define IDEOGRAPH_ZHUAN 0x8F6C  /* 转, "extension" in "0731-88881234转801" */
#define IDEOGRAPH_FEN   0x5206  /* 分机, the same */
#define IDEOGRAPH_JI    0x673A
#define IDEOGRAPH_YUAN  0x5143  /* 元, "yuan" after an amount */

static inline const Chunk *
scan_chunk (Scan  *scan,
            guint  k)
{
  return &g_array_index (scan->chunks, Chunk, k);
}

static inline guint
chunk_length (const Chunk *chunk)
{
  return chunk->end - chunk->start;
}

static inline gboolean
chunk_is_digits (const Chunk *chunk)
{
  return chunk->n_digits == chunk_length (chunk);
}

static inline const char *
chunk_text (Scan        *scan,
            const Chunk *chunk)
{
  return scan->ascii + chunk->start;
}

static inline gboolean
is_separator (char c)
{
  return c == ' ' || c == '-';
}

/* civic-privacy-lint.c */
gunichar             civic_scan_fold_char       (gunichar              c);
void                 civic_scan_append_char_at  (GString              *out,
                                                 Scan                 *scan,
                                                 guint                 i);
void                 civic_scan_append_mask_for (GString              *out,
                                                 Scan                 *scan,
                                                 guint                 i);
char                *civic_scan_mask_number     (Scan                 *scan,
                                                 guint                 start,
                                                 guint                 end,
                                                 guint                 sig_start,
                                                 guint                 sig_end,
                                                 guint                 keep_head,
                                                 guint                 keep_tail);
CivicPrivacyFinding *civic_scan_add_finding     (Scan                 *scan,
                                                 CivicPrivacyKind      kind,
                                                 CivicPrivacySeverity  severity,
                                                 gboolean              probable,
                                                 guint                 start,
                                                 guint                 end,
                                                 char                 *redaction);
void                 civic_scan_set_severity    (Scan                 *scan,
                                                 CivicPrivacyFinding  *finding,
                                                 CivicPrivacySeverity  severity);
guint                civic_scan_char_at         (Scan                 *scan,
                                                 gsize                 char_offset);

/* civic-privacy-numbers.c */
void                 civic_scan_numbers         (Scan                 *scan);
void                 civic_scan_emails          (Scan                 *scan);

/* civic-privacy-context.c */
void                 civic_scan_names           (Scan                 *scan);
void                 civic_scan_context         (Scan                 *scan);

G_END_DECLS
