/* civic-entity.h — the kinds of record the hall keeps, and their names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-actor.h"
#include "civic-argument.h"
#include "civic-calendar.h"
#include "civic-disclosure-policy.h"
#include "civic-hearing.h"
#include "civic-message-clocks.h"
#include "civic-supervision.h"

G_BEGIN_DECLS

/* The entity types, as the feed, the ledger, the audit log and the cache
 * spell them. No other file spells them by hand. */
#define CIVIC_ENTITY_CASE       "case"
#define CIVIC_ENTITY_DEPARTMENT "department"
#define CIVIC_ENTITY_USER       "user"
#define CIVIC_ENTITY_ROOM       "room"
#define CIVIC_ENTITY_CALENDAR   "calendar"
#define CIVIC_ENTITY_TEMPLATE   "template"
#define CIVIC_ENTITY_DOCUMENT_TEMPLATE "document-template"
#define CIVIC_ENTITY_ITEM       "item"
#define CIVIC_ENTITY_ACCOUNT    "account"
#define CIVIC_ENTITY_OPEN311_KEY "open311-key"
#define CIVIC_ENTITY_HEARING    "hearing"
#define CIVIC_ENTITY_DISCLOSURE "disclosure"
#define CIVIC_ENTITY_DISCLOSURE_REQUEST "disclosure-request"
#define CIVIC_ENTITY_DISCLOSURE_COLUMN  "disclosure-column"
#define CIVIC_ENTITY_MESSAGE    "message"
#define CIVIC_ENTITY_MESSAGE_CLOCKS "message-clocks"
#define CIVIC_ENTITY_EVALUATION "evaluation"
#define CIVIC_ENTITY_CAMPAIGN   "campaign"
#define CIVIC_ENTITY_WARNING    "warning"

/* The template entity of the replies officials start from (a "template"
 * whose id is this) */
#define CIVIC_TEMPLATE_MESSAGE_REPLIES "message-replies"

/* Finds an official named in a command's arguments (an assignee, a
 * verifier) in the users directory: a new actor, or %NULL when there is
 * none; @disabled tells whether the account is disabled. */
typedef CivicActor *(*CivicDirectoryLookup) (const char *id,
                                             gboolean   *disabled,
                                             gpointer    user_data);

/* Everything a kind's rules depend on besides the record and the
 * command's arguments. */
typedef struct
{
  CivicCalendar    *calendar;
  GDateTime        *now;
  const CivicActor *actor;
  const char       *command_id;

  /* The periods of ALL Arts. 47–48, whose units the law leaves open */
  const CivicHearingPolicy *hearing_policy;

  /* How the actor's organ reviews and publishes (nullable: the default) */
  const CivicDisclosurePolicy *disclosure_policy;

  /* The region's time limits on citizens' messages (nullable: a message
   * registered without them gets its terms when the service records it) */
  CivicMessageClocks *message_clocks;

  /* The users directory: an action that names another official is
   * refused without it */
  CivicDirectoryLookup lookup_official;
  gpointer             lookup_data;
} CivicWorkflowContext;

void civic_workflow_context_init (CivicWorkflowContext *context,
                                  CivicCalendar        *calendar,
                                  GDateTime            *now,
                                  const CivicActor     *actor);

/* How much an action weighs, for the form that takes it: Enter takes a
 * routine one; a deliberate one (a decision, a hand-over) takes a click;
 * a destructive one (a refusal, a closure) is drawn as such. */
typedef enum
{
  CIVIC_WEIGHT_ROUTINE,
  CIVIC_WEIGHT_DELIBERATE,
  CIVIC_WEIGHT_DESTRUCTIVE,
} CivicActionWeight;

/* What every layer needs to know of a kind of record that officials act
 * on with commands: a licensing case, and the hall's other jobs after it.
 * The service applies a command through it (civic-commands.c), the client
 * keeps an optimistic local version through it (civic-sync-engine.c), and
 * Conflicts names what a refused command was about. A kind's own file
 * fills one in (civic-case-kind.c); civic-entity.c lists them.
 *
 * A record is a GObject of @record_type; an action is the kind's own enum,
 * as a guint; a command's type on the wire is the action's name, unique
 * across kinds, so a command says by its type which kind it acts on. */
typedef struct
{
  const char *type;         /* CIVIC_ENTITY_CASE */
  const char *collection;   /* the feed's collection: "cases" */
  GType     (*record_type)  (void);

  /* Actions */
  guint       n_actions;
  gboolean  (*action_from_string) (const char *name,
                                   guint      *action);
  const char *(*action_to_string) (guint       action);
  const char *(*action_label)     (guint       action);    /* translated: "Claim" */
  const char *(*past_tense)       (const char *name);      /* translated: "Claimed" */
  /* What an action asks for (civic-argument.h): none for an action taken
   * at once (a claim) */
  const CivicArgument *(*arguments) (guint action);
  CivicActionWeight (*weight)     (guint       action);
  /* Whether an action still makes sense on a revision newer than the one
   * its official saw (a comment does; a decision does not) */
  gboolean  (*safe_when_stale)    (guint       action);

  /* The record as the feed carries it */
  GObject  *(*from_json)  (JsonNode     *node,
                           GError      **error);
  const char *(*get_id)   (GObject      *record);
  gint64    (*get_rev)    (GObject      *record);
  void      (*set_rev)    (GObject      *record,
                           gint64        rev);
  /* How a person names it: a case's number */
  char     *(*label)      (GObject      *record);
  /* What a form says it acts on: a case's number and service item; or
   * how many, for an action on several at once */
  char     *(*headline)   (GObject      *record);
  char     *(*headline_n) (guint         n_records);
  /* Where it stands now, in a few words: a case's state and who has it */
  char     *(*describe)   (GObject      *record);
  /* N_(): the heading of that, the button that opens the record, and why
   * the client cannot open it */
  const char *now_title;    /* "The case now" */
  const char *open_label;   /* "_Open Case" */
  const char *not_cached;   /* "The case is not in the offline copy" */
  /* As the feed carries it, for a client's own version: personal data
   * masked, and what its lists sort by as of @today */
  char     *(*to_feed_json) (GObject       *record,
                             CivicCalendar *calendar,
                             CivicDay       today);

  /* The rules: may the actor take the action now; the record after it */
  gboolean  (*check)      (GObject                    *record,
                           guint                       action,
                           const CivicWorkflowContext *context,
                           GError                    **error);
  /* The actions the actor may take now, the ones the rules check and an
   * official can take (not the service's own) */
  GArray   *(*list_actions) (GObject                    *record,
                             const CivicWorkflowContext *context);
  GObject  *(*apply)      (GObject                    *record,
                           guint                       action,
                           JsonObject                 *args,
                           const CivicWorkflowContext *context,
                           GError                    **error);

  /* (nullable) A record some commands make: whether @action does, and
   * the blank record it acts on, under the id the client gave it (the
   * command's target), for the actor's organ. The command path and the
   * client's own version then check and apply the action on it as on any
   * record, so that a record written offline is born in the outbox. */
  gboolean  (*creates)    (guint                       action);
  GObject  *(*create)     (const char                 *id,
                           guint                       action,
                           const CivicWorkflowContext *context,
                           GError                    **error);
  /* (nullable) What e-supervision watches of a record: its department,
   * its name in a list and its clocks (civic-supervision.h); %FALSE when
   * it watches nothing of it (a good rating, a draft not yet formed) */
  gboolean  (*supervise)  (GObject                    *record,
                           CivicCalendar              *calendar,
                           CivicDay                    today,
                           CivicSupervisionSource     *out);
} CivicEntityKind;

const CivicEntityKind *civic_entity_kind_lookup      (const char  *type);
const CivicEntityKind *civic_entity_kind_for_command (const char  *command_type,
                                                      guint       *action);
const CivicEntityKind * const *civic_entity_kinds    (void);
void                   civic_entity_kind_register    (const CivicEntityKind *kind);

const char            *civic_command_label           (const char  *command_type);
const char            *civic_command_past_tense      (const char  *command_type);

/* A kind whose actions are the values of one enum, named by their nicks
 * (`< nick=add-room >`), defines its two adapters with this: the
 * command's type is the action's nick. The file includes civic-json.h. */
#define CIVIC_DEFINE_KIND_ACTION_NICKS(enum_type) \
  static gboolean \
  kind_action_from_string (const char *name, \
                           guint      *action) \
  { \
    int value; \
    \
    if (!civic_enum_from_nick ((enum_type), name, &value)) \
      return FALSE; \
    *action = value; \
    return TRUE; \
  } \
  \
  static const char * \
  kind_action_to_string (guint action) \
  { \
    return civic_enum_to_nick ((enum_type), action); \
  }

G_END_DECLS
