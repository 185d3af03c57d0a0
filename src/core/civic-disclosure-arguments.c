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
#include "civic-json.h"

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

static const char *
column_member (JsonNode   *node,
               const char *name)
{
  return JSON_NODE_HOLDS_OBJECT (node)
         ? civic_json_lookup_string (json_node_get_object (node), name, NULL) : NULL;
}

/* By the organ's position, then by name */
static int
column_compare (JsonNode *a,
                JsonNode *b)
{
  gint64 pa = json_object_get_int_member_with_default (json_node_get_object (a), "position", 0);
  gint64 pb = json_object_get_int_member_with_default (json_node_get_object (b), "position", 0);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return g_strcmp0 (column_member (a, "name"), column_member (b, "name"));
}

/* The organ's columns under @parent, each followed by its own, by name */
static void
add_columns_under (GPtrArray          *options,
                   GPtrArray          *mine,
                   const char         *parent,
                   const char         *trail,
                   const char * const *chosen,
                   guint               depth)
{
  g_autoptr(GPtrArray) here = g_ptr_array_new ();

  for (guint i = 0; i < mine->len; i++)
    if (g_strcmp0 (column_member (g_ptr_array_index (mine, i), "parent"), parent) == 0)
      g_ptr_array_add (here, g_ptr_array_index (mine, i));
  /* in the organ's order, as the public pages give them */
  for (guint i = 1; i < here->len; i++)
    for (guint j = i; j > 0 && column_compare (g_ptr_array_index (here, j - 1),
                                               g_ptr_array_index (here, j)) > 0; j--)
      {
        gpointer swap = here->pdata[j];

        here->pdata[j] = here->pdata[j - 1];
        here->pdata[j - 1] = swap;
      }

  for (guint i = 0; i < here->len && depth < CIVIC_DISCLOSURE_COLUMN_MAX_LEVELS; i++)
    {
      JsonNode *node = g_ptr_array_index (here, i);
      const char *id = column_member (node, "id");
      const char *name = column_member (node, "name");
      g_autofree char *detail = trail != NULL ? g_strdup_printf (_("Under %s"), trail) : NULL;
      g_autofree char *below = trail != NULL ? g_strdup_printf ("%s › %s", trail, name)
                                             : g_strdup (name);

      g_ptr_array_add (options, civic_argument_option_new (id, name, detail,
                                                           chosen != NULL &&
                                                           g_strv_contains (chosen, id)));
      add_columns_under (options, mine, id, below, chosen, depth + 1);
    }
}

/* The columns of the disclosure's organ (of the official's, for a new
 * one), as the catalogue nests them; one the record names that the feed
 * has not brought stays, under its id */
static GPtrArray *
columns (GObject                    *record,
         const CivicArgumentSources *sources)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_argument_option_free);
  CivicDisclosure *disclosure = record != NULL ? CIVIC_DISCLOSURE (record) : NULL;
  const char *department = disclosure != NULL ? civic_disclosure_get_department_id (disclosure)
                                              : sources->department;
  const char * const *chosen = disclosure != NULL ? civic_disclosure_get_columns (disclosure) : NULL;
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();

  for (guint i = 0; sources->columns != NULL && i < sources->columns->len; i++)
    {
      JsonNode *node = g_ptr_array_index (sources->columns, i);

      if (department != NULL && g_strcmp0 (column_member (node, "department"), department) == 0 &&
          column_member (node, "id") != NULL && column_member (node, "name") != NULL)
        g_ptr_array_add (mine, node);
    }
  add_columns_under (options, mine, NULL, NULL, chosen, 0);

  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    {
      gboolean offered = FALSE;

      for (guint j = 0; j < options->len && !offered; j++)
        offered = g_str_equal (((CivicArgumentOption *) g_ptr_array_index (options, j))->value,
                               chosen[i]);
      if (!offered)
        g_ptr_array_add (options, civic_argument_option_new (chosen[i], chosen[i], NULL, TRUE));
    }
  return options;
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
  { .name = "columns", .kind = CIVIC_ARGUMENT_CHECKLIST, .title = N_("Co_lumns"), \
    .description = N_("The organ’s columns the public finds it in"), .options = columns }, \
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

static const CivicArgument draft_licensing[] = {
  LINE ("title", TRUE, N_("_Title")),
  { .name = "category", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE,
    .title = N_("_Category"), .enum_type = civic_disclosure_category_get_type,
    .enum_label = category_label },
  { .name = "formed_on", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE,
    .title = N_("_Formed or Changed On") },
  { .name = "columns", .kind = CIVIC_ARGUMENT_CHECKLIST, .title = N_("Co_lumns"),
    .description = N_("The organ’s columns the public finds it in"), .options = columns },
  LINE ("document_number", FALSE, N_("_Document Number")),
  LINE ("department_id", TRUE, N_("_Organ")),
  { .name = "body", .kind = CIVIC_ARGUMENT_MARKDOWN, .required = TRUE, .title = N_("_Text") },
  { .name = "personal_names", .kind = CIVIC_ARGUMENT_NAMES, .title = N_("_Personal Names") },
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
    .max = CIVIC_ATTACHMENT_MAX_SIZE },
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
  [CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING] = draft_licensing,
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
