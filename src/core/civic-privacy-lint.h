/* civic-privacy-lint.h — finds personal data in a text before it is published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CIVIC_PRIVACY_ERROR (civic_privacy_error_quark ())

typedef enum
{
  CIVIC_PRIVACY_ERROR_SPAN,     /* a finding does not match the text it is applied to */
  CIVIC_PRIVACY_ERROR_OVERLAP,  /* two findings claim the same characters */
} CivicPrivacyError;

typedef enum
{
  CIVIC_PRIVACY_KIND_RESIDENT_ID,  /* 18-character 公民身份号码, GB 11643-1999 */
  CIVIC_PRIVACY_KIND_LEGACY_ID,    /* 15-digit number of GB 11643-1989 */
  CIVIC_PRIVACY_KIND_MOBILE,
  CIVIC_PRIVACY_KIND_FIXED_LINE,
  CIVIC_PRIVACY_KIND_BANK_CARD,
  CIVIC_PRIVACY_KIND_EMAIL,
  CIVIC_PRIVACY_KIND_CREDIT_CODE,  /* 统一社会信用代码, GB 32100-2015 */
  CIVIC_PRIVACY_KIND_PERSON_NAME,  /* a name the caller knows from the case */
  CIVIC_PRIVACY_KIND_CERTIFICATE,  /* a passport, travel permit or other certificate's number */
  CIVIC_PRIVACY_KIND_BIRTH_DATE,   /* a person's date of birth */
  CIVIC_PRIVACY_KIND_HOME_ADDRESS, /* a person's address, down to the building or room */
  /* Not found in a text but raised for a file whose text could not be
   * read (a scan, an image, a damaged PDF): nobody has checked it */
  CIVIC_PRIVACY_KIND_UNCHECKED_ATTACHMENT,
} CivicPrivacyKind;

/* BLOCK stops publication until it is redacted; WARN and INFO ask the
 * reviewer to look (OGI Art. 17 pre-publication review). */
typedef enum
{
  CIVIC_PRIVACY_SEVERITY_INFO,
  CIVIC_PRIVACY_SEVERITY_WARN,
  CIVIC_PRIVACY_SEVERITY_BLOCK,
} CivicPrivacySeverity;

/* No national rule says how many digits may stay visible, so hiding
 * everything is the default and partial masking is a choice of the agency.
 *
 * FULL: every digit and letter of a number becomes "*" (or "＊" where the
 * author typed a full-width character), separators and a "+86" country
 * code stay; a name or an e-mail address becomes "***", whatever its
 * length, since the length of a name is itself a hint.
 *
 * PARTIAL: the customary masks — ID "430103********1234", 15-digit ID
 * "430103******123", mobile "138****5678", fixed line "0731-****1234"
 * (an extension is hidden), bank card "6222********7890", credit code
 * "91350100**********", e-mail "zh***@example.com", name "张**",
 * passport "E******78", birth date "1985年**月**日".
 *
 * A home address keeps its road either way and loses its numbers:
 * "麓山南路**号*栋*单元***室". */
typedef enum
{
  CIVIC_PRIVACY_REDACTION_FULL,
  CIVIC_PRIVACY_REDACTION_PARTIAL,
} CivicPrivacyRedaction;

/* Offsets are half-open, [start, end), in bytes of the UTF-8 text and in
 * characters (Unicode code points, as GtkTextBuffer counts them). The
 * message follows from kind, severity and probable; it is not read back
 * from JSON but explained again in the reader's language. */
typedef struct
{
  CivicPrivacyKind      kind;
  CivicPrivacySeverity  severity;
  /* The text has the shape of its kind but the check character does not
   * match: a mistyped ID number or a code issued with a bad checksum. */
  gboolean              probable;
  gsize                 byte_start;
  gsize                 byte_end;
  gsize                 char_start;
  gsize                 char_end;
  char                 *text;       /* as written in the document */
  char                 *redaction;  /* what to put in its place */
  const char           *message;    /* translated; why it matters, with the article */
} CivicPrivacyFinding;

#define CIVIC_TYPE_PRIVACY_FINDING (civic_privacy_finding_get_type ())

GType                 civic_privacy_finding_get_type      (void) G_GNUC_CONST;
CivicPrivacyFinding  *civic_privacy_finding_copy          (const CivicPrivacyFinding *finding);
void                  civic_privacy_finding_free          (CivicPrivacyFinding       *finding);
JsonNode             *civic_privacy_finding_to_json       (const CivicPrivacyFinding *finding);
CivicPrivacyFinding  *civic_privacy_finding_new_from_json (JsonNode                  *node,
                                                           GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicPrivacyFinding, civic_privacy_finding_free)

#define CIVIC_TYPE_PRIVACY_LINT (civic_privacy_lint_get_type ())
G_DECLARE_FINAL_TYPE (CivicPrivacyLint, civic_privacy_lint, CIVIC, PRIVACY_LINT, GObject)

GQuark                civic_privacy_error_quark           (void);

CivicPrivacyLint     *civic_privacy_lint_new              (void);

CivicPrivacyRedaction civic_privacy_lint_get_redaction    (CivicPrivacyLint          *self);
void                  civic_privacy_lint_set_redaction    (CivicPrivacyLint          *self,
                                                           CivicPrivacyRedaction      redaction);
const char * const   *civic_privacy_lint_get_names        (CivicPrivacyLint          *self);
void                  civic_privacy_lint_set_names        (CivicPrivacyLint          *self,
                                                           const char * const        *names);
const char * const   *civic_privacy_lint_get_allowed_numbers (CivicPrivacyLint       *self);
void                  civic_privacy_lint_set_allowed_numbers (CivicPrivacyLint       *self,
                                                           const char * const        *numbers);

GPtrArray            *civic_privacy_lint_scan             (CivicPrivacyLint          *self,
                                                           const char                *text,
                                                           gssize                     length);

gboolean              civic_privacy_has_blocking          (GPtrArray                 *findings);
char                 *civic_privacy_redact                (const char                *text,
                                                           gssize                     length,
                                                           GPtrArray                 *findings,
                                                           CivicPrivacySeverity       min_severity,
                                                           GError                   **error);

JsonNode             *civic_privacy_findings_to_json      (GPtrArray                 *findings);
GPtrArray            *civic_privacy_findings_new_from_json (JsonNode                 *node,
                                                           GError                   **error);

const char           *civic_privacy_kind_get_label        (CivicPrivacyKind           kind);

const char           *civic_privacy_severity_get_label    (CivicPrivacySeverity       severity);

G_END_DECLS
