/* civic-json.h — strict readers and writers for the wire format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-day.h"

G_BEGIN_DECLS

#define CIVIC_JSON_ERROR (civic_json_error_quark ())

typedef enum
{
  CIVIC_JSON_ERROR_SYNTAX,
  CIVIC_JSON_ERROR_MISSING,
  CIVIC_JSON_ERROR_TYPE,
  CIVIC_JSON_ERROR_VALUE,
  CIVIC_JSON_ERROR_LIMIT,
} CivicJsonError;

/* Bounds on every JSON text either program parses (see
 * civic_json_check_bounds()). The service's request bodies are bounded
 * far tighter, at 1 MiB, before they are read; a feed page holds at most
 * a few hundred entities. The deepest record (a case's timeline event's
 * arguments' list) nests 5 levels. */
#define CIVIC_JSON_MAX_SIZE  (64 * 1024 * 1024)
#define CIVIC_JSON_MAX_DEPTH 64

GQuark      civic_json_error_quark   (void);

gboolean    civic_json_check_bounds  (const char   *data,
                                      gsize         length,
                                      GError      **error);
JsonNode   *civic_json_parse         (const char   *data,
                                      gssize        length,
                                      GError      **error);
JsonObject *civic_json_parse_object  (const char   *data,
                                      gssize        length,
                                      GError      **error);
char       *civic_json_to_string     (JsonNode     *node,
                                      gboolean      pretty);
JsonNode   *civic_json_deep_copy     (JsonNode     *node);

gboolean    civic_json_get_string    (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      const char  **out,
                                      GError      **error);
gboolean    civic_json_get_text      (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      const char  **out,
                                      GError      **error);
gboolean    civic_json_get_int       (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      gint64        min,
                                      gint64        max,
                                      gint64       *out,
                                      GError      **error);
gboolean    civic_json_get_bool      (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      gboolean     *out,
                                      GError      **error);
gboolean    civic_json_get_day       (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      CivicDay     *out,
                                      GError      **error);
gboolean    civic_json_get_instant   (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      GDateTime   **out,
                                      GError      **error);
gboolean    civic_json_get_enum      (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      GType         enum_type,
                                      int          *out,
                                      GError      **error);
gboolean    civic_json_get_strv      (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      GStrv        *out,
                                      GError      **error);
gboolean    civic_json_get_object    (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      JsonObject  **out,
                                      GError      **error);
gboolean    civic_json_get_array     (JsonObject   *object,
                                      const char   *member,
                                      gboolean      required,
                                      JsonArray   **out,
                                      GError      **error);

const char *civic_json_lookup_string (JsonObject   *object,
                                      const char   *member,
                                      const char   *fallback);
gint64      civic_json_lookup_int    (JsonObject   *object,
                                      const char   *member,
                                      gint64        fallback);
JsonObject *civic_json_lookup_object (JsonObject   *object,
                                      const char   *member);
JsonObject *civic_json_array_lookup_object (JsonArray *array,
                                      guint         index);

const char *civic_enum_to_nick       (GType         enum_type,
                                      int           value);
gboolean    civic_enum_from_nick     (GType         enum_type,
                                      const char   *nick,
                                      int          *value);

void        civic_json_set_day       (JsonBuilder  *builder,
                                      const char   *member,
                                      CivicDay      day);
void        civic_json_set_instant   (JsonBuilder  *builder,
                                      const char   *member,
                                      GDateTime    *instant);
void        civic_json_set_string    (JsonBuilder  *builder,
                                      const char   *member,
                                      const char   *value);
void        civic_json_set_enum      (JsonBuilder  *builder,
                                      const char   *member,
                                      GType         enum_type,
                                      int           value);
void        civic_json_set_strv      (JsonBuilder  *builder,
                                      const char   *member,
                                      const char * const *values);
void        civic_json_set_int       (JsonBuilder  *builder,
                                      const char   *member,
                                      gint64        value);
void        civic_json_set_bool      (JsonBuilder  *builder,
                                      const char   *member,
                                      gboolean      value);

G_END_DECLS
