/* civic-disclosure-request-arguments.c — what each step of a disclosure request asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-request"

#include "config.h"

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-request-kind.h"
#include "civic-disclosure-request-private.h"

/* The declarations civic-disclosure-request-kind.c reads a command by,
 * and the client's forms are built from (civic-argument.h). */

static const char *
channel_label (int value)
{
  return civic_disclosure_request_channel_get_label (value);
}

static const char *
applicant_kind_label (int value)
{
  return civic_disclosure_applicant_kind_get_label (value);
}

static const char *
id_type_label (int value)
{
  return civic_disclosure_id_type_get_label (value);
}

static const char *
delivery_form_label (int value)
{
  return civic_disclosure_delivery_form_get_label (value);
}

static const char *
delivery_channel_label (int value)
{
  return civic_disclosure_delivery_channel_get_label (value);
}

static const char *
consultee_label (int value)
{
  return civic_disclosure_consultee_get_label (value);
}

static const char *
answer_label (int value)
{
  return civic_disclosure_answer_get_label (value);
}

static const char *
outcome_label (int value)
{
  return civic_disclosure_reply_outcome_get_label (value);
}

static const char *
ground_label (int value)
{
  return civic_disclosure_reply_ground_get_label (value);
}

static const char *
remedy_kind_label (int value)
{
  return civic_disclosure_remedy_kind_get_label (value);
}

static const char *
remedy_result_label (int value)
{
  return civic_disclosure_remedy_result_get_label (value);
}

/* The organ a request made on the public side is for: the service's, never
 * a form's */
static gboolean
never_asked (GObject *record,
             guint    n_records)
{
  return FALSE;
}

/* Asked only of a request a third party consulted objected to */
static gboolean
asked_when_objected (GObject *record,
                     guint    n_records)
{
  return record != NULL && civic_disclosure_request_has_objection (CIVIC_DISCLOSURE_REQUEST (record));
}

/* Options */

static GPtrArray *
options_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
}

/* The consultations still waiting for their answer, by number */
static GPtrArray *
open_consultations (GObject                    *record,
                    const CivicArgumentSources *sources)
{
  CivicDisclosureRequest *request = CIVIC_DISCLOSURE_REQUEST (record);
  GPtrArray *options = options_new ();

  for (guint i = 0; i < request->consultations->len; i++)
    {
      const CivicDisclosureConsultation *consultation = g_ptr_array_index (request->consultations,
                                                                           i);
      g_autofree char *value = NULL;
      g_autofree char *served = NULL;
      g_autofree char *detail = NULL;

      if (consultation->closed)
        continue;
      value = g_strdup_printf ("%u", consultation->number);
      served = civic_day_format (consultation->served_on);
      /* Translators: "A third party (Art. 32), served 2026-05-06" */
      detail = g_strdup_printf (_("%s, served %s"),
                                civic_disclosure_consultee_get_label (consultation->consultee),
                                served);
      g_ptr_array_add (options, civic_argument_option_new (value, consultation->party, detail,
                                                           options->len == 0));
    }
  return options;
}

/* The reconsiderations and lawsuits still waiting for their result */
static GPtrArray *
pending_remedies (GObject                    *record,
                  const CivicArgumentSources *sources)
{
  CivicDisclosureRequest *request = CIVIC_DISCLOSURE_REQUEST (record);
  GPtrArray *options = options_new ();

  for (guint i = 0; i < request->remedies->len; i++)
    {
      const CivicDisclosureRemedy *remedy = g_ptr_array_index (request->remedies, i);
      g_autofree char *value = NULL;
      g_autofree char *filed = NULL;
      g_autofree char *detail = NULL;

      if (remedy->result != CIVIC_DISCLOSURE_REMEDY_PENDING)
        continue;
      value = g_strdup_printf ("%u", remedy->number);
      filed = civic_day_format (remedy->filed_on);
      /* Translators: "filed 2026-12-01" */
      detail = g_strdup_printf (_("filed %s"), filed);
      g_ptr_array_add (options, civic_argument_option_new (
                                  value, civic_disclosure_remedy_kind_get_label (remedy->kind),
                                  detail, FALSE));
    }
  return options;
}

#define TEXT(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_TEXT, .required = (req), .title = (t) }
#define LINE(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_LINE, .required = (req), .title = (t) }
#define DATE(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_DATE, .required = (req), .title = (t) }
#define CHOICE(n, req, t, type, label, usual_nick) \
  { .name = (n), .kind = CIVIC_ARGUMENT_CHOICE, .required = (req), .title = (t), \
    .enum_type = (type), .enum_label = (label), .usual = (usual_nick) }

static const CivicArgument register_request[] = {
  CHOICE ("channel", TRUE, N_("_Received By"), civic_disclosure_request_channel_get_type,
          channel_label, "in-person"),
  DATE ("received_on", TRUE, N_("Received _On")),
  CHOICE ("applicant_kind", TRUE, N_("_Applicant"), civic_disclosure_applicant_kind_get_type,
          applicant_kind_label, "natural-person"),
  LINE ("applicant_name", TRUE, N_("_Name")),
  LINE ("organisation", FALSE, N_("_Organisation")),
  LINE ("credit_code", FALSE, N_("Unified Social _Credit Code")),
  CHOICE ("id_type", FALSE, N_("Identity _Document"), civic_disclosure_id_type_get_type,
          id_type_label, "resident-id"),
  LINE ("id_number", FALSE, N_("Document _Number")),
  LINE ("phone", FALSE, N_("_Phone")),
  LINE ("address", FALSE, N_("_Address")),
  LINE ("email", FALSE, N_("_E-mail")),
  TEXT ("description", TRUE, N_("_Information Sought")),
  LINE ("title", FALSE, N_("Document _Title")),
  LINE ("document_number", FALSE, N_("Document N_umber")),
  CHOICE ("delivery_form", TRUE, N_("_Form"), civic_disclosure_delivery_form_get_type,
          delivery_form_label, "paper"),
  CHOICE ("delivery_channel", TRUE, N_("_Delivered"), civic_disclosure_delivery_channel_get_type,
          delivery_channel_label, "collect"),
  { .name = "department_id", .kind = CIVIC_ARGUMENT_LINE, .title = N_("Or_gan"),
    .asked = never_asked },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument request_correction[] = {
  { .name = "items", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("_What to Correct"),
    .description = N_("Everything to correct, in this one notice (Art. 30)") },
  { .name = "period", .kind = CIVIC_ARGUMENT_NUMBER, .required = TRUE,
    .title = N_("Working Days to _Correct"), .min = 1, .max = 60, .usual_number = 15 },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument receive_correction[] = {
  DATE ("received_on", TRUE, N_("Received _On")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument close_abandoned[] = {
  TEXT ("note", FALSE, N_("_Note")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument start_consultation[] = {
  LINE ("party", TRUE, N_("_Consulted")),
  CHOICE ("consultee", TRUE, N_("_Who They Are"), civic_disclosure_consultee_get_type,
          consultee_label, "third-party"),
  TEXT ("basis", TRUE, N_("_Why They Are Consulted")),
  DATE ("served_on", TRUE, N_("Letter _Served On")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument record_answer[] = {
  { .name = "consultation", .kind = CIVIC_ARGUMENT_OPTION, .required = TRUE,
    .title = N_("_Consultation"), .options = open_consultations },
  CHOICE ("answer", TRUE, N_("_Answer"), civic_disclosure_answer_get_type, answer_label,
          "consent"),
  DATE ("answered_on", FALSE, N_("Answer Received _On")),
  TEXT ("note", FALSE, N_("_Note")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument extend[] = {
  { .name = "days", .kind = CIVIC_ARGUMENT_NUMBER, .required = TRUE,
    .title = N_("_Working Days"), .min = 1, .max = 20, .usual_number = 20 },
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Reason"),
    .description = N_("The applicant is told it") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument draft_reply[] = {
  CHOICE ("outcome", TRUE, N_("Reply _Outcome"), civic_disclosure_reply_outcome_get_type,
          outcome_label, NULL),
  CHOICE ("ground", FALSE, N_("_Ground"), civic_disclosure_reply_ground_get_type, ground_label,
          "none"),
  { .name = "detail", .kind = CIVIC_ARGUMENT_TEXT, .title = N_("_In the Reply"),
    .description = N_("Words of your own the reply carries: where a published document is, "
                      "which organ holds the information, why the rest is withheld") },
  { .name = "public_interest", .kind = CIVIC_ARGUMENT_TEXT,
    .title = N_("Over the Third Party’s _Objection"),
    .description = N_("Why withholding it would seriously harm the public interest: needed to "
                      "disclose what a third party consulted objected to; the third party is "
                      "told in writing (Art. 32)"),
    .asked = asked_when_objected },
  TEXT ("note", FALSE, N_("_Internal Note")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument issue_reply[] = {
  DATE ("replied_on", TRUE, N_("Replied _On")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument withdraw[] = {
  { .name = "note", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("_How the Applicant Withdrew") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument comment[] = {
  TEXT ("text", TRUE, N_("_Comment")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument record_remedy[] = {
  { .name = "remedy", .kind = CIVIC_ARGUMENT_OPTION, .title = N_("_Result Of"),
    .description = N_("A reconsideration or lawsuit recorded earlier, to give its result; none "
                      "to record a new one"),
    .options = pending_remedies },
  CHOICE ("kind", FALSE, N_("_Kind"), civic_disclosure_remedy_kind_get_type, remedy_kind_label,
          "reconsideration"),
  DATE ("filed_on", FALSE, N_("_Filed On")),
  CHOICE ("result", FALSE, N_("_Result of the Review"), civic_disclosure_remedy_result_get_type,
          remedy_result_label, "pending"),
  DATE ("decided_on", FALSE, N_("_Decided On")),
  LINE ("body", FALSE, N_("Reconsideration Organ or _Court")),
  TEXT ("note", FALSE, N_("_Note")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_DISCLOSURE_REQUEST_ACTIONS] = {
  [CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER] = register_request,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION] = request_correction,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_RECEIVE_CORRECTION] = receive_correction,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_CLOSE_ABANDONED] = close_abandoned,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_START_CONSULTATION] = start_consultation,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER] = record_answer,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND] = extend,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY] = draft_reply,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY] = issue_reply,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_WITHDRAW] = withdraw,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_COMMENT] = comment,
  [CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_REMEDY] = record_remedy,
};

/**
 * civic_disclosure_request_action_get_arguments:
 *
 * Returns: (transfer none): what @action asks for, in the order a form
 * shows it
 */
const CivicArgument *
civic_disclosure_request_action_get_arguments (CivicDisclosureRequestAction action)
{
  g_return_val_if_fail ((guint) action < CIVIC_N_DISCLOSURE_REQUEST_ACTIONS, none);

  return declarations[action];
}
