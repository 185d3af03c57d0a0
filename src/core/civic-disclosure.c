/* civic-disclosure.c — a piece of government information published proactively (主动公开)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure-private.h"
#include "civic-json.h"
#include "civic-time.h"

G_DEFINE_FINAL_TYPE (CivicDisclosure, civic_disclosure, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-disclosure-error-quark, civic_disclosure_error)

/* Labels */

const char *
civic_disclosure_state_get_label (CivicDisclosureState state)
{
  switch (state)
    {
    case CIVIC_DISCLOSURE_STATE_DRAFT: return _("Draft");
    case CIVIC_DISCLOSURE_STATE_IN_REVIEW: return _("In review");
    case CIVIC_DISCLOSURE_STATE_APPROVED: return _("Approved");
    case CIVIC_DISCLOSURE_STATE_SCHEDULED: return _("Scheduled");
    case CIVIC_DISCLOSURE_STATE_PUBLISHED: return _("Published");
    case CIVIC_DISCLOSURE_STATE_WITHDRAWN: return _("Withdrawn");
    case CIVIC_DISCLOSURE_STATE_EXPIRED: return _("Expired");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_category_get_label (CivicDisclosureCategory category)
{
  switch (category)
    {
    case CIVIC_DISCLOSURE_CATEGORY_NORMATIVE: return _("Rules and normative documents");
    case CIVIC_DISCLOSURE_CATEGORY_ORGANISATION: return _("Functions, organisation and contacts");
    case CIVIC_DISCLOSURE_CATEGORY_PLANS: return _("Plans and related policies");
    case CIVIC_DISCLOSURE_CATEGORY_STATISTICS: return _("Statistics");
    case CIVIC_DISCLOSURE_CATEGORY_LICENSING: return _("Administrative licensing");
    case CIVIC_DISCLOSURE_CATEGORY_PENALTIES: return _("Penalties and compulsory measures");
    case CIVIC_DISCLOSURE_CATEGORY_BUDGETS: return _("Budgets and final accounts");
    case CIVIC_DISCLOSURE_CATEGORY_FEES: return _("Administrative fees");
    case CIVIC_DISCLOSURE_CATEGORY_PROCUREMENT: return _("Government procurement");
    case CIVIC_DISCLOSURE_CATEGORY_MAJOR_PROJECTS: return _("Major construction projects");
    case CIVIC_DISCLOSURE_CATEGORY_WELFARE: return _("Poverty relief, education, health, social security and employment");
    case CIVIC_DISCLOSURE_CATEGORY_EMERGENCIES: return _("Public emergencies");
    case CIVIC_DISCLOSURE_CATEGORY_OVERSIGHT: return _("Environmental, health, safety, food, drug and quality oversight");
    case CIVIC_DISCLOSURE_CATEGORY_RECRUITMENT: return _("Civil service recruitment");
    case CIVIC_DISCLOSURE_CATEGORY_OTHER_REQUIRED: return _("Other information required by law");
    case CIVIC_DISCLOSURE_CATEGORY_LOCAL: return _("Local government matters (Art. 21)");
    case CIVIC_DISCLOSURE_CATEGORY_ANNUAL_REPORT: return _("Annual report on disclosure");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_validity_get_label (CivicDisclosureValidity validity)
{
  switch (validity)
    {
    case CIVIC_DISCLOSURE_VALIDITY_NONE: return NULL;
    case CIVIC_DISCLOSURE_VALIDITY_IN_FORCE: return _("In force");
    case CIVIC_DISCLOSURE_VALIDITY_LAPSED: return _("Lapsed");
    case CIVIC_DISCLOSURE_VALIDITY_REPEALED: return _("Repealed");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_disclosure_ground_get_label (CivicDisclosureGround ground)
{
  switch (ground)
    {
    case CIVIC_DISCLOSURE_GROUND_CONSENT: return _("The person consented (OGI Art. 15)");
    case CIVIC_DISCLOSURE_GROUND_PUBLIC_INTEREST: return _("Withholding it would seriously harm the public interest (OGI Art. 15)");
    case CIVIC_DISCLOSURE_GROUND_REQUIRED_BY_LAW: return _("A law requires it to be published");
    case CIVIC_DISCLOSURE_GROUND_OFFICE_CONTACT: return _("It is an office’s contact (OGI Art. 20(2))");
    case CIVIC_DISCLOSURE_GROUND_NOT_PERSONAL: return _("It is not personal information");
    default: g_return_val_if_reached ("");
    }
}

/* The parts */

void
civic_disclosure_version_free (CivicDisclosureVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->author_id);
  g_free (version->author_name);
  g_clear_pointer (&version->at, g_date_time_unref);
  g_free (version->command_id);
  g_free (version->note);
  g_strfreev (version->redacted);
  g_free (version);
}

void
civic_disclosure_review_free (CivicDisclosureReview *review)
{
  if (review == NULL)
    return;
  g_free (review->reviewer_id);
  g_free (review->reviewer_name);
  g_free (review->comment);
  g_clear_pointer (&review->at, g_date_time_unref);
  g_free (review);
}

void
civic_disclosure_finding_free (CivicDisclosureFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->key);
  g_free (finding);
}

void
civic_disclosure_acknowledgement_free (CivicDisclosureAcknowledgement *acknowledgement)
{
  if (acknowledgement == NULL)
    return;
  g_free (acknowledgement->key);
  g_free (acknowledgement->reason);
  g_free (acknowledgement->by_id);
  g_free (acknowledgement->by_name);
  g_clear_pointer (&acknowledgement->at, g_date_time_unref);
  g_free (acknowledgement);
}

void
civic_disclosure_comment_free (CivicDisclosureComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->author_id);
  g_free (comment->author_name);
  g_free (comment->text);
  g_clear_pointer (&comment->at, g_date_time_unref);
  g_free (comment);
}

void
civic_disclosure_attachment_free (CivicDisclosureAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->name);
  g_free (attachment->sha256);
  g_free (attachment->media_type);
  g_clear_pointer (&attachment->findings, g_ptr_array_unref);
  g_free (attachment->by_id);
  g_free (attachment->by_name);
  g_clear_pointer (&attachment->at, g_date_time_unref);
  g_free (attachment);
}

static GDateTime *
ref_or_null (GDateTime *instant)
{
  return instant != NULL ? g_date_time_ref (instant) : NULL;
}

static gpointer
copy_version (gconstpointer src,
              gpointer      data)
{
  const CivicDisclosureVersion *v = src;
  CivicDisclosureVersion *copy = g_new0 (CivicDisclosureVersion, 1);

  copy->number = v->number;
  copy->author_id = g_strdup (v->author_id);
  copy->author_name = g_strdup (v->author_name);
  copy->at = ref_or_null (v->at);
  copy->command_id = g_strdup (v->command_id);
  copy->note = g_strdup (v->note);
  copy->redacted = g_strdupv (v->redacted);
  return copy;
}

static gpointer
copy_review (gconstpointer src,
             gpointer      data)
{
  const CivicDisclosureReview *r = src;
  CivicDisclosureReview *copy = g_new0 (CivicDisclosureReview, 1);

  *copy = *r;
  copy->reviewer_id = g_strdup (r->reviewer_id);
  copy->reviewer_name = g_strdup (r->reviewer_name);
  copy->comment = g_strdup (r->comment);
  copy->at = ref_or_null (r->at);
  return copy;
}

static gpointer
copy_finding (gconstpointer src,
              gpointer      data)
{
  const CivicDisclosureFinding *f = src;
  CivicDisclosureFinding *copy = g_new0 (CivicDisclosureFinding, 1);

  *copy = *f;
  copy->key = g_strdup (f->key);
  return copy;
}

static gpointer
copy_acknowledgement (gconstpointer src,
                      gpointer      data)
{
  const CivicDisclosureAcknowledgement *a = src;
  CivicDisclosureAcknowledgement *copy = g_new0 (CivicDisclosureAcknowledgement, 1);

  *copy = *a;
  copy->key = g_strdup (a->key);
  copy->reason = g_strdup (a->reason);
  copy->by_id = g_strdup (a->by_id);
  copy->by_name = g_strdup (a->by_name);
  copy->at = ref_or_null (a->at);
  return copy;
}

static gpointer
copy_attachment (gconstpointer src,
                 gpointer      data)
{
  const CivicDisclosureAttachment *a = src;
  CivicDisclosureAttachment *copy = g_new0 (CivicDisclosureAttachment, 1);

  *copy = *a;
  copy->name = g_strdup (a->name);
  copy->sha256 = g_strdup (a->sha256);
  copy->media_type = g_strdup (a->media_type);
  copy->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_finding_free);
  for (guint i = 0; i < a->findings->len; i++)
    g_ptr_array_add (copy->findings, copy_finding (g_ptr_array_index (a->findings, i), NULL));
  copy->by_id = g_strdup (a->by_id);
  copy->by_name = g_strdup (a->by_name);
  copy->at = ref_or_null (a->at);
  return copy;
}

static gpointer
copy_comment (gconstpointer src,
              gpointer      data)
{
  const CivicDisclosureComment *c = src;
  CivicDisclosureComment *copy = g_new0 (CivicDisclosureComment, 1);

  copy->author_id = g_strdup (c->author_id);
  copy->author_name = g_strdup (c->author_name);
  copy->text = g_strdup (c->text);
  copy->at = ref_or_null (c->at);
  return copy;
}

/* The record */

static void
civic_disclosure_finalize (GObject *object)
{
  CivicDisclosure *self = CIVIC_DISCLOSURE (object);

  g_free (self->id);
  g_free (self->department_id);
  g_free (self->title);
  g_free (self->summary);
  g_strfreev (self->columns);
  g_free (self->issuing_organ);
  g_free (self->document_number);
  g_free (self->repealed_by);
  g_strfreev (self->keywords);
  g_free (self->interpretation_of);
  g_free (self->author_id);
  g_free (self->author_name);
  g_free (self->body);
  g_ptr_array_unref (self->versions);
  g_strfreev (self->personal_names);
  g_ptr_array_unref (self->findings);
  g_ptr_array_unref (self->acknowledgements);
  g_ptr_array_unref (self->reviews);
  g_ptr_array_unref (self->comments);
  g_ptr_array_unref (self->attachments);
  g_free (self->index_number);
  g_clear_pointer (&self->publish_at, g_date_time_unref);
  g_clear_pointer (&self->published_at, g_date_time_unref);
  g_clear_pointer (&self->withdrawn_at, g_date_time_unref);
  g_free (self->public_notice);
  g_free (self->withdraw_reason);

  G_OBJECT_CLASS (civic_disclosure_parent_class)->finalize (object);
}

static void
civic_disclosure_class_init (CivicDisclosureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_disclosure_finalize;
}

static void
civic_disclosure_init (CivicDisclosure *self)
{
  self->formed_on = CIVIC_DAY_INVALID;
  self->expire_on = CIVIC_DAY_INVALID;
  self->columns = g_new0 (char *, 1);
  self->keywords = g_new0 (char *, 1);
  self->personal_names = g_new0 (char *, 1);
  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_version_free);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_finding_free);
  self->acknowledgements =
    g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_acknowledgement_free);
  self->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_review_free);
  self->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_comment_free);
  self->attachments =
    g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_attachment_free);
}

/**
 * civic_disclosure_new:
 * @id: the id of the command that creates it, made by the client
 *
 * A draft with no text yet
 */
CivicDisclosure *
civic_disclosure_new (const char *id,
                      const char *department_id,
                      const char *author_id,
                      const char *author_name)
{
  CivicDisclosure *self;

  g_return_val_if_fail (id != NULL && department_id != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_DISCLOSURE, NULL);
  self->id = g_strdup (id);
  self->department_id = g_strdup (department_id);
  self->author_id = g_strdup (author_id);
  self->author_name = g_strdup (author_name);
  self->body = g_strdup ("");
  return self;
}

/* Into an empty array that keeps its own free function */
static void
copy_array (GPtrArray *out,
            GPtrArray *in,
            GCopyFunc  copy)
{
  for (guint i = 0; i < in->len; i++)
    g_ptr_array_add (out, copy (g_ptr_array_index (in, i), NULL));
}

CivicDisclosure *
civic_disclosure_copy (CivicDisclosure *self)
{
  CivicDisclosure *copy;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE (self), NULL);

  copy = civic_disclosure_new (self->id, self->department_id, self->author_id,
                               self->author_name);
  copy->rev = self->rev;
  copy->state = self->state;
  copy->round = self->round;
  copy->review_level = self->review_level;
  copy->title = g_strdup (self->title);
  copy->summary = g_strdup (self->summary);
  copy->category = self->category;
  g_strfreev (copy->columns);
  copy->columns = g_strdupv (self->columns);
  copy->formed_on = self->formed_on;
  copy->normative = self->normative;
  copy->issuing_organ = g_strdup (self->issuing_organ);
  copy->document_number = g_strdup (self->document_number);
  copy->validity = self->validity;
  copy->repealed_by = g_strdup (self->repealed_by);
  g_strfreev (copy->keywords);
  copy->keywords = g_strdupv (self->keywords);
  copy->interpretation_of = g_strdup (self->interpretation_of);
  copy->report_year = self->report_year;
  g_free (copy->body);
  copy->body = g_strdup (self->body);
  copy->head_version = self->head_version;
  copy->published_version = self->published_version;
  copy_array (copy->versions, self->versions, copy_version);
  g_strfreev (copy->personal_names);
  copy->personal_names = g_strdupv (self->personal_names);
  copy_array (copy->findings, self->findings, copy_finding);
  copy_array (copy->acknowledgements, self->acknowledgements, copy_acknowledgement);
  copy_array (copy->reviews, self->reviews, copy_review);
  copy_array (copy->comments, self->comments, copy_comment);
  copy_array (copy->attachments, self->attachments, copy_attachment);
  copy->index_number = g_strdup (self->index_number);
  copy->publish_at = ref_or_null (self->publish_at);
  copy->published_at = ref_or_null (self->published_at);
  copy->expire_on = self->expire_on;
  copy->withdrawn_at = ref_or_null (self->withdrawn_at);
  copy->public_notice = g_strdup (self->public_notice);
  copy->withdraw_reason = g_strdup (self->withdraw_reason);
  return copy;
}

/* Accessors */

const char *civic_disclosure_get_id (CivicDisclosure *self) { return self->id; }
gint64 civic_disclosure_get_rev (CivicDisclosure *self) { return self->rev; }
void civic_disclosure_set_rev (CivicDisclosure *self, gint64 rev) { self->rev = rev; }
const char *civic_disclosure_get_department_id (CivicDisclosure *self) { return self->department_id; }
CivicDisclosureState civic_disclosure_get_state (CivicDisclosure *self) { return self->state; }
guint civic_disclosure_get_round (CivicDisclosure *self) { return self->round; }
guint civic_disclosure_get_review_level (CivicDisclosure *self) { return self->review_level; }
const char *civic_disclosure_get_title (CivicDisclosure *self) { return self->title; }
const char *civic_disclosure_get_summary (CivicDisclosure *self) { return self->summary; }
CivicDisclosureCategory civic_disclosure_get_category (CivicDisclosure *self) { return self->category; }
const char * const *civic_disclosure_get_columns (CivicDisclosure *self) { return (const char * const *) self->columns; }
CivicDay civic_disclosure_get_formed_on (CivicDisclosure *self) { return self->formed_on; }
gboolean civic_disclosure_get_normative (CivicDisclosure *self) { return self->normative; }
const char *civic_disclosure_get_issuing_organ (CivicDisclosure *self) { return self->issuing_organ; }
const char *civic_disclosure_get_document_number (CivicDisclosure *self) { return self->document_number; }
CivicDisclosureValidity civic_disclosure_get_validity (CivicDisclosure *self) { return self->validity; }
const char *civic_disclosure_get_repealed_by (CivicDisclosure *self) { return self->repealed_by; }
const char * const *civic_disclosure_get_keywords (CivicDisclosure *self) { return (const char * const *) self->keywords; }
const char *civic_disclosure_get_interpretation_of (CivicDisclosure *self) { return self->interpretation_of; }
const char *civic_disclosure_get_author_id (CivicDisclosure *self) { return self->author_id; }
const char *civic_disclosure_get_author_name (CivicDisclosure *self) { return self->author_name; }
guint civic_disclosure_get_report_year (CivicDisclosure *self) { return self->report_year; }
const char *civic_disclosure_get_body (CivicDisclosure *self) { return self->body; }
guint civic_disclosure_get_head_version (CivicDisclosure *self) { return self->head_version; }
guint civic_disclosure_get_published_version (CivicDisclosure *self) { return self->published_version; }
const char *civic_disclosure_get_index_number (CivicDisclosure *self) { return self->index_number; }
GDateTime *civic_disclosure_get_publish_at (CivicDisclosure *self) { return self->publish_at; }
GDateTime *civic_disclosure_get_published_at (CivicDisclosure *self) { return self->published_at; }
CivicDay civic_disclosure_get_expire_on (CivicDisclosure *self) { return self->expire_on; }
GDateTime *civic_disclosure_get_withdrawn_at (CivicDisclosure *self) { return self->withdrawn_at; }
const char *civic_disclosure_get_public_notice (CivicDisclosure *self) { return self->public_notice; }
const char * const *civic_disclosure_get_personal_names (CivicDisclosure *self) { return (const char * const *) self->personal_names; }
GPtrArray *civic_disclosure_get_versions (CivicDisclosure *self) { return self->versions; }
GPtrArray *civic_disclosure_get_reviews (CivicDisclosure *self) { return self->reviews; }
GPtrArray *civic_disclosure_get_findings (CivicDisclosure *self) { return self->findings; }
GPtrArray *civic_disclosure_get_acknowledgements (CivicDisclosure *self) { return self->acknowledgements; }
GPtrArray *civic_disclosure_get_attachments (CivicDisclosure *self) { return self->attachments; }

const CivicDisclosureAttachment *
civic_disclosure_find_attachment (CivicDisclosure *self,
                                  const char      *sha256)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE (self), NULL);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      const CivicDisclosureAttachment *a = g_ptr_array_index (self->attachments, i);

      if (g_strcmp0 (a->sha256, sha256) == 0)
        return a;
    }
  return NULL;
}

GPtrArray *civic_disclosure_get_comments (CivicDisclosure *self) { return self->comments; }

void
civic_disclosure_set_index_number (CivicDisclosure *self,
                                   const char      *index_number)
{
  g_return_if_fail (CIVIC_IS_DISCLOSURE (self));

  g_free (self->index_number);
  self->index_number = g_strdup (index_number);
}

CivicDay
civic_disclosure_get_due_on (CivicDisclosure *self,
                             CivicCalendar   *calendar)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE (self), CIVIC_DAY_INVALID);

  if (self->formed_on == CIVIC_DAY_INVALID || calendar == NULL)
    return CIVIC_DAY_INVALID;
  return civic_calendar_add_working_days (calendar, self->formed_on, 20, 0, NULL);
}

/* Wire format */

static void
set_instant_or_null (JsonBuilder *builder,
                     const char  *member,
                     GDateTime   *instant)
{
  civic_json_set_instant (builder, member, instant);
}

static void
add_findings (JsonBuilder *builder,
              GPtrArray   *findings)
{
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      const CivicDisclosureFinding *f = g_ptr_array_index (findings, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "key", f->key);
      civic_json_set_enum (builder, "kind", CIVIC_TYPE_PRIVACY_KIND, f->kind);
      civic_json_set_enum (builder, "severity", CIVIC_TYPE_PRIVACY_SEVERITY, f->severity);
      civic_json_set_int (builder, "line", f->line);
      if (f->page > 0)
        civic_json_set_int (builder, "page", f->page);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
civic_disclosure_to_json (CivicDisclosure *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE (self), NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_int (builder, "rev", self->rev);
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_DISCLOSURE_STATE, self->state);
  civic_json_set_int (builder, "round", self->round);
  civic_json_set_int (builder, "review_level", self->review_level);
  civic_json_set_string (builder, "title", self->title);
  civic_json_set_string (builder, "summary", self->summary);
  civic_json_set_enum (builder, "category", CIVIC_TYPE_DISCLOSURE_CATEGORY, self->category);
  civic_json_set_strv (builder, "columns", (const char * const *) self->columns);
  civic_json_set_day (builder, "formed_on", self->formed_on);
  civic_json_set_bool (builder, "normative", self->normative);
  civic_json_set_string (builder, "issuing_organ", self->issuing_organ);
  civic_json_set_string (builder, "document_number", self->document_number);
  civic_json_set_enum (builder, "validity", CIVIC_TYPE_DISCLOSURE_VALIDITY, self->validity);
  civic_json_set_string (builder, "repealed_by", self->repealed_by);
  civic_json_set_strv (builder, "keywords", (const char * const *) self->keywords);
  civic_json_set_string (builder, "interpretation_of", self->interpretation_of);
  civic_json_set_string (builder, "author_id", self->author_id);
  civic_json_set_string (builder, "author_name", self->author_name);
  if (self->report_year != 0)
    civic_json_set_int (builder, "report_year", self->report_year);
  civic_json_set_string (builder, "body", self->body);
  civic_json_set_int (builder, "head_version", self->head_version);
  civic_json_set_int (builder, "published_version", self->published_version);
  civic_json_set_strv (builder, "personal_names", (const char * const *) self->personal_names);

  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->versions->len; i++)
    {
      const CivicDisclosureVersion *v = g_ptr_array_index (self->versions, i);

      json_builder_begin_object (builder);
      civic_json_set_int (builder, "number", v->number);
      civic_json_set_string (builder, "author_id", v->author_id);
      civic_json_set_string (builder, "author_name", v->author_name);
      set_instant_or_null (builder, "at", v->at);
      civic_json_set_string (builder, "command_id", v->command_id);
      civic_json_set_string (builder, "note", v->note);
      if (v->redacted != NULL && v->redacted[0] != NULL)
        civic_json_set_strv (builder, "redacted", (const char * const *) v->redacted);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_findings (builder, self->findings);

  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->attachments->len; i++)
    {
      const CivicDisclosureAttachment *a = g_ptr_array_index (self->attachments, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "name", a->name);
      civic_json_set_string (builder, "sha256", a->sha256);
      civic_json_set_string (builder, "media_type", a->media_type);
      civic_json_set_int (builder, "size", a->size);
      civic_json_set_bool (builder, "checked", a->checked);
      add_findings (builder, a->findings);
      civic_json_set_string (builder, "by_id", a->by_id);
      civic_json_set_string (builder, "by_name", a->by_name);
      set_instant_or_null (builder, "at", a->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "acknowledgements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->acknowledgements->len; i++)
    {
      const CivicDisclosureAcknowledgement *a = g_ptr_array_index (self->acknowledgements, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "key", a->key);
      civic_json_set_enum (builder, "kind", CIVIC_TYPE_PRIVACY_KIND, a->kind);
      civic_json_set_enum (builder, "ground", CIVIC_TYPE_DISCLOSURE_GROUND, a->ground);
      civic_json_set_string (builder, "reason", a->reason);
      civic_json_set_string (builder, "by_id", a->by_id);
      civic_json_set_string (builder, "by_name", a->by_name);
      civic_json_set_int (builder, "version", a->version);
      set_instant_or_null (builder, "at", a->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reviews");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->reviews->len; i++)
    {
      const CivicDisclosureReview *r = g_ptr_array_index (self->reviews, i);

      json_builder_begin_object (builder);
      civic_json_set_int (builder, "round", r->round);
      civic_json_set_int (builder, "level", r->level);
      civic_json_set_string (builder, "reviewer_id", r->reviewer_id);
      civic_json_set_string (builder, "reviewer_name", r->reviewer_name);
      civic_json_set_enum (builder, "decision", CIVIC_TYPE_DISCLOSURE_DECISION, r->decision);
      civic_json_set_string (builder, "comment", r->comment);
      set_instant_or_null (builder, "at", r->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "comments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->comments->len; i++)
    {
      const CivicDisclosureComment *c = g_ptr_array_index (self->comments, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "author_id", c->author_id);
      civic_json_set_string (builder, "author_name", c->author_name);
      civic_json_set_string (builder, "text", c->text);
      set_instant_or_null (builder, "at", c->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  civic_json_set_string (builder, "index_number", self->index_number);
  set_instant_or_null (builder, "publish_at", self->publish_at);
  set_instant_or_null (builder, "published_at", self->published_at);
  civic_json_set_day (builder, "expire_on", self->expire_on);
  set_instant_or_null (builder, "withdrawn_at", self->withdrawn_at);
  civic_json_set_string (builder, "public_notice", self->public_notice);
  civic_json_set_string (builder, "withdraw_reason", self->withdraw_reason);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
civic_disclosure_to_feed_json (CivicDisclosure *self)
{
  g_autoptr(JsonNode) node = civic_disclosure_to_json (self);

  return civic_json_to_string (node, FALSE);
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, CIVIC_DISCLOSURE_ERROR, CIVIC_DISCLOSURE_ERROR_INVALID,
                 _("The disclosure is not valid: %s"), what);
  return FALSE;
}

static gboolean
get_count (JsonObject  *object,
           const char  *member,
           gint64       max,
           guint       *out,
           GError     **error)
{
  gint64 value = 0;

  if (!civic_json_get_int (object, member, FALSE, 0, max, &value, error))
    return FALSE;
  *out = (guint) value;
  return TRUE;
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
get_owned_strv (JsonObject  *object,
                const char  *member,
                GStrv       *out,
                GError     **error)
{
  GStrv value = NULL;

  if (!civic_json_get_strv (object, member, FALSE, &value, error))
    return FALSE;
  if (value == NULL)
    value = g_new0 (char *, 1);
  g_strfreev (*out);
  *out = value;
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

static gboolean
read_version (JsonObject  *item,
              GPtrArray   *into,
              GError     **error)
{
  CivicDisclosureVersion *v = g_new0 (CivicDisclosureVersion, 1);

  g_ptr_array_add (into, v);
  return get_count (item, "number", G_MAXINT32, &v->number, error) &&
         get_owned_string (item, "author_id", FALSE, &v->author_id, error) &&
         get_owned_string (item, "author_name", FALSE, &v->author_name, error) &&
         civic_json_get_instant (item, "at", FALSE, &v->at, error) &&
         get_owned_string (item, "command_id", FALSE, &v->command_id, error) &&
         get_owned_string (item, "note", FALSE, &v->note, error) &&
         civic_json_get_strv (item, "redacted", FALSE, &v->redacted, error);
}

static gboolean
read_finding (JsonObject  *item,
              GPtrArray   *into,
              GError     **error)
{
  CivicDisclosureFinding *f = g_new0 (CivicDisclosureFinding, 1);
  guint kind = 0, severity = 0;

  g_ptr_array_add (into, f);
  if (!get_owned_string (item, "key", TRUE, &f->key, error) ||
      !get_enum_value (item, "kind", TRUE, CIVIC_TYPE_PRIVACY_KIND, &kind, error) ||
      !get_enum_value (item, "severity", TRUE, CIVIC_TYPE_PRIVACY_SEVERITY, &severity, error) ||
      !get_count (item, "line", G_MAXINT32, &f->line, error) ||
      !get_count (item, "page", G_MAXINT32, &f->page, error))
    return FALSE;
  f->kind = kind;
  f->severity = severity;
  return TRUE;
}

static gboolean
read_acknowledgement (JsonObject  *item,
                      GPtrArray   *into,
                      GError     **error)
{
  CivicDisclosureAcknowledgement *a = g_new0 (CivicDisclosureAcknowledgement, 1);
  guint kind = 0, ground = 0;

  g_ptr_array_add (into, a);
  if (!get_owned_string (item, "key", TRUE, &a->key, error) ||
      !get_enum_value (item, "kind", TRUE, CIVIC_TYPE_PRIVACY_KIND, &kind, error) ||
      !get_enum_value (item, "ground", TRUE, CIVIC_TYPE_DISCLOSURE_GROUND, &ground, error) ||
      !get_owned_string (item, "reason", FALSE, &a->reason, error) ||
      !get_owned_string (item, "by_id", FALSE, &a->by_id, error) ||
      !get_owned_string (item, "by_name", FALSE, &a->by_name, error) ||
      !get_count (item, "version", G_MAXINT32, &a->version, error) ||
      !civic_json_get_instant (item, "at", FALSE, &a->at, error))
    return FALSE;
  a->kind = kind;
  a->ground = ground;
  return TRUE;
}

static gboolean
read_review (JsonObject  *item,
             GPtrArray   *into,
             GError     **error)
{
  CivicDisclosureReview *r = g_new0 (CivicDisclosureReview, 1);
  guint decision = 0;

  g_ptr_array_add (into, r);
  if (!get_count (item, "round", G_MAXINT32, &r->round, error) ||
      !get_count (item, "level", 3, &r->level, error) ||
      !get_owned_string (item, "reviewer_id", FALSE, &r->reviewer_id, error) ||
      !get_owned_string (item, "reviewer_name", FALSE, &r->reviewer_name, error) ||
      !get_enum_value (item, "decision", TRUE, CIVIC_TYPE_DISCLOSURE_DECISION, &decision, error) ||
      !get_owned_string (item, "comment", FALSE, &r->comment, error) ||
      !civic_json_get_instant (item, "at", FALSE, &r->at, error))
    return FALSE;
  r->decision = decision;
  return TRUE;
}

static gboolean
read_attachment (JsonObject  *item,
                 GPtrArray   *into,
                 GError     **error)
{
  CivicDisclosureAttachment *a = g_new0 (CivicDisclosureAttachment, 1);

  a->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_disclosure_finding_free);
  g_ptr_array_add (into, a);
  if (!get_owned_string (item, "name", TRUE, &a->name, error) ||
      !get_owned_string (item, "sha256", TRUE, &a->sha256, error) ||
      !get_owned_string (item, "media_type", FALSE, &a->media_type, error) ||
      !civic_json_get_int (item, "size", FALSE, 0, CIVIC_ATTACHMENT_MAX_SIZE, &a->size,
                           error) ||
      !civic_json_get_bool (item, "checked", FALSE, &a->checked, error) ||
      !for_each_object (item, "findings", read_finding, a->findings, error) ||
      !get_owned_string (item, "by_id", FALSE, &a->by_id, error) ||
      !get_owned_string (item, "by_name", FALSE, &a->by_name, error) ||
      !civic_json_get_instant (item, "at", FALSE, &a->at, error))
    return FALSE;
  if (!civic_attachment_name_is_valid (a->name) || strlen (a->sha256) != 64)
    return invalid (error, "attachments");
  return TRUE;
}

static gboolean
read_comment (JsonObject  *item,
              GPtrArray   *into,
              GError     **error)
{
  CivicDisclosureComment *c = g_new0 (CivicDisclosureComment, 1);

  g_ptr_array_add (into, c);
  return get_owned_string (item, "author_id", FALSE, &c->author_id, error) &&
         get_owned_string (item, "author_name", FALSE, &c->author_name, error) &&
         get_owned_string (item, "text", TRUE, &c->text, error) &&
         civic_json_get_instant (item, "at", FALSE, &c->at, error);
}

CivicDisclosure *
civic_disclosure_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(CivicDisclosure) self = NULL;
  JsonObject *object;
  const char *id = NULL, *department_id = NULL;
  guint state = 0, category = 0, validity = 0;

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

  self = civic_disclosure_new (id, department_id, NULL, NULL);
  if (!civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &self->rev, error) ||
      !get_enum_value (object, "state", TRUE, CIVIC_TYPE_DISCLOSURE_STATE, &state, error) ||
      !get_count (object, "round", G_MAXINT32, &self->round, error) ||
      !get_count (object, "review_level", 3, &self->review_level, error) ||
      !get_owned_string (object, "title", FALSE, &self->title, error) ||
      !get_owned_string (object, "summary", FALSE, &self->summary, error) ||
      !get_enum_value (object, "category", FALSE, CIVIC_TYPE_DISCLOSURE_CATEGORY, &category,
                       error) ||
      !get_owned_strv (object, "columns", &self->columns, error) ||
      !civic_json_get_day (object, "formed_on", FALSE, &self->formed_on, error) ||
      !civic_json_get_bool (object, "normative", FALSE, &self->normative, error) ||
      !get_owned_string (object, "issuing_organ", FALSE, &self->issuing_organ, error) ||
      !get_owned_string (object, "document_number", FALSE, &self->document_number, error) ||
      !get_enum_value (object, "validity", FALSE, CIVIC_TYPE_DISCLOSURE_VALIDITY, &validity,
                       error) ||
      !get_owned_string (object, "repealed_by", FALSE, &self->repealed_by, error) ||
      !get_owned_strv (object, "keywords", &self->keywords, error) ||
      !get_owned_string (object, "interpretation_of", FALSE, &self->interpretation_of, error) ||
      !get_owned_string (object, "author_id", FALSE, &self->author_id, error) ||
      !get_owned_string (object, "author_name", FALSE, &self->author_name, error) ||
      !get_count (object, "report_year", 9999, &self->report_year, error) ||
      !get_owned_string (object, "body", FALSE, &self->body, error) ||
      !get_count (object, "head_version", G_MAXINT32, &self->head_version, error) ||
      !get_count (object, "published_version", G_MAXINT32, &self->published_version, error) ||
      !get_owned_strv (object, "personal_names", &self->personal_names, error) ||
      !for_each_object (object, "versions", read_version, self->versions, error) ||
      !for_each_object (object, "findings", read_finding, self->findings, error) ||
      !for_each_object (object, "acknowledgements", read_acknowledgement,
                        self->acknowledgements, error) ||
      !for_each_object (object, "reviews", read_review, self->reviews, error) ||
      !for_each_object (object, "comments", read_comment, self->comments, error) ||
      !for_each_object (object, "attachments", read_attachment, self->attachments, error) ||
      !get_owned_string (object, "index_number", FALSE, &self->index_number, error) ||
      !civic_json_get_instant (object, "publish_at", FALSE, &self->publish_at, error) ||
      !civic_json_get_instant (object, "published_at", FALSE, &self->published_at, error) ||
      !civic_json_get_day (object, "expire_on", FALSE, &self->expire_on, error) ||
      !civic_json_get_instant (object, "withdrawn_at", FALSE, &self->withdrawn_at, error) ||
      !get_owned_string (object, "public_notice", FALSE, &self->public_notice, error) ||
      !get_owned_string (object, "withdraw_reason", FALSE, &self->withdraw_reason, error))
    return NULL;

  if (self->body == NULL)
    self->body = g_strdup ("");
  if (strlen (self->body) > CIVIC_DISCLOSURE_MAX_BODY ||
      !g_utf8_validate (self->body, -1, NULL))
    {
      invalid (error, "body");
      return NULL;
    }
  if (self->published_version > self->head_version)
    {
      invalid (error, "published_version");
      return NULL;
    }

  self->state = state;
  self->category = category;
  self->validity = validity;
  return g_steal_pointer (&self);
}
