/* civic-warning.h — a supervision warning (督办): a yellow or red card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-calendar.h"
#include "civic-clock.h"
#include "civic-day.h"

G_BEGIN_DECLS

/* The hall's supervisors watch every clock (civic-supervision.h). When a
 * department lets one run out, or keeps doing so, a supervisor issues it
 * a card: yellow (黄牌) or red (红牌), on one record or on the department
 * as a whole, with what it must put right and a number of working days to
 * reply in. The department's head replies with the measures taken; the
 * supervisor closes the card, or returns it for more with new days. A
 * card not answered in time escalates by itself: a yellow one turns red
 * with three more days, a red one is reported to the hall's leadership. */

typedef enum
{
  CIVIC_WARNING_LEVEL_YELLOW,  /*< nick=yellow >*/  /* 黄牌 */
  CIVIC_WARNING_LEVEL_RED,     /*< nick=red >*/     /* 红牌 */
} CivicWarningLevel;

typedef enum
{
  CIVIC_WARNING_STATE_NEW,        /*< nick=new >*/        /* not issued yet: a blank card */
  CIVIC_WARNING_STATE_OPEN,       /*< nick=open >*/       /* 待答复 */
  CIVIC_WARNING_STATE_REPLIED,    /*< nick=replied >*/    /* 已答复，待审核 */
  CIVIC_WARNING_STATE_CLOSED,     /*< nick=closed >*/     /* 已办结 */
  CIVIC_WARNING_STATE_WITHDRAWN,  /*< nick=withdrawn >*/  /* 已撤销 */
} CivicWarningState;

#define CIVIC_N_WARNING_STATES (CIVIC_WARNING_STATE_WITHDRAWN + 1)

/* What happened to a card, in order */
typedef enum
{
  CIVIC_WARNING_EVENT_ISSUED,     /*< nick=issued >*/
  CIVIC_WARNING_EVENT_REPLIED,    /*< nick=replied >*/
  CIVIC_WARNING_EVENT_RETURNED,   /*< nick=returned >*/
  CIVIC_WARNING_EVENT_ESCALATED,  /*< nick=escalated >*/
  CIVIC_WARNING_EVENT_CLOSED,     /*< nick=closed >*/
  CIVIC_WARNING_EVENT_WITHDRAWN,  /*< nick=withdrawn >*/
} CivicWarningEventType;

typedef struct
{
  CivicWarningEventType  type;
  CivicDay               on;
  char                  *by_id;
  char                  *by_name;
  char                  *text;         /* the measures, the reason, the assessment */
  CivicWarningLevel      level;        /* the card's level after it */
  int                    reply_within; /* issued, returned, escalated: the round's days */
} CivicWarningEvent;

/* Working days to reply: what a card usually gives, and what a yellow
 * card turned red gives */
#define CIVIC_WARNING_REPLY_DAYS_MAX  20
#define CIVIC_WARNING_ESCALATED_DAYS  3
#define CIVIC_WARNING_TEXT_MAX        4000

#define CIVIC_TYPE_WARNING (civic_warning_get_type ())
G_DECLARE_FINAL_TYPE (CivicWarning, civic_warning, CIVIC, WARNING, GObject)

#define CIVIC_WARNING_ERROR (civic_warning_error_quark ())

typedef enum
{
  CIVIC_WARNING_ERROR_INVALID,
} CivicWarningError;

GQuark             civic_warning_error_quark      (void);

const char        *civic_warning_level_get_label  (CivicWarningLevel  level);
const char        *civic_warning_state_get_label  (CivicWarningState  state);
const char        *civic_warning_event_get_label  (CivicWarningEventType type);

CivicWarning      *civic_warning_new              (const char        *id);
CivicWarning      *civic_warning_copy             (CivicWarning      *self);
CivicWarning      *civic_warning_new_from_json    (JsonNode          *node,
                                                   GError           **error);
JsonNode          *civic_warning_to_json          (CivicWarning      *self);
char              *civic_warning_to_feed_json     (CivicWarning      *self,
                                                   CivicCalendar     *calendar,
                                                   CivicDay           today);

const char        *civic_warning_get_id           (CivicWarning      *self);
gint64             civic_warning_get_rev          (CivicWarning      *self);
void               civic_warning_set_rev          (CivicWarning      *self,
                                                   gint64             rev);
CivicWarningState  civic_warning_get_state        (CivicWarning      *self);
CivicWarningLevel  civic_warning_get_level        (CivicWarning      *self);
const char        *civic_warning_get_department_id (CivicWarning     *self);
const char        *civic_warning_get_target_type  (CivicWarning      *self);
const char        *civic_warning_get_target_id    (CivicWarning      *self);
const char        *civic_warning_get_target_title (CivicWarning      *self);
const char        *civic_warning_get_text         (CivicWarning      *self);
const char        *civic_warning_get_issued_by_name (CivicWarning    *self);
CivicDay           civic_warning_get_issued_on    (CivicWarning      *self);
GPtrArray         *civic_warning_get_events       (CivicWarning      *self);
const CivicWarningEvent *civic_warning_get_last_reply (CivicWarning  *self);
gboolean           civic_warning_is_escalated     (CivicWarning      *self);
guint              civic_warning_get_round        (CivicWarning      *self);

CivicClock        *civic_warning_dup_clock        (CivicWarning      *self);
CivicClock        *civic_warning_dup_first_clock  (CivicWarning      *self);

G_END_DECLS
