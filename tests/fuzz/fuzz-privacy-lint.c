/* fuzz-privacy-lint.c — any text an official may publish, through the privacy lint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"
#include "civic-fuzz.h"

/* The lint reads every document before it is published, as the official
 * types, and the service checks applicants' ID and phone numbers with it.
 * The input is the text, after optional lines "name 张三" (a person the
 * case knows) and "allow 0731-12345678" (a number the agency publishes on
 * purpose), as the .expected files of tests/data/privacy begin. Only UTF-8
 * reaches the lint (GtkTextBuffer and the JSON readers see to it), so
 * other bytes are not an input. Beyond not crashing, the findings must be
 * what civic-privacy-lint.h promises: in text order, none overlapping,
 * their offsets naming exactly their text; applying them must work, and
 * work the same after a trip through JSON. */

static const char *
read_header (const char *text,
             GPtrArray  *names,
             GPtrArray  *numbers)
{
  for (;;)
    {
      const char *end = strchr (text, '\n');
      GPtrArray *list;
      gsize skip;

      if (g_str_has_prefix (text, "name "))
        list = names, skip = 5;
      else if (g_str_has_prefix (text, "allow "))
        list = numbers, skip = 6;
      else
        return text;

      if (end == NULL)
        end = text + strlen (text);
      g_ptr_array_add (list, g_strndup (text + skip, end - text - skip));
      text = *end == '\n' ? end + 1 : end;
    }
}

static void
check_findings (const char *text,
                GPtrArray  *findings)
{
  gsize length = strlen (text);
  gsize previous_end = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (findings, i);

      civic_fuzz_assert (finding->byte_start >= previous_end);
      civic_fuzz_assert (finding->byte_start < finding->byte_end && finding->byte_end <= length);
      civic_fuzz_assert (finding->text != NULL && finding->redaction != NULL);
      civic_fuzz_assert (strlen (finding->text) == finding->byte_end - finding->byte_start);
      civic_fuzz_assert (memcmp (finding->text, text + finding->byte_start,
                                 finding->byte_end - finding->byte_start) == 0);
      civic_fuzz_assert (finding->char_start ==
                         (gsize) g_utf8_pointer_to_offset (text, text + finding->byte_start));
      civic_fuzz_assert (finding->char_end ==
                         (gsize) g_utf8_pointer_to_offset (text, text + finding->byte_end));
      civic_fuzz_assert (g_utf8_validate (finding->redaction, -1, NULL));
      civic_fuzz_assert (finding->message != NULL);
      previous_end = finding->byte_end;
    }
}

static void
check_redaction (const char *text,
                 GPtrArray  *findings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = civic_privacy_findings_to_json (findings);
  g_autoptr(JsonNode) node_again = NULL;
  g_autoptr(GPtrArray) read_back = NULL;
  g_autofree char *redacted = NULL;
  g_autofree char *redacted_again = NULL;
  g_autofree char *json = civic_json_to_string (node, FALSE);

  redacted = civic_privacy_redact (text, -1, findings, CIVIC_PRIVACY_SEVERITY_INFO, &error);
  if (redacted == NULL)
    g_printerr ("The lint's own findings do not apply: %s\n", error->message);
  civic_fuzz_assert (redacted != NULL);
  civic_fuzz_assert (g_utf8_validate (redacted, -1, NULL));

  /* As a client sends them and the service reads them. */
  node_again = civic_json_parse (json, -1, &error);
  civic_fuzz_assert (node_again != NULL);
  read_back = civic_privacy_findings_new_from_json (node_again, &error);
  if (read_back == NULL)
    g_printerr ("The findings %s do not read back: %s\n", json, error->message);
  civic_fuzz_assert (read_back != NULL && read_back->len == findings->len);

  redacted_again = civic_privacy_redact (text, -1, read_back, CIVIC_PRIVACY_SEVERITY_INFO, &error);
  civic_fuzz_assert (redacted_again != NULL && g_str_equal (redacted, redacted_again));

  g_free (civic_privacy_redact (text, -1, findings, CIVIC_PRIVACY_SEVERITY_BLOCK, NULL));
  civic_privacy_has_blocking (findings);
}

static void
check_masks (const char *text)
{
  g_autofree char *name = civic_privacy_mask_name (text);
  g_autofree char *id_number = civic_privacy_mask_id_number (text);
  g_autofree char *phone = civic_privacy_mask_phone (text);
  g_autofree char *address = civic_privacy_mask_address (text);
  g_autofree char *email = civic_privacy_mask_email (text);

  civic_fuzz_assert (name == NULL || g_utf8_validate (name, -1, NULL));
  civic_fuzz_assert (id_number == NULL || g_utf8_validate (id_number, -1, NULL));
  civic_fuzz_assert (phone == NULL || g_utf8_validate (phone, -1, NULL));
  civic_fuzz_assert (address == NULL || g_utf8_validate (address, -1, NULL));
  civic_fuzz_assert (email == NULL || g_utf8_validate (email, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CivicPrivacyLint) lint = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *input = NULL;
  const char *text;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  /* The ID-number checkers read exactly 17 characters of anything. */
  if (size >= 17)
    {
      civic_fuzz_assert (strchr ("0123456789X",
                                 civic_privacy_resident_id_check_char ((const char *) data)));
      civic_fuzz_assert (strchr ("0123456789ABCDEFGHJKLMNPQRTUWXY",
                                 civic_privacy_credit_code_check_char ((const char *) data)));
    }

  if (memchr (data, '\0', size) != NULL || !g_utf8_validate ((const char *) data, size, NULL))
    return 0;
  input = g_strndup ((const char *) data, size);

  text = read_header (input, names, numbers);
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (numbers, NULL);

  lint = civic_privacy_lint_new ();
  civic_privacy_lint_set_names (lint, (const char * const *) names->pdata);
  civic_privacy_lint_set_allowed_numbers (lint, (const char * const *) numbers->pdata);

  for (int redaction = CIVIC_PRIVACY_REDACTION_FULL;
       redaction <= CIVIC_PRIVACY_REDACTION_PARTIAL; redaction++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      civic_privacy_lint_set_redaction (lint, redaction);
      findings = civic_privacy_lint_scan (lint, text, -1);
      civic_fuzz_assert (findings != NULL);
      check_findings (text, findings);
      check_redaction (text, findings);
    }

  check_masks (text);
  return 0;
}
