/* civic-fuzz-known-bugs.c — bugs in src/ the fuzzers found, reported, not yet fixed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"
#include "civic-fuzz.h"

/* A target that meets one of these bugs would fail on it at every run,
 * and find nothing else. Each function below recognises one, so that the
 * targets let it through and keep looking. When a fix lands, delete its
 * function and the calls (and this file with the last one): the target
 * then holds the fix, and a test in tests/core should too. */

/* A double as json-glib 1.6 writes it when it has no decimal point in
 * C's "%.17g": a ".0" after the exponent, "2e+21.0", or "inf.0". */
static gboolean
has_unreadable_double (const char *text)
{
  if (strstr (text, "inf.0") != NULL)
    return TRUE;

  for (const char *p = strchr (text, 'e'); p != NULL; p = strchr (p + 1, 'e'))
    {
      const char *q = p + 1;

      if (p == text || !g_ascii_isdigit (p[-1]))
        continue;
      if (*q == '+' || *q == '-')
        q++;
      if (!g_ascii_isdigit (*q))
        continue;
      while (g_ascii_isdigit (*q))
        q++;
      if (q[0] == '.' && q[1] == '0')
        return TRUE;
    }
  return FALSE;
}

/**
 * civic_fuzz_known_bug:
 * @written: what the code under test wrote, that does not read back
 *
 * Returns: (nullable): the known bug that explains why @written does not
 * read back
 */
const char *
civic_fuzz_known_bug (const char *written)
{
  /* json-glib's writer appends ".0" to a double without a decimal point
   * in "%.17g": 2e21 becomes 2e+21.0, 1e999 (infinity) inf.0. */
  if (has_unreadable_double (written))
    return "double written as no JSON";

  return NULL;
}

