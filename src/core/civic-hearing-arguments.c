/* civic-hearing-arguments.c — what each step of a hearing asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-hearing-kind"

#include "config.h"

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-hearing-kind.h"
#include "civic-hearing-private.h"

/* The declarations civic-hearing-kind.c reads a command by, and the
 * client's forms are built from (civic-argument.h). */

/* Labels, NULL for what no official chooses */

static const char *
party_role_label (int value)
{
  switch ((CivicHearingRole) value)
    {
    case CIVIC_HEARING_ROLE_APPLICANT:
    case CIVIC_HEARING_ROLE_INTERESTED_PARTY:
    case CIVIC_HEARING_ROLE_AGENT:
    case CIVIC_HEARING_ROLE_WITNESS:
      return civic_hearing_role_get_label (value);
    case CIVIC_HEARING_ROLE_EXAMINER:
    case CIVIC_HEARING_ROLE_HOST:
    case CIVIC_HEARING_ROLE_CLERK:
    default:
      return NULL;
    }
}

static const char *
notice_method_label (int value)
{
  return value == CIVIC_HEARING_NOTICE_NONE ? NULL : civic_hearing_notice_method_get_label (value);
}

static const char *
recusal_decision_label (int value)
{
  switch ((CivicHearingRecusalDecision) value)
    {
    case CIVIC_HEARING_RECUSAL_GRANTED: return C_("recusal", "Grant: the host steps down");
    case CIVIC_HEARING_RECUSAL_REFUSED: return C_("recusal", "Refuse: the host stays");
    case CIVIC_HEARING_RECUSAL_PENDING:
    default:
      return NULL;
    }
}

static const char *
publicity_label (int value)
{
  return civic_hearing_publicity_get_label (value);
}

static const char *
signature_label (int value)
{
  switch ((CivicHearingSignature) value)
    {
    case CIVIC_HEARING_SIGNATURE_SIGNED: return C_("record", "Signed");
    case CIVIC_HEARING_SIGNATURE_SEALED: return C_("record", "Sealed");
    case CIVIC_HEARING_SIGNATURE_REFUSED: return C_("record", "Refused to sign");
    default: return NULL;
    }
}

/* Options */

static GPtrArray *
options_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
}

/* The rooms the department may book: its own, and those every department
 * shares (a department of null) */
static GPtrArray *
rooms (GObject                    *record,
       const CivicArgumentSources *sources)
{
  CivicHearing *hearing = CIVIC_HEARING (record);
  GPtrArray *options = options_new ();

  for (guint i = 0; sources->rooms != NULL && i < sources->rooms->len; i++)
    {
      JsonNode *node = g_ptr_array_index (sources->rooms, i);
      JsonObject *room;
      const char *department;
      g_autofree char *detail = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      room = json_node_get_object (node);
      department = json_object_get_string_member_with_default (room, "department", NULL);
      if (department != NULL && g_strcmp0 (department, hearing->department_id) != 0)
        continue;
      detail = g_strdup_printf (civic_ngettext ("%s, %u seat", "%s, %u seats",
                                                json_object_get_int_member_with_default (room, "capacity", 0)),
                                json_object_get_string_member_with_default (room, "building", ""),
                                (guint) json_object_get_int_member_with_default (room, "capacity", 0));
      g_ptr_array_add (options,
                       civic_argument_option_new (json_object_get_string_member_with_default (room, "id", ""),
                                                  json_object_get_string_member_with_default (room, "name", ""),
                                                  detail, hearing->room_id != NULL &&
                                                  g_strcmp0 (hearing->room_id,
                                                             json_object_get_string_member_with_default (room, "id", "")) == 0));
    }
  return options;
}

/* The department's officials with @roles; an examiner of a case heard is
 * still listed, with the reason the rules will refuse them */
static GPtrArray *
officials (CivicHearing               *hearing,
           const CivicArgumentSources *sources,
           CivicRole                   roles,
           const char                 *current,
           gboolean                    only_examiners)
{
  g_auto(GStrv) examiners = civic_hearing_dup_examiner_ids (hearing);
  GPtrArray *options = options_new ();

  for (guint i = 0; sources->users != NULL && i < sources->users->len; i++)
    {
      JsonNode *node = g_ptr_array_index (sources->users, i);
      g_autoptr(CivicActor) user = NULL;
      gboolean disabled = FALSE, examined;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      user = civic_actor_new_from_directory (json_node_get_object (node), &disabled);
      if (user == NULL || disabled ||
          g_strcmp0 (user->department_id, hearing->department_id) != 0 ||
          !civic_actor_has_role (user, roles))
        continue;
      examined = g_strv_contains ((const char * const *) examiners, user->id);
      if (only_examiners && !examined)
        continue;
      g_ptr_array_add (options,
                       civic_argument_option_new (user->id, user->name,
                                                  examined && !only_examiners
                                                  ? _("Examined a case of this hearing (Art. 48(3))")
                                                  : NULL,
                                                  g_strcmp0 (user->id, current) == 0));
    }
  return options;
}

static GPtrArray *
hosts (GObject                    *record,
       const CivicArgumentSources *sources)
{
  CivicHearing *hearing = CIVIC_HEARING (record);

  return officials (hearing, sources, CIVIC_ROLE_HEARING_OFFICER, hearing->host_id, FALSE);
}

static GPtrArray *
clerks (GObject                    *record,
        const CivicArgumentSources *sources)
{
  CivicHearing *hearing = CIVIC_HEARING (record);

  return officials (hearing, sources, CIVIC_ROLES_CASEWORK, hearing->clerk_id, FALSE);
}

static GPtrArray *
presenters (GObject                    *record,
            const CivicArgumentSources *sources)
{
  return officials (CIVIC_HEARING (record), sources, CIVIC_ROLE_EXAMINER, NULL, TRUE);
}

typedef gboolean (*ParticipantFilter) (const CivicHearingParticipant *participant);

static GPtrArray *
participants (CivicHearing      *hearing,
              ParticipantFilter  filter)
{
  GPtrArray *options = options_new ();

  for (guint i = 0; i < hearing->participants->len; i++)
    {
      const CivicHearingParticipant *participant = g_ptr_array_index (hearing->participants, i);

      if (filter (participant))
        g_ptr_array_add (options,
                         civic_argument_option_new (participant->id, participant->name,
                                                    civic_hearing_role_get_label (participant->role),
                                                    FALSE));
    }
  return options;
}

static gboolean
is_principal (const CivicHearingParticipant *participant)
{
  return participant->role == CIVIC_HEARING_ROLE_APPLICANT ||
         participant->role == CIVIC_HEARING_ROLE_INTERESTED_PARTY;
}

static gboolean
may_speak_for_a_party (const CivicHearingParticipant *participant)
{
  return is_principal (participant) || participant->role == CIVIC_HEARING_ROLE_AGENT;
}

static gboolean
has_not_signed (const CivicHearingParticipant *participant)
{
  return participant->signed_on == CIVIC_DAY_INVALID && participant->refused_on == CIVIC_DAY_INVALID;
}

static GPtrArray *
principals (GObject                    *record,
            const CivicArgumentSources *sources)
{
  return participants (CIVIC_HEARING (record), is_principal);
}

static GPtrArray *
parties (GObject                    *record,
         const CivicArgumentSources *sources)
{
  return participants (CIVIC_HEARING (record), may_speak_for_a_party);
}

static GPtrArray *
unsigned_participants (GObject                    *record,
                       const CivicArgumentSources *sources)
{
  return participants (CIVIC_HEARING (record), has_not_signed);
}

static GPtrArray *
pending_recusals (GObject                    *record,
                  const CivicArgumentSources *sources)
{
  CivicHearing *hearing = CIVIC_HEARING (record);
  GPtrArray *options = options_new ();

  for (guint i = 0; i < hearing->recusals->len; i++)
    {
      const CivicHearingRecusal *recusal = g_ptr_array_index (hearing->recusals, i);
      const CivicHearingParticipant *by;
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;

      if (recusal->decision != CIVIC_HEARING_RECUSAL_PENDING)
        continue;
      by = _civic_hearing_lookup_participant (hearing, recusal->by_id, NULL);
      value = g_strdup_printf ("%u", i + 1);
      /* Translators: a recusal request: who asked, against whom */
      label = g_strdup_printf (_("%s, against %s"), by ? by->name : recusal->by_id,
                               recusal->against_name);
      g_ptr_array_add (options, civic_argument_option_new (value, label, recusal->reason,
                                                           options->len == 0));
    }
  return options;
}

static char *
record_text (GObject *record)
{
  return g_strdup (CIVIC_HEARING (record)->record_summary);
}

/* The declarations */

#define TEXT(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_TEXT, .required = (req), .title = (t) }
#define LINE(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_LINE, .required = (req), .title = (t) }
#define DATE(n, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_DATE, .title = (t) }
#define PICK(n, req, t, from) \
  { .name = (n), .kind = CIVIC_ARGUMENT_OPTION, .required = (req), .title = (t), .options = (from) }

static const CivicArgument add_party[] = {
  { .name = "role", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Role"),
    .enum_type = civic_hearing_role_get_type, .enum_label = party_role_label,
    .usual = "interested-party" },
  LINE ("name", TRUE, N_("_Name")),
  LINE ("contact", FALSE, N_("_Contact (Address or Phone)")),
  { .name = "represents", .kind = CIVIC_ARGUMENT_OPTION, .required = TRUE,
    .title = N_("_Acts For"), .shown_when = { "role", "agent" }, .options = principals },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument schedule[] = {
  PICK ("room", TRUE, N_("_Room"), rooms),
  { .name = "day", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE, .title = N_("_Day") },
  { .name = "starts", .kind = CIVIC_ARGUMENT_TIME, .required = TRUE, .title = N_("_Starts") },
  { .name = "ends", .kind = CIVIC_ARGUMENT_TIME, .required = TRUE, .title = N_("_Ends") },
  PICK ("host", TRUE, N_("_Host"), hosts),
  PICK ("clerk", FALSE, N_("C_lerk"), clerks),
  PICK ("presenter", FALSE, N_("_Examiner Presenting"), presenters),
  { .name = "publicity", .kind = CIVIC_ARGUMENT_CHOICE, .title = N_("_Public"),
    .enum_type = civic_hearing_publicity_get_type, .enum_label = publicity_label,
    .usual = "public" },
  { .name = "closed_reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("Reason for a _Closed Hearing"), .shown_when = { "publicity", "closed-other" } },
  LINE ("video_link", FALSE, N_("_Video Link")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument notify[] = {
  { .name = "method", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Served"),
    .enum_type = civic_hearing_notice_method_get_type, .enum_label = notice_method_label,
    .usual = "in-person" },
  DATE ("notified_on", N_("Sent _On")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument postpone[] = {
  TEXT ("reason", TRUE, N_("_Reason")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument request_recusal[] = {
  PICK ("by", TRUE, N_("_Requested By"), parties),
  TEXT ("reason", TRUE, N_("_Reason Given")),
  DATE ("received_on", N_("Received _On")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument decide_recusal[] = {
  PICK ("request", FALSE, N_("Re_quest"), pending_recusals),
  { .name = "decision", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Decision"),
    .enum_type = civic_hearing_recusal_decision_get_type, .enum_label = recusal_decision_label },
  { .name = "host", .kind = CIVIC_ARGUMENT_OPTION, .required = TRUE, .title = N_("_New Host"),
    .shown_when = { "decision", "granted" }, .options = hosts },
  TEXT ("note", FALSE, N_("_Reasons")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument withdraw[] = {
  PICK ("by", TRUE, N_("_Withdrawn By"), parties),
  TEXT ("reason", TRUE, N_("_What the Party Said")),
  DATE ("withdrawn_on", N_("Withdrawn _On")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument cancel[] = {
  TEXT ("reason", TRUE, N_("_Reason")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument write_record[] = {
  { .name = "text", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Record"),
    .usual_text = record_text },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument sign_record[] = {
  PICK ("participant", TRUE, N_("_Participant"), unsigned_participants),
  { .name = "signature", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Confirmed"),
    .enum_type = civic_hearing_signature_get_type, .enum_label = signature_label,
    .usual = "signed" },
  { .name = "note", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Host’s Note"),
    .shown_when = { "signature", "refused" } },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument join[] = {
  LINE ("case_number", TRUE, N_("Case _Number")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_HEARING_ACTIONS] = {
  [CIVIC_HEARING_ACTION_ADD_PARTY] = add_party,
  [CIVIC_HEARING_ACTION_SCHEDULE] = schedule,
  [CIVIC_HEARING_ACTION_NOTIFY] = notify,
  [CIVIC_HEARING_ACTION_POSTPONE] = postpone,
  [CIVIC_HEARING_ACTION_REQUEST_RECUSAL] = request_recusal,
  [CIVIC_HEARING_ACTION_DECIDE_RECUSAL] = decide_recusal,
  [CIVIC_HEARING_ACTION_WITHDRAW] = withdraw,
  [CIVIC_HEARING_ACTION_CANCEL] = cancel,
  [CIVIC_HEARING_ACTION_HOLD] = none,
  [CIVIC_HEARING_ACTION_WRITE_RECORD] = write_record,
  [CIVIC_HEARING_ACTION_SIGN_RECORD] = sign_record,
  [CIVIC_HEARING_ACTION_CLOSE] = none,
  [CIVIC_HEARING_ACTION_JOIN] = join,
};

/**
 * civic_hearing_action_get_arguments:
 *
 * Returns: (transfer none): what @action asks for, in the order a form
 * shows it
 */
const CivicArgument *
civic_hearing_action_get_arguments (CivicHearingAction action)
{
  g_return_val_if_fail ((guint) action < CIVIC_N_HEARING_ACTIONS, none);

  return declarations[action];
}
