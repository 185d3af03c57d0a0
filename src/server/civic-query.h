/* civic-query.h — reading a request's query string
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define CIVIC_QUERY_ERROR (civic_query_error_quark ())

typedef enum
{
  CIVIC_QUERY_ERROR_INVALID,
} CivicQueryError;

/* The most parts a multipart form may have, its files among them */
#define CIVIC_QUERY_MAX_FORM_PARTS 32

/* A file a form sent (multipart/form-data) */
typedef struct
{
  char   *name;         /* as the sender's computer named it */
  char   *media_type;
  GBytes *content;
} CivicFormFile;

GQuark    civic_query_error_quark (void);

CivicFormFile *civic_form_file_new  (const char    *name,
                                     const char    *media_type,
                                     GBytes        *content);
void      civic_form_file_free    (CivicFormFile  *file);

gboolean  civic_query_check       (const char   *raw_query,
                                   GError      **error);
GHashTable *civic_query_decode_form (const char *body,
                                   gsize         length,
                                   GError      **error);
GHashTable *civic_query_decode_multipart (const char *boundary,
                                   GBytes       *body,
                                   GPtrArray   **files,
                                   GError      **error);
gboolean  civic_query_get_int     (GHashTable   *query,
                                   const char   *name,
                                   gint64        fallback,
                                   gint64        min,
                                   gint64        max,
                                   gint64       *out,
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicFormFile, civic_form_file_free)

const char *civic_query_lookup      (GHashTable *query,
                                     const char *name);
char     *civic_query_like_pattern   (const char *q);

/* How a public search finds its words, in SQL */
typedef struct
{
  gboolean            trigram_index;  /* PostgreSQL's pg_trgm, not SQLite's fts5 */
  const char         *fts;            /* SQLite: "<alias>.rowid IN (… MATCH ?)" */
  const char         *text;           /* PostgreSQL: the indexed expression */
  const char * const *like;           /* the columns short words are looked for in */
} CivicTextSearch;

void      civic_query_append_text_search (GString               *sql,
                                          GPtrArray             *values,
                                          const char            *q,
                                          const CivicTextSearch *search);

G_END_DECLS
