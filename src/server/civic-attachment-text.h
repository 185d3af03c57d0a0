/* civic-attachment-text.h — the text of an attached file, read where a hostile file can do no harm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CIVIC_ATTACHMENT_TEXT_ERROR (civic_attachment_text_error_quark ())

typedef enum
{
  CIVIC_ATTACHMENT_TEXT_ERROR_NO_TEXT,     /* a kind of file without text we read, or a scan */
  CIVIC_ATTACHMENT_TEXT_ERROR_UNREADABLE,  /* damaged, encrypted, not the type it claims */
  CIVIC_ATTACHMENT_TEXT_ERROR_FAILED,      /* the reader crashed, ran out of time or memory */
} CivicAttachmentTextError;

/* What the child may use before the kernel stops it (docs/plans/disclosure.md,
 * decision 8) */
#define CIVIC_ATTACHMENT_TEXT_CPU_SECONDS 10
#define CIVIC_ATTACHMENT_TEXT_MEMORY_MIB  512
/* Wall-clock, for a child that sleeps rather than computes: three times
 * its CPU time (30 s) */
#define CIVIC_ATTACHMENT_TEXT_WAIT_FACTOR 3
/* What the child may write: more is garbage */
#define CIVIC_ATTACHMENT_TEXT_MAX_OUTPUT (64 * 1024 * 1024)

GQuark     civic_attachment_text_error_quark     (void);

gboolean   civic_attachment_text_has_reader     (const char          *media_type);

GStrv      civic_attachment_text_extract        (const guint8        *data,
                                                 gsize                length,
                                                 const char          *media_type,
                                                 GError             **error);

char      *civic_attachment_text_pages_to_json  (const char * const  *pages);
GStrv      civic_attachment_text_pages_from_json (const char         *json,
                                                 gsize                length,
                                                 GError             **error);

void       civic_attachment_text_limit_self     (guint                cpu_seconds,
                                                 guint                memory_mib);
int        civic_attachment_text_child_main     (const char          *media_type,
                                                 guint                cpu_seconds,
                                                 guint                memory_mib);

GStrv      civic_attachment_text_read           (GBytes              *bytes,
                                                 const char          *media_type,
                                                 GError             **error);

G_END_DECLS
