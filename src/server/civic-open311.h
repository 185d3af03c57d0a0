/* civic-open311.h — Open311 GeoReport v2: the hall's services, requests in, their status out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-calendar.h"
#include "civic-message.h"
#include "civic-rate-limit.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_OPEN311_ERROR (civic_open311_error_quark ())

typedef enum
{
  CIVIC_OPEN311_ERROR_INVALID,
  CIVIC_OPEN311_ERROR_NOT_FOUND,
} CivicOpen311Error;

GQuark    civic_open311_error_quark        (void);

/* The service catalogue and the keys (civicdesk-server open311) */
gboolean  civic_open311_import_services    (CivicDb       *db,
                                            JsonNode      *catalogue,
                                            guint         *n_services,
                                            GError       **error);
JsonNode *civic_open311_list_services      (CivicDb       *db,
                                            GError       **error);
gint64    civic_open311_catalogue_version  (CivicDb *db);
char     *civic_open311_add_key            (CivicDb       *db,
                                            const char    *name,
                                            GDateTime     *now,
                                            char         **id,
                                            GError       **error);
gboolean  civic_open311_revoke_key         (CivicDb       *db,
                                            const char    *id,
                                            GDateTime     *now,
                                            GError       **error);
JsonNode *civic_open311_list_keys          (CivicDb       *db,
                                            GError       **error);

/* The public table the message's save writes */
gboolean  civic_open311_put_request        (CivicDb       *db,
                                            CivicMessage  *message,
                                            const char    *due_on,
                                            const char    *status_notes,
                                            GError       **error);

/* The HTTP side: @segments are the path's after /open311/v2 */
typedef struct
{
  guint       status;
  char       *body;
  const char *content_type;
  gint64      retry_after;   /* seconds, with a 429 */
} CivicOpen311Answer;

void      civic_open311_answer_clear       (CivicOpen311Answer *answer);
gboolean  civic_open311_handle             (CivicDb             *db,
                                            CivicCalendar       *calendar,
                                            GDateTime           *now,
                                            const char          *method,
                                            const char * const  *segments,
                                            GHashTable          *query,
                                            GBytes              *body,
                                            const char          *address,
                                            const CivicRate     *key_rate,
                                            CivicOpen311Answer  *answer,
                                            GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CivicOpen311Answer, civic_open311_answer_clear)

G_END_DECLS
