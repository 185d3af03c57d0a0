/* civic-disclosure-kind.c — a disclosure as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-kind.h"
#include "civic-disclosure-private.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* The editorial workflow of PublishPress and Drupal's Content Moderation,
 * checked here on both sides rather than in a browser: an editor drafts
 * and submits; one to three levels of reviewers approve in turn (三审,
 * the organ's policy), none of them the author or an earlier approver of
 * the same round; the last level or the head of the disclosure office
 * schedules or publishes, and only while the privacy gate is clear. A
 * published disclosure is revised in a working copy (plone.app.iterate):
 * the published version stays up until the revision is published. */

#define STATE(s) (1u << CIVIC_DISCLOSURE_STATE_##s)
#define BEFORE_PUBLISHED (STATE (DRAFT) | STATE (IN_REVIEW) | STATE (APPROVED) | STATE (SCHEDULED))
#define ANY_STATE ((1u << CIVIC_N_DISCLOSURE_STATES) - 1)

/* Who of the organ's reviewers acts */
typedef enum
{
  ANY_OFFICIAL,
  CURRENT_LEVEL,   /* a reviewer of the level the review has reached */
  LAST_LEVEL,      /* a reviewer of the last level, or the head */
} Reviewer;

static const struct
{
  guint      states;
  CivicRole  roles;
  Reviewer   reviewer;
} rules[CIVIC_N_DISCLOSURE_ACTIONS] = {
  [CIVIC_DISCLOSURE_ACTION_CREATE] = { STATE (DRAFT), CIVIC_ROLE_DISCLOSURE_EDITOR },
  [CIVIC_DISCLOSURE_ACTION_SAVE] = { STATE (DRAFT), CIVIC_ROLE_DISCLOSURE_EDITOR },
  [CIVIC_DISCLOSURE_ACTION_MARK_NAME] = { STATE (DRAFT) | STATE (IN_REVIEW),
                                          CIVIC_ROLES_DISCLOSURE },
  [CIVIC_DISCLOSURE_ACTION_COMMENT] = { ANY_STATE, CIVIC_ROLES_DISCLOSURE },
  [CIVIC_DISCLOSURE_ACTION_SUBMIT] = { STATE (DRAFT), CIVIC_ROLE_DISCLOSURE_EDITOR },
  [CIVIC_DISCLOSURE_ACTION_REVIEW] = { STATE (IN_REVIEW),
                                       CIVIC_ROLE_DISCLOSURE_REVIEWER | CIVIC_ROLE_DISCLOSURE_HEAD,
                                       CURRENT_LEVEL },
  [CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE] = { BEFORE_PUBLISHED,
                                            CIVIC_ROLE_DISCLOSURE_REVIEWER |
                                            CIVIC_ROLE_DISCLOSURE_HEAD },
  [CIVIC_DISCLOSURE_ACTION_SCHEDULE] = { STATE (APPROVED),
                                         CIVIC_ROLE_DISCLOSURE_REVIEWER |
                                         CIVIC_ROLE_DISCLOSURE_HEAD, LAST_LEVEL },
  /* the service too, when the gate holds a scheduled publication */
  [CIVIC_DISCLOSURE_ACTION_UNSCHEDULE] = { STATE (SCHEDULED),
                                           CIVIC_ROLE_DISCLOSURE_REVIEWER |
                                           CIVIC_ROLE_DISCLOSURE_HEAD | CIVIC_ROLE_SYSTEM,
                                           LAST_LEVEL },
  [CIVIC_DISCLOSURE_ACTION_PUBLISH] = { STATE (APPROVED) | STATE (SCHEDULED),
                                        CIVIC_ROLE_DISCLOSURE_REVIEWER |
                                        CIVIC_ROLE_DISCLOSURE_HEAD, LAST_LEVEL },
  [CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED] = { STATE (SCHEDULED), CIVIC_ROLE_SYSTEM },
  [CIVIC_DISCLOSURE_ACTION_REVISE] = { STATE (PUBLISHED), CIVIC_ROLE_DISCLOSURE_EDITOR },
  [CIVIC_DISCLOSURE_ACTION_WITHDRAW] = { STATE (PUBLISHED) | STATE (EXPIRED) | STATE (DRAFT) |
                                         STATE (IN_REVIEW) | STATE (APPROVED) | STATE (SCHEDULED),
                                         CIVIC_ROLE_DISCLOSURE_HEAD },
  [CIVIC_DISCLOSURE_ACTION_SET_VALIDITY] = { STATE (PUBLISHED) | STATE (EXPIRED),
                                             CIVIC_ROLE_DISCLOSURE_HEAD },
  [CIVIC_DISCLOSURE_ACTION_EXPIRE] = { STATE (PUBLISHED), CIVIC_ROLE_SYSTEM },
  [CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT] = { STATE (DRAFT), CIVIC_ROLE_DISCLOSURE_EDITOR },
  [CIVIC_DISCLOSURE_ACTION_ATTACH_FILE] = { STATE (DRAFT), CIVIC_ROLE_DISCLOSURE_EDITOR },
  [CIVIC_DISCLOSURE_ACTION_REMOVE_FILE] = { STATE (DRAFT), CIVIC_ROLE_DISCLOSURE_EDITOR },
  [CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING] = { STATE (DRAFT), CIVIC_ROLE_SYSTEM },
};

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

const char *
civic_disclosure_action_get_label (CivicDisclosureAction action)
{
  switch (action)
    {
    case CIVIC_DISCLOSURE_ACTION_CREATE: return _("New Disclosure");
    case CIVIC_DISCLOSURE_ACTION_SAVE: return _("Save Version");
    case CIVIC_DISCLOSURE_ACTION_MARK_NAME: return _("Mark Name as Personal");
    case CIVIC_DISCLOSURE_ACTION_COMMENT: return _("Comment");
    case CIVIC_DISCLOSURE_ACTION_SUBMIT: return _("Submit for Review");
    case CIVIC_DISCLOSURE_ACTION_REVIEW: return _("Review");
    case CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE: return _("Mark as Public");
    case CIVIC_DISCLOSURE_ACTION_SCHEDULE: return _("Schedule Publication");
    case CIVIC_DISCLOSURE_ACTION_UNSCHEDULE: return _("Cancel Schedule");
    case CIVIC_DISCLOSURE_ACTION_PUBLISH: return _("Publish Now");
    case CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED: return _("Publish as Scheduled");
    case CIVIC_DISCLOSURE_ACTION_REVISE: return _("Revise");
    case CIVIC_DISCLOSURE_ACTION_WITHDRAW: return _("Withdraw");
    case CIVIC_DISCLOSURE_ACTION_SET_VALIDITY: return _("Set Validity");
    case CIVIC_DISCLOSURE_ACTION_EXPIRE: return _("Expire");
    case CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT: return _("New Annual Report");
    case CIVIC_DISCLOSURE_ACTION_ATTACH_FILE: return _("Attach File");
    case CIVIC_DISCLOSURE_ACTION_REMOVE_FILE: return _("Remove File");
    case CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING: return _("Draft a Licence’s Publication");
    default: g_return_val_if_reached ("");
    }
}

static const char *
past_tense (CivicDisclosureAction action)
{
  switch (action)
    {
    case CIVIC_DISCLOSURE_ACTION_CREATE: return _("Started the disclosure");
    case CIVIC_DISCLOSURE_ACTION_SAVE: return _("Saved a version");
    case CIVIC_DISCLOSURE_ACTION_MARK_NAME: return _("Marked a name as personal");
    case CIVIC_DISCLOSURE_ACTION_COMMENT: return _("Commented");
    case CIVIC_DISCLOSURE_ACTION_SUBMIT: return _("Submitted it for review");
    case CIVIC_DISCLOSURE_ACTION_REVIEW: return _("Reviewed it");
    case CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE: return _("Marked a finding as public");
    case CIVIC_DISCLOSURE_ACTION_SCHEDULE: return _("Scheduled its publication");
    case CIVIC_DISCLOSURE_ACTION_UNSCHEDULE: return _("Cancelled its scheduled publication");
    case CIVIC_DISCLOSURE_ACTION_PUBLISH: return _("Published it");
    case CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED: return _("Published it as scheduled");
    case CIVIC_DISCLOSURE_ACTION_REVISE: return _("Started a revision");
    case CIVIC_DISCLOSURE_ACTION_WITHDRAW: return _("Withdrew it");
    case CIVIC_DISCLOSURE_ACTION_SET_VALIDITY: return _("Changed its validity");
    case CIVIC_DISCLOSURE_ACTION_EXPIRE: return _("It expired");
    case CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT: return _("Generated the annual report");
    case CIVIC_DISCLOSURE_ACTION_ATTACH_FILE: return _("Attached a file");
    case CIVIC_DISCLOSURE_ACTION_REMOVE_FILE: return _("Removed a file");
    case CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING: return _("Drafted the publication of a licence");
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

static gboolean
get_text (JsonObject  *args,
          const char  *member,
          gboolean     required,
          gsize        max,
          const char **out,
          GError     **error)
{
  *out = NULL;
  if (!(required ? civic_json_get_text (args, member, TRUE, out, error)
                 : civic_json_get_string (args, member, FALSE, out, error)))
    return argument_error (error);
  if (*out != NULL && strlen (*out) > max)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” is too long"), member);
  return TRUE;
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* A list of short texts (columns, keywords, names): each non-empty, at
 * most @max of them */
static gboolean
get_list (JsonObject  *args,
          const char  *member,
          guint        max,
          GStrv       *out,
          GError     **error)
{
  g_auto(GStrv) value = NULL;

  if (!civic_json_get_strv (args, member, FALSE, &value, error))
    return argument_error (error);
  if (value == NULL)
    return TRUE;
  if (g_strv_length (value) > max)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” has too many entries"), member);
  for (guint i = 0; value[i] != NULL; i++)
    if (*g_strstrip (value[i]) == '\0' || strlen (value[i]) > 200)
      return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” has an empty or overlong entry"),
                     member);
  g_strfreev (*out);
  *out = g_steal_pointer (&value);
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

/* The catalogue's fields, on creation and on any save of a draft */
static gboolean
apply_metadata (CivicDisclosure            *disclosure,
                JsonObject                 *args,
                gboolean                    creating,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  const char *title, *summary, *organ, *number, *interpretation_of;
  int category = disclosure->category;
  CivicDisclosureValidity validity = disclosure->validity;
  CivicDay formed_on = CIVIC_DAY_INVALID;
  gboolean normative = disclosure->normative;

  if (!get_text (args, "title", creating, 300, &title, error) ||
      !get_text (args, "summary", FALSE, 2000, &summary, error) ||
      !get_enum (args, "category", creating, CIVIC_TYPE_DISCLOSURE_CATEGORY, &category, error) ||
      !get_list (args, "columns", 20, &disclosure->columns, error) ||
      !get_list (args, "keywords", 20, &disclosure->keywords, error) ||
      !get_text (args, "issuing_organ", FALSE, 200, &organ, error) ||
      !get_text (args, "document_number", FALSE, 100, &number, error) ||
      !get_text (args, "interpretation_of", FALSE, 100, &interpretation_of, error))
    return FALSE;
  if (!civic_json_get_day (args, "formed_on", creating, &formed_on, error) ||
      !civic_json_get_bool (args, "normative", FALSE, &normative, error))
    return argument_error (error);

  if (formed_on != CIVIC_DAY_INVALID)
    {
      if (formed_on > civic_time_day_of (context->now))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("The information cannot have been formed in the future"));
      disclosure->formed_on = formed_on;
    }
  if (title != NULL)
    set_string (&disclosure->title, title);
  if (summary != NULL)
    set_string (&disclosure->summary, summary);
  if (organ != NULL)
    set_string (&disclosure->issuing_organ, organ);
  if (number != NULL)
    set_string (&disclosure->document_number, number);
  if (interpretation_of != NULL)
    {
      if (g_strcmp0 (interpretation_of, disclosure->id) == 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                       _("A disclosure cannot interpret itself"));
      set_string (&disclosure->interpretation_of, interpretation_of);
    }
  disclosure->category = category;
  disclosure->normative = normative;

  /* A normative document is in force until set-disclosure-validity says
   * otherwise; other information has no force to speak of */
  if (!disclosure->normative)
    validity = CIVIC_DISCLOSURE_VALIDITY_NONE;
  else if (validity == CIVIC_DISCLOSURE_VALIDITY_NONE)
    validity = CIVIC_DISCLOSURE_VALIDITY_IN_FORCE;
  disclosure->validity = validity;
  return TRUE;
}

/* The rules that need no arguments */

static const CivicDisclosurePolicy *
policy_of (const CivicWorkflowContext *context)
{
  return context->disclosure_policy != NULL ? context->disclosure_policy
                                            : civic_disclosure_policy_get_default ();
}

/* Whether @actor approved at some level of the current round */
static gboolean
approved_this_round (CivicDisclosure  *disclosure,
                     const CivicActor *actor)
{
  for (guint i = 0; i < disclosure->reviews->len; i++)
    {
      const CivicDisclosureReview *review = g_ptr_array_index (disclosure->reviews, i);

      if (review->round == disclosure->round && review->decision == CIVIC_DISCLOSURE_REVIEW_APPROVE &&
          g_strcmp0 (review->reviewer_id, actor->id) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_reviewer (CivicDisclosure            *disclosure,
                CivicDisclosureAction       action,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  const CivicDisclosurePolicy *policy = policy_of (context);
  const CivicActor *actor = context->actor;
  guint level;

  if (civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM))
    return TRUE;

  switch (rules[action].reviewer)
    {
    case CURRENT_LEVEL:
      level = disclosure->review_level + 1;
      if (g_strcmp0 (actor->id, disclosure->author_id) == 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                       _("The author of a disclosure does not review it"));
      if (approved_this_round (disclosure, actor))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                       _("You approved it at an earlier level; another reviewer reviews it at "
                         "level %u"), level);
      if (!civic_disclosure_policy_reviews_at (policy, level, actor))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                       /* Translators: "It is at review level 2 of 3; you do not review at that level" */
                       _("It is at review level %u of %u; you do not review at that level"),
                       level, policy->review_levels);
      return TRUE;

    case LAST_LEVEL:
      if (civic_actor_has_role (actor, CIVIC_ROLE_DISCLOSURE_HEAD) ||
          civic_disclosure_policy_reviews_at (policy, policy->review_levels, actor))
        return TRUE;
      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                     _("Only a reviewer of the last level or the head of the disclosure office "
                       "publishes"));

    case ANY_OFFICIAL:
    default:
      return TRUE;
    }
}

static gboolean
check_preconditions (CivicDisclosure            *disclosure,
                     CivicDisclosureAction       action,
                     const CivicWorkflowContext *context,
                     GError                    **error)
{
  switch (action)
    {
    case CIVIC_DISCLOSURE_ACTION_CREATE:
    case CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT:
    case CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING:
      if (disclosure->rev != 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("This disclosure exists already"));
      return TRUE;
    case CIVIC_DISCLOSURE_ACTION_SUBMIT:
      if (disclosure->title == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("Give the disclosure a title first"));
      if (disclosure->head_version == 0 || *disclosure->body == '\0')
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("Save the text before it is submitted"));
      return TRUE;
    case CIVIC_DISCLOSURE_ACTION_REVISE:
      return TRUE;
    case CIVIC_DISCLOSURE_ACTION_WITHDRAW:
      if (disclosure->published_version == 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("Only what was published is withdrawn; an unpublished draft is left "
                         "as it is"));
      return TRUE;
    case CIVIC_DISCLOSURE_ACTION_SET_VALIDITY:
      if (!disclosure->normative)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("Only a normative document is in force, lapsed or repealed"));
      return TRUE;
    default:
      return TRUE;
    }
}

static gboolean
disclosure_check_action (CivicDisclosure            *disclosure,
                         CivicDisclosureAction       action,
                         const CivicWorkflowContext *context,
                         GError                    **error)
{
  const CivicActor *actor = context->actor;

  if ((guint) action >= CIVIC_N_DISCLOSURE_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));

  if (!(rules[action].states & (1u << disclosure->state)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   /* Translators: "“Publish Now” is not possible while the disclosure is “Draft”" */
                   _("“%s” is not possible while the disclosure is “%s”"),
                   civic_disclosure_action_get_label (action),
                   civic_disclosure_state_get_label (disclosure->state));

  if (!civic_actor_has_role (actor, rules[action].roles))
    {
      g_autofree char *roles = civic_roles_to_string (rules[action].roles);

      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("“%s” is for these roles: %s"),
                     civic_disclosure_action_get_label (action), roles);
    }

  if (!civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM) &&
      g_strcmp0 (actor->department_id, disclosure->department_id) != 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only the organ that publishes a disclosure acts on it"));

  return check_reviewer (disclosure, action, context, error) &&
         check_preconditions (disclosure, action, context, error);
}

/* Applying */

static CivicDisclosureVersion *
add_version (CivicDisclosure            *disclosure,
             const CivicWorkflowContext *context,
             const char                 *note)
{
  CivicDisclosureVersion *version = g_new0 (CivicDisclosureVersion, 1);

  version->number = ++disclosure->head_version;
  version->author_id = g_strdup (context->actor->id);
  version->author_name = g_strdup (context->actor->name);
  version->at = g_date_time_ref (context->now);
  version->command_id = g_strdup (context->command_id);
  version->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  g_ptr_array_add (disclosure->versions, version);
  return version;
}

static void
relint (CivicDisclosure            *disclosure,
        const CivicWorkflowContext *context)
{
  g_autoptr(GPtrArray) findings = civic_disclosure_lint (disclosure, disclosure->body,
                                                         policy_of (context));

  civic_disclosure_set_findings (disclosure, findings);
}

static gboolean
has_finding (CivicDisclosure *disclosure,
             const char      *key)
{
  for (guint i = 0; i < disclosure->findings->len; i++)
    if (g_strcmp0 (((CivicDisclosureFinding *) g_ptr_array_index (disclosure->findings, i))->key,
                   key) == 0)
      return TRUE;
  return FALSE;
}

/* A save names the base version it edited: a save on an older one is a
 * conflict, never merged (decision 5). It may list the keys of the
 * findings it redacted; each must be gone from the new text. */
static gboolean
apply_save (CivicDisclosure            *disclosure,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_auto(GStrv) redacted = NULL;
  CivicDisclosureVersion *version;
  const char *body, *note;
  gint64 base = 0;

  if (!civic_json_get_string (args, "body", TRUE, &body, error) ||
      !civic_json_get_int (args, "base_version", TRUE, 0, G_MAXINT32, &base, error) ||
      !civic_json_get_strv (args, "redacted", FALSE, &redacted, error))
    return argument_error (error);
  if (!get_text (args, "note", FALSE, 2000, &note, error))
    return FALSE;
  if (redacted != NULL && g_strv_length (redacted) > 1000)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“%s” has too many entries"),
                   "redacted");
  for (guint i = 0; redacted != NULL && redacted[i] != NULL; i++)
    if (strlen (redacted[i]) != 64 || strspn (redacted[i], "0123456789abcdef") != 64)
      return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                     _("“%s” is not the key of a finding"), redacted[i]);
  if (strlen (body) > CIVIC_DISCLOSURE_MAX_BODY)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The text is longer than %u KiB"), CIVIC_DISCLOSURE_MAX_BODY / 1024);
  if ((guint) base != disclosure->head_version)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("This text was written on version %u, but version %u has been saved "
                     "since; compare them in Conflicts"),
                   (guint) base, disclosure->head_version);
  if (!apply_metadata (disclosure, args, FALSE, context, error))
    return FALSE;

  g_free (disclosure->body);
  disclosure->body = g_strdup (body);
  version = add_version (disclosure, context, note);
  relint (disclosure, context);

  for (guint i = 0; redacted != NULL && redacted[i] != NULL; i++)
    if (has_finding (disclosure, redacted[i]))
      return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                     _("A finding said to be redacted is still in the text"));
  /* kept, and audited by the service: what was removed, never its value */
  if (redacted != NULL && redacted[0] != NULL)
    version->redacted = g_steal_pointer (&redacted);
  return TRUE;
}

static gboolean
apply_mark_name (CivicDisclosure            *disclosure,
                 JsonObject                 *args,
                 const CivicWorkflowContext *context,
                 GError                    **error)
{
  const char *name;
  GStrvBuilder *builder;

  if (!get_text (args, "name", TRUE, 100, &name, error))
    return FALSE;
  if (g_utf8_strlen (name, -1) < 2)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A name of one character would mark every one of it in the text"));
  if (g_strv_contains ((const char * const *) disclosure->personal_names, name))
    return TRUE;
  if (g_strv_length (disclosure->personal_names) >= 200)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("Too many names are marked"));

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) disclosure->personal_names);
  g_strv_builder_add (builder, name);
  g_strfreev (disclosure->personal_names);
  disclosure->personal_names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  relint (disclosure, context);
  return TRUE;
}

static gboolean
apply_comment (CivicDisclosure            *disclosure,
               JsonObject                 *args,
               const CivicWorkflowContext *context,
               GError                    **error)
{
  CivicDisclosureComment *comment;
  const char *text;

  if (!get_text (args, "text", TRUE, 4000, &text, error))
    return FALSE;
  if (disclosure->comments->len >= 1000)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, _("This disclosure has too many comments"));
  comment = g_new0 (CivicDisclosureComment, 1);
  comment->author_id = g_strdup (context->actor->id);
  comment->author_name = g_strdup (context->actor->name);
  comment->text = g_strdup (text);
  comment->at = g_date_time_ref (context->now);
  g_ptr_array_add (disclosure->comments, comment);
  return TRUE;
}

static gboolean
apply_review (CivicDisclosure            *disclosure,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  const CivicDisclosurePolicy *policy = policy_of (context);
  CivicDisclosureReview *review;
  const char *comment;
  int decision;

  if (!get_enum (args, "decision", TRUE, CIVIC_TYPE_DISCLOSURE_DECISION, &decision, error) ||
      !get_text (args, "comment", decision == CIVIC_DISCLOSURE_REVIEW_RETURN, 4000, &comment,
                 error))
    return FALSE;

  if (decision == CIVIC_DISCLOSURE_REVIEW_APPROVE &&
      disclosure->review_level + 1 >= policy->review_levels &&
      !civic_disclosure_gate_check (disclosure, error))
    return FALSE;

  review = g_new0 (CivicDisclosureReview, 1);
  review->round = disclosure->round;
  review->level = disclosure->review_level + 1;
  review->reviewer_id = g_strdup (context->actor->id);
  review->reviewer_name = g_strdup (context->actor->name);
  review->decision = decision;
  review->comment = comment != NULL && *comment != '\0' ? g_strdup (comment) : NULL;
  review->at = g_date_time_ref (context->now);
  g_ptr_array_add (disclosure->reviews, review);

  if (decision == CIVIC_DISCLOSURE_REVIEW_RETURN)
    {
      disclosure->state = CIVIC_DISCLOSURE_STATE_DRAFT;
      disclosure->review_level = 0;
      return TRUE;
    }

  disclosure->review_level++;
  if (disclosure->review_level >= policy->review_levels)
    disclosure->state = CIVIC_DISCLOSURE_STATE_APPROVED;
  return TRUE;
}

static gboolean
apply_acknowledge (CivicDisclosure            *disclosure,
                   JsonObject                 *args,
                   const CivicWorkflowContext *context,
                   GError                    **error)
{
  CivicDisclosureAcknowledgement *acknowledgement;
  const CivicDisclosureFinding *finding = NULL;
  const char *key, *reason;
  int ground;

  if (!get_text (args, "key", TRUE, 64, &key, error) ||
      !get_enum (args, "ground", TRUE, CIVIC_TYPE_DISCLOSURE_GROUND, &ground, error) ||
      !get_text (args, "reason", TRUE, 2000, &reason, error))
    return FALSE;

  /* of the body or of an attachment: one gate for both */
  finding = civic_disclosure_find_finding (disclosure, key);
  if (finding == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The text has no such finding now; scan it again"));
  if (civic_disclosure_is_acknowledged (disclosure, key))
    return TRUE;

  /* An ID number, a bank card or a birth date is never an office's contact */
  if (ground == CIVIC_DISCLOSURE_GROUND_OFFICE_CONTACT &&
      finding->kind != CIVIC_PRIVACY_KIND_FIXED_LINE && finding->kind != CIVIC_PRIVACY_KIND_EMAIL &&
      finding->kind != CIVIC_PRIVACY_KIND_MOBILE)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("Only a phone number or a mailbox is an office’s contact"));

  acknowledgement = g_new0 (CivicDisclosureAcknowledgement, 1);
  acknowledgement->key = g_strdup (key);
  acknowledgement->kind = finding->kind;
  acknowledgement->ground = ground;
  acknowledgement->reason = g_strdup (reason);
  acknowledgement->by_id = g_strdup (context->actor->id);
  acknowledgement->by_name = g_strdup (context->actor->name);
  acknowledgement->version = disclosure->head_version;
  acknowledgement->at = g_date_time_ref (context->now);
  g_ptr_array_add (disclosure->acknowledgements, acknowledgement);
  return TRUE;
}

/* A file the service holds already (POST …/attachments) joins the
 * disclosure. Until the service has read its text it is unchecked, and
 * the gate holds the disclosure for it: an offline copy never looks
 * clearer than the service will say it is. */
static gboolean
apply_attach (CivicDisclosure            *disclosure,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  CivicDisclosureAttachment *attachment;
  const char *sha256, *name, *media_type;
  gint64 size = 0;

  if (!get_text (args, "sha256", TRUE, 64, &sha256, error) ||
      !get_text (args, "name", TRUE, 200, &name, error) ||
      !get_text (args, "media_type", FALSE, 100, &media_type, error))
    return FALSE;
  if (!civic_json_get_int (args, "size", FALSE, 0, CIVIC_ATTACHMENT_MAX_SIZE, &size,
                           error))
    return argument_error (error);
  if (!civic_attachment_sha256_is_valid (sha256))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” is not the sha256 of a file"), sha256);
  if (!civic_attachment_name_is_valid (name))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” is not a file name: one name of at most 200 bytes, without “/”, "
                     "“\\” or control characters, not starting with a dot"), name);
  if (media_type != NULL && !civic_attachment_media_type_is_valid (media_type))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” is not a media type such as application/pdf"), media_type);
  if (civic_disclosure_find_attachment (disclosure, sha256) != NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("This file is attached already"));
  for (guint i = 0; i < disclosure->attachments->len; i++)
    if (g_str_equal (((CivicDisclosureAttachment *) g_ptr_array_index (disclosure->attachments,
                                                                        i))->name, name))
      return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                     _("A file named “%s” is attached already; remove it first"), name);
  if (disclosure->attachments->len >= CIVIC_DISCLOSURE_MAX_ATTACHMENTS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("A disclosure has at most %u attachments"), CIVIC_DISCLOSURE_MAX_ATTACHMENTS);

  attachment = g_new0 (CivicDisclosureAttachment, 1);
  attachment->name = g_strdup (name);
  attachment->sha256 = g_strdup (sha256);
  attachment->media_type = g_strdup (media_type != NULL ? media_type : "application/octet-stream");
  attachment->size = size;
  attachment->findings =
    g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_finding_free);
  attachment->by_id = g_strdup (context->actor->id);
  attachment->by_name = g_strdup (context->actor->name);
  attachment->at = g_date_time_ref (context->now);
  g_ptr_array_add (disclosure->attachments, attachment);
  civic_disclosure_check_attachment (disclosure, sha256, NULL, policy_of (context));
  return TRUE;
}

/* A faulty file is replaced, not redacted: removed, and its replacement
 * attached */
static gboolean
apply_remove (CivicDisclosure  *disclosure,
              JsonObject       *args,
              GError          **error)
{
  const char *sha256;

  if (!get_text (args, "sha256", TRUE, 64, &sha256, error))
    return FALSE;
  for (guint i = 0; i < disclosure->attachments->len; i++)
    if (g_str_equal (((CivicDisclosureAttachment *) g_ptr_array_index (disclosure->attachments,
                                                                        i))->sha256, sha256))
      {
        g_ptr_array_remove_index (disclosure->attachments, i);
        return TRUE;
      }
  return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("No such file is attached"));
}

/* "2026-03-16" and "09:30", at the minute, in the hall's time zone */
static GDateTime *
get_minute (JsonObject  *args,
            GError     **error)
{
  const char *time_text = NULL;
  CivicDay day = CIVIC_DAY_INVALID;
  int hour, minute, year, month, mday;
  char extra;

  if (!civic_json_get_day (args, "publish_on", TRUE, &day, error) ||
      !civic_json_get_string (args, "publish_at", TRUE, &time_text, error))
    {
      argument_error (error);
      return NULL;
    }
  if (sscanf (time_text, "%2d:%2d%c", &hour, &minute, &extra) != 2 ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("“%s” is not a time of day such as 09:30"), time_text);
      return NULL;
    }
  civic_day_to_ymd (day, &year, &month, &mday);
  return g_date_time_new (civic_time_zone (), year, month, mday, hour, minute, 0);
}

static gboolean
get_expiry (CivicDisclosure  *disclosure,
            JsonObject       *args,
            CivicDay          from,
            GError          **error)
{
  CivicDay expire_on = CIVIC_DAY_INVALID;

  if (!civic_json_get_day (args, "expire_on", FALSE, &expire_on, error))
    return argument_error (error);
  if (expire_on != CIVIC_DAY_INVALID && expire_on <= from)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("It must expire after the day it is published"));
  disclosure->expire_on = expire_on;
  return TRUE;
}

static void
publish (CivicDisclosure *disclosure,
         GDateTime       *at)
{
  disclosure->state = CIVIC_DISCLOSURE_STATE_PUBLISHED;
  disclosure->published_version = disclosure->head_version;
  g_clear_pointer (&disclosure->published_at, g_date_time_unref);
  disclosure->published_at = g_date_time_ref (at);
  g_clear_pointer (&disclosure->publish_at, g_date_time_unref);
}

static gboolean
apply_schedule (CivicDisclosure            *disclosure,
                JsonObject                 *args,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  g_autoptr(GDateTime) at = NULL;

  if (!civic_disclosure_gate_check (disclosure, error))
    return FALSE;
  if ((at = get_minute (args, error)) == NULL)
    return FALSE;
  if (g_date_time_compare (at, context->now) <= 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A publication is scheduled for a minute still to come; to publish now, "
                     "choose Publish Now"));
  if (!get_expiry (disclosure, args, civic_time_day_of (at), error))
    return FALSE;
  g_clear_pointer (&disclosure->publish_at, g_date_time_unref);
  disclosure->publish_at = g_steal_pointer (&at);
  disclosure->state = CIVIC_DISCLOSURE_STATE_SCHEDULED;
  return TRUE;
}

static gboolean
apply_withdraw (CivicDisclosure            *disclosure,
                JsonObject                 *args,
                const CivicWorkflowContext *context,
                GError                    **error)
{
  const char *notice, *reason;

  if (!get_text (args, "public_notice", TRUE, 2000, &notice, error) ||
      !get_text (args, "reason", TRUE, 2000, &reason, error))
    return FALSE;
  set_string (&disclosure->public_notice, notice);
  set_string (&disclosure->withdraw_reason, reason);
  g_clear_pointer (&disclosure->withdrawn_at, g_date_time_unref);
  disclosure->withdrawn_at = g_date_time_ref (context->now);
  g_clear_pointer (&disclosure->publish_at, g_date_time_unref);
  disclosure->state = CIVIC_DISCLOSURE_STATE_WITHDRAWN;
  return TRUE;
}

static gboolean
apply_set_validity (CivicDisclosure  *disclosure,
                    JsonObject       *args,
                    GError          **error)
{
  const char *repealed_by;
  int validity;

  if (!get_enum (args, "validity", TRUE, CIVIC_TYPE_DISCLOSURE_VALIDITY, &validity, error) ||
      !get_text (args, "repealed_by", FALSE, 200, &repealed_by, error))
    return FALSE;
  if (validity == CIVIC_DISCLOSURE_VALIDITY_NONE)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A normative document is in force, lapsed or repealed"));
  if (validity == CIVIC_DISCLOSURE_VALIDITY_REPEALED && repealed_by == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Say which document repealed it"));
  disclosure->validity = validity;
  set_string (&disclosure->repealed_by,
              validity == CIVIC_DISCLOSURE_VALIDITY_REPEALED ? repealed_by : NULL);
  return TRUE;
}

/* An annual report (OGI Art. 50) for a year that has ended: a draft the
 * service fills with the year's statistics (civic-disclosure-report.c),
 * due by 31 January (Art. 49) */
static gboolean
apply_generate_report (CivicDisclosure            *disclosure,
                       JsonObject                 *args,
                       const CivicWorkflowContext *context,
                       GError                    **error)
{
  int this_year = civic_day_get_year (civic_time_day_of (context->now));
  gint64 year = 0;

  if (!civic_json_get_int (args, "year", TRUE, 2000, 9999, &year, error))
    return argument_error (error);
  if (year >= this_year)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A report is made for a year that has ended: %d or earlier"), this_year - 1);
  disclosure->report_year = (guint) year;
  disclosure->category = CIVIC_DISCLOSURE_CATEGORY_ANNUAL_REPORT;
  disclosure->formed_on = civic_time_day_of (context->now);
  g_free (disclosure->title);
  /* Translators: the annual report's title until the service names its organ */
  disclosure->title = g_strdup_printf (_("Annual report on government information disclosure, %d"),
                                       (int) year);
  return TRUE;
}

void
civic_disclosure_set_generated_text (CivicDisclosure             *disclosure,
                                     const char                  *title,
                                     const char                  *body,
                                     GDateTime                   *at,
                                     const char                  *command_id,
                                     const CivicDisclosurePolicy *policy)
{
  CivicDisclosureVersion *version = g_new0 (CivicDisclosureVersion, 1);
  g_autoptr(GPtrArray) findings = NULL;

  g_return_if_fail (CIVIC_IS_DISCLOSURE (disclosure));

  g_free (disclosure->title);
  disclosure->title = g_strdup (title);
  g_free (disclosure->body);
  disclosure->body = g_strdup (body);
  version->number = ++disclosure->head_version;
  version->author_id = g_strdup (disclosure->author_id);
  version->author_name = g_strdup (disclosure->author_name);
  version->at = g_date_time_ref (at);
  version->command_id = g_strdup (command_id);
  g_ptr_array_add (disclosure->versions, version);
  findings = civic_disclosure_lint (disclosure, disclosure->body, policy);
  civic_disclosure_set_findings (disclosure, findings);
}

/* A licence granted, as the service drafts it for the organ to publish:
 * its metadata, its text as the first version, and the holder's name
 * marked as personal when the holder is a person, so that the gate holds
 * it until a reviewer redacts the name or says the law requires it
 * public. It goes through the organ's review like any disclosure. */
static gboolean
apply_draft_licensing (CivicDisclosure            *disclosure,
                       JsonObject                 *args,
                       const CivicWorkflowContext *context,
                       GError                    **error)
{
  g_auto(GStrv) names = NULL;
  const char *body, *organ;

  if (!get_text (args, "department_id", TRUE, 64, &organ, error) ||
      !civic_json_get_string (args, "body", TRUE, &body, NULL) ||
      !civic_json_get_strv (args, "personal_names", FALSE, &names, NULL))
    return argument_error (error);
  if (strlen (body) > CIVIC_DISCLOSURE_MAX_BODY)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The text is longer than %u KiB"), CIVIC_DISCLOSURE_MAX_BODY / 1024);
  set_string (&disclosure->department_id, organ);
  if (!apply_metadata (disclosure, args, TRUE, context, error))
    return FALSE;
  if (disclosure->category != CIVIC_DISCLOSURE_CATEGORY_LICENSING)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A licence is published in the category “licensing”"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_utf8_strlen (names[i], -1) >= 2 &&
        !g_strv_contains ((const char * const *) disclosure->personal_names, names[i]))
      {
        GStrvBuilder *builder = g_strv_builder_new ();

        g_strv_builder_addv (builder, (const char **) disclosure->personal_names);
        g_strv_builder_add (builder, names[i]);
        g_strfreev (disclosure->personal_names);
        disclosure->personal_names = g_strv_builder_end (builder);
        g_strv_builder_unref (builder);
      }
  g_free (disclosure->body);
  disclosure->body = g_strdup (body);
  add_version (disclosure, context, NULL);
  relint (disclosure, context);
  return TRUE;
}

static gboolean
apply_action (CivicDisclosure            *disclosure,
              CivicDisclosureAction       action,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  const char *note;

  switch (action)
    {
    case CIVIC_DISCLOSURE_ACTION_CREATE:
      return apply_metadata (disclosure, args, TRUE, context, error);

    case CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT:
      return apply_generate_report (disclosure, args, context, error);

    case CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING:
      return apply_draft_licensing (disclosure, args, context, error);

    case CIVIC_DISCLOSURE_ACTION_SAVE:
      return apply_save (disclosure, args, context, error);

    case CIVIC_DISCLOSURE_ACTION_MARK_NAME:
      return apply_mark_name (disclosure, args, context, error);

    case CIVIC_DISCLOSURE_ACTION_COMMENT:
      return apply_comment (disclosure, args, context, error);

    case CIVIC_DISCLOSURE_ACTION_SUBMIT:
      if (!get_text (args, "note", FALSE, 2000, &note, error))
        return FALSE;
      disclosure->state = CIVIC_DISCLOSURE_STATE_IN_REVIEW;
      disclosure->round++;
      disclosure->review_level = 0;
      return TRUE;

    case CIVIC_DISCLOSURE_ACTION_REVIEW:
      return apply_review (disclosure, args, context, error);

    case CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE:
      return apply_acknowledge (disclosure, args, context, error);

    case CIVIC_DISCLOSURE_ACTION_SCHEDULE:
      return apply_schedule (disclosure, args, context, error);

    case CIVIC_DISCLOSURE_ACTION_UNSCHEDULE:
      g_clear_pointer (&disclosure->publish_at, g_date_time_unref);
      disclosure->state = CIVIC_DISCLOSURE_STATE_APPROVED;
      return TRUE;

    case CIVIC_DISCLOSURE_ACTION_PUBLISH:
      if (!civic_disclosure_gate_check (disclosure, error) ||
          !get_expiry (disclosure, args, civic_time_day_of (context->now), error))
        return FALSE;
      publish (disclosure, context->now);
      return TRUE;

    case CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED:
      if (disclosure->publish_at != NULL && g_date_time_compare (context->now, disclosure->publish_at) < 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("Its minute has not come yet"));
      if (!civic_disclosure_gate_check (disclosure, error))
        return FALSE;
      publish (disclosure, context->now);
      return TRUE;

    case CIVIC_DISCLOSURE_ACTION_REVISE:
      if (!get_text (args, "reason", TRUE, 2000, &note, error))
        return FALSE;
      disclosure->state = CIVIC_DISCLOSURE_STATE_DRAFT;
      disclosure->review_level = 0;
      return TRUE;

    case CIVIC_DISCLOSURE_ACTION_WITHDRAW:
      return apply_withdraw (disclosure, args, context, error);

    case CIVIC_DISCLOSURE_ACTION_ATTACH_FILE:
      return apply_attach (disclosure, args, context, error);

    case CIVIC_DISCLOSURE_ACTION_REMOVE_FILE:
      return apply_remove (disclosure, args, error);

    case CIVIC_DISCLOSURE_ACTION_SET_VALIDITY:
      return apply_set_validity (disclosure, args, error);

    case CIVIC_DISCLOSURE_ACTION_EXPIRE:
      if (disclosure->expire_on == CIVIC_DAY_INVALID ||
          civic_time_day_of (context->now) < disclosure->expire_on)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("It is not due to expire yet"));
      disclosure->state = CIVIC_DISCLOSURE_STATE_EXPIRED;
      return TRUE;

    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The kind */

static gboolean
disclosure_action_from_string (const char *name,
                               guint      *action)
{
  int value;

  if (!civic_enum_from_nick (CIVIC_TYPE_DISCLOSURE_ACTION, name, &value))
    return FALSE;
  *action = value;
  return TRUE;
}

static const char *
disclosure_action_to_string (guint action)
{
  return civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_ACTION, action);
}

static const char *
disclosure_action_label (guint action)
{
  return civic_disclosure_action_get_label (action);
}

static const char *
disclosure_past_tense (const char *name)
{
  guint action;

  if (!disclosure_action_from_string (name, &action))
    return NULL;
  return past_tense (action);
}

static const CivicArgument *
disclosure_arguments (guint action)
{
  return civic_disclosure_action_get_arguments (action);
}

static CivicActionWeight
disclosure_weight (guint action)
{
  switch ((CivicDisclosureAction) action)
    {
    case CIVIC_DISCLOSURE_ACTION_WITHDRAW:
      return CIVIC_WEIGHT_DESTRUCTIVE;
    case CIVIC_DISCLOSURE_ACTION_REVIEW:
    case CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE:
    case CIVIC_DISCLOSURE_ACTION_SCHEDULE:
    case CIVIC_DISCLOSURE_ACTION_PUBLISH:
    case CIVIC_DISCLOSURE_ACTION_SET_VALIDITY:
      return CIVIC_WEIGHT_DELIBERATE;
    default:
      return CIVIC_WEIGHT_ROUTINE;
    }
}

/* A comment or a marked name still makes sense on a disclosure that
 * changed since; an approval of text the reviewer did not read does not */
static gboolean
disclosure_safe_when_stale (guint action)
{
  return action == CIVIC_DISCLOSURE_ACTION_COMMENT || action == CIVIC_DISCLOSURE_ACTION_MARK_NAME;
}

static GObject *
disclosure_from_json (JsonNode  *node,
                      GError   **error)
{
  return G_OBJECT (civic_disclosure_new_from_json (node, error));
}

static const char *
disclosure_get_id (GObject *record)
{
  return civic_disclosure_get_id (CIVIC_DISCLOSURE (record));
}

static gint64
disclosure_get_rev (GObject *record)
{
  return civic_disclosure_get_rev (CIVIC_DISCLOSURE (record));
}

static void
disclosure_set_rev (GObject *record,
                    gint64   rev)
{
  civic_disclosure_set_rev (CIVIC_DISCLOSURE (record), rev);
}

static char *
disclosure_label (GObject *record)
{
  CivicDisclosure *disclosure = CIVIC_DISCLOSURE (record);

  if (disclosure->index_number != NULL)
    return g_strdup (disclosure->index_number);
  return g_strdup (disclosure->title != NULL ? disclosure->title : _("Untitled disclosure"));
}

static char *
disclosure_headline (GObject *record)
{
  CivicDisclosure *disclosure = CIVIC_DISCLOSURE (record);

  if (disclosure->title == NULL)
    return g_strdup (_("Untitled disclosure"));
  if (disclosure->index_number == NULL)
    return g_strdup (disclosure->title);
  /* Translators: a disclosure's index number, then its title */
  return g_strdup_printf (_("%s — %s"), disclosure->index_number, disclosure->title);
}

static char *
disclosure_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u disclosure. Each is checked by the rules on its own.",
                                          "For %u disclosures. Each is checked by the rules on its own.",
                                          n_records), n_records);
}

static char *
disclosure_describe (GObject *record)
{
  CivicDisclosure *disclosure = CIVIC_DISCLOSURE (record);
  const char *state = civic_disclosure_state_get_label (disclosure->state);

  if (disclosure->state == CIVIC_DISCLOSURE_STATE_IN_REVIEW)
    /* Translators: "In review, level 2" */
    return g_strdup_printf (_("%s, level %u"), state, disclosure->review_level + 1);
  return g_strdup (state);
}

static char *
disclosure_kind_to_feed_json (GObject       *record,
                              CivicCalendar *calendar,
                              CivicDay       today)
{
  return civic_disclosure_to_feed_json (CIVIC_DISCLOSURE (record));
}

static gboolean
disclosure_check (GObject                    *record,
                  guint                       action,
                  const CivicWorkflowContext *context,
                  GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  return disclosure_check_action (CIVIC_DISCLOSURE (record), action, context, error);
}

static gboolean disclosure_creates (guint action);

static GArray *
disclosure_list_actions (GObject                    *record,
                         const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicDisclosureAction));

  for (guint i = 0; i < CIVIC_N_DISCLOSURE_ACTIONS; i++)
    {
      CivicDisclosureAction action = i;

      if (rules[action].roles == CIVIC_ROLE_SYSTEM || disclosure_creates (action))
        continue;
      if (disclosure_check_action (CIVIC_DISCLOSURE (record), action, context, NULL))
        g_array_append_val (actions, action);
    }
  return actions;
}

/* Every change is tried on a copy: a refused one leaves the record as it
 * was */
/* Art. 26: published within 20 working days of being formed or changed;
 * one withdrawn before it was published is not counted */
static gboolean
disclosure_supervise (GObject                *record,
                      CivicCalendar          *calendar,
                      CivicDay                today,
                      CivicSupervisionSource *out)
{
  CivicDisclosure *disclosure = CIVIC_DISCLOSURE (record);
  CivicDay formed_on = civic_disclosure_get_formed_on (disclosure);
  GDateTime *published_at = civic_disclosure_get_published_at (disclosure);
  g_autoptr(CivicClock) clock = NULL;

  if (formed_on == CIVIC_DAY_INVALID ||
      (published_at == NULL &&
       civic_disclosure_get_state (disclosure) >= CIVIC_DISCLOSURE_STATE_WITHDRAWN))
    return FALSE;

  clock = civic_clock_new (CIVIC_CLOCK_KIND_PROACTIVE_DISCLOSURE, CIVIC_CLOCK_TRIGGER_FORMED,
                           formed_on, CIVIC_CLOCK_UNIT_WORKING_DAYS, 20, "ogi-26");
  if (published_at != NULL)
    civic_clock_complete (clock, MAX (formed_on, civic_time_day_of (published_at)), NULL);

  out->department_id = g_strdup (civic_disclosure_get_department_id (disclosure));
  out->subject = g_strdup (civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_CATEGORY,
                                               civic_disclosure_get_category (disclosure)));
  out->title = g_strdup (civic_disclosure_get_title (disclosure));
  out->now = civic_clock_copy (clock);
  out->main = g_steal_pointer (&clock);
  out->deemed_on = CIVIC_DAY_INVALID;
  return TRUE;
}

static GObject *
disclosure_apply (GObject                    *record,
                  guint                       action,
                  JsonObject                 *args,
                  const CivicWorkflowContext *context,
                  GError                    **error)
{
  g_autoptr(CivicDisclosure) next = NULL;
  g_autoptr(JsonObject) empty = NULL;

  if (!disclosure_check (record, action, context, error))
    return NULL;

  if (args == NULL)
    args = empty = json_object_new ();
  next = civic_disclosure_copy (CIVIC_DISCLOSURE (record));
  if (!apply_action (next, action, args, context, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&next));
}

static gboolean
disclosure_creates (guint action)
{
  return action == CIVIC_DISCLOSURE_ACTION_CREATE ||
         action == CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT ||
         action == CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING;
}

/* A blank draft of the actor's organ, by the actor, which create-disclosure
 * then fills in */
static GObject *
disclosure_create (const char                 *id,
                   guint                       action,
                   const CivicWorkflowContext *context,
                   GError                    **error)
{
  const CivicActor *actor = context->actor;

  if (!disclosure_creates (action))
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such disclosure"));
      return NULL;
    }
  /* The service's draft names its organ in its arguments */
  if (id == NULL || *id == '\0' || strlen (id) > 64 ||
      (actor->department_id == NULL && action != CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING))
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("A new disclosure needs an id and an organ"));
      return NULL;
    }
  /* (the service's draft gets its organ from its arguments) */
  return G_OBJECT (civic_disclosure_new (id, actor->department_id != NULL ? actor->department_id
                                                                          : "",
                                         actor->id, actor->name));
}

const CivicEntityKind civic_disclosure_kind = {
  .type = CIVIC_ENTITY_DISCLOSURE,
  .collection = "disclosures",
  .record_type = civic_disclosure_get_type,
  .n_actions = CIVIC_N_DISCLOSURE_ACTIONS,
  .action_from_string = disclosure_action_from_string,
  .action_to_string = disclosure_action_to_string,
  .action_label = disclosure_action_label,
  .past_tense = disclosure_past_tense,
  .arguments = disclosure_arguments,
  .weight = disclosure_weight,
  .safe_when_stale = disclosure_safe_when_stale,
  .from_json = disclosure_from_json,
  .get_id = disclosure_get_id,
  .get_rev = disclosure_get_rev,
  .set_rev = disclosure_set_rev,
  .label = disclosure_label,
  .headline = disclosure_headline,
  .headline_n = disclosure_headline_n,
  .describe = disclosure_describe,
  .now_title = N_("The disclosure now"),
  .open_label = N_("_Open Disclosure"),
  .not_cached = N_("The disclosure is not in the offline copy"),
  .to_feed_json = disclosure_kind_to_feed_json,
  .check = disclosure_check,
  .list_actions = disclosure_list_actions,
  .apply = disclosure_apply,
  .supervise = disclosure_supervise,
  .creates = disclosure_creates,
  .create = disclosure_create,
};
