/* civic-http-guard.h — one connection's requests, bounded before libsoup reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a request's body may be, by its request line */
typedef enum
{
  CIVIC_HTTP_BODY_PLAIN,        /* up to max_body */
  CIVIC_HTTP_BODY_UPLOAD,       /* an official's file: max_upload, with an Authorization */
  CIVIC_HTTP_BODY_PUBLIC_FORM,  /* a citizen's message with its files: max_public_form */
} CivicHttpBodyKind;

typedef struct
{
  gsize  max_head;         /* request line and headers, in bytes */
  gsize  max_body;         /* what Content-Length may say */
  guint  request_seconds;  /* from a request's first byte to its body's last */
  guint  idle_seconds;     /* waiting for the first byte of a request */
  /* A file uploaded is larger than any other body: a request whose
   * request line @body_kind (nullable) calls an upload may say up to
   * @max_upload when it says who sends it, a citizen's form with files
   * up to @max_public_form whoever sends it */
  gsize    max_upload;
  gsize    max_public_form;
  CivicHttpBodyKind (*body_kind) (const char *request_line,
                                  gsize       length);
  /* The bytes of uploads all connections may hold at once, from the head
   * to the answer; more is refused with 503. Citizens' forms may hold
   * half of it, so that a crowd of them never keeps officials' files out */
  gsize    max_uploads_held;
} CivicHttpLimits;

/* The JSON body of a refusal the guard answers by itself, in the
 * language the request asked for (its Accept-Language, or NULL);
 * @max_body is the bound that applied to the request. */
typedef char *(*CivicHttpRefusalFunc) (guint       status,
                                       gsize       max_body,
                                       const char *accept_language,
                                       gpointer    user_data);

#define CIVIC_TYPE_HTTP_GUARD (civic_http_guard_get_type ())
G_DECLARE_FINAL_TYPE (CivicHttpGuard, civic_http_guard, CIVIC, HTTP_GUARD, GIOStream)

CivicHttpGuard *civic_http_guard_new            (GIOStream              *base,
                                                 GSocket                *socket,
                                                 const CivicHttpLimits  *limits,
                                                 CivicHttpRefusalFunc    refusal,
                                                 gpointer                refusal_data);
void            civic_http_guard_refuse         (CivicHttpGuard         *self,
                                                 guint                   status);
void            civic_http_guard_check_deadline (CivicHttpGuard         *self,
                                                 gint64                  now);
gboolean        civic_http_guard_is_finished    (CivicHttpGuard         *self);
guint64         civic_http_guard_get_requests   (CivicHttpGuard         *self);

G_END_DECLS
