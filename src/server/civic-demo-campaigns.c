/* civic-demo-campaigns.c — the demo's idea campaigns, lived through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-demo"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-accounts.h"
#include "civic-campaign-kind.h"
#include "civic-core-enums.h"
#include "civic-demo.h"
#include "civic-demo-campaigns.h"
#include "civic-demo-disclosures-private.h"
#include "civic-json.h"
#include "civic-message-kind.h"
#include "civic-message-records.h"
#include "civic-records.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* The demo department's campaigns, from data/demo/messages.json: the
 * seeds' (15 July to 30 September of the demo's last such period, five
 * channels), closed and mostly judged — ideas received, scored,
 * shortlisted, adopted and declined with their answers — and one taking
 * ideas now. Each step goes through the kinds' rules and the stores'
 * finish, as the service would take it. */

/* The generator's own stream of the demo's seed: "camp" */
#define STREAM 0x63616d70

typedef struct
{
  CivicDemoGen                 gen;
  const CivicDemoMessageInput *input;
  const CivicDemoMessageStaff *staff;
  CivicMessageClocks          *clocks;
  CivicActor                  *system;
} Gen;

static CivicDay
working_day_on_or_after (Gen      *gen,
                         CivicDay  day)
{
  while (!civic_calendar_is_working_day (gen->gen.calendar, day))
    day = civic_demo_add_days (day, 1);
  return day;
}

/* An action of @actor at ten past @minute on @day, as the service takes
 * it; the record it makes, or %NULL when the rules refuse (a bug of this
 * generator, said) */
static GObject *
act (Gen               *gen,
     const char        *type,
     GObject           *record,
     const char        *id,
     guint              action,
     const CivicActor  *actor,
     CivicDay           day,
     guint              minute,
     JsonObject        *args,
     GError           **error)
{
  const CivicRecordStore *store = civic_records_lookup (type);
  const CivicEntityKind *kind = store->kind;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (civic_demo_instant (day, minute, 10));
  g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, civic_time_zone ());
  g_autofree char *command_id = civic_demo_uuid (&gen->gen);
  g_autoptr(GObject) created = NULL;
  g_autoptr(GError) refusal = NULL;
  GObject *next = NULL;
  CivicWorkflowContext context;

  civic_workflow_context_init (&context, gen->gen.calendar, when, actor);
  context.command_id = command_id;
  context.lookup_official = civic_accounts_lookup_official;
  context.lookup_data = gen->input->db;
  context.message_clocks = gen->clocks;

  if (record == NULL)
    record = created = kind->create (id, action, &context, &refusal);
  if (refusal == NULL)
    store->check_actor (actor, record, action, &refusal);
  if (refusal == NULL)
    next = kind->apply (record, action, args, &context, &refusal);
  if (refusal == NULL && store->finish != NULL &&
      !store->finish (gen->input->db, next, action, command_id, gen->gen.calendar, when, NULL,
                      &refusal) &&
      refusal->domain != CIVIC_WORKFLOW_ERROR)
    {
      g_clear_object (&next);
      g_propagate_error (error, g_steal_pointer (&refusal));
      return NULL;
    }
  if (refusal != NULL)
    {
      g_autoptr(JsonNode) said = args != NULL ? json_node_init_object (json_node_alloc (), args)
                                              : NULL;
      g_autofree char *text = said != NULL ? civic_json_to_string (said, FALSE) : NULL;

      g_warning ("demo: %s refused: %s (%s)", kind->action_to_string (action), refusal->message,
                 text);
      g_clear_object (&next);
      return NULL;
    }
  return next;
}

static gboolean
save (Gen      *gen,
      GObject  *record,
      gint64    rev,
      GError  **error)
{
  const CivicRecordStore *store = civic_records_lookup (
    CIVIC_IS_CAMPAIGN (record) ? CIVIC_ENTITY_CAMPAIGN : CIVIC_ENTITY_MESSAGE);

  store->kind->set_rev (record, rev);
  return store->save (gen->input->db, record, gen->gen.calendar, gen->gen.today, error) != 0;
}

/* How far an idea has gone, as planned */
typedef enum
{
  IDEA_RECEIVED,
  IDEA_SIGNED_FOR,
  IDEA_SCORED,
  IDEA_SHORTLISTED,
  IDEA_ADOPTED,
  IDEA_DECLINED,
} IdeaStage;

static IdeaStage
pick_stage (Gen      *gen,
            gboolean  judged)
{
  double p = g_rand_double (gen->gen.rand);

  if (!judged)
    return p < 0.4 ? IDEA_RECEIVED : p < 0.8 ? IDEA_SIGNED_FOR : IDEA_SCORED;
  return p < 0.08 ? IDEA_SCORED : p < 0.2 ? IDEA_SHORTLISTED : p < 0.5 ? IDEA_ADOPTED
         : IDEA_DECLINED;
}

static char *
citizen_name (Gen *gen)
{
  JsonArray *surnames = json_object_get_array_member (gen->input->people, "surnames");
  JsonArray *given = json_object_get_array_member (gen->input->people, "given_chars");

  return g_strconcat (civic_demo_pick_string (&gen->gen, surnames),
                      civic_demo_pick_string (&gen->gen, given),
                      civic_demo_pick_string (&gen->gen, given), NULL);
}

static JsonObject *
one_arg (const char *member,
         const char *value)
{
  JsonObject *args = json_object_new ();

  json_object_set_string_member (args, member, value);
  return args;
}

/* One idea of @campaign, received on @received through one of its
 * channels, taken as far as @stage; judged from @judging on */
static gboolean
live_idea (Gen            *gen,
           CivicCampaign  *campaign,
           CivicDay        received,
           CivicDay        judging,
           IdeaStage       stage,
           GError        **error)
{
  JsonArray *ideas = json_object_get_array_member (gen->input->texts, "ideas");
  JsonObject *text = json_array_get_object_element (
    ideas, civic_demo_rand_range (&gen->gen, 0, json_array_get_length (ideas) - 1));
  const CivicDemoMessageStaff *staff = gen->staff;
  g_autofree char *id = civic_demo_uuid (&gen->gen);
  g_autofree char *received_text = civic_day_format (received);
  g_autofree char *name = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(JsonObject) args = json_object_new ();
  GPtrArray *channels = g_ptr_array_new ();
  const char *channel;
  gboolean anonymous = civic_demo_chance (&gen->gen, 0.25);
  CivicDay signed_for = working_day_on_or_after (gen, civic_demo_add_days (received, 1));
  gint64 rev = 0;
  GObject *next;

  for (guint i = 0; i < CIVIC_N_MESSAGE_CHANNELS; i++)
    if (civic_campaign_has_channel (campaign, i))
      g_ptr_array_add (channels, (gpointer) civic_enum_to_nick (CIVIC_TYPE_MESSAGE_CHANNEL, i));
  channel = g_ptr_array_index (channels, civic_demo_rand_range (&gen->gen, 0, channels->len - 1));
  g_ptr_array_unref (channels);

  json_object_set_string_member (args, "kind", "idea");
  json_object_set_string_member (args, "channel", channel);
  json_object_set_string_member (args, "subject", json_object_get_string_member (text, "subject"));
  json_object_set_string_member (args, "body", json_object_get_string_member (text, "body"));
  json_object_set_string_member (args, "campaign_id", civic_campaign_get_id (campaign));
  json_object_set_string_member (args, "received_on", received_text);
  json_object_set_boolean_member (args, "anonymous", anonymous);
  if (!anonymous)
    {
      g_autofree char *phone = g_strdup_printf ("139%08d",
                                                civic_demo_rand_range (&gen->gen, 0, 99999999));

      name = citizen_name (gen);
      json_object_set_string_member (args, "citizen_name", name);
      json_object_set_string_member (args, "phone", phone);
    }
  /* A letter is registered by the desk; the rest came in by themselves */
  if (g_str_equal (channel, "letter"))
    record = act (gen, CIVIC_ENTITY_MESSAGE, NULL, id, CIVIC_MESSAGE_ACTION_REGISTER,
                  staff->handler, working_day_on_or_after (gen, received), 560, args, error);
  else
    {
      json_object_set_string_member (args, "department_id",
                                     civic_campaign_get_department_id (campaign));
      record = act (gen, CIVIC_ENTITY_MESSAGE, NULL, id, CIVIC_MESSAGE_ACTION_REGISTER,
                    gen->system, received, 600, args, error);
    }
  if (record == NULL)
    return error == NULL || *error == NULL;
  rev++;

#define STEP(action, actor, day, minute, a) \
  G_STMT_START { \
    g_autoptr(JsonObject) step_args = (a); \
    if ((day) > gen->gen.today) \
      goto done; \
    next = act (gen, CIVIC_ENTITY_MESSAGE, record, id, (action), (actor), (day), (minute), \
                step_args, error); \
    if (next == NULL) \
      goto done; \
    g_set_object (&record, next); \
    g_object_unref (next); \
    rev++; \
  } G_STMT_END

  if (stage >= IDEA_SIGNED_FOR)
    STEP (CIVIC_MESSAGE_ACTION_SIGN_FOR, staff->handler, signed_for, 540, NULL);
  if (stage >= IDEA_SCORED)
    {
      g_autoptr(JsonObject) first = json_object_new ();
      g_autoptr(JsonObject) second = json_object_new ();
      int score = civic_demo_rand_range (&gen->gen, stage == IDEA_ADOPTED ? 7 : 2,
                                         stage == IDEA_DECLINED ? 7 : 10);

      /* The head's is near the handler's */
      int other = score + civic_demo_rand_range (&gen->gen, -2, 2);

      json_object_set_int_member (first, "score", score);
      json_object_set_int_member (second, "score",
                                  CLAMP (other, CIVIC_IDEA_SCORE_MIN, CIVIC_IDEA_SCORE_MAX));
      STEP (CIVIC_MESSAGE_ACTION_SCORE_IDEA, staff->handler, judging, 570,
            json_object_ref (first));
      if (stage != IDEA_SCORED || civic_demo_chance (&gen->gen, 0.5))
        STEP (CIVIC_MESSAGE_ACTION_SCORE_IDEA, staff->head, judging, 600,
              json_object_ref (second));
    }
  if (stage == IDEA_SHORTLISTED || stage == IDEA_ADOPTED)
    STEP (CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA, staff->head,
          working_day_on_or_after (gen, civic_demo_add_days (judging, 3)), 900, NULL);
  if (stage == IDEA_ADOPTED || stage == IDEA_DECLINED)
    {
      JsonObject *answer = one_arg ("text", json_object_get_string_member (
                                      text, stage == IDEA_ADOPTED ? "adopt" : "decline"));

      json_object_set_string_member (answer, "decision",
                                     stage == IDEA_ADOPTED ? "adopt" : "decline");
      STEP (CIVIC_MESSAGE_ACTION_ANSWER_IDEA, staff->handler,
            working_day_on_or_after (gen, civic_demo_add_days (judging, 7)), 630, answer);
    }
#undef STEP

done:
  if (error != NULL && *error != NULL)
    return FALSE;
  return save (gen, record, rev, error);
}

/* A campaign of the demo department, prepared a week before it opens and
 * published three days before; closed the day after it ends when that
 * day has come */
static gboolean
live_campaign (Gen         *gen,
               JsonObject  *entry,
               GError     **error)
{
  g_autofree char *id = civic_demo_uuid (&gen->gen);
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GObject) record = NULL;
  g_autofree char *opens_text = NULL;
  g_autofree char *closes_text = NULL;
  JsonArray *period = json_object_has_member (entry, "period")
                      ? json_object_get_array_member (entry, "period") : NULL;
  JsonArray *relative = json_object_has_member (entry, "relative")
                        ? json_object_get_array_member (entry, "relative") : NULL;
  CivicDay opens, closes, judging;
  GObject *next;
  gint64 rev = 0;
  guint count = (guint) json_object_get_int_member (entry, "count");
  gboolean closed;

  if (period == NULL && relative == NULL)
    return TRUE;
  if (period != NULL)
    {
      /* This year's period when it is over, last year's when not */
      int year = g_date_time_get_year (gen->input->now);

      for (;; year--)
        {
          g_autofree char *from = g_strdup_printf ("%04d-%s", year,
                                                   json_array_get_string_element (period, 0));
          g_autofree char *to = g_strdup_printf ("%04d-%s", year,
                                                 json_array_get_string_element (period, 1));

          if (civic_day_parse (from, &opens) && civic_day_parse (to, &closes) &&
              civic_demo_add_days (closes, 30) < gen->gen.today)
            break;
        }
    }
  else
    {
      opens = civic_demo_add_days (gen->gen.today,
                                   (int) json_array_get_int_element (relative, 0));
      closes = civic_demo_add_days (gen->gen.today,
                                    (int) json_array_get_int_element (relative, 1));
    }
  opens_text = civic_day_format (opens);
  closes_text = civic_day_format (closes);
  json_object_set_string_member (args, "title", json_object_get_string_member (entry, "title"));
  json_object_set_string_member (args, "description",
                                 json_object_get_string_member (entry, "description"));
  json_object_set_member (args, "topics",
                          json_node_copy (json_object_get_member (entry, "topics")));
  json_object_set_member (args, "channels",
                          json_node_copy (json_object_get_member (entry, "channels")));
  json_object_set_string_member (args, "opens_on", opens_text);
  json_object_set_string_member (args, "closes_on", closes_text);

  record = act (gen, CIVIC_ENTITY_CAMPAIGN, NULL, id, CIVIC_CAMPAIGN_ACTION_CREATE,
                gen->staff->handler, working_day_on_or_after (gen, civic_demo_add_days (opens, -7)),
                600, args, error);
  if (record == NULL)
    return error == NULL || *error == NULL;
  next = act (gen, CIVIC_ENTITY_CAMPAIGN, record, id, CIVIC_CAMPAIGN_ACTION_OPEN,
              gen->staff->head, civic_demo_add_days (opens, -3), 900, NULL, error);
  if (next == NULL)
    return error == NULL || *error == NULL;
  g_set_object (&record, next);
  g_object_unref (next);
  rev = 2;
  closed = civic_demo_add_days (closes, 1) < gen->gen.today;
  if (closed)
    {
      next = act (gen, CIVIC_ENTITY_CAMPAIGN, record, id, CIVIC_CAMPAIGN_ACTION_CLOSE,
                  gen->staff->handler, working_day_on_or_after (gen, civic_demo_add_days (closes, 1)),
                  540, NULL, error);
      if (next == NULL)
        return error == NULL || *error == NULL;
      g_set_object (&record, next);
      g_object_unref (next);
      rev++;
    }
  /* Saved as it stands before its ideas: they are checked against it */
  if (!save (gen, record, rev, error))
    return FALSE;

  judging = working_day_on_or_after (gen, civic_demo_add_days (closes, 8));
  for (guint i = 0; i < count; i++)
    {
      CivicDay last = MIN (closes, civic_demo_add_days (gen->gen.today, -1));
      CivicDay day = civic_demo_add_days (opens, civic_demo_rand_range (&gen->gen, 0,
                                                                        (int) (last - opens)));
      IdeaStage stage = pick_stage (gen, closed);

      if (!live_idea (gen, CIVIC_CAMPAIGN (record), day, judging, stage, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * civic_demo_campaigns_generate:
 * @n_campaigns: (out): how many campaigns it made
 *
 * Makes the demo department's campaigns and their ideas in @input->db,
 * inside the caller's transaction.
 */
gboolean
civic_demo_campaigns_generate (const CivicDemoMessageInput  *input,
                               guint                        *n_campaigns,
                               GError                      **error)
{
  guint32 seed[3] = { (guint32) input->seed, (guint32) (input->seed >> 32), STREAM };
  g_autoptr(CivicActor) system = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                  CIVIC_ROLE_SYSTEM);
  JsonArray *campaigns = json_object_get_array_member (input->texts, "campaigns");
  Gen gen = { 0 };
  gboolean ok = TRUE;

  *n_campaigns = 0;
  gen.staff = g_hash_table_lookup (input->staff, CIVIC_DEMO_DEPARTMENT);
  if (campaigns == NULL || gen.staff == NULL || gen.staff->handler == NULL ||
      gen.staff->head == NULL)
    return TRUE;
  gen.input = input;
  gen.system = system;
  gen.gen.rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  gen.gen.calendar = input->calendar;
  gen.gen.now = g_date_time_to_unix (input->now);
  gen.gen.today = civic_time_day_of (input->now);
  gen.clocks = civic_message_records_load_clocks (input->db, error);
  if (gen.clocks == NULL)
    ok = FALSE;
  for (guint i = 0; ok && i < json_array_get_length (campaigns); i++)
    {
      ok = live_campaign (&gen, json_array_get_object_element (campaigns, i), error);
      *n_campaigns += ok;
    }
  g_clear_object (&gen.clocks);
  g_rand_free (gen.gen.rand);
  return ok;
}
