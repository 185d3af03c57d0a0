/* civic-disclosure-request-kind.c — a disclosure request as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-request"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-request-kind.h"
#include "civic-disclosure-request-private.h"
#include "civic-id-numbers.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* An editor of the organ registers a request, asks once for a correction
 * if it is unclear, consults whoever the information touches and drafts
 * the reply; a reviewer or the head of the disclosure office issues it;
 * only the head extends the time to reply (Art. 33 ¶2). The time limits
 * are the request clock's (civic-disclosure-request-clock.c), rebuilt
 * from the record at every command, so that the rules of the law on days
 * are applied in one place. */

#define STATE(s) (1u << CIVIC_DISCLOSURE_REQUEST_STATE_##s)
#define OPEN (STATE (RECEIVED) | STATE (CORRECTION_REQUESTED) | STATE (IN_PROGRESS) | \
              STATE (CONSULTING))
#define WORKING (STATE (RECEIVED) | STATE (IN_PROGRESS))
#define ANSWERED (STATE (REPLIED) | STATE (ABANDONED))
#define ANY_STATE ((1u << CIVIC_N_DISCLOSURE_REQUEST_STATES) - 1)

#define EDITOR CIVIC_ROLE_DISCLOSURE_EDITOR
#define HEAD CIVIC_ROLE_DISCLOSURE_HEAD

static const struct
{
  guint      states;
  CivicRole  roles;
} rules[CIVIC_N_DISCLOSURE_REQUEST_ACTIONS] = {
  /* The public form will register through the service itself */
  [CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER] = { STATE (RECEIVED), EDITOR | CIVIC_ROLE_SYSTEM },
  /* Open in every state, so that a second notice hears why not (Art. 30) */
  [CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION] = { OPEN, EDITOR },
  [CIVIC_DISCLOSURE_REQUEST_ACTION_RECEIVE_CORRECTION] = { STATE (CORRECTION_REQUESTED), EDITOR },
  [CIVIC_DISCLOSURE_REQUEST_ACTION_CLOSE_ABANDONED] = { STATE (CORRECTION_REQUESTED),
                                                        EDITOR | HEAD },
  [CIVIC_DISCLOSURE_REQUEST_ACTION_START_CONSULTATION] = { WORKING | STATE (CONSULTING), EDITOR },
  [CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER] = { STATE (CONSULTING), EDITOR },
  [CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND] = { WORKING | STATE (CONSULTING), HEAD },
  [CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY] = { WORKING, EDITOR },
  [CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY] = { WORKING,
                                                    CIVIC_ROLE_DISCLOSURE_REVIEWER | HEAD },
  [CIVIC_DISCLOSURE_REQUEST_ACTION_WITHDRAW] = { OPEN, EDITOR },
  [CIVIC_DISCLOSURE_REQUEST_ACTION_COMMENT] = { ANY_STATE, CIVIC_ROLES_DISCLOSURE },
  [CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_REMEDY] = { ANSWERED, EDITOR | HEAD },
};

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

const char *
civic_disclosure_request_action_get_label (CivicDisclosureRequestAction action)
{
  switch (action)
    {
    case CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER: return _("Register Request");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION: return _("Ask for Correction");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_RECEIVE_CORRECTION: return _("Corrected Request Received");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_CLOSE_ABANDONED: return _("Close as Abandoned");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_START_CONSULTATION: return _("Consult");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER: return _("Record Answer");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND: return _("Extend Time to Reply");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY: return _("Draft Reply");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY: return _("Issue Reply");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_WITHDRAW: return _("Record Withdrawal");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_COMMENT: return _("Comment");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_REMEDY:
      return _("Record Reconsideration or Lawsuit");
    default: g_return_val_if_reached ("");
    }
}

static const char *
past_tense (CivicDisclosureRequestAction action)
{
  switch (action)
    {
    case CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER: return _("Registered the request");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION:
      return _("Asked the applicant to correct the request");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_RECEIVE_CORRECTION:
      return _("Received the corrected request");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_CLOSE_ABANDONED:
      return _("Closed the request as abandoned");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_START_CONSULTATION: return _("Started a consultation");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER:
      return _("Recorded a consultation’s answer");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND: return _("Extended the time to reply");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY: return _("Drafted the reply");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY: return _("Issued the reply");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_WITHDRAW:
      return _("Recorded the applicant’s withdrawal");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_COMMENT: return _("Commented");
    case CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_REMEDY:
      return _("Recorded a reconsideration or lawsuit");
    default: g_return_val_if_reached ("");
    }
}

/* Arguments */

static gboolean
argument_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == CIVIC_JSON_ERROR)
    (*error)->domain = CIVIC_WORKFLOW_ERROR, (*error)->code = CIVIC_WORKFLOW_ERROR_ARGUMENT;
  return FALSE;
}

/* A text: blank counts as absent (civic_json_get_text()); too long is
 * refused */
static gboolean
get_text (JsonObject  *args,
          const char  *member,
          gboolean     required,
          gsize        max,
          const char **out,
          GError     **error)
{
  *out = NULL;
  if (!civic_json_get_text (args, member, required, out, error))
    return argument_error (error);
  if (*out != NULL && strlen (*out) > max)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” is too long"), member);
  return TRUE;
}

static gboolean
get_enum (JsonObject  *args,
          const char  *member,
          gboolean     required,
          GType        type,
          int         *out,
          GError     **error)
{
  if (!civic_json_get_enum (args, member, required, type, out, error))
    return argument_error (error);
  return TRUE;
}

static char *
dup_or_null (const char *value)
{
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = dup_or_null (value);
}

static CivicDay
today_of (const CivicWorkflowContext *context)
{
  return civic_time_day_of (context->now);
}

/* A day an official reports: given, or today; never in the future */
static gboolean
get_past_day (JsonObject                  *args,
              const char                  *member,
              gboolean                     required,
              const CivicWorkflowContext  *context,
              CivicDay                    *out,
              GError                     **error)
{
  if (!civic_json_get_day (args, member, required, out, error))
    return argument_error (error);
  if (*out == CIVIC_DAY_INVALID)
    *out = today_of (context);
  if (*out > today_of (context))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   /* Translators: "“received_on” cannot be in the future" */
                   _("“%s” cannot be in the future"), member);
  return TRUE;
}

/* A number a command names a consultation or a remedy by: as the form's
 * option gives it ("2"), or as a number */
static gboolean
get_number (JsonObject  *args,
            const char  *member,
            gboolean     required,
            guint        max,
            guint       *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (args, member);
  gint64 value = 0;

  *out = 0;
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT32, &value, NULL))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” must be a number"),
                       member);
    }
  else if (!civic_json_get_int (args, member, required, 1, G_MAXINT32, &value, error))
    return argument_error (error);
  if (value > max)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("There is no such %s: %u"), member,
                   (guint) value);
  *out = (guint) value;
  return TRUE;
}

/* The clock's refusals, as the workflow's */
static gboolean
clock_refusal (GError **error,
               GError  *clock_error)
{
  CivicWorkflowError code = CIVIC_WORKFLOW_ERROR_ARGUMENT;

  if (g_error_matches (clock_error, CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR,
                       CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_RULE))
    code = CIVIC_WORKFLOW_ERROR_RULE;
  else if (g_error_matches (clock_error, CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR,
                            CIVIC_DISCLOSURE_REQUEST_CLOCK_ERROR_NOT_HEAD))
    code = CIVIC_WORKFLOW_ERROR_ROLE;
  g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, code, clock_error->message);
  return FALSE;
}

static CivicDisclosureRequestClock *
dup_clock (CivicDisclosureRequest      *request,
           const CivicWorkflowContext  *context,
           GError                     **error)
{
  g_autoptr(GError) clock_error = NULL;
  CivicDisclosureRequestClock *clock;

  clock = civic_disclosure_request_dup_clock (request, context->calendar, &clock_error);
  if (clock == NULL)
    refuse (error, CIVIC_WORKFLOW_ERROR_STATE, "%s", clock_error->message);
  return clock;
}

/* The reply's due day as of the command, kept for describe() and the
 * service's index; the summary reads it again for its day */
static void
refresh_due (CivicDisclosureRequest     *request,
             CivicDisclosureRequestClock *clock,
             const CivicWorkflowContext  *context)
{
  g_autoptr(CivicDisclosureRequestReading) reading =
    civic_disclosure_request_clock_read (clock, today_of (context), NULL);

  request->due_on = reading->reply->due;
}

/* The rules that need no arguments */

static gboolean
check_preconditions (CivicDisclosureRequest       *request,
                     CivicDisclosureRequestAction  action,
                     const CivicWorkflowContext   *context,
                     GError                      **error)
{
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(GError) clock_error = NULL;
  CivicDay today = today_of (context);

  switch (action)
    {
    case CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER:
      if (request->rev != 0 || request->received_on != CIVIC_DAY_INVALID)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("This request is registered already"));
      return TRUE;

    /* The clock's own rules, on a copy: one notice, within 7 working days,
     * before any consultation or extension (Art. 30); one extension,
     * before the time runs out (Art. 33) */
    case CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION:
    case CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND:
      if ((clock = dup_clock (request, context, error)) == NULL)
        return FALSE;
      if (action == CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION
          ? !civic_disclosure_request_clock_send_correction_notice (clock, today, &clock_error)
          : !civic_disclosure_request_clock_extend (clock, today, 1, context->actor->id, TRUE,
                                                    "-", &clock_error))
        return clock_refusal (error, clock_error);
      return TRUE;

    case CIVIC_DISCLOSURE_REQUEST_ACTION_CLOSE_ABANDONED:
      if (today <= request->correction->due_on)
        {
          g_autofree char *due = civic_day_format (request->correction->due_on);

          return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                         _("The applicant has until %s to correct the request; only then is it "
                           "deemed abandoned (Art. 30)"), due);
        }
      return TRUE;

    case CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY:
      if (request->reply == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("Draft the reply before it is issued"));
      return TRUE;

    default:
      return TRUE;
    }
}

static gboolean
request_check_action (CivicDisclosureRequest       *request,
                      CivicDisclosureRequestAction  action,
                      const CivicWorkflowContext   *context,
                      GError                      **error)
{
  const CivicActor *actor = context->actor;

  if ((guint) action >= CIVIC_N_DISCLOSURE_REQUEST_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));

  if (!(rules[action].states & (1u << request->state)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   /* Translators: "“Issue Reply” is not possible while the request is
                    * “Consulting”" */
                   _("“%s” is not possible while the request is “%s”"),
                   civic_disclosure_request_action_get_label (action),
                   civic_disclosure_request_state_get_label (request->state));

  if (!civic_actor_has_role (actor, rules[action].roles))
    {
      g_autofree char *roles = civic_roles_to_string (rules[action].roles & ~CIVIC_ROLE_SYSTEM);

      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("“%s” is for these roles: %s"),
                     civic_disclosure_request_action_get_label (action), roles);
    }

  if (!civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM) &&
      (actor->department_id == NULL ||
       g_strcmp0 (actor->department_id, request->department_id) != 0))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only the organ that received a request acts on it"));

  return check_preconditions (request, action, context, error);
}

/* Applying */

static void
record_by (char                       **id,
           char                       **name,
           const CivicWorkflowContext  *context)
{
  set_string (id, context->actor->id);
  set_string (name, context->actor->name);
}

/* Who asks (Art. 29(1)): a name, an identity document, a way to reach
 * them; for an organisation, its name too */
static gboolean
apply_applicant (CivicDisclosureApplicant  *applicant,
                 JsonObject                *args,
                 GError                   **error)
{
  const char *name, *id_number, *phone, *address, *email, *organisation, *credit_code;
  g_autofree char *upper_id = NULL;
  int kind = 0, id_type = CIVIC_DISCLOSURE_ID_RESIDENT_ID;

  if (!get_enum (args, "applicant_kind", TRUE, CIVIC_TYPE_DISCLOSURE_APPLICANT_KIND, &kind,
                 error) ||
      !get_text (args, "applicant_name", TRUE, 100, &name, error) ||
      !get_enum (args, "id_type", FALSE, CIVIC_TYPE_DISCLOSURE_ID_TYPE, &id_type, error) ||
      !get_text (args, "id_number", FALSE, 40, &id_number, error) ||
      !get_text (args, "phone", FALSE, 40, &phone, error) ||
      !get_text (args, "address", FALSE, 300, &address, error) ||
      !get_text (args, "email", FALSE, 200, &email, error) ||
      !get_text (args, "organisation", FALSE, 200, &organisation, error) ||
      !get_text (args, "credit_code", FALSE, 40, &credit_code, error))
    return FALSE;

  if (kind == CIVIC_DISCLOSURE_APPLICANT_NATURAL_PERSON)
    {
      if (id_number == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("An applicant gives the number of an identity document (Art. 29)"));
      organisation = credit_code = NULL;
    }
  else if (organisation == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Give the name of the organisation that applies (Art. 29)"));

  if (id_number != NULL && id_type == CIVIC_DISCLOSURE_ID_RESIDENT_ID)
    {
      upper_id = g_ascii_strup (id_number, -1);
      /* Never the number itself in the message: it is personal */
      if (!civic_id_is_resident_id_valid (upper_id))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("The resident identity card number is not valid: check its 18 "
                         "characters"));
      id_number = upper_id;
    }
  if (credit_code != NULL && !civic_id_is_credit_code_shaped (credit_code))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The unified social credit code is not valid: check its 18 characters"));
  if (phone == NULL && address == NULL && email == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Give at least one way to reach the applicant: a phone, an address or an "
                     "e-mail address (Art. 29)"));

  civic_disclosure_applicant_clear (applicant);
  applicant->kind = kind;
  applicant->name = g_strdup (name);
  applicant->id_type = id_type;
  applicant->id_number = dup_or_null (id_number);
  applicant->phone = dup_or_null (phone);
  applicant->address = dup_or_null (address);
  applicant->email = dup_or_null (email);
  applicant->organisation = dup_or_null (organisation);
  applicant->credit_code = dup_or_null (credit_code);
  applicant->masked = FALSE;
  return TRUE;
}

static gboolean
apply_register (CivicDisclosureRequest      *request,
                JsonObject                  *args,
                const CivicWorkflowContext  *context,
                GError                     **error)
{
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  const char *description, *number, *title, *department_id;
  int channel = 0, form = 0, delivery = 0;
  CivicDay received_on;

  if (!get_text (args, "department_id", FALSE, 64, &department_id, error) ||
      !get_enum (args, "channel", TRUE, CIVIC_TYPE_DISCLOSURE_REQUEST_CHANNEL, &channel, error) ||
      !get_past_day (args, "received_on", TRUE, context, &received_on, error) ||
      !get_text (args, "description", TRUE, 4000, &description, error) ||
      !get_text (args, "document_number", FALSE, 100, &number, error) ||
      !get_text (args, "title", FALSE, 300, &title, error) ||
      !get_enum (args, "delivery_form", TRUE, CIVIC_TYPE_DISCLOSURE_DELIVERY_FORM, &form,
                 error) ||
      !get_enum (args, "delivery_channel", TRUE, CIVIC_TYPE_DISCLOSURE_DELIVERY_CHANNEL,
                 &delivery, error) ||
      !apply_applicant (&request->applicant, args, error))
    return FALSE;

  /* The service registers a request made on the public side for the organ
   * the applicant chose; an official, for their own organ */
  if (request->department_id == NULL)
    {
      if (department_id == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Say which organ is asked"));
      request->department_id = g_strdup (department_id);
    }
  else if (department_id != NULL && g_strcmp0 (department_id, request->department_id) != 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only the organ that received a request acts on it"));

  request->channel = channel;
  request->received_on = received_on;
  set_string (&request->description, description);
  set_string (&request->document_number, number);
  set_string (&request->title, title);
  request->delivery_form = form;
  request->delivery_channel = delivery;
  record_by (&request->registered_by_id, &request->registered_by_name, context);
  g_clear_pointer (&request->registered_at, g_date_time_unref);
  request->registered_at = g_date_time_ref (context->now);
  request->state = CIVIC_DISCLOSURE_REQUEST_STATE_RECEIVED;

  if ((clock = dup_clock (request, context, error)) == NULL)
    return FALSE;
  refresh_due (request, clock, context);
  return TRUE;
}

static gboolean
apply_request_correction (CivicDisclosureRequest      *request,
                          JsonObject                  *args,
                          const CivicWorkflowContext  *context,
                          GError                     **error)
{
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(GError) clock_error = NULL;
  CivicDisclosureCorrection *correction;
  const char *items;
  gint64 period = 0;
  CivicDay today = today_of (context);

  if (!get_text (args, "items", TRUE, 4000, &items, error))
    return FALSE;
  if (!civic_json_get_int (args, "period", TRUE, 1, 60, &period, error))
    return argument_error (error);

  if ((clock = dup_clock (request, context, error)) == NULL)
    return FALSE;
  if (!civic_disclosure_request_clock_send_correction_notice (clock, today, &clock_error))
    return clock_refusal (error, clock_error);

  correction = g_new0 (CivicDisclosureCorrection, 1);
  correction->items = g_strdup (items);
  correction->period = (guint) period;
  correction->notice_on = today;
  /* Counted, like the Regulations' own periods, in working days from the
   * day after the notice */
  correction->due_on = civic_calendar_add_working_days (context->calendar, today, (int) period,
                                                        CIVIC_COUNT_DEFAULT, NULL);
  correction->corrected_on = CIVIC_DAY_INVALID;
  record_by (&correction->by_id, &correction->by_name, context);
  civic_disclosure_correction_free (request->correction);
  request->correction = correction;
  request->state = CIVIC_DISCLOSURE_REQUEST_STATE_CORRECTION_REQUESTED;
  refresh_due (request, clock, context);
  return TRUE;
}

static gboolean
apply_receive_correction (CivicDisclosureRequest      *request,
                          JsonObject                  *args,
                          const CivicWorkflowContext  *context,
                          GError                     **error)
{
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(GError) clock_error = NULL;
  CivicDay received_on;

  if (!get_past_day (args, "received_on", TRUE, context, &received_on, error))
    return FALSE;
  if ((clock = dup_clock (request, context, error)) == NULL)
    return FALSE;
  if (!civic_disclosure_request_clock_receive_correction (clock, received_on, &clock_error))
    return clock_refusal (error, clock_error);

  request->correction->corrected_on = received_on;
  request->state = CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS;
  refresh_due (request, clock, context);
  return TRUE;
}

/* The reply is the organ's answer: issued on @day, it completes the clock */
static gboolean
complete (CivicDisclosureRequest      *request,
          CivicDay                     day,
          const CivicWorkflowContext  *context,
          GError                     **error)
{
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(GError) clock_error = NULL;

  if ((clock = dup_clock (request, context, error)) == NULL)
    return FALSE;
  if (!civic_disclosure_request_clock_reply (clock, day, &clock_error))
    return clock_refusal (error, clock_error);

  request->replied_on = day;
  record_by (&request->replied_by_id, &request->replied_by_name, context);
  refresh_due (request, clock, context);
  return TRUE;
}

/* Art. 30: not corrected in time without good reason, the request is
 * deemed abandoned; the annual report counts it in (六) */
static gboolean
apply_close_abandoned (CivicDisclosureRequest      *request,
                       JsonObject                  *args,
                       const CivicWorkflowContext  *context,
                       GError                     **error)
{
  const char *note;
  CivicDay today = today_of (context);

  if (!get_text (args, "note", FALSE, 2000, &note, error) ||
      !complete (request, today, context, error))
    return FALSE;

  civic_disclosure_reply_free (request->reply);
  request->reply = g_new0 (CivicDisclosureReply, 1);
  request->reply->outcome = CIVIC_DISCLOSURE_REPLY_OTHER;
  request->reply->ground = CIVIC_DISCLOSURE_GROUND_ABANDONED;
  request->reply->note = dup_or_null (note);
  record_by (&request->reply->drafted_by_id, &request->reply->drafted_by_name, context);
  request->reply->drafted_at = g_date_time_ref (context->now);
  request->closed_on = today;
  set_string (&request->closing_note, note);
  request->state = CIVIC_DISCLOSURE_REQUEST_STATE_ABANDONED;
  return TRUE;
}

static gboolean
apply_start_consultation (CivicDisclosureRequest      *request,
                          JsonObject                  *args,
                          const CivicWorkflowContext  *context,
                          GError                     **error)
{
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(GError) clock_error = NULL;
  CivicDisclosureConsultation *consultation;
  const char *party, *basis;
  int consultee = CIVIC_DISCLOSURE_CONSULTEE_THIRD_PARTY;
  CivicDay served_on;

  if (!get_text (args, "party", TRUE, 200, &party, error) ||
      !get_enum (args, "consultee", TRUE, CIVIC_TYPE_DISCLOSURE_CONSULTEE, &consultee, error) ||
      !get_text (args, "basis", TRUE, 2000, &basis, error) ||
      !get_past_day (args, "served_on", TRUE, context, &served_on, error))
    return FALSE;
  if (request->consultations->len >= 50)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Too many consultations"));

  if ((clock = dup_clock (request, context, error)) == NULL)
    return FALSE;
  if (!civic_disclosure_request_clock_start_consultation (clock, consultee, served_on, NULL,
                                                          &clock_error))
    return clock_refusal (error, clock_error);

  consultation = g_new0 (CivicDisclosureConsultation, 1);
  consultation->number = request->consultations->len + 1;
  consultation->consultee = consultee;
  consultation->party = g_strdup (party);
  consultation->basis = g_strdup (basis);
  consultation->served_on = served_on;
  consultation->answer = CIVIC_DISCLOSURE_ANSWER_NONE;
  consultation->answered_on = CIVIC_DAY_INVALID;
  record_by (&consultation->by_id, &consultation->by_name, context);
  g_ptr_array_add (request->consultations, consultation);
  request->state = CIVIC_DISCLOSURE_REQUEST_STATE_CONSULTING;
  refresh_due (request, clock, context);
  return TRUE;
}

static gboolean
apply_record_answer (CivicDisclosureRequest      *request,
                     JsonObject                  *args,
                     const CivicWorkflowContext  *context,
                     GError                     **error)
{
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(GError) clock_error = NULL;
  CivicDisclosureConsultation *consultation;
  const char *note;
  int answer = CIVIC_DISCLOSURE_ANSWER_CONSENT;
  guint number;
  CivicDay answered_on = CIVIC_DAY_INVALID;

  if (!get_number (args, "consultation", TRUE, request->consultations->len, &number, error) ||
      !get_enum (args, "answer", TRUE, CIVIC_TYPE_DISCLOSURE_ANSWER, &answer, error) ||
      !get_text (args, "note", FALSE, 2000, &note, error))
    return FALSE;
  consultation = civic_disclosure_request_find_consultation (request, number);
  if (consultation->closed)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("The answer to consultation %u is recorded already"), number);
  if ((clock = dup_clock (request, context, error)) == NULL)
    return FALSE;

  if (answer == CIVIC_DISCLOSURE_ANSWER_NONE)
    {
      g_autoptr(CivicDisclosureRequestReading) reading =
        civic_disclosure_request_clock_read (clock, today_of (context), NULL);
      const CivicDisclosureConsultationReading *letter =
        g_ptr_array_index (reading->consultations, number - 1);

      /* Silence is an answer only once the 15 days are over: a
       * co-producer then consents (Art. 34), a third party leaves the
       * decision to the organ (Art. 32) */
      if (today_of (context) <= letter->due)
        {
          g_autofree char *due = civic_day_format (letter->due);

          return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                         _("The party consulted has until %s to answer (Arts. 32 and 34)"), due);
        }
    }
  else
    {
      if (!get_past_day (args, "answered_on", FALSE, context, &answered_on, error))
        return FALSE;
      if (!civic_disclosure_request_clock_answer_consultation (clock, number - 1, answered_on,
                                                               &clock_error))
        return clock_refusal (error, clock_error);
    }

  consultation->closed = TRUE;
  consultation->answer = answer;
  consultation->answered_on = answered_on;
  set_string (&consultation->note, note);
  if (civic_disclosure_request_count_open_consultations (request) == 0)
    request->state = CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS;
  refresh_due (request, clock, context);
  return TRUE;
}

/* Art. 33 ¶2: the head of the disclosure office, and nobody else, agrees
 * to an extension, and the applicant is told */
static gboolean
apply_extend (CivicDisclosureRequest      *request,
              JsonObject                  *args,
              const CivicWorkflowContext  *context,
              GError                     **error)
{
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(GError) clock_error = NULL;
  const CivicActor *actor = context->actor;
  const char *reason;
  gint64 days = 0;
  CivicDay today = today_of (context);

  if (!civic_json_get_int (args, "days", TRUE, G_MININT32, G_MAXINT32, &days, error))
    return argument_error (error);
  if (!get_text (args, "reason", TRUE, 2000, &reason, error))
    return FALSE;
  if ((clock = dup_clock (request, context, error)) == NULL)
    return FALSE;
  if (!civic_disclosure_request_clock_extend (clock, today, (int) days,
                                              actor->name != NULL ? actor->name : actor->id,
                                              civic_actor_has_role (actor, HEAD), reason,
                                              &clock_error))
    return clock_refusal (error, clock_error);

  request->extension = g_new0 (CivicDisclosureExtension, 1);
  request->extension->on = today;
  request->extension->days = (int) days;
  request->extension->reason = g_strdup (reason);
  record_by (&request->extension->approved_by_id, &request->extension->approved_by_name, context);
  refresh_due (request, clock, context);
  return TRUE;
}

static gboolean
apply_draft_reply (CivicDisclosureRequest      *request,
                   JsonObject                  *args,
                   const CivicWorkflowContext  *context,
                   GError                     **error)
{
  g_autoptr(GError) reply_error = NULL;
  CivicDisclosureReply *reply;
  const char *detail, *note, *public_interest;
  int outcome = 0, ground = CIVIC_DISCLOSURE_GROUND_NONE;
  gboolean objected = civic_disclosure_request_has_objection (request);

  if (!get_enum (args, "outcome", TRUE, CIVIC_TYPE_DISCLOSURE_REPLY_OUTCOME, &outcome, error) ||
      !get_enum (args, "ground", FALSE, CIVIC_TYPE_DISCLOSURE_REPLY_GROUND, &ground, error) ||
      !get_text (args, "detail", FALSE, 4000, &detail, error) ||
      !get_text (args, "public_interest", FALSE, 2000, &public_interest, error) ||
      !get_text (args, "note", FALSE, 2000, &note, error))
    return FALSE;
  if (!civic_disclosure_request_reply_validate (outcome, ground, detail, &reply_error))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, "%s", reply_error->message);

  /* Grounds that rest on what happened to the request */
  if (ground == CIVIC_DISCLOSURE_GROUND_ABANDONED)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A request not corrected in time is closed with “Close as Abandoned”"));
  if (ground == CIVIC_DISCLOSURE_GROUND_UNCLEAR_AFTER_CORRECTION &&
      (request->correction == NULL || request->correction->corrected_on == CIVIC_DAY_INVALID))
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("Only a request corrected after a notice can be still unclear after "
                     "correction (Art. 30)"));

  /* Art. 32: a third party that objects with reasonable grounds is not
   * overridden unless withholding would seriously harm the public
   * interest; the organ says why, and the third party is told in
   * writing. A partial disclosure may withhold just its part. */
  if (outcome == CIVIC_DISCLOSURE_REPLY_DISCLOSE && objected && public_interest == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("A third party consulted objected: to disclose all the same, say why "
                     "withholding it would seriously harm the public interest (Art. 32), and "
                     "the third party is told"));
  if (public_interest != NULL && !objected)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("No third party consulted objected: there is no objection to override"));
  if (public_interest != NULL && outcome != CIVIC_DISCLOSURE_REPLY_DISCLOSE &&
      outcome != CIVIC_DISCLOSURE_REPLY_PARTIAL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Only a reply that discloses overrides a third party’s objection"));

  reply = g_new0 (CivicDisclosureReply, 1);
  reply->outcome = outcome;
  reply->ground = ground;
  reply->detail = dup_or_null (detail);
  reply->public_interest = dup_or_null (public_interest);
  reply->note = dup_or_null (note);
  record_by (&reply->drafted_by_id, &reply->drafted_by_name, context);
  reply->drafted_at = g_date_time_ref (context->now);
  civic_disclosure_reply_free (request->reply);
  request->reply = reply;
  request->state = CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS;
  return TRUE;
}

static gboolean
apply_issue_reply (CivicDisclosureRequest      *request,
                   JsonObject                  *args,
                   const CivicWorkflowContext  *context,
                   GError                     **error)
{
  CivicDay replied_on;

  if (!get_past_day (args, "replied_on", TRUE, context, &replied_on, error) ||
      !complete (request, replied_on, context, error))
    return FALSE;
  request->state = CIVIC_DISCLOSURE_REQUEST_STATE_REPLIED;
  return TRUE;
}

static gboolean
apply_withdraw (CivicDisclosureRequest      *request,
                JsonObject                  *args,
                const CivicWorkflowContext  *context,
                GError                     **error)
{
  const char *note;

  if (!get_text (args, "note", TRUE, 2000, &note, error))
    return FALSE;
  request->closed_on = today_of (context);
  set_string (&request->closing_note, note);
  request->state = CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN;
  return TRUE;
}

static gboolean
apply_comment (CivicDisclosureRequest      *request,
               JsonObject                  *args,
               const CivicWorkflowContext  *context,
               GError                     **error)
{
  CivicDisclosureRequestComment *comment;
  const char *text;

  if (!get_text (args, "text", TRUE, 4000, &text, error))
    return FALSE;
  if (request->comments->len >= 1000)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Too many comments"));
  comment = g_new0 (CivicDisclosureRequestComment, 1);
  record_by (&comment->author_id, &comment->author_name, context);
  comment->text = g_strdup (text);
  comment->at = g_date_time_ref (context->now);
  g_ptr_array_add (request->comments, comment);
  return TRUE;
}

/* A decided remedy has its day, a pending one none */
static gboolean
get_decision (JsonObject                  *args,
              int                          result,
              CivicDay                     filed_on,
              const CivicWorkflowContext  *context,
              CivicDay                    *decided_on,
              GError                     **error)
{
  *decided_on = CIVIC_DAY_INVALID;
  if (result == CIVIC_DISCLOSURE_REMEDY_PENDING)
    return TRUE;
  if (!get_past_day (args, "decided_on", FALSE, context, decided_on, error))
    return FALSE;
  if (*decided_on < filed_on)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A reconsideration or lawsuit is decided after it is filed"));
  return TRUE;
}

/* The annual report's table of reconsiderations and lawsuits (Art. 50):
 * each as filed, and later its result */
static gboolean
apply_record_remedy (CivicDisclosureRequest      *request,
                     JsonObject                  *args,
                     const CivicWorkflowContext  *context,
                     GError                     **error)
{
  CivicDisclosureRemedy *remedy;
  const char *body, *note;
  int kind = 0, result = CIVIC_DISCLOSURE_REMEDY_PENDING;
  guint number = 0;
  CivicDay filed_on = CIVIC_DAY_INVALID, decided_on;

  if (!get_number (args, "remedy", FALSE, request->remedies->len, &number, error) ||
      !get_enum (args, "result", FALSE, CIVIC_TYPE_DISCLOSURE_REMEDY_RESULT, &result, error) ||
      !get_text (args, "body", FALSE, 200, &body, error) ||
      !get_text (args, "note", FALSE, 2000, &note, error))
    return FALSE;

  if (number > 0)
    {
      remedy = g_ptr_array_index (request->remedies, number - 1);
      if (remedy->result != CIVIC_DISCLOSURE_REMEDY_PENDING)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("Its result is recorded already"));
      if (result == CIVIC_DISCLOSURE_REMEDY_PENDING)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Give its result"));
      if (!get_decision (args, result, remedy->filed_on, context, &decided_on, error))
        return FALSE;
      remedy->result = result;
      remedy->decided_on = decided_on;
      if (body != NULL)
        set_string (&remedy->body, body);
      if (note != NULL)
        set_string (&remedy->note, note);
      return TRUE;
    }

  if (!get_enum (args, "kind", TRUE, CIVIC_TYPE_DISCLOSURE_REMEDY_KIND, &kind, error) ||
      !get_past_day (args, "filed_on", TRUE, context, &filed_on, error))
    return FALSE;
  if (filed_on < request->replied_on)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A reconsideration or lawsuit is filed after the reply"));
  if (!get_decision (args, result, filed_on, context, &decided_on, error))
    return FALSE;
  if (request->remedies->len >= 20)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Too many reconsiderations and lawsuits"));

  remedy = g_new0 (CivicDisclosureRemedy, 1);
  remedy->number = request->remedies->len + 1;
  remedy->kind = kind;
  remedy->result = result;
  remedy->filed_on = filed_on;
  remedy->decided_on = decided_on;
  remedy->body = dup_or_null (body);
  remedy->note = dup_or_null (note);
  g_ptr_array_add (request->remedies, remedy);
  return TRUE;
}

static gboolean
apply_action (CivicDisclosureRequest       *request,
              CivicDisclosureRequestAction  action,
              JsonObject                   *args,
              const CivicWorkflowContext   *context,
              GError                      **error)
{
  switch (action)
    {
    case CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER:
      return apply_register (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION:
      return apply_request_correction (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_RECEIVE_CORRECTION:
      return apply_receive_correction (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_CLOSE_ABANDONED:
      return apply_close_abandoned (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_START_CONSULTATION:
      return apply_start_consultation (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER:
      return apply_record_answer (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND:
      return apply_extend (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY:
      return apply_draft_reply (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY:
      return apply_issue_reply (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_WITHDRAW:
      return apply_withdraw (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_COMMENT:
      return apply_comment (request, args, context, error);
    case CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_REMEDY:
      return apply_record_remedy (request, args, context, error);
    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The kind */

static gboolean
request_action_from_string (const char *name,
                            guint      *action)
{
  int value;

  if (!civic_enum_from_nick (CIVIC_TYPE_DISCLOSURE_REQUEST_ACTION, name, &value))
    return FALSE;
  *action = value;
  return TRUE;
}

static const char *
request_action_to_string (guint action)
{
  return civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_REQUEST_ACTION, action);
}

static const char *
request_action_label (guint action)
{
  return civic_disclosure_request_action_get_label (action);
}

static const char *
request_past_tense (const char *name)
{
  guint action;

  if (name == NULL || !request_action_from_string (name, &action))
    return NULL;
  return past_tense (action);
}

static const CivicArgument *
request_arguments (guint action)
{
  return civic_disclosure_request_action_get_arguments (action);
}

static CivicActionWeight
request_weight (guint action)
{
  switch ((CivicDisclosureRequestAction) action)
    {
    case CIVIC_DISCLOSURE_REQUEST_ACTION_CLOSE_ABANDONED:
    case CIVIC_DISCLOSURE_REQUEST_ACTION_WITHDRAW:
      return CIVIC_WEIGHT_DESTRUCTIVE;
    case CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION:
    case CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND:
    case CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY:
      return CIVIC_WEIGHT_DELIBERATE;
    default:
      return CIVIC_WEIGHT_ROUTINE;
    }
}

/* A comment still makes sense on a request that changed since; a reply
 * issued on a draft the reviewer did not read does not */
static gboolean
request_safe_when_stale (guint action)
{
  return action == CIVIC_DISCLOSURE_REQUEST_ACTION_COMMENT;
}

static GObject *
request_from_json (JsonNode  *node,
                   GError   **error)
{
  return G_OBJECT (civic_disclosure_request_new_from_json (node, error));
}

static const char *
request_get_id (GObject *record)
{
  return civic_disclosure_request_get_id (CIVIC_DISCLOSURE_REQUEST (record));
}

static gint64
request_get_rev (GObject *record)
{
  return civic_disclosure_request_get_rev (CIVIC_DISCLOSURE_REQUEST (record));
}

static void
request_set_rev (GObject *record,
                 gint64   rev)
{
  civic_disclosure_request_set_rev (CIVIC_DISCLOSURE_REQUEST (record), rev);
}

/* The first words of what is asked for, to name a request without its
 * receipt */
static char *
dup_description_start (CivicDisclosureRequest *request)
{
  const guint max = 20;
  g_autofree char *start = NULL;

  if (request->description == NULL)
    return g_strdup (_("Disclosure request"));
  if (g_utf8_strlen (request->description, -1) <= max)
    return g_strdup (request->description);
  start = g_utf8_substring (request->description, 0, max);
  return g_strconcat (start, "…", NULL);
}

static char *
request_label (GObject *record)
{
  CivicDisclosureRequest *request = CIVIC_DISCLOSURE_REQUEST (record);

  if (request->receipt != NULL)
    return g_strdup (request->receipt);
  return dup_description_start (request);
}

static char *
request_headline (GObject *record)
{
  CivicDisclosureRequest *request = CIVIC_DISCLOSURE_REQUEST (record);
  g_autofree char *start = dup_description_start (request);

  if (request->receipt == NULL)
    return g_steal_pointer (&start);
  /* Translators: a request's receipt, then the first words of what it asks for */
  return g_strdup_printf (_("%s — %s"), request->receipt, start);
}

static char *
request_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u disclosure request. Each is checked by the rules "
                                          "on its own.",
                                          "For %u disclosure requests. Each is checked by the "
                                          "rules on its own.",
                                          n_records), n_records);
}

static char *
request_describe (GObject *record)
{
  CivicDisclosureRequest *request = CIVIC_DISCLOSURE_REQUEST (record);
  const char *state = civic_disclosure_request_state_get_label (request->state);
  g_autofree char *day = NULL;

  switch (request->state)
    {
    case CIVIC_DISCLOSURE_REQUEST_STATE_RECEIVED:
    case CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS:
      if (request->due_on == CIVIC_DAY_INVALID)
        return g_strdup (state);
      day = civic_day_format (request->due_on);
      /* Translators: "In progress, reply due 2026-10-26" */
      return g_strdup_printf (_("%s, reply due %s"), state, day);

    case CIVIC_DISCLOSURE_REQUEST_STATE_CORRECTION_REQUESTED:
      day = civic_day_format (request->correction->due_on);
      /* Translators: "Awaiting correction, until 2026-03-03; the time to reply is stopped" */
      return g_strdup_printf (_("%s, until %s; the time to reply is stopped"), state, day);

    case CIVIC_DISCLOSURE_REQUEST_STATE_CONSULTING:
      /* Translators: "Consulting; the time to reply is stopped" */
      return g_strdup_printf (_("%s; the time to reply is stopped"), state);

    case CIVIC_DISCLOSURE_REQUEST_STATE_REPLIED:
      day = civic_day_format (request->replied_on);
      /* Translators: "Replied on 2026-11-20: Disclose in part" */
      return g_strdup_printf (_("%s on %s: %s"), state, day,
                              civic_disclosure_reply_outcome_get_label (request->reply->outcome));

    case CIVIC_DISCLOSURE_REQUEST_STATE_ABANDONED:
    case CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN:
    default:
      if (request->closed_on == CIVIC_DAY_INVALID)
        return g_strdup (state);
      day = civic_day_format (request->closed_on);
      /* Translators: "Withdrawn on 2026-03-02" */
      return g_strdup_printf (_("%s on %s"), state, day);
    }
}

static char *
request_kind_to_feed_json (GObject       *record,
                           CivicCalendar *calendar,
                           CivicDay       today)
{
  return civic_disclosure_request_to_feed_json (CIVIC_DISCLOSURE_REQUEST (record), calendar,
                                                today);
}

static gboolean
request_check (GObject                    *record,
               guint                       action,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (context->calendar), FALSE);

  return request_check_action (CIVIC_DISCLOSURE_REQUEST (record), action, context, error);
}

static GArray *
request_list_actions (GObject                    *record,
                      const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicDisclosureRequestAction));

  for (guint i = 0; i < CIVIC_N_DISCLOSURE_REQUEST_ACTIONS; i++)
    {
      CivicDisclosureRequestAction action = i;

      if (action == CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER)
        continue;
      if (request_check (record, action, context, NULL))
        g_array_append_val (actions, action);
    }
  return actions;
}

/* Every change is tried on a copy: a refused one leaves the record as it
 * was */
/* OGI Art. 33: the reply, rebuilt from what happened to the request; a
 * request withdrawn, or closed without a reply, owes none */
static gboolean
request_supervise (GObject                *record,
                   CivicCalendar          *calendar,
                   CivicDay                today,
                   CivicSupervisionSource *out)
{
  CivicDisclosureRequest *request = CIVIC_DISCLOSURE_REQUEST (record);
  g_autoptr(CivicDisclosureRequestClock) clocks = NULL;
  g_autoptr(CivicDisclosureRequestReading) reading = NULL;
  gboolean open = civic_disclosure_request_is_open (request);

  if (civic_disclosure_request_get_state (request) == CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN)
    return FALSE;
  clocks = civic_disclosure_request_dup_clock (request, calendar, NULL);
  if (clocks == NULL)
    return FALSE;
  reading = civic_disclosure_request_clock_read (clocks, today, NULL);

  out->department_id = g_strdup (civic_disclosure_request_get_department_id (request));
  out->subject = g_strdup ("");
  out->title = g_strdup_printf ("%s %s", civic_disclosure_request_get_receipt (request),
                                civic_disclosure_request_get_title (request));
  if (open)
    out->now = civic_clock_copy (reading->reply_clock);
  if (open || civic_clock_is_completed (reading->reply_clock))
    out->main = civic_clock_copy (reading->reply_clock);
  out->deemed_on = CIVIC_DAY_INVALID;
  return TRUE;
}

static GObject *
request_apply (GObject                    *record,
               guint                       action,
               JsonObject                 *args,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  g_autoptr(CivicDisclosureRequest) next = NULL;
  g_autoptr(JsonObject) empty = NULL;

  if (!request_check (record, action, context, error))
    return NULL;

  if (args == NULL)
    args = empty = json_object_new ();
  next = civic_disclosure_request_copy (CIVIC_DISCLOSURE_REQUEST (record));
  if (!apply_action (next, action, args, context, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&next));
}

static gboolean
request_creates (guint action)
{
  return action == CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER;
}

/* A blank request for the actor's organ, which register-disclosure-request
 * then fills in; the service's has its organ from the arguments */
static GObject *
request_create (const char                 *id,
                guint                       action,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  const CivicActor *actor = context->actor;
  gboolean service = civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM);

  if (action != CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such disclosure request"));
      return NULL;
    }
  if (id == NULL || *id == '\0' || strlen (id) > 64 || (!service && actor->department_id == NULL))
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("A new disclosure request needs an id and an organ"));
      return NULL;
    }
  return G_OBJECT (civic_disclosure_request_new (id, service ? NULL : actor->department_id));
}

const CivicEntityKind civic_disclosure_request_kind = {
  .type = CIVIC_ENTITY_DISCLOSURE_REQUEST,
  .collection = "disclosure-requests",
  .record_type = civic_disclosure_request_get_type,
  .n_actions = CIVIC_N_DISCLOSURE_REQUEST_ACTIONS,
  .action_from_string = request_action_from_string,
  .action_to_string = request_action_to_string,
  .action_label = request_action_label,
  .past_tense = request_past_tense,
  .arguments = request_arguments,
  .weight = request_weight,
  .safe_when_stale = request_safe_when_stale,
  .from_json = request_from_json,
  .get_id = request_get_id,
  .get_rev = request_get_rev,
  .set_rev = request_set_rev,
  .label = request_label,
  .headline = request_headline,
  .headline_n = request_headline_n,
  .describe = request_describe,
  .now_title = N_("The request now"),
  .open_label = N_("_Open Request"),
  .not_cached = N_("The request is not in the offline copy"),
  .to_feed_json = request_kind_to_feed_json,
  .check = request_check,
  .list_actions = request_list_actions,
  .apply = request_apply,
  .supervise = request_supervise,
  .creates = request_creates,
  .create = request_create,
};
