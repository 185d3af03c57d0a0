/* civic-markdown-preview.h — a disclosure's Markdown as it will read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How long typing must pause before the preview follows */
#define CIVIC_MARKDOWN_PREVIEW_DELAY_MS 300

#define CIVIC_TYPE_MARKDOWN_PREVIEW (civic_markdown_preview_get_type ())
G_DECLARE_FINAL_TYPE (CivicMarkdownPreview, civic_markdown_preview,
                      CIVIC, MARKDOWN_PREVIEW, GtkWidget)

GtkWidget   *civic_markdown_preview_new               (void);
void         civic_markdown_preview_set_markdown      (CivicMarkdownPreview *self,
                                                       const char           *markdown);
void         civic_markdown_preview_set_markdown_now  (CivicMarkdownPreview *self,
                                                       const char           *markdown);
const char  *civic_markdown_preview_get_markdown      (CivicMarkdownPreview *self);
GtkTextView *civic_markdown_preview_get_text_view     (CivicMarkdownPreview *self);

G_END_DECLS
