/* civic-message-clocks.h — the time limits a region sets on citizens' messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-clock.h"
#include "civic-message.h"

G_BEGIN_DECLS

typedef enum
{
  CIVIC_MESSAGE_CLOCKS_ERROR_INVALID,
} CivicMessageClocksError;

#define CIVIC_MESSAGE_CLOCKS_ERROR (civic_message_clocks_error_quark ())

/* The event a limit runs from; that day itself is not counted */
typedef enum
{
  CIVIC_MESSAGE_CLOCK_FROM_RECEIVED,     /*< nick=received >*/
  CIVIC_MESSAGE_CLOCK_FROM_SIGNED_FOR,   /*< nick=signed-for >*/
  /* the day it reached the department that has it: its receipt, or its
   * latest transfer */
  CIVIC_MESSAGE_CLOCK_FROM_TRANSFERRED,  /*< nick=transferred >*/
  CIVIC_MESSAGE_CLOCK_FROM_REPLIED,      /*< nick=replied >*/
  CIVIC_MESSAGE_CLOCK_FROM_RATED,        /*< nick=rated >*/
  /* not a table's: a reopened message's reply runs from that day */
  CIVIC_MESSAGE_CLOCK_FROM_REOPENED,     /*< nick=reopened >*/
} CivicMessageClockFrom;

/* One limit of the table, with what it follows */
typedef struct
{
  int                    limit;
  CivicClockUnit         unit;
  CivicMessageClockFrom  from;
  char                  *source;  /* the article or the practice, as the explanation cites it */
} CivicMessageLimit;

#define CIVIC_MESSAGE_LIMIT_MAX 366

/* What a region's table says of one kind, as a message keeps it from the
 * day it is received: a table changed later never rewrites the clocks of
 * a message already running (as a case keeps its item's version). */
struct _CivicMessageTerms
{
  CivicMessageKind   kind;
  CivicMessageLimit  sign_for;
  CivicMessageLimit  reply;
  CivicMessageLimit  send_back;
  gboolean           has_extension;
  CivicMessageLimit  extension;   /* in the reply's unit */
  gboolean           review;      /* replies are reviewed before they go */
  gboolean           anonymous;   /* may come in without a name */
};

#define CIVIC_TYPE_MESSAGE_TERMS (civic_message_terms_get_type ())

#define CIVIC_TYPE_MESSAGE_CLOCKS (civic_message_clocks_get_type ())
G_DECLARE_FINAL_TYPE (CivicMessageClocks, civic_message_clocks, CIVIC, MESSAGE_CLOCKS, GObject)

GQuark                   civic_message_clocks_error_quark     (void);

CivicMessageClocks      *civic_message_clocks_new_from_json   (JsonNode            *node,
                                                               GError             **error);
CivicMessageClocks      *civic_message_clocks_new_from_file   (const char          *path,
                                                               GError             **error);
JsonNode                *civic_message_clocks_to_json         (CivicMessageClocks  *self);

const char              *civic_message_clocks_get_region      (CivicMessageClocks  *self);
const char              *civic_message_clocks_get_name        (CivicMessageClocks  *self);
const CivicMessageLimit *civic_message_clocks_get_limit       (CivicMessageClocks  *self,
                                                               CivicMessageKind     kind,
                                                               CivicMessageStep     step);
const CivicMessageLimit *civic_message_clocks_get_extension   (CivicMessageClocks  *self,
                                                               CivicMessageKind     kind);
gboolean                 civic_message_clocks_get_review      (CivicMessageClocks  *self,
                                                               CivicMessageKind     kind);
gboolean                 civic_message_clocks_get_anonymous   (CivicMessageClocks  *self,
                                                               CivicMessageKind     kind);
CivicClock              *civic_message_clocks_start           (CivicMessageClocks  *self,
                                                               CivicMessageKind     kind,
                                                               CivicMessageStep     step,
                                                               CivicDay             from);

CivicMessageTerms       *civic_message_clocks_dup_terms       (CivicMessageClocks  *self,
                                                               CivicMessageKind     kind);

GType                    civic_message_terms_get_type         (void) G_GNUC_CONST;
CivicMessageTerms       *civic_message_terms_copy             (const CivicMessageTerms *terms);
void                     civic_message_terms_free             (CivicMessageTerms   *terms);
JsonNode                *civic_message_terms_to_json          (const CivicMessageTerms *terms);
CivicMessageTerms       *civic_message_terms_new_from_json    (JsonNode            *node,
                                                               CivicMessageKind     kind,
                                                               GError             **error);
CivicClock              *civic_message_terms_start            (const CivicMessageTerms *terms,
                                                               CivicMessageStep     step,
                                                               CivicMessageClockFrom happened,
                                                               CivicDay             from);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicMessageTerms, civic_message_terms_free)

G_END_DECLS
