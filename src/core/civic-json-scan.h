/* civic-json-scan.h — find values in JSON text without building a tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A value inside a JSON text: where it starts and how long it is. The
 * text must stay alive while the span is used. */
typedef struct
{
  const char *start;
  gsize       length;
} CivicJsonSpan;

gboolean  civic_json_span_check          (CivicJsonSpan   span,
                                          GError        **error);
gboolean  civic_json_span_elements       (CivicJsonSpan   array,
                                          GArray         *elements,
                                          GError        **error);
gboolean  civic_json_span_member         (CivicJsonSpan   object,
                                          const char     *name,
                                          CivicJsonSpan  *value,
                                          GError        **error);
gboolean  civic_json_span_members        (CivicJsonSpan        object,
                                          const char * const  *names,
                                          CivicJsonSpan       *values,
                                          GError             **error);
gboolean  civic_json_span_get_int        (CivicJsonSpan   span,
                                          gint64         *value);
gboolean  civic_json_span_get_bool       (CivicJsonSpan   span,
                                          gboolean       *value);
gboolean  civic_json_span_is_null        (CivicJsonSpan   span);
char     *civic_json_span_dup_string     (CivicJsonSpan   span);

G_END_DECLS
