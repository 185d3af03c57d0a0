/* civic-outbox.h — the official's work not yet accepted by the service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64   seq;
  char    *id;
  char    *type;
  char    *target;
  gboolean has_base_rev;
  gint64   base_rev;
  char    *args;           /* a JSON object, as the official's action gave it */
  char    *created_at;
  int      attempts;
  gint64   next_attempt_at;  /* monotonic-free: wall-clock seconds */
  char    *last_error;
  gboolean offered;          /* handed to a request once: it may have reached the service */
  char    *on_behalf_of;     /* (nullable): the official it was taken for (civic-delegation.h) */
} CivicOutboxCommand;

/* A command the service refused, kept until the official resolves it. */
typedef struct
{
  CivicOutboxCommand *command;
  char               *reason_code;
  char               *reason_message;
  char               *entity;     /* the case as the service has it, JSON */
  char               *at;
} CivicConflict;

/* A file a command carries, sent before it (civic_outbox_add_file()) */
typedef struct
{
  char   *command_id;
  char   *sha256;
  char   *target;
  char   *path;
  char   *media_type;
  GBytes *content;
} CivicOutboxFile;

#define CIVIC_OUTBOX_ERROR (civic_outbox_error_quark ())

/* Why a command cannot be taken back */
typedef enum
{
  CIVIC_OUTBOX_ERROR_NOT_FOUND,  /* answered already, or never made */
  CIVIC_OUTBOX_ERROR_OFFERED,    /* it may have reached the service */
  CIVIC_OUTBOX_ERROR_NOT_LAST,   /* a later one on its record was checked against it */
} CivicOutboxError;

GQuark              civic_outbox_error_quark  (void);
void                civic_outbox_command_free (CivicOutboxCommand *command);
char               *civic_outbox_command_to_json (const CivicOutboxCommand *command);
void                civic_conflict_free       (CivicConflict      *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicOutboxCommand, civic_outbox_command_free)
void                civic_outbox_file_free    (CivicOutboxFile    *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicConflict, civic_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicOutboxFile, civic_outbox_file_free)

#define CIVIC_TYPE_OUTBOX (civic_outbox_get_type ())
G_DECLARE_FINAL_TYPE (CivicOutbox, civic_outbox, CIVIC, OUTBOX, GObject)

CivicOutbox        *civic_outbox_open         (const char         *path,
                                               GError            **error);
void                civic_outbox_set_acting_for (CivicOutbox      *self,
                                               const char         *principal_id);
char               *civic_outbox_dup_acting_for (CivicOutbox      *self);
gboolean            civic_outbox_add          (CivicOutbox        *self,
                                               const char         *id,
                                               const char         *type,
                                               const char         *target,
                                               gint64              base_rev,
                                               JsonObject         *args,
                                               GError            **error);
GPtrArray          *civic_outbox_list         (CivicOutbox        *self,
                                               const char         *target,
                                               GError            **error);
GPtrArray          *civic_outbox_list_due     (CivicOutbox        *self,
                                               gint64              now,
                                               guint               limit,
                                               GError            **error);
gint64              civic_outbox_next_due     (CivicOutbox        *self);
guint               civic_outbox_count        (CivicOutbox        *self);
gboolean            civic_outbox_remove       (CivicOutbox        *self,
                                               const char         *id,
                                               GError            **error);
gboolean            civic_outbox_mark_offered (CivicOutbox        *self,
                                               GPtrArray          *commands,
                                               GError            **error);
CivicOutboxCommand *civic_outbox_withdraw     (CivicOutbox        *self,
                                               const char         *id,
                                               GError            **error);
gboolean            civic_outbox_rebase_successors (CivicOutbox   *self,
                                               const char         *target,
                                               gint64              base_rev,
                                               gint64              rev,
                                               GError            **error);
gboolean            civic_outbox_defer        (CivicOutbox        *self,
                                               const char         *id,
                                               gint64              next_attempt_at,
                                               const char         *reason,
                                               GError            **error);
gboolean            civic_outbox_retry_all_now (CivicOutbox       *self,
                                               GError            **error);
gboolean            civic_outbox_move_to_conflicts (CivicOutbox   *self,
                                               const char         *id,
                                               const char         *reason_code,
                                               const char         *reason_message,
                                               const char         *entity,
                                               GError            **error);
GPtrArray          *civic_outbox_list_conflicts (CivicOutbox      *self,
                                               GError            **error);
guint               civic_outbox_count_conflicts (CivicOutbox     *self);
CivicConflict      *civic_outbox_get_conflict (CivicOutbox        *self,
                                               const char         *id,
                                               GError            **error);
gboolean            civic_outbox_discard_conflict (CivicOutbox    *self,
                                               const char         *id,
                                               GError            **error);

gboolean            civic_outbox_add_file     (CivicOutbox        *self,
                                               const char         *command_id,
                                               const char         *target,
                                               const char         *sha256,
                                               const char         *path,
                                               const char         *media_type,
                                               GBytes             *content,
                                               GError            **error);
gboolean            civic_outbox_move_file    (CivicOutbox        *self,
                                               const char         *from_id,
                                               const char         *to_id,
                                               GError            **error);
CivicOutboxFile    *civic_outbox_find_upload  (CivicOutbox        *self,
                                               GPtrArray          *commands,
                                               guint              *index,
                                               GError            **error);
gboolean            civic_outbox_mark_uploaded (CivicOutbox       *self,
                                               const char         *command_id,
                                               GError            **error);
gboolean            civic_outbox_has_file     (CivicOutbox        *self,
                                               const char         *target,
                                               const char         *sha256);

G_END_DECLS
