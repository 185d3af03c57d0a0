/* civic-demo-messages.c — the demo's citizens' messages, lived through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-demo"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-accounts.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-demo.h"
#include "civic-demo-disclosures-private.h"
#include "civic-demo-messages.h"
#include "civic-evaluation-kind.h"
#include "civic-message-kind.h"
#include "civic-message-records.h"
#include "civic-privacy-lint.h"
#include "civic-records.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A year of citizens' messages (互动交流) to every department the demo
 * staffed, half of them to the demo department, so that its Messages
 * section has one at every step: just in, signed for, worked on with a
 * note, a reply in review (returned once, sometimes), replied, closed
 * with a return visit, reopened after an unhappy one; handed to another
 * department, and objected to. Each is planned from data/demo/
 * messages.json, then every step of every message is played in the order
 * of time through the message kind's rules, the region's table and the
 * store's finish, as the service would take them. A step whose day has
 * not come yet is not taken, so the open ones stand where they would
 * today. */

/* The generator's own stream of the demo's seed: "mesg" */
#define STREAM 0x6d657367

#define OFFICE_OPENS  (8 * 60 + 30)
#define OFFICE_CLOSES (17 * 60 + 30)

typedef struct _Message Message;

typedef struct
{
  Message            *message;
  CivicMessageAction  action;
  CivicActor         *actor;
  gint64              at;
  guint               order;
  JsonObject         *args;
} Step;

struct _Message
{
  char      *id;
  GPtrArray *steps;    /* Step */
  GObject   *record;
  guint      applied;
  gboolean   stopped;
};

typedef struct
{
  CivicDemoGen                 gen;
  const CivicDemoMessageInput *input;
  CivicMessageClocks          *clocks;
  GPtrArray                   *departments;  /* JsonObject with message staff */
  GPtrArray                   *kinds;        /* kind nicks, repeated by weight */
  GPtrArray                   *messages;
  GPtrArray                   *steps;
  guint                        order;
} Gen;

static void
step_free (Step *step)
{
  g_clear_pointer (&step->args, json_object_unref);
  g_free (step);
}

static void
message_free (Message *message)
{
  g_free (message->id);
  g_ptr_array_unref (message->steps);
  g_clear_object (&message->record);
  g_free (message);
}

static int
range (Gen *gen,
       int  min,
       int  max)
{
  return civic_demo_rand_range (&gen->gen, min, max);
}

static gboolean
chance (Gen    *gen,
        double  p)
{
  return civic_demo_chance (&gen->gen, p);
}

static const char *
pick (Gen        *gen,
      JsonArray  *array)
{
  return civic_demo_pick_string (&gen->gen, array);
}

/* A key of @weights ({"portal": 4, …}), drawn by its weight */
static const char *
pick_weighted (Gen        *gen,
               JsonObject *weights)
{
  g_autoptr(GList) members = json_object_get_members (weights);
  gint64 total = 0, draw;

  for (GList *l = members; l != NULL; l = l->next)
    total += json_object_get_int_member (weights, l->data);
  draw = range (gen, 0, (int) total - 1);
  for (GList *l = members; l != NULL; l = l->next)
    {
      draw -= json_object_get_int_member (weights, l->data);
      if (draw < 0)
        return l->data;
    }
  return members->data;
}

/* The @n-th working day after @day (@day itself, if it is one, for 0) */
static CivicDay
working_day_after (Gen      *gen,
                   CivicDay  day,
                   guint     n)
{
  while (!civic_calendar_is_working_day (gen->gen.calendar, day))
    day = civic_demo_add_days (day, 1);
  while (n > 0)
    {
      day = civic_demo_add_days (day, 1);
      if (civic_calendar_is_working_day (gen->gen.calendar, day))
        n--;
    }
  return day;
}

static gint64
office_minute (Gen      *gen,
               CivicDay  day)
{
  return civic_demo_instant (day, range (gen, OFFICE_OPENS, OFFICE_CLOSES), range (gen, 0, 59));
}

/* {name} in @template replaced by @value, for each pair */
static char *
fill (const char *template,
      const char *place,
      const char *item)
{
  g_autoptr(GString) out = g_string_new (template);

  g_string_replace (out, "{place}", place, 0);
  g_string_replace (out, "{item}", item, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static Step *
add_step (Gen                *gen,
          Message            *message,
          CivicMessageAction  action,
          CivicActor         *actor,
          gint64              at,
          JsonObject         *args)
{
  Step *step = g_new0 (Step, 1);

  /* Each after the one before, on its day or later */
  if (message->steps->len > 0)
    {
      const Step *before = g_ptr_array_index (message->steps, message->steps->len - 1);

      at = MAX (at, before->at + 5 * 60);
    }
  step->message = message;
  step->action = action;
  step->actor = actor;
  step->at = at;
  step->args = args != NULL ? args : json_object_new ();
  g_ptr_array_add (message->steps, step);
  return step;
}

static JsonObject *
text_args (const char *member,
           const char *text)
{
  JsonObject *args = json_object_new ();

  json_object_set_string_member (args, member, text);
  return args;
}

static const CivicDemoMessageStaff *
staff_of (Gen        *gen,
          JsonObject *department)
{
  return g_hash_table_lookup (gen->input->staff,
                              json_object_get_string_member (department, "id"));
}

/* A service item of @department, for the citizen to ask about */
static const char *
item_of (Gen        *gen,
         const char *department)
{
  JsonArray *items = gen->input->items;
  guint n = json_array_get_length (items);
  guint start = range (gen, 0, n - 1);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (items, (start + i) % n);

      if (g_strcmp0 (json_object_get_string_member (item, "department"), department) == 0)
        return json_object_get_string_member (item, "name");
    }
  return json_object_get_string_member (json_array_get_object_element (items, start), "name");
}

static char *
citizen_name (Gen *gen)
{
  JsonArray *surnames = json_object_get_array_member (gen->input->people, "surnames");
  JsonArray *given = json_object_get_array_member (gen->input->people, "given_chars");
  const char *surname = pick (gen, surnames);

  if (chance (gen, 0.3))
    return g_strconcat (surname, pick (gen, given), NULL);
  return g_strconcat (surname, pick (gen, given), pick (gen, given), NULL);
}

/* How far a message has gone, as planned */
typedef enum
{
  STAGE_NEW,
  STAGE_SIGNED_FOR,
  STAGE_WORKING,      /* a note written */
  STAGE_REPLIED,      /* sent, or waiting for review */
  STAGE_CLOSED,
  STAGE_VISITED,
  STAGE_REOPENED,
} Stage;

static Stage
pick_stage (Gen      *gen,
            gboolean  recent)
{
  int draw = range (gen, 0, 99);

  if (recent)
    return draw < 30 ? STAGE_NEW : draw < 50 ? STAGE_SIGNED_FOR : draw < 75 ? STAGE_WORKING
                                                                             : STAGE_REPLIED;
  return draw < 10 ? STAGE_REPLIED : draw < 45 ? STAGE_CLOSED : draw < 95 ? STAGE_VISITED
                                                                          : STAGE_REOPENED;
}

static Message *
plan_message (Gen *gen)
{
  Message *message = g_new0 (Message, 1);
  JsonObject *kinds = json_object_get_object_member (gen->input->texts, "kinds");
  const char *kind = g_ptr_array_index (gen->kinds, range (gen, 0, gen->kinds->len - 1));
  JsonObject *entry = json_object_get_object_member (kinds, kind);
  JsonArray *texts = json_object_get_array_member (entry, "texts");
  JsonObject *text = json_array_get_object_element (texts,
                                                    range (gen, 0,
                                                           json_array_get_length (texts) - 1));
  const char *channel = pick_weighted (gen, json_object_get_object_member (entry, "channels"));
  /* Half to the demo department, the rest anywhere */
  JsonObject *department = g_ptr_array_index (gen->departments,
                                              chance (gen, 0.5) ? 0
                                              : range (gen, 0, gen->departments->len - 1));
  const char *department_id = json_object_get_string_member (department, "id");
  const CivicDemoMessageStaff *staff = staff_of (gen, department);
  const char *place = pick (gen, json_object_get_array_member (gen->input->texts, "places"));
  const char *item = item_of (gen, department_id);
  gboolean recent = chance (gen, 0.3);
  CivicDay received = recent ? civic_demo_add_days (gen->gen.today, -range (gen, 0, 14))
                             : civic_demo_add_days (gen->gen.today, -range (gen, 20, 365));
  Stage stage = pick_stage (gen, recent);
  gboolean anonymous = (g_str_equal (kind, "suggestion") || g_str_equal (kind, "report")) &&
                       chance (gen, 0.3);
  gboolean review = g_str_equal (kind, "complaint") || g_str_equal (kind, "report");
  JsonObject *args = json_object_new ();
  g_autofree char *subject = fill (json_object_get_string_member (text, "subject"), place, item);
  g_autofree char *body = fill (json_object_get_string_member (text, "body"), place, item);
  g_autofree char *reply = fill (json_object_get_string_member (text, "reply"), place, item);
  g_autofree char *received_text = NULL;
  CivicActor *registrar, *handler = staff->handler;
  CivicDay day;

  message->id = civic_demo_uuid (&gen->gen);
  message->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  received = working_day_after (gen, received, 0);
  if (received > gen->gen.today)
    received = gen->gen.today;
  /* A department signs for what came in by the next working day: only
   * the last day's wait for it, and a few that slipped */
  if (stage == STAGE_NEW && working_day_after (gen, received, 1) < gen->gen.today &&
      !chance (gen, 0.1))
    stage = STAGE_SIGNED_FOR;

  /* Taken in: the portal and the apps by the service, the hotline by the
   * hall's dispatch, the window and letters by the department */
  if (g_str_equal (channel, "hotline-12345"))
    registrar = gen->input->dispatcher;
  else if (g_str_equal (channel, "on-site") || g_str_equal (channel, "letter"))
    registrar = handler;
  else
    registrar = NULL;
  json_object_set_string_member (args, "kind", kind);
  json_object_set_string_member (args, "channel", channel);
  json_object_set_string_member (args, "subject", subject);
  json_object_set_string_member (args, "body", body);
  json_object_set_string_member (args, "location", place);
  json_object_set_string_member (args, "department_id", department_id);
  received_text = civic_day_format (received);
  json_object_set_string_member (args, "received_on", received_text);
  if (anonymous)
    json_object_set_boolean_member (args, "anonymous", TRUE);
  else
    {
      g_autofree char *name = citizen_name (gen);
      g_autofree char *phone = g_strdup_printf ("1%d%09d", range (gen, 3, 9),
                                                range (gen, 0, 999999999));

      json_object_set_string_member (args, "citizen_name", name);
      json_object_set_string_member (args, "phone", phone);
    }
  if (json_object_get_boolean_member_with_default (entry, "accused", FALSE))
    {
      JsonObject *accused;

      do
        accused = g_ptr_array_index (gen->departments, range (gen, 0, gen->departments->len - 1));
      while (accused == department);
      json_object_set_string_member (args, "accused_department_id",
                                     json_object_get_string_member (accused, "id"));
    }
  /* (NULL: the service's own, as the public side's are); one received
   * today came in before now */
  {
    gint64 at = office_minute (gen, received);
    gint64 latest = gen->gen.now - range (gen, 60, 3600);

    add_step (gen, message, CIVIC_MESSAGE_ACTION_REGISTER, registrar, MIN (at, latest), args);
  }
  day = received;

  /* One in twelve is not this department's: handed on the next day, or
   * objected to by the one it went to */
  if (!json_object_get_boolean_member_with_default (entry, "accused", FALSE) && chance (gen, 0.08))
    {
      JsonObject *to;
      JsonObject *transfer = json_object_new ();

      do
        to = g_ptr_array_index (gen->departments, range (gen, 0, gen->departments->len - 1));
      while (to == department);
      day = working_day_after (gen, day, 1);
      json_object_set_string_member (transfer, "department_id",
                                     json_object_get_string_member (to, "id"));
      json_object_set_string_member (transfer, "reason", "not-our-remit");
      json_object_set_string_member (transfer, "text",
                                     pick (gen, json_object_get_array_member (gen->input->texts,
                                                                              "transfer_texts")));
      add_step (gen, message, CIVIC_MESSAGE_ACTION_TRANSFER, handler, office_minute (gen, day),
                transfer);
      department = to;
      staff = staff_of (gen, department);
      handler = staff->handler;
      if (recent && chance (gen, 0.4))
        {
          JsonObject *back = json_object_new ();

          json_object_set_string_member (back, "reason", "not-our-remit");
          json_object_set_string_member (back, "text",
                                         pick (gen, json_object_get_array_member (
                                                 gen->input->texts, "send_back_texts")));
          add_step (gen, message, CIVIC_MESSAGE_ACTION_SEND_BACK, handler,
                    office_minute (gen, working_day_after (gen, day, 1)), back);
          return message;
        }
    }
  if (stage == STAGE_NEW)
    return message;
  day = working_day_after (gen, day, range (gen, 0, 1));
  add_step (gen, message, CIVIC_MESSAGE_ACTION_SIGN_FOR, handler, office_minute (gen, day), NULL);
  if (stage == STAGE_SIGNED_FOR)
    return message;

  if (json_object_has_member (text, "note") || chance (gen, 0.3))
    {
      const char *note = json_object_get_string_member_with_default (
        text, "note", "已联系诉求人了解详细情况。");

      day = working_day_after (gen, day, range (gen, 0, 2));
      add_step (gen, message, CIVIC_MESSAGE_ACTION_NOTE, handler, office_minute (gen, day),
                text_args ("text", note));
    }
  if (stage == STAGE_WORKING)
    return message;

  /* One in twenty complaints takes longer: its head extends it first */
  if (review && chance (gen, 0.05))
    {
      JsonObject *extend = json_object_new ();

      json_object_set_int_member (extend, "days", range (gen, 3, 10));
      json_object_set_string_member (extend, "reason", "需多部门联合核查，经负责人批准延期答复。");
      add_step (gen, message, CIVIC_MESSAGE_ACTION_EXTEND, staff->head,
                office_minute (gen, working_day_after (gen, day, 1)), extend);
      day = working_day_after (gen, day, range (gen, 8, 14));
    }
  else
    day = working_day_after (gen, day, recent ? range (gen, 0, 2) : range (gen, 1, 8));
  add_step (gen, message, CIVIC_MESSAGE_ACTION_REPLY, handler, office_minute (gen, day),
            text_args ("text", reply));
  if (review)
    {
      if (chance (gen, 0.1))
        {
          JsonObject *returned = json_object_new ();

          json_object_set_string_member (returned, "decision", "return");
          json_object_set_string_member (returned, "note",
                                         json_object_get_string_member (gen->input->texts,
                                                                        "returned_note"));
          add_step (gen, message, CIVIC_MESSAGE_ACTION_REVIEW_REPLY, staff->reviewer,
                    office_minute (gen, day) + 3600, returned);
          day = working_day_after (gen, day, 1);
          add_step (gen, message, CIVIC_MESSAGE_ACTION_REPLY, handler, office_minute (gen, day),
                    text_args ("text", reply));
        }
      /* Waiting for its review, among the recent ones */
      if (recent && chance (gen, 0.7))
        return message;
      {
        JsonObject *approve = json_object_new ();

        json_object_set_string_member (approve, "decision", "approve");
        day = working_day_after (gen, day, range (gen, 0, 1));
        add_step (gen, message, CIVIC_MESSAGE_ACTION_REVIEW_REPLY, staff->reviewer,
                  office_minute (gen, day), approve);
      }
    }
  if (stage == STAGE_REPLIED)
    return message;

  {
    JsonObject *close = json_object_new ();

    json_object_set_string_member (close, "outcome",
                                   g_str_equal (kind, "consultation") ? "explained" : "resolved");
    json_object_set_string_member (close, "note",
                                   pick (gen, json_object_get_array_member (gen->input->texts,
                                                                            "close_notes")));
    day = working_day_after (gen, day, range (gen, 1, 5));
    add_step (gen, message, CIVIC_MESSAGE_ACTION_CLOSE, handler, office_minute (gen, day), close);
  }
  if (stage == STAGE_CLOSED || anonymous)
    return message;

  {
    JsonObject *visit = json_object_new ();
    JsonObject *records = json_object_get_object_member (gen->input->texts, "visit_records");
    const char *satisfaction = stage == STAGE_REOPENED ? "unsatisfied"
                               : chance (gen, 0.7) ? "satisfied"
                               : chance (gen, 0.6) ? "basically-satisfied" : "unreached";

    json_object_set_string_member (visit, "channel", chance (gen, 0.8) ? "phone" : "sms");
    json_object_set_string_member (visit, "satisfaction", satisfaction);
    json_object_set_string_member (visit, "record",
                                   pick (gen, json_object_get_array_member (records, satisfaction)));
    day = working_day_after (gen, day, range (gen, 1, 3));
    add_step (gen, message, CIVIC_MESSAGE_ACTION_RETURN_VISIT, handler, office_minute (gen, day),
              visit);
  }
  if (stage == STAGE_VISITED)
    return message;

  day = working_day_after (gen, day, 1);
  add_step (gen, message, CIVIC_MESSAGE_ACTION_REOPEN, handler, office_minute (gen, day),
            text_args ("reason", pick (gen, json_object_get_array_member (gen->input->texts,
                                                                          "reopen_reasons"))));
  return message;
}

/* Ratings (好差评) */

typedef struct
{
  CivicEvaluationAction  action;
  CivicActor            *actor;
  CivicDay               day;
  JsonObject            *args;
} RatingStep;

/* One action on a rating, as the service takes it: %NULL when the rules
 * refuse it, which is a bug of this generator */
static GObject *
play_rating_step (Gen         *gen,
                  GObject     *record,
                  const char  *id,
                  RatingStep  *step,
                  GError     **error)
{
  const CivicRecordStore *store = civic_records_lookup (CIVIC_ENTITY_EVALUATION);
  const CivicEntityKind *kind = store->kind;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (office_minute (gen, step->day));
  g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, civic_time_zone ());
  g_autofree char *command_id = civic_demo_uuid (&gen->gen);
  g_autoptr(GObject) created = NULL;
  g_autoptr(GError) refusal = NULL;
  GObject *next = NULL;
  CivicWorkflowContext context;

  civic_workflow_context_init (&context, gen->gen.calendar, when, step->actor);
  context.command_id = command_id;
  context.message_clocks = gen->clocks;
  if (record == NULL)
    record = created = kind->create (id, step->action, &context, &refusal);
  if (refusal == NULL)
    store->check_actor (step->actor, record, step->action, &refusal);
  if (refusal == NULL)
    next = kind->apply (record, step->action, step->args, &context, &refusal);
  if (refusal == NULL &&
      !store->finish (gen->input->db, next, step->action, command_id, gen->gen.calendar, when,
                      NULL, &refusal) &&
      refusal->domain != CIVIC_WORKFLOW_ERROR)
    {
      g_clear_object (&next);
      g_propagate_error (error, g_steal_pointer (&refusal));
      return NULL;
    }
  if (refusal != NULL)
    {
      g_warning ("demo: %s refused: %s", kind->action_to_string (step->action),
                 refusal->message);
      g_clear_object (&next);
    }
  return next;
}

static void
rating_step (GArray                *steps,
             CivicEvaluationAction  action,
             CivicActor            *actor,
             CivicDay               day,
             JsonObject            *args)
{
  RatingStep step = { action, actor, day, args != NULL ? args : json_object_new () };

  g_array_append_val (steps, step);
}

/* What happens to one citizen's rating of an answered message: given a
 * working day or two after the reply, a bad one when it was reopened; a
 * bad one visited when the citizen
 * gave their name, and rectified within the region's five working days
 * unless it is recent; now and then a malicious one appealed, which the
 * hall excludes, or kept and rectified after all */
static GArray *
plan_rating (Gen          *gen,
             CivicMessage *message,
             CivicActor   *system,
             JsonObject   *texts)
{
  const CivicDemoMessageStaff *staff = g_hash_table_lookup (gen->input->staff,
                                                            civic_message_get_department_id (
                                                              message));
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (RatingStep));
  CivicDay day = working_day_after (gen, civic_message_get_replied_on (message), range (gen, 0, 2));
  const char *level = pick_weighted (gen, json_object_get_object_member (texts, "levels"));
  /* Who asked for it to be looked at again was not pleased */
  int rating = civic_message_get_state (message) == CIVIC_MESSAGE_STATE_REOPENED
               ? range (gen, 1, 2) : (int) g_ascii_strtoll (level, NULL, 10);
  gboolean anonymous = civic_message_get_citizen (message)->anonymous || chance (gen, 0.3);
  JsonObject *rate = json_object_new ();
  gboolean recent;
  int efficiency;

  json_object_set_string_member (rate, "target", "message");
  json_object_set_string_member (rate, "target_id", civic_message_get_id (message));
  json_object_set_string_member (rate, "department_id", civic_message_get_department_id (message));
  json_object_set_string_member (rate, "channel", chance (gen, 0.8) ? "online" : "sms");
  json_object_set_int_member (rate, "rating", rating);
  json_object_set_int_member (rate, "overall", rating);
  efficiency = rating + range (gen, -1, 1);
  json_object_set_int_member (rate, "efficiency", CLAMP (efficiency, 1, 5));
  if (rating <= CIVIC_RATING_BAD_MAX || chance (gen, 0.3))
    json_object_set_string_member (rate, "comment",
                                   pick (gen, json_object_get_array_member (
                                               texts, rating <= CIVIC_RATING_BAD_MAX
                                                      ? "bad_comments" : "good_comments")));
  json_object_set_boolean_member (rate, "anonymous", anonymous);
  if (!anonymous)
    {
      const CivicMessageCitizen *citizen = civic_message_get_citizen (message);

      json_object_set_string_member (rate, "evaluator_name", citizen->name);
      if (citizen->phone != NULL)
        json_object_set_string_member (rate, "phone", citizen->phone);
    }
  rating_step (steps, CIVIC_EVALUATION_ACTION_RATE, system, day, rate);
  if (rating > CIVIC_RATING_BAD_MAX || staff == NULL)
    return steps;
  recent = working_day_after (gen, day, 15) > gen->gen.today;

  /* One bad rating in eight is appealed as malicious; most are excluded */
  if (chance (gen, 0.125))
    {
      gboolean exclude = chance (gen, 0.7);
      JsonObject *decide = json_object_new ();

      day = working_day_after (gen, day, 1);
      rating_step (steps, CIVIC_EVALUATION_ACTION_APPEAL, staff->head, day,
                   text_args ("reason", pick (gen, json_object_get_array_member (
                                                     texts, "appeal_reasons"))));
      json_object_set_string_member (decide, "decision", exclude ? "exclude" : "keep");
      json_object_set_string_member (decide, "text",
                                     json_object_get_string_member (
                                       json_object_get_object_member (texts, "appeal_decisions"),
                                       exclude ? "exclude" : "keep"));
      day = working_day_after (gen, day, range (gen, 1, 4));
      rating_step (steps, CIVIC_EVALUATION_ACTION_DECIDE_APPEAL, gen->input->dispatcher, day,
                   decide);
      if (exclude)
        return steps;
    }
  if (!anonymous)
    {
      JsonObject *visit = json_object_new ();
      JsonObject *records = json_object_get_object_member (gen->input->texts, "visit_records");
      const char *satisfaction = chance (gen, 0.6) ? "basically-satisfied" : "unsatisfied";

      json_object_set_string_member (visit, "channel", "phone");
      json_object_set_string_member (visit, "satisfaction", satisfaction);
      json_object_set_string_member (visit, "record",
                                     pick (gen, json_object_get_array_member (records,
                                                                              satisfaction)));
      day = working_day_after (gen, day, range (gen, 1, 3));
      rating_step (steps, CIVIC_EVALUATION_ACTION_RECORD_VISIT, staff->handler, day, visit);
    }
  /* Those of the last three weeks are still being put right, some late */
  if (recent)
    return steps;
  day = working_day_after (gen, day, range (gen, 2, 5));
  rating_step (steps, CIVIC_EVALUATION_ACTION_RECTIFY, staff->handler, day,
               text_args ("text", pick (gen, json_object_get_array_member (texts,
                                                                           "rectifications"))));
  return steps;
}

/* Ratings of two in five answered messages and of every reopened one,
 * each played up to today */
static gboolean
rate_answered (Gen         *gen,
               CivicActor  *system,
               guint       *n_ratings,
               GError     **error)
{
  const CivicRecordStore *store = civic_records_lookup (CIVIC_ENTITY_EVALUATION);
  JsonObject *texts = json_object_get_object_member (gen->input->texts, "ratings");

  *n_ratings = 0;
  if (texts == NULL)
    return TRUE;
  for (guint i = 0; i < gen->messages->len; i++)
    {
      Message *message = g_ptr_array_index (gen->messages, i);
      CivicMessage *record = message->record != NULL ? CIVIC_MESSAGE (message->record) : NULL;
      g_autoptr(GArray) steps = NULL;
      g_autoptr(GObject) rating = NULL;
      g_autofree char *id = NULL;
      CivicMessageState state;
      guint applied = 0;

      if (record == NULL)
        continue;
      state = civic_message_get_state (record);
      if ((state != CIVIC_MESSAGE_STATE_REPLIED && state != CIVIC_MESSAGE_STATE_CLOSED &&
           state != CIVIC_MESSAGE_STATE_REOPENED) ||
          civic_message_get_replied_on (record) == CIVIC_DAY_INVALID ||
          (state != CIVIC_MESSAGE_STATE_REOPENED && !chance (gen, 0.4)))
        continue;

      id = civic_demo_uuid (&gen->gen);
      steps = plan_rating (gen, record, system, texts);
      for (guint j = 0; j < steps->len; j++)
        {
          RatingStep *step = &g_array_index (steps, RatingStep, j);
          GObject *next;

          /* What has not happened yet is not taken */
          if (step->day > gen->gen.today)
            break;
          next = play_rating_step (gen, rating, id, step, error);
          if (next == NULL)
            {
              if (error != NULL && *error != NULL)
                {
                  for (guint k = 0; k < steps->len; k++)
                    json_object_unref (g_array_index (steps, RatingStep, k).args);
                  return FALSE;
                }
              break;
            }
          g_set_object (&rating, next);
          g_object_unref (next);
          applied++;
        }
      for (guint k = 0; k < steps->len; k++)
        json_object_unref (g_array_index (steps, RatingStep, k).args);
      if (rating == NULL)
        continue;
      civic_evaluation_set_rev (CIVIC_EVALUATION (rating), applied);
      if (store->save (gen->input->db, rating, gen->gen.calendar, gen->gen.today, error) == 0)
        return FALSE;
      (*n_ratings)++;
    }
  return TRUE;
}

/* Playing */

static gint
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const Step *x = *(const Step * const *) a;
  const Step *y = *(const Step * const *) b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static gboolean
play_step (Gen          *gen,
           Step         *step,
           CivicActor   *system,
           GError      **error)
{
  const CivicRecordStore *store = civic_records_lookup (CIVIC_ENTITY_MESSAGE);
  const CivicEntityKind *kind = store->kind;
  CivicDb *db = gen->input->db;
  Message *message = step->message;
  CivicActor *actor = step->actor != NULL ? step->actor : system;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (step->at);
  g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, civic_time_zone ());
  g_autofree char *command_id = civic_demo_uuid (&gen->gen);
  g_autoptr(GObject) created = NULL;
  g_autoptr(GObject) next = NULL;
  g_autoptr(GError) refusal = NULL;
  GObject *record = message->record;
  CivicWorkflowContext context;

  /* What has not happened yet is not taken: the message stands there */
  if (step->at > gen->gen.now)
    {
      message->stopped = TRUE;
      return TRUE;
    }

  civic_workflow_context_init (&context, gen->gen.calendar, when, actor);
  context.command_id = command_id;
  context.lookup_official = civic_accounts_lookup_official;
  context.lookup_data = db;
  context.message_clocks = gen->clocks;

  if (step->action == CIVIC_MESSAGE_ACTION_REGISTER)
    record = created = kind->create (message->id, step->action, &context, &refusal);
  if (refusal == NULL)
    store->check_actor (actor, record, step->action, &refusal);
  if (refusal == NULL)
    next = kind->apply (record, step->action, step->args, &context, &refusal);
  if (refusal == NULL &&
      !store->finish (db, next, step->action, command_id, gen->gen.calendar, when, NULL,
                      &refusal) &&
      refusal->domain != CIVIC_WORKFLOW_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&refusal));
      return FALSE;
    }
  if (refusal != NULL)
    {
      /* A plan the rules refuse is a bug of this generator */
      g_warning ("demo: %s refused: %s (by %s of %s, message of %s in %s)",
                 kind->action_to_string (step->action), refusal->message, actor->id,
                 actor->department_id,
                 record ? civic_message_get_department_id (CIVIC_MESSAGE (record)) : "-",
                 record ? civic_enum_to_nick (CIVIC_TYPE_MESSAGE_STATE,
                                              civic_message_get_state (CIVIC_MESSAGE (record)))
                        : "-");
      message->stopped = TRUE;
      return TRUE;
    }

  g_set_object (&message->record, next);
  message->applied++;
  return TRUE;
}

/**
 * civic_demo_messages_generate:
 * @counts: (out caller-allocates): how many ended in each state
 * @n_ratings: (out): how many ratings citizens gave the answered ones
 *
 * Makes @input->count messages in @input->db, and ratings of two in five
 * of the answered ones, inside the caller's transaction.
 */
gboolean
civic_demo_messages_generate (const CivicDemoMessageInput  *input,
                              guint                         counts[CIVIC_N_MESSAGE_STATES],
                              guint                        *n_ratings,
                              GError                      **error)
{
  const CivicRecordStore *store = civic_records_lookup (CIVIC_ENTITY_MESSAGE);
  guint32 seed[3] = { (guint32) input->seed, (guint32) (input->seed >> 32), STREAM };
  g_autoptr(CivicActor) system = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                  CIVIC_ROLE_SYSTEM);
  g_autoptr(GList) kinds = NULL;
  JsonObject *kind_table;
  Gen gen = { 0 };
  gboolean ok = FALSE;

  memset (counts, 0, sizeof (guint) * CIVIC_N_MESSAGE_STATES);
  *n_ratings = 0;
  if (input->count == 0)
    return TRUE;

  gen.input = input;
  gen.gen.rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  gen.gen.calendar = input->calendar;
  gen.gen.now = g_date_time_to_unix (input->now);
  gen.gen.today = civic_time_day_of (input->now);
  gen.clocks = civic_message_records_load_clocks (input->db, error);
  gen.departments = g_ptr_array_new ();
  gen.kinds = g_ptr_array_new ();
  gen.messages = g_ptr_array_new_with_free_func ((GDestroyNotify) message_free);
  gen.steps = g_ptr_array_new ();
  if (gen.clocks == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                             _("The service keeps no table of time limits"));
      goto out;
    }

  /* The departments with message staff, the demo department first */
  for (guint i = 0; i < json_array_get_length (input->departments); i++)
    {
      JsonObject *department = json_array_get_object_element (input->departments, i);
      const char *id = json_object_get_string_member (department, "id");

      if (g_hash_table_lookup (input->staff, id) == NULL)
        continue;
      if (g_str_equal (id, CIVIC_DEMO_DEPARTMENT))
        g_ptr_array_insert (gen.departments, 0, department);
      else
        g_ptr_array_add (gen.departments, department);
    }
  kind_table = json_object_get_object_member (input->texts, "kinds");
  kinds = json_object_get_members (kind_table);
  for (GList *l = kinds; l != NULL; l = l->next)
    {
      gint64 weight = json_object_get_int_member (json_object_get_object_member (kind_table,
                                                                                 l->data),
                                                  "weight");

      for (gint64 w = 0; w < weight; w++)
        g_ptr_array_add (gen.kinds, l->data);
    }
  if (gen.departments->len < 2 || gen.kinds->len == 0)
    {
      ok = TRUE;
      goto out;
    }

  for (guint i = 0; i < input->count; i++)
    {
      Message *message = plan_message (&gen);

      g_ptr_array_add (gen.messages, message);
      for (guint j = 0; j < message->steps->len; j++)
        {
          Step *step = g_ptr_array_index (message->steps, j);

          step->order = gen.order++;
          g_ptr_array_add (gen.steps, step);
        }
    }
  g_ptr_array_sort (gen.steps, compare_steps);

  for (guint i = 0; i < gen.steps->len; i++)
    {
      Step *step = g_ptr_array_index (gen.steps, i);

      if (!step->message->stopped && !play_step (&gen, step, system, error))
        goto out;
    }

  for (guint i = 0; i < gen.messages->len; i++)
    {
      Message *message = g_ptr_array_index (gen.messages, i);

      if (message->record == NULL)
        continue;
      civic_message_set_rev (CIVIC_MESSAGE (message->record), message->applied);
      if (store->save (input->db, message->record, gen.gen.calendar, gen.gen.today, error) == 0)
        goto out;
      counts[civic_message_get_state (CIVIC_MESSAGE (message->record))]++;
    }
  if (!rate_answered (&gen, system, n_ratings, error))
    goto out;
  ok = TRUE;

out:
  g_ptr_array_unref (gen.steps);
  g_ptr_array_unref (gen.messages);
  g_ptr_array_unref (gen.kinds);
  g_ptr_array_unref (gen.departments);
  g_clear_object (&gen.clocks);
  g_rand_free (gen.gen.rand);
  return ok;
}
