/* civic-document.c — formal documents (文书): their kinds and templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document kind is the law's: which step of a case it belongs to, who
 * issues it, what it may say. Its words are data, a template per kind and
 * language that a department may replace with its own; the placeholders a
 * template may use are the kind's, listed here, so that an imported
 * template with a typing error is refused when it is imported rather than
 * when an official issues it.
 */

#define G_LOG_DOMAIN "civic-document"

#include "config.h"

#include <string.h>

#include "civic-core-enums.h"
#include "civic-day.h"
#include "civic-document.h"
#include "civic-i18n.h"
#include "civic-json.h"
#include "civic-template.h"

G_DEFINE_QUARK (civic-document-error-quark, civic_document_error)

#define MAX_TITLE_LENGTH 64
#define MAX_MARK_LENGTH 16
#define MAX_BLOCKS 64
#define MAX_BLOCK_LENGTH 4000

/* What every document of a case may say */
#define COMMON \
  "document.number", "department.name", "department.short", "applicant.name", \
  "applicant.address", "case.number", "item.name", "item.code", "item.legal_basis", \
  "received_on", "issued_on"

static const char * const acceptance[] = {
  COMMON, "accepted_on", "limit_days", "limit_unit", "promised_days", "due_on", NULL
};
static const char * const correction[] = {
  COMMON, "correction.round", "correction.materials", "correction.note", NULL
};
static const char * const not_accepted[] = {
  COMMON, "not_accepted.reason", "not_accepted.legal_basis", "not_accepted.competent_authority",
  "not_accepted.article", "not_accepted.referral", "remedies.reconsideration_body",
  "remedies.court", NULL
};
static const char * const suspension[] = {
  COMMON, "accepted_on", "suspension.reason", "suspension.started_on", "suspension.days",
  "suspension.note", NULL
};
static const char * const extension[] = {
  COMMON, "accepted_on", "limit_days", "limit_unit", "extension.days", "extension.reason", "extension.approval",
  "extension.article", "due_on", NULL
};
static const char * const hearing_right[] = {
  COMMON, "accepted_on", "hearing.parties", "hearing.deadline", NULL
};
static const char * const grant[] = {
  COMMON, "accepted_on", "decision.on", "decision.reason", "decision.legal_basis",
  "decision.hearing", NULL
};
static const char * const refusal[] = {
  COMMON, "accepted_on", "decision.on", "decision.reason", "decision.legal_basis",
  "decision.hearing", "remedies.reconsideration_body", "remedies.court", NULL
};
static const char * const service_proof[] = {
  COMMON, "service.documents", "service.method", "service.on", NULL
};

/* What every document of a hearing may say: no applicant's name but the
 * party's it is addressed to, and the hearing's time and place */
#define HEARING \
  "document.number", "department.name", "department.short", "case.number", "item.name", \
  "issued_on", "hearing.matter", "hearing.day", "hearing.time", "hearing.place", \
  "hearing.host", "hearing.clerk", "hearing.publicity"

static const char * const hearing_notice[] = {
  HEARING, "party.name", "party.role", "hearing.examiner", "hearing.video_link", NULL
};
static const char * const hearing_announcement[] = {
  HEARING, "hearing.article", NULL
};
static const char * const hearing_record[] = {
  HEARING, "hearing.participants", "hearing.record", "hearing.signatures", NULL
};

/* A reply to a request for information: to the applicant, by receipt */
static const char * const disclosure_reply[] = {
  "document.number", "department.name", "department.short", "issued_on", "applicant.name",
  "request.receipt", "request.received_on", "request.description", "reply.finding",
  "reply.basis", "reply.delivery", "remedies.reconsideration_body", "remedies.court", NULL
};

/* The notices on the way to the reply: the two to the applicant name the
 * request by its receipt; the letters to a party consulted describe the
 * information asked for and never who asked (PIPL Art. 6: the third party
 * needs the information, not the applicant) */
#define DISCLOSURE_REQUEST \
  "document.number", "department.name", "department.short", "issued_on", "request.receipt", \
  "request.received_on", "request.description"

static const char * const disclosure_correction[] = {
  DISCLOSURE_REQUEST, "applicant.name", "correction.items", "correction.period",
  "correction.due_on", NULL
};
static const char * const disclosure_extension[] = {
  DISCLOSURE_REQUEST, "applicant.name", "extension.days", "extension.reason",
  "extension.due_on", NULL
};
static const char * const disclosure_consultation[] = {
  DISCLOSURE_REQUEST, "consultation.party", "consultation.basis", "consultation.served_on",
  "consultation.answer_by", NULL
};

/* The notice to a third party whose objection the organ overrides: what
 * was asked and why it is disclosed all the same (Art. 32), and how to
 * challenge that — never who asked */
static const char * const disclosure_third_party_notice[] = {
  DISCLOSURE_REQUEST, "consultation.party", "consultation.served_on", "notice.reasons",
  "remedies.reconsideration_body", "remedies.court", NULL
};

/* The written reply to a letter or a mail: to whom, about what, what the
 * department answers, and where a complaint's answer is reviewed */
static const char * const message_reply[] = {
  "document.number", "department.name", "department.short", "issued_on", "citizen.name",
  "message.receipt", "message.received_on", "message.subject", "message.kind", "reply.text",
  "reply.review", NULL
};

static const struct
{
  const char         *label;     /* N_() */
  CivicRole           roles;
  const char * const *placeholders;
} kinds[CIVIC_N_DOCUMENT_KINDS] = {
  [CIVIC_DOCUMENT_ACCEPTANCE_NOTICE] = { N_("Acceptance Notice"), CIVIC_ROLE_CLERK, acceptance },
  [CIVIC_DOCUMENT_CORRECTION_NOTICE] = { N_("Correction Notice"), CIVIC_ROLE_CLERK, correction },
  [CIVIC_DOCUMENT_NOT_ACCEPTED_DECISION] = { N_("Decision Not to Accept"), CIVIC_ROLE_CLERK,
                                             not_accepted },
  [CIVIC_DOCUMENT_SUSPENSION_NOTICE] = { N_("Notice of Time Not Counted"),
                                         CIVIC_ROLE_EXAMINER | CIVIC_ROLE_APPROVER, suspension },
  [CIVIC_DOCUMENT_EXTENSION_NOTICE] = { N_("Extension Notice"),
                                        CIVIC_ROLE_EXAMINER | CIVIC_ROLE_APPROVER, extension },
  [CIVIC_DOCUMENT_HEARING_RIGHT_NOTICE] = { N_("Notice of the Right to a Hearing"),
                                            CIVIC_ROLE_EXAMINER | CIVIC_ROLE_APPROVER,
                                            hearing_right },
  [CIVIC_DOCUMENT_GRANT_DECISION] = { N_("Licensing Decision"),
                                      CIVIC_ROLE_EXAMINER | CIVIC_ROLE_APPROVER, grant },
  [CIVIC_DOCUMENT_REFUSAL_DECISION] = { N_("Decision to Refuse the Licence"),
                                        CIVIC_ROLE_EXAMINER | CIVIC_ROLE_APPROVER, refusal },
  [CIVIC_DOCUMENT_SERVICE_PROOF] = { N_("Proof of Service"),
                                     CIVIC_ROLE_CLERK | CIVIC_ROLE_EXAMINER, service_proof },
  [CIVIC_DOCUMENT_HEARING_NOTICE] = { N_("Hearing Notice"), CIVIC_ROLE_HEARING_OFFICER,
                                      hearing_notice },
  [CIVIC_DOCUMENT_HEARING_ANNOUNCEMENT] = { N_("Hearing Announcement"), CIVIC_ROLE_HEARING_OFFICER,
                                            hearing_announcement },
  [CIVIC_DOCUMENT_HEARING_RECORD] = { N_("Hearing Record"),
                                      CIVIC_ROLE_HEARING_OFFICER | CIVIC_ROLE_CLERK, hearing_record },
  [CIVIC_DOCUMENT_DISCLOSURE_REPLY] = { N_("Reply to a Request for Information"),
                                        CIVIC_ROLE_DISCLOSURE_REVIEWER | CIVIC_ROLE_DISCLOSURE_HEAD,
                                        disclosure_reply },
  [CIVIC_DOCUMENT_DISCLOSURE_CORRECTION_NOTICE] = { N_("Notice to Correct a Request for Information"),
                                                    CIVIC_ROLE_DISCLOSURE_EDITOR,
                                                    disclosure_correction },
  [CIVIC_DOCUMENT_DISCLOSURE_EXTENSION_NOTICE] = { N_("Notice of Extended Time to Reply"),
                                                   CIVIC_ROLE_DISCLOSURE_HEAD,
                                                   disclosure_extension },
  [CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER] = { N_("Letter Consulting a Third Party"),
                                                      CIVIC_ROLE_DISCLOSURE_EDITOR,
                                                      disclosure_consultation },
  [CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER] = { N_("Letter Consulting a Co-producing Organ"),
                                                     CIVIC_ROLE_DISCLOSURE_EDITOR,
                                                     disclosure_consultation },
  [CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE] = { N_("Notice to a Third Party of Disclosure"),
                                                     CIVIC_ROLE_DISCLOSURE_REVIEWER |
                                                     CIVIC_ROLE_DISCLOSURE_HEAD,
                                                     disclosure_third_party_notice },
  [CIVIC_DOCUMENT_MESSAGE_REPLY] = { N_("Written Reply to a Message"),
                                     CIVIC_ROLE_COMPLAINT_HANDLER | CIVIC_ROLE_MESSAGE_REVIEWER,
                                     message_reply },
};

/**
 * civic_document_kind_is_hearing:
 *
 * Returns: whether documents of @kind are a hearing's, issued by its own
 * steps, rather than a case's
 */
gboolean
civic_document_kind_is_hearing (CivicDocumentKind kind)
{
  return kind == CIVIC_DOCUMENT_HEARING_NOTICE || kind == CIVIC_DOCUMENT_HEARING_ANNOUNCEMENT ||
         kind == CIVIC_DOCUMENT_HEARING_RECORD;
}

/**
 * civic_document_kind_is_case:
 *
 * Returns: whether documents of @kind are a licensing case's, issued by
 * its issue-document command
 */
gboolean
civic_document_kind_is_case (CivicDocumentKind kind)
{
  return !civic_document_kind_is_hearing (kind) && !civic_document_kind_is_disclosure_request (kind) &&
         !civic_document_kind_is_message (kind);
}

/**
 * civic_document_kind_is_message:
 *
 * Returns: whether documents of @kind are a citizen's message's, issued
 * by the service when its reply goes out
 */
gboolean
civic_document_kind_is_message (CivicDocumentKind kind)
{
  return kind == CIVIC_DOCUMENT_MESSAGE_REPLY;
}

/**
 * civic_document_kind_is_disclosure_request:
 *
 * Returns: whether documents of @kind are a request for information's,
 * issued by the service with the request's own steps
 */
gboolean
civic_document_kind_is_disclosure_request (CivicDocumentKind kind)
{
  return kind >= CIVIC_DOCUMENT_DISCLOSURE_REPLY && kind <= CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE;
}

gboolean
civic_document_kind_from_string (const char        *nick,
                                 CivicDocumentKind *kind)
{
  int value;

  if (nick == NULL || !civic_enum_from_nick (CIVIC_TYPE_DOCUMENT_KIND, nick, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
civic_document_kind_to_string (CivicDocumentKind kind)
{
  return civic_enum_to_nick (CIVIC_TYPE_DOCUMENT_KIND, kind);
}

/**
 * civic_document_kind_get_label:
 *
 * Returns: the kind's name in the official's language: "Correction Notice"
 */
const char *
civic_document_kind_get_label (CivicDocumentKind kind)
{
  g_return_val_if_fail ((guint) kind < CIVIC_N_DOCUMENT_KINDS, NULL);
  return _(kinds[kind].label);
}

/**
 * civic_document_kind_get_roles:
 *
 * Returns: the roles that issue documents of @kind
 */
CivicRole
civic_document_kind_get_roles (CivicDocumentKind kind)
{
  g_return_val_if_fail ((guint) kind < CIVIC_N_DOCUMENT_KINDS, CIVIC_ROLE_NONE);
  return kinds[kind].roles;
}

/**
 * civic_document_kind_get_placeholders:
 *
 * Returns: (array zero-terminated=1): every placeholder a template of
 * @kind may use
 */
const char * const *
civic_document_kind_get_placeholders (CivicDocumentKind kind)
{
  g_return_val_if_fail ((guint) kind < CIVIC_N_DOCUMENT_KINDS, NULL);
  return kinds[kind].placeholders;
}

gboolean
civic_document_language_from_string (const char            *nick,
                                     CivicDocumentLanguage *language)
{
  int value;

  if (nick == NULL || !civic_enum_from_nick (CIVIC_TYPE_DOCUMENT_LANGUAGE, nick, &value))
    return FALSE;
  *language = value;
  return TRUE;
}

const char *
civic_document_language_to_string (CivicDocumentLanguage language)
{
  return civic_enum_to_nick (CIVIC_TYPE_DOCUMENT_LANGUAGE, language);
}

/**
 * civic_document_format_date:
 *
 * A date as a document writes it: "2026年12月5日" (GB/T 9704-2012
 * §7.3.5.1 writes the date of a document in Arabic numerals, the month
 * and the day without a leading zero), or "5 December 2026".
 *
 * Returns: (transfer full)
 */
char *
civic_document_format_date (guint32               day,
                            CivicDocumentLanguage language)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  };
  int y, m, d;

  g_return_val_if_fail (day != CIVIC_DAY_INVALID, NULL);

  civic_day_to_ymd (day, &y, &m, &d);
  if (language == CIVIC_DOCUMENT_LANGUAGE_EN)
    return g_strdup_printf ("%d %s %d", d, months[m - 1], y);
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

/**
 * civic_document_format_number:
 * @abbreviation: the organ's short mark: "湘市监"
 * @mark: the kind's: "补"
 *
 * A document number (发文字号) as GB/T 9704-2012 §7.2.4 writes it: the
 * organ's mark, the year in hexagonal brackets 〔〕, the sequence without
 * leading zeros, 号: "湘市监补〔2026〕17号".
 *
 * Returns: (transfer full)
 */
char *
civic_document_format_number (const char *abbreviation,
                              const char *mark,
                              int         year,
                              gint64      sequence)
{
  g_return_val_if_fail (abbreviation != NULL && mark != NULL, NULL);
  g_return_val_if_fail (sequence > 0, NULL);

  return g_strdup_printf ("%s%s〔%d〕%" G_GINT64_FORMAT "号", abbreviation, mark, year, sequence);
}

/* Crockford's base 32: no I, L, O or U to be misread from paper */
static const char code_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#define CODE_GROUPS 3
#define CODE_GROUP_LENGTH 4

/**
 * civic_document_make_code:
 * @random: at least 8 random bytes
 *
 * A verification code printed on a document, "7KQ2-M9XD-4TFA": 60 random
 * bits, enough that nobody guesses one among a province's documents, in
 * letters that survive being read aloud or typed from paper.
 *
 * Returns: (transfer full)
 */
char *
civic_document_make_code (const guint8 *random,
                          gsize         n_random)
{
  GString *code = g_string_new (NULL);
  guint64 bits = 0;

  g_return_val_if_fail (random != NULL && n_random >= 8, NULL);

  for (guint i = 0; i < 8; i++)
    bits = (bits << 8) | random[i];

  for (guint i = 0; i < CODE_GROUPS * CODE_GROUP_LENGTH; i++)
    {
      if (i > 0 && i % CODE_GROUP_LENGTH == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, code_alphabet[bits & 31]);
      bits >>= 5;
    }
  return g_string_free (code, FALSE);
}

/**
 * civic_document_code_normalize:
 *
 * A code as a person types it from paper, in the form it is kept in:
 * upper case, with the letters Crockford's alphabet reads as figures
 * (O as 0, I and L as 1), spaces dropped.
 *
 * Returns: (transfer full)
 */
char *
civic_document_code_normalize (const char *code)
{
  GString *out = g_string_new (NULL);

  for (const char *p = code; p != NULL && *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ')
        continue;
      g_string_append_c (out, c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c);
    }
  return g_string_free (out, FALSE);
}

/**
 * civic_document_code_is_valid:
 *
 * Returns: whether @code has the form of a verification code, checked
 * before any lookup
 */
gboolean
civic_document_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != CODE_GROUPS * (CODE_GROUP_LENGTH + 1) - 1)
    return FALSE;
  for (guint i = 0; code[i] != '\0'; i++)
    if ((i + 1) % (CODE_GROUP_LENGTH + 1) == 0 ? code[i] != '-'
                                               : strchr (code_alphabet, code[i]) == NULL)
      return FALSE;
  return TRUE;
}

void
civic_document_block_free (CivicDocumentBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->text);
  g_free (block);
}

void
civic_document_template_free (CivicDocumentTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->department_id);
  g_free (self->title);
  g_free (self->mark);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self);
}

void
civic_document_text_free (CivicDocumentText *self)
{
  if (self == NULL)
    return;
  g_free (self->organ);
  g_free (self->number);
  g_free (self->title);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self->signature);
  g_free (self->date);
  g_free (self->code);
  g_free (self->verify_url);
  g_free (self);
}

static gboolean
template_error (GError    **error,
                const char *format,
                ...) G_GNUC_PRINTF (2, 3);

static gboolean
template_error (GError    **error,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_TEMPLATE, message);
  return FALSE;
}

static gboolean
get_line (JsonObject  *object,
          const char  *member,
          gsize        max_length,
          char       **out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return template_error (error, _("The template has no “%s”"), member);

  text = json_node_get_string (node);
  if (*text == '\0' || strlen (text) > max_length || !g_utf8_validate (text, -1, NULL))
    return template_error (error, _("The template’s “%s” is empty or too long"), member);

  *out = g_strdup (text);
  return TRUE;
}

/* Every placeholder of @text is well formed and one the kind knows: the
 * text filled with stand-ins, as civic_document_template_fill() will fill
 * it with the record's words */
static gboolean
check_placeholders (const char         *text,
                    const char * const *known,
                    GError            **error)
{
  g_autoptr(GHashTable) blank = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *filled = NULL;

  for (guint i = 0; known[i] != NULL; i++)
    g_hash_table_insert (blank, (gpointer) known[i], (gpointer) "…");
  filled = civic_template_fill (text, known, blank, error);
  return filled != NULL;
}

/**
 * civic_document_template_new_from_json:
 *
 * Reads a template as `data/templates/` and the feed hold it:
 * `{kind, language, department_id?, title, mark, blocks: [{style?, text}]}`.
 * Every placeholder is checked against the kind's here, so a template
 * that would fail at issue time is refused at import.
 *
 * Returns: (transfer full) (nullable)
 */
CivicDocumentTemplate *
civic_document_template_new_from_json (JsonNode  *node,
                                       GError   **error)
{
  g_autoptr(CivicDocumentTemplate) self = g_new0 (CivicDocumentTemplate, 1);
  g_autofree char *kind = NULL;
  g_autofree char *language = NULL;
  JsonObject *object;
  JsonArray *blocks;
  const char * const *known;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      template_error (error, _("A template is a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_line (object, "kind", 64, &kind, error) ||
      !get_line (object, "language", 8, &language, error))
    return NULL;
  if (!civic_document_kind_from_string (kind, &self->kind))
    {
      template_error (error, _("“%s” is not a kind of document"), kind);
      return NULL;
    }
  if (!civic_document_language_from_string (language, &self->language))
    {
      template_error (error, _("“%s” is not a language documents are written in"), language);
      return NULL;
    }
  if (json_object_has_member (object, "department_id") &&
      !json_object_get_null_member (object, "department_id") &&
      !get_line (object, "department_id", 64, &self->department_id, error))
    return NULL;
  if (!get_line (object, "title", MAX_TITLE_LENGTH, &self->title, error) ||
      !get_line (object, "mark", MAX_MARK_LENGTH, &self->mark, error))
    return NULL;

  known = kinds[self->kind].placeholders;
  if (!check_placeholders (self->title, known, error))
    return NULL;
  /* The title goes where personal data must not: the case's feed, the
   * applicant's public list, the PDF's properties, file names */
  {
    g_auto(GStrv) names = civic_template_list_placeholders (self->title, NULL);

    for (guint i = 0; names != NULL && names[i] != NULL; i++)
      if (g_str_has_prefix (names[i], "applicant.") || g_str_has_prefix (names[i], "hearing."))
        {
          template_error (error, _("The title may not name the applicant or the parties "
                                   "({{%s}}): it is shown where personal data is not"), names[i]);
          return NULL;
        }
  }

  if (!json_object_has_member (object, "blocks") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "blocks")))
    {
      template_error (error, _("The template has no “%s”"), "blocks");
      return NULL;
    }
  blocks = json_object_get_array_member (object, "blocks");
  if (json_array_get_length (blocks) == 0 || json_array_get_length (blocks) > MAX_BLOCKS)
    {
      template_error (error, _("A template has between 1 and %d blocks"), MAX_BLOCKS);
      return NULL;
    }

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_document_block_free);
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonNode *element = json_array_get_element (blocks, i);
      g_autoptr(CivicDocumentBlock) block = g_new0 (CivicDocumentBlock, 1);
      g_autofree char *style = NULL;
      JsonObject *block_object;
      int value = CIVIC_BLOCK_PARAGRAPH;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          template_error (error, _("Block %u of the template is not an object"), i + 1);
          return NULL;
        }
      block_object = json_node_get_object (element);
      if (!get_line (block_object, "text", MAX_BLOCK_LENGTH, &block->text, error))
        return NULL;
      if (json_object_has_member (block_object, "style") &&
          (!get_line (block_object, "style", 32, &style, error) ||
           !civic_enum_from_nick (CIVIC_TYPE_BLOCK_STYLE, style, &value)))
        {
          g_clear_error (error);
          template_error (error, _("Block %u of the template has an unknown style"), i + 1);
          return NULL;
        }
      block->style = value;
      if (!check_placeholders (block->text, known, error))
        {
          g_prefix_error (error, _("Block %u: "), i + 1);
          return NULL;
        }
      g_ptr_array_add (self->blocks, g_steal_pointer (&block));
    }

  return g_steal_pointer (&self);
}

/**
 * civic_document_template_to_json:
 *
 * Returns: (transfer full): the template as the feed carries it
 */
JsonNode *
civic_document_template_to_json (const CivicDocumentTemplate *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "kind", civic_document_kind_to_string (self->kind));
  civic_json_set_string (builder, "language", civic_document_language_to_string (self->language));
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_string (builder, "title", self->title);
  civic_json_set_string (builder, "mark", self->mark);
  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      CivicDocumentBlock *block = g_ptr_array_index (self->blocks, i);

      json_builder_begin_object (builder);
      if (block->style != CIVIC_BLOCK_PARAGRAPH)
        civic_json_set_string (builder, "style",
                               civic_enum_to_nick (CIVIC_TYPE_BLOCK_STYLE, block->style));
      civic_json_set_string (builder, "text", block->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_document_template_id:
 *
 * Returns: (transfer full): the id a template is kept and synced under:
 * "document/correction-notice/zh", with "/<department>" for a
 * department's own
 */
char *
civic_document_template_id (CivicDocumentKind     kind,
                            CivicDocumentLanguage language,
                            const char           *department_id)
{
  return g_strdup_printf ("document/%s/%s%s%s", civic_document_kind_to_string (kind),
                          civic_document_language_to_string (language),
                          department_id ? "/" : "", department_id ? department_id : "");
}

/**
 * civic_document_template_fill:
 * @values: (element-type utf8 utf8): the record's words by placeholder,
 *   from civic_case_document_values(); "department.name" is the organ
 *
 * Fills every block all or nothing (civic_template_fill()); a value of
 * several lines makes as many blocks of the same style, and a block left
 * empty (a note the official did not write) is left out.
 *
 * Returns: (transfer full) (nullable): the document to lay out, without
 * its number and code: the service sets them when it issues it, and
 * without them it is laid out as a draft
 */
CivicDocumentText *
civic_document_template_fill (const CivicDocumentTemplate *self,
                              GHashTable                  *values,
                              GError                     **error)
{
  g_autoptr(CivicDocumentText) text = g_new0 (CivicDocumentText, 1);
  const char * const *known = kinds[self->kind].placeholders;
  const char *organ = g_hash_table_lookup (values, "department.name");
  const char *issued_on = g_hash_table_lookup (values, "issued_on");

  if (organ == NULL || issued_on == NULL)
    {
      g_set_error (error, CIVIC_TEMPLATE_ERROR, CIVIC_TEMPLATE_ERROR_MISSING_VALUE,
                   _("The record gives no value for {{%s}}"),
                   organ == NULL ? "department.name" : "issued_on");
      return NULL;
    }

  text->language = self->language;
  text->organ = g_strdup (organ);
  text->signature = g_strdup (organ);
  text->date = g_strdup (issued_on);
  if (!(text->title = civic_template_fill (self->title, known, values, error)))
    return NULL;

  text->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_document_block_free);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      CivicDocumentBlock *block = g_ptr_array_index (self->blocks, i);
      g_autofree char *filled = civic_template_fill (block->text, known, values, error);
      g_auto(GStrv) lines = NULL;

      if (filled == NULL)
        return NULL;
      lines = g_strsplit (filled, "\n", -1);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          CivicDocumentBlock *line;

          g_strstrip (lines[j]);
          if (lines[j][0] == '\0')
            continue;
          line = g_new0 (CivicDocumentBlock, 1);
          line->style = block->style;
          line->text = g_strdup (lines[j]);
          g_ptr_array_add (text->blocks, line);
        }
    }

  return g_steal_pointer (&text);
}

/**
 * civic_document_locale:
 *
 * A document says what the law says in its own language, whoever issues
 * it in whatever language: its words are looked up with the thread's
 * locale switched to this one for the while (uselocale()).
 *
 * Returns: the locale of @language, or (locale_t) 0 when the system has
 * none
 */
locale_t
civic_document_locale (CivicDocumentLanguage language)
{
  static locale_t chinese, english;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      chinese = newlocale (LC_MESSAGES_MASK | LC_CTYPE_MASK, "zh_CN.UTF-8", (locale_t) 0);
      english = newlocale (LC_MESSAGES_MASK, "C", (locale_t) 0);
      g_once_init_leave (&ready, 1);
    }
  return language == CIVIC_DOCUMENT_LANGUAGE_ZH ? chinese : english;
}
