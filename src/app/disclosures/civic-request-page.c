/* civic-request-page.c — one request for information: its clock, its consultations, its reply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-request-page"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-document-rows.h"
#include "civic-due-chip.h"
#include "civic-page-rows.h"
#include "civic-request-page.h"
#include "civic-time.h"
#include "civic-toast.h"

/* What the organ's disclosure staff need of one request (依申请公开),
 * top to bottom: what to do next (the actions the rules allow this
 * official now, and nothing else); the time to reply with the way its day
 * is counted (OGI Art. 33: 20 working days from receipt, stopped while
 * the applicant corrects the request, Art. 30, and while third parties
 * are consulted, Art. 32, extended once by the head); the request as
 * written; who asks, masked as the feed carries it (PIPL Art. 28); the
 * correction, the consultations and their answers, the extension; the
 * reply, drafted or issued, with the sentence the law gives it; and what
 * happened, in order. Every action goes through the sync engine: at once
 * in the offline copy, and to the outbox until the service takes it. */

struct _CivicRequestPage
{
  GtkBox                  parent_instance;

  CivicSyncEngine        *engine;
  char                   *request_id;
  CivicDisclosureRequest *request;

  GtkWidget              *scrolled;
  GtkWidget              *content;
};

G_DEFINE_FINAL_TYPE (CivicRequestPage, civic_request_page, GTK_TYPE_BOX)

static guint toast_signal;

/* Acting */

static const char *
past_tense (CivicDisclosureRequestAction action)
{
  return civic_command_past_tense (civic_disclosure_request_kind.action_to_string (action));
}

static gboolean
perform (CivicRequestPage              *self,
         CivicDisclosureRequestAction   action,
         JsonObject                    *args,
         GError                       **error)
{
  g_autofree char *command = civic_sync_engine_perform_disclosure_request (self->engine,
                                                                           self->request_id,
                                                                           action, args, error);

  if (command == NULL)
    return FALSE;
  civic_toast_emit (self, toast_signal, past_tense (action));
  return TRUE;
}

static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicRequestPage) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;

  if (args == NULL || self->engine == NULL)
    return;
  if (!perform (self, civic_action_dialog_get_action (dialog), args, &error))
    civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                   dialog_done_cb, g_object_ref (self));
}

static void
reply_drafted_cb (CivicRequestPage *self)
{
  civic_toast_emit (self, toast_signal, past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY));
}

/**
 * civic_request_page_compose_reply:
 *
 * Opens the reply composer on the request shown, its draft in it if it
 * has one.
 *
 * Returns: (transfer none) (nullable): the composer, presented
 */
CivicReplyComposer *
civic_request_page_compose_reply (CivicRequestPage *self)
{
  CivicReplyComposer *composer;

  g_return_val_if_fail (CIVIC_IS_REQUEST_PAGE (self), NULL);

  if (self->request == NULL || self->engine == NULL)
    return NULL;
  composer = civic_reply_composer_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       self->engine, self->request);
  g_signal_connect_object (composer, "drafted", G_CALLBACK (reply_drafted_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (composer));
  return composer;
}

/**
 * civic_request_page_start_action:
 *
 * Takes @action on the request shown through its form; the reply is
 * drafted in the composer, which shows what it will say.
 */
void
civic_request_page_start_action (CivicRequestPage             *self,
                                 CivicDisclosureRequestAction  action)
{
  GtkWindow *window;
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_REQUEST_PAGE (self));

  if (self->request == NULL || self->engine == NULL)
    return;

  if (action == CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY)
    {
      civic_request_page_compose_reply (self);
      return;
    }

  window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  if (!civic_action_takes_arguments (&civic_disclosure_request_kind, action))
    {
      g_autoptr(JsonObject) none = json_object_new ();
      g_autoptr(GError) error = NULL;

      if (!perform (self, action, none, &error))
        civic_action_show_refusal (window, &civic_disclosure_request_kind, action, error);
      return;
    }

  dialog = civic_action_dialog_new (window, self->engine, &civic_disclosure_request_kind,
                                    G_OBJECT (self->request), action, 1);
  civic_action_dialog_run_async (dialog, NULL, dialog_done_cb, g_object_ref (self));
}

static void
act_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  guint action;

  if (civic_disclosure_request_kind.action_from_string (g_variant_get_string (parameter, NULL),
                                                        &action))
    civic_request_page_start_action (CIVIC_REQUEST_PAGE (widget), action);
}

/* Building */

static gboolean
has_action (GArray                       *actions,
            CivicDisclosureRequestAction  wanted)
{
  for (guint i = 0; i < actions->len; i++)
    if (g_array_index (actions, guint, i) == wanted)
      return TRUE;
  return FALSE;
}

/* The step that moves the request on, for what it waits for now */
static gboolean
next_step (CivicDisclosureRequest       *request,
           GArray                       *actions,
           CivicDisclosureRequestAction *step)
{
  CivicDisclosureRequestAction wanted;

  switch (civic_disclosure_request_get_state (request))
    {
    case CIVIC_DISCLOSURE_REQUEST_STATE_RECEIVED:
    case CIVIC_DISCLOSURE_REQUEST_STATE_IN_PROGRESS:
      /* A drafted reply waits for whoever issues it; the editor may still
       * redraft it, from the menu */
      wanted = civic_disclosure_request_get_reply (request) != NULL &&
               has_action (actions, CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY)
               ? CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY
               : CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY;
      break;
    case CIVIC_DISCLOSURE_REQUEST_STATE_CORRECTION_REQUESTED:
      wanted = CIVIC_DISCLOSURE_REQUEST_ACTION_RECEIVE_CORRECTION;
      break;
    case CIVIC_DISCLOSURE_REQUEST_STATE_CONSULTING:
      wanted = CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER;
      break;
    default:
      return FALSE;
    }

  if (!has_action (actions, wanted))
    return FALSE;
  *step = wanted;
  return TRUE;
}

static char *
action_text (CivicDisclosureRequestAction action)
{
  return g_strdup_printf ("%s%s", civic_disclosure_request_action_get_label (action),
                          civic_action_takes_arguments (&civic_disclosure_request_kind, action)
                          ? "…" : "");
}

/* The next step as the one suggested button; the rest in a menu: what
 * this official may do with this request now, and nothing else */
static void
add_actions (CivicRequestPage *self)
{
  g_autoptr(GArray) actions = civic_sync_engine_list_record_actions (self->engine,
                                                                     &civic_disclosure_request_kind,
                                                                     G_OBJECT (self->request));
  g_autoptr(GMenu) others = g_menu_new ();
  CivicDisclosureRequestAction step = 0;
  gboolean has_step = next_step (self->request, actions, &step);
  GtkWidget *box;

  if (actions->len == 0)
    return;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actions"), -1);
  for (guint i = 0; i < actions->len; i++)
    {
      CivicDisclosureRequestAction action = g_array_index (actions, guint, i);
      g_autofree char *label = action_text (action);
      const char *nick = civic_disclosure_request_kind.action_to_string (action);
      g_autofree char *detailed = g_strdup_printf ("request.act::%s", nick);

      if (has_step && action == step)
        {
          GtkWidget *button = gtk_button_new_with_label (label);

          gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), detailed);
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_box_prepend (GTK_BOX (box), button);
        }
      else
        g_menu_append (others, label, detailed);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (others)) > 0)
    {
      GtkWidget *more = gtk_menu_button_new ();

      gtk_menu_button_set_label (GTK_MENU_BUTTON (more), _("More Actions"));
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (others));
      gtk_box_append (GTK_BOX (box), more);
    }
  gtk_box_append (GTK_BOX (self->content), box);
}

/* The time to reply (Art. 33), and how its day is counted: the core
 * clock's own explanation, line by line — the day received, the stops
 * for the correction and the consultations, the extension, the day due,
 * in working days of the official calendar */
static void
add_clock (CivicRequestPage              *self,
           CivicDisclosureRequestReading *reading,
           CivicCalendar                 *calendar,
           CivicDay                       today)
{
  CivicDisclosureRequest *request = self->request;
  const CivicClockReading *reply = reading->reply;
  GtkWidget *group = civic_page_group_new (self->content, _("Time to Reply"));
  GtkWidget *trace;
  GtkWidget *row;
  GtkWidget *chip;
  g_autofree char *due = civic_page_format_day (reply->due);
  g_autofree char *subtitle = NULL;

  /* Withdrawn, the request needs no reply: its clock, never completed,
   * would count on into the red */
  if (civic_disclosure_request_get_state (request) == CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN)
    {
      g_autofree char *describe = civic_disclosure_request_kind.describe (G_OBJECT (request));

      civic_page_row_new (group, _("Reply Due (Art. 33)"), describe);
      return;
    }

  if (reply->completed_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *done = civic_page_format_day (reply->completed_on);

      subtitle = reply->late
                 /* Translators: "Answered 2026-04-20, after its due day 2026-04-17" */
                 ? g_strdup_printf (_("Answered %s, after its due day %s"), done, due)
                 /* Translators: "Answered 2026-04-20; it was due 2026-04-24" */
                 : g_strdup_printf (_("Answered %s; it was due %s"), done, due);
    }
  else if (reply->status == CIVIC_CLOCK_STATUS_PAUSED)
    /* Translators: "Stopped; 2026-04-24 if it ran again today" */
    subtitle = g_strdup_printf (_("Stopped; %s if it ran again today"), due);
  else
    subtitle = g_strdup (due);
  row = civic_page_row_new (group, reply->extended ? _("Reply Due, Extended (Art. 33)")
                                        : _("Reply Due (Art. 33)"), subtitle);
  chip = civic_due_chip_new_explained ();
  civic_due_chip_set_clock (CIVIC_DUE_CHIP (chip), reading->reply_clock, calendar, today);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);

  if (reading->correction_notice != NULL)
    {
      const CivicDisclosureCorrection *correction =
        civic_disclosure_request_get_correction (request);
      g_autofree char *notice_due = civic_page_format_day (reading->correction_notice_due);
      g_autofree char *text = NULL;

      if (correction != NULL)
        {
          g_autofree char *sent = civic_page_format_day (correction->notice_on);
          g_autofree char *until = civic_page_format_day (correction->due_on);

          /* Translators: "Sent 2026-02-10; the applicant has until 2026-03-03" */
          text = g_strdup_printf (_("Sent %s; the applicant has until %s"), sent, until);
        }
      else
        /* Translators: "Can be sent until 2026-02-24, once" */
        text = g_strdup_printf (_("Can be sent until %s, once"), notice_due);
      civic_page_row_new (group, _("Correction Notice (Art. 30)"), text);
    }

  trace = civic_page_group_new (self->content, _("How the Day Is Counted"));
  for (guint i = 0; reply->trace != NULL && i < reply->trace->len; i++)
    {
      const CivicTraceStep *step = g_ptr_array_index (reply->trace, i);
      GtkWidget *line = civic_page_line_new (trace, step->text, NULL);

      if (step->kind == CIVIC_TRACE_DUE)
        gtk_widget_add_css_class (line, "heading");
    }
}

static void
add_request (CivicRequestPage *self)
{
  CivicDisclosureRequest *request = self->request;
  GtkWidget *group = civic_page_group_new (self->content, _("Request"));
  g_autofree char *received = civic_page_format_day (civic_disclosure_request_get_received_on (request));
  g_autofree char *how = NULL;
  g_autofree char *delivery = NULL;

  civic_page_row_new (group, _("Receipt Number"),
           civic_disclosure_request_get_receipt (request)
           ? civic_disclosure_request_get_receipt (request)
           : _("Given by the service when it receives the request"));
  /* Translators: the day a request counts as received (Art. 31), and how
   * it came: "2026-03-16, by registered post" */
  how = g_strdup_printf (_("%s, %s"), received ? received : "",
                         civic_disclosure_request_channel_get_label (
                           civic_disclosure_request_get_channel (request)));
  civic_page_row_new (group, _("Received (Art. 31)"), how);
  civic_page_row_new (group, _("Information Sought"), civic_disclosure_request_get_description (request));
  if (civic_disclosure_request_get_title (request) != NULL)
    civic_page_row_new (group, _("Document Title"), civic_disclosure_request_get_title (request));
  if (civic_disclosure_request_get_document_number (request) != NULL)
    civic_page_row_new (group, _("Document Number"), civic_disclosure_request_get_document_number (request));
  /* Translators: the form the applicant wants and how it reaches them:
   * "On paper, by post" */
  delivery = g_strdup_printf (_("%s, %s"),
                              civic_disclosure_delivery_form_get_label (
                                civic_disclosure_request_get_delivery_form (request)),
                              civic_disclosure_delivery_channel_get_label (
                                civic_disclosure_request_get_delivery_channel (request)));
  civic_page_row_new (group, _("Wanted (Art. 29(3))"), delivery);
}

/* Who asks, as the feed carries it: the applicant's kind in full (the
 * annual report counts it), their name and numbers masked */
static void
add_applicant (CivicRequestPage *self)
{
  const CivicDisclosureApplicant *applicant =
    civic_disclosure_request_get_applicant (self->request);
  GtkWidget *group = civic_page_group_new (self->content, _("Applicant"));

  if (applicant->masked)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Personal data is masked in the offline copy "
                                             "(PIPL Art. 28)"));
  civic_page_row_new (group, _("Kind of Applicant"),
           civic_disclosure_applicant_kind_get_label (applicant->kind));
  if (applicant->organisation != NULL)
    {
      g_autofree char *organisation = applicant->credit_code != NULL
        ? g_strdup_printf ("%s (%s)", applicant->organisation, applicant->credit_code)
        : g_strdup (applicant->organisation);

      civic_page_row_new (group, _("Organisation"), organisation);
    }
  civic_page_row_new (group, applicant->organisation != NULL ? _("Contact") : _("Name"), applicant->name);
  if (applicant->id_number != NULL)
    {
      /* Translators: an identity document and its number: "Resident
       * identity card: 4301**********1230" */
      g_autofree char *document =
        g_strdup_printf (_("%s: %s"), civic_disclosure_id_type_get_label (applicant->id_type),
                         applicant->id_number);

      civic_page_row_new (group, _("Identity Document"), document);
    }
  if (applicant->phone != NULL)
    civic_page_row_new (group, _("Phone"), applicant->phone);
  if (applicant->address != NULL)
    civic_page_row_new (group, _("Address"), applicant->address);
  if (applicant->email != NULL)
    civic_page_row_new (group, _("E-mail"), applicant->email);
}

static void
add_correction (CivicRequestPage *self)
{
  const CivicDisclosureCorrection *correction =
    civic_disclosure_request_get_correction (self->request);
  GtkWidget *group;
  g_autofree char *sent = NULL;
  g_autofree char *until = NULL;
  g_autofree char *period = NULL;
  g_autofree char *corrected = NULL;

  if (correction == NULL)
    return;
  group = civic_page_group_new (self->content, _("Correction (Art. 30)"));
  civic_page_row_new (group, _("What to Correct"), correction->items);
  sent = civic_page_format_day (correction->notice_on);
  until = civic_page_format_day (correction->due_on);
  period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: "Sent 2026-02-10 by 王芳; 15 working
                                          * day to correct, until 2026-03-03" */
                                         "Sent %s by %s; %u working day to correct, until %s",
                                         "Sent %s by %s; %u working days to correct, until %s",
                                         correction->period),
                            sent, correction->by_name ? correction->by_name : "",
                            correction->period, until);
  civic_page_row_new (group, _("Notice"), period);
  corrected = civic_page_format_day (correction->corrected_on);
  civic_page_row_new (group, _("Corrected Request"), corrected ? corrected : _("Not received yet"));
}

/* Each consultation with its answer, or its silence, and the 15 working
 * days it has (Arts. 32 and 34), from its own clock */
static void
add_consultations (CivicRequestPage              *self,
                   CivicDisclosureRequestReading *reading)
{
  GPtrArray *consultations = civic_disclosure_request_get_consultations (self->request);
  GtkWidget *group;

  if (consultations->len == 0)
    return;
  group = civic_page_group_new (self->content, _("Consultations"));
  for (guint i = 0; i < consultations->len; i++)
    {
      const CivicDisclosureConsultation *consultation = g_ptr_array_index (consultations, i);
      const CivicDisclosureConsultationReading *clock =
        i < reading->consultations->len ? g_ptr_array_index (reading->consultations, i) : NULL;
      g_autofree char *served = civic_page_format_day (consultation->served_on);
      g_autofree char *due = clock ? civic_page_format_day (clock->due) : NULL;
      g_autofree char *answered = civic_page_format_day (consultation->answered_on);
      g_autofree char *title = NULL;
      g_autofree char *letter = NULL;
      g_autofree char *answer = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a consultation's number and whom it asks: "1. 某某科技有限公司" */
      title = g_strdup_printf (_("%u. %s"), consultation->number, consultation->party);
      /* Translators: "A third party (Art. 32); served 2026-05-06, to answer by 2026-05-27" */
      letter = g_strdup_printf (_("%s; served %s, to answer by %s"),
                                civic_disclosure_consultee_get_label (consultation->consultee),
                                served, due ? due : "");
      if (consultation->closed && answered != NULL)
        /* Translators: "Objects to disclosure, received 2026-05-20" */
        answer = g_strdup_printf (_("%s, received %s"),
                                  civic_disclosure_answer_get_label (consultation->answer),
                                  answered);
      else if (consultation->closed || (clock != NULL && clock->ended_on != CIVIC_DAY_INVALID))
        {
          const CivicTraceStep *last = clock && clock->reading->trace->len > 0
            ? g_ptr_array_index (clock->reading->trace, clock->reading->trace->len - 1) : NULL;

          answer = g_strdup (last ? last->text
                                  : civic_disclosure_answer_get_label (consultation->answer));
        }
      else
        answer = g_strdup (_("Waiting for the answer; the time to reply stands still meanwhile "
                             "(Art. 33)"));
      /* Translators: a consultation's letter, why it was sent, and its
       * answer, one a line */
      subtitle = g_strdup_printf (_("%s\nWhy: %s\n%s"), letter, consultation->basis, answer);
      civic_page_line_new (group, title, subtitle);
      if (consultation->note != NULL)
        civic_page_row_new (group, _("Note on the Answer"), consultation->note);
    }
}

static void
add_extension (CivicRequestPage *self)
{
  const CivicDisclosureExtension *extension =
    civic_disclosure_request_get_extension (self->request);
  GtkWidget *group;
  g_autofree char *on = NULL;
  g_autofree char *text = NULL;

  if (extension == NULL)
    return;
  group = civic_page_group_new (self->content, _("Extension (Art. 33)"));
  on = civic_page_format_day (extension->on);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: "By 20 working days on 2026-04-15,
                                        * approved by 赵敏" */
                                       "By %d working day on %s, approved by %s",
                                       "By %d working days on %s, approved by %s",
                                       extension->days),
                          extension->days, on,
                          extension->approved_by_name ? extension->approved_by_name : "");
  civic_page_row_new (group, _("Extended"), text);
  civic_page_row_new (group, _("Reason Given to the Applicant"), extension->reason);
}

/* The reply, drafted or issued: what it will say, or says, in the
 * words the law gives its outcome */
static void
add_reply (CivicRequestPage *self)
{
  CivicDisclosureRequest *request = self->request;
  const CivicDisclosureReply *reply = civic_disclosure_request_get_reply (request);
  CivicDisclosureRequestState state = civic_disclosure_request_get_state (request);
  GtkWidget *group;
  g_autofree char *finding = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *drafted = NULL;

  if (reply == NULL || state == CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN)
    return;
  group = civic_page_group_new (self->content, state == CIVIC_DISCLOSURE_REQUEST_STATE_REPLIED ||
                           state == CIVIC_DISCLOSURE_REQUEST_STATE_ABANDONED
                           ? _("Reply") : _("Reply Drafted"));
  outcome = reply->ground != CIVIC_DISCLOSURE_GROUND_NONE
    /* Translators: a reply's outcome and its ground: "Withhold — state secret" */
    ? g_strdup_printf (_("%s — %s"), civic_disclosure_reply_outcome_get_label (reply->outcome),
                       civic_disclosure_reply_ground_get_label (reply->ground))
    : g_strdup (civic_disclosure_reply_outcome_get_label (reply->outcome));
  civic_page_row_new (group, _("Outcome"), outcome);
  if (civic_disclosure_request_reply_is_valid_pair (reply->outcome, reply->ground))
    {
      finding = civic_disclosure_request_reply_dup_finding (reply->outcome, reply->ground,
                                                            reply->detail);
      civic_page_row_new (group, _("The Reply Says"), finding);
      civic_page_row_new (group, _("Basis"), civic_disclosure_request_reply_get_basis (reply->outcome,
                                                                            reply->ground));
    }
  if (reply->drafted_at != NULL)
    {
      g_autofree char *at = civic_time_format_local (reply->drafted_at);

      /* Translators: "王芳, 2026-03-20 10:00" */
      drafted = g_strdup_printf (_("%s, %s"), reply->drafted_by_name ? reply->drafted_by_name : "",
                                 at);
      civic_page_row_new (group, _("Drafted By"), drafted);
    }
  if (reply->note != NULL)
    civic_page_row_new (group, _("Internal Note"), reply->note);
  if (state == CIVIC_DISCLOSURE_REQUEST_STATE_REPLIED)
    {
      g_autofree char *on = civic_page_format_day (civic_disclosure_request_get_replied_on (request));
      const char *by = civic_disclosure_request_get_replied_by_name (request);
      g_autofree char *issued = g_strdup_printf (_("%s, %s"), on ? on : "", by ? by : "");

      civic_page_row_new (group, _("Issued"), issued);
    }
}

static void
add_remedies (CivicRequestPage *self)
{
  GPtrArray *remedies = civic_disclosure_request_get_remedies (self->request);
  GtkWidget *group;

  if (remedies->len == 0)
    return;
  group = civic_page_group_new (self->content, _("Reconsiderations and Lawsuits"));
  for (guint i = 0; i < remedies->len; i++)
    {
      const CivicDisclosureRemedy *remedy = g_ptr_array_index (remedies, i);
      g_autofree char *filed = civic_page_format_day (remedy->filed_on);
      g_autofree char *decided = civic_page_format_day (remedy->decided_on);
      g_autofree char *text = decided != NULL
        /* Translators: "Filed 2026-05-06; Upheld on 2026-07-01" */
        ? g_strdup_printf (_("Filed %s; %s on %s"), filed,
                           civic_disclosure_remedy_result_get_label (remedy->result), decided)
        /* Translators: "Filed 2026-05-06; Not yet concluded" */
        : g_strdup_printf (_("Filed %s; %s"), filed,
                           civic_disclosure_remedy_result_get_label (remedy->result));

      civic_page_row_new (group, civic_disclosure_remedy_kind_get_label (remedy->kind), text);
    }
}

/* The history: each step as the action that took it says it, on its
 * day, oldest first */
typedef struct
{
  CivicDay  day;
  char     *title;
  char     *detail;
} Event;

static void
event_free (Event *event)
{
  g_free (event->title);
  g_free (event->detail);
  g_free (event);
}

static void
add_event (GPtrArray  *events,
           CivicDay    day,
           const char *title,
           const char *who,
           const char *detail)
{
  Event *event;
  g_autofree char *date = NULL;

  if (day == CIVIC_DAY_INVALID)
    return;
  event = g_new0 (Event, 1);
  event->day = day;
  event->title = g_strdup (title);
  date = civic_day_format (day);
  if (who != NULL && detail != NULL)
    /* Translators: an event of a request's history: its day, who, and
     * what: "2026-03-20 · 王芳 · 某某科技有限公司" */
    event->detail = g_strdup_printf (_("%s · %s · %s"), date, who, detail);
  else if (who != NULL || detail != NULL)
    event->detail = g_strdup_printf (_("%s · %s"), date, who ? who : detail);
  else
    event->detail = g_steal_pointer (&date);
  g_ptr_array_add (events, event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = *(const Event **) a, *y = *(const Event **) b;

  return x->day < y->day ? -1 : x->day > y->day;
}

static void
add_history (CivicRequestPage *self)
{
  CivicDisclosureRequest *request = self->request;
  CivicDisclosureRequestState state = civic_disclosure_request_get_state (request);
  const CivicDisclosureCorrection *correction = civic_disclosure_request_get_correction (request);
  const CivicDisclosureExtension *extension = civic_disclosure_request_get_extension (request);
  const CivicDisclosureReply *reply = civic_disclosure_request_get_reply (request);
  GPtrArray *consultations = civic_disclosure_request_get_consultations (request);
  GPtrArray *remedies = civic_disclosure_request_get_remedies (request);
  GPtrArray *comments = civic_disclosure_request_get_comments (request);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  GtkWidget *group;

  add_event (events, civic_disclosure_request_get_received_on (request),
             past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER), NULL,
             civic_disclosure_request_channel_get_label (
               civic_disclosure_request_get_channel (request)));
  if (correction != NULL)
    {
      add_event (events, correction->notice_on,
                 past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION),
                 correction->by_name, NULL);
      add_event (events, correction->corrected_on,
                 past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_RECEIVE_CORRECTION), NULL, NULL);
    }
  for (guint i = 0; i < consultations->len; i++)
    {
      const CivicDisclosureConsultation *consultation = g_ptr_array_index (consultations, i);

      add_event (events, consultation->served_on,
                 past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_START_CONSULTATION),
                 consultation->by_name, consultation->party);
      if (consultation->closed)
        add_event (events, consultation->answered_on,
                   past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER), consultation->party,
                   civic_disclosure_answer_get_label (consultation->answer));
    }
  if (extension != NULL)
    add_event (events, extension->on, past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND),
               extension->approved_by_name, extension->reason);
  if (reply != NULL && reply->drafted_at != NULL &&
      state != CIVIC_DISCLOSURE_REQUEST_STATE_ABANDONED)
    add_event (events, civic_time_day_of (reply->drafted_at),
               past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY), reply->drafted_by_name,
               civic_disclosure_reply_outcome_get_label (reply->outcome));
  if (state == CIVIC_DISCLOSURE_REQUEST_STATE_REPLIED)
    add_event (events, civic_disclosure_request_get_replied_on (request),
               past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY),
               civic_disclosure_request_get_replied_by_name (request), NULL);
  else if (state == CIVIC_DISCLOSURE_REQUEST_STATE_ABANDONED)
    add_event (events, civic_disclosure_request_get_closed_on (request),
               past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_CLOSE_ABANDONED),
               civic_disclosure_request_get_replied_by_name (request), NULL);
  else if (state == CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN)
    add_event (events, civic_disclosure_request_get_closed_on (request),
               past_tense (CIVIC_DISCLOSURE_REQUEST_ACTION_WITHDRAW), NULL, NULL);
  for (guint i = 0; i < remedies->len; i++)
    {
      const CivicDisclosureRemedy *remedy = g_ptr_array_index (remedies, i);

      add_event (events, remedy->filed_on, civic_disclosure_remedy_kind_get_label (remedy->kind),
                 NULL, civic_disclosure_remedy_result_get_label (remedy->result));
    }
  for (guint i = 0; i < comments->len; i++)
    {
      const CivicDisclosureRequestComment *comment = g_ptr_array_index (comments, i);

      add_event (events, comment->at ? civic_time_day_of (comment->at) : CIVIC_DAY_INVALID,
                 comment->text, comment->author_name, NULL);
    }

  /* Stable: the events of one day stay in the order the law takes them */
  g_ptr_array_sort (events, compare_events);
  group = civic_page_group_new (self->content, _("History"));
  for (guint i = 0; i < events->len; i++)
    {
      const Event *event = g_ptr_array_index (events, i);

      civic_page_line_new (group, event->title, event->detail);
    }
}

static void
clear_content (CivicRequestPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
}

void
civic_request_page_reload (CivicRequestPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(CivicDisclosureRequestReading) reading = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *describe = NULL;
  CivicCalendar *calendar;
  CivicDay today = civic_time_today ();
  GtkWidget *title, *subtitle;

  g_return_if_fail (CIVIC_IS_REQUEST_PAGE (self));

  clear_content (self);
  g_clear_object (&self->request);
  if (self->engine == NULL || self->request_id == NULL)
    return;

  self->request = civic_sync_engine_load_disclosure_request (self->engine, self->request_id,
                                                             &error);
  calendar = civic_sync_engine_get_calendar (self->engine);
  if (self->request != NULL)
    clock = civic_disclosure_request_dup_clock (self->request, calendar, &error);
  if (self->request == NULL || clock == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-question-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Such Request"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error ? error->message : NULL);
      gtk_box_append (GTK_BOX (self->content), status);
      return;
    }
  reading = civic_disclosure_request_clock_read (clock, today, NULL);

  headline = civic_disclosure_request_kind.headline (G_OBJECT (self->request));
  describe = civic_disclosure_request_kind.describe (G_OBJECT (self->request));
  title = gtk_label_new (headline);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  subtitle = gtk_label_new (describe);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (self->content), title);
  gtk_box_append (GTK_BOX (self->content), subtitle);

  add_actions (self);
  add_clock (self, reading, calendar, today);
  add_request (self);
  add_applicant (self);
  add_correction (self);
  add_consultations (self, reading);
  add_extension (self);
  add_reply (self);
  add_remedies (self);
  civic_document_rows_add (self->content, self->engine,
                           civic_disclosure_request_get_documents (self->request));
  add_history (self);
}

void
civic_request_page_show_request (CivicRequestPage *self,
                                 const char       *request_id)
{
  g_return_if_fail (CIVIC_IS_REQUEST_PAGE (self));

  if (g_strcmp0 (self->request_id, request_id) != 0)
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (self->scrolled);

      g_free (self->request_id);
      self->request_id = g_strdup (request_id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
    }
  civic_request_page_reload (self);
}

const char *
civic_request_page_get_request_id (CivicRequestPage *self)
{
  g_return_val_if_fail (CIVIC_IS_REQUEST_PAGE (self), NULL);
  return self->request_id;
}

/**
 * civic_request_page_get_request:
 *
 * Returns: (transfer none) (nullable): the request as shown
 */
CivicDisclosureRequest *
civic_request_page_get_request (CivicRequestPage *self)
{
  g_return_val_if_fail (CIVIC_IS_REQUEST_PAGE (self), NULL);
  return self->request;
}

void
civic_request_page_set_engine (CivicRequestPage *self,
                               CivicSyncEngine  *engine)
{
  g_return_if_fail (CIVIC_IS_REQUEST_PAGE (self));

  if (!g_set_object (&self->engine, engine))
    return;
  civic_request_page_reload (self);
}

static void
civic_request_page_dispose (GObject *object)
{
  CivicRequestPage *self = CIVIC_REQUEST_PAGE (object);

  if (self->content != NULL)
    clear_content (self);
  g_clear_object (&self->request);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->request_id, g_free);

  G_OBJECT_CLASS (civic_request_page_parent_class)->dispose (object);
}

static void
civic_request_page_class_init (CivicRequestPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = civic_request_page_dispose;
  toast_signal = civic_toast_add_signal (G_TYPE_FROM_CLASS (klass));
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "request.act", "s", act_activated);
}

static void
civic_request_page_init (CivicRequestPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->content, 18);
  gtk_widget_set_margin_bottom (self->content, 24);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_box_append (GTK_BOX (self), self->scrolled);
}

GtkWidget *
civic_request_page_new (void)
{
  return g_object_new (CIVIC_TYPE_REQUEST_PAGE, NULL);
}
