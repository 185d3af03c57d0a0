/* civic-disclosure-arguments.c — what each step of a disclosure asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure"

#include "config.h"

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-kind.h"
#include "civic-disclosure-private.h"

/* The declarations civic-disclosure-kind.c reads a command by, and the
 * client's forms are built from (civic-argument.h). The body is written
 * in the disclosure editor, never in a form. */

static const char *
category_label (int value)
{
  return civic_disclosure_category_get_label (value);
}

static const char *
validity_label (int value)
{
  return civic_disclosure_validity_get_label (value);
}

static const char *
ground_label (int value)
{
  return civic_disclosure_ground_get_label (value);
}

static const char *
decision_label (int value)
{
  switch ((CivicDisclosureDecision) value)
    {
    case CIVIC_DISCLOSURE_REVIEW_APPROVE: return _("Approve");
    case CIVIC_DISCLOSURE_REVIEW_RETURN: return _("Return to the Editor");
    default: return NULL;
    }
}

static gboolean
asked_when_normative (GObject *record,
                      guint    n_records)
{
  return record == NULL || civic_disclosure_get_normative (CIVIC_DISCLOSURE (record));
}

#define TEXT(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_TEXT, .required = (req), .title = (t) }
#define LINE(n, req, t) \
  { .name = (n), .kind = CIVIC_ARGUMENT_LINE, .required = (req), .title = (t) }

#define METADATA(req) \
  LINE ("title", (req), N_("_Title")), \
  { .name = "category", .kind = CIVIC_ARGUMENT_CHOICE, .required = (req), \
    .title = N_("_Category"), .enum_type = civic_disclosure_category_get_type, \
    .enum_label = category_label }, \
  { .name = "formed_on", .kind = CIVIC_ARGUMENT_DATE, .required = (req), \
    .title = N_("_Formed or Changed On") }, \
  TEXT ("summary", FALSE, N_("_Summary")), \
  { .name = "columns", .kind = CIVIC_ARGUMENT_NAMES, .title = N_("Co_lumns") }, \
  { .name = "keywords", .kind = CIVIC_ARGUMENT_NAMES, .title = N_("_Keywords") }, \
  { .name = "normative", .kind = CIVIC_ARGUMENT_SWITCH, .title = N_("_Normative Document"), \
    .description = N_("A rule or normative document, with a document number and a validity") }, \
  LINE ("issuing_organ", FALSE, N_("_Issuing Organ")), \
  LINE ("document_number", FALSE, N_("_Document Number")), \
  LINE ("interpretation_of", FALSE, N_("_Interprets Disclosure"))

static const CivicArgument create[] = {
  METADATA (TRUE),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument save[] = {
  { .name = "body", .kind = CIVIC_ARGUMENT_MARKDOWN, .required = TRUE, .title = N_("_Text") },
  { .name = "base_version", .kind = CIVIC_ARGUMENT_NUMBER, .required = TRUE,
    .title = N_("_Edited Version"), .min = 0, .max = G_MAXINT32 },
  { .name = "redacted", .kind = CIVIC_ARGUMENT_NAMES, .title = N_("_Redacted Findings") },
  LINE ("note", FALSE, N_("_Note")),
  METADATA (FALSE),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument mark_name[] = {
  LINE ("name", TRUE, N_("_Name")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument comment[] = {
  TEXT ("text", TRUE, N_("_Comment")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument submit[] = {
  TEXT ("note", FALSE, N_("_Note to the Reviewers")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument review[] = {
  { .name = "decision", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Decision"),
    .enum_type = civic_disclosure_decision_get_type, .enum_label = decision_label,
    .usual = "approve" },
  { .name = "comment", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("_What to Change"), .shown_when = { "decision", "return" } },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument acknowledge[] = {
  LINE ("key", TRUE, N_("_Finding")),
  { .name = "ground", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Ground"),
    .enum_type = civic_disclosure_ground_get_type, .enum_label = ground_label },
  TEXT ("reason", TRUE, N_("_Reason")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument schedule[] = {
  { .name = "publish_on", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE,
    .title = N_("_Publish On") },
  { .name = "publish_at", .kind = CIVIC_ARGUMENT_TIME, .required = TRUE, .title = N_("_At") },
  { .name = "expire_on", .kind = CIVIC_ARGUMENT_DATE, .title = N_("_Expires On"),
    .usual = "none" },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument publish[] = {
  { .name = "expire_on", .kind = CIVIC_ARGUMENT_DATE, .title = N_("_Expires On"),
    .usual = "none" },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument revise[] = {
  TEXT ("reason", TRUE, N_("_Why It Changes")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument withdraw[] = {
  TEXT ("public_notice", TRUE, N_("_Public Notice")),
  TEXT ("reason", TRUE, N_("_Internal Reason")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument set_validity[] = {
  { .name = "validity", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_Validity"),
    .enum_type = civic_disclosure_validity_get_type, .enum_label = validity_label,
    .asked = asked_when_normative },
  { .name = "repealed_by", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE,
    .title = N_("_Repealed By"), .shown_when = { "validity", "repealed" } },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument generate_report[] = {
  { .name = "year", .kind = CIVIC_ARGUMENT_NUMBER, .required = TRUE, .title = N_("_Year"),
    .min = 2000, .max = 9999, .usual_number = 2025 },
  CIVIC_ARGUMENTS_END
};

/* The file is uploaded first (POST /api/v1/disclosures/{id}/attachments),
 * which answers with these */
static const CivicArgument attach_file[] = {
  LINE ("sha256", TRUE, N_("_File")),
  LINE ("name", TRUE, N_("_File Name")),
  LINE ("media_type", FALSE, N_("_Media Type")),
  { .name = "size", .kind = CIVIC_ARGUMENT_NUMBER, .title = N_("_Size in Bytes"), .min = 0,
    .max = CIVIC_DISCLOSURE_MAX_ATTACHMENT_SIZE },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument remove_file[] = {
  LINE ("sha256", TRUE, N_("_File")),
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_DISCLOSURE_ACTIONS] = {
  [CIVIC_DISCLOSURE_ACTION_CREATE] = create,
  [CIVIC_DISCLOSURE_ACTION_SAVE] = save,
  [CIVIC_DISCLOSURE_ACTION_MARK_NAME] = mark_name,
  [CIVIC_DISCLOSURE_ACTION_COMMENT] = comment,
  [CIVIC_DISCLOSURE_ACTION_SUBMIT] = submit,
  [CIVIC_DISCLOSURE_ACTION_REVIEW] = review,
  [CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE] = acknowledge,
  [CIVIC_DISCLOSURE_ACTION_SCHEDULE] = schedule,
  [CIVIC_DISCLOSURE_ACTION_UNSCHEDULE] = none,
  [CIVIC_DISCLOSURE_ACTION_PUBLISH] = publish,
  [CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED] = none,
  [CIVIC_DISCLOSURE_ACTION_REVISE] = revise,
  [CIVIC_DISCLOSURE_ACTION_WITHDRAW] = withdraw,
  [CIVIC_DISCLOSURE_ACTION_SET_VALIDITY] = set_validity,
  [CIVIC_DISCLOSURE_ACTION_EXPIRE] = none,
  [CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT] = generate_report,
  [CIVIC_DISCLOSURE_ACTION_ATTACH_FILE] = attach_file,
  [CIVIC_DISCLOSURE_ACTION_REMOVE_FILE] = remove_file,
};

/**
 * civic_disclosure_action_get_arguments:
 *
 * Returns: (transfer none): what @action asks for, in the order a form
 * shows it
 */
const CivicArgument *
civic_disclosure_action_get_arguments (CivicDisclosureAction action)
{
  g_return_val_if_fail ((guint) action < CIVIC_N_DISCLOSURE_ACTIONS, none);

  return declarations[action];
}
