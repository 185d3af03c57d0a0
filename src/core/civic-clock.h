/* civic-clock.h — a statutory time limit with its stops and extensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "civic-calendar.h"

G_BEGIN_DECLS

#define CIVIC_CLOCK_ERROR (civic_clock_error_quark ())

typedef enum
{
  CIVIC_CLOCK_ERROR_INVALID_EVENT,
} CivicClockError;

/* What a clock measures; it decides the label and the legal basis shown. */
typedef enum
{
  CIVIC_CLOCK_KIND_STATUTORY,             /* 法定时限: the legal ceiling */
  CIVIC_CLOCK_KIND_PROMISED,              /* 承诺时限: the working target */
  CIVIC_CLOCK_KIND_CORRECTION_NOTICE,     /* 5 wd to send a correction notice (ALL Art. 32(4)) */
  CIVIC_CLOCK_KIND_DELIVERY,              /* 10 wd to issue the licence (ALL Art. 44) */
  CIVIC_CLOCK_KIND_HEARING_REQUEST,       /* 5 days to request a hearing (ALL Art. 47) */
  CIVIC_CLOCK_KIND_HEARING_ORGANISE,      /* 20 days to hold it (ALL Art. 47) */
  CIVIC_CLOCK_KIND_DISCLOSURE_REPLY,      /* 20 wd + 20 (OGI Art. 33) */
  CIVIC_CLOCK_KIND_DISCLOSURE_CORRECTION, /* 7 wd (OGI Art. 30) */
  CIVIC_CLOCK_KIND_PROACTIVE_DISCLOSURE,  /* 20 wd (OGI Art. 26) */
  CIVIC_CLOCK_KIND_THIRD_PARTY,           /* 15 wd (OGI Art. 32) */
  CIVIC_CLOCK_KIND_COMPLAINT,             /* 60 days + 30 (信访工作条例 Art. 34) */
  /* A citizen's message, on a region's table (civic-message-clocks.h) */
  CIVIC_CLOCK_KIND_MESSAGE_SIGN_FOR,      /* 签收 */
  CIVIC_CLOCK_KIND_MESSAGE_REPLY,         /* 答复 */
  CIVIC_CLOCK_KIND_MESSAGE_SEND_BACK,     /* 退单: 5 wd (信访工作条例 Art. 23 ¶3) */
  CIVIC_CLOCK_KIND_RECTIFICATION,         /* 差评整改 */
  CIVIC_CLOCK_KIND_EVALUATION,            /* the citizen's time to rate */
  CIVIC_CLOCK_KIND_WARNING,               /* 督办: the department's time to reply */
} CivicClockKind;

typedef enum
{
  CIVIC_CLOCK_UNIT_WORKING_DAYS,
  CIVIC_CLOCK_UNIT_CALENDAR_DAYS,
} CivicClockUnit;

/* The event that starts the clock. That day itself is not counted unless
 * the clock says so. */
typedef enum
{
  CIVIC_CLOCK_TRIGGER_RECEIVED,
  CIVIC_CLOCK_TRIGGER_ACCEPTED,
  CIVIC_CLOCK_TRIGGER_DECIDED,
  CIVIC_CLOCK_TRIGGER_INFORMED,
  CIVIC_CLOCK_TRIGGER_REQUESTED,
  CIVIC_CLOCK_TRIGGER_FORMED,
  CIVIC_CLOCK_TRIGGER_REGISTERED,
  CIVIC_CLOCK_TRIGGER_SIGNED_FOR,
  CIVIC_CLOCK_TRIGGER_TRANSFERRED,
  CIVIC_CLOCK_TRIGGER_REPLIED,
  CIVIC_CLOCK_TRIGGER_RATED,
  CIVIC_CLOCK_TRIGGER_REOPENED,
  CIVIC_CLOCK_TRIGGER_ISSUED,
} CivicClockTrigger;

typedef enum
{
  CIVIC_CLOCK_STATUS_GREEN,
  CIVIC_CLOCK_STATUS_YELLOW,
  CIVIC_CLOCK_STATUS_RED,
  CIVIC_CLOCK_STATUS_PAUSED,
  CIVIC_CLOCK_STATUS_DONE,
} CivicClockStatus;

/* Why the time does not count: the eight procedures of ALL Art. 45,
 * consulting a third party on a disclosure request (OGI Art. 33 ¶3), and
 * waiting for the applicant to correct an unclear request (OGI Art. 30). */
typedef enum
{
  CIVIC_STOP_REASON_HEARING,
  CIVIC_STOP_REASON_TENDERING,
  CIVIC_STOP_REASON_AUCTION,
  CIVIC_STOP_REASON_INSPECTION,
  CIVIC_STOP_REASON_TESTING,
  CIVIC_STOP_REASON_QUARANTINE,
  CIVIC_STOP_REASON_APPRAISAL,
  CIVIC_STOP_REASON_EXPERT_REVIEW,
  CIVIC_STOP_REASON_THIRD_PARTY_CONSULTATION,
  CIVIC_STOP_REASON_AWAITING_CORRECTION,  /* ended by a restart, not a resumption */
} CivicStopReason;

typedef enum
{
  CIVIC_CLOCK_EVENT_STOP,
  CIVIC_CLOCK_EVENT_RESUME,
  CIVIC_CLOCK_EVENT_EXTEND,
  CIVIC_CLOCK_EVENT_RESTART,
  CIVIC_CLOCK_EVENT_COMPLETE,
} CivicClockEventType;

typedef struct
{
  CivicClockEventType  type;
  CivicDay             day;
  CivicStopReason      reason;    /* stop */
  int                  days;      /* extend */
  char                *approver;  /* extend */
  char                *note;      /* the reason given, as written */
} CivicClockEvent;

typedef enum
{
  CIVIC_TRACE_START,
  CIVIC_TRACE_RESTART,
  CIVIC_TRACE_LENGTH,
  CIVIC_TRACE_HOLIDAY,
  CIVIC_TRACE_MAKEUP_WORKDAY,
  CIVIC_TRACE_PROVISIONAL,
  CIVIC_TRACE_STOPPED,
  CIVIC_TRACE_EXTENDED,
  CIVIC_TRACE_ROLLED_OVER,
  CIVIC_TRACE_COMPLETED,
  CIVIC_TRACE_DUE,
} CivicTraceKind;

/* One line of the explanation of a due date, already in the user's
 * language. */
typedef struct
{
  CivicTraceKind  kind;
  CivicDay        start;
  CivicDay        end;
  int             days;
  char           *text;
} CivicTraceStep;

typedef struct
{
  int  yellow_days;     /* yellow when this many units or fewer remain */
  int  yellow_percent;  /* …or this share of the whole length, if larger */
} CivicClockPolicy;

/* What a clock says on a given day. */
typedef struct
{
  CivicClockStatus  status;
  CivicDay          due;            /* projected as if resumed today, when paused */
  int               length;         /* with extensions */
  int               elapsed;        /* units counted up to today */
  int               remaining;      /* units left, 0 when overdue */
  int               overdue;        /* units past the due date */
  gboolean          provisional;    /* rests on a year without its notice */
  gboolean          extended;
  CivicDay          paused_since;
  CivicStopReason   pause_reason;
  CivicDay          completed_on;
  gboolean          late;           /* completed after the due date */
  GPtrArray        *trace;          /* CivicTraceStep */
} CivicClockReading;

#define CIVIC_TYPE_CLOCK (civic_clock_get_type ())
G_DECLARE_FINAL_TYPE (CivicClock, civic_clock, CIVIC, CLOCK, GObject)

GQuark             civic_clock_error_quark         (void);

CivicClock        *civic_clock_new                 (CivicClockKind      kind,
                                                    CivicClockTrigger   trigger,
                                                    CivicDay            start,
                                                    CivicClockUnit      unit,
                                                    int                 length,
                                                    const char         *legal_basis);
CivicClock        *civic_clock_copy                (CivicClock         *self);

CivicClockKind     civic_clock_get_kind            (CivicClock         *self);
CivicClockTrigger  civic_clock_get_trigger         (CivicClock         *self);
CivicDay           civic_clock_get_start           (CivicClock         *self);
CivicClockUnit     civic_clock_get_unit            (CivicClock         *self);
int                civic_clock_get_length          (CivicClock         *self);
const char        *civic_clock_get_legal_basis     (CivicClock         *self);
gboolean           civic_clock_get_count_start_day (CivicClock         *self);
void               civic_clock_set_count_start_day (CivicClock         *self,
                                                    gboolean            count_start_day);
void               civic_clock_set_extension_rule  (CivicClock         *self,
                                                    int                 max_extensions,
                                                    int                 max_days);
int                civic_clock_get_max_extension_days (CivicClock      *self);
int                civic_clock_get_extensions_used (CivicClock         *self);
int                civic_clock_get_max_extensions  (CivicClock         *self);
void               civic_clock_set_restartable     (CivicClock         *self,
                                                    gboolean            restartable);
gboolean           civic_clock_get_restartable     (CivicClock         *self);
void               civic_clock_set_end_on_working_day (CivicClock      *self,
                                                    gboolean            end_on_working_day);

guint              civic_clock_get_n_events        (CivicClock         *self);
const CivicClockEvent *civic_clock_get_event       (CivicClock         *self,
                                                    guint               index);
gboolean           civic_clock_is_stopped          (CivicClock         *self);
gboolean           civic_clock_is_completed        (CivicClock         *self);

gboolean           civic_clock_stop                (CivicClock         *self,
                                                    CivicDay            day,
                                                    CivicStopReason     reason,
                                                    const char         *note,
                                                    GError            **error);
gboolean           civic_clock_resume              (CivicClock         *self,
                                                    CivicDay            day,
                                                    const char         *note,
                                                    GError            **error);
gboolean           civic_clock_extend              (CivicClock         *self,
                                                    CivicCalendar      *calendar,
                                                    CivicDay            day,
                                                    int                 days,
                                                    const char         *approver,
                                                    const char         *note,
                                                    GError            **error);
gboolean           civic_clock_restart             (CivicClock         *self,
                                                    CivicDay            day,
                                                    const char         *note,
                                                    GError            **error);
gboolean           civic_clock_complete            (CivicClock         *self,
                                                    CivicDay            day,
                                                    GError            **error);

CivicClockReading *civic_clock_read                (CivicClock         *self,
                                                    CivicCalendar      *calendar,
                                                    CivicDay            today,
                                                    const CivicClockPolicy *policy);
CivicDay           civic_clock_next_change         (CivicClock         *self,
                                                    const CivicClockReading *reading,
                                                    CivicCalendar      *calendar,
                                                    CivicDay            today,
                                                    const CivicClockPolicy *policy);
void               civic_clock_reading_free        (CivicClockReading  *reading);
char              *civic_clock_reading_dup_trace_text (CivicClockReading *reading);

const CivicClockPolicy *civic_clock_policy_get_default (void);

JsonNode          *civic_clock_to_json             (CivicClock         *self);
CivicClock        *civic_clock_new_from_json       (JsonNode           *node,
                                                    GError            **error);

const char        *civic_legal_basis_get_label     (const char         *basis);
const char        *civic_clock_kind_get_label      (CivicClockKind      kind);
const char        *civic_clock_name_get_label      (const char         *name);
const char        *civic_clock_status_get_label    (CivicClockStatus    status);
const char        *civic_stop_reason_get_label     (CivicStopReason     reason);
const char        *civic_clock_unit_get_label      (CivicClockUnit      unit,
                                                    int                 n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicClockReading, civic_clock_reading_free)

G_END_DECLS
