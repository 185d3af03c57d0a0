/* civic-message-kind.c — a citizen's message as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-attachment.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-message-kind.h"
#include "civic-message-private.h"
#include "civic-reply-lint.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A message comes in through a channel (registered by the service, or by
 * an official who took it on the phone or at the window) and goes to a
 * department, or to the hall's dispatch when nobody chose one. The
 * department's complaint handler signs for it within the region's limit,
 * works on it, hands it to another department with a reason (转办) or
 * objects to the hall that it was sent wrongly (退单, within the send-back
 * limit; the dispatcher decides), and replies; a reply to a complaint or
 * a report goes through a reviewer first. The department's head extends
 * the time to reply once. After the reply: the return visit (回访), the
 * closing, and a reopening when the citizen was not helped.
 *
 * Reports (举报) never reach the department or the official they accuse
 * (信访工作条例 Art. 30): nobody there acts on one, and nobody hands one
 * to them. */

#define STATE(s) (1u << CIVIC_MESSAGE_STATE_##s)
#define WORKING (STATE (SIGNED_FOR) | STATE (IN_PROGRESS) | STATE (REOPENED))
#define ROUTABLE (STATE (NEW) | WORKING)
#define ANSWERED (STATE (REPLIED) | STATE (CLOSED))
#define ANY_STATE ((1u << CIVIC_N_MESSAGE_STATES) - 1)

#define HANDLER CIVIC_ROLE_COMPLAINT_HANDLER
#define DISPATCHER CIVIC_ROLE_DISPATCHER

/* The hall's dispatch works on every department's messages; the others
 * only on their own */
#define HALL (DISPATCHER | CIVIC_ROLE_SYSTEM)

#define TEXT_MAX 4000

static const struct
{
  guint      states;
  CivicRole  roles;
} rules[CIVIC_N_MESSAGE_ACTIONS] = {
  [CIVIC_MESSAGE_ACTION_REGISTER] = { STATE (NEW), HANDLER | DISPATCHER | CIVIC_ROLE_SYSTEM },
  [CIVIC_MESSAGE_ACTION_SIGN_FOR] = { STATE (NEW), HANDLER },
  [CIVIC_MESSAGE_ACTION_ASSIGN] = { WORKING, HANDLER | CIVIC_ROLE_APPROVER },
  [CIVIC_MESSAGE_ACTION_TRANSFER] = { ROUTABLE, HANDLER | DISPATCHER },
  [CIVIC_MESSAGE_ACTION_SEND_BACK] = { STATE (NEW) | STATE (SIGNED_FOR), HANDLER },
  [CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK] = { STATE (SENT_BACK), DISPATCHER },
  [CIVIC_MESSAGE_ACTION_MERGE] = { ROUTABLE, HANDLER | DISPATCHER },
  [CIVIC_MESSAGE_ACTION_ROUTE_TO_CASE] = { WORKING, HANDLER },
  [CIVIC_MESSAGE_ACTION_NOTE] = { ANY_STATE, CIVIC_ROLES_MESSAGES | CIVIC_ROLE_APPROVER },
  [CIVIC_MESSAGE_ACTION_REPLY] = { WORKING, HANDLER },
  [CIVIC_MESSAGE_ACTION_REVIEW_REPLY] = { STATE (REPLY_IN_REVIEW), CIVIC_ROLE_MESSAGE_REVIEWER },
  [CIVIC_MESSAGE_ACTION_EXTEND] = { WORKING | STATE (REPLY_IN_REVIEW), CIVIC_ROLE_APPROVER },
  [CIVIC_MESSAGE_ACTION_CLOSE] = { STATE (REPLIED), HANDLER },
  [CIVIC_MESSAGE_ACTION_RETURN_VISIT] = { ANSWERED, HANDLER },
  [CIVIC_MESSAGE_ACTION_REOPEN] = { ANSWERED, HANDLER | DISPATCHER },
  [CIVIC_MESSAGE_ACTION_SCORE_IDEA] = { STATE (NEW) | WORKING, HANDLER | CIVIC_ROLE_APPROVER },
  [CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA] = { STATE (NEW) | WORKING,
                                            HANDLER | CIVIC_ROLE_APPROVER },
  [CIVIC_MESSAGE_ACTION_ANSWER_IDEA] = { WORKING, HANDLER },
  [CIVIC_MESSAGE_ACTION_ATTACH_FILE] = { ROUTABLE | STATE (SENT_BACK) | STATE (REPLY_IN_REVIEW),
                                         HANDLER | DISPATCHER },
};

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

const char *
civic_message_action_get_label (CivicMessageAction action)
{
  switch (action)
    {
    case CIVIC_MESSAGE_ACTION_REGISTER: return _("Register Message");
    case CIVIC_MESSAGE_ACTION_SIGN_FOR: return _("Sign For");
    case CIVIC_MESSAGE_ACTION_ASSIGN: return _("Assign");
    case CIVIC_MESSAGE_ACTION_TRANSFER: return _("Transfer");
    case CIVIC_MESSAGE_ACTION_SEND_BACK: return _("Send Back to the Hall");
    case CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK: return _("Decide the Objection");
    case CIVIC_MESSAGE_ACTION_MERGE: return _("Merge into Another");
    case CIVIC_MESSAGE_ACTION_ROUTE_TO_CASE: return _("Route to a Case");
    case CIVIC_MESSAGE_ACTION_NOTE: return _("Internal Note");
    case CIVIC_MESSAGE_ACTION_REPLY: return _("Reply to the Citizen");
    case CIVIC_MESSAGE_ACTION_REVIEW_REPLY: return _("Review the Reply");
    case CIVIC_MESSAGE_ACTION_EXTEND: return _("Extend Time to Reply");
    case CIVIC_MESSAGE_ACTION_CLOSE: return _("Close");
    case CIVIC_MESSAGE_ACTION_RETURN_VISIT: return _("Record Return Visit");
    case CIVIC_MESSAGE_ACTION_REOPEN: return _("Reopen");
    case CIVIC_MESSAGE_ACTION_SCORE_IDEA: return _("Score the Idea");
    case CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA: return _("Shortlist");
    case CIVIC_MESSAGE_ACTION_ANSWER_IDEA: return _("Adopt or Decline");
    case CIVIC_MESSAGE_ACTION_ATTACH_FILE: return _("Add a File");
    default: g_return_val_if_reached ("");
    }
}

static const char *
past_tense (CivicMessageAction action)
{
  switch (action)
    {
    case CIVIC_MESSAGE_ACTION_REGISTER: return _("Registered the message");
    case CIVIC_MESSAGE_ACTION_SIGN_FOR: return _("Signed for the message");
    case CIVIC_MESSAGE_ACTION_ASSIGN: return _("Assigned the message");
    case CIVIC_MESSAGE_ACTION_TRANSFER: return _("Transferred the message");
    case CIVIC_MESSAGE_ACTION_SEND_BACK: return _("Sent the message back to the hall");
    case CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK: return _("Decided the objection");
    case CIVIC_MESSAGE_ACTION_MERGE: return _("Merged the message into another");
    case CIVIC_MESSAGE_ACTION_ROUTE_TO_CASE: return _("Routed the message to a case");
    case CIVIC_MESSAGE_ACTION_NOTE: return _("Wrote an internal note");
    case CIVIC_MESSAGE_ACTION_REPLY: return _("Replied to the citizen");
    case CIVIC_MESSAGE_ACTION_REVIEW_REPLY: return _("Reviewed the reply");
    case CIVIC_MESSAGE_ACTION_EXTEND: return _("Extended the time to reply");
    case CIVIC_MESSAGE_ACTION_CLOSE: return _("Closed the message");
    case CIVIC_MESSAGE_ACTION_RETURN_VISIT: return _("Recorded a return visit");
    case CIVIC_MESSAGE_ACTION_REOPEN: return _("Reopened the message");
    case CIVIC_MESSAGE_ACTION_SCORE_IDEA: return _("Scored the idea");
    case CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA: return _("Shortlisted the idea");
    case CIVIC_MESSAGE_ACTION_ANSWER_IDEA: return _("Answered the idea");
    case CIVIC_MESSAGE_ACTION_ATTACH_FILE: return _("Added a file");
    default: g_return_val_if_reached ("");
    }
}

/* Arguments */

static gboolean
get_text (JsonObject  *args,
          const char  *member,
          gboolean     required,
          glong        max,
          const char **out,
          GError     **error)
{
  return civic_workflow_arg_text (args, member, required, max, out, error);
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

static void
record_by (char                       **id,
           char                       **name,
           const CivicWorkflowContext  *context)
{
  set_string (id, context->actor->id);
  set_string (name, context->actor->name);
}

/* A department a command names: an id, not this message's own */
static gboolean
get_department (JsonObject    *args,
                const char    *member,
                CivicMessage  *message,
                const char   **out,
                GError       **error)
{
  if (!get_text (args, member, TRUE, 64, out, error))
    return FALSE;
  if (g_strcmp0 (*out, message->department_id) == 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The message is with that department already"));
  if (message->kind == CIVIC_MESSAGE_KIND_REPORT &&
      g_strcmp0 (*out, message->accused_department_id) == 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("A report cannot go to the department it accuses (Art. 30)"));
  return TRUE;
}

/* The clocks */

static CivicDay
due_of (CivicMessage               *message,
        CivicMessageStep            step,
        const CivicWorkflowContext *context)
{
  g_autoptr(CivicClock) clock = civic_message_dup_clock (message, context->calendar, step);
  g_autoptr(CivicClockReading) reading = NULL;

  if (clock == NULL)
    return CIVIC_DAY_INVALID;
  reading = civic_clock_read (clock, context->calendar, today_of (context), NULL);
  return reading->due;
}

/* The rules that need no arguments */

static gboolean
check_preconditions (CivicMessage               *message,
                     CivicMessageAction          action,
                     const CivicWorkflowContext *context,
                     GError                    **error)
{
  CivicDay today = today_of (context);

  /* An idea stays with its campaign's department, and is answered by its
   * decision alone: a plain reply would leave it undecided, and the
   * decision, once it went out, stands (a new idea is a new message) */
  if (message->kind == CIVIC_MESSAGE_KIND_IDEA && message->campaign_id != NULL)
    switch (action)
      {
      case CIVIC_MESSAGE_ACTION_REPLY:
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("An idea is answered by adopting or declining it"));
      case CIVIC_MESSAGE_ACTION_TRANSFER:
      case CIVIC_MESSAGE_ACTION_SEND_BACK:
      case CIVIC_MESSAGE_ACTION_MERGE:
      case CIVIC_MESSAGE_ACTION_ROUTE_TO_CASE:
      case CIVIC_MESSAGE_ACTION_REOPEN:
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("An idea stays with its campaign, and its decision stands"));
      default:
        break;
      }

  switch (action)
    {
    case CIVIC_MESSAGE_ACTION_REGISTER:
      if (message->rev != 0 || message->received_on != CIVIC_DAY_INVALID)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("This message is registered already"));
      return TRUE;

    case CIVIC_MESSAGE_ACTION_SIGN_FOR:
      if (message->department_id == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("The hall routes this message to a department first"));
      return TRUE;

    /* The department objects within its limit from the day the message
     * reached it (信访工作条例 Art. 23 ¶3); later, it is its own */
    case CIVIC_MESSAGE_ACTION_SEND_BACK:
      {
        CivicDay due = due_of (message, CIVIC_MESSAGE_STEP_SEND_BACK, context);

        /* One objection per arrival: the hall's decision stands */
        for (guint i = 0; i < message->routes->len; i++)
          {
            const CivicMessageRoute *route = g_ptr_array_index (message->routes, i);

            if (route->send_back && route->on >= message->arrived_on &&
                g_strcmp0 (route->from_department_id, message->department_id) == 0)
              return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                             _("The department objected to this message once; the hall "
                               "decided that it keeps it"));
          }

        if (due != CIVIC_DAY_INVALID && today > due)
          {
            g_autofree char *day = civic_day_format (due);

            return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                           _("The time to send this message back ended on %s; the department "
                             "handles it, or transfers it with a reason"), day);
          }
        return TRUE;
      }

    case CIVIC_MESSAGE_ACTION_ROUTE_TO_CASE:
      if (message->kind != CIVIC_MESSAGE_KIND_COMPLAINT)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("Only a complaint about a licence is routed into its case"));
      return TRUE;

    case CIVIC_MESSAGE_ACTION_REVIEW_REPLY:
      {
        const CivicMessageReply *reply = civic_message_get_pending_reply (message);

        /* Four eyes: a reply is reviewed by someone other than who wrote it */
        if (reply != NULL && g_strcmp0 (reply->by_id, context->actor->id) == 0)
          return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                         _("A reply is reviewed by someone other than the official who wrote "
                           "it"));
        return TRUE;
      }

    case CIVIC_MESSAGE_ACTION_EXTEND:
      if (message->extension != NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("The time to reply was extended once already"));
      if (message->terms == NULL || !message->terms->has_extension)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("The region allows no extension for this kind of message"));
      {
        CivicDay due = due_of (message, CIVIC_MESSAGE_STEP_REPLY, context);

        if (due != CIVIC_DAY_INVALID && today > due)
          return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                         _("The time to reply has run out; it is extended before it does"));
      }
      return TRUE;

    case CIVIC_MESSAGE_ACTION_RETURN_VISIT:
      if (message->citizen.anonymous)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("An anonymous message has nobody to visit"));
      return TRUE;

    /* Scored and shortlisted before it is answered, once */
    case CIVIC_MESSAGE_ACTION_SCORE_IDEA:
    case CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA:
    case CIVIC_MESSAGE_ACTION_ANSWER_IDEA:
      if (message->kind != CIVIC_MESSAGE_KIND_IDEA)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("Only an idea in a campaign is scored, shortlisted and adopted"));
      if (message->idea_status == CIVIC_IDEA_STATUS_ADOPTED ||
          message->idea_status == CIVIC_IDEA_STATUS_DECLINED)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The idea was %s already"),
                       civic_idea_status_get_label (message->idea_status));
      if (action == CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA &&
          message->idea_status == CIVIC_IDEA_STATUS_SHORTLISTED)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The idea is on the shortlist"));
      if (action == CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA && message->idea_scores->len == 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("An idea is scored before it is shortlisted"));
      return TRUE;

    default:
      return TRUE;
    }
}

static gboolean
message_check_action (CivicMessage               *message,
                      CivicMessageAction          action,
                      const CivicWorkflowContext *context,
                      GError                    **error)
{
  const CivicActor *actor = context->actor;

  if ((guint) action >= CIVIC_N_MESSAGE_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));

  /* Before anything else: the accused learn nothing, not even the state */
  if (civic_message_is_hidden_from (message, actor->department_id, actor->id))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("There is no such message"));

  if (!(rules[action].states & (1u << message->state)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   /* Translators: "“Reply to the Citizen” is not possible while the message
                    * is “Closed”" */
                   _("“%s” is not possible while the message is “%s”"),
                   civic_message_action_get_label (action),
                   civic_message_state_get_label (message->state));

  if (!civic_actor_has_role (actor, rules[action].roles))
    {
      g_autofree char *roles = civic_roles_to_string (rules[action].roles & ~CIVIC_ROLE_SYSTEM);

      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("“%s” is for these roles: %s"),
                     civic_message_action_get_label (action), roles);
    }

  /* The hall acts on any department's message; a department on its own.
   * Registering, an official's department takes it (create() gave it). */
  if (!civic_actor_has_role (actor, HALL) &&
      (actor->department_id == NULL ||
       g_strcmp0 (actor->department_id, message->department_id) != 0))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only the department that has a message acts on it"));

  return check_preconditions (message, action, context, error);
}

/* Applying */

/* A file by its sha256 and name; its type and size are what the service
 * received, which it writes in when it takes the command */
static gboolean
add_attachment (CivicMessage               *message,
                JsonObject                 *file,
                gboolean                    by_official,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  CivicMessageAttachment *attachment;
  const char *sha256, *name, *media_type;
  gint64 size = 0;

  if (!get_text (file, "sha256", TRUE, 64, &sha256, error) ||
      !get_text (file, "name", TRUE, 200, &name, error) ||
      !get_text (file, "media_type", FALSE, 100, &media_type, error))
    return FALSE;
  /* The client's word for the type and size, shown while the file waits
   * in its outbox; the service writes in what it received */
  if (media_type != NULL && !civic_attachment_media_type_is_attachable (media_type))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Files of this type are not attached: PDF, text, Markdown, CSV, PNG, "
                     "JPEG, OFD, Word, Excel, OpenDocument or ZIP"));
  if (json_object_has_member (file, "size") &&
      !civic_json_get_int (file, "size", FALSE, 0, CIVIC_ATTACHMENT_MAX_SIZE, &size, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("A file is of 1 byte to 20 MiB"));
  if (!civic_attachment_sha256_is_valid (sha256))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A file is named by its SHA-256, in 64 lower-case hex digits"));
  if (!civic_attachment_name_is_valid (name))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A file’s name is at most 200 bytes, without “/”, “\\” or control "
                     "characters, and does not start with a dot"));
  if (civic_message_find_attachment (message, sha256) != NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, _("This file is with the message already"));
  if (message->attachments->len >= CIVIC_MESSAGE_MAX_ATTACHMENTS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("A message keeps at most %d files"), CIVIC_MESSAGE_MAX_ATTACHMENTS);

  attachment = g_new0 (CivicMessageAttachment, 1);
  attachment->sha256 = g_strdup (sha256);
  attachment->name = g_strdup (name);
  attachment->media_type = g_strdup (media_type);
  attachment->size = size;
  attachment->added_on = today_of (context);
  if (by_official)
    record_by (&attachment->added_by_id, &attachment->added_by_name, context);
  g_ptr_array_add (message->attachments, attachment);
  return TRUE;
}

/* attach-message-file */
static gboolean
apply_attach_file (CivicMessage               *message,
                   JsonObject                 *args,
                   const CivicWorkflowContext *context,
                   GError                    **error)
{
  return add_attachment (message, args, TRUE, context, error);
}

/* The files a message came with, and the photo an Open311 request
 * points at (kept as its address: the service never fetches what a
 * request names) */
static gboolean
register_files (CivicMessage               *message,
                JsonObject                 *args,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  JsonArray *files = NULL;
  const char *media_url;

  if (!civic_json_get_array (args, "attachments", FALSE, &files, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” must be a list of files"), "attachments");
  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      JsonNode *file = json_array_get_element (files, i);

      if (!JSON_NODE_HOLDS_OBJECT (file))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("“%s” must be a list of files"), "attachments");
      if (!add_attachment (message, json_node_get_object (file), FALSE, context, error))
        return FALSE;
    }

  if (!get_text (args, "media_url", FALSE, 2000, &media_url, error))
    return FALSE;
  if (media_url != NULL && !g_str_has_prefix (media_url, "https://") &&
      !g_str_has_prefix (media_url, "http://"))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A photo’s address is an http or https URL"));
  set_string (&message->media_url, media_url);
  return TRUE;
}

/* What the citizen wrote and how it came in (register-message) */
static gboolean
apply_register (CivicMessage               *message,
                JsonObject                 *args,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  const char *subject, *body, *name, *id_number, *phone, *email, *address, *place;
  const char *department, *accused_department, *accused_person, *campaign, *service_code;
  gboolean anonymous = FALSE;
  int kind = 0, channel = CIVIC_MESSAGE_CHANNEL_ON_SITE;
  CivicDay received_on = CIVIC_DAY_INVALID;
  JsonNode *lat, *lon;

  if (!civic_workflow_arg_enum (args, "kind", TRUE, CIVIC_TYPE_MESSAGE_KIND, &kind, error) ||
      !civic_workflow_arg_enum (args, "channel", FALSE, CIVIC_TYPE_MESSAGE_CHANNEL, &channel,
                                error) ||
      !get_text (args, "subject", TRUE, CIVIC_MESSAGE_SUBJECT_MAX, &subject, error) ||
      !get_text (args, "body", TRUE, CIVIC_MESSAGE_BODY_MAX, &body, error) ||
      !get_text (args, "citizen_name", FALSE, 100, &name, error) ||
      !get_text (args, "id_number", FALSE, 40, &id_number, error) ||
      !get_text (args, "phone", FALSE, 40, &phone, error) ||
      !get_text (args, "email", FALSE, 200, &email, error) ||
      !get_text (args, "address", FALSE, 300, &address, error) ||
      !get_text (args, "location", FALSE, 300, &place, error) ||
      !get_text (args, "department_id", FALSE, 64, &department, error) ||
      !get_text (args, "accused_department_id", FALSE, 64, &accused_department, error) ||
      !get_text (args, "accused_person_id", FALSE, 64, &accused_person, error) ||
      !get_text (args, "campaign_id", FALSE, 64, &campaign, error) ||
      !get_text (args, "service_code", FALSE, 64, &service_code, error) ||
      !civic_workflow_arg_past_day (args, "received_on", FALSE, context, &received_on, error))
    return FALSE;
  if (json_object_has_member (args, "anonymous") &&
      !civic_json_get_bool (args, "anonymous", FALSE, &anonymous, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” must be true or false"),
                   "anonymous");

  /* A name, or anonymity where the region allows it */
  if (anonymous)
    {
      if (message->terms == NULL && context->message_clocks != NULL)
        message->terms = civic_message_clocks_dup_terms (context->message_clocks, kind);
      if (message->terms != NULL && !message->terms->anonymous)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       /* Translators: "In this region, “Complaint” needs the citizen’s
                        * name and a way to reach them" */
                       _("In this region, “%s” needs the citizen’s name and a way to reach them"),
                       civic_message_kind_get_label (kind));
      name = id_number = phone = email = address = NULL;
    }
  else if (name == NULL || (phone == NULL && email == NULL && address == NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A message needs the citizen’s name and a phone, e-mail or address — "
                     "or to be anonymous"));

  if (kind == CIVIC_MESSAGE_KIND_IDEA && campaign == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("An idea names its campaign"));
  if (kind != CIVIC_MESSAGE_KIND_IDEA && campaign != NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Only an idea names a campaign"));
  if (kind != CIVIC_MESSAGE_KIND_REPORT && (accused_department != NULL || accused_person != NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Only a report names whom it accuses"));
  /* A report goes straight to a department it does not accuse: the
   * hall's dispatch never holds one that may accuse the hall, and an
   * official of the accused department never takes one in for it */
  {
    const char *goes_to = civic_actor_has_role (context->actor, HALL) ? department
                                                                      : message->department_id;

    if (kind == CIVIC_MESSAGE_KIND_REPORT && accused_department != NULL && goes_to == NULL)
      return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                     _("Name the department a report goes to: never the one it accuses"));
    if (kind == CIVIC_MESSAGE_KIND_REPORT && goes_to != NULL &&
        g_strcmp0 (goes_to, accused_department) == 0)
      return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                     _("A report cannot go to the department it accuses (Art. 30)"));
  }

  /* Where the matter is: an address, and a position when the channel
   * gives one (Open311's lat and long) */
  lat = json_object_get_member (args, "lat");
  lon = json_object_get_member (args, "long");
  if (lat != NULL || lon != NULL)
    {
      if (lat == NULL || lon == NULL || !JSON_NODE_HOLDS_VALUE (lat) ||
          !JSON_NODE_HOLDS_VALUE (lon) ||
          (json_node_get_value_type (lat) != G_TYPE_DOUBLE &&
           json_node_get_value_type (lat) != G_TYPE_INT64) ||
          (json_node_get_value_type (lon) != G_TYPE_DOUBLE &&
           json_node_get_value_type (lon) != G_TYPE_INT64) ||
          !(json_node_get_double (lat) >= -90 && json_node_get_double (lat) <= 90) ||
          !(json_node_get_double (lon) >= -180 && json_node_get_double (lon) <= 180))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("A position is a latitude and a longitude in degrees"));
      message->location.has_position = TRUE;
      message->location.lat = json_node_get_double (lat);
      message->location.lon = json_node_get_double (lon);
    }

  message->kind = kind;
  message->channel = channel;
  set_string (&message->subject, subject);
  set_string (&message->body, body);
  message->citizen.anonymous = anonymous;
  set_string (&message->citizen.name, name);
  set_string (&message->citizen.id_number, id_number);
  set_string (&message->citizen.phone, phone);
  set_string (&message->citizen.email, email);
  set_string (&message->citizen.address, address);
  set_string (&message->location.address, place);
  if (civic_actor_has_role (context->actor, HALL))
    set_string (&message->department_id, department);
  set_string (&message->accused_department_id, accused_department);
  set_string (&message->accused_person_id, accused_person);
  set_string (&message->campaign_id, campaign);
  set_string (&message->service_code, service_code);
  if (!register_files (message, args, context, error))
    return FALSE;
  message->received_on = received_on;
  message->arrived_on = received_on;
  g_clear_pointer (&message->received_at, g_date_time_unref);
  message->received_at = g_date_time_ref (context->now);
  record_by (&message->registered_by_id, &message->registered_by_name, context);

  /* The region's terms as they stand today; a table changed later never
   * rewrites this message's clocks */
  g_clear_pointer (&message->terms, civic_message_terms_free);
  if (context->message_clocks != NULL)
    message->terms = civic_message_clocks_dup_terms (context->message_clocks, kind);
  message->state = CIVIC_MESSAGE_STATE_NEW;
  return TRUE;
}

static gboolean
apply_sign_for (CivicMessage               *message,
                const CivicWorkflowContext *context)
{
  message->signed_for_on = today_of (context);
  if (message->assignee_id == NULL)
    record_by (&message->assignee_id, &message->assignee_name, context);
  message->state = CIVIC_MESSAGE_STATE_SIGNED_FOR;
  return TRUE;
}

static gboolean
apply_assign (CivicMessage               *message,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  g_autoptr(CivicActor) official = NULL;
  const char *assignee;

  if (!get_text (args, "assignee", TRUE, 64, &assignee, error))
    return FALSE;
  if (g_strcmp0 (assignee, message->accused_person_id) == 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("An official a message concerns does not handle it (Art. 28)"));
  official = civic_workflow_named_official (context, assignee, message->department_id, NULL,
                                            HANDLER, error);
  if (official == NULL)
    return FALSE;
  set_string (&message->assignee_id, official->id);
  set_string (&message->assignee_name, official->name);
  if (message->state == CIVIC_MESSAGE_STATE_SIGNED_FOR)
    message->state = CIVIC_MESSAGE_STATE_IN_PROGRESS;
  return TRUE;
}

static CivicMessageRoute *
route_new (CivicMessage               *message,
           int                         reason,
           const char                 *text,
           const char                 *to,
           const CivicWorkflowContext *context)
{
  CivicMessageRoute *route = g_new0 (CivicMessageRoute, 1);

  route->reason = reason;
  route->text = dup_or_null (text);
  route->from_department_id = g_strdup (message->department_id);
  route->to_department_id = dup_or_null (to);
  route->on = today_of (context);
  route->decided_on = CIVIC_DAY_INVALID;
  record_by (&route->by_id, &route->by_name, context);
  return route;
}

/* The message reaches another department: it signs for it anew, and the
 * clocks that run from a transfer start again */
static void
move_to (CivicMessage               *message,
         const char                 *department,
         const CivicWorkflowContext *context)
{
  set_string (&message->department_id, department);
  g_clear_pointer (&message->assignee_id, g_free);
  g_clear_pointer (&message->assignee_name, g_free);
  message->arrived_on = today_of (context);
  message->signed_for_on = CIVIC_DAY_INVALID;
  message->state = CIVIC_MESSAGE_STATE_NEW;
}

/* A reason from the list, and words of one's own; "other" needs the words */
static gboolean
get_routing (JsonObject  *args,
             int         *reason,
             const char **text,
             GError     **error)
{
  *reason = CIVIC_MESSAGE_ROUTING_NOT_OUR_REMIT;
  if (!civic_workflow_arg_enum (args, "reason", TRUE, CIVIC_TYPE_MESSAGE_ROUTING, reason, error) ||
      !get_text (args, "text", *reason == CIVIC_MESSAGE_ROUTING_OTHER, TEXT_MAX, text, error))
    return FALSE;
  return TRUE;
}

static gboolean
apply_transfer (CivicMessage               *message,
                JsonObject                 *args,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  const char *department, *text;
  int reason;

  if (!get_department (args, "department_id", message, &department, error) ||
      !get_routing (args, &reason, &text, error))
    return FALSE;
  g_ptr_array_add (message->routes, route_new (message, reason, text, department, context));
  move_to (message, department, context);
  return TRUE;
}

static gboolean
apply_send_back (CivicMessage               *message,
                 JsonObject                 *args,
                 const CivicWorkflowContext *context,
                 GError                    **error)
{
  const char *text;
  int reason;
  CivicMessageRoute *route;

  if (!get_routing (args, &reason, &text, error))
    return FALSE;
  if (text == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Say why the message is not this department’s"));
  route = route_new (message, reason, text, NULL, context);
  route->send_back = TRUE;
  route->dispute = CIVIC_MESSAGE_DISPUTE_PENDING;
  g_ptr_array_add (message->routes, route);
  message->state = CIVIC_MESSAGE_STATE_SENT_BACK;
  return TRUE;
}

static gboolean
apply_decide_send_back (CivicMessage               *message,
                        JsonObject                 *args,
                        const CivicWorkflowContext *context,
                        GError                    **error)
{
  CivicMessageRoute *route = civic_message_get_pending_send_back (message);
  int decision = CIVIC_MESSAGE_DISPUTE_DECISION_KEEP;
  const char *department = NULL, *text;

  if (!civic_workflow_arg_enum (args, "decision", TRUE, CIVIC_TYPE_MESSAGE_DISPUTE_DECISION,
                                &decision, error) ||
      (decision == CIVIC_MESSAGE_DISPUTE_DECISION_ROUTE &&
       !get_department (args, "department_id", message, &department, error)) ||
      !get_text (args, "text", TRUE, TEXT_MAX, &text, error))
    return FALSE;

  route->dispute = decision == CIVIC_MESSAGE_DISPUTE_DECISION_ROUTE
                   ? CIVIC_MESSAGE_DISPUTE_ROUTED : CIVIC_MESSAGE_DISPUTE_KEPT;
  route->decided_on = today_of (context);
  route->decision_text = g_strdup (text);
  record_by (&route->decided_by_id, &route->decided_by_name, context);
  if (department != NULL)
    {
      set_string (&route->to_department_id, department);
      move_to (message, department, context);
    }
  else
    {
      /* Kept: back to where it was, its clocks running as before */
      set_string (&route->to_department_id, message->department_id);
      message->state = message->signed_for_on != CIVIC_DAY_INVALID
                       ? CIVIC_MESSAGE_STATE_SIGNED_FOR : CIVIC_MESSAGE_STATE_NEW;
    }
  return TRUE;
}

static void
add_link (CivicMessage *message,
          const char   *type,
          const char   *id)
{
  g_autofree char *link = g_strconcat (type, "/", id, NULL);
  guint n = g_strv_length (message->links);

  if (g_strv_contains ((const char * const *) message->links, link))
    return;
  message->links = g_renew (char *, message->links, n + 2);
  message->links[n] = g_steal_pointer (&link);
  message->links[n + 1] = NULL;
}

static gboolean
apply_merge (CivicMessage               *message,
             JsonObject                 *args,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  const char *into, *text;

  if (!get_text (args, "into", TRUE, 64, &into, error) ||
      !get_text (args, "text", FALSE, TEXT_MAX, &text, error))
    return FALSE;
  if (g_strcmp0 (into, message->id) == 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A message is merged into another one"));
  set_string (&message->merged_into, into);
  add_link (message, CIVIC_ENTITY_MESSAGE, into);
  set_string (&message->closing_note, text);
  message->closed_on = today_of (context);
  message->state = CIVIC_MESSAGE_STATE_MERGED;
  return TRUE;
}

static gboolean
apply_route_to_case (CivicMessage               *message,
                     JsonObject                 *args,
                     const CivicWorkflowContext *context,
                     GError                    **error)
{
  const char *case_id, *text;

  if (!get_text (args, "case_id", TRUE, 64, &case_id, error) ||
      !get_text (args, "text", TRUE, TEXT_MAX, &text, error))
    return FALSE;
  set_string (&message->case_id, case_id);
  add_link (message, CIVIC_ENTITY_CASE, case_id);
  set_string (&message->closing_note, text);
  message->closed_on = today_of (context);
  message->state = CIVIC_MESSAGE_STATE_ROUTED_TO_CASE;
  return TRUE;
}

static void
add_note (CivicMessage               *message,
          const char                 *text,
          const CivicWorkflowContext *context)
{
  CivicMessageNote *note = g_new0 (CivicMessageNote, 1);

  note->number = message->notes->len + 1;
  note->text = g_strdup (text);
  record_by (&note->by_id, &note->by_name, context);
  note->at = g_date_time_ref (context->now);
  g_ptr_array_add (message->notes, note);
}

static gboolean
apply_note (CivicMessage               *message,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  const char *text;

  if (!get_text (args, "text", TRUE, TEXT_MAX, &text, error))
    return FALSE;
  add_note (message, text, context);
  return TRUE;
}

/* The notes' texts, for the lint's check that none is copied into a reply */
static GStrv
dup_note_texts (CivicMessage *message)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < message->notes->len; i++)
    g_strv_builder_add (builder, ((CivicMessageNote *) g_ptr_array_index (message->notes, i))->text);
  return g_strv_builder_end (builder);
}

/* Whether a reply of this kind is reviewed first: as the terms say, or,
 * before the service gave terms, for complaints and reports */
static gboolean
needs_review (CivicMessage *message)
{
  if (message->terms != NULL)
    return message->terms->review;
  return message->kind == CIVIC_MESSAGE_KIND_COMPLAINT || message->kind == CIVIC_MESSAGE_KIND_REPORT;
}

static void
send_reply (CivicMessage               *message,
            CivicMessageReply          *reply,
            const CivicWorkflowContext *context)
{
  reply->status = CIVIC_MESSAGE_REPLY_SENT;
  reply->sent_on = today_of (context);
  message->replied_on = reply->sent_on;
  message->state = CIVIC_MESSAGE_STATE_REPLIED;
  if (reply->decides != CIVIC_IDEA_STATUS_RECEIVED)
    message->idea_status = reply->decides;
}

/* A reply written: checked by the reply lint, then sent, or kept for
 * review when the kind's replies are reviewed; an idea's answer decides
 * what the idea becomes when it goes out */
static gboolean
write_reply (CivicMessage               *message,
             const char                 *text,
             CivicIdeaStatus             decides,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_auto(GStrv) notes = NULL;
  CivicMessageReply *reply;

  /* A "no" without its reason or remedy, a blank left, never goes out */
  notes = dup_note_texts (message);
  findings = civic_reply_lint_check (text, message->kind, (const char * const *) notes);
  for (guint i = 0; i < findings->len; i++)
    {
      const CivicReplyFinding *finding = g_ptr_array_index (findings, i);

      if (finding->blocking)
        {
          g_autofree char *said = civic_reply_finding_describe (finding, text);

          return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, "%s", said);
        }
    }

  reply = g_new0 (CivicMessageReply, 1);
  reply->number = message->replies->len + 1;
  reply->text = g_strdup (text);
  reply->sent_on = CIVIC_DAY_INVALID;
  reply->decides = decides;
  record_by (&reply->by_id, &reply->by_name, context);
  reply->at = g_date_time_ref (context->now);
  g_ptr_array_add (message->replies, reply);

  if (needs_review (message))
    {
      reply->status = CIVIC_MESSAGE_REPLY_IN_REVIEW;
      message->state = CIVIC_MESSAGE_STATE_REPLY_IN_REVIEW;
    }
  else
    send_reply (message, reply, context);
  return TRUE;
}

static gboolean
apply_reply (CivicMessage               *message,
             JsonObject                 *args,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  const char *text;

  if (!get_text (args, "text", TRUE, CIVIC_MESSAGE_REPLY_MAX, &text, error))
    return FALSE;
  return write_reply (message, text, CIVIC_IDEA_STATUS_RECEIVED, context, error);
}

/* An official's score of an idea, 1 to 10; a second one replaces their
 * first */
static gboolean
apply_score_idea (CivicMessage               *message,
                  JsonObject                 *args,
                  const CivicWorkflowContext *context,
                  GError                    **error)
{
  CivicIdeaScore *score = NULL;
  gint64 value = 0;

  if (!civic_json_get_int (args, "score", TRUE, CIVIC_IDEA_SCORE_MIN, CIVIC_IDEA_SCORE_MAX,
                           &value, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” is a score from %d to %d"),
                   "score", CIVIC_IDEA_SCORE_MIN, CIVIC_IDEA_SCORE_MAX);
  for (guint i = 0; i < message->idea_scores->len && score == NULL; i++)
    {
      CivicIdeaScore *given = g_ptr_array_index (message->idea_scores, i);

      if (g_strcmp0 (given->by_id, context->actor->id) == 0)
        score = given;
    }
  if (score == NULL)
    {
      score = g_new0 (CivicIdeaScore, 1);
      g_ptr_array_add (message->idea_scores, score);
    }
  score->score = (int) value;
  score->on = today_of (context);
  record_by (&score->by_id, &score->by_name, context);
  return TRUE;
}

/* Adopted from the shortlist, declined from anywhere, each with its
 * answer to the proposer: a reply, under the reply's rules */
static gboolean
apply_answer_idea (CivicMessage               *message,
                   JsonObject                 *args,
                   const CivicWorkflowContext *context,
                   GError                    **error)
{
  int decision = CIVIC_IDEA_DECISION_ADOPT;
  const char *text;

  if (!civic_workflow_arg_enum (args, "decision", TRUE, CIVIC_TYPE_IDEA_DECISION, &decision,
                                error) ||
      !get_text (args, "text", TRUE, CIVIC_MESSAGE_REPLY_MAX, &text, error))
    return FALSE;
  if (decision == CIVIC_IDEA_DECISION_ADOPT &&
      message->idea_status != CIVIC_IDEA_STATUS_SHORTLISTED)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("An idea is adopted from the shortlist"));
  return write_reply (message, text,
                      decision == CIVIC_IDEA_DECISION_ADOPT ? CIVIC_IDEA_STATUS_ADOPTED
                                                            : CIVIC_IDEA_STATUS_DECLINED,
                      context, error);
}

static gboolean
apply_review_reply (CivicMessage               *message,
                    JsonObject                 *args,
                    const CivicWorkflowContext *context,
                    GError                    **error)
{
  CivicMessageReply *reply = (CivicMessageReply *) civic_message_get_pending_reply (message);
  int decision = CIVIC_MESSAGE_REVIEW_DECISION_APPROVE;
  const char *note;

  if (!civic_workflow_arg_enum (args, "decision", TRUE, CIVIC_TYPE_MESSAGE_REVIEW_DECISION,
                                &decision, error) ||
      !get_text (args, "note", decision == CIVIC_MESSAGE_REVIEW_DECISION_RETURN, TEXT_MAX, &note,
                 error))
    return FALSE;

  record_by (&reply->reviewed_by_id, &reply->reviewed_by_name, context);
  /* What the reviewer says is for the officials: a note, never the reply */
  if (note != NULL)
    add_note (message, note, context);
  if (decision == CIVIC_MESSAGE_REVIEW_DECISION_APPROVE)
    send_reply (message, reply, context);
  else
    {
      reply->status = CIVIC_MESSAGE_REPLY_RETURNED;
      message->state = CIVIC_MESSAGE_STATE_IN_PROGRESS;
    }
  return TRUE;
}

static gboolean
apply_extend (CivicMessage               *message,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  g_autoptr(CivicClock) clock = NULL;
  g_autoptr(GError) clock_error = NULL;
  const char *reason;
  gint64 days = 0;
  CivicMessageExtension *extension;

  if (!civic_json_get_int (args, "days", TRUE, 1, message->terms->extension.limit, &days, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The extension is between 1 and %d days (%s)"),
                   message->terms->extension.limit, message->terms->extension.source);
  if (!get_text (args, "reason", TRUE, TEXT_MAX, &reason, error))
    return FALSE;

  /* The clock's own rule, on the clock as it runs */
  clock = civic_message_dup_clock (message, context->calendar, CIVIC_MESSAGE_STEP_REPLY);
  if (clock != NULL &&
      !civic_clock_extend (clock, context->calendar, today_of (context), (int) days,
                           context->actor->name, reason, &clock_error))
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, "%s", clock_error->message);

  extension = g_new0 (CivicMessageExtension, 1);
  extension->on = today_of (context);
  extension->days = (int) days;
  extension->reason = g_strdup (reason);
  record_by (&extension->approved_by_id, &extension->approved_by_name, context);
  message->extension = extension;
  return TRUE;
}

static gboolean
apply_close (CivicMessage               *message,
             JsonObject                 *args,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  int outcome = CIVIC_MESSAGE_OUTCOME_RESOLVED;
  const char *note;

  if (!civic_workflow_arg_enum (args, "outcome", TRUE, CIVIC_TYPE_MESSAGE_OUTCOME, &outcome,
                                error) ||
      !get_text (args, "note", FALSE, TEXT_MAX, &note, error))
    return FALSE;
  message->outcome = outcome;
  set_string (&message->closing_note, note);
  message->closed_on = today_of (context);
  message->state = CIVIC_MESSAGE_STATE_CLOSED;
  return TRUE;
}

static gboolean
apply_return_visit (CivicMessage               *message,
                    JsonObject                 *args,
                    const CivicWorkflowContext *context,
                    GError                    **error)
{
  CivicMessageVisit *visit;
  int channel = CIVIC_MESSAGE_VISIT_PHONE, satisfaction = CIVIC_MESSAGE_SATISFACTION_SATISFIED;
  CivicDay on = CIVIC_DAY_INVALID;
  const char *record;

  if (!civic_workflow_arg_past_day (args, "on", FALSE, context, &on, error) ||
      !civic_workflow_arg_enum (args, "channel", TRUE, CIVIC_TYPE_MESSAGE_VISIT_CHANNEL,
                                &channel, error) ||
      !civic_workflow_arg_enum (args, "satisfaction", TRUE, CIVIC_TYPE_MESSAGE_SATISFACTION,
                                &satisfaction, error) ||
      !get_text (args, "record", TRUE, TEXT_MAX, &record, error))
    return FALSE;
  if (message->replied_on != CIVIC_DAY_INVALID && on < message->replied_on)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A return visit comes after the reply"));

  visit = g_new0 (CivicMessageVisit, 1);
  visit->on = on;
  visit->channel = channel;
  visit->satisfaction = satisfaction;
  visit->record = g_strdup (record);
  record_by (&visit->by_id, &visit->by_name, context);
  g_ptr_array_add (message->visits, visit);
  return TRUE;
}

static gboolean
apply_reopen (CivicMessage               *message,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  CivicMessageReopening *reopening;
  const char *reason;

  if (!get_text (args, "reason", TRUE, TEXT_MAX, &reason, error))
    return FALSE;
  reopening = g_new0 (CivicMessageReopening, 1);
  reopening->on = today_of (context);
  reopening->after_reply = message->replies->len;
  reopening->reason = g_strdup (reason);
  record_by (&reopening->by_id, &reopening->by_name, context);
  g_ptr_array_add (message->reopenings, reopening);
  message->closed_on = CIVIC_DAY_INVALID;
  g_clear_pointer (&message->closing_note, g_free);
  message->state = CIVIC_MESSAGE_STATE_REOPENED;
  return TRUE;
}

static gboolean
apply_action (CivicMessage               *message,
              CivicMessageAction          action,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  switch (action)
    {
    case CIVIC_MESSAGE_ACTION_REGISTER: return apply_register (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_SIGN_FOR: return apply_sign_for (message, context);
    case CIVIC_MESSAGE_ACTION_ASSIGN: return apply_assign (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_TRANSFER: return apply_transfer (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_SEND_BACK: return apply_send_back (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK:
      return apply_decide_send_back (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_MERGE: return apply_merge (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_ROUTE_TO_CASE:
      return apply_route_to_case (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_NOTE: return apply_note (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_REPLY: return apply_reply (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_REVIEW_REPLY:
      return apply_review_reply (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_EXTEND: return apply_extend (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_CLOSE: return apply_close (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_RETURN_VISIT:
      return apply_return_visit (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_REOPEN: return apply_reopen (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_SCORE_IDEA: return apply_score_idea (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA:
      message->idea_status = CIVIC_IDEA_STATUS_SHORTLISTED;
      return TRUE;
    case CIVIC_MESSAGE_ACTION_ANSWER_IDEA:
      return apply_answer_idea (message, args, context, error);
    case CIVIC_MESSAGE_ACTION_ATTACH_FILE:
      return apply_attach_file (message, args, context, error);
    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The kind */

static gboolean
message_action_from_string (const char *name,
                            guint      *action)
{
  int value;

  if (!civic_enum_from_nick (CIVIC_TYPE_MESSAGE_ACTION, name, &value))
    return FALSE;
  *action = value;
  return TRUE;
}

static const char *
message_action_to_string (guint action)
{
  return civic_enum_to_nick (CIVIC_TYPE_MESSAGE_ACTION, action);
}

static const char *
message_action_label (guint action)
{
  return civic_message_action_get_label (action);
}

static const char *
message_past_tense (const char *name)
{
  guint action;

  if (name == NULL || !message_action_from_string (name, &action))
    return NULL;
  return past_tense (action);
}

static const CivicArgument *
message_arguments (guint action)
{
  return civic_message_action_get_arguments (action);
}

static CivicActionWeight
message_weight (guint action)
{
  switch ((CivicMessageAction) action)
    {
    case CIVIC_MESSAGE_ACTION_MERGE:
    case CIVIC_MESSAGE_ACTION_CLOSE:
      return CIVIC_WEIGHT_DESTRUCTIVE;
    case CIVIC_MESSAGE_ACTION_TRANSFER:
    case CIVIC_MESSAGE_ACTION_SEND_BACK:
    case CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK:
    case CIVIC_MESSAGE_ACTION_ROUTE_TO_CASE:
    case CIVIC_MESSAGE_ACTION_REPLY:
    case CIVIC_MESSAGE_ACTION_REVIEW_REPLY:
    case CIVIC_MESSAGE_ACTION_EXTEND:
    case CIVIC_MESSAGE_ACTION_ANSWER_IDEA:
      return CIVIC_WEIGHT_DELIBERATE;
    default:
      return CIVIC_WEIGHT_ROUTINE;
    }
}

/* A note and a return visit still make sense on a message that changed
 * since; a reply to a message someone else answered meanwhile does not */
static gboolean
message_safe_when_stale (guint action)
{
  return action == CIVIC_MESSAGE_ACTION_NOTE || action == CIVIC_MESSAGE_ACTION_RETURN_VISIT ||
         action == CIVIC_MESSAGE_ACTION_SCORE_IDEA;
}

static GObject *
message_from_json (JsonNode  *node,
                   GError   **error)
{
  return G_OBJECT (civic_message_new_from_json (node, error));
}

static const char *
message_get_id (GObject *record)
{
  return civic_message_get_id (CIVIC_MESSAGE (record));
}

static gint64
message_get_rev (GObject *record)
{
  return civic_message_get_rev (CIVIC_MESSAGE (record));
}

static void
message_set_rev (GObject *record,
                 gint64   rev)
{
  civic_message_set_rev (CIVIC_MESSAGE (record), rev);
}

static char *
dup_subject_start (CivicMessage *message)
{
  const guint max = 24;
  g_autofree char *start = NULL;

  if (message->subject == NULL)
    return g_strdup (_("Message"));
  if (g_utf8_strlen (message->subject, -1) <= max)
    return g_strdup (message->subject);
  start = g_utf8_substring (message->subject, 0, max);
  return g_strconcat (start, "…", NULL);
}

static char *
message_label (GObject *record)
{
  CivicMessage *message = CIVIC_MESSAGE (record);

  if (message->receipt != NULL)
    return g_strdup (message->receipt);
  return dup_subject_start (message);
}

static char *
message_headline (GObject *record)
{
  CivicMessage *message = CIVIC_MESSAGE (record);
  g_autofree char *start = dup_subject_start (message);

  if (message->receipt == NULL)
    return g_steal_pointer (&start);
  /* Translators: a message's receipt, then its subject */
  return g_strdup_printf (_("%s — %s"), message->receipt, start);
}

static char *
message_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u message. Each is checked by the rules on its "
                                          "own.",
                                          "For %u messages. Each is checked by the rules on "
                                          "its own.",
                                          n_records), n_records);
}

static char *
message_describe (GObject *record)
{
  CivicMessage *message = CIVIC_MESSAGE (record);
  const char *state = civic_message_state_get_label (message->state);
  g_autofree char *day = NULL;

  switch (message->state)
    {
    case CIVIC_MESSAGE_STATE_REPLIED:
      day = civic_day_format (message->replied_on);
      /* Translators: "Replied on 2026-11-20" */
      return g_strdup_printf (_("%s on %s"), state, day);
    case CIVIC_MESSAGE_STATE_CLOSED:
      day = civic_day_format (message->closed_on);
      /* Translators: "Closed on 2026-11-20: Resolved" */
      return g_strdup_printf (_("%s on %s: %s"), state, day,
                              civic_message_outcome_get_label (message->outcome));
    case CIVIC_MESSAGE_STATE_MERGED:
      /* Translators: "Merged into HN-M-2026-000123" */
      return g_strdup_printf (_("Merged into %s"), message->merged_into);
    case CIVIC_MESSAGE_STATE_ROUTED_TO_CASE:
      /* Translators: "Routed to the case 2026-0001234" */
      return g_strdup_printf (_("Routed to the case %s"), message->case_id);
    default:
      if (message->assignee_name == NULL)
        return g_strdup (state);
      /* Translators: "In Progress, with 李明" */
      return g_strdup_printf (_("%s, with %s"), state, message->assignee_name);
    }
}

static char *
message_kind_to_feed_json (GObject       *record,
                           CivicCalendar *calendar,
                           CivicDay       today)
{
  return civic_message_to_feed_json (CIVIC_MESSAGE (record), calendar, today);
}

/* The clock the message waits on, and its reply for the period's
 * figures; a message merged into another or sent on as a case is
 * answered there */
static gboolean
message_supervise (GObject                *record,
                   CivicCalendar          *calendar,
                   CivicDay                today,
                   CivicSupervisionSource *out)
{
  CivicMessage *message = CIVIC_MESSAGE (record);
  CivicMessageState state = civic_message_get_state (message);

  out->department_id = g_strdup (civic_message_get_department_id (message));
  out->subject = g_strdup (civic_enum_to_nick (CIVIC_TYPE_MESSAGE_KIND,
                                               civic_message_get_kind (message)));
  out->title = g_strdup_printf ("%s %s", civic_message_get_receipt (message),
                                civic_message_get_subject (message));
  out->now = civic_message_dup_running_clock (message, calendar, NULL);
  if (state != CIVIC_MESSAGE_STATE_MERGED && state != CIVIC_MESSAGE_STATE_ROUTED_TO_CASE)
    out->main = civic_message_dup_clock (message, calendar, CIVIC_MESSAGE_STEP_REPLY);
  out->deemed_on = CIVIC_DAY_INVALID;
  return TRUE;
}

static gboolean
message_check (GObject                    *record,
               guint                       action,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (context->calendar), FALSE);

  return message_check_action (CIVIC_MESSAGE (record), action, context, error);
}

static GArray *
message_list_actions (GObject                    *record,
                      const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicMessageAction));

  for (guint i = 0; i < CIVIC_N_MESSAGE_ACTIONS; i++)
    {
      CivicMessageAction action = i;

      if (action == CIVIC_MESSAGE_ACTION_REGISTER)
        continue;
      if (message_check (record, action, context, NULL))
        g_array_append_val (actions, action);
    }
  return actions;
}

/* Every change is tried on a copy: a refused one leaves the record as it
 * was */
static GObject *
message_apply (GObject                    *record,
               guint                       action,
               JsonObject                 *args,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  g_autoptr(CivicMessage) next = NULL;
  g_autoptr(JsonObject) empty = NULL;

  if (!message_check (record, action, context, error))
    return NULL;

  if (args == NULL)
    args = empty = json_object_new ();
  next = civic_message_copy (CIVIC_MESSAGE (record));
  if (!apply_action (next, action, args, context, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&next));
}

static gboolean
message_creates (guint action)
{
  return action == CIVIC_MESSAGE_ACTION_REGISTER;
}

/* A blank message, which register-message then fills in: for the
 * official's department, or for the one the hall names in the arguments */
static GObject *
message_create (const char                 *id,
                guint                       action,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  const CivicActor *actor = context->actor;
  gboolean hall = civic_actor_has_role (actor, HALL);

  if (action != CIVIC_MESSAGE_ACTION_REGISTER)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such message"));
      return NULL;
    }
  if (id == NULL || *id == '\0' || strlen (id) > 64 || (!hall && actor->department_id == NULL))
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("A new message needs an id and a department"));
      return NULL;
    }
  return G_OBJECT (civic_message_new (id, hall ? NULL : actor->department_id));
}

const CivicEntityKind civic_message_kind = {
  .type = CIVIC_ENTITY_MESSAGE,
  .collection = "messages",
  .record_type = civic_message_get_type,
  .n_actions = CIVIC_N_MESSAGE_ACTIONS,
  .action_from_string = message_action_from_string,
  .action_to_string = message_action_to_string,
  .action_label = message_action_label,
  .past_tense = message_past_tense,
  .arguments = message_arguments,
  .weight = message_weight,
  .safe_when_stale = message_safe_when_stale,
  .from_json = message_from_json,
  .get_id = message_get_id,
  .get_rev = message_get_rev,
  .set_rev = message_set_rev,
  .label = message_label,
  .headline = message_headline,
  .headline_n = message_headline_n,
  .describe = message_describe,
  .now_title = N_("The message now"),
  .open_label = N_("_Open Message"),
  .not_cached = N_("The message is not in the offline copy"),
  .to_feed_json = message_kind_to_feed_json,
  .supervise = message_supervise,
  .check = message_check,
  .list_actions = message_list_actions,
  .apply = message_apply,
  .creates = message_creates,
  .create = message_create,
};
