/* civic-commands.h — applying commands: idempotent, checked, audited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-accounts.h"
#include "civic-calendar.h"
#include "civic-db.h"
#include "civic-entity.h"

G_BEGIN_DECLS

#define CIVIC_COMMANDS_ERROR (civic_commands_error_quark ())

typedef enum
{
  CIVIC_COMMANDS_ERROR_INVALID,
} CivicCommandsError;

#define CIVIC_COMMANDS_MAX_BATCH 100

typedef struct
{
  char                  *id;
  char                  *type;
  const CivicEntityKind *kind;      /* what it acts on, by its type */
  guint                  action;    /* the kind's action */
  char                  *target;
  gboolean               has_base_rev;
  gint64                 base_rev;
  JsonObject            *args;
  /* (nullable): the official the sender acts for, in a window of theirs
   * (civic-delegation.h) */
  char                  *on_behalf_of;
  /* What the ledger compares, in one form: the command without the
   * revision it was based on (a command queued behind another on the same
   * record is based anew on what that one made, and is still the same
   * command); and as sent, which a first version's ledger hashed */
  char                  *canonical;
  char                  *as_sent;
} CivicCommand;

/* What a command runs against. */
typedef struct
{
  CivicDb       *db;
  CivicCalendar *calendar;
  GDateTime     *now;       /* nullable: the clock */
  const char    *address;   /* nullable: for the audit log */
  const char    *public_url; /* nullable: where the public checks a document */
} CivicCommandEnv;

GQuark        civic_commands_error_quark (void);

CivicCommand *civic_command_new          (const char       *id,
                                          const char       *type,
                                          const char       *target,
                                          JsonObject       *args);
void          civic_command_free         (CivicCommand     *command);
GPtrArray    *civic_commands_parse       (JsonNode         *body,
                                          GError          **error);
char         *civic_commands_execute_one (CivicCommandEnv  *env,
                                          CivicActor       *actor,
                                          CivicCommand     *command);
char         *civic_commands_execute     (CivicCommandEnv  *env,
                                          CivicActor       *actor,
                                          GPtrArray        *commands);
JsonObject   *civic_commands_run_as_service (CivicCommandEnv *env,
                                          const char       *id,
                                          const char       *type,
                                          const char       *target,
                                          JsonObject       *args,
                                          char            **refusal,
                                          GError          **error);
JsonObject   *civic_commands_run_nested  (CivicCommandEnv  *env,
                                          const char       *id,
                                          const char       *type,
                                          const char       *target,
                                          JsonObject       *args,
                                          char            **refusal,
                                          GError          **error);
char         *civic_commands_derived_id  (const char       *seed);
gboolean      civic_commands_forget_legacy (CivicDb        *db,
                                          GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicCommand, civic_command_free)

G_END_DECLS
