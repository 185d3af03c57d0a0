/* civic-cache.h — everything an official may see, kept for offline work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "civic-actor.h"
#include "civic-calendar.h"
#include "civic-case.h"

G_BEGIN_DECLS

#define CIVIC_CACHE_ERROR (civic_cache_error_quark ())

typedef enum
{
  CIVIC_CACHE_ERROR_BAD_PAGE,
  CIVIC_CACHE_ERROR_NOT_FOUND,
} CivicCacheError;

#define CIVIC_CACHE_FILE  "cache.db"
#define CIVIC_OUTBOX_FILE "outbox.db"

#define CIVIC_TYPE_CACHE (civic_cache_get_type ())
G_DECLARE_FINAL_TYPE (CivicCache, civic_cache, CIVIC, CACHE, GObject)

GQuark        civic_cache_error_quark      (void);

char         *civic_cache_dir_for          (const char         *service_url,
                                            const char         *username);
CivicCache   *civic_cache_open             (const char         *dir,
                                            const CivicActor   *me,
                                            GError            **error);
const char   *civic_cache_get_dir          (CivicCache         *self);
const char   *civic_cache_get_damaged_path (CivicCache         *self);
const CivicActor *civic_cache_get_me       (CivicCache         *self);
void          civic_cache_set_me           (CivicCache         *self,
                                            const CivicActor   *me);

/* The sync side: any one thread at a time */
gint64        civic_cache_get_cursor       (CivicCache         *self);
gboolean      civic_cache_apply_page       (CivicCache         *self,
                                            GBytes             *page,
                                            gint64             *next,
                                            gboolean           *more,
                                            GPtrArray          *pending_ids,
                                            guint              *n_changes,
                                            GError            **error);
gboolean      civic_cache_store_entity     (CivicCache         *self,
                                            const char         *type,
                                            const char         *id,
                                            gint64              rev,
                                            gint64              seq,
                                            const char         *data,
                                            GError            **error);
gboolean      civic_cache_reset            (CivicCache         *self,
                                            GError            **error);
gboolean      civic_cache_set_local_case   (CivicCache         *self,
                                            const char         *id,
                                            CivicCase          *kase,
                                            CivicCalendar      *calendar,
                                            GError            **error);
GStrv         civic_cache_dup_local_ids    (CivicCache         *self);
CivicCase    *civic_cache_load_server_case (CivicCache         *self,
                                            const char         *id,
                                            GError            **error);
char         *civic_cache_dup_meta         (CivicCache         *self,
                                            const char         *key);
gboolean      civic_cache_set_meta         (CivicCache         *self,
                                            const char         *key,
                                            const char         *value,
                                            GError            **error);

/* The reading side, for the user interface: the main thread */
CivicCase    *civic_cache_load_case        (CivicCache         *self,
                                            const char         *id,
                                            GError            **error);
CivicActor   *civic_cache_lookup_official  (const char         *id,
                                           gboolean           *disabled,
                                           gpointer            user_data);
JsonNode     *civic_cache_load_entity      (CivicCache         *self,
                                            const char         *type,
                                            const char         *id,
                                            GError            **error);
GPtrArray    *civic_cache_load_entities    (CivicCache         *self,
                                            const char         *type,
                                            GError            **error);
CivicCalendar *civic_cache_load_calendar   (CivicCache         *self,
                                            GError            **error);

G_END_DECLS
