/* civic-disclosure-request-clock.h — the time limits of a request for government information
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-calendar.h"
#include "civic-clock.h"

G_BEGIN_DECLS

#define CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR (civic_disclosure_request_clock_error_quark ())

typedef enum
{
  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_INVALID,   /* a day missing, unknown or out of order */
  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_RULE,      /* what the Regulations do not allow */
  CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_NOT_HEAD,  /* an extension by anyone but the head */
} CivicDisclosureRequestClockError;

/* Whom the organ consults before disclosing, which decides what their
 * silence means. */
typedef enum
{
  CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY,  /* Art. 32: the organ then decides */
  CIVIC_DISCLOSURE_CONSULTEE_CO_PRODUCER,  /* Art. 34: an organ that made it with us; consent */
} CivicDisclosureConsultee;

/* One consultation, as it stands on the day read. */
typedef struct
{
  CivicDisclosureConsultee  consultee;
  CivicDay                  served_on;
  CivicDay                  answered_on;  /* invalid while unanswered */
  CivicDay                  due;          /* the 15th working day after service */
  CivicDay                  ended_on;     /* when the reply counts again; invalid while open */
  gboolean                  lapsed;       /* no answer by its last day: it ended then */
  CivicClockReading        *reading;      /* its own 15-day clock, with the explanation */
} CivicDisclosureConsultationReading;

/* The clocks of a request on the day read. */
typedef struct
{
  CivicClock         *reply_clock;            /* DISCLOSURE_REPLY, rebuilt from the events */
  CivicClockReading  *reply;                  /* due day, status, days left, explanation */
  CivicDay            correction_notice_due;  /* the 7th working day after receipt */
  CivicClockReading  *correction_notice;      /* (nullable): once sent, or while it may be */
  GPtrArray          *consultations;          /* CivicDisclosureConsultationReading, in order */
} CivicDisclosureRequestReading;

#define CIVIC_TYPE_DISCLOSURE_REQUEST_CLOCK (civic_disclosure_request_clock_get_type ())
G_DECLARE_FINAL_TYPE (CivicDisclosureRequestClock, civic_disclosure_request_clock,
                      CIVIC, DISCLOSURE_REQUEST_CLOCK, GObject)

GQuark    civic_disclosure_request_clock_error_quark         (void);

CivicDisclosureRequestClock *
          civic_disclosure_request_clock_new                 (CivicCalendar               *calendar,
                                                              CivicDay                     received_on);
CivicDisclosureRequestClock *
          civic_disclosure_request_clock_copy                (CivicDisclosureRequestClock *self);

CivicDay  civic_disclosure_request_clock_get_received_on     (CivicDisclosureRequestClock *self);
CivicDay  civic_disclosure_request_clock_get_correction_notice_on
                                                             (CivicDisclosureRequestClock *self);
CivicDay  civic_disclosure_request_clock_get_corrected_on    (CivicDisclosureRequestClock *self);
guint     civic_disclosure_request_clock_get_n_consultations (CivicDisclosureRequestClock *self);
int       civic_disclosure_request_clock_get_extension_days  (CivicDisclosureRequestClock *self);
CivicDay  civic_disclosure_request_clock_get_replied_on      (CivicDisclosureRequestClock *self);

/* Changes: each applies completely or leaves the request as it was. */
gboolean  civic_disclosure_request_clock_send_correction_notice
                                                             (CivicDisclosureRequestClock *self,
                                                              CivicDay                     day,
                                                              GError                     **error);
gboolean  civic_disclosure_request_clock_receive_correction  (CivicDisclosureRequestClock *self,
                                                              CivicDay                     day,
                                                              GError                     **error);
gboolean  civic_disclosure_request_clock_start_consultation  (CivicDisclosureRequestClock *self,
                                                              CivicDisclosureConsultee     consultee,
                                                              CivicDay                     served_on,
                                                              guint                       *index,
                                                              GError                     **error);
gboolean  civic_disclosure_request_clock_answer_consultation (CivicDisclosureRequestClock *self,
                                                              guint                        index,
                                                              CivicDay                     answered_on,
                                                              GError                     **error);
gboolean  civic_disclosure_request_clock_extend              (CivicDisclosureRequestClock *self,
                                                              CivicDay                     day,
                                                              int                          days,
                                                              const char                  *approver,
                                                              gboolean                     approver_is_head,
                                                              const char                  *reason,
                                                              GError                     **error);
gboolean  civic_disclosure_request_clock_reply               (CivicDisclosureRequestClock *self,
                                                              CivicDay                     day,
                                                              GError                     **error);

/* Storage: what happened, without the rules applied again */
JsonNode *civic_disclosure_request_clock_to_json             (CivicDisclosureRequestClock *self);
CivicDisclosureRequestClock *
          civic_disclosure_request_clock_new_from_json       (CivicCalendar               *calendar,
                                                              JsonNode                    *node,
                                                              GError                     **error);

CivicDisclosureRequestReading *
          civic_disclosure_request_clock_read                (CivicDisclosureRequestClock *self,
                                                              CivicDay                     today,
                                                              const CivicClockPolicy      *policy);
void      civic_disclosure_request_reading_free              (CivicDisclosureRequestReading *reading);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicDisclosureRequestReading, civic_disclosure_request_reading_free)

G_END_DECLS
