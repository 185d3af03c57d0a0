/* civic-message-clocks.c — the time limits a region sets on citizens' messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-message-clocks.h"

/* No national figure binds a hotline work order or the rectification of
 * a bad rating (law-and-rules.md §4.2–4.3): each region sets its own, in
 * a table like data/message-clocks/HN.json. For every kind of message it
 * says how soon one is signed for and answered, whether a reply is
 * reviewed before it goes out, whether the citizen may stay anonymous,
 * and how long the one extension may be; for every message, how long a
 * department has to object to one sent to it wrongly, how long a bad
 * rating's rectification takes, and how long the citizen has to rate.
 * Each limit names its source, which the clock's explanation cites.
 *
 * A table that leaves a kind out, or a limit without its source, is
 * refused whole: a message must never run on a clock nobody set. */

struct _CivicMessageClocks
{
  GObject            parent_instance;

  char              *region;
  char              *name;
  CivicMessageLimit  limits[CIVIC_N_MESSAGE_KINDS][CIVIC_N_MESSAGE_STEPS];
  gboolean           has_limit[CIVIC_N_MESSAGE_KINDS][CIVIC_N_MESSAGE_STEPS];
  CivicMessageLimit  extensions[CIVIC_N_MESSAGE_KINDS];
  gboolean           has_extension[CIVIC_N_MESSAGE_KINDS];
  gboolean           review[CIVIC_N_MESSAGE_KINDS];
  gboolean           anonymous[CIVIC_N_MESSAGE_KINDS];
};

G_DEFINE_TYPE (CivicMessageClocks, civic_message_clocks, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-message-clocks-error-quark, civic_message_clocks_error)

/* The steps each kind has a limit for, in the kind's entry; the others
 * are one limit for every message, at the top of the table */
static gboolean
step_is_per_kind (CivicMessageStep step)
{
  return step == CIVIC_MESSAGE_STEP_SIGN_FOR || step == CIVIC_MESSAGE_STEP_REPLY;
}

/* The member that holds a step's limit: "sign_for" */
static char *
step_member (CivicMessageStep step)
{
  g_autofree char *member = g_strdup (civic_enum_to_nick (CIVIC_TYPE_MESSAGE_STEP, step));

  g_strdelimit (member, "-", '_');
  return g_steal_pointer (&member);
}

/* The events a step may run from: a reply from receipt, signing for or a
 * transfer; an objection from the transfer; and so on */
static gboolean
from_allowed (CivicMessageStep       step,
              CivicMessageClockFrom  from)
{
  switch (step)
    {
    case CIVIC_MESSAGE_STEP_SIGN_FOR:
      return from == CIVIC_MESSAGE_CLOCK_FROM_RECEIVED ||
             from == CIVIC_MESSAGE_CLOCK_FROM_TRANSFERRED;
    case CIVIC_MESSAGE_STEP_REPLY:
      return from == CIVIC_MESSAGE_CLOCK_FROM_RECEIVED ||
             from == CIVIC_MESSAGE_CLOCK_FROM_SIGNED_FOR ||
             from == CIVIC_MESSAGE_CLOCK_FROM_TRANSFERRED;
    case CIVIC_MESSAGE_STEP_SEND_BACK:
      return from == CIVIC_MESSAGE_CLOCK_FROM_TRANSFERRED;
    case CIVIC_MESSAGE_STEP_RECTIFICATION:
      return from == CIVIC_MESSAGE_CLOCK_FROM_RATED;
    case CIVIC_MESSAGE_STEP_EVALUATION:
      return from == CIVIC_MESSAGE_CLOCK_FROM_REPLIED;
    default:
      return FALSE;
    }
}

static gboolean
invalid (GError     **error,
         const char  *where,
         const char  *why)
{
  g_set_error (error, CIVIC_MESSAGE_CLOCKS_ERROR, CIVIC_MESSAGE_CLOCKS_ERROR_INVALID,
               /* Translators: a fault in a region's table of time limits: where, then what */
               _("%s: %s"), where, why);
  return FALSE;
}

static gboolean
read_source (JsonObject   *object,
             const char   *where,
             char        **out,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *source = NULL;

  if (!civic_json_get_text (object, "source", TRUE, &source, &local_error))
    return invalid (error, where, local_error->message);
  if (g_utf8_strlen (source, -1) > 500)
    return invalid (error, where, _("the source is longer than 500 characters"));
  *out = g_strdup (source);
  return TRUE;
}

static gboolean
read_limit (JsonObject         *table,
            const char         *member,
            CivicMessageStep    step,
            const char         *where,
            CivicMessageLimit  *limit,
            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *here = g_strdup_printf ("%s.%s", where, member);
  JsonObject *object = NULL;
  gint64 length = 0;
  int unit = CIVIC_CLOCK_UNIT_WORKING_DAYS;
  int from = CIVIC_MESSAGE_CLOCK_FROM_RECEIVED;

  if (!civic_json_get_object (table, member, TRUE, &object, &local_error) ||
      !civic_json_get_int (object, "limit", TRUE, 1, CIVIC_MESSAGE_LIMIT_MAX, &length,
                           &local_error) ||
      !civic_json_get_enum (object, "unit", TRUE, CIVIC_TYPE_CLOCK_UNIT, &unit, &local_error) ||
      !civic_json_get_enum (object, "from", TRUE, CIVIC_TYPE_MESSAGE_CLOCK_FROM, &from,
                            &local_error))
    return invalid (error, here, local_error->message);
  if (!from_allowed (step, from))
    return invalid (error, here, _("this time limit cannot run from that event"));
  limit->limit = (int) length;
  limit->unit = unit;
  limit->from = from;
  return read_source (object, here, &limit->source, error);
}

static gboolean
read_kind (CivicMessageClocks *self,
           JsonObject         *kinds,
           CivicMessageKind    kind,
           GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *nick = civic_enum_to_nick (CIVIC_TYPE_MESSAGE_KIND, kind);
  g_autofree char *where = g_strdup_printf ("kinds.%s", nick);
  JsonObject *entry = NULL;

  if (!civic_json_get_object (kinds, nick, TRUE, &entry, &local_error))
    return invalid (error, "kinds", local_error->message);
  if (!civic_json_get_bool (entry, "review", TRUE, &self->review[kind], &local_error) ||
      !civic_json_get_bool (entry, "anonymous", TRUE, &self->anonymous[kind], &local_error))
    return invalid (error, where, local_error->message);

  for (guint step = 0; step < CIVIC_N_MESSAGE_STEPS; step++)
    {
      g_autofree char *member = NULL;

      if (!step_is_per_kind (step))
        continue;
      member = step_member (step);
      if (!read_limit (entry, member, step, where, &self->limits[kind][step], error))
        return FALSE;
      self->has_limit[kind][step] = TRUE;
    }

  /* One extension, in the reply's unit */
  if (json_object_has_member (entry, "extension"))
    {
      g_autofree char *here = g_strdup_printf ("%s.extension", where);
      CivicMessageLimit *extension = &self->extensions[kind];
      JsonObject *object = NULL;
      gint64 length = 0;

      if (!civic_json_get_object (entry, "extension", TRUE, &object, &local_error) ||
          !civic_json_get_int (object, "limit", TRUE, 1, CIVIC_MESSAGE_LIMIT_MAX, &length,
                               &local_error))
        return invalid (error, here, local_error->message);
      extension->limit = (int) length;
      extension->unit = self->limits[kind][CIVIC_MESSAGE_STEP_REPLY].unit;
      extension->from = self->limits[kind][CIVIC_MESSAGE_STEP_REPLY].from;
      if (!read_source (object, here, &extension->source, error))
        return FALSE;
      self->has_extension[kind] = TRUE;
    }
  return TRUE;
}

/**
 * civic_message_clocks_new_from_json:
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with
 * %CIVIC_MESSAGE_CLOCKS_ERROR_INVALID naming the first fault
 */
CivicMessageClocks *
civic_message_clocks_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(CivicMessageClocks) self = g_object_new (CIVIC_TYPE_MESSAGE_CLOCKS, NULL);
  g_autoptr(GError) local_error = NULL;
  JsonObject *table;
  JsonObject *kinds = NULL;
  const char *region = NULL;
  const char *name = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "/", _("a table of time limits is a JSON object"));
      return NULL;
    }
  table = json_node_get_object (node);
  if (!civic_json_get_text (table, "region", TRUE, &region, &local_error) ||
      !civic_json_get_text (table, "name", TRUE, &name, &local_error) ||
      !civic_json_get_object (table, "kinds", TRUE, &kinds, &local_error))
    {
      invalid (error, "/", local_error->message);
      return NULL;
    }
  if (strlen (region) > 16)
    {
      invalid (error, "region", _("a region’s code has at most 16 characters"));
      return NULL;
    }
  self->region = g_strdup (region);
  self->name = g_strdup (name);

  /* Every kind, and no other */
  {
    JsonObjectIter iter;
    const char *member;
    JsonNode *value;
    int kind;

    json_object_iter_init (&iter, kinds);
    while (json_object_iter_next (&iter, &member, &value))
      if (!civic_enum_from_nick (CIVIC_TYPE_MESSAGE_KIND, member, &kind))
        {
          g_autofree char *why = g_strdup_printf (_("“%s” is not a kind of message"), member);

          invalid (error, "kinds", why);
          return NULL;
        }
  }
  for (guint kind = 0; kind < CIVIC_N_MESSAGE_KINDS; kind++)
    if (!read_kind (self, kinds, kind, error))
      return NULL;

  /* The limits every message shares */
  for (guint step = 0; step < CIVIC_N_MESSAGE_STEPS; step++)
    {
      g_autofree char *member = NULL;
      CivicMessageLimit shared = { 0 };

      if (step_is_per_kind (step))
        continue;
      member = step_member (step);
      if (!read_limit (table, member, step, "/", &shared, error))
        return NULL;
      for (guint kind = 0; kind < CIVIC_N_MESSAGE_KINDS; kind++)
        {
          self->limits[kind][step] = shared;
          self->limits[kind][step].source = g_strdup (shared.source);
          self->has_limit[kind][step] = TRUE;
        }
      g_free (shared.source);
    }
  return g_steal_pointer (&self);
}

/**
 * civic_message_clocks_new_from_file:
 *
 * Returns: (transfer full) (nullable): the table in @path
 */
CivicMessageClocks *
civic_message_clocks_new_from_file (const char  *path,
                                    GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  node = civic_json_parse (contents, (gssize) length, error);
  if (node == NULL)
    return NULL;
  return civic_message_clocks_new_from_json (node, error);
}

static void
add_limit (JsonBuilder             *builder,
           const char              *member,
           const CivicMessageLimit *limit,
           gboolean                 with_unit)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  civic_json_set_int (builder, "limit", limit->limit);
  if (with_unit)
    {
      civic_json_set_enum (builder, "unit", CIVIC_TYPE_CLOCK_UNIT, limit->unit);
      civic_json_set_enum (builder, "from", CIVIC_TYPE_MESSAGE_CLOCK_FROM, limit->from);
    }
  civic_json_set_string (builder, "source", limit->source);
  json_builder_end_object (builder);
}

/**
 * civic_message_clocks_to_json:
 *
 * Returns: (transfer full): the table, as civic_message_clocks_new_from_json()
 * reads it
 */
JsonNode *
civic_message_clocks_to_json (CivicMessageClocks *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CIVIC_IS_MESSAGE_CLOCKS (self), NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "region", self->region);
  civic_json_set_string (builder, "name", self->name);
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_object (builder);
  for (guint kind = 0; kind < CIVIC_N_MESSAGE_KINDS; kind++)
    {
      json_builder_set_member_name (builder, civic_enum_to_nick (CIVIC_TYPE_MESSAGE_KIND, kind));
      json_builder_begin_object (builder);
      civic_json_set_bool (builder, "anonymous", self->anonymous[kind]);
      civic_json_set_bool (builder, "review", self->review[kind]);
      for (guint step = 0; step < CIVIC_N_MESSAGE_STEPS; step++)
        if (step_is_per_kind (step))
          {
            g_autofree char *member = step_member (step);

            add_limit (builder, member, &self->limits[kind][step], TRUE);
          }
      if (self->has_extension[kind])
        add_limit (builder, "extension", &self->extensions[kind], FALSE);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  for (guint step = 0; step < CIVIC_N_MESSAGE_STEPS; step++)
    if (!step_is_per_kind (step))
      {
        g_autofree char *member = step_member (step);

        add_limit (builder, member, &self->limits[0][step], TRUE);
      }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

const char *
civic_message_clocks_get_region (CivicMessageClocks *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_CLOCKS (self), NULL);
  return self->region;
}

const char *
civic_message_clocks_get_name (CivicMessageClocks *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_CLOCKS (self), NULL);
  return self->name;
}

/**
 * civic_message_clocks_get_limit:
 *
 * Returns: (transfer none): the limit on @step for a message of @kind
 */
const CivicMessageLimit *
civic_message_clocks_get_limit (CivicMessageClocks *self,
                                CivicMessageKind    kind,
                                CivicMessageStep    step)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_CLOCKS (self), NULL);
  g_return_val_if_fail (kind < CIVIC_N_MESSAGE_KINDS && step < CIVIC_N_MESSAGE_STEPS, NULL);
  return self->has_limit[kind][step] ? &self->limits[kind][step] : NULL;
}

/**
 * civic_message_clocks_get_extension:
 *
 * Returns: (transfer none) (nullable): how much longer the reply may take,
 * once, with approval; %NULL when the region allows none for @kind
 */
const CivicMessageLimit *
civic_message_clocks_get_extension (CivicMessageClocks *self,
                                    CivicMessageKind    kind)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_CLOCKS (self), NULL);
  g_return_val_if_fail (kind < CIVIC_N_MESSAGE_KINDS, NULL);
  return self->has_extension[kind] ? &self->extensions[kind] : NULL;
}

/* Whether a reply to a message of @kind is reviewed before it goes out */
gboolean
civic_message_clocks_get_review (CivicMessageClocks *self,
                                 CivicMessageKind    kind)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_CLOCKS (self), TRUE);
  g_return_val_if_fail (kind < CIVIC_N_MESSAGE_KINDS, TRUE);
  return self->review[kind];
}

/* Whether a citizen may send a message of @kind without a name */
gboolean
civic_message_clocks_get_anonymous (CivicMessageClocks *self,
                                    CivicMessageKind    kind)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_CLOCKS (self), FALSE);
  g_return_val_if_fail (kind < CIVIC_N_MESSAGE_KINDS, FALSE);
  return self->anonymous[kind];
}

static CivicClockKind
clock_kind (CivicMessageStep step)
{
  switch (step)
    {
    case CIVIC_MESSAGE_STEP_SIGN_FOR: return CIVIC_CLOCK_KIND_MESSAGE_SIGN_FOR;
    case CIVIC_MESSAGE_STEP_REPLY: return CIVIC_CLOCK_KIND_MESSAGE_REPLY;
    case CIVIC_MESSAGE_STEP_SEND_BACK: return CIVIC_CLOCK_KIND_MESSAGE_SEND_BACK;
    case CIVIC_MESSAGE_STEP_RECTIFICATION: return CIVIC_CLOCK_KIND_RECTIFICATION;
    case CIVIC_MESSAGE_STEP_EVALUATION: return CIVIC_CLOCK_KIND_EVALUATION;
    default: g_return_val_if_reached (CIVIC_CLOCK_KIND_MESSAGE_REPLY);
    }
}

static CivicClockTrigger
clock_trigger (CivicMessageClockFrom from)
{
  switch (from)
    {
    case CIVIC_MESSAGE_CLOCK_FROM_RECEIVED: return CIVIC_CLOCK_TRIGGER_RECEIVED;
    case CIVIC_MESSAGE_CLOCK_FROM_SIGNED_FOR: return CIVIC_CLOCK_TRIGGER_SIGNED_FOR;
    case CIVIC_MESSAGE_CLOCK_FROM_TRANSFERRED: return CIVIC_CLOCK_TRIGGER_TRANSFERRED;
    case CIVIC_MESSAGE_CLOCK_FROM_REPLIED: return CIVIC_CLOCK_TRIGGER_REPLIED;
    case CIVIC_MESSAGE_CLOCK_FROM_RATED: return CIVIC_CLOCK_TRIGGER_RATED;
    case CIVIC_MESSAGE_CLOCK_FROM_REOPENED: return CIVIC_CLOCK_TRIGGER_REOPENED;
    default: g_return_val_if_reached (CIVIC_CLOCK_TRIGGER_RECEIVED);
    }
}

static CivicClock *
start_clock (const CivicMessageLimit *limit,
             CivicMessageStep         step,
             const CivicMessageLimit *extension,
             CivicMessageClockFrom    happened,
             CivicDay                 from)
{
  CivicClock *clock = civic_clock_new (clock_kind (step), clock_trigger (happened), from,
                                       limit->unit, limit->limit, limit->source);

  if (step == CIVIC_MESSAGE_STEP_REPLY && extension != NULL)
    civic_clock_set_extension_rule (clock, 1, extension->limit);
  return clock;
}

/**
 * civic_message_clocks_start:
 * @from: the day of the event the limit runs from (which is not counted)
 *
 * Returns: (transfer full): the clock of @step for a message of @kind,
 * with the region's one extension when it allows one
 */
CivicClock *
civic_message_clocks_start (CivicMessageClocks *self,
                            CivicMessageKind    kind,
                            CivicMessageStep    step,
                            CivicDay            from)
{
  const CivicMessageLimit *limit = civic_message_clocks_get_limit (self, kind, step);

  g_return_val_if_fail (limit != NULL, NULL);

  return start_clock (limit, step, self->has_extension[kind] ? &self->extensions[kind] : NULL,
                      limit->from, from);
}

/* Terms: one kind's part of the table, as a message keeps it */

static void
limit_copy (CivicMessageLimit       *to,
            const CivicMessageLimit *from)
{
  *to = *from;
  to->source = g_strdup (from->source);
}

/**
 * civic_message_clocks_dup_terms:
 *
 * Returns: (transfer full): what the table says of @kind
 */
CivicMessageTerms *
civic_message_clocks_dup_terms (CivicMessageClocks *self,
                                CivicMessageKind    kind)
{
  CivicMessageTerms *terms;

  g_return_val_if_fail (CIVIC_IS_MESSAGE_CLOCKS (self), NULL);
  g_return_val_if_fail ((guint) kind < CIVIC_N_MESSAGE_KINDS, NULL);

  terms = g_new0 (CivicMessageTerms, 1);
  terms->kind = kind;
  limit_copy (&terms->sign_for, &self->limits[kind][CIVIC_MESSAGE_STEP_SIGN_FOR]);
  limit_copy (&terms->reply, &self->limits[kind][CIVIC_MESSAGE_STEP_REPLY]);
  limit_copy (&terms->send_back, &self->limits[0][CIVIC_MESSAGE_STEP_SEND_BACK]);
  terms->has_extension = self->has_extension[kind];
  if (terms->has_extension)
    limit_copy (&terms->extension, &self->extensions[kind]);
  terms->review = self->review[kind];
  terms->anonymous = self->anonymous[kind];
  return terms;
}

CivicMessageTerms *
civic_message_terms_copy (const CivicMessageTerms *terms)
{
  CivicMessageTerms *copy;

  g_return_val_if_fail (terms != NULL, NULL);

  copy = g_memdup2 (terms, sizeof *terms);
  limit_copy (&copy->sign_for, &terms->sign_for);
  limit_copy (&copy->reply, &terms->reply);
  limit_copy (&copy->send_back, &terms->send_back);
  limit_copy (&copy->extension, &terms->extension);
  return copy;
}

void
civic_message_terms_free (CivicMessageTerms *terms)
{
  if (terms == NULL)
    return;
  g_free (terms->sign_for.source);
  g_free (terms->reply.source);
  g_free (terms->send_back.source);
  g_free (terms->extension.source);
  g_free (terms);
}

G_DEFINE_BOXED_TYPE (CivicMessageTerms, civic_message_terms, civic_message_terms_copy,
                     civic_message_terms_free)

/**
 * civic_message_terms_to_json:
 *
 * Returns: (transfer full): {review, anonymous, sign_for, reply,
 * send_back, extension?}, each limit as the table writes it
 */
JsonNode *
civic_message_terms_to_json (const CivicMessageTerms *terms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (terms != NULL, NULL);

  json_builder_begin_object (builder);
  civic_json_set_bool (builder, "review", terms->review);
  civic_json_set_bool (builder, "anonymous", terms->anonymous);
  add_limit (builder, "sign_for", &terms->sign_for, TRUE);
  add_limit (builder, "reply", &terms->reply, TRUE);
  add_limit (builder, "send_back", &terms->send_back, TRUE);
  if (terms->has_extension)
    add_limit (builder, "extension", &terms->extension, FALSE);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_message_terms_new_from_json:
 * @kind: the kind of the message that keeps them
 *
 * Returns: (transfer full) (nullable): the terms civic_message_terms_to_json()
 * wrote, or %NULL with %CIVIC_MESSAGE_CLOCKS_ERROR_INVALID
 */
CivicMessageTerms *
civic_message_terms_new_from_json (JsonNode          *node,
                                   CivicMessageKind   kind,
                                   GError           **error)
{
  g_autoptr(CivicMessageTerms) terms = g_new0 (CivicMessageTerms, 1);
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;

  g_return_val_if_fail ((guint) kind < CIVIC_N_MESSAGE_KINDS, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "terms", _("not an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  terms->kind = kind;
  if (!civic_json_get_bool (object, "review", TRUE, &terms->review, &local_error) ||
      !civic_json_get_bool (object, "anonymous", TRUE, &terms->anonymous, &local_error))
    {
      invalid (error, "terms", local_error->message);
      return NULL;
    }
  if (!read_limit (object, "sign_for", CIVIC_MESSAGE_STEP_SIGN_FOR, "terms", &terms->sign_for,
                   error) ||
      !read_limit (object, "reply", CIVIC_MESSAGE_STEP_REPLY, "terms", &terms->reply, error) ||
      !read_limit (object, "send_back", CIVIC_MESSAGE_STEP_SEND_BACK, "terms",
                   &terms->send_back, error))
    return NULL;
  if (json_object_has_member (object, "extension"))
    {
      JsonObject *extension = NULL;
      gint64 length = 0;

      if (!civic_json_get_object (object, "extension", TRUE, &extension, &local_error) ||
          !civic_json_get_int (extension, "limit", TRUE, 1, CIVIC_MESSAGE_LIMIT_MAX, &length,
                               &local_error))
        {
          invalid (error, "terms.extension", local_error->message);
          return NULL;
        }
      terms->has_extension = TRUE;
      terms->extension.limit = (int) length;
      terms->extension.unit = terms->reply.unit;
      terms->extension.from = terms->reply.from;
      if (!read_source (extension, "terms.extension", &terms->extension.source, error))
        return NULL;
    }
  return g_steal_pointer (&terms);
}

/**
 * civic_message_terms_start:
 * @happened: the event that did start it, as its explanation names it (a
 *   limit that runs from the day the message reached its department
 *   starts at its receipt until it is transferred)
 * @from: the day of that event (which is not counted)
 *
 * Returns: (transfer full): the clock of @step (sign-for, reply or
 * send-back) under @terms
 */
CivicClock *
civic_message_terms_start (const CivicMessageTerms *terms,
                           CivicMessageStep         step,
                           CivicMessageClockFrom    happened,
                           CivicDay                 from)
{
  const CivicMessageLimit *limit;

  g_return_val_if_fail (terms != NULL, NULL);

  switch (step)
    {
    case CIVIC_MESSAGE_STEP_SIGN_FOR: limit = &terms->sign_for; break;
    case CIVIC_MESSAGE_STEP_REPLY: limit = &terms->reply; break;
    case CIVIC_MESSAGE_STEP_SEND_BACK: limit = &terms->send_back; break;
    default: g_return_val_if_reached (NULL);
    }
  return start_clock (limit, step, terms->has_extension ? &terms->extension : NULL, happened,
                      from);
}

static void
civic_message_clocks_finalize (GObject *object)
{
  CivicMessageClocks *self = CIVIC_MESSAGE_CLOCKS (object);

  g_free (self->region);
  g_free (self->name);
  for (guint kind = 0; kind < CIVIC_N_MESSAGE_KINDS; kind++)
    {
      for (guint step = 0; step < CIVIC_N_MESSAGE_STEPS; step++)
        g_free (self->limits[kind][step].source);
      g_free (self->extensions[kind].source);
    }
  G_OBJECT_CLASS (civic_message_clocks_parent_class)->finalize (object);
}

static void
civic_message_clocks_class_init (CivicMessageClocksClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_message_clocks_finalize;
}

static void
civic_message_clocks_init (CivicMessageClocks *self)
{
}
