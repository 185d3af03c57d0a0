/* civic-reply-lint.c — what a reply to a citizen must say before it goes out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-reply-lint.h"

/* A reply a citizen reads is checked as a whole before it goes out
 * (docs/plans/messages.md, decision 9), beside the privacy lint:
 *
 * - a "no" must say why: a refusal word (不予、不支持、不属于、无法…) with
 *   no reason anywhere (因为、根据、经查…) is refused, as 信访工作条例
 *   Art. 32 asks an opinion to state its facts, reasons and basis;
 * - a "no" to a complaint or a report must say how to ask for a review
 *   (Art. 35: 复查 within 30 days, or reconsideration and suit);
 * - a template's blank left in ({{name}}, ××, 【请填写】) is refused;
 * - a sentence of an internal note found word for word is a warning: the
 *   official may mean it, but must see it (Zammad #4496 was a note's text
 *   carried into a customer's reply unseen).
 *
 * The words are matched as written, Chinese and English, case aside. */

static const char * const refusals[] = {
  "不予", "不支持", "不属于", "无法", "不能办理", "不能受理", "不符合", "驳回", "不受理",
  "不同意", "不再受理",
  "cannot", "can not", "unable to", "not accepted", "refuse", "reject", "decline",
  "not supported", "do not support", "does not fall",
  NULL
};

static const char * const reasons[] = {
  "因为", "由于", "根据", "依据", "按照", "鉴于", "经查", "经核实", "经调查", "原因", "理由",
  "规定", "because", "since ", "due to", "according to", "pursuant to", "under article",
  "the reason", "as required by",
  NULL
};

static const char * const remedies[] = {
  "复查", "复核", "复议", "诉讼", "申诉",
  "review", "reconsideration", "appeal", "court",
  NULL
};

static const char *
find_any (const char          *haystack,
          const char * const  *needles,
          const char         **found)
{
  const char *first = NULL;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *at = strstr (haystack, needles[i]);

      if (at != NULL && (first == NULL || at < first))
        {
          first = at;
          if (found != NULL)
            *found = needles[i];
        }
    }
  return first;
}

static gboolean
ends_sentence (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ ||
         c == 0xFF1B /* ； */ || c == '!' || c == '?' || c == ';' || c == '\n' ||
         c == '.';
}

/* The sentence around byte @at of @text: [*start, *end) */
static void
sentence_around (const char *text,
                 gsize       at,
                 gsize      *start,
                 gsize      *end)
{
  const char *p = text + at;

  while (p > text)
    {
      const char *prev = g_utf8_prev_char (p);

      if (ends_sentence (g_utf8_get_char (prev)))
        break;
      p = prev;
    }
  while (*p == ' ' || *p == '\t')
    p++;
  *start = (gsize) (p - text);
  p = text + at;
  while (*p != '\0' && !ends_sentence (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p != '\0')
    p = g_utf8_next_char (p);
  *end = (gsize) (p - text);
}

static void
add (GPtrArray             *findings,
     CivicReplyFindingKind  kind,
     gboolean               blocking,
     gsize                  start,
     gsize                  end)
{
  CivicReplyFinding *finding = g_new0 (CivicReplyFinding, 1);

  finding->kind = kind;
  finding->blocking = blocking;
  finding->start = start;
  finding->end = end;
  g_ptr_array_add (findings, finding);
}

static void
check_blanks (GPtrArray  *findings,
              const char *text)
{
  static const char * const opening[] = { "{{", "××", "【请填写", "[请填写", NULL };

  for (guint i = 0; opening[i] != NULL; i++)
    for (const char *at = strstr (text, opening[i]); at != NULL;
         at = strstr (at + strlen (opening[i]), opening[i]))
      {
        const char *close = NULL;
        gsize end;

        if (g_str_equal (opening[i], "{{"))
          close = strstr (at, "}}");
        else if (g_str_equal (opening[i], "【请填写"))
          close = strstr (at, "】");
        else if (g_str_equal (opening[i], "[请填写"))
          close = strstr (at, "]");
        end = close != NULL ? (gsize) (close - text) + (g_str_has_prefix (close, "}}") ? 2 :
                                                        g_str_has_prefix (close, "】") ? strlen ("】")
                                                                                     : 1)
                            : (gsize) (at - text) + strlen (opening[i]);
        /* ××× is one blank however many crosses */
        while (g_str_equal (opening[i], "××") && g_str_has_prefix (text + end, "×"))
          end += strlen ("×");
        add (findings, CIVIC_REPLY_FINDING_BLANK_LEFT, TRUE, (gsize) (at - text), end);
        at = text + end - strlen (opening[i]);
      }
}

/* A sentence of a note, at least this many characters, found as written */
#define NOTE_SENTENCE_MIN 12

static void
check_notes (GPtrArray          *findings,
             const char         *text,
             const char * const *notes)
{
  for (guint n = 0; notes != NULL && notes[n] != NULL; n++)
    {
      const char *p = notes[n];

      while (*p != '\0')
        {
          const char *start = p;
          g_autofree char *sentence = NULL;
          const char *at;

          while (*p != '\0' && !ends_sentence (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          sentence = g_strstrip (g_strndup (start, (gsize) (p - start)));
          if (*p != '\0')
            p = g_utf8_next_char (p);
          if (g_utf8_strlen (sentence, -1) < NOTE_SENTENCE_MIN)
            continue;
          at = strstr (text, sentence);
          if (at != NULL)
            add (findings, CIVIC_REPLY_FINDING_FROM_NOTE, FALSE, (gsize) (at - text),
                 (gsize) (at - text) + strlen (sentence));
        }
    }
}

/**
 * civic_reply_lint_check:
 * @kind: the kind of message replied to
 * @notes: (nullable): the message's internal notes
 *
 * Returns: (transfer full) (element-type CivicReplyFinding): what stands
 * in the way of @text going out, in the order found
 */
GPtrArray *
civic_reply_lint_check (const char          *text,
                        CivicMessageKind     kind,
                        const char * const  *notes)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded = NULL;
  const char *refusal;
  const char *word = NULL;

  {
    g_autofree char *copy = g_strdup (text != NULL ? text : "");

    if (*g_strstrip (copy) == '\0')
      {
        add (findings, CIVIC_REPLY_FINDING_EMPTY, TRUE, 0, 0);
        return findings;
      }
  }

  /* ASCII folded to lower case: the same bytes at the same places */
  folded = g_ascii_strdown (text, -1);
  refusal = find_any (folded, refusals, &word);
  if (refusal != NULL)
    {
      gsize start, end;

      sentence_around (text, (gsize) (refusal - folded), &start, &end);
      if (find_any (folded, reasons, NULL) == NULL)
        add (findings, CIVIC_REPLY_FINDING_NO_REASON, TRUE, start, end);
      if ((kind == CIVIC_MESSAGE_KIND_COMPLAINT || kind == CIVIC_MESSAGE_KIND_REPORT) &&
          find_any (folded, remedies, NULL) == NULL)
        add (findings, CIVIC_REPLY_FINDING_NO_REMEDY, TRUE, start, end);
    }
  check_blanks (findings, text);
  check_notes (findings, text, notes);
  return findings;
}

/**
 * civic_reply_lint_has_blocking:
 * @findings: (element-type CivicReplyFinding)
 */
gboolean
civic_reply_lint_has_blocking (GPtrArray *findings)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (((CivicReplyFinding *) g_ptr_array_index (findings, i))->blocking)
      return TRUE;
  return FALSE;
}

/* What is wrong, and what to do, in the user's language; a blank left
 * says which, quoting it from @text, since a template may leave several */
char *
civic_reply_finding_describe (const CivicReplyFinding *finding,
                              const char              *text)
{
  switch (finding->kind)
    {
    case CIVIC_REPLY_FINDING_NO_REASON:
      return g_strdup (_("The reply says no without saying why: give the facts and the rule it "
                         "rests on"));
    case CIVIC_REPLY_FINDING_NO_REMEDY:
      return g_strdup (_("The reply says no without the way to ask for a review: within 30 "
                         "days, to the organ one level up (Regulations on Letters and Visits, "
                         "Art. 35)"));
    case CIVIC_REPLY_FINDING_BLANK_LEFT:
      if (text != NULL && finding->end > finding->start && finding->end <= strlen (text))
        {
          g_autofree char *blank = g_strndup (text + finding->start,
                                              finding->end - finding->start);

          /* Translators: the blank as the template wrote it: "【请填写处理结果】" */
          return g_strdup_printf (_("The template’s blank “%s” is still there: fill it in or "
                                    "take it out"), blank);
        }
      return g_strdup (_("A blank of the template is still there: fill it in or take it out"));
    case CIVIC_REPLY_FINDING_FROM_NOTE:
      return g_strdup (_("This sentence is from an internal note: make sure the citizen may "
                         "read it"));
    case CIVIC_REPLY_FINDING_EMPTY:
      return g_strdup (_("The reply is empty"));
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}
