/* civic-warning.c — a supervision warning (督办): a yellow or red card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-warning"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-warning-private.h"

/* The record of one card: whom it warns (a department, and perhaps one
 * of its records), how severely, what for, and everything that happened
 * to it since, each step with its day and who took it. The card's clock
 * is rebuilt from those steps: a round starts when the card is issued,
 * returned for more or turned red, and ends with the department's reply.
 * It holds nobody's personal data: a record is named by its masked
 * title, as the supervisor's list named it. */

G_DEFINE_TYPE (CivicWarning, civic_warning, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-warning-error-quark, civic_warning_error)

const char *
civic_warning_level_get_label (CivicWarningLevel level)
{
  switch (level)
    {
    case CIVIC_WARNING_LEVEL_YELLOW: return _("Yellow Card");
    case CIVIC_WARNING_LEVEL_RED: return _("Red Card");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_warning_state_get_label (CivicWarningState state)
{
  switch (state)
    {
    case CIVIC_WARNING_STATE_NEW: return _("Not Issued");
    case CIVIC_WARNING_STATE_OPEN: return _("Awaiting Reply");
    case CIVIC_WARNING_STATE_REPLIED: return _("Reply Under Review");
    case CIVIC_WARNING_STATE_CLOSED: return C_("card", "Closed");
    case CIVIC_WARNING_STATE_WITHDRAWN: return _("Withdrawn");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_warning_event_get_label (CivicWarningEventType type)
{
  switch (type)
    {
    case CIVIC_WARNING_EVENT_ISSUED: return C_("card", "Issued");
    case CIVIC_WARNING_EVENT_REPLIED: return _("Replied");
    case CIVIC_WARNING_EVENT_RETURNED: return _("Returned for more");
    case CIVIC_WARNING_EVENT_ESCALATED: return _("Escalated");
    case CIVIC_WARNING_EVENT_CLOSED: return C_("card", "Closed");
    case CIVIC_WARNING_EVENT_WITHDRAWN: return _("Withdrawn");
    default: g_return_val_if_reached ("");
    }
}

static void
event_free (CivicWarningEvent *event)
{
  g_free (event->by_id);
  g_free (event->by_name);
  g_free (event->text);
  g_free (event);
}

static void
civic_warning_finalize (GObject *object)
{
  CivicWarning *self = CIVIC_WARNING (object);

  g_free (self->id);
  g_free (self->department_id);
  g_free (self->target_type);
  g_free (self->target_id);
  g_free (self->target_title);
  g_free (self->text);
  g_ptr_array_unref (self->events);
  G_OBJECT_CLASS (civic_warning_parent_class)->finalize (object);
}

static void
civic_warning_class_init (CivicWarningClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_warning_finalize;
}

static void
civic_warning_init (CivicWarning *self)
{
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
}

/**
 * civic_warning_new:
 *
 * Returns: (transfer full): a blank card, which issue-warning fills in
 */
CivicWarning *
civic_warning_new (const char *id)
{
  CivicWarning *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_WARNING, NULL);
  self->id = g_strdup (id);
  return self;
}

CivicWarningEvent *
_civic_warning_add_event (CivicWarning          *self,
                          CivicWarningEventType  type,
                          CivicDay               on,
                          const char            *by_id,
                          const char            *by_name,
                          const char            *text,
                          int                    reply_within)
{
  CivicWarningEvent *event = g_new0 (CivicWarningEvent, 1);

  event->type = type;
  event->on = on;
  event->by_id = g_strdup (by_id);
  event->by_name = g_strdup (by_name);
  event->text = g_strdup (text);
  event->level = self->level;
  event->reply_within = reply_within;
  g_ptr_array_add (self->events, event);
  return event;
}

CivicWarning *
civic_warning_copy (CivicWarning *self)
{
  CivicWarning *copy;

  g_return_val_if_fail (CIVIC_IS_WARNING (self), NULL);

  copy = civic_warning_new (self->id);
  copy->rev = self->rev;
  copy->state = self->state;
  copy->level = self->level;
  copy->department_id = g_strdup (self->department_id);
  copy->target_type = g_strdup (self->target_type);
  copy->target_id = g_strdup (self->target_id);
  copy->target_title = g_strdup (self->target_title);
  copy->text = g_strdup (self->text);
  for (guint i = 0; i < self->events->len; i++)
    {
      const CivicWarningEvent *event = g_ptr_array_index (self->events, i);
      CivicWarningEvent *copied;

      copied = _civic_warning_add_event (copy, event->type, event->on, event->by_id,
                                         event->by_name, event->text, event->reply_within);
      copied->level = event->level;
    }
  return copy;
}

#define RETURN_IF_NOT_WARNING(val) g_return_val_if_fail (CIVIC_IS_WARNING (self), (val))

const char *civic_warning_get_id (CivicWarning *self) { RETURN_IF_NOT_WARNING (NULL); return self->id; }
gint64 civic_warning_get_rev (CivicWarning *self) { RETURN_IF_NOT_WARNING (0); return self->rev; }

void
civic_warning_set_rev (CivicWarning *self,
                       gint64        rev)
{
  g_return_if_fail (CIVIC_IS_WARNING (self));
  self->rev = rev;
}

CivicWarningState civic_warning_get_state (CivicWarning *self) { RETURN_IF_NOT_WARNING (0); return self->state; }
CivicWarningLevel civic_warning_get_level (CivicWarning *self) { RETURN_IF_NOT_WARNING (0); return self->level; }
const char *civic_warning_get_department_id (CivicWarning *self) { RETURN_IF_NOT_WARNING (NULL); return self->department_id; }
const char *civic_warning_get_target_type (CivicWarning *self) { RETURN_IF_NOT_WARNING (NULL); return self->target_type; }
const char *civic_warning_get_target_id (CivicWarning *self) { RETURN_IF_NOT_WARNING (NULL); return self->target_id; }
const char *civic_warning_get_target_title (CivicWarning *self) { RETURN_IF_NOT_WARNING (NULL); return self->target_title; }
const char *civic_warning_get_text (CivicWarning *self) { RETURN_IF_NOT_WARNING (NULL); return self->text; }
GPtrArray *civic_warning_get_events (CivicWarning *self) { RETURN_IF_NOT_WARNING (NULL); return self->events; }

static const CivicWarningEvent *
first_event (CivicWarning *self)
{
  return self->events->len > 0 ? g_ptr_array_index (self->events, 0) : NULL;
}

const char *
civic_warning_get_issued_by_name (CivicWarning *self)
{
  RETURN_IF_NOT_WARNING (NULL);
  return first_event (self) ? first_event (self)->by_name : NULL;
}

CivicDay
civic_warning_get_issued_on (CivicWarning *self)
{
  RETURN_IF_NOT_WARNING (CIVIC_DAY_INVALID);
  return first_event (self) ? first_event (self)->on : CIVIC_DAY_INVALID;
}

static gboolean
starts_round (const CivicWarningEvent *event)
{
  return event->reply_within > 0 &&
         (event->type == CIVIC_WARNING_EVENT_ISSUED || event->type == CIVIC_WARNING_EVENT_RETURNED ||
          event->type == CIVIC_WARNING_EVENT_ESCALATED);
}

/* The index of the event that started the round running now, or -1 */
static int
round_start (CivicWarning *self)
{
  for (int i = self->events->len - 1; i >= 0; i--)
    if (starts_round (g_ptr_array_index (self->events, i)))
      return i;
  return -1;
}

/**
 * civic_warning_get_round:
 *
 * Returns: how many rounds the card has had: 1 once issued, one more for
 * each return and each turn to red
 */
guint
civic_warning_get_round (CivicWarning *self)
{
  guint n = 0;

  RETURN_IF_NOT_WARNING (0);
  for (guint i = 0; i < self->events->len; i++)
    n += starts_round (g_ptr_array_index (self->events, i));
  return n;
}

/**
 * civic_warning_get_last_reply:
 *
 * Returns: (nullable): the department's latest reply
 */
const CivicWarningEvent *
civic_warning_get_last_reply (CivicWarning *self)
{
  RETURN_IF_NOT_WARNING (NULL);
  for (int i = self->events->len - 1; i >= 0; i--)
    if (((CivicWarningEvent *) g_ptr_array_index (self->events, i))->type ==
        CIVIC_WARNING_EVENT_REPLIED)
      return g_ptr_array_index (self->events, i);
  return NULL;
}

/**
 * civic_warning_is_escalated:
 *
 * Returns: whether the round running now went past its days on a red
 * card, and was reported to the hall's leadership
 */
gboolean
civic_warning_is_escalated (CivicWarning *self)
{
  int start;

  RETURN_IF_NOT_WARNING (FALSE);
  start = round_start (self);
  for (guint i = MAX (start, 0); start >= 0 && i < self->events->len; i++)
    {
      const CivicWarningEvent *event = g_ptr_array_index (self->events, i);

      if (event->type == CIVIC_WARNING_EVENT_ESCALATED && event->reply_within == 0)
        return TRUE;
    }
  return FALSE;
}

static CivicClock *
clock_from (CivicWarning *self,
            guint         start)
{
  const CivicWarningEvent *begin = g_ptr_array_index (self->events, start);
  CivicClock *clock = civic_clock_new (CIVIC_CLOCK_KIND_WARNING, CIVIC_CLOCK_TRIGGER_ISSUED,
                                       begin->on, CIVIC_CLOCK_UNIT_WORKING_DAYS,
                                       begin->reply_within, NULL);

  for (guint i = start + 1; i < self->events->len; i++)
    {
      const CivicWarningEvent *event = g_ptr_array_index (self->events, i);

      if (event->type == CIVIC_WARNING_EVENT_REPLIED)
        {
          civic_clock_complete (clock, MAX (event->on, begin->on), NULL);
          break;
        }
      if (event->type == CIVIC_WARNING_EVENT_WITHDRAWN || event->type == CIVIC_WARNING_EVENT_CLOSED)
        break;
    }
  return clock;
}

/**
 * civic_warning_dup_clock:
 *
 * Returns: (transfer full) (nullable): the round running now, in working
 * days from its start, done the day the department replied; %NULL for a
 * card not issued
 */
CivicClock *
civic_warning_dup_clock (CivicWarning *self)
{
  int start;

  RETURN_IF_NOT_WARNING (NULL);
  start = round_start (self);
  return start >= 0 ? clock_from (self, start) : NULL;
}

/**
 * civic_warning_dup_first_clock:
 *
 * Returns: (transfer full) (nullable): the card's first round, which
 * supervision's figures count: was it answered in the days first given
 */
CivicClock *
civic_warning_dup_first_clock (CivicWarning *self)
{
  RETURN_IF_NOT_WARNING (NULL);
  return self->events->len > 0 && starts_round (first_event (self)) ? clock_from (self, 0) : NULL;
}

/* The wire format */

JsonNode *
civic_warning_to_json (CivicWarning *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  RETURN_IF_NOT_WARNING (NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_int (builder, "rev", self->rev);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_WARNING_STATE, self->state);
  civic_json_set_enum (builder, "level", CIVIC_TYPE_WARNING_LEVEL, self->level);
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_string (builder, "target_type", self->target_type);
  civic_json_set_string (builder, "target_id", self->target_id);
  civic_json_set_string (builder, "target_title", self->target_title);
  civic_json_set_string (builder, "text", self->text);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->events->len; i++)
    {
      const CivicWarningEvent *event = g_ptr_array_index (self->events, i);

      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "type", CIVIC_TYPE_WARNING_EVENT_TYPE, event->type);
      civic_json_set_day (builder, "on", event->on);
      civic_json_set_string (builder, "by_id", event->by_id);
      civic_json_set_string (builder, "by_name", event->by_name);
      civic_json_set_string (builder, "text", event->text);
      civic_json_set_enum (builder, "level", CIVIC_TYPE_WARNING_LEVEL, event->level);
      civic_json_set_int (builder, "reply_within", event->reply_within);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_warning_to_feed_json:
 *
 * Returns: (transfer full): the card as the feed sends it, with
 * "summary": the round's due day and colour on @today, the days left or
 * over, the round and whether it was reported to the leadership
 */
char *
civic_warning_to_feed_json (CivicWarning  *self,
                            CivicCalendar *calendar,
                            CivicDay       today)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicClock) clock = NULL;
  g_autoptr(CivicClockReading) reading = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *summary_text = NULL;
  g_autofree char *body = NULL;
  gsize length;
  const char *status = "none";

  RETURN_IF_NOT_WARNING (NULL);

  clock = civic_warning_dup_clock (self);
  if (clock != NULL && calendar != NULL)
    reading = civic_clock_read (clock, calendar, today, NULL);
  if (reading != NULL)
    status = self->state == CIVIC_WARNING_STATE_OPEN
             ? civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, reading->status) : "done";

  json_builder_begin_object (builder);
  civic_json_set_day (builder, "issued_on", civic_warning_get_issued_on (self));
  civic_json_set_day (builder, "due", reading != NULL ? reading->due : CIVIC_DAY_INVALID);
  civic_json_set_string (builder, "status", status);
  civic_json_set_int (builder, "remaining", reading != NULL ? reading->remaining : 0);
  civic_json_set_int (builder, "overdue", reading != NULL ? reading->overdue : 0);
  civic_json_set_int (builder, "round", civic_warning_get_round (self));
  civic_json_set_bool (builder, "escalated", civic_warning_is_escalated (self));
  json_builder_end_object (builder);
  summary = json_builder_get_root (builder);
  summary_text = civic_json_to_string (summary, FALSE);

  node = civic_warning_to_json (self);
  body = civic_json_to_string (node, FALSE);
  length = strlen (body);
  g_assert (length >= 2 && body[length - 1] == '}');
  body[length - 1] = '\0';
  return g_strdup_printf ("%s,\"summary\":%s}", body, summary_text);
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, CIVIC_WARNING_ERROR, CIVIC_WARNING_ERROR_INVALID,
                 _("The card is not valid: %s"), what);
  return FALSE;
}

static gboolean
dup_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            char       **out,
            GError     **error)
{
  const char *value = NULL;

  if (!civic_json_get_string (object, member, required, &value, error))
    return FALSE;
  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
read_events (CivicWarning  *self,
             JsonArray     *events,
             GError       **error)
{
  for (guint i = 0; events != NULL && i < json_array_get_length (events); i++)
    {
      JsonNode *node = json_array_get_element (events, i);
      JsonObject *object;
      CivicWarningEvent *event;
      const char *by_id = NULL, *by_name = NULL, *text = NULL;
      int type = 0, level = 0;
      gint64 reply_within = 0;
      CivicDay on = CIVIC_DAY_INVALID;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, "events");
      object = json_node_get_object (node);
      if (!civic_json_get_enum (object, "type", TRUE, CIVIC_TYPE_WARNING_EVENT_TYPE, &type, error) ||
          !civic_json_get_day (object, "on", TRUE, &on, error) ||
          !civic_json_get_string (object, "by_id", FALSE, &by_id, error) ||
          !civic_json_get_string (object, "by_name", FALSE, &by_name, error) ||
          !civic_json_get_string (object, "text", FALSE, &text, error) ||
          !civic_json_get_enum (object, "level", TRUE, CIVIC_TYPE_WARNING_LEVEL, &level, error) ||
          !civic_json_get_int (object, "reply_within", FALSE, 0, CIVIC_WARNING_REPLY_DAYS_MAX,
                               &reply_within, error))
        return FALSE;
      event = _civic_warning_add_event (self, type, on, by_id, by_name, text, reply_within);
      event->level = level;
      /* Days go forward */
      if (i > 0 && on < ((CivicWarningEvent *) g_ptr_array_index (self->events, i - 1))->on)
        return invalid (error, "events");
    }
  return TRUE;
}

CivicWarning *
civic_warning_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(CivicWarning) self = NULL;
  JsonObject *object;
  JsonArray *events = NULL;
  const char *id = NULL;
  int state = 0, level = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "not an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", TRUE, &id, error))
    return NULL;
  self = civic_warning_new (id);
  if (!civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &self->rev, error) ||
      !civic_json_get_enum (object, "state", TRUE, CIVIC_TYPE_WARNING_STATE, &state, error) ||
      !civic_json_get_enum (object, "level", TRUE, CIVIC_TYPE_WARNING_LEVEL, &level, error) ||
      !dup_string (object, "department_id", FALSE, &self->department_id, error) ||
      !dup_string (object, "target_type", FALSE, &self->target_type, error) ||
      !dup_string (object, "target_id", FALSE, &self->target_id, error) ||
      !dup_string (object, "target_title", FALSE, &self->target_title, error) ||
      !dup_string (object, "text", FALSE, &self->text, error) ||
      !civic_json_get_array (object, "events", FALSE, &events, error) ||
      !read_events (self, events, error))
    return NULL;
  self->state = state;
  self->level = level;
  /* What the commands keep together stays together: an issued card has
   * its department, its text and its issue first */
  if (self->state != CIVIC_WARNING_STATE_NEW &&
      (self->department_id == NULL || self->text == NULL || self->events->len == 0 ||
       first_event (self)->type != CIVIC_WARNING_EVENT_ISSUED ||
       first_event (self)->reply_within < 1))
    {
      invalid (error, "issue");
      return NULL;
    }
  if ((self->target_type == NULL) != (self->target_id == NULL))
    {
      invalid (error, "target");
      return NULL;
    }
  return g_steal_pointer (&self);
}
