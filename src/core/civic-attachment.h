/* civic-attachment.h — what a file attached to a record may be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A disclosure's files and the files a citizen sends with a message are
 * named, typed and bounded alike. */
#define CIVIC_ATTACHMENT_MAX_SIZE (20 * 1024 * 1024)

gboolean            civic_attachment_name_is_valid            (const char *name);
gboolean            civic_attachment_sha256_is_valid          (const char *sha256);
gboolean            civic_attachment_media_type_is_valid      (const char *media_type);
gboolean            civic_attachment_media_type_is_attachable (const char *media_type);
const char * const *civic_attachment_get_attachable_types     (void);
const char         *civic_attachment_media_type_for           (const char *guess,
                                                               const char *name);
char               *civic_attachment_name_for_type            (const char *name,
                                                               const char *media_type);
const char         *civic_attachment_media_type_of_name       (const char *name);
const char         *civic_attachment_media_type_get_label     (const char *media_type);

G_END_DECLS
