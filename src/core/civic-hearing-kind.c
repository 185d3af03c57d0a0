/* civic-hearing-kind.c — the hearing (听证) as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-hearing-kind"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-hearing-kind.h"
#include "civic-hearing-private.h"
#include "civic-json.h"
#include "civic-privacy-mask.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* The hearing's answers to what every layer asks of a kind: its actions
 * are the commands below, its record a CivicHearing whose procedure
 * (civic-hearing.c) holds the law; this file says who may take which step
 * and reads a command's arguments into that procedure.
 *
 * A hearing is born of a case (request-hearing, order-hearing): the
 * service makes it in the same transaction as the case's command
 * (civic-hearing-records.c), its id the command's, and closing it gives
 * the case back its clocks. Who may act: the department that holds it;
 * within it, hearing officers arrange it, the authority's head (an
 * approver) decides on the host's recusal, and only the host or the clerk
 * of this hearing holds it and keeps its record. */

#define STATE(s) (1u << CIVIC_HEARING_STATE_##s)
#define BEFORE_HELD (STATE (PENDING) | STATE (SCHEDULED) | STATE (NOTIFIED) | STATE (POSTPONED))
#define HAS_TIME (STATE (SCHEDULED) | STATE (NOTIFIED))

/* Who of those at the hearing takes a step: the host opens and closes
 * it; the host or the clerk (记录员) keeps the record */
typedef enum
{
  ANYONE,
  HOST,
  HOST_OR_CLERK,
} AtTheHearing;

static const struct
{
  guint         states;
  CivicRole     roles;
  AtTheHearing  at_the_hearing;
} rules[CIVIC_N_HEARING_ACTIONS] = {
  [CIVIC_HEARING_ACTION_ADD_PARTY] = { BEFORE_HELD | STATE (HELD),
                                       CIVIC_ROLE_HEARING_OFFICER | CIVIC_ROLE_EXAMINER },
  [CIVIC_HEARING_ACTION_SCHEDULE] = { BEFORE_HELD, CIVIC_ROLE_HEARING_OFFICER },
  [CIVIC_HEARING_ACTION_NOTIFY] = { HAS_TIME, CIVIC_ROLE_HEARING_OFFICER },
  [CIVIC_HEARING_ACTION_POSTPONE] = { HAS_TIME, CIVIC_ROLE_HEARING_OFFICER },
  [CIVIC_HEARING_ACTION_REQUEST_RECUSAL] = { HAS_TIME | STATE (POSTPONED),
                                             CIVIC_ROLE_HEARING_OFFICER | CIVIC_ROLE_EXAMINER },
  [CIVIC_HEARING_ACTION_DECIDE_RECUSAL] = { HAS_TIME | STATE (POSTPONED), CIVIC_ROLE_APPROVER },
  [CIVIC_HEARING_ACTION_WITHDRAW] = { BEFORE_HELD,
                                      CIVIC_ROLE_HEARING_OFFICER | CIVIC_ROLE_EXAMINER },
  [CIVIC_HEARING_ACTION_CANCEL] = { BEFORE_HELD | STATE (HELD),
                                    CIVIC_ROLE_HEARING_OFFICER | CIVIC_ROLE_APPROVER },
  [CIVIC_HEARING_ACTION_HOLD] = { HAS_TIME, CIVIC_ROLE_HEARING_OFFICER, HOST },
  [CIVIC_HEARING_ACTION_WRITE_RECORD] = { STATE (HELD), CIVIC_ROLES_CASEWORK, HOST_OR_CLERK },
  [CIVIC_HEARING_ACTION_SIGN_RECORD] = { STATE (HELD), CIVIC_ROLES_CASEWORK, HOST_OR_CLERK },
  [CIVIC_HEARING_ACTION_CLOSE] = { STATE (HELD), CIVIC_ROLE_HEARING_OFFICER, HOST },
  /* Before the notice names the cases heard */
  [CIVIC_HEARING_ACTION_JOIN] = { STATE (PENDING) | STATE (SCHEDULED) | STATE (POSTPONED),
                                  CIVIC_ROLE_HEARING_OFFICER },
};

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

const char *
civic_hearing_action_get_label (CivicHearingAction action)
{
  switch (action)
    {
    case CIVIC_HEARING_ACTION_ADD_PARTY: return _("Add Party");
    case CIVIC_HEARING_ACTION_SCHEDULE: return _("Schedule Hearing");
    case CIVIC_HEARING_ACTION_NOTIFY: return _("Send Notice");
    case CIVIC_HEARING_ACTION_POSTPONE: return _("Postpone Hearing");
    case CIVIC_HEARING_ACTION_REQUEST_RECUSAL: return _("Record Recusal Request");
    case CIVIC_HEARING_ACTION_DECIDE_RECUSAL: return _("Decide on Recusal");
    case CIVIC_HEARING_ACTION_WITHDRAW: return _("Record Withdrawal of Request");
    case CIVIC_HEARING_ACTION_CANCEL: return _("Cancel Hearing");
    case CIVIC_HEARING_ACTION_HOLD: return _("Open Hearing");
    case CIVIC_HEARING_ACTION_WRITE_RECORD: return _("Write Record");
    case CIVIC_HEARING_ACTION_SIGN_RECORD: return _("Record Signature");
    case CIVIC_HEARING_ACTION_CLOSE: return _("Close Record");
    case CIVIC_HEARING_ACTION_JOIN: return _("Hear Another Case");
    default: g_return_val_if_reached ("");
    }
}

static const char *
past_tense (CivicHearingAction action)
{
  switch (action)
    {
    case CIVIC_HEARING_ACTION_ADD_PARTY: return _("Added a party to the hearing");
    case CIVIC_HEARING_ACTION_SCHEDULE: return _("Scheduled the hearing");
    case CIVIC_HEARING_ACTION_NOTIFY: return _("Sent the notice of the hearing");
    case CIVIC_HEARING_ACTION_POSTPONE: return _("Postponed the hearing");
    case CIVIC_HEARING_ACTION_REQUEST_RECUSAL: return _("Recorded a request for the host’s recusal");
    case CIVIC_HEARING_ACTION_DECIDE_RECUSAL: return _("Decided on the recusal request");
    case CIVIC_HEARING_ACTION_WITHDRAW: return _("Recorded that the request for the hearing was withdrawn");
    case CIVIC_HEARING_ACTION_CANCEL: return _("Cancelled the hearing");
    case CIVIC_HEARING_ACTION_HOLD: return _("Opened the hearing");
    case CIVIC_HEARING_ACTION_WRITE_RECORD: return _("Wrote the hearing record");
    case CIVIC_HEARING_ACTION_SIGN_RECORD: return _("Recorded a signature of the record");
    case CIVIC_HEARING_ACTION_CLOSE: return _("Closed the hearing record");
    case CIVIC_HEARING_ACTION_JOIN: return _("Added a case to the hearing");
    default: g_return_val_if_reached ("");
    }
}

/* Construction */

/**
 * civic_hearing_new_for_case:
 * @id: the hearing's id: the id of the case's command that asked for it
 * @ex_officio: held by the authority's own motion (Art. 46), or on a
 *   party's request (Art. 47)
 * @examiner_ids: (array zero-terminated=1): who examined the case
 *
 * The hearing a case's request-hearing or order-hearing sets going.
 */
CivicHearing *
civic_hearing_new_for_case (const char         *id,
                            gboolean            ex_officio,
                            const char         *case_id,
                            const char         *number,
                            const char         *department_id,
                            const char         *matter,
                            CivicDay            informed_on,
                            CivicDay            requested_on,
                            const char * const *examiner_ids)
{
  CivicHearing *hearing;

  g_return_val_if_fail (ex_officio || (informed_on != CIVIC_DAY_INVALID &&
                                       requested_on != CIVIC_DAY_INVALID), NULL);

  hearing = ex_officio ? civic_hearing_new_ex_officio (id, case_id)
                       : civic_hearing_new_on_request (id, case_id, informed_on, requested_on);
  civic_hearing_set_matter (hearing, department_id, matter);
  civic_hearing_add_case (hearing, case_id, number, examiner_ids, NULL);
  return hearing;
}

/**
 * civic_hearing_get_reminder:
 * @official: who would be told
 * @today: the day it is
 *
 * Returns: what @official is to be told of @hearing today, unasked: a
 * hearing they host, keep the record of or take part in on the next
 * working day; for a hearing officer, a hearing still to schedule whose
 * latest lawful day (Art. 47) is three working days off or less, or past
 */
CivicHearingReminder
civic_hearing_get_reminder (CivicHearing     *hearing,
                            const CivicActor *official,
                            CivicCalendar    *calendar,
                            CivicDay          today)
{
  CivicHearingState state;
  CivicHearingDates dates;

  g_return_val_if_fail (CIVIC_IS_HEARING (hearing), CIVIC_HEARING_REMINDER_NONE);
  g_return_val_if_fail (official != NULL, CIVIC_HEARING_REMINDER_NONE);

  state = hearing->state;
  if ((state == CIVIC_HEARING_STATE_SCHEDULED || state == CIVIC_HEARING_STATE_NOTIFIED) &&
      (g_strcmp0 (hearing->host_id, official->id) == 0 ||
       g_strcmp0 (hearing->clerk_id, official->id) == 0 ||
       _civic_hearing_lookup_participant (hearing, official->id, NULL) != NULL) &&
      civic_hearing_get_hearing_day (hearing) == civic_calendar_next_working_day (calendar, today))
    return CIVIC_HEARING_REMINDER_TOMORROW;

  if ((state != CIVIC_HEARING_STATE_PENDING && state != CIVIC_HEARING_STATE_POSTPONED) ||
      !civic_actor_has_role (official, CIVIC_ROLE_HEARING_OFFICER) ||
      g_strcmp0 (official->department_id, hearing->department_id) != 0)
    return CIVIC_HEARING_REMINDER_NONE;

  civic_hearing_get_key_dates (hearing, calendar, NULL, &dates);
  if (dates.latest_hearing_day == CIVIC_DAY_INVALID)
    return CIVIC_HEARING_REMINDER_NONE;
  if (dates.latest_hearing_day < today)
    return CIVIC_HEARING_REMINDER_LATE;
  if (civic_calendar_working_days_between (calendar, today, dates.latest_hearing_day) <= 3)
    return CIVIC_HEARING_REMINDER_NEAR;
  return CIVIC_HEARING_REMINDER_NONE;
}

/* Personal data: the parties' names and how to reach them */

static gboolean
is_party_role (CivicHearingRole role)
{
  return role == CIVIC_HEARING_ROLE_APPLICANT || role == CIVIC_HEARING_ROLE_INTERESTED_PARTY ||
         role == CIVIC_HEARING_ROLE_AGENT || role == CIVIC_HEARING_ROLE_WITNESS;
}

/**
 * civic_hearing_to_feed_json:
 *
 * Returns: (transfer full): the hearing as the feed carries it: the names
 * and contacts of the parties and witnesses masked, as a case's applicant
 * is (PIPL Art. 28); the officials' names in the clear.
 */
char *
civic_hearing_to_feed_json (CivicHearing *hearing)
{
  g_autoptr(CivicHearing) masked = NULL;

  g_return_val_if_fail (CIVIC_IS_HEARING (hearing), NULL);

  masked = civic_hearing_copy (hearing);
  for (guint i = 0; i < masked->participants->len; i++)
    {
      CivicHearingParticipant *participant = g_ptr_array_index (masked->participants, i);
      char *name;

      if (!is_party_role (participant->role))
        continue;
      name = civic_privacy_mask_name (participant->name);
      g_free (participant->name);
      participant->name = name;
      if (participant->contact != NULL)
        {
          char *contact = civic_privacy_mask_address (participant->contact);

          g_free (participant->contact);
          participant->contact = contact;
        }
    }

  {
    g_autoptr(JsonNode) node = civic_hearing_to_json (masked);

    return civic_json_to_string (node, FALSE);
  }
}

/**
 * civic_hearing_dup_personal:
 *
 * Returns: (transfer full): what the feed masks: each party's and
 * witness's name and contact, {"participants": [{id, name, contact}]},
 * for the service to keep sealed
 */
JsonNode *
civic_hearing_dup_personal (CivicHearing *hearing)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (CIVIC_IS_HEARING (hearing), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hearing->participants->len; i++)
    {
      const CivicHearingParticipant *participant = g_ptr_array_index (hearing->participants, i);

      if (!is_party_role (participant->role))
        continue;
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "id", participant->id);
      civic_json_set_string (builder, "name", participant->name);
      civic_json_set_string (builder, "contact", participant->contact);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_hearing_restore_personal:
 * @personal: what civic_hearing_dup_personal() gave
 *
 * Puts the parties' names and contacts back into a hearing read from the
 * feed's masked form.
 */
gboolean
civic_hearing_restore_personal (CivicHearing  *hearing,
                                JsonNode      *personal,
                                GError       **error)
{
  JsonArray *array;

  g_return_val_if_fail (CIVIC_IS_HEARING (hearing), FALSE);

  if (personal == NULL || !JSON_NODE_HOLDS_OBJECT (personal) ||
      !civic_json_get_array (json_node_get_object (personal), "participants", TRUE, &array,
                             error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE,
                     _("A hearing’s personal data must be an object"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      CivicHearingParticipant *participant;
      const char *id, *name, *contact;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !civic_json_get_text (json_node_get_object (node), "id", TRUE, &id, error) ||
          !civic_json_get_text (json_node_get_object (node), "name", TRUE, &name, error) ||
          !civic_json_get_string (json_node_get_object (node), "contact", FALSE, &contact, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE,
                         _("A participant must be an object"));
          return FALSE;
        }
      /* A party the record no longer has: removed since */
      if ((participant = _civic_hearing_lookup_participant (hearing, id, NULL)) == NULL)
        continue;
      g_free (participant->name);
      participant->name = g_strdup (name);
      g_free (participant->contact);
      participant->contact = g_strdup (contact);
    }
  return TRUE;
}

/* A time and a place, in a few words: "2026-03-20 09:00–11:00" */
char *
civic_hearing_describe_slot (CivicHearing *hearing)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (CIVIC_IS_HEARING (hearing), NULL);

  if (hearing->starts_at == NULL || hearing->ends_at == NULL)
    return NULL;

  start = g_date_time_to_timezone (hearing->starts_at, civic_time_zone ());
  end = g_date_time_to_timezone (hearing->ends_at, civic_time_zone ());
  day = g_date_time_format (start, "%Y-%m-%d");
  from = g_date_time_format (start, "%H:%M");
  to = g_date_time_format (end, "%H:%M");
  /* Translators: a hearing's day and hours, "2026-03-20 09:00–11:00" */
  return g_strdup_printf (_("%s %s–%s"), day, from, to);
}

static char *hearing_label (GObject *record);

/**
 * civic_hearing_conflict_describe:
 * @conflict: a clash found for @conflict->a, the hearing being placed
 *
 * Returns: (transfer full): the clash as an official reads it, naming the
 * hearing that has the time: "The room is taken by the Hearing on
 * 湘市监许〔2026〕88号, 2026-10-14 09:00–11:00"
 */
char *
civic_hearing_conflict_describe (const CivicHearingConflict *conflict)
{
  g_autofree char *label = NULL;
  g_autofree char *when = NULL;
  const CivicHearingParticipant *person;
  const char *name;

  g_return_val_if_fail (conflict != NULL, NULL);

  label = hearing_label (G_OBJECT (conflict->b));
  when = civic_hearing_describe_slot (conflict->b);
  /* The person by name: as the hearing placed has them, or — when the
   * slot tried brings them and the hearing does not have them yet, a host
   * being dragged in — as the hearing that has the time does */
  name = NULL;
  for (guint i = 0; name == NULL && i < 2; i++)
    {
      CivicHearing *hearing = i == 0 ? conflict->a : conflict->b;

      person = civic_hearing_find_participant (hearing, conflict->resource_id);
      name = person != NULL ? person->name
           : g_strcmp0 (conflict->resource_id, hearing->host_id) == 0 ? hearing->host_name
           : g_strcmp0 (conflict->resource_id, hearing->clerk_id) == 0 ? hearing->clerk_name
           : NULL;
    }
  if (name == NULL)
    name = conflict->resource_id;

  switch (conflict->kind)
    {
    case CIVIC_HEARING_CONFLICT_ROOM:
      /* Translators: "The room is taken by the Hearing on 湘市监许〔2026〕88号, 2026-10-14 09:00–11:00" */
      return g_strdup_printf (_("The room is taken by the %s, %s"), label, when);
    case CIVIC_HEARING_CONFLICT_HOST:
      return g_strdup_printf (_("%s hosts the %s at that time, %s"), name, label, when);
    case CIVIC_HEARING_CONFLICT_PARTICIPANT:
    default:
      return g_strdup_printf (_("%s takes part in the %s at that time, %s"), name, label, when);
    }
}

/**
 * civic_hearing_check_room:
 * @room: a room as the feed has it: {id, name, building, capacity,
 *   department, unavailable: [{from, to, reason}]}
 *
 * Whether @hearing may be held in @room from @starts to @ends: a room of
 * its department or of the whole hall, with a seat for everyone, not
 * closed then.
 *
 * Returns: (transfer full) (nullable): why not, or %NULL
 */
char *
civic_hearing_check_room (CivicHearing *hearing,
                          JsonObject   *room,
                          GDateTime    *starts,
                          GDateTime    *ends)
{
  const char *name = json_object_get_string_member_with_default (room, "name", "");
  const char *department = json_object_get_string_member_with_default (room, "department", NULL);
  gint64 capacity = json_object_get_int_member_with_default (room, "capacity", 0);
  JsonNode *closed_node = json_object_get_member (room, "unavailable");
  JsonArray *closed = closed_node && JSON_NODE_HOLDS_ARRAY (closed_node)
                      ? json_node_get_array (closed_node) : NULL;
  guint people;

  g_return_val_if_fail (CIVIC_IS_HEARING (hearing), NULL);

  if (department != NULL && g_strcmp0 (department, hearing->department_id) != 0)
    return g_strdup_printf (_("%s belongs to another department"), name);

  people = hearing->participants->len;
  if (hearing->host_id != NULL && _civic_hearing_lookup_participant (hearing, hearing->host_id, NULL) == NULL)
    people++;
  if (hearing->clerk_id != NULL && _civic_hearing_lookup_participant (hearing, hearing->clerk_id, NULL) == NULL)
    people++;
  if (capacity < people)
    return g_strdup_printf (civic_ngettext ("%s seats %d and the hearing has %u person",
                                            "%s seats %d and the hearing has %u people", people),
                            name, (int) CLAMP (capacity, 0, G_MAXINT), people);

  for (guint i = 0; closed != NULL && starts != NULL && i < json_array_get_length (closed); i++)
    {
      JsonObject *period = json_array_get_object_element (closed, i);
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;

      if (period == NULL)
        continue;
      from = civic_time_parse (json_object_get_string_member_with_default (period, "from", ""));
      to = civic_time_parse (json_object_get_string_member_with_default (period, "to", ""));
      if (from != NULL && to != NULL && g_date_time_compare (starts, to) < 0 &&
          g_date_time_compare (ends ? ends : starts, from) > 0)
        /* Translators: a room closed: "省政务服务中心听证室一 is closed then: 装修" */
        return g_strdup_printf (_("%s is closed then: %s"), name,
                                json_object_get_string_member_with_default (period, "reason", ""));
    }
  return NULL;
}

/* Documents */

GPtrArray *
civic_hearing_get_documents (CivicHearing *hearing)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (hearing), NULL);
  return hearing->documents;
}

/**
 * civic_hearing_set_document_issued:
 *
 * Records what the service gave a draft document of the hearing when it
 * issued it: its number, its code, its PDF's hash and size.
 */
gboolean
civic_hearing_set_document_issued (CivicHearing *hearing,
                                   const char   *id,
                                   const char   *title,
                                   const char   *number,
                                   const char   *code,
                                   const char   *sha256,
                                   gint64        size)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (hearing), FALSE);

  for (guint i = 0; i < hearing->documents->len; i++)
    {
      CivicCaseDocument *document = g_ptr_array_index (hearing->documents, i);

      if (g_strcmp0 (document->id, id) != 0)
        continue;
      g_free (document->title);
      document->title = g_strdup (title);
      g_free (document->number);
      document->number = g_strdup (number);
      g_free (document->code);
      document->code = g_strdup (code);
      g_free (document->sha256);
      document->sha256 = g_strdup (sha256);
      document->size = size;
      return TRUE;
    }
  return FALSE;
}

/* A draft of @kind, issued by the command that made it: its id the
 * command's, with the party's for a notice */
static void
add_draft (CivicHearing               *hearing,
           CivicDocumentKind           kind,
           const char                 *subject,
           const CivicWorkflowContext *context)
{
  CivicCaseDocument *document = g_new0 (CivicCaseDocument, 1);

  document->id = subject ? g_strdup_printf ("%s.%s", context->command_id, subject)
                         : g_strdup_printf ("%s.%s", context->command_id,
                                            civic_document_kind_to_string (kind));
  document->kind = kind;
  document->language = CIVIC_DOCUMENT_LANGUAGE_ZH;
  document->issued_on = civic_time_day_of (context->now);
  document->at = g_date_time_ref (context->now);
  document->by_id = g_strdup (context->actor->id);
  document->by_name = g_strdup (context->actor->name);
  document->title = g_strdup (civic_document_kind_get_label (kind));
  document->subject = g_strdup (subject);
  g_ptr_array_add (hearing->documents, document);
}

static const char *
role_text (CivicHearingRole       role,
           CivicDocumentLanguage  language)
{
  static const char * const zh[] = { "申请人", "利害关系人", "审查人员", "听证主持人", "记录员",
                                     "证人", "委托代理人" };
  static const char * const en[] = { "applicant", "interested party", "examiner", "host", "clerk",
                                     "witness", "agent" };

  if ((guint) role >= G_N_ELEMENTS (zh))
    return "";
  return language == CIVIC_DOCUMENT_LANGUAGE_EN ? en[role] : zh[role];
}

static const char *
publicity_text (CivicHearingPublicity  publicity,
                CivicDocumentLanguage  language)
{
  static const char * const zh[] = { "公开举行", "不公开举行（涉及国家秘密）",
                                     "不公开举行（涉及商业秘密）", "不公开举行（涉及个人隐私）",
                                     "不公开举行" };
  static const char * const en[] = { "in public", "in private (a state secret)",
                                     "in private (a trade secret)", "in private (personal privacy)",
                                     "in private" };

  if ((guint) publicity >= G_N_ELEMENTS (zh))
    return "";
  return language == CIVIC_DOCUMENT_LANGUAGE_EN ? en[publicity] : zh[publicity];
}

static void
put_value (GHashTable *values,
           const char *name,
           const char *value)
{
  if (value != NULL)
    g_hash_table_insert (values, g_strdup (name), g_strdup (value));
}

/**
 * civic_hearing_document_values:
 * @room: (nullable): the hearing's room, as the feed has it
 *
 * The words a template of @document's kind is filled with: the hearing's
 * time and place, who hosts and keeps the record, the party a notice is
 * addressed to, the record and its signatures.
 *
 * Returns: (transfer full) (element-type utf8 utf8)
 */
GHashTable *
civic_hearing_document_values (CivicHearing            *hearing,
                               const CivicCaseDocument *document,
                               JsonObject              *department,
                               JsonObject              *room,
                               GError                 **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CivicDocumentLanguage language = document->language;
  gboolean english = language == CIVIC_DOCUMENT_LANGUAGE_EN;
  g_autoptr(GString) numbers = g_string_new (NULL);
  const char *name;

  g_return_val_if_fail (CIVIC_IS_HEARING (hearing), NULL);

  name = department ? json_object_get_string_member_with_default (department,
                                                                  english ? "name_en" : "name",
                                                                  NULL) : NULL;
  if (name == NULL && department != NULL)
    name = json_object_get_string_member_with_default (department, "name", NULL);
  if (name == NULL)
    {
      g_set_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_RECORD,
                   _("The issuing department has no name"));
      return NULL;
    }
  put_value (values, "department.name", name);
  put_value (values, "department.short",
             json_object_get_string_member_with_default (department, "short", name));
  put_value (values, "document.number",
             document->number ? document->number : english ? "[number pending]" : "〔待编号〕");
  for (guint i = 0; i < hearing->cases->len; i++)
    {
      const CivicHearingCase *heard = g_ptr_array_index (hearing->cases, i);

      g_string_append_printf (numbers, "%s%s", i > 0 ? (english ? ", " : "、") : "",
                              heard->number ? heard->number : heard->id);
    }
  put_value (values, "case.number", numbers->str);
  put_value (values, "item.name", hearing->matter);
  put_value (values, "hearing.matter", hearing->matter);
  g_hash_table_insert (values, g_strdup ("issued_on"),
                       civic_document_format_date (document->issued_on, language));
  put_value (values, "hearing.host", hearing->host_name);
  /* Without a clerk, the host keeps the record */
  put_value (values, "hearing.clerk", hearing->clerk_name ? hearing->clerk_name : hearing->host_name);
  put_value (values, "hearing.video_link", hearing->video_link);
  put_value (values, "hearing.publicity", publicity_text (hearing->publicity, language));
  put_value (values, "hearing.article", hearing->kind == CIVIC_HEARING_KIND_EX_OFFICIO
                                        ? (english ? "Article 46" : "第四十六条")
                                        : (english ? "Article 47" : "第四十七条"));

  if (hearing->starts_at != NULL && hearing->ends_at != NULL)
    {
      g_autoptr(GDateTime) start = g_date_time_to_timezone (hearing->starts_at, civic_time_zone ());
      g_autoptr(GDateTime) end = g_date_time_to_timezone (hearing->ends_at, civic_time_zone ());
      g_autofree char *from = g_strdup_printf (english ? "%02d:%02d" : "%d时%02d分",
                                               g_date_time_get_hour (start),
                                               g_date_time_get_minute (start));
      g_autofree char *to = g_strdup_printf (english ? "%02d:%02d" : "%d时%02d分",
                                             g_date_time_get_hour (end), g_date_time_get_minute (end));

      g_hash_table_insert (values, g_strdup ("hearing.day"),
                           civic_document_format_date (civic_time_day_of (start), language));
      g_hash_table_insert (values, g_strdup ("hearing.time"),
                           g_strdup_printf (english ? "%s to %s" : "%s至%s", from, to));
    }
  if (room != NULL)
    {
      const char *room_name = json_object_get_string_member_with_default (room, "name", "");
      const char *building = json_object_get_string_member_with_default (room, "building", NULL);

      g_hash_table_insert (values, g_strdup ("hearing.place"),
                           building ? g_strdup_printf (english ? "%s, %s" : "%s%s", building, room_name)
                                    : g_strdup (room_name));
    }

  if (document->subject != NULL)
    {
      const CivicHearingParticipant *party = _civic_hearing_lookup_participant (hearing,
                                                                               document->subject,
                                                                               NULL);

      if (party == NULL)
        {
          g_set_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_RECORD,
                       _("The notice is addressed to a participant the hearing no longer has"));
          return NULL;
        }
      put_value (values, "party.name", party->name);
      put_value (values, "party.role", role_text (party->role, language));
    }

  {
    g_autoptr(GString) people = g_string_new (NULL);
    g_autoptr(GString) signatures = g_string_new (NULL);

    for (guint i = 0; i < hearing->participants->len; i++)
      {
        const CivicHearingParticipant *participant = g_ptr_array_index (hearing->participants, i);
        g_autofree char *signed_on = participant->signed_on != CIVIC_DAY_INVALID
          ? civic_document_format_date (participant->signed_on, language) : NULL;

        if (participant->role == CIVIC_HEARING_ROLE_EXAMINER)
          put_value (values, "hearing.examiner", participant->name);
        g_string_append_printf (people, english ? "%s%s (%s)" : "%s%s（%s）",
                                i > 0 ? (english ? "; " : "；") : "", participant->name,
                                role_text (participant->role, language));
        if (participant->refused_on != CIVIC_DAY_INVALID)
          g_string_append_printf (signatures, english ? "%s%s refused to sign: %s" : "%s%s拒绝签字：%s",
                                  signatures->len > 0 ? "\n" : "", participant->name,
                                  participant->refusal_note);
        else if (signed_on != NULL)
          g_string_append_printf (signatures, english ? "%s%s %s on %s" : "%s%s于%s%s",
                                  signatures->len > 0 ? "\n" : "", participant->name,
                                  english ? (participant->sealed ? "sealed" : "signed") : signed_on,
                                  english ? signed_on : (participant->sealed ? "盖章" : "签字"));
      }
    put_value (values, "hearing.participants", people->str);
    if (signatures->len > 0)
      put_value (values, "hearing.signatures", signatures->str);
  }
  put_value (values, "hearing.record", hearing->record_summary);

  return g_steal_pointer (&values);
}

/* Arguments */

static gboolean
argument_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == CIVIC_JSON_ERROR)
    (*error)->domain = CIVIC_WORKFLOW_ERROR, (*error)->code = CIVIC_WORKFLOW_ERROR_ARGUMENT;
  return FALSE;
}

/* The procedure's refusals, as the command path reports a rule's */
static gboolean
procedure_error (GError **error)
{
  if (error == NULL || *error == NULL || (*error)->domain != CIVIC_HEARING_ERROR)
    return FALSE;

  switch ((*error)->code)
    {
    case CIVIC_HEARING_ERROR_INVALID:
    case CIVIC_HEARING_ERROR_NOT_FOUND:
      (*error)->code = CIVIC_WORKFLOW_ERROR_ARGUMENT;
      break;
    case CIVIC_HEARING_ERROR_STATE:
      (*error)->code = CIVIC_WORKFLOW_ERROR_STATE;
      break;
    case CIVIC_HEARING_ERROR_RULE:
    default:
      (*error)->code = CIVIC_WORKFLOW_ERROR_RULE;
      break;
    }
  (*error)->domain = CIVIC_WORKFLOW_ERROR;
  return FALSE;
}

static gboolean
get_text (JsonObject  *args,
          const char  *member,
          gboolean     required,
          const char **out,
          GError     **error)
{
  if (!(required ? civic_json_get_text (args, member, TRUE, out, error)
                 : civic_json_get_string (args, member, FALSE, out, error)))
    return argument_error (error);
  if (*out != NULL && strlen (*out) > 4000)
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

/* A day something happened: today unless given, never in the future */
static gboolean
get_past_day (JsonObject                 *args,
              const char                 *member,
              const CivicWorkflowContext *context,
              CivicDay                   *out,
              GError                    **error)
{
  CivicDay today = civic_time_day_of (context->now);

  if (!civic_json_get_day (args, member, FALSE, out, error))
    return argument_error (error);
  if (*out == CIVIC_DAY_INVALID)
    *out = today;
  if (*out > today)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” cannot be in the future"),
                   member);
  return TRUE;
}

/* "09:30" on @day, in the hall's time zone */
static GDateTime *
get_time (JsonObject  *args,
          const char  *member,
          CivicDay     day,
          GError     **error)
{
  const char *text;
  int hour, minute, year, month, mday;
  char extra;

  if (!get_text (args, member, TRUE, &text, error))
    return NULL;
  if (sscanf (text, "%2d:%2d%c", &hour, &minute, &extra) != 2 ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("“%s” is not a time of day such as 09:30"), text);
      return NULL;
    }
  civic_day_to_ymd (day, &year, &month, &mday);
  return g_date_time_new (civic_time_zone (), year, month, mday, hour, minute, 0);
}

/* An official of the hearing's department with @roles, from the directory */
static CivicActor *
named_official (CivicHearing               *hearing,
                const char                 *id,
                CivicRole                   roles,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  return civic_workflow_named_official (context, id, hearing->department_id,
                                        _("the department that holds the hearing"), roles, error);
}

/* The rules that need no arguments */

static gboolean
is_at_the_hearing (CivicHearing     *hearing,
                   const CivicActor *actor,
                   AtTheHearing      who)
{
  switch (who)
    {
    case HOST:
      return g_strcmp0 (actor->id, hearing->host_id) == 0;
    case HOST_OR_CLERK:
      return g_strcmp0 (actor->id, hearing->host_id) == 0 ||
             g_strcmp0 (actor->id, hearing->clerk_id) == 0;
    case ANYONE:
    default:
      return TRUE;
    }
}

static gboolean
has_pending_recusal (CivicHearing *hearing)
{
  for (guint i = 0; i < hearing->recusals->len; i++)
    if (((CivicHearingRecusal *) g_ptr_array_index (hearing->recusals, i))->decision ==
        CIVIC_HEARING_RECUSAL_PENDING)
      return TRUE;
  return FALSE;
}

static gboolean
has_signature (CivicHearing *hearing)
{
  for (guint i = 0; i < hearing->participants->len; i++)
    {
      const CivicHearingParticipant *participant = g_ptr_array_index (hearing->participants, i);

      if (participant->signed_on != CIVIC_DAY_INVALID || participant->refused_on != CIVIC_DAY_INVALID)
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_preconditions (CivicHearing               *hearing,
                     CivicHearingAction          action,
                     const CivicWorkflowContext *context,
                     GError                    **error)
{
  switch (action)
    {
    case CIVIC_HEARING_ACTION_DECIDE_RECUSAL:
      if (!has_pending_recusal (hearing))
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("No recusal request is pending"));
      return TRUE;
    case CIVIC_HEARING_ACTION_WITHDRAW:
      if (hearing->kind != CIVIC_HEARING_KIND_ON_REQUEST)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("This hearing is held ex officio (Art. 46 of the Administrative "
                         "Licensing Law); nobody's request can be withdrawn, it can only be "
                         "cancelled"));
      return TRUE;
    case CIVIC_HEARING_ACTION_WRITE_RECORD:
      if (has_signature (hearing))
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("The record has been signed; its text can no longer change"));
      return TRUE;
    case CIVIC_HEARING_ACTION_SIGN_RECORD:
    case CIVIC_HEARING_ACTION_CLOSE:
      if (hearing->record_summary == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("The record has no text yet; write it before it is signed"));
      return TRUE;
    case CIVIC_HEARING_ACTION_ADD_PARTY:
    case CIVIC_HEARING_ACTION_SCHEDULE:
    case CIVIC_HEARING_ACTION_NOTIFY:
    case CIVIC_HEARING_ACTION_POSTPONE:
    case CIVIC_HEARING_ACTION_REQUEST_RECUSAL:
    case CIVIC_HEARING_ACTION_CANCEL:
    case CIVIC_HEARING_ACTION_HOLD:
    default:
      return TRUE;
    }
}

static gboolean
hearing_check_action (CivicHearing               *hearing,
                      CivicHearingAction          action,
                      const CivicWorkflowContext *context,
                      GError                    **error)
{
  const CivicActor *actor = context->actor;

  if ((guint) action >= CIVIC_N_HEARING_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));

  if (!(rules[action].states & (1u << hearing->state)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   /* Translators: "“Send Notice” is not possible while the hearing is “Held”" */
                   _("“%s” is not possible while the hearing is “%s”"),
                   civic_hearing_action_get_label (action),
                   civic_hearing_state_get_label (hearing->state));

  if (!civic_actor_has_role (actor, rules[action].roles))
    {
      g_autofree char *roles = civic_roles_to_string (rules[action].roles);

      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("“%s” is for these roles: %s"),
                     civic_hearing_action_get_label (action), roles);
    }

  if (g_strcmp0 (actor->department_id, hearing->department_id) != 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only the department that holds the hearing acts on it"));

  if (!is_at_the_hearing (hearing, actor, rules[action].at_the_hearing))
    return rules[action].at_the_hearing == HOST
           ? refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                     /* Translators: "Only the host 王强 opens and closes this hearing" */
                     _("Only the host %s opens and closes this hearing"),
                     hearing->host_name ? hearing->host_name : "")
           : refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                     /* Translators: "Only the host 王强 or the clerk of this hearing …" */
                     _("Only the host %s or the clerk of this hearing keeps its record"),
                     hearing->host_name ? hearing->host_name : "");

  return check_preconditions (hearing, action, context, error);
}

/* Applying */

static gboolean
apply_add_party (CivicHearing               *hearing,
                 JsonObject                 *args,
                 const CivicWorkflowContext *context,
                 GError                    **error)
{
  const char *name, *contact, *represents;
  int role;

  if (!get_enum (args, "role", TRUE, CIVIC_TYPE_HEARING_ROLE, &role, error) ||
      !get_text (args, "name", TRUE, &name, error) ||
      !get_text (args, "contact", FALSE, &contact, error) ||
      !get_text (args, "represents", FALSE, &represents, error))
    return FALSE;

  if (!is_party_role (role))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The officials of the hearing come with its scheduling; a party is the "
                     "applicant, an interested party, an agent or a witness"));
  if (role != CIVIC_HEARING_ROLE_AGENT && represents != NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Only an agent acts for someone"));
  if (role == CIVIC_HEARING_ROLE_AGENT && represents == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Say whom the agent acts for"));

  /* The party's id is the command's: the same on the client and the
   * service, and once only */
  if (context->command_id == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("The command has no id"));

  if (!civic_hearing_add_participant (hearing, context->command_id, name, role, error) ||
      ((contact != NULL || represents != NULL) &&
       !civic_hearing_set_party_contact (hearing, context->command_id, contact, represents,
                                         error)))
    return procedure_error (error);
  return TRUE;
}

static gboolean
set_officials (CivicHearing               *hearing,
               const CivicActor           *host,
               const char                 *clerk_id,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  g_autoptr(CivicActor) clerk = NULL;

  if (clerk_id == NULL)
    return TRUE;

  clerk = named_official (hearing, clerk_id, CIVIC_ROLES_CASEWORK, context, error);
  if (clerk == NULL)
    return FALSE;
  if (g_strcmp0 (clerk->id, host->id) == 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The host cannot also keep the record; choose another clerk"));
  return civic_hearing_set_clerk (hearing, clerk->id, clerk->name, error) ||
         procedure_error (error);
}

/* Art. 48(4): the examiner presents the review's evidence and reasons; one
 * of those who examined a case heard */
static gboolean
set_presenter (CivicHearing               *hearing,
               const char                 *presenter_id,
               const char * const         *examiners,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  g_autoptr(CivicActor) presenter = NULL;

  if (presenter_id == NULL || _civic_hearing_lookup_participant (hearing, presenter_id, NULL))
    return TRUE;

  presenter = named_official (hearing, presenter_id, CIVIC_ROLE_EXAMINER, context, error);
  if (presenter == NULL)
    return FALSE;
  if (!g_strv_contains (examiners, presenter->id))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("%s did not examine a case of this hearing; the examiner who did presents "
                     "the evidence (Art. 48(4) of the Administrative Licensing Law)"),
                   presenter->name);
  return civic_hearing_add_participant (hearing, presenter->id, presenter->name,
                                        CIVIC_HEARING_ROLE_EXAMINER, error) ||
         procedure_error (error);
}

static gboolean
apply_schedule (CivicHearing               *hearing,
                JsonObject                 *args,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  g_autoptr(CivicActor) host = NULL;
  g_autoptr(GDateTime) starts_at = NULL;
  g_autoptr(GDateTime) ends_at = NULL;
  g_auto(GStrv) examiners = civic_hearing_dup_examiner_ids (hearing);
  const char *room_id, *host_id, *clerk_id, *presenter_id, *closed_reason, *video_link;
  int publicity = CIVIC_HEARING_PUBLIC;
  CivicHearingSlot slot;
  CivicDay day;

  if (!get_text (args, "room", TRUE, &room_id, error) ||
      !civic_json_get_day (args, "day", TRUE, &day, error) ||
      !get_text (args, "host", TRUE, &host_id, error) ||
      !get_text (args, "clerk", FALSE, &clerk_id, error) ||
      !get_text (args, "presenter", FALSE, &presenter_id, error) ||
      !get_enum (args, "publicity", FALSE, CIVIC_TYPE_HEARING_PUBLICITY, &publicity, error) ||
      !get_text (args, "closed_reason", FALSE, &closed_reason, error) ||
      !get_text (args, "video_link", FALSE, &video_link, error))
    return argument_error (error);

  if ((starts_at = get_time (args, "starts", day, error)) == NULL ||
      (ends_at = get_time (args, "ends", day, error)) == NULL)
    return FALSE;

  host = named_official (hearing, host_id, CIVIC_ROLE_HEARING_OFFICER, context, error);
  if (host == NULL)
    return FALSE;

  slot = (CivicHearingSlot) { room_id, host->id, host->name, starts_at, ends_at };
  if (!set_officials (hearing, host, clerk_id, context, error) ||
      !set_presenter (hearing, presenter_id, (const char * const *) examiners, context, error) ||
      !civic_hearing_set_publicity (hearing, publicity, closed_reason, error) ||
      !civic_hearing_set_video_link (hearing, video_link, error) ||
      !civic_hearing_schedule (hearing, &slot, (const char * const *) examiners, context->calendar,
                               context->hearing_policy, civic_time_day_of (context->now), error))
    return procedure_error (error);
  return TRUE;
}

static gboolean
apply_notify (CivicHearing               *hearing,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  int method;
  CivicDay on;

  if (!get_enum (args, "method", TRUE, CIVIC_TYPE_HEARING_NOTICE_METHOD, &method, error) ||
      !get_past_day (args, "notified_on", context, &on, error))
    return FALSE;
  if (method == CIVIC_HEARING_NOTICE_NONE)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Say how the notice reached the parties"));

  {
    CivicDay announced = hearing->announced_on;
    g_autoptr(GPtrArray) waiting = g_ptr_array_new ();

    for (guint i = 0; i < hearing->participants->len; i++)
      {
        CivicHearingParticipant *participant = g_ptr_array_index (hearing->participants, i);

        if (participant->notified_on == CIVIC_DAY_INVALID)
          g_ptr_array_add (waiting, participant);
      }
    if (!civic_hearing_notify (hearing, on, method, context->calendar, context->hearing_policy,
                               error))
      return procedure_error (error);

    /* A notice to each party it reached now (Art. 48 ¶1(1)); an ex officio
     * hearing's announcement, the day it is announced (Art. 46) */
    for (guint i = 0; context->command_id != NULL && i < waiting->len; i++)
      {
        CivicHearingParticipant *participant = g_ptr_array_index (waiting, i);

        if (participant->notified_on != CIVIC_DAY_INVALID)
          add_draft (hearing, CIVIC_DOCUMENT_HEARING_NOTICE, participant->id, context);
      }
    if (context->command_id != NULL && announced == CIVIC_DAY_INVALID &&
        hearing->announced_on != CIVIC_DAY_INVALID)
      add_draft (hearing, CIVIC_DOCUMENT_HEARING_ANNOUNCEMENT, NULL, context);
    return TRUE;
  }
}

/* A participant named by id in @member */
static const CivicHearingParticipant *
get_participant (CivicHearing  *hearing,
                 JsonObject    *args,
                 const char    *member,
                 GError       **error)
{
  const CivicHearingParticipant *participant;
  const char *id;

  if (!get_text (args, member, TRUE, &id, error))
    return NULL;
  if ((participant = _civic_hearing_lookup_participant (hearing, id, NULL)) == NULL)
    refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
            _("No participant with the ID “%s” takes part in this hearing"), id);
  return participant;
}

static gboolean
apply_request_recusal (CivicHearing               *hearing,
                       JsonObject                 *args,
                       const CivicWorkflowContext *context,
                       GError                    **error)
{
  const CivicHearingParticipant *by;
  const char *reason;
  CivicDay on;

  if ((by = get_participant (hearing, args, "by", error)) == NULL ||
      !get_text (args, "reason", TRUE, &reason, error) ||
      !get_past_day (args, "received_on", context, &on, error))
    return FALSE;

  return civic_hearing_request_recusal (hearing, by->id, reason, on, error) ||
         procedure_error (error);
}

static gboolean
apply_decide_recusal (CivicHearing               *hearing,
                      JsonObject                 *args,
                      const CivicWorkflowContext *context,
                      GError                    **error)
{
  g_autoptr(CivicActor) host = NULL;
  g_auto(GStrv) examiners = civic_hearing_dup_examiner_ids (hearing);
  const char *note, *host_id, *number;
  guint64 request = 0;
  int decision;

  if (!get_text (args, "request", FALSE, &number, error) ||
      !get_enum (args, "decision", TRUE, CIVIC_TYPE_HEARING_RECUSAL_DECISION, &decision, error) ||
      !get_text (args, "note", FALSE, &note, error) ||
      !get_text (args, "host", FALSE, &host_id, error))
    return FALSE;

  /* The request by its number, in the order filed */
  if (number != NULL &&
      (!g_ascii_string_to_unsigned (number, 10, 1, hearing->recusals->len, &request, NULL)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("There is no recusal request number %s"),
                   number);

  /* Without a number, the first request still pending */
  if (request == 0)
    for (guint i = 0; request == 0 && i < hearing->recusals->len; i++)
      if (((CivicHearingRecusal *) g_ptr_array_index (hearing->recusals, i))->decision ==
          CIVIC_HEARING_RECUSAL_PENDING)
        request = i + 1;

  /* Art. 48(3): the host steps down and another takes the chair, in the
   * same decision: a hearing is never left without a lawful host */
  if (decision == CIVIC_HEARING_RECUSAL_GRANTED)
    {
      if (host_id == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("Granting the recusal, name the host who takes over"));
      host = named_official (hearing, host_id, CIVIC_ROLE_HEARING_OFFICER, context, error);
      if (host == NULL)
        return FALSE;
    }
  else if (host_id != NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A refused recusal leaves the host in the chair"));

  if (!civic_hearing_decide_recusal (hearing, request - 1, decision, context->actor->id,
                                     civic_time_day_of (context->now), note, error) ||
      (host != NULL &&
       !civic_hearing_replace_host (hearing, host->id, host->name,
                                    (const char * const *) examiners, error)))
    return procedure_error (error);
  return TRUE;
}

static gboolean
apply_withdraw (CivicHearing               *hearing,
                JsonObject                 *args,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  const CivicHearingParticipant *by;
  const char *reason;
  CivicDay on;

  if ((by = get_participant (hearing, args, "by", error)) == NULL ||
      !get_text (args, "reason", TRUE, &reason, error) ||
      !get_past_day (args, "withdrawn_on", context, &on, error))
    return FALSE;

  return civic_hearing_withdraw (hearing, by->id, on, reason, error) || procedure_error (error);
}

static gboolean
apply_sign_record (CivicHearing               *hearing,
                   JsonObject                 *args,
                   const CivicWorkflowContext *context,
                   GError                    **error)
{
  const CivicHearingParticipant *participant;
  const char *note;
  int signature;
  CivicDay today = civic_time_day_of (context->now);

  if ((participant = get_participant (hearing, args, "participant", error)) == NULL ||
      !get_enum (args, "signature", TRUE, CIVIC_TYPE_HEARING_SIGNATURE, &signature, error) ||
      !get_text (args, "note", FALSE, &note, error))
    return FALSE;

  if (signature == CIVIC_HEARING_SIGNATURE_REFUSED)
    return civic_hearing_refuse_to_sign (hearing, participant->id, today, note, error) ||
           procedure_error (error);
  return civic_hearing_sign_record (hearing, participant->id, today,
                                    signature == CIVIC_HEARING_SIGNATURE_SEALED, error) ||
         procedure_error (error);
}

/* One hearing for several applications on the same matter: the case is
 * named by its number; the service finds it, checks it waits for a
 * hearing of this department, adds it with its parties and examiners and
 * lets its own hearing go (civic-hearing-records.c) */
static gboolean
apply_join (CivicHearing  *hearing,
            JsonObject    *args,
            GError       **error)
{
  const char *number;

  if (!get_text (args, "case_number", TRUE, &number, error))
    return FALSE;
  for (guint i = 0; i < hearing->cases->len; i++)
    if (g_strcmp0 (((CivicHearingCase *) g_ptr_array_index (hearing->cases, i))->number, number) == 0)
      return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The hearing already hears case %s"),
                     number);
  if (hearing->joining != NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("Case %s is still joining the hearing; wait until the service adds it"),
                   hearing->joining);
  civic_hearing_set_joining (hearing, number);
  return TRUE;
}

static gboolean
apply_action (CivicHearing               *hearing,
              CivicHearingAction          action,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  g_auto(GStrv) examiners = civic_hearing_dup_examiner_ids (hearing);
  CivicDay today = civic_time_day_of (context->now);
  const char *text;

  switch (action)
    {
    case CIVIC_HEARING_ACTION_ADD_PARTY:
      return apply_add_party (hearing, args, context, error);
    case CIVIC_HEARING_ACTION_SCHEDULE:
      return apply_schedule (hearing, args, context, error);
    case CIVIC_HEARING_ACTION_NOTIFY:
      return apply_notify (hearing, args, context, error);
    case CIVIC_HEARING_ACTION_POSTPONE:
      return get_text (args, "reason", TRUE, &text, error) &&
             (civic_hearing_postpone (hearing, today, text, error) || procedure_error (error));
    case CIVIC_HEARING_ACTION_REQUEST_RECUSAL:
      return apply_request_recusal (hearing, args, context, error);
    case CIVIC_HEARING_ACTION_DECIDE_RECUSAL:
      return apply_decide_recusal (hearing, args, context, error);
    case CIVIC_HEARING_ACTION_WITHDRAW:
      return apply_withdraw (hearing, args, context, error);
    case CIVIC_HEARING_ACTION_CANCEL:
      return get_text (args, "reason", TRUE, &text, error) &&
             (civic_hearing_cancel (hearing, today, text, error) || procedure_error (error));
    case CIVIC_HEARING_ACTION_HOLD:
      return civic_hearing_mark_held (hearing, (const char * const *) examiners, context->calendar,
                                      context->hearing_policy, today, error) ||
             procedure_error (error);
    case CIVIC_HEARING_ACTION_WRITE_RECORD:
      return get_text (args, "text", TRUE, &text, error) &&
             (civic_hearing_set_record_summary (hearing, text, error) || procedure_error (error));
    case CIVIC_HEARING_ACTION_SIGN_RECORD:
      return apply_sign_record (hearing, args, context, error);
    case CIVIC_HEARING_ACTION_JOIN:
      return apply_join (hearing, args, error);
    case CIVIC_HEARING_ACTION_CLOSE:
      if (!civic_hearing_conclude (hearing, today, error))
        return procedure_error (error);
      /* The record as signed, a document of its own (Art. 48 ¶1(5)) */
      if (context->command_id != NULL)
        add_draft (hearing, CIVIC_DOCUMENT_HEARING_RECORD, NULL, context);
      return TRUE;
    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The kind */

static gboolean
hearing_action_from_string (const char *name,
                            guint      *action)
{
  int value;

  if (!civic_enum_from_nick (CIVIC_TYPE_HEARING_ACTION, name, &value))
    return FALSE;
  *action = value;
  return TRUE;
}

static const char *
hearing_action_to_string (guint action)
{
  return civic_enum_to_nick (CIVIC_TYPE_HEARING_ACTION, action);
}

static const char *
hearing_action_label (guint action)
{
  return civic_hearing_action_get_label (action);
}

static const char *
hearing_past_tense (const char *name)
{
  guint action;

  if (!hearing_action_from_string (name, &action))
    return NULL;
  return past_tense (action);
}

static const CivicArgument *
hearing_arguments (guint action)
{
  return civic_hearing_action_get_arguments (action);
}

static CivicActionWeight
hearing_weight (guint action)
{
  switch ((CivicHearingAction) action)
    {
    case CIVIC_HEARING_ACTION_CANCEL:
    case CIVIC_HEARING_ACTION_WITHDRAW:
    case CIVIC_HEARING_ACTION_POSTPONE:
      return CIVIC_WEIGHT_DESTRUCTIVE;
    case CIVIC_HEARING_ACTION_SCHEDULE:
    case CIVIC_HEARING_ACTION_DECIDE_RECUSAL:
    case CIVIC_HEARING_ACTION_CLOSE:
      return CIVIC_WEIGHT_DELIBERATE;
    default:
      return CIVIC_WEIGHT_ROUTINE;
    }
}

/* Adding a party or filing a party's recusal request still makes sense on
 * a hearing that changed since; moving or holding it does not */
static gboolean
hearing_safe_when_stale (guint action)
{
  return action == CIVIC_HEARING_ACTION_ADD_PARTY ||
         action == CIVIC_HEARING_ACTION_REQUEST_RECUSAL;
}

static GObject *
hearing_from_json (JsonNode  *node,
                   GError   **error)
{
  return G_OBJECT (civic_hearing_new_from_json (node, error));
}

static const char *
hearing_get_id (GObject *record)
{
  return civic_hearing_get_id (CIVIC_HEARING (record));
}

static gint64
hearing_get_rev (GObject *record)
{
  return civic_hearing_get_rev (CIVIC_HEARING (record));
}

static void
hearing_set_rev (GObject *record,
                 gint64   rev)
{
  civic_hearing_set_rev (CIVIC_HEARING (record), rev);
}

static char *
hearing_label (GObject *record)
{
  CivicHearing *hearing = CIVIC_HEARING (record);
  const CivicHearingCase *first = g_ptr_array_index (hearing->cases, 0);

  /* Translators: a hearing, by the case it hears: "Hearing on 湘市监许〔2026〕12号" */
  return g_strdup_printf (_("Hearing on %s"), first->number ? first->number : first->id);
}

static char *
hearing_headline (GObject *record)
{
  CivicHearing *hearing = CIVIC_HEARING (record);
  g_autofree char *label = hearing_label (record);

  if (hearing->matter == NULL)
    return g_steal_pointer (&label);
  /* Translators: the hearing, then its matter */
  return g_strdup_printf (_("%s — %s"), label, hearing->matter);
}

static char *
hearing_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u hearing. Each is checked by the rules on its own.",
                                          "For %u hearings. Each is checked by the rules on its own.",
                                          n_records), n_records);
}

static char *
hearing_describe (GObject *record)
{
  CivicHearing *hearing = CIVIC_HEARING (record);
  const char *state = civic_hearing_state_get_label (hearing->state);
  g_autofree char *slot = civic_hearing_describe_slot (hearing);

  /* Translators: a hearing's state, and its day and hours */
  return slot != NULL ? g_strdup_printf (_("%s, %s"), state, slot) : g_strdup (state);
}

static char *
hearing_kind_to_feed_json (GObject       *record,
                           CivicCalendar *calendar,
                           CivicDay       today)
{
  return civic_hearing_to_feed_json (CIVIC_HEARING (record));
}

static gboolean
hearing_check (GObject                    *record,
               guint                       action,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_HEARING (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  return hearing_check_action (CIVIC_HEARING (record), action, context, error);
}

static GArray *
hearing_list_actions (GObject                    *record,
                      const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicHearingAction));

  for (guint i = 0; i < CIVIC_N_HEARING_ACTIONS; i++)
    {
      CivicHearingAction action = i;

      if (hearing_check_action (CIVIC_HEARING (record), action, context, NULL))
        g_array_append_val (actions, action);
    }
  return actions;
}

/* Every change is tried on a copy: a refused one leaves the record as it
 * was */
/* Art. 47: a hearing asked for is held within the period from the
 * request; one cancelled or withdrawn owes nothing */
static gboolean
hearing_supervise (GObject                *record,
                   CivicCalendar          *calendar,
                   CivicDay                today,
                   CivicSupervisionSource *out)
{
  CivicHearing *hearing = CIVIC_HEARING (record);
  const CivicHearingPeriod *period = &civic_hearing_policy_get_default ()->organise_within;
  CivicHearingState state = civic_hearing_get_state (hearing);
  CivicDay requested_on = civic_hearing_get_requested_on (hearing);
  g_autoptr(CivicClock) clock = NULL;

  if (requested_on == CIVIC_DAY_INVALID || state == CIVIC_HEARING_STATE_CANCELLED ||
      state == CIVIC_HEARING_STATE_WITHDRAWN)
    return FALSE;

  clock = civic_clock_new (CIVIC_CLOCK_KIND_HEARING_ORGANISE, CIVIC_CLOCK_TRIGGER_REQUESTED,
                           requested_on, period->unit, period->length, "all-47");
  if ((state == CIVIC_HEARING_STATE_HELD || state == CIVIC_HEARING_STATE_RECORD_SIGNED) &&
      civic_hearing_get_starts_at (hearing) != NULL)
    civic_clock_complete (clock, MAX (requested_on,
                                      civic_time_day_of (civic_hearing_get_starts_at (hearing))),
                          NULL);

  out->department_id = g_strdup (civic_hearing_get_department_id (hearing));
  out->subject = g_strdup ("");
  out->title = g_strdup (civic_hearing_get_matter (hearing));
  out->now = civic_clock_copy (clock);
  out->main = g_steal_pointer (&clock);
  out->deemed_on = CIVIC_DAY_INVALID;
  return TRUE;
}

static GObject *
hearing_apply (GObject                    *record,
               guint                       action,
               JsonObject                 *args,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  g_autoptr(CivicHearing) next = NULL;

  if (!hearing_check (record, action, context, error))
    return NULL;

  next = civic_hearing_copy (CIVIC_HEARING (record));
  if (!apply_action (next, action, args, context, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&next));
}

const CivicEntityKind civic_hearing_kind = {
  .type = CIVIC_ENTITY_HEARING,
  .collection = "hearings",
  .record_type = civic_hearing_get_type,
  .n_actions = CIVIC_N_HEARING_ACTIONS,
  .action_from_string = hearing_action_from_string,
  .action_to_string = hearing_action_to_string,
  .action_label = hearing_action_label,
  .past_tense = hearing_past_tense,
  .arguments = hearing_arguments,
  .weight = hearing_weight,
  .safe_when_stale = hearing_safe_when_stale,
  .from_json = hearing_from_json,
  .get_id = hearing_get_id,
  .get_rev = hearing_get_rev,
  .set_rev = hearing_set_rev,
  .label = hearing_label,
  .headline = hearing_headline,
  .headline_n = hearing_headline_n,
  .describe = hearing_describe,
  .now_title = N_("The hearing now"),
  .open_label = N_("_Open Hearing"),
  .not_cached = N_("The hearing is not in the offline copy"),
  .to_feed_json = hearing_kind_to_feed_json,
  .check = hearing_check,
  .list_actions = hearing_list_actions,
  .apply = hearing_apply,
  .supervise = hearing_supervise,
};
