/* civic-disclosure-request-reply.c — how a request for government information is answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-request"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-disclosure-request-reply.h"

/* Each reply a request can get, once: the outcome and its ground, the
 * finding the reply states (答复书's {{reply.finding}}), the articles it
 * rests on ({{reply.basis}}), and the row of the annual report that
 * counts it. Articles are those of the Regulations on Government
 * Information Disclosure (OGI, 2019); the rows those of the 2021 format
 * (国办公开办函〔2021〕30号).
 *
 * Some replies must carry words of the official's own: where a public
 * document is, which organ holds the information, the earlier reply a
 * request repeats. Their finding is a format with one %s for them. Others
 * may carry such words, which follow the finding as a sentence of their
 * own. */

typedef enum
{
  DETAIL_NONE,
  DETAIL_OPTIONAL,  /* follows the finding */
  DETAIL_REQUIRED,  /* inside the finding, at its %s */
} DetailNeed;

typedef struct
{
  CivicDisclosureReplyOutcome  outcome;
  CivicDisclosureReplyGround   ground;
  const char                  *finding;
  const char                  *basis;
  CivicDisclosureReportRow     row;
  DetailNeed                   detail;
  const char                  *detail_label;    /* what the official writes, for the form */
  const char                  *detail_missing;  /* the refusal when it is required and missing */
} Reply;

static const Reply replies[] = {
  { CIVIC_DISCLOSURE_REPLY_DISCLOSE, CIVIC_DISCLOSURE_GROUND_NONE,
    N_("After examination, the government information you applied for can be disclosed, and "
       "this organ discloses it to you."),
    N_("Regulations on Government Information Disclosure, Art. 36(2)"),
    CIVIC_DISCLOSURE_ROW_DISCLOSED,
    DETAIL_OPTIONAL, N_("How, where and when the applicant obtains it"), NULL },

  /* The 2021 table has no row for information already published: the
   * applicant is told where it is, so it is counted as disclosed. This is
   * interpretation (law-and-rules §8, item 11). */
  { CIVIC_DISCLOSURE_REPLY_ALREADY_PUBLIC, CIVIC_DISCLOSURE_GROUND_NONE,
    /* Translators: %s says where and how to obtain the information */
    /* xgettext:c-format */
    N_("After a search, the government information you applied for has already been made public "
       "by this organ on its own initiative. You can obtain it as follows: %s."),
    N_("Regulations on Government Information Disclosure, Art. 36(1)"),
    CIVIC_DISCLOSURE_ROW_DISCLOSED,
    DETAIL_REQUIRED, N_("Where it was published and how to obtain it"),
    N_("Say where the information was published and how to obtain it (Art. 36(1))") },

  { CIVIC_DISCLOSURE_REPLY_PARTIAL, CIVIC_DISCLOSURE_GROUND_NONE,
    /* Translators: %s gives the reasons for withholding the rest */
    /* xgettext:c-format */
    N_("After examination, the information you applied for contains matter that should not be "
       "disclosed or is not government information, and it can be separated. This organ "
       "provides the part that can be disclosed and does not disclose the rest, for these "
       "reasons: %s."),
    N_("Regulations on Government Information Disclosure, Art. 37"),
    CIVIC_DISCLOSURE_ROW_PARTLY_DISCLOSED,
    DETAIL_REQUIRED, N_("Why the rest is withheld"),
    N_("Give the reasons for withholding the rest (Art. 37)") },

  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_STATE_SECRET,
    N_("After examination, the government information you applied for has been classified as a "
       "state secret according to law, and this organ will not disclose it."),
    N_("Regulations on Government Information Disclosure, Arts. 14 and 36(3)"),
    CIVIC_DISCLOSURE_ROW_WITHHELD_STATE_SECRET,
    DETAIL_NONE, NULL, NULL },

  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_LAW_PROHIBITS,
    /* Translators: %s names the law or administrative regulation */
    /* xgettext:c-format */
    N_("After examination, disclosure of the government information you applied for is "
       "prohibited by law or administrative regulation (%s), and this organ will not disclose "
       "it."),
    N_("Regulations on Government Information Disclosure, Arts. 14 and 36(3)"),
    CIVIC_DISCLOSURE_ROW_WITHHELD_LAW_PROHIBITS,
    DETAIL_REQUIRED, N_("The law or administrative regulation that prohibits disclosure"),
    N_("Name the law or administrative regulation that prohibits disclosure (Art. 14)") },

  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_THREE_SAFETIES,
    N_("After examination, disclosure of the government information you applied for could "
       "endanger national security, public security, economic security or social stability, "
       "and this organ will not disclose it."),
    N_("Regulations on Government Information Disclosure, Arts. 14 and 36(3)"),
    CIVIC_DISCLOSURE_ROW_WITHHELD_THREE_SAFETIES,
    DETAIL_NONE, NULL, NULL },

  /* Art. 32: before deciding on information that may harm a third
   * party, the organ asks it in writing; the reply says how that went. */
  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_THIRD_PARTY,
    /* Translators: %s is the consultation of the third party and its answer */
    /* xgettext:c-format */
    N_("After examination, the government information you applied for involves trade secrets, "
       "personal privacy or other matters whose disclosure would harm the lawful rights and "
       "interests of a third party. This organ consulted the third party in writing (%s) and "
       "will not disclose it."),
    N_("Regulations on Government Information Disclosure, Arts. 15, 32 and 36(3)"),
    CIVIC_DISCLOSURE_ROW_WITHHELD_THIRD_PARTY,
    DETAIL_REQUIRED, N_("The consultation of the third party and its answer"),
    N_("Note the written consultation of the third party and its answer (Art. 32)") },

  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_INTERNAL_AFFAIRS,
    N_("After examination, the information you applied for concerns the internal affairs of an "
       "administrative organ, such as personnel management, logistics or internal work "
       "procedures, and this organ will not disclose it."),
    N_("Regulations on Government Information Disclosure, Art. 16 ¶1 and Art. 36(3)"),
    CIVIC_DISCLOSURE_ROW_WITHHELD_INTERNAL_AFFAIRS,
    DETAIL_NONE, NULL, NULL },

  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_PROCESS_INFORMATION,
    N_("After examination, the information you applied for is process information formed while "
       "performing administrative duties, such as records of discussions, drafts, letters of "
       "consultation, or requests for instructions and reports, and this organ will not "
       "disclose it."),
    N_("Regulations on Government Information Disclosure, Art. 16 ¶2 and Art. 36(3)"),
    CIVIC_DISCLOSURE_ROW_WITHHELD_PROCESS_INFORMATION,
    DETAIL_NONE, NULL, NULL },

  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_ENFORCEMENT_FILE,
    N_("After examination, the information you applied for belongs to the file of an "
       "administrative law-enforcement case, and this organ will not disclose it."),
    N_("Regulations on Government Information Disclosure, Art. 16 ¶2 and Art. 36(3)"),
    CIVIC_DISCLOSURE_ROW_WITHHELD_ENFORCEMENT_FILE,
    DETAIL_NONE, NULL, NULL },

  /* Art. 36(7) sends the applicant to another procedure rather than
   * refusing; the 2021 table counts it as withheld, (三) 8. */
  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_ADMINISTRATIVE_QUERY,
    N_("After examination, the information you applied for is business registration, real "
       "estate registration or similar information, which laws and administrative regulations "
       "lay down special rules for obtaining. Please obtain it as those laws and administrative "
       "regulations provide."),
    N_("Regulations on Government Information Disclosure, Art. 36(7)"),
    CIVIC_DISCLOSURE_ROW_WITHHELD_ADMINISTRATIVE_QUERY,
    DETAIL_OPTIONAL, N_("The procedure to follow, and where"), NULL },

  { CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE, CIVIC_DISCLOSURE_GROUND_NOT_HELD,
    N_("After a search, this organ has no such government information as you applied for: the "
       "government information does not exist."),
    N_("Regulations on Government Information Disclosure, Art. 36(4)"),
    CIVIC_DISCLOSURE_ROW_NOT_HELD,
    DETAIL_NONE, NULL, NULL },

  /* The 2021 table has no row for information another organ is to
   * disclose: it is counted as "本机关不掌握相关政府信息", (四) 1. This is
   * interpretation (law-and-rules §8, item 11). */
  { CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE, CIVIC_DISCLOSURE_GROUND_NOT_THIS_ORGAN,
    /* Translators: %s names the organ responsible and how to reach it */
    /* xgettext:c-format */
    N_("After examination, it is not for this organ to disclose the government information you "
       "applied for. The organ responsible for disclosing it is %s; you may apply to it."),
    N_("Regulations on Government Information Disclosure, Art. 36(5)"),
    CIVIC_DISCLOSURE_ROW_NOT_HELD,
    DETAIL_REQUIRED, N_("The organ responsible, and how to reach it"),
    N_("Name the organ responsible for disclosing the information, and how to reach it "
       "(Art. 36(5))") },

  { CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE, CIVIC_DISCLOSURE_GROUND_NEEDS_CREATING,
    N_("After examination, this organ has no ready-made information answering your application: "
       "it could only be produced by processing and analysing existing government information, "
       "and this organ will not provide it."),
    N_("Regulations on Government Information Disclosure, Art. 38"),
    CIVIC_DISCLOSURE_ROW_NEEDS_CREATING,
    DETAIL_NONE, NULL, NULL },

  { CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE, CIVIC_DISCLOSURE_GROUND_UNCLEAR_AFTER_CORRECTION,
    N_("This organ asked you to correct your application. After examination, the corrected "
       "application is still unclear, and this organ cannot identify the government "
       "information you want, so it cannot be provided."),
    N_("Regulations on Government Information Disclosure, Art. 30"),
    CIVIC_DISCLOSURE_ROW_UNCLEAR_AFTER_CORRECTION,
    DETAIL_NONE, NULL, NULL },

  { CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_COMPLAINT,
    N_("After examination, you are making a petition, complaint or report in the form of an "
       "application for government information; this organ does not handle it as an "
       "application for government information."),
    N_("Regulations on Government Information Disclosure, Art. 39 ¶1"),
    CIVIC_DISCLOSURE_ROW_COMPLAINT,
    DETAIL_OPTIONAL, N_("The channel for the petition, complaint or report"), NULL },

  { CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_REPEATED,
    /* Translators: %s identifies the earlier reply, by its number and date */
    /* xgettext:c-format */
    N_("This organ has already replied to your application for the same government "
       "information (%s). As you have applied again for the same government information, this "
       "organ will not process it again."),
    N_("Regulations on Government Information Disclosure, Art. 36(6)"),
    CIVIC_DISCLOSURE_ROW_REPEATED,
    DETAIL_REQUIRED, N_("The earlier reply: its number and date"),
    N_("Give the number and date of the earlier reply (Art. 36(6))") },

  { CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_PUBLICATION,
    N_("After examination, you applied for a government gazette, newspaper, book or other "
       "publication, and this organ will not process the application."),
    N_("Regulations on Government Information Disclosure, Art. 39 ¶2"),
    CIVIC_DISCLOSURE_ROW_PUBLICATION,
    DETAIL_OPTIONAL, N_("Where to obtain the publication"), NULL },

  { CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_EXCESSIVE,
    N_("The number and frequency of your applications clearly exceed a reasonable range. This "
       "organ asked you to explain the reasons; after examination, the reasons are not "
       "reasonable, and this organ will not process the application."),
    N_("Regulations on Government Information Disclosure, Art. 35"),
    CIVIC_DISCLOSURE_ROW_EXCESSIVE,
    DETAIL_NONE, NULL, NULL },

  /* No article names this row of the 2021 table. A confirmation, or a
   * document issued again, is information the organ would have to make,
   * which Art. 38 does not require: that basis is interpretation. */
  { CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_CONFIRM_OR_REISSUE,
    N_("After examination, you ask this organ to confirm, or to issue again, information you "
       "have already obtained. This is not an application to obtain government information, "
       "and this organ will not process it."),
    N_("Regulations on Government Information Disclosure, Art. 38"),
    CIVIC_DISCLOSURE_ROW_CONFIRM_OR_REISSUE,
    DETAIL_NONE, NULL, NULL },

  /* The sub-items of (六) are not in the reference (law-and-rules §8,
   * item 11); these two are the rows published 2021-format reports show,
   * "3. 其他" being the third. That is interpretation too. */
  { CIVIC_DISCLOSURE_REPLY_OTHER, CIVIC_DISCLOSURE_GROUND_ABANDONED,
    N_("This organ told you once and in full what to correct in your application, and by when. "
       "You did not correct it in time and gave no good reason, so the application is deemed "
       "abandoned, and this organ will no longer process it."),
    N_("Regulations on Government Information Disclosure, Art. 30"),
    CIVIC_DISCLOSURE_ROW_ABANDONED,
    DETAIL_NONE, NULL, NULL },

  { CIVIC_DISCLOSURE_REPLY_OTHER, CIVIC_DISCLOSURE_GROUND_FEE_UNPAID,
    N_("This organ sent you a notice to pay an information processing fee. You did not pay it "
       "in time as the notice required, so this organ will no longer process your application."),
    N_("Regulations on Government Information Disclosure, Art. 42; Measures on Information "
       "Processing Fees for Government Information Disclosure"),
    CIVIC_DISCLOSURE_ROW_FEE_UNPAID,
    DETAIL_NONE, NULL, NULL },
};

/* The rows, in the order of the table, with their number in it */
static const struct
{
  int          section;
  int          item;
  const char  *label;
} rows[] = {
  [CIVIC_DISCLOSURE_ROW_DISCLOSED] = { 1, 0, N_("Disclosed") },
  [CIVIC_DISCLOSURE_ROW_PARTLY_DISCLOSED] = { 2, 0, N_("Partly disclosed") },
  [CIVIC_DISCLOSURE_ROW_WITHHELD_STATE_SECRET] = { 3, 1, N_("State secret") },
  [CIVIC_DISCLOSURE_ROW_WITHHELD_LAW_PROHIBITS] =
    { 3, 2, N_("Prohibited by another law or administrative regulation") },
  [CIVIC_DISCLOSURE_ROW_WITHHELD_THREE_SAFETIES] =
    { 3, 3, N_("Would endanger the three securities and social stability") },
  [CIVIC_DISCLOSURE_ROW_WITHHELD_THIRD_PARTY] =
    { 3, 4, N_("Protecting the lawful rights and interests of a third party") },
  [CIVIC_DISCLOSURE_ROW_WITHHELD_INTERNAL_AFFAIRS] =
    { 3, 5, N_("Internal affairs information of the three kinds") },
  [CIVIC_DISCLOSURE_ROW_WITHHELD_PROCESS_INFORMATION] =
    { 3, 6, N_("Process information of the four kinds") },
  [CIVIC_DISCLOSURE_ROW_WITHHELD_ENFORCEMENT_FILE] =
    { 3, 7, N_("Administrative law-enforcement case file") },
  [CIVIC_DISCLOSURE_ROW_WITHHELD_ADMINISTRATIVE_QUERY] =
    { 3, 8, N_("Administrative query matter") },
  [CIVIC_DISCLOSURE_ROW_NOT_HELD] =
    { 4, 1, N_("This organ does not hold the government information") },
  [CIVIC_DISCLOSURE_ROW_NEEDS_CREATING] =
    { 4, 2, N_("No ready-made information; it would have to be made") },
  [CIVIC_DISCLOSURE_ROW_UNCLEAR_AFTER_CORRECTION] =
    { 4, 3, N_("Still unclear after correction") },
  [CIVIC_DISCLOSURE_ROW_COMPLAINT] =
    { 5, 1, N_("Petitions, reports and complaints") },
  [CIVIC_DISCLOSURE_ROW_REPEATED] = { 5, 2, N_("Repeated applications") },
  [CIVIC_DISCLOSURE_ROW_PUBLICATION] = { 5, 3, N_("Asking for publications") },
  [CIVIC_DISCLOSURE_ROW_EXCESSIVE] =
    { 5, 4, N_("Many repeated applications without good reason") },
  [CIVIC_DISCLOSURE_ROW_CONFIRM_OR_REISSUE] =
    { 5, 5, N_("Asking the organ to confirm or reissue information already obtained") },
  [CIVIC_DISCLOSURE_ROW_ABANDONED] =
    { 6, 1, N_("Not corrected in time without good reason; no longer processed") },
  [CIVIC_DISCLOSURE_ROW_FEE_UNPAID] =
    { 6, 2, N_("Fee not paid as the notice required; no longer processed") },
};

G_DEFINE_QUARK (civic-disclosure-reply-error-quark, civic_disclosure_reply_error)

static const Reply *
find_reply (CivicDisclosureReplyOutcome outcome,
            CivicDisclosureReplyGround  ground)
{
  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    if (replies[i].outcome == outcome && replies[i].ground == ground)
      return &replies[i];
  return NULL;
}

static gboolean
outcome_is_known (CivicDisclosureReplyOutcome outcome)
{
  return (guint) outcome <= CIVIC_DISCLOSURE_REPLY_OTHER;
}

static gboolean
ground_is_known (CivicDisclosureReplyGround ground)
{
  return (guint) ground <= CIVIC_DISCLOSURE_GROUND_FEE_UNPAID;
}

static gboolean
outcome_takes_ground (CivicDisclosureReplyOutcome outcome)
{
  return find_reply (outcome, CIVIC_DISCLOSURE_GROUND_NONE) == NULL;
}

/* The grounds @outcome takes, as a list to read ("state secret, …") */
static char *
dup_grounds_text (CivicDisclosureReplyOutcome outcome)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    if (replies[i].outcome == outcome)
      {
        if (text->len > 0)
          /* Translators: between the items of a list */
          g_string_append (text, C_("list", ", "));
        g_string_append (text, civic_disclosure_reply_ground_get_label (replies[i].ground));
      }

  return g_string_free (text, FALSE);
}

/**
 * civic_disclosure_request_reply_is_valid_pair:
 *
 * Returns: whether @ground is one of @outcome's; the outcomes that need no
 * ground take %CIVIC_DISCLOSURE_GROUND_NONE.
 */
gboolean
civic_disclosure_request_reply_is_valid_pair (CivicDisclosureReplyOutcome outcome,
                                              CivicDisclosureReplyGround  ground)
{
  return find_reply (outcome, ground) != NULL;
}

static gboolean
detail_is_empty (const char *detail)
{
  if (detail == NULL)
    return TRUE;
  for (const char *p = detail; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * civic_disclosure_request_reply_validate:
 * @detail: (nullable): the words of the official's own the reply carries,
 *   as civic_disclosure_request_reply_get_detail_label() asks for them
 *
 * Checks that @ground goes with @outcome, and that the reply has the words
 * it must carry: the organ responsible when it is not this one, where a
 * published document is, the third party's consultation, and so on.
 */
gboolean
civic_disclosure_request_reply_validate (CivicDisclosureReplyOutcome   outcome,
                                         CivicDisclosureReplyGround    ground,
                                         const char                   *detail,
                                         GError                      **error)
{
  const Reply *reply;

  if (!outcome_is_known (outcome))
    {
      g_set_error (error, CIVIC_DISCLOSURE_REPLY_ERROR, CIVIC_DISCLOSURE_REPLY_ERROR_OUTCOME,
                   _("There is no such kind of reply"));
      return FALSE;
    }

  if (!ground_is_known (ground))
    {
      g_set_error (error, CIVIC_DISCLOSURE_REPLY_ERROR, CIVIC_DISCLOSURE_REPLY_ERROR_GROUND,
                   _("There is no such ground of a reply"));
      return FALSE;
    }

  reply = find_reply (outcome, ground);
  if (reply == NULL)
    {
      const char *label = civic_disclosure_reply_outcome_get_label (outcome);
      g_autofree char *grounds = NULL;

      if (!outcome_takes_ground (outcome))
        {
          g_set_error (error, CIVIC_DISCLOSURE_REPLY_ERROR, CIVIC_DISCLOSURE_REPLY_ERROR_GROUND,
                       _("A reply “%s” gives no ground"), label);
          return FALSE;
        }

      grounds = dup_grounds_text (outcome);
      if (ground == CIVIC_DISCLOSURE_GROUND_NONE)
        g_set_error (error, CIVIC_DISCLOSURE_REPLY_ERROR, CIVIC_DISCLOSURE_REPLY_ERROR_GROUND,
                     _("A reply “%s” needs its ground: %s"), label, grounds);
      else
        g_set_error (error, CIVIC_DISCLOSURE_REPLY_ERROR, CIVIC_DISCLOSURE_REPLY_ERROR_GROUND,
                     _("“%s” is not a ground of a reply “%s”, which has these: %s"),
                     civic_disclosure_reply_ground_get_label (ground), label, grounds);
      return FALSE;
    }

  if (reply->detail == DETAIL_REQUIRED && detail_is_empty (detail))
    {
      g_set_error_literal (error, CIVIC_DISCLOSURE_REPLY_ERROR, CIVIC_DISCLOSURE_REPLY_ERROR_DETAIL,
                           _(reply->detail_missing));
      return FALSE;
    }

  if (reply->detail == DETAIL_NONE && !detail_is_empty (detail))
    {
      g_set_error_literal (error, CIVIC_DISCLOSURE_REPLY_ERROR, CIVIC_DISCLOSURE_REPLY_ERROR_DETAIL,
                           _("This reply carries no words of its own: its finding is the law’s"));
      return FALSE;
    }

  return TRUE;
}

/**
 * civic_disclosure_request_reply_get_finding:
 *
 * Returns: (nullable): the finding as the reply states it, in the user's
 * language; a printf format with one %s when the reply must carry words
 * of the official's own. %NULL for a pair that is not valid.
 */
const char *
civic_disclosure_request_reply_get_finding (CivicDisclosureReplyOutcome outcome,
                                            CivicDisclosureReplyGround  ground)
{
  const Reply *reply = find_reply (outcome, ground);

  g_return_val_if_fail (reply != NULL, NULL);
  return _(reply->finding);
}

/* The official's words without the full stop or space they may end with:
 * the finding supplies its own. */
static char *
dup_trimmed_detail (const char *detail)
{
  static const char * const ends[] = { "。", ".", "；", ";", "，", "," };
  char *text = g_strstrip (g_strdup (detail));
  gboolean trimmed = TRUE;

  while (trimmed)
    {
      trimmed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
        if (g_str_has_suffix (text, ends[i]))
          {
            text[strlen (text) - strlen (ends[i])] = '\0';
            g_strchomp (text);
            trimmed = TRUE;
          }
    }

  return text;
}

/**
 * civic_disclosure_request_reply_dup_finding:
 * @detail: (nullable): the official's words, once the reply is valid
 *
 * Returns: (transfer full) (nullable): the finding with the official's
 * words in place, as {{reply.finding}} of the reply document; %NULL for a
 * pair that is not valid.
 */
char *
civic_disclosure_request_reply_dup_finding (CivicDisclosureReplyOutcome  outcome,
                                            CivicDisclosureReplyGround   ground,
                                            const char                  *detail)
{
  const Reply *reply = find_reply (outcome, ground);

  g_return_val_if_fail (reply != NULL, NULL);

  if (reply->detail == DETAIL_REQUIRED)
    {
      g_autofree char *words = dup_trimmed_detail (detail_is_empty (detail) ? "" : detail);

      return g_strdup_printf (_(reply->finding), words);
    }

  if (reply->detail == DETAIL_OPTIONAL && !detail_is_empty (detail))
    {
      g_autofree char *words = g_strstrip (g_strdup (detail));

      /* Translators: a finding, then the official's own sentence after it;
       * Chinese needs no space between them */
      return g_strdup_printf (C_("finding and detail", "%s %s"), _(reply->finding), words);
    }

  return g_strdup (_(reply->finding));
}

/**
 * civic_disclosure_request_reply_get_basis:
 *
 * Returns: (nullable): the articles the reply rests on, as
 * {{reply.basis}} cites them; %NULL for a pair that is not valid.
 */
const char *
civic_disclosure_request_reply_get_basis (CivicDisclosureReplyOutcome outcome,
                                          CivicDisclosureReplyGround  ground)
{
  const Reply *reply = find_reply (outcome, ground);

  g_return_val_if_fail (reply != NULL, NULL);
  return _(reply->basis);
}

/**
 * civic_disclosure_request_reply_get_detail_label:
 * @required: (out) (optional): whether the reply must carry them
 *
 * Returns: (nullable): what the official writes in the reply's own words,
 * as a form asks for it, or %NULL when the reply carries none.
 */
const char *
civic_disclosure_request_reply_get_detail_label (CivicDisclosureReplyOutcome  outcome,
                                                 CivicDisclosureReplyGround   ground,
                                                 gboolean                    *required)
{
  const Reply *reply = find_reply (outcome, ground);

  if (required != NULL)
    *required = reply != NULL && reply->detail == DETAIL_REQUIRED;

  g_return_val_if_fail (reply != NULL, NULL);
  return reply->detail_label != NULL ? _(reply->detail_label) : NULL;
}

/**
 * civic_disclosure_request_reply_get_report_row:
 *
 * Returns: the row of the annual report's table of requests that counts
 * this reply.
 */
CivicDisclosureReportRow
civic_disclosure_request_reply_get_report_row (CivicDisclosureReplyOutcome outcome,
                                               CivicDisclosureReplyGround  ground)
{
  const Reply *reply = find_reply (outcome, ground);

  g_return_val_if_fail (reply != NULL, CIVIC_DISCLOSURE_ROW_DISCLOSED);
  return reply->row;
}

const char *
civic_disclosure_reply_outcome_get_label (CivicDisclosureReplyOutcome outcome)
{
  switch (outcome)
    {
    case CIVIC_DISCLOSURE_REPLY_DISCLOSE: return C_("disclosure reply", "Disclose");
    case CIVIC_DISCLOSURE_REPLY_ALREADY_PUBLIC: return C_("disclosure reply", "Already public");
    case CIVIC_DISCLOSURE_REPLY_PARTIAL: return C_("disclosure reply", "Disclose in part");
    case CIVIC_DISCLOSURE_REPLY_WITHHOLD: return C_("disclosure reply", "Withhold");
    case CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE: return C_("disclosure reply", "Cannot provide");
    case CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED: return C_("disclosure reply", "Not processed");
    case CIVIC_DISCLOSURE_REPLY_OTHER: return C_("disclosure reply", "Otherwise handled");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_reply_ground_get_label (CivicDisclosureReplyGround ground)
{
  switch (ground)
    {
    case CIVIC_DISCLOSURE_GROUND_NONE: return C_("disclosure ground", "none");
    case CIVIC_DISCLOSURE_GROUND_STATE_SECRET: return C_("disclosure ground", "state secret");
    case CIVIC_DISCLOSURE_GROUND_LAW_PROHIBITS:
      return C_("disclosure ground", "prohibited by law or administrative regulation");
    case CIVIC_DISCLOSURE_GROUND_THREE_SAFETIES:
      return C_("disclosure ground", "would endanger security or stability");
    case CIVIC_DISCLOSURE_GROUND_THIRD_PARTY:
      return C_("disclosure ground", "would harm a third party");
    case CIVIC_DISCLOSURE_GROUND_INTERNAL_AFFAIRS:
      return C_("disclosure ground", "internal affairs");
    case CIVIC_DISCLOSURE_GROUND_PROCESS_INFORMATION:
      return C_("disclosure ground", "process information");
    case CIVIC_DISCLOSURE_GROUND_ENFORCEMENT_FILE:
      return C_("disclosure ground", "law-enforcement case file");
    case CIVIC_DISCLOSURE_GROUND_ADMINISTRATIVE_QUERY:
      return C_("disclosure ground", "administrative query matter");
    case CIVIC_DISCLOSURE_GROUND_NOT_HELD:
      return C_("disclosure ground", "not held by this organ");
    case CIVIC_DISCLOSURE_GROUND_NOT_THIS_ORGAN:
      return C_("disclosure ground", "for another organ to disclose");
    case CIVIC_DISCLOSURE_GROUND_NEEDS_CREATING:
      return C_("disclosure ground", "would have to be made");
    case CIVIC_DISCLOSURE_GROUND_UNCLEAR_AFTER_CORRECTION:
      return C_("disclosure ground", "still unclear after correction");
    case CIVIC_DISCLOSURE_GROUND_COMPLAINT:
      return C_("disclosure ground", "a petition, complaint or report");
    case CIVIC_DISCLOSURE_GROUND_REPEATED: return C_("disclosure ground", "repeated application");
    case CIVIC_DISCLOSURE_GROUND_PUBLICATION:
      return C_("disclosure ground", "asks for a publication");
    case CIVIC_DISCLOSURE_GROUND_EXCESSIVE:
      return C_("disclosure ground", "excessive without good reason");
    case CIVIC_DISCLOSURE_GROUND_CONFIRM_OR_REISSUE:
      return C_("disclosure ground", "asks to confirm or reissue");
    case CIVIC_DISCLOSURE_GROUND_ABANDONED:
      return C_("disclosure ground", "not corrected in time");
    case CIVIC_DISCLOSURE_GROUND_FEE_UNPAID: return C_("disclosure ground", "fee not paid");
    default: g_return_val_if_reached ("");
    }
}

/* 1 for (一) to 6 for (六) */
int
civic_disclosure_report_row_get_section (CivicDisclosureReportRow row)
{
  g_return_val_if_fail ((guint) row < G_N_ELEMENTS (rows), 0);
  return rows[row].section;
}

/* The number inside the section, or 0 for (一) and (二), which have none */
int
civic_disclosure_report_row_get_item (CivicDisclosureReportRow row)
{
  g_return_val_if_fail ((guint) row < G_N_ELEMENTS (rows), 0);
  return rows[row].item;
}

/**
 * civic_disclosure_report_row_get_label:
 *
 * Returns: the row's words in the report's table ("属于国家秘密"), without
 * its section.
 */
const char *
civic_disclosure_report_row_get_label (CivicDisclosureReportRow row)
{
  g_return_val_if_fail ((guint) row < G_N_ELEMENTS (rows), "");
  return _(rows[row].label);
}

/**
 * civic_disclosure_report_section_get_label:
 * @section: 1 for (一) to 6 for (六)
 *
 * Returns: the section's words in the report's table ("不予公开").
 */
const char *
civic_disclosure_report_section_get_label (int section)
{
  switch (section)
    {
    case 1: return _("Disclosed");
    case 2: return _("Partly disclosed");
    case 3: return _("Not disclosed");
    case 4: return _("Cannot be provided");
    case 5: return _("Not processed");
    case 6: return _("Otherwise handled");
    default: g_return_val_if_reached ("");
    }
}
