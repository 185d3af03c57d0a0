/* civic-warning-private.h — what the warning's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-warning.h"

G_BEGIN_DECLS

/* civic-warning.c: the record and its wire format; civic-warning-kind.c:
 * the commands on it. */

struct _CivicWarning
{
  GObject            parent_instance;

  char              *id;
  gint64             rev;
  CivicWarningState  state;
  CivicWarningLevel  level;
  char              *department_id;  /* the department warned */
  char              *target_type;    /* (nullable): the record warned about, by entity type… */
  char              *target_id;      /* …and id */
  char              *target_title;   /* …and how its list names it, masked */
  char              *text;           /* what the department must put right */
  GPtrArray         *events;         /* CivicWarningEvent, the first its issue */
};

CivicWarningEvent *_civic_warning_add_event (CivicWarning          *self,
                                             CivicWarningEventType  type,
                                             CivicDay               on,
                                             const char            *by_id,
                                             const char            *by_name,
                                             const char            *text,
                                             int                    reply_within);

G_END_DECLS
