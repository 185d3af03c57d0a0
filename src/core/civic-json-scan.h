/* civic-json-scan.h — find values in JSON text without building a tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CivicJsonToken CivicJsonToken;

/* A value inside a JSON text: where it starts and how long it is. The
 * text must stay alive while the span is used. A span found through a
 * CivicJsonIndex also points at the value's token there, and the spans
 * found inside it are read from the index, not from the text again. */
typedef struct
{
  const char           *start;
  gsize                 length;
  const CivicJsonToken *token;
} CivicJsonSpan;

typedef struct _CivicJsonIndex CivicJsonIndex;

CivicJsonIndex *civic_json_index_new      (CivicJsonSpan    text,
                                           GError         **error);
CivicJsonSpan   civic_json_index_get_root (CivicJsonIndex  *self);
void            civic_json_index_free     (CivicJsonIndex  *self);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicJsonIndex, civic_json_index_free)

G_END_DECLS
