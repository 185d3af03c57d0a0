/* civic-supervision.h — what e-supervision (电子监察) watches of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-calendar.h"
#include "civic-clock.h"

G_BEGIN_DECLS

/* What a kind says of one of its records (CivicEntityKind.supervise):
 * whose it is, how a list names it, and two clocks. The clock that runs
 * now is the one its lists colour it by (a case's correction window,
 * then its promised limit, then the delivery); the main one is the time
 * limit the period's figures count (a case's decision, a message's
 * reply, a bad rating's rectification). Either may be %NULL. */
typedef struct
{
  char        *department_id;
  char        *subject;     /* what the figures are broken down by: a case's service item */
  char        *title;       /* how a list names it, personal data masked */
  CivicClock  *now;
  CivicClock  *main;
  CivicDay     deemed_on;   /* a case accepted by the passing of time (ALL Art. 32(4)) */
} CivicSupervisionSource;

/* The same, read on a day: what the service counts and lists. */
typedef struct
{
  char             *department_id;
  char             *subject;
  char             *title;
  gboolean          running;      /* a clock runs now */
  CivicClockStatus  status;       /* green, yellow, red or paused, when running */
  CivicDay          due;          /* the running clock's */
  CivicDay          next_change;  /* the day its colour changes if nothing happens */
  CivicDay          opened_on;    /* the main clock's start */
  CivicDay          done_on;      /* …and its completion */
  CivicDay          overdue_on;   /* the first day it was overdue, when it ran or runs over */
  CivicDay          deemed_on;
  int               days;         /* units the main clock counted, once done */
  gboolean          late;         /* done after its due day */
  gboolean          extended;
} CivicSupervised;

/* The figures of a period, each counted in the week (from Monday) of its day */
typedef enum
{
  CIVIC_SUPERVISION_METRIC_OPENED,    /* the main clock started */
  CIVIC_SUPERVISION_METRIC_DONE,      /* …completed */
  CIVIC_SUPERVISION_METRIC_LATE,      /* …completed late */
  CIVIC_SUPERVISION_METRIC_DAYS,      /* units counted by the completed ones */
  CIVIC_SUPERVISION_METRIC_OVERDUE,   /* went overdue */
  CIVIC_SUPERVISION_METRIC_DEEMED,    /* deemed accepted */
  CIVIC_SUPERVISION_METRIC_EXTENDED,  /* extended, counted at its start */
} CivicSupervisionMetric;

#define CIVIC_N_SUPERVISION_METRICS (CIVIC_SUPERVISION_METRIC_EXTENDED + 1)

typedef void (*CivicSupervisionTallyFunc) (CivicSupervisionMetric  metric,
                                           CivicDay                week,
                                           int                     n,
                                           gpointer                user_data);

void        civic_supervision_source_clear (CivicSupervisionSource       *source);
gboolean    civic_supervised_read          (const CivicSupervisionSource *source,
                                            CivicCalendar                *calendar,
                                            CivicDay                      today,
                                            CivicSupervised              *out);
void        civic_supervised_clear         (CivicSupervised              *supervised);
const char *civic_supervised_status_nick   (const CivicSupervised        *supervised);
gboolean    civic_supervised_status_from_nick (const char                *nick,
                                            CivicSupervised              *supervised);
void        civic_supervised_tally         (const CivicSupervised        *supervised,
                                            CivicSupervisionTallyFunc     func,
                                            gpointer                      user_data);

const char *civic_supervision_metric_to_nick   (CivicSupervisionMetric  metric);
gboolean    civic_supervision_metric_from_nick (const char             *nick,
                                                CivicSupervisionMetric *metric);
CivicDay    civic_day_week_start               (CivicDay                day);
const char *civic_supervision_kind_name        (const char             *type,
                                                gboolean                many);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CivicSupervisionSource, civic_supervision_source_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CivicSupervised, civic_supervised_clear)

G_END_DECLS
