/* civic-case-arguments.c — what each action on a case asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-case-arguments"

#include "config.h"

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-workflow.h"

/* Each action asks for exactly what its article requires (a refusal's
 * reason, legal basis and remedies; the complete list of missing
 * materials; two verifiers; the approver of an extension…). The rules in
 * civic-workflow.c read these members and decide; this file says what
 * they are, for the service to keep, the documentation to list and the
 * client's form to ask. */

/* Labels with the signature a choice takes */
static const char *recommendation_label (int value) { return civic_recommendation_get_label (value); }
static const char *ground_label (int value) { return civic_not_accept_ground_get_label (value); }
static const char *stop_reason_label (int value) { return civic_stop_reason_get_label (value); }
static const char *service_method_label (int value) { return civic_service_method_get_label (value); }
static const char *closure_label (int value) { return civic_closure_code_get_label (value); }
/* A hearing's documents come with its own steps */
static const char *
document_label (int value)
{
  return civic_document_kind_is_case (value) ? civic_document_kind_get_label (value) : NULL;
}
static const char *
language_label (int value)
{
  return value == CIVIC_DOCUMENT_LANGUAGE_EN ? _("English") : _("Chinese");
}

/* When an argument is asked */

static gboolean
one_case (GObject *record,
          guint    n_records)
{
  /* Each decision has its own number: none is asked for a batch. */
  return n_records <= 1;
}

static gboolean
joint_track (GObject *record,
             guint    n_records)
{
  return civic_case_get_track (CIVIC_CASE (record)) == CIVIC_TRACK_JOINT;
}

static gboolean
approved (GObject *record,
          guint    n_records)
{
  return civic_case_get_state (CIVIC_CASE (record)) == CIVIC_CASE_STATE_APPROVED;
}

/* Served or not accepted, the case closes as its state says
 * (civic-workflow.c apply_close): nobody is asked for it */
static gboolean
result_open (GObject *record,
             guint    n_records)
{
  CivicCaseState state = civic_case_get_state (CIVIC_CASE (record));

  return state != CIVIC_CASE_STATE_SERVED && state != CIVIC_CASE_STATE_NOT_ACCEPTED;
}

static int
extension_days (GObject *record)
{
  return civic_clock_get_max_extension_days (civic_case_get_statutory_clock (CIVIC_CASE (record)));
}

/* The options */

typedef enum
{
  MATERIALS_RECEIVED,        /* every material, checked when received */
  MATERIALS_MISSING,         /* every material, the missing required ones checked */
  MATERIALS_REQUESTED,       /* those of the last correction notice */
} MaterialsMode;

static GPtrArray *
materials (CivicCase     *kase,
           MaterialsMode  mode)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
  GPtrArray *all = civic_case_get_materials (kase);
  GPtrArray *corrections = civic_case_get_corrections (kase);
  CivicCorrection *last = corrections->len > 0
                          ? g_ptr_array_index (corrections, corrections->len - 1) : NULL;

  for (guint i = 0; i < all->len; i++)
    {
      CivicMaterial *material = g_ptr_array_index (all, i);
      gboolean active;

      switch (mode)
        {
        case MATERIALS_MISSING:
          active = material->required && !material->received;
          break;
        case MATERIALS_REQUESTED:
          if (last == NULL || !g_strv_contains ((const char * const *) last->items, material->id))
            continue;
          active = TRUE;
          break;
        case MATERIALS_RECEIVED:
        default:
          active = material->received;
          break;
        }
      g_ptr_array_add (options, civic_argument_option_new (material->id, material->name,
                                                           material->required ? _("Required")
                                                                              : _("Optional"),
                                                           active));
    }
  return options;
}

static GPtrArray *
materials_received (GObject                    *record,
                    const CivicArgumentSources *sources)
{
  return materials (CIVIC_CASE (record), MATERIALS_RECEIVED);
}

static GPtrArray *
materials_missing (GObject                    *record,
                   const CivicArgumentSources *sources)
{
  return materials (CIVIC_CASE (record), MATERIALS_MISSING);
}

static GPtrArray *
materials_requested (GObject                    *record,
                     const CivicArgumentSources *sources)
{
  return materials (CIVIC_CASE (record), MATERIALS_REQUESTED);
}

/* The officials of the case's department, in use, with any of @roles:
 * those the service will take (civic-workflow.c named_official). The
 * official filling in the form is checked when @with_me, and left out
 * otherwise (nobody assigns a case to themselves). */
static GPtrArray *
colleagues (CivicCase                  *kase,
            const CivicArgumentSources *sources,
            CivicRole                   roles,
            gboolean                    with_me)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);

  for (guint i = 0; sources->users != NULL && i < sources->users->len; i++)
    {
      JsonNode *node = g_ptr_array_index (sources->users, i);
      gboolean disabled = FALSE, me;
      g_autoptr(CivicActor) user = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      user = civic_actor_new_from_directory (json_node_get_object (node), &disabled);
      if (user == NULL || disabled ||
          g_strcmp0 (user->department_id, civic_case_get_department_id (kase)) != 0 ||
          !civic_actor_has_role (user, roles))
        continue;
      me = g_strcmp0 (user->id, sources->me) == 0;
      if (me && !with_me)
        continue;
      g_ptr_array_add (options, civic_argument_option_new (user->id, user->name, NULL, me));
    }
  return options;
}

static GPtrArray *
assignees (GObject                    *record,
           const CivicArgumentSources *sources)
{
  CivicCase *kase = CIVIC_CASE (record);

  return colleagues (kase, sources, civic_workflow_assignee_role (kase), FALSE);
}

static GPtrArray *
verifiers (GObject                    *record,
           const CivicArgumentSources *sources)
{
  return colleagues (CIVIC_CASE (record), sources, CIVIC_ROLES_CASEWORK, TRUE);
}

/* The declarations */

#define TEXT(n, req, t, ph) \
  { .name = (n), .kind = CIVIC_ARGUMENT_TEXT, .required = (req), .title = (t), .phrases = (ph) }
#define LINE(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_LINE, .required = (req), .title = (t) }
#define DATE(n, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_DATE, .title = (t) }

static const CivicArgument accept[] = {
  { .name = "received", .kind = CIVIC_ARGUMENT_CHECKLIST, .title = N_("Materials Handed In"),
    .description = N_("An application is accepted only with every required material "
                      "(Administrative Licensing Law, Art. 32)."),
    .options = materials_received },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument not_accept[] = {
  { .name = "ground", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Ground"),
    .enum_type = civic_not_accept_ground_get_type, .enum_label = ground_label },
  { .name = "competent_authority", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE,
    .title = N_("_Competent Authority"), .shown_when = { "ground", "not-competent" } },
  LINE ("legal_basis", TRUE, N_("_Legal Basis")),
  TEXT ("reason", TRUE, N_("_Reason"), "not-accept"),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument request_correction[] = {
  { .name = "missing", .kind = CIVIC_ARGUMENT_CHECKLIST, .required = TRUE,
    .title = N_("Missing Materials"),
    .description = N_("The notice lists everything missing at once (一次性告知): a second "
                      "notice in the same round needs a reason."),
    .options = materials_missing },
  TEXT ("note", FALSE, N_("_Note to the Applicant"), "correction"),
  LINE ("override_reason", FALSE, N_("Reason for a _Second Notice")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument correction_received[] = {
  { .name = "received", .kind = CIVIC_ARGUMENT_CHECKLIST, .required = TRUE,
    .title = N_("Materials Received"), .options = materials_requested },
  DATE ("received_on", N_("Received _On")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument assign[] = {
  { .name = "assignee_id", .kind = CIVIC_ARGUMENT_OPTION, .required = TRUE,
    .title = N_("_Official"), .options = assignees },
  LINE ("reason", FALSE, N_("_Reason")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument return_[] = {
  TEXT ("reason", TRUE, N_("_Reason for Returning"), "return"),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument comment[] = {
  TEXT ("text", TRUE, N_("_Comment"), "comment"),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument opinion[] = {
  { .name = "recommendation", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE,
    .title = N_("_Recommendation"), .enum_type = civic_recommendation_get_type,
    .enum_label = recommendation_label, .usual = "approve" },
  { .name = "submit", .kind = CIVIC_ARGUMENT_SWITCH, .title = N_("_Hand On to the Approvers"),
    .description = N_("Off keeps the case with you"), .usual_number = TRUE },
  TEXT ("text", TRUE, N_("_Opinion"), "opinion-approve"),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument verify[] = {
  { .name = "verifiers", .kind = CIVIC_ARGUMENT_CHECKLIST, .required = TRUE,
    .title = N_("Verifiers"),
    .description = N_("A substantive verification is made by at least two officials "
                      "(Administrative Licensing Law, Art. 34)."),
    .options = verifiers },
  DATE ("on", N_("_Date")),
  TEXT ("note", TRUE, N_("_Findings"), NULL),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument extend[] = {
  { .name = "days", .kind = CIVIC_ARGUMENT_NUMBER, .title = N_("Working _Days"), .min = 1,
    .max_for = extension_days },
  { .name = "approved_by", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE,
    .title = N_("_Approved By (Head of Government)"), .asked = joint_track },
  TEXT ("reason", TRUE, N_("_Reason"), NULL),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument stop_clock[] = {
  { .name = "reason", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Procedure"),
    .enum_type = civic_stop_reason_get_type, .enum_label = stop_reason_label,
    .usual = "inspection" },
  { .name = "expected_days", .kind = CIVIC_ARGUMENT_NUMBER, .required = TRUE,
    .title = N_("_Expected Days"), .min = 1, .max = 365, .usual_number = 10 },
  TEXT ("note", FALSE, N_("_Note"), NULL),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument resume_clock[] = {
  TEXT ("result", TRUE, N_("_Result of the Procedure"), NULL),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument inform_hearing_right[] = {
  { .name = "parties", .kind = CIVIC_ARGUMENT_NAMES, .required = TRUE,
    .title = N_("_Parties Informed") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument waive_hearing[] = {
  TEXT ("note", FALSE, N_("_Note"), NULL),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument request_hearing[] = {
  LINE ("requested_by", TRUE, N_("_Requested By")),
  DATE ("requested_on", N_("Requested _On")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument order_hearing[] = {
  TEXT ("reason", TRUE, N_("_Reason (Art. 46)"), NULL),
  CIVIC_ARGUMENTS_END
};

static const char *
hearing_outcome_label (int value)
{
  switch ((CivicHearingState) value)
    {
    case CIVIC_HEARING_STATE_RECORD_SIGNED:
    case CIVIC_HEARING_STATE_WITHDRAWN:
    case CIVIC_HEARING_STATE_CANCELLED:
      return civic_hearing_state_get_label (value);
    default:
      return NULL;
    }
}

/* The service's, when the hearing closes (civic-hearing-records.c) */
static const CivicArgument conclude_hearing[] = {
  LINE ("hearing_id", TRUE, N_("_Hearing")),
  { .name = "outcome", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Outcome"),
    .enum_type = civic_hearing_state_get_type, .enum_label = hearing_outcome_label,
    .usual = "record-signed" },
  LINE ("record_ref", FALSE, N_("_Record Reference")),
  CIVIC_ARGUMENTS_END
};

/* A refusal starts from what the catalogue says of the item: the law it
 * rests on, and who hears an appeal (Art. 38) */
static char *
item_legal_basis (GObject *record)
{
  return g_strdup (civic_case_get_item_legal_basis (CIVIC_CASE (record)));
}

static char *
item_reconsideration_body (GObject *record)
{
  return g_strdup (civic_case_get_item_reconsideration_body (CIVIC_CASE (record)));
}

static char *
item_court (GObject *record)
{
  return g_strdup (civic_case_get_item_court (CIVIC_CASE (record)));
}

static const CivicArgument decide[] = {
  { .name = "result", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Decision"),
    .enum_type = civic_recommendation_get_type, .enum_label = recommendation_label },
  { .name = "number", .kind = CIVIC_ARGUMENT_LINE, .title = N_("Decision _Number"),
    .asked = one_case },
  { .name = "legal_basis", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE,
    .title = N_("_Legal Basis"), .shown_when = { "result", "deny" },
    .usual_text = item_legal_basis },
  { .name = "reconsideration_body", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE,
    .title = N_("Re_consideration Body"), .shown_when = { "result", "deny" },
    .usual_text = item_reconsideration_body },
  { .name = "court", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, .title = N_("C_ourt"),
    .shown_when = { "result", "deny" }, .usual_text = item_court },
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("_Reasons for the Refusal"), .phrases = "opinion-deny",
    .shown_when = { "result", "deny" } },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument issue_document[] = {
  { .name = "document", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Document"),
    .enum_type = civic_document_kind_get_type, .enum_label = document_label },
  { .name = "language", .kind = CIVIC_ARGUMENT_CHOICE, .title = N_("_Language"),
    .enum_type = civic_document_language_get_type, .enum_label = language_label, .usual = "zh" },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument serve[] = {
  { .name = "method", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Method"),
    .enum_type = civic_service_method_get_type, .enum_label = service_method_label,
    .usual = "electronic" },
  { .name = "certificate_no", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE,
    .title = N_("_Certificate Number"), .asked = approved },
  DATE ("served_on", N_("Served _On")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument close_[] = {
  { .name = "code", .kind = CIVIC_ARGUMENT_CHOICE, .title = N_("_Result"),
    .enum_type = civic_closure_code_get_type, .enum_label = closure_label, .asked = result_open },
  TEXT ("reason", FALSE, N_("_Reason"), NULL),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument subtask_opinion[] = {
  { .name = "result", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Opinion"),
    .enum_type = civic_recommendation_get_type, .enum_label = recommendation_label,
    .usual = "approve" },
  TEXT ("text", TRUE, N_("_Reasons"), "opinion-approve"),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_ACTIONS] = {
  [CIVIC_ACTION_START_PRE_REVIEW] = none,
  [CIVIC_ACTION_ACCEPT] = accept,
  [CIVIC_ACTION_NOT_ACCEPT] = not_accept,
  [CIVIC_ACTION_REQUEST_CORRECTION] = request_correction,
  [CIVIC_ACTION_CORRECTION_RECEIVED] = correction_received,
  [CIVIC_ACTION_DEEM_ACCEPT] = none,
  [CIVIC_ACTION_CLAIM] = none,
  [CIVIC_ACTION_RELEASE] = none,
  [CIVIC_ACTION_ASSIGN] = assign,
  [CIVIC_ACTION_TRANSFER] = assign,
  [CIVIC_ACTION_RETURN] = return_,
  [CIVIC_ACTION_COMMENT] = comment,
  [CIVIC_ACTION_OPINION] = opinion,
  [CIVIC_ACTION_VERIFY] = verify,
  [CIVIC_ACTION_EXTEND] = extend,
  [CIVIC_ACTION_STOP_CLOCK] = stop_clock,
  [CIVIC_ACTION_RESUME_CLOCK] = resume_clock,
  [CIVIC_ACTION_INFORM_HEARING_RIGHT] = inform_hearing_right,
  [CIVIC_ACTION_WAIVE_HEARING] = waive_hearing,
  [CIVIC_ACTION_REQUEST_HEARING] = request_hearing,
  [CIVIC_ACTION_ORDER_HEARING] = order_hearing,
  [CIVIC_ACTION_CONCLUDE_HEARING] = conclude_hearing,
  [CIVIC_ACTION_DECIDE] = decide,
  [CIVIC_ACTION_SERVE] = serve,
  [CIVIC_ACTION_CLOSE] = close_,
  [CIVIC_ACTION_SUBTASK_OPINION] = subtask_opinion,
  [CIVIC_ACTION_ISSUE_DOCUMENT] = issue_document,
};

/**
 * civic_action_get_arguments:
 *
 * Returns: (transfer none): what @action asks for, in the order a form
 * asks it; the list ends with an argument without a name.
 */
const CivicArgument *
civic_action_get_arguments (CivicAction action)
{
  g_return_val_if_fail (action < CIVIC_N_ACTIONS, none);
  return declarations[action];
}
