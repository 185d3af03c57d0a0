/* civic-template.h — a document's text with the record's words put in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CIVIC_TEMPLATE_ERROR (civic_template_error_quark ())

typedef enum
{
  CIVIC_TEMPLATE_ERROR_MALFORMED,             /* "{{" not closed, or not a name inside */
  CIVIC_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,   /* a name the document kind does not know */
  CIVIC_TEMPLATE_ERROR_MISSING_VALUE,         /* a name the record gives no value for */
} CivicTemplateError;

GQuark   civic_template_error_quark        (void);
char   **civic_template_list_placeholders  (const char          *text,
                                            GError             **error);
char    *civic_template_fill               (const char          *text,
                                            const char * const  *known,
                                            GHashTable          *values,
                                            GError             **error);

G_END_DECLS
