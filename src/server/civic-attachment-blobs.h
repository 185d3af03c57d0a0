/* civic-attachment-blobs.h — the bytes of every attached file, sealed, once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-db.h"

G_BEGIN_DECLS

/* Why the service refuses a file, whatever record it is for */
#define CIVIC_FILE_ERROR (civic_file_error_quark ())

typedef enum
{
  CIVIC_FILE_ERROR_NOT_FOUND,   /* no such record or file, or not the actor's */
  CIVIC_FILE_ERROR_FORBIDDEN,   /* a role that does not do this */
  CIVIC_FILE_ERROR_STATE,       /* the record takes no file now */
  CIVIC_FILE_ERROR_INVALID,     /* the name, the size, too many */
  CIVIC_FILE_ERROR_MEDIA_TYPE,  /* a type not taken */
} CivicFileError;

GQuark    civic_file_error_quark     (void);

gboolean  civic_attachment_blobs_check (const char *name,
                                        const char *media_type,
                                        gsize       size,
                                        GError    **error);
gboolean  civic_attachment_blobs_has (CivicDb      *db,
                                      const char   *sha256,
                                      gboolean     *has,
                                      GError      **error);
gboolean  civic_attachment_blobs_put (CivicDb      *db,
                                      const char   *sha256,
                                      GBytes       *content,
                                      const char   *at,
                                      GError      **error);
GBytes   *civic_attachment_blobs_get (CivicDb      *db,
                                      const char   *sha256,
                                      GError      **error);
char     *civic_attachment_content_disposition (const char *name,
                                                const char *media_type);

G_END_DECLS
