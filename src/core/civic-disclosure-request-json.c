/* civic-disclosure-request-json.c — a disclosure request's wire format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-request"

#include "config.h"

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-request-private.h"
#include "civic-json.h"

/* The record as the feed, the ledger and the cache carry it
 * (docs/api.md, "A disclosure request"). The events its clocks are
 * rebuilt from are its own members: the correction's notice and
 * correction days, each consultation's service and answer, the extension
 * and the reply day. */

/* Writing */

static void
set_instant_or_null (JsonBuilder *builder,
                     const char  *member,
                     GDateTime   *instant)
{
  if (instant != NULL)
    civic_json_set_instant (builder, member, instant);
  else
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_null_value (builder);
    }
}

static void
write_applicant (JsonBuilder                    *builder,
                 const CivicDisclosureApplicant *applicant)
{
  json_builder_set_member_name (builder, "applicant");
  json_builder_begin_object (builder);
  civic_json_set_enum (builder, "kind", CIVIC_TYPE_DISCLOSURE_APPLICANT_KIND, applicant->kind);
  civic_json_set_string (builder, "name", applicant->name);
  civic_json_set_enum (builder, "id_type", CIVIC_TYPE_DISCLOSURE_ID_TYPE, applicant->id_type);
  civic_json_set_string (builder, "id_number", applicant->id_number);
  civic_json_set_string (builder, "phone", applicant->phone);
  civic_json_set_string (builder, "address", applicant->address);
  civic_json_set_string (builder, "email", applicant->email);
  civic_json_set_string (builder, "organisation", applicant->organisation);
  civic_json_set_string (builder, "credit_code", applicant->credit_code);
  civic_json_set_bool (builder, "masked", applicant->masked);
  json_builder_end_object (builder);
}

static void
write_correction (JsonBuilder                     *builder,
                  const CivicDisclosureCorrection *correction)
{
  json_builder_set_member_name (builder, "correction");
  if (correction == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "items", correction->items);
  civic_json_set_int (builder, "period", correction->period);
  civic_json_set_day (builder, "notice_on", correction->notice_on);
  civic_json_set_day (builder, "due_on", correction->due_on);
  civic_json_set_day (builder, "corrected_on", correction->corrected_on);
  civic_json_set_string (builder, "by_id", correction->by_id);
  civic_json_set_string (builder, "by_name", correction->by_name);
  civic_json_set_string (builder, "document_id", correction->document_id);
  json_builder_end_object (builder);
}

static void
write_consultations (JsonBuilder *builder,
                     GPtrArray   *consultations)
{
  json_builder_set_member_name (builder, "consultations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < consultations->len; i++)
    {
      const CivicDisclosureConsultation *c = g_ptr_array_index (consultations, i);

      json_builder_begin_object (builder);
      civic_json_set_int (builder, "number", c->number);
      civic_json_set_enum (builder, "consultee", CIVIC_TYPE_DISCLOSURE_CONSULTEE, c->consultee);
      civic_json_set_string (builder, "party", c->party);
      civic_json_set_string (builder, "basis", c->basis);
      civic_json_set_day (builder, "served_on", c->served_on);
      civic_json_set_bool (builder, "closed", c->closed);
      civic_json_set_enum (builder, "answer", CIVIC_TYPE_DISCLOSURE_ANSWER, c->answer);
      civic_json_set_day (builder, "answered_on", c->answered_on);
      civic_json_set_string (builder, "note", c->note);
      civic_json_set_string (builder, "by_id", c->by_id);
      civic_json_set_string (builder, "by_name", c->by_name);
      civic_json_set_string (builder, "document_id", c->document_id);
      civic_json_set_string (builder, "notice_document_id", c->notice_document_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_extension (JsonBuilder                    *builder,
                 const CivicDisclosureExtension *extension)
{
  json_builder_set_member_name (builder, "extension");
  if (extension == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  civic_json_set_day (builder, "on", extension->on);
  civic_json_set_int (builder, "days", extension->days);
  civic_json_set_string (builder, "reason", extension->reason);
  civic_json_set_string (builder, "approved_by_id", extension->approved_by_id);
  civic_json_set_string (builder, "approved_by_name", extension->approved_by_name);
  civic_json_set_string (builder, "document_id", extension->document_id);
  json_builder_end_object (builder);
}

static void
write_reply (JsonBuilder                *builder,
             const CivicDisclosureReply *reply)
{
  json_builder_set_member_name (builder, "reply");
  if (reply == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  civic_json_set_enum (builder, "outcome", CIVIC_TYPE_DISCLOSURE_REPLY_OUTCOME, reply->outcome);
  civic_json_set_enum (builder, "ground", CIVIC_TYPE_DISCLOSURE_REPLY_GROUND, reply->ground);
  civic_json_set_string (builder, "detail", reply->detail);
  civic_json_set_string (builder, "note", reply->note);
  civic_json_set_string (builder, "public_interest", reply->public_interest);
  civic_json_set_string (builder, "drafted_by_id", reply->drafted_by_id);
  civic_json_set_string (builder, "drafted_by_name", reply->drafted_by_name);
  set_instant_or_null (builder, "drafted_at", reply->drafted_at);
  json_builder_end_object (builder);
}

static void
write_remedies (JsonBuilder *builder,
                GPtrArray   *remedies)
{
  json_builder_set_member_name (builder, "remedies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < remedies->len; i++)
    {
      const CivicDisclosureRemedy *r = g_ptr_array_index (remedies, i);

      json_builder_begin_object (builder);
      civic_json_set_int (builder, "number", r->number);
      civic_json_set_enum (builder, "kind", CIVIC_TYPE_DISCLOSURE_REMEDY_KIND, r->kind);
      civic_json_set_enum (builder, "result", CIVIC_TYPE_DISCLOSURE_REMEDY_RESULT, r->result);
      civic_json_set_day (builder, "filed_on", r->filed_on);
      civic_json_set_day (builder, "decided_on", r->decided_on);
      civic_json_set_string (builder, "body", r->body);
      civic_json_set_string (builder, "note", r->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_comments (JsonBuilder *builder,
                GPtrArray   *comments)
{
  json_builder_set_member_name (builder, "comments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comments->len; i++)
    {
      const CivicDisclosureRequestComment *c = g_ptr_array_index (comments, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "author_id", c->author_id);
      civic_json_set_string (builder, "author_name", c->author_name);
      civic_json_set_string (builder, "text", c->text);
      set_instant_or_null (builder, "at", c->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * civic_disclosure_request_to_json:
 *
 * Returns: (transfer full): the whole record, its applicant as it is
 * held: unmasked, unless it was read from the feed
 */
JsonNode *
civic_disclosure_request_to_json (CivicDisclosureRequest *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (self), NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_int (builder, "rev", self->rev);
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_string (builder, "receipt", self->receipt);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_DISCLOSURE_REQUEST_STATE, self->state);
  civic_json_set_enum (builder, "channel", CIVIC_TYPE_DISCLOSURE_REQUEST_CHANNEL, self->channel);
  civic_json_set_day (builder, "received_on", self->received_on);
  write_applicant (builder, &self->applicant);
  civic_json_set_string (builder, "description", self->description);
  civic_json_set_string (builder, "document_number", self->document_number);
  civic_json_set_string (builder, "title", self->title);
  civic_json_set_enum (builder, "delivery_form", CIVIC_TYPE_DISCLOSURE_DELIVERY_FORM,
                       self->delivery_form);
  civic_json_set_enum (builder, "delivery_channel", CIVIC_TYPE_DISCLOSURE_DELIVERY_CHANNEL,
                       self->delivery_channel);
  civic_json_set_string (builder, "registered_by_id", self->registered_by_id);
  civic_json_set_string (builder, "registered_by_name", self->registered_by_name);
  set_instant_or_null (builder, "registered_at", self->registered_at);
  write_correction (builder, self->correction);
  write_consultations (builder, self->consultations);
  write_extension (builder, self->extension);
  civic_json_set_day (builder, "due_on", self->due_on);
  write_reply (builder, self->reply);
  civic_json_set_day (builder, "replied_on", self->replied_on);
  civic_json_set_string (builder, "replied_by_id", self->replied_by_id);
  civic_json_set_string (builder, "replied_by_name", self->replied_by_name);
  civic_json_set_string (builder, "reply_document_id", self->reply_document_id);
  civic_json_set_day (builder, "closed_on", self->closed_on);
  civic_json_set_string (builder, "closing_note", self->closing_note);
  write_remedies (builder, self->remedies);
  write_comments (builder, self->comments);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->documents->len; i++)
    civic_case_document_write (builder, g_ptr_array_index (self->documents, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Reading: each reader fills its part or fails with the member's name */

static gboolean
invalid (GError     **error,
         const char  *what)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, CIVIC_DISCLOSURE_REQUEST_ERROR, CIVIC_DISCLOSURE_REQUEST_ERROR_INVALID,
                 _("The disclosure request is not valid: %s"), what);
  return FALSE;
}

static gboolean
get_owned_string (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  char       **out,
                  GError     **error)
{
  const char *value = NULL;

  if (!civic_json_get_string (object, member, required, &value, error))
    return FALSE;
  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
get_enum_value (JsonObject  *object,
                const char  *member,
                gboolean     required,
                GType        type,
                guint       *out,
                GError     **error)
{
  int value = (int) *out;

  if (!civic_json_get_enum (object, member, required, type, &value, error))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static gboolean
get_count (JsonObject  *object,
           const char  *member,
           gboolean     required,
           gint64       min,
           gint64       max,
           guint       *out,
           GError     **error)
{
  gint64 value = 0;

  if (!civic_json_get_int (object, member, required, min, max, &value, error))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static gboolean
read_applicant (JsonObject                *object,
                CivicDisclosureApplicant  *applicant,
                GError                   **error)
{
  JsonObject *item = NULL;
  guint kind = 0, id_type = 0;

  if (!civic_json_get_object (object, "applicant", TRUE, &item, error))
    return FALSE;
  if (!get_enum_value (item, "kind", TRUE, CIVIC_TYPE_DISCLOSURE_APPLICANT_KIND, &kind, error) ||
      !get_owned_string (item, "name", FALSE, &applicant->name, error) ||
      !get_enum_value (item, "id_type", FALSE, CIVIC_TYPE_DISCLOSURE_ID_TYPE, &id_type, error) ||
      !get_owned_string (item, "id_number", FALSE, &applicant->id_number, error) ||
      !get_owned_string (item, "phone", FALSE, &applicant->phone, error) ||
      !get_owned_string (item, "address", FALSE, &applicant->address, error) ||
      !get_owned_string (item, "email", FALSE, &applicant->email, error) ||
      !get_owned_string (item, "organisation", FALSE, &applicant->organisation, error) ||
      !get_owned_string (item, "credit_code", FALSE, &applicant->credit_code, error) ||
      !civic_json_get_bool (item, "masked", FALSE, &applicant->masked, error))
    return FALSE;
  applicant->kind = kind;
  applicant->id_type = id_type;
  return TRUE;
}

static gboolean
read_correction (JsonObject                 *object,
                 CivicDisclosureCorrection **out,
                 GError                    **error)
{
  JsonObject *item = NULL;
  CivicDisclosureCorrection *correction;

  if (!civic_json_get_object (object, "correction", FALSE, &item, error))
    return FALSE;
  if (item == NULL)
    return TRUE;

  correction = *out = g_new0 (CivicDisclosureCorrection, 1);
  if (!get_owned_string (item, "items", TRUE, &correction->items, error) ||
      !get_count (item, "period", TRUE, 1, 365, &correction->period, error) ||
      !civic_json_get_day (item, "notice_on", TRUE, &correction->notice_on, error) ||
      !civic_json_get_day (item, "due_on", TRUE, &correction->due_on, error) ||
      !civic_json_get_day (item, "corrected_on", FALSE, &correction->corrected_on, error) ||
      !get_owned_string (item, "by_id", FALSE, &correction->by_id, error) ||
      !get_owned_string (item, "by_name", FALSE, &correction->by_name, error) ||
      !get_owned_string (item, "document_id", FALSE, &correction->document_id, error))
    return FALSE;
  return TRUE;
}

/* Each member of an array, as an object */
static gboolean
for_each_object (JsonObject  *object,
                 const char  *member,
                 gboolean   (*read) (JsonObject *item, GPtrArray *into, GError **error),
                 GPtrArray   *into,
                 GError     **error)
{
  JsonArray *array = NULL;

  if (!civic_json_get_array (object, member, FALSE, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = civic_json_array_lookup_object (array, i);

      if (item == NULL)
        return invalid (error, member);
      if (!read (item, into, error))
        return FALSE;
    }
  return TRUE;
}

/* Numbered from 1 in order, so that a command names one by its number */
static gboolean
read_consultation (JsonObject  *item,
                   GPtrArray   *into,
                   GError     **error)
{
  CivicDisclosureConsultation *c = g_new0 (CivicDisclosureConsultation, 1);
  guint consultee = 0, answer = 0;

  g_ptr_array_add (into, c);
  if (!get_count (item, "number", TRUE, into->len, into->len, &c->number, error) ||
      !get_enum_value (item, "consultee", TRUE, CIVIC_TYPE_DISCLOSURE_CONSULTEE, &consultee,
                       error) ||
      !get_owned_string (item, "party", TRUE, &c->party, error) ||
      !get_owned_string (item, "basis", FALSE, &c->basis, error) ||
      !civic_json_get_day (item, "served_on", TRUE, &c->served_on, error) ||
      !civic_json_get_bool (item, "closed", FALSE, &c->closed, error) ||
      !get_enum_value (item, "answer", FALSE, CIVIC_TYPE_DISCLOSURE_ANSWER, &answer, error) ||
      !civic_json_get_day (item, "answered_on", FALSE, &c->answered_on, error) ||
      !get_owned_string (item, "note", FALSE, &c->note, error) ||
      !get_owned_string (item, "by_id", FALSE, &c->by_id, error) ||
      !get_owned_string (item, "by_name", FALSE, &c->by_name, error) ||
      !get_owned_string (item, "document_id", FALSE, &c->document_id, error) ||
      !get_owned_string (item, "notice_document_id", FALSE, &c->notice_document_id, error))
    return FALSE;
  c->consultee = consultee;
  c->answer = answer;
  /* An answer has its day; silence has none, and only a closed one has
   * either */
  if ((c->answer == CIVIC_DISCLOSURE_ANSWER_NONE) != (c->answered_on == CIVIC_DAY_INVALID) ||
      (!c->closed && c->answered_on != CIVIC_DAY_INVALID) ||
      (c->answered_on != CIVIC_DAY_INVALID && c->answered_on < c->served_on))
    return invalid (error, "consultations");
  return TRUE;
}

static gboolean
read_extension (JsonObject                *object,
                CivicDisclosureExtension **out,
                GError                   **error)
{
  JsonObject *item = NULL;
  CivicDisclosureExtension *extension;
  gint64 days = 0;

  if (!civic_json_get_object (object, "extension", FALSE, &item, error))
    return FALSE;
  if (item == NULL)
    return TRUE;

  extension = *out = g_new0 (CivicDisclosureExtension, 1);
  if (!civic_json_get_day (item, "on", TRUE, &extension->on, error) ||
      !civic_json_get_int (item, "days", TRUE, 1, 20, &days, error) ||
      !get_owned_string (item, "reason", TRUE, &extension->reason, error) ||
      !get_owned_string (item, "approved_by_id", FALSE, &extension->approved_by_id, error) ||
      !get_owned_string (item, "approved_by_name", FALSE, &extension->approved_by_name, error) ||
      !get_owned_string (item, "document_id", FALSE, &extension->document_id, error))
    return FALSE;
  extension->days = (int) days;
  return TRUE;
}

static gboolean
read_reply (JsonObject            *object,
            CivicDisclosureReply **out,
            GError               **error)
{
  JsonObject *item = NULL;
  CivicDisclosureReply *reply;
  guint outcome = 0, ground = 0;

  if (!civic_json_get_object (object, "reply", FALSE, &item, error))
    return FALSE;
  if (item == NULL)
    return TRUE;

  reply = *out = g_new0 (CivicDisclosureReply, 1);
  if (!get_enum_value (item, "outcome", TRUE, CIVIC_TYPE_DISCLOSURE_REPLY_OUTCOME, &outcome,
                       error) ||
      !get_enum_value (item, "ground", FALSE, CIVIC_TYPE_DISCLOSURE_REPLY_GROUND, &ground, error) ||
      !get_owned_string (item, "detail", FALSE, &reply->detail, error) ||
      !get_owned_string (item, "note", FALSE, &reply->note, error) ||
      !get_owned_string (item, "public_interest", FALSE, &reply->public_interest, error) ||
      !get_owned_string (item, "drafted_by_id", FALSE, &reply->drafted_by_id, error) ||
      !get_owned_string (item, "drafted_by_name", FALSE, &reply->drafted_by_name, error) ||
      !civic_json_get_instant (item, "drafted_at", FALSE, &reply->drafted_at, error))
    return FALSE;
  reply->outcome = outcome;
  reply->ground = ground;
  if (!civic_disclosure_request_reply_is_valid_pair (reply->outcome, reply->ground))
    return invalid (error, "reply");
  return TRUE;
}

static gboolean
read_remedy (JsonObject  *item,
             GPtrArray   *into,
             GError     **error)
{
  CivicDisclosureRemedy *r = g_new0 (CivicDisclosureRemedy, 1);
  guint kind = 0, result = 0;

  g_ptr_array_add (into, r);
  if (!get_count (item, "number", TRUE, into->len, into->len, &r->number, error) ||
      !get_enum_value (item, "kind", TRUE, CIVIC_TYPE_DISCLOSURE_REMEDY_KIND, &kind, error) ||
      !get_enum_value (item, "result", TRUE, CIVIC_TYPE_DISCLOSURE_REMEDY_RESULT, &result,
                       error) ||
      !civic_json_get_day (item, "filed_on", TRUE, &r->filed_on, error) ||
      !civic_json_get_day (item, "decided_on", FALSE, &r->decided_on, error) ||
      !get_owned_string (item, "body", FALSE, &r->body, error) ||
      !get_owned_string (item, "note", FALSE, &r->note, error))
    return FALSE;
  r->kind = kind;
  r->result = result;
  if ((r->result == CIVIC_DISCLOSURE_REMEDY_PENDING) != (r->decided_on == CIVIC_DAY_INVALID))
    return invalid (error, "remedies");
  return TRUE;
}

static gboolean
read_document (JsonObject  *item,
               GPtrArray   *into,
               GError     **error)
{
  CivicCaseDocument *document = civic_case_document_read (item, error);

  if (document == NULL)
    return FALSE;
  g_ptr_array_add (into, document);
  return TRUE;
}

static gboolean
read_comment (JsonObject  *item,
              GPtrArray   *into,
              GError     **error)
{
  CivicDisclosureRequestComment *c = g_new0 (CivicDisclosureRequestComment, 1);

  g_ptr_array_add (into, c);
  return get_owned_string (item, "author_id", FALSE, &c->author_id, error) &&
         get_owned_string (item, "author_name", FALSE, &c->author_name, error) &&
         get_owned_string (item, "text", TRUE, &c->text, error) &&
         civic_json_get_instant (item, "at", FALSE, &c->at, error);
}

/**
 * civic_disclosure_request_new_from_json:
 *
 * Reads a request as civic_disclosure_request_to_json() or the feed wrote
 * it. A request read from the feed has its applicant masked.
 *
 * Returns: (transfer full) (nullable): the request, or %NULL with @error
 */
CivicDisclosureRequest *
civic_disclosure_request_new_from_json (JsonNode  *node,
                                        GError   **error)
{
  g_autoptr(CivicDisclosureRequest) self = NULL;
  JsonObject *object;
  const char *id = NULL, *department_id = NULL;
  guint state = 0, channel = 0, form = 0, delivery = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "not an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", TRUE, &id, error) ||
      !civic_json_get_string (object, "department_id", TRUE, &department_id, error))
    return NULL;
  if (*id == '\0' || *department_id == '\0')
    {
      invalid (error, "id");
      return NULL;
    }

  self = civic_disclosure_request_new (id, department_id);
  if (!civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &self->rev, error) ||
      !get_owned_string (object, "receipt", FALSE, &self->receipt, error) ||
      !get_enum_value (object, "state", TRUE, CIVIC_TYPE_DISCLOSURE_REQUEST_STATE, &state,
                       error) ||
      !get_enum_value (object, "channel", TRUE, CIVIC_TYPE_DISCLOSURE_REQUEST_CHANNEL, &channel,
                       error) ||
      !civic_json_get_day (object, "received_on", TRUE, &self->received_on, error) ||
      !read_applicant (object, &self->applicant, error) ||
      !get_owned_string (object, "description", TRUE, &self->description, error) ||
      !get_owned_string (object, "document_number", FALSE, &self->document_number, error) ||
      !get_owned_string (object, "title", FALSE, &self->title, error) ||
      !get_enum_value (object, "delivery_form", FALSE, CIVIC_TYPE_DISCLOSURE_DELIVERY_FORM,
                       &form, error) ||
      !get_enum_value (object, "delivery_channel", FALSE, CIVIC_TYPE_DISCLOSURE_DELIVERY_CHANNEL,
                       &delivery, error) ||
      !get_owned_string (object, "registered_by_id", FALSE, &self->registered_by_id, error) ||
      !get_owned_string (object, "registered_by_name", FALSE, &self->registered_by_name, error) ||
      !civic_json_get_instant (object, "registered_at", FALSE, &self->registered_at, error) ||
      !read_correction (object, &self->correction, error) ||
      !for_each_object (object, "consultations", read_consultation, self->consultations, error) ||
      !read_extension (object, &self->extension, error) ||
      !civic_json_get_day (object, "due_on", FALSE, &self->due_on, error) ||
      !read_reply (object, &self->reply, error) ||
      !civic_json_get_day (object, "replied_on", FALSE, &self->replied_on, error) ||
      !get_owned_string (object, "replied_by_id", FALSE, &self->replied_by_id, error) ||
      !get_owned_string (object, "replied_by_name", FALSE, &self->replied_by_name, error) ||
      !get_owned_string (object, "reply_document_id", FALSE, &self->reply_document_id, error) ||
      !civic_json_get_day (object, "closed_on", FALSE, &self->closed_on, error) ||
      !get_owned_string (object, "closing_note", FALSE, &self->closing_note, error) ||
      !for_each_object (object, "remedies", read_remedy, self->remedies, error) ||
      !for_each_object (object, "comments", read_comment, self->comments, error) ||
      !for_each_object (object, "documents", read_document, self->documents, error))
    return NULL;

  self->state = state;
  self->channel = channel;
  self->delivery_form = form;
  self->delivery_channel = delivery;

  /* What the commands keep together stays together */
  if (self->state == CIVIC_DISCLOSURE_REQUEST_STATE_CORRECTION_REQUESTED &&
      self->correction == NULL)
    {
      invalid (error, "correction");
      return NULL;
    }
  if (self->state == CIVIC_DISCLOSURE_REQUEST_STATE_REPLIED &&
      (self->reply == NULL || self->replied_on == CIVIC_DAY_INVALID))
    {
      invalid (error, "reply");
      return NULL;
    }
  return g_steal_pointer (&self);
}
