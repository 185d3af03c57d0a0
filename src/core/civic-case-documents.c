/* civic-case-documents.c — the documents a licensing case calls for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which document a case may have now (a correction notice once the
 * correction is asked for, once per round; a refusal once the licence is
 * refused), and the words a template is filled with. Both programs use
 * these: the client for the draft it shows, the service for the document
 * it numbers and stores, so the two never say different things.
 */

#define G_LOG_DOMAIN "civic-case"

#include "config.h"

#include <string.h>

#include "civic-case-private.h"
#include "civic-hearing.h"
#include "civic-i18n.h"
#include "civic-workflow.h"

/* The last extension of the statutory clock, and how many there were */
static const CivicClockEvent *
last_extension (CivicCase *self,
                int       *n)
{
  const CivicClockEvent *found = NULL;

  *n = 0;
  if (self->statutory_clock == NULL)
    return NULL;
  for (guint i = 0; i < civic_clock_get_n_events (self->statutory_clock); i++)
    {
      const CivicClockEvent *event = civic_clock_get_event (self->statutory_clock, i);

      if (event->type == CIVIC_CLOCK_EVENT_EXTEND)
        {
          found = event;
          (*n)++;
        }
    }
  return found;
}

static int
count_kind (CivicCase         *self,
            CivicDocumentKind  kind)
{
  int n = 0;

  for (guint i = 0; i < self->documents->len; i++)
    if (((CivicCaseDocument *) g_ptr_array_index (self->documents, i))->kind == kind)
      n++;
  return n;
}

/* Which occasion of its kind a document would be for now: a correction
 * notice's round, the n-th stop or extension, the n-th proof of service;
 * 0 for a kind the case has once. -1 when the case has had none. */
static int
occasion (CivicCase         *self,
          CivicDocumentKind  kind)
{
  switch (kind)
    {
    case CIVIC_DOCUMENT_ACCEPTANCE_NOTICE:
      return self->accepted_on != CIVIC_DAY_INVALID ? 0 : -1;
    case CIVIC_DOCUMENT_CORRECTION_NOTICE:
      return self->corrections->len > 0
             ? ((CivicCorrection *) g_ptr_array_index (self->corrections,
                                                       self->corrections->len - 1))->round
             : -1;
    case CIVIC_DOCUMENT_NOT_ACCEPTED_DECISION:
      return self->not_accepted != NULL ? 0 : -1;
    case CIVIC_DOCUMENT_SUSPENSION_NOTICE:
      return self->suspensions->len > 0 ? (int) self->suspensions->len : -1;
    case CIVIC_DOCUMENT_EXTENSION_NOTICE:
      {
        int n;

        return last_extension (self, &n) != NULL ? n : -1;
      }
    case CIVIC_DOCUMENT_HEARING_RIGHT_NOTICE:
      return self->hearing.informed_on != CIVIC_DAY_INVALID ? 0 : -1;
    case CIVIC_DOCUMENT_GRANT_DECISION:
      return self->decision != NULL && self->decision->result == CIVIC_RECOMMENDATION_APPROVE
             ? 0 : -1;
    case CIVIC_DOCUMENT_REFUSAL_DECISION:
      return self->decision != NULL && self->decision->result == CIVIC_RECOMMENDATION_DENY
             ? 0 : -1;
    case CIVIC_DOCUMENT_SERVICE_PROOF:
      /* One for each document served: as many as there are others */
      return (int) self->documents->len - count_kind (self, kind) > count_kind (self, kind)
             ? count_kind (self, kind) + 1 : -1;
    default:
      return -1;
    }
}

static const char *
missing_step (CivicDocumentKind kind)
{
  switch (kind)
    {
    case CIVIC_DOCUMENT_ACCEPTANCE_NOTICE: return _("The case has not been accepted");
    case CIVIC_DOCUMENT_CORRECTION_NOTICE: return _("No correction has been requested");
    case CIVIC_DOCUMENT_NOT_ACCEPTED_DECISION: return _("The case has not been refused acceptance");
    case CIVIC_DOCUMENT_SUSPENSION_NOTICE: return _("The clock has not been stopped");
    case CIVIC_DOCUMENT_EXTENSION_NOTICE: return _("The time limit has not been extended");
    case CIVIC_DOCUMENT_HEARING_RIGHT_NOTICE:
      return _("The parties have not been informed of their right to a hearing");
    case CIVIC_DOCUMENT_GRANT_DECISION: return _("The licence has not been granted");
    case CIVIC_DOCUMENT_REFUSAL_DECISION: return _("The licence has not been refused");
    case CIVIC_DOCUMENT_SERVICE_PROOF: return _("No document waits to be served");
    case CIVIC_DOCUMENT_HEARING_NOTICE:
    case CIVIC_DOCUMENT_HEARING_ANNOUNCEMENT:
    case CIVIC_DOCUMENT_HEARING_RECORD:
      return _("A hearing’s documents are issued by its own steps, on its page");
    case CIVIC_DOCUMENT_DISCLOSURE_REPLY:
    case CIVIC_DOCUMENT_DISCLOSURE_CORRECTION_NOTICE:
    case CIVIC_DOCUMENT_DISCLOSURE_EXTENSION_NOTICE:
    case CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER:
    case CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER:
    case CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE:
      return _("A request for information’s documents are issued with its own steps");
    case CIVIC_DOCUMENT_MESSAGE_REPLY:
      return _("A message’s written reply is issued when its reply goes out");
    default: return "";
    }
}

static const CivicCaseDocument *
find_issued (CivicCase         *self,
             CivicDocumentKind  kind,
             int                round)
{
  for (guint i = 0; i < self->documents->len; i++)
    {
      CivicCaseDocument *document = g_ptr_array_index (self->documents, i);

      if (document->kind == kind && document->round == round)
        return document;
    }
  return NULL;
}

/**
 * civic_case_document_available:
 *
 * Whether the case calls for a document of @kind now: its step has been
 * taken, and the document for that step has not been issued yet.
 *
 * Returns: %TRUE, or %FALSE with @error saying why not
 */
gboolean
civic_case_document_available (CivicCase         *self,
                               CivicDocumentKind  kind,
                               GError           **error)
{
  const CivicCaseDocument *issued;
  int round;

  g_return_val_if_fail (CIVIC_IS_CASE (self), FALSE);
  g_return_val_if_fail ((guint) kind < CIVIC_N_DOCUMENT_KINDS, FALSE);

  round = occasion (self, kind);
  if (round < 0)
    {
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE,
                   /* Translators: "Correction Notice: No correction has been requested" */
                   _("%s: %s"), civic_document_kind_get_label (kind), missing_step (kind));
      return FALSE;
    }

  issued = find_issued (self, kind, round);
  if (issued != NULL)
    {
      g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE,
                   _("%s has already been issued (%s)"), civic_document_kind_get_label (kind),
                   issued->number ? issued->number : _("a draft waiting for its number"));
      return FALSE;
    }
  return TRUE;
}

/* The round civic_case_document_available() found, for the workflow */
int
_civic_case_document_round (CivicCase         *self,
                            CivicDocumentKind  kind)
{
  return MAX (occasion (self, kind), 0);
}

/**
 * civic_case_document_for_action:
 * @action: an action just taken on @self
 * @kind: (out): the document the law ties to it
 *
 * The written document a step calls for: an acceptance, the acceptance
 * notice; a request for correction, the correction notice; a decision,
 * the decision granting or refusing the licence; a service, its proof.
 *
 * Returns: whether @action calls for one, and @self does now
 */
gboolean
civic_case_document_for_action (CivicCase         *self,
                                guint              action,
                                CivicDocumentKind *kind)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), FALSE);

  switch ((CivicAction) action)
    {
    case CIVIC_ACTION_ACCEPT: *kind = CIVIC_DOCUMENT_ACCEPTANCE_NOTICE; break;
    case CIVIC_ACTION_REQUEST_CORRECTION: *kind = CIVIC_DOCUMENT_CORRECTION_NOTICE; break;
    case CIVIC_ACTION_NOT_ACCEPT: *kind = CIVIC_DOCUMENT_NOT_ACCEPTED_DECISION; break;
    case CIVIC_ACTION_STOP_CLOCK: *kind = CIVIC_DOCUMENT_SUSPENSION_NOTICE; break;
    case CIVIC_ACTION_EXTEND: *kind = CIVIC_DOCUMENT_EXTENSION_NOTICE; break;
    case CIVIC_ACTION_INFORM_HEARING_RIGHT: *kind = CIVIC_DOCUMENT_HEARING_RIGHT_NOTICE; break;
    case CIVIC_ACTION_SERVE: *kind = CIVIC_DOCUMENT_SERVICE_PROOF; break;
    case CIVIC_ACTION_DECIDE:
      if (self->decision == NULL)
        return FALSE;
      *kind = self->decision->result == CIVIC_RECOMMENDATION_APPROVE
              ? CIVIC_DOCUMENT_GRANT_DECISION : CIVIC_DOCUMENT_REFUSAL_DECISION;
      break;
    default:
      return FALSE;
    }
  return civic_case_document_available (self, *kind, NULL);
}

/**
 * civic_case_find_document:
 *
 * Returns: (nullable): the document issued by the command @id
 */
const CivicCaseDocument *
civic_case_find_document (CivicCase  *self,
                          const char *id)
{
  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);

  for (guint i = 0; i < self->documents->len; i++)
    {
      CivicCaseDocument *document = g_ptr_array_index (self->documents, i);

      if (g_strcmp0 (document->id, id) == 0)
        return document;
    }
  return NULL;
}

/**
 * civic_case_document_is_draft:
 *
 * Returns: whether the service has yet to number @document
 */
gboolean
civic_case_document_is_draft (const CivicCaseDocument *document)
{
  return document->number == NULL;
}

/**
 * civic_case_set_document_issued:
 *
 * What the service gives a document when it issues it: the title it was
 * printed with, its number, verification code and the PDF's hash and size.
 *
 * Returns: whether the case has a draft document @id
 */
gboolean
civic_case_set_document_issued (CivicCase  *self,
                                const char *id,
                                const char *title,
                                const char *number,
                                const char *code,
                                const char *sha256,
                                gint64      size)
{
  CivicCaseDocument *document = (CivicCaseDocument *) civic_case_find_document (self, id);

  g_return_val_if_fail (number != NULL && code != NULL && sha256 != NULL, FALSE);

  if (document == NULL || document->number != NULL)
    return FALSE;
  g_free (document->title);
  document->title = g_strdup (title);
  document->number = g_strdup (number);
  document->code = g_strdup (code);
  document->sha256 = g_strdup (sha256);
  document->size = size;
  return TRUE;
}

/* The words of the law's terms, in the document's language, whatever the
 * official's */

static const char *
stop_reason_text (CivicStopReason       reason,
                  CivicDocumentLanguage language)
{
  static const char * const zh[] = {
    "听证", "招标", "拍卖", "检验", "检测", "检疫", "鉴定", "专家评审", "征求第三方意见",
    "等待申请人补正",
  };
  static const char * const en[] = {
    "a hearing", "tendering", "an auction", "inspection", "testing", "quarantine",
    "appraisal", "expert review", "consulting a third party",
    "awaiting the applicant’s correction",
  };

  if ((guint) reason >= G_N_ELEMENTS (zh))
    return "";
  return language == CIVIC_DOCUMENT_LANGUAGE_EN ? en[reason] : zh[reason];
}

static const char *
service_method_text (CivicServiceMethod    method,
                     CivicDocumentLanguage language)
{
  static const char * const zh[] = { "直接送达", "邮寄送达", "电子送达", "公告送达" };
  static const char * const en[] = { "in person", "by post", "electronically", "by announcement" };

  if ((guint) method >= G_N_ELEMENTS (zh))
    return "";
  return language == CIVIC_DOCUMENT_LANGUAGE_EN ? en[method] : zh[method];
}

static void
put (GHashTable *values,
     const char *name,
     const char *value)
{
  if (value != NULL)
    g_hash_table_insert (values, g_strdup (name), g_strdup (value));
}

/* A reason the template ends with its own full stop: "经审查，{{reason}}。" */
static void
put_clause (GHashTable *values,
            const char *name,
            const char *value)
{
  g_autofree char *clause = g_strdup (value ? value : "");
  gsize length;

  g_strstrip (clause);
  length = strlen (clause);
  while (length > 0 && strchr (".;", clause[length - 1]) != NULL)
    clause[--length] = '\0';
  while (length >= 3 && (g_str_has_suffix (clause, "。") || g_str_has_suffix (clause, "；")))
    clause[length -= 3] = '\0';
  g_hash_table_insert (values, g_strdup (name), g_steal_pointer (&clause));
}

static void
put_day (GHashTable           *values,
         const char           *name,
         CivicDay              day,
         CivicDocumentLanguage language)
{
  if (day != CIVIC_DAY_INVALID)
    g_hash_table_insert (values, g_strdup (name), civic_document_format_date (day, language));
}

static void
put_int (GHashTable *values,
         const char *name,
         gint64      value)
{
  g_hash_table_insert (values, g_strdup (name), g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* "1.营业执照复印件" a line: in Chinese without a space, which a
 * justified line would stretch */
static char *
numbered_lines (GPtrArray            *lines,
                CivicDocumentLanguage language)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s%u.%s%s", i > 0 ? "\n" : "", i + 1,
                            language == CIVIC_DOCUMENT_LANGUAGE_EN ? " " : "",
                            (const char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
put_correction (CivicCase            *self,
                GHashTable           *values,
                CivicDocumentLanguage language)
{
  CivicCorrection *correction;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (self->corrections->len == 0)
    return;
  correction = g_ptr_array_index (self->corrections, self->corrections->len - 1);
  for (guint i = 0; correction->items && correction->items[i]; i++)
    {
      const CivicMaterial *material = civic_case_find_material (self, correction->items[i]);

      g_ptr_array_add (names, material ? material->name : correction->items[i]);
    }
  put_int (values, "correction.round", correction->round);
  if (names->len > 0)
    g_hash_table_insert (values, g_strdup ("correction.materials"), numbered_lines (names, language));
  put (values, "correction.note", correction->note ? correction->note : "");
}

/* Which item of Art. 32 ¶1 the ground is, and where to apply instead
 * when the matter is another authority's (item 2) */
static void
put_not_accepted_ground (const CivicNotAccepted *not_accepted,
                         GHashTable             *values,
                         CivicDocumentLanguage   language)
{
  gboolean english = language == CIVIC_DOCUMENT_LANGUAGE_EN;

  switch (not_accepted->ground)
    {
    case CIVIC_NOT_ACCEPT_NO_LICENCE_NEEDED:
      put (values, "not_accepted.article", english ? "Article 32(1)(1)" : "第三十二条第一款第（一）项");
      break;
    case CIVIC_NOT_ACCEPT_NOT_COMPETENT:
      put (values, "not_accepted.article", english ? "Article 32(1)(2)" : "第三十二条第一款第（二）项");
      break;
    case CIVIC_NOT_ACCEPT_OTHER:
    default:
      put (values, "not_accepted.article", english ? "Article 32" : "第三十二条");
      break;
    }

  if (not_accepted->ground == CIVIC_NOT_ACCEPT_NOT_COMPETENT &&
      not_accepted->competent_authority != NULL && *not_accepted->competent_authority != '\0')
    g_hash_table_insert (values, g_strdup ("not_accepted.referral"),
                         english ? g_strdup_printf ("Please apply to %s.",
                                                    not_accepted->competent_authority)
                                 : g_strdup_printf ("请向%s提出申请。",
                                                    not_accepted->competent_authority));
  else
    put (values, "not_accepted.referral", "");
}

static void
put_decision (CivicCase            *self,
              GHashTable           *values,
              CivicDocumentLanguage language)
{
  if (self->decision == NULL)
    return;
  put_day (values, "decision.on", self->decision->on, language);
  put_clause (values, "decision.reason", self->decision->reason);
  put (values, "decision.legal_basis",
       self->decision->legal_basis ? self->decision->legal_basis : self->item_legal_basis);
  put (values, "remedies.reconsideration_body", self->decision->reconsideration_body);
  put (values, "remedies.court", self->decision->court);

  /* Art. 48 ¶2: after a hearing the decision rests on its record, and
   * says so; without one the sentence is left out */
  if (self->decision->hearing_record != NULL && *self->decision->hearing_record != '\0')
    g_hash_table_insert (values, g_strdup ("decision.hearing"),
                         language == CIVIC_DOCUMENT_LANGUAGE_EN
                         ? g_strdup_printf ("This decision rests on the record of the hearing "
                                            "(%s), as Article 48(2) of the Administrative "
                                            "Licensing Law requires.",
                                            self->decision->hearing_record)
                         : g_strdup_printf ("本决定根据听证笔录（%s）作出（《中华人民共和国"
                                            "行政许可法》第四十八条第二款）。",
                                            self->decision->hearing_record));
  else
    put (values, "decision.hearing", "");
}

static void
put_service (CivicCase            *self,
             GHashTable           *values,
             CivicDocumentLanguage language)
{
  g_autoptr(GPtrArray) served = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->documents->len; i++)
    {
      CivicCaseDocument *document = g_ptr_array_index (self->documents, i);

      if (document->kind != CIVIC_DOCUMENT_SERVICE_PROOF && document->number != NULL)
        g_ptr_array_add (served, language == CIVIC_DOCUMENT_LANGUAGE_EN
                                 ? g_strdup_printf ("%s (%s)", document->title, document->number)
                                 : g_strdup_printf ("%s（%s）", document->title,
                                                    document->number));
    }
  if (served->len > 0)
    g_hash_table_insert (values, g_strdup ("service.documents"), numbered_lines (served, language));

  /* Before the service is recorded the form leaves room to write by hand */
  if (self->service != NULL)
    {
      put (values, "service.method", service_method_text (self->service->method, language));
      put_day (values, "service.on", self->service->on, language);
    }
  else
    {
      put (values, "service.method", "＿＿＿＿＿＿");
      put (values, "service.on", language == CIVIC_DOCUMENT_LANGUAGE_EN
                                 ? "____ / __ / __" : "　　　　年　　月　　日");
    }
}

/**
 * civic_case_document_values:
 * @document: the document, issued or a draft
 * @department: the issuing department as the feed has it (its "name",
 *   "name_en", "short")
 *
 * The words a template of @document's kind is filled with
 * (civic_document_template_fill()). What the case does not say is left
 * out, and filling a template that asks for it fails naming it. On the
 * client the applicant's name is masked, as the client holds it; the
 * service fills the document it issues from the whole record.
 *
 * Returns: (transfer full) (element-type utf8 utf8)
 */
GHashTable *
civic_case_document_values (CivicCase               *self,
                            const CivicCaseDocument *document,
                            JsonObject              *department,
                            CivicCalendar           *calendar,
                            GError                 **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const CivicClockEvent *extension;
  int n_extensions;
  CivicDocumentLanguage language;
  const char *name;

  g_return_val_if_fail (CIVIC_IS_CASE (self), NULL);
  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (CIVIC_IS_CALENDAR (calendar), NULL);

  language = document->language;
  name = language == CIVIC_DOCUMENT_LANGUAGE_EN && string_member (department, "name_en")
         ? string_member (department, "name_en")
         : string_member (department, "name");
  if (name == NULL)
    name = self->department_name;
  if (name == NULL)
    {
      g_set_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_RECORD,
                   _("The issuing department has no name"));
      return NULL;
    }

  put (values, "department.name", name);
  put (values, "department.short", string_member (department, "short")
                                   ? string_member (department, "short") : name);
  put (values, "document.number",
       document->number ? document->number
                        : language == CIVIC_DOCUMENT_LANGUAGE_EN ? "[number pending]"
                                                                 : "〔待编号〕");
  put (values, "applicant.name", self->applicant.name);
  put (values, "applicant.address", self->applicant.address ? self->applicant.address : "");
  put (values, "case.number", self->number);
  put (values, "item.name", self->item_name);
  put (values, "item.code", self->item_code);
  put (values, "item.legal_basis", self->item_legal_basis ? self->item_legal_basis : "");
  put_day (values, "received_on", self->received_on, language);
  put_day (values, "issued_on", document->issued_on, language);
  put_day (values, "accepted_on", self->accepted_on, language);
  put_int (values, "limit_days", self->statutory_days);
  /* How the limit is counted: working days by the Licensing Law, days
   * where a special law sets it so (a document's words, in its language) */
  put (values, "limit_unit",
       self->statutory_unit == CIVIC_CLOCK_UNIT_CALENDAR_DAYS
       ? (language == CIVIC_DOCUMENT_LANGUAGE_ZH ? "日" : "days")
       : (language == CIVIC_DOCUMENT_LANGUAGE_ZH ? "个工作日" : "working days"));
  put_int (values, "promised_days", self->promised_days);

  if (self->statutory_clock != NULL && self->accepted_on != CIVIC_DAY_INVALID)
    {
      g_autoptr(CivicClockReading) reading =
        civic_clock_read (self->statutory_clock, calendar, document->issued_on, NULL);

      put_day (values, "due_on", reading->due, language);
    }

  put_correction (self, values, language);

  if (self->not_accepted != NULL)
    {
      put_clause (values, "not_accepted.reason", self->not_accepted->reason);
      put (values, "not_accepted.legal_basis", self->not_accepted->legal_basis
                                               ? self->not_accepted->legal_basis
                                               : self->item_legal_basis);
      put (values, "not_accepted.competent_authority",
           self->not_accepted->competent_authority ? self->not_accepted->competent_authority
                                                   : "");
      put_not_accepted_ground (self->not_accepted, values, language);
      put (values, "remedies.reconsideration_body", self->item_reconsideration_body);
      put (values, "remedies.court", self->item_court);
    }

  if (self->suspensions->len > 0)
    {
      CivicSuspension *suspension = g_ptr_array_index (self->suspensions,
                                                       self->suspensions->len - 1);

      put (values, "suspension.reason", stop_reason_text (suspension->reason, language));
      put_day (values, "suspension.started_on", suspension->started_on, language);
      if (suspension->expected_days > 0)
        put_int (values, "suspension.days", suspension->expected_days);
      put (values, "suspension.note", suspension->note ? suspension->note : "");
    }

  extension = last_extension (self, &n_extensions);
  if (extension != NULL)
    {
      put_int (values, "extension.days", extension->days);
      put_clause (values, "extension.reason", extension->note);
      /* Art. 42 ¶1: the head of the authority approves ten days more; ¶2,
       * on the joint track: the head of the people's government, fifteen */
      if (self->track == CIVIC_TRACK_JOINT)
        {
          put (values, "extension.approval",
               language == CIVIC_DOCUMENT_LANGUAGE_EN
               ? "With the approval of the head of the people's government at this level"
               : "经本级人民政府负责人批准");
          put (values, "extension.article", language == CIVIC_DOCUMENT_LANGUAGE_EN
                                            ? "Article 42(2)" : "第四十二条第二款");
        }
      else
        {
          put (values, "extension.approval",
               language == CIVIC_DOCUMENT_LANGUAGE_EN
               ? "With the approval of the head of this authority" : "经本机关负责人批准");
          put (values, "extension.article", language == CIVIC_DOCUMENT_LANGUAGE_EN
                                            ? "Article 42(1)" : "第四十二条第一款");
        }
    }

  if (self->hearing.informed_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *parties = self->hearing.parties
                                 ? g_strjoinv (language == CIVIC_DOCUMENT_LANGUAGE_EN ? ", " : "、",
                                               self->hearing.parties)
                                 : NULL;

      put (values, "hearing.parties", parties && *parties ? parties : self->applicant.name);
      /* Art. 47: five days from being told, that is from this notice */
      put_day (values, "hearing.deadline",
               civic_hearing_policy_last_request_day (civic_hearing_policy_get_default (),
                                                      calendar, document->issued_on, NULL),
               language);
    }

  put_decision (self, values, language);
  put_service (self, values, language);

  return g_steal_pointer (&values);
}
