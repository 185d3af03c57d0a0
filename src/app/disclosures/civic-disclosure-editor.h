/* civic-disclosure-editor.h — one disclosure: its text, its findings, its metadata
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-disclosure-kind.h"
#include "civic-attachments-pane.h"
#include "civic-lint-highlighter.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

/* How long typing must pause before the text is kept on this computer */
#define CIVIC_DISCLOSURE_EDITOR_AUTOSAVE_MS 1000

#define CIVIC_TYPE_DISCLOSURE_EDITOR (civic_disclosure_editor_get_type ())
G_DECLARE_FINAL_TYPE (CivicDisclosureEditor, civic_disclosure_editor,
                      CIVIC, DISCLOSURE_EDITOR, GtkBox)

GtkWidget            *civic_disclosure_editor_new             (void);
void                  civic_disclosure_editor_set_engine      (CivicDisclosureEditor  *self,
                                                               CivicSyncEngine        *engine);
void                  civic_disclosure_editor_show_disclosure (CivicDisclosureEditor  *self,
                                                               const char             *disclosure_id);
const char           *civic_disclosure_editor_get_disclosure_id (CivicDisclosureEditor *self);
CivicDisclosure      *civic_disclosure_editor_get_disclosure  (CivicDisclosureEditor  *self);
void                  civic_disclosure_editor_reload          (CivicDisclosureEditor  *self);
gboolean              civic_disclosure_editor_save            (CivicDisclosureEditor  *self,
                                                               GError                **error);
void                  civic_disclosure_editor_start_action    (CivicDisclosureEditor  *self,
                                                               CivicDisclosureAction   action,
                                                               JsonObject             *args);
gboolean              civic_disclosure_editor_get_editable    (CivicDisclosureEditor  *self);

GtkTextBuffer        *civic_disclosure_editor_get_buffer      (CivicDisclosureEditor  *self);
CivicLintHighlighter *civic_disclosure_editor_get_highlighter (CivicDisclosureEditor  *self);
GtkListBox           *civic_disclosure_editor_get_findings_list (CivicDisclosureEditor *self);
GtkStack             *civic_disclosure_editor_get_views       (CivicDisclosureEditor  *self);
CivicAttachmentsPane *civic_disclosure_editor_get_attachments (CivicDisclosureEditor  *self);
void                  civic_disclosure_editor_redact          (CivicDisclosureEditor  *self,
                                                               CivicLintFinding       *finding);

char                 *civic_disclosure_draft_key              (const char             *disclosure_id);

G_END_DECLS
