/* civic-query.h — reading a request's query string
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CIVIC_QUERY_ERROR (civic_query_error_quark ())

typedef enum
{
  CIVIC_QUERY_ERROR_INVALID,
} CivicQueryError;

GQuark    civic_query_error_quark (void);

gboolean  civic_query_check       (const char   *raw_query,
                                   GError      **error);
GHashTable *civic_query_decode_form (const char *body,
                                   gsize         length,
                                   GError      **error);
gboolean  civic_query_get_int     (GHashTable   *query,
                                   const char   *name,
                                   gint64        fallback,
                                   gint64        min,
                                   gint64        max,
                                   gint64       *out,
                                   GError      **error);

G_END_DECLS
