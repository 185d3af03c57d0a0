/* civic-document-render.h — a formal document, laid out and rendered to PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "civic-document.h"

G_BEGIN_DECLS

/* The page of GB/T 9704-2012 §5.2.1 and §5.2.2, in millimetres: A4, the
 * text area 156 × 225 mm, 37 mm from the top and 28 mm from the binding
 * edge; 22 lines of 28 characters of 3号 (16 pt) 仿宋 */
#define CIVIC_PAGE_WIDTH_MM        210.0
#define CIVIC_PAGE_HEIGHT_MM       297.0
#define CIVIC_MARGIN_TOP_MM        37.0
#define CIVIC_MARGIN_LEFT_MM       28.0
#define CIVIC_TEXT_WIDTH_MM        156.0
#define CIVIC_TEXT_HEIGHT_MM       225.0
#define CIVIC_LINES_PER_PAGE       22
#define CIVIC_CHARS_PER_LINE       28

/* The faces a document is set in, the closest free ones Debian ships */
#define CIVIC_FACE_SERIF  "Noto Serif CJK SC"   /* 宋体, 仿宋, 小标宋 */
#define CIVIC_FACE_SANS   "Noto Sans CJK SC"    /* 黑体 */
#define CIVIC_FACE_KAI    "AR PL UKai CN"       /* 楷体 */

gboolean  civic_document_check_fonts (GError                  **error);
GBytes   *civic_document_render_pdf  (const CivicDocumentText  *text,
                                      guint                    *n_pages,
                                      GError                  **error);

G_END_DECLS
