/* civic-message-json.c — a citizen's message's wire format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message"

#include "config.h"

#include "civic-i18n.h"

#include "civic-attachment.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-message-private.h"

/* The record as the feed, the ledger and the cache carry it (docs/api.md,
 * "A citizen's message"). Replies and notes are two members of two
 * shapes; the service stores them in two tables and writes the public
 * side from the replies alone. */

/* Writing */

static void
write_citizen (JsonBuilder               *builder,
               const CivicMessageCitizen *citizen)
{
  json_builder_set_member_name (builder, "citizen");
  json_builder_begin_object (builder);
  civic_json_set_bool (builder, "anonymous", citizen->anonymous);
  civic_json_set_string (builder, "name", citizen->name);
  civic_json_set_string (builder, "id_number", citizen->id_number);
  civic_json_set_string (builder, "phone", citizen->phone);
  civic_json_set_string (builder, "email", citizen->email);
  civic_json_set_string (builder, "address", citizen->address);
  civic_json_set_bool (builder, "masked", citizen->masked);
  json_builder_end_object (builder);
}

static void
write_location (JsonBuilder                *builder,
                const CivicMessageLocation *location)
{
  json_builder_set_member_name (builder, "location");
  if (location->address == NULL && !location->has_position)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "address", location->address);
  if (location->has_position)
    {
      json_builder_set_member_name (builder, "lat");
      json_builder_add_double_value (builder, location->lat);
      json_builder_set_member_name (builder, "long");
      json_builder_add_double_value (builder, location->lon);
    }
  json_builder_end_object (builder);
}

static void
write_by (JsonBuilder *builder,
          const char  *prefix,
          const char  *id,
          const char  *name)
{
  g_autofree char *id_member = g_strconcat (prefix, "_id", NULL);
  g_autofree char *name_member = g_strconcat (prefix, "_name", NULL);

  civic_json_set_string (builder, id_member, id);
  civic_json_set_string (builder, name_member, name);
}

static void
write_replies (JsonBuilder *builder,
               GPtrArray   *replies)
{
  json_builder_set_member_name (builder, "replies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < replies->len; i++)
    {
      const CivicMessageReply *reply = g_ptr_array_index (replies, i);

      json_builder_begin_object (builder);
      civic_json_set_int (builder, "number", reply->number);
      civic_json_set_string (builder, "text", reply->text);
      civic_json_set_enum (builder, "status", CIVIC_TYPE_MESSAGE_REPLY_STATUS, reply->status);
      write_by (builder, "by", reply->by_id, reply->by_name);
      civic_json_set_instant (builder, "at", reply->at);
      civic_json_set_day (builder, "sent_on", reply->sent_on);
      write_by (builder, "reviewed_by", reply->reviewed_by_id, reply->reviewed_by_name);
      if (reply->decides != CIVIC_IDEA_STATUS_RECEIVED)
        civic_json_set_enum (builder, "decides", CIVIC_TYPE_IDEA_STATUS, reply->decides);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* An idea's place in its campaign: only an idea has one */
static void
write_idea (JsonBuilder  *builder,
            CivicMessage *self)
{
  if (self->kind != CIVIC_MESSAGE_KIND_IDEA)
    return;
  json_builder_set_member_name (builder, "idea");
  json_builder_begin_object (builder);
  civic_json_set_enum (builder, "status", CIVIC_TYPE_IDEA_STATUS, self->idea_status);
  json_builder_set_member_name (builder, "scores");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->idea_scores->len; i++)
    {
      const CivicIdeaScore *score = g_ptr_array_index (self->idea_scores, i);

      json_builder_begin_object (builder);
      civic_json_set_int (builder, "score", score->score);
      civic_json_set_day (builder, "on", score->on);
      write_by (builder, "by", score->by_id, score->by_name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
write_notes (JsonBuilder *builder,
             GPtrArray   *notes)
{
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    {
      const CivicMessageNote *note = g_ptr_array_index (notes, i);

      json_builder_begin_object (builder);
      civic_json_set_int (builder, "number", note->number);
      civic_json_set_string (builder, "text", note->text);
      write_by (builder, "by", note->by_id, note->by_name);
      civic_json_set_instant (builder, "at", note->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_routes (JsonBuilder *builder,
              GPtrArray   *routes)
{
  json_builder_set_member_name (builder, "routes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < routes->len; i++)
    {
      const CivicMessageRoute *route = g_ptr_array_index (routes, i);

      json_builder_begin_object (builder);
      civic_json_set_bool (builder, "send_back", route->send_back);
      civic_json_set_enum (builder, "reason", CIVIC_TYPE_MESSAGE_ROUTING, route->reason);
      civic_json_set_string (builder, "text", route->text);
      civic_json_set_string (builder, "from_department_id", route->from_department_id);
      civic_json_set_string (builder, "to_department_id", route->to_department_id);
      civic_json_set_day (builder, "on", route->on);
      write_by (builder, "by", route->by_id, route->by_name);
      civic_json_set_enum (builder, "dispute", CIVIC_TYPE_MESSAGE_DISPUTE, route->dispute);
      write_by (builder, "decided_by", route->decided_by_id, route->decided_by_name);
      civic_json_set_day (builder, "decided_on", route->decided_on);
      civic_json_set_string (builder, "decision_text", route->decision_text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_extension (JsonBuilder                 *builder,
                 const CivicMessageExtension *extension)
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
  write_by (builder, "approved_by", extension->approved_by_id, extension->approved_by_name);
  json_builder_end_object (builder);
}

static void
write_visits (JsonBuilder *builder,
              GPtrArray   *visits)
{
  json_builder_set_member_name (builder, "visits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < visits->len; i++)
    {
      const CivicMessageVisit *visit = g_ptr_array_index (visits, i);

      json_builder_begin_object (builder);
      civic_json_set_day (builder, "on", visit->on);
      civic_json_set_enum (builder, "channel", CIVIC_TYPE_MESSAGE_VISIT_CHANNEL, visit->channel);
      civic_json_set_enum (builder, "satisfaction", CIVIC_TYPE_MESSAGE_SATISFACTION,
                           visit->satisfaction);
      civic_json_set_string (builder, "record", visit->record);
      write_by (builder, "by", visit->by_id, visit->by_name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_attachments (JsonBuilder *builder,
                   GPtrArray   *attachments)
{
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < attachments->len; i++)
    {
      const CivicMessageAttachment *attachment = g_ptr_array_index (attachments, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "sha256", attachment->sha256);
      civic_json_set_string (builder, "name", attachment->name);
      civic_json_set_string (builder, "media_type", attachment->media_type);
      civic_json_set_int (builder, "size", attachment->size);
      civic_json_set_day (builder, "added_on", attachment->added_on);
      write_by (builder, "added_by", attachment->added_by_id, attachment->added_by_name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_reopenings (JsonBuilder *builder,
                  GPtrArray   *reopenings)
{
  json_builder_set_member_name (builder, "reopenings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < reopenings->len; i++)
    {
      const CivicMessageReopening *reopening = g_ptr_array_index (reopenings, i);

      json_builder_begin_object (builder);
      civic_json_set_day (builder, "on", reopening->on);
      civic_json_set_string (builder, "reason", reopening->reason);
      civic_json_set_int (builder, "after_reply", reopening->after_reply);
      write_by (builder, "by", reopening->by_id, reopening->by_name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * civic_message_to_json:
 *
 * Returns: (transfer full): the message, as civic_message_new_from_json()
 * reads it
 */
JsonNode *
civic_message_to_json (CivicMessage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (CIVIC_IS_MESSAGE (self), NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_int (builder, "rev", self->rev);
  civic_json_set_string (builder, "receipt", self->receipt);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_MESSAGE_STATE, self->state);
  civic_json_set_enum (builder, "kind", CIVIC_TYPE_MESSAGE_KIND, self->kind);
  civic_json_set_enum (builder, "channel", CIVIC_TYPE_MESSAGE_CHANNEL, self->channel);
  civic_json_set_string (builder, "subject", self->subject);
  civic_json_set_string (builder, "body", self->body);
  write_citizen (builder, &self->citizen);
  write_location (builder, &self->location);
  civic_json_set_string (builder, "campaign_id", self->campaign_id);
  civic_json_set_string (builder, "service_code", self->service_code);
  civic_json_set_string (builder, "media_url", self->media_url);
  write_attachments (builder, self->attachments);
  civic_json_set_string (builder, "accused_department_id", self->accused_department_id);
  civic_json_set_string (builder, "accused_person_id", self->accused_person_id);
  if (self->received_at != NULL)
    civic_json_set_instant (builder, "received_at", self->received_at);
  civic_json_set_day (builder, "received_on", self->received_on);
  write_by (builder, "registered_by", self->registered_by_id, self->registered_by_name);
  civic_json_set_string (builder, "department_id", self->department_id);
  write_by (builder, "assignee", self->assignee_id, self->assignee_name);
  json_builder_set_member_name (builder, "terms");
  if (self->terms != NULL)
    json_builder_add_value (builder, civic_message_terms_to_json (self->terms));
  else
    json_builder_add_null_value (builder);
  civic_json_set_day (builder, "arrived_on", self->arrived_on);
  civic_json_set_day (builder, "signed_for_on", self->signed_for_on);
  civic_json_set_day (builder, "replied_on", self->replied_on);
  civic_json_set_day (builder, "closed_on", self->closed_on);
  civic_json_set_enum (builder, "outcome", CIVIC_TYPE_MESSAGE_OUTCOME, self->outcome);
  civic_json_set_string (builder, "closing_note", self->closing_note);
  write_extension (builder, self->extension);
  write_routes (builder, self->routes);
  write_reopenings (builder, self->reopenings);
  write_visits (builder, self->visits);
  write_replies (builder, self->replies);
  write_notes (builder, self->notes);
  civic_json_set_string (builder, "merged_into", self->merged_into);
  civic_json_set_string (builder, "case_id", self->case_id);
  civic_json_set_strv (builder, "links", (const char * const *) self->links);
  write_idea (builder, self);
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
    g_set_error (error, CIVIC_MESSAGE_ERROR, CIVIC_MESSAGE_ERROR_INVALID,
                 _("The message is not valid: %s"), what);
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
get_by (JsonObject  *object,
        const char  *prefix,
        char       **id,
        char       **name,
        GError     **error)
{
  g_autofree char *id_member = g_strconcat (prefix, "_id", NULL);
  g_autofree char *name_member = g_strconcat (prefix, "_name", NULL);

  return get_owned_string (object, id_member, FALSE, id, error) &&
         get_owned_string (object, name_member, FALSE, name, error);
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
read_citizen (JsonObject           *object,
              CivicMessageCitizen  *citizen,
              GError              **error)
{
  JsonObject *item = NULL;

  if (!civic_json_get_object (object, "citizen", TRUE, &item, error))
    return FALSE;
  return civic_json_get_bool (item, "anonymous", FALSE, &citizen->anonymous, error) &&
         get_owned_string (item, "name", FALSE, &citizen->name, error) &&
         get_owned_string (item, "id_number", FALSE, &citizen->id_number, error) &&
         get_owned_string (item, "phone", FALSE, &citizen->phone, error) &&
         get_owned_string (item, "email", FALSE, &citizen->email, error) &&
         get_owned_string (item, "address", FALSE, &citizen->address, error) &&
         civic_json_get_bool (item, "masked", FALSE, &citizen->masked, error);
}

static gboolean
get_coordinate (JsonObject  *object,
                const char  *member,
                double       limit,
                double      *out,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    return invalid (error, member);
  *out = json_node_get_double (node);
  if (!(*out >= -limit && *out <= limit))
    return invalid (error, member);
  return TRUE;
}

static gboolean
read_location (JsonObject            *object,
               CivicMessageLocation  *location,
               GError               **error)
{
  JsonObject *item = NULL;

  if (!civic_json_get_object (object, "location", FALSE, &item, error))
    return FALSE;
  if (item == NULL)
    return TRUE;
  if (!get_owned_string (item, "address", FALSE, &location->address, error))
    return FALSE;
  if (json_object_has_member (item, "lat") || json_object_has_member (item, "long"))
    {
      if (!get_coordinate (item, "lat", 90, &location->lat, error) ||
          !get_coordinate (item, "long", 180, &location->lon, error))
        return FALSE;
      location->has_position = TRUE;
    }
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
get_number (JsonObject  *item,
            GPtrArray   *into,
            guint       *out,
            GError     **error)
{
  gint64 number = 0;

  if (!civic_json_get_int (item, "number", TRUE, into->len, into->len, &number, error))
    return FALSE;
  *out = (guint) number;
  return TRUE;
}

static gboolean
read_reply (JsonObject  *item,
            GPtrArray   *into,
            GError     **error)
{
  CivicMessageReply *reply = g_new0 (CivicMessageReply, 1);
  guint status = 0, decides = CIVIC_IDEA_STATUS_RECEIVED;

  g_ptr_array_add (into, reply);
  if (!get_number (item, into, &reply->number, error) ||
      !get_owned_string (item, "text", TRUE, &reply->text, error) ||
      !get_enum_value (item, "status", TRUE, CIVIC_TYPE_MESSAGE_REPLY_STATUS, &status, error) ||
      !get_by (item, "by", &reply->by_id, &reply->by_name, error) ||
      !civic_json_get_instant (item, "at", FALSE, &reply->at, error) ||
      !civic_json_get_day (item, "sent_on", FALSE, &reply->sent_on, error) ||
      !get_by (item, "reviewed_by", &reply->reviewed_by_id, &reply->reviewed_by_name, error) ||
      !get_enum_value (item, "decides", FALSE, CIVIC_TYPE_IDEA_STATUS, &decides, error))
    return FALSE;
  reply->status = status;
  reply->decides = decides;
  if (decides != CIVIC_IDEA_STATUS_RECEIVED && decides != CIVIC_IDEA_STATUS_ADOPTED &&
      decides != CIVIC_IDEA_STATUS_DECLINED)
    return invalid (error, "replies");
  /* A sent reply has its day; one that did not go out has none */
  if ((reply->status == CIVIC_MESSAGE_REPLY_SENT) != (reply->sent_on != CIVIC_DAY_INVALID))
    return invalid (error, "replies");
  return TRUE;
}

static gboolean
read_idea_score (JsonObject  *item,
                 GPtrArray   *into,
                 GError     **error)
{
  CivicIdeaScore *score = g_new0 (CivicIdeaScore, 1);
  gint64 value = 0;

  g_ptr_array_add (into, score);
  if (!civic_json_get_int (item, "score", TRUE, CIVIC_IDEA_SCORE_MIN, CIVIC_IDEA_SCORE_MAX,
                           &value, error) ||
      !civic_json_get_day (item, "on", TRUE, &score->on, error) ||
      !get_by (item, "by", &score->by_id, &score->by_name, error))
    return FALSE;
  score->score = (int) value;
  return TRUE;
}

static gboolean
read_idea (JsonObject    *object,
           CivicMessage  *self,
           GError       **error)
{
  JsonObject *idea = NULL;
  guint status = CIVIC_IDEA_STATUS_RECEIVED;

  if (!civic_json_get_object (object, "idea", FALSE, &idea, error))
    return FALSE;
  if (idea == NULL)
    return TRUE;
  if (!get_enum_value (idea, "status", TRUE, CIVIC_TYPE_IDEA_STATUS, &status, error) ||
      !for_each_object (idea, "scores", read_idea_score, self->idea_scores, error))
    return FALSE;
  self->idea_status = status;
  return TRUE;
}

static gboolean
read_note (JsonObject  *item,
           GPtrArray   *into,
           GError     **error)
{
  CivicMessageNote *note = g_new0 (CivicMessageNote, 1);

  g_ptr_array_add (into, note);
  return get_number (item, into, &note->number, error) &&
         get_owned_string (item, "text", TRUE, &note->text, error) &&
         get_by (item, "by", &note->by_id, &note->by_name, error) &&
         civic_json_get_instant (item, "at", FALSE, &note->at, error);
}

static gboolean
read_route (JsonObject  *item,
            GPtrArray   *into,
            GError     **error)
{
  CivicMessageRoute *route = g_new0 (CivicMessageRoute, 1);
  guint reason = 0, dispute = 0;

  g_ptr_array_add (into, route);
  route->decided_on = CIVIC_DAY_INVALID;
  if (!civic_json_get_bool (item, "send_back", FALSE, &route->send_back, error) ||
      !get_enum_value (item, "reason", TRUE, CIVIC_TYPE_MESSAGE_ROUTING, &reason, error) ||
      !get_owned_string (item, "text", FALSE, &route->text, error) ||
      !get_owned_string (item, "from_department_id", FALSE, &route->from_department_id, error) ||
      !get_owned_string (item, "to_department_id", FALSE, &route->to_department_id, error) ||
      !civic_json_get_day (item, "on", TRUE, &route->on, error) ||
      !get_by (item, "by", &route->by_id, &route->by_name, error) ||
      !get_enum_value (item, "dispute", FALSE, CIVIC_TYPE_MESSAGE_DISPUTE, &dispute, error) ||
      !get_by (item, "decided_by", &route->decided_by_id, &route->decided_by_name, error) ||
      !civic_json_get_day (item, "decided_on", FALSE, &route->decided_on, error) ||
      !get_owned_string (item, "decision_text", FALSE, &route->decision_text, error))
    return FALSE;
  route->reason = reason;
  route->dispute = dispute;
  /* A transfer names where it went; a decided send-back, its day */
  if ((!route->send_back && route->to_department_id == NULL) ||
      (route->send_back && (route->dispute == CIVIC_MESSAGE_DISPUTE_PENDING) !=
                           (route->decided_on == CIVIC_DAY_INVALID)))
    return invalid (error, "routes");
  return TRUE;
}

static gboolean
read_extension (JsonObject             *object,
                CivicMessageExtension **out,
                GError                **error)
{
  JsonObject *item = NULL;
  CivicMessageExtension *extension;
  gint64 days = 0;

  if (!civic_json_get_object (object, "extension", FALSE, &item, error))
    return FALSE;
  if (item == NULL)
    return TRUE;
  extension = *out = g_new0 (CivicMessageExtension, 1);
  if (!civic_json_get_day (item, "on", TRUE, &extension->on, error) ||
      !civic_json_get_int (item, "days", TRUE, 1, CIVIC_MESSAGE_LIMIT_MAX, &days, error) ||
      !get_owned_string (item, "reason", TRUE, &extension->reason, error) ||
      !get_by (item, "approved_by", &extension->approved_by_id, &extension->approved_by_name,
               error))
    return FALSE;
  extension->days = (int) days;
  return TRUE;
}

static gboolean
read_visit (JsonObject  *item,
            GPtrArray   *into,
            GError     **error)
{
  CivicMessageVisit *visit = g_new0 (CivicMessageVisit, 1);
  guint channel = 0, satisfaction = 0;

  g_ptr_array_add (into, visit);
  if (!civic_json_get_day (item, "on", TRUE, &visit->on, error) ||
      !get_enum_value (item, "channel", TRUE, CIVIC_TYPE_MESSAGE_VISIT_CHANNEL, &channel,
                       error) ||
      !get_enum_value (item, "satisfaction", TRUE, CIVIC_TYPE_MESSAGE_SATISFACTION,
                       &satisfaction, error) ||
      !get_owned_string (item, "record", TRUE, &visit->record, error) ||
      !get_by (item, "by", &visit->by_id, &visit->by_name, error))
    return FALSE;
  visit->channel = channel;
  visit->satisfaction = satisfaction;
  return TRUE;
}

static gboolean
read_attachment (JsonObject  *item,
                 GPtrArray   *into,
                 GError     **error)
{
  CivicMessageAttachment *attachment = g_new0 (CivicMessageAttachment, 1);

  g_ptr_array_add (into, attachment);
  if (!get_owned_string (item, "sha256", TRUE, &attachment->sha256, error) ||
      !get_owned_string (item, "name", TRUE, &attachment->name, error) ||
      !get_owned_string (item, "media_type", FALSE, &attachment->media_type, error) ||
      !civic_json_get_int (item, "size", FALSE, 0, G_MAXINT64, &attachment->size, error) ||
      !civic_json_get_day (item, "added_on", FALSE, &attachment->added_on, error) ||
      !get_by (item, "added_by", &attachment->added_by_id, &attachment->added_by_name, error))
    return FALSE;
  if (!civic_attachment_sha256_is_valid (attachment->sha256))
    return invalid (error, "attachments");
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
read_reopening (JsonObject  *item,
                GPtrArray   *into,
                GError     **error)
{
  CivicMessageReopening *reopening = g_new0 (CivicMessageReopening, 1);
  gint64 after = 0;

  g_ptr_array_add (into, reopening);
  if (!civic_json_get_day (item, "on", TRUE, &reopening->on, error) ||
      !get_owned_string (item, "reason", TRUE, &reopening->reason, error) ||
      !civic_json_get_int (item, "after_reply", FALSE, 0, CIVIC_MESSAGE_REPLY_MAX, &after, error) ||
      !get_by (item, "by", &reopening->by_id, &reopening->by_name, error))
    return FALSE;
  reopening->after_reply = (guint) after;
  return TRUE;
}

static gboolean
read_terms (JsonObject          *object,
            CivicMessageKind     kind,
            CivicMessageTerms  **out,
            GError             **error)
{
  JsonNode *node = json_object_get_member (object, "terms");
  g_autoptr(GError) local_error = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  *out = civic_message_terms_new_from_json (node, kind, &local_error);
  if (*out == NULL)
    return invalid (error, local_error->message);
  return TRUE;
}

/**
 * civic_message_new_from_json:
 *
 * Reads a message as civic_message_to_json() or the feed wrote it. One
 * read from the feed has its citizen masked.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with @error
 */
CivicMessage *
civic_message_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(CivicMessage) self = NULL;
  JsonObject *object;
  const char *id = NULL;
  guint state = 0, kind = 0, channel = 0, outcome = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "not an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", TRUE, &id, error))
    return NULL;
  if (*id == '\0')
    {
      invalid (error, "id");
      return NULL;
    }

  self = civic_message_new (id, NULL);
  if (!civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &self->rev, error) ||
      !get_owned_string (object, "receipt", FALSE, &self->receipt, error) ||
      !get_enum_value (object, "state", TRUE, CIVIC_TYPE_MESSAGE_STATE, &state, error) ||
      !get_enum_value (object, "kind", TRUE, CIVIC_TYPE_MESSAGE_KIND, &kind, error) ||
      !get_enum_value (object, "channel", TRUE, CIVIC_TYPE_MESSAGE_CHANNEL, &channel, error) ||
      !get_owned_string (object, "subject", TRUE, &self->subject, error) ||
      !get_owned_string (object, "body", TRUE, &self->body, error) ||
      !read_citizen (object, &self->citizen, error) ||
      !read_location (object, &self->location, error) ||
      !get_owned_string (object, "campaign_id", FALSE, &self->campaign_id, error) ||
      !get_owned_string (object, "service_code", FALSE, &self->service_code, error) ||
      !get_owned_string (object, "media_url", FALSE, &self->media_url, error) ||
      !for_each_object (object, "attachments", read_attachment, self->attachments, error) ||
      !get_owned_string (object, "accused_department_id", FALSE, &self->accused_department_id,
                         error) ||
      !get_owned_string (object, "accused_person_id", FALSE, &self->accused_person_id, error) ||
      !civic_json_get_instant (object, "received_at", FALSE, &self->received_at, error) ||
      !civic_json_get_day (object, "received_on", TRUE, &self->received_on, error) ||
      !get_by (object, "registered_by", &self->registered_by_id, &self->registered_by_name,
               error) ||
      !get_owned_string (object, "department_id", FALSE, &self->department_id, error) ||
      !get_by (object, "assignee", &self->assignee_id, &self->assignee_name, error) ||
      !read_terms (object, kind < CIVIC_N_MESSAGE_KINDS ? kind : 0, &self->terms, error) ||
      !civic_json_get_day (object, "arrived_on", FALSE, &self->arrived_on, error) ||
      !civic_json_get_day (object, "signed_for_on", FALSE, &self->signed_for_on, error) ||
      !civic_json_get_day (object, "replied_on", FALSE, &self->replied_on, error) ||
      !civic_json_get_day (object, "closed_on", FALSE, &self->closed_on, error) ||
      !get_enum_value (object, "outcome", FALSE, CIVIC_TYPE_MESSAGE_OUTCOME, &outcome, error) ||
      !get_owned_string (object, "closing_note", FALSE, &self->closing_note, error) ||
      !read_extension (object, &self->extension, error) ||
      !for_each_object (object, "routes", read_route, self->routes, error) ||
      !for_each_object (object, "reopenings", read_reopening, self->reopenings, error) ||
      !for_each_object (object, "visits", read_visit, self->visits, error) ||
      !for_each_object (object, "replies", read_reply, self->replies, error) ||
      !for_each_object (object, "notes", read_note, self->notes, error) ||
      !get_owned_string (object, "merged_into", FALSE, &self->merged_into, error) ||
      !get_owned_string (object, "case_id", FALSE, &self->case_id, error) ||
      !read_idea (object, self, error) ||
      !for_each_object (object, "documents", read_document, self->documents, error))
    return NULL;
  if (json_object_has_member (object, "links"))
    {
      g_strfreev (self->links);
      self->links = NULL;
      if (!civic_json_get_strv (object, "links", TRUE, &self->links, error))
        return NULL;
    }

  self->state = state;
  self->kind = kind;
  self->channel = channel;
  self->outcome = outcome;
  if (self->arrived_on == CIVIC_DAY_INVALID)
    self->arrived_on = self->received_on;

  /* What the commands keep together stays together */
  if ((self->state == CIVIC_MESSAGE_STATE_MERGED) != (self->merged_into != NULL))
    {
      invalid (error, "merged_into");
      return NULL;
    }
  if ((self->state == CIVIC_MESSAGE_STATE_ROUTED_TO_CASE) != (self->case_id != NULL))
    {
      invalid (error, "case_id");
      return NULL;
    }
  if (self->state == CIVIC_MESSAGE_STATE_REPLY_IN_REVIEW &&
      civic_message_get_pending_reply (self) == NULL)
    {
      invalid (error, "replies");
      return NULL;
    }
  if (self->state == CIVIC_MESSAGE_STATE_SENT_BACK &&
      civic_message_get_pending_send_back (self) == NULL)
    {
      invalid (error, "routes");
      return NULL;
    }
  return g_steal_pointer (&self);
}
