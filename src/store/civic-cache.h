/* civic-cache.h — everything an official may see, kept for offline work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "civic-actor.h"
#include "civic-calendar.h"
#include "civic-case.h"
#include "civic-entity.h"
#include "civic-json-scan.h"

G_BEGIN_DECLS

#define CIVIC_CACHE_ERROR (civic_cache_error_quark ())

typedef enum
{
  CIVIC_CACHE_ERROR_BAD_PAGE,
  CIVIC_CACHE_ERROR_NOT_FOUND,
} CivicCacheError;

#define CIVIC_CACHE_FILE  "cache.db"
#define CIVIC_OUTBOX_FILE "outbox.db"

/* A record of some kind (civic-entity.h), by its id */
typedef struct
{
  char *type;
  char *id;
} CivicRecordKey;

CivicRecordKey *civic_record_key_new  (const char     *type,
                                       const char     *id);
void            civic_record_key_free (CivicRecordKey *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicRecordKey, civic_record_key_free)

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
                                            GPtrArray          *pending,
                                            guint              *n_changes,
                                            GError            **error);
CivicJsonIndex *civic_cache_index_page     (GBytes             *page);
gboolean      civic_cache_apply_indexed_page (CivicCache       *self,
                                            CivicJsonIndex     *index,
                                            gint64             *next,
                                            gboolean           *more,
                                            GPtrArray          *pending,
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
gboolean      civic_cache_set_local        (CivicCache         *self,
                                            const CivicEntityKind *kind,
                                            const char         *id,
                                            GObject            *record,
                                            CivicCalendar      *calendar,
                                            GError            **error);
GPtrArray    *civic_cache_dup_local        (CivicCache         *self);
GObject      *civic_cache_load_server_record (CivicCache       *self,
                                            const CivicEntityKind *kind,
                                            const char         *id,
                                            GError            **error);
char         *civic_cache_dup_meta         (CivicCache         *self,
                                            const char         *key);
gboolean      civic_cache_set_meta         (CivicCache         *self,
                                            const char         *key,
                                            const char         *value,
                                            GError            **error);

/* The reading side, for the user interface: the main thread */
GObject      *civic_cache_load_record      (CivicCache         *self,
                                            const CivicEntityKind *kind,
                                            const char         *id,
                                            GError            **error);
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
/* The records of a kind as a view last read them, to read again only
 * those that changed (civic_cache_refresh_records()) */
typedef struct _CivicRecordSet CivicRecordSet;

CivicRecordSet *civic_record_set_new       (void);
void          civic_record_set_free        (CivicRecordSet     *set);
GPtrArray    *civic_record_set_get_records (CivicRecordSet     *set);
gboolean      civic_cache_refresh_records  (CivicCache         *self,
                                            const CivicEntityKind *kind,
                                            CivicRecordSet     *set,
                                            guint              *n_read,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicRecordSet, civic_record_set_free)

GPtrArray    *civic_cache_load_records     (CivicCache         *self,
                                           const CivicEntityKind *kind,
                                           GError            **error);
GPtrArray    *civic_cache_load_entities    (CivicCache         *self,
                                            const char         *type,
                                            GError            **error);
GPtrArray    *civic_cache_load_entities_mentioning (CivicCache *self,
                                            const char         *type,
                                            const char         *text,
                                            GError            **error);
CivicCalendar *civic_cache_load_calendar   (CivicCache         *self,
                                            GError            **error);

G_END_DECLS
