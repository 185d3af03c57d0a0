/* civic-supervision-queries.h — what a supervisor or a department's head asks of the figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-actor.h"
#include "civic-day.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_SUPERVISION_ERROR (civic_supervision_error_quark ())

typedef enum
{
  CIVIC_SUPERVISION_ERROR_QUERY,      /* a parameter that is not one */
  CIVIC_SUPERVISION_ERROR_FORBIDDEN,  /* another department's figures */
} CivicSupervisionError;

/* What a request asks for, checked */
typedef struct
{
  char     *department_id;  /* (nullable): every department the reader may see */
  char     *type;           /* (nullable): every watched kind */
  char     *subject;        /* (nullable): every subject */
  CivicDay  from;           /* the period's first week (a Monday) … */
  CivicDay  to;             /* …and its last */
  char     *by;             /* rates: "department", "subject" or "type" */
  char     *status;         /* items: "green", "yellow", "red" or "paused" */
  char     *metric;         /* items: those a figure of the period counted */
  int       offset;
  int       limit;
} CivicSupervisionQuery;

GQuark   civic_supervision_error_quark (void);

gboolean civic_supervision_query_parse (GHashTable              *query,
                                        const CivicActor        *reader,
                                        CivicDay                 today,
                                        CivicSupervisionQuery   *out,
                                        GError                 **error);
void     civic_supervision_query_clear (CivicSupervisionQuery   *query);
gboolean civic_supervision_may_read    (const CivicActor        *reader);

char    *civic_supervision_overview    (CivicDb                     *db,
                                        const CivicSupervisionQuery *query,
                                        CivicDay                     today,
                                        GError                     **error);
char    *civic_supervision_trend       (CivicDb                     *db,
                                        const CivicSupervisionQuery *query,
                                        GError                     **error);
char    *civic_supervision_rates       (CivicDb                     *db,
                                        const CivicSupervisionQuery *query,
                                        GError                     **error);
char    *civic_supervision_items       (CivicDb                     *db,
                                        const CivicSupervisionQuery *query,
                                        const CivicActor            *reader,
                                        CivicDay                     today,
                                        GError                     **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CivicSupervisionQuery, civic_supervision_query_clear)

G_END_DECLS
