/* civic-attachment-blobs.h — the bytes of every attached file, sealed, once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-sqlite.h"

G_BEGIN_DECLS

gboolean  civic_attachment_blobs_has (CivicSqlite  *db,
                                      const char   *sha256,
                                      gboolean     *has,
                                      GError      **error);
gboolean  civic_attachment_blobs_put (CivicSqlite  *db,
                                      const char   *sha256,
                                      GBytes       *content,
                                      const char   *at,
                                      GError      **error);
GBytes   *civic_attachment_blobs_get (CivicSqlite  *db,
                                      const char   *sha256,
                                      GError      **error);
char     *civic_attachment_content_disposition (const char *name,
                                                const char *media_type);

G_END_DECLS
