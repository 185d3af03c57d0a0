/* civic-clock.c — a statutory time limit with its stops and extensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-clock"

#include "config.h"

#include "civic-i18n.h"

#include "civic-clock.h"
#include "civic-core-enums.h"
#include "civic-json.h"

/* How the days are counted, in one place:
 *
 * - The day of the triggering event is not counted (Civil Code Art. 201,
 *   Civil Procedure Law Art. 85) unless the clock says otherwise.
 * - A stop takes effect after the day it is recorded, and counting picks
 *   up again the day after the resumption: the days after the stop up to
 *   and including the resumption day are not counted (ALL Art. 45, OGI
 *   Art. 33 ¶3). The resumption day is treated like a trigger day.
 * - An extension adds days to the limit; it has to be granted before the
 *   limit runs out (ALL Art. 42: "二十日内不能作出决定的").
 * - A restart (a corrected disclosure request, OGI Art. 30) starts the
 *   count again from the restart day, with the full length. While the
 *   clock waits for that correction, its due date is projected as a
 *   restart today, not a resumption: the days before the notice are lost.
 * - A period counted in calendar days whose last day is a rest day ends on
 *   the next working day (Civil Procedure Law Art. 85). */

struct _CivicClock
{
  GObject            parent_instance;

  CivicClockKind     kind;
  CivicClockTrigger  trigger;
  CivicDay           start;
  CivicClockUnit     unit;
  int                length;
  char              *legal_basis;

  /* Rules */
  gboolean           count_start_day;
  int                max_extensions;
  int                max_extension_days;
  gboolean           restartable;
  gboolean           end_on_working_day;

  GPtrArray         *events;
};

G_DEFINE_FINAL_TYPE (CivicClock, civic_clock, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-clock-error-quark, civic_clock_error)

#define MAX_LENGTH 3660
#define MAX_SCAN_DAYS (366 * 30)

static const CivicClockPolicy default_policy = { 3, 0 };

static void
clock_event_free (CivicClockEvent *event)
{
  g_free (event->approver);
  g_free (event->note);
  g_free (event);
}

static void
trace_step_free (CivicTraceStep *step)
{
  g_free (step->text);
  g_free (step);
}

static void
civic_clock_finalize (GObject *object)
{
  CivicClock *self = (CivicClock *)object;

  g_clear_pointer (&self->legal_basis, g_free);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (civic_clock_parent_class)->finalize (object);
}

static void
civic_clock_class_init (CivicClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_clock_finalize;
}

static void
civic_clock_init (CivicClock *self)
{
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) clock_event_free);
  self->end_on_working_day = TRUE;
}

/**
 * civic_clock_new:
 * @start: the day of the triggering event
 * @length: the limit, in @unit
 * @legal_basis: (nullable): the article that sets the limit, as shown to
 *   officials ("《行政许可法》第四十二条")
 */
CivicClock *
civic_clock_new (CivicClockKind     kind,
                 CivicClockTrigger  trigger,
                 CivicDay           start,
                 CivicClockUnit     unit,
                 int                length,
                 const char        *legal_basis)
{
  CivicClock *self;

  g_return_val_if_fail (start != CIVIC_DAY_INVALID, NULL);
  g_return_val_if_fail (length >= 0 && length <= MAX_LENGTH, NULL);

  self = g_object_new (CIVIC_TYPE_CLOCK, NULL);
  self->kind = kind;
  self->trigger = trigger;
  self->start = start;
  self->unit = unit;
  self->length = length;
  self->legal_basis = g_strdup (legal_basis);
  return self;
}

CivicClock *
civic_clock_copy (CivicClock *self)
{
  CivicClock *copy;

  g_return_val_if_fail (CIVIC_IS_CLOCK (self), NULL);

  copy = civic_clock_new (self->kind, self->trigger, self->start, self->unit,
                          self->length, self->legal_basis);
  copy->count_start_day = self->count_start_day;
  copy->max_extensions = self->max_extensions;
  copy->max_extension_days = self->max_extension_days;
  copy->restartable = self->restartable;
  copy->end_on_working_day = self->end_on_working_day;

  for (guint i = 0; i < self->events->len; i++)
    {
      const CivicClockEvent *event = g_ptr_array_index (self->events, i);
      CivicClockEvent *dup = g_memdup2 (event, sizeof *event);

      dup->approver = g_strdup (event->approver);
      dup->note = g_strdup (event->note);
      g_ptr_array_add (copy->events, dup);
    }

  return copy;
}

CivicClockKind
civic_clock_get_kind (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), 0);
  return self->kind;
}

CivicClockTrigger
civic_clock_get_trigger (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), 0);
  return self->trigger;
}

CivicDay
civic_clock_get_start (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), CIVIC_DAY_INVALID);
  return self->start;
}

CivicClockUnit
civic_clock_get_unit (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), 0);
  return self->unit;
}

int
civic_clock_get_length (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), 0);
  return self->length;
}

const char *
civic_clock_get_legal_basis (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), NULL);
  return self->legal_basis;
}

gboolean
civic_clock_get_count_start_day (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), FALSE);
  return self->count_start_day;
}

void
civic_clock_set_count_start_day (CivicClock *self,
                                 gboolean    count_start_day)
{
  g_return_if_fail (CIVIC_IS_CLOCK (self));
  self->count_start_day = !!count_start_day;
}

/**
 * civic_clock_set_extension_rule:
 * @max_extensions: how many times the limit may be extended (ALL Art. 42:
 *   once)
 * @max_days: by how much at most each time (10 on the ordinary track, 15
 *   on the joint one, 20 for a disclosure reply)
 */
void
civic_clock_set_extension_rule (CivicClock *self,
                                int         max_extensions,
                                int         max_days)
{
  g_return_if_fail (CIVIC_IS_CLOCK (self));
  g_return_if_fail (max_extensions >= 0 && max_days >= 0 && max_days <= MAX_LENGTH);

  self->max_extensions = max_extensions;
  self->max_extension_days = max_days;
}

int
civic_clock_get_max_extension_days (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), 0);
  return self->max_extension_days;
}

int
civic_clock_get_max_extensions (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), 0);
  return self->max_extensions;
}

void
civic_clock_set_restartable (CivicClock *self,
                             gboolean    restartable)
{
  g_return_if_fail (CIVIC_IS_CLOCK (self));
  self->restartable = !!restartable;
}

gboolean
civic_clock_get_restartable (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), FALSE);
  return self->restartable;
}

void
civic_clock_set_end_on_working_day (CivicClock *self,
                                    gboolean    end_on_working_day)
{
  g_return_if_fail (CIVIC_IS_CLOCK (self));
  self->end_on_working_day = !!end_on_working_day;
}

guint
civic_clock_get_n_events (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), 0);
  return self->events->len;
}

const CivicClockEvent *
civic_clock_get_event (CivicClock *self,
                       guint       index)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);

  return g_ptr_array_index (self->events, index);
}

/* Index of the first event that belongs to the current count: everything
 * before the last restart is history. */
static guint
current_first_event (CivicClock *self,
                     CivicDay   *origin)
{
  guint first = 0;

  *origin = self->start;
  for (guint i = 0; i < self->events->len; i++)
    {
      const CivicClockEvent *event = g_ptr_array_index (self->events, i);

      if (event->type == CIVIC_CLOCK_EVENT_RESTART)
        {
          first = i + 1;
          *origin = event->day;
        }
    }

  return first;
}

static const CivicClockEvent *
open_stop (CivicClock *self)
{
  const CivicClockEvent *stop = NULL;
  CivicDay origin;

  for (guint i = current_first_event (self, &origin); i < self->events->len; i++)
    {
      const CivicClockEvent *event = g_ptr_array_index (self->events, i);

      if (event->type == CIVIC_CLOCK_EVENT_STOP)
        stop = event;
      else if (event->type == CIVIC_CLOCK_EVENT_RESUME)
        stop = NULL;
    }

  return stop;
}

gboolean
civic_clock_is_stopped (CivicClock *self)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), FALSE);
  return open_stop (self) != NULL;
}

gboolean
civic_clock_is_completed (CivicClock *self)
{
  const CivicClockEvent *last;

  g_return_val_if_fail (CIVIC_IS_CLOCK (self), FALSE);

  if (self->events->len == 0)
    return FALSE;
  last = g_ptr_array_index (self->events, self->events->len - 1);
  return last->type == CIVIC_CLOCK_EVENT_COMPLETE;
}

int
civic_clock_get_extensions_used (CivicClock *self)
{
  CivicDay origin;
  int used = 0;

  g_return_val_if_fail (CIVIC_IS_CLOCK (self), 0);

  for (guint i = current_first_event (self, &origin); i < self->events->len; i++)
    if (((CivicClockEvent *) g_ptr_array_index (self->events, i))->type == CIVIC_CLOCK_EVENT_EXTEND)
      used++;

  return used;
}

/* An event the clock cannot take: FALSE, for "return refuse (…)" */
#define refuse(error, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_CLOCK_ERROR, CIVIC_CLOCK_ERROR_INVALID_EVENT, __VA_ARGS__); \
    FALSE; \
  })

/* The checks every event shares: a real day, in order, on a running
 * clock. */
static gboolean
check_event_day (CivicClock  *self,
                 CivicDay     day,
                 GError     **error)
{
  CivicDay last = self->start;

  if (day == CIVIC_DAY_INVALID)
    return refuse (error, _("The date of the event is missing"));

  if (civic_clock_is_completed (self))
    return refuse (error, _("The clock has already been completed"));

  for (guint i = 0; i < self->events->len; i++)
    last = MAX (last, ((CivicClockEvent *) g_ptr_array_index (self->events, i))->day);

  if (day < last)
    {
      g_autofree char *when = civic_day_format (day);
      g_autofree char *latest = civic_day_format (last);

      return refuse (error, _("%s is before %s, the date of the clock’s latest event"),
                     when, latest);
    }

  return TRUE;
}

static CivicClockEvent *
add_event (CivicClock          *self,
           CivicClockEventType  type,
           CivicDay             day,
           const char          *note)
{
  CivicClockEvent *event = g_new0 (CivicClockEvent, 1);

  event->type = type;
  event->day = day;
  event->note = g_strdup (note);
  g_ptr_array_add (self->events, event);
  return event;
}

gboolean
civic_clock_stop (CivicClock       *self,
                  CivicDay          day,
                  CivicStopReason   reason,
                  const char       *note,
                  GError          **error)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), FALSE);

  if (!check_event_day (self, day, error))
    return FALSE;

  if (open_stop (self) != NULL)
    return refuse (error, _("The clock is already stopped"));

  add_event (self, CIVIC_CLOCK_EVENT_STOP, day, note)->reason = reason;
  return TRUE;
}

gboolean
civic_clock_resume (CivicClock  *self,
                    CivicDay     day,
                    const char  *note,
                    GError     **error)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), FALSE);

  if (!check_event_day (self, day, error))
    return FALSE;

  if (open_stop (self) == NULL)
    return refuse (error, _("The clock is not stopped"));

  add_event (self, CIVIC_CLOCK_EVENT_RESUME, day, note);
  return TRUE;
}

gboolean
civic_clock_extend (CivicClock     *self,
                    CivicCalendar  *calendar,
                    CivicDay        day,
                    int             days,
                    const char     *approver,
                    const char     *note,
                    GError        **error)
{
  g_autoptr(CivicClockReading) reading = NULL;
  CivicClockEvent *event;

  g_return_val_if_fail (CIVIC_IS_CLOCK (self), FALSE);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), FALSE);

  if (!check_event_day (self, day, error))
    return FALSE;

  if (self->max_extensions == 0)
    return refuse (error, _("This time limit cannot be extended"));

  if (civic_clock_get_extensions_used (self) >= self->max_extensions)
    return refuse (error, _("The time limit has already been extended; the law allows it once"));

  if (days < 1 || days > self->max_extension_days)
    {
      g_autofree char *most = g_strdup_printf (civic_clock_unit_get_label (self->unit,
                                                                           self->max_extension_days),
                                               self->max_extension_days);

      return refuse (error, _("An extension must be of at least one day and at most %s"), most);
    }

  if (approver == NULL || *approver == '\0')
    return refuse (error, _("Give the name of the head who approved the extension"));

  if (note == NULL || *note == '\0')
    return refuse (error, _("An extension needs a reason, which the applicant is told"));

  reading = civic_clock_read (self, calendar, day, NULL);
  if (day > reading->due)
    {
      g_autofree char *due = civic_day_format (reading->due);

      return refuse (error, _("The time limit ran out on %s; it can only be extended before it "
                              "runs out"), due);
    }

  event = add_event (self, CIVIC_CLOCK_EVENT_EXTEND, day, note);
  event->days = days;
  event->approver = g_strdup (approver);
  return TRUE;
}

gboolean
civic_clock_restart (CivicClock  *self,
                     CivicDay     day,
                     const char  *note,
                     GError     **error)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), FALSE);

  if (!check_event_day (self, day, error))
    return FALSE;

  if (!self->restartable)
    return refuse (error, _("This time limit cannot be restarted"));

  add_event (self, CIVIC_CLOCK_EVENT_RESTART, day, note);
  return TRUE;
}

gboolean
civic_clock_complete (CivicClock  *self,
                      CivicDay     day,
                      GError     **error)
{
  g_return_val_if_fail (CIVIC_IS_CLOCK (self), FALSE);

  if (!check_event_day (self, day, error))
    return FALSE;

  if (open_stop (self) != NULL)
    return refuse (error, _("The clock is stopped; resume it before completing"));

  add_event (self, CIVIC_CLOCK_EVENT_COMPLETE, day, NULL);
  return TRUE;
}

const CivicClockPolicy *
civic_clock_policy_get_default (void)
{
  return &default_policy;
}

/* Labels */

/* The articles that set the clocks of this program. A clock stores the
 * key, so that what is saved is language-neutral; any other text (a
 * service item's own law) is shown as it is. */
static const struct
{
  const char *key;
  const char *label;
} legal_bases[] = {
  { "all-32-4", N_("Administrative Licensing Law, Art. 32(4)") },
  { "all-42-1", N_("Administrative Licensing Law, Art. 42(1)") },
  { "all-42-2", N_("Administrative Licensing Law, Art. 42(2)") },
  { "all-44", N_("Administrative Licensing Law, Art. 44") },
  { "all-47", N_("Administrative Licensing Law, Art. 47") },
  { "ogi-26", N_("Regulations on Government Information Disclosure, Art. 26") },
  { "ogi-30", N_("Regulations on Government Information Disclosure, Art. 30") },
  { "ogi-32", N_("Regulations on Government Information Disclosure, Art. 32") },
  { "ogi-33", N_("Regulations on Government Information Disclosure, Art. 33") },
  { "ogi-34", N_("Regulations on Government Information Disclosure, Art. 34") },
  { "xf-34", N_("Regulations on Letters and Visits, Art. 34") },
  { "promised", N_("the promised time limit of the service guide") },
};

/**
 * civic_legal_basis_get_label:
 * @basis: (nullable): a key such as "all-42-1", or a citation as written
 *
 * Returns: the citation in the user's language.
 */
const char *
civic_legal_basis_get_label (const char *basis)
{
  for (guint i = 0; basis != NULL && i < G_N_ELEMENTS (legal_bases); i++)
    if (g_str_equal (legal_bases[i].key, basis))
      return _(legal_bases[i].label);

  return basis;
}

const char *
civic_clock_kind_get_label (CivicClockKind kind)
{
  switch (kind)
    {
    case CIVIC_CLOCK_KIND_STATUTORY: return _("Statutory time limit");
    case CIVIC_CLOCK_KIND_PROMISED: return _("Promised time limit");
    case CIVIC_CLOCK_KIND_CORRECTION_NOTICE: return _("Correction notice deadline");
    case CIVIC_CLOCK_KIND_DELIVERY: return _("Licence delivery deadline");
    case CIVIC_CLOCK_KIND_HEARING_REQUEST: return _("Hearing request period");
    case CIVIC_CLOCK_KIND_HEARING_ORGANISE: return _("Hearing organisation deadline");
    case CIVIC_CLOCK_KIND_DISCLOSURE_REPLY: return _("Disclosure reply deadline");
    case CIVIC_CLOCK_KIND_DISCLOSURE_CORRECTION: return _("Disclosure correction deadline");
    case CIVIC_CLOCK_KIND_PROACTIVE_DISCLOSURE: return _("Proactive disclosure deadline");
    case CIVIC_CLOCK_KIND_THIRD_PARTY: return _("Third-party reply period");
    case CIVIC_CLOCK_KIND_COMPLAINT: return _("Complaint handling deadline");
    case CIVIC_CLOCK_KIND_MESSAGE_SIGN_FOR: return _("Sign-for deadline");
    case CIVIC_CLOCK_KIND_MESSAGE_REPLY: return _("Reply deadline");
    case CIVIC_CLOCK_KIND_MESSAGE_SEND_BACK: return _("Send-back period");
    case CIVIC_CLOCK_KIND_RECTIFICATION: return _("Rectification deadline");
    case CIVIC_CLOCK_KIND_EVALUATION: return _("Evaluation period");
    case CIVIC_CLOCK_KIND_WARNING: return _("Reply to supervision");
    default: g_return_val_if_reached ("");
    }
}

/**
 * civic_clock_name_get_label:
 * @name: a clock as the wire names it: "correction" (a case's correction
 *   window), or a #CivicClockKind's nick
 *
 * Returns: how an official reads it
 */
const char *
civic_clock_name_get_label (const char *name)
{
  int kind;

  if (g_strcmp0 (name, "correction") == 0)
    return civic_clock_kind_get_label (CIVIC_CLOCK_KIND_CORRECTION_NOTICE);
  if (name != NULL && civic_enum_from_nick (CIVIC_TYPE_CLOCK_KIND, name, &kind))
    return civic_clock_kind_get_label (kind);
  return _("Time limit");
}

const char *
civic_clock_status_get_label (CivicClockStatus status)
{
  switch (status)
    {
    case CIVIC_CLOCK_STATUS_GREEN: return _("On track");
    case CIVIC_CLOCK_STATUS_YELLOW: return _("Due soon");
    case CIVIC_CLOCK_STATUS_RED: return _("Overdue");
    case CIVIC_CLOCK_STATUS_PAUSED: return _("Paused");
    case CIVIC_CLOCK_STATUS_DONE: return _("Completed");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_stop_reason_get_label (CivicStopReason reason)
{
  switch (reason)
    {
    case CIVIC_STOP_REASON_HEARING: return _("hearing");
    case CIVIC_STOP_REASON_TENDERING: return _("tendering");
    case CIVIC_STOP_REASON_AUCTION: return _("auction");
    case CIVIC_STOP_REASON_INSPECTION: return _("inspection");
    case CIVIC_STOP_REASON_TESTING: return _("testing");
    case CIVIC_STOP_REASON_QUARANTINE: return _("quarantine");
    case CIVIC_STOP_REASON_APPRAISAL: return _("appraisal");
    case CIVIC_STOP_REASON_EXPERT_REVIEW: return _("expert review");
    case CIVIC_STOP_REASON_THIRD_PARTY_CONSULTATION: return _("third-party consultation");
    case CIVIC_STOP_REASON_AWAITING_CORRECTION: return _("awaiting correction");
    default: g_return_val_if_reached ("");
    }
}

/**
 * civic_clock_unit_get_label:
 *
 * Returns: a printf format with one %d for @n days in @unit, in the right
 * plural form ("%d working days").
 */
const char *
civic_clock_unit_get_label (CivicClockUnit unit,
                            int            n)
{
  if (unit == CIVIC_CLOCK_UNIT_WORKING_DAYS)
    return civic_ngettext ("%d working day", "%d working days", n);
  return civic_ngettext ("%d day", "%d days", n);
}

static const char *
trigger_label (CivicClockTrigger trigger)
{
  switch (trigger)
    {
    case CIVIC_CLOCK_TRIGGER_RECEIVED: return _("Received");
    case CIVIC_CLOCK_TRIGGER_ACCEPTED: return _("Accepted");
    case CIVIC_CLOCK_TRIGGER_DECIDED: return _("Decided");
    case CIVIC_CLOCK_TRIGGER_INFORMED: return _("Informed");
    case CIVIC_CLOCK_TRIGGER_REQUESTED: return _("Requested");
    case CIVIC_CLOCK_TRIGGER_FORMED: return _("Formed or changed");
    case CIVIC_CLOCK_TRIGGER_REGISTERED: return _("Registered");
    case CIVIC_CLOCK_TRIGGER_SIGNED_FOR: return _("Signed for");
    case CIVIC_CLOCK_TRIGGER_TRANSFERRED: return _("Transferred");
    case CIVIC_CLOCK_TRIGGER_REPLIED: return _("Replied");
    case CIVIC_CLOCK_TRIGGER_RATED: return _("Rated");
    case CIVIC_CLOCK_TRIGGER_REOPENED: return _("Reopened");
    case CIVIC_CLOCK_TRIGGER_ISSUED: return _("Issued");
    default: g_return_val_if_reached ("");
    }
}

/* Reading */

typedef struct
{
  CivicDay               stop;
  CivicDay               resume;  /* effective; today for an open stop */
  gboolean               open;
  const CivicClockEvent *event;
  int                    skipped;
  gboolean               traced;
} Pause;

static char *
format_range (CivicDay start,
              CivicDay end)
{
  g_autofree char *first = civic_day_format (start);
  g_autofree char *last = NULL;

  if (start == end)
    return g_steal_pointer (&first);

  last = civic_day_get_year (start) == civic_day_get_year (end)
         ? civic_day_format_short (end) : civic_day_format (end);
  /* Translators: a range of dates, "2025-10-01 – 10-08" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static char *
format_units (CivicClockUnit unit,
              int            n)
{
  return g_strdup_printf (civic_clock_unit_get_label (unit, n), n);
}

static CivicTraceStep *
trace_add (GPtrArray      *trace,
           CivicTraceKind  kind,
           CivicDay        start,
           CivicDay        end,
           int             days,
           char           *text)
{
  CivicTraceStep *step = g_new0 (CivicTraceStep, 1);

  step->kind = kind;
  step->start = start;
  step->end = end;
  step->days = days;
  step->text = text;
  g_ptr_array_add (trace, step);
  return step;
}

static void
trace_pause (GPtrArray      *trace,
             CivicClockUnit  unit,
             const Pause    *pause)
{
  const char *reason = civic_stop_reason_get_label (pause->event->reason);
  g_autofree char *since = civic_day_format (pause->stop);

  if (pause->open)
    {
      trace_add (trace, CIVIC_TRACE_STOPPED, pause->stop, CIVIC_DAY_INVALID, 0,
                 g_strdup_printf (_("Stopped since %s for %s; the due date assumes the clock "
                                    "resumes today"), since, reason));
    }
  else
    {
      g_autofree char *range = format_range (pause->stop, pause->resume);
      g_autofree char *units = format_units (unit, pause->skipped);

      trace_add (trace, CIVIC_TRACE_STOPPED, pause->stop, pause->resume, pause->skipped,
                 /* Translators: "2025-10-10 – 10-20: stopped for expert review, 6 working days not counted" */
                 g_strdup_printf (_("%s: stopped for %s, %s not counted"), range, reason, units));
    }
}

static void
trace_extension (GPtrArray             *trace,
                 CivicClockUnit         unit,
                 const CivicClockEvent *event)
{
  g_autofree char *when = civic_day_format (event->day);
  g_autofree char *units = format_units (unit, event->days);

  trace_add (trace, CIVIC_TRACE_EXTENDED, event->day, event->day, event->days,
             /* Translators: "Extended on 2025-10-20 by 10 working days, approved by 李明: <reason>" */
             g_strdup_printf (_("Extended on %s by %s, approved by %s: %s"),
                              when, units, event->approver, event->note ? event->note : ""));
}

/* A clock read: its events in order, then day by day from the start until
 * the due date is found and today is reached, writing the explanation as
 * it goes. */
typedef struct
{
  CivicClock        *self;
  CivicCalendar     *calendar;
  CivicClockReading *reading;
  GPtrArray         *trace;

  GArray            *pauses;          /* Pause, in order */
  GPtrArray         *extensions;      /* CivicClockEvent, in order */
  CivicDay           origin;
  CivicDay           completed;
  CivicDay           effective_today; /* the day it was completed, or today */
  guint              first;           /* the first event since the last restart */
  int                total;           /* the length with every extension */
  gboolean           awaiting_restart; /* counted as if restarted today */

  /* The day by day count */
  guint              next_pause;
  guint              next_extension;
  int                counted;
  int                last_provisional_year;
  gboolean           due_found;

  /* A run of holidays not written into the explanation yet */
  CivicDay           holiday_start;
  CivicDay           holiday_end;
  char              *holiday_name;
} Reader;

static void
flush_holiday (Reader *r)
{
  g_autofree char *range = NULL;

  if (r->holiday_start == CIVIC_DAY_INVALID)
    return;

  range = format_range (r->holiday_start, r->holiday_end);
  trace_add (r->trace, CIVIC_TRACE_HOLIDAY, r->holiday_start, r->holiday_end,
             r->holiday_end - r->holiday_start + 1,
             /* Translators: "2025-10-01 – 10-08: National Day holiday, not counted" */
             g_strdup_printf (_("%s: %s holiday, not counted"), range, r->holiday_name));
  r->holiday_start = CIVIC_DAY_INVALID;
  g_clear_pointer (&r->holiday_name, g_free);
}

/* A clock waiting for a corrected request does not take up its count
 * where it stopped: the period runs again in full from the day the
 * correction arrives (OGI Art. 30), so it is read as restarted on @day. */
static void
project_restart (Reader   *r,
                 CivicDay  day)
{
  r->origin = day;
  r->total = r->self->length;
  r->reading->extended = FALSE;
  g_array_set_size (r->pauses, 0);
  g_ptr_array_set_size (r->extensions, 0);
  r->awaiting_restart = TRUE;
}

/* The stops and resumptions, the extensions and the completion since the
 * last restart. */
static void
collect_events (Reader   *r,
                CivicDay  today)
{
  CivicClock *self = r->self;

  r->first = current_first_event (self, &r->origin);
  r->total = self->length;

  for (guint i = r->first; i < self->events->len; i++)
    {
      const CivicClockEvent *event = g_ptr_array_index (self->events, i);

      switch (event->type)
        {
        case CIVIC_CLOCK_EVENT_STOP:
          {
            Pause pause = { event->day, CIVIC_DAY_INVALID, TRUE, event, 0, FALSE };
            g_array_append_val (r->pauses, pause);
          }
          break;

        case CIVIC_CLOCK_EVENT_RESUME:
          if (r->pauses->len > 0)
            {
              Pause *pause = &g_array_index (r->pauses, Pause, r->pauses->len - 1);
              pause->resume = event->day;
              pause->open = FALSE;
            }
          break;

        case CIVIC_CLOCK_EVENT_EXTEND:
          r->total += event->days;
          r->reading->extended = TRUE;
          g_ptr_array_add (r->extensions, (gpointer) event);
          break;

        case CIVIC_CLOCK_EVENT_COMPLETE:
          r->completed = event->day;
          break;

        case CIVIC_CLOCK_EVENT_RESTART:
        default:
          break;
        }
    }

  r->effective_today = r->completed != CIVIC_DAY_INVALID ? r->completed : today;

  if (r->pauses->len > 0)
    {
      Pause *last = &g_array_index (r->pauses, Pause, r->pauses->len - 1);

      if (last->open)
        {
          last->resume = MAX (today, last->stop);
          r->reading->paused_since = last->stop;
          r->reading->pause_reason = last->event->reason;
          if (last->event->reason == CIVIC_STOP_REASON_AWAITING_CORRECTION && self->restartable)
            project_restart (r, last->resume);
        }
    }
}

/* The head of the explanation: when the clock started, and for how long */
static void
trace_head (Reader *r)
{
  CivicClock *self = r->self;
  g_autofree char *when = civic_day_format (r->origin);
  g_autofree char *units = format_units (self->unit, self->length);

  if (r->awaiting_restart)
    {
      g_autofree char *since = civic_day_format (r->reading->paused_since);

      trace_add (r->trace, CIVIC_TRACE_STOPPED, r->reading->paused_since, CIVIC_DAY_INVALID, 0,
                 /* Translators: "Awaiting the corrected request since 2026-02-10: …, assumed to be 2026-02-12" */
                 g_strdup_printf (_("Awaiting the corrected request since %s: the time limit "
                                    "starts again on the day it arrives, assumed to be %s"),
                                  since, when));
    }
  else if (r->first > 0)
    {
      const CivicClockEvent *restart = g_ptr_array_index (self->events, r->first - 1);

      trace_add (r->trace, CIVIC_TRACE_RESTART, r->origin, r->origin, 0,
                 /* Translators: "Restarted on 2026-03-02: corrected request received" */
                 g_strdup_printf (_("Restarted on %s: %s"), when,
                                  restart->note ? restart->note : ""));
    }
  else
    trace_add (r->trace, CIVIC_TRACE_START, r->origin, r->origin, 0,
               self->count_start_day
               /* Translators: "Accepted: 2025-09-26 (Friday), counted as the first day" */
               ? g_strdup_printf (_("%s: %s (%s), counted as the first day"),
                                  trigger_label (self->trigger), when,
                                  civic_day_weekday_name (r->origin))
               /* Translators: "Accepted: 2025-09-26 (Friday), that day not counted" */
               : g_strdup_printf (_("%s: %s (%s), that day not counted"),
                                  trigger_label (self->trigger), when,
                                  civic_day_weekday_name (r->origin)));

  trace_add (r->trace, CIVIC_TRACE_LENGTH, r->origin, r->origin, self->length,
             self->legal_basis && *self->legal_basis
             /* Translators: "20 working days under 《行政许可法》第四十二条" */
             ? g_strdup_printf (_("%s under %s"), units,
                                civic_legal_basis_get_label (self->legal_basis))
             : g_strdup (units));
}

/* Whether @day falls in a stop, where nothing counts; a stop is written
 * into the explanation on the day it ends. */
static gboolean
is_stopped (Reader   *r,
            CivicDay  day)
{
  Pause *pause;

  while (r->next_pause < r->pauses->len &&
         g_array_index (r->pauses, Pause, r->next_pause).resume < day &&
         g_array_index (r->pauses, Pause, r->next_pause).stop < day)
    r->next_pause++;

  if (r->next_pause >= r->pauses->len)
    return FALSE;

  pause = &g_array_index (r->pauses, Pause, r->next_pause);
  if (day <= pause->stop || day > pause->resume)
    return FALSE;

  if (r->self->unit == CIVIC_CLOCK_UNIT_CALENDAR_DAYS ||
      civic_calendar_is_working_day (r->calendar, day))
    pause->skipped++;
  if (day == pause->resume && !r->due_found)
    {
      flush_holiday (r);
      trace_pause (r->trace, r->self->unit, pause);
      pause->traced = TRUE;
    }
  return TRUE;
}

/* A year without its holiday notice makes every date after it provisional */
static void
note_provisional (Reader   *r,
                  CivicDay  day)
{
  r->last_provisional_year = civic_day_get_year (day);
  r->reading->provisional = TRUE;
  flush_holiday (r);
  trace_add (r->trace, CIVIC_TRACE_PROVISIONAL, day, day, 0,
             g_strdup_printf (_("No holiday notice for %d is loaded: only weekends and "
                                "fixed-date holidays were taken out, so the date is "
                                "provisional"), r->last_provisional_year));
}

/* In working days, a holiday joins the run being written, and a make-up
 * working day is written on its own. */
static void
note_day_kind (Reader       *r,
               CivicDay      day,
               CivicDayKind  kind)
{
  if (kind == CIVIC_DAY_KIND_HOLIDAY)
    {
      g_autofree char *name = NULL;

      civic_calendar_classify (r->calendar, day, &name, NULL);
      if (r->holiday_start != CIVIC_DAY_INVALID &&
          (r->holiday_end != day - 1 || g_strcmp0 (name, r->holiday_name) != 0))
        flush_holiday (r);
      if (r->holiday_start == CIVIC_DAY_INVALID)
        {
          r->holiday_start = day;
          r->holiday_name = g_steal_pointer (&name);
        }
      r->holiday_end = day;
    }
  else if (kind == CIVIC_DAY_KIND_MAKEUP_WORKDAY)
    {
      g_autofree char *name = NULL;
      g_autofree char *when = civic_day_format (day);

      flush_holiday (r);
      civic_calendar_classify (r->calendar, day, &name, NULL);
      trace_add (r->trace, CIVIC_TRACE_MAKEUP_WORKDAY, day, day, 1,
                 /* Translators: "2025-10-11 (Saturday): make-up working day for National Day, counted" */
                 g_strdup_printf (_("%s (%s): make-up working day for %s, counted"),
                                  when, civic_day_weekday_name (day), name ? name : ""));
    }
}

/* The last day of the period: in calendar days, one that is a rest day
 * may roll over to the next working day. */
static void
reach_due (Reader   *r,
           CivicDay  day)
{
  r->due_found = TRUE;
  r->reading->due = day;
  flush_holiday (r);

  if (r->self->unit == CIVIC_CLOCK_UNIT_CALENDAR_DAYS && r->self->end_on_working_day &&
      !civic_calendar_is_working_day (r->calendar, day))
    {
      g_autofree char *raw = civic_day_format (day);
      g_autofree char *moved = NULL;

      r->reading->due = civic_calendar_working_day_on_or_after (r->calendar, day);
      moved = civic_day_format (r->reading->due);
      trace_add (r->trace, CIVIC_TRACE_ROLLED_OVER, day, r->reading->due, 0,
                 g_strdup_printf (_("%s is a rest day: the period ends on the next "
                                    "working day, %s"), raw, moved));
    }
}

/* Day by day from the start: what counts, until the due date is found and
 * the effective today reached (the days past the due date are overdue). */
static void
count_days (Reader *r)
{
  CivicClock *self = r->self;
  CivicClockReading *reading = r->reading;

  reading->due = r->origin;
  if (r->total == 0)
    r->due_found = TRUE;

  for (CivicDay day = self->count_start_day ? r->origin : r->origin + 1;
       day <= r->origin + MAX_SCAN_DAYS && (!r->due_found || day <= r->effective_today);
       day++)
    {
      CivicDayKind kind;
      gboolean provisional, working;

      /* Events of the day come first in the explanation. */
      while (!r->due_found && r->next_extension < r->extensions->len &&
             ((CivicClockEvent *) g_ptr_array_index (r->extensions, r->next_extension))->day < day)
        {
          flush_holiday (r);
          trace_extension (r->trace, self->unit,
                           g_ptr_array_index (r->extensions, r->next_extension++));
        }

      if (is_stopped (r, day))
        continue;

      kind = civic_calendar_classify (r->calendar, day, NULL, &provisional);
      working = kind == CIVIC_DAY_KIND_WORKDAY || kind == CIVIC_DAY_KIND_MAKEUP_WORKDAY;

      if (!r->due_found && provisional && civic_day_get_year (day) != r->last_provisional_year)
        note_provisional (r, day);

      if (self->unit == CIVIC_CLOCK_UNIT_WORKING_DAYS && !r->due_found)
        note_day_kind (r, day, kind);

      if (self->unit == CIVIC_CLOCK_UNIT_CALENDAR_DAYS)
        working = TRUE;

      if (!working)
        continue;

      r->counted++;
      if (day <= r->effective_today)
        reading->elapsed++;

      if (r->due_found)
        {
          if (day > reading->due && day <= r->effective_today)
            reading->overdue++;
          continue;
        }

      if (r->counted == r->total)
        reach_due (r, day);
    }

  flush_holiday (r);
}

/* The tail of the explanation: extensions granted on the due day itself,
 * stops still open, and the due date. */
static void
trace_tail (Reader *r)
{
  CivicClockReading *reading = r->reading;
  g_autofree char *due = civic_day_format (reading->due);

  while (r->next_extension < r->extensions->len)
    trace_extension (r->trace, r->self->unit,
                     g_ptr_array_index (r->extensions, r->next_extension++));
  for (guint i = 0; i < r->pauses->len; i++)
    {
      Pause *pause = &g_array_index (r->pauses, Pause, i);

      if (!pause->traced)
        trace_pause (r->trace, r->self->unit, pause);
    }

  trace_add (r->trace, CIVIC_TRACE_DUE, reading->due, reading->due, 0,
             reading->paused_since != CIVIC_DAY_INVALID
             /* Translators: "Due 2025-10-30 (Thursday) if resumed today" */
             ? g_strdup_printf (_("Due %s (%s) if resumed today"), due,
                                civic_day_weekday_name (reading->due))
             /* Translators: "Due 2025-10-30 (Thursday)" */
             : g_strdup_printf (_("Due %s (%s)"), due, civic_day_weekday_name (reading->due)));
}

/* Done on time or late; else paused, red, yellow or green. */
static void
set_status (Reader                 *r,
            CivicDay                today,
            const CivicClockPolicy *policy)
{
  CivicClockReading *reading = r->reading;
  int threshold;

  if (r->completed != CIVIC_DAY_INVALID)
    {
      g_autofree char *when = civic_day_format (r->completed);

      reading->status = CIVIC_CLOCK_STATUS_DONE;
      reading->late = r->completed > reading->due;
      if (reading->late)
        {
          g_autofree char *units = format_units (r->self->unit, reading->overdue);

          trace_add (r->trace, CIVIC_TRACE_COMPLETED, r->completed, r->completed,
                     reading->overdue,
                     /* Translators: "Completed on 2025-11-03, 2 working days late" */
                     g_strdup_printf (_("Completed on %s, %s late"), when, units));
        }
      else
        trace_add (r->trace, CIVIC_TRACE_COMPLETED, r->completed, r->completed, 0,
                   g_strdup_printf (_("Completed on %s, on time"), when));
      return;
    }

  threshold = MAX (policy->yellow_days, (r->total * policy->yellow_percent + 99) / 100);

  if (reading->paused_since != CIVIC_DAY_INVALID)
    reading->status = CIVIC_CLOCK_STATUS_PAUSED;
  else if (today > reading->due)
    reading->status = CIVIC_CLOCK_STATUS_RED;
  else if (reading->remaining <= threshold)
    reading->status = CIVIC_CLOCK_STATUS_YELLOW;
  else
    reading->status = CIVIC_CLOCK_STATUS_GREEN;
}

/**
 * civic_clock_read:
 * @today: the day to read the clock on
 * @policy: (nullable): thresholds for yellow, or %NULL for the default
 *
 * Returns: (transfer full): the due date, the days used and left, the
 * status and the explanation of how the date was reached.
 */
CivicClockReading *
civic_clock_read (CivicClock             *self,
                  CivicCalendar          *calendar,
                  CivicDay                today,
                  const CivicClockPolicy *policy)
{
  g_autoptr(GArray) pauses = g_array_new (FALSE, TRUE, sizeof (Pause));
  g_autoptr(GPtrArray) extensions = g_ptr_array_new ();
  CivicClockReading *reading;
  Reader r = { 0, };

  g_return_val_if_fail (CIVIC_IS_CLOCK (self), NULL);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (today != CIVIC_DAY_INVALID, NULL);

  if (policy == NULL)
    policy = &default_policy;

  reading = g_new0 (CivicClockReading, 1);
  reading->trace = g_ptr_array_new_with_free_func ((GDestroyNotify) trace_step_free);

  r.self = self;
  r.calendar = calendar;
  r.reading = reading;
  r.trace = reading->trace;
  r.pauses = pauses;
  r.extensions = extensions;
  r.completed = CIVIC_DAY_INVALID;
  r.holiday_start = CIVIC_DAY_INVALID;

  collect_events (&r, today);
  trace_head (&r);
  count_days (&r);
  trace_tail (&r);

  reading->length = r.total;
  reading->remaining = MAX (0, r.total - reading->elapsed);
  reading->completed_on = r.completed;
  set_status (&r, today, policy);

  return reading;
}

/**
 * civic_clock_next_change:
 * @reading: what @self says on @today
 * @policy: (nullable): the same thresholds the reading was made with
 *
 * Returns: the first day after @today on which the clock's colour changes
 * if nothing happens to it: a green one turns yellow (or red), a yellow
 * one red; %CIVIC_DAY_INVALID for a clock that is red, paused or done.
 * What e-supervision recounts on that morning.
 */
CivicDay
civic_clock_next_change (CivicClock              *self,
                         const CivicClockReading *reading,
                         CivicCalendar           *calendar,
                         CivicDay                 today,
                         const CivicClockPolicy  *policy)
{
  CivicDay red = reading->due + 1, yellow;
  int threshold, n;

  g_return_val_if_fail (CIVIC_IS_CLOCK (self), CIVIC_DAY_INVALID);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), CIVIC_DAY_INVALID);

  if (policy == NULL)
    policy = &default_policy;

  switch (reading->status)
    {
    case CIVIC_CLOCK_STATUS_YELLOW:
      return MAX (red, today + 1);

    case CIVIC_CLOCK_STATUS_GREEN:
      /* Yellow once no more than the threshold is left: the units left
       * today less the threshold must pass first */
      threshold = MAX (policy->yellow_days, (reading->length * policy->yellow_percent + 99) / 100);
      n = MAX (1, reading->remaining - threshold);
      yellow = self->unit == CIVIC_CLOCK_UNIT_WORKING_DAYS
               ? civic_calendar_add_working_days (calendar, today, n, CIVIC_COUNT_DEFAULT, NULL)
               : today + n;
      return MAX (MIN (yellow, red), today + 1);

    case CIVIC_CLOCK_STATUS_RED:
    case CIVIC_CLOCK_STATUS_PAUSED:
    case CIVIC_CLOCK_STATUS_DONE:
    default:
      return CIVIC_DAY_INVALID;
    }
}

void
civic_clock_reading_free (CivicClockReading *reading)
{
  if (reading == NULL)
    return;

  g_clear_pointer (&reading->trace, g_ptr_array_unref);
  g_free (reading);
}

/**
 * civic_clock_reading_dup_trace_text:
 *
 * Returns: (transfer full): the explanation, one step a line.
 */
char *
civic_clock_reading_dup_trace_text (CivicClockReading *reading)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (reading != NULL, g_string_free (text, FALSE));

  for (guint i = 0; i < reading->trace->len; i++)
    {
      const CivicTraceStep *step = g_ptr_array_index (reading->trace, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, step->text);
    }

  return g_string_free (text, FALSE);
}

/* Wire format */

JsonNode *
civic_clock_to_json (CivicClock *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (CIVIC_IS_CLOCK (self), NULL);

  json_builder_begin_object (builder);
  civic_json_set_enum (builder, "kind", CIVIC_TYPE_CLOCK_KIND, self->kind);
  civic_json_set_enum (builder, "trigger", CIVIC_TYPE_CLOCK_TRIGGER, self->trigger);
  civic_json_set_day (builder, "start", self->start);
  civic_json_set_enum (builder, "unit", CIVIC_TYPE_CLOCK_UNIT, self->unit);
  civic_json_set_int (builder, "length", self->length);

  /* Members at their default are left out: a case carries four clocks,
   * and a province a hundred thousand cases. */
  if (self->legal_basis != NULL)
    civic_json_set_string (builder, "legal_basis", self->legal_basis);
  if (self->count_start_day)
    civic_json_set_bool (builder, "count_start_day", TRUE);
  if (self->max_extensions > 0)
    {
      civic_json_set_int (builder, "max_extensions", self->max_extensions);
      civic_json_set_int (builder, "max_extension_days", self->max_extension_days);
    }
  if (self->restartable)
    civic_json_set_bool (builder, "restartable", TRUE);
  if (!self->end_on_working_day)
    civic_json_set_bool (builder, "end_on_working_day", FALSE);

  if (self->events->len > 0)
    {
      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->events->len; i++)
        {
          const CivicClockEvent *event = g_ptr_array_index (self->events, i);

          json_builder_begin_object (builder);
          civic_json_set_enum (builder, "type", CIVIC_TYPE_CLOCK_EVENT_TYPE, event->type);
          civic_json_set_day (builder, "day", event->day);
          if (event->type == CIVIC_CLOCK_EVENT_STOP)
            civic_json_set_enum (builder, "reason", CIVIC_TYPE_STOP_REASON, event->reason);
          if (event->type == CIVIC_CLOCK_EVENT_EXTEND)
            {
              civic_json_set_int (builder, "days", event->days);
              civic_json_set_string (builder, "approver", event->approver);
            }
          if (event->note != NULL)
            civic_json_set_string (builder, "note", event->note);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * civic_clock_new_from_json:
 *
 * Reads a clock back, replaying its events through the same checks a live
 * clock applies, so a file or a request cannot smuggle in an impossible
 * history.
 */
CivicClock *
civic_clock_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(CivicClock) self = NULL;
  JsonObject *object;
  JsonArray *events;
  int kind, trigger, unit;
  CivicDay start;
  gint64 length, max_extensions = 0, max_extension_days = 0;
  const char *legal_basis;
  gboolean count_start_day = FALSE, restartable = FALSE, end_on_working_day = TRUE;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE, _("A clock must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!civic_json_get_enum (object, "kind", TRUE, CIVIC_TYPE_CLOCK_KIND, &kind, error) ||
      !civic_json_get_enum (object, "trigger", TRUE, CIVIC_TYPE_CLOCK_TRIGGER, &trigger, error) ||
      !civic_json_get_day (object, "start", TRUE, &start, error) ||
      !civic_json_get_enum (object, "unit", TRUE, CIVIC_TYPE_CLOCK_UNIT, &unit, error) ||
      !civic_json_get_int (object, "length", TRUE, 0, MAX_LENGTH, &length, error) ||
      !civic_json_get_string (object, "legal_basis", FALSE, &legal_basis, error) ||
      !civic_json_get_bool (object, "count_start_day", FALSE, &count_start_day, error) ||
      !civic_json_get_int (object, "max_extensions", FALSE, 0, 10, &max_extensions, error) ||
      !civic_json_get_int (object, "max_extension_days", FALSE, 0, MAX_LENGTH,
                           &max_extension_days, error) ||
      !civic_json_get_bool (object, "restartable", FALSE, &restartable, error) ||
      !civic_json_get_bool (object, "end_on_working_day", FALSE, &end_on_working_day, error) ||
      !civic_json_get_array (object, "events", FALSE, &events, error))
    return NULL;

  self = civic_clock_new (kind, trigger, start, unit, (int) length, legal_basis);
  self->count_start_day = count_start_day;
  self->max_extensions = (int) max_extensions;
  self->max_extension_days = (int) max_extension_days;
  self->restartable = restartable;
  self->end_on_working_day = end_on_working_day;

  for (guint i = 0; events != NULL && i < json_array_get_length (events); i++)
    {
      JsonNode *element = json_array_get_element (events, i);
      JsonObject *event_object;
      CivicClockEvent *event;
      int type, reason = 0;
      CivicDay day;
      gint64 days = 0;
      const char *approver = NULL, *note = NULL;
      g_autoptr(GError) event_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE,
                       _("Every clock event must be an object"));
          return NULL;
        }
      event_object = json_node_get_object (element);

      if (!civic_json_get_enum (event_object, "type", TRUE, CIVIC_TYPE_CLOCK_EVENT_TYPE, &type,
                                error) ||
          !civic_json_get_day (event_object, "day", TRUE, &day, error) ||
          !civic_json_get_string (event_object, "note", FALSE, &note, error))
        return NULL;

      if (type == CIVIC_CLOCK_EVENT_STOP &&
          !civic_json_get_enum (event_object, "reason", TRUE, CIVIC_TYPE_STOP_REASON, &reason,
                                error))
        return NULL;

      if (type == CIVIC_CLOCK_EVENT_EXTEND &&
          (!civic_json_get_int (event_object, "days", TRUE, 1, MAX_LENGTH, &days, error) ||
           !civic_json_get_text (event_object, "approver", TRUE, &approver, error)))
        return NULL;

      /* Replay through the ordinary checks, except the "before it runs
       * out" check of an extension, which needs the calendar the clock was
       * extended under; it was checked then. */
      switch (type)
        {
        case CIVIC_CLOCK_EVENT_STOP:
          civic_clock_stop (self, day, reason, note, &event_error);
          break;
        case CIVIC_CLOCK_EVENT_RESUME:
          civic_clock_resume (self, day, note, &event_error);
          break;
        case CIVIC_CLOCK_EVENT_RESTART:
          civic_clock_restart (self, day, note, &event_error);
          break;
        case CIVIC_CLOCK_EVENT_COMPLETE:
          civic_clock_complete (self, day, &event_error);
          break;
        case CIVIC_CLOCK_EVENT_EXTEND:
          if (check_event_day (self, day, &event_error))
            {
              if (civic_clock_get_extensions_used (self) >= self->max_extensions ||
                  days > self->max_extension_days)
                g_set_error (&event_error, CIVIC_CLOCK_ERROR, CIVIC_CLOCK_ERROR_INVALID_EVENT,
                             _("The extension exceeds what the clock allows"));
              else
                {
                  event = add_event (self, CIVIC_CLOCK_EVENT_EXTEND, day, note);
                  event->days = (int) days;
                  event->approver = g_strdup (approver);
                }
            }
          break;
        default:
          g_assert_not_reached ();
        }

      if (event_error != NULL)
        {
          g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_VALUE,
                       _("Clock event %u: %s"), i + 1, event_error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}
