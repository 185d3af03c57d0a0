/* civic-supervision-exports.h — supervision's tables and lists as CSV and XLSX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most rows a list's export holds */
#define CIVIC_SUPERVISION_EXPORT_MAX 100000

GBytes *civic_supervision_export (const char  *what,
                                  const char  *answer,
                                  const char  *format,
                                  guint       *n_rows,
                                  GError     **error);

G_END_DECLS
