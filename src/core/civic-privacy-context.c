/* civic-privacy-context.c — what the words around make personal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-privacy-lint"

#include "config.h"

#include <string.h>

#include "civic-privacy-mask.h"
#include "civic-privacy-private.h"

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

void
civic_scan_context (Scan *scan)
{
}
