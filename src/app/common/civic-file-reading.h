/* civic-file-reading.h — a file the official chose, read to be attached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char   *name;        /* its display name */
  char   *media_type;  /* the attachable type it is sent as */
  GBytes *content;
} CivicReadFile;

void           civic_read_file_free   (CivicReadFile        *file);

void           civic_file_read_async  (GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
CivicReadFile *civic_file_read_finish (GAsyncResult         *result,
                                       GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicReadFile, civic_read_file_free)

G_END_DECLS
