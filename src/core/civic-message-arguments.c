/* civic-message-arguments.c — what each step of a citizen's message asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message"

#include "config.h"

#include "civic-attachment.h"

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-message-kind.h"
#include "civic-message-private.h"

/* The declarations civic-message-kind.c reads a command by, and the
 * client's forms are built from (civic-argument.h). A reply and a note
 * are declared here for the documentation and the command path; the
 * client writes them in the thread's composer, each in its own widget. */

static const char *
kind_label (int value)
{
  return civic_message_kind_get_label (value);
}

static const char *
channel_label (int value)
{
  return civic_message_channel_get_label (value);
}

static const char *
routing_label (int value)
{
  return civic_message_routing_get_label (value);
}

static const char *
dispute_label (int value)
{
  return civic_message_dispute_decision_get_label (value);
}

static const char *
review_label (int value)
{
  return civic_message_review_decision_get_label (value);
}

static const char *
outcome_label (int value)
{
  return civic_message_outcome_get_label (value);
}

static const char *
visit_channel_label (int value)
{
  return civic_message_visit_channel_get_label (value);
}

static const char *
satisfaction_label (int value)
{
  return civic_message_satisfaction_get_label (value);
}

/* What only the service's intake gives: an Open311 request's service
 * and position */
static gboolean
never_asked (GObject *record,
             guint    n_records)
{
  return FALSE;
}

/* Options */

static GPtrArray *
options_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
}

/* The departments a message may go to: not the one that has it, and for
 * a report, never the one it accuses */
static gboolean
may_go_to (const char *id,
           gpointer    user_data)
{
  CivicMessage *message = user_data;

  return message == NULL || (g_strcmp0 (id, message->department_id) != 0 &&
                             !civic_message_is_hidden_from (message, id, NULL));
}

static GPtrArray *
departments (GObject                    *record,
             const CivicArgumentSources *sources)
{
  return civic_argument_departments (sources, may_go_to,
                                     record != NULL ? CIVIC_MESSAGE (record) : NULL);
}

/* The complaint handlers of the message's department, in use; never the
 * official a report accuses */
static GPtrArray *
handlers (GObject                    *record,
          const CivicArgumentSources *sources)
{
  CivicMessage *message = CIVIC_MESSAGE (record);
  GPtrArray *options = options_new ();

  for (guint i = 0; sources->users != NULL && i < sources->users->len; i++)
    {
      JsonNode *node = g_ptr_array_index (sources->users, i);
      gboolean disabled = FALSE;
      g_autoptr(CivicActor) user = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      user = civic_actor_new_from_directory (json_node_get_object (node), &disabled);
      if (user == NULL || disabled ||
          g_strcmp0 (user->department_id, message->department_id) != 0 ||
          !civic_actor_has_role (user, CIVIC_ROLE_COMPLAINT_HANDLER) ||
          g_strcmp0 (user->id, message->accused_person_id) == 0 ||
          g_strcmp0 (user->id, message->assignee_id) == 0)
        continue;
      g_ptr_array_add (options, civic_argument_option_new (user->id, user->name, NULL, FALSE));
    }
  return options;
}

/* Any official the directory knows, by name and department: the one a
 * report accuses */
static GPtrArray *
officials (GObject                    *record,
           const CivicArgumentSources *sources)
{
  GPtrArray *options = options_new ();

  for (guint i = 0; sources->users != NULL && i < sources->users->len; i++)
    {
      JsonNode *node = g_ptr_array_index (sources->users, i);
      JsonObject *user;
      const char *id, *name, *department;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      user = json_node_get_object (node);
      id = json_object_get_string_member_with_default (user, "id", NULL);
      name = json_object_get_string_member_with_default (user, "name", id);
      department = json_object_get_string_member_with_default (user, "department_name", NULL);
      if (id == NULL || json_object_get_boolean_member_with_default (user, "disabled", FALSE))
        continue;
      g_ptr_array_add (options, civic_argument_option_new (id, name, department, FALSE));
    }
  return options;
}

/* The region's one extension: its length is the most days the form offers */
static int
extension_max (GObject *record)
{
  CivicMessage *message = CIVIC_MESSAGE (record);

  return message->terms != NULL && message->terms->has_extension
         ? message->terms->extension.limit : 1;
}

/* The declarations */

#define TEXT(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_TEXT, .required = (req), .title = (t) }
#define LINE(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_LINE, .required = (req), .title = (t) }
#define DATE(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_DATE, .required = (req), .title = (t) }
#define CHOICE(n, req, t, type, label, usual_nick) \
  { .name = (n), .kind = CIVIC_ARGUMENT_CHOICE, .required = (req), .title = (t), \
    .enum_type = (type), .enum_label = (label), .usual = (usual_nick) }

static const CivicArgument register_message[] = {
  CHOICE ("kind", TRUE, N_("_Kind"), civic_message_kind_get_type, kind_label, "consultation"),
  CHOICE ("channel", FALSE, N_("Came In _Through"), civic_message_channel_get_type,
          channel_label, "on-site"),
  LINE ("subject", TRUE, N_("_Subject")),
  TEXT ("body", TRUE, N_("What the Citizen _Wrote")),
  { .name = "anonymous", .kind = CIVIC_ARGUMENT_SWITCH, .title = N_("_Anonymous"),
    .description = N_("Allowed for the kinds the region allows; an anonymous message gets no "
                      "return visit") },
  LINE ("citizen_name", FALSE, N_("Citizen’s _Name")),
  LINE ("phone", FALSE, N_("_Phone")),
  LINE ("email", FALSE, N_("_E-mail")),
  LINE ("address", FALSE, N_("_Address")),
  LINE ("id_number", FALSE, N_("_Identity Document Number")),
  LINE ("location", FALSE, N_("Where the _Matter Is")),
  { .name = "department_id", .kind = CIVIC_ARGUMENT_OPTION, .title = N_("For the _Department"),
    .description = N_("The hall’s dispatch routes it when none is chosen"),
    .options = departments },
  { .name = "accused_department_id", .kind = CIVIC_ARGUMENT_OPTION,
    .title = N_("Department _Accused"),
    .description = N_("A report is never shown to the department or official it accuses "
                      "(Art. 30)"),
    .shown_when = { "kind", "report" }, .options = departments },
  { .name = "accused_person_id", .kind = CIVIC_ARGUMENT_OPTION, .title = N_("Official A_ccused"),
    .shown_when = { "kind", "report" }, .options = officials },
  { .name = "campaign_id", .kind = CIVIC_ARGUMENT_LINE, .title = N_("_Campaign"),
    .shown_when = { "kind", "idea" } },
  DATE ("received_on", FALSE, N_("_Received On")),
  { .name = "service_code", .kind = CIVIC_ARGUMENT_LINE, .title = N_("Open311 _Service"),
    .asked = never_asked },
  { .name = "media_url", .kind = CIVIC_ARGUMENT_LINE, .title = N_("_Photo’s Address"),
    .asked = never_asked },
  CIVIC_ARGUMENTS_END
};

/* The file is uploaded first (POST /api/v1/messages/{id}/attachments),
 * which answers with its sha256; the files a message came in with are
 * the service's own "attachments" of register-message */
static const CivicArgument attach_file[] = {
  LINE ("sha256", TRUE, N_("_File")),
  LINE ("name", TRUE, N_("_File Name")),
  LINE ("media_type", FALSE, N_("_Media Type")),
  { .name = "size", .kind = CIVIC_ARGUMENT_NUMBER, .title = N_("_Size in Bytes"), .min = 0,
    .max = CIVIC_ATTACHMENT_MAX_SIZE },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument assign[] = {
  { .name = "assignee", .kind = CIVIC_ARGUMENT_OPTION, .required = TRUE,
    .title = N_("_Handled By"), .options = handlers },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument transfer[] = {
  { .name = "department_id", .kind = CIVIC_ARGUMENT_OPTION, .required = TRUE,
    .title = N_("To the _Department"), .options = departments },
  CHOICE ("reason", TRUE, N_("_Reason"), civic_message_routing_get_type, routing_label,
          "not-our-remit"),
  { .name = "text", .kind = CIVIC_ARGUMENT_TEXT, .title = N_("_Explanation"),
    .description = N_("Needed when the reason is another one") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument send_back[] = {
  CHOICE ("reason", TRUE, N_("_Reason"), civic_message_routing_get_type, routing_label,
          "not-our-remit"),
  { .name = "text", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("Why It Is Not _Ours"),
    .description = N_("The hall’s dispatcher decides; the time to reply keeps running") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument decide_send_back[] = {
  CHOICE ("decision", TRUE, N_("_Decision"), civic_message_dispute_decision_get_type,
          dispute_label, "keep"),
  { .name = "department_id", .kind = CIVIC_ARGUMENT_OPTION, .title = N_("To the _Department"),
    .shown_when = { "decision", "route" }, .options = departments },
  TEXT ("text", TRUE, N_("_Grounds")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument merge[] = {
  LINE ("into", TRUE, N_("_Into the Message (Its Receipt)")),
  TEXT ("text", FALSE, N_("_Note")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument route_to_case[] = {
  LINE ("case_id", TRUE, N_("The _Case the Complaint Is About")),
  TEXT ("text", TRUE, N_("_What the Case Should Look At")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument note[] = {
  { .name = "text", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("_Internal Note"),
    .description = N_("Officials only: never shown to the citizen or the public") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument reply[] = {
  { .name = "text", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("_Reply to the Citizen"),
    .description = N_("The citizen reads it, and the public side shows it with their details "
                      "masked") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument review_reply[] = {
  CHOICE ("decision", TRUE, N_("_Decision"), civic_message_review_decision_get_type,
          review_label, "approve"),
  { .name = "note", .kind = CIVIC_ARGUMENT_TEXT, .title = N_("_Note to the Handler"),
    .description = N_("Needed to return the reply; kept as an internal note") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument extend[] = {
  { .name = "days", .kind = CIVIC_ARGUMENT_NUMBER, .required = TRUE, .title = N_("_Days"),
    .min = 1, .max = 366, .max_for = extension_max },
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Reason"),
    .description = N_("The citizen is told it") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument close_message[] = {
  CHOICE ("outcome", TRUE, N_("_Outcome"), civic_message_outcome_get_type, outcome_label,
          "resolved"),
  TEXT ("note", FALSE, N_("_Note")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument return_visit[] = {
  DATE ("on", FALSE, N_("Visited _On")),
  CHOICE ("channel", TRUE, N_("_How"), civic_message_visit_channel_get_type,
          visit_channel_label, "phone"),
  CHOICE ("satisfaction", TRUE, N_("The Citizen Was"), civic_message_satisfaction_get_type,
          satisfaction_label, NULL),
  TEXT ("record", TRUE, N_("_Record of the Visit")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument reopen[] = {
  TEXT ("reason", TRUE, N_("_Reason")),
  CIVIC_ARGUMENTS_END
};

static const char *
idea_decision_label (int value)
{
  return civic_idea_decision_get_label (value);
}

static const CivicArgument score_idea[] = {
  { .name = "score", .kind = CIVIC_ARGUMENT_NUMBER, .required = TRUE, .title = N_("_Score"),
    .description = N_("1 to 10; the board shows the mean of the officials’ scores, and a second "
                      "score of yours replaces the first"),
    .min = CIVIC_IDEA_SCORE_MIN, .max = CIVIC_IDEA_SCORE_MAX, .usual_number = 5 },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument answer_idea[] = {
  CHOICE ("decision", TRUE, N_("_Decision"), civic_idea_decision_get_type, idea_decision_label,
          NULL),
  { .name = "text", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("_Answer to the Proposer"),
    .description = N_("The proposer reads it; an adopted idea is shown publicly with this "
                      "answer, never with who proposed it") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_MESSAGE_ACTIONS] = {
  [CIVIC_MESSAGE_ACTION_REGISTER] = register_message,
  [CIVIC_MESSAGE_ACTION_SIGN_FOR] = none,
  [CIVIC_MESSAGE_ACTION_ASSIGN] = assign,
  [CIVIC_MESSAGE_ACTION_TRANSFER] = transfer,
  [CIVIC_MESSAGE_ACTION_SEND_BACK] = send_back,
  [CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK] = decide_send_back,
  [CIVIC_MESSAGE_ACTION_MERGE] = merge,
  [CIVIC_MESSAGE_ACTION_ROUTE_TO_CASE] = route_to_case,
  [CIVIC_MESSAGE_ACTION_NOTE] = note,
  [CIVIC_MESSAGE_ACTION_REPLY] = reply,
  [CIVIC_MESSAGE_ACTION_REVIEW_REPLY] = review_reply,
  [CIVIC_MESSAGE_ACTION_EXTEND] = extend,
  [CIVIC_MESSAGE_ACTION_CLOSE] = close_message,
  [CIVIC_MESSAGE_ACTION_RETURN_VISIT] = return_visit,
  [CIVIC_MESSAGE_ACTION_REOPEN] = reopen,
  [CIVIC_MESSAGE_ACTION_SCORE_IDEA] = score_idea,
  [CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA] = none,
  [CIVIC_MESSAGE_ACTION_ANSWER_IDEA] = answer_idea,
  [CIVIC_MESSAGE_ACTION_ATTACH_FILE] = attach_file,
};

/**
 * civic_message_action_get_arguments:
 *
 * Returns: (transfer none): what @action asks for, in the order a form
 * shows it
 */
const CivicArgument *
civic_message_action_get_arguments (CivicMessageAction action)
{
  g_return_val_if_fail ((guint) action < CIVIC_N_MESSAGE_ACTIONS, none);

  return declarations[action];
}
