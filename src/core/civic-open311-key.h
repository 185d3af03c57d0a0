/* civic-open311-key.h — the key an Open311 client files citizens' messages with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-day.h"
#include "civic-entity.h"

G_BEGIN_DECLS

/* A program that files citizens' messages through Open311 (a city's app,
 * the 12345 hotline's system) does so with a key: named for whom it is,
 * made and shown once by the administrator's client, kept by the service
 * only as its SHA-256, and revoked when that program should file no more. */

#define CIVIC_TYPE_OPEN311_KEY (civic_open311_key_get_type ())
G_DECLARE_FINAL_TYPE (CivicOpen311Key, civic_open311_key, CIVIC, OPEN311_KEY, GObject)

typedef enum
{
  CIVIC_OPEN311_KEY_ACTION_ADD,     /*< nick=add-open311-key >*/
  CIVIC_OPEN311_KEY_ACTION_REVOKE,  /*< nick=revoke-open311-key >*/
} CivicOpen311KeyAction;

#define CIVIC_N_OPEN311_KEY_ACTIONS (CIVIC_OPEN311_KEY_ACTION_REVOKE + 1)

extern const CivicEntityKind civic_open311_key_kind;

CivicOpen311Key *civic_open311_key_new           (const char      *id);
CivicOpen311Key *civic_open311_key_new_from_json (JsonNode        *node,
                                                  GError         **error);
JsonNode   *civic_open311_key_to_json        (CivicOpen311Key *self);

const char *civic_open311_key_get_id         (CivicOpen311Key *self);
gint64      civic_open311_key_get_rev        (CivicOpen311Key *self);
void        civic_open311_key_set_rev        (CivicOpen311Key *self,
                                              gint64           rev);
const char *civic_open311_key_get_name       (CivicOpen311Key *self);
CivicDay    civic_open311_key_get_created_on (CivicOpen311Key *self);
gboolean    civic_open311_key_get_revoked    (CivicOpen311Key *self);
CivicDay    civic_open311_key_get_revoked_on (CivicOpen311Key *self);
const char *civic_open311_key_get_revoked_reason (CivicOpen311Key *self);
/* The hash an action just set, for the service to store: never in JSON */
const char *civic_open311_key_get_key_hash   (CivicOpen311Key *self);
/* What the service fills in from its table */
void        civic_open311_key_set_fields     (CivicOpen311Key *self,
                                              const char      *name,
                                              CivicDay         created_on,
                                              CivicDay         revoked_on,
                                              const char      *revoked_reason);
gboolean    civic_open311_key_hash_is_valid  (const char      *hash);

G_END_DECLS
