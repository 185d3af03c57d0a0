/* civic-markdown-private.h — what the preview's model and the public HTML share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <md4c.h>

#include "civic-markdown.h"

G_BEGIN_DECLS

/* Raw HTML is text, not markup: a draft must not put a <script> or an
 * <iframe> on a public page. Bare URLs are not links (no permissive
 * autolinks): "www.example.com" in an official's text stays text, as it
 * was written. */
#define CIVIC_MARKDOWN_PARSER_FLAGS (MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH)

char     *civic_markdown_prepare_input      (const char          *text,
                                             gssize               length,
                                             MD_SIZE             *size,
                                             GError             **error);
gboolean  civic_markdown_size_is_bogus      (gsize                size,
                                             MD_SIZE              input_size);
void      civic_markdown_append_entity      (GString             *out,
                                             const char          *entity,
                                             gsize                size);
gboolean  civic_markdown_append_attribute   (GString             *out,
                                             const MD_ATTRIBUTE  *attribute,
                                             MD_SIZE              input_size);
void      civic_markdown_append_replacement (GString             *out);

G_END_DECLS
