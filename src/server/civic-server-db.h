/* civic-server-db.h — the service's database: entities, the change feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-actor.h"
#include "civic-keyring.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_SERVER_DB_FILE "civicdesk.db"
#define CIVIC_SERVER_CONF_FILE "civicdesk.conf"

/* One row of the change feed. */
typedef struct
{
  gint64  seq;
  char   *type;
  char   *id;
  gint64  rev;
  gboolean deleted;
  char   *data;    /* the entity's JSON text, as sent */
} CivicEntityRow;

void            civic_entity_row_free        (CivicEntityRow  *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicEntityRow, civic_entity_row_free)

CivicDb        *civic_server_db_open         (const char      *data_dir,
                                              GError         **error);
CivicDb        *civic_server_db_open_reader  (const char      *data_dir,
                                              const char      *uri,
                                              GError         **error);
char           *civic_server_db_path         (const char      *data_dir);
gboolean        civic_server_db_location     (const char      *data_dir,
                                              char           **uri,
                                              GError         **error);
gboolean        civic_server_db_holds_service (const char     *data_dir,
                                              gboolean        *holds,
                                              GError         **error);
guint           civic_server_db_schema_version (void);
CivicKeyring   *civic_server_db_get_keyring  (CivicDb *db);

gint64          civic_server_db_next_seq     (CivicDb         *db,
                                              GError         **error);
gint64          civic_server_db_current_seq  (CivicDb         *db,
                                              GError         **error);
char           *civic_server_db_get_meta     (CivicDb         *db,
                                              const char      *key);
gboolean        civic_server_db_set_meta     (CivicDb         *db,
                                              const char      *key,
                                              const char      *value,
                                              GError         **error);

gint64          civic_server_db_put_entity   (CivicDb             *db,
                                              const char          *type,
                                              const char          *id,
                                              gint64               rev,
                                              JsonNode            *data,
                                              const char * const  *scope,
                                              GError             **error);
gint64          civic_server_db_put_entity_text (CivicDb          *db,
                                              const char          *type,
                                              const char          *id,
                                              gint64               rev,
                                              const char          *data,
                                              const char * const  *scope,
                                              GError             **error);
gint64          civic_server_db_delete_entity (CivicDb            *db,
                                              const char          *type,
                                              const char          *id,
                                              gint64               rev,
                                              GError             **error);
CivicEntityRow *civic_server_db_get_entity   (CivicDb         *db,
                                              const char      *type,
                                              const char      *id,
                                              GError         **error);
gboolean        civic_server_db_set_exclusions (CivicDb             *db,
                                                const char          *type,
                                                const char          *id,
                                                const char          *department,
                                                const char          *user,
                                                GError             **error);
gboolean        civic_server_db_is_excluded    (CivicDb             *db,
                                                const char          *type,
                                                const char          *id,
                                                const char          *user,
                                                const char          *department,
                                                gboolean            *excluded,
                                                GError             **error);
char           *civic_server_db_seal_json    (CivicDb             *db,
                                              JsonNode            *node,
                                              GError             **error);
JsonNode       *civic_server_db_unseal_json  (CivicDb             *db,
                                              const char          *sealed,
                                              GError             **error);
GStrv           civic_server_db_get_scope    (CivicDb         *db,
                                              const char      *type,
                                              const char      *id,
                                              GError         **error);
gboolean        civic_server_db_actor_sees   (CivicDb             *db,
                                              const CivicActor    *actor,
                                              const char          *type,
                                              const char          *id,
                                              gboolean            *sees,
                                              GError             **error);
JsonNode       *civic_server_db_get_entity_json (CivicDb      *db,
                                              const char      *type,
                                              const char      *id,
                                              GError         **error);

G_END_DECLS
