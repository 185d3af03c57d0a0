/* civic-disclosure-gate.c — nothing personal is published unless a reviewer says why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-gate.h"
#include "civic-disclosure-private.h"
#include "civic-json.h"
#include "civic-workflow.h"

/* OGI Arts. 15, 17 and 37 and PIPL Art. 25: before a disclosure is
 * approved, scheduled or published, every finding of the lint that blocks
 * is either gone from the text (a redaction, which is an edit) or
 * acknowledged by a reviewer with a ground and a reason. The rules check
 * it on the findings the record carries, which the last save computed;
 * the service lints the exact text again before it publishes. */

/**
 * civic_disclosure_finding_key:
 *
 * A finding's key outlives the edits around it: the disclosure, the kind,
 * and the finding's letters and digits folded (full-width to ASCII, case
 * and separators ignored), hashed, so that "138 0013 8000" and
 * "13800138000" are one finding and the key tells nothing of the value.
 *
 * Returns: (transfer full): 64 hex digits
 */
char *
civic_disclosure_finding_key (const char                *disclosure_id,
                              const CivicPrivacyFinding *finding)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *kind = civic_enum_to_nick (CIVIC_TYPE_PRIVACY_KIND, finding->kind);

  g_return_val_if_fail (disclosure_id != NULL && finding != NULL && finding->text != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) disclosure_id, strlen (disclosure_id) + 1);
  g_checksum_update (checksum, (const guchar *) kind, strlen (kind) + 1);
  for (const char *p = finding->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buffer[6];
      int n;

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      if (!g_unichar_isalnum (c))
        continue;
      c = g_unichar_tolower (c);
      n = g_unichar_to_utf8 (c, buffer);
      g_checksum_update (checksum, (const guchar *) buffer, n);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * civic_disclosure_new_lint:
 *
 * The lint for this disclosure: the names an editor marked as personal,
 * the organ's published contacts let through, its way of masking
 */
CivicPrivacyLint *
civic_disclosure_new_lint (CivicDisclosure             *disclosure,
                           const CivicDisclosurePolicy *policy)
{
  CivicPrivacyLint *lint = civic_privacy_lint_new ();

  if (policy == NULL)
    policy = civic_disclosure_policy_get_default ();
  civic_privacy_lint_set_redaction (lint, policy->redaction);
  civic_privacy_lint_set_names (lint, (const char * const *) disclosure->personal_names);
  if (policy->allowed_numbers != NULL)
    civic_privacy_lint_set_allowed_numbers (lint,
                                            (const char * const *) policy->allowed_numbers);
  return lint;
}

/**
 * civic_disclosure_lint:
 *
 * Returns: (transfer container) (element-type CivicPrivacyFinding)
 */
GPtrArray *
civic_disclosure_lint (CivicDisclosure             *disclosure,
                       const char                  *text,
                       const CivicDisclosurePolicy *policy)
{
  g_autoptr(CivicPrivacyLint) lint = civic_disclosure_new_lint (disclosure, policy);

  return civic_privacy_lint_scan (lint, text, -1);
}

static guint
line_of (const char *text,
         gsize       byte)
{
  guint line = 1;

  for (gsize i = 0; i < byte && text[i] != '\0'; i++)
    if (text[i] == '\n')
      line++;
  return line;
}

/**
 * civic_disclosure_set_findings:
 * @privacy_findings: (element-type CivicPrivacyFinding): of the body
 *
 * Keeps what the gate needs of each finding of the body: its key, kind,
 * severity and line, never its text
 */
void
civic_disclosure_set_findings (CivicDisclosure *disclosure,
                               GPtrArray       *privacy_findings)
{
  g_return_if_fail (CIVIC_IS_DISCLOSURE (disclosure));

  g_ptr_array_set_size (disclosure->findings, 0);
  for (guint i = 0; i < privacy_findings->len; i++)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (privacy_findings, i);
      CivicDisclosureFinding *kept = g_new0 (CivicDisclosureFinding, 1);

      kept->key = civic_disclosure_finding_key (disclosure->id, finding);
      kept->kind = finding->kind;
      kept->severity = finding->severity;
      kept->line = line_of (disclosure->body, finding->byte_start);
      g_ptr_array_add (disclosure->findings, kept);
    }
}

/**
 * civic_disclosure_check_attachment:
 * @pages: (nullable) (array zero-terminated=1): the attachment's text, a
 *   page each, or %NULL when it could not be read
 *
 * Lints an attachment's text as the body is linted, with the same names
 * and guide, and keeps its findings with their page: what the gate then
 * holds the disclosure for. A file without text raises one finding, an
 * unchecked attachment, that blocks until a reviewer acknowledges it;
 * its key is that of the file's bytes, so a replaced file is looked at
 * anew.
 *
 * Returns: %FALSE when the disclosure has no attachment @sha256
 */
gboolean
civic_disclosure_check_attachment (CivicDisclosure             *disclosure,
                                   const char                  *sha256,
                                   const char * const          *pages,
                                   const CivicDisclosurePolicy *policy)
{
  CivicDisclosureAttachment *attachment = NULL;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE (disclosure), FALSE);

  for (guint i = 0; i < disclosure->attachments->len && attachment == NULL; i++)
    if (g_strcmp0 (((CivicDisclosureAttachment *) g_ptr_array_index (disclosure->attachments,
                                                                      i))->sha256, sha256) == 0)
      attachment = g_ptr_array_index (disclosure->attachments, i);
  if (attachment == NULL)
    return FALSE;

  g_ptr_array_set_size (attachment->findings, 0);
  attachment->checked = pages != NULL;
  if (pages == NULL)
    {
      CivicPrivacyFinding unread = { .kind = CIVIC_PRIVACY_KIND_UNCHECKED_ATTACHMENT,
                                     .severity = CIVIC_PRIVACY_SEVERITY_BLOCK,
                                     .text = (char *) sha256 };
      CivicDisclosureFinding *kept = g_new0 (CivicDisclosureFinding, 1);

      kept->key = civic_disclosure_finding_key (disclosure->id, &unread);
      kept->kind = unread.kind;
      kept->severity = unread.severity;
      g_ptr_array_add (attachment->findings, kept);
      return TRUE;
    }

  {
    g_autoptr(CivicPrivacyLint) lint = civic_disclosure_new_lint (disclosure, policy);

    for (guint page = 0; pages[page] != NULL; page++)
      {
        g_autoptr(GPtrArray) findings = civic_privacy_lint_scan (lint, pages[page], -1);

        for (guint i = 0; i < findings->len; i++)
          {
            const CivicPrivacyFinding *finding = g_ptr_array_index (findings, i);
            CivicDisclosureFinding *kept = g_new0 (CivicDisclosureFinding, 1);

            kept->key = civic_disclosure_finding_key (disclosure->id, finding);
            kept->kind = finding->kind;
            kept->severity = finding->severity;
            kept->line = line_of (pages[page], finding->byte_start);
            kept->page = page + 1;
            g_ptr_array_add (attachment->findings, kept);
          }
      }
  }
  return TRUE;
}

/**
 * civic_disclosure_find_finding:
 *
 * Returns: (transfer none) (nullable): the finding of the body or of an
 * attachment with this key
 */
const CivicDisclosureFinding *
civic_disclosure_find_finding (CivicDisclosure *disclosure,
                               const char      *key)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE (disclosure), NULL);

  for (guint i = 0; i < disclosure->findings->len; i++)
    {
      const CivicDisclosureFinding *finding = g_ptr_array_index (disclosure->findings, i);

      if (g_strcmp0 (finding->key, key) == 0)
        return finding;
    }
  for (guint a = 0; a < disclosure->attachments->len; a++)
    {
      const CivicDisclosureAttachment *attachment = g_ptr_array_index (disclosure->attachments, a);

      for (guint i = 0; i < attachment->findings->len; i++)
        {
          const CivicDisclosureFinding *finding = g_ptr_array_index (attachment->findings, i);

          if (g_strcmp0 (finding->key, key) == 0)
            return finding;
        }
    }
  return NULL;
}

gboolean
civic_disclosure_is_acknowledged (CivicDisclosure *disclosure,
                                  const char      *key)
{
  for (guint i = 0; i < disclosure->acknowledgements->len; i++)
    {
      const CivicDisclosureAcknowledgement *a = g_ptr_array_index (disclosure->acknowledgements, i);

      if (g_strcmp0 (a->key, key) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_blocking (CivicDisclosure *disclosure,
              GPtrArray       *findings,
              GPtrArray       *blocking,
              GPtrArray       *where,
              gpointer         attachment)
{
  for (guint i = 0; i < findings->len; i++)
    {
      CivicDisclosureFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == CIVIC_PRIVACY_SEVERITY_BLOCK &&
          !civic_disclosure_is_acknowledged (disclosure, finding->key))
        {
          g_ptr_array_add (blocking, finding);
          if (where != NULL)
            g_ptr_array_add (where, attachment);
        }
    }
}

/* The blocking findings of the body, then of each attachment; @where
 * says, for each, its attachment or %NULL */
static GPtrArray *
gate_blocking (CivicDisclosure *disclosure,
               GPtrArray       *where)
{
  GPtrArray *blocking = g_ptr_array_new ();

  add_blocking (disclosure, disclosure->findings, blocking, where, NULL);
  for (guint a = 0; a < disclosure->attachments->len; a++)
    {
      CivicDisclosureAttachment *attachment = g_ptr_array_index (disclosure->attachments, a);

      add_blocking (disclosure, attachment->findings, blocking, where, attachment);
    }
  return blocking;
}

/**
 * civic_disclosure_gate_blocking:
 *
 * Returns: (transfer container) (element-type CivicDisclosureFinding): the
 * findings of the body and of the attachments that block publishing and
 * no reviewer acknowledged
 */
GPtrArray *
civic_disclosure_gate_blocking (CivicDisclosure *disclosure)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE (disclosure), g_ptr_array_new ());

  return gate_blocking (disclosure, NULL);
}

/**
 * civic_disclosure_gate_check:
 *
 * Refuses with CIVIC_WORKFLOW_ERROR_RULE while a finding blocks: "2
 * findings block publishing: Resident ID number (line 12), Mobile number
 * (line 40)"
 */
gboolean
civic_disclosure_gate_check (CivicDisclosure  *disclosure,
                             GError          **error)
{
  g_autoptr(GPtrArray) where = g_ptr_array_new ();
  g_autoptr(GPtrArray) blocking = gate_blocking (disclosure, where);
  g_autoptr(GString) list = NULL;

  if (blocking->len == 0)
    return TRUE;

  list = g_string_new (NULL);
  for (guint i = 0; i < blocking->len && i < 5; i++)
    {
      const CivicDisclosureFinding *finding = g_ptr_array_index (blocking, i);
      const CivicDisclosureAttachment *attachment = g_ptr_array_index (where, i);
      const char *label = civic_privacy_kind_get_label (finding->kind);

      if (i > 0)
        /* Translators: separates findings, "Resident ID number (line 12), Mobile number (line 40)" */
        g_string_append (list, _(", "));
      if (attachment == NULL)
        /* Translators: a finding and where it is, "Mobile number (line 40)" */
        g_string_append_printf (list, _("%s (line %u)"), label, finding->line);
      else if (finding->page == 0)
        /* Translators: a finding and the attached file it is about,
         * "Unchecked attachment (“scan.png”)" */
        g_string_append_printf (list, _("%s (“%s”)"), label, attachment->name);
      else
        /* Translators: a finding, the attached file and its page,
         * "Resident ID number (“名单.pdf”, page 2)" */
        g_string_append_printf (list, _("%s (“%s”, page %u)"), label, attachment->name,
                                finding->page);
    }
  if (blocking->len > 5)
    g_string_append (list, _(", …"));

  g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE,
               civic_ngettext ("%u finding blocks publishing: %s. Redact it, or a reviewer "
                               "acknowledges it with a ground (OGI Arts. 15, 17)",
                               "%u findings block publishing: %s. Redact them, or a reviewer "
                               "acknowledges each with a ground (OGI Arts. 15, 17)",
                               blocking->len),
               blocking->len, list->str);
  return FALSE;
}
