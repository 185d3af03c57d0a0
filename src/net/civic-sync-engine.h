/* civic-sync-engine.h — pull, push, and the official's work in between
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "civic-api-client.h"
#include "civic-cache.h"
#include "civic-disclosure-kind.h"
#include "civic-disclosure-request-kind.h"
#include "civic-entity.h"
#include "civic-hearing-kind.h"
#include "civic-message-kind.h"
#include "civic-outbox.h"
#include "civic-workflow.h"

G_BEGIN_DECLS

typedef enum
{
  CIVIC_SYNC_STATE_IDLE,
  CIVIC_SYNC_STATE_SYNCING,
  CIVIC_SYNC_STATE_OFFLINE,
  CIVIC_SYNC_STATE_ERROR,
} CivicSyncState;

#define CIVIC_TYPE_SYNC_ENGINE (civic_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (CivicSyncEngine, civic_sync_engine, CIVIC, SYNC_ENGINE, GObject)

CivicSyncEngine *civic_sync_engine_new           (CivicApiClient      *client,
                                                  CivicCache          *cache,
                                                  CivicOutbox         *outbox);
CivicApiClient  *civic_sync_engine_get_client    (CivicSyncEngine     *self);
CivicCache      *civic_sync_engine_get_cache     (CivicSyncEngine     *self);
CivicOutbox     *civic_sync_engine_get_outbox    (CivicSyncEngine     *self);
CivicCalendar   *civic_sync_engine_get_calendar  (CivicSyncEngine     *self);

CivicSyncState   civic_sync_engine_get_state     (CivicSyncEngine     *self);
double           civic_sync_engine_get_progress  (CivicSyncEngine     *self);
guint            civic_sync_engine_get_pending   (CivicSyncEngine     *self);
guint            civic_sync_engine_get_conflicts (CivicSyncEngine     *self);
GDateTime       *civic_sync_engine_get_last_success (CivicSyncEngine  *self);
const char      *civic_sync_engine_get_error_message (CivicSyncEngine *self);
gboolean         civic_sync_engine_get_needs_sign_in (CivicSyncEngine *self);
guint            civic_sync_engine_get_interval  (CivicSyncEngine     *self);
void             civic_sync_engine_set_interval  (CivicSyncEngine     *self,
                                                  guint                seconds);

void             civic_sync_engine_start         (CivicSyncEngine     *self);
void             civic_sync_engine_stop          (CivicSyncEngine     *self);
void             civic_sync_engine_sync_now      (CivicSyncEngine     *self);
void             civic_sync_engine_sync_async    (CivicSyncEngine     *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean         civic_sync_engine_sync_finish   (CivicSyncEngine     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void             civic_sync_engine_read_record_async  (CivicSyncEngine     *self,
                                                       const char          *type,
                                                       const char          *id,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         civic_sync_engine_read_record_finish (CivicSyncEngine     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Actions on a record of any kind (civic-entity.h) */
gboolean         civic_sync_engine_check_action  (CivicSyncEngine       *self,
                                                  const CivicEntityKind *kind,
                                                  const char            *id,
                                                  guint                  action,
                                                  GError               **error);
GArray          *civic_sync_engine_list_record_actions (CivicSyncEngine *self,
                                                  const CivicEntityKind *kind,
                                                  GObject               *record);
GObject         *civic_sync_engine_try_action    (CivicSyncEngine       *self,
                                                  const CivicEntityKind *kind,
                                                  const char            *id,
                                                  guint                  action,
                                                  JsonObject            *args,
                                                  GError               **error);
char            *civic_sync_engine_perform_action (CivicSyncEngine      *self,
                                                  const CivicEntityKind *kind,
                                                  const char            *id,
                                                  guint                  action,
                                                  JsonObject            *args,
                                                  GError               **error);
char            *civic_sync_engine_attach_file_with (CivicSyncEngine    *self,
                                                  const CivicEntityKind *kind,
                                                  const char            *collection,
                                                  const char            *id,
                                                  guint                  action,
                                                  JsonObject            *more,
                                                  const char            *name,
                                                  const char            *media_type,
                                                  GBytes                *content,
                                                  GError               **error);
char            *civic_sync_engine_attach_file   (CivicSyncEngine       *self,
                                                  const CivicEntityKind *kind,
                                                  const char            *collection,
                                                  const char            *id,
                                                  guint                  action,
                                                  const char            *name,
                                                  const char            *media_type,
                                                  GBytes                *content,
                                                  GError               **error);

/* The case's front door (civic-sync-engine-cases.c) */
gboolean         civic_sync_engine_check         (CivicSyncEngine     *self,
                                                  const char          *case_id,
                                                  CivicAction          action,
                                                  GError             **error);
GArray          *civic_sync_engine_list_actions  (CivicSyncEngine     *self,
                                                  CivicCase           *kase);
CivicCase       *civic_sync_engine_try           (CivicSyncEngine     *self,
                                                  const char          *case_id,
                                                  CivicAction          action,
                                                  JsonObject          *args,
                                                  GError             **error);
char            *civic_sync_engine_perform       (CivicSyncEngine     *self,
                                                  const char          *case_id,
                                                  CivicAction          action,
                                                  JsonObject          *args,
                                                  GError             **error);

/* The hearing's front door (civic-sync-engine-hearings.c) */
GPtrArray       *civic_sync_engine_list_hearings (CivicSyncEngine     *self,
                                                  GError             **error);
CivicHearing    *civic_sync_engine_load_hearing  (CivicSyncEngine     *self,
                                                  const char          *hearing_id,
                                                  GError             **error);
char            *civic_sync_engine_perform_hearing (CivicSyncEngine   *self,
                                                  const char          *hearing_id,
                                                  CivicHearingAction   action,
                                                  JsonObject          *args,
                                                  GError             **error);

/* The disclosure's front door (civic-sync-engine-disclosures.c) */
GPtrArray       *civic_sync_engine_list_disclosures (CivicSyncEngine  *self,
                                                  GError             **error);
CivicDisclosure *civic_sync_engine_load_disclosure (CivicSyncEngine   *self,
                                                  const char          *disclosure_id,
                                                  GError             **error);
char            *civic_sync_engine_perform_disclosure (CivicSyncEngine *self,
                                                  const char          *disclosure_id,
                                                  CivicDisclosureAction action,
                                                  JsonObject          *args,
                                                  GError             **error);
CivicDisclosurePolicy *civic_sync_engine_load_disclosure_policy (CivicSyncEngine *self);
char            *civic_sync_engine_attach_disclosure_file (CivicSyncEngine *self,
                                                  const char          *disclosure_id,
                                                  const char          *name,
                                                  const char          *media_type,
                                                  GBytes              *content,
                                                  const char          *replacing,
                                                  GError             **error);
gboolean         civic_sync_engine_disclosure_file_is_waiting (CivicSyncEngine *self,
                                                  const char          *disclosure_id,
                                                  const char          *sha256);

/* The disclosure request's front door (civic-sync-engine-disclosure-requests.c) */
GPtrArray       *civic_sync_engine_list_disclosure_requests (CivicSyncEngine *self,
                                                  GError             **error);
CivicDisclosureRequest *
                 civic_sync_engine_load_disclosure_request (CivicSyncEngine *self,
                                                  const char          *request_id,
                                                  GError             **error);
char            *civic_sync_engine_perform_disclosure_request (CivicSyncEngine *self,
                                                  const char          *request_id,
                                                  CivicDisclosureRequestAction action,
                                                  JsonObject          *args,
                                                  GError             **error);

/* The citizen's message's front door (civic-sync-engine-messages.c) */
GPtrArray       *civic_sync_engine_list_messages (CivicSyncEngine     *self,
                                                  GError             **error);
CivicMessage    *civic_sync_engine_load_message  (CivicSyncEngine     *self,
                                                  const char          *message_id,
                                                  GError             **error);
char            *civic_sync_engine_perform_message (CivicSyncEngine   *self,
                                                  const char          *message_id,
                                                  CivicMessageAction   action,
                                                  JsonObject          *args,
                                                  GError             **error);
char            *civic_sync_engine_attach_message_file (CivicSyncEngine *self,
                                                  const char          *message_id,
                                                  const char          *name,
                                                  const char          *media_type,
                                                  GBytes              *content,
                                                  GError             **error);
gboolean         civic_sync_engine_message_file_is_waiting (CivicSyncEngine *self,
                                                  const char          *message_id,
                                                  const char          *sha256);

gboolean         civic_sync_engine_withdraw       (CivicSyncEngine  *self,
                                                   const char       *command_id,
                                                   GError          **error);
gboolean         civic_sync_engine_discard_conflict (CivicSyncEngine  *self,
                                                  const char          *command_id,
                                                  GError             **error);
char            *civic_sync_engine_retry_conflict (CivicSyncEngine    *self,
                                                  const char          *command_id,
                                                  JsonObject          *args,
                                                  GError             **error);
gboolean         civic_sync_engine_rebase_all    (CivicSyncEngine     *self,
                                                  GError             **error);

G_END_DECLS
