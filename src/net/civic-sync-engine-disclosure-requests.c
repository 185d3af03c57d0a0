/* civic-sync-engine-disclosure-requests.c — the sync engine's front door for disclosure requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sync-engine"

#include "config.h"

#include "civic-disclosure-request-kind.h"
#include "civic-sync-engine.h"

/* What the Disclosures section's requests call, in the request's own
 * types: the engine's actions on a record of any kind
 * (civic-sync-engine.c), for the request's kind. The feed carries each
 * request with its applicant masked, so the offline copy never holds an
 * applicant's name or numbers whole. */

/**
 * civic_sync_engine_list_disclosure_requests:
 *
 * Returns: (transfer full) (element-type CivicDisclosureRequest): the
 * organ's requests for information as the official sees them, those
 * registered offline included. An organ receives a few hundred a year;
 * they are read whole.
 */
GPtrArray *
civic_sync_engine_list_disclosure_requests (CivicSyncEngine  *self,
                                            GError          **error)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);

  return civic_cache_load_records (civic_sync_engine_get_cache (self),
                                   &civic_disclosure_request_kind, error);
}

/**
 * civic_sync_engine_load_disclosure_request:
 *
 * Returns: (transfer full) (nullable): the request as the official sees
 * it, their own version while commands wait to be sent
 */
CivicDisclosureRequest *
civic_sync_engine_load_disclosure_request (CivicSyncEngine  *self,
                                           const char       *request_id,
                                           GError          **error)
{
  GObject *record;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (request_id != NULL, NULL);

  record = civic_cache_load_record (civic_sync_engine_get_cache (self),
                                    &civic_disclosure_request_kind, request_id, error);
  return record != NULL ? CIVIC_DISCLOSURE_REQUEST (record) : NULL;
}

/**
 * civic_sync_engine_perform_disclosure_request:
 * @args: (nullable): the action's arguments
 *
 * Takes an official's action on a request: at once in the offline copy,
 * tentatively until the service takes it. register-disclosure-request on
 * a new id makes the request there, so that one received at the counter
 * while the network is down is born in the outbox.
 *
 * Returns: (transfer full) (nullable): the command's id
 */
char *
civic_sync_engine_perform_disclosure_request (CivicSyncEngine               *self,
                                              const char                    *request_id,
                                              CivicDisclosureRequestAction   action,
                                              JsonObject                    *args,
                                              GError                       **error)
{
  return civic_sync_engine_perform_action (self, &civic_disclosure_request_kind, request_id,
                                           action, args, error);
}
