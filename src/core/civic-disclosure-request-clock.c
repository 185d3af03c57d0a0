/* civic-disclosure-request-clock.c — the time limits of a request for government information
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-request"

#include "config.h"

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-request-clock.h"
#include "civic-json.h"

/* A request's clocks are rebuilt from what happened to it, every time they
 * are read, because one of them depends on the day: a consultation left
 * unanswered ends by itself on its last day (Arts. 32 and 34), and until
 * then the reply clock is stopped.
 *
 * - Reply: 20 working days from receipt (Art. 33 ¶1). A correction notice
 *   stops it, and the corrected request starts it again in full (Art. 30).
 *   From the first consultation served until the last one ends it does
 *   not count (Art. 33 ¶3). The head of the disclosure office may extend
 *   it once, by 20 working days at most (Art. 33 ¶2).
 * - Correction notice: 7 working days from receipt, one notice that lists
 *   everything (Art. 30, 一次性告知).
 * - Consultation: 15 working days from service (Arts. 32 and 34).
 *
 * The days themselves are counted by CivicClock, which also explains
 * them. */

#define REPLY_DAYS 20
#define CORRECTION_NOTICE_DAYS 7
#define CONSULTATION_DAYS 15
#define MAX_EXTENSION_DAYS 20

typedef struct
{
  CivicDisclosureConsultee  consultee;
  CivicDay                  served_on;
  CivicDay                  answered_on;
} Consultation;

struct _CivicDisclosureRequestClock
{
  GObject         parent_instance;

  CivicCalendar  *calendar;
  CivicDay        received_on;  /* as Art. 31 sets it for the channel */

  /* Art. 30 */
  CivicDay        correction_notice_on;
  CivicDay        corrected_on;

  /* Arts. 32–34 */
  GArray         *consultations;  /* Consultation, in the order started */

  /* Art. 33 ¶2 */
  CivicDay        extended_on;
  int             extension_days;
  char           *approver;
  char           *extension_reason;

  CivicDay        replied_on;
};

G_DEFINE_FINAL_TYPE (CivicDisclosureRequestClock, civic_disclosure_request_clock, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-disclosure-request-clock-error-quark, civic_disclosure_request_clock_error)

static void
civic_disclosure_request_clock_finalize (GObject *object)
{
  CivicDisclosureRequestClock *self = (CivicDisclosureRequestClock *)object;

  g_clear_object (&self->calendar);
  g_clear_pointer (&self->consultations, g_array_unref);
  g_clear_pointer (&self->approver, g_free);
  g_clear_pointer (&self->extension_reason, g_free);

  G_OBJECT_CLASS (civic_disclosure_request_clock_parent_class)->finalize (object);
}

static void
civic_disclosure_request_clock_class_init (CivicDisclosureRequestClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_disclosure_request_clock_finalize;
}

static void
civic_disclosure_request_clock_init (CivicDisclosureRequestClock *self)
{
  self->consultations = g_array_new (FALSE, TRUE, sizeof (Consultation));
}

/**
 * civic_disclosure_request_clock_new:
 * @calendar: the working days the organ keeps
 * @received_on: the day the request counts as received (Art. 31: the day
 *   it was handed in, the day a registered letter was signed for, the
 *   day both sides confirmed an online request or a fax)
 */
CivicDisclosureRequestClock *
civic_disclosure_request_clock_new (CivicCalendar *calendar,
                                    CivicDay       received_on)
{
  CivicDisclosureRequestClock *self;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (received_on != CIVIC_DAY_INVALID, NULL);

  self = g_object_new (CIVIC_TYPE_DISCLOSURE_REQUEST_CLOCK, NULL);
  self->calendar = g_object_ref (calendar);
  self->received_on = received_on;
  return self;
}

CivicDisclosureRequestClock *
civic_disclosure_request_clock_copy (CivicDisclosureRequestClock *self)
{
  CivicDisclosureRequestClock *copy;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), NULL);

  copy = civic_disclosure_request_clock_new (self->calendar, self->received_on);
  copy->correction_notice_on = self->correction_notice_on;
  copy->corrected_on = self->corrected_on;
  g_array_append_vals (copy->consultations, self->consultations->data, self->consultations->len);
  copy->extended_on = self->extended_on;
  copy->extension_days = self->extension_days;
  copy->approver = g_strdup (self->approver);
  copy->extension_reason = g_strdup (self->extension_reason);
  copy->replied_on = self->replied_on;
  return copy;
}

CivicDay
civic_disclosure_request_clock_get_received_on (CivicDisclosureRequestClock *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), CIVIC_DAY_INVALID);
  return self->received_on;
}

CivicDay
civic_disclosure_request_clock_get_correction_notice_on (CivicDisclosureRequestClock *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), CIVIC_DAY_INVALID);
  return self->correction_notice_on;
}

CivicDay
civic_disclosure_request_clock_get_corrected_on (CivicDisclosureRequestClock *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), CIVIC_DAY_INVALID);
  return self->corrected_on;
}

guint
civic_disclosure_request_clock_get_n_consultations (CivicDisclosureRequestClock *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), 0);
  return self->consultations->len;
}

/* 0 until the head extends the time limit */
int
civic_disclosure_request_clock_get_extension_days (CivicDisclosureRequestClock *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), 0);
  return self->extension_days;
}

CivicDay
civic_disclosure_request_clock_get_replied_on (CivicDisclosureRequestClock *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), CIVIC_DAY_INVALID);
  return self->replied_on;
}

static gboolean
awaiting_correction (CivicDisclosureRequestClock *self)
{
  return self->correction_notice_on != CIVIC_DAY_INVALID && self->corrected_on == CIVIC_DAY_INVALID;
}

/* The latest day anything happened to the request */
static CivicDay
latest_day (CivicDisclosureRequestClock *self)
{
  CivicDay latest = MAX (self->received_on, self->correction_notice_on);

  latest = MAX (latest, self->corrected_on);
  latest = MAX (latest, self->extended_on);
  latest = MAX (latest, self->replied_on);
  for (guint i = 0; i < self->consultations->len; i++)
    {
      const Consultation *consultation = &g_array_index (self->consultations, Consultation, i);

      latest = MAX (latest, MAX (consultation->served_on, consultation->answered_on));
    }
  return latest;
}

/* The clocks, each counted by the engine */

static CivicClock *
correction_notice_clock_new (CivicDisclosureRequestClock *self)
{
  CivicClock *clock = civic_clock_new (CIVIC_CLOCK_KIND_DISCLOSURE_CORRECTION,
                                       CIVIC_CLOCK_TRIGGER_RECEIVED, self->received_on,
                                       CIVIC_CLOCK_UNIT_WORKING_DAYS, CORRECTION_NOTICE_DAYS,
                                       "ogi-30");

  if (self->correction_notice_on != CIVIC_DAY_INVALID)
    civic_clock_complete (clock, self->correction_notice_on, NULL);
  return clock;
}

static CivicDay
correction_notice_due (CivicDisclosureRequestClock *self)
{
  g_autoptr(CivicClock) clock = correction_notice_clock_new (self);
  g_autoptr(CivicClockReading) reading = civic_clock_read (clock, self->calendar,
                                                           self->received_on, NULL);

  return reading->due;
}

static CivicClock *
consultation_clock_new (const Consultation *consultation)
{
  return civic_clock_new (CIVIC_CLOCK_KIND_THIRD_PARTY, CIVIC_CLOCK_TRIGGER_INFORMED,
                          consultation->served_on, CIVIC_CLOCK_UNIT_WORKING_DAYS,
                          CONSULTATION_DAYS,
                          consultation->consultee == CIVIC_DISCLOSURE_CONSULTEE_CO_PRODUCER
                          ? "ogi-34" : "ogi-32");
}

/* How long a consultation keeps the reply clock stopped. */
typedef struct
{
  CivicDay  due;
  CivicDay  end;     /* invalid while it runs */
  gboolean  lapsed;
} Span;

/* A consultation ends with its answer, or on its last day without one
 * (Art. 32: the organ then decides; Art. 34: silence is consent), or with
 * the reply given without waiting. An answer after its last day does not
 * stop the reply clock any longer: the 15 days are all the law gives. */
static Span
consultation_span (CivicDisclosureRequestClock *self,
                   const Consultation          *consultation,
                   CivicDay                     today)
{
  g_autoptr(CivicClock) clock = consultation_clock_new (consultation);
  g_autoptr(CivicClockReading) reading = civic_clock_read (clock, self->calendar,
                                                           consultation->served_on, NULL);
  Span span = { reading->due, CIVIC_DAY_INVALID, FALSE };

  if (consultation->answered_on != CIVIC_DAY_INVALID)
    span.end = MIN (consultation->answered_on, span.due);
  else if (self->replied_on != CIVIC_DAY_INVALID)
    span.end = MIN (self->replied_on, span.due);
  else if (today > span.due)
    span.end = span.due;

  span.lapsed = span.end == span.due &&
                (consultation->answered_on == CIVIC_DAY_INVALID ||
                 consultation->answered_on > span.due) &&
                (self->replied_on == CIVIC_DAY_INVALID || self->replied_on > span.due ||
                 consultation->answered_on != CIVIC_DAY_INVALID);
  return span;
}

/* One event of the reply clock. Events of one day go in the order of
 * their rank: a notice before the correction it asks for, the correction
 * before the consultations on it, a consultation's start before its end,
 * the reply last. */
typedef enum
{
  RANK_NOTICE,
  RANK_CORRECTION,
  RANK_CONSULTATION_START,
  RANK_CONSULTATION_END,
  RANK_EXTENSION,
  RANK_REPLY_RESUME,
  RANK_REPLY,
} Rank;

typedef struct
{
  CivicDay             day;
  Rank                 rank;
  CivicClockEventType  type;
  CivicStopReason      reason;
} Step;

static void
add_step (GArray              *steps,
          CivicDay             day,
          Rank                 rank,
          CivicClockEventType  type,
          CivicStopReason      reason)
{
  Step step = { day, rank, type, reason };

  g_array_append_val (steps, step);
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const Step *first = a;
  const Step *second = b;

  if (first->day != second->day)
    return first->day < second->day ? -1 : 1;
  return (int) first->rank - (int) second->rank;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const CivicDay *first = a;
  const CivicDay *second = b;

  return *first < *second ? -1 : *first > *second;
}

/* The consultations that overlap stop the reply clock once: from the
 * first served to the last ended (Art. 33 ¶3). */
static void
add_consultation_steps (CivicDisclosureRequestClock *self,
                        GArray                      *steps,
                        CivicDay                     today)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, 2 * sizeof (CivicDay));
  CivicDay start = CIVIC_DAY_INVALID, end = CIVIC_DAY_INVALID;
  gboolean open = FALSE;

  for (guint i = 0; i < self->consultations->len; i++)
    {
      const Consultation *consultation = &g_array_index (self->consultations, Consultation, i);
      Span span = consultation_span (self, consultation, today);
      CivicDay pair[2] = { consultation->served_on, span.end };

      g_array_append_val (spans, pair);
    }
  g_array_sort (spans, compare_spans);

  for (guint i = 0; i <= spans->len; i++)
    {
      const CivicDay *pair = i < spans->len ? &g_array_index (spans, CivicDay, 2 * i) : NULL;

      /* One served after the others ended starts a stop of its own; one
       * still open holds every later one. */
      if (start != CIVIC_DAY_INVALID && (pair == NULL || (!open && pair[0] > end)))
        {
          add_step (steps, start, RANK_CONSULTATION_START, CIVIC_CLOCK_EVENT_STOP,
                    CIVIC_STOP_REASON_THIRD_PARTY_CONSULTATION);
          if (!open)
            add_step (steps, end, RANK_CONSULTATION_END, CIVIC_CLOCK_EVENT_RESUME, 0);
          start = CIVIC_DAY_INVALID;
        }
      if (pair == NULL)
        break;

      if (start == CIVIC_DAY_INVALID)
        {
          start = pair[0];
          end = pair[1];
          open = pair[1] == CIVIC_DAY_INVALID;
        }
      else if (pair[1] == CIVIC_DAY_INVALID)
        open = TRUE;
      else
        end = MAX (end, pair[1]);
    }
}

/* The reply clock, as the engine replays a stored one: through the same
 * checks a live clock applies, except that an extension is not checked
 * again against the calendar. It was checked when the head granted it
 * (civic_disclosure_request_clock_extend), and a holiday notice loaded
 * since must not unmake a lawful extension. */
static CivicClock *
reply_clock_new (CivicDisclosureRequestClock  *self,
                 CivicDay                      today,
                 gboolean                      with_extension,
                 GError                      **error)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  if (self->correction_notice_on != CIVIC_DAY_INVALID)
    add_step (steps, self->correction_notice_on, RANK_NOTICE, CIVIC_CLOCK_EVENT_STOP,
              CIVIC_STOP_REASON_AWAITING_CORRECTION);
  if (self->corrected_on != CIVIC_DAY_INVALID)
    add_step (steps, self->corrected_on, RANK_CORRECTION, CIVIC_CLOCK_EVENT_RESTART, 0);
  add_consultation_steps (self, steps, today);
  if (with_extension && self->extended_on != CIVIC_DAY_INVALID)
    add_step (steps, self->extended_on, RANK_EXTENSION, CIVIC_CLOCK_EVENT_EXTEND, 0);
  if (self->replied_on != CIVIC_DAY_INVALID)
    {
      /* A reply to a request still awaiting its correction closes it as
       * abandoned (Art. 30): the wait ends there. */
      if (awaiting_correction (self))
        add_step (steps, self->replied_on, RANK_REPLY_RESUME, CIVIC_CLOCK_EVENT_RESUME, 0);
      add_step (steps, self->replied_on, RANK_REPLY, CIVIC_CLOCK_EVENT_COMPLETE, 0);
    }
  g_array_sort (steps, compare_steps);

  json_builder_begin_object (builder);
  civic_json_set_enum (builder, "kind", CIVIC_TYPE_CLOCK_KIND, CIVIC_CLOCK_KIND_DISCLOSURE_REPLY);
  civic_json_set_enum (builder, "trigger", CIVIC_TYPE_CLOCK_TRIGGER, CIVIC_CLOCK_TRIGGER_RECEIVED);
  civic_json_set_day (builder, "start", self->received_on);
  civic_json_set_enum (builder, "unit", CIVIC_TYPE_CLOCK_UNIT, CIVIC_CLOCK_UNIT_WORKING_DAYS);
  civic_json_set_int (builder, "length", REPLY_DAYS);
  civic_json_set_string (builder, "legal_basis", "ogi-33");
  civic_json_set_int (builder, "max_extensions", 1);
  civic_json_set_int (builder, "max_extension_days", MAX_EXTENSION_DAYS);
  civic_json_set_bool (builder, "restartable", TRUE);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < steps->len; i++)
    {
      const Step *step = &g_array_index (steps, Step, i);

      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "type", CIVIC_TYPE_CLOCK_EVENT_TYPE, step->type);
      civic_json_set_day (builder, "day", step->day);
      switch (step->type)
        {
        case CIVIC_CLOCK_EVENT_STOP:
          civic_json_set_enum (builder, "reason", CIVIC_TYPE_STOP_REASON, step->reason);
          break;
        case CIVIC_CLOCK_EVENT_RESTART:
          civic_json_set_string (builder, "note", _("corrected request received"));
          break;
        case CIVIC_CLOCK_EVENT_EXTEND:
          civic_json_set_int (builder, "days", self->extension_days);
          civic_json_set_string (builder, "approver", self->approver);
          civic_json_set_string (builder, "note", self->extension_reason);
          break;
        case CIVIC_CLOCK_EVENT_RESUME:
        case CIVIC_CLOCK_EVENT_COMPLETE:
        default:
          break;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  return civic_clock_new_from_json (node, error);
}

/* Changes: each is checked against the Regulations, then against the
 * engine, which has the last word on the order of events. */

/* An event the request cannot take: FALSE, for "return refuse (…)" */
#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR, \
                 CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_ ## code, __VA_ARGS__); \
    FALSE; \
  })

/* What every event shares: a day, not before the request, and a request
 * not yet replied to. */
static gboolean
check_event_day (CivicDisclosureRequestClock  *self,
                 CivicDay                      day,
                 GError                      **error)
{
  if (day == CIVIC_DAY_INVALID)
    return refuse (error, INVALID, _("The date of the event is missing"));

  if (self->replied_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *replied = civic_day_format (self->replied_on);

      return refuse (error, RULE, _("The request was replied to on %s; nothing more can happen "
                                    "to its time limits"), replied);
    }

  if (day < self->received_on)
    {
      g_autofree char *when = civic_day_format (day);
      g_autofree char *received = civic_day_format (self->received_on);

      return refuse (error, INVALID, _("%s is before the request was received, on %s"),
                     when, received);
    }

  return TRUE;
}

/* The consultations and the extension concern the request as corrected. */
static gboolean
check_after_correction (CivicDisclosureRequestClock  *self,
                        CivicDay                      day,
                        GError                      **error)
{
  if (awaiting_correction (self))
    return refuse (error, RULE, _("The request is awaiting the applicant’s correction"));

  if (self->corrected_on != CIVIC_DAY_INVALID && day < self->corrected_on)
    {
      g_autofree char *when = civic_day_format (day);
      g_autofree char *corrected = civic_day_format (self->corrected_on);

      return refuse (error, INVALID, _("%s is before the corrected request was received, on %s"),
                     when, corrected);
    }

  return TRUE;
}

/* Whether the engine takes the request's events in order, on the day of
 * the latest. */
static gboolean
check_with_engine (CivicDisclosureRequestClock  *self,
                   GError                      **error)
{
  g_autoptr(CivicClock) clock = NULL;
  g_autoptr(GError) engine_error = NULL;

  clock = reply_clock_new (self, latest_day (self), TRUE, &engine_error);
  if (clock == NULL)
    return refuse (error, INVALID, "%s", engine_error->message);
  return TRUE;
}

/**
 * civic_disclosure_request_clock_send_correction_notice:
 * @day: the day the notice was sent
 *
 * Records the notice asking the applicant to correct an unclear request
 * (Art. 30). It stops the reply clock until the correction arrives. The
 * law allows one notice, which lists everything to correct, within 7
 * working days of receipt; it comes before any consultation or extension,
 * which concern the request as corrected.
 */
gboolean
civic_disclosure_request_clock_send_correction_notice (CivicDisclosureRequestClock  *self,
                                                       CivicDay                      day,
                                                       GError                      **error)
{
  CivicDay due;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), FALSE);

  if (!check_event_day (self, day, error))
    return FALSE;

  if (self->correction_notice_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *sent = civic_day_format (self->correction_notice_on);

      return refuse (error, RULE, _("A correction notice was already sent on %s; the applicant is "
                                    "told everything to correct in one notice (Art. 30)"), sent);
    }

  if (self->consultations->len > 0 || self->extended_on != CIVIC_DAY_INVALID)
    return refuse (error, RULE, _("A correction notice comes before any consultation or "
                                  "extension"));

  due = correction_notice_due (self);
  if (day > due)
    {
      g_autofree char *last = civic_day_format (due);

      return refuse (error, RULE, _("The correction notice had to be sent by %s, within 7 working "
                                    "days of receipt (Art. 30)"), last);
    }

  self->correction_notice_on = day;
  if (!check_with_engine (self, error))
    {
      self->correction_notice_on = CIVIC_DAY_INVALID;
      return FALSE;
    }
  return TRUE;
}

/**
 * civic_disclosure_request_clock_receive_correction:
 * @day: the day the corrected request was received
 *
 * The 20 days to reply start again from this day (Art. 30).
 */
gboolean
civic_disclosure_request_clock_receive_correction (CivicDisclosureRequestClock  *self,
                                                   CivicDay                      day,
                                                   GError                      **error)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), FALSE);

  if (!check_event_day (self, day, error))
    return FALSE;

  if (self->correction_notice_on == CIVIC_DAY_INVALID)
    return refuse (error, RULE, _("No correction notice was sent for this request"));

  if (self->corrected_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *corrected = civic_day_format (self->corrected_on);

      return refuse (error, RULE, _("The corrected request was already received on %s"),
                     corrected);
    }

  if (day < self->correction_notice_on)
    {
      g_autofree char *when = civic_day_format (day);
      g_autofree char *sent = civic_day_format (self->correction_notice_on);

      return refuse (error, INVALID, _("%s is before the correction notice was sent, on %s"),
                     when, sent);
    }

  self->corrected_on = day;
  if (!check_with_engine (self, error))
    {
      self->corrected_on = CIVIC_DAY_INVALID;
      return FALSE;
    }
  return TRUE;
}

/**
 * civic_disclosure_request_clock_start_consultation:
 * @served_on: the day the letter asking for an opinion reached them
 * @index: (out) (optional): the consultation's index, to record its answer
 *
 * Records a written consultation of a third party (Art. 32) or of an
 * organ that made the information jointly (Art. 34). They have 15 working
 * days to answer, which do not count against the reply (Art. 33 ¶3).
 */
gboolean
civic_disclosure_request_clock_start_consultation (CivicDisclosureRequestClock  *self,
                                                   CivicDisclosureConsultee      consultee,
                                                   CivicDay                      served_on,
                                                   guint                        *index,
                                                   GError                      **error)
{
  Consultation consultation = { consultee, served_on, CIVIC_DAY_INVALID };

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), FALSE);
  g_return_val_if_fail (consultee == CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY ||
                        consultee == CIVIC_DISCLOSURE_CONSULTEE_CO_PRODUCER, FALSE);

  if (!check_event_day (self, served_on, error) ||
      !check_after_correction (self, served_on, error))
    return FALSE;

  g_array_append_val (self->consultations, consultation);
  if (!check_with_engine (self, error))
    {
      g_array_set_size (self->consultations, self->consultations->len - 1);
      return FALSE;
    }

  if (index != NULL)
    *index = self->consultations->len - 1;
  return TRUE;
}

/**
 * civic_disclosure_request_clock_answer_consultation:
 * @index: as civic_disclosure_request_clock_start_consultation() gave it
 * @answered_on: the day the answer was received
 */
gboolean
civic_disclosure_request_clock_answer_consultation (CivicDisclosureRequestClock  *self,
                                                    guint                         index,
                                                    CivicDay                      answered_on,
                                                    GError                      **error)
{
  Consultation *consultation;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), FALSE);

  if (!check_event_day (self, answered_on, error))
    return FALSE;

  if (index >= self->consultations->len)
    return refuse (error, INVALID, _("There is no such consultation"));
  consultation = &g_array_index (self->consultations, Consultation, index);

  if (consultation->answered_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *answered = civic_day_format (consultation->answered_on);

      return refuse (error, RULE, _("The consultation was already answered on %s"), answered);
    }

  if (answered_on < consultation->served_on)
    {
      g_autofree char *when = civic_day_format (answered_on);
      g_autofree char *served = civic_day_format (consultation->served_on);

      return refuse (error, INVALID, _("%s is before the consultation was served, on %s"),
                     when, served);
    }

  consultation->answered_on = answered_on;
  if (!check_with_engine (self, error))
    {
      g_array_index (self->consultations, Consultation, index).answered_on = CIVIC_DAY_INVALID;
      return FALSE;
    }
  return TRUE;
}

/**
 * civic_disclosure_request_clock_extend:
 * @day: the day the extension was approved
 * @days: by how many working days, 1 to 20
 * @approver: the name of who approved it
 * @approver_is_head: whether the approver heads the organ's disclosure
 *   office (政府信息公开工作机构负责人), as the directory says
 * @reason: the reason, which the applicant is told
 *
 * Art. 33 ¶2: only the head of the disclosure office extends the time
 * limit to reply, by 20 working days at most, before it runs out; this
 * program allows it once.
 */
gboolean
civic_disclosure_request_clock_extend (CivicDisclosureRequestClock  *self,
                                       CivicDay                      day,
                                       int                           days,
                                       const char                   *approver,
                                       gboolean                      approver_is_head,
                                       const char                   *reason,
                                       GError                      **error)
{
  g_autoptr(CivicClock) clock = NULL;
  g_autoptr(CivicClockReading) reading = NULL;
  g_autoptr(GError) engine_error = NULL;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), FALSE);

  if (!check_event_day (self, day, error))
    return FALSE;

  if (!approver_is_head)
    return refuse (error, NOT_HEAD, _("Only the head of the disclosure office can extend the time "
                                      "limit to reply (Art. 33)"));

  if (self->extended_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *extended = civic_day_format (self->extended_on);

      return refuse (error, RULE, _("The time limit to reply was already extended on %s; it can "
                                    "be extended once"), extended);
    }

  if (days < 1 || days > MAX_EXTENSION_DAYS)
    return refuse (error, RULE, _("An extension is of 1 to 20 working days (Art. 33)"));

  if (approver == NULL || *approver == '\0')
    return refuse (error, INVALID, _("Give the name of the head who approved the extension"));

  if (reason == NULL || *reason == '\0')
    return refuse (error, INVALID, _("An extension needs a reason, which the applicant is told"));

  if (!check_after_correction (self, day, error))
    return FALSE;

  /* Before it runs out, as the time limit stood that day */
  clock = reply_clock_new (self, day, FALSE, &engine_error);
  if (clock == NULL)
    return refuse (error, INVALID, "%s", engine_error->message);
  reading = civic_clock_read (clock, self->calendar, day, NULL);
  if (day > reading->due)
    {
      g_autofree char *due = civic_day_format (reading->due);

      return refuse (error, RULE, _("The time limit ran out on %s; it can only be extended before "
                                    "it runs out"), due);
    }

  self->extended_on = day;
  self->extension_days = days;
  self->approver = g_strdup (approver);
  self->extension_reason = g_strdup (reason);
  if (!check_with_engine (self, error))
    {
      self->extended_on = CIVIC_DAY_INVALID;
      self->extension_days = 0;
      g_clear_pointer (&self->approver, g_free);
      g_clear_pointer (&self->extension_reason, g_free);
      return FALSE;
    }
  return TRUE;
}

/**
 * civic_disclosure_request_clock_reply:
 * @day: the day the reply was issued
 *
 * Completes the reply clock. A consultation still open ends with it, and
 * a request still awaiting its correction is closed by it.
 */
gboolean
civic_disclosure_request_clock_reply (CivicDisclosureRequestClock  *self,
                                      CivicDay                      day,
                                      GError                      **error)
{
  CivicDay latest;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), FALSE);

  if (!check_event_day (self, day, error))
    return FALSE;

  latest = latest_day (self);
  if (day < latest)
    {
      g_autofree char *when = civic_day_format (day);
      g_autofree char *last = civic_day_format (latest);

      return refuse (error, INVALID, _("%s is before %s, the date of the request’s latest event"),
                     when, last);
    }

  self->replied_on = day;
  if (!check_with_engine (self, error))
    {
      self->replied_on = CIVIC_DAY_INVALID;
      return FALSE;
    }
  return TRUE;
}

/* Reading */

static void
consultation_reading_free (CivicDisclosureConsultationReading *reading)
{
  g_clear_pointer (&reading->reading, civic_clock_reading_free);
  g_free (reading);
}

/* The last line of a consultation's explanation says how it ended when
 * no answer ended it. */
static void
explain_unanswered_end (CivicDisclosureConsultationReading *consultation)
{
  GPtrArray *trace = consultation->reading->trace;
  CivicTraceStep *last = g_ptr_array_index (trace, trace->len - 1);
  g_autofree char *when = civic_day_format (consultation->ended_on);

  g_assert (last->kind == CIVIC_TRACE_COMPLETED);

  g_free (last->text);
  if (!consultation->lapsed)
    last->text = g_strdup_printf (_("Ended unanswered on %s, when the request was replied to"),
                                  when);
  else if (consultation->consultee == CIVIC_DISCLOSURE_CONSULTEE_CO_PRODUCER)
    last->text = g_strdup_printf (_("No answer by %s, its last day: the organ consulted is deemed "
                                    "to consent to disclosure (Art. 34)"), when);
  else
    last->text = g_strdup_printf (_("No answer by %s, its last day: the consultation has ended, "
                                    "and this organ decides whether to disclose (Art. 32)"), when);
}

static CivicDisclosureConsultationReading *
read_consultation (CivicDisclosureRequestClock *self,
                   const Consultation          *consultation,
                   CivicDay                     today,
                   const CivicClockPolicy      *policy)
{
  CivicDisclosureConsultationReading *reading = g_new0 (CivicDisclosureConsultationReading, 1);
  g_autoptr(CivicClock) clock = consultation_clock_new (consultation);
  Span span = consultation_span (self, consultation, today);

  reading->consultee = consultation->consultee;
  reading->served_on = consultation->served_on;
  reading->answered_on = consultation->answered_on;
  reading->due = span.due;
  reading->ended_on = span.end;
  reading->lapsed = span.lapsed;

  /* An answer completes the consultation's own clock, late or not; without
   * one it is done when it stops holding the reply clock. */
  if (consultation->answered_on != CIVIC_DAY_INVALID)
    civic_clock_complete (clock, consultation->answered_on, NULL);
  else if (span.end != CIVIC_DAY_INVALID)
    civic_clock_complete (clock, span.end, NULL);

  reading->reading = civic_clock_read (clock, self->calendar, today, policy);
  if (consultation->answered_on == CIVIC_DAY_INVALID && span.end != CIVIC_DAY_INVALID)
    explain_unanswered_end (reading);
  return reading;
}

/**
 * civic_disclosure_request_clock_read:
 * @today: the day to read the clocks on
 * @policy: (nullable): thresholds for yellow, or %NULL for the default
 *
 * Returns: (transfer full): the reply clock with its due day, status,
 * days left and explanation; the day the correction notice is due by;
 * each consultation's last day.
 */
CivicDisclosureRequestReading *
civic_disclosure_request_clock_read (CivicDisclosureRequestClock *self,
                                     CivicDay                     today,
                                     const CivicClockPolicy      *policy)
{
  CivicDisclosureRequestReading *reading;
  g_autoptr(CivicClock) correction_clock = NULL;
  g_autoptr(GError) error = NULL;
  gboolean notice_possible;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), NULL);
  g_return_val_if_fail (today != CIVIC_DAY_INVALID, NULL);

  reading = g_new0 (CivicDisclosureRequestReading, 1);

  /* Every change went through the same replay, so it cannot fail now. */
  reading->reply_clock = reply_clock_new (self, today, TRUE, &error);
  g_assert_no_error (error);
  reading->reply = civic_clock_read (reading->reply_clock, self->calendar, today, policy);

  correction_clock = correction_notice_clock_new (self);
  reading->correction_notice = civic_clock_read (correction_clock, self->calendar, today, policy);
  reading->correction_notice_due = reading->correction_notice->due;
  notice_possible = self->replied_on == CIVIC_DAY_INVALID && self->consultations->len == 0 &&
                    self->extended_on == CIVIC_DAY_INVALID &&
                    today <= reading->correction_notice_due;
  if (self->correction_notice_on == CIVIC_DAY_INVALID && !notice_possible)
    g_clear_pointer (&reading->correction_notice, civic_clock_reading_free);

  reading->consultations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) consultation_reading_free);
  for (guint i = 0; i < self->consultations->len; i++)
    g_ptr_array_add (reading->consultations,
                     read_consultation (self, &g_array_index (self->consultations, Consultation, i),
                                        today, policy));

  return reading;
}

void
civic_disclosure_request_reading_free (CivicDisclosureRequestReading *reading)
{
  if (reading == NULL)
    return;

  g_clear_object (&reading->reply_clock);
  g_clear_pointer (&reading->reply, civic_clock_reading_free);
  g_clear_pointer (&reading->correction_notice, civic_clock_reading_free);
  g_clear_pointer (&reading->consultations, g_ptr_array_unref);
  g_free (reading);
}

/* Storage */

/**
 * civic_disclosure_request_clock_to_json:
 *
 * Returns: (transfer full): what happened to the request, as
 * civic_disclosure_request_clock_new_from_json() reads it back:
 * {received_on, correction_notice_on, corrected_on, consultations:
 * [{consultee, served_on, answered_on}], extension: {on, days, approver,
 * reason} or null, replied_on}
 */
JsonNode *
civic_disclosure_request_clock_to_json (CivicDisclosureRequestClock *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST_CLOCK (self), NULL);

  json_builder_begin_object (builder);
  civic_json_set_day (builder, "received_on", self->received_on);
  civic_json_set_day (builder, "correction_notice_on", self->correction_notice_on);
  civic_json_set_day (builder, "corrected_on", self->corrected_on);
  json_builder_set_member_name (builder, "consultations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->consultations->len; i++)
    {
      const Consultation *consultation = &g_array_index (self->consultations, Consultation, i);

      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "consultee", CIVIC_TYPE_DISCLOSURE_CONSULTEE,
                           consultation->consultee);
      civic_json_set_day (builder, "served_on", consultation->served_on);
      civic_json_set_day (builder, "answered_on", consultation->answered_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "extension");
  if (self->extended_on == CIVIC_DAY_INVALID)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      civic_json_set_day (builder, "on", self->extended_on);
      civic_json_set_int (builder, "days", self->extension_days);
      civic_json_set_string (builder, "approver", self->approver);
      civic_json_set_string (builder, "reason", self->extension_reason);
      json_builder_end_object (builder);
    }
  civic_json_set_day (builder, "replied_on", self->replied_on);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
read_consultations (CivicDisclosureRequestClock  *self,
                    JsonArray                    *array,
                    GError                      **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = civic_json_array_lookup_object (array, i);
      Consultation consultation = { 0 };
      int consultee = 0;

      if (item == NULL)
        return refuse (error, INVALID, _("A consultation must be an object"));
      if (!civic_json_get_enum (item, "consultee", TRUE, CIVIC_TYPE_DISCLOSURE_CONSULTEE,
                                &consultee, error) ||
          !civic_json_get_day (item, "served_on", TRUE, &consultation.served_on, error) ||
          !civic_json_get_day (item, "answered_on", FALSE, &consultation.answered_on, error))
        return FALSE;
      if (consultation.answered_on != CIVIC_DAY_INVALID &&
          consultation.answered_on < consultation.served_on)
        return refuse (error, INVALID, _("A consultation was answered before it was served"));
      consultation.consultee = consultee;
      g_array_append_val (self->consultations, consultation);
    }
  return TRUE;
}

/**
 * civic_disclosure_request_clock_new_from_json:
 * @calendar: the working days the organ keeps
 * @node: what civic_disclosure_request_clock_to_json() gave
 *
 * Restores a request's clocks as they were recorded. The rules each event
 * passed when it happened are not applied again: a holiday notice loaded
 * since must not unmake a correction notice or an extension that was on
 * time then. The engine still checks that the events follow each other.
 *
 * Returns: (transfer full) (nullable): the clocks, or %NULL with @error
 */
CivicDisclosureRequestClock *
civic_disclosure_request_clock_new_from_json (CivicCalendar  *calendar,
                                              JsonNode       *node,
                                              GError        **error)
{
  g_autoptr(CivicDisclosureRequestClock) self = NULL;
  JsonObject *object, *extension = NULL;
  JsonArray *consultations = NULL;
  CivicDay received_on;
  gint64 days = 0;
  const char *approver = NULL, *reason = NULL;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (error, INVALID, _("The clocks of a request must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_day (object, "received_on", TRUE, &received_on, error))
    return NULL;

  self = civic_disclosure_request_clock_new (calendar, received_on);
  if (!civic_json_get_day (object, "correction_notice_on", FALSE, &self->correction_notice_on,
                           error) ||
      !civic_json_get_day (object, "corrected_on", FALSE, &self->corrected_on, error) ||
      !civic_json_get_array (object, "consultations", FALSE, &consultations, error) ||
      !read_consultations (self, consultations, error) ||
      !civic_json_get_object (object, "extension", FALSE, &extension, error) ||
      !civic_json_get_day (object, "replied_on", FALSE, &self->replied_on, error))
    return NULL;

  if (extension != NULL)
    {
      if (!civic_json_get_day (extension, "on", TRUE, &self->extended_on, error) ||
          !civic_json_get_int (extension, "days", TRUE, 1, MAX_EXTENSION_DAYS, &days, error) ||
          !civic_json_get_string (extension, "approver", FALSE, &approver, error) ||
          !civic_json_get_string (extension, "reason", FALSE, &reason, error))
        return NULL;
      self->extension_days = (int) days;
      self->approver = g_strdup (approver);
      self->extension_reason = g_strdup (reason);
    }

  if ((self->corrected_on != CIVIC_DAY_INVALID &&
       (self->correction_notice_on == CIVIC_DAY_INVALID ||
        self->corrected_on < self->correction_notice_on)) ||
      (self->correction_notice_on != CIVIC_DAY_INVALID &&
       self->correction_notice_on < self->received_on))
    {
      refuse (error, INVALID, _("The correction of a request does not follow its notice"));
      return NULL;
    }
  if (self->replied_on != CIVIC_DAY_INVALID && self->replied_on < latest_day (self))
    {
      refuse (error, INVALID, _("A request was replied to before its latest event"));
      return NULL;
    }
  if (!check_with_engine (self, error))
    return NULL;
  return g_steal_pointer (&self);
}
