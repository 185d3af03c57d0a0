/* civic-lint-finding.h — a piece of personal data found in a text buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "civic-privacy-lint.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_LINT_FINDING (civic_lint_finding_get_type ())
G_DECLARE_FINAL_TYPE (CivicLintFinding, civic_lint_finding, CIVIC, LINT_FINDING, GObject)

CivicLintFinding     *civic_lint_finding_new           (GtkTextBuffer             *buffer,
                                                        const GtkTextIter         *start,
                                                        const GtkTextIter         *end,
                                                        const CivicPrivacyFinding *finding,
                                                        const char                *key);
CivicPrivacyKind      civic_lint_finding_get_kind      (CivicLintFinding          *self);
CivicPrivacySeverity  civic_lint_finding_get_severity  (CivicLintFinding          *self);
gboolean              civic_lint_finding_get_probable  (CivicLintFinding          *self);
const char           *civic_lint_finding_get_text      (CivicLintFinding          *self);
const char           *civic_lint_finding_get_redaction (CivicLintFinding          *self);
const char           *civic_lint_finding_get_message   (CivicLintFinding          *self);
const char           *civic_lint_finding_get_key       (CivicLintFinding          *self);
GtkTextMark          *civic_lint_finding_get_start_mark (CivicLintFinding         *self);
GtkTextMark          *civic_lint_finding_get_end_mark  (CivicLintFinding          *self);
gboolean              civic_lint_finding_get_bounds    (CivicLintFinding          *self,
                                                        GtkTextIter               *start,
                                                        GtkTextIter               *end);
gboolean              civic_lint_finding_is_current    (CivicLintFinding          *self);
void                  civic_lint_finding_detach        (CivicLintFinding          *self);

G_END_DECLS
