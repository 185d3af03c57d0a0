/* civic-markdown-html.h — a disclosure's Markdown as HTML for the public pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *civic_markdown_to_html   (const char   *text,
                                  gssize        length,
                                  guint         heading_offset,
                                  GError      **error);

G_END_DECLS
