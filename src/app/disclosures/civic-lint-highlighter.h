/* civic-lint-highlighter.h — personal data underlined while it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "civic-lint-finding.h"
#include "civic-privacy-lint.h"

G_BEGIN_DECLS

/* A paragraph longer than this is rescanned only around the edit */
#define CIVIC_LINT_HIGHLIGHTER_LONG_PARAGRAPH 8000
/* and this far on either side of it, cut at a clause's end */
#define CIVIC_LINT_HIGHLIGHTER_WINDOW         2000

#define CIVIC_TYPE_LINT_HIGHLIGHTER (civic_lint_highlighter_get_type ())
G_DECLARE_FINAL_TYPE (CivicLintHighlighter, civic_lint_highlighter,
                      CIVIC, LINT_HIGHLIGHTER, GObject)

CivicLintHighlighter *civic_lint_highlighter_new             (GtkTextBuffer        *buffer);
GtkTextBuffer        *civic_lint_highlighter_get_buffer      (CivicLintHighlighter *self);

void                  civic_lint_highlighter_configure       (CivicLintHighlighter *self,
                                                              CivicPrivacyLint     *lint);
void                  civic_lint_highlighter_set_names       (CivicLintHighlighter *self,
                                                              const char * const   *names);
void                  civic_lint_highlighter_set_allowed_numbers (CivicLintHighlighter *self,
                                                              const char * const   *numbers);
void                  civic_lint_highlighter_set_redaction   (CivicLintHighlighter *self,
                                                              CivicPrivacyRedaction redaction);
CivicPrivacyRedaction civic_lint_highlighter_get_redaction   (CivicLintHighlighter *self);
void                  civic_lint_highlighter_set_disclosure_id (CivicLintHighlighter *self,
                                                              const char           *disclosure_id);
const char           *civic_lint_highlighter_get_disclosure_id (CivicLintHighlighter *self);

GListModel           *civic_lint_highlighter_get_findings    (CivicLintHighlighter *self);
guint                 civic_lint_highlighter_get_n_blocking  (CivicLintHighlighter *self);
gboolean              civic_lint_highlighter_is_busy         (CivicLintHighlighter *self);

gboolean              civic_lint_highlighter_redact          (CivicLintHighlighter *self,
                                                              CivicLintFinding     *finding);
guint                 civic_lint_highlighter_redact_all_of_kind (CivicLintHighlighter *self,
                                                              CivicPrivacyKind      kind);
CivicLintFinding     *civic_lint_highlighter_next_finding    (CivicLintHighlighter *self,
                                                              GtkTextIter          *from,
                                                              gboolean              backwards);

G_END_DECLS
